"""The claims' and substitutions' shortcuts (issue 10, defect 3) against the plain
definitions they stand for: the same answers, found with less work."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from hypothesis import given, settings
from hypothesis import strategies as st

from diffreader.engine.claims import (
    _changed_clauses,
    _changed_words,
    _clause_spans,
    _LocalSupport,
    _Mask,
    _may_inform,
    _may_net,
)
from diffreader.engine.load import document_from_text
from diffreader.engine.substitutions import _number_of
from diffreader.engine.text import is_word, tokenize

_PIECES = st.sampled_from(
    [
        "the",
        "council",
        "said",
        "Lund",
        "and",
        "but",
        "4,300",
        "12",
        "10:30",
        "18.4%",
        "$",
        "per",
        "cent",
        "budget",
        "of",
        ",",
        ";",
        "(",
        ")",
        "—",
        "-",
        ":",
    ]
)


@st.composite
def _sentence_and_runs(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    """A sentence of words, figures and clause marks, and changed runs over it (any
    character spans, overlapping or not, as a word diff's runs are before merging)."""
    words = draw(st.lists(_PIECES, min_size=1, max_size=30))
    text = "A " + " ".join(words) + "."
    runs = draw(
        st.lists(
            st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(sorted),
            max_size=8,
        )
    )
    return text, [(s, e) for s, e in runs]


class _Counter:
    """A judge that counts the words it is given (a stand-in for ``_LocalSupport``)."""

    def count(self, keys: Iterable[str]) -> int:
        return len(list(keys))


@settings(max_examples=300, deadline=None)
@given(_sentence_and_runs())
def test_changed_clauses_are_their_definition(case: tuple[str, list[tuple[int, int]]]) -> None:
    # Per clause: the word tokens a changed run overlaps (by tokenize's tokens, one test
    # per token), their span and bound, and, once judged, the clause's words.
    text, runs = case
    doc = document_from_text(text)
    assert len(doc.sentences) == 1
    sentence = doc.sentences[0]
    tokens = [t for t in tokenize(sentence.text, sentence.start)]
    changed = [
        i
        for i, t in enumerate(tokens)
        if is_word(t.key) and any(t.start < e and s < t.end for s, e in runs if e > s)
    ]
    expected = []
    for c_start, c_end in _clause_spans(doc.text, sentence.start, sentence.end):
        in_clause = [i for i in changed if c_start <= tokens[i].start < c_end]
        if not in_clause:
            continue
        words = tuple(t.key for t in tokens if c_start <= t.start < c_end and is_word(t.key))
        expected.append(
            (
                tokens[in_clause[0]].start,
                tokens[in_clause[-1]].end,
                sum(_may_inform(tokens[i].key) for i in in_clause),
                len(in_clause),
                words,
                tuple(tokens[i].start for i in in_clause),
            )
        )
    judge = cast(_LocalSupport, _Counter())
    # The sentence's changed words say whether it has a changed clause, and bound them all.
    words = _changed_words(doc, 0, _Mask(runs))
    drafts = _changed_clauses(doc, 0, _Mask(runs))
    assert (words is None) == (not drafts)
    if words is not None:
        assert words.changed == changed
        informative = sum(_may_inform(tokens[i].key) for i in changed)
        assert words.may_net() == (informative >= 3)
        assert all(d.bound <= informative for d in drafts)
    found = []
    for draft in drafts:
        clause = draft.judged(judge)
        found.append(
            (draft.first, draft.last, draft.bound, clause.informative, clause.words, clause.changed)
        )
    assert found == expected


@settings(max_examples=400, deadline=None)
@given(_sentence_and_runs())
def test_the_netting_gate_is_its_definition(case: tuple[str, list[tuple[int, int]]]) -> None:
    # ``_may_net`` says whether some clause's bound reaches three without cutting the
    # sentence into clauses: it must agree with the drafts that cutting gives.
    text, runs = case
    doc = document_from_text(text)
    words = _changed_words(doc, 0, _Mask(runs))
    found = [] if words is None else [words]
    drafts = _changed_clauses(doc, 0, _Mask(runs))
    assert _may_net(doc, found) == any(d.bound >= 3 for d in drafts)


@given(st.text(st.characters(categories=["Nd"]), min_size=1, max_size=12))
def test_a_key_of_digits_is_its_own_value(key: str) -> None:
    # ``_quantities`` reads such a key with ``float`` rather than ``_number_of``.
    assert float(key) == _number_of(key)
