"""Provides the one escaper per output medium: article text is untrusted input.

Every writer (terminal text, Markdown, HTML, JSON aside) passes article text through
these and has no escaping of its own. All of them first make control characters
visible (``ESC`` becomes ``␛``), so an article can never restyle a terminal, set its
window title, move the cursor or hide text, whatever medium the output is read in.

API:
    terminal(text) -> str          control characters and escape sequences made visible
    UNSAFE                         those characters, as a regular expression's class
    INVISIBLE                      format and other default-ignorable characters (they
                                   draw nothing), as a regular expression's class
                                   (``engine.text``'s: loading refuses a file of them)
    invisible_runs(text, start, end) -> [(i, j, shown)]   where ``reveal`` shows them
    is_emoji(char) -> bool, ZWJ    an emoji (what a joiner joins), the zero-width joiner
    reveal(text) -> str            invisible characters shown as ``<U+200B>``: for
                                   changed text and names, never for unchanged text
    name(text) -> str              a file name: revealed, then ``terminal``
    markdown(text) -> str          visible, one line, Markdown markup escaped, stripped
    markdown_inline(text) -> str   the same, keeping a leading or trailing space
    html(text) -> str              visible, then ``html.escape``d (quotes included)
    json_safe(json_text) -> str    serialised JSON with DEL, C1 and bidi controls as
                                   ``\\uXXXX`` escapes (same data, safe bytes)

JSON keeps article text exact (offsets index into it), so it is escaped at the byte
level only: ``json.dumps`` already writes C0 controls as ``\\u001b``; ``json_safe``
does the same for the rest of what ``terminal`` makes visible.
"""

from __future__ import annotations

import html as _html
import re
import unicodedata

from diffreader.engine.text import INVISIBLE

__all__ = [
    "INVISIBLE",
    "UNSAFE",
    "ZWJ",
    "html",
    "invisible_runs",
    "is_emoji",
    "json_safe",
    "markdown",
    "markdown_inline",
    "name",
    "reveal",
    "terminal",
]


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
# terminals), the bidirectional overrides/isolates that can reorder what is displayed, and
# lone surrogates (a file name's bytes that are not UTF-8, as Python decodes them: no
# terminal shows them, and no UTF-8 file or stream can hold them).
UNSAFE = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
"""The characters every escaper makes visible, as a regular expression's class."""
_UNSAFE = re.compile(UNSAFE)


_INVISIBLE_RUN = re.compile(INVISIBLE + "+")
_EMOJI_SELECTORS = frozenset("\ufe0e\ufe0f")
ZWJ = "\u200d"
"""The zero-width joiner: between two emoji, it joins them into one drawn sequence."""


def is_emoji(char: str) -> bool:
    """An emoji or its skin-tone modifier (what a variation selector or a ZWJ follows)."""
    return unicodedata.category(char) in ("So", "Sk")


def invisible_runs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Where ``text[start:end]`` holds invisible characters, and how ``reveal`` shows them.

    Each run of one invisible character repeated is one ``(i, j, shown)``: ``<U+200B>``,
    or ``<U+200D×30000>`` for 30,000 of them. A variation selector after an emoji and a
    zero-width joiner between two emoji are left out when that emoji is inside the range
    too: they are part of the emoji (a red heart U+2764 U+FE0F, a health worker U+1F469
    U+200D U+2695), not hidden text. Alone in the range (the whole of a change), they are
    shown like any other.

    >>> invisible_runs("4\\u200b0 Salt\\u200d\\u200dmere")
    [(1, 2, '<U+200B>'), (8, 10, '<U+200D×2>')]
    >>> invisible_runs("\\u2764\\ufe0f"), invisible_runs("\\u2764\\ufe0f", 1)
    ([], [(1, 2, '<U+FE0F>')])
    """
    if end is None:
        end = len(text)
    runs: list[tuple[int, int, str]] = []
    for match in _INVISIBLE_RUN.finditer(text, start, end):
        i, j = match.span()
        emoji = i > start and is_emoji(text[i - 1])
        at = i
        while at < j:
            char = text[at]
            if char in _EMOJI_SELECTORS and emoji:
                at += 1  # part of the emoji before it (``emoji`` stays true for a ZWJ)
                continue
            if char == ZWJ and emoji and at + 1 == j and j < end and is_emoji(text[j]):
                at += 1
                continue
            emoji = False
            stop = at + 1
            while stop < j and text[stop] == char:
                stop += 1
            count = stop - at
            shown = f"<U+{ord(char):04X}" + (f"×{count}>" if count > 1 else ">")
            runs.append((at, stop, shown))
            at = stop
    return runs


def reveal(text: str) -> str:
    """``text`` with its invisible characters shown (``invisible_runs``).

    For text that differs between the articles (a deletion, an insertion, a claim, a
    quotation check) and for names: there, a character that draws nothing would make a
    change look like none (``40`` against ``4\\u200b0``). Unchanged text keeps them.

    >>> reveal("4\\u200b0 people")
    '4<U+200B>0 people'
    """
    if _INVISIBLE_RUN.search(text) is None:
        return text
    parts: list[str] = []
    at = 0
    for i, j, shown in invisible_runs(text):
        parts += (text[at:i], shown)
        at = j
    parts.append(text[at:])
    return "".join(parts)


def name(text: str) -> str:
    """A file name or path on one line of output: its tabs and line breaks shown as
    symbols (a name holding a line break read as two, or as another name), and every
    character that draws nothing or could restyle the terminal shown (``reveal``, then
    ``terminal``).

    >>> name("report\\u200b.txt"), name("nl\\nname\\t.txt")
    ('report<U+200B>.txt', 'nl␊name␉.txt')
    """
    return terminal(reveal(text.translate(_ONE_LINE)))


_ONE_LINE = str.maketrans({"\n": "␊", "\t": "␉", "\u2028": "<U+2028>", "\u2029": "<U+2029>"})


def terminal(text: str) -> str:
    """Return ``text`` with control characters made visible and harmless.

    >>> terminal("red \\x1b[31mtext\\x07")
    'red ␛[31mtext␇'
    >>> terminal("[bold]kept as is[/]")
    '[bold]kept as is[/]'
    """
    return _UNSAFE.sub(_visible_char, text)


_WHITESPACE = re.compile(r"\s+")
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|~"})
_INNER_UNDERSCORE = re.compile(r"(?<=[^\W_])\\_(?=[^\W_])")
_MD_CHANGES = re.compile(UNSAFE + r"|[^\S ]| {2}|[\\`*_\[\]<>#|~]|&(?=#?\w+;)")
_ENTITY = re.compile(r"&(?=#?\w+;)")
"""An ampersand that opens what CommonMark reads as an entity ("&amp;", "&#39;")."""
"""What ``markdown_inline`` changes: a control ``terminal`` shows, whitespace but single
spaces, a Markdown special character (an underscore too: text without one has no escaped
underscore to put back). Text without any of it is returned as it is, one search."""


def markdown_inline(text: str) -> str:
    """Article text made inert in Markdown, on one line (edge spaces kept).

    An underscore inside a word (``file_name``) is left alone: it cannot start
    emphasis, and backslashes there would only clutter a chat message.

    >>> markdown_inline(" a *b*\\n[c]\\x1b]0;t\\x07 file_name ")
    ' a \\\\*b\\\\* \\\\[c\\\\]␛\\\\]0;t␇ file_name '
    """
    if _MD_CHANGES.search(text) is None:
        return text  # nothing below would change it (most of a long Markdown's runs)
    escaped = terminal(_WHITESPACE.sub(" ", text)).translate(_MD_SPECIAL)
    # "&amp;" in an article rendered as "&": an ampersand opening an entity is escaped
    # (every other one renders as itself, so it is left alone).
    return _ENTITY.sub(r"\\&", _INNER_UNDERSCORE.sub("_", escaped))


def markdown(text: str) -> str:
    """Article text made inert in Markdown: visible controls, one line, markup escaped.

    >>> markdown("  # not a heading ")
    '\\\\# not a heading'
    >>> markdown("R&D &amp; more")
    'R&D \\\\&amp; more'
    """
    return markdown_inline(text).strip()


def html(text: str) -> str:
    """Article text made inert in HTML: visible controls, then every markup character escaped.

    >>> html('<script>"x"</script>\\x9b')
    '&lt;script&gt;&quot;x&quot;&lt;/script&gt;&lt;U+009B&gt;'
    """
    return _html.escape(terminal(text))


def json_safe(json_text: str) -> str:
    """Escape, inside serialised JSON, the controls ``json.dumps`` leaves raw.

    >>> import json
    >>> json_safe(json.dumps("a\x9b\x1b", ensure_ascii=False))
    '"a\\\\u009b\\\\u001b"'
    """
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)
