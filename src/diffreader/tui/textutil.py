"""Provides the text helpers the reader renders with: literal display and cell-width wrapping.

Article text is data, never markup. Everything the UI shows from an article goes through
``display_text`` first and is then wrapped in ``rich.text.Text`` objects built without
markup parsing, so ``[bold]`` stays ``[bold]`` and an ANSI escape shows as ``␛[31m``.

``display_text`` also removes the characters that draw nothing (``escape.INVISIBLE``:
zero-width space and joiners, variation selectors, LRM/RLM, BOM, soft hyphen, tag
characters...) from unchanged text: terminals disagree on their width, and with them gone
Rich's cell count and the terminal's agree, so the right-hand column never drifts. Inside
the ranges it is told are changed (``reveal``: a deletion, an insertion, an added or
dropped sentence, a claim) and in names it shows them instead, as the CLI does
(``escape.reveal``: ``<U+200B>``), so ``40`` against ``4\u200b0`` never reads as no change.
Because both change lengths, it returns an index map so engine offsets still land on the
right characters. Text said on its own (a notification, a status line, a title line, what
the user typed) shows them too: there no diff shows that ``4\u200b0`` is not ``40``.

API:
    display_text(text, reveal=()) -> (display, index_map | None)
    display_echo(text) -> str           text shown on its own (a file name, a claim, a
                                        notification, a status or title line): every
                                        invisible shown
    wrap_ranges(text, width) -> list[(start, end)]
    cell_width(text) -> int
    LiteralHighlighter()                for ``Input``: typed or pasted controls shown as ``␛``,
                                        characters that draw nothing as ``◌``
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import rich.cells
from rich.cells import cell_len, split_graphemes
from rich.highlighter import Highlighter

from diffreader.render.escape import INVISIBLE, invisible_runs

if TYPE_CHECKING:
    from rich.text import Text

    from diffreader.engine.model import Document

__all__ = [
    "INVISIBLE_MARK",
    "LiteralHighlighter",
    "cell_width",
    "display_echo",
    "display_path",
    "display_text",
    "document_label",
    "wrap_ranges",
]

_REPLACE: dict[int, str] = {
    0x09: " ",  # tab: a fixed single cell keeps columns predictable
    0x0A: " ",
    0x0B: " ",
    0x0C: " ",
    0x0D: " ",
    0x7F: "\u2421",  # ␡
    0x2028: " ",  # line and paragraph separators: line breaks, as newline is
    0x2029: " ",
}
for _code in range(0x20):
    _REPLACE.setdefault(_code, chr(0x2400 + _code))  # control pictures: ESC shows as ␛
for _code in range(0x80, 0xA0):
    _REPLACE[_code] = "\ufffd"  # C1 controls (CSI is 0x9b): never sent to the terminal raw
for _code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)):
    _REPLACE[_code] = "\ufffd"  # bidi embeddings/overrides/isolates would reorder the line

# Left out of unchanged text, shown inside changed text (``display_text``): variation
# selectors and ZWJ (terminals disagree on emoji presentation width), zero-width spaces,
# LRM/RLM (bidi-aware terminals would reorder), a stray BOM, soft hyphens, tag characters...
_DROP = re.compile(INVISIBLE)

_SPECIAL = re.compile("[\x00-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]|" + INVISIBLE)
_TRANSLATE = str.maketrans(_REPLACE)


def display_text(text: str, reveal: Sequence[tuple[int, int]] = ()) -> tuple[str, list[int] | None]:
    """Make article text safe to show literally, one grapheme per original character.

    Args:
        text: Text exactly as the engine holds it.
        reveal: Ranges of ``text`` that are changed text (``(start, end)``, in order, apart):
            the characters that draw nothing are shown there (``escape.invisible_runs``),
            and left out elsewhere.

    Returns:
        The display string and, when characters were dropped or shown as several, a list
        mapping each original index ``0..len(text)`` (inclusive) to a display index;
        ``None`` when the mapping is the identity (the common case).

    >>> display_text("a\\x1b[31mb")
    ('a␛[31mb', None)
    >>> display_text("x\\ufe0fy")
    ('xy', [0, 1, 1, 2])
    >>> display_text("4\\u200b0", [(0, 3)])
    ('4<U+200B>0', [0, 1, 9, 10])
    """
    if _SPECIAL.search(text) is None:
        return text, None
    if _DROP.search(text) is None:
        return text.translate(_TRANSLATE), None
    shown: dict[int, tuple[int, str]] = {}
    for start, end in reveal:
        for i, j, token in invisible_runs(text, start, end):
            shown[i] = (j, token)
    out: list[str] = []
    index_map: list[int] = []
    pos = 0
    at, n = 0, len(text)
    while at < n:
        index_map.append(pos)
        run = shown.get(at)
        if run is not None:
            stop, token = run
            index_map += [pos] * (stop - at - 1)  # a run inside is its token's start
            out.append(token)
            pos += len(token)
            at = stop
            continue
        ch = text[at]
        at += 1
        if _DROP.match(ch):
            continue
        out.append(ch.translate(_TRANSLATE))
        pos += 1
    index_map.append(pos)
    return "".join(out), index_map


def display_echo(text: str) -> str:
    """Text shown on its own, literally, with every character that
    draws nothing shown (``<U+200B>``), as ``display_text`` shows a changed range: a file
    name or path (``report\u200b.txt`` is not ``report.txt``), a claim's or quotation's
    text, user or article text said in a notification ("Not found: …"), a status line
    (the review bar's item and note), a title line, a search. No diff stands beside it to
    tell ``4\u200b0`` from ``40``, or a title from one with tag characters hidden in it.

    >>> display_echo("Not found: 4\u200b0 [b]x[/b]")
    'Not found: 4<U+200B>0 [b]x[/b]'
    >>> display_echo("report\u200b.txt")
    'report<U+200B>.txt'
    """
    return display_text(text, ((0, len(text)),))[0]


INVISIBLE_MARK = "◌"
"""What an ``Input`` shows for each character that draws nothing (one cell, as the
cursor needs): the dotted circle Unicode shows a mark without a base on."""


class LiteralHighlighter(Highlighter):
    """Shows control characters in an ``Input`` as symbols (ESC as ``␛``), one for one,
    and each character that draws nothing as a reversed ``◌``.

    An ``Input`` draws its value as it is, so a pasted escape sequence would reach the
    terminal, and a pasted zero-width space would not show at all (a search for
    ``4\u200b0`` read as one for ``40``). Replacing each such character by one symbol keeps
    the value itself (what the user searches for or saves) unchanged and the cursor where
    it was; where the value is said in full (a notification), it reads ``<U+200B>``.
    """

    def highlight(self, text: Text) -> None:
        plain = text.plain
        if _SPECIAL.search(plain) is None:
            return
        shown = plain.translate(_TRANSLATE)  # one character for one
        runs = invisible_runs(plain)
        if runs:
            chars = list(shown)
            for start, end, _token in runs:
                chars[start:end] = INVISIBLE_MARK * (end - start)
            shown = "".join(chars)
        text.plain = shown
        for start, end, _token in runs:
            text.stylize("reverse", start, end)


@lru_cache(maxsize=65536)
def _word_width(word: str) -> int:
    return len(word) if word.isascii() else cell_len(word)


def cell_width(text: str) -> int:
    """Terminal cells taken by ``text`` (after ``display_text``)."""
    return len(text) if text.isascii() else cell_len(text)


_WORDS = re.compile(r"\S+\s*|\s+")

# Rich's fast "every character is one cell" check: private, so absent in some Rich releases.
_rich_single_cell: Callable[[str], bool] | None = getattr(
    rich.cells, "_is_single_cell_widths", None
)


def _single_cell(text: str) -> bool:
    """True when every character takes exactly one cell and the only space is U+0020."""
    if text.isascii():
        return True
    if _rich_single_cell is None or not _rich_single_cell(text):
        return False
    return not any(ch.isspace() and ch != " " for ch in text)


def _wrap_single_cell(text: str, width: int) -> list[tuple[int, int]]:
    """``wrap_ranges`` when one character is one cell: one ``rfind`` per line, not per word.

    This is what keeps the layout of a 10,000-sentence pair fast on every resize.
    """
    n = len(text)
    lines: list[tuple[int, int]] = []
    start = 0
    while n - start > width:
        if text[start + width] == " ":
            # The line fills the width exactly; its trailing spaces stay on it.
            cut = start + width
        else:
            space = text.rfind(" ", start + 1, start + width + 1)
            cut = start + width if space < 0 else space
        while cut < n and text[cut] == " ":
            cut += 1
        if cut >= n:
            break
        lines.append((start, cut))
        start = cut
    lines.append((start, n))
    return lines


def wrap_ranges(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap measured in terminal cells.

    Lines break after whitespace; a word wider than ``width`` is split between graphemes.
    Trailing spaces stay on their line (the renderer crops them).

    Args:
        text: Display text (no newlines).
        width: Cells available, at least 1.

    Returns:
        Half-open ``(start, end)`` index ranges, one per line, covering ``text``.

    "aa bb" fills five cells exactly, so it stays on one line (its space is cropped):

    >>> wrap_ranges("aa bb cc", 5)
    [(0, 6), (6, 8)]
    >>> wrap_ranges("aa bb cc", 4)
    [(0, 3), (3, 6), (6, 8)]
    >>> wrap_ranges("abcdefg", 3)
    [(0, 3), (3, 6), (6, 7)]
    """
    width = max(1, width)
    if not text:
        return [(0, 0)]
    if _single_cell(text):
        return _wrap_single_cell(text, width)
    lines: list[tuple[int, int]] = []
    line_start = 0
    line_w = 0
    for match in _WORDS.finditer(text):
        word = match.group()
        start = match.start()
        stripped = word.rstrip()
        w_vis = _word_width(stripped) if stripped else 0
        if line_w and line_w + w_vis > width:
            lines.append((line_start, start))
            line_start = start
            line_w = 0
        if w_vis > width:
            # Hard-split an over-long word between graphemes, never inside one.
            spans, _total = split_graphemes(word)
            for g_start, g_end, g_w in spans:
                if line_w and line_w + g_w > width and not word[g_start:g_end].isspace():
                    lines.append((line_start, start + g_start))
                    line_start = start + g_start
                    line_w = 0
                line_w += g_w
            continue
        line_w += _word_width(word)
    lines.append((line_start, len(text)))
    return lines


def document_label(doc: Document, *, words: int = 12) -> str:
    """A one-line literal label: the title, else the first words of the first sentence
    (a title line: characters that draw nothing are shown, ``display_echo``)."""
    label = doc.title
    if not label:
        for sentence in doc.sentences:
            if sentence.kind.value in ("body", "headline"):
                parts = sentence.text.split()
                label = " ".join(parts[:words]) + (" …" if len(parts) > words else "")
                break
    return " ".join(display_echo(label or doc.name).split())


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when inside it,
    else with ``~`` for the home directory (literal, one line).

    Made absolute without following links: a link is shown as itself (a broken link by
    its name, not its missing target), and a link loop, which cannot be resolved, too.
    """
    try:
        absolute = Path(os.path.abspath(path))
    except OSError:  # relative, and the working directory is gone: as given
        absolute = Path(path)
    shown = str(absolute)
    try:
        shown = str(absolute.relative_to(Path.cwd()))
    except (ValueError, OSError):  # outside it, or the working directory is gone
        for home in _homes():
            with contextlib.suppress(ValueError):
                shown = str(Path("~") / absolute.relative_to(home))
                break
    return display_echo(shown)


def _homes() -> list[Path]:
    """The home directory, as named and as resolved (they differ when it is a link)."""
    try:
        home = Path.home()
    except (RuntimeError, KeyError, OSError):
        return []
    try:
        return [home, home.resolve()]
    except (RuntimeError, OSError):
        return [home]
