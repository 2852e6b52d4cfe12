"""Provides fixtures shared by every test: an isolated data dir, config file and colour setting."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# The suite runs on every core at once (pytest-xdist), beside whatever else the machine
# runs: a per-example deadline would then measure the load, not the code, and fail at
# random. Speed is measured by benchmarks/, not by the property tests.
settings.register_profile("diffreader", deadline=None)
settings.load_profile("diffreader")

DEMO = Path(__file__).resolve().parents[1] / "src" / "diffreader" / "demo"
"""The bundled demo corpus (the main test fixture)."""

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "sample"
"""The sample corpus beside the repository (``../shared``); tests skip when it is absent."""


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep every test away from the user's data, config and colour preferences."""
    data = tmp_path / "diffreader-data"
    monkeypatch.setenv("DIFFREADER_DATA_DIR", str(data))
    monkeypatch.setenv("DIFFREADER_CONFIG", str(tmp_path / "diffreader-config.toml"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield


@pytest.fixture
def demo() -> Path:
    """The folder of the bundled demo corpus."""
    return DEMO


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Counts the forks made (the pids of the children), for the fork-join tests."""
    made: list[int] = []
    real_fork = os.fork

    def counting_fork() -> int:
        pid = real_fork()
        if pid:
            made.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counting_fork)
    yield made
