"""Provides the alignment benchmark: the first half of ``compare`` on a long pair, stage by stage.

Usage::

    python benchmarks/bench_align.py [--classes repeats figures news] [--size 1] [--runs 3]
        [--seed 7]

For each content class of ``bench_hostile.py`` (and ``news``, ``bench_engine.py``'s
article and rewrite), generated at about ``size`` MB of A and segmented once, ``align_pair``
(alignment, moves, word diffs and statuses: what the reader paints first) is run ``runs``
times in one process (``DIFFREADER_JOBS=1``: the CPU of every stage, none hidden in a
child), with the cyclic collector off as the command line has it. Printed: the median CPU
seconds of the whole and of its stages, ``align`` (candidate search, scoring, the 1:1 pass,
gap filling, growth) of which ``_score_candidates`` (search and scoring), ``mark_moves``,
and ``_make_pairs`` (the word diffs and the moves). The function caches are emptied
before each run, so each run is a first comparison of the pair.

On two cores the search, the scoring and the word diffs run in two processes (the command
line's wall time); this measures the work, which is steadier on a busy machine.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_engine
import bench_hostile

os.environ["DIFFREADER_JOBS"] = "1"

from diffreader.engine import caches, document_from_text

align_module = importlib.import_module("diffreader.engine.align")
compare_module = importlib.import_module("diffreader.engine.compare")

STAGES = (
    (compare_module, "align"),
    (align_module, "_score_candidates"),
    (compare_module, "mark_moves"),
    (compare_module, "_make_pairs"),
)


def _news(size: int, rng: random.Random) -> tuple[str, str]:
    del rng  # bench_engine's pair is made from its seed
    return bench_engine.make_pair(size / 1_000_000, 7)


def _timed(spent: dict[str, float]) -> None:
    """Wrap each stage so that its CPU seconds add up in ``spent``."""
    for module, name in STAGES:
        function: Callable[..., Any] = getattr(module, name)

        def timed(*args: Any, _f: Callable[..., Any] = function, _n: str = name) -> Any:
            start = time.process_time()
            try:
                return _f(*args)
            finally:
                spent[_n] = spent.get(_n, 0.0) + time.process_time() - start

        setattr(module, name, timed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--classes", nargs="+", default=["repeats", "figures", "news"])
    parser.add_argument("--size", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    makers = {**bench_hostile.CLASSES, "news": _news}
    spent: dict[str, float] = {}
    _timed(spent)
    names = ["total", *(name for _, name in STAGES)]
    print(f"{'class':12s}" + "".join(f"{name:>19s}" for name in names))
    for kind in args.classes:
        a, b = makers[kind](int(args.size * 1_000_000), random.Random(args.seed))
        doc_a, doc_b = document_from_text(a), document_from_text(b)
        runs: dict[str, list[float]] = {name: [] for name in names}
        for _ in range(args.runs):
            caches.forget()
            spent.clear()
            gc.disable()
            start = time.process_time()
            compare_module.align_pair(doc_a, doc_b)
            runs["total"].append(time.process_time() - start)
            gc.enable()
            for _, name in STAGES:
                runs[name].append(spent.get(name, 0.0))
        print(f"{kind:12s}" + "".join(f"{statistics.median(runs[n]):19.3f}" for n in names))


if __name__ == "__main__":
    main()
