"""The examples in the docstrings of every module of the package are true.

Every module is imported (``__main__`` excepted: running it is its purpose), so this also
checks that importing any module has no side effect: nothing is written, no process or
thread is started (see ``test_importing_every_module_has_no_side_effects``).
"""

from __future__ import annotations

import doctest
import importlib
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import diffreader

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(diffreader.__path__, prefix="diffreader.")
    if not info.name.endswith(".__main__")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} failing example(s) in {name} (output above)"


def test_the_package_has_examples() -> None:
    def attempted(prefix: str) -> int:
        return sum(
            doctest.testmod(importlib.import_module(name)).attempted
            for name in MODULES
            if name.startswith(prefix)
        )

    assert attempted("diffreader.engine.") >= 20
    assert attempted("diffreader.tui.") >= 5
    assert {"diffreader.tui.textutil", "diffreader.tui.app", "diffreader.cli"} <= set(MODULES)


def test_importing_every_module_has_no_side_effects(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "DIFFREADER_DATA_DIR": str(tmp_path / "data"),
        "DIFFREADER_CONFIG": str(tmp_path / "config.toml"),
    }
    code = (
        "import importlib, sys, threading\n"
        f"for name in {MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "assert threading.active_count() == 1, threading.enumerate()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]
    assert list(home.iterdir()) == []
