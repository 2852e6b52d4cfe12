"""Provides ``VersionsScreen``: one original and many rewrites, the multi-version view.

Two tables, both computed by ``versions.collate`` from the pair engine:

- **claims**, in bands: added by all, by k of N, only in one version, then dropped by
  all, by k, by one, then quotations altered the same way; one column per version
  (▲ added, ▼ dropped, ❝ quotation) and the group's review mark;
- **sentences**: the original's sentences as rows (plus the ones versions add), one
  column per version: kept, reworded, moved, dropped, added.

Left and right (or ``v`` / ``V``) move between versions; Enter on a cell opens the
pairwise diff of that version at that row (on a claim's text or mark, the first version
holding it). A mark set on a grouped claim is set on its review item in every pair's
review, so it shows in each pairwise diff and report.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, LoadingIndicator, Static

from diffreader.engine.model import ClaimKind, Document, QuoteStatus, Status
from diffreader.render.labels import MARK_GLYPH
from diffreader.render.versions import claim_bands, claim_children, version_label
from diffreader.review.marks import Mark
from diffreader.storage.review import ReviewSession
from diffreader.tui.review import Notice, SaveNotices, keep_lost, one_line
from diffreader.tui.textutil import display_echo, display_text
from diffreader.versions import MIXED, Collation, collate, group_mark

__all__ = ["VersionsReady", "VersionsScreen"]

Source = Path | Document

_CELL_WORD = {
    Status.SAME: "kept",
    Status.REWORDED: "reworded",
    Status.MOVED: "moved",
    Status.ADDED: "added",
    Status.DROPPED: "dropped",
    Status.BOILERPLATE: "furniture",
}
_CELL_STYLE = {
    Status.SAME: "dim",
    Status.REWORDED: "yellow",
    Status.MOVED: "blue",
    Status.ADDED: "bold green",
    Status.DROPPED: "bold red",
    Status.BOILERPLATE: "dim",
}
_QUOTE_PHRASE = {
    QuoteStatus.ALTERED: "quotation altered the same way",
    QuoteStatus.NEW: "new quotation",
    QuoteStatus.DROPPED: "dropped quotation",
    QuoteStatus.VERBATIM: "quotation attributed to someone else",
}


def _literal(text: str, style: str = "", *, echo: bool = False) -> Text:
    """Article text as a Rich ``Text``: never parsed as markup, controls made visible.

    ``echo``: text said on its own (a claim, a quotation, the original's title), where
    characters that draw nothing are shown (``display_echo``), as the diff shows a claim;
    elsewhere (a sentence) they are left out, as in unchanged text."""
    shown = display_echo(text) if echo else display_text(text)[0]
    return Text(" ".join(shown.split()), style=style, no_wrap=True)


class VersionsReady(Message):
    """The collation and each pair's review are ready (posted by the worker)."""

    def __init__(
        self,
        collation: Collation | None,
        sessions: list[ReviewSession],
        messages: list[str],
        seconds: float,
        error: str = "",
    ) -> None:
        super().__init__()
        self.collation = collation
        self.sessions = sessions
        self.messages = messages
        self.seconds = seconds
        self.error = error


class VersionsScreen(Screen[None]):
    """The multi-version view: bands of grouped claims and the sentence matrix."""

    # The screen's few rules live with it (as a standalone widget's do) so the shared
    # stylesheet, which other screens are changing, needs no edit.
    DEFAULT_CSS = """
    VersionsScreen { layout: vertical; }
    VersionsScreen #versions-header { height: auto; max-height: 12; padding: 0 1; }
    VersionsScreen .versions-title { height: 1; padding: 0 1; text-style: bold; }
    VersionsScreen #versions-claims { height: 1fr; }
    VersionsScreen #versions-matrix { height: 1fr; }
    VersionsScreen #versions-error { color: $error; padding: 1 2; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "open_pair",
            "Open diff",
            id="versions.open",
            tooltip="Open the pairwise diff of the version under the cursor, at that row",
        ),
        Binding(
            "v",
            "version(1)",
            "Next version",
            id="versions.next_version",
            tooltip="Move the cursor to the next version's column",
        ),
        Binding(
            "V",
            "version(-1)",
            "Prev version",
            show=False,
            id="versions.prev_version",
            tooltip="Move the cursor to the previous version's column",
        ),
        Binding(
            "tab",
            "switch_table",
            "Claims/sentences",
            id="versions.switch",
            tooltip="Switch between the claims and the sentence matrix",
        ),
        Binding(
            "x",
            "accept",
            "Accept",
            id="review.accept",
            tooltip="Accept the claim under the cursor (✓) in every version holding it",
        ),
        Binding(
            "exclamation_mark",
            "flag",
            "Flag",
            id="review.flag",
            tooltip="Flag the claim under the cursor (!) in every version holding it",
        ),
        Binding(
            "backspace,delete",
            "clear_mark",
            "Clear mark",
            show=False,
            id="review.clear",
            tooltip="Remove the mark of the claim under the cursor in every version",
        ),
        Binding(
            "q",
            "back",
            "Back",
            id="versions.back",
            tooltip="Close the view (back to the corpus, or quit when opened directly)",
        ),
    ]
    HELP_SECTION = "Versions"

    def __init__(
        self,
        original: Source,
        versions: Sequence[Source],
        *,
        exit_on_back: bool = False,
        collation: Collation | None = None,
    ) -> None:
        super().__init__()
        self._sources = (original, tuple(versions))
        self._given = collation
        self.exit_on_back = exit_on_back
        self.collation: Collation | None = None
        """The multi-version view (``None`` until the worker is done)."""
        self.sessions: list[ReviewSession] = []
        """Each pair's review, in version order."""
        self.collating = True
        """True while the worker compares and groups (the loading indicator shows).

        Not ``loading``: that is Textual's own reactive on every widget (an overlay)."""
        self.last_seconds = 0.0
        """Wall time of the last collation (loading, comparing, grouping, reviews)."""
        self._claim_rows: list[tuple[str, int]] = []
        """Per row of the claims table: ("band", -1), ("claim", group) or ("quote", group)."""
        self._saving = 0
        self._save_lock = threading.Lock()
        self._save_runs = 0
        """Saves run so far (counted under ``_save_lock``: the order they ran in)."""
        self.save_notices = SaveNotices()
        """What the user was told about saving the reviews (``failure``: not saved)."""
        self._edited = False
        """A mark was changed in this window (see ``on_unmount``)."""
        self._jump_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield LoadingIndicator(id="versions-loading")
        yield Static(id="versions-error", markup=False)
        yield Static(id="versions-header", markup=False)
        yield Static("Claims", id="versions-claims-title", classes="versions-title", markup=False)
        yield DataTable(id="versions-claims", cursor_type="cell", zebra_stripes=False)
        yield Static("Sentences", classes="versions-title", markup=False)
        yield DataTable(id="versions-matrix", cursor_type="cell", zebra_stripes=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#versions-error").display = False
        self.run_collate(*self._sources, collation=self._given)

    @property
    def claims_table(self) -> DataTable[Text]:
        return self.query_one("#versions-claims", DataTable)

    @property
    def matrix(self) -> DataTable[Text]:
        return self.query_one("#versions-matrix", DataTable)

    # -- worker -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="collate")
    def run_collate(
        self, original: Source, versions: tuple[Source, ...], collation: Collation | None = None
    ) -> None:
        """Load, compare each version with the original, group, open each pair's review."""
        from diffreader.engine import LoadError, load_document
        from diffreader.storage.review import ReviewStore

        started = time.perf_counter()
        try:
            if collation is None:
                doc = original if isinstance(original, Document) else load_document(original)
                docs = [v if isinstance(v, Document) else load_document(v) for v in versions]
                collation = collate(doc, docs)
            store = ReviewStore(getattr(self.app, "data_dir", None))
            sessions: list[ReviewSession] = []
            messages: list[str] = []
            for comparison, items in zip(collation.comparisons, collation.items, strict=True):
                # Nothing is written until a mark is set (record=False).
                session, notes = store.load_for(comparison, record=False, items=items)
                sessions.append(session)
                messages += notes
        except LoadError as error:
            self.post_message(VersionsReady(None, [], [], 0.0, str(error)))
            return
        except Exception as error:  # a bug must not kill the reader
            self.post_message(VersionsReady(None, [], [], 0.0, f"Comparison failed: {error!r}"))
            raise
        seconds = time.perf_counter() - started
        self.post_message(VersionsReady(collation, sessions, messages, seconds))

    @on(VersionsReady)
    def _ready(self, message: VersionsReady) -> None:
        message.stop()
        self.collating = False
        with contextlib.suppress(NoMatches):
            self.query_one("#versions-loading").display = False
        if message.collation is None:
            error = self.query_one("#versions-error", Static)
            error.update(display_echo(message.error))
            error.display = True
            self.notify(message.error, title="Cannot compare", severity="error")
            return
        self.collation = message.collation
        self.sessions = message.sessions
        self.last_seconds = message.seconds
        for text in message.messages:
            self.notify(text, title="Review", severity="warning", timeout=10)
        self.save_notices.opened(self._save_error(), message.messages)
        self._show_save_state()
        self._fill()
        self.claims_table.focus()

    # -- tables -------------------------------------------------------------------------

    def _fill(self) -> None:
        collation = self.collation
        assert collation is not None
        n = len(collation.comparisons)
        self._show_header()
        claims = self.claims_table
        claims.clear(columns=True)
        claims.add_column("Mark", key="mark", width=4)
        for v in range(n):
            claims.add_column(version_label(v), key=f"v{v}", width=3)
        claims.add_column("Claim", key="text")
        self._claim_rows = []
        children = claim_children(collation)
        blank = [Text("")] * n
        for number, (title, indexes) in enumerate(claim_bands(collation)):
            claims.add_row(Text(""), *blank, Text(title, style="bold"), key=f"band{number}")
            self._claim_rows.append(("band", -1))
            for index in indexes:
                self._add_claim_row(index, 0)
                for child in children.get(index, []):
                    self._add_claim_row(child, 1)
        quotes = [
            i
            for i, q in enumerate(collation.quotes)
            if q.status is not QuoteStatus.VERBATIM or q.items
        ]
        if quotes:
            claims.add_row(Text(""), *blank, Text("Quotations", style="bold"), key="band-quotes")
            self._claim_rows.append(("band", -1))
            for index in quotes:
                quote = collation.quotes[index]
                cells = [
                    Text("❝" if v in quote.versions else "", style="magenta") for v in range(n)
                ]
                k = len(quote.versions)
                where = f"all {n}" if k == n else f"{k} of {n}"
                text = Text(f"{_QUOTE_PHRASE[quote.status]} ({where}): ", style="bold")
                text.append_text(_literal(quote.text, echo=True))
                claims.add_row(self._mark_cell(quote.items), *cells, text, key=f"quote{index}")
                self._claim_rows.append(("quote", index))

        matrix = self.matrix
        matrix.clear(columns=True)
        matrix.add_column("A", key="a", width=4)
        for v in range(n):
            matrix.add_column(version_label(v), key=f"v{v}", width=9)
        matrix.add_column("Sentence", key="text")
        for number, row in enumerate(collation.sentences):
            label = Text(str(row.a) if row.a >= 0 else "+", style="dim")
            cells = [
                Text("")
                if cell is None
                else Text(_CELL_WORD[cell.status], style=_CELL_STYLE[cell.status])
                for cell in row.cells
            ]
            matrix.add_row(label, *cells, _literal(row.text), key=f"row{number}")

    def _add_claim_row(self, index: int, depth: int) -> None:
        collation = self.collation
        assert collation is not None
        group = collation.claims[index]
        glyph, style = ("▲", "bold green") if group.kind is ClaimKind.ADDED else ("▼", "bold red")
        cells = [
            Text(glyph if v in group.versions else "", style=style)
            for v in range(len(collation.comparisons))
        ]
        text = Text("  · " if depth else "", style="dim")
        text.append(f"{group.category.value}: ", style="bold")
        text.append_text(_literal(group.text, echo=True))
        self.claims_table.add_row(self._mark_cell(group.items), *cells, text, key=f"claim{index}")
        self._claim_rows.append(("claim", index))

    def _mark_cell(self, keys: Sequence[tuple[int, str]]) -> Text:
        if not keys:
            return Text("")
        mark = group_mark(keys, [s.entries() for s in self.sessions])
        if mark == MIXED:
            return Text("~", style="yellow")
        glyph = MARK_GLYPH[mark if isinstance(mark, Mark) else None]
        return Text(glyph, style="bold red" if mark is Mark.FLAGGED else "")

    def _show_header(self) -> None:
        collation = self.collation
        assert collation is not None
        current = self.current_version()
        text = Text("Original  ", style="bold")
        text.append_text(_literal(collation.original.name, echo=True))
        if collation.original.date:
            text.append(f" · {collation.original.date}", style="dim")
        for v, comparison in enumerate(collation.comparisons):
            style = "reverse" if v == current else ""
            text.append("\n")
            text.append(f"{version_label(v)}  ", style=f"bold {style}".strip())
            # The gap belongs to the name's span: a span of spaces alone is not drawn.
            name = " ".join(display_echo(comparison.b.name).split())
            text.append(name, style=style)
            text.append("   ·  ", style="dim")
            stats = comparison.stats
            text.append(
                f"{round(stats.a_kept * 100)}% kept, {round(stats.b_new * 100)}% new",
                style="dim",
            )
        self.query_one("#versions-header", Static).update(text)

    def current_version(self) -> int | None:
        """The version of the cursor's column in the focused table, if it is one."""
        if self.collation is None:
            return None
        table = self.matrix if self._in_matrix() else self.claims_table
        column = table.cursor_coordinate.column - 1
        return column if 0 <= column < len(self.collation.comparisons) else None

    @on(DataTable.CellHighlighted)
    def _highlighted(self, _event: DataTable.CellHighlighted) -> None:
        if self.collation is not None:
            self._show_header()

    # -- actions ------------------------------------------------------------------------

    def action_version(self, step: int) -> None:
        """Move the cursor to the next (previous) version's column, wrapping around."""
        if self.collation is None:
            return
        n = len(self.collation.comparisons)
        table = self.matrix if self._in_matrix() else self.claims_table
        current = self.current_version()
        target = (0 if step > 0 else n - 1) if current is None else (current + step) % n
        table.cursor_coordinate = table.cursor_coordinate._replace(column=target + 1)
        self._show_header()

    def action_switch_table(self) -> None:
        """Tab: the other table, on the version chosen in this one.

        Each table has its cursor: Tab to the matrix left the header highlighting the
        version chosen in the claims while the matrix's cursor stood on no version, and
        Enter opened the first version holding the sentence, not the one highlighted."""
        version = self.current_version()
        target = self.claims_table if self._in_matrix() else self.matrix
        if version is not None:
            target.cursor_coordinate = target.cursor_coordinate._replace(column=version + 1)
        self.set_focus(target)  # at once: the header is drawn for the focused table
        if self.collation is not None:
            self._show_header()

    def _in_matrix(self) -> bool:
        """Whether the sentence matrix is the table in use (``has_focus`` follows the
        focus a moment later)."""
        return self.focused is self.matrix

    def action_back(self) -> None:
        if self.exit_on_back:
            self.app.exit()
        else:
            self.dismiss()

    @on(DataTable.CellSelected)
    def _selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        self.action_open_pair()

    def action_open_pair(self) -> None:
        """Open the pairwise diff of the version under the cursor, at the cursor's row."""
        target = self.pair_under_cursor()
        if target is None:
            self.notify("No version here: move to a version's column (v).", timeout=3)
            return
        self.open_pair(*target)

    def pair_under_cursor(self) -> tuple[int, int] | None:
        """(version, row of its pairwise diff) for the cell under the cursor, if any."""
        collation = self.collation
        if collation is None:
            return None
        current = self.current_version()
        if self._in_matrix():
            row = collation.sentences[self.matrix.cursor_coordinate.row]
            versions = [current] if current is not None else list(row.versions)
            for column in versions:
                cell = row.cells[column]
                if cell is not None:
                    return column, cell.pair
            return None
        line = self.claims_table.cursor_coordinate.row
        if not 0 <= line < len(self._claim_rows):
            return None
        what, index = self._claim_rows[line]
        if what == "band":
            return None
        if what == "claim":
            group = collation.claims[index]
            members = [(m.version, m.claim) for m in group.members]
            held = group.versions
        else:
            quote = collation.quotes[index]
            members = [(m.version, -1 - m.quote) for m in quote.members]
            held = quote.versions
        chosen = current if current in held else (held[0] if current is None else None)
        if chosen is None:
            return None
        v = chosen
        number = next(n for version, n in members if version == v)
        comparison = collation.comparisons[v]
        pair = (
            comparison.claims[number].pair if number >= 0 else comparison.quotes[-1 - number].pair
        )
        return v, max(pair, 0)

    def open_pair(self, version: int, row: int = 0) -> None:
        """Push the pairwise diff of ``version`` (its comparison is ready) at ``row``."""
        from diffreader.tui.screens.diff import DiffScreen

        collation = self.collation
        assert collation is not None
        self._flush_saves()
        comparison = collation.comparisons[version]
        screen = DiffScreen(comparison.a, comparison.b, comparison=comparison)
        self.app.push_screen(screen)
        if self._jump_timer is not None:
            self._jump_timer.stop()
        started = time.monotonic()

        def jump() -> None:
            if screen.is_mounted and screen.model is not None and not screen.comparing:
                screen.view.jump_to_row(row)
            elif time.monotonic() - started < 10 and screen.is_attached:
                return
            if self._jump_timer is not None:
                self._jump_timer.stop()
                self._jump_timer = None

        self._jump_timer = self.set_interval(0.05, jump)

    def on_screen_resume(self) -> None:
        """Back from a pairwise diff: its marks are on disk; show them here too."""
        if self.collation is None or not self.sessions:
            return
        self._flush_saves()
        for session in self.sessions:
            for text in session.reload():
                self.notify(text, title="Review", severity="warning", timeout=10)
        self._refresh_marks()

    # -- review -------------------------------------------------------------------------

    def _target_keys(self) -> tuple[tuple[int, str], ...] | None:
        collation = self.collation
        if collation is None or not self.sessions:
            self.notify("The review is still loading.", timeout=2)
            return None
        line = self.claims_table.cursor_coordinate.row
        if self.focused is self.claims_table and 0 <= line < len(self._claim_rows):
            what, index = self._claim_rows[line]
            if what == "claim":
                keys = collation.claims[index].items
            elif what == "quote":
                keys = collation.quotes[index].items
            else:
                keys = ()
            if keys:
                return keys
        self.notify("Marks apply to a claim or quotation: move to one in the claims.", timeout=3)
        return None

    def set_group_mark(self, keys: Sequence[tuple[int, str]], mark: Mark | None) -> None:
        """Set ``mark`` on each ``(version, item key)`` in its pair's review, and save."""
        touched: set[int] = set()
        self._edited = True
        for version, key in keys:
            self.sessions[version].set_mark(key, mark, save=False)
            touched.add(version)
        for version in sorted(touched):
            session = self.sessions[version]
            self._saving += 1
            self._save_worker(session)
        self._refresh_marks()

    @work(thread=True, group="save")
    def _save_worker(self, session: ReviewSession) -> None:
        with self._save_lock:
            outcome = self._save(session)
        self.app.call_from_thread(self._saved, outcome)

    def _save(self, session: ReviewSession) -> tuple[int, str | None, list[str]]:
        """Save one pair's review (``_save_lock`` held): its place in the order the saves
        ran, why the reviews cannot be saved now (any of them), and its messages."""
        messages = session.save()
        self._save_runs += 1
        return self._save_runs, self._save_error(), messages

    def _save_error(self) -> str | None:
        """Why a pair's review is only in memory (the first such), ``None`` when none is."""
        return next((s.save_error for s in self.sessions if s.save_error is not None), None)

    def _saved(self, outcome: tuple[int, str | None, list[str]]) -> None:
        self._saving -= 1
        self._tell(self.save_notices.saved(*outcome))

    def _tell(self, notices: list[Notice]) -> None:
        for notice in notices:
            timeout = 10 if notice.severity == "error" else None
            self.notify(notice.text, title=notice.title, severity=notice.severity, timeout=timeout)
        if self.is_mounted:
            self._show_save_state()

    def _show_save_state(self) -> None:
        """The claims' title says "not saved: <reason>" while marks are only in memory."""
        text = Text("Claims", end="")
        failure = self.save_notices.failure
        if failure is not None:
            text.append("   ")
            text.append(f" not saved: {one_line(failure, 40)} ", style="bold reverse red")
        with contextlib.suppress(NoMatches):
            self.query_one("#versions-claims-title", Static).update(text)

    def _flush_saves(self) -> None:
        """Save every review now (before a pairwise diff reads one from disk)."""
        with self._save_lock:
            outcomes = [self._save(session) for session in self.sessions if session.unsaved]
        for outcome in outcomes:
            self._tell(self.save_notices.saved(*outcome))

    def on_unmount(self) -> None:
        with self._save_lock:
            for session in self.sessions:
                if session.unsaved:
                    session.save()
        # Only marks changed here can be lost (a read-only data dir fails every save, even
        # the one that opened a review only looked at).
        lost = [session for session in self.sessions if session.save_error is not None]
        if lost and self._edited:
            error = lost[0].save_error
            text = (
                f"The marks on {len(lost)} of the versions could not be saved ({error}) "
                "and are lost."
            )
            keep_lost(self.app, text)
            self.app.notify(text, title="Review not saved", severity="error", timeout=10)

    def _refresh_marks(self) -> None:
        collation = self.collation
        if collation is None:
            return
        table = self.claims_table
        for line, (what, index) in enumerate(self._claim_rows):
            if what == "claim":
                keys = collation.claims[index].items
            elif what == "quote":
                keys = collation.quotes[index].items
            else:
                continue
            table.update_cell_at(
                table.cursor_coordinate._replace(row=line, column=0), self._mark_cell(keys)
            )

    def _mark(self, mark: Mark | None) -> None:
        keys = self._target_keys()
        if keys is not None:
            self.set_group_mark(keys, mark)

    def action_accept(self) -> None:
        self._mark(Mark.ACCEPTED)

    def action_flag(self) -> None:
        self._mark(Mark.FLAGGED)

    def action_clear_mark(self) -> None:
        self._mark(None)
