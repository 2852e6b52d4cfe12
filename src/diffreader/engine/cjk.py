"""Provides the figures, dates and durations of Chinese and Japanese text, and what each states.

The fact patterns of claims.py are built from English words and read words parted by
spaces. Chinese and Japanese write no spaces and no capitals, and a quantity is a
numeral and a counter: a measure word or counter word saying what is counted, or a unit
(三人, 2.5億円, 15％, 百分之十五). This module reads them for claims.py's detectors, from
the word lists of lexicon.py (``CJK_*``):

- a **figure** is a numeral (Arabic digits, half- or full-width, Han numerals, or both:
  2億5000万) and a counter or unit of ``CJK_COUNTERS``; Arabic digits standing next to a
  kana or Han character are one without a counter too (a Han numeral alone is inside too
  many words: 统一, 十分, 一些). A lone 一 is none (一个, 一人: "a", "alone"), as English
  "one" alone is none.
- a **date** is a year (2026年, 二〇二六年, 令和8年), a month (11月, 十一月), a day after it
  (30日, 三十日, 30号), a day of the month alone (三日), those together, a weekday (周三,
  水曜日), a date relative to the day of writing (去年, 下月, 来春: ``CJK_RELATIVE_DATES``),
  a relative year or month with a season or a day (来年の春, 下月十五日).
- a **duration** is a numeral and a time unit of ``CJK_TIME_UNITS`` (3年, 两年, 二年間,
  3か月, 三个月, 5日間, 2時間半, 数年); a four-digit or era year is a date, not a duration.

Each fact states a value, read so that the writing does not matter: 二倍 and 2倍 are one
figure, 四千五百万元 and 4500万元 one, 3名 and 三人 one (``CJK_COUNTERS`` maps a counter's
forms to one); 二倍 and 三倍 are two. A duration's value is an English one (两年 is
``("2", "year")``, as "two years" is), so either language's duration supports the other.

API:
    has_cjk(text) -> bool                        a kana, Han or full-width digit is in it
    FACT_CHARACTERS                              every character a fact can hold
    numbers(text, start, end) -> list[tuple[int, int]]
    dates(text, start, end) -> list[tuple[int, int]]
    durations(text, start, end) -> list[tuple[int, int]]
    number_key(text) -> tuple[str, str] | None   a figure's (value, counter)
    duration_key(text) -> tuple[str, str]        a duration's (value, unit), as English's
    date_keys(text) -> frozenset[str]            what a date states, part by part
    date_parts(text) -> dict[str, str] | None    a date's year, month, day, weekday, …
    Stated, Stated.of(text)                      the figures, durations and dates of a text
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING, NamedTuple

from diffreader.engine.lexicon import (
    CJK_COUNTERS,
    CJK_DIGITS,
    CJK_ERAS,
    CJK_POWERS,
    CJK_RELATIVE_DATES,
    CJK_TIME_UNITS,
    CJK_VAGUE_NUMERALS,
    CJK_WEEKDAYS,
    alternation,
)
from diffreader.engine.text import IDEOGRAPHS, compiled, stem

if TYPE_CHECKING:
    from decimal import Decimal

__all__ = [
    "FACT_CHARACTERS",
    "Stated",
    "date_keys",
    "date_parts",
    "dates",
    "duration_key",
    "durations",
    "has_cjk",
    "number_key",
    "numbers",
]

_BESIDE = f"[{IDEOGRAPHS}\u3000-\u303f\uff01-\uff65]"
"""A character of Chinese or Japanese text next to a figure: kana, Han, the ideographic
punctuation (。、「) or a full-width form (，％)."""


def has_cjk(text: str) -> bool:
    """``text`` is Chinese or Japanese that may hold a fact: a character of one
    (``FACT_CHARACTERS``: numerals, counters, calendar words, full-width digits) or an
    ideographic mark (。、「」), next to which Arabic digits are a figure.

    Not "any kana or Han character": that class takes 4 ms to compile, which every
    English article with a curly quote or a euro sign would pay; this one 1 ms.

    >>> has_cjk("4,300 “ok” €5"), has_cjk("约3倍"), has_cjk("１５"), has_cjk("得分为85。")
    (False, True, True, True)
    """
    return not text.isascii() and compiled(_CJK).search(text) is not None


_HAN_DIGITS = "".join(CJK_DIGITS)
_TENS = "十百千"
_MYRIADS = "".join(p for p, v in CJK_POWERS.items() if v >= 10**4)
_ARABIC = r"[0-9０-９]++(?:[.,．][0-9０-９]++)*+"
_NUMERAL = (
    rf"(?:{_ARABIC}|[{_HAN_DIGITS}{_TENS}])"
    rf"(?:{_ARABIC}|[{_HAN_DIGITS}{_TENS}{_MYRIADS}]|[点點](?=[{_HAN_DIGITS}]))*+"
)
"""A numeral: Arabic digits (with a decimal point or thousands commas) or Han numerals,
the one scaled by the other (2.5億, 三点五亿: 点 before a digit is a decimal point). It
never starts with 万, 亿 or 兆 (万人 is "everyone", 千万 "by all means" before a verb).
Possessive (``++``, ``*+``): a run of digits is read whole, never split and tried again
piece by piece where no unit follows (twenty digits took a second, each more twice as
long), and no counter or unit starts where a numeral may go on."""
_NOT_AFTER = rf"(?<![{_HAN_DIGITS}{_TENS}{_MYRIADS}0-9０-９A-Za-zＡ-Ｚａ-ｚ_.．])"
"""No numeral, letter or decimal point just before: a numeral is read from its start."""
_LATIN_UNIT = "[A-Za-zＡ-Ｚａ-ｚ]{1,3}(?![A-Za-zＡ-Ｚａ-ｚ])"
"""A unit in Latin letters after digits (3km, ５ｋｇ, 5G)."""
_CURRENCY = "$€£¥＄￥"


def _led(first: str, body: str) -> str:
    """``body``, for a pattern whose every match starts with one of ``first`` (the inside
    of a character class), checked first: most places of a text are ruled out at once,
    five to ten times faster on Han text (as claims._led_by; the tests check each such
    pattern against its body)."""
    return f"(?=[{first}])(?:{body})"


_CLASSIFIERS = "个個かヶカケヵ箇"
"""Classifiers between a numeral and a unit of time (三个月, 3か月, 3ヶ月)."""
_NEEDS_CLASSIFIER = frozenset(("月",))
"""Units that count time only after a classifier: 三月 is March, 三个月 three months."""
_YEAR_AFTER = ("月", "度", "代", "生")
"""What follows 年 when it names a year rather than counts years (3年3月, 1990年代)."""
_NEEDS_KAN = frozenset(("日", "時", "时", "分"))
"""Units that count time only with 間 after them: 3日 is a date, 3日間 three days."""
_SMALL = r"(?:[0-9０-９]{1,2}|[〇一二三四五六七八九十]{1,3})"
"""A month's or a day's number (its range is checked in ``date_parts``)."""


class _Sources(NamedTuple):
    """The sources of the patterns: for each, the characters its matches start with and
    its body (see ``_led``), or its whole source."""

    number: tuple[str, str]
    """A figure: "percent" (百分之) or a currency sign, a numeral, a bound (三十多人,
    30余人: "more than") and its counter or unit."""
    duration: tuple[str, str]
    """A duration: a numeral (or 几, 数: "several"; or 半, a half), a classifier (三个月,
    3か月), a half (一个半月, 两年半), a bound (多: "more than"), its unit, and "ago" or
    "later" (3年前) as English's "ago" belongs to its duration. ``_duration_of`` checks
    the rest."""
    date: tuple[str, str]
    """A date: a year (with a month, and a day after it, or a season), a month (and a
    day), a day alone (三日: Japanese news dates by the day of the month), then a weekday;
    or a weekday, or a relative day, week or season. ``date_parts`` checks its ranges."""
    date_part: str
    """The parts of a date, one at a time."""


@functools.cache
def _sources() -> _Sources:
    """The sources, built from the word lists when first needed: their tries
    (``alternation``) take a few milliseconds that text of no kana or Han never needs."""
    relative = {
        period: [w for w, v in CJK_RELATIVE_DATES.items() if v.startswith(period)]
        for period in ("year", "month")
    }
    others = [w for w, v in CJK_RELATIVE_DATES.items() if not v.startswith(("year", "month"))]
    number = (
        rf"(?:(?P<percent>百分之)|(?P<currency>[{_CURRENCY}]))?"
        rf"{_NOT_AFTER}(?P<numeral>{_NUMERAL})[多余餘]?"
        rf"(?P<counter>{alternation(CJK_COUNTERS)}|{_LATIN_UNIT})?"
    )
    duration = (
        rf"{_NOT_AFTER}(?<!第)"
        rf"(?P<numeral>{_NUMERAL}|{alternation(CJK_VAGUE_NUMERALS)}|半)[多余餘]?"
        rf"(?P<classifier>[{_CLASSIFIERS}])?(?P<half>半)?多?"
        rf"(?P<unit>{alternation(CJK_TIME_UNITS)})"
        r"(?P<kan>[間间])?(?P<half_after>半)?多?[前後后]?"
    )
    eras = alternation(CJK_ERAS)
    year = (
        rf"(?:(?:{eras})(?:元|{_SMALL})年|(?:[0-9０-９]{{4}}|[〇零一二三四五六七八九]{{4}})年)度?"
        rf"|{alternation(relative['year'])}"
    )
    month = rf"{_SMALL}月(?![間间])|{alternation(relative['month'])}"
    day = rf"{_SMALL}[日号號](?![間间本])"
    weekday = alternation(CJK_WEEKDAYS) + "(?![次回])"
    season = r"[の的]?[春夏秋冬](?:季|天)?(?![节節分])"
    date = (
        rf"(?<![{_HAN_DIGITS}{_TENS}{_MYRIADS}0-9０-９])"
        rf"(?:(?:(?:{year})(?:(?:{month})(?:{day})?|{season})?|(?:{month})(?:{day})?"
        rf"|{_SMALL}日(?![間间本]))(?:{weekday})?"
        rf"|{weekday}|{alternation(others)})"
    )
    date_first = {*"0123456789０１２３４５６７８９〇零十", *_HAN_DIGITS}
    date_first.update(w[0] for w in (*CJK_ERAS, *CJK_WEEKDAYS, *CJK_RELATIVE_DATES))
    date_part = (
        rf"(?P<era>{eras})(?P<era_year>元|{_SMALL})年"
        r"|(?P<year>[0-9０-９]{4}|[〇零一二三四五六七八九]{4})年"
        rf"|(?P<month>{_SMALL})月|(?P<day>{_SMALL})[日号號]"
        rf"|(?P<weekday>{alternation(CJK_WEEKDAYS)})"
        rf"|(?P<relative>{alternation(CJK_RELATIVE_DATES)})"
        r"|(?P<season>[春夏秋冬])"
    )
    return _Sources(
        (f"百{_CURRENCY}0-9０-９{_HAN_DIGITS}{_TENS}", number),
        (f"0-9０-９{_HAN_DIGITS}{_TENS}半{''.join({w[0] for w in CJK_VAGUE_NUMERALS})}", duration),
        ("".join(sorted(date_first)), date),
        date_part,
    )


class _Patterns(NamedTuple):
    number: re.Pattern[str]
    duration: re.Pattern[str]
    date: re.Pattern[str]
    date_part: re.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    """The patterns of ``_sources``, compiled when first needed: compiling them takes
    about 20 ms, a tenth of a short command's whole time, which text of no kana or Han
    never needs."""
    number, duration, date, date_part = _sources()
    return _Patterns(
        re.compile(_led(*number)),
        re.compile(_led(*duration)),
        re.compile(_led(*date)),
        re.compile(date_part),
    )


_SEASONS = {"春": "spring", "夏": "summer", "秋": "autumn", "冬": "winter"}


FACT_CHARACTERS = "".join(
    sorted(
        c
        for c in {
            *_HAN_DIGITS,
            *_TENS,
            *_MYRIADS,
            *"点點百分之多余餘半年度の的季天間间前後后元日号號月",
            *"０１２３４５６７８９％．＄￥",
            *_CLASSIFIERS,
            *"".join(CJK_COUNTERS),
            *"".join(CJK_TIME_UNITS),
            *"".join(CJK_VAGUE_NUMERALS),
            *"".join(CJK_ERAS),
            *"".join(CJK_WEEKDAYS),
            *"".join(CJK_RELATIVE_DATES),
            *_SEASONS,
        }
        if not c.isascii() and c not in "€£¥"
    )
)
"""Every character but ASCII and the signs €£¥ that a Chinese or Japanese fact can hold
(the inside of a regex class; ``has_cjk`` looks for them, claims.py's gate with capitals,
digits and those signs): a changed stretch with none of them changed no such fact, but
for its unit in small Latin letters (3km → 3kg, which the substitution layer reads: km
is a unit word)."""
_CJK = f"[{FACT_CHARACTERS}。、，！？：；「」『』（）・]"
"""What ``has_cjk`` looks for."""

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")


_LONGEST_NUMERAL = 32
"""Characters a numeral holds at most to be a figure: a figure of news copy takes fewer
(九千九百九十九万九千九百九十九 is 15), and a run of thousands of digits is no figure,
whose value would only cost time and memory to work out."""


def _value(numeral: str) -> Decimal | None:
    """The value of a numeral ``_NUMERAL`` matched, None when it reads as none.

    >>> [_plain(_value(n) or 0) for n in ("三百二十", "四千五百万", "4500万", "2.5億", "二〇二六")]
    ['320', '45000000', '45000000', '250000000', '2026']
    """
    # Imported here, as the patterns are compiled (``_patterns``): text of no kana or Han
    # never needs it.
    from decimal import Decimal, InvalidOperation

    if len(numeral) > _LONGEST_NUMERAL:
        return None
    numeral = numeral.translate(_FULL_WIDTH)
    total = section = Decimal(0)
    pending: Decimal | None = None  # digits not yet multiplied
    i, n = 0, len(numeral)
    while i < n:
        c = numeral[i]
        if "0" <= c <= "9":
            j = i
            while j < n and (numeral[j] in "0123456789.,"):
                j += 1
            try:
                pending = Decimal(numeral[i:j].replace(",", ""))
            except InvalidOperation:
                return None
            i = j
            continue
        if c in CJK_DIGITS:
            digit = CJK_DIGITS[c]
            # Digits in a row are written digit by digit (二〇二六, 一百零五).
            pending = Decimal(digit) if pending is None else pending * 10 + digit
        elif c in "点點":
            j = i + 1
            while j < n and numeral[j] in CJK_DIGITS:
                j += 1
            fraction = "".join(str(CJK_DIGITS[d]) for d in numeral[i + 1 : j])
            pending = (pending or Decimal(0)) + Decimal("0." + fraction)
            i = j
            continue
        else:
            power = CJK_POWERS[c]
            if power < 10**4:
                section += (Decimal(1) if pending is None else pending) * power
            elif pending is None and not section and total:
                total *= power  # 一万亿: a myriad of hundred millions
            else:
                section += pending or 0
                total += (section or 1) * power
                section = Decimal(0)
            pending = None
        i += 1
    return total + section + (pending or 0)


def _plain(value: Decimal) -> str:
    """A value as the English figures' values are written: "2", "0.5", "250000000"."""
    return format(value.normalize(), "f")


@functools.cache
def _counter(counter: str) -> tuple[str, Decimal]:
    """A counter's one form and the factor it multiplies by (3割 is 30%); none for none.
    Remembered: a handful of counters make most figures."""
    from decimal import Decimal

    if not counter:
        return "", Decimal(1)
    form = CJK_COUNTERS.get(counter)
    if form is None:  # a unit in Latin letters
        return unicodedata.normalize("NFKC", counter).lower(), Decimal(1)
    factor, _, form = form.rpartition(" ")
    return form, Decimal(factor or 1)


def _number_of(
    match: re.Match[str], *, beside: bool = True, weak: bool = False
) -> tuple[str, str] | None:
    """A figure's (value, counter), or None when the match is no figure (``beside``:
    Arabic digits without a counter must stand next to Chinese or Japanese text;
    ``weak``: a lone 一 is one, as what an article states, though never flagged)."""
    numeral, counter, percent, currency = match.group("numeral", "counter", "percent", "currency")
    if percent:
        counter = "%"
    elif not counter and not currency:
        # A numeral without a counter is a figure in Arabic digits beside Chinese or
        # Japanese text; a Han numeral alone is inside words (统一, 十分).
        if not ("0" <= numeral[0] <= "9" or "０" <= numeral[0] <= "９"):
            return None
        text, start, end = match.string, match.start(), match.end()
        beside_text = compiled(_BESIDE).match
        if beside and not (
            (start and beside_text(text, start - 1)) or (end < len(text) and beside_text(text, end))
        ):
            return None
    if numeral == "一" and not (percent or weak):
        return None  # 一个, 一人: "a", "alone"
    return _figure(numeral, counter or "", currency or "")


@functools.lru_cache(maxsize=8192)
def _figure(numeral: str, counter: str, currency: str) -> tuple[str, str] | None:
    """(value, counter) of a numeral, its counter and currency sign: remembered, as an
    article's figures recur (a table's 3人, 5人 row after row)."""
    if len(numeral) > _LONGEST_NUMERAL:
        return None
    form, factor = _counter(counter)
    if factor == 1 and numeral.isascii() and numeral.isdecimal():
        value = str(int(numeral))  # digits alone (most figures): their own value
    else:
        number = _value(numeral)
        if number is None:
            return None
        value = _plain(number * factor)
    if currency:
        form = unicodedata.normalize("NFKC", currency) + form
    return value, form


def _duration_of(match: re.Match[str]) -> tuple[str, str] | None:
    """A duration's (value, unit), or None when the match is no duration."""
    unit = match["unit"]
    if unit in _NEEDS_CLASSIFIER and not match["classifier"]:
        return None
    if unit in _NEEDS_KAN and not match["kan"]:
        return None
    text, start = match.string, match.start()
    if unit in ("周", "週") and text.startswith("年", match.end("unit")):
        return None  # 十周年: an anniversary
    from decimal import Decimal

    numeral = match["numeral"]
    if numeral == "半" and start and text[start - 1] in "上下前后後":
        return None  # 上半年, 前半: the first half of a year, not half a year
    if numeral in CJK_VAGUE_NUMERALS:
        return "several", stem(CJK_TIME_UNITS[unit])
    value = Decimal("0.5") if numeral == "半" else _value(numeral)
    if value is None:
        return None
    if unit == "年":
        after = match.end("kan") if match["kan"] else match.end("unit")
        if text[max(0, start - 2) : start] in CJK_ERAS or text.startswith(_YEAR_AFTER, after):
            return None  # 令和3年, 3年3月, 2026年度, 1990年代, 2年生: a year, not years
        plain = numeral.translate(_FULL_WIDTH)
        if len(plain) == 4 and (plain.isdecimal() or all(c in CJK_DIGITS for c in plain)):
            return None  # 2026年, 二〇二六年: a year
    if match["half"] or match["half_after"]:
        value += Decimal("0.5")
    return _plain(value), stem(CJK_TIME_UNITS[unit])


def _small(numeral: str) -> int | None:
    value = _value(numeral)
    return int(value) if value is not None and value == int(value) else None


def date_parts(text: str) -> dict[str, str] | None:
    """What a date says, part by part (year, month, day, weekday, relative period,
    season), or None when a part is out of its range (13月, 32日).

    >>> date_parts("2026年11月30日")
    {'year': '2026', 'month': '11', 'day': '30'}
    >>> date_parts("下月十五日")
    {'month': '+1', 'day': '15'}
    """
    parts: dict[str, str] = {}
    for m in _patterns().date_part.finditer(text):
        kind = m.lastgroup
        if kind in ("era_year", "era"):
            year = 1 if m["era_year"] == "元" else _small(m["era_year"])
            if year is None:
                return None
            parts["year"] = str(CJK_ERAS[m["era"]] + year)
        elif kind == "year":
            year = _small(m["year"])
            if year is None:
                return None
            parts["year"] = str(year)
        elif kind == "month":
            month = _small(m["month"])
            if month is None or not 1 <= month <= 12:
                return None
            parts["month"] = str(month)
        elif kind == "day":
            day = _small(m["day"])
            if day is None or not 1 <= day <= 31:
                return None
            parts["day"] = str(day)
        elif kind == "weekday":
            parts["weekday"] = str(CJK_WEEKDAYS[m["weekday"]])
        elif kind == "relative":
            relative = CJK_RELATIVE_DATES[m["relative"]]
            period = relative.rstrip("+-0123456789")
            if period in ("year", "month"):
                parts[period] = relative[len(period) :]  # "+1": a year from now
            else:
                parts["when"] = relative
        elif kind == "season":
            parts["season"] = _SEASONS[m["season"]]
    return parts


def _date_of(match: re.Match[str], *, weak: bool = False) -> dict[str, str] | None:
    """A date's parts, or None when the match is no date (``weak``: 一日 alone is one)."""
    text = match.group()
    parts = date_parts(text)
    if not parts:
        return None
    if parts.keys() == {"day"} and text[0] == "一" and not weak:
        return None  # 一日: "one day" as often as the first of the month
    return parts


def _required(parts: dict[str, str]) -> frozenset[str]:
    """The keys another article's dates must hold to state the date these parts say."""
    keys = set()
    for kind in ("year", "weekday", "when", "season"):
        if kind in parts:
            keys.add(f"{kind} {parts[kind]}")
    month, day = parts.get("month"), parts.get("day")
    if month and day:
        keys.add(f"month {month} day {day}")
    elif month:
        keys.add(f"month {month}")
    elif day:
        keys.add(f"day {day}")
    return frozenset(keys)


def _stated_keys(parts: dict[str, str]) -> set[str]:
    """The keys a date states: its required ones, and its month and its day alone."""
    keys = set(_required(parts))
    if "month" in parts:
        keys.add(f"month {parts['month']}")
    if "day" in parts:
        keys.add(f"day {parts['day']}")
    return keys


def numbers(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the figures in ``text[start:end]``, in order.

    >>> t = "费用约为4500万元，是原来的二倍，共3人。"
    >>> [t[s:e] for s, e in numbers(t, 0, len(t))]
    ['4500万元', '二倍', '3人']
    """
    return [m.span() for m in _patterns().number.finditer(text, start, end) if _number_of(m)]


def durations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the durations in ``text[start:end]``, in order.

    >>> t = "工程历时两年半，2026年完工，需要3か月。"
    >>> [t[s:e] for s, e in durations(t, 0, len(t))]
    ['两年半', '3か月']
    """
    found = _patterns().duration.finditer(text, start, end)
    return [m.span() for m in found if _duration_of(m)]


def dates(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the dates in ``text[start:end]``, in order.

    >>> t = "市は三日、2026年11月30日（月）に開くと発表した。来年の春にも。"
    >>> [t[s:e] for s, e in dates(t, 0, len(t))]
    ['三日', '2026年11月30日', '来年の春']
    """
    return [m.span() for m in _patterns().date.finditer(text, start, end) if _date_of(m)]


@functools.lru_cache(maxsize=4096)
def number_key(text: str) -> tuple[str, str] | None:
    """The (value, counter) a figure states, None for text that is no figure.

    >>> number_key("二倍") == number_key("2倍"), number_key("二倍") == number_key("三倍")
    (True, False)
    >>> number_key("四千五百万元") == number_key("4500万元"), number_key("３名")
    (True, ('3', '人'))
    >>> number_key("百分之十五") == number_key("15％") == number_key("15%")
    True
    >>> number_key("＄5"), number_key("1人"), number_key("一人")
    (('5', '$'), ('1', '人'), None)
    """
    match = _patterns().number.fullmatch(text)
    return _number_of(match, beside=False) if match else None


def duration_key(text: str) -> tuple[str, str]:
    """The (value, unit) a duration states, as claims.py keys English ones ("two
    years" is ``("2", "year")``); empty for text that is no duration.

    >>> duration_key("两年"), duration_key("二年間"), duration_key("3か月"), duration_key("数年")
    (('2', 'year'), ('2', 'year'), ('3', 'month'), ('several', 'year'))
    """
    match = _patterns().duration.fullmatch(text)
    return (_duration_of(match) if match else None) or ("", "")


def date_keys(text: str) -> frozenset[str]:
    """What a date states: a key per part another article's dates must state too (the
    month and day together).

    >>> sorted(date_keys("2026年11月30日"))
    ['month 11 day 30', 'year 2026']
    >>> date_keys("令和8年") == date_keys("二〇二六年"), sorted(date_keys("周三"))
    (True, ['weekday 3'])
    """
    parts = date_parts(text)
    return _required(parts) if parts else frozenset()


class Stated(NamedTuple):
    """The Chinese and Japanese figures, durations and dates one article states."""

    figures: frozenset[tuple[str, str]]
    """(value, counter) of each figure."""
    values: frozenset[str]
    """The value of each figure, whatever its counter (for a figure written with none)."""
    durations: frozenset[tuple[str, str]]
    """(value, unit) of each duration, as ``duration_key`` gives them."""
    dates: frozenset[str]
    """The keys of its dates (``date_keys``), with each month and day alone."""

    @classmethod
    def of(cls, text: str) -> Stated:
        """What ``text`` states (nothing, found at once, for text of no kana or Han). A
        lone 一 counts here (一人 states one person, which 1人 then repeats)."""
        if not has_cjk(text):
            return _NOTHING
        patterns = _patterns()
        figures = {key for m in patterns.number.finditer(text) if (key := _number_of(m, weak=True))}
        found = {key for m in patterns.duration.finditer(text) if (key := _duration_of(m))}
        keys: set[str] = set()
        for m in patterns.date.finditer(text):
            parts = _date_of(m, weak=True)
            if parts:
                keys |= _stated_keys(parts)
        values = frozenset(value for value, _ in figures)
        return cls(frozenset(figures), values, frozenset(found), frozenset(keys))

    def states_figure(self, key: tuple[str, str]) -> bool:
        """A figure of this value and counter is stated (of this value, for one with no
        counter)."""
        value, counter = key
        return key in self.figures if counter else value in self.values

    def states_date(self, keys: frozenset[str]) -> bool:
        """Every part of a date (``date_keys``) is stated by some date here."""
        return keys <= self.dates


_NOTHING = Stated(frozenset(), frozenset(), frozenset(), frozenset())
