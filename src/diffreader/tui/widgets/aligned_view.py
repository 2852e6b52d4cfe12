"""Provides ``AlignedView``: the two-column aligned diff, one scrollable Line API widget.

Both columns live in one widget, so they can never scroll apart: each display row holds the
A cell and the B cell of one engine ``Pair`` side by side, as tall as the taller cell. Only
the rows in view are painted (``render_line``), from a per-row strip cache; layout is a
prefix sum of row heights, recomputed on resize, so a 10,000-sentence pair scrolls at the
cost of the 40 lines on screen.

Layers are component classes, so themes colour them: ``aligned-view--word-*`` (subtle
rewording), ``aligned-view--claim-*`` (strong: added claims, dropped details) and
``aligned-view--quote-*`` (quotation status). The unified view also says which side text
comes from: a whole added or dropped group is tinted ``aligned-view--side-b``/``-a`` (lighter
than a claim) and labelled ``+B``/``−A`` in its gutter; inside a reworded group deleted and
inserted words have their own tints and a dim ``→`` between them (``word-arrow``).

Key table (the screen adds n/N, c/C, f, s, u and the rest):

| Key | Action |
| :- | :- |
| j, down | Next row |
| k, up | Previous row |
| pagedown, space / pageup | Page down / up |
| g, home / G, end | First / last row |
| enter | Unfold the folded run under the cursor |
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import ClassVar

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from diffreader.engine.model import Side, Status
from diffreader.plural import plural
from diffreader.tui.rows import Cell, DiffModel, Row
from diffreader.tui.textutil import wrap_ranges

__all__ = ["AlignedView"]

_MARGIN = 2
"""Cursor bar + review mark."""
_GUTTER = 4
"""Status glyph, two-cell quote mark, space."""
_UNIFIED_GUTTER = 5
"""Status glyph, side label (``A``/``B``), two-cell quote mark, space."""
_SEP = " │ "
_MIN_FOLD = 3
"""Only runs of at least this many unchanged rows fold."""
_HATCH = "╱"
_BLACK, _WHITE = Color.from_rgb(0, 0, 0), Color.from_rgb(255, 255, 255)


def _legible_on(background: Color) -> Color:
    """Black or white, whichever has the higher contrast on ``background`` (WCAG 2: at
    least 4.58:1 on any colour).

    For text on a strong tint (a claim, a fact): Textual's ``$text`` picks by perceived
    brightness, and on the mid-light tints of bright greens (dracula, monokai, nord,
    tokyo-night) it chose white at 3:1.

    >>> _legible_on(Color.parse("#315e3f")).name, _legible_on(Color.parse("#3e9c5c")).name
    ('#ffffff', '#000000')
    """

    def linear(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = background.get_truecolor()
    luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    # Black's contrast is (L + 0.05) / 0.05, white's 1.05 / (L + 0.05).
    return _BLACK if (luminance + 0.05) ** 2 > 0.05 * 1.05 else _WHITE


@dataclass(frozen=True, slots=True)
class _Fold:
    """A run of unchanged rows shown as one line."""

    start: int
    end: int
    """Row indices ``[start, end)``."""
    hidden: bool = False
    """Rows left out by a filter (``set_row_filter``), not a run of unchanged rows."""


class AlignedView(ScrollView, can_focus=True):
    """The aligned side-by-side (or unified) view of a ``DiffModel``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "j,down",
            "cursor_down",
            "Down",
            show=False,
            id="view.down",
            tooltip="Move to the next row",
        ),
        Binding(
            "k,up", "cursor_up", "Up", show=False, id="view.up", tooltip="Move to the previous row"
        ),
        Binding(
            "pagedown,space",
            "page_down",
            "Page down",
            show=False,
            id="view.page_down",
            tooltip="Scroll one page down",
        ),
        Binding(
            "pageup",
            "page_up",
            "Page up",
            show=False,
            id="view.page_up",
            tooltip="Scroll one page up",
        ),
        Binding(
            "g,home", "first", "Top", show=False, id="view.first", tooltip="Go to the first row"
        ),
        Binding(
            "G,end", "last", "Bottom", show=False, id="view.last", tooltip="Go to the last row"
        ),
        Binding(
            "enter",
            "unfold_here",
            "Unfold",
            show=False,
            id="view.unfold_here",
            tooltip="Unfold the run of unchanged rows under the cursor",
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "aligned-view--cursor",
        "aligned-view--cursor-bar",
        "aligned-view--separator",
        "aligned-view--hatch",
        "aligned-view--fold",
        "aligned-view--headline",
        "aligned-view--boilerplate",
        "aligned-view--meta",
        "aligned-view--dropped",
        "aligned-view--word-insert",
        "aligned-view--word-delete",
        "aligned-view--word-deleted-inline",
        "aligned-view--word-arrow",
        "aligned-view--side-a",
        "aligned-view--side-b",
        "aligned-view--side-label-a",
        "aligned-view--side-label-b",
        "aligned-view--claim-added",
        "aligned-view--claim-dropped",
        "aligned-view--fact-figure",
        "aligned-view--fact-date",
        "aligned-view--fact-name",
        "aligned-view--fact-role",
        "aligned-view--fact-negation",
        "aligned-view--fact-opposite",
        "aligned-view--quote-verbatim",
        "aligned-view--quote-altered",
        "aligned-view--quote-new",
        "aligned-view--quote-dropped",
        "aligned-view--glyph-same",
        "aligned-view--glyph-reworded",
        "aligned-view--glyph-moved",
        "aligned-view--glyph-added",
        "aligned-view--glyph-dropped",
        "aligned-view--glyph-boilerplate",
        "aligned-view--glyph-claim-added",
        "aligned-view--glyph-claim-dropped",
        "aligned-view--note-moved",
        "aligned-view--note-quote",
        "aligned-view--note-lookalike",
        "aligned-view--search",
        "aligned-view--mark",
        "aligned-view--mark-accepted",
        "aligned-view--mark-flagged",
        "aligned-view--mark-partial",
        "aligned-view--mark-note",
        "aligned-view--selected",
    }

    DEFAULT_CSS = """
    AlignedView {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: scroll;
        & > .aligned-view--cursor { background: $boost; }
        & > .aligned-view--cursor-bar { color: $accent; }
        &:focus > .aligned-view--cursor { background: $primary 12%; }
        & > .aligned-view--separator { color: $panel-lighten-2; }
        & > .aligned-view--hatch { color: $foreground 18%; }
        & > .aligned-view--fold { color: $text-muted; text-style: italic; }
        & > .aligned-view--headline { text-style: bold; }
        & > .aligned-view--boilerplate { color: $text-muted; text-style: italic; }
        & > .aligned-view--meta { color: $text-muted; }
        & > .aligned-view--dropped { }
        /* Rewording: quieter than any claim (a faint tint, the text's own colour). */
        & > .aligned-view--word-insert { background: $success 10%; text-style: underline; }
        & > .aligned-view--word-delete { background: $error 10%; text-style: underline; }
        & > .aligned-view--word-deleted-inline {
            background: $error 18%; color: $text-error; text-style: strike;
        }
        & > .aligned-view--word-arrow { color: $text-muted; text-style: bold; }
        & > .aligned-view--side-a { background: $error 8%; }
        & > .aligned-view--side-b { background: $success 8%; }
        & > .aligned-view--side-label-a {
            background: $error 8%; color: $text-error; text-style: bold;
        }
        & > .aligned-view--side-label-b {
            background: $success 8%; color: $text-success; text-style: bold;
        }
        /* A claim is what a reader checks first: bold on a strong tint (the muted 30% one,
           in the success/error text colour, read much like rewording at 80x24, and that
           text fell to 3:1 on its tint in light themes). The text of a claim and of a
           fact is black or white, whichever reads better on its tint (``_legible_on``:
           4.5:1 or more in every theme). 55%, not less: in 256 colours (tmux without
           truecolor) textual-dark's 40-50% green is the palette's grey. */
        & > .aligned-view--claim-added { background: $success 55%; text-style: bold; }
        & > .aligned-view--claim-dropped { background: $error 55%; text-style: bold; }
        /* A fact inside a claim: its family's colour (render.labels.CATEGORY_COLOUR, as
           in the HTML report), bold, over the claim's quieter tint. */
        & > .aligned-view--fact-figure { background: dodgerblue 45%; text-style: bold; }
        & > .aligned-view--fact-date { background: mediumpurple 50%; text-style: bold; }
        & > .aligned-view--fact-name { background: hotpink 40%; text-style: bold; }
        & > .aligned-view--fact-role { background: darkorange 45%; text-style: bold; }
        & > .aligned-view--fact-negation {
            background: crimson 55%; text-style: bold underline;
        }
        & > .aligned-view--fact-opposite {
            background: goldenrod 50%; text-style: bold underline;
        }
        & > .aligned-view--quote-verbatim { color: $text-primary; text-style: italic; }
        & > .aligned-view--quote-altered {
            background: $warning-muted; color: $text-warning; text-style: bold italic;
        }
        & > .aligned-view--quote-new { color: $text-warning; text-style: bold italic; }
        & > .aligned-view--quote-dropped { color: $text-error; text-style: italic; }
        & > .aligned-view--glyph-same { color: $text-muted; }
        & > .aligned-view--glyph-reworded { color: $text-muted; }
        & > .aligned-view--glyph-moved { color: $text-accent; text-style: bold; }
        & > .aligned-view--glyph-added { color: $text-success; text-style: bold; }
        & > .aligned-view--glyph-dropped { color: $text-error; text-style: bold; }
        & > .aligned-view--glyph-boilerplate { color: $text-muted; }
        & > .aligned-view--glyph-claim-added {
            background: $success; color: $text; text-style: bold;
        }
        & > .aligned-view--glyph-claim-dropped {
            background: $error; color: $text; text-style: bold;
        }
        & > .aligned-view--note-moved { color: $text-accent; text-style: italic; }
        & > .aligned-view--note-quote { color: $text-warning; text-style: italic; }
        & > .aligned-view--note-lookalike { color: $text-warning; text-style: italic; }
        & > .aligned-view--search { background: $warning; color: $background; }
        & > .aligned-view--mark { color: $text-accent; text-style: bold; }
        & > .aligned-view--mark-accepted { color: $text-success; text-style: bold; }
        & > .aligned-view--mark-flagged { background: $error; color: $text; text-style: bold; }
        & > .aligned-view--mark-partial { color: $text-success 60%; }
        & > .aligned-view--mark-note { color: $text-accent; text-style: bold; }
        & > .aligned-view--selected { text-style: bold reverse; }
    }
    """

    mode: reactive[str] = reactive("split", init=False)
    """Requested layout: ``split`` (two columns) or ``unified``. See ``effective_mode``."""
    folded: reactive[bool] = reactive(False, init=False)
    """Fold runs of unchanged rows into one line each."""
    search_query: reactive[str] = reactive("", init=False)
    """Search text highlighted in every row (case-insensitive, literal).

    Not ``query``: that name would hide ``Widget.query()``, which Textual itself calls
    (double-clicking selects text through it)."""
    narrow_width: ClassVar[int] = 100
    """At or below this many columns the view falls back to the unified layout."""

    class CursorMoved(Message):
        """The cursor moved to another row."""

        def __init__(self, view: AlignedView, row: int | None) -> None:
            self.view = view
            self.row = row
            """Index into ``Comparison.pairs`` (``None`` on a folded run)."""
            super().__init__()

        @property
        def control(self) -> AlignedView:
            return self.view

    class LayoutChanged(Message):
        """The view switched between side by side and unified (``effective_mode``)."""

        def __init__(self, view: AlignedView, mode: str) -> None:
            self.view = view
            self.mode = mode
            """``split`` or ``unified``."""
            super().__init__()

        @property
        def control(self) -> AlignedView:
            return self.view

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.model: DiffModel | None = None
        self.marks: dict[int, tuple[str, str]] = {}
        """Per-row review marks: row index -> (one-cell glyph, component name).

        The review feature sets these; the view only paints them in the margin."""
        self.selection: tuple[int, Side, int, int] | None = None
        """``(row, side, start, end)``: the review item to highlight (see ``set_selection``)."""
        self._row_filter: frozenset[int] | None = None
        self._filter_label = ""
        self._items: list[int | _Fold] = []
        self._index: dict[int, int] = {}
        """Model row -> display index (rows inside a fold map to the fold)."""
        self._ys: list[int] = [0]
        self._layout_width = -1
        self._layout_mode = ""
        self._cursor = 0
        self._unfolded: set[int] = set()
        self._row_cache: LRUCache[int, list[Strip]] = LRUCache(256)
        self._styles: dict[str, Style] = {}

    # -- public API ---------------------------------------------------------------------

    def set_model(self, model: DiffModel, *, keep_position: bool = False) -> None:
        """Show a comparison (the rows are built off the UI thread, see ``DiffModel``)."""
        fraction = self.scroll_y / max(1, self.max_scroll_y) if keep_position else 0.0
        self.model = model
        self._unfolded.clear()
        self._cursor = 0
        self._relayout(force=True)
        if keep_position:
            self.scroll_to(y=round(fraction * self.max_scroll_y), animate=False)
            self._cursor = self._item_at_y(round(self.scroll_y))
        self.refresh()

    @property
    def effective_mode(self) -> str:
        """``unified`` when asked for or when the view is too narrow for two columns."""
        if self.mode == "unified" or 0 < self.size.width <= self.narrow_width:
            return "unified"
        return "split"

    @property
    def cursor_row(self) -> int | None:
        """Index into ``Comparison.pairs`` of the row under the cursor (None on a fold)."""
        if not self._items:
            return None
        item = self._items[min(self._cursor, len(self._items) - 1)]
        return item if isinstance(item, int) else None

    @property
    def row_count(self) -> int:
        """Display rows (a folded run counts as one)."""
        return len(self._items)

    def set_mark(self, row: int, glyph: str | None, component: str = "mark") -> None:
        """Show (or clear, with ``None``) a one-cell review mark in the margin of ``row``."""
        if glyph is None:
            self.marks.pop(row, None)
        else:
            self.marks[row] = (glyph[:1], component)
        self._invalidate_row(row)

    def set_selection(self, selection: tuple[int, Side, int, int] | None) -> None:
        """Highlight a document span ``(row, side, start, end)`` in its row (or nothing)."""
        if selection == self.selection:
            return
        old, self.selection = self.selection, selection
        for chosen in (old, selection):
            if chosen is not None:
                self._invalidate_row(chosen[0])

    def set_row_filter(self, rows: frozenset[int] | None, label: str = "") -> None:
        """Show only ``rows``; the others collapse into one line per run (``None``: all).

        Args:
            rows: Model rows to keep.
            label: What the kept rows have in common ("flagged items"), for the hidden runs.
        """
        self._row_filter = rows
        self._filter_label = label
        self._unfolded.clear()
        self._relayout(force=True)
        self._scroll_cursor_into_view()

    @property
    def row_filter(self) -> frozenset[int] | None:
        """The rows ``set_row_filter`` keeps (``None``: no filter)."""
        return self._row_filter

    def jump_to_row(self, row: int, *, context: bool = True) -> None:
        """Move the cursor to a model row, unfolding it if needed, and scroll it into view."""
        index = self._index_of_row(row)
        if index is None:
            return
        self._set_cursor(index, center=context)

    def component_styles(self) -> dict[str, Style]:
        """The view's layer styles by short name (for the legend and side panel)."""
        return {
            name.removeprefix("aligned-view--"): self._style(name.removeprefix("aligned-view--"))
            for name in self.COMPONENT_CLASSES
        }

    def row_y(self, row: int) -> int | None:
        """Virtual y of a model row (for tests and the review feature)."""
        index = self._index_of_row(row, unfold=False)
        return None if index is None else self._ys[index]

    # -- layout -------------------------------------------------------------------------

    def _build_items(self) -> list[int | _Fold]:
        assert self.model is not None
        rows = self.model.rows
        if self._row_filter is not None:
            return self._filtered_items(self._row_filter)
        if not self.folded:
            return list(range(len(rows)))
        items: list[int | _Fold] = []
        i = 0
        while i < len(rows):
            j = i
            while j < len(rows) and _foldable(rows[j]):
                j += 1
            if j - i >= _MIN_FOLD and i not in self._unfolded:
                items.append(_Fold(i, j))
                i = j
            elif j > i:
                items.extend(range(i, j))
                i = j
            else:
                items.append(i)
                i += 1
        return items

    def _filtered_items(self, keep: frozenset[int]) -> list[int | _Fold]:
        assert self.model is not None
        items: list[int | _Fold] = []
        i, n = 0, len(self.model.rows)
        while i < n:
            if i in keep:
                items.append(i)
                i += 1
                continue
            j = i
            while j < n and j not in keep:
                j += 1
            if i in self._unfolded:
                items.extend(range(i, j))
            else:
                items.append(_Fold(i, j, hidden=True))
            i = j
        return items

    def _columns(self, width: int) -> tuple[int, int]:
        """Text width of each column in split mode, and the right padding."""
        inner = width - _MARGIN - 2 * _GUTTER - len(_SEP)
        col = max(8, inner // 2)
        return col, max(0, inner - 2 * col)

    def _row_height(self, item: int | _Fold, width: int, mode: str) -> int:
        if isinstance(item, _Fold):
            return 2
        assert self.model is not None
        row = self.model.rows[item]
        if mode == "unified":
            return _cell_lines(row.unified, width - _MARGIN - _UNIFIED_GUTTER) + 1
        col, _pad = self._columns(width)
        return max(_cell_lines(row.a, col), _cell_lines(row.b, col)) + 1

    def _relayout(self, *, force: bool = False) -> None:
        if self.model is None:
            return
        width = self.scrollable_content_region.width
        mode = self.effective_mode
        if not force and width == self._layout_width and mode == self._layout_mode:
            return
        if width <= 0:
            return
        keep_row = self.cursor_row if self._items else None
        self._items = self._build_items()
        self._index = {}
        for index, item in enumerate(self._items):
            if isinstance(item, _Fold):
                for row in range(item.start, item.end):
                    self._index[row] = index
            else:
                self._index[item] = index
        ys = [0]
        total = 0
        for item in self._items:
            total += self._row_height(item, width, mode)
            ys.append(total)
        self._ys = ys
        self._layout_width = width
        if mode != self._layout_mode:
            self.post_message(self.LayoutChanged(self, mode))
        self._layout_mode = mode
        self._row_cache.clear()
        self.virtual_size = Size(width, total)
        if keep_row is not None:
            kept = self._index_of_row(keep_row, unfold=False)
            if kept is not None:
                self._cursor = kept
        self._cursor = min(self._cursor, max(0, len(self._items) - 1))
        self.refresh()

    def _index_of_row(self, row: int, *, unfold: bool = True) -> int | None:
        if self.model is None:
            return None
        index = self._index.get(row)
        if index is None:
            return None
        item = self._items[index]
        if isinstance(item, _Fold) and unfold:
            self._unfolded.add(item.start)
            self._relayout(force=True)
            return self._index.get(row)
        return index

    def _item_at_y(self, y: int) -> int:
        if not self._items:
            return 0
        return max(0, min(len(self._items) - 1, bisect.bisect_right(self._ys, y) - 1))

    # -- painting -----------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            # The partial style says which properties the component sets; the full style
            # has their values with alpha blended against the background (``$success 18%``).
            component = f"aligned-view--{name}"
            partial = self.get_component_rich_style(component, partial=True)
            full = self.get_component_rich_style(component)
            style = (
                Style.from_color(
                    full.color if partial.color is not None else None,
                    full.bgcolor if partial.bgcolor is not None else None,
                )
                + partial.without_color
            )
            if name.startswith(("claim-", "fact-")) and style.bgcolor is not None:
                style += Style(color=_legible_on(style.bgcolor))  # see ``_legible_on``
            self._styles[name] = style
        return style

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._row_cache.clear()
        self.refresh()

    def _invalidate_row(self, row: int) -> None:
        index = self._index_of_row(row, unfold=False)
        if index is not None:
            self._row_cache.discard(index)
            region = Region(
                0,
                self._ys[index] - round(self.scroll_y),
                self.size.width,
                self._ys[index + 1] - self._ys[index],
            )
            self.refresh(region)

    def _cell_text(self, cell: Cell, row: int = -1) -> Text:
        style = self._style(cell.base) if cell.base else Style()
        if cell.tint:
            style = self._style(cell.tint) + style
        text = Text(cell.text, style=style, end="")
        for start, end, component in cell.spans:
            text.stylize(self._style(component), start, end)
        if self.selection is not None and self.selection[0] == row:
            _row, side, start, end = self.selection
            for d0, d1 in cell.map_span(side, start, end):
                text.stylize(self._style("selected"), d0, d1)
        if self.search_query:
            lowered = cell.text.lower()
            needle = self.search_query.lower()
            style = self._style("search")
            pos = lowered.find(needle)
            while pos >= 0 and needle:
                text.stylize(style, pos, pos + len(needle))
                pos = lowered.find(needle, pos + len(needle))
        return text

    def _cell_strips(
        self, cell: Cell, width: int, height: int, hatch: bool, row: int = -1
    ) -> list[Strip]:
        if hatch:
            hatched = Strip([Segment(_HATCH * width, self._style("hatch"))], width)
            return [hatched] * height
        console = self.app.console
        strips: list[Strip] = []
        if cell.pieces:
            text = self._cell_text(cell, row)
            ranges = wrap_ranges(cell.text, width)
            cuts = [start for start, _end in ranges[1:]]
            # A tinted cell (a whole added or dropped group) fills its lines, as delta does.
            fill = self._style(cell.tint) if cell.tint else None
            for line in text.divide(cuts):
                line.rstrip()
                strips.append(Strip(line.render(console), None).adjust_cell_length(width, fill))
        for note, component in cell.notes:
            note_text = Text(note, style=self._style(component), end="")
            for start, end in wrap_ranges(note, width):
                part = note_text[start:end]
                part.rstrip()
                strips.append(Strip(part.render(console)).adjust_cell_length(width))
        blank = Strip.blank(width)
        strips.extend([blank] * (height - len(strips)))
        return strips

    def _gutter(self, cell: Cell | None, *, unified: bool = False) -> Strip:
        width = _UNIFIED_GUTTER if unified else _GUTTER
        if cell is None or not cell.pieces:
            return Strip.blank(width)
        segments = [
            Segment(cell.glyph, self._style(cell.glyph_style) if cell.glyph_style else None)
        ]
        if unified:
            style = self._style(cell.side_style) if cell.side_style else None
            segments.append(Segment(cell.side_label[:1] or " ", style))
        segments += [
            Segment(cell.quote_mark, self._style(cell.quote_style) if cell.quote_style else None),
            Segment(" "),
        ]
        return Strip(segments, width)

    def _margin(self, row: int, cursor: bool) -> Strip:
        bar = Segment("▌" if cursor else " ", self._style("cursor-bar"))
        glyph, component = self.marks.get(row, (" ", "mark"))
        return Strip([bar, Segment(glyph, self._style(component))], _MARGIN)

    def _render_item(self, index: int) -> list[Strip]:
        cached = self._row_cache.get(index)
        if cached is not None:
            return cached
        assert self.model is not None
        item = self._items[index]
        width = self._layout_width
        height = self._ys[index + 1] - self._ys[index]
        cursor = index == self._cursor
        base = self.rich_style + self._style("cursor") if cursor else self.rich_style
        if isinstance(item, _Fold):
            count = item.end - item.start
            if item.hidden:
                rows = plural(count, "row")
                label = f"⋯ {rows} without {self._filter_label} (Enter shows them) ⋯"
            else:
                sentences = plural(count, "unchanged sentence")
                label = f"⋯ {sentences} (f or Enter to unfold) ⋯"
            text = Text(label, style=self._style("fold"), justify="center", end="")
            line = Strip(text.render(self.app.console)).text_align(width, "center")
            strips = [
                Strip.join([self._margin(-1, cursor), line.adjust_cell_length(width - _MARGIN)]),
                Strip.blank(width),
            ]
        else:
            row = self.model.rows[item]
            margin = self._margin(item, cursor)
            blank_margin = Strip.blank(_MARGIN) if not cursor else self._margin(-1, True)
            lines: list[Strip] = []
            if self._layout_mode == "unified":
                text_w = width - _MARGIN - _UNIFIED_GUTTER
                body = self._cell_strips(row.unified, text_w, height - 1, False, item)
                gutter = self._gutter(row.unified, unified=True)
                for n, strip in enumerate(body):
                    lines.append(
                        Strip.join(
                            [
                                margin if n == 0 else blank_margin,
                                gutter if n == 0 else Strip.blank(_UNIFIED_GUTTER),
                                strip,
                            ]
                        )
                    )
            else:
                col, pad = self._columns(width)
                a_hatch = not row.a.pieces and bool(row.b.pieces)
                b_hatch = not row.b.pieces and bool(row.a.pieces)
                a_lines = self._cell_strips(row.a, col, height - 1, a_hatch, item)
                b_lines = self._cell_strips(row.b, col, height - 1, b_hatch, item)
                sep = Strip([Segment(_SEP, self._style("separator"))], len(_SEP))
                gut_a, gut_b = self._gutter(row.a), self._gutter(row.b)
                blank_gutter = Strip.blank(_GUTTER)
                tail = Strip.blank(pad)
                for n in range(height - 1):
                    lines.append(
                        Strip.join(
                            [
                                margin if n == 0 else blank_margin,
                                gut_a if n == 0 else blank_gutter,
                                a_lines[n],
                                sep,
                                gut_b if n == 0 else blank_gutter,
                                b_lines[n],
                                tail,
                            ]
                        )
                    )
            lines.append(Strip.join([blank_margin, Strip.blank(width - _MARGIN)]))
            strips = lines
        strips = [strip.apply_style(base).adjust_cell_length(width, base) for strip in strips]
        self._row_cache[index] = strips
        return strips

    def render_line(self, y: int) -> Strip:
        """Paint one line of the viewport (Line API)."""
        width = self.scrollable_content_region.width
        if self.model is None or not self._items or width != self._layout_width:
            return Strip.blank(width, self.rich_style)
        virtual_y = round(self.scroll_y) + y
        if virtual_y >= self._ys[-1]:
            return Strip.blank(width, self.rich_style)
        index = self._item_at_y(virtual_y)
        strips = self._render_item(index)
        line = virtual_y - self._ys[index]
        return strips[line] if line < len(strips) else Strip.blank(width, self.rich_style)

    # -- cursor -------------------------------------------------------------------------

    def _set_cursor(self, index: int, *, center: bool = False) -> None:
        if not self._items:
            return
        index = max(0, min(len(self._items) - 1, index))
        old = self._cursor
        self._cursor = index
        self._row_cache.discard(old)
        self._row_cache.discard(index)
        top, bottom = self._ys[index], self._ys[index + 1]
        view_h = self.scrollable_content_region.height
        if center:
            self.scroll_to(y=max(0, top - view_h // 4), animate=False)
        elif top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
        elif bottom > self.scroll_y + view_h:
            self.scroll_to(y=min(top, bottom - view_h), animate=False)
        self.refresh()
        if old != index:
            self.post_message(self.CursorMoved(self, self.cursor_row))

    def _step_to(self, rows: list[int], forward: bool) -> bool:
        """Jump to the next/previous model row in ``rows`` (sorted); False if none."""
        current = self.cursor_row
        if current is None:
            item = self._items[self._cursor] if self._items else None
            current = (item.start if forward else item.end) if isinstance(item, _Fold) else -1
            if not forward:
                current = current if isinstance(item, _Fold) else 0
        if forward:
            pos = bisect.bisect_right(rows, current)
            target = rows[pos] if pos < len(rows) else None
        else:
            pos = bisect.bisect_left(rows, current) - 1
            target = rows[pos] if pos >= 0 else None
        if target is None:
            return False
        self.jump_to_row(target)
        return True

    def next_change(self, forward: bool = True) -> bool:
        """Jump to the next (or previous) changed row; False when there is none."""
        return self.model is not None and self._step_to(self.model.change_rows, forward)

    def next_claim(self, forward: bool = True) -> bool:
        """Jump to the next (or previous) row with an added claim or dropped detail."""
        return self.model is not None and self._step_to(self.model.claim_rows, forward)

    # -- watchers -----------------------------------------------------------------------

    def watch_mode(self) -> None:
        self._relayout(force=True)
        self._scroll_cursor_into_view()

    def watch_folded(self) -> None:
        self._unfolded.clear()
        self._relayout(force=True)
        self._scroll_cursor_into_view()

    def watch_search_query(self) -> None:
        self._row_cache.clear()
        self.refresh()

    def _scroll_cursor_into_view(self) -> None:
        if self._items:
            self._set_cursor(self._cursor, center=True)

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()
        self.call_after_refresh(self._relayout)

    # -- actions ------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self._set_cursor(self._cursor + 1)

    def action_cursor_up(self) -> None:
        self._set_cursor(self._cursor - 1)

    def action_page_down(self) -> None:
        view_h = self.scrollable_content_region.height
        target = self._item_at_y(self._ys[self._cursor] + view_h)
        self.scroll_to(y=self.scroll_y + view_h, animate=False)
        self._set_cursor(max(target, self._cursor + 1))

    def action_page_up(self) -> None:
        view_h = self.scrollable_content_region.height
        target = self._item_at_y(max(0, self._ys[self._cursor] - view_h))
        self.scroll_to(y=max(0, self.scroll_y - view_h), animate=False)
        self._set_cursor(min(target, self._cursor - 1))

    def action_first(self) -> None:
        self._set_cursor(0)

    def action_last(self) -> None:
        self._set_cursor(len(self._items) - 1)

    def action_unfold_here(self) -> None:
        if not self._items:
            return
        item = self._items[self._cursor]
        if isinstance(item, _Fold):
            self._unfolded.add(item.start)
            self._relayout(force=True)
            self.jump_to_row(item.start, context=False)

    # -- events -------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        if not self._items:
            return
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self._item_at_y(round(self.scroll_y) + offset.y)
        self._set_cursor(index)
        if isinstance(self._items[index], _Fold):
            self.action_unfold_here()


def _foldable(row: Row) -> bool:
    return (
        row.status is Status.SAME
        and not row.claims
        and not row.b.quote_style.endswith(("altered", "new"))
    )


def _cell_lines(cell: Cell, width: int) -> int:
    lines = len(wrap_ranges(cell.text, width)) if cell.pieces else 0
    for note, _component in cell.notes:
        lines += len(wrap_ranges(note, width))
    return max(1, lines)
