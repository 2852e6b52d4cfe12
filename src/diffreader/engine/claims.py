"""Provides the editorial layer: added claims in B and dropped details in A.

A word diff says which words changed; this module says which changes *matter*. A
change is a claim only when the other article does not support it anywhere:

- facts: numbers, dates, durations ("over two years"), proper names (people, places,
  organisations), roles ("head of the sovereign wealth fund"); a fact is supported when
  the other article has the same value or name (``Washington`` is supported by ``US``);
- quotations: new or altered ones (from quotes.py);
- assertions: a whole added (dropped) sentence, or an inserted (deleted) clause inside
  a reworded group that brings at least three informative words the other article
  lacks. Attribution and filler ("made the claim on social media", "notably") is
  rewording, not a claim.

The same rules run in both directions, so swapping A and B swaps added and dropped.

Facts come from a table, ``DETECTORS``: one ``Detector`` per kind of fact, with its
category, its priority and two functions (``find`` its candidates in a sentence, check
whether the other article ``supported`` one). ``find_facts`` runs every detector and
``resolve_overlaps`` settles contested spans by priority, highest first:

    =========  ============  ========  ==================================================
    detector   category      priority  wins over
    =========  ============  ========  ==================================================
    duration   duration      50        the number inside it ("two years", not "two")
    date       date          40        numbers and names inside it ("March 5, 2024")
    number     number        30        a role or a name it overlaps
    role       role          20        the names inside it ("head of the World Bank")
    name       name, person, 10        (refined by ``_name_category``)
               place, organisation
    =========  ============  ========  ==================================================

Quotations and assertions are no detectors: they hold facts rather than compete with
them (a figure inside a dropped quotation nests under it). Word lists live in
lexicon.py. In a sentence holding kana or Han characters, the number, date and duration
detectors also read Chinese and Japanese facts (3人, 二倍, 2026年11月30日, 下月, 两年:
engine/cjk.py), checked by what they state, whatever the writing (二倍 is 2倍, 三倍 is
not). To add a kind of fact: add a ``ClaimCategory`` value, a ``Detector`` entry (if its
facts can start with a lower-case word, add that word's list to ``_FACT_WORD`` too), and
its examples to tests/engine/test_detectors.py.

API:
    find_claims(doc_a, doc_b, pairs, quotes) -> list[Claim]
    find_facts(text, start, end, names) -> list[Fact]
    DETECTORS, Detector, Stretch, resolve_overlaps(found, start, end) -> list[Fact]
    names_in_use(doc) -> frozenset[str]
    Support, Fact
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import operator
import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, compress, repeat
from types import MappingProxyType
from typing import NamedTuple, cast

from diffreader.engine import cjk, parallel, synonyms
from diffreader.engine.lexicon import (
    ADDRESSES,
    AFTER_A_SHARE,
    CALENDAR_PERIODS,
    CAPITALISED_ADJECTIVES,
    CLAUSE_CONJUNCTIONS,
    COMMON_ACRONYMS,
    DATE_MODIFIERS,
    DURATION_QUALIFIERS,
    EVENTS,
    FILLER,
    FRACTIONS,
    HOLIDAY_KEYS,
    HOLIDAY_NAMES,
    HOLIDAY_PATTERN,
    HOLIDAYS,
    MEDIA_HEADS,
    MONTH_NAMES,
    MONTH_NUMBERS,
    MONTHS,
    MOVABLE_FEASTS,
    NAME_PARTICLES,
    NAMED_TIMES,
    NEWS_AGENCIES,
    NUMBER_WORDS,
    NUMBERS_NEVER_ALONE,
    ORGANISATION_HEADS,
    PLACE_EQUIVALENTS,
    PLACE_PREPOSITIONS,
    PLACES,
    QUANTITY_QUALIFIERS,
    REPORTING_VERBS,
    ROLE_NOUNS,
    SCALE_WORDS,
    SEASON_MONTHS,
    SEASONS,
    SENTENCE_OPENERS,
    STOPWORDS,
    TIME_UNITS,
    TITLE_WORDS,
    VAGUE_QUANTITIES,
    WEAK_NUMBER_WORDS,
    WEEKDAY_ORDER,
    WEEKDAYS,
    alternation,
    holiday_date,
    title_length,
)
from diffreader.engine.model import (
    Claim,
    ClaimCategory,
    ClaimKind,
    Document,
    Op,
    Pair,
    Quote,
    QuoteStatus,
    SentenceKind,
    Side,
    Status,
    WordOp,
)
from diffreader.engine.segment import (
    is_correction_note,
    stamp_date,
    stamp_month,
    stamp_year,
    weekday_near,
)
from diffreader.engine.substitutions import (
    CLOCK_SPAN,
    DAYS_A_MONTH,
    DAYS_OFF_A_MONTH,
    DEMONYM_OF,
    JUST_PAST,
    MINUTE_SPAN,
    ONE_YEAR,
    SMALLER_UNITS,
    YEAR_OFFSETS,
    Group,
    before_a_title,
    clock_minutes,
    clock_span_hours,
    demonym_forms,
    find_substitutions,
    find_swaps,
    has_size,
    hour_opening_a_range,
    just_past,
    measure_after,
    measures_in,
    might_substitute,
    might_swap,
    months_in_days,
    months_in_weeks,
    new_statuses,
    plain_number,
    rate_counts,
    rate_spans,
    rounding_step,
    rounds_to,
    same_measure,
    share_rounds,
    share_stands_for,
    weeks_in_months,
)
from diffreader.engine.text import (
    compiled,
    content_stems,
    escape_spans,
    is_word,
    keys_as_tokens,
    run_word_key_set,
    sentence_tokens,
    stem,
    word_flags,
    word_key_set,
    word_keys,
)

__all__ = [
    "DETECTORS",
    "Detector",
    "Fact",
    "Stretch",
    "Support",
    "find_claims",
    "find_facts",
    "names_in_use",
    "resolve_overlaps",
    "spans_of_time",
    "times_of_day",
]

# ---------------------------------------------------------------------------
# Patterns, built from the word lists of lexicon.py


def _led_by(chars: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` for a pattern whose every match starts with one of
    ``chars`` (the inside of a character class), checked first.

    Python's regex engine tries the whole pattern at every position of the text; the one
    character check rules out most positions at once (two to three times faster on prose).
    tests/engine/test_claims.py checks each such pattern against its plain form.
    """
    return re.compile(f"(?=[{chars}])(?:{pattern})", flags)


_UNITS = alternation(TIME_UNITS)
_SINGULAR_UNITS = alternation(w for w in TIME_UNITS if not w.endswith("s"))
_NUM = (
    r"(?:\d+(?:[.,]\d+)*|"
    + alternation([*NUMBER_WORDS, *VAGUE_QUANTITIES, "a", "an", "another"])
    + ")"
)
_QUALIFIER = rf"(?:(?:{alternation(DURATION_QUALIFIERS)})\s+)?"
_SCALE = alternation(SCALE_WORDS)
_PART_OF_A_UNIT = r"(?:(?:a|one|three)[\s-]+)?quarters?\s+of\s+an?"
"""A share of the unit after it: "a quarter of an hour", "three quarters of a mile", and
"quarter of an hour" after another word ("every quarter of an hour")."""
_AND_A_PART = r"\s+and\s+(?:a\s+half|a\s+quarter|three[\s-]quarters)\b"
"""A share of the unit before it: "a year and a half", "an hour and a quarter"."""
_DURATION = re.compile(
    # Not the end of a span of two years ("the 2019-20 season", "in 2024/25"), nor a year
    # before one of its units ("its 2030 season", "the 2029 year-end"): a date.
    rf"(?<!\d\d\d\d[-/–])\b(?!(?:1[89]|20)\d\d[\s-]+(?:{_SINGULAR_UNITS})\b)"
    rf"{_QUALIFIER}(?:{_NUM}(?:[\s-]+(?:{_SCALE}))?"
    rf"(?:[\s-]+(?:and a half|full|long|further|extra|additional|more))?"
    rf"|half an?|{_PART_OF_A_UNIT})[\s-]+(?:{_UNITS})\b(?:{_AND_A_PART})?(?:\s+ago)?",
    re.IGNORECASE,
)
_SEASON_PREPOSITIONS = "in|by|from|until|since|during|over|through|before|after"
_SEASON_BY_ITSELF = "in|by|until|since|during|before|after"
"""The prepositions that make a season without its year a date: not "from" or "over"
("water from the spring")."""
_SEASON_WORDS = alternation(
    [*(w for w in SEASONS if w != "fall"), *(w.capitalize() for w in SEASONS if w != "fall")]
)
_DATE_BODY = (
    r"(?:(?:"
    + alternation(DATE_MODIFIERS)
    + r")[\s-]+(?:"
    + alternation(MONTHS | WEEKDAYS | SEASONS | CALENDAR_PERIODS)
    + r")"
    r"|(?:(?:on|in|since|by|from|until)\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:"
    + alternation(m.capitalize() for m in MONTHS)
    + r")\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?"
    r"|(?:(?:on|since|by|from|until)\s+)?(?:" + alternation(d.capitalize() for d in WEEKDAYS) + r")"
    # A season with its year ("spring 2029", "the autumn of 2029"; "fall" only so: it is
    # a verb far more often), or after a preposition ("in the spring", "by summer").
    rf"|(?:(?:{_SEASON_PREPOSITIONS})\s+)?(?:the\s+)?(?:{_SEASON_WORDS}|[Ff]all)(?:\s+of)?"
    r"\s+(?:1[89]\d\d|20\d\d)"
    rf"|(?:{_SEASON_BY_ITSELF})\s+(?:the\s+)?(?:{_SEASON_WORDS})"
    r"|(?:in\s+)?(?:1[89]\d\d|20\d\d)s?"
    r"|\d{4}-\d{2}-\d{2}"
    # A holiday on a fixed day ("before Christmas Eve", "on St Patrick's Day").
    rf"|(?:(?:on|by|before|until|since|from|after|over)\s+)?{HOLIDAY_PATTERN})\b"
)
_DATE_OPENERS = sorted(
    {w[:2] for w in (*DATE_MODIFIERS, "on", "in", "since", "by", "from", "until")}
    | {w[:2] for w in _SEASON_PREPOSITIONS.split("|")}
    | {w[:2] for w in ("the", *SEASONS)}
    | {w.capitalize()[:2] for w in MONTHS | WEEKDAYS | SEASONS}
    | {f[:2] for w in (*HOLIDAYS, "saint") for f in (w, w.capitalize(), w.upper())}
)
"""The first two letters of every word a date can start with ("la" for "last week"): a
word that starts a date in ``_DATE_BODY`` has its first two letters here."""
_DATE = _led_by(
    "".join(sorted({w[0] for w in _DATE_OPENERS})) + r"\d",
    rf"\b(?=(?:{'|'.join(_DATE_OPENERS)}|\d)){_DATE_BODY}",
)
"""A date: ``\\b`` and ``_DATE_BODY``, tried only where one of its words starts."""
_DATE_YEAR = _led_by(r"i\d", r"\b(?:(?:in\s+)?(?:1[89]\d\d|20\d\d)s?|\d{4}-\d{2}-\d{2})\b")
"""The two alternatives of ``_DATE_BODY`` that need no date word (a year, an ISO date),
on their own: in a stretch without a month, weekday, season or calendar period (most
sentences of figures hold a year and none of them), ``_DATE`` finds what this finds, at
half the cost (tested)."""


_FIGURE = (
    r"(?:[$€£¥]\s?)?\b\d+(?:[.,]\d+)*"
    r"(?:(?:st|nd|rd|th|s|m|bn|k)\b|\s*%|\s+per\s?cent\b|\s+percent\b|\b|°?[A-Za-z]{1,4}\b)"
    r"(?:\s+(?:million|billion|trillion|thousand|hundred)\b)?"
)
_DIGIT_WORDS = "one two three four five six seven eight nine".split()
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_TENS_SET = frozenset(_TENS)
_SPELLED = (
    r"\b(?:"
    + rf"(?:{alternation(_TENS)})[\s-](?:{alternation(_DIGIT_WORDS)})\b|"  # "forty-seven"
    + alternation(NUMBER_WORDS.keys() - NUMBERS_NEVER_ALONE)
    + r")(?:[\s-]+(?:largest|biggest|smallest|highest|lowest|richest|round|time|term|"
    r"million|billion|thousand|hundred|per\s?cent|percent|"
    + alternation(f for f in FRACTIONS if f.endswith("s"))
    + r"))?\b"
)
_NUMBER = re.compile(f"{_FIGURE}|{_SPELLED}", re.IGNORECASE)
"""A number: a figure (with its currency, suffix or unit) or a number word."""
# The two halves on their own. A figure starts with a currency sign or a digit and a
# number word with a letter, so the two never start at the same place; a number word
# inside a figure ("5 thousand") is dropped as finditer over ``_NUMBER`` would.
# The figure half opens with that first character's class, which the regex engine scans
# for in C (see ``_NAME``): a currency sign and its figure, or a digit with no word
# character before it.
_NUMBER_FIGURE = re.compile(
    _FIGURE.replace(
        r"(?:[$€£¥]\s?)?\b\d+",
        r"[$€£¥\d](?:(?<=[$€£¥])\s?(?=\d)\d+|(?<=\d)(?<!\w\d)\d*)",
        1,
    ),
    re.IGNORECASE,
)
_NUMBER_SPELLED = _led_by(
    "".join(sorted({w[0] for w in NUMBER_WORDS.keys() - NUMBERS_NEVER_ALONE})),
    _SPELLED,
    re.IGNORECASE,
)
_ROLE = re.compile(
    rf"\b(?:{alternation(ROLE_NOUNS)})\s+(?:of|for)\s+(?:the\s+)?(?P<np>[^,.;:()“”\"]{{3,80}}?)"
    r"(?=[,.;:()“”\"]|\s+(?:and|who|which|that|has|have|had|is|was|said|made|on|in)\b|$)",
    re.IGNORECASE,
)
_NAME_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w-]*(?:&[A-Z][\w-]*)*(?:['’][A-Z][\w-]*)?\.?)"
"""A capitalised word of a name: "Halden", "O'Neill", "U.S.", "St.", and capitals joined by an
ampersand ("B&Bs", "P&O", "AT&T")."""
_NAME_REST = (
    rf"(?:\s+(?:(?:{alternation(NAME_PARTICLES | {'of', 'the', 'for'})})\s+)?{_NAME_WORD})*"
)
"""The words after a name's first: capitalised words, with particles, "of", "the" and "for"
between them (not an ampersand: "Roosevelt & Churchill" are two)."""
_NAME = re.compile(
    rf"[A-Z](?:\.(?:[A-Z]\.)+|[\w-]*(?:&[A-Z][\w-]*)*(?:['’][A-Z][\w-]*)?\.?){_NAME_REST}"
)
"""A run of capitalised words: ``_NAME_WORD`` and ``_NAME_REST``, with the first word's
capital taken out in front. A pattern that opens with a character class is searched for
by the regex engine's own scan, about twice as fast as trying it at every position."""
_GENERIC = frozenset(stem(w) for w in FILLER)
_CLOCK_AND_CALENDAR_UNITS = frozenset(
    ("second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade")
)
"""The units of time that measure a span and little else ("round", "term", "season" and
"century" name other things too: "the 19th round of sanctions")."""
_FIGURE_WORDS = frozenset(
    [
        *NUMBER_WORDS,
        *SCALE_WORDS,
        "per",
        "cent",
        "percent",
        *NAMED_TIMES,
        *(w for w in TIME_UNITS if w.rstrip("s") in _CLOCK_AND_CALENDAR_UNITS),
        "ago",
    ]
)
"""Words of figures, which the netting of a reworded clause does not count: the figures'
detectors judge a figure, written in words or digits ("five per cent", "5%"; "noon",
"12pm"), and a span of time's ("four years ago", "in 2026"), once."""
_VAGUE = re.compile(rf"(?:{alternation(VAGUE_QUANTITIES)})\b", re.IGNORECASE)
_PLACE_BEFORE = re.compile(rf"\b(?:{alternation(PLACE_PREPOSITIONS)})\s+$")

# ---------------------------------------------------------------------------
# Support: what one article contains, for checking the other's facts against it


_MAY_HOLD_FACT = re.compile(r"[A-Z0-9$€£¥%]")
"""A changed stretch without these cannot hold a name, a figure or a date written in
digits; nor a Chinese or Japanese fact without a character of ``cjk.FACT_CHARACTERS``
(``cjk.has_cjk``; but for a unit in small Latin letters, 3km → 3kg, which the
substitution layer reads)."""
_FACT_WORD = re.compile(
    r"\b(?:"
    + alternation([*NUMBER_WORDS, *MONTHS, *WEEKDAYS, *SEASONS, "last", "next", "ago", *ROLE_NOUNS])
    + r"|[ap]\.?m)\b"
)
"""Lower-case words that can start a fact: number words, dates, roles; and the half of the
day that ends a time ("2.15am" / "2.15pm")."""
_UNIT_WORD = re.compile(rf"\b(?:{_UNITS})\b", re.IGNORECASE)
_UNIT_WORD_LOWER = re.compile(rf"\b(?:{_UNITS})\b")
_VALUE_BEFORE_LOWER = re.compile(rf"\b({_NUM})(?:[\s-]+(\w+))?[\s-]+\Z")
"""For lower-cased text: a unit word, and the value read just before it ("two full |years"),
with the word between (a scale: "a hundred |years")."""
_HAS_NUMBER = re.compile(r"\d|\b(?:" + alternation(NUMBER_WORDS) + r")\b", re.IGNORECASE)


_AFTER_UNIT = 20
"""Characters a duration runs on after its unit word at most: " and three-quarters",
" and a half ago"."""


def _durations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of durations in ``text[start:end]``, found from their unit word backwards;
    a span in two units is one ("six years and six months").

    Searching for the rare unit word first and then matching the short stretch before
    it is much faster than trying the whole pattern at every word of a long article.
    """
    out: list[tuple[int, int]] = []
    last = start
    for unit in _UNIT_WORD.finditer(text, start, end):
        if unit.start() < last:
            continue  # the second unit of a span in two units
        window = max(last, unit.start() - 48)
        for match in _DURATION.finditer(text, window, min(end, unit.end() + _AFTER_UNIT)):
            if _in_a_ratio(text, match.start()):
                continue  # "fewer than one in twenty rounds": a share, no span of time
            if match.start() >= last and match.end() >= unit.end():
                stop, word = match.end(), unit.group()
                while (part := _compound_part(text, word, stop, end)) is not None:
                    stop, word = part.end(), part.group(2)  # "2 hours, 21 minutes and 4 seconds"
                out.append((match.start(), stop))
                last = stop
                break
    return out


def _in_a_ratio(text: str, at: int) -> bool:
    """The duration found at ``at`` opens with "in" after a ratio's part ("one in twenty
    rounds", "1 in 10 years": ``_RATIO_PART``): a ratio's whole, no span of time."""
    if text[at : at + 3].lower() != "in ":
        return False
    before = text[max(0, at - 12) : at].rstrip().lower()
    return compiled(_RATIO_PART).search(before) is not None


def spans_of_time(text: str) -> list[tuple[int, int, str]]:
    """Each span of time ``text`` states (``_durations``), with its value in its base unit
    as one key, whatever its words: "18 months" and "a year and a half" are "18 month",
    "80 years" and "eight decades" "80 year", "15 minutes" and "a quarter of an hour" "0.25
    hour".

    >>> [key for *_, key in spans_of_time("It took a year and a half, not 18 months.")]
    ['18 month', '18 month']
    """
    out: list[tuple[int, int, str]] = []
    for start, end in _durations(text, 0, len(text)):
        value, unit = _in_base_unit(_duration_key(text[start:end]))
        out.append((start, end, f"{value} {unit}"))
    return out


def times_of_day(text: str) -> list[tuple[int, int, int]]:
    """Each time of day ``text`` states, with its minutes after midnight, whatever its
    form: "1.40am", "01:40" and "1:40 a.m." are 100, "6pm" and "18:00" 1080, "noon" 720.

    >>> [m for *_, m in times_of_day("The first call came at 1.40am, the last at 18:00.")]
    [100, 1080]
    """
    out: list[tuple[int, int, int]] = []
    for time in _TIME.finditer(text):
        minutes = _minutes_of(time)
        if minutes is not None:
            out.append((time.start(), time.end(), minutes))
    return out


_COMPOUND_PART = re.compile(rf"(?i)(?:,? and |, | )({_NUM}) (month|day|hour|minute|second)s?\b")
"""The second part of a span in two units, just after the first unit word."""


def _compound_part(text: str, unit: str, at: int, end: int) -> re.Match[str] | None:
    """The next part of a span in several units after ``unit`` (the word ending at
    ``at``): a value and the next smaller unit ("years | and six months")."""
    found = SMALLER_UNITS.get(unit.lower().removesuffix("s"))
    if found is None:
        return None
    smaller = found[0]
    part = _COMPOUND_PART.match(text, at, end)
    if part is None or part.group(2).lower() != smaller:
        return None
    return part


def _compound_key(first: tuple[str, str], text: str, unit: str, at: int) -> tuple[str, str] | None:
    """The key of a span in several units, in its base unit, or None for a span in one
    (or of a vague value): ("6", "year") with "and six months" at ``at`` -> ("78",
    "month"); ("2", "hour") with ", 21 minutes and 4 seconds" in hours."""
    total = _base_value(first)
    if total is None:
        return None
    value, base = total
    found = False
    while (part := _compound_part(text, unit, at, len(text))) is not None:
        added = _base_value(_duration_value(part.group(1), "", part.group(2)))
        if added is None or added[1] != base:
            return None
        value += added[0]  # rounded once, at the end, as a clock's span is
        found, unit, at = True, part.group(2), part.end()
    return (_plain(round(value, 6)), base) if found else None


def _clock_key(match: re.Match[str]) -> tuple[str, str]:
    """The key of a ``CLOCK_SPAN`` or a ``MINUTE_SPAN``, in hours (``_in_base_unit``)."""
    return _plain(round(clock_span_hours(match), 6)), "hour"


_UNITS_ANY_CASE = re.compile(rf"\b(?:{_UNITS})\b", re.IGNORECASE)
_NUM_ANY_CASE = re.compile(rf"\b{_NUM}\b", re.IGNORECASE)


_SCALE_AFTER = re.compile(rf"[\s-]+({_SCALE})\b", re.IGNORECASE)


_YEAR_TO_YEAR = r"\b((?:1[89]|20)\d\d)\b(?=[^.;:!?]{1,30}?\b((?:1[89]|20)\d\d)\b)"
"""Two years a few words apart ("from 2003 until 2019", "between 1998 and 2006"): the span
between them is stated ("for sixteen years"). A lookahead, so that each year opens a pair."""
_LONGEST_SPAN = 100
"""The most years two years so stated may span."""


def _duration_key(text: str) -> tuple[str, str]:
    """(value, unit) of a duration: "over two years" -> ("2", "year"), 两年 too; in the
    terms ``_duration_value`` states it in ("more than a century" -> ("100", "year"));
    one in several units or shown as a clock in its base unit (``_in_base_unit``)."""
    if not text.isascii() and cjk.has_cjk(text):
        return cjk.duration_key(text)
    if ":" in text and (clock := CLOCK_SPAN.search(text) or MINUTE_SPAN.search(text)):
        return _clock_key(clock)
    unit = _UNITS_ANY_CASE.search(text)
    value = _NUM_ANY_CASE.search(text)
    if value is None:
        return "", stem(unit.group().lower()) if unit else ""
    scale = _SCALE_AFTER.match(text, value.end())
    key = _duration_value(
        value.group(), scale.group(1) if scale else "", unit.group() if unit else ""
    )
    if unit is not None and (whole := _compound_key(key, text, unit.group(), unit.end())):
        return whole  # "six years and six months"
    if "quarter" in text.lower():
        if (part := _QUARTERS_OF.search(text)) is not None:
            one = _duration_value("a", "", unit.group() if unit else "")
            return _times(one, 0.75 if (part.group(1) or "").lower() == "three" else 0.25)
        if (more := _QUARTERS_MORE.search(text)) is not None:
            return _and_a_part(key, 0.75 if more.group(1).lower() == "three" else 0.25)
    return _and_a_part(key, 0.5) if _HALF_MORE.search(text) else key


_MAJORITY = r"\b(?:a|the)\s+(?:(?:clear|narrow|slim|large|simple|small)\s+)?majority\b"
"""A majority without a figure: more than half ("a majority of households" / "more than
half of all households")."""
_ONE_SPAN_BEFORE = (
    r"\b(?:(past|last|previous|next|coming|whole|entire|full)|(\d+)(?:st|nd|rd|th))[\s-]+\Z"
)
"""Before a unit of time with no number, in lower-cased text: a word that makes it a span
of one ("the past fortnight", "the whole week"), or an ordinal ("the 58th minute")."""
_HALF_MORE = re.compile(r"\band a half\b", re.IGNORECASE)
"""What adds half a unit to a duration: "two and a half years", "a year and a half"."""
_QUARTERS_OF = re.compile(r"\b(?:(a|one|three)[\s-]+)?quarters?\s+of\s+an?\s", re.IGNORECASE)
"""A share of the unit a duration states: "a quarter of an hour", "three quarters of a year"."""
_QUARTERS_AFTER = (" and a quarter", " and three quarters", " and three-quarters")
"""How a share of a unit after it starts, in lower-cased text."""
_QUARTERS_MORE = re.compile(r"\band\s+(a|three)[\s-]+quarters?\b", re.IGNORECASE)
"""What adds a quarter or three of the unit: "an hour and a quarter"."""


def _quarters_around(lowered: str, lo: int, unit: re.Match[str]) -> tuple[str, str] | None:
    """The key of a duration in quarters of ``unit`` (a unit word of lower-cased text whose
    value is read from ``lo`` on): "a quarter of an hour", "an hour and three quarters";
    None for any other."""
    if lowered.find("quarter", lo, unit.start()) < 0 and not lowered.startswith(
        _QUARTERS_AFTER, unit.end()
    ):
        return None
    for whole in _DURATION.finditer(lowered, lo, unit.end() + _AFTER_UNIT):
        if whole.start() <= unit.start() and unit.end() <= whole.end():
            return _duration_key(whole.group()) if "quarter" in whole.group() else None
    return None


def _and_a_part(key: tuple[str, str], part: float) -> tuple[str, str]:
    """A duration's (value, unit) key with ``part`` of a unit more: ("1", "year") and 0.5
    -> ("1.5", "year"); a vague value ("a few") stays."""
    try:
        return _plain(float(key[0]) + part), key[1]
    except ValueError:
        return key


def _times(key: tuple[str, str], share: float) -> tuple[str, str]:
    """A duration's (value, unit) key for ``share`` of it: ("1", "hour") and 0.25 ->
    ("0.25", "hour"), "a quarter of an hour"."""
    try:
        return _plain(float(key[0]) * share), key[1]
    except ValueError:
        return key


_IN_BASE_UNIT: Mapping[str, tuple[float, str]] = MappingProxyType(
    {
        stem("year"): (12.0, "month"),
        stem("week"): (168.0, "hour"),
        stem("day"): (24.0, "hour"),
        stem("minute"): (1 / 60, "hour"),
        stem("second"): (1 / 3600, "hour"),
        stem("fortnight"): (336.0, "hour"),
    }
)
"""Units of time stated in another (``has_duration``): "18 months" is "a year and a
half", "seven days" is "a week", "a fortnight" two weeks, "90 minutes" "an hour and a
half"."""


def _in_base_unit(key: tuple[str, str]) -> tuple[str, str]:
    """A duration's (value, unit) key in months or hours where its unit is one of
    ``_IN_BASE_UNIT``: ("2", "year") -> ("24", "month"); a vague value stays as it is.

    >>> [_in_base_unit(k) for k in [("1.5", "year"), ("7", "day"), ("90", "minut")]]
    [('18', 'month'), ('168', 'hour'), ('1.5', 'hour')]
    >>> _in_base_unit(("a few", "week"))
    ('a few', 'week')
    """
    if key[1] not in _IN_BASE_UNIT:
        return key
    found = _base_value(key)
    if found is None:
        return key
    return _plain(round(found[0], 6)), found[1]


def _months_of_days(key: tuple[str, str]) -> list[tuple[str, str]]:
    """The span in months (as ``_in_base_unit`` keys it) that a span of whole days, keyed
    in hours, states in other words ("After 90 days" / "Three months later"), and the
    span in days that one of months states: a month is 28 to 31 days, so a count of days
    near a whole number of months is those months; and whole weeks as months
    (``weeks_in_months``: "12 weeks" and "13 weeks" are three months, "85 days" none).

    >>> _months_of_days(("2160", "hour")), _months_of_days(("2040", "hour"))
    ([('3', 'month')], [])
    >>> _months_of_days(("2016", "hour"))  # 84 days: 12 weeks
    [('3', 'month')]
    >>> [int(hours) // 24 for hours, _ in _months_of_days(("3", "month"))]
    [84, 87, 88, 89, 90, 91, 92, 93, 94, 95]
    """
    try:
        value = float(key[0])
    except ValueError:
        return []
    if key[1] == "hour" and value % 24 == 0:
        months = months_in_days(value / 24)
        if months is None and value % _WEEK == 0:
            months = months_in_weeks(int(value // _WEEK))
        return [] if months is None else [(_plain(float(months)), "month")]
    if key[1] == "month" and value == int(value) and 0 < value <= 24:
        low = value * (DAYS_A_MONTH - DAYS_OFF_A_MONTH)
        high = value * (DAYS_A_MONTH + DAYS_OFF_A_MONTH)
        days = {*range(int(low) + 1, int(high) + 1), *(7 * w for w in weeks_in_months(int(value)))}
        return [(_plain(24.0 * d), "hour") for d in sorted(days)]
    return []


_WEEK = 168
"""Hours in a week: a span in weeks is keyed in hours (``_in_base_unit``)."""


def _base_value(key: tuple[str, str]) -> tuple[float, str] | None:
    """A duration's value in its base unit (months or hours, where ``_IN_BASE_UNIT`` has
    its unit) and that unit, unrounded (``_in_base_unit``); None for a vague value."""
    factor, base = _IN_BASE_UNIT.get(key[1], (1, key[1]))
    try:
        return float(key[0]) * factor, base
    except ValueError:
        return None


_NUMBER_ALONE = re.compile(rf"{_NUM}", re.IGNORECASE)


def _value_and_scale(value: re.Match[str]) -> tuple[str, str]:
    """The value and the word after it of a ``_VALUE_BEFORE_LOWER`` match: the word after
    is the value when it is a number itself, as the duration pattern reads it ("a |third|
    month"); else it may be the value's scale ("a |hundred| years")."""
    first, after = value.group(1), value.group(2) or ""
    if first == "half" and after in ("a", "an"):
        return first, ""  # "half an hour"
    if after[-2:] in ("st", "nd", "rd", "th") and after[:-2].isdigit():
        return after[:-2], ""  # "a 25th-minute lead": the 25th minute, as "the 25th minute"
    if after and after not in SCALE_WORDS and _NUMBER_ALONE.fullmatch(after):
        return after, ""
    return first, after


_YEARS_IN: Mapping[str, int] = MappingProxyType({"decad": 10, "century": 100})
"""Units (stemmed) that count years: "two decades" is "20 years"."""


def _duration_value(value: str, between: str, unit: str) -> tuple[str, str]:
    """The (value, unit) key of a duration stated as ``value``, the word ``between`` it and
    its unit (a scale counts: "a hundred"), and the ``unit`` word: "a" and "an" are one,
    and decades and centuries are years, so each way of saying a span has one key.

    >>> [_duration_value(*parts) for parts in [("an", "", "hour"), ("one", "", "hours")]]
    [('1', 'hour'), ('1', 'hour')]
    >>> [_duration_value(*parts) for parts in [("a", "", "century"), ("a", "hundred", "years")]]
    [('100', 'year'), ('100', 'year')]
    >>> [_duration_value(*parts) for parts in [("two", "", "decades"), ("two", "full", "years")]]
    [('20', 'year'), ('2', 'year')]
    >>> _duration_value("a few", "", "weeks"), _duration_value("several", "", "weeks")
    (('a few', 'week'), ('a few', 'week'))
    """
    number = "1" if value.lower() in ("a", "an", "another") else _number_value(value)
    number = _FEW.get(number.lower(), number)
    unit_key = stem(unit.lower()) if unit else ""
    factor = SCALE_WORDS.get(between.lower(), 1) if between else 1
    years = _YEARS_IN.get(unit_key)
    if years is not None:
        factor, unit_key = factor * years, "year"
    if factor == 1:
        return number, unit_key
    try:
        amount = float(number) * factor
    except ValueError:
        return number, unit_key  # a vague quantity: "several decades"
    return (str(int(amount)) if amount.is_integer() else str(amount)), unit_key


_FEW = {"several": "a few", "few": "a few"}
"""Vague small counts that say one span ("for several days" / "over the next few days"):
keyed as "a few"."""
_LEADING_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _stem(key: str) -> str:
    """``stem(key)`` of a word key (folded and lower-cased, as ``word_keys`` gives it).

    A key of ASCII characters that are not all letters, with no apostrophe, is its own
    stem (``stem`` lower-cases it, which changes no such key, then ends there): a figure
    ("8,231", "4.5%") or a word with digits ("covid19") is returned without a look in
    ``stem``'s cache, which an article dense with them would fill and churn.
    """
    if key.isalpha() or not key.isascii() or "'" in key:
        return stem(key)
    return key


_FIRST_CHAR = operator.itemgetter(0)
_SPAN_START, _SPAN_END = operator.itemgetter(0), operator.itemgetter(1)
_NUMBER_KEY_SET = frozenset(NUMBER_WORDS)
"""The number words, as a set to intersect an article's keys with."""
_MULTIPLES = {
    f"{word}{ending}": value
    for word, value in (("doubl", "2"), ("tripl", "3"), ("trebl", "3"), ("quadrupl", "4"))
    for ending in ("e", "ed", "es", "ing")
}
"""A number's verb ("complaints tripled", "doubling"), which states the number word
("triple", "double") another article may use."""
_TWO_OF = frozenset(("both", "pair", "twin", "twins", "dual"))
"""Words that count two without a number ("both flavours", "its pair of satellites", "a
dual carriageway"), which state the number another article writes."""
_SLOT_KEYS = frozenset([*FRACTIONS, *_NUMBER_KEY_SET, "in"])
"""Keys a figure stated in other words holds (``_value_slots``: a share, a ratio, a number
in words): a fact without any (most: "€4.5", "3,000") is read as its digits, with its
scale when it has one (``_scaled_digits_known``)."""
_SCALE_KEYS_SET = frozenset(SCALE_WORDS)


def _scaled_digits_known(keys: Sequence[str], numbers: Collection[str]) -> bool:
    """Every figure of ``keys`` (digits, each maybe followed by a scale word) is in
    ``numbers`` as its digits or as its scaled value: ``_value_slots`` for a fact of
    digits and scales alone, with no pattern tried."""
    for i, key in enumerate(keys):
        if not key[:1].isdigit():
            continue
        value = _number_value(key)
        if value in numbers:
            continue
        after = i + 2 if i + 2 < len(keys) and keys[i + 1] == "-" else i + 1
        scale = SCALE_WORDS.get(keys[after]) if after < len(keys) else None
        if scale is None:
            return False
        try:
            scaled = _plain(round(float(value) * scale, 3))
        except ValueError:
            return False
        if scaled not in numbers:
            return False
    return True


def _centuries(lowered: str) -> list[str]:
    """The other form of each century a lower-cased text names: "1300s" for "the 14th
    century", "14" (the value of "14th") for "the 1300s".

    >>> _centuries("built in the 14th century, rebuilt in the 1800s")
    ['1300', '19']
    """
    found = []
    for ordinal, hundreds in compiled(_CENTURY).findall(lowered):
        if ordinal:
            found.append(str((int(ordinal) - 1) * 100))
        else:
            found.append(str(int(hundreds) + 1))
    return found


_CENTURY = r"\b(?:(\d{1,2})(?:st|nd|rd|th)\s+centur(?:y|ies)\b|([1-9]|1\d|20)00s\b)"
"""A century as an ordinal ("the 14th century") or as its hundreds ("the 1300s")."""


@functools.lru_cache(maxsize=32768)
def _number_value(token: str) -> str:
    """The value a number token states: "4,300" -> "4300", "4.5%" -> "4.5", "five" -> "5".

    Remembered for as many figures as two articles of figures hold (Support indexes each
    article's, then each fact's are looked up again); a token of digits alone is its own
    value, with no pattern to try.
    """
    token = token.lower().replace(",", "")
    if token.isdecimal():
        return token  # what ``_LEADING_NUMBER`` would match: all of it
    if token in NUMBER_WORDS:
        return str(NUMBER_WORDS[token])
    match = _LEADING_NUMBER.match(token)
    return match.group() if match else token


_plain = plain_number
"""A value as ``_number_value`` writes one: "3000", "33.3" (``substitutions.plain_number``)."""


_NUMERATORS: Mapping[str, int] = MappingProxyType(
    {"a": 1, "an": 1, **{w: int(NUMBER_WORDS[w]) for w in [*_DIGIT_WORDS, "ten"]}}
)
"""Words that count a fraction ("a third", "two fifths")."""
_FRACTION_WORD = re.compile(
    rf"\b({alternation(FRACTIONS)})\b(?!-(?:time|way|hour|day|year|term|mile|length|hearted))"
)
"""A fraction word in lower-cased text, but in a compound that is no share ("half-time")."""
_NUMERATOR_BEFORE = rf"(?:^|(?<=[^\w.,]))({alternation(_NUMERATORS)}|\d+)[\s-]+\Z"
_SHARE_ENDS = re.compile(r"\s*(?:\Z|[,.;:!?)]|([a-z]+)\b)")
"""What follows "a third" when it is a share: an end, or a stopword ("a third of", "a
third.", "fell by a third during"), not a noun ("a third term": an ordinal)."""


def _share_ends(lowered: str, at: int) -> bool:
    """A share ends at ``at`` of lower-cased ``lowered`` (``_SHARE_ENDS``)."""
    end = _SHARE_ENDS.match(lowered, at)
    return end is not None and (
        end.group(1) is None or end.group(1) in STOPWORDS or end.group(1) in AFTER_A_SHARE
    )


_CARDINAL_WORDS = [
    *_DIGIT_WORDS,
    *"ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(),
    *"twenty thirty forty fifty sixty seventy eighty ninety".split(),
]
_RATIO_WORDS = r"(?:in|out of)(?: every)?"
"""What stands between a ratio's part and its whole: "one in four", "nine out of ten",
"four in every five", "one out of every three"."""
_RATIO = r"(?i) " + _RATIO_WORDS + r" (\d{1,3}|" + alternation(_CARDINAL_WORDS) + r")\b"
"""The whole of a share written as a ratio ("one in |four|", "nine out of |ten|")."""
_RATIO_PART = r"(?:^|(?<=[^\w.,]))(\d{1,3}|" + alternation(_CARDINAL_WORDS) + r")\Z"
"""The part of a ratio, just before its " in " (``_RATIO_WORDS``)."""
_TENS_AND_UNITS = (
    rf"(?<![\w'’])({alternation(_TENS)})[\s-]({alternation(_DIGIT_WORDS)})\b"
    r"(?![\s-](?:hundred|thousand|million|billion|trillion)\b)"
)
"""A number from 21 to 99 in words, in lower-cased text ("forty-seven"), with no scale
after it (``_SCALED`` reads "forty-seven thousand")."""
_SCALED = (
    r"\b((?:"
    + alternation(_CARDINAL_WORDS)
    + r")(?:[\s-](?:"
    + alternation(_DIGIT_WORDS)
    + r"))?)[\s-](hundred|thousand|million|billion|trillion)\b"
)
"""A figure in words with its scale word, in lower-cased text: "three thousand",
"twenty-five million" (digits with a scale, "3.5 million", are read as such on both
sides)."""
_DIGITS_SCALED = (
    r"(\d(?<![\w.,]\d)\d*(?:,\d{3})*(?:\.\d+)?)"
    r"(?:[\s-]?(hundred|thousand|million|billion|trillion)|(k|m|mn|bn|tn))\b(?!\.\w)"
)
"""Digits with a scale, in lower-cased text: "1.5 million", "4.82m", "$2bn" (1500000,
4820000, 2000000000: the other article may write "1,500,000"). Not a letter that opens
a dotted abbreviation ("4.5m.u.s.": the tokens read "m.u.s." as one word, no scale)."""
_SHARE_OF_SCALE = (
    r"\b(?:(a|an|one|two|three)[\s-])?(half|quarter|quarters|third|thirds)(?: of)? an?\s"
    r"(hundred|thousand|million|billion|trillion)\b"
)
"""A share of a scale word: "a quarter of a million", "half a billion", "three quarters
of a million"."""
_SCALE_KEYS = frozenset(("hundred", "thousand", "million", "billion", "trillion"))
_CARDINAL_KEYS = frozenset(_CARDINAL_WORDS)


def _words_value(words: str) -> float:
    """The value of a figure or one or two cardinal words ("4,300", "twenty-five")."""
    if words[:1].isdigit():
        return float(words.replace(",", ""))
    return float(sum(NUMBER_WORDS[w] for w in re.split(r"[\s-]", words)))


def _restated(
    lowered: str,
    *,
    scaled: bool = True,
    ratios: bool = True,
    shares: bool = True,
    digits: bool = True,
    compounds: bool = True,
) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, values) of the figures of lower-cased ``lowered`` that are stated in
    other words than their digits: a share ("half", "a third", "two fifths", "one in
    four") is also the percentage it is (50, 33 or 33.3, 40, 25), and a figure in words
    with a scale word ("three thousand") is also its digits (3000). The other article may
    write either ("half of the schools" / "50 per cent of schools"). ``scaled``,
    ``ratios`` and ``shares`` say which kinds to look for (an article whose words hold
    none of a kind's is not searched for it; ``digits``: digits with a scale, "1.5 million",
    "£4m").

    >>> [v for _, _, v in _restated("about half of them; a third of three thousand")]
    [('50',), ('33', '33.3'), ('3000',)]
    >>> [v for _, _, v in _restated("1.5 million packs, £4.82m")]
    [('1500000', '1.5'), ('4820000', '4.82')]
    """
    found: list[tuple[int, int, tuple[str, ...]]] = []
    for figure in compiled(_TENS_AND_UNITS).finditer(lowered) if compounds else ():
        # "forty-seven": 47 (``compounds``: the text has a word of tens).
        value = NUMBER_WORDS[figure.group(1)] + NUMBER_WORDS[figure.group(2)]
        found.append((figure.start(), figure.end(), (str(value),)))
    for figure in compiled(_DIGITS_SCALED).finditer(lowered) if digits else ():
        written = figure.group(1).replace(",", "")
        value = float(written) * SCALE_WORDS[figure.group(2) or figure.group(3)]
        plain = str(int(value)) if value.is_integer() else _plain(round(value, 3))
        found.append((figure.start(), figure.end(), (plain, written)))
    if scaled:
        for figure in compiled(_SCALED).finditer(lowered):
            value = _words_value(figure.group(1)) * SCALE_WORDS[figure.group(2)]
            found.append((figure.start(), figure.end(), (_plain(value),)))
        for figure in compiled(_SHARE_OF_SCALE).finditer(lowered):
            # "a quarter of a million", "half a billion": 250000, 500000000.
            part = _NUMERATORS.get(figure.group(1) or "a", 1) / FRACTIONS[figure.group(2)]
            value = part * SCALE_WORDS[figure.group(3)]
            found.append((figure.start(), figure.end(), (_plain(value),)))
    if "majority" in lowered:
        for majority in compiled(_MAJORITY).finditer(lowered):
            found.append((majority.start(), majority.end(), ("50",)))
    if "a pair of" in lowered:
        for pair in compiled(r"\ba pair of\b").finditer(lowered):
            found.append((pair.start(), pair.end(), ("2",)))  # "a pair of search dogs"
    for start, end, value in _shares_in(lowered, ratios=ratios, fractions=shares):
        found.append((start, end, _percent_forms(value)))
    return sorted(found, key=lambda figure: (figure[0], -figure[1]))  # the longest first


def _shares_in(
    lowered: str, *, ratios: bool = True, fractions: bool = True
) -> Iterator[tuple[int, int, float]]:
    """(start, end, percentage) of each share lower-cased ``lowered`` writes in words: a
    ratio ("one in four", "9 out of 10"; ``ratios``) or a fraction ("half", "a third of",
    "two fifths"; ``fractions``), not an ordinal ("the third day", "a third term").

    >>> [round(v, 1) for *_, v in _shares_in("one in four; two fifths; a third term")]
    [25.0, 40.0]
    """
    if ratios:
        for whole in compiled(_RATIO).finditer(lowered):
            before_in = compiled(_RATIO_PART).search(
                lowered, max(0, whole.start() - 12), whole.start()
            )
            if before_in is not None:
                numerator = _words_value(before_in.group(1))
                denominator = _words_value(whole.group(1))
                if 0 < numerator < denominator:
                    yield before_in.start(), whole.end(), 100 * numerator / denominator
    for share in _FRACTION_WORD.finditer(lowered) if fractions else ():
        word = share.group(1)
        before = compiled(_NUMERATOR_BEFORE).search(
            lowered, max(0, share.start() - 12), share.start()
        )
        counted = before.group(1) if before else None
        if counted is None:
            if FRACTIONS[word] != 2:
                continue  # "the third day": an ordinal
            numerator, start = 1, share.start()
        else:
            numerator = _NUMERATORS[counted] if counted in _NUMERATORS else int(counted)
            start = before.start() if before else share.start()
        if (
            not word.endswith("s")
            and word != "half"
            and (counted is None or not _share_ends(lowered, share.end()))
        ):
            continue  # "a third term", "the fifth": ordinals
        yield start, share.end(), 100 * numerator / FRACTIONS[word]


def _value_slots(text: str) -> list[tuple[str, ...]]:
    """The values ``text`` states, each as the forms any of which states it: a share or
    a scaled figure as its ``_restated``, any other number as its ``_number_value``."""
    lowered = text.lower()
    keys = frozenset(word_keys(lowered))
    slots: list[tuple[str, ...]] = []
    rest = []
    pos = 0
    scales = not keys.isdisjoint(SCALE_WORDS)
    shares = not keys.isdisjoint(FRACTIONS)
    restated = _restated(
        lowered,
        compounds=not keys.isdisjoint(_TENS_SET),
        scaled=scales,
        ratios="in" in keys or "out" in keys,
        shares=shares,
        digits=scales,
    )
    for start, end, forms in restated:
        if start < pos:
            continue
        slots.append(forms)
        rest.append(lowered[pos:start])
        pos = end
    rest.append(lowered[pos:])
    for key in word_keys(" ".join(rest)):
        if key in FRACTIONS:
            # "fifth" cut from "a fifth of": the ordinal, or the share of one part.
            slots.append((_number_value(key), *_percent_forms(100 / FRACTIONS[key])))
        elif key[:1].isdigit() or key in _NUMBER_KEY_SET:
            slots.append((_number_value(key),))
    return slots


def _percent_forms(percent: float) -> tuple[str, ...]:
    """How a percentage may be written: rounded, cut to a whole number, or to one decimal
    (a third: "33", "33.3")."""
    return tuple(
        dict.fromkeys(
            (_plain(round(percent)), _plain(float(int(percent))), _plain(round(percent, 1)))
        )
    )


_PLAIN_WORD = r"(?:[A-Za-z]+|\d+(?:[.,]\d+)*%?)"
_PLAIN_FACT = re.compile(rf"[$€£¥]?{_PLAIN_WORD}(?: {_PLAIN_WORD})*\.?")
"""A text whose word keys are its lower-cased words, once a currency sign before them and
a full stop after them are cut: "Helen Varga.", "$4.5 million", "60 per cent"."""


def _fact_keys(text: str) -> list[str]:
    """``word_keys(text)``, with a shortcut for the commonest facts and clauses
    (``_PLAIN_FACT``): most are checked once, so remembering their keys would not help."""
    if _PLAIN_FACT.fullmatch(text):
        if text[0] in "$€£¥":
            text = text[1:]
        if text[-1] == ".":
            text = text[:-1]
        return text.lower().split()
    return word_keys(text)


_HALF_OF_A_YEAR = r"\b(?:first|second)[\s-]half\b"
"""A company's half of its year, as results name it ("profit for the first half" is the
half-year's)."""
_TWELVE_O_CLOCK = frozenset(NAMED_TIMES)
"""Words for the hours a figure writes as "12am" and "12pm"."""


@dataclass(slots=True)
class Support:
    """An index of one article's words, names and numbers."""

    stems: set[str]
    numbers: set[str]
    lowered: str
    text: str
    _durations: set[tuple[str, str]] | None = None
    _number_checks: dict[str, bool] = dataclasses.field(default_factory=dict)
    """``has_number``'s answers by text: a figure recurs in many facts and groups."""
    _name_checks: dict[str, bool] = dataclasses.field(default_factory=dict)
    """``has_name``'s answers by text: a name recurs in many sentences."""
    _stated: cjk.Stated | None = None
    _capitalised: frozenset[str] | None = None
    _capital_openings: frozenset[str] = frozenset()
    _measures: dict[str, list[float]] | None = None
    _periods: frozenset[str] | None = None
    _quarters: frozenset[str] | None = None
    _holidays: frozenset[tuple[int, int]] | None = None
    _times: frozenset[int] | None = None
    year: int | None = None
    """The year of the article's time stamp ("Published 09:00, 25 November 2026"), if it
    has one: the year its "this year" names."""
    month: int | None = None
    """The month (1 to 12) of that time stamp, if it names one: what "next month" counts
    from."""
    stamp: datetime.date | None = None
    """The day of that time stamp, if it names one: the week its "on Thursday" falls in."""
    _relative_months: frozenset[str] | None = None
    _relative_years: frozenset[int] | None = None
    _months_covered: tuple[frozenset[int], frozenset[int]] | None = None
    _days: dict[tuple[str, str], set[str]] | None = None
    _bare_weekdays: frozenset[str] | None = None
    _stated_days: frozenset[tuple[str, str]] | None = None
    _parts: list[tuple[float, float]] | None = None
    _number_ends: dict[str, list[int]] | None = None
    _number_measures: dict[str, list[tuple[str, float] | None]] = dataclasses.field(
        default_factory=dict
    )
    _given: dict[str, set[str]] | None = None
    _values: list[float] | None = None
    _approximations: list[float] | None = None
    _bounds: list[tuple[float, int]] | None = None
    _percentages: list[float] | None = None
    _shares: list[float] | None = None
    _sums: frozenset[float] | None = None
    _figure_counts: Counter[str] | None = None

    def parts_of_wholes(self) -> list[tuple[float, float]]:
        """The article's counts of a whole in digits ("85 of its 410 shops": (85, 410)),
        read once, when first asked."""
        if self._parts is None:
            found = []
            if " of " in self.lowered:
                for there in compiled(_PART_OF_WHOLE).finditer(self.lowered):
                    part, whole = (float(g.replace(",", "")) for g in there.groups())
                    if 0 < part < whole:
                        found.append((part, whole))
            self._parts = found
        return self._parts

    def values_near(self, value: float, reach: float) -> list[float]:
        """The article's figures within ``reach`` of ``value`` (its numbers, and those with
        a scale word at their value: "£96.5m" is 96,500,000)."""
        if self._values is None:
            found = set()
            for number in self.numbers:
                try:
                    found.add(float(number))
                except ValueError:
                    continue
            self._values = sorted(found)
        lo = bisect_left(self._values, value - reach)
        return self._values[lo : bisect_right(self._values, value + reach)]

    def approximations(self) -> list[float]:
        """The figures the article gives rounded ("about 120,000", "nearly £96.5m")."""
        if self._approximations is None:
            found = _figures_after(self.lowered, _APPROXIMATING)
            self._approximations = sorted(value for value, _ in found)
        return self._approximations

    def percentages(self) -> list[float]:
        """The percentages the article gives in figures ("81%", "34 per cent"), sorted
        (``_percentages_in``)."""
        if self._percentages is None:
            self._percentages = sorted(_percentages_in(self.lowered))
        return self._percentages

    def sums_of_parts(self) -> frozenset[float]:
        """The totals of counts the article gives in two parts ("46 passengers and four
        crew": 50), read once."""
        if self._sums is None:
            found = set()
            if " and " in self.lowered:
                for parts in compiled(_TWO_PARTS).finditer(self.lowered):
                    found.add(_words_value(parts.group(1)) + _words_value(parts.group(2)))
            self._sums = frozenset(found)
        return self._sums

    def shares_written(self) -> list[float]:
        """The shares the article writes as a fraction or a ratio ("four in five", "a
        third of", "two-thirds"), as percentages, sorted."""
        if self._shares is None:
            self._shares = sorted(_written_shares(self.lowered))
        return self._shares

    def bounds(self) -> list[tuple[float, int]]:
        """The figures the article gives as bounds ("more than 2,000": (2000.0, 1);
        "fewer than 40": (40.0, -1)), sorted; found as ``approximations`` are."""
        if self._bounds is None:
            self._bounds = sorted(_figures_after(self.lowered, dict(_PAST_WORDS)))
        return self._bounds

    def bounds_near(self, value: float) -> list[tuple[float, int]]:
        """The article's bounds (``bounds``) a figure of ``value`` may lie just past."""
        found = self.bounds()
        reach = JUST_PAST * abs(value) / (1 - JUST_PAST)
        lo = bisect_left(found, (value - reach, -2))
        return found[lo : bisect_right(found, (value + reach, 2))]

    def approximations_near(self, value: float) -> list[float]:
        """The article's rounded figures within 5% of ``value`` (``approximations``)."""
        found = self.approximations()
        lo = bisect_left(found, value * 0.95)
        return found[lo : bisect_right(found, value * 1.05)]

    def quarters(self) -> frozenset[str]:
        """The numbers of the quarters the article names (``quarter_of``), read once."""
        if self._quarters is None:
            found = [quarter_of(m.group()) for m in _QUARTER.finditer(self.lowered)]
            self._quarters = frozenset(q for q in found if q)
        return self._quarters

    def periods_before(self) -> frozenset[str]:
        """The periods the article counts back by ("a year earlier", "the previous week",
        "the past month": year, week, month) or, as "+year", forward by ("the coming year",
        "the week ahead"), read once, when first asked."""
        if self._periods is None:
            found = compiled(_PERIOD_BEFORE).findall(self.lowered)
            ahead = compiled(_PERIOD_AHEAD).findall(self.lowered)
            periods = [a or b or c or d for a, b, c, d in found] + [f"+{a or b}" for a, b in ahead]
            if " months" in self.lowered and compiled(_YEAR_OF_MONTHS_AHEAD).search(self.lowered):
                periods.append("+year")  # "the coming twelve months": the year ahead
            self._periods = frozenset(periods)
        return self._periods

    def times_of_day(self) -> frozenset[int]:
        """The times of day the article names, in minutes after midnight ("2.15am": 135),
        read once, when first asked."""
        if self._times is None:
            found = [_minutes_of(m) for m in _TIME.finditer(self.lowered)]
            for ranged in compiled(_TIMES_IN_WORDS).finditer(self.lowered):
                # "from 8.15 to 9.15 in the morning", "8.15 to 9.15am": both ends.
                said = ranged.group(5)
                half = "a" if said in ("am", "in the morning") else "p"
                for hours, minutes in (ranged.group(1, 2), ranged.group(3, 4)):
                    if hours is not None:
                        found.append(clock_minutes(int(hours), int(minutes), half))
            if "from" in self.lowered or "between" in self.lowered:
                # "from six until noon": six is 6am (``hour_opening_a_range``).
                for ranged in compiled(_HOUR_OPENING_A_RANGE).finditer(self.lowered):
                    opening = hour_opening_a_range(word_keys(ranged.group()), 1)
                    if opening is not None:
                        found.append(opening[0])
            self._times = frozenset(m for m in found if m is not None)
        return self._times

    def holidays(self) -> frozenset[tuple[int, int]]:
        """The (month, day) of each holiday the article names ("Christmas Eve": (12, 24)),
        read once, when first asked."""
        if self._holidays is None:
            # Read around each holiday's word only: the pattern tried at every place of a
            # long article costs a third of a second a megabyte, and most name no holiday.
            text, pattern, found = self.lowered, compiled(HOLIDAY_NAMES), set()
            for word in _HOLIDAY_WORDS:
                at = text.find(word)
                while at >= 0:
                    named = pattern.search(text, max(0, at - 12), at + len(word) + 16)
                    if named is not None and (date := holiday_date(named.group())) is not None:
                        found.add(date)
                    at = text.find(word, at + len(word))
            self._holidays = frozenset(found)
        return self._holidays

    def days_of_months(self) -> dict[tuple[str, str], set[str]]:
        """The article's days of months ("21 March", "March 21st"), each as (day, the
        month's first three letters), with the weekdays written before it ("" for none),
        read once, when first asked (``_weekday_of_a_date``)."""
        if self._days is None:
            self._days = {}
            lowered = self.lowered
            for there in compiled(_DAY_MONTH_AFTER).finditer(lowered):
                key = (
                    str(int(there.group(1) or there.group(4))),
                    (there.group(2) or there.group(3))[:3],
                )
                before = lowered[max(0, there.start() - 12) : there.start()].split()
                named = before[-1].strip(",") if before else ""
                self._days.setdefault(key, set()).add(named if named in WEEKDAYS else "")
        return self._days

    def stated_days(self) -> frozenset[tuple[str, str]]:
        """Every day of a month the article states, as ``days_of_months`` keys them: its
        dates, each day of "24-27 July" and "9 and 16 December", and "the 28th" just after
        a date in March; read once, when first asked (``_date_supported``)."""
        if self._stated_days is None:
            lowered = self.lowered
            found = {
                (str(int(day or later_day)), (month or later_month)[:3])
                for day, month, later_month, later_day in compiled(_DAY_MONTH_AFTER).findall(
                    lowered
                )
            }
            for there in compiled(_DAYS_OF_A_MONTH).finditer(lowered):
                month = there.group(3)[:3]
                for day in (*_DIGITS_RUN.findall(there.group(1)), there.group(2)):
                    found.add((str(int(day)), month))
            if found:
                for there in _THE_DAY.finditer(lowered):
                    # The month of the last date before it, close before it.
                    start = there.start()
                    window = lowered[max(0, start - _SAME_MONTH_REACH) : start]
                    dates = compiled(_DAY_MONTH_AFTER).findall(window)
                    if dates:
                        month = dates[-1][1] or dates[-1][2]
                        found.add((str(int(there.group(1))), month[:3]))
            self._stated_days = frozenset(found)
        return self._stated_days

    def bare_weekdays(self) -> frozenset[str]:
        """The weekdays the article names without a day and month after them ("on
        Thursday", not "on Thursday 27 May"), lower case, read once when first asked: the
        weekdays that may name any day of their week."""
        if self._bare_weekdays is None:
            lowered = self.lowered
            self._bare_weekdays = frozenset(
                there.group().lower()
                for there in compiled(_A_WEEKDAY_IN).finditer(lowered)
                if not compiled(_DAY_MONTH_AFTER).match(lowered, there.end())
            )
        return self._bare_weekdays

    def number_measures(self, number: str) -> list[tuple[str, float] | None]:
        """What each occurrence of the whole number ``number`` (digits) in the article
        measures (``measure_after``: "60 metres" is ("length", 60.0)), or None where no
        unit of measure follows it. The numbers' places are indexed in one pass when first
        asked, what follows them read for the numbers asked only."""
        if self._number_ends is None:
            ends: dict[str, list[int]] = {}
            for found in _WHOLE_NUMBER.finditer(self.lowered):
                ends.setdefault(found.group(), []).append(found.end())
            self._number_ends, self._number_measures = ends, {}
        measures = self._number_measures
        known = measures.get(number)
        if known is None:
            value, lowered = float(number), self.lowered
            known = measures[number] = [
                measure_after(lowered, end, value) for end in self._number_ends.get(number, ())
            ]
        return known

    def figure_count(self, figure: str) -> int:
        """How often the article writes the figure ``figure`` (digits, a point, no
        thousands commas: "120000" for "120,000"), counted in one pass when first asked."""
        if self._figure_counts is None:
            self._figure_counts = Counter(
                found.replace(",", "") for found in _FIGURE_TOKEN.findall(self.lowered)
            )
        return self._figure_counts[figure]

    def measures(self) -> dict[str, list[float]]:
        """The article's figures with a unit of measure, by measure (indexed when first
        asked)."""
        if self._measures is None:
            self._measures = measures_in(self.lowered)
        return self._measures

    def has_measure(self, kind: str, size: float) -> bool:
        """The article states a figure of this measure and size in some unit ("550
        yards" for 500 metres), converted and rounded (``substitutions.same_measure``)."""
        return has_size(self.measures().get(kind, ()), size)

    def stated(self) -> cjk.Stated:
        """The article's Chinese and Japanese figures, durations and dates (read when first
        asked: nothing, at once, for an article with no kana or Han)."""
        if self._stated is None:
            self._stated = cjk.Stated.of(self.text)
        return self._stated

    def has_duration(self, key: tuple[str, str]) -> bool:
        """The article states this (value, unit) duration ("two years" == "2 years")."""
        if self._durations is None:  # indexed when first needed: most checks never are
            # Unit words are rare and cheap to find; the value is read just before each.
            # Lower-cased text and case-sensitive patterns: about four times faster.
            text = self.lowered
            found: set[tuple[str, str]] = set()
            for unit in _UNIT_WORD_LOWER.finditer(text):
                end = unit.start()
                lo = start = max(0, end - 40)
                # The value is in the last three words before the unit ("a few more |
                # weeks"): start there rather than try the pattern at all 40 places. The
                # text's spaces are single (and words may also meet at hyphens, which only
                # moves this start further back).
                cut = end - 1
                for _ in range(4):
                    cut = text.rfind(" ", lo, cut)
                    if cut < 0:
                        break
                else:
                    start = cut + 1
                value = _VALUE_BEFORE_LOWER.search(text, start, end)
                if value:
                    quarters = _quarters_around(text, lo, unit)
                    if quarters is not None:
                        found.add(quarters)  # "a quarter of an hour", "an hour and a quarter"
                    elif text.startswith(" and a half", unit.end()):
                        span = _duration_value(value.group(1), "", unit.group())
                        found.add(_and_a_part(span, 0.5))
                    elif text.endswith("and a half ", start, end) and (
                        whole := _VALUE_BEFORE_LOWER.search(text, lo, end - 11)
                    ):
                        span = _duration_value(whole.group(1), "", unit.group())
                        found.add(_and_a_part(span, 0.5))
                    else:
                        span = _duration_value(*_value_and_scale(value), unit.group())
                        found.add(span)
                        total = _compound_key(span, text, unit.group(), unit.end())
                        if total is not None:
                            found.add(total)  # "two years and a month"
                elif (one := compiled(_ONE_SPAN_BEFORE).search(text, lo, end)) is not None:
                    # "the past fortnight", "the 58th minute": a span of one, a minute's
                    # count ("two weeks", "58 minutes").
                    if one.group(1) is not None:
                        found.add(_duration_value("a", "", unit.group()))
                    elif unit.group().startswith("minute"):
                        found.add(_duration_value(one.group(2), "", unit.group()))
                elif unit.group().endswith("s"):
                    # A unit in the plural with no value: a few of it ("took seconds").
                    found.add(_duration_value("a few", "", unit.group()))
            for first, last in compiled(_YEAR_TO_YEAR).findall(text):
                if 0 < int(last) - int(first) <= _LONGEST_SPAN:
                    # "from 2003 until 2019": sixteen years.
                    found.add(_duration_value(str(int(last) - int(first)), "", "years"))
            if "year" in text and compiled(ONE_YEAR).search(text):
                found.add(_duration_value("a", "", "year"))  # "in the year to October"
            if "half" in text and compiled(_HALF_OF_A_YEAR).search(text):
                found.add(("0.5", "year"))  # "profit for the first half": a half-year's
            # The interval of a rate ("three times an hour": every 20 minutes), a key in
            # hours or months as ``_in_base_unit`` makes, and a span shown as a clock does.
            found.update(interval for *_, interval in rate_spans(text))
            if ":" in text:
                found.update(map(_clock_key, CLOCK_SPAN.finditer(text)))
                found.update(map(_clock_key, MINUTE_SPAN.finditer(text)))
            self._durations = set(map(_in_base_unit, found | self.stated().durations))
        base = _in_base_unit(key)
        return base in self._durations or any(
            month in self._durations for month in _months_of_days(base)
        )

    @classmethod
    def of(
        cls, doc: Document, known: frozenset[str] = frozenset(), skip: frozenset[int] = frozenset()
    ) -> Support:
        """Index the content sentences of ``doc``.

        ``known`` holds the word keys of the sentences ``skip`` lists (sentences both
        articles share, indexed once for the two of them).
        """
        # Furniture supports a fact (a caption names a place), but not a note on
        # corrections: it states what the article said wrongly ("An earlier version said
        # the rating was zero").
        content = [
            s
            for s in doc.sentences
            if s.kind in (SentenceKind.BODY, SentenceKind.HEADLINE)
            or (s.kind is SentenceKind.BOILERPLATE and not is_correction_note(s.text))
        ]
        text = "\n".join(s.text for s in content)
        lowered = " ".join(text.lower().split())
        stems: set[str] = set()
        numbers: set[str] = set()
        # The word diff has tokenised every sentence of a paired group (the status
        # ``compare`` gives it says which): their keys are read from those tokens, the
        # rest from the text, in one pass of ``word_key_set``.
        kept = [s for s in content if s.id not in skip] if skip else content
        texts = list(map(_TEXT, kept))
        tokenised = list(map(_TOKENISED.__contains__, map(_STATUS, kept)))
        if not keys_as_tokens(text):  # else every sentence's keys are its tokens'
            tokenised = list(map(operator.and_, tokenised, map(keys_as_tokens, texts)))
        starts = map(_START_OF, compress(kept, tokenised))
        runs = list(map(sentence_tokens, compress(texts, tokenised), starts))
        rest = compress(texts, map(operator.not_, tokenised))
        keys = run_word_key_set(runs) | word_key_set("\n".join(rest)) | known
        # Each key's stem and each number's value, with no Python step per key here (an
        # article of figures holds tens of thousands of distinct keys, one of random
        # letters 150,000). A key ``_stem`` returns as it is (a figure, a word with digits)
        # is taken as it is, in C: no copy of it is made and no cache filled.
        listed = list(keys)
        letters = list(map(str.isalpha, listed))
        stems.update(map(stem, compress(listed, letters)))
        others = list(compress(listed, map(operator.not_, letters)))
        apostrophes = map(operator.contains, others, repeat("'"))
        as_is = list(map(operator.gt, map(str.isascii, others), apostrophes))  # and not
        stems.update(compress(others, as_is))
        stems.update(map(stem, compress(others, map(operator.not_, as_is))))
        figures = list(compress(listed, map(str.isdigit, map(_FIRST_CHAR, listed))))
        # A figure whose digits are all it has but its commas is that number
        # (``_number_value``'s first test), taken in C; the rest through ``_number_value``.
        plain = list(map(str.replace, figures, repeat(","), repeat("")))
        decimal = list(map(str.isdecimal, plain))
        numbers.update(compress(plain, decimal))
        # The rest ("10.8%", "1990s") have no comma left: one a line, their values are
        # what ``_LEADING_VALUES`` reads (``_number_value``'s last step), in one C pass
        # with no call per key and no cache filled.
        if not keys.isdisjoint(_TWELVE_O_CLOCK):
            numbers.add("12")  # "midnight" is "12am", "noon" "12pm"
        if "century" in keys or "centuries" in keys or "00s" in lowered:
            centuries = _centuries(lowered)
            numbers.update(centuries)
            if "00s" in lowered and any(len(value) <= 2 for value in centuries):
                stems.add(stem("century"))  # "the 1300s" says "the 14th century"
        lines = "\n".join(compress(plain, map(operator.not_, decimal)))
        if lines:
            numbers.update(_LEADING_VALUES.findall(lines))
            if ":" in lines:  # a time of day ("06:42"): its minutes are a figure too
                numbers.update(compiled(r"(?<=\d:)\d+").findall(lines))
        numbers.update(map(_number_value, keys & _NUMBER_KEY_SET))
        numbers.update(map(_MULTIPLES.__getitem__, keys & _MULTIPLES.keys()))
        if not keys.isdisjoint(_TWO_OF):
            numbers.add("2")  # "its pair of satellites", "a dual carriageway", "both flavours"
        # Figures in other words ("three thousand", "a third", "one in four"), looked for
        # where the article's words can hold them.
        shares = not keys.isdisjoint(FRACTIONS)
        scaled = not keys.isdisjoint(_SCALE_KEYS) and (
            shares or not keys.isdisjoint(_CARDINAL_KEYS)
        )
        ratios = "in" in keys or "out" in keys
        digits = not keys.isdisjoint(SCALE_WORDS)
        compounds = not keys.isdisjoint(_TENS_SET)
        for _, _, forms in _restated(
            lowered,
            scaled=scaled,
            ratios=ratios,
            shares=shares,
            digits=digits,
            compounds=compounds,
        ):
            numbers.update(forms)
        if "every" in keys:
            numbers.update(rate_counts(lowered))  # "every 20 minutes": three times an hour
        padded = f" {lowered} "
        for word, equivalents in PLACE_EQUIVALENTS.items():
            # A one-word equivalent in the text is among the stems already.
            if any(stem(e) in stems or (" " in e and f" {e} " in padded) for e in equivalents):
                stems.add(word)
        support = cls(stems, numbers, lowered, text)
        support.year = stamp_year(doc.sentences)
        support.month = stamp_month(doc.sentences)
        support.stamp = stamp_date(doc.sentences)
        return support

    def relative_years(self) -> frozenset[int]:
        """The years the article names relative to its stamp's year ("next year" in a 2026
        article: 2027, "five years ago": 2021), read once (one search of the article)."""
        if self._relative_years is None:
            found = set()
            if self.year is not None:
                for word in _RELATIVE_YEAR.findall(self.lowered):
                    found.add(self.year + YEAR_OFFSETS[word.lower()])
                if " ago" in self.lowered or " earlier" in self.lowered:
                    for count in compiled(_YEARS_AGO).findall(self.lowered):
                        found.add(self.year - int(_words_value(count)))
                if " years" in self.lowered:
                    for count in compiled(_YEARS_SO_FAR).findall(self.lowered):
                        found.add(self.year - int(_words_value(count)))
            found.update(_years_before(self.lowered, self.year))
            self._relative_years = frozenset(found)
        return self._relative_years

    def months_covered(self) -> tuple[frozenset[int], frozenset[int]]:
        """The months (1 to 12) the article's seasons and parts of a year cover ("this
        spring": 3 to 5, "the start of the year": 1), and the months it names, read once."""
        if self._months_covered is None:
            covering: set[int] = set()
            named: set[int] = set()
            # Seasons and months of another year ("next autumn", "last November") cover
            # nothing of this one.
            for match in compiled(_PERIOD_NAMED).finditer(self.text):
                if match.group(1):
                    continue
                word = match.group(2).lower()
                if word in SEASON_MONTHS:
                    covering.update(SEASON_MONTHS[word])
                elif match.group(2)[0].isupper():  # "May", not the verb "may"
                    named.add(MONTH_NAMES.index(word) + 1)
            for pattern, months in _YEAR_PARTS:
                if compiled(pattern).search(self.lowered):
                    covering.update(months)
            self._months_covered = (frozenset(covering), frozenset(named))
        return self._months_covered

    def relative_months(self) -> frozenset[str]:
        """The stems of the months the article names relative to its stamp month ("next
        month" in a February article: "march"), read once (one search of the article)."""
        if self._relative_months is None:
            found = set()
            if self.month is not None:
                for word in compiled(_RELATIVE_MONTH).findall(self.lowered):
                    found.add(_MONTH_STEMS[(self.month - 1 + YEAR_OFFSETS[word.lower()]) % 12])
            self._relative_months = frozenset(found)
        return self._relative_months

    def has_number(self, text: str) -> bool:
        """Every number in ``text`` occurs in the article; a time of day, in any form
        ("2.15am" / "02:15")."""
        known = self._number_checks.get(text)
        if known is None:
            if (minutes := _time_of_day(text)) is not None:
                known = minutes in self.times_of_day()
            elif not text.isascii() and cjk.has_cjk(text):
                key = cjk.number_key(text)
                known = key is None or self.stated().states_figure(key)
            else:
                keys = _fact_keys(text)
                values = [
                    _number_value(key)
                    for key in keys
                    if key[:1].isdigit() or key in _NUMBER_KEY_SET
                ]
                known = all(map(self.numbers.__contains__, values))
                if not known and not _SLOT_KEYS.isdisjoint(keys):
                    # "three thousand" / "3,000", "half" / "50 per cent".
                    numbers = self.numbers
                    known = all(
                        any(map(numbers.__contains__, forms)) for forms in _value_slots(text)
                    )
                elif not known and not _SCALE_KEYS_SET.isdisjoint(keys):
                    # Digits with a scale ("€4.5 million" / "€4,500,000"): each figure's
                    # digits or its scaled value, read from the keys with no pattern.
                    known = _scaled_digits_known(keys, self.numbers)
                if not known:
                    # Digits beside Chinese or Japanese text: 85 is stated by 八十五分 too
                    # (an article of no kana or Han states none: read once, at once).
                    stated = (self._stated or self.stated()).values
                    if stated:
                        known = all(v in self.numbers or v in stated for v in values)
            self._number_checks[text] = known
        return known

    def has_words(self, text: str) -> float:
        """Share of ``text``'s content words that occur in the article."""
        words = [stem(k) for k in word_keys(text) if is_word(k) and k not in STOPWORDS]
        if not words:
            return 1.0
        return sum(1 for w in words if w in self.stems) / len(words)

    def has_name(self, name: str) -> bool:
        """The name's head word (a surname, a place) occurs in the article."""
        known = self._name_checks.get(name)
        if known is None:
            known = self._name_checks[name] = self._has_name(name)
        return known

    def _given_names(self) -> dict[str, set[str]]:
        """The article's capitalised words just before another ("Leontine Gummow"), by
        that word in lower case, but titles, stop words and dates ("Dr Gummow", "When
        Gummow", "Monday"): the first names its people have."""
        if self._given is None:
            self._given = {}
            for match in compiled(_NAME_AND_NEXT).finditer(self.text):
                first, last = match.group(1).lower(), match.group(2).lower()
                if first not in _NOT_GIVEN_NAMES:
                    self._given.setdefault(last, set()).add(first)
        return self._given

    def _has_name(self, name: str) -> bool:
        if "-" in name:
            # "Merriton-based", "Earth-facing": the name before a lower-case word joined to
            # it ("Rolls-Royce", "Anglo-French" are names whole).
            head, _, joined = name.rpartition("-")
            if head and joined[:1].islower():
                name = head
        words = [k for k in _fact_keys(name) if is_word(k) and k not in STOPWORDS]
        words = [w for w in words if w not in TITLE_WORDS] or words
        if not words:
            return True
        head = words[-1]
        if stem(head) in self.stems:
            # "Lloyds Bank", "Askerby District Council", "Stillwater Memorial Ltd": the last
            # word is any bank's, council's or company's; the first of the others names it,
            # and must be there too ("Barclays Bank" is another bank).
            if len(words) == 1:
                return True
            if head not in ORGANISATION_HEADS and synonyms.parts_of_speech(head):
                # "Brackwell Housing", "Pennicott School of Art": a common word last, named
                # by a word of no dictionary, which must be there too ("Kestlow Homes" is
                # another landlord); unless the last word is a surname there ("Ada Bell").
                proper = [w for w in words[:-1] if w.isalpha() and not synonyms.parts_of_speech(w)]
                if any(stem(w) not in self.stems for w in proper) and (
                    head not in self._given_names()
                ):
                    return False
            if head not in ORGANISATION_HEADS:
                # "Saffie Gummow" / "Leontine Gummow": the same surname, another first name
                # before it there, and this one nowhere: another person. A word of the
                # language before it may be no first name ("Late Kettering equalised").
                before = words[-2]
                if stem(before) not in self.stems:
                    return head not in self._given_names() or bool(synonyms.parts_of_speech(before))
                # "Frieda Kimbell" where the article has "Frieda Jolliffe" and "Tiberius
                # Kimbell": two people's names run together, neither of them this one.
                given = self._given_names()
                firsts = given.get(head)
                return not (
                    firsts
                    and before not in firsts
                    and before not in _NOT_GIVEN_NAMES
                    and f"{before} {head}" in " ".join(name.lower().split())  # not "Trump-Putin"
                    and any(before in names for last, names in given.items() if last != head)
                )
            named = next((w for w in words if w not in ORGANISATION_HEADS), head)
            if stem(named) in self.stems:
                return True
        acronym = "".join(w[0] for w in words if w not in ("of", "and", "the"))
        if len(words) > 1 and acronym in self.stems:
            return True
        # "Kenya" / "the Kenyan government", "France" / "French": a place and its people's
        # adjective name one place, written with a capital on the other side.
        if len(head) < 4 or not head.isalpha():
            return False
        if self._capitalised is None:
            found = frozenset(map(str.lower, compiled(_CAPITAL_WORD).findall(self.text)))
            self._capitalised = found
            self._capital_openings = frozenset(w[:3] for w in found)
        irregular = DEMONYM_OF.get(head)
        if irregular is not None and not self._capitalised.isdisjoint(irregular):
            return True
        # A regular form keeps the first three letters ("Kenya" / "Kenyan"): most names have
        # no capitalised word so opened on the other side, and no forms are made for them.
        if head[:3] not in self._capital_openings:
            return False
        return not demonym_forms(head).isdisjoint(self._capitalised)


_CAPITAL_WORD = r"\b[A-Z][a-z]+"
_TIME_PREPOSITION_BEFORE = r"(?i)\b(?:over|at|during|before|after|by|since|until|for|in)\s+$"
"""A preposition of time just before a holiday ("over | Easter")."""
_NAME_AND_NEXT = r"\b([A-Z][a-z]+)\s+(?=([A-Z][a-z]+)\b)"
"""A capitalised word and the capitalised word after it (read ahead: "Anna Lise Berg"
gives "Anna Lise" and "Lise Berg")."""
_NOT_GIVEN_NAMES = TITLE_WORDS | STOPWORDS | MONTHS | WEEKDAYS | ADDRESSES
"""Capitalised words before a surname that are no first name (forms of address with them:
"Cllr Hockaday", "Professor Kenchington")."""
_TOKENISED = (Status.REWORDED, Status.MOVED, Status.SAME)
"""Statuses of the sentences in groups with a word diff (paired groups of content)."""
_TEXT, _STATUS = operator.attrgetter("text"), operator.attrgetter("status")
_START_OF = operator.attrgetter("start")
_LEADING_VALUES = re.compile(rf"^(?:{_LEADING_NUMBER.pattern}|.*)", re.MULTILINE)
"""On each line of lower-cased keys that start with a digit and hold no comma (a figure
``_number_value`` reads with ``_LEADING_NUMBER``), that figure's value: its leading number,
else the whole key (a key led by a digit ``\\d`` does not match, such as "²")."""


class _StemIndex:
    """One article's content stems by sentence and by paragraph, and its paragraphs by stem
    (whether words it has in several places stand together in one paragraph). Everything is
    built when first needed and kept for the comparison, but a paragraph's stems: those of
    the last few asked (``_RECENT_PARAGRAPHS``: the groups are judged in order)."""

    def __init__(self, doc: Document, distinct: int = 0) -> None:
        """The index of ``doc``'s content, which holds about ``distinct`` distinct stems
        (what indexing them all would cost: see ``paragraphs``; 0 indexes them at once)."""
        self.doc = doc
        self._distinct = distinct
        self._numbers: array[int] | None = None
        """The paragraph of each content sentence, in ascending order (``_members``)."""
        self._ids: array[int] = array("i")
        """The content sentences, in the order of ``_numbers``."""
        self._recent: dict[int, frozenset[str]] = {}
        self._joined: str | None = None
        self._bounds: array[int] = array("q")
        self._order: array[int] = array("i")
        self._found: dict[str, list[int]] = {}
        self._searched = 0
        """What the searches so far cost, in steps of indexing a stem (see ``paragraphs``)."""
        self._index_cost = 0
        self._by_stem: dict[str, list[int]] | None = None
        self._column: array[int] | None = None
        """The index of a large vocabulary (``_index``): for each paragraph holding a stem,
        a number whose high bits are the stem's hash (cut to fit) and whose low
        ``_place_bits`` are the paragraph's place in ``_order``, sorted."""
        self._place_bits = 0

    def sentence(self, sid: int) -> tuple[str, ...]:
        """The content stems of a content sentence (none for furniture or meta lines): a
        short tuple, remembered by ``content_stems`` rather than held here."""
        s = self.doc.sentences[sid]
        return content_stems(s.text) if s.kind in _SUPPORT_KINDS else ()

    def _members(self) -> tuple[array[int], array[int]]:
        """``_numbers`` and ``_ids``: two machine-integer columns, not a list of sentences
        per paragraph (an article of short lines has 20,000 paragraphs, and each process
        of a long comparison builds its own)."""
        if self._numbers is None:
            content = [s for s in self.doc.sentences if s.kind in _SUPPORT_KINDS]
            numbers, ids = list(map(_PARAGRAPH, content)), list(map(_ID, content))
            if not all(map(operator.le, numbers, numbers[1:])):  # never, from ``segment``
                order = sorted(range(len(numbers)), key=numbers.__getitem__)
                numbers, ids = [numbers[i] for i in order], [ids[i] for i in order]
            self._numbers, self._ids = array("i", numbers), array("i", ids)
        return self._numbers, self._ids

    def _span(self, paragraph: int) -> tuple[int, int]:
        """Where the content sentences of ``paragraph`` lie in ``_ids``."""
        numbers, _ = self._members()
        lo = bisect_left(numbers, paragraph)
        return lo, bisect_right(numbers, paragraph, lo)

    def paragraph(self, paragraph: int) -> frozenset[str]:
        """The content stems of one paragraph."""
        found = self._recent.get(paragraph)
        if found is None:
            lo, hi = self._span(paragraph)
            sentences = self.doc.sentences
            # The sentences' stems are mostly remembered from the alignment: one union in C.
            texts = [sentences[i].text for i in self._ids[lo:hi]]
            found = frozenset().union(*map(content_stems, texts))
            if len(self._recent) >= _RECENT_PARAGRAPHS:
                del self._recent[next(iter(self._recent))]  # the oldest
            self._recent[paragraph] = found
        return found

    def is_short(self, paragraph: int) -> bool:
        """``paragraph`` has at most ``_NEAR_PARAGRAPH`` sentences: it is part of its
        sentences' neighbourhood (a longer one is not: a wall of text would make every
        group's)."""
        lo, hi = self._span(paragraph)
        return hi - lo <= _NEAR_PARAGRAPH

    def paragraphs(self, word: str) -> list[int]:
        """The paragraphs holding the stem ``word``, in ascending order (remembered).

        Found by a search of one string of every paragraph's stems (``_join``) rather
        than by an index of every stem: most comparisons ask for a few words (7 in a
        megabyte of figures, 70 in one of random letters), where an article holds tens of
        thousands of distinct stems (90,000 in random letters: an index took 0.3 s and 25
        MB in each process, a search takes a millisecond). Searches that have cost as much
        as the index would (``_SEARCH_CHARS``) build it, and it answers the rest: a
        buy-or-rent rule, never much more than the cheaper way's work. An article of a
        small vocabulary (``_SMALL_VOCABULARY``) is indexed at once: few lists to make,
        and the words asked stand in many paragraphs, which a search finds one by one
        (quotations: a hundred words asked, each in a third of the paragraphs). A large
        vocabulary is indexed in a column of numbers instead (``_index``).
        """
        found = self._found.get(word)
        if found is not None:
            return found
        if not word or " " in word:
            return []  # no stem is empty or holds a space
        if self._by_stem is not None:
            return self._by_stem.get(word, [])
        if self._column is not None:
            found = self._found[word] = self._in_column(word)
            return found
        joined = self._joined
        if joined is None:
            joined = self._join()
            if self._by_stem is not None:
                return self._by_stem.get(word, [])
        # A stem holds no space and the string spaces every stem apart, so " word " is
        # found exactly where a paragraph holds ``word``; each paragraph is taken once
        # (the search goes on from the next one).
        bounds, order = self._bounds, self._order
        needle = f" {word} "
        found = []
        at = joined.find(needle)
        while at >= 0:
            k = bisect_right(bounds, at) - 1  # the paragraph whose stems hold it
            found.append(order[k])
            if k + 1 == len(bounds):
                break
            at = joined.find(needle, bounds[k + 1])
        self._found[word] = found
        self._searched += len(joined) // _SEARCH_CHARS + len(found) * _SEARCH_HIT_STEPS
        if self._searched > self._index_cost:
            self._index()
        return found

    def _join(self) -> str:
        """``_joined``: a space, then each paragraph's stems, each followed by a space,
        the paragraphs in ascending order (``_order``), their stems starting at the
        offsets ``_bounds`` (of the space before each paragraph's)."""
        numbers, ids = self._members()
        sentences = self.doc.sentences
        found = list(map(content_stems, [sentences[i].text for i in ids]))
        stems = sum(map(len, found))
        self._index_cost = stems + _DISTINCT_STEPS * self._distinct
        pieces = list(map(" ".join, found))
        # Piece ``j`` starts at ``starts[j]`` of " " + " ".join(pieces) + " ".
        starts = list(accumulate(map((1).__add__, map(len, pieces)), initial=1))
        # Each paragraph's first sentence: where the paragraph number changes.
        firsts = [0, *compress(range(1, len(numbers)), map(operator.ne, numbers[1:], numbers))]
        firsts = firsts if numbers else []
        self._bounds = array("q", [starts[j] - 1 for j in firsts])
        self._order = array("i", [numbers[j] for j in firsts])
        self._joined = joined = " " + " ".join(pieces) + " "
        if stems >= _SMALL_VOCABULARY * self._distinct:
            self._index()
        return joined

    def _index(self) -> None:
        """``_by_stem``: the paragraphs of every stem, read from ``_joined``; for a large
        vocabulary (``_LISTED_STEMS``), ``_column`` instead."""
        if self._distinct > _LISTED_STEMS:
            self._index_column()
            return
        joined, order = cast(str, self._joined), self._order
        by_stem: dict[str, list[int]] = {}
        ends = [*self._bounds[1:], len(joined)]
        for paragraph, lo, hi in zip(order, self._bounds, ends, strict=True):
            for word in set(joined[lo:hi].split()):
                by_stem.setdefault(word, []).append(paragraph)
        self._by_stem = by_stem
        self._found.clear()

    def _index_column(self) -> None:
        """``_column``: each paragraph's distinct stems as numbers, a stem's hash above
        the paragraph's place, in one sorted machine-integer column.

        A dict of every stem's paragraphs costs about 150 bytes a distinct stem: 100 MB
        more for the 660,000 of 8 MB of random letters, where the search's buy-or-rent
        rule builds it. The column costs 8 bytes a paragraph's stem (10 MB there), and a
        stem's paragraphs are a slice of it found by bisection. A hash cut to fit may be
        another stem's too, so each paragraph found is checked against ``_joined``.
        """
        joined, bounds = cast(str, self._joined), self._bounds
        shift = max(1, len(bounds).bit_length())
        mask = (1 << (63 - shift)) - 1
        ends = [*bounds[1:], len(joined)]
        numbers: list[int] = []
        extend = numbers.extend
        for place, lo, hi in zip(range(len(bounds)), bounds, ends, strict=True):
            extend([(h & mask) << shift | place for h in map(_hash, set(joined[lo:hi].split()))])
        numbers.sort()
        self._column = array("q", numbers)
        self._place_bits = shift
        self._found.clear()

    def _in_column(self, word: str) -> list[int]:
        """The paragraphs holding the stem ``word``, in ascending order, from ``_column``."""
        column, shift = cast("array[int]", self._column), self._place_bits
        low = (_hash(word) & ((1 << (63 - shift)) - 1)) << shift
        lo = bisect_left(column, low)
        hi = bisect_left(column, low + (1 << shift), lo)
        joined, bounds, order = cast(str, self._joined), self._bounds, self._order
        last, place_mask, needle = len(bounds) - 1, (1 << shift) - 1, f" {word} "
        found: list[int] = []
        for number in column[lo:hi]:  # in ascending place (the low bits)
            place = number & place_mask
            # The paragraph's stems, with the spaces on either side of them.
            end = bounds[place + 1] + 1 if place < last else len(joined)
            if joined.find(needle, bounds[place], end) >= 0:
                paragraph = order[place]
                if not found or found[-1] != paragraph:  # two stems of one hash there
                    found.append(paragraph)
        return found


_SUPPORT_KINDS = (SentenceKind.BODY, SentenceKind.HEADLINE, SentenceKind.BOILERPLATE)
_PARAGRAPH, _ID = operator.attrgetter("paragraph"), operator.attrgetter("id")
_RECENT_PARAGRAPHS = 64
"""Paragraphs whose stems ``_StemIndex.paragraph`` remembers: a group asks for its own
sentences' paragraphs, which the next groups share; all of them would be 5 MB in each
process for an article of short paragraphs."""
_SEARCH_CHARS = 550
_SEARCH_HIT_STEPS = 1
_DISTINCT_STEPS = 5
"""What ``_StemIndex.paragraphs``' work costs, in steps of indexing one stem of a paragraph
(about 0.5 µs): a search, one per ``_SEARCH_CHARS`` characters of the string it reads and
``_SEARCH_HIT_STEPS`` per paragraph it finds; the index, one per stem of each paragraph
and ``_DISTINCT_STEPS`` per distinct stem (a list each). Measured on 1 MB pairs: the index
of quotations (100,000 stems, 2,400 distinct) took 0.06 s, of random letters (160,000 and
90,000) 0.3 s, of figures (120,000 and 22,000) 0.12 s; a search of 0.75 to 1 MB of stems,
0.65 to 0.9 ms."""
_hash = hash
"""The hash ``_StemIndex``'s column keys stems by (a test makes stems share one)."""
_LISTED_STEMS = 50_000
"""Distinct stems above which ``_StemIndex`` indexes them in a column of numbers rather
than a dict of lists (``_index_column``): a dict of 50,000 stems costs about 8 MB."""
_SMALL_VOCABULARY = 20
"""Stems in an article per distinct stem from which ``_StemIndex`` indexes it at once."""
_NEAR_PARAGRAPH = 12
"""Sentences up to which a paragraph is part of its sentences' neighbourhood."""


class _LocalSupport:
    """What the other side of one aligned group says near it: the sentences the group
    aligns with, their neighbours and their paragraph, before the whole article.

    A changed word is rewording when its neighbourhood has it (a place through the country
    it stands for, "Jan." through "January"). Elsewhere in the article it supports the
    change only together with another of the clause's words in one paragraph (content
    moved from another paragraph), or alone when it is the clause's only such word: words
    scattered over the article ("special military operation", "senior aide") do not make
    "military aid to Kyiv" a rewording.
    """

    def __init__(self, doc: Document, ids: Sequence[int], support: Support, index: _StemIndex):
        sentences = doc.sentences
        near = {j for sid in ids for j in (sid - 1, sid, sid + 1) if 0 <= j < len(sentences)}
        # Stem sets held apart, not joined: most words are found in the first one or two.
        # The group's short paragraphs come first, then only the neighbours outside them:
        # a paragraph's stems hold its sentences' stems, so one look in a paragraph's set
        # does the work of a scan through each of its sentences' stems.
        local = [p for p in {sentences[i].paragraph for i in ids} if index.is_short(p)]
        self.sets: list[Collection[str]] = [index.paragraph(p) for p in local]
        self.sets += [
            index.sentence(i) for i in sorted(near) if sentences[i].paragraph not in local
        ]
        self.support = support
        self.index = index

    def near(self, word: str) -> bool:
        """The neighbourhood has the stem ``word`` or an equivalent of it."""
        sets = self.sets
        # Plain loops: a generator per word costs more than the few lookups it makes.
        for s in sets:
            if word in s:
                return True
        forms = _EQUIVALENT_STEMS.get(word)
        if forms is not None:
            for f in forms:
                for s in sets:
                    if f in s:
                        return True
        return False

    def count(self, keys: Iterable[str]) -> int:
        """Informative words among ``keys`` (word keys): content words, not filler, that
        neither the neighbourhood nor one other paragraph of the article states (see the
        class doc)."""
        far: list[str] = []
        count = 0
        stems = self.support.stems
        near = self.near
        for key in keys:
            if key in STOPWORDS or len(key) < 3 or key in _FIGURE_WORDS or key[0].isdigit():
                continue  # a figure is the figures' to judge ("five per cent" is "5%")
            s = _stem(key)
            if s in _GENERIC:
                continue
            # The neighbourhood's stems are the article's: a stem the article lacks is
            # near only through an equivalent form ("jan" for "january"), and most changed
            # words the article lacks (new figures, new names) need no look around.
            if s in stems:
                if not near(s):
                    far.append(s)
            elif s not in _EQUIVALENT_STEMS or not near(s):
                count += 1
        if not far:
            return count
        distinct = set(far)
        if len(distinct) == 1:
            return count  # one word stated elsewhere: moved, not new
        together: Counter[int] = Counter()
        for word in distinct:
            together.update(self.index.paragraphs(word))
        with_company = {i for i, n in together.items() if n >= 2}
        if not with_company:
            return count + len(far)
        stated = {w for w in distinct if not with_company.isdisjoint(self.index.paragraphs(w))}
        return count + sum(1 for w in far if w not in stated)


# ---------------------------------------------------------------------------
# Facts


class Fact(NamedTuple):
    """A checkable detail found in a text span.

    A named tuple rather than a frozen dataclass: a sentence of figures holds ten.
    """

    category: ClaimCategory
    start: int
    end: int


def _sentence_initial(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence: after a full stop, also one inside a closing
    quotation mark or bracket ('… “new reality.” Meanwhile').

    >>> _sentence_initial('part of the “new reality.” Meanwhile, talks', 27)
    True
    >>> _sentence_initial("talks with Putin", 11)
    False
    """
    before = text[max(0, start - 40) : start].rstrip(" \t\"“‘'(")
    if not before and start > 40:
        return False
    before = before.rstrip("\"”’')]»")
    return not before or before[-1] in ".!?\n:"


_DEMONYM = re.compile(
    r"^[A-Z][a-z]+(?:ern|ean|ian|ese|ish)$|^(?:"
    + alternation(w.capitalize() for w in CAPITALISED_ADJECTIVES)
    + r")$"
)
_CAPITALISED = re.compile(r"[A-Z](?<=[\w,;] [A-Z])[\w-]+")
"""A capitalised word after a word and a space: ``(?<=[\\w,;] )[A-Z][\\w-]+``, written to open
with its capital (see ``_NAME``): twenty times faster over a whole article."""


def names_in_use(doc: Document) -> frozenset[str]:
    """Capitalised words the article (or its rival) writes mid-sentence: names, not openers.

    Headlines and page furniture in title case ("Rail Line Shut As Floods Hit") capitalise
    every word, so they do not count.
    """
    text = "\n".join(
        s.text for s in doc.sentences if s.kind is SentenceKind.BODY or not _is_title_case(s.text)
    )
    return frozenset(_CAPITALISED.findall(text))


_HOLIDAY_WORDS = tuple(sorted({"new year" if w == "year" else w for w in HOLIDAY_KEYS}))
"""A word of every holiday's name (``lexicon.HOLIDAY_KEYS``; "new year" for "year"), looked
for before the holiday pattern is tried around it (``Support.holidays``)."""
_JOINED_INITIALS = re.compile(r"[A-Z]&[A-Z]s?")
"""Two initials an ampersand joins ("B&B", "R&D", "B&Bs"): a common phrase shortened ("bed
and breakfast", "research and development"), no name."""
_new_tuple = tuple.__new__
"""A named tuple built from its fields in C (``_new_tuple(Fact, fields)``), without its
constructor's Python call: facts, gates, stretches and changed words are built per
sentence, and a sentence of figures holds ten facts."""
_UNIT_KEYS = TIME_UNITS
_DATE_KEYS = MONTHS | WEEKDAYS | SEASONS | CALENDAR_PERIODS | HOLIDAY_KEYS | {"quarter"}
_FOUR_DIGITS = re.compile(r"\d{4}")
_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[a-z]+")
_NUMBER_KEYS = frozenset(NUMBER_WORDS.keys() - NUMBERS_NEVER_ALONE)
_ROLE_KEYS = ROLE_NOUNS


class _FactGates(NamedTuple):
    """Which fact patterns can match a stretch of text, from the words in it.

    The patterns are tried at every position, which is slow on long articles; most
    sentences hold no month, unit word, number or role word, and then need none of them.
    Each gate is True whenever its pattern can match (tested as a property). A named
    tuple rather than a frozen dataclass: one is built per sentence searched.
    """

    durations: bool
    dates: bool
    """A date word (month, weekday, season, calendar period) is there: ``_DATE`` can match."""
    years: bool
    """Four digits in a row are there: a year or an ISO date (``_DATE_YEAR``) can match."""
    figures: bool
    spelled: bool
    roles: bool
    cjk: bool
    """A kana or Han character (or a full-width digit) is there: engine/cjk.py's patterns
    can match."""

    @classmethod
    def of(cls, text: str) -> _FactGates:
        # Every pattern's key word is a whole run of word characters, and of ASCII letters
        # (tested): the runs of ASCII letters in the lower-cased text hold it (one C scan,
        # no tokens). They hold a few more, such as "years" in "5years", which only opens a
        # gate where its pattern then finds nothing.
        words = set(_LETTERS.findall(text.lower()))
        digits = _DIGIT.search(text) is not None
        # ``tuple.__new__``: the named tuple's own constructor is a Python call per sentence.
        return _new_tuple(
            cls,
            (
                # durations: a unit word, or a clock's colon ("2:21:04")
                not words.isdisjoint(_UNIT_KEYS) or (digits and ":" in text),
                not words.isdisjoint(_DATE_KEYS),  # dates
                # years: a date in figures holds a year or an ISO date, four digits in a row
                digits and _FOUR_DIGITS.search(text) is not None,
                digits,  # figures
                not words.isdisjoint(_NUMBER_KEYS),  # spelled
                not words.isdisjoint(_ROLE_KEYS) and not words.isdisjoint(("of", "for")),  # roles
                not text.isascii() and cjk.has_cjk(text),  # cjk
            ),
        )


def _numbers(text: str, start: int, end: int, gates: _FactGates) -> list[re.Match[str]]:
    """``_NUMBER.finditer(text, start, end)``, trying each half only where it can match."""
    figures = list(_NUMBER_FIGURE.finditer(text, start, end)) if gates.figures else []
    if not gates.spelled:
        return figures
    spelled = list(_NUMBER_SPELLED.finditer(text, start, end))
    if not figures:
        return spelled
    out: list[re.Match[str]] = []
    last = start
    for match in sorted([*figures, *spelled], key=lambda m: m.start()):
        if match.start() >= last:
            out.append(match)
            last = match.end()
    return out


class Stretch(NamedTuple):
    """What a detector searches: ``text[start:end]`` (one sentence), the capitalised
    words the articles write mid-sentence (``names``) and which patterns can match.

    A named tuple rather than a frozen dataclass: one is built per sentence searched.
    """

    text: str
    start: int
    end: int
    names: frozenset[str]
    gates: _FactGates

    @classmethod
    def of(cls, text: str, start: int, end: int, names: frozenset[str]) -> Stretch:
        """The stretch ``text[start:end]``, its gates read from its words."""
        return _new_tuple(cls, (text, start, end, names, _FactGates.of(text[start:end])))


def _with_cjk(
    category: ClaimCategory, spans: list[tuple[int, int]], found: list[Fact]
) -> list[Fact]:
    """The Chinese and Japanese facts ``spans`` of one category, and those of ``found``
    (the English patterns') that overlap none of them, in text order: English patterns
    read digits beside Han characters as no figure or as part of one ("3" in 3人)."""
    facts = [Fact(category, s, e) for s, e in spans]
    if not found:
        return facts
    taken = _Mask(spans)
    facts += [f for f in found if not taken.touches(f.start, f.end)]
    facts.sort(key=_START)
    return facts


def _without_cjk(at: Stretch) -> Stretch:
    """The stretch with its ``cjk`` gate shut: what the English patterns read in it.

    A detector reads Chinese and Japanese facts first, then itself again on this, so
    that English text (the gate shut already) takes no extra step at all."""
    # Built in C: ``_replace`` costs several microseconds, about a detector's whole time.
    gates = _new_tuple(_FactGates, (*at.gates[:-1], False))
    return _new_tuple(Stretch, (*at[:-1], gates))


_ORDINAL_UNIT = (
    r"(?i)\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
    r"[\s-](?:week|month|day|year|round|term|season|night|decade|century)\b"
)
"""An ordinal before a unit of time: a place in a calendar or a sequence ("the second week of
January", "its third year", "in the first round", "a second term"), no span of time."""
_ONE_OCCASION = r"(?i)(?:one|a|a single)\s+(?:day|night|morning|afternoon|evening|occasion)"
"""One day named as an occasion after "on" ("on one day in July", "on a single night"):
when something happened, not how long it lasted."""
_ON_BEFORE = r"(?i)\bon\s+$"
""" "On" just before a span of time (``_ONE_OCCASION``)."""
_A_RATE_AFTER = r"(?i)\s+(?:a|an|per|each|every)\s+(?:day|week|month|year|hour|fortnight)\b"
"""After a span, what makes it a rate ("three days a week"): no span of time."""


def _find_durations(at: Stretch) -> list[Fact]:
    """ "over two years", "for a few weeks", "a six-month term": a value and a time unit;
    两年, 3か月, 二年間 (engine/cjk.py)."""
    if at.gates.cjk:
        spans = cjk.durations(at.text, at.start, at.end)
        return _with_cjk(ClaimCategory.DURATION, spans, _find_durations(_without_cjk(at)))
    if not at.gates.durations:
        return []
    out = []
    if at.text.find(":", at.start, at.end) >= 0:
        # A span shown as a clock shows it ("won in 2:21:04"), no time of day ("06:42").
        clocks = CLOCK_SPAN.finditer(at.text, at.start, at.end)
        out = [Fact(ClaimCategory.DURATION, *clock.span()) for clock in clocks]
        for clock in MINUTE_SPAN.finditer(at.text, at.start, at.end):  # "finished in 34:12"
            if not any(f.start <= clock.start() < f.end for f in out):
                out.append(Fact(ClaimCategory.DURATION, *clock.span()))
    clocked = bool(out)
    for d_start, d_end in _durations(at.text, at.start, at.end):
        found = at.text[d_start:d_end]
        if at.text.startswith("-old", d_end):
            continue  # "the 58-year-old": an age, a number (``_find_numbers``)
        if compiled(_A_RATE_AFTER).match(at.text, d_end, d_end + 12):
            continue  # "three days a week", "40 hours per week": how often, the figures'
        if compiled(_ORDINAL_UNIT).search(found):
            continue  # "in the second week of January": when, a date's words, no span
        if compiled(_ONE_OCCASION).fullmatch(found) and compiled(_ON_BEFORE).search(
            at.text, max(0, d_start - 4), d_start
        ):
            continue  # "on one day in July": when, one day of it, no span
        if _HAS_NUMBER.search(found) or _VAGUE.match(found.split(" ", 1)[-1]):
            out.append(Fact(ClaimCategory.DURATION, d_start, d_end))
    if clocked:
        out.sort(key=_START)
    return out


def _find_dates(at: Stretch) -> list[Fact]:
    """ "on Tuesday", "last week", "March 5, 2024", "in 2019", "2024-05-01"; 2026年11月30日,
    十一月三十日, 下月, 周三 (engine/cjk.py)."""
    gates = at.gates
    if gates.cjk:
        spans = cjk.dates(at.text, at.start, at.end)
        return _with_cjk(ClaimCategory.DATE, spans, _find_dates(_without_cjk(at)))
    if not gates.dates:
        if not gates.years:
            found = []
        else:
            # No date word: only a year or an ISO date can be a date here (and none is
            # "may").
            found = _facts_of(ClaimCategory.DATE, _DATE_YEAR.finditer(at.text, at.start, at.end))
    else:
        found = [
            Fact(ClaimCategory.DATE, m.start(), m.end())
            for m in _DATE.finditer(at.text, at.start, at.end)
            # "may" is a verb far more often than a month: only with a day or year, or
            # after "of" ("the month of May", "the 5th of May").
            if not (
                m.group().lower().startswith("may")
                and not _DIGIT.search(m.group())
                and not at.text.endswith(" of ", max(0, m.start() - 4), m.start())
            )
        ]
    # A quarter holds the date word "quarter" ("the third quarter") or a Q and a digit
    # ("Q3"): the rest of a sentence of figures or dates needs no search for one.
    if gates.dates or (gates.figures and _Q_DIGIT.search(at.text, at.start, at.end)):
        quarters = _facts_of(ClaimCategory.DATE, _QUARTER.finditer(at.text, at.start, at.end))
        if quarters:
            found = sorted([*found, *quarters], key=_FACT_START)
    return found


_Q_DIGIT = re.compile(r"[Qq][1-4]")


_QUARTER = re.compile(
    r"(?i)\b(?:(first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+quarter|q([1-4]))\b"
)
"""A quarter of a company's year, or of a match: "the second quarter", "third-quarter
sales", "Q4"; a date that names its quarter by its ordinal ("final" is the fourth)."""
_QUARTER_NUMBERS = {"first": "1", "second": "2", "third": "3", "fourth": "4", "final": "4"}
_FACT_START = operator.attrgetter("start")


_MONTH = "(" + "|".join(MONTH_NAMES) + ")"
_MONTHS_TO = re.compile(
    r"\b(\d{1,2}|[a-z]+)[\s-]+months?\s+(?:to|ending|ended|up to|through)\s+"
    rf"(?:the\s+end\s+of\s+)?{_MONTH}\b"
)
"""A company's period as the months to its last: "the three months to the end of June",
"the six months ending September", "nine-month to December"."""
_MONTH_RANGE = re.compile(rf"\b{_MONTH}\s*(?:-?(?:and|to|until|till|through)-?|[-–])\s*{_MONTH}\b")
"""A period as its first and last months: "between April and June", "April-to-June"."""


def _periods_at(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The periods of months (first, last: 0 for January) written at ``start:end`` of
    ``text`` or in the phrase holding it, in any of the forms ``_periods_in`` reads."""
    lo = max(0, start - 30)
    window = text[lo : end + 40].lower()
    start, end = start - lo, end - lo
    return [
        period
        for m in chain(
            _MONTHS_TO.finditer(window),
            _MONTH_RANGE.finditer(window),
            _QUARTER.finditer(window),
        )
        if m.start() < end and start < m.end()
        if (period := _period_of(m)) is not None
    ]


def _period_of(m: re.Match[str]) -> tuple[int, int] | None:
    """The (first, last) months of a match of ``_MONTHS_TO``, ``_MONTH_RANGE`` or
    ``_QUARTER``."""
    if m.re is _QUARTER:
        ordinal = (m.group(1) or "").lower()
        number = int(m.group(2) or _QUARTER_NUMBERS.get(ordinal) or ordinal[0])
        return 3 * number - 3, 3 * number - 1
    if m.re is _MONTH_RANGE:
        return MONTH_NAMES.index(m.group(1)), MONTH_NAMES.index(m.group(2))
    count = m.group(1)
    months = int(count) if count.isdigit() else NUMBER_WORDS.get(count)
    if not isinstance(months, int) or not 1 < months <= 12:
        return None
    last = MONTH_NAMES.index(m.group(2))
    return (last - months + 1) % 12, last


@functools.lru_cache(maxsize=16)
def _periods_in(lowered: str) -> frozenset[tuple[int, int]]:
    """Every period of months lower-cased ``lowered`` writes: as the months to its last
    ("the three months to June"), as its first and last months ("between April and June",
    "April-to-June") or as a quarter ("the second quarter", "Q2"). Read once an article."""
    return frozenset(
        period
        for pattern in (_MONTHS_TO, _MONTH_RANGE, _QUARTER)
        for m in pattern.finditer(lowered)
        if (period := _period_of(m)) is not None
    )


def _figures_moved(
    found: Sequence[tuple[Side, ClaimCategory, int, int]],
    docs: Mapping[Side, Document],
    pair: Pair,
    support: Mapping[Side, Support],
) -> bool:
    """The figures of ``found`` (a group's substitutions), on both sides, each written in
    digits that the other article also writes outside this group, and none counting what a
    figure of the other side counts (the word after it): moved, not replaced. Figures of
    one thing that swapped places ("won 41.2 per cent" / "took 33.8 per cent", the rival's
    shares the other way round) are a change."""
    numbers = [
        (side, start, end) for side, category, start, end in found if category is _NUMBER_CATEGORY
    ]
    if {side for side, *_ in numbers} != _BOTH:
        return False  # figures on one side only (the usual case): replaced, or added
    units: dict[Side, set[str]] = {_A: set(), _B: set()}
    in_group: dict[Side, Counter[str]] = {}  # each side's figures in this group, when asked
    for side, start, end in numbers:
        digits = _FIGURE_TOKEN.search(docs[side].text, start, end)
        if digits is None:
            return False  # a number in words: read as replaced
        figure = digits.group().replace(",", "")
        other = _OTHER[side]
        here = in_group.get(other)
        if here is None:
            ids, text = (pair.b if other is _B else pair.a), docs[other].text
            sentences = docs[other].sentences
            here = in_group[other] = Counter(
                there.replace(",", "")
                for there in (
                    _FIGURE_TOKEN.findall(text, sentences[ids[0]].start, sentences[ids[-1]].end)
                    if ids
                    else ()
                )
            )
        if support[other].figure_count(figure) <= here[figure]:
            return False
        after = _UNIT_AFTER.match(docs[side].text, digits.end())
        units[side].add((after.group(1) or "").lower() if after else "")
    return units[_A].isdisjoint(units[_B])


_NUMBER_CATEGORY = ClaimCategory.NUMBER
_BOTH = frozenset((Side.A, Side.B))
_UNIT_AFTER = re.compile(r"[\s-]*(?:(?:million|billion|bn|m)\b\s*)?(%|[A-Za-z]+)?")
"""What a figure counts: the word after it ("homes" of "120,000 homes", "mw" of "240MW",
"per" of "41.2 per cent"), past a scale."""


_OF_PERIODS = frozenset((ClaimCategory.NUMBER, ClaimCategory.DURATION, ClaimCategory.DATE))
"""Categories of a substitution that may be a period of months written another way."""


def _same_period(
    text: str, start: int, end: int, other: Document, other_ids: Sequence[int]
) -> bool:
    """The figure or date at ``start:end`` belongs to a period of months that the other
    side's sentences (``other_ids`` of ``other``) write in another form: one replaced by
    the other ("three" by "fourth" of "the three months to December" / "the fourth
    quarter") is no change."""
    if not _MONTHISH.search(text, max(0, start - 30), end + 40):
        return False  # most figures and dates: no month, span of months or quarter near
    periods = _periods_at(text, start, end)
    if not periods:
        return False
    lowered = " ".join(other.sentences[i].text for i in other_ids).lower()
    return not _periods_in(lowered).isdisjoint(periods)


_MONTHISH = re.compile(rf"month|quarter|q[1-4]|{_MONTH}", re.IGNORECASE)


def _period_stated(text: str, start: int, end: int, support: Support) -> bool:
    """The date or span at ``start:end`` belongs to a period of months the other article
    writes in another form ("the three months to the end of June" / "the April-to-June
    quarter" / "the second quarter")."""
    value = text[start:end].lower()
    if not _MONTHISH.search(value):
        return False  # most facts: no month, no span of months, no quarter
    periods = _periods_at(text, start, end)
    return bool(periods) and not _periods_in(support.lowered).isdisjoint(periods)


def quarter_of(text: str) -> str | None:
    """The number of the quarter ``text`` names ("third-quarter": "3", "Q4": "4")."""
    m = _QUARTER.fullmatch(text)
    if m is None:
        return None
    if m.group(2):
        return m.group(2)
    ordinal = m.group(1).lower()
    return _QUARTER_NUMBERS.get(ordinal) or ordinal[0]


def _find_numbers(at: Stretch) -> list[Fact]:
    """ "€4.5m", "60 per cent", "twelve", "seventh-largest"; 3人, 二倍, 2.5億円, 15％
    (engine/cjk.py)."""
    gates = at.gates
    if gates.cjk:
        spans = cjk.numbers(at.text, at.start, at.end)
        return _with_cjk(ClaimCategory.NUMBER, spans, _find_numbers(_without_cjk(at)))
    number = ClaimCategory.NUMBER  # read once: an enum member read from its class is slow
    if not gates.spelled:  # figures only, and no figure is a weak number word
        if not gates.figures:
            return []
        figures = _facts_of(number, _NUMBER_FIGURE.finditer(at.text, at.start, at.end))
        if _CLOCK_HINT.search(at.text, at.start, at.end) is not None:
            figures = _with_clocks(at.text, figures)
        if len(figures) > 1 and _has_ratio(at):
            return _with_ratios(at.text, at.start, figures)
        return figures
    found = _numbers(at.text, at.start, at.end, gates)
    facts = [
        _new_tuple(Fact, (number, *m.span()))
        for m in found
        if m.group().lower() not in WEAK_NUMBER_WORDS
        and not _ONE_TIME.fullmatch(m.group())
        and not _A_NAMED_HALF.search(at.text, max(0, m.start() - 7), m.end())
    ]
    if _CLOCK_HINT.search(at.text, at.start, at.end) is not None:
        facts = _with_clocks(at.text, facts)
    return _with_ratios(at.text, at.start, facts) if _has_ratio(at) else facts


_A_NAMED_HALF = re.compile(r"(?i)\b(?:first|second)[\s-]half\Z")
"""A half that names a period, not a share: a match's or a year's ("first-half goals",
"profit for the second half"), which the periods of time judge."""
_CLOCK_HINT = re.compile(r"(?i)\d:\d\d|\d\s[ap]\.?m\b")
"""A clock ("02:15") or a time whose half of the day stands apart ("2.15 p.m."): the
stretch's figures may need ``_with_clocks``."""


def _with_clocks(text: str, facts: list[Fact]) -> list[Fact]:
    """``facts`` with the hours and minutes of a clock read as one figure ("02:15", "18:30",
    "1:40pm"), not two, and a time with the half of the day after a space ("2.15 p.m.")."""
    out: list[Fact] = []
    for fact in facts:
        meridiem = _MERIDIEM_APART.match(text, fact.end)
        if meridiem is not None and text[fact.end - 1].isdigit():
            fact = fact._replace(end=meridiem.end())
        if (
            out
            and fact.start == out[-1].end + 1
            and text[out[-1].end] == ":"
            and out[-1].end - out[-1].start <= 2
            and text[out[-1].start : out[-1].end].isdigit()
            and _MINUTES.fullmatch(text, fact.start, fact.end) is not None
        ):
            out[-1] = out[-1]._replace(end=fact.end)
        else:
            out.append(fact)
    return out


_MERIDIEM_APART = re.compile(r"(?i)\s[ap]\.?m\b\.?")
_MINUTES = re.compile(r"(?i)[0-5]\d(?:\s*[ap]\.?m\b\.?)?")
"""The minutes of a clock after its colon ("15", "40pm"): not a split second ("01.82")."""
_TIME = re.compile(
    r"(?i)\b(\d{1,2})(?:[.:]([0-5]\d))?\s*([ap])\.?m\b\.?|\b(\d{1,2}):([0-5]\d)\b(?![:.]\d)"
    rf"|\b({alternation(NAMED_TIMES)})\b"
)
"""A time of day: "2.15am", "6 p.m.", "1:40pm", "02:15", "18:30", "noon", "midnight"."""


_TIMES_IN_WORDS = (
    r"\b(\d{1,2})[.:]([0-5]\d)(?:\s*(?:to|-|–|and|until|till)\s*(\d{1,2})[.:]([0-5]\d))?"
    r"\s*(am\b|pm\b|in the (?:morning|afternoon|evening)\b|at night\b)"
)
"""Clock times whose half of the day follows the range they open or comes in words, in
lower-cased text: "from 8.15 to 9.15 in the morning", "2.45-3.45pm" (both ends)."""


_HOUR_OPENING_A_RANGE = (
    r"\b(?:from|between)\s+(?:\d{1,2}|"
    + alternation(w for w in _CARDINAL_WORDS if NUMBER_WORDS[w] in range(1, 13))
    + r")\s*(?:to|until|till|and|-|–)\s*(?:\d{1,2}(?:[.:][0-5]\d)?\s*[ap]\.?m\b|"
    + alternation(NAMED_TIMES)
    + ")"
)
"""A bare hour that opens a range ending at a time of day, in lower-cased text ("from six
until noon", "between 9 and 11pm"): ``hour_opening_a_range`` reads its time."""


def _minutes_of(time: re.Match[str]) -> int | None:
    """The minutes after midnight of a ``_TIME`` match (None for no time: "25:10", "13pm")."""
    hours, minutes, meridiem, hours24, minutes24, named = time.groups()
    if named is not None:
        return NAMED_TIMES[named.lower()]
    if meridiem is not None:
        return clock_minutes(int(hours), int(minutes or 0), meridiem.lower())
    return clock_minutes(int(hours24), int(minutes24), "")


def _time_of_day(value: str) -> int | None:
    """The minutes after midnight of a number fact that is a time of day ("2.15am",
    "02:15"), None for any other."""
    time = _TIME.fullmatch(value.strip())
    return None if time is None else _minutes_of(time)


def _has_ratio(at: Stretch) -> bool:
    """The stretch may hold a ratio ("one in four", "nine out of ten"): " in " or " out of "
    before a whole of one, found in C (a dated sentence's "in 2024" is none)."""
    text = at.text
    return (
        text.find(" in ", at.start, at.end) >= 0 or text.find(" out of ", at.start, at.end) >= 0
    ) and compiled(_RATIO).search(text, at.start, at.end) is not None


_ONE_TIME = re.compile(r"one[\s-]time", re.IGNORECASE)
"""No count but a status: a "one-time finance manager" is a former one (a "three-time
champion" counts)."""
_RATIO_BEFORE = r"(?i)\b(?:\d{1,4}|" + alternation(_CARDINAL_WORDS) + r") " + _RATIO_WORDS + r" \Z"
"""The part before the whole of a ratio, read back from the whole: "one in |four", "nine
out of |ten"."""
_RATIO_ENDS = (" in ", " every ", " of ")
"""How the words before a ratio's whole end (``_RATIO_WORDS``)."""


def _with_ratios(text: str, start: int, facts: list[Fact]) -> list[Fact]:
    """``facts`` (numbers), a ratio's two made one ("one in four", "3 in 10"): a share,
    which the other article may write as one ("a quarter")."""
    out: list[Fact] = []
    for fact in facts:
        whole = text[fact.start : fact.end]
        if (
            fact.start < 4
            or not text.endswith(_RATIO_ENDS, max(0, fact.start - 7), fact.start)
            or not ((len(whole) <= 3 and whole.isdigit()) or whole.lower() in _CARDINAL_KEYS)
        ):
            out.append(fact)  # no " in " just before, or no whole of a ratio ("in 2024")
            continue
        before = compiled(_RATIO_BEFORE).search(text, max(start, fact.start - 26), fact.start)
        if before is None:
            out.append(fact)
            continue
        if out and out[-1].start >= before.start():
            out.pop()  # the part, a figure of its own ("3" of "3 in 10")
        out.append(_new_tuple(Fact, (fact.category, before.start(), fact.end)))
    return out


_SPAN = re.Match.span


def _facts_of(category: ClaimCategory, matches: Iterable[re.Match[str]]) -> list[Fact]:
    """``[Fact(category, *m.span()) for m in matches]``, built in C: no Python step per
    match (a sentence of figures holds ten)."""
    return list(map(_new_tuple, repeat(Fact), map((category,).__add__, map(_SPAN, matches))))


def _find_roles(at: Stretch) -> list[Fact]:
    """ "head of the regional fund", "spokeswoman for the council"."""
    if not at.gates.roles:
        return []
    return [
        Fact(ClaimCategory.ROLE, *m.span())
        for m in _ROLE.finditer(at.text, at.start, at.end)
        if not _ANYONE.match(m.group())
    ]


_ANYONE = re.compile(r"(?i)members? of the public\b")
"""A role anyone has ("a member of the public reported seeing …"): no role of a person."""


_POWER_UNIT = r"[kMGT]?Wh?|[kMG]VA"
"""Units of power and energy written with capitals ("MW", "GWh", "kVA"): after a number,
no name."""


def _find_names(at: Stretch) -> list[Fact]:
    """Capitalised runs: people, places, organisations, other names (``_name_category``).

    Sentence-initial capitals count only for words written as names elsewhere (or a full
    name); titles before a name ("Harbour Master", "Dr") are not part of it.
    """
    text, names = at.text, at.names
    out: list[Fact] = []
    title_case: bool | None = None  # read at the first capitalised run: most have none
    shouted = False
    for m in _NAME.finditer(text, at.start, at.end):
        if title_case is None:
            title_case = _is_title_case(text[at.start : at.end])
            shouted = title_case and _is_shouted(text[at.start : at.end])
        if title_case:
            # "Rail Line Shut As Floods Hit Northern Towns": capitals say nothing here.
            # Only words the articles write as names elsewhere count; in a headline in
            # capitals ("SHAME OF CRUEL VET"), no word is an acronym for its capitals.
            for s, e in _known_name_runs(m, names, shouted=shouted):
                out.append(Fact(_name_category(text, s, text[s:e].split()), s, e))
            continue
        s, e = m.start(), m.end()
        if s and text[s - 1].isalnum():
            # Inside a word (a unit, "kWh", "3MWh"; a brand, "eBay"): no name, but the run
            # may go on to one ("on eBay. The W H Smith shop").
            space = text.find(" ", s, e)
            rest = _NAME.search(text, space, e) if space >= 0 else None
            if rest is None:
                continue
            m, s, e = rest, rest.start(), rest.end()
        if (
            compiled(_POWER_UNIT).fullmatch(text, s, e)
            and text[max(0, s - 2) : s].strip()[-1:].isdigit()
        ):
            continue  # "a 40 MW farm", "3 GWh": a figure's unit
        if text.startswith("$", e):
            continue  # "US$45m", "A$3bn": the currency of a figure, not a place
        if e - s <= 4 and _JOINED_INITIALS.fullmatch(text, s, e):
            continue  # "B&Bs", "R&D": a common phrase shortened
        words = m.group().split()
        # Drop a title ("Harbour Master") and a sentence-initial common word ("The",
        # "While", "Recent").
        while words:
            drop = title_length(words) if len(words) > 1 else 0
            if not drop:
                first = words[0].lower()
                if not (
                    first in STOPWORDS
                    or first.strip(".") in TITLE_WORDS
                    or (
                        s == m.start()
                        and _sentence_initial(text, s)
                        and words[0] not in names
                        and not _first_name(words)
                    )
                ):
                    break
                drop = 1
            for word in words[:drop]:
                s += len(word)
                s += len(text[s:e]) - len(text[s:e].lstrip())
            words = words[drop:]
        while words and words[-1].lower() in STOPWORDS:
            e -= len(words[-1])
            e = s + len(text[s:e].rstrip())
            words = words[:-1]
        if not words:
            continue
        if _media_credit(text, s, e, words):
            continue  # "(Harbour Wire) —", "told Harbour Wire": the outlet, not a fact
        if len(words) > 1 and words[0].isupper() and all(map(_shouted_word, words)):
            continue  # "FARES FALL: £2 cap …": a headline's words in capitals, no name
        if compiled(HOLIDAY_NAMES).fullmatch(text, s, e):
            continue  # "Christmas sales fell": a time of the year (the dates' check), no name
        if len(words) <= 2 and all(w.lower() in MOVABLE_FEASTS for w in words):
            # "over Easter", "during Ramadan": a time of the year, whose day moves; "Easter
            # eggs" names none.
            if compiled(_TIME_PREPOSITION_BEFORE).search(text, max(0, s - 8), s):
                out.append(Fact(ClaimCategory.DATE, s, e))
            continue
        if len(words) == 1 and (
            words[0].lower() in MONTHS
            or words[0].lower() in WEEKDAYS
            or words[0].lower().removesuffix("s") in WEEKDAYS  # "on Mondays and Fridays"
            or (words[0].isupper() and _bare(words[0]) in COMMON_ACRONYMS)  # "TV", "CMO"
            or len(words[0]) < 2
            or _DEMONYM.search(words[0])
        ):
            continue  # "Western", "European": adjectives, not names
        out.append(Fact(_name_category(text, s, words), s, e))
    return out


_CREDITED_BEFORE = r"(?i)(?:\(|\b(?:told|to|with|according to|for|by|from)\s+(?:the\s+)?)\Z"


def _media_credit(text: str, start: int, end: int, words: list[str]) -> bool:
    """The name at ``start:end`` is a news outlet ("Harbour Wire", "Westmark Press
    Service", "Reuters") in a dateline or an attribution ("SALTMERE (Harbour Wire) —",
    "told Harbour Wire", "according to the Evening Post"): a rewrite that drops it, or
    says "said in a statement", changes no fact."""
    before = compiled(_CREDITED_BEFORE).search(text, max(0, start - 24), start)
    return before is not None and _is_outlet(words)


_CREDIT_FILLER = frozenset(
    (*STOPWORDS, *REPORTING_VERBS, *"told tell tells speaking spoke interview".split())
).union("afterwards later earlier yesterday today statement".split())
"""Words an attribution to an outlet may hold besides its name."""


_DATELINE = re.compile(
    r"[A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+)*,?\s+"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?"
    r"\s*(?:\([^()\n]{2,60}\)\s*)?[—–-]\s"
)
"""A wire dateline opening a sentence, with its date: "KELLMARSH, Dec. 3 (Tidewater
Press) - ", "OSLO, 4 March —"."""


_DATED = frozenset((ClaimCategory.DATE, ClaimCategory.NUMBER))
"""The categories of a dateline's facts ("Dec. 3", its "3")."""


def _in_dateline(text: str, sentence_start: int, end: int) -> bool:
    """A fact ending at ``end`` lies in the dateline opening its sentence: the date the
    copy was filed, which a rewrite that drops the dateline changes nothing by."""
    if end - sentence_start > 80 or not text[sentence_start : sentence_start + 1].isupper():
        return False
    dateline = _DATELINE.match(text, sentence_start)
    return dateline is not None and end <= dateline.end()


def _might_credit(text: str, start: int, end: int) -> bool:
    """A media word ends some word of ``text[start:end]`` ("Wire", "Press", "Reuters"):
    what ``_only_a_credit`` needs, found in C before its Python reads the span."""
    return compiled(_MEDIA_WORD).search(text, start, end) is not None


_MEDIA_WORD = (
    r"(?i)\b(?:" + alternation([*MEDIA_HEADS, "service", "agency", *NEWS_AGENCIES]) + r")\b"
)


def _only_a_credit(span: str) -> bool:
    """``span`` says no more than that a news outlet was told or reported something: an
    outlet's name ("Westmark Press Service", "Harbour Wire") with attribution words at
    most ("told Harbour Wire afterwards")."""
    names = [m for m in _NAME.finditer(span) if _is_outlet(m.group().split())]
    if not names:
        return False
    rest = "".join(
        span[start:end]
        for start, end in zip(
            [0, *(m.end() for m in names)], [*(m.start() for m in names), len(span)], strict=True
        )
    )
    return all(k in _CREDIT_FILLER or not k.isalpha() for k in word_keys(rest))


def _is_outlet(words: list[str]) -> bool:
    """A name's words name a news outlet ("Harbour Wire", "Westmark Press Service")."""
    last = _bare(words[-1])
    if last in ("service", "agency"):
        return len(words) >= 2 and _bare(words[-2]) in ("press", "news")
    return last in MEDIA_HEADS or " ".join(map(_bare, words)) in NEWS_AGENCIES


_MONTH_FORMS: dict[str, frozenset[str]] = {}
for _month in MONTHS:
    # "jan", "january": the forms sharing a month's first three letters ("sept" too).
    _forms = frozenset(stem(m) for m in MONTHS if m[:3] == _month[:3])
    _MONTH_FORMS[stem(_month)] = _forms

_EQUIVALENT_STEMS: dict[str, tuple[str, ...]] = {}
"""For local support: stems that stand for a stem ("kyiv" for "ukraine", "jan" for "january")."""
for _word, _equivalents in PLACE_EQUIVALENTS.items():
    _EQUIVALENT_STEMS[stem(_word)] = tuple(stem(e) for e in _equivalents if " " not in e)
for _month_stem, _forms in _MONTH_FORMS.items():
    _EQUIVALENT_STEMS[_month_stem] = (*_EQUIVALENT_STEMS.get(_month_stem, ()), *_forms)


_DATE_PREPOSITIONS = frozenset(("on", "in", "by", "since", "from", "until"))
"""Words ``_DATE`` may take before a date: the date is its other words ("set in July 1994"
/ "stood since July 1994")."""


_LAST_PERIOD = r"(?i)\b(last|next) (week|month|year)\b"
_RELATIVE_YEAR = re.compile(r"(?i)\b(last|this|next) year\b")
_YEARS_AGO = r"\b(\d{1,2}|" + alternation(_CARDINAL_WORDS) + r") years (?:ago|earlier)\b"
"""A year counted back from an article's own in lower-cased text ("five years ago", "12
years earlier")."""
_IN_A_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_YEARS_SO_FAR = (
    r"\b(?:has|have|'s|’s)(?: \w+){0,6}? for (\d{1,2}|"
    + alternation(_CARDINAL_WORDS)
    + r") years\b"
)
"""A span of years up to now in lower-cased text ("has stood empty for three years", "who
has run it for 12 years"): it started that many years before the article's own year, as
"since 2024" says in a 2027 article."""


_YEAR_BEFORE = (
    r"\b(?:the year before|a year (?:earlier|before)|the (?:previous|prior|preceding) year)\b"
)
"""A year counted back from the year named before it, in lower-cased text ("in 2026, up
from 62% a year earlier", "last year, about the same as the year before")."""
_A_YEAR_NAMED = r"\b(?:((?:19|20)\d\d)|(last|this|next) year)\b"
_YEAR_BACK_REACH = 300
"""Characters before a year counted back within which the year it counts from is named."""


def _years_before(lowered: str, year: int | None) -> set[int]:
    """The years an article names as the year before another (``_YEAR_BEFORE``): the
    last year named within ``_YEAR_BACK_REACH`` characters before it, written out or
    relative to the stamp's ``year``, less one ("in 2026 ... a year earlier": 2025)."""
    found: set[int] = set()
    if "year" not in lowered:
        return found
    for match in compiled(_YEAR_BEFORE).finditer(lowered):
        lo = max(0, match.start() - _YEAR_BACK_REACH)
        names = list(compiled(_A_YEAR_NAMED).finditer(lowered, lo, match.start()))
        if not names:
            continue
        named = names[-1]  # the last year named before it
        if named.group(1):
            found.add(int(named.group(1)) - 1)
        elif year is not None:
            found.add(year + YEAR_OFFSETS[named.group(2)] - 1)
    return found


def _years_ago_stated(text: str, start: int, end: int, support: Support) -> bool:
    """The duration at ``start:end`` counts years back ("five years ago") to a year the
    other article writes, from its stamp's year ("in 2021" in a 2026 article): a date in
    other words."""
    if support.year is None:
        return False
    # The duration holds its "ago" ("five years ago") or stands just before it.
    ago = compiled(_YEARS_AGO).match(text[start : end + 8].lower())
    if ago is not None and ago.end() >= end - start:
        return str(support.year - int(_words_value(ago.group(1)))) in support.numbers
    # A span of years up to now ("has stood empty for three years") from a year the
    # other article writes after "since" ("empty since 2024" in a 2027 article).
    before = text[max(0, start - _SO_FAR_REACH) : end].lower()
    so_far = compiled(_YEARS_SO_FAR).search(before)
    if so_far is None or so_far.end() != len(before):
        return False
    since = f"since {support.year - int(_words_value(so_far.group(1)))}"
    return since in support.lowered


_SO_FAR_REACH = 60
"""Characters before a span of years that ``_YEARS_SO_FAR`` reads ("has" and six words)."""


def _year_stated(value: str, support: Support) -> bool:
    """A year the date ``value`` states, and the other article states as relative to its
    stamp's year ("this year" / "2026", "on 21 March next year" / "on Sunday 21 March 2027"):
    ``value``'s relative year is a year the other article writes, or its year one the other
    article names relative to its own stamp or as the year before one it names ("2025" /
    "in 2026, up from 62% a year earlier")."""
    relative = _RELATIVE_YEAR.search(value)
    if relative is not None:
        if support.year is None:
            return False
        year = support.year + YEAR_OFFSETS[relative.group(1).lower()]
        return str(year) in support.numbers
    written = _IN_A_YEAR.search(value)
    return written is not None and int(written.group(1)) in support.relative_years()


_PERIOD_BEFORE = (
    r"\b(?:(?:a|one) (week|month|year) (?:earlier|ago|before)|the (?:previous|prior|past) "
    r"(week|month|year)|the (week|month|year) before|(week|month|year)[\s-]on[\s-]\4)\b"
)
"""A period counted back in lower-cased text ("a year earlier", "the previous week", "over
the past week", "up 6% year on year"): what states a date "last year" or "last week"
says."""
_PERIOD_AHEAD = r"\bthe (?:coming (week|month|year)|(week|month|year) ahead)\b"
"""A period counted forward ("the coming year", "the week ahead"): what "next year" says."""
_YEAR_OF_MONTHS_AHEAD = r"\bthe (?:coming|next) (?:12|twelve) months\b"
"""The year ahead counted in months ("over the coming twelve months"): "the next year"."""


def _date_supported(value: str, support: Support) -> bool:
    """Every word of the date occurs in the article ("Jan." and "January" are one), a day
    of a month as that day of that month (``Support.stated_days``: "27 May", "24-27 May",
    "on the 27th" after a date in May), not its day and month apart; every part of a
    Chinese or Japanese date is stated by one of its dates; "last year" is stated by "a
    year earlier" or "the previous year"; a holiday by its name or its day ("Christmas
    Eve" / "24 December")."""
    if not value.isascii() and cjk.has_cjk(value):
        return support.stated().states_date(cjk.date_keys(value))
    holiday = compiled(HOLIDAY_PATTERN).search(value)
    when = holiday_date(holiday.group()) if holiday is not None else None
    if holiday is not None and when is not None:
        # "before Christmas Eve": the holiday stated by name or by its day ("24 December").
        h_month, h_day = when
        by_name = (h_month, h_day) in support.holidays()
        by_day = (str(h_day), MONTH_NAMES[h_month - 1][:3]) in support.days_of_months()
        if not by_name and not by_day:
            return False
        # The rest of the date ("before", "2026") as any date's words are.
        return _date_supported(value[: holiday.start()] + value[holiday.end() :], support)
    quarter = quarter_of(value)
    if quarter is not None:
        # "Q3" is the third quarter, not the second. "The first quarter" is "between
        # January and March" too: a period of months (``_period_stated``).
        return quarter in support.quarters()
    last = compiled(_LAST_PERIOD).search(value)
    if last is not None:
        ahead = "+" if last.group(1).lower() == "next" else ""
        if ahead + last.group(2).lower() in support.periods_before():
            return True
    if support.month is not None:
        relative = compiled(_RELATIVE_MONTH).search(value)
        if relative is not None:
            # "next month" in February: the other article names March (as its stamp month
            # stands for this one's: a story's versions are days apart).
            month = (support.month - 1 + YEAR_OFFSETS[relative.group(1).lower()]) % 12
            if _MONTH_STEMS[month] in support.stems:
                return True
    if value[:1].isdigit() or " " in value:
        day_month = compiled(_DAY_MONTH_AFTER).search(" " + value)
        if day_month is not None:
            day, in_month = _day_and_month(day_month)
            if (day, in_month) not in support.stated_days():
                # A day of a month is stated as one, or as the holiday it is ("before 24
                # December" / "before Christmas Eve"), not by its day and its month apart
                # ("20 May" / "09:20, 18 May").
                return _day_of_a_holiday(day, in_month, support)
    words = [
        # A day's ordinal suffix dropped: "21st March" / "March 21".
        key[:-2] if key[:1].isdigit() and key[-2:] in _ORDINAL_ENDINGS else stem(key)
        for key in _fact_keys(value)
        if is_word(key) and key not in STOPWORDS and key not in _DATE_PREPOSITIONS
    ]
    missing = [
        w
        for w in words
        if not (
            w in support.stems
            or w in support.numbers
            or not _MONTH_FORMS.get(w, frozenset()).isdisjoint(support.stems)
        )
    ]
    if missing and support.month is not None:
        # "in March" against "next month" in a February article.
        named = support.relative_months()
        missing = [w for w in missing if w not in named]
    if missing:
        missing = _periods_uncovered(value, missing, support)
    if not missing:
        return True
    # A year written out on one side and relative on the other ("this year" / "2026"):
    # the rest of the date stated, the year read against the other article's stamp.
    return set(missing) <= _YEAR_WORDS | {w for w in missing if _IN_A_YEAR.fullmatch(w)} and (
        _year_stated(value, support)
    )


_SEASON_STEMS = {stem(season): months for season, months in SEASON_MONTHS.items()}
"""``lexicon.SEASON_MONTHS`` by the seasons' stems ("spr"), as ``Support.stems`` holds
them."""
_YEAR_PARTS = (
    (r"\b(?:start|beginning) of (?:the|this) year\b", (1,)),
    (r"\bend of (?:the|this) year\b", (12,)),
    (r"\bfirst (?:half|six months)\b", (1, 2, 3, 4, 5, 6)),
    (r"\bsecond half\b", (7, 8, 9, 10, 11, 12)),
    (r"\bmid-?(?:(?:19|20)\d\d|year)\b|\bmiddle of (?:the|this) year\b", (6, 7)),
)
"""Parts of a year named without a month, with the months they cover ("since the start of
the year": January, "the first six months of 2026": January to June)."""


_PERIOD_NAMED = (
    rf"(?i)(?:\b(last|next)\s+)?\b({alternation(SEASON_MONTHS.keys() | set(MONTH_NAMES))})\b"
)
"""A season or a month named, with "last" or "next" before it (another year's: group 1) or
not; a month counts only capitalised ("may" is the verb)."""
_OTHER_YEAR = r"\b(?:last|next)\b"


def _periods_uncovered(value: str, missing: list[str], support: Support) -> list[str]:
    """The words of ``missing`` (stems of the date ``value`` the other article lacks) that
    no period of the other article covers nor names a part of: a month within a season or
    a part of the year it names ("in May" / "this spring", "since January" / "since the
    start of the year"), a season or a part of the year holding a month it names ("this
    spring" / "in May", "the first six months" / "between January and June"). Only the
    month is so read: a year stays to be stated."""
    lowered = value.lower()
    if compiled(_OTHER_YEAR).search(lowered):
        return missing  # "last November", "next spring": another year's, stated as such
    covering, named = support.months_covered()
    for pattern, months in _YEAR_PARTS:
        if compiled(pattern).search(lowered) and not named.isdisjoint(months):
            # The part of the year stated by a month in it: its words are stated.
            return [w for w in missing if _IN_A_YEAR.fullmatch(w)]
    out = []
    for word in missing:
        if word in _MONTH_STEMS and _MONTH_STEMS.index(word) + 1 in covering:
            continue  # "in May" / "this spring"
        if word in _SEASON_STEMS and not named.isdisjoint(_SEASON_STEMS[word]):
            continue  # "this spring" / "in May"
        out.append(word)
    return out


def _day_of_a_holiday(day: str, month: str, support: Support) -> bool:
    """The day ``day`` of ``month`` (its first three letters) is a holiday the other
    article names ("24 December" / "Christmas Eve")."""
    number = MONTH_NUMBERS.get(month)
    return (
        number is not None
        and day.isdigit()
        and bool(support.holidays())
        and (number, int(day)) in support.holidays()
    )


_ORDINAL_ENDINGS = frozenset(("st", "nd", "rd", "th"))
"""The endings of a day written as an ordinal ("21st"), after its digits."""
_YEAR_WORDS = frozenset(("this", "next", "last", "year"))
_RELATIVE_MONTH = r"(?i)\b(last|this|next) month\b"
_MONTH_STEMS = tuple(map(stem, MONTH_NAMES))
"""Each month's stem, January first (``Support.stems`` holds stems)."""


def _role_supported(value: str, support: Support) -> bool:
    match = _ROLE.match(value)
    return support.has_words(match.group("np") if match else value) >= 0.75


@dataclass(frozen=True, slots=True)
class Detector:
    """One kind of fact: an entry of ``DETECTORS``."""

    name: str
    """Unique, for tests and messages."""
    category: ClaimCategory
    """The category of its facts."""
    priority: int
    """Where its spans overlap another detector's, the higher priority keeps the span."""
    find: Callable[[Stretch], list[Fact]]
    """Its candidate facts in a stretch, in text order, overlapping other detectors' freely."""
    supported: Callable[[str, Support], bool]
    """Whether the other article supports a fact's text (then it is no claim)."""
    refines: tuple[ClaimCategory, ...] = ()
    """Further categories its facts may take (a name may be a person, a place, …)."""

    @property
    def categories(self) -> tuple[ClaimCategory, ...]:
        """Every category its facts can have."""
        return (self.category, *self.refines)


DETECTORS: tuple[Detector, ...] = (
    # A duration holds a number ("two years" is one fact, not the number "two").
    Detector(
        name="duration",
        category=ClaimCategory.DURATION,
        priority=50,
        find=_find_durations,
        supported=lambda value, support: support.has_duration(_duration_key(value)),
    ),
    # A date holds numbers ("March 5, 2024") and names ("Tuesday").
    Detector(
        name="date",
        category=ClaimCategory.DATE,
        priority=40,
        find=_find_dates,
        supported=_date_supported,
    ),
    Detector(
        name="number",
        category=ClaimCategory.NUMBER,
        priority=30,
        find=_find_numbers,
        supported=lambda value, support: support.has_number(value),
    ),
    # A role holds the name of what it heads ("head of the World Bank").
    Detector(
        name="role",
        category=ClaimCategory.ROLE,
        priority=20,
        find=_find_roles,
        supported=_role_supported,
    ),
    Detector(
        name="name",
        category=ClaimCategory.NAME,
        priority=10,
        find=_find_names,
        supported=lambda value, support: support.has_name(value),
        refines=(ClaimCategory.PERSON, ClaimCategory.PLACE, ClaimCategory.ORGANISATION),
    ),
)
"""The fact detectors that ``find_facts`` runs, one entry per kind of fact."""
_SUPPORTED = {category: d.supported for d in DETECTORS for category in d.categories}
"""Each fact category's support check (its detector's ``supported``)."""


def resolve_overlaps(
    found: Iterable[tuple[int, Sequence[Fact]]], start: int, end: int
) -> list[Fact]:
    """The facts that keep their span, in text order, from each detector's candidates
    inside ``[start, end)``: (priority, its facts in text order) pairs.

    Candidates are taken by priority, highest first, and in text order within one
    priority; each is kept unless it overlaps a fact already kept. So a kept fact never
    overlaps another, and a candidate is only lost to a kept one that outranks it.

    >>> a, b = Fact(ClaimCategory.NAME, 0, 5), Fact(ClaimCategory.DATE, 3, 9)
    >>> resolve_overlaps([(10, [a]), (40, [b])], 0, 9) == [b]
    True
    """
    groups = [(priority, facts) for priority, facts in found if facts]
    if not groups:
        return []
    if len(groups) == 1 and len(groups[0][1]) == 1:
        return list(groups[0][1])
    # Most sentences' candidates do not overlap at all: then every one is kept, and text
    # order is their only order (non-empty spans that do not overlap start apart).
    every = sorted([fact for _, facts in groups for fact in facts], key=_START)
    previous_end = -1
    for fact in every:
        if fact.start < previous_end or fact.end <= fact.start:
            break
        previous_end = fact.end
    else:
        return every
    groups.sort(key=_PRIORITY, reverse=True)  # stable: equal priorities keep their order
    # One flag per character: checking a candidate costs its length, not the facts kept.
    taken = bytearray(end - start)
    kept: list[Fact] = []
    for _, facts in groups:
        for fact in facts:
            s, e = fact.start - start, fact.end - start
            if taken.find(1, s, e) < 0:
                kept.append(fact)
                taken[s:e] = b"\x01" * (e - s)
    kept.sort(key=_START)
    return kept


_START = operator.attrgetter("start")
_PRIORITY = operator.itemgetter(0)


def find_facts(text: str, start: int, end: int, names: frozenset[str]) -> list[Fact]:
    """Numbers, dates, durations, names and roles inside ``text[start:end]``: every
    detector of ``DETECTORS``, overlaps resolved by priority (``resolve_overlaps``).

    ``names`` are capitalised words seen mid-sentence: a sentence-initial capital
    counts as a name only when it is one of them.
    """
    at = Stretch.of(text, start, end, names)
    found = resolve_overlaps([(priority, find(at)) for priority, find in _FINDERS], start, end)
    escapes = escape_spans(text, start, end)
    if escapes:  # read no fact in a pasted escape sequence ("\x1b[31m" is no figure)
        return [f for f in found if not any(s < f.end and f.start < e for s, e in escapes)]
    return found


def _outside_escapes(text: str, sentence_start: int, start: int, end: int) -> str:
    """``text[start:end]`` without the terminal escape sequences in it (those of its
    sentence, from ``sentence_start``: one may open before ``start``).

    >>> _outside_escapes("a \\x1b]8;;http://x.org/Paris\\x07link\\x1b[0m b", 0, 5, 36)
    ' link  b'
    """
    parts = []
    at = start
    for s, e in escape_spans(text, sentence_start, end):
        if e > at:
            parts.append(text[at:s] if s > at else "")
            at = e
    parts.append(text[at:end])
    return " ".join(parts)


_FINDERS = tuple((d.priority, d.find) for d in DETECTORS)
"""``DETECTORS``' (priority, find) pairs: read once, not per sentence."""


def _bare(word: str) -> str:
    """A name word without case, a final full stop or a possessive: "Germany." -> "germany"."""
    bare = word.lower().rstrip(".")
    if bare.endswith(("'s", "’s")):
        bare = bare[:-2]
    return bare.rstrip("'’")


_LONG_WORD = re.compile(r"([^\W\d_])[\w'’-]{3,}")
"""A word of four letters or more; its group is its first letter (``findall`` then makes
no string per word: a one-letter string is shared)."""
_LONG_WORD_ASCII = re.compile(_LONG_WORD.pattern, re.ASCII)
"""``_LONG_WORD`` for ASCII text, where it finds the same words faster: its ``\\w`` reads a
table rather than the Unicode database at each character (a headline in ASCII is common)."""


def _is_title_case(text: str) -> bool:
    """A headline in title case: (almost) every longer word capitalised.

    >>> _is_title_case("Rail Line Shut As Floods Hit Northern Towns")
    True
    >>> _is_title_case("Heavy rain closed the line between Larvik and Skien on Tuesday.")
    False
    """
    initials = (_LONG_WORD_ASCII if text.isascii() else _LONG_WORD).findall(text)
    return len(initials) >= 3 and sum(map(str.isupper, initials)) >= 0.8 * len(initials)


def _shouted_word(word: str) -> bool:
    """``word`` is an English word the synonym table knows, written in capitals ("FARES",
    "FALL"): no acronym ("NHS", "UNESCO") and no name."""
    bare = word.strip(".,:;!?'’")
    return (
        len(bare) >= 3
        and bare.isupper()
        and bare.isalpha()
        and bare.lower() not in COMMON_ACRONYMS
        and bool(synonyms.parts_of_speech(bare.lower()))
    )


def _is_shouted(text: str) -> bool:
    """A line in capitals ("GREEDY TOUT CASHES IN ON FANS' MISERY"): nine letters in ten
    upper-case, and three words at least.

    >>> _is_shouted("SHAME OF CRUEL VET WHO LEFT DOGS TO GO HUNGRY"), _is_shouted("NHS Pay Deal")
    (True, False)
    """
    letters = [c for c in text if c.isalpha()]
    return len(text.split()) >= 3 and sum(map(str.isupper, letters)) >= 0.9 * len(letters)


def _known_name_runs(
    match: re.Match[str], names: frozenset[str], *, shouted: bool = False
) -> list[tuple[int, int]]:
    """Spans of the runs of words in ``match`` that are names in their own right: written
    capitalised mid-sentence somewhere in the articles, a known place, or an acronym (in
    a line in capitals, only a word written so elsewhere: ``shouted``)."""
    runs: list[tuple[int, int]] = []
    last_end = -1
    for word in re.finditer(r"\S+", match.group()):
        raw = word.group().rstrip(".,;:")
        bare = _bare(raw)
        if shouted:
            known = raw in names or raw.capitalize() in names or bare in PLACES
        else:
            known = raw in names or bare in PLACES or (raw.isupper() and len(raw) >= 2)
        if not known or bare in STOPWORDS:
            last_end = -1
            continue
        start = match.start() + word.start()
        end = start + len(raw)
        if runs and last_end >= 0:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
        last_end = end
    return runs


def _first_name(words: list[str]) -> bool:
    """A sentence-initial word that opens a full name: followed by another capitalised
    word ("Gareth Quill, head of …"), and not a sentence adverb ("Meanwhile", "Earlier")."""
    head = words[0].lower()
    return (
        len(words) >= 2
        and head not in SENTENCE_OPENERS
        and not head.endswith("ly")
        and words[0].isalpha()
        and words[1][:1].isupper()
    )


_WORD_BEFORE = re.compile(r"(\w+)\.?\s+$")
"""The word just before a name ("Dr. | Smith"), a title or not."""


def _name_category(text: str, start: int, words: list[str]) -> ClaimCategory:
    last = _bare(words[-1])
    if len(words) == 1 and last in EVENTS:
        return ClaimCategory.NAME  # "WWII": neither a place nor an organisation
    if last in PLACES:
        return ClaimCategory.PLACE  # before acronyms: "UK", "US"
    if words[-1].isupper() and len(words[-1].strip(".")) >= 2 and len(words) == 1:
        return ClaimCategory.ORGANISATION
    if last in ORGANISATION_HEADS:
        return ClaimCategory.ORGANISATION
    if len(words) <= 2 and _PLACE_BEFORE.search(text[max(0, start - 12) : start].lower()):
        return ClaimCategory.PLACE
    if len(words) >= 2 and not any(w.isupper() for w in words):
        return ClaimCategory.PERSON
    # A single word or an acronym: a person when a title stands before it.
    prev = _WORD_BEFORE.search(text[max(0, start - 20) : start])
    if prev and prev.group(1).lower() in TITLE_WORDS:
        return ClaimCategory.PERSON
    return ClaimCategory.NAME


def _supported(fact: Fact, text: str, support: Support) -> bool:
    """The other article supports the fact (``_supported_at``)."""
    return _supported_at(fact.category, text, fact.start, fact.end, support)


def _supported_at(
    category: ClaimCategory, text: str, start: int, end: int, support: Support
) -> bool:
    """The other article supports the fact of ``category`` at ``start:end``: its
    detector's check, or for a figure, the same figure in another unit or rounded
    (``_figure_elsewhere``), for a weekday, the date it names (``_weekday_of_a_date``)."""
    if _SUPPORTED[category](text[start:end], support):
        # A figure of a measure is stated in that measure ("60 metres" / "60ft").
        return category is not ClaimCategory.NUMBER or not _another_measure(
            text, start, end, support
        )
    if category is ClaimCategory.DURATION:
        return _years_ago_stated(text, start, end, support) or _period_stated(
            text, start, end, support
        )
    if category is ClaimCategory.NUMBER:
        # A time of day is stated as a time ("2.15pm" is not "2.15" or "2:15am").
        if _time_of_day(text[start:end]) is not None:
            return False
        return (
            _figure_elsewhere(text, start, end, support)
            or _definite_count(text, start, end)
            or _period_stated(text, start, end, support)
        )
    return category is ClaimCategory.DATE and (
        _weekday_of_a_date(text, start, end, support)
        or _date_of_a_weekday(text, start, end, support)
        or _weekday_of_its_week(text, start, end, support)
        or _month_of_a_year_named(text, start, end, support)
        or _end_of_a_working_week(text, start, end, support)
        or _period_stated(text, start, end, support)
    )


_WORKING_WEEK = (
    r"(?i)\b(?:(monday)\s*(?:to|-|–|through|until|till)\s*(friday)"
    r"|(saturday)\s*(?:and|to|-|–|or)\s*(sunday))\b"
)
"""The days of a working week or of a weekend, as a range ("Monday to Friday", "Saturday
and Sunday")."""


def _end_of_a_working_week(text: str, start: int, end: int, support: Support) -> bool:
    """The weekday at ``start:end`` is an end of "Monday to Friday" (or "Saturday and
    Sunday") and the other article says "weekdays" (or "weekends"): one span of days, said
    two ways."""
    window = compiled(_WORKING_WEEK).search(text, max(0, start - 20), min(len(text), end + 20))
    if window is None or not (start < window.end() and window.start() < end):
        return False  # ("on Saturday": its preposition before the range)
    days = "weekday" if window.group(1) else "weekend"
    return stem(days) in support.stems or stem(days + "s") in support.stems


_MONTH_BEFORE = rf"(?i)\b({alternation(MONTH_NAMES)})\s+$"
"""A month just before a relative year ("November | last year")."""


def _month_of_a_year_named(text: str, start: int, end: int, support: Support) -> bool:
    """The fact at ``start:end`` is "last year" or "next year" just after a month ("since
    November last year"), and the other article names that month with "last" or "next"
    ("since last November"): one date, said two ways."""
    relative = _RELATIVE_YEAR.fullmatch(text, start, end)
    if relative is None or relative.group(1).lower() == "this":
        return False
    month = compiled(_MONTH_BEFORE).search(text, max(0, start - 12), start)
    if month is None:
        return False
    return f"{relative.group(1).lower()} {month.group(1).lower()}" in support.lowered


_FIGURE_TOKEN = re.compile(r"(?<![\d.,])\d[\d,]*(?:\.\d+)?")
"""A figure in digits, with its thousands commas and decimals ("120,000", "4.5")."""
_WHOLE_NUMBER = re.compile(r"(?<![\d.,])\d+(?![\d]|[.,]\d)")
"""A whole number in digits, not part of a decimal or of a number with separators."""


def _another_measure(text: str, start: int, end: int, support: Support) -> bool:
    """The figure at ``start:end`` has a unit of measure just after it ("by 60ft") and the
    other article gives that number only as other sizes of that measure ("by 60 metres"):
    its number there is another size. A number there with no unit of its own ("30-50mm")
    or of another measure says nothing against it."""
    number = _WHOLE_NUMBER.match(text, start, end)  # "60" of "60", "60ft", "60 metres"
    if number is None:
        return False
    value = number.group()
    measured = measure_after(text, number.end(), float(value))
    if measured is None:
        return False
    kind, size = measured
    found = support.number_measures(value)
    if not found:
        return False
    sizes = []
    for there in found:
        if there is None:
            return False  # the number there with no unit of its own ("30-50mm")
        if there[0] == kind:
            sizes.append(there[1])
    return bool(sizes) and not any(same_measure(size, s) for s in sizes)


_BARE_WEEKDAY = (
    rf"(?i)(?:(?:on|from|until|till|to|by|before|after|since) )?({alternation(WEEKDAYS)})"
)
"""A weekday alone in a date fact, after a preposition ("on Friday", "from Friday")."""
_DAYS_OF_A_MONTH = (
    r"(?i)(?<![\w:.,])(\d{1,2}(?:st|nd|rd|th)?(?:\s*,\s*\d{1,2}(?:st|nd|rd|th)?)*)"
    r",?\s*(?:[-–—&]|and\b|or\b|to\b)\s*(\d{1,2})"
    rf"(?:st|nd|rd|th)? (?:of )?({alternation(MONTHS)})\b"
)
"""Days of one month ("24-27 July", "9 and 16 December", "3, 10 and 17 May"): the days
before the last in group 1, the last in group 2, the month in group 3. Not a clock's
minutes ("09:20, 18 May")."""
_DIGITS_RUN = re.compile(r"\d{1,2}")
_THE_DAY = re.compile(r"\bthe (\d{1,2})(?:st|nd|rd|th)\b")
"""A day of the month alone ("on the 28th"), of the month named last before it."""
_SAME_MONTH_REACH = 120
"""Characters after a day and month within which "the 28th" is a day of that month."""
_DAY_MONTH_AFTER = (
    rf"(?i),? (?:the )?(?:(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({alternation(MONTHS)})\b"
    rf"|({alternation(MONTHS)})\.? (\d{{1,2}})(?:st|nd|rd|th)?\b)"
)
"""The day and month a weekday names, just after it ("Sunday 21 March", "Sunday, March
21st")."""


_LISTED_DAY_AFTER = (
    r"(?i),? (?:the )?(\d{1,2})(?:st|nd|rd|th)?"
    rf"(?:(?:,|,? and|,? or|,? to|\s*[-–—])\s+(?:(?:{alternation(WEEKDAYS)}),?\s+)?(?:the )?"
    rf"\d{{1,2}}(?:st|nd|rd|th)?)+ (?:of )?({alternation(MONTHS)})\b"
)
"""A day of the month just after a weekday, listed before other days and their month (", 16,
Wednesday 17 and Thursday 18 February", " 28 to Monday 30 August"): the day in group 1,
the month in group 2."""


def _weekday_of_a_date(text: str, start: int, end: int, support: Support) -> bool:
    """The fact at ``start:end`` is a weekday just before a day and month that the other
    article states with no weekday or with the same one ("on Sunday 21 March" / "on 21
    March", "Saturday 10 and Sunday 11 July" / "10 and 11 July"): the day adds nothing the
    date does not say. A date the other article gives
    another weekday is no support: one of the two is wrong."""
    weekday = compiled(_BARE_WEEKDAY).fullmatch(text, start, end)
    if not weekday:
        return False
    date = compiled(_DAY_MONTH_AFTER).match(text, end)
    if date is not None:
        day, month = _day_and_month(date)
    else:
        # The first of days listed before their month: "Saturday 10 and Sunday 11 July".
        listed = compiled(_LISTED_DAY_AFTER).match(text, end)
        if listed is None:
            return False
        day, month = str(int(listed.group(1))), listed.group(2).lower()[:3]
    named = support.days_of_months().get((day, month))
    if named is None and (day, month) in support.stated_days():
        named = {""}  # "28 March" of "23-28 March", "the 28th": stated with no weekday
    # "Monday 21 March" there is another day: no support.
    return named is not None and named <= {"", weekday.group(1).lower()}


_A_WEEKDAY_IN = rf"(?i)\b(?:{alternation(WEEKDAYS)})\b"
"""A weekday anywhere in a date ("Monday 16 November")."""


def _weekday_of_its_week(text: str, start: int, end: int, support: Support) -> bool:
    """A weekday alone and a day and month alone, one of them the fact at ``start:end`` and
    the other in the other article, that name one day: the day is that weekday, within a
    week of the other article's time stamp (``segment.weekday_near``): "on Monday" / "on 16
    November" in an article stamped 17 November 2026."""
    stamp = support.stamp
    if stamp is None:
        return False
    weekday = compiled(_BARE_WEEKDAY).fullmatch(text, start, end)
    if weekday is not None:
        if compiled(_DAY_MONTH_AFTER).match(text, end):
            return False  # "Monday 16 November": ``_weekday_of_a_date``'s
        named = weekday.group(1).lower()
        dated = support.days_of_months()
        return any(
            "" in dated.get((day, month), ("",))
            and weekday_near(stamp, MONTH_NUMBERS[month], int(day)) == named
            for day, month in support.stated_days()
        )
    if compiled(_WEEKDAY_BEFORE).search(text, max(0, start - 16), start) is not None:
        return False  # a weekday given its date: ``_date_of_a_weekday``'s
    value = text[start:end]
    date = compiled(_DAY_MONTH_AFTER).search(" " + value)
    if date is None or compiled(_A_WEEKDAY_IN).search(value) is not None:
        return False
    day, month = _day_and_month(date)
    written = _YEAR_AFTER.search(text, start, end)
    year = int(written.group(1)) if written else None
    named = weekday_near(stamp, MONTH_NUMBERS[month], int(day), year)
    return bool(named) and named in support.bare_weekdays()


def _day_and_month(date: re.Match[str]) -> tuple[str, str]:
    """The day and the month's first three letters of a ``_DAY_MONTH_AFTER`` match ("21",
    "mar"): "Sept", "September" and "sep" are one month, "05" and "5" one day (the keys of
    ``Support.days_of_months``)."""
    return str(int(date.group(1) or date.group(4))), (date.group(2) or date.group(3)).lower()[:3]


_WEEKDAY_BEFORE = rf"(?i)\b({alternation(WEEKDAYS)}),?\s+(?:the\s+)?$"
"""A weekday just before a date ("Wednesday 19 May", "Wednesday, the 19th of May"): the date
is read from the weekday's end (``_DAY_MONTH_AFTER``)."""
_YEAR_AFTER = re.compile(r",?\s+(\d{4})\b")
"""The year after a day and month ("19 May 2027", "May 19, 2027")."""


def _date_of_a_weekday(text: str, start: int, end: int, support: Support) -> bool:
    """The fact at ``start:end`` is a day and month just after a weekday that the other
    article names ("on Wednesday 19 May" / "on Wednesday"), and that day is that weekday in
    its year (written, or the other article's stamp year): the rewrite gives the same day
    more exactly. A date that is not that weekday is no support: one of the two is wrong."""
    weekday = compiled(_WEEKDAY_BEFORE).search(text, max(0, start - 16), start)
    # The weekday alone there: "on Thursday 27 May" there names another Thursday.
    if weekday is None or weekday.group(1).lower() not in support.bare_weekdays():
        return False
    date = compiled(_DAY_MONTH_AFTER).match(text, weekday.end(1))
    if date is None or date.end() > end:
        return False
    written = _YEAR_AFTER.match(text, date.end(), end)
    year = int(written.group(1)) if written else support.year
    if year is None:
        return False
    day, month = _day_and_month(date)
    try:
        named = datetime.date(year, MONTH_NUMBERS[month], int(day))
    except ValueError:
        return False  # "31 June"
    return WEEKDAY_ORDER[named.weekday()] == weekday.group(1).lower()


_FIGURE_BODY = r"[$€£¥]?\s?(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s?(million|billion|thousand|m|bn|k)\b)?"
_SCALED_FIGURE = "(?i)" + _FIGURE_BODY
"""A figure with its scale word ("£96.5m", "120,000", "1.5 million")."""
_APPROXIMATING = (
    "about ",
    "around ",
    "roughly ",
    "approximately ",
    "some ",
    "nearly ",
    "almost ",
    "just under ",
    "close to ",
    "an estimated ",
    "estimated ",
)
"""The words before a figure that give it rounded, as ``Support.approximations`` finds them
in lower-cased text."""
_PAST_WORDS = tuple(
    (f"{phrase} ", 1 if bound == "at least" else -1)
    for phrase, bound in QUANTITY_QUALIFIERS.items()
    if bound in ("at least", "at most")
)
"""The words before a figure that bound it (``QUANTITY_QUALIFIERS``: "more than", "fewer
than"), and which way the true figure lies past it (1: above, -1: below), as
``Support.bounds`` finds them in lower-cased text."""
_PAST_ENDINGS = tuple((" " + phrase.rstrip(), way) for phrase, way in _PAST_WORDS)
"""``_PAST_WORDS`` as a figure's preceding text ends with them (a space before each)."""
_ANY_PAST_ENDING = tuple(ending for ending, _ in _PAST_ENDINGS)


def _bound_way(before: str) -> int:
    """The way of the bound ``before`` ends with (``_PAST_WORDS``), 0 for none: one test in
    C for the text before most figures, which ends with no bound.

    >>> _bound_way(" it has more than"), _bound_way(" just under"), _bound_way(" the")
    (1, -1, 0)
    """
    if not before.endswith(_ANY_PAST_ENDING):
        return 0
    return next(way for ending, way in _PAST_ENDINGS if before.endswith(ending))


_APPROXIMATING_WORDS = tuple(f" {w.strip()}" for w in _APPROXIMATING) + tuple(
    w.strip() for w in _APPROXIMATING
)
"""The same, as a figure's preceding text ends with them (``str.endswith``)."""


_OF_A_WHOLE = (
    r"(?i)\s+of\s+(?:(?:its|the|their|his|her|our)\s+)?(\d[\d,]*|"
    + alternation(k for k, v in NUMBER_WORDS.items() if isinstance(v, int) and 1 < v <= 100)
    + r")\b"
)
""""Of" and the whole a count is part of ("two | of its four exhibitions")."""


def _share_elsewhere(text: str, end: int, value: float, support: Support) -> bool:
    """The count ``value`` ending at ``end`` is part of a whole stated just after it ("two
    of its four exhibitions"), and the other article states that share ("half of the four",
    "50%")."""
    if text.find(" of ", end, end + 4) != end:
        return False  # most figures: no "of" just after (one test in C)
    whole = compiled(_OF_A_WHOLE).match(text, end)
    if whole is None:
        return False
    key = whole.group(1).lower()
    total = float(NUMBER_WORDS.get(key) or key.replace(",", ""))
    if not 0 < value < total:
        return False
    return plain_number(round(100 * value / total, 1)) in support.numbers


_SHARE_AFTER = rf"(?:({alternation(_NUMERATORS)})[\s-]+)?({alternation(FRACTIONS)})\b"
"""A share written out in lower-cased text, where a bound's figure stands ("more than
|three-quarters|")."""


def _figures_after(
    lowered: str, words: Sequence[str] | Mapping[str, int]
) -> list[tuple[float, int]]:
    """(value, tag) of every figure of lower-cased ``lowered`` just after one of ``words``
    (each ending in a space; a mapping gives each word's tag, a sequence tags them 0), the
    word starting a word. Each word is found by ``str.find`` (in C) and the figure read just
    after it: one pattern tried at every place of a long article cost a tenth of its claims."""
    tags = words if isinstance(words, Mapping) else dict.fromkeys(words, 0)
    figure = compiled(_SCALED_FIGURE)
    found = []
    for word, tag in tags.items():
        at = lowered.find(word)
        while at >= 0:
            after = at + len(word)
            if at == 0 or not lowered[at - 1].isalnum():
                value = figure.match(lowered, after)
                if value is not None:
                    found.append((_scaled_value(value), tag))
                elif (share := compiled(_SHARE_AFTER).match(lowered, after)) is not None:
                    # "more than three-quarters": the share's percentage.
                    numerator = _NUMERATORS.get(share.group(1) or "a", 1)
                    found.append((100 * numerator / FRACTIONS[share.group(2)], tag))
            at = lowered.find(word, after)
    return found


_SHARE_WRITTEN = rf"(?i)\b(?:({alternation(_NUMERATORS)})[\s-]+)?({alternation(FRACTIONS)})\Z"
"""A share written out at the end of a fact ("three-quarters", "over a third", "half")."""


_PART_COUNT = r"(\d[\d,]*|" + alternation(_CARDINAL_WORDS) + r")"
_TWO_PARTS = r"(?<![\w.,£$€-])" + _PART_COUNT + r" (?:[a-z]+ ){1,2}and " + _PART_COUNT + r" [a-z]+"
"""A count given in two parts, in lower-cased text ("46 passengers and four crew", "12
adults and three children"), whose total the other article may give."""
_PERCENT_SIGN = r"\s?(?:%|per ?cent\b)"
"""A percent sign or "per cent" just after a figure's digits."""
_PERCENT_AFTER = "(?i)" + _PERCENT_SIGN
_PERCENTAGE = r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)" + _PERCENT_SIGN
"""A percentage in figures, in lower-cased text ("81%", "34 per cent")."""


@functools.lru_cache(maxsize=4)
def _percentages_in(text: str) -> frozenset[float]:
    """The percentages an article's text gives in figures ("81%", "34 per cent"), read once
    a text (a string's hash is kept with it): for its own shares in words, and as the
    other article's support (``Support.percentages``, of its lower-cased text)."""
    if "%" not in text and "cent" not in text.lower():
        return frozenset()
    found = compiled(_PERCENTAGE).findall(text.lower())
    return frozenset(float(f.replace(",", "")) for f in found)


def _definite_count(text: str, start: int, end: int) -> bool:
    """The figure at ``start:end`` is a small count in words after "the", "those" or
    "these" ("between the two cities", "in those three towns"): it refers back to things
    the article names, which the other may name without counting them ("between Portavel
    and Nadrigo"), and states no figure of its own."""
    if text[start:end].lower() not in _SMALL_COUNTS:
        return False
    return compiled(_DEFINITE_BEFORE).search(text, max(0, start - 12), start) is not None


_SMALL_COUNTS = frozenset("two three four five six seven eight nine".split())
_DEFINITE_BEFORE = r"(?i)\b(?:the|those|these) \Z"
"""A definite article or demonstrative just before a count ("the two", "those three"); not
a possessive ("two of its four supports" tells how many it has)."""


def _a_figure_of_note(text: str) -> bool:
    """``text`` holds a digit or a number word of two or more ("ten-year"): a figure no
    article holds by chance, as it holds "a" or "one"."""
    if any(map(str.isdigit, text)):
        return True
    return any(
        isinstance(value := NUMBER_WORDS.get(word), int | float) and value >= 2
        for word in compiled(r"[a-z]+").findall(text.lower())
    )


def _share_at(text: str, start: int, end: int) -> float | None:
    """The percentage of the share written in words at ``start:end`` of ``text`` ("four in
    five", "third" of "a third of"; ``_shares_in``), or None."""
    lo = max(0, start - _SHARE_REACH)
    around = text[lo : end + _SHARE_REACH].lower()
    for share_start, share_end, value in _shares_in(around):
        if share_start < end - lo and share_end > start - lo:
            return value
    return None


_SHARE_REACH = 12
"""Characters either side of a fact in which ``_share_at`` reads its share's numerator
("a |third|") and what ends it ("a third of")."""


def _written_shares(lowered: str) -> list[float]:
    """The percentage of each share ``lowered`` writes as a ratio or a fraction
    (``_shares_in``), where ``in`` or a fraction word is in it at all."""
    ratios = " in " in lowered or " out of " in lowered
    fractions = _FRACTION_WORD.search(lowered) is not None
    if not (ratios or fractions):
        return []
    return [value for *_, value in _shares_in(lowered, ratios=ratios, fractions=fractions)]


def _bounded_share(text: str, start: int, end: int) -> tuple[float, int] | None:
    """(percentage, way) of a share written out at ``start:end`` just after a bound ("more
    than |three-quarters|", "just under |a third|"), the way as ``_PAST_WORDS`` gives it;
    None for anything else."""
    # The fact may hold its bound ("over two-thirds"): the share is what ends it.
    share = compiled(_SHARE_WRITTEN).search(text, start, end)
    if share is None or (share.start() > start and text[share.start() - 1] not in " "):
        return None
    before = " " + text[max(0, share.start() - 20) : share.start()].lower().rstrip()
    way = _bound_way(before)
    if not way:
        return None
    numerator = _NUMERATORS.get((share.group(1) or "a").lower(), 1)
    return 100 * numerator / FRACTIONS[share.group(2).lower()], way


def _scaled_value(match: re.Match[str]) -> float:
    value = float(match.group(1).replace(",", ""))
    scale = match.group(2)
    return value * SCALE_WORDS[scale.lower()] if scale else value


_PART_OF_WHOLE = r"(?<![\d.,])(\d[\d,]*) of (?:its|the|their|our|his|her|[\w-]+['’]s) (\d[\d,]*)\b"
"""A count of a whole in digits ("85 of its 410 shops", "85 of the firm's 410")."""


def _remainder_elsewhere(text: str, start: int, value: float, support: Support) -> bool:
    """The figure ``value`` at ``start`` is what is left of a whole the other article takes
    a part of, this article stating the part ("85 shops …, leaving it with 325" / "85 of
    its 410 shops"); or it is the whole here ("85 of its 410") and the other article states
    the part and what is left."""
    if text.find(" of ", max(0, start - 40), start) >= 0:  # the whole here: "… of its 410"
        here = compiled(_PART_OF_WHOLE).search(text, max(0, start - 40), start + 24)
        if here is not None and here.start(2) == start:
            part = float(here.group(1).replace(",", ""))
            numbers = support.numbers
            return plain_number(part) in numbers and plain_number(value - part) in numbers
    for part, whole in support.parts_of_wholes():
        if whole - part == value and compiled(rf"(?<![\d.,]){plain_number(part)}\b").search(text):
            return True
    return False


def _figure_elsewhere(text: str, start: int, end: int, support: Support) -> bool:
    """The figure at ``start:end`` is in the other article in another form: the same size
    in another unit of its measure ("500 metres" / "550 yards", "110 km/h" / "68 mph"), or
    one of the two rounded under "about", "nearly"... ("£96,480,000" / "nearly £96.5m").
    Its digits are read once for both; the other article's measures are indexed only for a
    figure that has a unit, its rounded figures only once."""
    figure = compiled(_SCALED_FIGURE).match(text, start, end)
    if figure is None:
        share = _bounded_share(text, start, end)
        if share is not None:
            # "more than three-quarters" / "78%": a share written out, just past its bound.
            value, way = share
            reach = min(rounding_step(value), JUST_PAST * value)
            return any(just_past(exact, value, way) for exact in support.values_near(value, reach))
        # "four in five" / "81%": the share, rounded to a fraction (of a percentage this
        # article does not give as well where one is near: not "a turnout of 61%").
        if (
            support.percentages()
            and (written := _share_at(text, start, end)) is not None
            and share_stands_for(written, support.percentages(), _percentages_in(text))
        ):
            return True
        spelled = NUMBER_WORDS.get(text[start:end].lower())
        if spelled is None or not text[end : end + 2].strip(" -")[:1].isalpha():
            return False
        if _share_elsewhere(text, end, float(spelled), support):
            return True
        # "a nine-mile stretch" / "a 14.5-kilometre length": the number written out.
        measured = measure_after(text, end, float(spelled))
        return measured is not None and support.has_measure(*measured)
    digits = float(figure.group(1).replace(",", ""))
    if _share_elsewhere(text, end, digits, support):
        return True
    if (
        figure.group(2) is None
        and compiled(_PERCENT_AFTER).match(text, figure.end(1))
        and any(share_rounds(digits, share) for share in support.shares_written())
    ):
        return True  # "81%" / "four in five": the share, rounded to a fraction
    if figure.group(2) is None and _remainder_elsewhere(text, start, digits, support):
        return True
    if figure.group(2) is None and digits in support.sums_of_parts():
        return True  # "50 people on board" / "46 passengers and four crew"
    if text[figure.end(1) : figure.end(1) + 2].strip(" -")[:1].isalpha():
        measured = measure_after(text, figure.end(1), digits)
        if measured is not None and support.has_measure(*measured):
            return True
    before = " " + text[max(0, start - 20) : start].lower().rstrip()
    way = _bound_way(before)
    if way or support.bounds():
        value = _scaled_value(figure)
        if way:
            # A bound here, an exact figure just past it there ("more than 2,000" / "2,034").
            reach = min(rounding_step(value), JUST_PAST * abs(value))
            if any(just_past(exact, value, way) for exact in support.values_near(value, reach)):
                return True
        elif any(just_past(value, b, w) for b, w in support.bounds_near(value)):
            return True  # "2,034" / "more than 2,000"
    rounded = before.endswith(_APPROXIMATING_WORDS)
    if not rounded and not support.approximations():
        return False  # an exact figure, and the other article rounds none (most)
    value = _scaled_value(figure)
    if rounded:
        # The exact figures this one rounds: within half its last digit's step, and 5%.
        half = min(rounding_step(value) / 2, 0.05 * abs(value))
        return any(
            abs(exact - value) <= half and exact != value
            for exact in support.values_near(value, half)
        )
    return any(rounds_to(value, other) for other in support.approximations_near(value))


# ---------------------------------------------------------------------------
# Claims


def _informative(text: str, support: Support) -> int:
    """Content words of ``text`` that the other article lacks and that are not filler."""
    return _informative_keys(_fact_keys(text), support)


def _informative_keys(keys: Iterable[str], support: Support) -> int:
    """``_informative`` over word keys already found."""
    count = 0
    stems = support.stems
    for key in keys:
        # Cheapest tests first (``key[:1].isalnum()`` is ``is_word``, written out: this
        # runs for every word of every added or dropped sentence).
        if len(key) < 3 or not key[:1].isalnum() or key in STOPWORDS:
            continue
        s = _stem(key)
        if s in stems or s in _GENERIC:
            continue
        count += 1
    return count


_CONJUNCTION_AHEAD = rf"(?=(?:{alternation(CLAUSE_CONJUNCTIONS)})\b)(?!and a half\b)"
_CLAUSE_BREAK_PATTERN = (
    # A comma between two digits is a thousands separator ("4,000"), no clause break.
    r"(?<!\s)\s*(?:[;:()—–]|,(?!\d)|(?<!\d),)\s*|(?<!\s)\s+-\s+|(?<!\s)\s+" + _CONJUNCTION_AHEAD
)
"""Where a sentence breaks into clauses: punctuation, a spaced dash, before a conjunction."""
_CLAUSE_BREAK = re.compile(
    # ``_CLAUSE_BREAK_PATTERN`` opening with the character it matches first (see ``_NAME``),
    # then each alternative carried on from that character.
    r"[\s;:()—–,](?<!\s[\s\S])(?:"
    r"(?<=\s)(?:\s*(?:[;:()—–]|,(?!\d)|(?<!\d),)\s*|\s*-\s+|\s*" + _CONJUNCTION_AHEAD + ")"
    r"|(?<=[;:()—–])\s*"
    r"|(?<=,)(?:(?!\d)|(?<!\d,))\s*"
    ")"
)


def _clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a sentence into clauses at punctuation and conjunctions.

    >>> t = "More than 4,000 people came, and 12 left"
    >>> [t[s:e] for s, e in _clause_spans(t, 0, len(t))]
    ['More than 4,000 people came', 'and 12 left']
    """
    spans: list[tuple[int, int]] = []
    pos = start
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        if match.start() > pos:
            spans.append((pos, match.start()))
        pos = match.end()
    if pos < end:
        spans.append((pos, end))
    return spans


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and not text[s].isalnum() and text[s] not in "$€£＄￥“\"'‘":
        s += 1
    while e > s and not text[e - 1].isalnum() and text[e - 1] not in "%％℃”\"'’)":
        e -= 1
    return s, e


class _Changed(NamedTuple):
    """One side's changed runs in a reworded group (its deleted or inserted words, in
    order) and their union, found once for the group's clauses, facts and substitutions."""

    runs: list[tuple[int, int]]
    mask: _Mask
    text: str
    """The changed runs' text, joined by spaces: what the fact and substitution gates read."""
    points: list[int]
    """Where the other side's changes sit in this side's text (its insertions in A, its
    deletions in B), when they are Chinese or Japanese (``cjk.has_cjk``): a numeral
    is a run of characters, so 二人 → 一百二十二人 inserts 一百二十 and changes no
    character of A, yet changes A's figure. Empty otherwise (English words are replaced
    whole)."""


_A, _B = Side.A, Side.B
_OTHER = {Side.A: Side.B, Side.B: Side.A}
"""``side.other`` as a table."""
_SAME, _BOILERPLATE = Status.SAME, Status.BOILERPLATE
_ADDED, _DROPPED = ClaimKind.ADDED, ClaimKind.DROPPED
_ASSERTION, _HEADLINE = ClaimCategory.ASSERTION, SentenceKind.HEADLINE
# The sides, statuses and kinds above are read as module globals in the code run for
# every group: reading a member from its enum class goes through the enum type's
# ``__getattr__`` hook (Python 3.11), about ten times slower.


def _changes(pair: Pair, doc_a: Document, doc_b: Document) -> dict[Side, _Changed]:
    """Each side's ``_Changed`` of ``pair``, from one pass over its word diff."""
    deleted: list[tuple[int, int]] = []
    inserted: list[tuple[int, int]] = []
    delete, insert = Op.DELETE, Op.INSERT  # an enum member read from its class is slow
    for op in pair.ops:
        if op.op is delete:
            deleted.append((op.a_start, op.a_end))
        elif op.op is insert:
            inserted.append((op.b_start, op.b_end))
    text_a, text_b = doc_a.text, doc_b.text
    gone = " ".join([text_a[s:e] for s, e in deleted])
    new = " ".join([text_b[s:e] for s, e in inserted])
    # Where each insertion sits in A and each deletion in B, read again only when they
    # can change a Chinese or Japanese fact (never in English text).
    in_a = [op.a_start for op in pair.ops if op.op is insert] if cjk.has_cjk(new) else []
    in_b = [op.b_start for op in pair.ops if op.op is delete] if cjk.has_cjk(gone) else []
    return {
        _A: _Changed(deleted, _Mask(deleted), gone, in_a),
        _B: _Changed(inserted, _Mask(inserted), new, in_b),
    }


def _sentence_of(doc: Document, ids: Sequence[int], offset: int) -> int:
    """The sentence of ``ids`` holding ``offset`` (else the first): a group of one sentence
    answers at once (most groups; a claim of a long pair of figures asks once per claim)."""
    if len(ids) == 1:
        return ids[0]
    for sid in ids:
        s = doc.sentences[sid]
        if s.start <= offset < s.end:
            return sid
    return ids[0] if ids else -1


def find_claims(
    doc_a: Document,
    doc_b: Document,
    pairs: Sequence[Pair],
    quotes: Sequence[Quote],
    shared: frozenset[str] | None = None,
) -> list[Claim]:
    """Added claims (side B) and dropped details (side A), in display order.

    ``shared``: the word keys of the identical (``same``) groups, if already found.
    """
    # Identical sentences have the same words on both sides: find them once.
    same_a = frozenset(i for p in pairs if p.status is _SAME for i in p.a)
    same_b = frozenset(i for p in pairs if p.status is _SAME for i in p.b)
    if shared is None:
        shared = frozenset(word_key_set("\n".join(doc_a.sentences[i].text for i in same_a)))
    support, names = _supports(doc_a, doc_b, shared, same_a, same_b)
    by_stem = {
        side: _StemIndex(doc, len(support[side].stems)) for side, doc in ((_A, doc_a), (_B, doc_b))
    }
    # A clause inside a claimed quotation is that quotation's business (facts still count).
    # Every quotation that is not kept as it was: new, altered, dropped, or now put in
    # someone else's mouth (verbatim words, different speaker).
    claimed = [q for q in quotes if q.status is not QuoteStatus.VERBATIM or q.speaker_changed]
    quote_masks = {
        side: _Mask([(q.start, q.end) for q in claimed if q.side is side]) for side in _SIDES
    }
    # A reworded sentence's facts serve both the fact check and the substitution layer:
    # they are remembered while its group is judged (a sentence is in one group only).
    memo: dict[tuple[bool, int, int], list[Fact]] = {}

    def facts_of(text: str, start: int, end: int) -> list[Fact]:
        key = (text is doc_a.text, start, end)
        found = memo.get(key)
        if found is None:
            found = memo[key] = find_facts(text, start, end, names)
        return found

    def claims_of(lo: int, hi: int) -> tuple[list[Claim], int]:
        """The claims of ``pairs[lo:hi]`` (the quotations' apart), in pair order, and
        ``hi``; or those of ``pairs[lo:k]`` and ``k``, in a child that has used its share
        of the memory at ``k`` (``parallel.spent``)."""
        claims: list[Claim] = []
        for index in range(lo, hi):
            pair = pairs[index]
            if pair.status is _SAME:
                continue  # identical words on both sides: nothing added, nothing dropped
            if parallel.spent():
                return claims, index
            memo.clear()
            clauses: dict[Side, list[_Clause]] = {_A: [], _B: []}
            changes: dict[Side, _Changed] = {}
            reworded = False  # some clause of the group has a changed word
            if pair.a and pair.b and pair.status is not _BOILERPLATE:
                changes = _changes(pair, doc_a, doc_b)
                words_a = _group_words(pair.a, doc_a, changes[_A].mask)
                words_b = _group_words(pair.b, doc_b, changes[_B].mask)
                # Every word lies in a clause: a changed word is a changed clause.
                reworded = bool(words_a or words_b)
                # Netting (_net) claims only a clause with three informative words or more:
                # when no clause of the group can have that many, there is nothing to judge.
                # A clause has at most its sentence's: most groups are settled before
                # their sentences are cut into clauses.
                if _may_net(doc_a, words_a) or _may_net(doc_b, words_b):
                    drafts = {
                        _A: [d for w in words_a for d in _drafts(doc_a, w)],
                        _B: [d for w in words_b for d in _drafts(doc_b, w)],
                    }
                    # Each side's changes are judged against the other side's aligned
                    # sentences and their neighbours first (_LocalSupport).
                    near_a = _LocalSupport(doc_b, pair.b, support[_B], by_stem[_B])
                    near_b = _LocalSupport(doc_a, pair.a, support[_A], by_stem[_A])
                    clauses = {
                        _A: [d.judged(near_a) for d in drafts[_A]],
                        _B: [d.judged(near_b) for d in drafts[_B]],
                    }
            found: list[Claim] = []
            for side in _SIDES:
                found.extend(
                    _pair_claims(
                        index,
                        pair,
                        side,
                        doc_a,
                        doc_b,
                        support,
                        quote_masks,
                        facts_of,
                        clauses,
                        changes,
                    )
                )
            if reworded:
                found = _with_substitutions(
                    index, pair, doc_a, doc_b, facts_of, found, changes, support
                )
            claims.extend(found)
        return claims, hi

    # Each pair's claims depend on the tables above and on that pair alone: a long
    # comparison has ranges of pairs judged in other processes (parallel.py), which stop
    # at their share of the memory budget and leave the rest of their range to this one.
    weights = _weights(pairs, doc_a, doc_b)
    bounds = parallel.split(weights, parallel.jobs(resumable=True))
    decode = functools.partial(_decode_found, doc_a.text, doc_b.text, pairs)
    claims = [
        claim
        for part in parallel.fork_map(claims_of, bounds, _encode_found, decode, resumable=True)
        for claim in part
    ]
    claims = _without_speakers(claims, claimed, doc_a.text, doc_b.text)
    # The date a wire's copy was filed ("KELLMARSH, Dec. 3 (Tidewater Press) -"), whichever
    # check found it: a rewrite that drops the dateline changes nothing by it.
    docs = {_A: doc_a, _B: doc_b}
    claims = [
        c
        for c in claims
        if c.category not in _DATED
        or not _in_dateline(docs[c.side].text, docs[c.side].sentences[c.sentence].start, c.end)
    ]
    claims = _headline_once(claims, docs)
    for q in claimed:
        if 0 <= q.pair < len(pairs):
            pair = pairs[q.pair]
            source = pair.a if q.side is _B else pair.b
        else:
            source = ()
        kind = _ADDED if q.side is _B else _DROPPED
        claims.append(
            Claim(
                q.side,
                kind,
                ClaimCategory.QUOTATION,
                q.text,
                q.start,
                q.end,
                q.pair,
                q.sentence,
                tuple(source),
            )
        )
    # An enclosing span sorts before what it encloses: by start, then the longer first
    # (ties keep the order found: the sort is stable).
    claims.sort(key=lambda c: (c.pair, c.side is _B, c.start, -c.end))
    return _nest(claims)


_NAMED = frozenset([ClaimCategory.NAME, ClaimCategory.PERSON, ClaimCategory.ORGANISATION])


def _without_speakers(
    claims: list[Claim], quotes: Iterable[Quote], text_a: str, text_b: str
) -> list[Claim]:
    """``claims`` but the names of the speakers of a quotation given to another speaker
    (``Quote.speaker_changed``), in its aligned group, that the other article also names:
    the change is the quotation's, stated once ("“…,” Hollis said" against "“…,” a
    Portline spokesman said", both articles naming Hollis and Portline, is not also a
    dropped "Hollis" and an added "Portline"). A speaker the other article never names
    is still a name dropped or added."""
    speakers: dict[tuple[int, Side], set[str]] = {}
    for q in quotes:
        if q.speaker_changed and q.speaker and q.source_speaker:
            speakers.setdefault((q.pair, _B), set()).update(q.speaker.lower().split())
            speakers.setdefault((q.pair, _A), set()).update(q.source_speaker.lower().split())
    if not speakers:
        return claims
    texts = {_A: text_b, _B: text_a}  # where each side's name is looked for
    named: dict[tuple[Side, str], bool] = {}  # each name looked for once in a long article

    def named_there(claim: Claim) -> bool:
        key = (claim.side, claim.text)
        found = named.get(key)
        if found is None:
            found = named[key] = claim.text in texts[claim.side]
        return found

    return [
        c
        for c in claims
        if c.category not in _NAMED
        or not speakers.get((c.pair, c.side), set()).issuperset(c.text.lower().split())
        or not named_there(c)
    ]


def _supports(
    doc_a: Document,
    doc_b: Document,
    shared: frozenset[str],
    same_a: frozenset[int],
    same_b: frozenset[int],
) -> tuple[dict[Side, Support], frozenset[str]]:
    """``Support.of`` each side, and the names both articles write (``names_in_use``);
    two long articles' at once, B's in a child (parallel.py)."""

    def supports_of(lo: int, hi: int) -> list[tuple[Support, frozenset[str]]]:
        return [
            (Support.of(doc_a, shared, same_a), names_in_use(doc_a))
            if side == 0
            else (Support.of(doc_b, shared, same_b), names_in_use(doc_b))
            for side in range(lo, hi)
        ]

    sizes = [len(doc_a.text), len(doc_b.text)]
    bounds = parallel.split(sizes, parallel.jobs(), _MIN_INDEXED_A_PROCESS)
    parts = parallel.fork_map(supports_of, bounds, _encode_supports, _decode_supports)
    (support_a, names_a), (support_b, names_b) = (found for part in parts for found in part)
    return {_A: support_a, _B: support_b}, names_a | names_b


_MIN_INDEXED_A_PROCESS = 300_000
"""Characters of an article below which indexing it is not worth a process (about 40 ms)."""

_EncodedSupport = tuple[
    set[str], set[str], str, str, int | None, int | None, datetime.date | None, frozenset[str]
]


def _encode_supports(found: list[tuple[Support, frozenset[str]]]) -> list[_EncodedSupport]:
    """Fresh indexes (their look-up memories are empty), with their time stamp's year,
    month and day, and names as plain tuples, for the transfer from a child process."""
    return [
        (s.stems, s.numbers, s.lowered, s.text, s.year, s.month, s.stamp, names)
        for s, names in found
    ]


def _decode_supports(encoded: list[_EncodedSupport]) -> list[tuple[Support, frozenset[str]]]:
    """``_encode_supports`` undone."""
    out = []
    for stems, numbers, lowered, text, year, month, stamp, names in encoded:
        support = Support(stems, numbers, lowered, text)
        support.year, support.month, support.stamp = year, month, stamp
        out.append((support, names))
    return out


def _weights(pairs: Sequence[Pair], doc_a: Document, doc_b: Document) -> list[int]:
    """What judging each pair costs, about: the characters of a changed pair's sentences
    (0 for an identical pair). Read before the work is shared out, so in C where it can
    be: each side's sentence lengths once, then two sums per pair."""
    sizes = [
        list(map(operator.sub, map(_END_OF, doc.sentences), map(_START_OF, doc.sentences)))
        for doc in (doc_a, doc_b)
    ]
    size_a, size_b = sizes[0].__getitem__, sizes[1].__getitem__
    same = _SAME
    return [
        0 if pair.status is same else sum(map(size_a, pair.a)) + sum(map(size_b, pair.b))
        for pair in pairs
    ]


_END_OF = operator.attrgetter("end")


_SIDES = tuple(Side)
_KINDS = tuple(ClaimKind)
_CATEGORIES = tuple(ClaimCategory)
_SIDE_INDEX = {side: i for i, side in enumerate(_SIDES)}
_KIND_INDEX = {kind: i for i, kind in enumerate(_KINDS)}
_CATEGORY_INDEX = {category: i for i, category in enumerate(_CATEGORIES)}

_EncodedClaim = tuple[int, int, int, str, int, int, int, int, tuple[int, ...], int]


def _encode_claims(claims: list[Claim]) -> list[_EncodedClaim]:
    """Claims as plain tuples, for the transfer from a child process (parallel.py)."""
    return [
        (
            _SIDE_INDEX[c.side],
            _KIND_INDEX[c.kind],
            _CATEGORY_INDEX[c.category],
            c.text,
            c.start,
            c.end,
            c.pair,
            c.sentence,
            c.departs_from,
            c.parent,
        )
        for c in claims
    ]


def _decode_claims(encoded: list[_EncodedClaim]) -> list[Claim]:
    """``_encode_claims`` undone."""
    return [
        Claim(_SIDES[s], _KINDS[k], _CATEGORIES[c], text, start, end, pair, sid, departs, parent)
        for s, k, c, text, start, end, pair, sid, departs, parent in encoded
    ]


def _encode_found(claims: list[Claim]) -> array[int]:
    """The claims of a range of pairs (``claims_of``'s) as one flat array of integers, six
    a claim, for the transfer from a child process (parallel.py): several times less to
    pickle and to read than ``_encode_claims``' tuples of objects.

    The rest of such a claim follows from these six (``_decode_found``): every claim
    ``claims_of`` makes is built by ``_pair_claims`` or ``_with_substitutions`` with its
    side's text as its text, ``added`` on B and ``dropped`` on A, the other side's
    sentences of its pair as ``departs_from``, and no parent yet (``_nest`` comes after).
    """
    flat = array("q")
    on_b, category_index = _B, _CATEGORY_INDEX
    for c in claims:
        flat.extend(
            (c.side is on_b, category_index[c.category], c.start, c.end, c.pair, c.sentence)
        )
    return flat


def _decode_found(text_a: str, text_b: str, pairs: Sequence[Pair], flat: array[int]) -> list[Claim]:
    """``_encode_found`` undone, with the texts of A and B and the comparison's pairs."""
    # By ``on_b``: the side, its kind of claim, its text, and the other side's sentences.
    sides = (
        (_A, _DROPPED, text_a, operator.attrgetter("b")),
        (_B, _ADDED, text_b, operator.attrgetter("a")),
    )
    categories = _CATEGORIES
    fields = iter(flat)
    out: list[Claim] = []
    for on_b, category, start, end, index, sid in zip(*[fields] * 6, strict=True):
        side, kind, text, other = sides[on_b]
        departs = tuple(other(pairs[index]))
        out.append(
            Claim(
                side, kind, categories[category], text[start:end], start, end, index, sid, departs
            )
        )
    return out


_HOLDERS = (ClaimCategory.ASSERTION, ClaimCategory.QUOTATION)
_FILLER_FRAME = re.compile(
    r"(?i)[\"“‘']?(?:but |and |yet |so |however,? )?(?:it (?:remains|is still|is) "
    r"(?:to be seen|unclear|not (?:yet )?(?:clear|known))|(?:only )?time will tell"
    r"|questions (?:will|are likely to|may|could) (?:now |surely )?be (?:asked|raised))\b"
)
"""A sentence that asserts nothing but what is not known ("It remains to be seen whether
…", "It is unclear what the future holds …", "Only time will tell …", "Questions will now
be asked about …"): filler a rewrite adds or drops, no claim of its own (a name, figure or
date new in it still is)."""
_NAMED_OR_PLACE = frozenset(
    (ClaimCategory.NAME, ClaimCategory.PERSON, ClaimCategory.ORGANISATION, ClaimCategory.PLACE)
)


_READ_KINDS = (SentenceKind.BODY, SentenceKind.HEADLINE)
"""The kinds of sentence whose groups the claims and the substitution layer read."""
_READ_KIND_SET = frozenset(_READ_KINDS)
_MAX_SUBSTITUTION_GROUP = 20_000
"""Characters per side beyond which a group is no sentences an editor reads as such (a
wall of text, a hostile input): the substitution layer skips it."""


def _may_compare(
    pair: Pair, doc_a: Document, doc_b: Document, changes: dict[Side, _Changed]
) -> bool:
    """Both sides of the group compare ("than") and the two sides' changes share a content
    word (the things compared swap places): a comparison may be turned round, which
    ``might_substitute``, reading the changed words only, cannot see."""
    for doc, ids in ((doc_a, pair.a), (doc_b, pair.b)):
        if not any(_THAN.search(doc.sentences[i].text) for i in ids):
            return False
    deleted, inserted = (set(word_keys(changes[side].text)) for side in (_A, _B))
    return any(k not in STOPWORDS and len(k) > 2 for k in deleted & inserted)


_THAN = re.compile(r"\bthan\b", re.IGNORECASE)


def _with_substitutions(
    index: int,
    pair: Pair,
    doc_a: Document,
    doc_b: Document,
    facts_of: Callable[[str, int, int], list[Fact]],
    claims: list[Claim],
    changes: dict[Side, _Changed],
    support: dict[Side, Support],
) -> list[Claim]:
    """``claims`` of one aligned group plus what the substitution layer finds in it
    (substitutions.py), one claim per span: a substitution takes the place of the facts
    it encloses, and a fact that already covers a substitution keeps it. In a headline, a
    name or a figure replaced by another that each article states too is no substitution:
    headlines pick whom and what of the story they name ("Huskies go top with win over
    Ospreys" / "Morrissey double sends Huskies to the summit")."""
    for doc, ids in ((doc_a, pair.a), (doc_b, pair.b)):
        size = 0
        for i in ids:
            sentence = doc.sentences[i]
            if sentence.kind not in _READ_KINDS:
                return claims
            size += len(sentence.text)
        if size > _MAX_SUBSTITUTION_GROUP:
            return claims  # no sentences but a wall of text: nothing is "replaced" in it
    every = (
        might_substitute(changes[_A].text, changes[_B].text)
        or _may_compare(pair, doc_a, doc_b, changes)
        or (
            bool(changes[_A].runs and changes[_B].runs)
            and before_a_title(doc_a.text, changes[_A].runs)
            and before_a_title(doc_b.text, changes[_B].runs)
        )
    )
    if not every and not might_swap(changes[_A].text, changes[_B].text):
        return claims

    def facts(doc: Document, sid: int) -> list[Fact]:
        # A fact is the (category, start, end) tuple the substitution layer reads.
        sentence = doc.sentences[sid]
        return facts_of(doc.text, sentence.start, sentence.end)

    stamps = {side: (support[side].year, support[side].month) for side in (_A, _B)}
    docs = {_A: doc_a, _B: doc_b}
    group = Group.of(pair, doc_a, doc_b, facts, stamps)
    found = find_substitutions(group) if every else find_swaps(group)
    if not found:
        return claims
    out = list(claims)
    # The spans of each side's fact claims (not the assertions and quotations holding
    # them), kept in step with ``out``: each substitution is checked against them.
    spans: dict[Side, list[tuple[int, int]]] = {_A: [], _B: []}
    for c in claims:
        if c.category not in _HOLDERS:
            spans[c.side].append((c.start, c.end))
    # The same spans as sets: most substitutions (a figure replaced by a figure) are a
    # fact claim's very span, held at once with no pass over the others.
    exact = {side: set(taken) for side, taken in spans.items()}
    headline = group.headline
    # Headlines whose figures replaced are each one in digits or a number word of two or
    # more that the other article states: others of the story's figures, not one changed
    # ("42 stores" / "46 stores" with 42 in the body; "for a week" / "for two weeks",
    # whose "a" any article holds; "€4 billion sale" / "sells ten-year bonds").
    figures_elsewhere = headline and all(
        _a_figure_of_note(docs[side].text[start:end])
        and _supported_at(category, docs[side].text, start, end, support[_OTHER[side]])
        for side, category, start, end in found
        if category is ClaimCategory.NUMBER
    )
    # Sides with a date found replaced: a date found on one side alone that the other
    # article states was moved there from another sentence ("Sales fell 4%, the company
    # said on Thursday." / "The firm reported a profit on Thursday."), not replaced.
    dated = {side for side, category, *_ in found if category is ClaimCategory.DATE}
    # Figures found replaced that each article also writes outside this group, on both
    # sides: facts that swapped sentences ("can power 120,000 homes" here and "the
    # 240-megawatt scheme" next / "its 240MW battery" here and "supplying 120,000 homes"
    # next), not changed.
    moved = _figures_moved(found, docs, pair, support)
    for side, category, start, end in found:
        doc = doc_a if side is _A else doc_b
        start, end = _strip_span(doc.text, start, end)
        if end <= start or (start, end) in exact[side]:
            continue
        if (
            category is ClaimCategory.DATE
            and _OTHER[side] not in dated
            and _supported_at(category, doc.text, start, end, support[_OTHER[side]])
        ):
            continue
        if moved and category is ClaimCategory.NUMBER:
            continue
        if category in _OF_PERIODS and _same_period(
            doc.text, start, end, docs[_OTHER[side]], pair.b if side is _A else pair.a
        ):
            continue  # "the three months to December" / "the fourth quarter"
        if headline and (
            (category in _NAMED_OR_PLACE and support[_OTHER[side]].has_name(doc.text[start:end]))
            or (category is ClaimCategory.NUMBER and figures_elsewhere)
        ):
            # A headline naming another of the story's people, places or bodies, or
            # giving others of its figures ("may hold 20,000 years of history" / "brings
            # back 412-metre ice core", each figure in the other article's body).
            continue
        taken = spans[side]
        # One pass over this side's fact claims (none, the usual case: nothing to keep or
        # to replace): does one hold the span, do some lie inside it?
        held = encloses = False
        for s, e in taken:
            if s <= start and end <= e:
                held = True  # a fact already flags it (in its own category: "8 months", …)
                break
            if start <= s and e <= end:
                encloses = True
        if held:
            continue
        if encloses:
            out = [
                c
                for c in out
                if not (
                    c.side is side
                    and c.category not in _HOLDERS
                    and start <= c.start
                    and c.end <= end
                )
            ]
            taken = spans[side] = [(s, e) for s, e in taken if not (start <= s and e <= end)]
            exact[side] = set(taken)
        kind = _ADDED if side is _B else _DROPPED
        ids, other_ids = (pair.a, pair.b) if side is _A else (pair.b, pair.a)
        sid = _sentence_of(doc, ids, start)
        out.append(
            Claim(side, kind, category, doc.text[start:end], start, end, index, sid, other_ids)
        )
        taken.append((start, end))
        exact[side].add((start, end))
    return out


def _headline_once(claims: list[Claim], docs: Mapping[Side, Document]) -> list[Claim]:
    """``claims`` but those of a headline that a claim of the body states again: the same
    side, kind and category, and the headline's words among the body claim's or the body
    claim's among the headline's ("Chain to shut 42 stores" / "will close 42 of its 310
    stores", both changed to 46). A headline restates its story's lede: the change is the
    body's, told once."""
    headline = [
        c for c in claims if docs[c.side].sentences[c.sentence].kind is SentenceKind.HEADLINE
    ]
    if not headline:
        return claims
    body: dict[tuple[Side, ClaimKind, ClaimCategory], list[str]] = {}
    for c in claims:
        if docs[c.side].sentences[c.sentence].kind is not SentenceKind.HEADLINE:
            body.setdefault((c.side, c.kind, c.category), []).append(_claim_key(c.text))
    # Each kind's body keys joined (a headline's key inside one is one search, in C) and
    # as a set (a body key inside a headline's is one of its runs of words): a long
    # article's thousands of claims are not compared one by one with each headline claim.
    joined = {k: "|".join(keys) for k, keys in body.items()}
    sets = {k: set(keys) for k, keys in body.items()}
    repeated = set()
    for c in headline:
        key = _claim_key(c.text)
        kind = (c.side, c.kind, c.category)
        if not key or kind not in body:
            continue
        words = key.split()
        runs = (
            f" {' '.join(words[i:j])} "
            for i in range(len(words))
            for j in range(i + 1, min(len(words), i + _HEADLINE_RUN) + 1)
        )
        if key in joined[kind] or not sets[kind].isdisjoint(runs):
            repeated.add(id(c))
    return [c for c in claims if id(c) not in repeated] if repeated else claims


_HEADLINE_RUN = 12
"""Words of a headline claim's runs looked for among the body's claims at most."""


def _claim_key(text: str) -> str:
    """A claim's words, lower case, each between spaces: one claim's key is inside
    another's when its words are among the other's, in order."""
    keys = word_keys(text)
    return f" {' '.join(keys)} " if keys else ""


def _nest(claims: list[Claim]) -> list[Claim]:
    """Point each claim inside an assertion or a quotation of the same sentence (a name
    in an added sentence, a figure in a dropped quotation) at that enclosing claim."""
    out: list[Claim] = []
    holder_index = -1
    for claim in claims:
        parent = -1
        if holder_index >= 0:
            holder = out[holder_index]
            if (
                holder.side is claim.side
                and holder.sentence == claim.sentence
                and holder.start <= claim.start
                and claim.end <= holder.end
            ):
                parent = holder_index
        if claim.category in _HOLDERS and parent < 0:
            holder_index = len(out)
        if parent >= 0:
            # Set in place, as a frozen dataclass's own ``__post_init__`` would: every claim
            # here was built by this comparison and is not seen outside it yet, and a copy
            # costs ten attribute stores (a fifth of a dropped one-line sentence's time).
            object.__setattr__(claim, "parent", parent)
        out.append(claim)
    return out


def _pair_claims(
    index: int,
    pair: Pair,
    side: Side,
    doc_a: Document,
    doc_b: Document,
    support: dict[Side, Support],
    quote_masks: dict[Side, _Mask],
    facts_of: Callable[[str, int, int], list[Fact]],
    clauses: dict[Side, list[_Clause]],
    changes: dict[Side, _Changed],
) -> list[Claim]:
    doc = doc_a if side is _A else doc_b
    ids = pair.a if side is _A else pair.b
    other_ids = pair.b if side is _A else pair.a
    if not ids or pair.status in (_BOILERPLATE, _SAME):
        return []
    kinds = [doc.sentences[i].kind for i in ids]
    if not _READ_KIND_SET.issuperset(kinds):
        return []
    kind = _ADDED if side is _B else _DROPPED
    other = support[_OTHER[side]]
    quotes_mask = quote_masks[side]
    text = doc.text
    headline = kinds.count(_HEADLINE) == len(kinds)
    out: list[Claim] = []

    def claim(category: ClaimCategory, s: int, e: int) -> None:
        s, e = _strip_span(text, s, e)
        if e > s:
            sid = ids[0] if len(ids) == 1 else _sentence_of(doc, ids, s)
            if text.find("\x1b", doc.sentences[sid].start, e) >= 0 and not _informative(
                _outside_escapes(text, doc.sentences[sid].start, s, e), other
            ):
                return  # what is new is a pasted escape sequence (a colour, a link's address)
            if category is _ASSERTION and _might_credit(text, s, e) and _only_a_credit(text[s:e]):
                return  # "(Westmark Press Service)", "told Harbour Wire afterwards"
            out.append(Claim(side, kind, category, text[s:e], s, e, index, sid, tuple(other_ids)))

    if not other_ids:
        # A whole sentence with no counterpart.
        for sid in ids:
            sentence = doc.sentences[sid]
            if not headline and not _FILLER_FRAME.match(text, sentence.start, sentence.end):
                # Clause by clause: the parts of an added sentence that repeat the other
                # article (who said it, what it is about) are not claims. Words inside a
                # claimed quotation are that quotation's claim, not an assertion besides it.
                flagged = [
                    (p_start, p_end)
                    for c_start, c_end in _clause_spans(text, sentence.start, sentence.end)
                    for p_start, p_end in quotes_mask.outside(c_start, c_end)
                    if _informative(text[p_start:p_end], other) >= 2
                ]
                for c_start, c_end in _merge_adjacent(text, flagged):
                    claim(_ASSERTION, c_start, c_end)
            statuses = new_statuses(text, sentence.start, sentence.end, other.text)
            for s_start, s_end in statuses:
                claim(ClaimCategory.ROLE, s_start, s_end)
            for fact in facts_of(text, sentence.start, sentence.end):
                if statuses and any(
                    s_start <= fact.start and fact.end <= s_end for s_start, s_end in statuses
                ):
                    continue  # the name of the person given a new status
                if not _supported(fact, text, other):
                    claim(fact.category, fact.start, fact.end)
        return out

    runs, changed_mask, changed_text, points = changes[side]
    if not runs and not points:
        return out
    if not headline and clauses[side]:  # no clauses (none worth judging): nothing to net
        # Content the other side removed from this group can explain away as much related
        # content added here: replacing one phrase by another is rewording; adding one is
        # a claim (_net).
        facing = _Facing(pair, doc_a, doc_b)

        def related(x: _Clause, y: _Clause) -> bool:
            return facing.related(side, x, y)

        netted = _net(text, clauses[side], clauses[_OTHER[side]], related)
        for first, last in _merge_adjacent(text, netted):
            if not quotes_mask.covers(first, last):
                claim(_ASSERTION, first, last)
    else:
        netted = []
    if not headline:
        other_doc = doc_b if side is _A else doc_a
        details = [
            *_scope_details(pair, side, text, other),
            *_relative_details(pair, side, text, other, other_doc, other_ids),
        ]
        for first, last in details:
            if not quotes_mask.touches(first, last) and not any(
                s <= first and last <= e for s, e in netted
            ):
                if out and any(first <= s and e <= last for s, e in netted):
                    # A netted clause inside the detail ("which will open late on Thursdays
                    # for pensioners" of "… and carers"): the detail, once.
                    out[:] = [c for c in out if not first <= c.start < c.end <= last]
                claim(_ASSERTION, first, last)
    if (
        not points
        and not _MAY_HOLD_FACT.search(changed_text)
        and not _FACT_WORD.search(changed_text)
        and not cjk.has_cjk(changed_text)
    ):
        return out  # no capital, digit, number, month or role word changed: no new fact
    run_starts, run_ends = changed_mask.starts, changed_mask.ends
    report_days: bool | None = None  # whether the other side of the group names a weekday
    for sid in ids:
        sentence = doc.sentences[sid]
        # Facts touching a changed run, checked against the whole other article:
        # ``changed_mask.touches`` and ``_supported``, written out (a sentence of figures
        # holds ten facts).
        for category, start, end in facts_of(text, sentence.start, sentence.end):
            i = bisect_left(run_starts, end) - 1  # the last run starting before the end
            if i < 0 or run_ends[i] <= start:
                if not points:
                    continue
                # Or a change of the other side sits inside it or at its edge.
                j = bisect_left(points, start)
                if j == len(points) or points[j] > end:
                    continue
            if not _supported_at(category, text, start, end, other):
                if category is ClaimCategory.DATE and _report_day(text, start, end):
                    if report_days is None:
                        other_doc = doc_b if side is _A else doc_a
                        report_days = any(
                            compiled(_A_WEEKDAY).search(other_doc.sentences[i].text)
                            for i in other_ids
                        )
                    if not report_days:
                        continue  # "the company said on Monday" / "the company said"
                claim(category, start, end)
    return out


_REPORTED = frozenset(
    (*(v for v in REPORTING_VERBS if " " not in v), "reported", "published", "confirmed",
     "revealed", "disclosed", "released")
)  # fmt: skip
"""Verbs after which a weekday tells the day a statement was made ("said on Tuesday",
"figures published on Wednesday")."""
_A_WEEKDAY = rf"(?i)\b(?:{alternation(WEEKDAYS)})\b"
"""A weekday anywhere in a sentence (the other side of a group giving a day)."""
_REPORT_DAY = rf"(?i)(?:on )?(?:{alternation(WEEKDAYS)})(?: (?:morning|afternoon|evening|night))?"
"""A date that is a weekday alone, with its part of the day ("on Tuesday night")."""


def _report_day(text: str, start: int, end: int) -> bool:
    """The date at ``start:end`` is a weekday just after a verb that reports a statement
    ("the company said on Monday", "figures published on Wednesday", "reported on Tuesday
    night"): the day the statement was made, which a rewrite drops or adds freely (a
    story's stamp dates it). A rewrite that gives another day for it changes it: that is
    judged where the other side of the group names a weekday."""
    if compiled(_REPORT_DAY).fullmatch(text, start, end) is None:
        return False
    before = text[max(0, start - 20) : start].split()
    return bool(before) and before[-1].lower() in _REPORTED


_RELATIVE_OPENER = (
    r"(?i)"
    r"[\s,(—–-]*((?:(?:some|many|most|all|none|both|each|either|neither|several|few|one|two|"
    r"three|four|half|part|much|any) of (?:whom|which|them)|who|whom|whose|which)\b)"
)
"""A non-restrictive relative clause's opening ("…, some of whom had dementia", "…, who
had been sacked", "…, which opened in 1890", "…, some of them children"): such a clause
adds a fact about what it follows."""
_CLAUSE_END = re.compile(r"[,;:()—–.!?]")
"""Where a relative clause ends inside a changed run."""
_SET_OFF = frozenset(",(—–-")
"""What sets a non-restrictive clause off from what it follows."""


def _relative_details(
    pair: Pair,
    side: Side,
    text: str,
    other: Support,
    other_doc: Document,
    other_ids: Sequence[int],
) -> list[tuple[int, int]]:
    """Spans of non-restrictive relative clauses that this side of a reworded group holds
    whole in one changed run (``_RELATIVE_OPENER``, set off by a comma, a dash or a
    bracket), with a content word the other article lacks anywhere: a detail dropped or
    added ("vulnerable people, some of whom had dementia" / "vulnerable people"). Netting
    weighs clauses of three new words and more; such a clause often holds one. A clause
    whose name the other side's sentences of the group (``other_ids`` of ``other_doc``)
    write has been reworded into them ("…, who rides for the Amsel-Kruger team" / "the
    Amsel-Kruger rider")."""
    kind = Op.DELETE if side is _A else Op.INSERT
    out: list[tuple[int, int]] = []
    opens = compiled(_RELATIVE_OPENER).match
    for op in pair.ops:
        if op.op is not kind:
            continue
        start, end = (op.a_start, op.a_end) if side is _A else (op.b_start, op.b_end)
        opener = opens(text, start, end)
        if opener is None:
            continue
        lead = text[start : opener.start(1)]
        if not (_SET_OFF & set(lead) or text[:start].rstrip()[-1:] in _SET_OFF):
            continue
        stop = _CLAUSE_END.search(text, opener.end(1), end)
        if stop is None:
            # The clause runs to the end of the change: it must end there too.
            after = text[end : end + 2].lstrip()[:1]
            if after and not _CLAUSE_END.match(after) and after not in "\"”’'":
                continue
            stop_at = end
        else:
            stop_at = stop.start()
        clause = text[opener.start(1) : stop_at]
        if _informative(clause, other) < 1:
            continue
        names = _CLAUSE_NAME.findall(clause)
        if names:
            facing = " ".join(other_doc.sentences[i].text for i in other_ids)
            if any(name in facing for name in names):
                continue
        out.append((opener.start(1), stop_at))
    return out


_SCOPE = re.compile(
    r"[\s,(—–-]*((?i:in|among|excluding|except|barring|before|with\s+or\s+without|even\s+without"
    r"|regardless\s+of|irrespective\s+of)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)[\s,)—–-]*"
)
"""A short phrase that may limit what a claim covers: "in mice", "among women over 60",
"excluding one-off costs", "before tax", or widen it: "with or without a receipt",
"regardless of age" (``_limits_scope`` decides)."""
_SCOPE_LENGTH = 80
"""Characters of a change beyond which it is no ``_SCOPE`` phrase (five words at most)."""
_GROUPS_OF_PEOPLE = frozenset(
    "mice men women children people older younger elderly young pregnant adult".split()
)
"""Words that open a group of people or animals a claim was found in ("in older adults")
with no plural ending of their own."""


_WIDENING = frozenset(("with", "even", "regardless", "irrespective"))
"""The first words of ``_SCOPE``'s phrases that waive a condition."""


def _limits_scope(phrase: str) -> bool:
    """``phrase`` (a ``_SCOPE`` match) limits a claim to some beings or some part of a
    figure: "in" or "among" before a group ("in mice", "among older women": a plural, no
    article: "in the meantime", "in a row" and "in public" limit nothing), "excluding",
    "except" or "barring" before what is left out, and "before tax"."""
    words = phrase.lower().split()
    if len(words) < 2 or words[-1] in STOPWORDS:
        return False
    if words[0] in _WIDENING:
        # "with or without a receipt", "even without one", "regardless of age": a
        # condition waived, as much a limit of the claim as one set.
        return any(w not in STOPWORDS for w in words[1:])
    head, first = words[0], words[1]
    if head in ("in", "among"):
        return first not in STOPWORDS and (
            first in _GROUPS_OF_PEOPLE or (first.endswith("s") and not first.endswith("ss"))
        )
    if head == "before":
        return first in ("tax", "interest")
    return first not in STOPWORDS


def _scope_details(pair: Pair, side: Side, text: str, other: Support) -> list[tuple[int, int]]:
    """Spans of phrases that limit a claim's scope (``_SCOPE``) which this side of a
    reworded group holds whole as one change of its own, with a content word the other
    article lacks anywhere: a limit dropped or added ("a study in mice" / "a study",
    "profit, excluding one-off costs, rose" / "profit rose"). Netting weighs clauses of
    three new words and more; such a phrase often holds one."""
    kind = Op.DELETE if side is _A else Op.INSERT
    out: list[tuple[int, int]] = []
    for op in pair.ops:
        if op.op is not kind:
            continue
        start, end = (op.a_start, op.a_end) if side is _A else (op.b_start, op.b_end)
        if end - start > _SCOPE_LENGTH:
            continue  # more than a short phrase (most changes of a long rewritten group)
        found = _SCOPE.fullmatch(text, start, end)
        if (
            found is not None
            and _limits_scope(found.group(1))
            and _informative(found.group(1), other) >= 1
        ):
            out.append(found.span(1))
    return out


_CLAUSE_NAME = re.compile(r"(?<!^)\b[A-Z][\w’'-]+")
"""A capitalised word inside a clause: a name the other side may have kept."""


_ADJACENT_GAP = re.compile(r"[\s,;:()—–-]*(?:\w+\s*)?")
"""What may part two spans that still read as one (punctuation and one word)."""


def _merge_adjacent(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join spans separated only by punctuation, spaces or a conjunction."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and _ADJACENT_GAP.fullmatch(text[out[-1][1] : start]):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


class _Mask:
    """The union of a set of spans, for overlap checks in O(log n)."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        starts, ends = list(map(_SPAN_START, spans)), list(map(_SPAN_END, spans))
        # A word diff's runs of one side come in order, apart and not empty: then they are
        # their own union (each ends before the next starts), checked in C.
        if all(map(operator.lt, starts, ends)) and all(map(operator.lt, ends, starts[1:])):
            self.starts, self.ends = starts, ends
            return
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if e <= s:
                continue
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [m[0] for m in merged]
        self.ends = [m[1] for m in merged]

    def touches(self, s: int, e: int) -> bool:
        """Some character of [s, e) is covered."""
        i = bisect_left(self.starts, e) - 1  # the last interval starting before e
        return i >= 0 and self.ends[i] > s

    def outside(self, s: int, e: int) -> list[tuple[int, int]]:
        """The stretches of [s, e) that no span covers, in order.

        >>> _Mask([(3, 5), (7, 8)]).outside(0, 10)
        [(0, 3), (5, 7), (8, 10)]
        """
        out: list[tuple[int, int]] = []
        pos = s
        for i in range(max(0, bisect_right(self.ends, s)), len(self.starts)):
            if self.starts[i] >= e:
                break
            if self.starts[i] > pos:
                out.append((pos, self.starts[i]))
            pos = max(pos, self.ends[i])
        if pos < e:
            out.append((pos, e))
        return out

    def covers(self, s: int, e: int) -> bool:
        """Every character of [s, e) is covered."""
        i = bisect_right(self.starts, s) - 1
        return e > s and i >= 0 and self.ends[i] >= e


class _Clause(NamedTuple):
    """The changed part of one clause of a reworded group, as the netting reads it."""

    first: int
    last: int
    """The span from the clause's first changed token to its last."""
    informative: int
    """Informative words among its changed tokens (``_LocalSupport.count``)."""
    words: tuple[str, ...]
    """The word keys of the whole clause, changed or not: what it is about."""
    changed: tuple[int, ...]
    """Where its changed words start (to find the diff hunks they sit in)."""
    content: tuple[str, ...]
    """The stems of its changed words that ``_LocalSupport.count`` may count, wherever the
    article states them: what the clause brings in place of the other side's words."""


@functools.lru_cache(maxsize=4096)
def _clause_stems(words: tuple[str, ...]) -> frozenset[str]:
    """Content stems of a clause's words."""
    return frozenset(stem(k) for k in words if k not in STOPWORDS and len(k) > 1)


class _Draft(NamedTuple):
    """A changed clause of a sentence before it is judged: ``judged`` makes its ``_Clause``.

    Judging a clause (``_LocalSupport.count``) is most of the cost of netting, and a
    group none of whose clauses can bring three informative words (``bound``) nets
    nothing: such groups are common (figures replaced by figures) and skip it.
    """

    first: int
    last: int
    """The span from the clause's first changed token to its last."""
    keys: tuple[str, ...]
    """The keys of the sentence's tokens."""
    starts: Sequence[int]
    """Where the sentence's tokens start."""
    lo: int
    hi: int
    """The clause's tokens: ``[lo, hi)``."""
    changed: list[int]
    """The indices of the clause's changed words."""
    bound: int
    """At most this many of its changed words are informative: the words ``count`` reads
    (no stopword, three characters or more)."""

    def judged(self, judge: _LocalSupport) -> _Clause:
        """The clause, its changed words judged against ``judge``."""
        keys, lo = self.keys, self.lo
        count = judge.count(map(keys.__getitem__, self.changed))
        # The clause's word tokens: those of ``keys[lo:hi]`` that ``is_word`` keeps.
        in_clause = compress(range(lo, self.hi), word_flags(keys[lo : self.hi]))
        words = tuple(map(keys.__getitem__, in_clause))
        at = tuple(map(self.starts.__getitem__, self.changed))
        content = tuple(
            s
            for k in map(keys.__getitem__, self.changed)
            if _may_inform(k) and k not in _FIGURE_WORDS and not k[0].isdigit()
            if (s := _stem(k)) not in _GENERIC
        )
        return _Clause(self.first, self.last, count, words, at, content)


def _may_inform(key: str) -> bool:
    """A word key ``_LocalSupport.count`` may count: it reads no other."""
    return len(key) >= 3 and key not in STOPWORDS


class _Words(NamedTuple):
    """The changed words of one sentence of a reworded group."""

    sid: int
    keys: tuple[str, ...]
    starts: Sequence[int]
    ends: Sequence[int]
    """The keys, starts and ends of the sentence's tokens."""
    changed: list[int]
    """The indices of the word tokens a changed run touches, in order (never empty)."""

    def may_net(self) -> bool:
        """Three of the changed words are words netting may count (``_may_inform``): else
        none of the sentence's clauses has three (``_Draft.bound``). Read until the third,
        which is mostly among the first three."""
        keys, count = self.keys, 0
        for i in self.changed:
            key = keys[i]
            if len(key) >= 3 and key not in STOPWORDS:
                count += 1
                if count == 3:
                    return True
        return False


def _changed_words(doc: Document, sid: int, mask: _Mask) -> _Words | None:
    """The words of a sentence that the changed runs ``mask`` holds touch (None for none)."""
    sentence = doc.sentences[sid]
    run = sentence_tokens(sentence.text, sentence.start)
    starts, ends, keys = run.bounds[:-1], run.bounds[1:], run.keys
    # The indices of the word tokens the changed runs touch, in order: a few bisections
    # per run, and only the touched tokens tested. The runs are sorted and apart, so the
    # tokens each touches start at or after the last one's (a token two runs touch is
    # taken once).
    changed: list[int] = []
    taken = 0
    for k in range(bisect_right(mask.ends, sentence.start), len(mask.starts)):
        run_start, run_end = mask.starts[k], mask.ends[k]
        if run_start >= sentence.end:
            break
        lo, hi = max(bisect_right(ends, run_start), taken), bisect_left(starts, run_end)
        if hi > lo:
            changed += compress(range(lo, hi), word_flags(keys[lo:hi]))
            taken = hi
    if not changed:
        return None
    return _new_tuple(_Words, (sid, keys, starts, ends, changed))


def _may_net(doc: Document, found: list[_Words]) -> bool:
    """Some sentence of ``found`` (changed words of ``doc``) has a clause with three
    changed words that netting may count: ``any(d.bound >= 3 for d in drafts)`` over the
    sentences' ``_drafts``, without cutting them into clauses. Most have fewer than three
    changed words at all; the rest are read by ``_nets``."""
    return any(len(words.changed) >= 3 and words.may_net() and _nets(doc, words) for words in found)


def _nets(doc: Document, words: _Words) -> bool:
    """One clause of the sentence holds three of its changed words that netting may count
    (``_Draft.bound`` >= 3 for one of its ``_drafts``).

    Three such words, in order, share a clause when no clause break (``_CLAUSE_BREAK``)
    starts between the first and the third. A break holds no letter or digit, where every
    word starts, so no break straddles a word's start, and the first break at or after a
    place is the one ``_clause_spans`` finds there (lookbehinds read before ``pos``): one
    search per break met, from the first word of each three.
    """
    keys, starts = words.keys, words.starts
    # ``_may_inform``, written out: this reads every changed word of a long group.
    at = [starts[i] for i in words.changed if len(key := keys[i]) >= 3 and key not in STOPWORDS]
    if len(at) < 3:
        return False
    text, end = doc.text, doc.sentences[words.sid].end
    k = 0
    while k + 2 < len(at):
        cut = _CLAUSE_BREAK.search(text, at[k], end)
        if cut is None or cut.start() > at[k + 2]:
            return True
        k = bisect_right(at, cut.start(), k + 1)  # the first word after the break
    return False


def _drafts(doc: Document, words: _Words) -> list[_Draft]:
    """The changed part of each clause of a sentence, as a draft for netting to judge."""
    sid, keys, starts, ends, changed = words
    sentence = doc.sentences[sid]
    out = []
    for c_start, c_end in _clause_spans(doc.text, sentence.start, sentence.end):
        lo, hi = bisect_left(starts, c_start), bisect_left(starts, c_end)
        # The clause's tokens are ``[lo, hi)``: its share of the changed words, by bisection.
        c_lo, c_hi = bisect_left(changed, lo), bisect_left(changed, hi)
        if c_lo == c_hi:
            continue  # no changed word in the clause
        in_clause = changed[c_lo:c_hi]
        bound = sum(map(_may_inform, map(keys.__getitem__, in_clause)))
        first, last = starts[in_clause[0]], ends[in_clause[-1]]
        out.append(_Draft(first, last, keys, starts, lo, hi, in_clause, bound))
    return out


_SMALL_HUNK_WORDS = 8
"""A deletion and an insertion facing each other with at most this many words on each side
are a replacement ("suffered minor injuries" / "were slightly hurt"): their clauses net
against each other whatever words they share."""


def _small_hunks(
    pair: Pair, side: Side, doc_a: Document, doc_b: Document
) -> list[tuple[int, int, int]]:
    """(start, end, hunk) of this side's changed runs that sit in a small hunk.

    A hunk is a maximal stretch of non-equal ops between two equal ones; it is small when
    neither side holds more than ``_SMALL_HUNK_WORDS`` words and both hold some.
    """
    out: list[tuple[int, int, int]] = []
    hunk: list[WordOp] = []
    number = 0

    def close() -> None:
        nonlocal number
        a_words = sum(
            len(word_keys(doc_a.text[op.a_start : op.a_end])) for op in hunk if op.op is Op.DELETE
        )
        b_words = sum(
            len(word_keys(doc_b.text[op.b_start : op.b_end])) for op in hunk if op.op is Op.INSERT
        )
        if 0 < a_words <= _SMALL_HUNK_WORDS and 0 < b_words <= _SMALL_HUNK_WORDS:
            kind = Op.DELETE if side is _A else Op.INSERT
            for op in hunk:
                if op.op is kind:
                    span = (op.a_start, op.a_end) if side is _A else (op.b_start, op.b_end)
                    out.append((*span, number))
        number += 1

    for op in pair.ops:
        if op.op is Op.EQUAL:
            if hunk:
                close()
                hunk = []
        else:
            hunk.append(op)
    if hunk:
        close()
    return out


def _changed_clauses(doc: Document, sid: int, mask: _Mask) -> list[_Draft]:
    """The changed part of each clause of a sentence, as a draft for netting to judge."""
    words = _changed_words(doc, sid, mask)
    return _drafts(doc, words) if words is not None else []


def _group_words(ids: Sequence[int], doc: Document, mask: _Mask) -> list[_Words]:
    """The changed words of each sentence ``ids`` of ``doc`` lists (one side of a group,
    whose changed runs ``mask`` holds), for its sentences with some."""
    if not mask.starts:
        return []
    if len(ids) == 1:
        words = _changed_words(doc, ids[0], mask)
        return [words] if words is not None else []
    found = [_changed_words(doc, sid, mask) for sid in ids]
    return [words for words in found if words is not None]


class _Facing:
    """Which changed clauses of the two sides of a group can be one rewording (``related``):
    they share a content word, sit in one small replacement hunk (found when first asked:
    most related clauses share a word), or hold two pairs of words WordNet relates
    (``_wordnet_related``)."""

    def __init__(self, pair: Pair, doc_a: Document, doc_b: Document) -> None:
        self.pair, self.doc_a, self.doc_b = pair, doc_a, doc_b
        self._small: dict[Side, tuple[list[int], list[tuple[int, int, int]]]] = {}

    def _hunks(self, side: Side, clause: _Clause) -> set[int]:
        found = self._small.get(side)
        if found is None:
            small = _small_hunks(self.pair, side, self.doc_a, self.doc_b)
            found = self._small[side] = ([s for s, _, _ in small], small)
        starts, small = found
        out = set()
        for offset in clause.changed:
            i = bisect_right(starts, offset) - 1
            if i >= 0 and offset < small[i][1]:
                out.add(small[i][2])
        return out

    def related(self, side: Side, x: _Clause, y: _Clause) -> bool:
        """``x`` (of ``side``) and ``y`` (of the other side) can be one rewording."""
        if not _clause_stems(x.words).isdisjoint(_clause_stems(y.words)):
            return True
        if not self._hunks(side, x).isdisjoint(self._hunks(_OTHER[side], y)):
            return True
        if not _clause_values(x.words).isdisjoint(_clause_values(y.words)):
            return True  # "jailed for 18 months" / "sent to prison for a year and a half"
        return _wordnet_related(x.words, y.words)


@functools.lru_cache(maxsize=4096)
def _clause_values(words: tuple[str, ...]) -> frozenset[str]:
    """The figures and spans of time a clause's words state, each in every form that
    states it ("a dozen": 12; "a year and a half": 18 months): two clauses that state
    one say it in other words, whatever their words."""
    if not any(k[:1].isdigit() or k in _NUMBER_KEY_SET or k in FRACTIONS for k in words) and not (
        "a" in words or "an" in words
    ):
        return frozenset()
    text = " ".join(words)
    found = {form for forms in _value_slots(text) for form in forms}
    for duration in _DURATION.finditer(text):
        value, unit = _in_base_unit(_duration_key(duration.group()))
        found.add(f"{value} {unit}")
    found.discard("1")  # "a", "one": too common to relate two clauses
    return frozenset(found)


_WORDNET_WORDS = 24
"""Content words a clause may have for its words to be looked up in WordNet: a longer
clause relates to the other side's by the words it shares, or not at all."""


def _wordnet_related(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Two content words of ``x`` are related in WordNet (``synonyms.related``) to two of
    ``y``: "the fire appeared" / "the blaze seemed", shared words in other words. One
    related pair is not enough: WordNet is blind to the sense a sentence meant, and
    "moved" and "retire" share a sense (to go away)."""
    x_words = set(k for k in x if len(k) > 2 and k.isalpha() and k not in STOPWORDS)
    y_words = set(k for k in y if len(k) > 2 and k.isalpha() and k not in STOPWORDS)
    if len(x_words) < 2 or len(y_words) < 2 or max(len(x_words), len(y_words)) > _WORDNET_WORDS:
        return False
    pairs = [(a, b) for a in x_words for b in y_words if synonyms.related(a, b)]
    return len({a for a, _ in pairs}) >= 2 and len({b for _, b in pairs}) >= 2


def _net(
    text: str,
    clauses: Sequence[_Clause],
    others: Sequence[_Clause],
    related: Callable[[_Clause, _Clause], bool],
) -> list[tuple[int, int]]:
    """Spans of the changed clauses that add (or drop) content the other side does not
    replace: each clause's informative words, net of what the other side's clauses related
    to it (``_Facing.related``) removed. Replacing one phrase by another is rewording; adding one
    is a claim. An unrelated clause of the other side explains nothing: in a loosely
    aligned group, one side's additions do not excuse the other side's drops. What a
    related clause removed is its informative words, or, when the two say the same of the
    same things (``_says_the_same``), its changed words that this side's clauses lack,
    wherever else the article states them: a word replaced by one the article uses
    elsewhere was replaced.

    A claimed clause carries on over the next changed clause of its sentence when only a
    conjunction or punctuation parts them and that clause still adds two words ("… major
    energy | and banking sector sanctions").
    """
    spent_of = [0] * len(others)
    left: list[int] = []
    ours: frozenset[str] | None = None  # the stems of this side's clauses, read when needed
    for clause in clauses:
        if clause.informative < 3:
            left.append(clause.informative)
            continue  # rewording too small to be a claim spends none of the budget
        need = clause.informative
        if ours is None:
            ours = frozenset().union(*[_clause_stems(c.words) for c in clauses])
        stems = _clause_stems(clause.words)
        for j, other in enumerate(others):
            # What the other clause brings in place of this one's words: its informative
            # words; and for a clause that says the same of the same things (two content
            # words shared, half the shorter clause's), its changed words this side's
            # clauses do not hold, though the article states them elsewhere ("receive a
            # letter … inspection" / "letters will go out … check": "check" replaces
            # "inspection"). Words moved within the group replace nothing.
            budget = other.informative
            if other.content and _says_the_same(stems, _clause_stems(other.words)):
                budget = max(budget, sum(1 for k in other.content if k not in ours))
            budget -= spent_of[j]
            if need and budget > 0 and related(clause, other):
                spent = min(need, budget)
                spent_of[j] += spent
                need -= spent
        left.append(need)
    spans: list[tuple[int, int]] = []
    for clause, rest in zip(clauses, left, strict=True):
        joins = (
            rest >= 2
            and spans
            and spans[-1][1] <= clause.first
            and _CARRY_GAP.fullmatch(text[spans[-1][1] : clause.first]) is not None
        )
        if rest >= 3 or joins:
            spans.append((clause.first, clause.last))
    return spans


def _says_the_same(x: frozenset[str], y: frozenset[str]) -> bool:
    """Two clauses' content stems share two words and half the shorter clause's: the
    clauses say the same of the same things, in part in other words."""
    shared = len(x & y)
    return shared >= 2 and 2 * shared >= min(len(x), len(y))


_CARRY_GAP = re.compile(
    r"[\s,;:()—–-]*(?:(?:" + alternation(CLAUSE_CONJUNCTIONS) + r")\s+)?", re.IGNORECASE
)
"""What may part a claimed clause from the clause that carries it on."""
