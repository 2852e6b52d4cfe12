"""Provides the verdict on a candidate: is B a rewrite of A, a related story, or unrelated?

The index only says two articles share rare terms; the pair engine says how much of one
the other carries. ``verify`` aligns the pair (``engine.align_pair``: the sentence groups,
their similarity and the coverage figures) and checks its quotations
(``engine.quotes.check_quotes``), that is ``engine.compare`` without the claim search,
which the verdict does not read and which costs a third of the time.

The figures (all in [0, 1] but ``quotations``):

- ``matched``: the share of the shorter article's body sentences that sit in an aligned
  group scoring at least ``STRONG_PAIR`` (0.3): a sentence that says the same thing,
  however reworded. The aligner pairs some loosely similar sentences of two stories on the
  same topic too; they score below 0.3 (on the sample, the related story's best groups
  with the original score 0.11-0.32, a paraphrase's 0.3-1.0).
- ``kept``: ``Stats.a_kept``, the share of A's content words its aligned counterpart keeps.
- ``quotations``: B's quotations that are verbatim or altered copies of one of A's.

The rule (``VERDICT_RULE``), measured on the sample corpus and on the generated corpus of
``benchmarks/make_corpus.py``:

- an identical copy (the same content hash: ``Check.identical``) is a **rewrite**, whatever
  its figures (a short text copied word for word may hold fewer than ``MIN_FACTS`` facts);
- **rewrite** when ``matched >= 0.4``; or ``matched >= 0.2`` with a shared quotation or
  ``kept >= 0.15``; and, when the index counted them, at least ``MIN_FACTS`` (6) shared
  names and figures. A rewrite carries a large part of its original's sentences, or fewer
  of them plus its quotations (the sample's 003 rewords everything but keeps 3 of 000's
  sentences recognisable and alters 2 of its quotations), and it tells the same facts:
  two stories written to the same pattern (a council's vote, a court hearing) align
  sentence for sentence, but name other people and other figures (on the generated
  corpus, rewrites share 8 names and figures or more with their original, other stories
  5 or fewer; the sample's rewrites share 25-30).
- **related story** when it is not a rewrite but ``matched >= 0.05`` or a quotation is
  shared or ``kept >= 0.03``: the same people and events, told in other sentences.
- **unrelated** otherwise (the index ranked it for a few shared names or words only).

API:
    Verdict                    rewrite, related, unrelated
    Check                      the verdict and its figures
    verify(a, b, facts=None) -> Check
    judge(matched, kept, quotations, facts=None) -> Verdict
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum

from diffreader.engine.compare import align_pair
from diffreader.engine.model import Document, QuoteStatus, SentenceKind, Status
from diffreader.engine.quotes import check_quotes

__all__ = ["MIN_FACTS", "STRONG_PAIR", "VERDICT_RULE", "Check", "Verdict", "judge", "verify"]

MIN_FACTS = 6
"""Shared names and figures (index terms) a rewrite has at least."""

STRONG_PAIR = 0.3
"""An aligned group scoring this much says the same thing, reworded or not."""

VERDICT_RULE = (
    "rewrite: the same text (content hash), or (matched >= 0.4, "
    "or matched >= 0.2 with a shared quotation or kept >= 0.15) "
    "and at least 6 shared names and figures; "
    "related: otherwise matched >= 0.05, a shared quotation, or kept >= 0.03; "
    "else unrelated"
)
"""The rule, in words (the JSON output carries it)."""


class Verdict(StrEnum):
    """What a candidate is to the article it was found for."""

    REWRITE = "rewrite"
    RELATED = "related"
    UNRELATED = "unrelated"


@dataclass(frozen=True, slots=True)
class Check:
    """A verified candidate: the verdict and the figures it was read from."""

    verdict: Verdict
    matched: float
    """Share of the shorter article's body sentences in a strong aligned group."""
    kept: float
    """Share of A's content words that B's aligned counterpart keeps."""
    quotations: int
    """B's quotations that are verbatim or altered copies of A's."""
    matched_sentences: int
    """Body sentences of A in a strong aligned group."""
    facts: int | None = None
    """Shared names and figures, when the index counted them."""

    def judged(self, facts: int) -> Check:
        """The same figures judged again with ``facts`` shared names and figures."""
        verdict = judge(self.matched, self.kept, self.quotations, facts)
        return dataclasses.replace(self, verdict=verdict, facts=facts)

    def identical(self, facts: int) -> Check:
        """The check of two copies of one text (the same content hash): a rewrite, with
        ``facts`` names and figures (the text's own).

        >>> Check(Verdict.RELATED, 1.0, 1.0, 0, 2).identical(3).verdict.value
        'rewrite'
        """
        return dataclasses.replace(self, verdict=Verdict.REWRITE, facts=facts)


_CONTENT = (Status.SAME, Status.REWORDED, Status.MOVED)


def judge(matched: float, kept: float, quotations: int, facts: int | None = None) -> Verdict:
    """The verdict rule (see the module docstring); ``facts`` None skips the facts test.

    >>> [judge(0.5, 0.3, 2).value, judge(0.25, 0.12, 1).value, judge(0.1, 0.05, 0).value]
    ['rewrite', 'rewrite', 'related']
    >>> [judge(0.0, 0.0, 0).value, judge(0.7, 0.4, 1, facts=3).value]
    ['unrelated', 'related']
    """
    carried = matched >= 0.4 or (matched >= 0.2 and (quotations > 0 or kept >= 0.15))
    if carried and (facts is None or facts >= MIN_FACTS):
        return Verdict.REWRITE
    if matched >= 0.05 or quotations > 0 or kept >= 0.03:
        return Verdict.RELATED
    return Verdict.UNRELATED


def verify(a: Document, b: Document, facts: int | None = None) -> Check:
    """Align ``a`` with ``b``, check the quotations, and judge (with ``facts`` shared
    names and figures, when known)."""
    aligned = align_pair(a, b)
    strong_a = strong_b = 0
    for pair in aligned.pairs:
        if pair.status in _CONTENT and pair.score >= STRONG_PAIR:
            strong_a += len(pair.a)
            strong_b += len(pair.b)
    a_body = sum(1 for s in a.sentences if s.kind is SentenceKind.BODY)
    b_body = sum(1 for s in b.sentences if s.kind is SentenceKind.BODY)
    shorter = min(a_body, b_body)
    matched = min(1.0, min(strong_a, strong_b) / shorter) if shorter else 0.0
    quotes = check_quotes(aligned.a, aligned.b, aligned.pairs)
    shared = sum(1 for q in quotes if q.status in (QuoteStatus.VERBATIM, QuoteStatus.ALTERED))
    kept = aligned.stats.a_kept
    verdict = judge(matched, kept, shared, facts)
    return Check(verdict, round(matched, 4), kept, shared, strong_a, facts)
