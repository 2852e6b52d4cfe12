"""Provides ``paused``: the cyclic garbage collector paused while a long result is built.

A comparison, its presentation model and the reader's rows each allocate hundreds of
thousands of small objects (tuples, spans, records) that make no reference cycle: the
collector's passes over the growing heap find nothing and cost a fifth to two fifths of
the build. Reference counting still frees memory as usual while paused.

The collector is one switch for the whole process, and the reader builds in a worker
thread while the UI thread runs (and may build too): pauses are counted, so the collector
comes back when the last one ends, and only if it was on when the first began.

When it comes back, what the pause made and kept (the result, most of it) is handed to the
oldest generation at once (``gc.freeze`` then ``gc.unfreeze``), as a pass over it would hand
it on: the first young collection after a long build would otherwise walk every object the
build kept, then the middle one again (a million of them for a 1 MB comparison, a tenth of
a second each), to find what the pause's own collections would have found: nothing. The
oldest generation's next full pass still walks them, and frees any cycle among them. A
short pause (fewer than ``_HANDED_ON`` objects kept) leaves them to the young generation.

API:
    paused() -> context manager
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused"]

_lock = threading.Lock()
_HANDED_ON = 100_000
"""Objects kept by a pause (the young generation's count, which counts the tracked objects
made less those freed) above which they go to the oldest generation when it ends: a long
build's result, which a young pass would walk for nothing (a tenth of a second a million)."""
_depth = 0
"""How many pauses are under way (in any thread)."""
_resume = False
"""Whether the collector was on when the first of them began."""


@contextmanager
def paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the ``with`` block.

    >>> import gc
    >>> with paused():
    ...     gc.isenabled()
    False
    """
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                if gc.get_count()[0] > _HANDED_ON:
                    gc.freeze()  # every tracked object to the permanent generation...
                    gc.unfreeze()  # ... and back into the oldest: no young pass walks them
                gc.enable()
