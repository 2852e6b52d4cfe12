"""Provides the Markdown writers: the CLI summary (``--format markdown``) and the fact-check
report (``--report markdown``).

Article text goes through ``escape.markdown``/``escape.markdown_inline`` (control
characters made visible, markup escaped), changed text and file names through
``escape.reveal`` first (characters that draw nothing shown); counts come from the view.

API:
    render_markdown(view) -> str                       the CLI summary
    render_comparison_markdown(comparison) -> str      the same of the comparison's view, its
                                                       items made range by range with the text
    report_markdown(view, generated_at=None) -> str    the fact-check report
    md_word_runs(runs) -> str                          a group's word runs, ~~deleted~~ and
                                                       **inserted**, markers that render
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from operator import itemgetter

from diffreader.engine import collector
from diffreader.engine.model import (
    Comparison,
    Document,
    Op,
    Pair,
    Quote,
    QuoteStatus,
    Side,
    Status,
)
from diffreader.render import ranges
from diffreader.render.escape import markdown as _md
from diffreader.render.escape import markdown_inline as _md_inline
from diffreader.render.escape import name, reveal
from diffreader.render.labels import (
    MARK_CHECKBOX,
    SECTION_TITLE,
    counts_heading,
    group_label,
)
from diffreader.render.lookalike import lookalikes
from diffreader.render.model import View, group_text, has_word_changes, plain_view, word_runs
from diffreader.render.ranges import MAX_ITEM_SHARE, block_weights, group_weights, in_ranges
from diffreader.render.summary import coverage_lines, doc_line, split_item
from diffreader.render.to_text import quote_counts, status_counts
from diffreader.review.items import (
    ItemCounts,
    ItemKind,
    ReviewItem,
    Section,
    count_items,
    review_items_in,
    salience,
    sum_counts,
)
from diffreader.review.marks import Mark

__all__ = ["md_word_runs", "render_comparison_markdown", "render_markdown", "report_markdown"]


def _ids(ids: Sequence[int]) -> str:
    return ",".join(str(i) for i in ids)


def _percent(value: float) -> str:
    return f"{round(value * 100)}%"


# --------------------------------------------------------------------------- CLI summary


def _md_quote_line(view: View, quote: Quote) -> str:
    line = f"- **{quote.status.value}** ({quote.side.value.upper()}): “{_md(reveal(quote.text))}”"
    if quote.status is QuoteStatus.ALTERED and quote.source is not None:
        line += f" — source: “{_md(reveal(view.source_text(quote)))}”"
    if quote.speaker_changed:
        line += (
            f" — **speaker changed**: {_md(quote.source_speaker or '?')} → "
            f"{_md(quote.speaker or '?')}"
        )
    return line


_CLAIM_SECTIONS = (Section.ADDED, Section.DROPPED)
"""The sections the summary lists the items of (quotations are listed from the checks)."""


def render_markdown(view: View) -> str:
    """A Markdown summary for tickets and chat: claims and quotations first, then groups."""
    claims = {section: _md_claim_lines(view, view.section(section)) for section in _CLAIM_SECTIONS}
    return _markdown_of(view, claims, _md_group_lines(view))


def render_comparison_markdown(comparison: Comparison) -> str:
    """``render_markdown(build_view(comparison, rows=False))``, the view's review items made
    range by range with the text (what the command line writes), their keys not derived
    (the summary shows none: ``model.plain_view``).

    As ``to_text.render_comparison_text``: when the writer may fork, the groups are cut
    where the review items of each range can be made apart (``ranges.item_ranges``), and
    each range's items, the lines of its claims and the lines of its groups are made in its
    own process. Each range gives its claim lines by place in their list (section, then
    ``salience``): a list is those of every range, place by place; the headings' counts
    are the sums of the ranges'. A long comparison (``ranges.RANGED_FROM`` groups) that
    this process may not fork over is written in such ranges one after another here, so
    that only one range's items are held at a time. Otherwise (one block holding most of
    the output, too little of it, items that cannot be made apart) the view is made
    whole, its lines still written in ranges (``render_markdown``).
    """
    ranged = ranges.item_ranges(comparison)
    bounds = None
    if ranged is not None:
        weights = block_weights(comparison, ranged.blocks.claim_pairs, ranged.blocks.cuts)
        if ranged.fork:
            bounds = ranges.bounds_of(weights)
        elif max(weights) <= MAX_ITEM_SHARE * sum(weights):
            bounds = ranges.bounds_one_by_one(weights)
    if ranged is None or bounds is None:
        return render_markdown(plain_view(comparison))
    locate, blocks = ranged.locate, ranged.blocks
    cuts = blocks.cuts
    # The quotation lines (in ``Comparison.quotes`` order) are shared out too, evenly.
    quotes = comparison.quotes
    parts = len(bounds) - 1
    quote_bound = {bound: len(quotes) * n // parts for n, bound in enumerate(bounds)}

    def task(
        first: int, last: int
    ) -> tuple[dict[Section, ItemCounts], list[tuple[int, str]], str, list[str]]:
        """The counts of blocks ``first`` to ``last``, the texts of their claim lines with
        the place of each, their groups' lines, and the lines of this range's share of the
        quotations."""
        lo, hi = cuts[first], cuts[last]
        with collector.paused():
            items = tuple(review_items_in(comparison, locate, blocks, lo, hi, keyed=False))
            counts = count_items(items)
            view = View(comparison, (), items, counts, locate)
            placed = _placed_claim_lines(view)
            groups = _group_lines(view, lo, hi)
            share = quotes[quote_bound[first] : quote_bound[last]]
            quote_lines = [_md_quote_line(view, quote) for quote in share]
        return counts, placed, groups, quote_lines

    found: list[dict[Section, ItemCounts]] = []
    placed: list[tuple[int, str]] = []
    group_texts: list[str] = []
    quote_lines: list[str] = []
    for counts, part, groups, lines in ranges.run_items(ranged, task, bounds):
        found.append(counts)
        placed += part
        if groups:
            group_texts.append(groups)
        quote_lines += lines
    placed.sort(key=itemgetter(0))  # stable: by place, then range by range
    claims: dict[Section, list[str]] = {section: [] for section in _CLAIM_SECTIONS}
    for place, text in placed:
        claims[_CLAIM_SECTIONS[place // 5]].append(text)
    view = View(comparison, (), (), sum_counts(found), locate)
    return _markdown_of(view, claims, group_texts, quote_lines)


def _placed_claim_lines(view: View) -> list[tuple[int, str]]:
    """The lines of the items ``view`` lists in the claim sections, as texts, each with its
    place in its list: the section (``_CLAIM_SECTIONS``) and ``salience`` of the top-level
    items it holds (one place per text)."""
    out: list[tuple[int, str]] = []
    for number, section in enumerate(_CLAIM_SECTIONS):
        runs: list[tuple[int, list[ReviewItem]]] = []
        place = -1
        for item in view.section(section):
            if item.parent is None:  # a nested item follows its holder, in its place
                found = 5 * number + salience(item)
                if found != place:
                    runs.append((found, []))
                    place = found
            runs[-1][1].append(item)
        out += [(found, _claim_lines(view, members)) for found, members in runs]
    return out


def _markdown_of(
    view: View,
    claims: Mapping[Section, Sequence[str]],
    group_texts: Sequence[str],
    quote_lines: Sequence[str] | None = None,
) -> str:
    """The summary of ``view`` (its counts read, not its items), given the texts of the
    claim lines of each claim section and of the group lines, in order, and the lines of
    the quotations (made here when not given)."""
    comparison = view.comparison
    a, b, stats = comparison.a, comparison.b, comparison.stats
    out: list[str] = ["# diffreader comparison", ""]
    out += ["| | A (original) | B (rewrite) |", "|---|---|---|"]
    # Names and titles show what draws nothing in them, as changed text does (a title
    # "40\u200b people" against "40 people" is another title); a name's line break shows.
    out.append(f"| File | {_md(name(a.path or 'untitled'))} | {_md(name(b.path or 'untitled'))} |")
    out.append(f"| Title | {_md(reveal(a.title or '—'))} | {_md(reveal(b.title or '—'))} |")
    out.append(f"| Date | {a.date or '—'} | {b.date or '—'} |")
    out.append(f"| Sentences | {len(a.sentences)} | {len(b.sentences)} |")
    out.append("")
    out.append(
        f"**Coverage:** {_percent(stats.a_kept)} of A is kept in B; "
        f"{_percent(stats.b_new)} of B is new. **Groups:** {status_counts(comparison)}. "
        f"**Quotations:** {quote_counts(comparison)}."
    )
    for section in _CLAIM_SECTIONS:
        texts = claims[section]
        # Names and figures inside an added sentence or a quotation are listed under it
        # (the heading counts top-level claims, as every other view does).
        out += ["", f"## {SECTION_TITLE[section]} ({counts_heading(view.counts[section])})", ""]
        if not texts:
            out.append("None.")
        out += texts
    out += ["", f"## Quotations ({len(comparison.quotes)})", ""]
    if not comparison.quotes:
        out.append("None.")
    if quote_lines is None:
        quote_lines = [_md_quote_line(view, quote) for quote in comparison.quotes]
    out += quote_lines
    out += ["", "## Groups", "", "Deleted words are ~~struck~~, inserted words **bold**.", ""]
    out += group_texts
    return "\n".join(out) + "\n"


def _md_claim_lines(view: View, items: Sequence[ReviewItem]) -> list[str]:
    """One line per claim item, a long list written in ranges over the cores (each range's
    lines as one text)."""
    if not items:
        return []
    return in_ranges(
        lambda lo, hi: _claim_lines(view, items[lo:hi]),
        len(items),
        lambda: [60 + len(item.text) for item in items],
    )


def _claim_lines(view: View, items: Sequence[ReviewItem]) -> str:
    """The lines of claim items ``items``, as one text."""
    out = []
    for item in items:
        side = item.side.value.upper()
        indent = "  " if item.parent is not None else ""
        sentence = view.locate.sentence_at(item.side, item.sentence_start)
        text = _md(reveal(item.text))
        out.append(f"{indent}- **{item.category}**: “{text}” ({side} sentence {sentence})")
    return "\n".join(out)


def _md_group_lines(view: View) -> list[str]:
    """One line per group, a long list written in ranges over the cores (ranges.py; each
    range's lines as one text)."""
    comparison = view.comparison
    if not comparison.pairs:
        return []
    pairs = comparison.pairs
    return in_ranges(
        lambda lo, hi: _group_lines(view, lo, hi),
        len(pairs),
        lambda: group_weights(comparison, [0] * len(pairs)),
    )


def _group_lines(view: View, lo: int, hi: int) -> str:
    """The lines of groups ``lo`` to ``hi``, as one text."""
    comparison = view.comparison
    a, b = comparison.a, comparison.b
    out = []
    for index in range(lo, hi):
        pair = comparison.pairs[index]
        refs = " → ".join(
            part for part in (pair.a and f"A{_ids(pair.a)}", pair.b and f"B{_ids(pair.b)}") if part
        )
        if pair.status is Status.ADDED:
            body = f"**{_md(reveal(group_text(b, pair.b)))}**"
        elif pair.status is Status.DROPPED:
            body = f"~~{_md(reveal(group_text(a, pair.a)))}~~"
        elif has_word_changes(pair) and pair.status not in (Status.SAME, Status.BOILERPLATE):
            body = _md_word_diff(view, pair)
            indent = " " * len(f"{index + 1}. ")  # a list inside the group's item
            for found in lookalikes(comparison, pair):
                body += f"\n{indent}- {_md(found.note)}"
        else:
            body = _md(group_text(b, pair.b) if pair.b else group_text(a, pair.a))
        out.append(f"{index + 1}. *{group_label(pair)}* ({refs}): {body}")
    return "\n".join(out)


_SPACE_EDGES = re.compile(r"^(\s*)(.*?)(\s*)$", re.S)
SEPARATOR = "<!-- -->"
"""An empty HTML comment: put between a word and a marker that would not flank it, it
renders as nothing (CommonMark, GitHub) and is punctuation to the marker beside it."""


def _flanks(char: str) -> bool:
    """True when a marker next to ``char`` may open or close emphasis whatever the text
    inside it: ``char`` is the line's edge, whitespace or punctuation (CommonMark's
    flanking rules; symbols like ``€`` count as punctuation in the newer versions only,
    so they do not here)."""
    return (
        not char
        or char.isspace()
        or (char.isascii() and not char.isalnum())
        or unicodedata.category(char).startswith("P")
    )


def _last_char(texts: Sequence[str]) -> str:
    for text in reversed(texts):
        if text:
            return text[-1]
    return ""


def _first_char(pieces: Sequence[tuple[str, str]], start: int) -> str:
    for index in range(start, len(pieces)):
        text = pieces[index][0]
        if text:
            return text[0]
    return ""


def _marked(pieces: Sequence[tuple[str, str]]) -> str:
    """``pieces`` of Markdown (``(text, "")``) and of emphasis (``(inner, marker)``: the
    inner text escaped, with no space at its edges) joined, each marker made to render.

    CommonMark honours ``**`` before punctuation only after whitespace or punctuation
    (``year**\\***.`` renders its asterisks; ``**(very) good**`` after a word is no
    emphasis), and after punctuation only before whitespace or punctuation: where a
    marker's neighbour is a word and the inner text's edge is not, ``SEPARATOR`` stands
    between them.
    """
    out: list[str] = []
    last = ""  # the marker ``out`` ends with, if it ends with a marked piece
    for number, (text, marker) in enumerate(pieces):
        if not marker:
            out.append(text)
            last = last if not text else ""
            continue
        if marker == last or (not text[0].isalnum() and not _flanks(_last_char(out))):
            out.append(SEPARATOR)  # "**a****b**" would be one run of eight asterisks
        out.append(f"{marker}{text}{marker}")
        last = marker
        if not text[-1].isalnum() and not _flanks(_first_char(pieces, number + 1)):
            out.append(SEPARATOR)
            last = ""
    return "".join(out)


def _md_word_diff(view: View, pair: Pair) -> str:
    """B's text with ~~deleted~~ and **inserted** words (``md_word_runs``)."""
    return md_word_runs(word_runs(view.comparison, pair))


def md_word_runs(runs: Iterable[tuple[Op, str]]) -> str:
    """Word runs (``model.word_runs``) as Markdown: ~~deleted~~ and **inserted** text.

    A marker never hugs a space (CommonMark would not honour it), so the spaces at the edge
    of a change stay outside it; punctuation stays inside (``**(very) good!**``), with
    ``SEPARATOR`` where CommonMark needs it (``_marked``). A deletion's spaces are one
    space at most (A's spacing is not B's), and a deletion and the insertion after it are
    a space apart (adjacent markers read as one phrase).
    """
    pieces: list[tuple[str, str]] = []
    last_marker = ""
    for op, text in runs:
        if op is Op.EQUAL:
            pieces.append((_md_inline(text), ""))
            last_marker = "" if text else last_marker
            continue
        edges = _SPACE_EDGES.match(text)
        assert edges is not None  # every group of the pattern may be empty
        lead, core, tail = edges.groups()
        if not core:
            if op is Op.INSERT:
                pieces.append((_md_inline(text), ""))  # spaces B adds: as B has them
            continue
        if op is Op.INSERT and last_marker == "~~" and not lead:
            lead = " "  # "~~close~~ **shut**": adjacent markers do not render well
        mark = "~~" if op is Op.DELETE else "**"
        if op is Op.DELETE:
            lead, tail = (" " if lead else ""), (" " if tail else "")
        pieces += [(_md_inline(lead), ""), (_md(reveal(core)), mark), (_md_inline(tail), "")]
        last_marker = "" if tail else mark
    return re.sub(r" {2,}", " ", _marked(pieces)).strip()


# --------------------------------------------------------------------------- report


def _md_context(item: ReviewItem) -> str:
    """The item's sentence with the item in bold."""
    parts = split_item(item)
    if parts is None or not parts[1].strip():
        return _md(reveal(item.sentence))
    before, middle, after = map(reveal, parts)
    # Bold markers must hug the text (CommonMark), so edge spaces go outside them.
    core = middle.strip()
    lead = middle[: len(middle) - len(middle.lstrip())]
    trail = middle[len(middle.rstrip()) :]
    text = _marked(
        [
            (_md_inline(before + lead), ""),
            (_md_inline(core), "**"),
            (_md_inline(trail + after), ""),
        ]
    )
    return " ".join(text.split())


def _doc_md(doc: Document) -> tuple[str, str]:
    title, details = doc_line(doc)  # the name may be the file's
    return _md(name(title)), _md(name(details))


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
    # An item's sentences are changed text: what draws nothing in them is shown (as in
    # the HTML report).
    if item.kind in (ItemKind.REWORDED, ItemKind.MOVED):
        quotes = [(there, _md(reveal(item.departs_from))), (here, _md(reveal(item.sentence)))]
    else:
        head += f": “{_md(reveal(item.text))}”"
        if item.was:
            head += f" (was “{_md(reveal(item.was))}”)"
        quotes = [(here, _md_context(item))]
        if item.departs_from:
            quotes.append((there, _md(reveal(item.departs_from))))
        elif item.source_text:
            quotes.append((f"{there} quoted", f"“{_md(reveal(item.source_text))}”"))
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
