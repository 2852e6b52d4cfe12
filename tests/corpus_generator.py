"""Provides ``benchmarks/make_corpus.py`` to the tests: archives generated at test time;
and ``wire``, a folder holding a syndicated story many times over, byte for byte.

A module of its own, not ``conftest`` (see ``tests/tui/pilot_helpers.py``).
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "diffreader" / "demo"
REWRITES = ("01_rewrite_syndicated.txt", "02_rewrite_contentfarm.txt", "03_rewrite_update.txt")
"""The demo's three rewrites of its ``00_original.txt``."""


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


def filler(i: int) -> str:
    """An article of a story of its own (number ``i``), unrelated to the demo's."""
    return (
        f"Story Number {i}\n\n"
        f"The Brindle{i} council met on Tuesday to discuss plan number {i}, said Ana Kovac{i}. "
        f"It will cost {i + 10} million pounds and affect {i * 7 + 3} homes in the town. "
        f"“We have listened to people in Brindle{i} for months,” Kovac{i} said.\n"
    )


def wire(folder: Path, copies: int, others: int) -> Path:
    """A wire folder: ``copies`` copies of the demo's original (``copy000.txt``, …), its
    three rewrites and ``others`` unrelated articles (``x000.txt``, …)."""
    folder.mkdir()
    for i in range(others):
        (folder / f"x{i:03d}.txt").write_text(filler(i), encoding="utf-8")
    for k in range(copies):
        shutil.copy(DEMO / "00_original.txt", folder / f"copy{k:03d}.txt")
    for name in REWRITES:
        shutil.copy(DEMO / name, folder / name)
    return folder
