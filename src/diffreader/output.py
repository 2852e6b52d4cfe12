"""Provides the command line's formatters: plain/ANSI text, Markdown and JSON.

Standard library only (never rich or textual), so ``diffreader A B --format json`` starts
fast. Colour is raw ANSI SGR, and only when the caller asks for it.

Article text is untrusted input: before it reaches a terminal, every control character and
escape sequence is made visible (``ESC`` becomes ``␛``), so an article can never restyle
the terminal, move the cursor or hide text. Rich-style markup such as ``[bold]`` needs no
escaping here, because nothing here interprets it.

API:
    render(comparison, fmt, *, color=False, width=100) -> str
    render_text(comparison, *, color=False, width=100) -> str
    render_markdown(comparison) -> str
    render_json(comparison) -> str
    to_json_data(comparison) -> dict          the ``schema: 1`` contract (see README)
    visible(text) -> str                      control characters made visible
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Literal

from diffreader.engine.model import (
    Claim,
    ClaimKind,
    Comparison,
    Document,
    Op,
    Pair,
    Quote,
    QuoteStatus,
    Status,
    WordOp,
)

__all__ = [
    "FORMATS",
    "SCHEMA_VERSION",
    "Format",
    "render",
    "render_json",
    "render_markdown",
    "render_text",
    "to_json_data",
    "visible",
]

SCHEMA_VERSION = 1
"""Bumped whenever a field of the JSON output changes meaning or disappears."""

Format = Literal["text", "markdown", "json"]
FORMATS: tuple[Format, ...] = ("text", "markdown", "json")


def render(comparison: Comparison, fmt: Format, *, color: bool = False, width: int = 100) -> str:
    """Render ``comparison`` in one of ``FORMATS``; the result ends with a newline."""
    if fmt == "json":
        return render_json(comparison)
    if fmt == "markdown":
        return render_markdown(comparison)
    return render_text(comparison, color=color, width=width)


# --------------------------------------------------------------------------- safety


def _visible_char(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code == 0x1B:
        return "␛"
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures" block: ␀ … ␟
    if code == 0x7F:
        return "␡"
    return f"<U+{code:04X}>"


# C0 controls except tab and newline, DEL, C1 controls (0x9B is a one-byte CSI on some
# terminals), and the bidirectional overrides/isolates that can reorder what is displayed.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """Return ``text`` with control characters made visible and harmless.

    >>> visible("red \\x1b[31mtext\\x07")
    'red ␛[31mtext␇'
    >>> visible("[bold]kept as is[/]")
    '[bold]kept as is[/]'
    """
    return _UNSAFE.sub(_visible_char, text)


# --------------------------------------------------------------------------- shared helpers


def _group_text(doc: Document, ids: Sequence[int]) -> str:
    """The article text covering sentences ``ids`` (with the gaps between them)."""
    if not ids:
        return ""
    first, last = doc.sentences[min(ids)], doc.sentences[max(ids)]
    return doc.text[first.start : last.end]


def _ids(ids: Sequence[int]) -> str:
    return ",".join(str(i) for i in ids)


def _percent(value: float) -> str:
    return f"{round(value * 100)}%"


def _word_runs(comparison: Comparison, pair: Pair) -> Iterator[tuple[Op, str]]:
    """Yield ``(op, text)`` runs that read as B with A's deletions interleaved.

    Equal runs show B's wording (they can differ from A only in quote marks, dashes and
    whitespace, which matching normalises). Text between ops on B's side (spaces the
    tokeniser left out) is yielded as equal, so the group reads exactly as B.
    """
    a_text, b_text = comparison.a.text, comparison.b.text
    b_ids = pair.b
    cursor = comparison.b.sentences[min(b_ids)].start if b_ids else None
    for op in pair.ops:
        if op.op is Op.DELETE:
            yield Op.DELETE, a_text[op.a_start : op.a_end]
            continue
        if cursor is not None and op.b_start > cursor:
            yield Op.EQUAL, b_text[cursor : op.b_start]
        yield op.op, b_text[op.b_start : op.b_end]
        cursor = op.b_end if cursor is None else max(cursor, op.b_end)
    if b_ids and cursor is not None:
        end = comparison.b.sentences[max(b_ids)].end
        if end > cursor:
            yield Op.EQUAL, b_text[cursor:end]


def _has_word_changes(ops: Iterable[WordOp]) -> bool:
    return any(op.op is not Op.EQUAL for op in ops)


def _claims_by_pair(comparison: Comparison) -> dict[int, list[Claim]]:
    grouped: dict[int, list[Claim]] = {}
    for claim in comparison.claims:
        grouped.setdefault(claim.pair, []).append(claim)
    return grouped


def _quotes_by_pair(comparison: Comparison) -> dict[int, list[Quote]]:
    grouped: dict[int, list[Quote]] = {}
    for quote in comparison.quotes:
        grouped.setdefault(quote.pair, []).append(quote)
    return grouped


def _status_counts(comparison: Comparison) -> str:
    counts = comparison.stats.counts
    parts = [f"{counts[s.value]} {s.value}" for s in Status if counts.get(s.value)]
    return ", ".join(parts) or "none"


def _quote_counts(comparison: Comparison) -> str:
    counts = comparison.stats.quotes
    parts = [f"{counts[s.value]} {s.value}" for s in QuoteStatus if counts.get(s.value)]
    return ", ".join(parts) or "none"


def _group_label(pair: Pair) -> str:
    label = pair.status.value
    if pair.status is Status.MOVED:
        label = "moved, reworded" if pair.changed else "moved"
    return label


# --------------------------------------------------------------------------- text


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

Run = tuple[str, str]
"""A piece of output text and its style (space-separated ``_SGR`` names, or "")."""


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
        current: list[Run] = [lead]
        used = len(lead[0])
        breakable = False  # only break where the text has whitespace, never inside a word
        for text, style in runs:
            for token in re.findall(r"\s+|\S+", visible(text)):
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

    def text(self) -> str:
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return "\n".join(self.lines) + "\n"


def _text_header(w: _TextWriter, comparison: Comparison) -> None:
    a, b, stats = comparison.a, comparison.b, comparison.stats
    w.line(("diffreader", "bold"), (" · what the rewrite (B) changed in the original (A)", ""))
    for side, doc in (("A", a), ("B", b)):
        style = "red bold" if side == "A" else "green bold"
        w.wrap(
            [(f"{doc.path or 'untitled'}", "bold")],
            first=(f"  {side}  ", style),
            indent="      ",
        )
        details = [
            f"title: {visible(doc.title) if doc.title else '(none)'}",
            f"date: {doc.date or '(none)'}",
            f"{len(doc.sentences)} sentences",
            doc.encoding,
        ]
        w.wrap([(" · ".join(details), "dim")], indent="      ")
    w.line(
        ("  Coverage  ", "bold"),
        (f"{_percent(stats.a_kept)} of A kept in B, {_percent(stats.b_new)} of B is new", ""),
    )
    w.line(("  Groups    ", "bold"), (_status_counts(comparison), ""))
    w.line(
        ("  Claims    ", "bold"),
        (f"{stats.added_claims} added in B", "green bold" if stats.added_claims else ""),
        (", ", ""),
        (f"{stats.dropped_details} dropped from A", "red bold" if stats.dropped_details else ""),
    )
    w.line(("  Quotes    ", "bold"), (_quote_counts(comparison), ""))


def _text_claim(w: _TextWriter, claim: Claim) -> None:
    indent = "    " if claim.parent >= 0 else ""  # a name or figure inside an added sentence
    if claim.kind is ClaimKind.ADDED:
        tag, style = f"  {indent}▲ ADDED {claim.category.value}: ", "green bold"
        where = f"B{claim.sentence}"
    else:
        tag, style = f"  {indent}▼ DROPPED {claim.category.value}: ", "red bold"
        where = f"A{claim.sentence}"
    w.wrap(
        [(f"“{claim.text}”", style + " underline" if w.color else style), (f" ({where})", "dim")],
        first=(tag, style),
        indent=" " * 6,
    )


def _text_quote(w: _TextWriter, comparison: Comparison, quote: Quote) -> None:
    style = _QUOTE_STYLE.get(quote.status, "bold")
    runs: list[Run] = [(f"“{quote.text}”", "")]
    if quote.status is QuoteStatus.ALTERED and quote.source is not None:
        source = comparison.document(quote.side.other).text[quote.source.start : quote.source.end]
        runs.append((f" — A says: “{source}”", "dim"))
    if quote.speaker_changed:
        runs.append(
            (f" — speaker changed: {quote.source_speaker or '?'} → {quote.speaker or '?'}", "bold")
        )
    w.wrap(runs, first=(f"  ❝ quote {quote.status.value}: ", style), indent=" " * 6)


def _text_group(
    w: _TextWriter,
    comparison: Comparison,
    index: int,
    pair: Pair,
    claims: Sequence[Claim],
    quotes: Sequence[Quote],
) -> None:
    style = _STATUS_STYLE.get(pair.status, "")
    refs = []
    if pair.a:
        refs.append(f"A{_ids(pair.a)}")
    if pair.b:
        refs.append(f"B{_ids(pair.b)}")
    score = f" {pair.score:.2f}" if pair.a and pair.b else ""
    label = _group_label(pair).upper()
    w.line(
        (f"{index + 1:>3} ", "dim"),
        (label, style),
        (f"  {' → '.join(refs)}{score}", "dim"),
    )
    a, b = comparison.a, comparison.b
    if pair.status is Status.ADDED:
        w.wrap([(_group_text(b, pair.b), "green")], first=("  + ", "green bold"), indent="    ")
    elif pair.status is Status.DROPPED:
        w.wrap([(_group_text(a, pair.a), "red")], first=("  - ", "red bold"), indent="    ")
    elif pair.status in (Status.SAME, Status.BOILERPLATE) or not _has_word_changes(pair.ops):
        text = _group_text(b, pair.b) if pair.b else _group_text(a, pair.a)
        w.wrap(
            [(text, "dim" if pair.status is not Status.MOVED else "")],
            first=("    ", ""),
            indent="    ",
        )
    else:
        runs: list[Run] = []
        previous = Op.EQUAL
        for op, text in _word_runs(comparison, pair):
            if w.color and previous is Op.DELETE and op is Op.INSERT and text[:1].strip():
                runs.append((" ", ""))  # "close shut", not "closeshut", once markers are colours
            previous = op
            if op is Op.DELETE:
                runs.append((text, "red strike") if w.color else (f"[-{text}-]", ""))
            elif op is Op.INSERT:
                runs.append((text, "green bold") if w.color else (f"{{+{text}+}}", ""))
            else:
                runs.append((text, ""))
        w.wrap(_merge_spaces(runs), first=("  ~ ", "yellow bold"), indent="    ")
    for claim in claims:
        _text_claim(w, claim)
    for quote in quotes:
        _text_quote(w, comparison, quote)


def _merge_spaces(runs: list[Run]) -> list[Run]:
    """Keep markers like ``[-a b-]`` readable: a marker never starts or ends on a space."""
    out: list[Run] = []
    for text, style in runs:
        if text.startswith(("[-", "{+")) and len(text) > 4:
            inner = text[2:-2]
            stripped = inner.strip()
            if not stripped:
                continue
            lead = inner[: len(inner) - len(inner.lstrip())]
            tail = inner[len(inner.rstrip()) :]
            text = f"{lead}{text[:2]}{stripped}{text[-2:]}{tail}"
        out.append((text, style))
    return out


def render_text(comparison: Comparison, *, color: bool = False, width: int = 100) -> str:
    """A readable report for a terminal: header, then every group in display order.

    Without colour, deletions read ``[-old-]`` and insertions ``{+new+}`` (as in
    ``git diff --word-diff``); added claims are marked ``▲ ADDED`` and dropped details
    ``▼ DROPPED``.
    """
    w = _TextWriter(color=color, width=width)
    _text_header(w, comparison)
    claims = _claims_by_pair(comparison)
    quotes = _quotes_by_pair(comparison)
    for index, pair in enumerate(comparison.pairs):
        w.blank()
        _text_group(w, comparison, index, pair, claims.get(index, ()), quotes.get(index, ()))
    orphans = [q for q in comparison.quotes if not 0 <= q.pair < len(comparison.pairs)]
    if orphans:
        w.blank()
        w.line(("Quotations", "bold"))
        for quote in orphans:
            _text_quote(w, comparison, quote)
    w.blank()
    verdict = "differences in content" if comparison.has_differences else "no differences"
    w.line(("diffreader: ", "dim"), (verdict, "bold"))
    return w.text()


# --------------------------------------------------------------------------- markdown


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")


def _md(text: str) -> str:
    """Article text for Markdown: visible controls, escaped markup, one line."""
    return _md_inline(text.strip())


def _md_inline(text: str) -> str:
    """Like ``_md`` but keeps a leading or trailing space (for runs inside a sentence)."""
    return _MD_SPECIAL.sub(r"\\\1", visible(re.sub(r"\s+", " ", text)))


def _md_quote_line(comparison: Comparison, quote: Quote) -> str:
    line = f"- **{quote.status.value}** ({quote.side.value.upper()}): “{_md(quote.text)}”"
    if quote.status is QuoteStatus.ALTERED and quote.source is not None:
        source = comparison.document(quote.side.other).text[quote.source.start : quote.source.end]
        line += f" — source: “{_md(source)}”"
    if quote.speaker_changed:
        line += (
            f" — **speaker changed**: {_md(quote.source_speaker or '?')} → "
            f"{_md(quote.speaker or '?')}"
        )
    return line


def render_markdown(comparison: Comparison) -> str:
    """A Markdown summary for tickets and chat: claims and quotations first, then groups."""
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
        f"{_percent(stats.b_new)} of B is new. **Groups:** {_status_counts(comparison)}. "
        f"**Quotations:** {_quote_counts(comparison)}."
    )
    for kind, title in ((ClaimKind.ADDED, "Added claims"), (ClaimKind.DROPPED, "Dropped details")):
        claims = [c for c in comparison.claims if c.kind is kind]
        top = sum(1 for c in claims if c.parent < 0)
        # Names and figures inside an added sentence or a quotation are listed under it
        # (the heading counts top-level claims, as the summary does).
        inside = f", {len(claims) - top} details inside them" if len(claims) > top else ""
        out += ["", f"## {title} ({top}{inside})", ""]
        if not claims:
            out.append("None.")
        for claim in claims:
            side = claim.side.value.upper()
            indent = "  " if claim.parent >= 0 else ""
            out.append(
                f"{indent}- **{claim.category.value}**: “{_md(claim.text)}” "
                f"({side} sentence {claim.sentence})"
            )
    out += ["", f"## Quotations ({len(comparison.quotes)})", ""]
    if not comparison.quotes:
        out.append("None.")
    out += [_md_quote_line(comparison, quote) for quote in comparison.quotes]
    out += ["", "## Groups", "", "Deleted words are ~~struck~~, inserted words **bold**.", ""]
    for index, pair in enumerate(comparison.pairs):
        refs = " → ".join(
            part for part in (pair.a and f"A{_ids(pair.a)}", pair.b and f"B{_ids(pair.b)}") if part
        )
        if pair.status is Status.ADDED:
            body = f"**{_md(_group_text(b, pair.b))}**"
        elif pair.status is Status.DROPPED:
            body = f"~~{_md(_group_text(a, pair.a))}~~"
        elif _has_word_changes(pair.ops) and pair.status not in (Status.SAME, Status.BOILERPLATE):
            body = _md_word_diff(comparison, pair)
        else:
            body = _md(_group_text(b, pair.b) if pair.b else _group_text(a, pair.a))
        out.append(f"{index + 1}. *{_group_label(pair)}* ({refs}): {body}")
    return "\n".join(out) + "\n"


_EDGE_CHARS = r"[\s.,;:!?\"'“”‘’«»()\[\]—–-]*"
_EDGE = re.compile(rf"^({_EDGE_CHARS})(.*?)({_EDGE_CHARS})$", re.S)


def _md_word_diff(comparison: Comparison, pair: Pair) -> str:
    """B's text with ~~deleted~~ and **inserted** words.

    CommonMark only honours ``**`` that hugs a word, so punctuation and spaces at the edge of
    a change stay outside its marker, and a change of punctuation alone shows as B has it
    (the JSON output keeps every change exactly).
    """
    parts: list[str] = []
    for op, text in _word_runs(comparison, pair):
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


# --------------------------------------------------------------------------- json


def _op_data(op: WordOp) -> dict[str, Any]:
    return {
        "op": op.op.value,
        "a_start": op.a_start,
        "a_end": op.a_end,
        "b_start": op.b_start,
        "b_end": op.b_end,
    }


def _document_data(doc: Document) -> dict[str, Any]:
    return {
        "path": doc.path,
        "title": doc.title,
        "date": doc.date,
        "encoding": doc.encoding,
        "sentences": [
            {
                "id": s.id,
                "start": s.start,
                "end": s.end,
                "status": s.status.value,
                "kind": s.kind.value,
                "paragraph": s.paragraph,
                "text": s.text,
            }
            for s in doc.sentences
        ],
    }


def _claim_data(claim: Claim) -> dict[str, Any]:
    return {
        "side": claim.side.value,
        "kind": claim.kind.value,
        "category": claim.category.value,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "pair": claim.pair,
        "sentence": claim.sentence,
        "departs_from": list(claim.departs_from),
        "parent": claim.parent,
    }


def _quote_data(quote: Quote) -> dict[str, Any]:
    source = quote.source
    return {
        "side": quote.side.value,
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "status": quote.status.value,
        "source": None if source is None else {"start": source.start, "end": source.end},
        "score": round(quote.score, 4),
        "speaker": quote.speaker,
        "source_speaker": quote.source_speaker,
        "speaker_changed": quote.speaker_changed,
        "sentence": quote.sentence,
        "pair": quote.pair,
        "ops": [_op_data(op) for op in quote.ops],
    }


def to_json_data(comparison: Comparison) -> dict[str, Any]:
    """The JSON contract, ``schema`` 1, as plain Python data (documented in README.md)."""
    stats = comparison.stats
    return {
        "schema": SCHEMA_VERSION,
        "a": _document_data(comparison.a),
        "b": _document_data(comparison.b),
        "pairs": [
            {
                "a": list(pair.a),
                "b": list(pair.b),
                "status": pair.status.value,
                "score": round(pair.score, 4),
                "changed": pair.changed,
                "ops": [_op_data(op) for op in pair.ops],
            }
            for pair in comparison.pairs
        ],
        "claims": [_claim_data(claim) for claim in comparison.claims],
        "quotes": [_quote_data(quote) for quote in comparison.quotes],
        "stats": {
            "a_kept": round(stats.a_kept, 4),
            "b_new": round(stats.b_new, 4),
            "a_sentences_matched": round(stats.a_sentences_matched, 4),
            "b_sentences_matched": round(stats.b_sentences_matched, 4),
            "counts": {s.value: stats.counts.get(s.value, 0) for s in Status},
            "added_claims": stats.added_claims,
            "dropped_details": stats.dropped_details,
            "quotes": {s.value: stats.quotes.get(s.value, 0) for s in QuoteStatus},
            "has_differences": comparison.has_differences,
        },
    }


def render_json(comparison: Comparison) -> str:
    """The JSON contract as text (UTF-8 friendly: ``ensure_ascii=False``)."""
    return json.dumps(to_json_data(comparison), ensure_ascii=False, indent=2) + "\n"
