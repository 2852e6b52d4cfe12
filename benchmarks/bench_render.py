"""Provides the presentation benchmark: what follows ``compare`` on a long comparison.

Usage::

    python benchmarks/bench_render.py [--classes figures quotes] [--size 1] [--runs 3]
        [--seed 7] [--cli]

For each content class of ``bench_hostile.py`` (generated at about ``size`` MB of A), the
pair is compared once, then each stage is timed ``runs`` times in this process (CPU
seconds, medians, with the cyclic collector off as the command line has it):
``build_view`` (of which ``review_items``), ``to_json_data``, and the
JSON text, ``render_json`` (to_json_data, writing and ``json_safe``), beside the standard
library's ``json.dumps(..., indent=2)`` of the same data for scale; then the command line's
whole output stage, ``render_pieces`` (its view without rows, its review items, the writer)
for ``--format text`` and ``--format json``: the CPU of this process (``DIFFREADER_JOBS`` as
set: a forked child's share is not counted), and the wall time ("wall" columns: the output
stage as the command line waits for it, its children working meanwhile, when they may).
``--cli`` also runs ``diffreader A B --format json -o FILE`` once in a fresh process and
reports its CPU time and peak RSS (``os.wait4``'s figures for the child), the figures
issue 10 sets limits on.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_hostile

from diffreader.engine import compare, document_from_text
from diffreader.engine.model import Comparison
from diffreader.render import Format, build_view, render_json, render_pieces, to_json_data
from diffreader.review import review_items


def cpu_median(call: Callable[[], object], runs: int) -> float:
    """Median CPU seconds of ``call``, run with the cyclic collector off, as the command
    line runs its output stage (``engine.collector.paused``): with it on, its passes over
    the comparison's heap in this process would be counted too."""
    times = []
    for _ in range(runs):
        gc.collect()  # the garbage of the run before, not timed
        gc.disable()
        try:
            start = time.process_time()
            call()
            times.append(time.process_time() - start)
        finally:
            gc.enable()
    return statistics.median(times)


def _wall(call: Callable[[], object], runs: int) -> float:
    """Median wall seconds of ``call``, run with the cyclic collector off (as ``cpu_median``)."""
    times = []
    for _ in range(runs):
        gc.disable()
        try:
            start = time.perf_counter()
            call()
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return statistics.median(times)


def _output(comparison: Comparison, fmt: Format) -> int:
    """The command line's output stage: its pieces, as it writes them (their length)."""
    return sum(len(piece) for piece in render_pieces(comparison, fmt))


def _cli(a: str, b: str) -> tuple[float, float]:
    """CPU seconds and peak RSS (MB) of one ``--format json -o FILE`` run."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.json"
        command = [sys.executable, "-m", "diffreader", a, b, "--format", "json", "-o", str(out)]
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(child.pid, 0)  # this child's own figures
        child.returncode = 0  # reaped here
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--classes", nargs="+", default=["figures", "quotes"])
    parser.add_argument("--size", type=float, default=1.0, help="MB of A")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cli", action="store_true", help="also time the whole CLI once")
    args = parser.parse_args(argv)
    print(f"Presentation of a long comparison: CPU s, median of {args.runs} runs")
    print(
        "class      build_view  review_items  to_json_data  render_json  json.dumps(indent=2)"
        "  output text  output json  text wall  json wall"
    )
    pairs = {
        name: bench_hostile.CLASSES[name](int(args.size * 1_000_000), random.Random(args.seed))
        for name in args.classes
    }
    whole: dict[str, tuple[float, float]] = {}
    if args.cli:
        # First, while this process is small: a child's peak RSS counts what it shared
        # with this process before it started the interpreter.
        with tempfile.TemporaryDirectory() as folder:
            for name, (a, b) in pairs.items():
                pa, pb = Path(folder) / f"{name}_a.txt", Path(folder) / f"{name}_b.txt"
                pa.write_text(a, encoding="utf-8")
                pb.write_text(b, encoding="utf-8")
                whole[name] = _cli(str(pa), str(pb))
    for name, (a, b) in pairs.items():
        comparison = compare(document_from_text(a), document_from_text(b))
        view = build_view(comparison)
        data = to_json_data(view)
        figures = (
            cpu_median(partial(build_view, comparison), args.runs),
            cpu_median(partial(review_items, comparison), args.runs),
            cpu_median(partial(to_json_data, view), args.runs),
            cpu_median(partial(render_json, view), args.runs),
            cpu_median(partial(json.dumps, data, ensure_ascii=False, indent=2), args.runs),
            cpu_median(partial(_output, comparison, "text"), args.runs),
            cpu_median(partial(_output, comparison, "json"), args.runs),
            _wall(partial(_output, comparison, "text"), args.runs),
            _wall(partial(_output, comparison, "json"), args.runs),
        )
        print(f"{name:<10} " + "  ".join(f"{f:>10.2f}" for f in figures))
        if name in whole:
            cpu, rss = whole[name]
            print(f"{'':<10} whole CLI, --format json -o FILE: {cpu:.1f} s CPU, {rss:.0f} MB peak")
        del comparison, view, data
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
