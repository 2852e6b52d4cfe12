"""Provides the presentation model: what a comparison shows, built once for every writer.

``build_view(comparison, entries)`` gathers everything the writers (terminal text,
Markdown, HTML, JSON, and the reader's rows) show, so none of them derives anything:

* one ``RowView`` per ``Pair`` (in ``Comparison.pairs`` order) with its highlight
  ``Layer``s in document offsets;
* the review items (``review_items``), with their nesting (``ReviewItem.parent``), and
  the counts every view prints (``View.counts``, from ``count_items``);
* the review entries (marks and notes) when given, progress and stale marks;
* the one pair look-up (``View.locate``, a bisection).

Highlight layers of a row, in paint order (a later layer wins where they overlap):
    word-delete (A) / word-insert (B)   subtle: word-level rewording of a reworded or
                                        moved group (``Pair.ops``)
    claim-added / claim-dropped         strong: added claims and dropped details, in
                                        ``Comparison.claims`` order
    quote-verbatim/altered/new/dropped  quotation checks, in ``Comparison.quotes`` order;
                                        a quotation's source on the other side gets a
                                        layer too (``Layer.source``), in the row holding it

That is the order the reader has always painted in (an earlier ``tui/rows.py`` docstring
listed quotations before claims; its code painted claims first), kept so that nothing on
screen moves. The reader then paints a claim once more over a quotation in its row, so the
claim keeps its colours on its strong tint and the quotation its italics
(``tui.rows.DiffModel._paint``).

API:
    LayerKind, Layer, RowView, View   a row also holds its look-alike word changes
    build_view(comparison, entries=None, *, base=None, rows=True) -> View
    plain_view(comparison, locate=None) -> View   no rows, item keys only unique: for a
                                     writer that reads neither (the CLI's text, Markdown)
    View.counts[Section] / .added_claims / .dropped_details   the one set of counts
    View.locate.pair_at(side, offset)                         the one pair look-up
    word_runs(comparison, pair)      B's text with A's deletions interleaved, as runs
    group_text(doc, ids), has_word_changes(pair)
    sentence_runs(doc, ids), in_runs(runs, lo, hi), GAP
                                     a group's sentences lying apart, and what stands
                                     for the text between them
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from diffreader.engine import collector
from diffreader.engine.model import (
    Claim,
    ClaimKind,
    Comparison,
    Document,
    Op,
    Pair,
    Quote,
    QuoteStatus,
    Side,
    Status,
)
from diffreader.render.labels import CATEGORY_LABEL, QUOTE_BADGE
from diffreader.render.lookalike import Lookalike, lookalikes
from diffreader.review.items import (
    ItemCounts,
    ReviewItem,
    Section,
    count_items,
    listed_in,
    review_items,
    unkeyed_items,
)
from diffreader.review.locate import PairLocator
from diffreader.review.marks import Mark, Progress, ReviewEntry, StaleEntry, stale_entries

__all__ = [
    "GAP",
    "Layer",
    "LayerKind",
    "RowView",
    "View",
    "build_view",
    "group_text",
    "has_word_changes",
    "in_runs",
    "plain_view",
    "sentence_runs",
    "word_runs",
]


class LayerKind(StrEnum):
    """What a highlight layer marks; the values are the reader's component names."""

    WORD_DELETE = "word-delete"
    WORD_INSERT = "word-insert"
    CLAIM_ADDED = "claim-added"
    CLAIM_DROPPED = "claim-dropped"
    QUOTE_VERBATIM = "quote-verbatim"
    QUOTE_ALTERED = "quote-altered"
    QUOTE_NEW = "quote-new"
    QUOTE_DROPPED = "quote-dropped"

    @classmethod
    def of_quote(cls, status: QuoteStatus) -> LayerKind:
        """The layer of a quotation with ``status``."""
        return cls(f"quote-{status.value}")

    @property
    def is_quote(self) -> bool:
        """True for the quotation layers."""
        return self.value.startswith("quote-")

    @property
    def is_claim(self) -> bool:
        """True for added claims and dropped details."""
        return self in (LayerKind.CLAIM_ADDED, LayerKind.CLAIM_DROPPED)


@dataclass(frozen=True, slots=True)
class Layer:
    """A highlighted span ``[start, end)`` of one side's text (document offsets)."""

    kind: LayerKind
    side: Side
    start: int
    end: int
    title: str = ""
    """What it is, in words (plain text: a tooltip)."""
    claim: Claim | None = None
    """The claim it marks (claim layers)."""
    quote: Quote | None = None
    """The quotation it marks (quotation layers)."""
    source: bool = False
    """True when it marks a quotation's source on the other side, not the quotation."""


@dataclass(frozen=True, slots=True)
class RowView:
    """One aligned group and its layers."""

    index: int
    """Index into ``Comparison.pairs``."""
    pair: Pair
    layers: tuple[Layer, ...] = ()
    """Highlights on both sides, in paint order (see the module docstring)."""
    annotated: bool = False
    """True when a claim or a quotation highlights something in this row."""
    lookalikes: tuple[Lookalike, ...] = ()
    """Word changes whose two sides look the same, with the note that tells them apart
    (``lookalike.lookalikes``)."""

    def side_layers(self, side: Side) -> list[Layer]:
        """The layers on ``side``, in paint order."""
        return [layer for layer in self.layers if layer.side is side]


@dataclass(frozen=True, slots=True)
class View:
    """Everything a comparison shows; build it with ``build_view``."""

    comparison: Comparison
    rows: tuple[RowView, ...]
    """One per pair, in ``Comparison.pairs`` order (empty when built with ``rows=False``)."""
    items: tuple[ReviewItem, ...]
    """Reviewable items in display order (nested ones after their holder)."""
    counts: Mapping[Section, ItemCounts]
    """Top-level items and details inside, per section: the figures every view prints."""
    locate: PairLocator
    entries: Mapping[str, ReviewEntry] = field(default_factory=dict)
    """Review entries by item key (empty when nothing is reviewed)."""
    stale: tuple[StaleEntry, ...] = ()
    """Live entries whose item no longer exists, oldest first."""
    progress: Progress = field(default_factory=lambda: Progress(0, 0, 0))

    @property
    def added_claims(self) -> int:
        """Top-level added claims (``Stats.added_claims`` as every view shows it)."""
        return self.counts[Section.ADDED].top

    @property
    def dropped_details(self) -> int:
        """Top-level dropped details."""
        return self.counts[Section.DROPPED].top

    def section(self, section: Section) -> list[ReviewItem]:
        """The items listed in ``section``, in display order."""
        return [item for item in self.items if listed_in(item) is section]

    def entry(self, key: str) -> ReviewEntry | None:
        """The live entry of ``key`` (``None`` when unmarked and without a note)."""
        entry = self.entries.get(key)
        return entry if entry is not None and entry.is_live else None

    def mark(self, key: str) -> Mark | None:
        """The mark of ``key``, ``None`` when not reviewed."""
        entry = self.entry(key)
        return entry.mark if entry else None

    def claim_items(self, kind: ClaimKind) -> list[ReviewItem]:
        """The added claims (or dropped details) listed, nested ones after their holder."""
        return self.section(Section.ADDED if kind is ClaimKind.ADDED else Section.DROPPED)

    def verbatim_quotes(self) -> list[Quote]:
        """Verbatim quotations with nothing to review (same words, same speaker)."""
        return [
            q
            for q in self.comparison.quotes
            if q.status is QuoteStatus.VERBATIM and not q.speaker_changed
        ]

    def dropped_quotes(self) -> list[Quote]:
        """Quotations of the original the rewrite leaves out."""
        return [q for q in self.comparison.quotes if q.status is QuoteStatus.DROPPED]

    def source_text(self, quote: Quote) -> str:
        """The text a quotation's source span covers on the other side ("" when none)."""
        if quote.source is None:
            return ""
        return self.comparison.document(quote.side.other).text[
            quote.source.start : quote.source.end
        ]


def _word_layers(pair: Pair) -> list[Layer]:
    if pair.status not in (Status.REWORDED, Status.MOVED):
        return []
    layers: list[Layer] = []
    for op in pair.ops:
        if op.op is Op.DELETE:
            layers.append(Layer(LayerKind.WORD_DELETE, Side.A, op.a_start, op.a_end))
    for op in pair.ops:
        if op.op is Op.INSERT:
            layers.append(Layer(LayerKind.WORD_INSERT, Side.B, op.b_start, op.b_end))
    return layers


def _claim_layer(claim: Claim) -> Layer:
    added = claim.kind is ClaimKind.ADDED
    word = "added claim" if added else "dropped detail"
    return Layer(
        LayerKind.CLAIM_ADDED if added else LayerKind.CLAIM_DROPPED,
        claim.side,
        claim.start,
        claim.end,
        f"{word} ({CATEGORY_LABEL[claim.category]})",
        claim=claim,
    )


def _quote_title(quote: Quote) -> str:
    badge = QUOTE_BADGE[quote.status]
    title = badge if quote.status is not QuoteStatus.VERBATIM else "verbatim quote"
    if quote.speaker_changed:
        title += f" (attributed to {quote.speaker or '?'}, was {quote.source_speaker or '?'})"
    return title


def build_view(
    comparison: Comparison,
    entries: Mapping[str, ReviewEntry] | None = None,
    *,
    base: View | None = None,
    rows: bool = True,
) -> View:
    """Build the presentation model of a comparison.

    Args:
        comparison: The result of ``engine.compare`` (or ``align_pair``: no claims yet).
        entries: Review entries by item key (``ReviewSession.entries()``); ``None``:
            nothing reviewed.
        base: The view of the same aligned pairs before claims and quotations were
            added (``align_pair`` then ``annotate``): its look-up and the rows nothing
            annotates are reused, so the second half of a long pair costs little.
        rows: ``False``: leave ``View.rows`` empty, for a writer that reads no highlight
            layers (the CLI's text, Markdown and JSON): a long pair's layers are some
            hundred thousand objects.

    Returns:
        The view every writer reads.
    """
    # A long comparison makes some hundred thousand small objects here, none of them in a
    # reference cycle, and the collector's full passes over the growing heap cost about a
    # quarter of the build: it is paused meanwhile (and left as it was found).
    with collector.paused():
        return _build_view(comparison, entries, base, with_rows=rows)


def plain_view(comparison: Comparison, locate: PairLocator | None = None) -> View:
    """``build_view(comparison, rows=False)`` with item keys (and so ``parent`` and
    ``aliases``) only unique, not derived from content (``review.unkeyed_items``): for a
    writer that reads neither layers nor keys (the command line's text and Markdown)."""
    with collector.paused():  # as in ``build_view``
        locate = locate or PairLocator(comparison)
        items = tuple(unkeyed_items(comparison, locate))
        return View(comparison, (), items, count_items(items), locate)


def _build_view(
    comparison: Comparison,
    entries: Mapping[str, ReviewEntry] | None,
    base: View | None,
    *,
    with_rows: bool,
) -> View:
    same_pairs = (
        base is not None
        and base.comparison.pairs is comparison.pairs
        and base.comparison.a is comparison.a
        and base.comparison.b is comparison.b
    )
    locate = base.locate if base is not None and same_pairs else PairLocator(comparison)
    rows = _rows(comparison, locate, base if same_pairs else None) if with_rows else ()
    items = tuple(review_items(comparison, locate))
    entries = dict(entries or {})
    # Nothing reviewed (the command line's output): no entry is stale, none marked.
    stale = stale_entries(entries, items) if entries else []
    reviewed = flagged = 0
    for item in items if entries else ():
        entry = entries.get(item.key)
        if entry is not None and entry.mark is not None:
            reviewed += 1
            flagged += entry.mark is Mark.FLAGGED
    return View(
        comparison=comparison,
        rows=rows,
        items=items,
        counts=count_items(items),
        locate=locate,
        entries=entries,
        stale=tuple(stale),
        progress=Progress(reviewed, len(items), flagged),
    )


def _rows(comparison: Comparison, locate: PairLocator, base: View | None) -> tuple[RowView, ...]:
    """One ``RowView`` per pair with its layers (``base``'s rows reused where nothing
    annotates them)."""
    size = len(comparison.pairs)
    layers: dict[int, list[Layer]] = {}
    annotated: set[int] = set()

    def row_layers(index: int) -> list[Layer]:
        found = layers.get(index)
        if found is None:
            found = layers[index] = _word_layers(comparison.pairs[index])
        return found

    for claim in comparison.claims:
        row = locate.place(claim.side, claim.start, claim.pair)
        if row >= 0:
            row_layers(row).append(_claim_layer(claim))
            annotated.add(row)
    for quote in comparison.quotes:
        row = locate.place(quote.side, quote.start, quote.pair)
        if row < 0:
            continue
        kind = LayerKind.of_quote(quote.status)
        title = _quote_title(quote)
        row_layers(row).append(Layer(kind, quote.side, quote.start, quote.end, title, quote=quote))
        annotated.add(row)
        if quote.source is not None:
            source_row = locate.pair_at(quote.side.other, quote.source.start)
            if 0 <= source_row < size:
                annotated.add(source_row)
                row_layers(source_row).append(
                    Layer(
                        kind,
                        quote.side.other,
                        quote.source.start,
                        quote.source.end,
                        title,
                        quote=quote,
                        source=True,
                    )
                )
    if base is not None:
        return tuple(
            [
                base.rows[index]
                if index not in annotated and not base.rows[index].annotated
                else RowView(
                    index,
                    pair,
                    tuple(row_layers(index)),
                    index in annotated,
                    base.rows[index].lookalikes,
                )
                for index, pair in enumerate(comparison.pairs)
            ]
        )
    return tuple(
        [
            RowView(
                index,
                pair,
                tuple(row_layers(index)),
                index in annotated,
                tuple(lookalikes(comparison, pair)),
            )
            for index, pair in enumerate(comparison.pairs)
        ]
    )


GAP = " … "
"""What stands for the article text between two sentences of a group that are not
neighbours (a sentence split in two, its parts far apart): that text is other groups',
and shown inside this one it would read as unchanged text of the group."""


def sentence_runs(doc: Document, ids: Sequence[int]) -> list[tuple[int, int]]:
    """The text spans of sentences ``ids``, one per run of consecutive sentences (the
    spaces and paragraph breaks between them included), in text order.

    >>> from diffreader.engine.load import document_from_text
    >>> doc = document_from_text("One. Two. Three. Four.")
    >>> [doc.text[s:e] for s, e in sentence_runs(doc, (3, 0, 1))]
    ['One. Two.', 'Four.']
    """
    if not ids:
        return []
    sentences = doc.sentences
    first, last = min(ids), max(ids)
    if last - first + 1 == len(ids):  # one run (most groups): no sort
        return [(sentences[first].start, sentences[last].end)]
    ordered = sorted(set(ids))
    runs: list[tuple[int, int]] = []
    first = previous = ordered[0]
    for sid in ordered[1:]:
        if sid != previous + 1:
            runs.append((sentences[first].start, sentences[previous].end))
            first = sid
        previous = sid
    runs.append((sentences[first].start, sentences[previous].end))
    return runs


def in_runs(runs: Sequence[tuple[int, int]], lo: int, hi: int) -> Iterator[tuple[int, int] | None]:
    """The stretches of ``[lo, hi)`` inside ``runs`` (``sentence_runs``), in order, and
    None where it crosses from one run into the next (the text between is left out).

    >>> list(in_runs([(0, 10), (50, 60)], 5, 55))
    [(5, 10), None, (50, 55)]
    """
    for k, (start, end) in enumerate(runs):
        if k and lo <= runs[k - 1][1] and hi >= start:
            yield None
        if hi > start and end > lo:
            yield max(lo, start), min(hi, end)


def group_text(doc: Document, ids: Sequence[int]) -> str:
    """The article text of sentences ``ids``: each run of consecutive sentences with the
    gaps between its sentences, runs apart joined by ``GAP``."""
    text = doc.text
    return GAP.join([text[start:end] for start, end in sentence_runs(doc, ids)])


def has_word_changes(pair: Pair) -> bool:
    """True when the group's word diff has an insertion or a deletion."""
    return any(op.op is not Op.EQUAL for op in pair.ops)


def word_runs(comparison: Comparison, pair: Pair) -> Iterator[tuple[Op, str]]:
    """Yield ``(op, text)`` runs that read as B with A's deletions interleaved.

    Equal runs show B's wording (they can differ from A only in quote marks, dashes and
    whitespace, which matching normalises). Text between ops on B's side (spaces the
    tokeniser left out) is yielded as equal, so the group reads exactly as B; between two
    of its sentences lying apart, ``GAP`` stands for the other groups' text.
    """
    a_text, b_text = comparison.a.text, comparison.b.text
    runs = sentence_runs(comparison.b, pair.b)

    def equal(lo: int, hi: int) -> Iterator[tuple[Op, str]]:
        for stretch in in_runs(runs, lo, hi):
            yield Op.EQUAL, GAP if stretch is None else b_text[stretch[0] : stretch[1]]

    cursor = runs[0][0] if runs else None
    for op in pair.ops:
        if op.op is Op.DELETE:
            yield Op.DELETE, a_text[op.a_start : op.a_end]
            continue
        if cursor is not None and op.b_start > cursor:
            yield from equal(cursor, op.b_start)
        yield op.op, b_text[op.b_start : op.b_end]
        cursor = op.b_end if cursor is None else max(cursor, op.b_end)
    if runs and cursor is not None and runs[-1][1] > cursor:
        yield from equal(cursor, runs[-1][1])
