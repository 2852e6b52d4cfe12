"""Provides the features of one article that find its rewrites: pure, engine only.

A rewrite of a news story keeps what a reporter cannot paraphrase: the people and
places (names), the figures with their units, the quotations, the story's rare words,
and often a few sentences word for word. Word shingles do not survive a paraphrase (on
the sample corpus the rewrites share 0-1% of their word 5-grams with the original), but
these do. Each feature is a *term*, a string with a one-letter kind prefix:

- ``n:`` a name: a capitalised multi-word sequence ("n:kirill dmitriev") and each of its
  words, or a single capitalised word that does not open its sentence ("n:dmitriev");
  headlines are left out (every word of one is capitalised).
- ``f:`` a figure: a number with the (stemmed) word after it ("f:19th round", "f:5 billion"), or a
  bare number of two digits or more ("f:2025").
- ``q:`` a word 3-gram inside a quotation (``engine.quotes.find_quotations``).
- ``w:`` a content word (stemmed, four letters or more, not a stopword): rare ones weigh,
  common ones are weighed down by the corpus's IDF when ranking.
- ``s:`` an exact sentence, normalised (word keys) and hashed: body sentences of five
  words or more.

API:
    Features                                    title, date, word count, content hash, terms
    extract(doc) -> Features                    the features of a loaded article
    KINDS                                       the term kinds and their labels
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from diffreader.engine.model import Document, SentenceKind
from diffreader.engine.quotes import find_quotations
from diffreader.engine.text import STOPWORDS, fold_quotes, stem, word_keys

__all__ = ["KINDS", "Features", "content_hash", "extract"]

KINDS = {"n": "names", "f": "figures", "q": "quotation words", "w": "rare words", "s": "sentences"}
"""Term kinds (the prefix before the colon) and what they count."""

_NAME_WORD = r"[A-Z][\w'’-]*[\w]"
_NAME_RUN = re.compile(rf"\b{_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|of|de|van|von|al|bin))*")
_NUMBER = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)(st|nd|rd|th|s|%)?(?![\w])")
_FOLLOW = re.compile(r"[ \t\-]*([$€£%]|[A-Za-z]+)")
_CURRENCY = re.compile(r"[$€£]\s*$")
_MIN_SENTENCE_WORDS = 5
_MIN_WORD = 4
_QUOTE_GRAM = 3
_SENTENCE_END = re.compile(r"[.!?:;\"“”]\s*$")


@dataclass(frozen=True, slots=True)
class Features:
    """What the index keeps of one article."""

    title: str | None
    date: str | None
    words: int
    """Number of whitespace-separated words of the text."""
    hash: str
    """``content_hash`` of the decoded text."""
    terms: dict[str, int] = field(default_factory=dict)
    """Term -> number of occurrences."""


def content_hash(text: str) -> str:
    """A short hash of a decoded text (what "changed" means once size or mtime moved).

    >>> content_hash("a") == content_hash("a"), len(content_hash("a"))
    (True, 32)
    """
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def extract(doc: Document) -> Features:
    """The features of ``doc``.

    >>> from diffreader.engine.load import document_from_text
    >>> f = extract(document_from_text(
    ...     "Port Closes\\n\\nThe port of Brindle closed after a 40 metre wave, said Ana Kovac. "
    ...     "“We had no choice at all,” Kovac said."))
    >>> sorted(t for t in f.terms if t[0] in "nfq")  # doctest: +NORMALIZE_WHITESPACE
    ['f:40 metr', 'n:ana', 'n:ana kovac', 'n:brindle', 'n:kovac', 'q:choice at all',
     'q:had no choice', 'q:no choice at', 'q:we had no']
    """
    terms: Counter[str] = Counter()
    text = doc.text
    for sentence in doc.sentences:
        if sentence.kind is SentenceKind.META:
            continue
        sentence_text = fold_quotes(sentence.text)
        if sentence.kind is not SentenceKind.HEADLINE:
            # A headline's words are all capitalised: they name nothing by that.
            _names(sentence_text, terms)
        _figures(sentence_text, terms)
        keys = word_keys(sentence_text)
        for word in keys:
            if len(word) >= _MIN_WORD and word.isalpha() and word not in STOPWORDS:
                terms["w:" + stem(word)] += 1
        if sentence.kind is SentenceKind.BODY and len(keys) >= _MIN_SENTENCE_WORDS:
            digest = hashlib.blake2b(" ".join(keys).encode(), digest_size=8).hexdigest()
            terms["s:" + digest] += 1
    for found in find_quotations(doc):
        words = word_keys(fold_quotes(text[found.start : found.end]))
        for i in range(len(words) - _QUOTE_GRAM + 1):
            terms["q:" + " ".join(words[i : i + _QUOTE_GRAM])] += 1
    return Features(
        title=doc.title,
        date=doc.date,
        words=len(text.split()),
        hash=content_hash(text),
        terms=dict(terms),
    )


def _names(sentence: str, terms: Counter[str]) -> None:
    for match in _NAME_RUN.finditer(sentence):
        words = match.group().split()
        while words and words[-1].lower() in ("of", "de", "van", "von", "al", "bin"):
            words.pop()
        opening = not sentence[: match.start()].strip(" \t\"'(“‘-—–")
        if opening and words:
            # A sentence's first word is capitalised anyway: it names nothing by itself.
            first = words[0].lower()
            if first in STOPWORDS or len(words) == 1:
                words = words[1:]
        keys = [w.lower().rstrip("'’").removesuffix("'s").removesuffix("’s") for w in words]
        keys = [k for k in keys if k]
        if not keys:
            continue
        if len(keys) > 1:
            terms["n:" + " ".join(keys)] += 1
        for key in keys:
            if key not in STOPWORDS and len(key) > 1 and key.isalpha():
                terms["n:" + key] += 1


def _figures(sentence: str, terms: Counter[str]) -> None:
    for match in _NUMBER.finditer(sentence):
        number = match.group(1).replace(",", "")
        suffix = match.group(2) or ""
        follow = _FOLLOW.match(sentence, match.end())
        unit = ""
        if suffix == "%":
            unit = "percent"
        elif follow and follow.group(1).isalpha() and follow.group(1).lower() not in STOPWORDS:
            unit = stem(follow.group(1).lower())
        elif follow and follow.group(1) == "%":
            unit = "percent"
        if _CURRENCY.search(sentence, 0, match.start()):
            unit = (unit + " " if unit else "") + "money"
        value = number + (suffix if suffix in ("st", "nd", "rd", "th") else "")
        if unit:
            terms[f"f:{value} {unit}"] += 1
        elif len(number.replace(".", "")) >= 2:
            terms["f:" + value] += 1
