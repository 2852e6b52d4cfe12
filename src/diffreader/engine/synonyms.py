"""Tells related words apart from unrelated ones (hurt/injured, blaze/fire) with a vendored
WordNet table, for the aligner's last pass: sentences that say the same thing in other words.

API:
    related(a, b) -> bool               the words share a WordNet sense, or one's sense is a
                                        direct hypernym or derived form of the other's
    senses(word) -> Senses              the table's senses and neighbours of a word and its lemmas
    phrase_senses(first, second) -> Senses   those of a two-word lemma ("fell in")
    parts_of_speech(word) -> str        the table's parts of speech of a word (``a n r v``)
    linked(x, y) -> bool                whether two look-ups are related, as ``related``

To WordNet's senses it adds groups of news synonyms WordNet does not relate
(``data/synonyms-news.tsv``, written for the project: "company" / "firm", "bills" /
"costs"), each group a sense of its own.

The table is ``data/synonyms.tsv.gz`` (gzip: ``word<TAB>parts of speech<TAB>sense
ids<TAB>neighbour ids``), built from WordNet by ``scripts/build_synonyms.py``: the senses
that SemCor's tagged text used (or a word's first sense), the direct hypernyms of its noun
and verb senses and its derivationally related forms (see the script for the rule,
``data/README.md`` for the counts and ``data/LICENSE-WordNet.txt`` for the licence). It is
read once, on the first call (about 25 ms): importing this module, which the engine does,
reads nothing.

A word stands for itself when the table lists it (irregular forms are listed with their
lemmas' senses: ``fell``, ``gone``) and for the bases that the antonym table's regular-suffix
stemmer finds in a fitting part of speech (``injured`` -> ``injure``). Two-word lemmas are
listed with a space (``fall in``, ``go home``): callers look up a word and its next word
together. WordNet is sense-blind here as in ``antonyms.py``: ``set`` is related to ``fix``,
``put`` and ``start``, whichever the sentence meant. Only evidence of a rewording is drawn
from it, never a claim.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from diffreader.engine.antonyms import regular_bases

__all__ = [
    "NO_SENSES",
    "Senses",
    "linked",
    "parts_of_speech",
    "phrase_senses",
    "related",
    "senses",
]


class Senses(NamedTuple):
    """A word's WordNet senses (synset ids) and their neighbours (hypernyms, derived forms)."""

    own: frozenset[int]
    near: frozenset[int]


NO_SENSES = Senses(frozenset(), frozenset())
"""The senses of a word the table does not know."""


class _Table(NamedTuple):
    parts_of_speech: dict[str, str]
    """Each word's parts of speech (``a n r v``), as ``regular_bases`` reads them."""
    own: list[str]
    near: list[str]
    """Each row's sense and neighbour ids, in the order of ``parts_of_speech``, left
    unparsed: a look-up parses the few rows it reads."""
    rows: dict[str, int]
    """Each word's row."""


@functools.cache
def _table() -> _Table:
    # Imported here: importlib.resources brings pathlib, tempfile and shutil (about 12 ms),
    # which a comparison that needs no table (and the engine's import) should not pay.
    import gzip
    from importlib import resources

    packed = (resources.files("diffreader.engine") / "data" / "synonyms.tsv.gz").read_bytes()
    # Four fields a line: split in one call, taken apart by slicing (about 15 ms in all).
    fields = gzip.decompress(packed).decode("utf-8").replace("\t", "\n").split("\n")
    words = fields[0:-1:4]
    return _Table(
        dict(zip(words, fields[1::4], strict=True)),
        fields[2::4],
        fields[3::4],
        dict(zip(words, range(len(words)), strict=False)),
    )


_NEWS_SENSE = -1
"""The id of the first news group (``data/synonyms-news.tsv``); the others count down, so
no id is a WordNet table's (those are positive)."""


@functools.cache
def _news_groups() -> dict[str, frozenset[int]]:
    """Each word and two-word phrase of ``data/synonyms-news.tsv``: the ids of its groups."""
    from importlib import resources

    text = (resources.files("diffreader.engine") / "data" / "synonyms-news.tsv").read_text("utf-8")
    groups: dict[str, set[int]] = {}
    number = 0
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        words, _, _ = line.partition("\t")
        for word in words.split(","):
            groups.setdefault(word.strip(), set()).add(_NEWS_SENSE - number)
        number += 1
    return {word: frozenset(ids) for word, ids in groups.items()}


def _news_senses(words: list[str]) -> frozenset[int]:
    """The news groups of ``words`` (a word or phrase and its bases)."""
    groups = _news_groups()
    found: frozenset[int] = frozenset()
    for word in words:
        ids = groups.get(word)
        if ids is not None:
            found |= ids
    return found


def _with_news(found: Senses, news: frozenset[int]) -> Senses:
    return found if not news else Senses(found.own | news, found.near)


def _union(words: list[str]) -> Senses:
    """The senses and neighbours of the table's ``words`` together."""
    if not words:
        return NO_SENSES
    table = _table()
    own: set[int] = set()
    near: set[int] = set()
    for word in words:
        row = table.rows[word]
        own.update(map(int, table.own[row].split()))
        near.update(map(int, table.near[row].split()))
    return Senses(frozenset(own), frozenset(near))


@functools.lru_cache(maxsize=16384)
def senses(word: str) -> Senses:
    """The senses and neighbours of ``word`` (any case) and of its regular bases.

    >>> senses("injured").own > senses("injure").own, senses("Injure") == senses("injure")
    (True, True)
    >>> senses("qwxz") == NO_SENSES
    True
    """
    word = word.lower()
    table = _table()
    found = [word] if word in table.rows else []
    if word.isalpha():
        found += [b for b in regular_bases(word, table.parts_of_speech) if b not in found]
        # News synonyms WordNet lacks ("company" / "firm"): the word's and its bases'.
        news = _news_senses([word, *regular_bases(word, _NEWS_PARTS)])
        return _with_news(_union(found), news)
    return _union(found)


class _AnyPart(dict[str, str]):
    """Every word of the news groups in every part of speech, for ``regular_bases``."""

    def get(self, key: str, default: str = "") -> str:  # type: ignore[override]
        return "anrv" if key in _news_groups() else default

    def __contains__(self, key: object) -> bool:
        return key in _news_groups()


_NEWS_PARTS = _AnyPart()


def parts_of_speech(word: str) -> str:
    """The parts of speech (``a n r v``) the table gives ``word`` (any case) or, when it
    does not list it, its regular bases; "" for a word it does not know.

    >>> parts_of_speech("unveiled"), parts_of_speech("unchanged"), parts_of_speech("qwxz")
    ('v', 'a', '')
    """
    word = word.lower()
    table = _table()
    found = table.parts_of_speech.get(word)
    if found is not None:
        return found
    if not word.isalpha():
        return ""
    bases = regular_bases(word, table.parts_of_speech)
    return "".join(sorted({p for b in bases for p in table.parts_of_speech[b]}))


@functools.lru_cache(maxsize=16384)
def phrase_senses(first: str, second: str) -> Senses:
    """The senses of the two-word lemma ``first second`` (any case), its first word
    inflected or not ("caved in"; the table lists irregular ones: "fell in");
    ``NO_SENSES`` when the table has none.

    >>> phrase_senses("caved", "in") == senses("cave in") != NO_SENSES
    True
    """
    if not (first.isalpha() and second.isalpha()):
        return NO_SENSES
    first, second = first.lower(), second.lower()
    rows = _table().rows
    # The first word's verb bases, whatever the table says of it alone ("cave" is a noun).
    bases = [first, *regular_bases(first, None)]
    phrases = list(dict.fromkeys(f"{b} {second}" for b in bases))
    found = _union([p for p in phrases if p in rows])
    return _with_news(found, _news_senses(phrases))


def related(a: str, b: str) -> bool:
    """Tell whether WordNet relates ``a`` and ``b`` (any case, any inflection): a sense in
    common, or a sense of one that is a direct hypernym or derived form of the other's.

    >>> related("hurt", "injured"), related("blaze", "fire"), related("seemed", "appears")
    (True, True, True)
    >>> related("mayor", "teacher"), related("bridge", "qwxz")
    (False, False)
    """
    return linked(senses(a), senses(b))


def linked(x: Senses, y: Senses) -> bool:
    """Whether two look-ups are related: a sense in common, or a sense of one among the
    other's neighbours (``related`` on words, the rewording pass on words and phrases)."""
    return not (x.own.isdisjoint(y.own) and x.own.isdisjoint(y.near) and x.near.isdisjoint(y.own))
