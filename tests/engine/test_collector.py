"""engine.collector.paused: the cyclic collector is off inside every pause and comes back
once the last pause ends (in any thread), only if it was on before the first began."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator

import pytest

from diffreader.engine import collector


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_a_pause_turns_the_collector_off_and_back_on() -> None:
    gc.enable()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with collector.paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_an_error_inside_still_ends_the_pause() -> None:
    gc.enable()
    with pytest.raises(ValueError), collector.paused():
        raise ValueError("boom")
    assert gc.isenabled()


def test_nested_pauses_end_with_the_outer_one() -> None:
    gc.enable()
    with collector.paused():
        with collector.paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_overlapping_pauses_in_two_threads_end_with_the_last() -> None:
    # The reader builds in a worker thread while another build may run: the first pause
    # to end must not turn the collector back on under the other.
    gc.enable()
    entered, release_first, first_done = threading.Event(), threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with collector.paused():
            entered.set()
            release_first.wait(5)
        first_done.set()

    thread = threading.Thread(target=first)
    thread.start()
    assert entered.wait(5)
    with collector.paused():
        release_first.set()
        assert first_done.wait(5)
        seen.append(gc.isenabled())  # the other pause has ended; this one has not
    thread.join(5)
    assert seen == [False]
    assert gc.isenabled()


def test_what_a_pause_kept_goes_to_the_oldest_generation_and_its_cycles_are_still_freed() -> None:
    # A long build's survivors are handed to the oldest generation when the pause ends (no
    # young pass walks them first), nothing stays frozen, and a cycle made in the pause is
    # still freed by the next full collection.
    import weakref

    class Node:
        def __init__(self) -> None:
            self.other: Node | None = None

    gc.enable()
    gc.collect()
    with collector.paused():
        kept = [(i, str(i)) for i in range(150_000)]
        first, second = Node(), Node()
        first.other, second.other = second, first
        gone = weakref.ref(first)
        del first, second
        counted = gc.get_count()[0]
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    if sys.version_info < (3, 14):  # three generations (3.14's collector is incremental)
        assert counted > 150_000  # every allocation counted while paused
        assert gc.get_count()[0] < 1_000  # the young generation was handed on, not walked
        assert any(kept is obj for obj in gc.get_objects(generation=2))
    assert gone() is not None  # a cycle waits for a collection...
    gc.collect()
    assert gone() is None  # ... and the full one frees it


def test_what_a_short_pause_kept_stays_young() -> None:
    gc.enable()
    gc.collect()
    with collector.paused():
        kept = [(i, str(i)) for i in range(2_000)]
    if sys.version_info < (3, 14):
        # A young pass (the first allocation after the pause) took it to the middle one.
        assert not any(kept is obj for obj in gc.get_objects(generation=2))
