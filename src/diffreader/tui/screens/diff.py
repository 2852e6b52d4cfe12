"""Provides ``DiffScreen``: header, the aligned view, the side panel, search and legend.

The comparison runs in a thread worker (``compare`` is pure Python and may take a second on
a long pair), which also loads the pair's review; a ``LoadingIndicator`` shows until
``ComparisonReady`` arrives. From ``REMOTE_MIN_CHARS`` the worker hands the comparison to a
separate process that forks over the cores (``engine/remote.py``; a process running this
thread never forks) and waits on it, killing it when the screen closes.

Reviewing: every reviewable item (``review.review_items``) can be accepted (x),
flagged (!), cleared (Backspace) or given a note (e). The keys act on the *selected* item,
which the review bar under the diff names (and the view highlights):

* when the side panel has focus, the panel's highlighted entry (stale marks included);
* otherwise an item of the row under the cursor: when the cursor arrives, its first claim
  or quotation (the reworded or moved group itself comes last), and i steps through the
  others when the row holds several.

Each change is saved at once by the session (atomic, merged with other instances); a
failed save is retried on the next change. A run of failed saves is said once (a full disk
gave a toast per mark), the review bar says "not saved: <reason>" until a save succeeds,
and then "saved again" is said once (``tui.review.SaveNotices``).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, LoadingIndicator, Static
from textual.worker import get_current_worker

from diffreader.engine.model import Comparison, Document
from diffreader.plural import plural
from diffreader.review import ItemKind, Mark, ReviewEntry, ReviewItem, ReviewState
from diffreader.storage.review import ReviewSession
from diffreader.tui.keys import HELP
from diffreader.tui.messages import (
    ComparisonFailed,
    ComparisonProgress,
    ComparisonReady,
    ReviewSaved,
)
from diffreader.tui.review import (
    Notice,
    SaveNotices,
    default_report_path,
    items_by_row,
    keep_lost,
    one_line,
    row_mark,
)
from diffreader.tui.rows import DiffModel
from diffreader.tui.textutil import display_echo
from diffreader.tui.widgets.aligned_view import AlignedView
from diffreader.tui.widgets.diff_header import DiffHeader, Legend
from diffreader.tui.widgets.review_bar import ReviewBar
from diffreader.tui.widgets.search_bar import SearchBar
from diffreader.tui.widgets.side_panel import PanelContents, SidePanel

if TYPE_CHECKING:
    from diffreader.engine.remote import RemoteComparison

__all__ = ["DiffScreen"]

PROGRESSIVE_SENTENCES = 3000
"""From this many sentences (both sides), the aligned diff is shown before its claims."""

REMOTE_MIN_CHARS = 1_000_000
"""From this many characters (both files' sizes, or both documents' texts), a pair is
compared in a separate process (``engine/remote.py``) where that can use more cores.
Measured (``benchmarks/bench_reader_compare.py``, 2 shared cores): starting the process
and moving the results cost about 0.5 s, so at 0.5 MB (both sides) the process was slower
by that much; from 1 MB the two ways were within the host's noise (faster on figure-dense
text, up to 0.4 s slower on news-like text, with the other cores busy), and a comparison
in a process stops at once when the screen closes (one in a thread runs to its end)."""

PREPARED_PANEL_ITEMS = 2000
"""From this many review items, the side panel's entries are made in the comparison's
worker (``PanelContents``) and not on the UI thread: forty thousand took about a second."""

Source = Document | Path
_GROUP_KINDS = frozenset({ItemKind.REWORDED, ItemKind.MOVED})
"""Items that are a whole group: the row is the item, no span is highlighted."""


def _size(source: Source) -> int | None:
    """Characters of a document, or bytes of a file (None when it cannot be read)."""
    if isinstance(source, Document):
        return len(source.text)
    try:
        return source.stat().st_size
    except OSError:
        return None


class DiffScreen(Screen[None]):
    """The aligned diff of two articles.

    Args:
        a: The original (a loaded document, or a path to load in the worker).
        b: The rewrite.
        exit_on_back: Quit the app on q (the screen was opened directly, as in
            ``diffreader A B``) instead of returning to the corpus.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # Back and help first: the footer cuts what does not fit (tui/keys.py).
        Binding(
            "q",
            "back",
            "Back",
            id="diff.back",
            tooltip="Close the diff (back to the corpus, or quit when opened directly)",
        ),
        HELP,
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
            show=False,
            id="diff.fold",
            tooltip="Fold (or unfold) runs of unchanged sentences",
        ),
        Binding(
            "s",
            "swap",
            "Swap",
            show=False,
            id="diff.swap",
            tooltip="Swap A and B and compare again",
        ),
        Binding(
            "u",
            "unified",
            "Unified",
            show=False,
            id="diff.unified",
            tooltip="Switch between side-by-side and unified (inline) view",
        ),
        Binding(
            "p",
            "panel",
            "Panel",
            id="diff.panel",
            tooltip="Show or hide the panel of items to review, with their marks and notes",
        ),
        Binding(
            "slash",
            "search",
            "Search",
            show=False,
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
            "x",
            "accept",
            "Accept",
            id="review.accept",
            tooltip="Mark the selected item accepted (✓): checked, fine as it is",
        ),
        Binding(
            "exclamation_mark",
            "flag",
            "Flag",
            id="review.flag",
            tooltip="Flag the selected item (!): wrong or needs follow-up",
        ),
        Binding(
            "backspace,delete",
            "clear_mark",
            "Clear mark",
            show=False,
            id="review.clear",
            tooltip="Remove the selected item's mark (a stale mark is dismissed with its note)",
        ),
        Binding(
            "e",
            "note",
            "Note",
            id="review.note",
            tooltip="Write a note on the selected item (✎); Enter saves, Escape cancels",
        ),
        Binding(
            "r,right_square_bracket",
            "next_unreviewed",
            "Next unreviewed",
            id="review.next_unreviewed",
            tooltip="Jump to the next item without a mark",
        ),
        Binding(
            "R,left_square_bracket",
            "prev_unreviewed",
            "Prev unreviewed",
            show=False,
            id="review.prev_unreviewed",
            tooltip="Jump to the previous item without a mark",
        ),
        Binding(
            "i",
            "cycle_item",
            "Next item in row",
            show=False,
            id="review.cycle_item",
            tooltip="Select the next reviewable item of the row (when it holds several)",
        ),
        Binding(
            "F",
            "flagged_only",
            "Flagged only",
            show=False,
            id="review.flagged_only",
            tooltip="Show only flagged items, in the diff and the panel (again: show all)",
        ),
        Binding(
            "E",
            "export",
            "Export",
            id="review.export",
            tooltip="Write a fact-check report with the marks and notes (Markdown, HTML, JSON)",
        ),
        Binding(
            "escape",
            "close_innermost",
            "Close panel",
            show=False,
            id="diff.close_innermost",
            tooltip="Close the innermost open thing (the panel, the search bar), never the diff",
        ),
    ]

    comparing: reactive[bool] = reactive(True, init=False)
    """True while the worker runs (the loading indicator shows).

    ``init=False``, as Textual's ``Collapsible`` does: reading it before the screen is
    composed (a test polling it, a key typed early) must not run the watcher, which
    needs the indicator; ``on_mount`` shows the initial state."""

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
        self.session: ReviewSession | None = None
        """The review of the pair shown (``None`` until the worker has loaded it)."""
        self.selected_key: str | None = None
        """Key of the review item (or stale entry) the review keys act on."""
        self.flagged_only = False
        """The flagged filter is on (``F``)."""
        self._row_items: dict[int, list[ReviewItem]] = {}
        self._order: list[ReviewItem] = []
        """Every item in the order r/R walk: by row, each row as ``_row_items`` has it."""
        self.last_report: Path | None = None
        """The last report written by the export key."""
        self.annotating = False
        """A long pair's aligned diff is shown; its claims and quotations are on the way."""
        self._saving = 0
        """Saves in flight (the review bar says "saving…")."""
        self._save_lock = threading.Lock()
        self._save_runs = 0
        """Saves run so far (counted under ``_save_lock``: the order they ran in)."""
        self.save_notices = SaveNotices()
        """What the user was told about saving this review (``failure``: not saved)."""
        self._edited = False
        """A mark or note was changed in this window (on a read-only data dir, a review
        only looked at loses nothing when its saves fail)."""
        self._painted = threading.Event()
        """Set once the partial diff of a long pair has been painted (see ``run_compare``)."""
        self._remotes: set[RemoteComparison] = set()
        """Comparison processes running for this screen (``_start_remote``)."""
        self._remote_lock = threading.Lock()
        self._closing = False
        """The screen is unmounted: a comparison still running is dropped."""
        self._panel_styles: dict[str, Style] | None = None
        """The component styles the panel was last filled with (the worker fills a long
        pair's panel ahead with them)."""
        self._prepared: PanelContents | None = None
        """The panel's entries as the worker made them, for the next ``_show_styles``."""

    def compose(self) -> ComposeResult:
        yield DiffHeader(id="diff-header")
        with Horizontal(id="diff-body"):
            with Vertical(id="diff-main"):
                yield LoadingIndicator(id="diff-loading")
                yield Static(id="diff-progress", markup=False)
                yield Static(id="diff-error", markup=False)
                yield AlignedView(id="diff-view")
                yield ReviewBar(id="review-bar")
            yield SidePanel(id="side-panel")
        yield SearchBar(placeholder="Search (Enter: next match, Escape: close)", id="search-bar")
        yield Legend(id="legend")
        yield Footer()

    def on_mount(self) -> None:
        self._show_comparing(self.comparing)
        self.query_one("#side-panel").display = False
        self.query_one(SearchBar).display = False
        self.query_one("#diff-error").display = False
        self.app.theme_changed_signal.subscribe(self, self._restyle)
        self.run_compare(*self._sources, comparison=self._given)

    @property
    def view(self) -> AlignedView:
        """The aligned view."""
        return self.query_one(AlignedView)

    @property
    def panel(self) -> SidePanel:
        """The side panel."""
        return self.query_one(SidePanel)

    # -- worker -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="compare")
    def run_compare(self, a: Source, b: Source, comparison: Comparison | None = None) -> None:
        """Load (if needed), compare and build the display model, off the UI thread.

        A ready ``comparison`` skips loading and comparing (tests, screenshots). A long
        pair is compared in a separate process where that uses more cores
        (``_start_remote``), else here."""
        from diffreader.engine import LoadError

        started = time.perf_counter()
        partial: DiffModel | None = None
        try:
            if comparison is None:
                self._stop_remote()  # a comparison still running for this screen (s)
                comparison, partial = self._compare(a, b, started)
                if comparison is None:
                    return  # cancelled: the screen closed or another comparison started
            self._stage("Laying out the rows…")
            # The partial model's rows serve again where no claim or quotation falls.
            model = DiffModel(comparison, base=partial)
            if self._cancelled():
                return
            self._stage("Opening the review…")
            review, review_messages = self._load_review(comparison, model)
            prepared = self._prepare_panel(model, review)
        except LoadError as error:
            self.post_message(ComparisonFailed(str(error)))
            return
        except Exception as error:  # a comparison bug must not kill the reader
            self.post_message(ComparisonFailed(f"Comparison failed: {error!r}"))
            raise
        if self._cancelled():
            return
        seconds = time.perf_counter() - started
        self.post_message(ComparisonReady(model, seconds, review, review_messages, panel=prepared))

    def _prepare_panel(self, model: DiffModel, review: ReviewSession) -> PanelContents | None:
        """The side panel's entries for a long pair, made here rather than on the UI thread
        (about a second for forty thousand), with the styles the partial diff was shown with
        (``None``: a short pair, or no styles known yet: the panel makes them itself)."""
        styles = self._panel_styles
        if styles is None or len(model.view.items) < PREPARED_PANEL_ITEMS:
            return None
        return PanelContents.of(model, styles, review, flagged_only=False)

    def _stage(self, text: str) -> None:
        self.post_message(ComparisonProgress(text))

    def _cancelled(self) -> bool:
        """The comparison running in this thread is no longer wanted (the screen closed,
        or another comparison replaced it)."""
        return self._closing or get_current_worker().is_cancelled

    def _compare(
        self, a: Source, b: Source, started: float
    ) -> tuple[Comparison | None, DiffModel | None]:
        """The comparison of ``a`` with ``b`` and the partial model shown meanwhile (a
        long pair), or ``(None, None)`` when it was cancelled."""
        from diffreader.engine import align_pair, annotate
        from diffreader.engine.remote import RemoteFailed

        if not isinstance(a, Document) or not isinstance(b, Document):
            self._stage("Loading the articles…")
        docs: tuple[Document, Document] | None = None
        aligned: Comparison | None = None
        partial: DiffModel | None = None
        remote = self._start_remote(a, b)
        if remote is not None:
            try:
                with remote:
                    # Loaded here while the child's interpreter starts (faster than the
                    # child loading them and sending them back).
                    docs = self._load(a, b)
                    remote.send(*docs)
                    aligned = remote.aligned(self._aligning)
                    if self._cancelled():
                        return None, None
                    partial = self._show_aligned(aligned, started, remote.start_annotating)
                    if self._cancelled():
                        return None, None
                    return remote.annotated(), partial
            except RemoteFailed as error:
                if remote.killed or self._cancelled():
                    return None, None
                # Compare here instead (whatever the child had sent is kept).
                reason = str(error)
                self._stage(f"{reason[:1].upper()}{reason[1:]}; comparing here instead…")
            finally:
                with self._remote_lock:
                    self._remotes.discard(remote)
        if aligned is None:
            doc_a, doc_b = docs if docs is not None else self._load(a, b)
            self._aligning(len(doc_a.sentences), len(doc_b.sentences))
            aligned = align_pair(doc_a, doc_b)
            if self._cancelled():
                return None, None
            partial = self._show_aligned(aligned, started)
        if self._cancelled():
            return None, None
        return annotate(aligned), partial

    @staticmethod
    def _load(a: Source, b: Source) -> tuple[Document, Document]:
        from diffreader.engine import load_document

        return (
            a if isinstance(a, Document) else load_document(a),
            b if isinstance(b, Document) else load_document(b),
        )

    def _aligning(self, a_sentences: int, b_sentences: int) -> None:
        self._stage(f"Aligning {plural(a_sentences, 'sentence')} with {b_sentences:,}…")

    def _show_aligned(
        self, aligned: Comparison, started: float, shown: Callable[[], None] | None = None
    ) -> DiffModel | None:
        """Show a long pair's aligned diff now (its model), claims and quotations when
        they are ready (they take about half of the comparison); None for a short pair.
        ``shown`` is called once the aligned diff is posted (the comparison process then
        annotates while this process paints)."""
        if len(aligned.a.sentences) + len(aligned.b.sentences) < PROGRESSIVE_SENTENCES:
            self._stage("Finding added claims and dropped details, checking quotations…")
            return None
        seconds = time.perf_counter() - started
        self._painted.clear()
        partial = DiffModel(aligned)
        if self._cancelled():
            return partial
        self.post_message(ComparisonReady(partial, seconds, None, [], partial=True))
        if shown is not None:
            shown()
        # Let the UI thread paint before annotating: both need the GIL, and sharing it
        # would delay the first frame by a second or more.
        self._painted.wait(timeout=3.0)
        return partial

    def _start_remote(self, a: Source, b: Source) -> RemoteComparison | None:
        """A child process comparing ``a`` with ``b``, or None where comparing here is as
        fast: a short pair (under ``REMOTE_MIN_CHARS``), a single core, not Linux."""
        from diffreader.engine import remote

        if not remote.available():
            return None
        sizes = [_size(source) for source in (a, b)]
        if None in sizes or sum(s or 0 for s in sizes) < REMOTE_MIN_CHARS:
            return None  # short, or a path that cannot be read: this thread says why
        try:
            started = remote.RemoteComparison()  # told what to compare once loaded
        except remote.RemoteFailed:
            return None
        with self._remote_lock:
            if self._closing:
                started.close()
                return None
            self._remotes.add(started)
        return started

    def _stop_remote(self) -> None:
        """Kill the comparison processes this screen started (any thread)."""
        with self._remote_lock:
            running = list(self._remotes)
            self._remotes.clear()
        for child in running:
            child.kill()

    def _load_review(
        self, comparison: Comparison, model: DiffModel
    ) -> tuple[ReviewSession, list[str]]:
        """Open the pair's review (worker thread); on failure, a review kept in memory."""
        from diffreader.review import ArticleRef, ReviewState, pair_key
        from diffreader.storage.review import ReviewStore

        store = ReviewStore(getattr(self.app, "data_dir", None))
        try:
            return store.load_for(comparison, items=model.view.items)
        except Exception as error:  # the reader must open even when the review cannot
            state = ReviewState(
                pair_key(comparison.a.text, comparison.b.text),
                ArticleRef.of(comparison.a),
                ArticleRef.of(comparison.b),
            )
            session = ReviewSession(store, state, list(model.view.items))
            return session, [
                f"The saved review could not be opened ({error}); marks are kept in memory "
                "and saving is retried on each change."
            ]

    def watch_comparing(self, comparing: bool) -> None:
        self._show_comparing(comparing)

    def _show_comparing(self, comparing: bool) -> None:
        with contextlib.suppress(NoMatches):  # not composed yet: on_mount calls this again
            self.query_one("#diff-loading").display = comparing
            progress = self.query_one("#diff-progress", Static)
            progress.display = comparing
            if not comparing:
                progress.update("")

    @on(ComparisonProgress)
    def _progress(self, message: ComparisonProgress) -> None:
        if self.comparing:
            self.query_one("#diff-progress", Static).update(message.stage)

    @on(ComparisonReady)
    def _ready(self, message: ComparisonReady) -> None:
        message.stop()
        if message.partial:
            self._show_partial(message)
            return
        swapping = self.model is not None
        self.model = message.model
        self.last_seconds = message.seconds
        comparison = message.model.comparison
        self._sources = (comparison.a, comparison.b)
        self.comparing = False
        self.annotating = False
        self.query_one(DiffHeader).show(comparison, counts=message.model.view.counts)
        view = self.view
        before, self.session = self.session, message.review
        if self._edited and before is not None and before is not self.session and before.unsaved:
            # A and B swapped (s): the other pair's review gets one more save of its own
            # (``_saved`` says so if that fails too: no save will come after it).
            self._saving += 1
            self._save_worker(before, before.snapshot())
        self._edited = False
        self.save_notices = SaveNotices()
        if self.session is not None:
            self.save_notices.opened(self.session.save_error, message.review_messages)
        self.selected_key = None
        self.flagged_only = False
        self._row_items = {}
        self._order = []
        if self.session is not None:
            # Within a row the claims and quotations come before the group itself: they are
            # what a reviewer checks first, and what the cursor should land on.
            for row, items in items_by_row(self.session.items).items():
                self._row_items[row] = sorted(items, key=lambda i: i.kind in _GROUP_KINDS)
            self._order = [item for row in sorted(self._row_items) for item in self._row_items[row]]
            self._order += [item for item in self.session.items if item.pair < 0]
        view.marks.clear()
        view.selection = None
        view.set_row_filter(None)
        if self.session is not None:
            for row, items in self._row_items.items():
                mark = row_mark(self.session, items)
                if mark is not None:
                    view.marks[row] = mark
        view.set_model(message.model, keep_position=swapping)
        self._prepared = message.panel
        self._show_styles()
        self._focus_view()
        self._sync_selection()
        self._review_loaded(message.review_messages)

    def _show_partial(self, message: ComparisonReady) -> None:
        """Paint the aligned diff of a long pair while its claims are still computed."""
        self.model = message.model
        self.last_seconds = message.seconds
        self.comparing = False
        self.annotating = True
        self.query_one(DiffHeader).show(message.model.comparison, pending=True)
        self.view.set_model(message.model, keep_position=False)
        self._show_styles()
        self._focus_view()
        self.call_after_refresh(self._painted.set)

    def _focus_view(self) -> None:
        """Give the diff the focus, unless the search bar or the panel has it.

        A long pair's claims arrive while its aligned half is read: a search being typed
        then lost the focus to the diff, and its next letters ran the diff's keys ("x"
        accepted an item, "q" left the comparison, or quit the reader)."""
        if self.focused not in (self.query_one(SearchBar), self.query_one(SidePanel)):
            self.view.focus()

    @on(ComparisonFailed)
    def _failed(self, message: ComparisonFailed) -> None:
        message.stop()
        self.comparing = False
        error = self.query_one("#diff-error", Static)
        error.update(display_echo(message.reason))
        error.display = True
        self.notify(message.reason, title="Cannot compare", severity="error")

    def _review_loaded(self, messages: list[str]) -> None:
        for text in messages:
            self.notify(text, title="Review", severity="warning", timeout=10)
        session = self.session
        if session is None:
            return
        stale = session.stale()
        if stale:
            self.notify(
                f"{plural(len(stale), 'mark or note is', 'marks or notes are')} on text that "
                "has changed; the panel (p) "
                "lists them under Stale marks.",
                title="Review",
                severity="warning",
                timeout=10,
            )
        progress = session.progress()
        if progress.reviewed or any(session.note(item.key) for item in session.items):
            self.notify(
                f"Review resumed: {progress}. r jumps to the next unreviewed item.",
                title="Review",
                timeout=5,
            )

    def _show_styles(self) -> None:
        styles = self.view.component_styles()
        self._panel_styles = styles
        self.query_one(Legend).show(styles, unified=self.view.effective_mode == "unified")
        prepared, self._prepared = self._prepared, None
        if self.model is not None:
            self.panel.show(
                self.model,
                styles,
                self.session,
                flagged_only=self.flagged_only,
                prepared=prepared,
            )
            self._sync_selection()

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
        if self.flagged_only:
            self.action_flagged_only()
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
            # The highlight may have moved while the panel was hidden (and had no size).
            self.call_after_refresh(panel.scroll_to_highlight)
        else:
            self.view.focus()

    def action_search(self) -> None:
        bar = self.query_one(SearchBar)
        bar.display = True
        # At once, not after the keys already read (``focus()`` waits for them): those
        # are the search's (``DiffReaderApp.on_key``); "/x!" typed fast accepted and
        # flagged items.
        self.set_focus(bar)

    def action_close_innermost(self) -> None:
        """Escape: close the side panel, else the search bar; never the screen.

        A user who opened the panel or the search expects Escape to undo just that
        (as in a dialog); losing the comparison to a stray Escape loses their place.
        """
        panel = self.panel
        if panel.display:
            self.action_panel()
            return
        bar = self.query_one(SearchBar)
        if bar.display:
            bar.action_close()

    def action_back(self) -> None:
        if self.exit_on_back:
            self.app.exit()
        else:
            self.dismiss()

    # -- review -------------------------------------------------------------------------

    def _acting_key(self) -> str | None:
        """The key the review keys act on (see the module docstring)."""
        panel = self.panel
        if panel.display and panel.has_focus:
            return panel.highlighted_key
        row = self.view.cursor_row
        items = self._row_items.get(row, []) if row is not None else []
        if any(item.key == self.selected_key for item in items):
            return self.selected_key
        return items[0].key if items else None

    def _sync_selection(self) -> None:
        """Recompute the selected item and show it (review bar, view highlight, panel)."""
        session = self.session
        if session is None or self.model is None:
            return
        key = self._acting_key()
        self.selected_key = key
        item = session.item(key) if key is not None else None
        panel = self.panel
        if key is not None and not panel.has_focus:
            panel.highlight_key(key)
        view = self.view
        if item is not None and item.pair >= 0 and item.kind not in _GROUP_KINDS:
            view.set_selection((item.pair, item.side, item.start, item.end))
        else:
            view.set_selection(None)
        self._show_bar()

    def _show_bar(self) -> None:
        session = self.session
        try:
            bar, view = self.query_one(ReviewBar), self.view
        except NoMatches:
            # The screen is being taken down (q): its widgets go before it does, and a
            # save finishing meanwhile has no bar left to show.
            return
        if session is None:
            bar.show(progress=None)
            return
        key = self.selected_key
        item = session.item(key) if key is not None else None
        stale = session.state.entries.get(key) if key is not None and item is None else None
        position = None
        if item is not None and item.pair >= 0:
            row_items = self._row_items.get(item.pair, [])
            position = (row_items.index(item) + 1, len(row_items))
        if session.items:
            hint = "Nothing to review in this row. r: next unreviewed item."
        else:
            hint = "Nothing to review in this comparison."
        bar.show(
            saving=self._saving > 0,
            unsaved=self.save_notices.failure,
            progress=session.progress(),
            item=item,
            stale=stale,
            mark=session.mark(key) if key is not None else None,
            note=session.note(key) if key is not None else "",
            position=position,
            flagged_only=self.flagged_only,
            hint=hint,
            style_for=view.component_styles(),
        )

    def _target(self) -> str | None:
        """The key to act on, or None after telling the user why there is none."""
        if self.session is None:
            self.notify("The review is still loading.", timeout=2)
            return None
        key = self._acting_key()
        if key is None:
            self.notify("Nothing to review here. r jumps to the next unreviewed item.", timeout=3)
        return key

    def _save_soon(self) -> None:
        """Save the session's change off the UI thread: another window may hold the
        review's lock, and waiting for it must not freeze the reader ("saving…" shows
        meanwhile). Each save writes a snapshot taken now, merged with the disk by time
        (so saves finishing out of order lose nothing), then folded back in."""
        session = self.session
        if session is None:
            return
        self._edited = True
        self._saving += 1
        self._show_bar()
        self._save_worker(session, session.snapshot())

    @work(thread=True, group="save")
    def _save_worker(self, session: ReviewSession, snapshot: ReviewState) -> None:
        with self._save_lock:  # one save at a time from this window
            messages = session.save(snapshot)
            self._save_runs += 1
            run, error = self._save_runs, session.save_error
        self.app.call_from_thread(self._saved, session, snapshot, (run, error, messages))

    def _saved(
        self,
        session: ReviewSession,
        snapshot: ReviewState,
        outcome: tuple[int, str | None, list[str]],
    ) -> None:
        session.absorb(snapshot)
        self._saving -= 1
        self.app.post_message(ReviewSaved())
        run, error, messages = outcome
        if self.session is session:
            self._tell(self.save_notices.saved(run, error, messages))
        elif error is not None:
            # The review of the pair before a swap (s): nothing will save it again.
            self._tell([self._lost(session, error)])
        if self.session is session and self.is_mounted:
            self._show_bar()

    def on_unmount(self) -> None:
        # Closing: a comparison still running is not wanted any more. Its process is
        # killed, which also frees its thread at once (the app waits for it on exit).
        self._closing = True
        self._stop_remote()
        self._painted.set()
        # Closing (q, or the app quitting): a save still in flight or one that failed is
        # done once more here, in the foreground, so no mark is lost at exit. Saves merge
        # by time, so one racing a background save is harmless.
        session = self.session
        if session is not None and (self._saving or session.unsaved):
            with self._save_lock:
                session.save()
            self.app.post_message(ReviewSaved())
            if self._edited and session.save_error is not None:
                self._tell([self._lost(session, session.save_error)])

    def _lost(self, session: ReviewSession, error: str) -> Notice:
        """The notice for marks that no save will reach the disk with (the screen closed,
        or A and B were swapped), kept by the app to say again on the terminal at exit."""
        a, b = (
            Path(ref.path).name if ref.path else "" for ref in (session.state.a, session.state.b)
        )
        text = (
            f"The marks and notes on {a or 'A'} vs {b or 'B'} could not be saved ({error}) "
            "and are lost."
        )
        keep_lost(self.app, text)
        return Notice(text, "Review not saved", "error")

    def _tell(self, notices: list[Notice]) -> None:
        for notice in notices:
            timeout = 10 if notice.severity == "error" else None
            self.app.notify(
                notice.text, title=notice.title, severity=notice.severity, timeout=timeout
            )

    def _changed(self, key: str) -> None:
        """Redraw everything that shows ``key``'s mark or note."""
        session = self.session
        assert session is not None
        item = session.item(key)
        if item is not None and item.pair >= 0:
            self.view.set_mark(
                item.pair, *(row_mark(session, self._row_items[item.pair]) or (None,))
            )
        self.panel.update_item(key)
        if self.flagged_only:
            self._apply_flagged_filter()
        self._sync_selection()

    def _apply_flagged_filter(self) -> None:
        """Keep the rows (and panel entries) of flagged items only, as marks stand now."""
        session = self.session
        assert session is not None
        flagged = session.flagged()
        self.view.set_row_filter(
            frozenset(item.pair for item in flagged if item.pair >= 0), "flagged items"
        )
        self._show_styles()

    def _set_mark(self, mark: Mark | None) -> None:
        key = self._target()
        if key is None or self.session is None:
            return
        self.session.set_mark(key, mark, save=False)
        self._save_soon()
        self._changed(key)

    def action_accept(self) -> None:
        self._set_mark(Mark.ACCEPTED)

    def action_flag(self) -> None:
        self._set_mark(Mark.FLAGGED)

    def action_clear_mark(self) -> None:
        key = self._target()
        session = self.session
        if key is None or session is None:
            return
        if session.item(key) is None:
            # A stale entry: clearing dismisses it, note and all (there is no item left).
            session.clear(key, save=False)
            self._save_soon()
            self.notify("Stale mark dismissed.", timeout=2)
            self._show_styles()
            return
        if session.mark(key) is None:
            # Saved all the same: another window on this pair may have marked it since,
            # and the user's latest action must win on disk.
            session.set_mark(key, None, save=False)
            self._save_soon()
            self.notify("No mark to clear (e edits the note).", timeout=2)
            return
        session.set_mark(key, None, save=False)
        self._save_soon()
        self._changed(key)

    def action_note(self) -> None:
        from diffreader.tui.screens.review_dialogs import NoteEditor

        key = self._target()
        session = self.session
        if key is None or session is None:
            return
        item = session.item(key)
        entry = session.state.entries.get(key)
        label = item.label if item else (entry.label if entry else "item")
        text = item.text if item else (entry.text if entry else "")

        def save(note: str | None) -> None:
            if note is None or self.session is not session:
                return
            session.set_note(key, note, save=False)
            self._save_soon()
            self._changed(key)

        self.app.push_screen(NoteEditor(label, one_line(text, 300), session.note(key)), save)

    def _step_unreviewed(self, forward: bool) -> None:
        session = self.session
        if session is None:
            return
        items = self._order
        if not items:
            self.notify("Nothing to review in this comparison.", timeout=2)
            return
        n = len(items)
        key = self._acting_key()
        positions = {item.key: i for i, item in enumerate(items)}
        if key in positions:
            start = positions[key]
        else:
            row = self.view.cursor_row or 0
            first = next((i for i, item in enumerate(items) if item.pair >= row), n)
            start = first - 1 if forward else first
        step = 1 if forward else -1
        for offset in range(1, n + 1):
            item = items[(start + step * offset) % n]
            if session.mark(item.key) is None:
                self._select(item)
                return
        progress = session.progress()
        self.notify(f"Every item is reviewed ({progress}).", timeout=3)

    def _select(self, item: ReviewItem) -> None:
        """Make ``item`` the selected one and bring it into view."""
        self.selected_key = item.key
        panel = self.panel
        if item.pair < 0 and not panel.display:
            panel.display = True  # an item the engine could not place lives in the panel only
        if panel.display and (panel.has_focus or item.pair < 0):
            panel.highlight_key(item.key)
            if item.pair < 0:
                panel.focus()
        if item.pair >= 0:
            self.view.jump_to_row(item.pair)
        self._sync_selection()

    def action_next_unreviewed(self) -> None:
        self._step_unreviewed(True)

    def action_prev_unreviewed(self) -> None:
        self._step_unreviewed(False)

    def action_cycle_item(self) -> None:
        session = self.session
        key = self._acting_key()
        item = session.item(key) if session is not None and key is not None else None
        if item is None or item.pair < 0:
            self.notify("No other item to select in this row.", timeout=2)
            return
        row_items = self._row_items[item.pair]
        if len(row_items) < 2:
            self.notify("This row holds one item to review.", timeout=2)
            return
        self._select(row_items[(row_items.index(item) + 1) % len(row_items)])

    def action_flagged_only(self) -> None:
        session = self.session
        if session is None or self.model is None:
            return
        self.flagged_only = not self.flagged_only
        if self.flagged_only:
            self.panel.display = True
            self._apply_flagged_filter()
            if not session.flagged():
                self.notify("No flagged items yet.", timeout=3)
        else:
            self.view.set_row_filter(None)
            self._show_styles()

    def action_export(self) -> None:
        from diffreader.render import REPORT_FORMATS as FORMATS
        from diffreader.tui.screens.review_dialogs import ExportDialog

        session, model = self.session, self.model
        if session is None or model is None:
            self.notify("Nothing to export yet.", timeout=2)
            return
        try:
            folder = Path.cwd()
        except OSError:  # the working directory was deleted since the reader started
            folder = Path.home()
        paths = {fmt: default_report_path(model.comparison, fmt, folder) for fmt in FORMATS}

        def export(choice: tuple[str, Path] | None) -> None:
            if choice is None or self.session is not session:
                return
            fmt, path = choice
            self.write_report(model.comparison, session.entries(), fmt, path)

        articles = [Path(doc.path) for doc in (model.comparison.a, model.comparison.b) if doc.path]
        self.app.push_screen(ExportDialog(paths, articles=articles), export)

    @work(thread=True, group="export")
    def write_report(
        self, comparison: Comparison, entries: dict[str, ReviewEntry], fmt: str, path: Path
    ) -> None:
        """Render and write a report off the UI thread, then say where it went."""
        from diffreader.render import render_report

        try:
            text = render_report(comparison, entries, fmt)
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            reason = error.strerror or error.__class__.__name__
            self.app.call_from_thread(
                self.notify,
                f"Could not write {path}: {reason}",
                title="Export failed",
                severity="error",
            )
            return
        self.last_report = path
        self.app.call_from_thread(self.notify, f"Wrote {path}", title="Report exported")

    # -- handlers -----------------------------------------------------------------------

    @on(SidePanel.Chosen)
    def _jump(self, message: SidePanel.Chosen) -> None:
        self.view.jump_to_row(message.row)

    @on(SidePanel.ItemHighlighted)
    def _panel_highlighted(self, message: SidePanel.ItemHighlighted) -> None:
        if not message.panel.has_focus:
            return
        if message.row is not None and message.row != self.view.cursor_row:
            self.view.jump_to_row(message.row)
        self._sync_selection()

    @on(AlignedView.LayoutChanged)
    def _layout_changed(self, message: AlignedView.LayoutChanged) -> None:
        self.query_one(Legend).show(self.view.component_styles(), unified=message.mode == "unified")

    @on(AlignedView.CursorMoved)
    def _cursor_moved(self, _message: AlignedView.CursorMoved) -> None:
        self._sync_selection()

    def on_descendant_focus(self, _event: object) -> None:
        self._sync_selection()

    @on(SearchBar.Changed)
    def _search_changed(self, event: SearchBar.Changed) -> None:
        # Searched as the rows show text: a pasted zero-width space is "<U+200B>" there
        # (in a change), a pasted escape "␛"; as typed, neither could ever match.
        self.view.search_query = display_echo(event.value)
        found = self._search_next(from_current=True)
        # Said on the bar while typing, not in a toast a key (they stacked up).
        event.input.set_class(not found, "-no-match")
        event.input.border_title = "no match" if not found else None

    @on(SearchBar.Submitted)
    def _search_submitted(self, event: SearchBar.Submitted) -> None:
        if not self._search_next(from_current=False) and self.view.search_query:
            self.notify(f"Not found: {self.view.search_query}", timeout=2)

    @on(SearchBar.Closed)
    def _search_closed(self, message: SearchBar.Closed) -> None:
        message.bar.display = False
        self.view.focus()

    def _search_next(self, *, from_current: bool) -> bool:
        """Jump to the next row holding the search text; whether one does (an empty
        search, or no comparison yet, finds nothing and is no miss: True)."""
        view = self.view
        needle = view.search_query.lower()
        if not needle or self.model is None:
            return True
        rows = self.model.rows
        start = view.cursor_row if view.cursor_row is not None else 0
        if not from_current:
            start += 1
        n = len(rows)
        for step in range(n):
            row = rows[(start + step) % n]
            if needle in row.a.text.lower() or needle in row.b.text.lower():
                view.jump_to_row(row.index)
                return True
        return False
