"""Provides the writers' fork-join: a long comparison's output written in ranges over the cores.

The text of one group (one record of the JSON) depends on that group alone, so the writers
cut the groups (records) into contiguous ranges, write each range in a forked child
(``engine.parallel.fork_map``: children inherit the view, send back their text, in range
order) and join the texts: the same text as written in one go. Short output, a process
that may not fork (a second thread, a pool's worker, a large process: ``parallel.jobs``)
and ``DIFFREADER_JOBS=1`` write it all here.

API:
    MIN_WEIGHT                         characters of output below which a range is not forked
    in_ranges(task, weights) -> list   task(lo, hi) over contiguous ranges, in order
    span_weight(doc, ids) -> int       the characters of sentences ``ids`` (a group's weight)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from diffreader.engine import parallel
from diffreader.engine.model import Document

__all__ = ["MIN_WEIGHT", "in_ranges", "span_weight"]

T = TypeVar("T")

MIN_WEIGHT = 200_000
"""About the characters of output a range must hold to be worth a process: writing this
much takes some tens of milliseconds, against a few for the fork and the transfer."""


def in_ranges(task: Callable[[int, int], T], weights: Sequence[int]) -> list[T]:
    """``[task(lo, hi) for each range]`` over contiguous ranges covering
    ``range(len(weights))`` (at least one, possibly empty), ranges after the first in
    forked children when the weights (characters of output) repay it.

    ``task`` must be a pure function of the state at the call, and its result picklable:
    text, or lists of text.
    """
    parts = parallel.jobs()
    if parts <= 1 or sum(weights) < 2 * MIN_WEIGHT:
        return [task(0, len(weights))]
    return parallel.fork_map(task, parallel.split(weights, parts, MIN_WEIGHT))


def span_weight(doc: Document, ids: Sequence[int]) -> int:
    """The characters sentences ``ids`` of ``doc`` cover (0 for none)."""
    if not ids:
        return 0
    return doc.sentences[max(ids)].end - doc.sentences[min(ids)].start
