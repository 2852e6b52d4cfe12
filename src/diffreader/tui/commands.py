"""Provides ``ScreenCommands``: the command palette offers every key binding of the screen.

The palette and the keys stay in step because the commands are read from the live bindings
(``Screen.active_bindings``, so a remapped keymap shows too), plus any keyless commands a
screen lists in ``extra_commands()``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.markup import escape

__all__ = ["ScreenCommands"]

_SKIP = {"command_palette", "app.command_palette", "focus_next", "focus_previous"}


class ScreenCommands(Provider):
    """Commands for the actions of the screen the palette was opened on."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        screen = self.screen
        commands: list[tuple[str, str, Callable[[], object]]] = []
        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if binding.system or binding.action in _SKIP or not binding.description:
                continue
            if binding.action in seen:
                continue
            seen.add(binding.action)
            keys = self.app.get_key_display(binding) or key
            help_text = f"{binding.tooltip} · key {keys}" if binding.tooltip else f"key {keys}"
            # The palette reads help as markup, and the keys come from the config file.
            help_text = escape(help_text)
            commands.append(
                (binding.description, help_text, partial(self._run, binding.action, active.node))
            )
        extra = getattr(screen, "extra_commands", None)
        if extra is not None:
            for title, help_text, action in extra():
                commands.append((title, help_text, partial(self._run, action, screen)))
        return commands

    def _run(self, action: str, node: DOMNode) -> None:
        self.app.call_later(self.app.run_action, action, node)

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
