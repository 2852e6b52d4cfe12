"""The writers' fork-join (render/ranges.py): when it cuts the work into ranges, and that
the ranges' results are the serial result, in order."""

from __future__ import annotations

import pytest

from diffreader.render import ranges
from diffreader.render.ranges import MAX_ITEM_SHARE, MIN_WEIGHT, in_ranges


def _numbers(lo: int, hi: int) -> list[int]:
    return list(range(lo, hi))


@pytest.fixture
def two_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a machine of two cores with the memory to fork."""
    monkeypatch.setattr(ranges.parallel, "jobs", lambda **_: 2)


@pytest.mark.usefixtures("two_processes")
def test_even_weights_are_written_in_ranges_that_join_into_the_serial_result() -> None:
    weights = [MIN_WEIGHT // 10] * 100
    parts = in_ranges(_numbers, len(weights), lambda: weights)
    assert len(parts) == 2
    assert [n for part in parts for n in part] == list(range(100))


@pytest.mark.usefixtures("two_processes")
def test_one_item_holding_most_of_the_weight_is_written_in_one_go() -> None:
    # A range cannot cut an item: its process would take about as long as all.
    heavy = [MIN_WEIGHT // 10] * 20
    heavy[3] = int(sum(heavy) * MAX_ITEM_SHARE / (1 - MAX_ITEM_SHARE)) + MIN_WEIGHT
    assert max(heavy) > MAX_ITEM_SHARE * sum(heavy)
    assert in_ranges(_numbers, len(heavy), lambda: heavy) == [list(range(20))]


@pytest.mark.usefixtures("two_processes")
def test_light_output_is_written_in_one_go() -> None:
    light = [10] * 50
    assert in_ranges(_numbers, len(light), lambda: light) == [list(range(50))]


def test_the_weights_are_not_asked_for_when_the_process_may_not_fork(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ranges.parallel, "jobs", lambda **_: 1)

    def weigh() -> list[int]:
        raise AssertionError("weighed though no fork is possible")

    assert in_ranges(_numbers, 5, weigh) == [list(range(5))]


@pytest.mark.usefixtures("two_processes")
def test_a_faster_writer_forks_only_for_as_many_times_the_output() -> None:
    # Worth two ranges for most writers; a writer 20 times faster by the character
    # (json_records) needs 20 times the output for a range to repay its process.
    weights = [MIN_WEIGHT // 10] * 100
    assert len(in_ranges(_numbers, len(weights), lambda: weights)) == 2
    assert in_ranges(_numbers, len(weights), lambda: weights, scale=20) == [list(range(100))]
    heavier = [2 * MIN_WEIGHT] * 100
    parts = in_ranges(_numbers, len(heavier), lambda: heavier, scale=20)
    assert [n for part in parts for n in part] == list(range(100)) and len(parts) == 2
