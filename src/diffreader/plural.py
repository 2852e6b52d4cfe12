"""Provides ``plural``: a count and its noun, in the singular for one.

Every message that counts things (the command line's summaries, the reports, the
reader's status lines and notifications) says "1 article", never "1 articles", through
this one function. It imports nothing, so every layer may use it (the lowest layer of
the import contract in ``pyproject.toml``).

API:
    plural(count, one, many=None) -> str
"""

from __future__ import annotations

__all__ = ["plural"]


def plural(count: int, one: str, many: str | None = None) -> str:
    """``count`` (thousands separated) and ``one`` when it is 1, else ``many`` (by default
    ``one`` and an "s").

    >>> plural(1, "article"), plural(2, "article"), plural(0, "story", "stories")
    ('1 article', '2 articles', '0 stories')
    >>> plural(12_000, "shared name or figure", "shared names and figures")
    '12,000 shared names and figures'
    """
    return f"{count:,} {one if count == 1 else (one + 's' if many is None else many)}"
