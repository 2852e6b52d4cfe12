"""The altered-quotation search equals its former, slower implementation.

The former ``_best_altered`` is kept here as the reference (as rapidfuzz's tests compare
each metric with a reference implementation); the property tests draw quotations from a
small vocabulary, so that many A quotations tie on the words they share with B's.
"""

from __future__ import annotations

import heapq
from collections import Counter
from itertools import accumulate, chain

from hypothesis import given, settings
from hypothesis import strategies as st

from diffreader.engine.quotes import _MAX_SOURCES, _best_altered, _content, _most_shared, _Words
from diffreader.engine.text import Token, is_word, tokenize


def reference_best_altered(
    b_words: list[Token],
    a_words: list[_Words],
    index: dict[str, list[int]],
) -> tuple[int, int, int, float] | None:
    """The former ``_best_altered``: every candidate and window tried in Python loops."""
    from rapidfuzz import fuzz

    b_content = _content(b_words)
    n = len(b_words)
    if n < 3 or len(b_content) < 2:
        return None
    shared_by = Counter(chain.from_iterable(index.get(term, ()) for term in b_content))
    candidates = heapq.nsmallest(_MAX_SOURCES, [(-k, q) for q, k in shared_by.items() if k >= 2])
    b_str = " ".join(t.key for t in b_words)
    best: tuple[int, int, int, float] | None = None
    for _, quote in candidates:
        words = a_words[quote]
        stems = words.stems
        hits = [s in b_content for s in stems]
        matched = [s for s, hit in zip(stems, hits, strict=True) if hit]
        distinct = len(set(matched))
        if best is not None and (distinct / len(b_content) + 1) / 2 <= best[3]:
            continue
        running = list(accumulate(hits, initial=0)) if distinct == len(matched) else None
        for size in range(max(1, n - 3), min(len(stems), n + 5) + 1):
            for first in range(0, len(stems) - size + 1):
                if running is not None:
                    common = running[first + size] - running[first]
                else:
                    common = len(b_content.intersection(stems[first : first + size]))
                if common < 2:
                    continue
                shared = common / len(b_content)
                if shared < 0.4 or (best is not None and (shared + 1) / 2 <= best[3]):
                    continue
                floor = max(0.4, 2 * best[3] - shared) if best is not None else 0.4
                window = words.joined[words.offsets[first] : words.offsets[first + size] - 1]
                order = fuzz.ratio(b_str, window, score_cutoff=floor * 100 - 1e-9) / 100
                score = (shared + order) / 2
                if order >= 0.4 and (best is None or score > best[3]):
                    tokens = words.tokens
                    best = (quote, tokens[first].start, tokens[first + size - 1].end, score)
    return best


VOCABULARY = (
    "bridge harbour road close repair fund we will never the of and it is our town people".split()
)


def _tokens(words: list[str]) -> list[Token]:
    return [t for t in tokenize(" ".join(words)) if is_word(t.key)]


quotations = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=18)


@settings(max_examples=400, deadline=None)
@given(st.lists(quotations, min_size=1, max_size=30), quotations)
def test_best_altered_equals_the_reference(a_quotes: list[list[str]], b_quote: list[str]) -> None:
    prepared = [_Words(_tokens(words)) for words in a_quotes]
    index: dict[str, list[int]] = {}
    for i, words in enumerate(prepared):
        for term in set(words.stems) - {""}:
            index.setdefault(term, []).append(i)
    b_words = _tokens(b_quote)
    assert _best_altered(b_words, prepared, index) == reference_best_altered(
        b_words, prepared, index
    )


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.integers(0, 200), st.integers(0, 6)))
def test_most_shared_equals_nsmallest(counts: dict[int, int]) -> None:
    shared_by = Counter(counts)
    expected = heapq.nsmallest(_MAX_SOURCES, [(-k, q) for q, k in shared_by.items() if k >= 2])
    assert _most_shared(shared_by) == expected
