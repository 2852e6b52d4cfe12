"""Real-terminal tests of the newcomer fixes, at 80x24 and 120x40 (tmux, capture-pane).

Each test runs the installed program as a user would and reads the screen back:

1. the corpus list gives its titles the width (empty columns and file names give way);
2. Escape in the side panel closes the panel, never the comparison;
3. the unified view says which side each piece of text comes from (labels, tints, arrows);
4. Enter in the export dialog writes the report, also from the list of formats.
"""

from __future__ import annotations

import re
import shlex
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from test_tmux import DEMO, Tmux, pytestmark  # noqa: F401  (the tmux marks)
from test_tmux import tmux as tmux  # the fixture

SIZES = [(80, 24), (120, 40)]
A = DEMO / "00_original.txt"
B = DEMO / "03_rewrite_update.txt"


def _start(
    tmux: Tmux, tmp_path: Path, size: tuple[int, int], *args: Path | str, env: str = ""
) -> None:
    """Start ``diffreader ARGS`` in ``tmp_path`` on a pane of ``size``, echoing its exit.

    ``env``: extra ``NAME=value`` words for ``env`` (``COLORTERM=truecolor``, ``NO_COLOR=1``).
    """
    program = " ".join(shlex.quote(str(arg)) for arg in args)
    command = (
        f"cd {shlex.quote(str(tmp_path))} && env -u COLUMNS -u LINES -u COLORTERM -u NO_COLOR "
        f"TERM=xterm-256color {env} "
        f"DIFFREADER_DATA_DIR={shlex.quote(str(tmp_path / 'data'))} "
        f"{shlex.quote(sys.executable)} -m diffreader {program}; echo EXITED:$?; sleep 30"
    )
    width, height = size
    tmux.run("new-session", "-d", "-s", "reader", "-x", str(width), "-y", str(height), command)


def _title_width(screen: str, title_start: str) -> int:
    """The width of the title cell of that row, 0 while no row shows it."""
    return len(_title_cell(screen, title_start)) if title_start in screen else 0


def _title_cell(screen: str, title_start: str) -> str:
    """The text of the list row whose title starts with ``title_start``, up to the date."""
    line = next(line for line in screen.splitlines() if title_start in line)
    cell = line[line.index(title_start) :]
    return cell.split("  ")[0]  # columns are separated by at least two spaces


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_corpus_titles_get_the_width(tmux: Tmux, tmp_path: Path, size: tuple[int, int]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("00_original.txt", "03_rewrite_update.txt", "04_unrelated.txt"):
        (corpus / name).write_bytes((DEMO / name).read_bytes())
    _start(tmux, tmp_path, size, corpus)
    minimum = 28 if size[0] == 80 else 50
    # Waited for, not read off the first frame that shows the row: a loaded host may paint
    # the list before its columns get their widths (a timeout shows the screen).
    screen = tmux.wait_for(
        lambda s: "Title" in s and _title_width(s, "Volunteers count") >= minimum
    )
    assert "Similarity" not in screen, "an empty column took the titles' width"

    # Mark A, review a pair (a mark saved), and come back: titles keep their width.
    tmux.keys("a")
    tmux.wait_for(lambda s: "Similarity" in s or "marked A" in s)
    tmux.keys("j", "Enter")
    tmux.wait_for(lambda s: "0 of" in s and "reviewed" in s)
    tmux.keys("x")
    tmux.wait_for(lambda s: "1 of" in s)
    tmux.keys("q")
    minimum = 24 if size[0] == 80 else 36
    tmux.wait_for(lambda s: "1/" in s and _title_width(s, "Volunteers count") >= minimum)
    tmux.keys("q")
    assert "EXITED:0" in tmux.wait_for(lambda s: "EXITED:" in s)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_escape_in_the_panel_keeps_the_comparison(
    tmux: Tmux, tmp_path: Path, size: tuple[int, int]
) -> None:
    _start(tmux, tmp_path, size, A, B)
    tmux.wait_for(lambda s: "0 of" in s and "reviewed" in s)  # compared, review loaded
    tmux.keys("p")
    tmux.wait_for(lambda s: "Added claims" in s)  # the panel's first heading
    tmux.keys("Escape")
    screen = tmux.wait_for(lambda s: "Added claims" not in s)
    assert "EXITED" not in screen and "Next change" in screen, screen
    tmux.keys("Escape")  # nothing left to close: still here
    # A key right after Escape would reach the program as Alt+key (the terminal's escape
    # prefix), so the next key waits out the escape delay, as a person's would.
    time.sleep(0.5)
    assert "EXITED" not in tmux.screen()
    tmux.keys("q")
    assert "EXITED:0" in tmux.wait_for(lambda s: "EXITED:" in s)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_enter_in_the_export_dialog_writes(
    tmux: Tmux, tmp_path: Path, size: tuple[int, int]
) -> None:
    _start(tmux, tmp_path, size, A, B)
    tmux.wait_for(lambda s: "0 of" in s and "reviewed" in s)  # compared, review loaded
    tmux.keys("E")
    tmux.wait_for(lambda s: "Export a fact-check report" in s)
    tmux.keys("BTab")  # to the formats
    tmux.keys("Right")  # HTML
    tmux.keys("Enter")
    # The report is written in a worker after the dialog closes: wait for its notice.
    screen = tmux.wait_for(lambda s: "Report exported" in s or "Export failed" in s)
    written = sorted(tmp_path.glob("factcheck-*.html"))
    assert written, screen
    assert written[0].read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype")
    tmux.keys("q")
    assert "EXITED:0" in tmux.wait_for(lambda s: "EXITED:" in s)


def _backgrounds(line: str) -> list[tuple[str, str]]:
    """``(character, background SGR)`` for each character of a ``capture-pane -e`` line."""
    cells: list[tuple[str, str]] = []
    bg = ""
    for match in re.finditer(r"\x1b\[([0-9;]*)m|([^\x1b])", line):
        if match[2] is not None:
            cells.append((match[2], bg))
            continue
        params = match[1].split(";") if match[1] else ["0"]
        i = 0
        while i < len(params):
            if params[i] in ("0", "49"):
                bg = ""
            elif params[i] == "48":
                width = 5 if params[i + 1] == "2" else 3
                bg = ";".join(params[i : i + width])
                i += width - 1
            elif params[i] == "38":
                i += 4 if params[i + 1] == "2" else 2
            i += 1
    return cells


def _background_of(screen_e: str, needle: str) -> str:
    """The background of the first character of ``needle`` on a ``capture-pane -e`` screen."""
    for line in screen_e.splitlines():
        cells = _backgrounds(line)
        text = "".join(ch for ch, _bg in cells)
        if needle in text:
            return cells[text.index(needle)][1]
    raise AssertionError(f"{needle!r} not on screen")


def _step_until(tmux: Tmux, key: str, predicate: Callable[[str], bool], tries: int = 30) -> str:
    """Press ``key`` until the screen satisfies ``predicate`` (each press waits for a redraw)."""
    screen = tmux.screen()
    for _ in range(tries):
        if predicate(screen):
            return screen
        tmux.keys(key)
        before = screen
        screen = tmux.wait_for(lambda s, before=before: s != before)
    assert predicate(screen), screen
    return screen


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_unified_view_says_which_side_text_comes_from(
    tmux: Tmux, tmp_path: Path, size: tuple[int, int]
) -> None:
    _start(tmux, tmp_path, size, A, B, env="COLORTERM=truecolor")
    tmux.wait_for(lambda s: "0 of" in s and "reviewed" in s)  # compared, review loaded
    if size[0] > 100:
        tmux.keys("u")  # side by side at 120 columns; u for the unified view
    screen = tmux.wait_for(lambda s: "+B only in B" in s and "−A only in A" in s)  # the legend
    # A reworded row: each deleted phrase, an arrow, then the words replacing it.
    assert "carries about → approximately 4,300 vehicles a → per" in screen, screen

    # An added sentence is labelled +B in its gutter, a dropped one −A.
    added = _step_until(tmux, "c", lambda s: "Gareth Quill" in s)
    assert re.search(r"\+B +Gareth Quill, head of the regional", added), added
    dropped = _step_until(tmux, "n", lambda s: "two councillors who voted" in s)
    assert re.search(r"−A +The two councillors who voted against", dropped), dropped

    # Each side has its own background: the dropped text (and its label) the A tint, the
    # added sentence's label the B tint; unchanged text neither.
    screen_e = tmux.run("capture-pane", "-p", "-e", "-t", "reader")
    tint_a = _background_of(screen_e, "The two councillors")
    label_a = _background_of(screen_e, "A   The two councillors")
    plain = _background_of(screen_e, "Brennan said.")
    assert tint_a == label_a and tint_a != plain, (tint_a, plain)
    # Back to the top, waited for: the screen read before the jump still shows the row.
    before = tmux.screen()
    tmux.keys("g")
    tmux.wait_for(lambda s: s != before)
    _step_until(tmux, "c", lambda s: re.search(r"\+B +Gareth Quill", s) is not None)
    screen_e = tmux.run("capture-pane", "-p", "-e", "-t", "reader")
    label_b = _background_of(screen_e, "B   Gareth Quill")
    assert label_b not in (tint_a, plain), (label_b, tint_a, plain)
    tmux.keys("q")
    assert "EXITED:0" in tmux.wait_for(lambda s: "EXITED:" in s)


def test_unified_view_without_colour_keeps_its_marks(tmux: Tmux, tmp_path: Path) -> None:
    """NO_COLOR: the arrow and the side labels still say which side text comes from."""
    _start(tmux, tmp_path, (80, 24), A, B, env="NO_COLOR=1")
    screen = tmux.wait_for(lambda s: "0 of" in s and "reviewed" in s and "+B only in B" in s)
    assert "carries about → approximately" in screen, screen
    screen_e = tmux.run("capture-pane", "-p", "-e", "-t", "reader")
    line = next(line for line in screen_e.splitlines() if "carries" in line)
    assert re.search(r"\x1b\[(\d+;)*9(;\d+)*m", line), line  # the deletion is struck through
    screen = _step_until(tmux, "c", lambda s: "Gareth Quill" in s)
    assert re.search(r"\+B +Gareth Quill", screen), screen
    tmux.keys("q")
    assert "EXITED:0" in tmux.wait_for(lambda s: "EXITED:" in s)
