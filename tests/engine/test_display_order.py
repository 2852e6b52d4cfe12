"""compare's display order: the n log n version equals the former quadratic one.

The former implementation is kept here as the slow reference (as rapidfuzz's tests compare
each metric with a reference implementation).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffreader.engine.align import Group
from diffreader.engine.compare import _align_documents, _display_order
from diffreader.engine.load import load_document

# Not imported from tests/conftest.py: several folders have a conftest.py, and which one
# "from conftest import" finds depends on the order pytest collected them in.
_ROOT = Path(__file__).resolve().parents[2]
DEMO = _ROOT / "src" / "diffreader" / "demo"
SAMPLE = _ROOT.parent / "shared" / "corpus" / "sample"

DATA = Path(__file__).resolve().parents[1] / "data"


def reference_display_order(groups: list[Group]) -> list[Group]:
    """The former ``_display_order``: a backwards scan per A-only group (quadratic)."""
    with_b = sorted((g for g in groups if g.b), key=lambda g: min(g.b))
    a_only = sorted((g for g in groups if not g.b), key=lambda g: min(g.a))
    row_of_a: dict[int, int] = {}
    for row, group in enumerate(with_b):
        for aid in group.a:
            row_of_a[aid] = row
    after: dict[int, list[Group]] = {}
    for group in a_only:
        first = min(group.a)
        anchor = -1
        for aid in range(first - 1, -1, -1):
            if aid in row_of_a:
                anchor = row_of_a[aid]
                break
        after.setdefault(anchor, []).append(group)
    out = list(after.get(-1, []))
    for row, group in enumerate(with_b):
        out.append(group)
        out.extend(after.get(row, []))
    return out


@st.composite
def group_lists(draw: st.DrawFn) -> list[Group]:
    """Groups as ``_align_documents`` makes them: each sentence id in at most one group,
    groups with both sides, A only or B only, in any order, ids in any order inside."""
    n_a = draw(st.integers(0, 40))
    n_b = draw(st.integers(0, 40))
    labels = draw(st.integers(1, 30))
    # Label 0 leaves a sentence out of every group (META sentences are never grouped).
    a_label = draw(st.lists(st.integers(0, labels), min_size=n_a, max_size=n_a))
    b_label = draw(st.lists(st.integers(0, labels), min_size=n_b, max_size=n_b))
    a_order = draw(st.permutations(range(n_a)))
    b_order = draw(st.permutations(range(n_b)))
    members: dict[int, Group] = {}
    for aid in a_order:
        if a_label[aid]:
            members.setdefault(a_label[aid], Group()).a.append(aid)
    for bid in b_order:
        if b_label[bid]:
            members.setdefault(b_label[bid], Group()).b.append(bid)
    # A group with both sides may also be split into single-side groups.
    groups: list[Group] = []
    for group in members.values():
        if group.a and group.b and draw(st.booleans()):
            groups += [Group(group.a, []), Group([], group.b)]
        else:
            groups.append(group)
    return draw(st.permutations(groups))


@settings(max_examples=500, deadline=None)
@given(group_lists())
def test_display_order_equals_the_reference(groups: list[Group]) -> None:
    got = _display_order(groups)
    assert [id(g) for g in got] == [id(g) for g in reference_display_order(groups)]


def test_display_order_of_a_long_a_that_b_barely_uses() -> None:
    """The hostile case of issue 10: thousands of dropped A sentences before the kept ones."""
    groups = [Group([i], []) for i in range(3000)]
    groups += [Group([3000 + i], [i], 1.0) for i in range(3)] + [Group([], [3])]
    got = _display_order(groups)
    assert [id(g) for g in got] == [id(g) for g in reference_display_order(groups)]
    assert got[:3000] == groups[:3000]


def _texts() -> list[Path]:
    sample = sorted(SAMPLE.glob("*.txt")) if SAMPLE.is_dir() else []
    return sorted(DEMO.glob("*.txt")) + sorted(DATA.glob("*.txt")) + sample


@pytest.mark.parametrize("path_a", _texts(), ids=lambda p: p.name)
def test_display_order_on_the_corpora(path_a: Path) -> None:
    """Every ordered pair of the demo corpus, the test data and the sample corpus."""
    doc_a = load_document(path_a)
    for path_b in _texts():
        doc_b = load_document(path_b)
        groups = _align_documents(doc_a, doc_b)
        got = _display_order(groups)
        assert [id(g) for g in got] == [id(g) for g in reference_display_order(groups)], (
            path_a.name,
            path_b.name,
        )
