"""Provides review marks and the state of one pair's review, as plain data and JSON.

Pure: imports the engine's model and the standard library only. Reading and writing the
files (atomic writes, locking, the index, carry-over) is ``storage.review``'s job.

API:
    SCHEMA_VERSION                         version of the state file and of ``index.json``
    Mark                                   accepted, flagged (no mark is ``None``)
    ReviewEntry                            mark + note + timestamps; ``to_json``/``from_json``
    merge_entry(x, y), merge_entries(x, y) per field, the later change wins (a CRDT merge)
    stale_entries(entries, items)          live entries no item holds (aliases adopted aside)
    Progress, StaleEntry                   ``(reviewed, total, flagged)``; a mark on lost text
    text_hash(text), pair_key(a, b)        content hashes (a review is stored per pair key)
    is_pair_key(value)                     True for what ``pair_key`` returns (and nothing else)
    MAX_STAMP                              the latest timestamp a stored entry may carry
    ArticleRef, ReviewState, ReviewSummary what the state file and the index hold

The JSON forms are the on-disk format: frozen, like the item keys.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple, TypeGuard

from diffreader.engine.model import Document
from diffreader.review.items import ReviewItem
from diffreader.review.keys import digest

__all__ = [
    "MAX_STAMP",
    "SCHEMA_VERSION",
    "ArticleRef",
    "Mark",
    "Progress",
    "ReviewEntry",
    "ReviewState",
    "ReviewSummary",
    "StaleEntry",
    "is_pair_key",
    "merge_entries",
    "merge_entry",
    "pair_key",
    "stale_entries",
    "text_hash",
]

SCHEMA_VERSION = 1
"""Version of the per-pair state file and of ``index.json``."""

MAX_STAMP = 2**63 - 1
"""The latest timestamp (ns since the epoch, year 2262) a stored entry may carry.

``time.time_ns`` fits in 64 bits until then, and every date library can show it. A stored
time outside ``[0, MAX_STAMP]`` (or not a number) is read as 0, "unknown": a crafted
far-future time must neither crash a report nor outrank every later user action.
"""

_PAIR_KEY = re.compile(r"[0-9a-f]{32}")
"""What ``pair_key`` returns: 32 lowercase hex digits (file names are built from it)."""


def _stamp(value: Any) -> int:
    """A stored timestamp made safe: whole ns in ``[0, MAX_STAMP]``, else 0 (unknown)."""
    if isinstance(value, float) and math.isfinite(value):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        return 0
    return value if 0 <= value <= MAX_STAMP else 0


def _count(value: Any) -> int:
    """A stored count made safe: a non-negative integer, else 0, and at most
    ``_MOST_ITEMS`` (a crafted ``10**30`` filled the corpus screen's Review column)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return 0
    return min(max(value, 0), _MOST_ITEMS)


_MOST_ITEMS = 10_000_000
"""More review items than any comparison makes (two 8 MB files make about 260,000)."""


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
        if not all(isinstance(v, str) for v in values.values()):
            raise ValueError("entry note/text/label must be strings")
        # A time out of range or of the wrong type is unknown (0), not a reason to drop
        # the review: the mark and note are what matter (see ``MAX_STAMP``).
        stamps = {k: _stamp(data.get(k, 0)) for k in ("mark_at", "note_at")}
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


def stale_entries(
    entries: Mapping[str, ReviewEntry], items: Iterable[ReviewItem]
) -> list[StaleEntry]:
    """Live entries whose item no longer exists, oldest first.

    An entry under an item's alias (``ReviewItem.aliases``) whose mark and note the item
    now carries is the item's (``ReviewState.adopt``), not stale; one that differs from
    the item's own entry is listed, so nothing marked is silently lost.
    """
    keys: set[str] = set()
    for item in items:
        keys.add(item.key)
        own = entries.get(item.key)
        for alias in item.aliases:
            entry = entries.get(alias)
            if (
                entry is not None
                and own is not None
                and (entry.mark, entry.note)
                == (
                    own.mark,
                    own.note,
                )
            ):
                keys.add(alias)
    found = [StaleEntry(k, e) for k, e in entries.items() if e.is_live and k not in keys]
    return sorted(found, key=lambda s: (s.entry.updated_at, s.key))


def text_hash(text: str) -> str:
    """Content hash of one article, blind to a BOM, line-ending style and edge blanks."""
    canonical = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def pair_key(a_text: str, b_text: str) -> str:
    """The key of a review: a hash of both articles' content, in order (A, B)."""
    return digest("pair", text_hash(a_text), text_hash(b_text), size=32)


def is_pair_key(value: object) -> TypeGuard[str]:
    """True when ``value`` has the form of a ``pair_key`` (safe to build a file name from).

    >>> is_pair_key(pair_key("a", "b")), is_pair_key("../../x"), is_pair_key("A" * 32)
    (True, False, False)
    """
    return isinstance(value, str) and _PAIR_KEY.fullmatch(value) is not None


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
        path = doc.path or None
        if path is not None:
            # A relative path is made absolute against the working directory, which may
            # have been deleted since the article was read: the path as given then.
            with contextlib.suppress(OSError):
                path = os.path.abspath(path)
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
        """Live entries that belong to none of ``items``, oldest first (``stale_entries``)."""
        return stale_entries(self.entries, items)

    def adopt(self, items: Iterable[ReviewItem]) -> int:
        """Give each item without an entry of its own the entries saved under its aliases.

        An item that absorbed others (the A side of a substitution, the clauses of an
        added sentence: ``ReviewItem.aliases``) takes over what was marked on them, so a
        review saved before they were one item keeps its marks on the item that now holds
        the change. Several are merged (``merge_entry``: per field, the later wins). The
        alias entries stay as they were (an older version reading the file finds them).

        Returns:
            The number of items that adopted an entry.
        """
        adopted = 0
        for item in items:
            if not item.aliases or item.key in self.entries:
                continue
            found = [
                self.entries[k]
                for k in item.aliases
                if k in self.entries and self.entries[k].is_live
            ]
            if not found:
                continue
            merged = found[0]
            for entry in found[1:]:
                merged = merge_entry(merged, entry)
            self.entries[item.key] = merged
            adopted += 1
        return adopted

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
        if not isinstance(entries, dict):
            raise ValueError("entries is not an object")
        # The key names the file the review is saved to: anything but a pair key's form
        # ("../../x") is refused, so a crafted file cannot steer a save elsewhere.
        if not is_pair_key(key):
            raise ValueError("pair_key is not a review key")
        carried = data.get("carried_from")
        return cls(
            pair_key=key,
            a=ArticleRef.from_json(data.get("a")),
            b=ArticleRef.from_json(data.get("b")),
            entries={str(k): ReviewEntry.from_json(v) for k, v in entries.items()},
            carried_from=carried if is_pair_key(carried) else None,
            total=_count(data.get("total", 0)),
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
        """Parse an ``index.json`` entry; raises ``ValueError`` when it is malformed.

        ``key`` must have a pair key's form (the index names state files by it); figures
        that are not non-negative integers read as 0, an out-of-range time as unknown.
        """
        if not is_pair_key(key):
            raise ValueError("not a review key")
        if not isinstance(data, dict):
            raise ValueError("summary is not an object")
        reviewed, total, flagged, stale = (
            _count(data.get(k, 0)) for k in ("reviewed", "total", "flagged", "stale")
        )
        # Consistent whatever the file says: no more reviewed (or stale) than there are
        # items, no more flagged than reviewed.
        reviewed, stale = min(reviewed, total), min(stale, total)
        flagged = min(flagged, reviewed)
        updated_at = _stamp(data.get("updated_at", 0))
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
