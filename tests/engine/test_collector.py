"""engine.collector.paused: the cyclic collector is off inside every pause and comes back
once the last pause ends (in any thread), only if it was on before the first began."""

from __future__ import annotations

import gc
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
