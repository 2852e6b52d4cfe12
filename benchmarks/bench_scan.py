"""Provides the scan benchmark: articles per second per stage, local pool vs Dask.

Usage::

    python benchmarks/bench_scan.py [--sizes 1000 10000] [--runs 3] [--executors processes dask]
                                    [--jobs 2] [--keep DIR] [--corpus DIR ...] [--src SRC]

For each size a corpus is generated (``make_corpus.py``, fixed seed), or each ``--corpus``
folder is taken as it is, and each run scans it from scratch into a new results folder,
in a fresh subprocess (``diffreader scan``'s own ``run_scan``, from ``--src``: by default
this tree's ``src``, or another checkout's to compare two versions), with one executor:

- ``inprocess``: every task here (``--jobs 1``);
- ``processes``: a local process pool of ``--jobs`` workers (the default);
- ``dask``: a Dask LocalCluster of ``--jobs`` worker processes (needs ``diffreader[dask]``);
  its start-up time is measured apart and not counted in the stages.

Per stage it prints the median over ``--runs`` of the seconds and of the rate: articles
per second for ``features`` and ``candidates`` (the whole corpus over the stage's time),
pairs per second for ``verify`` (and articles per second, the corpus over that time);
and the median wall time of the whole scan (``run_scan``, start-up excluded).
``--json`` prints the raw figures.

``--index-stats RESULTS`` prints what the arithmetic of ``docs/scale-out.md`` starts from,
read from a finished scan's results (counted over distinct texts, as the scan counts):
terms per article, distinct terms, postings kept (terms in 2 to ``max_df`` texts), pair
updates (the sum over those terms of ``df * (df - 1) / 2``: the pairs sharing a term, all
scored in Python until the candidates stage counted by text), fact updates (the same sum
over the kept names and figures: what the stage counts, in C), the pairs sharing
``MIN_FACTS`` of them (what the client scores), the candidates, the memory of the in-memory
index (``tracemalloc``) and the bytes per article and pair of each file.

Wall times depend on what else runs on the machine; ``cpu s`` (the process and its
workers; for Dask, the workers are not children of the measuring process and are left
out) does not.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

_RUN = r"""
import json, resource, sys, time
from pathlib import Path
from diffreader.scan.executors import make_executor
from diffreader.scan.progress import Silent
from diffreader.scan.run import run_scan

corpus, out, kind, jobs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
started = time.perf_counter()
if kind == "dask":
    executor = make_executor(jobs, "local")
elif kind == "inprocess":
    executor = make_executor(1)
else:
    executor = make_executor(jobs)
startup = time.perf_counter() - started
progress = Silent()
began = time.perf_counter()
try:
    summary = run_scan([corpus], out, executor, progress)
finally:
    executor.close()
wall = time.perf_counter() - began
usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
print(json.dumps({
    "startup": startup,
    "stages": {r.stage: {"seconds": r.seconds, "count": r.count} for r in progress.finished},
    "articles": summary.articles,
    "candidates": summary.candidates,
    "rewrites": summary.rewrites,
    "identical": getattr(summary, "identical", None),
    "wall": wall,
    "cpu": sum(u.ru_utime + u.ru_stime for u in usage),
    "peak_rss_mb": max(u.ru_maxrss for u in usage) / 1024,
    "results_mb": sum(p.stat().st_size for p in Path(out).iterdir()) / 2**20,
}))
"""


def _generate(folder: Path, count: int) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), str(folder),
         "--count", str(count), "--seed", "7"],
        check=True,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip


def _one(corpus: Path, work: Path, kind: str, jobs: int, src: Path) -> dict[str, Any]:
    out = work / f"results-{corpus.name}-{kind}"
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-c", _RUN, str(corpus), str(out), kind, str(jobs)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"bench_scan: the {kind} run failed:\n{done.stderr}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures  # the results stay until the next run (--index-stats reads them)


def _table(label: str, kind: str, runs: list[dict[str, Any]]) -> list[str]:
    def median(values: list[float]) -> float:
        return statistics.median(values)

    first = runs[0]
    size = first["articles"]
    copies = f" ({first['identical']:,} identical copies)" if first.get("identical") else ""
    walls = ", ".join(f"{r['wall']:.1f}" for r in runs)
    lines = [
        f"{label}: {size:,} articles{copies}, {kind}: {first['candidates']:,} candidate pairs, "
        f"{first['rewrites']:,} rewrites; wall {median([r['wall'] for r in runs]):.1f}s "
        f"({walls}); start-up {median([r['startup'] for r in runs]):.1f}s, "
        f"cpu {median([r['cpu'] for r in runs]):.0f}s, peak RSS "
        f"{median([r['peak_rss_mb'] for r in runs]):.0f} MB, results "
        f"{first['results_mb']:.1f} MB ({len(runs)} runs, medians)"
    ]
    for stage in ("features", "candidates", "verify"):
        seconds = median([r["stages"][stage]["seconds"] for r in runs])
        rate = size / seconds if seconds else 0.0
        text = f"  {stage:<10} {seconds:8.1f}s  {rate:10,.0f} articles/s"
        if stage == "verify":
            pairs = first["stages"]["verify"]["count"]
            text += f"  {pairs / seconds if seconds else 0:8,.1f} pairs/s"
        lines.append(text)
    return lines


def index_stats(results: Path) -> dict[str, float]:
    """The candidates stage's sizes for a finished scan (see the module docstring)."""
    import tracemalloc

    sys.path.insert(0, str(ROOT / "src"))
    from diffreader.corpus.rank import max_df
    from diffreader.scan import stages
    from diffreader.scan.results import read_jsonl
    from diffreader.scan.stages import postings

    articles = [r for r in read_jsonl(results / "articles.jsonl") if r.get("hash")]
    terms = {r["hash"]: r["terms"] for r in read_jsonl(results / "features.jsonl")}
    n = len(articles)
    texts = sorted({a["hash"] for a in articles})
    tracemalloc.start()
    index = postings([terms[text].keys() for text in texts])
    index_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    limit = max_df(len(texts))
    kept = [len(h) for h in index.values() if 2 <= len(h) <= limit]
    facts = [len(h) for t, h in index.items() if 2 <= len(h) <= limit and t[0] in "nf"]
    numbered = stages.kept_terms(index, len(texts), 1)
    with_facts = sum(len(stages.link_block(b)[0]) for b in stages.blocks(numbered))
    sizes = {p.name: p.stat().st_size for p in results.iterdir() if p.suffix == ".jsonl"}
    pairs = sum(1 for _ in read_jsonl(results / "pairs.jsonl"))
    comparisons = sum(1 for _ in read_jsonl(results / "comparisons.jsonl"))
    return {
        "articles": n,
        "texts": len(texts),
        "terms_per_article": sum(len(terms[a["hash"]]) for a in articles) / n,
        "distinct_terms": len(index),
        "postings": sum(len(h) for h in index.values()),
        "terms_kept": len(kept),
        "postings_kept": sum(kept),
        "pair_updates": sum(df * (df - 1) // 2 for df in kept),
        "fact_updates": sum(df * (df - 1) // 2 for df in facts),
        "pairs_with_facts": with_facts,
        "index_mb": index_bytes / 2**20,
        "candidates": sum(1 for _ in read_jsonl(results / "candidates.jsonl")),
        "verified": pairs,
        "features_bytes_per_article": sizes.get("features.jsonl", 0) / n,
        "articles_bytes_per_article": sizes.get("articles.jsonl", 0) / n,
        "comparison_bytes_per_pair": sizes.get("comparisons.jsonl", 0) / max(comparisons, 1),
        "pairs_bytes_per_pair": sizes.get("pairs.jsonl", 0) / max(pairs, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--executors", nargs="+", default=["processes", "dask"],
        choices=["inprocess", "processes", "dask"],
    )  # fmt: skip
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="keep the generated corpora in DIR")
    parser.add_argument(
        "--corpus", type=Path, nargs="+", metavar="DIR",
        help="scan these folders as they are (instead of generated --sizes)",
    )  # fmt: skip
    parser.add_argument(
        "--src", type=Path, default=ROOT / "src",
        help="the diffreader sources to run (default: this tree's src)",
    )  # fmt: skip
    parser.add_argument("--json", action="store_true", help="print the raw figures")
    parser.add_argument(
        "--index-stats", type=Path, metavar="RESULTS", help="print a finished scan's index sizes"
    )
    args = parser.parse_args(argv)
    if args.index_stats is not None:
        for key, value in index_stats(args.index_stats).items():
            print(f"{key:<28} {value:,.1f}")
        return 0
    base = args.keep or Path(tempfile.mkdtemp(prefix="bench-scan-"))
    report: dict[str, Any] = {}
    try:
        corpora: list[tuple[str, Path]] = [(str(c), c.resolve()) for c in args.corpus or []]
        for size in [] if args.corpus else args.sizes:
            corpus = base / f"corpus-{size}"
            if not corpus.is_dir():
                _generate(corpus, size)
            corpora.append((f"{size:,}", corpus))
        for label, corpus in corpora:
            for kind in args.executors:
                runs = [_one(corpus, base, kind, args.jobs, args.src) for _ in range(args.runs)]
                report[f"{label}/{kind}"] = runs
                print("\n".join(_table(label, kind, runs)), flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    if args.json:
        print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
