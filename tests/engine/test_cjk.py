"""Chinese and Japanese figures, dates and durations: what engine/cjk.py reads, the values
it gives them (二 and 2 are one value), and the claims a rewrite that changes one raises.

The pairs here are short articles written for these tests, not taken from any source."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffreader.engine import ClaimCategory, Side, cjk, compare
from diffreader.engine.claims import find_facts
from diffreader.engine.lexicon import CJK_COUNTERS, CJK_TIME_UNITS

_FACTS = (ClaimCategory.NUMBER, ClaimCategory.DATE, ClaimCategory.DURATION)


def facts(text: str) -> list[tuple[ClaimCategory, str]]:
    """The facts ``find_facts`` reads in ``text`` (one stretch), in order."""
    return [
        (f.category, text[f.start : f.end]) for f in find_facts(text, 0, len(text), frozenset())
    ]


def fact_claims(a: str, b: str) -> set[tuple[Side, ClaimCategory, str]]:
    """The figure, date and duration claims of the comparison of ``a`` with ``b``."""
    return {(c.side, c.category, c.text) for c in compare(a, b).claims if c.category in _FACTS}


# ---------------------------------------------------------------------------
# Reading the facts

FOUND = [
    # figures: a numeral and its counter or unit; Arabic digits beside Han text
    ("员工共有三百二十人。", ClaimCategory.NUMBER, "三百二十人"),
    ("工程耗资约4500万元。", ClaimCategory.NUMBER, "4500万元"),
    ("売上高は2.5億円だった。", ClaimCategory.NUMBER, "2.5億円"),
    ("失業率は３．５％に上がった。", ClaimCategory.NUMBER, "３．５％"),
    ("支持率为百分之四十二。", ClaimCategory.NUMBER, "百分之四十二"),
    ("契約額は100万ドルに上る。", ClaimCategory.NUMBER, "100万ドル"),
    ("世帯の3割が賛成した。", ClaimCategory.NUMBER, "3割"),
    ("得票数为8512。", ClaimCategory.NUMBER, "8512"),
    ("两辆公交车相撞。", ClaimCategory.NUMBER, "两辆"),
    ("会場から午後八時に退出した。", ClaimCategory.NUMBER, "八時"),
    ("售价为＄5。", ClaimCategory.NUMBER, "＄5"),
    # dates
    ("选举定于2026年11月30日举行。", ClaimCategory.DATE, "2026年11月30日"),
    ("大会は十一月三十日に開かれる。", ClaimCategory.DATE, "十一月三十日"),
    ("条例は令和8年4月1日に施行される。", ClaimCategory.DATE, "令和8年4月1日"),
    ("市は五日、計画を発表した。", ClaimCategory.DATE, "五日"),
    ("新馆将于下月十五日开放。", ClaimCategory.DATE, "下月十五日"),
    ("委员会周三开会。", ClaimCategory.DATE, "周三"),
    ("会議は水曜日に開かれた。", ClaimCategory.DATE, "水曜日"),
    ("去年的产量创下新高。", ClaimCategory.DATE, "去年"),
    # durations
    ("谈判持续了两年。", ClaimCategory.DURATION, "两年"),
    ("調査は二年間続いた。", ClaimCategory.DURATION, "二年間"),
    ("工事には3か月かかる。", ClaimCategory.DURATION, "3か月"),
    ("审理将持续三个月。", ClaimCategory.DURATION, "三个月"),
    ("停電は5時間半に及んだ。", ClaimCategory.DURATION, "5時間半"),
    ("修复需要半年。", ClaimCategory.DURATION, "半年"),
]


@pytest.mark.parametrize(("text", "category", "fact"), FOUND)
def test_a_fact_is_read_with_its_category(text: str, category: ClaimCategory, fact: str) -> None:
    assert (category, fact) in facts(text)


NOT_FOUND = [
    "双方统一了标准。",  # 一 inside a word
    "这一点十分重要。",  # 十分: "very"; 一点: "a little"
    "一个人走进了大厅。",  # 一个: "a"
    "三分之一的居民反对。",  # a fraction, no counter
    "今年上半年的数据。",  # 上半年: the first half, no duration
    "学校迎来建校十周年。",  # an anniversary, no duration of weeks
    "一些市民表示欢迎。",
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_words_that_hold_a_numeral_are_no_figure(text: str) -> None:
    assert [f for f in facts(text) if f[0] is not ClaimCategory.DATE] == []


def test_a_year_is_a_date_not_a_duration() -> None:
    for text, year in (("项目于2026年完工。", "2026年"), ("二〇二六年に完成する。", "二〇二六年")):
        assert (ClaimCategory.DATE, year) in facts(text)
        assert not [f for f in facts(text) if f[0] is ClaimCategory.DURATION]


def test_a_month_is_a_date_and_months_a_duration() -> None:
    assert facts("会议在三月举行。") == [(ClaimCategory.DATE, "三月")]
    assert facts("会议持续了三个月。") == [(ClaimCategory.DURATION, "三个月")]


def test_english_figures_keep_their_own_patterns_in_english_text() -> None:
    text = "The bridge cost €4.5m and took two years, opening on March 5, 2024."
    assert [c for c, _ in facts(text)] == [
        ClaimCategory.NUMBER,
        ClaimCategory.DURATION,
        ClaimCategory.DATE,
    ]
    assert (ClaimCategory.NUMBER, "€4.5m") in facts(text)


# ---------------------------------------------------------------------------
# What they state: writing does not matter, the value does


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("二倍", "2倍"),
        ("两人", "2人"),
        ("三名", "3人"),
        ("四千五百万元", "4500万元"),
        ("0.45亿元", "四千五百万元"),
        ("2億5000万円", "2.5億円"),
        ("十二万冊", "12万冊"),
        ("百分之十五", "15％"),
        ("3割", "30%"),
        ("３人", "3人"),
        ("三個", "三个"),
    ],
)
def test_two_writings_of_one_figure_state_the_same(one: str, other: str) -> None:
    assert cjk.number_key(one) == cjk.number_key(other) is not None


@pytest.mark.parametrize(
    ("one", "other"), [("二倍", "三倍"), ("3人", "3倍"), ("八億円", "八億ドル")]
)
def test_another_value_or_counter_is_another_figure(one: str, other: str) -> None:
    assert cjk.number_key(one) != cjk.number_key(other)


def test_durations_state_english_values() -> None:
    from diffreader.engine.claims import _duration_key

    assert cjk.duration_key("两年") == cjk.duration_key("二年間") == _duration_key("two years")
    assert cjk.duration_key("3か月") == cjk.duration_key("三个月") == _duration_key("3 months")
    assert cjk.duration_key("两年半") == ("2.5", "year")


def test_dates_state_their_parts() -> None:
    assert cjk.date_keys("2026年11月30日") == cjk.date_keys("二〇二六年十一月三十日")
    assert cjk.date_keys("令和8年") == cjk.date_keys("2026年")
    assert cjk.date_keys("周三") == cjk.date_keys("水曜日") == {"weekday 3"}
    assert cjk.date_keys("去年") == cjk.date_keys("昨年")
    assert cjk.date_parts("13月") is None


# ---------------------------------------------------------------------------
# Comparisons: a changed figure, an added date, a changed duration; 二 rewritten as 2

ZH = "市图书馆宣布，新馆将于明年启用。新馆藏书八万册，是旧馆的二倍。工程历时两年。\n"
JA = "市は五日、新しい体育館の計画を発表した。総工費は約十二億円で、建設には三年かかる。\n"


def test_a_changed_figure_is_claimed_on_both_sides() -> None:
    found = fact_claims(ZH, ZH.replace("二倍", "三倍"))
    assert found == {
        (Side.A, ClaimCategory.NUMBER, "二倍"),
        (Side.B, ClaimCategory.NUMBER, "三倍"),
    }
    found = fact_claims(JA, JA.replace("約十二億円", "約15億円"))
    assert found == {
        (Side.A, ClaimCategory.NUMBER, "十二億円"),
        (Side.B, ClaimCategory.NUMBER, "15億円"),
    }


def test_an_added_date_is_claimed() -> None:
    # B's date says more than A's: next year, on 1 September (A's "next year" B states).
    found = fact_claims(ZH, ZH.replace("明年启用", "明年九月一日启用"))
    assert found == {(Side.B, ClaimCategory.DATE, "明年九月一日")}
    found = fact_claims(JA, JA.replace("発表した。", "発表した。完成は2028年3月の予定だ。"))
    assert found == {(Side.B, ClaimCategory.DATE, "2028年3月")}


def test_a_changed_weekday_is_claimed_and_an_era_year_is_its_year() -> None:
    assert fact_claims("会议在周三举行。\n", "会议在周五举行。\n") == {
        (Side.A, ClaimCategory.DATE, "周三"),
        (Side.B, ClaimCategory.DATE, "周五"),
    }
    assert fact_claims("会議は令和8年4月に始まる。\n", "会議は2026年4月に始まる。\n") == set()


def test_a_changed_duration_is_claimed() -> None:
    found = fact_claims(ZH, ZH.replace("历时两年", "历时三年半"))
    assert found == {
        (Side.A, ClaimCategory.DURATION, "两年"),
        (Side.B, ClaimCategory.DURATION, "三年半"),
    }
    found = fact_claims(JA, JA.replace("三年かかる", "18か月かかる"))
    assert (Side.B, ClaimCategory.DURATION, "18か月") in found


def test_han_numerals_rewritten_in_digits_raise_no_claim() -> None:
    zh = ZH.replace("八万册", "8万册").replace("二倍", "2倍").replace("两年", "2年")
    assert fact_claims(ZH, zh) == set()
    ja = JA.replace("五日", "5日").replace("十二億円", "12億円").replace("三年", "３年")
    assert fact_claims(JA, ja) == set()


def test_a_figure_the_other_article_states_elsewhere_is_still_a_change_here() -> None:
    """The substitution layer: 二倍 → 三倍 in a sentence, where A states 三倍 in another."""
    a = "去年产量是前年的二倍。今年产量是去年的三倍。\n"
    b = "去年产量是前年的三倍。今年产量是去年的三倍。\n"
    assert (Side.B, ClaimCategory.NUMBER, "三倍") in fact_claims(a, b)


# ---------------------------------------------------------------------------
# Properties

_DIGITS = "〇一二三四五六七八九"


def han(n: int) -> str:
    """``n`` (1 to 99,999,999) in Han numerals, as Chinese writes it (一千零五, 三万二千)."""

    def below_ten_thousand(k: int) -> str:
        out, gap = "", False
        for power, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            digit = k // power % 10
            if digit:
                out += ("零" if gap else "") + _DIGITS[digit] + unit
                gap = False
            elif out:
                gap = True
        return out

    high, low = divmod(n, 10_000)
    out = below_ten_thousand(high) + "万" if high else ""
    if low:
        out += ("零" if high and low < 1000 else "") + below_ten_thousand(low)
    return out


_WIDE = str.maketrans("0123456789", "０１２３４５６７８９")
COUNTERS = st.sampled_from(["人", "名", "件", "倍", "元", "円", "台", "冊", "ドル", "个"])
VALUES = st.integers(2, 99_999_999)


@given(VALUES)
def test_han_numerals_read_as_their_value(n: int) -> None:
    assert cjk.number_key(han(n) + "人") == (str(n), "人")


@settings(max_examples=60, deadline=None)
@given(VALUES, COUNTERS, st.booleans(), st.booleans())
def test_a_figure_written_in_han_or_in_digits_is_never_a_changed_figure(
    n: int, counter: str, wide: bool, japanese: bool
) -> None:
    digits = str(n).translate(_WIDE) if wide else str(n)
    template = "調査によると、{}が確認された。\n" if japanese else "据统计，共有{}参加了活动。\n"
    a, b = template.format(han(n) + counter), template.format(digits + counter)
    assert fact_claims(a, b) == set()


@settings(max_examples=60, deadline=None)
@given(VALUES, VALUES, COUNTERS)
def test_another_value_is_always_a_changed_figure(n: int, m: int, counter: str) -> None:
    if n == m:
        return
    template = "据统计，共有{}参加了活动。\n"
    found = fact_claims(template.format(han(n) + counter), template.format(han(m) + counter))
    assert {(side, category) for side, category, _ in found} == {
        (Side.A, ClaimCategory.NUMBER),
        (Side.B, ClaimCategory.NUMBER),
    }


PIECES = st.sampled_from(
    [
        *"市は、。人年月日間个倍万億半十一二三四五〇两3０%％的の",
        "2026年", "十一月三十日", "下月", "周三", "3か月", "两年半", "百分之", "4500万元",
        "令和", "上半年", "十周年", "ドル", "km", "二〇二六", "今年", "数年前", "一个", "统一",
    ]
)  # fmt: skip


@settings(max_examples=300)
@given(st.lists(PIECES, max_size=14).map("".join))
def test_every_fact_has_a_value_and_only_characters_the_gate_knows(text: str) -> None:
    """Each figure, date and duration found states something (its key), and holds no
    character but ASCII and ``FACT_CHARACTERS``: a changed stretch of none of these
    (claims.py's gate) changed no fact."""
    for s, e in cjk.numbers(text, 0, len(text)):
        assert cjk.number_key(text[s:e]) is not None, text[s:e]
    for s, e in cjk.durations(text, 0, len(text)):
        assert cjk.duration_key(text[s:e]) != ("", ""), text[s:e]
    for s, e in cjk.dates(text, 0, len(text)):
        assert cjk.date_keys(text[s:e]), text[s:e]
    for f in find_facts(text, 0, len(text), frozenset()):
        fact = text[f.start : f.end]
        assert all(c.isascii() or c in cjk.FACT_CHARACTERS for c in fact), fact


@settings(max_examples=100, deadline=None)
@given(st.lists(PIECES, max_size=14).map("".join))
def test_a_text_compared_with_itself_raises_no_claim(text: str) -> None:
    text = f"{text}。\n"
    assert not compare(text, text).claims


def test_every_counter_and_unit_is_written_in_the_gate() -> None:
    for word in (*CJK_COUNTERS, *CJK_TIME_UNITS):
        assert all(c.isascii() or c in cjk.FACT_CHARACTERS for c in word), word


@settings(max_examples=300)
@given(st.lists(PIECES, max_size=14).map("".join), st.integers(0, 4))
def test_the_led_patterns_match_as_their_bodies(text: str, start: int) -> None:
    """Each pattern checks the characters a match can start with first (``cjk._led``):
    it finds what its body alone finds."""
    import re

    patterns, sources = cjk._patterns(), cjk._sources()
    for led, (_, body) in (
        (patterns.number, sources.number),
        (patterns.duration, sources.duration),
        (patterns.date, sources.date),
    ):
        plain = re.compile(body)
        assert [m.span() for m in led.finditer(text, start)] == [
            m.span() for m in plain.finditer(text, start)
        ]


def test_a_long_run_of_digits_is_read_once_and_is_no_figure() -> None:
    """A run of digits is read whole, never split and tried again piece by piece where no
    unit follows (forty digits would take days), and a numeral of more than a figure's
    length is none."""
    digits = "1" * 40
    assert cjk.durations(digits + "人", 0, 41) == []
    assert cjk.numbers(digits + "人", 0, 41) == []
    assert cjk.numbers("一" * 40 + "人", 0, 41) == []
    assert cjk.number_key("12345678901234567890人") == ("12345678901234567890", "人")
