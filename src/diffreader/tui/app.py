"""Provides ``DiffReaderApp`` and ``make_app``, the one factory the CLI, tests and scripts use.

Starting points:
    make_app()                        the bundled demo corpus
    make_app(corpus=DIR)              the corpus screen of a folder
    make_app(pair=(A, B))             the diff of two files; q/Escape quits, as in ``less``
                                      (the pair was asked for on the command line, so there is
                                      no corpus to go back to)

``python -m diffreader.tui.app [DIR | A B]`` runs it without the CLI (development, tmux).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import App
from textual.binding import Binding, BindingType

from diffreader.tui.commands import ScreenCommands
from diffreader.tui.messages import CompareRequested
from diffreader.tui.screens.corpus import CorpusScreen

if TYPE_CHECKING:
    from diffreader.engine.model import Comparison

# The diff and help screens (and through them the engine) are imported when first needed:
# the corpus screen's first frame should not wait for them (startup target 0.6 s).

__all__ = ["DiffReaderApp", "demo_corpus", "make_app"]


def demo_corpus() -> Path:
    """The demo corpus bundled with the package."""
    import diffreader

    return Path(diffreader.__file__).parent / "demo"


class DiffReaderApp(App[None]):
    """The terminal reader: corpus screen, diff screen, help."""

    CSS_PATH = "diffreader.tcss"
    TITLE = "diffreader"
    COMMANDS: ClassVar = App.COMMANDS | {ScreenCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "question_mark", "help", "Help", id="app.help", tooltip="Show every key of this screen"
        ),
    ]
    HELP_SECTION = "DiffReaderApp"

    def __init__(
        self,
        *,
        corpus: Path | None = None,
        pair: tuple[Path, Path] | None = None,
        data_dir: Path | None = None,
        comparison: Comparison | None = None,
    ) -> None:
        super().__init__()
        self.corpus = corpus
        self.pair = pair
        self.comparison = comparison
        """A ready comparison to open directly (tests and screenshots)."""
        self.data_dir = data_dir
        """Where review state lives (issue 4); ``None`` means the platform default."""

    def on_mount(self) -> None:
        from diffreader.tui.screens.diff import DiffScreen

        if self.comparison is not None:
            c = self.comparison
            self.push_screen(DiffScreen(c.a, c.b, exit_on_back=True, comparison=c))
        elif self.pair is not None:
            a, b = self.pair
            self.push_screen(DiffScreen(Path(a), Path(b), exit_on_back=True))
        else:
            self.push_screen(CorpusScreen(self.corpus or demo_corpus()))

    @on(CompareRequested)
    def _compare(self, message: CompareRequested) -> None:
        from diffreader.tui.screens.diff import DiffScreen

        self.push_screen(DiffScreen(message.a, message.b))

    def action_help(self) -> None:
        from diffreader.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen))


def make_app(
    *,
    corpus: Path | None = None,
    pair: tuple[Path, Path] | None = None,
    data_dir: Path | None = None,
    keymap: Mapping[str, str] | None = None,
) -> DiffReaderApp:
    """Build the app (the CLI then calls ``run()``).

    Args:
        corpus: A folder of articles; ``None`` (with no ``pair``) means the demo corpus.
        pair: Two files to open directly in the diff screen.
        data_dir: Where review state is kept (``None``: the platform default).
        keymap: Binding id -> keys, e.g. ``{"diff.next_claim": "x"}`` (from the config file).
    """
    app = DiffReaderApp(corpus=corpus, pair=pair, data_dir=data_dir)
    if keymap:
        app.set_keymap(dict(keymap))
    return app


def main(argv: list[str] | None = None) -> int:
    """Development entry: ``python -m diffreader.tui.app [DIR | A B]``."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) == 2:
        app = make_app(pair=(Path(args[0]), Path(args[1])))
    elif len(args) == 1:
        app = make_app(corpus=Path(args[0]))
    else:
        app = make_app()
    app.run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
