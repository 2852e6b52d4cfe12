"""A word the rewrite replaced by one drawn the same (a Cyrillic ``о`` in ``Holt``, a
Greek ``Α``, a zero-width or no-break space inside a word, fullwidth digits) was marked
changed with nothing to tell the two words apart; every view of word changes now names
the characters that differ (``render.lookalike``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diffreader.cli import main
from diffreader.engine import compare, document_from_text
from diffreader.render.lookalike import lookalike_note, lookalikes

A = "Mayor Jane Holt said the ALPHA bridge would close.\n\nIt cost 12 million pounds to build.\n"
B = (
    "Mayor Jane H\u043elt said the \u0391LPHA bridge would close.\n\n"
    "It cost \uff11\uff12 million pounds to build.\n"
)
CYRILLIC = "look-alike: о U+043E CYRILLIC SMALL LETTER O for o"
GREEK = "look-alike: Α U+0391 GREEK CAPITAL LETTER ALPHA for A"
DIGITS = "look-alike: １ U+FF11 FULLWIDTH DIGIT ONE for 1; ２ U+FF12 FULLWIDTH DIGIT TWO for 2"


@pytest.mark.parametrize(
    ("a", "b", "note"),
    [
        ("Holt", "H\u043elt", CYRILLIC),
        ("ALPHA", "\u0391LPHA", GREEK),
        ("Holt", "Ho\u200blt", "look-alike: U+200B ZERO WIDTH SPACE added"),
        ("Holt", "Ho\u00a0lt", "look-alike: U+00A0 NO-BREAK SPACE added"),
        ("12", "\uff11\uff12", DIGITS),
        ("H\u043elt", "Holt", "look-alike: o for о U+043E CYRILLIC SMALL LETTER O"),
        ("Holt", "Hold", None),  # a real change
        ("Holt", "holt", None),  # case shows
        ("café", "cafe", None),  # an accent shows
        ("Holt", "Hölt", None),
    ],
)
def test_the_note_names_the_characters_that_differ(a: str, b: str, note: str | None) -> None:
    assert lookalike_note(a, b) == note


def _files(tmp_path: Path) -> tuple[str, str]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A, encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    return str(a), str(b)


def test_text_and_markdown_say_it_under_the_word_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # At 80 columns, as a pipe or a small terminal gets it: the digits' note is longer
    # than a line and wraps (it failed in CI, where the width was not the shell's).
    monkeypatch.setenv("COLUMNS", "80")
    a, b = _files(tmp_path)
    main([a, b, "--format", "text"])
    lines = capsys.readouterr().out.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("  ~ Mayor Jane"))
    assert lines[first + 1 : first + 3] == [f"  ≈ {CYRILLIC}", f"  ≈ {GREEK}"]
    assert f"≈ {DIGITS}" in " ".join(line.strip() for line in lines)
    main([a, b, "--format", "markdown"])
    lines = capsys.readouterr().out.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("1. *reworded*"))
    assert lines[first + 1 : first + 3] == [f"   - {CYRILLIC}", f"   - {GREEK}"]


def test_json_lists_them_with_their_offsets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = _files(tmp_path)
    main([a, b, "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    notes = [(found["pair"], found["note"]) for found in data["lookalikes"]]
    assert notes == [(0, CYRILLIC), (0, GREEK), (1, DIGITS)]
    digits = data["lookalikes"][2]
    assert B[digits["b_start"] : digits["b_end"]] == "\uff11\uff12"
    assert A[digits["a_start"] : digits["a_end"]] == "12"


def test_the_html_report_and_the_readers_rows_say_it(tmp_path: Path) -> None:
    from diffreader.render import render_report
    from diffreader.tui.rows import DiffModel

    comparison = compare(document_from_text(A), document_from_text(B))
    model = DiffModel(comparison)
    notes = [note for row in model.rows for note, _component in row.b.notes]
    assert notes == [f"≈ {CYRILLIC}", f"≈ {GREEK}", f"≈ {DIGITS}"]
    assert [n for n, _c in model.rows[0].unified.notes] == notes[:2]  # the unified view too
    page = render_report(comparison, None, "html")
    assert f"≈ {CYRILLIC}</span>" in page and f"≈ {DIGITS}</span>" in page


def test_plain_words_changed_get_no_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    comparison = compare(
        document_from_text("The bridge will close on Monday, said Jane Holt."),
        document_from_text("The bridge will shut on Tuesday, said Jane Hölt."),
    )
    assert [lookalikes(comparison, pair) for pair in comparison.pairs] == [[]]
