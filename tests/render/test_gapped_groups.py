"""A group whose sentences lie apart (a sentence split in two, its parts far apart in the
rewrite) shows its own sentences and ``GAP`` between them, never the sentences of the
other groups lying there: in the text, the Markdown and the reader's unified cell."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from comparison_builder import make_comparison
from diffreader.engine.model import Comparison, Op, Pair, Side, Status
from diffreader.engine.worddiff import word_diff
from diffreader.render import render
from diffreader.render.model import GAP, group_text, in_runs, sentence_runs, word_runs
from diffreader.tui.rows import DiffModel

_A = ["Head.", "The council voted on Tuesday and the bridge will cost 3 million euros."]
_B = [
    "Head.",
    "The council voted on Tuesday.",
    "Ferries run twice an hour from the north quay.",
    "The bridge will cost 4 million euros.",
]


def _split_apart(a_lines: list[str], b_lines: list[str], b_ids: tuple[int, ...]) -> Comparison:
    """Sentence 1 of A grouped with sentences ``b_ids`` of B (word-diffed as the engine
    does), each other B sentence added, A's heading kept."""
    rest = [i for i in range(1, len(b_lines)) if i not in b_ids]
    specs = [((0,), (0,), Status.SAME), ((1,), b_ids, Status.REWORDED)]
    specs += [((), (i,), Status.ADDED) for i in rest]
    base = make_comparison(a_lines, b_lines, specs)
    a, b = base.a, base.b
    ops = word_diff(
        [(a.sentences[1].start, a.sentences[1].text)],
        [(b.sentences[i].start, b.sentences[i].text) for i in b_ids],
    )
    pairs = list(base.pairs)
    pairs[1] = Pair((1,), b_ids, Status.REWORDED, 0.6, tuple(ops), True)
    return replace(base, pairs=tuple(pairs))


def test_the_text_between_a_groups_sentences_is_left_out() -> None:
    comparison = _split_apart(_A, _B, (1, 3))
    runs = list(word_runs(comparison, comparison.pairs[1]))
    shown = "".join(text for op, text in runs if op is not Op.DELETE)
    assert shown == f"{_B[1]}{GAP}{_B[3]}"
    assert "Ferries" not in "".join(text for _, text in runs)
    assert group_text(comparison.b, (1, 3)) == shown
    text = render(comparison, "text", width=200)
    # The ferries are listed once: as the sentence B added, not inside the split group.
    assert text.count("Ferries run twice") == 1
    reworded = text[text.index("REWORDED") : text.index("ADDED")]
    assert "Ferries" not in reworded and "…" in reworded
    markdown = render(comparison, "markdown")
    assert markdown.count("Ferries run twice") == 1
    row = DiffModel(comparison).rows[1]
    assert "Ferries" not in row.unified.text
    assert GAP in row.unified.text
    # The reader's cell maps only the group's own sentences back to the text.
    b = comparison.b
    ferries = b.sentences[2]
    pieces = [p for p in row.unified.pieces if p.side is Side.B]
    assert pieces
    assert all(p.doc_end <= ferries.start or p.doc_start >= ferries.end for p in pieces)


def test_a_group_of_neighbouring_sentences_reads_as_the_text() -> None:
    b_lines = [*_B[:2], _B[3], _B[2]]
    comparison = _split_apart(_A, b_lines, (1, 2))
    runs = word_runs(comparison, comparison.pairs[1])
    shown = "".join(text for op, text in runs if op is not Op.DELETE)
    b = comparison.b
    assert shown == b.text[b.sentences[1].start : b.sentences[2].end]
    assert GAP not in shown


_WORDS = st.sampled_from(["the", "council", "voted", "4", "million", "ferries", "said", "no"])
_LINE = st.lists(_WORDS, min_size=1, max_size=6).map(lambda w: " ".join(w).capitalize() + ".")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_LINE, min_size=2, max_size=3),
    st.lists(_LINE, min_size=3, max_size=8),
    st.data(),
)
def test_a_groups_runs_show_its_sentences_and_gaps_alone(
    a_lines: list[str], b_lines: list[str], data: st.DataObject
) -> None:
    ids = data.draw(st.sets(st.integers(1, len(b_lines) - 1), min_size=1), label="b ids")
    b_ids = tuple(sorted(ids))
    comparison = _split_apart(a_lines, b_lines, b_ids)
    b = comparison.b
    runs = sentence_runs(b, b_ids)
    # One run per stretch of neighbouring sentences, each from its first to its last.
    breaks = sum(1 for x, y in pairwise(b_ids) if y != x + 1)
    assert len(runs) == breaks + 1
    assert all(start < end for start, end in runs)
    shown = "".join(
        text for op, text in word_runs(comparison, comparison.pairs[1]) if op is not Op.DELETE
    )
    assert shown == GAP.join(b.text[start:end] for start, end in runs)
    assert shown == group_text(b, b_ids)
    # A stretch inside the runs is cut at each gap, and only there.
    lo, hi = runs[0][0], runs[-1][1]
    stretches = list(in_runs(runs, lo, hi))
    assert stretches.count(None) == breaks
    assert [s for s in stretches if s is not None] == runs
