"""Provides look-alike notes: a word the rewrite replaced by one drawn the same.

A rewrite may put a Cyrillic ``о`` (U+043E) in ``Holt``, a Greek ``Α`` in ``ALPHA``, a
zero-width space or a no-break space inside a word, or fullwidth digits for ``12``. The
word diff marks the word changed, rightly (search, quotation checks and fact-checking
tools tell the two apart), but the reader sees two identical words. Every view that shows
a word change (the text, Markdown and JSON writers, the reader's rows) prints, after such
a pair, a note naming the characters that differ::

    look-alike: о U+043E CYRILLIC SMALL LETTER O for o

Two runs look alike when they are equal once each is reduced to a *skeleton*: characters
that draw nothing removed (format characters, ``text.INVISIBLE``), spaces other than the
ASCII one inside a word removed, compatibility forms folded (NFKC: fullwidth letters and
digits, ligatures, superscripts), and the Cyrillic, Greek and Armenian letters that fonts
draw as Latin ones read as those (a subset of Unicode's confusables). Letter case counts:
``holt`` and ``Holt`` do not look alike. Pure ASCII runs are never looked at (no two ASCII
words are drawn the same), so a long comparison pays a test per change.

API:
    Lookalike(a_start, a_end, b_start, b_end, note)
    lookalikes(comparison, pair) -> list[Lookalike]
    lookalike_note(a, b) -> str | None
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

from diffreader.engine.model import Comparison, Op, Pair, Status
from diffreader.engine.text import INVISIBLE

__all__ = ["Lookalike", "lookalike_note", "lookalikes"]

_AS_LATIN = str.maketrans(
    # Cyrillic, Greek, Armenian
    "аеёіїјѕһԁӏԛԝосрухАВЕЁІЇЈЅКМНОРСТУХԚԜΑΒΕΖΗΙΚΜΝΟΡΤΥΧορνυօսհ",
    "aeëiïjshdlqwocpyxABEËIÏJSKMHOPCTYXQWABEZHIKMNOPTYXopvuouh",
)
"""Letters drawn as Latin ones in common fonts, read as those."""

_DRAWS_NOTHING = re.compile(INVISIBLE)

_GONE = ("Zs", "Cf")
"""Categories of the characters a skeleton leaves out (ASCII's space is kept)."""

_MOST = 6
"""Characters named in one note at most (a run in another script entirely names many)."""


@dataclass(frozen=True, slots=True)
class Lookalike:
    """A run of A's words (``a_start``, ``a_end``) replaced by B's (``b_start``,
    ``b_end``) that look the same, and the note that says how they differ."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    note: str


def _skeleton(text: str) -> str:
    text = _DRAWS_NOTHING.sub("", text)
    if not text.isascii():  # other spaces (no-break, thin) and format characters: none
        text = "".join(c for c in text if c < "\x80" or unicodedata.category(c) not in _GONE)
    return unicodedata.normalize("NFKC", text).translate(_AS_LATIN)


def _shown(char: str) -> str:
    """A character as a note names it: itself when ASCII, else also its code point and
    name (the code point alone when it draws nothing or joins the one before)."""
    if " " < char < "\x7f":
        return char
    code = f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')}"
    if unicodedata.category(char)[0] in "CZM":
        return code
    return f"{char} {code}"


def _shown_run(text: str) -> str:
    return " ".join(_shown(c) for c in text)


def lookalike_note(a: str, b: str) -> str | None:
    """The note for ``a`` replaced by ``b`` when the two look alike, else None.

    >>> print(lookalike_note("Holt", "H\\u043elt"))
    look-alike: о U+043E CYRILLIC SMALL LETTER O for o
    >>> print(lookalike_note("Holt", "Ho\\u200blt"))
    look-alike: U+200B ZERO WIDTH SPACE added
    >>> print(lookalike_note("12", "\\uff11\\uff12"))
    look-alike: １ U+FF11 FULLWIDTH DIGIT ONE for 1; ２ U+FF12 FULLWIDTH DIGIT TWO for 2
    >>> lookalike_note("Holt", "Hold") is None, lookalike_note("Holt", "holt") is None
    (True, True)
    """
    if a == b or (a.isascii() and b.isascii()) or _skeleton(a) != _skeleton(b):
        return None
    parts: list[str] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old, new = a[i1:i2], b[j1:j2]
        if tag == "insert":
            parts.extend(f"{_shown(c)} added" for c in new)
        elif tag == "delete":
            parts.extend(f"{_shown(c)} left out" for c in old)
        elif len(old) == len(new):
            parts.extend(f"{_shown(n)} for {_shown(o)}" for o, n in zip(old, new, strict=True))
        else:
            parts.append(f"{_shown_run(new)} for {_shown_run(old)}")
    if not parts:
        return None
    more = len(parts) - _MOST
    shown = "; ".join(parts[:_MOST]) + (f"; and {more} more" if more > 0 else "")
    return f"look-alike: {shown}"


def lookalikes(comparison: Comparison, pair: Pair) -> list[Lookalike]:
    """The look-alike replacements of ``pair``'s word diff, in B's order, each note once.

    A change (the deletions and insertions between two unchanged runs) looks alike as a
    whole, or word by word when both sides hold as many words. A change whose two sides
    are ASCII is passed over at the cost of a slice and a test (a long comparison has a
    hundred thousand word ops).
    """
    if not pair.ops or pair.status is Status.ADDED or pair.status is Status.DROPPED:
        return []
    a_text, b_text = comparison.a.text, comparison.b.text
    found: list[Lookalike] = []
    notes: set[str] = set()

    def add(old: str, new: str, a_start: int, a_end: int, b_start: int, b_end: int) -> None:
        note = lookalike_note(old.strip(), new.strip())
        if note is not None:
            if note not in notes:
                notes.add(note)
                found.append(Lookalike(a_start, a_end, b_start, b_end, note))
            return
        old_words, new_words = old.split(" "), new.split(" ")
        if len(old_words) == len(new_words) > 1:
            for one, other in zip(old_words, new_words, strict=True):
                add(one, other, a_start, a_end, b_start, b_end)

    # The change being read: A's and B's ranges, -1 where it has none (yet).
    a_start = a_end = b_start = b_end = -1

    def end_change() -> None:
        if a_start >= 0 and b_start >= 0:
            old, new = a_text[a_start:a_end], b_text[b_start:b_end]
            if not (old.isascii() and new.isascii()):
                add(old, new, a_start, a_end, b_start, b_end)

    for op in pair.ops:
        kind = op.op
        if kind is Op.DELETE:
            a_start = op.a_start if a_start < 0 else a_start
            a_end = op.a_end
        elif kind is Op.INSERT:
            b_start = op.b_start if b_start < 0 else b_start
            b_end = op.b_end
        elif a_start >= 0 or b_start >= 0:
            end_change()
            a_start = a_end = b_start = b_end = -1
    end_change()
    return found
