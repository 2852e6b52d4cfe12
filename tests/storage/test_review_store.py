"""Tests for storage.review: sessions, persistence, carry-over, corruption, concurrency."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from comparison_builder import B_LINES, many_added, sample
from diffreader.engine import Comparison
from diffreader.review import Mark, Progress, ReviewEntry, merge_entries, merge_entry, pair_key
from diffreader.storage import review
from diffreader.storage.review import ReviewStore, review_summary_for_pair

TESTS = Path(__file__).resolve().parents[1]


def by_text(session: review.ReviewSession) -> dict[str, str]:
    return {item.text: item.key for item in session.items}


# --------------------------------------------------------------------------- basics


def test_marks_and_notes_survive_a_restart(isolated_dirs: Path) -> None:
    comparison = sample()
    session, messages = ReviewStore().load_for(comparison)
    assert messages == []
    keys = by_text(session)
    assert session.set_mark(keys["2026"], Mark.ACCEPTED) == []
    assert session.set_mark(keys["Tom Reyes"], Mark.FLAGGED) == []
    assert session.set_note(keys["Tom Reyes"], "  Not in the original; call the council. ") == []

    again, messages = ReviewStore(isolated_dirs).load_for(comparison)
    assert messages == []
    assert again.mark(keys["2026"]) is Mark.ACCEPTED
    assert again.mark(keys["Tom Reyes"]) is Mark.FLAGGED
    assert again.note(keys["Tom Reyes"]) == "Not in the original; call the council."
    assert again.progress() == Progress(2, 11, 1)
    assert str(again.progress()) == "2 of 11 reviewed, 1 flagged"


def test_names_and_notes_that_are_not_utf8_are_saved_and_read_back(isolated_dirs: Path) -> None:
    """A file name from a latin-1 archive (Python reads its byte as a lone surrogate) and a
    note pasted with one: the save does not fail (the mark was lost and the reader ended
    with a traceback), and both read back the same."""
    comparison = sample(a_path="/corpus/caf\udce9.txt", b_path="/corpus/r\udce9write.txt")
    session, messages = ReviewStore().load_for(comparison)
    assert messages == []
    keys = by_text(session)
    assert session.set_mark(keys["2026"], Mark.FLAGGED) == []
    assert session.set_note(keys["2026"], "see caf\udce9 notes") == []
    again, messages = ReviewStore(isolated_dirs).load_for(comparison)
    assert messages == []
    assert again.mark(keys["2026"]) is Mark.FLAGGED
    assert again.note(keys["2026"]) == "see caf\udce9 notes"
    (saved,) = (isolated_dirs / "reviews").glob("[0-9a-f]*.json")
    assert "\\udce9" in saved.read_text("utf-8")  # JSON's escape, in a UTF-8 file


def test_state_file_layout(isolated_dirs: Path) -> None:
    comparison = sample()
    session, _ = ReviewStore().load_for(comparison)
    session.set_mark(session.items[0].key, Mark.ACCEPTED)
    path = isolated_dirs / "reviews" / f"{pair_key(comparison.a.text, comparison.b.text)}.json"
    data = json.loads(path.read_text("utf-8"))
    assert data["schema_version"] == review.SCHEMA_VERSION
    assert data["a"]["path"] == "/corpus/original.txt"
    assert data["entries"][session.items[0].key]["mark"] == "accepted"
    assert data["summary"]["reviewed"] == 1 and data["summary"]["total"] == 11
    # No temp files left behind, only the state, the index and their lock files.
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == sorted([path.name, path.with_suffix(".lock").name, "index.json", "index.lock"])


def test_clearing_and_progress(isolated_dirs: Path) -> None:
    session, _ = ReviewStore().load_for(sample())
    first, second = session.items[0].key, session.items[1].key
    session.set_mark(first, Mark.FLAGGED)
    session.set_mark(second, Mark.ACCEPTED)
    assert session.flagged() == [session.items[0]]
    session.set_mark(first, None)
    assert session.mark(first) is None
    assert session.progress() == (1, 11, 0)
    reviewed, total, flagged = session.progress()
    assert (reviewed, total, flagged) == (1, 11, 0)
    again, _ = ReviewStore().load_for(sample())
    assert again.mark(first) is None and again.mark(second) is Mark.ACCEPTED


def test_next_unreviewed_skips_marked_items_and_wraps() -> None:
    session, _ = ReviewStore().load_for(sample())
    items = session.items
    assert session.next_unreviewed() == items[0]
    session.set_mark(items[1].key, Mark.ACCEPTED)
    assert session.next_unreviewed(after=items[0].key) == items[2]
    assert session.next_unreviewed(after=items[-1].key) == items[0]
    assert session.next_unreviewed(after=items[-1].key, wrap=False) is None
    for item in items:
        session.set_mark(item.key, Mark.ACCEPTED)
    assert session.next_unreviewed() is None


def test_unknown_key_is_refused() -> None:
    session, _ = ReviewStore().load_for(sample())
    with pytest.raises(KeyError):
        session.set_mark("no-such-item", Mark.ACCEPTED)


def test_failed_save_keeps_the_change_and_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    session, _ = ReviewStore().load_for(sample())
    key = session.items[0].key

    def full_disk(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(review, "atomic_write", full_disk)
        messages = session.set_mark(key, Mark.ACCEPTED)
    assert len(messages) == 1 and "No space left on device" in messages[0]
    assert session.unsaved and session.mark(key) is Mark.ACCEPTED
    assert session.set_note(key, "retry") == []
    assert not session.unsaved
    again, _ = ReviewStore().load_for(sample())
    assert again.mark(key) is Mark.ACCEPTED and again.note(key) == "retry"


def test_interrupted_write_leaves_the_old_file(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, _ = ReviewStore().load_for(sample())
    session.set_mark(session.items[0].key, Mark.ACCEPTED)
    path = ReviewStore().path_for(session.pair_key)
    before = path.read_bytes()

    def crash(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(review.os, "fsync", crash)
    messages = session.set_mark(session.items[1].key, Mark.FLAGGED)
    monkeypatch.undo()
    assert messages and "Input/output error" in messages[0]
    assert path.read_bytes() == before
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


# --------------------------------------------------------------------------- corruption


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"",
        b"\xff\xfe\x00",
        b"[]",
        b'{"schema_version": 1}',
        b'{"schema_version": 99}',
    ],
)
def test_corrupt_file_is_set_aside(isolated_dirs: Path, content: bytes) -> None:
    comparison = sample()
    path = ReviewStore().path_for(pair_key(comparison.a.text, comparison.b.text))
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    session, messages = ReviewStore().load_for(comparison)
    assert len(messages) == 1
    assert "was unreadable" in messages[0] and ".corrupt-" in messages[0]
    kept = list(path.parent.glob(f"{path.stem}.corrupt-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == content
    assert session.progress().reviewed == 0
    # The app goes on: marking works and a valid file replaces the corrupt one.
    assert session.set_mark(session.items[0].key, Mark.ACCEPTED) == []
    assert ReviewStore().load_for(comparison)[0].mark(session.items[0].key) is Mark.ACCEPTED


def test_file_corrupted_while_open_is_set_aside_on_save() -> None:
    session, _ = ReviewStore().load_for(sample())
    path = ReviewStore().path_for(session.pair_key)
    session.set_mark(session.items[0].key, Mark.ACCEPTED)
    path.write_text("garbage", "utf-8")
    messages = session.set_mark(session.items[1].key, Mark.ACCEPTED)
    assert len(messages) == 1 and "corrupt-" in messages[0]
    # Nothing this session knew is lost: it rewrites both marks.
    again, _ = ReviewStore().load_for(sample())
    assert again.progress().reviewed == 2


def test_corrupt_index_is_rebuilt_from_the_state_files() -> None:
    session, _ = ReviewStore().load_for(sample())
    session.set_mark(session.items[0].key, Mark.FLAGGED)
    store = ReviewStore()
    store.index_path.write_text("{broken", "utf-8")
    summaries, messages = store.summaries()
    assert len(messages) == 1 and "index.json" in messages[0]
    assert summaries[session.pair_key].progress == (1, 11, 1)


# --------------------------------------------------------------------------- identity


def test_renamed_files_keep_their_review() -> None:
    session, _ = ReviewStore().load_for(sample())
    key = session.items[3].key
    session.set_mark(key, Mark.FLAGGED)
    moved = sample(a_path="/elsewhere/orig-v1.txt", b_path="/elsewhere/rewrite-final.txt")
    again, messages = ReviewStore().load_for(moved)
    assert messages == []
    assert again.mark(key) is Mark.FLAGGED
    assert again.state.a.path == "/elsewhere/orig-v1.txt"  # latest paths are recorded


def test_line_endings_and_bom_do_not_change_the_pair_key() -> None:
    a, b = "Title\n\nBody.\n", "Title\n\nBody, new.\n"
    crlf = "\ufeff" + a.replace("\n", "\r\n")
    assert pair_key(a, b) == pair_key(crlf, b)
    assert pair_key(a, b) != pair_key(b, a)


def test_edited_article_keeps_unchanged_marks_and_lists_the_rest_as_stale() -> None:
    session, _ = ReviewStore().load_for(sample())
    keys = by_text(session)
    session.set_mark(keys["2026"], Mark.ACCEPTED)
    session.set_mark(keys["Tom Reyes"], Mark.FLAGGED)
    session.set_note(keys["Tom Reyes"], "who is he?")
    old_key = session.pair_key

    b_lines = list(B_LINES)
    b_lines[3] = "The service will start in 2026, the mayor said."  # the 2026 sentence changed
    edited = sample(b_lines=b_lines)
    again, messages = ReviewStore().load_for(edited)
    assert again.pair_key != old_key
    assert len(messages) == 1
    assert messages[0] == (
        "An article changed since the last review: 2 marks and notes carried over, "
        "1 of them on text that changed (listed as stale)."
    )
    assert again.mark(keys["Tom Reyes"]) is Mark.FLAGGED
    assert again.note(keys["Tom Reyes"]) == "who is he?"
    stale = again.stale()
    assert [s.key for s in stale] == [keys["2026"]]
    assert stale[0].entry.text == "2026" and stale[0].entry.mark is Mark.ACCEPTED
    assert stale[0].entry.label == "Added claim (date)"
    assert again.state.carried_from == old_key
    # The earlier review is still on disk, untouched.
    old, _ = ReviewStore().load(old_key)
    assert old is not None and old.entries[keys["2026"]].mark is Mark.ACCEPTED
    # Reopening the edited pair shows the stale mark again; clearing dismisses it.
    reopened, messages = ReviewStore().load_for(edited)
    assert messages == [] and len(reopened.stale()) == 1
    reopened.clear(keys["2026"])
    assert ReviewStore().load_for(edited)[0].stale() == []


def test_another_rewrite_of_the_same_original_does_not_inherit_marks() -> None:
    session, _ = ReviewStore().load_for(sample())
    session.set_mark(session.items[0].key, Mark.ACCEPTED)
    b_lines = [*B_LINES[:3], "A different rewrite says 2026.", B_LINES[4]]
    other = sample(b_lines=b_lines, b_path="/corpus/another-rewrite.txt")
    again, messages = ReviewStore().load_for(other)
    assert messages == [] and again.entries() == {}


def test_summaries_for_the_corpus_screen(isolated_dirs: Path) -> None:
    comparison = sample()
    assert review_summary_for_pair(comparison.a.text, comparison.b.text) is None
    session, _ = ReviewStore().load_for(comparison)
    summary = review_summary_for_pair(comparison.a.text, comparison.b.text)
    assert summary is not None and summary.progress == (0, 11, 0)
    session.set_mark(session.items[0].key, Mark.FLAGGED)
    session.set_mark(session.items[1].key, Mark.ACCEPTED)
    summary = ReviewStore(isolated_dirs).summary(comparison.a.text, comparison.b.text)
    assert summary is not None and str(summary.progress) == "2 of 11 reviewed, 1 flagged"
    assert summary.a.path == "/corpus/original.txt" and summary.b.title == B_LINES[0]
    summaries, messages = ReviewStore().summaries()
    assert messages == [] and summaries[session.pair_key] == summary


# --------------------------------------------------------------------------- concurrency


def test_two_sessions_on_one_pair_keep_each_others_marks() -> None:
    one, _ = ReviewStore().load_for(sample())
    two, _ = ReviewStore().load_for(sample())
    keys = [item.key for item in one.items]
    one.set_mark(keys[0], Mark.ACCEPTED)
    two.set_mark(keys[1], Mark.FLAGGED)  # two has not seen keys[0] yet
    one.set_note(keys[2], "from one")
    two.set_mark(keys[0], None)  # a later clear by two wins over one's earlier accept
    one.set_mark(keys[3], Mark.ACCEPTED)  # ...and one's next save must not resurrect it
    final, _ = ReviewStore().load_for(sample())
    assert final.mark(keys[0]) is None
    assert final.mark(keys[1]) is Mark.FLAGGED
    assert final.note(keys[2]) == "from one"
    assert final.mark(keys[3]) is Mark.ACCEPTED
    assert one.mark(keys[1]) is Mark.FLAGGED  # saving merged two's mark into one
    two.reload()
    assert two.note(keys[2]) == "from one"


def test_threads_marking_different_items_lose_nothing() -> None:
    comparison = many_added(60)
    sessions = [ReviewStore().load_for(comparison)[0] for _ in range(3)]
    keys = [item.key for item in sessions[0].items]

    def work(n: int) -> None:
        for key in keys[n::3]:
            assert sessions[n].set_mark(key, Mark.ACCEPTED) == []

    threads = [threading.Thread(target=work, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    final, _ = ReviewStore().load_for(comparison)
    assert final.progress() == (60, 60, 0)


WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[1])
    from comparison_builder import many_added
    from diffreader.review import Mark
    from diffreader.storage.review import ReviewStore
    session, _ = ReviewStore(sys.argv[2]).load_for(many_added(80))
    worker = int(sys.argv[3])
    print("ready", flush=True)
    sys.stdin.readline()  # start together
    for item in session.items[worker::2]:
        assert session.set_mark(item.key, Mark.FLAGGED if worker else Mark.ACCEPTED) == []
    print("done", flush=True)
    """
)


def test_two_writer_processes_on_one_pair(tmp_path: Path) -> None:
    data = tmp_path / "shared"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(TESTS), str(data), str(worker)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for worker in (0, 1)
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        out, _ = proc.communicate(timeout=120)
        assert proc.returncode == 0 and out == "done\n"
    final, messages = ReviewStore(data).load_for(many_added(80))
    assert messages == []
    assert final.progress() == (80, 80, 40)
    for n, item in enumerate(final.items):
        assert final.mark(item.key) is (Mark.FLAGGED if n % 2 else Mark.ACCEPTED)


# --------------------------------------------------------------------------- merge laws

stamps = st.integers(min_value=0, max_value=5)
entries = st.builds(
    ReviewEntry,
    mark=st.sampled_from([None, Mark.ACCEPTED, Mark.FLAGGED]),
    note=st.sampled_from(["", "a", "b"]),
    text=st.sampled_from(["", "x"]),
    label=st.sampled_from(["", "L"]),
    mark_at=stamps,
    note_at=stamps,
)
maps = st.dictionaries(st.sampled_from(["k1", "k2", "k3"]), entries, max_size=3)


@given(entries, entries)
def test_merge_entry_is_commutative(x: ReviewEntry, y: ReviewEntry) -> None:
    assert merge_entry(x, y) == merge_entry(y, x)


@given(entries, entries, entries)
def test_merge_entry_is_associative(x: ReviewEntry, y: ReviewEntry, z: ReviewEntry) -> None:
    assert merge_entry(merge_entry(x, y), z) == merge_entry(x, merge_entry(y, z))


@given(entries)
def test_merge_entry_is_idempotent(x: ReviewEntry) -> None:
    assert merge_entry(x, x) == x


@given(maps, maps)
def test_merge_entries_is_commutative_and_idempotent(
    x: dict[str, ReviewEntry], y: dict[str, ReviewEntry]
) -> None:
    merged = merge_entries(x, y)
    assert merged == merge_entries(y, x)
    assert merge_entries(merged, y) == merged
    assert merge_entries(merged, merged) == merged


@given(entries, entries)
def test_the_later_change_wins(x: ReviewEntry, y: ReviewEntry) -> None:
    merged = merge_entry(x, y)
    if x.mark_at != y.mark_at:
        assert merged.mark == (x if x.mark_at > y.mark_at else y).mark
    if x.note_at != y.note_at:
        assert merged.note == (x if x.note_at > y.note_at else y).note


def test_entries_round_trip_through_json() -> None:
    entry = ReviewEntry(Mark.FLAGGED, "note “curly”", "text", "Label", 10, 12)
    assert ReviewEntry.from_json(json.loads(json.dumps(entry.to_json()))) == entry
    assert entry.updated_at == 12


def test_read_only_open_writes_nothing(isolated_dirs: Path) -> None:
    session, messages = ReviewStore().load_for(sample(), record=False)
    assert messages == [] and not isolated_dirs.exists()
    session.set_mark(session.items[0].key, Mark.ACCEPTED)  # a change still saves
    assert ReviewStore().load_for(sample())[0].mark(session.items[0].key) is Mark.ACCEPTED


def test_read_only_open_still_shows_carried_marks() -> None:
    session, _ = ReviewStore().load_for(sample())
    session.set_mark(session.items[0].key, Mark.ACCEPTED)
    b_lines = list(B_LINES)
    b_lines[3] = "The service will start in 2026, the mayor said."
    edited, messages = ReviewStore().load_for(sample(b_lines=b_lines), record=False)
    assert len(messages) == 1 and edited.mark(session.items[0].key) is Mark.ACCEPTED
    assert ReviewStore().summaries()[0].keys() == {session.pair_key}


def test_environment_decides_the_default_store(isolated_dirs: Path) -> None:
    assert ReviewStore().root == isolated_dirs / "reviews"
    assert not isolated_dirs.exists()  # nothing is created before the first save


def test_carried_marks_on_an_items_alias_are_not_counted_stale() -> None:
    """A mark saved under a key the item now holds as an alias (a figure change was once a
    dropped and an added fact) is adopted by the item: the carry-over message counted it
    as stale while the review listed it nowhere as stale."""
    from diffreader.engine import compare, document_from_text

    def pair(a: str, b: str) -> Comparison:
        return compare(document_from_text(a, "/news/a.txt"), document_from_text(b, "/news/b.txt"))

    a = "Head\n\nThe fund now holds 21 billion dollars, its chair said on Monday.\n\nIt grew.\n"
    b = a.replace("21 billion", "25 billion")
    session, _ = ReviewStore().load_for(pair(a, b))
    (item,) = [i for i in session.items if i.aliases]
    (alias,) = item.aliases
    session.state.entries[alias] = ReviewEntry(
        Mark.FLAGGED, "as saved before", "21 billion dollars", mark_at=1, note_at=1
    )
    assert session.save() == []
    again, messages = ReviewStore().load_for(pair(a, b.replace("It grew.", "It grew fast.")))
    assert messages == ["An article changed since the last review: 1 mark or note carried over."]
    assert again.stale() == []
    assert again.mark(item.key) is Mark.FLAGGED and again.note(item.key) == "as saved before"
