"""Provides the multi-version fixtures: a short article of our own and its versions."""

from __future__ import annotations

from pathlib import Path

from diffreader.engine import Document, compare, load_document
from diffreader.versions import Collation

DATA = Path(__file__).resolve().parent / "data"
"""``original.txt``, its versions ``v1.txt`` … ``v3.txt``, and ``same.txt`` (its copy)."""


def fixture_docs() -> tuple[Document, list[Document]]:
    """The fixture original and its versions v1, v2, v3."""
    original = load_document(DATA / "original.txt")
    return original, [load_document(DATA / f"v{i}.txt") for i in (1, 2, 3)]


def claim_signature(c: Collation, version: int) -> list[tuple[object, ...]]:
    """What the collation says version ``version``'s claims are, sorted."""
    return sorted(
        (g.kind, m.category, m.side, m.start, m.end, m.text)
        for g in c.claims
        for m in g.members
        if m.version == version
    )


def pairwise_claims(original: Document, version: Document) -> list[tuple[object, ...]]:
    """The pair engine's claims of (original, version), sorted."""
    return sorted(
        (x.kind, x.category, x.side, x.start, x.end, x.text)
        for x in compare(original, version).claims
    )
