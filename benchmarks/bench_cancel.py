"""Provides the cancelled-indexing benchmark: how long an index update takes to stop.

Usage::

    python benchmarks/bench_cancel.py [--files 160] [--long-every 8] [--long-mb 2] [--runs 3]

A folder is generated (``bench_engine.py``'s articles, fixed seed): ``--files`` articles of
about 3 KB, every ``--long-every``-th of them ``--long-mb`` MB instead (a folder of long
articles, read by the corpus index's process pool in chunks of 32 files). Each run, in a
fresh process, indexes it into a new data folder and stops the update at its third file
read, as the reader does when the user quits while its folder is being indexed; the
figure is the time from the stop (the progress callback raising) to ``update`` returning,
the median of ``--runs``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_engine import _join, make_original

_RUN = """
import sys, tempfile, time
from diffreader.storage.corpus_index import CorpusIndex

class Stop(Exception):
    pass

def main():
    stopped = []
    def progress(done, total):
        if done >= 3 and not stopped:
            stopped.append(time.perf_counter())
            raise Stop
    try:
        CorpusIndex(sys.argv[1], tempfile.mkdtemp()).update(progress)
    except Stop:
        print(time.perf_counter() - stopped[0])

if __name__ == "__main__":
    main()
"""


def make_folder(folder: Path, files: int, long_every: int, long_mb: float) -> None:
    """The articles to index (see the module's docstring)."""
    rng = random.Random(3)
    for i in range(files):
        size = int(long_mb * 1_000_000) if i % long_every == 0 else 3000
        (folder / f"{i:04d}.txt").write_text(_join(make_original(size, rng)), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=160)
    parser.add_argument("--long-every", type=int, default=8)
    parser.add_argument("--long-mb", type=float, default=2.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "articles"
        folder.mkdir()
        make_folder(folder, args.files, args.long_every, args.long_mb)
        script = Path(work) / "run.py"
        script.write_text(_RUN, encoding="utf-8")
        times = []
        for _ in range(args.runs):
            done = subprocess.run(
                [sys.executable, str(script), str(folder)],
                capture_output=True,
                text=True,
                check=True,
            )
            times.append(float(done.stdout))
    shown = [round(t, 2) for t in times]
    print(f"stop to return, s: {shown}; median {statistics.median(times):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
