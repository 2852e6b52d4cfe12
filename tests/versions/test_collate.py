"""Tests ``versions.collate``: every pairwise finding in its column, nothing else, in any order."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from versions_helpers import DATA, claim_signature, fixture_docs, pairwise_claims

from diffreader.engine import (
    ClaimCategory,
    ClaimKind,
    Document,
    QuoteStatus,
    Status,
    compare,
    document_from_text,
    load_document,
)
from diffreader.review import Mark, ReviewEntry
from diffreader.versions import Band, Collation, collate, collate_comparisons, group_mark

DEMO = Path(__file__).resolve().parents[2] / "src" / "diffreader" / "demo"


def assert_columns_are_pairwise(original: Document, versions: list[Document]) -> Collation:
    """Each version's column holds exactly its pairwise comparison's findings."""
    c = collate(original, versions)
    assert len(c.comparisons) == len(versions)
    for v, version in enumerate(versions):
        pair = compare(original, version)
        # Claims: the same multiset of (kind, category, side, span, text).
        assert claim_signature(c, v) == pairwise_claims(original, version)
        # Each claim of the pair is in exactly one group, under its own index.
        indexes = sorted(m.claim for g in c.claims for m in g.members if m.version == v)
        assert indexes == list(range(len(pair.claims)))
        # Quotation checks likewise.
        quotes = sorted(m.quote for g in c.quotes for m in g.members if m.version == v)
        assert quotes == list(range(len(pair.quotes)))
        for g in c.quotes:
            for m in g.members:
                if m.version == v:
                    assert pair.quotes[m.quote].status is g.status
                    assert (pair.quotes[m.quote].start, pair.quotes[m.quote].end) == (
                        m.start,
                        m.end,
                    )
        # Sentences: each sentence of the original has its pair's status; every group of
        # the pair with no sentence of the original is in exactly one added row.
        for row in c.sentences:
            cell = row.cells[v]
            if row.a >= 0 and cell is not None:
                pair_of = pair.pairs[cell.pair]
                assert row.a in pair_of.a
                assert cell.status is pair_of.status
        held = {row.a: row.cells[v] for row in c.sentences if row.a >= 0}
        for p, group in enumerate(pair.pairs):
            for sid in group.a:
                cell = held[sid]
                assert cell is not None and cell.pair == p
        added_pairs = sorted(
            row.cells[v].pair for row in c.sentences if row.a < 0 and row.cells[v] is not None
        )
        assert added_pairs == [p for p, group in enumerate(pair.pairs) if not group.a]
        assert c.comparisons[v].stats == pair.stats
    return c


def test_fixture_columns_equal_pairwise_comparisons() -> None:
    original, versions = fixture_docs()
    assert_columns_are_pairwise(original, versions)


def test_demo_columns_equal_pairwise_comparisons() -> None:
    names = sorted(p.name for p in DEMO.glob("0*.txt"))
    docs = [load_document(DEMO / name) for name in names]
    assert_columns_are_pairwise(docs[0], docs[1:])


def test_bands_group_the_same_fact_across_wordings() -> None:
    c = collate(*fixture_docs())
    by_text = {(g.kind, g.text): g for g in c.claims}
    # The same figure, added by all three in place of the original's.
    figure = by_text[(ClaimKind.ADDED, "3,000")]
    assert figure.versions == (0, 1, 2) and c.band(figure) is Band.ADDED_ALL
    assert by_text[(ClaimKind.DROPPED, "1,200")].versions == (0, 1, 2)
    # The added role, matched by role and person though the sentences differ.
    role = next(g for g in c.claims if g.category is ClaimCategory.ROLE)
    assert role.versions == (1, 2) and c.band(role) is Band.ADDED_SOME
    # The added sentence two versions share is an assertion of both, and a shared row.
    otters = next(g for g in c.claims if "otters" in g.text and g.parent < 0)
    assert otters.versions == (0, 1)
    shared = {s.versions: s for s in c.shared}
    assert [c.sentences[r].text for r in shared[(0, 1)].sentences] == [
        "Environmental groups welcomed the vote as a victory for the river otters nesting "
        "below the quarry."
    ]
    assert shared[(0, 2)].sentences == ()
    # Only one version adds a deadline.
    deadline = by_text[(ClaimKind.ADDED, "within 30 days")]
    assert deadline.versions == (2,) and c.band(deadline) is Band.ADDED_ONE


def test_bands_come_in_order_and_shared_claims_first() -> None:
    c = collate(*fixture_docs())
    ranks = [list(Band).index(c.band(g)) for g in c.claims]
    assert ranks == sorted(ranks)
    assert c.band(c.claims[0]) is Band.ADDED_ALL


def test_a_quotation_altered_the_same_way_is_one_group() -> None:
    c = collate(*fixture_docs())
    altered = [g for g in c.quotes if g.status is QuoteStatus.ALTERED]
    assert len(altered) == 1
    assert altered[0].versions == (0, 1)
    # The engine's word diff of the quotation against its source: the same in both.
    assert [new for _, new in altered[0].changes] == ["forever"]
    assert altered[0].source is not None and altered[0].source.startswith("We heard the residents")


def test_a_quotation_altered_differently_is_two_groups() -> None:
    original = 'She said: "The river will rise by two metres before the end of May."'
    c = collate(
        original,
        [
            'She said: "The river will rise by three metres before the end of May."',
            'She said: "The river will rise by three metres before the end of May."',
            'She said: "The river will fall by two metres before the end of May."',
        ],
    )
    altered = [g for g in c.quotes if g.status is QuoteStatus.ALTERED]
    assert sorted(g.versions for g in altered) == [(0, 1), (2,)]


def test_identical_versions_have_no_differences() -> None:
    original = load_document(DATA / "original.txt")
    same = load_document(DATA / "same.txt")
    c = collate(original, [same, same, same])
    assert not c.has_differences and c.claims == () and c.shared[0].claims == ()
    assert all(
        cell is not None and cell.status in (Status.SAME, Status.BOILERPLATE)
        for row in c.sentences
        for cell in row.cells
    )


def test_collate_comparisons_refuses_different_originals() -> None:
    a, b = document_from_text("One fact."), document_from_text("Another fact.")
    with pytest.raises(ValueError):
        collate_comparisons([compare(a, b), compare(b, a)])
    with pytest.raises(ValueError):
        collate_comparisons([])


def test_group_mark_is_common_mixed_or_none() -> None:
    c = collate(*fixture_docs())
    figure = c.claims[0]
    keys = figure.items
    assert len(keys) == 3
    accepted = ReviewEntry(Mark.ACCEPTED)
    assert group_mark(keys, [{}, {}, {}]) is None
    assert group_mark(keys, [{k: accepted} for _, k in keys]) is Mark.ACCEPTED
    first = {keys[0][1]: accepted}
    assert group_mark(keys, [first, {}, {}]) == "mixed"


def test_member_items_are_the_pairs_review_keys() -> None:
    c = collate(*fixture_docs())
    for g in c.claims:
        for v, key in g.items:
            assert key in {item.key for item in c.items[v]}
    # Every added or dropped item of every pair is some group's member.
    for v, items in enumerate(c.items):
        grouped = {key for g in c.claims for w, key in g.items if w == v}
        claimed = {i.key for i in items if i.kind.value in ("added", "dropped")}
        assert claimed <= grouped


# -- order independence ----------------------------------------------------------------

POOL = [
    "The ferry to Kelsby will stop running on Friday.",
    "The operator blamed a shortage of 12 engineers.",
    "Mayor Ruth Okafor called the decision a betrayal.",
    '"We were promised a service for another decade," she said.',
    "Passengers will have to drive 40 miles around the bay.",
    "The operator, Tidewell Lines, made a profit of £3 million last year.",
    "A petition has gathered 800 names.",
    "Former minister Alan Greaves said the ferry was never viable.",
    "The last crossing leaves at 6pm.",
    "Unions said they had not been consulted.",
]
ORIGINAL = " ".join(POOL[:6])


def canonical(c: Collation, names: list[str]) -> tuple[object, ...]:
    """The collation with version indexes replaced by the versions' names."""
    claims = tuple(
        (
            g.kind,
            g.category,
            g.text,
            g.parent,
            tuple(sorted((names[m.version], m.start, m.end, m.claim) for m in g.members)),
        )
        for g in c.claims
    )
    rows = tuple(
        (
            row.a,
            row.text,
            row.after,
            tuple(sorted((names[v], cell) for v, cell in enumerate(row.cells) if cell)),
        )
        for row in c.sentences
    )
    quotes = tuple(
        (
            q.status,
            q.text,
            q.source,
            q.changes,
            tuple(sorted((names[m.version], m.start, m.end) for m in q.members)),
        )
        for q in c.quotes
    )
    shared = frozenset(
        (frozenset((names[s.versions[0]], names[s.versions[1]])), s.claims, s.sentences, s.quotes)
        for s in c.shared
    )
    return claims, rows, quotes, shared


versions_strategy = st.lists(
    st.lists(st.sampled_from(POOL), min_size=1, max_size=7, unique=True).map(" ".join),
    min_size=2,
    max_size=4,
)


@given(versions=versions_strategy, seed=st.integers(0, 1000))
def test_shuffling_versions_changes_only_the_column_order(versions: list[str], seed: int) -> None:
    names = [f"v{i}" for i in range(len(versions))]
    order = list(range(len(versions)))
    random.Random(seed).shuffle(order)
    first = collate(ORIGINAL, versions)
    second = collate(ORIGINAL, [versions[i] for i in order])
    assert canonical(first, names) == canonical(second, [names[i] for i in order])


@given(versions=versions_strategy)
def test_every_pairwise_claim_is_in_its_column(versions: list[str]) -> None:
    original = document_from_text(ORIGINAL)
    docs = [document_from_text(v) for v in versions]
    c = collate(original, docs)
    for v, doc in enumerate(docs):
        assert claim_signature(c, v) == pairwise_claims(original, doc)
    # ... and nowhere else: each member belongs to one group.
    members = Counter((m.version, m.claim) for g in c.claims for m in g.members)
    assert all(n == 1 for n in members.values())


def test_fixture_order_independence() -> None:
    original, versions = fixture_docs()
    names = ["v1", "v2", "v3"]
    base = canonical(collate(original, versions), names)
    for order in ([2, 0, 1], [1, 2, 0], [2, 1, 0]):
        shuffled = collate(original, [versions[i] for i in order])
        assert canonical(shuffled, [names[i] for i in order]) == base


def _brute_clusters(sets: list[frozenset[str]], classes: list[int]) -> set[frozenset[int]]:
    """Single-link clusters by the definition: every pair compared."""
    from diffreader.versions.collate import MIN_SHARED, SIMILAR

    parent = list(range(len(sets)))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for x in range(len(sets)):
        for y in range(x + 1, len(sets)):
            n = len(sets[x] & sets[y])
            close = n >= MIN_SHARED and 2 * n / (len(sets[x]) + len(sets[y])) >= SIMILAR
            if close and classes[x] == classes[y]:
                parent[find(y)] = find(x)
    groups: dict[int, set[int]] = {}
    for x in range(len(sets)):
        groups.setdefault(find(x), set()).add(x)
    return {frozenset(g) for g in groups.values()}


@given(
    st.lists(
        st.tuples(st.frozensets(st.sampled_from("abcdef"), max_size=4), st.integers(0, 1)),
        max_size=30,
    )
)
def test_clusters_are_those_of_every_pair_compared(
    elements: list[tuple[frozenset[str], int]],
) -> None:
    from diffreader.versions.collate import _cluster

    sets = [s for s, _ in elements]
    classes = [c for _, c in elements]
    got = _cluster(
        len(sets), lambda x: ("unique", x), sets.__getitem__, lambda x, y: classes[x] == classes[y]
    )
    assert {frozenset(g) for g in got} == _brute_clusters(sets, classes)


def test_a_sentence_repeated_thousands_of_times_is_not_paired_with_itself() -> None:
    """A version repeating one sentence (a 5 MB line of one word, cut into pieces) paired
    each repetition with every other: the multi-version view took two minutes and 2 GB.
    Equal stems link at once; the pairs compared stay few."""
    from diffreader.versions.collate import _cluster

    count = 3000
    sets = [frozenset({"ferry", "captain", "harbour"})] * count + [frozenset({"ferry"})] * count
    compared = 0

    def compatible(x: int, y: int) -> bool:
        nonlocal compared
        compared += 1
        return True

    got = _cluster(2 * count, lambda x: ("unique", x), sets.__getitem__, compatible)
    assert sorted(len(g) for g in got) == [1] * count + [count]
    assert compared < 2 * count
