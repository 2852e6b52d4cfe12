"""Provides the corpus model: loading a folder of articles and ranking them (no widgets).

``scan(folder)`` lists candidate files; ``load_article(path)`` loads one, never raising:
an unreadable file becomes an ``Article`` with ``error`` set, so the list can show why.
Both run in the corpus screen's worker thread.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from diffreader.tui.similarity import term_counts
from diffreader.tui.textutil import display_text, document_label

if TYPE_CHECKING:
    from diffreader.engine.model import Document

__all__ = ["Article", "load_article", "scan"]


@dataclass(slots=True)
class Article:
    """One file of the corpus, loaded or refused."""

    path: Path
    doc: Document | None = None
    error: str | None = None
    """Why the file cannot be read (``None`` when ``doc`` is set)."""
    counts: Counter[str] = field(default_factory=Counter)
    words: int = 0
    haystack: str = ""
    """Lowercased title + text, for the incremental filter."""
    text_hash: str = ""
    """``review.text_hash`` of the text: finds the article's stored reviews."""

    @property
    def key(self) -> str:
        return str(self.path)

    @property
    def title(self) -> str:
        """Display title (literal, one line)."""
        if self.doc is None:
            return display_text(self.path.name)[0]
        return document_label(self.doc)

    @property
    def date(self) -> str:
        return (self.doc.date if self.doc else None) or ""


def scan(folder: Path) -> list[Path]:
    """Candidate article files in ``folder`` (not recursive), by name.

    Hidden files, README files (they describe the folder) and folders are left out. A
    candidate that turns out to be binary, unreadable, not a regular file (a FIFO, a
    device), a broken link or a link loop is still listed, with the reason.
    """
    # Here, not at the top: the engine loads in this worker, after the first frame.
    from diffreader.engine.load import ARTICLE_SUFFIXES

    return sorted(
        (
            p
            for p in folder.iterdir()
            if not p.name.startswith(".")
            and not p.name.lower().startswith("readme")
            and p.suffix.lower() in ARTICLE_SUFFIXES
            and not p.is_dir()
        ),
        key=lambda p: p.name.casefold(),
    )


def load_article(path: Path) -> Article:
    """Load one file; problems become ``Article.error`` instead of exceptions."""
    from diffreader.engine import LoadError, load_document
    from diffreader.review import text_hash

    try:
        doc = load_document(path)
    except LoadError as error:
        # The reason alone: the list, the preview and the warnings show the name beside it.
        return Article(path, error=error.reason or "cannot be read")
    except (OSError, ValueError) as error:
        return Article(path, error=f"cannot be read: {error}")
    counts = term_counts(doc.text)
    title = (doc.title or "").lower()
    return Article(
        path,
        doc,
        None,
        counts,
        len(doc.text.split()),
        f"{title}\n{doc.text.lower()}",
        text_hash(doc.text),
    )
