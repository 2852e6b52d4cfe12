"""Real-terminal smoke test: ``diffreader A B`` inside tmux, read back with capture-pane.

It checks what a user would see on two demo articles: both titles, the coverage line, the
legend, an added sentence opposite a hatched cell; then that keys work and q exits cleanly.
tmux runs on a private socket, so the user's sessions are never touched.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

DEMO = Path(__file__).resolve().parents[2] / "src" / "diffreader" / "demo"


class Tmux:
    """A private tmux server with one 120x40 session."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def run(self, *args: str) -> str:
        out = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=10
        )
        return out.stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "reader")

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "reader", *keys)

    def wait_for(self, predicate: Callable[[str], bool], timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = self.screen()
            if predicate(text):
                return text
            time.sleep(0.1)
        raise AssertionError(f"timed out; the screen was:\n{text}")


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    # One server per test: a server killed at the end of the previous test may still be
    # shutting down on its socket, and a session started there would vanish with it.
    server = Tmux(f"diffreader-test-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        yield server
    finally:
        subprocess.run(["tmux", "-L", server.socket, "kill-server"], capture_output=True)


def test_reader_in_a_real_terminal(tmux: Tmux, tmp_path: Path) -> None:
    a, b = DEMO / "00_original.txt", DEMO / "03_rewrite_update.txt"
    # COLUMNS/LINES can leak in from the test runner's environment and would override the
    # pane's real size (120x40) in shutil.get_terminal_size, which Textual uses.
    command = (
        "env -u COLUMNS -u LINES TERM=xterm-256color "
        f"DIFFREADER_DATA_DIR={shlex.quote(str(tmp_path))} "
        f"{shlex.quote(sys.executable)} -m diffreader {shlex.quote(str(a))} {shlex.quote(str(b))}"
        "; echo EXITED:$?; sleep 30"
    )
    tmux.run("new-session", "-d", "-s", "reader", "-x", "120", "-y", "40", command)

    screen = tmux.wait_for(lambda s: "added claim" in s and "│" in s)
    lines = screen.splitlines()
    assert "The town council of Saltmere" in lines[0]  # A's title, top left
    assert "In a significant development" in lines[0]  # B's title, top right
    assert "A kept" in screen and "added claim" in screen and "dropped detail" in screen
    assert "Next change" in screen and "Help" in screen  # the footer

    # c steps through claims; the added sentence shows up opposite a hatched cell.
    row = ""
    for _ in range(15):
        tmux.keys("c")
        time.sleep(0.3)
        screen = tmux.screen()
        row = next((line for line in screen.splitlines() if "Gareth Quill" in line), "")
        if "╱╱╱" in row:
            break
    assert "╱╱╱" in row and row.index("╱") < row.index("Gareth Quill"), screen
    assert "+" in row[row.index("│") : row.index("Gareth Quill")]  # the added-claim glyph

    # The columns stay aligned: the separator is in the same column on every line.
    columns = {line.index("│") for line in screen.splitlines()[3:-3] if "│" in line}
    assert len(columns) == 1, columns

    tmux.keys("?")
    tmux.wait_for(lambda s: "diffreader keys" in s)
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "diffreader keys" not in s)
    tmux.keys("j")
    tmux.keys("q")
    screen = tmux.wait_for(lambda s: "EXITED:" in s, timeout=15)
    assert "EXITED:0" in screen
