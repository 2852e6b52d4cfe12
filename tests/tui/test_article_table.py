"""Pilot tests of ``ArticleTable``, the corpus list's virtual table, in an app of its own.

Cells come from a callback that counts its calls, so the tests can say which rows the table
built: only the rows it painted, never the 10,000 it holds.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.message import Message
from textual.strip import Strip

from diffreader.tui.widgets.article_table import (
    CACHE_ROWS,
    ArticleTable,
    render_cell,
    render_cell_with_rich,
)

COLUMNS = (("mark", " ", 1), ("title", "Title", 30), ("n", "N", 6))
SIZE = (60, 12)
"""12 lines: the header and 11 rows."""


class TableApp(App[None]):
    """One ``ArticleTable`` of ``rows`` keys ("k0", "k1", ...), recording its messages."""

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows
        self.built: list[str] = []
        self.messages: list[Message] = []
        self.marked: set[str] = set()

    def cells(self, key: str) -> Sequence[Text | str]:
        self.built.append(key)
        mark = Text("A", style="bold reverse", end="") if key in self.marked else ""
        return [mark, Text(f"Title of {key}", end=""), key[1:]]

    def compose(self) -> ComposeResult:
        yield ArticleTable(self.cells, id="table")

    def on_mount(self) -> None:
        table = self.table
        table.set_columns(COLUMNS)
        table.set_rows(f"k{n}" for n in range(self.rows))
        table.focus()

    @property
    def table(self) -> ArticleTable:
        return self.query_one(ArticleTable)

    def on_article_table_row_highlighted(self, message: ArticleTable.RowHighlighted) -> None:
        self.messages.append(message)

    def on_article_table_row_selected(self, message: ArticleTable.RowSelected) -> None:
        self.messages.append(message)

    def on_article_table_header_selected(self, message: ArticleTable.HeaderSelected) -> None:
        self.messages.append(message)


def screen_lines(app: App[None]) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def test_ten_thousand_keys_build_only_the_rows_in_view() -> None:
    app = TableApp(10_000)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.table
        assert table.row_count == 10_000
        assert sorted(app.built) == sorted(f"k{n}" for n in range(11))
        assert table.rows_built == 11
        lines = screen_lines(app)
        assert "Title" in lines[0] and "Title of k0" in lines[1] and "Title of k10" in lines[11]
        # A page (11 rows) down builds the next page only; coming back builds nothing.
        await pilot.press("pagedown")
        await pilot.pause()
        assert table.cursor_row == 11
        assert table.rows_built == 22
        built = table.rows_built
        await pilot.press("pageup")
        await pilot.pause()
        assert table.cursor_row == 0 and table.rows_built == built
        # The end of the list: only the last page is built.
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == 9_999 and table.cursor_key == "k9999"
        assert table.rows_built <= built + 11
        assert "Title of k9999" in screen_lines(app)[11]
        assert len(set(app.built)) <= 3 * 11 < CACHE_ROWS


async def test_cursor_keys_and_page_down_at_the_end() -> None:
    app = TableApp(25)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.table
        await pilot.press("down", "down")
        assert table.cursor_row == 2
        await pilot.press("up")
        assert table.cursor_row == 1
        await pilot.press("up", "up")  # stops at the first row
        assert table.cursor_row == 0
        await pilot.press("pagedown", "pagedown")  # 11 rows a page
        assert table.cursor_row == 22
        await pilot.press("pagedown")  # the last page: the last row, never past it
        assert table.cursor_row == 24
        await pilot.pause()
        assert table.scroll_y == table.max_scroll_y > 0
        assert "Title of k24" in screen_lines(app)[11]
        await pilot.press("pagedown")
        assert table.cursor_row == 24
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.pause()
        assert table.scroll_y == 0
        await pilot.press("end", "pageup")
        assert table.cursor_row == 13
        highlighted = [m.key for m in app.messages if isinstance(m, ArticleTable.RowHighlighted)]
        assert highlighted[:4] == ["k0", "k1", "k2", "k1"]
        assert highlighted[-1] == "k13"
        await pilot.press("enter")
        await pilot.pause()
        selected = [m for m in app.messages if isinstance(m, ArticleTable.RowSelected)]
        assert [(m.key, m.cursor_row) for m in selected] == [("k13", 13)]


async def test_a_click_highlights_then_selects_and_a_header_click_names_its_column() -> None:
    app = TableApp(50)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.table
        # Line 0 is the header; row n is on line n + 1.
        assert await pilot.click("#table", offset=(10, 4))
        assert table.cursor_row == 3
        assert not [m for m in app.messages if isinstance(m, ArticleTable.RowSelected)]
        assert await pilot.click("#table", offset=(10, 4))  # the highlighted row: selected
        await pilot.pause()
        assert [m.key for m in app.messages if isinstance(m, ArticleTable.RowSelected)] == ["k3"]
        # The mark column is 3 cells (1 and its padding), the title 32, then "N".
        for x in (1, 10, 36):
            assert await pilot.click("#table", offset=(x, 0))
        await pilot.pause()
        headers = [m for m in app.messages if isinstance(m, ArticleTable.HeaderSelected)]
        assert [(m.column_key, m.column_index) for m in headers] == [
            ("mark", 0),
            ("title", 1),
            ("n", 2),
        ]
        assert table.cursor_row == 3  # a header click never moves the cursor
        # The wheel scrolls the view, not the cursor.
        for _ in range(3):
            await pilot._post_mouse_events([events.MouseScrollDown], "#table", offset=(10, 5))
        await pilot.pause()
        assert table.scroll_y > 0 and table.cursor_row == 3
        # A click lands on the row shown there, wherever the view is scrolled.
        top = int(table.scroll_y)
        assert await pilot.click("#table", offset=(10, 1))
        assert table.cursor_row == top


async def test_rows_change_through_set_rows_append_and_invalidate() -> None:
    app = TableApp(30)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.table
        await pilot.press("down", "down", "down")
        assert table.cursor_key == "k3"
        # Appending keeps the rows built and the cursor.
        built = table.rows_built
        table.append_rows(["x1", "x2"])
        await pilot.pause()
        assert table.row_count == 32 and table.get_row_index("x2") == 31
        assert table.rows_built == built and table.cursor_key == "k3"
        # A new order keeps the cursor on its key, and builds the rows in view again.
        table.set_rows(reversed(list(table.keys)))
        await pilot.pause()
        assert table.cursor_key == "k3" and table.cursor_row == 28
        assert "Title of k3" in "\n".join(screen_lines(app))
        # A key that is gone: the cursor stays on the same row number.
        table.set_rows([key for key in table.keys if key != "k3"])
        await pilot.pause()
        assert table.cursor_row == 28 and table.cursor_key == "k2"
        # Invalidating one key builds that row again, and only that row.
        app.marked.add("k2")
        app.built.clear()
        table.invalidate(["k2"])
        await pilot.pause()
        assert app.built == ["k2"]
        assert str(table.get_row("k2")[0]) == "A"


async def test_cells_are_shown_literally_and_the_cursor_follows_the_look() -> None:
    class Hostile(TableApp):
        def cells(self, key: str) -> Sequence[Text | str]:
            return ["", "[bold]not bold[/] \x1b[31m", "[red]x"]

    app = Hostile(3)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = screen_lines(app)[1]
        assert "[bold]not bold[/]" in first and "[red]x" in first
        table = app.table
        cursor_style = table.get_component_rich_style("article-table--cursor")
        row = table.render_line(1)
        assert any(seg.style and seg.style.bgcolor == cursor_style.bgcolor for seg in row)
        other = table.render_line(2)
        assert not any(seg.style and seg.style.bgcolor == cursor_style.bgcolor for seg in other)


_CHARS = st.sampled_from(
    ["a", "Z", " ", "[", "]", "/", "\t", "é", "字", "🇷🇺", "🕊️", "\u200b", "…", "x" * 5]
)
_STYLES = st.sampled_from(["", "bold", "italic red", "bold reverse", "dim", "green on blue"])


@st.composite
def _cells(draw: st.DrawFn) -> Text | str:
    """A cell: plain, or styled in runs of whole characters (as titles and figures are)."""
    chunks = draw(st.lists(st.tuples(_CHARS, _STYLES), max_size=10))
    if draw(st.booleans()):
        return "".join(chunk for chunk, _ in chunks)
    text = Text(style=draw(_STYLES), end="")
    for chunk, style in chunks:
        text.append(chunk, style)
    return text


def _visible(segments: list[Segment]) -> Strip:
    return Strip([segment for segment in segments if segment.text]).simplify()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cell=_cells(),
    width=st.integers(1, 20),
    pre=st.sampled_from([Style(), Style(bgcolor="grey11", meta={"row": 1, "column": 2})]),
    post=st.sampled_from([Style(), Style(color="white")]),
)
def test_a_cell_renders_as_rich_renders_it(
    cell: Text | str, width: int, pre: Style, post: Style
) -> None:
    """The direct way to a cell's line gives what Rich's renderables give (DataTable's)."""
    console = Console(width=80, legacy_windows=False, force_terminal=True)
    options = console.options.update(height=1, no_wrap=True)
    # Empty segments show nothing (and split runs of one style): left out of the comparison.
    fast = _visible(render_cell(console, options, cell, width, pre, post))
    slow = _visible(render_cell_with_rich(console, options, cell, width, pre, post))
    assert fast.cell_length == slow.cell_length == width + 2
    assert [(s.text, s.style) for s in fast if s.text] == [
        (s.text, s.style) for s in slow if s.text
    ]
