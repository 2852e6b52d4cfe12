"""Provides the one escaper per output medium: article text is untrusted input.

Every writer (terminal text, Markdown, HTML, JSON aside) passes article text through
these and has no escaping of its own. All of them first make control characters
visible (``ESC`` becomes ``␛``), so an article can never restyle a terminal, set its
window title, move the cursor or hide text, whatever medium the output is read in.

API:
    terminal(text) -> str          control characters and escape sequences made visible
    UNSAFE                         those characters, as a regular expression's class
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

__all__ = ["UNSAFE", "html", "json_safe", "markdown", "markdown_inline", "terminal"]


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
_MD_CHANGES = re.compile(UNSAFE + r"|[^\S ]| {2}|[\\`*_\[\]<>#|~]")
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
    return _INNER_UNDERSCORE.sub("_", escaped)


def markdown(text: str) -> str:
    """Article text made inert in Markdown: visible controls, one line, markup escaped.

    >>> markdown("  # not a heading ")
    '\\\\# not a heading'
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
