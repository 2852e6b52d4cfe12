"""Provides terminal cell widths: how many columns of a terminal a text takes.

Standard library only (``unicodedata``, never rich, whose ``cell_len`` the reader uses), so
the command line's text output stays fast to start. A character takes two cells when
Unicode calls it East Asian Wide or Fullwidth (CJK ideographs, kana, Hangul syllables,
fullwidth forms, most emoji), none when it draws nothing or draws on the character before
it (combining marks, zero-width spaces and joiners, variation selectors, Hangul medial
vowels and final consonants), one otherwise (East Asian Ambiguous included, as terminals
outside CJK locales show it). A text's width is the sum of its characters': a terminal
that draws an emoji ZWJ sequence in two cells draws it in fewer than counted (tmux 3.3
does), never in more, so a line measured here never runs past the width.

API:
    cells(text) -> int                the cells ``text`` takes
    char_cells(char) -> int           one character's: 0, 1 or 2
    NARROW                            characters of exactly one cell each, as a regular
                                      expression's class (most text in Latin, Greek and
                                      Cyrillic scripts, with its punctuation)
    char_widths(text) -> list[int]    each character's
    splits(text, widths, at) -> bool  a line may end before ``text[at]``: not inside a
                                      cluster (a character with the marks, joiners and
                                      modifiers drawn on it)
"""

from __future__ import annotations

import re
import unicodedata

from diffreader.engine.text import INVISIBLE
from diffreader.render.escape import ZWJ, is_emoji

__all__ = ["NARROW", "cells", "char_cells", "char_widths", "splits"]

NARROW = (
    "[ -~\u00a1-\u00ac\u00ae-\u02ff\u0370-\u0377\u037a-\u037f\u0384-\u038a\u038c"
    "\u038e-\u03a1\u03a3-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e\u20a0-\u20c0"
    "\u2100-\u214f\u2190-\u22ff\u2400-\u2426\u2500-\u25fc]"
)
"""Characters of exactly one cell each, as a regular expression's class, whitespace but the
space left out: printable ASCII, Latin-1 and the Latin extensions (the no-break space and
the soft hyphen left out), Greek, Cyrillic but its combining marks, general punctuation but the
zero-width and direction characters, currency, letterlike, arrows, mathematical
operators, control pictures (``␛``), box drawing and geometric shapes (``▲``). A text
of them alone is as wide as it is long (``cells`` reads no table for it);
``tests/render/test_cells.py`` checks every one against ``char_cells``."""
_NARROW_TEXT = re.compile(NARROW + "*")

_ZERO = re.compile(INVISIBLE)
_MODIFIERS = range(0x1F3FB, 0x1F400)
"""Emoji skin-tone modifiers: drawn on the emoji before them (two cells of their own)."""
_REGIONAL = range(0x1F1E6, 0x1F200)
"""Regional indicators: two of them make a flag (a line never ends between two)."""


def char_cells(char: str) -> int:
    """The cells one character takes on a terminal.

    >>> [char_cells(c) for c in "a中\\u0301\\u200b\\u00ad"]
    [1, 2, 0, 0, 1]
    """
    return _WIDTHS[char]


def _char_cells(char: str) -> int:
    if char == "\u00ad":
        return 1  # a soft hyphen: terminals draw it (wcwidth's choice too)
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me"):
        return 0  # before the width: a kana voiced sound mark (U+3099) is "wide" too
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 2  # before ``INVISIBLE``: Hangul fillers draw nothing in two cells (tmux)
    if "\u1160" <= char <= "\u11ff" or "\ud7b0" <= char <= "\ud7ff":
        return 0  # Hangul medial vowels and final consonants: drawn on the initial
    if _ZERO.match(char):
        return 0
    return 1


class _Widths(dict[str, int]):
    """Each character's cells, worked out the first time it is asked (a text holds few
    distinct characters; ``unicodedata`` is asked once for each)."""

    def __missing__(self, char: str) -> int:
        width = self[char] = _char_cells(char)
        return width


_WIDTHS = _Widths()


def cells(text: str) -> int:
    """The cells ``text`` takes on a terminal: the sum of its characters'.

    >>> cells("news"), cells("新闻"), cells("cafe\\u0301"), cells("4\\u200b0")
    (4, 4, 4, 2)
    """
    if text.isascii() or _NARROW_TEXT.fullmatch(text):
        return len(text)
    return sum(map(_WIDTHS.__getitem__, text))


def char_widths(text: str) -> list[int]:
    """The cells of each character of ``text`` (``char_cells``)."""
    return list(map(_WIDTHS.__getitem__, text))


def splits(text: str, widths: list[int], at: int) -> bool:
    """Whether a line may end before ``text[at]`` without cutting a cluster (``widths``:
    ``char_widths(text)``).

    A cluster is a character with whatever is drawn on it: the zero-width characters
    after it (combining marks, variation selectors, joiners), an emoji's skin-tone
    modifier, and the emoji a zero-width joiner joins to an emoji; regional indicators
    (two make a flag). Python strings hold no surrogate pairs (a character outside the BMP is
    one), so no cut splits one.

    >>> text = "e\u0301中\U0001f469\u200d\u2695\ufe0fx"
    >>> [at for at in range(1, len(text)) if splits(text, char_widths(text), at)]
    [2, 3, 7]
    """
    if widths[at] == 0:
        return False
    code = ord(text[at])
    if code in _MODIFIERS:
        return False
    before = text[at - 1]
    if code in _REGIONAL and ord(before) in _REGIONAL:
        return False
    if before != ZWJ or not is_emoji(text[at]):
        return True
    base = at - 2  # a joiner between two emoji joins them (what is drawn on the first aside)
    while base > 0 and widths[base] == 0:
        base -= 1
    return base < 0 or not is_emoji(text[base])
