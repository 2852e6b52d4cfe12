"""Provides review sessions: marks and notes on a comparison's items, saved so nothing is lost.

A journalist works through a rewrite item by item (each added claim, dropped detail,
altered or new quotation, and each reworded or moved group), marks it accepted or
flagged, may attach a note, and can stop and come back. This module is the non-UI core
of that: it never imports Textual or Rich.

How the UI uses it (every call is cheap; each change is saved before the call returns)::

    store = ReviewStore(data_dir)                  # None: $DIFFREADER_DATA_DIR / platformdirs
    session, messages = store.load_for(comparison) # show each message (corrupt file, carry-over)
                                                   # record=False: write nothing (--report)
    session.items                                  # list[ReviewItem], display order
    session.mark(item.key) -> Mark | None          # None: not reviewed
    session.note(item.key) -> str
    messages = session.set_mark(item.key, Mark.FLAGGED)   # None clears the mark
    messages = session.set_note(item.key, "called the agency")  # "" clears the note
    session.progress()          -> Progress(reviewed, total, flagged); str() gives
                                   "14 of 37 reviewed, 3 flagged"
    session.next_unreviewed(after=item.key) -> ReviewItem | None  (wraps around)
    session.stale()             -> list[StaleEntry]: marks whose text changed
    session.entries()           -> dict[key, ReviewEntry], for report.render_report

    # corpus screen: progress of pairs already opened, without comparing anything
    store.summaries() -> (dict[pair_key, ReviewSummary], messages)   # one small file
    store.summary(a_text, b_text) -> ReviewSummary | None            # one pair
    review_summary_for_pair(a_text, b_text, data_dir=None)           # same, no store

``set_mark``/``set_note`` return messages only when something went wrong (the disk is
full, the file was corrupted behind our back); the change is kept in memory and saving
is retried on the next change (``session.unsaved`` tells).

Identity and persistence:
    * An item's ``key`` is a hash of its kind, side, normalised text and the normalised
      text of its sentence, never of indexes: an edit elsewhere in an article leaves the
      keys (and so the marks) of unchanged items alone.
    * A review is stored per pair of article *contents* (``pair_key``): renaming or
      moving a file keeps its review. When one article changes, ``load_for`` finds the
      previous review of the same files (same other article and same path, or the same
      two paths), carries every mark over, and those whose item no longer exists come
      back from ``stale()``. The previous file is left as it was.
    * Files: ``<data>/reviews/<pair_key>.json`` (``schema_version``) and
      ``<data>/reviews/index.json`` (summaries for the corpus screen). Writes are atomic
      (temp file in the same folder, flush, fsync, ``os.replace``, fsync the folder), so
      a killed process leaves the old or the new file, never a broken one.
    * Two instances on the same pair: each save takes an exclusive ``flock`` on
      ``<pair_key>.lock``, re-reads the file, merges (per item and per field, the later
      timestamp wins; clearing is a timestamped tombstone) and writes. On systems
      without ``fcntl`` (Windows) saves are still atomic but not locked.
    * A corrupt or unreadable file is renamed ``<name>.corrupt-<timestamp>.json``, a
      message says so, and the session starts empty.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple

from diffreader.engine.model import (
    ClaimCategory,
    ClaimKind,
    Comparison,
    Document,
    Quote,
    QuoteStatus,
    Side,
    Status,
)
from diffreader.storage.paths import reviews_dir

__all__ = [
    "SCHEMA_VERSION",
    "ArticleRef",
    "ItemKind",
    "Mark",
    "Progress",
    "ReviewEntry",
    "ReviewItem",
    "ReviewSession",
    "ReviewState",
    "ReviewStore",
    "ReviewSummary",
    "StaleEntry",
    "merge_entries",
    "merge_entry",
    "pair_key",
    "review_items",
    "review_summary_for_pair",
    "text_hash",
]

SCHEMA_VERSION = 1
"""Version of the per-pair state file and of ``index.json``."""

# --------------------------------------------------------------------------- items


class ItemKind(StrEnum):
    """What kind of reviewable item this is."""

    ADDED = "added"
    """An added claim (in B)."""
    DROPPED = "dropped"
    """A dropped detail (in A)."""
    QUOTE_ALTERED = "quote-altered"
    QUOTE_NEW = "quote-new"
    QUOTE_SPEAKER = "quote-speaker"
    """A verbatim quotation now attributed to someone else."""
    REWORDED = "reworded"
    MOVED = "moved"


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One thing the reviewer can mark, with what the UI and reports need to show it."""

    key: str
    """Stable identity derived from content (see the module docstring)."""
    kind: ItemKind
    label: str
    """Human label: "Added claim (number)", "Altered quotation", "Reworded"..."""
    side: Side
    """The article the item lives in (B for groups)."""
    text: str
    """The item itself: the claim, the quotation, or the group's B text."""
    start: int
    end: int
    """Offsets of ``text`` in that side's ``Document.text``."""
    pair: int
    """Index into ``Comparison.pairs`` (-1 when the engine did not place it)."""
    sentence: str
    """Context: the sentence(s) on ``side`` holding the item, verbatim."""
    sentence_start: int
    """Offset of ``sentence`` in that side's text (to highlight the item inside it)."""
    departs_from: str = ""
    """Context on the other side: the sentence(s) the item departs from, or ""."""
    category: str | None = None
    """The claim category (``ClaimCategory`` value) for claims."""
    source_text: str = ""
    """For an altered or re-attributed quotation: the quotation as the original has it."""


_QUOTE_KINDS = {
    QuoteStatus.ALTERED: (ItemKind.QUOTE_ALTERED, "Altered quotation"),
    QuoteStatus.NEW: (ItemKind.QUOTE_NEW, "New quotation"),
}

# Curly quotes, primes and guillemets -> straight quotes; every dash -> "-".
_NORMALISE = str.maketrans(
    "\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212",
    "'" * 5 + '"' * 7 + "-" * 7,
)


def _normalise(text: str) -> str:
    """Matching form of a text: NFKC, straight quotes, plain dashes, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_NORMALISE).split())


def _digest(*parts: str, size: int = 20) -> str:
    data = "\x1f".join(parts).encode("utf-8", "surrogatepass")
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()[:size]


def _context(doc: Document, ids: Iterable[int]) -> tuple[str, int]:
    """Verbatim text of sentences ``ids`` (with the gaps between them) and its offset."""
    sentences = [doc.sentences[i] for i in sorted(set(ids)) if 0 <= i < len(doc.sentences)]
    if not sentences:
        return "", 0
    first, last = sentences[0], sentences[-1]
    if last.id - first.id == len(sentences) - 1:
        return doc.text[first.start : last.end], first.start
    return " ".join(s.text for s in sentences), first.start


def _sentence_at(doc: Document, offset: int) -> int:
    """Id of the sentence containing ``offset`` (the nearest preceding one), or -1."""
    low, high = 0, len(doc.sentences)
    while low < high:
        mid = (low + high) // 2
        if doc.sentences[mid].start <= offset:
            low = mid + 1
        else:
            high = mid
    return doc.sentences[low - 1].id if low else -1


def review_items(comparison: Comparison) -> list[ReviewItem]:
    """List every reviewable item of a comparison, in display order.

    Items are: each added claim and dropped detail, each altered or new quotation (and
    each verbatim one attributed to a different speaker), and each reworded or moved
    group. A claim of category ``quotation`` that overlaps a listed quotation on the
    same side is folded into that quotation, so nothing is reviewed twice.

    Args:
        comparison: The result of ``engine.compare``.

    Returns:
        Items ordered by group (``Comparison.pairs`` order), the group item first, then
        the side A items, then side B, each by position.
    """
    a, b = comparison.a, comparison.b
    pair_of: dict[Side, dict[int, int]] = {Side.A: {}, Side.B: {}}
    for index, pair in enumerate(comparison.pairs):
        for sid in pair.a:
            pair_of[Side.A][sid] = index
        for sid in pair.b:
            pair_of[Side.B][sid] = index

    drafts: list[tuple[tuple[int, int, int, int], ReviewItem]] = []
    side_rank = {Side.A: 1, Side.B: 2}

    def add(item: ReviewItem, rank: int) -> None:
        # At one start, the longer span first: a sentence-long claim before the names in it.
        drafts.append(((item.pair, rank, item.start, -item.end), item))

    for index, pair in enumerate(comparison.pairs):
        if pair.status not in (Status.REWORDED, Status.MOVED) or not pair.a or not pair.b:
            continue
        a_text, _ = _context(a, pair.a)
        b_text, b_start = _context(b, pair.b)
        if pair.status is Status.REWORDED:
            kind, label = ItemKind.REWORDED, "Reworded"
        else:
            kind = ItemKind.MOVED
            label = "Moved and reworded" if pair.changed else "Moved"
        identity = (kind, "b", _normalise(a_text) + "\x1e" + _normalise(b_text), "")
        item = ReviewItem(
            key="|".join(identity),  # replaced by the digest below
            kind=kind,
            label=label,
            side=Side.B,
            text=b_text,
            start=b_start,
            end=b_start + len(b_text),
            pair=index,
            sentence=b_text,
            sentence_start=b_start,
            departs_from=a_text,
        )
        add(item, 0)

    quote_items: list[ReviewItem] = []
    for quote in comparison.quotes:
        item_or_none = _quote_item(comparison, quote, pair_of)
        if item_or_none is not None:
            quote_items.append(item_or_none)
            add(item_or_none, side_rank[quote.side])

    for claim in comparison.claims:
        if claim.category is ClaimCategory.QUOTATION and any(
            q.side is claim.side and q.start < claim.end and claim.start < q.end
            for q in quote_items
        ):
            continue
        doc = comparison.document(claim.side)
        other = comparison.document(claim.side.other)
        sentence_id = claim.sentence if claim.sentence >= 0 else _sentence_at(doc, claim.start)
        sentence, sentence_start = _context(doc, [sentence_id])
        pair_index = claim.pair if claim.pair >= 0 else pair_of[claim.side].get(sentence_id, -1)
        departs_ids: tuple[int, ...] = claim.departs_from
        if not departs_ids and 0 <= pair_index < len(comparison.pairs):
            pair = comparison.pairs[pair_index]
            departs_ids = pair.b if claim.side is Side.A else pair.a
        departs, _ = _context(other, departs_ids)
        if claim.kind is ClaimKind.ADDED:
            kind, label = ItemKind.ADDED, f"Added claim ({claim.category.value})"
        else:
            kind, label = ItemKind.DROPPED, f"Dropped detail ({claim.category.value})"
        item = ReviewItem(
            key="|".join((kind, claim.side.value, _normalise(claim.text), _normalise(sentence))),
            kind=kind,
            label=label,
            side=claim.side,
            text=claim.text,
            start=claim.start,
            end=claim.end,
            pair=pair_index,
            sentence=sentence,
            sentence_start=sentence_start,
            departs_from=departs,
            category=claim.category.value,
        )
        add(item, side_rank[claim.side])

    drafts.sort(key=lambda draft: draft[0])
    items: list[ReviewItem] = []
    seen: dict[str, int] = {}
    for _, item in drafts:
        # The same claim in two identical sentences gets an occurrence number, so keys
        # stay unique and still depend on content only.
        occurrence = seen.get(item.key, 0)
        seen[item.key] = occurrence + 1
        items.append(replace(item, key=_digest(item.key, str(occurrence))))
    return items


def _quote_item(
    comparison: Comparison, quote: Quote, pair_of: Mapping[Side, Mapping[int, int]]
) -> ReviewItem | None:
    """The review item for a quotation check, or None when there is nothing to review."""
    if quote.status in _QUOTE_KINDS:
        kind, label = _QUOTE_KINDS[quote.status]
    elif quote.status is QuoteStatus.VERBATIM and quote.speaker_changed:
        kind, label = ItemKind.QUOTE_SPEAKER, "Quotation attributed to someone else"
    else:
        return None
    doc = comparison.document(quote.side)
    other = comparison.document(quote.side.other)
    sentence_id = quote.sentence if quote.sentence >= 0 else _sentence_at(doc, quote.start)
    sentence, sentence_start = _context(doc, [sentence_id])
    pair_index = quote.pair if quote.pair >= 0 else pair_of[quote.side].get(sentence_id, -1)
    departs = source_text = ""
    if quote.source is not None:
        source_text = other.text[quote.source.start : quote.source.end]
        departs, _ = _context(other, [_sentence_at(other, quote.source.start)])
    return ReviewItem(
        key="|".join((kind, quote.side.value, _normalise(quote.text), _normalise(sentence))),
        kind=kind,
        label=label,
        side=quote.side,
        text=quote.text,
        start=quote.start,
        end=quote.end,
        pair=pair_index,
        sentence=sentence,
        sentence_start=sentence_start,
        departs_from=departs,
        source_text=source_text,
    )


# --------------------------------------------------------------------------- marks


class Mark(StrEnum):
    """A review mark. No mark (cleared) is ``None``."""

    ACCEPTED = "accepted"
    FLAGGED = "flagged"


@dataclass(frozen=True, slots=True)
class ReviewEntry:
    """The review of one item: its mark and note, each with the time it was last set.

    A cleared mark with an empty note is a *tombstone*: it is kept, with its
    timestamps, so that merging with an older copy does not bring the mark back.
    Timestamps are integer nanoseconds since the epoch (``time.time_ns``).
    """

    mark: Mark | None = None
    note: str = ""
    text: str = ""
    """The item's text when it was marked: lets a stale mark say what it was about."""
    label: str = ""
    """The item's label when it was marked."""
    mark_at: int = 0
    note_at: int = 0

    @property
    def updated_at(self) -> int:
        """When the mark or the note last changed (ns since the epoch)."""
        return max(self.mark_at, self.note_at)

    @property
    def is_live(self) -> bool:
        """True unless this entry is a tombstone (no mark and no note)."""
        return self.mark is not None or bool(self.note)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON form."""
        return {
            "mark": self.mark.value if self.mark else None,
            "mark_at": self.mark_at,
            "note": self.note,
            "note_at": self.note_at,
            "text": self.text,
            "label": self.label,
        }

    @classmethod
    def from_json(cls, data: Any) -> ReviewEntry:
        """Parse the JSON form; raises ``ValueError`` when it is malformed."""
        if not isinstance(data, dict):
            raise ValueError("entry is not an object")
        mark = data.get("mark")
        if mark is not None and mark not in Mark.__members__.values():
            raise ValueError(f"unknown mark {mark!r}")
        values = {k: data.get(k, d) for k, d in (("note", ""), ("text", ""), ("label", ""))}
        stamps = {k: data.get(k, 0) for k in ("mark_at", "note_at")}
        if not all(isinstance(v, str) for v in values.values()):
            raise ValueError("entry note/text/label must be strings")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in stamps.values()):
            raise ValueError("entry timestamps must be integers")
        return cls(
            mark=Mark(mark) if mark is not None else None,
            note=values["note"],
            text=values["text"],
            label=values["label"],
            mark_at=stamps["mark_at"],
            note_at=stamps["note_at"],
        )


def merge_entry(x: ReviewEntry, y: ReviewEntry) -> ReviewEntry:
    """Merge two versions of one item's review: per field, the later change wins.

    Ties are broken on the values themselves, so the merge is commutative,
    associative and idempotent whatever order instances save in.
    """
    mark_from = max(x, y, key=lambda e: (e.mark_at, e.mark.value if e.mark else ""))
    note_from = max(x, y, key=lambda e: (e.note_at, e.note))
    text_from = max(x, y, key=lambda e: (e.updated_at, e.text, e.label))
    return ReviewEntry(
        mark=mark_from.mark,
        mark_at=mark_from.mark_at,
        note=note_from.note,
        note_at=note_from.note_at,
        text=text_from.text,
        label=text_from.label,
    )


def merge_entries(
    x: Mapping[str, ReviewEntry], y: Mapping[str, ReviewEntry]
) -> dict[str, ReviewEntry]:
    """Merge two entry maps item by item (see ``merge_entry``)."""
    merged = dict(x)
    for key, entry in y.items():
        merged[key] = merge_entry(merged[key], entry) if key in merged else entry
    return merged


class Progress(NamedTuple):
    """Review progress: unpacks as ``(reviewed, total, flagged)``."""

    reviewed: int
    """Items with a mark (accepted or flagged)."""
    total: int
    flagged: int

    def __str__(self) -> str:
        return f"{self.reviewed} of {self.total} reviewed, {self.flagged} flagged"


@dataclass(frozen=True, slots=True)
class StaleEntry:
    """A mark or note whose item no longer exists (its text changed)."""

    key: str
    entry: ReviewEntry


# --------------------------------------------------------------------------- state


def text_hash(text: str) -> str:
    """Content hash of one article, blind to a BOM, line-ending style and edge blanks."""
    canonical = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def pair_key(a_text: str, b_text: str) -> str:
    """The key of a review: a hash of both articles' content, in order (A, B)."""
    return _digest("pair", text_hash(a_text), text_hash(b_text), size=32)


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """What a review remembers about one article."""

    hash: str
    """``text_hash`` of its content."""
    path: str | None = None
    """Absolute path when last opened (used to find the review again after an edit)."""
    title: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Plain JSON form."""
        return {"hash": self.hash, "path": self.path, "title": self.title}

    @classmethod
    def from_json(cls, data: Any) -> ArticleRef:
        """Parse the JSON form; raises ``ValueError`` when it is malformed."""
        if not isinstance(data, dict) or not isinstance(data.get("hash"), str):
            raise ValueError("article reference needs a hash")
        path, title = data.get("path"), data.get("title")
        if not (path is None or isinstance(path, str)):
            raise ValueError("article path must be a string")
        if not (title is None or isinstance(title, str)):
            raise ValueError("article title must be a string")
        return cls(data["hash"], path, title)

    @classmethod
    def of(cls, doc: Document) -> ArticleRef:
        """The reference of a loaded document."""
        path = os.path.abspath(doc.path) if doc.path else None
        return cls(text_hash(doc.text), path, doc.title)


@dataclass(slots=True)
class ReviewState:
    """All marks and notes of one pair of articles, as stored on disk."""

    pair_key: str
    a: ArticleRef
    b: ArticleRef
    entries: dict[str, ReviewEntry] = field(default_factory=dict)
    """Item key -> entry, tombstones and stale entries included."""
    carried_from: str | None = None
    """The pair key this review was carried over from when an article changed."""
    total: int = 0
    """Number of items when last saved (for summaries, without comparing again)."""

    def live(self) -> dict[str, ReviewEntry]:
        """Entries that carry a mark or a note."""
        return {k: e for k, e in self.entries.items() if e.is_live}

    def progress(self, items: Iterable[ReviewItem]) -> Progress:
        """``(reviewed, total, flagged)`` over ``items``."""
        reviewed = total = flagged = 0
        for item in items:
            total += 1
            entry = self.entries.get(item.key)
            if entry is not None and entry.mark is not None:
                reviewed += 1
                flagged += entry.mark is Mark.FLAGGED
        return Progress(reviewed, total, flagged)

    def stale(self, items: Iterable[ReviewItem]) -> list[StaleEntry]:
        """Live entries whose key is not among ``items``, oldest first."""
        keys = {item.key for item in items}
        found = [StaleEntry(k, e) for k, e in self.entries.items() if e.is_live and k not in keys]
        return sorted(found, key=lambda s: (s.entry.updated_at, s.key))

    def merge(self, other: ReviewState) -> None:
        """Fold another copy of this review into this one (see ``merge_entry``)."""
        self.entries = merge_entries(self.entries, other.entries)
        if self.carried_from is None:
            self.carried_from = other.carried_from

    def to_json(self, summary: ReviewSummary | None = None) -> dict[str, Any]:
        """Plain JSON form (the state file)."""
        data: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "pair_key": self.pair_key,
            "a": self.a.to_json(),
            "b": self.b.to_json(),
            "carried_from": self.carried_from,
            "total": self.total,
            "entries": {k: e.to_json() for k, e in sorted(self.entries.items())},
        }
        if summary is not None:
            data["summary"] = summary.to_json()
        return data

    @classmethod
    def from_json(cls, data: Any) -> ReviewState:
        """Parse the state file; raises ``ValueError`` when it is malformed."""
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        version = data.get("schema_version")
        if version != SCHEMA_VERSION:
            raise ValueError(f"unsupported schema_version {version!r}")
        key, entries = data.get("pair_key"), data.get("entries", {})
        if not isinstance(key, str) or not isinstance(entries, dict):
            raise ValueError("missing pair_key or entries")
        carried, total = data.get("carried_from"), data.get("total", 0)
        if not (carried is None or isinstance(carried, str)) or not isinstance(total, int):
            raise ValueError("bad carried_from or total")
        return cls(
            pair_key=key,
            a=ArticleRef.from_json(data.get("a")),
            b=ArticleRef.from_json(data.get("b")),
            entries={str(k): ReviewEntry.from_json(v) for k, v in entries.items()},
            carried_from=carried,
            total=total,
        )


@dataclass(frozen=True, slots=True)
class ReviewSummary:
    """Progress of one stored review, for the corpus screen."""

    pair_key: str
    a: ArticleRef
    b: ArticleRef
    reviewed: int
    total: int
    flagged: int
    stale: int = 0
    updated_at: int = 0
    """When the review was last saved (ns since the epoch)."""

    @property
    def progress(self) -> Progress:
        """The figures as a ``Progress``."""
        return Progress(self.reviewed, self.total, self.flagged)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON form (an ``index.json`` entry)."""
        return {
            "a": self.a.to_json(),
            "b": self.b.to_json(),
            "reviewed": self.reviewed,
            "total": self.total,
            "flagged": self.flagged,
            "stale": self.stale,
            "updated_at": self.updated_at,
        }

    @classmethod
    def from_json(cls, key: str, data: Any) -> ReviewSummary:
        """Parse an ``index.json`` entry; raises ``ValueError`` when it is malformed."""
        if not isinstance(data, dict):
            raise ValueError("summary is not an object")
        numbers = [data.get(k, 0) for k in ("reviewed", "total", "flagged", "stale", "updated_at")]
        if not all(isinstance(n, int) for n in numbers):
            raise ValueError("summary figures must be integers")
        reviewed, total, flagged, stale, updated_at = numbers
        return cls(
            key,
            ArticleRef.from_json(data.get("a")),
            ArticleRef.from_json(data.get("b")),
            reviewed,
            total,
            flagged,
            stale,
            updated_at,
        )


# --------------------------------------------------------------------------- files

if sys.platform != "win32":
    import fcntl

    @contextlib.contextmanager
    def _locked(path: Path) -> Iterator[None]:
        """Hold an exclusive advisory lock on ``path`` (created if needed)."""
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock

else:  # pragma: no cover - no flock on Windows: saves stay atomic, just unserialised

    @contextlib.contextmanager
    def _locked(path: Path) -> Iterator[None]:
        yield


def _fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (a no-op where directories can't be opened)."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically: readers see the old or the new file."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_dir(path.parent)


def _remove_orphans(path: Path) -> None:
    """Delete temp files a killed writer left behind (call with ``path``'s lock held)."""
    for orphan in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            orphan.unlink()


def _dumps(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError):
        return error.strerror or error.__class__.__name__
    return str(error) or error.__class__.__name__


def _now_ns() -> int:
    return time.time_ns()


class ReviewStore:
    """Review files under ``<data dir>/reviews``: load, save (locked, merged), summaries.

    Args:
        data_dir: The data directory; ``None`` means ``paths.data_dir()`` (which honours
            ``$DIFFREADER_DATA_DIR``). Nothing is created until the first save.
    """

    def __init__(self, data_dir: str | os.PathLike[str] | None = None) -> None:
        self.root = reviews_dir(data_dir)
        """The folder of review files."""

    # -- paths

    def path_for(self, key: str) -> Path:
        """The state file of pair ``key``."""
        return self.root / f"{key}.json"

    @property
    def index_path(self) -> Path:
        """The summaries file the corpus screen reads."""
        return self.root / "index.json"

    def _lock_path(self, path: Path) -> Path:
        return path.with_suffix(".lock")

    # -- loading

    def load_for(
        self, comparison: Comparison, *, record: bool = True
    ) -> tuple[ReviewSession, list[str]]:
        """Open the review of a comparison, creating or carrying it over as needed.

        Args:
            comparison: The result of ``engine.compare``.
            record: Save at once, which records the pair as opened for the corpus
                screen (and persists a carry-over). ``False`` writes nothing until the
                first change: for read-only uses such as ``--report``.

        Returns:
            The live session, and messages for the user (a corrupt file set aside, marks
            carried over from an earlier version of an article, a failed save).
        """
        items = review_items(comparison)
        a_ref, b_ref = ArticleRef.of(comparison.a), ArticleRef.of(comparison.b)
        key = pair_key(comparison.a.text, comparison.b.text)
        state, messages = self.load(key)
        if state is None:
            state = ReviewState(key, a_ref, b_ref)
            messages += self._carry_over(state, items)
        else:
            # Keep the latest paths and titles: a renamed file is found again by path.
            state.a = replace(a_ref, path=a_ref.path or state.a.path)
            state.b = replace(b_ref, path=b_ref.path or state.b.path)
        session = ReviewSession(self, state, items)
        if record:
            messages += session.save()
        return session, messages

    def load(self, key: str) -> tuple[ReviewState | None, list[str]]:
        """Read the state of pair ``key``; ``None`` when there is none (or it was corrupt)."""
        path = self.path_for(key)
        if not path.exists():
            return None, []
        try:
            with _locked(self._lock_path(path)):
                return self._read_locked(path)
        except OSError as error:
            return None, [f"Could not read the saved review {path}: {_reason(error)}"]

    def _read_locked(self, path: Path) -> tuple[ReviewState | None, list[str]]:
        """Read a state file, setting it aside if it is corrupt (lock held)."""
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None, []
        try:
            return ReviewState.from_json(json.loads(raw.decode("utf-8"))), []
        except (ValueError, UnicodeDecodeError, RecursionError) as error:
            return None, [self._set_aside(path, error)]

    def _set_aside(self, path: Path, error: BaseException) -> str:
        """Rename a corrupt file out of the way and say so."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{path.stem}.corrupt-{stamp}.json")
        counter = 1
        while target.exists():
            target = path.with_name(f"{path.stem}.corrupt-{stamp}-{counter}.json")
            counter += 1
        try:
            os.replace(path, target)
        except OSError as move_error:
            return (
                f"The saved review {path} is unreadable ({_reason(error)}) and could not be "
                f"set aside ({_reason(move_error)}); starting with an empty review."
            )
        _fsync_dir(path.parent)
        return (
            f"The saved review {path.name} was unreadable ({_reason(error)}); it was kept "
            f"as {target.name} and this review starts empty."
        )

    def _carry_over(self, state: ReviewState, items: list[ReviewItem]) -> list[str]:
        """Fill a new state from the previous review of the same files, if any."""
        summaries, _ = self.summaries()
        a, b = state.a, state.b
        candidates = [
            s
            for s in summaries.values()
            if s.pair_key != state.pair_key
            and (
                (s.a.hash == a.hash and b.path is not None and s.b.path == b.path)
                or (s.b.hash == b.hash and a.path is not None and s.a.path == a.path)
                or (
                    a.path is not None
                    and b.path is not None
                    and (s.a.path, s.b.path) == (a.path, b.path)
                )
            )
        ]
        for summary in sorted(candidates, key=lambda s: s.updated_at, reverse=True):
            previous, _ = self.load(summary.pair_key)
            if previous is None:
                continue
            carried = previous.live()
            if not carried:
                continue
            state.entries = dict(carried)
            state.carried_from = previous.pair_key
            keys = {item.key for item in items}
            stale = sum(key not in keys for key in carried)
            message = (
                f"An article changed since the last review: {len(carried)} marks and notes "
                "carried over"
            )
            if stale:
                message += f", {stale} of them on text that changed (listed as stale)"
            return [message + "."]
        return []

    # -- saving

    def save(self, state: ReviewState, items: list[ReviewItem] | None = None) -> list[str]:
        """Merge ``state`` with what is on disk and write it atomically.

        ``state`` is updated in place with the merge (so it gains the marks another
        instance saved). Raises ``OSError`` when the file cannot be written.

        Returns:
            Messages (a corrupt file found on disk and set aside).
        """
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.path_for(state.pair_key)
        messages: list[str] = []
        with _locked(self._lock_path(path)):
            _remove_orphans(path)
            on_disk, messages = self._read_locked(path)
            if on_disk is not None:
                state.merge(on_disk)
            if items is not None:
                state.total = len(items)
            summary = self._summary(state, items)
            _atomic_write(path, _dumps(state.to_json(summary)))
        messages += self._update_index(summary)
        return messages

    def _summary(self, state: ReviewState, items: list[ReviewItem] | None) -> ReviewSummary:
        if items is not None:
            reviewed, total, flagged = state.progress(items)
            stale = len(state.stale(items))
        else:
            live = state.live()
            reviewed = sum(e.mark is not None for e in live.values())
            flagged = sum(e.mark is Mark.FLAGGED for e in live.values())
            total, stale = max(state.total, reviewed), 0
        return ReviewSummary(
            state.pair_key, state.a, state.b, reviewed, total, flagged, stale, _now_ns()
        )

    # -- index

    def _update_index(self, summary: ReviewSummary) -> list[str]:
        """Record one pair's summary in ``index.json`` (a cache: failures only warn)."""
        try:
            with _locked(self._lock_path(self.index_path)):
                _remove_orphans(self.index_path)
                summaries, messages = self._read_index_locked()
                summaries[summary.pair_key] = summary
                payload = {
                    "schema_version": SCHEMA_VERSION,
                    "pairs": {k: s.to_json() for k, s in sorted(summaries.items())},
                }
                _atomic_write(self.index_path, _dumps(payload))
        except OSError as error:
            return [f"Could not update the review index: {_reason(error)}"]
        return messages

    def _read_index_locked(self) -> tuple[dict[str, ReviewSummary], list[str]]:
        """Read ``index.json``, rebuilding it from the state files when missing or corrupt."""
        messages: list[str] = []
        try:
            data = json.loads(self.index_path.read_bytes().decode("utf-8"))
            if not isinstance(data, dict) or data.get("schema_version") != SCHEMA_VERSION:
                raise ValueError("unsupported schema_version")
            pairs = data.get("pairs")
            if not isinstance(pairs, dict):
                raise ValueError("no pairs")
            return {str(k): ReviewSummary.from_json(str(k), v) for k, v in pairs.items()}, []
        except FileNotFoundError:
            pass
        except (ValueError, UnicodeDecodeError, RecursionError) as error:
            messages.append(self._set_aside(self.index_path, error))
        return self._rebuild_index(), messages

    def _rebuild_index(self) -> dict[str, ReviewSummary]:
        """Summaries read from each state file (the index is only a cache of these)."""
        summaries: dict[str, ReviewSummary] = {}
        for path in self.root.glob("*.json"):
            if path.name == self.index_path.name or ".corrupt-" in path.name:
                continue
            try:
                data = json.loads(path.read_bytes().decode("utf-8"))
                state = ReviewState.from_json(data)
                summary = ReviewSummary.from_json(state.pair_key, data.get("summary"))
            except (OSError, ValueError, UnicodeDecodeError, RecursionError):
                continue  # a corrupt state file is dealt with when its pair is opened
            summaries[state.pair_key] = summary
        return summaries

    def summaries(self) -> tuple[dict[str, ReviewSummary], list[str]]:
        """Progress of every stored review (pair key -> summary), read from ``index.json``."""
        if not self.root.is_dir():
            return {}, []
        try:
            with _locked(self._lock_path(self.index_path)):
                return self._read_index_locked()
        except OSError as error:
            return {}, [f"Could not read the review index: {_reason(error)}"]

    def summary(self, a_text: str, b_text: str) -> ReviewSummary | None:
        """Progress of the review of this pair of texts, or ``None`` if never opened.

        Reads only that pair's state file, which is the source of truth.
        """
        path = self.path_for(pair_key(a_text, b_text))
        try:
            data = json.loads(path.read_bytes().decode("utf-8"))
            state = ReviewState.from_json(data)
            return ReviewSummary.from_json(state.pair_key, data.get("summary"))
        except (OSError, ValueError, UnicodeDecodeError, RecursionError):
            return None


def review_summary_for_pair(
    a_text: str, b_text: str, data_dir: str | os.PathLike[str] | None = None
) -> ReviewSummary | None:
    """Progress of the stored review of two texts (``None`` when never opened)."""
    return ReviewStore(data_dir).summary(a_text, b_text)


# --------------------------------------------------------------------------- session


class ReviewSession:
    """The live review of one comparison: what the UI reads and changes.

    Created by ``ReviewStore.load_for``. Every change is saved before the call returns.
    """

    def __init__(self, store: ReviewStore, state: ReviewState, items: list[ReviewItem]) -> None:
        self.store = store
        self.state = state
        self.items = items
        """Reviewable items in display order."""
        self.unsaved = False
        """True when the last save failed; the next change (or ``save()``) retries."""
        self._index = {item.key: i for i, item in enumerate(items)}

    @property
    def pair_key(self) -> str:
        """The key this review is stored under."""
        return self.state.pair_key

    def item(self, key: str) -> ReviewItem | None:
        """The item with ``key``, if it exists in this comparison."""
        index = self._index.get(key)
        return self.items[index] if index is not None else None

    def entry(self, key: str) -> ReviewEntry | None:
        """The live entry of ``key`` (``None`` when unmarked and without a note)."""
        entry = self.state.entries.get(key)
        return entry if entry is not None and entry.is_live else None

    def mark(self, key: str) -> Mark | None:
        """The mark of ``key``, ``None`` when not reviewed."""
        entry = self.state.entries.get(key)
        return entry.mark if entry else None

    def note(self, key: str) -> str:
        """The note of ``key`` ("" when none)."""
        entry = self.state.entries.get(key)
        return entry.note if entry else ""

    def entries(self) -> dict[str, ReviewEntry]:
        """Every live entry (stale ones included): the input of ``render_report``."""
        return self.state.live()

    def set_mark(self, key: str, mark: Mark | None) -> list[str]:
        """Mark an item accepted or flagged (``None`` clears), and save.

        Raises:
            KeyError: ``key`` is neither an item nor a stored (possibly stale) entry.
        """
        current = self._current(key)
        if current.mark == mark:
            return []
        stamp = max(_now_ns(), current.mark_at + 1)
        self.state.entries[key] = replace(self._described(key, current), mark=mark, mark_at=stamp)
        return self.save()

    def set_note(self, key: str, note: str) -> list[str]:
        """Attach a note to an item ("" removes it), and save."""
        current = self._current(key)
        note = note.strip()
        if current.note == note:
            return []
        stamp = max(_now_ns(), current.note_at + 1)
        self.state.entries[key] = replace(self._described(key, current), note=note, note_at=stamp)
        return self.save()

    def clear(self, key: str) -> list[str]:
        """Remove an item's mark and note (how a stale entry is dismissed)."""
        return self.set_mark(key, None) + self.set_note(key, "")

    def save(self) -> list[str]:
        """Save now (merging with other instances); never raises ``OSError``."""
        try:
            messages = self.store.save(self.state, self.items)
        except OSError as error:
            self.unsaved = True
            return [
                f"Could not save the review to {self.store.path_for(self.pair_key)}: "
                f"{_reason(error)}. The change is kept in memory; saving will be retried."
            ]
        self.unsaved = False
        return messages

    def reload(self) -> list[str]:
        """Fold in what other instances saved since (without writing)."""
        on_disk, messages = self.store.load(self.pair_key)
        if on_disk is not None:
            self.state.merge(on_disk)
        return messages

    def progress(self) -> Progress:
        """``(reviewed, total, flagged)``; ``str()`` reads "14 of 37 reviewed, 3 flagged"."""
        return self.state.progress(self.items)

    def stale(self) -> list[StaleEntry]:
        """Marks and notes whose item no longer exists (its text changed)."""
        return self.state.stale(self.items)

    def flagged(self) -> list[ReviewItem]:
        """Flagged items, in display order (the "flagged only" filter)."""
        return [item for item in self.items if self.mark(item.key) is Mark.FLAGGED]

    def next_unreviewed(self, after: str | None = None, *, wrap: bool = True) -> ReviewItem | None:
        """The first unmarked item after ``after`` (from the top when ``None``).

        Args:
            after: Key of the current item.
            wrap: Continue from the top when nothing is left below.
        """
        start = self._index.get(after, -1) + 1 if after is not None else 0
        order = list(range(start, len(self.items)))
        if wrap:
            order += range(start)
        for index in order:
            item = self.items[index]
            if self.mark(item.key) is None:
                return item
        return None

    def _current(self, key: str) -> ReviewEntry:
        if key not in self._index and key not in self.state.entries:
            raise KeyError(key)
        return self.state.entries.get(key, ReviewEntry())

    def _described(self, key: str, entry: ReviewEntry) -> ReviewEntry:
        """``entry`` with the item's current text and label (kept for stale display)."""
        item = self.item(key)
        if item is None:
            return entry
        return replace(entry, text=item.text, label=item.label)
