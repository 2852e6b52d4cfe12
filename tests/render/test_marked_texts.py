"""The text writer's word runs without colour, made at once (``_marked_texts``), are what
the runs made one by one give, each marker then moved off the spaces at its edges; the
article's own text that reads like a marker is escaped (``unmarked``: ``[\\-``), so that
every marker is the writer's (``test_text_markers.py`` reads the output back)."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from diffreader.engine import compare
from diffreader.engine.model import Op
from diffreader.render import render
from diffreader.render.escape import reveal
from diffreader.render.to_text import _marked_texts, unmarked

_PIECES = st.sampled_from(
    ["", " ", "  ", "\t", "\n", "\xa0", "a", "bc", "[-", "{+", "-]", "+}", "é"]
)
_TEXT = st.lists(_PIECES | st.characters(codec=None), max_size=6).map("".join)
_RUNS = st.lists(st.tuples(st.sampled_from(Op), _TEXT), max_size=8)


def _marker(opening: str, text: str, closing: str) -> list[str]:
    """One marker, its edge spaces moved outside it (none left for spaces alone)."""
    marker = opening + text + closing
    if len(marker) <= 4:
        return [marker]
    stripped = text.strip()
    if not stripped:
        return []
    lead = text[: len(text) - len(text.lstrip())]
    tail = text[len(text.rstrip()) :]
    return [f"{lead}{opening}{stripped}{closing}{tail}"]


def _one_by_one(runs: list[tuple[Op, str]]) -> list[str]:
    """A run each: a marker for a deletion or an insertion (its invisible characters shown),
    the article's text; what reads like a marker escaped, unchanged runs in a row as one."""
    made: list[str] = []
    equal: list[str] = []
    for op, text in runs:
        if op is Op.EQUAL:
            equal.append(text)
            continue
        if equal:
            made.append(unmarked("".join(equal)))
            equal = []
        opening, closing = ("[-", "-]") if op is Op.DELETE else ("{+", "+}")
        made += _marker(opening, unmarked(reveal(text)), closing)
    if equal:
        made.append(unmarked("".join(equal)))
    return made


@given(_RUNS)
@example([(Op.EQUAL, "[- a -]"), (Op.DELETE, " x "), (Op.INSERT, "  "), (Op.DELETE, "")])
@example([(Op.EQUAL, "{+  +}"), (Op.INSERT, "y"), (Op.EQUAL, "[- bc"), (Op.EQUAL, "[-abc")])
def test_marked_texts_are_the_merged_runs(runs: list[tuple[Op, str]]) -> None:
    assert _marked_texts(runs) == _one_by_one(runs)


def test_article_text_that_reads_like_a_marker_is_escaped() -> None:
    """``[-   -]`` in both articles, right after a changed word: once read as a marker of
    the writer's, it lost its spaces ("[--]"); shown as it was, it read as a deletion. It
    is escaped without colour and kept as it is with colour. (The lines are wrapped, each
    run of spaces one space.)"""
    a = "The mayor said that alpha[-   -] was final and binding on everyone.\n"
    b = "The mayor said that beta[-   -] was final and binding on everyone.\n"
    comparison = compare(a, b)
    plain = render(comparison, "text")
    assert "[-alpha-]{+beta+}[\\- -\\] was final" in plain
    coloured = render(comparison, "text", color=True)
    assert "[- -]" in coloured
    assert "[--]" not in plain + coloured
