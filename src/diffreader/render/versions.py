"""Provides the writers of the multi-version view: text, Markdown, JSON and the reports.

They read a ``versions.Collation`` (one original, many rewrites, grouped from the pair
engine) and escape article text through ``escape``, as the pair writers do. Nothing is
derived here beyond wording: bands, groups and rows are the collation's.

API:
    versions_data(collation, entries=None) -> dict    the JSON contract (README, schema 1)
    claim_bands(collation), claim_children(collation) the bands and nesting every view lists
    render_versions(collation, fmt, *, color=False, width=100) -> str   fmt: text|markdown|json
    render_versions_report(collation, entries, fmt) -> str               markdown|html|json
    SCHEMA_VERSION, KIND, REPORT_KIND
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from datetime import datetime
from itertools import accumulate
from typing import Any

from diffreader.engine.model import ClaimKind, Document, QuoteStatus, Status
from diffreader.plural import plural
from diffreader.render.cells import char_widths, splits
from diffreader.render.escape import html as html_escape
from diffreader.render.escape import json_safe, markdown, name, terminal
from diffreader.render.labels import MARK_CHECKBOX, MARK_GLYPH, MARK_WORD
from diffreader.review.items import Section, count_items
from diffreader.review.marks import Mark, ReviewEntry
from diffreader.versions.collate import (
    MIXED,
    Band,
    Cell,
    ClaimGroup,
    Collation,
    QuoteGroup,
    group_mark,
)

__all__ = [
    "KIND",
    "REPORT_KIND",
    "SCHEMA_VERSION",
    "band_title",
    "cell_glyph",
    "claim_bands",
    "claim_children",
    "render_versions",
    "render_versions_report",
    "version_label",
    "versions_data",
]

SCHEMA_VERSION = 1
"""Bumped whenever a field of the multi-version JSON changes meaning or disappears."""
KIND = "diffreader-versions"
REPORT_KIND = "diffreader-versions-report"

Entries = Sequence[Mapping[str, ReviewEntry]]
"""Review entries of each pair (original, version i), by item key."""

CELL_GLYPH: dict[Status, str] = {
    Status.SAME: "=",
    Status.REWORDED: "~",
    Status.MOVED: "↕",
    Status.ADDED: "+",
    Status.DROPPED: "−",
    Status.BOILERPLATE: "·",
}
CELL_WORD: dict[Status, str] = {
    Status.SAME: "kept",
    Status.REWORDED: "reworded",
    Status.MOVED: "moved",
    Status.ADDED: "added",
    Status.DROPPED: "dropped",
    Status.BOILERPLATE: "furniture",
}
LEGEND = "= kept  ~ reworded  ↕ moved  − dropped  + added  · page furniture  (blank: not there)"


def cell_glyph(cell: Cell | None) -> str:
    """One character for a matrix cell (a space where the version has no part)."""
    return " " if cell is None else CELL_GLYPH[cell.status]


def version_label(index: int) -> str:
    """``V1`` for the first version (column 0)."""
    return f"V{index + 1}"


def _labels(versions: Sequence[int]) -> str:
    return " ".join(version_label(v) for v in versions)


def band_title(band: Band, n: int, versions: Sequence[int] = ()) -> str:
    """A band's heading: "Added by all 3", "Added by 2 of 3", "Only in V2"."""
    if band is Band.ADDED_ALL:
        return f"Added by all {n}"
    if band is Band.DROPPED_ALL:
        return f"Dropped by all {n}"
    k = len(versions)
    if band is Band.ADDED_SOME:
        return f"Added by {k} of {n}"
    if band is Band.DROPPED_SOME:
        return f"Dropped by {k} of {n}"
    only = _labels(versions)
    return f"Only in {only}" if band is Band.ADDED_ONE else f"Dropped only by {only}"


def claim_bands(collation: Collation) -> list[tuple[str, list[int]]]:
    """Headings and the top-level groups under each: bands in ``Band`` order, the
    "only in" bands by version, each group in the collation's order."""
    n = len(collation.comparisons)
    found: dict[str, tuple[tuple[int, int, tuple[int, ...]], list[int]]] = {}
    for index, group in enumerate(collation.claims):
        if group.parent >= 0:
            continue
        band = collation.band(group)
        title = band_title(band, n, group.versions)
        order = (list(Band).index(band), -len(group.versions), group.versions)
        found.setdefault(title, (order, []))[1].append(index)
    return [
        (title, indexes) for title, (_, indexes) in sorted(found.items(), key=lambda t: t[1][0])
    ]


def claim_children(collation: Collation) -> dict[int, list[int]]:
    """The groups listed inside each group (``ClaimGroup.parent``), in order."""
    children: dict[int, list[int]] = {}
    for index, group in enumerate(collation.claims):
        if group.parent >= 0:
            children.setdefault(group.parent, []).append(index)
    return children


def _quote_phrase(group: QuoteGroup, n: int) -> str:
    k = len(group.versions)
    where = "all" if k == n else f"{k} of {n}"
    if group.status is QuoteStatus.ALTERED:
        return f"altered the same way in {where}"
    if group.status is QuoteStatus.NEW:
        return f"new in {where}"
    if group.status is QuoteStatus.DROPPED:
        return f"dropped by {where}"
    if any(m.speaker_changed for m in group.members):
        return f"verbatim, attributed to someone else, in {where}"
    return f"verbatim in {where}"


def _summary_lines(collation: Collation) -> list[str]:
    n = len(collation.comparisons)
    counts: dict[Band, int] = dict.fromkeys(Band, 0)
    for group in collation.claims:
        if group.parent < 0:
            counts[collation.band(group)] += 1
    added = [
        f"{counts[Band.ADDED_ALL]} by all",
        f"{counts[Band.ADDED_SOME]} by some",
        f"{counts[Band.ADDED_ONE]} by one",
    ]
    dropped = [
        f"{counts[Band.DROPPED_ALL]} by all",
        f"{counts[Band.DROPPED_SOME]} by some",
        f"{counts[Band.DROPPED_ONE]} by one",
    ]
    if n == 1:
        added, dropped = [str(counts[Band.ADDED_ALL])], [str(counts[Band.DROPPED_ALL])]
    return [f"Claims added: {', '.join(added)}", f"Details dropped: {', '.join(dropped)}"]


def _doc_line(doc: Document) -> str:
    """A version's name, date and path on one line, what draws nothing in them shown
    (``escape.name``: a name's zero-width space makes another file)."""
    parts = [doc.name]
    if doc.date:
        parts.append(doc.date)
    if doc.path and doc.path != doc.name:
        parts.append(doc.path)
    return name(" · ".join(parts))


def _version_stats(collation: Collation, index: int) -> dict[str, Any]:
    comparison = collation.comparisons[index]
    stats = comparison.stats
    counts = count_items(collation.items[index])
    return {
        "a_kept": round(stats.a_kept, 4),
        "b_new": round(stats.b_new, 4),
        "a_sentences_matched": round(stats.a_sentences_matched, 4),
        "b_sentences_matched": round(stats.b_sentences_matched, 4),
        "counts": dict(stats.counts),
        "added_claims": counts[Section.ADDED].top,
        "dropped_details": counts[Section.DROPPED].top,
        "quotes": dict(stats.quotes),
        "has_differences": comparison.has_differences,
    }


def _stats_phrase(collation: Collation, index: int) -> str:
    s = _version_stats(collation, index)
    return (
        f"{round(s['a_kept'] * 100)}% of the original kept, {round(s['b_new'] * 100)}% new; "
        f"{plural(s['added_claims'], 'added claim')}, "
        f"{plural(s['dropped_details'], 'dropped detail')}"
    )


# -- JSON ----------------------------------------------------------------------------------


def _mark_value(mark: Mark | str | None) -> str | None:
    return mark.value if isinstance(mark, Mark) else mark


def _review_data(keys: Sequence[tuple[int, str]], entries: Entries) -> dict[str, Any]:
    per = []
    for version, key in keys:
        entry = entries[version].get(key)
        per.append(
            {
                "version": version,
                "key": key,
                "mark": entry.mark.value if entry and entry.mark else None,
                "note": entry.note if entry else "",
            }
        )
    return {"mark": _mark_value(group_mark(keys, entries)), "items": per}


def versions_data(collation: Collation, entries: Entries | None = None) -> dict[str, Any]:
    """The multi-version JSON (``kind`` ``diffreader-versions``), as plain data.

    With ``entries`` (a report), each claim and quotation also carries its review:
    the common mark and each pair's item key, mark and note.
    """
    n = len(collation.comparisons)
    original = collation.original
    claims = []
    for group in collation.claims:
        data: dict[str, Any] = {
            "kind": group.kind.value,
            "category": group.category.value,
            "text": group.text,
            "in": list(group.versions),
            "band": collation.band(group).value,
            "parent": group.parent,
            "spans": [
                {"version": m.version, "side": m.side.value, "start": m.start, "end": m.end}
                for m in group.members
            ],
        }
        if entries is not None:
            data["review"] = _review_data(group.items, entries)
        claims.append(data)
    quotes = []
    for quote in collation.quotes:
        data = {
            "status": quote.status.value,
            "text": quote.text,
            "source": quote.source,
            "changes": [{"from": a, "to": b} for a, b in quote.changes],
            "in": list(quote.versions),
            "spans": [
                {"version": m.version, "side": m.side.value, "start": m.start, "end": m.end}
                for m in quote.members
            ],
        }
        if entries is not None:
            data["review"] = _review_data(quote.items, entries)
        quotes.append(data)
    return {
        "schema": SCHEMA_VERSION,
        "kind": KIND,
        "original": {
            "path": original.path,
            "title": original.title,
            "date": original.date,
            "encoding": original.encoding,
            "sentences": [
                {
                    "id": s.id,
                    "start": s.start,
                    "end": s.end,
                    "kind": s.kind.value,
                    "text": s.text,
                }
                for s in original.sentences
            ],
        },
        "versions": [
            {
                "path": doc.path,
                "title": doc.title,
                "date": doc.date,
                "encoding": doc.encoding,
                "stats": _version_stats(collation, i),
            }
            for i, doc in enumerate(collation.versions)
        ],
        "claims": claims,
        "sentences": [
            {
                "a": row.a if row.a >= 0 else None,
                "after": row.after if row.a < 0 else None,
                "text": row.text,
                "cells": [
                    None
                    if cell is None
                    else {
                        "status": cell.status.value,
                        "pair": cell.pair,
                        "sentences": list(cell.sentences),
                        "changed": cell.changed,
                    }
                    for cell in row.cells
                ],
            }
            for row in collation.sentences
        ],
        "quotes": quotes,
        "shared": [
            {
                "versions": list(s.versions),
                "claims": list(s.claims),
                "sentences": list(s.sentences),
                "quotes": list(s.quotes),
            }
            for s in collation.shared
        ],
        "has_differences": collation.has_differences,
        "count": n,
    }


def _dump(data: dict[str, Any]) -> str:
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


# -- text and Markdown ---------------------------------------------------------------------

_SGR = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "magenta": "35"}


def _style(text: str, style: str, color: bool) -> str:
    if not color or not style:
        return text
    codes = ";".join(_SGR[s] for s in style.split())
    return f"\x1b[{codes}m{text}\x1b[0m"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(width - 1, 1)] + "…"


def _clip_cells(text: str, width: int) -> str:
    """``_clip`` for a terminal: to ``width`` cells (a CJK character takes two), never
    inside a cluster (an accent kept with its letter).

    >>> _clip_cells("新桥下月开放", 8), _clip_cells("new bridge", 8)
    ('新桥下…', 'new bri…')
    """
    text = " ".join(text.split())
    widths = char_widths(text)
    if sum(widths) <= width:
        return text
    end = bisect_right(list(accumulate(widths)), max(width - 1, 1))  # the characters that fit
    while end > 0 and not splits(text, widths, end):
        end -= 1
    return text[:end] + "…"


def _claim_line(group: ClaimGroup) -> str:
    arrow = "▲" if group.kind is ClaimKind.ADDED else "▼"
    return f"{arrow} {_labels(group.versions)}  {group.category.value}: “{group.text}”"


def render_versions_text(collation: Collation, *, color: bool = False, width: int = 100) -> str:
    """The multi-version view for a terminal (plain, or ANSI when ``color``)."""
    n = len(collation.comparisons)
    out: list[str] = []

    def heading(text: str) -> None:
        out.append("")
        out.append(_style(text.upper(), "bold", color))

    def text_of(value: str, indent: int) -> str:
        return _clip_cells(terminal(value), max(width - indent, 20))

    out.append(f"Original  {terminal(_doc_line(collation.original))}")
    for i, doc in enumerate(collation.versions):
        out.append(f"{version_label(i):<9} {terminal(_doc_line(doc))}")
        out.append(f"{'':<9} {_stats_phrase(collation, i)}")
    out.extend(_summary_lines(collation))

    children = claim_children(collation)
    for title, indexes in claim_bands(collation):
        heading(f"{title} ({len(indexes)})")
        for index in indexes:
            group = collation.claims[index]
            style = "green bold" if group.kind is ClaimKind.ADDED else "red bold"
            line = text_of(_claim_line(group), 2)
            out.append("  " + _style(line, style, color))
            for child in children.get(index, []):
                out.append("      · " + text_of(_claim_line(collation.claims[child]), 8))

    if collation.quotes:
        heading("Quotations")
        for quote in collation.quotes:
            if quote.status is QuoteStatus.VERBATIM and not any(
                m.speaker_changed for m in quote.members
            ):
                continue
            phrase = f"❝ {_labels(quote.versions)}  {_quote_phrase(quote, n)}: “{quote.text}”"
            out.append("  " + text_of(phrase, 2))
            if quote.status is QuoteStatus.ALTERED and quote.source:
                out.append("      " + text_of(f"the original says: “{quote.source}”", 6))
        verbatim = sum(
            1
            for q in collation.quotes
            if q.status is QuoteStatus.VERBATIM and not any(m.speaker_changed for m in q.members)
        )
        if verbatim:
            out.append(f"  ({plural(verbatim, 'quotation')} kept verbatim)")

    heading("Sentences")
    out.append("  " + " ".join(f"{version_label(i):<3}" for i in range(n)) + "  " + LEGEND)
    for row in collation.sentences:
        cells = " ".join(f"{cell_glyph(cell):<3}" for cell in row.cells)
        label = f"A{row.a:<3}" if row.a >= 0 else "  + "
        out.append(f"{label} {cells} " + text_of(row.text, 6 + 4 * n))

    heading("Shared between versions, not in the original")
    for shared in collation.shared:
        i, j = shared.versions
        out.append(
            f"  {version_label(i)} & {version_label(j)}: "
            f"{plural(len(shared.claims), 'added claim')}, "
            f"{plural(len(shared.sentences), 'added sentence')}, "
            f"{plural(len(shared.quotes), 'quotation')} changed alike"
        )
        for row_index in shared.sentences:
            out.append("      + " + text_of(collation.sentences[row_index].text, 8))
    return "\n".join(out) + "\n"


def _md_mark(keys: Sequence[tuple[int, str]], entries: Entries | None) -> str:
    if entries is None:
        return ""
    mark = group_mark(keys, entries)
    if mark == MIXED:
        return "[~] "
    return MARK_CHECKBOX[mark if isinstance(mark, Mark) else None] + " "


def _md_notes(keys: Sequence[tuple[int, str]], entries: Entries | None) -> list[str]:
    if entries is None:
        return []
    lines = []
    for version, key in keys:
        entry = entries[version].get(key)
        if entry is not None and entry.note:
            lines.append(f"  - {version_label(version)} note: {markdown(entry.note)}")
    return lines


def render_versions_markdown(collation: Collation, entries: Entries | None = None) -> str:
    """The multi-version view in Markdown (with review marks when ``entries`` is given)."""
    n = len(collation.comparisons)
    title = "Fact-check report: " if entries is not None else ""
    out = [f"# {title}{markdown(name(collation.original.name))} and {plural(n, 'version')}", ""]
    out.append(f"- **Original:** {markdown(_doc_line(collation.original))}")
    for i, doc in enumerate(collation.versions):
        out.append(
            f"- **{version_label(i)}:** {markdown(_doc_line(doc))} "
            f"({markdown(_stats_phrase(collation, i))})"
        )
    out.extend(["", *(f"{line}  " for line in _summary_lines(collation))])
    children = claim_children(collation)
    for heading, indexes in claim_bands(collation):
        out.extend(["", f"## {markdown(heading)} ({len(indexes)})", ""])
        for index in indexes:
            group = collation.claims[index]
            mark = _md_mark(group.items, entries)
            out.append(
                f"- {mark}**{group.category.value}:** {markdown(group.text)} "
                f"({_labels(group.versions)})"
            )
            out.extend(_md_notes(group.items, entries))
            for child in children.get(index, []):
                sub = collation.claims[child]
                out.append(
                    f"  - {sub.category.value}: {markdown(sub.text)} ({_labels(sub.versions)})"
                )
    quotes = [q for q in collation.quotes if q.status is not QuoteStatus.VERBATIM]
    if quotes:
        out.extend(["", f"## Quotations ({len(quotes)})", ""])
        for quote in quotes:
            mark = _md_mark(quote.items, entries)
            out.append(
                f"- {mark}{_quote_phrase(quote, n)} ({_labels(quote.versions)}): "
                f"“{markdown(quote.text)}”"
            )
            if quote.status is QuoteStatus.ALTERED and quote.source:
                out.append(f"  > the original says: “{markdown(quote.source)}”")
            out.extend(_md_notes(quote.items, entries))
    out.extend(["", "## Sentences", ""])
    out.append("| | " + " | ".join(version_label(i) for i in range(n)) + " | Sentence |")
    out.append("|---|" + "---|" * n + "---|")
    for row in collation.sentences:
        label = f"A{row.a}" if row.a >= 0 else "+"
        cells = " | ".join(CELL_WORD[c.status] if c else "" for c in row.cells)
        out.append(f"| {label} | {cells} | {markdown(_clip(row.text, 160))} |")
    out.extend(["", "## Shared between versions, not in the original", ""])
    for shared in collation.shared:
        i, j = shared.versions
        out.append(
            f"- **{version_label(i)} & {version_label(j)}:** "
            f"{plural(len(shared.claims), 'added claim')}, "
            f"{plural(len(shared.sentences), 'added sentence')}, "
            f"{plural(len(shared.quotes), 'quotation')} changed alike"
        )
    return "\n".join(out) + "\n"


# -- HTML report ---------------------------------------------------------------------------

_HTML_STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em;
color:#222;background:#fff}
@media (prefers-color-scheme:dark){body{color:#ddd;background:#1e1e1e}}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}
.added{color:#1a7f37}.dropped{color:#cf222e}.tag{font-size:.8em;opacity:.75}
table{border-collapse:collapse}td,th{border:1px solid #8884;padding:.15em .4em;
vertical-align:top}td.c{text-align:center;white-space:nowrap}
.same{opacity:.6}.reworded{color:#9a6700}.moved{color:#0969da}
"""


def render_versions_html(
    collation: Collation, entries: Entries | None = None, generated_at: datetime | None = None
) -> str:
    """The multi-version report as one self-contained HTML page (no scripts)."""
    n = len(collation.comparisons)
    versions = plural(n, "version")
    h = html_escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{h(name(collation.original.name))} and {versions}</title>",
        f"<style>{_HTML_STYLE}</style></head><body>",
        f"<h1>Fact-check report: {h(name(collation.original.name))} and {versions}</h1>",
        f"<p>Original: {h(_doc_line(collation.original))}</p><ul>",
    ]
    if generated_at is not None:
        out.insert(5, f"<p>Generated {h(generated_at.isoformat(timespec='seconds'))}</p>")
    for i, doc in enumerate(collation.versions):
        out.append(
            f"<li><b>{version_label(i)}</b> {h(_doc_line(doc))} "
            f"<span class=tag>{h(_stats_phrase(collation, i))}</span></li>"
        )
    out.append("</ul>")
    out.extend(f"<p>{h(line)}</p>" for line in _summary_lines(collation))
    children = claim_children(collation)

    def mark_of(keys: Sequence[tuple[int, str]]) -> str:
        if entries is None:
            return ""
        mark = group_mark(keys, entries)
        word = (
            "mixed marks" if mark == MIXED else MARK_WORD[mark if isinstance(mark, Mark) else None]
        )
        glyph = "~" if mark == MIXED else MARK_GLYPH[mark if isinstance(mark, Mark) else None]
        return f'<span class=tag title="{word}">[{glyph}]</span> '

    for heading, indexes in claim_bands(collation):
        out.append(f"<h2>{h(heading)} ({len(indexes)})</h2><ul>")
        for index in indexes:
            group = collation.claims[index]
            css = group.kind.value
            out.append(
                f"<li>{mark_of(group.items)}<span class={css}><b>{group.category.value}:</b> "
                f"{h(group.text)}</span> <span class=tag>{_labels(group.versions)}</span>"
            )
            subs = children.get(index, [])
            if subs:
                out.append("<ul>")
                for child in subs:
                    sub = collation.claims[child]
                    out.append(
                        f"<li>{sub.category.value}: {h(sub.text)} "
                        f"<span class=tag>{_labels(sub.versions)}</span></li>"
                    )
                out.append("</ul>")
            out.append("</li>")
        out.append("</ul>")
    quotes = [q for q in collation.quotes if q.status is not QuoteStatus.VERBATIM]
    if quotes:
        out.append(f"<h2>Quotations ({len(quotes)})</h2><ul>")
        for quote in quotes:
            source = ""
            if quote.status is QuoteStatus.ALTERED and quote.source:
                source = f"<br><span class=tag>the original says: “{h(quote.source)}”</span>"
            out.append(
                f"<li>{mark_of(quote.items)}{h(_quote_phrase(quote, n))} "
                f"<span class=tag>{_labels(quote.versions)}</span>: “{h(quote.text)}”"
                f"{source}</li>"
            )
        out.append("</ul>")
    out.append("<h2>Sentences</h2><table><tr><th></th>")
    out.append("".join(f"<th>{version_label(i)}</th>" for i in range(n)) + "<th>Sentence</th></tr>")
    for row in collation.sentences:
        label = f"A{row.a}" if row.a >= 0 else "+"
        cells = "".join(
            f'<td class="c {c.status.value}">{CELL_WORD[c.status]}</td>' if c else "<td></td>"
            for c in row.cells
        )
        out.append(f"<tr><td>{label}</td>{cells}<td>{h(row.text)}</td></tr>")
    out.append("</table><h2>Shared between versions, not in the original</h2><ul>")
    for shared in collation.shared:
        i, j = shared.versions
        out.append(
            f"<li>{version_label(i)} &amp; {version_label(j)}: "
            f"{plural(len(shared.claims), 'added claim')}, "
            f"{plural(len(shared.sentences), 'added sentence')}, "
            f"{plural(len(shared.quotes), 'quotation')} changed alike</li>"
        )
    out.append("</ul></body></html>")
    return "\n".join(out) + "\n"


# -- entry points --------------------------------------------------------------------------


def render_versions(
    collation: Collation, fmt: str, *, color: bool = False, width: int = 100
) -> str:
    """The multi-version view as ``text``, ``markdown`` or ``json``."""
    if fmt == "json":
        return _dump(versions_data(collation))
    if fmt == "markdown":
        return render_versions_markdown(collation)
    if fmt == "text":
        return render_versions_text(collation, color=color, width=width)
    raise ValueError(f"unknown format {fmt!r} (choose from text, markdown, json)")


def render_versions_report(
    collation: Collation,
    entries: Entries | None = None,
    fmt: str = "markdown",
    *,
    generated_at: datetime | None = None,
) -> str:
    """A fact-check report of the multi-version view with each pair's review marks.

    Args:
        collation: The multi-version view.
        entries: Each pair's review entries (``ReviewSession.entries()``), in version
            order; ``None``: nothing reviewed yet.
        fmt: ``"markdown"``, ``"html"`` or ``"json"``.
        generated_at: Printed when given (left out by default: reproducible output).
    """
    reviewed: Entries = entries if entries is not None else [{} for _ in collation.comparisons]
    if fmt == "markdown":
        return render_versions_markdown(collation, reviewed)
    if fmt == "html":
        return render_versions_html(collation, reviewed, generated_at)
    if fmt == "json":
        data = versions_data(collation, reviewed)
        data["kind"] = REPORT_KIND
        if generated_at is not None:
            data["generated_at"] = generated_at.isoformat(timespec="seconds")
        return _dump(data)
    raise ValueError(f"unknown report format {fmt!r} (choose from markdown, html, json)")
