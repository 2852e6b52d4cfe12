"""Tests the ``diffreader`` command line: modes, exit status and error messages."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from diffreader import __version__, cli
from diffreader.cli import ExitStatus, main

ORIGINAL = "00_original.txt"
REWRITE = "02_rewrite_contentfarm.txt"
SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "sample"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``python -m diffreader ARGS`` in a fresh process, as a script would run it."""
    return subprocess.run(
        [sys.executable, "-m", "diffreader", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        stdin=subprocess.DEVNULL,
        check=False,
        timeout=120,
    )


def assert_trouble(capsys: pytest.CaptureFixture[str], status: int, path: Path | str) -> str:
    """Exit status 2 and exactly one ``diffreader: <path>: <reason>`` line on stderr."""
    captured = capsys.readouterr()
    assert status == ExitStatus.TROUBLE
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith(f"diffreader: {path}: "), lines[0]
    assert "Traceback" not in captured.err
    return lines[0]


# --------------------------------------------------------------------------- printing


def test_identical_files_exit_0(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = demo / ORIGINAL
    assert main([str(original), str(original), "--format", "json"]) == ExitStatus.SAME
    data = json.loads(capsys.readouterr().out)
    assert data["stats"]["has_differences"] is False
    assert {p["status"] for p in data["pairs"]} <= {"same", "boilerplate"}


def test_same_text_in_another_encoding_exits_0(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = demo / ORIGINAL
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(original.read_text(encoding="utf-8").encode("utf-16"))  # with a BOM
    assert main([str(original), str(utf16), "--format", "text"]) == ExitStatus.SAME
    assert "no differences" in capsys.readouterr().out


def test_a_rewrite_exits_1(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(demo / ORIGINAL), str(demo / REWRITE), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["stats"]["has_differences"] is True
    assert data["claims"]


def test_a_changed_figure_in_japanese_is_shown_as_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Chinese and Japanese figures are claims too: in the text output, with what they
    replaced, and in the JSON with their category."""
    original = "市は五日、新しい体育館の計画を発表した。総工費は約十二億円となる。\n"
    (tmp_path / "a.txt").write_text(original, encoding="utf-8")
    (tmp_path / "b.txt").write_text(original.replace("十二", "15"), encoding="utf-8")
    paths = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert main([*paths, "--format", "text", "--color", "never"]) == ExitStatus.DIFFERENT
    assert "▲ ADDED number: “15億円” was “十二億円”" in capsys.readouterr().out
    assert main([*paths, "--format", "json"]) == ExitStatus.DIFFERENT
    claims = json.loads(capsys.readouterr().out)["claims"]
    assert {(c["side"], c["category"], c["text"]) for c in claims} == {
        ("a", "number", "十二億円"),
        ("b", "number", "15億円"),
    }


def test_whole_process_prints_json_and_exits_1(demo: Path) -> None:
    done = run(demo / ORIGINAL, demo / REWRITE, "--format", "json")
    assert done.returncode == 1, done.stderr
    assert done.stderr == ""
    assert json.loads(done.stdout)["schema"] == 1


def test_piped_output_without_format_prints_plain_text(demo: Path) -> None:
    done = run(demo / ORIGINAL, demo / REWRITE)
    assert done.returncode == 1, done.stderr
    assert "\x1b" not in done.stdout
    assert "Coverage" in done.stdout


@pytest.mark.sample
@pytest.mark.skipif(not SAMPLE.is_dir(), reason="../shared/corpus/sample is absent")
def test_sample_rewrite_exits_1() -> None:
    files = sorted(SAMPLE.glob("*.txt"))
    done = run(files[0], files[1], "--format", "json")
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["claims"]


def test_output_option_writes_the_file(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.md"
    status = main(
        [str(demo / ORIGINAL), str(demo / REWRITE), "--format", "markdown", "-o", str(target)]
    )
    assert status == ExitStatus.DIFFERENT
    assert capsys.readouterr().out == ""
    assert target.read_text(encoding="utf-8").startswith("# diffreader")


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"diffreader {__version__}"
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    help_text = capsys.readouterr().out
    for needle in ("examples:", "exit status:", "--format", "--report", "NO_COLOR"):
        assert needle in help_text


# --------------------------------------------------------------------------- trouble


def test_missing_file(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.txt"
    status = main([str(demo / ORIGINAL), str(missing), "--format", "json"])
    assert "no such file" in assert_trouble(capsys, status, missing)


def test_directory_where_a_file_is_needed(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main([str(tmp_path), str(demo / ORIGINAL), "--format", "json"])
    assert "directory" in assert_trouble(capsys, status, tmp_path)


def test_binary_file(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x02" + bytes(range(256)) * 8)
    status = main([str(demo / ORIGINAL), str(binary), "--format", "text"])
    assert "binary" in assert_trouble(capsys, status, binary)


def test_empty_file(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    status = main([str(empty), str(demo / ORIGINAL), "--format", "text"])
    assert "empty" in assert_trouble(capsys, status, empty)


def test_undecodable_file(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken-utf16.txt"
    broken.write_bytes(b"\xff\xfe" + "Harbour closes".encode("utf-16-le") + b"\x00")  # odd length
    status = main([str(demo / ORIGINAL), str(broken), "--format", "json"])
    assert_trouble(capsys, status, broken)


def test_too_large_file(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from diffreader.engine.load import MAX_BYTES

    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no disk space, no time
    status = main([str(demo / ORIGINAL), str(huge), "--format", "json"])
    assert "too large" in assert_trouble(capsys, status, huge)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read a chmod 000 file"
)
def test_unreadable_file_by_mode(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("Some text.", encoding="utf-8")
    locked.chmod(0)
    try:
        status = main([str(demo / ORIGINAL), str(locked), "--format", "json"])
    finally:
        locked.chmod(0o600)
    assert "permission" in assert_trouble(capsys, status, locked)


def test_unreadable_file(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same as above, for any user (root included): opening fails with EACCES."""
    locked = tmp_path / "locked.txt"
    locked.write_text("Some text.", encoding="utf-8")
    real_open = Path.open

    def refusing_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    status = main([str(demo / ORIGINAL), str(locked), "--format", "json"])
    assert "permission" in assert_trouble(capsys, status, locked).lower()


def test_unexpected_os_error_is_one_line(
    demo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import diffreader.engine.load

    def failing_load(path: str, **_: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(diffreader.engine.load, "load_document", failing_load)
    status = main([str(demo / ORIGINAL), str(demo / REWRITE), "--format", "json"])
    assert "Input/output error" in assert_trouble(capsys, status, demo / ORIGINAL)


def test_errors_from_a_real_process_have_no_traceback(tmp_path: Path) -> None:
    done = run(tmp_path / "a.txt", tmp_path / "b.txt", "--format", "json")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == f"diffreader: {tmp_path / 'a.txt'}: no such file\n"


def test_a_bug_is_one_line_and_status_2_unless_debugging(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise IndexError("tuple index out of range [bold]\x1b[31m")

    monkeypatch.setattr("diffreader.engine.compare", broken)
    a, b = demo / "00_original.txt", demo / "01_rewrite_syndicated.txt"
    assert main([str(a), str(b), "--format", "json"]) == ExitStatus.TROUBLE
    err = capsys.readouterr().err
    assert err.startswith("diffreader: internal error: IndexError: tuple index out of range")
    assert err.count("\n") == 1 and "\x1b" not in err and "DIFFREADER_DEBUG=1" in err
    monkeypatch.setenv("DIFFREADER_DEBUG", "1")
    with pytest.raises(IndexError):
        main([str(a), str(b), "--format", "json"])


@pytest.mark.parametrize(
    "args",
    [
        ["--corpus", "x", "a", "b", "c"],  # three or more paths are the multi-version view
        ["--format", "json"],
        ["--report", "markdown"],
        ["--format", "yaml", "a", "b"],
        ["--corpus", "x", "a", "b"],
        ["--no-such-option"],
    ],
)
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == ExitStatus.TROUBLE
    assert capsys.readouterr().err.splitlines()[-1].startswith("diffreader: ")


@pytest.mark.parametrize(
    "args",
    [
        ["{demo}/00_original.txt", "{demo}/02_rewrite_contentfarm.txt", "-o", ""],
        ["{demo}/00_original.txt", "{demo}/02_rewrite_contentfarm.txt", "{demo}/04_unrelated.txt"],
        ["find", "{demo}/00_original.txt", "{demo}", "-o", ""],
        ["stories", "{demo}", "--output", ""],
    ],
)
def test_an_empty_output_name_is_a_usage_error(
    args: list[str], demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``-o ""`` (``-o "$OUT"`` with OUT unset) said ``diffreader: : cannot write (Is a
    directory)`` after the comparison, or listed the folder and wrote nothing."""
    given = [a.format(demo=demo) for a in args]
    if "-o" not in given and "--output" not in given:
        given += ["--report", "json", "-o", ""]
    with pytest.raises(SystemExit) as exit_info:
        main([*given, "--data-dir", str(tmp_path)])
    assert exit_info.value.code == ExitStatus.TROUBLE
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines()[-1].endswith(": -o/--output needs a file name")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["stories", ""], "the folder name is empty"),
        (["find", "{demo}/00_original.txt", ""], "the folder name is empty"),
        (["find", "", "{demo}"], "a file name is empty"),
        (["scan", "", "-o", "{tmp}/out", "-j", "1"], "the folder name is empty"),
        (["serve", "", "--host", "256.0.0.1"], "the folder name is empty"),
        (["--corpus", ""], "the folder name is empty"),
        (["", "{demo}/00_original.txt", "--format", "json"], "a file name is empty"),
        (["{demo}/00_original.txt", "", "{demo}/04_unrelated.txt"], "a file name is empty"),
    ],
)
def test_an_empty_path_is_refused(
    args: list[str],
    message: str,
    demo: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An empty argument (``"$DIR"`` with DIR unset) was the current directory: ``stories``
    and ``find`` searched it, ``scan`` scanned everything under it, and an empty file name
    said ``diffreader: is a directory, not an article file``. ``serve ""`` and
    ``--corpus ""`` opened the configured corpus (else the demo) as if no folder was given."""
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    monkeypatch.setenv("DIFFREADER_DATA_DIR", str(tmp_path / "data"))
    given = [a.format(demo=demo, tmp=tmp_path) for a in args]
    assert main(given) == ExitStatus.TROUBLE
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"diffreader: {message}\n"
    assert not (tmp_path / "out").exists()


def test_ctrl_c_exits_130(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_dispatch", interrupted)
    assert main([str(demo / ORIGINAL), str(demo / REWRITE)]) == ExitStatus.INTERRUPTED
    assert "Traceback" not in capsys.readouterr().err


def test_broken_pipe_is_quiet(demo: Path, tmp_path: Path) -> None:
    """``diffreader A B | head -c 100``: no traceback when the reader goes away."""
    body = (demo / ORIGINAL).read_text(encoding="utf-8")
    big_a, big_b = tmp_path / "a.txt", tmp_path / "b.txt"
    big_a.write_text("\n\n".join([body] * 12), encoding="utf-8")  # output far above a pipe buffer
    big_b.write_text((demo / REWRITE).read_text(encoding="utf-8") * 3, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "diffreader", str(big_a), str(big_b), "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(100)
    process.stdout.close()
    stderr = process.stderr.read().decode()
    process.wait(timeout=120)
    assert "Traceback" not in stderr
    assert "BrokenPipe" not in stderr
    assert stderr == ""


# --------------------------------------------------------------------------- the reader


@pytest.fixture
def fake_reader(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Replace the TUI with a recorder, and pretend stdin and stdout are a terminal."""
    calls: list[dict[str, Any]] = []

    class FakeApp:
        return_code = 0

        def __init__(self, **kwargs: Any) -> None:
            calls.append(kwargs)

        def run(self) -> None:
            pass

    module = types.ModuleType("diffreader.tui.app")
    module.make_app = FakeApp  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "diffreader.tui.app", module)
    monkeypatch.setattr(cli, "_isatty", lambda stream: True)
    return calls


def test_no_paths_opens_the_demo_corpus(fake_reader: list[dict[str, Any]], demo: Path) -> None:
    assert main([]) == ExitStatus.SAME
    assert fake_reader == [
        {
            "theme": "textual-dark",
            "light_theme": "textual-light",
            "corpus": cli.demo_corpus(),
            "data_dir": None,
        }
    ]
    assert cli.demo_corpus().resolve() == demo.resolve()
    assert (cli.demo_corpus() / ORIGINAL).is_file()


def test_no_paths_opens_the_configured_corpus(
    fake_reader: list[dict[str, Any]], tmp_path: Path
) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    Path(os.environ["DIFFREADER_CONFIG"]).write_text(f'corpus = "{corpus}"\n', encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "data")]) == ExitStatus.SAME
    assert fake_reader[0]["corpus"].resolve() == corpus.resolve()
    assert fake_reader[0]["data_dir"] == tmp_path / "data"


def test_config_keys_and_theme_reach_the_reader(fake_reader: list[dict[str, Any]]) -> None:
    Path(os.environ["DIFFREADER_CONFIG"]).write_text(
        'theme = "nord"\n[keys]\n"review.next_unreviewed" = "n"\n', encoding="utf-8"
    )
    assert main([]) == ExitStatus.SAME
    assert fake_reader[0]["keymap"] == {"review.next_unreviewed": "n"}
    assert fake_reader[0]["theme"] == "nord"


def test_a_bad_config_is_reported_not_fatal(
    fake_reader: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    Path(os.environ["DIFFREADER_CONFIG"]).write_text("corpus = [1, 2\n", encoding="utf-8")
    assert main([]) == ExitStatus.SAME
    assert fake_reader[0]["corpus"] == cli.demo_corpus()
    assert capsys.readouterr().err.startswith("diffreader: config: ")
    # Shown in the reader too: it clears the screen over what stderr said just before.
    (notice,) = fake_reader[0]["notices"]
    assert notice.startswith("config: ")


def test_a_wrong_type_in_the_config_is_shown_in_the_reader(
    fake_reader: list[dict[str, Any]], tmp_path: Path
) -> None:
    corpus = tmp_path / "gone"
    Path(os.environ["DIFFREADER_CONFIG"]).write_text(
        f'theme = 5\ncorpus = "{corpus}"\n', encoding="utf-8"
    )
    assert main([]) == ExitStatus.SAME
    notices = fake_reader[0]["notices"]
    assert any("'theme'" in notice for notice in notices)
    assert any("no such folder" in notice for notice in notices)


def test_corpus_option_wins_over_the_config(
    fake_reader: list[dict[str, Any]], tmp_path: Path
) -> None:
    configured, chosen = tmp_path / "configured", tmp_path / "chosen"
    configured.mkdir()
    chosen.mkdir()
    Path(os.environ["DIFFREADER_CONFIG"]).write_text(f'corpus = "{configured}"\n', encoding="utf-8")
    assert main(["--corpus", str(chosen)]) == ExitStatus.SAME
    assert fake_reader[0]["corpus"] == chosen


def test_marks_the_reader_could_not_save_are_said_after_it_exits(
    fake_reader: list[dict[str, Any]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A window closing as the reader quits has no screen left to say its marks are lost:
    the command line says it on stderr once the reader has exited."""
    app_module = sys.modules["diffreader.tui.app"]
    opened = app_module.make_app  # type: ignore[attr-defined]

    def make_app(**kwargs: Any) -> Any:
        app = opened(**kwargs)
        app.lost_reviews = ["The marks and notes on a.txt vs b\x1b.txt could not be saved."]
        return app

    monkeypatch.setattr(app_module, "make_app", make_app)
    assert main([str(tmp_path)]) == ExitStatus.SAME
    err = capsys.readouterr().err
    assert "diffreader: The marks and notes on a.txt vs b␛.txt could not be saved." in err


def test_one_folder_opens_it(fake_reader: list[dict[str, Any]], tmp_path: Path) -> None:
    assert main([str(tmp_path)]) == ExitStatus.SAME
    assert fake_reader == [
        {
            "theme": "textual-dark",
            "light_theme": "textual-light",
            "corpus": tmp_path,
            "data_dir": None,
        }
    ]


def test_one_file_is_not_a_folder(
    fake_reader: list[dict[str, Any]], demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = demo / ORIGINAL
    assert_trouble(capsys, main([str(path)]), path)
    assert fake_reader == []


def test_two_files_on_a_terminal_open_the_pair(
    fake_reader: list[dict[str, Any]], demo: Path
) -> None:
    a, b = demo / ORIGINAL, demo / REWRITE
    assert main([str(a), str(b)]) == ExitStatus.SAME
    assert fake_reader == [
        {"theme": "textual-dark", "light_theme": "textual-light", "pair": (a, b), "data_dir": None}
    ]


def test_two_files_with_a_format_print_even_on_a_terminal(
    fake_reader: list[dict[str, Any]], demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(demo / ORIGINAL), str(demo / REWRITE), "--format", "json"]) == 1
    assert fake_reader == []
    assert json.loads(capsys.readouterr().out)["schema"] == 1


def test_bad_pair_fails_before_the_reader_opens(
    fake_reader: list[dict[str, Any]],
    demo: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    missing = tmp_path / "missing.txt"
    assert_trouble(capsys, main([str(demo / ORIGINAL), str(missing)]), missing)
    assert fake_reader == []


def test_the_reader_needs_a_terminal(demo: Path) -> None:
    done = run()  # stdin is /dev/null and stdout a pipe
    assert done.returncode == ExitStatus.TROUBLE
    assert done.stderr.startswith("diffreader: the reader needs a terminal")
    assert len(done.stderr.splitlines()) == 1


# --------------------------------------------------------------------------- reports


def test_report_is_written(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    done = run(demo / ORIGINAL, demo / REWRITE, "--report", "markdown", "-o", target)
    assert done.returncode == ExitStatus.DIFFERENT, done.stderr
    assert done.stdout == ""
    assert target.read_text(encoding="utf-8").strip()


def test_json_report_goes_to_stdout(demo: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "reviews-here"
    done = run(demo / ORIGINAL, demo / REWRITE, "--report", "json", "--data-dir", data_dir)
    assert done.returncode == ExitStatus.DIFFERENT, done.stderr
    assert json.loads(done.stdout)
    assert not data_dir.exists()  # a report reads review marks, never writes them


def test_report_includes_saved_review_marks(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from diffreader.engine import compare, load_document
    from diffreader.review import Mark
    from diffreader.storage.review import ReviewStore

    a, b = demo / ORIGINAL, demo / REWRITE
    session, _ = ReviewStore(tmp_path).load_for(compare(load_document(a), load_document(b)))
    item = session.items[0]
    session.set_mark(item.key, Mark.FLAGGED)
    session.set_note(item.key, "called the harbour office")
    status = main([str(a), str(b), "--report", "markdown", "--data-dir", str(tmp_path)])
    assert status == ExitStatus.DIFFERENT
    assert "called the harbour office" in capsys.readouterr().out


def test_report_with_a_data_folder_it_may_not_enter(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A data folder this user cannot enter (another user's, mode 000): the report is
    written without marks and says why, as for an unreadable review file. It was an
    internal error (PermissionError from looking for the reviews folder)."""
    locked = tmp_path / "data"
    (locked / "reviews").mkdir(parents=True)
    inside = str(locked) + os.sep
    real_stat, real_open = os.stat, os.open

    def refuse(path: Any) -> None:
        if os.fspath(path).startswith(inside):  # what chmod 000 does, for root too
            raise PermissionError(13, "Permission denied", os.fspath(path))

    def refusing_stat(path: Any, *args: Any, **kwargs: Any) -> Any:
        refuse(path)
        return real_stat(path, *args, **kwargs)

    def refusing_open(path: Any, *args: Any, **kwargs: Any) -> Any:
        refuse(path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", refusing_stat)
    monkeypatch.setattr(os, "open", refusing_open)
    for paths in ((ORIGINAL, REWRITE), (ORIGINAL, REWRITE, "01_rewrite_syndicated.txt")):
        args = [str(demo / p) for p in paths]
        status = main([*args, "--report", "json", "--data-dir", str(locked)])
        captured = capsys.readouterr()
        assert status == ExitStatus.DIFFERENT, captured.err
        assert json.loads(captured.out)
        assert "internal error" not in captured.err
        assert "Could not read the saved review" in captured.err
        assert "Permission denied" in captured.err


# --------------------------------------------------------------------------- hostile input


def run_with_timeout(
    *args: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``run`` with a short timeout: a FIFO used to make diffreader wait for ever."""
    return subprocess.run(
        [sys.executable, "-m", "diffreader", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        stdin=subprocess.DEVNULL,
        check=False,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def test_the_text_header_names_the_files_as_they_are_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A space at either end of a file name, or two together, are kept in the text header:
    it made each run of spaces one and dropped those at the ends, so " b.txt" read as
    another file, "b.txt" (the JSON and the multi-version view had them right)."""
    monkeypatch.chdir(tmp_path)
    a, b = Path("two  spaces.txt"), Path(" b.txt")
    a.write_text("The council met on Monday. It approved the budget.\n", encoding="utf-8")
    b.write_text("The council met on Friday. It approved the budget.\n", encoding="utf-8")
    for color in ("never", "always"):
        done = run(a, b, "--color", color)
        assert done.returncode == ExitStatus.DIFFERENT, done.stderr
        lines = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in done.stdout.splitlines()]
        assert lines[1] == f"  A  {a}"
        assert lines[3] == f"  B  {b}"


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_json_on_a_stdout_that_cannot_hold_every_character_is_still_json(
    encoding: str, tmp_path: Path
) -> None:
    """On a stdout in a legacy encoding (``PYTHONIOENCODING``, a latin-1 locale), what it
    cannot hold was written as Python's escapes (``\\xe9``, ``\\U0001f600``), which
    are no JSON: a script's parser failed. They are JSON's own escapes now."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The café on the quay reopened on Monday. \U0001f600\n", encoding="utf-8")
    b.write_text("The café on the quay reopened on Friday. \U0001f600\n", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    expected = json.loads(run_with_timeout(a, b, "--format", "json").stdout)
    for args in ((a, b, "--format", "json"), (a, b, "--report", "json"), (a, b, b, "-f", "json")):
        done = subprocess.run(
            [sys.executable, "-m", "diffreader", *map(str, args), "--data-dir", str(tmp_path)],
            capture_output=True,
            stdin=subprocess.DEVNULL,
            check=False,
            timeout=60,
            env=env,
        )
        assert done.returncode == ExitStatus.DIFFERENT, done.stderr
        data = json.loads(done.stdout.decode(encoding))
        if args[-1] == "json" and args[2] == "--format":
            assert data == expected
        assert "café" in json.dumps(data, ensure_ascii=False)


def test_an_html_report_on_an_ascii_stdout_has_character_references(tmp_path: Path) -> None:
    """An HTML report on an ASCII-only stdout showed Python's escapes in the browser
    (``caf\\xe9``); it has HTML's character references now (``caf&#233;``)."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The café on the quay reopened on Monday. \U0001f600\n", encoding="utf-8")
    b.write_text("The café on the quay reopened on Friday. \U0001f600\n", encoding="utf-8")
    for args in ((a, b), (a, b, b)):
        done = subprocess.run(
            [sys.executable, "-m", "diffreader", *map(str, args), "--report", "html"],
            capture_output=True,
            stdin=subprocess.DEVNULL,
            check=False,
            timeout=60,
            env={**os.environ, "PYTHONIOENCODING": "ascii", "DIFFREADER_DATA_DIR": str(tmp_path)},
        )
        assert done.returncode == ExitStatus.DIFFERENT, done.stderr
        page = done.stdout.decode("ascii")
        assert "caf&#233;" in page
        assert "\\xe9" not in page and "\\U0001f600" not in page


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_a_fifo_as_an_article_is_refused(demo: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for args in ((fifo, demo / REWRITE), (demo / ORIGINAL, fifo, "--report", "json")):
        done = run_with_timeout(*args)
        assert done.returncode == ExitStatus.TROUBLE
        assert done.stdout == ""
        assert done.stderr == f"diffreader: {fifo}: not a regular file (a FIFO), not an article\n"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_or_a_folder_as_an_article_is_refused(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["/dev/zero", str(demo / REWRITE), "--format", "json"])
    assert "not a regular file (a character device)" in assert_trouble(capsys, status, "/dev/zero")
    status = main([str(demo / ORIGINAL), str(demo), "--format", "text"])
    assert "is a directory" in assert_trouble(capsys, status, demo)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_a_fifo_as_the_config_file_is_reported_and_defaults_apply(
    demo: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "config.toml"
    os.mkfifo(fifo)
    done = run_with_timeout(env={"DIFFREADER_CONFIG": str(fifo)})
    lines = done.stderr.splitlines()
    assert lines[0] == (
        f"diffreader: config: {fifo}: cannot be read (not a regular file), using the defaults"
    )
    assert "needs a terminal" in lines[1]  # it went on to start the reader
    assert "Traceback" not in done.stderr
    done = run_with_timeout(demo / ORIGINAL, demo / ORIGINAL, env={"DIFFREADER_CONFIG": str(fifo)})
    assert done.returncode == ExitStatus.SAME


def test_a_deeply_nested_config_is_reported_not_fatal(
    fake_reader: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    Path(os.environ["DIFFREADER_CONFIG"]).write_text(
        "corpus = " + "[" * 10000 + "]" * 10000 + "\n", encoding="utf-8"
    )
    assert main([]) == ExitStatus.SAME
    assert fake_reader[0]["corpus"] == cli.demo_corpus()
    err = capsys.readouterr().err
    assert err.startswith("diffreader: config: ") and "nested too deeply" in err


def test_a_missing_configured_corpus_opens_the_demo_corpus_with_a_warning(
    fake_reader: list[dict[str, Any]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README promises the reader always starts: the configured folder may be gone."""
    gone = tmp_path / "unplugged"
    Path(os.environ["DIFFREADER_CONFIG"]).write_text(f'corpus = "{gone}"\n', encoding="utf-8")
    assert main([]) == ExitStatus.SAME
    assert fake_reader[0]["corpus"] == cli.demo_corpus()
    notice = f"config 'corpus': {gone}: no such folder; showing the demo corpus"
    assert fake_reader[0]["notices"] == [notice]
    assert capsys.readouterr().err == f"diffreader: {notice}\n"
    # Named on the command line, a missing folder is still an error.
    fake_reader.clear()
    assert_trouble(capsys, main([str(gone)]), gone)
    assert_trouble(capsys, main(["--corpus", str(gone)]), gone)
    assert fake_reader == []


def test_escapes_in_a_refused_file_name_are_made_visible(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "\x1b]0;pwned\x07\x1b[31mred\u2028\n.txt"
    status = main([str(tmp_path / name), str(demo / REWRITE), "--format", "json"])
    line = assert_trouble(capsys, status, tmp_path / "␛]0;pwned␇␛[31mred<U+2028>␊.txt")
    assert line.endswith("no such file")
    binary = tmp_path / "[bold]\x1b[2J.txt"
    binary.write_bytes(b"\x00\x01\x02")
    status = main([str(binary), str(demo / REWRITE), "--format", "text"])
    assert "binary" in assert_trouble(capsys, status, tmp_path / "[bold]␛[2J.txt")


def test_a_corrupt_review_message_on_stderr_is_visible(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from diffreader.engine import compare, load_document
    from diffreader.storage.review import ReviewStore

    data = tmp_path / "data"
    comparison = compare(load_document(demo / ORIGINAL), load_document(demo / REWRITE))
    ReviewStore(data).load_for(comparison)
    for path in (data / "reviews").glob("*.json"):
        if path.name != "index.json":
            path.write_text(json.dumps({"schema_version": "\x1b[2J"}), encoding="utf-8")
    status = main(
        [str(demo / ORIGINAL), str(demo / REWRITE), "--report", "json", "--data-dir", str(data)]
    )
    assert status == ExitStatus.DIFFERENT
    err = capsys.readouterr().err
    assert err and "\x1b" not in err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell redirections")
@pytest.mark.parametrize("how", [">&-", "| head -c 0", "| true"])
def test_a_closed_stdout_is_one_line_and_a_closed_pipe_quiet(demo: Path, how: str) -> None:
    """Started with stdout closed, nothing can be written: said on stderr (it exited 2 with
    no word). A reader that stops reading (``| head``) is not trouble to report."""
    command = (
        f"{sys.executable} -m diffreader {demo / ORIGINAL} {demo / REWRITE} --format text {how}"
    )
    done = subprocess.run(
        ["sh", "-c", command + "; echo status=$? >&2" if ">&-" in how else command],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in done.stderr and "Error" not in done.stderr
    if ">&-" in how:
        assert done.stderr == "diffreader: standard output is closed\nstatus=2\n"
    else:
        assert done.stderr == ""


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_a_reader_that_stops_reading_a_long_output_is_status_2(
    demo: Path, tmp_path: Path, fmt: str
) -> None:
    """A write of megabytes that a closed pipe cut short passed for whole: Markdown, one
    long piece, exited 1 (its output lost in silence), text and JSON 2."""
    import re

    original = (demo / ORIGINAL).read_text(encoding="utf-8")
    bump = lambda m: str(int(m.group()) + 1)  # noqa: E731
    (tmp_path / "a.txt").write_text("\n\n".join([original] * 80), encoding="utf-8")
    changed = re.sub(r"\d+", bump, original)
    (tmp_path / "b.txt").write_text("\n\n".join([changed] * 80), encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, "-m", "diffreader", "a.txt", "b.txt", "--format", fmt],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None and child.stderr is not None
    assert len(child.stdout.read(10)) == 10
    child.stdout.close()
    err = child.stderr.read()
    assert child.wait(timeout=120) == ExitStatus.TROUBLE
    assert b"Traceback" not in err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_disk_on_stdout_is_one_line(demo: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "diffreader",
                demo / ORIGINAL,
                demo / REWRITE,
                "--format",
                "json",
            ],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == ExitStatus.TROUBLE
    assert done.stderr == "diffreader: standard output: cannot write (No space left on device)\n"


@pytest.mark.parametrize("fmt", [["--format", "json"], ["--report", "markdown"]])
def test_output_naming_an_input_article_is_refused(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: list[str]
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes((demo / ORIGINAL).read_bytes())
    b.write_bytes((demo / REWRITE).read_bytes())
    before = b.read_bytes()
    via = tmp_path / "sub" / ".." / "b.txt"
    (tmp_path / "sub").mkdir()
    status = main([str(a), str(b), *fmt, "-o", str(via)])
    line = assert_trouble(capsys, status, via)
    assert "is the article" in line
    assert b.read_bytes() == before
    if hasattr(os, "link"):
        os.link(a, tmp_path / "hard.txt")
        status = main([str(a), str(b), *fmt, "-o", str(tmp_path / "hard.txt")])
        assert_trouble(capsys, status, tmp_path / "hard.txt")
        assert a.read_bytes() == (demo / ORIGINAL).read_bytes()


@pytest.mark.parametrize("fmt", [["--format", "json"], ["--report", "json"]])
def test_output_in_the_data_folder_is_refused(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: list[str]
) -> None:
    """``-o`` over the saved review it reports on (or anything of the data folder) would
    destroy the marks: refused, the file left as it was."""
    data = tmp_path / "data"
    a, b = str(demo / ORIGINAL), str(demo / REWRITE)
    index = data / "reviews" / "index.json"
    index.parent.mkdir(parents=True)
    before = b'{"schema_version": 1, "pairs": {}}\n'
    index.write_bytes(before)
    status = main([a, b, *fmt, "--data-dir", str(data), "-o", str(index)])
    assert "in diffreader's data folder" in assert_trouble(capsys, status, index)
    assert index.read_bytes() == before


@pytest.mark.parametrize("command", ["find", "stories"])
def test_find_and_stories_refuse_output_over_an_article_of_their_folder(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    folder = tmp_path / "news"
    shutil.copytree(demo, folder)
    victim = folder / REWRITE
    before = victim.read_bytes()
    args = [str(folder / ORIGINAL)] if command == "find" else []
    status = main([command, *args, str(folder), "-o", str(victim)])
    assert "is an article of" in assert_trouble(capsys, status, victim)
    assert victim.read_bytes() == before
    assert main([command, *args, str(folder), "-o", str(tmp_path / "out.txt")]) == 0


@pytest.mark.parametrize("fmt", ["json", "markdown", "text"])
@pytest.mark.parametrize("to_file", [True, False])
def test_the_streamed_output_is_the_rendered_text(
    demo: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
    to_file: bool,
) -> None:
    from diffreader.engine import compare, load_document
    from diffreader.render import render

    monkeypatch.setenv("COLUMNS", "100")  # the width text output to stdout is wrapped to

    comparison = compare(load_document(demo / ORIGINAL), load_document(demo / REWRITE))
    out = tmp_path / "out.txt"
    args = [str(demo / ORIGINAL), str(demo / REWRITE), "--format", fmt, "--color", "never"]
    assert main([*args, "-o", str(out)] if to_file else args) == ExitStatus.DIFFERENT
    written = out.read_text(encoding="utf-8") if to_file else capsys.readouterr().out
    assert written == render(comparison, fmt, width=100)


def test_output_midway_failure_leaves_the_old_file_whole(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("the previous report\n", encoding="utf-8")

    def pieces() -> Any:
        yield '{\n  "schema": 1,\n'
        raise KeyboardInterrupt  # Ctrl+C while the rest is being made

    with pytest.raises(KeyboardInterrupt):
        cli._write(pieces(), str(out))
    assert out.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]  # no temp file left


def test_output_replaces_a_file_keeping_its_permissions_and_links(
    demo: Path, tmp_path: Path
) -> None:
    real = tmp_path / "real.md"
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    pair = [str(demo / ORIGINAL), str(demo / REWRITE)]
    status = main([*pair, "--format", "markdown", "-o", str(link)])
    assert status == ExitStatus.DIFFERENT
    assert link.is_symlink()  # the link still names the file, which holds the new text
    assert real.read_text(encoding="utf-8").startswith("#")
    assert (real.stat().st_mode & 0o777) == 0o640
    created = tmp_path / "new.json"
    main([*pair, "--format", "json", "-o", str(created)])
    umask = os.umask(0)
    os.umask(umask)
    assert (created.stat().st_mode & 0o777) == 0o666 & ~umask


def test_output_to_a_device_writes_to_it_in_place(demo: Path) -> None:
    pair = [str(demo / ORIGINAL), str(demo / REWRITE)]
    status = main([*pair, "--format", "json", "-o", "/dev/null"])
    assert status == ExitStatus.DIFFERENT
    assert Path("/dev/null").is_char_device()


_TEARDOWN_WATCH = """\
import atexit, sys
from diffreader.cli import main
atexit.register(lambda: sys.stderr.write("torn down\\n"))
sys.argv[1:] = {args!r}
raise SystemExit(main())
"""
"""The command line run as the ``diffreader`` script runs it (``main()`` without
arguments), with an exit handler that tells whether the interpreter was torn down."""


@pytest.mark.parametrize("fmt", ["json", "text"])
@pytest.mark.parametrize("to_file", [True, False])
def test_a_printed_comparison_ends_the_process_once_written(
    demo: Path, tmp_path: Path, fmt: str, to_file: bool
) -> None:
    from diffreader.engine import compare, load_document
    from diffreader.render import render

    out = tmp_path / "out.txt"
    args = [str(demo / ORIGINAL), str(demo / REWRITE), "--format", fmt, "--color", "never"]
    if to_file:
        args += ["-o", str(out)]
    done = subprocess.run(
        [sys.executable, "-c", _TEARDOWN_WATCH.format(args=args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        stdin=subprocess.DEVNULL,
        env={**os.environ, "COLUMNS": "100"},
        check=False,
        timeout=120,
    )
    # Ended at once (no teardown, no exit handler), its status and whole output kept.
    assert done.stderr == ""
    assert done.returncode == ExitStatus.DIFFERENT
    comparison = compare(load_document(demo / ORIGINAL), load_document(demo / REWRITE))
    written = out.read_text(encoding="utf-8") if to_file else done.stdout
    assert written == render(comparison, fmt, width=100)


def test_a_caller_passing_arguments_gets_the_status_back(demo: Path) -> None:
    """``main(argv)`` (a library call, a test) returns: only the process's own command
    line ends the process once written."""
    watch = _TEARDOWN_WATCH.replace("sys.argv[1:] = {args!r}\nraise SystemExit(main())", "")
    args = [str(demo / ORIGINAL), str(demo / REWRITE), "-o", os.devnull]
    code = watch + f"print('returned', main({args!r}))\n"
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
        timeout=120,
    )
    assert done.stdout == "returned 1\n"
    assert done.stderr == "torn down\n"
