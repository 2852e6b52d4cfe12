"""Provides the review model: what a reviewable item is, its key, nesting, marks and counts.

Pure: imports the engine and the standard library only (never storage, textual or rich),
so reports and the printing CLI can use it without touching the disk. ``storage.review``
reads and writes it.

Modules:
    keys     normalise(), digest(): the frozen ingredients of every key
    items    ItemKind, ReviewItem, review_items(), Section, ItemCounts, count_items()
    marks    Mark, ReviewEntry, merge_entry(), Progress, StaleEntry, text_hash(),
             pair_key(), is_pair_key(), ArticleRef, ReviewState, ReviewSummary,
             SCHEMA_VERSION, MAX_STAMP
"""

from __future__ import annotations

from diffreader.review.items import (
    ItemCounts,
    ItemKind,
    ReviewItem,
    Section,
    count_items,
    review_items,
    section_of,
)
from diffreader.review.marks import (
    MAX_STAMP,
    SCHEMA_VERSION,
    ArticleRef,
    Mark,
    Progress,
    ReviewEntry,
    ReviewState,
    ReviewSummary,
    StaleEntry,
    is_pair_key,
    merge_entries,
    merge_entry,
    pair_key,
    text_hash,
)

__all__ = [
    "MAX_STAMP",
    "SCHEMA_VERSION",
    "ArticleRef",
    "ItemCounts",
    "ItemKind",
    "Mark",
    "Progress",
    "ReviewEntry",
    "ReviewItem",
    "ReviewState",
    "ReviewSummary",
    "Section",
    "StaleEntry",
    "count_items",
    "is_pair_key",
    "merge_entries",
    "merge_entry",
    "pair_key",
    "review_items",
    "section_of",
    "text_hash",
]
