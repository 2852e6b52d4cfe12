"""Provides ``ReviewBar``: the item the review keys act on, and the review's progress.

One line under the diff: on the left the selected item (its mark, label and text, its
place among the row's items, its note), on the right "14 of 37 reviewed, 3 flagged",
after "not saved: <reason>" for as long as the marks are only in memory.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from diffreader.review import Mark, Progress, ReviewEntry, ReviewItem
from diffreader.tui.review import GLYPH, NOTE_GLYPH, item_component, one_line

__all__ = ["ReviewBar"]

_MARK_WORD = {Mark.ACCEPTED: "accepted", Mark.FLAGGED: "flagged", None: "not reviewed"}


class ReviewBar(Static):
    """The selected review item and the progress counter."""

    text = ""
    """What the bar shows, as plain text (for tests and screen readers of the log)."""

    def show(
        self,
        *,
        progress: Progress | None,
        item: ReviewItem | None = None,
        stale: ReviewEntry | None = None,
        mark: Mark | None = None,
        note: str = "",
        position: tuple[int, int] | None = None,
        flagged_only: bool = False,
        hint: str = "",
        style_for: Mapping[str, Style] | None = None,
        saving: bool = False,
        unsaved: str | None = None,
    ) -> None:
        """Redraw the bar.

        Args:
            progress: The session's progress (``None``: no review loaded).
            item: The selected item, if any.
            stale: The selected stale entry, when a stale mark is selected instead.
            mark: The selected item's mark.
            note: Its note.
            position: ``(n, count)``: the item is the n-th of ``count`` in its row.
            flagged_only: The flagged filter is on.
            hint: What to say when nothing is selected.
            style_for: The aligned view's component styles.
            saving: A save is in flight (another window may hold the review's lock).
            unsaved: Why the marks cannot be saved, while they are only in memory (said
                here until a save succeeds: the notice of the failure goes away).
        """
        styles = style_for or {}
        left = Text(end="", no_wrap=True, overflow="ellipsis")
        if item is not None or stale is not None:
            component = {Mark.ACCEPTED: "mark-accepted", Mark.FLAGGED: "mark-flagged"}.get(
                mark,  # type: ignore[arg-type]
                "",
            )
            left.append(f" {GLYPH[mark]} ", style=styles.get(component, Style(bold=True)))
            left.append(f"{_MARK_WORD[mark]}  ", style=Style(dim=True))
            if item is not None:
                left.append(item.label, style=styles.get(item_component(item), Style(bold=True)))
                left.append(" ")
                left.append(f"“{one_line(item.text, 60)}”")
            elif stale is not None:
                left.append(f"stale: {stale.label or 'item'}", style=Style(bold=True))
                left.append(" ")
                left.append(f"“{one_line(stale.text, 60)}” (its text changed)")
            if note:
                left.append(f"  {NOTE_GLYPH} ", style=styles.get("mark-note", Style()))
                left.append(one_line(note, 40), style=Style(italic=True))
            if position is not None and position[1] > 1:
                left.append(f"  [{position[0]}/{position[1]} in row, i: next]", style="dim")
        else:
            left.append(f" {hint}", style=Style(dim=True))
        right = Text(end="", no_wrap=True, justify="right")
        if flagged_only:
            right.append("flagged only ", style=styles.get("mark-flagged", Style(reverse=True)))
            right.append("  ")
        if unsaved is not None:
            right.append(
                f"not saved: {one_line(unsaved, 40)}",
                style=styles.get("mark-flagged", Style(bold=True, reverse=True)),
            )
            right.append("  ")
        if saving:
            right.append("saving…  ", style=Style(italic=True, dim=True))
        if progress is not None:
            right.append(str(progress), style=Style(bold=True))
        self.text = f"{left.plain}  {right.plain}"
        grid = Table.grid(expand=True)
        grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        grid.add_column(justify="right", no_wrap=True)
        grid.add_row(left, right)
        self.update(grid)
