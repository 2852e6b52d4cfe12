"""Looks up opposite words (rise/fall, buy/sell, guilty/innocent) in a vendored WordNet table.

API:
    lemma(word) -> str                       base form the table knows ("rose" -> "rise"), else word
    are_opposites(a, b) -> bool              WordNet antonyms through their lemmas, any case
    opposites(word) -> frozenset[str]        the table's antonyms of the word and of its lemmas

The tables are ``data/antonyms.tsv`` (``word<TAB>word<TAB>pos``) and ``data/inflections.tsv``
(``form<TAB>lemma``), built from WordNet by ``scripts/build_antonyms.py`` (see
``data/README.md`` for the rule and ``data/LICENSE-WordNet.txt`` for the licence). They are
read once, on the first call, through ``importlib.resources``; importing this module reads
nothing, and ``diffreader.engine`` does not import it.

A word stands for a set of candidate lemmas: itself when the table lists it, the lemmas of its
irregular forms (``won`` -> ``win``, ``better`` -> ``good``, ``well``), and bases found by a
small regular-suffix stemmer. Two words are opposites when a candidate of one is listed as an
antonym of a candidate of the other, and they share no candidate (a word is never its own
opposite, nor is ``best`` the opposite of ``better``).

Limits of the stemmer: it strips -s/-es/-ies, -ed/-ied, -ing, -er/-est/-ier/-iest and
-ly/-ily (undoing a doubled final consonant and restoring a final -e), and keeps a base only
if the table lists it in a part of speech the suffix fits: -s and -es for nouns and verbs,
-ed and -ing for verbs, -er and -est for adjectives and adverbs, -ly for adjectives (and
only for words the table does not list itself); bases need at least three letters. It
knows no other English vocabulary, so a word that merely looks inflected still maps onto a
table word ("offer" -> "off", "after" -> "aft", "united" -> "unite"), and it is blind to word
sense: WordNet pairs hold for one sense each. The build drops verb pairs in a rare sense and a
reviewed list of pairs rarely opposite in news ("on"/"off", "stand"/"sit"), but a pair kept
may still be read in another sense. Tokens are taken as
given: callers strip punctuation and possessives; anything not purely alphabetic after
lower-casing has no lemma in the table and no opposites.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping
from typing import NamedTuple

__all__ = ["are_opposites", "lemma", "opposites", "regular_bases"]

# (suffix, replacement, parts of speech the base must have), tried in this order.
_SUFFIXES: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("ies", "y", frozenset("nv")),
    ("es", "", frozenset("nv")),
    ("s", "", frozenset("nv")),
    ("ied", "y", frozenset("v")),
    ("ed", "e", frozenset("v")),
    ("ed", "", frozenset("v")),
    ("ing", "e", frozenset("v")),
    ("ing", "", frozenset("v")),
    ("iest", "y", frozenset("ar")),
    ("ier", "y", frozenset("ar")),
    ("est", "e", frozenset("ar")),
    ("est", "", frozenset("ar")),
    ("er", "e", frozenset("ar")),
    ("er", "", frozenset("ar")),
    ("ily", "y", frozenset("a")),
    ("ly", "", frozenset("a")),
)
_MIN_BASE = 3


class _Tables(NamedTuple):
    opposites: dict[str, frozenset[str]]
    parts_of_speech: dict[str, frozenset[str]]
    irregular: dict[str, tuple[str, ...]]


@functools.cache
def _tables() -> _Tables:
    from importlib import resources  # here, as synonyms._table: about 12 ms of imports

    data = resources.files("diffreader.engine") / "data"
    opposite_sets: dict[str, set[str]] = {}
    pos_sets: dict[str, set[str]] = {}
    for line in (data / "antonyms.tsv").read_text("utf-8").splitlines():
        a, b, pos = line.split("\t")
        parts = pos.split(",")
        for word, other in ((a, b), (b, a)):
            opposite_sets.setdefault(word, set()).add(other)
            pos_sets.setdefault(word, set()).update(parts)
    irregular: dict[str, list[str]] = {}
    for line in (data / "inflections.tsv").read_text("utf-8").splitlines():
        form, base = line.split("\t")
        irregular.setdefault(form, []).append(base)
    return _Tables(
        {word: frozenset(others) for word, others in opposite_sets.items()},
        {word: frozenset(parts) for word, parts in pos_sets.items()},
        {form: tuple(bases) for form, bases in irregular.items()},
    )


_OWN_ADVERBS = frozenset(
    "nearly hardly barely scarcely lately presently highly fairly largely mostly".split()
)
"""Adverbs in "-ly" of degree or time whose sense is not their adjective's ("nearly
twice" is "almost twice", not "near"; "largely" is "mostly"): no base. "Shortly" keeps
"short" ("shortly after 11am" / "not long after 11am")."""


def regular_bases(word: str, parts_of_speech: Mapping[str, Collection[str]] | None) -> list[str]:
    """Bases of ``word`` by the regular suffixes that ``parts_of_speech`` (a table's words
    and their parts of speech, ``a n r v``) lists in a fitting part of speech; with
    ``None``, every verb base the suffixes give (the caller checks them: the related-word
    table's two-word lemmas, "caved in"). The related-word table (``synonyms.py``) strips
    with the same rules.

    >>> regular_bases("stopped", {"stop": "nv"}), regular_bases("stops", {"stop": "a"})
    (['stop'], [])
    >>> regular_bases("caved", None)
    ['cave', 'cav']
    """
    found: list[str] = []
    listed = parts_of_speech is not None and word in parts_of_speech
    for suffix, replacement, wanted in _SUFFIXES:
        if not word.endswith(suffix) or (suffix == "s" and word.endswith("ss")):
            continue
        if listed and suffix.endswith("ly"):
            continue  # "unlikely" is listed (unlikely/likely): it is not "unlike" + -ly
        if suffix.endswith("ly") and word in _OWN_ADVERBS:
            continue  # "nearly" is "almost", not "near"
        stem = word[: -len(suffix)]
        options = [stem + replacement]
        if not replacement and len(stem) > 2 and stem[-1] == stem[-2]:
            options.append(stem[:-1])  # stopped -> stop, bigger -> big
        for base in options:
            if (
                len(base) >= _MIN_BASE
                and base not in found
                and (
                    "v" in wanted
                    if parts_of_speech is None
                    else not wanted.isdisjoint(parts_of_speech.get(base, ""))
                )
            ):
                found.append(base)
    return found


@functools.lru_cache(maxsize=8192)
def _candidates(word: str) -> tuple[str, ...]:
    """Table words ``word`` may stand for: irregular lemmas, stems, then the word itself."""
    word = word.strip().lower()
    if not word.isalpha():
        return ()
    tables = _tables()
    found = [base for base in tables.irregular.get(word, ()) if base in tables.opposites]
    found += [base for base in regular_bases(word, tables.parts_of_speech) if base not in found]
    if word in tables.opposites and word not in found:
        found.append(word)
    return tuple(found)


def lemma(word: str) -> str:
    """Return the base form of ``word`` that the antonym table lists, else ``word`` lower-cased.

    Irregular forms come first ("rose" -> "rise", "worse" -> "bad"), then regular suffixes
    ("increases" -> "increase", "buying" -> "buy"), then the word itself ("guilty").

    >>> lemma("Fell"), lemma("selling"), lemma("innocent"), lemma("Parliament")
    ('fall', 'sell', 'innocent', 'parliament')
    """
    found = _candidates(word)
    return found[0] if found else word.strip().lower()


def opposites(word: str) -> frozenset[str]:
    """Return the table's antonyms of ``word`` and of its lemmas (empty when it has none).

    >>> sorted(opposites("bought")), sorted(opposites("Accepted"))
    (['sell'], ['decline', 'refuse', 'reject'])
    """
    found = _candidates(word)
    table = _tables().opposites
    return frozenset(other for base in found for other in table[base] if other not in found)


def are_opposites(a: str, b: str) -> bool:
    """Tell whether WordNet lists ``a`` and ``b`` (any case, any inflection) as antonyms.

    >>> are_opposites("rose", "fell"), are_opposites("Buying", "selling")
    (True, True)
    >>> are_opposites("rose", "rose"), are_opposites("rose", "increased")
    (False, False)
    """
    found_a, found_b = _candidates(a), _candidates(b)
    if not found_a or not found_b or set(found_a) & set(found_b):
        return False
    table = _tables().opposites
    return any(not table[base].isdisjoint(found_b) for base in found_a)
