"""Provides what the reader shows of a review session: glyphs, labels, styles, report paths.

No widgets here: the diff screen, side panel and review bar all read these, so an item
looks the same everywhere (✓ accepted, ! flagged, ✎ a note, · not reviewed yet).
The session itself (``storage.review.ReviewSession``, over the pure ``review`` model) is
the only state of the marks; ``SaveNotices`` only remembers what the user was told about
saving them (one notice for a run of failed saves, not one per mark).
Words and glyphs come from ``render.labels``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from diffreader.engine.model import Comparison, Document
from diffreader.render.labels import ITEM_TAG, MARK_GLYPH, NOTE_GLYPH
from diffreader.review import ItemKind, Mark, ReviewItem
from diffreader.storage.review import ReviewSession
from diffreader.tui.textutil import display_echo

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

__all__ = [
    "GLYPH",
    "NOTE_GLYPH",
    "REPORT_SUFFIX",
    "Notice",
    "SaveNotices",
    "default_report_path",
    "item_component",
    "item_tag",
    "items_by_row",
    "one_line",
    "row_mark",
]

GLYPH: dict[Mark | None, str] = MARK_GLYPH
"""The mark glyph of an item (``None``: not reviewed), from ``render.labels``."""

REPORT_SUFFIX = {"markdown": ".md", "html": ".html", "json": ".json"}
"""File suffix of each report format."""

_COMPONENT: dict[ItemKind, str] = {
    ItemKind.ADDED: "claim-added",
    ItemKind.DROPPED: "claim-dropped",
    ItemKind.QUOTE_ALTERED: "quote-altered",
    ItemKind.QUOTE_NEW: "quote-new",
    ItemKind.QUOTE_SPEAKER: "quote-verbatim",
    ItemKind.REWORDED: "glyph-reworded",
    ItemKind.MOVED: "glyph-moved",
}


def item_component(item: ReviewItem) -> str:
    """The aligned view's component (short name) an item is drawn with."""
    return _COMPONENT[item.kind]


def item_tag(item: ReviewItem) -> str:
    """A one-word tag: the claim category, or the quotation / group status."""
    return item.category or ITEM_TAG[item.kind]


def one_line(text: str, limit: int = 0) -> str:
    """``text`` made literal on one line, cut to ``limit`` cells: an item's text or a note
    said on its own (the review bar, the panel), so characters that draw nothing are shown
    (``display_echo``), as the diff shows a claim."""
    shown = " ".join(display_echo(text).split())
    if limit and len(shown) > limit:
        shown = shown[: limit - 1].rstrip() + "…"
    return shown


def items_by_row(items: list[ReviewItem]) -> dict[int, list[ReviewItem]]:
    """The items of each row (``ReviewItem.pair``), in display order; unplaced ones left out."""
    rows: dict[int, list[ReviewItem]] = defaultdict(list)
    for item in items:
        if item.pair >= 0:
            rows[item.pair].append(item)
    return dict(rows)


def row_mark(session: ReviewSession, items: list[ReviewItem]) -> tuple[str, str] | None:
    """The margin glyph of a row holding ``items``: ``(glyph, component)`` or ``None``.

    Any flagged item makes the row ``!``; all accepted makes it ``✓``; some accepted a dim
    ``✓``; only notes ``✎``; nothing reviewed, no glyph.
    """
    marks = [session.mark(item.key) for item in items]
    if Mark.FLAGGED in marks:
        return "!", "mark-flagged"
    if marks and all(mark is Mark.ACCEPTED for mark in marks):
        return "✓", "mark-accepted"
    if Mark.ACCEPTED in marks:
        return "✓", "mark-partial"
    if any(session.note(item.key) for item in items):
        return NOTE_GLYPH, "mark-note"
    return None


def _stem(doc: Document, fallback: str) -> str:
    name = Path(doc.path).stem if doc.path else fallback
    slug = re.sub(r"[^\w.-]+", "-", name, flags=re.ASCII).strip("-.")
    return slug[:40] or fallback


def default_report_path(comparison: Comparison, fmt: str, folder: Path) -> Path:
    """Where the export key suggests writing a report: ``folder/factcheck-A-vs-B.md``."""
    name = f"factcheck-{_stem(comparison.a, 'a')}-vs-{_stem(comparison.b, 'b')}"
    return folder / (name + REPORT_SUFFIX.get(fmt, ".txt"))


def keep_lost(app: object, text: str) -> None:
    """Keep ``text``, a notice of marks lost, for the terminal after the reader exits (the
    app's ``lost_reviews``, which the command line prints; an app without one, such as
    the command line tests' stand-in, keeps nothing)."""
    lost: list[str] | None = getattr(app, "lost_reviews", None)
    if lost is not None:
        lost.append(text)


@dataclass(frozen=True)
class Notice:
    """A notification to post: its text, title and severity."""

    text: str
    title: str
    severity: SeverityLevel = "information"


class SaveNotices:
    """What to tell the user about a window's saves: once per run of failures.

    A user flagging ten items on a full disk made ten saves fail, and each said so in a
    toast of its own. Now the first failure of a run says so (with the reason), then
    ``failure`` holds the reason for as long as the marks are only in memory (the window
    shows it where it stays in sight), and the first save that succeeds after it says
    "saved again", once. Other messages (the review index could not be updated, a
    corrupt file set aside) are said once each.

    Saves run one at a time, but their outcomes may reach the UI thread out of order: each
    carries its place in the order the saves ran (``run``), and an outcome older than one
    already taken in is news no longer (a later save has told what stands).
    """

    def __init__(self) -> None:
        self.failure: str | None = None
        """Why saving fails ("No space left on device"); ``None`` while saves succeed."""
        self._latest = 0
        self._told: set[str] = set()

    def opened(self, error: str | None, messages: list[str]) -> None:
        """Take in the outcome of the save that opened the review: its messages came with
        the session (``load_for``) and were shown as the review's."""
        self.failure = error
        self._told.update(messages)

    def saved(self, run: int, error: str | None, messages: list[str]) -> list[Notice]:
        """Take in the outcome of a save and return what to tell the user.

        Args:
            run: The save's place in the order the saves ran (from 1).
            error: Why it failed (``ReviewSession.save_error``), ``None`` when it did not.
            messages: What ``ReviewSession.save`` returned.
        """
        if run < self._latest:
            return []
        self._latest = run
        if error is not None:
            told = self.failure is not None
            self.failure = error
            if told:
                return []
            texts = messages or [f"The review could not be saved: {error}."]
            return [Notice(text, "Review not saved", "error") for text in texts]
        notices: list[Notice] = []
        if self.failure is not None:
            self.failure = None
            notices.append(Notice("Saved again: every mark and note is on disk.", "Review saved"))
        for text in messages:
            if text not in self._told:
                self._told.add(text)
                notices.append(Notice(text, "Review", "warning"))
        return notices
