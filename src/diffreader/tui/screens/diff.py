"""Provides ``DiffScreen``: header, the aligned view, the side panel, search and legend.

The comparison runs in a thread worker (``compare`` is pure Python and may take a second on
a long pair); a ``LoadingIndicator`` shows until ``ComparisonReady`` arrives.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, LoadingIndicator, Static

from diffreader.engine.model import Comparison, Document
from diffreader.tui.messages import ComparisonFailed, ComparisonReady
from diffreader.tui.rows import DiffModel
from diffreader.tui.textutil import display_text
from diffreader.tui.widgets.aligned_view import AlignedView
from diffreader.tui.widgets.diff_header import DiffHeader, Legend
from diffreader.tui.widgets.search_bar import SearchBar
from diffreader.tui.widgets.side_panel import SidePanel

__all__ = ["DiffScreen"]

Source = Document | Path


class DiffScreen(Screen[None]):
    """The aligned diff of two articles.

    Args:
        a: The original (a loaded document, or a path to load in the worker).
        b: The rewrite.
        exit_on_back: Quit the app on q/Escape (the screen was opened directly, as in
            ``diffreader A B``) instead of returning to the corpus.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n",
            "next_change",
            "Next change",
            id="diff.next_change",
            tooltip="Jump to the next row that changed",
        ),
        Binding(
            "N",
            "prev_change",
            "Prev change",
            show=False,
            id="diff.prev_change",
            tooltip="Jump to the previous row that changed",
        ),
        Binding(
            "c",
            "next_claim",
            "Next claim",
            id="diff.next_claim",
            tooltip="Jump to the next added claim or dropped detail",
        ),
        Binding(
            "C",
            "prev_claim",
            "Prev claim",
            show=False,
            id="diff.prev_claim",
            tooltip="Jump to the previous added claim or dropped detail",
        ),
        Binding(
            "f",
            "fold",
            "Fold",
            id="diff.fold",
            tooltip="Fold (or unfold) runs of unchanged sentences",
        ),
        Binding("s", "swap", "Swap", id="diff.swap", tooltip="Swap A and B and compare again"),
        Binding(
            "u",
            "unified",
            "Unified",
            id="diff.unified",
            tooltip="Switch between side-by-side and unified (inline) view",
        ),
        Binding(
            "p",
            "panel",
            "Panel",
            id="diff.panel",
            tooltip="Show or hide the panel of claims, dropped details and quotations",
        ),
        Binding(
            "slash",
            "search",
            "Search",
            id="diff.search",
            tooltip="Search both articles (literal, case-insensitive)",
        ),
        Binding(
            "tab",
            "focus_next",
            "Focus",
            show=False,
            id="diff.focus_next",
            tooltip="Move focus between the diff and the panel",
        ),
        Binding(
            "q,escape",
            "back",
            "Back",
            id="diff.back",
            tooltip="Close the diff (back to the corpus, or quit when opened directly)",
        ),
    ]

    comparing: reactive[bool] = reactive(True)
    """True while the worker runs (the loading indicator shows)."""

    def __init__(
        self,
        a: Source,
        b: Source,
        *,
        exit_on_back: bool = False,
        comparison: Comparison | None = None,
    ) -> None:
        super().__init__()
        self._sources = (a, b)
        self._given = comparison
        self.exit_on_back = exit_on_back
        self.model: DiffModel | None = None
        self.last_seconds = 0.0
        """Wall time of the last comparison (loading + compare + model)."""

    def compose(self) -> ComposeResult:
        yield DiffHeader(id="diff-header")
        with Horizontal(id="diff-body"):
            with Vertical(id="diff-main"):
                yield LoadingIndicator(id="diff-loading")
                yield Static(id="diff-error")
                yield AlignedView(id="diff-view")
            yield SidePanel(id="side-panel")
        yield SearchBar(placeholder="Search (Enter: next match, Escape: close)", id="search-bar")
        yield Legend(id="legend")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#side-panel").display = False
        self.query_one(SearchBar).display = False
        self.query_one("#diff-error").display = False
        self.app.theme_changed_signal.subscribe(self, self._restyle)
        self.run_compare(*self._sources, comparison=self._given)

    @property
    def view(self) -> AlignedView:
        """The aligned view."""
        return self.query_one(AlignedView)

    # -- worker -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="compare")
    def run_compare(self, a: Source, b: Source, comparison: Comparison | None = None) -> None:
        """Load (if needed), compare and build the display model, off the UI thread.

        A ready ``comparison`` skips loading and comparing (tests, screenshots)."""
        from diffreader.engine import LoadError, compare, load_document

        started = time.perf_counter()
        try:
            if comparison is None:
                doc_a = a if isinstance(a, Document) else load_document(a)
                doc_b = b if isinstance(b, Document) else load_document(b)
                comparison = compare(doc_a, doc_b)
            model = DiffModel(comparison)
        except LoadError as error:
            self.post_message(ComparisonFailed(str(error)))
            return
        except Exception as error:  # a comparison bug must not kill the reader
            self.post_message(ComparisonFailed(f"Comparison failed: {error!r}"))
            raise
        self.post_message(ComparisonReady(model, time.perf_counter() - started))

    def watch_comparing(self, comparing: bool) -> None:
        self.query_one("#diff-loading").display = comparing

    @on(ComparisonReady)
    def _ready(self, message: ComparisonReady) -> None:
        message.stop()
        swapping = self.model is not None
        self.model = message.model
        self.last_seconds = message.seconds
        comparison = message.model.comparison
        self._sources = (comparison.a, comparison.b)
        self.comparing = False
        self.query_one(DiffHeader).show(comparison)
        view = self.view
        view.set_model(message.model, keep_position=swapping)
        self._show_styles()
        view.focus()

    @on(ComparisonFailed)
    def _failed(self, message: ComparisonFailed) -> None:
        message.stop()
        self.comparing = False
        error = self.query_one("#diff-error", Static)
        shown, _ = display_text(message.reason)
        error.update(shown)
        error.display = True
        self.notify(shown, title="Cannot compare", severity="error")

    def _show_styles(self) -> None:
        styles = self.view.component_styles()
        self.query_one(Legend).show(styles)
        if self.model is not None:
            self.query_one(SidePanel).show(self.model, styles)

    def _restyle(self, _theme: object = None) -> None:
        # Component styles are recomputed after the CSS refresh that follows a theme change.
        self.call_after_refresh(self._show_styles)

    # -- actions ------------------------------------------------------------------------

    def action_next_change(self) -> None:
        if not self.view.next_change(True):
            self.notify("No more changes below.", timeout=2)

    def action_prev_change(self) -> None:
        if not self.view.next_change(False):
            self.notify("No more changes above.", timeout=2)

    def action_next_claim(self) -> None:
        if not self.view.next_claim(True):
            self.notify("No more claims below.", timeout=2)

    def action_prev_claim(self) -> None:
        if not self.view.next_claim(False):
            self.notify("No more claims above.", timeout=2)

    def action_fold(self) -> None:
        self.view.folded = not self.view.folded

    def action_unified(self) -> None:
        view = self.view
        if view.mode == "split" and view.effective_mode == "unified":
            self.notify("The terminal is too narrow for two columns.", timeout=3)
            return
        view.mode = "unified" if view.mode == "split" else "split"

    def action_swap(self) -> None:
        if self.comparing or self.model is None:
            return
        comparison = self.model.comparison
        self.comparing = True
        self.run_compare(comparison.b, comparison.a)

    def action_panel(self) -> None:
        panel = self.query_one(SidePanel)
        panel.display = not panel.display
        if panel.display:
            panel.focus()
        else:
            self.view.focus()

    def action_search(self) -> None:
        bar = self.query_one(SearchBar)
        bar.display = True
        bar.focus()

    def action_back(self) -> None:
        if self.exit_on_back:
            self.app.exit()
        else:
            self.dismiss()

    # -- handlers -----------------------------------------------------------------------

    @on(SidePanel.Chosen)
    def _jump(self, message: SidePanel.Chosen) -> None:
        self.view.jump_to_row(message.row)

    @on(SearchBar.Changed)
    def _search_changed(self, event: SearchBar.Changed) -> None:
        self.view.query = event.value
        self._search_next(from_current=True)

    @on(SearchBar.Submitted)
    def _search_submitted(self, event: SearchBar.Submitted) -> None:
        self._search_next(from_current=False)

    @on(SearchBar.Closed)
    def _search_closed(self, message: SearchBar.Closed) -> None:
        message.bar.display = False
        self.view.focus()

    def _search_next(self, *, from_current: bool) -> None:
        view = self.view
        needle = view.query.lower()
        if not needle or self.model is None:
            return
        rows = self.model.rows
        start = view.cursor_row if view.cursor_row is not None else 0
        if not from_current:
            start += 1
        n = len(rows)
        for step in range(n):
            row = rows[(start + step) % n]
            if needle in row.a.text.lower() or needle in row.b.text.lower():
                view.jump_to_row(row.index)
                return
        self.notify(f"Not found: {needle}", timeout=2)
