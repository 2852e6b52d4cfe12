"""Provides fixtures for the TUI tests: small corpora, and helpers that wait for workers."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from diffreader.tui.screens.corpus import CorpusScreen
from diffreader.tui.screens.diff import DiffScreen

REPO = Path(__file__).resolve().parents[2]

ORIGINAL = """Harbour bridge closes for repairs

The town council voted to close the harbour bridge. Engineers found corrosion in two supports.

The mayor said the decision was hard. "Nobody wanted to close the bridge," she said.

Ferries will run every hour. The market stays open. Shops expect fewer visitors.
Buses will stop at the quay. Parking stays free.

The council will review the repairs in spring.
"""

REWRITE = """Harbour bridge shut for urgent repairs

The town council voted 7 to 2 to close the harbour bridge on Thursday.
Engineers found corrosion in two supports.

Ferries will run every hour. The market stays open. Shops expect fewer visitors.
Buses will stop at the quay. Parking stays free.

The mayor said the decision was hard. "Nobody on the council wanted to close the bridge," she said.

Repairs will cost 1.8 million euros, said finance officer Martin Reyes.
"""

HOSTILE = (
    "Markup [bold]is not[/] bold and [red]not red[/red]. An escape \x1b[31mstays\x1b[0m literal. "
    "Flags 🇷🇺🤝🇺🇸🕊️ keep the columns straight.\n\nA second paragraph [link=x]ends[/link] here."
)
HOSTILE_B = HOSTILE + "\n\nAn added sentence with [b]brackets[/b] and \x1b]0;title\x07 inside."


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


async def wait_for(pilot: Pilot[None], predicate, timeout: float = 15.0) -> None:  # type: ignore[no-untyped-def]
    """Pause until ``predicate()`` holds (workers run in threads)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.02)


async def corpus_loaded(pilot: Pilot[None]) -> CorpusScreen:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CorpusScreen))
    screen = pilot.app.screen
    assert isinstance(screen, CorpusScreen)
    await wait_for(pilot, lambda: not screen.loading)
    await pilot.pause()
    return screen


async def diff_ready(pilot: Pilot[None], timeout: float = 15.0) -> DiffScreen:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, DiffScreen))
    screen = pilot.app.screen
    assert isinstance(screen, DiffScreen)
    await wait_for(pilot, lambda: not screen.comparing, timeout)
    await pilot.pause()
    return screen
