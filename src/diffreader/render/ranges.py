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
    in_ranges(task, size, weigh) -> list  task(lo, hi) over contiguous ranges, in order
    span_weight(doc, ids) -> int       the characters of sentences ``ids`` (a group's weight)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from diffreader.engine import collector, parallel
from diffreader.engine.model import Document

__all__ = ["MAX_FORK_RSS", "MAX_ITEM_SHARE", "MIN_WEIGHT", "forking", "in_ranges", "span_weight"]

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


def forking() -> bool:
    """True when this process may write in ranges over forked children (``in_ranges``
    may fork, given the weight): what is worth preparing only for ranges is made then."""
    return parallel.jobs(max_rss=MAX_FORK_RSS) > 1


def in_ranges(
    task: Callable[[int, int], T], size: int, weigh: Callable[[], Sequence[int]]
) -> list[T]:
    """``[task(lo, hi) for each range]`` over contiguous ranges covering ``range(size)``
    (at least one, possibly empty), ranges after the first in forked children when the
    weights (``weigh()``: the characters of output of each of the ``size`` items) repay it:
    enough output in all, no item holding more than ``MAX_ITEM_SHARE`` of it.

    ``weigh`` is called only when this process may fork (a long list's weights cost a
    pass over it). ``task`` must be a pure function of the state at the call, and its
    result picklable: text, or lists of text.
    """
    parts = parallel.jobs(max_rss=MAX_FORK_RSS)
    if parts <= 1:
        return [task(0, size)]
    weights = weigh()
    total = sum(weights)
    if total < 2 * MIN_WEIGHT or max(weights) > MAX_ITEM_SHARE * total:
        return [task(0, size)]
    # The collector stays off meanwhile, in this process and in the children: a writer
    # makes no cycles, and a collection in a child would walk the objects it inherited,
    # copying the pages it shares with this process (its memory would grow towards ours).
    with collector.paused():
        return parallel.fork_map(task, parallel.split(weights, parts, MIN_WEIGHT))


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
