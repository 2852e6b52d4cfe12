"""Test helpers for tests that run the program in processes of its own."""

from __future__ import annotations

import signal
from pathlib import Path


def as_foreground_job() -> None:
    """``preexec_fn`` of a program a test interrupts: Ctrl+C reaches it as it reaches a
    terminal's foreground job, whatever this process inherited (a test run started in the
    background of a script ignores SIGINT, and its children would too)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def alive_in_group(pgid: int) -> list[int]:
    """Processes of group ``pgid`` that still run (zombies left to init do not count)."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            alive.append(int(entry.name))
    return alive
