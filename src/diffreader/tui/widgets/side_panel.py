"""Provides the side panel: added claims, dropped details and quotation checks."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import groupby
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from diffreader.tui.rows import DiffModel

__all__ = ["SidePanel"]

_HEADINGS = {"added": "Added claims", "dropped": "Dropped details", "quotes": "Quotations"}


class SidePanel(OptionList):
    """Lists what matters; choosing an entry posts ``SidePanel.Chosen`` with its row."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "down,j",
            "cursor_down",
            "Next entry",
            show=False,
            id="panel.down",
            tooltip="Highlight the next entry",
        ),
        Binding(
            "up,k",
            "cursor_up",
            "Previous entry",
            show=False,
            id="panel.up",
            tooltip="Highlight the previous entry",
        ),
        Binding(
            "enter",
            "select",
            "Jump",
            show=False,
            id="panel.jump",
            tooltip="Jump to the highlighted entry in the diff",
        ),
    ]

    class Chosen(Message):
        """An entry was chosen (Enter or click)."""

        def __init__(self, panel: SidePanel, row: int) -> None:
            self.panel = panel
            self.row = row
            """Index into ``Comparison.pairs``."""
            super().__init__()

        @property
        def control(self) -> SidePanel:
            return self.panel

    def show(self, model: DiffModel, style_for: Mapping[str, Style]) -> None:
        """Fill the panel from a model (styles come from the aligned view)."""
        self.clear_options()
        options: list[Option | None] = []
        self._rows: dict[str, int] = {}
        for group, entries in groupby(model.panel, key=lambda e: e.group):
            items = list(entries)
            if options:
                options.append(None)
            heading = Text(f"{_HEADINGS[group]} ({len(items)})", style="bold", end="")
            options.append(Option(heading, id=f"heading-{group}", disabled=True))
            for n, entry in enumerate(items):
                prompt = Text(end="")
                prompt.append(f"{entry.label}", style=style_for.get(entry.style, Style()))
                prompt.append(" ")
                prompt.append(entry.text)
                option_id = f"{group}-{n}"
                self._rows[option_id] = entry.row
                options.append(Option(prompt, id=option_id))
        if not model.panel:
            options.append(
                Option(Text("No claims, details or quotations.", style="dim"), disabled=True)
            )
        self.add_options(options)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        row = self._rows.get(event.option.id or "")
        if row is not None:
            self.post_message(self.Chosen(self, row))
