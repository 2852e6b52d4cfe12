"""Provides the HTML writer: the fact-check report as one self-contained page.

The page has inline CSS, no scripts and no external assets: a summary, every item with
its context and review mark, and the full side-by-side view painted from the view's
highlight layers. Items are numbered through the whole report; in the side by side each
item ends with a small footnote-style badge (its number, with ✓ or ! once reviewed) that
links to it in the list, so no mark glyph is mixed into the article's text. Every piece
of article text goes through ``escape.html`` (control characters made visible, markup
escaped), so a ``<script>`` in an article stays text.

API:
    report_html(view, generated_at=None) -> str
    Highlight, highlight_html(text, offset, highlights, inserts=None) -> str
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from diffreader.engine.model import QuoteStatus, SentenceKind, Side, Status
from diffreader.render.escape import html as escape_html
from diffreader.render.escape import name, reveal
from diffreader.render.labels import (
    CATEGORY_COLOUR,
    FAMILY_HELP,
    LEGEND_COLOURS,
    MARK_GLYPH,
    MARK_WORD,
    QUOTE_BADGE,
    SECTION_TITLE,
    counts_heading,
    group_label,
)
from diffreader.render.model import Layer, LayerKind, View
from diffreader.render.summary import coverage_lines, doc_line
from diffreader.review.items import ItemKind, ReviewItem, Section, family
from diffreader.review.marks import Mark

__all__ = ["Highlight", "highlight_html", "report_html"]


@dataclass(frozen=True, slots=True)
class Highlight:
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
    layers: Iterable[Highlight],
    inserts: Mapping[int, Sequence[str]] | None = None,
    *,
    revealed: bool = False,
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
        revealed: Show what draws nothing (``escape.reveal``) everywhere in ``text``, not
            only in its highlighted runs (the sentence of a review item: "4" was "40" in
            "4<U+200B>0 people").

    Returns:
        HTML with every character of ``text`` escaped.

    >>> highlight_html("a<b & c", 10, [Highlight(10, 13, "x"), Highlight(12, 17, "y")])
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
        active = [c[3] for c in clipped if c[0] <= low and high <= c[1]]
        if not active:
            out.append(escape_html(reveal(text[low:high]) if revealed else text[low:high]))
            continue
        # A highlighted run is a change or a claim: what draws nothing in it is shown
        # ("4<U+200B>0" against "40"), as the other writers show it.
        piece = escape_html(reveal(text[low:high]))
        classes: list[str] = []
        for layer in active:
            for cls in layer.cls.split():
                if cls not in classes:
                    classes.append(cls)
        titles = [layer.title for layer in active if layer.title]
        title = f' title="{escape_html(" · ".join(titles))}"' if titles else ""
        out.append(f'<span class="{" ".join(classes)}"{title}>{piece}</span>')
    out.extend(snippets.get(size, ()))
    return "".join(out)


# --------------------------------------------------------------------------- html

_CSS = """
:root { color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --ins: #dafbe1; --ins-strong: #9be9a8; --ins-edge: #1a7f37;
  --del: #ffebe9; --del-strong: #ffb8b0; --del-edge: #cf222e;
  --moved: #ddf4ff; --moved-edge: #0969da; --warn: #9a6700; --flag: #cf222e; --ok: #1a7f37;
  --cat-figure: #0969da; --cat-date: #8250df; --cat-name: #bf3989; --cat-role: #bc4c00;
  --cat-negation: #cf222e; --cat-opposite: #9a6700; }
@media (prefers-color-scheme: dark) { :root {
  --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23;
  --ins: rgba(46,160,67,.18); --ins-strong: rgba(46,160,67,.45); --ins-edge: #3fb950;
  --del: rgba(248,81,73,.18); --del-strong: rgba(248,81,73,.45); --del-edge: #f85149;
  --moved: rgba(56,139,253,.15); --moved-edge: #58a6ff; --warn: #d29922; --flag: #f85149;
  --ok: #3fb950; --cat-figure: #58a6ff; --cat-date: #bc8cff; --cat-name: #f778ba;
  --cat-role: #ffa657; --cat-negation: #ff7b72; --cat-opposite: #e3b341; } }
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
.claim-added { background: var(--ins-strong); box-shadow: inset 0 -2px var(--ins-edge); }
.claim-dropped { background: var(--del-strong); box-shadow: inset 0 -2px var(--del-edge); }
.cat-figure { --cat: var(--cat-figure); } .cat-date { --cat: var(--cat-date); }
.cat-name { --cat: var(--cat-name); } .cat-role { --cat: var(--cat-role); }
.cat-negation { --cat: var(--cat-negation); } .cat-opposite { --cat: var(--cat-opposite); }
.claim-added[class*="cat-"], .claim-dropped[class*="cat-"], .legend span[class*="cat-"] {
  font-weight: 700; background: color-mix(in srgb, var(--cat) 30%, var(--bg));
  box-shadow: inset 0 -3px var(--cat); }
.was { color: var(--muted); }
.legend { margin: .25rem 0 1rem; font-size: .9em; color: var(--muted); }
.legend span[class*="cat-"] { margin-right: .9em; padding: 0 .3em; color: var(--fg); }
.quote { text-decoration: underline dotted; text-underline-offset: 3px; }
.badge { display: inline-block; font-size: .72em; font-weight: 600; line-height: 1.3;
  border-radius: 4px; padding: 0 .35em; margin: 0 .2em; border: 1px solid currentColor;
  vertical-align: .1em; white-space: nowrap; }
.q-verbatim { color: var(--ok); } .q-altered { color: var(--warn); }
.q-new, .q-dropped { color: var(--flag); } .q-speaker { color: var(--warn); }
.mark { font-weight: 700; text-decoration: none; padding: 0 .15em; }
.m-accepted { color: var(--ok); } .m-flagged { color: var(--flag); }
.m-none { color: var(--muted); }
.ref { font: 600 .68em/1 system-ui, -apple-system, "Segoe UI", sans-serif; font-style: normal;
  user-select: none; white-space: nowrap; margin: 0 .1em 0 .15em; }
sup.ref { vertical-align: .6em; }
.ref a { display: inline-block; min-width: 1.5em; padding: .12em .4em; border-radius: 1em;
  text-align: center; text-decoration: none; color: var(--muted); background: var(--panel);
  border: 1px solid var(--line); }
.ref a:hover { border-color: currentColor; }
.ref.m-accepted a { color: var(--bg); background: var(--ok); border-color: var(--ok); }
.ref.m-flagged a { color: var(--bg); background: var(--flag); border-color: var(--flag); }
table.sbs { width: 100%; border-collapse: collapse; table-layout: fixed; }
.sbs th { text-align: left; position: sticky; top: 0; background: var(--bg);
  border-bottom: 2px solid var(--line); padding: .4rem .6rem; }
.sbs td { vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid var(--line); }
.sbs col.status { width: 7.5rem; }
ol.items li.nested { margin-left: 1.5rem; }
.sbs td.st { font-size: .8em; color: var(--muted); }
tr.st-added td.b { background: var(--ins); } tr.st-dropped td.a { background: var(--del); }
tr.st-moved td.st { box-shadow: inset 3px 0 var(--moved-edge); }
tr.st-moved td.a, tr.st-moved td.b { background: var(--moved); }
tr.st-boilerplate td { color: var(--muted); font-style: italic; font-size: .9em; }
.headline { font-weight: 700; } .boilerplate { color: var(--muted); font-style: italic; }
@media print { .sbs th { position: static; } }
"""

_MARK_HTML: dict[Mark | None, tuple[str, str, str]] = {
    mark: (f"m-{mark.value if mark else 'none'}", MARK_GLYPH[mark], MARK_WORD[mark])
    for mark in (Mark.ACCEPTED, Mark.FLAGGED, None)
}
_KIND_CLASS = {SentenceKind.HEADLINE: "headline", SentenceKind.BOILERPLATE: "boilerplate"}
_LAYER_CLASS = {
    LayerKind.WORD_DELETE: "del",
    LayerKind.WORD_INSERT: "ins",
    LayerKind.CLAIM_ADDED: "claim-added",
    LayerKind.CLAIM_DROPPED: "claim-dropped",
    **{LayerKind.of_quote(q): f"quote q-{q.value}" for q in QuoteStatus},
}


def _layer_class(layer: Layer) -> str:
    """A layer's classes: a claim's also name its colour family ("cat-negation")."""
    cls = _LAYER_CLASS[layer.kind]
    colour = CATEGORY_COLOUR[layer.claim.category] if layer.claim is not None else ""
    return f"{cls} cat-{colour}" if colour else cls


def _e(text: str | None) -> str:
    return escape_html(text or "")


def _mark_html(view: View, key: str, *, link: str | None = None) -> str:
    entry = view.entry(key)
    cls, symbol, word = _MARK_HTML[entry.mark if entry else None]
    title = word + (f": {entry.note}" if entry and entry.note else "")
    href = f' href="#{link}"' if link else ""
    return f'<a class="mark {cls}"{href} title="{_e(title)}">{symbol}</a>'


def _ref_html(view: View, key: str, number: int | None, *, tag: str = "sup") -> str:
    """The badge that marks an item in the side by side: ``<sup class="ref">3</sup>``.

    It shows the item's number in the report's lists (with ✓ or ! once reviewed) and links
    to the item there, like a footnote marker; ``user-select: none`` keeps it out of text
    copied from the article.
    """
    entry = view.entry(key)
    mark = entry.mark if entry else None
    cls, symbol, word = _MARK_HTML[mark]
    shown = "" if number is None else str(number)
    if mark is not None:
        shown += symbol
    title = (f"Item {number}: " if number is not None else "") + word
    if entry and entry.note:
        title += f": {entry.note}"
    return (
        f'<{tag} class="ref {cls}"><a href="#r-{key}" title="{_e(title)}">'
        f"{_e(shown or '?')}</a></{tag}>"
    )


def report_html(view: View, generated_at: datetime | None = None) -> str:
    """The fact-check report as one self-contained HTML page (see ``render.render_report``)."""
    comparison = view.comparison
    # One numbering through all the lists, so a badge's number names one item.
    numbers: dict[str, int] = {}
    for section in Section:
        for item in view.section(section):
            numbers.setdefault(item.key, len(numbers) + 1)
    # Names show what draws nothing in them ("b<U+200B>.txt" is another file) and their
    # line breaks, as the Markdown report's do (``escape.name``).
    a_title, a_details = map(name, doc_line(comparison.a))
    b_title, b_details = map(name, doc_line(comparison.b))
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
        f"<tr><th>Review</th><td>{_e(str(view.progress))}"
        + (f", {len(view.stale)} stale" if view.stale else "")
        + "</td></tr>",
    ]
    if generated_at is not None:
        stamp = generated_at.isoformat(timespec="minutes")
        out.append(f"<tr><th>Generated</th><td>{_e(stamp)}</td></tr>")
    out.append("</table>")
    out.append('<ul class="figures">')
    out += [f"<li>{_e(line)}</li>" for line in coverage_lines(view)]
    out.append("</ul>")
    out.append(
        '<p class="legend">Facts inside a claim, by kind: '
        + "".join(
            f'<span class="cat-{c}" title="{_e(FAMILY_HELP[c])}">{_e(c)}</span>'
            for c in LEGEND_COLOURS
        )
        + "</p>"
    )

    for section in Section:
        items = view.section(section)
        extra = section is Section.QUOTES and (view.verbatim_quotes() or view.dropped_quotes())
        if not items and not extra:
            continue
        heading = f"{SECTION_TITLE[section]} ({counts_heading(view.counts[section])})"
        out.append(f"<h2>{_e(heading)}</h2>")
        if items:
            out.append(f'<ol class="items" start="{numbers[items[0].key]}">')
            out += [_html_item(view, item) for item in items]
            out.append("</ol>")
        if section is Section.QUOTES:
            out += _html_other_quotes(view)

    if view.stale:
        out.append(f"<h2>Stale marks ({len(view.stale)})</h2>")
        out.append('<p class="muted">Marked on text that has since changed.</p><ul>')
        for stale in view.stale:
            entry = stale.entry
            cls, symbol, _word = _MARK_HTML[entry.mark]
            note = f'<p class="note">{_e(entry.note)}</p>' if entry.note else ""
            out.append(
                f'<li><span class="mark {cls}">{symbol}</span> '
                f"<b>{_e(entry.label or 'Item')}</b>: “{_e(entry.text)}”{note}</li>"
            )
        out.append("</ul>")

    out.append("<h2>Side by side</h2>")
    out.append(_html_table(view, numbers))
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def _meta_row(label: str, title: str, details: str) -> str:
    return (
        f'<tr><th>{label}</th><td>{_e(title)} <span class="muted">({_e(details)})</span></td></tr>'
    )


def _html_item(view: View, item: ReviewItem) -> str:
    entry = view.entry(item.key)
    here, there = ("Rewrite", "Original") if item.side is Side.B else ("Original", "Rewrite")
    strong = "claim-added" if item.side is Side.B else "claim-dropped"
    parts = [
        f'<li id="r-{item.key}" class="nested">' if item.parent else f'<li id="r-{item.key}">',
        f'<div class="item-head">{_mark_html(view, item.key, link=f"t-{item.key}")} '
        f"{_e(item.label)}",
    ]
    if item.kind not in (ItemKind.REWORDED, ItemKind.MOVED):
        parts.append(f": “{_e(reveal(item.text))}”")
        if item.was:
            parts.append(f' <span class="was">(was “{_e(reveal(item.was))}”)</span>')
    parts.append("</div>")
    # An item's sentences are changed text: what draws nothing in them is shown.
    if item.kind in (ItemKind.REWORDED, ItemKind.MOVED):
        parts.append(_quote_block(there, _e(reveal(item.departs_from))))
        parts.append(_quote_block(here, _e(reveal(item.sentence))))
    else:
        colour = family(item)  # a fact: its family's colour, as in the side by side
        layer = Highlight(item.start, item.end, f"{strong} cat-{colour}" if colour else strong)
        sentence = highlight_html(item.sentence, item.sentence_start, [layer], revealed=True)
        parts.append(_quote_block(here, sentence))
        if item.departs_from:
            parts.append(_quote_block(there, _e(reveal(item.departs_from))))
        elif item.source_text:
            parts.append(_quote_block(f"{there} quoted", f"“{_e(item.source_text)}”"))
    if entry and entry.note:
        parts.append(f'<p class="note">{_e(entry.note)}</p>')
    parts.append("</li>")
    return "".join(parts)


def _quote_block(who: str, body_html: str) -> str:
    return f'<blockquote><span class="who">{_e(who)}</span>{body_html}</blockquote>'


def _html_other_quotes(view: View) -> list[str]:
    out: list[str] = []
    verbatim = view.verbatim_quotes()
    if verbatim:
        out.append(f"<p>Verbatim from the original ({len(verbatim)}):</p><ul>")
        out += [f"<li>“{_e(q.text)}”</li>" for q in verbatim]
        out.append("</ul>")
    dropped = view.dropped_quotes()
    if dropped:
        out.append(f"<p>Quotations of the original the rewrite leaves out ({len(dropped)}):</p>")
        out.append("<ul>" + "".join(f"<li>“{_e(q.text)}”</li>" for q in dropped) + "</ul>")
    return out


def _html_table(view: View, numbers: Mapping[str, int]) -> str:
    comparison = view.comparison
    inserts: dict[tuple[int, Side], dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in view.rows:
        for layer in row.layers:
            if layer.quote is None or layer.source:
                continue
            quote = layer.quote
            cls = f"q-{quote.status.value}"
            badge = QUOTE_BADGE[quote.status]
            if quote.speaker_changed:
                badge += ", other speaker"
            inserts[row.index, quote.side][quote.end].append(
                f'<span class="badge {cls}">{_e(badge)}</span>'
            )
    group_items: dict[int, ReviewItem] = {}
    for item in view.items:
        if item.kind in (ItemKind.REWORDED, ItemKind.MOVED):
            group_items[item.pair] = item
            continue
        spot = inserts[item.pair, item.side]
        spot[item.start].insert(0, f'<span id="t-{item.key}"></span>')
        spot[item.end].insert(0, _ref_html(view, item.key, numbers.get(item.key)))

    a_title, b_title = name(doc_line(comparison.a)[0]), name(doc_line(comparison.b)[0])
    rows = [
        '<table class="sbs">',
        '<colgroup><col class="status"><col><col></colgroup>',
        f"<thead><tr><th></th><th>Original: {_e(a_title)}</th>"
        f"<th>Rewrite: {_e(b_title)}</th></tr></thead>",
        "<tbody>",
    ]
    for row in view.rows:
        index, pair = row.index, row.pair
        cells = []
        for side, ids in ((Side.A, pair.a), (Side.B, pair.b)):
            doc = comparison.document(side)
            # The side by side marks each quotation where it is, not its source.
            side_layers = [
                Highlight(layer.start, layer.end, _layer_class(layer), layer.title)
                for layer in row.side_layers(side)
                if not layer.source
            ]
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
        # A word replaced by one drawn the same: which characters differ.
        cells[1] += "".join(
            f'<br><span class="muted">≈ {_e(found.note)}</span>' for found in row.lookalikes
        )
        status_cell = _e(group_label(pair))
        if index in group_items:
            key = group_items[index].key
            badge = _ref_html(view, key, numbers.get(key), tag="span")
            status_cell = f'<span id="t-{key}"></span>{badge} {status_cell}'
        if pair.a and pair.b and pair.status is not Status.SAME:
            status_cell += f"<br>{pair.score:.0%}"
        rows.append(
            f'<tr class="st-{_e(pair.status.value)}"><td class="st">{status_cell}</td>'
            f'<td class="a">{cells[0]}</td><td class="b">{cells[1]}</td></tr>'
        )
    rows += ["</tbody>", "</table>"]
    return "\n".join(rows)
