"""Provides the corpus-index benchmark: index cold and warm, ``find`` warm, ``stories``.

Usage::

    python benchmarks/bench_archive.py [--sizes 1000 10000] [--runs 3] [--keep DIR]
    python benchmarks/bench_archive.py --reader [--sizes 10000] [--runs 3] [--keep DIR]

For each size, a corpus is generated (``make_corpus.py``, fixed seed; the sample corpus
is added when ``../shared/corpus/sample`` exists) and each measurement runs in a fresh
subprocess (``diffreader.storage.corpus_index`` directly, as the commands do):

- cold: a new index, every file read (a process pool on the usable cores);
- warm: the same index reopened, nothing changed (scan, stat, compare with the index);
- find: ``find`` of 20 articles (the sample's original first) on the warm index, median;
- stories: cold (every verdict computed, once) and warm (verdicts from the index's cache).

With ``--reader``, the terminal reader is measured on the same corpora instead (a fresh
process per run, headless through Textual's Pilot at 120x40, a new data dir for a cold run,
the same one again for a warm run): start to the corpus screen's first frame, to every file
listed (the table holds a row per file), to the index complete (cold: every file read by
the pool; warm: the index reused), a page-down step of the list once everything is listed
(the key press to its frame), and the reader's peak memory (its own process; the index
pool's workers are separate processes, counted apart).

Each figure is the median of ``--runs``; memory is the peak resident set of the process
(``ru_maxrss``: the largest of the process and its pool workers, each counted alone);
``cold CPU s`` is the CPU time of the process and its workers, which, unlike wall time,
does not grow when other programs share the machine (on 2 idle cores, wall time is about
half of it).
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
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "corpus" / "sample"

CHILD = textwrap.dedent(
    """
    import json, resource, sys, time
    from pathlib import Path
    from diffreader.storage.corpus_index import CorpusIndex

    def main():
        mode, folder, db = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
        start = time.perf_counter()
        out = {}
        with CorpusIndex(folder, path=db) as index:
            summary = index.update()
            out["update"] = time.perf_counter() - start
            out["read"] = summary.added + summary.changed
            if mode == "find":
                names = sorted(p.name for p in folder.glob("000_*.txt"))
                names += [e.name for e in index.entries()][:: max(1, len(index.entries()) // 19)]
                times = []
                for name in names[:20]:
                    t = time.perf_counter()
                    index.find(folder / name)
                    times.append(time.perf_counter() - t)
                out["find"] = sorted(times)[len(times) // 2]
                out["find_max"] = max(times)
            if mode == "stories":
                t = time.perf_counter()
                stories = index.stories()
                out["stories"] = time.perf_counter() - t
                out["with_rewrites"] = sum(1 for s in stories if s.members)
        me = resource.getrusage(resource.RUSAGE_SELF)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        out["cpu_s"] = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
        self_rss, child_rss = me.ru_maxrss, kids.ru_maxrss
        out["rss_mb"] = max(self_rss, child_rss) / 1024
        print(json.dumps(out))

    if __name__ == "__main__":
        main()
    """
)


READER_CHILD = textwrap.dedent(
    """
    import asyncio, json, resource, statistics, sys, time
    from pathlib import Path

    t0 = float(sys.argv[1])
    folder = Path(sys.argv[2])
    from diffreader.tui.app import make_app
    from diffreader.tui.screens.corpus import CorpusScreen

    marks = {}
    mount = CorpusScreen.on_mount

    def on_mount(self):
        mount(self)
        self.call_after_refresh(lambda: marks.setdefault("first_frame", time.time() - t0))

    CorpusScreen.on_mount = on_mount

    async def main():
        app = make_app(corpus=folder)
        async with app.run_test(size=(120, 40)) as pilot:
            while not isinstance(app.screen, CorpusScreen):
                await asyncio.sleep(0.005)
            screen = app.screen
            table = screen.query_one("#articles")
            while screen.loading or table.row_count < len(screen.articles):
                await asyncio.sleep(0.005)
            marks["listed"] = time.time() - t0
            marks["rows"] = table.row_count
            while not screen.index_ready and screen.index_error is None:
                await asyncio.sleep(0.02)
            marks["indexed"] = time.time() - t0
            await pilot.pause()
            steps = []
            for _ in range(20):
                start = time.perf_counter()
                await pilot.press("pagedown")
                steps.append(time.perf_counter() - start)
            marks["page_step"] = statistics.median(steps)
        me = resource.getrusage(resource.RUSAGE_SELF)
        marks["rss_mb"] = me.ru_maxrss / 1024
        print(json.dumps(marks))

    if __name__ == "__main__":
        asyncio.run(main())
    """
)


def _reader(folder: Path, data: Path) -> dict[str, float]:
    import time

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "DIFFREADER_DATA_DIR": str(data)}
    t0 = time.time()
    result = subprocess.run(
        [sys.executable, "-c", READER_CHILD, repr(t0), str(folder)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=600,
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def bench_reader(size: int, runs: int, work: Path) -> dict[str, float]:
    folder = _corpus(size, work)
    cold: list[dict[str, float]] = []
    warm: list[dict[str, float]] = []
    for run in range(runs):
        data = work / f"reader-data-{size}-{run}"
        shutil.rmtree(data, ignore_errors=True)
        cold.append(_reader(folder, data))
        warm.append(_reader(folder, data))
        shutil.rmtree(data, ignore_errors=True)
    out: dict[str, float] = {"articles": size}
    for label, results in (("cold", cold), ("warm", warm)):
        for key in ("first_frame", "listed", "indexed", "page_step", "rss_mb"):
            out[f"{label}_{key}"] = _median([r[key] for r in results])
    return out


def _corpus(size: int, work: Path) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_corpus import generate

    folder = work / f"corpus-{size}"
    if not folder.is_dir():
        generate(folder, size - (5 if SAMPLE.is_dir() else 0), seed=5)
        if SAMPLE.is_dir():
            for path in SAMPLE.glob("*.txt"):
                shutil.copyfile(path, folder / path.name)
    return folder


def _run(mode: str, folder: Path, db: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(folder), str(db)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def _median(values: list[float]) -> float:
    return statistics.median(values)


def bench(size: int, runs: int, work: Path) -> dict[str, float]:
    folder = _corpus(size, work)
    cold_cpu: list[float] = []
    cold, cold_rss, warm, warm_rss, find, stories_cold, stories_warm = [], [], [], [], [], [], []
    for run in range(runs):
        db = work / f"index-{size}-{run}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        first = _run("index", folder, db)
        cold.append(first["update"])
        cold_cpu.append(first["cpu_s"])
        cold_rss.append(first["rss_mb"])
        second = _run("find", folder, db)
        warm.append(second["update"])
        warm_rss.append(second["rss_mb"])
        find.append(second["find"])
        if run == 0:
            # Verdicts are cached in the index: the first run computes them, later ones
            # (on the same index) read them.
            stories_db = db
            third = _run("stories", folder, stories_db)
            stories_cold.append(third["stories"])
        else:
            Path(db).unlink(missing_ok=True)
        fourth = _run("stories", folder, stories_db)
        stories_warm.append(fourth["stories"])
    return {
        "articles": size,
        "cold_s": _median(cold),
        "cold_rss_mb": _median(cold_rss),
        "cold_cpu_s": _median(cold_cpu),
        "warm_s": _median(warm),
        "warm_rss_mb": _median(warm_rss),
        "find_s": _median(find),
        "stories_cold_s": _median(stories_cold),
        "stories_warm_s": _median(stories_warm),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="generate corpora here and keep them")
    parser.add_argument(
        "--reader", action="store_true", help="measure the terminal reader's corpus screen"
    )
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-archive-"))
    work.mkdir(parents=True, exist_ok=True)
    if args.reader:
        try:
            print(
                f"{'articles':>8} {'run':>5} {'frame s':>8} {'listed s':>9} {'indexed s':>10}"
                f" {'page ms':>8} {'MB':>5}"
            )
            for size in args.sizes:
                r = bench_reader(size, args.runs, work)
                for label in ("cold", "warm"):
                    print(
                        f"{size:>8,} {label:>5} {r[f'{label}_first_frame']:>8.2f}"
                        f" {r[f'{label}_listed']:>9.2f} {r[f'{label}_indexed']:>10.2f}"
                        f" {r[f'{label}_page_step'] * 1000:>8.1f} {r[f'{label}_rss_mb']:>5.0f}",
                        flush=True,
                    )
        finally:
            if args.keep is None:
                shutil.rmtree(work, ignore_errors=True)
        return 0
    try:
        print(
            f"{'articles':>8} {'cold s':>7} {'cold CPU s':>10} {'cold MB':>8}"
            f" {'warm s':>7} {'warm MB':>8}"
            f" {'find s':>7} {'stories cold s':>15} {'stories warm s':>15}"
        )
        for size in args.sizes:
            r = bench(size, args.runs, work)
            print(
                f"{size:>8,} {r['cold_s']:>7.2f} {r['cold_cpu_s']:>10.1f}"
                f" {r['cold_rss_mb']:>8.0f} {r['warm_s']:>7.2f}"
                f" {r['warm_rss_mb']:>8.0f} {r['find_s']:>7.3f} {r['stories_cold_s']:>15.1f}"
                f" {r['stories_warm_s']:>15.2f}",
                flush=True,
            )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
