"""The vendored WordNet antonym table, its lookups, and the script that builds it."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diffreader.engine.antonyms import are_opposites, lemma, opposites

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "diffreader" / "engine" / "data"
ROWS = [line.split("\t") for line in (DATA / "antonyms.tsv").read_text("utf-8").splitlines()]
WORDS = sorted({word for a, b, _ in ROWS for word in (a, b)})


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_antonyms", ROOT / "scripts" / "build_antonyms.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


# --- the data files ----------------------------------------------------------------------


def test_antonym_table_format() -> None:
    assert 1000 < len(ROWS) < 20000
    pairs = [(a, b) for a, b, _ in ROWS]
    assert pairs == sorted(pairs)
    assert len(set(pairs)) == len(pairs)
    for a, b, pos in ROWS:
        assert re.fullmatch(r"[a-z]{2,15}", a) and re.fullmatch(r"[a-z]{2,15}", b)
        assert a < b
        parts = pos.split(",")
        assert parts == sorted(set(parts)) and set(parts) <= set("anrv")


def test_inflection_table_format() -> None:
    rows = [line.split("\t") for line in (DATA / "inflections.tsv").read_text("utf-8").splitlines()]
    assert rows == sorted(rows) and len({tuple(r) for r in rows}) == len(rows)
    for form, base in rows:
        assert form != base and form.isalpha() and base in WORDS


def test_data_ships_with_licence_and_stays_small() -> None:
    assert "Princeton University" in (DATA / "LICENSE-WordNet.txt").read_text("utf-8")
    assert "build_antonyms.py" in (DATA / "README.md").read_text("utf-8")
    # The antonym tables (about 80 KB) and the compressed related-word table (about 260 KB).
    assert sum(path.stat().st_size for path in DATA.iterdir()) < 400_000


def test_lookups_are_symmetric_for_every_row() -> None:
    for a, b, _ in ROWS:
        assert b in opposites(a) and a in opposites(b), (a, b)


# --- lookups -----------------------------------------------------------------------------


@given(st.sampled_from(WORDS), st.sampled_from(WORDS))
def test_are_opposites_is_symmetric(a: str, b: str) -> None:
    assert are_opposites(a, b) == are_opposites(b, a)


@given(st.sampled_from(WORDS))
def test_a_word_is_never_its_own_opposite(word: str) -> None:
    assert not are_opposites(word, word)
    assert not are_opposites(word, word.upper())
    assert lemma(word) not in opposites(word)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("rose", "fell"),
        ("rising", "fell"),
        ("Buying", "SELLING"),
        ("bought", "sold"),
        ("won", "lost"),
        ("wins", "loses"),
        ("increases", "decreased"),
        ("accepted", "rejected"),
        ("hired", "fired"),
        ("opened", "closed"),
        ("strengthened", "weakened"),
        ("stopped", "started"),
        ("higher", "lower"),
        ("bigger", "smaller"),
        ("stronger", "weakest"),
        ("better", "worse"),
        ("gains", "losses"),
        ("guilty", "innocent"),
        ("most", "least"),
        ("majority", "minority"),
        ("quickly", "slowly"),
        ("beat", "lost"),
        ("defeated", "loses"),
        ("brighter", "fainter"),
        ("bright", "dimmer"),
        ("backed", "opposed"),
        ("adults", "children"),
        ("peaceful", "violent"),
        ("reopened", "closed"),
        ("favour", "against"),
        ("warmer", "colder"),
    ],
)
def test_inflected_news_words_resolve(a: str, b: str) -> None:
    assert are_opposites(a, b)
    assert are_opposites(b, a)


@pytest.mark.parametrize(
    ("form", "base"),
    [
        ("rose", "rise"),
        ("fell", "fall"),
        ("sold", "sell"),
        ("won", "win"),
        ("worse", "bad"),
        ("increases", "increase"),
        ("decreased", "decrease"),
        ("approved", "approve"),
        ("buying", "buy"),
        ("closing", "close"),
        ("stopped", "stop"),
        ("higher", "high"),
        ("happier", "happy"),
        ("guilty", "guilty"),
    ],
)
def test_lemma(form: str, base: str) -> None:
    assert lemma(form) == base
    assert lemma(form.upper()) == base


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("rose", "increased"),  # synonyms, not opposites
        ("best", "better"),  # share their lemmas
        ("evening", "odd"),  # -ing is for verbs: "evening" is not "even"
        ("news", "old"),  # -s is for nouns and verbs: "news" is not "new"
        ("only", "off"),  # bases need three letters: "only" is not "on"
        ("unlikely", "like"),  # a listed word is not stemmed by -ly: not "unlike"
        ("parliament", "government"),
    ],
)
def test_not_opposites(a: str, b: str) -> None:
    assert not are_opposites(a, b)


@pytest.mark.parametrize("junk", ["", " ", "-", "don't", "123", "x", "qwrtzp", "rise fall", "é"])
def test_non_words_are_handled(junk: str) -> None:
    assert not are_opposites(junk, "fall")
    assert not are_opposites("rise", junk)
    assert opposites(junk) == frozenset()
    assert lemma(junk) == junk.strip().lower()


def test_importing_the_engine_does_not_load_the_table() -> None:
    # The related-word table's module (synonyms.py, imported with the engine) reads the
    # antonym module's stemmer; neither table is read until a comparison needs it.
    code = (
        "import diffreader.engine, diffreader.engine.compare;"
        "from diffreader.engine import antonyms, synonyms;"
        "print(antonyms._tables.cache_info().currsize, synonyms._table.cache_info().currsize)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.split() == ["0", "0"]


# --- the build script on a synthetic WordNet snippet ------------------------------------

HEADER = "  1 This software and database is being provided to you, the LICENSEE, by  \n"
# Offsets are arbitrary; the format is WordNet's: offset lex_file pos w_cnt (word lex_id)...
# p_cnt (symbol offset pos source/target)... | gloss.  Source/target 0000 = whole synset.
DATA_ADJ = HEADER + (
    "00000100 00 a 01 hot 0 002 ! 00000200 a 0101 & 00000300 s 0000 | hot\n"
    "00000200 00 a 01 cold 0 002 ! 00000100 a 0101 & 00000400 s 0000 | cold\n"
    "00000300 00 s 02 scorching 0 torrid 0 001 & 00000100 a 0000 | very hot\n"
    "00000400 00 s 01 icy 0 001 & 00000200 a 0000 | very cold\n"
    "00000500 00 a 02 abaxial 0 dorsal(a) 0 001 ! 00000600 a 0101 | rare\n"
    "00000600 00 a 01 adaxial 0 001 ! 00000500 a 0101 | rare\n"
)
DATA_VERB = (
    "00000700 30 v 02 rise 0 go_up 0 001 ! 00000800 v 0101 01 + 02 00 | move up\n"
    "00000800 30 v 01 fall 0 001 ! 00000700 v 0101 01 + 02 00 | move down\n"
)
DATA_NOUN = (
    "00000900 04 n 01 gain 0 001 ! 00001000 n 0101 | a rise\n"
    "00001000 04 n 01 loss 0 001 ! 00000900 n 0101 | a drop\n"
    "00001100 04 n 01 anode 0 001 ! 00001200 n 0101 | electrode\n"
    "00001200 04 n 01 cathode 0 001 ! 00001100 n 0101 | electrode\n"
)
INDEX_SENSE = (
    "hot%3:00:01:: 00000100 1 20\n"
    "cold%3:00:01:: 00000200 1 18\n"
    "scorching%5:00:00:hot:01 00000300 1 2\n"
    "torrid%5:00:00:hot:01 00000300 2 1\n"  # not torrid's first sense: no indirect pair
    "icy%5:00:00:cold:01 00000400 1 1\n"
    "abaxial%3:00:00:: 00000500 1 0\n"  # untagged on both sides: dropped
    "adaxial%3:00:00:: 00000600 1 0\n"
    "rise%2:38:00:: 00000700 1 9\n"
    "fall%2:38:00:: 00000800 1 0\n"  # one tagged side is enough for a verb pair
    "gain%1:04:00:: 00000900 1 3\n"
    "loss%1:04:00:: 00001000 1 4\n"
    "anode%1:04:00:: 00001100 1 1\n"
    "cathode%1:04:00:: 00001200 1 0\n"  # nouns need both sides tagged
)


def test_build_script_parses_wordnet_format() -> None:
    build = _build_script()
    synsets = [
        *build.parse_data(DATA_ADJ.splitlines()),
        *build.parse_data(DATA_VERB.splitlines()),
        *build.parse_data(DATA_NOUN.splitlines()),
    ]
    assert [s.words for s in synsets][:3] == [("hot",), ("cold",), ("scorching", "torrid")]
    assert synsets[4].words == ("abaxial", "dorsal")  # the (a) marker is stripped
    pairs = build.antonym_pairs(synsets, build.parse_senses(INDEX_SENSE.splitlines()))
    assert pairs == {
        ("cold", "hot"): {"a"},
        ("cold", "scorching"): {"a"},
        ("hot", "icy"): {"a"},
        ("fall", "rise"): {"v"},
        ("gain", "loss"): {"n"},
    }
    text = build.format_antonyms(pairs)
    assert text == ("cold\thot\ta\ncold\tscorching\ta\nfall\trise\tv\ngain\tloss\tn\nhot\ticy\ta\n")
    assert build.format_antonyms(dict(reversed(list(pairs.items())))) == text


def test_build_script_keeps_inflections_of_table_words_only() -> None:
    build = _build_script()
    exc = ["rose rise", "fell fall fell", "geese goose", "axes axis axe", "went go"]
    rows = build.inflections(build.parse_exceptions(exc), {"rise", "fall", "axe"})
    assert build.format_inflections(rows) == "axes\taxe\nfell\tfall\nrose\trise\n"


DATA_VERB_SENSES = (
    "00002000 31 v 02 approve 0 sanction 0 001 ! 00002100 v 0101 | accept as good\n"
    "00002100 31 v 02 disapprove 0 reject 0 001 ! 00002000 v 0101 | deem wrong\n"
    "00002200 43 v 01 set 0 001 ! 00002300 v 0101 | of the sun: go down\n"
    "00002300 43 v 01 rise 0 001 ! 00002200 v 0101 | of the sun: come up\n"
)
INDEX_VERB_SENSES = (
    "approve%2:31:00:: 00002000 1 20\n"
    "sanction%2:31:00:: 00002000 2 1\n"  # too few tags to call any of its senses rare
    "disapprove%2:31:00:: 00002100 1 5\n"
    "reject%2:31:00:: 00002100 2 8\n"
    "reject%2:31:01:: 00009000 1 30\n"  # 8 of reject's 38 tags: not rare
    "set%2:43:00:: 00002200 10 2\n"
    "set%2:35:00:: 00009100 1 100\n"  # 2 of set's 102 tags: rare
    "rise%2:43:00:: 00002300 16 1\n"
    "rise%2:38:00:: 00009200 1 50\n"
)


def test_build_drops_verb_pairs_in_a_rare_sense_and_pairs_synset_mates() -> None:
    build = _build_script()
    synsets = list(build.parse_data(DATA_VERB_SENSES.splitlines()))
    pairs = build.antonym_pairs(synsets, build.parse_senses(INDEX_VERB_SENSES.splitlines()))
    assert pairs == {
        ("approve", "disapprove"): {"v"},
        ("approve", "reject"): {"v"},  # rule 6: disapprove's synset mate
        ("disapprove", "sanction"): {"v"},  # and approve's
    }  # rise/set of the sun: a rare sense of both verbs (rule 5)


def test_build_applies_reviewed_overrides() -> None:
    build = _build_script()
    lines = [
        "# a comment",
        "",
        "-\ton\toff\tparticles in news",
        "+\tban\tallow\tv\ta rule allows or bans",
    ]
    remove, add = build.parse_overrides(lines)
    assert remove == {("off", "on")}
    assert add == {("allow", "ban", "v")}
    pairs = {("off", "on"): {"a"}, ("fall", "rise"): {"v"}, ("allow", "ban"): {"n"}}
    assert build.apply_overrides(pairs, remove, add) == {
        ("fall", "rise"): {"v"},
        ("allow", "ban"): {"n", "v"},
    }
    with pytest.raises(ValueError, match="not an override line"):
        build.parse_overrides(["+\tone\ttwo"])


def test_the_shipped_overrides_are_well_formed_and_applied() -> None:
    build = _build_script()
    remove, add = build.parse_overrides(
        (DATA / "antonyms-overrides.tsv").read_text("utf-8").splitlines()
    )
    assert remove and add
    for a, b in remove:
        assert not are_opposites(a, b), (a, b)
    for a, b, _pos in add:
        assert are_opposites(a, b), (a, b)
