"""The text output wraps to the width in terminal cells: CJK and other wide characters
take two, marks drawn on a character none, and text without spaces (Chinese, Japanese,
a 200,000-character "word") is broken between characters, never inside a cluster or a
marker, so that no line is wider than the width and nothing is lost."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from diffreader.cli import main
from diffreader.engine.model import Op
from diffreader.render.cells import cells, char_widths, splits
from diffreader.render.escape import terminal
from diffreader.render.to_text import _marked_texts, _TextWriter

DATA = Path(__file__).resolve().parents[1] / "data"
PAIRS = [
    ("bridge_zh_original.txt", "bridge_zh_rewrite.txt"),
    ("library_ja_original.txt", "library_ja_rewrite.txt"),
]

_SGR = re.compile("\x1b\\[[0-9;]*m")
_ATOM = re.compile(r"\[-|-\]|\{\+|\+\}|<U\+[0-9A-F]{4,6}(?:×\d+)?>")

_WIDE = st.sampled_from(
    [
        *"中文日本語한국어テスト。、「」",
        "ＡＢ",
        "\U0001f600",
        "\U0001f44d\U0001f3fd",  # an emoji with a skin tone
        "\U0001f1eb\U0001f1f7",  # a flag
        "\U0001f469\u200d\u2695\ufe0f",  # a ZWJ sequence
        "\u2764\ufe0f",
    ]
)
_MARKS = st.sampled_from(["\u0301", "\u3099", "\u200b", "\u0308\u0323", "\u200d"])
_ASCII = st.text(alphabet="abcxyz.,-[]{}+", min_size=1, max_size=12)
_LONG = st.builds(
    lambda char, n: char * n,
    st.sampled_from(["x", "中", "e\u0301", "ab", "か\u3099", "\U0001f44d\U0001f3fd", "<U+200B>"]),
    st.integers(10, 300),
)
_SPACE = st.sampled_from([" ", "  ", "\t", "\n", "\u3000"])
_TEXT = st.lists(
    st.one_of(_WIDE, _MARKS, _ASCII, _LONG, _SPACE, st.just("<U+200D×30000>")), max_size=30
).map("".join)
_LEADS = st.sampled_from(
    [("    ", "    "), ("  + ", "    "), ("  ~ ", "    "), ("  ▲ ADDED number: ", "      ")]
)


def _check(lines: list[str], lead: str, indent: str, source: str, width: int) -> None:
    """Every line within ``width`` cells, and the lines after their lead or indent are
    ``source`` (visible, its whitespace runs one space; the writer keeps one a text, so
    two texts' can be two) broken at a space, or inside a word between two clusters and
    outside a marker or ``<U+…>``."""
    text = " ".join(terminal(source).split())
    widths = char_widths(text)
    atoms = [match.span() for match in _ATOM.finditer(text)]
    at = 0
    for number, line in enumerate(lines):
        assert cells(line) <= width, line
        if number == 0 and line == lead.rstrip(" "):
            continue  # the lead alone: the first word did not fit after it
        prefix = lead if number == 0 else indent
        assert line.startswith(prefix)
        content = line[len(prefix) :].lstrip(" ") if number == 0 else line[len(prefix) :]
        content = re.sub(" {2,}", " ", content)  # a space at the end of a text, one after
        assert content and text.startswith(content, at), (content, text[at:])
        at += len(content)
        if at < len(text) and text[at] == " ":
            at += 1  # the line ended at a space
        elif at < len(text):  # inside a word
            assert splits(text, widths, at)
            assert not any(start < at < end for start, end in atoms)
    assert at == len(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from([Op.EQUAL, Op.DELETE, Op.INSERT]), _TEXT), max_size=5),
    _LEADS,
    st.integers(20, 120),
)
@example([(Op.EQUAL, "中" * 100)], ("  + ", "    "), 20)
@example([(Op.DELETE, "十五日"), (Op.INSERT, "二十日")], ("  ~ ", "    "), 20)
def test_plain_lines_fit_the_width_and_lose_nothing(
    runs: list[tuple[Op, str]], lead: tuple[str, str], width: int
) -> None:
    texts = _marked_texts(runs)
    writer = _TextWriter(color=False, width=width)
    writer.wrap_texts(texts, lead[1], lead[0])
    _check(writer.lines, *lead, "".join(texts), width)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(_TEXT, st.sampled_from(["", "dim", "red strike", "green bold"])), max_size=5
    ),
    _LEADS,
    st.integers(20, 120),
)
def test_coloured_lines_fit_the_width_and_lose_nothing(
    runs: list[tuple[str, str]], lead: tuple[str, str], width: int
) -> None:
    writer = _TextWriter(color=True, width=width)
    writer.wrap(runs, first=(lead[0], "bold"), indent=lead[1])
    lines = [_SGR.sub("", line) for line in writer.lines]
    _check(lines, *lead, "".join(text for text, _ in runs), width)
    for line in writer.lines:  # every colour is closed on its line
        assert line.count("\x1b[0m") == len(_SGR.findall(line)) / 2


def test_a_long_word_is_cut_at_the_width() -> None:
    word = "ab" * 100_000
    start = time.process_time()
    writer = _TextWriter(color=False, width=40)
    writer.wrap_texts([f"before {word} after"], "    ", "  + ")
    assert time.process_time() - start < 2
    assert writer.lines[:2] == ["  + before", "    " + word[:36]]
    assert writer.lines[-1] == "    " + word[: 200_000 % 36] + " after"
    _check(writer.lines, "  + ", "    ", f"before {word} after", 40)


def test_a_marker_is_not_cut() -> None:
    writer = _TextWriter(color=False, width=20)
    writer.wrap_texts(["x" * 19, "[-old-]", " ", "<U+200B>" * 3], "", "")
    # The word "x…x[-old-]", wider than the line, cut before "[-" (not after "["), and
    # "<U+200B>" kept whole.
    assert writer.lines == ["x" * 19, "[-old-]", "<U+200B>" * 2, "<U+200B>"]


@pytest.mark.parametrize(("original", "rewrite"), PAIRS)
@pytest.mark.parametrize("columns", [40, 80])
def test_cjk_articles_fit_the_terminal(
    original: str, rewrite: str, columns: int, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", str(columns))
    plain: list[str] = []
    for color in ("never", "always"):
        assert main([str(DATA / original), str(DATA / rewrite), "--color", color]) == 1
        out = capsys.readouterr().out
        lines = [_SGR.sub("", line) for line in out.splitlines()]
        assert max(map(cells, lines)) <= columns
        plain = plain or lines
    # Nothing of the article is lost: B's text reads whole from the sentence rows (B's
    # side of each word diff), the line breaks out.
    rows = [line[4:] for line in plain if line.startswith(("  + ", "  ~ ", "    "))]
    joined = re.sub(r"\[-.*?-\]|\{\+|\+\}", "", "".join(rows))
    body = "".join((DATA / rewrite).read_text(encoding="utf-8").split("\n\n")[1:])
    for sentence in re.findall(r"[^。]+。[”」]?", body):
        assert sentence.strip() in joined


def test_markdown_is_not_wrapped(capsys) -> None:  # type: ignore[no-untyped-def]
    original, rewrite = PAIRS[1]
    main([str(DATA / original), str(DATA / rewrite), "--format", "markdown"])
    out = capsys.readouterr().out
    sentence = "委員会の担当者は「子どもたちが放課後に安心して過ごせる場所にしたい」と話している。"
    assert any(sentence in line for line in out.splitlines())


def test_the_multi_version_rows_are_clipped_in_cells() -> None:
    from diffreader.engine import document_from_text
    from diffreader.render.versions import render_versions
    from diffreader.versions import collate

    original, rewrite = PAIRS[0]
    docs = [
        document_from_text((DATA / name).read_text(encoding="utf-8"), path=name)
        for name in (original, rewrite, rewrite)
    ]
    out = render_versions(collate(docs[0], docs[1:]), "text", width=60)
    rows = out.split("\nSENTENCES\n")[1].split("\n\n")[0].splitlines()[1:]
    assert rows and all(cells(row) <= 60 for row in rows)
    assert any(row.endswith("…") for row in rows)
