"""Provides fixtures for the TUI tests: small corpora, and helpers that wait for workers."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import HOSTILE, HOSTILE_B, ORIGINAL, REPO, REWRITE
from textual.widgets import Input


@pytest.fixture(autouse=True)
def _tui_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stop cursor blink (harlequin's no_cursor_blink) and run from the repo root."""
    monkeypatch.setattr(Input, "cursor_blink", False, raising=False)
    monkeypatch.chdir(REPO)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A small corpus: an original, a rewrite, a hostile article and a binary file."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a_original.txt").write_text(ORIGINAL, encoding="utf-8")
    (folder / "b_rewrite.txt").write_text(REWRITE, encoding="utf-8")
    (folder / "c_hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "d_binary.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    )
    return folder


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "original.txt", tmp_path / "rewrite.txt"
    a.write_text(ORIGINAL, encoding="utf-8")
    b.write_text(REWRITE, encoding="utf-8")
    return a, b


@pytest.fixture
def hostile_pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "hostile_a.txt", tmp_path / "hostile_b.txt"
    a.write_text(HOSTILE, encoding="utf-8")
    b.write_text(HOSTILE_B, encoding="utf-8")
    return a, b
