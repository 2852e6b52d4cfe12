"""Provides sentence alignment that survives reordering, splits, merges and paraphrase.

Two stages, after MASSAlign and NewsEdits (see shared notes on alignment):

1. Similarity: TF-IDF cosine over light-stemmed content words, with IDF taken over
   both articles. Candidates come from an inverted index over each sentence's rarest
   terms, so the cost grows about linearly with the article length instead of
   comparing every sentence with every other.
2. Assignment: best-first 1:1 matching above a threshold, in any order (so moves are
   found), then greedy growth of groups into 1:n / n:1 when adding a neighbouring
   unmatched sentence raises the group's similarity (the MASSAlign "slack" idea).

Moves are the groups left out of the longest order-preserving chain of groups.

API:
    Group, align(a_units, b_units) -> list[Group]
    mark_moves(groups) -> set[int]
    gap_bounds(order, counterparts, rank, end) -> {id: (lower, upper)}
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, compress, count, islice, repeat
from operator import attrgetter, eq, itemgetter, mul, truediv

from diffreader.engine import parallel

__all__ = ["MATCH_THRESHOLD", "Group", "Unit", "align", "cosine", "gap_bounds", "mark_moves"]

MATCH_THRESHOLD = 0.28
"""Minimum cosine for a 1:1 match. Calibrated on hand-checked rewrites: paraphrased
counterparts score 0.3-0.8, unrelated sentences of the same story 0.05-0.25."""
_WEAK_THRESHOLD = 0.2
"""A weaker match is accepted when the sentences share several rare terms."""
_GAP_THRESHOLD = 0.1
"""Minimum cosine for a match inside a gap between two matched neighbours."""
_GROW_SLACK = 0.02
_RARE_TERMS = 4
_MAX_CANDIDATES = 12
_MIN_UNITS_A_PROCESS = 3_000
"""Sentences below which a candidate search is not worth a process of its own (about
30 ms of work; see parallel.py)."""
_MIN_TERMS_A_PROCESS = 50_000
"""Terms below which building vectors is not worth a process of its own (about 40 ms)."""
_MIN_PAIRS_A_PROCESS = 10_000
"""Candidate pairs below which scoring is not worth a process of its own (about 30 ms)."""

Vector = dict[str, float]
Scored = tuple[float, float, int, int]
"""A scored candidate pair: (score plus its position tie-break, score, A id, B id)."""


@dataclass(slots=True)
class Unit:
    """One alignable sentence: its id, paragraph and content stems."""

    id: int
    paragraph: int
    stems: Sequence[str]


@dataclass(slots=True)
class Group:
    """A matched group of sentence ids on each side, with its similarity."""

    a: list[int] = field(default_factory=list)
    b: list[int] = field(default_factory=list)
    score: float = 0.0


def _idf(units: Sequence[Unit]) -> dict[str, float]:
    """Each term's inverse document frequency over ``units``, in the order terms first
    occur: ``log((n + 1) / (df + 1)) + 1``.

    The terms are counted in one call (in C), and the logarithm is taken once for each
    document frequency met, not for each term (most terms of an article share a few
    frequencies: on 1 MB of random words, 113,000 terms, all of frequency 1 or 2).
    """
    df = Counter(chain.from_iterable(map(set, map(_STEMS, units))))
    n = len(units)
    weight = {count: math.log((n + 1) / (count + 1)) + 1.0 for count in set(df.values())}
    return dict(zip(df, map(weight.__getitem__, df.values()), strict=True))


_STEMS = attrgetter("stems")


def _vector(stems: Sequence[str], idf: dict[str, float]) -> Vector:
    """The unit vector of ``stems``: each term weighs (1 + log count) * idf, in the order
    terms first occur. Built in C: a term met once weighs (1 + log 1) * idf = idf exactly,
    so only a repeated term's weight is computed apart."""
    get = idf.get
    vec = dict(zip(stems, map(get, stems, repeat(1.0)), strict=True))
    if len(vec) != len(stems):
        for term, count in Counter(stems).items():
            if count > 1:
                vec[term] = (1.0 + math.log(count)) * get(term, 1.0)
    weights = vec.values()
    norm = math.sqrt(sum(map(mul, weights, weights)))
    return dict(zip(vec, map(truediv, weights, repeat(norm)), strict=True)) if norm else {}


def cosine(x: Vector, y: Vector) -> float:
    """Cosine of two unit-normalised sparse vectors."""
    if len(x) > len(y):
        x, y = y, x
    # sum(v * y.get(t, 0.0) for t, v in x.items()), the same products added in the same
    # order, without a Python frame per term (alignment scores tens of thousands of pairs).
    products: Iterator[float] = map(mul, x.values(), map(y.get, x, repeat(0.0)))
    return sum(products)


def _sum_vector(vectors: Sequence[Vector]) -> Vector:
    total: dict[str, float] = defaultdict(float)
    for vec in vectors:
        for t, v in vec.items():
            total[t] += v
    norm = math.sqrt(sum(v * v for v in total.values()))
    return {t: v / norm for t, v in total.items()} if norm else {}


def _candidates(
    src: Sequence[Unit],
    dst: Sequence[Unit],
    src_vec: dict[int, Vector],
    dst_vec: dict[int, Vector],
    idf: dict[str, float],
    dst_count: int | None = None,
) -> dict[int, list[int]]:
    """For each source id, the dst ids that share one of its rarest terms (the best
    ``_MAX_CANDIDATES`` by the score over those terms); a source sharing none is left out.
    ``dst_count`` is how many sentences the dst side has (``len(dst)`` by default: ``dst``
    may leave out sentences sharing no term with ``src``), which sets the posting cap.

    Lists by source rather than a set of (src, dst) tuples: ``align`` scores a source's
    candidates together (its vector looked up once), and about 150,000 pair tuples on a
    1 MB article are never built."""
    index: dict[str, list[tuple[int, float]]] = defaultdict(list)
    if len(src) < len(dst):
        # Only the source's terms are ever looked up: a short article against a long one
        # indexes the long one's postings of the few terms the short one has.
        wanted = {term for unit in src for term in src_vec[unit.id]}
        for unit in dst:
            uid = unit.id
            vec = dst_vec[uid]
            for term in wanted.intersection(vec):
                index[term].append((uid, vec[term]))
    else:
        for unit in dst:
            uid = unit.id
            for term, weight in dst_vec[uid].items():
                index[term].append((uid, weight))
    # A term in more than this many sentences says little about which one is the match:
    # such postings are left out of the index once, rather than skipped per sentence.
    cap = max(24, int(2 * math.sqrt(len(dst) if dst_count is None else dst_count)))
    usable = {term: posting for term, posting in index.items() if len(posting) <= cap}
    rank = idf.__getitem__
    out: dict[int, list[int]] = {}
    by_weight: dict[str, list[int]] = {}
    as_map: dict[str, dict[int, float]] = {}
    for unit in src:
        uid = unit.id
        weights = src_vec[uid]
        partial: dict[int, float] = {}
        # The rarest terms first (a stable sort: ties in the vector's order). Sorting only
        # the terms with a posting gives them in the order of sorting all, the rest skipped.
        rarest = sorted(filter(usable.__contains__, weights), key=rank, reverse=True)
        del rarest[_RARE_TERMS:]
        last = len(rarest) - 1
        cut = False  # whether the last posting was read in part (``_add_best``)
        for i, term in enumerate(rarest):
            posting = usable[term]
            weight = weights[term]
            if i == last and len(posting) > len(partial) + _LONG_POSTING:
                if term not in by_weight:
                    by_weight[term] = sorted(
                        range(len(posting)), key=lambda k: posting[k][1], reverse=True
                    )
                    as_map[term] = dict(posting)
                _add_best(partial, posting, weight, by_weight[term], as_map[term])
                cut = True
            elif partial:
                get = partial.get
                for other, other_weight in posting:
                    partial[other] = get(other, 0.0) + weight * other_weight
            else:
                # The first posting (none is empty): 0.0 + x is x, no look-ups needed.
                partial = {other: weight * other_weight for other, other_weight in posting}
        if cut or len(partial) > _MAX_CANDIDATES:
            # The best few by partial score, ties in insertion order: heapq.nlargest's
            # result, from one sort in C. (A posting read in part leaves as few as
            # ``_MAX_CANDIDATES`` of what would have been more: sorted all the same.)
            out[uid] = sorted(partial, key=partial.__getitem__, reverse=True)[:_MAX_CANDIDATES]
        elif partial:
            out[uid] = list(partial)
    return out


_LONG_POSTING = 2 * _MAX_CANDIDATES
"""A last posting longer than the partial scores so far plus this is read by ``_add_best``."""


def _add_best(
    partial: dict[int, float],
    posting: list[tuple[int, float]],
    weight: float,
    by_weight: list[int],
    weights: dict[int, float],
) -> None:
    """Add the last posting read for a sentence to its ``partial`` scores, leaving out
    entries that cannot be among the ``_MAX_CANDIDATES`` best: the best of the whole
    posting added are the best of what this adds, and the order of the rest is unchanged.

    ``posting`` holds (sentence, weight) pairs; ``by_weight`` its indexes by weight
    descending (ties in posting order) and ``weights`` the same as a dict, both built once
    for all the sentences that read the posting last. On repetitive text a posting holds a
    few hundred sentences (a ward number in a results table) and a sentence's rarer terms
    a few dozen: adding the whole posting, and sorting it, was most of the search.

    Exact: a sentence already scored gets its term added as when adding all (the same
    sum); a new one would score ``weight * its weight``, which never grows as its weight
    falls (a product is rounded monotonically). So the new sentences are read in
    ``by_weight`` order until ``_MAX_CANDIDATES`` are found, then on while they tie with
    the last; each one left scores less than those, so it would not be among the best.
    Those kept join in posting order, where adding them all would put them, so the
    stable sort of the partial scores ties them as it would have.
    """
    get = weights.get
    for other, value in partial.items():
        other_weight = get(other)
        if other_weight is not None:
            partial[other] = value + weight * other_weight
    picked: list[int] = []
    last = -1.0
    for k in by_weight:
        other, other_weight = posting[k]
        if other in partial:
            continue
        product = weight * other_weight
        if len(picked) >= _MAX_CANDIDATES and product != last:
            break
        picked.append(k)
        last = product
    picked.sort()
    for k in picked:
        other, other_weight = posting[k]
        partial[other] = weight * other_weight


def _score_candidates(
    a_units: Sequence[Unit],
    b_units: Sequence[Unit],
    a_vec: dict[int, Vector],
    b_vec: dict[int, Vector],
    idf: dict[str, float],
) -> list[Scored]:
    """The candidate pairs of either direction scoring at least ``_GAP_THRESHOLD``, with
    their position tie-break, in sorted runs (``_sort_scored`` orders them all).
    Only the sentences with a vector (in ``a_vec``, ``b_vec``) are searched.

    Each pair is scored once, with its A sentence's candidates together: the pairs of
    the B-to-A search are filed under their A sentence first.
    """
    a_live = [u for u in a_units if u.id in a_vec]
    b_live = [u for u in b_units if u.id in b_vec]

    def search(lo: int, hi: int) -> list[dict[int, list[int]]]:
        return [
            _candidates(a_live, b_live, a_vec, b_vec, idf, len(b_units))
            if direction == 0
            else _candidates(b_live, a_live, b_vec, a_vec, idf, len(a_units))
            for direction in range(lo, hi)
        ]

    # A long article's two searches run at once, the B-to-A one in a child (parallel.py).
    sizes = [len(a_live) + len(b_live)] * 2
    bounds = parallel.split(sizes, parallel.jobs(), _MIN_UNITS_A_PROCESS)
    by_a, by_b = (found for part in parallel.fork_map(search, bounds) for found in part)
    for b, found in by_b.items():
        for a in found:
            if a in by_a:
                by_a[a].append(b)
            else:
                by_a[a] = [b]
    filed = list(by_a.items())
    # Given back before the scores are made: the B-to-A search's lists (a list of A
    # sentences for every B sentence: 8 MB of random characters' peak), filed under A now.
    del by_a, by_b
    n_a, n_b = max(1, len(a_units)), max(1, len(b_units))
    a_pos = {u.id: i / n_a for i, u in enumerate(a_units)}
    b_pos = {u.id: i / n_b for i, u in enumerate(b_units)}

    def score(lo: int, hi: int) -> list[Scored]:
        scored: list[Scored] = []
        append = scored.append
        for a, found in filed[lo:hi]:
            x = a_vec[a]
            x_size, x_values, x_get, at = len(x), x.values(), x.get, a_pos[a]
            for b in set(found):
                y = b_vec[b]
                # cosine(x, y), inlined: alignment scores about 100,000 pairs on a 1 MB article.
                if x_size > len(y):
                    value = sum(map(mul, y.values(), map(x_get, y, repeat(0.0))))
                else:
                    value = sum(map(mul, x_values, map(y.get, x, repeat(0.0))))
                if value >= _GAP_THRESHOLD:
                    # Ties between repeated sentences go to the one in the closer position.
                    append((value + 0.01 * (1.0 - abs(at - b_pos[b])), value, a, b))
        # Sorted here, in the process that scored them: sorting the ranges put end to end
        # then merges a few sorted runs rather than sorting the whole anew.
        scored.sort(reverse=True)
        return scored

    # Scored in ranges of A sentences, a long article's in several processes: the order
    # of the list does not matter (``_sort_scored`` orders it on a key), though each range
    # comes sorted.
    weights = [len(found) for _, found in filed]
    bounds = parallel.split(weights, parallel.jobs(), _MIN_PAIRS_A_PROCESS)
    return [entry for part in parallel.fork_map(score, bounds) for entry in part]


def _vectors(units: Sequence[Unit], idf: dict[str, float]) -> list[Vector]:
    """The vector of each of ``units``; a long list's in ranges in other processes."""

    def vectors_of(lo: int, hi: int) -> list[Vector]:
        return [_vector(unit.stems, idf) for unit in units[lo:hi]]

    bounds = parallel.split([len(u.stems) for u in units], parallel.jobs(), _MIN_TERMS_A_PROCESS)
    return [vec for part in parallel.fork_map(vectors_of, bounds) for vec in part]


def _sort_scored(scored: list[Scored], shared: Callable[[int, int], int]) -> None:
    """Sort ``scored`` best first, by score with its tie-break, then the shared terms, then
    the ids (all descending). Equal scores are rare, so the shared terms are counted only
    for the runs of equal scores, after one sort on the rest.

    >>> scored = [(0.5, 0.5, 1, 1), (0.5, 0.5, 2, 2), (0.9, 0.9, 0, 0)]
    >>> _sort_scored(scored, lambda a, b: 3 if a == 1 else 2)
    >>> [(a, b) for _, _, a, b in scored]
    [(0, 0), (1, 1), (2, 2)]
    """
    scored.sort(reverse=True)
    keys = list(map(_TIE_KEY, scored))
    # Where an entry ties with the next one, found in C (repetitive text has many ties,
    # but most entries have none): only the runs of ties are visited here.
    tied = list(compress(count(), map(eq, keys, islice(keys, 1, None))))
    start = end = -2
    for i in [*tied, -2]:
        if i == end:  # the run goes on
            end = i + 1
            continue
        if start >= 0:
            scored[start : end + 1] = sorted(
                scored[start : end + 1],
                key=lambda e: (shared(e[2], e[3]), e[2], e[3]),
                reverse=True,
            )
        start, end = i, i + 1


_TIE_KEY = itemgetter(0, 1)


def align(a_units: Sequence[Unit], b_units: Sequence[Unit]) -> list[Group]:
    """Align sentences of A and B into groups; unmatched sentences are left out.

    Each sentence id appears in at most one group.
    """
    idf = _idf([*a_units, *b_units])
    # A sentence sharing no term with the other side is in no candidate pair, either way
    # (its terms are in no posting the other side reads): its vector is never read. A long
    # article against a short one has mostly such sentences.
    a_terms = set().union(*(u.stems for u in a_units))
    b_terms = set().union(*(u.stems for u in b_units))
    live_a = [u for u in a_units if not b_terms.isdisjoint(u.stems)]
    live_b = [u for u in b_units if not a_terms.isdisjoint(u.stems)]
    vectors = _vectors([*live_a, *live_b], idf)
    a_vec = {u.id: vec for u, vec in zip(live_a, vectors, strict=False)}
    b_vec = {u.id: vec for u, vec in zip(live_b, vectors[len(live_a) :], strict=True)}
    scored = _score_candidates(a_units, b_units, a_vec, b_vec, idf)

    def shared(a: int, b: int) -> int:
        """How many terms sentences ``a`` and ``b`` share: asked of the few pairs a
        threshold needs it for, not counted for every pair scored."""
        return len(a_vec[a].keys() & b_vec[b].keys())

    # Only a pair scoring at least the weak threshold can start a group, and no pair can
    # once both its sentences are grouped: the pairs are put in order twice, those that
    # can start a group and then those that are left, not all of them at once (on a long,
    # closely rewritten article, nine in ten pairs are in neither list). Both lists keep
    # the order of the whole, as ``_sort_scored`` sorts on a key.
    strong = [e for e in scored if e[0] >= _WEAK_THRESHOLD]
    _sort_scored(strong, shared)
    groups: list[Group] = []
    a_group: dict[int, int] = {}
    b_group: dict[int, int] = {}
    for _, score, a, b in strong:
        if a in a_group or b in b_group:
            continue
        if score < MATCH_THRESHOLD and (score < _WEAK_THRESHOLD or shared(a, b) < 4):
            continue
        a_group[a] = b_group[b] = len(groups)
        groups.append(Group([a], [b], score))
    # A pair whose sentences are both grouped serves neither gap filling (both free) nor
    # growth (one free), and stays so: groups only gain sentences.
    scored = [e for e in scored if e[2] not in a_group or e[3] not in b_group]
    _sort_scored(scored, shared)

    _fill_gaps(groups, a_units, b_units, a_group, b_group, scored, shared)
    _grow(groups, a_units, b_units, a_vec, b_vec, a_group, b_group, scored)
    for group in groups:
        group.a.sort()
        group.b.sort()
    return groups


def _fill_gaps(
    groups: list[Group],
    a_units: Sequence[Unit],
    b_units: Sequence[Unit],
    a_group: dict[int, int],
    b_group: dict[int, int],
    scored: list[Scored],
    shared: Callable[[int, int], int],
) -> None:
    """Match leftovers between two anchors with a lower threshold (Bleualign's gap filling).

    A weak similarity is trusted when both sentences sit in the same gap between
    matched neighbours: paraphrase keeps the story's order more often than not.
    Candidates come from ``scored`` (best first), so the cost is linear in their number.
    """
    a_rank = {u.id: i for i, u in enumerate(a_units)}
    anchors = {bid: groups[g].a for bid, g in b_group.items()}
    bounds = gap_bounds([u.id for u in b_units], anchors, a_rank, len(a_units))
    for _, score, a, b in scored:
        if a in a_group or b in b_group or score < _GAP_THRESHOLD or shared(a, b) < 3:
            continue
        lower, upper = bounds[b]
        if lower < a_rank[a] < upper:
            a_group[a] = b_group[b] = len(groups)
            groups.append(Group([a], [b], score))


def gap_bounds(
    order: Sequence[int],
    counterparts: Mapping[int, Sequence[int]],
    rank: Mapping[int, int],
    end: int,
) -> dict[int, tuple[int, int]]:
    """The gap of each sentence of ``order`` (one side's ids, in order) that has no
    ``counterparts``: the ranks on the other side (``rank``, ``0 .. end - 1``) strictly
    between which its counterpart may lie, after the counterparts of its previous matched
    neighbour and before those of its next. A counterpart with no rank (a title) is passed
    over; a move leaves the gap empty (lower >= upper). Gap filling here and the rewording
    pass (``compare._rewordings``) read the same gaps.

    >>> sorted(gap_bounds([0, 1, 2, 3], {0: [0], 3: [2]}, {0: 0, 1: 1, 2: 2}, 3).items())
    [(1, (0, 2)), (2, (0, 2))]
    """
    lower: dict[int, int] = {}
    bound = -1
    for sid in order:
        found = counterparts.get(sid)
        if found is None:
            lower[sid] = bound
        else:
            bound = max((rank[o] for o in found if o in rank), default=bound)
    out: dict[int, tuple[int, int]] = {}
    bound = end
    for sid in reversed(order):
        found = counterparts.get(sid)
        if found is None:
            out[sid] = (lower[sid], bound)
        else:
            bound = min((rank[o] for o in found if o in rank), default=bound)
    return out


def _grow(
    groups: list[Group],
    a_units: Sequence[Unit],
    b_units: Sequence[Unit],
    a_vec: dict[int, Vector],
    b_vec: dict[int, Vector],
    a_group: dict[int, int],
    b_group: dict[int, int],
    scored: list[Scored],
) -> None:
    """Grow 1:1 groups into splits and merges with unmatched sentences.

    Lazy greedy: gains sit in a heap; a popped gain computed before its group last
    changed is recomputed and pushed back, so each merge costs a few heap operations.
    """
    a_para = {u.id: u.paragraph for u in a_units}
    b_para = {u.id: u.paragraph for u in b_units}
    version = [0] * len(groups)

    def gain_of(side: str, sid: int, gid: int) -> tuple[float, float] | None:
        """(priority, new group score) of adding sentence ``sid`` to group ``gid``, or None."""
        group = groups[gid]
        same, other = (group.a, group.b) if side == "a" else (group.b, group.a)
        vec_same, vec_other = (a_vec, b_vec) if side == "a" else (b_vec, a_vec)
        # Does the sentence bring terms of the other side that the group lacked? Asked
        # first, of the terms alone (the summed vector has every term of its parts): on
        # repetitive text most candidates bring none, and the rest costs more.
        mine = vec_same[sid]
        new_terms = (mine.keys() & set().union(*map(vec_other.__getitem__, other))).difference(
            *map(vec_same.__getitem__, same)
        )
        if len(new_terms) < 2:
            return None
        paras = a_para if side == "a" else b_para
        adjacent = any(
            (abs(sid - m) == 1 and abs(paras[sid] - paras[m]) <= 1)
            or (abs(sid - m) == 2 and paras[sid] == paras[m])
            for m in same
        )
        target = _sum_vector([vec_other[m] for m in other])
        score = cosine(_sum_vector([vec_same[m] for m in [*same, sid]]), target)
        gain = score - group.score
        needed = _GROW_SLACK if adjacent else 0.08
        if gain > needed:
            return gain, score
        # A merged clause often lowers the cosine (its other words dilute it) while it
        # clearly completes the other side: "Two nearby roads remain closed" folded into
        # "..., and two roads close to the school are still shut".
        total = sum(target.values()) or 1.0
        coverage = sum(target[t] for t in new_terms) / total
        precision = sum(v for t, v in mine.items() if t in target) / (sum(mine.values()) or 1.0)
        if adjacent and coverage >= 0.12 and precision >= 0.4:
            return coverage / 2, score
        return None

    heap: list[tuple[float, str, int, int, int]] = []
    for _, score, a, b in scored:
        # One sentence may join the group of the other: only when exactly one is grouped.
        a_taken = a in a_group
        if a_taken is (b in b_group):
            continue
        side, sid, gid = ("b", b, a_group[a]) if a_taken else ("a", a, b_group[b])
        members = groups[gid].a if side == "a" else groups[gid].b
        if score < MATCH_THRESHOLD and all(abs(sid - m) > 2 for m in members):
            continue  # a weak, distant candidate never clears the non-adjacent bar
        found = gain_of(side, sid, gid)
        if found is not None:
            heapq.heappush(heap, (-found[0], side, sid, gid, version[gid]))
    while heap:
        _, side, sid, gid, seen = heapq.heappop(heap)
        taken = a_group if side == "a" else b_group
        if sid in taken:
            continue
        found = gain_of(side, sid, gid)
        if found is None:
            continue
        if seen != version[gid]:
            heapq.heappush(heap, (-found[0], side, sid, gid, version[gid]))
            continue
        group = groups[gid]
        (group.a if side == "a" else group.b).append(sid)
        taken[sid] = gid
        group.score = found[1]
        version[gid] += 1


def mark_moves(groups: Sequence[Group]) -> set[int]:
    """Indexes of groups out of order: not in the heaviest chain increasing on both sides.

    Each group weighs its similarity, so when two groups swap places the reworded one,
    not the verbatim one, is called moved.

    >>> sorted(mark_moves([Group([0], [0]), Group([3], [1]), Group([1], [2]), Group([2], [3])]))
    [1]
    """
    order = sorted(range(len(groups)), key=lambda i: min(groups[i].b))
    ranks = {key: r for r, key in enumerate(sorted({min(g.a) for g in groups}))}
    size = len(ranks)
    # Fenwick tree over A ranks holding (best chain weight, index in ``order``) prefixes.
    tree: list[tuple[float, int]] = [(0.0, -1)] * (size + 1)
    back = [-1] * len(order)
    weight = [0.0] * len(order)
    for i, gi in enumerate(order):
        rank = ranks[min(groups[gi].a)]
        best, prev = 0.0, -1
        r = rank  # strictly smaller ranks: positions 1..rank
        while r > 0:
            if tree[r][0] > best:
                best, prev = tree[r]
            r -= r & -r
        weight[i] = best + 0.5 + max(0.0, groups[gi].score)
        back[i] = prev
        r = rank + 1
        while r <= size:
            if weight[i] > tree[r][0]:
                tree[r] = (weight[i], i)
            r += r & -r
    keep: set[int] = set()
    i = max(range(len(order)), key=lambda k: weight[k]) if order else -1
    while i >= 0:
        keep.add(order[i])
        i = back[i]
    return set(range(len(groups))) - keep
