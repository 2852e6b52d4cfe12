"""Provides an A/B benchmark of the quotation checks that holds up on a busy host.

Usage::

    python benchmarks/bench_quotes_ab.py [--class quotes] [--size 1] [--pair A B] [--runs 9]
        OLD/src/diffreader/engine/quotes.py NEW/src/diffreader/engine/quotes.py ...

Loads each given ``quotes.py`` as a module of its own (they share the rest of the engine
found on ``PYTHONPATH``), compares one ``bench_hostile.py`` pair (or the two files
``--pair`` names) once, then calls each
version's ``check_quotes`` on the same documents and aligned pairs in turn, ``--runs``
times (caches warm, as after the alignment of a real comparison), with the cyclic collector
off as the command line has it. For each call it takes CPU times, not wall time: the
parent's over the whole call, and for each fork-join how long a child's CPU time (its
range, encoding and pickling its result) outlasts the parent's own range. Their sum models
the call's wall time on an idle machine with a core per process, the serial gaps included;
CPU time varies far less than wall time when other work shares the cores. Prints per
version the medians of that model, of the parent's CPU time and of the children's, and
whether its result equals the first version's.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import pickle
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_hostile

from diffreader.engine import align_pair, parallel
from diffreader.engine.load import documents_from_texts


def _load(path: str, number: int) -> ModuleType:
    """The ``quotes.py`` at ``path`` as a module of its own."""
    spec = importlib.util.spec_from_file_location(f"diffreader.engine.quotes_ab{number}", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


class _Timing:
    """Wraps ``parallel.fork_map`` to record, for each fork-join, the parent's CPU time on
    its own range and each child's CPU time up to its pickled result."""

    def __init__(self) -> None:
        self.joins: list[tuple[float, list[float]]] = []
        self._read, self._write = os.pipe()
        os.set_blocking(self._read, False)
        self._fork_map = parallel.fork_map
        parallel.fork_map = self._timed  # type: ignore[assignment]

    def _timed(
        self,
        task: Callable[[int, int], Any],
        bounds: list[int],
        encode: Callable[[Any], object] = parallel._same,
        decode: Callable[[Any], Any] = parallel._same,
    ) -> list[Any]:
        parent = os.getpid()
        own: list[float] = []

        def ranged(lo: int, hi: int) -> Any:
            start = time.process_time()
            result = task(lo, hi)
            if os.getpid() == parent:
                own.append(time.process_time() - start)
            return result

        def encoded(result: Any) -> object:
            plain = encode(result)
            pickle.dumps(plain, protocol=pickle.HIGHEST_PROTOCOL)  # as the child sends it
            # A forked child's CPU clock starts at zero: this is all the child's work.
            os.write(self._write, f"{time.process_time()}\n".encode())
            return plain

        results = self._fork_map(ranged, bounds, encoded, decode)
        self.joins.append((sum(own), self._children()))
        return results

    def _children(self) -> list[float]:
        data = b""
        try:
            while chunk := os.read(self._read, 4096):
                data += chunk
        except BlockingIOError:
            pass
        return [float(x) for x in data.split()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("versions", nargs="+", help="paths of quotes.py versions")
    parser.add_argument("--class", dest="kind", default="quotes", choices=bench_hostile.CLASSES)
    parser.add_argument("--size", type=float, default=1.0, help="MB of original")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pair", nargs=2, metavar=("A", "B"), help="two files instead")
    args = parser.parse_args(argv)
    modules = [_load(path, number) for number, path in enumerate(args.versions)]
    if args.pair:
        a, b = (Path(name).read_text(encoding="utf-8") for name in args.pair)
        args.kind = " / ".join(args.pair)
    else:
        size = int(args.size * 1_000_000)
        a, b = bench_hostile.CLASSES[args.kind](size, random.Random(args.seed))
    doc_a, doc_b = documents_from_texts([a, b])
    pairs = list(align_pair(doc_a, doc_b).pairs)
    timing = _Timing()
    gc.disable()
    figures: dict[str, list[tuple[float, float, float]]] = {p: [] for p in args.versions}
    results: dict[str, object] = {}
    for _ in range(args.runs):
        for path, module in zip(args.versions, modules, strict=True):
            timing.joins.clear()
            start = time.process_time()
            found = module.check_quotes(doc_a, doc_b, pairs)
            parent = time.process_time() - start
            waits = sum(max(0.0, max(kids, default=0.0) - own) for own, kids in timing.joins)
            children = sum(sum(kids) for _, kids in timing.joins)
            figures[path].append((parent + waits, parent, children))
            results.setdefault(path, found)
            gc.collect()
    mb = (len(a) + len(b)) / 2e6
    print(f"{args.kind} ({mb:.2f} MB a side), {args.runs} runs each, load {os.getloadavg()[0]:.1f}")
    print("| version | model (s) | parent CPU (s) | children CPU (s) | same result |")
    print("|---|---|---|---|---|")
    first = results[args.versions[0]]
    for path in args.versions:
        model, parent, children = (statistics.median(f[k] for f in figures[path]) for k in range(3))
        same = results[path] == first
        print(f"| {path} | {model:.3f} | {parent:.3f} | {children:.3f} | {same} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
