"""Kill a writer with SIGKILL at random moments: the state always loads, no ack is lost.

The child marks items one after another and prints a line after each completed save;
the parent kills it at a random moment, then checks that the file loads cleanly and
holds every mark the child acknowledged. Repeated many times, so kills land inside
writes, renames and fsyncs.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from comparison_builder import many_added
from diffreader.review import Mark, pair_key
from diffreader.storage.review import ReviewStore

TESTS = Path(__file__).resolve().parents[1]
ITEMS = 1500
RUNS = 30

CHILD = textwrap.dedent(
    """
    import random, sys
    sys.path.insert(0, sys.argv[1])
    from comparison_builder import many_added
    from diffreader.review import Mark
    from diffreader.storage.review import ReviewStore
    session, messages = ReviewStore(sys.argv[2]).load_for(many_added(int(sys.argv[3])))
    assert not [m for m in messages if "unreadable" in m], messages
    print("ready", flush=True)
    for item in session.items[int(sys.argv[4]):]:
        # Notes of varying size make the file grow and shrink between saves.
        assert session.set_note(item.key, "n" * random.randrange(0, 400)) == []
        assert session.set_mark(item.key, Mark.ACCEPTED) == []
        print(item.key, flush=True)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_during_saves_never_breaks_or_loses_state(tmp_path: Path) -> None:
    data = tmp_path / "data"
    comparison = many_added(ITEMS)
    key = pair_key(comparison.a.text, comparison.b.text)
    rng = random.Random(4)
    acknowledged: list[str] = []
    for run in range(RUNS):
        child = subprocess.Popen(
            [
                sys.executable,
                "-c",
                CHILD,
                str(TESTS),
                str(data),
                str(ITEMS),
                str(len(acknowledged)),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n", f"run {run}: child failed to start"
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(child.pid, signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL
        # Only complete lines are acknowledgements (a kill may cut the last one).
        acknowledged += [line for line in out.split("\n")[:-1] if line]

        store = ReviewStore(data)
        state, messages = store.load(key)
        assert messages == [], f"run {run}: {messages}"
        assert state is not None
        lost = [
            k
            for k in acknowledged
            if getattr(state.entries.get(k), "mark", None) is not Mark.ACCEPTED
        ]
        assert lost == [], f"run {run}: {len(lost)} acknowledged marks lost"
        assert not list(store.root.glob("*.corrupt-*"))
    assert len(acknowledged) > RUNS  # the test did exercise saves
    session, messages = ReviewStore(data).load_for(comparison)
    assert messages == []
    assert session.progress().reviewed >= len(acknowledged)
    print(f"{len(acknowledged)} acknowledged saves over {RUNS} kills")
