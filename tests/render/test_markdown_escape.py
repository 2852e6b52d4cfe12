"""``markdown_inline`` returns text it would not change as it is: the same as escaping it."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from diffreader.render import escape
from diffreader.render.escape import markdown_inline, terminal

_TEXT = st.lists(
    st.characters(codec=None)
    | st.sampled_from(list(" \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u3000_\\`*[]<>#|~\x1b\x9b\u202e"))
    | st.sampled_from(["a", "b", "é", "1", "file_name", "a_", "_b", "  "]),
    max_size=12,
).map("".join)


def _escaped(text: str) -> str:
    """``markdown_inline`` without its shortcut: every step taken."""
    flat = terminal(re.sub(r"\s+", " ", text)).translate(escape._MD_SPECIAL)
    return escape._INNER_UNDERSCORE.sub("_", flat)


@given(_TEXT)
@example("plain words, one space apart.")
@example("two  spaces")
@example("file_name")
@example("a\u00a0b")
def test_markdown_inline_is_every_step(text: str) -> None:
    assert markdown_inline(text) == _escaped(text)
