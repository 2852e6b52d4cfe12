"""Provides the terminal text writer: ``diffreader A B`` (``--format text``), plain or ANSI.

Standard library only (never rich or textual), so the one-off starts fast. Colour is raw
ANSI SGR, and only when the caller asks for it. Article text goes through
``escape.terminal``; rich-style markup such as ``[bold]`` needs no escaping here, because
nothing here interprets it. Changed text (deleted and inserted words, added and dropped
groups, claims, quotation checks) and file names also go through ``escape.reveal``, so a
character that draws nothing shows (``<U+200B>``) where it could fake or hide a change.
Lines are wrapped to the width in terminal cells (``cells``: a CJK character takes two,
an accent none): at whitespace, between wide characters (CJK text has no spaces), and,
for a word wider than a line, at the width (``_TextWriter.wrap``).

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
from itertools import accumulate

from diffreader.engine import collector
from diffreader.engine.model import Comparison, Op, Pair, Quote, QuoteStatus, Side, Status
from diffreader.plural import plural
from diffreader.render import ranges
from diffreader.render.cells import NARROW, cells, char_widths, splits
from diffreader.render.escape import name as name_shown
from diffreader.render.escape import reveal, terminal
from diffreader.render.labels import QUOTE_LABEL, STATUS_LABEL, group_label
from diffreader.render.lookalike import lookalikes
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
"""Whitespace and words, in turn: where ``wrap`` may break, besides inside wide text."""
_SPACES = re.compile(r"\s+")

_NOT_SIMPLE = re.compile("  |[^" + NARROW[1:])
"""Two spaces, and any character that is not one cell wide, or is whitespace but the space,
or is one ``terminal`` changes (``cells.NARROW`` holds none of those): text with any of
it is wrapped word by word (``_wrap_plain``), other text a line at a time."""

_NARROW_TEXT = re.compile(NARROW + "*")
"""Text of characters one cell wide each (``fullmatch``): as wide as it is long."""

_ATOM = re.compile(r"\[-|-\]|\{\+|\+\}|<U\+[0-9A-F]{4,6}(?:×\d+)?>")
"""What a word cut at the width is not cut inside: the plain output's markers and the
code points ``reveal`` shows (``<U+200B>``), unless one is wider than the line."""
_ATOM_REACH = 24
"""Characters before a cut where an atom spanning it may start (the longest,
``<U+10FFFF×8388608>``, has 18)."""

_OPENING = frozenset("([{“‘«（［｛〔〈《「『【〘〖〝｟")
"""Characters a line never ends after when the break is inside a word (wide text)."""
_CLOSING = frozenset(
    ")]},.:;!?%’”»…、。，．：；？！）］｝〕〉》」』】〙〗〟｠・ー々ゝゞヽヾ"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ〜～"
)
"""Characters a line never starts with when the break is inside a word: closing marks,
sentence punctuation, the small kana and the prolonged sound mark (line-breaking rules
for Chinese and Japanese text, the commonest of UAX #14's "no break before")."""


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


MIN_WIDTH = 20
"""The narrowest width the writer wraps to (the tags before a claim take 22 cells)."""


def _fill(
    runs: Iterable[Run], width: int, indent: str, lead: Run, *, visible: bool = False
) -> list[list[Run]]:
    """The lines of ``runs`` after ``lead``, hanging at ``indent``, within ``width`` cells
    (``_TextWriter.wrap``'s rules; ``visible``: the texts are already ``terminal``'s).

    Whitespace is one space, none at the start of a line (before its first word, unless
    the lead is wider than the indent) nor at its end; a space inside a deletion or
    insertion keeps its colour.
    """
    filler = _Filler(width, indent, lead)
    hanging = filler.hanging
    narrow = _NARROW_TEXT.fullmatch
    word: list[Run] = []  # the pieces of a word running from one run into the next
    for text, style in runs:
        spaced = style if style and "strike" not in style else ""
        tokens = _TOKENS.findall(text if visible else terminal(text))
        last = len(tokens) - 1
        for at, token in enumerate(tokens):
            if token.isspace():
                if word:
                    filler.word(word)
                    word = []
                if filler.used > hanging or len(filler.current) > 1:  # after a word
                    filler.current.append((" ", spaced))
                    filler.used += 1
            elif word or at == last:  # the word may go on in the next run
                word.append((token, style))
            elif filler.used + len(token) <= width and (
                token.isascii() or narrow(token) is not None  # each character one cell
            ):
                filler.current.append((token, style))  # most words
                filler.used += len(token)
            else:
                filler.word([(token, style)])
    if word:
        filler.word(word)
    return filler.finish()


class _Filler:
    """Lines of styled runs filled word by word to a width, in terminal cells."""

    __slots__ = ("current", "hanging", "indent", "lines", "used", "width")

    def __init__(self, width: int, indent: str, lead: Run) -> None:
        self.width = width
        self.indent = indent
        self.hanging = cells(indent)
        self.lines: list[list[Run]] = []
        self.current: list[Run] = [lead]
        self.used = cells(lead[0])

    def end_line(self) -> None:
        current = self.current
        while current and current[-1][0] == " ":
            current.pop()
        if current and current[-1][0][-1:] == " ":  # a lead alone on its line
            text, style = current[-1]
            current[-1] = (text.rstrip(" "), style)
        self.lines.append(current)
        self.current = [(self.indent, "")]
        self.used = self.hanging

    def word(self, pieces: list[Run]) -> None:
        """A word (no whitespace in or between ``pieces``): on this line if it fits, else
        on the next; wide text is broken where ``_breaks`` allows, as late as fits, and a
        part wider than a whole line is cut at the width (``_cut``)."""
        joined = pieces[0][0] if len(pieces) == 1 else "".join([text for text, _ in pieces])
        widths: list[int] | None = None  # each character one cell
        if joined.isascii() or _NARROW_TEXT.fullmatch(joined):
            total = len(joined)
        else:
            widths = char_widths(joined)
            total = sum(widths)
        if self.used + total <= self.width:  # most words
            self.current += pieces
            self.used += total
            return
        ends = None if widths is None else list(accumulate(widths))
        wide = widths is not None and 2 in widths
        start = done = 0  # the characters, and their cells, already on lines
        while True:
            room = self.width - self.used
            if total - done <= room:
                self.current += _slice(pieces, start, len(joined))
                self.used += total - done
                return
            # After the last character that fits (there is one more after it).
            end = start + max(room, 0) if ends is None else bisect_right(ends, done + room, start)
            cut = end
            if wide:
                while cut > start and not _breaks(joined, widths, cut):
                    cut -= 1
            else:
                cut = start  # no break inside a word of narrow characters
            if cut == start:
                if self.used > self.hanging or len(self.current) > 1:  # it starts the next
                    self.end_line()
                    continue
                cut = _cut(joined, widths, start, end)  # wider than a line: cut
            self.current += _slice(pieces, start, cut)
            after = cut if ends is None else ends[cut - 1]
            self.used += after - done
            start, done = cut, after
            self.end_line()

    def finish(self) -> list[list[Run]]:
        current = self.current
        while current and current[-1][0] == " ":
            current.pop()
        if len(current) > 1:
            self.lines.append(current)
        return self.lines


def _breaks(word: str, widths: list[int] | None, at: int) -> bool:
    """Whether a line may end inside ``word`` before ``word[at]`` (``widths``: its
    characters' cells): between two clusters one of which is wide (two cells: CJK text,
    which has no spaces), not after an opening mark or marker (``[-``, ``{+``) nor before
    a closing one.

    >>> word = "[-十五-]日开放。"
    >>> [word[:at] for at in range(1, len(word)) if _breaks(word, char_widths(word), at)]
    ['[-十', '[-十五-]', '[-十五-]日', '[-十五-]日开']
    """
    if widths is None or not splits(word, widths, at):
        return False
    before = at - 1
    while before > 0 and widths[before] == 0:
        before -= 1  # the character the cluster before starts with
    if widths[at] < 2 and widths[before] < 2:
        return False
    if word[before] in _OPENING or word[at] in _CLOSING:
        return False
    return word[at - 2 : at] not in ("[-", "{+") and word[at : at + 2] not in ("-]", "+}")


def _cut(text: str, widths: list[int] | None, start: int, end: int) -> int:
    """Where a line on which ``text`` from ``start`` up to ``end`` fits, and no break
    (``_breaks``), is cut: at ``end``, moved back out of a cluster (``cells.splits``;
    ``widths``: the characters' cells, None when each is one) and out of a marker or a
    ``<U+…>`` (``_ATOM``). When that leaves nothing, an atom wider than the line is cut,
    then a cluster (a line always takes one character)."""
    cut = end
    if widths is not None:
        while cut > start and not splits(text, widths, cut):
            cut -= 1
    whole = cut  # no cluster cut
    for atom in _ATOM.finditer(text, max(start, cut - _ATOM_REACH), cut + _ATOM_REACH):
        if atom.start() >= cut:
            break
        if cut < atom.end():
            cut = atom.start()
            break
    if cut > start:
        return cut
    return whole if whole > start else max(end, start + 1)


def _slice(pieces: list[Run], start: int, end: int) -> list[Run]:
    """The runs of ``pieces`` holding characters ``start`` to ``end`` of their texts joined."""
    if len(pieces) == 1:
        text, style = pieces[0]
        return [(text[start:end], style)]
    found: list[Run] = []
    at = 0
    for text, style in pieces:
        after = at + len(text)
        if after > start and at < end:
            found.append((text[max(start - at, 0) : end - at], style))
        at = after
        if at >= end:
            break
    return found


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
        self.width = max(width, MIN_WIDTH)
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
        """Word-wrap ``runs`` (article text made visible) after ``first``, hanging at ``indent``.

        Lines end at whitespace, and inside a word between two characters one of which is
        wide (CJK text has no spaces; not before a closing mark nor after an opening one,
        ``_OPENING``, ``_CLOSING``); a word wider than a whole line is cut at the width,
        between clusters (``cells.splits``) and outside markers (``_ATOM``). No line is
        wider than the width (in terminal cells, ``cells.cells``) unless ``first`` is.
        """
        lead = (indent, "") if first is None else first
        if not self.color:
            self.wrap_texts([text for text, _ in runs], indent, lead[0])
            return
        for line in _fill(runs, self.width, indent, lead):
            self.line(*line)

    def wrap_texts(self, texts: list[str], indent: str, lead: str) -> None:
        """``wrap`` without colour, where only the texts count: ``texts`` (article text
        made visible here) after ``lead``, hanging at ``indent``."""
        joined = "".join(texts)
        if _NOT_SIMPLE.search(joined) is None:
            self._wrap_simple(texts, joined, indent, lead)
        else:
            self._wrap_plain([terminal(text) for text in texts], indent, lead)

    def _wrap_simple(self, texts: list[str], joined: str, indent: str, lead: str) -> None:
        """``_wrap_plain`` for texts already visible, each character one cell, whose only
        whitespace is single spaces (``joined``: the texts joined), most of the output: a
        line at a time, not a word.

        Where the word-by-word walk would do something else than the greedy fill of lines
        done here, it does the walk: a lead narrower than the indent, and a space at either
        end of the text (a leading one can be kept or dropped).
        """
        used = cells(lead)
        hanging = cells(indent)
        width = self.width
        if used >= hanging and used + len(joined) <= width:
            # All on this line: what ``_wrap_plain``'s own fast path writes.
            body = joined.lstrip(" ") if used == hanging else joined
            body = body.rstrip(" ")
            if body:
                self.lines.append(lead + body)
            return
        if not joined:
            return  # a lead wider than the line, and no text: no line, as in the walk
        if used < hanging or joined[:1] == " " or joined[-1:] == " ":
            self._wrap_plain(texts, indent, lead)
            return
        # Each line holds every word that ends within the width (one space between words:
        # a line is a slice of ``joined``); a word wider than a whole line is cut at the
        # width (``_cut``). The texts join into words as they stand: a word running from
        # one text into the next ("[-old-]{+new+}") is measured whole.
        lines = self.lines
        prefix, start, size = lead, 0, len(joined)
        while True:
            limit = start + width - used
            if limit >= size:
                lines.append(prefix + joined[start:])
                return
            end = joined.rfind(" ", start, max(limit + 1, start))  # none past a wide lead
            if end > start:
                lines.append(prefix + joined[start:end])
                prefix, start, used = indent, end + 1, hanging
                continue
            if used > hanging:  # after a wide lead: the word starts the next line
                lines.append(prefix.rstrip(" "))
                prefix, used = indent, hanging
                continue
            # A word wider than the line, cut at the width (each character one cell).
            end = _cut(joined, None, start, limit)
            lines.append(prefix + joined[start:end])
            prefix, start, used = indent, end, hanging

    def _wrap_plain(self, texts: list[str], indent: str, lead: str) -> None:
        """``wrap`` without colour (where only the texts count), on visible ``texts``."""
        used = cells(lead)
        hanging = cells(indent)
        if used >= hanging and used + sum(map(len, texts)) <= self.width:
            # All on this line, if its width allows (whitespace only shrinks; a wide
            # character counts 2 where ``len`` counts 1): each whitespace run one space
            # (none before the first word when the lead is no wider than the indent),
            # none at the end.
            body = "".join([_SPACES.sub(" ", text) for text in texts])
            if used == hanging:
                body = body.lstrip(" ")
            body = body.rstrip(" ")
            if used + cells(body) <= self.width:
                if body:
                    self.lines.append(lead + body)
                return
        append = self.lines.append
        runs = [(text, "") for text in texts]
        for line in _fill(runs, self.width, indent, (lead, ""), visible=True):
            append("".join([text for text, _ in line]))

    def text(self) -> str:
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return "\n".join(self.lines) + "\n"


def _text_header(w: _TextWriter, view: View) -> None:
    comparison = view.comparison
    a, b, stats = comparison.a, comparison.b, comparison.stats
    # Wrapped as the groups are: a narrow terminal gets no line wider than it.
    w.wrap(
        [(" · what the rewrite (B) changed in the original (A)", "")],
        first=("diffreader", "bold"),
        indent="  ",
    )
    for side, doc in (("A", a), ("B", b)):
        style = "red bold" if side == "A" else "green bold"
        shown, lead = name_shown(doc.path) if doc.path else "untitled", f"  {side}  "
        if cells(lead) + cells(shown) <= w.width:
            # As the file is named: wrapped, each run of spaces became one and those at
            # either end went (" lead.txt" read "lead.txt", another file).
            w.line((lead, style), (shown, "bold"))
        else:
            w.wrap([(shown, "bold")], first=(lead, style), indent="      ")
        details = [
            f"title: {terminal(reveal(doc.title)) if doc.title else '(none)'}",
            f"date: {doc.date or '(none)'}",
            plural(len(doc.sentences), "sentence"),
            doc.encoding,
        ]
        w.wrap([(" · ".join(details), "dim")], indent="      ")
    hanging = " " * 12
    w.wrap(
        [(f"{_percent(stats.a_kept)} of A kept in B, {_percent(stats.b_new)} of B is new", "")],
        first=("  Coverage  ", "bold"),
        indent=hanging,
    )
    w.wrap([(status_counts(comparison), "")], first=("  Groups    ", "bold"), indent=hanging)
    added, dropped = view.added_claims, view.dropped_details
    w.wrap(
        [
            (f"{added} added in B", "green bold" if added else ""),
            (", ", ""),
            (f"{dropped} dropped from A", "red bold" if dropped else ""),
        ],
        first=("  Claims    ", "bold"),
        indent=hanging,
    )
    w.wrap([(quote_counts(comparison), "")], first=("  Quotes    ", "bold"), indent=hanging)


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
        if cells(tag) + len(joined) <= w.width and _NOT_SIMPLE.search(joined) is None:
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
    number, where = f"{index + 1:>3} ", f"  {' → '.join(refs)}{score}"
    if len(number) + len(label) + len(where) <= w.width:  # one cell a character
        w.line((number, "dim"), (label, style), (where, "dim"))
    else:  # a group of many sentences ("A1,2,3,…")
        w.wrap([(label, style), (where, "dim")], first=(number, "dim"), indent="    ")
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
    for found in lookalikes(comparison, pair):
        w.wrap([(found.note, "yellow")], first=("  ≈ ", "yellow bold"), indent=" " * 6)
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
