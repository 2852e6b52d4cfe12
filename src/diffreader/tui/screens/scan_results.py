"""Provides ``ScanResultsScreen``: the stories and verified pairs of a ``diffreader scan``.

``diffreader RESULTS`` opens it when RESULTS holds a scan's manifest. Two lists, switched
with ``p``: the **stories** (each pivot, then its identical copies, its rewrites and related
articles; a copy of a rewrite's text is listed after it as ``rewrite (copy)``, by file
name) and every verified **pair** (rewrites first, then related, then unrelated). Enter opens the
highlighted pair in the diff screen, with its review as for any pair (marks are keyed by
the two texts, so a pair reviewed here is reviewed everywhere); q there comes back.

The results are read in a thread worker (a large scan's files take a moment) and shown
literally: titles and file names go through ``display_echo`` (what draws nothing shown,
as in the corpus list), the rest through ``display_text``.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from diffreader.plural import plural
from diffreader.scan.results import Results, ResultsError, ScanPair, read_results
from diffreader.tui.textutil import display_echo, display_path, display_text

__all__ = ["ScanResultsScreen"]

_ORDER = {"rewrite": 0, "related": 1, "unrelated": 2}


def _label(title: str | None, path: str) -> str:
    """An article as a cell: its title, else its file name (literal; a title line, so
    what draws nothing is shown, ``display_echo``, as in the corpus list and the diff)."""
    shown = display_echo(title) if title else display_echo(Path(path).name)
    return shown.replace("\n", " ")


def _percent(value: float) -> str:
    return f"{round(value * 100)}%"


class ScanResultsScreen(Screen[None]):
    """The stories and pairs of a scan's results folder.

    Args:
        folder: The results folder (``diffreader scan ... -o folder``).
    """

    DEFAULT_CSS = """
    ScanResultsScreen #scan-title {
        height: 1;
        background: $panel;
        color: $foreground;
    }
    ScanResultsScreen #scan-table {
        height: 1fr;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "open_pair",
            "Open pair",
            id="scan.open",
            priority=True,
            tooltip="Compare the highlighted pair (the story's first rewrite on a story row)",
        ),
        Binding(
            "p",
            "toggle_view",
            "Stories/pairs",
            id="scan.toggle_view",
            tooltip="Switch between the stories and every verified pair",
        ),
        Binding("q", "quit", "Quit", id="scan.quit", tooltip="Quit diffreader"),
        Binding("j", "cursor(1)", "Down", show=False, id="scan.down", tooltip="Next row"),
        Binding("k", "cursor(-1)", "Up", show=False, id="scan.up", tooltip="Previous row"),
    ]
    HELP_SECTION = "Scan results"

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.results: Results | None = None
        """The results once read."""
        self.view = "stories"
        """``stories`` or ``pairs``."""
        self._rows: dict[str, tuple[str, str] | None] = {}
        """Row key -> the pair it opens (``None``: a row with nothing to open)."""

    def compose(self) -> ComposeResult:
        yield Static(id="scan-title")
        yield DataTable(id="scan-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Verdict", "Matched", "Quotes", "Original (A)", "Rewrite (B)")
        table.focus()
        self.query_one("#scan-title", Static).update(
            Text(f" Reading {display_path(self.folder)} …")
        )
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        """Read the results (a thread: a large scan's files take a moment)."""
        try:
            results = read_results(self.folder)
        except (ResultsError, OSError) as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._loaded, results)

    def _failed(self, reason: str) -> None:
        self.query_one("#scan-title", Static).update(Text(" " + display_echo(reason)))
        self.notify(reason, title="Scan results", severity="error")

    def _loaded(self, results: Results) -> None:
        self.results = results
        self._fill()

    def _title(self) -> str:
        results = self.results
        if results is None:
            return ""
        counts = results.manifest.get("counts")
        counts = counts if isinstance(counts, dict) else {}
        rewrites = sum(1 for p in results.pairs if p.verdict == "rewrite" and not p.identical)
        related = sum(1 for p in results.pairs if p.verdict == "related")
        identical = counts.get("identical")
        copies = (
            f" ({plural(identical, 'identical copy', 'identical copies')})"
            if isinstance(identical, int) and identical
            else ""
        )
        articles = counts.get("articles")
        stories = sum(1 for s in results.stories if s.members)
        text = (
            f" Scan {display_path(results.folder)}: "
            f"{plural(articles, 'article') if isinstance(articles, int) else '? articles'}"
            f"{copies}, "
            f"{plural(len(results.pairs), 'pair')} verified "
            f"({plural(rewrites, 'rewrite')}, {related:,} related), "
            f"{plural(stories, 'story', 'stories')} with rewrites"
            f"  [{self.view}]"
        )
        if not results.complete:
            text += "  (unfinished: run the same diffreader scan again to complete it)"
        return display_text(text)[0]

    def _pair_cells(
        self, pair: ScanPair, indent: str = "", pivot: str | None = None
    ) -> tuple[Text, ...]:
        """A pair's cells; a copy of a text (not the story's ``pivot``) by its file name,
        as its title is the text's."""
        verdict = pair.verdict if pair.verdict != "linked" else "related (other story)"
        if pair.identical:
            verdict = "identical"
        elif pair.copy_of is not None:
            verdict += " (copy)"
        figures = pair.verdict not in ("linked", "unverified")
        copy = pair.identical or pair.copy_of is not None
        return (
            Text(indent + verdict),
            Text(_percent(pair.matched) if figures else ""),
            Text(str(pair.quotations) if figures else ""),
            Text(_label(None if copy and pair.a != pivot else pair.a_title, pair.a)),
            Text(_label(None if copy and pair.b != pivot else pair.b_title, pair.b)),
        )

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        self._rows.clear()
        self.query_one("#scan-title", Static).update(Text(self._title()))
        results = self.results
        if results is None:
            return
        if self.view == "stories":
            for number, story in enumerate(results.stories):
                identical = sum(1 for p in story.members if p.identical)
                # Enter on the story opens its first rewrite, not a copy of the pivot.
                pairs = [p for p in story.members if not p.identical] or [
                    *story.members,
                    *story.related,
                ]
                key = f"s{number}"
                self._rows[key] = (pairs[0].a, pairs[0].b) if pairs else None
                heading = f"story · {plural(len(story.members) - identical, 'rewrite')}"
                if identical:
                    heading += f", {identical} identical"
                table.add_row(
                    Text(heading, style="bold"),
                    Text(""),
                    Text(""),
                    Text(_label(story.title, story.pivot), style="bold"),
                    Text(display_text(story.date or "")[0]),
                    key=key,
                )
                for kind, linked in (("m", story.members), ("r", story.related)):
                    for index, pair in enumerate(linked):
                        row = f"s{number}{kind}{index}"
                        self._rows[row] = (pair.a, pair.b)
                        table.add_row(*self._pair_cells(pair, "  ", story.pivot), key=row)
        else:
            ordered = sorted(
                results.pairs, key=lambda p: (_ORDER.get(p.verdict, 3), -p.matched, p.a, p.b)
            )
            for index, pair in enumerate(ordered):
                key = f"p{index}"
                self._rows[key] = (pair.a, pair.b)
                table.add_row(*self._pair_cells(pair), key=key)

    def highlighted_pair(self) -> tuple[str, str] | None:
        """The pair Enter would open."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self._rows.get(key or "")

    def action_open_pair(self) -> None:
        from diffreader.tui.screens.diff import DiffScreen

        pair = self.highlighted_pair()
        if pair is None:
            self.notify("Nothing to compare on this row.", title="Scan results")
            return
        self.app.push_screen(DiffScreen(Path(pair[0]), Path(pair[1])))

    def action_toggle_view(self) -> None:
        self.view = "pairs" if self.view == "stories" else "stories"
        self._fill()

    def action_cursor(self, step: int) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            row = max(0, min(table.row_count - 1, table.cursor_row + step))
            table.move_cursor(row=row)

    async def action_quit(self) -> None:
        self.app.exit()

    @on(DataTable.RowSelected)
    def _selected(self, _event: DataTable.RowSelected) -> None:
        self.action_open_pair()
