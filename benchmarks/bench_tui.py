"""Benchmark the terminal reader; prints a table of medians.

Measures (targets from issue 3):
    start -> first frame of the corpus screen     whole process, headless   <= 0.6 s
    Enter -> diff painted, sample pair            in process (Pilot)        <= 0.3 s
    Enter -> diff painted, 10,000-sentence pair   in process (Pilot)        <= 2 s
    scroll step on the 10,000-sentence pair       render of the viewport    <= 50 ms

"Painted" means the aligned view has rendered its first line of the new comparison.
Headless: the time the terminal itself takes to draw is not included (Textual writes one
frame of at most 120x40 cells). The sample pair is ``../shared/corpus/sample`` 000 vs 003
when it exists, else the demo corpus 00 vs 03. The big pair is generated (seeded).

Usage:
    python benchmarks/bench_tui.py [--runs 7] [--big-runs 3] [--sentences 10000]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "corpus" / "sample"
DEMO = ROOT / "src" / "diffreader" / "demo"

_STARTUP_CHILD = """
import sys, time
t0 = float(sys.argv[1])
from pathlib import Path
from diffreader.tui.app import make_app
from diffreader.tui.screens.corpus import CorpusScreen
app = make_app(corpus=Path(sys.argv[2]))
_mount = CorpusScreen.on_mount
def on_mount(self):
    _mount(self)
    def done():
        print(f"{time.time() - t0:.4f}", flush=True)
        app.exit()
    self.call_after_refresh(done)
CorpusScreen.on_mount = on_mount
app.run(headless=True, size=(120, 40))
"""


def bench_startup(folder: Path, runs: int) -> list[float]:
    """Whole process: interpreter start, imports, app, first refresh of the corpus screen."""
    times = []
    for _ in range(runs):
        t0 = time.time()
        out = subprocess.run(
            [sys.executable, "-c", _STARTUP_CHILD, repr(t0), str(folder)],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return times


def make_big_pair(folder: Path, sentences: int) -> None:
    """Two ~1 MB articles: the rewrite rewords 5%, drops 2% and adds 2% of sentences."""
    rng = random.Random(7)
    vocab = (
        "council bridge harbour mayor engineers repairs ferry market shops visitors quay "
        "parking spring budget report storm surge steel supports inspection traffic vehicles "
        "estuary town county fishing fleet channel minutes trip boats metres river"
    ).split()
    names = ["Ines Varga", "Martin Reyes", "Helen Sørensen", "Amara Lind", "Saltmere"]

    def sentence(i: int) -> str:
        words = [rng.choice(vocab) for _ in range(rng.randint(8, 24))]
        words[0] = words[0].capitalize()
        if i % 7 == 0:
            words.insert(3, rng.choice(names))
        if i % 5 == 0:
            words.insert(5, str(rng.randint(2, 9000)))
        return " ".join(words) + "."

    a = [sentence(i) for i in range(sentences)]
    b = []
    for i, s in enumerate(a):
        r = rng.random()
        if r < 0.02:
            continue
        if r < 0.07:
            words = s.split()
            words[rng.randrange(len(words))] = rng.choice(vocab)
            s = " ".join(words)
        b.append(s)
        if rng.random() < 0.02:
            b.append(sentence(i + 10**6))

    def paragraphs(items: list[str]) -> str:
        return "\n\n".join(" ".join(items[k : k + 4]) for k in range(0, len(items), 4))

    (folder / "big_a.txt").write_text("Big original\n\n" + paragraphs(a), encoding="utf-8")
    (folder / "big_b.txt").write_text("Big rewrite\n\n" + paragraphs(b), encoding="utf-8")


async def _enter_to_diff(folder: Path, names: tuple[str, str], scroll: bool) -> dict[str, object]:
    from diffreader.tui.app import make_app
    from diffreader.tui.screens.corpus import CorpusScreen
    from diffreader.tui.screens.diff import DiffScreen
    from diffreader.tui.widgets.aligned_view import AlignedView

    painted: list[float] = []
    original = AlignedView.render_line

    def render_line(self: AlignedView, y: int):  # type: ignore[no-untyped-def]
        if self.model is not None and not painted:
            painted.append(time.perf_counter())
        return original(self, y)

    AlignedView.render_line = render_line  # type: ignore[method-assign]
    result: dict[str, object] = {}
    try:
        app = make_app(corpus=folder)
        async with app.run_test(size=(120, 40)) as pilot:
            while not (isinstance(app.screen, CorpusScreen) and not app.screen.loading):
                await asyncio.sleep(0.01)
            screen = app.screen
            screen.mark_a = str(folder / names[0])
            screen.mark_b = str(folder / names[1])
            await pilot.pause()
            await app.workers.wait_for_complete()
            started = time.perf_counter()
            await pilot.press("enter")
            while not painted:
                await asyncio.sleep(0.001)
            result["enter"] = painted[0] - started
            diff = app.screen
            assert isinstance(diff, DiffScreen)
            result["worker"] = diff.last_seconds
            # A long pair is painted aligned first; its claims and quotations follow.
            while diff.session is None:
                await asyncio.sleep(0.001)
            result["annotated"] = time.perf_counter() - started
            if scroll:
                result.update(await _scroll_steps(pilot, diff.view))
    finally:
        AlignedView.render_line = original  # type: ignore[method-assign]
    return result


async def _scroll_steps(pilot, view) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Per step: move the viewport, then render every visible line (what a frame costs)."""
    height = view.size.height

    def frame() -> None:
        for y in range(height):
            view.render_line(y)

    wheel, page = [], []
    view.scroll_to(y=view.max_scroll_y // 3, animate=False, immediate=True)
    frame()
    for _ in range(40):  # a wheel notch scrolls three lines
        started = time.perf_counter()
        view.scroll_to(y=view.scroll_y + 3, animate=False, immediate=True)
        frame()
        wheel.append(time.perf_counter() - started)
    for _ in range(40):  # a page: every line on screen is new (no cache hits)
        started = time.perf_counter()
        view.scroll_to(y=view.scroll_y + height, animate=False, immediate=True)
        frame()
        page.append(time.perf_counter() - started)
    cursor = []
    for _ in range(40):  # j: move the cursor one row (and scroll if needed), then a frame
        started = time.perf_counter()
        view.action_cursor_down()
        frame()
        cursor.append(time.perf_counter() - started)
    keys = []
    for _ in range(20):  # end to end through the event loop (includes Pilot overhead)
        started = time.perf_counter()
        await pilot.press("j")
        keys.append(time.perf_counter() - started)
    return {"wheel": wheel, "page": page, "cursor": cursor, "keys": keys}


def _median(values: list[float]) -> float:
    return statistics.median(values)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--big-runs", type=int, default=3)
    parser.add_argument("--sentences", type=int, default=10_000)
    args = parser.parse_args(argv)

    rows: list[tuple[str, str, str, str]] = []
    startup = bench_startup(DEMO, args.runs)
    rows.append(
        (
            "start -> corpus first frame (demo)",
            f"{_median(startup):.3f} s",
            "<= 0.6 s",
            f"{args.runs} runs, whole process",
        )
    )

    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small"
        small.mkdir()
        if SAMPLE.is_dir():
            source = sorted(SAMPLE.glob("*.txt"))
            pair_label = "sample 000 vs 003"
            picks = [source[0], source[3]]
        else:
            source = sorted(DEMO.glob("*.txt"))
            pair_label = "demo 00 vs 03"
            picks = [source[0], source[3]]
        for n, path in enumerate(picks):
            shutil.copy(path, small / f"{n}_{path.name}")
        names = (f"0_{picks[0].name}", f"1_{picks[1].name}")
        small_runs = [asyncio.run(_enter_to_diff(small, names, False)) for _ in range(args.runs)]
        enter = [float(r["enter"]) for r in small_runs]
        worker = [float(r["worker"]) for r in small_runs]
        rows.append(
            (
                f"Enter -> diff painted ({pair_label})",
                f"{_median(enter):.3f} s",
                "<= 0.3 s",
                f"compare+model {_median(worker):.3f} s",
            )
        )

        big = Path(tmp) / "big"
        big.mkdir()
        make_big_pair(big, args.sentences)
        big_runs = [
            asyncio.run(_enter_to_diff(big, ("big_a.txt", "big_b.txt"), n == 0))
            for n in range(args.big_runs)
        ]
        enter = [float(r["enter"]) for r in big_runs]
        worker = [float(r["worker"]) for r in big_runs]
        reader = [e - w for e, w in zip(enter, worker, strict=True)]
        rows.append(
            (
                f"Enter -> diff painted ({args.sentences:,} sentences)",
                f"{_median(enter):.3f} s",
                "<= 2 s",
                f"compare+model {_median(worker):.2f} s, reader {_median(reader):.3f} s",
            )
        )
        annotated = [float(r["annotated"]) for r in big_runs]
        rows.append(
            (
                f"Enter -> claims shown ({args.sentences:,} sentences)",
                f"{_median(annotated):.3f} s",
                "",
                "claims and quotation checks layered on the painted diff",
            )
        )
        scroll = big_runs[0]
        rows.append(
            (
                "scroll step, big pair (wheel, 3 lines)",
                f"{_median(scroll['wheel']) * 1000:.2f} ms",
                "<= 50 ms",
                "40 steps",
            )
        )
        rows.append(
            (
                "scroll step, big pair (page, all new)",
                f"{_median(scroll['page']) * 1000:.2f} ms",
                "<= 50 ms",
                "40 steps",
            )
        )
        rows.append(
            (
                "cursor step (j), big pair",
                f"{_median(scroll['cursor']) * 1000:.2f} ms",
                "<= 50 ms",
                "40 steps",
            )
        )
        rows.append(
            (
                "key j through Pilot",
                f"{_median(scroll['keys']) * 1000:.2f} ms",
                "",
                "20 presses, includes Pilot's wait for idle",
            )
        )

    widths = [
        max(len(r[i]) for r in [("metric", "median", "target", "notes"), *rows]) for i in range(4)
    ]
    header = ("metric", "median", "target", "notes")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
