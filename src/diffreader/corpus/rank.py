"""Provides the ranking of a corpus against one article: IDF-weighted shared terms.

Each term an article shares with the query adds ``weight(kind) * idf``, with
``idf = ln(N / df)``: a name in two articles of ten thousand says much, a word in half of
them nothing. Terms in more than ``max_df(N)`` articles are skipped (they cannot tell a
story from another, and their postings are the long ones). Kind weights: an exact sentence
3, a figure 1.5, a quotation 3-gram 1, a name 1, a rare word 0.5 (paraphrase keeps the
facts and swaps the words). ``relative`` divides by the query's score against itself, so a
threshold holds for short and long articles alike.

API:
    WEIGHTS, max_df(n) -> int, idf(n, df) -> float
    Candidate                        an article id, its score and shared terms by kind
    rank(query, postings, n) -> list[Candidate]
    reasons(shared, check) -> str    "3 shared quotations, 5 shared figures, 12 names; ..."
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from diffreader.corpus.verify import Check
from diffreader.plural import plural

__all__ = ["WEIGHTS", "Candidate", "idf", "max_df", "rank", "reasons"]

WEIGHTS = {"s": 3.0, "f": 1.5, "q": 1.0, "n": 1.0, "w": 0.5}
"""Weight of a shared term by kind (the prefix of the term)."""


def max_df(n: int) -> int:
    """Terms in more articles than this are skipped: 2% of the corpus, at least 20.

    >>> max_df(100), max_df(10000)
    (20, 200)
    """
    return max(20, n // 50)


def idf(n: int, df: int) -> float:
    """``ln((N + 1) / df)``, never below a small positive floor."""
    return max(0.05, math.log((n + 1) / max(df, 1)))


@dataclass(slots=True)
class Candidate:
    """One ranked article."""

    article: int
    """The article's id in the index."""
    score: float = 0.0
    relative: float = 0.0
    """``score`` over the query's score against itself."""
    shared: dict[str, int] = field(default_factory=dict)
    """Number of shared terms per kind (``n``, ``f``, ``q``, ``w``, ``s``)."""


def rank(
    query: Iterable[str],
    postings: Mapping[str, tuple[int, Iterable[int]]],
    n: int,
    *,
    exclude: int | None = None,
) -> list[Candidate]:
    """Rank the articles holding ``query``'s terms, best first.

    Args:
        query: The query article's terms.
        postings: Term -> (document frequency, ids of the articles holding it), for the
            terms of the query the index knows (``max_df`` already applied or not).
        n: Number of articles in the corpus.
        exclude: The query's own id, left out.

    >>> postings = {"n:kovac": (2, [1, 2]), "w:harbour": (3, [2, 3, 1])}
    >>> ranked = rank(["n:kovac", "w:harbour"], postings, 10)
    >>> [(c.article, c.shared) for c in ranked]
    [(1, {'n': 1, 'w': 1}), (2, {'n': 1, 'w': 1}), (3, {'w': 1})]
    """
    limit = max_df(n)
    candidates: dict[int, Candidate] = {}
    self_score = 0.0
    for term in sorted(set(query)):
        entry = postings.get(term)
        kind = term[0]
        if entry is None:
            # A term no other article has: it still counts in the query's own score.
            self_score += WEIGHTS.get(kind, 0.5) * idf(n, 1)
            continue
        df, ids = entry
        if df > limit:
            continue
        weight = WEIGHTS.get(kind, 0.5) * idf(n, df)
        self_score += weight
        for article in ids:
            if article == exclude:
                continue
            candidate = candidates.get(article)
            if candidate is None:
                candidate = candidates[article] = Candidate(article)
            candidate.score += weight
            candidate.shared[kind] = candidate.shared.get(kind, 0) + 1
    for candidate in candidates.values():
        candidate.relative = candidate.score / self_score if self_score else 0.0
    return sorted(candidates.values(), key=lambda c: (-c.score, c.article))


def reasons(shared: Mapping[str, int], check: Check | None) -> str:
    """The reasons shown beside a verdict.

    >>> from diffreader.corpus.verify import Check, Verdict
    >>> print(reasons({"n": 12, "f": 5, "s": 1}, Check(Verdict.REWRITE, 0.4, 0.2, 3, 6)))
    3 shared quotations, 5 shared figures, 12 names, 1 identical sentence; 40% of sentences matched
    """
    parts = []
    if check is not None and check.quotations:
        parts.append(plural(check.quotations, "shared quotation", "shared quotations"))
    elif shared.get("q"):
        parts.append(plural(shared["q"], "quotation phrase", "quotation phrases"))
    if shared.get("f"):
        parts.append(plural(shared["f"], "shared figure", "shared figures"))
    if shared.get("n"):
        parts.append(plural(shared["n"], "name", "names"))
    if shared.get("s"):
        parts.append(plural(shared["s"], "identical sentence", "identical sentences"))
    if not parts and shared.get("w"):
        parts.append(plural(shared["w"], "rare word", "rare words"))
    text = ", ".join(parts) or "nothing in common"
    if check is not None:
        text += f"; {round(check.matched * 100)}% of sentences matched"
    return text
