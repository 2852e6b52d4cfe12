"""Alignment: the fast paths give exactly what the plain formulas give, and groups are sane.

The candidate search and the term vectors are written for speed (no Counter when every
term occurs once, the first posting read without look-ups, crowded postings dropped from
the index once); reference versions written the plain way pin them, float for float.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from diffreader.engine import align as align_module
from diffreader.engine.align import Unit, align, cosine

TERMS = st.sampled_from([f"t{i}" for i in range(40)])
STEMS = st.lists(TERMS, max_size=12)
SIDES = st.lists(STEMS, max_size=30)


def _units(side: list[list[str]]) -> list[Unit]:
    return [Unit(i, i // 3, stems) for i, stems in enumerate(side)]


def _reference_vector(stems: list[str], idf: dict[str, float]) -> dict[str, float]:
    counts = Counter(stems)
    vec = {t: (1.0 + math.log(c)) * idf.get(t, 1.0) for t, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def _reference_candidates(
    src: list[Unit],
    dst: list[Unit],
    src_vec: dict[int, dict[str, float]],
    dst_vec: dict[int, dict[str, float]],
    idf: dict[str, float],
) -> set[tuple[int, int]]:
    index: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for unit in dst:
        for term, weight in dst_vec[unit.id].items():
            index[term].append((unit.id, weight))
    cap = max(24, int(2 * math.sqrt(len(dst))))
    out: set[tuple[int, int]] = set()
    for unit in src:
        weights = src_vec[unit.id]
        partial: dict[int, float] = defaultdict(float)
        used = 0
        for term in sorted(weights, key=idf.__getitem__, reverse=True):
            posting = index.get(term)
            if not posting or len(posting) > cap:
                continue
            for other, other_weight in posting:
                partial[other] += weights[term] * other_weight
            used += 1
            if used >= align_module._RARE_TERMS:
                break
        best = sorted(partial.items(), key=lambda item: item[1], reverse=True)
        out.update((unit.id, other) for other, _ in best[: align_module._MAX_CANDIDATES])
    return out


@given(SIDES)
def test_idf_is_the_plain_formula_in_first_occurrence_order(side: list[list[str]]) -> None:
    units = _units(side)
    df: Counter[str] = Counter()
    for unit in units:
        df.update(set(unit.stems))
    n = len(units)
    plain = {term: math.log((n + 1) / (count + 1)) + 1.0 for term, count in df.items()}
    assert list(align_module._idf(units).items()) == list(plain.items())


@settings(max_examples=200, deadline=None)
@given(SIDES, SIDES)
def test_vectors_and_candidates_match_the_plain_formulas(
    a_side: list[list[str]], b_side: list[list[str]]
) -> None:
    a_units, b_units = _units(a_side), _units(b_side)
    idf = align_module._idf([*a_units, *b_units])
    a_vec = {u.id: align_module._vector(u.stems, idf) for u in a_units}
    b_vec = {u.id: align_module._vector(u.stems, idf) for u in b_units}
    for unit in a_units:
        assert a_vec[unit.id] == _reference_vector(list(unit.stems), idf)
        assert list(a_vec[unit.id]) == list(dict.fromkeys(unit.stems))
    found = align_module._candidates(a_units, b_units, a_vec, b_vec, idf)
    assert all(found.values())
    assert {(a, b) for a, bs in found.items() for b in bs} == (
        _reference_candidates(a_units, b_units, a_vec, b_vec, idf)
    )


@settings(max_examples=200, deadline=None)
@given(SIDES, SIDES)
def test_scored_pairs_are_the_candidates_of_either_direction_scored_plainly(
    a_side: list[list[str]], b_side: list[list[str]]
) -> None:
    """Scored by A sentence, each pair once: the same entries as scoring the union of
    both directions' candidate pairs with ``cosine``, float for float."""
    a_units, b_units = _units(a_side), _units(b_side)
    idf = align_module._idf([*a_units, *b_units])
    a_vec = {u.id: align_module._vector(u.stems, idf) for u in a_units}
    b_vec = {u.id: align_module._vector(u.stems, idf) for u in b_units}
    pairs = _reference_candidates(a_units, b_units, a_vec, b_vec, idf)
    pairs |= {(a, b) for b, a in _reference_candidates(b_units, a_units, b_vec, a_vec, idf)}
    reference = []
    for a, b in pairs:
        score = cosine(a_vec[a], b_vec[b])
        if score >= align_module._GAP_THRESHOLD:
            tie = 0.01 * (1.0 - abs(a / max(1, len(a_units)) - b / max(1, len(b_units))))
            reference.append((score + tie, score, a, b))
    scored = align_module._score_candidates(a_units, b_units, a_vec, b_vec, idf)
    assert sorted(scored) == sorted(reference)
    # Leaving out the vectors of sentences sharing no term with the other side (as
    # ``align`` does) changes nothing: no posting the other side reads holds them.
    a_terms = {t for u in a_units for t in u.stems}
    b_terms = {t for u in b_units for t in u.stems}
    a_live = {i: v for i, v in a_vec.items() if b_terms & set(a_units[i].stems)}
    b_live = {i: v for i, v in b_vec.items() if a_terms & set(b_units[i].stems)}
    pruned = align_module._score_candidates(a_units, b_units, a_live, b_live, idf)
    assert sorted(pruned) == sorted(reference)


@settings(max_examples=200, deadline=None)
@given(SIDES, SIDES)
def test_each_sentence_is_in_one_group_at_most(
    a_side: list[list[str]], b_side: list[list[str]]
) -> None:
    groups = align(_units(a_side), _units(b_side))
    a_ids = [i for g in groups for i in g.a]
    b_ids = [i for g in groups for i in g.b]
    assert len(a_ids) == len(set(a_ids)) and len(b_ids) == len(set(b_ids))
    assert all(g.a and g.b and g.a == sorted(g.a) and g.b == sorted(g.b) for g in groups)


def test_identical_sides_pair_each_sentence_with_itself() -> None:
    side = [["bridge", "shut", "harbour"], ["ferry", "delay", "storm"], ["council", "vote"]]
    groups = align(_units(side), _units(side))
    assert sorted((g.a, g.b) for g in groups) == [([0], [0]), ([1], [1]), ([2], [2])]


def test_cosine_of_a_unit_vector_with_itself_is_one() -> None:
    vec = align_module._vector(["a", "b", "b", "c"], {"a": 1.0, "b": 2.0, "c": 3.0})
    assert math.isclose(cosine(vec, vec), 1.0)


SCORES = st.sampled_from([0.1, 0.25, 0.5, 0.75])
ENTRIES = st.lists(
    st.tuples(SCORES, SCORES, st.integers(0, 9), st.integers(0, 9)),
    max_size=40,
    unique_by=lambda e: (e[2], e[3]),
)


@settings(max_examples=300, deadline=None)
@given(ENTRIES, st.dictionaries(st.tuples(st.integers(0, 9), st.integers(0, 9)), st.integers(0, 5)))
def test_scored_pairs_sort_as_with_the_shared_terms_in_the_key(
    entries: list[tuple[float, float, int, int]], shared_terms: dict[tuple[int, int], int]
) -> None:
    """The shared terms are counted only for equal scores, yet the order is the one of a
    sort on (score with tie-break, score, shared terms, A id, B id), descending."""

    def shared(a: int, b: int) -> int:
        return shared_terms.get((a, b), 0)

    scored = list(entries)
    align_module._sort_scored(scored, shared)
    reference = sorted(((k, s, shared(a, b), a, b) for k, s, a, b in entries), reverse=True)
    assert scored == [(k, s, a, b) for k, s, _, a, b in reference]


def test_left_out_sentences_still_count_for_the_posting_cap() -> None:
    """The cap on a posting's length grows with the whole side, not with the sentences
    kept for the search: a term in 30 of 400 sentences of B is usable (cap 40), even when
    only those 30 share a term with A (a cap of 24 had they been all). A's 60 sentences
    holding the term make it unusable the other way."""
    a_units = _units([["x", f"a{i}"] for i in range(60)])
    b_units = _units([["x", f"b{i}"] for i in range(30)] + [[f"z{i}"] for i in range(370)])
    idf = align_module._idf([*a_units, *b_units])
    a_vec = {u.id: align_module._vector(u.stems, idf) for u in a_units}
    b_vec = {u.id: align_module._vector(u.stems, idf) for u in b_units}
    full = align_module._score_candidates(a_units, b_units, a_vec, b_vec, idf)
    b_live = {i: v for i, v in b_vec.items() if i < 30}
    assert full
    assert align_module._score_candidates(a_units, b_units, a_vec, b_live, idf) == full


def _plain_candidates(
    src: list[Unit],
    dst: list[Unit],
    src_vec: dict[int, dict[str, float]],
    dst_vec: dict[int, dict[str, float]],
    idf: dict[str, float],
) -> dict[int, list[int]]:
    """Each source's candidates in ``_candidates``' order, every posting added whole: the
    best ``_MAX_CANDIDATES`` by partial score, ties in the order first met (or all, in
    that order, when there are no more)."""
    index: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for unit in dst:
        for term, weight in dst_vec[unit.id].items():
            index[term].append((unit.id, weight))
    cap = max(24, int(2 * math.sqrt(len(dst))))
    keep = align_module._MAX_CANDIDATES
    out: dict[int, list[int]] = {}
    for unit in src:
        weights = src_vec[unit.id]
        usable = [t for t in weights if 0 < len(index.get(t, ())) <= cap]
        partial: dict[int, float] = {}
        for term in sorted(usable, key=idf.__getitem__, reverse=True)[: align_module._RARE_TERMS]:
            for other, other_weight in index[term]:
                partial[other] = partial.get(other, 0.0) + weights[term] * other_weight
        if partial:
            ranked = sorted(partial, key=partial.__getitem__, reverse=True)
            out[unit.id] = ranked[:keep] if len(ranked) > keep else list(partial)
    return out


# Few patterns over few terms: long postings, many sentences alike, so many equal weights.
PATTERNS = st.lists(
    st.lists(st.sampled_from(["p", "q", "r", "s", "t"]), max_size=4), min_size=1, max_size=6
)


@settings(max_examples=300, deadline=None)
@given(PATTERNS, st.lists(st.integers(0, 5), max_size=60), st.lists(st.integers(0, 5), max_size=60))
def test_a_long_last_posting_read_in_part_gives_the_plain_candidates(
    patterns: list[list[str]], a_picks: list[int], b_picks: list[int]
) -> None:
    """A long posting read last is read only as far as its best (``_add_best``), yet each
    sentence gets the same candidates in the same order as adding it whole. With room
    for 3 candidates and any posting longer than the scores so far plus 3 read in part,
    most sentences of these sides take the short way."""
    a_side = [patterns[i % len(patterns)] + [f"a{i % 7}"] for i in a_picks]
    b_side = [patterns[i % len(patterns)] + [f"a{i % 5}"] for i in b_picks]
    a_units, b_units = _units(a_side), _units(b_side)
    idf = align_module._idf([*a_units, *b_units])
    a_vec = {u.id: align_module._vector(u.stems, idf) for u in a_units}
    b_vec = {u.id: align_module._vector(u.stems, idf) for u in b_units}
    with (
        mock.patch.object(align_module, "_MAX_CANDIDATES", 3),
        mock.patch.object(align_module, "_LONG_POSTING", 3),
    ):
        for src, dst, src_vec, dst_vec in (
            (a_units, b_units, a_vec, b_vec),
            (b_units, a_units, b_vec, a_vec),
        ):
            found = align_module._candidates(src, dst, src_vec, dst_vec, idf)
            assert found == _plain_candidates(src, dst, src_vec, dst_vec, idf)


def test_the_best_of_a_long_posting_keep_their_ties() -> None:
    """Thirty-nine sentences alike but for their place (of 400: a posting cap of 40): one
    source reads their shared term last, after a rare one, and in part; the twelve kept
    are the first met, as when all are added."""
    a_units = _units([["common", "rare"]])
    alike = [["common"] for _ in range(39)]
    b_units = _units([["rare", "other"], *alike, *([f"z{i}"] for i in range(360))])
    idf = align_module._idf([*a_units, *b_units])
    a_vec = {u.id: align_module._vector(u.stems, idf) for u in a_units}
    b_vec = {u.id: align_module._vector(u.stems, idf) for u in b_units}
    found = align_module._candidates(a_units, b_units, a_vec, b_vec, idf)
    assert found == {0: [0, *range(1, 12)]}
    assert found == _plain_candidates(a_units, b_units, a_vec, b_vec, idf)


# Weights one float apart: multiplied by the same weight they often round to one product,
# which a sort on the weights alone would misorder.
NEAR = st.sampled_from(
    [0.7, math.nextafter(0.7, 0.0), 0.1, math.nextafter(0.1, 1.0), 0.3, math.nextafter(0.3, 1.0)]
)


@settings(max_examples=500, deadline=None)
@given(
    st.dictionaries(st.integers(0, 40), NEAR, max_size=6),
    st.lists(st.tuples(st.integers(0, 40), NEAR), max_size=40, unique_by=lambda e: e[0]),
    st.sampled_from([0.1, 0.77, 1.0 / 3.0]),
)
def test_a_posting_read_in_part_keeps_the_best_and_their_order(
    partial: dict[int, float], posting: list[tuple[int, float]], weight: float
) -> None:
    """``_add_best`` against adding the whole posting: the same best ``_MAX_CANDIDATES``
    in the same order after the stable sort, even where distinct weights give one product."""
    keep = 3
    plain = dict(partial)
    for other, other_weight in posting:
        plain[other] = plain.get(other, 0.0) + weight * other_weight
    by_weight = sorted(range(len(posting)), key=lambda k: posting[k][1], reverse=True)
    cut = dict(partial)
    with mock.patch.object(align_module, "_MAX_CANDIDATES", keep):
        align_module._add_best(cut, posting, weight, by_weight, dict(posting))
    assert set(cut) <= set(plain)
    assert all(cut[k] == plain[k] for k in cut)
    best = sorted(plain, key=plain.__getitem__, reverse=True)[:keep]
    assert sorted(cut, key=cut.__getitem__, reverse=True)[:keep] == best
