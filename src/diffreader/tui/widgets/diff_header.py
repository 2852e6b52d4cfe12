"""Provides the diff screen's header (both titles, dates, coverage) and its legend."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from rich.console import Group
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from diffreader.engine.model import Comparison, Document
from diffreader.plural import plural
from diffreader.render.labels import LEGEND_COLOURS
from diffreader.review.items import ItemCounts, Section, count_items, review_items
from diffreader.tui.textutil import display_echo, document_label

__all__ = ["DiffHeader", "Legend", "coverage_text"]


def _side(label: str, doc: Document) -> Group:
    title = document_label(doc)
    text = Text(end="", no_wrap=True, overflow="ellipsis")
    text.append(f" {label} ", style="bold reverse")
    text.append(" ")
    text.append(title, style="bold")
    details = [doc.date or "undated"]
    if doc.path:
        details.append(" ".join(display_echo(Path(doc.path).name).split()))
    details.append(plural(len(doc.sentences), "sentence"))
    line2 = Text(
        "    " + " · ".join(details), style="dim", end="", no_wrap=True, overflow="ellipsis"
    )
    return Group(text, line2)


def coverage_text(
    comparison: Comparison,
    *,
    pending: bool = False,
    counts: Mapping[Section, ItemCounts] | None = None,
) -> Text:
    """One line of coverage figures and counts (``pending``: claims not yet known).

    Args:
        comparison: The comparison shown.
        pending: Claims and quotations are still being found.
        counts: The presentation model's counts (``View.counts``), the ones every view
            shows; counted from the comparison when not given.
    """
    stats = comparison.stats
    text = Text(end="", no_wrap=True, overflow="ellipsis")
    text.append(f"A kept {stats.a_kept:.0%}", style="bold")
    text.append(" · ")
    text.append(f"B new {stats.b_new:.0%}", style="bold")
    text.append(" · ")
    if pending:
        text.append("finding claims and checking quotations…", style="italic")
        return text
    if counts is None:
        counts = count_items(review_items(comparison))
    text.append(plural(counts[Section.ADDED].top, "added claim"), style="bold")
    text.append(" · ")
    text.append(plural(counts[Section.DROPPED].top, "dropped detail"), style="bold")
    quotes = ", ".join(f"{n} {k}" for k, n in stats.quotes.items() if n)
    if quotes:
        text.append(f" · quotes: {quotes}")
    groups = " ".join(f"{n} {k}" for k, n in stats.counts.items() if n)
    if groups:
        text.append(f" · {groups}", style="dim")
    return text


class DiffHeader(Static):
    """Both articles' titles and dates side by side, then the coverage line."""

    def show(
        self,
        comparison: Comparison,
        *,
        pending: bool = False,
        counts: Mapping[Section, ItemCounts] | None = None,
    ) -> None:
        """Show both articles and the coverage line (``counts``: see ``coverage_text``)."""
        table = Table.grid(expand=True, padding=(0, 1))
        table.add_column(ratio=1)
        table.add_column(ratio=1)
        table.add_row(_side("A", comparison.a), _side("B", comparison.b))
        grid = Table.grid(expand=True)
        grid.add_row(table)
        grid.add_row(coverage_text(comparison, pending=pending, counts=counts))
        self.update(grid)


class Legend(Static):
    """One line explaining the glyphs and colours, drawn with the view's own styles."""

    ENTRIES: tuple[tuple[str, str, str], ...] = (
        ("+", "claim-added", "added claim"),
        ("−", "claim-dropped", "dropped detail"),
        ("~", "word-insert", "reworded"),
        ("↕", "glyph-moved", "moved"),
        ("“=", "quote-verbatim", "quote verbatim"),
        ("“≠", "quote-altered", "altered"),
        ("“+", "quote-new", "new"),
        ("╱╱", "hatch", "absent"),
    )

    UNIFIED_ENTRIES: tuple[tuple[str, str, str], ...] = (
        ("+", "claim-added", "added claim"),
        ("−", "claim-dropped", "dropped detail"),
        ("+B", "side-label-b", "only in B"),
        ("−A", "side-label-a", "only in A"),
        ("→", "word-arrow", "reworded"),
        ("↕", "glyph-moved", "moved"),
        ("“=", "quote-verbatim", "quote verbatim"),
        ("“≠", "quote-altered", "altered"),
        ("“+", "quote-new", "new"),
    )
    """The unified view has no empty cells; it says which side text comes from instead."""

    def show(self, style_for: dict[str, Style], *, unified: bool = False) -> None:
        """Explain the marks of the side-by-side view (or of the unified one)."""
        text = Text(end="", no_wrap=True, overflow="ellipsis")
        self._facts(text, style_for)
        for n, (sample, component, label) in enumerate(
            self.UNIFIED_ENTRIES if unified else self.ENTRIES
        ):
            if n:
                text.append("  ")
            style = style_for.get(component, Style())
            if component == "word-arrow":
                # A sample of a reworded phrase: struck A words, the arrow, B's words.
                text.append("old", style=style_for.get("word-deleted-inline", Style()))
                text.append(f" {sample} ", style=style)
                text.append("new", style=style_for.get("word-insert", Style()))
            elif component.startswith(("claim", "word")):
                text.append(f" {sample} ", style=style)
            elif component.startswith("side-label"):
                # The gutter shows the status glyph, then the side letter.
                text.append(
                    sample[0],
                    style=style_for.get(
                        f"glyph-{'added' if sample[1] == 'B' else 'dropped'}", Style()
                    ),
                )
                text.append(sample[1:], style=style)
            else:
                text.append(sample, style=style)
            text.append(f" {label}")
        self.update(text)

    @staticmethod
    def _facts(text: Text, style_for: dict[str, Style]) -> None:
        """The first line: each fact family in its colour, as facts show inside a claim."""
        text.append("facts in a claim:", style=Style(dim=True))
        claim = style_for.get("claim-added", Style())
        for family in LEGEND_COLOURS:
            text.append(" ")
            text.append(f" {family} ", style=claim + style_for.get(f"fact-{family}", Style()))
        text.append("\n")
