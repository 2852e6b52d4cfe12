"""Provides the app-level messages (dataclasses, as in toolong); widget messages are nested."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from diffreader.engine.model import Document
    from diffreader.storage.review import ReviewSession
    from diffreader.tui.rows import DiffModel
    from diffreader.tui.widgets.side_panel import PanelContents

__all__ = [
    "CompareRequested",
    "ComparisonFailed",
    "ComparisonProgress",
    "ComparisonReady",
    "ReviewSaved",
]


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
    review: ReviewSession | None = None
    """The pair's review, loaded (or created) in the same worker."""
    review_messages: list[str] = field(default_factory=list)
    """What loading the review has to say (a corrupt file set aside, marks carried over)."""
    partial: bool = False
    """Only the alignment and word diff of a long pair: claims and quotations follow."""
    panel: PanelContents | None = None
    """The side panel's entries, made in the worker for a long pair (or ``None``)."""


@dataclass
class ComparisonFailed(Message):
    """Loading or comparing failed; ``reason`` is one line for the user."""

    reason: str


@dataclass
class ComparisonProgress(Message):
    """The comparison worker started a stage; ``stage`` says which, for the user."""

    stage: str
    """What the worker is doing now ("Aligning sentences…")."""


@dataclass
class ReviewSaved(Message):
    """A diff screen saved its review: a save can finish after the screen was closed, when
    the corpus screen below has already read its review figures (they are read again)."""
