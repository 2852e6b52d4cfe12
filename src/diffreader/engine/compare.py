"""Provides ``compare``: two documents in, one explainable ``Comparison`` out.

Pipeline: align body sentences (align.py), pair headlines and identical boilerplate,
word-diff each group (worddiff.py), find quotations and check them (quotes.py), derive
added claims and dropped details (claims.py), then coverage figures.

API:
    compare(a, b) -> Comparison
"""

from __future__ import annotations

import contextlib
import dataclasses
from array import array
from bisect import bisect_left
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate, chain, pairwise

from diffreader.engine import collector, parallel
from diffreader.engine.align import Group, Unit, align, gap_bounds, mark_moves
from diffreader.engine.claims import find_claims
from diffreader.engine.load import document_from_text, documents_from_texts
from diffreader.engine.model import (
    Claim,
    Comparison,
    Document,
    Op,
    Pair,
    Quote,
    QuoteStatus,
    Sentence,
    SentenceKind,
    Side,
    Stats,
    Status,
    WordOp,
    pack_ops,
)
from diffreader.engine.quotes import check_quotes
from diffreader.engine.rewordings import (
    MAX_GAP,
    MIN_COVERAGE,
    MIN_NEAR_COVERAGE,
    attached,
    pair_rewordings,
)
from diffreader.engine.text import (
    STOPWORDS,
    TokenRun,
    content_stems,
    fold_quotes,
    is_word,
    remember_stems,
    remember_tokens,
    sentence_tokens,
    tokenize,
    word_keys,
)
from diffreader.engine.worddiff import ops_from_packed, word_diff

__all__ = ["RELATED_THRESHOLD", "align_pair", "annotate", "compare"]

_CONTENT = (SentenceKind.BODY, SentenceKind.HEADLINE)

RELATED_THRESHOLD = 0.15
"""Similarity below which an aligned group is no rewording a reader would recognise: its
sentences are shown as dropped and added, not as a word diff of two unrelated sentences.

Chosen on hand-labelled low-scoring groups of the sample corpus and the demo (the
judgement dev set's short articles align no pair this low): related rewordings scored
0.19-0.35 ("Peace is close … dialogue" / "… the Trump-Putin dialogue is a critical
step …"), unrelated pairs 0.11-0.12 (and a few at 0.20-0.32 that share a name and a
topic word, which no threshold on this score separates). Titles are paired whatever they
say and keep their pairing."""


def _norm(text: str) -> str:
    """Key for exact matching: case, quote marks, dashes and spacing do not count."""
    return " ".join(fold_quotes(text).lower().split())


def compare(a: Document | str, b: Document | str) -> Comparison:
    """Compare an original ``a`` with a rewrite ``b``: ``annotate(align_pair(a, b))``.

    Strings are segmented first. The result's ``pairs`` are in display order.

    >>> c = compare("The bridge shut. It rained.", "It rained. The bridge closed.")
    >>> [(p.a, p.b, p.status.value) for p in c.pairs]
    [((1,), (0,), 'same'), ((0,), (1,), 'moved')]
    """
    doc_a, doc_b = _documents(a, b)
    with collector.paused(), _sized(doc_a, doc_b):
        # Stats are counted once, by _annotate: the aligned half's would be thrown away.
        return _annotate(_align_pair(doc_a, doc_b, count=False))


def align_pair(a: Document | str, b: Document | str) -> Comparison:
    """The first half of ``compare``: aligned groups with their word diffs and statuses.

    Its ``claims`` and ``quotes`` are empty and its stats count no claims; ``annotate``
    adds them. A reader can show this much of a long pair while the rest is computed.
    """
    doc_a, doc_b = _documents(a, b)
    with collector.paused(), _sized(doc_a, doc_b):
        return _align_pair(doc_a, doc_b)


def _sized(doc_a: Document, doc_b: Document) -> contextlib.AbstractContextManager[None]:
    """The memory budget of comparing these documents, for its forks (``parallel.sized``)."""
    return parallel.sized(len(doc_a.text) + len(doc_b.text))


def _documents(a: Document | str, b: Document | str) -> tuple[Document, Document]:
    """Both sides as documents: texts are segmented (two long ones in parallel)."""
    if isinstance(a, str) and isinstance(b, str):
        doc_a, doc_b = documents_from_texts([a, b])
        return doc_a, doc_b
    return (
        a if isinstance(a, Document) else document_from_text(a),
        b if isinstance(b, Document) else document_from_text(b),
    )


def annotate(aligned: Comparison) -> Comparison:
    """The second half of ``compare``: quotation checks, claims and the final stats."""
    with collector.paused(), _sized(aligned.a, aligned.b):
        return _annotate(aligned)


def _align_pair(doc_a: Document, doc_b: Document, *, count: bool = True) -> Comparison:
    groups = _split_unrelated(_align_documents(doc_a, doc_b))
    content_groups = [g for g in groups if g.a and g.b and not _is_furniture(g, doc_a)]
    pairs = _make_pairs(_display_order(groups), doc_a, doc_b, content_groups)
    doc_a = _with_status(doc_a, pairs, Side.A)
    doc_b = _with_status(doc_b, pairs, Side.B)
    stats = _stats(doc_a, doc_b, pairs, (), ()) if count else Stats(0.0, 0.0, 0.0, 0.0)
    return Comparison(doc_a, doc_b, tuple(pairs), (), (), stats)


def _annotate(aligned: Comparison) -> Comparison:
    doc_a, doc_b, pairs = aligned.a, aligned.b, aligned.pairs
    quotes = check_quotes(doc_a, doc_b, pairs)
    # The words of the identical groups serve both the claims' support and the coverage.
    same_keys = _same_keys(doc_a, pairs)
    claims = find_claims(doc_a, doc_b, pairs, quotes, frozenset(same_keys))
    stats = _stats(doc_a, doc_b, pairs, claims, quotes, same_keys)
    return Comparison(doc_a, doc_b, pairs, tuple(claims), tuple(quotes), stats)


def _split_unrelated(groups: list[Group], threshold: float = RELATED_THRESHOLD) -> list[Group]:
    """``groups`` with each group scoring above 0 but below ``threshold`` cut into one
    dropped group per A sentence and one added group per B sentence (a post-pass over the
    aligner's groups; titles, paired with a score of 0, and identical groups are kept).

    >>> [(g.a, g.b) for g in _split_unrelated([Group([0], [0], 0.9), Group([1], [1, 2], 0.1)])]
    [([0], [0]), ([1], []), ([], [1]), ([], [2])]
    """
    out: list[Group] = []
    for group in groups:
        if group.a and group.b and 0.0 < group.score < threshold:
            out.extend(Group([aid], [], 0.0) for aid in group.a)
            out.extend(Group([], [bid], 0.0) for bid in group.b)
        else:
            out.append(group)
    return out


def _is_furniture(group: Group, doc_a: Document) -> bool:
    ids = group.a
    return bool(ids) and doc_a.sentences[ids[0]].kind not in _CONTENT


def _align_documents(doc_a: Document, doc_b: Document) -> list[Group]:
    a_sents, b_sents = doc_a.sentences, doc_b.sentences
    groups: list[Group] = []
    used_a: set[int] = set()
    used_b: set[int] = set()

    # The two titles are paired whatever they say: a headline's rewording is still the headline.
    a_title = next((s for s in a_sents if s.kind is not SentenceKind.META), None)
    b_title = next((s for s in b_sents if s.kind is not SentenceKind.META), None)
    a_is_title = a_title is not None and a_title.kind is SentenceKind.HEADLINE
    b_is_title = b_title is not None and b_title.kind is SentenceKind.HEADLINE
    if a_is_title and b_is_title:
        assert a_title is not None and b_title is not None
        groups.append(Group([a_title.id], [b_title.id], 0.0))
        used_a.add(a_title.id)
        used_b.add(b_title.id)
    # A title summarises the article: it is never aligned with a body sentence.
    skip_a = {a_title.id} if a_is_title and a_title is not None else set()
    skip_b = {b_title.id} if b_is_title and b_title is not None else set()

    a_ids = [
        s.id for s in a_sents if s.kind in _CONTENT and s.id not in used_a and s.id not in skip_a
    ]
    b_ids = [
        s.id for s in b_sents if s.kind in _CONTENT and s.id not in used_b and s.id not in skip_b
    ]
    # Identical sentences are matched first, in order: cheap, certain, and keeps
    # compare(x, x) exact even for repeated sentences.
    # Only A sentences alike to a B sentence are queued: a long A that B barely uses has
    # a queue made for few of its sentences.
    b_keys = [_norm(b_sents[bid].text) for bid in b_ids]
    wanted = set(b_keys)
    by_text: dict[str, deque[int]] = {}
    for aid in a_ids:
        key = _norm(a_sents[aid].text)
        if key in wanted:
            queue = by_text.get(key)
            if queue is None:
                by_text[key] = deque((aid,))
            else:
                queue.append(aid)
    for bid, key in zip(b_ids, b_keys, strict=True):
        candidates = by_text.get(key)
        if candidates:
            aid = candidates.popleft()
            groups.append(Group([aid], [bid], 1.0))
            used_a.add(aid)
            used_b.add(bid)
    # Only what is left needs stems and the similarity search.
    left_a = [a_sents[i] for i in a_ids if i not in used_a]
    left_b = [b_sents[i] for i in b_ids if i not in used_b]
    stems = _content_stems([s.text for s in (*left_a, *left_b)])
    stems_a, stems_b = stems[: len(left_a)], stems[len(left_a) :]
    rest_a = [Unit(s.id, s.paragraph, st) for s, st in zip(left_a, stems_a, strict=True)]
    rest_b = [Unit(s.id, s.paragraph, st) for s, st in zip(left_b, stems_b, strict=True)]
    for group in align(rest_a, rest_b):
        groups.append(group)
        used_a.update(group.a)
        used_b.update(group.b)
    for group in _rewordings(groups, a_sents, b_sents, a_ids, b_ids, used_a, used_b):
        groups.append(group)
        used_a.update(group.a)
        used_b.update(group.b)
    for group in _rewordings(groups, a_sents, b_sents, a_ids, b_ids, used_a, used_b, near=True):
        groups.append(group)
        used_a.update(group.a)
        used_b.update(group.b)
    _attach(groups, a_sents, b_sents, a_ids, used_a, Side.A)
    _attach(groups, a_sents, b_sents, b_ids, used_b, Side.B)

    # Boilerplate: pair identical furniture, the rest stands alone.
    a_furn: dict[str, list[int]] = {}
    for s in a_sents:
        if s.kind is SentenceKind.BOILERPLATE:
            a_furn.setdefault(_norm(s.text), []).append(s.id)
    for s in b_sents:
        if s.kind is SentenceKind.BOILERPLATE:
            match = a_furn.get(_norm(s.text))
            if match:
                aid = match.pop(0)
                groups.append(Group([aid], [s.id], 1.0))
                used_a.add(aid)
                used_b.add(s.id)
    for s in a_sents:
        if s.id not in used_a and s.kind is not SentenceKind.META:
            groups.append(Group([s.id], [], 0.0))
    for s in b_sents:
        if s.id not in used_b and s.kind is not SentenceKind.META:
            groups.append(Group([], [s.id], 0.0))
    return groups


_MAX_ATTACH_TRIES = 2_000
"""Left-over sentences tried against a neighbour group, at most, in one comparison: each
try reads WordNet for three sentences, and a long article of left-overs (random text, a
short rewrite of a long original) has thousands beside a group."""
_MAX_GROUP_SIDE = 3
"""Sentences a side beyond which a group takes no left-over sentence."""


def _attach(
    groups: list[Group],
    a_sents: Sequence[Sentence],
    b_sents: Sequence[Sentence],
    ids: Sequence[int],
    used: set[int],
    side: Side,
) -> None:
    """Put each content sentence of ``side`` left unmatched into the group of its previous
    or next sentence when that group's other side says it in other words, merged into what
    it says beyond the group's own side (``rewordings.attached``: "No one was hurt." beside
    "The fire destroyed a barn." / "The fire destroyed a barn, and nobody was injured.").
    The whole-sentence "dropped" of a merge reworded goes; its facts are still claims."""
    if used.issuperset(ids):
        return
    sents, other_sents = (a_sents, b_sents) if side is Side.A else (b_sents, a_sents)
    own = {sid: g for g in groups if g.a and g.b for sid in (g.a if side is Side.A else g.b)}
    tries = 0
    for sid in ids:
        if sid in used:
            continue
        sentence = sents[sid]
        for neighbour in (sid - 1, sid + 1):
            group = own.get(neighbour)
            if group is None or sents[neighbour].paragraph != sentence.paragraph:
                continue
            mine, theirs = (group.a, group.b) if side is Side.A else (group.b, group.a)
            if len(mine) >= _MAX_GROUP_SIDE or len(theirs) > _MAX_GROUP_SIDE:
                continue
            tries += 1
            if tries > _MAX_ATTACH_TRIES:
                return
            same = " ".join(sents[i].text for i in mine)
            other = " ".join(other_sents[i].text for i in theirs)
            if attached(sentence.text, same, other):
                mine.append(sid)
                mine.sort()
                used.add(sid)
                own[sid] = group
                break


def _rewordings(
    groups: Sequence[Group],
    a_sents: Sequence[Sentence],
    b_sents: Sequence[Sentence],
    a_ids: Sequence[int],
    b_ids: Sequence[int],
    used_a: set[int],
    used_b: set[int],
    *,
    near: bool = False,
) -> list[Group]:
    """Groups of the content sentences left unmatched that reword each other
    (``rewordings.pair_rewordings``, which judges the words): an unmatched A and B
    sentence are tried together when each lies in the other's gap, between the
    counterparts of its matched neighbours, and neither gap holds more than ``MAX_GAP``
    unmatched sentences. With ``near``, a gap reaches one matched sentence further each
    way (a short sentence moved past its neighbour as it was reworded: "No one was
    injured." / "Thankfully, nobody was hurt." one sentence later), and a pair needs
    ``MIN_NEAR_COVERAGE``. Both sides are read alike, so swapping the articles swaps the
    pairs."""
    # ``used_a`` and ``used_b`` hold the titles too, which are not among the content ids.
    if used_a.issuperset(a_ids) or used_b.issuperset(b_ids):
        return []
    anchored = [g for g in groups if g.a and g.b]
    b_gaps = _gaps(b_ids, a_ids, {bid: g.a for g in anchored for bid in g.b}, used_b, used_a, near)
    a_gaps = _gaps(a_ids, b_ids, {aid: g.b for g in anchored for aid in g.a}, used_a, used_b, near)
    gaps = [
        (bid, [aid for aid in aids if bid in a_gaps.get(aid, ())]) for bid, aids in b_gaps.items()
    ]
    gaps = [(bid, aids) for bid, aids in gaps if aids]
    if not gaps:
        return []
    a_texts = {aid: a_sents[aid].text for _, aids in gaps for aid in aids}
    b_texts = {bid: b_sents[bid].text for bid, _ in gaps}
    minimum = MIN_NEAR_COVERAGE if near else MIN_COVERAGE
    paired = pair_rewordings(a_texts, b_texts, gaps, minimum)
    return [Group([a], [b], score) for a, b, score in paired]


_NEAR = 2
"""Ranks on the other side by which a gap reaches further for the near rewording pass."""


def _gaps(
    ids: Sequence[int],
    other_ids: Sequence[int],
    counterparts: dict[int, list[int]],
    used: set[int],
    other_used: set[int],
    near: bool = False,
) -> dict[int, list[int]]:
    """For each unmatched sentence of ``ids`` (one side's content sentences, in order), the
    unmatched sentences of the other side in its gap (``align.gap_bounds``: a move empties
    it). Gaps of more than ``MAX_GAP`` are left out: they say nothing of which sentence
    rewords which."""
    other_rank = {oid: i for i, oid in enumerate(other_ids)}
    free = [oid for oid in other_ids if oid not in other_used]
    free_rank = [other_rank[oid] for oid in free]
    out: dict[int, list[int]] = {}
    bounds = gap_bounds(ids, counterparts, other_rank, len(other_ids))
    if near:
        # Past the matched neighbour each way: two ranks, one of which is its counterpart.
        end = len(other_ids)
        bounds = {
            sid: (max(-1, min(lower, upper) - _NEAR), min(end, max(lower, upper) + _NEAR))
            for sid, (lower, upper) in bounds.items()
        }
    for sid, (lower, upper) in bounds.items():
        if sid not in used and lower < upper:
            lo, hi = bisect_left(free_rank, lower + 1), bisect_left(free_rank, upper)
            if 0 < hi - lo <= MAX_GAP:
                out[sid] = free[lo:hi]
    return out


def _content_stems(texts: Sequence[str]) -> list[tuple[str, ...]]:
    """``content_stems`` of each of ``texts``, a long list's in ranges in other processes
    (parallel.py); what those found is remembered here too, for the coverage figures and
    the claims' look-ups."""

    def stems_of(lo: int, hi: int) -> list[tuple[str, ...]]:
        return [content_stems(text) for text in texts[lo:hi]]

    bounds = parallel.split([len(t) for t in texts], parallel.jobs(), _MIN_STEMMED_A_PROCESS)
    stems = [found for part in parallel.fork_map(stems_of, bounds) for found in part]
    remember_stems(zip(texts[bounds[1] :], stems[bounds[1] :], strict=True))
    return stems


_MIN_STEMMED_A_PROCESS = 200_000
"""Characters below which stemming is not worth a process of its own (about 40 ms)."""


def _display_order(groups: list[Group]) -> list[Group]:
    """B's reading order; A-only groups after the group holding the nearest preceding A sentence.

    The nearest preceding A sentence is found by bisection over the sorted A ids that have
    a row, so a long A that B barely uses costs n log n, not a backwards scan per A-only
    group (40,000 dropped sentences took 27 s that way).
    """
    with_b = sorted((g for g in groups if g.b), key=lambda g: min(g.b))
    a_only = sorted((g for g in groups if not g.b), key=lambda g: min(g.a))
    row_of_a: dict[int, int] = {}
    for row, group in enumerate(with_b):
        for aid in group.a:
            row_of_a[aid] = row
    anchored = sorted(aid for aid in row_of_a if aid >= 0)
    after: dict[int, list[Group]] = {}
    for group in a_only:
        below = bisect_left(anchored, min(group.a))
        anchor = row_of_a[anchored[below - 1]] if below else -1
        after.setdefault(anchor, []).append(group)
    out = list(after.get(-1, []))
    for row, group in enumerate(with_b):
        out.append(group)
        out.extend(after.get(row, []))
    return out


def _make_pair(group: Group, doc_a: Document, doc_b: Document) -> Pair:
    """The pair of ``group``, as if it had not moved (``_make_pairs`` marks those that did)."""
    a_ids, b_ids = tuple(group.a), tuple(group.b)
    a_sents = [doc_a.sentences[i] for i in a_ids]
    b_sents = [doc_b.sentences[i] for i in b_ids]
    furniture = any(s.kind is SentenceKind.BOILERPLATE for s in chain(a_sents, b_sents))
    if not a_ids or not b_ids:
        status = Status.BOILERPLATE if furniture else (Status.ADDED if b_ids else Status.DROPPED)
        return Pair(a_ids, b_ids, status, 0.0)
    ops = tuple(
        word_diff([(s.start, s.text) for s in a_sents], [(s.start, s.text) for s in b_sents])
    )
    # Spacing alone is layout, not a change: "long-term" wrapped as "long-\nterm".
    changed = any(op.op is not Op.EQUAL and not _spacing(op, doc_a, doc_b) for op in ops)
    status = Status.BOILERPLATE if furniture else Status.REWORDED if changed else Status.SAME
    score = group.score if changed else 1.0
    if changed and score <= 0.0:  # titles are paired without a score: measure it now
        score = _word_overlap(ops, doc_a.text, doc_b.text)
    return Pair(a_ids, b_ids, status, round(min(1.0, score), 4), ops, changed)


def _spacing(op: WordOp, doc_a: Document, doc_b: Document) -> bool:
    """The op deletes or inserts whitespace only."""
    if op.op is Op.DELETE:
        return doc_a.text[op.a_start : op.a_end].isspace()
    return op.op is Op.INSERT and doc_b.text[op.b_start : op.b_end].isspace()


def _make_pairs(
    groups: Sequence[Group], doc_a: Document, doc_b: Document, content_groups: list[Group]
) -> list[Pair]:
    """The pair of each group, in order: a long comparison word-diffs ranges of groups in
    other processes (parallel.py).

    Only the groups with a word diff to make go to other processes: the others (one side
    only, or sides alike character for character) are made here, first, while the
    children diff, as are the groups of ``content_groups`` out of order (``mark_moves``),
    whose pairs are marked moved after the join (a move changes a pair's status only).
    Made in a child, such a cheap pair cost more to send back than to make; and finding
    the moves was a serial step as long as a tenth of the word diffs (on a 1 MB table of
    28,000 rows, 20,000 of them alike).
    """
    moved: set[int] = set()
    weights = [_diff_weight(group, doc_a, doc_b) for group in groups]
    order = [i for i, w in enumerate(weights) if not w] + [i for i, w in enumerate(weights) if w]

    def pairs_of(lo: int, hi: int) -> list[Pair]:
        if lo == 0:  # the first range, always run in this process
            moved.update(id(content_groups[i]) for i in mark_moves(content_groups))
        return [_make_pair(groups[i], doc_a, doc_b) for i in order[lo:hi]]

    def encode(made: list[Pair]) -> tuple[list[_EncodedPair], list[_EncodedRun]]:
        # In a child: its pairs, and the token runs its word diffs made.
        runs = (sentence_tokens(s.text, s.start) for s in _diffed(made, doc_a, doc_b))
        return _encode_pairs(made), [(run.bounds, run.keys) for run in runs]

    def decode(encoded: tuple[list[_EncodedPair], list[_EncodedRun]]) -> list[Pair]:
        made = _decode_pairs(encoded[0])
        sentences = _diffed(made, doc_a, doc_b)
        remember_tokens(
            TokenRun(bounds, keys, s.text)
            for s, (bounds, keys) in zip(sentences, encoded[1], strict=True)
        )
        return made

    costs = [weights[i] or _NO_DIFF_WEIGHT for i in order]
    if costs:
        costs[0] += _MOVES_WEIGHT * len(content_groups)  # the first range finds the moves
    bounds = _split_sending(costs, parallel.jobs())
    parts = parallel.fork_map(pairs_of, bounds, encode, decode)
    made = [pair for part in parts for pair in part]
    pairs = list(made)
    for i, pair in zip(order, made, strict=True):
        pairs[i] = pair
    if moved:
        for i, group in enumerate(groups):
            if id(group) in moved and pairs[i].status in _UNMOVED:
                pairs[i] = dataclasses.replace(pairs[i], status=Status.MOVED)
    return pairs


def _diffed(pairs: Iterable[Pair], doc_a: Document, doc_b: Document) -> Iterator[Sentence]:
    """The sentences whose tokens ``pairs``' word diffs read, in order: both sides of each
    pair with sides not alike character for character (``word_diff`` tokenises those)."""
    for pair in pairs:
        if pair.a and pair.b:
            a_sents = [doc_a.sentences[i] for i in pair.a]
            b_sents = [doc_b.sentences[i] for i in pair.b]
            if [s.text for s in a_sents] != [s.text for s in b_sents]:
                yield from a_sents
                yield from b_sents


def _diff_weight(group: Group, doc_a: Document, doc_b: Document) -> int:
    """The characters ``group``'s word diff reads; 0 when it has none to make: one side
    is empty, or the sides are alike character for character (``word_diff`` then reads
    no token)."""
    if not (group.a and group.b):
        return 0
    if len(group.a) == 1 and len(group.b) == 1:  # most groups: no lists made
        a_text = doc_a.sentences[group.a[0]].text
        b_text = doc_b.sentences[group.b[0]].text
        return 0 if a_text == b_text else len(a_text) + len(b_text)
    a_texts = [doc_a.sentences[i].text for i in group.a]
    b_texts = [doc_b.sentences[i].text for i in group.b]
    if a_texts == b_texts:
        return 0
    return sum(map(len, a_texts)) + sum(map(len, b_texts))


def _split_sending(costs: Sequence[int], parts: int) -> list[int]:
    """``parallel.split(costs, parts)``, the first range (this process's) made longer for
    what the others cost besides their work: a child encodes and pickles the pairs and
    token runs it made (``_make_pairs``' ``encode``), ``_SENDING`` of its ranges' weight,
    while this process runs its range.

    >>> _split_sending([10_000] * 40, 2)
    [0, 21, 40]
    >>> _split_sending([10_000] * 40, 1)
    [0, 40]
    """
    bounds = parallel.split(costs, parts)
    ranges = len(bounds) - 1
    if ranges < 2:
        return bounds
    running = list(accumulate(costs))
    total = running[-1]
    # The first range's weight w, each other range's (total - w) / (ranges - 1) times
    # 1 + _SENDING, alike: w * (ranges - 1) = (1 + _SENDING) * (total - w).
    target = total * (1 + _SENDING) / (ranges + _SENDING)
    cut = bisect_left(running, target)  # the cut after item ``cut`` reaches the target
    if cut > 0 and target - running[cut - 1] < running[cut] - target:
        cut -= 1
    cut = min(cut + 1, len(costs) - (ranges - 1))
    rest = parallel.split(costs[cut:], ranges - 1, min_weight=1)
    return [0, *(cut + bound for bound in rest)]


_SENDING = 0.12
"""What a child of ``_make_pairs`` spends encoding and pickling what it made, for each
character of word diff it made, in characters of word diff: 0.06 (dates) to 0.2
(figures), 0.13 on random letters (1 MB pairs: encoding and pickling took 0.06, 0.12
and 0.02 s of their children's 0.3, 0.95 and 0.33 s). Left out, the children's
ranges ended last, this process waiting for them a tenth of the word diffs' time."""
_NO_DIFF_WEIGHT = 8
"""What making a pair without a word diff costs, in characters of word diff. A character
of word diff costs 0.3 µs (figures, whose diffs repeat shapes) to 1 µs (random letters,
no word twice), a pair without one 4-6 µs: 5 to 14 characters (1 MB pairs, one process).
Weighed too dear, the first range (this process) gets too little of the diffs and waits
for the children: random's waited a quarter of its word diffs with 10 and 12."""
_MOVES_WEIGHT = 6
"""What finding whether a group moved costs, in characters of word diff (2.2-3.7 µs a
group: 4 to 8 characters, as ``_NO_DIFF_WEIGHT`` says): the first range of
``_make_pairs`` takes that much less of the diffs."""
_UNMOVED = (Status.SAME, Status.REWORDED)
"""The statuses a group that moved would have had (``_make_pair``): furniture keeps its own."""


_STATUSES = tuple(Status)
_STATUS_INDEX = {status: i for i, status in enumerate(_STATUSES)}

_EncodedPair = tuple[tuple[int, ...], tuple[int, ...], int, float, tuple[int, ...], bool]
_EncodedRun = tuple["array[int]", tuple[str, ...]]
"""A ``TokenRun`` but for its text, which the receiving process has: its bounds and keys."""


def _encode_pairs(pairs: list[Pair]) -> list[_EncodedPair]:
    """Pairs as plain tuples, their word ops packed, for the transfer from a child
    process (parallel.py)."""
    return [(p.a, p.b, _STATUS_INDEX[p.status], p.score, pack_ops(p.ops), p.changed) for p in pairs]


def _decode_pairs(encoded: list[_EncodedPair]) -> list[Pair]:
    """``_encode_pairs`` undone. The word ops of all the pairs are made at once
    (``ops_from_packed``), then handed out."""
    ops = ops_from_packed(list(chain.from_iterable(e[4] for e in encoded)))
    bounds = [0, *accumulate(len(e[4]) // 5 for e in encoded)]
    return [
        Pair(a, b, _STATUSES[status], score, tuple(ops[lo:hi]), changed)
        for (a, b, status, score, _, changed), (lo, hi) in zip(
            encoded, pairwise(bounds), strict=True
        )
    ]


def _word_overlap(ops: Iterable[WordOp], a_text: str, b_text: str) -> float:
    equal = total = 0
    for op in ops:
        a_words = sum(1 for t in tokenize(a_text[op.a_start : op.a_end]) if is_word(t.key))
        b_words = sum(1 for t in tokenize(b_text[op.b_start : op.b_end]) if is_word(t.key))
        if op.op is Op.EQUAL:
            equal += a_words + b_words
        total += a_words + b_words
    return equal / total if total else 0.0


def _with_status(doc: Document, pairs: list[Pair], side: Side) -> Document:
    status: dict[int, Status] = {}
    for pair in pairs:
        for sid in pair.a if side is Side.A else pair.b:
            status[sid] = pair.status
    sentences = []
    for s in doc.sentences:
        new = status.get(s.id, Status.BOILERPLATE)
        # Frozen sentences can be shared: only a changed status needs a new one.
        sentences.append(
            s
            if new is s.status
            else Sentence(s.id, s.start, s.end, s.text, s.paragraph, s.kind, new)
        )
    return dataclasses.replace(doc, sentences=tuple(sentences))


def _same_keys(doc_a: Document, pairs: Sequence[Pair]) -> list[str]:
    """Word keys of the identical groups (their A side; B's words are the same)."""
    texts = [doc_a.sentences[i].text for p in pairs if p.status is Status.SAME for i in p.a]
    return word_keys("\n".join(texts))


def _stems_of(ids: Sequence[int], sentences: Sequence[Sentence]) -> Sequence[str]:
    """The content stems of the sentences ``ids``, in order (one sentence's as they are
    remembered, without a copy)."""
    if len(ids) == 1:
        return content_stems(sentences[ids[0]].text)
    return [t for i in ids for t in content_stems(sentences[i].text)]


def _stats(
    doc_a: Document,
    doc_b: Document,
    pairs: Sequence[Pair],
    claims: Sequence[Claim],
    quotes: Sequence[Quote],
    same_keys: list[str] | None = None,
) -> Stats:
    by_status = Counter(pair.status for pair in pairs)
    counts: dict[str, int] = {s.value: by_status[s] for s in Status}
    a_total = b_total = a_kept = b_same = 0
    a_matched = b_matched = a_body = b_body = 0
    a_sents, b_sents = doc_a.sentences, doc_b.sentences
    for pair in pairs:
        status = pair.status
        if status is Status.BOILERPLATE:
            continue
        a_body += len(pair.a)
        b_body += len(pair.b)
        if status is Status.SAME:
            # Identical words: every content word is kept, nothing is new. Counted below in
            # one pass over all such sentences (one call per sentence costs more than that).
            a_matched += len(pair.a)
            b_matched += len(pair.b)
            continue
        if not (pair.a and pair.b):
            # Added or dropped: its content words only count (none is kept or shared).
            a_total += sum(len(content_stems(a_sents[i].text)) for i in pair.a)
            b_total += sum(len(content_stems(b_sents[i].text)) for i in pair.b)
            continue
        a_stems = _stems_of(pair.a, a_sents)
        b_stems = _stems_of(pair.b, b_sents)
        a_total += len(a_stems)
        b_total += len(b_stems)
        a_matched += len(pair.a)
        b_matched += len(pair.b)
        # Content kept, in any order or wording around it: a paraphrase keeps most of its
        # counterpart's content words even when a word diff keeps almost none. (Each test
        # counts as 1 when true: the sum of ``map`` is the count, in C.)
        a_kept += sum(map(set(b_stems).__contains__, a_stems))
        b_same += sum(map(set(a_stems).__contains__, b_stems))
    same_counts = Counter(_same_keys(doc_a, pairs) if same_keys is None else same_keys)
    same_words = sum(n for w, n in same_counts.items() if w not in STOPWORDS)
    a_total += same_words
    b_total += same_words
    a_kept += same_words
    b_same += same_words
    top = [c for c in claims if c.parent < 0]
    added = sum(1 for c in top if c.side is Side.B)
    quote_counts: dict[str, int] = {s.value: 0 for s in QuoteStatus}
    for q in quotes:
        quote_counts[q.status.value] += 1
    return Stats(
        a_kept=round(a_kept / a_total, 4) if a_total else 1.0,
        b_new=round(1 - b_same / b_total, 4) if b_total else 0.0,
        a_sentences_matched=round(a_matched / a_body, 4) if a_body else 1.0,
        b_sentences_matched=round(b_matched / b_body, 4) if b_body else 1.0,
        counts=counts,
        added_claims=added,
        dropped_details=len(top) - added,
        quotes=quote_counts,
    )
