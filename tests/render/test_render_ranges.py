"""Tests for the writers' fork-join (render/ranges.py): output written in ranges of groups
over forked children is the output written in one go, byte for byte."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from diffreader.engine import parallel
from diffreader.engine.load import load_documents
from diffreader.engine.model import Comparison
from diffreader.render import ranges, render, render_pieces, to_text
from diffreader.render.model import build_view
from diffreader.render.to_json import json_pieces

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="forks only on Linux")

DEMO = Path(__file__).resolve().parents[2] / "src" / "diffreader" / "demo"
PAIRS = [
    ("00_original.txt", "01_rewrite_syndicated.txt"),
    ("00_original.txt", "02_rewrite_contentfarm.txt"),
    ("03_rewrite_update.txt", "00_original.txt"),
]


def _compare(a: str, b: str, monkeypatch: pytest.MonkeyPatch) -> Comparison:
    with monkeypatch.context() as serial:
        serial.setenv("DIFFREADER_JOBS", "1")
        from diffreader.engine.compare import compare

        return compare(*load_documents([str(DEMO / a), str(DEMO / b)]))


def _outputs(comparison: Comparison) -> list[str]:
    return [
        render(comparison, "text"),
        render(comparison, "text", color=True, width=60),
        render(comparison, "markdown"),
        render(comparison, "json"),
        "".join(render_pieces(comparison, "json")),
    ]


@pytest.mark.parametrize(("a", "b"), PAIRS, ids=["syndicated", "contentfarm", "reversed"])
def test_split_output_is_the_serial_output(
    a: str, b: str, monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    comparison = _compare(a, b, monkeypatch)
    with monkeypatch.context() as serial:
        serial.setenv("DIFFREADER_JOBS", "1")
        expected = _outputs(comparison)
    assert not forks
    monkeypatch.setenv("DIFFREADER_JOBS", "3")
    monkeypatch.setattr(ranges, "MIN_WEIGHT", 50)  # every writer splits its groups
    monkeypatch.setattr(ranges, "MAX_FORK_RSS", 1 << 40)  # whatever the test process holds
    monkeypatch.setattr(to_text, "_GROUPS_A_TEXT", 3)  # a range's lines joined in several texts
    got = _outputs(comparison)
    assert forks  # the writers did run ranges in children
    for want, have in zip(expected, got, strict=True):
        assert have == want


def test_split_json_is_json_dumps(monkeypatch: pytest.MonkeyPatch) -> None:
    """The JSON written in ranges of records is ``json.dumps`` of the whole data."""
    import json

    from diffreader.render.escape import json_safe
    from diffreader.render.to_json import to_json_data

    comparison = _compare(*PAIRS[1], monkeypatch)
    view = build_view(comparison)
    monkeypatch.setenv("DIFFREADER_JOBS", "3")
    monkeypatch.setattr(ranges, "MIN_WEIGHT", 50)
    monkeypatch.setattr(ranges, "MAX_FORK_RSS", 1 << 40)
    text = "".join(json_pieces(view))
    assert text == json_safe(json.dumps(to_json_data(view), ensure_ascii=False, indent=2)) + "\n"


def test_a_child_that_fails_is_written_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """A range whose child could not be forked is written by this process: same text."""
    comparison = _compare(*PAIRS[0], monkeypatch)
    with monkeypatch.context() as serial:
        serial.setenv("DIFFREADER_JOBS", "1")
        expected = _outputs(comparison)

    def no_fork() -> int:
        raise OSError("no more processes")

    monkeypatch.setenv("DIFFREADER_JOBS", "3")
    monkeypatch.setattr(ranges, "MIN_WEIGHT", 50)
    monkeypatch.setattr(ranges, "MAX_FORK_RSS", 1 << 40)
    monkeypatch.setattr(os, "fork", no_fork)
    assert _outputs(comparison) == expected


def test_short_output_is_not_split(monkeypatch: pytest.MonkeyPatch, forks: list[int]) -> None:
    comparison = _compare(*PAIRS[0], monkeypatch)
    monkeypatch.setenv("DIFFREADER_JOBS", "3")
    _outputs(comparison)
    assert not forks  # a demo article is far below ranges.MIN_WEIGHT
    assert parallel.jobs() == 3


def test_a_large_process_writes_alone(monkeypatch: pytest.MonkeyPatch, forks: list[int]) -> None:
    """Past ``MAX_FORK_RSS`` the writers do not fork (children would add a third of it)."""
    comparison = _compare(*PAIRS[1], monkeypatch)
    monkeypatch.setenv("DIFFREADER_JOBS", "3")
    monkeypatch.setattr(ranges, "MIN_WEIGHT", 50)
    monkeypatch.setattr(ranges, "MAX_FORK_RSS", 1024)  # this process holds more than that
    with monkeypatch.context() as serial:
        serial.setenv("DIFFREADER_JOBS", "1")
        expected = _outputs(comparison)
    assert _outputs(comparison) == expected
    assert not forks
