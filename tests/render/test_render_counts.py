"""The same pair gives the same added/dropped counts in every view and every format.

Views: the reader's header and side panel, ``--format text|markdown|json``, and
``--report markdown|html|json``; over every demo pair, and the sample pairs when
``../shared`` is present.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from diffreader.engine import Comparison, compare, load_document
from diffreader.render import build_view, render, render_report
from diffreader.review import Section, count_items, review_items
from diffreader.review.items import listed_in

# Not imported from tests/conftest.py: "conftest" names several modules (tests/tui has
# one too), and which one an import finds depends on the order tests were collected in.
_ROOT = Path(__file__).resolve().parents[2]
DEMO = _ROOT / "src" / "diffreader" / "demo"
SAMPLE = _ROOT.parent / "shared" / "corpus" / "sample"

DEMO_PAIRS = [
    pytest.param(DEMO / "00_original.txt", path, id=f"demo-{path.stem}")
    for path in sorted(DEMO.glob("0[1-9]_*.txt"))
]
SAMPLE_PAIRS = [
    pytest.param(
        SAMPLE / "000_f5f44e8a45fbdb58.txt",
        path,
        id=f"sample-{path.name[:3]}",
        marks=[
            pytest.mark.sample,
            pytest.mark.skipif(not SAMPLE.is_dir(), reason="../shared is not beside the repo"),
        ],
    )
    for path in (
        sorted(SAMPLE.glob("00[1-9]_*.txt"))
        if SAMPLE.is_dir()
        else [SAMPLE / "001.txt", SAMPLE / "002.txt", SAMPLE / "003.txt", SAMPLE / "004.txt"]
    )
]

_CACHE: dict[tuple[Path, Path], Comparison] = {}


def _comparison(a: Path, b: Path) -> Comparison:
    if (a, b) not in _CACHE:
        _CACHE[a, b] = compare(load_document(a), load_document(b))
    return _CACHE[a, b]


def _expected(comparison: Comparison) -> tuple[int, int, int, int]:
    """Top-level added claims, top-level dropped details, and the details inside each."""
    items = review_items(comparison)
    # Counted where listed: a detail nested in an item of another section (a fact an
    # altered quotation lost, a short new quotation in an added sentence) counts there.
    added = [i for i in items if listed_in(i) is Section.ADDED]
    dropped = [i for i in items if listed_in(i) is Section.DROPPED]
    return (
        sum(i.parent is None for i in added),
        sum(i.parent is None for i in dropped),
        sum(i.parent is not None for i in added),
        sum(i.parent is not None for i in dropped),
    )


@pytest.mark.parametrize(("a", "b"), DEMO_PAIRS + SAMPLE_PAIRS)
def test_every_format_shows_the_same_counts(a: Path, b: Path) -> None:
    comparison = _comparison(a, b)
    added, dropped, added_inside, dropped_inside = _expected(comparison)
    view = build_view(comparison)
    assert (view.added_claims, view.dropped_details) == (added, dropped)

    text = render(comparison, "text")
    assert f"Claims    {added} added in B, {dropped} dropped from A" in text

    markdown = render(comparison, "markdown")
    for top, nested, title in (
        (added, added_inside, "Added claims"),
        (dropped, dropped_inside, "Dropped details"),
    ):
        detail = "detail" if nested == 1 else "details"
        suffix = f", {nested} {detail} inside" if nested else ""
        assert f"## {title} ({top}{suffix})\n" in markdown
        assert f"### {title}" not in markdown

    data = json.loads(render(comparison, "json"))
    assert (data["stats"]["added_claims"], data["stats"]["dropped_details"]) == (added, dropped)

    report = render_report(comparison, None, "json")
    stats = json.loads(report)["stats"]
    assert (stats["added_claims"], stats["dropped_details"]) == (added, dropped)

    phrase = (
        f"{added} added claim{'' if added == 1 else 's'}, "
        f"{dropped} dropped detail{'' if dropped == 1 else 's'}"
    )
    report_md = render_report(comparison, None, "markdown")
    assert phrase in report_md
    html = render_report(comparison, None, "html")
    assert f"<li>{phrase}</li>" in html
    for top, nested, title in (
        (added, added_inside, "Added claims"),
        (dropped, dropped_inside, "Dropped details"),
    ):
        if top + nested == 0:
            continue
        detail = "detail" if nested == 1 else "details"
        heading = f"{title} ({top}" + (f", {nested} {detail} inside" if nested else "") + ")"
        assert f"### {heading}\n" in report_md
        assert f"<h2>{heading}</h2>" in html


@pytest.mark.parametrize(("a", "b"), DEMO_PAIRS + SAMPLE_PAIRS)
async def test_the_reader_shows_the_same_counts(a: Path, b: Path) -> None:
    from diffreader.tui.app import DiffReaderApp
    from diffreader.tui.screens.diff import DiffScreen
    from diffreader.tui.widgets.diff_header import DiffHeader
    from diffreader.tui.widgets.side_panel import SidePanel

    comparison = _comparison(a, b)
    added, dropped, added_inside, dropped_inside = _expected(comparison)
    app = DiffReaderApp(comparison=comparison)
    async with app.run_test(size=(160, 40)) as pilot:
        for _ in range(200):
            screen = app.screen
            if isinstance(screen, DiffScreen) and screen.session is not None:
                break
            await pilot.pause(0.02)
        screen = app.screen
        assert isinstance(screen, DiffScreen) and screen.session is not None
        header = screen.query_one(DiffHeader)
        shown = _plain(header.content)
        claims = f"{added} added claim" + ("" if added == 1 else "s")
        details = f"{dropped} dropped detail" + ("" if dropped == 1 else "s")
        assert f"{claims} · {details}" in shown

        await pilot.press("p")
        await pilot.pause()
        panel = screen.query_one(SidePanel)
        headings = {
            option.id: _plain(option.prompt)
            for option in panel.options
            if option.id and option.id.startswith("heading-")
        }
        for group, top, nested, title in (
            ("added", added, added_inside, "Added claims"),
            ("dropped", dropped, dropped_inside, "Dropped details"),
        ):
            if top + nested == 0:
                assert f"heading-{group}" not in headings
                continue
            suffix = f" · {nested} inside" if nested else ""
            assert headings[f"heading-{group}"] == f"{title} ({top}{suffix})"

        counts = count_items(screen.session.items)
        assert (counts[Section.ADDED].top, counts[Section.DROPPED].top) == (added, dropped)


def _plain(renderable: object) -> str:
    """The text of a Rich renderable, without styles."""
    from rich.console import Console

    out = io.StringIO()
    Console(file=out, width=400, color_system=None).print(renderable)
    return re.sub(r"\s+", " ", out.getvalue()).strip()
