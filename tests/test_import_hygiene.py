"""Checks that the engine, storage and the printing command line never import the UI.

import-linter checks the static import graph; these tests check what a real process
loads, which also catches imports hidden in functions run on the print path.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

UI_MODULES = ("textual", "rich", "diffreader.tui")


def _loaded_after(code: str, *args: str) -> list[str]:
    """Run ``code`` in a fresh interpreter; return which UI modules it loaded."""
    probe = (
        f"{code}\nimport json, sys\n"
        f"print(json.dumps(sorted(m for m in sys.modules "
        f"if m.split('.')[0] in {UI_MODULES!r} or m.startswith('diffreader.tui'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    loaded: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return loaded


def _submodules(package: str) -> list[str]:
    root = Path(__file__).resolve().parents[1] / "src" / Path(*package.split("."))
    names = [package]
    for path in sorted(root.rglob("*.py")):
        if path.name == "__init__.py":
            continue
        relative = path.relative_to(root).with_suffix("")
        names.append(".".join((package, *relative.parts)))
    return names


def test_engine_and_storage_never_import_the_ui() -> None:
    modules = [
        *_submodules("diffreader.engine"),
        *_submodules("diffreader.storage"),
        *_submodules("diffreader.review"),
        *_submodules("diffreader.render"),
    ]
    code = "\n".join(f"import {name}" for name in modules)
    assert _loaded_after(code) == []


def test_cli_and_output_modules_import_no_ui() -> None:
    assert _loaded_after("import diffreader, diffreader.cli, diffreader.render") == []


def test_printing_a_comparison_never_imports_textual(demo: Path) -> None:
    code = (
        "import contextlib, io, sys\n"
        "from diffreader.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    status = main(sys.argv[1:])\n"
        "assert status in (0, 1), status\n"
    )
    a, b = str(demo / "00_original.txt"), str(demo / "02_rewrite_contentfarm.txt")
    for fmt in ("json", "text", "markdown"):
        assert _loaded_after(code, a, b, "--format", fmt) == [], fmt
