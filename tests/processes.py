"""Test helper: which processes of a process group still run (read from ``/proc``)."""

from __future__ import annotations

from pathlib import Path


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
