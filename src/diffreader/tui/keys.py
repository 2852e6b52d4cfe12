"""Provides ``HELP``, the binding every main screen lists right after its ``q``.

Textual's footer shows a screen's bindings before the app's and cuts what does not fit:
at 80 columns the corpus screen's footer ended at "t Stor…" and the diff screen's at
"r N…", so a newcomer saw neither how to quit nor how to get help. The corpus and diff
screens list ``q`` first and this second; the app keeps it too, for the other screens.
Its id is the app's (``app.help``): the keymap remaps every binding with that id.
"""

from __future__ import annotations

from textual.binding import Binding

__all__ = ["HELP"]

HELP = Binding(
    "question_mark", "app.help", "Help", id="app.help", tooltip="Show every key of this screen"
)
