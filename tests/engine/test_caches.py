"""The engine's caches emptied (``caches.forget``, as the command line does before writing)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from diffreader.engine import caches, compare, text
from diffreader.engine.load import documents_from_texts

DEMO = Path(__file__).resolve().parents[2] / "src" / "diffreader" / "demo"


def _engine_caches() -> list[Any]:
    return [text.sentence_tokens, text.content_stems, text.token_key, text.stem]


def test_forget_empties_the_caches_and_the_next_comparison_is_the_same() -> None:
    a = (DEMO / "00_original.txt").read_text(encoding="utf-8")
    b = (DEMO / "02_rewrite_contentfarm.txt").read_text(encoding="utf-8")
    first = compare(*documents_from_texts([a, b]))
    assert all(cache.cache_info().currsize > 0 for cache in _engine_caches())
    held = sum(cache.cache_info().currsize for cache in _engine_caches())
    assert caches.forget() >= held
    assert all(cache.cache_info().currsize == 0 for cache in _engine_caches())
    assert caches.forget() == 0  # nothing left to drop
    again = compare(*documents_from_texts([a, b]))
    assert again == first
