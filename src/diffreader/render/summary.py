"""Provides the phrases the reports share: coverage figures, a document's line, an item
split around its sentence. Plain text: each writer escapes it for its medium.

API:
    coverage_lines(view) -> list[str]
    doc_line(doc) -> (title, "date · file")
    split_item(item) -> (before, item, after) | None
"""

from __future__ import annotations

from diffreader.engine.model import Document
from diffreader.plural import plural
from diffreader.render.model import View
from diffreader.review.items import ItemKind, ReviewItem

__all__ = ["coverage_lines", "doc_line", "split_item"]


def _percent(value: float) -> str:
    return f"{value:.0%}"


def coverage_lines(view: View) -> list[str]:
    """Coverage figures and counts as short plain-text phrases."""
    stats = view.comparison.stats
    lines = [
        f"{_percent(stats.a_kept)} of the original's wording kept",
        f"{_percent(stats.b_new)} of the rewrite's wording is new",
        f"{_percent(stats.a_sentences_matched)} of the original's sentences and "
        f"{_percent(stats.b_sentences_matched)} of the rewrite's are matched",
        f"{plural(view.added_claims, 'added claim')}, "
        f"{plural(view.dropped_details, 'dropped detail')}",
    ]
    if any(stats.quotes.values()):
        lines.append(
            "quotations: "
            + ", ".join(f"{n} {status}" for status, n in sorted(stats.quotes.items()) if n)
        )
    if any(stats.counts.values()):
        lines.append(
            "groups: "
            + ", ".join(f"{n} {status}" for status, n in sorted(stats.counts.items()) if n)
        )
    return lines


def doc_line(doc: Document) -> tuple[str, str]:
    """(title, "date · file") for a document."""
    details = [doc.date or "no date"]
    if doc.path and doc.title:  # without a title, the name already is the file name
        details.append(doc.file_name)
    return doc.name, " · ".join(details)


def split_item(item: ReviewItem) -> tuple[str, str, str] | None:
    """Split the item's sentence around the item, or None when it is not inside it."""
    start = item.start - item.sentence_start
    end = item.end - item.sentence_start
    if item.kind in (ItemKind.REWORDED, ItemKind.MOVED):
        return None
    if 0 <= start <= end <= len(item.sentence) and end > start:
        return item.sentence[:start], item.sentence[start:end], item.sentence[end:]
    return None
