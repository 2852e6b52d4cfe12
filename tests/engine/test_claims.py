"""Fact finding: the word gates in front of the fact patterns never hide a fact."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from diffreader.engine import compare
from diffreader.engine.claims import (
    _DATE,
    _DATE_YEAR,
    _NUMBER,
    _NUMBER_FIGURE,
    _NUMBER_SPELLED,
    _QUARTER,
    _ROLE,
    _UNIT_WORD,
    Fact,
    _FactGates,
    _numbers,
    find_facts,
)
from diffreader.engine.load import document_from_text
from diffreader.engine.model import ClaimCategory, SentenceKind, Side

PIECES = st.sampled_from(
    [
        # dates
        "May", "may", "MAY", "mid-March", "Sept.", "Jan.", "last week", "next Monday",
        "early spring", "2024-05-01", "3024-05-01", "4,2024", "12024", "3.1999", "1990s",
        "in 2019", "on Tuesday", "May's", "in", "Berlin 2020", "in\t1850s", "2020-01-0",
        "Christmas", "Christmas Eve", "before", "New Year's Day", "St. Patrick’s Day",
        "halloween", "Saint", "Boxing",
        # durations and numbers
        "two-year", "over two years", "Years'", "year's", "a few weeks", "6 rounds",
        "4,300", "€4.5m", "60 per cent", "one's", "Twenty-five", "first", "half", "once",
        "twice", "x5", "seventh-largest", "3 p.m.", "5 thousand", "$ 5", "€5bn", "10TH",
        "two-thirds", "5,000 hundred", "x€5", "5x", "third quarter", "Q3", "3rd-quarter",
        "q4", "quarter",
        # roles
        "CEO of", "co-founder of", "spokesman for", "Chairman of the", "head", "of", "for",
        "chief executive", "Head's",
        # filler
        "the", "bridge", "Saltmere", "council", "said", "U.S.", "“", "”", ",", ".", "-",
        "_", "weekly", "yearly", "oneself", "someone", "headline", "members",
    ]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=12).map(" ".join) | st.lists(PIECES, max_size=12).map("".join)


@settings(max_examples=400)
@given(TEXTS)
def test_a_gate_is_open_whenever_its_pattern_can_match(text: str) -> None:
    gates = _FactGates.of(text)
    if _UNIT_WORD.search(text):
        assert gates.durations
    if _DATE.search(text):
        assert gates.dates or gates.years
    if _QUARTER.search(text):
        assert gates.dates or gates.figures  # "third quarter", "Q3"
    if not gates.dates:
        # Without a date word, a date is a year or an ISO date: ``_DATE_YEAR`` finds it,
        # and only where four digits stand in a row.
        found = [m.span() for m in _DATE.finditer(text)]
        assert [m.span() for m in _DATE_YEAR.finditer(text)] == found
        assert gates.years or not found
    if _NUMBER_FIGURE.search(text):
        assert gates.figures
    if _NUMBER_SPELLED.search(text):
        assert gates.spelled


@settings(max_examples=400)
@given(TEXTS)
def test_numbers_are_found_as_the_whole_pattern_finds_them(text: str) -> None:
    everything = _FactGates(
        durations=True, dates=True, years=True, figures=True, spelled=True, roles=True, cjk=True
    )
    for gates in (everything, _FactGates.of(text)):
        found = [m.span() for m in _numbers(text, 0, len(text), gates)]
        assert found == [m.span() for m in _NUMBER.finditer(text)]
    if _ROLE.search(text):
        assert gates.roles


def categories(text: str) -> list[tuple[ClaimCategory, str]]:
    facts: list[Fact] = find_facts(text, 0, len(text), frozenset())
    return [(f.category, text[f.start : f.end]) for f in facts]


def test_facts_of_each_kind_are_found() -> None:
    found = categories(
        "The harbour master of Saltmere said on Tuesday that the works would last over "
        "two years and cost €4.5m, according to the head of the regional fund."
    )
    assert (ClaimCategory.DATE, "on Tuesday") in found
    assert (ClaimCategory.DURATION, "over two years") in found
    assert (ClaimCategory.NUMBER, "€4.5m") in found
    assert (ClaimCategory.ROLE, "head of the regional fund") in found


def test_a_sentence_without_fact_words_has_no_facts() -> None:
    assert categories("the bridge will close and the ferry will run instead.") == []


def test_name_categories() -> None:
    found = {
        text: category
        for sentence in (
            "Officials in the UK recalled how the Allies defeated Nazi Germany.",
            "Analysts at the World Bank compared it with WWII, said Mayor Helen Varga.",
        )
        for category, text in categories(sentence)
    }
    assert found["UK"] is ClaimCategory.PLACE
    assert found["Nazi Germany."] is ClaimCategory.PLACE
    assert found["World Bank"] is ClaimCategory.ORGANISATION
    assert found["WWII"] is ClaimCategory.NAME
    assert found["Helen Varga."] is ClaimCategory.PERSON


def test_facts_inside_a_dropped_quotation_nest_under_it() -> None:
    from diffreader.engine import Side, compare

    c = compare(
        "The council met on Monday. "
        '"Traffic fell by 40 per cent after the Saltmere bridge closed," Varga said.',
        "The council met on Monday.",
    )
    (quotation,) = [x for x in c.claims if x.category is ClaimCategory.QUOTATION]
    inside = [x for x in c.claims if quotation.start <= x.start and x.end <= quotation.end]
    nested = [x for x in inside if x is not quotation]
    assert quotation.side is Side.A and quotation.parent == -1
    assert {x.text for x in nested} >= {"40 per cent", "Saltmere"}
    assert all(c.claims[x.parent] == quotation for x in nested)
    # Words of the quotation are not repeated as assertions beside it.
    assert not [x for x in nested if x.category is ClaimCategory.ASSERTION]


DURATION_WORDS = st.sampled_from(
    ["two", "a", "few", "more", "an", "many", "several", "3.5", "1,000", "x5", "€5", "full",
     "long", "and", "half", "the", "over", "-", "year", "years", "weeks", "day", "days-long",
     "hundred", "decades", "century", "past", "whole", "to", "58th", "minute", "minutes",
     "months", "seconds", ",", "every", "times", "twice", "fortnightly", "2:21:04",
     "quarter", "quarters", "of", "three", "another", "further", "hour"]
)  # fmt: skip


@settings(max_examples=300)
@given(st.lists(DURATION_WORDS, min_size=1, max_size=14))
def test_duration_index_reads_values_as_the_whole_pattern_does(words: list[str]) -> None:
    from diffreader.engine import document_from_text
    from diffreader.engine.claims import (
        _ONE_SPAN_BEFORE,
        _UNIT_WORD_LOWER,
        _VALUE_BEFORE_LOWER,
        Support,
        _and_a_part,
        _clock_key,
        _compound_key,
        _duration_value,
        _in_base_unit,
        _quarters_around,
        _value_and_scale,
    )
    from diffreader.engine.substitutions import CLOCK_SPAN, ONE_YEAR, rate_spans
    from diffreader.engine.text import compiled

    text = " ".join(words).replace(" - ", "-") + "."
    support = Support.of(document_from_text(text))
    support.has_duration(("", ""))  # builds the index
    expected = set()
    lowered = support.lowered
    for unit in _UNIT_WORD_LOWER.finditer(lowered):
        end = unit.start()
        value = _VALUE_BEFORE_LOWER.search(lowered, max(0, end - 40), end)
        if not value:
            # A span of one ("the past fortnight"), a minute's count ("the 58th minute").
            one = compiled(_ONE_SPAN_BEFORE).search(lowered, max(0, end - 40), end)
            if one is not None and one.group(1) is not None:
                expected.add(_in_base_unit(_duration_value("a", "", unit.group())))
            elif one is not None and unit.group().startswith("minute"):
                expected.add(_in_base_unit(_duration_value(one.group(2), "", unit.group())))
            elif one is None and unit.group().endswith("s"):
                # A unit in the plural with no value: a few of it ("took seconds").
                expected.add(_in_base_unit(_duration_value("a few", "", unit.group())))
            continue
        # Quarters of the unit ("a quarter of an hour", "an hour and a quarter", read
        # whole); half a unit more after the unit ("a year and a half") or before it ("two
        # and a half years", read from the value before "and a half").
        whole = _VALUE_BEFORE_LOWER.search(lowered, max(0, end - 40), end - 11)
        quarters = _quarters_around(lowered, max(0, end - 40), unit)
        if quarters is not None:
            key = quarters
        elif lowered.startswith(" and a half", unit.end()):
            key = _and_a_part(_duration_value(value.group(1), "", unit.group()), 0.5)
        elif lowered[max(0, end - 40) : end].endswith("and a half ") and whole:
            key = _and_a_part(_duration_value(whole.group(1), "", unit.group()), 0.5)
        else:
            key = _duration_value(*_value_and_scale(value), unit.group())
            # A span in several units ("two weeks and two days") is its sum too.
            total = _compound_key(key, lowered, unit.group(), unit.end())
            if total is not None:
                expected.add(total)
        expected.add(_in_base_unit(key))
    if compiled(ONE_YEAR).search(lowered):  # "the year to October": a span of a year
        expected.add(_in_base_unit(_duration_value("a", "", "year")))
    expected.update(interval for *_, interval in rate_spans(lowered))  # "every two weeks"
    expected.update(map(_clock_key, CLOCK_SPAN.finditer(lowered)))  # "2:21:04"
    assert support._durations == expected


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("for a year", "for one year"),
        ("for one hour", "for an hour"),
        ("for more than a century", "for over a hundred years"),
        ("for two decades", "for 20 years"),
        ("for two hundred years", "for 200 years"),
        # The same words, elsewhere in a reworded sentence: "a third month" is read as the
        # duration pattern reads it, "third month", not as "a" (one) month.
        ("for a third month", "for a third month in a row"),
    ],
)
def test_one_span_said_two_ways_is_no_claim(before: str, after: str) -> None:
    # "an hour" is "one hour", a century a hundred years, two decades twenty years: each way
    # of saying a span has one key (_duration_value), so a rewording is not a new duration.
    a = f"The old mill by the river stood empty {before}, the owners said on Monday."
    b = f"The old mill by the river stood empty {after}, the owners said on Monday."
    assert compare(a, b).claims == ()


@pytest.mark.parametrize(
    ("before", "after"),
    [("for two decades", "for two years"), ("for two hundred years", "for two years")],
)
def test_a_span_that_changed_is_still_a_claim(before: str, after: str) -> None:
    a = f"The old mill by the river stood empty {before}, the owners said on Monday."
    b = f"The old mill by the river stood empty {after}, the owners said on Monday."
    claims = compare(a, b).claims
    assert any(c.side is Side.A and "two" in c.text for c in claims), claims


def test_sentence_openers_and_full_names_after_a_quotation() -> None:
    text = (
        "Officials called it the “new reality.” Meanwhile, Putin spoke. "
        "Reyes called the reserves “stretched.” Gareth Quill, head of the fund, agreed."
    )
    found = categories(text)
    assert (ClaimCategory.PERSON, "Gareth Quill") in found
    assert not [t for _, t in found if t.startswith("Meanwhile")]


def test_title_case_headlines_yield_only_real_names() -> None:
    from diffreader.engine import compare

    body = "Heavy rain closed the line between Larvik and Skien on Tuesday."
    c = compare(
        f"Floods Close Rail Line In The North\n\n{body}\n",
        f"Rail Line Shut As Floods Hit Tønsberg\n\n{body} Two people in Tønsberg were hurt.\n",
    )
    headline = [x for x in c.claims if x.sentence == 0]
    # Capitalised headline words are not names, unless the articles use them as names.
    assert [x.text for x in headline] == ["Tønsberg"]


LED_TEXTS = st.lists(
    st.sampled_from(
        [
            *"AaBbDdEeFfHhNnOoSsTtZzſK 0123456789,;:()—–-.\n\t$€’'",
            *("and ", "with ", "Dr. ", "U.S. ", "seven", "Thirty ", "dozen ", "of the "),
            *("O’Neil", "van ", "A.B.", "X-ray", "Lund's"),
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=400)
@given(LED_TEXTS, st.integers(0, 5))
def test_a_pattern_led_by_its_first_characters_matches_as_its_plain_form(
    text: str, start: int
) -> None:
    import re

    from diffreader.engine.claims import (
        _CAPITALISED,
        _CLAUSE_BREAK,
        _CLAUSE_BREAK_PATTERN,
        _NAME,
        _NAME_REST,
        _NAME_WORD,
    )

    # Patterns written to open with the character class their matches start with.
    opening = {
        _NAME: _NAME_WORD + _NAME_REST,
        _CAPITALISED: r"(?<=[\w,;] )[A-Z][\w-]+",
        _CLAUSE_BREAK: _CLAUSE_BREAK_PATTERN,
    }
    for fast, plain_pattern in opening.items():
        found = [m.span() for m in fast.finditer(text, start)]
        assert found == [m.span() for m in re.compile(plain_pattern).finditer(text, start)]
    for led in (_NUMBER_SPELLED,):
        plain_pattern = re.fullmatch(r"\(\?=\[[^]]*\]\)\(\?:(.*)\)", led.pattern, re.DOTALL)
        assert plain_pattern is not None
        plain = re.compile(plain_pattern.group(1), led.flags)
        found = [m.span() for m in led.finditer(text, start)]
        assert found == [m.span() for m in plain.finditer(text, start)]


DATE_TEXTS = st.lists(
    st.sampled_from(
        [" ", "-", ",", ".", "\n", "x", "5", "12", "1999", "2024-05-01", "3rd", "s", "in ",
         "on ", "since ", "by ", "from ", "until ", "last", "this", "next", "early", "late",
         "mid", "March", "march", "May", "Sept", "Jan.", "Monday", "Tuesday", "week", "year",
         "spring", "weekend", "Thursday", "Apr", "Oct", "Nov", "Dec", "Fri", "Sun", "Spring",
         "autumn", "Autumn", "summer", "Winter", "fall", "Fall", "the ", "during ", "over ",
         "through ", "before ", "after ", " of ", "2029"]
    ),
    max_size=16,
).map("".join)  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b", "dropped", "added"),
    [
        ("The tunnel is due to open in spring 2029.", "The tunnel is due to open in autumn 2029.",
         "in spring 2029", "in autumn 2029"),
        ("Repairs will finish during the summer.", "Repairs will finish during the winter.",
         "during the summer", "during the winter"),
        ("The vote is set for the autumn of 2027.", "The vote is set for the fall of 2028.",
         "the autumn of 2027", "the fall of 2028"),
    ],
)  # fmt: skip
def test_a_season_is_a_date(a: str, b: str, dropped: str, added: str) -> None:
    c = compare(a, b)
    assert [(x.kind.value, x.text) for x in c.claims if x.category is ClaimCategory.DATE] == [
        ("dropped", dropped),
        ("added", added),
    ]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The tunnel opens in the spring of 2029.", "The tunnel opens in spring 2029."),
        ("Crews will return in the autumn.", "Crews will return in autumn."),
        ("Water from the spring was tested on Monday.", "Water from the spring was tested Monday."),
        ("Prices fall 2029 times a year, she joked.", "Prices fall 2029 times a year, she joked."),
    ],
)  # fmt: skip
def test_a_season_said_alike_or_no_season_is_no_change(a: str, b: str) -> None:
    assert compare(a, b).claims == ()


@pytest.mark.parametrize(
    ("a", "b", "dropped", "added"),
    [
        ("Ships will be barred from its ports from 1 March.",
         "From 1 May, ships will be barred from its ports.", "from 1 March", "1 May"),
        ("The consultation closes on 14 May.", "The consultation closes on 4 May.",
         "on 14 May", "on 4 May"),
        ("The hearing was set for 3rd June 2027.", "The hearing was set for 3rd July 2027.",
         "3rd June 2027", "3rd July 2027"),
        ("Digging will start in March, he said.",
         "Digging will be started in the month of May, he said.", "in March", "May"),
    ],
)  # fmt: skip
def test_a_day_before_its_month_is_one_date(a: str, b: str, dropped: str, added: str) -> None:
    """British order ("1 May"): the day is the date's, and "May" with a day is the month,
    not the verb."""
    c = compare(a, b)
    assert [(x.kind.value, x.text) for x in c.claims] == [("dropped", dropped), ("added", added)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The ban starts on 1 May.", "The ban starts on May 1."),
        ("Polls close on 21st March, officials said.", "Polls close on March 21, officials said."),
        ("It may open on 2 June.", "It might open on 2 June."),
    ],
)  # fmt: skip
def test_a_day_before_or_after_its_month_is_the_same_date(a: str, b: str) -> None:
    assert [x for x in compare(a, b).claims if x.category is ClaimCategory.DATE] == []


_KILN = (
    "The Fenwold pottery will close its kiln shed for repairs, the owners {said}. "
    "The shed was built in 1931 and last repaired in 1988."
)


@pytest.mark.parametrize(
    ("a_said", "b_said", "dates"),
    [
        # The day a statement was made, dropped or added: no change to what it says.
        ("said on Monday", "said", []),
        ("announced on Tuesday evening", "announced", []),
        ("said", "confirmed on Friday", []),
        # Another day for it: a change, on both sides.
        ("said on Monday", "said on Thursday", [("a", "on Monday"), ("b", "on Thursday")]),
        # A day that is not when something was said: a detail dropped.
        ("said, starting on Monday", "said", [("a", "on Monday")]),
    ],
)
def test_the_day_a_statement_was_made_is_no_detail(
    a_said: str, b_said: str, dates: list[tuple[str, str]]
) -> None:
    for a, b, expected in (
        (a_said, b_said, dates),
        (b_said, a_said, [("b" if s == "a" else "a", t) for s, t in dates][::-1]),
    ):
        c = compare(_KILN.format(said=a), _KILN.format(said=b))
        found = [(x.side.value, x.text) for x in c.claims if x.category is ClaimCategory.DATE]
        assert found == expected


@settings(max_examples=400)
@given(DATE_TEXTS, st.integers(0, 5))
def test_the_date_pattern_matches_as_its_plain_form(text: str, start: int) -> None:
    import re

    from diffreader.engine.claims import _DATE_BODY

    plain = re.compile(r"\b" + _DATE_BODY)
    found = [m.span() for m in _DATE.finditer(text, start)]
    assert found == [m.span() for m in plain.finditer(text, start)]


@settings(max_examples=400)
@given(DATE_TEXTS, st.integers(0, 5))
def test_without_a_date_word_the_year_pattern_finds_the_dates(text: str, start: int) -> None:
    if not _FactGates.of(text).dates:
        found = [m.span() for m in _DATE.finditer(text, start)]
        assert [m.span() for m in _DATE_YEAR.finditer(text, start)] == found


@settings(max_examples=400)
@given(
    st.lists(
        st.sampled_from(
            [*"aZk5 ,.-'’“\t$€%:", "Varga", "51", "U.S.", "3rd", "ſ", "é", "٣", "million", "İ"]
        ),
        max_size=10,
    ).map("".join)
)
def test_a_facts_keys_are_its_word_keys(text: str) -> None:
    # ``_fact_keys`` cuts the text into words itself when it is plain enough.
    from diffreader.engine.claims import _fact_keys
    from diffreader.engine.text import word_keys

    assert _fact_keys(text) == word_keys(text)


@settings(max_examples=400)
@given(
    st.lists(
        st.sampled_from([*"aZk5 ,.-'’“$%:", "4,300", "1990s", "1990's", "²", "٣", "3rd", "U.S."]),
        max_size=10,
    ).map("".join)
)
def test_a_word_keys_stem_is_the_stem(text: str) -> None:
    from diffreader.engine.claims import _stem
    from diffreader.engine.text import stem, word_keys

    for key in word_keys(text):
        assert _stem(key) == stem(key)


def test_every_gate_key_a_word_can_be_is_a_run_of_ascii_letters() -> None:
    import re

    from diffreader.engine.claims import _DATE_KEYS, _NUMBER_KEYS, _ROLE_KEYS, _UNIT_KEYS

    # _FactGates.of finds key words as runs of ASCII letters; a key of other word
    # characters would never open its gate.
    for key in (*_UNIT_KEYS, *_DATE_KEYS, *_NUMBER_KEYS, *_ROLE_KEYS):
        if re.fullmatch(r"\w+", key):
            assert re.fullmatch("[a-z]+", key), key


@settings(max_examples=300)
@given(LED_TEXTS)
def test_the_long_words_of_ascii_text_are_found_as_the_pattern_finds_them(text: str) -> None:
    from diffreader.engine.claims import _LONG_WORD, _LONG_WORD_ASCII

    if text.isascii():
        assert _LONG_WORD_ASCII.findall(text) == _LONG_WORD.findall(text)


@given(st.text("0123456789,.%٣²x one") | st.sampled_from(["4,300", "4.5%", "five", "٣٣", "1²"]))
def test_a_number_of_digits_alone_is_its_own_value(token: str) -> None:
    import re

    from diffreader.engine.claims import _number_value
    from diffreader.engine.lexicon import NUMBER_WORDS

    # The definition: a number word's value, else the leading number the token holds.
    bare = token.lower().replace(",", "")
    match = re.match(r"\d+(?:\.\d+)?", bare)
    expected = (
        str(NUMBER_WORDS[bare]) if bare in NUMBER_WORDS else (match.group() if match else bare)
    )
    assert _number_value(token) == expected


@settings(max_examples=400)
@given(TEXTS)
def test_numbers_and_dates_are_the_facts_their_patterns_find(text: str) -> None:
    import re

    from diffreader.engine.claims import (
        _CLOCK_HINT,
        Stretch,
        _find_dates,
        _find_numbers,
        _with_clocks,
        _with_ratios,
    )
    from diffreader.engine.lexicon import WEAK_NUMBER_WORDS

    # ``_find_numbers`` and ``_find_dates`` build their facts in C and try the year pattern
    # alone where no date word stands: the facts of the plain patterns, as they were found,
    # a clock's hours and minutes made one ("02:15", "3 p.m."), a ratio's two numbers made
    # one ("one in four", "nine out of ten").
    at = Stretch.of(text, 0, len(text), frozenset())
    numbers = [
        Fact(ClaimCategory.NUMBER, *m.span())
        for m in _NUMBER.finditer(text)
        if m.group().lower() not in WEAK_NUMBER_WORDS
    ]
    if _CLOCK_HINT.search(text):
        numbers = _with_clocks(text, numbers)
    if " in " in text or " out of " in text:
        numbers = _with_ratios(text, 0, numbers)
    dates = [
        Fact(ClaimCategory.DATE, *m.span())
        for m in _DATE.finditer(text)
        # "May" alone is the verb, but after "of" ("the month of May").
        if not (
            m.group().lower().startswith("may")
            and not re.search(r"\d", m.group())
            and not text[: m.start()].endswith(" of ")
        )
    ]
    # and the quarters named by their ordinal ("third-quarter", "Q3"), in text order
    dates = sorted(
        [*dates, *(Fact(ClaimCategory.DATE, *m.span()) for m in _QUARTER.finditer(text))],
        key=lambda fact: fact.start,
    )
    assert _find_numbers(at) == numbers
    assert _find_dates(at) == dates


@settings(max_examples=200, deadline=None)
@given(TEXTS)
# A scale letter that opens a dotted abbreviation: one token ("m.u.s."), no scale.
@example(text="€4.5m.U.S.")
def test_an_articles_numbers_are_the_values_of_its_figures_and_number_words(text: str) -> None:
    from diffreader.engine import document_from_text
    from diffreader.engine.claims import _CARDINAL_WORDS, Support, _number_value, _restated
    from diffreader.engine.lexicon import FRACTIONS, NUMBER_WORDS
    from diffreader.engine.text import word_key_set

    # ``Support.of`` reads most figures' values in C: each is ``_number_value``'s; and the
    # values of figures in other words (``_restated``: "three thousand", "a third").
    doc = document_from_text(text)
    keys = word_key_set("\n".join(s.text for s in doc.sentences))
    expected = {_number_value(k) for k in keys if k[0].isdigit() or k in NUMBER_WORDS}
    support = Support.of(doc)
    # Each kind of figure in other words only where the article's word keys hold one: a
    # fraction word ("Years'half" is one key, no share), a scale word with a number word or
    # a fraction, "in" for a ratio.
    shares = bool(keys & FRACTIONS.keys())
    scaled = bool(keys & {"hundred", "thousand", "million", "billion", "trillion"}) and (
        shares or bool(keys & set(_CARDINAL_WORDS))
    )
    found = _restated(support.lowered, scaled=scaled, ratios="in" in keys, shares=shares)
    expected |= {form for _, _, forms in found for form in forms}
    assert support.numbers == expected


ESCAPES = st.sampled_from(
    ["\x1b[31m", "\x1b[0m", "\x1b[1;38;5;208m", "\x1b[2J", "\x1b[10;20H", "\x1b]0;Title 2024\x07",
     "\x1b]8;;https://example.com/Paris/2021\x1b\\", "\x1b(B", "\x1b7", "\x1b"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(ESCAPES, st.integers(0, 12)), max_size=4))
def test_terminal_escapes_pasted_into_a_sentence_add_no_claim(
    escapes: list[tuple[str, int]],
) -> None:
    # "\x1b[31m" read as the figure "31m" was an added number; a link's address a claim.
    words = "The council approved the budget on Monday after a long debate in Leeds .".split()
    coloured = list(words)
    for escape, where in sorted(escapes, key=lambda e: -e[1]):
        coloured.insert(where, escape)
    a = " ".join(words) + "\n\nIt will cost more than before.\n"
    b = " ".join(coloured) + "\n\nIt will cost more than before.\n"
    result = compare(document_from_text(a), document_from_text(b))
    assert [c.text for c in result.claims] == []


VACCINE = "The vaccine caused a mild fever in five per cent of the children who took part."


@pytest.mark.parametrize(
    ("rewrite", "expected"),
    [
        ("Among the children who took part, the vaccine led to a mild fever 5% of the time.", []),
        (
            "Among the children who took part, the vaccine led to a mild fever 9% of the time.",
            [(Side.A, ClaimCategory.NUMBER, "five per cent"), (Side.B, ClaimCategory.NUMBER, "9%")],
        ),
    ],
)
def test_a_figure_in_a_reworded_clause_is_judged_once_by_the_figures(
    rewrite: str, expected: list[tuple[Side, ClaimCategory, str]]
) -> None:
    # "five per cent" against "5%" is one figure: its three words are not the netting's to
    # count, which called the reworded clause a dropped assertion. A changed figure is
    # flagged once, as a figure, not again inside an assertion.
    claims = compare(VACCINE, rewrite).claims
    assert [(c.side, c.category, c.text) for c in claims] == expected


CARE_HOME = (
    "A care home worker was jailed on Friday for stealing jewellery from residents. "
    "The judge said she had abused the trust of vulnerable people, some of whom had dementia."
)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # A relative clause set off by a comma, dropped whole with its one new word.
        (
            CARE_HOME,
            CARE_HOME.replace(", some of whom had dementia", ""),
            [(Side.A, "some of whom had dementia")],
        ),
        # ... and added, inside the rest of a reworded sentence.
        (
            "The bridge was closed on Monday after an inspection found cracks.",
            "The bridge, which carries the ring road, was shut on Monday after an inspection "
            "found cracks.",
            [(Side.B, "which carries the ring road")],
        ),
        # "Some of them" opens one as "some of whom" does.
        (
            "Twelve people were rescued from the flooded homes, some of them children. "
            "Crews worked through the night.",
            "Twelve people were rescued from the flooded homes. Crews worked through the night.",
            [(Side.A, "some of them children")],
        ),
        # A dash sets it off as well as a comma.
        (
            "Police arrested the driver at the scene.",
            "Police arrested the driver — who was uninsured — at the scene.",
            [(Side.B, "who was uninsured")],
        ),
    ],
)
def test_a_relative_clause_dropped_or_added_whole_is_a_detail(
    a: str, b: str, expected: list[tuple[Side, str]]
) -> None:
    claims = compare(a, b).claims
    assert [(c.side, c.text) for c in claims if c.category is ClaimCategory.ASSERTION] == expected


def test_a_relative_clause_is_no_detail_when_the_other_article_has_its_word() -> None:
    # "dementia" is elsewhere in the rewrite: the detail moved, it was not dropped.
    b = (
        CARE_HOME.replace(", some of whom had dementia", "")
        + " Several residents had dementia, the court heard."
    )
    assert not [c for c in compare(CARE_HOME, b).claims if "whom" in c.text]


def test_a_restrictive_relative_clause_is_not_a_detail_set_off() -> None:
    # "people who had been in care" (no comma) defines the people: its words are the
    # netting's to weigh (one new word: rewording). A's clause set off still drops its fact.
    b = CARE_HOME.replace("people, some of whom had dementia", "people who had been in care")
    claims = compare(CARE_HOME, b).claims
    assert [(c.side, c.text) for c in claims] == [(Side.A, "some of whom had dementia")]


COURT = (
    "The court heard the case on Monday. The landlord, Rufus Abernathy, 61, admitted the "
    "breaches. {} The tenants have since been rehoused by the council."
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("It brought down 3,000 trees.", "It brought down three thousand trees."),
        ("About half of the schools will close.", "Around 50 per cent of the schools will close."),
        (
            "Nearly a fifth of the images were blurred.",
            "Almost 20 per cent of the images were blurred.",
        ),
        (
            "Numbers fell by a third during the closure.",
            "Numbers fell by 33 per cent during the closure.",
        ),
        ("Two-thirds of voters agreed.", "67 per cent of voters agreed."),
        ("One in four patients waited.", "A quarter of patients waited."),
        (
            "He was jailed for 18 months, the court said.",
            "He was jailed for a year and a half, the court said.",
        ),
        ("Results are due within a week.", "Results are due within seven days."),
        ("The talks lasted two and a half hours.", "The talks lasted 150 minutes."),
        ("The hearing took half an hour.", "The hearing took 30 minutes."),
        (
            "Gusts of up to 80mph are expected.",
            "Gusts as strong as 80 miles per hour are expected.",
        ),
        ("Pupils get three extra hours a week.", "Pupils get an extra three hours a week."),
        (
            "The club paid 250,000 euros for him.",
            "The club paid a quarter of a million euros for him.",
        ),
        ("The club paid 500,000 euros for him.", "The club paid half a million euros for him."),
        ("The cavers were trapped for a fortnight.", "The cavers were trapped for two weeks."),
        ("Dunmore, 58, denies fraud.", "The 58-year-old denies fraud."),
        # A share before a comparative; seconds; a minute counted by its ordinal.
        ("Trains ran a fifth faster.", "Trains ran 20 per cent faster."),
        ("They scored in the final half-minute.", "They scored in the last 30 seconds."),
        ("They scored with 90 seconds left.", "They scored with a minute and a half left."),
        ("They went ahead after 25 minutes.", "They took a 25th-minute lead."),
        # A bound written after the figure or before its group of people.
        ("Swimmers who go at least twice a week.", "Swimmers who go twice a week or more."),
        ("It tracked people aged over 65.", "It tracked over-65s."),
        ("Lights go off between midnight and 5am.", "Lights go off from 12am to 5am."),
        # A quarter or a half of a company's year, named another way.
        ("Sales fell 8% in Q3.", "Sales fell 8% in the third quarter."),
        ("Its half-year profit fell.", "Its profit for the first half fell."),
    ],
)
def test_a_figure_written_another_way_is_the_same_figure(a: str, b: str) -> None:
    # A share and its percentage, a scale word and its digits, a span of time in another
    # unit, a speed's unit spelt out: the same figure, no claim.
    assert [c.text for c in compare(COURT.format(a), COURT.format(b)).claims] == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("It brought down 3,000 trees.", "It brought down four thousand trees."),
        ("About half of the schools will close.", "Around 40 per cent of the schools will close."),
        (
            "Numbers fell by a third during the closure.",
            "Numbers fell by 40 per cent during the closure.",
        ),
        ("Three in 10 patients waited.", "40 per cent of patients waited."),
        (
            "He was jailed for 18 months, the court said.",
            "He was jailed for two and a half years, the court said.",
        ),
        ("Results are due within a week.", "Results are due within ten days."),
        ("The hearing took half an hour.", "The hearing took 40 minutes."),
        ("Trains ran a fifth faster.", "Trains ran 30 per cent faster."),
        ("They scored with 90 seconds left.", "They scored with 80 seconds left."),
        ("They went ahead after 25 minutes.", "They took a 35th-minute lead."),
        ("It tracked people aged over 65.", "It tracked over-70s."),
    ],
)
def test_a_different_figure_written_another_way_is_a_changed_figure(a: str, b: str) -> None:
    claims = compare(COURT.format(a), COURT.format(b)).claims
    figures = (ClaimCategory.NUMBER, ClaimCategory.DURATION)
    assert {c.side for c in claims if c.category in figures} == {Side.A, Side.B}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A status said another way: an ex-governor, a one-time manager are former ones.
        ("The former governor Evadne Thorsby won.", "The ex-governor Evadne Thorsby won."),
        ("A former finance manager was cleared.", "A one-time finance manager was cleared."),
        # "Late" that is no death: a late goal.
        ("Kettering won with a goal in the final minute.", "Late Kettering strike wins it."),
        # A negation kept by a word its prefix negates: the polarity is the same.
        (
            "The gap between boys and girls was unchanged.",
            "The gap between boys and girls did not shift.",
        ),
        (
            "The court ruled that police had acted lawfully.",
            "The court ruled that police had not acted unlawfully.",
        ),
        # "No." before a figure and "no fewer than" are no negation; "not open" is "close".
        ("Ranked 31st in the world, she won.", "Ranked No. 31 in the world, she won."),
        (
            "Irregularities were found at no fewer than 40 stations.",
            "Irregularities were found at a minimum of 40 stations.",
        ),
        (
            "Hundreds of schools will close for the day, officials said.",
            "Officials said hundreds of schools will not open for the day.",
        ),
        # A title spelt out or shortened; a status the other article gives elsewhere; a
        # negation word's opposite ("any" / "no") is the negation's to weigh.
        (
            "Chief executive Mireille Dunstan said prices drove it.",
            "CEO Mireille Dunstan said prices drove it.",
        ),
        ("The drills were not directed at any country.", "The drills were aimed at no country."),
        # "Half-time" is when, not how much.
        ("Wanderers led 2-0 at half-time.", "Wanderers led 2-0 at the break."),
        # A unit letter on a figure is part of it: "1.8C" is not "1".
        (
            "Temperatures in the lakes rose by 1.8C since 1990.",
            "Since 1990, temperatures in the lakes have risen by 1.8C.",
        ),
    ],
)
def test_a_status_a_polarity_or_a_figure_kept_in_other_words_is_no_claim(a: str, b: str) -> None:
    claims = compare(COURT.format(a), COURT.format(b)).claims
    kinds = (ClaimCategory.ROLE, ClaimCategory.NEGATION, ClaimCategory.NUMBER)
    assert [(c.category, c.text) for c in claims if c.category in kinds] == []


@pytest.mark.parametrize(
    ("a", "b", "category"),
    [
        (
            "The former governor Evadne Thorsby won.",
            "The acting governor Evadne Thorsby won.",
            ClaimCategory.ROLE,
        ),
        (
            "The architect Dan Odell designed it.",
            "The late architect Dan Odell designed it.",
            ClaimCategory.ROLE,
        ),
        (
            "The court ruled that police had acted lawfully.",
            "The court ruled that police had not acted lawfully.",
            ClaimCategory.NEGATION,
        ),
        (
            "The company unveiled its plan.",
            "The company did not reveal its plan.",
            ClaimCategory.NEGATION,
        ),
        (
            "The study has been peer-reviewed.",
            "The study has yet to be peer-reviewed.",
            ClaimCategory.NEGATION,
        ),
        ("Temperatures rose by 1.8C.", "Temperatures rose by 2.1C.", ClaimCategory.NUMBER),
        (
            "He beat the defending champion, Pieter Oudman.",
            "He beat the former champion, Pieter Oudman.",
            ClaimCategory.ROLE,
        ),
        # Common news oppositions WordNet does not list (data/antonyms-overrides.tsv).
        (
            "The appeal court upheld the conviction on Friday.",
            "The appeal court overturned the conviction on Friday.",
            ClaimCategory.OPPOSITE,
        ),
        (
            "The government lifted sanctions on the firm.",
            "The government imposed sanctions on the firm.",
            ClaimCategory.OPPOSITE,
        ),
        (
            "Sales fell 8% in the second quarter.",
            "Third-quarter sales fell 8%.",
            ClaimCategory.DATE,
        ),
        (
            "In a unanimous ruling, the judges found the arrests lawful.",
            "In a majority ruling, the judges found the arrests lawful.",
            ClaimCategory.OPPOSITE,
        ),
        (
            "The home side trailed by nine points at half-time.",
            "The home side led by nine points at half-time.",
            ClaimCategory.OPPOSITE,
        ),
        # An opposite in a sentence rewritten around it, by the same word beside both.
        (
            "The chain reported a 9% rise in profit on Wednesday, beating analysts' forecasts,"
            " as sales of its sandwiches held up.",
            "The chain, on Wednesday, posted profit up 9 per cent and missing analysts'"
            " expectations, helped by resilient sandwich sales.",
            ClaimCategory.OPPOSITE,
        ),
        # An opposite in a clause moved to the other end of the sentence.
        (
            "The site is allocated for housing in the draft local plan, and planning"
            " officers had recommended approval.",
            "Planning officers had recommended refusal, although the site is allocated for"
            " housing in the draft local plan.",
            ClaimCategory.OPPOSITE,
        ),
    ],
)
def test_a_status_a_polarity_or_a_figure_changed_is_still_a_claim(
    a: str, b: str, category: ClaimCategory
) -> None:
    claims = compare(COURT.format(a), COURT.format(b)).claims
    assert Side.B in {c.side for c in claims if c.category is category}


@pytest.mark.parametrize(
    ("a", "b", "dropped"),
    [
        # A bound one side drops: the figure says more than it did.
        (
            "Passengers rose nearly 8 per cent on last year.",
            "Passengers rose 8 per cent on last year.",
            "nearly 8 per cent",
        ),
        ("At least 40 people died in the fire.", "Forty people died in the fire.", "At least 40"),
        # "Or less" after the figure is a bound too: another than "at least".
        (
            "Swimmers who go at least twice a week.",
            "Swimmers who go twice a week or less.",
            "at least twice",
        ),
    ],
)
def test_a_bound_dropped_from_a_figure_is_a_changed_figure(a: str, b: str, dropped: str) -> None:
    claims = compare(COURT.format(a), COURT.format(b)).claims
    assert [(c.side, c.text) for c in claims] == [(Side.A, dropped)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("About 40 people died in the fire.", "40 people died in the fire."),
        ("Nearly 40 people died in the fire.", "Almost 40 people died in the fire."),
        ("No fewer than 40 people died in the fire.", "At least 40 people died in the fire."),
        (
            "He beat the defending champion, Pieter Oudman.",
            "He beat the reigning champion, Pieter Oudman.",
        ),
        (
            "One in four patients waited more than eight hours.",
            "A quarter of patients waited longer than eight hours.",
        ),
        # "Should" of a duty or a target hedges nothing.
        (
            "The target is for most patients to be seen within four hours.",
            "The target is that most patients should be seen within four hours.",
        ),
    ],
)
def test_a_bound_or_status_said_another_way_is_no_claim(a: str, b: str) -> None:
    assert [c.text for c in compare(COURT.format(a), COURT.format(b)).claims] == []


DRIVER = (
    "A driver who crashed into a bus shelter while using his phone was banned from driving "
    "for 24 months."
)


def test_a_clause_stating_the_same_span_in_other_words_is_a_rewording() -> None:
    # "for 24 months" / "a two-year driving ban": the clauses share no word but their
    # figure, which relates them (netting), so neither is a new assertion.
    b = "A driver was given a two-year driving ban after he hit a bus shelter while on his phone."
    assert [c.text for c in compare(COURT.format(DRIVER), COURT.format(b)).claims] == []
    # Another span is still a changed figure.
    b = b.replace("two-year", "three-year")
    claims = compare(COURT.format(DRIVER), COURT.format(b)).claims
    assert [(c.side, c.text) for c in claims] == [(Side.A, "for 24 months"), (Side.B, "three-year")]


LETTERS_A = (
    "Harwick Savings said customers would receive a letter over the coming fortnight "
    "inviting them to arrange a free appraisal of their savings at a branch. Staff asking "
    "for documents will check every account within a week and book follow-up calls, the "
    "bank said."
)
LETTERS_B = (
    "Letters will go out to customers within a fortnight asking them to book a free check "
    "of their savings at a branch, Harwick Savings said. Staff asking for documents will "
    "check every account within a week and book follow-up calls, the bank said."
)


def test_a_clause_reworded_with_words_the_article_states_elsewhere_is_no_claim() -> None:
    # "receive … arrange a free appraisal" / "go out … book a free check": the rewrite's
    # words are all in the original's next sentence, so none is informative, yet they
    # replace the original's words; the original's clause was flagged as dropped whole.
    assert [c.text for c in compare(LETTERS_A, LETTERS_B).claims] == []
    # A clause added or dropped beside the rewording is still a claim, on either side.
    extra = ", where an adviser will explain the penalty charges"
    b = LETTERS_B.replace(" at a branch,", f" at a branch{extra},")
    claims = compare(LETTERS_A, b).claims
    assert [(c.side, c.text) for c in claims] == [(Side.B, extra[2:])]
    a = LETTERS_A.replace(" at a branch.", f" at a branch{extra}.")
    claims = compare(a, LETTERS_B).claims
    assert [(c.side, c.text) for c in claims] == [(Side.A, extra[2:])]


def test_an_added_relative_clause_is_one_claim_not_two_nested() -> None:
    # Netting claimed the clause up to "pensioners" (its "and carers" adds one word) and
    # the relative clause was claimed whole besides: two items for one detail.
    a = "Customers can arrange a free check of their savings at a branch, the bank said."
    detail = "which will open late on Thursdays for pensioners and carers"
    b = a.replace("at a branch,", f"at a branch, {detail},")
    assert [(c.side, c.text) for c in compare(a, b).claims] == [(Side.B, detail)]
    assert [(c.side, c.text) for c in compare(b, a).claims] == [(Side.A, detail)]


_PLATFORMS = (
    "Work has begun on the station, the council said on Monday. The old footbridge will be "
    "replaced with lifts. {last}"
)


@pytest.mark.parametrize(
    ("b_last", "figures"),
    [
        # The same number of another size: both sides' figures are claims.
        ("Eight-car trains will fit once 60ft is added to each end.", [("a", "60"), ("b", "60ft")]),
        # The same size in the same unit, or another unit: none.
        ("Eight-car trains will fit once 60m is added to each end.", []),
        ("Eight-car trains will fit once about 200ft is added to each end.", []),
    ],
)
def test_a_figure_of_a_measure_is_stated_by_that_size_not_by_its_number(
    b_last: str, figures: list[tuple[str, str]]
) -> None:
    a = _PLATFORMS.format(last="Both platforms will be extended by 60 metres.")
    c = compare(a, _PLATFORMS.format(last=b_last))
    found = [(x.side.value, x.text) for x in c.claims if x.category is ClaimCategory.NUMBER]
    assert [f for f in found if f[1] != "Eight"] == figures


def test_a_number_without_its_own_unit_there_is_no_other_size() -> None:
    # "30-50mm": the 30 has no unit of its own, so it says nothing against "30mm".
    a = "Flood warning issued.\n\nBetween 30mm and 50mm of rain is expected in the hills."
    b = "Flood warning issued.\n\nForecasters said 30-50mm could fall on the hills by Sunday."
    numbers = [x.text for x in compare(a, b).claims if x.category is ClaimCategory.NUMBER]
    assert numbers == []


def test_a_status_the_other_article_gives_elsewhere_was_moved() -> None:
    a = (
        "Farida Oyelaran has won the race to become mayor. Oyelaran, a former head teacher, "
        "campaigned on cheaper bus fares."
    )
    b = (
        "Former head teacher Farida Oyelaran has won the race to become mayor. She "
        "campaigned on cheaper bus fares."
    )
    assert [c.text for c in compare(a, b).claims] == []
    # A status the other article never gives her is still new.
    claims = compare(a.replace("a former head teacher", "a head teacher"), b).claims
    assert [(c.side, c.category, c.text) for c in claims] == [
        (Side.B, ClaimCategory.ROLE, "Former head teacher Farida Oyelaran")
    ]


def test_a_status_given_elsewhere_with_another_title_is_still_new() -> None:
    # The original calls someone else a former president; the rewrite calls Trump a
    # former leader, which the original never does: a role added (the sample's rewrites).
    a = (
        "Dmitriev praised Presidents Putin and Trump. He criticised former US President Joe "
        "Biden's approach."
    )
    b = (
        "Dmitriev praised President Vladimir Putin and former U.S. leader Donald Trump. He "
        "criticised former US President Joe Biden's approach."
    )
    claims = compare(a, b).claims
    assert (Side.B, ClaimCategory.ROLE, "former U.S. leader Donald Trump") in [
        (c.side, c.category, c.text) for c in claims
    ]


FIGURE_WORDS = st.sampled_from(
    ["a", "an", "one", "two", "three", "half", "third", "thirds", "quarter", "fifth", "of",
     "in", "million", "thousand", "year", "months", "week", "fortnight", "days", "hours",
     "minutes", "and", "nearly", "at least", "more than", "no fewer than", "as strong as",
     "80mph", "miles per hour", "1.8C", "3,000", "58-year-old", "former", "ex-", "one-time",
     "the late", "defending", "reigning", "CEO", "chief executive", "not", "no", "any",
     "unchanged", "unlawfully", "No. 31", "said the minister, Barnaby Quill,", "who",
     "some of them", "“", "”", ".", ",", "—", "(", ")", "4", "10", "2024", "should", "Holt"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(FIGURE_WORDS, min_size=1, max_size=30), st.lists(FIGURE_WORDS, max_size=30))
def test_figures_statuses_and_polarity_in_any_order_give_claims_on_their_text(
    a_words: list[str], b_words: list[str]
) -> None:
    # The readers of figures in other words, bounds, statuses and prefixed negations meet
    # any order of their words: no exception, and each claim is the text it points at.
    a = " ".join(a_words)
    b = " ".join(a_words[: len(a_words) // 2] + b_words)
    comparison = compare(a, b)
    for claim in comparison.claims:
        text = comparison.a.text if claim.side is Side.A else comparison.b.text
        assert text[claim.start : claim.end] == claim.text


def test_weekdays_in_the_plural_are_no_names() -> None:
    c = compare(
        "Flights will run on Mondays, Wednesdays and Fridays from May, the airline said.",
        "Flights will run from May, the airline said.",
    )
    assert [x.text for x in c.claims if x.category.value in ("name", "place", "person")] == []


@pytest.mark.parametrize(
    ("b", "names"),
    [
        # "Merriton-based" names Merriton: the place the other article gives.
        ("The Merriton-based company runs school services and may appeal.", []),
        ("Engineers at the Merriton-facing depot run school services and may appeal.", []),
        # Another place joined to "based" is still a new name.
        ("The Tollbury-based company runs school services and may appeal.", ["Tollbury-based"]),
    ],
)
def test_a_name_joined_to_a_lower_case_word_is_the_name(b: str, names: list[str]) -> None:
    c = compare("The firm, which runs school services around Merriton, may appeal.", b)
    named = (ClaimCategory.NAME, ClaimCategory.PLACE, ClaimCategory.PERSON)
    assert [x.text for x in c.claims if x.side is Side.B and x.category in named] == names


def test_a_span_said_per_week_is_a_rate_not_a_duration() -> None:
    c = compare("Staff work 40 hours a week.", "Staff work 50 hours a week.")
    assert {x.category for x in c.claims} == {ClaimCategory.NUMBER}


def test_an_acronym_of_a_thing_or_a_job_is_no_name() -> None:
    c = compare(
        "The appeal was shown on television on Monday.", "The appeal was shown on TV on Monday."
    )
    assert [x.text for x in c.claims] == []
    # An organisation's acronym is still a name.
    c = compare(
        "The appeal was shown on television on Monday.",
        "The appeal was shown by the BBC on Monday.",
    )
    assert "BBC" in [x.text for x in c.claims]


_MATCH_A = (
    "Huskies go top with win over Ospreys\n\nDuncliffe Huskies beat Stanmere Ospreys 4-2 on"
    " Saturday, with two goals from forward Tadhg Morrissey.\n"
)
_MATCH_B = (
    "{} double sends Huskies to the summit\n\nA two-goal burst from Tadhg Morrissey helped"
    " Duncliffe Huskies to a 4-2 victory over Stanmere Ospreys on Saturday.\n"
)


def test_a_headline_naming_another_of_the_storys_people_names_no_one_new() -> None:
    # Headlines pick whom of the story they name: the rewrite's names Morrissey, whom the
    # original names in its body, and drops the Ospreys, whom the rewrite's body names.
    assert list(compare(_MATCH_A, _MATCH_B.format("Morrissey")).claims) == []


def test_a_headline_naming_someone_the_other_article_never_names_is_a_claim() -> None:
    b = _MATCH_B.replace(
        "{} double sends Huskies to the summit", "Huskies go top as Kettunen scores"
    )
    claims = compare(_MATCH_A, b).claims
    assert [(c.side, c.text) for c in claims] == [(Side.B, "Kettunen")]


@pytest.mark.parametrize(
    ("a", "b", "dropped"),
    [
        (
            "The extract sharpened memory in mice, a study found on Monday.",
            "The extract sharpened memory, a study found on Monday.",
            "in mice",
        ),
        (
            "Operating profit, excluding one-off costs, rose 14% to £58.7 million.",
            "Operating profit rose 14% to £58.7 million.",
            "excluding one-off costs",
        ),
        (
            "Blood pressure fell among older women who sang in a choir every week.",
            "Blood pressure fell for those who sang in a choir every week.",
            "among older women",
        ),
        # A condition waived is as much a limit of the claim as one set.
        (
            "Shoppers can return the jars to the store for a refund, with or without a receipt.",
            "Shoppers can take the jars back to the shop for a refund.",
            "with or without a receipt",
        ),
        (
            "Every resident can join the scheme, regardless of age.",
            "Every resident can join the scheme.",
            "regardless of age",
        ),
    ],
)
def test_a_limit_of_a_claims_scope_dropped_is_a_detail(a: str, b: str, dropped: str) -> None:
    claims = compare(COURT.format(a), COURT.format(b)).claims
    assert [(c.side, c.text) for c in claims] == [(Side.A, dropped)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("In the meantime the road stays shut.", "The road stays shut."),
        ("The club has won four games in a row.", "The club has won four games."),
        ("He spoke in public on Monday.", "He spoke on Monday."),
        ("The pair were seen before escaping on a moped.", "The pair were seen on a moped."),
    ],
)
def test_a_phrase_that_limits_nothing_dropped_is_no_detail(a: str, b: str) -> None:
    assert list(compare(COURT.format(a), COURT.format(b)).claims) == []


_LIBRARY = "The library on Quay Street will close in March, the council said.\n"


@pytest.mark.parametrize(
    "filler",
    [
        "It remains to be seen whether the building will find a new use.",
        "It is unclear what the future holds for the staff.",
        "Only time will tell who comes out on top.",
        "Questions will now be asked about the safety of old libraries.",
    ],
)
def test_a_sentence_of_what_is_not_known_added_is_no_claim(filler: str) -> None:
    assert list(compare(_LIBRARY, _LIBRARY.rstrip() + " " + filler + "\n").claims) == []


def test_a_fact_new_in_a_sentence_of_what_is_not_known_is_still_a_claim() -> None:
    b = _LIBRARY.rstrip() + " It remains to be seen whether Kettering Council will buy it.\n"
    claims = compare(_LIBRARY, b).claims
    assert [(c.side, c.text) for c in claims] == [(Side.B, "Kettering Council")]


def test_a_headlines_words_in_capitals_are_no_name() -> None:
    body = "\n\nSingle fares will be capped at £2 from 1 March.\n"
    a = "Bus fares capped at £2 in Ostermere" + body
    b = "FARES FALL: £2 cap for Ostermere bus users" + body
    assert list(compare(a, b).claims) == []
    # An acronym in capitals is still a name ("NHS").
    b = "NHS STAFF: £2 cap for Ostermere bus users" + body
    assert [c.side for c in compare(a, b).claims if "NHS" in c.text] == [Side.B]


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("A member of the public reported seeing a moped near the shop.", []),
        ("A member of the council, Ada Lenz, saw it.", ["member of the council"]),
    ],
)
def test_a_member_of_the_public_has_no_role(text: str, roles: list[str]) -> None:
    facts = find_facts(text, 0, len(text), frozenset())
    assert [text[s:e] for c, s, e in facts if c is ClaimCategory.ROLE] == roles


@pytest.mark.parametrize(
    ("a", "b", "claims"),
    [
        # A year written out on one side, relative to the article's stamp on the other.
        ("sold between March and October this year", "sold from March to October 2026", 0),
        ("will open on Sunday 21 March 2027", "will open on 21 March next year", 0),
        ("will open on 21 March 2028", "will open on 21 March next year", 2),
    ],
)
def test_a_year_relative_to_the_articles_stamp_is_that_year(a: str, b: str, claims: int) -> None:
    stamp = "Published 10:00, 5 May 2026\n\nThe slow cookers, the firm said, {}.\n"
    assert len(compare(stamp.format(a), stamp.format(b)).claims) == claims


_STORES = (
    "Kettleby chain to shut {h} stores\n\n"
    "The Kettleby grocery chain will close {b} of its 310 stores by the spring, the company "
    "said. About 900 jobs are at risk.\n"
)


@pytest.mark.parametrize(
    ("rewrite", "kinds"),
    [
        # The lede's change, which the headline repeats: told once, in the body.
        ({"h": 46, "b": 46}, [SentenceKind.BODY, SentenceKind.BODY]),
        # A headline that changes what the body keeps: the headline's change.
        ({"h": 46, "b": 42}, [SentenceKind.HEADLINE, SentenceKind.HEADLINE]),
    ],
)
def test_a_headline_repeating_the_body_change_is_told_once(
    rewrite: dict[str, int], kinds: list[SentenceKind]
) -> None:
    c = compare(
        document_from_text(_STORES.format(h=42, b=42)),
        document_from_text(_STORES.format(**rewrite)),
    )
    docs = {Side.A: c.a, Side.B: c.b}
    assert [(x.side, x.text) for x in c.claims] == [(Side.A, "42"), (Side.B, "46")]
    assert [docs[x.side].sentences[x.sentence].kind for x in c.claims] == kinds


def _flagged_dates(a: str, b: str) -> list[tuple[str, str]]:
    """(side, text) of the date claims when the articles ``a`` and ``b`` are compared."""
    c = compare(document_from_text(a), document_from_text(b))
    return [(x.side.value, x.text) for x in c.claims if x.category is ClaimCategory.DATE]


_SAILINGS = (
    "Ferry sailings cut\n\nPublished 09:00, 21 May 2027\n\n"
    "The ferry company said sailings would be cut from {when}. Crews were told on Monday.\n"
)


@pytest.mark.parametrize(
    ("when", "dates"),
    [
        # The weekday given its date, which is that weekday in the stamp's year.
        ("Wednesday 19 May", []),
        ("Wednesday, the 19th of May", []),
        ("Wednesday, May 26, 2027", []),
        # A date that is another weekday: one of the two is wrong.
        ("Wednesday 20 May", [("b", "20 May")]),
        ("Wednesday, May 19, 2026", [("b", "May 19, 2026")]),
    ],
)
def test_a_weekday_given_its_date_is_the_same_day(when: str, dates: list[tuple[str, str]]) -> None:
    assert _flagged_dates(_SAILINGS.format(when="Wednesday"), _SAILINGS.format(when=when)) == dates


_OTTERS = (
    "Otter survey\n\nPublished 09:00, 3 June 2026\n\n"
    "The trust counted 64 otters this spring. {when}\n"
)


@pytest.mark.parametrize(
    ("a_when", "b_when", "flagged"),
    [
        # Years counted back from the stamp's year are that year.
        ("In 2021 it counted 41.", "Five years ago it counted 41.", []),
        ("In 2014 it counted 41.", "Twelve years earlier it counted 41.", []),
        # Another year is a changed date.
        ("In 2020 it counted 41.", "Five years ago it counted 41.",
         [("a", "2020"), ("b", "Five years ago")]),
    ],
)  # fmt: skip
def test_years_ago_name_the_year_they_count_back_to(
    a_when: str, b_when: str, flagged: list[tuple[str, str]]
) -> None:
    c = compare(
        document_from_text(_OTTERS.format(when=a_when)),
        document_from_text(_OTTERS.format(when=b_when)),
    )
    dated = (ClaimCategory.DATE, ClaimCategory.DURATION)
    assert [(x.side.value, x.text) for x in c.claims if x.category in dated] == flagged


_FEES = (
    "Pitch fees frozen\n\nPublished 09:35, 17 November 2026\n\n"
    "Councillors voted on Monday to freeze the pitch fees at £22 a day.\n"
)


@pytest.mark.parametrize(
    ("day", "dates"),
    [
        # 16 November 2026 is the Monday of both articles' week: one day, said two ways.
        ("16 November", []),
        # The day before, or the Monday a week earlier: another day.
        ("15 November", [("a", "on Monday"), ("b", "on 15 November")]),
        ("9 November", [("a", "on Monday"), ("b", "on 9 November")]),
    ],
)
def test_a_weekday_alone_is_the_date_of_its_week(day: str, dates: list[tuple[str, str]]) -> None:
    b = (
        "Market traders spared\n\nUpdated 13:05, 17 November 2026\n\n"
        f"At a meeting on {day}, town councillors agreed to keep the daily charge at £22.\n"
    )
    assert _flagged_dates(_FEES, b) == dates


_ADVICE = (
    "Holiday lets warning\n\nPublished 09:20, 18 May 2027\n\n"
    "Trading standards will hold an advice session at the library on {when}.\n"
)


@pytest.mark.parametrize(
    ("a_when", "b_when", "dates"),
    [
        # Both Thursdays, a week apart: the weekday there names its own date, not this one,
        # and "20" and "May" apart ("09:20, 18 May") state no 20 May.
        ("Thursday 27 May", "Thursday 20 May", [("a", "27 May"), ("b", "20 May")]),
        ("27 May", "20 May", [("a", "on 27 May"), ("b", "on 20 May")]),
        # A weekday alone names a day of its week: Thursday 20 May, in both stamps' week.
        ("Thursday", "Thursday 20 May", []),
        # The days of one month written together: each is stated.
        ("Thursday 20 May and Thursday 27 May", "20 and 27 May", []),
        ("20-27 May", "27 May", []),
        ("20 May, with another on the 27th", "20 May, with another on 27 May", []),
    ],
)
def test_a_day_of_a_month_is_stated_as_one(
    a_when: str, b_when: str, dates: list[tuple[str, str]]
) -> None:
    assert _flagged_dates(_ADVICE.format(when=a_when), _ADVICE.format(when=b_when)) == dates


@pytest.mark.parametrize(
    ("b_when", "dates"),
    [
        # The weekday adds nothing the date does not say, after any preposition.
        ("from 20 May until 27 May", []),
        # Another weekday for the date: one of the two is wrong.
        ("from Friday 20 May until 27 May", [("a", "from Thursday"), ("b", "from Friday")]),
    ],
)
def test_a_weekday_before_its_date_after_a_preposition_adds_nothing(
    b_when: str, dates: list[tuple[str, str]]
) -> None:
    a = _ADVICE.format(when="sessions").replace(
        "on sessions.", "from Thursday 20 May until 27 May."
    )
    b = _ADVICE.format(when="sessions").replace("on sessions.", f"{b_when}.")
    assert _flagged_dates(a, b) == dates


@pytest.mark.parametrize(
    ("a_when", "b_when", "dates"),
    [
        # A weekday given to each of days listed before their month.
        ("20 and 27 May", "Thursday 20 and Thursday 27 May", []),
        ("20, 21 and 22 May", "Thursday 20, Friday 21 and Saturday 22 May", []),
        ("20 to 22 May", "Thursday 20 to Saturday 22 May", []),
        # 20 May 2027 is a Thursday: the other weekday is wrong.
        ("Friday 20 May and Thursday 27 May", "Thursday 20 and Thursday 27 May",
         [("a", "on Friday"), ("a", "20 May")]),
    ],
)  # fmt: skip
def test_a_weekday_before_days_listed_before_their_month_adds_nothing(
    a_when: str, b_when: str, dates: list[tuple[str, str]]
) -> None:
    assert _flagged_dates(_ADVICE.format(when=a_when), _ADVICE.format(when=b_when)) == dates


_VISITORS = (
    "Hill visitors\n\nPublished 09:00, 3 March 2027\n\n"
    "The hills drew 2.3 million visitors {a}, about the same as {b}, the park said.\n"
)


@pytest.mark.parametrize(
    ("a", "b", "dates"),
    [
        # The year before a year named, written out or relative to the stamp's.
        (("last year", "the year before"), ("in 2026", "in 2025"), []),
        (("in 2026", "a year earlier"), ("in 2026", "in 2025"), []),
        (("last year", "the previous year"), ("last year", "2025"), []),
        # Another year is a changed date.
        (("last year", "the year before"), ("in 2026", "in 2024"), [("b", "in 2024")]),
    ],
)
def test_the_year_before_is_the_year_before_the_one_named(
    a: tuple[str, str], b: tuple[str, str], dates: list[tuple[str, str]]
) -> None:
    assert (
        _flagged_dates(_VISITORS.format(a=a[0], b=a[1]), _VISITORS.format(a=b[0], b=b[1])) == dates
    )


_MILL = "Mill hotel\n\nPublished 09:00, 3 March 2027\n\nThe old mill will open as a hotel {}.\n"


@pytest.mark.parametrize(
    ("a_when", "b_when", "dates"),
    [
        # A month in the season or the part of the year named.
        ("in May", "this spring", []),
        ("this summer", "in July", []),
        ("by January", "by the start of the year", []),
        ("between January and June", "in the first six months of the year", []),
        # A month outside it is another date.
        ("in June", "this spring", [("a", "in June"), ("b", "this spring")]),
        ("this summer", "in October", [("a", "this summer"), ("b", "in October")]),
        ("by April", "by the start of the year", [("a", "by April")]),
        # A season of another year covers no month of this one, nor the other way.
        ("last November", "next autumn", [("a", "November"), ("b", "next autumn")]),
    ],
)
def test_a_month_in_a_season_or_a_part_of_the_year_is_one_date(
    a_when: str, b_when: str, dates: list[tuple[str, str]]
) -> None:
    assert _flagged_dates(_MILL.format(a_when), _MILL.format(b_when)) == dates


@pytest.mark.parametrize(
    ("a", "b", "dates"),
    [
        # A month with "last year" after it is "last" and that month.
        ("It was the second outage since last November.",
         "There have been two outages since November last year.", []),
        ("The works will finish next March.", "The works will finish in March next year.", []),
        # Another month, or the other relative year, is another date.
        ("The works will finish next March.", "The works will finish in April next year.",
         [("a", "March"), ("b", "in April"), ("b", "next year")]),
        ("The works will finish next March.", "The works will finish in March last year.",
         [("b", "last year")]),
    ],
)  # fmt: skip
def test_a_month_last_year_is_last_that_month(a: str, b: str, dates: list[tuple[str, str]]) -> None:
    assert _flagged_dates(a, b) == dates


def test_may_the_verb_is_no_month_a_season_holds() -> None:
    a = "The mill will open as a hotel this spring."
    b = "The mill will open as a hotel soon, though it may be late."
    assert _flagged_dates(a, b) == [("a", "this spring")]


_DIRECTED = "The film was directed by {name}. {later} said the shoot took nine weeks.\n"


@pytest.mark.parametrize(
    ("a_name", "b_name", "later", "people"),
    [
        # The surname with another first name: another person, on both sides.
        ("Saffie Gummow", "Leontine Gummow", "Gummow",
         [("a", "Saffie Gummow"), ("b", "Leontine Gummow")]),
        # The surname alone, or with a title: the same person.
        ("Saffie Gummow", "Ms Gummow", "Gummow", []),
        ("Saffie Gummow", "Gummow", "Saffie Gummow", []),
        # The first name stated elsewhere: the same person too.
        ("Saffie Gummow", "Leontine Gummow", "Saffie", [("b", "Leontine Gummow")]),
    ],
)  # fmt: skip
def test_a_surname_with_another_first_name_is_another_person(
    a_name: str, b_name: str, later: str, people: list[tuple[str, str]]
) -> None:
    c = compare(
        _DIRECTED.format(name=a_name, later=later), _DIRECTED.format(name=b_name, later=later)
    )
    assert [(x.side.value, x.text) for x in c.claims] == people


_JUDGED = (
    "The film was directed by {first}. Its producer, {second}, said the shoot took nine weeks.\n"
)


@pytest.mark.parametrize(
    ("b_first", "people"),
    [
        # One person's first name and another's surname, run together: nobody the article
        # names, on both sides.
        ("Saffie Dunmore", [("a", "Saffie Gummow"), ("b", "Saffie Dunmore")]),
        # The person as the article names them, or their surname alone.
        ("Saffie Gummow", []),
        ("Ms Gummow", []),
        # A form of address before a surname is no first name.
        ("Professor Dunmore", [("a", "Saffie Gummow"), ("b", "Professor Dunmore")]),
    ],
)
def test_two_peoples_names_run_together_are_nobody_the_article_names(
    b_first: str, people: list[tuple[str, str]]
) -> None:
    a = _JUDGED.format(first="Saffie Gummow", second="Ansel Dunmore")
    b = _JUDGED.format(first=b_first, second="Ansel Dunmore")
    named = (ClaimCategory.PERSON, ClaimCategory.NAME)
    assert [(x.side.value, x.text) for x in compare(a, b).claims if x.category in named] == people


@pytest.mark.parametrize(
    ("a", "b", "dates"),
    [
        # A holiday, fixed or movable, is a time of the year: a date, never a name.
        ("Sales fell before Christmas, the chain said.",
         "Sales fell in the summer, the chain said.",
         [("a", "before Christmas"), ("b", "in the summer")]),
        ("Christmas sales fell, the chain said.", "Festive sales fell, the chain said.", []),
        ("Sales fell, the chain said.", "Sales fell over Easter, the chain said.",
         [("b", "Easter")]),
        ("Sales fell over Ramadan, the chain said.", "Sales fell over Ramadan, the chain said.",
         []),
    ],
)  # fmt: skip
def test_a_holiday_is_a_date_not_a_name(a: str, b: str, dates: list[tuple[str, str]]) -> None:
    c = compare(a, b)
    assert [(x.side.value, x.text) for x in c.claims if x.category is ClaimCategory.DATE] == dates
    assert not [x for x in c.claims if x.category is not ClaimCategory.DATE]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A capital inside a word opens no name: a unit, a brand.
        ("Drivers will pay 79p per kWh at a 7kW charger.", []),
        ("The phones were sold on eBay. The W H Smith shop closed.", ["W H Smith"]),
        # A unit of power after a number is none either.
        ("The 40 MW farm will store 3 GWh, Halden Energy said.", ["Halden Energy"]),
    ],
)
def test_a_capital_inside_a_word_or_a_unit_of_power_is_no_name(text: str, names: list[str]) -> None:
    from diffreader.engine.claims import find_facts

    named = (ClaimCategory.NAME, ClaimCategory.PERSON, ClaimCategory.PLACE,
             ClaimCategory.ORGANISATION)  # fmt: skip
    found = [text[f.start : f.end] for f in find_facts(text, 0, len(text), frozenset())]
    kinds = [f.category for f in find_facts(text, 0, len(text), frozenset())]
    assert [t for t, k in zip(found, kinds, strict=True) if k in named] == names


@pytest.mark.parametrize(
    ("a", "b", "names"),
    [
        # A common word last, named by a word of no dictionary that the other lacks.
        ("She studied at the Morlaston School of Art.",
         "She studied at the Pennicott School of Art.",
         [("a", "Morlaston School of Art"), ("b", "Pennicott School of Art")]),
        ("The ombudsman criticised Kestlow Housing.", "The ombudsman criticised Brackwell Housing.",
         [("a", "Kestlow Housing"), ("b", "Brackwell Housing")]),
        # The same name, or a description before it.
        ("She studied at the Morlaston School of Art.", "She studied at Morlaston School of Art.",
         []),
        # A person whose surname is a common word, with a title or a description before.
        ("Striker Leon Marsh scored twice.", "Leon Marsh scored twice.", []),
        ("Superintendent Ada Bell agreed.", "Supt Ada Bell agreed.", []),
    ],
)  # fmt: skip
def test_a_name_of_a_common_word_is_told_by_its_proper_words(
    a: str, b: str, names: list[tuple[str, str]]
) -> None:
    named = (ClaimCategory.NAME, ClaimCategory.PERSON, ClaimCategory.PLACE,
             ClaimCategory.ORGANISATION)  # fmt: skip
    assert [(x.side.value, x.text) for x in compare(a, b).claims if x.category in named] == names


def test_the_words_of_a_span_of_time_are_the_span_checks_not_a_clause_of_their_own() -> None:
    # "four years ago" is the year the original names ("in 2026" in a 2030 article): its
    # words do not make the clause an added claim; the new name is still flagged.
    a = (
        "Published 09:00, 3 June 2030\n\nThe prison, built in 1964, was last inspected in "
        "2026. It holds 400 men.\n"
    )
    b = (
        "Posted 10:00, 3 June 2030\n\nBuilt in 1964, Hallowfen was last inspected four "
        "years ago. It holds 400 men.\n"
    )
    found = {(c.category.value, c.text) for c in compare(a, b).claims}
    assert found == {("name", "Hallowfen")}


def test_the_whole_of_a_ratio_is_no_span_of_time() -> None:
    # "one in twenty rounds" is a share of the rounds; "in six years" beside it is a span.
    from diffreader.engine.claims import spans_of_time

    text = "One in twenty rounds was covered, 1 in 10 years was dry; it took in six years."
    assert [text[s:e] for s, e, _ in spans_of_time(text)] == ["in six years"]
