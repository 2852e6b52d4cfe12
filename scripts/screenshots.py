"""Render the README screenshots (SVG) from the demo corpus into ``screenshots/``.

    python scripts/screenshots.py [--out screenshots] [--size 120x40]

Writes diff.svg (side by side, a review under way: marks in the margin and the panel, a
note, the progress counter), unified.svg, help.svg and corpus.svg (A marked, similarities
ranked, the Review column showing that review's progress). Everything goes through
``make_app`` and Pilot, as the tests do (harlequin's export_screenshots.py); review marks
go to a temporary data directory, never the user's.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

from diffreader.tui.app import demo_corpus, make_app
from diffreader.tui.screens.corpus import CorpusScreen
from diffreader.tui.screens.diff import DiffScreen
from diffreader.tui.screens.help import HelpScreen

ROOT = Path(__file__).resolve().parents[1]


async def _until(pilot, predicate, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not get there")
        await pilot.pause(0.05)


async def shoot(out: Path, size: tuple[int, int], data: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    original = demo_corpus() / "00_original.txt"
    rewrite = demo_corpus() / "03_rewrite_update.txt"

    app = make_app(pair=(original, rewrite), data_dir=data)
    # Wider, so the two columns and the side panel fit side by side.
    wide = (max(size[0], 160), max(size[1], 45))
    async with app.run_test(size=wide) as pilot:
        await _until(
            pilot,
            lambda: isinstance(app.screen, DiffScreen) and app.screen.session is not None,
        )
        # A review under way: row 0's dropped date and its group accepted, row 1's dropped
        # date flagged with a note, then on to the next unreviewed items, panel open.
        await pilot.press("x", "r", "x", "r", "exclamation_mark")
        await pilot.press("e", *"the closure date matters: ask the council", "enter")
        await pilot.press("r", "r", "p")
        await pilot.pause(0.3)
        written.append(Path(app.save_screenshot("diff.svg", str(out))))
        await pilot.press("p", "u", "g")
        await pilot.pause(0.3)
        written.append(Path(app.save_screenshot("unified.svg", str(out))))
        await pilot.press("question_mark")
        await _until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.pause(0.3)
        written.append(Path(app.save_screenshot("help.svg", str(out))))

    app = make_app(data_dir=data)
    async with app.run_test(size=size) as pilot:
        await _until(pilot, lambda: isinstance(app.screen, CorpusScreen) and not app.screen.loading)
        corpus = app.screen
        assert isinstance(corpus, CorpusScreen)
        await _until(pilot, lambda: bool(corpus.reviews))
        await pilot.press("a")
        await _until(pilot, lambda: len(corpus.similarity) == len(corpus.articles))
        await app.workers.wait_for_complete()
        await pilot.press("down", "down", "down")
        await pilot.pause(0.3)
        written.append(Path(app.save_screenshot("corpus.svg", str(out))))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render the README screenshots.")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--size", default="120x40", help="COLUMNSxROWS")
    args = parser.parse_args(argv)
    columns, rows = (int(n) for n in args.size.lower().split("x"))
    with tempfile.TemporaryDirectory(prefix="diffreader-shots-") as data:
        for path in asyncio.run(shoot(args.out, (columns, rows), Path(data))):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
