"""Provides the Markdown writers: the CLI summary (``--format markdown``) and the fact-check
report (``--report markdown``).

Article text goes through ``escape.markdown``/``escape.markdown_inline`` (control
characters made visible, markup escaped); counts come from the view.

API:
    render_markdown(view) -> str                       the CLI summary
    report_markdown(view, generated_at=None) -> str    the fact-check report
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from diffreader.engine.model import (
    ClaimKind,
    Document,
    Op,
    Pair,
    Quote,
    QuoteStatus,
    Side,
    Status,
)
from diffreader.render.escape import markdown as _md
from diffreader.render.escape import markdown_inline as _md_inline
from diffreader.render.labels import (
    MARK_CHECKBOX,
    SECTION_TITLE,
    counts_heading,
    group_label,
)
from diffreader.render.model import View, group_text, has_word_changes, word_runs
from diffreader.render.ranges import in_ranges, span_weight
from diffreader.render.summary import coverage_lines, doc_line, split_item
from diffreader.render.to_text import quote_counts, status_counts
from diffreader.review.items import ItemKind, ReviewItem, Section
from diffreader.review.marks import Mark

__all__ = ["render_markdown", "report_markdown"]


def _ids(ids: Sequence[int]) -> str:
    return ",".join(str(i) for i in ids)


def _percent(value: float) -> str:
    return f"{round(value * 100)}%"


# --------------------------------------------------------------------------- CLI summary


def _md_quote_line(view: View, quote: Quote) -> str:
    line = f"- **{quote.status.value}** ({quote.side.value.upper()}): “{_md(quote.text)}”"
    if quote.status is QuoteStatus.ALTERED and quote.source is not None:
        line += f" — source: “{_md(view.source_text(quote))}”"
    if quote.speaker_changed:
        line += (
            f" — **speaker changed**: {_md(quote.source_speaker or '?')} → "
            f"{_md(quote.speaker or '?')}"
        )
    return line


def render_markdown(view: View) -> str:
    """A Markdown summary for tickets and chat: claims and quotations first, then groups."""
    comparison = view.comparison
    a, b, stats = comparison.a, comparison.b, comparison.stats
    out: list[str] = ["# diffreader comparison", ""]
    out += ["| | A (original) | B (rewrite) |", "|---|---|---|"]
    out.append(f"| File | {_md(a.path or 'untitled')} | {_md(b.path or 'untitled')} |")
    out.append(f"| Title | {_md(a.title or '—')} | {_md(b.title or '—')} |")
    out.append(f"| Date | {a.date or '—'} | {b.date or '—'} |")
    out.append(f"| Sentences | {len(a.sentences)} | {len(b.sentences)} |")
    out.append("")
    out.append(
        f"**Coverage:** {_percent(stats.a_kept)} of A is kept in B; "
        f"{_percent(stats.b_new)} of B is new. **Groups:** {status_counts(comparison)}. "
        f"**Quotations:** {quote_counts(comparison)}."
    )
    for kind, section in ((ClaimKind.ADDED, Section.ADDED), (ClaimKind.DROPPED, Section.DROPPED)):
        items = view.claim_items(kind)
        # Names and figures inside an added sentence or a quotation are listed under it
        # (the heading counts top-level claims, as every other view does).
        out += ["", f"## {SECTION_TITLE[section]} ({counts_heading(view.counts[section])})", ""]
        if not items:
            out.append("None.")
        out += _md_claim_lines(view, items)
    out += ["", f"## Quotations ({len(comparison.quotes)})", ""]
    if not comparison.quotes:
        out.append("None.")
    out += [_md_quote_line(view, quote) for quote in comparison.quotes]
    out += ["", "## Groups", "", "Deleted words are ~~struck~~, inserted words **bold**.", ""]
    out += _md_group_lines(view)
    return "\n".join(out) + "\n"


def _md_claim_lines(view: View, items: Sequence[ReviewItem]) -> list[str]:
    """One line per claim item, a long list written in ranges over the cores (each range's
    lines as one text)."""

    def lines(lo: int, hi: int) -> str:
        out = []
        for item in items[lo:hi]:
            side = item.side.value.upper()
            indent = "  " if item.parent is not None else ""
            sentence = view.locate.sentence_at(item.side, item.sentence_start)
            out.append(
                f"{indent}- **{item.category}**: “{_md(item.text)}” ({side} sentence {sentence})"
            )
        return "\n".join(out)

    if not items:
        return []
    return in_ranges(lines, len(items), lambda: [60 + len(item.text) for item in items])


def _md_group_lines(view: View) -> list[str]:
    """One line per group, a long list written in ranges over the cores (ranges.py; each
    range's lines as one text)."""
    comparison = view.comparison
    a, b = comparison.a, comparison.b

    def lines(lo: int, hi: int) -> str:
        out = []
        for index in range(lo, hi):
            pair = comparison.pairs[index]
            refs = " → ".join(
                part
                for part in (pair.a and f"A{_ids(pair.a)}", pair.b and f"B{_ids(pair.b)}")
                if part
            )
            if pair.status is Status.ADDED:
                body = f"**{_md(group_text(b, pair.b))}**"
            elif pair.status is Status.DROPPED:
                body = f"~~{_md(group_text(a, pair.a))}~~"
            elif has_word_changes(pair) and pair.status not in (Status.SAME, Status.BOILERPLATE):
                body = _md_word_diff(view, pair)
            else:
                body = _md(group_text(b, pair.b) if pair.b else group_text(a, pair.a))
            out.append(f"{index + 1}. *{group_label(pair)}* ({refs}): {body}")
        return "\n".join(out)

    if not comparison.pairs:
        return []
    pairs = comparison.pairs
    return in_ranges(
        lines, len(pairs), lambda: [span_weight(a, p.a) + span_weight(b, p.b) for p in pairs]
    )


_EDGE_CHARS = r"[\s.,;:!?\"'“”‘’«»()\[\]—–-]*"
_EDGE = re.compile(rf"^({_EDGE_CHARS})(.*?)({_EDGE_CHARS})$", re.S)


def _md_word_diff(view: View, pair: Pair) -> str:
    """B's text with ~~deleted~~ and **inserted** words.

    CommonMark only honours ``**`` that hugs a word, so punctuation and spaces at the edge of
    a change stay outside its marker, and a change of punctuation alone shows as B has it
    (the JSON output keeps every change exactly).
    """
    parts: list[str] = []
    for op, text in word_runs(view.comparison, pair):
        edges = _EDGE.match(text)
        assert edges is not None  # every group of the pattern may be empty
        lead, core, tail = edges.groups()
        if op is Op.EQUAL or not core:
            if op is not Op.DELETE:
                parts.append(_md_inline(text))
            continue
        if op is Op.INSERT and parts and parts[-1].endswith("~~") and not lead:
            lead = " "  # "~~close~~ **shut**": adjacent markers do not render well
        mark = "~~" if op is Op.DELETE else "**"
        if op is Op.DELETE:  # A's punctuation around a deletion is not in B
            lead, tail = (" " if lead[-1:].isspace() else ""), (" " if tail[:1].isspace() else "")
        parts.append(f"{_md_inline(lead)}{mark}{_md(core)}{mark}{_md_inline(tail)}")
    return re.sub(r" {2,}", " ", "".join(parts)).strip()


# --------------------------------------------------------------------------- report


def _md_context(item: ReviewItem) -> str:
    """The item's sentence with the item in bold."""
    parts = split_item(item)
    if parts is None or not parts[1].strip():
        return _md(item.sentence)
    before, middle, after = parts
    # Bold markers must hug the text (CommonMark), so edge spaces go outside them.
    core = middle.strip()
    lead = middle[: len(middle) - len(middle.lstrip())]
    trail = middle[len(middle.rstrip()) :]
    text = f"{_md_inline(before + lead)}**{_md_inline(core)}**{_md_inline(trail + after)}"
    return " ".join(text.split())


def _doc_md(doc: Document) -> tuple[str, str]:
    title, details = doc_line(doc)
    return _md(title), _md(details)


def report_markdown(view: View, generated_at: datetime | None = None) -> str:
    """The fact-check report in Markdown (see ``render.render_report``)."""
    comparison = view.comparison
    a_title, a_details = _doc_md(comparison.a)
    b_title, b_details = _doc_md(comparison.b)
    out = [
        f"## Fact-check: {b_title}",
        "",
        f"- **Rewrite:** {b_title} ({b_details})",
        f"- **Original:** {a_title} ({a_details})",
        f"- **Review:** {view.progress}" + (f", {len(view.stale)} stale" if view.stale else ""),
    ]
    if generated_at is not None:
        out.append(f"- **Generated:** {generated_at.isoformat(timespec='minutes')}")
    out += ["", "**Coverage:** " + "; ".join(_md(line) for line in coverage_lines(view))]

    for section in Section:
        items = view.section(section)
        extra = section is Section.QUOTES and (view.verbatim_quotes() or view.dropped_quotes())
        if not items and not extra:
            continue
        out += ["", f"### {SECTION_TITLE[section]} ({counts_heading(view.counts[section])})"]
        for item in items:
            lines = _md_item(view, item)
            if item.parent is not None:  # a detail inside the item above it
                lines = ["  " + line for line in lines]
            out += ["", *lines]
        if section is Section.QUOTES:
            out += _md_other_quotes(view)

    if view.stale:
        out += ["", f"### Stale marks ({len(view.stale)})", ""]
        out.append("_Marked on text that has since changed:_")
        out.append("")
        for stale in view.stale:
            entry = stale.entry
            label = _md(entry.label) if entry.label else "Item"
            out.append(f"- {MARK_CHECKBOX[entry.mark]} **{label}:** “{_md(entry.text)}”")
            if entry.note:
                out.append(f"  - **Note:** {_md(entry.note)}")
    if not view.items and not view.stale:
        out += ["", "Nothing to review: no added claims, dropped details or quotation changes."]
    return "\n".join(out).rstrip() + "\n"


def _md_item(view: View, item: ReviewItem) -> list[str]:
    entry = view.entry(item.key)
    mark = entry.mark if entry else None
    here, there = ("Rewrite", "Original") if item.side is Side.B else ("Original", "Rewrite")
    head = f"- {MARK_CHECKBOX[mark]} **{_md(item.label)}**"
    if item.kind in (ItemKind.REWORDED, ItemKind.MOVED):
        quotes = [(there, _md(item.departs_from)), (here, _md(item.sentence))]
    else:
        head += f": “{_md(item.text)}”"
        if item.was:
            head += f" (was “{_md(item.was)}”)"
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


def _md_other_quotes(view: View) -> list[str]:
    out: list[str] = []
    verbatim = view.verbatim_quotes()
    if verbatim:
        out += ["", f"Verbatim from the original ({len(verbatim)}):"]
        out += [f"- “{_md(q.text)}”" for q in verbatim]
    dropped = view.dropped_quotes()
    if dropped:
        out += ["", f"Quotations of the original the rewrite leaves out ({len(dropped)}):"]
        out += [f"- “{_md(q.text)}”" for q in dropped]
    return out
