"""Provides ``ArticleTable``: a ``DataTable`` whose columns all have fixed widths.

Textual's ``DataTable`` renders only the rows in view, but measures every cell of every
new row (to size auto-width columns) when rows are added: about 0.4 s per thousand rows
of five columns, so listing 10,000 articles spent seconds in measuring alone. The corpus
screen gives every column a width (the title takes what the others leave), so there is
nothing to measure: ``ArticleTable`` skips it whenever no column sizes itself, no row
has a label and no row has an automatic height, and falls back to ``DataTable``'s own
code otherwise.

``append_rows`` adds a batch of one-line rows at once: ``DataTable.add_row`` re-sets the
cursor (running its watchers) and invalidates the row offsets once per row, which cost
more than everything else in listing 10,000 files.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import zip_longest

from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import CellType, DuplicateKey, Row, RowKey

__all__ = ["ArticleTable"]


class ArticleTable(DataTable[object]):
    """A ``DataTable`` that adds rows without measuring them when widths are fixed."""

    def append_rows(self, rows: Sequence[tuple[str, Sequence[CellType]]]) -> None:
        """Add one-line rows ``(key, cells)`` at the bottom, as ``add_row`` would each.

        Raises:
            DuplicateKey: a key is already in the table.
        """
        if not rows:
            return
        columns = self.ordered_columns
        was_empty = self.row_count == 0
        for key, cells in rows:
            row_key = RowKey(key)
            if row_key in self._row_locations:
                raise DuplicateKey(f"The row key {row_key!r} already exists.")
            if len(cells) > len(columns):
                raise ValueError("More values provided than there are columns.")
            self._row_locations[row_key] = len(self.rows)
            self._data[row_key] = {column.key: cell for column, cell in zip_longest(columns, cells)}
            self.rows[row_key] = Row(row_key, 1, None, False)
            self._new_rows.add(row_key)
        self._require_update_dimensions = True
        self.cursor_coordinate = self.cursor_coordinate
        if was_empty and self.columns and self.show_cursor and self.cursor_type != "none":
            self._highlight_cursor()
        self._update_count += 1
        self.check_idle()

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        rows = list(new_rows)
        measured = any(column.auto_width for column in self.columns.values()) or any(
            row.label is not None or row.auto_height
            for key in rows
            if (row := self.rows.get(key)) is not None
        )
        if measured or self._labelled_row_exists:
            super()._update_dimensions(rows)
            return
        # What DataTable does after measuring: the scrollable size.
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header_height = self.header_height if self.show_header else 0
        self.virtual_size = Size(
            width + self._row_label_column_width, self._total_row_height + header_height
        )
