"""One item per change: substitutions, added and dropped sentences, fragments, salience order,
and marks saved on items that were folded into others."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from comparison_builder import make_comparison
from diffreader.engine import compare, document_from_text, load_document
from diffreader.engine.model import ClaimCategory, QuoteStatus, Side, Status
from diffreader.review import (
    ArticleRef,
    ItemKind,
    Mark,
    ReviewEntry,
    ReviewState,
    Section,
    count_items,
    pair_key,
    review_items,
)
from diffreader.review.items import MIN_CLAUSE_WORDS, listed_in, salience
from diffreader.review.marks import stale_entries

DEMO = Path(__file__).resolve().parents[2] / "src" / "diffreader" / "demo"

A_SUB = ["Head", "The fund now holds 21 billion dollars, its chair said on Monday."]
B_SUB = ["Head", "The fund now holds 25 billion dollars, its chair said on Monday."]
SUB_PAIRS = [((0,), (0,), Status.SAME), ((1,), (1,), Status.REWORDED)]


def test_a_changed_figure_is_one_item_on_the_b_side_with_what_it_replaced() -> None:
    claims = [
        (Side.A, ClaimCategory.NUMBER, "21 billion dollars", 1),
        (Side.B, ClaimCategory.NUMBER, "25 billion dollars", 1),
    ]
    items = review_items(make_comparison(A_SUB, B_SUB, SUB_PAIRS, claims))
    facts = [i for i in items if i.kind in (ItemKind.ADDED, ItemKind.DROPPED)]
    assert len(facts) == 1
    (fact,) = facts
    assert (fact.kind, fact.side, fact.text, fact.was) == (
        ItemKind.ADDED,
        Side.B,
        "25 billion dollars",
        "21 billion dollars",
    )
    # The A side's key (as it was derived alone) is kept as an alias of the one item.
    alone = review_items(make_comparison(A_SUB, B_SUB, SUB_PAIRS, claims[:1]))
    dropped = next(i for i in alone if i.kind is ItemKind.DROPPED)
    assert fact.aliases == (dropped.key,)
    # And the B side's key is the one it always had.
    b_alone = review_items(make_comparison(A_SUB, B_SUB, SUB_PAIRS, claims[1:]))
    assert fact.key == next(i for i in b_alone if i.kind is ItemKind.ADDED).key


def test_each_changed_figure_says_what_stood_in_its_place_when_one_has_no_counterpart() -> None:
    # The year gives way to a count (a date dropped, a figure added with nothing of its
    # family in its place): the figures after it are each paired with the one they
    # replaced, not shifted onto their neighbours'.
    a = (
        "Clinic figures\n\nThe clinic treated 4,210 patients in 2019, up 12% from 3,760, at a "
        "cost of $8.5 million, a council report said.\n"
    )
    b = (
        "Clinic figures\n\nThe clinic treated 5,020 patients in 14 towns, up 17% from 3,900, at "
        "a cost of $9.1 million, a council report said.\n"
    )
    items = review_items(compare(document_from_text(a), document_from_text(b)))
    facts = {(i.kind, i.category, i.text, i.was) for i in items if i.category}
    assert facts == {
        (ItemKind.ADDED, "number", "5,020", "4,210"),
        (ItemKind.ADDED, "number", "17%", "12%"),
        (ItemKind.ADDED, "number", "3,900", "3,760"),
        (ItemKind.ADDED, "number", "$9.1 million", "$8.5 million"),
        (ItemKind.ADDED, "number", "14", ""),
        (ItemKind.DROPPED, "date", "in 2019", ""),
    }


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(min_value=11, max_value=9_999), min_size=2, max_size=7, unique=True),
    st.data(),
)
def test_a_figure_changed_in_place_is_paired_with_the_figure_it_replaced(
    figures: list[int], data: st.DataObject
) -> None:
    # One clause per figure. In B each clause keeps its figure, changes it in place (to a
    # value no clause has), loses it for a word, or gains one where A had a word: every
    # changed figure's "was" is the figure of its own clause; a gained one has none, or a
    # lost one (left over in the same sentence, the two are one change).
    slots = data.draw(
        st.lists(
            st.sampled_from(["kept", "changed", "lost", "gained"]),
            min_size=len(figures),
            max_size=len(figures),
        ).filter(lambda s: "changed" in s)
    )
    towns = ["Arvik", "Belmor", "Castra", "Dunholm", "Eskeby", "Fornas", "Galtby"]

    def sentence(values: list[str]) -> str:
        clauses = [f"{t} counted {v} boats" for t, v in zip(towns, values, strict=False)]
        return "Harbour census\n\nThis year " + ", ".join(clauses) + ", the port office said.\n"

    fresh = iter(range(20_000, 30_000, 7))
    a_values: list[str] = []
    b_values: list[str] = []
    replaced: dict[str, str] = {}
    gained: set[str] = set()
    lost = {""}
    for figure, slot in zip(figures, slots, strict=True):
        old, new = f"{figure:,}", f"{next(fresh):,}"
        a_values.append("several" if slot == "gained" else old)
        b_values.append({"kept": old, "lost": "several"}.get(slot, new))
        if slot == "changed":
            replaced[new] = old
        elif slot == "gained":
            gained.add(new)
        elif slot == "lost":
            lost.add(old)
    items = review_items(
        compare(document_from_text(sentence(a_values)), document_from_text(sentence(b_values)))
    )
    was = {i.text: i.was for i in items if i.kind is ItemKind.ADDED and i.category == "number"}
    assert was.keys() == replaced.keys() | gained
    assert {new: was[new] for new in replaced} == replaced
    assert all(was[new] in lost for new in gained)
    # No lost figure is given to two.
    given = [was[new] for new in gained if was[new]]
    assert len(given) == len(set(given))


def test_facts_of_different_families_stay_two_items() -> None:
    b_lines = ["Head", "The fund now holds 21 billion dollars, its chair Ana Reyes said on Monday."]
    claims = [
        (Side.A, ClaimCategory.NUMBER, "21 billion dollars", 1),
        (Side.B, ClaimCategory.PERSON, "Ana Reyes", 1),
    ]
    items = review_items(make_comparison(A_SUB, b_lines, SUB_PAIRS, claims))
    facts = [i for i in items if i.kind in (ItemKind.ADDED, ItemKind.DROPPED)]
    assert sorted(i.text for i in facts) == ["21 billion dollars", "Ana Reyes"]
    assert all(i.was == "" and i.aliases == () for i in facts)


ADDED_LINE = "Police chief Omar Haddad said the unit, which opened in 2019, had tripled its budget."


def test_an_added_sentence_is_one_item_with_its_facts_inside() -> None:
    comparison = make_comparison(
        ["Head", "Nothing changed."],
        ["Head", "Nothing changed.", ADDED_LINE],
        [((0,), (0,), Status.SAME), ((1,), (1,), Status.SAME), ((), (2,), Status.ADDED)],
        [
            (Side.B, ClaimCategory.ASSERTION, "Police chief Omar Haddad said the unit", 2),
            (Side.B, ClaimCategory.ASSERTION, "had tripled its budget.", 2),
            (Side.B, ClaimCategory.PERSON, "Omar Haddad", 2),
            (Side.B, ClaimCategory.DATE, "2019", 2),
        ],
    )
    items = review_items(comparison)
    top = [i for i in items if i.parent is None]
    assert len(top) == 1
    (sentence,) = top
    assert sentence.text == ADDED_LINE and sentence.category == "assertion"
    assert sorted(i.text for i in items if i.parent == sentence.key) == ["2019", "Omar Haddad"]
    # Both clauses are folded into it: their keys are its aliases, not items.
    assert len(sentence.aliases) == 2
    assert not set(sentence.aliases) & {i.key for i in items}
    assert count_items(items)[Section.ADDED].top == 1


def test_an_added_sentence_with_one_flagged_part_keeps_it_as_its_item() -> None:
    claims = [(Side.B, ClaimCategory.DATE, "2019", 2)]
    comparison = make_comparison(
        ["Head", "Nothing changed."],
        ["Head", "Nothing changed.", ADDED_LINE],
        [((0,), (0,), Status.SAME), ((1,), (1,), Status.SAME), ((), (2,), Status.ADDED)],
        claims,
    )
    assert [(i.text, i.parent) for i in review_items(comparison)] == [("2019", None)]


def test_a_short_clause_of_a_reworded_sentence_is_listed_inside_its_group() -> None:
    a_lines = ["Head", "The council voted on Tuesday to open the route."]
    b_lines = ["Head", "The council voted on Tuesday to open the route, as expected."]
    long_b = ["Head", b_lines[1][:-1] + " despite protests from island fishing crews."]
    pairs = [((0,), (0,), Status.SAME), ((1,), (1,), Status.REWORDED)]
    short = review_items(
        make_comparison(
            a_lines, b_lines, pairs, [(Side.B, ClaimCategory.ASSERTION, "as expected", 1)]
        )
    )
    group = next(i for i in short if i.kind is ItemKind.REWORDED)
    clause = next(i for i in short if i.kind is ItemKind.ADDED)
    assert clause.parent == group.key and listed_in(clause) is Section.REWORDING
    clause_text = "despite protests from island fishing crews"
    assert len(clause_text.split()) - 1 >= MIN_CLAUSE_WORDS  # "from" is a stopword
    long = review_items(
        make_comparison(a_lines, long_b, pairs, [(Side.B, ClaimCategory.ASSERTION, clause_text, 1)])
    )
    assert next(i for i in long if i.kind is ItemKind.ADDED).parent is None


def test_a_short_new_quotation_is_listed_inside_its_sentence() -> None:
    line = "Both sides called the talks “productive” and agreed to meet again in Oslo."
    comparison = make_comparison(
        ["Head", "Nothing."],
        ["Head", "Nothing.", line],
        [((0,), (0,), Status.SAME), ((1,), (1,), Status.SAME), ((), (2,), Status.ADDED)],
        [
            (Side.B, ClaimCategory.ASSERTION, "Both sides called the talks", 2),
            (Side.B, ClaimCategory.PLACE, "Oslo", 2),
        ],
        [(Side.B, 2, "productive", QuoteStatus.NEW, None)],
    )
    items = review_items(comparison)
    top = [i for i in items if i.parent is None]
    assert len(top) == 1 and top[0].text == line
    quote = next(i for i in items if i.kind is ItemKind.QUOTE_NEW)
    assert quote.parent == top[0].key and listed_in(quote) is Section.ADDED
    counts = count_items(items)
    assert (counts[Section.ADDED].top, counts[Section.ADDED].inside) == (1, 2)
    assert counts[Section.QUOTES].total == 0


# --------------------------------------------------------------------------- properties

_SENTENCES = st.lists(
    st.sampled_from(
        [
            "The council voted 7 to 2 on Monday.",
            "The council voted 9 to 0 on Friday.",
            "Mayor Ines Dahl said: \u201cWe had no choice.\u201d",
            "Mayor Ines Dahl said: \u201cWe had every choice.\u201d",
            "Repairs will cost 1.8 million euros.",
            "Repairs will not cost 4 million euros.",
            "The bridge closes in May, said Anna Berg, head of the port.",
            "Traffic moves to the ferry run by Nordlink.",
            "It was the third vote this year, and the last before the election in Kestle.",
        ]
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=40, deadline=None)
@given(_SENTENCES, _SENTENCES)
def test_items_are_by_salience_and_account_for_every_claim(a: list[str], b: list[str]) -> None:
    comparison = compare(document_from_text("\n\n".join(a)), document_from_text("\n\n".join(b)))
    items = review_items(comparison)
    keys = [i.key for i in items]
    assert len(set(keys)) == len(keys)
    top = [i for i in items if i.parent is None]
    sections = list(Section)
    ranks = [(sections.index(listed_in(i)), salience(i)) for i in top]
    assert ranks == sorted(ranks)  # section by section, the most salient first
    holder: str | None = None
    for item in items:
        if item.parent is None:
            holder = item.key
        else:
            assert item.parent == holder  # nested items follow their holder, one level deep
    # Every key an item absorbed is gone as an item: a mark on it has one place to go.
    aliases = [a for i in items for a in i.aliases]
    assert len(set(aliases)) == len(aliases) and not set(aliases) & set(keys)
    counts = count_items(items)
    assert sum(c.total for c in counts.values()) == len(items)


# --------------------------------------------------------------------------- marks


def _demo_items() -> tuple[object, list]:  # type: ignore[type-arg]
    comparison = compare(
        load_document(DEMO / "00_original.txt"), load_document(DEMO / "02_rewrite_contentfarm.txt")
    )
    return comparison, review_items(comparison)


# A substitution of our own: "approved" turned into "rejected" (an opposite), folded into
# one item whose old side's key is its alias.
_VOTE_A = (
    "Council votes on harbour plan\n\nThe city council approved the harbour plan on Monday "
    "after a long debate. The work starts in spring.\n"
)
_VOTE_B = _VOTE_A.replace("approved", "rejected")


def _vote_items() -> tuple[object, list]:  # type: ignore[type-arg]
    from diffreader.engine.load import document_from_text

    comparison = compare(document_from_text(_VOTE_A, "a.txt"), document_from_text(_VOTE_B, "b.txt"))
    return comparison, review_items(comparison)


def test_a_mark_on_a_folded_item_lands_on_the_item_that_holds_it(tmp_path: Path) -> None:
    from diffreader.storage.review import ReviewStore

    comparison, items = _vote_items()
    rejected = next(i for i in items if i.text == "rejected")
    assert rejected.was == "approved" and len(rejected.aliases) == 1
    (approved_key,) = rejected.aliases
    assert approved_key not in {i.key for i in items}
    # A review saved by a version that listed "approved" on its own.
    a, b = comparison.a, comparison.b  # type: ignore[attr-defined]
    state = ReviewState(pair_key(a.text, b.text), ArticleRef.of(a), ArticleRef.of(b))
    old = ReviewEntry(
        Mark.FLAGGED, "Approved or rejected?", "approved", "Dropped detail (opposite)", 5, 6
    )
    state.entries[approved_key] = old
    store = ReviewStore(tmp_path)
    assert store.save(state) == []

    session, messages = store.load_for(comparison)  # type: ignore[arg-type]
    assert messages == []
    assert session.mark(rejected.key) is Mark.FLAGGED
    assert session.note(rejected.key) == "Approved or rejected?"
    assert session.stale() == []
    assert session.state.entries[approved_key] == old  # kept for older versions


def test_an_alias_mark_that_differs_from_the_item_s_own_is_listed_as_stale() -> None:
    _, items = _vote_items()
    rejected = next(i for i in items if i.text == "rejected")
    (approved_key,) = rejected.aliases
    entries = {
        rejected.key: ReviewEntry(Mark.ACCEPTED, mark_at=9),
        approved_key: ReviewEntry(Mark.FLAGGED, "check", mark_at=5, note_at=5),
    }
    assert [s.key for s in stale_entries(entries, items)] == [approved_key]
    entries[rejected.key] = ReviewEntry(Mark.FLAGGED, "check", mark_at=5, note_at=5)
    assert stale_entries(entries, items) == []
    state = ReviewState("0" * 32, ArticleRef("x"), ArticleRef("y"))
    state.entries = {approved_key: entries[approved_key]}
    assert state.adopt(items) == 1 and state.entries[rejected.key] == entries[approved_key]
    assert state.adopt(items) == 0  # an item with an entry of its own keeps it
