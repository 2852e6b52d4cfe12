"""The fast JSON writer writes what ``json.dumps(obj, ensure_ascii=False, indent=2)`` writes."""

from __future__ import annotations

import json
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffreader.render.json_text import _PLACEHOLDER, Rows, dumps, iter_dumps


def _stdlib(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


# Text with what escaping must get right: quotes, backslashes, every C0 control, DEL, C1,
# bidi controls, astral characters, lone surrogates, brackets and separators that look
# like the structure the writer re-indents, and the writer's own placeholder.
_TEXT = st.lists(
    st.characters(codec=None)
    | st.sampled_from(
        ['"', "\\", "\n", "},\n  {", ": [", "\x00", "\x7f", "\x9b", "\u202e", "\ud800"]
    ),
    max_size=6,
).map("".join) | st.just(_PLACEHOLDER)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | _TEXT
)
_KEYS = _TEXT | st.integers() | st.floats() | st.booleans() | st.none()
_JSON = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(_KEYS, inner, max_size=5)
    ),
    max_leaves=40,
)
_ROW = st.dictionaries(_TEXT, _SCALARS, max_size=3)
_RECORDS = st.lists(
    st.dictionaries(
        _TEXT,
        _SCALARS | st.lists(_SCALARS, max_size=3) | st.lists(_ROW, max_size=3),
        min_size=1,
        max_size=4,
    ),
    max_size=6,
)
"""Lists of objects of scalars, scalar lists and lists of objects of scalars (empty ones
among them): the shapes the C fast paths take."""


@settings(max_examples=400)
@given(_JSON)
def test_dumps_is_json_dumps(obj: Any) -> None:
    assert dumps(obj) == _stdlib(obj)


@settings(max_examples=300)
@given(st.dictionaries(_TEXT, _RECORDS | _JSON, max_size=4), st.integers(1, 4))
def test_the_pieces_make_the_same_text_at_any_batch_size(obj: Any, batch: int) -> None:
    assert "".join(iter_dumps(obj, batch=batch)) == _stdlib(obj)


@given(_RECORDS)
def test_records_are_written_as_json_dumps_writes_them(records: list[dict[str, Any]]) -> None:
    assert dumps({"records": records}) == _stdlib({"records": records})


def test_a_string_holding_the_placeholder_is_written_literally() -> None:
    obj = [{"a": [1], "b": _PLACEHOLDER}, {"a": _PLACEHOLDER, "b": [2, 3]}]
    assert dumps(obj) == _stdlib(obj)


@pytest.mark.parametrize("bad", [object(), {(1, 2): 1}, [1, {"a": {1, 2}}]])
def test_what_is_not_json_raises_type_error(bad: Any) -> None:
    with pytest.raises(TypeError):
        _stdlib(bad)
    with pytest.raises(TypeError):
        dumps(bad)


@given(st.lists(st.text(max_size=5), max_size=20), st.integers(1, 12))
def test_coalesced_pieces_keep_the_text_and_reach_the_size(pieces: list[str], size: int) -> None:
    from diffreader.render import _coalesced

    joined = list(_coalesced(iter(pieces), size))
    assert "".join(joined) == "".join(pieces)
    assert all(len(piece) >= size for piece in joined[:-1])


def test_a_short_comparison_renders_in_one_piece() -> None:
    from diffreader.engine import compare, document_from_text
    from diffreader.render import render, render_pieces

    comparison = compare(document_from_text("One cat. Two dogs."), document_from_text("One cat."))
    for fmt in ("json", "markdown", "text"):
        assert list(render_pieces(comparison, fmt)) == [render(comparison, fmt)]


_ARTICLE = st.lists(
    st.sampled_from(["The council", "voted 7 to 2", "on Monday.", "\u201cNo,\u201d she said."])
    | st.text(st.characters(codec=None) | st.sampled_from(["\x1b", "\x7f", "\x9b", "\u202e"])),
    max_size=6,
).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(_ARTICLE, _ARTICLE)
def test_render_json_is_json_safe_of_json_dumps(a: str, b: str) -> None:
    from diffreader.engine import compare, document_from_text
    from diffreader.render import build_view, render_json, to_json_data
    from diffreader.render.escape import json_safe

    view = build_view(compare(document_from_text(a), document_from_text(b)))
    want = json_safe(json.dumps(to_json_data(view), ensure_ascii=False, indent=2)) + "\n"
    assert render_json(view) == want


@given(
    st.lists(st.lists(_JSON, max_size=8), max_size=4),
    st.integers(1, 5),
    st.lists(st.integers(0, 8), max_size=3),
)
@settings(max_examples=150)
def test_rows_are_written_as_the_list_they_stand_for(
    lists: list[list[Any]], batch: int, cuts: list[int]
) -> None:
    """A ``Rows`` written in batches and in any ranges is the list written whole, at the
    depth an outer object puts it."""

    def ranges(task: Any, size: int) -> list[list[str]]:
        bounds = sorted({0, size, *(min(cut, size) for cut in cuts)})
        return [task(lo, hi) for lo, hi in pairwise(bounds)]

    data = {f"k{n}": {"inner": items, "n": n} for n, items in enumerate(lists)}

    def rows(items: list[Any]) -> Rows:
        return Rows(len(items), lambda lo, hi: items[lo:hi], ranges)

    lazy = {key: {"inner": rows(value["inner"]), "n": value["n"]} for key, value in data.items()}
    assert "".join(iter_dumps(lazy, batch=batch)) == _stdlib(data)


@st.composite
def _records(draw: st.DrawFn) -> dict[str, Any]:
    """A record whose fields are scalars but "c" and "d" (anything, containers included),
    keys in a drawn order: what ``Rows.containers`` promises of its objects."""
    names = draw(st.permutations(["x", "c", "y", "d"]))
    return {name: draw(_JSON if name in ("c", "d") else _SCALARS) for name in names}


@given(st.lists(_records(), max_size=8), st.integers(1, 4), st.lists(st.integers(0, 8), max_size=2))
@settings(max_examples=150)
def test_rows_of_records_with_their_containers_named(
    records: list[dict[str, Any]], batch: int, cuts: list[int]
) -> None:
    """Records written looking only at the fields ``containers`` names (in each record's
    key order) are the list written whole."""

    def ranges(task: Any, size: int) -> list[list[str]]:
        bounds = sorted({0, size, *(min(cut, size) for cut in cuts)})
        return [task(lo, hi) for lo, hi in pairwise(bounds)]

    def make(lo: int, hi: int) -> list[dict[str, Any]]:
        return records[lo:hi]

    # One key order for all the records of a list, as the JSON writer's records have.
    order = list(records[0]) if records else []
    records = [{key: record[key] for key in order} for record in records]
    containers = tuple(key for key in order if key in ("c", "d"))
    lazy = {"records": Rows(len(records), make, ranges, containers), "n": 1}
    assert "".join(iter_dumps(lazy, batch=batch)) == _stdlib({"records": records, "n": 1})
