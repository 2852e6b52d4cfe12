"""Markdown's ~~deleted~~ and **inserted** markers render as emphasis in CommonMark, always.

CommonMark honours ``**`` before punctuation only after whitespace or punctuation:
``year**\\***.`` rendered as ``year*****.``, and moving punctuation out of the markers
(``~~good~~(**very) good**!``) showed inserted punctuation as unchanged. The writer keeps
punctuation inside and puts an empty HTML comment where a marker would not flank; these
tests parse its output with markdown-it (CommonMark, plus GFM's strikethrough).
"""

from __future__ import annotations

import html as _html
import itertools

from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from diffreader.engine import compare, document_from_text
from diffreader.engine.model import Op
from diffreader.render import render
from diffreader.render.escape import reveal
from diffreader.render.to_markdown import md_word_runs

_MD = MarkdownIt("commonmark").enable("strikethrough")
_KIND = {"strong": Op.INSERT, "s": Op.DELETE}


def _segments(line: str) -> list[tuple[Op, str]]:
    """What a Markdown line renders as: runs of plain, struck and strong text."""
    (block,) = [t for t in _MD.parse(line) if t.type == "inline"]
    out: list[tuple[Op, str]] = []
    op = Op.EQUAL
    for token in block.children or []:
        if token.tag == "em":  # the group's label
            continue
        if token.type.endswith("_open"):
            op = _KIND[token.tag]
            out.append((op, ""))  # each marked run apart
        elif token.type.endswith("_close"):
            op = Op.EQUAL
        elif token.type in ("text", "softbreak"):
            text = token.content if token.type == "text" else " "
            if out and out[-1][0] is op:
                out[-1] = (op, out[-1][1] + text)
            else:
                out.append((op, text))
        else:
            assert token.type == "html_inline" and token.content == "<!-- -->", token
    return out


def _expected(runs: list[tuple[Op, str]]) -> list[tuple[Op, str]]:
    return [(op, " ".join(reveal(text).split())) for op, text in runs if op is not Op.EQUAL]


def _check(runs: list[tuple[Op, str]]) -> None:
    line = "*reworded* (A0 → B0): " + md_word_runs(runs)  # a list item's text
    shown = _segments(line)
    changes = [(op, " ".join(text.split())) for op, text in shown if op is not Op.EQUAL]
    assert changes == [(op, text) for op, text in _expected(runs) if text], line
    plain = "".join(text for op, text in shown if op is Op.EQUAL).split()
    source = "".join(text for op, text in runs if op is Op.EQUAL or not text.strip()).split()
    assert "".join(plain) == "reworded(A0→B0):" + "".join(source), line


def test_the_audit_cases_render_as_changes() -> None:
    _check([(Op.EQUAL, "for the whole year"), (Op.INSERT, "*"), (Op.EQUAL, ".")])
    _check([(Op.EQUAL, "said Smith"), (Op.INSERT, "\\"), (Op.EQUAL, ".")])
    _check(
        [
            (Op.EQUAL, "the plan was "),
            (Op.DELETE, "good"),
            (Op.INSERT, "(very) good!"),
            (Op.EQUAL, ", and"),
        ]
    )
    _check([(Op.EQUAL, "on Monday"), (Op.DELETE, "."), (Op.INSERT, "..."), (Op.EQUAL, "x")])


def test_the_command_renders_inserted_punctuation() -> None:
    a = "The mayor said the plan was good, and they agreed.\nThe budget is 40 million a year.\n"
    b = a.replace("good,", "(very) good!,").replace("year.", "year*.")
    out = render(compare(document_from_text(a), document_from_text(b)), "markdown")
    html = _MD.render(out)
    assert "<strong>(very) good!</strong>" in html
    assert "year<!-- --><strong>*</strong>." in html
    assert "*****" not in html


_WORDS = st.sampled_from(
    [*"a4é()!.,*_~\\[]#`<>|-'\"“”€$\u200b", "word", "40", "x_y", "**", "~~", "--"]
)
_TEXT = st.lists(_WORDS | st.just(" "), min_size=0, max_size=5).map("".join)
_RUNS = st.lists(
    st.tuples(st.sampled_from([Op.EQUAL, Op.DELETE, Op.INSERT]), _TEXT).filter(
        lambda run: run[0] is not Op.EQUAL or run[1] != ""  # an equal run has text
    ),
    max_size=8,
).filter(
    # As ``word_runs`` gives them: two deletions (insertions) in a row are one.
    lambda runs: all(x[0] is Op.EQUAL or x[0] is not y[0] for x, y in itertools.pairwise(runs))
)


@given(_RUNS)
@example([(Op.EQUAL, "a"), (Op.INSERT, "(b)"), (Op.EQUAL, "c")])
@example([(Op.INSERT, "x"), (Op.DELETE, "(y)"), (Op.EQUAL, "z")])
@example([(Op.DELETE, "a"), (Op.INSERT, "b"), (Op.DELETE, "c")])
def test_every_change_renders_as_its_marker(runs: list[tuple[Op, str]]) -> None:
    _check(runs)


def test_an_entity_in_article_text_shows_as_written() -> None:
    # "&amp;" in an article rendered as "&" (CommonMark reads entities in text).
    from diffreader.render.escape import markdown

    for text in ("Smith &amp; Sons", "R&D &copy; &#169; & more", "a&b;c"):
        html = MarkdownIt("commonmark").render(markdown(text))
        assert html == f"<p>{_html.escape(text, quote=False)}</p>\n", text
