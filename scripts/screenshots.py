"""Render the README screenshots (SVG) from the demo corpus into ``screenshots/``.

    python scripts/screenshots.py [--out screenshots] [--size 120x40]
    python scripts/screenshots.py --pair A B [--out DIR]    # any pair, 80x24 and 120x40

Writes diff.svg (side by side, a review under way: marks in the margin and the panel, a
note, the progress counter), review.svg (the same review at 120x40: the panel beside the
unified view, an item flagged with a note), unified.svg, help.svg and corpus.svg (A marked,
similarities ranked, the Review column showing that review's progress). Everything goes
through ``make_app`` and Pilot, as the tests do (harlequin's export_screenshots.py); review
marks go to a temporary data directory, never the user's.

Textual's SVGs name the Fira Code web font and write spaces as no-break spaces; without
that font (offline, or in ``rsvg-convert``, which ignores web fonts and drops those spaces
at run boundaries) words run together. ``portable_svg`` rewrites each file so it renders
in a plain Chromium and in ``rsvg-convert`` alike: a fallback list of common monospace
fonts, plain spaces kept (``xml:space="preserve"`` for librsvg, ``white-space: pre`` for
browsers), and no font fetched from the web.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import tempfile
import time
from pathlib import Path

from diffreader.tui.app import demo_corpus, make_app
from diffreader.tui.screens.corpus import CorpusScreen
from diffreader.tui.screens.diff import DiffScreen
from diffreader.tui.screens.help import HelpScreen

ROOT = Path(__file__).resolve().parents[1]

MONOSPACE = '"Fira Code", "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace'
"""The terminal font, then fonts most systems have with the same cell shape."""
SANS = 'Arial, "Liberation Sans", "DejaVu Sans", Helvetica, sans-serif'


def portable_svg(svg: str) -> str:
    """Make a Textual screenshot render without its web font (see the module docstring).

    >>> portable_svg('<svg class="x"><style>a { font-family: Fira Code, monospace; }'
    ...              '</style><text>a&#160;b</text></svg>')  # doctest: +ELLIPSIS
    '<svg xml:space="preserve" class="x"><style> text { white-space: pre; }a {...'
    """
    svg = svg.replace("<svg ", '<svg xml:space="preserve" ', 1)
    # Chromium follows CSS rather than xml:space; librsvg follows xml:space.
    svg = svg.replace("<style>", "<style> text { white-space: pre; }", 1)
    svg = svg.replace("&#160;", " ")
    svg = svg.replace("font-family: Fira Code, monospace;", f"font-family: {MONOSPACE};")
    svg = svg.replace("font-family: arial;", f"font-family: {SANS};")
    # Keep the local Fira Code when installed; never fetch fonts from the web.
    return re.sub(r',\s*url\("https?://[^"]*"\) format\("[^"]*"\)', "", svg)


def _save(app, name: str, out: Path) -> Path:  # type: ignore[no-untyped-def]
    """Save a screenshot of ``app`` as ``out/name``, made portable."""
    path = out / name
    path.write_text(portable_svg(app.export_screenshot()), encoding="utf-8")
    return path


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
        written.append(_save(app, "diff.svg", out))
        await pilot.press("p", "u", "g")
        await pilot.pause(0.3)
        written.append(_save(app, "unified.svg", out))
        await pilot.press("question_mark")
        await _until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.pause(0.3)
        written.append(_save(app, "help.svg", out))

    # The same review at the size people use: the panel beside the (unified) diff, an
    # item flagged with its note, the progress counter under way.
    app = make_app(pair=(original, rewrite), data_dir=data)
    async with app.run_test(size=size) as pilot:
        await _until(
            pilot,
            lambda: isinstance(app.screen, DiffScreen) and app.screen.session is not None,
        )
        await pilot.press("r", "r", "p")
        await pilot.pause(0.3)
        written.append(_save(app, "review.svg", out))

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
        written.append(_save(app, "corpus.svg", out))
    return written


async def shoot_pair(out: Path, pair: tuple[Path, Path], data: Path) -> list[Path]:
    """The diff of any pair at 80x24 and 120x40 (the panel open at 120x40), to look at
    how a real rewrite reads; written as ``pair-80x24.svg`` and ``pair-120x40.svg``."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for size, keys in (((80, 24), ("c", "c")), ((120, 40), ("p",))):
        app = make_app(pair=pair, data_dir=data)
        async with app.run_test(size=size) as pilot:
            await _until(
                pilot,
                lambda app=app: (
                    isinstance(app.screen, DiffScreen) and app.screen.session is not None
                ),
            )
            await pilot.press(*keys)
            await pilot.pause(0.3)
            written.append(_save(app, f"pair-{size[0]}x{size[1]}.svg", out))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render the README screenshots.")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--size", default="120x40", help="COLUMNSxROWS")
    parser.add_argument(
        "--pair",
        nargs=2,
        type=Path,
        metavar=("A", "B"),
        help="instead, shoot the diff of A and B at 80x24 and 120x40 (pair-*.svg)",
    )
    args = parser.parse_args(argv)
    columns, rows = (int(n) for n in args.size.lower().split("x"))
    with tempfile.TemporaryDirectory(prefix="diffreader-shots-") as data:
        if args.pair:
            shots = shoot_pair(args.out, (args.pair[0], args.pair[1]), Path(data))
        else:
            shots = shoot(args.out, (columns, rows), Path(data))
        for path in asyncio.run(shots):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
