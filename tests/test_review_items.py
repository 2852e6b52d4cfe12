"""Tests for review.review_items: what is reviewable, and stable content keys."""

from __future__ import annotations

import pytest

from comparison_builder import A_LINES, B_LINES, make_comparison, sample
from diffreader.engine.model import ClaimCategory, QuoteStatus, Side, Status
from diffreader.review import ItemKind, review_items


def test_every_reviewable_item_is_listed() -> None:
    items = review_items(sample())
    kinds = [item.kind for item in items]
    assert kinds.count(ItemKind.ADDED) == 4
    # Nested: "over ten years" inside its new quotation, and "which has no bridge" (one
    # content word) inside its reworded group.
    assert sum(item.parent is not None for item in items) == 2
    assert kinds.count(ItemKind.DROPPED) == 2
    assert kinds.count(ItemKind.QUOTE_ALTERED) == 1
    assert kinds.count(ItemKind.QUOTE_NEW) == 1
    assert kinds.count(ItemKind.REWORDED) == 2
    assert kinds.count(ItemKind.MOVED) == 1
    assert len({item.key for item in items}) == len(items)


def test_items_carry_their_context() -> None:
    comparison = sample()
    items = {item.text: item for item in review_items(comparison)}
    bridge = items["which has no bridge"]
    assert bridge.side is Side.B
    assert bridge.label == "Added claim (assertion)"
    assert bridge.sentence == B_LINES[2]
    assert bridge.departs_from == A_LINES[1]  # the A sentence of its reworded group
    assert comparison.b.text[bridge.start : bridge.end] == "which has no bridge"
    assert bridge.sentence[bridge.start - bridge.sentence_start :].startswith("which")
    altered = items["This route will transform lives."]
    assert altered.source_text == "This route will change lives."
    assert altered.departs_from == A_LINES[2]
    euros = items["4 million euros"]
    assert euros.side is Side.A and euros.category == "number"


def test_keys_survive_edits_elsewhere_and_index_shifts() -> None:
    before = {i.text: i.key for i in review_items(sample())}
    # A new sentence at the top of B shifts every offset, sentence id and pair index.
    b_lines = [B_LINES[0], "An unrelated new opening line.", *B_LINES[1:]]
    pairs = [
        ((0,), (0,), Status.REWORDED),
        ((), (1,), Status.ADDED),
        ((2,), (2,), Status.MOVED),
        ((1,), (3,), Status.REWORDED),
        ((3,), (), Status.DROPPED),
        ((4,), (), Status.DROPPED),
        ((), (4,), Status.ADDED),
        ((), (5,), Status.ADDED),
    ]
    claims = [
        (Side.B, ClaimCategory.ASSERTION, "which has no bridge", 3),
        (Side.B, ClaimCategory.DATE, "2026", 4),
        (Side.B, ClaimCategory.DURATION, "over ten years", 5),
        (Side.B, ClaimCategory.PERSON, "Tom Reyes", 5),
        (Side.A, ClaimCategory.NUMBER, "4 million euros", 3),
    ]
    edited = make_comparison(A_LINES, b_lines, pairs, claims)
    after = {i.text: i.key for i in review_items(edited)}
    for text in ("which has no bridge", "2026", "over ten years", "Tom Reyes", "4 million euros"):
        assert after[text] == before[text], text


def test_a_changed_sentence_changes_the_key() -> None:
    before = {i.text: i.key for i in review_items(sample())}
    b_lines = list(B_LINES)
    b_lines[3] = "The service will start in 2026, the mayor said."
    after = {i.text: i.key for i in review_items(sample(b_lines=b_lines))}
    assert after["2026"] != before["2026"]
    assert after["Tom Reyes"] == before["Tom Reyes"]


def test_keys_ignore_quote_style_and_spacing() -> None:
    b_lines = [line.replace("“", '"').replace("”", '"') for line in B_LINES]
    b_lines[3] = "The service  will start in 2026, officials said."
    plain = {i.text.replace('"', ""): i.key for i in review_items(sample())}
    curly = {i.text.replace('"', ""): i.key for i in review_items(sample(b_lines=b_lines))}
    assert curly["2026"] == plain["2026"]
    assert curly["Tom Reyes"] == plain["Tom Reyes"]


def test_keys_do_not_depend_on_paths() -> None:
    one = [i.key for i in review_items(sample(a_path="/x/a.txt", b_path="/x/b.txt"))]
    two = [i.key for i in review_items(sample(a_path=None, b_path=None))]
    assert one == two


def test_identical_claims_in_identical_sentences_get_distinct_keys() -> None:
    line = "Sources said 40 people attended."
    comparison = make_comparison(
        ["Head"],
        ["Head", line, line],
        [((0,), (0,), Status.SAME), ((), (1,), Status.ADDED), ((), (2,), Status.ADDED)],
        [(Side.B, ClaimCategory.NUMBER, "40", 1), (Side.B, ClaimCategory.NUMBER, "40", 2)],
    )
    keys = [item.key for item in review_items(comparison)]
    assert len(keys) == 2 and keys[0] != keys[1]


def test_a_quotation_claim_is_folded_into_its_quotation_check() -> None:
    comparison = make_comparison(
        ["Head", "Nothing."],
        ["Head", "Nothing.", "She said: “All is well.”"],
        [((0,), (0,), Status.SAME), ((1,), (1,), Status.SAME), ((), (2,), Status.ADDED)],
        [(Side.B, ClaimCategory.QUOTATION, "All is well.", 2)],
        [(Side.B, 2, "All is well.", QuoteStatus.NEW, None)],
    )
    items = review_items(comparison)
    assert [item.kind for item in items] == [ItemKind.QUOTE_NEW]


def test_same_and_boilerplate_groups_are_not_reviewable() -> None:
    comparison = make_comparison(
        ["Head", "Photo: Agency"],
        ["Head", "Photo: Agency"],
        [((0,), (0,), Status.SAME), ((1,), (1,), Status.BOILERPLATE)],
    )
    assert review_items(comparison) == []


# Keys as the code before the review model moved out of storage derived them: saved reviews
# on users' disks are keyed by these, so they must never change.
FROZEN_KEYS = [
    ("reworded", "e6fe6128e36b6830b6a0"),
    ("moved", "a12cf8751fb82a9ecc79"),
    ("quote-altered", "a6260c532934b9306c7d"),
    ("reworded", "8fd477077627f03b7e90"),
    ("added", "ac56c6f8228c9d9f60fc"),
    ("dropped", "318830592d3e7bde1028"),
    ("dropped", "eb46752db57f85e5daea"),
    ("added", "e85f198072cc5a64149e"),
    ("quote-new", "b135fbb20f1d4b075e7a"),
    ("added", "9c62e3bfc37638b4ebf7"),
    ("added", "646ae9d2964f7077ef97"),
]


def test_item_and_pair_keys_are_frozen() -> None:
    from comparison_builder import sample
    from diffreader.review import pair_key

    comparison = sample()
    items = review_items(comparison)
    # Every frozen key is still an item's key; the order is the lists' order (by
    # salience), which is not frozen.
    assert sorted((i.kind.value, i.key) for i in items) == sorted(FROZEN_KEYS)
    assert pair_key(comparison.a.text, comparison.b.text) == "fd943bdfed47e08792360ab345520fd8"


def test_nesting_points_at_the_holding_item() -> None:
    from comparison_builder import sample

    items = review_items(sample())
    keys = {item.key: item for item in items}
    for item in items:
        if item.parent is not None:
            holder = keys[item.parent]
            assert holder.start <= item.start and item.end <= holder.end


def test_a_detail_inside_a_folded_quotation_claim_nests_under_the_quotation() -> None:
    import dataclasses

    from comparison_builder import sample
    from diffreader.engine.model import Claim, ClaimCategory, ClaimKind

    comparison = sample()
    quote = next(q for q in comparison.quotes if q.status.value == "new")
    detail = next(c for c in comparison.claims if c.text == "over ten years")
    holder = Claim(
        quote.side,
        ClaimKind.ADDED,
        ClaimCategory.QUOTATION,
        quote.text,
        quote.start,
        quote.end,
        detail.pair,
        detail.sentence,
    )
    claims = [*comparison.claims, holder]
    claims[comparison.claims.index(detail)] = dataclasses.replace(detail, parent=len(claims) - 1)
    nested = dataclasses.replace(comparison, claims=tuple(claims))
    items = review_items(nested)
    keys = {item.key: item for item in items}
    # The quotation claim is folded into the quotation check: reviewed (and counted) once.
    assert not any(i.category == "quotation" for i in items)
    inside = next(i for i in items if i.text == "over ten years")
    assert inside.parent is not None and keys[inside.parent].kind is ItemKind.QUOTE_NEW
    # Keys do not depend on nesting.
    assert sorted(i.key for i in items) == sorted(i.key for i in review_items(comparison))


def test_a_wall_of_quotations_makes_each_sentences_form_once_and_short_keys(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A sentence of thousands of characters holding hundreds of quotations (random bytes
    read as cp1252 are full of quotation marks): each quotation's item normalised the whole
    sentence again, and its key's identity held a copy of it (84 s and 1.1 GB for 2 MB)."""
    from diffreader.engine import compare
    from diffreader.review import items as items_module
    from diffreader.review.keys import LONGEST_FORM, normalise

    wall = "".join(f"«x{n}y» " for n in range(1500)).replace(" ", "·") + "."
    comparison = compare("The council met on Monday.\n", f"The council met on Monday.\n\n{wall}\n")
    assert len(wall) > LONGEST_FORM and len(comparison.quotes) > 1000
    sentence_forms: list[int] = []

    def counted(text: str) -> str:
        if len(text) > LONGEST_FORM:
            sentence_forms.append(len(text))
        return normalise(text)

    monkeypatch.setattr(items_module, "normalise", counted)
    made = review_items(comparison)
    assert len([i for i in made if i.kind is ItemKind.QUOTE_NEW]) > 1000
    assert len(sentence_forms) <= 3  # the sentence's form, made once (not once a quotation)
    assert len(normalise(wall)) == 41  # a form that long is its digest
