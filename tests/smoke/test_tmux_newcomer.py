"""Real-terminal tests of the newcomer fixes, at 80x24 and 120x40 (tmux, capture-pane).

Each test runs the installed program as a user would and reads the screen back:

1. the corpus list gives its titles the width (empty columns and file names give way);
2. Escape in the side panel closes the panel, never the comparison;
3. the unified view says which side each piece of text comes from;
4. Enter in the export dialog writes the report, also from the list of formats.
"""

from __future__ import annotations

import shlex
import sys
import time
from pathlib import Path

import pytest
from test_tmux import DEMO, Tmux, pytestmark  # noqa: F401  (the tmux marks)
from test_tmux import tmux as tmux  # the fixture

SIZES = [(80, 24), (120, 40)]
A = DEMO / "00_original.txt"
B = DEMO / "03_rewrite_update.txt"


def _start(tmux: Tmux, tmp_path: Path, size: tuple[int, int], *args: Path | str) -> None:
    """Start ``diffreader ARGS`` in ``tmp_path`` on a pane of ``size``, echoing its exit."""
    program = " ".join(shlex.quote(str(arg)) for arg in args)
    command = (
        f"cd {shlex.quote(str(tmp_path))} && env -u COLUMNS -u LINES TERM=xterm-256color "
        f"DIFFREADER_DATA_DIR={shlex.quote(str(tmp_path / 'data'))} "
        f"{shlex.quote(sys.executable)} -m diffreader {program}; echo EXITED:$?; sleep 30"
    )
    width, height = size
    tmux.run("new-session", "-d", "-s", "reader", "-x", str(width), "-y", str(height), command)


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
    screen = tmux.wait_for(lambda s: "Volunteers count" in s and "Title" in s)
    minimum = 28 if size[0] == 80 else 50
    assert len(_title_cell(screen, "Volunteers count")) >= minimum, screen
    assert "Similarity" not in screen, "an empty column took the titles' width"

    # Mark A, review a pair (a mark saved), and come back: titles keep their width.
    tmux.keys("a")
    tmux.wait_for(lambda s: "Similarity" in s or "marked A" in s)
    tmux.keys("j", "Enter")
    tmux.wait_for(lambda s: "0 of" in s and "reviewed" in s)
    tmux.keys("x")
    tmux.wait_for(lambda s: "1 of" in s)
    tmux.keys("q")
    screen = tmux.wait_for(lambda s: "Volunteers count" in s and "1/" in s)
    minimum = 24 if size[0] == 80 else 36
    assert len(_title_cell(screen, "Volunteers count")) >= minimum, screen
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
    screen = tmux.wait_for(lambda s: "Export a fact-check report" not in s)
    written = sorted(tmp_path.glob("factcheck-*.html"))
    assert written, screen
    assert written[0].read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype")
    tmux.keys("q")
    assert "EXITED:0" in tmux.wait_for(lambda s: "EXITED:" in s)
