"""The side panel's prompts are the ``Text`` that appending their pieces makes, whatever
the pieces hold (control codes included): the panel builds them in one step."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.style import Style
from rich.text import Text

from diffreader.tui.widgets.side_panel import _Prompt

_STYLES = st.sampled_from(
    [None, Style(), Style(dim=True), Style(bold=True, color="green"), Style(strike=True)]
)
_PIECES = st.lists(
    st.tuples(st.text(alphabet=st.sampled_from("ab ↳·\n\x07\x08\x0b\x0c\r\x1b[]/é")), _STYLES),
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(_PIECES)
def test_a_prompt_is_what_appending_its_pieces_makes(
    pieces: list[tuple[str, Style | None]],
) -> None:
    expected = Text(end="")
    prompt = _Prompt()
    for text, style in pieces:
        expected.append(text, style=style)
        prompt.append(text, style)
    made = prompt.text()
    assert made.plain == expected.plain
    assert made.spans == expected.spans
    assert made.end == expected.end == ""
