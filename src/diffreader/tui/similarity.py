"""Provides a cheap article-to-article similarity for ranking a corpus against one article.

The corpus screen needs "how likely is this a rewrite of the marked article" for every
article at once, instantly. Running the full engine on every pair is far too slow for that,
so this is TF-IDF cosine (sublinear term frequency, smoothed IDF, a small stop-word list)
over pairs of adjacent content words, with single words at a tenth of the weight (so very
short texts still compare).

Why pairs: a story on the same topic shares the single words (names, places: "Dmitriev",
"Ukraine"), but only a rewrite of the *same* article keeps its phrases ("sovereign wealth",
"19th round"). Against 000 of the sample corpus, single words score the unrelated 004 at
0.36 and the rewrites at 0.41-0.44; this scores 004 at 0.07 and the rewrites at 0.18-0.27.

Sparse pair vectors give small cosines even for close rewrites, so ``scores`` returns the
square root: monotone (the ranking is unchanged) and spread over a readable 0-100%.

API:
    term_counts(text) -> Counter[str]          once per article, at load time (thread-safe)
    Similarity(corpus_counts).scores(key)      similarity of every article to one, in [0, 1]
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from itertools import pairwise

__all__ = ["Similarity", "term_counts"]

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)

# Function words only; content words must survive (names, numbers, places).
_STOP = frozenset(
    """a about after all also an and any are as at be been but by can could did do does for
    from had has have he her his i if in into is it its may more most no not of on one or
    our out over said says she so some than that the their them then there these they this
    those to up was we were what when which while who will with would you your""".split()
)


_UNIGRAM_WEIGHT = 0.1


def term_counts(text: str) -> Counter[str]:
    """Counts of content-word pairs and single content words (lowercased, no stop words).

    >>> sorted(term_counts("The wealth fund, the FUND").items())
    [('fund', 2), ('fund fund', 1), ('wealth', 1), ('wealth fund', 1)]
    """
    tokens = [
        tok
        for tok in (m.group().lower() for m in _TOKEN.finditer(text))
        if tok not in _STOP and (len(tok) > 1 or tok.isdigit())
    ]
    counts = Counter(tokens)
    counts.update(f"{a} {b}" for a, b in pairwise(tokens))
    return counts


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
            vec = {
                t: (1.0 + math.log(tf)) * idf[t] * (1.0 if " " in t else _UNIGRAM_WEIGHT)
                for t, tf in c.items()
            }
            norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
            self._vectors[key] = {t: v / norm for t, v in vec.items()}

    def scores(self, key: str) -> dict[str, float]:
        """Square-rooted cosine in [0, 1] of every article to ``key`` (itself scores 1)."""
        ref = self._vectors.get(key)
        if ref is None:
            return {}
        out: dict[str, float] = {}
        for other, vec in self._vectors.items():
            small, large = (vec, ref) if len(vec) < len(ref) else (ref, vec)
            cosine = sum(w * large.get(t, 0.0) for t, w in small.items())
            out[other] = math.sqrt(max(0.0, min(1.0, cosine)))
        return out
