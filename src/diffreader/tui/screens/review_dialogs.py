"""Provides the review dialogs: ``NoteEditor`` (a note on one item) and ``ExportDialog``.

Both are small modal screens over the diff: Enter confirms, Escape cancels, and the
result comes back through ``dismiss`` (``None`` when cancelled).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, RadioButton, RadioSet, Static

from diffreader.render import REPORT_FORMATS as FORMATS
from diffreader.storage.paths import written_over
from diffreader.tui.review import REPORT_SUFFIX
from diffreader.tui.textutil import LiteralHighlighter

__all__ = ["ExportDialog", "FormatSet", "NoteEditor", "NoteInput"]

_FORMAT_LABELS = {"markdown": "Markdown", "html": "HTML", "json": "JSON"}


class FormatSet(RadioSet):
    """The export formats: Space selects the highlighted one, Enter selects it and exports.

    A plain ``RadioSet`` takes Enter to toggle its button, so a dialog whose hint says
    "Enter writes" would silently ignore Enter while the formats have focus.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_button", "Select", show=False),
        Binding("enter", "choose", "Export", show=False),
    ]

    class Chosen(Message):
        """Enter was pressed on a format: select it and export."""

        def __init__(self, format_set: FormatSet, fmt: str) -> None:
            self.format_set = format_set
            self.fmt = fmt
            """The format highlighted when Enter was pressed."""
            super().__init__()

        @property
        def control(self) -> FormatSet:
            return self.format_set

    def action_choose(self) -> None:
        """Select the highlighted format (if any), then ask the dialog to export."""
        index = self._selected if self._selected is not None else self.pressed_index
        buttons = list(self.query(RadioButton))
        if not 0 <= index < len(buttons):
            return
        button = buttons[index]
        if not button.value:
            button.value = True
        self.post_message(self.Chosen(self, (button.id or "").removeprefix("fmt-")))


class NoteInput(Input):
    """The note's line: a text of several lines pasted into it is kept whole.

    Textual's ``Input`` keeps a paste's first line only: a note of three lines pasted
    from an e-mail was saved as its first line, the others dropped unseen. The lines are
    joined with a space (a note is one line: Enter saves it)."""

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # not Input's own handler too
        event.stop()
        text = " ".join(line.strip() for line in event.text.splitlines() if line.strip())
        if not text:
            return
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)


class NoteEditor(ModalScreen[str | None]):
    """Edit the note of one review item: Enter saves (empty removes it), Escape cancels.

    Args:
        label: What the item is ("Added claim (number)").
        text: The item's text, shown for context (already literal, one line).
        note: The current note.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="note.cancel", tooltip="Close without saving"),
    ]

    def __init__(self, label: str, text: str, note: str) -> None:
        super().__init__()
        self._label = label
        self._text = text
        self._note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog", classes="review-dialog"):
            title = Text(end="")
            title.append("Note on ", style="bold")
            title.append(self._label, style="bold")
            yield Static(title, classes="dialog-title")
            yield Static(Text(self._text, style="italic"), classes="dialog-context")
            yield NoteInput(
                self._note,
                placeholder="What did you check? Who did you call?",
                id="note",
                highlighter=LiteralHighlighter(),
            )
            yield Static(
                Text("Enter saves · Escape cancels · an empty note removes it", style="dim"),
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#note")
    def _save(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ExportDialog(ModalScreen[tuple[str, Path] | None]):
    """Choose a report format and a file: Enter writes, Escape cancels.

    Changing the format changes the suggested file's suffix.

    Args:
        paths: The suggested file for each format.
        fmt: The format selected first.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel", tooltip="Close without writing"),
    ]

    def __init__(
        self, paths: dict[str, Path], fmt: str = "markdown", *, articles: Sequence[Path] = ()
    ) -> None:
        super().__init__()
        self._paths = paths
        self._articles = tuple(articles)
        """The articles compared: never written over (the command line's ``-o`` refuses
        them too)."""
        self.fmt = fmt
        """The selected format."""
        self._confirmed: Path | None = None
        """An existing file the user has been warned about once."""

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog", classes="review-dialog"):
            yield Static(Text("Export a fact-check report", style="bold"), classes="dialog-title")
            with FormatSet(id="export-format"):
                for fmt in FORMATS:
                    yield RadioButton(_FORMAT_LABELS[fmt], value=fmt == self.fmt, id=f"fmt-{fmt}")
            yield Input(
                str(self._paths[self.fmt]), id="export-path", highlighter=LiteralHighlighter()
            )
            yield Static(
                Text("Enter writes · Tab/Shift+Tab: format or file · Escape cancels", style="dim"),
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        button_id = event.pressed.id or ""
        fmt = button_id.removeprefix("fmt-")
        if fmt in FORMATS:
            self._select_format(fmt)

    def _select_format(self, fmt: str) -> None:
        """Make ``fmt`` the format, and give the suggested file its suffix."""
        if fmt == self.fmt:
            return
        path_input = self.query_one("#export-path", Input)
        current = Path(path_input.value.strip() or str(self._paths[fmt]))
        if current.suffix.lower() in REPORT_SUFFIX.values():
            current = current.with_suffix(REPORT_SUFFIX[fmt])
        path_input.value = str(current)
        self.fmt = fmt

    @on(FormatSet.Chosen)
    def _chosen(self, event: FormatSet.Chosen) -> None:
        event.stop()
        if event.fmt in FORMATS:
            self._select_format(event.fmt)
        self._export(self.query_one("#export-path", Input).value)

    @on(Input.Submitted, "#export-path")
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        self._export(event.value)

    def _export(self, value: str) -> None:
        """Write to ``value`` in the selected format (a second Enter confirms a replace)."""
        value = value.strip()
        if not value:
            self.notify("Give a file to write.", severity="warning", timeout=3)
            return
        try:
            target = Path(os.path.abspath(Path(value).expanduser()))
        except OSError:  # a relative name, and the working folder was deleted since
            self.notify(
                f"{value}: the working folder no longer exists; give a full path.",
                severity="warning",
                timeout=6,
            )
            return
        if target.exists() and not target.is_file():
            # A folder cannot be written; a FIFO or a device would block the export for ever.
            self.notify(
                f"{target}: not a regular file; give a file to write.",
                severity="warning",
                timeout=6,
            )
            return
        # What the command line's -o refuses: an article, a file of diffreader's own state
        # (a review file replaced by a report lost its marks).
        reason = written_over(target, self._articles, getattr(self.app, "data_dir", None))
        if reason is not None:
            self.notify(f"{target}: {reason}; give another file.", severity="warning", timeout=6)
            return
        # Never overwrite a file silently (it may be an earlier report with edits of its
        # own): the first Enter warns, a second Enter on the same path confirms.
        if target.exists() and self._confirmed != target:
            self._confirmed = target
            self.notify(
                f"{target} exists: Enter again to replace it, or change the file name.",
                severity="warning",
                timeout=6,
            )
            return
        self.dismiss((self.fmt, target))

    def action_cancel(self) -> None:
        self.dismiss(None)
