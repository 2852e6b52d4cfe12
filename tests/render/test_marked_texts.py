"""The text writer's word runs without colour, made at once (``_marked_texts``), are what
the runs made one by one and merged (``_merge_spaces``) give."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from diffreader.engine.model import Op
from diffreader.render.to_text import _marked_texts, _merge_spaces

_PIECES = st.sampled_from(
    ["", " ", "  ", "\t", "\n", "\xa0", "a", "bc", "[-", "{+", "-]", "+}", "é"]
)
_TEXT = st.lists(_PIECES | st.characters(codec=None), max_size=6).map("".join)
_RUNS = st.lists(st.tuples(st.sampled_from(Op), _TEXT), max_size=8)


def _one_by_one(runs: list[tuple[Op, str]]) -> list[str]:
    """What the writer did: a run each, markers as texts, then ``_merge_spaces``."""
    made = []
    for op, text in runs:
        if op is Op.DELETE:
            made.append((f"[-{text}-]", ""))
        elif op is Op.INSERT:
            made.append((f"{{+{text}+}}", ""))
        else:
            made.append((text, ""))
    return [text for text, _ in _merge_spaces(made)]


@given(_RUNS)
@example([(Op.EQUAL, "[- a -]"), (Op.DELETE, " x "), (Op.INSERT, "  "), (Op.DELETE, "")])
@example([(Op.EQUAL, "{+  +}"), (Op.INSERT, "y"), (Op.EQUAL, "[- bc"), (Op.EQUAL, "[-abc")])
def test_marked_texts_are_the_merged_runs(runs: list[tuple[Op, str]]) -> None:
    assert _marked_texts(runs) == _one_by_one(runs)
