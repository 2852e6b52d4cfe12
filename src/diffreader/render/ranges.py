"""Provides the writers' fork-join: a long comparison's output written in ranges over the cores.

The text of one group (one record of the JSON) depends on that group alone, so the writers
cut the groups (records) into contiguous ranges, write each range in a forked child
(``engine.parallel.fork_map``: children inherit the view, send back their text, in range
order) and join the texts: the same text as written in one go. Short output, a process
that may not fork (a second thread, a pool's worker: ``parallel.jobs``), a process past
``MAX_FORK_RSS`` (a comparison of two 1 MB files) and ``DIFFREADER_JOBS=1`` write it all
here.

API:
    MIN_WEIGHT                         characters of output below which a range is not forked
    MAX_FORK_RSS                       resident memory above which the writers do not fork
    MAX_ITEM_SHARE                     share of the weight in one item above which they do not
    forking() -> bool                  this process may write in ranges (fork)
    in_ranges(task, size, weigh, *, scale=1) -> list
                                       task(lo, hi) over contiguous ranges, in order
    bounds_of(weights, scale=1) -> list | None
                                       the ranges in_ranges would fork over (None: it would not)
    run(task, bounds) -> list            task(lo, hi) over those ranges, forked
    ItemRanges, item_ranges(comparison) -> ItemRanges | None
                                       whether and how a writer makes the review items
                                       range by range: forked, or one after another here
    RANGED_FROM                        groups from which a writer that does not fork still
                                       makes its items range by range (``one_by_one``)
    RANGE_WEIGHT                       characters of output of each such range
    bounds_one_by_one(weights) -> list   ranges of about RANGE_WEIGHT each
    one_by_one(task, bounds) -> Iterator     task(lo, hi) over ranges, one after another here
    run_items(ranged, task, bounds) -> Iterable  ``run`` or ``one_by_one``, as ``ranged`` says
    span_weight(doc, ids) -> int       the characters of sentences ``ids`` (a group's weight)
    span_weights(doc, spans) -> list   the same of each of ``spans``, at once
    group_weights(comparison, claims) -> list   about the characters of output of each group
    block_weights(comparison, claim_pairs, cuts) -> list   the same, of each block of groups
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate, pairwise
from typing import NamedTuple, TypeVar

from diffreader.engine import collector, parallel
from diffreader.engine.model import Comparison, Document
from diffreader.review.items import ItemBlocks, item_blocks
from diffreader.review.locate import PairLocator

__all__ = [
    "MAX_FORK_RSS",
    "MAX_ITEM_SHARE",
    "MIN_WEIGHT",
    "RANGED_FROM",
    "RANGE_WEIGHT",
    "ItemRanges",
    "block_weights",
    "bounds_of",
    "bounds_one_by_one",
    "forking",
    "group_weights",
    "in_ranges",
    "item_ranges",
    "one_by_one",
    "run",
    "run_items",
    "span_weight",
    "span_weights",
]

T = TypeVar("T")

MAX_FORK_RSS = 160 * 1024 * 1024
"""Resident memory above which the writers do not fork (lower than the engine's
``parallel.MAX_FORK_RSS``): by the time a comparison is written, a child writing half of
it touches (and so copies) about a third of its parent's pages, and the parent its own:
on a 1 MB pair (a parent of 170-190 MB once its view is built) the text written in two
processes measured 222-241 MB in all against 207-236 MB in one, and the JSON 255-276 MB,
for a tenth or two of a second when a core is free."""

MIN_WEIGHT = 200_000
"""About the characters of output a range must hold to be worth a process: writing this
much takes some tens of milliseconds, against a few for the fork and the transfer."""


MAX_ITEM_SHARE = 0.75
"""The share of the whole weight above which one item (which a range cannot cut) leaves
nothing to gain from forking: the process writing it would take about as long as all,
plus the fork and the transfer (a long comparison of repeated quotations has one block of
review items over nine groups in ten, ``to_text.render_comparison_text``)."""


RANGED_FROM = 20_000
"""Groups from which a comparison that this process does not write over the cores (its
memory past ``MAX_FORK_RSS``, ``DIFFREADER_JOBS=1``) has its review items made range by
range here all the same (``one_by_one``): each range's are dropped once its output is
made, where a whole list's would all be held (an 8 MB original of short lines that the
rewrite drops makes 260,000 items: the text's writer took 770 MB more at its peak)."""

RANGE_WEIGHT = 2_000_000
"""About the characters of output of each range ``bounds_one_by_one`` gives."""


def forking() -> bool:
    """True when this process may write in ranges over forked children (``in_ranges``
    may fork, given the weight): what is worth preparing only for ranges is made then."""
    return parallel.jobs(max_rss=MAX_FORK_RSS) > 1


def in_ranges(
    task: Callable[[int, int], T],
    size: int,
    weigh: Callable[[], Sequence[int]],
    *,
    scale: int = 1,
) -> list[T]:
    """``[task(lo, hi) for each range]`` over contiguous ranges covering ``range(size)``
    (at least one, possibly empty), ranges after the first in forked children when the
    weights (``weigh()``: the characters of output of each of the ``size`` items) repay it:
    enough output in all (``scale`` times ``MIN_WEIGHT`` a range: a writer that many
    times faster by the character than most), no item holding more than
    ``MAX_ITEM_SHARE`` of it.

    ``weigh`` is called only when this process may fork (a long list's weights cost a
    pass over it). ``task`` must be a pure function of the state at the call, and its
    result picklable: text, or lists of text.
    """
    if not forking():
        return [task(0, size)]
    bounds = bounds_of(weigh(), scale)
    return [task(0, size)] if bounds is None else run(task, bounds)


def bounds_of(weights: Sequence[int], scale: int = 1) -> list[int] | None:
    """The bounds of the ranges ``in_ranges`` forks over for items of ``weights``, or
    ``None`` when it writes them all here (this process may not fork, too little output,
    an item holding more than ``MAX_ITEM_SHARE`` of it): for a caller that must know the
    ranges before it runs them (``run``); ``scale`` as ``in_ranges`` has it."""
    min_weight = MIN_WEIGHT * scale
    parts = parallel.jobs(max_rss=MAX_FORK_RSS)
    total = sum(weights)
    if parts <= 1 or total < 2 * min_weight or max(weights) > MAX_ITEM_SHARE * total:
        return None
    bounds = parallel.split(weights, parts, min_weight)
    return bounds if len(bounds) > 2 else None


def run(task: Callable[[int, int], T], bounds: Sequence[int]) -> list[T]:
    """``[task(lo, hi) for each range of bounds]``, ranges after the first in forked
    children (``bounds``: from ``bounds_of``)."""
    # The collector stays off meanwhile, in this process and in the children: a writer
    # makes no cycles, and a collection in a child would walk the objects it inherited,
    # copying the pages it shares with this process (its memory would grow towards ours).
    with collector.paused():
        return parallel.fork_map(task, bounds)


def one_by_one(task: Callable[[int, int], T], bounds: Sequence[int]) -> Iterator[T]:
    """``task(lo, hi)`` over the ranges of ``bounds`` (``bounds_one_by_one``), one after
    another in this process, as they are asked for (``run`` forks over them): a range's
    result, and what ``task`` made for it, can be dropped before the next."""
    for lo, hi in pairwise(bounds):
        yield task(lo, hi)


class ItemRanges(NamedTuple):
    """How a writer makes a comparison's review items range by range (``item_ranges``)."""

    fork: bool
    """The ranges are made in forked children (``run``); else one after another in this
    process (``one_by_one``), which may not fork over them."""
    locate: PairLocator
    blocks: ItemBlocks
    """Where the items can be made a range of groups at a time (``review.item_blocks``)."""


def item_ranges(comparison: Comparison) -> ItemRanges | None:
    """Whether a writer makes ``comparison``'s review items range by range, and how: in
    forked children when this process may fork (``forking``), else, for a long
    comparison (``RANGED_FROM`` groups), one range after another here, so that only one
    range's items are held at a time. ``None`` (the view made whole) for a short
    comparison that may not fork, and when the items cannot be made apart."""
    fork = bool(comparison.pairs) and forking()
    if not fork and len(comparison.pairs) < RANGED_FROM:
        return None
    locate = PairLocator(comparison)
    blocks = item_blocks(comparison, locate)
    return None if blocks is None else ItemRanges(fork, locate, blocks)


def run_items(
    ranged: ItemRanges, task: Callable[[int, int], T], bounds: Sequence[int]
) -> Iterable[T]:
    """``task(lo, hi)`` over the ranges of ``bounds``: forked (``run``) when ``ranged`` may
    fork, else one after another here (``one_by_one``)."""
    return run(task, bounds) if ranged.fork else one_by_one(task, bounds)


def bounds_one_by_one(weights: Sequence[int]) -> list[int]:
    """The bounds of contiguous ranges of about ``RANGE_WEIGHT`` of ``weights`` each,
    covering them all (one at least)."""
    return parallel.split(weights, max(1, sum(weights) // RANGE_WEIGHT), min_weight=1)


def span_weight(doc: Document, ids: Sequence[int]) -> int:
    """The characters sentences ``ids`` of ``doc`` cover (0 for none): the span from the
    first to the last, or when they lie apart (a sentence split in two, far apart) the
    sentences' own (the writers show no text between)."""
    if not ids:
        return 0
    sentences = doc.sentences
    first, last = min(ids), max(ids)
    if last - first + 1 == len(ids):
        return sentences[last].end - sentences[first].start
    return sum(len(sentences[i].text) for i in ids)


def group_weights(comparison: Comparison, claims: Sequence[int]) -> list[int]:
    """About the characters of output of each group, given how many claims each lists
    (``claims``, by group): what ``in_ranges`` balances."""
    pairs = comparison.pairs
    a_weights = span_weights(comparison.a, [pair.a for pair in pairs])
    b_weights = span_weights(comparison.b, [pair.b for pair in pairs])
    return [x + y + 200 * n for x, y, n in zip(a_weights, b_weights, claims, strict=True)]


def span_weights(doc: Document, spans: Iterable[Sequence[int]]) -> list[int]:
    """``[span_weight(doc, ids) for ids in spans]``, a span of one sentence (most groups'
    sides) without a call: a long comparison has tens of thousands, weighed before the
    writers fork."""
    sentences = doc.sentences
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    return [
        ends[ids[0]] - starts[ids[0]] if len(ids) == 1 else span_weight(doc, ids) for ids in spans
    ]


def block_weights(
    comparison: Comparison, claim_pairs: Iterable[int], cuts: Sequence[int]
) -> list[int]:
    """The output weight (``group_weights``) of each block of groups between ``cuts``,
    given the group of each claim."""
    claims = [0] * len(comparison.pairs)
    for group in claim_pairs:
        claims[group] += 1
    running = [0, *accumulate(group_weights(comparison, claims))]
    return [running[hi] - running[lo] for lo, hi in pairwise(cuts)]
