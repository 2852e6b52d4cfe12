"""Pilot tests for the reader's review under faults: a read-only data dir, two windows."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import diff_ready, wait_for
from textual.pilot import Pilot

from comparison_builder import A_LINES, B_LINES
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


async def test_a_lock_held_elsewhere_never_freezes_the_reader(tmp_path: Path) -> None:
    """Another process holds the review's lock: marking stays instant, the bar says
    "saving…", and once the lock is free the marks reach the disk (none lost at exit)."""
    import fcntl
    import os

    data = tmp_path / "data"
    a, b = _pair(tmp_path)
    comparison = compare(load_document(a), load_document(b))
    store = ReviewStore(data)
    session, _ = store.load_for(comparison)  # creates the state file
    lock_path = store.path_for(session.pair_key).with_suffix(".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT)
    app = make_app(pair=(a, b), data_dir=data)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = await _ready(pilot)
            fcntl.flock(fd, fcntl.LOCK_EX)  # "another process" takes the lock
            await pilot.press("x", "r", "exclamation_mark")
            await pilot.pause()
            assert screen.session is not None
            assert screen.session.progress().reviewed == 2  # shown at once
            assert "saving…" in screen.query_one("#review-bar").text  # type: ignore[attr-defined]
            fcntl.flock(fd, fcntl.LOCK_UN)
            await wait_for(pilot, lambda: screen._saving == 0)
            assert "saving…" not in screen.query_one("#review-bar").text  # type: ignore[attr-defined]
            on_disk, _ = ReviewStore(data).load(screen.session.pair_key)
            assert on_disk is not None
            marks = sorted(e.mark.value for e in on_disk.entries.values() if e.mark)
            assert marks == ["accepted", "flagged"]
            # A mark made while the lock is held again is saved when the reader closes.
            fcntl.flock(fd, fcntl.LOCK_EX)
            await pilot.press("r", "x")
            await pilot.pause()
            fcntl.flock(fd, fcntl.LOCK_UN)
            await pilot.press("q")
    finally:
        os.close(fd)
    on_disk, _ = ReviewStore(data).load(session.pair_key)
    assert on_disk is not None
    assert sum(1 for e in on_disk.entries.values() if e.mark) == 3
