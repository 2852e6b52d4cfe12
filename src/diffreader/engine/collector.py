"""Provides ``paused``: the cyclic garbage collector paused while a long result is built.

A comparison, its presentation model and the reader's rows each allocate hundreds of
thousands of small objects (tuples, spans, records) that make no reference cycle: the
collector's passes over the growing heap find nothing and cost a fifth to two fifths of
the build. Reference counting still frees memory as usual while paused.

The collector is one switch for the whole process, and the reader builds in a worker
thread while the UI thread runs (and may build too): pauses are counted, so the collector
comes back when the last one ends, and only if it was on when the first began.

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
                gc.enable()
