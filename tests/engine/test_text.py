"""Tokens and matching keys: the fast paths agree with the token-by-token definition."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diffreader.engine import text as text_module
from diffreader.engine.text import (
    QUOTE_KEYS,
    STOPWORDS,
    content_stems,
    fold_quotes,
    is_word,
    keys_as_tokens,
    run_word_key_set,
    sentence_tokens,
    stem,
    token_key,
    tokenize,
    word_flags,
    word_key_set,
    word_keys,
)

# News-like pieces plus the awkward ones: acronyms, a.m., inner apostrophes (straight
# and curly), numbers with separators and suffixes, underscores, accents, lone dots.
PIECES = st.sampled_from(
    [
        "U.S.", "u.s.", "a.m.", "e.g.", "ba.b.", "A.B.C", "Putin's", "Putin’s", "don’t",
        "4,300", "3.5", "19th", "1990s", "60%", "€1.8m", "x5", "snake_case", "_", "café",
        "İstanbul", "Bridge", "the", "THE", "“", "”", "—", "-", ".", ",", "'", "’", "(",
        "May", "sept.", "No.", "10",
    ]
)  # fmt: skip
SEPARATORS = st.sampled_from([" ", "", "  ", "\n", ". ", ", "])
TEXTS = st.lists(st.tuples(PIECES, SEPARATORS), max_size=25).map(
    lambda parts: "".join(p + s for p, s in parts)
)


@given(TEXTS, st.integers(min_value=0, max_value=10_000))
def test_tokens_tile_the_text_at_their_offsets(text: str, offset: int) -> None:
    tokens = tokenize(text, offset)
    assert "".join(t.raw for t in tokens) == text
    position = offset
    for token in tokens:
        assert token.start == position
        assert token.end == position + len(token.raw)
        assert text[token.start - offset : token.end - offset] == token.raw
        position = token.end


@given(TEXTS)
def test_word_keys_are_the_keys_of_the_word_tokens(text: str) -> None:
    expected = [t.key for t in tokenize(text) if is_word(t.key)]
    assert [k for k in word_keys(text) if is_word(k)] == expected
    assert {k for k in word_key_set(text) if is_word(k)} == set(expected)


@given(st.lists(TEXTS | st.text(max_size=30) | st.text("aU1_ ‘’'.,-", max_size=30), max_size=4))
def test_word_keys_read_from_token_runs_are_the_word_key_set(texts: list[str]) -> None:
    # Support reads the word keys of sentences the word diff tokenised from their runs.
    kept = [t for t in texts if keys_as_tokens(t)]
    runs = [sentence_tokens(t, 0) for t in kept]
    assert run_word_key_set(runs) == word_key_set("\n".join(kept))


def test_texts_whose_folds_join_words_are_not_read_from_tokens() -> None:
    for text in ("it‘s", "a‚b"):
        assert run_word_key_set([sentence_tokens(text, 0)]) != word_key_set(text)
        assert not keys_as_tokens(text)


def _plain_token_key(raw: str) -> str:
    """``token_key`` as first written: always a new string."""
    if raw.isspace():
        return " "
    key = raw.translate(QUOTE_KEYS).lower()
    if len(key) > 2 and key.endswith(".") and "." in key[:-1] and key[0].isalpha():
        key = key.replace(".", "")
    return key


@given(TEXTS | st.text(max_size=30))
def test_keys_and_stems_reuse_the_token_or_word_they_leave_unchanged(text: str) -> None:
    for raw in text_module._TOKEN.findall(text):
        key = token_key.__wrapped__(raw)  # uncached: the object this call makes
        assert key == _plain_token_key(raw)
        if not raw.isspace():  # a whitespace run keys as one shared " "
            assert (key is raw) == (key == raw)
        found = stem.__wrapped__(key)
        assert found == stem.__wrapped__((key + ".")[:-1])  # as of a copy
        if found == key:
            assert found is key


@given(TEXTS)
def test_word_flags_are_is_word_of_each_token_key(text: str) -> None:
    keys = [t.key for t in tokenize(text)]
    assert list(word_flags(keys)) == [is_word(k) for k in keys]


@given(TEXTS)
def test_content_stems_are_stems_of_the_content_words(text: str) -> None:
    stems = content_stems(text)
    assert stems == content_stems(text)  # remembered, and the same either way
    # The token-by-token definition: the stem of each word token that is not a stopword.
    expected = [stem(t.key) for t in tokenize(text) if is_word(t.key) and t.key not in STOPWORDS]
    assert [s for s in stems if is_word(s)] == expected
    assert len(stems) <= len(word_keys(text))


def test_content_stems_leave_out_stopwords_and_stem_the_rest() -> None:
    assert content_stems("The bridges were closed by the Council's engineers.") == (
        "bridg", "clos", "council", "engineer",
    )  # fmt: skip


def test_acronyms_are_undotted_like_token_keys() -> None:
    assert word_keys("The U.S. plan, at 9 a.m. today") == [
        "the", "us", "plan", "at", "9", "am", "today",
    ]  # fmt: skip
    assert word_key_set("U.S. and US") == {"us", "and"}


@given(st.lists(PIECES, min_size=1, max_size=3).map("".join))
def test_keys_and_stems_fold_quotes_as_quote_keys_define(raw: str) -> None:
    # token_key and stem skip the translation for ASCII text: the same as translating.
    key = raw.translate(QUOTE_KEYS).lower()
    if len(key) > 2 and key.endswith(".") and "." in key[:-1] and key[0].isalpha():
        key = key.replace(".", "")
    assert token_key(raw) == key
    assert stem(raw) == stem(raw.translate(QUOTE_KEYS))
    assert stem(raw.replace("'", "’")) == stem(raw.replace("’", "'"))


def test_curly_apostrophes_key_and_stem_as_straight_ones() -> None:
    assert token_key("Putin’s") == token_key("Putin's") == "putin's"
    assert stem("Putin’s") == stem("Putin's") == "putin"
    assert token_key("—") == "-"


@given(st.one_of(TEXTS, st.text(max_size=30)))
def test_fold_quotes_is_the_quote_keys_translation(text: str) -> None:
    assert fold_quotes(text) == text.translate(QUOTE_KEYS)


# The token patterns as first written: text.py orders their alternatives for speed. A
# kana or Han character is a word of its own (Chinese and Japanese put no spaces between
# words); other word characters run on, with the combining marks among and after them.
_IDEOGRAPH = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_MARK = f"[{text_module.COMBINING_MARKS}]|[{text_module.ASTRAL_MARKS}]"
_RUN = rf"(?:(?![{_IDEOGRAPH}])\w)(?:(?![{_IDEOGRAPH}])\w|{_MARK})*"
_TOKEN_AS_DEFINED = re.compile(
    r"(?:[A-Za-z]\.){2,}|\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s|%)?"
    rf"|{_RUN}(?:['’]{_RUN})*|[{_IDEOGRAPH}]|\s+|[^\w\s]"
)
_WORD_AS_DEFINED = re.compile(
    rf"(?:[A-Za-z]\.){{2,}}|\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s|%)?|{_RUN}(?:'{_RUN})*|(?=\w)[{_IDEOGRAPH}]"
)
_AWKWARD = st.text(
    "aZé1_9 \t\n.,:'’%stndrh-“日本のカ한국。、\u0301\u093e\u0947\U0001d167", max_size=40
)


def test_kana_and_han_are_a_word_each_and_other_words_run_on() -> None:
    assert [t.raw for t in tokenize("図書館は3日、Apple社の한국어 don’t")] == [
        *"図書館は", "3", *"日、", "Apple", *"社の", "한국어", " ", "don’t",
    ]  # fmt: skip
    assert word_keys("新しい図書館") == list("新しい図書館")
    # A code point of those blocks left unassigned is no word character: a mark.
    assert word_keys("\U0002fa1e") == [] and tokenize("\U0002fa1e")[0].raw == "\U0002fa1e"


@given(TEXTS | _AWKWARD | st.text(max_size=40))
def test_token_patterns_find_what_their_definitions_find(text: str) -> None:
    assert text_module._TOKEN.findall(text) == _TOKEN_AS_DEFINED.findall(text)
    assert text_module._WORD.findall(text) == _WORD_AS_DEFINED.findall(text)


def test_combining_marks_are_unicodes() -> None:
    import re
    import unicodedata

    from diffreader.engine.text import ASTRAL_MARKS, COMBINING_MARKS

    either = re.compile(f"[{COMBINING_MARKS}]|[{ASTRAL_MARKS}]")
    listed = {chr(c) for c in range(0x110000) if either.fullmatch(chr(c))}
    marks = {chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) in ("Mn", "Mc", "Me")}
    assert listed <= marks  # a mark stays a mark in later versions of Unicode
    if unicodedata.unidata_version == "14.0.0":  # the version the ranges were read from
        assert listed == marks


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("बैठक मंगलवार को हुई।", ["बैठक", "मंगलवार", "को", "हुई"]),  # vowel signs, a nasal mark
        ("Ho\u0308lt and Bri\u0301d", ["Ho\u0308lt", "and", "Bri\u0301d"]),  # accents apart
        ("שָׁלוֹם עוֹלָם", ["שָׁלוֹם", "עוֹלָם"]),  # Hebrew points
    ],
)
def test_a_word_holding_combining_marks_is_one_token(text: str, words: list[str]) -> None:
    # Python's \w leaves combining marks out: a Hindi word was cut at each vowel sign, and
    # a word diff showed "[-मंगलव-]{+बुधव+}ार", the sign outside the change.
    tokens = tokenize(text)
    assert "".join(t.raw for t in tokens) == text
    assert [t.raw for t in tokens if t.raw[0].isalnum()] == words
    assert len(word_keys(text)) == len(words)


def test_a_decomposed_accent_is_the_accented_letter() -> None:
    # "Ho\u0308lt" (the accent a character of its own, as some systems store text) against
    # "H\u00f6lt": one word, and two articles differing only so are the same.
    from diffreader.engine import compare

    c = compare("Ann H\u00f6lt won the seat.", "Ann Ho\u0308lt won the seat.")
    assert [p.status.value for p in c.pairs] == ["same"]
    assert c.claims == ()
