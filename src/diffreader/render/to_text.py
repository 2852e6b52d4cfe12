"""Provides the terminal text writer: ``diffreader A B`` (``--format text``), plain or ANSI.

Standard library only (never rich or textual), so the one-off starts fast. Colour is raw
ANSI SGR, and only when the caller asks for it. Article text goes through
``escape.terminal``; rich-style markup such as ``[bold]`` needs no escaping here, because
nothing here interprets it. Changed text (deleted and inserted words, added and dropped
groups, claims, quotation checks) and file names also go through ``escape.reveal``, so a
character that draws nothing shows (``<U+200B>``) where it could fake or hide a change.

API:
    render_text(view, *, color=False, width=100) -> str
    render_comparison_text(comparison, *, color=False, width=100) -> str
                                 ``render_text`` of the comparison's view, its items
                                 made range by range with the text (the command line's)
    comparison_text_pieces(comparison, *, color=False, width=100) -> list[str]
                                 the same text in pieces, never joined whole
    unmarked(text) -> str        article text that reads like a marker escaped (plain
                                 output: a backslash inside, ``[\\-4-\\]``)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from diffreader.engine import collector
from diffreader.engine.model import Comparison, Op, Pair, Quote, QuoteStatus, Side, Status
from diffreader.render import ranges
from diffreader.render.escape import UNSAFE, reveal, terminal
from diffreader.render.escape import name as name_shown
from diffreader.render.labels import QUOTE_LABEL, STATUS_LABEL, group_label
from diffreader.render.model import View, group_text, has_word_changes, plain_view, word_runs
from diffreader.render.ranges import MAX_ITEM_SHARE, block_weights, group_weights, in_ranges
from diffreader.review.items import (
    ItemCounts,
    ItemKind,
    ReviewItem,
    Section,
    count_items,
    review_items_in,
    sum_counts,
)

__all__ = ["comparison_text_pieces", "render_comparison_text", "render_text", "unmarked"]

_SGR = {
    "bold": "1",
    "dim": "2",
    "italic": "3",
    "underline": "4",
    "strike": "9",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "blue": "34",
    "magenta": "35",
    "cyan": "36",
}

_STATUS_STYLE = {
    Status.SAME: "dim",
    Status.REWORDED: "yellow bold",
    Status.MOVED: "blue bold",
    Status.ADDED: "green bold",
    Status.DROPPED: "red bold",
    Status.BOILERPLATE: "dim",
}

_QUOTE_STYLE = {
    QuoteStatus.VERBATIM: "green",
    QuoteStatus.ALTERED: "yellow bold",
    QuoteStatus.NEW: "magenta bold",
    QuoteStatus.DROPPED: "red bold",
}

_TOKENS = re.compile(r"\s+|\S+")
"""Whitespace and words, in turn: where ``wrap`` may break."""
_SPACES = re.compile(r"\s+")

_NOT_SIMPLE = re.compile(UNSAFE + r"|[^\S ]|  ")
"""What ``terminal`` changes, and whitespace other than single spaces: text with any of it
is wrapped word by word (``_wrap_plain``), other text a line at a time."""

_MARKER_LIKE = re.compile(r"\[\\*-|-\\*\]|\{\\*\+|\+\\*\}")
"""Article text that reads like a marker of the plain output (``[-``, ``-]``, ``{+``, ``+}``),
with any backslashes between its two characters."""
_MARKER_GAP = re.compile(r"(?<=\[)\\*(?=-)|(?<=-)\\*(?=\])|(?<=\{)\\*(?=\+)|(?<=\+)\\*(?=\})")


def unmarked(text: str) -> str:
    r"""Article text made unable to read as a marker: a backslash between the two characters
    of whatever reads like one, one more where backslashes already stand there.

    The plain output's ``[-``, ``-]``, ``{+`` and ``+}`` are then always diffreader's; a
    reader of it removes one backslash from between such a pair to get the article's text.

    >>> print(unmarked(r"a budget of [-4-]{+9+} million, [\-x"))
    a budget of [\-4-\]{\+9+\} million, [\\-x
    """
    if _MARKER_LIKE.search(text) is None:
        return text
    return _MARKER_GAP.sub(lambda match: match.group() + "\\", text)


Run = tuple[str, str]
"""A piece of output text and its style (space-separated ``_SGR`` names, or "")."""


def _glue(texts: list[str]) -> list[int]:
    """Where a word of ``texts`` runs from one text into the next (no space between):
    offsets in the texts joined, in order (``[-old-]{+new+}`` has one)."""
    points: list[int] = []
    previous = ""
    at = 0
    for text in texts:
        if not text:
            continue
        if previous and previous[-1] != " " and text[0] != " ":
            points.append(at)
        previous = text
        at += len(text)
    return points


def _ids(ids: Sequence[int]) -> str:
    return ",".join(map(str, ids))


def _percent(value: float) -> str:
    return f"{round(value * 100)}%"


def status_counts(comparison: Comparison) -> str:
    """Groups per status, in ``Status`` order: "3 same, 1 reworded" ("none" when empty)."""
    counts = comparison.stats.counts
    parts = [f"{counts[s.value]} {STATUS_LABEL[s]}" for s in Status if counts.get(s.value)]
    return ", ".join(parts) or "none"


def quote_counts(comparison: Comparison) -> str:
    """Quotations per status, in ``QuoteStatus`` order ("none" when empty)."""
    counts = comparison.stats.quotes
    parts = [f"{counts[s.value]} {QUOTE_LABEL[s]}" for s in QuoteStatus if counts.get(s.value)]
    return ", ".join(parts) or "none"


class _TextWriter:
    """Collects lines, wrapping styled runs to a width and colouring them on request."""

    def __init__(self, *, color: bool, width: int) -> None:
        self.color = color
        self.width = max(width, 40)
        self.lines: list[str] = []

    def style(self, text: str, style: str) -> str:
        if not self.color or not style or not text:
            return text
        codes = ";".join(_SGR[name] for name in style.split())
        return f"\x1b[{codes}m{text}\x1b[0m"

    def blank(self) -> None:
        if self.lines and self.lines[-1]:
            self.lines.append("")

    def line(self, *runs: Run) -> None:
        if not self.color:  # styles change nothing: the texts, joined
            self.lines.append("".join([text for text, _ in runs]))
            return
        merged: list[list[str]] = []
        for text, style in runs:
            if merged and merged[-1][1] == style:
                merged[-1][0] += text
            else:
                merged.append([text, style])
        self.lines.append("".join(self.style(text, style) for text, style in merged))

    def wrap(self, runs: Iterable[Run], *, indent: str = "  ", first: Run | None = None) -> None:
        """Word-wrap ``runs`` (article text made visible) after ``first``, hanging at ``indent``."""
        lead = (indent, "") if first is None else first
        if not self.color:
            self.wrap_texts([text for text, _ in runs], indent, lead[0])
            return
        current: list[Run] = [lead]
        used = len(lead[0])
        breakable = False  # only break where the text has whitespace, never inside a word
        for text, style in runs:
            for token in _TOKENS.findall(terminal(text)):
                if token.isspace():
                    if used > len(indent):
                        # a space inside a deletion/insertion keeps its colour
                        current.append((" ", style if style and "strike" not in style else ""))
                        used += 1
                    breakable = True
                    continue
                if breakable and used + len(token) > self.width and used > len(indent):
                    while current and current[-1][0] == " ":
                        current.pop()
                    self.line(*current)
                    current, used = [(indent, "")], len(indent)
                current.append((token, style))
                used += len(token)
                breakable = False
        while current and current[-1][0] == " ":
            current.pop()
        if len(current) > 1:
            self.line(*current)

    def wrap_texts(self, texts: list[str], indent: str, lead: str) -> None:
        """``wrap`` without colour, where only the texts count: ``texts`` (article text
        made visible here) after ``lead``, hanging at ``indent``."""
        joined = "".join(texts)
        if _NOT_SIMPLE.search(joined) is None:
            self._wrap_simple(texts, joined, indent, lead)
        else:
            self._wrap_plain([terminal(text) for text in texts], indent, lead)

    def _wrap_simple(self, texts: list[str], joined: str, indent: str, lead: str) -> None:
        """``_wrap_plain`` for texts already visible whose only whitespace is single spaces
        (``joined``: the texts joined), most of the output: a line at a time, not a word.

        Where the word-by-word walk would do something else than the greedy fill of lines
        done here, it does the walk: a lead narrower than the indent (it drops the spaces
        the line has before it is wider than the indent), a space at either end of the text
        (a leading one can be breakable or dropped), and a word running from one text into
        the next (only its first part is checked against the width).
        """
        used = len(lead)
        hanging = len(indent)
        width = self.width
        if used >= hanging and used + len(joined) <= width:
            # All on this line: what ``_wrap_plain``'s own fast path writes.
            body = joined.lstrip(" ") if used == hanging else joined
            body = body.rstrip(" ")
            if body:
                self.lines.append(lead + body)
            return
        if used < hanging or joined[:1] == " " or joined[-1:] == " ":
            self._wrap_plain(texts, indent, lead)
            return
        # Each line holds its first word whatever its width (a word is never broken), then
        # every following word that ends within the width: a line ends at the last space
        # up to the width (one space between words: the line is a slice of ``joined``).
        # The walk checks only the part of a word in its first text: a word glued across
        # texts whose first part ends within the width is on the line, past the width.
        glue = _glue(texts)
        lines = self.lines
        prefix, start, size = lead, 0, len(joined)
        while True:
            limit = start + width - used
            if limit >= size:
                lines.append(prefix + joined[start:])
                return
            end = joined.rfind(" ", start, limit + 1)
            if end <= start:  # the first word alone is wider than the line
                end = -1
            elif glue:
                point = bisect_right(glue, end + 1)
                if point < len(glue) and glue[point] <= limit:  # inside the next word
                    end = -1
            if end < 0:  # the line ends after the word that runs past the width
                end = joined.find(" ", limit)
                if end < 0:
                    lines.append(prefix + joined[start:])
                    return
            lines.append(prefix + joined[start:end])
            prefix, start, used = indent, end + 1, hanging

    def _wrap_plain(self, texts: list[str], indent: str, lead: str) -> None:
        """``wrap`` without colour (where only the texts count), on visible ``texts``."""
        used = len(lead)
        hanging = len(indent)
        if used >= hanging and used + sum(map(len, texts)) <= self.width:
            # All on this line (whitespace only shrinks): each whitespace run one space
            # (none before the first word when the lead is no longer than the indent),
            # none at the end.
            body = "".join([_SPACES.sub(" ", text) for text in texts])
            if used == hanging:
                body = body.lstrip(" ")
            body = body.rstrip(" ")
            if body:
                self.lines.append(lead + body)
            return
        parts = [lead]
        breakable = False  # only break where the text has whitespace, never inside a word
        for text in texts:
            for token in _TOKENS.findall(text):
                if token.isspace():
                    if used > hanging:
                        parts.append(" ")
                        used += 1
                    breakable = True
                    continue
                if breakable and used + len(token) > self.width and used > hanging:
                    while parts and parts[-1] == " ":
                        parts.pop()
                    self.lines.append("".join(parts))
                    parts, used = [indent], hanging
                parts.append(token)
                used += len(token)
                breakable = False
        while parts and parts[-1] == " ":
            parts.pop()
        if len(parts) > 1:
            self.lines.append("".join(parts))

    def text(self) -> str:
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return "\n".join(self.lines) + "\n"


def _text_header(w: _TextWriter, view: View) -> None:
    comparison = view.comparison
    a, b, stats = comparison.a, comparison.b, comparison.stats
    w.line(("diffreader", "bold"), (" · what the rewrite (B) changed in the original (A)", ""))
    for side, doc in (("A", a), ("B", b)):
        style = "red bold" if side == "A" else "green bold"
        w.wrap(
            [(name_shown(doc.path) if doc.path else "untitled", "bold")],
            first=(f"  {side}  ", style),
            indent="      ",
        )
        details = [
            f"title: {terminal(reveal(doc.title)) if doc.title else '(none)'}",
            f"date: {doc.date or '(none)'}",
            f"{len(doc.sentences)} sentences",
            doc.encoding,
        ]
        w.wrap([(" · ".join(details), "dim")], indent="      ")
    w.line(
        ("  Coverage  ", "bold"),
        (f"{_percent(stats.a_kept)} of A kept in B, {_percent(stats.b_new)} of B is new", ""),
    )
    w.line(("  Groups    ", "bold"), (status_counts(comparison), ""))
    added, dropped = view.added_claims, view.dropped_details
    w.line(
        ("  Claims    ", "bold"),
        (f"{added} added in B", "green bold" if added else ""),
        (", ", ""),
        (f"{dropped} dropped from A", "red bold" if dropped else ""),
    )
    w.line(("  Quotes    ", "bold"), (quote_counts(comparison), ""))


def _text_claim(w: _TextWriter, view: View, item: ReviewItem) -> None:
    indent = "    " if item.parent is not None else ""  # a name or figure inside a sentence
    side = item.side
    sentence = view.locate.sentence_at(side, item.sentence_start)
    if item.kind is ItemKind.ADDED:
        tag, style = f"  {indent}▲ ADDED {item.category}: ", "green bold"
    else:
        tag, style = f"  {indent}▼ DROPPED {item.category}: ", "red bold"
    where = f"{'A' if side is Side.A else 'B'}{sentence}"
    text, was = reveal(item.text), reveal(item.was) if item.was else item.was
    if not w.color:  # the texts alone (a long comparison has a hundred thousand claims)
        joined = f"“{text}” was “{was}” ({where})" if was else f"“{text}” ({where})"
        if len(tag) + len(joined) <= w.width and _NOT_SIMPLE.search(joined) is None:
            # ``wrap_texts``' one line (``_wrap_simple``): the tag is wider than the
            # indent, and the text ends on a parenthesis (no space to strip).
            w.lines.append(tag + joined)
            return
        texts = [f"“{text}”", f" was “{was}”", f" ({where})"]
        if not was:
            del texts[1]
        w.wrap_texts(texts, " " * 6, tag)
        return
    replaced = [(f" was “{was}”", "red")] if was else []
    w.wrap(
        [
            (f"“{text}”", style + " underline"),
            *replaced,
            (f" ({where})", "dim"),
        ],
        first=(tag, style),
        indent=" " * 6,
    )


def _text_quote(w: _TextWriter, view: View, quote: Quote) -> None:
    style = _QUOTE_STYLE.get(quote.status, "bold")
    runs: list[Run] = [(f"“{reveal(quote.text)}”", "")]
    if quote.status is QuoteStatus.ALTERED and quote.source is not None:
        runs.append((f" — A says: “{reveal(view.source_text(quote))}”", "dim"))
    if quote.speaker_changed:
        runs.append(
            (f" — speaker changed: {quote.source_speaker or '?'} → {quote.speaker or '?'}", "bold")
        )
    label = QUOTE_LABEL[quote.status]
    w.wrap(runs, first=(f"  ❝ quote {label}: ", style), indent=" " * 6)


def _as_is(text: str) -> str:
    return text


def _text_group(
    w: _TextWriter,
    view: View,
    index: int,
    pair: Pair,
    claims: Sequence[ReviewItem],
    quotes: Sequence[Quote],
) -> None:
    comparison = view.comparison
    style = _STATUS_STYLE.get(pair.status, "")
    refs = []
    if pair.a:
        refs.append(f"A{_ids(pair.a)}")
    if pair.b:
        refs.append(f"B{_ids(pair.b)}")
    score = f" {pair.score:.2f}" if pair.a and pair.b else ""
    label = group_label(pair).upper()
    w.line(
        (f"{index + 1:>3} ", "dim"),
        (label, style),
        (f"  {' → '.join(refs)}{score}", "dim"),
    )
    a, b = comparison.a, comparison.b
    # Without colour, the article's own "[-4-]" must not read as a change (``unmarked``).
    plain = _as_is if w.color else unmarked
    if pair.status is Status.ADDED:
        text = plain(reveal(group_text(b, pair.b)))
        w.wrap([(text, "green")], first=("  + ", "green bold"), indent="    ")
    elif pair.status is Status.DROPPED:
        text = plain(reveal(group_text(a, pair.a)))
        w.wrap([(text, "red")], first=("  - ", "red bold"), indent="    ")
    elif pair.status in (Status.SAME, Status.BOILERPLATE) or not has_word_changes(pair):
        text = plain(group_text(b, pair.b) if pair.b else group_text(a, pair.a))
        w.wrap(
            [(text, "dim" if pair.status is not Status.MOVED else "")],
            first=("    ", ""),
            indent="    ",
        )
    elif not w.color:  # the texts alone: a long comparison has thousands of such groups
        w.wrap_texts(_marked_texts(word_runs(comparison, pair)), "    ", "  ~ ")
    else:
        runs: list[Run] = []
        previous = Op.EQUAL
        for op, text in word_runs(comparison, pair):
            if previous is Op.DELETE and op is Op.INSERT and text[:1].strip():
                runs.append((" ", ""))  # "close shut", not "closeshut", once markers are colours
            previous = op
            if op is Op.DELETE:
                runs.append((reveal(text), "red strike"))
            elif op is Op.INSERT:
                runs.append((reveal(text), "green bold"))
            else:
                runs.append((text, ""))
        w.wrap(runs, first=("  ~ ", "yellow bold"), indent="    ")
    for item in claims:
        _text_claim(w, view, item)
    for quote in quotes:
        _text_quote(w, view, quote)


def _marked_texts(runs: Iterable[tuple[Op, str]]) -> list[str]:
    """The texts of a group's word runs without colour: deletions ``[-old-]``, insertions
    ``{+new+}``, a marker never starting or ending on a space (the spaces at the edges of
    what it marks are moved outside it; a marker of spaces alone is left out). The
    article's own text that reads like a marker is escaped (``unmarked``; consecutive
    unchanged runs as one text, so that no marker is split between them)."""
    texts: list[str] = []
    append = texts.append
    delete, insert = Op.DELETE, Op.INSERT
    equal: list[str] = []
    for op, text in runs:
        if op is delete or op is insert:
            if equal:
                append(unmarked("".join(equal)))
                equal.clear()
            opening, closing = ("[-", "-]") if op is delete else ("{+", "+}")
            text = unmarked(reveal(text))
            if not text:
                append(opening + closing)  # four characters: no marker to merge
                continue
            stripped = text.strip()
            if len(stripped) == len(text):
                append(opening + text + closing)  # no space at its edges: as it is
                continue
            if not stripped:
                continue  # only spaces: left out
            lead = text[: len(text) - len(text.lstrip())]
            tail = text[len(text.rstrip()) :]
            append(f"{lead}{opening}{stripped}{closing}{tail}")
        else:
            equal.append(text)
    if equal:
        append(unmarked("".join(equal)))
    return texts


_GROUPS_A_TEXT = 2000
"""Groups whose lines ``render_text`` joins into one text as it goes."""


def render_text(view: View, *, color: bool = False, width: int = 100) -> str:
    """A readable report for a terminal: header, then every group in display order.

    Without colour, deletions read ``[-old-]`` and insertions ``{+new+}`` (as in
    ``git diff --word-diff``), and article text that reads like one is escaped
    (``unmarked``); added claims are marked ``▲ ADDED`` and dropped details
    ``▼ DROPPED``, the details inside one indented under it.
    """
    comparison = view.comparison
    claims = _claims_by_group(view.items)
    quotes = _quotes_by_group(comparison)

    def groups(lo: int, hi: int) -> list[str]:
        return _group_texts(view, claims, quotes, lo, hi, color=color, width=width)

    texts: list[str] = []
    if comparison.pairs:
        # Long output is written in ranges of groups over the cores (ranges.py).
        pairs = comparison.pairs

        def weights() -> list[int]:
            return group_weights(comparison, [len(claims.get(i, ())) for i in range(len(pairs))])

        for part in in_ranges(groups, len(pairs), weights):
            texts += part
    return _text_of(view, texts, color=color, width=width)


def render_comparison_text(comparison: Comparison, *, color: bool = False, width: int = 100) -> str:
    """``render_text(build_view(comparison, rows=False), ...)``, the view's review items made
    range by range with the text (what the command line writes), their keys not derived
    (the text shows none: ``model.plain_view``): ``comparison_text_pieces`` joined."""
    return "".join(comparison_text_pieces(comparison, color=color, width=width))


def comparison_text_pieces(
    comparison: Comparison, *, color: bool = False, width: int = 100
) -> list[str]:
    """``render_comparison_text``'s text in pieces (a long comparison's, of a few thousand
    groups each), which the command line writes one after the other: the text of a long
    comparison is never held whole.

    When the writer may fork, the groups are cut where the review items of each range can
    be made apart (``ranges.item_ranges``): each range's items and text are made in its
    own process (the text reads no key, the only thing such items do not share with the
    whole list), and the header's counts are the sums of the ranges'. A long comparison
    (``ranges.RANGED_FROM`` groups) that this process may not fork over is written in
    such ranges one after another here (``ranges.one_by_one``), so that only one range's
    items are held at a time. When one block holds most of the output
    (``ranges.MAX_ITEM_SHARE``), its process would take about as long as all: the items
    are made here, whole, and the text written in ranges of groups (``render_text``).
    Otherwise, and when the items cannot be made apart, the view is made whole.
    """
    ranged = ranges.item_ranges(comparison)
    if ranged is None:
        return _pieces(render_text(plain_view(comparison), color=color, width=width))
    locate, blocks = ranged.locate, ranged.blocks
    cuts = blocks.cuts
    weights = block_weights(comparison, blocks.claim_pairs, cuts)
    if max(weights) > MAX_ITEM_SHARE * sum(weights):
        # One block of items holds most of the output (altered quotations tie groups far
        # apart): its items are made here, whole, and the text in ranges of groups.
        with collector.paused():
            items = tuple(review_items_in(comparison, locate, blocks, 0, cuts[-1], keyed=False))
        view = View(comparison, (), items, count_items(items), locate)
        return _pieces(render_text(view, color=color, width=width))
    quotes = _quotes_by_group(comparison)

    def task(first: int, last: int) -> tuple[dict[Section, ItemCounts], list[str]]:
        """The counts and the text of blocks ``first`` to ``last``."""
        lo, hi = cuts[first], cuts[last]
        with collector.paused():
            items = tuple(review_items_in(comparison, locate, blocks, lo, hi, keyed=False))
            counts = count_items(items)
            view = View(comparison, (), items, counts, locate)
            texts = _group_texts(
                view, _claims_by_group(items), quotes, lo, hi, color=color, width=width
            )
        return counts, texts

    if ranged.fork:
        bounds = ranges.bounds_of(weights) or [0, len(weights)]  # too little: all here
    else:
        bounds = ranges.bounds_one_by_one(weights)  # one range's items held at a time
    found: list[dict[Section, ItemCounts]] = []
    texts: list[str] = []
    for counts, part in ranges.run_items(ranged, task, bounds):
        found.append(counts)
        texts += part
    view = View(comparison, (), (), sum_counts(found), locate)
    return _text_pieces(view, texts, color=color, width=width)


def _claims_by_group(items: Iterable[ReviewItem]) -> dict[int, list[ReviewItem]]:
    """The added claims and dropped details of each group, in the order of ``items``."""
    claims: dict[int, list[ReviewItem]] = {}
    for item in items:
        if item.kind in (ItemKind.ADDED, ItemKind.DROPPED):
            claims.setdefault(item.pair, []).append(item)
    return claims


def _quotes_by_group(comparison: Comparison) -> dict[int, list[Quote]]:
    quotes: dict[int, list[Quote]] = {}
    for quote in comparison.quotes:
        quotes.setdefault(quote.pair, []).append(quote)
    return quotes


def _group_texts(
    view: View,
    claims: dict[int, list[ReviewItem]],
    quotes: dict[int, list[Quote]],
    lo: int,
    hi: int,
    *,
    color: bool,
    width: int,
) -> list[str]:
    """The lines of groups ``lo`` to ``hi``, each after a blank line (what ``blank()``
    adds after the header or a group: both always end on a line with text), joined a few
    thousand groups at a time (the lines of a long range are never all held)."""
    pairs = view.comparison.pairs
    texts = []
    for start in range(lo, hi, _GROUPS_A_TEXT):
        part = _TextWriter(color=color, width=width)
        for index in range(start, min(hi, start + _GROUPS_A_TEXT)):
            part.lines.append("")
            _text_group(
                part, view, index, pairs[index], claims.get(index, ()), quotes.get(index, ())
            )
        texts.append("\n".join(part.lines))
    return texts


def _text_of(view: View, groups: list[str], *, color: bool, width: int) -> str:
    """The whole text: the header, the texts of the groups (``_group_texts``), the
    quotations placed in no group, and the verdict."""
    return "".join(_text_pieces(view, groups, color=color, width=width))


def _pieces(text: str) -> list[str]:
    return [text] if text else []


def _text_pieces(view: View, groups: list[str], *, color: bool, width: int) -> list[str]:
    """``_text_of``'s text in pieces: the header's lines, then each other line (a text of
    groups is one) after its line break, as ``_TextWriter.text`` joins them."""
    comparison = view.comparison
    w = _TextWriter(color=color, width=width)
    _text_header(w, view)
    head = len(w.lines)
    w.lines += groups
    orphans = [q for q in comparison.quotes if not 0 <= q.pair < len(comparison.pairs)]
    if orphans:
        w.blank()
        w.line(("Quotations", "bold"))
        for quote in orphans:
            _text_quote(w, view, quote)
    w.blank()
    verdict = "differences in content" if comparison.has_differences else "no differences"
    w.line(("diffreader: ", "dim"), (verdict, "bold"))
    lines = w.lines  # the header has lines, and the verdict ends them
    return ["\n".join(lines[:head]), *["\n" + line for line in lines[head:]], "\n"]
