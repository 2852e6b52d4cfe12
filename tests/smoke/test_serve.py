"""The reader in a browser: ``diffreader serve`` on a free local port, driven for real.

The first test speaks textual-serve's protocol as its page does: it opens the page, opens
the app's websocket, waits for the corpus screen's text in the stream, sends ``q``, and
checks that the tab's reader process exits and the server stops cleanly on Ctrl+C. The
second opens the page in headless Chromium (over the DevTools protocol) and checks that
the corpus list is on screen: the terminal's text holds the demo titles, and the
screenshot's pixels show glyphs in the cells of a title (skipped without Chromium).

Every wait has a deadline that only turns a hang into a failure; nothing is timed.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.request
import zlib
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("textual_serve", reason="the serve extra is not installed")
aiohttp = pytest.importorskip("aiohttp")

DEMO = Path(__file__).resolve().parents[2] / "src" / "diffreader" / "demo"
TITLE = "Volunteers count record number"
"""The start of a demo article's title, as the corpus list shows it."""
DEADLINE = 90.0
"""Seconds any one wait may take on a loaded 2-core machine before the test fails."""

_ESCAPES = re.compile(
    rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: titles, hyperlinks
    rb"|\x1b[()][0-9A-Za-z]"  # character sets
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (Linux /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name may hold spaces and parentheses: the fields follow its last ")".
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        return self.log.read_text(errors="replace")


def _start(log: Path) -> Served:
    """``diffreader serve DEMO`` on a free port, once it answers (retried when another
    program took the port between the probe and the bind)."""
    for _attempt in range(3):
        port = _free_port()
        with log.open("wb") as sink:
            process = subprocess.Popen(
                [sys.executable, "-m", "diffreader", "serve", str(DEMO), "--port", str(port)],
                stdin=subprocess.DEVNULL,
                stdout=sink,
                stderr=subprocess.STDOUT,
                env={**os.environ, "COLUMNS": "200"},
            )
        server = Served(process, port, log)
        deadline = time.monotonic() + DEADLINE
        while process.poll() is None and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(server.url + "/", timeout=DEADLINE) as response:
                    if response.status == 200:
                        return server
            except OSError:  # not listening yet
                time.sleep(0.1)
        _stop(process)
        if "cannot serve" not in server.output():
            break
    raise AssertionError(f"the server did not start:\n{log.read_text(errors='replace')}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        for pid in _descendants(process.pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        process.kill()
    process.wait(timeout=30)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """The server, stopped (and its tabs' processes reaped) at the end."""
    if not Path("/proc/self/stat").exists():
        pytest.skip("needs /proc to follow the app processes")
    server = _start(tmp_path / "serve.log")
    try:
        yield server
    finally:
        _stop(server.process)


async def _page(session: Any, server: Served) -> str:
    async with session.get(server.url + "/") as response:
        assert response.status == 200
        page: str = await response.text()
        return page


async def test_a_browser_tab_gets_the_reader_and_q_ends_its_process(served: Served) -> None:
    async with aiohttp.ClientSession() as session:
        page = await _page(session, served)
        assert f'data-session-websocket-url="ws://127.0.0.1:{served.port}/ws"' in page
        assert f"diffreader: {DEMO}" in page
        async with session.ws_connect(f"{served.url}/ws?width=120&height=36") as ws:
            stream = b""
            deadline = time.monotonic() + DEADLINE
            while TITLE not in _ESCAPES.sub(b"", stream).decode("utf-8", "replace"):
                # textual-serve keeps the socket open when the app dies: watch its log too.
                assert "Application failed to start" not in served.output(), served.output()
                assert time.monotonic() < deadline, (stream[-2000:], served.output())
                try:
                    message = await ws.receive(timeout=1.0)
                except TimeoutError:
                    continue
                assert message.type == aiohttp.WSMsgType.BINARY, (message, stream[-2000:])
                stream += message.data
            apps = {
                pid
                for pid in _descendants(served.process.pid)
                if b"diffreader" in Path(f"/proc/{pid}/cmdline").read_bytes()
            }
            assert apps, "the tab's reader runs as a process of its own"
            await ws.send_json(["stdin", "q"])
            while not ws.closed:
                message = await asyncio.wait_for(ws.receive(), DEADLINE)
                if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                    break
    deadline = time.monotonic() + DEADLINE
    while _alive(apps):
        assert time.monotonic() < deadline, f"the reader did not exit:\n{served.output()}"
        await asyncio.sleep(0.1)
    assert served.process.poll() is None, "the server outlives its tabs"
    served.process.send_signal(signal.SIGINT)
    assert served.process.wait(timeout=DEADLINE) == 0, served.output()
    assert "Traceback" not in served.output()
    assert "Application failed to start" not in served.output()


# -- the page in headless Chromium ---------------------------------------------------

CHROMIUM = next(
    filter(
        None, (shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome"))
    ),
    None,
)

# xterm.js keeps its Terminal inside the page's bundle; this catches it as it is built
# (its constructor assigns ``_addonManager``) so the test can read what it shows.
_CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, "_addonManager", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "_addonManager", {
      value, writable: true, configurable: true, enumerable: true,
    });
    (window.__terminals = window.__terminals || []).push(this);
  },
});
"""

_READ_SCREEN = """
(() => {
  const t = (window.__terminals || [])[0];
  if (!t || !t.element) return null;
  const b = t.buffer.active, rows = [];
  for (let y = 0; y < t.rows; y++) {
    const line = b.getLine(b.viewportY + y);
    rows.push(line ? line.translateToString(false) : "");
  }
  const box = t.element.querySelector(".xterm-screen").getBoundingClientRect();
  return {rows, cols: t.cols, left: box.left, top: box.top, width: box.width,
          height: box.height, ratio: window.devicePixelRatio,
          started: document.body.classList.contains("-first-byte")};
})()
"""


class DevTools:
    """A minimal Chrome DevTools protocol client over one page's websocket."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.ids = 0

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.ids += 1
        await self.ws.send_json({"id": self.ids, "method": method, "params": params})
        while True:
            message = await asyncio.wait_for(self.ws.receive_json(), DEADLINE)
            if message.get("id") == self.ids:
                assert "error" not in message, message
                result: dict[str, Any] = message["result"]
                return result

    async def evaluate(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")


@contextlib.asynccontextmanager
async def _chromium(session: Any, profile: Path) -> AsyncIterator[DevTools]:
    assert CHROMIUM is not None
    browser = subprocess.Popen(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--remote-debugging-port=0",
            f"--user-data-dir={profile}",
            "--window-size=1280,800",
            # No request leaves this machine (the page asks for a web font).
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            "about:blank",
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    endpoint: list[str] = []
    found = threading.Event()

    def read_stderr() -> None:
        assert browser.stderr is not None
        for line in iter(browser.stderr.readline, b""):
            match = re.search(rb"DevTools listening on (ws://\S+)", line)
            if match and not endpoint:
                endpoint.append(match.group(1).decode())
                found.set()
        found.set()

    reader = threading.Thread(target=read_stderr, daemon=True)
    reader.start()
    try:
        assert await asyncio.to_thread(found.wait, DEADLINE) and endpoint, "Chromium did not start"
        port = endpoint[0].split("//", 1)[1].split("/", 1)[0]
        async with session.get(f"http://{port}/json/list") as response:
            targets = json.loads(await response.text())
        page = next(t for t in targets if t.get("type") == "page")
        async with session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as ws:
            yield DevTools(ws)
    finally:
        browser.terminate()
        try:
            browser.wait(timeout=30)
        except subprocess.TimeoutExpired:
            browser.kill()
            browser.wait(timeout=30)
        reader.join(timeout=30)


def _png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and RGB rows of an 8-bit RGB or RGBA, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat = 8, b""
    width = height = channels = 0
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _c, _f, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                pa, pb, pc = abs(guess - left), abs(guess - up), abs(guess - corner)
                best = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + best) & 0xFF
        previous = line
        rows.append(bytes(b for i, b in enumerate(line) if i % channels < 3))
    return width, height, rows


def _colours(rows: list[bytes], left: int, top: int, right: int, bottom: int) -> dict[bytes, int]:
    counts: dict[bytes, int] = {}
    for row in rows[top:bottom]:
        for x in range(left, right):
            pixel = row[3 * x : 3 * x + 3]
            counts[pixel] = counts.get(pixel, 0) + 1
    return counts


def _glyphs_drawn(shot: bytes, screen: dict[str, Any], row: int, column: int, width: int) -> bool:
    """Whether the screenshot shows glyphs in the cells ``row``, ``column``..+``width``:
    some pixels there differ from the cells' background, and not most of them."""
    _w, _h, rows = _png_pixels(shot)
    ratio = screen["ratio"]
    cell_w = screen["width"] / screen["cols"] * ratio
    cell_h = screen["height"] / len(screen["rows"]) * ratio
    left = int(screen["left"] * ratio + column * cell_w)
    top = int(screen["top"] * ratio + row * cell_h)
    counts = _colours(rows, left, top, int(left + width * cell_w), int(top + cell_h))
    total = sum(counts.values())
    background = max(counts.values())
    ink = total - background
    return total > 0 and 0.03 * total < ink < 0.7 * total


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
async def test_the_page_shows_the_corpus_in_headless_chromium(
    served: Served, tmp_path: Path
) -> None:
    async with (
        aiohttp.ClientSession() as session,
        _chromium(session, tmp_path / "profile") as browser,
    ):
        await browser.call("Page.enable")
        await browser.call("Page.addScriptToEvaluateOnNewDocument", source=_CATCH_TERMINAL)
        await browser.call("Page.navigate", url=served.url + "/")
        deadline = time.monotonic() + DEADLINE
        screen: dict[str, Any] | None = None
        while True:
            screen = await browser.evaluate(_READ_SCREEN)
            text = "\n".join(screen["rows"]) if screen else ""
            if screen and screen["started"] and TITLE in text:
                row = next(y for y, line in enumerate(screen["rows"]) if TITLE in line)
                column = screen["rows"][row].index(TITLE)
                shot_data = await browser.call("Page.captureScreenshot", format="png")
                shot = base64.b64decode(shot_data["data"])
                (tmp_path / "browser.png").write_bytes(shot)
                if _glyphs_drawn(shot, screen, row, column, len(TITLE)):
                    break
            assert time.monotonic() < deadline, f"not on screen; the terminal showed:\n{text}"
            await asyncio.sleep(0.25)
        # The check can fail: a stretch of the same column with no text shows no glyphs.
        blank = next(
            y
            for y, line in enumerate(screen["rows"])
            if y > row and not line[column : column + len(TITLE)].strip()
        )
        assert not _glyphs_drawn(shot, screen, blank, column, len(TITLE))
