"""Provides the app-level messages (dataclasses, as in toolong); widget messages are nested."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from diffreader.engine.model import Document
    from diffreader.tui.rows import DiffModel

__all__ = ["CompareRequested", "ComparisonFailed", "ComparisonReady"]


@dataclass
class CompareRequested(Message):
    """The corpus screen asks for the diff of two loaded articles."""

    a: Document
    b: Document


@dataclass
class ComparisonReady(Message):
    """The worker finished ``compare`` and built the display model."""

    model: DiffModel
    seconds: float
    """Wall time of loading, comparing and building the model."""


@dataclass
class ComparisonFailed(Message):
    """Loading or comparing failed; ``reason`` is one line for the user."""

    reason: str
