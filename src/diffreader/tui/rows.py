"""Provides the display model of a comparison: rows of cells with styled spans, no widgets.

``DiffModel(comparison)`` turns the engine's ``Comparison`` into what the aligned view
paints: one ``Row`` per ``Pair`` (in ``Comparison.pairs`` order), each with an A cell, a B
cell and a unified cell. A cell holds display text (literal, see ``textutil``), the pieces
of the documents it came from (so engine offsets map onto it) and a list of styled spans
named after the view's component classes. Building it is pure Python and thread-safe, so it
runs in the comparison worker; only wrapping and painting happen on the UI thread.

What to highlight comes from the presentation model (``render.build_view``): this module
only maps its layers onto cells. A layer's kind is the component name; spans are painted
in the layers' order (see ``render.model``: word diff, then claims, then quotations; a
later span wins). The reader, the reports and the CLI thus highlight, count and place
the same things.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from diffreader.engine import collector
from diffreader.engine.model import (
    Comparison,
    Document,
    Op,
    Pair,
    QuoteStatus,
    SentenceKind,
    Side,
    Status,
)
from diffreader.render.model import (
    GAP,
    Layer,
    LayerKind,
    RowView,
    View,
    build_view,
    in_runs,
    sentence_runs,
)
from diffreader.review.items import CATEGORY_FAMILY, Section, listed_in
from diffreader.tui.textutil import display_echo, display_text

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
    side_label: str = ""
    """Unified view: ``A`` or ``B`` when all of the text comes from one side, else empty."""
    side_style: str = ""
    tint: str = ""
    """Component whose background fills the cell's text lines (a whole added or dropped group)."""

    def copy(self) -> Cell:
        """A copy whose spans and notes can grow without changing this cell's (pieces are
        never changed once the text is made, so they are shared)."""
        return Cell(
            self.text,
            self.pieces,
            list(self.spans),
            self.base,
            list(self.notes),
            self.glyph,
            self.glyph_style,
            self.quote_mark,
            self.quote_style,
            self.claims,
            self.side_label,
            self.side_style,
            self.tint,
        )

    def add(
        self,
        doc: Document,
        side: Side,
        start: int,
        end: int,
        sep: str = " ",
        changed: Sequence[tuple[int, int]] = (),
    ) -> None:
        """Append ``doc.text[start:end]`` (made literal), after ``sep`` if not first.

        ``changed``: the document ranges of it that are changed text, where characters
        that draw nothing are shown (``display_text``), in order.
        """
        if self.text and sep:
            self.text += sep
        reveal = [
            (max(lo, start) - start, min(hi, end) - start)
            for lo, hi in changed
            if lo < end and hi > start
        ]
        shown, index_map = display_text(doc.text[start:end], reveal)
        d0 = len(self.text)
        self.text += shown
        self.pieces.append(Piece(side, start, end, d0, len(self.text), index_map))

    def add_separator(self, mark: str, component: str) -> None:
        """Append display-only text (in no piece, so no document offset maps onto it)."""
        start = len(self.text)
        self.text += mark
        self.spans.append((start, len(self.text), component))

    def map_span(self, side: Side, start: int, end: int) -> Iterator[tuple[int, int]]:
        """Cell ranges showing document range ``[start, end)`` of ``side``."""
        return iter(self.ranges(side, start, end))

    def ranges(self, side: Side, start: int, end: int) -> list[tuple[int, int]]:
        """``map_span``'s ranges as a list (what painting a span several times reuses).

        ``Piece.to_display`` written out: a long comparison paints some hundred thousand
        spans, most of them in a cell of one piece with no index map.
        """
        out = []
        for piece in self.pieces:
            doc_start, doc_end = piece.doc_start, piece.doc_end
            if piece.side is side and start < doc_end and end > doc_start:
                rel0 = (start if start > doc_start else doc_start) - doc_start
                rel1 = (end if end < doc_end else doc_end) - doc_start
                index_map = piece.index_map
                if index_map is not None:
                    rel0, rel1 = index_map[rel0], index_map[rel1]
                if rel1 > rel0:
                    out.append((piece.disp_start + rel0, piece.disp_start + rel1))
        return out

    def stylize(self, side: Side, start: int, end: int, component: str) -> bool:
        """Add a span for a document range; True if any of it is in this cell."""
        found = self.ranges(side, start, end)
        self.spans += [(d0, d1, component) for d0, d1 in found]
        return bool(found)


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

    def copy(self) -> Row:
        """A copy to paint on: cells copied, the unified cell's notes still those of the
        side it shows (as ``DiffModel._build_row`` makes them)."""
        a, b = self.a.copy(), self.b.copy()
        unified = self.unified.copy()
        if self.unified.notes is self.b.notes:
            unified.notes = b.notes
        elif self.unified.notes is self.a.notes:
            unified.notes = a.notes
        return Row(self.index, self.pair, a, b, unified, self.claims)

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
    nested: bool = False
    """A detail inside the entry above it (a name in an added sentence)."""


class DiffModel:
    """Everything the diff screen shows, built once per comparison (thread-safe, no UI).

    Args:
        comparison: The engine's result.
    """

    def __init__(self, comparison: Comparison, base: DiffModel | None = None) -> None:
        # Rows of a long pair are some hundred thousand small objects (cells, pieces,
        # spans) in no reference cycle: the collector's passes over them cost about two
        # fifths of the build, and are paused meanwhile (``engine.collector``).
        with collector.paused():
            self._build(comparison, base)

    def _build(self, comparison: Comparison, base: DiffModel | None) -> None:
        self.comparison = comparison
        self.view: View = build_view(comparison, base=base.view if base is not None else None)
        """The presentation model: layers, review items and counts."""
        reuse = (
            base is not None
            and base.comparison.pairs is comparison.pairs
            and base.comparison.a is comparison.a
            and base.comparison.b is comparison.b
        )
        rows: list[Row] = []
        for row_view in self.view.rows:
            if reuse and base is not None:
                # The same aligned pairs with claims and quotations added (``annotate``):
                # rows they do not touch are built already. Rows are never changed once
                # built, so both models can share them; a row they touch is a copy of the
                # built one with its claims and quotations painted on.
                built, built_view = base.rows[row_view.index], base.view.rows[row_view.index]
                if row_view is built_view:
                    rows.append(built)
                elif not any(map(_painted_on, built_view.layers)):
                    rows.append(self._paint(built.copy(), row_view))
                else:
                    rows.append(self._build_row(row_view))
            else:
                rows.append(self._build_row(row_view))
        self.rows: list[Row] = rows
        self.panel: list[PanelEntry] = self._panel()
        self.change_rows = [r.index for r in self.rows if r.is_change]
        self.claim_rows = [r.index for r in self.rows if r.claims]

    # -- building ---------------------------------------------------------------------

    def _side_cell(
        self, doc: Document, side: Side, ids: tuple[int, ...], pair: Pair, layers: list[Layer]
    ) -> Cell:
        cell = Cell()
        if not ids:
            return cell
        status = pair.status
        changed: list[tuple[int, int]] = []
        if status is Status.ADDED or status is Status.DROPPED:
            changed = [(0, len(doc.text))]  # the whole group is changed text
        else:
            words = (LayerKind.WORD_DELETE, LayerKind.WORD_INSERT)
            changed = sorted((ly.start, ly.end) for ly in layers if ly.kind in words)
        for sid in ids:
            s = doc.sentences[sid]
            cell.add(doc, side, s.start, s.end, changed=changed)
        kinds = {doc.sentences[sid].kind for sid in ids}
        if status is Status.BOILERPLATE or SentenceKind.BOILERPLATE in kinds:
            cell.base = "boilerplate"
        elif SentenceKind.HEADLINE in kinds:
            cell.base = "headline"
        elif SentenceKind.META in kinds:
            cell.base = "meta"
        glyphs = STATUS_GLYPH_A if side is Side.A else STATUS_GLYPH_B
        cell.glyph = glyphs[status]
        cell.glyph_style = f"glyph-{status.value}"
        for layer in layers:
            if layer.kind in (LayerKind.WORD_DELETE, LayerKind.WORD_INSERT):
                cell.stylize(side, layer.start, layer.end, layer.kind.value)
        return cell

    def _unified_cell(self, row_a: Cell, row_b: Cell, pair: Pair) -> Cell:
        status = pair.status
        if status is Status.DROPPED or not pair.b:
            return _one_side_cell(row_a, Side.A, status is Status.DROPPED)
        if status not in (Status.REWORDED, Status.MOVED) or not pair.ops or not pair.a:
            if pair.a:  # the same sentences on both sides: nothing to say about sides
                cell = Cell(row_b.text, list(row_b.pieces), list(row_b.spans), row_b.base)
                cell.glyph, cell.glyph_style = row_b.glyph, row_b.glyph_style
                return cell
            return _one_side_cell(row_b, Side.B, status is Status.ADDED)
        return self._inline_cell(row_b, pair)

    def _inline_cell(self, row_b: Cell, pair: Pair) -> Cell:
        """B's text in B's order with A's deleted words struck through in place.

        A deletion and the insertion that replaces it are one *change run*: the deleted
        words come first, then a display-only ``→``, then the inserted words, so the two
        never read as one phrase ("about → approximately", not "about approximately").
        Runs are ended by unchanged text; deletions inside a run always come before its
        insertions, so the arrow always points from A's words to B's.
        """
        a, b = self.comparison.a, self.comparison.b
        cell = Cell(base=row_b.base)
        cell.glyph, cell.glyph_style = row_b.glyph, row_b.glyph_style
        # A group's B sentences lying apart show no text between them (other groups').
        runs = sentence_runs(b, pair.b)
        b_pos, b_end = runs[0][0], runs[-1][1]
        need_space = False
        deletions: list[tuple[int, int]] = []
        insertions: list[tuple[int, int]] = []

        def add_b(start: int, end: int, component: str | None) -> None:
            nonlocal need_space
            if end <= start:
                return
            chunk = b.text[start:end]
            # After struck-out words, a space only before a word (never before punctuation).
            sep = " " if need_space and chunk[:1].isalnum() else ""
            cell.add(b, Side.B, start, end, sep=sep, changed=[(start, end)] if component else ())
            need_space = False
            if component:
                cell.stylize(Side.B, start, end, component)

        def flush() -> None:
            nonlocal need_space
            for a_start, a_end in deletions:
                sep = " " if cell.text and not cell.text[-1:].isspace() else ""
                cell.add(a, Side.A, a_start, a_end, sep=sep, changed=[(a_start, a_end)])
                cell.stylize(Side.A, a_start, a_end, "word-deleted-inline")
                need_space = True
            if deletions and insertions:
                start = insertions[0][0]
                while start < insertions[0][1] and b.text[start].isspace():
                    start += 1  # the arrow's own space stands in for it
                insertions[0] = (start, insertions[0][1])
                cell.add_separator(" → ", "word-arrow")
                need_space = False
            for start, end in insertions:
                add_b(start, end, "word-insert")
            deletions.clear()
            insertions.clear()

        def add_equal(start: int, end: int) -> None:
            if end <= start:
                return
            flush()
            for stretch in in_runs(runs, start, end):
                if stretch is None:
                    cell.add_separator(GAP, "word-arrow")
                else:
                    add_b(*stretch, None)

        for op in sorted(pair.ops, key=lambda o: (o.b_start, o.op is not Op.DELETE)):
            if op.b_start > b_pos:
                add_equal(b_pos, min(op.b_start, b_end))
                b_pos = max(b_pos, op.b_start)
            if op.op is Op.DELETE:
                a_start, a_end = op.a_start, op.a_end
                while a_start < a_end and a.text[a_start].isspace():
                    a_start += 1
                while a_end > a_start and a.text[a_end - 1].isspace():
                    a_end -= 1
                if a_end > a_start:
                    deletions.append((a_start, a_end))
                continue
            start, end = max(op.b_start, b_pos), min(op.b_end, b_end)
            if op.op is Op.INSERT:
                if end > start:
                    insertions.append((start, end))
            else:
                add_equal(start, end)
            b_pos = max(b_pos, op.b_end)
        add_equal(b_pos, b_end)
        flush()
        return cell

    def _build_row(self, row_view: RowView) -> Row:
        comp = self.comparison
        index, pair = row_view.index, row_view.pair
        a_cell = self._side_cell(comp.a, Side.A, pair.a, pair, row_view.side_layers(Side.A))
        b_cell = self._side_cell(comp.b, Side.B, pair.b, pair, row_view.side_layers(Side.B))
        if pair.status is Status.MOVED and pair.a:
            para = comp.a.sentences[pair.a[0]].paragraph + 1
            b_cell.notes.append((f"↕ moved from ¶{para} of A", "note-moved"))
        # A word replaced by one drawn the same: which characters differ.
        b_cell.notes.extend((f"≈ {found.note}", "note-lookalike") for found in row_view.lookalikes)
        unified = self._unified_cell(a_cell, b_cell, pair)
        unified.notes = b_cell.notes if pair.b else a_cell.notes
        return self._paint(Row(index, pair, a_cell, b_cell, unified), row_view)

    def _paint(self, row: Row, row_view: RowView) -> Row:
        """Paint the row's claims and quotations (its word changes are in its cells).

        Quotations are painted after claims (``render.model``'s order), so a quotation's
        colour came over a claim's text: on the claim's strong tint, 2:1 in textual-dark.
        Where a row holds both, its claims are painted once more at the end: inside a
        claim a quotation keeps its italics (and its mark in the gutter), the claim its
        tint and text colour, a fact its family's colour.
        """
        claims: list[Layer] = []
        quotes = False
        for layer in row_view.layers:
            if layer.kind.is_claim:
                self._paint_claim(row, layer)
                claims.append(layer)
            elif layer.source:
                self._paint_source(row, layer)
                quotes = True
            elif layer.kind.is_quote:
                self._paint_quote(row, layer)
                quotes = True
        if quotes:
            for layer in claims:
                self._claim_spans(row, layer)
        return row

    def _claim_spans(self, row: Row, layer: Layer) -> None:
        """Paint a claim's text, and its fact's colour, in its cell and the unified cell."""
        component = layer.kind.value
        cell = row.b if layer.side is Side.B else row.a
        colour = CATEGORY_FAMILY[layer.claim.category] if layer.claim is not None else ""
        for target in (cell, row.unified):
            found = target.ranges(layer.side, layer.start, layer.end)
            target.spans += [(d0, d1, component) for d0, d1 in found]
            if colour:
                # A fact stands out from the sentence around it, in its family's colour.
                fact = f"fact-{colour}"
                target.spans += [(d0, d1, fact) for d0, d1 in found]

    def _paint_claim(self, row: Row, layer: Layer) -> None:
        added = layer.kind is LayerKind.CLAIM_ADDED
        cell = row.b if layer.side is Side.B else row.a
        self._claim_spans(row, layer)
        cell.claims += 1
        row.claims += 1
        cell.glyph_style = "glyph-claim-added" if added else "glyph-claim-dropped"
        if not cell.glyph.strip():
            cell.glyph = "+" if added else "−"
        row.unified.glyph_style = cell.glyph_style
        if not row.unified.glyph.strip() or row.unified.glyph == "~":
            row.unified.glyph = "+" if added else "−"

    def _paint_quote(self, row: Row, layer: Layer) -> None:
        quote = layer.quote
        assert quote is not None  # quotation layers carry their quotation
        component = layer.kind.value
        cell = row.b if layer.side is Side.B else row.a
        cell.stylize(layer.side, layer.start, layer.end, component)
        row.unified.stylize(layer.side, layer.start, layer.end, component)
        for target in (cell, row.unified):
            shown = _quote_status_of(target.quote_style)
            old = _QUOTE_RANK[shown] if shown is not None else -1
            if _QUOTE_RANK[quote.status] > old:
                target.quote_mark = QUOTE_MARK[quote.status]
                target.quote_style = component
        if quote.source is not None and quote.status is QuoteStatus.ALTERED:
            source_row = self.view.locate.pair_at(quote.side.other, quote.source.start)
            if 0 <= source_row != row.index:
                src_text = display_echo(self.view.source_text(quote))
                cell.notes.append(
                    (f"“≠ altered from A: “{' '.join(src_text.split())}”", "note-quote")
                )
        if quote.speaker_changed:
            who = f"{quote.source_speaker or '?'} → {quote.speaker or '?'}"
            cell.notes.append((f"“ speaker changed: {who}", "note-quote"))

    def _paint_source(self, row: Row, layer: Layer) -> None:
        """Mark where a quotation of the other side comes from."""
        assert layer.quote is not None
        cell = row.a if layer.side is Side.A else row.b
        cell.stylize(layer.side, layer.start, layer.end, layer.kind.value)
        if cell.quote_style == "":
            cell.quote_mark = QUOTE_MARK[layer.quote.status]
            cell.quote_style = layer.kind.value

    def _panel(self) -> list[PanelEntry]:
        """The side panel's entries before the review is loaded: the view's claims (nested
        ones flagged) and every quotation check."""
        panel: list[PanelEntry] = []
        groups = {Section.ADDED: "added", Section.DROPPED: "dropped"}
        for item in self.view.items:
            group = groups.get(listed_in(item))
            if item.pair < 0 or not group:
                continue
            text = display_echo(item.text)
            panel.append(
                PanelEntry(
                    group,
                    item.category or item.kind.value,
                    " ".join(text.split()),
                    item.pair,
                    f"claim-{group}",
                    nested=item.parent is not None,
                )
            )
        for row_view in self.view.rows:
            for layer in row_view.layers:
                if layer.quote is None or layer.source:
                    continue
                text = display_echo(layer.quote.text)
                panel.append(
                    PanelEntry(
                        "quotes",
                        layer.quote.status.value,
                        " ".join(text.split()),
                        row_view.index,
                        layer.kind.value,
                    )
                )
        panel.sort(key=lambda e: {"added": 0, "dropped": 1, "quotes": 2}[e.group])
        return panel


def _one_side_cell(cell: Cell, side: Side, tinted: bool) -> Cell:
    """A unified cell showing one side's text only, labelled with that side (and tinted
    with it when the whole group was added or dropped)."""
    letter = side.value.upper()
    shown = Cell(
        cell.text,
        list(cell.pieces),
        list(cell.spans),
        cell.base or ("dropped" if side is Side.A else ""),
        side_label=letter,
        side_style=f"side-label-{letter.lower()}",
        tint=f"side-{letter.lower()}" if tinted else "",
    )
    shown.glyph, shown.glyph_style = cell.glyph, cell.glyph_style
    return shown


def _painted_on(layer: Layer) -> bool:
    """A layer ``DiffModel._paint`` paints (a claim or quotation), not a word change."""
    return layer.kind.is_claim or layer.source or layer.kind.is_quote


def _quote_status_of(component: str) -> QuoteStatus | None:
    if not component.startswith("quote-"):
        return None
    return QuoteStatus(component.removeprefix("quote-"))
