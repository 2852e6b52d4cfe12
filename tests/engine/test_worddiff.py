"""Word diff: word granularity, offsets on both sides, and the rebuild invariants."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diffreader.engine.model import Op
from diffreader.engine.worddiff import word_diff


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


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_identical_texts_are_all_equal(text: str) -> None:
    assert all(op.op is Op.EQUAL for op in word_diff([(0, text)], [(5, text)]))
