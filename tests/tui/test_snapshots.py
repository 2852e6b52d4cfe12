"""Snapshot tests (pytest-textual-snapshot) of each screen and mode at 120x40.

The diff screens use the hand-built comparison of ``tests/comparison_builder.py``, so they
pin the reader's rendering, not the engine's current judgement (engine changes would
otherwise move every snapshot). The corpus screen reads the demo corpus.
Update with ``pytest --snapshot-update`` only after reading ``snapshot_report.html``.
"""

from __future__ import annotations

import time

import pytest
from textual.pilot import Pilot

from comparison_builder import sample
from diffreader.tui.app import DiffReaderApp, make_app
from diffreader.tui.screens.corpus import CorpusScreen
from diffreader.tui.screens.diff import DiffScreen

SIZE = (120, 40)


async def _wait(pilot: Pilot[None], predicate) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 30
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.02)


async def _diff_ready(pilot: Pilot[None]) -> None:
    app = pilot.app
    await _wait(pilot, lambda: isinstance(app.screen, DiffScreen) and not app.screen.comparing)
    await pilot.pause()


@pytest.fixture
def diff_app() -> DiffReaderApp:
    return DiffReaderApp(comparison=sample())


def test_corpus_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        await _wait(pilot, lambda: isinstance(app.screen, CorpusScreen) and not app.screen.loading)
        await _wait(pilot, lambda: app.screen.index_ready)  # the progress bar has gone
        # No A mark: similarity figures come from the engine and would move with it.
        await pilot.press("down", "down", "down")
        screen = app.screen
        assert isinstance(screen, CorpusScreen)
        # The cursor on the fourth row and the preview showing that article.
        await _wait(
            pilot,
            lambda: (
                screen._table.cursor_row == 3
                and screen.highlighted is not None
                and screen._previewed is not None
                and screen._previewed[0] == screen.highlighted.key
            ),
        )
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_diff_screen_side_by_side(snap_compare, diff_app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(diff_app, terminal_size=SIZE, run_before=_diff_ready)


def test_diff_screen_with_panel(snap_compare, diff_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[None]) -> None:
        await _diff_ready(pilot)
        await pilot.press("p", "down", "enter")
        await pilot.pause()

    assert snap_compare(diff_app, terminal_size=(160, 40), run_before=run_before)


def test_diff_screen_with_marks(snap_compare, diff_app) -> None:  # type: ignore[no-untyped-def]
    """Marks in the margin (✓, !, ✎), the selected claim highlighted, the counter."""

    async def run_before(pilot: Pilot[None]) -> None:
        await _diff_ready(pilot)
        # Accept the headline; flag the altered quotation and accept its moved group; a
        # note on the added claim of row 2, which stays selected.
        await pilot.press("x", "j", "exclamation_mark", "i", "x", "j", "e")
        await pilot.press(*"source: council minutes", "enter")
        await pilot.pause()

    assert snap_compare(diff_app, terminal_size=SIZE, run_before=run_before)


def test_diff_screen_unified_folded(snap_compare, diff_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[None]) -> None:
        await _diff_ready(pilot)
        await pilot.press("u", "f")
        await pilot.pause()

    assert snap_compare(diff_app, terminal_size=SIZE, run_before=run_before)


def test_diff_screen_light_theme(snap_compare, diff_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[None]) -> None:
        await _diff_ready(pilot)
        pilot.app.theme = "textual-light"
        await pilot.pause(0.1)
        await pilot.press("c")
        await pilot.pause()

    assert snap_compare(diff_app, terminal_size=SIZE, run_before=run_before)


def test_diff_screen_narrow_falls_back_to_unified(snap_compare, diff_app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(diff_app, terminal_size=(80, 40), run_before=_diff_ready)


def test_help_screen(snap_compare, diff_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[None]) -> None:
        await _diff_ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause(0.2)

    assert snap_compare(diff_app, terminal_size=SIZE, run_before=run_before)


def test_diff_screen_unified_light_theme(snap_compare, diff_app) -> None:  # type: ignore[no-untyped-def]
    """The unified view's side tints, labels and arrows come from theme variables."""

    async def run_before(pilot: Pilot[None]) -> None:
        await _diff_ready(pilot)
        pilot.app.theme = "textual-light"
        await pilot.pause(0.1)

    assert snap_compare(diff_app, terminal_size=(80, 40), run_before=run_before)
