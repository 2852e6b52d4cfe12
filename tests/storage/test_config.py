"""Tests for storage.config: defaults, good values, and bad values named in messages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from diffreader.storage.config import Config, load_config


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_gives_defaults_silently(tmp_path: Path) -> None:
    config, messages = load_config(tmp_path / "none.toml")
    assert config == Config()
    assert messages == []


def test_default_location_is_the_environment_override(tmp_path: Path) -> None:
    write(tmp_path / "config.toml", 'theme = "nord"\n')  # DIFFREADER_CONFIG (conftest)
    config, messages = load_config()
    assert config.theme == "nord"
    assert messages == []


def test_good_values(tmp_path: Path) -> None:
    file = write(
        tmp_path / "config.toml",
        'corpus = "articles"\ntheme = "nord"\nlight_theme = "solarized-light"\n'
        '[keys]\nnext_unreviewed = "n"\nflag = ["f", "!"]\n',
    )
    config, messages = load_config(file)
    assert messages == []
    assert config.corpus == tmp_path / "articles"
    assert config.theme == "nord"
    assert config.light_theme == "solarized-light"
    assert config.keys == {"next_unreviewed": "n", "flag": "f,!"}


def test_home_is_expanded(tmp_path: Path) -> None:
    config, _ = load_config(write(tmp_path / "config.toml", 'corpus = "~/news"\n'))
    assert config.corpus == Path("~/news").expanduser()


def test_bad_values_name_the_key_and_defaults_apply(tmp_path: Path) -> None:
    file = write(
        tmp_path / "config.toml",
        "theme = 3\ncorpus = false\ncolour = 'red'\n[keys]\nquit = 7\naccept = 'a'\n",
    )
    config, messages = load_config(file)
    assert config.theme == "textual-dark"
    assert config.corpus is None
    assert config.keys == {"accept": "a"}
    assert "config.toml: 'theme' must be a theme name (a string), using the default" in messages
    assert any("'corpus'" in m for m in messages)
    assert any("'keys.quit'" in m for m in messages)
    assert any("unknown setting 'colour'" in m for m in messages)


def test_keys_must_be_a_table(tmp_path: Path) -> None:
    config, messages = load_config(write(tmp_path / "config.toml", 'keys = "n"\n'))
    assert config.keys == {}
    assert messages and "'keys'" in messages[0]


def test_unparsable_file_gives_defaults_and_a_message(tmp_path: Path) -> None:
    file = write(tmp_path / "config.toml", "theme = [unclosed\n")
    config, messages = load_config(file)
    assert config == Config()
    assert len(messages) == 1
    assert "is not valid TOML" in messages[0]
    assert str(file) in messages[0]


def test_binary_file_gives_defaults_and_a_message(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    file.write_bytes(b"\xff\xfe\x00garbage")
    config, messages = load_config(file)
    assert config == Config()
    assert messages == [f"{file}: is not UTF-8 text, using the defaults"]


def test_directory_instead_of_file(tmp_path: Path) -> None:
    (tmp_path / "config.toml").mkdir()
    config, messages = load_config(tmp_path / "config.toml")
    assert config == Config()
    assert len(messages) == 1 and "cannot be read" in messages[0]


def test_deeply_nested_file_gives_defaults_and_a_message(tmp_path: Path) -> None:
    for text in ("a = " + "[" * 5000 + "]" * 5000, "x = " + "{a = " * 3000 + "1" + "}" * 3000):
        file = write(tmp_path / "config.toml", text + "\n")
        config, messages = load_config(file)
        assert config == Config()
        assert messages == [f"{file}: is nested too deeply to read, using the defaults"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_instead_of_a_file() -> None:
    config, messages = load_config("/dev/zero")
    assert config == Config()
    assert messages == ["/dev/zero: cannot be read (not a regular file), using the defaults"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    """In a child process with a timeout: the old reader waited for a writer for ever."""
    fifo = tmp_path / "config.toml"
    os.mkfifo(fifo)
    code = "import sys\nfrom diffreader.storage.config import load_config\n"
    code += "print(load_config(sys.argv[1])[1])\n"
    done = subprocess.run(
        [sys.executable, "-c", code, str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "not a regular file" in done.stdout
