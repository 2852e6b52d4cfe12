"""Provides the Pilot helpers and texts the reader's tests share.

A module of its own, not ``conftest``: several test folders have a ``conftest.py``, and
which one ``from pilot_helpers import ...`` finds depends on the order pytest collected them in.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from textual.pilot import Pilot

from diffreader.tui.screens.corpus import CorpusScreen
from diffreader.tui.screens.diff import DiffScreen

REPO = Path(__file__).resolve().parents[2]

M = TypeVar("M")


def messages_of(kind: type[M]) -> tuple[list[M], Callable[[object], None]]:
    """A ``message_hook`` for ``run_test`` keeping the messages of ``kind``, and their list."""
    seen: list[M] = []

    def hook(message: object) -> None:
        if isinstance(message, kind):
            seen.append(message)

    return seen, hook


ORIGINAL = """Harbour bridge closes for repairs

The town council voted to close the harbour bridge. Engineers found corrosion in two supports.

The mayor said the decision was hard. "Nobody wanted to close the bridge," she said.

Ferries will run every hour. The market stays open. Shops expect fewer visitors.
Buses will stop at the quay. Parking stays free.

The council will review the repairs in spring.
"""

REWRITE = """Harbour bridge shut for urgent repairs

The town council voted 7 to 2 to close the harbour bridge on Thursday.
Engineers found corrosion in two supports.

Ferries will run every hour. The market stays open. Shops expect fewer visitors.
Buses will stop at the quay. Parking stays free.

The mayor said the decision was hard. "Nobody on the council wanted to close the bridge," she said.

Repairs will cost 1.8 million euros, said finance officer Martin Reyes.
"""

HOSTILE = (
    "Markup [bold]is not[/] bold and [red]not red[/red]. An escape \x1b[31mstays\x1b[0m literal. "
    "Flags 🇷🇺🤝🇺🇸🕊️ keep the columns straight.\n\nA second paragraph [link=x]ends[/link] here."
)
HOSTILE_B = HOSTILE + "\n\nAn added sentence with [b]brackets[/b] and \x1b]0;title\x07 inside."


async def wait_for(pilot: Pilot[None], predicate, timeout: float = 15.0) -> None:  # type: ignore[no-untyped-def]
    """Pause until ``predicate()`` holds (workers run in threads)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.02)


async def corpus_loaded(pilot: Pilot[None]) -> CorpusScreen:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CorpusScreen))
    screen = pilot.app.screen
    assert isinstance(screen, CorpusScreen)
    await wait_for(pilot, lambda: not screen.loading)
    await pilot.pause()
    return screen


async def diff_ready(pilot: Pilot[None], timeout: float = 15.0) -> DiffScreen:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, DiffScreen))
    screen = pilot.app.screen
    assert isinstance(screen, DiffScreen)
    await wait_for(pilot, lambda: not screen.comparing, timeout)
    await pilot.pause()
    return screen


async def help_rows(pilot: Pilot[None]) -> list[tuple[str, ...]]:
    """Open the help (``?``) and return its table's rows: where, keys, action, what it does
    (ending in the binding id)."""
    from diffreader.tui.screens.help import HelpScreen

    await pilot.press("question_mark")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))
    help_screen = pilot.app.screen
    assert isinstance(help_screen, HelpScreen)
    columns = [[str(cell) for cell in column._cells] for column in help_screen._table().columns]
    return list(zip(*columns, strict=True))
