"""The writers' group weights made at once (``span_weights``) are ``span_weight``'s."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from diffreader.engine.model import Document, Sentence
from diffreader.render.ranges import span_weight, span_weights


@st.composite
def _documents_and_spans(draw: st.DrawFn) -> tuple[Document, list[tuple[int, ...]]]:
    lengths = draw(st.lists(st.integers(0, 30), min_size=1, max_size=12))
    sentences = []
    at = 0
    for number, length in enumerate(lengths):
        sentences.append(Sentence(number, at, at + length, "x" * length, 0))
        at += length + draw(st.integers(0, 3))
    ids = st.integers(-len(sentences), len(sentences) - 1)
    # Groups' sides: none, one sentence, neighbours, sentences lying apart.
    spans = draw(st.lists(st.lists(ids, max_size=4, unique=True).map(tuple), max_size=10))
    return Document("x" * at, tuple(sentences)), spans


@given(_documents_and_spans())
def test_span_weights_are_each_span_weight(found: tuple[Document, list[tuple[int, ...]]]) -> None:
    doc, spans = found
    assert span_weights(doc, spans) == [span_weight(doc, ids) for ids in spans]
