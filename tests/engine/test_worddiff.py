"""Word diff: word granularity, offsets on both sides, and the rebuild invariants."""

from __future__ import annotations

import dataclasses
from itertools import pairwise

import diff_match_patch
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import LCSseq

from diffreader.engine import worddiff
from diffreader.engine.model import Op, WordOp, pack_ops, unpack_ops
from diffreader.engine.worddiff import (
    _DIFF_TIMEOUT,
    _encode,
    _longest_common,
    _replacements_only,
    ops_from_packed,
    word_diff,
)


def spans(text_a: str, text_b: str) -> list[tuple[str, str, str]]:
    return [
        (op.op.value, text_a[op.a_start : op.a_end], text_b[op.b_start : op.b_end])
        for op in word_diff([(0, text_a)], [(0, text_b)])
    ]


def test_changes_are_whole_words() -> None:
    a = "Specifically the council voted on Thursday."
    b = "Specially the council voted on Friday."
    changed = [(x, y) for op, x, y in spans(a, b) if op != "equal"]
    assert ("Specifically", "") in changed and ("", "Specially") in changed
    assert ("Thursday", "") in changed and ("", "Friday") in changed


def test_quotes_dashes_and_case_are_not_changes() -> None:
    assert all(
        op == "equal" for op, _, _ in spans('He said "yes" - twice.', "He said “yes” — twice.")
    )


def test_offsets_cover_pieces_at_their_positions() -> None:
    ops = word_diff([(10, "One two."), (50, "Three.")], [(0, "One two three.")])
    for op in ops:
        if op.op is not Op.INSERT:
            assert 10 <= op.a_start <= op.a_end <= 56
        if op.op is not Op.DELETE:
            assert 0 <= op.b_start <= op.b_end <= 14


WORDS = st.sampled_from(
    ["the", "bridge", "closed", "on", "Thursday", "4,300", "U.S.", "“", "”", '"', ",", ".", "—"]
)
TEXTS = st.lists(st.one_of(WORDS, st.sampled_from([" ", "  ", "\n"])), max_size=40).map("".join)


def rebuild(pieces: list[tuple[int, str]], ops: list, side: str) -> str:
    full = {}
    for offset, text in pieces:
        for i, ch in enumerate(text):
            full[offset + i] = ch
    out = []
    for op in ops:
        if side == "a" and op.op in (Op.EQUAL, Op.DELETE):
            out.append("".join(full[i] for i in range(op.a_start, op.a_end)))
        if side == "b" and op.op in (Op.EQUAL, Op.INSERT):
            out.append("".join(full[i] for i in range(op.b_start, op.b_end)))
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=3), st.lists(TEXTS, min_size=1, max_size=3))
def test_equal_and_delete_rebuild_a_equal_and_insert_rebuild_b(
    a_texts: list[str], b_texts: list[str]
) -> None:
    a_pieces = [(i * 1000, t) for i, t in enumerate(a_texts)]
    b_pieces = [(i * 1000 + 7, t) for i, t in enumerate(b_texts)]
    ops = word_diff(a_pieces, b_pieces)
    assert rebuild(a_pieces, ops, "a") == "".join(a_texts)
    assert rebuild(b_pieces, ops, "b") == "".join(b_texts)
    for op in ops:
        assert op.a_start <= op.a_end and op.b_start <= op.b_end
        if op.op is Op.INSERT:
            assert op.a_start == op.a_end
        if op.op is Op.DELETE:
            assert op.b_start == op.b_end


@settings(max_examples=300, deadline=None)
@given(TEXTS, TEXTS)
def test_one_piece_sides_diff_as_the_general_path_does(text_a: str, text_b: str) -> None:
    """A side of one piece reads its token run as it is and makes each stretch one run;
    the same text with an empty second piece goes through the general path (lists built
    piece by piece, runs cut wherever a token does not start where the last one ended)."""
    one = word_diff([(3, text_a)], [(40, text_b)])
    assert one == word_diff([(3, text_a), (3 + len(text_a), "")], [(40, text_b)])
    assert one == word_diff([(3, text_a)], [(40, text_b), (40 + len(text_b), "")])


def _reference_encode(keys: list[str], table: dict[str, str]) -> str:
    """One character per distinct key, numbered as keys first occur, past the surrogates."""
    for key in keys:
        if key not in table:
            n = len(table)
            table[key] = chr(0xE000 + n if n < 0x1900 else 0x10000 + n)
    return "".join(table[key] for key in keys)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from("abcdef "), max_size=12),
    st.lists(st.sampled_from("defgh "), max_size=12),
)
def test_keys_are_encoded_as_numbered_one_by_one(a_keys: list[str], b_keys: list[str]) -> None:
    table: dict[str, str] = {}
    expected = (_reference_encode(a_keys, table), _reference_encode(b_keys, table))
    assert _encode(a_keys, b_keys) == expected


def test_keys_past_the_private_area_skip_the_surrogates() -> None:
    a_keys = [f"a{i}" for i in range(5000)]
    b_keys = [f"b{i}" for i in range(3000)] + a_keys[:10]
    table: dict[str, str] = {}
    expected = (_reference_encode(a_keys, table), _reference_encode(b_keys, table))
    assert _encode(a_keys, b_keys) == expected
    assert not any(0xD800 <= ord(ch) <= 0xDFFF for ch in "".join(expected))


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_identical_texts_are_all_equal(text: str) -> None:
    assert all(op.op is Op.EQUAL for op in word_diff([(0, text)], [(5, text)]))


# The one-pass diff of replacements (``_replacements_only``, then diff-match-patch's
# final merge) must be exactly what diff-match-patch returns whenever it answers.
# Checked on pairs of that shape: shared letters (a, b), each side's own letters (X, Z
# only in a; Y, W only in b) in stretches, a stretch inside the pair as long on both
# sides, the ends free. And on pairs near it, where it must decline or agree: stretches
# inside the pair of any length (where diff-match-patch's half match can settle for a
# coarser diff: "ZaaaaZaaaZaaa" / "YWaaaYaaaaaWWaa"), a text and a few edits of it
# (replaced letters that the common prefix or suffix holds), any two texts. Few letters
# make long repeats, the hard case.


def _own(alphabet: str, low: int, high: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet, min_size=low, max_size=high)


@st.composite
def _replaced(draw: st.DrawFn, *, balanced: bool) -> tuple[str, str]:
    a = [draw(_own("XZ", 0, 3))]
    b = [draw(_own("YW", 0, 3))]
    shared = draw(st.text(alphabet=draw(st.sampled_from(("a", "ab"))), max_size=30))
    for n, char in enumerate(shared):
        if n and draw(st.booleans()):
            width = draw(st.integers(1, 3))
            a.append(draw(_own("XZ", width, width) if balanced else _own("XZ", 0, 3)))
            b.append(draw(_own("YW", width, width) if balanced else _own("YW", 0, 3)))
        a.append(char)
        b.append(char)
    a.append(draw(_own("XZ", 0, 3)))
    b.append(draw(_own("YW", 0, 3)))
    return "".join(a), "".join(b)


@st.composite
def _edited(draw: st.DrawFn) -> tuple[str, str]:
    alphabet = draw(st.sampled_from(("ab", "abc", "abcdefgh")))
    a = draw(st.text(alphabet=alphabet, min_size=1, max_size=40))
    b = list(a)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(b) - 1)) if b else 0
        edit = draw(st.sampled_from(("replace", "replace", "replace", "delete", "insert")))
        if edit == "replace" and b:
            b[at] = draw(st.sampled_from(alphabet))
        elif edit == "delete" and b:
            del b[at]
        else:
            b.insert(at, draw(st.sampled_from(alphabet)))
    return a, "".join(b)


def _common_length(a: str, b: str) -> int:
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


def _engine() -> diff_match_patch.diff_match_patch:
    engine = diff_match_patch.diff_match_patch()
    engine.Diff_Timeout = _DIFF_TIMEOUT  # as word_diff sets it (it enables the half match)
    return engine


def _one_pass(a: str, b: str) -> list[tuple[int, str]] | None:
    found = _replacements_only(a, b)
    if found is not None:
        _engine().diff_cleanupMerge(found)
    return found


def _dmp_diff(a: str, b: str) -> list[tuple[int, str]]:
    result: list[tuple[int, str]] = _engine().diff_main(a, b, False)
    return result


@settings(max_examples=2000, deadline=None)
@given(_replaced(balanced=True))
def test_replacements_diff_is_diff_match_patchs(pair: tuple[str, str]) -> None:
    a, b = pair
    found = _one_pass(a, b)
    if found is None:
        # Declined only where diff-match-patch answers at once: the pair differs in less
        # than two characters of one side, once the common prefix and suffix are trimmed.
        prefix = _common_length(a, b)
        suffix = _common_length(a[prefix:][::-1], b[prefix:][::-1])
        assert min(len(a), len(b)) - prefix - suffix < 2
    else:
        assert found == _dmp_diff(a, b)


@settings(max_examples=1000, deadline=None)
@given(
    st.one_of(
        _replaced(balanced=False), _edited(), st.tuples(_own("abXY", 0, 24), _own("abXY", 0, 24))
    )
)
def test_replacements_diff_declines_or_agrees(pair: tuple[str, str]) -> None:
    a, b = pair
    found = _one_pass(a, b)
    if found is not None:
        assert found == _dmp_diff(a, b)


def test_replacements_diff_declines_a_moved_word() -> None:
    # "b" moves: the shared letters do not read alike in order.
    assert _replacements_only("abXcd", "bacYd") is None
    # A stretch inside the changed middle shrinks ("XX" for "Y"): left to diff-match-patch.
    assert _replacements_only("aXbXXcXd", "aYbYcYd") is None
    assert _replacements_only("aXXbXcXd", "aYbYcYd") == [
        *[(0, "a"), (-1, "XX"), (1, "Y"), (0, "b"), (-1, "X"), (1, "Y")],
        *[(0, "c"), (-1, "X"), (1, "Y"), (0, "d")],
    ]
    # One character replaced: diff-match-patch answers at once.
    assert _replacements_only("aXb", "aYb") is None


def _side(diffs: list[tuple[int, str]], keep: int) -> str:
    return "".join(chars for tag, chars in diffs if tag in (0, keep))


@settings(max_examples=1000, deadline=None)
@given(
    st.one_of(
        _replaced(balanced=False), _edited(), st.tuples(_own("abXY", 0, 40), _own("abXY", 0, 40))
    )
)
def test_longest_common_diff_rebuilds_both_sides_and_keeps_the_most(pair: tuple[str, str]) -> None:
    """The rapidfuzz diff reads back as each side, keeps as many equal characters as any
    diff can (the longest common subsequence), never fewer than diff-match-patch's own
    search, and after diff-match-patch's merge it is in its form: each change a deletion
    then an insertion, no empty or adjacent runs of one tag."""
    a, b = pair
    found = _longest_common(a, b)
    assert found is not None
    assert _side(found, -1) == a and _side(found, 1) == b
    kept = sum(len(chars) for tag, chars in found if tag == 0)
    assert kept == LCSseq.similarity(a, b)
    assert kept >= sum(len(chars) for tag, chars in _dmp_diff(a, b) if tag == 0)
    _engine().diff_cleanupMerge(found)
    assert _side(found, -1) == a and _side(found, 1) == b
    tags = [tag for tag, _ in found]
    assert all(chars for _, chars in found)
    assert all(x != y and (x, y) != (1, -1) for x, y in pairwise(tags))


def test_a_pair_too_large_for_the_bit_table_is_left_to_diff_match_patch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _longest_common("abXc", "abYc") is not None
    monkeypatch.setattr(worddiff, "_LCS_CELLS", 0)
    # Only the middle counts: a common prefix and suffix cost no cells.
    assert _longest_common("abc", "abc") == [(0, "abc")]
    assert _longest_common("abXc", "abYc") is None
    worddiff._token_diff.cache_clear()
    try:
        assert spans("The bridge shut on Thursday.", "The bridge closed on Thursday.") == [
            ("equal", "The bridge ", "The bridge "),
            ("delete", "shut", ""),
            ("insert", "", "closed"),
            ("equal", " on Thursday.", " on Thursday."),
        ]
    finally:
        worddiff._token_diff.cache_clear()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(TEXTS, TEXTS), min_size=1, max_size=6))
def test_remembered_diffs_give_what_a_fresh_diff_gives(pairs: list[tuple[str, str]]) -> None:
    """Diffs are remembered by the shape of a pair (its encoded token strings): each pair
    diffs as with nothing remembered, whatever pairs of the same or another shape came
    before; texts differing only in a figure share a shape."""
    fresh = []
    for text_a, text_b in pairs:
        worddiff._token_diff.cache_clear()
        fresh.append(word_diff([(0, text_a)], [(5, text_b)]))
    worddiff._token_diff.cache_clear()
    for (text_a, text_b), expected in zip(pairs, fresh, strict=True):
        assert word_diff([(0, text_a)], [(5, text_b)]) == expected
        # The same shape with other figures: served from memory, offsets of its own.
        swapped_a, swapped_b = text_a.replace("4,300", "17"), text_b.replace("4,300", "17")
        remembered = word_diff([(0, swapped_a)], [(5, swapped_b)])
        worddiff._token_diff.cache_clear()
        assert remembered == word_diff([(0, swapped_a)], [(5, swapped_b)])


def test_a_shape_met_again_is_diffed_once() -> None:
    worddiff._token_diff.cache_clear()
    spans("The count in ward 5 was 80 votes.", "The count in ward 5 was about 431 or 80 votes.")
    assert spans(
        "The count in ward 7 was 12 votes.", "The count in ward 7 was about 9 or 12 votes."
    ) == [
        ("equal", "The count in ward 7 was ", "The count in ward 7 was "),
        ("insert", "", "about 9 or "),
        ("equal", "12 votes.", "12 votes."),
    ]
    assert worddiff._token_diff.cache_info().hits == 1


_OP_FIELDS = st.tuples(st.sampled_from(list(Op)), *(st.integers(0, 2**40) for _ in range(4)))


@given(st.lists(_OP_FIELDS, max_size=30))
def test_ops_made_at_once_equal_ops_made_one_by_one(
    fields: list[tuple[Op, int, int, int, int]],
) -> None:
    ops = [WordOp(*f) for f in fields]
    made = ops_from_packed(pack_ops(ops))
    assert made == ops == list(unpack_ops(pack_ops(ops)))
    assert [hash(op) for op in made] == [hash(op) for op in ops]
    assert all(type(op) is WordOp for op in made)
    if made:
        with pytest.raises(dataclasses.FrozenInstanceError):
            made[0].a_start = 1


def test_ops_made_at_once_share_their_equal_offsets() -> None:
    # Built from distinct int objects (as a child's numbers are), the ops hold one object
    # for each distinct offset: an op's end is the next one's start.
    flat = [int(str(n)) for n in (0, 1000, 2000, 5000, 6000, 1, 2000, 3000, 6000, 6000)]
    first, second = ops_from_packed(flat)
    assert first.a_end == second.a_start == 2000
    assert first.a_end is second.a_start
    assert first.b_end is second.b_start is second.b_end


def _packed_contiguous_ops(
    diffs: list[tuple[int, str]],
    a: worddiff._Side,
    b: worddiff._Side,
    a_end: int,
    b_end: int,
) -> list[WordOp]:
    """The plain form of ``_contiguous_ops``: each diff's fields read from its tokens'
    starts and ends, packed, and the ops made at once by ``ops_from_packed``."""
    kinds = {0: Op.EQUAL, -1: Op.DELETE, 1: Op.INSERT}
    flat: list[int] = []
    ia = ib = 0
    for tag, chars in diffs:
        n = len(chars)
        if not n:
            continue
        at_a = a.starts[ia] if ia < len(a.starts) else a_end
        at_b = b.starts[ib] if ib < len(b.starts) else b_end
        if tag == 0:
            fields = (at_a, a.ends[ia + n - 1], at_b, b.ends[ib + n - 1])
            ia, ib = ia + n, ib + n
        elif tag < 0:
            fields = (at_a, a.ends[ia + n - 1], at_b, at_b)
            ia += n
        else:
            fields = (at_a, at_a, at_b, b.ends[ib + n - 1])
            ib += n
        flat.extend((list(Op).index(kinds[tag]), *fields))
    return ops_from_packed(flat)


@settings(max_examples=400, deadline=None)
@given(TEXTS, TEXTS, st.integers(0, 5_000), st.integers(0, 5_000))
def test_ops_of_one_piece_a_side_equal_the_packed_ops(
    text_a: str, text_b: str, at_a: int, at_b: int
) -> None:
    a = worddiff._Side([(at_a, text_a)])
    b = worddiff._Side([(at_b, text_b)])
    diffs = worddiff._token_diff(*_encode(a.keys, b.keys))
    a_end, b_end = at_a + len(text_a), at_b + len(text_b)
    made = worddiff._contiguous_ops(diffs, a, b, a_end, b_end)
    assert made == _packed_contiguous_ops(list(diffs), a, b, a_end, b_end)
    assert all(type(op) is WordOp for op in made)
    # Each op starts, on each side, with the very offset the one before it ends with.
    for before, op in pairwise(made):
        assert op.a_start is before.a_end
        assert op.b_start is before.b_end
    for op in made:
        if op.op is Op.INSERT:
            assert op.a_start is op.a_end
        if op.op is Op.DELETE:
            assert op.b_start is op.b_end
