"""Provides the persistent corpus index: a SQLite database per folder, in the data dir.

One database per corpus folder (``<data dir>/corpus/<hash of the folder>.sqlite3``) holds,
per file (by name: the folder is read flat, with the reader's rules for what may be an
article): size, mtime, content hash, title, date, word count, or the reason it was refused,
and its features as an inverted index (term -> article, with counts; document frequency
per term, counting the distinct texts, by content hash, that hold it). Term ids are 63-bit
hashes with the kind in the top bits, so workers compute them and no table of term strings
is needed.

Durability: WAL journal, a busy timeout (two processes may index or read at once), and
each batch of articles is one transaction (an article's row and its postings change
together), so a crash mid-update leaves the batches before it and an index that opens;
the next run finishes the job.

Bulk loading: a batch's postings are appended to ``staged`` (a table without a key,
indexed only by article, whose ids only grow), and moved into ``postings`` sorted by
term at the end of the update (and at the start of the next one, after a crash):
inserting 2 million postings in term order into the keyed table costs a third of
inserting them article by article. A file is re-read only when its size or
mtime changed, and re-indexed only when its content hash changed.

The reader's listing keeps its quick read of each file (title, date, words, review hash
and the lowercased start its filter searches) in ``listing``, with the size and mtime
it was read at: a warm start lists every unchanged file from there without opening it.
Reads kept by a reader that read otherwise (another ``LISTING_VERSION``) are not listed,
and are forgotten when the next reads are kept; the articles and their terms stay.

API:
    index_path(folder, data_dir=None) -> Path
    CorpusIndex(folder, data_dir=None)          open (create) the index of a folder
        .update(progress=None, workers=None, seen=None) -> UpdateSummary
        .entries() -> list[Entry]               every listed file, refused ones with reason
        .entries_to_show(unknown) -> list[Entry] refused files and the ``unknown`` names
        .listing() -> dict[str, Listed]         the reader's kept quick reads, by name
        .remember_listing(fresh, gone=())       keep (forget) quick reads
        .find(path, limit=20) -> list[Found]    ranked, verified candidates
        .stories(progress=None) -> list[StoryView]
        .close()
    scan(folder) -> list[str]                   candidate file names
    changed_ns(stat_result) -> int              when a file last changed (mtime or ctime)
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import math
import os
import sqlite3
import sys
import threading
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from diffreader.corpus.features import content_hash, extract
from diffreader.corpus.rank import WEIGHTS, Candidate, idf, max_df, rank, reasons
from diffreader.corpus.stories import Linked, group, one_per_text, pivot_order, with_copies
from diffreader.corpus.verify import MIN_FACTS, Check, Verdict, verify
from diffreader.engine import parallel
from diffreader.engine.load import ARTICLE_SUFFIXES
from diffreader.storage.paths import data_dir

__all__ = [
    "ARTICLE_SUFFIXES",
    "CorpusIndex",
    "Entry",
    "Found",
    "Listed",
    "StoryView",
    "UpdateSummary",
    "changed_ns",
    "index_path",
    "scan",
]

SCHEMA = 2
"""Bumped when the tables or the features change: an older index is rebuilt."""
VERIFY_VERSION = 1
"""Bumped when the verdict rule changes: cached verdicts of another version are ignored."""
REFUSALS_VERSION = 1
"""Bumped when the loader reads files it refused before: the refused files an index kept
under another version (``meta`` key ``refusals``) are read again once, even unchanged.
1: UTF-16 without a byte-order mark (refused as binary before)."""
LISTING_VERSION = 2
"""Bumped when the reader's quick read changes what it keeps (``Listed``: the title as
shown, what its filter searches): kept reads of another version (``meta`` key
``listing``) are not listed, so the files are read again, and are forgotten when those
reads are kept; nothing is indexed again. 2: a title shows its characters that draw
nothing (``<U+200B>``); an index without the key kept titles that left them out."""

VERIFY = 12
"""At most this many of the best candidates are verified with the pair engine."""
NEAR_BEST = 0.25
"""...and only those scoring at least this share of the best candidate's score: the
rest share a few names or words with the query, not a story."""
FLOOR = 0.06
"""Stories link two articles whose shared-term score is at least this share of the
smaller of their own scores (over the terms each shares with any other article)."""
BATCH = 1000
"""Articles per transaction."""
POOL_MIN = 150
"""Fewer files to read than this are read in this process (a pool costs a second)."""
_KIND_BITS = {"n": 1, "f": 2, "q": 3, "w": 4, "s": 5}
_BITS_KIND = {v: k for k, v in _KIND_BITS.items()}
_CHUNK = 500
_FULL_RECOUNT = 50_000
"""Past this many touched terms, all document frequencies are recounted in one scan."""
_DF_TEXTS = "texts"
"""What ``terms.df`` counts (``meta`` key ``df``): distinct texts (content hashes), so a
story's terms are not made common by its own copies. An index counted otherwise (every
file, before) is counted again in full by the next update."""
_STAT_FAILED = -1
_CACHE_KB = 32_768
"""SQLite's page cache (KiB): the postings of a batch touch pages all over the table."""

_T = TypeVar("_T")

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    hash TEXT,
    title TEXT,
    date TEXT,
    words INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    terms BLOB
);
CREATE TABLE IF NOT EXISTS terms (id INTEGER PRIMARY KEY, df INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS postings (
    term INTEGER NOT NULL,
    article INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (term, article)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS staged (
    term INTEGER NOT NULL,
    article INTEGER NOT NULL,
    count INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS staged_article ON staged (article);
CREATE INDEX IF NOT EXISTS articles_hash ON articles (hash);
CREATE TABLE IF NOT EXISTS listing (
    name TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    title TEXT NOT NULL,
    date TEXT NOT NULL,
    words INTEGER,
    text_hash TEXT NOT NULL,
    haystack TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS verdicts (
    a_hash TEXT NOT NULL,
    b_hash TEXT NOT NULL,
    version INTEGER NOT NULL,
    figures TEXT NOT NULL,
    PRIMARY KEY (a_hash, b_hash)
) WITHOUT ROWID;
"""


def term_id(term: str) -> int:
    """A stable 63-bit id of a term: its kind in bits 56-59, a hash below.

    >>> term_id("n:kovac") >> 56, term_id("n:kovac") == term_id("n:kovac")
    (1, True)
    """
    digest = hashlib.blake2b(term.encode("utf-8", "surrogatepass"), digest_size=7).digest()
    return (_KIND_BITS.get(term[0], 4) << 56) | int.from_bytes(digest, "big")


def _kind(term: int) -> str:
    return _BITS_KIND.get(term >> 56, "w")


def index_path(folder: str | os.PathLike[str], base: str | os.PathLike[str] | None = None) -> Path:
    """Where the index of ``folder`` lives: ``<data dir>/corpus/<hash>.sqlite3``."""
    resolved = os.path.realpath(os.fspath(folder))
    digest = hashlib.blake2b(resolved.encode("utf-8", "surrogatepass"), digest_size=10)
    return data_dir(base) / "corpus" / f"{digest.hexdigest()}.sqlite3"


def _stored(name: str) -> str:
    """A file name as the index keeps it: itself, unless it holds bytes that are not
    UTF-8 (a name from an old archive in latin-1; Python reads them as lone surrogates,
    which SQLite cannot store): then ``/`` and the hex of its bytes (no file name holds a
    ``/``, so the two kinds never meet).

    >>> _stored("café.txt"), _stored("caf\\udce9.txt")
    ('café.txt', '/636166e92e747874')
    >>> _real(_stored("caf\\udce9.txt")) == "caf\\udce9.txt"
    True
    """
    if name.isascii():
        return name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "/" + os.fsencode(name).hex()
    return name


def _real(stored: str) -> str:
    """The file name the index keeps as ``stored`` (``_stored``)."""
    return os.fsdecode(bytes.fromhex(stored[1:])) if stored.startswith("/") else stored


def _entry(row: Sequence[Any]) -> Entry:
    """The entry of an ``articles`` row (id, name, title, date, words, hash, error)."""
    return Entry(row[0], _real(row[1]), *row[2:])


def _listed(row: Sequence[Any]) -> Listed:
    """The quick read of a ``listing`` row (its columns in ``Listed``'s order)."""
    return Listed._make(row if row[0][:1] != "/" else (_real(row[0]), *row[1:]))


def scan(folder: Path) -> list[str]:
    """Names of the candidate article files in ``folder`` (not recursive).

    Hidden files, README files and folders are left out; everything else with an
    article's suffix is listed, even a FIFO or a broken link (the index gives the reason).
    """
    names = []
    with os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if name.startswith(".") or name.lower().startswith("readme"):
                continue
            if os.path.splitext(name)[1].lower() not in ARTICLE_SUFFIXES:
                continue
            try:
                if entry.is_dir():
                    continue
            except OSError:
                pass
            names.append(name)
    return sorted(names, key=lambda n: (n.casefold(), n))


@dataclass(frozen=True, slots=True)
class Entry:
    """One listed file: an article, or a refused file with its reason."""

    id: int
    name: str
    title: str | None
    date: str | None
    words: int
    hash: str | None
    error: str | None


class Listed(NamedTuple):
    """What the reader's listing read from the start of one file (its quick read), kept
    so a warm start lists the file from here while its size and mtime are the same.

    A named tuple: a warm start builds ten thousand of them from rows."""

    name: str
    size: int
    mtime_ns: int
    title: str
    date: str
    words: int | None
    text_hash: str
    haystack: str


@dataclass(slots=True)
class UpdateSummary:
    """What an update did."""

    listed: int = 0
    added: int = 0
    changed: int = 0
    """Re-indexed: the content hash changed."""
    touched: int = 0
    """Size or mtime changed, content did not."""
    removed: int = 0
    unchanged: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)
    """``(name, reason)`` of every file that is not an article."""


@dataclass(frozen=True, slots=True)
class Found:
    """A ranked candidate, verified or not."""

    entry: Entry
    score: float
    relative: float
    verdict: Verdict | None
    """``None`` when it was not verified (``unverified`` says why)."""
    verified: bool
    check: Check | None
    shared: dict[str, int]
    reasons: str
    identical: bool = False
    """The same text as the query (content hash): a copy of it, a rewrite."""
    copy_of: Entry | None = None
    """The same text as this listed candidate, whose verdict and figures it carries."""
    unverified: str | None = None
    """Why it was not verified (ranked past the best ``VERIFY``, too far below the best
    score, or unreadable since indexed)."""

    @property
    def label(self) -> str:
        """What the listings call it: ``identical``, ``unverified`` or the verdict."""
        if self.identical:
            return "identical"
        return self.verdict.value if self.verdict is not None else "unverified"


@dataclass(slots=True)
class StoryView:
    """A story with entries in place of ids."""

    pivot: Entry
    members: list[tuple[Entry, Check]]
    related: list[tuple[Entry, Check | None, Entry | None]]
    """``(article, its check against the pivot or None, the pivot of its own story)``."""
    same_text: dict[int, Entry] = field(default_factory=dict)
    """Article id -> the article of this story whose text it is a copy of (the pivot,
    for an identical copy of it; else a member or a related article, listed before it)."""


@dataclass(frozen=True, slots=True)
class _Extracted:
    name: str
    size: int
    mtime_ns: int
    error: str | None = None
    hash: str | None = None
    title: str | None = None
    date: str | None = None
    words: int = 0
    terms: bytes = b""
    counts: bytes = b""


def changed_ns(info: os.stat_result) -> int:
    """When the file last changed, as the index and the listing keep it: the later of its
    modification time and its status change time. A restore (``cp -p``, ``tar``,
    ``rsync -t``) can give new content the old size and modification time; its status
    change time is then new, and the file is read again (it kept its old verdicts)."""
    return max(info.st_mtime_ns, info.st_ctime_ns)


def _stat(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError:
        return _STAT_FAILED, _STAT_FAILED
    return info.st_size, changed_ns(info)


def _read(path_text: str) -> _Extracted:
    """Load and extract one file (runs in a worker process or inline)."""
    from diffreader.engine.load import LoadError, load_document

    path = Path(path_text)
    name = path.name
    size, mtime = _stat(path)
    try:
        doc = load_document(path)
    except LoadError as error:
        return _Extracted(name, size, mtime, error=error.reason or "cannot be read")
    except (OSError, ValueError) as error:
        return _Extracted(name, size, mtime, error=f"cannot be read: {error}")
    features = extract(doc)
    ids: dict[int, int] = {}
    for term, count in features.terms.items():
        key = term_id(term)
        ids[key] = ids.get(key, 0) + count
    keys = sorted(ids)
    return _Extracted(
        name,
        size,
        mtime,
        hash=features.hash,
        title=features.title,
        date=features.date,
        words=features.words,
        terms=array("q", keys).tobytes(),
        counts=array("l", (ids[k] for k in keys)).tobytes(),
    )


def _unpack(blob: bytes | None) -> list[int]:
    values = array("q")
    if blob:
        values.frombytes(blob)
    return values.tolist()


def _chunks(items: Sequence[_T], size: int = _CHUNK) -> Iterator[Sequence[_T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _pool(workers: int) -> Any:
    """A process pool of ``workers`` (spawned: the reader calls from a thread, and a forked
    child of a threaded process may inherit a held lock).

    multiprocessing's resource tracker hands ``sys.stderr``'s descriptor to its process;
    a terminal UI that captures ``sys.stderr`` (Textual's capture says -1) would make every
    spawn fail, so the tracker is started with the real stderr.
    """
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context, resource_tracker

    try:
        captured = sys.stderr is None or sys.stderr.fileno() < 0
    except (AttributeError, OSError, ValueError):
        captured = False  # the tracker skips a stderr without a descriptor itself
    if captured and sys.__stderr__ is not None:
        with _TRACKER_LOCK:
            shown, sys.stderr = sys.stderr, sys.__stderr__
            try:
                resource_tracker.ensure_running()
            finally:
                sys.stderr = shown
    return ProcessPoolExecutor(
        workers,
        mp_context=get_context("spawn"),
        initializer=parallel.die_with_parent,  # a killed reader takes its workers with it
        initargs=(os.getpid(),),
    )


_TRACKER_LOCK = threading.Lock()


def _shut(pool: Any, error: type[BaseException] | None, *_: object) -> bool:
    """Shut ``pool`` down as the block using it ends (an ``ExitStack`` exit callback).

    Left on an error (a cancelled update: the reader quits, Ctrl+C), its workers are
    stopped at once: each may be reading a chunk of 32 files, and a folder of long
    articles kept the reader waiting seconds after ``q``. They only read files.
    """
    if error is not None:
        processes = getattr(pool, "_processes", None) or {}  # the executor's, by pid
        for process in list(processes.values()):
            with contextlib.suppress(OSError, ValueError):
                process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)
    return False


def _workers(requested: int | None) -> int:
    if requested is not None:
        return max(1, requested)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class CorpusIndex:
    """The index of one folder of articles.

    Args:
        folder: The corpus folder.
        data_dir: Overrides the data dir (``--data-dir``); default ``storage.paths.data_dir``.
        path: The database file itself (tests); overrides ``data_dir``.
    """

    def __init__(
        self,
        folder: str | os.PathLike[str],
        data_dir: str | os.PathLike[str] | None = None,
        *,
        path: str | os.PathLike[str] | None = None,
    ) -> None:
        self.folder = Path(folder)
        self.path = Path(path) if path is not None else index_path(folder, data_dir)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = self._connect()
        self._touched: set[int] = set()
        """Terms whose document frequency this update changed."""
        self._full = False
        """This update recounts every document frequency (``_touched`` is not kept)."""

    # -- the database -----------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        try:
            return self._open()
        except sqlite3.OperationalError:
            # A full disk, a lock held past the time-out, an I/O error: the index is sound,
            # and the caller says what went wrong.
            raise
        except sqlite3.DatabaseError:
            # Not a database (a torn first write, a stray file): keep it aside, start over.
            with contextlib.suppress(OSError):
                os.replace(self.path, self.path.with_suffix(".corrupt"))
            return self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=60.0, isolation_level=None)
        try:
            db.execute("PRAGMA busy_timeout = 60000")
            db.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL still never corrupts the index: a power cut may only
            # lose the last transactions, which the next update redoes.
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute(f"PRAGMA cache_size = -{_CACHE_KB}")
            db.execute("BEGIN IMMEDIATE")
            try:
                # One statement at a time: executescript would commit the transaction first.
                for statement in _TABLES.split(";"):
                    if statement.strip():
                        db.execute(statement)
                row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
                if row is None or row[0] != str(SCHEMA):
                    for table in ("articles", "terms", "postings", "staged", "verdicts", "listing"):
                        db.execute(f"DELETE FROM {table}")
                    db.execute(
                        "INSERT OR REPLACE INTO meta VALUES ('schema', ?), ('folder', ?)",
                        (str(SCHEMA), os.path.realpath(self.folder)),
                    )
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except BaseException:
            db.close()
            raise
        return db

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def __enter__(self) -> CorpusIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # -- updating ---------------------------------------------------------------------

    def update(
        self,
        progress: Callable[[int, int], None] | None = None,
        workers: int | None = None,
        *,
        seen: Mapping[str, tuple[int, int] | None] | None = None,
    ) -> UpdateSummary:
        """Bring the index up to date with the folder.

        Args:
            progress: Called with ``(done, total)`` of the files being read.
            workers: Processes for reading (default: the usable cores; 1 reads inline).
            seen: The folder as the caller has just listed it (``scan``): each name and its
                ``(size, mtime_ns)`` (``None`` when it cannot be stat'ed), in place of this
                update's own listing and stat pass. A change since then is seen next time.
        """
        names = scan(self.folder) if seen is None else list(seen)
        summary = UpdateSummary(listed=len(names))
        # Left stale by a crash or by another process mid-update, or counted by a version
        # that counted every file (not every text): counted again in full.
        stale = self._db.execute("SELECT 1 FROM meta WHERE key = 'df_stale'").fetchone()
        counted = self._db.execute("SELECT value FROM meta WHERE key = 'df'").fetchone()
        if counted is None or counted[0] != _DF_TEXTS:
            stale = (1,)
        self._touched = set()
        self._merge_staged()
        known = {
            _real(row[0]): (row[1], row[2], row[3])
            for row in self._db.execute("SELECT name, size, mtime_ns, error FROM articles")
        }
        kept = self._db.execute("SELECT value FROM meta WHERE key = 'refusals'").fetchone()
        recheck = kept is None or kept[0] != str(REFUSALS_VERSION)
        todo: list[str] = []
        for name in names:
            old = known.get(name)
            if recheck and old is not None and old[2] is not None:
                todo.append(name)  # refused by a loader that read less: read again
                continue
            if seen is None:
                size, mtime = _stat(self.folder / name)
            else:
                size, mtime = seen[name] or (_STAT_FAILED, _STAT_FAILED)
            if old is not None and old[0] == size and old[1] == mtime and size != _STAT_FAILED:
                summary.unchanged += 1
                if old[2] is not None:
                    summary.refused.append((name, old[2]))
                continue
            todo.append(name)
        listed = set(names)
        gone = [name for name in known if name not in listed]
        if gone:
            with self._write() as db:
                for name in gone:
                    self._delete(db, name)
            summary.removed = len(gone)
        # A first index (or most of one) recounts every term: tracking them costs more.
        self._full = stale is not None or len(todo) > max(len(known), 1000)
        if todo:
            self._index(todo, summary, progress, _workers(workers))
            self._merge_staged()
        if stale is not None or self._full or self._touched:
            self._count_df(full=self._full or len(self._touched) > _FULL_RECOUNT)
        if recheck:
            with self._write() as db:
                db.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('refusals', ?)", (str(REFUSALS_VERSION),)
                )
        summary.refused.sort()
        return summary

    def _merge_staged(self) -> None:
        """Move the staged postings into ``postings``, in term order (one transaction)."""
        if self._db.execute("SELECT 1 FROM staged LIMIT 1").fetchone() is None:
            return
        with self._write() as db:
            db.execute("INSERT OR REPLACE INTO meta VALUES ('df_stale', '1')")
            db.execute(
                "INSERT OR REPLACE INTO postings SELECT term, article, count FROM staged"
                " ORDER BY term, article"
            )
            db.execute("DELETE FROM staged")

    def _count_df(self, *, full: bool) -> None:
        """Recount the document frequencies of the terms this update touched (or all).

        A term's document frequency is the number of distinct *texts* holding it: the
        postings counted, less the further copies of a text (``_copies_holding``). A story
        syndicated a hundred times in an archive of three thousand articles still has rare
        terms (counted per file, every one of them was in more than ``max_df`` files and
        was skipped: nothing was left to find the story by).

        Counted once at the end of an update rather than kept up to date per article: one
        grouped scan of the postings costs far less than an upsert per term and article.
        Until it is done the index says so (``df_stale``), so a crash is repaired by the
        next update.
        """
        with self._write() as db:
            if full:
                db.execute("DELETE FROM terms")
                db.execute("INSERT INTO terms SELECT term, COUNT(*) FROM postings GROUP BY term")
            else:
                for chunk in _chunks(sorted(self._touched)):
                    marks = ",".join("?" * len(chunk))
                    db.execute(f"DELETE FROM terms WHERE id IN ({marks})", tuple(chunk))
                    db.execute(
                        f"INSERT INTO terms SELECT term, COUNT(*) FROM postings"
                        f" WHERE term IN ({marks}) GROUP BY term",
                        tuple(chunk),
                    )
            excess = self._copies_holding(db, None if full else self._touched)
            db.executemany(
                "UPDATE terms SET df = df - ? WHERE id = ?",
                ((count, term) for term, count in sorted(excess.items())),
            )
            db.execute("DELETE FROM meta WHERE key = 'df_stale'")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('df', ?)", (_DF_TEXTS,))
        self._touched = set()

    @staticmethod
    def _copies_holding(db: sqlite3.Connection, terms: set[int] | None) -> dict[int, int]:
        """Term -> how many of its postings are further copies of a text another of them
        holds (of ``terms``, or of every term): for each text held by several articles,
        each term its copies hold ``k`` times counts ``k - 1``. Read from the articles'
        terms (no index of the postings by article is kept); an archive has few copies."""
        excess: dict[int, int] = defaultdict(int)
        copied = db.execute(
            "SELECT hash FROM articles WHERE error IS NULL AND hash IS NOT NULL"
            " GROUP BY hash HAVING COUNT(*) > 1"
        ).fetchall()
        for (digest,) in copied:
            held: dict[int, int] = defaultdict(int)
            for (blob,) in db.execute(
                "SELECT terms FROM articles WHERE hash = ? AND error IS NULL", (digest,)
            ):
                for term in _unpack(blob):
                    held[term] += 1
            for term, count in held.items():
                if count > 1 and (terms is None or term in terms):
                    excess[term] += count - 1
        return excess

    def _index(
        self,
        names: list[str],
        summary: UpdateSummary,
        progress: Callable[[int, int], None] | None,
        workers: int,
    ) -> None:
        paths = [os.fspath(self.folder / name) for name in names]
        total = len(paths)
        batch: list[_Extracted] = []
        done = 0
        with contextlib.ExitStack() as stack:
            results: Iterable[_Extracted]
            if workers > 1 and total >= POOL_MIN:
                pool = _pool(workers)
                # On an error (a cancelled update), the files not yet read are dropped.
                stack.push(functools.partial(_shut, pool))
                results = pool.map(_read, paths, chunksize=32)
            else:
                results = map(_read, paths)
            for item in results:
                batch.append(item)
                done += 1
                if len(batch) >= BATCH:
                    self._store(batch, summary)
                    batch = []
                if progress is not None:
                    # After each file: the reader's callback stops the update there when
                    # the user leaves (a folder of a few long articles took seconds each).
                    progress(done, total)
        if batch:
            self._store(batch, summary)

    def _store(self, batch: list[_Extracted], summary: UpdateSummary) -> None:
        postings: list[tuple[int, int, int]] = []
        with self._write() as db:
            db.execute("INSERT OR REPLACE INTO meta VALUES ('df_stale', '1')")
            for item in batch:
                row = db.execute(
                    "SELECT id, hash, error FROM articles WHERE name = ?", (_stored(item.name),)
                ).fetchone()
                if item.error is not None:
                    summary.refused.append((item.name, item.error))
                if (
                    row is not None
                    and item.error is None
                    and row[2] is None
                    and row[1] == item.hash
                ):
                    db.execute(
                        "UPDATE articles SET size = ?, mtime_ns = ? WHERE id = ?",
                        (item.size, item.mtime_ns, row[0]),
                    )
                    summary.touched += 1
                    continue
                if row is not None:
                    self._delete(db, item.name)
                    summary.changed += 1
                else:
                    summary.added += 1
                cursor = db.execute(
                    "INSERT INTO articles (name, size, mtime_ns, hash, title, date, words,"
                    " error, terms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        _stored(item.name),
                        item.size,
                        item.mtime_ns,
                        item.hash,
                        item.title,
                        item.date,
                        item.words,
                        item.error,
                        item.terms or None,
                    ),
                )
                if item.error is not None:
                    continue
                article = int(cursor.lastrowid or 0)
                terms = _unpack(item.terms)
                counts = array("l")
                counts.frombytes(item.counts)
                postings.extend(zip(terms, [article] * len(terms), counts.tolist(), strict=True))
                if not self._full:
                    self._touched.update(terms)
            db.executemany("INSERT INTO staged VALUES (?, ?, ?)", postings)

    def _delete(self, db: sqlite3.Connection, name: str) -> None:
        row = db.execute(
            "SELECT id, terms FROM articles WHERE name = ?", (_stored(name),)
        ).fetchone()
        if row is None:
            return
        article, blob = row
        terms = _unpack(blob)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('df_stale', '1')")
        self._touched.update(terms)
        db.executemany(
            "DELETE FROM postings WHERE term = ? AND article = ?", ((t, article) for t in terms)
        )
        # Staged by another process's update that has not merged them yet.
        db.execute("DELETE FROM staged WHERE article = ?", (article,))
        db.execute("DELETE FROM articles WHERE id = ?", (article,))

    def remember_listing(self, fresh: Iterable[Listed], gone: Iterable[str] = ()) -> None:
        """Keep the listing's quick reads of ``fresh`` files; forget those of ``gone`` ones.

        One transaction; a busy or read-only index keeps what it had (the files are read
        again next time).
        """
        rows = [(_stored(read[0]), *read[1:]) for read in fresh]
        names = [(_stored(name),) for name in gone]
        if not rows and not names:
            return
        try:
            with self._write() as db:
                if not self._listing_current():
                    # Kept by a reader that read otherwise: none of them is listed again.
                    db.execute("DELETE FROM listing")
                    db.execute(
                        "INSERT OR REPLACE INTO meta VALUES ('listing', ?)", (str(LISTING_VERSION),)
                    )
                db.executemany("DELETE FROM listing WHERE name = ?", names)
                db.executemany(
                    "INSERT OR REPLACE INTO listing VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows
                )
        except sqlite3.OperationalError:
            pass  # busy or read-only: the files are read again next time

    # -- reading ----------------------------------------------------------------------

    def _listing_current(self) -> bool:
        """The kept quick reads are this reader's (``LISTING_VERSION``)."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'listing'").fetchone()
        return row is not None and row[0] == str(LISTING_VERSION)

    def listing(self) -> dict[str, Listed]:
        """The listing's kept quick reads, by file name (see ``remember_listing``); none
        when a reader that read otherwise kept them (``LISTING_VERSION``)."""
        if not self._listing_current():
            return {}
        rows = self._db.execute(
            "SELECT name, size, mtime_ns, title, date, words, text_hash, haystack FROM listing"
        )
        return {listed.name: listed for listed in map(_listed, rows)}

    def entries(self) -> list[Entry]:
        """Every listed file, by name."""
        rows = self._db.execute(
            "SELECT id, name, title, date, words, hash, error FROM articles"
        ).fetchall()
        entries = list(map(_entry, rows))
        return sorted(entries, key=lambda e: (e.name.casefold(), e.name))

    def entries_to_show(self, unknown: Iterable[str]) -> list[Entry]:
        """What a listing from quick reads still lacks: every refused file, and the
        entries of the ``unknown`` names (files whose quick read could not count their
        words). Far fewer rows than ``entries`` on a warm start."""
        rows = self._db.execute(
            "SELECT id, name, title, date, words, hash, error FROM articles WHERE error IS NOT NULL"
        ).fetchall()
        refused = {_real(row[1]) for row in rows}
        for names in _chunks(sorted(set(unknown) - refused)):
            marks = ",".join("?" * len(names))
            rows.extend(
                self._db.execute(
                    f"SELECT id, name, title, date, words, hash, error FROM articles"
                    f" WHERE name IN ({marks})",
                    tuple(map(_stored, names)),
                )
            )
        return sorted(map(_entry, rows), key=lambda e: (e.name.casefold(), e.name))

    def _entries(self, ids: Iterable[int]) -> dict[int, Entry]:
        out: dict[int, Entry] = {}
        for chunk in _chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            for row in self._db.execute(
                f"SELECT id, name, title, date, words, hash, error FROM articles"
                f" WHERE id IN ({marks})",
                tuple(chunk),
            ):
                out[row[0]] = _entry(row)
        return out

    def _count(self) -> int:
        """The number of distinct texts (what ``terms.df`` counts too)."""
        row = self._db.execute(
            "SELECT COUNT(DISTINCT hash) FROM articles WHERE error IS NULL"
        ).fetchone()
        return int(row[0])

    def _postings(self, terms: Sequence[int], n: int) -> dict[str, tuple[int, list[int]]]:
        """Term -> (df, articles) for ``terms`` (as strings of the id, kind first)."""
        limit = max_df(n)
        frequent: dict[int, int] = {}
        for chunk in _chunks(terms):
            marks = ",".join("?" * len(chunk))
            for term, df in self._db.execute(
                f"SELECT id, df FROM terms WHERE id IN ({marks})", tuple(chunk)
            ):
                frequent[term] = df
        rare = [t for t, df in frequent.items() if 0 < df <= limit]
        holders: dict[int, list[int]] = defaultdict(list)
        for chunk in _chunks(rare):
            marks = ",".join("?" * len(chunk))
            for term, article in self._db.execute(
                f"SELECT term, article FROM postings WHERE term IN ({marks})", tuple(chunk)
            ):
                holders[term].append(article)
        out: dict[str, tuple[int, list[int]]] = {}
        for term, df in frequent.items():
            out[f"{_kind(term)}{term}"] = (df, holders.get(term, []))
        return out

    def _query_terms(self, path: Path) -> tuple[int | None, list[int], str | None]:
        """The query's own id (when it is in the folder and fresh), terms and hash."""
        try:
            same_folder = os.path.samefile(path.parent, self.folder)
        except OSError:
            same_folder = False
        if same_folder:
            row = self._db.execute(
                "SELECT id, size, mtime_ns, terms, hash, error FROM articles WHERE name = ?",
                (_stored(path.name),),
            ).fetchone()
            if row is not None and (row[1], row[2]) == _stat(path) and row[5] is None:
                return row[0], _unpack(row[3]), row[4]
        from diffreader.engine.load import load_document

        doc = load_document(path)  # raises LoadError: the caller reports it
        features = extract(doc)
        return None, sorted({term_id(t) for t in features.terms}), features.hash

    def find(self, path: str | os.PathLike[str], limit: int = 20) -> list[Found]:
        """Rank the corpus against the article at ``path`` and verify the best.

        Each text is ranked once: copies of one text (the same content hash) are listed
        after the first of them, with its verdict (``Found.copy_of``), and ``limit`` counts
        distinct texts. Copies of the query's own text are found by their hash, whatever
        their terms, and listed first as identical rewrites (one of them is verified for
        the figures). The best ``VERIFY`` other texts scoring at least ``NEAR_BEST`` of the
        best score are verified; the others are listed unverified, with the reason.

        Raises:
            LoadError: the article cannot be read.
        """
        from diffreader.engine.load import load_document

        query = Path(path)
        own, terms, query_hash = self._query_terms(query)
        n = max(self._count(), 1)
        postings = self._postings(terms, n)
        ranked = rank(postings.keys(), postings, n, exclude=own)
        by_article = {c.article: c for c in ranked}

        def listable(entry: Entry) -> bool:
            if entry.error is not None or entry.id == own:
                return False
            # Outside the folder (or changed since indexed), the file of the same name and
            # text in the folder is the query itself, not a copy of it.
            return not (own is None and entry.hash == query_hash and entry.name == query.name)

        chosen: list[tuple[Candidate, Entry]] = []
        """The best distinct texts other than the query's, each by its best-ranked copy."""
        texts: set[str | None] = {query_hash}
        for start in range(0, len(ranked), _CHUNK):
            if len(chosen) >= limit:
                break
            chunk = ranked[start : start + _CHUNK]
            entries = self._entries(c.article for c in chunk)
            for candidate in chunk:
                entry = entries.get(candidate.article)
                if entry is None or not listable(entry) or entry.hash in texts:
                    continue
                texts.add(entry.hash)
                chosen.append((candidate, entry))
                if len(chosen) >= limit:
                    break
        copies = self._copies(texts)
        same = [e for e in copies.get(query_hash or "", []) if listable(e)]
        best = chosen[0][0].score if chosen else 0.0
        to_verify = [e for c, e in chosen[:VERIFY] if c.score >= NEAR_BEST * best]
        targets = [*same[:1], *to_verify]
        checks = self._checks(load_document(query) if targets else None, query_hash or "", targets)
        found: list[Found] = []
        if same:
            ranked_copy = next((by_article[e.id] for e in same if e.id in by_article), None)
            shared = dict(ranked_copy.shared) if ranked_copy else {}
            check = checks.get(same[0].id)
            if check is not None:
                check = check.identical(sum(1 for t in terms if _kind(t) in ("n", "f")))
            why = "identical text; " + reasons(shared, check)
            score = round(ranked_copy.score, 3) if ranked_copy else 0.0
            for entry in same:
                found.append(
                    Found(entry, score, 1.0, Verdict.REWRITE, True, check, shared, why, True)
                )
        groups: list[list[Found]] = []
        for place, (candidate, entry) in enumerate(chosen):
            check = checks.get(entry.id)
            unverified = None
            if check is not None:
                check = check.judged(_facts(candidate.shared))
            elif entry in to_verify:
                unverified = "not verified: it could not be read again"
            elif place >= VERIFY:
                unverified = f"not verified: only the best {VERIFY} texts are"
            else:
                unverified = "not verified: it scores under a quarter of the best"
            shared = dict(candidate.shared)
            why = reasons(shared, check) + (f"; {unverified}" if unverified else "")
            first = Found(
                entry,
                round(candidate.score, 3),
                round(candidate.relative, 4),
                check.verdict if check else None,
                check is not None,
                check,
                shared,
                why,
                unverified=unverified,
            )
            group = [first]
            for copy in copies.get(entry.hash or "", []):
                if copy.id != entry.id and listable(copy):
                    why_copy = f"same text as {entry.name}; {why}"
                    group.append(
                        dataclasses.replace(first, entry=copy, copy_of=entry, reasons=why_copy)
                    )
            groups.append(group)
        order = {Verdict.REWRITE: 0, Verdict.RELATED: 1, Verdict.UNRELATED: 2, None: 2}
        groups.sort(key=lambda g: (order[g[0].verdict], -g[0].score, g[0].entry.name))
        for group in groups:
            found.extend(group)
        return found

    def _copies(self, hashes: Iterable[str | None]) -> dict[str, list[Entry]]:
        """The articles holding each of ``hashes`` (the same text), by name."""
        out: dict[str, list[Entry]] = defaultdict(list)
        for chunk in _chunks(sorted(h for h in hashes if h)):
            marks = ",".join("?" * len(chunk))
            for row in self._db.execute(
                f"SELECT id, name, title, date, words, hash, error FROM articles"
                f" WHERE hash IN ({marks}) AND error IS NULL",
                tuple(chunk),
            ):
                out[row[5]].append(_entry(row))
        for entries in out.values():
            entries.sort(key=lambda e: (e.name.casefold(), e.name))
        return out

    def _checks(self, query_doc: object, query_hash: str, others: list[Entry]) -> dict[int, Check]:
        """Verify ``others`` against the query, through the verdict cache."""
        from diffreader.engine.load import LoadError, load_document
        from diffreader.engine.model import Document

        out: dict[int, Check] = {}
        if not others or not isinstance(query_doc, Document):
            return out
        cached = self._cached([(query_hash, e.hash or "") for e in others])
        fresh: list[tuple[str, str, Check]] = []
        for entry in others:
            check = cached.get((query_hash, entry.hash or ""))
            if check is None:
                try:
                    doc = load_document(self.folder / entry.name)
                except (LoadError, OSError):
                    continue
                if entry.hash != content_hash(doc.text):
                    continue  # changed since it was indexed: the next update sees it
                check = verify(query_doc, doc)
                fresh.append((query_hash, entry.hash or "", check))
            out[entry.id] = check
        self._remember(fresh)
        return out

    def _cached(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], Check]:
        out: dict[tuple[str, str], Check] = {}
        for a_hash, b_hash in keys:
            row = self._db.execute(
                "SELECT figures FROM verdicts WHERE a_hash = ? AND b_hash = ? AND version = ?",
                (a_hash, b_hash, VERIFY_VERSION),
            ).fetchone()
            if row is not None:
                with contextlib.suppress(ValueError, KeyError, TypeError):
                    out[a_hash, b_hash] = _check_from_json(row[0])
        return out

    def _remember(self, fresh: list[tuple[str, str, Check]]) -> None:
        if not fresh:
            return
        try:
            with self._write() as db:
                db.executemany(
                    "INSERT OR REPLACE INTO verdicts VALUES (?, ?, ?, ?)",
                    ((a, b, VERIFY_VERSION, _check_to_json(c)) for a, b, c in fresh),
                )
        except sqlite3.OperationalError:
            pass  # a read-only or busy index: the verdicts are computed again next time

    # -- stories ----------------------------------------------------------------------

    def _links(
        self, copies: Iterable[int] = (), min_facts: int = MIN_FACTS
    ) -> dict[tuple[int, int], int]:
        """Candidate links between indexed articles, ``(a, b)`` with ``a < b``, and the
        names and figures they share: pairs sharing at least ``min_facts`` of them whose
        shared-term score is at least ``FLOOR`` of the smaller of their own scores (over
        terms in 2 to ``max_df`` texts). The ``copies`` (further copies of a text another
        article holds) are left out: the first copy stands for its text.

        In two steps: the shared names and figures of every pair are counted in C
        (``Counter.update`` over ``combinations``); then only the pairs with ``min_facts``
        of them are scored, each over the terms the two share (a set intersection), summed
        in term order as one pass over every pair of every term summed them (the same
        floats). Scoring every pair in Python was most of ``stories``' time: 3.8 million
        pairs for 3,000 articles whose every term is in about 30 of them.
        """
        left_out = set(copies)
        n = max(self._count(), 1)
        limit = max_df(n)
        weights: dict[int, float] = {}
        terms_of: dict[int, array[int]] = {}
        """Article -> its terms kept (in 2 to ``limit`` texts), in term order."""
        own: dict[int, float] = defaultdict(float)
        facts: Counter[tuple[int, int]] = Counter()
        rows = self._db.execute(
            "SELECT p.term, p.article, t.df FROM postings p JOIN terms t ON t.id = p.term"
            " WHERE t.df BETWEEN 2 AND ? ORDER BY p.term",
            (limit,),
        )
        current = None
        holders: list[int] = []
        weight = 0.0
        fact = False
        for term, article, df in rows:
            if term != current:
                if fact and len(holders) > 1:
                    facts.update(combinations(sorted(holders), 2))
                current, holders = term, []
                kind = _kind(term)
                weight = weights[term] = WEIGHTS.get(kind, 0.5) * idf(n, df)
                fact = kind in ("n", "f")
            if article not in left_out:
                holders.append(article)
                own[article] += weight
                held = terms_of.get(article)
                if held is None:
                    held = terms_of[article] = array("q")
                held.append(term)
        if fact and len(holders) > 1:
            facts.update(combinations(sorted(holders), 2))
        out: dict[tuple[int, int], int] = {}
        for (a, b), count in facts.items():
            if count < min_facts:
                continue
            score = 0.0
            for term in sorted(set(terms_of[a]).intersection(terms_of[b])):
                score += weights[term]
            if score > 0 and score >= FLOOR * min(own[a], own[b]):
                out[a, b] = count
        return out

    def stories(
        self,
        progress: Callable[[int, int], None] | None = None,
        workers: int | None = None,
    ) -> list[StoryView]:
        """Group the indexed articles into stories (see ``corpus.stories``).

        Args:
            progress: Called with ``(done, total)`` of the pairs being verified.
            workers: Processes for verifying (default: the usable cores).
        """
        entries = {e.id: e for e in self.entries() if e.error is None}
        # Copies of one text (the same content hash) are one article to the grouping: the
        # first in pivot order stands for them, and the others join wherever it goes.
        order, copies = one_per_text(
            pivot_order((e.id, e.date, e.name) for e in entries.values()),
            lambda article: entries[article].hash,
        )
        left_out = [c for others in copies.values() for c in others]
        position = {article: i for i, article in enumerate(order)}
        facts: dict[tuple[int, int], int] = {}
        # Links with fewer shared names and figures than a rewrite has (MIN_FACTS) are not
        # worth verifying (the verdict could only be related or unrelated, and a large
        # corpus has tens of such links per article): _links leaves them out.
        for (a, b), count in self._links(left_out).items():
            if a in position and b in position:
                key = (a, b) if position[a] < position[b] else (b, a)
                facts[key] = count
        wanted = sorted(facts)
        # A text with copies is checked against one of them, for its figures.
        twins = [(first, others[0]) for first, others in sorted(copies.items())]
        keys = [(entries[a].hash or "", entries[b].hash or "") for a, b in wanted + twins]
        known = self._cached(keys)
        missing = [
            (a, b) for (a, b), key in zip(wanted + twins, keys, strict=True) if key not in known
        ]
        folder = os.fspath(self.folder)
        jobs = [(folder, entries[a].name, entries[b].name) for a, b in missing]
        fresh: list[tuple[str, str, Check]] = []
        with contextlib.ExitStack() as stack:
            results: Iterable[Check]
            count = _workers(workers)
            if count > 1 and len(jobs) >= POOL_MIN // 3:
                pool = _pool(count)
                stack.callback(pool.shutdown, wait=True, cancel_futures=True)
                results = pool.map(_verify_files, jobs, chunksize=8)
            else:
                results = map(_verify_files, jobs)
            for done, ((a, b), result) in enumerate(zip(missing, results, strict=True), 1):
                hashes = (entries[a].hash or "", entries[b].hash or "")
                known[hashes] = result
                fresh.append((*hashes, result))
                if len(fresh) >= 200:
                    self._remember(fresh)
                    fresh = []
                if progress is not None and (done % 20 == 0 or done == len(missing)):
                    progress(done, len(missing))
        self._remember(fresh)

        def check(a: int, b: int) -> Check:
            found = known.get((entries[a].hash or "", entries[b].hash or ""))
            if found is None:
                return _NOTHING
            return found.judged(facts.get((a, b), facts.get((b, a), 0)))

        neighbours: dict[int, list[int]] = defaultdict(list)
        for a, b in wanted:
            neighbours[a].append(b)

        def identical(pivot: int) -> Check:
            digest = entries[pivot].hash or ""
            return known.get((digest, digest), _NOTHING).identical(self._facts_of(pivot))

        views = []
        for story in with_copies(group(order, neighbours, check), copies, identical):
            view = StoryView(entries[story.pivot], [], [])
            for member in story.members:
                if member.check is None:
                    continue
                view.members.append((entries[member.article], member.check))
                if member.copy_of is not None:
                    view.same_text[member.article] = entries[member.copy_of]
            for linked in story.related:
                view.related.append(_related(linked, entries))
                if linked.copy_of is not None:
                    view.same_text[linked.article] = entries[linked.copy_of]
            views.append(view)
        return views

    def _facts_of(self, article: int) -> int:
        """The names and figures of an indexed article (its terms of those kinds)."""
        row = self._db.execute("SELECT terms FROM articles WHERE id = ?", (article,)).fetchone()
        return sum(1 for term in _unpack(row[0] if row else None) if _kind(term) in ("n", "f"))


_NOTHING = Check(Verdict.UNRELATED, 0.0, 0.0, 0, 0)


def _verify_files(job: tuple[str, str, str]) -> Check:
    """Verify two files of a folder (runs in a worker process or inline)."""
    from diffreader.engine.load import LoadError, load_document

    folder, name_a, name_b = job
    try:
        doc_a = load_document(os.path.join(folder, name_a))
        doc_b = load_document(os.path.join(folder, name_b))
    except (LoadError, OSError):
        return _NOTHING
    return verify(doc_a, doc_b)


def _facts(shared: dict[str, int]) -> int:
    """Shared names and figures."""
    return shared.get("n", 0) + shared.get("f", 0)


def _related(linked: Linked, entries: dict[int, Entry]) -> tuple[Entry, Check | None, Entry | None]:
    owner = entries.get(linked.story) if linked.story is not None else None
    return entries[linked.article], linked.check, owner


def _check_to_json(check: Check) -> str:
    return json.dumps(
        [check.verdict.value, check.matched, check.kept, check.quotations, check.matched_sentences]
    )


def _check_from_json(text: str) -> Check:
    verdict, matched, kept, quotations, sentences = json.loads(text)
    if not all(isinstance(v, int | float) for v in (matched, kept, quotations, sentences)):
        raise ValueError("bad figures")
    if math.isnan(matched) or math.isnan(kept):
        raise ValueError("bad figures")
    return Check(Verdict(verdict), float(matched), float(kept), int(quotations), int(sentences))
