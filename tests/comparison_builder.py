"""Provides hand-built ``Comparison`` objects for the storage and report tests.

They do not depend on how the engine segments, aligns or finds claims, so these tests
pin down the review and report layers alone. Each sentence is one paragraph; claims
and quotes are located by searching their text in the given sentence.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from diffreader.engine.model import (
    Claim,
    ClaimCategory,
    ClaimKind,
    Comparison,
    Document,
    Op,
    Pair,
    Quote,
    QuoteStatus,
    Sentence,
    SentenceKind,
    Side,
    Span,
    Stats,
    Status,
    WordOp,
)

ClaimSpec = tuple[Side, ClaimCategory, str, int]
"""(side, category, text, sentence id); the kind follows from the side."""
QuoteSpec = tuple[Side, int, str, QuoteStatus, str | None]
"""(side, sentence id, quoted text, status, source text on the other side or None)."""
PairSpec = tuple[tuple[int, ...], tuple[int, ...], Status]


def make_document(
    lines: Sequence[str], *, path: str | None = None, headline: bool = True
) -> Document:
    """A document whose sentences are ``lines``, separated by blank lines."""
    sentences = []
    offset = 0
    for index, line in enumerate(lines):
        kind = SentenceKind.HEADLINE if headline and index == 0 else SentenceKind.BODY
        sentences.append(Sentence(index, offset, offset + len(line), line, index, kind))
        offset += len(line) + 2
    return Document(
        "\n\n".join(lines),
        tuple(sentences),
        path=path,
        title=lines[0] if headline and lines else None,
        date="2025-09-08",
    )


def _word_ops(a: Document, a_ids: Sequence[int], b: Document, b_ids: Sequence[int]) -> list[WordOp]:
    """Word-level ops between two groups (difflib; good enough for fixtures)."""

    def words(doc: Document, ids: Sequence[int]) -> list[tuple[str, int, int]]:
        found = []
        for sid in ids:
            s = doc.sentences[sid]
            found += [
                (m.group(), s.start + m.start(), s.start + m.end())
                for m in re.finditer(r"\S+", s.text)
            ]
        return found

    wa, wb = words(a, a_ids), words(b, b_ids)
    ops: list[WordOp] = []
    matcher = difflib.SequenceMatcher(a=[w[0] for w in wa], b=[w[0] for w in wb], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a_start = wa[i1][1] if i1 < len(wa) else (wa[-1][2] if wa else 0)
        a_end = wa[i2 - 1][2] if i2 > i1 else a_start
        b_start = wb[j1][1] if j1 < len(wb) else (wb[-1][2] if wb else 0)
        b_end = wb[j2 - 1][2] if j2 > j1 else b_start
        if tag == "equal":
            ops.append(WordOp(Op.EQUAL, a_start, a_end, b_start, b_end))
        if tag in ("delete", "replace"):
            ops.append(WordOp(Op.DELETE, a_start, a_end, b_start, b_start))
        if tag in ("insert", "replace"):
            ops.append(WordOp(Op.INSERT, a_end, a_end, b_start, b_end))
    return ops


def make_comparison(
    a_lines: Sequence[str],
    b_lines: Sequence[str],
    pairs: Sequence[PairSpec],
    claims: Sequence[ClaimSpec] = (),
    quotes: Sequence[QuoteSpec] = (),
    *,
    a_path: str | None = "/corpus/original.txt",
    b_path: str | None = "/corpus/rewrite.txt",
) -> Comparison:
    """Build a comparison by hand."""
    a = make_document(a_lines, path=a_path)
    b = make_document(b_lines, path=b_path)
    docs = {Side.A: a, Side.B: b}
    built_pairs = []
    pair_of: dict[tuple[Side, int], int] = {}
    for index, (a_ids, b_ids, status) in enumerate(pairs):
        changed = status in (Status.REWORDED, Status.MOVED) and [
            a.sentences[i].text for i in a_ids
        ] != [b.sentences[i].text for i in b_ids]
        ops = tuple(_word_ops(a, a_ids, b, b_ids)) if a_ids and b_ids else ()
        built_pairs.append(
            Pair(tuple(a_ids), tuple(b_ids), status, 0.8 if a_ids and b_ids else 0.0, ops, changed)
        )
        pair_of.update({(Side.A, i): index for i in a_ids})
        pair_of.update({(Side.B, i): index for i in b_ids})

    built_claims = []
    for side, category, text, sid in claims:
        sentence = docs[side].sentences[sid]
        start = sentence.start + sentence.text.index(text)
        kind = ClaimKind.ADDED if side is Side.B else ClaimKind.DROPPED
        built_claims.append(
            Claim(side, kind, category, text, start, start + len(text), pair_of[side, sid], sid)
        )

    built_quotes = []
    for side, sid, text, status, source in quotes:
        sentence = docs[side].sentences[sid]
        start = sentence.start + sentence.text.index(text)
        span = None
        if source is not None:
            other = docs[side.other]
            at = other.text.index(source)
            span = Span(at, at + len(source))
        built_quotes.append(
            Quote(
                side,
                start,
                start + len(text),
                text,
                status,
                span,
                sentence=sid,
                pair=pair_of[side, sid],
            )
        )

    stats = Stats(
        a_kept=0.6,
        b_new=0.3,
        a_sentences_matched=0.5,
        b_sentences_matched=0.5,
        counts={},
        added_claims=sum(c.kind is ClaimKind.ADDED for c in built_claims),
        dropped_details=sum(c.kind is ClaimKind.DROPPED for c in built_claims),
        quotes={},
    )
    return Comparison(a, b, tuple(built_pairs), tuple(built_claims), tuple(built_quotes), stats)


A_LINES = [
    "Harbour Council Approves New Ferry Route",
    "The council voted on Tuesday to open a ferry route to Kestrel Island.",
    "The mayor, Ana Ruiz, said: “This route will change lives.”",
    "The ferry will cost 4 million euros.",
    "Fishermen objected to the plan at a meeting in March.",
]
B_LINES = [
    "Council Backs Ferry Route to Kestrel Island",
    "The mayor, Ana Ruiz, said: “This route will transform lives.”",
    "On Tuesday the council voted to open a ferry route to Kestrel Island, which has no bridge.",
    "The service will start in 2026, officials said.",
    "“We waited over ten years,” said islander Tom Reyes.",
]
PAIRS: list[PairSpec] = [
    ((0,), (0,), Status.REWORDED),
    ((2,), (1,), Status.MOVED),
    ((1,), (2,), Status.REWORDED),
    ((3,), (), Status.DROPPED),
    ((4,), (), Status.DROPPED),
    ((), (3,), Status.ADDED),
    ((), (4,), Status.ADDED),
]
CLAIMS: list[ClaimSpec] = [
    (Side.B, ClaimCategory.ASSERTION, "which has no bridge", 2),
    (Side.B, ClaimCategory.DATE, "2026", 3),
    (Side.B, ClaimCategory.DURATION, "over ten years", 4),
    (Side.B, ClaimCategory.PERSON, "Tom Reyes", 4),
    (Side.A, ClaimCategory.NUMBER, "4 million euros", 3),
    (Side.A, ClaimCategory.ASSERTION, "Fishermen objected to the plan at a meeting in March.", 4),
]
QUOTES: list[QuoteSpec] = [
    (
        Side.B,
        1,
        "This route will transform lives.",
        QuoteStatus.ALTERED,
        "This route will change lives.",
    ),
    (Side.B, 4, "We waited over ten years,", QuoteStatus.NEW, None),
]


def sample(
    a_lines: Sequence[str] = A_LINES,
    b_lines: Sequence[str] = B_LINES,
    *,
    a_path: str | None = "/corpus/original.txt",
    b_path: str | None = "/corpus/rewrite.txt",
) -> Comparison:
    """The standard fixture: a ferry story and its rewrite (11 reviewable items)."""
    return make_comparison(a_lines, b_lines, PAIRS, CLAIMS, QUOTES, a_path=a_path, b_path=b_path)


def many_added(count: int, *, b_path: str = "/corpus/long.txt") -> Comparison:
    """A rewrite made of ``count`` added sentences, each one an added claim."""
    a_lines = ["Original Headline", "One sentence that stays."]
    b_lines = ["Original Headline", "One sentence that stays."] + [
        f"Sentence number {i} adds claim {i}." for i in range(count)
    ]
    pairs: list[PairSpec] = [((0,), (0,), Status.SAME), ((1,), (1,), Status.SAME)]
    pairs += [((), (i + 2,), Status.ADDED) for i in range(count)]
    claims: list[ClaimSpec] = [
        (Side.B, ClaimCategory.ASSERTION, f"Sentence number {i} adds claim {i}.", i + 2)
        for i in range(count)
    ]
    return make_comparison(a_lines, b_lines, pairs, claims, b_path=b_path)
