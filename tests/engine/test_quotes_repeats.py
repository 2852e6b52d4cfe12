"""Shortcuts for quotations repeated through both articles equal the plain code they replace.

A refrain (the same quotation in every paragraph, thousands of times a side) makes the
quotation search dominated by repetitions: ``_verbatim_in`` tells a repetition by one
comparison of the word lists, ``_match`` leaves unranked the links of quotations of B
related by place already (the searches give only the quotations of A they carry), and the
links are kept in a list, not by pair. Each is checked
here against the plain way (a search of every fragment; every link ranked; no pair linked
twice), on quotations drawn from a small vocabulary so that many are repeated word for
word.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from diffreader.engine import document_from_text
from diffreader.engine.model import QuoteStatus
from diffreader.engine.quotes import (
    _Link,
    _match,
    _Quotation,
    _rank,
    _searches,
    _verbatim_in,
    _Words,
    find_quotations,
)

VOCABULARY = "not here now never the bridge road we will".split()

words = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=7)


def reference_verbatim_in(frags: list[list[str]], a_words: _Words) -> tuple[int, int] | None:
    """Each fragment searched for in turn, contiguous, after the previous one."""
    keys = list(a_words.keys)
    pos, first, last = 0, -1, -1
    for frag in frags:
        at = next(
            (i for i in range(pos, len(keys) - len(frag) + 1) if keys[i : i + len(frag)] == frag),
            -1,
        )
        if at < 0:
            return None
        first = at if first < 0 else first
        pos = at + len(frag)
        last = pos - 1
    return (a_words.starts[first], a_words.ends[last]) if first >= 0 else None


def _words(keys: list[str]) -> _Words:
    text = " ".join(keys)
    return _Words.of(text, 0, len(text))


@settings(max_examples=500, deadline=None)
@given(words, st.lists(words, min_size=1, max_size=3), st.booleans())
def test_verbatim_in_equals_a_search_of_each_fragment(
    hay: list[str], frags: list[list[str]], repeat: bool
) -> None:
    """Whether the fragments are a repetition of the words (a copy, the same keys in
    another list) or any other run of them."""
    a_words = _words(hay)
    if repeat:
        frags = [list(_words(hay).keys)]
    assert _verbatim_in(frags, a_words) == reference_verbatim_in(frags, a_words)


def reference_match(
    links: Sequence[_Link],
    qa: Sequence[_Quotation],
    qb: Sequence[_Quotation],
    matched: dict[int, _Link],
    a_matched: set[int],
) -> set[int]:
    """Every link ranked, the matching then the quotations carried taken in rank order."""
    na, nb = len(qa), len(qb)
    ranked = sorted(links, key=lambda k: _rank(k, qa[k.a], qb[k.b], na, nb))
    for link in ranked:
        if link.b not in matched and link.a not in a_matched:
            matched[link.b] = link
            a_matched.add(link.a)
    carried: set[int] = set()
    for link in ranked:
        if link.status is not QuoteStatus.VERBATIM:
            break
        if link.b not in matched:
            matched[link.b] = link
        if link.a not in a_matched:
            carried.add(link.a)
    return carried


def _quotations(texts: list[list[str]], pairs: list[int]) -> list[_Quotation]:
    doc = document_from_text("\n\n".join(f"“{' '.join(w)}”" for w in texts) + "\n")
    return [
        _Quotation(doc, f, i, pairs[i % len(pairs)]) for i, f in enumerate(find_quotations(doc))
    ]


side = st.lists(words, min_size=1, max_size=12)
aligned_pairs = st.lists(st.integers(-1, 3), min_size=1, max_size=5)


@settings(max_examples=300, deadline=None)
@given(side, side, aligned_pairs, aligned_pairs, st.data())
def test_match_equals_ranking_every_link(
    a_texts: list[list[str]],
    b_texts: list[list[str]],
    a_pairs: list[int],
    b_pairs: list[int],
    data: st.DataObject,
) -> None:
    """Any links, verbatim and altered, with any quotations of B related by place already
    (one to one), those of such a quotation given as the quotations of A it is verbatim
    with: the same matching, the same quotations carried."""
    qa, qb = _quotations(a_texts, a_pairs), _quotations(b_texts, b_pairs)
    cells = st.tuples(st.integers(0, len(qa) - 1), st.integers(0, len(qb) - 1))
    related = data.draw(st.lists(cells, unique=True, max_size=30), label="links")
    links = []
    for a, b in related:
        verbatim = data.draw(st.booleans(), label="verbatim")
        score = 1.0 if verbatim else data.draw(st.sampled_from([0.0, 0.5, 0.75]), label="score")
        status = QuoteStatus.VERBATIM if verbatim else QuoteStatus.ALTERED
        links.append(_Link(a, b, status, (a, a + 1), score))
    placed = data.draw(st.lists(cells, unique_by=(lambda c: c[0], lambda c: c[1])), label="placed")
    start = {b: _Link(a, b, QuoteStatus.VERBATIM, (a, a + 1), 1.0) for a, b in placed}
    matched, a_matched = dict(start), {a for a, _ in placed}
    expected_matched, expected_a = dict(start), {a for a, _ in placed}
    carriers = [k.a for k in links if k.b in start and k.status is QuoteStatus.VERBATIM]
    unplaced = [k for k in links if k.b not in start]
    carried = _match(unplaced, carriers, qa, qb, matched, a_matched)
    assert carried == reference_match(links, qa, qb, expected_matched, expected_a)
    assert (matched, a_matched) == (expected_matched, expected_a)


@settings(max_examples=200, deadline=None)
@given(side, side, st.data())
def test_the_searches_link_each_pair_once(
    a_texts: list[list[str]], b_texts: list[list[str]], data: st.DataObject
) -> None:
    """What keeping the links in a list relies on: the two searches never link one pair
    twice, whichever quotations are related by place already (whose links are given as
    the quotations of A they carry)."""
    doc_a, doc_b = (
        document_from_text("\n\n".join(f"“{' '.join(w)}” he said" for w in t) + "\n")
        for t in (a_texts, b_texts)
    )
    qa = [_Quotation(doc_a, f, i, -1) for i, f in enumerate(find_quotations(doc_a))]
    qb = [_Quotation(doc_b, f, j, -1) for j, f in enumerate(find_quotations(doc_b))]
    cells = st.tuples(st.integers(0, len(qa) - 1), st.integers(0, len(qb) - 1))
    placed = data.draw(st.lists(cells, unique_by=(lambda c: c[0], lambda c: c[1])), label="placed")
    matched = {b: _Link(a, b, QuoteStatus.VERBATIM, (a, a + 1), 1.0) for a, b in placed}
    links, carriers, _, _, _ = _searches(doc_a, doc_b, qa, qb, matched, {a for a, _ in placed})
    pairs = [(k.a, k.b) for k in links]
    assert len(pairs) == len(set(pairs))
    assert not {k.b for k in links} & matched.keys()
    assert all(0 <= a < len(qa) for a in carriers)
