"""Provides the one table of words every view uses for statuses, categories, quotes and marks.

Plain strings, no markup: each writer escapes or styles them for its medium.

API:
    STATUS_LABEL[Status]            "same", "reworded", ...
    group_label(pair) -> str        the status, "moved, reworded" for a reworded move
    CATEGORY_LABEL[ClaimCategory]   "number", "person", ...
    CATEGORY_COLOUR[ClaimCategory]  the colour family of a fact: "figure", "date", "name",
                                    "role", "negation", "opposite" ("" for sentences
                                    and quotations); LEGEND_COLOURS in legend order;
                                    FAMILY_HELP what each covers
    QUOTE_LABEL[QuoteStatus]        "verbatim", "altered", "new", "dropped"
    QUOTE_BADGE[QuoteStatus]        "verbatim", "altered quote", "new quote", "dropped quote"
    MARK_GLYPH[Mark | None]         ✓ accepted, ! flagged, · not reviewed
    MARK_WORD[Mark | None]          "accepted", "flagged", "not reviewed"
    MARK_CHECKBOX[Mark | None]      "[✓]", "[!]", "[ ]" (Markdown task lists)
    NOTE_GLYPH                      ✎
    ITEM_TAG[ItemKind]              one word for an item that is not a claim
    SECTION_TITLE[Section]          "Added claims", "Dropped details", ...
    counts_heading(counts) -> str   "15" or "15, 5 details inside"
    counts_short(counts) -> str     "15" or "15 · 5 inside" (narrow places: the side panel)
"""

from __future__ import annotations

from diffreader.engine.model import ClaimCategory, Pair, QuoteStatus, Status
from diffreader.plural import plural
from diffreader.review.items import CATEGORY_FAMILY, FAMILIES, ItemCounts, ItemKind, Section
from diffreader.review.marks import Mark

__all__ = [
    "CATEGORY_COLOUR",
    "CATEGORY_LABEL",
    "FAMILY_HELP",
    "ITEM_TAG",
    "LEGEND_COLOURS",
    "MARK_CHECKBOX",
    "MARK_GLYPH",
    "MARK_WORD",
    "NOTE_GLYPH",
    "QUOTE_BADGE",
    "QUOTE_LABEL",
    "SECTION_TITLE",
    "STATUS_LABEL",
    "counts_heading",
    "counts_short",
    "group_label",
]

STATUS_LABEL: dict[Status, str] = {status: status.value for status in Status}
CATEGORY_LABEL: dict[ClaimCategory, str] = {c: c.value for c in ClaimCategory}
CATEGORY_COLOUR: dict[ClaimCategory, str] = dict(CATEGORY_FAMILY)
"""The colour family of a fact: its ``review.items.CATEGORY_FAMILY`` (one table)."""
LEGEND_COLOURS: tuple[str, ...] = FAMILIES
FAMILY_HELP: dict[str, str] = {
    "figure": "a number, amount or duration (25, €2.4 million, over two years)",
    "date": "a date, day or period (on Thursday, March 23, last month)",
    "name": "a person, place or organisation",
    "role": "a title or status given to someone (former, acting, head of the fund)",
    "negation": "a negation or hedge added or removed (not, never, failed to; alleged, "
    "reportedly, may have)",
    "opposite": "a word replaced by its opposite (rose → fell, most → least)",
}
"""What each fact family covers, for legends and help (plain text)."""
QUOTE_LABEL: dict[QuoteStatus, str] = {q: q.value for q in QuoteStatus}
QUOTE_BADGE: dict[QuoteStatus, str] = {
    QuoteStatus.VERBATIM: "verbatim",
    QuoteStatus.ALTERED: "altered quote",
    QuoteStatus.NEW: "new quote",
    QuoteStatus.DROPPED: "dropped quote",
}
MARK_GLYPH: dict[Mark | None, str] = {Mark.ACCEPTED: "✓", Mark.FLAGGED: "!", None: "·"}
MARK_WORD: dict[Mark | None, str] = {
    Mark.ACCEPTED: "accepted",
    Mark.FLAGGED: "flagged",
    None: "not reviewed",
}
MARK_CHECKBOX: dict[Mark | None, str] = {Mark.ACCEPTED: "[✓]", Mark.FLAGGED: "[!]", None: "[ ]"}
NOTE_GLYPH = "✎"
ITEM_TAG: dict[ItemKind, str] = {
    ItemKind.ADDED: "added",
    ItemKind.DROPPED: "dropped",
    ItemKind.QUOTE_ALTERED: "altered",
    ItemKind.QUOTE_NEW: "new",
    ItemKind.QUOTE_SPEAKER: "speaker",
    ItemKind.REWORDED: "reworded",
    ItemKind.MOVED: "moved",
}
SECTION_TITLE: dict[Section, str] = {
    Section.ADDED: "Added claims",
    Section.DROPPED: "Dropped details",
    Section.QUOTES: "Quotations",
    Section.REWORDING: "Rewording",
}


def group_label(pair: Pair) -> str:
    """The status of a group as shown: "moved, reworded" for a move whose words differ."""
    if pair.status is Status.MOVED and pair.changed:
        return "moved, reworded"
    return STATUS_LABEL[pair.status]


def counts_heading(counts: ItemCounts) -> str:
    """What a section heading shows in parentheses.

    >>> counts_heading(ItemCounts(15, 0)), counts_heading(ItemCounts(15, 5))
    ('15', '15, 5 details inside')
    """
    if not counts.inside:
        return str(counts.top)
    return f"{counts.top}, {plural(counts.inside, 'detail')} inside"


def counts_short(counts: ItemCounts) -> str:
    """``counts_heading`` for narrow places.

    >>> counts_short(ItemCounts(15, 0)), counts_short(ItemCounts(15, 5))
    ('15', '15 · 5 inside')
    """
    if not counts.inside:
        return str(counts.top)
    return f"{counts.top} · {counts.inside} inside"
