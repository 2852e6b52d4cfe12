"""Provides the multi-version view: one original, many rewrites, grouped from the pair engine.

Pure: imports the engine and the review model only (never storage, render, textual or
rich). Every finding comes from ``engine.compare`` of the original with each version;
this package only groups them across versions (claims by the meaning of the fact,
sentences by the original's rows, quotations by how they were altered).

Modules:
    collate    collate(), collate_comparisons(), Collation and its groups, Band, band_of(),
               group_mark()
"""

from __future__ import annotations

from diffreader.versions.collate import (
    MIXED,
    Band,
    Cell,
    ClaimGroup,
    ClaimMember,
    Collation,
    QuoteGroup,
    QuoteMember,
    SentenceRow,
    Shared,
    band_of,
    collate,
    collate_comparisons,
    group_mark,
)

__all__ = [
    "MIXED",
    "Band",
    "Cell",
    "ClaimGroup",
    "ClaimMember",
    "Collation",
    "QuoteGroup",
    "QuoteMember",
    "SentenceRow",
    "Shared",
    "band_of",
    "collate",
    "collate_comparisons",
    "group_mark",
]
