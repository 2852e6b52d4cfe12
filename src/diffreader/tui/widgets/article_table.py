"""Provides ``ArticleTable``: a virtual table of one-line rows, painted through the Line API.

The corpus screen lists folders of 100,000 articles. A ``DataTable`` holds every row's cells
and re-sorts, measures and clears them row by row, so the screen spent most of its time
building cells nobody would see. ``ArticleTable`` holds only the ordered list of row keys and
a callback (``cells``) that builds a row's cells when the row is painted: only the lines in
view are rendered (``render_line``), and the rows rendered are kept in a bounded LRU cache
(``CACHE_ROWS``) until the screen says they changed (``invalidate``, ``set_rows``).

Columns have fixed widths (the screen's column plan); each cell is padded by one cell on
both sides and gives the segments ``DataTable`` gives (``Styled(Padding(cell))``, here made
directly for one-line text: ``render_cell``), with the same component styles (header, zebra
stripes, cursor, hover) and the same meta, so the list looks as it did. Cells are shown
literally: a ``str`` cell is plain text, never markup.

Key table (the corpus screen adds its own):

| Key | Action |
| :- | :- |
| down / up | Next / previous row |
| pagedown / pageup | Page down / up |
| home, ctrl+home / end, ctrl+end | First / last row |
| enter | Select the row (``RowSelected``) |

Messages: ``RowHighlighted`` whenever the key under the cursor changes, ``RowSelected`` (Enter,
or a click on the highlighted row), ``HeaderSelected`` (a click on a column's header).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.renderables.styled import Styled
from textual.scroll_view import ScrollView
from textual.strip import Strip

__all__ = ["CACHE_ROWS", "ArticleTable", "Column", "render_cell", "render_cell_with_rich"]

CACHE_ROWS = 1_000
"""How many rows' cells (and rendered lines) are kept: a few screens' worth."""

CellsFunction = Callable[[str], Sequence[Text | str]]
"""Builds the cells of the row with a given key, one per column."""


_JOIN = Text("\n")


def render_cell(
    console: Console,
    options: ConsoleOptions,
    cell: Text | str,
    width: int,
    pre: Style,
    post: Style,
) -> list[Segment]:
    """One line of ``cell``, ``width`` cells wide and padded by one on both sides, styled
    ``pre`` under the cell's own styles and ``post`` over them: the segments ``DataTable``
    renders (``Styled(Padding(cell, (0, 1)))``, on one line, not wrapped), made directly for
    a one-line text; anything else takes Rich's way (``render_cell_with_rich``).
    """
    text = Text(cell, end="") if isinstance(cell, str) else cell
    plain = text.plain
    if "\n" in plain or text.justify not in (None, "default") or options.justify is not None:
        return render_cell_with_rich(console, options, text, width, pre, post)
    # Text.wrap with no_wrap: the tabs expanded, then truncated to the width.
    line = text
    if "\t" in plain:
        line = text.copy()
        tab_size = console.tab_size if text.tab_size is None else text.tab_size
        line.expand_tabs(tab_size or 8)
    if cell_len(line.plain) > width:
        line = line.copy() if line is text else line
        line.truncate(width, overflow=text.overflow or options.overflow or "fold")
    # Joined as Text.__rich_console__ joins its lines: the base style becomes a span.
    rendered = [segment for segment in _JOIN.join([line]).render(console) if segment.text]
    # Fitted as Rich fits a line (by its segments' lengths: a grapheme split by a style
    # change counts apart).
    blank = Style.null()
    segments = [
        Segment(" ", blank),
        *Segment.adjust_line_length(rendered, width, style=blank, pad=True),
        Segment(" ", blank),
    ]
    return list(Segment.apply_style(segments, pre, post))


def render_cell_with_rich(
    console: Console,
    options: ConsoleOptions,
    cell: Text | str,
    width: int,
    pre: Style,
    post: Style,
) -> list[Segment]:
    """``render_cell`` through Rich's renderables, as ``DataTable`` renders a cell."""
    text = Text(cell, end="") if isinstance(cell, str) else cell
    lines = console.render_lines(
        Styled(Padding(text, (0, 1)), pre_style=pre, post_style=post),
        options.update_dimensions(width + 2, 1).update(no_wrap=True),
    )
    return lines[0]


class Column(NamedTuple):
    """A column of the table."""

    key: str
    label: str
    width: int
    """Content width in cells (each cell is padded by one on both sides)."""


class ArticleTable(ScrollView, can_focus=True):
    """A table of one-line rows whose cells are built only when the row is painted.

    Args:
        cells: Builds a row's cells from its key (see ``CellsFunction``).
        zebra_stripes: Alternate the rows' backgrounds.
        name: The widget's name.
        id: The widget's id.
        classes: The widget's CSS classes.
    """

    HELP_SECTION = "List"
    """The help screen's name for these keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", show=False, id="list.down", tooltip="Next row"),
        Binding("up", "cursor_up", "Up", show=False, id="list.up", tooltip="Previous row"),
        Binding(
            "pagedown",
            "page_down",
            "Page down",
            show=False,
            id="list.page_down",
            tooltip="One page down",
        ),
        Binding(
            "pageup", "page_up", "Page up", show=False, id="list.page_up", tooltip="One page up"
        ),
        Binding("home,ctrl+home", "first", "Top", show=False, id="list.first", tooltip="First row"),
        Binding("end,ctrl+end", "last", "Bottom", show=False, id="list.last", tooltip="Last row"),
        Binding(
            "enter",
            "select_cursor",
            "Select",
            show=False,
            id="list.select",
            tooltip="Select the highlighted row",
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-table--header",
        "article-table--header-hover",
        "article-table--odd-row",
        "article-table--even-row",
        "article-table--cursor",
        "article-table--hover",
    }
    """The same parts, and (in ``DEFAULT_CSS``) the same look, as ``DataTable``'s."""

    DEFAULT_CSS = """
    ArticleTable {
        background: $surface;
        color: $foreground;
        &:focus {
            background-tint: $foreground 5%;
            & > .article-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .article-table--header {
                background-tint: $foreground 5%;
            }
        }
        &:dark > .article-table--even-row {
            background: $surface-darken-1 40%;
        }
        & > .article-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .article-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .article-table--odd-row {
        }
        & > .article-table--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .article-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .article-table--header-hover {
            background: $accent 30%;
        }
        & > .article-table--hover {
            background: $block-hover-background;
        }
    }
    """

    class _TableMessage(Message):
        """From this table (``control``)."""

        def __init__(self, table: ArticleTable) -> None:
            super().__init__()
            self.table = table

        @property
        def control(self) -> ArticleTable:
            return self.table

    class _RowMessage(_TableMessage):
        """About the row under the cursor: its index and its key."""

        def __init__(self, table: ArticleTable, cursor_row: int, key: str) -> None:
            super().__init__(table)
            self.cursor_row = cursor_row
            self.key = key

    class RowHighlighted(_RowMessage):
        """The cursor is on another row (or the row under it has another key)."""

    class RowSelected(_RowMessage):
        """Enter on a row, or a click on the highlighted row."""

    class HeaderSelected(_TableMessage):
        """A click on a column's header."""

        def __init__(self, table: ArticleTable, column_key: str, column_index: int) -> None:
            super().__init__(table)
            self.column_key = column_key
            self.column_index = column_index

    def __init__(
        self,
        cells: CellsFunction,
        *,
        zebra_stripes: bool = True,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._build = cells
        self.zebra_stripes = zebra_stripes
        self._keys: list[str] = []
        self._index: dict[str, int] | None = None
        """Row of each key, built when first asked for (``get_row_index``)."""
        self._columns: tuple[Column, ...] = ()
        self._cursor = 0
        self._highlighted: str | None = None
        """The key last announced by ``RowHighlighted``."""
        self._hover = -2
        """The row under the mouse (-1: the header; -2: none)."""
        self._show_hover = False
        self._cells: LRUCache[str, Sequence[Text | str]] = LRUCache(CACHE_ROWS)
        self._strips: LRUCache[tuple[object, ...], Strip] = LRUCache(CACHE_ROWS)
        self._pseudo_state: object = None
        self.rows_built = 0
        """How many times a row's cells were built (the work the cache saves)."""

    # -- the rows and columns -----------------------------------------------------------

    @property
    def row_count(self) -> int:
        """The number of rows."""
        return len(self._keys)

    @property
    def keys(self) -> Sequence[str]:
        """The rows' keys, in order (read only)."""
        return self._keys

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    @property
    def cursor_row(self) -> int:
        """The row under the cursor (0 when the table is empty)."""
        return self._cursor

    @property
    def cursor_key(self) -> str | None:
        """The key of the row under the cursor (None when the table is empty)."""
        return self._keys[self._cursor] if self._keys else None

    def set_columns(self, columns: Iterable[tuple[str, str, int]]) -> None:
        """Replace the columns (``(key, label, width)`` each); every row is rebuilt."""
        self._columns = tuple(Column(*column) for column in columns)
        self._update_virtual_size()
        self.invalidate()

    def set_rows(self, keys: Iterable[str], *, keep: str | None = None) -> None:
        """Replace the rows by ``keys`` (their order is the table's). The cursor stays on
        ``keep`` (default: the key under it) when it is still listed, else on the same row
        number; every row is rebuilt."""
        keep = keep if keep is not None else self.cursor_key
        self._keys = list(keys)
        self._index = None
        self._cells.clear()
        self._strips.clear()
        self._update_virtual_size()
        try:
            # A scan, not the key index: a listing merges batches into a long list.
            row: int | None = self._keys.index(keep) if keep is not None else None
        except ValueError:
            row = None
        self._cursor = self._clamp(self._cursor if row is None else row)
        if row is not None:
            self._scroll_cursor_into_view()
        self.refresh()
        self._announce()

    def append_rows(self, keys: Iterable[str]) -> None:
        """Add rows at the bottom (the rows shown stay as they are)."""
        start = len(self._keys)
        self._keys.extend(keys)
        if self._index is not None:
            for number, key in enumerate(self._keys[start:], start):
                self._index[key] = number
        self._update_virtual_size()
        self.refresh()
        self._announce()

    def invalidate(self, keys: Iterable[str] | None = None) -> None:
        """Forget the cells of ``keys`` (default: every row): they are built again when
        painted."""
        if keys is None:
            self._cells.clear()
        else:
            for key in keys:
                self._cells.discard(key)
        self._strips.clear()
        self.refresh()

    @property
    def _key_index(self) -> dict[str, int]:
        if self._index is None:
            self._index = {key: number for number, key in enumerate(self._keys)}
        return self._index

    def get_row_index(self, key: str) -> int:
        """The row of ``key``.

        Raises:
            KeyError: no row has this key.
        """
        return self._key_index[key]

    def get_row(self, key: str) -> Sequence[Text | str]:
        """The cells of the row of ``key``, as painted.

        Raises:
            KeyError: no row has this key.
        """
        if key not in self._key_index:
            raise KeyError(key)
        return self._row_cells(key)

    def move_cursor(self, *, row: int, animate: bool = False, scroll: bool = True) -> None:
        """Put the cursor on ``row`` (clamped to the rows), scrolling it into view."""
        old = self._cursor
        self._cursor = self._clamp(row)
        if self._cursor != old:
            self._refresh_row(old)
            self._refresh_row(self._cursor)
        if scroll:
            self._scroll_cursor_into_view(animate=animate)
        self._announce()

    def _clamp(self, row: int) -> int:
        return max(0, min(row, len(self._keys) - 1))

    def _update_virtual_size(self) -> None:
        width = sum(column.width + 2 for column in self._columns)
        self.virtual_size = Size(width, len(self._keys) + 1)

    def _announce(self) -> None:
        """Post ``RowHighlighted`` when the key under the cursor changed."""
        key = self.cursor_key
        if key is not None and key != self._highlighted:
            self._highlighted = key
            self.post_message(self.RowHighlighted(self, self._cursor, key))
        elif key is None:
            self._highlighted = None

    def _refresh_row(self, row: int) -> None:
        self.refresh_line(row + 1)

    def _scroll_cursor_into_view(self, animate: bool = False) -> None:
        if not self._keys:
            return
        region = Region(int(self.scroll_x), self._cursor + 1, 1, 1)
        self.scroll_to_region(region, animate=animate, spacing=Spacing(1, 0, 0, 0), force=True)

    # -- painting -----------------------------------------------------------------------

    def _row_cells(self, key: str) -> Sequence[Text | str]:
        cells = self._cells.get(key)
        if cells is None:
            cells = self._build(key)
            self.rows_built += 1
            self._cells[key] = cells
        return cells

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def render_lines(self, crop: Region) -> list[Strip]:
        # Focus changes the cursor's colours: the lines rendered depend on it.
        self._pseudo_state = self.get_pseudo_class_state()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        scroll_x, scroll_y = self.scroll_offset
        row = -1 if y == 0 else y - 1 + scroll_y
        if row >= len(self._keys):
            return Strip.blank(width, self.rich_style)
        strip = self._line(row)
        if scroll_x or strip.cell_length != width:
            strip = strip.crop(scroll_x, scroll_x + width).adjust_cell_length(
                width, self.rich_style
            )
        return strip

    def _line(self, row: int) -> Strip:
        """The whole line of ``row`` (-1: the header), from the cache when it is there."""
        header = row == -1
        cursor = not header and row == self._cursor
        hover = self._show_hover and row == self._hover
        key = None if header else self._keys[row]
        parity = row % 2
        cache_key = (key, parity, cursor, hover, self._pseudo_state, self.size.width)
        strip = self._strips.get(cache_key)
        if strip is not None:
            return strip
        if header:
            row_style = self.get_component_rich_style("article-table--header")
            cells: Sequence[Text | str] = [column.label for column in self._columns]
        else:
            row_style = (
                self.get_component_rich_style(
                    "article-table--odd-row" if parity else "article-table--even-row"
                )
                if self.zebra_stripes
                else self.rich_style
            )
            cells = self._row_cells(key or "")
        component = Style()
        if hover:
            component += self.get_component_rich_style("article-table--hover")
            if header:
                component += self.get_component_rich_style("article-table--header-hover")
        if cursor:
            component += self.get_component_rich_style("article-table--cursor")
        # As DataTable by default: the cursor's colour wins over the cell's own, the
        # cell's background (a reversed mark) over the cursor's.
        post = Style.from_color(color=component.color)
        console = self.app.console
        options = self.app.console_options.update(height=1, no_wrap=True)
        segments: list[Segment] = []
        # The cells' meta (row, column) as DataTable gives it: the same segments, so the
        # same screenshots.
        for number, (column, cell) in enumerate(zip(self._columns, cells, strict=False)):
            pre = row_style + Style.from_meta({"row": row, "column": number}) + component
            segments.extend(render_cell(console, options, cell, column.width, pre, post))
        table_width = sum(column.width + 2 for column in self._columns)
        rest = max(0, self.size.width - table_width)
        if rest:
            meta = Style.from_meta({"row": row, "column": 0, "out_of_bounds": True})
            segments.append(Segment(" " * rest, row_style + component + meta))
        strip = Strip(segments).simplify()
        self._strips[cache_key] = strip
        return strip

    # -- the mouse ------------------------------------------------------------------------

    def _row_at(self, event: events.MouseEvent) -> tuple[int, int] | None:
        """(row, x in the table) under the mouse (row -1: the header), or None."""
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        row = -1 if offset.y == 0 else offset.y - 1 + int(self.scroll_y)
        return row, offset.x + int(self.scroll_x)

    def _refresh_hover_line(self, row: int) -> None:
        if row == -1:
            self.refresh(Region(0, 0, self.size.width, 1))  # the header never scrolls
        elif row >= 0:
            self._refresh_row(row)

    def _set_hover(self, row: int) -> None:
        if row != self._hover or not self._show_hover:
            old, self._hover, self._show_hover = self._hover, row, row >= -1
            self._refresh_hover_line(old)
            self._refresh_hover_line(row)

    def _hide_hover(self) -> None:
        if self._show_hover:
            self._show_hover = False
            self._refresh_hover_line(self._hover)

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        where = self._row_at(event)
        row = where[0] if where is not None and where[0] < len(self._keys) else -2
        self._set_hover(row)

    def _on_leave(self, _event: events.Leave) -> None:
        self._hide_hover()

    async def _on_click(self, event: events.Click) -> None:
        where = self._row_at(event)
        if where is None:
            return
        row, x = where
        if row == -1:
            # A header click selects its column (and never moves the cursor).
            left = 0
            for number, column in enumerate(self._columns):
                left += column.width + 2
                if x < left:
                    self.post_message(self.HeaderSelected(self, column.key, number))
                    break
            return
        if row >= len(self._keys):
            return
        self._set_hover(row)
        event.stop()
        if row == self._cursor:
            self._post_selected()
        else:
            self.move_cursor(row=row, animate=True)

    # -- actions ----------------------------------------------------------------------------

    def _page_height(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def action_cursor_down(self) -> None:
        self._hide_hover()
        self.move_cursor(row=self._cursor + 1)

    def action_cursor_up(self) -> None:
        self._hide_hover()
        self.move_cursor(row=self._cursor - 1)

    def action_page_down(self) -> None:
        """One page down: the view and the cursor (as ``DataTable`` does)."""
        self._hide_hover()
        height = self._page_height()
        self.scroll_relative(y=height, animate=False, force=True)
        self.move_cursor(row=self._cursor + height)

    def action_page_up(self) -> None:
        self._hide_hover()
        height = self._page_height()
        self.scroll_relative(y=-height, animate=False, force=True)
        self.move_cursor(row=self._cursor - height)

    def action_first(self) -> None:
        self._hide_hover()
        self.move_cursor(row=0)

    def action_last(self) -> None:
        self._hide_hover()
        self.move_cursor(row=len(self._keys) - 1)

    def action_select_cursor(self) -> None:
        self._post_selected()

    def _post_selected(self) -> None:
        key = self.cursor_key
        if key is not None:
            self.post_message(self.RowSelected(self, self._cursor, key))
