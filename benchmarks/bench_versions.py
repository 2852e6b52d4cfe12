"""Provides the multi-version benchmark: ``diffreader ORIGINAL V1 … VN`` end to end.

Usage::

    python benchmarks/bench_versions.py [--runs 9] [--versions 10]

Three measurements, each the median of ``--runs`` after one warm-up:

1. the whole process (interpreter start, imports, loading, N comparisons, grouping,
   printing JSON) on the demo original (about 2.3 KB) and N versions made from the demo's
   three rewrites by deterministic edits (paragraphs reordered, one dropped, a figure
   changed, three paragraphs of another rewrite added: about 3 KB each), written to a
   temporary folder; beside it, the demo pair (``diffreader A B``) as a calibration, since
   a shared machine's speed drifts;
2. ``collate`` alone, in process, on the sample corpus 000 against 001 002 003 (when
   ``../shared/corpus/sample`` is beside the repository);
3. peak memory of ``collate`` (tracemalloc) for 2, 5, 10 and 20 versions: it should grow
   linearly in N.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "diffreader" / "demo"
SAMPLE = ROOT.parent / "shared" / "corpus" / "sample"
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def make_versions(count: int, seed: int = 14) -> list[str]:
    """``count`` versions of the demo story: each a demo rewrite, edited deterministically."""
    rng = random.Random(seed)
    rewrites = [
        (DEMO / name).read_text(encoding="utf-8")
        for name in (
            "01_rewrite_syndicated.txt",
            "02_rewrite_contentfarm.txt",
            "03_rewrite_update.txt",
        )
    ]
    versions = []
    for i in range(count):
        paragraphs = [p for p in rewrites[i % 3].split("\n\n") if p.strip()]
        head, body = paragraphs[:1], paragraphs[1:]
        donor = [p for p in rewrites[(i + 1) % 3].split("\n\n") if p.strip()][1:]
        if i >= 3:
            rng.shuffle(body)
            if len(body) > 4:
                body.pop(rng.randrange(len(body)))
            body = [p.replace("4,300", f"{4300 + 100 * i:,}", 1) for p in body]
        # Three paragraphs of another rewrite: about 3 KB, and material versions share.
        for paragraph in rng.sample(donor, 3):
            body.insert(rng.randrange(len(body) + 1), paragraph)
        versions.append("\n\n".join(head + body) + "\n")
    return versions


def median_seconds(run, runs: int) -> float:  # type: ignore[no-untyped-def]
    run()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--versions", type=int, default=10)
    args = parser.parse_args(argv)

    from diffreader.engine import compare, load_document
    from diffreader.versions import collate

    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for i, text in enumerate(make_versions(args.versions)):
            path = Path(folder) / f"v{i + 1:02d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        command = [sys.executable, "-m", "diffreader", str(DEMO / "00_original.txt"), *paths]
        command += ["--format", "json"]

        def whole() -> None:
            done = subprocess.run(command, capture_output=True, check=False, env=ENV)
            if done.returncode not in (0, 1):
                raise SystemExit(f"failed ({done.returncode}): {done.stderr.decode()}")

        pair = [sys.executable, "-m", "diffreader", str(DEMO / "00_original.txt"), paths[0]]
        pair += ["--format", "json"]

        def one_pair() -> None:
            subprocess.run(pair, capture_output=True, check=False, env=ENV)

        size = sum(Path(p).stat().st_size for p in paths) / len(paths)
        seconds = median_seconds(whole, args.runs)
        calibration = median_seconds(one_pair, args.runs)
        print(
            f"whole process, original + {args.versions} versions (~{size / 1000:.1f} KB each): "
            f"median {seconds:.3f} s over {args.runs} runs "
            f"(one pair, same machine, same minutes: {calibration:.3f} s)"
        )

        original = load_document(DEMO / "00_original.txt")
        docs = [load_document(p) for p in paths]
        collate(original, docs[:2])  # warm the engine's caches: they are not per version
        for n in (2, 5, 10, 20):
            chosen = [docs[i % len(docs)] for i in range(n)]
            tracemalloc.start()
            collate(original, chosen)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(f"collate, {n:>2} versions: peak {peak / 1e6:.1f} MB (tracemalloc)")

    if SAMPLE.is_dir():
        sample = [
            load_document(next(SAMPLE.glob(f"{p}_*.txt"))) for p in ("000", "001", "002", "003")
        ]
        seconds = median_seconds(lambda: collate(sample[0], sample[1:]), args.runs)
        pairs = median_seconds(lambda: [compare(sample[0], v) for v in sample[1:]], args.runs)
        print(
            f"collate, sample 000 against 001 002 003: median {seconds:.3f} s "
            f"(the three pairwise comparisons alone: {pairs:.3f} s)"
        )
    else:
        print("sample corpus not beside the repository: skipped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
