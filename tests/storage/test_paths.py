"""Tests for storage.paths: environment overrides, lazy platformdirs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from diffreader.storage import paths


def test_data_dir_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIFFREADER_DATA_DIR", str(tmp_path / "x"))
    assert paths.data_dir() == tmp_path / "x"
    assert paths.reviews_dir() == tmp_path / "x" / "reviews"


def test_explicit_override_wins(tmp_path: Path) -> None:
    assert paths.data_dir(tmp_path / "cli") == tmp_path / "cli"


def test_platformdirs_default(monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs import user_config_path, user_data_path

    monkeypatch.delenv("DIFFREADER_DATA_DIR")
    monkeypatch.delenv("DIFFREADER_CONFIG")
    assert paths.data_dir() == user_data_path("diffreader", appauthor=False)
    assert paths.config_path() == user_config_path("diffreader", appauthor=False) / "config.toml"


def test_config_path_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIFFREADER_CONFIG", str(tmp_path / "c.toml"))
    assert paths.config_path() == tmp_path / "c.toml"


def test_nothing_is_resolved_at_import() -> None:
    code = "import sys, diffreader.storage.paths; print('platformdirs' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
