"""Provides ``CorpusScreen``: the article list, preview, filter, sort and A/B picking,
the rewrites of the article marked A, and the folder's stories.

Listing never waits for parsing: a thread worker lists the folder (``tui.corpus.scan``) and
reads the start of each file (``tui.corpus.peek``: title, date, at most ``HEAD_BYTES``;
on a warm start, an unchanged file is listed from the index's kept read, ``list_file``),
posting batches whose keys the table appends (``ArticleTable``, a virtual table: it holds
the ordered keys and builds the cells of the rows it paints, through ``_row``). The same
worker then brings the folder's corpus index up to date (``storage.corpus_index.CorpusIndex``,
full parsing in a process pool) under a progress bar ("indexing 4,210 / 10,005"); a warm
index is reused at once. Filtering and sorting reorder the keys; nothing is refilled.

Once A is marked and the index is ready, a worker ranks the folder against A with
``CorpusIndex.find``: the Similarity column shows each candidate's score relative to A's
own, and ``r`` (Rewrites) lists the candidates with their verdict (identical copy of A,
rewrite, related story, unrelated, or unverified with the reason) and the reasons; Enter
compares A with the one under the cursor. ``t``
(Stories) lists the folder's stories (``CorpusIndex.stories``): each pivot with its
rewrites and related articles; Enter compares the pivot with the one under the cursor.
``story_versions`` gives the articles of the story under the cursor, for a view of
several versions (``v``). In the list, ``m`` marks more versions beside B (V marks, in the
order marked), and ``v`` opens A against B and them (``marked_versions``).

Review progress: once A is marked, the Review column shows, for each article whose pair
with A has been opened, "reviewed/total" and "!flagged" ("3/12 !1"); a pair only
reviewed the other way round (the article as A) shows behind "⇆". The figures come
from the review index (one small file), read in a worker when the folder is listed, again
whenever the screen comes back from a diff, and again when a review saves after its diff
screen closed (``messages.ReviewSaved``); articles are matched by content hash, so a renamed
file keeps its figures.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

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
from textual.worker import get_current_worker

from diffreader.plural import plural
from diffreader.storage.files import read_regular
from diffreader.tui.corpus import Article, decode_prefix, list_files, scan
from diffreader.tui.keys import HELP
from diffreader.tui.messages import CompareRequested
from diffreader.tui.textutil import (
    LiteralHighlighter,
    display_echo,
    display_path,
    display_text,
)
from diffreader.tui.widgets.article_table import ArticleTable

if TYPE_CHECKING:
    from diffreader.review import ReviewSummary
    from diffreader.storage.corpus_index import CorpusIndex, Entry, Found, Listed, StoryView

__all__ = ["CorpusScreen"]

SORTS: tuple[str, ...] = ("file", "date", "title", "similarity")
VIEWS: tuple[str, ...] = ("list", "rewrites", "stories")
_BAR = " ▏▎▍▌▋▊▉█"


PREVIEW_CHARS = 12_000
"""How much of an article the preview shows (a pane holds a few hundred words)."""
_PREVIEW_BYTES = 4 * PREVIEW_CHARS
"""The most the preview reads from disk (UTF-32 takes four bytes a character)."""
RANKED = 20
"""Candidates ``find`` lists for the Rewrites view and the Similarity column."""
_BATCH_SECONDS = 0.25
"""The listing worker posts what it has read this often (the first rows sooner): each
batch is a message for the screen, and in a sort other than the file order a merge of the
sorted keys, so fewer, larger batches list faster."""
_FIRST_BATCH = 100
"""The first batch is posted as soon as it holds this many files (the first screenful)."""
_BATCH_MAX = 2_000
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


_GONE_SECONDS = 10
"""How long the notification that the folder is gone stays (and is not said again)."""


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
        # Quit and help first: the footer cuts what does not fit (tui/keys.py).
        Binding("q", "quit", "Quit", id="corpus.quit", tooltip="Quit diffreader"),
        HELP,
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
        Binding(
            "m",
            "mark_version",
            "Mark V",
            show=False,
            id="corpus.mark_version",
            tooltip="Mark or unmark the highlighted article as one more version to compare"
            " with A (v opens A against B and them all)",
        ),
        Binding(
            "s", "swap", "Swap", show=False, id="corpus.swap", tooltip="Swap the A and B marks"
        ),
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
            "r",
            "rewrites",
            "Rewrites",
            id="corpus.rewrites",
            tooltip="List the rewrites of A found in the folder, with verdicts and reasons",
        ),
        Binding(
            "t",
            "stories",
            "Stories",
            id="corpus.stories",
            tooltip="Group the folder into stories (toggles back to the list)",
        ),
        Binding(
            "v",
            "versions",
            "Versions",
            id="corpus.versions",
            tooltip="Open A against B and the articles marked V (in the stories: the story"
            " under the cursor as its pivot against all its rewrites)",
        ),
        Binding(
            "escape",
            "clear",
            "Clear",
            show=False,
            id="corpus.clear",
            tooltip="Back to the list, else clear the filter, then the marks",
        ),
        Binding("j", "cursor(1)", "Down", show=False, id="corpus.down", tooltip="Next article"),
        Binding("k", "cursor(-1)", "Up", show=False, id="corpus.up", tooltip="Previous article"),
    ]

    sort_key: reactive[str] = reactive("file", init=False)
    """``file``, ``date``, ``title`` or ``similarity``."""
    filter_text: reactive[str] = reactive("", init=False)
    mark_a: reactive[str | None] = reactive(None, init=False)
    """Key (path) of the article marked A."""
    mark_b: reactive[str | None] = reactive(None, init=False)
    mark_versions: reactive[tuple[str, ...]] = reactive((), init=False)
    """Keys of the articles marked V (extra versions beside B), in the order marked: a set
    that keeps its order, so the multi-version view's columns follow the marking."""
    loading: reactive[bool] = reactive(True, init=False)
    """True until every file is loaded (the progress bar shows).

    ``init=False`` (as in Textual's ``Collapsible``): reading it before the screen is
    composed must not run the watcher, which needs the progress bar; ``on_mount`` shows
    the initial state."""
    ranking: reactive[bool] = reactive(False, init=False)
    """True while the folder is being ranked against A."""
    indexing: reactive[bool] = reactive(False, init=False)
    """True while the corpus index is being brought up to date (the bar shows)."""
    view: reactive[str] = reactive("list", init=False)
    """``list`` (the articles), ``rewrites`` (of A) or ``stories``."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.articles: dict[str, Article] = {}
        self.similarity: dict[str, float] = {}
        """Similarity of each article to A, in [0, 1] (empty until ranked)."""
        self.found: list[Found] | None = None
        """A's candidates from the index, best first (None until ranked)."""
        self.rank_error: str | None = None
        """Why A could not be ranked (A deleted or no longer readable since marked)."""
        self.stories: list[StoryView] | None = None
        """The folder's stories (None until grouped)."""
        self.index_ready = False
        """The corpus index is up to date (ranking and stories can run)."""
        self.index_error: str | None = None
        """Why the corpus index cannot be used (the list still works)."""
        self.folder_gone = False
        """The folder was deleted or renamed while shown (``_folder_gone``): the list
        holds what it was read as, and nothing more is read from it."""
        self._gone_said = 0.0
        """When the reader last said the folder is gone (``time.monotonic``)."""
        self.listed_seconds = 0.0
        """Time from the start of listing until every file was listed."""
        self.indexed_seconds = 0.0
        self._status = ""
        """What a worker is doing, shown in the header ("indexing 4,210 / 10,005")."""
        self._refused = 0
        self._folder_shown: str | None = None
        self._grouping = False
        self._results: list[tuple[str, str] | None] = []
        """The (A, B) paths each row of the results table compares (None: a heading)."""
        self._story_rows: list[int | None] = []
        """The story (index in ``stories``) of each row of the stories view."""
        self.reviews: dict[tuple[str, str], ReviewSummary] = {}
        """Stored review summaries by (A's text hash, B's text hash)."""
        self._review_column = False
        self._previewed: tuple[object, ...] | None = None
        """What the preview shows now (see ``_show_preview``)."""
        self._plan: tuple[tuple[str, str, int], ...] = ()
        """The columns the table has (see ``_column_plan``)."""
        self._sort_keys: dict[str, Any] = {}
        """While listing, each listed article's sort key in the current order (see
        ``_sort_function``): a batch listed in another order than the files' is merged in
        without computing the others' again."""

    def compose(self) -> ComposeResult:
        yield Static(id="corpus-title")
        yield Input(
            placeholder="Filter by title or text  (/ to focus, Escape to clear)",
            id="filter",
            highlighter=LiteralHighlighter(),
        )
        yield ProgressBar(id="load-progress", show_eta=False)
        with Horizontal(id="corpus-body"):
            yield ArticleTable(self._cells_of, id="articles", zebra_stripes=True)
            yield DataTable(id="results", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="preview"):
                yield Static(id="preview-text")
        yield Footer()

    def on_mount(self) -> None:
        self._show_loading(self.loading)
        self._table_width = 0
        self._columns_for(80)
        self._results_table.display = False
        self._table.focus()
        self.call_after_refresh(self._fit_columns)
        self._update_title()
        # After the first frame: the listing thread would otherwise share the interpreter
        # with the first layout and paint.
        self.call_after_refresh(self.load, self.folder)

    @property
    def _table(self) -> ArticleTable:
        return self.query_one("#articles", ArticleTable)

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
        self._table_width = width
        self._plan = plan
        self._review_column = any(key == "review" for key, _, _ in plan)
        self._table.set_columns(plan)  # every row's cells are built again when painted

    def on_resize(self, _event: events.Resize) -> None:
        self.call_after_refresh(self._fit_columns)

    def _fit_columns(self) -> None:
        if self.view != "list":
            self._fill_results()
            return
        width = self._table.size.width
        if width and width != self._table_width:
            self._columns_for(width)

    # -- listing and indexing -----------------------------------------------------------

    class _Listed(Message):
        """A batch of files read by the listing worker (posted: the worker never waits)."""

        def __init__(self, batch: list[Article], total: int, done: bool) -> None:
            super().__init__()
            self.batch = batch
            self.total = total
            self.done = done

    class _Progress(Message):
        """A worker's progress, for the header and the bar."""

        def __init__(self, status: str, done: int, total: int) -> None:
            super().__init__()
            self.status = status
            self.done = done
            self.total = total

    @work(thread=True, exclusive=True, group="load")
    def load(self, folder: Path) -> None:
        """List ``folder`` from a quick read of each file, then bring its index up to date."""
        worker = get_current_worker()
        started = time.perf_counter()
        try:
            paths = scan(folder)
        except OSError as error:
            self.app.call_from_thread(
                self.notify, f"Cannot read {folder}: {error}", severity="error"
            )
            paths = []
            scanned = False
        else:
            scanned = True
        # One connection for the listing's kept reads and the update, opened while the
        # screen is idle (each statement gives up the interpreter lock).
        index = self._open_index(folder) if scanned else None
        try:
            kept = self._kept_listing(index)
            fresh: list[Listed] = []
            seen: dict[str, tuple[int, int] | None] = {}
            uncounted: list[str] = []  # the index gives their word counts
            total = len(paths)
            batch: list[Article] = []
            last = time.perf_counter()
            posted = False
            for path, (article, stamp, read) in zip(paths, list_files(paths, kept), strict=True):
                if worker.is_cancelled:
                    return
                seen[path.name] = stamp
                batch.append(article)
                if article.words is None and article.error is None:
                    uncounted.append(path.name)
                if read is not None:
                    fresh.append(read)
                now = time.perf_counter()
                first = not posted and len(batch) >= _FIRST_BATCH
                if first or len(batch) >= _BATCH_MAX or now - last > _BATCH_SECONDS:
                    posted = True
                    self.post_message(self._Listed(batch, total, False))
                    batch, last = [], now
            self.listed_seconds = time.perf_counter() - started
            self.post_message(self._Listed(batch, total, True))
            # Also waits for the screen to take the rows: the update then runs uncontended.
            self._read_reviews()
            # An unreadable folder is not an empty one: the update lists it and says why.
            gone = [name for name in kept if name not in seen]
            self._update_index(folder, index, seen if scanned else None, fresh, gone, uncounted)
        finally:
            if index is not None:
                index.close()
        self.indexed_seconds = time.perf_counter() - started

    def _open_index(self, folder: Path) -> CorpusIndex | None:
        """The folder's index (worker thread), or ``None`` (``_update_index`` says why)."""
        from diffreader.storage.corpus_index import CorpusIndex

        try:
            return CorpusIndex(folder, getattr(self.app, "data_dir", None))
        except Exception:  # the list works without the index
            return None

    @staticmethod
    def _kept_listing(index: CorpusIndex | None) -> dict[str, Listed]:
        """The index's kept quick reads (worker thread; none without it)."""
        if index is None:
            return {}
        try:
            return index.listing()
        except Exception:  # the list works without them
            return {}

    def _update_index(
        self,
        folder: Path,
        index: CorpusIndex | None,
        seen: dict[str, tuple[int, int] | None] | None,
        fresh: list[Listed],
        gone: list[str],
        uncounted: list[str] | None = None,
    ) -> None:
        """Keep the quick reads of ``fresh`` files and forget ``gone`` ones, bring the index
        (``index``, or the folder's opened here) up to date with the folder as listed
        (``seen``: worker thread), posting progress; then the entries."""
        from diffreader.storage.corpus_index import CorpusIndex

        worker = get_current_worker()
        progress = self._progress_reporter("indexing")

        entries: list[Entry] = []
        try:
            with contextlib.ExitStack() as stack:
                if index is None:
                    index = stack.enter_context(
                        CorpusIndex(folder, getattr(self.app, "data_dir", None))
                    )
                index.remember_listing(fresh, gone)
                index.update(progress, seen=seen)
                # Only what the listing lacks (refusals, word counts of ``uncounted``
                # files); every entry when the listing did not run.
                entries = index.entries() if uncounted is None else index.entries_to_show(uncounted)
        except _Stopped:
            return
        except Exception as error:  # the list works without the index
            self.app.call_from_thread(self._index_failed, str(error))
            return
        if worker.is_cancelled:
            return
        self.app.call_from_thread(self._indexed, entries)
        self._hash_long_articles()

    def _hash_long_articles(self) -> None:
        """Review hashes of articles longer than the quick read (worker thread)."""
        from diffreader.engine.load import LoadError, load_document
        from diffreader.review import text_hash

        worker = get_current_worker()
        hashes: dict[str, str] = {}
        for article in list(self.articles.values()):
            if worker.is_cancelled:
                return
            if article.error is None and not article.text_hash:
                with contextlib.suppress(LoadError, OSError):
                    hashes[article.key] = text_hash(load_document(article.path).text)
        if hashes:
            self.app.call_from_thread(self._hashed, hashes)

    def _hashed(self, hashes: dict[str, str]) -> None:
        for key, value in hashes.items():
            if key in self.articles:
                self.articles[key].text_hash = value
        if self.reviews and self.mark_a:
            self._repaint()

    @on(_Listed)
    def _listed(self, message: _Listed) -> None:
        message.stop()
        bar = self.query_one(ProgressBar)
        if bar.total != message.total:
            bar.update(total=max(message.total, 1), progress=0)
        self._add_batch(message.batch)
        # The index can be done first (its worker does not wait for these messages).
        if message.done and not (self.index_ready or self.index_error):
            self.indexing = True
            bar.update(total=None, progress=0)  # indeterminate until the first file is read
        if message.done:
            self.loading = False
            self._sort_keys = {}
        self._update_title()

    def _add_batch(self, batch: list[Article]) -> None:
        """Add listed files: their keys are appended to the table's when they sort after
        its rows (the file order, as listed), else merged into the order shown."""
        table = self._table
        for article in batch:
            self.articles[article.key] = article
            self._refused += article.error is not None
        self.query_one(ProgressBar).advance(len(batch))
        needle = self.filter_text.lower().strip()
        new = [article for article in batch if not needle or _matches(article, needle)]
        if not new:
            return
        was_empty = table.row_count == 0
        keys = table.keys
        if self.sort_key == "file" and (
            not keys or _file_order(self.articles[keys[-1]]) <= _file_order(new[0])
        ):
            table.append_rows(article.key for article in sorted(new, key=_file_order))
        else:
            # Timsort merges the two sorted runs in linear time; each article's sort key
            # was computed when it was listed (a pass per batch over every row's cells, as
            # the table once made, made listing quadratic).
            sort_keys = self._sort_keys
            order = self._sort_function()
            for article in (*(self.articles[key] for key in keys if key not in sort_keys), *new):
                sort_keys[article.key] = order(article)
            table.set_rows(sorted([*keys, *(a.key for a in new)], key=sort_keys.__getitem__))
        if was_empty:
            self._show_preview()

    def _index_failed(self, reason: str) -> None:
        if self._folder_gone():
            return
        self.indexing = False
        self.index_error = reason
        self._status = ""
        self.notify(
            f"The corpus index cannot be used ({reason}): rewrites and stories "
            "are unavailable; the list works.",
            title="Corpus index",
            severity="warning",
        )
        self._update_title()

    @on(_Progress)
    def _progress(self, message: _Progress) -> None:
        message.stop()
        if not (self.indexing if message.status == "indexing" else self._grouping):
            return  # overtaken by the end of the work it counts
        bar = self.query_one(ProgressBar)
        if bar.total != message.total:
            bar.update(total=max(message.total, 1))
        bar.update(progress=message.done)
        self._status = f"{message.status} {message.done:,} / {message.total:,}"
        self._update_title()

    def _indexed(self, entries: list[Entry]) -> None:
        """The index is up to date: refusals and word counts the quick read did not know."""
        if self._folder_gone():  # every file of it refused as missing: not what it held
            return
        self.indexing = False
        self.index_ready = True
        self._status = ""
        changed: list[Article] = []
        # The key of a file of the folder is str(folder / name): the prefix once, not a
        # path joined per entry (10,000 of them on the screen's thread).
        prefix = str(self.folder / "_")[:-1]
        articles = self.articles
        for entry in entries:
            article = articles.get(prefix + entry.name)
            if article is None:
                continue
            if entry.error is not None and article.error is None:
                article.error = entry.error
                self._refused += 1
                changed.append(article)
            elif entry.error is None and article.words is None:
                article.words = entry.words
                changed.append(article)
        self._update_rows(changed)
        self._update_title()
        if self.mark_a:
            self._rank()
        if self.view == "stories":
            self._start_grouping()

    def _update_rows(self, articles: Iterable[Article]) -> None:
        """Show the new cells of ``articles``' rows (built again when painted)."""
        self._table.invalidate(article.key for article in articles)
        self._show_preview()

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
            self.notify(message, title="Review", severity="warning")
        if reviews != self.reviews:
            self.reviews = reviews
            if self._column_plan(self._table_width or 80) != self._plan:
                self._columns_for(self._table_width or 80)
            self._repaint()

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

    def watch_loading(self) -> None:
        self._show_loading()

    def watch_indexing(self) -> None:
        self._show_loading()

    def _show_loading(self, _loading: bool = False) -> None:
        with contextlib.suppress(NoMatches):  # not composed yet: on_mount calls this again
            busy = self.loading or self.indexing or self._grouping
            self.query_one(ProgressBar).display = busy

    # -- table --------------------------------------------------------------------------

    def visible_articles(self) -> list[Article]:
        """The articles the table shows, filtered and sorted."""
        return [self.articles[key] for key in self._table.keys]

    def _sort_function(self) -> Callable[[Article], Any]:
        """An article's sort key in the current order (``sort_key``)."""
        if self.sort_key == "date":
            return lambda a: (not a.date, a.date, a.path.name)  # undated last
        if self.sort_key == "title":
            return lambda a: (a.error is not None, a.title.casefold())
        if self.sort_key == "similarity":
            mark_a, similarity = self.mark_a, self.similarity
            return lambda a: (a.key != mark_a, -similarity.get(a.key, -1.0))
        return _file_order

    def _cells_of(self, key: str) -> list[Text | str]:
        """The cells of the row of ``key`` (the table asks for the rows it paints)."""
        article = self.articles.get(key)
        return [] if article is None else self._row(article)

    def _row(self, article: Article) -> list[Text | str]:
        """The cells of ``article``'s row, one per column of the current plan."""
        mark = (
            "A"
            if article.key == self.mark_a
            else "B"
            if article.key == self.mark_b
            else "V"
            if article.key in self.mark_versions
            else ""
        )
        name = display_echo(article.path.name)
        cells: dict[str, Text | str] = {
            "mark": Text(mark, style="bold reverse" if mark else "", end=""),
            "file": Text(name, end=""),
        }
        if article.error is not None:
            cells["title"] = Text(f"⚠ {display_echo(article.error)}", style="italic red", end="")
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
            cells |= {
                "title": Text(article.title, end=""),
                "date": article.date,
                "words": "" if article.words is None else _word_count(article.words),
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
        """Filter and sort the articles again (their keys: no cell is built here)."""
        needle = self.filter_text.lower().strip()
        items: Iterable[Article] = self.articles.values()
        if needle:
            items = (a for a in items if _matches(a, needle))
        order = self._sort_function()
        sort_keys = {article.key: order(article) for article in items}
        self._table.set_rows(sorted(sort_keys, key=sort_keys.__getitem__), keep=keep)
        # Kept while batches may still arrive (they are merged in), then let go.
        self._sort_keys = sort_keys if self.loading else {}
        self._show_preview()
        self._update_title()

    def _repaint(self) -> None:
        """Show new cells (marks, similarity, review figures) in the same order."""
        self._table.invalidate()
        self._show_preview()
        self._update_title()

    @property
    def highlighted(self) -> Article | None:
        """The article under the table's cursor."""
        return self.articles.get(self._table.cursor_key or "")

    def _update_title(self) -> None:
        if self._folder_shown is None:
            # Resolving a path stats each of its parts: once, not once per batch listed.
            self._folder_shown = display_path(self.folder)
        shown = self._folder_shown
        text = Text(end="", no_wrap=True, overflow="ellipsis")
        text.append(" diffreader ", style="bold reverse")
        listed = len(self.articles)
        text.append(
            f"  {plural(listed, 'article')}"
            + (f", {self._refused:,} unreadable" if self._refused else ""),
            style="bold",
        )
        if self.folder_gone:
            text.append("  folder gone", style="bold red")
        elif self.loading:
            text.append("  listing…", style="italic")
        elif self._status:
            text.append(f"  {self._status}", style="italic")
        elif self.indexing:
            text.append("  indexing…", style="italic")
        text.append(f"  {shown}", style="bold")
        if self.view != "list":
            text.append(f"   [{self.view}]", style="bold")
        # With V marks the titles give way to the count, which must stay in sight.
        room = 20 if self.mark_versions else 28
        for label, key in (("A", self.mark_a), ("B", self.mark_b)):
            text.append("   ")
            text.append(f" {label} ", style="bold reverse")
            article = self.articles.get(key or "")
            title = article.title if article else "–"
            text.append(
                f" {title[:room]}{'…' if len(title) > room else ''}",
                style="" if article else "dim",
            )
            if label == "B" and self.mark_versions:
                count = len(self.mark_versions)
                text.append(f"  +{plural(count, 'version')}", style="bold")
        text.append(f"   sort: {self.sort_key}", style="dim")
        self.query_one("#corpus-title", Static).update(text)

    def _show_preview(self, article: Article | None = None) -> None:
        if article is None:
            article = self.highlighted if self.view == "list" else self._result_article()
        preview = self.query_one("#preview-text", Static)
        if article is None:
            self._previewed = None
            preview.update(Text("No article.", style="dim"))
            return
        # A table refresh (a batch listed, a mark, a review figure) must not redraw the
        # preview when what it shows is the same: reading the file is the costly part.
        why = self._result_why() if self.view != "list" else None
        shown = (
            article.key,
            article.error,
            article.words,
            self.similarity.get(article.key) if self.mark_a != article.key else None,
            self.review_summary(article),
            self.review_summary(article, reverse=True),
            why,
        )
        if shown == self._previewed:
            return
        self._previewed = shown
        text = Text(end="")
        text.append(article.title, style="bold")
        text.append(f"\n{display_path(article.path)}", style="dim")
        if why:
            text.append(f"\n{display_text(why)[0]}", style="bold")
        body_text = ""
        data = b""
        if article.error is None:
            try:
                # A bounded prefix, read without blocking: a 5 MB one-line file, or a FIFO
                # put in the file's place, must not freeze the screen.
                data = read_regular(article.path, _PREVIEW_BYTES)
                body_text = decode_prefix(data, len(data) < _PREVIEW_BYTES).strip()
            except Exception as error:  # the file changed since it was listed
                article_error = getattr(error, "reason", None) or str(error)
                text.append(f"\n\n⚠ {display_echo(article_error)}", style="italic red")
                preview.update(text)
                return
        if article.error is not None:
            text.append(f"\n\n⚠ {display_echo(article.error)}", style="italic red")
        else:
            words = "" if article.words is None else f" · {plural(article.words, 'word')}"
            text.append(
                f"\n{article.date or 'undated'}{words} · {plural(article.size, 'byte')}",
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
            # Line breaks survive in the preview; everything else is shown literally.
            head = body_text[:PREVIEW_CHARS]
            body = "\n".join(display_text(line)[0] for line in head.splitlines())
            text.append("\n\n")
            text.append(body)
            rest = article.size - len(head.encode("utf-8", "surrogatepass"))
            if len(body_text) > len(head) or len(data) >= _PREVIEW_BYTES:
                text.append(
                    f"\n\n… about {plural(max(rest, 0), 'more byte')}"
                    " (Enter compares the whole article)",
                    style="dim italic",
                )
        preview.update(text)
        self.query_one("#preview", VerticalScroll).scroll_home(animate=False)

    @on(ArticleTable.RowHighlighted)
    @on(DataTable.RowHighlighted)
    def _highlighted(self, _event: ArticleTable.RowHighlighted | DataTable.RowHighlighted) -> None:
        self._show_preview()

    @on(ArticleTable.RowSelected)
    @on(DataTable.RowSelected)
    def _selected(self, event: ArticleTable.RowSelected | DataTable.RowSelected) -> None:
        event.stop()  # Enter is the screen's priority binding; clicks only highlight

    @on(ArticleTable.HeaderSelected)
    def _header(self, event: ArticleTable.HeaderSelected) -> None:
        if event.column_key in SORTS:
            self.sort_key = event.column_key

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, _event: Input.Submitted) -> None:
        self._table.focus()

    def watch_filter_text(self) -> None:
        self._refresh_table()

    def watch_sort_key(self) -> None:
        self._refresh_table()

    def watch_mark_a(self) -> None:
        self.refresh_bindings()
        self.similarity = {}
        self.found = None
        self.rank_error = None
        if self.mark_a:
            self._rank()
        if self.view == "rewrites":
            self._fill_results()
        if self._column_plan(self._table_width or 80) != self._plan:
            self._columns_for(self._table_width or 80)
        self._refresh_table()  # sorted by similarity, A comes first

    def watch_mark_b(self) -> None:
        self.refresh_bindings()
        self._repaint()

    def watch_mark_versions(self) -> None:
        self.refresh_bindings()
        self._repaint()

    # -- rewrites of A -------------------------------------------------------------------

    def _rank(self) -> None:
        if self.index_ready and self.mark_a:
            self.ranking = True
            self._find(self.mark_a)

    @work(thread=True, exclusive=True, group="rank")
    def _find(self, key_a: str) -> None:
        """Rank the folder against A through the index (worker thread)."""
        from diffreader.engine.load import LoadError
        from diffreader.storage.corpus_index import CorpusIndex

        try:
            with CorpusIndex(self.folder, getattr(self.app, "data_dir", None)) as index:
                found = index.find(Path(key_a), limit=RANKED)
        except (LoadError, OSError, Exception) as error:  # never stop the corpus screen
            reason = getattr(error, "reason", None) or str(error)
            self.app.call_from_thread(self._found, key_a, None, reason)
            return
        self.app.call_from_thread(self._found, key_a, found, None)

    def _found(self, key_a: str, found: list[Found] | None, error: str | None) -> None:
        if key_a != self.mark_a:
            return
        self.ranking = False
        if self._folder_gone():  # A "no such file", the candidates unverified: not so
            return
        self.rank_error = error
        if found is None:
            self.notify(f"Cannot rank the folder: {error}", severity="warning")
            found = []
        self.found = found
        self.similarity = {key_a: 1.0}
        for candidate in found:
            self.similarity[str(self.folder / candidate.entry.name)] = candidate.relative
        self._refresh_table()
        if self.view == "rewrites":
            self._fill_results()

    # -- the results table: rewrites and stories ----------------------------------------

    @property
    def _results_table(self) -> DataTable[object]:
        return self.query_one("#results", DataTable)

    def watch_view(self, view: str) -> None:
        self.refresh_bindings()  # "Versions" depends on the view (see check_action)
        results = self._results_table
        results.display = view != "list"
        self._table.display = view == "list"
        # At once (``focus()`` would wait for the keys already read, and come after the
        # filter's focus when ``/`` leaves the rewrites for the list).
        if view == "list":
            self.set_focus(self._table)
            self.call_after_refresh(self._fit_columns)
        else:
            self.set_focus(results)
            self._fill_results()
            self.call_after_refresh(self._fill_results)  # at the table's real width
        self._previewed = None
        self._show_preview()
        self._update_title()

    def _result_columns(self) -> list[tuple[str, str, int]]:
        """Verdict, title, date and reasons (the preview shows the reasons in full)."""
        width = self._results_table.size.width or self.size.width * 2 // 3 or 80
        date = 10 if width >= 90 else 0
        rest = max(20, width - 10 - date - 2 * (3 + (date > 0)) - 1)
        title = max(12, rest * 9 // 20)
        columns = [("verdict", "Verdict", 10), ("title", "Title", title)]
        if date:
            columns.append(("date", "Date", date))
        return [*columns, ("why", "Why", max(8, rest - title))]

    def _fill_results(self) -> None:
        """Fill the results table for the current view (rewrites of A, or stories)."""
        table = self._results_table
        current = table.cursor_row
        table.clear(columns=True)
        for key, label, width in self._result_columns():
            table.add_column(label, key=key, width=width)
        self._results = []
        self._story_rows = []
        rows = self._rewrite_rows() if self.view == "rewrites" else self._stories_rows()
        keep = {key for key, _, _ in self._result_columns()}
        for cells, pair, story in rows:
            table.add_row(*(c for c, k in zip(cells, _RESULT_KEYS, strict=True) if k in keep))
            self._results.append(pair)
            self._story_rows.append(story)
        if rows:
            table.move_cursor(row=min(current, len(rows) - 1), animate=False)

    def _verdict_cell(self, verdict: str) -> Text:
        style = {
            "rewrite": "bold green",
            "identical": "bold green",
            "related": "yellow",
            "story": "bold reverse",
        }.get(verdict, "dim")
        return Text(verdict, style=style, end="")

    def _entry_cells(self, verdict: str, name: str, why: str) -> list[Text | str]:
        article = self.articles.get(str(self.folder / name))
        title = article.title if article else display_echo(name)
        date = article.date if article else ""
        return [
            self._verdict_cell(verdict),
            Text(title, end=""),
            date,
            Text(display_text(why)[0], style="dim", end=""),
        ]

    def _rewrite_rows(
        self,
    ) -> list[tuple[list[Text | str], tuple[str, str] | None, int | None]]:
        if not self.mark_a:
            return [(self._note("Mark an article as A (a), then press r."), None, None)]
        if self.found is None or self.ranking:
            waiting = "ranking the folder against A…"
            if not self.index_ready:
                waiting = "the folder is being indexed; the rewrites follow…"
            return [(self._note(waiting), None, None)]
        if self.rank_error is not None:
            # Not "nothing shares enough with A": A itself could not be read (deleted,
            # replaced by a binary file) and nothing was compared.
            text = display_echo(f"Cannot rank the folder: {self.rank_error}")
            return [(self._note(text), None, None)]
        if not self.found:
            return [(self._note("Nothing in the folder shares enough with A."), None, None)]
        a = self.mark_a
        return [
            (
                self._entry_cells(found.label, found.entry.name, found.reasons),
                (a, str(self.folder / found.entry.name)),
                None,
            )
            for found in self.found
        ]

    def _note(self, text: str) -> list[Text | str]:
        return ["", Text(text, style="italic", end=""), "", ""]

    def _stories_rows(
        self,
    ) -> list[tuple[list[Text | str], tuple[str, str] | None, int | None]]:
        if self.stories is None:
            waiting = "grouping the folder into stories…"
            if not self.index_ready:
                waiting = "the folder is being indexed; the stories follow…"
            return [(self._note(waiting), None, None)]
        rows: list[tuple[list[Text | str], tuple[str, str] | None, int | None]] = []
        for number, story in enumerate(self.stories):
            if not story.members and not story.related:
                continue
            pivot = str(self.folder / story.pivot.name)
            first = str(self.folder / story.members[0][0].name) if story.members else None
            counts = f"{plural(len(story.members), 'rewrite')}, {len(story.related)} related"
            rows.append(
                (
                    self._entry_cells("story", story.pivot.name, counts),
                    (pivot, first) if first else None,
                    number,
                )
            )
            for entry, check in story.members:
                same = story.same_text.get(entry.id)
                label = "rewrite"
                why = _story_reason(check)
                if same is not None and same.id == story.pivot.id:
                    label, why = "identical", f"identical text; {why}"
                elif same is not None:
                    why = f"same text as {same.name}; {why}"
                rows.append(
                    (
                        self._entry_cells(label, entry.name, why),
                        (pivot, str(self.folder / entry.name)),
                        number,
                    )
                )
            for entry, related_check, owner in story.related:
                why = _story_reason(related_check) if related_check else ""
                if owner is not None:
                    why = f"{why}; " if why else ""
                    why += f"a rewrite of {owner.name}"
                rows.append(
                    (
                        self._entry_cells("related", entry.name, why),
                        (pivot, str(self.folder / entry.name)),
                        number,
                    )
                )
        if not rows:
            rows.append((self._note("No story in the folder has a rewrite."), None, None))
        return rows

    def _result_article(self) -> Article | None:
        """The article (B of the pair) under the results table's cursor."""
        row = self._results_table.cursor_row
        story = self.story_at_cursor()
        if story is not None and self._result_why() is not None:
            verdict = self._results_table.get_row_at(row)[0]
            if getattr(verdict, "plain", "") == "story":
                return self.articles.get(str(self.folder / story.pivot.name))
        if not 0 <= row < len(self._results) or self._results[row] is None:
            if 0 <= row < len(self._story_rows) and self._story_rows[row] is not None:
                story = (self.stories or [])[self._story_rows[row] or 0]
                return self.articles.get(str(self.folder / story.pivot.name))
            return None
        pair = self._results[row]
        assert pair is not None
        return self.articles.get(pair[1])

    def _result_why(self) -> str | None:
        """The verdict and reasons of the results row under the cursor, in full."""
        table = self._results_table
        row = table.cursor_row
        if not 0 <= row < table.row_count or not self._results:
            return None
        cells = table.get_row_at(row)
        verdict = getattr(cells[0], "plain", str(cells[0]))
        why = getattr(cells[-1], "plain", str(cells[-1]))
        return f"{verdict}: {why}" if verdict and why else None

    def story_at_cursor(self) -> StoryView | None:
        """The story under the cursor of the stories view (None elsewhere)."""
        row = self._results_table.cursor_row
        if self.view != "stories" or not 0 <= row < len(self._story_rows):
            return None
        number = self._story_rows[row]
        return None if number is None or self.stories is None else self.stories[number]

    def story_versions(self, story: StoryView | None = None) -> list[Path]:
        """The versions of ``story`` (default: the one under the cursor), pivot first,
        then its rewrites in the order listed (each text once: copies of one add nothing):
        what a view of several versions opens."""
        story = story or self.story_at_cursor()
        if story is None:
            return []
        return [self.folder / story.pivot.name] + [
            self.folder / entry.name
            for entry, _ in story.members
            if entry.id not in story.same_text
        ]

    def _progress_reporter(self, status: str) -> Callable[[int, int], None]:
        """A progress callback for the index (worker thread): it stops the work when the
        worker is cancelled and posts at most ten updates a second, and the last one."""
        worker = get_current_worker()
        last = [0.0]

        def progress(done: int, total: int) -> None:
            if worker.is_cancelled:
                raise _Stopped
            now = time.perf_counter()
            if now - last[0] > 0.1 or done == total:
                last[0] = now
                self.post_message(self._Progress(status, done, total))

        return progress

    @work(thread=True, exclusive=True, group="stories")
    def _group(self) -> None:
        """Group the folder into stories through the index (worker thread)."""
        from diffreader.storage.corpus_index import CorpusIndex

        progress = self._progress_reporter("verifying")

        try:
            with CorpusIndex(self.folder, getattr(self.app, "data_dir", None)) as index:
                stories = index.stories(progress)
        except _Stopped:
            return
        except Exception as error:  # never stop the corpus screen
            self.app.call_from_thread(self._grouped, None, str(error))
            return
        self.app.call_from_thread(self._grouped, stories, None)

    def _grouped(self, stories: list[StoryView] | None, error: str | None) -> None:
        self._grouping = False
        self._status = ""
        self._show_loading()
        if self._folder_gone():  # stories of files that are gone, none verified: not so
            return
        if stories is None:
            self.notify(f"Cannot group the folder: {error}", severity="warning")
            stories = []
        self.stories = stories
        self._update_title()
        if self.view == "stories":
            self._fill_results()

    def _start_grouping(self) -> None:
        if self.index_ready and self.stories is None and not self._grouping:
            self._grouping = True
            self._show_loading()
            self.query_one(ProgressBar).update(total=None, progress=0)
            self._group()

    def action_rewrites(self) -> None:
        """Show the rewrites of A (toggles back to the list)."""
        if self.view == "rewrites":
            self.view = "list"
            return
        if self._folder_gone():
            return
        if not self.mark_a:
            self.notify("Mark an article as A first (a), then press r.", timeout=3)
            return
        self.view = "rewrites"

    def action_stories(self) -> None:
        """Show the folder's stories (toggles back to the list)."""
        if self.view == "stories":
            self.view = "list"
            return
        if self._folder_gone():
            return
        self.view = "stories"
        self._start_grouping()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "mark_version":
            return self.view == "list"  # it marks the list's article, hidden elsewhere
        if action == "versions":
            if self.view == "list":
                # Offered once marking has begun: it then opens the marked versions or
                # says what is still to mark.
                return bool(self.mark_a or self.mark_b or self.mark_versions)
            return self.view == "stories"
        return True

    def marked_versions(self) -> list[str]:
        """The versions marked to compare with A: B first, then those marked V."""
        return ([self.mark_b] if self.mark_b else []) + [
            key for key in self.mark_versions if key not in (self.mark_a, self.mark_b)
        ]

    def action_versions(self) -> None:
        """Open the multi-version view: in the list, A against B and the articles marked
        V; in the stories view, the story under the cursor (pivot against its rewrites)."""
        if self._folder_gone():
            return
        if self.view == "list":
            self._open_marked_versions()
            return
        paths = self.story_versions()
        if len(paths) < 3:
            self.notify(
                "This story has fewer than two rewrites: Enter compares its pivot with one.",
                timeout=4,
            )
            return
        open_versions = getattr(self.app, "open_versions", None)
        if open_versions is not None:
            open_versions(paths[0], paths[1:])

    def _open_marked_versions(self) -> None:
        versions = self.marked_versions()
        if not self.mark_a:
            self.notify(
                "Mark the original as A (a), then two or more versions (b, m), then press v.",
                timeout=4,
            )
            return
        if len(versions) < 2:
            missing = 2 - len(versions)
            self.notify(
                f"Mark {plural(missing, 'more version')} (b or m) to compare"
                " A with several versions; Enter compares A with B.",
                timeout=4,
            )
            return
        open_versions = getattr(self.app, "open_versions", None)
        if open_versions is not None:
            open_versions(Path(self.mark_a), [Path(key) for key in versions])

    # -- actions ------------------------------------------------------------------------

    def _refused_file(self, article: Article) -> bool:
        """Whether ``article`` cannot be compared (a refused file), saying why."""
        if article.error is None:
            return False
        self.notify(
            f"{article.path.name}: {article.error}",
            title="Cannot use this file",
            severity="warning",
        )
        return True

    def _mark(self, which: str) -> None:
        article = self.highlighted
        if article is None or self._folder_gone():
            return
        if self._refused_file(article):
            return
        other = self.mark_b if which == "a" else self.mark_a
        if other == article.key:
            # Marking the other side's article moves the mark (no self-comparison).
            if which == "a":
                self.mark_b = None
            else:
                self.mark_a = None
        if article.key in self.mark_versions:
            # A is the original, and B is a version already: the V mark moves too.
            self.mark_versions = tuple(k for k in self.mark_versions if k != article.key)
        setattr(self, f"mark_{which}", article.key)

    def action_mark_a(self) -> None:
        self._mark("a")

    def action_mark_b(self) -> None:
        self._mark("b")

    def action_mark_version(self) -> None:
        """Mark the highlighted article as one more version (V), or unmark it."""
        article = self.highlighted
        if article is None:
            return
        if article.key in self.mark_versions:
            self.mark_versions = tuple(k for k in self.mark_versions if k != article.key)
            return
        if self._refused_file(article):
            return
        if article.key == self.mark_a:
            self.notify("This is A, the original: mark a version on another article.", timeout=3)
            return
        if article.key == self.mark_b:
            self.notify("This is B, already one of the versions.", timeout=3)
            return
        self.mark_versions = (*self.mark_versions, article.key)

    def action_swap(self) -> None:
        self.mark_a, self.mark_b = self.mark_b, self.mark_a

    class _CompareNow(Message):
        """Enter, routed through the table's queue (see ``action_compare``)."""

    def action_compare(self) -> None:
        table = self._table if self.view == "list" else self._results_table
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
        if self._folder_gone():
            return
        if self.view != "list":
            row = self._results_table.cursor_row
            pair = self._results[row] if 0 <= row < len(self._results) else None
            if pair is None:
                self.notify("Pick a rewrite or a related article to compare.", timeout=3)
                return
            first, second = self.articles.get(pair[0]), self.articles.get(pair[1])
            if first is not None and second is not None:
                self._open_pair(first, second)
            return
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
            if b is None or b.key == a.key or b.error is not None:
                self.notify("Pick a different article as B.", timeout=3)
                return
        self._open_pair(a, b)

    @work(thread=True, exclusive=True, group="open")
    def _open_pair(self, a: Article, b: Article) -> None:
        """Parse both articles (worker thread), then ask for their comparison."""
        from diffreader.engine.load import LoadError

        try:
            doc_a, doc_b = a.load(), b.load()
        except LoadError as error:
            self.app.call_from_thread(self._cannot_open, str(error))
            return
        self.post_message(CompareRequested(doc_a, doc_b))

    def _cannot_open(self, reason: str) -> None:
        if not self._folder_gone():  # gone meanwhile: that is what to say
            self.notify(
                f"Cannot compare: {reason}",  # made literal by the app's notify
                title="Cannot use this file",
                severity="warning",
            )

    def _folder_gone(self) -> bool:
        """Whether the folder is gone (deleted or renamed since it was listed), saying so.

        Each time something needs the folder (rewrites, stories, marks, a comparison) or
        a worker that read it ends: a notification (one while it is on screen, however
        many keys are pressed) and ``folder gone`` in the header,
        and back to the list, which holds what the folder was read as. What a worker
        made of a folder that went (articles refused as missing, stories of nothing
        verified) is not shown as if the folder said so. A folder put back is used again.
        """
        try:
            present = self.folder.is_dir()
        except OSError:
            present = False
        if present:
            if self.folder_gone:
                self.folder_gone = False
                self._update_title()
            return False
        said = self.folder_gone and time.monotonic() - self._gone_said < _GONE_SECONDS
        self.folder_gone = True
        self.indexing = self._grouping = False
        self._status = ""
        if self.view != "list":
            self.view = "list"
        self._update_title()
        if said:  # the notification is still on screen: not a second one over it
            return True
        self._gone_said = time.monotonic()
        self.notify(
            f"{display_path(self.folder)}: the folder is gone (deleted or renamed since it "
            "was opened). The list shows what it held; rewrites, stories and comparisons "
            "need the folder: open it again where it is now (diffreader DIR).",
            title="Folder gone",
            severity="error",
            timeout=_GONE_SECONDS,
        )
        return True

    def action_cursor(self, step: int) -> None:
        """j/k move through the list as the arrow keys do (vi keys, as in the diff)."""
        table = self._table if self.view == "list" else self._results_table
        if step > 0:
            table.action_cursor_down()
        else:
            table.action_cursor_up()

    def action_filter(self) -> None:
        self.view = "list"
        # At once, not after the keys already read (``focus()`` waits for them): those
        # are the filter's (``DiffReaderApp.on_key``); "/bar" typed fast marked B and A
        # and opened the rewrites.
        self.set_focus(self.query_one("#filter", Input))

    def action_cycle_sort(self) -> None:
        order = SORTS if self.mark_a else SORTS[:-1]
        position = order.index(self.sort_key) if self.sort_key in order else -1
        self.sort_key = order[(position + 1) % len(order)]

    def action_sort(self, key: str) -> None:
        """Sort by ``key`` (one of ``SORTS``)."""
        if key in SORTS:
            self.sort_key = key

    def action_clear(self) -> None:
        if self.view != "list":
            self.view = "list"
            return
        filter_input = self.query_one("#filter", Input)
        if filter_input.value:
            filter_input.value = ""
        elif self.mark_a or self.mark_b or self.mark_versions:
            self.mark_a = self.mark_b = None
            self.mark_versions = ()
        self._table.focus()

    async def action_quit(self) -> None:
        self.app.exit()

    def extra_commands(self) -> list[tuple[str, str, str]]:
        """Palette commands without a key of their own: (title, help, action)."""
        return [
            (f"Sort by {key}", f"Sort the article list by {key}", f"sort('{key}')") for key in SORTS
        ]


_RESULT_KEYS = ("verdict", "title", "date", "why")


class _Stopped(Exception):
    """Raised in a progress callback when the worker was cancelled (the screen closed)."""


def _file_order(article: Article) -> tuple[str, str]:
    """The listing's order: by name, case-blind (as ``storage.corpus_index.scan``)."""
    return (article.path.name.casefold(), article.path.name)


def _matches(article: Article, needle: str) -> bool:
    return needle in article.haystack or needle in article.path.name.lower()


def _story_reason(check: object) -> str:
    """What a story member's verdict was read from."""
    quotations = getattr(check, "quotations", 0)
    facts = getattr(check, "facts", None)
    matched = getattr(check, "matched", 0.0)
    parts = []
    if quotations:
        parts.append(plural(quotations, "shared quotation"))
    if facts is not None:
        parts.append(plural(facts, "shared name or figure", "shared names and figures"))
    return ", ".join([*parts, f"{round(matched * 100)}% of sentences matched"])


def _word_count(words: int) -> str:
    """A word count in the Words column's five characters: a longer number was cut there
    (1,000,000 words showed as "10000").

    >>> [_word_count(n) for n in (397, 99_999, 100_000, 1_234_567, 12_000_000)]
    ['397', '99999', '100k', '1.2M', '12M']
    """
    if words < 100_000:
        return str(words)
    if words < 1_000_000:
        return f"{words // 1000}k"
    if words < 10_000_000:
        return f"{words / 1_000_000:.1f}M"
    return f"{words // 1_000_000}M"
