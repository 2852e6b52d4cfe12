"""Provides word tokens and matching keys shared by alignment, word diff and claims.

Matching is done on *keys*: lower case, curly quotes made straight, dashes made
``-``, whitespace folded, dotted acronyms undotted (``U.S.`` == ``US``). Displayed text
is never normalised; keys only decide what counts as equal.

API:
    Token, tokenize(text, offset=0) -> list[Token]
    TokenRun, sentence_tokens(text, offset) -> TokenRun, remember_tokens(runs)
    token_key(raw) -> str
    is_word(key) -> bool, word_flags(keys) -> Iterator[bool]
    stem(word) -> str
    content_stems(text) -> tuple[str, ...], remember_stems(found)
    word_keys(text) -> list[str], word_key_set(text) -> set[str]
    run_word_key_set(runs) -> set[str], keys_as_tokens(text) -> bool
    escape_spans(text, start, end) -> list[tuple[int, int]]
    compiled(pattern) -> re.Pattern      a pattern compiled when first used, once
    INVISIBLE                       the characters that draw nothing, a regex class
    IDEOGRAPHS                      kana and Han characters, a regex class's ranges
    STOPWORDS                       (from lexicon.py)
"""

from __future__ import annotations

import operator
import re
from array import array
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from itertools import accumulate, filterfalse, pairwise
from typing import NamedTuple

from diffreader.engine.lexicon import STOPWORDS

__all__ = [
    "ASTRAL_MARKS",
    "COMBINING_MARKS",
    "IDEOGRAPHS",
    "INVISIBLE",
    "QUOTE_KEYS",
    "STOPWORDS",
    "WORD_BODY",
    "Token",
    "TokenRun",
    "compiled",
    "content_stems",
    "escape_spans",
    "fold_quotes",
    "is_word",
    "keys_as_tokens",
    "remember_stems",
    "remember_tokens",
    "run_word_key_set",
    "stem",
    "token_key",
    "tokenize",
    "word_flags",
    "word_key_set",
    "word_keys",
]

IDEOGRAPHS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
"""Kana and Han characters: Chinese and Japanese write words without spaces between
them, so each is a token of its own (a character diff of a sentence, not one token the
size of the sentence: a figure changed inside read as the whole sentence dropped and
another added). Hangul, written with spaces, keeps its words."""
_LETTERS = rf"[^\W{IDEOGRAPHS}]"
"""A word character that is no kana or Han character."""

COMBINING_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1-\u05c2\u05c4-\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7-\u06e8\u06ea-\u06ed"
    "\u0711\u0730-\u074a\u07a6-\u07b0\u07eb-\u07f3\u07fd\u0816-\u0819\u081b-\u0823"
    "\u0825-\u0827\u0829-\u082d\u0859-\u085b\u0898-\u089f\u08ca-\u08e1\u08e3-\u0903"
    "\u093a-\u093c\u093e-\u094f\u0951-\u0957\u0962-\u0963\u0981-\u0983\u09bc\u09be-\u09c4"
    "\u09c7-\u09c8\u09cb-\u09cd\u09d7\u09e2-\u09e3\u09fe\u0a01-\u0a03\u0a3c\u0a3e-\u0a42"
    "\u0a47-\u0a48\u0a4b-\u0a4d\u0a51\u0a70-\u0a71\u0a75\u0a81-\u0a83\u0abc\u0abe-\u0ac5"
    "\u0ac7-\u0ac9\u0acb-\u0acd\u0ae2-\u0ae3\u0afa-\u0aff\u0b01-\u0b03\u0b3c\u0b3e-\u0b44"
    "\u0b47-\u0b48\u0b4b-\u0b4d\u0b55-\u0b57\u0b62-\u0b63\u0b82\u0bbe-\u0bc2\u0bc6-\u0bc8"
    "\u0bca-\u0bcd\u0bd7\u0c00-\u0c04\u0c3c\u0c3e-\u0c44\u0c46-\u0c48\u0c4a-\u0c4d"
    "\u0c55-\u0c56\u0c62-\u0c63\u0c81-\u0c83\u0cbc\u0cbe-\u0cc4\u0cc6-\u0cc8\u0cca-\u0ccd"
    "\u0cd5-\u0cd6\u0ce2-\u0ce3\u0d00-\u0d03\u0d3b-\u0d3c\u0d3e-\u0d44\u0d46-\u0d48"
    "\u0d4a-\u0d4d\u0d57\u0d62-\u0d63\u0d81-\u0d83\u0dca\u0dcf-\u0dd4\u0dd6\u0dd8-\u0ddf"
    "\u0df2-\u0df3\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd"
    "\u0f18-\u0f19\u0f35\u0f37\u0f39\u0f3e-\u0f3f\u0f71-\u0f84\u0f86-\u0f87\u0f8d-\u0f97"
    "\u0f99-\u0fbc\u0fc6\u102b-\u103e\u1056-\u1059\u105e-\u1060\u1062-\u1064\u1067-\u106d"
    "\u1071-\u1074\u1082-\u108d\u108f\u109a-\u109d\u135d-\u135f\u1712-\u1715\u1732-\u1734"
    "\u1752-\u1753\u1772-\u1773\u17b4-\u17d3\u17dd\u180b-\u180d\u180f\u1885-\u1886\u18a9"
    "\u1920-\u192b\u1930-\u193b\u1a17-\u1a1b\u1a55-\u1a5e\u1a60-\u1a7c\u1a7f\u1ab0-\u1ace"
    "\u1b00-\u1b04\u1b34-\u1b44\u1b6b-\u1b73\u1b80-\u1b82\u1ba1-\u1bad\u1be6-\u1bf3"
    "\u1c24-\u1c37\u1cd0-\u1cd2\u1cd4-\u1ce8\u1ced\u1cf4\u1cf7-\u1cf9\u1dc0-\u1dff"
    "\u20d0-\u20f0\u2cef-\u2cf1\u2d7f\u2de0-\u2dff\u302a-\u302f\u3099-\u309a\ua66f-\ua672"
    "\ua674-\ua67d\ua69e-\ua69f\ua6f0-\ua6f1\ua802\ua806\ua80b\ua823-\ua827\ua82c"
    "\ua880-\ua881\ua8b4-\ua8c5\ua8e0-\ua8f1\ua8ff\ua926-\ua92d\ua947-\ua953\ua980-\ua983"
    "\ua9b3-\ua9c0\ua9e5\uaa29-\uaa36\uaa43\uaa4c-\uaa4d\uaa7b-\uaa7d\uaab0\uaab2-\uaab4"
    "\uaab7-\uaab8\uaabe-\uaabf\uaac1\uaaeb-\uaaef\uaaf5-\uaaf6\uabe3-\uabea\uabec-\uabed"
    "\ufb1e\ufe00-\ufe0f\ufe20-\ufe2f"
)
"""Unicode's combining marks (categories Mn, Mc and Me, as of Unicode 14.0) of the Basic
Multilingual Plane, as a regex character class's ranges (``ASTRAL_MARKS`` the others):
accents written after their letter (the decomposed "ö" of
"Ho\u0308lt"), vowel signs and viramas (Devanagari's "मंगलवार"), Hebrew and Arabic points.
Python's ``\\w`` leaves them out, so a word holding one was cut in two at it. Built with
``unicodedata.category`` over every code point (``tests/engine/test_text.py`` checks it)."""
ASTRAL_MARKS = (
    "\U000101fd\U000102e0\U00010376-\U0001037a\U00010a01-\U00010a03\U00010a05-\U00010a06"
    "\U00010a0c-\U00010a0f\U00010a38-\U00010a3a\U00010a3f\U00010ae5-\U00010ae6"
    "\U00010d24-\U00010d27\U00010eab-\U00010eac\U00010f46-\U00010f50\U00010f82-\U00010f85"
    "\U00011000-\U00011002\U00011038-\U00011046\U00011070\U00011073-\U00011074"
    "\U0001107f-\U00011082\U000110b0-\U000110ba\U000110c2\U00011100-\U00011102"
    "\U00011127-\U00011134\U00011145-\U00011146\U00011173\U00011180-\U00011182"
    "\U000111b3-\U000111c0\U000111c9-\U000111cc\U000111ce-\U000111cf\U0001122c-\U00011237"
    "\U0001123e\U000112df-\U000112ea\U00011300-\U00011303\U0001133b-\U0001133c"
    "\U0001133e-\U00011344\U00011347-\U00011348\U0001134b-\U0001134d\U00011357"
    "\U00011362-\U00011363\U00011366-\U0001136c\U00011370-\U00011374\U00011435-\U00011446"
    "\U0001145e\U000114b0-\U000114c3\U000115af-\U000115b5\U000115b8-\U000115c0"
    "\U000115dc-\U000115dd\U00011630-\U00011640\U000116ab-\U000116b7\U0001171d-\U0001172b"
    "\U0001182c-\U0001183a\U00011930-\U00011935\U00011937-\U00011938\U0001193b-\U0001193e"
    "\U00011940\U00011942-\U00011943\U000119d1-\U000119d7\U000119da-\U000119e0\U000119e4"
    "\U00011a01-\U00011a0a\U00011a33-\U00011a39\U00011a3b-\U00011a3e\U00011a47"
    "\U00011a51-\U00011a5b\U00011a8a-\U00011a99\U00011c2f-\U00011c36\U00011c38-\U00011c3f"
    "\U00011c92-\U00011ca7\U00011ca9-\U00011cb6\U00011d31-\U00011d36\U00011d3a"
    "\U00011d3c-\U00011d3d\U00011d3f-\U00011d45\U00011d47\U00011d8a-\U00011d8e"
    "\U00011d90-\U00011d91\U00011d93-\U00011d97\U00011ef3-\U00011ef6\U00016af0-\U00016af4"
    "\U00016b30-\U00016b36\U00016f4f\U00016f51-\U00016f87\U00016f8f-\U00016f92\U00016fe4"
    "\U00016ff0-\U00016ff1\U0001bc9d-\U0001bc9e\U0001cf00-\U0001cf2d\U0001cf30-\U0001cf46"
    "\U0001d165-\U0001d169\U0001d16d-\U0001d172\U0001d17b-\U0001d182\U0001d185-\U0001d18b"
    "\U0001d1aa-\U0001d1ad\U0001d242-\U0001d244\U0001da00-\U0001da36\U0001da3b-\U0001da6c"
    "\U0001da75\U0001da84\U0001da9b-\U0001da9f\U0001daa1-\U0001daaf\U0001e000-\U0001e006"
    "\U0001e008-\U0001e018\U0001e01b-\U0001e021\U0001e023-\U0001e024\U0001e026-\U0001e02a"
    "\U0001e130-\U0001e136\U0001e2ae\U0001e2ec-\U0001e2ef\U0001e8d0-\U0001e8d6"
    "\U0001e944-\U0001e94a\U000e0100-\U000e01ef"
)
"""The combining marks past the Basic Multilingual Plane (``COMBINING_MARKS``): a class
of its own, so that the one of the plane compiles to a table (one holding a character
past it is tried range by range)."""

_NO_MARKS = "\x00-\u02ff\u2000-\u20cf"
"""Where no combining mark lies: ASCII, Latin-1 and the rest below the first mark, and the
general punctuation block (dashes, quotation marks, ellipses). A word's end is told from a
mark by this short class, for almost every text, before the class of marks is read."""
WORD_BODY = rf"(?:{_LETTERS}+(?:(?![{_NO_MARKS}])(?:[{COMBINING_MARKS}]|[{ASTRAL_MARKS}])+)?)+"
"""The letters of a word, with the combining marks among and after them: runs of letters,
each followed by the marks on its last letter. The letter class appears once (compiling
it costs a millisecond, in six patterns)."""

_TOKEN = re.compile(
    r"\s+"
    r"|[^\w\s]"
    r"|\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s|%)?"  # numbers, 3.5, 4,300, 19th, 1990s, 60%
    r"|(?:[A-Za-z]\.){2,}"  # dotted acronyms: U.S., U.K.
    rf"|{WORD_BODY}(?:['’]{WORD_BODY})*"  # words, with inner apostrophes
    rf"|[{IDEOGRAPHS}]",  # a kana or Han character
    re.UNICODE,
)
"""Tokens: whitespace runs, punctuation marks, numbers, dotted acronyms, words.

At each position the first alternative that matches wins. A space or a mark can start no
other alternative, nor a digit an acronym: only a number's and an acronym's precedence
over a word decides, and this order keeps it. So it finds the tokens of the order first
written (acronyms, numbers, words, spaces, marks), about a fifth faster: the commonest
tokens, spaces and marks, are tried first (``tests/engine/test_text.py`` checks both)."""

QUOTE_KEYS = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "–": "-",
        "—": "-",
        "‑": "-",
        "‐": "-",
        "−": "-",
        "…": "...",
    }
)


_WORD_ROOM = 32768
"""Entries of the word caches (``token_key``, ``stem``): the distinct tokens and words of
a 1 MB pair dense with figures (29,000 and 32,000; news 4,000 and 6,000). An entry costs
about 100 bytes besides its strings; text of which no word comes twice (1 MB of random
letters: 110,000 distinct) fills the room with entries never asked again, and twice the
room cost it 7 MB more at the claims' peak (the forked processes each hold a copy)."""


_FOLDS = tuple((chr(code), str(value)) for code, value in QUOTE_KEYS.items())
_FOLDED = re.compile("[" + "".join(chr(code) for code in QUOTE_KEYS) + "]")
"""Any character ``QUOTE_KEYS`` folds (none is special in a character class)."""


# Characters that draw nothing: Unicode's format characters (Cf: zero-width space and
# joiners, LRM/RLM/ALM, word joiner and invisible operators, BOM, soft hyphen, the tag
# characters U+E0000-E007F, ...) and the other default-ignorable code points (variation
# selectors, Hangul fillers, combining grapheme joiner, Mongolian selectors). Left out:
# the bidi embeddings, overrides and isolates (``render.escape.UNSAFE``, always made
# visible) and the Cf signs that do draw a glyph (Arabic number signs U+0600-0605, U+06DD, U+070F,
# U+0890-0891, U+08E2, Kaithi U+110BD and U+110CD). ``tests/render/test_invisible_chars.py``
# checks that every Cf of the running Python is either here or in those lists.
INVISIBLE = (
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    "\u2060-\u2065\u206a-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e0fff]"
)
"""Characters that draw nothing (format and default-ignorable), as a regular expression's
class: a change made of them would look like no change at all."""


_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\)?|.?)", re.DOTALL)
"""A terminal escape sequence: CSI (colours, cursor moves), OSC (a title, a link's address)
up to its terminator, or an escape and the character after it."""


def escape_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The terminal escape sequences that start inside ``text[start:end]`` (pasted from a
    terminal: "\\x1b[31m"). They are shown as they are, but hold no words: the "31m" of a
    colour is no figure, a link's address no claim.

    >>> escape_spans("a \x1b[31mred\x1b[0m b", 0, 14)
    [(2, 7), (10, 14)]
    """
    if text.find("\x1b", start, end) < 0:
        return []
    return [m.span() for m in _ESCAPE.finditer(text, start, end)]


def fold_quotes(text: str) -> str:
    """``text.translate(QUOTE_KEYS)``, but about 20 times faster on long texts.

    ``str.translate`` with a dict looks up every character; a few ``str.replace`` calls,
    each skipped when its character is absent, run in C.

    >>> print(fold_quotes("“Yes” — it’s"))
    "Yes" - it's
    """
    if text.isascii():
        return text  # every character it folds is outside ASCII (a flag of the string)
    for char, replacement in _FOLDS:
        if char in text:
            text = text.replace(char, replacement)
    return text


class Token(NamedTuple):
    """A token with its offsets into the source text and its matching key.

    A named tuple rather than a frozen dataclass: a 1 MB article has 400,000 tokens.
    """

    start: int
    end: int
    raw: str
    key: str


@lru_cache(maxsize=_WORD_ROOM)
def token_key(raw: str) -> str:
    """The matching key of one token.

    Remembered for the distinct tokens of a long pair (``_WORD_ROOM``).

    >>> token_key("U.S."), token_key("“"), token_key("Putin’s"), token_key("  \\n")
    ('us', '"', "putin's", ' ')
    """
    if raw.isspace():
        return " "
    # Every character QUOTE_KEYS folds is outside ASCII, and ``isascii`` costs nothing
    # (a flag of the string): most tokens skip the slower per-character translation.
    key = raw.lower() if raw.isascii() else raw.translate(QUOTE_KEYS).lower()
    if len(key) > 2 and key.endswith(".") and "." in key[:-1] and key[0].isalpha():
        key = key.replace(".", "")
    # ``lower`` makes a new string even when nothing changes: the token itself serves as
    # its key then, one string where the cache and every token run holding it had two.
    return raw if key == raw else key


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text`` (words, numbers, whitespace runs, punctuation) covering it exactly.

    >>> [t.raw for t in tokenize("U.S. aid, 4,300 cars.")]
    ['U.S.', ' ', 'aid', ',', ' ', '4,300', ' ', 'cars', '.']
    """
    # The tokens tile the text, so offsets are running sums of their lengths: cheaper
    # than a match object per token (a 1 MB article has 400,000 tokens).
    raws = _TOKEN.findall(text)
    ends = list(accumulate(map(len, raws), initial=offset))
    return list(map(Token, ends, ends[1:], raws, map(token_key, raws)))


class TokenRun(NamedTuple):
    """A sentence's tokens as parallel sequences (no object per token): token ``i`` is
    ``raws[i]``, with key ``keys[i]``, at ``[bounds[i], bounds[i + 1])``.

    Remembered runs are the largest part of a long comparison's memory, so they hold no
    object per token: the bounds are a machine-integer array (an ``int`` object per
    bound cost 36 bytes, 4 here: 32-bit while offsets fit, as they do in any file the
    loader accepts), the keys are shared strings, and the raw tokens are
    not kept: ``raws`` cuts them from ``text``, the sentence's own string, when asked.
    """

    bounds: array[int]
    keys: tuple[str, ...]
    text: str

    @property
    def raws(self) -> tuple[str, ...]:
        """The tokens' raw text, in order."""
        bounds, text = self.bounds, self.text
        offset = bounds[0]
        return tuple(text[s - offset : e - offset] for s, e in pairwise(bounds))


@lru_cache(maxsize=131072)
def sentence_tokens(text: str, offset: int) -> TokenRun:
    """The tokens of ``tokenize(text, offset)`` as a ``TokenRun``, remembered: a
    sentence's tokens serve the word diff and the claim search, so they are built once
    per comparison. Room for every sentence of the largest pair accepted (two 8 MB files
    of figures hold 120,000): with 16,384 entries, a 2 MB pair tokenised 24,000
    sentences twice, and the cost per MB grew with the size.

    >>> run = sentence_tokens("U.S. aid.", 10)
    >>> run.raws, run.keys, list(run.bounds)
    (('U.S.', ' ', 'aid', '.'), ('us', ' ', 'aid', '.'), [10, 14, 15, 18, 19])
    """
    found = _RUNS_ELSEWHERE.get((text, offset))
    if found is not None:
        return found
    raws = _TOKEN.findall(text)
    code = "i" if offset + len(text) < _INT32 else "q"
    return TokenRun(
        array(code, accumulate(map(len, raws), initial=offset)), tuple(map(token_key, raws)), text
    )


_RUNS_ELSEWHERE: dict[tuple[str, int], TokenRun] = {}
"""``sentence_tokens`` of (text, offset) pairs being remembered by ``remember_tokens``,
just while it runs."""


def remember_tokens(runs: Iterable[TokenRun]) -> None:
    """Remember token runs made in another process (a child of a long comparison,
    parallel.py) as if made here by ``sentence_tokens(run.text, run.bounds[0])``: later
    calls for those sentences, here and in children forked after, find them remembered.

    A child's word diffs tokenise half the changed sentences, which the indexes and the
    claims then read again: a run sent back costs less than tokenising its sentence anew
    (in each process that needs it).

    >>> run = sentence_tokens("Aid rose.", 7)
    >>> sentence_tokens.cache_clear()
    >>> remember_tokens([run])
    >>> sentence_tokens("Aid rose.", 7) is run
    True
    """
    for run in runs:
        key = (run.text, run.bounds[0])
        _RUNS_ELSEWHERE[key] = run
        sentence_tokens(*key)
        _RUNS_ELSEWHERE.pop(key, None)


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    """``re.compile(pattern)``, when first used and once: the engine's patterns that only
    some text needs (a class of the Han ranges, a share or a ratio, a relative clause, a
    speaker named after a role) are not compiled at import, which the one-off comparison
    and the reader's first frame would pay for each."""
    return re.compile(pattern)


_INT32 = 2**31
"""Bounds below this fit a 32-bit array (``"i"``), half the memory of a 64-bit one."""


def is_word(key: str) -> bool:
    """True for word and number tokens (not whitespace or punctuation)."""
    return key[:1].isalnum()


_FIRST = operator.itemgetter(0)


def word_flags(keys: Iterable[str]) -> Iterator[bool]:
    """``is_word`` of each of ``keys`` (token keys, never empty), in order: the same test
    run in C, with no Python call per key (a sentence's tokens are flagged at once).

    >>> list(word_flags(("us", " ", "aid", ",", "4,300")))
    [True, False, True, False, True]
    """
    return map(str.isalnum, map(_FIRST, keys))


@lru_cache(maxsize=_WORD_ROOM)
def stem(word: str) -> str:
    """A light English stem for matching (plurals, -ing, -ed, possessives).

    Remembered for the distinct words of a long pair (``_WORD_ROOM``).

    >>> [stem(w) for w in ["sanctions", "policies", "talks", "ending", "described", "russia's"]]
    ['sanction', 'policy', 'talk', 'end', 'describ', 'russia']
    >>> [stem(w) for w in ["close", "closed", "closes", "closing"]]
    ['clos', 'clos', 'clos', 'clos']
    """
    w = word.lower()
    # QUOTE_KEYS folds no ASCII character (as in ``token_key``), and a word key has its
    # marks folded already: the search (in C) finds none in most words outside ASCII,
    # which a translation (a look-up per character) would copy unchanged, at four times
    # the cost (a text of symbols stems 270,000 such words).
    if not w.isascii() and _FOLDED.search(w):
        w = w.translate(QUOTE_KEYS)
    if w == word:
        # A word key is lower case already: the word itself, not a copy, is the stem of a
        # word no ending is cut from (one string for the cache and every stem tuple).
        w = word
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    if not w.isalpha():
        return w
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("sses"):
        return w[:-2]
    if len(w) > 5 and w.endswith("ing"):
        return w[:-3]
    if len(w) > 4 and w.endswith("ed") and not w.endswith("eed"):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    # A final e goes too, so "close", "closed" and "closing" meet at "clos".
    if len(w) > 3 and w.endswith("e") and not w.endswith("ee"):
        w = w[:-1]
    return w


def word_keys(text: str) -> list[str]:
    """Matching keys of the word and number tokens of ``text``, in order (a fast path:
    no ``Token`` objects are built).

    >>> word_keys("The U.S. “plan” costs 4,300 euros.")
    ['the', 'us', 'plan', 'costs', '4,300', 'euros']
    """
    # Found before lower-casing, as tokenize does: lower() can change a word's length.
    folded = fold_quotes(text)
    words = list(map(str.lower, _WORD.findall(folded)))
    if _DOTTED.search(folded):
        return [_undot(word) for word in words]
    return words


def word_key_set(text: str) -> set[str]:
    """``set(word_keys(text))``, normalising each distinct word once (for whole articles)."""
    folded = fold_quotes(text)
    words = set(map(str.lower, set(_WORD.findall(folded))))
    if _DOTTED.search(folded):
        words = {_undot(word) for word in words}
    return words


_WORD_FOLDS = ("‘", "‚")
"""The characters ``fold_quotes`` turns into an apostrophe that joins two words (``it‘s``
keys as ``it's`` in ``word_keys``, as three tokens in ``tokenize``)."""


def keys_as_tokens(text: str) -> bool:
    """``word_key_set(text)`` equals ``run_word_key_set`` of the text's tokens: the text
    holds no character that ``fold_quotes`` makes part of a word (``_WORD_FOLDS``)."""
    return not any(char in text for char in _WORD_FOLDS)


def run_word_key_set(runs: Iterable[TokenRun]) -> set[str]:
    """The word keys of some sentences' token runs: ``word_key_set`` of their texts, read
    from tokens a comparison has already made rather than from a second pass of a
    pattern over the text (for texts where ``keys_as_tokens`` holds).

    A word token is one ``_WORD`` finds: one starting with a word character (``\\w``: a
    letter, a digit or ``_``); the rest are whitespace and single punctuation marks.

    >>> sorted(run_word_key_set([sentence_tokens("U.S. aid, aid.", 0)]))
    ['aid', 'us']
    """
    keys: set[str] = set().union(*(run.keys for run in runs))
    return {key for key in keys if key[0].isalnum() or key[0] == "_"}


def _undot(word: str) -> str:
    """``u.s.`` -> ``us``, as ``token_key`` does; other words unchanged."""
    return word.replace(".", "") if word[-1] == "." and word[0].isalpha() else word


@lru_cache(maxsize=131072)
def content_stems(text: str) -> tuple[str, ...]:
    """Stems of the content words of ``text``, in order, stopwords left out.

    Remembered: alignment and the coverage figures both need a sentence's stems; room
    for every sentence of two 8 MB files of prose (120,000). Files of one-line sentences
    (250,000 at 8 MB) recompute some for the coverage figures: remembering them all
    cost 60 MB more for 3% less time. Stems found in another process are remembered
    too (``remember_stems``).

    >>> content_stems("The talks in Alaska were described as productive.")
    ('talk', 'alaska', 'describ', 'productiv')
    """
    found = _FOUND_ELSEWHERE.get(text)
    if found is not None:
        return found
    return tuple(map(stem, filterfalse(STOPWORDS.__contains__, word_keys(text))))


_FOUND_ELSEWHERE: dict[str, tuple[str, ...]] = {}
"""``content_stems`` of texts being remembered by ``remember_stems``, just while it runs."""


def remember_stems(found: Iterable[tuple[str, tuple[str, ...]]]) -> None:
    """Remember (text, ``content_stems(text)``) pairs computed in another process (a
    child of a long comparison, parallel.py) as if computed here: later calls for those
    texts, here and in children forked after, find them remembered.

    >>> remember_stems([("Ferries stopped.", ("ferry", "stopp"))])
    >>> content_stems("Ferries stopped.")
    ('ferry', 'stopp')
    """
    for text, stems in found:
        _FOUND_ELSEWHERE[text] = stems
        content_stems(text)
        _FOUND_ELSEWHERE.pop(text, None)


_WORD = re.compile(
    r"(?=\w)(?:\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s|%)?|(?:[A-Za-z]\.){2,}"
    rf"|{WORD_BODY}(?:'{WORD_BODY})*|[{IDEOGRAPHS}])"
)
"""Word and number tokens of ``_TOKEN``, for quote-normalised text. Each alternative
starts on a word character: the look-ahead rejects any other position at once (the
search steps over the spaces and marks between words about a fifth faster)."""
_DOTTED = re.compile(r"[A-Za-z]\.[A-Za-z]\.")
"""Present wherever ``_WORD`` can find a dotted acronym (and in a few other places)."""
