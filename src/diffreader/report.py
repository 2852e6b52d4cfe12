"""Provides fact-check reports of a comparison and its review, as Markdown, HTML or JSON.

A report carries both titles and dates, the coverage figures, every added claim,
dropped detail and quotation check with its context (its sentence, and the sentence it
departs from), and the review mark and note of each. The HTML report is one
self-contained file (inline CSS, no scripts, no external assets) with a summary and
the full side-by-side view in the app's colour layers; every piece of article text is
escaped, so a ``<script>`` in an article stays text. Imports nothing from Textual or
Rich.

API:
    render_report(comparison, entries=None, fmt="markdown", *, generated_at=None) -> str
    FORMATS                      ("markdown", "html", "json")
    REPORT_SCHEMA                version of the JSON report (its ``schema`` field)
    Layer, highlight_html(...)   escaped HTML of a text with overlapping styled spans

The CLI calls ``render_report(compare(a, b), store_entries, "html")``; the app passes
``session.entries()`` so marks and notes appear.
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from itertools import pairwise
from typing import Any

from diffreader.engine.model import (
    Comparison,
    Document,
    Op,
    Pair,
    Quote,
    QuoteStatus,
    SentenceKind,
    Side,
    Status,
)
from diffreader.storage.review import (
    ItemKind,
    Mark,
    Progress,
    ReviewEntry,
    ReviewItem,
    review_items,
)

__all__ = ["FORMATS", "REPORT_SCHEMA", "Layer", "highlight_html", "render_report"]

FORMATS = ("markdown", "html", "json")
REPORT_SCHEMA = 1
"""Version of the JSON report; bumped on any incompatible change."""

_SECTIONS: tuple[tuple[str, frozenset[ItemKind]], ...] = (
    ("Added claims", frozenset({ItemKind.ADDED})),
    ("Dropped details", frozenset({ItemKind.DROPPED})),
    (
        "Quotations",
        frozenset({ItemKind.QUOTE_ALTERED, ItemKind.QUOTE_NEW, ItemKind.QUOTE_SPEAKER}),
    ),
    ("Rewording", frozenset({ItemKind.REWORDED, ItemKind.MOVED})),
)


@dataclass(frozen=True, slots=True)
class _Context:
    """Everything the three formats share."""

    comparison: Comparison
    items: list[ReviewItem]
    entries: Mapping[str, ReviewEntry]
    stale: list[tuple[str, ReviewEntry]]
    progress: Progress
    generated_at: datetime | None

    def entry(self, key: str) -> ReviewEntry | None:
        entry = self.entries.get(key)
        return entry if entry is not None and entry.is_live else None

    def mark(self, key: str) -> Mark | None:
        entry = self.entry(key)
        return entry.mark if entry else None

    def section(self, kinds: frozenset[ItemKind]) -> list[ReviewItem]:
        return [item for item in self.items if item.kind in kinds]

    def verbatim_quotes(self) -> list[Quote]:
        return [
            q
            for q in self.comparison.quotes
            if q.status is QuoteStatus.VERBATIM and not q.speaker_changed
        ]

    def dropped_quotes(self) -> list[Quote]:
        return [q for q in self.comparison.quotes if q.status is QuoteStatus.DROPPED]


def render_report(
    comparison: Comparison,
    entries: Mapping[str, ReviewEntry] | None = None,
    fmt: str = "markdown",
    *,
    generated_at: datetime | None = None,
) -> str:
    """Render a fact-check report.

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
        ValueError: ``fmt`` is not one of ``FORMATS``.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r} (choose from {', '.join(FORMATS)})")
    entries = entries or {}
    items = review_items(comparison)
    keys = {item.key for item in items}
    stale = sorted(
        ((k, e) for k, e in entries.items() if e.is_live and k not in keys),
        key=lambda ke: (ke[1].updated_at, ke[0]),
    )
    reviewed = flagged = 0
    for item in items:
        entry = entries.get(item.key)
        if entry is not None and entry.mark is not None:
            reviewed += 1
            flagged += entry.mark is Mark.FLAGGED
    context = _Context(
        comparison, items, entries, stale, Progress(reviewed, len(items), flagged), generated_at
    )
    if fmt == "markdown":
        return _markdown(context)
    if fmt == "html":
        return _html(context)
    return _json(context)


# --------------------------------------------------------------------------- shared


def _percent(value: float) -> str:
    return f"{value:.0%}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _stamp(ns: int) -> str | None:
    if not ns:
        return None
    return datetime.fromtimestamp(ns / 1e9, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _coverage_lines(comparison: Comparison) -> list[str]:
    """Coverage figures as short plain-text phrases."""
    stats = comparison.stats
    lines = [
        f"{_percent(stats.a_kept)} of the original's wording kept",
        f"{_percent(stats.b_new)} of the rewrite's wording is new",
        f"{_percent(stats.a_sentences_matched)} of the original's sentences and "
        f"{_percent(stats.b_sentences_matched)} of the rewrite's are matched",
        f"{_count(stats.added_claims, 'added claim')}, "
        f"{_count(stats.dropped_details, 'dropped detail')}",
    ]
    if any(stats.quotes.values()):
        lines.append(
            "quotations: "
            + ", ".join(f"{n} {status}" for status, n in sorted(stats.quotes.items()) if n)
        )
    if any(stats.counts.values()):
        lines.append(
            "groups: "
            + ", ".join(f"{n} {status}" for status, n in sorted(stats.counts.items()) if n)
        )
    return lines


def _doc_line(doc: Document) -> tuple[str, str]:
    """(title, "date · file") for a document."""
    details = [doc.date or "no date"]
    if doc.path and doc.title:  # without a title, the name already is the file name
        details.append(doc.path.replace("\\", "/").rsplit("/", 1)[-1])
    return doc.name, " · ".join(details)


def _split(item: ReviewItem) -> tuple[str, str, str] | None:
    """Split the item's sentence around the item, or None when it is not inside it."""
    start = item.start - item.sentence_start
    end = item.end - item.sentence_start
    if item.kind in (ItemKind.REWORDED, ItemKind.MOVED):
        return None
    if 0 <= start <= end <= len(item.sentence) and end > start:
        return item.sentence[:start], item.sentence[start:end], item.sentence[end:]
    return None


# --------------------------------------------------------------------------- markdown

_WHITESPACE = re.compile(r"\s+")
_INNER_UNDERSCORE = re.compile(r"(?<=[^\W_])\\_(?=[^\W_])")
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|~"})
_MARK_MD = {Mark.ACCEPTED: "[✓]", Mark.FLAGGED: "[!]", None: "[ ]"}


def _md_inline(text: str) -> str:
    """Article text made inert in Markdown, on one line (edge spaces kept).

    An underscore inside a word (``file_name``) is left alone: it cannot start
    emphasis, and backslashes there would only clutter a chat message.
    """
    escaped = _WHITESPACE.sub(" ", text).translate(_MD_SPECIAL)
    return _INNER_UNDERSCORE.sub("_", escaped)


def _md(text: str) -> str:
    """Article text made inert in Markdown: one line, special characters escaped."""
    return _md_inline(text).strip()


def _md_context(item: ReviewItem) -> str:
    """The item's sentence with the item in bold."""
    parts = _split(item)
    if parts is None or not parts[1].strip():
        return _md(item.sentence)
    before, middle, after = parts
    # Bold markers must hug the text (CommonMark), so edge spaces go outside them.
    core = middle.strip()
    lead = middle[: len(middle) - len(middle.lstrip())]
    trail = middle[len(middle.rstrip()) :]
    text = f"{_md_inline(before + lead)}**{_md_inline(core)}**{_md_inline(trail + after)}"
    return " ".join(text.split())


def _markdown(ctx: _Context) -> str:
    comparison = ctx.comparison
    a_title, a_details = _doc_line(comparison.a)
    b_title, b_details = _doc_line(comparison.b)
    out = [
        f"## Fact-check: {_md(b_title)}",
        "",
        f"- **Rewrite:** {_md(b_title)} ({_md(b_details)})",
        f"- **Original:** {_md(a_title)} ({_md(a_details)})",
        f"- **Review:** {ctx.progress}" + (f", {len(ctx.stale)} stale" if ctx.stale else ""),
    ]
    if ctx.generated_at is not None:
        out.append(f"- **Generated:** {ctx.generated_at.isoformat(timespec='minutes')}")
    out += ["", "**Coverage:** " + "; ".join(_md(line) for line in _coverage_lines(comparison))]

    for title, kinds in _SECTIONS:
        items = ctx.section(kinds)
        extra = title == "Quotations" and (ctx.verbatim_quotes() or ctx.dropped_quotes())
        if not items and not extra:
            continue
        out += ["", f"### {title} ({len(items)})"]
        for item in items:
            out += ["", *_md_item(ctx, item)]
        if title == "Quotations":
            out += _md_other_quotes(ctx)

    if ctx.stale:
        out += ["", f"### Stale marks ({len(ctx.stale)})", ""]
        out.append("_Marked on text that has since changed:_")
        out.append("")
        for _, entry in ctx.stale:
            label = _md(entry.label) if entry.label else "Item"
            out.append(f"- {_MARK_MD[entry.mark]} **{label}:** “{_md(entry.text)}”")
            if entry.note:
                out.append(f"  - **Note:** {_md(entry.note)}")
    if not ctx.items and not ctx.stale:
        out += ["", "Nothing to review: no added claims, dropped details or quotation changes."]
    return "\n".join(out).rstrip() + "\n"


def _md_item(ctx: _Context, item: ReviewItem) -> list[str]:
    entry = ctx.entry(item.key)
    mark = entry.mark if entry else None
    here, there = ("Rewrite", "Original") if item.side is Side.B else ("Original", "Rewrite")
    head = f"- {_MARK_MD[mark]} **{_md(item.label)}**"
    if item.kind in (ItemKind.REWORDED, ItemKind.MOVED):
        quotes = [(there, _md(item.departs_from)), (here, _md(item.sentence))]
    else:
        head += f": “{_md(item.text)}”"
        quotes = [(here, _md_context(item))]
        if item.departs_from:
            quotes.append((there, _md(item.departs_from)))
        elif item.source_text:
            quotes.append((f"{there} quoted", f"“{_md(item.source_text)}”"))
    if mark is Mark.FLAGGED:
        head += " — **flagged**"
    lines = [head]
    for number, (who, text) in enumerate(quotes):
        if number:
            lines.append("  >")  # a separate quote paragraph, not one run-on line
        lines.append(f"  > _{who}:_ {text}")
    if entry and entry.note:
        lines.append(f"  - **Note:** {_md(entry.note)}")
    return lines


def _md_other_quotes(ctx: _Context) -> list[str]:
    out: list[str] = []
    verbatim = ctx.verbatim_quotes()
    if verbatim:
        out += ["", f"Verbatim from the original ({len(verbatim)}):"]
        out += [f"- “{_md(q.text)}”" for q in verbatim]
    dropped = ctx.dropped_quotes()
    if dropped:
        out += ["", f"Quotations of the original the rewrite leaves out ({len(dropped)}):"]
        out += [f"- “{_md(q.text)}”" for q in dropped]
    return out


# --------------------------------------------------------------------------- spans


@dataclass(frozen=True, slots=True)
class Layer:
    """A styled span ``[start, end)`` in a side's text, for ``highlight_html``."""

    start: int
    end: int
    cls: str
    """CSS class(es) for the span."""
    title: str = ""
    """Tooltip (plain text; escaped on output)."""


def highlight_html(
    text: str,
    offset: int,
    layers: Iterable[Layer],
    inserts: Mapping[int, Sequence[str]] | None = None,
) -> str:
    """Escape ``text`` and wrap each run in the classes of every layer covering it.

    Layers may overlap or nest in any way: the text is cut at every layer boundary and
    each elementary run gets one ``<span>`` listing all the classes active over it
    (outermost first), so the markup is always well formed.

    Args:
        text: The verbatim text, ``doc.text[offset:offset + len(text)]``.
        offset: Where ``text`` starts in its document; layers and inserts use document
            offsets and are clipped to the text.
        layers: The styled spans; empty ones are ignored.
        inserts: Trusted HTML snippets (badges, anchors) to place at a document offset;
            those at the end of the text come last, those outside it are left out.

    Returns:
        HTML with every character of ``text`` escaped.

    >>> highlight_html("a<b & c", 10, [Layer(10, 13, "x"), Layer(12, 17, "y")])
    '<span class="x">a&lt;</span><span class="x y">b</span><span class="y"> &amp; c</span>'
    """
    size = len(text)
    clipped = [
        (max(layer.start - offset, 0), min(layer.end - offset, size), order, layer)
        for order, layer in enumerate(layers)
        if layer.end > layer.start and layer.end > offset and layer.start < offset + size
    ]
    # Wider layers first, so classes read outermost to innermost.
    clipped.sort(key=lambda c: (c[0], -c[1], c[2]))
    snippets: dict[int, list[str]] = defaultdict(list)
    for position, items in (inserts or {}).items():
        if offset <= position <= offset + size:
            snippets[position - offset].extend(items)
    bounds = sorted({0, size, *snippets, *(c[0] for c in clipped), *(c[1] for c in clipped)})
    out: list[str] = []
    for low, high in pairwise(bounds):
        out.extend(snippets.get(low, ()))
        piece = html.escape(text[low:high])
        active = [c[3] for c in clipped if c[0] <= low and high <= c[1]]
        if not active:
            out.append(piece)
            continue
        classes: list[str] = []
        for layer in active:
            for cls in layer.cls.split():
                if cls not in classes:
                    classes.append(cls)
        titles = [layer.title for layer in active if layer.title]
        title = f' title="{html.escape(" · ".join(titles))}"' if titles else ""
        out.append(f'<span class="{" ".join(classes)}"{title}>{piece}</span>')
    out.extend(snippets.get(size, ()))
    return "".join(out)


# --------------------------------------------------------------------------- html

_CSS = """
:root { color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --ins: #dafbe1; --ins-strong: #9be9a8; --ins-edge: #1a7f37;
  --del: #ffebe9; --del-strong: #ffb8b0; --del-edge: #cf222e;
  --moved: #ddf4ff; --moved-edge: #0969da; --warn: #9a6700; --flag: #cf222e; --ok: #1a7f37; }
@media (prefers-color-scheme: dark) { :root {
  --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23;
  --ins: rgba(46,160,67,.18); --ins-strong: rgba(46,160,67,.45); --ins-edge: #3fb950;
  --del: rgba(248,81,73,.18); --del-strong: rgba(248,81,73,.45); --del-edge: #f85149;
  --moved: rgba(56,139,253,.15); --moved-edge: #58a6ff; --warn: #d29922; --flag: #f85149;
  --ok: #3fb950; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1400px; padding: 1.5rem; background: var(--bg);
  color: var(--fg); font: 15px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 1.5rem; margin: 0 0 .75rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .5rem;
  border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
.meta { border-collapse: collapse; margin-bottom: 1rem; }
.meta th { text-align: left; padding: .15rem 1rem .15rem 0; color: var(--muted);
  font-weight: 600; vertical-align: top; }
.meta td { padding: .15rem 0; } .muted { color: var(--muted); }
.figures { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; margin: .5rem 0; }
.figures li { list-style: none; background: var(--panel); border: 1px solid var(--line);
  border-radius: 6px; padding: .3rem .7rem; }
ol.items { padding-left: 1.4rem; } ol.items > li { margin: 0 0 1rem; }
.item-head { font-weight: 600; }
blockquote { margin: .3rem 0; padding: .2rem .8rem; border-left: 3px solid var(--line);
  background: var(--panel); }
blockquote .who { color: var(--muted); font-size: .85em; margin-right: .4em; }
.note { margin: .3rem 0 0; } .note::before { content: "Note: "; font-weight: 600; }
.ins { background: var(--ins); }
.del { background: var(--del); }
.claim-added { background: var(--ins-strong); box-shadow: inset 0 -2px var(--ins-edge);
  font-weight: 600; }
.claim-dropped { background: var(--del-strong); box-shadow: inset 0 -2px var(--del-edge);
  font-weight: 600; }
.quote { text-decoration: underline dotted; text-underline-offset: 3px; }
.badge { display: inline-block; font-size: .72em; font-weight: 600; line-height: 1.3;
  border-radius: 4px; padding: 0 .35em; margin: 0 .2em; border: 1px solid currentColor;
  vertical-align: .1em; white-space: nowrap; }
.q-verbatim { color: var(--ok); } .q-altered { color: var(--warn); }
.q-new, .q-dropped { color: var(--flag); } .q-speaker { color: var(--warn); }
.mark { font-weight: 700; text-decoration: none; padding: 0 .15em; }
.m-accepted { color: var(--ok); } .m-flagged { color: var(--flag); }
.m-none { color: var(--muted); }
table.sbs { width: 100%; border-collapse: collapse; table-layout: fixed; }
.sbs th { text-align: left; position: sticky; top: 0; background: var(--bg);
  border-bottom: 2px solid var(--line); padding: .4rem .6rem; }
.sbs td { vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid var(--line); }
.sbs col.status { width: 7.5rem; }
.sbs td.st { font-size: .8em; color: var(--muted); }
tr.st-added td.b { background: var(--ins); } tr.st-dropped td.a { background: var(--del); }
tr.st-moved td.st { box-shadow: inset 3px 0 var(--moved-edge); }
tr.st-moved td.a, tr.st-moved td.b { background: var(--moved); }
tr.st-boilerplate td { color: var(--muted); font-style: italic; font-size: .9em; }
.headline { font-weight: 700; } .boilerplate { color: var(--muted); font-style: italic; }
@media print { .sbs th { position: static; } }
"""

_MARK_HTML = {
    Mark.ACCEPTED: ("m-accepted", "✓", "accepted"),
    Mark.FLAGGED: ("m-flagged", "!", "flagged"),
    None: ("m-none", "·", "not reviewed"),
}
_QUOTE_BADGE = {
    QuoteStatus.VERBATIM: ("q-verbatim", "verbatim"),
    QuoteStatus.ALTERED: ("q-altered", "altered quote"),
    QuoteStatus.NEW: ("q-new", "new quote"),
    QuoteStatus.DROPPED: ("q-dropped", "dropped quote"),
}
_KIND_CLASS = {SentenceKind.HEADLINE: "headline", SentenceKind.BOILERPLATE: "boilerplate"}
_STATUS_LABEL = {
    Status.SAME: "same",
    Status.REWORDED: "reworded",
    Status.MOVED: "moved",
    Status.ADDED: "added",
    Status.DROPPED: "dropped",
    Status.BOILERPLATE: "boilerplate",
}


def _e(text: str | None) -> str:
    return html.escape(text or "")


def _mark_html(ctx: _Context, key: str, *, link: str | None = None) -> str:
    entry = ctx.entry(key)
    cls, symbol, word = _MARK_HTML[entry.mark if entry else None]
    title = word + (f": {entry.note}" if entry and entry.note else "")
    href = f' href="#{link}"' if link else ""
    return f'<a class="mark {cls}"{href} title="{_e(title)}">{symbol}</a>'


def _html(ctx: _Context) -> str:
    comparison = ctx.comparison
    a_title, a_details = _doc_line(comparison.a)
    b_title, b_details = _doc_line(comparison.b)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Fact-check: {_e(b_title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>Fact-check: {_e(b_title)}</h1>",
        '<table class="meta">',
        _meta_row("Rewrite", b_title, b_details),
        _meta_row("Original", a_title, a_details),
        f"<tr><th>Review</th><td>{_e(str(ctx.progress))}"
        + (f", {len(ctx.stale)} stale" if ctx.stale else "")
        + "</td></tr>",
    ]
    if ctx.generated_at is not None:
        stamp = ctx.generated_at.isoformat(timespec="minutes")
        out.append(f"<tr><th>Generated</th><td>{_e(stamp)}</td></tr>")
    out.append("</table>")
    out.append('<ul class="figures">')
    out += [f"<li>{_e(line)}</li>" for line in _coverage_lines(comparison)]
    out.append("</ul>")

    for title, kinds in _SECTIONS:
        items = ctx.section(kinds)
        extra = title == "Quotations" and (ctx.verbatim_quotes() or ctx.dropped_quotes())
        if not items and not extra:
            continue
        out.append(f"<h2>{_e(title)} ({len(items)})</h2>")
        if items:
            out.append('<ol class="items">')
            out += [_html_item(ctx, item) for item in items]
            out.append("</ol>")
        if title == "Quotations":
            out += _html_other_quotes(ctx)

    if ctx.stale:
        out.append(f"<h2>Stale marks ({len(ctx.stale)})</h2>")
        out.append('<p class="muted">Marked on text that has since changed.</p><ul>')
        for _, entry in ctx.stale:
            cls, symbol, _word = _MARK_HTML[entry.mark]
            note = f'<p class="note">{_e(entry.note)}</p>' if entry.note else ""
            out.append(
                f'<li><span class="mark {cls}">{symbol}</span> '
                f"<b>{_e(entry.label or 'Item')}</b>: “{_e(entry.text)}”{note}</li>"
            )
        out.append("</ul>")

    out.append("<h2>Side by side</h2>")
    out.append(_html_table(ctx))
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def _meta_row(label: str, title: str, details: str) -> str:
    return (
        f'<tr><th>{label}</th><td>{_e(title)} <span class="muted">({_e(details)})</span></td></tr>'
    )


def _html_item(ctx: _Context, item: ReviewItem) -> str:
    entry = ctx.entry(item.key)
    here, there = ("Rewrite", "Original") if item.side is Side.B else ("Original", "Rewrite")
    strong = "claim-added" if item.side is Side.B else "claim-dropped"
    parts = [
        f'<li id="r-{item.key}">',
        f'<div class="item-head">{_mark_html(ctx, item.key, link=f"t-{item.key}")} '
        f"{_e(item.label)}",
    ]
    if item.kind not in (ItemKind.REWORDED, ItemKind.MOVED):
        parts.append(f": “{_e(item.text)}”")
    parts.append("</div>")
    if item.kind in (ItemKind.REWORDED, ItemKind.MOVED):
        parts.append(_quote_block(there, _e(item.departs_from)))
        parts.append(_quote_block(here, _e(item.sentence)))
    else:
        layer = Layer(item.start, item.end, strong)
        sentence = highlight_html(item.sentence, item.sentence_start, [layer])
        parts.append(_quote_block(here, sentence))
        if item.departs_from:
            parts.append(_quote_block(there, _e(item.departs_from)))
        elif item.source_text:
            parts.append(_quote_block(f"{there} quoted", f"“{_e(item.source_text)}”"))
    if entry and entry.note:
        parts.append(f'<p class="note">{_e(entry.note)}</p>')
    parts.append("</li>")
    return "".join(parts)


def _quote_block(who: str, body_html: str) -> str:
    return f'<blockquote><span class="who">{_e(who)}</span>{body_html}</blockquote>'


def _html_other_quotes(ctx: _Context) -> list[str]:
    out: list[str] = []
    verbatim = ctx.verbatim_quotes()
    if verbatim:
        out.append(f"<p>Verbatim from the original ({len(verbatim)}):</p><ul>")
        out += [f"<li>“{_e(q.text)}”</li>" for q in verbatim]
        out.append("</ul>")
    dropped = ctx.dropped_quotes()
    if dropped:
        out.append(f"<p>Quotations of the original the rewrite leaves out ({len(dropped)}):</p>")
        out.append("<ul>" + "".join(f"<li>“{_e(q.text)}”</li>" for q in dropped) + "</ul>")
    return out


def _html_table(ctx: _Context) -> str:
    comparison = ctx.comparison
    layers: dict[tuple[int, Side], list[Layer]] = defaultdict(list)
    inserts: dict[tuple[int, Side], dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))

    def pair_of(pair: int, side: Side, start: int) -> int:
        if pair >= 0:
            return pair
        return _pair_at(comparison, side, start)

    for claim in comparison.claims:
        index = pair_of(claim.pair, claim.side, claim.start)
        cls = "claim-added" if claim.side is Side.B else "claim-dropped"
        word = "added claim" if claim.side is Side.B else "dropped detail"
        title = f"{word} ({claim.category.value})"
        layers[index, claim.side].append(Layer(claim.start, claim.end, cls, title))
    for quote in comparison.quotes:
        index = pair_of(quote.pair, quote.side, quote.start)
        cls, badge = _QUOTE_BADGE[quote.status]
        title = badge if badge != "verbatim" else "verbatim quote"
        if quote.speaker_changed:
            title += f" (attributed to {quote.speaker or '?'}, was {quote.source_speaker or '?'})"
            badge += ", other speaker"
        layers[index, quote.side].append(Layer(quote.start, quote.end, f"quote {cls}", title))
        inserts[index, quote.side][quote.end].append(
            f'<span class="badge {cls}">{_e(badge)}</span>'
        )
    group_items: dict[int, ReviewItem] = {}
    for item in ctx.items:
        if item.kind in (ItemKind.REWORDED, ItemKind.MOVED):
            group_items[item.pair] = item
            continue
        spot = inserts[item.pair, item.side]
        spot[item.start].insert(0, f'<span id="t-{item.key}"></span>')
        spot[item.end].insert(0, _mark_html(ctx, item.key, link=f"r-{item.key}"))

    a_title, _ = _doc_line(comparison.a)
    b_title, _ = _doc_line(comparison.b)
    rows = [
        '<table class="sbs">',
        '<colgroup><col class="status"><col><col></colgroup>',
        f"<thead><tr><th></th><th>Original: {_e(a_title)}</th>"
        f"<th>Rewrite: {_e(b_title)}</th></tr></thead>",
        "<tbody>",
    ]
    for index, pair in enumerate(comparison.pairs):
        op_layers = _op_layers(pair)
        cells = []
        for side, ids in ((Side.A, pair.a), (Side.B, pair.b)):
            doc = comparison.document(side)
            side_layers = op_layers[side] + layers.get((index, side), [])
            side_inserts = dict(inserts.get((index, side), {}))
            sentences = []
            for sid in ids:
                if not 0 <= sid < len(doc.sentences):
                    continue
                sentence = doc.sentences[sid]
                # Each snippet once, even where two sentences touch.
                here = {
                    p: side_inserts.pop(p)
                    for p in list(side_inserts)
                    if sentence.start <= p <= sentence.end
                }
                body = highlight_html(sentence.text, sentence.start, side_layers, here)
                if sentence.kind in _KIND_CLASS:
                    body = f'<span class="{_KIND_CLASS[sentence.kind]}">{body}</span>'
                sentences.append(body)
            cells.append(" ".join(sentences))
        status = _STATUS_LABEL.get(pair.status, str(pair.status))
        if pair.status is Status.MOVED and pair.changed:
            status = "moved, reworded"
        status_cell = _e(status)
        if index in group_items:
            key = group_items[index].key
            status_cell = (
                f'<span id="t-{key}"></span>{_mark_html(ctx, key, link=f"r-{key}")} {status_cell}'
            )
        if pair.a and pair.b and pair.status is not Status.SAME:
            status_cell += f"<br>{pair.score:.0%}"
        rows.append(
            f'<tr class="st-{_e(pair.status.value)}"><td class="st">{status_cell}</td>'
            f'<td class="a">{cells[0]}</td><td class="b">{cells[1]}</td></tr>'
        )
    rows += ["</tbody>", "</table>"]
    return "\n".join(rows)


def _op_layers(pair: Pair) -> dict[Side, list[Layer]]:
    """Word-diff layers of a group: deletions on A, insertions on B (subtle)."""
    result: dict[Side, list[Layer]] = {Side.A: [], Side.B: []}
    for op in pair.ops:
        if op.op is Op.DELETE:
            result[Side.A].append(Layer(op.a_start, op.a_end, "del"))
        elif op.op is Op.INSERT:
            result[Side.B].append(Layer(op.b_start, op.b_end, "ins"))
    return result


def _pair_at(comparison: Comparison, side: Side, offset: int) -> int:
    """Index of the pair holding the sentence at ``offset`` on ``side`` (-1 if none)."""
    doc = comparison.document(side)
    for index, pair in enumerate(comparison.pairs):
        for sid in pair.a if side is Side.A else pair.b:
            if 0 <= sid < len(doc.sentences):
                sentence = doc.sentences[sid]
                if sentence.start <= offset < max(sentence.end, sentence.start + 1):
                    return index
    return -1


# --------------------------------------------------------------------------- json


def _doc_json(doc: Document) -> dict[str, Any]:
    return {"path": doc.path, "title": doc.title, "date": doc.date}


def _json(ctx: _Context) -> str:
    comparison = ctx.comparison
    items = []
    for item in ctx.items:
        entry = ctx.entry(item.key)
        items.append(
            {
                "key": item.key,
                "kind": item.kind.value,
                "label": item.label,
                "category": item.category,
                "side": item.side.value,
                "text": item.text,
                "start": item.start,
                "end": item.end,
                "pair": item.pair,
                "sentence": item.sentence,
                "departs_from": item.departs_from,
                "source_text": item.source_text,
                "mark": entry.mark.value if entry and entry.mark else None,
                "note": entry.note if entry else "",
                "updated_at": _stamp(entry.updated_at) if entry else None,
            }
        )
    quotes = [
        {
            "side": q.side.value,
            "status": q.status.value,
            "text": q.text,
            "start": q.start,
            "end": q.end,
            "source": (
                {
                    "start": q.source.start,
                    "end": q.source.end,
                    "text": comparison.document(q.side.other).text[q.source.start : q.source.end],
                }
                if q.source
                else None
            ),
            "speaker": q.speaker,
            "source_speaker": q.source_speaker,
            "speaker_changed": q.speaker_changed,
        }
        for q in comparison.quotes
    ]
    stale = [
        {
            "key": key,
            "label": entry.label,
            "text": entry.text,
            "mark": entry.mark.value if entry.mark else None,
            "note": entry.note,
            "updated_at": _stamp(entry.updated_at),
        }
        for key, entry in ctx.stale
    ]
    reviewed, total, flagged = ctx.progress
    payload: dict[str, Any] = {
        "schema": REPORT_SCHEMA,
        "kind": "diffreader-report",
        "a": _doc_json(comparison.a),
        "b": _doc_json(comparison.b),
        "stats": asdict(comparison.stats),
        "review": {"reviewed": reviewed, "total": total, "flagged": flagged, "stale": len(stale)},
        "items": items,
        "quotes": quotes,
        "stale": stale,
    }
    if ctx.generated_at is not None:
        payload["generated_at"] = ctx.generated_at.isoformat()
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
