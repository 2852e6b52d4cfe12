"""Provides what a reviewable item is: its kind, stable key, nesting and counts.

Pure: imports the engine's model and the standard library only (no files, no UI).

API:
    ItemKind                           added, dropped, quote-*, reworded, moved
    ReviewItem                         one thing to mark, with its context and ``parent``
    review_items(comparison)           every item, in display order
    Section, section_of(kind)          the four lists items are shown in
    ItemCounts, count_items(items)     top-level items and the details inside, per section

Keys: an item's ``key`` is a digest of its kind, side, normalised text and the normalised
text of its sentence (plus an occurrence number), never of indexes, so an edit elsewhere
in an article leaves the keys, and the marks saved under them, alone. The derivation is
frozen: saved reviews on users' disks must keep loading.

Nesting: a detail inside an added (dropped) sentence or a quotation has ``parent`` set to
the key of the item holding it (``Claim.parent``, or the quotation item a quotation claim
is folded into). The counts every view shows are defined once, in ``count_items``:
top-level items per section, and the details inside them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from diffreader.engine.model import (
    ClaimCategory,
    ClaimKind,
    Comparison,
    Document,
    Quote,
    QuoteStatus,
    Side,
    Status,
)
from diffreader.review.keys import digest, normalise
from diffreader.review.locate import PairLocator

__all__ = [
    "ItemCounts",
    "ItemKind",
    "ReviewItem",
    "Section",
    "count_items",
    "review_items",
    "section_of",
]


class ItemKind(StrEnum):
    """What kind of reviewable item this is."""

    ADDED = "added"
    """An added claim (in B)."""
    DROPPED = "dropped"
    """A dropped detail (in A)."""
    QUOTE_ALTERED = "quote-altered"
    QUOTE_NEW = "quote-new"
    QUOTE_SPEAKER = "quote-speaker"
    """A verbatim quotation now attributed to someone else."""
    REWORDED = "reworded"
    MOVED = "moved"


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One thing the reviewer can mark, with what the UI and reports need to show it."""

    key: str
    """Stable identity derived from content (see the module docstring)."""
    kind: ItemKind
    label: str
    """Human label: "Added claim (number)", "Altered quotation", "Reworded"..."""
    side: Side
    """The article the item lives in (B for groups)."""
    text: str
    """The item itself: the claim, the quotation, or the group's B text."""
    start: int
    end: int
    """Offsets of ``text`` in that side's ``Document.text``."""
    pair: int
    """Index into ``Comparison.pairs`` (-1 when the engine did not place it)."""
    sentence: str
    """Context: the sentence(s) on ``side`` holding the item, verbatim."""
    sentence_start: int
    """Offset of ``sentence`` in that side's text (to highlight the item inside it)."""
    departs_from: str = ""
    """Context on the other side: the sentence(s) the item departs from, or ""."""
    category: str | None = None
    """The claim category (``ClaimCategory`` value) for claims."""
    source_text: str = ""
    """For an altered or re-attributed quotation: the quotation as the original has it."""
    parent: str | None = None
    """Key of the item holding this one (a name inside an added sentence, a figure inside
    a quotation), or ``None`` for a top-level item. Not part of the key."""


_QUOTE_KINDS = {
    QuoteStatus.ALTERED: (ItemKind.QUOTE_ALTERED, "Altered quotation"),
    QuoteStatus.NEW: (ItemKind.QUOTE_NEW, "New quotation"),
}


def _context(doc: Document, ids: Iterable[int]) -> tuple[str, int]:
    """Verbatim text of sentences ``ids`` (with the gaps between them) and its offset."""
    sentences = [doc.sentences[i] for i in sorted(set(ids)) if 0 <= i < len(doc.sentences)]
    if not sentences:
        return "", 0
    first, last = sentences[0], sentences[-1]
    if last.id - first.id == len(sentences) - 1:
        return doc.text[first.start : last.end], first.start
    return " ".join(s.text for s in sentences), first.start


def review_items(comparison: Comparison, locate: PairLocator | None = None) -> list[ReviewItem]:
    """List every reviewable item of a comparison, in display order.

    Items are: each added claim and dropped detail, each altered or new quotation (and
    each verbatim one attributed to a different speaker), and each reworded or moved
    group. A claim of category ``quotation`` that overlaps a listed quotation on the
    same side is folded into that quotation, so nothing is reviewed twice.

    Args:
        comparison: The result of ``engine.compare``.
        locate: The comparison's ``PairLocator``, when the caller has one already.

    Returns:
        Items ordered by group (``Comparison.pairs`` order), the group item first, then
        the side A items, then side B, each by position.
    """
    a, b = comparison.a, comparison.b
    locate = locate or PairLocator(comparison)

    drafts: list[tuple[tuple[int, int, int, int, int], ReviewItem]] = []
    side_rank = {Side.A: 1, Side.B: 2}

    def add(item: ReviewItem, rank: int) -> int:
        # At one start, the longer span first: a sentence-long claim before the names in it.
        # The draft number breaks no ties (the sort is stable): it only names the draft.
        drafts.append(((item.pair, rank, item.start, -item.end, len(drafts)), item))
        return len(drafts) - 1

    for index, pair in enumerate(comparison.pairs):
        if pair.status not in (Status.REWORDED, Status.MOVED) or not pair.a or not pair.b:
            continue
        a_text, _ = _context(a, pair.a)
        b_text, b_start = _context(b, pair.b)
        if pair.status is Status.REWORDED:
            kind, label = ItemKind.REWORDED, "Reworded"
        else:
            kind = ItemKind.MOVED
            label = "Moved and reworded" if pair.changed else "Moved"
        identity = (kind, "b", normalise(a_text) + "\x1e" + normalise(b_text), "")
        item = ReviewItem(
            key="|".join(identity),  # replaced by the digest below
            kind=kind,
            label=label,
            side=Side.B,
            text=b_text,
            start=b_start,
            end=b_start + len(b_text),
            pair=index,
            sentence=b_text,
            sentence_start=b_start,
            departs_from=a_text,
        )
        add(item, 0)

    quote_items: list[tuple[ReviewItem, int]] = []
    for quote in comparison.quotes:
        item_or_none = _quote_item(comparison, quote, locate)
        if item_or_none is not None:
            quote_items.append((item_or_none, add(item_or_none, side_rank[quote.side])))

    claim_draft: dict[int, int] = {}
    """Claim index -> the draft showing it (its own, or the quotation it is folded into)."""
    parent_of: dict[int, int] = {}
    """Draft of a nested claim -> claim index of its holder."""
    for index, claim in enumerate(comparison.claims):
        if claim.category is ClaimCategory.QUOTATION:
            holder = next(
                (
                    number
                    for q, number in quote_items
                    if q.side is claim.side and q.start < claim.end and claim.start < q.end
                ),
                None,
            )
            if holder is not None:
                claim_draft[index] = holder
                continue
        doc = comparison.document(claim.side)
        other = comparison.document(claim.side.other)
        sentence_id = claim.sentence
        if sentence_id < 0:
            sentence_id = locate.sentence_at(claim.side, claim.start)
        sentence, sentence_start = _context(doc, [sentence_id])
        pair_index = claim.pair
        if pair_index < 0:
            pair_index = locate.pair_of_sentence(claim.side, sentence_id)
        departs_ids: tuple[int, ...] = claim.departs_from
        if not departs_ids and 0 <= pair_index < len(comparison.pairs):
            pair = comparison.pairs[pair_index]
            departs_ids = pair.b if claim.side is Side.A else pair.a
        departs, _ = _context(other, departs_ids)
        if claim.kind is ClaimKind.ADDED:
            kind, label = ItemKind.ADDED, f"Added claim ({claim.category.value})"
        else:
            kind, label = ItemKind.DROPPED, f"Dropped detail ({claim.category.value})"
        item = ReviewItem(
            key="|".join((kind, claim.side.value, normalise(claim.text), normalise(sentence))),
            kind=kind,
            label=label,
            side=claim.side,
            text=claim.text,
            start=claim.start,
            end=claim.end,
            pair=pair_index,
            sentence=sentence,
            sentence_start=sentence_start,
            departs_from=departs,
            category=claim.category.value,
        )
        number = add(item, side_rank[claim.side])
        claim_draft[index] = number
        if claim.parent >= 0:
            parent_of[number] = claim.parent

    order = sorted(range(len(drafts)), key=lambda n: drafts[n][0])
    keys: dict[int, str] = {}
    seen: dict[str, int] = {}
    for number in order:
        item = drafts[number][1]
        # The same claim in two identical sentences gets an occurrence number, so keys
        # stay unique and still depend on content only.
        occurrence = seen.get(item.key, 0)
        seen[item.key] = occurrence + 1
        keys[number] = digest(item.key, str(occurrence))
    items: list[ReviewItem] = []
    for number in order:
        holder = claim_draft.get(parent_of.get(number, -1))
        parent = keys[holder] if holder is not None and holder != number else None
        items.append(replace(drafts[number][1], key=keys[number], parent=parent))
    return items


def _quote_item(comparison: Comparison, quote: Quote, locate: PairLocator) -> ReviewItem | None:
    """The review item for a quotation check, or None when there is nothing to review."""
    if quote.status in _QUOTE_KINDS:
        kind, label = _QUOTE_KINDS[quote.status]
    elif quote.status is QuoteStatus.VERBATIM and quote.speaker_changed:
        kind, label = ItemKind.QUOTE_SPEAKER, "Quotation attributed to someone else"
    else:
        return None
    doc = comparison.document(quote.side)
    other = comparison.document(quote.side.other)
    sentence_id = quote.sentence
    if sentence_id < 0:
        sentence_id = locate.sentence_at(quote.side, quote.start)
    sentence, sentence_start = _context(doc, [sentence_id])
    pair_index = quote.pair
    if pair_index < 0:
        pair_index = locate.pair_of_sentence(quote.side, sentence_id)
    departs = source_text = ""
    if quote.source is not None:
        source_text = other.text[quote.source.start : quote.source.end]
        departs, _ = _context(other, [locate.sentence_at(quote.side.other, quote.source.start)])
    return ReviewItem(
        key="|".join((kind, quote.side.value, normalise(quote.text), normalise(sentence))),
        kind=kind,
        label=label,
        side=quote.side,
        text=quote.text,
        start=quote.start,
        end=quote.end,
        pair=pair_index,
        sentence=sentence,
        sentence_start=sentence_start,
        departs_from=departs,
        source_text=source_text,
    )


class Section(StrEnum):
    """The lists items are shown in, in display order."""

    ADDED = "added"
    """Added claims (and the details inside them)."""
    DROPPED = "dropped"
    """Dropped details (and the details inside them)."""
    QUOTES = "quotes"
    """Quotation checks worth reviewing: altered, new, attributed to someone else."""
    REWORDING = "rewording"
    """Reworded and moved groups."""


_SECTION_OF = {
    ItemKind.ADDED: Section.ADDED,
    ItemKind.DROPPED: Section.DROPPED,
    ItemKind.QUOTE_ALTERED: Section.QUOTES,
    ItemKind.QUOTE_NEW: Section.QUOTES,
    ItemKind.QUOTE_SPEAKER: Section.QUOTES,
    ItemKind.REWORDED: Section.REWORDING,
    ItemKind.MOVED: Section.REWORDING,
}


def section_of(kind: ItemKind) -> Section:
    """The section an item of ``kind`` is listed in."""
    return _SECTION_OF[kind]


@dataclass(frozen=True, slots=True)
class ItemCounts:
    """How many items a section lists: top-level ones, and the details inside them."""

    top: int = 0
    """Items with no parent: what a heading and a summary count."""
    inside: int = 0
    """Items nested in another item (``ReviewItem.parent``)."""

    @property
    def total(self) -> int:
        """Every item the section lists."""
        return self.top + self.inside


def count_items(items: Iterable[ReviewItem]) -> dict[Section, ItemCounts]:
    """Count items per section: the one definition every view and format shows.

    A claim counts where it is listed: a quotation claim folded into a quotation item
    counts as that quotation check, not as an added claim; a name inside an added
    sentence counts as a detail inside it.

    Args:
        items: Review items (``review_items``), possibly filtered.

    Returns:
        Counts for every ``Section`` (zero when it lists nothing).
    """
    top = dict.fromkeys(Section, 0)
    inside = dict.fromkeys(Section, 0)
    for item in items:
        section = _SECTION_OF[item.kind]
        if item.parent is None:
            top[section] += 1
        else:
            inside[section] += 1
    return {section: ItemCounts(top[section], inside[section]) for section in Section}
