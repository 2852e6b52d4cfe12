"""Provides what a reviewable item is: its kind, stable key, nesting and counts.

Pure: imports the engine's model and the standard library only (no files, no UI).

API:
    ItemKind                           added, dropped, quote-*, reworded, moved
    ReviewItem                         one thing to mark, with its context and ``parent``
    review_items(comparison)           every item, in display order
    unkeyed_items(comparison)          the same items, keys only unique (writers reading none)
    item_blocks(comparison, locate)    where items can be made a range of groups at a time
    review_items_in(comparison, ...)   the items of one such range
    key_forms(...), keys_apart(...)    the matching forms keys are made of, made once, and
                                       whether ranges of groups can key their items apart
    RunningKeys()                      identities counted on over ranges made in order,
                                       where they cannot (``review_items_in(running=)``)
    Section, section_of(kind)          the four lists items are shown in
    ItemCounts, count_items(items)     top-level items and the details inside, per section
    sum_counts(parts)                  the counts of a list made range by range

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

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from enum import StrEnum
from operator import attrgetter, itemgetter

from diffreader.engine.lexicon import STOPWORDS
from diffreader.engine.model import (
    Claim,
    ClaimCategory,
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
from diffreader.review.keys import digest, normalise, occurrence_digest
from diffreader.review.locate import PairLocator

__all__ = [
    "CATEGORY_FAMILY",
    "FAMILIES",
    "MIN_CLAUSE_WORDS",
    "SHORT_QUOTE_WORDS",
    "ItemBlocks",
    "ItemCounts",
    "ItemKind",
    "KeyForms",
    "ReviewItem",
    "RunningKeys",
    "Section",
    "count_items",
    "family",
    "item_blocks",
    "key_forms",
    "keys_apart",
    "listed_in",
    "review_items",
    "review_items_in",
    "salience",
    "section_of",
    "sum_counts",
    "unkeyed_items",
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
    was: str = ""
    """For a changed fact (a substitution): the A side's text it replaced ("21" for "25")."""
    aliases: tuple[str, ...] = ()
    """Keys of items folded into this one (the A side of a substitution, the other clauses
    of an added sentence): a mark saved under one of them belongs to this item."""
    holder_kind: ItemKind | None = None
    """For a nested item: the kind of the top-level item holding it (where it is listed)."""


_SLOTS = tuple(getattr(ReviewItem, f.name).__set__ for f in dataclass_fields(ReviewItem))
"""The setter of each field's slot, in field order: what the frozen dataclass's ``__init__``
calls ``object.__setattr__`` for, one field at a time (``_made``)."""
(
    _set_key,
    _set_kind,
    _set_label,
    _set_side,
    _set_text,
    _set_start,
    _set_end,
    _set_pair,
    _set_sentence,
    _set_sentence_start,
    _set_departs_from,
    _set_category,
    _set_source_text,
    _set_parent,
    _set_was,
    _set_aliases,
    _set_holder_kind,
) = _SLOTS  # a field added to ``ReviewItem`` fails here, at import, until ``_made`` sets it
_new = object.__new__


def _made(
    key: str,
    fields: _Fields,
    parent: str | None,
    was: str,
    aliases: tuple[str, ...],
    holder_kind: ItemKind | None,
) -> ReviewItem:
    """``ReviewItem(key, *fields, parent, was, aliases, holder_kind)``, at half the cost.

    Every item of a list is made here once, and a long pair has a hundred thousand: the
    generated ``__init__`` of a frozen dataclass looks each field's slot up by name
    (``object.__setattr__``), where this calls the slots' setters, found once. A test checks
    that this agrees with ``dataclasses.replace`` on every field.
    """
    item: ReviewItem = _new(ReviewItem)
    (
        kind,
        label,
        side,
        text,
        start,
        end,
        pair,
        sentence,
        sentence_start,
        departs,
        category,
        source,
    ) = fields
    _set_key(item, key)
    _set_kind(item, kind)
    _set_label(item, label)
    _set_side(item, side)
    _set_text(item, text)
    _set_start(item, start)
    _set_end(item, end)
    _set_pair(item, pair)
    _set_sentence(item, sentence)
    _set_sentence_start(item, sentence_start)
    _set_departs_from(item, departs)
    _set_category(item, category)
    _set_source_text(item, source)
    _set_parent(item, parent)
    _set_was(item, was)
    _set_aliases(item, aliases)
    _set_holder_kind(item, holder_kind)
    return item


_Fields = tuple[ItemKind, str, Side, str, int, int, int, str, int, str, str | None, str]
"""The fields of a ``ReviewItem`` from ``kind`` to ``source_text``, in order."""


def _fields(item: ReviewItem) -> _Fields:
    return (
        item.kind,
        item.label,
        item.side,
        item.text,
        item.start,
        item.end,
        item.pair,
        item.sentence,
        item.sentence_start,
        item.departs_from,
        item.category,
        item.source_text,
    )


class _Item:
    """An item while ``_Consolidation`` rewrites the list: what its steps read and change,
    and the item's other fields as ``_keyed_items`` made them.

    A ``ReviewItem`` is made of each once, when the list is final (``_Consolidation.ordered``):
    on a long pair most items change on the way (a substitution's ``was`` and ``aliases``, a
    new holder) or are folded away, and making a frozen dataclass costs several times what
    this plain record does.
    """

    __slots__ = (
        "category",
        "end",
        "fields",
        "key",
        "kind",
        "pair",
        "parent",
        "sentence_id",
        "side",
        "start",
        "text",
    )

    def __init__(
        self,
        key: str,
        fields: _Fields,
        parent: str | None,
        sentence_id: int | None = None,
    ) -> None:
        self.key = key
        self.fields = fields
        """The fields of its ``ReviewItem`` from ``kind`` to ``source_text`` (``_Fields``)."""
        self.kind, _, self.side, self.text, self.start, self.end, self.pair = fields[:7]
        self.category = fields[10]
        self.parent = parent
        """The key of the item holding it, as the steps move it (``ReviewItem.parent``)."""
        self.sentence_id = sentence_id
        """For a claim's item: the id of its sentence (``None``: the item is no claim's)."""


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
    if first is last:
        return first.text, first.start  # ``doc.text[first.start : first.end]``, already made
    if last.id - first.id == len(sentences) - 1:
        return doc.text[first.start : last.end], first.start
    return " ".join(s.text for s in sentences), first.start


def _sentence(doc: Document, sentence_id: int) -> tuple[str, int]:
    """``_context(doc, [sentence_id])``: the text of one sentence and its offset (or "", 0)."""
    sentences = doc.sentences
    if 0 <= sentence_id < len(sentences):
        sentence = sentences[sentence_id]
        return sentence.text, sentence.start
    return "", 0


CATEGORY_FAMILY: dict[ClaimCategory, str] = {
    ClaimCategory.NUMBER: "figure",
    ClaimCategory.DURATION: "figure",
    ClaimCategory.DATE: "date",
    ClaimCategory.PERSON: "name",
    ClaimCategory.PLACE: "name",
    ClaimCategory.ORGANISATION: "name",
    ClaimCategory.NAME: "name",
    ClaimCategory.ROLE: "role",
    ClaimCategory.NEGATION: "negation",
    ClaimCategory.HEDGE: "negation",
    ClaimCategory.OPPOSITE: "opposite",
    ClaimCategory.QUOTATION: "",
    ClaimCategory.ASSERTION: "",
}
"""The family of a fact ("figure", "date", "name", "role", "negation", "opposite"; "" for
sentences and quotations): a dropped fact and an added fact of one family in one reworded
group are one change, and each family has its colour in every view."""

FAMILIES: tuple[str, ...] = ("figure", "date", "name", "role", "negation", "opposite")
"""The fact families, in legend order."""

_FAMILY_OF = {c.value: f for c, f in CATEGORY_FAMILY.items()}
_HOLDERS = (ClaimCategory.ASSERTION.value, ClaimCategory.QUOTATION.value)
_CHANGES = (
    ClaimCategory.NEGATION.value,
    ClaimCategory.HEDGE.value,
    ClaimCategory.OPPOSITE.value,
    ClaimCategory.ROLE.value,
)

MIN_CLAUSE_WORDS = 4
"""A clause added to (dropped from) a reworded sentence with fewer content words than this
(stopwords aside) and no fact inside is no item of its own: it is listed inside the
reworded group's item."""

SHORT_QUOTE_WORDS = 3
"""A new quotation of at most this many words ("productive") is listed inside the item of
its sentence (an added sentence, a reworded group), not on its own."""


def family(item: ReviewItem) -> str:
    """The fact family of a claim item ("" for sentences, quotations and other items)."""
    return _FAMILY_OF.get(item.category or "", "")


def salience(item: ReviewItem) -> int:
    """How much an item matters, 0 first: the order lists show top-level items in.

    0: a changed fact (``was`` set), a negation, a hedge, an opposite, a new or dropped role;
    1: a figure, a date, a name; 2: a quotation; 3: a sentence or clause (assertion);
    4: a reworded or moved group.

    >>> salience(ReviewItem("k", ItemKind.REWORDED, "Reworded", Side.B, "x", 0, 1, 0, "x", 0))
    4
    """
    found = _SALIENCE.get((item.kind, item.category, item.was != ""))
    if found is None:
        return _salience(item.kind, item.category, item.was != "")
    return found


def _salience(kind: ItemKind, category: str | None, was: bool) -> int:
    """``salience`` of an item of ``kind`` and ``category``, ``was`` set or not."""
    if kind in (ItemKind.REWORDED, ItemKind.MOVED):
        return 4
    if kind in (ItemKind.QUOTE_ALTERED, ItemKind.QUOTE_NEW, ItemKind.QUOTE_SPEAKER):
        return 2
    if was or category in _CHANGES:
        return 0
    if _FAMILY_OF.get(category or "", ""):
        return 1
    return 2 if category == ClaimCategory.QUOTATION.value else 3


_SALIENCE = {
    (kind, category, was): _salience(kind, category, was)
    for kind in ItemKind
    for category in [None, *(c.value for c in ClaimCategory)]
    for was in (False, True)
}
"""``_salience`` of every kind and category an item has (lists sort by it, the JSON writes it)."""


@dataclass(slots=True)
class _Sources:
    """Where the group and quotation items come from, and the identities keyed so far."""

    group_item: dict[int, str] = field(default_factory=dict)
    """A reworded or moved group's index -> the key of its item."""
    quote_of: dict[str, Quote] = field(default_factory=dict)
    """The key of a quotation's item -> the quotation check (in ``Comparison.quotes`` order)."""
    seen: dict[str, int] = field(default_factory=dict)
    """Identity -> how many items have it (the next occurrence number)."""
    holders: list[str] | None = None
    """The identities of the sentence items ``_Consolidation`` made, in order: kept only
    for a ``RunningKeys`` (``seen`` given to ``_keyed_items``), which counts them."""
    keyed: bool = True
    """False: keys are only unique, not derived from content (``review_items_in``)."""


def review_items(comparison: Comparison, locate: PairLocator | None = None) -> list[ReviewItem]:
    """List every reviewable item of a comparison: one item per change, most salient first.

    The engine's claims and quotation checks become items (a claim of category
    ``quotation`` that overlaps a listed quotation on the same side is folded into that
    quotation, so nothing is reviewed twice), plus one item per reworded or moved group.
    Then each change is made one item:

    * a substitution (a dropped fact and an added fact of one ``family`` in one reworded
      group: a changed figure, a swapped name, a new role) is the B side's item, with the
      A side's text as ``was``; the A side's key is among its ``aliases``;
    * an added (dropped) sentence is one item: the quotation it holds, its one clause
      when that clause holds everything flagged in it, else the whole sentence; its other
      clauses fold into it (``aliases``), its facts and short quotations nest inside it;
    * a fact inside a listed quotation nests inside it, and so does a fact the A side
      of an altered quotation loses;
    * a clause of a reworded group under ``MIN_CLAUSE_WORDS`` content words, and a new
      quotation of at most ``SHORT_QUOTE_WORDS`` words, nest inside their group's item.

    Args:
        comparison: The result of ``engine.compare``.
        locate: The comparison's ``PairLocator``, when the caller has one already.

    Returns:
        Top-level items by ``Section`` (the order every list shows them in), then by
        ``salience``, then by position (``Comparison.pairs`` order, side A before B, then
        offset); each followed by the items nested in it, by position: the order the
        side panel, the reports and the JSON list them in (the diff, the text output and
        the reader's r/R keys walk the document instead). Keys are those of
        ``_keyed_items`` (frozen); a sentence item made here gets a key derived the same
        way from its text.
    """
    locate = locate or PairLocator(comparison)
    items, sources = _keyed_items(comparison, locate)
    return _Consolidation(comparison, items, sources).run()


@dataclass(frozen=True, slots=True)
class ItemBlocks:
    """Where the review items of a comparison can be made a range of groups at a time
    (``item_blocks``, ``review_items_in``).

    Each step of ``review_items`` relates an item to others only through the sentences
    their spans share, a claim's ``parent``, the sentence a claim (quotation) names and the
    group it is placed in, and an altered quotation's source (where the facts its A side
    loses start): every item's *extent* is the range of groups (pair indexes) all of these
    fall in. Groups are cut only where no extent straddles the cut, so the items
    of a range of groups, made from the claims and quotations placed in it alone, are the
    items ``review_items`` makes there, with the same nesting and order; only their keys
    differ (a key's occurrence number counts the same identities before it, in the whole
    comparison).
    """

    cuts: tuple[int, ...]
    """The groups a range may start at, ascending, from 0; and the number of groups last."""
    claim_pairs: tuple[int, ...]
    """The group each claim is placed in (``ReviewItem.pair`` of its item)."""
    quote_pairs: tuple[int, ...]
    """The group each quotation's item is placed in (-1: the quotation makes no item)."""


def item_blocks(comparison: Comparison, locate: PairLocator) -> ItemBlocks | None:
    """Where the items of ``comparison`` can be made range by range (see ``ItemBlocks``),
    or ``None`` when something is placed in no group (an unplaced claim or quotation, a
    span or a sentence outside every group): those are made with the whole list."""
    size = len(comparison.pairs)
    if not size:
        return None
    # Per side, indexed by ``on_a`` (``side is Side.A``: hashing an enum is a Python call).
    pair_of = (locate.pair_table(Side.B), locate.pair_table(Side.A))
    starts = (locate.starts(Side.B), locate.starts(Side.A))
    reach = [-1] * size
    """Group -> the furthest group an extent starting there reaches."""
    side_a = Side.A

    def extent(on_a: bool, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
        """``lo``-``hi`` widened by the groups of the sentences ``[start, end)`` touches
        (-1, -1: a span outside every sentence or group)."""
        first = bisect_right(starts[on_a], start) - 1
        last = bisect_right(starts[on_a], max(start, end - 1)) - 1
        if first < 0:
            return -1, -1
        table = pair_of[on_a]
        for sentence in range(first, last + 1):
            group = table[sentence]
            if group < 0:
                return -1, -1
            lo, hi = min(lo, group), max(hi, group)
        return lo, hi

    claims = comparison.claims
    # The start of each sentence's successor (past the end for the last): a span lies in
    # sentence ``s`` when it starts at or after ``starts[s]`` and ends by ``nexts[s]``.
    nexts = tuple([*row[1:], 1 << 62] for row in starts)
    claim_pairs: list[int] = []
    wide: dict[int, tuple[int, int]] = {}
    """Claim -> its extent, where that is more than the group it is placed in."""
    links: list[tuple[int, int]] = []
    """(claim, its parent)."""
    place = claim_pairs.append
    for index, claim in enumerate(claims):
        on_a = claim.side is side_a
        sentence, start, end = claim.sentence, claim.start, claim.end
        if sentence < 0:
            sentence = bisect_right(starts[on_a], start) - 1
        table = pair_of[on_a]
        group = table[sentence] if 0 <= sentence < len(table) else -1
        placed = claim.pair if claim.pair >= 0 else group
        if group < 0 or placed >= size:
            return None
        # Most claims lie in their own sentence, in its group: their extent is that group.
        if (
            group != placed
            or start < starts[on_a][sentence]
            or max(start, end - 1) >= nexts[on_a][sentence]
        ):
            lo, hi = extent(on_a, start, end, min(group, placed), max(group, placed))
            if lo < 0:
                return None
            wide[index] = (lo, hi)
        place(placed)
        if claim.parent >= 0:
            links.append((index, claim.parent))
    for lo, hi in wide.values():
        if hi > reach[lo]:
            reach[lo] = hi
    for index, parent in links:
        if parent >= len(claims):
            continue
        ours, theirs = wide.get(index), wide.get(parent)
        if ours is None and theirs is None:
            lo, hi = claim_pairs[index], claim_pairs[parent]
            if lo > hi:
                lo, hi = hi, lo
        else:
            ours = ours or (claim_pairs[index], claim_pairs[index])
            theirs = theirs or (claim_pairs[parent], claim_pairs[parent])
            lo, hi = min(ours[0], theirs[0]), max(ours[1], theirs[1])
        if hi > reach[lo]:
            reach[lo] = hi
    quote_pairs: list[int] = []
    claim_starts: tuple[list[int], list[int]] | None = None
    """Per side (by ``on_a``), where its facts start, sorted (made when first needed)."""
    for quote in comparison.quotes:
        if not (
            quote.status in _QUOTE_KINDS
            or (quote.status is QuoteStatus.VERBATIM and quote.speaker_changed)
        ):
            quote_pairs.append(-1)
            continue
        on_a = quote.side is side_a
        sentence = quote.sentence
        if sentence < 0:
            sentence = bisect_right(starts[on_a], quote.start) - 1
        group = pair_of[on_a][sentence] if 0 <= sentence < len(pair_of[on_a]) else -1
        placed = quote.pair if quote.pair >= 0 else group
        if group < 0 or not 0 <= placed < size:
            return None
        lo, hi = extent(on_a, quote.start, quote.end, min(group, placed), max(group, placed))
        source = quote.source
        # The source is read only to nest in an altered quotation the facts its A side
        # loses (``_Consolidation.quotations``): it ties groups only when a fact starts in it.
        if lo >= 0 and source is not None and quote.status is QuoteStatus.ALTERED:
            if claim_starts is None:
                facts = [c for c in claims if CATEGORY_FAMILY[c.category]]
                claim_starts = (
                    sorted(c.start for c in facts if c.side is not side_a),
                    sorted(c.start for c in facts if c.side is side_a),
                )
            found = claim_starts[not on_a]
            if bisect_left(found, source.start) < bisect_left(found, source.end):
                lo, hi = extent(not on_a, source.start, source.end, lo, hi)
        if lo < 0:
            return None
        quote_pairs.append(placed)
        if hi > lo and hi > reach[lo]:
            reach[lo] = hi
    cuts = [0]
    furthest = -1
    for group in range(size):
        if group and furthest < group:
            cuts.append(group)
        furthest = max(furthest, reach[group])
    cuts.append(size)
    return ItemBlocks(tuple(cuts), tuple(claim_pairs), tuple(quote_pairs))


def review_items_in(
    comparison: Comparison,
    locate: PairLocator,
    blocks: ItemBlocks,
    lo: int,
    hi: int,
    *,
    keyed: bool = True,
    forms: KeyForms | None = None,
    running: RunningKeys | None = None,
) -> list[ReviewItem]:
    """The items ``review_items`` lists in groups ``lo`` to ``hi`` (two of ``blocks.cuts``),
    made from what is placed there alone: the same items, nesting and order, but keys (and
    so ``parent`` and ``aliases``) that are only unique among them (see ``ItemBlocks``),
    unless ``keys_apart`` holds for the ranges made apart, or ``running`` counts them
    (below): then the same keys too.

    ``keyed=False``: keys not derived from content at all (numbers), for a writer that
    reads none (the text): no matching form and no digest is made, a fifth of the cost.
    ``forms``: the matching forms made already (``key_forms``), none made here.
    ``running``: the identities keyed by the ranges before this one, which are made one
    after another in order from group 0 (``RunningKeys``: whether the keys are the whole
    list's is known once the last range is made).
    """
    claims = [n for n, group in enumerate(blocks.claim_pairs) if lo <= group < hi]
    quotes = [n for n, group in enumerate(blocks.quote_pairs) if lo <= group < hi]
    chosen = (range(lo, hi), quotes, claims)
    seen = None if running is None else running.seen
    items, sources = _keyed_items(comparison, locate, chosen, keyed=keyed, forms=forms, seen=seen)
    made = _Consolidation(comparison, items, sources).run()
    if running is not None:
        running.count_holders(sources.holders or ())
    return made


class RunningKeys:
    """The identities keyed so far by ranges of groups whose items are made one after
    another, in order (``review_items_in(..., running=...)``), where ``keys_apart`` does
    not hold (an identity in two ranges: a sentence the original repeats far apart).

    A key's occurrence number counts the items of its identity before it in the whole
    list: first every claim's, quotation's and group's item (in list order, which runs
    range by range), then the sentence items consolidation makes (``_holder``). Counting
    on from the ranges before gives each range's items the whole list's numbers, unless
    a sentence item's identity is also an item's of a later range (the whole list counts
    the later item first): ``exact`` tells, once the last range is made.
    """

    __slots__ = ("after", "later", "seen")

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}
        """Identity -> how many items of the ranges made so far have it."""
        self.after: dict[str, int] = {}
        """A sentence item's identity -> its count once the range of its first was made."""
        self.later: dict[str, int] = {}
        """The same -> how many sentence items of it later ranges made."""

    def count_holders(self, holders: Sequence[str]) -> None:
        """Take note of the sentence items' identities a range made (``_Sources.holders``)."""
        for identity in holders:
            if identity in self.after:
                self.later[identity] = self.later.get(identity, 0) + 1
        for identity in holders:
            self.after.setdefault(identity, self.seen[identity])

    def exact(self) -> bool:
        """True when every key made so far is the whole list's: after the range of the
        first sentence item of an identity, no item of that identity was made but other
        sentence items."""
        seen, later = self.seen, self.later
        return all(seen[i] == count + later.get(i, 0) for i, count in self.after.items())


def unkeyed_items(comparison: Comparison, locate: PairLocator | None = None) -> list[ReviewItem]:
    """``review_items(comparison, locate)`` with keys (and so ``parent`` and ``aliases``)
    only unique, not derived from content: for a writer that reads no key (the text, the
    Markdown summary): no matching form and no digest is made, a fifth of the cost."""
    locate = locate or PairLocator(comparison)
    items, sources = _keyed_items(comparison, locate, keyed=False)
    return _Consolidation(comparison, items, sources).run()


@dataclass(frozen=True, slots=True)
class KeyForms:
    """The matching forms (``normalise``) the keys of a comparison's items are made of,
    made once for all of them (``key_forms``): the texts of the sentences holding claims
    and quotations, and of the reworded and moved groups.

    A process that makes them before it forks leaves its children nothing to make, and
    tells from them whether ranges of groups can key their items apart (``keys_apart``).
    """

    sentences: tuple[dict[int, str], dict[int, str]]
    """Per side (indexed by ``side is Side.A``): sentence id -> its text's matching form,
    for every sentence holding a claim or a quotation's item."""
    groups: dict[int, str]
    """A reworded or moved group's index -> the forms of its A and B text, joined by
    U+001E (what its item's identity holds)."""
    tables: tuple[list[int], list[int]]
    """Per side, the group holding each sentence (``PairLocator.pair_table``)."""


def key_forms(comparison: Comparison, locate: PairLocator, blocks: ItemBlocks) -> KeyForms:
    """The forms ``review_items_in`` derives the keys of ``comparison``'s items from,
    every item's (see ``KeyForms``); ``blocks`` is ``item_blocks(comparison, locate)``."""
    a, b = comparison.a, comparison.b
    side_a = Side.A
    # The sentence of each claim and of each quotation making an item, as ``_keyed_items``
    # finds it.
    quotes = comparison.quotes
    placed = [quotes[n] for n, group in enumerate(blocks.quote_pairs) if group >= 0]
    ids: tuple[set[int], set[int]] = (set(), set())
    for found in (comparison.claims, placed):
        for span in found:
            sentence_id = span.sentence
            if sentence_id < 0:
                sentence_id = locate.sentence_at(span.side, span.start)
            ids[span.side is side_a].add(sentence_id)
    sentences = (
        {n: normalise(_sentence(b, n)[0]) for n in ids[False]},
        {n: normalise(_sentence(a, n)[0]) for n in ids[True]},
    )
    groups: dict[int, str] = {}
    for index, pair in enumerate(comparison.pairs):
        if pair.status in (Status.REWORDED, Status.MOVED) and pair.a and pair.b:
            # A group of one sentence a side (most): its text is the sentence's.
            a_form = sentences[True].get(pair.a[0]) if len(pair.a) == 1 else None
            if a_form is None:
                a_form = normalise(_context(a, pair.a)[0])
            b_form = sentences[False].get(pair.b[0]) if len(pair.b) == 1 else None
            if b_form is None:
                b_form = normalise(_context(b, pair.b)[0])
            groups[index] = a_form + "\x1e" + b_form
    return KeyForms(sentences, groups, (locate.pair_table(Side.B), locate.pair_table(Side.A)))


def keys_apart(forms: KeyForms, starts: Sequence[int]) -> bool:
    """True when ``review_items_in`` gives the items of each range of groups (starting at
    ``starts``, ascending, the first 0; cuts of the ``ItemBlocks`` the forms were made
    with) the keys ``review_items`` gives them: when no identity can be shared by items of
    two ranges.

    A key's occurrence number counts the items of the same identity before it (and an
    added or dropped sentence's item counts every claim of its identity). An identity
    holds the form of the item's sentence on its side (a claim's, a quotation's; a
    sentence's item: that of its claims), or a group's forms. A claim or a quotation lies
    in the block of its sentence's group (``item_blocks`` ties the group it is placed in
    to it): when no form is that of sentences (groups) in two ranges, each identity lies
    in one range, and its items count the same there.
    """
    for on_a in (False, True):
        table = forms.tables[on_a]
        first_range: dict[str, int] = {}
        for sentence_id, form in forms.sentences[on_a].items():
            group = table[sentence_id] if 0 <= sentence_id < len(table) else -1
            if group < 0:
                return False  # not in a block (``item_blocks`` gives none then)
            number = bisect_right(starts, group) - 1
            if first_range.setdefault(form, number) != number:
                return False
    first_range = {}
    for group, form in forms.groups.items():
        number = bisect_right(starts, group) - 1
        if first_range.setdefault(form, number) != number:
            return False
    return True


def _no_form(text: str) -> str:
    """No matching form (``normalise``'s stand-in where keys are not derived)."""
    return ""


def _content_words(text: str) -> int:
    return sum(
        1 for word in re.findall(r"[^\W_]+(?:['’][^\W_]+)?", text.lower()) if word not in STOPWORDS
    )


def _to_b(pair: Pair, offset: int) -> int:
    """Where A's ``offset`` falls in B, through the group's word diff."""
    best = (offset, -1)
    for op in pair.ops:
        if op.a_start <= offset < op.a_end or (op.a_start == offset == op.a_end):
            if op.op is Op.EQUAL:
                return op.b_start + (offset - op.a_start)
            return op.b_start
        gap = min(abs(op.a_start - offset), abs(op.a_end - offset))
        if best[1] < 0 or gap < best[1]:
            best = (op.b_start, gap)
    return best[0]


def _to_b_each(pair: Pair, offsets: list[int]) -> list[int]:
    """``[_to_b(pair, offset) for offset in offsets]``, each by bisection over the group's
    word diff (its ops in order of their A spans, as the diff makes them; otherwise, one
    by one as ``_to_b`` does): a group of a thousand figures has a thousand ops.

    The first op (in order) holding the offset starts at or after the first op that
    does not end before it; when none holds it, the nearest op is the first of: the
    first op ending where the last op before the offset ends, an op ending at the
    offset, the first op starting after it.
    """
    ops = pair.ops
    starts = [op.a_start for op in ops]
    ends = [op.a_end for op in ops]
    if starts != sorted(starts) or ends != sorted(ends):  # not in order (C loops, not pairwise)
        return [_to_b(pair, offset) for offset in offsets]
    size = len(ops)
    out: list[int] = []
    for offset in offsets:
        first = bisect_left(ends, offset)
        index = first
        while index < size and starts[index] <= offset:
            op = ops[index]
            if offset < op.a_end or op.a_start == offset == op.a_end:
                break
            index += 1
        else:
            index = -1
        if index >= 0:
            op = ops[index]
            equal = op.op is Op.EQUAL
            out.append(op.b_start + (offset - op.a_start) if equal else op.b_start)
            continue
        after = bisect_right(starts, offset)
        nearest: list[tuple[int, int]] = []
        if first > 0:
            nearest.append((offset - ends[first - 1], bisect_left(ends, ends[first - 1])))
        if first < after:
            nearest.append((0, first))
        if after < size:
            nearest.append((starts[after] - offset, after))
        out.append(ops[min(nearest)[1]].b_start if nearest else offset)
    return out


_NEAREST = 8
"""How many dropped facts of its family on each side of an added fact (by place in B) can
be paired with it: enough for any sentence, and a group of a thousand figures stays
linear."""


def _nearest_pairs(
    added: list[_Item], dropped: list[tuple[_Item, str, int]]
) -> list[tuple[int, int, int]]:
    """(gap, added index, dropped index) for each added fact and the dropped facts of its
    family nearest to it in B."""
    by_family: dict[str, list[tuple[int, int]]] = {}
    for m, (_, kin, at) in enumerate(dropped):
        by_family.setdefault(kin, []).append((at, m))
    for found in by_family.values():
        found.sort()
    out: list[tuple[int, int, int]] = []
    families = _FAMILY_OF
    for n, item in enumerate(added):
        places = by_family.get(families.get(item.category or "", ""))  # ``_family``, inline
        if not places:
            continue
        start = item.start
        middle = bisect_left(places, (start, -1))
        near = places[max(0, middle - _NEAREST) : middle + _NEAREST]
        out += [(abs(at - start), n, m) for at, m in near]
    return out


_SPAN = attrgetter("start", "end")
"""An item's ``(start, end)`` (a sort key, called in C: many facts are sorted by it)."""
_FIRST = itemgetter(0)
"""A pair's first member (a sort key, as ``_SPAN``)."""


def _family(item: _Item) -> str:
    """``family`` of an item being consolidated."""
    return _FAMILY_OF.get(item.category or "", "")


class _Consolidation:
    """The rewriting ``review_items`` does on the keyed items (see its docstring)."""

    def __init__(self, comparison: Comparison, items: list[_Item], sources: _Sources):
        self.comparison = comparison
        self.items = items
        self.sources = sources
        self.by_key = {item.key: item for item in items}
        """Key -> its item (those folded away too)."""
        self.kids: dict[str, set[str]] = {}
        """Holder -> the keys listed inside it (the inverse of ``_Item.parent``)."""
        for item in items:
            if item.parent is not None:
                self.kids.setdefault(item.parent, set()).add(item.key)
        self.removed: set[str] = set()
        self.aliases: dict[str, list[str]] = {}
        self.was: dict[str, str] = {}
        self.group_item = sources.group_item

    # -- moves ------------------------------------------------------------------------

    def _children(self, key: str) -> list[str]:
        """What ``key`` holds, in no particular order: each is moved alone (``set_parent``),
        so the order changes nothing."""
        kids = self.kids.get(key)
        if not kids:  # most items hold nothing
            return []
        return [k for k in kids if k not in self.removed]

    def set_parent(self, key: str, parent: str | None) -> None:
        item = self.by_key[key]
        old = item.parent
        if old is not None:
            self.kids.get(old, set()).discard(key)
        item.parent = parent
        if parent is not None:
            self.kids.setdefault(parent, set()).add(key)

    def nest(self, key: str, into: str) -> None:
        """List ``key`` inside ``into`` (what was inside ``key`` too: one level only)."""
        for child in self._children(key):
            self.set_parent(child, into)
        self.set_parent(key, into)

    def fold(self, key: str, into: str) -> None:
        """Make ``key`` part of ``into``: no item of its own, its key an alias of ``into``."""
        if key in self.kids:
            for child in self._children(key):
                self.set_parent(child, into)
        self.removed.add(key)
        aliases = self.aliases
        found = aliases.get(into)
        if found is None:
            found = aliases[into] = []
        found.append(key)
        if key in aliases:  # what was folded into ``key`` before
            found += aliases.pop(key)

    def top(self) -> list[_Item]:
        removed = self.removed
        return [i for i in self.items if i.parent is None and i.key not in removed]

    # -- steps ------------------------------------------------------------------------

    def run(self) -> list[ReviewItem]:
        self.substitutions()
        self.quotations()
        self.sentences()
        self.fragments()
        return self.ordered()

    def substitutions(self) -> None:
        pairs = self.comparison.pairs
        groups = self.group_item  # the reworded and moved groups: where facts are paired
        if not groups:
            return
        facts: dict[int, list[_Item]] = {}
        families, side_a = _FAMILY_OF, Side.A
        for item in self.top():
            # A claim's fact (``_family(item)``, inline) in a reworded or moved group.
            if (
                item.pair in groups
                and item.sentence_id is not None
                and families.get(item.category or "", "")
            ):
                facts.setdefault(item.pair, []).append(item)
        for index, members in facts.items():
            pair = pairs[index]
            if pair.status not in (Status.REWORDED, Status.MOVED) or not pair.a or not pair.b:
                continue
            # Each dropped fact with where it falls in B (computed once, not per added fact).
            on_a: list[_Item] = []
            added: list[_Item] = []
            for fact in members:
                (on_a if fact.side is side_a else added).append(fact)
            in_b = _to_b_each(pair, [m.start for m in on_a])
            dropped = [
                (m, families.get(m.category or "", ""), at)  # ``_family``, inline
                for m, at in zip(on_a, in_b, strict=True)
            ]
            # Every added fact and dropped fact of one family, the closest first (in B,
            # through the word diff): a fact is paired with the one it replaced in place,
            # before a neighbour can take it. (Pairing each added fact in turn with the
            # nearest one left shifted the rest when one fact had no counterpart: a year
            # replaced by a count made every later figure "was" its predecessor.)
            candidates = _nearest_pairs(added, dropped)
            candidates.sort()
            paired_a: set[int] = set()
            paired_b: set[int] = set()
            for _, n, m in candidates:
                if n in paired_b or m in paired_a:
                    continue
                paired_b.add(n)
                paired_a.add(m)
                old = dropped[m][0]
                self.was[added[n].key] = old.text
                self.fold(old.key, added[n].key)

    def quotations(self) -> None:
        if not self.sources.quote_of:
            return
        # Facts by side, sorted by start, so each quotation looks at its own span only.
        facts: dict[Side, list[_Item]] = {Side.A: [], Side.B: []}
        for item in self.top():
            if item.sentence_id is not None and _family(item):
                facts[item.side].append(item)
        starts: dict[Side, list[int]] = {}
        for side, found in facts.items():
            found.sort(key=_SPAN)
            starts[side] = [i.start for i in found]

        def within(side: Side, start: int, end: int) -> list[_Item]:
            first = bisect_left(starts[side], start)
            last = bisect_left(starts[side], end)
            return [i for i in facts[side][first:last] if i.end <= end]

        for key, quote in self.sources.quote_of.items():
            found = within(quote.side, quote.start, quote.end)
            if quote.status is QuoteStatus.ALTERED and quote.source is not None:
                # What the A side of the quotation had and lost.
                found += within(quote.side.other, quote.source.start, quote.source.end)
            for item in found:
                if item.parent is None and item.key not in self.removed:
                    self.nest(item.key, key)

    def _short_quote(self, key: str) -> bool:
        quote = self.sources.quote_of.get(key)
        return (
            quote is not None
            and quote.status is QuoteStatus.NEW
            and len(quote.text.split()) <= SHORT_QUOTE_WORDS
        )

    def sentences(self) -> None:
        pairs = self.comparison.pairs
        # A fact inside a quotation or clause flagged on its own (a quotation running over
        # two sentences holds the facts of both) is listed inside it.
        facts: dict[Side, list[_Item]] = {Side.A: [], Side.B: []}
        holders: list[_Item] = []
        for item in self.top():
            if item.sentence_id is not None:
                (holders if item.category in _HOLDERS else facts[item.side]).append(item)
        starts: dict[Side, list[int]] = {}
        for side, found in facts.items():
            found.sort(key=_SPAN)
            starts[side] = [i.start for i in found]
        holders = [h for h in holders if facts[h.side]]  # no fact on its side: none inside
        for holder in sorted(holders, key=lambda h: (h.start, -h.end)):
            first = bisect_left(starts[holder.side], holder.start)
            last = bisect_left(starts[holder.side], holder.end)
            for item in facts[holder.side][first:last]:
                if item.end <= holder.end and item.parent is None:
                    self.nest(item.key, holder.key)
        members: dict[tuple[Side, int], list[_Item]] = {}
        quotes: dict[tuple[Side, int], list[str]] = {}
        side_a, side_b, added, dropped = Side.A, Side.B, Status.ADDED, Status.DROPPED
        for item in self.top():
            sentence_id = item.sentence_id
            if sentence_id is not None:
                if not 0 <= item.pair < len(pairs):
                    continue
                status, side = pairs[item.pair].status, item.side
                if (status is added and side is side_b) or (status is dropped and side is side_a):
                    members.setdefault((side, sentence_id), []).append(item)
            elif self._short_quote(item.key):
                quote = self.sources.quote_of[item.key]
                quotes.setdefault((quote.side, quote.sentence), []).append(item.key)
        for place, inside in members.items():
            if len(inside) == 1 and not quotes.get(place):
                continue  # one item already: the sentence's one fact or clause
            holder_key = self._holder(place, inside)
            for item in inside:
                if item.key == holder_key:
                    continue
                if item.category == ClaimCategory.ASSERTION.value:
                    self.fold(item.key, holder_key)
                else:
                    self.nest(item.key, holder_key)
            for key in quotes.get(place, []):
                self.nest(key, holder_key)

    def _holder(self, place: tuple[Side, int], found: list[_Item]) -> str:
        """The key of the one item of an added (dropped) sentence, made when needed."""
        holders = [i for i in found if i.category in _HOLDERS]
        quotations = [i for i in holders if i.category == ClaimCategory.QUOTATION.value]
        if quotations:
            return max(quotations, key=lambda i: (i.end - i.start, -i.start)).key
        if len(holders) == 1 and all(
            holders[0].start <= i.start and i.end <= holders[0].end for i in found
        ):
            return holders[0].key
        first = found[0]
        kind, _, side, _, _, _, pair, sentence, sentence_start, departs, _, source = first.fields
        doc = self.comparison.document(place[0])
        lead = len(sentence) - len(sentence.lstrip())
        text = sentence.strip()
        if self.sources.keyed:
            identity = "|".join((kind, side.value, normalise(text), normalise(sentence)))
            occurrence = self.sources.seen.get(identity, 0)
            self.sources.seen[identity] = occurrence + 1
            if self.sources.holders is not None:
                self.sources.holders.append(identity)
            key = digest(identity, str(occurrence))
        else:
            key = f"h{len(self.items)}"  # unique: the drafts' keys are their numbers
        start = sentence_start + lead
        category = ClaimCategory.ASSERTION.value
        word = "Added claim" if kind is ItemKind.ADDED else "Dropped detail"
        end = min(start + len(text), len(doc.text))
        label = f"{word} ({category})"
        fields = (kind, label, side, text, start, end, pair, sentence, sentence_start, departs)
        item = _Item(key, (*fields, category, source), None)
        self.items.append(item)
        self.by_key[key] = item
        return key

    def fragments(self) -> None:
        pairs = self.comparison.pairs
        if not self.group_item:
            return
        assertion, quote_of = ClaimCategory.ASSERTION.value, self.sources.quote_of
        for item in self.top():
            if item.category != assertion and item.key not in quote_of:
                continue  # neither a clause nor a quotation: most items (checked first)
            group = self.group_item.get(item.pair)
            if group is None or group == item.key:
                continue
            if self._short_quote(item.key):
                self.nest(item.key, group)
                continue
            if (
                item.sentence_id is None
                or item.category != assertion
                or pairs[item.pair].status not in (Status.REWORDED, Status.MOVED)
                or _content_words(item.text) >= MIN_CLAUSE_WORDS
            ):
                continue
            for child in self._children(item.key):
                self.by_key[child].parent = None  # a fact inside stays an item of its own
            item.parent = group

    def ordered(self) -> list[ReviewItem]:
        removed, by_key = self.removed, self.by_key
        # What only the steps before read is given back before the items are made: the
        # identities keyed (a long sentence's text twice each) and the holders' kids. On
        # an 8 MB original that the rewrite drops (260,000 items) they were 200 MB.
        self.sources.seen = {}  # (a caller's ``RunningKeys`` keeps counting in its own)
        self.kids.clear()
        live = [i for i in self.items if i.key not in removed]
        # A parent is always some item's key: it is listed unless it was folded (removed).

        def root(key: str) -> str | None:
            """The top-level item ``key`` is listed in (nesting is one level deep)."""
            parent, hops = by_key[key].parent, 0
            while parent is not None and parent not in removed and hops < len(live):
                up = by_key[parent].parent
                if up is None or up in removed:
                    return parent
                parent, hops = up, hops + 1
            return None

        was_of, aliases_of = self.was, self.aliases
        size = len(self.comparison.pairs)
        side_b = Side.B
        rank = {kind: list(Section).index(section) for kind, section in _SECTION_OF.items()}
        inside: dict[str, list[tuple[tuple[int, bool, int, int], ReviewItem]]] = {}
        """Holder -> the items nested in it, each after its position (what they are sorted by)."""
        tops: list[ReviewItem] = []
        order: list[tuple[int, int, int, bool, int, int]] = []
        """Each top-level item's section, ``salience`` and position: the order of ``tops``."""
        for live_item in live:
            key = live_item.key
            parent = live_item.parent
            if parent is not None and (parent in removed or by_key[parent].parent is not None):
                parent = root(key)  # not the usual case: a holder in the list, at the top
            found = aliases_of.get(key)
            was = was_of.get(key, "")
            # A nested item is listed with its holder (a top-level item: nesting is one
            # level deep), whose kind it records; a top-level item records none.
            item = _made(
                key,
                live_item.fields,
                parent,
                was,
                tuple(found) if found else (),
                None if parent is None else by_key[parent].kind,
            )
            del live_item.fields  # in the item now; nothing reads it again (a tuple each)
            pair = live_item.pair
            at = pair if pair >= 0 else size
            if parent is not None:
                position = (at, live_item.side is side_b, live_item.start, -live_item.end)
                inside.setdefault(parent, []).append((position, item))
                continue
            tops.append(item)
            kind, category = live_item.kind, live_item.category
            salient = _SALIENCE.get((kind, category, was != ""))  # ``salience(item)``, inline
            if salient is None:
                salient = _salience(kind, category, was != "")
            order.append(
                (rank[kind], salient, at, live_item.side is side_b, live_item.start, -live_item.end)
            )

        out: list[ReviewItem] = []
        for number in sorted(range(len(tops)), key=order.__getitem__):
            item = tops[number]
            out.append(item)
            found_inside = inside.get(item.key)
            if found_inside:
                if len(found_inside) > 1:
                    found_inside.sort(key=_FIRST)  # stable: by position, then as listed
                out += [nested for _, nested in found_inside]
        return out


_Chosen = tuple[range, Sequence[int], Sequence[int]]
"""The groups, quotations and claims (indexes) to make items of (``review_items_in``)."""


def _keyed_items(
    comparison: Comparison,
    locate: PairLocator,
    chosen: _Chosen | None = None,
    *,
    keyed: bool = True,
    forms: KeyForms | None = None,
    seen: dict[str, int] | None = None,
) -> tuple[list[_Item], _Sources]:
    """Every reviewable item as the engine reports it, with its frozen key, and where each
    comes from (made ``ReviewItem`` by ``_Consolidation``).

    Items are: each added claim and dropped detail, each altered or new quotation (and
    each verbatim one attributed to a different speaker), and each reworded or moved
    group. A claim of category ``quotation`` that overlaps a listed quotation on the
    same side is folded into that quotation, so nothing is reviewed twice.

    Items are in the order their keys' occurrence numbers were first given in (group by
    group, the group item first, then side A, then side B, each by position): that order
    is part of the frozen key derivation.

    ``chosen``: make the items of these groups, quotations and claims only. ``keyed``
    False: keys that are only unique (the drafts' numbers), no matching forms made.
    ``forms``: the forms of sentences and groups, made already (``key_forms``).
    ``seen``: the identities keyed before (``RunningKeys.seen``), counted on in place;
    the sentence items' identities are then kept for it too (``_Sources.holders``).
    """
    a, b = comparison.a, comparison.b
    sources = _Sources(keyed=keyed, holders=None if seen is None else [])
    group_drafts: dict[int, int] = {}
    """Draft -> the index of its group (a reworded or moved group's item)."""
    quote_drafts: dict[int, Quote] = {}
    """Draft -> its quotation check."""
    matching = normalise if keyed else _no_form
    # Each item is a record from the start (a draft, named by its number), its key and
    # parent set once the drafts are in order: a key's occurrence number counts the same
    # identities before it in that order. Unkeyed, a key is its draft's number.
    drafts: list[_Item] = []
    sort_keys: list[tuple[int, int, int, int, int]] = []
    identities: list[str] = []
    """Draft -> the identity its key is derived from (keyed only)."""

    def add(identity: str, fields: _Fields, rank: int) -> int:
        # At one start, the longer span first: a sentence-long claim before the names in it.
        # The draft number breaks no ties (the sort is stable): it only names the draft.
        number = len(drafts)
        sort_keys.append((fields[6], rank, fields[4], -fields[5], number))
        if keyed:
            identities.append(identity)
        drafts.append(_Item("" if keyed else str(number), fields, None))
        return number

    def add_item(item: ReviewItem, rank: int) -> int:
        return add(item.key, _fields(item), rank)

    all_pairs, all_quotes, all_claims = comparison.pairs, comparison.quotes, comparison.claims
    side_b = Side.B
    if chosen is None:
        groups: Iterable[int] = range(len(all_pairs))
        quotes: Iterable[Quote] = all_quotes
        claims: Iterable[tuple[int, Claim]] = enumerate(all_claims)
    else:
        groups = chosen[0]
        quotes = map(all_quotes.__getitem__, chosen[1])
        claims = zip(chosen[2], map(all_claims.__getitem__, chosen[2]), strict=True)
    for index in groups:
        pair = all_pairs[index]
        if pair.status not in (Status.REWORDED, Status.MOVED) or not pair.a or not pair.b:
            continue
        a_text, _ = _context(a, pair.a)
        b_text, b_start = _context(b, pair.b)
        if pair.status is Status.REWORDED:
            kind, label = ItemKind.REWORDED, "Reworded"
        else:
            kind = ItemKind.MOVED
            label = "Moved and reworded" if pair.changed else "Moved"
        pair_form = forms.groups.get(index) if forms is not None and keyed else None
        if pair_form is None:
            pair_form = matching(a_text) + "\x1e" + matching(b_text)
        identity = "|".join((kind, "b", pair_form, ""))
        end = b_start + len(b_text)
        group: _Fields = (
            kind,
            label,
            side_b,
            b_text,
            b_start,
            end,
            index,
            b_text,
            b_start,
            a_text,
            None,
            "",
        )
        group_drafts[add(identity, group, 0)] = index

    quote_items: list[tuple[ReviewItem, int]] = []
    # The forms of the sentences holding quotations, each made once (a wall of text holds
    # thousands of quotations): those made already, else made here as they are met.
    quote_forms = forms.sentences if forms is not None else ({}, {})
    for quote in quotes:
        item_or_none = _quote_item(comparison, quote, locate, quote_forms)
        if item_or_none is not None:
            number = add_item(item_or_none, 1 if quote.side is Side.A else 2)
            quote_items.append((item_or_none, number))
            quote_drafts[number] = quote
    quote_spans = _QuoteSpans(quote_items)

    claim_draft: dict[int, int] = {}
    """Claim index -> the draft showing it (its own, or the quotation it is folded into)."""
    parent_of: dict[int, int] = {}
    """Draft of a nested claim -> claim index of its holder."""
    # Many claims share a sentence (and the sentences they depart from): what each sentence
    # gives (its text, offset and matching form) and the context a claim departs from are
    # made once, in one table per side (indexed by ``on_a``: hashing a ``Side``, an enum,
    # is a Python-level call), and so is the matching form of each claim's text.
    sentence_of: tuple[dict[int, tuple[str, int, str]], dict[int, tuple[str, int, str]]] = ({}, {})
    departs_of: tuple[dict[tuple[int, ...], str], dict[tuple[int, ...], str]] = ({}, {})
    normal: dict[str, str] = {}
    # What each category and side contributes, looked up once (an enum's ``value`` and a
    # ``Side``'s ``other`` are Python-level calls, and a long pair has 100k claims).
    labels = {
        category.value: (
            category.value,
            f"Added claim ({category.value})",
            f"Dropped detail ({category.value})",
        )
        for category in ClaimCategory
    }
    quotation, added_kind, side_a = ClaimCategory.QUOTATION, ClaimKind.ADDED, Side.A
    added, dropped = ItemKind.ADDED, ItemKind.DROPPED
    pairs = comparison.pairs
    size = len(pairs)
    given = forms.sentences if forms is not None and keyed else None
    for index, claim in claims:
        side = claim.side
        if claim.category is quotation:
            holder = quote_spans.first_overlapping(side, claim.start, claim.end)
            if holder is not None:
                claim_draft[index] = holder
                continue
        on_a = side is side_a
        sentence_id = claim.sentence
        if sentence_id < 0:
            sentence_id = locate.sentence_at(side, claim.start)
        known = sentence_of[on_a].get(sentence_id)
        if known is None:
            context, context_start = _sentence(a if on_a else b, sentence_id)
            form = None if given is None else given[on_a].get(sentence_id)
            if form is None:
                form = matching(context)
            known = sentence_of[on_a][sentence_id] = (context, context_start, form)
        sentence, sentence_start, sentence_form = known
        pair_index = claim.pair
        if pair_index < 0:
            pair_index = locate.pair_of_sentence(side, sentence_id)
        departs_ids: tuple[int, ...] = claim.departs_from
        if not departs_ids and 0 <= pair_index < size:
            pair = pairs[pair_index]
            departs_ids = pair.b if on_a else pair.a
        departs = departs_of[on_a].get(departs_ids)
        if departs is None:
            departs = departs_of[on_a][departs_ids] = _context(b if on_a else a, departs_ids)[0]
        value, added_label, dropped_label = labels[claim.category._value_]
        text = claim.text
        start, end = claim.start, claim.end
        if claim.kind is added_kind:
            kind, label, head = added, added_label, "added|a|" if on_a else "added|b|"
        else:
            kind, label, head = dropped, dropped_label, "dropped|a|" if on_a else "dropped|b|"
        # What ``add`` does, inline (a long pair has 100k claims): the identity is
        # kind|side|text|sentence, as ``"|".join`` of the four makes it.
        fields: _Fields = (
            kind,
            label,
            side,
            text,
            start,
            end,
            pair_index,
            sentence,
            sentence_start,
            departs,
            value,
            "",
        )
        number = len(drafts)
        sort_keys.append((pair_index, 1 if on_a else 2, start, -end, number))
        if keyed:
            form = normal.get(text)
            if form is None:
                form = normal[text] = matching(text)
            identities.append(head + form + "|" + sentence_form)
            drafts.append(_Item("", fields, None, sentence_id))
        else:
            drafts.append(_Item(str(number), fields, None, sentence_id))
        claim_draft[index] = number
        if claim.parent >= 0:
            parent_of[number] = claim.parent

    order = sorted(range(len(drafts)), key=sort_keys.__getitem__)
    sort_keys.clear()  # a tuple a draft: given back before the keys are made
    if seen is None:
        seen = {}
    for number in order if keyed else ():
        identity = identities[number]
        # The same claim in two identical sentences gets an occurrence number, so keys
        # stay unique and still depend on content only.
        occurrence = seen.get(identity, 0)
        seen[identity] = occurrence + 1
        drafts[number].key = occurrence_digest(identity, occurrence)
    for number, parent in parent_of.items():
        holder = claim_draft.get(parent)
        if holder is not None and holder != number:
            drafts[number].parent = drafts[holder].key
    items = [drafts[number] for number in order]
    sources.group_item = {index: drafts[number].key for number, index in group_drafts.items()}
    sources.quote_of = {drafts[number].key: quote for number, quote in quote_drafts.items()}
    sources.seen = seen
    return items, sources


class _QuoteSpans:
    """The quotation items of each side, to find the first (in list order) a span overlaps.

    A bisection over the starts, then a walk back only as far as a quotation could still
    reach the span (``reach``: the furthest end among the quotations so far), so a claim
    costs the quotations near it, not all of them.
    """

    __slots__ = ("_ends", "_numbers", "_reach", "_starts")

    def __init__(self, quote_items: list[tuple[ReviewItem, int]]) -> None:
        by_side: dict[Side, list[tuple[int, int, int]]] = {Side.A: [], Side.B: []}
        for order, (item, _) in enumerate(quote_items):
            by_side[item.side].append((item.start, item.end, order))
        self._starts: dict[Side, list[int]] = {}
        self._ends: dict[Side, list[int]] = {}
        self._reach: dict[Side, list[int]] = {}
        self._numbers: dict[Side, list[tuple[int, int]]] = {}
        for side, spans in by_side.items():
            spans.sort()
            self._starts[side] = [start for start, _, _ in spans]
            self._ends[side] = [end for _, end, _ in spans]
            reach: list[int] = []
            furthest = -1
            for _, end, _ in spans:
                furthest = max(furthest, end)
                reach.append(furthest)
            self._reach[side] = reach
            self._numbers[side] = [(order, quote_items[order][1]) for _, _, order in spans]

    def first_overlapping(self, side: Side, start: int, end: int) -> int | None:
        """The draft number of the first quotation item on ``side`` overlapping
        ``[start, end)`` (``q.start < end and start < q.end``), or ``None``."""
        ends, reach, numbers = self._ends[side], self._reach[side], self._numbers[side]
        best: tuple[int, int] | None = None
        index = bisect_left(self._starts[side], end) - 1
        while index >= 0 and reach[index] > start:
            if ends[index] > start and (best is None or numbers[index] < best):
                best = numbers[index]
            index -= 1
        return None if best is None else best[1]


def _quote_item(
    comparison: Comparison,
    quote: Quote,
    locate: PairLocator,
    forms: tuple[dict[int, str], dict[int, str]] | None = None,
) -> ReviewItem | None:
    """The review item for a quotation check, or None when there is nothing to review
    (``forms``: per side, the sentence forms made already, ``KeyForms.sentences``; a form
    made here is added)."""
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
    sentence, sentence_start = _sentence(doc, sentence_id)
    known = None if forms is None else forms[quote.side is Side.A]
    form = None if known is None else known.get(sentence_id)
    if form is None:
        form = normalise(sentence)
        if known is not None:
            known[sentence_id] = form
    pair_index = quote.pair
    if pair_index < 0:
        pair_index = locate.pair_of_sentence(quote.side, sentence_id)
    departs = source_text = ""
    if quote.source is not None:
        source_text = other.text[quote.source.start : quote.source.end]
        departs, _ = _sentence(other, locate.sentence_at(quote.side.other, quote.source.start))
    return ReviewItem(
        key="|".join((kind, quote.side.value, normalise(quote.text), form)),
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


def listed_in(item: ReviewItem) -> Section:
    """The section ``item`` is listed (and counted) in: its holder's, when nested (a short
    new quotation inside an added sentence is listed with that sentence)."""
    return _SECTION_OF[item.holder_kind or item.kind]


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
    # By kind first (``listed_in`` per item, inline: a long pair has 100k items).
    top: dict[ItemKind, int] = dict.fromkeys(ItemKind, 0)
    inside: dict[ItemKind, int] = dict.fromkeys(ItemKind, 0)
    for item in items:
        if item.parent is None:
            top[item.holder_kind or item.kind] += 1
        else:
            inside[item.holder_kind or item.kind] += 1
    counts = {section: [0, 0] for section in Section}
    for kind, section in _SECTION_OF.items():
        counts[section][0] += top[kind]
        counts[section][1] += inside[kind]
    return {section: ItemCounts(*counts[section]) for section in Section}


def sum_counts(parts: Iterable[Mapping[Section, ItemCounts]]) -> dict[Section, ItemCounts]:
    """The counts of several lists of items together (each as ``count_items`` gives them):
    a list made range by range counts what its ranges count.

    >>> one = {Section.ADDED: ItemCounts(2, 1)}
    >>> sum_counts([one, one])[Section.ADDED]
    ItemCounts(top=4, inside=2)
    """
    top = dict.fromkeys(Section, 0)
    inside = dict.fromkeys(Section, 0)
    for counts in parts:
        for section, found in counts.items():
            top[section] += found.top
            inside[section] += found.inside
    return {section: ItemCounts(top[section], inside[section]) for section in Section}
