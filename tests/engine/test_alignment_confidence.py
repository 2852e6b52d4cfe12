"""Alignment confidence (issue 9): a group scoring below ``RELATED_THRESHOLD`` is shown as a
dropped and an added sentence, not as a word diff of two unrelated sentences."""

from __future__ import annotations

import importlib

from hypothesis import given
from hypothesis import strategies as st

from diffreader.engine import Document, Status, compare, document_from_text
from diffreader.engine.align import Group

# ``diffreader.engine.compare`` is also the name of the function the package exports.
compare_module = importlib.import_module("diffreader.engine.compare")
RELATED_THRESHOLD: float = compare_module.RELATED_THRESHOLD

BEFORE = "The Harlow ferry service was suspended on Monday after a storm damaged the pier."
AFTER = "Repairs to the pier are expected to take two weeks, the operator said."
MIDDLE_A = (
    "Harlow commuters who rely on the ferry were advised to use the coastal bus route "
    "until the pier reopens."
)
# Shares "Harlow", "ferry" and "pier" with MIDDLE_A and nothing it says.
UNRELATED_B = (
    "The ferry operator, which has run the Harlow crossing since 1998, is also planning a "
    "new terminal building with a cafe and shops near the pier."
)
# The same advice, loosely reworded with much added around it.
RELATED_B = (
    "Ferry users in Harlow must now take the coastal bus, a detour that regular passengers "
    "say makes their daily journey to work far longer and more expensive."
)


def _docs(middle_b: str) -> tuple[Document, Document]:
    return (
        document_from_text(f"{BEFORE} {MIDDLE_A} {AFTER}"),
        document_from_text(f"{BEFORE} {middle_b} {AFTER}"),
    )


def _raw_score(middle_b: str) -> float:
    """The aligner's score for the two middle sentences, before the post-pass."""
    a, b = _docs(middle_b)
    groups = compare_module._align_documents(a, b)
    (group,) = [g for g in groups if g.a == [1] and g.b == [1]]
    return float(group.score)


def test_a_pair_just_below_the_threshold_is_dropped_and_added() -> None:
    assert 0.1 <= _raw_score(UNRELATED_B) < RELATED_THRESHOLD
    c = compare(f"{BEFORE} {MIDDLE_A} {AFTER}", f"{BEFORE} {UNRELATED_B} {AFTER}")
    rows = [(p.a, p.b, p.status) for p in c.pairs]
    assert ((1,), (), Status.DROPPED) in rows
    assert ((), (1,), Status.ADDED) in rows
    assert not any(p.status is Status.REWORDED for p in c.pairs)


def test_a_pair_just_above_the_threshold_stays_a_rewording() -> None:
    assert RELATED_THRESHOLD <= _raw_score(RELATED_B) < 0.2
    c = compare(f"{BEFORE} {MIDDLE_A} {AFTER}", f"{BEFORE} {RELATED_B} {AFTER}")
    (middle,) = [p for p in c.pairs if p.a == (1,)]
    assert middle.b == (1,)
    assert middle.status is Status.REWORDED


def test_titles_and_identical_groups_are_never_split() -> None:
    groups = [Group([0], [0], 0.0), Group([1], [1], 1.0), Group([2], [2, 3], 0.05)]
    out = compare_module._split_unrelated(groups)
    assert [(g.a, g.b) for g in out] == [([0], [0]), ([1], [1]), ([2], []), ([], [2]), ([], [3])]


SCORES = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


@given(st.lists(st.tuples(st.integers(1, 3), st.integers(1, 3), SCORES), max_size=8))
def test_the_split_keeps_every_sentence_once(shapes: list[tuple[int, int, float]]) -> None:
    groups, a_next, b_next = [], 0, 0
    for n_a, n_b, score in shapes:
        groups.append(
            Group(list(range(a_next, a_next + n_a)), list(range(b_next, b_next + n_b)), score)
        )
        a_next, b_next = a_next + n_a, b_next + n_b
    out = compare_module._split_unrelated(groups)
    assert sorted(i for g in out for i in g.a) == list(range(a_next))
    assert sorted(i for g in out for i in g.b) == list(range(b_next))
    for g in out:
        if g.a and g.b:
            assert g.score == 0.0 or g.score >= RELATED_THRESHOLD
