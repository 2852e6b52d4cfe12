"""Benchmark the reader's comparison of a long pair: in its worker thread or in a process.

For each generated pair, the time from opening the diff to its first frame (the aligned
diff of a long pair, painted before its claims) and to the full comparison (claims,
quotations and the review, handled by the screen), with the CPU time of the reader and
of every process it started, and peak memory (the reader's, and the largest of its
children's). Two ways, alternated run by run (the machine is shared: a slow spell then
hits both alike):

- ``thread``: the comparison in the reader's worker thread, as before ``engine/remote.py``
  (``REMOTE_MIN_CHARS`` set out of reach): one core, since a threaded process never forks;
- ``process``: as the reader now does it, in a separate process that forks (above
  ``REMOTE_MIN_CHARS``).

Two ways of opening: ``open`` is ``diffreader A B`` (the paths, loaded in the child), and
``enter`` is Enter on the corpus screen with A and B marked (loaded by the corpus screen,
then handed to the diff screen as documents). Each measurement is a fresh process running
the app headless at 120x40 (Pilot); the table gives medians.

Pairs: ``figures`` (``bench_hostile.CLASSES['figures']``: figure-dense, most figures
changed) and ``news`` (``bench_engine.make_pair``: a news-like article and a rewrite), at
``--sizes`` MB of original each.

Usage:
    python benchmarks/bench_reader_compare.py [--sizes 1] [--kinds figures news]
        [--runs 3] [--how open enter] [--ways thread process]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def make_files(folder: Path, kind: str, megabytes: float, seed: int = 7) -> tuple[Path, Path]:
    """Write the pair of ``kind`` at ``megabytes`` MB into ``folder``."""
    import bench_engine
    import bench_hostile

    if kind == "figures":
        a, b = bench_hostile.CLASSES["figures"](int(megabytes * 1_000_000), random.Random(seed))
    else:
        a, b = bench_engine.make_pair(megabytes, seed)
    a_path, b_path = folder / f"{kind}_a.txt", folder / f"{kind}_b.txt"
    a_path.write_text(a, encoding="utf-8")
    b_path.write_text(b, encoding="utf-8")
    return a_path, b_path


async def _measure(a: Path, b: Path, way: str, how: str) -> dict[str, float]:
    """One opening of the pair in this process (a fresh one: see ``main``)."""
    from diffreader.tui import app as app_module
    from diffreader.tui.screens import diff
    from diffreader.tui.screens.corpus import CorpusScreen
    from diffreader.tui.widgets.aligned_view import AlignedView

    if way == "thread":
        diff.REMOTE_MIN_CHARS = 1 << 62
    marks: dict[str, float] = {}
    render_line = AlignedView.render_line
    on_mount = diff.DiffScreen.on_mount

    def painted(self: AlignedView, y: int):  # type: ignore[no-untyped-def]
        if self.model is not None and "first" not in marks:
            marks["first"] = time.perf_counter()
        return render_line(self, y)

    def mounted(self: diff.DiffScreen) -> None:
        marks.setdefault("start", time.perf_counter())
        on_mount(self)

    AlignedView.render_line = painted  # type: ignore[method-assign]
    diff.DiffScreen.on_mount = mounted  # type: ignore[method-assign]
    if how == "open":
        app = app_module.make_app(pair=(a, b))
    else:
        app = app_module.make_app(corpus=a.parent)
    async with app.run_test(size=(120, 40)) as pilot:
        if how == "enter":
            while not (isinstance(app.screen, CorpusScreen) and not app.screen.loading):
                await asyncio.sleep(0.01)
            screen = app.screen
            screen.mark_a, screen.mark_b = str(a), str(b)
            await pilot.pause()
            await app.workers.wait_for_complete()
            marks["start"] = time.perf_counter()
            await pilot.press("enter")
        # The full comparison is shown once the screen has handled it (its review is set).
        while not (isinstance(app.screen, diff.DiffScreen) and app.screen.session is not None):
            await asyncio.sleep(0.01)
        marks["full"] = time.perf_counter()
        while "first" not in marks:  # a short pair is painted once, after its review
            await asyncio.sleep(0.005)
    start = marks["start"]
    me = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "first": marks["first"] - start,
        "full": marks["full"] - start,
        "cpu": me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime,
        "rss_mb": me.ru_maxrss / 1024,
        "child_rss_mb": children.ru_maxrss / 1024,
    }


def _child(argv: list[str]) -> int:
    a, b, way, how = argv
    print(json.dumps(asyncio.run(_measure(Path(a), Path(b), way, how))))
    return 0


def main(argv: list[str] | None = None) -> int:
    args_in = sys.argv[1:] if argv is None else argv
    if args_in[:1] == ["--child"]:
        return _child(args_in[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1.0])
    parser.add_argument(
        "--kinds", nargs="+", choices=["figures", "news"], default=["figures", "news"]
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--how", nargs="+", choices=["open", "enter"], default=["open"])
    parser.add_argument(
        "--ways", nargs="+", choices=["thread", "process"], default=["thread", "process"]
    )
    args = parser.parse_args(args_in)
    results: dict[tuple[str, float, str, str], list[dict[str, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        pairs = {}
        for kind in args.kinds:
            for size in args.sizes:
                folder = Path(tmp) / f"{kind}-{size}"
                folder.mkdir()
                pairs[kind, size] = make_files(folder, kind, size)
        for run in range(args.runs):
            for (kind, size), (a, b) in pairs.items():
                for how in args.how:
                    # Alternate the order too, so neither way always runs first.
                    ways = args.ways if run % 2 == 0 else list(reversed(args.ways))
                    for way in ways:
                        done = subprocess.run(
                            [sys.executable, __file__, "--child", str(a), str(b), way, how],
                            capture_output=True,
                            text=True,
                            check=False,
                            timeout=900,
                        )
                        if done.returncode != 0:
                            print(done.stderr, file=sys.stderr)
                            return 1
                        figures = json.loads(done.stdout.strip().splitlines()[-1])
                        results.setdefault((kind, size, how, way), []).append(figures)
                        print(
                            f"  run {run + 1} {kind} {size} MB {how} {way}: {figures}",
                            file=sys.stderr,
                        )
    header = ("pair", "open", "way", "first frame", "full", "CPU", "RSS", "child RSS")
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for (kind, size, how, way), runs in results.items():

        def median(key: str, runs: list[dict[str, float]] = runs) -> float:
            return statistics.median(r[key] for r in runs)

        print(
            f"{kind} {size:g} MB | {how} | {way} | {median('first'):.2f} s | "
            f"{median('full'):.2f} s | {median('cpu'):.1f} s | {median('rss_mb'):.0f} MB | "
            f"{median('child_rss_mb'):.0f} MB"
        )
    print(f"\nmedians of {args.runs} runs; each a fresh process, the two ways alternated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
