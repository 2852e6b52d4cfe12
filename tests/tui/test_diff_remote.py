"""Pilot tests for a long pair compared in a separate process (``engine/remote.py``).

Each test forces small pairs through the process (``REMOTE_MIN_CHARS`` set to 0): the
screen must show exactly what comparing in its thread shows, fall back to that when the
process fails, and leave no process behind when the screen or the app closes early.
"""

from __future__ import annotations

import os
import random
import signal
import stat
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import corpus_loaded, diff_ready, messages_of, wait_for

from diffreader.engine import align_pair, annotate, load_document, remote
from diffreader.engine.model import Comparison
from diffreader.tui.app import make_app
from diffreader.tui.messages import ComparisonFailed, ComparisonProgress, ComparisonReady
from diffreader.tui.screens import diff
from diffreader.tui.screens.diff import DiffScreen
from processes import alive_in_group

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="process groups and /proc")


def _here(a: Path, b: Path) -> Comparison:
    """The comparison as the screen's thread makes it."""
    return annotate(align_pair(load_document(a), load_document(b)))


def _ended(pgid: int) -> bool:
    """Wait for group ``pgid`` to end: SIGKILL is sent at once but takes effect a moment
    later (the deadline only keeps a failure from hanging)."""
    deadline = time.monotonic() + 30
    while alive_in_group(pgid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


Started = list[remote.RemoteComparison]


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> Iterator[Started]:
    """Every pair goes through a process (whatever its size and the machine); the
    processes started are listed. A process the screen leaves running would hang the app's
    exit (its thread waits on it): a watchdog kills it after a while and fails the test."""
    processes: Started = []

    class Recording(remote.RemoteComparison):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            processes.append(self)

    monkeypatch.setattr(diff, "REMOTE_MIN_CHARS", 0)
    monkeypatch.setattr(remote, "available", lambda: True)
    monkeypatch.setattr(remote, "RemoteComparison", Recording)
    rescued: list[int] = []

    def rescue() -> None:
        for process in processes:
            if alive_in_group(process.pid):
                rescued.append(process.pid)
                os.killpg(process.pid, signal.SIGKILL)

    watchdog = threading.Timer(120, rescue)
    watchdog.start()
    yield processes
    watchdog.cancel()
    assert not rescued, "the screen left its comparison process running"


@pytest.fixture
def child_program(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[[str], None]:
    """Run the given shell script in place of the child's interpreter."""

    def use(script: str) -> None:
        path = tmp_path / "fake-python"
        path.write_text("#!/bin/sh\n" + textwrap.dedent(script), encoding="utf-8")
        path.chmod(path.stat().st_mode | stat.S_IXUSR)
        original = remote.RemoteComparison.__init__

        def init(self: remote.RemoteComparison, *args: Any, **kwargs: Any) -> None:
            original(self, *args, **{**kwargs, "executable": str(path)})

        monkeypatch.setattr(remote.RemoteComparison, "__init__", init)

    return use


def _long_pair(folder: Path) -> tuple[Path, Path]:
    """A pair past ``PROGRESSIVE_SENTENCES`` (its aligned half is shown first), with one
    added name in B."""
    rng = random.Random(5)
    n = diff.PROGRESSIVE_SENTENCES // 2 + 10
    a_lines = [
        f"Sentence number {i} says the harbour opened at {rng.randrange(1, 12)} am."
        for i in range(n)
    ]
    b_lines = list(a_lines)
    b_lines[5] = a_lines[5].removesuffix(".") + " in Kilbrannan."
    del b_lines[40]
    a, b = folder / "long_a.txt", folder / "long_b.txt"
    a.write_text("\n\n".join(a_lines), encoding="utf-8")
    b.write_text("\n\n".join(b_lines), encoding="utf-8")
    return a, b


async def test_a_pair_compared_in_a_process_shows_what_the_thread_shows(
    pair: tuple[Path, Path], started: Started
) -> None:
    app = make_app(pair=pair)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await diff_ready(pilot)
        await wait_for(pilot, lambda: screen.session is not None)
        assert len(started) == 1
        assert screen.model is not None
        assert screen.model.comparison == _here(*pair)
    assert started[0]._process.returncode is not None  # reaped
    assert alive_in_group(started[0].pid) == []


async def test_the_corpus_sends_its_documents_to_the_process(
    corpus: Path, started: Started
) -> None:
    app = make_app(corpus=corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await corpus_loaded(pilot)
        await pilot.press("a", "down", "b", "enter")
        screen = await diff_ready(pilot)
        await wait_for(pilot, lambda: screen.session is not None)
        assert len(started) == 1 and started[0]._documents is not None
        assert screen.model is not None
        a, b = corpus / "a_original.txt", corpus / "b_rewrite.txt"
        assert screen.model.comparison == _here(a, b)


async def test_a_long_pair_shows_its_aligned_half_first_through_the_process(
    tmp_path: Path, started: Started
) -> None:
    a, b = _long_pair(tmp_path)
    ready, hook = messages_of(ComparisonReady)
    app = make_app(pair=(a, b))
    async with app.run_test(size=(140, 40), message_hook=hook) as pilot:
        screen = await diff_ready(pilot, timeout=60)
        await wait_for(pilot, lambda: screen.session is not None, timeout=60)
        assert len(started) == 1
        assert [m.partial for m in ready] == [True, False]
        here = _here(a, b)
        assert ready[0].model.comparison == align_pair(load_document(a), load_document(b))
        assert ready[0].model.comparison.claims == ()
        assert ready[1].model.comparison == here
        assert any(c.text == "Kilbrannan" for c in here.claims)
        assert not screen.annotating and screen.model is ready[1].model


@pytest.mark.parametrize(
    "script",
    [
        "echo 'Traceback: boom' >&2\nexit 3\n",
        "kill -9 $$\n",
        'head -c 1 >/dev/null\necho garbage >"/proc/self/fd/$4"\n',
    ],
    ids=["exit-status", "killed", "garbage"],
)
async def test_a_failing_process_falls_back_to_the_thread(
    pair: tuple[Path, Path],
    started: Started,
    child_program: Callable[[str], None],
    script: str,
) -> None:
    child_program(script)
    messages: list[object] = []
    app = make_app(pair=pair)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        screen = await diff_ready(pilot)
        await wait_for(pilot, lambda: screen.session is not None)
        assert len(started) == 1
        assert screen.model is not None and screen.model.comparison == _here(*pair)
        stages = [m.stage for m in messages if isinstance(m, ComparisonProgress)]
        assert any(s.endswith("comparing here instead…") for s in stages), stages
        assert not any(isinstance(m, ComparisonFailed) for m in messages)
        assert not screen.query_one("#diff-error").display


async def test_a_process_killed_after_the_aligned_half_is_annotated_here(
    tmp_path: Path, started: Started, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = _long_pair(tmp_path)
    annotated = remote.RemoteComparison.annotated

    def killed_first(self: remote.RemoteComparison) -> Comparison:
        os.killpg(self.pid, signal.SIGKILL)  # from outside (the OOM killer, say)
        return annotated(self)

    monkeypatch.setattr(remote.RemoteComparison, "annotated", killed_first)
    ready, hook = messages_of(ComparisonReady)
    app = make_app(pair=(a, b))

    async with app.run_test(size=(140, 40), message_hook=hook) as pilot:
        screen = await diff_ready(pilot, timeout=60)
        await wait_for(pilot, lambda: screen.session is not None, timeout=60)
        assert [m.partial for m in ready] == [True, False]
        assert ready[1].model.comparison == _here(a, b)
        assert alive_in_group(started[0].pid) == []


async def test_a_load_error_is_shown_as_before_and_ends_the_process(
    tmp_path: Path, started: Started
) -> None:
    # The thread loads the files while the child starts, and tells the child nothing.
    a, empty = tmp_path / "a.txt", tmp_path / "empty.txt"
    a.write_text("One sentence here. Another one.", encoding="utf-8")
    empty.write_text(" \n", encoding="utf-8")
    failed, hook = messages_of(ComparisonFailed)
    app = make_app(pair=(a, empty))
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        screen = await diff_ready(pilot)
        assert len(started) == 1
        assert [m.reason for m in failed] == [f"{empty}: empty file (no text to compare)"]
        assert screen.query_one("#diff-error").display and screen.model is None
    assert _ended(started[0].pid)


_STUCK = "sleep 600 &\nsleep 600 &\nexec sleep 600\n"
"""A child that forks two helpers and never answers (a comparison in progress)."""


async def test_closing_the_screen_mid_comparison_ends_the_process(
    corpus: Path, started: Started, child_program: Callable[[str], None]
) -> None:
    child_program(_STUCK)
    messages: list[object] = []
    app = make_app(corpus=corpus)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        corpus_screen = await corpus_loaded(pilot)
        await app.push_screen(DiffScreen(corpus / "a_original.txt", corpus / "b_rewrite.txt"))
        await wait_for(pilot, lambda: bool(started) and len(alive_in_group(started[0].pid)) == 3)
        await pilot.press("q")
        await wait_for(pilot, lambda: app.screen is corpus_screen)
        await wait_for(pilot, lambda: alive_in_group(started[0].pid) == [])
        await app.workers.wait_for_complete()
        # Dropped quietly: no result, no error, no fallback comparison.
        assert not any(isinstance(m, ComparisonReady | ComparisonFailed) for m in messages)
        assert len(started) == 1


async def test_quitting_mid_comparison_ends_the_process(
    pair: tuple[Path, Path], started: Started, child_program: Callable[[str], None]
) -> None:
    child_program(_STUCK)
    app = make_app(pair=pair)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: bool(started) and len(alive_in_group(started[0].pid)) == 3)
        await pilot.press("q")
    # The app has shut down, its worker thread with it (it would wait for the child).
    assert app.return_code == 0
    assert _ended(started[0].pid)


async def test_quitting_while_a_real_process_compares_ends_it(
    tmp_path: Path, started: Started
) -> None:
    a, b = _long_pair(tmp_path)
    app = make_app(pair=(a, b))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: bool(started))
        await pilot.press("ctrl+q")
    assert _ended(started[0].pid)


async def test_swapping_during_the_annotation_replaces_the_process(
    tmp_path: Path, started: Started
) -> None:
    a, b = _long_pair(tmp_path)
    ready, hook = messages_of(ComparisonReady)
    app = make_app(pair=(a, b))
    async with app.run_test(size=(140, 40), message_hook=hook) as pilot:
        screen = await diff_ready(pilot, timeout=60)  # the aligned half is shown
        await pilot.press("s")
        await wait_for(pilot, lambda: len(started) == 2, timeout=60)
        await wait_for(
            pilot,
            lambda: (
                screen.session is not None
                and screen.model is not None
                and screen.model.comparison.a.path == str(b)
            ),
            timeout=60,
        )
        await app.workers.wait_for_complete()
        assert alive_in_group(started[0].pid) == []
        # Whatever the first process had delivered before s, the last word is the swap's.
        assert ready[-1].model.comparison == _here(b, a)
        assert screen.model is ready[-1].model
