"""Provides the engine's data model: frozen dataclasses that every other layer reads.

Offsets are always character indices into the *decoded* text of one side, exactly as
loaded (``Document.text``), so any span maps back to the file. Nothing here is
normalised for display: normalisation happens only inside matching keys.

Members:
    Side, Status, SentenceKind, Op, ClaimKind, ClaimCategory, QuoteStatus: enums.
    Span, Sentence, Document, WordOp, Pair, Claim, Quote, Stats, Comparison.
    pack_ops, unpack_ops: word ops as plain integers (for the transfer between processes).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "Claim",
    "ClaimCategory",
    "ClaimKind",
    "Comparison",
    "Document",
    "Op",
    "Pair",
    "Quote",
    "QuoteStatus",
    "Sentence",
    "SentenceKind",
    "Side",
    "Span",
    "Stats",
    "Status",
    "WordOp",
    "pack_ops",
    "unpack_ops",
]


class Side(StrEnum):
    """Which article a span belongs to: ``a`` is the original, ``b`` the rewrite."""

    A = "a"
    B = "b"

    @property
    def other(self) -> Side:
        """The opposite side."""
        return Side.B if self is Side.A else Side.A


class Status(StrEnum):
    """What happened to an aligned group (and, by extension, to each of its sentences)."""

    SAME = "same"
    """Identical text once quotes, dashes and whitespace are normalised."""
    REWORDED = "reworded"
    """Matched across versions, words differ."""
    MOVED = "moved"
    """Matched, but out of the original order (``Pair.changed`` says if words differ too)."""
    ADDED = "added"
    """Only in B."""
    DROPPED = "dropped"
    """Only in A."""
    BOILERPLATE = "boilerplate"
    """Page furniture (captions, credits, widget lists): shown, never counted as content."""


class SentenceKind(StrEnum):
    """The role a segment plays in its article."""

    BODY = "body"
    HEADLINE = "headline"
    BOILERPLATE = "boilerplate"
    META = "meta"
    """A leading marker such as ``date 2025-09-08``: kept for offsets, never compared."""


class Op(StrEnum):
    """Word-diff operation tags (difflib/rapidfuzz names)."""

    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


class ClaimKind(StrEnum):
    """An added claim lives in B; a dropped detail lives in A."""

    ADDED = "added"
    DROPPED = "dropped"


class ClaimCategory(StrEnum):
    """The editorial category of a claim."""

    NUMBER = "number"
    DATE = "date"
    DURATION = "duration"
    PERSON = "person"
    PLACE = "place"
    ORGANISATION = "organisation"
    NAME = "name"
    """A proper name whose type the engine cannot tell."""
    ROLE = "role"
    """A title or description attached to someone ("head of the sovereign fund")."""
    NEGATION = "negation"
    """A negation added or removed around the same predicate ("had not been vaccinated")."""
    HEDGE = "hedge"
    """A hedge dropped or added ("the alleged assault" → "the assault", "may have been" →
    "was"), or a booster added ("definitely"): the same claim stated more or less surely."""
    OPPOSITE = "opposite"
    """A word replaced by its antonym ("rose" → "fell", "approved" → "rejected")."""
    QUOTATION = "quotation"
    ASSERTION = "assertion"
    """A whole added/dropped sentence, or a new clause inside a reworded one."""


class QuoteStatus(StrEnum):
    """How a quotation in B relates to A."""

    VERBATIM = "verbatim"
    ALTERED = "altered"
    NEW = "new"
    DROPPED = "dropped"
    """Only used for quotations of A that B no longer carries at all."""


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` in one side's text."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Sentence:
    """One segment of an article, with offsets into the decoded text."""

    id: int
    """Index of the sentence in ``Document.sentences``."""
    start: int
    end: int
    text: str
    """``Document.text[start:end]``, verbatim."""
    paragraph: int
    """0-based paragraph number (blank-line or line separated blocks)."""
    kind: SentenceKind = SentenceKind.BODY
    status: Status = Status.SAME
    """Filled in by ``compare``; the status of the group the sentence belongs to."""


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded, segmented article."""

    text: str
    """The decoded text, as loaded (BOM removed, nothing else touched)."""
    sentences: tuple[Sentence, ...]
    path: str | None = None
    title: str | None = None
    """Headline line, when the article has one (verbatim)."""
    date: str | None = None
    """ISO date from a leading ``date YYYY-MM-DD`` marker or front matter."""
    encoding: str = "utf-8"
    author: str | None = None
    """The author a web page's metadata names (text files have none)."""

    @property
    def name(self) -> str:
        """A short label: the title, else the file name, else ``"untitled"``."""
        return self.title or self.file_name or "untitled"

    @property
    def file_name(self) -> str:
        """The last part of ``path`` by this system's separators ("" without a path): on
        POSIX a backslash is a character of a name ("a\\x.txt"), no separator."""
        return os.path.basename(self.path) if self.path else ""


@dataclass(frozen=True, slots=True)
class WordOp:
    """One word-diff operation with offsets on both sides.

    ``equal`` spans both sides; ``delete`` has an empty B range (``b_start == b_end``)
    placed where the deletion happened; ``insert`` has an empty A range.
    """

    op: Op
    a_start: int
    a_end: int
    b_start: int
    b_end: int


_OPS = tuple(Op)
_OP_INDEX = {op: i for i, op in enumerate(_OPS)}


def pack_ops(ops: Iterable[WordOp]) -> tuple[int, ...]:
    """Word ops as five integers each, for the transfer between processes (a tuple of
    integers pickles several times faster than frozen dataclasses; see parallel.py).

    >>> unpack_ops(pack_ops([WordOp(Op.INSERT, 3, 3, 3, 8)]))
    (WordOp(op=<Op.INSERT: 'insert'>, a_start=3, a_end=3, b_start=3, b_end=8),)
    """
    return tuple(
        n for op in ops for n in (_OP_INDEX[op.op], op.a_start, op.a_end, op.b_start, op.b_end)
    )


def unpack_ops(flat: Iterable[int]) -> tuple[WordOp, ...]:
    """``pack_ops`` undone."""
    numbers = iter(flat)
    return tuple(
        WordOp(_OPS[op], a_start, a_end, b_start, b_end)
        for op, a_start, a_end, b_start, b_end in zip(
            numbers, numbers, numbers, numbers, numbers, strict=True
        )
    )


@dataclass(frozen=True, slots=True)
class Pair:
    """One aligned group: sentence ids on each side (either may be empty)."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    status: Status
    score: float
    """Similarity of the two sides in [0, 1]; 0 for added/dropped/boilerplate."""
    ops: tuple[WordOp, ...] = ()
    changed: bool = False
    """True when the words differ (a moved pair may be verbatim or reworded)."""


@dataclass(frozen=True, slots=True)
class Claim:
    """An added claim (in B) or a dropped detail (in A)."""

    side: Side
    kind: ClaimKind
    category: ClaimCategory
    text: str
    start: int
    end: int
    pair: int
    """Index into ``Comparison.pairs`` of the group containing the claim."""
    sentence: int
    """Id of the sentence (on ``side``) containing the claim."""
    departs_from: tuple[int, ...] = ()
    """For reworded groups: ids of the sentences on the other side it departs from."""
    parent: int = -1
    """Index into ``Comparison.claims`` of the assertion or quotation claim whose span
    contains this one (a name in an added sentence, a figure in a dropped quotation), or
    -1 for a top-level claim."""


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation check."""

    side: Side
    start: int
    end: int
    text: str
    """The quotation's inner text (without the quote marks)."""
    status: QuoteStatus
    source: Span | None = None
    """For verbatim/altered: the matching span on the other side."""
    ops: tuple[WordOp, ...] = ()
    """For altered quotations: word diff between source (a_*) and quote (b_*)."""
    score: float = 0.0
    speaker: str | None = None
    """Who the quote is attributed to in its own article, when the engine can tell."""
    source_speaker: str | None = None
    """Who the matching quote was attributed to on the other side."""
    speaker_changed: bool = False
    sentence: int = -1
    pair: int = -1


@dataclass(frozen=True, slots=True)
class Stats:
    """Coverage figures and counts."""

    a_kept: float
    """Share of A's content words (body sentences, stopwords aside) that B's aligned
    counterpart also has, in [0, 1]: content kept, whatever the wording around it."""
    b_new: float
    """Share of B's content words that its aligned counterpart in A lacks (all of an added
    sentence's), in [0, 1]."""
    a_sentences_matched: float
    """Share of A's body sentences that belong to a pair with B."""
    b_sentences_matched: float
    counts: dict[str, int] = field(default_factory=dict)
    """Number of groups per ``Status`` value."""
    added_claims: int = 0
    """Top-level added claims (facts inside an added assertion count with it)."""
    dropped_details: int = 0
    """Top-level dropped details."""
    quotes: dict[str, int] = field(default_factory=dict)
    """Number of B quotations per ``QuoteStatus`` value (plus ``dropped`` for A's)."""


@dataclass(frozen=True, slots=True)
class Comparison:
    """The full result of ``compare``: what the UI, the CLI and reports read.

    ``pairs`` is in display order: B's reading order, with each dropped A group placed
    after the group holding its nearest preceding A sentence.
    """

    a: Document
    b: Document
    pairs: tuple[Pair, ...]
    claims: tuple[Claim, ...]
    quotes: tuple[Quote, ...]
    stats: Stats

    @property
    def has_differences(self) -> bool:
        """False only when every content group is ``same`` (boilerplate ignored)."""
        return any(p.status not in (Status.SAME, Status.BOILERPLATE) for p in self.pairs)

    def document(self, side: Side) -> Document:
        """The document on ``side``."""
        return self.a if side is Side.A else self.b
