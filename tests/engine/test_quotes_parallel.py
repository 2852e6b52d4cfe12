"""The quotation checks split over processes give the serial result (engine/quotes.py).

Split, B's quotations are read in a child process, which leaves out the words of those in
identical aligned pairs (the search reads those it needs itself), and the searches and the
diffs run in ranges. Articles dense with quotations, kept, altered, rewritten, dropped and
added, are checked both ways: the split result equals the serial one.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diffreader.engine import align_pair, document_from_text, parallel, quotes
from diffreader.engine.model import Document, Pair, Quote

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="forks only on Linux")

WORDS = "bridge harbour road close repair fund we will never the of and it is our town".split()
NAMES = ["Ada Lind", "Bo Varga", "Cy Moss", "Di Hart"]

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=9)
# What the rewrite does to each quotation: keep it, change one word, say something else,
# drop it, or add a new one after it.
edits = st.sampled_from(["keep", "keep", "alter", "rewrite", "drop", "add"])
quotation = st.tuples(words, st.sampled_from(NAMES), edits, words)


def _sentence(said: list[str], name: str) -> str:
    return f"{name} said the plan was “{' '.join(said).capitalize()}”."


def _articles(paragraphs: list[list[tuple[list[str], str, str, list[str]]]]) -> tuple[str, str]:
    """An original and its rewrite, paragraph by paragraph."""
    a_paragraphs: list[str] = []
    b_paragraphs: list[str] = []
    for paragraph in paragraphs:
        a: list[str] = []
        b: list[str] = []
        for said, name, edit, other in paragraph:
            a.append(_sentence(said, name))
            if edit == "keep":
                b.append(_sentence(said, name))
            elif edit == "alter":
                b.append(_sentence([*said[:-1], other[0]], name))
            elif edit == "rewrite":
                b.append(_sentence(other, name))
            elif edit == "add":
                b += [_sentence(said, name), _sentence(other, NAMES[0])]
        a_paragraphs.append(" ".join(a))
        b_paragraphs.append(" ".join(b) or "The council met.")
    return "\n\n".join(a_paragraphs), "\n\n".join(b_paragraphs)


articles = st.lists(st.lists(quotation, min_size=1, max_size=4), min_size=2, max_size=8).map(
    _articles
)


@pytest.fixture
def split_finely(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """Every part of the quotation checks split over two processes, however small (the
    same settings for every example of a property)."""
    monkeypatch.setenv("DIFFREADER_JOBS", "2")
    monkeypatch.setattr(parallel, "MIN_WEIGHT", 1)
    monkeypatch.setattr(quotes, "_MIN_WORDS_A_PROCESS", 1)
    monkeypatch.setattr(quotes, "_MIN_QUOTATIONS_A_PROCESS", 1)
    monkeypatch.setattr(quotes, "_MIN_MARKS_A_PROCESS", 1)
    yield monkeypatch


def _aligned(a: str, b: str) -> tuple[Document, Document, list[Pair]]:
    doc_a, doc_b = document_from_text(a), document_from_text(b)
    return doc_a, doc_b, list(align_pair(doc_a, doc_b).pairs)


def _serially(
    monkeypatch: pytest.MonkeyPatch, doc_a: Document, doc_b: Document, pairs: list[Pair]
) -> list[Quote]:
    with monkeypatch.context() as serial:
        serial.setenv("DIFFREADER_JOBS", "1")
        return quotes.check_quotes(doc_a, doc_b, pairs)


# The fixture only sets how finely to split, the same for every example.
_PROPERTY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_PROPERTY
@given(articles)
def test_split_quotation_checks_equal_the_serial_ones(
    split_finely: pytest.MonkeyPatch, pair: tuple[str, str]
) -> None:
    doc_a, doc_b, pairs = _aligned(*pair)
    for x, y in ((doc_a, doc_b), (doc_b, doc_a)):
        aligned = pairs if x is doc_a else list(align_pair(x, y).pairs)
        expected = _serially(split_finely, x, y, aligned)
        assert quotes.check_quotes(x, y, aligned) == expected


def test_a_quotation_of_an_identical_sentence_at_no_place_of_a_has_its_words_read(
    split_finely: pytest.MonkeyPatch,
) -> None:
    """The child leaves out the words of B's quotations in identical aligned pairs; one of
    them with no quotation of A at its place (A's straight quotes pair up differently over
    the paragraph) has its words read by the search, as serially, and is reported."""
    a = 'Ada Lind said "we will fund the road. The bridge "is our town" at last.'
    b = 'Ada Lind said we will fund the road. The bridge "is our town" at last.'
    doc_a, doc_b, pairs = _aligned(a, b)
    assert any(p.status.value == "same" and p.b == (1,) for p in pairs)
    _, (b_found, b_spoken) = quotes._quotations_of(doc_a, doc_b, pairs)
    assert b_spoken is not None
    assert [
        (doc_b.text[f.start : f.end], spoken) for f, spoken in zip(b_found, b_spoken, strict=True)
    ] == [("is our town", None)]
    split = quotes.check_quotes(doc_a, doc_b, pairs)
    assert split == _serially(split_finely, doc_a, doc_b, pairs)
    # Reported (a quotation without words is not), against A's open quotation.
    assert [q.text for q in split if q.side.value == "b"] == ["is our town"]


@pytest.mark.parametrize("processes", ["2", "3"])
def test_a_refrain_searched_in_ranges_equals_the_serial_result(
    split_finely: pytest.MonkeyPatch, processes: str
) -> None:
    """The search runs in ranges, each holding a share of both sides' quotations: a
    refrain repeated through both articles, some of its repetitions kept in place, moved,
    cut short or new, relates the same quotations."""
    split_finely.setenv("DIFFREADER_JOBS", processes)
    said = ["“Not here, not now,” she said.", "“Not here,” he said.", "“Not now, never,” I said."]
    a = [f"Item {n} was listed. {said[n % 3 == 0]}" for n in range(60)]
    b = [f"Item {n} was listed. {said[(n % 5 == 0) * 2]}" for n in range(3, 70)]
    doc_a, doc_b, pairs = _aligned("\n\n".join(a), "\n\n".join(b))
    for x, y in ((doc_a, doc_b), (doc_b, doc_a)):
        aligned = pairs if x is doc_a else list(align_pair(x, y).pairs)
        expected = _serially(split_finely, x, y, aligned)
        assert quotes.check_quotes(x, y, aligned) == expected
        # Never said in A: new one way, dropped the other.
        assert {q.status.value for q in expected} >= {
            "verbatim",
            "new" if x is doc_a else "dropped",
        }
