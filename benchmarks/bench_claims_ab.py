"""Provides an A/B benchmark of the claims stage (``claims.find_claims``) between source trees.

Usage::

    python benchmarks/bench_claims_ab.py [--class figures] [--size 1] [--runs 5]
        [--instructions] OLD/src NEW/src ...

For each run, and each tree in turn (alternated, so that other work on a shared host
weighs on every tree alike), compares one ``bench_hostile.py`` pair in a fresh process of
that tree with ``DIFFREADER_JOBS=1`` (one process: the stage's whole work) and takes the
CPU time of ``find_claims`` alone. Prints each tree's median and the claims' digest (equal
digests: the trees find the same claims).

``--instructions`` counts the stage's instructions instead, once per tree, under
``valgrind --tool=callgrind`` (far steadier than time on a busy host, and slow: a 0.25 MB
pair takes minutes). The stage runs inside ``functools.reduce``, and callgrind collects
only inside that C function (``--toggle-collect``), so the count is the stage's alone.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

_HERE = Path(__file__).resolve().parent

_CHILD = """
import functools, hashlib, importlib, random, sys, time
sys.path.insert(0, {here!r})
import bench_hostile
compare = importlib.import_module("diffreader.engine.compare")
from diffreader.engine.load import document_from_text
a, b = bench_hostile.CLASSES[{cls!r}]({size}, random.Random(7))
find_claims, spent = compare.find_claims, []
def timed(*args, **kwargs):
    start = time.process_time()
    # Inside ``reduce``: callgrind's --toggle-collect=functools_reduce counts this alone.
    found = functools.reduce(lambda _, __: find_claims(*args, **kwargs), [0], None)
    spent.append(time.process_time() - start)
    return found
compare.find_claims = timed
result = compare.compare(document_from_text(a), document_from_text(b))
digest = hashlib.sha256(repr(result.claims).encode()).hexdigest()[:12]
print(sum(spent), len(result.claims), digest)
"""


def _run(src: str, cls: str, size: int, instructions: bool) -> tuple[float, str]:
    """(CPU seconds or instructions of the stage, "claims digest") in a fresh process."""
    code = _CHILD.format(here=str(_HERE), cls=cls, size=size)
    env = {**os.environ, "PYTHONPATH": src, "DIFFREADER_JOBS": "1"}
    command = [sys.executable, "-c", code]
    with tempfile.TemporaryDirectory() as tmp:
        if instructions:
            out = os.path.join(tmp, "callgrind.out")
            command = [
                "valgrind",
                "--tool=callgrind",
                "--toggle-collect=functools_reduce",
                f"--callgrind-out-file={out}",
                *command,
            ]
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        seconds, count, digest = done.stdout.split()
        if not instructions:
            return float(seconds), f"{count} claims {digest}"
        collected = re.search(r"Collected : (\d+)", done.stderr)
        if collected is None:
            raise SystemExit(f"callgrind gave no count for {src}")
        return float(collected.group(1)), f"{count} claims {digest}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("trees", nargs="+", help="source directories (each one's src/)")
    parser.add_argument("--class", dest="cls", default="figures")
    parser.add_argument("--size", type=float, default=1.0, help="MB (default 1)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--instructions", action="store_true")
    args = parser.parse_args(argv)
    size = int(args.size * 1_000_000)
    runs = 1 if args.instructions else args.runs
    found: dict[str, list[float]] = {tree: [] for tree in args.trees}
    digests: dict[str, str] = {}
    for _ in range(runs):
        for tree in args.trees:
            value, digests[tree] = _run(tree, args.cls, size, args.instructions)
            found[tree].append(value)
    unit = "instructions" if args.instructions else "s CPU (median)"
    first = statistics.median(found[args.trees[0]])
    for tree in args.trees:
        median = statistics.median(found[tree])
        change = f"{(median - first) / first:+.1%}" if first else ""
        shown = f"{median:,.0f}" if args.instructions else f"{median:.3f}"
        print(f"{args.cls} {args.size} MB  {tree}: {shown} {unit} {change}  {digests[tree]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
