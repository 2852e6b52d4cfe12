"""Provides the search bar of the diff screen: literal, case-insensitive, incremental."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input

from diffreader.tui.textutil import LiteralHighlighter

__all__ = ["SearchBar"]


class SearchBar(Input):
    """An ``Input`` that closes on Escape (instead of leaving the screen)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "close",
            "Close search",
            id="search.close",
            tooltip="Close the search bar (matches stay highlighted)",
        ),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("highlighter", LiteralHighlighter())  # pasted escapes show as ␛
        super().__init__(*args, **kwargs)

    class Closed(Message):
        """The user closed the search bar."""

        def __init__(self, bar: SearchBar) -> None:
            self.bar = bar
            super().__init__()

        @property
        def control(self) -> SearchBar:
            return self.bar

    def action_close(self) -> None:
        self.post_message(self.Closed(self))
