"""Tests the persistent corpus index: reuse, updates, crashes, concurrency, bad input."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from diffreader.storage.corpus_index import CorpusIndex, Listed, changed_ns, index_path

SRC = Path(__file__).resolve().parents[2] / "src"


def _article(i: int, extra: str = "") -> str:
    return (
        f"Story Number {i}\n\n"
        f"The Brindle{i} council met on Tuesday to discuss plan number {i}, said Ana Kovac{i}. "
        f"It will cost {i + 10} million pounds and affect {i * 7 + 3} homes in the town. "
        f"“We have listened to people in Brindle{i} for months,” Kovac{i} said. {extra}\n"
    )


def _folder(tmp_path: Path, count: int = 20) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(count):
        (folder / f"{i:03d}.txt").write_text(_article(i), encoding="utf-8")
    return folder


def test_index_is_reused(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    with CorpusIndex(folder) as index:
        first = index.update(workers=1)
    assert first.added == 20 and first.listed == 20
    with CorpusIndex(folder) as index:
        second = index.update(workers=1)
        assert second.unchanged == 20 and second.added == second.changed == 0
        assert len(index.entries()) == 20
    assert index_path(folder).is_file()


def test_only_changed_files_are_reindexed(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    with CorpusIndex(folder) as index:
        index.update(workers=1)
        changed = folder / "003.txt"
        changed.write_text(_article(3, "A new sentence about the Harbour Board."), "utf-8")
        touched = folder / "004.txt"
        os.utime(touched, ns=(time.time_ns(), time.time_ns() + 10_000_000_000))
        (folder / "005.txt").unlink()
        (folder / "new.txt").write_text(_article(99), encoding="utf-8")
        summary = index.update(workers=1)
        assert (summary.changed, summary.touched, summary.removed, summary.added) == (1, 1, 1, 1)
        assert summary.unchanged == 17
        # The changed article's new words are found; the removed one's are gone.
        terms = dict(index._db.execute("SELECT id, df FROM terms").fetchall())
        assert all(df >= 0 for df in terms.values())
        names = [e.name for e in index.entries()]
        assert "005.txt" not in names and "new.txt" in names


def test_df_counts_stay_exact(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 6)
    with CorpusIndex(folder) as index:
        index.update(workers=1)
        for i in range(3):
            (folder / f"{i:03d}.txt").write_text(_article(i + 50), encoding="utf-8")
        index.update(workers=1)
        db = index._db
        bad = db.execute(
            "SELECT COUNT(*) FROM terms t WHERE df != (SELECT COUNT(*) FROM postings p"
            " WHERE p.term = t.id)"
        ).fetchone()[0]
        assert bad == 0


def test_bad_input_is_listed_with_reason(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 3)
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "broken.txt").symlink_to(folder / "missing-target.txt")
    os.mkfifo(folder / "pipe.txt")
    locked = folder / "locked.txt"
    locked.write_text(_article(7), encoding="utf-8")
    locked.chmod(0)
    code = textwrap.dedent(
        """
        import sys
        from diffreader.storage.corpus_index import CorpusIndex
        with CorpusIndex(sys.argv[1]) as index:
            summary = index.update(workers=1)
            for name, reason in summary.refused:
                print(f"{name}\\t{reason}")
        """
    )
    try:
        result = subprocess.run(
            [sys.executable, "-c", code, str(folder)],
            capture_output=True,
            text=True,
            timeout=60,  # a FIFO read would block for ever
            env={**os.environ, "PYTHONPATH": str(SRC)},
            check=True,
        )
    finally:
        locked.chmod(0o644)
    refused = dict(line.split("\t") for line in result.stdout.splitlines())
    assert "binary" in refused["binary.txt"]
    assert "empty" in refused["empty.txt"]
    assert "broken symbolic link" in refused["broken.txt"]
    assert "FIFO" in refused["pipe.txt"]
    if os.geteuid() != 0:  # root reads anything
        assert "permission denied" in refused["locked.txt"]
    # Refused files are listed again on the next run, from the index.
    with CorpusIndex(folder) as index:
        again = index.update(workers=1)
        assert {name for name, _ in again.refused} >= {"binary.txt", "pipe.txt", "broken.txt"}
        assert len(index.entries()) == 8  # 3 articles, 4 refused, locked.txt either
        # What a listing from quick reads lacks: the refused files, and the names asked for.
        every = {e.name: e for e in index.entries()}
        refused_names = {name for name, e in every.items() if e.error is not None}
        article = next(name for name, e in every.items() if e.error is None)
        shown = index.entries_to_show([article, "binary.txt", "not-listed.txt"])
        assert [e.name for e in shown] == sorted(
            refused_names | {article}, key=lambda n: (n.casefold(), n)
        )
        assert all(e == every[e.name] for e in shown)
        assert {e.name for e in index.entries_to_show([])} == refused_names


CHILD = textwrap.dedent(
    """
    import sys
    from diffreader.storage import corpus_index
    corpus_index.BATCH = 5
    with corpus_index.CorpusIndex(sys.argv[1], path=sys.argv[2]) as index:
        index.update(progress=lambda done, total: print(done, flush=True), workers=1)
    print("finished", flush=True)
    """
)


def test_kill_mid_update_leaves_a_readable_index(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 400)
    db = tmp_path / "index.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), str(db)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    assert child.stdout is not None
    line = child.stdout.readline()  # the first progress report: batches are being written
    assert line.strip().isdigit()
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    with CorpusIndex(folder, path=db) as index:
        partial = len(index.entries())
        assert partial < 400
        summary = index.update(workers=1)
        assert summary.added == 400 - partial
        assert len(index.entries()) == 400
        bad = index._db.execute(
            "SELECT COUNT(*) FROM terms t WHERE df != (SELECT COUNT(*) FROM postings p"
            " WHERE p.term = t.id)"
        ).fetchone()[0]
        assert bad == 0


def test_two_processes_index_at_once(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 150)
    db = tmp_path / "index.sqlite3"
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(folder), str(db)],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(SRC)},
        )
        for _ in range(2)
    ]
    for child in children:
        out, _ = child.communicate(timeout=120)
        assert child.returncode == 0 and "finished" in out
    with CorpusIndex(folder, path=db) as index:
        assert len(index.entries()) == 150
        assert index.update(workers=1).unchanged == 150
        bad = index._db.execute(
            "SELECT COUNT(*) FROM terms t WHERE df != (SELECT COUNT(*) FROM postings p"
            " WHERE p.term = t.id)"
        ).fetchone()[0]
        assert bad == 0


def test_a_corrupt_index_is_rebuilt(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 3)
    db = tmp_path / "index.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    with CorpusIndex(folder, path=db) as index:
        assert index.update(workers=1).added == 3


def test_a_sound_index_is_kept_when_the_disk_is_full_or_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk, a lock held past the time-out or an I/O error says so; only a file that
    is no database is set aside (the sound index was renamed ``.corrupt``, its cached
    verdicts lost)."""
    import sqlite3

    folder = _folder(tmp_path, 3)
    db = tmp_path / "index.sqlite3"
    with CorpusIndex(folder, path=db) as index:
        index.update(workers=1)
    before = db.read_bytes()

    def full(self: CorpusIndex) -> sqlite3.Connection:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(CorpusIndex, "_open", full)
    with pytest.raises(sqlite3.OperationalError, match="disk is full"):
        CorpusIndex(folder, path=db)
    assert db.read_bytes() == before
    assert not db.with_suffix(".corrupt").exists()


def test_find_in_folder_and_outside(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 10)
    rewrite = (
        "Council Backs Plan\n\n"
        "On Tuesday the Brindle4 council discussed plan number 4, according to Ana Kovac4. "
        "The plan will cost 14 million pounds and affect 31 homes in the town. "
        "“We have listened to people in Brindle4 for months,” Kovac4 said.\n"
    )
    (folder / "rewrite.txt").write_text(rewrite, encoding="utf-8")
    with CorpusIndex(folder) as index:
        index.update(workers=1)
        found = index.find(folder / "004.txt")
        assert found[0].entry.name == "rewrite.txt" and found[0].verified
        outside = tmp_path / "query.txt"
        outside.write_text(rewrite, encoding="utf-8")
        again = index.find(outside)
        assert again[0].entry.name in ("rewrite.txt", "004.txt")
        assert "004.txt" in {f.entry.name for f in again[:2]}


@pytest.mark.parametrize("workers", [2])
def test_pool_gives_the_same_index(tmp_path: Path, workers: int) -> None:
    folder = _folder(tmp_path, 160)
    with CorpusIndex(folder, path=tmp_path / "a.sqlite3") as one:
        one.update(workers=1)
        rows_one = one._db.execute(
            "SELECT name, hash, terms FROM articles ORDER BY name"
        ).fetchall()
    with CorpusIndex(folder, path=tmp_path / "b.sqlite3") as two:
        two.update(workers=workers)
        rows_two = two._db.execute(
            "SELECT name, hash, terms FROM articles ORDER BY name"
        ).fetchall()
    assert rows_one == rows_two


def test_postings_staged_before_a_crash_are_merged_by_the_next_update(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An update that stops after its batches committed but before moving the staged
    postings (a crash) leaves them staged; the next update moves them and recounts."""
    folder = _folder(tmp_path, 12)
    with monkeypatch.context() as patch:
        patch.setattr(CorpusIndex, "_merge_staged", lambda self: None)
        patch.setattr(CorpusIndex, "_count_df", lambda self, full: None)
        with CorpusIndex(folder) as index:
            index.update(workers=1)
            db = index._db
            assert db.execute("SELECT COUNT(*) FROM staged").fetchone()[0] > 0
            assert db.execute("SELECT COUNT(*) FROM postings").fetchone()[0] == 0
    with CorpusIndex(folder) as index:
        summary = index.update(workers=1)
        assert summary.unchanged == 12 and summary.added == 0
        db = index._db
        assert db.execute("SELECT COUNT(*) FROM staged").fetchone()[0] == 0
        # Every article has one posting per term it was indexed with.
        for article, blob in db.execute("SELECT id, terms FROM articles").fetchall():
            count = db.execute(
                "SELECT COUNT(*) FROM postings WHERE article = ?", (article,)
            ).fetchone()[0]
            assert count == len(blob) // 8 > 0
        bad = db.execute(
            "SELECT COUNT(*) FROM terms t WHERE df != (SELECT COUNT(*) FROM postings p"
            " WHERE p.term = t.id)"
        ).fetchone()[0]
        assert bad == 0
        assert db.execute("SELECT COUNT(*) FROM terms").fetchone()[0] > 0
        found = index.find(folder / "003.txt")
        assert found and all(f.entry.name != "003.txt" for f in found)


def test_the_listings_quick_reads_are_kept_replaced_and_forgotten(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 3)
    reads = [
        Listed(f"{i:03d}.txt", 100 + i, 1_000 + i, f"Story [b]{i}[/]", "", None, f"h{i}", "s")
        for i in range(3)
    ]
    with CorpusIndex(folder) as index:
        assert index.listing() == {}
        index.remember_listing(reads)
        index.update(workers=1)  # an update leaves the listing's reads alone
    changed = Listed("001.txt", 7, 8, "New", "2025-01-02", 12, "h", "new")
    with CorpusIndex(folder) as index:
        assert index.listing() == {read.name: read for read in reads}
        index.remember_listing([changed], gone=["002.txt"])
    with CorpusIndex(folder) as index:
        assert index.listing() == {"000.txt": reads[0], "001.txt": changed}


def test_an_index_of_another_schema_forgets_the_listing_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diffreader.storage import corpus_index

    folder = _folder(tmp_path, 1)
    with CorpusIndex(folder) as index:
        index.remember_listing([Listed("000.txt", 1, 2, "T", "", 3, "h", "t")])
    monkeypatch.setattr(corpus_index, "SCHEMA", corpus_index.SCHEMA + 1)
    with CorpusIndex(folder) as index:
        assert index.listing() == {}


def test_quick_reads_kept_by_a_reader_that_read_otherwise_are_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reads kept by another version of the quick read (an index made before the
    ``listing`` key, whose titles left out what draws nothing) are not listed, so the
    files are read again; the next reads kept replace them all. Nothing is indexed again."""
    import sqlite3

    from diffreader.storage import corpus_index

    folder = _folder(tmp_path, 2)
    old = Listed("000.txt", 1, 2, "Bridge closes", "", 3, "h", "bridge closes")
    with CorpusIndex(folder) as index:
        index.update(workers=1)
        index.remember_listing([old])
        assert index.listing() == {"000.txt": old}
    with sqlite3.connect(index.path) as db:
        db.execute("DELETE FROM meta WHERE key = 'listing'")  # as an older reader left it
    db.close()
    fresh = Listed("001.txt", 1, 2, "Bridge<U+200B> closes", "", 3, "h", "bridge<u+200b> closes")
    with CorpusIndex(folder) as index:
        assert index.listing() == {}
        summary = index.update(workers=1)
        assert summary.unchanged == 2 and not (summary.added or summary.changed)
        index.remember_listing([fresh])
        assert index.listing() == {"001.txt": fresh}  # the older read is gone with its version
    monkeypatch.setattr(corpus_index, "LISTING_VERSION", corpus_index.LISTING_VERSION + 1)
    with CorpusIndex(folder) as index:
        assert index.listing() == {}
        assert len(index.entries()) == 2


def test_files_refused_by_an_older_loader_are_read_again_once(tmp_path: Path) -> None:
    """A UTF-16 file without a BOM, refused as binary by an index kept before the loader
    read it, stayed refused while unchanged (``find``, ``stories`` and the reader listed
    it among the refused files). An index of another ``REFUSALS_VERSION`` (here: before
    the key) reads its refused files again, once."""
    import sqlite3

    folder = _folder(tmp_path, 2)
    (folder / "notepad.txt").write_bytes(_article(7).encode("utf-16-le"))
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40)
    with CorpusIndex(folder) as index:
        summary = index.update(workers=1)
        assert [name for name, _why in summary.refused] == ["image.txt"]
    with sqlite3.connect(index.path) as db:  # as an older loader left it
        db.execute("UPDATE articles SET error = 'binary file' WHERE name = 'notepad.txt'")
        db.execute("DELETE FROM meta WHERE key = 'refusals'")
    db.close()
    with CorpusIndex(folder) as index:
        summary = index.update(workers=1)
        assert [name for name, _why in summary.refused] == ["image.txt"]
        assert summary.unchanged == 2
        notepad = next(e for e in index.entries() if e.name == "notepad.txt")
        assert notepad.error is None and notepad.title == "Story Number 7"
        summary = index.update(workers=1)
        assert summary.unchanged == 4  # once: the image is not read again


def test_an_update_from_the_callers_listing_equals_its_own(tmp_path: Path) -> None:
    """``update(seen=...)`` (the reader's listing: names and stat stamps) skips the update's
    own listing and stat pass and does the same: new, changed and gone files."""
    folder = _folder(tmp_path, 6)

    def stamps() -> dict[str, tuple[int, int] | None]:
        out: dict[str, tuple[int, int] | None] = {}
        for path in sorted(folder.iterdir()):
            info = path.stat()
            out[path.name] = (info.st_size, changed_ns(info))
        return out

    with CorpusIndex(folder) as index:
        assert index.update(workers=1, seen=stamps()).added == 6
        assert index.update(workers=1, seen=stamps()).unchanged == 6
    (folder / "001.txt").write_text(_article(1, "A new closing line."), encoding="utf-8")
    (folder / "002.txt").unlink()
    (folder / "009.txt").write_text(_article(9), encoding="utf-8")
    with CorpusIndex(folder) as index:
        summary = index.update(workers=1, seen=stamps())
        assert (summary.added, summary.changed, summary.removed) == (1, 1, 1)
        by_seen = [(e.name, e.hash, e.title) for e in index.entries()]
    with CorpusIndex(folder, path=tmp_path / "own.sqlite3") as index:
        index.update(workers=1)
        assert [(e.name, e.hash, e.title) for e in index.entries()] == by_seen
    # A stamp that could not be taken: the file is read (and refused with its reason).
    with CorpusIndex(folder) as index:
        seen = stamps()
        seen["003.txt"] = None
        assert index.update(workers=1, seen=seen).touched == 1


class _Stop(Exception):
    """What the reader's progress callback raises to stop an update (the user left)."""


def _leave(done: int, total: int) -> None:
    raise _Stop


def test_an_update_can_be_stopped_after_any_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader stops the update through its progress callback when the user leaves: it
    is called after every file, so a folder of a few long articles stops after the one
    being read (it was called every fifty files, and quitting waited for them all)."""
    from diffreader.storage import corpus_index

    folder = _folder(tmp_path, 5)
    read: list[str] = []
    real = corpus_index._read
    monkeypatch.setattr(corpus_index, "_read", lambda path: read.append(path) or real(path))

    with CorpusIndex(folder, path=tmp_path / "index.sqlite3") as index, pytest.raises(_Stop):
        index.update(_leave, workers=1)
    assert len(read) == 1


def test_an_update_stopped_while_its_pool_reads_leaves_no_worker_and_a_sound_index(
    tmp_path: Path,
) -> None:
    """Stopped while its pool's workers read (each a chunk of 32 files), an update stops
    them at once rather than waiting for their chunks (a folder of long articles kept the
    reader seconds after ``q``: ``benchmarks/bench_cancel.py``); what it stored holds, and
    the next update reads the rest."""
    import multiprocessing

    from diffreader.storage.corpus_index import POOL_MIN

    folder = _folder(tmp_path, POOL_MIN)

    with CorpusIndex(folder, path=tmp_path / "index.sqlite3") as index, pytest.raises(_Stop):
        index.update(_leave, workers=2)
    assert multiprocessing.active_children() == []
    with CorpusIndex(folder, path=tmp_path / "index.sqlite3") as index:
        summary = index.update(workers=2)
        assert summary.added == POOL_MIN and not summary.refused
        assert len(list(index.entries())) == POOL_MIN


def test_new_content_with_the_old_size_and_time_is_read_again(tmp_path: Path) -> None:
    """A restore (``cp -p``, ``tar``, ``rsync -t``) can give a file new content with its
    old size and modification time: its status change time tells (it kept the verdicts of
    the text it replaced)."""
    folder = _folder(tmp_path, 3)
    with CorpusIndex(folder) as index:
        index.update(workers=1)
        before = {e.name: e.hash for e in index.entries()}
    target = folder / "001.txt"
    info = target.stat()
    old = target.read_bytes()
    new = _article(7).encode()[: len(old)].ljust(len(old), b" ")
    assert new != old and len(new) == len(old)
    target.write_bytes(new)
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))
    with CorpusIndex(folder) as index:
        assert index.update(workers=1).changed == 1
        after = {e.name: e.hash for e in index.entries()}
    assert after["001.txt"] != before["001.txt"] and after["000.txt"] == before["000.txt"]


def test_links_are_those_of_scoring_every_pair(tmp_path: Path) -> None:
    # _links counts shared names and figures for every pair and scores only the pairs with
    # MIN_FACTS of them: the same links, from the same floats, as scoring every pair of
    # every term (the way it was done, kept here as the reference).
    from collections import defaultdict

    from corpus_generator import generate
    from diffreader.corpus.rank import WEIGHTS, idf, max_df
    from diffreader.corpus.verify import MIN_FACTS
    from diffreader.storage.corpus_index import FLOOR, _kind

    folder = tmp_path / "news"
    generate(folder, 150, seed=5)
    with CorpusIndex(folder) as index:
        index.update(workers=1)
        left_out = {e.id for e in index.entries()[::9]}  # as if copies of another text
        n = max(index._count(), 1)
        pair: dict[tuple[int, int], float] = defaultdict(float)
        facts: dict[tuple[int, int], int] = defaultdict(int)
        own: dict[int, float] = defaultdict(float)
        holders: dict[int, list[int]] = defaultdict(list)
        dfs: dict[int, int] = {}
        for term, article, df in index._db.execute(
            "SELECT p.term, p.article, t.df FROM postings p JOIN terms t ON t.id = p.term"
            " WHERE t.df BETWEEN 2 AND ? ORDER BY p.term",
            (max_df(n),),
        ):
            dfs[term] = df
            if article not in left_out:
                holders[term].append(article)
        for term, articles in holders.items():
            weight = WEIGHTS.get(_kind(term), 0.5) * idf(n, dfs[term])
            for i, a in enumerate(articles):
                own[a] += weight
                for b in articles[i + 1 :]:
                    key = (min(a, b), max(a, b))
                    pair[key] += weight
                    facts[key] += _kind(term) in ("n", "f")
        for least in (MIN_FACTS, 1):  # 1: many more pairs, some under FLOOR
            expected = {
                key: facts[key]
                for key, score in pair.items()
                if score >= FLOOR * min(own[key[0]], own[key[1]]) and facts[key] >= least
            }
            assert expected and index._links(left_out, least) == expected
        assert len(expected) < sum(1 for count in facts.values() if count)
