"""Fixtures for the storage tests: an isolated data dir and config for every test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# comparison_builder.py lives in tests/, shared with tests/test_report.py.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point DIFFREADER_DATA_DIR and DIFFREADER_CONFIG into the test's temp dir."""
    data = tmp_path / "data"
    monkeypatch.setenv("DIFFREADER_DATA_DIR", str(data))
    monkeypatch.setenv("DIFFREADER_CONFIG", str(tmp_path / "config.toml"))
    return data
