"""The records written straight from the engine's objects (``json_records``) are the text
``json_text.body`` writes of their dicts, and so what ``json.dumps`` writes."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from diffreader.engine.model import (
    Claim,
    ClaimCategory,
    ClaimKind,
    Op,
    Pair,
    QuoteStatus,
    Sentence,
    SentenceKind,
    Side,
    Status,
    WordOp,
)
from diffreader.render.json_records import claims_body, items_body, pairs_body, sentences_body
from diffreader.render.json_text import body
from diffreader.render.to_json import _claim_data, _item_data, _pair_data, _sentence_data
from diffreader.review.items import ItemKind, ReviewItem, Section

# Article text with what escaping must get right: quotes, backslashes, every C0 control,
# DEL, C1, bidi controls, astral characters, lone surrogates, and text that looks like
# the records' own structure.
_TEXT = st.lists(
    st.characters(codec=None)
    | st.sampled_from(
        ['"', "\\", "\n", "},\n  {", ": [", "\x00", "\x7f", "\x9b", "\u202e", "\ud800"]
    ),
    max_size=8,
).map("".join)
_INT = st.integers(min_value=-(2**70), max_value=2**70)
_IDS = st.lists(_INT, max_size=3).map(tuple)

_SENTENCES = st.builds(
    Sentence,
    id=_INT,
    start=_INT,
    end=_INT,
    text=_TEXT,
    paragraph=_INT,
    kind=st.sampled_from(SentenceKind),
    status=st.sampled_from(Status),
)
_OPS = st.builds(WordOp, op=st.sampled_from(Op), a_start=_INT, a_end=_INT, b_start=_INT, b_end=_INT)
_PAIRS = st.builds(
    Pair,
    a=_IDS,
    b=_IDS,
    status=st.sampled_from(Status),
    score=st.floats(allow_nan=True, allow_infinity=True),
    ops=st.lists(_OPS, max_size=3).map(tuple),
    changed=st.booleans(),
)
_CLAIMS = st.builds(
    Claim,
    side=st.sampled_from(Side),
    kind=st.sampled_from(ClaimKind),
    category=st.sampled_from(ClaimCategory),
    text=_TEXT,
    start=_INT,
    end=_INT,
    pair=_INT,
    sentence=_INT,
    departs_from=_IDS,
    parent=_INT,
)
_OR_NONE = st.none() | _TEXT
_ITEMS = st.builds(
    ReviewItem,
    key=_TEXT,
    kind=st.sampled_from(ItemKind),
    label=_TEXT,
    side=st.sampled_from(Side),
    text=_TEXT,
    start=_INT,
    end=_INT,
    pair=_INT,
    sentence=_TEXT,
    sentence_start=_INT,
    departs_from=_TEXT,
    category=_OR_NONE | st.sampled_from(ClaimCategory).map(str),
    source_text=_TEXT,
    parent=_OR_NONE,
    was=_TEXT,
    aliases=st.lists(_TEXT, max_size=3).map(tuple),
    holder_kind=st.none() | st.sampled_from(ItemKind),
)
_LEVELS = st.integers(min_value=0, max_value=4)


def _same_as_the_records(
    objects: Sequence[Any],
    level: int,
    write: Callable[[Sequence[Any], int], str],
    record: Callable[[Any], dict[str, Any]],
    containers: tuple[str, ...],
) -> None:
    records = [record(obj) for obj in objects]
    written = write(objects, level)
    # What the writer would write of the dicts, as ``to_json`` describes each list ...
    assert written == body(records, level, containers)
    # ... and so the list as ``json.dumps`` writes it, at this level.
    whole = json.dumps(records, ensure_ascii=False, indent=2)
    if records:
        indent = "  " * level
        assert "[" + written + "\n" + indent + "]" == whole.replace("\n", "\n" + indent)
    else:
        assert written == ""


@given(st.lists(_SENTENCES, max_size=5), _LEVELS)
def test_sentences_are_their_records(sentences: list[Sentence], level: int) -> None:
    _same_as_the_records(sentences, level, sentences_body, _sentence_data, ())


@given(st.lists(_PAIRS, max_size=5), _LEVELS)
def test_pairs_are_their_records(pairs: list[Pair], level: int) -> None:
    _same_as_the_records(pairs, level, pairs_body, _pair_data, ("a", "b", "ops"))


@given(st.lists(_CLAIMS, max_size=5), _LEVELS)
def test_claims_are_their_records(claims: list[Claim], level: int) -> None:
    _same_as_the_records(claims, level, claims_body, _claim_data, ("departs_from",))


@given(st.lists(_ITEMS, max_size=5), _LEVELS)
def test_review_items_are_their_records(items: list[ReviewItem], level: int) -> None:
    _same_as_the_records(items, level, items_body, _item_data, ("aliases",))


def test_the_values_written_between_quotes_need_no_escape() -> None:
    """The templates write the enums' values between quotes as they are."""
    enums = (
        Side,
        Status,
        SentenceKind,
        Op,
        ClaimKind,
        ClaimCategory,
        QuoteStatus,
        ItemKind,
        Section,
    )
    for enum in enums:
        for member in enum:
            assert json.dumps(member.value) == f'"{member.value}"'
