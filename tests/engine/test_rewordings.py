"""Sentences said in other words: the related-word table, its look-ups, and the aligner's
last pass that pairs unmatched sentences by them (``rewordings.py``)."""

from __future__ import annotations

import gzip
import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffreader.engine.compare import compare
from diffreader.engine.model import ClaimCategory, ClaimKind, Comparison, Status
from diffreader.engine.rewordings import (
    MAX_GAP,
    MIN_COVERAGE,
    MIN_SANDWICHED,
    _Words,
    coverage,
    pair_rewordings,
)
from diffreader.engine.synonyms import NO_SENSES, phrase_senses, related, senses

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "diffreader" / "engine" / "data"


# --- the table ---------------------------------------------------------------------------------


def _news_groups() -> list[list[str]]:
    lines = (DATA / "synonyms-news.tsv").read_text("utf-8").splitlines()
    groups = []
    for line in lines:
        if line.startswith("#"):
            continue
        words, note = line.split("\t")
        assert note.strip(), line
        groups.append([w.strip() for w in words.split(",")])
    return groups


def test_news_groups_are_well_formed_and_hold_no_opposites() -> None:
    from diffreader.engine import antonyms

    groups = _news_groups()
    assert len(groups) >= 100
    for group in groups:
        assert len(group) >= 2 and len(set(group)) == len(group), group
        for word in group:
            assert 1 <= len(word.split()) <= 2 and word.replace(" ", "").isalpha(), word
        singles = [w for w in group if " " not in w]
        for i, x in enumerate(singles):
            for y in singles[i + 1 :]:
                assert not antonyms.are_opposites(x, y), (x, y)


@pytest.mark.parametrize(
    ("x", "y"),
    [
        ("company", "firms"),
        ("bills", "costs"),
        ("blamed", "cited"),
        ("began", "launched"),
        ("vehicle", "cars"),
        ("detained", "arrested"),
    ],
)
def test_news_synonyms_are_related(x: str, y: str) -> None:
    assert related(x, y) and related(y, x)


def test_news_synonyms_leave_unrelated_words_apart() -> None:
    assert not related("company", "comment")
    assert not related("killed", "died")
    # A group's words relate to one another, not to another group's through a shared word.
    assert not related("cancel", "tumble")  # "drop" is in both groups


def test_a_sentence_said_with_news_synonyms_is_a_rewording() -> None:
    c = compare(
        "Halvard Foods said profits rose. Neither company would comment. Shares closed 3% up.",
        "Halvard Foods said profits rose. Both firms declined to comment. Shares closed 3% up.",
    )
    assert [(p.a, p.b, p.status) for p in c.pairs][1] == ((1,), (1,), Status.REWORDED)
    assert c.claims == ()


def test_table_format_and_licence() -> None:
    lines = gzip.decompress((DATA / "synonyms.tsv.gz").read_bytes()).decode("utf-8").splitlines()
    rows = [line.split("\t") for line in lines]
    assert 10_000 < len(rows) < 60_000
    words = [row[0] for row in rows]
    assert words == sorted(words) and len(set(words)) == len(words)
    for word, parts, own, near in rows:
        assert 1 <= word.count(" ") + 1 <= 2 and word.replace(" ", "").isalpha()
        assert parts and set(parts) <= set("anrv")
        assert own.split() and all(i.isdigit() for i in own.split() + near.split())
        assert set(own.split()).isdisjoint(near.split()), word
    readme = (DATA / "README.md").read_text("utf-8")
    assert "build_synonyms.py" in readme and "synonyms.tsv.gz" in readme


def test_the_build_script_writes_the_same_bytes(tmp_path: Path) -> None:
    # The build reads WordNet's sources; without them (no network here), check only what
    # it makes of a tiny hand-written stand-in: rules 1-4 on three synsets.
    spec = importlib.util.spec_from_file_location(
        "build_synonyms", ROOT / "scripts" / "build_synonyms.py"
    )
    assert spec is not None and spec.loader is not None
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    data = [
        "00000001 22 n 02 fire 0 flame 0 000 | burning",
        "00000002 22 n 01 blaze 0 001 @ 00000001 n 0000 | a strong flame",
        "00000003 22 n 01 abaxial 0 000 | never used",
        "00000004 30 v 02 fall_in 0 collapse 0 000 | cave in",
    ]
    senses_text = [
        "fire%1:22:00:: 00000001 3 7",
        "flame%1:22:00:: 00000001 1 15",
        "blaze%1:22:00:: 00000002 1 4",
        "abaxial%1:22:00:: 00000003 2 0",
        "fall_in%2:30:00:: 00000004 1 1",
        "collapse%2:30:00:: 00000004 1 3",
    ]
    parsers = sys.modules["build_antonyms"]  # the antonym build's parsers, reused
    synsets = list(parsers.parse_data(data))
    table = module.with_inflections(
        module.related_words(synsets, parsers.parse_senses(senses_text)),
        [("fell", "fall"), ("fell", "fell"), ("collapsed", "collapse")],
    )
    assert "abaxial" not in table  # rule 1: a synset no one used, and not the word's first sense
    parts, own, near = table["blaze"]
    assert parts == {"n"} and own == {1} and near == {0}  # rule 3: a blaze is a fire
    assert table["fire"][1] == {0} and table["fall in"][1] == {2}
    assert "fell" not in table  # "fall" is no table word here: no form for it
    assert table["collapsed"][1] == table["collapse"][1]  # rule 4
    text = module.format_table(table)
    assert text == module.format_table(dict(reversed(list(table.items()))))  # deterministic


# --- look-ups ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("hurt", "injured"),  # a shared sense, through the regular base "injure"
        ("blaze", "fire"),  # a direct hypernym
        ("seemed", "appears"),
        ("Complaint", "complained"),  # derivationally related, any case
        ("began", "started"),
    ],
)
def test_related_words(a: str, b: str) -> None:
    assert related(a, b) and related(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [("mayor", "teacher"), ("bridge", "qwxz"), ("2024", "2025"), ("", "fire"), ("fire", "fire!")],
)
def test_unrelated_words(a: str, b: str) -> None:
    assert not related(a, b)


def test_two_word_lemmas_inflected_or_irregular() -> None:
    assert phrase_senses("caved", "in") == senses("cave in") != NO_SENSES
    assert phrase_senses("fell", "in") != NO_SENSES
    assert not phrase_senses("fell", "in").own.isdisjoint(senses("collapsed").own)
    assert phrase_senses("the", "bridge") == NO_SENSES
    assert phrase_senses("4", "in") == NO_SENSES


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=12), st.text(max_size=12))
def test_look_ups_take_any_string(a: str, b: str) -> None:
    assert related(a, b) == related(b, a)
    assert isinstance(phrase_senses(a, b), type(NO_SENSES))


# --- the pass ----------------------------------------------------------------------------------

CRASH_A = (
    "A van and a bus collided on the Fenwick bypass on Tuesday morning. "
    "Nobody was injured, but the road was shut until noon. "
    "Police have asked witnesses to come forward."
)
CRASH_B = (
    "A van and a bus collided on the Fenwick bypass on Tuesday morning. "
    "No one was hurt, though the route stayed closed until midday. "
    "Police have asked witnesses to come forward."
)


def _statuses(c: Comparison) -> list[tuple[tuple[int, ...], tuple[int, ...], str]]:
    return [(p.a, p.b, p.status.value) for p in c.pairs]


def test_a_sentence_in_other_words_is_a_rewording_not_two_claims() -> None:
    c = compare(CRASH_A, CRASH_B)
    assert _statuses(c) == [
        ((0,), (0,), "same"),
        ((1,), (1,), "reworded"),
        ((2,), (2,), "same"),
    ]
    assert not c.claims


def test_a_rewording_is_paired_below_a_headline() -> None:
    # The titles are paired apart from the body: the pass once counted them among the
    # matched body sentences and, with one sentence left on each side, never ran.
    title = "Bus and van collide on bypass\n\n"
    c = compare(title + CRASH_A, title + CRASH_B)
    assert ((2,), (2,), "reworded") in _statuses(c)
    assert not c.claims


def test_an_unrelated_sentence_in_the_same_place_is_still_dropped_and_added() -> None:
    b = CRASH_B.replace(
        "No one was hurt, though the route stayed closed until midday.",
        "The driver of the van was later charged with speeding.",
    )
    c = compare(CRASH_A, b)
    assert ((1,), (), "dropped") in _statuses(c) and ((), (1,), "added") in _statuses(c)
    assert {(x.kind, x.category) for x in c.claims} >= {
        (ClaimKind.DROPPED, ClaimCategory.ASSERTION),
        (ClaimKind.ADDED, ClaimCategory.ASSERTION),
    }


def test_a_changed_fact_inside_a_rewording_is_still_a_claim() -> None:
    a = CRASH_A.replace("until noon", "for 3 hours")
    b = CRASH_B.replace("until midday", "for 5 hours")
    c = compare(a, b)
    assert ((1,), (1,), "reworded") in _statuses(c)
    assert [(x.kind, x.category, x.text) for x in c.claims] == [
        (ClaimKind.DROPPED, ClaimCategory.DURATION, "for 3 hours"),
        (ClaimKind.ADDED, ClaimCategory.DURATION, "for 5 hours"),
    ]


def test_sentences_apart_in_the_story_are_not_paired() -> None:
    # The rewording sits after the last matched sentence in B, but before the first in A:
    # no gap holds both, so they stay a dropped and an added sentence.
    first = "A van and a bus collided on the Fenwick bypass on Tuesday morning."
    last = "Police have asked witnesses to come forward."
    a = f"Nobody was injured, but the road was shut until noon. {first} {last}"
    b = f"{first} {last} No one was hurt, though the route stayed closed until midday."
    c = compare(a, b)
    assert ((0,), (), "dropped") in _statuses(c) and ((), (2,), "added") in _statuses(c)


def test_a_wide_gap_is_passed_over() -> None:
    fillers = [f"Item {n} of the agenda was deferred to the {n}th meeting." for n in range(9)]
    new_b = [f"Councillor {n} voted for the motion in the {n}th session." for n in range(9)]
    a = " ".join(["Nobody was injured, but the road was shut until noon.", *fillers])
    b = " ".join([*new_b, "No one was hurt, though the route stayed closed until midday."])
    head = "A van and a bus collided on the Fenwick bypass on Tuesday morning."
    c = compare(f"{head} {a}", f"{head} {b}")
    assert not [p for p in c.pairs if p.status is Status.REWORDED and 1 in p.a]


def test_coverage_needs_wordnet_and_half_the_words() -> None:
    assert coverage(CRASH_A.split(". ")[1], CRASH_B.split(". ")[1]) >= MIN_COVERAGE
    # Shared stems alone are the aligner's to judge.
    assert coverage("The road was shut.", "The road was open.") == 0.0
    assert coverage("", "No one was hurt.") == 0.0
    assert coverage("Nobody was hurt.", "Rain is forecast for the coast on Friday.") < MIN_COVERAGE


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The dig is expected to take about 18 months.", "The dig should last a year and a half."),
        ("Hail fell for around 15 minutes.", "Hail fell for roughly a quarter of an hour."),
        ("The bell was silent for 80 years.", "The bell was silent for eight decades."),
    ],
)
def test_a_span_of_time_in_other_words_is_evidence_of_a_rewording(a: str, b: str) -> None:
    # The same value in other words counts as WordNet's evidence does, its words as one
    # content word with a counterpart.
    assert coverage(a, b) >= MIN_COVERAGE
    assert coverage(b, a) == coverage(a, b)


def test_a_span_of_time_said_alike_or_changed_is_no_evidence() -> None:
    # Said in the same words, it is a shared stem: the aligner's to judge.
    assert coverage("The bell was silent for 80 years.", "The bell was quiet for 80 years.") == (
        coverage("The bell was silent for ten years.", "The bell was quiet for ten years.")
    )
    # Another value is no counterpart.
    assert coverage("The dig will take 18 months.", "The dig will take two years.") == 0.0
    assert coverage("The dig will take 18 months.", "The dig will take a year and a half.") > 0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Membership grew 12% to £4.8 million.", "Membership grew 12 per cent to £4.8m."),
        ("Fares rose by 7 percent.", "Fares rose by 7%."),
        ("The prize is worth 25,000 euros.", "The prize is worth €25,000."),
    ],
)
def test_a_figure_in_other_words_is_evidence_of_a_rewording(a: str, b: str) -> None:
    # As a span of time is: the same value, written another way.
    assert coverage(a, b) == 1.0
    assert coverage(b, a) == coverage(a, b)


def test_a_figure_said_alike_is_no_evidence_and_its_forms_are_one_value() -> None:
    assert coverage("Fares rose by 7%.", "Fares rose by 7%.") == 0.0
    assert coverage("About 3,200 pupils sat the test.", "About 3,200 pupils sat the test.") == 0.0
    # "3,200" and "3200" are one figure, "58%" and "58 per cent" one percentage, "£4m" and
    # "£4 million" one sum; a percentage is not the plain number.
    assert _Words("3,200 pupils").stems == _Words("3200 pupils").stems
    assert _Words("58% voted").stems == _Words("58 per cent voted").stems
    assert _Words("£4m spent").stems == _Words("£4 million spent").stems
    assert _Words("58% voted").stems != _Words("58 voted").stems


def test_a_time_of_day_in_another_form_is_one_value() -> None:
    # "1.40am" and "01:40", "6am" and "06:00": one time each, written another way.
    a = "The first call came at 1.40am, and the last people were out shortly after 6am."
    b = "The operation began with a call at 01:40 and ended soon after 06:00."
    assert (
        {k for k in _Words(a).stems if k.startswith("\x00")}
        == {k for k in _Words(b).stems if k.startswith("\x00")}
        == {"\x0001:40", "\x0006:00"}
    )
    # So the one sentence left on each side between the same neighbours is one sentence
    # reworded (a time changed inside it is the claims' to report).
    assert [(x, y) for x, y, _ in pair_rewordings({4: a}, {4: b}, [(4, [4])])] == [(4, 4)]


def test_a_reworded_sentence_whose_figures_are_written_otherwise_is_paired() -> None:
    a = {4: "Turnout was 61 per cent of the 8,500 people on the roll.", 5: "It rained."}
    b = {4: "Of some 8,500 people on the roll, 61% cast a vote."}
    assert [(x, y) for x, y, _ in pair_rewordings(a, b, [(4, [4, 5])])] == [(4, 4)]


SCOOTERS_A = "Electric scooters made up 31% of rentals, up from 22% in the spring."
SCOOTERS_B = "E-scooters accounted for 31 per cent of hires, against 22 per cent before."


def test_the_one_sentence_left_each_side_with_a_figure_of_the_same_value_is_paired() -> None:
    # Fewer than half their words match, but each is the only sentence left between the
    # same two matched neighbours and both state 31% and 22%.
    assert MIN_SANDWICHED <= coverage(SCOOTERS_A, SCOOTERS_B) < MIN_COVERAGE
    assert [
        (a, b) for a, b, _ in pair_rewordings({2: SCOOTERS_A}, {2: SCOOTERS_B}, [(2, [2])])
    ] == [(2, 2)]
    # Another sentence in the gap, or other values, and the words alone must be enough.
    two = {2: SCOOTERS_A, 3: "It rained."}
    assert pair_rewordings(two, {2: SCOOTERS_B}, [(2, [2, 3])]) == []
    other = SCOOTERS_A.replace("31%", "40%").replace("22%", "35%")
    assert pair_rewordings({2: other}, {2: SCOOTERS_B}, [(2, [2])]) == []


FREIGHT_A = "Rates are now about 30% lower than at the start of the year."
FREIGHT_B = "They are roughly 30% below their level in early January."


@pytest.mark.parametrize(
    ("a", "b", "paired"),
    [
        # A fifth of their words match, none by WordNet, but the one sentence left on each
        # side between the same neighbours states the same share: one sentence.
        (FREIGHT_A, FREIGHT_B, True),
        (
            FREIGHT_A.replace("30%", "2,400 containers"),
            FREIGHT_B.replace("30%", "2,400 containers"),
            True,
        ),
        # Another share, or a small figure that many sentences hold: words alone decide.
        (FREIGHT_A, FREIGHT_B.replace("30%", "40%"), False),
        (
            "Rates at 3 ports are now lower than at the start of the year.",
            "They are below their level in early January at 3 ports.",
            False,
        ),
    ],
)
def test_the_one_sentence_left_each_side_with_a_figure_of_its_own_is_paired(
    a: str, b: str, paired: bool
) -> None:
    assert coverage(a, b) < MIN_SANDWICHED
    found = [(x, y) for x, y, _ in pair_rewordings({2: a}, {2: b}, [(2, [2])])]
    assert found == ([(2, 2)] if paired else [])


GAP_TEXTS = st.sampled_from(
    [
        "Nobody was hurt.",
        "No one was injured.",
        "The blaze spread quickly.",
        "The fire grew fast.",
        "It began at dawn.",
        "It started at sunrise.",
        "Rain is forecast.",
        "Shares rose 3%.",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(GAP_TEXTS, min_size=1, max_size=5),
    st.lists(GAP_TEXTS, min_size=1, max_size=5),
    st.lists(st.lists(st.integers(0, 4), max_size=MAX_GAP + 2), max_size=5),
)
def test_pairs_are_one_to_one_inside_their_gaps(
    a_texts: list[str], b_texts: list[str], windows: list[list[int]]
) -> None:
    a = dict(enumerate(a_texts))
    b = dict(enumerate(b_texts))
    gaps = [
        (bid, sorted({i for i in window if i in a}))
        for bid, window in zip(b, windows, strict=False)
    ]
    pairs = pair_rewordings(a, b, gaps)
    assert len({x for x, _, _ in pairs}) == len(pairs) == len({y for _, y, _ in pairs})
    allowed = {(x, y) for y, window in gaps if len(window) <= MAX_GAP for x in window}
    for x, y, score in pairs:
        # Below the coverage only the one sentence left on each side between the same
        # neighbours, which both sides' figures pair (``MIN_SANDWICHED``).
        sandwiched = dict(gaps)[y] == [x] and sum(x in window for _, window in gaps) == 1
        assert (x, y) in allowed and (score >= MIN_COVERAGE or sandwiched)
        assert score == coverage(a[x], b[y])
    assert [score for _, _, score in pairs] == sorted((s for _, _, s in pairs), reverse=True)


def test_a_sentence_merged_into_its_neighbour_in_other_words_joins_its_group() -> None:
    c = compare(
        "The fire destroyed a barn on Sunday. No one was hurt. Crews left at noon.",
        "The fire destroyed a barn on Sunday, and nobody was injured. Crews left at noon.",
    )
    assert (c.pairs[0].a, c.pairs[0].b) == ((0, 1), (0,))
    assert c.claims == ()


def test_a_left_over_sentence_unlike_its_neighbour_stays_dropped() -> None:
    c = compare(
        "The fire destroyed a barn on Sunday. The mayor resigned. Crews left at noon.",
        "The fire destroyed a barn on Sunday, and nobody was injured. Crews left at noon.",
    )
    assert ((1,), ()) in [(p.a, p.b) for p in c.pairs]
    assert ("dropped", "The mayor resigned") in {(x.kind.value, x.text) for x in c.claims}


def test_a_short_sentence_moved_past_its_neighbour_as_it_was_reworded_is_paired() -> None:
    c = compare(
        "A barn burned down near Lusby early on Saturday. No one was injured. The barn, one "
        "of six on the farm, was empty at the time. Police are investigating.",
        "A barn burned down near Lusby early on Saturday. The barn, one of six on the farm, "
        "was empty at the time. Thankfully, nobody was hurt. Police are investigating.",
    )
    assert ((1,), (2,)) in [(p.a, p.b) for p in c.pairs]
    assert c.claims == ()


def test_a_moved_sentence_needs_most_of_its_words_in_the_other() -> None:
    # One related word in three is enough inside a gap (MIN_COVERAGE), not one gap away.
    c = compare(
        "A barn burned down near Lusby early on Saturday. No one was injured by the smoke. "
        "The barn, one of six on the farm, was empty at the time. Police are investigating.",
        "A barn burned down near Lusby early on Saturday. The barn, one of six on the farm, "
        "was empty at the time. Sheep were hurt in a nearby field. Police are investigating.",
    )
    assert ((1,), (2,)) not in [(p.a, p.b) for p in c.pairs]
