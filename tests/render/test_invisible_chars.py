"""Characters that draw nothing never fake or hide a change, in any writer.

``4\\u200b0`` against ``40`` is a change (the engine reads two numbers); shown raw, it
would read ``[-40-]{+40+}``. Inside changed text (deletions, insertions, added and dropped
groups, claims, quotation checks) and in file names they are shown as ``<U+200B>``;
unchanged text keeps them as they are (the reader leaves them out).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from diffreader.cli import main
from diffreader.engine import compare, document_from_text
from diffreader.render import render
from diffreader.render.escape import INVISIBLE, UNSAFE, invisible_runs, name, reveal

_INVISIBLE = re.compile(INVISIBLE)
_VISIBLE_CF = {0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06DD, 0x070F, 0x0890, 0x0891}
_VISIBLE_CF |= {0x08E2, 0x110BD, 0x110CD}
"""Format characters that draw a glyph (prepended concatenation marks): never hidden."""

SENTENCE = "The minister said on Tuesday that {} people were hurt in the crash near the town.\n"
SAME = "Officials expect the road to reopen next{}week.\n"


def test_every_format_character_is_invisible_or_unsafe() -> None:
    missing = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) == "Cf"
        and code not in _VISIBLE_CF
        and not _INVISIBLE.match(chr(code))
        and not re.match(UNSAFE, chr(code))
    ]
    assert not missing


_UNREVEAL = re.compile(r"<U\+([0-9A-F]{4,6})(?:×(\d+))?>")


def _unreveal(shown: str) -> str:
    return _UNREVEAL.sub(lambda m: chr(int(m[1], 16)) * int(m[2] or 1), shown)


_TAGS = st.sampled_from(["\U000e0041", "\U000e007f"])
_PIECES = st.sampled_from(
    list("a40 -é\u200b\u200c\u200d\u200e\u200f\u2060\u2064\ufeff\u00ad\u034f\ufe0f\u3164")
)


@given(
    st.lists(_PIECES | _TAGS | st.characters(exclude_categories=("So", "Sk", "Cs")), max_size=20)
)
@example(["4", "\u200b", "0"])
@example(["S", *["\u200d"] * 300, "m"])
def test_reveal_shows_every_invisible_and_round_trips(pieces: list[str]) -> None:
    text = "".join(pieces).replace("<", "(")  # no "<U+...>" of its own
    shown = reveal(text)
    assert not _INVISIBLE.search(shown)
    assert _unreveal(shown) == text
    assert len(shown) <= len(text) + 16 * len(invisible_runs(text))  # a run is one token


def test_emoji_keep_their_joiners_unless_the_joiner_is_the_change() -> None:
    heart, worker = "\u2764\ufe0f", "\U0001f469\u200d\u2695\ufe0f"
    assert reveal(f"love {heart} and {worker}") == f"love {heart} and {worker}"
    assert reveal("\ufe0f") == "<U+FE0F>"  # a selector alone: the whole of a change
    assert reveal("a\u200d\U0001f469") == "a<U+200D>\U0001f469"  # no emoji before it


def test_a_file_name_shows_its_invisibles() -> None:
    assert name("report\u200b.txt\x1b") == "report<U+200B>.txt␛"


@pytest.fixture(scope="module")
def comparison():  # type: ignore[no-untyped-def]
    a = SENTENCE.format("40") + SAME.format(" \u00ad")
    b = SENTENCE.format("4\u200b0") + SAME.format(" \u00ad")
    return compare(document_from_text(a, path="a.txt"), document_from_text(b, path="b\u200b.txt"))


def test_text_shows_the_invisible_inside_the_change_only(comparison) -> None:  # type: ignore[no-untyped-def]
    out = render(comparison, "text")
    assert "[-40-]{+4<U+200B>0+}" in out
    assert "next \u00adweek" in out  # unchanged: as the article has it
    assert "b<U+200B>.txt" in out
    assert "\u200b" not in out


def test_text_in_colour_shows_it_too(comparison) -> None:  # type: ignore[no-untyped-def]
    out = render(comparison, "text", color=True)
    assert "4<U+200B>0" in re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "\u200b" not in out


def test_markdown_shows_the_invisible_inside_the_change(comparison) -> None:  # type: ignore[no-untyped-def]
    out = render(comparison, "markdown")
    assert "~~40~~ **4\\<U+200B\\>0**" in out
    assert "b\\<U+200B\\>.txt" in out
    assert "\u200b" not in out


def test_the_html_report_shows_the_invisible_inside_the_change(comparison) -> None:  # type: ignore[no-untyped-def]
    from diffreader.render import render_report

    # In the items' sentences and the table's inserted run alike (a claim "4" was "40",
    # its sentence read "40 people"); the unchanged sentence keeps its soft hyphen.
    out = render_report(comparison, fmt="html")
    assert "&lt;U+200B&gt;0 people" in out and '<span class="ins">&lt;U+200B&gt;</span>' in out
    assert "\u200b" not in out and "next \u00adweek" in out


def test_a_long_run_of_joiners_is_one_token(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The council of Saltmere voted to close the bridge.\n", encoding="utf-8")
    b.write_text(
        f"The council of Salt{chr(0x200D) * 30000}mere voted to close the bridge.\n",
        encoding="utf-8",
    )
    assert main([str(a), str(b), "--color", "never"]) == 1
    out = capsys.readouterr().out
    assert "Salt<U+200D×30000>mere" in out
    assert len(out) < 2000


def test_find_shows_invisibles_in_file_names(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "corpus"
    folder.mkdir()
    text = (
        "Bridge closes\n\nThe town council of Saltmere voted 7 to 2 on Monday to close the "
        "Lanner Street bridge. Mayor Ines Dahl said repairs would cost 1.8 million euros.\n"
    )
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "a\u200b.txt").write_text(text.replace("Monday", "Tuesday"), encoding="utf-8")
    main(["find", str(folder / "a.txt"), str(folder), "--data-dir", str(tmp_path / "d")])
    out = capsys.readouterr().out
    assert "a<U+200B>.txt" in out
    assert "\u200b" not in out


def test_the_multi_version_view_shows_the_invisible_in_names() -> None:
    from diffreader.render.versions import render_versions, render_versions_report
    from diffreader.versions import collate

    a = document_from_text(SENTENCE.format("40"), path="a.txt")
    versions = [document_from_text(SENTENCE.format("41"), path=f"v{n}\u200b.txt") for n in (1, 2)]
    collation = collate(a, versions)
    for out in (
        render_versions(collation, "text"),
        render_versions(collation, "markdown"),
        render_versions_report(collation, {}, "html"),
    ):
        assert "U+200B" in out and "\u200b" not in out


# -- titles and names in the headers ------------------------------------------------------

TITLED = "Bridge{} closes\n\n" + SENTENCE.format("40")
"""An article whose headline (its title) holds what ``{}`` is."""


@pytest.fixture(scope="module")
def titled():  # type: ignore[no-untyped-def]
    """Titles differing by a zero-width space only, and a file name with a line break."""
    a = document_from_text(TITLED.format(""), path="a.txt")
    b = document_from_text(TITLED.format("\u200b"), path="b\nc.txt")
    return compare(a, b)


def test_the_text_header_shows_the_invisible_in_a_title(titled) -> None:  # type: ignore[no-untyped-def]
    for color in (False, True):
        out = render(titled, "text", color=color)
        assert "title: Bridge<U+200B> closes" in re.sub(r"\x1b\[[0-9;]*m", "", out)
        assert "\u200b" not in out and "b␊c.txt" in out


def test_the_markdown_header_shows_the_invisible_in_a_title(titled) -> None:  # type: ignore[no-untyped-def]
    out = render(titled, "markdown")
    assert "| Title | Bridge closes | Bridge\\<U+200B\\> closes |" in out
    assert "| File | a.txt | b␊c.txt |" in out  # a line break is no space: another name
    assert "\u200b" not in out


def test_the_markdown_report_header_shows_the_invisible_in_a_title(titled) -> None:  # type: ignore[no-untyped-def]
    from diffreader.render import render_report

    header = render_report(titled, fmt="markdown").split("\n### ")[0]
    assert "## Fact-check: Bridge\\<U+200B\\> closes" in header
    assert "(no date · b␊c.txt)" in header
    assert "\u200b" not in header


def test_the_markdown_report_shows_the_invisible_in_an_items_sentences(titled) -> None:  # type: ignore[no-untyped-def]
    from diffreader.render import render_report

    # A sentence reworded by a zero-width space alone, as the HTML report shows it.
    out = render_report(titled, fmt="markdown")
    assert "> _Original:_ Bridge closes" in out
    assert "> _Rewrite:_ Bridge\\<U+200B\\> closes" in out
    assert "\u200b" not in out


def test_the_html_report_header_shows_the_invisible_in_a_title(titled) -> None:  # type: ignore[no-untyped-def]
    from diffreader.render import render_report

    out = render_report(titled, fmt="html")
    assert "<h1>Fact-check: Bridge&lt;U+200B&gt; closes</h1>" in out
    assert "<th>Rewrite: Bridge&lt;U+200B&gt; closes</th>" in out
    assert "no date · b␊c.txt" in out
    assert "\u200b" not in out


def test_the_multi_version_headers_show_the_invisible_in_a_title() -> None:
    from diffreader.render.versions import render_versions, render_versions_report
    from diffreader.versions import collate

    a = document_from_text(TITLED.format("\u200b"), path="a\n.txt")
    versions = [document_from_text(TITLED.format(""), path=f"v{n}.txt") for n in (1, 2)]
    collation = collate(a, versions)
    text = render_versions(collation, "text")
    assert "Original  Bridge<U+200B> closes · a␊.txt" in text
    markdown = render_versions(collation, "markdown")
    assert markdown.startswith("# Bridge\\<U+200B\\> closes and 2 versions")
    page = render_versions_report(collation, {}, "html")
    assert "<title>Bridge&lt;U+200B&gt; closes and 2 versions</title>" in page
    assert "<h1>Fact-check report: Bridge&lt;U+200B&gt; closes and 2 versions</h1>" in page
    # The headers (the sentence rows print the original's sentences as they are).
    for header in (text.split("\nSENTENCES")[0], markdown.split("\n## ")[0], page.split("<h2>")[0]):
        assert "\u200b" not in header
