"""Provides ``HelpScreen``: every binding of the screen it was opened from, and the app's,
then (on the diff screen) what the diff's colours mean, fact families included."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from diffreader.render.labels import FAMILY_HELP, LEGEND_COLOURS
from diffreader.tui.widgets.aligned_view import AlignedView

__all__ = ["HelpScreen", "binding_rows"]


def binding_rows(  # type: ignore[no-untyped-def]
    nodes: list[DOMNode], app_key_display, keymap: Mapping[str, str] | None = None
) -> list[tuple[str, str, str, str, str]]:
    """(section, keys, description, tooltip, binding id) for every binding of ``nodes``,
    with ``keymap`` (the app's: binding id -> keys) applied as Textual applies it when a
    key is pressed."""
    rows: list[tuple[str, str, str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    listed_ids: set[str] = set()  # a binding a screen lists too (tui/keys.py) is listed once
    for node in nodes:
        section = getattr(node, "HELP_SECTION", None) or type(node).__name__
        # Only diffreader's own bindings: Textual's inherited ones (scroll left, copy...)
        # do nothing useful here and would bury the keys that matter.
        own = {
            binding.action
            for cls in type(node).__mro__
            if cls.__module__.startswith("diffreader")
            for binding in cls.__dict__.get("BINDINGS", [])
            if isinstance(binding, Binding)
        }
        by_action: dict[str, list[Binding]] = {}
        # node._bindings are the class's: the keymap is applied to a copy, as Textual's
        # binding chain does, so remapped keys show as remapped (they showed the defaults).
        mapped = node._bindings.copy()
        if keymap:
            mapped.apply_keymap(dict(keymap))
        for _key, bindings in mapped.key_to_bindings.items():
            for binding in bindings:
                if binding.action in own:
                    by_action.setdefault(binding.action, []).append(binding)
        for action, bindings in by_action.items():
            if (section, action) in seen:
                continue
            seen.add((section, action))
            first = bindings[0]
            if first.id and first.id in listed_ids:
                continue
            if first.id:
                listed_ids.add(first.id)
            keys = ", ".join(dict.fromkeys(app_key_display(b) for b in bindings))
            rows.append(
                (section, keys, first.description or action, first.tooltip or "", first.id or "")
            )
    return rows


class HelpScreen(ModalScreen[None]):
    """A modal table of keys; any of ?, q or Escape closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,q,question_mark", "close", "Close", id="help.close", tooltip="Close the help"
        ),
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self._target = screen

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(self._table(), id="help-table")
            colours = self._colours()
            if colours is not None:
                yield Static(colours, id="help-colours")

    def _table(self) -> Table:
        nodes: list[DOMNode] = []
        focused = self._target.focused
        # Widgets' own keys (the aligned view's movement keys) first, then screen, then app.
        nodes.append(self._target)
        for widget in self._target.query("AlignedView, SidePanel, SearchBar"):
            nodes.append(widget)
        if focused is not None and focused not in nodes:
            nodes.append(focused)
        nodes.append(self.app)
        table = Table(
            title=Text("diffreader keys", style="bold"),
            expand=True,
            show_edge=False,
            box=None,
            padding=(0, 1),
            caption=Text(
                "Keys can be remapped by binding id in the config file. "
                "Ctrl+P opens the command palette with the same actions.",
                style="dim",
            ),
        )
        table.add_column("Where", style="dim", no_wrap=True)
        table.add_column("Keys", style="bold", no_wrap=True)
        table.add_column("Action", no_wrap=True)
        table.add_column("What it does", style="dim")
        names = {
            "AlignedView": "Diff view",
            "DiffScreen": "Diff",
            "CorpusScreen": "Corpus",
            "DiffReaderApp": "Everywhere",
            "DataTable": "List",
            "SidePanel": "Panel",
        }
        keymap = getattr(self.app, "_keymap", None)
        for section, keys, description, tooltip, binding_id in binding_rows(
            nodes, self.app.get_key_display, keymap
        ):
            what = Text(tooltip)
            if binding_id:
                what.append(f"{'  ' if tooltip else ''}{binding_id}", style="italic")
            table.add_row(Text(names.get(section, section)), Text(keys), Text(description), what)
        return table

    def _colours(self) -> Table | None:
        """What the diff's colours mean, drawn in the view's own styles (diff screen only)."""
        views = self._target.query(AlignedView)
        if not views:
            return None
        style_for = views.first().component_styles()
        table = Table(
            title=Text("Colours in the diff", style="bold"),
            expand=True,
            show_edge=False,
            box=None,
            padding=(0, 1),
        )
        table.add_column("Sample", no_wrap=True)
        table.add_column("Means")
        rows = [
            ("added claim", "claim-added", "in the rewrite, not supported by the original"),
            ("dropped detail", "claim-dropped", "in the original, left out of the rewrite"),
            ("reworded", "word-insert", "words changed where the meaning is kept (quiet)"),
        ]
        for label, component, means in rows:
            table.add_row(Text(f" {label} ", style=style_for.get(component, Style())), means)
        claim = style_for.get("claim-added", Style())
        for family in LEGEND_COLOURS:
            style = claim + style_for.get(f"fact-{family}", Style())
            table.add_row(Text(f" {family} ", style=style), FAMILY_HELP[family])
        return table

    def action_close(self) -> None:
        self.dismiss()
