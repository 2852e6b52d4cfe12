"""The examples in the engine's docstrings are true."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import diffreader.engine
import diffreader.render
import diffreader.review

MODULES = sorted(
    f"diffreader.engine.{info.name}" for info in pkgutil.iter_modules(diffreader.engine.__path__)
)
PURE = sorted(
    f"{package.__name__}.{info.name}"
    for package in (diffreader.render, diffreader.review)
    for info in pkgutil.iter_modules(package.__path__)
)
"""The presentation layer and the review model: pure too, with examples."""


@pytest.mark.parametrize("name", MODULES + PURE)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_the_engine_has_examples() -> None:
    counted = sum(doctest.testmod(importlib.import_module(name)).attempted for name in MODULES)
    assert counted >= 20
