"""Provides the engine's word lists: every list of words it uses for judgement, defined once.

Entries are general English and newsroom vocabulary (the words a style guide, a news
agency's house rules or a grammar would list), and for Chinese and Japanese the closed
classes their grammars list (numerals, counters, calendar words), never words chosen
because a demo article or a test fixture uses them. Where a fixture needs more than a
list holds, a general rule does the work (a title is a run of words ending in a title
noun: ``Harbour Master``, ``Finance Officer``), not a new entry.

Every list is a ``frozenset`` of lower-case entries (multi-word entries have single
spaces); the tables with values are read-only mappings. Patterns built from a list
go through ``alternation``, which prefers longer entries, so a regular expression reads
the longest entry at a place ("september" before "sep", "a few" before "a").

API:
    alternation(words) -> str               a regex of the words (a trie), longest first
    title_length(words) -> int              how many leading words of a name are a title
    Numbers and time:  NUMBER_WORDS, FRACTIONS, AFTER_A_SHARE, NUMBERS_NEVER_ALONE,
                       WEAK_NUMBER_WORDS, VAGUE_QUANTITIES, MONTH_NAMES, MONTH_NUMBERS,
                       MONTHS, WEEKDAYS, WEEKDAY_ORDER, SEASONS, SEASON_MONTHS, CALENDAR_PERIODS,
                       DATE_MODIFIERS, HOLIDAYS, MOVABLE_FEASTS, TIME_UNITS, DURATION_QUALIFIERS,
                       NAMED_TIMES
    Chinese, Japanese: CJK_DIGITS, CJK_POWERS, CJK_COUNTERS, CJK_TIME_UNITS,
                       CJK_VAGUE_NUMERALS, CJK_ERAS, CJK_WEEKDAYS, CJK_RELATIVE_DATES
    People and roles:  HONORIFICS, ADDRESSES, TITLES, TITLE_MODIFIERS, TITLE_WORDS (their union),
                       ROLE_NOUNS, NAME_PARTICLES, PRONOUNS
    Places and bodies: PLACES, PLACE_EQUIVALENTS, DEMONYMS, PLACE_PREPOSITIONS,
                       ORGANISATION_HEADS, CAPITALISED_ADJECTIVES, COMMON_ACRONYMS, EVENTS,
                       MEDIA_HEADS, NEWS_AGENCIES, WORDS_AFTER_US_ABBREVIATION
    Wording:           STOPWORDS, FILLER, REPORTING_VERBS, SENTENCE_OPENERS,
                       CLAUSE_CONJUNCTIONS
    Substitutions:     NEGATIONS, NEGATING_VERBS, INFINITIVE_NEGATORS, DENIAL_VERBS,
                       IMPLICIT_NEGATIVES, NEGATING_PHRASES, CESSATIONS, DISRUPTIONS,
                       CONTINUITY, NEGATIVE_PREFIXES,
                       HEDGES, HEDGE_VERBS, BELIEF_VERBS, BOOSTERS, STATUS_MODIFIERS, RANKS,
                       SCALE_WORDS, MEASURE_UNITS, UNIT_EQUIVALENTS, QUANTITY_QUALIFIERS,
                       RECIPROCAL_VERBS
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

__all__ = [
    "ADDRESSES",
    "AFTER_A_SHARE",
    "BELIEF_VERBS",
    "BOOSTERS",
    "CALENDAR_PERIODS",
    "CAPITALISED_ADJECTIVES",
    "CESSATIONS",
    "CJK_COUNTERS",
    "CJK_DIGITS",
    "CJK_ERAS",
    "CJK_POWERS",
    "CJK_RELATIVE_DATES",
    "CJK_TIME_UNITS",
    "CJK_VAGUE_NUMERALS",
    "CJK_WEEKDAYS",
    "CLAUSE_CONJUNCTIONS",
    "COMMON_ACRONYMS",
    "CONTINUITY",
    "DATE_MODIFIERS",
    "DEMONYMS",
    "DENIAL_VERBS",
    "DISRUPTIONS",
    "DURATION_QUALIFIERS",
    "EVENTS",
    "FILLER",
    "FRACTIONS",
    "GENERIC_PERSON_NOUNS",
    "HEDGES",
    "HEDGE_VERBS",
    "HOLIDAYS",
    "HOLIDAY_KEYS",
    "HOLIDAY_NAMES",
    "HOLIDAY_PATTERN",
    "HONORIFICS",
    "IMPLICIT_NEGATIVES",
    "INFINITIVE_NEGATORS",
    "MEASURE_UNITS",
    "MEDIA_HEADS",
    "MONTHS",
    "MONTH_NAMES",
    "MONTH_NUMBERS",
    "MOVABLE_FEASTS",
    "NAMED_TIMES",
    "NAME_PARTICLES",
    "NEGATING_PHRASES",
    "NEGATING_VERBS",
    "NEGATIONS",
    "NEGATIVE_PREFIXES",
    "NEWS_AGENCIES",
    "NUMBERS_NEVER_ALONE",
    "NUMBER_WORDS",
    "ORGANISATION_HEADS",
    "PERSON_NOUNS",
    "PERSON_SUFFIXES",
    "PLACES",
    "PLACE_EQUIVALENTS",
    "PLACE_PREPOSITIONS",
    "PRONOUNS",
    "QUANTITY_QUALIFIERS",
    "RANKS",
    "RECIPROCAL_VERBS",
    "REPORTING_VERBS",
    "ROLE_NOUNS",
    "SCALE_WORDS",
    "SEASONS",
    "SEASON_MONTHS",
    "SENTENCE_OPENERS",
    "STATUS_MODIFIERS",
    "STOPWORDS",
    "TIME_UNITS",
    "TITLES",
    "TITLE_MODIFIERS",
    "TITLE_WORDS",
    "UNIT_EQUIVALENTS",
    "VAGUE_QUANTITIES",
    "WEAK_NUMBER_WORDS",
    "WEEKDAYS",
    "WEEKDAY_ORDER",
    "WORDS_AFTER_US_ABBREVIATION",
    "alternation",
    "holiday_date",
    "title_length",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> frozenset[str]:
    """Entries separated by ``|`` (entries may hold spaces)."""
    return frozenset(" ".join(p.split()) for p in text.split("|") if p.strip())


def alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, longest first where several match
    at a place ("september" before "sep", "a few" before "a"), as a trie: the words
    share their prefixes, so the pattern reads each letter once rather than once per word.

    >>> alternation({"sep", "sept", "september", "oct"})
    '(?:oct|sep(?:t(?:ember)?)?)'
    >>> alternation({"a", "an", "and"})
    'a(?:n(?:d)?)?'
    """
    trie: dict[str, dict[str, Any]] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(trie)


def _branches(node: dict[str, dict[str, Any]]) -> str:
    """The pattern of a trie node: its branches, then (optionally) nothing more."""
    branches = [re.escape(char) + _branches(node[char]) for char in sorted(node) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if "" not in node:
        return body
    # A word ends here: the longer words first (a greedy "?"), then this one.
    return f"{body}?" if body.startswith("(?:") and len(branches) > 1 else f"(?:{body})?"


# ---------------------------------------------------------------------------
# Numbers and time

_NUMBER_VALUES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "dozen": 12, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "half": 0.5, "twice": 2,
    "once": 1, "double": 2, "triple": 3, "twenties": 20, "thirties": 30, "forties": 40,
    "fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip
NUMBER_WORDS: Mapping[str, float] = MappingProxyType(_NUMBER_VALUES)
"""Number words (cardinals, ordinals, multipliers, decades of an age) and their values:
"two years" and "2 years" state the same fact, "in his seventies" and "in his 70s" one
age."""
FRACTIONS: Mapping[str, int] = MappingProxyType(
    {
        "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
        "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
        "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
    }
)  # fmt: skip
"""Fraction words and their denominators: "a third" of something is 33 per cent of it."""
AFTER_A_SHARE = _words(
    """since within across among despite amid throughout compared last overall apiece
    respectively higher lower faster slower bigger smaller larger greater cheaper dearer
    longer shorter quicker heavier lighter stronger weaker richer poorer older younger
    fewer less"""
)
"""Words that are no stopword but follow a share, never an ordinal's noun ("fell by a
fifth since May", "to grow by a fifth within five years", "a third compared with", "by a
quarter last year"), and comparatives ("a fifth faster", "a third cheaper": a share more or
less)."""
NUMBERS_NEVER_ALONE = _words("once double half")
"""Number words that are no figure on their own ("once again", "double down", "half of")."""
WEAK_NUMBER_WORDS = _words("one first second")
"""Number words that alone are rarely a checkable figure ("one of the", "first time")."""
VAGUE_QUANTITIES = _phrases("a few | several | many | few")
"""Quantities without a value that still make a duration a fact ("for several weeks", "over
the next few days")."""
MONTH_NAMES = tuple(
    "january february march april may june july august september october november december".split()
)
"""The months' names, January first."""
MONTH_NUMBERS: Mapping[str, int] = MappingProxyType(
    {
        **{name: n for n, name in enumerate(MONTH_NAMES, 1)},
        **{
            short: n
            for n, short in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)
        },
        "sept": 9,
    }
)
"""Each month's name and agency-style abbreviation ("Sept.", "Jan.") and its number, 1 to 12."""
MONTHS = frozenset(MONTH_NUMBERS)
"""Month names and their agency-style abbreviations."""
WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
WEEKDAY_ORDER = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
"""The weekdays in ``datetime.date.weekday``'s order (Monday 0)."""
SEASONS = _words("spring summer autumn fall winter")
SEASON_MONTHS: Mapping[str, tuple[int, ...]] = MappingProxyType(
    {"spring": (3, 4, 5), "summer": (6, 7, 8), "autumn": (9, 10, 11), "fall": (9, 10, 11),
     "winter": (12, 1, 2)}
)  # fmt: skip
"""The months (1 to 12) of each season, the northern hemisphere's ("in May" is "this
spring")."""
CALENDAR_PERIODS = _words("week month year weekend")
"""Periods a relative date names ("last week", "next year")."""
DATE_MODIFIERS = _words("last this next early late mid")
"""Words that make a relative date of a period, month, weekday or season ("mid-March")."""
HOLIDAYS: Mapping[str, tuple[int, int]] = MappingProxyType(
    {
        "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
        "boxing day": (12, 26), "st stephen's day": (12, 26), "new year's eve": (12, 31),
        "hogmanay": (12, 31), "new year's day": (1, 1),
        "burns night": (1, 25), "australia day": (1, 26), "valentine's day": (2, 14),
        "st david's day": (3, 1), "st patrick's day": (3, 17), "st george's day": (4, 23),
        "juneteenth": (6, 19), "canada day": (7, 1), "bastille day": (7, 14),
        "halloween": (10, 31), "all saints' day": (11, 1), "bonfire night": (11, 5),
        "guy fawkes night": (11, 5), "armistice day": (11, 11), "remembrance day": (11, 11),
        "veterans day": (11, 11), "st andrew's day": (11, 30),
    }
)  # fmt: skip
"""Holidays that fall on one day of the year, and that day (month, day): "before Christmas
Eve" is "before 24 December". Only days fixed by the calendar (no Easter, no "first Monday
of May") and names no other sense shares (not "Epiphany": "had an epiphany"); "Christmas"
alone is a date only after a preposition ("by Christmas", not "a Christmas appeal")."""


def _holiday_form(phrase: str) -> str:
    """A regex of one holiday's name as it is written ("St. Patrick's Day", "Saint
    Patrick’s Day", "New Years Eve")."""
    words = [w.replace("'", "['’]?") for w in phrase.split()]
    if words[0] == "st":
        words[0] = r"(?:st\.?|saint)"
    return r"\s+".join(words)


_HOLIDAY_FORMS = "|".join(
    _holiday_form(p) for p in sorted(HOLIDAYS, key=len, reverse=True) if p != "christmas"
)
HOLIDAY_PATTERN = (
    rf"(?i:(?:by|before|until|since|after)\s+christmas\b(?!\s+(?:eve|day)\b)|{_HOLIDAY_FORMS})\b"
)
"""A holiday of ``HOLIDAYS`` as it is written, any case; "Christmas" alone only after a
preposition of time (the match holds it: "by Christmas", not "spent on Christmas")."""
HOLIDAY_NAMES = rf"(?i:{_HOLIDAY_FORMS}|christmas)\b"
"""Any holiday of ``HOLIDAYS`` named, "Christmas" alone too ("ahead of Christmas"): what an
article states, not what it dates."""
MOVABLE_FEASTS = _words(
    "easter lent whitsun pentecost passover ramadan eid diwali hanukkah hanukah yom kippur"
)
"""Holidays whose day moves from year to year ("over Easter", "during Ramadan"): no date a
day and month give, and no name of a person, a place or a body."""
HOLIDAY_KEYS = frozenset(max(re.findall("[a-z]+", p), key=len) for p in HOLIDAYS)
"""The longest word of each holiday's name, one of which every match of
``HOLIDAY_PATTERN`` holds as a run of letters ("christmas", "patrick", "year")."""


def holiday_date(text: str) -> tuple[int, int] | None:
    """The (month, day) of the holiday ``text`` names (a match of ``HOLIDAY_PATTERN``),
    None for none.

    >>> holiday_date("Christmas Eve"), holiday_date("by Christmas")
    ((12, 24), (12, 25))
    >>> holiday_date("St. Patrick’s Day"), holiday_date("Halloween"), holiday_date("Easter")
    ((3, 17), (10, 31), None)
    """
    words = re.findall(r"[a-z]+", text.lower().replace("'", "").replace("’", ""))
    if words and words[0] in ("by", "before", "until", "since", "after"):
        words = words[1:]
    if words and words[0] == "saint":
        words[0] = "st"
    return _HOLIDAY_DATES.get(" ".join(words))


_HOLIDAY_DATES = {p.replace("'", ""): date for p, date in HOLIDAYS.items()}


TIME_UNITS = _words(
    """year years month months week weeks day days hour hours minute minutes seconds decade
    decades century centuries night nights season seasons term terms round rounds fortnight
    fortnights"""
)
"""Units a duration counts in, singular and plural ("two years", "a six-month term"); of
"second" only the plural ("30 seconds"): "a second" is mostly an ordinal."""
NAMED_TIMES: Mapping[str, int] = MappingProxyType({"noon": 720, "midday": 720, "midnight": 0})
"""Times of day named by a word, in minutes after midnight ("noon" is "12pm")."""
DURATION_QUALIFIERS = _phrases(
    """for | over | more than | less than | nearly | almost | about | around | roughly |
    at least | at most | up to | some | just | only | under | within | after | in"""
)
"""Words before a duration's value that belong to the fact ("more than two years")."""

# ---------------------------------------------------------------------------
# Chinese and Japanese numbers and time
#
# Chinese and Japanese write a quantity as a numeral (Arabic digits, half- or full-width,
# or Han numerals) followed by a counter: a measure word (量词) or counter word (助数詞)
# saying what is counted, or a unit. The entries are the closed classes a grammar of
# either language lists (the common classifiers and counters, currencies, SI and
# customary units, calendar words), in simplified, traditional and Japanese forms, each
# mapped to one form so that writing variants compare equal. No entry comes from a test
# article; engine/cjk.py reads them.

CJK_DIGITS: Mapping[str, int] = MappingProxyType(
    {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
     "六": 6, "七": 7, "八": 8, "九": 9}
)  # fmt: skip
"""Han digits and their values: ``两`` (``兩``) is the Chinese "two" of quantities, ``〇``
and ``零`` the zero of years written digit by digit (二〇二六) and of gaps (一百零五)."""
CJK_POWERS: Mapping[str, int] = MappingProxyType(
    {"十": 10, "百": 100, "千": 1000, "万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8,
     "兆": 10**12}
)  # fmt: skip
"""Han numerals that multiply: ``十百千`` inside a group of four digits, ``万亿兆`` (ten
thousand, a hundred million, a trillion) closing one (四千五百万 = 45,000,000); after
Arabic digits they scale them (2.5億 = 250,000,000, 4500万 = 45,000,000)."""
CJK_COUNTERS: Mapping[str, str] = MappingProxyType(
    {
        # People, things, events, places (the measure words and counters news copy
        # counts with most, from the grammars' lists; 名 and 个人 count people as 人 does).
        **dict.fromkeys(("人", "名", "个人", "個人"), "人"),
        **dict.fromkeys(("个", "個", "箇"), "个"),
        "位": "位", "件": "件", "次": "次", "回": "回", "家": "家", "座": "座",
        **dict.fromkeys(("条", "條"), "条"), **dict.fromkeys(("张", "張"), "张"),
        **dict.fromkeys(("台", "臺"), "台"), **dict.fromkeys(("辆", "輛"), "辆"),
        "架": "架", "艘": "艘", "本": "本", "枚": "枚", **dict.fromkeys(("册", "冊"), "册"),
        "匹": "匹", **dict.fromkeys(("头", "頭"), "头"), **dict.fromkeys(("只", "隻"), "只"),
        **dict.fromkeys(("户", "戸", "戶"), "户"), "所": "所",
        **dict.fromkeys(("栋", "棟"), "栋"), **dict.fromkeys(("层", "層"), "层"), "階": "階",
        "校": "校", "社": "社", "例": "例", "株": "株", "箱": "箱", "票": "票", "席": "席",
        **dict.fromkeys(("国", "國", "か国", "カ国", "ヶ国", "箇国"), "国"),
        **dict.fromkeys(("か所", "カ所", "ヶ所", "箇所"), "か所"),
        **dict.fromkeys(("岁", "歳", "歲"), "岁"), **dict.fromkeys(("项", "項"), "项"),
        **dict.fromkeys(("场", "場"), "场"), **dict.fromkeys(("号", "號"), "号"),
        **dict.fromkeys(("双", "雙"), "双"), **dict.fromkeys(("届", "屆"), "届"),
        **dict.fromkeys(("轮", "輪"), "轮"), "起": "起", "篇": "篇", "部": "部", "份": "份",
        "套": "套", "期": "期", "つ": "つ", "倍": "倍", "度": "度",
        # Times of day (o'clock).
        **dict.fromkeys(("时", "時"), "时"), **dict.fromkeys(("点", "點"), "点"),
        # Money.
        **dict.fromkeys(("元", "圆", "圓"), "元"), "円": "円", **dict.fromkeys(("块", "塊"), "块"),
        "ドル": "ドル", "美元": "美元", **dict.fromkeys(("欧元", "歐元", "ユーロ"), "欧元"),
        **dict.fromkeys(("英镑", "英鎊", "ポンド"), "英镑"),
        **dict.fromkeys(("日元", "日圓"), "日元"),
        **dict.fromkeys(("港元", "港币", "港幣"), "港元"),
        **dict.fromkeys(("韩元", "韓元", "ウォン"), "韩元"),
        **dict.fromkeys(("人民币", "人民幣"), "人民币"),
        # Measures (a metre, 米, is 公尺 in Taiwan; a kilometre 公里, 千米, キロメートル).
        **dict.fromkeys(("米", "公尺", "メートル"), "米"),
        **dict.fromkeys(("公里", "千米", "キロメートル"), "公里"), "キロ": "キロ",
        **dict.fromkeys(("厘米", "センチ", "センチメートル"), "厘米"),
        **dict.fromkeys(("毫米", "ミリ", "ミリメートル"), "毫米"),
        **dict.fromkeys(("公斤", "千克", "キログラム"), "公斤"),
        **dict.fromkeys(("克", "グラム"), "克"), **dict.fromkeys(("吨", "噸", "トン"), "吨"),
        **dict.fromkeys(("公顷", "公頃", "ヘクタール"), "公顷"),
        **dict.fromkeys(("亩", "畝"), "亩"),
        **dict.fromkeys(("平方米", "平方メートル"), "平方米"),
        **dict.fromkeys(("平方公里", "平方キロメートル", "平方キロ"), "平方公里"),
        **dict.fromkeys(("升", "リットル"), "升"), "℃": "℃",
        # Shares: a percentage, a percentage point, a tenth (Japanese 割: 3割 = 30%).
        **dict.fromkeys(("%", "％", "パーセント"), "%"),
        **dict.fromkeys(("个百分点", "個百分點", "百分点", "百分點", "ポイント"), "个百分点"),
        "割": "10 %",
    }
)  # fmt: skip
"""Counters and units after a numeral, each mapped to one form of it (a traditional
character, a Japanese form, a synonym), as ``UNIT_EQUIVALENTS`` maps English units: 3名
and 三人 are one figure, 3人 and 3倍 two. A form "factor counter" multiplies the value
(3割 is 30%). A Han numeral is a figure only with a counter (一 and 十 are inside many
words: 统一, 十分); Arabic digits are one with or without.

Source and rationale: the common classifiers of Chinese and counters of Japanese as
reference lists give them (Wikipedia's "List of Chinese classifiers" and "Japanese counter
word"), kept to what news copy counts (people, things, events, places, ages, ordinal
units, times of day) and extended by the currencies, measures and shares of news figures.
Left out on purpose: counters that are more often a word of their own after a numeral
(分 in 十分 "very", 成 in 建成 "built"; minutes are counted as 分钟 or 分間 instead),
and the time units of ``CJK_TIME_UNITS``, which make durations and dates."""
CJK_TIME_UNITS: Mapping[str, str] = MappingProxyType(
    {
        "年": "year", "月": "month",
        **dict.fromkeys(("周", "週", "星期", "礼拜", "禮拜"), "week"),
        **dict.fromkeys(("天", "日"), "day"),
        **dict.fromkeys(("小时", "小時", "时", "時", "钟头", "鐘頭"), "hour"),
        **dict.fromkeys(("分钟", "分鐘", "分"), "minute"),
        **dict.fromkeys(("秒", "秒钟", "秒鐘"), "second"),
        **dict.fromkeys(("世纪", "世紀"), "century"),
    }
)  # fmt: skip
"""Units a Chinese or Japanese duration counts in, with the English unit (in
``TIME_UNITS``) they state: 两年 and "two years" are one duration. 月 counts months only
after a classifier (三个月, 3か月; 三月 is March), and 日, 時 and 分 only with 間 after
them (3日間, 3時間; 3日 is a date, 3時 an hour of the day): engine/cjk.py applies both."""
CJK_VAGUE_NUMERALS = _words("几 幾 数 數")
"""Numerals without a value that still make a duration a fact (数年, 几个月: "several")."""
CJK_ERAS: Mapping[str, int] = MappingProxyType({"令和": 2018, "平成": 1988, "昭和": 1925})
"""Japanese era names and the year before each era's first (令和8年 is 2026; 元年 is the
first year)."""
CJK_WEEKDAYS: Mapping[str, int] = MappingProxyType(
    {
        **{
            prefix + day: number
            for prefix in ("星期", "礼拜", "禮拜", "周", "週")
            for day, number in (("一", 1), ("二", 2), ("三", 3), ("四", 4), ("五", 5),
                                ("六", 6), ("日", 7), ("天", 7))
        },
        **{
            day + suffix: number
            for day, number in (("月", 1), ("火", 2), ("水", 3), ("木", 4), ("金", 5),
                                ("土", 6), ("日", 7))
            for suffix in ("曜日", "曜")
        },
    }
)  # fmt: skip
"""Weekdays, Monday 1 to Sunday 7: Chinese 星期一, 周一, 礼拜一 (Sunday 星期日, 星期天) and
Japanese 月曜日 (月曜)."""
CJK_RELATIVE_DATES: Mapping[str, str] = MappingProxyType(
    {
        **dict.fromkeys(("今天", "今日", "本日"), "day+0"),
        **dict.fromkeys(("昨天", "昨日"), "day-1"), **dict.fromkeys(("前天", "一昨日"), "day-2"),
        **dict.fromkeys(("明天", "明日"), "day+1"), **dict.fromkeys(("后天", "明後日"), "day+2"),
        **dict.fromkeys(("本周", "这周", "這週", "今週", "本星期"), "week+0"),
        **dict.fromkeys(("上周", "上星期", "先週"), "week-1"),
        **dict.fromkeys(("下周", "下星期", "来週", "來週"), "week+1"),
        **dict.fromkeys(("本月", "今月", "这个月", "這個月"), "month+0"),
        **dict.fromkeys(("上月", "上个月", "上個月", "先月"), "month-1"),
        **dict.fromkeys(("下月", "下个月", "下個月", "来月", "來月"), "month+1"),
        **dict.fromkeys(("今年", "本年"), "year+0"), **dict.fromkeys(("去年", "昨年"), "year-1"),
        **dict.fromkeys(("明年", "来年", "來年"), "year+1"),
        **dict.fromkeys(("后年", "再来年", "再來年"), "year+2"),
        **{
            prefix + season: f"{name}{offset}"
            for prefix, offset in (("今", "+0"), ("来", "+1"), ("來", "+1"), ("明", "+1"),
                                   ("昨", "-1"), ("去", "-1"))
            for season, name in (("春", "spring"), ("夏", "summer"), ("秋", "autumn"),
                                 ("冬", "winter"))
        },
    }
)  # fmt: skip
"""Dates relative to the day of writing, each with its period and offset: 去年 and 昨年
are "year-1", 下月 and 来月 "month+1", 来春 "spring+1" (the calendar words of either
language's grammar, as ``DATE_MODIFIERS`` and ``CALENDAR_PERIODS`` are English's)."""

# ---------------------------------------------------------------------------
# People and roles

HONORIFICS = _words("mr mrs ms dr prof sir lord lady")
"""Forms of address before a name ("Dr Varga"), written with or without a full stop."""
ADDRESSES = _words("cllr councillor professor")
"""Forms of address before a name that say an office or a rank too ("Cllr Hockaday",
"Professor Kenchington"): no first name, and no role of their own beside another."""
TITLES = _words(
    """president presidents minister secretary senator rep gov governor mayor king queen
    prince princess general gen col colonel captain capt judge justice ambassador envoy
    chancellor premier pope sheikh chief ceo director leader mp mep officer master spokesman
    spokeswoman spokesperson"""
)
"""Title nouns: offices and ranks written before a name ("Mayor Helen Lind", "Senator
Reyes"). The last word of a title ("Finance Officer", "Harbour Master", "Deputy Prime
Minister") is one of them; the words before it are its modifiers (``title_length``)."""
TITLE_MODIFIERS = _words(
    "former deputy vice acting prime crown foreign finance defense defence interior"
)
"""Words that open a title but are no title alone: ranks and the great ministerial
portfolios ("Former President", "Prime Minister", "the Foreign Minister said")."""
TITLE_WORDS = HONORIFICS | TITLES | TITLE_MODIFIERS
"""Every word of a title (derived): never the name itself ("Dr", "Mayor", "Former")."""
ROLE_NOUNS = _words(
    """head chief director chair chairman chairwoman chairperson founder co-founder ceo
    president minister secretary spokesman spokeswoman spokesperson ambassador envoy
    adviser advisor aide member leader governor mayor manager editor professor commander
    owner boss architect negotiator"""
)
"""Nouns that make a role of what follows "of" or "for" ("head of the regional fund",
"spokesperson for the council"); they also open a speaker's description ("aide Varga")."""
PERSON_SUFFIXES = tuple(
    "er or ist ian ant ent man woman person guard ee eer master mistress keeper smith "
    "wright warden".split()
)
"""Endings of nouns that name what a person does ("lifeguard", "harbourmaster", "striker",
"florist", "trustee", "churchwarden"): one reading of a word before or beside a name as the
person's role."""
PERSON_NOUNS = _words(
    """nurse medic paramedic surgeon midwife chef cook pilot judge clerk monk nun priest
    vicar imam rabbi pastor bishop archbishop rector curate deacon chaplain poet artist
    guide pupil victim witness veteran tenant landlord landlady host hostess actress heiress
    nanny thief suspect spy cop athlete graduate apprentice novice cadet activist diplomat
    pensioner executive"""
)
"""Nouns that name what a person does or is without an agent's ending (``PERSON_SUFFIXES``)."""
GENERIC_PERSON_NOUNS = _words(
    """man woman person people individual resident local citizen official member worker
    employee staff figure source representative boy girl lad youngster adult
    character colleague friend"""
)
"""Nouns that describe anyone: a rewrite that calls someone by one of them ("a council
official, Mira Vance" / "a council spokeswoman") has not changed their role."""
NAME_PARTICLES = _words("de del van von bin al")
"""Lower-case words inside a personal name ("Mohammed bin Salman", "Vincent van Gogh")."""
PRONOUNS = _words("he she they it we i")
"""Subject pronouns a quotation can be attributed to; resolved to the last person named."""

# ---------------------------------------------------------------------------
# Places and bodies

PLACES = _words(
    """afghanistan albania algeria america angola argentina armenia australia austria
    azerbaijan bahrain bangladesh belarus belgium bolivia bosnia brazil britain bulgaria
    cambodia cameroon canada chile china colombia congo croatia cuba cyprus czechia denmark
    egypt england estonia ethiopia europe finland france georgia germany ghana greece
    hungary iceland india indonesia iran iraq ireland israel italy japan jordan kazakhstan
    kenya korea kosovo kuwait latvia lebanon libya lithuania luxembourg malaysia mali malta
    mexico moldova mongolia montenegro morocco myanmar nepal netherlands nigeria norway oman
    pakistan palestine panama peru philippines poland portugal qatar romania russia rwanda
    scotland serbia singapore slovakia slovenia somalia spain sudan sweden switzerland syria
    taiwan tajikistan tanzania thailand tunisia turkey turkmenistan uganda ukraine
    uzbekistan venezuela vietnam wales yemen zambia zimbabwe alaska california texas florida
    crimea donbas donetsk luhansk kherson zaporizhzhia kharkiv odesa kyiv kiev moscow
    washington london paris berlin beijing tokyo brussels rome madrid warsaw minsk tehran
    jerusalem gaza ankara istanbul cairo riyadh doha dubai delhi geneva vienna helsinki
    stockholm oslo copenhagen budapest prague bucharest sofia athens lisbon dublin
    ottawa canberra seoul pyongyang hanoi manila jakarta bangkok yalta siberia arctic
    africa asia balkans caucasus baltic pacific atlantic mediterranean us usa uk uae ussr"""
)
"""Countries, capitals, regions and seas often in international news: a name ending in
one is a place ("Nazi Germany", "South Korea")."""
PLACE_EQUIVALENTS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "washington": ("us", "america", "american", "united states"),
        "moscow": ("russia", "russian", "kremlin"),
        "kremlin": ("russia", "russian", "moscow"),
        "kyiv": ("ukraine", "ukrainian"),
        "kiev": ("ukraine", "ukrainian"),
        "beijing": ("china", "chinese"),
        "london": ("uk", "britain", "british"),
        "british": ("uk", "britain", "london"),
        "american": ("us", "america", "washington"),
        "russian": ("russia", "moscow", "kremlin"),
        "ukrainian": ("ukraine", "kyiv"),
        "soviet": ("ussr", "soviet union"),
        "us": ("america", "american", "washington", "united states"),
        "uk": ("britain", "british", "united kingdom"),
    }
)
"""Metonyms: a capital or adjective stands for its country ("Washington" for the US), so
one article's "Washington" is supported by the other's "US"."""
DEMONYMS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "afghanistan": ("afghan",),
        "britain": ("british", "briton"),
        "congo": ("congolese",),
        "cyprus": ("cypriot",),
        "czechia": ("czech",),
        "denmark": ("danish", "dane"),
        "finland": ("finnish", "finn"),
        "france": ("french",),
        "greece": ("greek",),
        "holland": ("dutch",),
        "iceland": ("icelandic", "icelander"),
        "ireland": ("irish",),
        "lebanon": ("lebanese",),
        "madagascar": ("malagasy",),
        "monaco": ("monegasque",),
        "netherlands": ("dutch",),
        "norway": ("norwegian",),
        "peru": ("peruvian",),
        "philippines": ("filipino", "philippine"),
        "portugal": ("portuguese",),
        "scotland": ("scottish", "scots", "scot"),
        "slovakia": ("slovak",),
        "spain": ("spanish", "spaniard"),
        "switzerland": ("swiss",),
        "thailand": ("thai",),
        "turkey": ("turkish", "turk"),
        "wales": ("welsh",),
        "zealand": ("zealander",),
    }
)
"""Countries whose people's adjective the regular endings do not make ("France" / "French";
"Kenya" / "Kenyan" and "China" / "Chinese" need no entry): "the French government" and
"France's government" name one country."""
PLACE_PREPOSITIONS = _words("in at near from across outside to")
"""Prepositions that make a short unknown name a place ("talks in Kestle")."""
ORGANISATION_HEADS = _words(
    """fund bank ministry council agency association company corporation corp inc ltd llc
    group party union organisation organization department committee commission institute
    university trust foundation authority court office service services army navy times post
    news press engineering conference forum parliament senate congress assembly board bureau
    federation league alliance club society network centre center academy school college
    hospital museum church police brigade regiment airline airways plc holdings partners
    homes properties developments estates motors foods therapeutics pharmaceuticals
    technologies systems software solutions industries logistics aviation energy insurance
    consulting laboratories labs media communications pictures films studios productions
    entertainment publishing records construction builders contractors hospice clinic
    charity"""
)
"""Last words of organisations' names ("World Bank", "Coastline Press", "Met Office")."""
CAPITALISED_ADJECTIVES = _words(
    """american mexican soviet nazi allied arab thai iraqi israeli pakistani saudi kuwaiti
    yemeni afghan dutch french greek swiss welsh scot scots irish british slavic baltic
    atlantic pacific arctic islamic catholic muslim jewish celsius fahrenheit kelvin"""
)
"""Adjectives English capitalises (nationalities, religions, temperature scales) whose
endings the -ern, -ean, -ian, -ese, -ish rule misses: alone, they are no name."""
COMMON_ACRONYMS = _words(
    """tv cctv gdp vat dna gps suv hiv atm pin mri icu faq pdf usb id ai ceo cfo coo cto cmo
    cio hr pr it"""
)
"""Acronyms of things and jobs, not names ("TV", "GDP", "CMO"): alone, no name fact (a job
is the roles' to judge)."""
EVENTS = _words("wwi wwii wwiii ww1 ww2 ww3 9/11")
"""Events written as acronyms: names, but neither places nor organisations."""
MEDIA_HEADS = _words(
    """wire newswire press news times post herald gazette tribune journal chronicle telegraph
    broadcasting radio television tv"""
)
"""Last words of news outlets' names ("Coastline Press", "Harbour Wire", "the Evening Post");
"Service" and "Agency" count after "Press" or "News" ("Westmark Press Service")."""
NEWS_AGENCIES = _phrases(
    """alamy | getty | getty images | reuters | afp | ap | epa | shutterstock | sputnik | tass |
    bloomberg | pool | associated press | anadolu | xinhua | ria novosti | efe | dpa | pa |
    pa images | pa media | zuma | zuma press | imago | sipa | wikimedia | wikimedia commons |
    handout | file"""
)
"""Agencies and picture libraries after a photo credit's slash ("A. Name/Reuters")."""
WORDS_AFTER_US_ABBREVIATION = _words(
    """ambassador ambassadors president presidents senator senators secretary treasury army
    navy embassy department congress senate supreme attorney envoy middle government
    administration officials official forces military representative rep sen gov special
    trade dollar capitol intelligence state states court commerce defense defence justice
    border census citizens citizen troops marine marines air federal national postal open
    house diplomats diplomat allies ally envoys lawmakers markets economy election
    elections"""
)
"""Capitalised words that follow "U.S." inside one sentence far more often than they
start one ("the U.S. Senate"): after them, a full stop ending in "U.S." ends no sentence."""

# ---------------------------------------------------------------------------
# Wording

STOPWORDS = _words(
    """a about above after again against all also am an and any are aren't as at be because
    been before being below between both but by can cannot could couldn't did didn't do does
    doesn't doing don't down during each few for from further had hadn't has hasn't have
    haven't having he he'd he'll he's her here here's hers herself him himself his how how's i
    i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my
    myself no nor not of off on once only or other ought our ours ourselves out over own same
    shan't she she'd she'll she's should shouldn't so some such than that that's the their
    theirs them themselves then there there's these they they'd they'll they're they've this
    those through to too under until up very was wasn't we we'd we'll we're we've were weren't
    what what's when when's where where's which while who who's whom why why's with won't
    would wouldn't you you'd you'll you're you've your yours yourself yourselves s t will just
    now said says say"""
)
"""English function words (the classic information-retrieval list) plus "said": they
carry no content when matching sentences or counting new words."""
FILLER = _words(
    """said say says stated state claimed claim claims asserted assert noted note argued
    argue emphasized emphasised emphasize stressed added told tell wrote write post posted
    posts message statement statements remarks remark comment comments commented shared
    social media platform online according reportedly reported report reports official
    officials source sources notably furthermore moreover meanwhile however also
    additionally indeed significant significantly development developments recent recently
    ongoing current currently previous previously former latter senior high-level high level
    key major potential possible possibly likely widely widespread various several many much
    further amid among despite while made make making highlighted highlight described
    describe describing called call referred referring suggested suggest indicated indicate
    expressed express expressing underscores underscore underscored marked mark comes came
    come news story article piece narrative figure figures individual people person thing
    things way ways part parts time times day days roughly approximately about around nearly
    almost some just only still again now then nobody somebody anybody everybody someone
    anyone everyone nothing something anything everything else"""
)
"""Attribution, hedges and newsroom filler: rewording, not a claim ("made the claim on
social media", "notably"); and the indefinite pronouns, which say whom in other words
("nobody else" / "no one else"). Compared by stem."""
REPORTING_VERBS = _phrases(
    """said | says | say | wrote | writes | stated | states | added | adds | asserted |
    argued | noted | told | tells | warned | insisted | declared | explained | claimed |
    remarked | continued | concluded | acknowledged | emphasised | emphasized | tweeted |
    posted | stating | noting | saying | adding | read | reads | recalled | replied |
    answered | admitted | commented | announced | asked | according to | quoted"""
)
"""Verbs (and "according to") that attribute a quotation to its speaker."""
SENTENCE_OPENERS = _words(
    """meanwhile yesterday today tonight earlier later however separately still instead
    overall elsewhere nevertheless nonetheless therefore thus otherwise finally first
    second third last next according despite following amid asked"""
)
"""Capitalised words that open sentences rather than names ("Meanwhile Putin spoke")."""
CLAUSE_CONJUNCTIONS = _phrases(
    """and | but | while | whereas | which | who | whom | whose | including | despite |
    although | though | because | after | before | as well as | amid | with"""
)
"""Words that open a new clause: an added sentence is judged clause by clause."""


# ---------------------------------------------------------------------------
# Substitutions (claims.py's second table): polarity, status, quantities

RECIPROCAL_VERBS = _words(
    """
    meet face play draw tie marry wed merge partner ally clash negotiate talk debate compete
    fight fought battle race share swap exchange trade split separate divorce collide team
    link unite resemble match equal rival differ agree disagree argue quarrel correspond
    cooperate collaborate coincide border adjoin neighbour touch connect combine contrast
    compare
    """
)
"""Verbs of a relation that holds both ways, as bases (and "fought", an irregular past the
inflection table lacks): "Rovers played United" is
"United played Rovers", "the county borders the city"): two participants trading places
around one changes nothing (``substitutions._find_swapped_participants``)."""
NEGATIONS = _words("not no never none nobody nothing neither nor without cannot nowhere")
"""Words that negate what follows them; any word ending in "n't" negates too."""
NEGATING_VERBS = _words(
    "fail fails failed failing refuse refuses refused refusing avoid avoids avoided avoiding"
)
"""Verbs that negate the infinitive after them ("failed to qualify", "refused to sign") or
state a failure alone ("the talks failed")."""
INFINITIVE_NEGATORS = _words("decline declines declined declining")
"""Verbs that negate only an infinitive after them ("declined to comment" is "would not
comment"); alone they say something else ("sales declined")."""
DENIAL_VERBS = _words("deny denies denied denying")
"""Verbs that negate what they report ("denied the report")."""
IMPLICIT_NEGATIVES = _words(
    """reluctant loath loth hesitant sceptical skeptical doubtful unless lack lacks lacked
    lacking absent barely hardly scarcely seldom rarely acquit acquits acquitted acquitting
    acquittal cleared exempt
    exempted exclude excludes excluded excluding except ban bans banned barred prohibit prohibits
    prohibited closed free miss misses missed missing unable prevent prevents prevented
    preventing forbid forbids forbade forbidden escaped spared lose loses losing lost cancel
    cancels cancelled cancelling canceled canceling"""
)
"""Words that say "not" without a negation ("had been reluctant to sell" is "had not wanted
to sell", "unless it improves" is "if it does not improve", "was cleared" is "was found
not guilty", "residents will be exempt" is "it will not apply to residents", "excludes"
is "does not include" ("except Sunday" is "not on Sunday"), "banned" and "closed to" are
"not allowed", "free" is "no charge", "missed the ceremony" is "was not at it", "prevents
either boy from being named" is "neither can be named", "escaped injury" is "was not hurt",
"was spared jail" is "was not jailed", "lost power" is "were without power", "lost the
final" is "did not win it", "were sceptical" is "were not convinced", "trains were
cancelled" is "no trains ran"):
where the other side has a negation more, one of these in its place keeps the polarity, and
a negation before one on its own side ("will not be prevented from using it") undoes it."""
NEGATING_PHRASES = {
    **dict.fromkeys(("turn", "turns", "turned", "turning"), "down"),
    **dict.fromkeys(("fall", "falls", "fell", "fallen", "falling"), "short"),
    **dict.fromkeys(("rule", "rules", "ruled", "ruling"), "out"),
    **dict.fromkeys(("throw", "throws", "threw", "thrown", "knock", "knocks", "knocked"), "out"),
    **dict.fromkeys(("call", "calls", "called", "calling"), "off"),
}
"""Verbs whose particle (the value; an object pronoun may stand between) makes them say
"not" as ``IMPLICIT_NEGATIVES`` do: "claims were turned down" is "were refused", "fell short
of its demands" is "did not meet them", "has ruled out a merger" is "will not merge", "was
thrown out" is "was rejected", "knocked out calls" is "left people without calls", "called
off the strike" is "the strike will not go ahead"."""
CESSATIONS = _words(
    """stop stops stopped stopping cease ceases ceased ceasing end ends ended halt halts
    halted halting scrap scraps scrapped scrapping axe axes axed abolish abolishes abolished"""
)
"""Verbs of something ending, that say "no longer" without a negation ("will stop charging
interest" is "will not charge it", "the need to book ends" is "will no longer need to
book"): where the other side has a negation more, one of these in its place keeps the
polarity."""
DISRUPTIONS = _words(
    """affect affected affects affecting disrupt disrupted disruption disruptions interrupt
    interrupted interruption interruptions impact impacted change changed changes alter
    altered increase increased increases rise risen harm harmed hurt injured damage damaged
    cancel cancelled canceled cancellation cancellations suspend suspended halt halted stop
    stopped delay delayed delays changing rising rises rose close closes closed closing
    closure shut"""
)
"""Words of a change or a disruption, that a negation turns into "things go on as they
were" ("bread supplies will not be affected", "no interruption to bookings", "no increase
in night flights")."""
CONTINUITY = _words(
    """normal normally usual planned scheduled remain remains remained stay stays stayed
    continue continues continued continuing carry carries carried intact safe steady
    unaffected unchanged uninterrupted unharmed unhurt unscathed same still maintain
    maintains maintained freeze freezes froze frozen"""
)
"""Words that say things go on as they were without a negation ("supermarkets will get
bread as usual", "the centre will remain open", "courses will carry on as normal", "the
cap will stay at 16", "will still be collected", "access will be maintained", "rents have
been frozen"): where the other side negates a word of ``DISRUPTIONS``, one of
these in its place keeps the polarity."""
NEGATIVE_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")
"""Prefixes that negate a word ("unable" is "not able"): a negation and a prefixed word
facing each other are one polarity."""
HEDGES = _words(
    """alleged allegedly reportedly purportedly purported supposedly apparently apparent
    presumably presumed suspected unconfirmed unverified rumoured rumored possibly
    probably probable likely unlikely perhaps maybe seemingly may might could initially"""
)
"""Words that hold a statement back from being asserted (epistemic hedges: the modal
adverbs, adjectives and auxiliaries of grammars of English modality, and the distancing
words of wire style, "alleged", "reportedly", "unconfirmed", and "initially", which says a
statement was since revised: "police initially said"): "the alleged assault" is
not "the assault", "may have been started deliberately" not "was started deliberately".
"may" counts in lower case only (not the month), "could" not before a negation ("could
not" is ability, "was unable"); "would", the past of "will" in reported speech, is no
hedge ("possible" is left out too: "if possible" hedges nothing)."""
HEDGE_VERBS = _words(
    """appear appears appeared appearing seem seems seemed seeming believed thought expected
    estimated projected forecast predicted anticipated hope hopes hoped hoping understood"""
)
"""Verbs that hedge only before "to" ("appeared to confirm", "is believed to have fled",
"is expected to reopen", "estimated to cost"): "appeared in court" and "thought about it"
hedge nothing."""
BELIEF_VERBS = _words(
    """expect expects expecting predict predicts predicting forecasts forecasting anticipate
    anticipates anticipating believe believes think thinks estimate estimates estimating
    reckon reckons suspect suspects"""
)
"""Verbs that give a statement as someone's belief ("forecasters expect the heat to last",
"police believe he fled"): an attribution, which holds a statement back as "is expected
to last" does, and a hedge where the other side states it plainly. ("forecast" is also
its participle, a ``HEDGE_VERBS`` word: "is forecast to last".)"""
BOOSTERS = _words(
    """definitely certainly undoubtedly undeniably unquestionably indisputably surely
    conclusively"""
)
"""Adverbs that assert a statement more surely than plain words do ("will definitely
resign"): added where the other side hedged or said it plainly, a claim made stronger."""
STATUS_MODIFIERS = _words(
    """former ex late acting interim deputy vice assistant associate outgoing incoming
    caretaker retired ousted exiled jailed disgraced elect designate emeritus honorary
    defending reigning incumbent sitting principal guest visiting founding shadow joint senior
    junior"""
)
"""Words that give a person a status before a title or a name ("former President",
"the late architect", "acting head", "ex-minister")."""
RANKS = _words(
    """inspector superintendent sergeant constable commissioner detective lieutenant
    admiral marshal corporal dean provost lecturer rector headteacher headmaster
    headmistress coach referee vice-chancellor treasurer registrar bishop archbishop
    cardinal sheriff magistrate prosecutor coroner councillor alderman"""
)
"""Ranks and offices (police, armed forces, universities, churches, courts, councils)
that ``TITLES`` and ``ROLE_NOUNS`` leave out: a change of title is a change of role."""
SCALE_WORDS: Mapping[str, float] = MappingProxyType(
    {
        "hundred": 1e2,
        "thousand": 1e3,
        "million": 1e6,
        "billion": 1e9,
        "trillion": 1e12,
        "dozen": 12,
        "k": 1e3,
        "m": 1e6,
        "mn": 1e6,
        "bn": 1e9,
        "tn": 1e12,
    }
)
"""Words (and agency abbreviations: "£4m", "$2bn") that multiply the number before them."""
MEASURE_UNITS = _words(
    """metre metres meter meters kilometre kilometres kilometer kilometers km centimetre
    centimetres cm millimetre millimetres mm mile miles foot feet ft inch inches yard yards
    kilogram kilograms kg gram grams tonne tonnes ton tons ounce ounces lb lbs litre litres
    liter liters gallon gallons acre acres hectare hectares degree degrees celsius
    fahrenheit mph kph knots calorie calories watt watts kilowatt kilowatts megawatt
    megawatts gigawatt gigawatts volt volts barrel barrels point points second seconds
    square cubic"""
)
"""Units a quantity is measured in (besides ``TIME_UNITS``): "six hours" and "six
minutes" differ, and so do "square miles" and "square kilometres"."""
UNIT_EQUIVALENTS: Mapping[str, str] = MappingProxyType(
    {
        "km": "kilometre", "kilometer": "kilometre", "cm": "centimetre",
        "centimeter": "centimetre", "mm": "millimetre", "millimeter": "millimetre",
        "meter": "metre", "kg": "kilogram", "lb": "pound", "lbs": "pound", "ft": "foot",
        "feet": "foot", "inches": "inch", "liter": "litre", "ton": "tonne", "tons": "tonne",
        "decade": "10 year", "century": "100 year", "centuries": "100 year",
        "fortnight": "2 week", "sq": "square",
    }
)  # fmt: skip
"""Abbreviations and spellings of a unit ("sq ft"), and units that are a multiple of another
("factor unit"): "3km" is "three kilometres", "a century" is "a hundred years"."""
QUANTITY_QUALIFIERS: Mapping[str, str] = MappingProxyType(
    {
        **dict.fromkeys(
            ("about", "around", "roughly", "approximately", "some", "an estimated",
             "estimated", "within"),
            "about",
        ),
        **dict.fromkeys(("nearly", "almost", "close to", "just under", "just short of"), "nearly"),
        **dict.fromkeys(
            ("more than", "over", "at least", "above", "upwards of", "in excess of",
             "no fewer than", "no less than", "a minimum of", "minimum of", "longer than",
             "greater than", "higher than", "larger than", "exceeded", "exceeds",
             "exceeding"),
            "at least",
        ),
        **dict.fromkeys(
            ("less than", "fewer than", "under", "up to", "at most", "below", "no more than",
             "as much as", "as many as", "a maximum of", "maximum of", "shorter than",
             "lower than", "smaller than"),
            "at most",
        ),
        **dict.fromkeys(("exactly", "precisely"), "exactly"),
    }
)  # fmt: skip
"""Words before a figure and the kind of bound they make: "about" (an estimate, as good as
no qualifier, and as loose as a bound "at most"), "at least", "at most", "exactly".
Replacing one kind by another changes the claim ("About 300" is not "More than 300").
"within" bounds as loosely as "about": "within ten minutes", "in ten minutes", "within
the next ten minutes" and "less than ten minutes" are one span, "more than ten minutes"
another."""


def title_length(words: Sequence[str]) -> int:
    """How many leading words of a capitalised run are a title rather than the name.

    Honorifics, title nouns and title modifiers at the front are a title, and so is a run
    of up to three words ending in a title noun ("Harbour Master", "Deputy Health
    Minister"). The last word always stays: it is the name.

    >>> title_length("Harbour Master Ines Varga".split())
    2
    >>> title_length("Former Finance Officer Reyes".split())
    3
    >>> title_length("Dr. Varga".split()), title_length("President".split())
    (1, 0)
    >>> title_length("Acme CEO Jane Doe".split()), title_length("Acme CEO".split())
    (2, 0)
    """
    last = len(words) - 1
    length = 0
    while length < last and words[length].lower().strip(".") in TITLE_WORDS:
        length += 1
    # words[length] is no title word (and so no title noun): a title noun after it, within
    # three words, ends a longer title. Two-word names, the most common, stop here.
    for i in range(min(last, length + 3) - 1, length, -1):
        if words[i].lower().strip(".") in TITLES:
            return i + 1
    return length
