"""Provides ``DiffReaderApp`` and ``make_app``, the one factory the CLI, tests and scripts use.

Starting points:
    make_app()                        the bundled demo corpus
    make_app(corpus=DIR)              the corpus screen of a folder
    make_app(pair=(A, B))             the diff of two files; q quits, as in ``less``
                                      (the pair was asked for on the command line, so there is
                                      no corpus to go back to)
    make_app(versions=(A, [V1, ...]))  the multi-version view of an original and its versions
    make_app(scan=RESULTS)            the stories and pairs of a ``diffreader scan``

``python -m diffreader.tui.app [DIR | A B]`` runs it without the CLI (development, tmux).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.notifications import Notify, SeverityLevel
from textual.widgets import Input

from diffreader.tui.commands import ScreenCommands
from diffreader.tui.keys import HELP
from diffreader.tui.messages import CompareRequested, ReviewSaved
from diffreader.tui.screens.corpus import CorpusScreen
from diffreader.tui.textutil import display_echo

if TYPE_CHECKING:
    from textual.dom import DOMNode

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
        HELP,
        Binding(
            "ctrl+t",
            "toggle_light",
            "Light/dark",
            id="app.toggle_light",
            tooltip="Switch between the configured theme and the light theme",
            show=False,
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
        theme: str | None = None,
        light_theme: str = "textual-light",
        notices: Sequence[str] = (),
        versions: tuple[Path, Sequence[Path]] | None = None,
        scan: Path | None = None,
    ) -> None:
        super().__init__()
        self.versions = versions
        """An original and its versions to open in the multi-version view (q quits)."""
        self.scan = scan
        """A ``diffreader scan`` results folder to open on (its stories and pairs)."""
        self.notices = list(notices)
        """Warnings from the start (a configured corpus that is gone), shown once running."""
        self.initial_theme = theme
        """The config file's theme, applied (or reported unknown) once running."""
        self.light_theme = light_theme
        """The theme ``ctrl+t`` switches to and back from."""
        self.corpus = corpus
        self.pair = pair
        self.comparison = comparison
        """A ready comparison to open directly (tests and screenshots)."""
        self.data_dir = data_dir
        """Where review state lives (issue 4); ``None`` means the platform default."""
        self.keymap_ids: set[str] = set()
        """Binding ids the keymap remaps (checked against the real ones once running)."""
        self.lost_reviews: list[str] = []
        """Marks a closing window could not save (a full disk): said in the reader, and
        on the terminal once it exits (the CLI), when there is no screen left to say it."""

    def on_mount(self) -> None:
        from diffreader.tui.screens.diff import DiffScreen

        if self.initial_theme:
            self._apply_theme(self.initial_theme, source="config 'theme'")
        if self.light_theme not in self.available_themes:
            # Said now, not at the first Ctrl+T (which then keeps the theme as it is).
            self.notify(
                f"config 'light_theme': no theme {self.light_theme!r}; Ctrl+T will keep "
                "the theme as it is.",
                title="Config",
                severity="warning",
                timeout=10,
            )
        for notice in self.notices:
            self.notify(notice, title="Config", severity="warning", timeout=15)
        if self.comparison is not None:
            c = self.comparison
            self.push_screen(DiffScreen(c.a, c.b, exit_on_back=True, comparison=c))
        elif self.pair is not None:
            a, b = self.pair
            self.push_screen(DiffScreen(Path(a), Path(b), exit_on_back=True))
        elif self.versions is not None:
            self.open_versions(*self.versions, exit_on_back=True)
        elif self.scan is not None:
            from diffreader.tui.screens.scan_results import ScanResultsScreen

            self.push_screen(ScanResultsScreen(self.scan))
        else:
            self.push_screen(CorpusScreen(self.corpus or demo_corpus()))
        if self.keymap_ids:
            # After the first frame: it imports every screen, which startup avoids.
            self.call_after_refresh(self._check_keymap)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Show a notification, always literally: the one path every notification takes.

        Screens and widgets call ``self.notify``, which Textual hands to the app, so this
        covers them all. Messages carry user text (file names, search text, config values,
        error reasons): ``markup`` is ignored and forced off, since ``[/]`` would crash the
        toast and ``[@click=app.quit]`` would make it a button. Control characters and
        escapes are made visible (``␛``), as in article text, and so are characters that
        draw nothing (``<U+200B>``: "Not found: 40" for a search of ``4\u200b0`` hid why).
        """
        super().notify(
            display_echo(message),
            title=display_echo(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def _on_notify(self, event: Notify) -> None:
        """Replace a toast saying the same thing, rather than stacking another under it.

        A key held down, or pressed again and again, past the last change ("n", "r" once
        every item is reviewed) said the same thing once per press: a column of identical
        toasts covered the diff. The toast shown goes; the new one (Textual's own handler
        adds it next) starts its time again."""
        new = event.notification
        for shown in list(self._notifications):
            if (shown.message, shown.title, shown.severity) == (
                new.message,
                new.title,
                new.severity,
            ):
                self._unnotify(shown, refresh=False)

    def action_help_quit(self) -> None:
        """Ctrl+C: say which key quits. Textual's own message is markup ("Press
        [b]ctrl+q[/b]"), which the literal notifications showed tags and all."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(f"Press {key} to quit the app.", title="Do you want to quit?")
                return

    def _apply_theme(self, name: str, *, source: str) -> bool:
        """Switch to theme ``name``; an unknown name is reported and the theme stays."""
        if name not in self.available_themes:
            known = ", ".join(sorted(self.available_themes))
            self.notify(
                f"{source}: no theme {name!r}; keeping {self.theme!r}. Themes: {known}",
                title="Config",
                severity="warning",
                timeout=10,
            )
            return False
        self.theme = name
        return True

    def action_toggle_light(self) -> None:
        """Switch between the starting theme and the light theme."""
        dark = self.initial_theme or "textual-dark"
        target = dark if self.theme == self.light_theme else self.light_theme
        self._apply_theme(target, source="config 'light_theme'")

    def _check_keymap(self) -> None:
        """Tell the user about remaps whose binding id does not exist (a config typo), and
        about keys no keyboard can press (``"[/]"``: a binding left without a key)."""
        unknown = sorted(self.keymap_ids - binding_ids())
        if unknown:
            self.notify(
                f"config [keys]: no binding with id {_first_few(unknown)}; see ? for the keys.",
                title="Config",
                severity="warning",
                timeout=10,
            )
        keymap: Mapping[str, str] = getattr(self, "_keymap", {})
        untypeable = sorted(
            f"{binding_id} = {key!r}"
            for binding_id, keys in keymap.items()
            for key in keys.split(",")
            if not _KEY_NAME.match(key.strip())
        )
        if untypeable:
            self.notify(
                f"config [keys]: no such key: {_first_few(untypeable)}; see ? for the keys.",
                title="Config",
                severity="warning",
                timeout=10,
            )

    def on_key(self, event: events.Key) -> None:
        """Type into the focused input a key that went elsewhere first.

        Textual hands a key to the widget focused when it reads the key; the key's
        bindings run when it comes back up here. Keys typed right after the one that
        focuses an input (``/`` then a word, typed fast or while the reader was busy)
        were read before that binding ran, went to the list or the diff, and were lost
        or ran their own bindings ("/bar" marked B and A). An input stops the printable
        keys it receives, so one arriving here while an input has the focus is such a
        key: it is the input's.
        """
        focused = self.focused
        if isinstance(focused, Input) and event.is_printable and event.character:
            event.prevent_default()  # no binding runs (App._on_key)
            event.stop()
            focused.insert_text_at_cursor(event.character)

    @on(CompareRequested)
    def _compare(self, message: CompareRequested) -> None:
        from diffreader.tui.screens.diff import DiffScreen

        self.push_screen(DiffScreen(message.a, message.b))

    @on(ReviewSaved)
    def _review_saved(self) -> None:
        # The corpus screen read its review figures when it came back; a save that ended
        # after that (the review closed while saving) is read again.
        screen = self.screen
        if isinstance(screen, CorpusScreen) and not screen.loading:
            screen.refresh_reviews()

    def open_versions(
        self, original_path: Path, version_paths: Sequence[Path], *, exit_on_back: bool = False
    ) -> None:
        """Open the multi-version view of an original and its versions (the corpus screen
        calls this for a story or for several marked articles)."""
        from diffreader.tui.screens.versions import VersionsScreen

        self.push_screen(
            VersionsScreen(
                Path(original_path), [Path(p) for p in version_paths], exit_on_back=exit_on_back
            )
        )

    def action_help(self) -> None:
        from diffreader.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen))


def binding_ids() -> set[str]:
    """Every binding id of the app's screens and widgets (what ``[keys]`` may remap)."""
    from diffreader.tui.screens.diff import DiffScreen
    from diffreader.tui.screens.help import HelpScreen
    from diffreader.tui.screens.review_dialogs import ExportDialog, NoteEditor
    from diffreader.tui.screens.scan_results import ScanResultsScreen
    from diffreader.tui.screens.versions import VersionsScreen
    from diffreader.tui.widgets.aligned_view import AlignedView
    from diffreader.tui.widgets.article_table import ArticleTable
    from diffreader.tui.widgets.side_panel import SidePanel

    classes: tuple[type[DOMNode], ...] = (
        DiffReaderApp,
        CorpusScreen,
        DiffScreen,
        HelpScreen,
        AlignedView,
        ArticleTable,
        SidePanel,
        NoteEditor,
        ExportDialog,
        VersionsScreen,
        ScanResultsScreen,
    )
    return {
        binding.id
        for cls in classes
        for binding in cls.BINDINGS
        if isinstance(binding, Binding) and binding.id
    }


_KEY_NAME = re.compile(r"^(?:(?:ctrl|shift|alt|super|meta|hyper)\+)*[a-z0-9_]+$")
"""A key as Textual names it once ``normalise_keymap`` has named single characters:
modifiers, then a name of letters, digits and underscores (``ctrl+x``, ``f5``,
``question_mark``)."""


def _first_few(names: list[str], shown: int = 5) -> str:
    """``a, b, c and 12 more``: a config of thousands of remaps is one short message,
    not a notification that covers the screen."""
    rest = len(names) - shown
    listed = ", ".join(names[:shown])
    return f"{listed} and {rest:,} more" if rest > 0 else listed


def normalise_keymap(keymap: Mapping[str, str]) -> dict[str, str]:
    """Keys as Textual names them: ``"!"`` becomes ``exclamation_mark``, ``"]"`` ...

    Textual's keymap takes key *names*; a config file naturally says ``flag = "!"``.
    """
    from textual.keys import _character_to_key

    def name(key: str) -> str:
        key = key.strip()
        return _character_to_key(key) if len(key) == 1 else key

    return {
        binding_id: ",".join(name(key) for key in keys.split(",") if key.strip())
        for binding_id, keys in keymap.items()
    }


def make_app(
    *,
    corpus: Path | None = None,
    pair: tuple[Path, Path] | None = None,
    data_dir: Path | None = None,
    keymap: Mapping[str, str] | None = None,
    theme: str | None = None,
    light_theme: str = "textual-light",
    notices: Sequence[str] = (),
    versions: tuple[Path, Sequence[Path]] | None = None,
    scan: Path | None = None,
) -> DiffReaderApp:
    """Build the app (the CLI then calls ``run()``).

    Args:
        corpus: A folder of articles; ``None`` (with no ``pair``) means the demo corpus.
        pair: Two files to open directly in the diff screen.
        data_dir: Where review state is kept (``None``: the platform default).
        keymap: Binding id -> keys, e.g. ``{"diff.next_claim": "x"}`` (from the config file).
            Single characters may be given as such (``"!"``); unknown ids are reported
            once the app runs.
        theme: The theme to start with (config ``theme``); an unknown name is reported.
        light_theme: The theme ``ctrl+t`` toggles to (config ``light_theme``).
        notices: Warnings to show once the reader runs (the CLI's fallbacks).
        versions: An original and its versions to open in the multi-version view.
        scan: A ``diffreader scan`` results folder: open on its stories and pairs.
    """
    app = DiffReaderApp(
        corpus=corpus,
        pair=pair,
        data_dir=data_dir,
        theme=theme,
        light_theme=light_theme,
        notices=notices,
        versions=versions,
        scan=scan,
    )
    if keymap:
        app.keymap_ids = set(keymap)
        app.set_keymap(normalise_keymap(keymap))
    return app


def main(argv: list[str] | None = None) -> int:
    """Development entry: ``python -m diffreader.tui.app [DIR | A B | A V1 V2 ...]``."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 2:
        app = make_app(versions=(Path(args[0]), [Path(p) for p in args[1:]]))
    elif len(args) == 2:
        app = make_app(pair=(Path(args[0]), Path(args[1])))
    elif len(args) == 1:
        app = make_app(corpus=Path(args[0]))
    else:
        app = make_app()
    app.run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
