"""Provides the presentation layer: one model of what a comparison shows, thin writers.

Imports the engine, the review model and the standard library only (never textual, rich
or storage), so ``diffreader A B --format json`` starts fast and reports need no disk.
Build once, write per medium: ``build_view`` gathers rows, highlight layers, review items
with their nesting and counts, and the pair look-up; each writer escapes for its medium
through ``escape`` and derives nothing itself. The reader's rows (``tui.rows``) paint
the same layers.

Modules:
    escape       terminal(), markdown(), markdown_inline(), html(), json_safe()
    cells        cells(), char_widths(), splits(): terminal cell widths (the text's wrap)
    labels       the one table of words: statuses, categories, quotes, marks, sections
    model        build_view() -> View: RowView, Layer, LayerKind, counts, locate
    summary      coverage_lines(), doc_line(), split_item(): phrases the reports share
    to_text      render_text(view): the terminal summary (plain or ANSI);
                 render_comparison_text(comparison): the same, its review items made
                 range by range with its lines, over the cores (what ``render`` writes);
                 comparison_text_pieces(comparison): the same text in pieces
    to_markdown  render_markdown(view), report_markdown(view)
    to_html      report_html(view), Highlight, highlight_html()
    to_json      to_json_data(view), render_json(view), report_json(view)
    json_text    the indented JSON writer (``json.dumps``'s text, faster, in pieces)
    json_records the CLI JSON's sentences, groups and claims written from the objects
    ranges       in_ranges(): long output written in ranges over the cores (forked)
    versions     the multi-version view (``versions.Collation``): versions_data(),
                 render_versions(), render_versions_report()

API (what the CLI and the reader call):
    render(comparison, fmt, *, color=False, width=100) -> str        fmt in FORMATS
    render_pieces(comparison, fmt, ...) -> Iterator[str]             the same, in pieces
    render_report(comparison, entries=None, fmt="markdown", *, generated_at=None) -> str
    FORMATS ("text", "markdown", "json"), REPORT_FORMATS ("markdown", "html", "json")
    SCHEMA_VERSION (the CLI's JSON), REPORT_SCHEMA (the report's JSON)
    render_versions(collation, fmt, ...), render_versions_report(collation, entries, fmt)
                                          one original and many versions (same formats)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Literal

from diffreader.engine.model import Comparison
from diffreader.render.escape import terminal as visible
from diffreader.render.model import View, build_view
from diffreader.render.to_html import report_html
from diffreader.render.to_json import (
    REPORT_SCHEMA,
    SCHEMA_VERSION,
    comparison_json_pieces,
    render_json,
    report_json,
    to_json_data,
)
from diffreader.render.to_markdown import (
    render_comparison_markdown,
    render_markdown,
    report_markdown,
)
from diffreader.render.to_text import (
    comparison_text_pieces,
    render_comparison_text,
    render_text,
)
from diffreader.render.versions import render_versions, render_versions_report
from diffreader.review.marks import ReviewEntry

__all__ = [
    "FORMATS",
    "REPORT_FORMATS",
    "REPORT_SCHEMA",
    "SCHEMA_VERSION",
    "Format",
    "View",
    "build_view",
    "render",
    "render_json",
    "render_markdown",
    "render_pieces",
    "render_report",
    "render_text",
    "render_versions",
    "render_versions_report",
    "to_json_data",
    "visible",
]

Format = Literal["text", "markdown", "json"]
FORMATS: tuple[Format, ...] = ("text", "markdown", "json")
REPORT_FORMATS = ("markdown", "html", "json")


def render(comparison: Comparison, fmt: Format, *, color: bool = False, width: int = 100) -> str:
    """Render ``comparison`` in one of ``FORMATS``; the result ends with a newline."""
    # Each writer makes the review items range by range with its output (ranges.py).
    if fmt == "text":
        return render_comparison_text(comparison, color=color, width=width)
    if fmt == "json":
        return "".join(comparison_json_pieces(comparison))
    return render_comparison_markdown(comparison)


def render_pieces(
    comparison: Comparison, fmt: Format, *, color: bool = False, width: int = 100
) -> Iterator[str]:
    """``render``'s text in pieces of about a megabyte: JSON as it is written, text once
    its header's counts are known (a long comparison's output is never held whole; a
    short one comes in one piece, so a reader that quits early, as ``head`` does, sees
    what it saw before); Markdown in one piece."""
    if fmt == "json":
        return _coalesced(comparison_json_pieces(comparison), PIECE_SIZE)
    if fmt == "text":
        pieces = comparison_text_pieces(comparison, color=color, width=width)
        return _coalesced(iter(pieces), PIECE_SIZE)
    return iter((render(comparison, fmt, color=color, width=width),))


PIECE_SIZE = 1 << 20
"""About how many characters ``render_pieces`` joins into one piece."""


def _coalesced(pieces: Iterator[str], size: int) -> Iterator[str]:
    """``pieces`` joined into pieces of at least ``size`` characters (the last aside)."""
    held: list[str] = []
    length = 0
    for piece in pieces:
        held.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(held)
            held.clear()
            length = 0
    if held:
        yield "".join(held)


def render_report(
    comparison: Comparison,
    entries: Mapping[str, ReviewEntry] | None = None,
    fmt: str = "markdown",
    *,
    generated_at: datetime | None = None,
) -> str:
    """Render a fact-check report.

    A report carries both titles and dates, the coverage figures, every added claim,
    dropped detail and quotation check with its context (its sentence, and the sentence
    it departs from), and the review mark and note of each.

    Args:
        comparison: The result of ``engine.compare``.
        entries: Review entries by item key (``ReviewSession.entries()``); entries whose
            item no longer exists are reported as stale. ``None``: nothing reviewed yet.
        fmt: ``"markdown"``, ``"html"`` or ``"json"``.
        generated_at: When given, printed in the report (left out by default so the
            output is reproducible).

    Returns:
        The report text.

    Raises:
        ValueError: ``fmt`` is not one of ``REPORT_FORMATS``.
    """
    if fmt not in REPORT_FORMATS:
        choices = ", ".join(REPORT_FORMATS)
        raise ValueError(f"unknown report format {fmt!r} (choose from {choices})")
    view = build_view(comparison, entries)
    if fmt == "markdown":
        return report_markdown(view, generated_at)
    if fmt == "html":
        return report_html(view, generated_at)
    return report_json(view, generated_at)
