"""Provides the matching form of a text and the digest that every review key is made of.

Changing either changes every item key and pair key, and so orphans the marks saved on
users' disks: both are frozen.

API:
    normalise(text) -> str          NFKC, straight quotes, plain dashes, single spaces
    LONGEST_FORM                    forms longer than this are their digest
    digest(*parts, size=20) -> str  SHA-1 of the parts joined by U+001F, hex, truncated
    occurrence_digest(identity, n)  ``digest(identity, str(n))``, for the many items keyed so
"""

from __future__ import annotations

import hashlib
import unicodedata

__all__ = ["LONGEST_FORM", "digest", "normalise", "occurrence_digest"]

# Curly quotes, primes and guillemets -> straight quotes; every dash -> "-".
_NORMALISE = str.maketrans(
    "\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212",
    "'" * 5 + '"' * 7 + "-" * 7,
)


def normalise(text: str) -> str:
    """Matching form of a text: NFKC, straight quotes, plain dashes, single spaces; a form
    longer than ``LONGEST_FORM`` characters stands as U+001D and its 40-digit digest.

    >>> normalise("\u201cQuoted\u201d \u2014  text")
    '"Quoted" - text'
    >>> len(normalise("word " * 2000))
    41
    """
    if text.isascii():
        # NFKC and the table change no ASCII character: the same result, at a fraction of
        # the cost (most claims and many sentences are ASCII).
        form = " ".join(text.split())
    else:
        form = " ".join(unicodedata.normalize("NFKC", text).translate(_NORMALISE).split())
    if len(form) > LONGEST_FORM:
        return "\x1d" + _hex(form, 40)
    return form


LONGEST_FORM = 5000
"""Characters of a matching form kept whole (added to the frozen derivation later: every
form of news prose is shorter, so no key saved before changed). An item's key
is made of its sentence's form: the items of a wall of text (a sentence of 27,000
characters of symbols holding 2,000 quotations) each held a copy of it, 1.1 GB for a
2 MB file."""


def digest(*parts: str, size: int = 20) -> str:
    """Hex SHA-1 of ``parts`` joined by U+001F, cut to ``size`` characters."""
    return _hex("\x1f".join(parts), size)


def occurrence_digest(identity: str, occurrence: int) -> str:
    """``digest(identity, str(occurrence))`` without joining a tuple of parts: every review
    item's key is one, and a long comparison has a hundred thousand items.

    >>> occurrence_digest("added|b|x|x", 1) == digest("added|b|x|x", "1")
    True
    """
    return _hex(f"{identity}\x1f{occurrence}", 20)


def _hex(joined: str, size: int) -> str:
    """The hex SHA-1 of ``joined`` (its parts already joined by U+001F), cut to ``size``."""
    data = joined.encode("utf-8", "surrogatepass")
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()[:size]
