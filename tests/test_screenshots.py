"""Tests of ``scripts/screenshots.py``: the README's SVGs render without the web font."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from diffreader.tui.app import DiffReaderApp

ROOT = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "screenshots", ROOT / "scripts" / "screenshots.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("screenshots", module)
    spec.loader.exec_module(module)
    return module


async def _exported() -> str:
    app = DiffReaderApp(corpus=ROOT / "src" / "diffreader" / "demo")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        return app.export_screenshot()


async def test_portable_svg_keeps_spaces_and_falls_back_to_local_fonts() -> None:
    raw = await _exported()
    assert "&#160;" in raw and "Fira Code, monospace" in raw  # what Textual writes today
    svg = _script().portable_svg(raw)
    assert "&#160;" not in svg
    assert svg.startswith('<svg xml:space="preserve" ')
    assert "text { white-space: pre; }" in svg  # browsers keep the spaces too
    assert '"DejaVu Sans Mono", "Liberation Mono"' in svg
    assert not re.search(r"url\(\"https?://", svg), "no font is fetched from the web"
    # Only spaces changed: the text of the screen is the same.
    assert svg.count("<text") == raw.count("<text")


@pytest.mark.skipif(shutil.which("rsvg-convert") is None, reason="rsvg-convert is not installed")
def test_committed_screenshots_render_with_rsvg(tmp_path: Path) -> None:
    shots = sorted((ROOT / "screenshots").glob("*.svg"))
    assert {p.name for p in shots} >= {"corpus.svg", "diff.svg", "review.svg", "help.svg"}
    for shot in shots:
        text = shot.read_text(encoding="utf-8")
        assert "&#160;" not in text and 'xml:space="preserve"' in text, shot
        png = tmp_path / (shot.stem + ".png")
        subprocess.run(["rsvg-convert", "-o", str(png), str(shot)], check=True, timeout=60)
        assert png.stat().st_size > 10_000, shot
