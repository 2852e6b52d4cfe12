"""The quotation checks split over processes give the serial result (engine/quotes.py).

Split, the read of B's quotations leaves out the words of those in identical aligned pairs,
and the altered search makes ahead the word diffs of the links and leftovers the matching is
sure to relate. Articles dense with quotations, kept, altered, rewritten, dropped and added,
are checked both ways: the split result equals the serial one, and every diff made ahead is
the plain diff of a quotation the matching relates (none is made for nothing).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diffreader.engine import align_pair, document_from_text, parallel, quotes
from diffreader.engine.model import Document, Pair, Quote, QuoteStatus

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


@_PROPERTY
@given(articles)
def test_every_diff_made_ahead_is_the_plain_diff_of_a_related_quotation(
    split_finely: pytest.MonkeyPatch, pair: tuple[str, str]
) -> None:
    doc_a, doc_b, pairs = _aligned(*pair)
    seen: list[tuple[dict[int, quotes._Link], quotes._Diffs]] = []
    plain_altered_ops = quotes._altered_ops

    def spying(
        doc_a: Document,
        doc_b: Document,
        b_found: list[quotes.Found],
        links: dict[int, quotes._Link],
        diffs: quotes._Diffs,
    ) -> dict[int, tuple[quotes.WordOp, ...]]:
        seen.append((dict(links), dict(diffs)))
        return plain_altered_ops(doc_a, doc_b, b_found, links, diffs)

    with split_finely.context() as spied:
        spied.setattr(quotes, "_altered_ops", spying)
        split = quotes.check_quotes(doc_a, doc_b, pairs)
    assert split == _serially(split_finely, doc_a, doc_b, pairs)
    b_found = quotes.find_quotations(doc_b)
    (links, diffs), *_ = seen
    for (source, j), ops in diffs.items():
        link = links[j]
        assert link.status is QuoteStatus.ALTERED
        assert link.source == source
        assert ops == quotes._quote_diff(doc_a, doc_b, source, b_found[j])


def test_the_rewrites_of_the_examples_are_diffed_ahead(split_finely: pytest.MonkeyPatch) -> None:
    """The property above is not empty: a rewrite with altered and rewritten quotations
    has both kinds of diffs made ahead, and its checks equal the serial ones."""
    original = [
        [(["we", "will", "repair", "the", "road"], NAMES[0], "alter", ["bridge"])],
        [(["the", "harbour", "is", "our", "town"], NAMES[1], "rewrite", ["never", "close", "it"])],
        [(["fund", "the", "bridge", "and", "road"], NAMES[2], "keep", ["it"])],
    ]
    doc_a, doc_b, pairs = _aligned(*_articles(original))
    made: list[quotes._Diffs] = []
    plain_altered_links = quotes._altered_links

    def spying(*args: Any) -> tuple[list[quotes._Link], quotes._Diffs]:
        found = plain_altered_links(*args)
        made.append(found[1])
        return found

    with split_finely.context() as spied:
        spied.setattr(quotes, "_altered_links", spying)
        split = quotes.check_quotes(doc_a, doc_b, pairs)
    assert split == _serially(split_finely, doc_a, doc_b, pairs)
    (diffs,) = made
    leftover_source = next(
        (f.start, f.end)
        for f in quotes.find_quotations(doc_a)
        if "harbour" in doc_a.text[f.start : f.end]
    )
    assert any(source == leftover_source for source, _ in diffs)  # the rewritten one
    assert len(diffs) == 2
    assert [q.status for q in split if q.side.value == "b"].count(QuoteStatus.ALTERED) == 2
