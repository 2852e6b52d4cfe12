"""Provides the display model of a comparison: rows of cells with styled spans, no widgets.

``DiffModel(comparison)`` turns the engine's ``Comparison`` into what the aligned view
paints: one ``Row`` per ``Pair`` (in ``Comparison.pairs`` order), each with an A cell, a B
cell and a unified cell. A cell holds display text (literal, see ``textutil``), the pieces
of the documents it came from (so engine offsets map onto it) and a list of styled spans
named after the view's component classes. Building it is pure Python and thread-safe, so it
runs in the comparison worker; only wrapping and painting happen on the UI thread.

Span layers, painted in this order (later wins):
    word-delete / word-insert        subtle: word-level rewording (``Pair.ops``)
    quote-verbatim/altered/new/...   quotation status
    claim-dropped / claim-added      strong: dropped details and added claims
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from diffreader.engine.model import (
    Claim,
    ClaimKind,
    Comparison,
    Document,
    Op,
    Pair,
    Quote,
    QuoteStatus,
    SentenceKind,
    Side,
    Status,
)
from diffreader.tui.textutil import display_text

__all__ = ["Cell", "DiffModel", "PanelEntry", "Row"]

STATUS_GLYPH_A: dict[Status, str] = {
    Status.SAME: " ",
    Status.REWORDED: "~",
    Status.MOVED: "↕",
    Status.ADDED: " ",
    Status.DROPPED: "−",
    Status.BOILERPLATE: "·",
}
STATUS_GLYPH_B: dict[Status, str] = {**STATUS_GLYPH_A, Status.ADDED: "+", Status.DROPPED: " "}
QUOTE_MARK: dict[QuoteStatus, str] = {
    QuoteStatus.VERBATIM: "“=",
    QuoteStatus.ALTERED: "“≠",
    QuoteStatus.NEW: "“+",
    QuoteStatus.DROPPED: "“−",
}
_QUOTE_RANK: dict[QuoteStatus | None, int] = {
    QuoteStatus.VERBATIM: 0,
    QuoteStatus.DROPPED: 1,
    QuoteStatus.NEW: 2,
}
_QUOTE_RANK[QuoteStatus.ALTERED] = 3


@dataclass(slots=True)
class Piece:
    """A stretch of one document shown inside a cell."""

    side: Side
    doc_start: int
    doc_end: int
    disp_start: int
    disp_end: int
    index_map: list[int] | None
    """Original-to-display index map from ``display_text`` (``None``: identity)."""

    def to_display(self, pos: int) -> int:
        """Map a document offset inside this piece to a cell offset."""
        rel = min(max(pos, self.doc_start), self.doc_end) - self.doc_start
        if self.index_map is not None:
            rel = self.index_map[rel]
        return self.disp_start + rel


@dataclass(slots=True)
class Cell:
    """What one column shows for one row."""

    text: str = ""
    """Display text: literal, control characters made visible."""
    pieces: list[Piece] = field(default_factory=list)
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    """``(start, end, component)`` in paint order; component names drop the prefix."""
    base: str = ""
    """Component for the whole text (``headline``, ``boilerplate``, ``dropped``...)."""
    notes: list[tuple[str, str]] = field(default_factory=list)
    """Extra lines under the text: ``(text, component)``, e.g. where a moved sentence was."""
    glyph: str = " "
    """Status glyph shown in the gutter."""
    glyph_style: str = ""
    quote_mark: str = "  "
    quote_style: str = ""
    claims: int = 0

    def add(self, doc: Document, side: Side, start: int, end: int, sep: str = " ") -> None:
        """Append ``doc.text[start:end]`` (made literal), after ``sep`` if not first."""
        if self.text and sep:
            self.text += sep
        shown, index_map = display_text(doc.text[start:end])
        d0 = len(self.text)
        self.text += shown
        self.pieces.append(Piece(side, start, end, d0, len(self.text), index_map))

    def map_span(self, side: Side, start: int, end: int) -> Iterator[tuple[int, int]]:
        """Cell ranges showing document range ``[start, end)`` of ``side``."""
        for piece in self.pieces:
            if piece.side is side and start < piece.doc_end and end > piece.doc_start:
                d0, d1 = piece.to_display(start), piece.to_display(end)
                if d1 > d0:
                    yield d0, d1

    def stylize(self, side: Side, start: int, end: int, component: str) -> bool:
        """Add a span for a document range; True if any of it is in this cell."""
        hit = False
        for d0, d1 in self.map_span(side, start, end):
            self.spans.append((d0, d1, component))
            hit = True
        return hit


@dataclass(slots=True)
class Row:
    """One aligned group, as displayed."""

    index: int
    """Index into ``Comparison.pairs``."""
    pair: Pair
    a: Cell
    b: Cell
    unified: Cell
    claims: int = 0

    @property
    def status(self) -> Status:
        return self.pair.status

    @property
    def is_change(self) -> bool:
        """Anything but ``same`` and boilerplate (what n/N step through)."""
        return self.pair.status not in (Status.SAME, Status.BOILERPLATE) or self.claims > 0


@dataclass(frozen=True, slots=True)
class PanelEntry:
    """One line of the side panel: an added claim, a dropped detail or a quotation check."""

    group: str
    """``added``, ``dropped`` or ``quotes``."""
    label: str
    """Short label (category or quote status)."""
    text: str
    """Display text (literal)."""
    row: int
    style: str


def _quote_component(quote: Quote) -> str:
    return f"quote-{quote.status.value}"


class DiffModel:
    """Everything the diff screen shows, built once per comparison (thread-safe, no UI).

    Args:
        comparison: The engine's result.
    """

    def __init__(self, comparison: Comparison, base: DiffModel | None = None) -> None:
        self.comparison = comparison
        a, b = comparison.a, comparison.b
        self._a_starts = [s.start for s in a.sentences]
        self._b_starts = [s.start for s in b.sentences]
        self._a_row: dict[int, int] = {}
        self._b_row: dict[int, int] = {}
        for index, pair in enumerate(comparison.pairs):
            for sid in pair.a:
                self._a_row[sid] = index
            for sid in pair.b:
                self._b_row[sid] = index
        if (
            base is not None
            and base.comparison.pairs is comparison.pairs
            and base.comparison.a is a
            and base.comparison.b is b
        ):
            # The same aligned pairs with claims and quotations added (``annotate``): rows
            # they do not touch are built already. Rows are never changed once built, so
            # both models can share them.
            touched = self._touched_rows(comparison)
            self.rows: list[Row] = [
                self._build_row(i, p) if i in touched else base.rows[i]
                for i, p in enumerate(comparison.pairs)
            ]
        else:
            self.rows = [self._build_row(i, p) for i, p in enumerate(comparison.pairs)]
        self.panel: list[PanelEntry] = []
        self._apply_claims(comparison.claims)
        self._apply_quotes(comparison.quotes)
        self.change_rows = [r.index for r in self.rows if r.is_change]
        self.claim_rows = [r.index for r in self.rows if r.claims]
        self.panel.sort(key=lambda e: ({"added": 0, "dropped": 1, "quotes": 2}[e.group], e.row))

    # -- building ---------------------------------------------------------------------

    def _side_cell(self, doc: Document, side: Side, ids: tuple[int, ...], pair: Pair) -> Cell:
        cell = Cell()
        if not ids:
            return cell
        for sid in ids:
            s = doc.sentences[sid]
            cell.add(doc, side, s.start, s.end)
        kinds = {doc.sentences[sid].kind for sid in ids}
        status = pair.status
        if status is Status.BOILERPLATE or SentenceKind.BOILERPLATE in kinds:
            cell.base = "boilerplate"
        elif SentenceKind.HEADLINE in kinds:
            cell.base = "headline"
        elif SentenceKind.META in kinds:
            cell.base = "meta"
        glyphs = STATUS_GLYPH_A if side is Side.A else STATUS_GLYPH_B
        cell.glyph = glyphs[status]
        cell.glyph_style = f"glyph-{status.value}"
        if status in (Status.REWORDED, Status.MOVED):
            wanted = Op.DELETE if side is Side.A else Op.INSERT
            component = "word-delete" if side is Side.A else "word-insert"
            for op in pair.ops:
                if op.op is wanted:
                    start, end = (
                        (op.a_start, op.a_end) if side is Side.A else (op.b_start, op.b_end)
                    )
                    cell.stylize(side, start, end, component)
        return cell

    def _unified_cell(self, row_a: Cell, row_b: Cell, pair: Pair) -> Cell:
        a, b = self.comparison.a, self.comparison.b
        status = pair.status
        if status is Status.DROPPED or not pair.b:
            cell = Cell(row_a.text, list(row_a.pieces), list(row_a.spans), row_a.base or "dropped")
            cell.glyph, cell.glyph_style = row_a.glyph, row_a.glyph_style
            return cell
        if status not in (Status.REWORDED, Status.MOVED) or not pair.ops or not pair.a:
            cell = Cell(row_b.text, list(row_b.pieces), list(row_b.spans), row_b.base)
            cell.glyph, cell.glyph_style = row_b.glyph, row_b.glyph_style
            return cell
        # Inline word diff: B's text in B's order, A's deleted words struck through in place.
        cell = Cell(base=row_b.base)
        cell.glyph, cell.glyph_style = row_b.glyph, row_b.glyph_style
        b_ids = pair.b
        b_pos = b.sentences[b_ids[0]].start
        b_end = b.sentences[b_ids[-1]].end
        need_space = False

        def add_b(start: int, end: int, component: str | None) -> None:
            nonlocal need_space
            if end <= start:
                return
            chunk = b.text[start:end]
            # After struck-out words, a space only before a word (never before punctuation).
            sep = " " if need_space and chunk[:1].isalnum() else ""
            cell.add(b, Side.B, start, end, sep=sep)
            need_space = False
            if component:
                cell.stylize(Side.B, start, end, component)

        for op in sorted(pair.ops, key=lambda o: (o.b_start, o.op is not Op.DELETE)):
            if op.op is Op.DELETE:
                a_start, a_end = op.a_start, op.a_end
                while a_start < a_end and a.text[a_start].isspace():
                    a_start += 1
                while a_end > a_start and a.text[a_end - 1].isspace():
                    a_end -= 1
                if a_end <= a_start:
                    continue
                if op.b_start > b_pos:
                    add_b(b_pos, min(op.b_start, b_end), None)
                    b_pos = max(b_pos, op.b_start)
                sep = " " if cell.text and not cell.text[-1:].isspace() else ""
                cell.add(a, Side.A, a_start, a_end, sep=sep)
                cell.stylize(Side.A, a_start, a_end, "word-deleted-inline")
                need_space = True
                continue
            if op.b_start > b_pos:
                add_b(b_pos, op.b_start, None)
            start = max(op.b_start, b_pos)
            add_b(start, op.b_end, "word-insert" if op.op is Op.INSERT else None)
            b_pos = max(b_pos, op.b_end)
        add_b(b_pos, b_end, None)
        return cell

    def _build_row(self, index: int, pair: Pair) -> Row:
        comp = self.comparison
        a_cell = self._side_cell(comp.a, Side.A, pair.a, pair)
        b_cell = self._side_cell(comp.b, Side.B, pair.b, pair)
        if pair.status is Status.MOVED and pair.a:
            para = comp.a.sentences[pair.a[0]].paragraph + 1
            b_cell.notes.append((f"↕ moved from ¶{para} of A", "note-moved"))
        unified = self._unified_cell(a_cell, b_cell, pair)
        unified.notes = b_cell.notes if pair.b else a_cell.notes
        return Row(index, pair, a_cell, b_cell, unified)

    def _touched_rows(self, comparison: Comparison) -> set[int]:
        """Rows that claims or quotations style: the rows ``_apply_claims`` and
        ``_apply_quotes`` change."""
        touched: set[int] = set()
        n = len(comparison.pairs)
        items: tuple[Claim | Quote, ...] = (*comparison.claims, *comparison.quotes)
        for item in items:
            row = item.pair if 0 <= item.pair < n else self._row_of(item.side, item.start)
            if row is not None:
                touched.add(row)
        for quote in comparison.quotes:
            if quote.source is not None:
                row = self._row_of(quote.side.other, quote.source.start)
                if row is not None:
                    touched.add(row)
        return touched

    def _row_of(self, side: Side, offset: int) -> int | None:
        starts = self._a_starts if side is Side.A else self._b_starts
        sid = bisect.bisect_right(starts, offset) - 1
        if sid < 0:
            return None
        return (self._a_row if side is Side.A else self._b_row).get(sid)

    def _apply_claims(self, claims: tuple[Claim, ...]) -> None:
        for claim in claims:
            row_index = claim.pair if 0 <= claim.pair < len(self.rows) else None
            if row_index is None:
                row_index = self._row_of(claim.side, claim.start)
            if row_index is None:
                continue
            row = self.rows[row_index]
            added = claim.kind is ClaimKind.ADDED
            component = "claim-added" if added else "claim-dropped"
            cell = row.b if claim.side is Side.B else row.a
            cell.stylize(claim.side, claim.start, claim.end, component)
            row.unified.stylize(claim.side, claim.start, claim.end, component)
            cell.claims += 1
            row.claims += 1
            cell.glyph_style = "glyph-claim-added" if added else "glyph-claim-dropped"
            if not cell.glyph.strip():
                cell.glyph = "+" if added else "−"
            row.unified.glyph_style = cell.glyph_style
            if not row.unified.glyph.strip() or row.unified.glyph == "~":
                row.unified.glyph = "+" if added else "−"
            text, _ = display_text(claim.text)
            self.panel.append(
                PanelEntry(
                    "added" if added else "dropped",
                    claim.category.value,
                    " ".join(text.split()),
                    row_index,
                    component,
                )
            )

    def _apply_quotes(self, quotes: tuple[Quote, ...]) -> None:
        for quote in quotes:
            row_index = quote.pair if 0 <= quote.pair < len(self.rows) else None
            if row_index is None:
                row_index = self._row_of(quote.side, quote.start)
            if row_index is None:
                continue
            row = self.rows[row_index]
            component = _quote_component(quote)
            cell = row.b if quote.side is Side.B else row.a
            cell.stylize(quote.side, quote.start, quote.end, component)
            row.unified.stylize(quote.side, quote.start, quote.end, component)
            for target in (cell, row.unified):
                old = _QUOTE_RANK.get(_quote_status_of(target.quote_style), -1)
                if _QUOTE_RANK[quote.status] > old:
                    target.quote_mark = QUOTE_MARK[quote.status]
                    target.quote_style = component
            if quote.source is not None:
                other = quote.side.other
                src_row = self._row_of(other, quote.source.start)
                if src_row is not None:
                    src = self.rows[src_row]
                    src_cell = src.a if other is Side.A else src.b
                    src_cell.stylize(other, quote.source.start, quote.source.end, component)
                    if src_cell.quote_style == "":
                        src_cell.quote_mark = QUOTE_MARK[quote.status]
                        src_cell.quote_style = component
                if (
                    src_row is not None
                    and src_row != row_index
                    and quote.status is QuoteStatus.ALTERED
                ):
                    src_text, _ = display_text(
                        self.comparison.document(other).text[quote.source.start : quote.source.end]
                    )
                    cell.notes.append(
                        (f"“≠ altered from A: “{' '.join(src_text.split())}”", "note-quote")
                    )
            if quote.speaker_changed:
                who = f"{quote.source_speaker or '?'} → {quote.speaker or '?'}"
                cell.notes.append((f"“ speaker changed: {who}", "note-quote"))
            text, _ = display_text(quote.text)
            self.panel.append(
                PanelEntry(
                    "quotes", quote.status.value, " ".join(text.split()), row_index, component
                )
            )


def _quote_status_of(component: str) -> QuoteStatus | None:
    if not component.startswith("quote-"):
        return None
    return QuoteStatus(component.removeprefix("quote-"))
