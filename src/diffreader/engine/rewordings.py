"""Pairs the sentences a rewrite says in other words, which the aligner's shared terms miss.

The aligner (``align.py``) matches sentences by the stems they share. A rewording that keeps
the meaning but trades the words ("Nobody was hurt" / "No one was injured"; "the fire
appeared to have been started deliberately" / "the blaze seemed to have been set on
purpose") shares too few to be matched, and was shown as a dropped sentence and an added
one: two claims an editor must read and dismiss. This last pass pairs such sentences when
two kinds of evidence agree:

- **position**: both lie in the same gap between two matched neighbours (as
  gap filling requires: ``align.gap_bounds``), and the gap is small (at most ``MAX_GAP`` sentences a
  side): the rewrite kept the story's order there;
- **words**: at least ``MIN_COVERAGE`` of the content words of the two sentences together
  have a counterpart on the other side, by the same stem or by WordNet
  (``synonyms.related``: a shared sense, a direct hypernym, a derived form; a word and the
  next may be a two-word lemma, "fell in" / "collapsed"), and at least one counterpart
  came from WordNet or is a span of time, a figure or a time of day written in other words
  ("18 months" / "a year and a half", "58%" / "58 per cent", "£4m" / "£4 million", "1.40am" /
  "01:40"): pairs that share stems
  alone were the aligner's to judge. A figure is one content word, its value.

The one sentence left on each side between the same two matched neighbours needs only
``MIN_SANDWICHED`` when both state a figure of the same value ("Electric scooters made up
31% of rentals" / "E-scooters accounted for 31 per cent of hires"), and only
``MIN_SHARED_FIGURE`` of its words matched by stem or WordNet, WordNet or not, when that
figure is a share or 10 or more ("about 30% lower than at the start of the year" / "roughly
30% below their level in early January"). Each pair gets its coverage as its score; the
best pairs are taken first, each sentence once.
A pair formed here is a rewording like any other: its word diff is shown and its changed
facts are still claims (a figure, a name, a negation); only the whole-sentence "dropped" and
"added" of a mere rewording go.

API:
    MAX_GAP, MIN_COVERAGE, MIN_SANDWICHED, MIN_SHARED_FIGURE, MIN_NEAR_COVERAGE, MIN_ATTACHED
    coverage(a, b) -> float                            the words' evidence for one pair
    attached(sentence, same, other) -> bool            a left-over sentence merged, reworded,
                                                       into a neighbour group's other side
    pair_rewordings(a_texts, b_texts, gaps) -> list[(a, b, score)]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import pairwise

from diffreader.engine.claims import spans_of_time, times_of_day
from diffreader.engine.lexicon import NAMED_TIMES, SCALE_WORDS, STOPWORDS, TIME_UNITS, alternation
from diffreader.engine.synonyms import NO_SENSES, Senses, linked, phrase_senses, senses
from diffreader.engine.text import compiled, stem, word_keys

__all__ = [
    "MAX_GAP",
    "MIN_ATTACHED",
    "MIN_COVERAGE",
    "MIN_NEAR_COVERAGE",
    "MIN_SANDWICHED",
    "MIN_SHARED_FIGURE",
    "attached",
    "coverage",
    "pair_rewordings",
]

MAX_GAP = 6
"""Unmatched sentences a side beyond which a gap says nothing of which pairs with which."""

MIN_COVERAGE = 0.5
"""Share of both sentences' content words that must have a counterpart on the other side."""
MIN_SANDWICHED = 0.35
"""The share for the one sentence left on each side between the same two matched neighbours
when both state a figure of the same value ("58% of sales" / "58 per cent of sales"):
stronger evidence of position and of facts for weaker evidence of words."""
MIN_NEAR_COVERAGE = 0.8
"""The same share for two sentences that lie in neighbouring gaps, not the same one (a
short sentence moved past its neighbour as it was reworded): stronger evidence of words for
weaker evidence of position."""

_FUNCTION_WORDS = frozenset(
    """aboard across along alongside amid amidst among amongst anybody anyone anything
    although around behind beneath beside besides beyond despite either else elsewhere ever every
    everybody everyone everything inside like many meanwhile much near nearby neither
    nobody none nothing onto outside per several since somebody someone something
    still though throughout toward towards unless unlike upon via whereas whether within
    without yet already thankfully fortunately luckily happily sadly unfortunately
    tragically notably indeed however moreover furthermore additionally also""".split()
)
"""Closed-class words the stopword list (``lexicon.STOPWORDS``, the Snowball list) lacks:
the other English prepositions, indefinite pronouns and quantifiers, the subordinating
conjunctions it lacks, a few adverbs of time, and the adverbs a rewrite opens a sentence
with to comment on it ("Thankfully, nobody was hurt.", "Moreover, …"). They say nothing of
what a sentence is about, and a rewording trades them freely ("among drivers" / "drivers
across the district", "but" / "though")."""

_IGNORED = STOPWORDS | _FUNCTION_WORDS

_VALUE_MARK = "\x00"
"""What opens the key of a span of time (``_Words``): no word's key holds it."""
_TIME_WORD = re.compile(r"(?i)\b(?:" + "|".join(sorted(TIME_UNITS, key=len, reverse=True)) + r")")
"""A unit of time's word, which a span of time holds (most sentences hold none)."""

_CLOCK = rf"(?i)\d[.:]\d\d|\d\s*[ap]\.?m\b|\b(?:{alternation(NAMED_TIMES)})\b"
"""What a time of day holds (most sentences hold none): a clock's minutes, "am" or "pm",
"noon", "midnight"."""


def _apart(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Sorted ``spans`` without those that overlap one kept before them."""
    out: list[tuple[int, int, str]] = []
    for span in spans:
        if not out or span[0] >= out[-1][1]:
            out.append(span)
    return out


_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?%?")
"""A word key that is a figure: "58", "3,200", "2.4", "58%"."""
_PERCENT_WORDS = {("per", "cent"): 2, ("percent",): 1, ("pc",): 1}
"""Words after a figure that make it a percentage, by how many keys they take."""
_CURRENCY_WORDS = frozenset("euro euros dollar dollars pound pounds pence".split())
"""Currency words after a figure, which a rewrite trades for a sign ("60,000 euros" /
"€60,000", the sign no word key)."""

_MAX_WORDS = 80
"""Content words beyond which a sentence is not compared here (a run-on line of a listing
or of noise): the aligner alone judges it."""


class _Words:
    """A sentence's content words: their stems and WordNet senses, and its two-word lemmas;
    a span of time it states is one word, its value (``values``)."""

    __slots__ = ("phrases", "senses", "stems", "values")

    def __init__(self, text: str) -> None:
        # A span of time is one content word, keyed by its value in its base unit
        # (``claims.spans_of_time``: "18 months" and "a year and a half" are one value),
        # remembered with its words as written.
        self.values: dict[str, str] = {}
        keys: list[str] = []
        at_char = 0
        spans = spans_of_time(text) if _TIME_WORD.search(text) else []
        if compiled(_CLOCK).search(text):
            # A time of day is one value too: "1.40am" / "01:40", "6pm" / "18:00".
            clocks = [(s, e, f"{m // 60:02d}:{m % 60:02d}") for s, e, m in times_of_day(text)]
            spans = _apart(sorted([*spans, *clocks]))
        for start, end, value in spans:
            keys.extend(word_keys(text[at_char:start]))
            key = _VALUE_MARK + value
            keys.append(key)
            self.values[key] = " ".join(text[start:end].lower().split())
            at_char = end
        keys.extend(word_keys(text[at_char:]))
        keys = self._figures(keys)
        # Each key's place among the content words (-1: a stopword or a mixed token).
        at: list[int] = []
        content: list[str] = []
        previous = ""
        for key in keys:
            if key == "one" and previous in ("no", "every", "any", "some"):
                at.append(-1)  # "no one" is "nobody": a pronoun
            elif ((key.isalpha() or key.isdigit()) and key not in _IGNORED) or key in self.values:
                at.append(len(content))
                content.append(key)
            else:
                at.append(-1)
            previous = key
        self.stems: list[str] = [k if k in self.values else stem(k) for k in content]
        self.senses: list[Senses] = [senses(k) if k.isalpha() else NO_SENSES for k in content]
        # A two-word lemma ("fell in", "go home") stands for the content word it holds.
        self.phrases: list[tuple[int, Senses]] = []
        for (first, second), (i, j) in zip(pairwise(keys), pairwise(at), strict=True):
            if i < 0 and j < 0:
                continue
            found = phrase_senses(first, second)
            if found.own or found.near:
                self.phrases.append((i if i >= 0 else j, found))

    def _figures(self, keys: list[str]) -> list[str]:
        """``keys`` with each figure one key, its value ("3,200" and "3200" are one; "58%"
        and "58 per cent"; "£4m" and "£4 million"), remembered in ``values`` with its words
        as written, so that a figure written in other words is evidence of a rewording as
        a span of time is."""
        out: list[str] = []
        i, n = 0, len(keys)
        while i < n:
            key = keys[i]
            if not (key[:1].isdigit() and _FIGURE.fullmatch(key)):
                out.append(key)
                i += 1
                continue
            value, taken = key.replace(",", ""), 1
            following = keys[i + 1 : i + 3]
            for words, size in _PERCENT_WORDS.items():
                if not value.endswith("%") and tuple(following[:size]) == words:
                    value, taken = value + "%", 1 + size
            if taken == 1 and following and following[0] in SCALE_WORDS:
                value, taken = f"{value}x{SCALE_WORDS[following[0]]:g}", 2
            if taken == 1 and following and following[0] in _CURRENCY_WORDS:
                taken = 2
            said = " ".join(keys[i : i + taken])
            mark = _VALUE_MARK + value
            self.values.setdefault(mark, said)
            out.append(mark)
            i += taken
        return out

    def subset(self, indices: Sequence[int]) -> _Words:
        """These words' content words ``indices`` alone (and the phrases standing for them)."""
        out = _Words("")
        place = {i: k for k, i in enumerate(indices)}
        out.stems = [self.stems[i] for i in indices]
        out.values = {s: self.values[s] for s in out.stems if s in self.values}
        out.senses = [self.senses[i] for i in indices]
        out.phrases = [(place[i], found) for i, found in self.phrases if i in place]
        return out


_words_of = lru_cache(maxsize=4096)(_Words)
"""``_Words`` of a text, remembered: ``attached`` reads a group's sides once for each
left-over sentence beside it, and the second rewording pass reads the first's sentences."""


def _is_figure(key: str) -> bool:
    """Whether a content word's key is a figure (``_Words._figures``), not a span of time."""
    return key.startswith(_VALUE_MARK) and " " not in key


def _matched(words: _Words, other: _Words) -> tuple[int, bool]:
    """How many of ``words`` have a counterpart in ``other``; whether WordNet gave one."""
    matched, by_wordnet = _matched_flags(words, other)
    return sum(matched), by_wordnet


def _matched_flags(
    words: _Words, other: _Words, *, any_figure: bool = True
) -> tuple[list[bool], bool]:
    """Which of ``words`` have a counterpart in ``other``; whether WordNet gave one, or a
    span of time or a figure the other states in other words ("18 months" / "a year and a
    half", "58%" / "58 per cent"). With ``any_figure``, any figure of ``other`` is the
    counterpart of a figure of ``words``; without, only the same figure."""
    stems = set(other.stems)
    theirs = [*other.senses, *(found for _, found in other.phrases)]
    # A figure faces a figure: a changed one is the claims' to report, not a sign that
    # the sentences are unrelated ("12 remain" / "21 are still").
    figures = any_figure and any(map(_is_figure, stems))
    matched = [s in stems or (figures and _is_figure(s)) for s in words.stems]
    by_wordnet = any(other.values.get(value, said) != said for value, said in words.values.items())
    candidates = [*enumerate(words.senses), *words.phrases]
    for index, mine in candidates:
        if matched[index] or not (mine.own or mine.near):
            continue
        if any(linked(mine, found) for found in theirs):
            matched[index] = by_wordnet = True
    return matched, by_wordnet


MIN_ATTACHED = 0.6
"""Share of a left-over sentence's content words that what a group's other side says beyond
its own side must cover for the sentence to join the group (``attached``)."""
_MAX_ATTACHED_CHARS = 240
"""Characters beyond which a left-over sentence cannot hold ``_MAX_ATTACHED_WORDS`` content
words and its stopwords, told without reading its words."""
_MAX_ATTACHED_WORDS = 12
"""Content words beyond which a left-over sentence is not tried against a neighbour group:
a long sentence that the aligner could not match is no clause merged into another."""


def attached(sentence: str, same: str, other: str) -> bool:
    """Whether ``sentence``, left unmatched beside a group whose own side says ``same`` and
    whose other side says ``other``, was merged into that other side in other words: at
    least ``MIN_ATTACHED`` of its content words have a counterpart (the same stem or a
    WordNet or news synonym) among the words of ``other`` that ``same`` does not account
    for ("No one was hurt." beside "The fire destroyed a barn." / "The fire destroyed a
    barn, and nobody was injured.").

    >>> attached("No one was hurt.", "The fire destroyed a barn.",
    ...          "The fire destroyed a barn, and nobody was injured.")
    True
    >>> attached("The mayor resigned.", "The fire destroyed a barn.",
    ...          "The fire destroyed a barn, and nobody was injured.")
    False
    """
    if len(sentence) > _MAX_ATTACHED_CHARS:
        return False  # a long sentence (or a piece of a line with no full stop)
    content = sum(1 for k in word_keys(sentence) if k.isalnum() and k not in _IGNORED)
    if not content or content > _MAX_ATTACHED_WORDS:
        return False  # counted before WordNet is read: most left-over sentences are longer
    x = _words_of(sentence)
    if not x.stems or len(x.stems) > _MAX_ATTACHED_WORDS:
        return False
    y = _words_of(other)
    if not y.stems or len(y.stems) > _MAX_WORDS:
        return False
    # Figures match by value here: the group's own side may hold other figures.
    accounted, _ = _matched_flags(y, _words_of(same), any_figure=False)
    extra = y.subset([i for i, done in enumerate(accounted) if not done])
    if not extra.stems:
        return False
    matched, _ = _matched_flags(x, extra, any_figure=False)
    # A figure with no counterpart is neither evidence nor against it: a merged clause's
    # figure may have changed, which the claims report.
    unmatched_figures = sum(
        1 for s, m in zip(x.stems, matched, strict=True) if not m and _is_figure(s)
    )
    return sum(matched) >= MIN_ATTACHED * (len(x.stems) - unmatched_figures)


def coverage(a: str, b: str) -> float:
    """The share of the content words of ``a`` and ``b`` with a counterpart on the other
    side, or 0.0 when no counterpart came from WordNet.

    >>> coverage("Nobody was hurt in the fire.", "No one was injured in the blaze.")
    1.0
    >>> coverage("The mayor resigned.", "Rain is forecast.")
    0.0
    """
    x, y = _Words(a), _Words(b)
    return _coverage(x, y)


def _same_figure(x: _Words, y: _Words, least: float = 0) -> bool:
    """Whether both state a figure of the same value; with ``least``, one of at least that
    or a share ("30%"): a figure a sentence seldom shares with another by chance."""
    return any(
        _is_figure(value) and value in y.values and (not least or _at_least(value, least))
        for value in x.values
    )


def _at_least(key: str, least: float) -> bool:
    """Whether the figure of ``key`` (``_Words._figures``) is a share or at least ``least``."""
    figure = key[len(_VALUE_MARK) :]
    if figure.endswith("%"):
        return True
    number, _, scale = figure.partition("x")
    try:
        return float(number) * (float(scale) if scale else 1.0) >= least
    except ValueError:
        return False


MIN_SHARED_FIGURE = 0.2
"""The share of both sentences' content words with a counterpart, by stem or by WordNet
(``_matched_share``), for the one sentence left on each side between the same two matched
neighbours when both state the same figure of 10 or more, or the same share ("Rates are now
about 30% lower than at the start of the year" / "They are roughly 30% below their level in
early January"): a figure of its own says which sentence is which, whatever the words."""


def _matched_share(x: _Words, y: _Words) -> tuple[float, bool]:
    """The share of both sentences' content words with a counterpart on the other side, by
    stem or by WordNet, and whether WordNet (or a figure or span of time in other words)
    gave one; (0.0, False) for an empty or an overlong sentence."""
    total = len(x.stems) + len(y.stems)
    if not x.stems or not y.stems or max(len(x.stems), len(y.stems)) > _MAX_WORDS:
        return 0.0, False
    matched_x, wordnet_x = _matched(x, y)
    matched_y, wordnet_y = _matched(y, x)
    return (matched_x + matched_y) / total, wordnet_x or wordnet_y


def _coverage(x: _Words, y: _Words) -> float:
    share, by_wordnet = _matched_share(x, y)
    return share if by_wordnet else 0.0


def pair_rewordings(
    a_texts: Mapping[int, str],
    b_texts: Mapping[int, str],
    gaps: Sequence[tuple[int, Sequence[int]]],
    minimum: float = MIN_COVERAGE,
) -> list[tuple[int, int, float]]:
    """Pairs (A id, B id, score) of rewordings, best first, each sentence once.

    ``gaps`` gives, for each B id, the ids of the A sentences that lie in its gap
    (unmatched sentences between the same matched neighbours); a gap of more than
    ``MAX_GAP`` is passed over. A pair needs a coverage of ``minimum`` at least.

    >>> a = {3: "It rained.", 4: "Nobody was hurt."}
    >>> pair_rewordings(a, {7: "No one was injured."}, [(7, [3, 4])])
    [(4, 7, 1.0)]
    """
    words_a: dict[int, _Words] = {}
    words_b: dict[int, _Words] = {}
    scored: list[tuple[float, int, int]] = []
    tried = Counter(a for _, candidates in gaps for a in candidates)
    for b, candidates in gaps:
        if len(candidates) > MAX_GAP:
            continue
        y = words_b.get(b) or words_b.setdefault(b, _words_of(b_texts[b]))
        alone = len(candidates) == 1
        for a in candidates:
            x = words_a.get(a) or words_a.setdefault(a, _words_of(a_texts[a]))
            share, by_wordnet = _matched_share(x, y)
            score = share if by_wordnet else 0.0
            if score >= minimum or (
                alone
                and tried[a] == 1
                and minimum <= MIN_COVERAGE
                and _same_figure(x, y)
                and (
                    score >= MIN_SANDWICHED
                    or (share >= MIN_SHARED_FIGURE and _same_figure(x, y, 10))
                )
            ):
                scored.append((score, a, b))
    # Best first; among equals, by the sum of the ids, which is the same with the sides
    # swapped (two pairs that share a sentence and tie on both are the same pair).
    scored.sort(key=lambda e: (-e[0], e[1] + e[2], e[1]))
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    out: list[tuple[int, int, float]] = []
    for score, a, b in scored:
        if a not in taken_a and b not in taken_b:
            taken_a.add(a)
            taken_b.add(b)
            out.append((a, b, score))
    return out
