"""Tests for textutil.py: literal display text and cell-width wrapping."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from diffreader.tui.textutil import display_text, wrap_ranges


def test_control_characters_become_visible() -> None:
    shown, index_map = display_text("a\x1b[31mb\tc\x00d\x7f\x9b")
    assert shown == "a␛[31mb c␀d␡\ufffd"
    assert index_map is None


def test_markup_is_untouched() -> None:
    assert display_text("[bold]x[/]")[0] == "[bold]x[/]"


def test_width_ambiguous_joiners_are_dropped_with_an_index_map() -> None:
    text = "dove 🕊️ family 👨\u200d👩 end"
    shown, index_map = display_text(text)
    assert "\ufe0f" not in shown and "\u200d" not in shown
    assert index_map is not None and len(index_map) == len(text) + 1
    end = text.index("end")
    assert shown[index_map[end] : index_map[end + 3]] == "end"


@given(st.text(), st.integers(min_value=1, max_value=40))
def test_wrap_covers_the_text_in_order(text: str, width: int) -> None:
    shown, _ = display_text(text)
    ranges = wrap_ranges(shown, width)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(shown)
    for (_, end), (start, _) in itertools.pairwise(ranges):
        assert end == start


@given(
    st.lists(st.sampled_from(["word", "a", "longerword", "🇷🇺", "🤝", "中文", "é"]), max_size=30),
    st.integers(min_value=2, max_value=30),
)
def test_wrapped_lines_fit(words: list[str], width: int) -> None:
    text = " ".join(words)
    for start, end in wrap_ranges(text, width):
        assert cell_len(text[start:end].rstrip()) <= width
