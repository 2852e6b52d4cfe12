"""Provides ``CorpusScreen``: the article list, preview, filter, sort and A/B picking.

Loading runs in a thread worker that posts batches, so a large folder fills the list
progressively under a progress bar. Similarity to the marked article (``similarity.py``,
TF-IDF over word pairs) is computed in a second worker whenever A changes.

Review progress: once A is marked, the Review column shows, for each article whose pair
with A has been opened, "reviewed/total" and "!flagged" ("3/12 !1"); a pair only
reviewed the other way round (the article as A) shows behind "⇆". The figures come
from the review index (one small file), read in a worker when the folder has loaded and
again whenever the screen comes back from a diff; articles are matched by content hash,
so a renamed file keeps its figures.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.css.query import NoMatches
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, ProgressBar, Static

from diffreader.tui.corpus import Article, load_article, scan
from diffreader.tui.messages import CompareRequested
from diffreader.tui.similarity import Similarity
from diffreader.tui.textutil import LiteralHighlighter, display_path, display_text

if TYPE_CHECKING:
    from diffreader.review import ReviewSummary

__all__ = ["CorpusScreen"]

SORTS: tuple[str, ...] = ("file", "date", "title", "similarity")
_BAR = " ▏▎▍▌▋▊▉█"


def _same_cell(new: Text | str, old: Text | str) -> bool:
    """Whether a table cell would look the same (``Text ==`` ignores the base style)."""
    if isinstance(new, Text) and isinstance(old, Text):
        return new.plain == old.plain and new.style == old.style and new.spans == old.spans
    return new == old


PREVIEW_CHARS = 12_000
"""How much of an article the preview shows (a pane holds a few hundred words)."""

_TITLE_KEEPS = 30
"""Below this many cells for the title, similarity is shown without its bar."""
_OPTIONAL_COLUMNS = (
    (("date", "Date", 10), 30),
    (("words", "Words", 5), 48),
    (("file", "File", 16), 48),
)
"""The columns that give way to the title, most important first, each with the title
width it must leave."""
_SIMILARITY_WIDTH = 11
"""A bar and a percentage ("█████▏  69%"); a bare percentage takes 4."""


def _bar(value: float, width: int = 6) -> str:
    eighths = round(max(0.0, min(1.0, value)) * width * 8)
    full, part = divmod(eighths, 8)
    return ("█" * full + (_BAR[part] if part else "")).ljust(width)


class CorpusScreen(Screen[None]):
    """Pick two articles of a folder and compare them.

    Args:
        folder: The corpus folder.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "a",
            "mark_a",
            "Mark A",
            id="corpus.mark_a",
            tooltip="Mark the highlighted article as A (the original)",
        ),
        Binding(
            "b",
            "mark_b",
            "Mark B",
            id="corpus.mark_b",
            tooltip="Mark the highlighted article as B (the rewrite)",
        ),
        Binding("s", "swap", "Swap", id="corpus.swap", tooltip="Swap the A and B marks"),
        Binding(
            "enter",
            "compare",
            "Compare",
            id="corpus.compare",
            priority=True,
            tooltip="Compare A with B (or with the highlighted article)",
        ),
        Binding(
            "slash",
            "filter",
            "Filter",
            id="corpus.filter",
            tooltip="Filter the list by title or text",
        ),
        Binding(
            "o",
            "cycle_sort",
            "Sort",
            id="corpus.sort",
            tooltip="Sort by file, date, title or similarity to A",
        ),
        Binding(
            "escape",
            "clear",
            "Clear",
            show=False,
            id="corpus.clear",
            tooltip="Clear the filter, then the marks",
        ),
        Binding("q", "quit", "Quit", id="corpus.quit", tooltip="Quit diffreader"),
        Binding("j", "cursor(1)", "Down", show=False, id="corpus.down", tooltip="Next article"),
        Binding("k", "cursor(-1)", "Up", show=False, id="corpus.up", tooltip="Previous article"),
    ]

    sort_key: reactive[str] = reactive("file", init=False)
    """``file``, ``date``, ``title`` or ``similarity``."""
    filter_text: reactive[str] = reactive("", init=False)
    mark_a: reactive[str | None] = reactive(None, init=False)
    """Key (path) of the article marked A."""
    mark_b: reactive[str | None] = reactive(None, init=False)
    loading: reactive[bool] = reactive(True, init=False)
    """True until every file is loaded (the progress bar shows).

    ``init=False`` (as in Textual's ``Collapsible``): reading it before the screen is
    composed must not run the watcher, which needs the progress bar; ``on_mount`` shows
    the initial state."""
    ranking: reactive[bool] = reactive(False, init=False)
    """True while similarities to A are being computed."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.articles: dict[str, Article] = {}
        self.similarity: dict[str, float] = {}
        """Similarity of each article to A, in [0, 1] (empty until ranked)."""
        self._index: Similarity | None = None
        self.load_seconds = 0.0
        self.reviews: dict[tuple[str, str], ReviewSummary] = {}
        """Stored review summaries by (A's text hash, B's text hash)."""
        self._review_column = False
        self._previewed: tuple[object, ...] | None = None
        """What the preview shows now (see ``_show_preview``)."""
        self._plan: tuple[tuple[str, str, int], ...] = ()
        """The columns the table has (see ``_column_plan``)."""
        self._shown: dict[str, list[Text | str]] | None = None
        """The cells the table holds, by article key, in table order (None: rebuild)."""

    def compose(self) -> ComposeResult:
        yield Static(id="corpus-title")
        yield Input(
            placeholder="Filter by title or text  (/ to focus, Escape to clear)",
            id="filter",
            highlighter=LiteralHighlighter(),
        )
        yield ProgressBar(id="load-progress", show_eta=False)
        with Horizontal(id="corpus-body"):
            yield DataTable(id="articles", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="preview"):
                yield Static(id="preview-text")
        yield Footer()

    def on_mount(self) -> None:
        self._show_loading(self.loading)
        self._table_width = 0
        self._columns_for(80)
        self.query_one(DataTable).focus()
        self.call_after_refresh(self._fit_columns)
        self._update_title()
        self.load(self.folder)

    def _column_plan(self, width: int) -> tuple[tuple[str, str, int], ...]:
        """The columns for a table ``width`` cells wide: (key, label, width) each.

        The title is what a journalist reads, so it gets the width first. Similarity
        appears only once an article is marked A, and Review only once A is marked and some
        pair has been reviewed; the date, word count and file name (in that order of
        importance) only while the title keeps enough cells beside them
        (``_OPTIONAL_COLUMNS``), and on a narrow screen similarity is a bare percentage.
        The preview shows the full title and path.
        """

        def title_width(cols: list[tuple[str, str, int]]) -> int:
            # DataTable pads each cell by one on both sides; keep one cell for the scrollbar.
            return width - sum(w for _, _, w in cols) - 2 * len(cols) - 1

        columns = [("mark", " ", 1), ("title", "Title", 0)]
        if self.mark_a:
            columns.append(("similarity", "Similarity", _SIMILARITY_WIDTH))
            if self.reviews:
                columns.append(("review", "Review", 9))
        if title_width(columns) < _TITLE_KEEPS and self.mark_a:
            columns[2] = ("similarity", "Sim.", 4)
        for column, keeps in _OPTIONAL_COLUMNS:
            if title_width([*columns, column]) >= keeps:
                columns.append(column)
        order = ("mark", "title", "date", "file", "words", "similarity", "review")
        columns.sort(key=lambda column: order.index(column[0]))
        title = max(8, title_width(columns))
        return tuple((key, label, title if key == "title" else w) for key, label, w in columns)

    def _columns_for(self, width: int) -> None:
        """(Re)create the columns so the title takes whatever the others leave."""
        plan = self._column_plan(width)
        table = self.query_one(DataTable)
        self._table_width = width
        self._plan = plan
        self._review_column = any(key == "review" for key, _, _ in plan)
        table.clear(columns=True)
        self._shown = None
        for key, label, column_width in plan:
            table.add_column(label, key=key, width=column_width)

    def on_resize(self, _event: events.Resize) -> None:
        self.call_after_refresh(self._fit_columns)

    def _fit_columns(self) -> None:
        width = self.query_one(DataTable).size.width
        if width and width != self._table_width:
            current = self.highlighted
            self._columns_for(width)
            self._refresh_table(keep=current.key if current else None)

    # -- loading ------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load")
    def load(self, folder: Path) -> None:
        """Load every file of ``folder`` off the UI thread, posting batches."""
        started = time.perf_counter()
        try:
            paths = scan(folder)
        except OSError as error:
            self.app.call_from_thread(
                self.notify, f"Cannot read {folder}: {error}", severity="error"
            )
            paths = []
        self.app.call_from_thread(self._set_total, len(paths))
        batch: list[Article] = []
        last = time.perf_counter()
        for path in paths:
            batch.append(load_article(path))
            if time.perf_counter() - last > 0.1:
                self.app.call_from_thread(self._add_batch, batch)
                batch = []
                last = time.perf_counter()
        self.app.call_from_thread(self._add_batch, batch)
        index = Similarity({a.key: a.counts for a in self.articles.values() if a.doc})
        self.load_seconds = time.perf_counter() - started
        self.app.call_from_thread(self._loaded, index)
        self._read_reviews()

    def _read_reviews(self) -> None:
        """Read the review index (call from a worker thread) and show its figures."""
        from diffreader.storage.review import ReviewStore

        try:
            summaries, messages = ReviewStore(getattr(self.app, "data_dir", None)).summaries()
        except Exception as error:  # progress figures must never stop the corpus screen
            summaries, messages = {}, [f"Could not read the review index: {error}"]
        reviews = {(s.a.hash, s.b.hash): s for s in summaries.values()}
        self.app.call_from_thread(self._reviews_read, reviews, messages)

    @work(thread=True, exclusive=True, group="reviews")
    def refresh_reviews(self) -> None:
        """Re-read the review figures (after a diff, where marks may have changed)."""
        self._read_reviews()

    def _reviews_read(
        self, reviews: dict[tuple[str, str], ReviewSummary], messages: list[str]
    ) -> None:
        for message in messages:
            self.notify(display_text(message)[0], title="Review", severity="warning")
        if reviews != self.reviews:
            # Rebuilding the columns clears the table: keep the cursor on its article.
            current = self.highlighted
            self.reviews = reviews
            if self._column_plan(self._table_width or 80) != self._plan:
                self._columns_for(self._table_width or 80)
            self._refresh_table(keep=current.key if current else None)

    def on_screen_resume(self) -> None:
        if not self.loading:
            self.refresh_reviews()

    def review_summary(self, article: Article, *, reverse: bool = False) -> ReviewSummary | None:
        """The stored review of the pair (A, ``article``), or of (``article``, A) with
        ``reverse``, if it was ever opened."""
        a = self.articles.get(self.mark_a or "")
        if a is None or a.key == article.key or not a.text_hash or not article.text_hash:
            return None
        key = (article.text_hash, a.text_hash) if reverse else (a.text_hash, article.text_hash)
        return self.reviews.get(key)

    def review_text(self, article: Article) -> str:
        """The Review cell of ``article``: its pair with A's progress, or "".

        A review of the pair the other way round (``article`` as A) is a different review
        (its added claims are this one's dropped details); it shows behind "⇆" until the
        pair is reviewed this way round.
        """
        summary = self.review_summary(article)
        prefix = ""
        if summary is None:
            summary = self.review_summary(article, reverse=True)
            prefix = "⇆"
        if summary is None:
            return ""
        text = f"{prefix}{summary.reviewed}/{summary.total}"
        if summary.flagged:
            text += f" !{summary.flagged}"
        elif summary.total and summary.reviewed >= summary.total:
            text += " ✓"
        return text

    def _set_total(self, total: int) -> None:
        self.query_one(ProgressBar).update(total=max(total, 1), progress=0)

    def _add_batch(self, batch: list[Article]) -> None:
        for article in batch:
            self.articles[article.key] = article
        self.query_one(ProgressBar).advance(len(batch))
        self._refresh_table()

    def _loaded(self, index: Similarity) -> None:
        self._index = index
        self.loading = False
        if self.mark_a:
            self._rank()
        self._update_title()

    def watch_loading(self, loading: bool) -> None:
        self._show_loading(loading)

    def _show_loading(self, loading: bool) -> None:
        with contextlib.suppress(NoMatches):  # not composed yet: on_mount calls this again
            self.query_one(ProgressBar).display = loading

    # -- table --------------------------------------------------------------------------

    def visible_articles(self) -> list[Article]:
        """The articles the table shows, filtered and sorted."""
        needle = self.filter_text.lower().strip()
        items: Iterable[Article] = self.articles.values()
        if needle:
            items = (a for a in items if needle in a.haystack or needle in a.path.name.lower())
        key: Callable[[Article], object]
        if self.sort_key == "date":
            key = lambda a: (not a.date, a.date, a.path.name)  # noqa: E731  undated last
        elif self.sort_key == "title":
            key = lambda a: (a.doc is None, a.title.casefold())  # noqa: E731
        elif self.sort_key == "similarity":
            key = lambda a: (a.key != self.mark_a, -self.similarity.get(a.key, -1.0))  # noqa: E731
        else:
            key = lambda a: a.path.name.casefold()  # noqa: E731
        return sorted(items, key=key)

    def _row(self, article: Article) -> list[Text | str]:
        """The cells of ``article``'s row, one per column of the current plan."""
        mark = "A" if article.key == self.mark_a else "B" if article.key == self.mark_b else ""
        name, _ = display_text(article.path.name)
        cells: dict[str, Text | str] = {
            "mark": Text(mark, style="bold reverse" if mark else "", end=""),
            "file": Text(name, end=""),
        }
        if article.error is not None:
            reason, _ = display_text(article.error)
            cells["title"] = Text(f"⚠ {reason}", style="italic red", end="")
        else:
            similarity: Text | str = ""
            if self.mark_a and article.key != self.mark_a and article.key in self.similarity:
                value = self.similarity[article.key]
                bar = self._column_width("similarity") >= _SIMILARITY_WIDTH
                similarity = Text(
                    f"{_bar(value)} {value:>4.0%}" if bar else f"{value:>4.0%}", end=""
                )
            elif article.key == self.mark_a and self._column_width("similarity") < 8:
                similarity = Text("A", style="dim", end="")
            elif article.key == self.mark_a:
                similarity = Text("marked A", style="dim", end="")
            title, _ = display_text(article.title)
            cells |= {
                "title": Text(title, end=""),
                "date": article.date,
                "words": str(article.words),
                "similarity": similarity,
            }
            if self._review_column:
                cells["review"] = self._review_cell(article)
        return [cells.get(key, "") for key, _, _ in self._plan]

    def _column_width(self, key: str) -> int:
        """The width of column ``key`` in the current plan (0 when it is not shown)."""
        return next((width for k, _, width in self._plan if k == key), 0)

    def _review_cell(self, article: Article) -> Text:
        text = self.review_text(article)
        style = "bold red" if "!" in text else "green" if "✓" in text else ""
        return Text(text, style=style, end="")

    def _refresh_table(self, keep: str | None = None) -> None:
        table = self.query_one(DataTable)
        current = self.articles.get(keep or "") or self.highlighted
        visible = self.visible_articles()
        rows = {article.key: self._row(article) for article in visible}
        shown = self._shown
        keys = list(rows)
        if (
            shown is not None
            and table.row_count == len(shown)
            and keys[: len(shown)] == list(shown)
        ):
            # The rows shown stay, in the same order (a mark, a similarity or a review
            # figure changed, or a batch of files loaded after them): update the cells
            # that differ and add the new rows. Clearing and refilling a table of thousands
            # of rows re-measures every one of them.
            columns = list(table.columns)
            for key in keys[: len(shown)]:
                for column, new, old in zip(columns, rows[key], shown[key], strict=True):
                    if not _same_cell(new, old):
                        table.update_cell(key, column, new)
            for key in keys[len(shown) :]:
                table.add_row(*rows[key], key=key)
        else:
            table.clear()
            for key, cells in rows.items():
                table.add_row(*cells, key=key)
        self._shown = rows
        if current is not None and current.key in rows and current is not self.highlighted:
            table.move_cursor(row=table.get_row_index(current.key), animate=False)
        self._show_preview()
        self._update_title()

    @property
    def highlighted(self) -> Article | None:
        """The article under the table's cursor."""
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        except Exception:  # the cursor can be stale right after clear()
            return None
        return self.articles.get(key or "")

    def _update_title(self) -> None:
        shown = display_path(self.folder)
        text = Text(end="", no_wrap=True, overflow="ellipsis")
        text.append(" diffreader ", style="bold reverse")
        text.append(f"  {shown}  ", style="bold")
        loaded = len(self.articles)
        bad = sum(1 for a in self.articles.values() if a.error)
        text.append(f"{loaded} files" + (f", {bad} unreadable" if bad else ""), style="dim")
        if self.loading:
            text.append("  loading…", style="italic")
        for label, key in (("A", self.mark_a), ("B", self.mark_b)):
            text.append("   ")
            text.append(f" {label} ", style="bold reverse")
            article = self.articles.get(key or "")
            title = article.title if article else "–"
            text.append(
                f" {title[:28]}{'…' if len(title) > 28 else ''}", style="" if article else "dim"
            )
        text.append(f"   sort: {self.sort_key}", style="dim")
        self.query_one("#corpus-title", Static).update(text)

    def _show_preview(self) -> None:
        article = self.highlighted
        preview = self.query_one("#preview-text", Static)
        if article is None:
            self._previewed = None
            preview.update(Text("No article.", style="dim"))
            return
        # A table refresh (a batch loaded, a mark, a review figure) must not redraw the
        # preview when what it shows is the same: the article text is the costly part.
        shown = (
            article.key,
            self.similarity.get(article.key) if self.mark_a != article.key else None,
            self.review_summary(article),
            self.review_summary(article, reverse=True),
        )
        if shown == self._previewed:
            return
        self._previewed = shown
        text = Text(end="")
        text.append(article.title, style="bold")
        text.append(f"\n{display_path(article.path)}", style="dim")
        if article.error is not None or article.doc is None:
            reason, _ = display_text(article.error or "")
            text.append(f"\n\n⚠ {reason}", style="italic red")
        else:
            doc = article.doc
            text.append(
                f"\n{article.date or 'undated'} · {article.words} words · "
                f"{len(doc.sentences)} sentences · {doc.encoding}",
                style="dim",
            )
            if self.mark_a and article.key in self.similarity and article.key != self.mark_a:
                text.append(f"\nsimilarity to A: {self.similarity[article.key]:.0%}", style="bold")
            review = self.review_summary(article)
            label = "review with A"
            if review is None:
                review = self.review_summary(article, reverse=True)
                label = "⇆ review with this as A"
            if review is not None:
                text.append(f"\n{label}: {review.progress}", style="bold")
                if review.stale:
                    text.append(f", {review.stale} stale", style="bold")
            # Line breaks survive in the preview; everything else is shown literally. Only
            # a bounded prefix is shown: a 5 MB one-line file must not freeze the screen.
            body_text = doc.text.strip()
            head = body_text[:PREVIEW_CHARS]
            body = "\n".join(display_text(line)[0] for line in head.splitlines())
            text.append("\n\n")
            text.append(body)
            if len(body_text) > len(head):
                rest = len(body_text) - len(head)
                text.append(
                    f"\n\n… {rest:,} more characters (Enter compares the whole article)",
                    style="dim italic",
                )
        preview.update(text)
        self.query_one("#preview", VerticalScroll).scroll_home(animate=False)

    @on(DataTable.RowHighlighted)
    def _highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._show_preview()

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()  # Enter is the screen's priority binding; clicks only highlight

    @on(DataTable.HeaderSelected)
    def _header(self, event: DataTable.HeaderSelected) -> None:
        key = str(event.column_key.value)
        if key in SORTS:
            self.sort_key = key

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, _event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()

    def watch_filter_text(self) -> None:
        self._refresh_table()

    def watch_sort_key(self) -> None:
        self._refresh_table()

    def watch_mark_a(self) -> None:
        self.similarity = {}
        if self.mark_a and not self.loading:
            self._rank()
        if self._column_plan(self._table_width or 80) != self._plan:
            current = self.highlighted
            self._columns_for(self._table_width or 80)
            self._refresh_table(keep=current.key if current else None)
        else:
            self._refresh_table()

    def watch_mark_b(self) -> None:
        self._refresh_table()

    # -- similarity ---------------------------------------------------------------------

    def _rank(self) -> None:
        if self._index is not None and self.mark_a:
            self.ranking = True
            self._score(self._index, self.mark_a)

    @work(thread=True, exclusive=True, group="rank")
    def _score(self, index: Similarity, key_a: str) -> None:
        """Similarity of every article to A, off the UI thread (large corpora)."""
        scores = index.scores(key_a)
        self.app.call_from_thread(self._scored, key_a, scores)

    def _scored(self, key_a: str, scores: dict[str, float]) -> None:
        self.ranking = False
        if key_a == self.mark_a:
            self.similarity = scores
            self._refresh_table()

    # -- actions ------------------------------------------------------------------------

    def _mark(self, which: str) -> None:
        article = self.highlighted
        if article is None:
            return
        if article.error is not None:
            self.notify(
                f"{article.path.name}: {article.error}",
                title="Cannot use this file",
                severity="warning",
            )
            return
        other = self.mark_b if which == "a" else self.mark_a
        if other == article.key:
            # Marking the other side's article moves the mark (no self-comparison).
            if which == "a":
                self.mark_b = None
            else:
                self.mark_a = None
        setattr(self, f"mark_{which}", article.key)

    def action_mark_a(self) -> None:
        self._mark("a")

    def action_mark_b(self) -> None:
        self._mark("b")

    def action_swap(self) -> None:
        self.mark_a, self.mark_b = self.mark_b, self.mark_a

    class _CompareNow(Message):
        """Enter, routed through the table's queue (see ``action_compare``)."""

    def action_compare(self) -> None:
        table = self.query_one(DataTable)
        if self.query_one("#filter", Input).has_focus:
            table.focus()
            return
        # Enter is a priority binding (the table would take it otherwise), and priority
        # bindings run as soon as the key arrives, ahead of keys still queued for the
        # table. Typed fast ("↓ ↓ b Enter"), Enter would compare before the cursor moved
        # and B was marked; passing it through the table's queue (then the app's) keeps
        # the keys in the order they were typed.
        table.post_message(self._CompareNow())

    @on(_CompareNow)
    def _compare_now(self, event: _CompareNow) -> None:
        event.stop()
        # Non-priority keys (b, s) reach their bindings at the app, after this screen has
        # passed them on: queue the comparison behind them there too.
        self.app.call_later(self._compare)

    def _compare(self) -> None:
        a = self.articles.get(self.mark_a or "")
        b = self.articles.get(self.mark_b or "")
        if a is None:
            self._mark("a")
            if self.mark_a:
                self.notify(
                    "Marked A. Now pick B (b) or press Enter on another article.", timeout=3
                )
            return
        if b is None:
            b = self.highlighted
            if b is None or b.key == a.key or b.doc is None:
                self.notify("Pick a different article as B.", timeout=3)
                return
        assert a.doc is not None and b.doc is not None
        self.post_message(CompareRequested(a.doc, b.doc))

    def action_cursor(self, step: int) -> None:
        """j/k move through the list as the arrow keys do (vi keys, as in the diff)."""
        table = self.query_one(DataTable)
        if step > 0:
            table.action_cursor_down()
        else:
            table.action_cursor_up()

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_cycle_sort(self) -> None:
        order = SORTS if self.mark_a else SORTS[:-1]
        position = order.index(self.sort_key) if self.sort_key in order else -1
        self.sort_key = order[(position + 1) % len(order)]

    def action_sort(self, key: str) -> None:
        """Sort by ``key`` (one of ``SORTS``)."""
        if key in SORTS:
            self.sort_key = key

    def action_clear(self) -> None:
        filter_input = self.query_one("#filter", Input)
        if filter_input.value:
            filter_input.value = ""
        elif self.mark_a or self.mark_b:
            self.mark_a = self.mark_b = None
        self.query_one(DataTable).focus()

    async def action_quit(self) -> None:
        self.app.exit()

    def extra_commands(self) -> list[tuple[str, str, str]]:
        """Palette commands without a key of their own: (title, help, action)."""
        return [
            (f"Sort by {key}", f"Sort the article list by {key}", f"sort('{key}')") for key in SORTS
        ]
