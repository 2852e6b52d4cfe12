"""Provides ``collate``: one original, many rewrites, computed from the pair engine.

Each version is compared with the original by ``engine.compare``; the collation only
groups what those pairwise comparisons found, so every pairwise finding is in it once
and nothing else is:

- **claims**: each added claim and dropped detail of every pair, grouped across versions
  by the meaning of the fact (the normalised figure, date, name, role or quotation
  text; for assertions, roles and quotations also their content words, linked when
  they are close enough), never by offset;
- **sentences**: one row per sentence of the original (its status in each version:
  same, reworded, moved, dropped, boilerplate) and one row per group of sentences the
  versions add (matched across versions by content words), placed after the sentence
  of the original they follow;
- **quotes**: the quotation checks of every pair, grouped: an altered quotation with
  the same source and the same changes is "altered the same way" in each version
  holding it;
- **shared**: for each pair of versions, what both add that the original lacks.

Grouping uses single-link clusters over a canonical order, so the result does not
depend on the order the versions are given in: shuffling them changes only which
column each version is (a hypothesis property test checks it).

API:
    collate(original, versions) -> Collation
    collate_comparisons(comparisons) -> Collation     from ready comparisons (same A)
    Band, band_of(group, n)                            "added by all", "by k", "only in"
    Collation, ClaimGroup, ClaimMember, SentenceRow, Cell, QuoteGroup, QuoteMember, Shared
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from itertools import combinations

from diffreader.engine.compare import compare
from diffreader.engine.load import document_from_text
from diffreader.engine.model import (
    Claim,
    ClaimCategory,
    ClaimKind,
    Comparison,
    Document,
    Op,
    Quote,
    QuoteStatus,
    SentenceKind,
    Side,
    Status,
)
from diffreader.engine.text import content_stems, word_keys
from diffreader.review.items import CATEGORY_FAMILY, ItemKind, ReviewItem, review_items
from diffreader.review.marks import Mark, ReviewEntry

__all__ = [
    "MIXED",
    "Band",
    "Cell",
    "ClaimGroup",
    "ClaimMember",
    "Collation",
    "QuoteGroup",
    "QuoteMember",
    "SentenceRow",
    "Shared",
    "band_of",
    "collate",
    "collate_comparisons",
    "group_mark",
]

SIMILAR = 0.5
"""Dice coefficient of content stems above which two assertions (roles, quotations,
added sentences) state the same thing."""
MIN_SHARED = 2
"""... and the fewest content stems they must share (one common word links nothing)."""


class Band(StrEnum):
    """Where a claim group is listed: by kind, then by how many versions hold it."""

    ADDED_ALL = "added by all"
    ADDED_SOME = "added by some"
    """Added by k of N versions, 1 < k < N."""
    ADDED_ONE = "added by one"
    """Only in one version (when there are at least two)."""
    DROPPED_ALL = "dropped by all"
    DROPPED_SOME = "dropped by some"
    DROPPED_ONE = "dropped by one"


BAND_ORDER: tuple[Band, ...] = tuple(Band)


@dataclass(frozen=True, slots=True)
class ClaimMember:
    """One pairwise claim inside a group: where it is in its version's comparison."""

    version: int
    """Index into ``Collation.versions``."""
    claim: int
    """Index into that version's ``Comparison.claims``."""
    side: Side
    """``b`` (the version) for an added claim, ``a`` (the original) for a dropped detail."""
    start: int
    end: int
    text: str
    category: ClaimCategory
    item: str | None
    """Key of the review item showing the claim in the pair's review (a quotation claim
    folded into its quotation check has that check's key)."""


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """The same claim (or dropped detail) in one or more versions."""

    kind: ClaimKind
    category: ClaimCategory
    """The category most of its members have."""
    text: str
    """The wording most of its members share (the shortest on a tie)."""
    members: tuple[ClaimMember, ...]
    """Ordered by version, then position."""
    parent: int = -1
    """Index in ``Collation.claims`` of the group holding it (a name inside a dropped
    sentence) when every member is nested in the pair, else -1."""

    @property
    def versions(self) -> tuple[int, ...]:
        """The versions holding the claim, in column order."""
        return tuple(sorted({m.version for m in self.members}))

    @property
    def items(self) -> tuple[tuple[int, str], ...]:
        """``(version, review item key)`` of every member, each once."""
        seen: dict[tuple[int, str], None] = {}
        for m in self.members:
            if m.item is not None:
                seen[(m.version, m.item)] = None
        return tuple(seen)


_CATEGORY_SALIENCE = {
    ClaimCategory.NEGATION: 0,
    ClaimCategory.HEDGE: 0,
    ClaimCategory.OPPOSITE: 0,
    ClaimCategory.ROLE: 0,
    ClaimCategory.NUMBER: 1,
    ClaimCategory.DATE: 1,
    ClaimCategory.DURATION: 1,
    ClaimCategory.PERSON: 1,
    ClaimCategory.PLACE: 1,
    ClaimCategory.ORGANISATION: 1,
    ClaimCategory.NAME: 1,
    ClaimCategory.QUOTATION: 2,
}
"""Within a band, groups are listed as the review items are (``review.salience``): roles,
negations and opposites first, then figures, dates and names, then quotations, then
assertions (3)."""


def band_of(group: ClaimGroup, n: int) -> Band:
    """The band ``group`` is listed in when there are ``n`` versions."""
    k = len(group.versions)
    added = group.kind is ClaimKind.ADDED
    if k >= n:
        return Band.ADDED_ALL if added else Band.DROPPED_ALL
    if k > 1:
        return Band.ADDED_SOME if added else Band.DROPPED_SOME
    return Band.ADDED_ONE if added else Band.DROPPED_ONE


@dataclass(frozen=True, slots=True)
class Cell:
    """One version's part in a sentence row: the group of its comparison holding it."""

    status: Status
    pair: int
    """Index into the version's ``Comparison.pairs``."""
    sentences: tuple[int, ...]
    """The version's sentence ids in that group (empty when the original's is dropped)."""
    changed: bool = False
    """The words differ (a moved group may be verbatim)."""


@dataclass(frozen=True, slots=True)
class SentenceRow:
    """A sentence of the original (``a >= 0``), or sentences the versions add (``a == -1``)."""

    a: int
    """The original's sentence id, or -1 for an added row."""
    text: str
    """The original's sentence; for an added row, the wording most versions share."""
    cells: tuple[Cell | None, ...]
    """One per version; ``None`` where the version has no part in the row."""
    after: int = -1
    """For an added row: the original's sentence it follows (-1: before the first)."""

    @property
    def versions(self) -> tuple[int, ...]:
        """The versions with a cell in this row."""
        return tuple(i for i, cell in enumerate(self.cells) if cell is not None)


@dataclass(frozen=True, slots=True)
class QuoteMember:
    """One pairwise quotation check inside a quote group."""

    version: int
    quote: int
    """Index into that version's ``Comparison.quotes``."""
    side: Side
    start: int
    end: int
    text: str
    item: str | None
    """Key of the review item for the check, when it is reviewable (altered, new,
    attributed to someone else)."""
    speaker_changed: bool = False


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """A quotation checked the same way in one or more versions."""

    status: QuoteStatus
    text: str
    """The quotation as most members have it (the original's for a dropped one)."""
    source: str | None
    """The original's quotation it comes from (verbatim, altered), else None."""
    changes: tuple[tuple[str, str], ...]
    """For an altered quotation: each change, (the original's words, the version's)."""
    members: tuple[QuoteMember, ...]

    @property
    def versions(self) -> tuple[int, ...]:
        """The versions holding the quotation, in column order."""
        return tuple(sorted({m.version for m in self.members}))

    @property
    def items(self) -> tuple[tuple[int, str], ...]:
        """``(version, review item key)`` of every reviewable member."""
        return tuple(dict.fromkeys((m.version, m.item) for m in self.members if m.item))


@dataclass(frozen=True, slots=True)
class Shared:
    """What two versions both add that the original lacks."""

    versions: tuple[int, int]
    claims: tuple[int, ...]
    """Indexes in ``Collation.claims`` of the top-level added groups both hold."""
    sentences: tuple[int, ...]
    """Indexes in ``Collation.sentences`` of the added rows both hold."""
    quotes: tuple[int, ...]
    """Indexes in ``Collation.quotes`` of the new or altered quotations both hold alike."""


@dataclass(frozen=True, slots=True)
class Collation:
    """The multi-version view: the original, the versions and what they did to it."""

    original: Document
    comparisons: tuple[Comparison, ...]
    """One per version: ``compare(original, version)``."""
    items: tuple[tuple[ReviewItem, ...], ...]
    """Each pair's review items (``review_items``), what the marks are saved under."""
    claims: tuple[ClaimGroup, ...]
    """Grouped claims, in band order (``Band``), then by where they come in the text."""
    sentences: tuple[SentenceRow, ...]
    quotes: tuple[QuoteGroup, ...]
    shared: tuple[Shared, ...]
    """One per pair of versions ``(i, j)``, ``i < j``."""

    @property
    def versions(self) -> tuple[Document, ...]:
        """The versions, in column order."""
        return tuple(c.b for c in self.comparisons)

    @property
    def has_differences(self) -> bool:
        """True when any version differs from the original (the exit status is 1)."""
        return any(c.has_differences for c in self.comparisons)

    def band(self, group: ClaimGroup) -> Band:
        """The band ``group`` is listed in."""
        return band_of(group, len(self.comparisons))


MIXED = "mixed"
"""``group_mark`` of a group whose versions are marked differently."""


def group_mark(
    keys: Iterable[tuple[int, str]], entries: Sequence[Mapping[str, ReviewEntry]]
) -> Mark | str | None:
    """The mark of a grouped claim or quotation: its items' common mark in every pair's
    review (``entries[version]``), ``None`` when none is marked, else ``MIXED``."""
    marks = set()
    for version, key in keys:
        entry = entries[version].get(key) if version < len(entries) else None
        marks.add(entry.mark if entry is not None else None)
    if len(marks) == 1:
        return marks.pop()
    return MIXED if marks else None


# -- entry points ------------------------------------------------------------------------


def collate(original: Document | str, versions: Sequence[Document | str]) -> Collation:
    """Compare ``original`` with each version and group what the comparisons found.

    >>> c = collate("The bridge shut. Rain fell.", ["The bridge shut for 3 days. Rain fell.",
    ...     "The bridge shut for 3 days. Rain fell hard.", "Rain fell."])
    >>> [(g.kind.value, g.text, g.versions) for g in c.claims if g.category.value == "duration"]
    [('added', 'for 3 days', (0, 1))]
    >>> [c.band(g).value for g in c.claims][:1]
    ['added by some']
    """
    doc = original if isinstance(original, Document) else document_from_text(original)
    return collate_comparisons([compare(doc, v) for v in versions])


def collate_comparisons(comparisons: Sequence[Comparison]) -> Collation:
    """Group ready comparisons of one original (``c.a``) with each version (``c.b``).

    Raises:
        ValueError: no comparison, or comparisons of different originals.
    """
    if not comparisons:
        raise ValueError("collate needs at least one version")
    original = comparisons[0].a
    if any(c.a.text != original.text for c in comparisons):
        raise ValueError("every comparison must have the same original")
    items = tuple(tuple(review_items(c)) for c in comparisons)
    claims = _claim_groups(comparisons, items)
    sentences = _sentence_rows(comparisons)
    quotes = _quote_groups(comparisons, items)
    shared = _shared(len(comparisons), claims, sentences, quotes)
    return Collation(original, tuple(comparisons), items, claims, sentences, quotes, shared)


# -- clustering ----------------------------------------------------------------------------


class _Clusters:
    """Union-find over ``n`` elements (single-link clusters: order does not matter)."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: int, y: int) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[max(rx, ry)] = min(rx, ry)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for x in range(len(self.parent)):
            out[self.find(x)].append(x)
        return list(out.values())


@lru_cache(maxsize=8192)
def _key(text: str) -> str:
    """The exact matching key of a fact: word keys (case, quotes, dots folded)."""
    return " ".join(word_keys(text))


def _cluster(
    count: int,
    exact: Callable[[int], Hashable],
    stems: Callable[[int], frozenset[str]] | None,
    compatible: Callable[[int, int], bool],
) -> list[list[int]]:
    """Single-link clusters of ``count`` elements: equal exact keys link, and (when
    ``stems`` is given) content stems close enough link; ``compatible`` must hold (it is
    the equality of something, such as a family: elements fall into classes by it)."""
    clusters = _Clusters(count)
    by_key: dict[Hashable, list[int]] = defaultdict(list)
    for x in range(count):
        by_key[exact(x)].append(x)
    for members in by_key.values():
        for y in members[1:]:
            if compatible(members[0], y):
                clusters.union(members[0], y)
    if stems is not None:
        sets = [stems(x) for x in range(count)]
        # Elements of the same stems link (their Dice is 1) when compatible: each class
        # of them is linked at once, and only its first is paired with the others. A
        # version repeating one sentence thousands of times (a 5 MB line of one word,
        # cut into pieces) paired each repetition with every other one: twelve million
        # pairs, two minutes and 2 GB in the reader. Fewer stems than MIN_SHARED link
        # nothing.
        heads: dict[frozenset[str], list[int]] = defaultdict(list)
        postings: dict[str, list[int]] = defaultdict(list)
        for x, s in enumerate(sets):
            if len(s) < MIN_SHARED:
                continue
            same = heads[s]
            head = next((h for h in same if compatible(h, x)), None)
            if head is not None:
                clusters.union(head, x)
                continue
            same.append(x)
            for word in s:
                postings[word].append(x)
        shared: Counter[tuple[int, int]] = Counter()
        for xs in postings.values():
            if len(xs) > 1:
                for x, y in combinations(xs, 2):
                    shared[(x, y)] += 1
        for (x, y), n in shared.items():
            close = n >= MIN_SHARED and 2 * n / (len(sets[x]) + len(sets[y])) >= SIMILAR
            if close and compatible(x, y):
                clusters.union(x, y)
    return clusters.groups()


def _representative(texts: Iterable[str]) -> str:
    """The wording most members share (by key), then the shortest, then the first in
    sort order: a choice independent of the order versions come in."""
    keyed = [(_key(t), t) for t in texts]
    counts = Counter(key for key, _ in keyed)
    return min(keyed, key=lambda kt: (-counts[kt[0]], len(kt[1]), kt[1]))[1]


# -- claims --------------------------------------------------------------------------------

_FAMILY: dict[ClaimCategory, str] = {c: CATEGORY_FAMILY[c] or c.value for c in ClaimCategory}
"""Categories that state the same kind of fact (the review model's families; a quotation and an
assertion are their own): the engine may call one name a person in one pair and a name in
another."""

_FUZZY = frozenset({"role", "quotation", "assertion"})
"""Families matched by content words as well as by their exact wording."""


def _claim_items(comparison: Comparison, items: Sequence[ReviewItem]) -> list[str | None]:
    """The review item key showing each claim of ``comparison``."""
    claim_kinds = (ItemKind.ADDED, ItemKind.DROPPED)
    by_span = {(i.side, i.start, i.end, i.category): i.key for i in items if i.kind in claim_kinds}
    quote_items = [i for i in items if i.kind not in claim_kinds and i.category is None]
    keys: list[str | None] = []
    for claim in comparison.claims:
        key = by_span.get((claim.side, claim.start, claim.end, claim.category.value))
        if key is None and claim.category is ClaimCategory.QUOTATION:
            key = next(
                (
                    q.key
                    for q in quote_items
                    if q.kind not in (ItemKind.REWORDED, ItemKind.MOVED)
                    and q.side is claim.side
                    and q.start < claim.end
                    and claim.start < q.end
                ),
                None,
            )
        keys.append(key)
    return keys


def _position(comparison: Comparison, side: Side, start: int) -> float:
    """Where an offset falls in its article, in [0, 1]: the reading order of groups."""
    text = comparison.document(side).text
    return start / max(len(text), 1)


def _claim_groups(
    comparisons: Sequence[Comparison], items: Sequence[Sequence[ReviewItem]]
) -> tuple[ClaimGroup, ...]:
    flat: list[tuple[int, int, Claim, str | None]] = []
    for v, comparison in enumerate(comparisons):
        keys = _claim_items(comparison, items[v])
        flat.extend((v, n, claim, keys[n]) for n, claim in enumerate(comparison.claims))
    # A canonical order (content, then version-free position) so clusters, and the
    # representative of each, do not depend on the order of the versions.
    flat.sort(key=lambda e: (e[2].kind, _key(e[2].text), e[2].text, e[2].start, e[2].end))

    def family(x: int) -> tuple[ClaimKind, str]:
        claim = flat[x][2]
        return claim.kind, _FAMILY[claim.category]

    def stems(x: int) -> frozenset[str]:
        claim = flat[x][2]
        if _FAMILY[claim.category] not in _FUZZY:
            return frozenset()
        return frozenset(content_stems(claim.text))

    clusters = _cluster(
        len(flat),
        lambda x: (*family(x), _key(flat[x][2].text)),
        stems,
        lambda x, y: family(x) == family(y),
    )

    drafts: list[tuple[tuple[object, ...], ClaimGroup]] = []
    for cluster in clusters:
        entries = [flat[x] for x in cluster]
        members = tuple(
            sorted(
                (
                    ClaimMember(v, n, c.side, c.start, c.end, c.text, c.category, key)
                    for v, n, c, key in entries
                ),
                key=lambda m: (m.version, m.start, m.end, m.claim),
            )
        )
        categories = Counter(m.category for m in members)
        order = list(ClaimCategory)
        category = min(categories, key=lambda c: (-categories[c], order.index(c)))
        kind = entries[0][2].kind
        group = ClaimGroup(kind, category, _representative(m.text for m in members), members)
        position = min(_position(comparisons[m.version], m.side, m.start) for m in members)
        rank = BAND_ORDER.index(band_of(group, len(comparisons)))
        spans = sorted((m.start, m.end, m.text) for m in members)
        importance = _CATEGORY_SALIENCE.get(category, 3)
        drafts.append(
            ((rank, -len(group.versions), importance, position, _key(group.text), spans), group)
        )
    drafts.sort(key=lambda d: d[0])
    groups = [group for _, group in drafts]

    where: dict[tuple[int, int], int] = {}
    for index, group in enumerate(groups):
        for m in group.members:
            where[(m.version, m.claim)] = index
    out: list[ClaimGroup] = []
    for index, group in enumerate(groups):
        parents = [
            where.get((m.version, comparisons[m.version].claims[m.claim].parent), -1)
            for m in group.members
        ]
        parent = -1
        if all(p >= 0 for p in parents):
            counts = Counter(p for p in parents if p != index)
            if counts:
                parent = min(counts, key=lambda p: (-counts[p], p))
            # Listed inside its holder only when the holder is in every version it is:
            # a name every version adds stays in "added by all", wherever it sits.
            if parent >= 0 and not set(group.versions) <= set(groups[parent].versions):
                parent = -1
        out.append(ClaimGroup(group.kind, group.category, group.text, group.members, parent))
    return tuple(out)


# -- sentences -----------------------------------------------------------------------------


def _cells_order(cells: Sequence[Cell | None]) -> list[tuple[str, int, tuple[int, ...]]]:
    """A tie-break for rows that does not depend on which column each cell is in."""
    return sorted((c.status.value, c.pair, c.sentences) for c in cells if c is not None)


def _sentence_rows(comparisons: Sequence[Comparison]) -> tuple[SentenceRow, ...]:
    original = comparisons[0].a
    n = len(comparisons)
    cells: dict[int, list[Cell | None]] = {}
    added: list[tuple[int, int, int, str, Cell]] = []
    """(version, anchor, rank after the anchor, text, cell) of each group with no A side."""
    for v, comparison in enumerate(comparisons):
        anchor, rank = -1, 0
        for p, pair in enumerate(comparison.pairs):
            cell = Cell(pair.status, p, pair.b, pair.changed)
            if pair.a:
                for sid in pair.a:
                    cells.setdefault(sid, [None] * n)[v] = cell
                if pair.b:
                    anchor, rank = max(pair.a), 0
                continue
            text = " ".join(comparison.b.sentences[i].text for i in pair.b)
            rank += 1
            added.append((v, anchor, rank, text, cell))

    rows: list[tuple[tuple[object, ...], SentenceRow]] = []
    for sentence in original.sentences:
        if sentence.kind is SentenceKind.META and sentence.id not in cells:
            continue
        row_cells = cells.get(sentence.id, [None] * n)
        rows.append(((sentence.id, 0), SentenceRow(sentence.id, sentence.text, tuple(row_cells))))

    added.sort(key=lambda e: (_key(e[3]), e[3], e[1], e[2]))
    clusters = _cluster(
        len(added),
        lambda x: (added[x][4].status is Status.BOILERPLATE, _key(added[x][3])),
        lambda x: frozenset(content_stems(added[x][3])),
        lambda x, y: (
            (added[x][4].status is Status.BOILERPLATE) == (added[y][4].status is Status.BOILERPLATE)
        ),
    )
    for cluster in clusters:
        entries = sorted((added[x] for x in cluster), key=lambda e: (e[0], e[4].pair))
        row_cells_added: list[Cell | None] = [None] * n
        extra: list[tuple[int, int, int, str, Cell]] = []
        for entry in entries:
            if row_cells_added[entry[0]] is None:
                row_cells_added[entry[0]] = entry[4]
            else:
                extra.append(entry)  # a version adding two alike: a row each
        anchor, rank = min((e[1], e[2]) for e in entries)
        text = _representative(e[3] for e in entries)
        rows.append(
            (
                (anchor, 1, rank, _key(text), _cells_order(row_cells_added)),
                SentenceRow(-1, text, tuple(row_cells_added), anchor),
            )
        )
        for v, anchor_x, rank_x, text_x, cell in extra:
            single: list[Cell | None] = [None] * n
            single[v] = cell
            rows.append(
                (
                    (anchor_x, 1, rank_x, _key(text_x), _cells_order(single)),
                    SentenceRow(-1, text_x, tuple(single), anchor_x),
                )
            )
    rows.sort(key=lambda r: r[0])
    return tuple(row for _, row in rows)


# -- quotations ----------------------------------------------------------------------------


def _changes(comparison: Comparison, quote: Quote) -> tuple[tuple[str, str], ...]:
    """An altered quotation's changes: each run of deleted and inserted words, as keys."""
    a, b = comparison.a.text, comparison.b.text
    out: list[tuple[str, str]] = []
    deleted: list[str] = []
    inserted: list[str] = []
    for op in (*quote.ops, None):
        if op is None or op.op is Op.EQUAL:
            if deleted or inserted:
                out.append((" ".join(deleted), " ".join(inserted)))
                deleted, inserted = [], []
            continue
        if op.op is Op.DELETE:
            deleted.extend(word_keys(a[op.a_start : op.a_end]))
        else:
            inserted.extend(word_keys(b[op.b_start : op.b_end]))
    return tuple(c for c in out if c != ("", ""))


def _quote_groups(
    comparisons: Sequence[Comparison], items: Sequence[Sequence[ReviewItem]]
) -> tuple[QuoteGroup, ...]:
    flat: list[tuple[int, int, Quote, str | None, tuple[tuple[str, str], ...], str]] = []
    for v, comparison in enumerate(comparisons):
        quote_keys = {
            (i.side, i.start, i.end): i.key
            for i in items[v]
            if i.kind in (ItemKind.QUOTE_ALTERED, ItemKind.QUOTE_NEW, ItemKind.QUOTE_SPEAKER)
        }
        for n, quote in enumerate(comparison.quotes):
            source = ""
            if quote.side is Side.A:
                source = quote.text
            elif quote.source is not None:
                source = comparison.a.text[quote.source.start : quote.source.end]
            changes = _changes(comparison, quote) if quote.status is QuoteStatus.ALTERED else ()
            key = quote_keys.get((quote.side, quote.start, quote.end))
            flat.append((v, n, quote, key, changes, source))
    flat.sort(key=lambda e: (e[2].status, _key(e[5]), _key(e[2].text), e[2].text, e[2].start))

    def exact(x: int) -> Hashable:
        _, _, quote, _, changes, source = flat[x]
        if quote.status is QuoteStatus.NEW:
            return (quote.status, _key(quote.text))
        if quote.status is QuoteStatus.ALTERED:
            return (quote.status, _key(source), changes)
        return (quote.status, _key(source), quote.speaker_changed)

    def stems(x: int) -> frozenset[str]:
        quote = flat[x][2]
        return (
            frozenset(content_stems(quote.text)) if quote.status is QuoteStatus.NEW else frozenset()
        )

    clusters = _cluster(
        len(flat), exact, stems, lambda x, y: flat[x][2].status == flat[y][2].status
    )
    drafts: list[tuple[tuple[object, ...], QuoteGroup]] = []
    rank = {QuoteStatus.ALTERED: 0, QuoteStatus.NEW: 1, QuoteStatus.DROPPED: 2}
    for cluster in clusters:
        entries = [flat[x] for x in cluster]
        status = entries[0][2].status
        members = tuple(
            sorted(
                (
                    QuoteMember(v, n, q.side, q.start, q.end, q.text, key, q.speaker_changed)
                    for v, n, q, key, _, _ in entries
                ),
                key=lambda m: (m.version, m.start, m.quote),
            )
        )
        origin = _representative(e[5] for e in entries) if status is not QuoteStatus.NEW else ""
        group = QuoteGroup(
            status,
            _representative(m.text for m in members),
            origin or None,
            entries[0][4],
            members,
        )
        position = min(_position(comparisons[m.version], m.side, m.start) for m in members)
        # Ties (the same words at the same place) are broken by what does not depend on
        # the order of the versions: the attribution, then the spans.
        order = (
            rank.get(status, 3),
            -len(group.versions),
            position,
            _key(group.text),
            any(m.speaker_changed for m in members),
            sorted((m.start, m.end) for m in members),
        )
        drafts.append((order, group))
    drafts.sort(key=lambda d: d[0])
    return tuple(group for _, group in drafts)


# -- shared between versions ---------------------------------------------------------------


def _shared(
    n: int,
    claims: Sequence[ClaimGroup],
    sentences: Sequence[SentenceRow],
    quotes: Sequence[QuoteGroup],
) -> tuple[Shared, ...]:
    out: list[Shared] = []
    for i, j in combinations(range(n), 2):
        both = {i, j}
        out.append(
            Shared(
                (i, j),
                tuple(
                    x
                    for x, g in enumerate(claims)
                    if g.kind is ClaimKind.ADDED and g.parent < 0 and both <= set(g.versions)
                ),
                tuple(
                    x for x, row in enumerate(sentences) if row.a < 0 and both <= set(row.versions)
                ),
                tuple(
                    x
                    for x, q in enumerate(quotes)
                    if q.status in (QuoteStatus.NEW, QuoteStatus.ALTERED)
                    and both <= set(q.versions)
                ),
            )
        )
    return tuple(out)
