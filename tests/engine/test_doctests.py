"""The examples in the engine's docstrings are true."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import diffreader.engine

MODULES = sorted(
    f"diffreader.engine.{info.name}" for info in pkgutil.iter_modules(diffreader.engine.__path__)
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_the_engine_has_examples() -> None:
    counted = sum(doctest.testmod(importlib.import_module(name)).attempted for name in MODULES)
    assert counted >= 20
