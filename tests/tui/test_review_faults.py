"""Pilot tests for the reader's review under faults: a read-only data dir, two windows."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from comparison_builder import A_LINES, B_LINES
from conftest import diff_ready, wait_for
from diffreader.engine import compare, load_document
from diffreader.review import Mark
from diffreader.storage.review import ReviewStore
from diffreader.tui.app import DiffReaderApp, make_app
from diffreader.tui.screens.diff import DiffScreen
from read_only_fs import read_only

SIZE = (120, 40)


def _pair(folder: Path) -> tuple[Path, Path]:
    a, b = folder / "a.txt", folder / "b.txt"
    a.write_text("\n\n".join(A_LINES), encoding="utf-8")
    b.write_text("\n\n".join(B_LINES), encoding="utf-8")
    return a, b


async def _ready(pilot: Pilot[None]) -> DiffScreen:
    screen = await diff_ready(pilot)
    await wait_for(pilot, lambda: screen.session is not None)
    return screen


def _notes(app: DiffReaderApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_read_only_data_dir_is_said_once_and_marks_stay_in_memory(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    a, b = _pair(tmp_path)
    saved, _ = ReviewStore(data).load_for(compare(load_document(a), load_document(b)))
    saved.set_mark(saved.items[0].key, Mark.FLAGGED)
    app = make_app(pair=(a, b), data_dir=data)
    with read_only(data):
        async with app.run_test(size=SIZE) as pilot:
            screen = await _ready(pilot)
            session = screen.session
            assert session is not None
            assert session.mark(saved.items[0].key) is Mark.FLAGGED  # read all the same
            for _ in range(3):
                await pilot.press("r", "x")
            await pilot.pause()
            assert session.unsaved and session.progress().reviewed == 4
            said = [n for n in _notes(app) if "cannot be saved" in n]
            assert len(said) == 1, _notes(app)
            assert not [n for n in _notes(app) if "Could not" in n]


async def test_clearing_what_the_window_shows_unmarked_wins_over_another_window(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    a, b = _pair(tmp_path)
    app = make_app(pair=(a, b), data_dir=data)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        key = screen.selected_key
        assert key is not None
        other, _ = ReviewStore(data).load_for(compare(load_document(a), load_document(b)))
        other.set_mark(key, Mark.FLAGGED)  # a second window, after this one loaded
        await pilot.press("delete")  # this window shows the item unmarked: still saved
        await pilot.pause()
        assert any("No mark to clear" in n for n in _notes(app))
    final, _ = ReviewStore(data).load_for(compare(load_document(a), load_document(b)))
    assert final.mark(key) is None
