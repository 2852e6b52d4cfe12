"""Provides the substitution layer: what a reworded group replaced, judged against the
sentences it is aligned with rather than the whole article.

``claims.py`` checks a fact against everything the other article says, so a value swapped
for another the article mentions elsewhere ("21 → 25", "Lund → Kwan", "million → billion")
passes as supported, and changes without a capital or a digit (a negation, an antonym, a
status word such as "former") reach no detector at all. This module looks at the small
diff hunks of one aligned group — a deletion in A facing an insertion in B at the same
place of the word diff — and at the group's own sentences:

    ============  ============  =========================================================
    substitution  category      flags
    ============  ============  =========================================================
    negation      negation      a negation (not, n't, never, without, failed to, denied…)
                                that the other side of the group lacks: added on B,
                                dropped on A. Quiet when the group keeps its count of
                                negations (a word its prefix negates counts: "did not
                                shift" / "unchanged"), when "not able" faces "unable",
                                and when a negation and an antonym cancel ("did not
                                accept" / "rejected", "will not open" / "will close").
                                "No. 5" and "no fewer than" are no negation.
    opposite      opposite      a word replaced by its antonym in the same hunk
                                (rose → fell, most → least), from ``antonyms.py``
    turned        opposite      two antonyms both sides say, each of the other's
    opposites                   subject ("Day trips rose while overnight stays fell" /
                                "Overnight stays rose while day trips fell"): all four
    figure        number        a quantity touching a hunk whose value, scale, unit or
                                bound ("about" / "more than") the other side's group
                                lacks; formats are normalised ("five" = "5",
                                "5 per cent" = "5%", "$45 million" = "$45m", "half" =
                                "50%", "one in four" = "a quarter", "18 months" = "a
                                year and a half", "80mph" = "80 miles per hour"); in
                                Chinese and Japanese, the figures and durations
                                claims.py reads, by value and counter (二倍 = 2倍)
    date          date          a date touching a hunk that no date of the other side's
                                group agrees with (weekday, month, day, year, "last" /
                                "next" period); "Jan. 5" = "January 5",
                                十一月三十日 = 11月30日
    name          person, place, a name replaced by another: both sides of the group hold a
                  organisation,  changed name the other side's group lacks (surname-only
                  name          references to the same person stay quiet)
    hedge         hedge         a hedge (alleged, reportedly, may, probably, appeared
                                to…) that the other side of the group lacks, its
                                attributions ("said", "according to") counted with its
                                hedges: dropped on A (B states it more surely), added on
                                B; and a booster (definitely, certainly…) one side adds.
                                Quiet when the sides keep their count ("reportedly" /
                                "officials said", "may" / "might", "likely" / "expected
                                to").
    bound         number        a figure both sides state, bounded on one side only
                                or otherwise ("nearly 8%" / "8%", "at least 40" / "40")
    swapped       number        two figures of one kind both sides state, each beside
    figures                     the words the other stands beside on the other side
                                ("78% voted in favour on a turnout of 61%" / "61% …
                                on a turnout of 78%"): all four
    role          role          a status word attached to a person (former, ex-, the
                                late, acting, interim, defending…) that the other side's
                                group lacks in any of its forms (ex- and one-time are
                                former), and a title before a name both sides hold that
                                the other side lacks ("Chief Inspector" → "Superintendent")
    ============  ============  =========================================================

Each entry of ``SUBSTITUTIONS`` is a function of one ``Group``; adding a kind of
substitution is adding one entry, its words in lexicon.py and its tests in
tests/engine/test_substitutions.py. A substitution is reported on both sides (the new
value added on B, the old value dropped from A), so the rule stays symmetric: swapping A
and B swaps added and dropped.

A sentence with no counterpart has no hunks; ``new_statuses`` finds in it a status given
to someone the other article names without it ("former President Trump").

API:
    find_substitutions(group) -> list[Found]
    might_substitute(deleted, inserted) -> bool      a cheap gate before building a Group
    just_past(exact, bound, way) -> bool             an exact figure a bound gives ("more than")
    share_rounds(exact, share) -> bool               "81%" is "four in five", rounded
    months_in_days(days) -> int | None               "90 days" is "three months"
    share_stands_for(share, exact, own) -> bool      which percentage a share restates
    new_statuses(text, start, end, other_text) -> list[tuple[int, int]]
    rate_spans(text) -> list[(start, end, interval)], rate_counts(text) -> set[str]
    plain_number(value) -> str                       "3000", "33.3": a value as claims key it
    CLOCK_SPAN, MINUTE_SPAN, SMALLER_UNITS           spans shown as a clock, or in several units
    clock_span_hours(match) -> float                 the hours of a span shown as a clock
    time_of_day(keys, i), clock_minutes(h, m, half)  a time of day, in minutes after midnight
    hour_opening_a_range(keys, i)                    "from six until noon": six is 6am
    Group, Word, Found, Substitution, SUBSTITUTIONS
"""

from __future__ import annotations

import datetime
import math
import operator
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from itertools import compress, islice, repeat
from typing import NamedTuple

from diffreader.engine import cjk
from diffreader.engine.lexicon import (
    ADDRESSES,
    AFTER_A_SHARE,
    BELIEF_VERBS,
    BOOSTERS,
    CALENDAR_PERIODS,
    CESSATIONS,
    CONTINUITY,
    DATE_MODIFIERS,
    DEMONYMS,
    DENIAL_VERBS,
    DISRUPTIONS,
    FRACTIONS,
    GENERIC_PERSON_NOUNS,
    HEDGE_VERBS,
    HEDGES,
    HOLIDAY_KEYS,
    HOLIDAY_PATTERN,
    HONORIFICS,
    IMPLICIT_NEGATIVES,
    INFINITIVE_NEGATORS,
    MEASURE_UNITS,
    MONTH_NUMBERS,
    MONTHS,
    NAMED_TIMES,
    NEGATING_PHRASES,
    NEGATING_VERBS,
    NEGATIONS,
    NEGATIVE_PREFIXES,
    NUMBER_WORDS,
    PERSON_NOUNS,
    PERSON_SUFFIXES,
    QUANTITY_QUALIFIERS,
    RANKS,
    RECIPROCAL_VERBS,
    REPORTING_VERBS,
    ROLE_NOUNS,
    SCALE_WORDS,
    SEASON_MONTHS,
    SEASONS,
    STATUS_MODIFIERS,
    STOPWORDS,
    TIME_UNITS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
    TITLES,
    UNIT_EQUIVALENTS,
    WEAK_NUMBER_WORDS,
    WEEKDAYS,
    alternation,
    holiday_date,
)
from diffreader.engine.model import (
    ClaimCategory,
    Document,
    Op,
    Pair,
    Sentence,
    SentenceKind,
    Side,
)
from diffreader.engine.segment import stamp_date, stamp_month, stamp_year, weekday_near
from diffreader.engine.synonyms import parts_of_speech, related
from diffreader.engine.text import compiled, sentence_tokens, stem, word_keys

__all__ = [
    "CLOCK_SPAN",
    "DAYS_A_MONTH",
    "DAYS_OFF_A_MONTH",
    "DEMONYM_OF",
    "JUST_PAST",
    "MINUTE_SPAN",
    "ONE_YEAR",
    "SMALLER_UNITS",
    "SUBSTITUTIONS",
    "YEAR_OFFSETS",
    "Found",
    "Group",
    "Substitution",
    "Word",
    "before_a_title",
    "clock_minutes",
    "clock_span_hours",
    "demonym_forms",
    "find_substitutions",
    "has_size",
    "hour_opening_a_range",
    "just_past",
    "measure_after",
    "measures_in",
    "might_substitute",
    "months_in_days",
    "months_in_weeks",
    "new_statuses",
    "person_noun",
    "plain_number",
    "rate_counts",
    "rate_spans",
    "rounding_step",
    "rounds_to",
    "same_measure",
    "share_rounds",
    "share_stands_for",
    "time_of_day",
    "weeks_in_months",
]

_A, _B = Side.A, Side.B
_SIDES = (Side.A, Side.B)
_SIDE_PAIRS = ((Side.A, Side.B), (Side.B, Side.A))
"""Each side with the other."""
_OTHER = {Side.A: Side.B, Side.B: Side.A}
"""``side.other`` as a table."""
_NUMBER, _DATE, _ROLE = ClaimCategory.NUMBER, ClaimCategory.DATE, ClaimCategory.ROLE
_DURATION = ClaimCategory.DURATION
_NEGATION, _OPPOSITE = ClaimCategory.NEGATION, ClaimCategory.OPPOSITE
_HEDGE = ClaimCategory.HEDGE
# The sides and categories above are read as module globals in the detectors, which run
# for every reworded group: reading a member from its enum class goes through the enum
# type's ``__getattr__`` hook (Python 3.11), about ten times slower.

_NAME_CATEGORIES = frozenset(
    (
        ClaimCategory.PERSON,
        ClaimCategory.PLACE,
        ClaimCategory.ORGANISATION,
        ClaimCategory.NAME,
    )
)
_TITLE_NOUNS = (TITLES | ROLE_NOUNS | RANKS) - HONORIFICS
_CURRENCY = frozenset("$€£¥")
_MAX_HUNK_WORDS = 8
"""An antonym counts only inside a small replacement: in a rewritten clause, words
facing each other are not a substitution."""
_MAX_NAME_HUNK_WORDS = 8
"""A name replaces another only inside a replacement this small (a title and a name)."""


class Word(NamedTuple):
    """A word (or number, or sign) of one side of a group."""

    start: int
    end: int
    raw: str
    key: str
    hunk: int
    """Index of the hunk that changed it, or -1 for a word both sides share here."""
    space_before: bool
    """Whitespace separates it from the token before it."""


class Found(NamedTuple):
    """A substitution found: a span of one side and its category."""

    side: Side
    category: ClaimCategory
    start: int
    end: int


class _Words(NamedTuple):
    """One side's words (every token but whitespace) as columns: word ``i`` is at
    ``[starts[i], ends[i])``, with key ``keys[i]``, changed by hunk ``hunks[i]`` (-1 for
    none); ``openers`` holds the indices of the words that open a sentence.

    Columns rather than a ``Word`` per word: most detectors read a few columns of a few
    words, and building every word of a group cost about a fifth of the layer's time.
    """

    starts: list[int]
    ends: list[int]
    keys: list[str]
    hunks: list[int]
    openers: frozenset[int]

    def spaced(self, i: int) -> bool:
        """Whitespace comes before word ``i``, or it opens a sentence. The columns leave out
        only whitespace tokens, and tokens tile a sentence: a gap before a word inside a
        sentence is whitespace."""
        return i in self.openers or self.ends[i - 1] != self.starts[i]


@dataclass
class Group:
    """One aligned group as the substitutions see it: the words of each side, which
    hunk changed each of them, and the facts the detectors of claims.py found."""

    columns: dict[Side, _Words]
    """Each side's words, as columns; ``words`` gives them as ``Word`` objects."""
    hunks: list[tuple[bool, bool]]
    """For each hunk: (it deletes words of A, it inserts words of B)."""
    text: dict[Side, str]
    find_facts: Callable[[Side], list[tuple[ClaimCategory, int, int]]]
    """The facts of one side's sentences (called once per side, when first needed)."""
    _words: dict[Side, list[Word]] = field(default_factory=dict)
    _keys: dict[Side, frozenset[str]] = field(default_factory=dict)
    _facts: dict[Side, list[tuple[ClaimCategory, int, int]]] = field(default_factory=dict)
    _sizes: dict[tuple[Side, int], int] | None = None
    _changed: dict[Side, list[int]] = field(default_factory=dict)
    _changed_keys: dict[Side, frozenset[str]] = field(default_factory=dict)
    _replacing: dict[Side, list[int]] = field(default_factory=dict)
    _quantities: dict[Side, list[_Quantity]] = field(default_factory=dict)
    _rates: dict[Side, list[tuple[int, int, tuple[str, str]]]] = field(default_factory=dict)
    _cjk: bool | None = None
    sentences: dict[Side, tuple[Sentence, ...]] = field(default_factory=dict)
    """Each side's article's sentences, for ``year`` and ``month``."""
    headline: bool = False
    """The group is two headlines."""
    people_changed: dict[Side, bool] = field(default_factory=dict)
    """``_changes_a_person_noun`` by side, read once for the three role detectors."""
    _years: dict[Side, int | None] = field(default_factory=dict)
    _months: dict[Side, int | None] = field(default_factory=dict)
    _stamps: dict[Side, datetime.date | None] = field(default_factory=dict)

    def year(self, side: Side) -> int | None:
        """The year of one side's article's time stamp (``segment.stamp_year``), the year
        its "this year" names: read when first asked (a date replaced, rarely)."""
        if side not in self._years:
            found = self.sentences.get(side)
            self._years[side] = stamp_year(found) if found is not None else None
        return self._years[side]

    def month(self, side: Side) -> int | None:
        """The month of one side's article's time stamp (``segment.stamp_month``), the
        month its "next month" counts from: read when first asked."""
        if side not in self._months:
            found = self.sentences.get(side)
            self._months[side] = stamp_month(found) if found is not None else None
        return self._months[side]

    def stamp(self, side: Side) -> datetime.date | None:
        """The day of one side's article's time stamp (``segment.stamp_date``), the week
        its "on Thursday" falls in: read when first asked."""
        if side not in self._stamps:
            found = self.sentences.get(side)
            self._stamps[side] = stamp_date(found) if found is not None else None
        return self._stamps[side]

    def rates(self, side: Side) -> list[tuple[int, int, tuple[str, str]]]:
        """The rates of one side's sentences (``rate_spans``, read once)."""
        found = self._rates.get(side)
        if found is None:
            c = self.columns[side]
            keys = self.keys(side)
            if c.starts and not keys.isdisjoint(_RATE_WORDS):
                found = rate_spans(self.text[side], c.starts[0], c.ends[-1])
            else:
                found = []  # no "every", "times", "twice" or "thrice": no rate
            self._rates[side] = found
        return found

    def quantities(self, side: Side) -> list[_Quantity]:
        """Every quantity of one side (``_quantities``, read once for all the detectors)."""
        found = self._quantities.get(side)
        if found is None:
            found = self._quantities[side] = _quantities(self, side)
        return found

    def is_cjk(self) -> bool:
        """Some sentence of the group holds kana or Han characters: its figures are read
        from the facts engine/cjk.py finds, not from its words (each character a word)."""
        if self._cjk is None:
            self._cjk = False
            for side in _SIDES:
                starts, ends = self.columns[side].starts, self.columns[side].ends
                if starts and cjk.has_cjk(self.text[side][starts[0] : ends[-1]]):
                    self._cjk = True
                    break
        return self._cjk

    def words(self, side: Side) -> list[Word]:
        """Every word of one side, in order (built when first asked)."""
        found = self._words.get(side)
        if found is None:
            n = len(self.columns[side].keys)
            found = self._words[side] = [self.word(side, i) for i in range(n)]
        return found

    def word(self, side: Side, i: int) -> Word:
        """Word ``i`` of one side."""
        c = self.columns[side]
        start, end = c.starts[i], c.ends[i]
        return Word(start, end, self.text[side][start:end], c.keys[i], c.hunks[i], c.spaced(i))

    def facts(self, side: Side) -> list[tuple[ClaimCategory, int, int]]:
        """(category, start, end) of the facts claims.py finds in one side's sentences."""
        if side not in self._facts:
            self._facts[side] = self.find_facts(side)
        return self._facts[side]

    def changed_in(self, side: Side, start: int, end: int) -> set[int]:
        """The hunks (of replacements) that change a word of ``[start, end)`` on ``side``."""
        c = self.columns[side]
        starts, hunks = c.starts, c.hunks
        i = bisect_left(c.ends, start)
        out = set()
        while i < len(starts) and starts[i] < end:
            hunk = hunks[i]
            if hunk >= 0 and all(self.hunks[hunk]) and starts[i] >= start:
                out.add(hunk)
            i += 1
        return out

    def changed(self, side: Side) -> list[int]:
        """Indices (into ``words(side)``) of the words a hunk changed."""
        if side not in self._changed:
            hunks = self.columns[side].hunks
            # The words with a hunk (>= 0), picked in C: no Python step per word.
            changed = compress(range(len(hunks)), map(operator.ge, hunks, repeat(0)))
            self._changed[side] = list(changed)
        return self._changed[side]

    def changed_keys(self, side: Side) -> frozenset[str]:
        """The keys of the words a hunk changed on one side: a detector whose cue words
        are none of them has nothing to look at."""
        if side not in self._changed_keys:
            keys = self.columns[side].keys
            self._changed_keys[side] = frozenset(map(keys.__getitem__, self.changed(side)))
        return self._changed_keys[side]

    def replacing(self, side: Side) -> list[int]:
        """Indices of the words of one side that a replacement changed (``replaced``)."""
        found = self._replacing.get(side)
        if found is None:
            # Each hunk's "replaces" flag, then the changed words of such hunks picked in C.
            replaces = list(map(all, self.hunks))
            changed = self.changed(side)
            hunk_of = map(self.columns[side].hunks.__getitem__, changed)
            found = self._replacing[side] = list(
                compress(changed, map(replaces.__getitem__, hunk_of))
            )
        return found

    def keys(self, side: Side) -> frozenset[str]:
        """Every word key of one side of the group."""
        if side not in self._keys:
            self._keys[side] = frozenset(self.columns[side].keys)
        return self._keys[side]

    def small(self, hunk: int, limit: int) -> bool:
        """Neither side of the hunk changes more than ``limit`` words: a substitution
        rather than a rewritten clause."""
        if self._sizes is None:
            self._sizes = Counter(
                (side, self.columns[side].hunks[i]) for side in _SIDES for i in self.changed(side)
            )
        return all(self._sizes.get((side, hunk), 0) <= limit for side in _SIDES)

    def both_replace(self, test: Callable[[str], bool], *, raw: bool = False) -> bool:
        """Some hunk replaces, on each side, a word whose key (or raw text, with ``raw``)
        passes ``test`` (a cheap gate)."""
        found = []
        for side in _SIDES:
            starts, ends, keys, of_word, _ = self.columns[side]
            replacing = self.replacing(side)
            # Each replacing word's key (or raw text) tested in C, with no Python step
            # per word but ``test`` itself.
            if raw:
                bounds = map(
                    slice, map(starts.__getitem__, replacing), map(ends.__getitem__, replacing)
                )
                values = map(self.text[side].__getitem__, bounds)
            else:
                values = map(keys.__getitem__, replacing)
            hunks = set(map(of_word.__getitem__, compress(replacing, map(test, values))))
            if not hunks:
                return False  # a side replaces no such word: no hunk replaces one on both
            found.append(hunks)
        return not found[0].isdisjoint(found[1])

    def replaced(self, word: Word) -> bool:
        """The word changed in a hunk that changes both sides (a substitution)."""
        return word.hunk >= 0 and all(self.hunks[word.hunk])

    @classmethod
    def of(
        cls,
        pair: Pair,
        doc_a: Document,
        doc_b: Document,
        facts: Callable[[Document, int], Iterable[tuple[ClaimCategory, int, int]]],
        stamps: Mapping[Side, tuple[int | None, int | None]] | None = None,
    ) -> Group:
        """The group of ``pair``; ``facts(doc, sentence id)`` lists a sentence's facts;
        ``stamps`` gives each side's time stamp's year and month where the caller read
        them once for its articles (else each group reads them when first asked)."""
        hunk_of: dict[Side, list[tuple[int, int, int]]] = {_A: [], _B: []}
        deleted, inserted = hunk_of[_A], hunk_of[_B]
        hunks: list[tuple[bool, bool]] = []
        # The open hunk's flags are held here and its entry written when it closes.
        open_hunk = deletes = inserts = False
        number = -1  # the open (or last) hunk's index
        equal, delete, insert = Op.EQUAL, Op.DELETE, Op.INSERT  # slow to read from the class
        text_a = doc_a.text
        for op in pair.ops:
            kind = op.op
            if kind is equal:
                # A shared space or comma does not end a hunk ("rose 3%" → "fell, 3%").
                if open_hunk and text_a[op.a_start : op.a_end].strip(" ,;:-–—"):
                    hunks.append((deletes, inserts))
                    open_hunk = False
                continue
            if not open_hunk:
                open_hunk, deletes, inserts = True, False, False
                number += 1
            if kind is delete and op.a_end > op.a_start:
                deleted.append((op.a_start, op.a_end, number))
                deletes = True
            elif kind is insert and op.b_end > op.b_start:
                inserted.append((op.b_start, op.b_end, number))
                inserts = True
        if open_hunk:
            hunks.append((deletes, inserts))
        columns: dict[Side, _Words] = {}
        for side, doc, ids in ((_A, doc_a, pair.a), (_B, doc_b, pair.b)):
            starts: list[int] = []
            ends: list[int] = []
            keys: list[str] = []
            openers: list[int] = []
            for sid in ids:
                sentence = doc.sentences[sid]
                run = sentence_tokens(sentence.text, sentence.start)
                # The tokens but whitespace, picked out in C (no loop per token here).
                kept = list(map(" ".__ne__, run.keys))
                openers.append(len(keys))
                keys += compress(run.keys, kept)
                starts += compress(run.bounds, kept)
                ends += compress(islice(run.bounds, 1, None), kept)
            # Each changed run marks the words it overlaps. The sentences are in text
            # order, so the columns are sorted: two bisections per run. A word two runs
            # overlap takes the first one's hunk (the runs are marked last first).
            of_word = [-1] * len(keys)
            for run_start, run_end, hunk in reversed(hunk_of[side]):
                lo, hi = bisect_right(ends, run_start), bisect_left(starts, run_end)
                if hi > lo:
                    of_word[lo:hi] = [hunk] * (hi - lo)
            columns[side] = _Words(starts, ends, keys, of_word, frozenset(openers))

        def find_facts(side: Side) -> list[tuple[ClaimCategory, int, int]]:
            doc, ids = (doc_a, pair.a) if side is _A else (doc_b, pair.b)
            return [f for sid in ids for f in facts(doc, sid)]

        sentences = {_A: doc_a.sentences, _B: doc_b.sentences}
        headline = all(
            doc.sentences[sid].kind is SentenceKind.HEADLINE
            for doc, ids in ((doc_a, pair.a), (doc_b, pair.b))
            for sid in ids
        )
        group = cls(
            columns,
            hunks,
            {_A: doc_a.text, _B: doc_b.text},
            find_facts,
            sentences=sentences,
            headline=headline,
        )
        for side, (year, month) in (stamps or {}).items():
            group._years[side], group._months[side] = year, month
        return group


class Substitution(NamedTuple):
    """One kind of substitution: an entry of ``SUBSTITUTIONS``."""

    name: str
    """Unique, for tests and messages."""
    categories: tuple[ClaimCategory, ...]
    """The categories of what it finds."""
    find: Callable[[Group], list[Found]]
    """What it finds in one aligned group, on either side."""


# ---------------------------------------------------------------------------
# Negation


_UNTIL = frozenset(("until", "till", "til"))
_UNTIL_REACH = 5
"""A negation with "until" this few words after it sets a time ("will not reopen until
May"), which a rewrite may state without a negation ("will reopen in May")."""


_STILL_BELIEVED = frozenset(
    """believed thought said reported understood known expected likely feared seen
    considered estimated appears appear appeared seems seem seemed""".split()
)
"""Words before "still to be" that make it the infinitive of their own ("believed still to
be contaminated"), not "not yet" ("is still to be decided")."""


def _not_once_but(words: Sequence[Word], i: int) -> bool:
    """ "Not" at ``i`` opens "not once but three times", "not one but two": a count
    stressed, nothing denied."""
    following = [w.key for w in words[i + 1 : i + 4] if w.key != ","]
    return len(following) >= 2 and following[0] in ("once", "one") and following[1] == "but"


_NOR_REACH = 8
"""Words back from "nor" within which a "neither" makes the two one negation."""
_WITHOUT_IDIOMS = frozenset(("delay", "fail", "doubt", "question", "exception"))
"""Words after "without" that make an adverb of it, nothing denied: "without delay" (at
once), "without fail" (always), "without doubt" (surely), "without exception" (all)."""


def _negation_at(words: Sequence[Word], i: int, other: frozenset[str] | None = None) -> bool:
    """Word ``i`` is a negation. ``other``: the other side's keys, which must state the
    time a negation followed by "until" sets for it to set a time, not deny (``_timed``)."""
    key = words[i].key
    if key in NEGATIONS or key.endswith("n't"):
        if (
            i
            and words[i - 1].key == "or"
            and (key == "not" or (key == "without" and i > 1 and words[i - 2].key == "with"))
        ):
            return False  # "whether or not", "with or without a receipt": either way
        # "not only", "not once but three times", "no doubt" open no negated claim.
        nxt = words[i + 1].key if i + 1 < len(words) else ""
        if (key == "not" and (nxt in ("only", "just") or _not_once_but(words, i))) or (
            key == "no" and nxt in ("doubt", "confidence")
        ):
            return False  # "a vote of no confidence" is a vote, whatever its outcome
        if key == "without" and nxt in _WITHOUT_IDIOMS:
            return False  # "raised the alarm without delay": at once, nothing denied
        if key == "nor" and any(w.key == "neither" for w in words[max(0, i - _NOR_REACH) : i]):
            return False  # "neither roads nor runways": one negation, "no roads or runways"
        if key in ("no", "not") and nxt == "-" and i + 2 < len(words) and words[i + 2].key != "one":
            # "a no-confidence vote", "a no-fly zone", "mobile not-spots", "a not-for-profit
            # company": a compound ("no-one" is a negation).
            return False
        if key == "not" and i and words[i - 1].key == "," and _a_figure_at(words, i + 1):
            return False  # "by 2035, not 2045": a figure set against another, no denial
        if key == "no" and (
            # "No. 31 in the world": a number; "no fewer than 40": a bound ("at least").
            (nxt == "." and i + 2 < len(words) and words[i + 2].key[:1].isdigit())
            or (nxt in _BOUND_AFTER_NO and i + 2 < len(words) and words[i + 2].key == "than")
        ):
            return False
    elif key in ("yet", "still", "failure"):
        # "has yet to be reviewed", "is still to be decided": "has not yet been"; "its
        # failure to verify" is "failing to check". Not after a verb whose infinitive it
        # is ("are believed still to be contaminated": believed to be so still).
        return (
            i + 1 < len(words)
            and words[i + 1].key == "to"
            and not (key == "still" and i and words[i - 1].key in _STILL_BELIEVED)
        )
    elif key in INFINITIVE_NEGATORS:
        # "declined to comment" is "would not comment"; "sales declined" is no negation.
        if i + 1 == len(words) or words[i + 1].key != "to":
            return False
    # "failed to qualify", and a bare "failed" too: "the talks failed" and "the talks
    # did not work" keep one polarity.
    # "Refuse collectors": the noun.
    elif (key not in NEGATING_VERBS and key not in DENIAL_VERBS) or (
        key == "refuse" and _refuse_a_noun(words, i)
    ):
        return False
    # "not back until the evening" says when, not whether: "wait until the evening";
    # "refused to pay until a court rules" is "will pay when a court has ruled".
    return not _timed(words, i, other)


_UNTIL_WHEN = frozenset(
    (
        *MONTHS,
        *WEEKDAYS,
        *SEASONS,
        *TIME_UNITS,
        *"morning afternoon evening night end start beginning middle".split(),
    )
)
"""Words after "until" that give a date or a time ("until May", "until next week")."""


def _timed(words: Sequence[Word], i: int, other: frozenset[str] | None) -> bool:
    """The negation at ``i`` sets a time with "until" within ``_UNTIL_REACH`` words, which
    ``other`` (the other side's keys), if given, states too: "should not fish until the
    lake reopens" against "can keep fishing" denies, against "can fish once the lake
    reopens" does not."""
    for k in range(i + 1, min(len(words), i + 1 + _UNTIL_REACH)):
        if words[k].key in _UNTIL:
            if other is None:
                return True
            when = _next_content(words, k)
            if (
                not when
                or when in other
                or when in _UNTIL_WHEN
                or _key_at(words, k + 1)[:1].isdigit()
            ):
                return True  # the same event, or a date: a date changed is the date's change
            key = _negated_key(when)  # "reopens" / "reopening"
            return any(o[:1] == when[:1] and _negated_key(o) == key for o in other)
    return False


_HAS = frozenset(("has", "have", "had"))
"""Verbs between "still" and "to" in a thing not yet done ("still has to decide")."""


def _key_at(words: Sequence[Word], i: int) -> str:
    """The key of word ``i``, or "" past the end."""
    return words[i].key if i < len(words) else ""


def _a_figure_at(words: Sequence[Word], i: int) -> bool:
    """Word ``i`` opens a figure: digits, or a currency sign before them ("2045", "£50")."""
    if i >= len(words):
        return False
    key = words[i].key
    if key in _CURRENCY and i + 1 < len(words):
        key = words[i + 1].key
    return key[:1].isdigit()


def _refuse_a_noun(words: Sequence[Word], i: int) -> bool:
    """ "Refuse" at ``i`` is the noun, rubbish ("refuse collectors", "the refuse strike",
    "household refuse"): a noun not of the stop words follows it, or a determiner or a
    noun comes before it with no word after; the verb takes "to", an object's determiner or
    a pronoun ("refuse to pay", "refuse the offer", "refuse it")."""
    nxt = words[i + 1].key if i + 1 < len(words) else ""
    if nxt.isalpha():
        return nxt not in STOPWORDS
    prev = words[i - 1].key if i else ""
    return prev.isalpha() and prev not in _MODALS_AND_SUBJECTS


_MODALS_AND_SUBJECTS = frozenset(
    "to will would could can may might must should shall did do does not they we i you he she "
    "it who which that".split()
)
"""Words after which "refuse" at the end of a clause is the verb ("they refuse.")."""


_DOUBLE_REACH = 6
"""Words from a negation to a "without" that undoes it ("should not stop taking them
without speaking to a pharmacist" says to speak to one first)."""


def _double_negations(words: Sequence[Word], cues: Sequence[int]) -> int:
    """Pairs of negations of ``words`` (``cues``, their indices) whose second, a changed
    "without", undoes the first within ``_DOUBLE_REACH`` words."""
    pairs = 0
    last = -_DOUBLE_REACH - 1
    for i in cues:
        if words[i].key == "without" and i - last <= _DOUBLE_REACH and words[i].hunk >= 0:
            pairs += 1
            last = -_DOUBLE_REACH - 1
        else:
            last = i
    return pairs


def _denied_to_none(words: Sequence[Word], cues: Sequence[int], other: Sequence[Word]) -> int:
    """Pairs of negations of ``words`` (``cues``, their indices) that deny a denial to
    all: "no", "nobody", "none" or "never", then a verb of refusing or failing within
    ``_DOUBLE_REACH`` words of its clause that ``other`` does not write in any form ("no
    observer had been refused entry" is "every observer was allowed in", "nobody failed
    the test" "everybody passed"; not "observers were refused entry to every centre")."""
    pairs = 0
    opened = -1  # the quantifier waiting for its verb
    theirs: set[str] | None = None
    for i in cues:
        key = words[i].key
        if opened >= 0 and key in _REFUSALS and theirs is None:
            theirs = {_lemma(o.key) for o in other}
        if (
            opened >= 0
            and key in _REFUSALS
            and theirs is not None
            and _lemma(key) not in theirs
            and i - opened <= _DOUBLE_REACH
            and all(w.key[:1].isalnum() for w in words[opened + 1 : i])
        ):
            pairs += 1
            opened = -1
        else:
            opened = i if key in _NONE else -1
    return pairs


_NONE = frozenset(("no", "nobody", "none", "never"))
_REFUSALS = NEGATING_VERBS | DENIAL_VERBS
_ALL = frozenset(("every", "all", "everyone", "everybody", "each", "always"))
"""Words with which the other side states for all what a denial denied to none
(``_denied_to_none``)."""


_CONDITIONS = frozenset(("before", "first", "after", "until", "unless", "only", "once"))
"""Words with which the other side states the condition a double negation sets ("should
not stop without speaking to a doctor" / "should speak to a doctor before they stop"):
without one, the two negations dropped are a change ("should stop and speak to one")."""


_CONTRASTS = {
    "rather": "than", "instead": "of", "free": "of", "leave": "out", "leaves": "out",
    "leaving": "out", "left": "out",
}  # fmt: skip
"""Words that deny without a negation ("made by farm machinery rather than lightning" is
"…, not by lightning"; "free of contamination" is "not contaminated"; "leaves out ticket
sales" is "does not include them"), with the word after them."""
_OUT_OF = frozenset(
    "use service action commission operation order stock work supply power reach".split()
)
"""What "out of" and "off" deny ("has been out of use since 1981" is "has not run since
1981"; "customers off supply" are "without power")."""


_IN_PART = frozenset(("partly", "partially"))
_IN_FULL = frozenset(("full", "fully", "entirely", "completely", "wholly"))
"""Words after a negation that make it a part done ("not in full", "not fully"), which
"partly" says without one."""
_STILL_LEVEL = frozenset(("flat", "steady", "stable", "static"))
"""Words that say a level did not change ("sales were flat"), against a negated change."""
_CHANGE_VERBS = frozenset(
    "change changed changes move moved moves shift shifted shifts budge budged vary varied "
    "alter altered".split()
)
"""Verbs of change that a negation makes a level held ("did not change", "has not moved")."""


def _denials_without_negation(words: Sequence[Word], other: Sequence[Word]) -> int:
    """Changed phrases of ``words`` that deny something without a negation word: a
    contrast (``_CONTRASTS``), a word that says "not" (``IMPLICIT_NEGATIVES``: "reluctant",
    "unless"; ``CESSATIONS``: "will stop charging"; ``NEGATING_PHRASES``: "turned down"),
    a word written with "non-" ("non-users": "those who did not"), and "only"
    where ``other`` says "no other" ("the only one to reach the final" / "no other team
    reached the final"), and a word made with "-less" of a word ``other`` writes ("homeless"
    / "without a home"). A word that says "not" counts only as often as ``words`` writes
    it (in any form) more than ``other``: "prevented the march" / "did not prevent it" is
    a flip, "rooms free" / "free rooms" a word moved."""
    denying = [w for j, w in enumerate(words) if _denier_at(words, j)]
    deniers = [w.key for w in denying if w.hunk >= 0]
    count = 0
    if deniers:
        # "no treatment halts it" / "a treatment stops it": one ending said both ways.
        ending = any(o.key in CESSATIONS for o in other)
        # A word both sides write as often ("lost", "free rooms") is no replacement.
        ours = Counter(_lemma(w.key) for w in denying)
        ours.subtract(_lemma(o.key) for j, o in enumerate(other) if _denier_at(other, j))
        for key in deniers:
            base = _lemma(key)
            if ours[base] > 0 and not (ending and key in CESSATIONS):
                ours[base] -= 1
                count += 1
    lacking = [
        w.key[:-4] for w in words if w.hunk >= 0 and len(w.key) > 6 and w.key.endswith("less")
    ]
    if lacking:
        theirs = {o.key for o in other}
        count += sum(1 for base in lacking if base in theirs)
    no_other = any(
        w.key == "no" and w.hunk >= 0 and j + 1 < len(other) and other[j + 1].key == "other"
        for j, w in enumerate(other)
    )
    yet_to: bool | None = None  # the other side's changed "yet to", once read
    for j, w in enumerate(words):
        following = words[j + 1] if j + 1 < len(words) else None
        if w.hunk < 0:
            continue
        after = _CONTRASTS.get(w.key)
        if after is not None and following is not None and following.key == after:
            count += 1
        elif w.key in ("out", "off") and _out_of_use(words, j):
            count += 1  # "out of use", "off supply", "power is out": not in use, no power
        elif w.key in _CUTTING and _supply_cut(words, j):
            count += 1  # "cutting electricity to 120,000 homes": "without power"
        elif w.key == "too" and _too_for(words, j):
            count += 1  # "too wet for harvesters": "harvesters could not get onto them"
        elif w.key in _IN_PART and any(o.key in _IN_FULL for o in other):
            count += 1  # "only partly followed the advice": "did not follow it in full"
        elif w.key == "short" and following is not None and following.key == "of":
            count += 1  # "is still short of volunteers": "there are not enough volunteers"
        elif w.key in _STILL_LEVEL and any(o.key in _CHANGE_VERBS for o in other):
            count += 1  # "sales volumes were flat": "did not change"
        elif w.key == "non" and following is not None and following.key == "-":
            count += 1  # "non-singers": "people who did not sing"
        elif w.key == "only" and no_other:
            count += 1
            no_other = False
        elif w.key == "still" and (
            (following is not None and following.key in _HAS and _key_at(words, j + 2) == "to")
            or (j and words[j - 1].key == "must")
            or (yet_to is None and (yet_to := _yet_to(other)))
        ):
            # "still has to decide", "must still approve": "has yet to"; "crops are still
            # in the ground": "have yet to be lifted" (the other side's "yet to", once).
            count += 1
    return count


def _denier_at(words: Sequence[Word], j: int) -> bool:
    """Word ``j`` says "not" without a negation: a word of ``IMPLICIT_NEGATIVES`` or
    ``CESSATIONS``, or a verb of ``NEGATING_PHRASES`` with its particle next or after one
    object pronoun ("turned it down", "called them off")."""
    key = words[j].key
    if key in IMPLICIT_NEGATIVES:
        return True
    if key in CESSATIONS:
        # A verb: "ended", "stopping", "will stop charging", "it ends"; not the noun ("at
        # the end of the year", "the new stop").
        return (
            key.endswith(("ed", "ing"))
            or (j + 1 < len(words) and words[j + 1].key.endswith("ing"))
            or (j > 0 and words[j - 1].key in _MODALS_AND_SUBJECTS)
        )
    particle = NEGATING_PHRASES.get(key)
    if particle is None:
        return False
    for k in range(j + 1, min(len(words), j + 3)):
        if words[k].key == particle:
            return True
        if words[k].key not in _OBJECT_PRONOUNS:
            return False
    return False


_OBJECT_PRONOUNS = frozenset(("it", "them", "this", "that", "him", "her", "these", "those"))


def _lemma(key: str) -> str:
    """A word's base form, to tell one word in two forms ("lost" / "lose")."""
    # Imported here: importing the engine must not load the antonym table.
    from diffreader.engine import antonyms

    return antonyms.lemma(key)


def _out_of_use(words: Sequence[Word], j: int) -> bool:
    """ "Out of" or "off" at ``j`` before a word of ``_OUT_OF`` ("out of use", "off
    supply"): a state denied."""
    rest = [w.key for w in words[j + 1 : j + 3]]
    if words[j].key == "out":
        if len(rest) == 2 and rest[0] == "of" and rest[1] in _OUT_OF:
            return True
        # "power is out", "the power was out": a supply that is off.
        before = [w.key for w in words[max(0, j - 2) : j]]
        return bool(before) and (
            before[-1] in _SUPPLIES
            or (before[-1] in _IS and len(before) == 2 and before[0] in _SUPPLIES)
        )
    return bool(rest) and rest[0] in _OUT_OF


_SUPPLIES = frozenset("power electricity water gas heating supply supplies".split())
"""What is out, cut or lost when a place is "without" it ("much of the province is
without power" / "power is out across much of the province", "cutting electricity to
120,000 homes")."""
_IS = frozenset("is was were are remains remained".split())
_CUTTING = frozenset("cut cuts cutting".split())


def _yet_to(words: Sequence[Word]) -> bool:
    """``words`` has a changed "yet" before "to" ("have yet to be lifted")."""
    return any(
        w.key == "yet" and w.hunk >= 0 and _key_at(words, k + 1) == "to"
        for k, w in enumerate(words)
    )


def _too_for(words: Sequence[Word], j: int) -> bool:
    """ "Too" at ``j`` before a word of degree and then "for" or "to" ("too wet for
    harvesters", "too weak to walk"): what it makes impossible, as "could not" says."""
    rest = [w.key for w in words[j + 1 : j + 4]]
    return (
        len(rest) >= 2
        and rest[0].isalpha()
        and rest[0] not in STOPWORDS
        and (rest[1] in ("for", "to") or (len(rest) == 3 and rest[2] in ("for", "to")))
    )


def _supply_cut(words: Sequence[Word], j: int) -> bool:
    """ "Cut" at ``j`` before a word of ``_SUPPLIES`` ("cutting electricity to 120,000
    homes", "cut power"): a supply denied, as "without power" says."""
    return words[j].key in _CUTTING and any(w.key in _SUPPLIES for w in words[j + 1 : j + 3])


_BOUND_AFTER_NO = frozenset(("fewer", "less", "more", "later", "earlier", "sooner"))
"""Words after "no" in a bound ("no fewer than", "no later than"): no negation."""
_NEGATION_CUES = frozenset(
    (*NEGATIONS, *NEGATING_VERBS, *INFINITIVE_NEGATORS, *DENIAL_VERBS, "yet", "still", "failure")
)
_ENDS_NT = operator.methodcaller("endswith", "n't")


def _may_negate(keys: frozenset[str]) -> bool:
    """Some key may be a negation (``_negation_at`` is true only for these)."""
    return not _NEGATION_CUES.isdisjoint(keys) or any(map(_ENDS_NT, keys))


def _negations(words: Sequence[Word], other: frozenset[str] | None = None) -> list[int]:
    return [i for i in range(len(words)) if _negation_at(words, i, other)]


def _negated_span(words: Sequence[Word], i: int) -> tuple[int, int]:
    """The negation and what it negates: up to its next content word, three words at most."""
    end = i
    for j in range(i + 1, min(len(words), i + 4)):
        if not words[j].key[:1].isalnum():
            break
        end = j
        if words[j].key not in STOPWORDS:
            break
    return words[i].start, words[end].end


def _next_content(words: Sequence[Word], i: int) -> str:
    for j in range(i + 1, min(len(words), i + 4)):
        if words[j].key[:1].isalpha() and words[j].key not in STOPWORDS:
            return words[j].key
    return ""


def _unprefixed_count(words: Sequence[Word], other: frozenset[str]) -> int:
    """Changed words of one side negated by "un" or "non" before a word the other side
    writes (``other``, its keys) or WordNet knows ("unchanged", "unlawfully" against
    "lawfully", "non-violent"), but verbs of their own ("unveiled"): each says "not" in
    itself."""
    # Imported here: importing the engine must not load the table of related words.
    from diffreader.engine import synonyms

    count = 0
    for w in words:
        key = w.key
        if w.hunk < 0 or len(key) < 6 or not key.startswith(("un", "non")):
            continue
        base = (key[3:] if key.startswith("non") else key[2:]).removeprefix("-")
        if len(base) < 4 or "v" in synonyms.parts_of_speech(key):
            continue  # a verb of its own ("unveiled", "uncovered"): no "not"
        if base in other or synonyms.parts_of_speech(base) or _has_verb_of(base, other):
            count += 1  # the other side's word or its verb, or a word WordNet knows
    return count


def _verb_stem(adjective: str) -> str:
    """The stem of the verb an "-able" or "-ible" adjective is made of ("affordable":
    "afford", as "afforded" is; "believable": "believ", as "believe" is), or ""."""
    if len(adjective) < 8 or not adjective.endswith(("able", "ible")):
        return ""
    return stem(adjective[:-4])


def _has_verb_of(adjective: str, words: Iterable[str]) -> bool:
    """Whether ``words`` hold a form of the verb the adjective is made of (``_verb_stem``)."""
    root = _verb_stem(adjective)
    return bool(root) and any(w.startswith(root[:3]) and stem(w) == root for w in words)


def _negated_by_prefix(word: str, other: str) -> bool:
    """``word`` is ``other``, or the "-able" adjective of the verb ``other``, negated by
    "un" or "non" ("unlawful" / "lawful", "unsafe" / "safe", "unaffordable" / "afford"):
    opposites WordNet's table may lack. Other negative prefixes are left to the table:
    "dis" and "in" begin too many words of their own ("disclose", "income")."""
    for p in ("un", "non"):
        if word.startswith(p):
            rest = word[len(p) :]
            if (
                len(rest) >= 4
                and rest not in STOPWORDS
                and (rest == other or _has_verb_of(rest, (other,)))
            ):
                return True
    return False


_OPPOSITE_PREFIXES = {
    "north": "south", "south": "north", "east": "west", "west": "east", "up": "down",
    "down": "up", "in": "out", "out": "in", "over": "under", "under": "over",
}  # fmt: skip
"""The first parts of compounds whose opposite is the same word with the other part
("northbound" / "southbound", "upstream" / "downstream", "overpaid" / "underpaid")."""
_OPPOSITE_PREFIX_STARTS = tuple(_OPPOSITE_PREFIXES)


def _compound_opposite(word: str) -> str:
    """The compound opposite of ``word`` (``_OPPOSITE_PREFIXES``: "northbound":
    "southbound"), or "" when it is no such compound (its rest is under three letters)."""
    if not word.startswith(_OPPOSITE_PREFIX_STARTS):
        return ""
    for prefix, other in _OPPOSITE_PREFIXES.items():
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return other + word[len(prefix) :]
    return ""


def _any_negated_by_prefix(words: set[str], others: set[str]) -> bool:
    """Whether some word of ``words`` is one of ``others`` negated by its prefix
    (``_negated_by_prefix``): a look-up of what follows the prefix, and a pass over
    ``others`` only for an "-able" word (rare)."""
    for w in words:
        if not w.startswith(("un", "non")):
            continue
        rest = w[3:] if w.startswith("non") else w[2:]
        if rest in others and len(rest) >= 4 and rest not in STOPWORDS:
            return True
        if _verb_stem(rest) and any(_negated_by_prefix(w, o) for o in others):
            return True
    return False


def _prefixed(word: str, base: str) -> bool:
    """``word`` is ``base``, or the "-able" adjective of the verb ``base``, with a negative
    prefix ("unable" / "able", "unaffordable" / "afford")."""
    for p in NEGATIVE_PREFIXES:
        if word.startswith(p):
            rest = word[len(p) :].removeprefix("-")
            if rest == base or _has_verb_of(rest, (base,)):
                return True
    return False


def _unshared(
    a_words: list[int], keys_a: Sequence[str], b_words: list[int], keys_b: Sequence[str]
) -> tuple[list[int], list[int]]:
    """The words of a hunk's two sides (indices into ``keys_a`` and ``keys_b``) whose stem
    the other side's do not hold ("apple" / "apples" are held)."""
    in_a = {stem(keys_a[i]) for i in a_words}
    in_b = {stem(keys_b[i]) for i in b_words}
    return (
        [i for i in a_words if stem(keys_a[i]) not in in_b],
        [i for i in b_words if stem(keys_b[i]) not in in_a],
    )


def _beside_the_same(
    a_words: list[int],
    keys_a: Sequence[str],
    b_words: list[int],
    keys_b: Sequence[str],
    near_by: bool = False,
) -> list[tuple[int, int]]:
    """The pairs of an A word and a B word (indices into ``keys_a`` and ``keys_b``) that
    have the same words just after them, or just before them, on their sides, up to a
    word that says something (``_beside``); with ``near_by``, also those that one content
    word stands near on both sides (``_near_words``)."""
    after: dict[tuple[str, ...], list[int]] = {}
    before: dict[tuple[str, ...], list[int]] = {}
    for b in b_words:
        if (beside := _beside(keys_b, b, 1)) is not None:
            after.setdefault(beside, []).append(b)
        if (beside := _beside(keys_b, b, -1)) is not None:
            before.setdefault(beside, []).append(b)
    near: dict[str, list[int]] = {}
    for b in b_words if near_by else ():
        for word in _near_words(keys_b, b):
            near.setdefault(word, []).append(b)
    out = []
    for a in a_words:
        facing: set[int] = set()
        if (beside := _beside(keys_a, a, 1)) is not None:
            facing.update(after.get(beside, ()))
        if (beside := _beside(keys_a, a, -1)) is not None:
            facing.update(before.get(beside, ()))
        # Or (``near_by``) one content word stands by both, on either side ("The
        # northbound service from Ferrowdale" / "the southbound Ferrowdale service").
        for word in _near_words(keys_a, a) if near_by else ():
            facing.update(near.get(word, ()))
        out += [(a, b) for b in sorted(facing)]
    return out


_NEAR_REACH = 2
"""Words on either side of a word within which a content word anchors it (``_near_words``)."""


def _near_words(keys: Sequence[str], i: int) -> set[str]:
    """The content words (alphabetic, no stopword) within ``_NEAR_REACH`` words of word
    ``i``, in its clause (punctuation ends the reach)."""
    out: set[str] = set()
    for step in (1, -1):
        j, seen = i + step, 0
        while 0 <= j < len(keys) and seen < _NEAR_REACH:
            key = keys[j]
            if not key[:1].isalnum():
                if not key.isspace():
                    break
                j += step
                continue
            seen += 1
            if key.isalpha() and key not in STOPWORDS:
                out.add(key)
            j += step
    return out


_BESIDE_REACH = 3


_PERCENT_KEYS = frozenset(("%", "percent", "per"))


def _beside(keys: Sequence[str], i: int, step: int) -> tuple[str, ...] | None:
    """The words just after (``step`` 1) or before (-1) word ``i``, up to and with the first
    that says something (a word that is no stopword, or a figure after a stopword), within
    ``_BESIDE_REACH`` words: "analysts'" of "beating | analysts'", "by 3%" of "increase |
    by 3%", "have been worst" of "Arrivals | have been worst hit"; None where none does."""
    out: list[str] = []
    j = i + step
    while 0 <= j < len(keys) and len(out) < _BESIDE_REACH:
        key = keys[j]
        if not key[:1].isalnum():
            return None  # punctuation: the phrase ends
        out.append(key)
        if key not in STOPWORDS:
            # A figure right beside the word is no anchor: "led 2-0" / "trailed 2-0" tell
            # one score from either side; "increase by 3%" / "fall by 3%" do not, nor does a
            # percentage just after ("up 2.1%" / "down 2.1%": a change, from either side).
            if key.isalpha() or len(out) > 1:
                return tuple(out)
            if step == 1 and (
                key.endswith("%") or (j + 1 < len(keys) and keys[j + 1] in _PERCENT_KEYS)
            ):
                return (key.rstrip("%"), "%")
            return None
        j += step
    return None


def _back_again(keys: Sequence[str], i: int) -> bool:
    """``keys[i]`` is "back" ending its clause after no determiner: returned ("gets its
    counter back", "came back"), not the back of something, whose opposite is the front.

    >>> _back_again("gets its counter back .".split(), 3), _back_again("at the back".split(), 2)
    (True, False)
    """
    if keys[i] != "back":
        return False
    if i + 1 < len(keys) and keys[i + 1][:1].isalnum():
        return False
    return i == 0 or keys[i - 1] not in _DETERMINERS


def _opposite_pairs(group: Group) -> list[tuple[Word, Word]]:
    """Words replaced by their antonym in one small hunk: (A word, B word)."""
    # Imported here: importing the engine must not load the antonym table.
    from diffreader.engine import antonyms

    def opposite(a: str, b: str) -> bool:
        return (
            antonyms.are_opposites(a, b)
            or _negated_by_prefix(a, b)
            or _negated_by_prefix(b, a)
            or _compound_opposite(a) == b
        )

    # The alphabetic words each hunk replaces, by index (the few opposites found are made
    # ``Word``s): a hunk replaces words on both sides, so one whose side A has none is
    # left out at once. The table's words are all ASCII (a kana or Han character has no
    # opposite there, and a Chinese or Japanese group loads no table).
    by_hunk: dict[int, tuple[list[int], list[int]]] = {}
    columns_a, columns_b = group.columns[_A], group.columns[_B]
    keys, of_word = columns_a.keys, columns_a.hunks
    for i in group.replacing(_A):
        if keys[i].isalpha() and keys[i].isascii():
            by_hunk.setdefault(of_word[i], ([], []))[0].append(i)
    keys, of_word = columns_b.keys, columns_b.hunks
    for i in group.replacing(_B) if by_hunk else ():
        if keys[i].isalpha() and keys[i].isascii():
            found = by_hunk.get(of_word[i])
            if found is not None:
                found[1].append(i)
    keys_a, keys_b = columns_a.keys, columns_b.keys
    out = []
    for a_words, b_words in by_hunk.values():
        if len(a_words) > _MAX_HUNK_WORDS or len(b_words) > _MAX_HUNK_WORDS:
            # A clause turned round ("the harvest in southern Ostrevia fell by about a
            # third this autumn" / "the harvest … in the south of Ostrevia rose this autumn
            # by around one third"): its words the other side's hunk has too are moved,
            # not replaced; what is left, when the hunk is mostly moved words, is judged as
            # a small replacement is.
            a_left, b_left = _unshared(a_words, keys_a, b_words, keys_b)
            if (
                len(a_left) > _MAX_HUNK_WORDS
                or len(b_left) > _MAX_HUNK_WORDS
                or 2 * len(a_left) > len(a_words)
                or 2 * len(b_left) > len(b_words)
            ):
                # More rewritten than turned round: only a word that faces another by the
                # same word beside both ("beating analysts' forecasts" / "missing
                # analysts' expectations").
                out += [
                    (group.word(_A, a), group.word(_B, b))
                    for a, b in _beside_the_same(a_left, keys_a, b_left, keys_b, near_by=True)
                    if opposite(keys_a[a], keys_b[b])
                    and not (_back_again(keys_a, a) or _back_again(keys_b, b))
                ]
                continue
            a_words, b_words = a_left, b_left
        for a in a_words:
            if _back_again(keys_a, a):
                continue
            for b in b_words:
                if _back_again(keys_b, b):
                    continue
                if opposite(keys_a[a], keys_b[b]) and _particle_after(keys_a, a) == _particle_after(
                    keys_b, b
                ):
                    out.append((group.word(_A, a), group.word(_B, b)))
    # A phrase moved and turned: deleted from A in one place, inserted into B in another
    # ("…, and officers had recommended approval." / "Officers had recommended refusal,
    # …"), its words facing each other by the same word beside both.
    deleting = {h for h, (deletes, inserts) in enumerate(group.hunks) if not inserts}
    inserting = {h for h, (deletes, inserts) in enumerate(group.hunks) if not deletes}
    moved = (
        [
            [i for i in group.changed(side) if of_word[i] in pure and keys[i].isalpha()]
            for side, keys, of_word, pure in (
                (_A, keys_a, columns_a.hunks, deleting),
                (_B, keys_b, columns_b.hunks, inserting),
            )
        ]
        if deleting and inserting
        else [[], []]
    )
    if moved[0] and moved[1]:
        out += [
            (group.word(_A, a), group.word(_B, b))
            for a, b in _beside_the_same(moved[0], keys_a, moved[1], keys_b)
            if opposite(keys_a[a], keys_b[b])
        ]
    # A change of a figure turned round where the sentence was rewritten round it ("…, rose
    # by 6%." / "Online sales fell 6% and …"): the two words stand by the same figure.
    seen = {(a.start, b.start) for a, b in out}
    out += [
        (word_a, word_b)
        for a, b in _by_the_same_figure(group)
        if opposite(keys_a[a], keys_b[b])
        and ((word_a := group.word(_A, a)).start, (word_b := group.word(_B, b)).start) not in seen
    ]
    if not out:
        return out
    # A word whose antonym pair both sides hold ("rise and fall") is no swap.
    lemmas = {
        side: {antonyms.lemma(k) for k in group.columns[side].keys if k.isalpha()}
        for side in _SIDES
    }
    return [
        (a, b)
        for a, b in out
        if antonyms.lemma(a.key) not in lemmas[_B] and antonyms.lemma(b.key) not in lemmas[_A]
    ]


def _by_the_same_figure(group: Group) -> list[tuple[int, int]]:
    """The pairs of a changed A word and a changed B word (indices into each side's keys),
    in any hunks, that stand by the same figure (``_figures_by``): "rose by 6%" / "fell 6%",
    "a 6% rise" / "fell by 6%"; in the order of the A words, then of the B words."""
    found: list[list[tuple[int, set[str]]]] = []
    for side in _SIDES:
        columns = group.columns[side]
        by = [
            (i, figures)
            for i in group.changed(side)
            if columns.keys[i].isalpha() and (figures := set(_figures_by(columns, i)))
        ]
        if not by:
            return []
        found.append(by)
    return [(a, b) for a, of_a in found[0] for b, of_b in found[1] if not of_a.isdisjoint(of_b)]


def _figures_by(columns: _Words, i: int) -> list[str]:
    """The figures word ``i`` stands by: the one just before it ("a 6% rise") and the first
    after it past at most two stopwords ("rose by 6%", "fell to 5%"), each without its
    percent sign or thousands commas ("6%" and "6 per cent" are "6"). Plain amounts only
    (``_plain_figure``)."""
    keys = columns.keys
    out = []
    if i > 0 and _plain_figure(columns, i - 1):
        out.append(keys[i - 1])
    for j in range(i + 1, min(len(keys), i + 4)):
        key = keys[j]
        if key[:1].isdigit():
            if _plain_figure(columns, j):
                out.append(key)
            break
        if key not in STOPWORDS or not key.isalpha():
            break
    return [key.rstrip("%").replace(",", "") for key in out]


_PLAIN_FIGURE = re.compile(r"\d[\d,.]*%?")
_FIGURE_JOINS = frozenset("-–—:/")
"""Marks that join a number to another into a score, a time or a range ("2-0", "3:30")."""


def _plain_figure(columns: _Words, j: int) -> bool:
    """Word ``j`` is an amount on its own: not part of a score, a time or a range ("led 2-0"
    / "trailed 2-0", "open until 10pm" / "close at 10pm" hold whichever side they are told
    from), nor a number with a unit written onto it."""
    keys, n = columns.keys, len(columns.keys)
    if not _PLAIN_FIGURE.fullmatch(keys[j]):
        return False
    if j + 1 < n:
        after = keys[j + 1]
        if not columns.spaced(j + 1) and (after in _FIGURE_JOINS or after.isalpha()):
            return False
        if after in ("am", "pm"):
            return False
    return not (j > 0 and not columns.spaced(j) and keys[j - 1] in _FIGURE_JOINS)


_PARTICLES = frozenset(("off", "out", "up", "down", "over", "away", "back", "through"))
"""Particles that make a phrasal verb of the word before them: "came off the tracks" is
not "came", so "came off" / "left the rails" is no opposition (come/leave)."""


def _particle_after(keys: Sequence[str], i: int) -> bool:
    return i + 1 < len(keys) and keys[i + 1] in _PARTICLES


def _find_negations(group: Group) -> list[Found]:
    """A negation one side of the group has and the other lacks."""
    if not any(_may_negate(group.changed_keys(side)) for side in _SIDES):
        return []  # no cue of a negation changed (``_negation_at``'s tests, on keys)
    others = {side: group.keys(_OTHER[side]) for side in _SIDES}
    if not any(
        _negation_at(group.words(side), i, others[side])
        for side in _SIDES
        for i in group.changed(side)
    ):
        return []  # no negation changed
    cues = {side: _negations(group.words(side), others[side]) for side in _SIDES}
    for side in _SIDES:
        if cues[side]:
            # "will not be prevented from using it" says "will be able to", unless the
            # other side writes "prevented" too.
            words, other = group.words(side), group.words(_OTHER[side])
            cues[side] = [i for i in cues[side] if not _undone(words, i, other)]
    more = len(cues[_B]) - len(cues[_A])
    if not more:
        return []
    side = _B if more > 0 else _A
    words, other = group.words(side), group.words(_OTHER[side])
    other_changed = [w.key for w in other if w.hunk >= 0]
    # A negation and an antonym cancel: "did not accept" is "rejected" (but not the
    # negation and its own opposite: "no reports of damage" / "some damage was reported").
    if more % 2 and any(
        x.key not in NEGATIONS and y.key not in NEGATIONS for x, y in _opposite_pairs(group)
    ):
        return []
    # A changed word negated by its prefix counts as a negation: "did not shift" is
    # "unchanged", "had not acted unlawfully" is "had acted lawfully".
    keys_a, keys_b = group.keys(_A), group.keys(_B)
    prefixed = _unprefixed_count(group.words(_B), keys_a) - _unprefixed_count(
        group.words(_A), keys_b
    )
    if prefixed and (more + prefixed) % 2 == 0:
        return []
    # What the other side says "not" with instead ("rather than lightning", "reluctant",
    # "unable"), against the negations this side has more, less those that cancel in
    # pairs ("should not stop taking them without speaking to a pharmacist").
    instead = _denials_without_negation(other, words) + max(0, prefixed if more < 0 else -prefixed)
    doubles = _double_negations(words, cues[side]) if _CONDITIONS.intersection(other_changed) else 0
    if _ALL.intersection(other_changed):
        doubles += _denied_to_none(words, cues[side], other)
    if instead >= abs(more) - 2 * doubles:
        return []
    out = []
    # A negation of the same word on both sides is one ("have no chip" / "are not chipped"):
    # each negation of the other side pairs off one of this side's, by its negated word.
    other_heads = Counter(
        _negated_key(head) for j in cues[_OTHER[side]] if (head := _next_content(other, j))
    )
    for i in cues[side]:
        negated = _next_content(words, i)
        if negated and other_heads[key := _negated_key(negated)] > 0:
            other_heads[key] -= 1
            continue
        if words[i].hunk < 0:
            continue
        if negated and any(_prefixed(k, negated) for k in other_changed):
            continue  # "not able" / "unable"
        if negated and more % 2 and _opposite_changed(negated, other_changed):
            continue  # "will not open" / "will close", wherever the rewording put it
        if negated in DISRUPTIONS and more % 2 and _goes_on(negated, other):
            continue  # "will not be affected" / "will carry on as normal"
        if _no_longer(words, i) and not _CHANGES.isdisjoint(other_changed):
            continue  # "will no longer be free" / "will start charging"
        if _failure_named(words, i, other):
            continue  # "a valve failed" / "a valve failure": the one event, named
        if _comparison_restated(words, i, other):
            continue  # "no deal was larger" / "its largest deal"
        if _exception_restated(words, i, other):
            continue  # "not open to dogs, apart from assistance dogs" / "only assistance dogs"
        if more % 2 and _harm_denied(words, i) and not _SAFE.isdisjoint(other_changed):
            continue  # "none of the 22 crew was injured" / "all 22 crew are safe"
        if _negation_elsewhere(words, i, group.text[_OTHER[side]]):
            continue  # "denies the charge" / "has denied the charge" a sentence later
        if _negated_in_other_words(words, i, group.text[_OTHER[side]]):
            continue  # "failing to check" / "did not carry out checks" in another group
        out.append(Found(side, _NEGATION, *_negated_span(words, i)))
    return out


_HARMS = frozenset(
    """injured injury injuries hurt harmed harm wounded killed died dead hospitalised
    hospitalized""".split()
)
"""Words of harm done to people, which a negation before them denies ("nobody was hurt")."""
_SAFE = frozenset("safe unharmed unhurt uninjured unscathed".split())
"""Words that say no harm was done ("all 22 crew are safe"): a negated harm in other words."""
_HARM_REACH = 8
"""Words after a negation within which the harm it denies stands ("none of the 22 crew was
injured")."""


def _harm_denied(words: Sequence[Word], i: int) -> bool:
    """The negation at ``i`` denies a harm to people within its sentence ("nobody was hurt",
    "none of the 22 crew was injured")."""
    for w in words[i + 1 : i + 1 + _HARM_REACH]:
        if w.key in _SENTENCE_ENDS:
            return False
        if w.key in _HARMS:
            return True
    return False


_EXCEPTION_REACH = 12
"""Words after a negation that may hold the exception it makes ("is not open to dogs,
apart from assistance dogs")."""
_EXCEPTIONS = (
    ("apart", "from"),
    ("except",),
    ("other", "than"),
    ("save", "for"),
    ("besides",),
    ("unless",),
)
"""The words that make an exception to a negation: "no one apart from", "none except",
"not to travel unless" ("to travel only if")."""


def _exception_restated(words: Sequence[Word], i: int, other: Sequence[Word]) -> bool:
    """The negation at ``i`` makes an exception within its sentence ("is not open to dogs,
    apart from assistance dogs", "nobody except residents may park") and ``other`` says
    "only" ("only assistance dogs are allowed"): one rule, said two ways."""
    if not any(w.key == "only" for w in other):
        return False
    keys = [w.key for w in words[i + 1 : i + 1 + _EXCEPTION_REACH]]
    for j, key in enumerate(keys):
        if key in _SENTENCE_ENDS:
            return False
        if any(tuple(keys[j : j + len(e)]) == e for e in _EXCEPTIONS):
            return True
    return False


_UNDOING_REACH = 4
"""Words from a negation to a word of its side that says "not" and so undoes it ("not
be prevented from", "has not ruled out")."""


def _undone(words: Sequence[Word], i: int, other: Sequence[Word]) -> bool:
    """The negation word at ``i`` ("not", "no", "never") comes, within ``_UNDOING_REACH``
    words of its clause, before a word of its side that says "not" (``_denier_at``: "will
    not be prevented from using it", "has not ruled out a merger", "did not lose serve"),
    which ``other`` does not write in any form: two denials, one assent ("will still be
    able to use it", "could merge", "held serve"). Where ``other`` writes it ("will be
    prevented"), the negation is a change of its own."""
    key = words[i].key
    if key not in NEGATIONS and not key.endswith("n't"):
        return False
    for j in range(i + 1, min(len(words), i + 1 + _UNDOING_REACH)):
        if not words[j].key[:1].isalnum() or words[j].key in _CLAUSE_OPENERS:
            return False  # "no treatment that halts it": the negation is the treatment's
        if _denier_at(words, j):
            theirs = {_lemma(o.key) for k, o in enumerate(other) if _denier_at(other, k)}
            return _lemma(words[j].key) not in theirs
    return False


_CLAUSE_OPENERS = frozenset(
    "that which who whom whose when where because but and or if while as".split()
)
"""Words that open a clause of its own, beyond the reach of a negation before them."""


_COMPARISON_REACH = 10
"""Words after a negation that may hold what it compares ("No part of the region saw rents
rise faster")."""
_FIRSTS = frozenset(("first", "only", "last", "record"))
"""Words that set one thing before all others, as a superlative does ("the first strike
since 1987", "the only direct service since 2019")."""
_COMPARING_NEGATIONS = frozenset(("no", "never", "nobody", "none", "nothing", "not"))


_CHANGES = CESSATIONS | frozenset(
    """start starts started starting begin begins began beginning delay delays delayed
    postpone postpones postponed pushed scrapped introduce introduces introduced""".split()
)
"""Verbs of a change of state, which "no longer" says another way ("will no longer be free"
/ "will start charging", "will no longer arrive in May" / "has pushed it back")."""


def _no_longer(words: Sequence[Word], i: int) -> bool:
    """The negation at ``i`` is "no longer"."""
    return words[i].key == "no" and i + 1 < len(words) and words[i + 1].key == "longer"


def _goes_on(disruption: str, other: Sequence[Word]) -> bool:
    """A changed word of ``other`` says that things go on as they were (``CONTINUITY``:
    "as usual", "will still be collected"; "carry" only in "carry on"), where one side
    says of ``disruption`` (a word of ``DISRUPTIONS``) that it will not happen, and
    ``other`` does not write that word in any form ("will not be closed" / "will still
    be closed" is a flip)."""
    said = any(
        w.hunk >= 0
        and w.key in CONTINUITY
        and (not w.key.startswith("carr") or (j + 1 < len(other) and other[j + 1].key == "on"))
        for j, w in enumerate(other)
    )
    if not said:
        return False
    base = _lemma(disruption)
    return all(_lemma(w.key) != base for w in other if w.key[:1].isalpha())


def _comparison_restated(words: Sequence[Word], i: int, other: Sequence[Word]) -> bool:
    """The negation at ``i`` denies a comparison that ``other`` states as a superlative:
    "no deal was larger" / "its largest deal", "never seen worse" / "the worst they had
    seen", "never before" / "for the first time", "no strike since 1987" / "the first
    strike since 1987". A comparative ("larger", "worse") in the negation's clause wants a
    superlative or a word of ``_FIRSTS`` on the other side, "since" or "before" a word of
    ``_FIRSTS``; a superlative in the clause itself is denied ("not the largest")."""
    if words[i].key not in _COMPARING_NEGATIONS:
        return False
    comparative = since = False
    for w in words[i + 1 : i + 1 + _COMPARISON_REACH]:
        key = w.key
        if key in (".", ";", ":", "?", "!", ",", "who", "which"):
            break  # the clause ends ("do not include boys, who have had it since 2027")
        if _graded(key, "est") or key in _FIRSTS:
            return False  # "not the largest", "not the first": a superlative denied
        if key in ("since", "before"):
            since = True
        elif _graded(key, "er"):
            comparative = True
    if not (comparative or since):
        return False
    return any(o.key in _FIRSTS or (comparative and _graded(o.key, "est")) for o in other)


_GRADED = {"er": frozenset(("more", "less", "fewer", "better", "worse", "further", "farther")),
           "est": frozenset(("most", "least", "fewest", "best", "worst"))}  # fmt: skip


def _graded(key: str, suffix: str) -> bool:
    """``key`` is an adjective or adverb graded with ``suffix`` ("er": "faster", "larger",
    "bigger", "earlier", "worse"; "est": "largest", "biggest", "best"): one the table knows
    as an adjective or adverb, or not at all (not "number", a noun), made of an adjective."""
    if key in _GRADED[suffix]:
        return True
    if len(key) < len(suffix) + 3 or not key.endswith(suffix):
        return False
    own = parts_of_speech(key)
    if own and "a" not in own and "r" not in own:
        return False
    base = key[: -len(suffix)]
    bases = (
        base,
        base + "e",
        base[:-1] if base[-1] == base[-2] else "",
        base[:-1] + "y" if base[-1] == "i" else "",
    )
    return any(b and "a" in parts_of_speech(b) for b in bases)


def _negation_elsewhere(words: Sequence[Word], i: int, other_text: str) -> bool:
    """The negation at ``i`` and what it negates (``_negated_span``: "denies the charge",
    "not been seen") are in the other article, anywhere, with the negation in any of its
    forms ("denied"): the rewrite moved it to another group. What it negates must follow
    word for word, so "denies the charge" is not "denies the report"."""
    _, end = _negated_span(words, i)
    rest = [w.key for w in words[i + 1 : i + 4] if w.end <= end]
    if not rest or not any(k[:1].isalnum() for k in rest):
        return False  # a negation alone ("No.") says too little to be found again
    if (
        len(rest) == 1
        and i + 2 < len(words)
        and words[i + 2].key[:1].isalnum()
        and (words[i + 2].key not in STOPWORDS or "n" not in parts_of_speech(rest[0]))
    ):
        # One verb says too little of what is negated: "does not expect Cawdermere to be
        # full" is not "does not expect a hosepipe ban", nor "will not apply to homes" "do
        # not apply face fines" (the word after it, as it stands; after a noun, only one
        # that says something: "no evidence to back it up" is "no evidence for it").
        rest.append(words[i + 2].key)
    return " ".join((_negation_family(words[i].key), *rest)) in _negations_in(other_text).phrases


_FAILED = frozenset(("fail", "fails", "failed", "failing"))


def _failure_named(words: Sequence[Word], i: int, other: Sequence[Word]) -> bool:
    """The negation at ``i`` is a bare "failed" (no infinitive after it: "a valve failed")
    and the other side of the group names a failure ("a valve failure") or says it in a
    changed word WordNet relates to it ("its engine failed" / "its engine broke down"):
    the same event."""
    key = words[i].key
    if key not in _FAILED or (i + 1 < len(words) and words[i + 1].key == "to"):
        return False
    if any(
        w.key in ("failure", "failures") and not (j + 1 < len(other) and other[j + 1].key == "to")
        for j, w in enumerate(other)
    ):
        return True
    # Imported here: importing the engine must not load the table of related words.
    from diffreader.engine import synonyms

    return any(
        w.hunk >= 0 and w.key.isalpha() and w.key not in STOPWORDS and synonyms.related(key, w.key)
        for w in other
    )


def _negated_in_other_words(words: Sequence[Word], i: int, other_text: str) -> bool:
    """What the negation at ``i`` negates is negated in the other article, anywhere, with
    another negation and in other words ("failing to check whether customers could pay"
    / "did not carry out affordability checks on customers"): two content words of the
    few after it (``_NEGATED_REACH``, up to a punctuation mark) are among those after one
    negation there. The rewrite moved the negation to another group and said it another
    way. One word shared says too little: "will not apply to homes" is not "those who do
    not apply face fines"."""
    reach = set()
    for w in words[i + 1 : i + 1 + _NEGATED_REACH]:
        key = w.key
        if not key[:1].isalnum():
            break
        if key[:1].isalpha() and key not in STOPWORDS:
            reach.add(_negated_key(key))
    if len(reach) >= 2 and any(
        len(reach & there) >= 2 for there in _negations_in(other_text).reaches
    ):
        return True
    # "nobody was hurt" / "no one was injured": no one, and what befell no one, in a word
    # of the same sense.
    head = _nobody_head([w.key for w in words[i : i + 1 + _NEGATED_REACH]])
    if not head:
        return False
    # Imported here: importing the engine must not load the table of related words.
    from diffreader.engine import synonyms

    return any(
        stem(head) == stem(there) or synonyms.related(head, there)
        for there in _negations_in(other_text).nobody
    )


_NOBODY = frozenset(("nobody", "none", "nothing", "noone"))
"""Negations that say of no one (or nothing) what follows ("nobody was hurt"), with "no
one"."""


def _nobody_head(keys: Sequence[str]) -> str:
    """The first content word after a negation of no one (``_NOBODY``, "no one") that opens
    ``keys`` ("nobody was |hurt"), up to a punctuation mark; else ""."""
    if not keys or not (keys[0] in _NOBODY or keys[:2] == ["no", "one"]):
        return ""
    for key in keys[2 if keys[0] == "no" else 1 :]:
        if not key[:1].isalpha():
            return ""
        if key not in STOPWORDS:
            return key
    return ""


def _negation_family(key: str) -> str:
    """One key for each negation in all its forms: a negating verb's first three letters
    (each verb of the lists starts with three of its own: ``tests/engine/
    test_substitutions.py`` checks it), any other negation itself."""
    return key[:3] if key in _NEGATING_FORMS else key


_NEGATING_FORMS = frozenset(DENIAL_VERBS | NEGATING_VERBS | INFINITIVE_NEGATORS)
_NEGATED_REACH = 6
"""Words after a negation that may say what it negates ("not carry out affordability
checks on customers")."""
_NEGATION_AND_AFTER = (
    rf"(?i)\b({alternation(_NEGATING_FORMS | NEGATIONS)})"
    rf"(?=((?:\s+[\w'’-]+){{1,{_NEGATED_REACH}}}))"
)
"""A negation and the words after it that may say what it negates (``_negations_in``), read
ahead: "did not deny the charge" holds "not deny the charge" and "deny the charge"."""


def _negated_key(word: str) -> str:
    """What a negated word is compared by: its stem's first ``_NEGATED_PREFIX`` letters,
    a doubled last consonant made single ("chipped", "chip": "chip")."""
    key = stem(word)[:_NEGATED_PREFIX]
    if len(key) > 3 and key[-1] == key[-2] and key[-1] in _DOUBLED:
        return key[:-1]
    return key


_DOUBLED = frozenset("bdgkmnprt")
"""Consonants doubled before "-ed" and "-ing" ("stopped", "planned", "running")."""
_NEGATED_PREFIX = 6
"""The letters of a word's stem that a negated word is compared by (``_negated_key``):
"inspect" and "inspections" are one."""


class _Negations(NamedTuple):
    """An article's negations, indexed for finding one the rewrite moved to another group
    (``_negations_in``)."""

    phrases: frozenset[str]
    """Each negation's family with the one, two and three words after it ("den the
    charge"): what ``_negation_elsewhere`` looks up."""
    reaches: tuple[frozenset[str], ...]
    """For each negation, the keys (``_negated_key``) of the content words within
    ``_NEGATED_REACH`` words after it, up to a punctuation mark, where there are two or
    more: what ``_negated_in_other_words`` compares."""
    nobody: frozenset[str]
    """What each negation of no one says of no one (``_nobody_head``: "nobody was
    |hurt")."""


@lru_cache(maxsize=2)
def _negations_in(text: str) -> _Negations:
    """The article's negations, indexed (``_Negations``) in one pass over it: read once an
    article (the two of the comparison at hand are remembered), not once a negation."""
    phrases: set[str] = set()
    reaches: list[frozenset[str]] = []
    nobody: set[str] = set()
    for match in compiled(_NEGATION_AND_AFTER).finditer(text):
        word = match.group(1).lower()
        family = _negation_family(word)
        near = word_keys(" ".join(match.group(2).split()[:3]))
        for n in range(1, len(near) + 1):
            phrases.add(" ".join((family, *near[:n])))
        after = word_keys(match.group(2))
        content = frozenset(
            _negated_key(k) for k in after if k[:1].isalpha() and k not in STOPWORDS
        )
        if len(content) >= 2:
            reaches.append(content)
        if word in _NOBODY or word == "no":
            head = _nobody_head([word, *after])
            if head:
                nobody.add(head)
    return _Negations(frozenset(phrases), tuple(reaches), frozenset(nobody))


def _opposite_changed(negated: str, changed: Sequence[str]) -> bool:
    """A changed word of the other side is an antonym of the negated word ("not open" /
    "close"): the two say one thing."""
    # Imported here: importing the engine must not load the antonym table.
    from diffreader.engine import antonyms

    opposite = antonyms.opposites(negated)
    return bool(opposite) and any(antonyms.lemma(k) in opposite or k in opposite for k in changed)


def _find_opposites(group: Group) -> list[Found]:
    """A word replaced by its antonym, on both sides (unless a negation cancels it)."""
    # "not directed at any country" / "aimed at no country": a negation word's opposite
    # is the negation's to judge, which counts them.
    pairs = [
        (a, b)
        for a, b in _opposite_pairs(group)
        if a.key not in NEGATIONS and b.key not in NEGATIONS
    ]
    if not pairs:
        return []
    # "Women were more likely than men" / "Men were less likely than women": the degree
    # turned with the comparison says the same.
    turned = [(x, y) for x, y in _turned_round(group) if not _same_degree(x.degree, y.degree)]
    if turned:
        a_starts, b_starts = group.columns[_A].starts, group.columns[_B].starts
        degrees = {
            (a_starts[i], b_starts[j])
            for x, y in turned
            for i in range(x.degree_at, x.degree_at + len(x.degree))
            for j in range(y.degree_at, y.degree_at + len(y.degree))
        }
        pairs = [(a, b) for a, b in pairs if (a.start, b.start) not in degrees]
    negations = {}
    for side in _SIDES:
        words = group.words(side)
        negations[side] = [(words[i].start, words[i].key) for i in _negations(words)]
    out = []
    for a, b in pairs:
        # "did not accept" / "rejected": the polarity is the same. Only a negation just
        # before the word and in its clause counts, not the word itself: "refused" is the
        # opposite of "accepted" once, not twice (as "denied" of "admitted"). A clause
        # away, another is none ("for not cycling was that they did not feel safe" / "Feeling
        # unsafe"; "not for the cold but as they did not feel safe" / "... felt unsafe").
        # So does "no" as the word's object ("still have no water" / "still lack water").
        negated_a = _negated_here(group.text[_A], a.start, negations[_A]) or _denies_its_object(
            group.text[_A], a.end
        )
        negated_b = _negated_here(group.text[_B], b.start, negations[_B]) or _denies_its_object(
            group.text[_B], b.end
        )
        if negated_a != negated_b:
            continue
        if _traded_round(group, a, b):
            continue  # "X lost to Y" / "Y beat X": the opposite said the other way round
        if _lost_in_the_passive(group, a, b):
            continue  # "the government lost two votes" / "was defeated twice"
        if _ends_then(group, a, b):
            continue  # "will stay open until 9pm" / "will close at 9pm"
        out.append(Found(_A, _OPPOSITE, a.start, a.end))
        out.append(Found(_B, _OPPOSITE, b.start, b.end))
    return out


_STARTING_AT = frozenset(("at", "from", "in", "on", "by"))
"""Words before the time a state starts ("close at 9pm", "reopen in May")."""


def _ends_then(group: Group, a: Word, b: Word) -> bool:
    """One of the opposites ``a`` (side A) and ``b`` (side B) holds until a time and the
    other starts at the same time: one state ending told as the other beginning ("stay open
    until 9pm" / "close at 9pm", "remain shut until May" / "reopen in May")."""
    after = []
    for side, word in ((_A, a), (_B, b)):
        columns = group.columns[side]
        i = bisect_left(columns.starts, word.start)
        after.append(columns.keys[i + 1 : i + 4])
    for ending, starting in (after, after[::-1]):
        for k, key in enumerate(ending[:2]):
            if key in _UNTIL and k + 1 < len(ending):
                return any(
                    at in _STARTING_AT
                    and m + 1 < len(starting)
                    and starting[m + 1] == ending[k + 1]
                    for m, at in enumerate(starting[:2])
                )
    return False


_NEGATION_REACH = 40
"""Characters before an opposite within which a negation cancels it ("did not even begin
to accept" / "rejected")."""
_CLAUSE_BREAK = re.compile(
    r"[,;:]|\b(?:but|that|because|while|although|though|when|which|who|whose)\b"
    r"|\band\s+(?:both|all|the|its|their|his|her)\b",
    re.IGNORECASE,
)
"""What ends a clause between a negation and the word after it ("and" before a new
subject: "No one was injured and both trains were undamaged")."""


_SUBJECT_NEGATIONS = frozenset(("none", "no", "neither", "nobody", "nothing"))
"""Negations that open a subject and negate its verb however long the subject ("None of the
four attempts since 2009 succeeded")."""


def _denies_its_object(text: str, end: int) -> bool:
    """The word ending at ``end`` takes "no", "none" or "nothing" as its object ("still
    have no clean water" is "still lack clean water")."""
    return compiled(_NO_OBJECT).match(text, end) is not None


_NO_OBJECT = r"(?i) (?:no|none|nothing)\b"


def _negated_here(text: str, start: int, negations: Sequence[tuple[int, str]]) -> bool:
    """Whether a negation (its offset and key among ``negations``) stands within
    ``_NEGATION_REACH`` before ``start`` (not at it), or anywhere before it for one that
    opens the subject (``_SUBJECT_NEGATIONS``), with no clause break between."""
    return any(
        at < start
        and (start - _NEGATION_REACH <= at or key in _SUBJECT_NEGATIONS)
        and not _CLAUSE_BREAK.search(text, at, start)
        for at, key in negations
    )


# ---------------------------------------------------------------------------
# Hedges


_DATA_NOUNS = frozenset(
    "figures figure results result data count counts estimate estimates findings tally".split()
)
_HEDGED_BEFORE: dict[str, frozenset[str]] = {
    "accused": frozenset(("of",)),
    "accuses": frozenset(("of",)),
    "accuse": frozenset(("of",)),
    "accusing": frozenset(("of",)),
    "provisional": _DATA_NOUNS,
    "preliminary": _DATA_NOUNS,
    "unofficial": _DATA_NOUNS,
}
"""Words that hedge only before these ("accused of", "firms it accuses of carrying": an
accusation, not a fact;
"provisional figures": a count that may change); "the accused" and "a provisional
licence" hedge nothing. ("charged with" is left out: a court report restates the charge
in every other sentence, and a rewrite moves it freely.)"""
_TENTATIVE = frozenset("considering weighing mulling exploring contemplating eyeing".split())
"""Verbs that give a plan as one not yet made ("is considering a reunion tour" where the
other side "is planning" one), in the progressive only."""
_FORMS_OF_BE = frozenset("is are was were be been being 's 're".split())
_CORRELATED = {
    "associated": frozenset(("with",)),
    "correlated": frozenset(("with",)),
    "linked": frozenset(("to", "with")),
    "traced": frozenset(("to",)),
    "tied": frozenset(("to",)),
}
"""Words that state a link before these ("was associated with lower blood pressure", "an
outbreak linked to a school kitchen", "traced to a family trip"): what goes together, not
what causes it ("lowers blood pressure"). Each holds a statement back wherever it stands
before these; dropped, "associated" and "correlated" are flagged only after a form of "be"
("the costs associated with the project" state no link found: ``_link_stated``)."""
_LINKED_ANYWHERE = frozenset(("linked", "traced", "tied"))


def _link_stated(words: Sequence[Word], i: int, held_there: int) -> bool:
    """The link word at ``i`` states a link the other side drops: the other side holds
    nothing back at all ("may lower the risk" keeps a link a link), and "associated" or
    "correlated" follows a form of "be" (``_CORRELATED``)."""
    if held_there:
        return False
    return words[i].key in _LINKED_ANYWHERE or (i > 0 and words[i - 1].key in _FORMS_OF_BE)


_SAID_TO = frozenset(("said", "reported"))
"""Verbs of report that hedge in the passive before "to be" or "to have" ("is said to be",
"was reported to have"); no cue of ``_HEDGE_CUES`` (most changed "said"s report: a group
holding one is read only where it hedges, ``_said_to_changed``)."""


_BE_HAVE = frozenset(("be", "have"))
"""What a report in the passive runs on to ("is reported to be", "was said to have"):
``might_substitute`` reads a changed "said" or "reported" only beside one of them."""


def _said_to_changed(group: Group, side: Side) -> bool:
    """A changed word of ``side`` is "said" or "reported" hedging in the passive."""
    if _SAID_TO.isdisjoint(group.changed_keys(side)):
        return False
    keys = group.columns[side].keys
    return any(keys[i] in _SAID_TO and _hedge_at(group, side, i) for i in group.changed(side))


_HEDGE_CUES = frozenset(
    (
        *HEDGES,
        *HEDGE_VERBS,
        *BOOSTERS,
        *BELIEF_VERBS,
        *_HEDGED_BEFORE,
        *_TENTATIVE,
        *_CORRELATED,
        "should",
    )
)
_ATTRIBUTIONS = (
    frozenset(p for p in REPORTING_VERBS if " " not in p)
    | {"according", "suggests", "suggest", "suggested"}
    | BELIEF_VERBS
)
"""Words that attribute a statement ("officials said", "according to", "a survey
suggests"): a statement attributed is held back as a hedge holds it ("reportedly" →
"officials said" keeps it)."""
_REPORTS = _ATTRIBUTIONS - BELIEF_VERBS - _HEDGE_CUES
"""The attributions that only report ("said", "according"), no belief or hedge of their
own: one moved within a sentence ("..., a spokeswoman said" / "A spokeswoman said ...")
holds back nothing it did not hold before."""


def _hedge_at(group: Group, side: Side, i: int) -> bool:
    """Word ``i`` of ``side`` hedges (``HEDGES``; ``HEDGE_VERBS`` before "to"; "may" in
    lower case)."""
    columns = group.columns[side]
    key = columns.keys[i]
    if key == "should":
        # "waits should start to fall" / "will start to fall": what is expected, against
        # what will be (the other side's "will" or "would" in its place: the same hunk).
        hunk = columns.hunks[i]
        facing = group.columns[_OTHER[side]]
        return (
            hunk >= 0
            and group.small(hunk, _MAX_HUNK_WORDS)
            and any(
                k in _SURE and h == hunk for k, h in zip(facing.keys, facing.hunks, strict=True)
            )
            and "should" not in group.keys(_OTHER[side])
            and not (i + 1 < len(columns.keys) and columns.keys[i + 1] in NEGATIONS)
        )
    if key in HEDGES:
        if key in _PURPOSE_MODALS and _in_a_purpose_clause(columns.keys, i):
            return False  # "so that the airport could stay open": what the work was for
        if key in _PURPOSE_MODALS and _in_a_question_asked(columns.keys, i):
            return False  # "help decide where cables could be placed": what is asked
        if key == "may":
            # "may only be moved under licence": what is allowed, no hedge.
            return group.text[side][columns.starts[i]] == "m" and not (
                i + 1 < len(columns.keys) and columns.keys[i + 1] == "only"
            )
        if key == "could":
            if i + 1 < len(columns.keys) and columns.keys[i + 1] in NEGATIONS:
                return False  # "could not": ability, "was unable"
            # "Customers could claim £95" / "will claim": a certainty held back, whoever acts.
            return "will" in group.keys(_OTHER[side]) or not _able(columns.keys, i)
        # "Older people were more likely to have had it": a rate compared, no hedge.
        return not (key in ("likely", "unlikely") and i and columns.keys[i - 1] in _MORE_LESS)
    if key in HEDGE_VERBS:
        # "believed to be", and with an adverb between ("believed still to be").
        after = columns.keys[i + 1 : i + 3]
        return after[:1] == ["to"] or (after[1:] == ["to"] and after[0] in _BEFORE_TO)
    if key in _SAID_TO:
        # "is reported to be preparing", "was said to have left": "reportedly" in the
        # passive; "was reported to police" hedges nothing.
        keys = columns.keys
        return (
            i > 0
            and keys[i - 1] in _FORMS_OF_BE
            and keys[i + 1 : i + 3] in (["to", "be"], ["to", "have"])
        )
    if key in _HEDGED_BEFORE:
        # "accused of stealing": what is not yet proved;
        # "provisional figures", "preliminary results": what may yet change.
        return i + 1 < len(columns.keys) and columns.keys[i + 1] in _HEDGED_BEFORE[key]
    if key in _TENTATIVE:
        # "is considering a tour": a plan not made ("a meteorite weighing 2kg" is none).
        return i > 0 and columns.keys[i - 1] in _FORMS_OF_BE
    if key in _CORRELATED:
        # "was associated with lower blood pressure": a correlation, not a cause.
        return i + 1 < len(columns.keys) and columns.keys[i + 1] in _CORRELATED[key]
    return False


def _able(keys: Sequence[str], i: int) -> bool:
    """ "Could" at ``i`` says what people were able or allowed to do: a person or a
    personal pronoun just before it, and a verb of doing after it ("runners could choose",
    "residents were told they could open their windows", "nurses said they could cope"),
    not a state, a passive or what may befall them ("could be fined", "could face
    action", "could lose their jobs")."""
    if i == 0 or i + 1 >= len(keys):
        return False
    before, after = keys[i - 1], keys[i + 1]
    if after in _WHAT_MAY_BEFALL or after in STOPWORDS:
        return False
    for key in keys[i + 2 : i + 12]:
        if key in _CLAUSE_ENDS:
            break
        if key in _AHEAD:
            return False  # "residents could return home next week": what may yet be
    noun = before.removesuffix("s")
    return (
        before in _PERSONAL
        or noun in GENERIC_PERSON_NOUNS
        or person_noun(before)
        or person_noun(noun)
    )


_AHEAD = frozenset("next tomorrow soon later shortly eventually".split())
"""Words of a time to come, after which "could" says what may be, not what was possible."""
_CLAUSE_ENDS = frozenset((".", ";", ":", ",", "but", "and"))


_PERSONAL = frozenset(("i", "we", "you", "he", "she", "they", "people"))
"""Personal pronouns, and "people", before "could" (``_able``)."""
_WHAT_MAY_BEFALL = frozenset(
    "be have face lose risk suffer see pay miss die expect end need".split()
)
"""Verbs after "could" that say what may happen to someone, a hedge whoever the subject."""


_SURE = frozenset(("will", "would"))
"""Modals surer than "should" in its place."""
_MORE_LESS = frozenset(("more", "less"))
_BEFORE_TO = frozenset(("still", "also", "now", "already", "largely", "widely", "only"))
"""Adverbs that may stand between a verb of estimate and its "to" ("believed still to be")."""


_PURPOSE_MODALS = frozenset(("could", "might", "may", "would"))
"""Modals that, after "so that" or "in order that", say what something is for."""


def _looking_at(keys: Sequence[str], i: int) -> bool:
    """ "Is looking at a gift", "was looking into a sale": a plan weighed, as "considering"
    gives one (only ever a counterpart of a hedge: "police are looking at CCTV" hedges
    nothing of its own)."""
    return (
        keys[i] == "looking"
        and i > 0
        and keys[i - 1] in _FORMS_OF_BE
        and i + 1 < len(keys)
        and keys[i + 1] in ("at", "into")
    )


def _in_a_question_asked(keys: Sequence[str], i: int) -> bool:
    """The modal at ``i`` stands in a question that a verb of deciding, finding or asking
    takes ("would help decide where cables could be placed", "to work out whether the
    pier might reopen"): within its clause (six words back, no punctuation between), a
    question word just after such a verb."""
    for j in range(i - 1, max(0, i - 7), -1):
        if not keys[j][:1].isalnum():
            return False
        if keys[j] in _QUESTION_WORDS and j:
            verb = keys[j - 2] if keys[j - 1] == "out" and j > 1 else keys[j - 1]
            return verb in _ASKING_VERBS
    return False


_QUESTION_WORDS = frozenset(("where", "whether", "how", "which", "what", "when", "if"))


def _verb_forms(verbs: str) -> frozenset[str]:
    """Each regular verb of ``verbs`` in its forms ("decide": "decides", "decided",
    "deciding"); irregular forms are listed with them."""
    forms: set[str] = set()
    for verb in verbs.split():
        base = verb[:-1] if verb.endswith("e") else verb
        forms.update((verb, verb + "s", base + "ed", base + "ing"))
    return frozenset(forms)


_ASKING_VERBS = _verb_forms(
    """decide determine choose know ask assess judge consider examine explore investigate
    study discuss understand show find work learn establish predict"""
) | frozenset(
    "chose chosen knew known see sees seeing saw seen found shown learnt studies studied".split()
)
"""Verbs whose object may be a question ("decide where", "work out whether", "find out
how"): a modal inside it asks what may be, and hedges no claim."""


def _in_a_purpose_clause(keys: Sequence[str], i: int) -> bool:
    """The modal at ``i`` follows "so that" or "in order that" within its clause (five
    words back, no punctuation between)."""
    for j in range(i - 1, max(0, i - 6), -1):
        if not keys[j][:1].isalnum():
            return False
        if keys[j] == "that" and j and keys[j - 1] in ("so", "order"):
            return True
    return False


def _estimated(words: Sequence[Word], i: int) -> bool:
    """The verb of estimate at ``i``, without "to", holds back what it follows as a
    participle does ("gusts of 70 mph expected on Saturday", "a loss forecast for next
    year"), but not in a comparison ("as expected", "higher than forecast"), with an object
    ("had expected the decision") nor as a noun ("cut its profit forecast for the year")."""
    if words[i].key not in _ESTIMATES or (i and words[i - 1].key in ("as", "than")):
        return False
    if (i and words[i - 1].key in _DETERMINERS) or (i > 1 and words[i - 2].key in _POSSESSIVES):
        return False  # a noun: "its forecast for the year", "its profit forecast for 2027"
    return i + 1 == len(words) or words[i + 1].key in _AFTER_ESTIMATE


_POSSESSIVES = frozenset(("its", "their", "his", "her", "our", "my", "your"))
"""Possessive determiners ("its profit forecast", "her late husband")."""
_DETERMINERS = _POSSESSIVES | {"the", "a", "an", "this", "that"}


_ESTIMATES = frozenset("expected estimated projected forecast predicted anticipated".split())
_ESTIMATE_STEMS = ("expect", "estimat", "project", "forecast", "predict", "anticipat")
"""How the verbs of estimate start, in every form ("expected", "is expecting", "forecasts"):
what one holds back, a plan ("is due to") holds back as much."""
_AFTER_ESTIMATE = frozenset(
    """on in by at for over within until from this next later overnight tomorrow tonight
    soon , . ; : - –""".split()
)
"""What follows a verb of estimate used as a participle: when, not its object."""


_MODALS = frozenset(("could", "should", "may", "might"))
"""Modal verbs a hedge may face in its hunk with no change of certainty ("could fall" /
"may fall", "is expected to last" / "should last"); "would", "will" and "must" are surer: a
rewrite that puts "could" for "would" ("said prices would rise" / "could go up") hedges."""
_HOPES = frozenset(("hope", "hopes", "hoped", "hoping"))
_INTENTIONS = frozenset(
    """aim aims aimed aiming plan plans planned planning intend intends intended intending
    want wants wanted wanting seek seeks sought seeking wish wishes wished like keen
    eager""".split()
)
"""Verbs of what someone means to do, before "to", that a hope may face in its hunk with no
change of certainty ("the trust hopes to open the site" / "aims to open", "would like to
open", "is keen to open")."""
_ABLE = frozenset(("can", "able", "entitled", "eligible", "allowed", "permitted"))
"""Words of what can be, or may be done by right, that a modal may face in its hunk with no
change of certainty ("can shatter" / "may shatter", "will be able to bid" / "could bid",
"could claim £95" / "are entitled to claim £95"), unless the modal holds back an ability
("can detect" / "may be able to detect": less sure)."""


def _of_what_can_be(key: str) -> bool:
    """``key`` may be an adjective of what can be done ("passable", "usable", "visible"),
    which a modal's "could be used" restates (``_modal_be``); not a hedge ("probable")."""
    return len(key) >= 6 and key.endswith(("able", "ible")) and key not in HEDGES


def _modal_be(words: Sequence[Word], i: int) -> bool:
    """The word at ``i`` is "could", "can" or "may" before "be" ("could be used")."""
    return words[i].key in _CAN_BE and i + 1 < len(words) and words[i + 1].key == "be"


_CAN_BE = frozenset(("could", "can", "may", "might"))


def _able_after(words: Sequence[Word], i: int) -> bool:
    """The modal at ``i`` holds back an ability: "be able to" follows it."""
    return [w.key for w in words[i + 1 : i + 3]] == ["be", "able"]


def _same_verb(key: str, other: frozenset[str]) -> bool:
    """A form of the verb ``key`` ("considering": "consider", "considers") is among the
    other side's keys."""
    root = stem(key)
    return any(stem(k) == root for k in other if k[:3] == key[:3])


_SCHEDULED = frozenset(("due", "set", "scheduled", "slated"))
"""Words that give what is planned before "to" ("is due to last five days", "is set to
close"): a hedge may face one with no change of certainty ("is expected to last")."""
_WHEN = frozenset(("on", "in", "by", "at", "next", "this", "later", "within", "before"))
"""Words after "due" that say when what is due comes ("the result is due on 22 January"),
as after "expected"."""
_DUE_WHERE = frozenset(("out", "back", "home", "in", "up"))


def _due_when(keys: Sequence[str], i: int) -> bool:
    """ "Due" at ``i`` says when what is planned comes ("due on 22 January", "were due out
    by early evening", "due back next week")."""
    after = keys[i + 1 : i + 3]
    if after[:1] and after[0] in _DUE_WHERE:
        after = after[1:]
    return bool(after) and after[0] in _WHEN


_SURE = frozenset(("will", "must"))
"""Modal verbs that state what an estimate held back ("is expected to carry 9,400
passengers" / "will carry about 9,400"): the figure kept, the certainty changed."""
_SURER = _SURE | {"would"}
"""Modal verbs surer than a hedge's: a rewrite that puts "could" for one hedges."""
_ESTIMATE_REACH = 6
"""Words after a hedge in which the figure it hedges stands ("expected to cost about
€1.8 million")."""


_NO_ESTIMATE_STEMS = ("thought", "think", "believ", "suspect", "appear", "seem", "understood")
"""The verbs of ``HEDGE_VERBS`` and ``BELIEF_VERBS`` that hold back a belief, not a figure's
estimate ("is thought to owe", "is believed to have cost"), by their first letters."""


def _held_for(key: str, own: list[str], there: list[str]) -> bool:
    """Whether what holds a hunk back on the other side (``there``: its hedges, modals and
    attributions) is left over once the same words of this side's hunk (``own``, ``key``
    among them) are matched off, bar ``key`` itself: something there stands for ``key``.
    "is understood to be considering" / "is considering": "considering" is matched, and
    nothing is left for "understood"."""
    rest = Counter(there)
    rest.subtract(k for k in own if k != key)
    return any(n > 0 for n in rest.values())


def _estimate_kept(words: Sequence[Word], i: int, other_keys: frozenset[str]) -> bool:
    """The hedge at ``i`` is a verb of estimate (``HEDGE_VERBS``, ``BELIEF_VERBS``: "estimates
    output at 1.9 million tonnes" / "puts output at 1.9 million tonnes") whose figure the other
    side gives too: an estimate restated ("expected to cost €1.8 million" / "the bill is
    put at €1.8 million"), the figure the claim, and its wording no change of certainty.
    ("The alleged fraud cost £80,000" / "The fraud cost £80,000" is a change.)"""
    key = words[i].key
    if (key not in HEDGE_VERBS and key not in BELIEF_VERBS) or key in _HOPES:
        return False  # a hope is no estimate: "hoped to spend £18m" / "promised to spend"
    if key.startswith(_NO_ESTIMATE_STEMS):
        # A belief or a look is no estimate: "is thought to owe £300,000" / "owes £300,000"
        # states as fact what was believed, whatever the figure.
        return False
    for word in words[i + 1 : i + 1 + _ESTIMATE_REACH]:
        if word.key[:1].isdigit() and word.key in other_keys:
            return True
    return False


_READERS = frozenset(("you", "you'll", "you’ll", "you'd", "you’d"))
_READER_MODALS = frozenset(("can", "could", "should", "will", "may", "might", "must"))
_SENTENCE_ENDS = frozenset((".", "!", "?", ":", ";"))
_IFS = frozenset(("if", "when", "once", "unless"))
_IF_REACH = 20
"""Words back within which a condition opens the clause a word stands in ("If you are
flying on Friday, expect delays", "If the seedings hold, she would face …")."""


def _after_a_condition(keys: Sequence[str], i: int, conditions: Container[str] = _IFS) -> bool:
    """One of ``conditions`` stands before ``keys[i]`` in its sentence, within
    ``_IF_REACH`` words."""
    for key in reversed(keys[max(0, i - _IF_REACH) : i]):
        if key in _SENTENCE_ENDS:
            return False
        if key in conditions:
            return True
    return False


def _told_to_expect(words: Sequence[Word], i: int) -> bool:
    """ "Expect" at ``i`` tells the reader what to expect, no estimate held back: an
    imperative ("Expect delays", "If you are applying, expect to wait ten weeks") or said
    to "you" ("you can expect to pay £7")."""
    if words[i].key != "expect":
        return False
    if i == 0 or words[i - 1].key in _SENTENCE_ENDS or words[i - 1].key in _READERS:
        return True
    if words[i - 1].key in _READER_MODALS:
        return i > 1 and words[i - 2].key in _READERS
    if words[i - 1].key != ",":
        return False
    before = [w.key for w in words[max(0, i - 1 - _IF_REACH) : i - 1]]
    return _after_a_condition(before, len(before))


_CHILDREN = frozenset(("baby", "child", "son", "daughter", "twins", "triplets", "babies"))
_BEFORE_A_CHILD = frozenset(
    ("a", "her", "their", "his", "our", "the", "first", "second", "third", "fourth", "another")
)


_ACCORDING_DETERMINERS = frozenset(("the", "its", "their", "his", "her", "official", "latest"))


def _conditional(keys: Sequence[str], i: int) -> bool:
    """ "Would" at ``i`` is a conditional's ("If the seedings hold, she would face …"): an
    "if" stands earlier in its sentence, no surer than "could"."""
    return keys[i] == "would" and _after_a_condition(keys, i, ("if",))


def _according_objects(keys: Sequence[str]) -> list[int]:
    """The index of the noun of estimate each "according to" takes ("according to estimates
    from", "according to the latest forecasts"): part of the attribution, no hedge of its
    own."""
    out = []
    for j in range(len(keys) - 2):
        if keys[j] == "according" and keys[j + 1] == "to":
            k = j + 2
            while k < len(keys) - 1 and keys[k] in _ACCORDING_DETERMINERS:
                k += 1
            if keys[k] in _ESTIMATE_NOUNS:
                out.append(k)
    return out


_ESTIMATE_NOUNS = frozenset(
    "estimate estimates forecast forecasts projection projections prediction predictions".split()
)
"""The nouns of estimate an attribution may name ("according to estimates from …"); a word
that holds back more ("according to provisional figures") is a hedge of its own."""


def _expecting_a_child(words: Sequence[Word], i: int) -> bool:
    """ "Expecting" (or "expect") at ``i`` is a pregnancy: "was expecting a child",
    "expecting their first baby", "expect twins"."""
    if not words[i].key.startswith("expect"):
        return False
    for word in words[i + 1 : i + 4]:
        if word.key in _CHILDREN:
            return True
        if word.key not in _BEFORE_A_CHILD:
            return False
    return False


def _find_hedges(group: Group) -> list[Found]:
    """A hedge one side of the group has and the other lacks (attributions counted with
    the hedges), and a booster one side has and the other lacks; on the side that has
    it, where a hunk changed it, unless that hunk puts a hedge, an attribution or a modal
    in its place on the other side ("could" / "may", "reportedly" / "sources say")."""
    if all(
        _HEDGE_CUES.isdisjoint(group.changed_keys(side)) and not _said_to_changed(group, side)
        for side in _SIDES
    ):
        return []  # no hedge or booster changed
    held_by: dict[Side, int] = {}
    boosted_by: dict[Side, int] = {}
    according: dict[Side, set[int]] = {}  # the nouns "according to" takes (estimates)
    for side in _SIDES:
        keys = group.columns[side].keys
        # A verb of estimate holds its statement back before "to" or not: "gusts of up to
        # 110 km/h expected on Saturday" / "gusts are expected to reach 68 mph".
        held_by[side] = sum(
            keys[i] in _ESTIMATES or _hedge_at(group, side, i) for i in range(len(keys))
        ) + sum(map(_ATTRIBUTIONS.__contains__, keys))
        according[side] = set(_according_objects(keys)) if "according" in keys else set()
        # "according to estimates from …": one attribution, not two.
        for i in according[side]:
            held_by[side] -= (keys[i] in _ESTIMATES or _hedge_at(group, side, i)) + (
                keys[i] in _ATTRIBUTIONS
            )
        boosted_by[side] = sum(map(BOOSTERS.__contains__, keys))
    out = []
    for side, other in _SIDE_PAIRS:
        words = group.words(side)
        hedges = held_by[side] > held_by[other]
        boosters = boosted_by[side] > boosted_by[other]
        columns = group.columns[other]
        # The hunks whose other side states surely what this side's modal holds back
        # ("said a ban would start" / "a ban could start"): a hedge, whatever the counts
        # (the attribution dropped beside it holds nothing back in the rewrite).
        surer_there = {
            columns.hunks[i]
            for i in group.changed(other)
            if columns.keys[i] in _SURER and not _conditional(columns.keys, i)
        }
        if not (hedges or boosters or surer_there):
            continue
        # The hunks that put a hedge, an attribution or a modal on the other side (a
        # hedge there is matched), and those that put a booster there.
        held_there, boosted_there, scheduled_there = set(), set(), set()
        modal_there = set()  # hunks held by more than an attribution
        able_there = set()  # hunks held by "can" or "able" alone
        can_be_there = set()  # hunks with an adjective of what can be done ("passable")
        intending_there = set()  # hunks that say what someone means to do
        moved: set[str] | None = None  # attributions this side has as often: moved there
        held_keys: dict[int, list[str]] = {}  # what holds each of those hunks back there
        for i in group.changed(other):
            key = columns.keys[i]
            if key in _REPORTS:
                if moved is None:
                    own, theirs = Counter(group.columns[side].keys), Counter(columns.keys)
                    moved = {k for k in _REPORTS & theirs.keys() if own[k] >= theirs[k]}
                if key in moved:
                    continue  # "..., a spokeswoman said" / "A spokeswoman said ...": no hedge
            if key in BOOSTERS:
                boosted_there.add(columns.hunks[i])
            elif key in _ABLE or key == "possible":
                # "possible": what may be, as a modal says ("gusts of 75mph possible" /
                # "could see gusts of 75mph", "wherever possible" / "wherever it could").
                able_there.add(columns.hunks[i])
            elif _of_what_can_be(key):
                can_be_there.add(columns.hunks[i])
            elif key in _INTENTIONS:
                intending_there.add(columns.hunks[i])
            elif (
                key in _ATTRIBUTIONS
                or key in _MODALS
                or key in _ESTIMATES
                or _hedge_at(group, other, i)
                or _looking_at(columns.keys, i)
                or _conditional(columns.keys, i)
            ):
                held_there.add(columns.hunks[i])
                held_keys.setdefault(columns.hunks[i], []).append(key)
                if key not in _ATTRIBUTIONS or key in BELIEF_VERBS:
                    modal_there.add(columns.hunks[i])
            elif key in _SCHEDULED and i + 1 < len(columns.keys) and columns.keys[i + 1] == "to":
                scheduled_there.add(columns.hunks[i])
            elif key == "due" and _due_when(columns.keys, i):
                scheduled_there.add(columns.hunks[i])  # "due on 22 January", "due out by"
        # This side's own hedges by hunk: one the other side's hunk holds back with the
        # same word is matched by it ("is understood to be considering" / "is considering").
        own_keys: dict[int, list[str]] = {}
        for i in group.changed(side):
            if words[i].hunk in held_keys and _hedge_at(group, side, i):
                own_keys.setdefault(words[i].hunk, []).append(words[i].key)
        for i in group.changed(side):
            word = words[i]
            # A modal, or a verb of estimate before "to" ("is expected to start" / "will
            # start …, the developer said"), facing a surer "will" whatever the counts.
            held_back = word.key in _MODALS or (
                word.key in HEDGE_VERBS and word.key not in _HOPES and _hedge_at(group, side, i)
            )
            hedged = (
                (hedges or (held_back and word.hunk in surer_there))
                # A hunk the other side holds back excuses it; one with only an attribution
                # there does not excuse a modal put for "will" ("will save …, the chain said"
                # / "could save …, according to the chain").
                and (
                    word.hunk not in held_there
                    or (held_back and word.hunk in surer_there and word.hunk not in modal_there)
                    or not _held_for(word.key, own_keys.get(word.hunk, []), held_keys[word.hunk])
                )
                # "can shatter" / "may shatter"; not "can detect" / "may be able to detect"
                and not (word.hunk in able_there and not _able_after(words, i))
                # "were passable" / "could be used": what can be done, in other words
                and not (word.hunk in can_be_there and _modal_be(words, i))
                # "hopes to open" / "aims to open": what someone means to do, either way
                and not (word.key in _HOPES and word.hunk in intending_there)
                # "is expected to last" / "is due to last": a plan either way ("could last"
                # is less sure than "is due to last").
                and not (word.hunk in scheduled_there and word.key.startswith(_ESTIMATE_STEMS))
                # "will consider the plan" / "is considering the plan": the same verb.
                and not (word.key in _TENTATIVE and _same_verb(word.key, group.keys(other)))
                # "linked to a higher risk" / "raises the risk": only where the other side
                # holds nothing back at all ("may lower the risk" keeps a link a link).
                and not (word.key in _CORRELATED and not _link_stated(words, i, held_by[other]))
                and (_hedge_at(group, side, i) or word.key in BELIEF_VERBS or _estimated(words, i))
                # "If you are applying, expect to wait ten weeks": advice to the reader.
                and not _told_to_expect(words, i)
                # "was expecting a child": a pregnancy, nothing held back.
                and not _expecting_a_child(words, i)
                # "according to estimates from …" facing an estimate: the attribution's
                # own noun, the estimate stated there too.
                and not (i in according[side] and held_by[other])
            )
            boosted = boosters and word.hunk not in boosted_there and word.key in BOOSTERS
            if (hedged or boosted) and not (
                _estimate_kept(words, i, group.keys(other))
                and _SURE.isdisjoint(group.changed_keys(other))
            ):
                out.append(Found(side, _HEDGE, *_negated_span(words, i)))
    return out


# ---------------------------------------------------------------------------
# Figures


class _Quantity(NamedTuple):
    start: int
    end: int
    bound: str
    value: float
    currency: str
    unit: str
    hunks: frozenset[int]
    """The hunks that changed its words (with its qualifier's)."""


_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_QUANTITY_STARTS = frozenset(
    (*NUMBER_WORDS, *_CURRENCY, *NAMED_TIMES, "a", "an", "another", "majority", "quarter")
)
_QUANTITY_WORDS = frozenset(
    (*NUMBER_WORDS, *SCALE_WORDS, *MEASURE_UNITS, *TIME_UNITS, *_CURRENCY, *NAMED_TIMES)
).union(*(phrase.split() for phrase in QUANTITY_QUALIFIERS), ("majority", "%", "a", "an"))
"""Words a changed quantity may consist of (its value, scale, unit or qualifier)."""
_PERCENT = frozenset(("%", "percent", "per cent"))


_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


_NUMBER_VALUES = dict(NUMBER_WORDS)
_SCALES = dict(SCALE_WORDS)
"""``NUMBER_WORDS`` and ``SCALE_WORDS`` as plain dicts: a read-only mapping proxy costs
an extra step per lookup, and ``_quantities`` makes several per word."""


def _number_of(key: str) -> float | None:
    """The value of a number word or of a key led by digits ("4,300" -> 4300.0, "18.4%" ->
    18.4), else None.

    Not remembered: an article of figures holds tens of thousands of distinct ones, which
    a bounded cache would only churn through.
    """
    value = _NUMBER_VALUES.get(key)
    if value is not None:
        return float(value)
    if key.isdecimal():
        return float(key)  # what ``_DIGITS`` matches: all of it
    plain = key.replace(",", "")
    if plain.isdecimal() and key[0] != "," and ",," not in key:
        # "4,300", most figures of a long article: ``_DIGITS`` matches all of it but a
        # final comma, and the value is its digits.
        return float(plain)
    digits = _DIGITS.match(key)
    if not digits:
        return None
    # "4,300" groups thousands; "3,5" is rare in English copy.
    text = digits.group().replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


_FREQUENCIES = frozenset(("once", "twice", "thrice", "times"))
_ORDINALS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth half once twice "
    "double triple".split()
)
"""Number words that count no whole: which one ("the third"), how often, how much more."""
_CENTURIES = frozenset(("century", "centuries", "millennium", "millennia"))


def _ordinal(key: str) -> bool:
    """An ordinal or a number word that counts no whole: "seventh", "21st", "half", "twice"."""
    return key in _ORDINALS or (key[:1].isdigit() and key.endswith(("st", "nd", "rd", "th")))


_RANKS = {
    w: NUMBER_WORDS[w]
    for w in "first second third fourth fifth sixth seventh eighth ninth tenth".split()
}
"""Ordinal words and the places they rank."""


def _find_ranks(group: Group) -> list[Found]:
    """An ordinal replaced by another in one hunk ("finished first" / "finished second",
    "for the first time" / "for the second time"): a changed place. "first" and "second"
    alone are no figure (``WEAK_NUMBER_WORDS``: "first time", "a second"), so the figure
    check does not read them; facing another ordinal they rank."""
    return _replaced_by_another(group, _RANKS)


def _replaced_by_another(group: Group, values: Mapping[str, object]) -> list[Found]:
    """Words of ``values`` (a table of what each word means) replaced each by one of
    another meaning in a small hunk (a word replaced, not a clause rewritten round it):
    both, as changed figures."""
    found: dict[Side, dict[int, list[Word]]] = {_A: {}, _B: {}}
    for side in _SIDES:
        keys = group.columns[side].keys
        for i in group.replacing(side):
            if keys[i] in values:
                word = group.word(side, i)
                found[side].setdefault(word.hunk, []).append(word)
    out: list[Found] = []
    for hunk in found[_A].keys() & found[_B].keys():
        a_words, b_words = found[_A][hunk], found[_B][hunk]
        if (
            len(a_words) == len(b_words) == 1
            and values[a_words[0].key] != values[b_words[0].key]
            and group.small(hunk, 3)
        ):
            out.append(Found(_A, _NUMBER, a_words[0].start, a_words[0].end))
            out.append(Found(_B, _NUMBER, b_words[0].start, b_words[0].end))
    return out


_WORD_BEFORE = r"([\w%£$€]+)\W*\Z"
_COUNT_BEFORE = r"(?:\d[\d,.]*|\b(?:hundreds|thousands|millions))\s+\Z"
"""A count just before a noun ("52,000 vehicles", "thousands of"…): the noun then "a day"
is a rate."""
_TIME_UNIT_NAMES = frozenset(("year", "month", "week", "day", "hour", "minute", "second"))


_RATE_HOURS = {
    "second": 1 / 3600,
    "minute": 1 / 60,
    "hour": 1.0,
    "day": 24.0,
    "week": 168.0,
    "fortnight": 336.0,
}
_RATE_MONTHS = {"month": 1.0, "year": 12.0}
"""The units of a rate, in hours and in months (the keys of ``rate_spans``)."""
_RATE_COUNT = r"\d+|" + alternation([w for w, v in NUMBER_WORDS.items() if 2 <= v < 100])
_EVERY_SPAN = rf"(?i)\bevery ({_RATE_COUNT}) (second|minute|hour|day|week|fortnight|month|year)s?\b"
"""A rate as the span between two events: "every 20 minutes", "every six months"."""
_TIMES_A = (
    rf"(?i)\b(twice|thrice|(?:{_RATE_COUNT}) times) (?:a|an|per|each|every) "
    r"(second|minute|hour|day|week|fortnight|month|year)\b"
)
"""A rate as a count in a unit of time: "three times an hour", "twice a year"."""


_RATE_ADJECTIVES = {
    "hourly": ("1", "hour"),
    "daily": ("24", "hour"),
    "weekly": ("168", "hour"),
    "fortnightly": ("336", "hour"),
    "monthly": ("1", "month"),
    "quarterly": ("3", "month"),
    "annually": ("12", "month"),
    "yearly": ("12", "month"),
}
"""Rates in one word and their intervals ("fortnightly": every two weeks)."""
_RATE_ADJECTIVE = r"(?i)(?<![\w-])(" + "|".join(_RATE_ADJECTIVES) + r")\b"
"""A rate in one word, not the second half of one ("twice-weekly" counts twice)."""
_RATE_WORDS = frozenset(("every", "times", "twice", "thrice", *_RATE_ADJECTIVES))
"""The words one of a rate's patterns needs (``rate_spans``)."""


def rate_spans(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int, tuple[str, str]]]:
    """(start, end, interval) of each rate of ``text`` that states how often by a figure
    or in one word ("every 20 minutes", "three times an hour", "twice a year",
    "fortnightly"): the interval between two events is the rate's key, in hours or
    months, so that each way of writing one rate has one key ("every 20 minutes" and
    "three times an hour": ('0.333333', 'hour')).

    >>> [key for _, _, key in rate_spans("every 20 minutes, three times an hour")]
    [('0.333333', 'hour'), ('0.333333', 'hour')]
    >>> [key for _, _, key in rate_spans("every six months; twice a year; 4 times a day")]
    [('6', 'month'), ('6', 'month'), ('6', 'hour')]
    """
    out = []
    end = len(text) if end is None else end
    lowered = text[start:end].lower()
    if "ly" in lowered:
        for rate in compiled(_RATE_ADJECTIVE).finditer(text, start, end):
            out.append((rate.start(), rate.end(), _RATE_ADJECTIVES[rate.group(1).lower()]))
    for pattern, words in ((_EVERY_SPAN, ("every ",)), (_TIMES_A, (" times ", "twice", "thrice"))):
        if not any(word in lowered for word in words):
            continue  # the literal words are rarer than their pattern is quick to fail
        spans = pattern is _EVERY_SPAN
        for rate in compiled(pattern).finditer(text, start, end):
            count, unit = rate.group(1).lower().removesuffix(" times"), rate.group(2).lower()
            value = {"twice": 2.0, "thrice": 3.0}.get(count) or _number_of(count)
            if not value:
                continue
            months = unit in _RATE_MONTHS
            size = _RATE_MONTHS[unit] if months else _RATE_HOURS[unit]
            interval = size * value if spans else size / value
            key = (plain_number(round(interval, 6)), "month" if months else "hour")
            out.append((rate.start(), rate.end(), key))
    return sorted(out)


def rate_counts(text: str) -> set[str]:
    """The counts that ``text``'s intervals make in a larger unit of time: "every 20
    minutes" is three times an hour, 72 times a day; "every three months" four times a
    year (whole counts of two or more only).

    >>> sorted(rate_counts("every 20 minutes"), key=int)
    ['3', '72', '504']
    """
    counts = set()
    for start, _, (interval, unit) in rate_spans(text):
        if not text.startswith(("every", "Every", "EVERY"), start):
            continue
        sizes = _RATE_MONTHS if unit == "month" else _RATE_HOURS
        for size in sizes.values():
            count = size / float(interval)
            if 2 <= round(count) <= 10_000 and abs(count - round(count)) < 1e-3:
                counts.add(str(round(count)))
    return counts


def plain_number(value: float) -> str:
    """``value`` written as the claims write a figure's value, without a trailing ".0":
    "3000", "33.3"."""
    return str(int(value)) if float(value).is_integer() else str(value)


def _same_rate(group: Group, side: Side, q: _Quantity, other: Side) -> bool:
    """``q`` is the figure of a rate the other side's group states in other words
    ("every 20 minutes" / "three times an hour")."""
    inside = [key for s, e, key in group.rates(side) if s <= q.start and q.end <= e]
    return bool(inside) and inside[0] in {key for *_, key in group.rates(other)}


def _a_rate(text: str, q: _Quantity) -> bool:
    """``q`` is "a day", "a week"… after a frequency ("twice a day"), a figure ("£5 a
    week") or a unit ("ten hours a day"): a rate, which the other side may write another
    way ("twice-daily", "weekly")."""
    if q.value != 1 or q.unit not in _TIME_UNIT_NAMES or not text.startswith("a", q.start):
        return False
    before = compiled(_WORD_BEFORE).search(text, max(0, q.start - 24), q.start)
    if before is None:
        return False
    key = before.group(1).lower()
    if key in _FREQUENCIES or key[:1].isdigit() or key in _NUMBER_VALUES or key in _UNIT_KEYS:
        return True
    # A count of things before it ("52,000 vehicles a day", "300 flights a week").
    counted = compiled(_COUNT_BEFORE).search(text, max(0, before.start() - 24), before.start())
    return counted is not None and key.isalpha()


_OCCASIONS = {
    "at": frozenset(("point", "stage", "time")),
    "on": frozenset(("day", "night", "occasion")),
}
"""Units after "at one" and "on one" (or "a") that name an occasion, no amount ("at one
point in July", "on one day in July")."""
_OCCASION_OPENERS = frozenset(("one", "a", "an"))
"""The words that open an occasion's count ("at one point", "on a day")."""


def _an_occasion(keys: Sequence[str], i: int) -> bool:
    """ "One" or "a" at ``i`` opens an occasion (``_OCCASIONS``): "at one point"."""
    units = _OCCASIONS.get(keys[i - 1]) if i else None
    return units is not None and i + 1 < len(keys) and keys[i + 1] in units


_ONCE_A_RATE = frozenset(("a", "an", "every", "per", "each", "or", "in", "during", "this", "last"))
"""Words after "once" that make it a count of occasions ("once a week", "once every two
years", "once or twice", "once in five years", "once this season")."""


def _once_a_count(keys: Sequence[str], i: int) -> bool:
    """ "Once" at ``i`` counts occasions: before a rate or a period (``_ONCE_A_RATE``) or
    at a clause's end ("fined only once."), not "at once". Before anything else it is a
    conjunction ("once the tide turns", "once it is built") or an adverb ("once more",
    "once again", "was once the largest"): no figure."""
    following = keys[i + 1] if i + 1 < len(keys) else ""
    if following in _ONCE_A_RATE:
        return True
    return not following[:1].isalnum() and not (i and keys[i - 1] == "at")


def _quantities(group: Group, side: Side) -> list[_Quantity]:
    """Every quantity of one side of the group: qualifier, value, currency, unit."""
    columns = group.columns[side]
    starts, ends, keys, of_word, _ = columns
    out: list[_Quantity] = []
    n = len(keys)
    resume = 0  # the word after the last quantity read
    numbers, scales = _NUMBER_VALUES, _SCALES
    # Most words are not even candidates: list the few that are (a quantity's first word
    # or one starting with a digit), tested in C with no Python step per word.
    digit_led = map(str.isdigit, map(_FIRST, keys))
    opens = map(operator.or_, map(_QUANTITY_STARTS.__contains__, keys), digit_led)
    candidates = list(compress(range(n), opens))
    for i in candidates:
        if i < resume:
            continue  # inside the quantity just read
        key = keys[i]
        first = i
        currency = ""
        share = None
        if key == "half" and i + 2 < n and keys[i + 1] == "-" and keys[i + 2] in _HALF_NOUNS:
            continue  # "at half-time": when, not how much
        if key == "half" and _a_named_half(keys, i):
            continue  # "first-half goals", "in the second half": a period, not a share
        if key in _OCCASION_OPENERS and _an_occasion(keys, i):
            continue  # "at one point", "on one day": when, no quantity
        if key == "once" and not _once_a_count(keys, i):
            continue  # "once the tide turns", "at once", "once more": no count
        if key in NAMED_TIMES:
            # "noon", "midnight": "12pm", "12am" in other words.
            hunk = of_word[i]
            hunks = frozenset((hunk,)) if hunk >= 0 else _NO_HUNKS
            minutes = float(NAMED_TIMES[key])
            out.append(
                _new_tuple(_Quantity, (starts[i], ends[i], "", minutes, "", _TIME_OF_DAY, hunks))
            )
            continue
        if key == "majority":
            # "a majority of households": more than half ("two-thirds majority": a share).
            if i and (keys[i - 1] in numbers or keys[i - 1] in FRACTIONS or keys[i - 1] == "-"):
                continue
            hunk = of_word[i]
            hunks = frozenset((hunk,)) if hunk >= 0 else _NO_HUNKS
            fields = (starts[i], ends[i], "at least", 50.0, "", "%", hunks)
            out.append(_new_tuple(_Quantity, fields))
            continue
        if key in _CURRENCY:
            # A currency sign opens a quantity before a (non-zero) figure: "$ 45".
            value = _number_of(keys[i + 1]) if i + 1 < n else None
            if not value:
                continue
            currency = key
            i += 1
        elif (share := _share(keys, i) or _ratio(keys, i)) is not None:
            # "a third of", "two-thirds", "half the": the percentage it is; "a quarter of
            # a million": a quarter of the million.
            value, i = share
            if keys[i + 1 : i + 3] in (["of", "a"], ["of", "an"]) and i + 3 < n:
                if keys[i + 3] in scales:
                    value, share, i = value / 100 * scales[keys[i + 3]], None, i + 3
                elif keys[i + 3] in _UNIT_KEYS:
                    # "a quarter of an hour", "three quarters of a mile": that share of
                    # the unit, read next as any quantity's unit.
                    value, share, i = value / 100, None, i + 2
        elif key in _ONE_OF_A_UNIT:
            # "a dozen", "a mile", "another year" (no number word is an article, nor a
            # currency sign); ``_unit`` reads exactly the ``_UNIT_KEYS`` as units.
            if i + 2 < n and keys[i + 1] == "pair" and keys[i + 2] == "of":
                fields = (starts[i], ends[i + 1], "", 2.0, "", "", _hunks(of_word, i, i + 1))
                out.append(_new_tuple(_Quantity, fields))  # "a pair of search dogs": two
                resume = i + 2
                continue
            if i + 2 < n and keys[i + 1] in _MORE_OF and keys[i + 2] in _UNIT_KEYS:
                i += 1  # "a further year", "an extra hour": one more of the unit
            elif not (i + 1 < n and (keys[i + 1] in scales or keys[i + 1] in _UNIT_KEYS)):
                continue
            value = 1.0
        else:
            # A key of digits alone is its own value (``_number_of``'s second test), and
            # so is one of digits and commas (its third): most figures, read here.
            if key.isdecimal():
                value = float(key)
            elif (plain := key.replace(",", "")).isdecimal() and key[0] != "," and ",," not in key:
                value = float(plain)
            else:
                value = _number_of(key)
                if value is None:
                    continue
        if not currency and (time := time_of_day(keys, i)) is not None:
            # "2.15am", "02:15" after "at": a time of day, in minutes after midnight.
            minutes, last = time
            hunks = _hunks(of_word, first, last)
            fields = (starts[first], ends[last], "", float(minutes), "", _TIME_OF_DAY, hunks)
            out.append(_new_tuple(_Quantity, fields))
            resume = last + 1
            continue
        unit = "%" if share is not None or (key[:1].isdigit() and key.endswith("%")) else ""
        if ":" in key and (
            (clock := CLOCK_SPAN.fullmatch(key)) or (clock := MINUTE_SPAN.fullmatch(key))
        ):
            # A span shown as a clock shows it ("2:21:04", "34:12"), in hours.
            value, unit = clock_span_hours(clock), "hour"
        factor = 1.0  # the last unit's, for "a year and a half"
        j = i + 1
        while j < n:
            key = keys[j]
            if key not in _QUANTITY_GOES_ON:
                break  # what the tests below would find: most figures end at once
            if key == "-":
                j += 1
                continue
            if key in ("a", "an"):
                if (
                    keys[j - 1] == "half"
                    and j + 1 < n
                    and (keys[j + 1] in _UNIT_KEYS or keys[j + 1] in scales)
                ):
                    j += 1  # "half an hour", "half a million": half of the unit or scale
                    continue
                break
            if key == "and":
                # "two and a half years", "a year and a half": a half of the unit.
                if share is None and (and_a_part := _and_a_part(keys, j)) is not None:
                    more, j = and_a_part
                    value += more * factor
                    continue
                break
            if key in scales and (columns.spaced(j) or key in ("m", "bn", "k", "mn", "tn")):
                value *= scales[key]
            elif key in _ORDINALS:
                break  # "three seventh-century brooches": a count, then an ordinal
            elif key in numbers and (keys[j - 1] in numbers or keys[j - 1] in ("-", "and")):
                number = float(numbers[key])
                if share is None and number >= 100:
                    value *= number  # "two hundred"
                elif share is None and number < 10 and value % 100 >= 20 and value % 10 == 0:
                    value += number  # "twenty-five"
                else:
                    break  # "one in ten five years ago", "ten five": two numbers
            elif key in ("%", "percent") or (key == "per" and j + 1 < n and keys[j + 1] == "cent"):
                unit = "%"
                if key == "per":
                    j += 1
            elif key == "per" and unit and j + 1 < n and keys[j + 1] in _PER:
                unit += " per " + _PER[keys[j + 1]]  # "80 miles per hour" (mph)
                j += 1
            elif unit == "%" and key in _TIME_UNIT_KEYS:
                break  # "up 6% year on year", "6% a year": when or how often, no unit
            elif key in _UNIT_KEYS and (found := _unit(key)) is not None:
                factor, name = found
                value *= factor
                unit = (unit + " " if unit in ("square", "cubic") else "") + name
            else:
                break
            j += 1
        size, named = 1.0, unit  # the unit read last, and its size in the first unit
        while named in SMALLER_UNITS and j + 1 < n:
            # A span in several units: "six years and six months" is six and a half
            # years, "2 hours, 21 minutes and 4 seconds" 2.35 hours.
            k = j + 1 if keys[j] in ("and", ",") else j
            smaller, per = SMALLER_UNITS[named]
            if k + 1 >= n or _unit_name(keys[k + 1]) != smaller:
                break
            part = _number_of(keys[k]) if keys[k][:1].isdigit() else numbers.get(keys[k])
            if not part:
                break
            size /= per
            value += float(part) * size
            j, named = k + 2, smaller
        last = j - 1
        while last > first and keys[last] == "-":
            last -= 1
        # A bare year is a date, not a figure; "one" alone is rarely one ("no one").
        if not (currency or unit) and last == first:
            bare = keys[first]
            if (len(bare) == 4 and _YEAR.fullmatch(bare)) or bare in WEAK_NUMBER_WORDS:
                resume = j
                continue
            if len(bare) <= 2 and bare.isdigit() and _beside_a_month(keys, first):
                resume = j
                continue  # "Wednesday 24 November", "March 5": a day of a date
        if j < n and (
            keys[j] == "ago" or (keys[j] in _COUNTED_BACK and keys[first] in ("a", "an"))
        ):
            resume = j  # "two years ago", "4% more than a year earlier": a date, no amount
            continue
        if keys[last] in _CENTURIES and _ordinal(keys[first]):
            resume = j  # "the seventh century", "21st-century": a date
            continue
        if first and keys[first - 1] in _QUALIFIER_ENDS:
            bound, q_start = _bound_before(keys, first)
        elif (
            first > 1
            and keys[first - 1] == "-"
            and keys[first - 2] in _QUALIFIER_ENDS
            and keys[first][-1:] == "s"
            and keys[first][:-1].isdecimal()
        ):
            bound, q_start = _bound_before(keys, first - 1)  # "the over-65s": over 65
        else:
            bound, q_start = "", first  # no qualifier (``_bound_before``'s first test)
        if (
            not bound
            and ("or" in keys[j : j + _OR_MORE_REACH] or "and" in keys[j : j + _OR_MORE_REACH])
            and not (keys[first] in ("a", "an") and out and out[-1].end == ends[first - 1])
        ):
            # "twice a week or more": at least twice (and the rate's "a week" no bound).
            bound = _or_more(keys, j)
        if not bound and j < n and keys[j] == "plus" and keys[j - 1] == "-":
            bound, last, j = "at least", j, j + 1  # "the 8,000-plus players": over 8,000
        if q_start == last:
            hunk = of_word[last]
            hunks = frozenset((hunk,)) if hunk >= 0 else _NO_HUNKS
        else:
            hunks = frozenset(h for h in of_word[q_start : last + 1] if h >= 0)
        # The qualifier belongs to the span only when it bounds the figure.
        shown = q_start if bound not in ("", "about") else first
        fields = (starts[shown], ends[last], bound, value, currency, unit, hunks)
        out.append(_new_tuple(_Quantity, fields))
        resume = j
    return out


_NO_HUNKS: frozenset[int] = frozenset()
_OR_MORE_REACH = 4
"""Words after a quantity in which "or more" may bound it ("twice a week or more")."""
_OR_MORE = {"more": "at least", "over": "at least", "above": "at least", "longer": "at least"}
_OR_MORE |= {"less": "at most", "fewer": "at most", "under": "at most", "below": "at most"}


def _or_more(keys: Sequence[str], j: int) -> str:
    """The bound an "or more" ("or less", "or over"; "and over", "and under" of an age)
    within ``_OR_MORE_REACH`` words after a quantity ending before ``j`` sets on it ("at
    least", "at most"), else "". Another figure between them takes it ("24,600 residents
    aged 85 or over": 85 or over)."""
    for k in range(j, min(len(keys) - 1, j + _OR_MORE_REACH)):
        key = keys[k]
        if key == "or":
            return _OR_MORE.get(keys[k + 1], "")
        if key == "and" and keys[k + 1] in _AND_OVER:
            return _OR_MORE[keys[k + 1]]  # "aged 85 and over"
        if not key[:1].isalpha():
            return ""  # the clause ends ("twice a week, or more often than that"), or a figure
    return ""


_AND_OVER = frozenset(("over", "above", "under", "below"))
"""Words after "and" that bound the figure before ("aged 65 and over", "5 and under"): "and
more" need not ("20 pubs and more cafes")."""


def _hunks(of_word: Sequence[int], first: int, last: int) -> frozenset[int]:
    """The hunks replacing words ``first`` to ``last`` (inclusive)."""
    return frozenset(h for h in of_word[first : last + 1] if h >= 0)


_new_tuple = tuple.__new__
"""A named tuple built from its fields in C (``_new_tuple(Found, fields)``), without its
constructor's Python call: one per figure of an article of figures."""
_FIRST = operator.itemgetter(0)


_TIME_OF_DAY = "time of day"
"""The unit of a time of day (``time_of_day``), whose value is minutes after midnight."""
_CLOCK = re.compile(r"(\d{1,2})(?:[.:]([0-5]\d))?")
_MERIDIEMS = frozenset(("am", "pm"))
_AT_A_TIME = frozenset(
    ("at", "by", "until", "till", "from", "after", "before", "around", "about", "since", "to")
)
"""Words before "02:15" that make it a time of day rather than a span ("ran 4:01")."""


def time_of_day(keys: Sequence[str], i: int) -> tuple[int, int] | None:
    """The time of day that starts at ``keys[i]``, in minutes after midnight, and the index
    of its last key: "2.15 am" (keys "2.15", "am"), "6 pm", "02:15" or "18:30" after a
    word of time ("at 02:15"), "8.15" before words that say its half of the day ("8.15 to
    9.15 in the morning": ``_half_of_day_after``); None for none.

    >>> time_of_day(["at", "2.15", "am"], 1), time_of_day(["at", "02:15"], 1)
    ((135, 2), (135, 1))
    >>> time_of_day(["at", "6.30", "pm"], 1), time_of_day(["ran", "4:01"], 1)
    ((1110, 2), None)
    >>> time_of_day("from 8.15 to 9.15 in the morning".split(), 1)
    (495, 1)
    """
    clock = _CLOCK.fullmatch(keys[i])
    if clock is None:
        return hour_opening_a_range(keys, i)
    hours, minutes = int(clock.group(1)), int(clock.group(2) or 0)
    after = keys[i + 1] if i + 1 < len(keys) else ""
    if after in _MERIDIEMS:
        found = clock_minutes(hours, minutes, after[0])
        return None if found is None else (found, i + 1)
    if ":" in keys[i] and i and keys[i - 1] in _AT_A_TIME:
        found = clock_minutes(hours, minutes, "")
        return None if found is None else (found, i)
    if clock.group(2) is not None:
        # "from 8.15 to 9.15 in the morning", "8.15 to 9.15am": the half of the day the
        # range's end or the words after it give.
        half = _half_of_day_after(keys, i + 1)
        if half:
            found = clock_minutes(hours, minutes, half)
            return None if found is None else (found, i)
        return None
    return hour_opening_a_range(keys, i)


def hour_opening_a_range(keys: Sequence[str], i: int) -> tuple[int, int] | None:
    """A bare hour (1 to 12, in digits or a word) that opens a range ending at a time of
    day, in minutes after midnight: the last such hour before the end ("from six until
    noon": 6am; "between 9 and 11pm": 9pm; "from eight to midnight": 8pm); None for any
    other key.

    >>> hour_opening_a_range("from six until noon".split(), 1)
    (360, 1)
    >>> hour_opening_a_range(["between", "9", "and", "11", "pm"], 1)
    (1260, 1)
    >>> hour_opening_a_range("six until noon".split(), 0)
    >>> hour_opening_a_range("from six days".split(), 1)
    """
    if not 0 < i < len(keys) - 2 or keys[i - 1] not in _OPENS_A_RANGE:
        return None
    if keys[i + 1] not in _RANGE_WORDS:
        return None
    hours = _number_of(keys[i])
    if hours is None or hours != int(hours) or not 1 <= hours <= 12:
        return None
    end_key = keys[i + 2]
    if end_key in NAMED_TIMES:
        end = NAMED_TIMES[end_key] or 1440  # midnight ends the day
    else:
        clock = _CLOCK.fullmatch(end_key)
        after = keys[i + 3] if i + 3 < len(keys) else ""
        if clock is None or after not in _MERIDIEMS:
            return None
        found = clock_minutes(int(clock.group(1)), int(clock.group(2) or 0), after[0])
        if found is None:
            return None
        end = found
    start = int(hours) % 12 * 60
    earlier = [m for m in (start, start + 720) if m < end]
    return (earlier[-1], i) if earlier else None


_OPENS_A_RANGE = frozenset(("from", "between"))
_RANGE_WORDS = frozenset(("to", "-", "–", "and", "until", "till"))
_PARTS_OF_DAY = {"morning": "a", "afternoon": "p", "evening": "p"}


def _half_of_day_after(keys: Sequence[str], j: int) -> str:
    """The half of the day ("a" or "p") said just after a clock's hours and minutes ending
    before ``j``, past the end of a range it opens: "am" or "pm" ("8.15 to 9.15am"), "in
    the morning", "in the afternoon", "in the evening", "at night"; "" for none."""
    if j + 1 < len(keys) and keys[j] in _RANGE_WORDS:
        partner = _CLOCK.fullmatch(keys[j + 1])
        if partner is not None and partner.group(2) is not None:
            j += 2
    after = keys[j : j + 3]
    if after[:1] and after[0] in _MERIDIEMS:
        return after[0][0]
    if after[:2] == ["in", "the"] and len(after) == 3:
        return _PARTS_OF_DAY.get(after[2], "")
    return "p" if after[:2] == ["at", "night"] else ""


def clock_minutes(hours: int, minutes: int, meridiem: str) -> int | None:
    """Minutes after midnight of a clock's hours and minutes, with the half of the day
    (``meridiem`` "a" or "p") or without (a 24-hour clock); None for no time ("13pm",
    "25:10").

    >>> clock_minutes(2, 15, "a"), clock_minutes(12, 0, "p"), clock_minutes(18, 30, "")
    (135, 720, 1110)
    """
    if meridiem:
        if not 1 <= hours <= 12:
            return None
        return (hours % 12 + (12 if meridiem == "p" else 0)) * 60 + minutes
    return hours * 60 + minutes if hours < 24 else None


CLOCK_SPAN = re.compile(r"\b(\d{1,2}):([0-5]\d):([0-5]\d)(\.\d{1,3})?\b")
"""A span shown as a clock shows it: hours, minutes and seconds ("2:21:04"), perhaps with
a fraction of a second ("2:21:04.6")."""
MINUTE_SPAN = re.compile(
    r"(?<![\d:.])(2[4-9]|[3-9]\d|\d{1,2}(?=:[0-5]\d\.\d)):([0-5]\d)(\.\d{1,3})?"
    r"(?![\d:]|\s?[ap]\.?m\b)"
)
"""A span of minutes and seconds shown as a clock that no time of day can be: 24 minutes or
more ("finishing in 34:12"), or any with a fraction of a second (a race's "3:26.34", never
a time of day)."""


def clock_span_hours(match: re.Match[str]) -> float:
    """The hours of a ``CLOCK_SPAN`` or ``MINUTE_SPAN`` match ("2:21:04", "34:12",
    "3:26.34")."""
    *whole, fraction = match.groups()
    parts = [int(p) for p in whole]
    if len(parts) == 2:
        parts.insert(0, 0)
    hours, minutes, seconds = parts
    return hours + minutes / 60 + (seconds + float(fraction or 0)) / 3600


SMALLER_UNITS = {
    "year": ("month", 12),
    "week": ("day", 7),
    "day": ("hour", 24),
    "hour": ("minute", 60),
    "minute": ("second", 60),
}
"""Each unit of time, the unit a span in two units adds after it and how many of that make
one ("two years and eight months")."""


def _unit_name(key: str) -> str:
    """The unit a word names ("months": "month"), or ""."""
    found = _unit(key) if key in _UNIT_KEYS else None
    return found[1] if found is not None and found[0] == 1 else ""


def _unit(key: str) -> tuple[float, str] | None:
    """(factor, unit) of a unit word: "km" -> (1, "kilometre"), "decade" -> (10, "year"),
    "mph" -> (1, "mile per hour")."""
    if key in MEASURE_UNITS or key in TIME_UNITS or key in UNIT_EQUIVALENTS:
        base = key[:-1] if key.endswith("s") and key[:-1] in MEASURE_UNITS | TIME_UNITS else key
        factor, _, unit = UNIT_EQUIVALENTS.get(base, base).rpartition(" ")
        return float(factor or 1), _SPEEDS.get(unit, unit)
    return None


_SPEEDS = {"mph": "mile per hour", "kph": "kilometre per hour"}
_ROUGHLY = frozenset(("about", "roughly", "around", "approximately", "nearly", "almost"))
"""Words before "as much as" that make it a likeness ("about as much as"), no bound."""
_BASE_UNITS = frozenset(("year", "day"))
"""The units ``_IN_BASE_UNIT`` states the others in."""
_IN_BASE_UNIT: dict[str, tuple[float, str]] = {
    "month": (1 / 12, "year"),
    "week": (7.0, "day"),
    "hour": (1 / 24, "day"),
    "minute": (1 / 1440, "day"),
    "second": (1 / 86400, "day"),
}
"""Units of time stated in another, for comparing two spans given in different units: in
years ("18 months" is "a year and a half") or days ("a week" is "seven days", "90 minutes"
an hour and a half). A figure keeps its own value and unit: an age ("the 58-year-old")
is the figure 58 too, with no unit."""
_TIMED = _BASE_UNITS | frozenset(_IN_BASE_UNIT)
"""The units of time ``_in_base_unit`` keys in a base unit."""


ONE_YEAR = (
    r"(?i)\bthe (?:past |previous |last )?year (?:to|ending|through|until)\b"
    r"|\bthe (?:past|previous) year\b"
)
"""A year as a span without a number ("in the year to October", "over the past year"):
the other side may write "the 12 months to October"."""


def _one_span(group: Group, side: Side, q: _Quantity) -> bool:
    """``side`` of the group states the span ``q`` as one of a unit with no number: "the
    year to October" (``ONE_YEAR``) for "the 12 months to October", "the past fortnight"
    for "the past two weeks". Read from the group's keys (its sentences may lie far apart
    in the article: its text from first word to last may be most of it)."""
    keys = group.columns[side].keys
    wanted = _in_base_unit(q)
    for i in range(len(keys) - 1):
        key = keys[i]
        if key == "the" and wanted == (1.0, "year"):
            # "the year to October", "the past year", "the previous year ending June"
            at = i + 2 if keys[i + 1] in _SPAN_OPENERS else i + 1
            if at < len(keys) and keys[at] == "year":
                after = keys[at + 1] if at + 1 < len(keys) else ""
                if after in _YEAR_TO or keys[i + 1] in ("past", "previous"):
                    return True
        if key in _SPAN_OPENERS:
            found = _unit(keys[i + 1])
            if (
                found is not None
                and found[1] in _TIME_UNIT_NAMES
                and _in_base_unit(q._replace(value=found[0], unit=found[1])) == wanted
            ):
                return True
    return False


def _span_ago(group: Group, side: Side, q: _Quantity) -> bool:
    """``side`` of the group counts the span ``q`` back from now ("31 years ago", "two
    decades ago": the date ``_quantities`` leaves to the date check) with the same value
    in the same unit of time."""
    keys = group.columns[side].keys
    wanted = _in_base_unit(q)
    for k in range(2, len(keys)):
        if keys[k] != "ago":
            continue
        unit = _unit(keys[k - 1]) if keys[k - 1] in _TIME_UNIT_KEYS else None
        value = _number_of(keys[k - 2])
        if unit is None or value is None:
            continue
        factor, name = unit
        if _in_base_unit(q._replace(value=value * factor, unit=name)) == wanted:
            return True
    return False


_SPAN_OPENERS = frozenset(("past", "last", "previous", "next", "coming", "whole", "entire", "full"))
"""Words that make a unit of time with no number a span of one ("the past fortnight",
"the whole week")."""
_YEAR_TO = frozenset(("to", "ending", "through", "until"))


_MEASURES: dict[str, tuple[str, float]] = {
    "metre": ("length", 1.0),
    "kilometre": ("length", 1000.0),
    "centimetre": ("length", 0.01),
    "millimetre": ("length", 0.001),
    "mile": ("length", 1609.344),
    "yard": ("length", 0.9144),
    "foot": ("length", 0.3048),
    "inch": ("length", 0.0254),
    "kilogram": ("mass", 1.0),
    "gram": ("mass", 0.001),
    "tonne": ("mass", 1000.0),
    "pound": ("mass", 0.45359237),
    "ounce": ("mass", 0.028349523),
    "hectare": ("area", 1e4),
    "acre": ("area", 4046.8564),
    "square kilometre": ("area", 1e6),
    "square mile": ("area", 2589988.1),
    "square metre": ("area", 1.0),
    "square foot": ("area", 0.09290304),
    "mile per hour": ("speed", 1.609344),
    "kilometre per hour": ("speed", 1.0),
}
"""Units of measure by what they measure and their size in one unit of it (metres,
kilograms, square metres, kilometres an hour): a rewrite converts ("500 metres" / "550
yards", "110 km/h" / "68 mph", "12,000 hectares" / "120 square kilometres")."""
_CONVERTED = 0.04
"""How far apart two converted figures may be and be the same figure: a rewrite rounds
what it converts (500 metres is 547 yards, written "550 yards"; 110 km/h is 68.4 mph)."""
_PER_HOUR = r"(?i)\s*(?:/\s*h(?:r|our)?\b|an hour\b|per hour\b)"


def _measure(text: str, q: _Quantity) -> tuple[str, float] | None:
    """What ``q`` measures and its size in that measure's unit, or None."""
    found = _MEASURES.get(q.unit)
    if found is None:
        return None
    kind, size = found
    if q.unit == "kilometre" and compiled(_PER_HOUR).match(text, q.end, q.end + 12):
        kind, size = _MEASURES["kilometre per hour"]  # "110 km/h"
    return kind, q.value * size


def _converted_in(group: Group, side: Side, q: _Quantity, others: Sequence[_Quantity]) -> bool:
    """The other side states ``q`` in another unit of the same measure, converted and
    rounded (``_CONVERTED``)."""
    mine = _measure(group.text[side], q)
    if mine is None:
        return False
    text = group.text[_OTHER[side]]
    for o in others:
        if o.unit != q.unit and o.unit in _MEASURES:
            theirs = _measure(text, o)
            if theirs is not None and theirs[0] == mine[0] and same_measure(theirs[1], mine[1]):
                return True
    return False


_UNIT_AFTER = r"(?i)[\s-]*([a-z²]+)(?:\s+([a-z]+))?"
"""The word after a figure that may be its unit, and the next ("square kilometres"): read
generically and looked up with ``_unit`` (one pattern of every unit tried at every figure
of a long article of figures cost a tenth of its claims)."""
_FIGURE_BEFORE_MEASURE = r"(?i)(?<![\w.,$€£¥])(\d+(?:,\d{3})*(?:\.\d+)?)"


def measure_after(text: str, end: int, value: float) -> tuple[str, float] | None:
    """What the figure ``value`` ending at ``end`` in ``text`` measures, by the unit just
    after it ("500 metres", "120 square kilometres", "110 km/h", "68 miles an hour"), as
    ``_unit`` reads a quantity's unit, and its size in that measure's unit; or None."""
    words = compiled(_UNIT_AFTER).match(text, end, end + 40)
    if words is None:
        return None
    first = words.group(1).lower()
    if first in ("square", "sq") and words.group(2):
        found = _unit(words.group(2).lower())
        unit = f"square {found[1]}" if found is not None else ""
    else:
        found = _unit(first)
        unit = found[1] if found is not None else ""
        if unit in ("kilometre", "mile") and compiled(_PER_HOUR).match(text, words.end(1)):
            unit += " per hour"  # "110 km/h", "68 miles an hour"
    measured = _MEASURES.get(unit)
    if found is None or measured is None:
        return None
    kind, size = measured
    return kind, value * found[0] * size


_SPELLED_BEFORE_MEASURE = (
    r"(?i)\b("
    + alternation(k for k, v in NUMBER_WORDS.items() if isinstance(v, int) and 1 < v <= 100)
    + r")[\s-]+([a-z²]+)"
)
"""A number written out before the word that may be its unit ("a nine-mile stretch")."""
_ONE_BEFORE_MEASURE = (
    r"(?i)\b(a|an|one)[\s-]+(" + alternation([*MEASURE_UNITS, *UNIT_EQUIVALENTS]) + r")\b"
)
"""One of a unit ("about a mile out to sea", "one kilometre"): 1.6 km in other words.
Only the units are tried after "a": every article says "a" before thousands of words."""


def measures_in(text: str) -> dict[str, list[float]]:
    """Every figure with a unit of ``_MEASURES`` in ``text``: its sizes by measure, sorted
    (one pass of one generic pattern, figure and the word after it together)."""
    found: dict[str, list[float]] = {}
    pattern = compiled(_FIGURE_BEFORE_MEASURE + r"[\s-]*([a-z²]+)")
    spelled = compiled(_SPELLED_BEFORE_MEASURE)
    single = compiled(_ONE_BEFORE_MEASURE)
    for figure in (*pattern.finditer(text), *spelled.finditer(text), *single.finditer(text)):
        first = figure.group(2).lower()
        if first not in MEASURE_UNITS and first not in UNIT_EQUIVALENTS and first != "sq":
            continue  # "5 people", "No. 5 in": most figures have no unit
        number = figure.group(1).lower()
        value = 1.0 if number in ("a", "an") else _NUMBER_VALUES.get(number)
        if value is None:
            value = float(number.replace(",", ""))
        measured = measure_after(text, figure.end(1), float(value))
        if measured is not None:
            found.setdefault(measured[0], []).append(measured[1])
    for sizes in found.values():
        sizes.sort()
    return found


def has_size(sizes: Sequence[float], size: float) -> bool:
    """``sizes`` (sorted) holds ``size`` converted and rounded (``same_measure``)."""
    lo = bisect_left(sizes, size * (1 - _CONVERTED) if size >= 0 else size * (1 + _CONVERTED))
    return any(same_measure(size, s) for s in sizes[lo : lo + 8])


def same_measure(x: float, y: float) -> bool:
    """Two sizes of one measure are one, converted and rounded (``_CONVERTED``)."""
    return abs(x - y) <= _CONVERTED * max(abs(x), abs(y))


_APPROXIMATE = frozenset(("about", "nearly"))
_LOOSE = _APPROXIMATE | {"at least", "at most"}
"""Bounds under which a figure may stand for an exact one (``_rounded``)."""
"""Bounds (``QUANTITY_QUALIFIERS``' values) that give a figure rounded: about, around,
roughly, some; nearly, almost, just under."""
_ROUNDED = 0.05
"""How far a rounded figure may be from the exact one, at most, as a share of it (the
rounding itself must also fit: "nearly 120,000" is 118,600 to the nearest 10,000)."""


def rounds_to(exact: float, rounded: float) -> bool:
    """``rounded`` is ``exact`` rounded to ``rounded``'s last significant digit, and close
    (``_ROUNDED``): 96,480,000 is "96.5m", 118,600 is "120,000", 2.47 is "2.5".

    >>> rounds_to(96_480_000, 96_500_000), rounds_to(118_600, 120_000), rounds_to(149, 100)
    (True, True, False)
    """
    if rounded == 0 or exact == rounded:
        return exact == rounded
    step = rounding_step(rounded)
    return abs(exact - rounded) <= step / 2 * (1 + 1e-9) and abs(exact - rounded) <= _ROUNDED * abs(
        rounded
    )


@lru_cache(maxsize=4096)
def rounding_step(rounded: float) -> float:
    """The step of ``rounded``'s last significant digit: 100,000 for 96,500,000; five of
    it where that digit is a 5, as a figure rounded to the nearest five or half is (0.5 for
    2.5, 5 for "more than 75%" of 78%); five of its second digit's for a repeating fraction
    (``_REPEATING``: "just over two-thirds" of 68.4%); 0 for a figure that is no finite
    number.

    >>> rounding_step(96_500_000), rounding_step(2.4), rounding_step(75), rounding_step(2_000)
    (500000.0, 0.1, 5.0, 1000.0)
    >>> rounding_step(200 / 3)
    5.0
    """
    digits = Decimal(repr(float(rounded))).normalize().as_tuple()
    exponent = digits.exponent
    if not isinstance(exponent, int):
        return 0.0
    if len(digits.digits) > _REPEATING:
        # A fraction's percentage ("two-thirds": 66.666…) is rounded to a fraction: five
        # of the step of its second digit (5 for 66.7, 0.5 for 6.67).
        return 5.0 * 10.0 ** (exponent + len(digits.digits) - 2)
    return (5.0 if digits.digits[-1:] == (5,) else 1.0) * 10.0**exponent


_REPEATING = 12
"""Significant digits beyond which a figure is a repeating fraction ("two-thirds": 66.666…),
not a figure written with its digits."""


def _rounded(
    q: _Quantity,
    others: Sequence[_Quantity],
    text: str = "",
    other_text: str = "",
    own: Sequence[_Quantity] = (),
) -> bool:
    """``q`` and a figure of ``others`` are one, one of them rounded under an approximating
    bound ("£96,480,000" / "nearly £96.5m"), or a share in figures ("81%", in ``text``)
    and one in words, a fraction being a rounding ("four in five", in ``other_text``;
    ``share_stands_for``, with ``own`` the figures of ``q``'s side)."""
    q_words = bool(text) and _share_in_words(text, q)
    if q_words and not q.bound:
        exact = [
            o.value
            for o in others
            if o.unit == "%" and not o.bound and not _share_in_words(other_text, o)
        ]
        given = {o.value for o in own if o.unit == "%" and not _share_in_words(text, o)}
        if exact and share_stands_for(q.value, exact, given):
            return True
    for o in others:
        if (q.unit != o.unit) or (q.currency and o.currency and q.currency != o.currency):
            continue
        if o.value == q.value:
            continue  # the same figure, bounded otherwise: the bounds' to judge
        o_words = bool(other_text) and _share_in_words(other_text, o)
        if o.bound in _APPROXIMATE and rounds_to(q.value, o.value):
            return True
        if q.bound in _APPROXIMATE and rounds_to(o.value, q.value):
            return True
        if o_words and not q_words and not o.bound and share_rounds(q.value, o.value):
            return True
        # "81%" / "more than 80%"; "some 68.4%" / "just over two-thirds" ("some" and
        # "about" before a figure as exact as that hold nothing back).
        if (
            q.bound in _AS_STATED
            and o.bound in _WAYS
            and just_past(q.value, o.value, _WAYS[o.bound])
        ):
            return True
        if (
            o.bound in _AS_STATED
            and q.bound in _WAYS
            and just_past(o.value, q.value, _WAYS[q.bound])
        ):
            return True
    return False


_SHARE_ROUNDING = 2.5
"""How far, in percentage points, a percentage may lie from a share written as a fraction
or a ratio for the two to be one share ("81%" / "four in five"), besides ``rounds_to``."""


def share_stands_for(share: float, exact: Sequence[float], own: Container[float]) -> bool:
    """A share written as a fraction or a ratio, ``share``, restates one of the other
    article's (or sentence's) percentages in figures, ``exact`` (``share_rounds``): one of
    those this side does not give too (``own``) when one is near it (``_SHARE_RIVAL``),
    else any. "Three in five voters ..., turnout 61%" against "52% of voters ..., turnout
    61%" restates the 52, which it does not round; "fewer than six in ten ... 58%" against
    "58%", the 58.

    >>> share_stands_for(60, [52, 61], [61]), share_stands_for(60, [58, 20], [58])
    (False, True)
    """
    rivals = [e for e in exact if e not in own and abs(e - share) <= _SHARE_RIVAL]
    return any(share_rounds(e, share) for e in rivals or exact)


_SHARE_RIVAL = 15.0
"""Percentage points within which a percentage the share's side does not give is taken to
be what the share restates (``share_stands_for``)."""


def share_rounds(exact: float, share: float) -> bool:
    """A percentage in figures, ``exact``, is the share written as a fraction or a ratio,
    ``share``, rounded to it: "81%" is "four in five", "34%" "a third", "62%" is not
    "two-thirds".

    >>> share_rounds(81, 80), share_rounds(34, 100 / 3), share_rounds(62, 200 / 3)
    (True, True, False)
    """
    return abs(exact - share) <= _SHARE_ROUNDING and rounds_to(exact, share)


def _share_in_words(text: str, q: _Quantity) -> bool:
    """``q`` is a share stated as a fraction or a ratio ("four in five", "a third",
    "1 in 10"), not as a percentage: a share rounded to the nearest simple fraction."""
    if q.unit != "%":
        return False
    shown = text[q.start : q.end]
    return "%" not in shown and "cent" not in shown.lower()


_AS_STATED = frozenset(("", "about"))
"""Bounds of a figure that a bound of the other side may round: none, or an estimate's."""


def just_past(exact: float, bound: float, way: int) -> bool:
    """``exact`` lies just past the figure ``bound`` on the side ``way`` says (1: above,
    as "more than 2,000" says; -1: below), within one step of the bound's last significant
    digit (short of it) and ``JUST_PAST`` of it, as a rounded figure would be: "2,034" and
    "more than 2,000", "38" and "fewer than 40", not "2,434".

    >>> just_past(2034, 2000, 1), just_past(38, 40, -1), just_past(2434, 2000, 1)
    (True, True, False)
    """
    gap = (exact - bound) * way
    # Short of the next rounded figure: "over 65" is not 70, which would be "70".
    return 0 < gap <= JUST_PAST * abs(bound) and gap < rounding_step(bound)


_WAYS = {"at least": 1, "at most": -1}
"""Which way a bound's true figure lies past it."""
JUST_PAST = 0.1
"""How far past a bound's figure, as a share of it, an exact figure may lie for the two to
be one figure: "more than 80%" for 81%, not for 95%."""


def _metres_or_millions(
    group: Group, side: Side, q: _Quantity, others: Sequence[_Quantity]
) -> bool:
    """ "40m" with no currency, read as 40 million, and "40 metres" on the other side: the
    same length (an "m" after a figure is both)."""

    def bare_m(text: str, x: _Quantity) -> bool:
        return not x.currency and not x.unit and text[x.start : x.end][-1:] in "mM"

    text, other_text = group.text[side], group.text[_OTHER[side]]
    for o in others:
        if q.unit == "metre" and bare_m(other_text, o) and abs(o.value - q.value * 1e6) < 1e-3:
            return True
        if o.unit == "metre" and bare_m(text, q) and abs(q.value - o.value * 1e6) < 1e-3:
            return True
    return False


def _in_base_unit(q: _Quantity) -> tuple[float, str]:
    """(value, unit) of a quantity with its unit of time in years or days (``_IN_BASE_UNIT``),
    rounded alike whatever its unit ("two years and eight months" and "32 months" are one
    key); any other quantity as it is."""
    found = _IN_BASE_UNIT.get(q.unit)
    if found is None:
        return (round(q.value, 9), q.unit) if q.unit in _BASE_UNITS else (q.value, q.unit)
    return round(q.value * found[0], 9), found[1]


_PER = {"hour": "hour", "h": "hour"}
"""What a unit is per in a speed ("miles per hour")."""
_AND_A_PART: dict[tuple[str, ...], float] = {
    ("and", "a", "half"): 0.5,
    ("and", "a", "quarter"): 0.25,
    ("and", "three", "quarters"): 0.75,
}
"""The parts of a unit that may follow it: "a year and a half", "an hour and a quarter",
"two hours and three quarters"."""
_ONE_OF_A_UNIT = frozenset(("a", "an", "another"))
"""Words that state one of the unit after them: "a mile", "another year"."""
_MORE_OF = frozenset(("further", "extra", "additional", "more"))
"""Words between ``a`` and a unit that keep it one of the unit: "a further year"."""


def _and_a_part(keys: Sequence[str], j: int) -> tuple[float, int] | None:
    """(share of the unit, index after it) of "and a half", "and a quarter" or "and three
    quarters" (or "three-quarters") at word ``j``, or None.

    >>> [_and_a_part(k.split(), 0) for k in ("and a half", "and three - quarters", "and a")]
    [(0.5, 3), (0.75, 4), None]
    """
    if keys[j + 1 : j + 4] == ["three", "-", "quarters"]:
        return 0.75, j + 4
    part = _AND_A_PART.get(tuple(keys[j : j + 3]))
    return None if part is None else (part, j + 3)


def _a_named_half(keys: Sequence[str], i: int) -> bool:
    """ "Half" at ``i`` names a match's or a year's half ("first-half goals", "in the second
    half"): "first" or "second" before it, with a hyphen or not."""
    j = i - 2 if i >= 2 and keys[i - 1] == "-" else i - 1
    return j >= 0 and keys[j] in ("first", "second")


_HALF_NOUNS = frozenset(("time", "way", "term", "hearted", "brother", "sister"))
"""Nouns "half-" makes a word of that is no quantity ("half-time", "halfway")."""


def _share(keys: Sequence[str], i: int) -> tuple[float, int] | None:
    """(percentage, index of its fraction word) of a share opening at word ``i``: "a third
    of", "two-thirds", "one fifth.", "half the" (50); None for anything else, an ordinal
    above all ("a third term", "the second half").

    >>> [_share(k.split(), 0) for k in ("a third of", "two - thirds", "half the", "a third term")]
    [(33.333333333333336, 1), (66.66666666666667, 2), (50.0, 0), None]
    """
    key = keys[i]
    if key == "half":
        after = keys[i + 1] if i + 1 < len(keys) else ""
        before = keys[i - 1] if i else ""
        if (
            # "half the", "half what they paid", "half off", "half.", "half receiving
            # it": a share; "half an hour", "half time", "half term": a quantity or a noun.
            (
                after in _AFTER_HALF
                or not after[:1].isalnum()
                or after in STOPWORDS
                or after.endswith(("ing", "ed"))
            )
            and after not in ("-", "a", "an")
            and (before not in NUMBER_WORDS and before not in ("a", "an", "-"))
        ):
            return 50.0, i
        return None
    if key == "quarter" and keys[i + 1 : i + 3] in (["of", "a"], ["of", "an"]):
        # "every quarter of an hour": a quarter with no article before it (one before it
        # opened the share at the article).
        before = keys[i - 1] if i else ""
        if before not in ("a", "an", "-") and before not in _COUNTS:
            return 25.0, i
        return None
    if key in ("a", "an"):
        numerator = 1
    elif key in _COUNTS:
        numerator = _COUNTS[key]
    else:
        return None
    j = i + 1
    if j < len(keys) and keys[j] == "-":
        j += 1
    word = keys[j] if j < len(keys) else ""
    denominator = FRACTIONS.get(word)
    if denominator is None:
        return None
    after = keys[j + 1] if j + 1 < len(keys) else ""
    if not (word.endswith("s") and word != "halves") and not (
        after in STOPWORDS
        or after in AFTER_A_SHARE
        or (after and not after[:1].isalnum() and after != "-")
        or not after
    ):
        return None  # "a third term": an ordinal ("a third of", "fell by a third during")
    return 100 * numerator / denominator, j


def _ratio(keys: Sequence[str], i: int) -> tuple[float, int] | None:
    """(percentage, index of its last word) of "one in four", "3 in 10", "nine out of
    ten", "four in every five" at word ``i``."""
    if i + 2 >= len(keys):
        return None
    j = i + 2 if keys[i + 1] == "in" else i + 3 if keys[i + 1 : i + 3] == ["out", "of"] else 0
    if j and j + 1 < len(keys) and keys[j] == "every":
        j += 1
    if not j or j >= len(keys):
        return None
    part, whole = _count(keys[i]), _count(keys[j])
    if part is None or whole is None or not 0 < part < whole <= 1000:
        return None
    return 100 * part / whole, j


def _count(key: str) -> int | None:
    """The whole number a key states, as a numeral or a cardinal word ("four", "10")."""
    if key.isdecimal() and len(key) <= 4:
        return int(key)
    value = _NUMBER_VALUES.get(key)
    if value is None or key in _ORDINALS or value != int(value):
        return None
    return int(value)


_COUNTS = {w: int(NUMBER_WORDS[w]) for w in "one two three four five six seven eight nine".split()}
"""Words that count a fraction's parts ("two fifths")."""
_AFTER_HALF = frozenset(("of", "the", "their", "its", "his", "her", "our", "all", "them"))
"""Words after "half" when it is a share ("half of", "half the")."""


_COUNTED_BACK = frozenset(("earlier", "before"))
"""Words after "a year", "a month"… that make it a date counted back ("a year earlier"),
which the date check reads ("last year"), not an amount of time, as "ago" after any span
does ("two years ago")."""
_UNIT_KEYS = frozenset((*MEASURE_UNITS, *TIME_UNITS, *UNIT_EQUIVALENTS))
_TIME_UNIT_KEYS = frozenset(TIME_UNITS)
"""Every key ``_unit`` reads as a unit: a cheap test before calling it."""
_QUANTITY_GOES_ON = frozenset(
    ("-", "%", "percent", "per", "and", "a", "an", *SCALE_WORDS, *NUMBER_WORDS, *_UNIT_KEYS)
)
"""Every key that can carry a quantity on in ``_quantities`` (a dash, a scale, a number
word, a percent sign, a unit): at any other, the quantity ends."""
_QUALIFIER_ENDS = frozenset(q[i:] for q in QUANTITY_QUALIFIERS for i in range(len(q)))
"""Every ending of a qualifier: the word before a figure ends one, else no qualifier."""


_MOVED_UP = frozenset(
    """go goes going went gone move moves moving moved shot jumped leapt leaped climbed
    crept edged inched ticked stepped sped""".split()
)
"""Verbs before "up to" that make it a rise to a figure ("went up to 5.2%", "edged up to
3%"), not a bound ("up to 40 people")."""


_AS_CONJUNCTIONS = frozenset(("well", "soon"))
"""The words that make "as … as" a conjunction, not a bound ("as well as a second
roundabout", "as soon as 2027")."""


_FIGURE_ENDS = frozenset(("%", "percent", "cent", "points"))
"""Keys that end a figure, besides its digits and number words ("4 per cent", "3
percentage points")."""


def _a_figures_end(key: str) -> bool:
    """``key`` may end a figure: "4%", "4 per cent", "200", "three"."""
    return key[:1].isdigit() or key in _FIGURE_ENDS or key in _NUMBER_VALUES


def _bound_before(keys: Sequence[str], first: int) -> tuple[str, int]:
    """The qualifier just before the figure at ``keys[first]`` ("more than", "about") and
    the index of its first word."""
    if first == 0 or keys[first - 1] not in _QUALIFIER_ENDS:
        return "", first
    for length in (3, 2, 1):
        if first - length < 0:
            continue
        phrase = " ".join(keys[first - length : first])
        if phrase in QUANTITY_QUALIFIERS:
            if phrase == "up to" and first >= 3 and keys[first - 3] in _MOVED_UP:
                return "", first  # "went up to 5.2%" rose to it: no bound
            if phrase.startswith("as ") and _multiplied(keys, first - length):
                return "", first  # "twice as much as three years earlier": a comparison
            if phrase.startswith("as ") and first > length and keys[first - length - 1] in _ROUGHLY:
                # "about as much as 70,000 homes": a likeness, as "roughly what 70,000 homes
                # use" says, no bound.
                return "about", first - length - 1
            if (
                phrase.endswith(" than")
                and first > length
                and _a_figures_end(keys[first - length - 1])
            ):
                return "", first  # "4% more than a year earlier": the figure's comparison
            return QUANTITY_QUALIFIERS[phrase], first - length
    if (
        first >= 3
        and keys[first - 1] == "as" == keys[first - 3]
        and keys[first - 2].isalpha()
        and keys[first - 2] not in _AS_CONJUNCTIONS
        and not _multiplied(keys, first - 3)
    ):
        return "at most", first - 3  # "as strong as 80mph", "as high as 40C": "up to"
    return "", first


_MULTIPLIERS = frozenset(("twice", "thrice", "half", "times", "double", "triple", "treble"))
"""Words before "as much as" that make it a comparison with the figure after, no bound:
"twice as much as three years earlier", "three times as many as in 2019"."""


def _multiplied(keys: Sequence[str], first: int) -> bool:
    """The "as … as" starting at ``keys[first]`` follows a multiplier (``_MULTIPLIERS``)."""
    return first > 0 and keys[first - 1] in _MULTIPLIERS


def _value_keys(value: float) -> tuple[float, ...]:
    """The values a figure is looked up by: its own, and for a share that no percentage
    of two decimals states exactly (a third: 33.33…) the percentages that round it (33,
    34, 33.3)."""
    if abs(value * 100 - round(value * 100)) <= 1e-6:
        return (value,)
    return (value, float(math.floor(value)), float(math.ceil(value)), round(value, 1))


DAYS_A_MONTH = 365.25 / 12
DAYS_OFF_A_MONTH = 1.5
"""Days, for each month, by which a count of days may miss that many months and still
state them ("90 days" / "three months": 91.3 days; "180 days" / "six months")."""


def months_in_days(days: float) -> int | None:
    """The whole months a count of whole days (four weeks or more) states in other words,
    or None: a month is 28 to 31 days, so a count of days near a whole number of months is
    those months.

    >>> months_in_days(90), months_in_days(180), months_in_days(84), months_in_days(90.5)
    (3, 6, None, None)
    """
    if days != int(days) or days < 28:
        return None
    months = round(days / DAYS_A_MONTH)
    return months if abs(days - months * DAYS_A_MONTH) <= months * DAYS_OFF_A_MONTH else None


def weeks_in_months(months: int) -> tuple[int, ...]:
    """The whole weeks that state a span of whole months in other words: four a month
    ("a month" / "four weeks", "two months" / "eight weeks"), or the year's 52 weeks shared
    out ("three months" / "13 weeks", "six months" / "26 weeks").

    >>> weeks_in_months(1), weeks_in_months(3), weeks_in_months(6)
    ((4,), (12, 13), (24, 26))
    """
    return tuple(sorted({4 * months, round(months * 52 / 12)}))


def months_in_weeks(weeks: int) -> int | None:
    """The whole months (two years at most) a span of whole weeks states (``weeks_in_months``),
    or None.

    >>> months_in_weeks(4), months_in_weeks(13), months_in_weeks(10)
    (1, 3, None)
    """
    return next((m for m in range(1, 25) if weeks in weeks_in_months(m)), None)


def _days_as_months(q: _Quantity, others: Sequence[_Quantity]) -> bool:
    """``q``, a span of days or of months, is a span of ``others`` in the other unit, a
    whole number of months as days (``months_in_days``)."""
    value, base = _in_base_unit(q)
    if base not in ("day", "year") or q.bound not in ("", "about"):
        return False
    for o in others:
        o_value, o_base = _in_base_unit(o)
        if {base, o_base} != {"day", "year"} or o.bound not in ("", "about"):
            continue
        days, years = (value, o_value) if base == "day" else (o_value, value)
        months = round(years * 12, 6)
        if months == int(months) and months_in_days(days) == months:
            return True
        if months == int(months) and days % 7 == 0 and months_in_weeks(int(days // 7)) == months:
            return True  # "two months" / "eight weeks"
    return False


def _same_figure(x: _Quantity, y: _Quantity, *, bound: bool) -> bool:
    if x.unit and y.unit and x.unit != y.unit:
        # Spans of time in other units ("18 months" / "a year and a half"), or not alike.
        (x_value, x_unit), (y_value, y_unit) = _in_base_unit(x), _in_base_unit(y)
        if x_unit != y_unit or abs(x_value - y_value) > 1e-9 * max(1.0, abs(x_value)):
            return False
    elif abs(x.value - y.value) > 1e-9 * max(1.0, abs(x.value)) and not (
        # A share and the percentage that rounds it: "a third" / "33 per cent".
        x.unit == "%" == y.unit
        and abs(x.value - y.value) < 1
        and (len(_value_keys(x.value)) > 1 or len(_value_keys(y.value)) > 1)
    ):
        return False
    if x.currency and y.currency and x.currency != y.currency:
        return False
    # "about" is as good as no qualifier; "at least" and "at most" bound the figure, and
    # "nearly" bounds it from below as "about" or "at most" may ("nearly 8%" is not 8%).
    if not bound or x.bound == y.bound:
        return True
    bounds = {x.bound, y.bound}
    return not (bounds - {"", "about"}) or bounds <= {"nearly", "about", "at most"}


def _stated(q: _Quantity, others: Iterable[_Quantity]) -> bool:
    """Some quantity of ``others`` states ``q``: the same figure with the same bound, or
    the same figure with a bound ``q`` lacks (the other side added it: its claim)."""
    same = [o for o in others if _same_figure(q, o, bound=False)]
    # A figure with the same bound is the same figure without regard to bounds too.
    return bool(same) and (q.bound == "" or any(_same_figure(q, o, bound=True) for o in same))


def _find_figures(group: Group) -> list[Found]:
    """A changed quantity: one the other side's group does not state."""
    if group.is_cjk():
        return _find_cjk_figures(group)
    # A replacement that changes a figure, a scale or a unit on both sides, else nothing.
    hunks = []
    for side in _SIDES:
        keys, of_word = group.columns[side].keys, group.columns[side].hunks
        hunks.append(
            {
                of_word[i]
                for i in group.replacing(side)
                if (key := keys[i]) in _QUANTITY_WORDS or key[:1].isdigit()
            }
        )
    if hunks[0].isdisjoint(hunks[1]):
        return []
    quantities = {side: group.quantities(side) for side in _SIDES}
    # Only a figure facing another in one hunk is a substitution: one that moved to
    # another group, or came with no counterpart, is claims.py's to judge.
    facing = {side: frozenset().union(*[q.hunks for q in quantities[side]]) for side in _SIDES}
    if facing[_A].isdisjoint(facing[_B]):
        return _replaced_by_one(group, quantities)
    unstated: dict[Side, list[_Quantity]] = {_A: [], _B: []}
    loose: dict[Side, set[int]] = {_A: set(), _B: set()}
    shares: dict[Side, dict[_Quantity, float]] | None = None  # read for a figure unstated
    wholes: dict[Side, dict[_Quantity, float]] | None = None  # read for a figure stated
    counts: dict[Side, frozenset[float]] | None = None  # read for a part of a whole
    # A part of a whole needs "of" after a figure somewhere ("three of its eight").
    counted_parts = any("of" in group.keys(s) for s in _SIDES)
    for side, other in _SIDE_PAIRS:
        # Whether a figure there is rounded, or a metre or a bare number: the rounding and
        # the metres checks read only then.
        text, other_text = group.text[side], group.text[other]
        rounded_there = any(
            o.bound in _LOOSE or _share_in_words(other_text, o) for o in quantities[other]
        )
        metres_there = any(
            o.unit == "metre" or (o.value >= 1e6 and not o.currency and not o.unit)
            for o in quantities[other]
        )
        by_value: dict[float, list[_Quantity]] = {}
        for o in quantities[other]:
            for value in _value_keys(o.value) if o.unit == "%" else (o.value,):
                by_value.setdefault(value, []).append(o)
            if o.unit in _TIMED and (in_base := _in_base_unit(o)[0]) != o.value:
                by_value.setdefault(in_base, []).append(o)
        facing_other = facing[other]
        for q in quantities[side]:
            if q.hunks.isdisjoint(facing_other):
                continue
            others = by_value.get(q.value)
            if others is None and q.unit == "%":
                found = [by_value.get(v) for v in _value_keys(q.value)[1:]]
                others = [o for near in found if near for o in near] or None
            elif q.unit in _TIMED and (in_base := _in_base_unit(q)[0]) != q.value:
                # The same span in another unit of time ("a week" / "seven days", "two
                # years and eight months" / "32 months").
                others = [*(others or []), *by_value.get(in_base, [])] or None
            if others is not None and (
                _stated(q, others)
                # "Over eleven weeks, the team will measure" / "will spend eleven weeks":
                # "over" before a span of time opening a clause says during.
                or (
                    q.bound == "at least"
                    and _during(group.text[side], q)
                    and _opens_a_clause(group.text[side], q.start)
                    and not any(o.bound for o in others)
                    and _stated(q._replace(bound=""), others)
                )
            ):
                if counted_parts:
                    if wholes is None:
                        wholes = {s: _wholes(group, s, quantities[s]) for s in _SIDES}
                        counted_parts = bool(wholes[_A] or wholes[_B])
                    if counted_parts and _another_part(q, side, wholes):
                        unstated[side].append(q)
                        continue
                if (
                    (q.bound or any(o.bound for o in others))
                    and not any(_same_figure(q, o, bound=True) for o in others)
                    and not _over_a_span(group, side, q, others, other)
                ):
                    loose[side] |= q.hunks  # stated with another bound: a counterpart
                continue
            if not q.unit and not q.currency and q.value >= 2 and counted_parts:
                if wholes is None:
                    wholes = {s: _wholes(group, s, quantities[s]) for s in _SIDES}
                    counted_parts = bool(wholes[_A] or wholes[_B])
                if counted_parts:
                    if counts is None:
                        counts = {
                            s: frozenset(
                                o.value for o in quantities[s] if not o.unit and not o.currency
                            )
                            for s in _SIDES
                        }
                    if _remainder_stated(q, side, wholes, counts):
                        continue  # "85 of its 410 shops" / "85 shops …, leaving it with 325"
            if (rounded_there or q.bound in _LOOSE or _share_in_words(text, q)) and _rounded(
                q, quantities[other], text, other_text, quantities[side]
            ):
                continue  # "£96,480,000" / "nearly £96.5m": the same figure, rounded
            if (
                metres_there
                and (q.unit == "metre" or (q.value >= 1e6 and not q.currency and not q.unit))
                and _metres_or_millions(group, side, q, quantities[other])
            ):
                continue  # "40 metres" / "40m"
            if q.unit in _MEASURES and _converted_in(group, side, q, quantities[other]):
                continue  # "500 metres" / "550 yards": the same distance, converted
            if q.unit in _TIME_UNIT_NAMES and _one_span(group, other, q):
                continue  # "the 12 months to October" / "the year to October"
            if q.unit in _TIME_UNIT_NAMES and _span_ago(group, other, q):
                continue  # "its 31-year history" / "since it opened 31 years ago"
            if q.unit in _TIME_UNIT_NAMES and _days_as_months(q, quantities[other]):
                continue  # "after 90 days" / "three months later"
            if others is None and _a_rate(group.text[side], q):
                continue  # "twice a day" / "twice-daily": a rate, not a span of a day
            if _same_rate(group, side, q, other):
                continue  # "every 20 minutes" / "three times an hour"
            if shares is None:
                shares = {s: _shares(group, s, quantities[s]) for s in _SIDES}
            mine = shares[side].get(q)
            if mine is not None and any(
                abs(theirs - mine) < 0.5
                for o, theirs in shares[other].items()
                if o.unit == "%" or q.unit == "%"
            ):
                continue  # "two of its four exhibitions" / "half of the four"
            unstated[side].append(q)
    # A substitution replaces something: a figure the other side's group does not state,
    # in a hunk with one this side does not state either (or states with another bound:
    # "more than €640 million" / "€640 million"). One whose hunk holds only figures this
    # side states too was added beside them ("a park for 650 cars" moved into a sentence
    # rewritten whole): claims.py checks it against the whole article.
    replaced = {side: loose[side].union(*[q.hunks for q in unstated[side]]) for side in _SIDES}
    out = [
        _new_tuple(Found, (side, _NUMBER, q.start, q.end))
        for side, other in _SIDE_PAIRS
        for q in unstated[side]
        if not q.hunks.isdisjoint(replaced[other])
    ]
    return out or _swapped(group, quantities)


_PERIOD_ADJECTIVES = {
    "hourly": "hour",
    "daily": "day",
    "weekly": "week",
    "fortnightly": "fortnight",
    "monthly": "month",
    "quarterly": "quarter",
    "annual": "year",
    "annually": "year",
    "yearly": "year",
}
"""A rate's period in one word, before the figure ("monthly bills rise by £3.50") or after
it ("£40 annually")."""
_PERIOD_UNITS = frozenset(("hour", "day", "week", "fortnight", "month", "quarter", "year"))
_RATE_PER = frozenset(("a", "an", "per", "each", "every"))
"""Words before a rate's unit ("a year", "per month")."""
_BETWEEN_FIGURE_AND_PERIOD = frozenset(("more", "extra", "less", "off", "on", "back"))
"""Words between a figure and its period ("£3.50 more a month")."""
_PERIOD_REACH = 5
"""Words before a figure within which a period adjective sets its period ("its monthly
bills by £3.50")."""
_PERIOD_CLAUSE_STOPS = frozenset((",", ".", ";", ":", "(", ")", "—", "–", "and", "but", "while"))
"""Where the clause of a figure's period adjective ends, reading back from the figure."""


def _periods(
    group: Group, side: Side, found: Sequence[_Quantity]
) -> dict[_Quantity, tuple[str, bool]]:
    """The period each sum or count of ``found`` is a rate over, where one side states it,
    and whether one word gave it: after the figure or the noun it counts ("£3.50 a year",
    "£3.50 more per month", "£40 annually", "52,000 vehicles daily") or by an adjective
    shortly before it in its clause ("monthly bills will rise by £3.50", "an annual fee of
    £40")."""
    c = group.columns[side]
    keys, starts = c.keys, c.starts
    n = len(keys)
    out = {}
    for q in found:
        if q.unit:
            continue  # a span or a measure: its unit is no period
        i = bisect_left(starts, q.end)  # the first word after the figure
        while i < n and keys[i] in _BETWEEN_FIGURE_AND_PERIOD:
            i += 1
        if (
            not q.currency
            and i < n
            and keys[i].isalpha()
            and keys[i] not in STOPWORDS
            and keys[i] not in _PERIOD_ADJECTIVES
        ):
            i += 1  # the noun a count counts ("52,000 vehicles a day"), not "40 daily flights"
        if i < n and keys[i] in _PERIOD_ADJECTIVES:
            out[q] = (_PERIOD_ADJECTIVES[keys[i]], True)
            continue
        if i + 1 < n and keys[i] in _RATE_PER and keys[i + 1] in _PERIOD_UNITS:
            out[q] = (keys[i + 1], False)
            continue
        if not q.currency:
            continue  # an adjective before a count is what it counts ("daily flights")
        first = bisect_left(starts, q.start)
        for j in range(first - 1, max(-1, first - 1 - _PERIOD_REACH), -1):
            if keys[j] in _PERIOD_CLAUSE_STOPS:
                break
            if keys[j] in _PERIOD_ADJECTIVES:
                out[q] = (_PERIOD_ADJECTIVES[keys[j]], True)
                break
    return out


def _find_rate_periods(group: Group) -> list[Found]:
    """A sum or a count stated as a rate over another period on each side ("monthly bills
    will rise by £3.50" / "bills will rise by £3.50 a year"; "52,000 vehicles a day" /
    "52,000 vehicles weekly"): the same figure, another amount. Only where both sides give
    the figure a period, one of them in one word ("a month" / "a year" is the figures'
    check's: two spans of time), and no figure of that value on the other side has this
    one's."""
    if all(_PERIOD_ADJECTIVES.keys().isdisjoint(group.keys(side)) for side in _SIDES):
        return []  # no period in one word on either side (tested on keys)
    periods = {}
    for side in _SIDES:
        periods[side] = _periods(group, side, group.quantities(side))
        if not periods[side]:
            return []
    out = []
    for side, other in _SIDE_PAIRS:
        for q, (period, by_word) in periods[side].items():
            theirs = [
                (p, word)
                for o, (p, word) in periods[other].items()
                if o.value == q.value and o.currency == q.currency
            ]
            if not theirs or period in {p for p, _ in theirs}:
                continue
            if by_word or any(word for _, word in theirs):
                out.append(_new_tuple(Found, (side, _NUMBER, q.start, q.end)))
    return out


def _find_period_words(group: Group) -> list[Found]:
    """A period in one word replaced by another in a small hunk ("The payment is monthly" /
    "The payment is annual"): how often changed. With a figure the rate's is the change
    (``_find_rate_periods``: "The annual fee of £40" / "The weekly fee of £40"), flagged
    once, there."""
    if any(group.quantities(side) for side in _SIDES):
        return []
    return _replaced_by_another(group, _PERIOD_ADJECTIVES)


def _shares(group: Group, side: Side, found: Sequence[_Quantity]) -> dict[_Quantity, float]:
    """The share, in per cent, that each figure of ``found`` (one side's quantities) is of
    the whole stated just after it ("two of its four exhibitions": 50; "half of the four":
    50), for the figures with such a whole: one pass over the side's figures."""
    out = {}
    for q, whole in _wholes(group, side, found).items():
        if q.unit == "%":
            out[q] = q.value
        elif not q.unit and not q.currency and q.value < whole:
            out[q] = 100 * q.value / whole
    return out


def _wholes(group: Group, side: Side, found: Sequence[_Quantity]) -> dict[_Quantity, float]:
    """The whole each figure of ``found`` is a part of, stated just after it ("three of its
    eight centres": 8), for the figures with such a whole."""
    c = group.columns[side]
    keys = c.keys
    at_start = {q.start: q for q in found}
    out = {}
    for q in found:
        i = bisect_left(c.starts, q.end)
        if i >= len(keys) or keys[i] != "of":
            continue
        i += 1
        if i < len(keys) and keys[i] in _WHOLES:
            i += 1
        if i < len(keys) and keys[i].endswith(_POSSESSIVE_ENDS):
            i += 1  # "of the council's eight", "of Threnbury's eight"
        whole = at_start.get(c.starts[i]) if i < len(keys) else None
        if whole is None or whole.unit or whole.value <= 0:
            continue
        out[q] = whole.value
    return out


_POSSESSIVE_ENDS = ("'s", "’s", "s'", "s’")
"""How a possessive before a whole ends ("of the council's eight")."""


def _remainder_stated(
    q: _Quantity,
    side: Side,
    wholes: dict[Side, dict[_Quantity, float]],
    counts: dict[Side, frozenset[float]],
) -> bool:
    """``q`` is what is left of a whole once a part is taken, or that whole, and the other
    side states the same in the other terms: "close 85 of its 410 shops" / "shut 85 shops,
    leaving it with 325" (325 is 410 less 85; 410 is 85 and 325). Both sides state the
    part; one gives the whole, the other what is left. ``counts``: each side's values of
    figures with no unit or currency."""
    other = _OTHER[side]
    for part, whole in wholes[other].items():  # the whole there: q is what is left
        if whole - part.value == q.value and part.value in counts[side]:
            return True
    theirs = counts[other]
    # The whole here: the part and what is left of it there.
    return any(
        w == q.value and p.value in theirs and w - p.value in theirs
        for p, w in wholes[side].items()
    )


def _another_part(q: _Quantity, side: Side, wholes: dict[Side, dict[_Quantity, float]]) -> bool:
    """``q`` is a count of a whole ("close three of its eight centres") that the other side
    gives another count of ("Five of its eight centres will shut"), whatever else states
    ``q``'s figure there ("the remaining three"): the part changed. ``wholes``: each
    side's ``_wholes``."""
    whole = wholes[side].get(q)
    if whole is None or q.unit or q.currency:
        return False
    parts = [o.value for o, w in wholes[_OTHER[side]].items() if w == whole and not o.unit]
    return bool(parts) and q.value not in parts


def _replaced_by_one(group: Group, quantities: dict[Side, list[_Quantity]]) -> list[Found]:
    """A figure replaced by "one" and nothing else ("a rating of zero" / "a rating of
    one"): "one" alone is no quantity ("no one", "one of them"), but in the place of a
    figure it is the figure. Both are found."""
    out = []
    for side, other in _SIDE_PAIRS:
        for q in quantities[side]:
            if q.value == 1 or q.unit or q.currency:
                continue  # "a" / "one"; "a mile" / "one": not one figure for another
            for hunk in q.hunks:
                c = group.columns[other]
                facing = [i for i, h in enumerate(c.hunks) if h == hunk and c.keys[i][:1].isalnum()]
                if len(facing) == 1 and c.keys[facing[0]] == "one":
                    out.append(_new_tuple(Found, (side, _NUMBER, q.start, q.end)))
                    at = facing[0]
                    out.append(_new_tuple(Found, (other, _NUMBER, c.starts[at], c.ends[at])))
    return out


def _cjk_figures(group: Group, side: Side) -> list[tuple[int, int, tuple[str, str, str], set[int]]]:
    """(start, end, what it states, the hunks replacing its words) of each figure and
    duration claims.py found on one side of a Chinese or Japanese group: what it states
    is (category, value, counter or unit)."""
    text = group.text[side]
    out = []
    for category, s, e in group.facts(side):
        key: tuple[str, str] | None
        if category is _NUMBER:
            key = cjk.number_key(text[s:e])
        elif category is _DURATION and cjk.has_cjk(text[s:e]):
            key = cjk.duration_key(text[s:e])
        else:
            continue
        if key:
            out.append((s, e, (category.value, *key), group.changed_in(side, s, e)))
    return out


def _find_cjk_figures(group: Group) -> list[Found]:
    """A changed figure or duration of a Chinese or Japanese group (3人, 二倍, 两年): one
    facing another in a replacement whose value and counter (or unit) no figure of the
    other side's group states. A figure written with no counter is stated by any of its
    value. The facts are claims.py's (engine/cjk.py reads their values: 二倍 is 2倍)."""
    found = {side: _cjk_figures(group, side) for side in _SIDES}
    touched = [{h for *_, hunks in found[side] for h in hunks} for side in _SIDES]
    facing = touched[0] & touched[1]
    if not facing:
        return []
    out = []
    for side, other in _SIDE_PAIRS:
        keys = {key for _, _, key, _ in found[other]}
        values = {key[:2] for key in keys}
        for s, e, key, hunks in found[side]:
            if hunks.isdisjoint(facing):
                continue
            stated = key in keys if key[2] else key[:2] in values
            if not stated and not (key[0] == _NUMBER.value and (*key[:2], "") in keys):
                out.append(_new_tuple(Found, (side, _NUMBER, s, e)))
    return out


def _swapped(group: Group, quantities: dict[Side, list[_Quantity]]) -> list[Found]:
    """Figures that changed places, and nothing else changed ("voted 7 to 2" / "voted 2
    to 7", "from 3% to 5%" / "from 5% to 3%"): each side states the other's figures, so
    none is new, but the sentence says the reverse. Only where every word a hunk changes,
    on both sides, is a digit figure: a clause reordered around its figures changes
    other words too."""
    for side in _SIDES:
        keys = group.columns[side].keys
        if not all(keys[i][:1].isdigit() for i in group.changed(side)):
            return []
    moved = {side: [q for q in quantities[side] if q.hunks] for side in _SIDES}
    values = {side: [q.value for q in moved[side]] for side in _SIDES}
    if not values[_A] or values[_A] == values[_B] or sorted(values[_A]) != sorted(values[_B]):
        return []
    return [
        _new_tuple(Found, (side, _NUMBER, q.start, q.end))
        for side in _SIDES
        for q, other in zip(moved[side], values[_B if side is _A else _A], strict=True)
        if q.value != other
    ]


# ---------------------------------------------------------------------------
# Dates

_MONTH_INDEX = {month: n - 1 for month, n in MONTH_NUMBERS.items()}
"""Each month's index, January 0 (``lexicon.MONTH_NUMBERS``)."""


_DATE_WORDS = frozenset(
    (*_MONTH_INDEX, *WEEKDAYS, *SEASONS, *CALENDAR_PERIODS, *DATE_MODIFIERS, *HOLIDAY_KEYS)
)


_CJK_FACT_KEYS = frozenset(cjk.FACT_CHARACTERS)
"""The word keys (each kana or Han character a word) a Chinese or Japanese date can hold."""


def _date_word(key: str) -> bool:
    return key[:1].isdigit() or key in _DATE_WORDS or key in _CJK_FACT_KEYS


def _date_parts(text: str) -> dict[str, str]:
    """What a date says: weekday, month, day, year, relative period ("last week"); for
    a Chinese or Japanese date, what engine/cjk.py reads in it."""
    if cjk.has_cjk(text):
        return cjk.date_parts(text) or {}
    parts: dict[str, str] = {}
    holiday = compiled(HOLIDAY_PATTERN).search(text)
    if holiday is not None:
        # "Christmas Eve" is 24 December ("month" as ``_MONTH_INDEX`` gives it).
        month, day = holiday_date(holiday.group()) or (0, 0)
        if month:
            parts["month"], parts["day"] = str(month - 1), str(day)
        text = text[: holiday.start()] + text[holiday.end() :]
    keys = re.findall(r"[a-z]+|\d+", text.lower())
    for n, key in enumerate(keys):
        if key in WEEKDAYS:
            parts["weekday"] = key
        elif key in _MONTH_INDEX:
            parts["month"] = str(_MONTH_INDEX[key])
        elif key.isdigit() and len(key) == 4:
            parts["year"] = key
        elif key in SEASONS:
            parts["season"] = "autumn" if key == "fall" else key
        elif key.isdigit() and ("month" in parts or _day_before_month(keys, n)):
            parts["day"] = str(int(key))  # "March 5", "5 March", "5th March"
        elif key in DATE_MODIFIERS and n + 1 < len(keys):
            period = keys[n + 1]
            if period in CALENDAR_PERIODS | SEASONS | WEEKDAYS or period in _MONTH_INDEX:
                parts["when " + period] = key
        elif key in _RELATIVE_AS and n + 1 < len(keys) and keys[n + 1] in CALENDAR_PERIODS:
            parts["when " + keys[n + 1]] = _RELATIVE_AS[key]  # "the coming year": next year
        elif key == "ahead" and n and keys[n - 1] in CALENDAR_PERIODS:
            parts["when " + keys[n - 1]] = "next"  # "the year ahead"
        elif (
            key in ("earlier", "before", "ago")
            and n >= 2
            and keys[n - 1] in CALENDAR_PERIODS
            and keys[n - 2] in ("a", "one")
        ):
            parts["when " + keys[n - 1]] = "last"  # "a year earlier": last year
    return parts


def _beside_a_month(keys: Sequence[str], i: int) -> bool:
    """The key at ``i`` stands just before or after a month's name ("24 November", "March
    5", "Jan. 1"), spaces apart."""
    after = next((k for k in keys[i + 1 : i + 3] if not k.isspace()), "")
    before = next(
        (k for k in reversed(keys[max(0, i - 3) : i]) if not k.isspace() and k != "."), ""
    )
    return after in _MONTH_INDEX or before in _MONTH_INDEX


def _day_before_month(keys: Sequence[str], n: int) -> bool:
    """``keys[n]`` is a day written before its month ("5 March", "5th March")."""
    if len(keys[n]) > 2:
        return False
    after = keys[n + 1 : n + 3]
    if after[:1] and after[0] in _ORDINAL_SUFFIXES:
        after = after[1:]
    return bool(after) and after[0] in _MONTH_INDEX


_ORDINAL_SUFFIXES = frozenset(("st", "nd", "rd", "th"))


_RELATIVE_AS = {"coming": "next", "past": "last", "previous": "last"}
"""Words that count a period from now as "next" or "last" do ("the past week")."""


def _with_year(parts: dict[str, str], stamp: int | None) -> dict[str, str]:
    """``parts`` with the year a relative year names ("this year", "next year") against
    the article's stamp year, where it has one: "this year" / "2026" is one year."""
    when = parts.get("when year")
    if stamp is None or when not in YEAR_OFFSETS or "year" in parts:
        return parts
    return {**parts, "year": str(stamp + YEAR_OFFSETS[when])}


def _relative_to_stamp(group: Group, side: Side, parts: dict[str, str]) -> dict[str, str]:
    """``parts`` with the year and the month that "next year" and "next month" name
    against one side's time stamp (``_with_year``, ``_with_month``)."""
    if "when year" in parts:
        parts = _with_year(parts, group.year(side))
    if "when month" in parts:
        parts = _with_month(parts, group.month(side))
    return parts


def _with_month(parts: dict[str, str], stamp: int | None) -> dict[str, str]:
    """``parts`` with the month a relative month names ("next month") against the
    article's stamp month, where it has one: "next month" in a February article is March."""
    when = parts.get("when month")
    if stamp is None or when not in YEAR_OFFSETS or "month" in parts:
        return parts
    return {**parts, "month": str((stamp - 1 + YEAR_OFFSETS[when]) % 12)}  # as _MONTH_INDEX


YEAR_OFFSETS = {"last": -1, "this": 0, "next": 1}
"""The years from an article's own that "last year", "this year" and "next year" name."""


def _same_date(x: dict[str, str], y: dict[str, str]) -> bool:
    shared = x.keys() & y.keys()
    return bool(shared) and all(x[k] == y[k] for k in shared)


def _agree(group: Group, side: Side, parts: dict[str, str], other: dict[str, str]) -> bool:
    """A date of ``side`` (``parts``) and one of the other side say the same: alike
    (``_same_date``), or one a weekday alone and the other the day it names
    (``_weekday_named``)."""
    if _same_date(parts, other):
        return True
    if ("season" in parts or "season" in other) and (
        _in_season(parts, other) or _in_season(other, parts)
    ):
        return True
    if parts.keys() == _WEEKDAY_ALONE:
        return _weekday_named(group, side, parts["weekday"], other)
    if other.keys() == _WEEKDAY_ALONE:
        return _weekday_named(group, _OTHER[side], other["weekday"], parts)
    return False


_WEEKDAY_ALONE = {"weekday"}


def _in_season(x: dict[str, str], y: dict[str, str]) -> bool:
    """The month of date ``x`` (no day) falls in the season of date ``y`` (no month), in
    the same year if both name one: "in May" / "this spring"."""
    if "month" not in x or "day" in x or "season" not in y or "month" in y:
        return False
    if x.get("year", y.get("year")) != y.get("year", x.get("year")):
        return False
    return int(x["month"]) + 1 in SEASON_MONTHS[y["season"]]


def _weekday_named(group: Group, side: Side, weekday: str, dated: dict[str, str]) -> bool:
    """The weekday of ``side`` ("on Thursday") is the other side's day and month ("on 26
    November", no weekday written): that day is that weekday, and lies within a week of
    the weekday's article's time stamp (of the other's where it has none:
    ``segment.weekday_near``). A stamp names the week a weekday falls in; with none, a
    weekday could be any week's."""
    if "day" not in dated or "month" not in dated or "weekday" in dated:
        return False
    stamp = group.stamp(side) or group.stamp(_OTHER[side])
    if stamp is None:
        return False
    year = int(dated["year"]) if "year" in dated else None
    return weekday_near(stamp, int(dated["month"]) + 1, int(dated["day"]), year) == weekday


def _find_dates(group: Group) -> list[Found]:
    """A changed date: one no date of the other side's group agrees with."""
    if not group.both_replace(_date_word):
        return []
    spans = {
        side: [(s, e) for category, s, e in group.facts(side) if category is _DATE]
        for side in _SIDES
    }
    if not spans[_A] or not spans[_B]:
        return []  # a side without a date: no date faces another (``facing`` below is empty)
    # The hunks that change a date on each side: a date is replaced when both do.
    touched = {side: [group.changed_in(side, s, e) for s, e in spans[side]] for side in _SIDES}
    facing = {h for hs in touched[_A] for h in hs} & {h for hs in touched[_B] for h in hs}
    if not facing:
        return []  # read before what each date says: most groups replace no date
    dates = {
        side: [
            (s, e, _relative_to_stamp(group, side, _date_parts(group.text[side][s:e])))
            for s, e in spans[side]
        ]
        for side in _SIDES
    }
    # A date the other side states alike was not replaced, though a hunk touches its edge
    # ("from September." / "from September, up from the 4% offered in the spring."): only
    # hunks touching dates with no such partner on both sides face each other.
    unpartnered = {
        side: [
            not any(_agree(group, side, parts, other) for _, _, other in dates[_OTHER[side]])
            for _, _, parts in dates[side]
        ]
        for side in _SIDES
    }
    facing = {
        h for hs, alone in zip(touched[_A], unpartnered[_A], strict=True) if alone for h in hs
    } & {h for hs, alone in zip(touched[_B], unpartnered[_B], strict=True) if alone for h in hs}
    if not facing:
        return []
    out = []
    for side in _SIDES:
        # Relative dates the date pattern misses at a sentence start ("Next year it …").
        relative = {
            k: v
            for k, v in _date_parts(" ".join(group.columns[_OTHER[side]].keys)).items()
            if k.startswith("when ")
        }
        others = [other for _, _, other in dates[_OTHER[side]]]
        for (s, e, parts), hunks in zip(dates[side], touched[side], strict=True):
            if not parts or not hunks & facing:
                continue
            if not any(_agree(group, side, parts, other) for other in [*others, relative]):
                out.append(Found(side, _DATE, s, e))
    return out


# ---------------------------------------------------------------------------
# Names


def _name_heads(text: str) -> list[str]:
    """A name's words that may identify it, lower-cased, without a possessive ending
    ("Halden's" is "halden": the other side may write "Halden shares")."""
    return [
        _POSSESSIVE.sub("", k.rstrip("."))
        for k in re.findall(r"[\w.'’-]+", text.lower())
        if k not in STOPWORDS and k.strip(".") not in HONORIFICS | TITLES | TITLE_MODIFIERS
    ]


_PEOPLE_ENDINGS = ("ian", "ean", "ese", "ish", "an", "n", "i", "ic")
"""Endings that make a place's people's adjective ("Kenyan", "Chinese", "Iraqi")."""
_PLACE_ENDINGS = ("", "a", "e", "y", "ia", "o", "en", "and")
"""Endings of a place that its adjective replaces ("China" / "Chinese", "Sweden" /
"Swedish", "Poland" / "Polish")."""
DEMONYM_OF: dict[str, set[str]] = {}
for _place, _adjectives in DEMONYMS.items():
    for _adjective in _adjectives:
        DEMONYM_OF.setdefault(_place, set()).add(_adjective)
        DEMONYM_OF.setdefault(_adjective, set()).add(_place)


@lru_cache(maxsize=4096)
def demonym_forms(word: str) -> frozenset[str]:
    """The lower-case words that may name the same place as ``word`` (lower case): its
    people's adjective if it is a place, the place if it is one (``DEMONYMS`` and regular
    endings: "kenya" / "kenyan", "china" / "chinese", "canada" / "canadian"). Empty for a
    word of fewer than four letters.

    >>> [f in demonym_forms("kenyan") for f in ("kenya", "kenyan", "kenny")]
    [True, False, False]
    >>> "french" in demonym_forms("france"), "canada" in demonym_forms("canadian")
    (True, True)
    """
    if len(word) < 4 or not word.isalpha():
        return frozenset()
    forms = set(DEMONYM_OF.get(word, ()))
    for ending in _PEOPLE_ENDINGS:  # the word as an adjective: its place
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            base = word[: -len(ending)]
            forms.update(base + e for e in _PLACE_ENDINGS)
    for ending in _PLACE_ENDINGS:  # the word as a place: its adjective
        if len(word) - len(ending) >= 3 and word.endswith(ending):
            base = word[: len(word) - len(ending)]
            forms.update(base + e for e in _PEOPLE_ENDINGS)
    forms.discard(word)
    return frozenset(forms)


_POSSESSIVE = re.compile(r"['’]s?\Z")


def _capitalised(raw: str) -> bool:
    return raw[:1].isupper()


def _find_names(group: Group) -> list[Found]:
    """A name replaced by another: each side holds a changed name the other side lacks."""
    if not group.both_replace(_capitalised, raw=True):
        return []
    swapped: dict[Side, dict[int, list[Found]]] = {_A: {}, _B: {}}
    for side in _SIDES:
        keys = group.keys(_OTHER[side])
        other = keys | {_POSSESSIVE.sub("", k) for k in keys if "'" in k or "’" in k}
        for category, s, e in group.facts(side):
            if category not in _NAME_CATEGORIES:
                continue
            hunks = group.changed_in(side, s, e)
            if not hunks:
                continue
            heads = _name_heads(group.text[side][s:e])
            if heads and not any(
                h in other or stem(h) in other or not demonym_forms(h).isdisjoint(other)
                for h in heads
            ):
                for h in hunks:
                    swapped[side].setdefault(h, []).append(Found(side, category, s, e))
    # Only names facing each other in one small hunk: one replaced the other.
    out = [
        f
        for h in swapped[_A].keys() & swapped[_B].keys()
        if group.small(h, _MAX_NAME_HUNK_WORDS)
        for f in (*swapped[_A][h], *swapped[_B][h])
    ]
    return sorted(set(out))


# ---------------------------------------------------------------------------
# Roles


_PARTNER_GRADES = frozenset(("junior", "senior"))
"""Statuses that make a set phrase with "partner": a coalition's smaller party, a firm's
or a practice's head, no grade of one person's title."""


def _is_status(words: Sequence[Word], i: int) -> bool:
    """A status word attached to a person: "former President", "the late Odell",
    "ex-minister", "acting head"."""
    key = words[i].key
    if key not in STATUS_MODIFIERS:
        return False
    at = i + 1
    if at >= len(words):
        return False
    nxt = words[at]
    if key == "late" and (i == 0 or words[i - 1].key not in _LATE_AFTER):
        return False  # "the late Odell" is dead; a "Late Kettering strike" came late
    if nxt.key == "-":
        at = i + 2
        if at >= len(words) or words[at].space_before:
            return False
        nxt = words[at]
        if key in ("ex", "vice"):
            return True
    if nxt.key in MONTHS or nxt.key in WEEKDAYS or nxt.key in CALENDAR_PERIODS | SEASONS:
        return False
    if key in _PARTNER_GRADES and nxt.key in ("partner", "partners"):
        return False  # "the coalition's junior partner": a party; a firm's senior partner
    if nxt.raw[:1].isupper():
        return not _a_things_name(words, at)
    if nxt.key in _STATUS_HEADS or nxt.key in STATUS_MODIFIERS:
        return True
    # "the acting city engineer", "a former ferry engineer", "guest conductor", "a retired
    # air traffic controller": a word for someone's work, after two words that say of what
    # at most.
    # A compound's hyphens join its words ("interim pro-vice-chancellor"): they count as none.
    seen = 0
    for j in range(i + 1, len(words)):
        if words[j].key == "-" and not words[j].space_before and seen:
            continue
        key = words[j].key
        if (
            key in _STATUS_HEADS
            or key in PERSON_NOUNS
            or key.removesuffix("s") in PERSON_NOUNS
            or compiled(_OCCUPATION).fullmatch(key)
        ):
            # "the deputy regional secretary", "a former ferry engineer", "the acting clerk"
            return True
        seen += 1
        if seen == 3 or not words[j].key.isalpha() or words[j].key in STOPWORDS:
            break
    return False


def _a_things_name(words: Sequence[Word], j: int) -> bool:
    """The one capitalised word at ``j`` names what the lower-case noun after it is of
    ("the former Grindlecote quarry", "a former Soviet republic"), not a person: that noun
    is no title, no word for someone's work and no reporting verb ("former Olympian Ada
    Lunn said", "former Labour MP")."""
    if j + 1 >= len(words):
        return False
    after = words[j + 1]
    key = after.key
    return (
        after.raw[:1].islower()
        and key.isalpha()
        and key not in STOPWORDS
        and key not in _STATUS_HEADS
        and key not in REPORTING_VERBS
        and not compiled(_OCCUPATION).fullmatch(key)
    )


_OCCUPATION = (
    r"(?!(?:after|later|other|under|water|number|order|over|never|ever|either|neither"
    r"|whether|rather|together|further|however|power|paper|matter|letter|center|centre"
    r"|winter|summer|quarter|border|major|minor|floor|door|error|factor|sector|percent"
    r"|event|moment|government|parliament|statement|recent|current|present|different"
    r"|important|significant|restaurant|plant|grant)s?\Z)[a-z]{3,}(?:eer|ist|ician|or|er|ant|ent)s?"
)
"""A word for someone's work by its ending ("engineer", "economist", "conductor",
"teacher", "accountant", "president"), but the commonest words of those endings that
name none ("later", "order", "government")."""


def _title_run(words: Sequence[Word], i: int) -> int:
    """The last word of the title a status word opens ("former U.S. President")."""
    last = i
    for j in range(i + 1, min(len(words), i + 7)):
        key = words[j].key
        if key == "-" or key in STATUS_MODIFIERS or key in _STATUS_HEADS:
            last = j
        elif j + 1 < len(words) and words[j + 1].key == "-" and not words[j + 1].space_before:
            last = j  # a compound's first word ("interim pro-vice-chancellor")
        elif j <= i + 2 and (
            compiled(_OCCUPATION).fullmatch(key)
            or (
                j == i + 1
                and key.isalpha()
                and j + 1 < len(words)
                and (
                    words[j + 1].key in _STATUS_HEADS
                    or compiled(_OCCUPATION).fullmatch(words[j + 1].key)
                )
            )
        ):
            last = j  # "acting city engineer", "guest conductor", "deputy regional secretary"
        elif words[j].raw[:1].isupper() and key not in STOPWORDS:
            last = j  # "former U.S. leader Donald Trump": the name ends the run
        else:
            break
    return last


def _find_roles(group: Group) -> list[Found]:
    """A status or a title attached to a person that the other side's group lacks."""
    if all(_ROLE_CUES.isdisjoint(group.changed_keys(side)) for side in _SIDES):
        return []  # no changed word is a status or a title (the tests below, on keys)
    out: list[Found] = []
    for side in _SIDES:
        words = group.words(side)
        # The other side's keys and stems only when a changed word needs them (rarely).
        other_stems: set[str] | None = None
        for i in group.changed(side):
            w = words[i]
            if _is_status(words, i):
                other = group.keys(_OTHER[side])
                if w.key in other or _SAME_STATUS.get(w.key, w.key) in _statuses(words, other):
                    continue
                if _stated_elsewhere(words, i, group.text[_OTHER[side]]):
                    continue  # "Oyelaran, a former head teacher," in another paragraph
                last = _title_run(words, i)
                out.append(Found(side, _ROLE, w.start, words[last].end))
                reworded = _title_reworded(group, side, words, i, last) if side is _A else []
                out.extend(reworded or _same_persons_role(group, side, words, i, last))
            elif w.key in _TITLE_NOUNS and w.raw[:1].isupper():
                other = group.keys(_OTHER[side])
                if other_stems is None:
                    other_stems = {stem(k) for k in other}
                if stem(w.key) in other_stems or not _before_shared_name(words, i, other):
                    continue
                if _abbreviated(w.key, other) or _title_initials(words, i, other):
                    continue  # "CEO" / "chief executive", "COO" / "Chief Operating Officer"
                s = i
                while s > 0 and words[s - 1].hunk >= 0 and words[s - 1].key in _TITLE_NOUNS:
                    s -= 1
                out.append(Found(side, _ROLE, words[s].start, w.end))
            elif w.key in _TITLE_NOUNS and _retitled(group, side, words, i):
                s = i  # "the company's operations manager, Piran Feay" / "managing director"
                while s > 0 and words[s - 1].hunk == w.hunk and words[s - 1].key.isalpha():
                    s -= 1
                out.append(Found(side, _ROLE, words[s].start, w.end))
    return _merge(out)


def _same_persons_role(
    group: Group, side: Side, words: Sequence[Word], i: int, last: int
) -> list[Found]:
    """The role the other side gives the person whose title the status at ``i`` (up to
    ``last``) opens, where it gives one next to the same name: a title before it ("Deputy
    Foreign Minister Helka Rautio" / "the Foreign Minister Helka Rautio") or set off after
    it ("Headteacher Hepzibah Nuttall" / "Hepzibah Nuttall, the school's deputy head"). With
    the status gone or added, what that side calls the person is a role it claims."""
    name = _status_name(words, i, last)
    if name is None:
        return []
    other = group.words(_OTHER[side])
    own = {stem(w.key) for w in words[i : last + 1]}
    text = group.text[_OTHER[side]]
    for j, w in enumerate(other):
        if w.key == name and w.raw[:1].isupper():
            span = _role_before(other, j, portfolio=True) or _role_after(other, j)
            if span is None:
                return []
            keys = word_keys(text[span[0] : span[1]])
            # The title, not what it is of ("chair | of the tenants' association"), which a
            # status's own title may leave out of its run.
            title = keys[: next((n for n, k in enumerate(keys) if k in ("of", "for") and n), None)]
            said = {
                stem(k)
                for k in title
                if k not in STOPWORDS and not k.endswith(("'s", "’s"))  # whose role: no role
            }
            if said <= own and side is not _A:
                # The same title, a status added ("Mayor" / "former Mayor"): the status is
                # the rewrite's claim, the original's title none. A status dropped leaves the
                # rewrite's title a claim of its own ("acting chief executive" / "Chief
                # executive"): a substitution, flagged on both sides.
                return []
            return [Found(_OTHER[side], _ROLE, *span)]
    return []


def _status_name(words: Sequence[Word], i: int, last: int) -> str | None:
    """The last word of the name a status's title (``i`` to ``last``) belongs to: the name
    its run ends with ("Deputy Foreign Minister Helka Rautio"), or the one it is set off
    after ("Hepzibah Nuttall, the school's deputy head")."""
    names = [
        w.key
        for w in words[i + 1 : last + 1]
        if w.raw[:1].isupper() and w.key.isalpha() and w.key not in _NOT_NAMES | _STATUS_HEADS
    ]
    if names:
        return names[-1]

    def name_at(k: int) -> bool:
        w = words[k] if 0 <= k < len(words) else None
        return w is not None and w.raw[:1].isupper() and w.key.isalpha() and w.key not in _NOT_NAMES

    after = last + 1
    if after < len(words) and words[after].key == "of":
        # The title's complement ("interim head of planning, Nanna Fearnside"): a few words.
        k = after + 1
        while k < min(len(words), after + 7) and (
            words[k].key.isalpha() or words[k].key in ("'s", "’s", "-", "'", "’")
        ):
            k += 1
        after = k
    if after + 1 < len(words) and words[after].key == "," and name_at(after + 1):
        k = after + 1  # "the defending champion, Pieter Oudman"
        while name_at(k + 1):
            k += 1
        return words[k].key
    for k in range(i - 1, max(0, i - 5), -1):
        key = words[k].key
        if key == ",":
            return words[k - 1].key if name_at(k - 1) else None  # "Ann Lee, the deputy head"
        if key in STOPWORDS and key not in ("a", "an", "the"):
            return None  # "…, with the defending champion": no apposition
        if not (key.isalpha() or key.endswith(("'s", "’s"))):
            return None
    return None


def _is_role_word(key: str) -> bool:
    """``key`` is a title or a noun naming what a person does, not one naming anyone."""
    return key in _TITLE_NOUNS or (key not in GENERIC_PERSON_NOUNS and person_noun(key))


_ADDRESSES = HONORIFICS | ADDRESSES
"""Forms of address before a name, which say no role of their own here ("Professor Alan
Whitby, vice-chancellor of ...")."""


def _role_before(
    words: Sequence[Word], j: int, *, portfolio: bool = False
) -> tuple[int, int] | None:
    """The title written just before the name whose last word is at ``j`` ("the Sarvonian
    Foreign Minister | Helka Rautio", "Headteacher | Hepzibah Nuttall"), without a form of
    address ("Cllr", "Dr"): its span, if it holds a title or a person's noun; with
    ``portfolio``, also a title with its portfolio ("cabinet member for highways")."""
    k = j - 1
    while k > j - 3 and k >= 0 and words[k].raw[:1].isupper() and not _is_role_word(words[k].key):
        if words[k].key in TITLE_WORDS:
            break
        k -= 1  # the name's first words
    if k >= 1 and words[k].key == ",":
        k -= 1  # "The watchdog's chief executive, Imogen Farthing"
    end = k
    while end >= 0 and words[end].key in _ADDRESSES:
        end -= 1
    last = end
    at = _portfolio_start(words, max(0, end - 8), end) if portfolio else -1
    if at > 0:
        end = at - 1  # "the council's cabinet member | for highways, Fabian Throssell"
    first = end
    while first >= 0 and first > end - 5:
        w = words[first]
        if not (
            _is_role_word(w.key)
            or w.key in TITLE_WORDS
            or (w.key.isalpha() and w.key not in STOPWORDS and (w.raw[:1].isupper() or first < end))
        ):
            break
        first -= 1
    first += 1
    if first > end or not any(_is_role_word(w.key) for w in words[first : end + 1]):
        return None
    if first and _possessor(words[first - 1]):
        first -= 1  # whose title it is: "Brevania's | trade minister"
    return words[first].start, words[last].end


def _portfolio_start(words: Sequence[Word], first: int, last: int) -> int:
    """Where the portfolio of a role ending at ``last`` starts ("cabinet member | for
    highways", "director | of operations"): the index of its "for" or "of", after a title
    or person's noun at or after ``first``, with one to three words in lower case after
    it; -1 if none."""
    for r in range(last, max(first, last - 8), -1):
        key = words[r].key
        if key in ("-", "'", "’") or (key.endswith(("'s", "’s")) and key[:-2].isalpha()):
            continue  # "of the growers' co-operative": a compound, whose
        if not key.isalpha() or not words[r].raw[:1].islower():
            return -1  # a body's name ("director of Sarvik Stroj") says whose, not what
        if words[r].key in ("for", "of") and r > first and _is_role_word(words[r - 1].key):
            return r if r < last else -1
    return -1


def _possessor(w: Word) -> str:
    """The name a capitalised possessive writes ("Brevania's": "brevania"), or ""."""
    if w.raw[:1].isupper() and w.key.endswith(("'s", "’s")) and w.key[:-2].isalpha():
        return w.key[:-2]
    return ""


def _role_after(
    words: Sequence[Word], j: int, *, portfolio: bool = False
) -> tuple[int, int] | None:
    """The role set off after the name whose last word is at ``j`` ("Hepzibah Nuttall, |
    the school's deputy head,"): its span, if its last word is a title or a person's noun
    (with ``portfolio``, or it ends a title's portfolio: "cabinet member for highways")."""
    if j + 2 >= len(words) or words[j + 1].key != ",":
        return None
    first = j + 2
    if words[first].key == "who" and first + 1 < len(words) and words[first + 1].key in _ROLE_VERBS:
        k = first + 1  # "Imogen Farthing, who chairs the watchdog"
        while k + 1 < min(len(words), first + 7) and words[k + 1].key.isalpha():
            k += 1
        return words[first].start, words[k].end
    for k in range(first, min(len(words), first + 8)):
        key = words[k].key
        if key in (",", ".", ";", ":") or key in _DESCRIBED_ENDS:
            if k > first and (
                _is_role_word(words[k - 1].key)
                or (portfolio and _portfolio_start(words, first, k - 1) >= 0)
                or any(
                    words[m].key == "of" and _is_role_word(words[m - 1].key)
                    for m in range(first + 1, k - 1)
                )  # a title and what it heads: "the council's head of planning"
            ):
                return words[first].start, words[k - 1].end
            return None
        if not (key.isalpha() or key == "-" or key.endswith(("'s", "’s"))):
            return None
    return None


def _role_head(words: Sequence[Word]) -> str:
    """The noun of the role ``words`` write: its last title or person's noun, or what the
    verb of "who chairs the trust" makes of it ("chair"), without its gender."""
    head = ""
    for w in words:
        if w.key in _ROLE_VERBS:
            return _ROLE_VERBS[w.key]
        if _is_role_word(w.key):
            head = w.key
    return _ungendered(head)


def _find_changed_roles(group: Group) -> list[Found]:
    """A person given another role on each side, beside the same name, whichever way each
    writes it ("The watchdog's chief executive, Imogen Farthing," / "Imogen Farthing, who
    chairs the watchdog,"; "Tarnvale Water's capital projects director, Osric Pell," /
    "Osric Pell, Tarnvale Water's chief executive,"): a changed role on both sides. Not
    where the two roles' nouns are one in other words (a stem, a sense, an abbreviation),
    nor where one is a role any leader is called (``_ANY_LEADER``: "who heads the trust"),
    nor where neither was changed."""
    if not all(
        not group.changed_keys(side).isdisjoint(_TITLE_NOUNS)
        or not group.changed_keys(side).isdisjoint(_ROLE_VERBS)
        or _changes_a_person_noun(group, side)
        or _changes_a_qualifier(group, side)
        for side in _SIDES
    ):
        return []  # no role word changed on one side (tested on keys)
    roles: dict[Side, dict[str, tuple[int, int, str, str, bool, frozenset[str]]]] = {}
    qualifiers: dict[Side, dict[str, tuple[Word, ...]]] = {}
    for side in _SIDES:
        words = group.words(side)
        starts = group.columns[side].starts
        found: dict[str, tuple[int, int, str, str, bool, frozenset[str]]] = {}
        kinds: dict[str, tuple[Word, ...]] = {}
        for j, w in enumerate(words):
            if not (w.raw[:1].isupper() and w.key.isalpha()) or w.key in _NOT_NAMES:
                continue
            if j + 1 < len(words) and words[j + 1].raw[:1].isupper() and words[j + 1].key.isalpha():
                continue  # not the name's last word
            # With its portfolio: "the council's cabinet member for highways".
            span = _role_before(words, j, portfolio=True) or _role_after(words, j, portfolio=True)
            if span is not None and w.key not in found:
                # The role's words, by their starts (sorted): a bisection, not a scan.
                role = words[bisect_left(starts, span[0]) : bisect_left(starts, span[1])]
                head = _role_head(role)
                if head:
                    owner = next((o for r in role if (o := _possessor(r))), "")
                    # What the role is of ("finance chief", "member for finance").
                    of = frozenset(
                        stem(r.key)
                        for r in role
                        if r.key.isalpha() and r.key not in STOPWORDS and not _is_role_word(r.key)
                    )
                    found[w.key] = (*span, head, owner, any(r.hunk >= 0 for r in role), of)
                    kinds[w.key] = _qualifiers(role, head)
        roles[side] = found
        qualifiers[side] = kinds
    out: list[Found] = []
    keys = {side: group.keys(side) for side in _SIDES}
    for name in roles[_A].keys() & roles[_B].keys():
        start_a, end_a, head_a, owner_a, changed_a, of_a = roles[_A][name]
        start_b, end_b, head_b, owner_b, changed_b, of_b = roles[_B][name]
        if stem(head_a) == stem(head_b) or related(head_a, head_b):
            # The same title of another body ("Brevania's trade minister" / "Sarnow's").
            if owner_a and owner_b and owner_a != owner_b and (changed_a or changed_b):
                out.append(Found(_A, _ROLE, start_a, end_a))
                out.append(Found(_B, _ROLE, start_b, end_b))
            elif _requalified(qualifiers[_A][name], qualifiers[_B][name], keys):
                # The same title of another kind: "executive director" / "artistic director".
                out.append(Found(_A, _ROLE, start_a, end_a))
                out.append(Found(_B, _ROLE, start_b, end_b))
            continue
        # A leader's title stands for any leader's, and for a member's of what it leads
        # ("finance chief" / "cabinet member for finance"), not for a member's of another
        # thing ("the council's leader" / "cabinet member for highways").
        member = head_a in _NOT_LEADING or head_b in _NOT_LEADING
        if (head_a in _ANY_LEADER or head_b in _ANY_LEADER) and (
            not member or not of_a.isdisjoint(of_b)
        ):
            continue
        if _abbreviated(head_a, keys[_B]) or _abbreviated(head_b, keys[_A]):
            continue
        if head_a in keys[_B] or head_b in keys[_A]:
            continue  # the role is elsewhere in the other side's sentences: moved
        if not (changed_a or changed_b):
            continue  # both written word for word: not this group's change
        out.append(Found(_A, _ROLE, start_a, end_a))
        out.append(Found(_B, _ROLE, start_b, end_b))
    return out


def _changes_a_qualifier(group: Group, side: Side) -> bool:
    """A changed word of one side stands just before a title ("executive director"), or
    one word before it ("chief financial officer")."""
    keys = group.columns[side].keys
    n = len(keys)
    return any(
        (i + 1 < n and keys[i + 1] in _TITLE_NOUNS) or (i + 2 < n and keys[i + 2] in _TITLE_NOUNS)
        for i in group.changed(side)
    )


def _qualifiers(role: Sequence[Word], head: str) -> tuple[Word, ...]:
    """The words before a title's noun that say which title of its kind it is
    ("executive", "finance" of "the theatre's executive director", "Operations" of
    "Operations director Nerea Albescu"): words the synonym table knows as adjectives or
    nouns (so no name: "Sarvonian"), not a status ("deputy", judged by ``_find_roles``), a
    possessive, a participle ("elected mayor") or a word of the stoplist. None for a role
    that is no title ("cosmetics maker"), nor for what follows the noun ("chair of the
    business group")."""
    if head not in _TITLE_NOUNS:
        return ()
    at = max((k for k, r in enumerate(role) if _ungendered(r.key) == head), default=-1)
    return tuple(
        r
        for r in role[:at]
        if r.key.isalpha()
        and r.key not in STOPWORDS
        and r.key not in STATUS_MODIFIERS
        and not r.key.endswith("ed")
        and ("a" in (pos := parts_of_speech(r.key)) or "n" in pos)
    )


def _requalified(a: Sequence[Word], b: Sequence[Word], keys: Mapping[Side, Container[str]]) -> bool:
    """Each side's title has a qualifier the other lacks, changed in a hunk, and none is the
    other's in other words (a stem, a sense, a place's adjective) nor elsewhere on the other
    side (moved): "executive director" / "artistic director", not "finance director" /
    "financial director" nor "director" / "artistic director" (a kind added or dropped)."""
    own_a = [w for w in a if w.hunk >= 0 and w.key not in keys[_B]]
    own_b = [w for w in b if w.hunk >= 0 and w.key not in keys[_A]]
    if not own_a or not own_b:
        return False
    for x in own_a:
        for y in own_b:
            if stem(x.key) == stem(y.key) or related(x.key, y.key):
                return False
            if y.key in DEMONYM_OF.get(x.key, ()):
                return False
    return True


_PLAIN_PERSON_ENDINGS = (
    *"er or ist ian man woman person guard master mistress keeper smith wright warden".split(),
)
"""Endings that make a word a person's noun beyond doubt when the synonym table knows it
as a noun (``person_noun``); not "-ent" or "-ant", which end as many things ("percent")."""


def _plainly_a_person(key: str) -> bool:
    """``key`` names what a person does, without doubt: one of ``PERSON_NOUNS`` or a title,
    or a person's noun with a plain ending (``_PLAIN_PERSON_ENDINGS``), not one that names
    anyone (``GENERIC_PERSON_NOUNS``)."""
    if key in GENERIC_PERSON_NOUNS:
        return False
    if key in PERSON_NOUNS or key in _TITLE_NOUNS:
        return True
    return len(key) > 4 and key.endswith(_PLAIN_PERSON_ENDINGS) and person_noun(key)


def _find_replaced_people(group: Group) -> list[Found]:
    """A noun for what a person does replaced by another in one small hunk, no name beside
    them ("A nurse who saw the crash" / "A doctor who saw the crash", "An off-duty
    lifeguard" / "The lake's harbourmaster"): a changed role on both sides. Not where the
    two are one in other words (a stem, a gender, a sense), where one names anyone
    (``GENERIC_PERSON_NOUNS``), nor where the other side has the noun elsewhere in the
    group (moved, not changed)."""
    if not all(_changes_a_person_noun(group, side) for side in _SIDES):
        return []  # no word of a person's changed on one side (tested on keys, in C)
    if group.headline:
        return []  # a headline calls a person what fits ("Founder" / "rescue pioneer")
    by_hunk: dict[int, list[list[Word]]] = {}
    named: set[int] = set()  # hunks with a name in them: the named roles' detectors' case
    for side_index, side in enumerate(_SIDES):
        openers = group.columns[side].openers
        for i in group.replacing(side):
            w = group.word(side, i)
            by_hunk.setdefault(w.hunk, [[], []])[side_index].append(w)
            if w.raw[:1].isupper() and i not in openers:
                named.add(w.hunk)
    stems = {side: {stem(k) for k in group.keys(side)} for side in _SIDES}
    out: list[Found] = []
    for hunk, (a_words, b_words) in by_hunk.items():
        if not a_words or not b_words or hunk in named:
            continue
        if len(a_words) > _MAX_HUNK_WORDS or len(b_words) > _MAX_HUNK_WORDS:
            continue  # a clause rewritten: its nouns are no one word replaced by another
        people = [[w for w in ws if _plainly_a_person(w.key)] for ws in (a_words, b_words)]
        if len(people[0]) != 1 or len(people[1]) != 1:
            continue
        a, b = people[0][0], people[1][0]
        if a.key in _TITLE_NOUNS and b.key in _TITLE_NOUNS and _titles_a_name(group, a, b):
            continue  # two titles of a named person: the roles' case
        if _ungendered(a.key) == _ungendered(b.key) or related(a.key, b.key):
            continue
        if stem(a.key) in stems[_B] or stem(b.key) in stems[_A]:
            continue
        out.append(Found(_A, _ROLE, a_words[0].start, a.end))
        out.append(Found(_B, _ROLE, b_words[0].start, b.end))
    return out


def _titles_a_name(group: Group, a: Word, b: Word) -> bool:
    """Either title is capitalised or stands next to a name ("Mayor Anna Berg", "the mayor,
    Anna Berg,"): the roles' detectors judge it. Two titles in lower case with no name
    beside them ("the mayor said" / "the treasurer said") are a person replaced."""
    for side, word in ((_A, a), (_B, b)):
        if word.raw[:1].isupper():
            return True
        words = group.words(side)
        i = bisect_left(group.columns[side].starts, word.start)
        openers = group.columns[side].openers
        for j in (i - 2, i - 1, i + 1, i + 2):
            if (
                0 <= j < len(words)
                and j not in openers
                and words[j].raw[:1].isupper()
                and words[j].key not in STOPWORDS
            ):
                return True
    return False


def _title_reworded(
    group: Group, side: Side, words: Sequence[Word], i: int, last: int
) -> list[Found]:
    """The rewrite's form of the title the original's status at ``i`` opens (up to
    ``last``), where a hunk rewords it ("Deputy Environment Minister Sanja Horvek" / "The
    Minister of the Environment, Sanja Horvek"): the rewrite gives the person the title
    without the status ("deputy", "former", "acting"), a role it claims. A title the
    rewrite keeps word for word ("Deputy Mayor Jones" / "Mayor Jones") was not reworded:
    the status alone was dropped. (A status added, "chief" / "interim chief", is the
    rewrite's word alone: the original's title is no claim.)"""
    heads = {stem(w.key) for w in words[i + 1 : last + 1] if w.key in _TITLE_NOUNS}
    if not heads:
        return []
    return [
        Found(_OTHER[side], _ROLE, w.start, w.end)
        for w in group.words(_OTHER[side])
        if w.hunk >= 0 and w.key in _TITLE_NOUNS and stem(w.key) in heads
    ][:1]


_ROLE_VERBS = {
    "chairs": "chair",
    "chaired": "chair",
    "founded": "founder",
    "owns": "owner",
    "owned": "owner",
    "manages": "manager",
    "managed": "manager",
    "coaches": "coach",
    "coached": "coach",
    "directs": "director",
    "directed": "director",
    "edits": "editor",
    "edited": "editor",
    "captains": "captain",
    "captained": "captain",
    "presents": "presenter",
    "teaches": "teacher",
    "taught": "teacher",
    "trains": "trainer",
    "trained": "trainer",
}
"""A verb that gives a person's role after "who" ("…, who chairs the trust"), as the noun
of that role ("chair")."""
_ROLE_LINKS = frozenset(("of", "with", "at", "for", "from"))
"""Words after a described person's role noun ("…, a volunteer with the trust")."""


def _appositives(group: Group, side: Side) -> dict[str, list[tuple[str, int, int, bool]]]:
    """The roles set off after a name on one side of the group, by the name's last word:
    (the role as a noun, start, end, whether a hunk changed its words) of "…Cairnfold, a
    volunteer with the trust" ("volunteer"), "…Cairnfold, treasurer of the trust" (a title
    or a person's noun without an article) and "…Cairnfold, who chairs the trust"
    ("chair"). Read from the group's columns, comma by comma (a C search): most groups
    have a comma or two and no role after it."""
    c = group.columns[side]
    keys, starts, ends, hunks, text = c.keys, c.starts, c.ends, c.hunks, group.text[side]
    out: dict[str, list[tuple[str, int, int, bool]]] = {}
    n = len(keys)
    i = 0
    while True:
        try:
            i = keys.index(",", i + 1, n - 2)
        except ValueError:
            return out
        if not text[starts[i - 1]].isupper():
            continue
        j = i + 1
        if keys[j] == "who" and keys[j + 1] in _ROLE_VERBS:
            role, k = _ROLE_VERBS[keys[j + 1]], j + 1
        elif (
            keys[j] == "who"
            and j + 3 < n
            and keys[j + 1] == "co"
            and keys[j + 2] == "-"
            and keys[j + 3] in _ROLE_VERBS
        ):
            role, k = "co" + _ROLE_VERBS[keys[j + 3]], j + 3  # "who co-founded": a joint role
        elif keys[j] in ("a", "an", "the") or (
            text[starts[j]].islower() and keys[j].isalpha() and keys[j] not in STOPWORDS
        ):
            # "…, a volunteer with the trust"; a title without an article ("…, general
            # secretary of the union", "…, chief executive of the firm").
            bare = keys[j] not in ("a", "an", "the")
            j += 0 if bare else 1
            k = j
            while k < min(n, j + 4) and text[starts[k]].islower() and keys[k].isalpha():
                if keys[k] in _ROLE_LINKS:
                    break
                k += 1
            if k == j or k >= n or keys[k] not in _ROLE_LINKS or keys[k - 1].endswith("ed"):
                continue  # no noun before the link ("a developer jailed for bribery")
            if bare and keys[k - 1] not in _TITLE_NOUNS and not person_noun(keys[k - 1]):
                continue  # "…, chairing the meeting for the first time"
            role = _ungendered(keys[k - 1])
        else:
            continue  # no role set off: "…, who had not lost", "…, 58, of Hensbury Lane"
        last = k
        while last + 1 < min(n, k + 7) and keys[last + 1][:1].isalnum():
            last += 1
        changed = any(h >= 0 for h in hunks[i + 1 : last + 1])
        out.setdefault(keys[i - 1], []).append((role, starts[i + 1], ends[last], changed))


def _find_described_roles(group: Group) -> list[Found]:
    """A person described by another role on each side, set off after the same name
    ("Ailsa Cairnfold, a volunteer with the trust" / "Ailsa Cairnfold, who chairs the
    trust"): a changed role on both sides, whichever way each is written. The same role
    in another form ("the chair of the trust" / "who chairs the trust") or a role any
    leader is called ("who heads the trust") is none."""
    if any("," not in group.keys(side) for side in _SIDES):
        return []  # no role set off on one side (the tests below, on keys)
    found = {side: _appositives(group, side) for side in _SIDES}
    out: list[Found] = []
    for name in found[_A].keys() & found[_B].keys():
        if len(found[_A][name]) != 1 or len(found[_B][name]) != 1:
            continue
        (role_a, start_a, end_a, changed_a), (role_b, start_b, end_b, changed_b) = (
            found[_A][name][0],
            found[_B][name][0],
        )
        if not (changed_a or changed_b) or role_a in _ANY_LEADER or role_b in _ANY_LEADER:
            continue
        if stem(role_a) == stem(role_b):
            continue
        out.append(Found(_A, _ROLE, start_a, end_a))
        out.append(Found(_B, _ROLE, start_b, end_b))
    return out


_STRONG_PERSON_SUFFIXES = tuple(
    "guard master mistress keeper smith wright man woman person warden".split()
)
"""Endings that make a word the synonym table does not know a person's role
("harbourmaster", "lifeguard"); with a weaker ending ("-er", "-or") it may be a place
("Exeter"), a surname or a stray string."""
_NOT_A_PERSON = ("ment", "ness", "tion", "sion", "ship", "ance", "ence")


def person_noun(key: str) -> bool:
    """``key`` reads as a noun naming what a person does or is ("lifeguard", "striker",
    "florist", "nurse"): one of ``PERSON_NOUNS``, or a noun (as far as the synonym table
    knows) with a person's ending; a word the table does not know, only with a strong
    ending (``_STRONG_PERSON_SUFFIXES``)."""
    if key in PERSON_NOUNS:
        return True
    if (
        len(key) < 4
        or key in STOPWORDS
        or key in GENERIC_PERSON_NOUNS
        or not key.endswith(PERSON_SUFFIXES)
        or key.endswith(_NOT_A_PERSON)
        or not key.replace("-", "").isalpha()
    ):
        return False
    pos = parts_of_speech(key)
    if pos:
        return "n" in pos
    return key.endswith(_STRONG_PERSON_SUFFIXES)


_NOT_NAMES = STOPWORDS | TITLE_WORDS | _MONTH_INDEX.keys() | WEEKDAYS
_DESCRIBED_ENDS = frozenset((",", ".", ";", ":", "said", "says", "told", "who", "and"))
"""Words after "…Ewan Tull, a lifeguard" that end the description."""


_ENDS_AS_A_PERSON = operator.methodcaller("endswith", PERSON_SUFFIXES)


def _changes_a_person_noun(group: Group, side: Side) -> bool:
    """Some changed word of one side is a person's noun (``person_noun``): the words with
    a person's ending or among ``PERSON_NOUNS`` are picked from the changed keys in C, and
    only those few are looked up."""
    found = group.people_changed.get(side)
    if found is None:
        found = group.people_changed[side] = _names_a_person(group.changed_keys(side))
    return found


def _person_descriptions(group: Group, side: Side) -> dict[str, list[tuple[str, int, int]]]:
    """The changed nouns that say what a named person does, on one side of the group, by
    the name's last word: (the noun, its start and end) of "lifeguard Ewan Tull", "the
    lifeguard, Ewan Tull" and "Ewan Tull, a lifeguard," (``person_noun``)."""
    c = group.columns[side]
    keys, starts, ends, text, openers = c.keys, c.starts, c.ends, group.text[side], c.openers
    n = len(keys)

    def named(j: int) -> bool:
        return (
            0 <= j < n
            and j not in openers
            and text[starts[j]].isupper()
            and keys[j].isalpha()
            and keys[j] not in _NOT_NAMES
        )

    hunks = c.hunks
    out: dict[str, list[tuple[str, int, int]]] = {}
    for i in group.changed(side):
        lower = text[starts[i]].islower()
        if not (lower or i in openers) or not person_noun(keys[i]):
            continue
        first = i  # the title's words before the noun, changed with it ("Chief | executive")
        while first > max(0, i - 2) and keys[first - 1] in TITLE_WORDS and hunks[first - 1] >= 0:
            first -= 1
        j = i + 1
        if j < n and keys[j] == "," and lower:
            j += 1  # "the lifeguard, Ewan Tull"
        if named(j):
            while named(j + 1):
                j += 1
            out.setdefault(keys[j], []).append((keys[i], starts[first], ends[i]))
            continue
        if not lower or (i + 1 < n and keys[i + 1] not in _DESCRIBED_ENDS):
            continue
        d = i - 1  # back over the words describing the noun, to its article
        while d > i - 4 and d > 0 and keys[d] not in ("a", "an", "the") and keys[d].isalpha():
            d -= 1
        if keys[d] in ("a", "an", "the") and d >= 2 and keys[d - 1] == "," and named(d - 2):
            out.setdefault(keys[d - 2], []).append((keys[i], starts[first], ends[i]))
    return out


def _find_person_roles(group: Group) -> list[Found]:
    """A named person said to do another thing on each side ("lifeguard Ewan Tull" /
    "harbourmaster Ewan Tull", "Ewan Tull, a lifeguard," / "…, a ferryman,"): a changed
    role on both sides. Not where the two nouns share a sense or one is the other's
    hypernym in the synonym table ("doctor" / "physician"), where one names anyone
    (``GENERIC_PERSON_NOUNS``: "a council official"), nor where the other side has the
    noun elsewhere in the group (the role moved, not changed)."""
    if not all(_changes_a_person_noun(group, side) for side in _SIDES):
        return []  # no word of a person's changed on one side (tested on keys, in C)
    found = {side: _person_descriptions(group, side) for side in _SIDES}
    out: list[Found] = []
    for name in found[_A].keys() & found[_B].keys():
        if len(found[_A][name]) != 1 or len(found[_B][name]) != 1:
            continue
        (key_a, start_a, end_a), (key_b, start_b, end_b) = found[_A][name][0], found[_B][name][0]
        if key_a in _TITLE_NOUNS and key_b in _TITLE_NOUNS:
            continue  # two titles: the roles' and statuses' case
        if _ungendered(key_a) == _ungendered(key_b) or related(key_a, key_b):
            continue
        stems = {side: {stem(k) for k in group.keys(side)} for side in _SIDES}
        if stem(key_a) in stems[_B] or stem(key_b) in stems[_A]:
            continue
        out.append(Found(_A, _ROLE, start_a, end_a))
        out.append(Found(_B, _ROLE, start_b, end_b))
    return out


_QUANTIFIER_LEVELS = {
    "all": 100, "every": 100, "each": 100, "most": 75, "many": 45, "some": 30,
    "several": 30, "few": 10, "none": 0,
}  # fmt: skip
"""How much of a whole a quantifier says ("all of its customers", "most of them"); "almost"
or "nearly" before "all" says less than all (``_ALMOST_ALL``), and "not all" says some.
"Half" and "a majority" are figures, which ``_find_figures`` reads ("more than half" is "a
majority")."""
_ALMOST = frozenset(("almost", "nearly", "virtually", "practically"))
_ALMOST_ALL = 95
_WHOLE = frozenset(("all", "every", "each"))
"""The quantifiers of a whole, which "almost" or "nearly" makes less than all."""
_WARNING_COLOURS = frozenset(("red", "amber", "orange", "yellow", "green"))
"""The levels of a warning or an alert ("an amber wind warning", "a red alert")."""
_LEVELS = frozenset((*_QUANTIFIER_LEVELS, *_WARNING_COLOURS))


def _level(keys: Sequence[str], i: int) -> int | str:
    """The level word ``i`` states: a quantifier's share (``_QUANTIFIER_LEVELS``), or a
    warning's colour."""
    key = keys[i]
    if key in _WARNING_COLOURS:
        return key
    if key in _WHOLE and i and keys[i - 1] in _ALMOST:
        return _ALMOST_ALL  # "nearly all", "almost every"
    if key in _WHOLE and i and keys[i - 1] == "not":
        return _QUANTIFIER_LEVELS["some"]  # "not all of them": some of them
    if key == "few" and i and keys[i - 1] in _A_FEW:
        return _QUANTIFIER_LEVELS["several"]  # "a few days", "the next few days": several
    return _QUANTIFIER_LEVELS[key]


_A_FEW = frozenset(("a", "next", "past", "last", "first", "coming", "those", "these"))
"""Words before "few" that make it a small number ("a few days", "the next few days"), as
"several" says, not "not many" ("few of them")."""


_PRICED = re.compile(
    r"(?i)\b(?:(?:reduced|discounted|subsidi[sz]ed|lower|cut|half|full)[\s-]"
    r"(?:price|prices|rate|rates|fee|fees|cost|costs|charge|charges)|a (?:fee|charge))\b"
)
"""What says a thing is paid for, at a price of some level ("at a reduced price", "a
fee", "half price")."""
_PRICE_KEYS = frozenset(
    "reduced discounted subsidised subsidized lower cut half full fee fees charge".split()
)


def _find_prices(group: Group) -> list[Found]:
    """A thing said to be free on one side and paid for on the other ("will be free for
    everyone" / "at a reduced price", "free" / "a fee"): how much it costs, on both sides."""
    out: list[Found] = []
    for side, other in _SIDE_PAIRS:
        if "free" not in group.changed_keys(side) or _PRICE_KEYS.isdisjoint(
            group.changed_keys(other)
        ):
            continue
        c, d = group.columns[side], group.columns[other]
        free = [i for i in group.changed(side) if c.keys[i] == "free"]
        text = group.text[other]
        start, end = (d.starts[0], d.ends[-1]) if d.starts else (0, 0)
        for priced in _PRICED.finditer(text, start, end):
            first = bisect_left(d.starts, priced.start())
            last = bisect_left(d.starts, priced.end())
            if any(h >= 0 for h in d.hunks[first:last]):  # the price is the rewrite's
                # The free thing the price is of: the one whose neighbours the price's share
                # most ("batteries will be free" / "batteries at a reduced price").
                near = {
                    stem(k) for k in d.keys[max(0, first - 8) : first + 8] if k not in STOPWORDS
                }
                i = max(free, key=lambda j: _shared_near(c.keys, j, near))
                out.append(Found(side, _NUMBER, c.starts[i], c.ends[i]))
                out.append(Found(other, _NUMBER, priced.start(), priced.end()))
                break
    return out


class _Comparison(NamedTuple):
    """A comparison "X <verb> more likely than Y" of one side: its degree (the words
    before "than": ``("more", "likely")``, ``("larger",)``; or before the infinitive that
    runs on to "than": "more likely to get their money back than"), the content stems of the
    words before the degree in its clause (where X stands) and of the noun phrase after
    "than" (Y), and where the degree's first word, "than", X's first word and Y's last word
    are (token indices)."""

    degree: tuple[str, ...]
    before: frozenset[str]
    after: frozenset[str]
    than: int
    first: int
    last: int
    degree_at: int


_DEGREE_WORDS = frozenset(("more", "less", "fewer"))
_BEFORE_COMPARED = frozenset(("among", "amongst", "across"))
"""Prepositions before the second thing compared that the stopwords lack ("higher than
among those in their mid-60s")."""
_NOT_COMPARED = frozenset(("rather", "other", "more", "less", "fewer", "no", "any"))
"""Words before "than" that compare nothing ("rather than", "more than 40": a bound)."""
_COMPARE_REACH = 12
"""Words before the degree, within its clause, where the first thing compared may stand."""


def _comparisons(group: Group, side: Side) -> list[_Comparison]:
    """Every "X ... more likely than Y" of one side (``_Comparison``), Y being a noun
    phrase (not a figure: "more than 40" is a bound)."""
    c = group.columns[side]
    keys, hunks = c.keys, c.hunks
    out = []
    for t, key in enumerate(keys):
        if key != "than" or t < 2 or t + 1 >= len(keys):
            continue
        if keys[t - 1] in _NOT_COMPARED:
            continue  # "rather than", "more than 40" (a bound)
        last_degree = t
        if keys[t - 1] in STOPWORDS:
            # "more likely to have had it than": only a degree further back compares.
            if (infinitive := _degree_before_infinitive(keys, t)) < 0:
                continue
            first_degree, last_degree = infinitive, infinitive + 2
        elif keys[t - 2] in _DEGREE_WORDS:
            first_degree = t - 2  # "more likely than", "fewer complaints than"
        elif keys[t - 1].endswith(("er", "ier")) or keys[t - 1] in ("worse", "better"):
            first_degree = t - 1  # "larger than", "worse than"
        elif (infinitive := _degree_before_infinitive(keys, t)) >= 0:
            # "more likely to get their money back than": the degree and its adjective.
            first_degree, last_degree = infinitive, infinitive + 2
        elif (graded := _graded_before(keys, t)) >= 0:
            # "a bigger share of those helped than": the comparative, a few words before.
            first_degree, last_degree = graded, graded + 1
        else:
            continue
        # Y: the noun phrase after "than", its leading determiners skipped.
        j = t + 1
        while j < len(keys) and (
            (keys[j] in STOPWORDS and keys[j].isalpha()) or keys[j] in _BEFORE_COMPARED
        ):
            j += 1
        k = j
        while k < len(keys) and _compared_word(keys[k]):
            k += 1
        if k == j or k - j > 4:
            continue  # a figure, a clause ("than it did"), or no noun phrase
        after = frozenset(stem(keys[i]) for i in range(j, k))
        # X: the content words before the degree, back to the clause's start.
        lo = first_degree
        while (
            lo > 0
            and first_degree - lo < _COMPARE_REACH
            and lo not in c.openers
            and keys[lo - 1] not in _COMPARISON_BREAKS
        ):
            lo -= 1
        before_at = [i for i in range(lo, first_degree) if _compared_word(keys[i])]
        if not before_at:
            continue
        before = frozenset(stem(keys[i]) for i in before_at)
        if all(hunks[i] < 0 for i in (*range(j, k), *before_at)):
            continue  # neither thing compared changed here
        out.append(
            _Comparison(
                tuple(keys[first_degree:last_degree]),
                before,
                after,
                t,
                before_at[0],
                k - 1,
                first_degree,
            )
        )
    return out


def _compared_word(key: str) -> bool:
    """A content word of a thing compared: a word, or letters after digits ("their 60s",
    "the over-65s"); not a stopword, not a figure ("more than 40" is a bound)."""
    return key not in STOPWORDS and (key.isalpha() or (key.isalnum() and not key.isdigit()))


_INFINITIVE_REACH = 8
"""Words between a degree's "to" and "than" at most ("more likely to get their money back
than")."""


def _degree_before_infinitive(keys: Sequence[str], t: int) -> int:
    """Where a degree opens before an infinitive that runs on to "than" at ``t`` ("more
    likely to get their money back than": the index of "more"), with no clause break
    between; else -1."""
    for d in range(t - 3, max(-1, t - 3 - _INFINITIVE_REACH), -1):
        key = keys[d]
        if key in _COMPARISON_BREAKS or not (key[:1].isalnum() or key == "-"):
            return -1
        if key in _DEGREE_WORDS and keys[d + 2] == "to" and keys[d + 1].isalpha():
            return d
    return -1


_GRADED_REACH = 5
"""Words between a comparative and "than" at most ("a bigger share of those helped than")."""


def _graded_before(keys: Sequence[str], t: int) -> int:
    """Where a comparative adjective stands a few words before "than" at ``t`` ("made up a
    bigger share of those helped than"), with no clause break between; else -1."""
    for d in range(t - 2, max(-1, t - 2 - _GRADED_REACH), -1):
        key = keys[d]
        if key in _COMPARISON_BREAKS or not (key[:1].isalnum() or key == "-"):
            return -1
        if key in _GENERIC_DEGREES or (key.endswith("er") and _graded(key, "er")):
            return d
    return -1


_GENERIC_DEGREES = {
    **dict.fromkeys(("more", "higher", "greater", "bigger", "larger"), "more"),
    **dict.fromkeys(("less", "fewer", "lower", "smaller"), "less"),
}
"""Comparatives that say only "more" or "less" of whatever is compared: "Uptake is higher
among X than Y" and "X are more likely to have had it than Y" grade one way."""


def _same_degree(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Two comparisons' degrees grade the same way: the same words, or generic comparatives
    of one direction (``_GENERIC_DEGREES``: "higher" / "more likely")."""
    if x == y:
        return True
    return bool(x and y) and _GENERIC_DEGREES.get(x[0], x[0]) == _GENERIC_DEGREES.get(y[0], "")


_COMPARISON_BREAKS = frozenset((",", ";", ":", "that", "which", "who", "but", "while"))
"""What ends the clause in which the first thing compared stands."""


def _find_reversed_comparisons(group: Group) -> list[Found]:
    """A comparison turned round ("Hospitality firms were more likely than retailers" /
    "Retailers were more likely than hospitality firms"): the things compared swap places
    while the degree stays, so the rewrite says the opposite. With the degree turned too
    ("Retailers were less likely than ...") it says the same, and is left alone."""
    if "than" not in group.keys(_A) or "than" not in group.keys(_B):
        return []
    out: list[Found] = []
    a, b = group.columns[_A], group.columns[_B]
    for x, y in _turned_round(group):
        if _same_degree(x.degree, y.degree):
            out.append(Found(_A, _OPPOSITE, a.starts[x.first], a.ends[x.last]))
            out.append(Found(_B, _OPPOSITE, b.starts[y.first], b.ends[y.last]))
    return out


def _turned_round(group: Group) -> list[tuple[_Comparison, _Comparison]]:
    """The comparisons of A and B whose things compared swap places: what only the second
    thing compared of one side has ("retailers", "older") is the first of the other's,
    and the other way round."""
    if "than" not in group.keys(_A) or "than" not in group.keys(_B):
        return []
    out = []
    for x in _comparisons(group, _A):
        for y in _comparisons(group, _B):
            only_x, only_y = x.after - y.after, y.after - x.after
            if (
                only_x
                and only_y
                and only_x <= y.before
                and only_y <= x.before
                and only_x.isdisjoint(x.before)
                and only_y.isdisjoint(y.before)
            ):
                out.append((x, y))
    return out


def _shared_near(keys: Sequence[str], i: int, near: set[str]) -> int:
    """How many words within six of ``keys[i]`` have a stem among ``near``."""
    return sum(1 for k in keys[max(0, i - 6) : i + 6] if k not in STOPWORDS and stem(k) in near)


def _of_a_whole(keys: Sequence[str], i: int) -> bool:
    """The quantifier at ``i`` is a share of a whole named after it: "of" and a determiner
    or pronoun ("all of its", "some of them", "most of the")."""
    return (
        keys[i] in _QUANTIFIER_LEVELS
        and i + 2 < len(keys)
        and keys[i + 1] == "of"
        and keys[i + 2] in _WHOLES
    )


_WHOLES = frozenset(("its", "their", "the", "them", "these", "those", "his", "her", "our"))
"""What names the whole after a quantifier and "of"."""


def _find_levels(group: Group) -> list[Found]:
    """A quantifier or a warning's colour replaced by another before the same words ("most
    of its 900,000 customers" / "almost all of its 900,000 customers", "an amber wind
    warning" / "a yellow wind warning"): how much of the whole, or how grave a warning, on
    both sides."""
    changed = {side: group.changed_keys(side) for side in _SIDES}
    if any(_LEVELS.isdisjoint(changed[side]) for side in _SIDES):
        return []  # no quantifier or colour changed on one side (a test on keys)
    columns_a, columns_b = group.columns[_A], group.columns[_B]
    keys_a, keys_b = columns_a.keys, columns_b.keys
    levels = [
        [i for i in group.changed(side) if keys[i] in _LEVELS]
        for side, keys in ((_A, keys_a), (_B, keys_b))
    ]
    out: list[Found] = []
    facing = _beside_the_same(levels[0], keys_a, levels[1], keys_b)
    if not facing and len(levels[0]) == 1 == len(levels[1]):
        # One share of a whole on each side, in a sentence rewritten around it ("recalling
        # all of its blankets" / "some of them are being recalled"): the same slot.
        a, b = levels[0][0], levels[1][0]
        if _of_a_whole(keys_a, a) and _of_a_whole(keys_b, b):
            facing = [(a, b)]
    for a, b in facing:
        if _level(keys_a, a) != _level(keys_b, b):
            first_a = a - 1 if keys_a[a] in _WHOLE and a and keys_a[a - 1] in _ALMOST else a
            first_b = b - 1 if keys_b[b] in _WHOLE and b and keys_b[b - 1] in _ALMOST else b
            out.append(Found(_A, _NUMBER, columns_a.starts[first_a], columns_a.ends[a]))
            out.append(Found(_B, _NUMBER, columns_b.starts[first_b], columns_b.ends[b]))
    return out


def _retitled(group: Group, side: Side, words: Sequence[Word], i: int) -> bool:
    """The title word at ``i`` (in lower case: "manager") is replaced by another title
    before the same name on the other side ("operations manager, Piran Feay" /
    "managing director, Piran Feay"): the hunk replacing it holds a title noun there
    that is not the same title in another gender ("spokesman" / "spokeswoman") or
    written short ("CEO")."""
    hunk = words[i].hunk
    if hunk < 0 or not all(group.hunks[hunk]):
        return False  # not a replacement: a title added or dropped is the statuses' case
    other = _OTHER[side]
    other_keys = group.keys(other)
    after = i + 2 if i + 1 < len(words) and words[i + 1].key == "," else i + 1
    if not (
        after < len(words) and words[after].raw[:1].isupper() and words[after].key in other_keys
    ):
        return False  # no name the other side writes just after the title
    mine = _ungendered(words[i].key)
    if mine in _GENERIC_TITLES:
        return False  # "boss", "chief": any title may be written so
    keys = group.keys(side)
    facing = group.words(other)
    theirs = [
        w.key
        for j, w in enumerate(facing)
        if w.hunk == hunk
        and w.key in _TITLE_NOUNS
        and w.key not in keys
        # "chief" alone is any title; "chief executive" is one
        and not (w.key in _GENERIC_TITLES and not _title_goes_on(facing, j, hunk))
    ]
    return bool(theirs) and all(
        _ungendered(key) != mine and not _abbreviated(key, keys) for key in theirs
    )


def _title_goes_on(words: Sequence[Word], j: int, hunk: int) -> bool:
    """The title word ``j`` is followed by another word of its title, in lower case and in
    the same hunk ("chief | executive"), not by a name ("boss | Constance Abara")."""
    return j + 1 < len(words) and words[j + 1].hunk == hunk and words[j + 1].raw[:1].islower()


_GENERIC_TITLES = frozenset(("boss", "chief", "head", "leader", "chair"))
"""Titles that stand for any title of the one who leads ("Athletic boss" for the club's
manager, "finance chief" for the cabinet member for finance)."""
_ANY_LEADER = _GENERIC_TITLES - {"chair"}
"""Roles any leader is called, against which a described role is no change ("who heads
the trust" / "the director of the trust"); "chair" is a role of its own there ("a volunteer
with the trust" / "who chairs the trust")."""


_NOT_LEADING = frozenset("member spokes adviser advisor aide assistant".split())
"""Roles (as ``_role_head`` gives them: "spokes" for a spokesman or spokeswoman) of those
who do not lead what they serve, for which a leader's generic title (``_ANY_LEADER``) does
not stand ("the council's cabinet member for highways" / "the council's leader")."""


def _ungendered(key: str) -> str:
    """A title without its gendered ending ("spokeswoman", "chairman": "spokes", "chair")."""
    for ending in ("woman", "man", "person"):
        if key.endswith(ending) and len(key) > len(ending) + 2:
            return key[: -len(ending)]
    return key


_ROLE_CUES = STATUS_MODIFIERS | _TITLE_NOUNS
_LATE_AFTER = _POSSESSIVES | {"the"}
"""Words before "late" when it says someone died ("the late architect", "her late husband")."""
_SAME_STATUS = {
    "ex": "former",
    "erstwhile": "former",
    "onetime": "former",
    "one-time": "former",
    "reigning": "defending",
    "sitting": "incumbent",
}
"""Status words that say the same as another: an ex-minister is a former minister, the
reigning champion the defending one, a sitting mayor the incumbent."""
_STATUS_HEADS = _TITLE_NOUNS | {"champion", "champions", "titleholder", "holder", "holders"}
"""What a status word may stand before: a title, or a title won ("the defending champion")."""


def _statuses(words: Sequence[Word], other: frozenset[str]) -> frozenset[str]:
    """The statuses the other side's keys ``other`` give, each as ``_SAME_STATUS`` says
    it ("one-time", written in three keys, is "former")."""
    found = {_SAME_STATUS.get(k, k) for k in other if k in STATUS_MODIFIERS or k in _SAME_STATUS}
    if "time" in other and "one" in other:
        found.add("former")  # "a one-time finance manager"
    return frozenset(found)


_STATUS_GATE = re.compile("|".join(map(re.escape, sorted(STATUS_MODIFIERS))))
"""Some status word as a substring of a lower-cased sentence (one C scan, not one per word)."""


def new_statuses(text: str, start: int, end: int, other_text: str) -> list[tuple[int, int]]:
    """Statuses in a sentence with no counterpart ("former President Trump") given to a
    person the other article names without that status word just before the name."""
    sentence = text[start:end]
    if _STATUS_GATE.search(sentence.lower()) is None:
        return []
    run = sentence_tokens(sentence, start)
    if STATUS_MODIFIERS.isdisjoint(run.keys):
        # The gate found a status word inside another ("late" in "later", "ex" in "next"):
        # no word is one (``_is_status``), told in C before a ``Word`` is made for each
        # token (a dated sentence "... two years later." had its 22 made, of no use).
        return []
    raws, bounds = run.raws, run.bounds
    words: list[Word] = []
    space = True
    for i, key in enumerate(run.keys):
        if key == " ":
            space = True
            continue
        words.append(Word(bounds[i], bounds[i + 1], raws[i], key, -1, space))
        space = False
    out = []
    for i, w in enumerate(words):
        if not _is_status(words, i):
            continue
        last = _title_run(words, i)
        head = words[last].raw.removesuffix("'s").removesuffix("’s")
        if not head[:1].isupper() or words[last].key in _TITLE_NOUNS:
            continue
        mentions = list(re.finditer(rf"\b{re.escape(head)}\b", other_text))
        same = {k for k, v in _SAME_STATUS.items() if v == _SAME_STATUS.get(w.key, w.key)}
        status = re.compile(rf"\b{alternation({w.key, _SAME_STATUS.get(w.key, w.key), *same})}\b")
        if (
            mentions
            and not any(
                status.search(other_text[max(0, m.start() - 40) : m.start()].lower())
                # or after it, set off: "Oyelaran, a former head teacher,"
                or (
                    _APPOSITIVE.match(other_text, m.end())
                    and status.search(other_text[m.end() : m.end() + 40].lower())
                )
                for m in mentions
            )
        ):
            out.append((w.start, words[last].end))
    return out


_TITLE_ABBREVIATIONS = {
    "ceo": ("chief", "executive"),
    "cfo": ("chief", "financial"),
    "coo": ("chief", "operating"),
    "cto": ("chief", "technology"),
    "md": ("managing", "director"),
    "pm": ("prime", "minister"),
}
"""Titles written short, and the words they stand for."""


def _abbreviated(key: str, other: frozenset[str]) -> bool:
    """The title word ``key`` is one the other side's keys write in another way: an
    abbreviation it spells out ("CEO" / "chief executive"), or a word of a title it
    abbreviates ("chief" / "CEO"), or a word it writes short, as a title is ("Councillor"
    / "Cllr", "Superintendent" / "Supt", "Sergeant" / "Sgt": ``_shortens``)."""
    spelled = _TITLE_ABBREVIATIONS.get(key)
    if spelled is not None:
        return other.issuperset(spelled)
    if any(key in words and short in other for short, words in _TITLE_ABBREVIATIONS.items()):
        return True
    return any(_shortens(short, key) for short in other if short[:1] == key[:1])


def _shortens(short: str, word: str) -> bool:
    """``short`` is ``word`` written short as titles are: its first letters ("Prof",
    "Insp"), or its first and last letters with some between, in order ("Cllr", "Supt",
    "Sgt"). Three letters at least, not the word itself, and no honorific ("Mr" is no
    "Mayor", "Dr" no "Director").

    >>> [_shortens(s, w) for s, w in [("cllr", "councillor"), ("supt", "superintendent"),
    ...     ("prof", "professor"), ("sgt", "sergeant"), ("cat", "councillor"), ("mr", "mayor")]]
    [True, True, True, True, False, False]
    """
    if not 3 <= len(short) < len(word) or not short.isalpha() or short[0] != word[0]:
        return False
    if word.startswith(short):
        return True
    if short[-1] != word[-1] or short in HONORIFICS:
        return False
    letters = iter(word)
    return all(letter in letters for letter in short)  # a subsequence, in order


def _title_initials(words: Sequence[Word], i: int, other: frozenset[str]) -> bool:
    """The capitalised title word at ``i`` is in a run of capitalised words whose initials
    the other side writes as one word ("Chief Operating Officer" / "COO", "Chief Medical
    Officer" / "CMO"): three initials at least, so that no two-word phrase reads as a
    common word."""
    first = last = i
    while first > 0 and i - first < 4 and words[first - 1].raw[:1].isupper():
        first -= 1
    while last + 1 < len(words) and last - i < 4 and words[last + 1].raw[:1].isupper():
        last += 1
    for a in range(first, i + 1):
        for b in range(max(i, a + 2), last + 1):
            if "".join(words[k].key[:1] for k in range(a, b + 1)) in other:
                return True
    return False


def _stated_elsewhere(words: Sequence[Word], i: int, other_text: str) -> bool:
    """The status at word ``i`` ("former head teacher") is in the other article too, before
    the same title, anywhere: the rewrite moved it to another sentence. Or the status is
    "former" and the other article says the person worked as one before ("worked as a
    ferry engineer before turning to writing"). Or the status is an act's participle and
    the other article tells the act ("a retired runner" / "She retired in 2010")."""
    # The title the status is given with: the first of its run ("former U.S. | leader").
    run = words[i + 1 : _title_run(words, i) + 1]
    key = words[i].key
    if key.endswith("ed") and re.search(rf"(?i)\b{re.escape(key)}\b", other_text):
        return True  # a status that an act gives ("a retired runner" / "She retired in 2010")
    if _SAME_STATUS.get(key, key) == "former":
        for w in run:
            if (w.key in _STATUS_HEADS or compiled(_OCCUPATION).fullmatch(w.key)) and re.search(
                rf"(?i)\b(?:worked|served|was|spent [\w ]{{1,20}}) as (?:an? |the )?"
                rf"(?:[\w’'-]+\s+){{0,2}}?{re.escape(w.key)}\b[^.;]{{0,40}}"
                rf"\b(?:before|until|then|later|earlier)\b",
                other_text,
            ):
                return True
    titles = [w.key for w in run if w.key in _STATUS_HEADS]
    if not titles:
        return False
    title = titles[0]
    forms = {key, _SAME_STATUS.get(key, key)} | {
        k for k, v in _SAME_STATUS.items() if v == _SAME_STATUS.get(key, key)
    }
    pattern = rf"(?i)\b(?:{alternation(forms)})\b[\s-]+(?:[\w’'-]+\s+){{0,2}}?{re.escape(title)}\b"
    return re.search(pattern, other_text) is not None


_APPOSITIVE = re.compile(r"\s*[,(—–]")
"""What sets off a description after a name ("Oyelaran, a former head teacher,")."""


def _before_shared_name(words: Sequence[Word], i: int, other: frozenset[str]) -> bool:
    """A title right before a name the other side also writes ("Superintendent Dana
    Whitlock" where the other side has "Chief Inspector Dana Whitlock")."""
    j = i + 1
    while j < len(words) and words[j].key in _TITLE_NOUNS:
        j += 1
    return j < len(words) and words[j].raw[:1].isupper() and words[j].key in other


def _merge(found: list[Found]) -> list[Found]:
    """Overlapping finds of one side and category as one."""
    out: list[Found] = []
    for f in sorted(found, key=lambda f: (f.side, f.start, -f.end)):
        if (
            out
            and out[-1].side is f.side
            and out[-1].category is f.category
            and f.start < out[-1].end
        ):
            if f.end > out[-1].end:
                out[-1] = out[-1]._replace(end=f.end)
            continue
        out.append(f)
    return out


def _find_bounds(group: Group) -> list[Found]:
    """A figure both sides of the group state, bounded on one side only, or otherwise
    ("nearly 8 per cent" / "8 per cent", "more than 40" / "40"), where the bound's words
    changed: the figure says less, or more, than it did. "About" is as good as no bound."""
    changed = {side: group.changed_keys(side) for side in _SIDES}
    if all(_BOUND_KEYS.isdisjoint(changed[side]) for side in _SIDES) and not any(
        _may_bound(changed[side]) for side in _SIDES
    ):
        return []  # no bound's words changed
    quantities = {side: group.quantities(side) for side in _SIDES}
    out = []
    for side, other in _SIDE_PAIRS:
        text = group.text[side]
        for q in quantities[side]:
            if q.bound in ("", "about") or not q.hunks:
                continue  # no bound, or its words unchanged
            if _during(text, q):
                continue  # "took part over 11 weekends": during them, maybe no bound
            same = [o for o in quantities[other] if _same_figure(q, o, bound=False)]
            if (
                same
                and not any(_same_figure(q, o, bound=True) for o in same)
                # "just over two-thirds" of "some 68.4%", beside last year's 66.1%
                and not _rounded(q, quantities[other])
            ):
                out.append(_new_tuple(Found, (side, _NUMBER, q.start, q.end)))
    return out


_SPAN_AFTER = re.compile(
    r"(?:\s+|-)(?:" + alternation(TIME_UNITS | {"weekend", "weekends"}) + r")\b", re.IGNORECASE
)
"""A unit of time just after a quantity: "over" before it may say during ("over 11
weekends"), so its dropping alone is no bound dropped."""


def _during(text: str, q: _Quantity) -> bool:
    """``q`` is "over" and a span of time ("over 11 weekends"), which may say during."""
    return text[q.start : q.start + 5].lower() == "over " and (
        q.unit in _TIME_UNIT_NAMES or bool(_SPAN_AFTER.match(text, q.end))
    )


def _opens_a_clause(text: str, at: int) -> bool:
    """The word at ``at`` opens its sentence or a clause: nothing but spaces before it,
    or the end of a sentence, a comma, a semicolon, a colon, a dash or a bracket.

    >>> _opens_a_clause("Over two days, it rained", 0), _opens_a_clause("a, over two", 3)
    (True, True)
    >>> _opens_a_clause("jailed for over two years", 11)
    False
    """
    before = text[:at].rstrip()
    return not before or before[-1] in ".!?\"'”’,;:(—–-"


def _over_a_span(
    group: Group, side: Side, q: _Quantity, others: Sequence[_Quantity], other: Side
) -> bool:
    """The one bound between ``q`` and its counterparts ``others`` is an "over" before a
    span of time (``_during``) on one side, with no bound on the other: "took part over 11
    weekends" / "spent 11 weekends"."""
    if q.bound:
        return _during(group.text[side], q) and all(not o.bound for o in others)
    text = group.text[other]
    return all(_during(text, o) for o in others if o.bound)


_BOUND_KEYS = frozenset(
    k for phrase, bound in QUANTITY_QUALIFIERS.items() if bound != "about" for k in phrase.split()
) & frozenset(("nearly", "almost", "least", "fewer", "upwards", "excess", "exactly", "precisely"))
"""Words of a bound a changed word must be for ``_find_bounds`` to look ("nearly",
"least", "fewer"): the rarer ones, which only a bound uses; the commonest ("over",
"more", "most") are read only where a figure is replaced too (``_find_figures``)."""
_COMMON_BOUNDS = (frozenset(("up", "to")), frozenset(("more", "than")), frozenset(("less", "than")))
"""The commonest bounds, as the words a side's change must hold for ``_find_bounds`` and
``might_substitute`` to look for them too ("up to £300 million" / "£300 million": no
figure is replaced). Not "over", which before a span of time is mostly "during" ("stole
it over nine years"), nor "under" and "above", most often no bound."""


def _may_bound(words: frozenset[str] | set[str]) -> bool:
    """Changed words hold all the words of one of ``_COMMON_BOUNDS``."""
    return any(bound <= words for bound in _COMMON_BOUNDS)


_SUBJECT_BREAKS = frozenset(("while", "whereas", "but", "and", "though", "although", "as"))
"""Words that end the subject read back from a verb ("Day trips rose | while overnight stays
fell")."""
_MAX_TURNED_WORDS = 60
"""Words a side beyond which a group is not read for opposites turned round."""


def _find_turned_opposites(group: Group) -> list[Found]:
    """Two opposites that both sides say, each once, of each other's subject ("Day trips
    rose while overnight stays fell" / "Overnight stays rose while day trips fell"): the
    same words, turned round, say the opposite. The four words, on both sides."""
    # Imported here: importing the engine must not load the antonym table.
    from diffreader.engine import antonyms

    # Turned round, the subjects moved: two words or more each side changed somewhere in
    # the other (most groups have none, and read no antonym).
    moved = [
        {k for k in group.changed_keys(side) if k.isalpha() and k not in STOPWORDS}
        for side in _SIDES
    ]
    if len(moved[0] & moved[1]) < 2:
        return []
    keys = {side: group.columns[side].keys for side in _SIDES}
    if any(len(k) > _MAX_TURNED_WORDS for k in keys.values()):
        return []
    once: dict[Side, dict[str, int]] = {}
    for side in _SIDES:
        counts = Counter(antonyms.lemma(k) for k in keys[side] if k.isalpha() and k.isascii())
        once[side] = {
            antonyms.lemma(k): i
            for i, k in enumerate(keys[side])
            if k.isalpha() and k.isascii() and counts[antonyms.lemma(k)] == 1
        }
    shared = once[_A].keys() & once[_B].keys()
    # Two verbs said each of the other's subject turn the facts round too, opposites or not
    # ("The county council supports the plan, but the district council has objected" /
    # "The district council supports …, but the county council has objected").
    verbs = sorted(
        w
        for w in shared
        if w not in STOPWORDS
        and _may_be_verb(w)
        and all(_a_verb_here(keys[side], once[side][w]) for side in _SIDES)
    )
    out: list[Found] = []
    for x in sorted(shared):
        opposed = antonyms.opposites(x) & shared
        for y in sorted(opposed | set(verbs if x in verbs else ())):
            if y <= x:
                continue  # each pair once
            subject = {
                (side, w): _subject_of(keys[side], once[side][w]) for side in _SIDES for w in (x, y)
            }
            ax, ay, bx, by = (subject[(s, w)] for s in _SIDES for w in (x, y))
            # What all four subjects share ("council") tells them apart from nothing.
            common = ax & ay & bx & by
            ax, ay, bx, by = ax - common, ay - common, bx - common, by - common
            if not (ax & by and ay & bx and not ax & bx and not ay & by):
                continue
            if y in opposed:
                for side in _SIDES:
                    for w in (x, y):
                        word = group.word(side, once[side][w])
                        out.append(Found(side, _OPPOSITE, word.start, word.end))
            else:
                # The verbs say nothing new: the subjects traded them.
                out.extend(_subject_words(group, keys, once, x, y, ax | ay))
    return out


def _a_verb_here(keys: Sequence[str], i: int) -> bool:
    """The word at ``i`` is used as a verb in the active voice: no determiner, figure or
    "%" just before it ("a 6% rise": a noun), no auxiliary of the passive before it and no
    "by" after it ("were treated by medical staff": its subject is what is done to)."""
    before = keys[i - 1] if i else ""
    if _counted_or_determined(before) or before in ("%", "'s"):
        return False
    if i + 1 < len(keys) and keys[i + 1] == "by":
        return False
    return _BE_FORMS.isdisjoint(keys[max(0, i - 2) : i])


def _subject_words(
    group: Group,
    keys: Mapping[Side, Sequence[str]],
    once: Mapping[Side, Mapping[str, int]],
    x: str,
    y: str,
    stems: frozenset[str],
) -> list[Found]:
    """The words of the subjects of ``x`` and ``y`` that tell them apart (``stems``), on
    both sides: what traded places."""
    out: list[Found] = []
    for side in _SIDES:
        for w in (x, y):
            for j in _subject_at(keys[side], once[side][w]):
                if stem(keys[side][j]) in stems:
                    word = group.word(side, j)
                    out.append(Found(side, _OPPOSITE, word.start, word.end))
    return out


def _subject_of(keys: Sequence[str], i: int) -> frozenset[str]:
    """The stems of the content words just before word ``i`` in its clause
    (``_subject_at``): what it is said of."""
    return frozenset(stem(keys[j]) for j in _subject_at(keys, i))


def _subject_at(keys: Sequence[str], i: int) -> list[int]:
    """The indices of the content words just before word ``i`` in its clause, up to
    ``_SWAP_REACH`` words (punctuation and ``_SUBJECT_BREAKS`` end it), nearest first."""
    out: list[int] = []
    j, seen = i - 1, 0
    while j >= 0 and seen < _SWAP_REACH:
        key = keys[j]
        if not key[:1].isalnum() or key in _SUBJECT_BREAKS:
            break
        seen += 1
        if key.isalpha() and key not in STOPWORDS:
            out.append(j)
        j -= 1
    return out


_PARTICIPANT_REACH = 5
"""Words on either side of a pivot, in its clause, read for its participants
(``_find_swapped_participants``)."""
_BE_FORMS = frozenset(("is", "are", "was", "were", "be", "been", "being", "am", "get", "got"))
"""Auxiliaries of the passive ("was beaten", "got sued")."""
_PIVOT_WORDS = frozenset(("than",))
"""Function words that relate two participants as a verb does ("bigger than")."""
_WHEN_WORDS = MONTHS | WEEKDAYS | SEASONS
"""Words of a date, no participant ("on Tuesday": when, not who)."""


def _find_swapped_participants(group: Group) -> list[Found]:
    """Two participants that trade places around the same word, in the same voice ("Harbour
    Town beat Kelso Rovers" / "Kelso Rovers beat Harbour Town", "the mayor sued the
    newspaper" / "the newspaper sued the mayor"): who did what to whom is reversed. A
    relation that holds both ways ("played", "met": ``RECIPROCAL_VERBS``) and a turn to the
    passive ("Kelso Rovers were beaten by Harbour Town") change nothing. The participants,
    on both sides."""
    moved = [
        {k for k in group.changed_keys(side) if k.isalpha() and k not in STOPWORDS}
        for side in _SIDES
    ]
    if len(moved[0] & moved[1]) < 2:
        return []  # traded places, each participant's words changed on both sides
    keys = {side: group.columns[side].keys for side in _SIDES}
    if any(len(k) > _MAX_TURNED_WORDS for k in keys.values()):
        return []
    counts = {side: Counter(keys[side]) for side in _SIDES}
    pivots: dict[Side, dict[str, int]] = {}
    for side in _SIDES:
        pivots[side] = {
            k: i
            for i, k in enumerate(keys[side])
            if counts[side][k] == 1
            and (k in _PIVOT_WORDS or (k.isalpha() and k not in STOPWORDS and _may_be_verb(k)))
            and not (i and _counted_or_determined(keys[side][i - 1]))
        }
    out: list[Found] = []
    for key_a, i_a in pivots[_A].items():
        i_b = pivots[_B].get(key_a)
        if i_b is None:
            i_b = next((j for k, j in pivots[_B].items() if _one_verb(key_a, k)), None)
            if i_b is None:
                continue
        if _reciprocal(key_a):
            continue
        (left_a, right_a), (left_b, right_b), first, second = _traded(group, i_a, i_b, counts)
        if not (first & moved[0] or second & moved[0]) or not first or not second:
            continue
        voice_a = _passive(
            keys[_A], i_a, max(left_a[k] for k in first), min(right_a[k] for k in second)
        )
        voice_b = _passive(
            keys[_B], i_b, max(left_b[k] for k in second), min(right_b[k] for k in first)
        )
        if voice_a != voice_b:
            continue  # "Kelso Rovers were beaten by Harbour Town": the same, in the passive
        between_a = set(keys[_A][min(left_a[k] for k in first) : max(right_a[k] for k in second)])
        between_b = set(keys[_B][min(left_b[k] for k in second) : max(right_b[k] for k in first)])
        if _turned_back(between_a - between_b, between_b - between_a):
            continue  # "Leeds grew faster than York" / "York grew more slowly than Leeds"
        for side, left, right in ((_A, left_a, right_a), (_B, left_b, right_b)):
            for found in (first, second):
                at = [left[k] if k in left else right[k] for k in found]
                start, end = group.word(side, min(at)).start, group.word(side, max(at)).end
                out.append(Found(side, _OPPOSITE, start, end))
        break  # one pivot says it
    return out


def _lost_in_the_passive(group: Group, a: Word, b: Word) -> bool:
    """``a`` and ``b`` are "lose" and a verb of beating in the passive ("lost two votes" /
    "has been defeated twice", "were beaten"): the one who lost is its subject both ways."""
    from diffreader.engine import antonyms  # as ``_opposite_pairs`` imports it

    lemmas = {antonyms.lemma(a.key), antonyms.lemma(b.key)}
    if "lose" not in lemmas or lemmas.isdisjoint(_BEATING):
        return False
    beaten, side = (a, _A) if antonyms.lemma(a.key) in _BEATING else (b, _B)
    starts = group.columns[side].starts
    at = bisect_left(starts, beaten.start)
    before = group.columns[side].keys[max(0, at - 2) : at]
    return not _FORMS_OF_BE.isdisjoint(before) or "got" in before or "get" in before


_BEATING = frozenset(("defeat", "beat", "outvote"))
"""Verbs whose object lost ("defeated the bill"): in the passive, their subject did."""


def _traded_round(group: Group, a: Word, b: Word) -> bool:
    """The participants of the opposites ``a`` (on side A) and ``b`` (on B) traded places
    around them (``_participants``): "The album lost to Ninefold" / "Ninefold beat the
    album" says one thing."""
    at_a = bisect_left(group.columns[_A].starts, a.start)
    at_b = bisect_left(group.columns[_B].starts, b.start)
    counts = {side: Counter(group.columns[side].keys) for side in _SIDES}
    _, _, first, second = _traded(group, at_a, at_b, counts)
    return bool(first and second)


_Around = tuple[dict[str, int], dict[str, int]]
"""The participants before and after a word (``_participants``)."""


def _traded(
    group: Group, at_a: int, at_b: int, counts: Mapping[Side, Counter[str]]
) -> tuple[_Around, _Around, set[str], set[str]]:
    """The participants around word ``at_a`` of side A and ``at_b`` of side B, and those
    that traded places: before it on A and after it on B (``first``), after it on A and
    before it on B (``second``), each nowhere else around it."""
    left_a, right_a = _participants(group, _A, at_a, counts[_A])
    left_b, right_b = _participants(group, _B, at_b, counts[_B])
    first = (left_a.keys() & right_b.keys()) - left_b.keys() - right_a.keys()
    second = (right_a.keys() & left_b.keys()) - left_a.keys() - right_b.keys()
    return (left_a, right_a), (left_b, right_b), first, second


def _may_be_verb(key: str) -> bool:
    """The related-word table gives ``key`` as a verb and no adverb (a noun alone is no
    pivot: "on Tuesday in a hospice in Lindenholme" / "in a Lindenholme hospice on Tuesday"
    reorders what is said of one act; nor is "still" one)."""
    found = parts_of_speech(key)
    if "v" in found:
        return "r" not in found
    return key.endswith("ed") and "n" not in found  # a past the table lacks ("fined")


def _counted_or_determined(key: str) -> bool:
    """A word before a pivot that makes it a noun: a figure or a determiner ("11 shots",
    "the deal")."""
    return key[:1].isdigit() or key in NUMBER_WORDS or key in _DETERMINERS


@lru_cache(maxsize=4096)
def _verb_bases(key: str) -> frozenset[str]:
    """``key`` and the bases it may be an inflection of ("beaten": "beat"; "sued": "sue")."""
    from diffreader.engine import antonyms

    return frozenset((key, antonyms.lemma(key), *antonyms.regular_bases(key, None)))


def _turned_back(only_a: set[str], only_b: set[str]) -> bool:
    """The words one side has between the participants and the other lacks turn the
    relation round again: an opposite ("faster" / "slowly", "won" / "lost", "more" /
    "fewer") or a negation on one side only."""
    from diffreader.engine import antonyms

    if not NEGATIONS.isdisjoint(only_a) or not NEGATIONS.isdisjoint(only_b):
        return True  # the words are each side's alone: a negation there is on one side only
    # Each word, its lemma and, for an adverb, its adjective ("slowly": "slow").
    forms = [
        {f for k in words if k.isalpha() for f in (k, antonyms.lemma(k), k.removesuffix("ly"))}
        for words in (only_a, only_b)
    ]
    return any(not antonyms.opposites(k).isdisjoint(forms[1]) for k in forms[0])


def _one_verb(first: str, second: str) -> bool:
    """``first`` and ``second`` may be forms of one verb ("beat" / "beaten")."""
    return not _verb_bases(first).isdisjoint(_verb_bases(second))


def _reciprocal(key: str) -> bool:
    """``key`` is a relation that holds both ways (``RECIPROCAL_VERBS``), inflected or not."""
    return not _verb_bases(key).isdisjoint(RECIPROCAL_VERBS)


def _passive(keys: Sequence[str], i: int, before: int, after: int) -> bool:
    """The clause of the pivot at ``i``, between its participants at ``before`` and
    ``after``, is in the passive: an auxiliary of the passive before the pivot ("was
    narrowly beaten", "must still be approved") or "by" after it ("hit by a car")."""
    return not _BE_FORMS.isdisjoint(keys[before + 1 : i]) or "by" in keys[i + 1 : after]


def _participants(
    group: Group, side: Side, i: int, counts: Counter[str]
) -> tuple[dict[str, int], dict[str, int]]:
    """The participants before and after the pivot at ``i`` in its clause, within
    ``_PARTICIPANT_REACH`` words (punctuation ends the reach): each a content word said
    once on its side, and a name (capitalised) or a noun after a determiner ("the mayor",
    "its rival"); by key, with its index."""
    keys = group.columns[side].keys
    text = group.text[side]
    starts = group.columns[side].starts
    found: list[dict[str, int]] = []
    for step in (-1, 1):
        here: dict[str, int] = {}
        j, seen = i + step, 0
        while 0 <= j < len(keys) and seen < _PARTICIPANT_REACH:
            key = keys[j]
            if not key[:1].isalnum():
                break
            seen += 1
            if (
                key.isalpha()
                and key not in STOPWORDS
                and key not in _WHEN_WORDS
                and counts[key] == 1
            ):
                named = text[starts[j]].isupper()
                after = j and (keys[j - 1] in _DETERMINERS or keys[j - 1] == "'s")
                if named or after:
                    here[key] = j
            j += step
        found.append(here)
    return found[0], found[1]


_SWAP_REACH = 3
"""Words on either side of a figure, in its clause, whose content words say what it counts
(``_figure_anchors``: "78% | voted in favour", "a turnout | of 61%")."""


def _find_swapped_figures(group: Group) -> list[Found]:
    """Two figures of one kind that both sides state, each once, each beside the words the
    other stands beside on the other side ("78% voted in favour on a turnout of 61%" / "61%
    voted in favour on a turnout of 78%"): the figures traded places, and each claim now
    has the other's. The four figures, on both sides."""
    # Traded, each figure's words changed on both sides (the diff replaces one by the
    # other), and the two values are changed figures of both sides: most groups of
    # changed figures state new values, and read no words around them. Two changed keys
    # of figures on both sides first: most groups' quantities are not read here.
    digits = [
        {k for k in group.changed_keys(side) if k[:1].isdigit() or k in NUMBER_WORDS}
        for side in _SIDES
    ]  # or number words: "Two people died and five were hurt" / "Five … and two …"
    if len(digits[0] & digits[1]) < 2:
        return []
    changed: dict[Side, dict[tuple[float, str, str], _Quantity]] = {}
    for side in _SIDES:
        found: dict[tuple[float, str, str], _Quantity] = {}
        for q in group.quantities(side):
            if q.hunks and not q.bound:
                found[(q.value, q.currency, q.unit)] = q
        changed[side] = found
    shared = sorted(changed[_A].keys() & changed[_B].keys())
    if len(shared) < 2:
        return []
    counts = {
        side: Counter((q.value, q.currency, q.unit) for q in group.quantities(side))
        for side in _SIDES
    }
    shared = [k for k in shared if counts[_A][k] == 1 and counts[_B][k] == 1]
    out: list[Found] = []
    for i, x in enumerate(shared):
        for y in shared[i + 1 :]:
            if x[1:] != y[1:]:
                continue  # "£4m" and "40%" do not trade places
            ax, ay, bx, by = (
                _figure_anchors(group, side, changed[side][key])
                for side in _SIDES
                for key in (x, y)
            )
            if ax & by and ay & bx and not ax & bx and not ay & by:
                out += [
                    Found(side, _NUMBER, q.start, q.end)
                    for side in _SIDES
                    for q in (changed[side][x], changed[side][y])
                ]
    return out


def _figure_anchors(group: Group, side: Side, q: _Quantity) -> frozenset[str]:
    """The stems of the content words within ``_SWAP_REACH`` words of the figure ``q``, in
    its clause (punctuation and a conjunction, ``_SUBJECT_BREAKS``, end the reach: "Two
    people died | and five were injured"; figures and stop words are no anchors)."""
    columns = group.columns[side]
    keys = columns.keys
    first = bisect_left(columns.starts, q.start)
    last = max(first, bisect_left(columns.ends, q.end))
    out: set[str] = set()
    for step, begin in ((-1, first - 1), (1, last + 1)):
        j, seen = begin, 0
        while 0 <= j < len(keys) and seen < _SWAP_REACH:
            key = keys[j]
            if not key[:1].isalnum() or key in _SUBJECT_BREAKS:
                break
            seen += 1
            if key.isalpha() and key not in STOPWORDS and key not in _QUANTITY_WORDS:
                out.add(stem(key))
            j += step
    return frozenset(out)


SUBSTITUTIONS: tuple[Substitution, ...] = (
    Substitution("negation", (ClaimCategory.NEGATION,), _find_negations),
    Substitution("opposite", (ClaimCategory.OPPOSITE,), _find_opposites),
    Substitution("reversed comparison", (ClaimCategory.OPPOSITE,), _find_reversed_comparisons),
    Substitution("turned opposites", (ClaimCategory.OPPOSITE,), _find_turned_opposites),
    Substitution("swapped participants", (ClaimCategory.OPPOSITE,), _find_swapped_participants),
    Substitution("hedge", (ClaimCategory.HEDGE,), _find_hedges),
    Substitution("date", (ClaimCategory.DATE,), _find_dates),
    Substitution("figure", (ClaimCategory.NUMBER,), _find_figures),
    Substitution("rank", (ClaimCategory.NUMBER,), _find_ranks),
    Substitution("swapped figures", (ClaimCategory.NUMBER,), _find_swapped_figures),
    Substitution("bound", (ClaimCategory.NUMBER,), _find_bounds),
    Substitution("level", (ClaimCategory.NUMBER,), _find_levels),
    Substitution("price", (ClaimCategory.NUMBER,), _find_prices),
    Substitution("rate period", (ClaimCategory.NUMBER,), _find_rate_periods),
    Substitution("period word", (ClaimCategory.NUMBER,), _find_period_words),
    Substitution("role", (ClaimCategory.ROLE,), _find_roles),
    Substitution("described role", (ClaimCategory.ROLE,), _find_described_roles),
    Substitution("person's role", (ClaimCategory.ROLE,), _find_person_roles),
    Substitution("changed role", (ClaimCategory.ROLE,), _find_changed_roles),
    Substitution("replaced person", (ClaimCategory.ROLE,), _find_replaced_people),
    Substitution("name", tuple(sorted(_NAME_CATEGORIES)), _find_names),
)
"""The substitutions ``find_substitutions`` runs, in order; where two find overlapping
spans of one side, the earlier entry keeps its span (a date before the figure in it, a
role before the name in it)."""


_ONE_SIDED = frozenset(
    (
        *NEGATIONS,
        "yet",
        "still",
        "failure",
        *NEGATING_VERBS,
        *INFINITIVE_NEGATORS,
        *DENIAL_VERBS,
        *STATUS_MODIFIERS,
        *_HEDGE_CUES,
        *_BOUND_KEYS,
    )
)
"""Words that make a substitution even when the other side replaces nothing."""
_FIGURE_WORDS = frozenset(
    (*NUMBER_WORDS, *SCALE_WORDS, *MEASURE_UNITS, *TIME_UNITS, *UNIT_EQUIVALENTS)
).union(*(phrase.split() for phrase in QUANTITY_QUALIFIERS)).union(
    _MONTH_INDEX, WEEKDAYS, SEASONS, CALENDAR_PERIODS
) - {"a", "an", "to", "no", "in", "at", "as", "some", "this"}
"""Words of a figure, a bound or a date, common function words aside."""
_GATE_WORD = re.compile(r"[a-z]+(?:['’]t)?")
_ENDS_NOT = operator.methodcaller("endswith", ("n't", "n’t"))
_CAPITALISED = re.compile(r"\b[A-Z][\w.'’-]*")


def _names_a_person(words: frozenset[str] | set[str]) -> bool:
    """Some word of ``words`` names what a person does ("lifeguard", "nurse"): the few with
    a person's ending are picked in C, and only they are looked up (``person_noun``)."""
    if not words.isdisjoint(PERSON_NOUNS):
        return True
    return any(map(person_noun, filter(_ENDS_AS_A_PERSON, words)))


@lru_cache(maxsize=1)
def _before_a_title() -> re.Pattern[str]:
    """A word or two, then a title ("| executive | director", "| Operations Director"):
    built when first asked (its alternation of titles costs the engine's import 0.6 ms)."""
    title = alternation(k for k in _TITLE_NOUNS if k.isalpha())
    return re.compile(rf"(?i)[ \t]+(?:[a-z]+[ \t]+)?{title}s?\b")


def before_a_title(text: str, runs: Sequence[tuple[int, int]]) -> bool:
    """Some changed run (``runs``, spans of ``text``) ends a word or two before a title
    ("the theatre's | executive | director"): a title's qualifier replaced, which
    ``might_substitute``, reading the changed words alone, cannot see."""
    match = _before_a_title().match
    return any(match(text, end) for _, end in runs)


def might_substitute(deleted: str, inserted: str) -> bool:
    """Whether a group whose word diff deletes ``deleted`` and inserts ``inserted`` (the
    changed stretches, joined) can hold a substitution: a cheap test that spares most
    reworded groups building a ``Group``.
    """
    words = [set(_GATE_WORD.findall(text.lower())) for text in (deleted, inserted)]
    either = words[0] | words[1]
    # The tests on every word and every character run in C (``map``), with no Python
    # step per word or character: a long group of random letters changes thousands.
    if any(map(_ENDS_NOT, either)):
        return True
    if not either.isdisjoint(_ONE_SIDED):
        return True
    if not either.isdisjoint(_SAID_TO) and not either.isdisjoint(_BE_HAVE):
        return True  # "is reported to be" changed, its "to" maybe not: a hedge may be there
    if _may_bound(words[0]) or _may_bound(words[1]):
        return True  # a bound dropped, added or changed ("up to £300 million" / "£300 million")
    if not deleted or not inserted:
        return False  # nothing replaced
    figure = [
        any(map(str.isdigit, text)) or not side.isdisjoint(_FIGURE_WORDS) or cjk.has_cjk(text)
        for text, side in zip((deleted, inserted), words, strict=True)
    ]
    article = [not side.isdisjoint(("a", "an")) for side in words]
    if (figure[0] or article[0]) and (figure[1] or article[1]) and (figure[0] or figure[1]):
        return True  # a figure, a bound or a date replaced ("a dozen" → "two dozen")
    names = [
        {w for w in _CAPITALISED.findall(text) if w.lower() not in STOPWORDS}
        for text in (deleted, inserted)
    ]
    if names[0] and names[1] and names[0] != names[1]:
        return True  # a name or a title replaced
    if not words[0].isdisjoint(_TITLE_NOUNS) and not words[1].isdisjoint(_TITLE_NOUNS):
        return True  # a title in lower case replaced ("operations manager" / "director")
    if not either.isdisjoint(_PERIOD_ADJECTIVES):
        return True  # a rate's period in one word changed ("monthly bills" / "£3.50 a year")
    if not words[0].isdisjoint(_LEVELS) and not words[1].isdisjoint(_LEVELS):
        return True  # a quantifier or a warning's colour replaced ("most" / "almost all")
    if ("free" in words[0] and not words[1].isdisjoint(_PRICE_KEYS)) or (
        "free" in words[1] and not words[0].isdisjoint(_PRICE_KEYS)
    ):
        return True  # free on one side, paid for on the other
    if _names_a_person(words[0]) and _names_a_person(words[1]):
        return True  # what a named person does, replaced ("lifeguard" / "harbourmaster")
    if ("who" in words[0] and not words[0].isdisjoint(_ROLE_VERBS)) or (
        "who" in words[1] and not words[1].isdisjoint(_ROLE_VERBS)
    ):
        return True  # a role given by a verb ("a volunteer with" / "who chairs")
    if not words[0].isdisjoint(_ROLE_VERBS) and not words[1].isdisjoint(_ROLE_VERBS):
        return True  # the verb alone replaced ("who chairs" / "who founded")
    if ("should" in words[0] and not words[1].isdisjoint(_SURE)) or (
        "should" in words[1] and not words[0].isdisjoint(_SURE)
    ):
        return True  # "should start to fall" / "will start to fall": an expectation made sure
    if _any_negated_by_prefix(words[0], words[1]) or _any_negated_by_prefix(words[1], words[0]):
        return True  # a word replaced by itself negated ("lawful" / "unlawful")
    if any(
        _compound_opposite(w) in words[1] for w in words[0] if w.startswith(_OPPOSITE_PREFIX_STARTS)
    ):
        return True  # "northbound" / "southbound"
    from diffreader.engine import antonyms

    # A word and its lemma: "outer" is an opposite of "inner", whose lemma is "out".
    lemmas = {antonyms.lemma(w) for w in words[1]} | words[1]
    return any(not antonyms.opposites(w).isdisjoint(lemmas) for w in words[0])


def might_swap(deleted: str, inserted: str) -> bool:
    """Whether a group whose word diff deletes ``deleted`` and inserts ``inserted`` can hold
    two participants traded round (``_find_swapped_participants``): two content words at
    least that both sides changed, each moved to the other's place. Asked of a group that
    ``might_substitute`` turned down, which runs this one check alone."""
    words = [set(_GATE_WORD.findall(text.lower())) for text in (deleted, inserted)]
    return len((words[0] & words[1]) - STOPWORDS) >= 2


def find_swaps(group: Group) -> list[Found]:
    """``find_substitutions`` for a group that only ``might_swap``: participants traded
    round a verb, subjects traded between two."""
    return _find_swapped_participants(group) or _find_turned_opposites(group)


def find_substitutions(group: Group) -> list[Found]:
    """What the group replaced, by the table ``SUBSTITUTIONS``, in text order per side."""
    kept: list[Found] = []
    spans: dict[Side, list[tuple[int, int]]] = {_A: [], _B: []}
    for substitution in SUBSTITUTIONS:
        for f in substitution.find(group):
            taken, start, end = spans[f.side], f.start, f.end
            for s, e in taken:  # a plain loop: a generator costs more than its few tests
                if s < end and start < e:
                    break  # overlaps a span an earlier entry (or find) kept
            else:
                kept.append(f)
                taken.append((start, end))
    kept.sort(key=_SIDE_AND_START)
    return kept


_SIDE_AND_START = operator.itemgetter(0, 2)
"""A ``Found``'s (side, start), read in C."""
