"""The table of fact detectors and the lexicon: each detector has its own examples, the
table is well formed, overlaps go to the higher priority, and every word list is clean."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffreader.engine import Side, compare, lexicon, load_document
from diffreader.engine.claims import (
    DETECTORS,
    Detector,
    Fact,
    Stretch,
    find_facts,
    resolve_overlaps,
)
from diffreader.engine.lexicon import title_length
from diffreader.engine.model import ClaimCategory
from diffreader.engine.substitutions import SUBSTITUTIONS

# One entry per detector: sentences (general news language) with the fact it must find
# and its category, and sentences where it must find nothing.
POSITIVE: dict[str, list[tuple[str, str, ClaimCategory]]] = {
    "duration": [
        ("The strike lasted nearly three weeks.", "nearly three weeks", ClaimCategory.DURATION),
        ("Talks ran for 18 months before the deal.", "for 18 months", ClaimCategory.DURATION),
        ("The audit went on for several days.", "for several days", ClaimCategory.DURATION),
        ("谈判持续了两年半。", "两年半", ClaimCategory.DURATION),
        ("改修には3か月かかる。", "3か月", ClaimCategory.DURATION),
    ],
    "date": [
        ("The vote is set for March 12, 2025.", "March 12, 2025", ClaimCategory.DATE),
        ("Ministers met on Thursday.", "on Thursday", ClaimCategory.DATE),
        ("Prices rose sharply last month.", "last month", ClaimCategory.DATE),
        ("大会は十一月三十日に開かれる。", "十一月三十日", ClaimCategory.DATE),
        ("新馆将于下月开放。", "下月", ClaimCategory.DATE),
    ],
    "number": [
        ("Turnout fell to 41 per cent.", "41 per cent", ClaimCategory.NUMBER),
        ("The firm cut twelve jobs.", "twelve", ClaimCategory.NUMBER),
        ("The package is worth €3bn.", "€3bn", ClaimCategory.NUMBER),
        ("产量是去年的二倍。", "二倍", ClaimCategory.NUMBER),
        ("費用は約2.5億円に上る。", "2.5億円", ClaimCategory.NUMBER),
    ],
    "role": [
        (
            "Mira Holt, director of the city museum, resigned.",
            "director of the city museum",
            ClaimCategory.ROLE,
        ),
        (
            "A spokeswoman for the rail operator said the timetable would change.",
            "spokeswoman for the rail operator",
            ClaimCategory.ROLE,
        ),
    ],
    "name": [
        ("Voters in Portugal went to the polls.", "Portugal", ClaimCategory.PLACE),
        ("The report by Anna Kowalski was published.", "Anna Kowalski", ClaimCategory.PERSON),
        ("Shares in Northwind Airways fell.", "Northwind Airways", ClaimCategory.ORGANISATION),
        (
            "Deputy Health Minister Karin Olsen announced a new hospital budget.",
            "Karin Olsen",
            ClaimCategory.PERSON,
        ),
        ("The inquiry led by Judge Amos ends in May.", "Amos", ClaimCategory.PERSON),
    ],
}
NEGATIVE: dict[str, list[str]] = {
    "duration": [
        "Years later, the mill closed.",
        "The week ahead looks calm.",
        "今年上半年的数据公布了。",
    ],
    "date": ["Officials may decide soon.", "The march began at noon.", "三个月的调查结束了。"],
    "number": [
        "One of the managers resigned.",
        "A second witness came forward.",
        "这一点十分重要。",
    ],
    "role": ["The director resigned.", "Heads of state met in the capital."],
    "name": [
        "The committee met again.",
        "Meanwhile, prices rose.",
        "French officials disagreed.",
        "The start-up raised US$12m from investors.",
    ],
}


def _found(detector: Detector, text: str) -> list[tuple[str, ClaimCategory]]:
    at = Stretch.of(text, 0, len(text), frozenset())
    return [(text[f.start : f.end], f.category) for f in detector.find(at)]


@pytest.mark.parametrize("detector", DETECTORS, ids=lambda d: d.name)
def test_every_detector_has_examples(detector: Detector) -> None:
    assert POSITIVE.get(detector.name) and NEGATIVE.get(detector.name)


@pytest.mark.parametrize(
    ("detector", "text", "fact", "category"),
    [(d, *example) for d in DETECTORS for example in POSITIVE.get(d.name, [])],
    ids=lambda v: v.name if isinstance(v, Detector) else None,
)
def test_detector_finds_its_example(
    detector: Detector, text: str, fact: str, category: ClaimCategory
) -> None:
    assert category in detector.categories
    assert (fact, category) in _found(detector, text)
    # The table as a whole keeps it too.
    kept = [
        (text[f.start : f.end], f.category) for f in find_facts(text, 0, len(text), frozenset())
    ]
    assert (fact, category) in kept


@pytest.mark.parametrize(
    ("detector", "text"),
    [(d, text) for d in DETECTORS for text in NEGATIVE.get(d.name, [])],
    ids=lambda v: v.name if isinstance(v, Detector) else None,
)
def test_detector_finds_nothing_in_its_counterexample(detector: Detector, text: str) -> None:
    assert _found(detector, text) == []


def test_the_table_is_well_formed() -> None:
    names = [d.name for d in DETECTORS]
    priorities = [d.priority for d in DETECTORS]
    categories = [c for d in DETECTORS for c in d.categories]
    assert len(set(names)) == len(names)
    assert len(set(priorities)) == len(priorities)
    assert len(set(categories)) == len(categories), "each category has one detector"
    # Every category but the holders (quotations, assertions) has its detector.
    holders = {ClaimCategory.QUOTATION, ClaimCategory.ASSERTION}
    # The categories only the substitution layer finds (substitutions.py) have no detector.
    only_substituted = {c for s in SUBSTITUTIONS for c in s.categories} - set(categories)
    assert set(categories) == set(ClaimCategory) - holders - only_substituted


def test_priorities_follow_the_documented_order() -> None:
    rank = {d.name: d.priority for d in DETECTORS}
    assert rank["duration"] > rank["date"] > rank["number"] > rank["role"] > rank["name"]


def test_a_duration_wins_over_its_number_and_a_date_over_its_names() -> None:
    text = "Repairs will take two years, starting on Monday, May 4, 2026."
    kept = [
        (text[f.start : f.end], f.category) for f in find_facts(text, 0, len(text), frozenset())
    ]
    assert ("two years", ClaimCategory.DURATION) in kept
    assert not [t for t, c in kept if c is ClaimCategory.NUMBER and t == "two"]
    assert ("on Monday", ClaimCategory.DATE) in kept
    assert not [t for t, c in kept if c is not ClaimCategory.DATE and "Monday" in t]


CANDIDATES = st.lists(
    st.tuples(
        st.sampled_from([d.priority for d in DETECTORS]),
        st.integers(0, 40),
        st.integers(1, 12),
    ),
    max_size=25,
)


def _overlap(a: Fact, b: Fact) -> bool:
    return a.start < b.end and b.start < a.end


def _by_detector(found: list[tuple[int, Fact]]) -> list[tuple[int, list[Fact]]]:
    """Candidates as the detectors hand them over: per priority, in text order."""
    groups: dict[int, list[Fact]] = {}
    for priority, fact in found:
        groups.setdefault(priority, []).append(fact)
    return [(p, sorted(facts, key=lambda f: f.start)) for p, facts in groups.items()]


@settings(max_examples=300)
@given(CANDIDATES)
def test_resolved_spans_never_overlap_and_only_lose_to_a_higher_rank(
    raw: list[tuple[int, int, int]],
) -> None:
    found = [(p, Fact(ClaimCategory.NAME, s, s + n)) for p, s, n in raw]
    kept = resolve_overlaps(_by_detector(found), 0, 60)
    assert [f.start for f in kept] == sorted(f.start for f in kept)
    for i, a in enumerate(kept):
        assert not any(_overlap(a, b) for b in kept[i + 1 :])
    kept_ids = {id(f) for f in kept}
    rank_of = {id(f): (-p, f.start) for p, f in found}
    for _, fact in found:
        if id(fact) in kept_ids:
            continue
        # Lost: to a kept fact that overlaps it and outranks it.
        assert any(_overlap(fact, k) and rank_of[id(k)] <= rank_of[id(fact)] for k in kept)


@given(st.integers(0, 20), st.integers(1, 10), st.integers(0, 20), st.integers(1, 10))
def test_of_two_overlapping_spans_the_higher_priority_wins(
    s1: int, n1: int, s2: int, n2: int
) -> None:
    high, low = Fact(ClaimCategory.DATE, s1, s1 + n1), Fact(ClaimCategory.NAME, s2, s2 + n2)
    kept = resolve_overlaps([(10, [low]), (40, [high])], 0, 40)
    if _overlap(high, low):
        assert kept == [high]
    else:
        assert sorted(kept, key=id) == sorted([high, low], key=id)


@settings(max_examples=200)
@given(
    st.lists(
        st.sampled_from(
            [
                "Mayor Lind",
                "head of the fund",
                "two years",
                "May 5, 2024",
                "in Oslo",
                "60 per cent",
                "on Monday",
                "said",
                "the",
                ",",
            ]
        ),
        max_size=10,
    ).map(" ".join)
)
def test_find_facts_keeps_each_detector_category_and_never_overlaps(text: str) -> None:
    facts = find_facts(text, 0, len(text), frozenset())
    categories = {c for d in DETECTORS for c in d.categories}
    assert all(f.category in categories for f in facts)
    for a, b in itertools.pairwise(facts):
        assert a.end <= b.start


@pytest.mark.parametrize("rewrite", ["01", "02", "03"])
def test_fact_claims_of_one_side_never_overlap(demo: Path, rewrite: str) -> None:
    """In a whole comparison, the facts claimed on one side keep apart too."""
    original = load_document(demo / "00_original.txt")
    c = compare(original, load_document(next(demo.glob(f"{rewrite}_*.txt"))))
    holders = {ClaimCategory.QUOTATION, ClaimCategory.ASSERTION}
    for side in (Side.A, Side.B):
        facts = sorted(
            (x for x in c.claims if x.side is side and x.category not in holders),
            key=lambda x: x.start,
        )
        assert facts
        for a, b in itertools.pairwise(facts):
            assert a.end <= b.start, (a.text, b.text)


# ---------------------------------------------------------------------------
# The lexicon

WORD_LISTS = {
    name: value
    for name in lexicon.__all__
    if isinstance(value := getattr(lexicon, name), frozenset | Mapping)
}


@pytest.mark.parametrize("name", sorted(WORD_LISTS))
def test_a_word_list_is_non_empty_and_normalised(name: str) -> None:
    words = WORD_LISTS[name]
    assert words
    for word in words:
        assert isinstance(word, str)
        assert word == " ".join(word.lower().split()), f"{name}: {word!r}"
    if isinstance(words, Mapping):
        for value in words.values():
            assert not isinstance(value, str) or value == value.lower()
            if isinstance(value, tuple):
                assert all(
                    not isinstance(v, str) or v == " ".join(v.lower().split()) for v in value
                )


def test_the_lexicon_exports_every_list() -> None:
    public = {n for n in dir(lexicon) if n.isupper() and not n.startswith("_")}
    assert public <= set(lexicon.__all__)
    assert len(WORD_LISTS) >= 25


def test_word_lists_that_share_a_pattern_do_not_overlap() -> None:
    # The parts of a title are told apart by list: a word is one kind of title word.
    assert not lexicon.HONORIFICS & lexicon.TITLES
    assert not lexicon.HONORIFICS & lexicon.TITLE_MODIFIERS
    assert not lexicon.TITLES & lexicon.TITLE_MODIFIERS
    # The words of a date are told apart from each other.
    date_lists = [lexicon.MONTHS, lexicon.WEEKDAYS, lexicon.SEASONS, lexicon.CALENDAR_PERIODS]
    for i, first in enumerate(date_lists):
        for second in date_lists[i + 1 :]:
            assert not first & second
    assert lexicon.NUMBER_WORDS.keys() >= lexicon.NUMBERS_NEVER_ALONE
    assert lexicon.NUMBER_WORDS.keys() >= lexicon.WEAK_NUMBER_WORDS
    assert set(lexicon.PLACE_EQUIVALENTS) <= lexicon.PLACES | {
        "kremlin",
        "british",
        "american",
        "russian",
        "ukrainian",
        "soviet",
    }


def test_titles_hold_no_words_chosen_for_the_demo() -> None:
    title_words = lexicon.HONORIFICS | lexicon.TITLES | lexicon.TITLE_MODIFIERS
    for word in ("harbour", "harbor", "fisherman", "local"):
        assert word not in title_words


def _flat(words: set[str]) -> str:
    """The plain alternation ``alternation`` stands for: longest words first."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@settings(max_examples=300)
@given(
    st.sets(st.text("abn -", min_size=1, max_size=4), min_size=1, max_size=8),
    st.text("abn -x", max_size=30),
)
def test_alternation_matches_as_the_plain_longest_first_alternation(
    words: set[str], text: str
) -> None:
    trie, flat = lexicon.alternation(words), _flat(words)
    for shape in ("(?:{})", r"\b(?:{})\b", r"(?:{})(?:\s+x|$)", r"(?:{})x?"):
        found = [m.span() for m in re.finditer(shape.format(trie), text)]
        assert found == [m.span() for m in re.finditer(shape.format(flat), text)]


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("Harbour Master Ines Lind", "Harbour Master"),
        ("Chief Financial Officer Tom Reyes", "Chief Financial Officer"),
        ("Former Deputy Prime Minister Ana Costa", "Former Deputy Prime Minister"),
        ("Dr. Amos", "Dr."),
        ("Mayor", ""),
        ("Bank of England Governor Andrew Bailey", ""),
        ("Northwind Airways", ""),
    ],
)
def test_title_length(name: str, title: str) -> None:
    words = name.split()
    assert " ".join(words[: title_length(words)]) == title
