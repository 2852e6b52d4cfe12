"""The altered-quotation search equals plain reference implementations.

``_window_score`` skips windows that cannot win and picks them in C; the reference here tries
every window in Python loops (as rapidfuzz's tests compare each metric with a reference).
``_candidates`` reads bounded postings; below ``_MAX_POSTING`` quotations per term it equals
ranking every quotation of the other side. The property tests draw quotations from a small
vocabulary, so that many quotations tie on the words they share.
"""

from __future__ import annotations

import heapq
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffreader.engine import align_pair, document_from_text, quotes
from diffreader.engine.model import Document, QuoteStatus, Side
from diffreader.engine.quotes import (
    _MAX_POSTING,
    _MAX_SOURCES,
    _candidates,
    _containers,
    _content,
    _Index,
    _Quotation,
    _same_referent,
    _verbatim_a_in_b,
    _verbatim_b_in_a,
    _verbatim_in,
    _window_score,
    _word_spans,
    _Words,
    check_quotes,
    find_quotations,
)
from diffreader.engine.text import Token, is_word, token_key, tokenize


def reference_window_score(
    short: _Words, content: set[str], long: _Words
) -> tuple[int, int, float] | None:
    """Every window of ``long`` from ``len(short) - 3`` to ``len(short) + 5`` words."""
    from rapidfuzz import fuzz

    n = len(short.keys)
    if n < 3 or len(content) < 2:
        return None
    best: tuple[int, int, float] | None = None
    stems = long.stems
    for size in range(max(1, n - 3), min(len(stems), n + 5) + 1):
        for first in range(len(stems) - size + 1):
            common = len(content.intersection(stems[first : first + size]))
            shared = common / len(content)
            if common < 2 or shared < 0.4:
                continue
            window = long.joined[long.offsets[first] : long.offsets[first + size] - 1]
            order = fuzz.ratio(short.joined, window) / 100
            score = (shared + order) / 2
            if order >= 0.4 and (best is None or score > best[2]):
                best = (first, size, score)
    return best


VOCABULARY = (
    "bridge harbour road close repair fund we will never the of and it is our town people".split()
)


def _tokens(words: list[str]) -> list[Token]:
    return [t for t in tokenize(" ".join(words)) if is_word(t.key)]


quotations = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=18)


@settings(max_examples=500, deadline=None)
@given(quotations, quotations)
def test_window_score_equals_the_reference(short: list[str], long: list[str]) -> None:
    s, g = _Words(_tokens(short)), _Words(_tokens(long))
    content = _content(_tokens(short))
    assert _window_score(s, content, g) == reference_window_score(s, content, g)


def _quotations(texts: list[list[str]]) -> list[_Quotation]:
    doc = document_from_text("\n\n".join(f"“{' '.join(w)}”" for w in texts) + "\n")
    return [_Quotation(doc, f, i, -1) for i, f in enumerate(find_quotations(doc))]


@settings(max_examples=200, deadline=None)
@given(st.lists(quotations, min_size=1, max_size=30), quotations)
def test_candidates_equal_ranking_every_quotation(texts: list[list[str]], one: list[str]) -> None:
    """With fewer quotations than ``_MAX_POSTING`` no posting is left out: the candidates
    are the ``_MAX_SOURCES`` quotations sharing most content stems (at least two)."""
    assert len(texts) <= _MAX_POSTING
    others = _quotations(texts)
    (x,) = _quotations([one]) or [None]
    if x is None:
        return
    ranked = [(-len(x.content & o.content), o.index) for o in others]
    expected = [j for _, j in heapq.nsmallest(_MAX_SOURCES, [r for r in ranked if r[0] <= -2])]
    assert _candidates(x, _Index(others), others) == expected


def reference_words(text: str, start: int, end: int) -> list[Token]:
    """Word tokens of ``text[start:end]`` with editorial brackets (eighty characters at
    most, line breaks too: hard-wrapped text) blanked, the plain way."""
    inner = re.sub(r"\[[^\]]{0,80}\]", lambda m: " " * len(m.group()), text[start:end])
    return [t for t in tokenize(inner, start) if is_word(t.key)]


QUOTED_TEXT = st.lists(
    st.sampled_from([*"aB1 .,'’[]…-“”\"_\nUS", "U.S.", "[the council]", "4,300", "A.B…"]),
    max_size=30,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(QUOTED_TEXT, st.integers(0, 60), st.integers(0, 60))
def test_words_of_a_span_equal_the_word_tokens(text: str, start: int, end: int) -> None:
    """``_Words.of`` (no token objects) holds what ``_Words`` of the word tokens holds."""
    start, end = min(start, len(text)), min(max(start, end), len(text))
    built = _Words.of(text, start, end)
    reference = _Words(reference_words(text, start, end))
    for slot in ("keys", "starts", "ends", "stems", "joined", "offsets", "trigrams"):
        assert getattr(built, slot) == getattr(reference, slot), slot
    for key, s, e in zip(built.keys, built.starts, built.ends, strict=True):
        assert token_key(text[s:e]) == key


def test_every_word_character_but_the_underscore_keys_to_a_word() -> None:
    """What ``_word_spans`` relies on to skip its filter when a text holds no "_": the key
    of a token opening with any \\w character but "_" opens with a letter or a digit."""
    word = re.compile(r"\w")
    chars = (chr(code) for code in range(sys.maxunicode + 1))
    assert [c for c in chars if c != "_" and word.match(c) and not is_word(token_key(c))] == []


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"aZé1٣_ .,:%'’[]…-“”\n\t日本のカ한。", "st", "U.S.", "4,300", "19th"]),
        max_size=40,
    ).map("".join)
)
def test_word_spans_are_the_word_tokens_of_any_text(text: str) -> None:
    """The word-only split finds exactly ``tokenize``'s word tokens, whatever surrounds them."""
    keys, starts, ends = _word_spans(text, 0, len(text))
    reference = reference_words(text, 0, len(text))
    assert keys == [t.key for t in reference]
    assert starts == [t.start for t in reference]
    assert ends == [t.end for t in reference]


def reference_containers(needle: _Quotation, index: _Index, others: list[_Quotation]) -> list[int]:
    """The quotations holding the needle's first rarest run, scanned one run at a time."""
    anchor: list[int] | None = None
    for frag in needle.frags:
        runs = list(zip(frag, frag[1:], frag[2:], strict=False)) if len(frag) >= 3 else frag
        postings = index.trigrams if len(frag) >= 3 else index.words()
        for key in runs:
            found = postings.get(key)
            if found is None:
                return []
            if anchor is None or len(found) < len(anchor):
                anchor = found
    if anchor is None:
        return []
    return [j for j in anchor if _verbatim_in(needle.frags, others[j].words)]


fragmented = st.lists(st.sampled_from([*VOCABULARY, "…", "..."]), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(fragmented, min_size=1, max_size=12), fragmented)
def test_containers_equal_a_scan_of_every_run(texts: list[list[str]], one: list[str]) -> None:
    """Quotations with ellipses (fragments of one to many words) and without (every one of
    them: no cap on how many are kept)."""
    others = _quotations(texts)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(quotes, "_MAX_CONTAINERS", len(others))
        for x in _quotations([one]):
            index = _Index(others)
            found = _containers(x, index, others)
            assert found == reference_containers(x, _Index(others), others)


def reference_search_a_in_b(
    qa: list[_Quotation], qb: list[_Quotation], doc_a: Document, doc_b: Document
) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """The verbatim links and unrelated pairs of A's quotations held in B's, as one search
    after the other: the pairs the search of B in A decided are not looked at again."""
    b_links, decided = _verbatim_b_in_a(doc_a, doc_b, qa, qb, _Index(qa), {}, set())
    decided |= {(k.a, k.b) for k in b_links}
    links: set[tuple[int, int]] = set()
    unrelated: set[tuple[int, int]] = set()
    index_b = _Index(qb)
    for x in qa:
        for j in _containers(x, index_b, qb) if x.words.keys else []:
            if (x.index, j) in decided:
                continue
            there = _verbatim_in(x.frags, qb[j].words)
            assert there is not None
            same = _same_referent(doc_a, x.found, doc_b, qb[j].found, there[0], x.count)
            (links if same else unrelated).add((x.index, j))
    return links, unrelated


@settings(max_examples=200, deadline=None)
@given(st.lists(fragmented, min_size=1, max_size=10), st.lists(fragmented, min_size=1, max_size=10))
def test_the_two_searches_decide_each_pair_once(a: list[list[str]], b: list[list[str]]) -> None:
    """Run apart (in two processes), the search of A in B leaves out what the search of B in
    A decides, as when it runs after it: quotations holding each other's words (short ones
    too, whose referents are compared) are linked or found unrelated by one search only."""
    doc_a, doc_b = (
        document_from_text("\n\n".join(f"“{' '.join(w)}” he said" for w in t) + "\n")
        for t in (a, b)
    )
    qa = [_Quotation(doc_a, f, i, -1) for i, f in enumerate(find_quotations(doc_a))]
    qb = [_Quotation(doc_b, f, j, -1) for j, f in enumerate(find_quotations(doc_b))]
    with pytest.MonkeyPatch.context() as patch:  # every container (the cap is tested apart)
        patch.setattr(quotes, "_MAX_CONTAINERS", len(qa) + len(qb))
        links, unrelated = _verbatim_a_in_b(doc_a, doc_b, qa, qb, _Index(qb), {}, set())
        expected = reference_search_a_in_b(qa, qb, doc_a, doc_b)
    assert ({(k.a, k.b) for k in links}, unrelated) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(fragmented, min_size=1, max_size=14), fragmented, st.integers(0, 14), st.data())
def test_containers_beyond_the_cap_are_the_nearest(
    texts: list[list[str]], one: list[str], near: int, data: st.DataObject
) -> None:
    """Past ``_MAX_CONTAINERS`` (here made small), the containers kept are the nearest to
    the needle's place, the lower of two at the same distance first, in index order."""
    others = _quotations(texts)
    skip = data.draw(st.sets(st.integers(0, len(others) - 1)), label="skip")
    cap = data.draw(st.integers(1, 4), label="cap")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(quotes, "_MAX_CONTAINERS", cap)
        for x in _quotations([one]):
            every = [j for j in reference_containers(x, _Index(others), others) if j not in skip]
            found = _containers(x, _Index(others), others, skip, near)
            if len(found) < cap:
                assert found == every
            nearest = sorted(every, key=lambda j: (abs(j - near), j))[:cap]
            assert found == sorted(nearest)


def test_a_quotation_repeated_through_both_articles_matches_verbatim_at_any_cap() -> None:
    """A refrain quoted a hundred times a side: each repetition of B is a verbatim
    quotation of A, whether every repetition is linked to every other or only the nearest
    few."""
    lines = [f"Item {n} was listed. “Never again,” the {n % 7}th speaker said." for n in range(100)]
    doc_a = document_from_text("\n\n".join(lines))
    doc_b = document_from_text("\n\n".join([*lines[1:], "A new closing line."]))
    pairs = align_pair(doc_a, doc_b).pairs
    results = []
    for cap in (4, 10**6):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(quotes, "_MAX_CONTAINERS", cap)
            results.append(check_quotes(doc_a, doc_b, pairs))
    capped, every = results
    # The same quotations with the same verdicts; only which repetition of A a repetition
    # of B is sourced from may differ (the nearest few are searched).
    assert [(q.side, q.start, q.status) for q in capped] == [
        (q.side, q.start, q.status) for q in every
    ]
    b_quotes = [q for q in capped if q.side is Side.B]
    assert len(b_quotes) == 99
    assert all(q.status is QuoteStatus.VERBATIM and q.source is not None for q in b_quotes)
