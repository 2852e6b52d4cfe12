"""Provides what the scan tests share: a generated corpus and the results' files.

A module of its own, not ``conftest`` (see ``tests/tui/pilot_helpers.py``).
"""

from __future__ import annotations

from pathlib import Path

import corpus_generator
from diffreader.scan.executors import Executor, InProcess
from diffreader.scan.progress import Silent
from diffreader.scan.results import RECORD_FILES
from diffreader.scan.run import Summary, run_scan

ROOT = Path(__file__).resolve().parents[2]


def generate(folder: Path, count: int, seed: int = 11) -> Path:
    """Write ``count`` generated articles (with known rewrites) into ``folder``."""
    corpus_generator.generate(folder, count, seed)
    return folder


def scan(corpus: Path, out: Path, executor: Executor | None = None) -> Summary:
    """Run a scan silently (in-process unless told otherwise)."""
    used = executor if executor is not None else InProcess()
    try:
        return run_scan([corpus], out, used, Silent())
    finally:
        used.close()


def result_bytes(out: Path) -> dict[str, bytes]:
    """The bytes of each JSON Lines file of a results folder."""
    return {name: (out / name).read_bytes() for name in RECORD_FILES}
