"""The plain text output's markers are always diffreader's: ``[-…-]`` and ``{+…+}``.

An article that itself holds ``[-4-]{+9+}`` printed it as is, so a SAME row read as a
change of 4 to 9. Without colour, article text that reads like a marker gets a backslash
between the marker's two characters (``[\\-4-\\]``), one more where backslashes stand there
already; read left to right, the output then gives back every run exactly.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from diffreader.cli import main
from diffreader.engine.model import Op
from diffreader.render.escape import reveal
from diffreader.render.to_text import _marked_texts, unmarked

_OPEN = {"[-": Op.DELETE, "{+": Op.INSERT}
_CLOSE = {Op.DELETE: "-]", Op.INSERT: "+}"}
_ESCAPED = re.compile(
    r"(?<=\[)\\(\\*)(?=-)|(?<=-)\\(\\*)(?=\])|(?<=\{)\\(\\*)(?=\+)|(?<=\+)\\(\\*)(?=\})"
)


def _unescape(text: str) -> str:
    """One backslash fewer between the two characters of what reads like a marker."""
    return _ESCAPED.sub(lambda m: next(g for g in m.groups() if g is not None), text)


def decode(out: str) -> list[tuple[Op, str]]:
    """The runs of a plain group line, read left to right as the README says."""
    runs: list[tuple[Op, str]] = []
    op, start, at = Op.EQUAL, 0, 0
    while at < len(out):
        pair = out[at : at + 2]
        if (op is Op.EQUAL and pair in _OPEN) or (op is not Op.EQUAL and pair == _CLOSE[op]):
            runs.append((op, _unescape(out[start:at])))
            op = _OPEN.get(pair, Op.EQUAL) if op is Op.EQUAL else Op.EQUAL
            at = start = at + 2
            continue
        at += 1
    assert op is Op.EQUAL, out
    runs.append((op, _unescape(out[start:])))
    return runs


def _changes(runs: list[tuple[Op, str]]) -> list[tuple[Op, str]]:
    return [(op, text) for op, text in runs if op is not Op.EQUAL]


def _squeezed(runs: list[tuple[Op, str]], *, marked_spaces: bool) -> str:
    return "".join(
        "".join(text.split())
        for op, text in runs
        if op is Op.EQUAL or (marked_spaces and text and not text.strip())
    )


_PIECES = st.sampled_from([*"[]{}-+\\ ax4\u200b", "[-", "-]", "{+", "+}", "[\\-", "-\\\\]"])
_TEXT = st.lists(_PIECES, max_size=6).map("".join)
_RUNS = st.lists(
    st.tuples(st.sampled_from([Op.EQUAL, Op.DELETE, Op.INSERT]), _TEXT), max_size=8
).filter(
    lambda runs: all(x[0] is Op.EQUAL or x[0] is not y[0] for x, y in itertools.pairwise(runs))
)


@given(_RUNS)
@example([(Op.EQUAL, "budget of [-4-]{+9+} million")])
@example([(Op.EQUAL, "a ["), (Op.EQUAL, "-b")])  # a marker split between two runs
@example([(Op.DELETE, "-"), (Op.INSERT, "+"), (Op.EQUAL, "}")])
@example([(Op.INSERT, "}"), (Op.DELETE, "]x[")])
def test_plain_markers_round_trip(runs: list[tuple[Op, str]]) -> None:
    out = "".join(_marked_texts(runs))
    decoded = decode(out)
    expected = [(op, reveal(text).strip()) for op, text in runs if op is not Op.EQUAL]
    expected = [
        (op, text)
        for (op, text), (_, raw) in zip(expected, _changes(runs), strict=True)
        if text or not raw
    ]  # a change of spaces alone is left out
    assert _changes(decoded) == expected, out
    assert _squeezed(decoded, marked_spaces=False) == _squeezed(runs, marked_spaces=True), out


def test_unmarked_escapes_only_what_reads_like_a_marker() -> None:
    assert unmarked("a-b [c] {d} 1+1 x- ]") == "a-b [c] {d} 1+1 x- ]"
    assert unmarked("[-4-]{+9+}") == "[\\-4-\\]{\\+9+\\}"
    assert unmarked("[\\-") == "[\\\\-"  # a backslash already there: one more
    assert unmarked("[-]") == "[\\-\\]"


def test_a_same_row_holding_markers_reads_as_the_article(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    text = "The council approved a budget of [-4-]{+9+} million for repairs.\nIt was close.\n"
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(text, encoding="utf-8")
    b.write_text(text, encoding="utf-8")
    assert main([str(a), str(b), "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "budget of [\\-4-\\]{\\+9+\\} million" in out
    assert "[-" not in out and "{+" not in out
    assert main([str(a), str(b), "--color", "always"]) == 0
    assert "budget of [-4-]{+9+} million" in capsys.readouterr().out  # colours mark changes


def test_a_change_next_to_literal_markers(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The budget of 4 million was approved on Monday by the council.\n", "utf-8")
    b.write_text(
        "The budget of [-4-]{+9+} million was approved on Monday by the council.\n", "utf-8"
    )
    assert main([str(a), str(b), "--color", "never"]) == 1
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("  ~ "))
    assert _changes(decode(line)) == [(Op.DELETE, "4"), (Op.INSERT, "[-4-]{+9+}")]
