"""Provides a cheap article-to-article similarity for ranking a corpus against one article.

The corpus screen needs "how likely is this a rewrite of the marked article" for every
article at once, instantly. Running the full engine on every pair is far too slow for that,
so this is TF-IDF cosine over content words (sublinear term frequency, smoothed IDF, a small
stop-word list). Rewrites of one story share their names, places and numbers, which IDF
weighs up; an unrelated story shares mostly function words, which it weighs down.

API:
    term_counts(text) -> Counter[str]          once per article, at load time (thread-safe)
    Similarity(corpus_counts).scores(key)      cosine of every article to one, in [0, 1]
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping

__all__ = ["Similarity", "term_counts"]

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)

# Function words only; content words must survive (names, numbers, places).
_STOP = frozenset(
    """a about after all also an and any are as at be been but by can could did do does for
    from had has have he her his i if in into is it its may more most no not of on one or
    our out over said says she so some than that the their them then there these they this
    those to up was we were what when which while who will with would you your""".split()
)


def term_counts(text: str) -> Counter[str]:
    """Content-word counts of an article (lowercased, stop words removed).

    >>> sorted(term_counts("The fund, the FUND and 19 rounds").items())
    [('19', 1), ('fund', 2), ('rounds', 1)]
    """
    return Counter(
        tok
        for tok in (m.group().lower() for m in _TOKEN.finditer(text))
        if tok not in _STOP and (len(tok) > 1 or tok.isdigit())
    )


class Similarity:
    """TF-IDF vectors for a corpus; cosine similarity of every article to one of them.

    Args:
        counts: Term counts per article key (from ``term_counts``).
    """

    def __init__(self, counts: Mapping[str, Counter[str]]) -> None:
        df: Counter[str] = Counter()
        for c in counts.values():
            df.update(c.keys())
        n = len(counts)
        idf = {t: math.log((1 + n) / (1 + d)) + 1.0 for t, d in df.items()}
        self._vectors: dict[str, dict[str, float]] = {}
        for key, c in counts.items():
            vec = {t: (1.0 + math.log(tf)) * idf[t] for t, tf in c.items()}
            norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
            self._vectors[key] = {t: v / norm for t, v in vec.items()}

    def scores(self, key: str) -> dict[str, float]:
        """Cosine similarity in [0, 1] of every article to ``key`` (itself scores 1)."""
        ref = self._vectors.get(key)
        if ref is None:
            return {}
        out: dict[str, float] = {}
        for other, vec in self._vectors.items():
            small, large = (vec, ref) if len(vec) < len(ref) else (ref, vec)
            out[other] = min(1.0, sum(w * large.get(t, 0.0) for t, w in small.items()))
        return out
