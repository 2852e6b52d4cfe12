"""Every output format and both reports show an article's control characters visibly.

An article is untrusted input: a window-title OSC sequence, CSI colours, BEL, C1
controls (0x9B is a one-byte CSI), DEL or a bidirectional override must never reach the
output raw, whatever the medium; they show as ``␛``, ``␇``, ``<U+009B>``...
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diffreader.cli import main
from diffreader.engine import compare, document_from_text
from diffreader.render import render, render_report
from diffreader.review import Mark, ReviewEntry, review_items

OSC_TITLE = "\x1b]0;pwned title\x07"
CSI_RED = "\x1b[31m"
C1_CSI = "\x9b2J"
OTHERS = "\x01\x08\x0b\x0c\x1c\x7f\x85\x9f\u202e"

A_TEXT = (
    "Council votes to close the bridge\n\n"
    f"The town council voted {CSI_RED}7 to 2 on Monday to close the Saltmere bridge.\n\n"
    f"Mayor Ines Dahl said: \u201cWe had no other choice{OSC_TITLE}.\u201d\n\n"
    f"Repairs will cost 1.8 million euros {C1_CSI} and last a year.\n"
)
B_TEXT = (
    f"Bridge to close{OSC_TITLE}\n\n"
    f"The town council voted {CSI_RED}7 to 2 on Tuesday to shut the Saltmere bridge.\n\n"
    f"Mayor Ines Dahl said: \u201cWe had no choice at all{OSC_TITLE}.\u201d\n\n"
    f"Traffic will move to the ferry run by Nordlink {C1_CSI}{OTHERS} from May.\n"
)
RAW = ("\x1b", "\x07", "\x9b", "\x7f", "\x85", "\u202e", "\x01")


@pytest.fixture(scope="module")
def comparison():  # type: ignore[no-untyped-def]
    return compare(
        document_from_text(A_TEXT, path="/corpus/a.txt"),
        document_from_text(B_TEXT, path="/corpus/b.txt"),
    )


def _entries(comparison) -> dict[str, ReviewEntry]:  # type: ignore[no-untyped-def]
    items = review_items(comparison)
    note = f"called {OSC_TITLE} back {CSI_RED}"
    return {
        items[0].key: ReviewEntry(mark=Mark.FLAGGED, note=note, mark_at=1, note_at=1),
        "gone": ReviewEntry(mark=Mark.ACCEPTED, text=f"old {C1_CSI}", label="x", mark_at=1),
    }


def _assert_safe(out: str) -> None:
    for char in RAW:
        assert char not in out, f"{char!r} reached the output raw"


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_cli_formats_show_controls(comparison, fmt: str) -> None:  # type: ignore[no-untyped-def]
    out = render(comparison, fmt)  # type: ignore[arg-type]
    _assert_safe(out)
    c1 = "<U+009B>" if fmt == "text" else "\\<U+009B\\>"  # Markdown escapes the brackets
    assert "␛" in out and "␇" in out and c1 in out


def test_cli_json_escapes_controls_and_keeps_the_text(comparison) -> None:  # type: ignore[no-untyped-def]
    out = render(comparison, "json")
    _assert_safe(out)
    assert "\\u001b" in out and "\\u0007" in out and "\\u009b" in out
    data = json.loads(out)
    assert data["b"]["sentences"][0]["text"].endswith(OSC_TITLE)  # the data stays exact


@pytest.mark.parametrize("fmt", ["markdown", "html", "json"])
def test_reports_show_controls(comparison, fmt: str) -> None:  # type: ignore[no-untyped-def]
    out = render_report(comparison, _entries(comparison), fmt)
    _assert_safe(out)
    if fmt == "json":
        assert "\\u001b" in out and "\\u009b" in out
        assert json.loads(out)["b"]["title"].endswith(OSC_TITLE)
    elif fmt == "html":
        assert "␛" in out and "␇" in out and "&lt;U+009B&gt;" in out
    else:
        assert "␛" in out and "␇" in out and "\\<U+009B\\>" in out


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "text"],
        ["--format", "markdown"],
        ["--format", "json"],
        ["--report", "markdown"],
        ["--report", "html"],
        ["--report", "json"],
        ["--format", "text", "--color", "always"],
    ],
)
def test_the_command_never_prints_raw_controls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A_TEXT, encoding="utf-8")
    b.write_text(B_TEXT, encoding="utf-8")
    status = main([str(a), str(b), *args])
    assert status == 1
    out = capsys.readouterr().out
    if "--color" in args:  # our own SGR colours are the only escapes
        import re

        out = re.sub(r"\x1b\[[0-9;]*m", "", out)
    _assert_safe(out)
