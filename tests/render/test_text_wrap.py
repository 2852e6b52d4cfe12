"""The text writer's plain wrapping (``_TextWriter._wrap_plain`` and its one-line fast
path, ``_wrap_simple`` and its line-at-a-time fill) writes what the general wrapping,
word by word, writes without colour (wide characters and combining marks included)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from comparison_builder import make_comparison
from diffreader.engine.model import Side, Status
from diffreader.render.model import View
from diffreader.render.to_text import _text_claim, _TextWriter
from diffreader.review.items import ItemKind, ReviewItem
from diffreader.review.locate import PairLocator

Run = tuple[str, str]


_SGR = re.compile("\x1b\\[[0-9;]*m")
"""The colour codes ``_TextWriter.style`` writes (article text reaches it made visible:
``terminal`` leaves no escape character of its own)."""


def _reference(runs: list[Run], indent: str, first: Run | None, width: int) -> list[str]:
    """The general wrapping, token by token, as the coloured writer does it, its colour
    codes taken out: what the plain paths must write."""
    writer = _TextWriter(color=True, width=width)
    writer.wrap(runs, indent=indent, first=first)
    return [_SGR.sub("", line) for line in writer.lines]


_WORDS = st.text(alphabet=st.sampled_from("ab “”é\t\n\u00a0\u2028\x1b[-+中\u0301"), max_size=30)
_RUNS = st.lists(st.tuples(_WORDS, st.sampled_from(["", "dim", "red strike"])), max_size=6)
_LEADS = st.none() | st.tuples(
    st.sampled_from(["", " ", "  ", "  + ", "  ▲ ADDED name: "]), st.just("")
)


def _assert_wrapped_as_reference(
    runs: list[Run], indent: str, first: Run | None, width: int
) -> None:
    writer = _TextWriter(color=False, width=width)
    writer.wrap(runs, indent=indent, first=first)
    assert writer.lines == _reference(runs, indent, first, width)


@given(_RUNS, st.sampled_from(["", " ", "  ", "    ", "      "]), _LEADS, st.integers(0, 70))
@settings(max_examples=400)
def test_plain_wrap_is_the_token_wrap(
    runs: list[Run], indent: str, first: Run | None, width: int
) -> None:
    _assert_wrapped_as_reference(runs, indent, first, width)


_SIMPLE_WORDS = st.lists(
    st.text(alphabet=st.sampled_from("abcé“”-"), min_size=0, max_size=14), max_size=12
).map(" ".join)
"""Text whose only whitespace is single spaces (with words of up to 14 letters, some
empty: a space at an end, two spaces): the texts the line-at-a-time path takes."""


@given(
    st.lists(st.tuples(_SIMPLE_WORDS, st.just("")), max_size=4),
    st.sampled_from(["", " ", "  ", "    ", "      "]),
    _LEADS | st.just(("  ▲ ADDED a rather long category name: ", "")),
    st.integers(0, 60),
)
@settings(max_examples=600)
def test_line_at_a_time_wrap_is_the_token_wrap(
    runs: list[Run], indent: str, first: Run | None, width: int
) -> None:
    _assert_wrapped_as_reference(runs, indent, first, width)


def test_long_text_is_filled_line_by_line() -> None:
    words = " ".join(["word"] * 30 + ["a" * 50] + ["end"])
    writer = _TextWriter(color=False, width=40)
    writer.wrap([(words, "")], first=("  + ", ""), indent="    ")
    assert writer.lines == _reference([(words, "")], "    ", ("  + ", ""), 40)
    assert writer.lines[0] == "  + " + " ".join(["word"] * 7)
    # A word wider than the line starts the next and is cut at the width.
    assert writer.lines[-2:] == ["    " + "a" * 36, "    " + "a" * 14 + " end"]


def test_a_run_that_fits_is_one_line() -> None:
    writer = _TextWriter(color=False, width=100)
    writer.wrap([("  a \t b ", ""), (" c  ", "dim")], first=("  + ", ""), indent="    ")
    assert writer.lines == ["  + a b  c"]  # no space after a lead as wide as the indent


_COMPARISON = make_comparison(["Head.", "One line here."], ["Head."], [((0,), (0,), Status.SAME)])
_VIEW = View(_COMPARISON, (), (), {}, PairLocator(_COMPARISON))


@settings(max_examples=300, deadline=None)
@given(
    _WORDS,
    st.just("") | _WORDS,
    st.sampled_from([ItemKind.ADDED, ItemKind.DROPPED]),
    st.sampled_from(["number", "person", "assertion"]),
    st.none() | st.just("holder"),
    st.sampled_from(list(Side)),
    st.integers(0, 120),
)
def test_a_claim_line_is_the_token_wrap_of_its_texts(
    text: str, was: str, kind: ItemKind, category: str, parent: str | None, side: Side, width: int
) -> None:
    """A claim's line (written at once when it fits and needs no escaping) is what the
    coloured writer writes, its colour codes taken out."""
    item = ReviewItem(
        "k",
        kind,
        "label",
        side,
        text,
        0,
        len(text),
        0,
        "One line here.",
        7,
        "",
        category,
        "",
        parent,
        was,
    )
    plain, coloured = _TextWriter(color=False, width=width), _TextWriter(color=True, width=width)
    _text_claim(plain, _VIEW, item)
    _text_claim(coloured, _VIEW, item)
    assert plain.lines == [_SGR.sub("", line) for line in coloured.lines]
