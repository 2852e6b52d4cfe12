"""Tests for rows.py: the display model maps every engine span onto the right characters."""

from __future__ import annotations

import copy
import itertools
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from comparison_builder import sample
from diffreader.engine import compare, load_document
from diffreader.engine.model import Side, Status
from diffreader.review.items import Section, listed_in
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
    # Claims as the added and dropped sections list them (a detail listed inside a
    # quotation or a reworded group is not among them), then every quotation check.
    listed = [i for i in model.view.items if listed_in(i) in (Section.ADDED, Section.DROPPED)]
    assert len(model.panel) == len(listed) + len(comparison.quotes)
    assert {e.group for e in model.panel} <= {"added", "dropped", "quotes"}
    assert model.claim_rows == sorted({c.pair for c in comparison.claims})


def test_a_model_built_on_the_aligned_one_equals_a_fresh_one() -> None:
    """Long pairs are shown aligned first; the annotated model then reuses the rows no
    claim or quotation touches, and must come out as if built from scratch."""
    from diffreader.engine import align_pair, annotate

    for name in sorted(p.name for p in DEMO.glob("0*.txt"))[1:]:
        aligned = align_pair(load_document(DEMO / "00_original.txt"), load_document(DEMO / name))
        first = DiffModel(aligned)
        before = copy.deepcopy(first.rows)
        annotated = annotate(aligned)
        reused = DiffModel(annotated, base=first)
        assert first.rows == before  # touched rows are painted on copies
        fresh = DiffModel(annotated)
        assert reused.rows == fresh.rows
        assert reused.panel == fresh.panel
        assert reused.change_rows == fresh.change_rows
        assert reused.claim_rows == fresh.claim_rows
        # Untouched rows are shared, touched ones rebuilt: the aligned model is unchanged.
        shared = sum(r is f for r, f in zip(reused.rows, first.rows, strict=True))
        assert 0 < shared < len(first.rows)
        assert all(row.claims == 0 for row in first.rows)


_LINES = st.lists(
    st.sampled_from(
        [
            "The council voted 7 to 2 on Monday.",
            "The council voted 9 to 0 on Friday, its clerk said.",
            'Mayor Ines Dahl said: "We had no choice."',
            'Mayor Ines Dahl said: "We had every choice, and we took it."',
            "Repairs will cost 1.8 million euros.",
            "Repairs will not cost 4 million euros, said Anna Berg, head of the port.",
            "Traffic moves to the ferry run by Nordlink.",
            "It was the third vote this year, and the last before the election in Kestle.",
        ]
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=40, deadline=None)
@given(_LINES, _LINES)
def test_any_model_built_on_the_aligned_one_equals_a_fresh_one(a: list[str], b: list[str]) -> None:
    # Quotations (their notes and marks), moves (their notes), claims of every kind: a row
    # painted on a copy of the aligned row is the row built from scratch, and the aligned
    # model is left as it was.
    from diffreader.engine import align_pair, annotate, document_from_text

    aligned = align_pair(document_from_text("\n\n".join(a)), document_from_text("\n\n".join(b)))
    first = DiffModel(aligned)
    before = copy.deepcopy(first.rows)
    annotated = annotate(aligned)
    assert DiffModel(annotated, base=first).rows == DiffModel(annotated).rows
    assert first.rows == before


# -- the unified view says which side text comes from (issue 11, item 3) ------------------


def test_an_arrow_separates_each_deletion_from_the_insertion_replacing_it() -> None:
    model = _demo_model()
    rows = [r for r in model.rows if r.pair.a and r.pair.b and r.pair.ops]
    arrows = 0
    for row in rows:
        cell = row.unified
        spans = sorted(
            (s, e, c)
            for s, e, c in cell.spans
            if c in ("word-deleted-inline", "word-insert", "word-arrow")
        )
        for n, (start, end, component) in enumerate(spans):
            if component != "word-arrow":
                continue
            arrows += 1
            assert cell.text[start:end] == " → "
            # Right after a deletion, right before an insertion: nothing else between.
            before, after = spans[n - 1], spans[n + 1]
            assert before[2] == "word-deleted-inline" and before[1] == start
            assert after[2] == "word-insert" and after[0] == end
        # A deletion and an insertion with only spaces between them always have one.
        for (s0, e0, c0), (s1, _e1, c1) in itertools.pairwise(spans):
            if {c0, c1} == {"word-deleted-inline", "word-insert"}:
                between = cell.text[e0:s1]
                assert between.strip(), f"{cell.text[s0:e0]!r} runs into its neighbour"
    assert arrows >= 10
    assert "→" not in "".join(row.a.text + row.b.text for row in model.rows)
    second = model.rows[1].unified.text
    assert "carries about → approximately 4,300 vehicles a → per day" in second


def test_arrows_are_display_only_and_offsets_still_map() -> None:
    model = _demo_model()
    for row in model.rows:
        cell = row.unified
        arrows = [(s, e) for s, e, c in cell.spans if c == "word-arrow"]
        for piece in cell.pieces:
            doc = model.comparison.a if piece.side is Side.A else model.comparison.b
            shown, _ = display_text(doc.text[piece.doc_start : piece.doc_end])
            assert cell.text[piece.disp_start : piece.disp_end] == shown
            assert not any(s < piece.disp_end and piece.disp_start < e for s, e in arrows)
    # An inserted word right after an arrow maps onto exactly that word.
    b = model.comparison.b
    row = model.rows[1]
    start = b.text.index("approximately")
    ((d0, d1),) = row.unified.map_span(Side.B, start, start + len("approximately"))
    assert row.unified.text[d0:d1] == "approximately"
    assert row.unified.text[d0 - 3 : d0] == " → "


def test_whole_added_and_dropped_groups_carry_their_side() -> None:
    model = _demo_model("00_original.txt", "02_rewrite_contentfarm.txt")
    seen = set()
    for row in model.rows:
        cell = row.unified
        if row.status is Status.ADDED:
            assert (cell.side_label, cell.side_style, cell.tint) == ("B", "side-label-b", "side-b")
            assert cell.glyph == "+"
            seen.add("added")
        elif row.status is Status.DROPPED:
            assert (cell.side_label, cell.side_style, cell.tint) == ("A", "side-label-a", "side-a")
            assert cell.glyph == "−"
            seen.add("dropped")
        elif row.pair.a and row.pair.b:
            assert not cell.side_label and not cell.tint
        else:  # boilerplate on one side: labelled, not tinted
            assert cell.side_label == ("A" if row.pair.a else "B") and not cell.tint
        # Whole-group tints are for the unified view only.
        assert not row.a.tint and not row.b.tint and not row.a.side_label
    assert seen == {"added", "dropped"}
    # Claims inside a tinted group are painted over the tint (they come later).
    claimed = [r for r in model.rows if r.status is Status.ADDED and r.claims]
    assert claimed and all(
        any(c == "claim-added" for _s, _e, c in r.unified.spans) for r in claimed
    )


def test_a_claim_inside_a_quotation_keeps_its_colours() -> None:
    """Quotations are painted after claims; inside one, a claim is painted again last, so
    its text keeps the claim's colour on its tint (the quotation's fell to 2:1 there) and
    the quotation only its italics."""
    model = DiffModel(sample())
    row = next(r for r in model.rows if "over ten years" in r.b.text)
    for cell in (row.b, row.unified):
        start = cell.text.index("over ten years")
        end = start + len("over ten years")
        over = [c for s, e, c in cell.spans if s <= start and end <= e]
        assert any(c.startswith("quote-") for c in over)
        assert over[-2:] == ["claim-added", "fact-figure"]
