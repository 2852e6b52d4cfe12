"""Tests for rows.py: the display model maps every engine span onto the right characters."""

from __future__ import annotations

import re
from pathlib import Path

from comparison_builder import sample
from diffreader.engine import compare, load_document
from diffreader.engine.model import Side, Status
from diffreader.tui.rows import DiffModel
from diffreader.tui.textutil import display_text

DEMO = Path(__file__).resolve().parents[2] / "src" / "diffreader" / "demo"


def _demo_model(a: str = "00_original.txt", b: str = "03_rewrite_update.txt") -> DiffModel:
    return DiffModel(compare(load_document(DEMO / a), load_document(DEMO / b)))


def test_one_row_per_pair_in_order() -> None:
    model = _demo_model()
    assert [row.pair for row in model.rows] == list(model.comparison.pairs)


def test_claim_spans_cover_the_claim_text() -> None:
    model = _demo_model()
    assert model.comparison.claims, "the demo rewrite adds and drops details"
    for claim in model.comparison.claims:
        row = model.rows[claim.pair]
        cell = row.b if claim.side is Side.B else row.a
        component = "claim-added" if claim.side is Side.B else "claim-dropped"
        shown = "".join(cell.text[s:e] for s, e, c in cell.spans if c == component)
        assert " ".join(display_text(claim.text)[0].split()) in " ".join(shown.split()) or (
            display_text(claim.text)[0].split()[0] in shown
        )


def test_added_and_dropped_rows_leave_the_other_side_empty() -> None:
    model = _demo_model()
    for row in model.rows:
        if row.status is Status.ADDED:
            assert not row.a.pieces and row.b.pieces
        if row.status is Status.DROPPED:
            assert row.a.pieces and not row.b.pieces


def test_unified_cell_keeps_b_text_and_shows_deleted_words() -> None:
    model = _demo_model()
    for row in model.rows:
        if row.status is Status.REWORDED and row.pair.ops:
            unified_words = re.findall(r"\w+", row.unified.text)
            assert all(word in unified_words for word in re.findall(r"\w+", row.b.text))
            assert any(c == "word-deleted-inline" for _s, _e, c in row.unified.spans) or not any(
                op.op.value == "delete" for op in row.pair.ops
            )


def test_moved_rows_say_where_they_came_from() -> None:
    model = _demo_model()
    moved = [row for row in model.rows if row.status is Status.MOVED]
    assert moved
    assert all(any("moved from ¶" in note for note, _ in row.b.notes) for row in moved)


def test_panel_lists_every_claim_and_quote() -> None:
    comparison = sample()
    model = DiffModel(comparison)
    assert len(model.panel) == len(comparison.claims) + len(comparison.quotes)
    assert {e.group for e in model.panel} <= {"added", "dropped", "quotes"}
    assert model.claim_rows == sorted({c.pair for c in comparison.claims})


def test_a_model_built_on_the_aligned_one_equals_a_fresh_one() -> None:
    """Long pairs are shown aligned first; the annotated model then reuses the rows no
    claim or quotation touches, and must come out as if built from scratch."""
    from diffreader.engine import align_pair, annotate

    for name in sorted(p.name for p in DEMO.glob("0*.txt"))[1:]:
        aligned = align_pair(load_document(DEMO / "00_original.txt"), load_document(DEMO / name))
        first = DiffModel(aligned)
        annotated = annotate(aligned)
        reused = DiffModel(annotated, base=first)
        fresh = DiffModel(annotated)
        assert reused.rows == fresh.rows
        assert reused.panel == fresh.panel
        assert reused.change_rows == fresh.change_rows
        assert reused.claim_rows == fresh.claim_rows
        # Untouched rows are shared, touched ones rebuilt: the aligned model is unchanged.
        shared = sum(r is f for r, f in zip(reused.rows, first.rows, strict=True))
        assert 0 < shared < len(first.rows)
        assert all(row.claims == 0 for row in first.rows)
