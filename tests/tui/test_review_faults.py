"""Pilot tests for the reader's review under faults: a read-only data dir, a full disk,
two windows."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from pilot_helpers import ORIGINAL, REWRITE, diff_ready, wait_for
from textual.pilot import Pilot

from comparison_builder import A_LINES, B_LINES
from diffreader.engine import compare, load_document
from diffreader.review import Mark
from diffreader.storage.review import ReviewStore
from diffreader.tui.app import DiffReaderApp, make_app
from diffreader.tui.messages import CompareRequested
from diffreader.tui.review import SaveNotices
from diffreader.tui.screens.diff import DiffScreen
from diffreader.tui.widgets.review_bar import ReviewBar
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


def _no_space(*_args: object, **_kwargs: object) -> list[str]:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _bar(screen: DiffScreen) -> str:
    return screen.query_one(ReviewBar).text


async def test_a_run_of_failed_saves_is_said_once_and_stays_in_sight(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ten marks on a full disk: one notice, not ten; the review bar says "not saved: No
    space left on device" until a save succeeds, which is said once ("saved again")."""
    data = tmp_path / "data"
    a, b = _pair(tmp_path)
    app = make_app(pair=(a, b), data_dir=data)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        session = screen.session
        assert session is not None
        before = len(app._notifications)
        with monkeypatch.context() as patch:
            patch.setattr(ReviewStore, "save", _no_space)
            for _ in range(10):
                await pilot.press("exclamation_mark", "r")
            await wait_for(pilot, lambda: screen._saving == 0)
            said = [n for n in list(app._notifications)[before:]]
            assert [(n.title, n.severity) for n in said] == [("Review not saved", "error")]
            assert "No space left on device" in said[0].message
            assert session.unsaved and session.progress().flagged == 10  # none lost
            assert "not saved: No space left on device" in _bar(screen)
            await pilot.press("r", "x")  # still full: nothing more said, still in sight
            await wait_for(pilot, lambda: screen._saving == 0)
            assert len(app._notifications) == before + 1
            assert "not saved: No space left on device" in _bar(screen)
        await pilot.press("r", "x")  # room again: the next save writes every mark
        await wait_for(pilot, lambda: screen._saving == 0)
        said = [(n.title, n.message) for n in list(app._notifications)[before:]]
        assert len(said) == 2 and said[1][0] == "Review saved"
        assert "Saved again" in said[1][1]
        assert "not saved" not in _bar(screen)
        assert not session.unsaved
    on_disk, _ = ReviewStore(data).load(session.pair_key)
    assert on_disk is not None
    marks = [e.mark for e in on_disk.entries.values() if e.mark is not None]
    assert marks.count(Mark.FLAGGED) == 10 and marks.count(Mark.ACCEPTED) == 2


async def test_marks_a_closing_window_cannot_save_are_said_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last save, as the window closes, fails too: the reader says the marks are lost,
    and keeps the words for the terminal (the CLI prints them once the reader exits)."""
    from diffreader.tui.screens.corpus import CorpusScreen

    a, b = _pair(tmp_path)
    app = make_app(corpus=tmp_path, data_dir=tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, CorpusScreen))
        app.post_message(CompareRequested(a, b))
        screen = await _ready(pilot)
        monkeypatch.setattr(ReviewStore, "save", _no_space)
        await pilot.press("x")
        await wait_for(pilot, lambda: screen._saving == 0)
        await pilot.press("q")  # back to the corpus: the window's review is dropped
        await wait_for(pilot, lambda: isinstance(app.screen, CorpusScreen))
        lost = [n.message for n in app._notifications if "are lost" in n.message]
        assert lost == [
            "The marks and notes on a.txt vs b.txt could not be saved "
            "(No space left on device) and are lost."
        ]
        assert app.lost_reviews == lost


def test_save_outcomes_reaching_the_screen_out_of_order_tell_what_stands() -> None:
    """Saves run one at a time but report back in any order: an outcome older than one
    already taken in says nothing (the later save has told what stands)."""
    notices = SaveNotices()
    assert [n.title for n in notices.saved(2, "No space left on device", ["full"])] == [
        "Review not saved"
    ]
    assert notices.saved(1, None, []) == []  # ran before the failure: old news
    assert notices.failure == "No space left on device"
    assert notices.saved(3, "No space left on device", ["full"]) == []
    assert [n.title for n in notices.saved(4, None, [])] == ["Review saved"]
    assert notices.failure is None
    index = "Could not update the review index: Permission denied"
    assert [n.text for n in notices.saved(5, None, [index])] == [index]
    assert notices.saved(6, None, [index]) == []  # said once, not once per save


async def test_a_review_only_looked_at_on_a_read_only_data_dir_loses_nothing(
    tmp_path: Path,
) -> None:
    """Every save fails on a read-only data dir, the one that opens the review too: the
    bar says so, but closing without a change says nothing is lost."""
    data = tmp_path / "data"
    data.mkdir()
    a, b = _pair(tmp_path)
    app = make_app(pair=(a, b), data_dir=data)
    with read_only(data):
        async with app.run_test(size=SIZE) as pilot:
            screen = await _ready(pilot)
            assert "not saved: Read-only file system" in screen.query_one(ReviewBar).text
            await pilot.press("q")
    assert app.lost_reviews == []


async def test_a_deleted_working_directory_stops_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opened as ``diffreader a.txt b.txt`` in a folder deleted since: s (swap) ended the
    reader with a traceback (the pair's review named its articles by their absolute
    paths, made from the working directory), and so did E (the report's suggested folder
    was the working directory)."""
    from textual.widgets import Input

    from diffreader.tui.screens.review_dialogs import ExportDialog

    work = tmp_path / "work"
    work.mkdir()
    (work / "a.txt").write_text(ORIGINAL, encoding="utf-8")
    (work / "b.txt").write_text(REWRITE, encoding="utf-8")
    monkeypatch.chdir(work)
    app = make_app(pair=(Path("a.txt"), Path("b.txt")), data_dir=tmp_path / "data")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await diff_ready(pilot)
        await wait_for(pilot, lambda: screen.session is not None)
        for name in ("a.txt", "b.txt"):
            (work / name).unlink()
        work.rmdir()
        await pilot.press("r", "x", "s")
        await wait_for(pilot, lambda: not screen.comparing and screen.session is not None)
        await pilot.pause()
        assert app.is_running and screen.model is not None
        assert screen.model.comparison.a.path == "b.txt"
        await pilot.press("E")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog))
        path_input = app.screen.query_one("#export-path", Input)
        assert Path(path_input.value).parent == Path.home()
        path_input.value = "report.md"  # relative to a folder that is gone
        await pilot.press("enter")
        await wait_for(pilot, lambda: any("full path" in n.message for n in app._notifications))
        assert app.is_running and isinstance(app.screen, ExportDialog)
