"""Provides ``benchmarks/make_corpus.py`` to the tests: archives generated at test time.

A module of its own, not ``conftest`` (see ``tests/tui/pilot_helpers.py``).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def make_corpus() -> ModuleType:
    """``benchmarks/make_corpus.py`` as a module (loaded once)."""
    loaded = sys.modules.get("make_corpus")
    if loaded is not None:
        return loaded
    spec = importlib.util.spec_from_file_location(
        "make_corpus", ROOT / "benchmarks" / "make_corpus.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def generate(folder: Path, count: int, seed: int = 11) -> dict[str, dict[str, list[str]]]:
    """Write ``count`` generated articles into ``folder``; the generator's truth (each
    original's rewrites and related stories, by file name) is returned."""
    truth: dict[str, dict[str, list[str]]] = make_corpus().generate(folder, count, seed)
    return truth
