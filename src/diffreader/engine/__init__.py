"""Provides the comparison engine: stdlib, diff-match-patch, punkt and rapidfuzz only.

Never imports textual or rich (checked by import-linter and tests/test_import_hygiene.py).

API:
    load_document(path) -> Document        read and decode a file (raises LoadError)
    document_from_text(text, path=None)    segment an already-decoded text
    compare(a, b) -> Comparison            the one call the CLI and reports make
    align_pair(a, b) / annotate(c)         compare in two halves (a reader shows the first early)
"""

from __future__ import annotations

from diffreader.engine.compare import align_pair, annotate, compare
from diffreader.engine.load import LoadError, document_from_text, load_document
from diffreader.engine.model import (
    Claim,
    ClaimCategory,
    ClaimKind,
    Comparison,
    Document,
    Op,
    Pair,
    Quote,
    QuoteStatus,
    Sentence,
    SentenceKind,
    Side,
    Span,
    Stats,
    Status,
    WordOp,
)

__all__ = [
    "Claim",
    "ClaimCategory",
    "ClaimKind",
    "Comparison",
    "Document",
    "LoadError",
    "Op",
    "Pair",
    "Quote",
    "QuoteStatus",
    "Sentence",
    "SentenceKind",
    "Side",
    "Span",
    "Stats",
    "Status",
    "WordOp",
    "align_pair",
    "annotate",
    "compare",
    "document_from_text",
    "load_document",
]
