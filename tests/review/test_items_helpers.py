"""The fast helpers of ``review_items`` agree with the slow, obvious code they replace."""

from __future__ import annotations

import unicodedata
from dataclasses import fields, replace

from hypothesis import given
from hypothesis import strategies as st

from diffreader.engine import document_from_text
from diffreader.engine.model import ClaimCategory, Op, Pair, Side, Status, WordOp
from diffreader.review.items import (
    ItemKind,
    ReviewItem,
    Section,
    _context,
    _fields,
    _made,
    _QuoteSpans,
    _sentence,
    _to_b,
    _to_b_each,
    count_items,
    family,
    listed_in,
    salience,
)
from diffreader.review.keys import _NORMALISE, digest, normalise, occurrence_digest

_SIDES = st.sampled_from(list(Side))
_KINDS = st.sampled_from(list(ItemKind))
_TEXT = st.text(max_size=5)


@st.composite
def _items(draw: st.DrawFn) -> ReviewItem:
    """An item with every field drawn (none left at its default)."""
    return ReviewItem(
        key=draw(_TEXT),
        kind=draw(_KINDS),
        label=draw(_TEXT),
        side=draw(_SIDES),
        text=draw(_TEXT),
        start=draw(st.integers(0, 50)),
        end=draw(st.integers(0, 50)),
        pair=draw(st.integers(-1, 9)),
        sentence=draw(_TEXT),
        sentence_start=draw(st.integers(0, 50)),
        departs_from=draw(_TEXT),
        category=draw(st.none() | _TEXT),
        source_text=draw(_TEXT),
        parent=draw(st.none() | _TEXT),
        was=draw(_TEXT),
        aliases=tuple(draw(st.lists(_TEXT, max_size=3))),
        holder_kind=draw(st.none() | _KINDS),
    )


@given(
    _items(),
    _TEXT,
    st.none() | _TEXT,
    _TEXT,
    st.lists(_TEXT, max_size=3).map(tuple),
    st.none() | _KINDS,
)
def test_made_is_replace(
    item: ReviewItem,
    key: str,
    parent: str | None,
    was: str,
    aliases: tuple[str, ...],
    holder_kind: ItemKind | None,
) -> None:
    got = _made(key, _fields(item), parent, was, aliases, holder_kind)
    want = replace(item, key=key, parent=parent, was=was, aliases=aliases, holder_kind=holder_kind)
    for f in fields(ReviewItem):  # field by field: a field _made forgot shows by name
        assert getattr(got, f.name) == getattr(want, f.name), f.name


def _quote_item(side: Side, start: int, end: int) -> ReviewItem:
    return ReviewItem("k", ItemKind.QUOTE_NEW, "", side, "", start, end, 0, "", 0)


_SPAN = st.tuples(_SIDES, st.integers(0, 40), st.integers(0, 15)).map(
    lambda t: (t[0], t[1], t[1] + t[2])
)


@given(st.lists(_SPAN, max_size=12), _SPAN)
def test_quote_spans_find_the_first_overlapping_quotation(
    spans: list[tuple[Side, int, int]], claim: tuple[Side, int, int]
) -> None:
    # Draft numbers need not follow list order: the first *in the list* must win.
    quote_items = [(_quote_item(*span), 100 - n) for n, span in enumerate(spans)]
    side, start, end = claim
    want = next(
        (number for q, number in quote_items if q.side is side and q.start < end and start < q.end),
        None,
    )
    assert _QuoteSpans(quote_items).first_overlapping(side, start, end) == want


@given(st.text(alphabet="Ab. !?\n", max_size=40), st.integers(-3, 12))
def test_sentence_is_the_context_of_one_sentence(text: str, sentence_id: int) -> None:
    doc = document_from_text(text)
    assert _sentence(doc, sentence_id) == _context(doc, [sentence_id])


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)) | st.text())
def test_normalise_takes_a_shortcut_for_ascii_only_where_it_changes_nothing(text: str) -> None:
    slow = " ".join(unicodedata.normalize("NFKC", text).translate(_NORMALISE).split())
    assert normalise(text) == slow


@given(st.text(), st.integers(0, 10**6))
def test_occurrence_digest_is_the_digest_of_the_identity_and_its_number(
    identity: str, occurrence: int
) -> None:
    assert occurrence_digest(identity, occurrence) == digest(identity, str(occurrence))


_CATEGORIES = st.sampled_from([None, *(c.value for c in ClaimCategory)]) | _TEXT


@given(_items(), _CATEGORIES, st.sampled_from(["", "21"]))
def test_salience_is_the_rule(item: ReviewItem, category: str | None, was: str) -> None:
    item = replace(item, category=category, was=was)
    if item.kind in (ItemKind.REWORDED, ItemKind.MOVED):
        want = 4
    elif item.kind in (ItemKind.QUOTE_ALTERED, ItemKind.QUOTE_NEW, ItemKind.QUOTE_SPEAKER):
        want = 2
    elif was or category in ("negation", "hedge", "opposite", "role"):
        want = 0
    elif family(item):
        want = 1
    else:
        want = 2 if category == "quotation" else 3
    assert salience(item) == want


@st.composite
def _word_diffs(draw: st.DrawFn) -> tuple[WordOp, ...]:
    """Word-diff ops: in order of their A spans as a diff makes them (zero-width insertions
    among them, ties), or, now and then, shuffled."""
    ops = []
    at = b_at = 0
    for _ in range(draw(st.integers(0, 8))):
        op = draw(st.sampled_from(list(Op)))
        at += draw(st.integers(0, 2))  # the spaces the tokeniser left out
        width = 0 if op is Op.INSERT else draw(st.integers(0, 3))
        b_width = 0 if op is Op.DELETE else draw(st.integers(0, 3))
        ops.append(WordOp(op, at, at + width, b_at, b_at + b_width))
        at, b_at = at + width, b_at + b_width
    if draw(st.booleans()) and len(ops) > 1:
        ops = draw(st.permutations(ops))
    return tuple(ops)


@given(_word_diffs(), st.lists(st.integers(-2, 30), max_size=8))
def test_to_b_each_is_to_b_of_each(ops: tuple[WordOp, ...], offsets: list[int]) -> None:
    pair = Pair((0,), (0,), Status.REWORDED, 0.5, ops)
    offsets += [at for op in ops for at in (op.a_start, op.a_end)]  # the edge cases
    assert _to_b_each(pair, offsets) == [_to_b(pair, offset) for offset in offsets]


@given(st.lists(_items(), max_size=12))
def test_count_items_counts_each_item_where_it_is_listed(items: list[ReviewItem]) -> None:
    counts = count_items(items)
    for section in Section:
        listed = [item for item in items if listed_in(item) is section]
        top = sum(1 for item in listed if item.parent is None)
        assert (counts[section].top, counts[section].inside) == (top, len(listed) - top)
