"""Tests for storage.review against faults and hostile files (issue 10).

A read-only data dir, two windows on one pair, ``--report`` on a corrupt file, stored
times out of range, and crafted keys that name files outside ``reviews/``.
"""

from __future__ import annotations

import contextlib
import errno
import json
import math
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparison_builder import B_LINES, sample
from diffreader.render import REPORT_FORMATS, render_report
from diffreader.review import (
    MAX_STAMP,
    Mark,
    ReviewEntry,
    ReviewState,
    is_pair_key,
    pair_key,
    review_items,
)
from diffreader.storage import review
from diffreader.storage.review import ReviewStore
from read_only_fs import read_only


def files(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` with its content (what a read-only use must not change)."""
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def marked_store(data: Path | None = None) -> tuple[ReviewStore, list[str]]:
    """A store holding a review of ``sample()`` with 2 marks (1 flagged) and a note."""
    store = ReviewStore(data)
    session, _ = store.load_for(sample())
    keys = [item.key for item in session.items]
    session.set_mark(keys[0], Mark.ACCEPTED)
    session.set_mark(keys[1], Mark.FLAGGED)
    session.set_note(keys[1], "check with the desk")
    return store, keys


# --------------------------------------------------------------------------- read-only


def test_marks_are_read_from_a_read_only_data_dir(isolated_dirs: Path) -> None:
    store, keys = marked_store()
    for lock in store.root.glob("*.lock"):
        lock.unlink()  # no lock file to open: reading must not need to create one
    before = files(isolated_dirs)
    with read_only(isolated_dirs):
        session, messages = ReviewStore().load_for(sample(), record=False)
        summaries, index_messages = ReviewStore().summaries()
    assert messages == [] and index_messages == []
    assert session.mark(keys[0]) is Mark.ACCEPTED and session.mark(keys[1]) is Mark.FLAGGED
    assert session.note(keys[1]) == "check with the desk"
    assert session.progress() == (2, 11, 1)
    assert summaries[session.pair_key].progress == (2, 11, 1)
    assert files(isolated_dirs) == before


def test_reader_on_a_read_only_data_dir_says_once_that_marks_cannot_be_saved(
    isolated_dirs: Path,
) -> None:
    _, keys = marked_store()
    before = files(isolated_dirs)
    with read_only(isolated_dirs):
        session, messages = ReviewStore().load_for(sample())  # the reader records at once
        assert len(messages) == 1, messages
        assert "cannot be saved" in messages[0] and "read-only" in messages[0]
        assert session.progress() == (2, 11, 1)  # what was saved before is shown
        # Each later change fails the same way: kept in memory, not reported again.
        assert session.set_mark(keys[2], Mark.ACCEPTED) == []
        assert session.set_mark(keys[3], Mark.FLAGGED) == []
        assert session.set_note(keys[3], "in memory") == []
        assert session.unsaved
        assert session.progress() == (4, 11, 2) and session.note(keys[3]) == "in memory"
    assert files(isolated_dirs) == before
    # Once the data dir is writable again, the next change saves everything.
    assert session.set_mark(keys[4], Mark.ACCEPTED) == [] and not session.unsaved
    assert ReviewStore().load_for(sample())[0].progress() == (5, 11, 2)


def test_a_data_dir_that_cannot_be_created_is_reported_once(tmp_path: Path) -> None:
    data = tmp_path / "ro" / "data"
    data.parent.mkdir()
    with read_only(data.parent):
        session, messages = ReviewStore(data).load_for(sample())
        assert len(messages) == 1 and "cannot be saved" in messages[0]
        assert session.set_mark(session.items[0].key, Mark.ACCEPTED) == []
        assert session.mark(session.items[0].key) is Mark.ACCEPTED
    assert not data.exists()


def test_other_save_failures_are_still_reported_each_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session, _ = ReviewStore().load_for(sample())

    def full_disk(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(review, "atomic_write", full_disk)
    for item in session.items[:2]:
        messages = session.set_mark(item.key, Mark.ACCEPTED)
        assert len(messages) == 1 and "No space left" in messages[0]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores file modes"
)
def test_marks_are_read_from_a_data_dir_without_write_permission(isolated_dirs: Path) -> None:
    store, _ = marked_store()
    for lock in store.root.glob("*.lock"):
        lock.unlink()
    modes = {p: p.stat().st_mode for p in [store.root, *store.root.iterdir()]}
    try:
        for path in modes:
            path.chmod(0o555 if path.is_dir() else 0o444)
        session, messages = ReviewStore().load_for(sample())
        assert len(messages) == 1 and "cannot be saved" in messages[0]
        assert session.progress() == (2, 11, 1)
        assert session.set_mark(session.items[5].key, Mark.ACCEPTED) == []
    finally:
        for path, mode in modes.items():
            path.chmod(mode)


def test_report_shows_the_real_counts_when_no_lock_can_be_created(
    isolated_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from comparison_builder import A_LINES
    from diffreader.cli import main

    a, b = isolated_dirs.parent / "a.txt", isolated_dirs.parent / "b.txt"
    a.write_text("\n\n".join(A_LINES), encoding="utf-8")
    b.write_text("\n\n".join(B_LINES), encoding="utf-8")
    from diffreader.engine import compare, load_document

    session, _ = ReviewStore().load_for(compare(load_document(a), load_document(b)))
    for item in session.items[:4]:
        session.set_mark(item.key, Mark.FLAGGED)
    total = len(session.items)
    for lock in session.store.root.glob("*.lock"):
        lock.unlink()
    with read_only(isolated_dirs):
        status = main([str(a), str(b), "--report", "json"])
    captured = capsys.readouterr()
    assert status == 1 and captured.err == ""
    progress = json.loads(captured.out)["review"]
    assert (progress["reviewed"], progress["total"], progress["flagged"]) == (4, total, 4)


# --------------------------------------------------------------------------- two windows


def test_reapplying_the_mark_a_window_shows_wins_over_another_window() -> None:
    one, _ = ReviewStore().load_for(sample())
    two, _ = ReviewStore().load_for(sample())  # opened earlier: shows the item unmarked
    key = one.items[0].key
    assert one.set_mark(key, Mark.ACCEPTED) == []
    assert two.set_mark(key, Mark.FLAGGED) == []
    assert one.mark(key) is Mark.ACCEPTED  # window 1 has not seen window 2's change
    assert one.set_mark(key, Mark.ACCEPTED) == []  # the user's latest action
    assert ReviewStore().load_for(sample())[0].mark(key) is Mark.ACCEPTED
    two.reload()
    assert two.mark(key) is Mark.ACCEPTED


def test_reapplying_the_note_a_window_shows_wins_over_another_window() -> None:
    one, _ = ReviewStore().load_for(sample())
    two, _ = ReviewStore().load_for(sample())
    key = one.items[0].key
    one.set_note(key, "first")
    two.set_note(key, "second")
    one.set_note(key, "first")
    assert ReviewStore().load_for(sample())[0].note(key) == "first"


def test_the_latest_action_wins_even_when_the_clock_went_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    one, _ = ReviewStore().load_for(sample())
    two, _ = ReviewStore().load_for(sample())
    key = one.items[0].key
    one.set_mark(key, Mark.ACCEPTED)
    two.set_note(key, "from two")
    two.set_mark(key, Mark.FLAGGED)
    # The clock is set back (NTP), or window 1 runs on a machine that is behind.
    monkeypatch.setattr(review, "_now_ns", lambda: 1)
    assert one.set_mark(key, Mark.ACCEPTED) == []
    assert one.set_note(key, "from one") == []
    final, _ = ReviewStore().load_for(sample())
    assert final.mark(key) is Mark.ACCEPTED and final.note(key) == "from one"


def test_clearing_what_a_window_shows_as_clear_wins_too() -> None:
    one, _ = ReviewStore().load_for(sample())
    two, _ = ReviewStore().load_for(sample())
    key = one.items[0].key
    two.set_mark(key, Mark.FLAGGED)
    assert one.mark(key) is None
    one.set_mark(key, None)
    assert ReviewStore().load_for(sample())[0].mark(key) is None


# --------------------------------------------------------------------------- --report


def corrupt_state(data: Path, content: bytes = b"{broken") -> Path:
    comparison = sample()
    path = ReviewStore(data).path_for(pair_key(comparison.a.text, comparison.b.text))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def test_read_only_open_of_a_corrupt_file_changes_nothing(isolated_dirs: Path) -> None:
    corrupt_state(isolated_dirs)
    before = files(isolated_dirs)
    session, messages = ReviewStore().load_for(sample(), record=False)
    assert len(messages) == 1 and "unreadable" in messages[0] and "left as it is" in messages[0]
    assert session.progress().reviewed == 0
    assert files(isolated_dirs) == before  # not renamed, no lock file, no index


def test_report_on_a_corrupt_file_changes_nothing(
    isolated_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from comparison_builder import A_LINES
    from diffreader.cli import main
    from diffreader.engine import compare, load_document

    a, b = isolated_dirs.parent / "a.txt", isolated_dirs.parent / "b.txt"
    a.write_text("\n\n".join(A_LINES), encoding="utf-8")
    b.write_text("\n\n".join(B_LINES), encoding="utf-8")
    comparison = compare(load_document(a), load_document(b))
    store = ReviewStore()
    store.load_for(comparison)  # an index and a lock file, as a real data dir has
    store.path_for(pair_key(comparison.a.text, comparison.b.text)).write_bytes(b"\xff garbage")
    store.index_path.write_bytes(b"{not json")
    before = files(isolated_dirs)
    status = main([str(a), str(b), "--report", "markdown"])
    captured = capsys.readouterr()
    assert status == 1 and "# " in captured.out
    assert "unreadable" in captured.err and "left as it is" in captured.err
    assert files(isolated_dirs) == before


def test_read_only_carry_over_leaves_a_corrupt_previous_review_alone(isolated_dirs: Path) -> None:
    session, _ = ReviewStore().load_for(sample())
    session.set_mark(session.items[0].key, Mark.ACCEPTED)
    ReviewStore().path_for(session.pair_key).write_bytes(b"[]")
    before = files(isolated_dirs)
    b_lines = list(B_LINES)
    b_lines[3] = "The service will start in 2026, the mayor said."
    edited, _ = ReviewStore().load_for(sample(b_lines=b_lines), record=False)
    assert edited.progress().reviewed == 0
    assert files(isolated_dirs) == before


def test_reload_never_sets_a_corrupt_file_aside(isolated_dirs: Path) -> None:
    session, _ = ReviewStore().load_for(sample())
    session.set_mark(session.items[0].key, Mark.ACCEPTED)
    ReviewStore().path_for(session.pair_key).write_bytes(b"{")
    before = files(isolated_dirs)
    messages = session.reload()
    assert len(messages) == 1 and "unreadable" in messages[0]
    assert files(isolated_dirs) == before
    assert session.mark(session.items[0].key) is Mark.ACCEPTED


def test_the_reader_still_sets_a_corrupt_file_aside(isolated_dirs: Path) -> None:
    path = corrupt_state(isolated_dirs)
    _, messages = ReviewStore().load_for(sample())
    assert len(messages) == 1 and "was unreadable" in messages[0]
    assert list(path.parent.glob(f"{path.stem}.corrupt-*.json"))


# --------------------------------------------------------------------------- timestamps


@pytest.mark.parametrize(
    "stamp",
    [10**30, -5, MAX_STAMP + 1, "2026-01-01", None, True, [1], {"a": 1}, math.nan, math.inf, 1e300],
)
def test_a_stored_time_out_of_range_is_unknown(isolated_dirs: Path, stamp: object) -> None:
    session, _ = ReviewStore().load_for(sample())
    key = session.items[0].key
    session.set_mark(key, Mark.FLAGGED)
    session.set_note(key, "odd times")
    path = ReviewStore().path_for(session.pair_key)
    data = json.loads(path.read_text("utf-8"))
    entry = data["entries"][key]
    entry["mark_at"] = entry["note_at"] = stamp
    # A stale entry too: reports print its time.
    data["entries"]["0" * 20] = dict(entry, text="gone", label="Added claim (number)")
    data["summary"]["updated_at"] = stamp
    path.write_text(json.dumps(data), "utf-8")

    again, messages = ReviewStore().load_for(sample(), record=False)
    assert messages == []
    assert again.mark(key) is Mark.FLAGGED and again.note(key) == "odd times"
    assert again.state.entries[key].mark_at == 0 and again.state.entries[key].note_at == 0
    for fmt in REPORT_FORMATS:
        assert render_report(sample(), again.entries(), fmt)
    summary = ReviewStore().summary(sample().a.text, sample().b.text)
    assert summary is not None and summary.updated_at == 0
    # A user's action after a crafted time still wins.
    assert again.set_mark(key, Mark.ACCEPTED) == []
    assert ReviewStore().load_for(sample())[0].mark(key) is Mark.ACCEPTED


def test_stored_times_in_range_are_kept() -> None:
    entry = ReviewEntry.from_json({"mark": "accepted", "mark_at": MAX_STAMP, "note_at": 1.0})
    assert (entry.mark_at, entry.note_at) == (MAX_STAMP, 1)
    for fmt in REPORT_FORMATS:
        comparison = sample()
        assert render_report(comparison, {"0" * 20: entry}, fmt)


def test_a_report_survives_an_entry_built_with_any_time() -> None:
    comparison = sample()
    key = review_items(comparison)[0].key
    for stamp in (10**30, -(10**30), -1, MAX_STAMP):
        entry = ReviewEntry(Mark.FLAGGED, "n", "t", "L", stamp, 0)
        for fmt in REPORT_FORMATS:
            assert render_report(comparison, {key: entry, "0" * 20: entry}, fmt)


hostile_numbers = st.sampled_from(
    [10**30, -1, -(10**30), 2**63, 2**64, MAX_STAMP, 1e300, -1e300, math.nan, math.inf]
)
json_values = st.recursive(
    hostile_numbers
    | st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)


def _fields(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every field of a JSON document, nested ones included, as a path of keys."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*path, key)
            yield from _fields(value, (*path, key))


def _put(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


_SAVED: dict[str, Any] = {}


def _saved_review() -> dict[str, Any]:
    """A saved state file and index with marks, notes and a stale entry (made once)."""
    if not _SAVED:
        with tempfile.TemporaryDirectory() as temp:
            store, _ = marked_store(Path(temp))
            state, _ = store.load(pair_key(sample().a.text, sample().b.text))
            assert state is not None
            state.entries["0" * 20] = ReviewEntry(Mark.FLAGGED, "old", "gone", "Gone", 5, 6)
            store.save(state)
            _SAVED["state"] = json.loads(store.path_for(state.pair_key).read_text("utf-8"))
            _SAVED["index"] = json.loads(store.index_path.read_text("utf-8"))
            _SAVED["key"] = state.pair_key
    return json.loads(json.dumps(_SAVED))  # a deep copy


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_value_in_any_field_never_crashes(data: st.DataObject) -> None:
    """Random JSON values in a saved review's fields (1 to 4 at a time, in the state file
    or the index) never crash loading, the session, the summaries or any report."""
    saved = _saved_review()
    places = [(which, field) for which in ("state", "index") for field in _fields(saved[which])]
    changes = data.draw(
        st.lists(
            st.tuples(st.sampled_from(places), hostile_numbers | json_values),
            min_size=1,
            max_size=4,
        ),
        label="changes",
    )
    for (which, field), value in changes:
        with contextlib.suppress(KeyError, TypeError):  # an earlier change replaced a parent
            _put(saved[which], field, value)
    with tempfile.TemporaryDirectory() as temp:
        store = ReviewStore(temp)
        store.root.mkdir(parents=True)
        store.path_for(saved["key"]).write_text(json.dumps(saved["state"]), "utf-8")
        store.index_path.write_text(json.dumps(saved["index"]), "utf-8")
        for record in (False, True):
            session, messages = ReviewStore(temp).load_for(sample(), record=record)
            assert all(isinstance(m, str) for m in messages)
            session.progress()
            session.stale()
            session.next_unreviewed()
            entries = session.entries()
            for fmt in REPORT_FORMATS:
                assert render_report(sample(), entries, fmt)
        ReviewStore(temp).summaries()
        ReviewStore(temp).summary(sample().a.text, sample().b.text)
        assert session.set_mark(session.items[0].key, Mark.ACCEPTED) == []
        assert session.set_note(session.items[0].key, "after") == []
        assert sorted(p.name for p in Path(temp).iterdir()) == ["reviews"]


# --------------------------------------------------------------------------- crafted keys


@pytest.mark.parametrize("key", ["../../x", "../x", "/tmp/x", "A" * 32, "0" * 31, "0" * 32 + "\n"])
def test_a_path_is_never_built_from_a_bad_key(key: str) -> None:
    assert not is_pair_key(key)
    with pytest.raises(ValueError):
        ReviewStore().path_for(key)
    assert is_pair_key(pair_key("a", "b"))


def test_a_crafted_pair_key_in_a_state_file_cannot_steer_saves(
    isolated_dirs: Path, tmp_path: Path
) -> None:
    session, _ = ReviewStore().load_for(sample())
    session.set_mark(session.items[0].key, Mark.ACCEPTED)
    path = ReviewStore().path_for(session.pair_key)
    data = json.loads(path.read_text("utf-8"))
    data["pair_key"] = "../../x"
    data["carried_from"] = "../../y"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(ValueError):
        ReviewState.from_json(data)
    again, messages = ReviewStore().load_for(sample())
    assert len(messages) == 1 and "unreadable" in messages[0]
    assert again.pair_key == session.pair_key
    again.set_mark(again.items[1].key, Mark.FLAGGED)
    assert not (tmp_path / "x.json").exists() and not (isolated_dirs / "x.json").exists()
    assert all(p.parent == ReviewStore().root for p in isolated_dirs.rglob("*") if p.is_file())


def test_a_state_file_of_another_pair_is_not_taken_for_this_one(isolated_dirs: Path) -> None:
    session, _ = ReviewStore().load_for(sample())
    session.set_mark(session.items[0].key, Mark.ACCEPTED)
    path = ReviewStore().path_for(session.pair_key)
    data = json.loads(path.read_text("utf-8"))
    data["pair_key"] = "0" * 32
    path.write_text(json.dumps(data), "utf-8")
    again, messages = ReviewStore().load_for(sample(), record=False)
    assert len(messages) == 1 and again.progress().reviewed == 0
    assert ReviewStore().summary(sample().a.text, sample().b.text) is None
    assert "0" * 32 not in ReviewStore().summaries(repair=False)[0]


def test_a_crafted_index_cannot_make_carry_over_touch_files_outside(
    isolated_dirs: Path, tmp_path: Path
) -> None:
    session, _ = ReviewStore().load_for(sample())
    session.set_mark(session.items[0].key, Mark.ACCEPTED)
    store = ReviewStore()
    index = json.loads(store.index_path.read_text("utf-8"))
    summary = index["pairs"][session.pair_key]
    # The crafted entry matches the edited pair's paths, so carry-over would open it.
    index["pairs"] = {"../../../x": summary, "../../x": summary}
    store.index_path.write_text(json.dumps(index), "utf-8")
    store.path_for(session.pair_key).unlink()  # only the crafted entries are left
    bait = {tmp_path / "x.json": b"{bait", isolated_dirs / "x.json": b"{bait"}
    for path, content in bait.items():
        path.write_bytes(content)
    b_lines = list(B_LINES)
    b_lines[3] = "The service will start in 2026, the mayor said."
    for record in (False, True):
        edited, _ = ReviewStore().load_for(sample(b_lines=b_lines), record=record)
        assert edited.progress().reviewed == 0
    edited.set_mark(edited.items[0].key, Mark.FLAGGED)
    for path, content in bait.items():
        assert path.read_bytes() == content  # neither read as a review nor set aside
    assert not list(tmp_path.glob("x.corrupt-*")) and not list(isolated_dirs.glob("x.corrupt-*"))
    assert all(is_pair_key(k) for k in ReviewStore().summaries()[0])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
@pytest.mark.parametrize("which", ["review", "index"])
def test_a_fifo_in_place_of_a_state_file_is_refused_without_waiting(
    tmp_path: Path, which: str
) -> None:
    """In a child process with a timeout: reading the saved review (or the review index)
    from a FIFO waited for a writer for ever, and ``--report`` and the reader with it."""
    import subprocess
    import sys

    data = tmp_path / "data"
    code = (
        "import sys, json\n"
        "sys.path.insert(0, sys.argv[2])\n"
        "from comparison_builder import sample\n"
        "from diffreader.storage.review import ReviewStore\n"
        "store = ReviewStore(sys.argv[1])\n"
        "if sys.argv[3] == 'create':\n"
        "    print(store.path_for(store.load_for(sample())[0].pair_key))\n"
        "else:\n"
        "    session, messages = store.load_for(sample(), record=False)\n"
        "    print(json.dumps([messages, store.summaries(repair=False)[1]]))\n"
    )
    tests = str(Path(__file__).resolve().parents[1])
    run = [sys.executable, "-c", code, str(data), tests]
    state = Path(
        subprocess.run(
            [*run, "create"], capture_output=True, text=True, check=True, timeout=60
        ).stdout.strip()
    )
    fifo = state if which == "review" else data / "reviews" / "index.json"
    fifo.unlink(missing_ok=True)
    os.mkfifo(fifo)
    done = subprocess.run([*run, "read"], capture_output=True, text=True, timeout=60, check=True)
    messages, index_messages = json.loads(done.stdout)
    said = " ".join(messages + index_messages)
    assert "not a regular file" in said


def test_counts_in_the_index_are_bounded_and_consistent() -> None:
    """A crafted ``reviewed = 10**30`` was taken as it was (the corpus screen's Review column
    showed a hundred digits): counts are bounded by the items, flagged by reviewed."""
    from diffreader.review import ReviewSummary

    key = "0" * 32
    refs = {side: {"path": f"/x/{side}.txt", "hash": "1" * 32} for side in ("a", "b")}
    huge = {"reviewed": 10**30, "total": 10**40, "flagged": 10**30, "stale": 7, **refs}
    summary = ReviewSummary.from_json(key, huge)
    assert summary.total == 10_000_000 and summary.reviewed == summary.flagged == 10_000_000
    counts = {"reviewed": 9, "total": 4, "flagged": 6, "stale": 5}
    odd = ReviewSummary.from_json(key, {**counts, **refs})
    assert (odd.reviewed, odd.total, odd.flagged, odd.stale) == (4, 4, 4, 4)
