"""The claims' and substitutions' shortcuts (issue 10, defect 3) against the plain
definitions they stand for: the same answers, found with less work."""

from __future__ import annotations

import pickle
import re
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise
from types import SimpleNamespace
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffreader.engine import claims
from diffreader.engine.claims import (
    _changed_clauses,
    _changed_words,
    _clause_spans,
    _LocalSupport,
    _Mask,
    _may_inform,
    _may_net,
)
from diffreader.engine.compare import align_pair
from diffreader.engine.load import document_from_text
from diffreader.engine.model import Claim, Comparison, Document, Status
from diffreader.engine.quotes import check_quotes
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


@settings(max_examples=400)
@given(st.text(st.sampled_from("19,,٣.x"), min_size=1, max_size=10))
def test_a_key_of_digits_and_commas_reads_as_number_of_reads_it(key: str) -> None:
    # ``_quantities`` reads a key of digits and commas ("4,300") itself, as
    # ``_number_of``'s third test does, when the key has no leading or doubled comma.
    plain = key.replace(",", "")
    if plain.isdecimal() and key[0] != "," and ",," not in key:
        assert float(plain) == _number_of(key)


_ARTICLE_SENTENCES = st.sampled_from(
    [
        "The council approved 40 new homes on Tuesday.",
        "The council did not approve 45 new homes on Monday.",
        '"We will build them," said Mayor Ann Lee.',
        '"We might build them," said former mayor Ann Lee.',
        "Prices rose 3% in March, up from 2.5% in February, at a cost of $4.5 million.",
        "Prices fell 4% in April, at a cost of $6 million, said Lund.",
        "Residents in Leeds objected.",
        "Residents in York welcomed the plan over two years, and the bridge.",
    ]
)

_ARTICLES = st.lists(st.lists(_ARTICLE_SENTENCES, min_size=1, max_size=4), min_size=1, max_size=6)
"""Articles: paragraphs of sentences."""


def _aligned(a: list[list[str]], b: list[list[str]]) -> Comparison:
    """The aligned pair of two articles of paragraphs of sentences."""
    return align_pair("\n\n".join(" ".join(p) for p in a), "\n\n".join(" ".join(p) for p in b))


@settings(max_examples=40, deadline=None)
@given(_ARTICLES, _ARTICLES)
def test_claims_cross_from_a_child_as_they_were_found(
    a: list[list[str]], b: list[list[str]]
) -> None:
    # A child process sends its range's claims as six integers each (``_encode_found``):
    # the parent's ``_decode_found`` must rebuild each claim exactly as it was found.
    aligned = _aligned(a, b)
    ranges: list[list[Claim]] = []

    def round_trip(
        task: Callable[[int, int], Any],
        bounds: Sequence[int],
        encode: Callable[[list[Claim]], object],
        decode: Callable[[Any], list[Claim]],
        resumable: bool = False,
    ) -> list[list[Claim]]:
        found = [task(lo, hi) for lo, hi in pairwise(bounds)]
        if resumable:  # the claims' (items, where they stopped): here, never early
            assert [reached for _, reached in found] == bounds[1:]
            found = [items for items, _ in found]
        for part in found:
            assert decode(pickle.loads(pickle.dumps(encode(part)))) == part
            if encode is claims._encode_found:  # (the other fork-join is the indexes')
                # None is nested yet: ``_nest`` comes after, and sets their parents here.
                assert all(c.parent == -1 for c in part)
                ranges.append(part)
        return found

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(claims.parallel, "fork_map", round_trip)
        patch.setattr(claims.parallel, "jobs", lambda **_: 1)
        claims.find_claims(
            aligned.a, aligned.b, aligned.pairs, check_quotes(aligned.a, aligned.b, aligned.pairs)
        )
    assert ranges


def _number_by_pattern(key: str) -> float | None:
    """``_number_of``'s reading of a figure, by its pattern alone (no shortcut)."""
    digits = re.match(r"\d+(?:[.,]\d+)*", key)
    if not digits:
        return None
    try:
        return float(digits.group().replace(",", ""))
    except ValueError:
        return None


@settings(max_examples=400)
@given(st.text(st.sampled_from("19,,.%٣"), min_size=1, max_size=10))
def test_a_figure_with_commas_reads_as_its_pattern_says(key: str) -> None:
    # ``_number_of`` reads a key of digits and commas ("4,300") without its pattern.
    assert _number_of(key) == _number_by_pattern(key)


_STEM_WORDS = st.sampled_from(
    ["bridge", "bridges", "council", "Lund", "ferry", "4,300", "harbour", "rain", "the", "of"]
)
_ASKED_STEMS = st.sampled_from(
    ["bridg", "bridge", "council", "counci", "lund", "ferry", "4,300", "300", "harbour", "rain"]
)


_PARAGRAPHS = st.lists(
    st.lists(st.lists(_STEM_WORDS, min_size=1, max_size=5), min_size=1, max_size=3),
    min_size=1,
    max_size=6,
)
"""Paragraphs of sentences of words."""
_ASKED = st.lists(st.one_of(_ASKED_STEMS, st.text(" abdegru", max_size=4)), max_size=8)


@settings(max_examples=150, deadline=None)
@given(_PARAGRAPHS, _ASKED)
def test_the_paragraphs_of_a_stem_are_those_whose_stems_hold_it(
    paragraphs: list[list[list[str]]], asked: list[str]
) -> None:
    from diffreader.engine.claims import _StemIndex

    # Paragraphs of sentences of words (some all stopwords: no stems); ``paragraphs``
    # searches one string of every paragraph's stems, or indexes them all (a small
    # vocabulary, or after many searches): either way the paragraphs whose stems hold the
    # word, in order, each once, and none for a part of a stem, a space or nothing.
    text = "\n\n".join(" ".join(" ".join(s) + "." for s in p) for p in paragraphs)
    doc = document_from_text(text)
    searching, indexed, plain = _StemIndex(doc, 10**9), _StemIndex(doc, 0), _StemIndex(doc)
    switching = _StemIndex(doc, 10**9)  # searches, then indexes half-way
    numbers = sorted({s.paragraph for s in doc.sentences})
    for i, word in enumerate(asked):
        expected = [p for p in numbers if word in plain.paragraph(p)]
        assert searching.paragraphs(word) == expected
        assert searching.paragraphs(word) == expected  # remembered
        assert indexed.paragraphs(word) == expected
        if i == len(asked) // 2 and switching._joined is not None:
            switching._index()
        assert switching.paragraphs(word) == expected
    assert searching._by_stem is None
    assert indexed._by_stem is not None or not any(w and " " not in w for w in asked)


@settings(max_examples=150, deadline=None)
@given(_PARAGRAPHS, _ASKED, st.sampled_from([hash, len, lambda word: 7]))
def test_a_large_vocabularys_column_finds_the_paragraphs_the_search_finds(
    paragraphs: list[list[list[str]]], asked: list[str], hashed: Callable[[str], int]
) -> None:
    from diffreader.engine.claims import _StemIndex

    # An article of more distinct stems than ``_LISTED_STEMS`` is indexed in a column of
    # hashes: the same paragraphs as a search, in order, each once, also when stems share
    # a hash (by length, or all one), which the column must tell apart.
    text = "\n\n".join(" ".join(" ".join(s) + "." for s in p) for p in paragraphs)
    doc = document_from_text(text)
    searching, column = _StemIndex(doc, 10**9), _StemIndex(doc, 10**9)
    column._join()
    saved = claims._hash
    claims._hash = hashed
    try:
        column._index()
        assert column._column is not None and column._by_stem is None
        for word in asked:
            assert column.paragraphs(word) == searching.paragraphs(word)
            assert column.paragraphs(word) == searching.paragraphs(word)  # remembered
    finally:
        claims._hash = saved


def _union(spans: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The starts and ends of the union of ``spans``, merged one by one (no shortcut)."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [m[0] for m in merged], [m[1] for m in merged]


_SPANS = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=8)


@settings(max_examples=400)
@given(_SPANS | _SPANS.map(lambda spans: sorted(set((s, s + 1 + e % 3) for s, e in spans))))
def test_a_mask_is_the_union_of_its_spans(spans: list[tuple[int, int]]) -> None:
    # Runs in order and apart (a word diff's) are their own union, taken as they are.
    mask = _Mask(spans)
    assert (mask.starts, mask.ends) == _union(spans)


def _with_substitutions_plain(
    found: list[tuple[Any, Any, int, int]], claims_in: list[Claim], texts: dict[Any, str]
) -> list[tuple[Any, Any, int, int]]:
    """(side, category, start, end) of what ``_with_substitutions`` keeps, by one pass over
    the fact claims per substitution (no set of their spans): the plain definition."""
    from diffreader.engine.claims import _HOLDERS, _strip_span

    out = [(c.side, c.category, c.start, c.end) for c in claims_in]
    spans: dict[Any, list[tuple[int, int]]] = {}
    for c in claims_in:
        if c.category not in _HOLDERS:
            spans.setdefault(c.side, []).append((c.start, c.end))
    for side, category, start, end in found:
        start, end = _strip_span(texts[side], start, end)
        if end <= start:
            continue
        taken = spans.setdefault(side, [])
        held = any(s <= start and end <= e for s, e in taken)
        if held:
            continue
        if any(start <= s and e <= end for s, e in taken):
            out = [
                o
                for o in out
                if not (o[0] is side and o[1] not in _HOLDERS and start <= o[2] and o[3] <= end)
            ]
            taken[:] = [(s, e) for s, e in taken if not (start <= s and e <= end)]
        out.append((side, category, start, end))
        taken.append((start, end))
    return out


_SPAN = st.tuples(st.integers(0, 30), st.integers(0, 30)).map(sorted).map(tuple)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.booleans(), st.booleans(), _SPAN), max_size=6),
    st.lists(st.tuples(st.booleans(), _SPAN), max_size=8),
)
def test_substitutions_join_the_claims_as_the_plain_pass_has_them(
    facts: list[tuple[bool, bool, tuple[int, int]]], finds: list[tuple[bool, tuple[int, int]]]
) -> None:
    from diffreader.engine.model import ClaimCategory, ClaimKind, Op, Pair, Side, Status, WordOp
    from diffreader.engine.substitutions import Found

    # A substitution on a fact claim's very span is held by a set look-up; the rest by a
    # pass over the fact claims, as before: the same claims either way.
    a = document_from_text("The 4,300 cars, $5m (20%) and 12 vans, said Lund.")
    b = document_from_text("The 4,900 cars, $7m (25%) and 14 vans, said Kwan.")
    texts = {Side.A: a.text, Side.B: b.text}
    pair = Pair((0,), (0,), Status.REWORDED, 0.5, (WordOp(Op.EQUAL, 0, 4, 0, 4),), True)
    side_of = {False: Side.A, True: Side.B}
    claims_in = [
        Claim(
            side_of[on_b],
            ClaimKind.ADDED if on_b else ClaimKind.DROPPED,
            ClaimCategory.ASSERTION if holder else ClaimCategory.NUMBER,
            texts[side_of[on_b]][s:e],
            s,
            e,
            0,
            0,
            (0,),
        )
        for on_b, holder, (s, e) in facts
    ]
    found = [Found(side_of[on_b], ClaimCategory.NUMBER, s, e) for on_b, (s, e) in finds]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(claims, "might_substitute", lambda deleted, inserted: True)
        # A stand-in group: the pair's two body sentences are no headlines.
        patch.setattr(claims.Group, "of", lambda *args: SimpleNamespace(headline=False))
        patch.setattr(claims, "find_substitutions", lambda group: found)
        changes = claims._changes(pair, a, b)
        support = {Side.A: claims.Support.of(a), Side.B: claims.Support.of(b)}
        kept = claims._with_substitutions(
            0, pair, a, b, lambda *args: [], claims_in, changes, support
        )
    got = [(c.side, c.category, c.start, c.end) for c in kept]
    assert got == _with_substitutions_plain(found, claims_in, texts)


_KEY_TEXT = st.text(st.sampled_from("abzAZ09_'’‘.,%-éİß \n"), max_size=60)


@given(_KEY_TEXT)
def test_a_word_key_not_all_letters_is_its_own_stem_when_plain(text: str) -> None:
    # ``_stem`` returns a key of ASCII characters, not all letters and with no
    # apostrophe, as it is: ``stem`` gives the same for every word key.
    from diffreader.engine.text import stem, word_keys

    for key in [*word_keys(text), *(t.key for t in tokenize(text) if is_word(t.key))]:
        assert claims._stem(key) == stem(key)


@settings(max_examples=150, deadline=None)
@given(st.lists(_KEY_TEXT, min_size=1, max_size=5))
def test_an_articles_stems_are_its_keys_stems(sentences: list[str]) -> None:
    # ``Support.of`` takes a key that is its own stem as it is, in C, and stems the rest:
    # the stems of every key of the article, as the plain definition has them (and the
    # places a country's equivalent stands for).
    from diffreader.engine.lexicon import PLACE_EQUIVALENTS
    from diffreader.engine.text import stem, word_key_set

    doc = document_from_text(" ".join(s + "." for s in sentences))
    support = claims.Support.of(doc)
    content = [s.text for s in doc.sentences if s.kind in claims._SUPPORT_KINDS]
    stems = {stem(k) for k in word_key_set("\n".join(content))}
    padded = f" {' '.join(chr(10).join(content).lower().split())} "
    for word, equivalents in PLACE_EQUIVALENTS.items():
        if any(stem(e) in stems or (" " in e and f" {e} " in padded) for e in equivalents):
            stems.add(word)
    assert support.stems == stems


@given(st.lists(st.text(st.sampled_from("0129²٣,.%ab'é"), min_size=1, max_size=8), max_size=12))
def test_the_numbers_of_an_article_are_its_figures_values(keys: list[str]) -> None:
    # ``Support.of`` reads the values of the figures it cannot take as they are in one
    # pass of ``_LEADING_VALUES``: the values ``_number_value`` gives, one a key.
    figures = [k.lower() for k in keys if k[0].isdigit()]
    plain = [k.replace(",", "") for k in figures]
    others = "\n".join(p for p in plain if not p.isdecimal())
    found = claims._LEADING_VALUES.findall(others) if others else []
    assert found == [claims._number_value(k) for k in figures if not k.replace(",", "").isdecimal()]


@settings(max_examples=100, deadline=None)
@given(st.lists(_KEY_TEXT, min_size=1, max_size=5), st.data())
def test_an_articles_numbers_are_its_figures_values(sentences: list[str], data: Any) -> None:
    # ``Support.of``'s numbers: the value of every number key of the article, as
    # ``_number_value`` reads it, whichever sentences are read from their tokens, from
    # the text, or skipped for keys known already.
    from diffreader.engine.model import Status
    from diffreader.engine.text import stem, word_key_set

    doc = document_from_text(" ".join(s + "." for s in sentences))
    for sentence in doc.sentences:
        status = data.draw(st.sampled_from([Status.REWORDED, Status.ADDED, Status.SAME]))
        object.__setattr__(sentence, "status", status)
    ids = [s.id for s in doc.sentences if s.kind in claims._SUPPORT_KINDS]
    skip = frozenset(data.draw(st.sets(st.sampled_from(ids)))) if ids else frozenset()
    known = word_key_set("\n".join(doc.sentences[i].text for i in skip))
    support = claims.Support.of(doc, frozenset(known), skip)
    content = [s.text for s in doc.sentences if s.kind in claims._SUPPORT_KINDS]
    keys = word_key_set("\n".join(content))
    numbers = {claims._number_value(k) for k in keys if k[0].isdigit()}
    numbers |= {claims._number_value(k) for k in keys & claims._NUMBER_KEY_SET}
    assert support.numbers == numbers
    assert {stem(k) for k in keys} <= support.stems


@settings(max_examples=40, deadline=None)
@given(_ARTICLES, _ARTICLES)
def test_the_weights_of_the_pairs_are_their_sentences_lengths(
    a: list[list[str]], b: list[list[str]]
) -> None:
    # ``_weights`` reads each side's sentence lengths once and sums them per pair in C:
    # each pair's weight is its sentences' characters, 0 for an identical pair.
    aligned = _aligned(a, b)

    def length(doc: Document, i: int) -> int:
        return doc.sentences[i].end - doc.sentences[i].start

    plain = [
        0
        if pair.status is Status.SAME
        else sum(length(aligned.a, i) for i in pair.a) + sum(length(aligned.b, i) for i in pair.b)
        for pair in aligned.pairs
    ]
    assert claims._weights(aligned.pairs, aligned.a, aligned.b) == plain
    assert any(plain) or all(p.status is Status.SAME for p in aligned.pairs)
