"""Keeps the judgement sets (the development set ``benchmarks/judgement`` and the held-out sets
``benchmarks/judgement_heldout``, ``benchmarks/judgement_heldout2``,
``benchmarks/judgement_heldout3``, ``benchmarks/judgement_heldout4``,
``benchmarks/judgement_heldout5``, ``benchmarks/judgement_heldout6``,
``benchmarks/judgement_heldout7``, ``benchmarks/judgement_heldout8``,
``benchmarks/judgement_heldout9``, ``benchmarks/judgement_heldout10``,
``benchmarks/judgement_heldout11``, ``benchmarks/judgement_heldout12``,
``benchmarks/judgement_heldout13``, ``benchmarks/judgement_heldout14``,
``benchmarks/judgement_heldout15``, ``benchmarks/judgement_heldout16``,
``benchmarks/judgement_heldout17``, ``benchmarks/judgement_heldout18``,
``benchmarks/judgement_heldout19``, ``benchmarks/judgement_heldout20``,
``benchmarks/judgement_heldout21``, ``benchmarks/judgement_heldout22`` and
``benchmarks/judgement_heldout23``) and their harness
honest.

These tests check the sets, never the engine's scores: the scores are reported by
``benchmarks/eval_judgement.py`` and change with every judgement change.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from diffreader.engine import SentenceKind, load_document

ROOT = Path(__file__).resolve().parents[2]
SET = ROOT / "benchmarks" / "judgement"
HARNESS = ROOT / "benchmarks" / "eval_judgement.py"
CATEGORIES = {
    "negation",
    "opposite",
    "figure",
    "date",
    "name",
    "role",
    "claim",
    "detail",
    "quotation",
    "hedge",
}


@dataclass(frozen=True)
class JudgementSet:
    """A judgement set and what its well-formedness requires (never a score)."""

    path: Path
    min_pairs: int
    min_paraphrase_pairs: int
    body_sentences: tuple[int, int]
    """Least and most body sentences of each article."""
    min_pairs_per_category: int
    min_change_pairs_with_quiet: int | None
    """How many change pairs list rewording too (None: every one of them)."""
    end_to_end: tuple[str, str, str]
    """Substrings of three pair ids (a quotation pair, a paraphrase pair, another change pair)."""


SETS = {
    "dev": JudgementSet(SET, 40, 12, (2, 6), 3, 30, ("quote", "para_", "billion")),
    # Longer articles (6-10 sentences; a rewrite that merges sentences may have 5).
    "heldout": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout",
        25,
        8,
        (5, 14),
        3,
        None,
        ("quote", "para_", "miles"),
    ),
    # A second, later held-out set (6-8 sentences; a rewrite that merges sentences may have 5).
    "heldout2": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout2",
        20,
        7,
        (5, 14),
        3,
        None,
        ("quote", "para_", "miles"),
    ),
    # A third held-out set, of mixed length (short 3-5, middle 6-8, long 9-12 sentences).
    "heldout3": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout3",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "ferry"),
    ),
    # A fourth held-out set, imitating rewrites met in the wild (article versions, spinner
    # paraphrases, wire copy rewritten by another outlet), of mixed length (3-5, 6-8, 9-12).
    "heldout4": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout4",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "derailment"),
    ),
    # A fifth held-out set, imitating content-farm rewrites, stealth edits, press releases
    # rewritten by a paper and aggregator summaries, of mixed length (3-5, 6-8, 9-12).
    "heldout5": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout5",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "turbine"),
    ),
    # A sixth held-out set, imitating a developing story's later version, wire copy localised
    # by a regional paper, AI paraphrase-tool output and opinion-neutralised or
    # headline-rewritten syndication, of mixed length (3-5, 6-9, 10-14).
    "heldout6": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout6",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "sinkhole"),
    ),
    # A seventh held-out set, imitating court and police reports re-reported by another outlet,
    # machine-translated round trips, corrected and clarified versions and a rival outlet's
    # follow-up of a scoop, of mixed length (3-5, 6-9, 10-14).
    "heldout7": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout7",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "beehive"),
    ),
    # An eighth held-out set, imitating science and health news hyped or toned down by another
    # outlet, sports match reports, company results and markets wire copy rewritten, and
    # local-government and planning stories restated by a council newsletter or a residents'
    # group, of mixed length (3-5, 6-9, 10-14).
    "heldout8": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout8",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "seaweed"),
    ),
    # A ninth held-out set, imitating obituaries and profiles rewritten by another outlet,
    # weather, flood and travel-disruption bulletins updated or rewritten, political speeches
    # and press conferences reported by two outlets, and consumer, health-service and
    # product-recall stories restated by a regional or advice site, of mixed length (3-5,
    # 6-9, 10-14).
    "heldout9": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout9",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "mapmaker"),
    ),
    # A tenth held-out set, imitating opinion polls and surveys reported by another outlet,
    # infrastructure and transport projects restated by a trade paper or a regional site,
    # diplomatic wire copy about invented states rewritten by another agency or a
    # machine-translation round trip, and exam, inspection, admissions and funding stories
    # restated by a local paper or a parents' site, of mixed length (3-5, 6-9, 10-14).
    "heldout10": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout10",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "pipeline"),
    ),
    # An eleventh held-out set, imitating data breaches, cyber attacks and IT outages reported
    # by a tech site or a general outlet, strikes, pay disputes and ballots restated by another
    # outlet or a union's bulletin, arts and entertainment news rewritten by an entertainment
    # site or a listings magazine, and environment, wildlife and farming stories restated by a
    # campaign group's site or a farming paper, of mixed length (3-5, 6-9, 10-14).
    "heldout11": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout11",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "ransomware"),
    ),
    # A twelfth held-out set, imitating technology products and company announcements restated
    # by a tech blog or a business site, housing, rents and property stories restated by a
    # property portal or a local paper, travel, tourism and aviation news rewritten by a travel
    # site or a consumer page, and charity, community and fundraising stories restated by a
    # community newsletter or a regional site, of mixed length (3-5, 6-9, 10-14).
    "heldout12": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout12",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "cladding"),
    ),
    # A thirteenth held-out set, imitating encyclopaedia-style reference entries about people
    # and about places, organisations and works revised by a later editor, emergencies and
    # accidents as a developing story's later version or another outlet's rewrite, and personal
    # finance and prices restated by a money-advice site addressed to the reader, of mixed
    # length (3-5, 6-9, 10-14).
    "heldout13": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout13",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "collapse"),
    ),
    # A fourteenth held-out set, imitating sport off the pitch (records, doping bans, draws and
    # seedings, club ownership and stadium plans) rewritten by another outlet or a fan site,
    # defence, security and conflict wire copy about invented states rewritten by another
    # agency, heritage, history and archaeology stories restated by a popular-history magazine
    # or a local paper, and retail and high-street stories rewritten by a business site or a
    # consumer page, of mixed length (3-5, 6-9, 10-14).
    "heldout14": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout14",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "naval"),
    ),
    # A fifteenth held-out set, imitating farming and food-supply stories rewritten by a trade
    # paper or a regional outlet, transport and logistics news rewritten by another agency or a
    # travel page, education stories restated by a parents' site or a local paper, and arts and
    # entertainment news rewritten by a celebrity site or an automatic paraphraser, of mixed
    # length (3-5, 6-9, 10-14).
    "heldout15": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout15",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "swine"),
    ),
    # A sixteenth held-out set, imitating energy and climate stories (wind and solar farms,
    # power station closures, household bills, emissions targets, grid outages) rewritten by a
    # trade paper or a campaign site, regulators', ombudsmen's and public inquiries' findings
    # rewritten by another agency or a consumer site, tourism and hospitality news restated by
    # a travel blog or a local paper, and social care and public health stories rewritten by a
    # local paper or a charity's newsletter, of mixed length (3-5, 6-9, 10-14).
    "heldout16": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout16",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "hectares"),
    ),
    # A seventeenth held-out set, imitating wildlife and conservation stories (species counts,
    # rewilding schemes, culls, marine protected areas, bird surveys) rewritten by a nature
    # charity's newsletter or a regional paper, personal finance (savings rates, pension
    # changes, branch closures, scam refunds) restated by a money-advice site or a consumer
    # column, fires, rescues and emergencies in a later update or another outlet's version, and
    # civil courts and tribunals (employment tribunals, compensation claims, libel, group
    # claims, settlements) rewritten by a legal trade site or a general outlet, of mixed length
    # (3-5, 6-9, 10-14).
    "heldout17": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout17",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "beaver"),
    ),
    # An eighteenth held-out set, imitating space, astronomy and research-funding stories hyped
    # or toned down by a popular-science site, retail and high-street stories rewritten by a
    # retail trade paper or a local paper, population, migration and census statistics
    # restated by a think tank's bulletin or a local paper, and charity, appeal and
    # volunteering stories taken from a charity's press release to a local paper's story, of
    # mixed length (3-5, 6-9, 10-14).
    "heldout18": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout18",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "comet"),
    ),
    # A nineteenth held-out set, imitating ports, ferries and maritime incidents (groundings,
    # ferry cancellations, port expansions, lifeboat call-outs, fishing quotas) rewritten by a
    # maritime trade site or a regional paper, water companies, sewage spills, reservoirs and
    # hosepipe bans restated by a campaign group's site or a local paper, food safety, hygiene
    # ratings, recalls and food poisoning outbreaks rewritten by a consumer site or a local
    # paper, and local elections, by-elections and council votes reported by two outlets, of
    # mixed length (3-5, 6-9, 10-14).
    "heldout19": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout19",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "hosepipe"),
    ),
    # A twentieth held-out set, imitating road safety and motoring stories (speed cameras, crash
    # statistics, car recalls, fuel prices, potholes) rewritten by a motoring site or a local
    # paper, pets and animal welfare stories (rescue centres, dog attacks, pet food recalls, vet
    # bills) restated by a pet charity's newsletter or a consumer site, broadband, mobile
    # coverage and phone mast stories rewritten by a tech site or a local paper, and libraries,
    # parks, swimming pools and leisure centres restated by a council newsletter or a local
    # paper, of mixed length (3-5, 6-9, 10-14).
    "heldout20": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout20",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "mast"),
    ),
    # A twenty-first held-out set, imitating hospitals, ambulances, GP surgeries and waiting
    # lists rewritten by a health news site or a local paper, jobs, unemployment, wages and
    # factory closures restated by a business site or a union's bulletin, waste, recycling, bin
    # collections and fly-tipping restated by a council newsletter or a local paper, and
    # gambling, lotteries and betting firms (fines, prize draws, problem-gambling figures)
    # rewritten by a trade site or a consumer page, of mixed length (3-5, 6-9, 10-14).
    "heldout21": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout21",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "tipping"),
    ),
    # A twenty-second held-out set, imitating social care, care homes and children's services
    # stories restated by a charity's bulletin or a local paper, marathons, charity runs, fairs
    # and community events rewritten by a local paper or an events listing, scams, fraud
    # warnings and consumer complaints restated by a consumer site or a police bulletin, and
    # bridges, tunnels, rail upgrades and major building works rewritten by a construction
    # trade paper or a regional site, of mixed length (3-5, 6-9, 10-14).
    "heldout22": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout22",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "viaduct"),
    ),
    # A twenty-third held-out set, imitating universities, student finance and research
    # grants restated by a student paper or a higher-education trade site, storms, flooding,
    # flood defences and weather warnings in a later update or another outlet's version,
    # criminal courts, sentencing and police appeals rewritten by a local paper or a community
    # site, and planning applications, wind farms, housing schemes and objections restated by
    # a planning trade site or a residents' group newsletter, of mixed length (3-5, 6-9, 10-14).
    "heldout23": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout23",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "flood"),
    ),
    "heldout24": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout24",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "port"),
    ),
    "heldout25": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout25",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "bus"),
    ),
    "heldout26": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout26",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "summit"),
    ),
    "heldout27": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout27",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "court"),
    ),
    "heldout28": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout28",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "vote"),
    ),
    "heldout29": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout29",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "bid"),
    ),
    "heldout30": JudgementSet(
        ROOT / "benchmarks" / "judgement_heldout30",
        20,
        7,
        (3, 14),
        3,
        None,
        ("quote", "para_", "ban"),
    ),
}


@pytest.fixture(scope="module", params=sorted(SETS))
def judgement_set(request: pytest.FixtureRequest) -> JudgementSet:
    return SETS[request.param]


@pytest.fixture(scope="module")
def harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_judgement", HARNESS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_judgement"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gold(judgement_set: JudgementSet) -> list[dict]:
    return json.loads((judgement_set.path / "gold.json").read_text(encoding="utf-8"))["pairs"]


def test_every_pair_exists_loads_and_is_a_news_article(
    judgement_set: JudgementSet, gold: list[dict]
) -> None:
    least, most = judgement_set.body_sentences
    for entry in gold:
        for side in ("a", "b"):
            path = judgement_set.path / entry[side]
            assert path.is_file(), path
            raw = path.read_bytes()
            raw.decode("utf-8")  # plain UTF-8
            doc = load_document(path)
            body = [s for s in doc.sentences if s.kind is SentenceKind.BODY]
            assert least <= len(body) <= most, (path.name, len(body))
        assert entry["id"] and entry["description"]
    # Articles are NN_slug.a.txt / NN_slug.b.txt (the held-out set's first_score.txt, a saved
    # --verbose run left uncommitted, is none).
    files = {
        p.name for p in judgement_set.path.glob("*.txt") if p.name.endswith((".a.txt", ".b.txt"))
    }
    named = {entry[side] for entry in gold for side in ("a", "b")}
    assert files == named, "every article belongs to exactly one pair in gold.json"


def test_gold_texts_occur_exactly_once_on_their_side(
    judgement_set: JudgementSet, gold: list[dict]
) -> None:
    for entry in gold:
        texts = {side: load_document(judgement_set.path / entry[side]).text for side in ("a", "b")}
        for item in entry["must"]:
            assert item["kind"] in ("added", "dropped")
            assert item["side"] == ("b" if item["kind"] == "added" else "a"), item
            assert item["category"] in CATEGORIES, item
            for text in [item["text"], *item.get("also", [])]:
                assert texts[item["side"]].count(text) == 1, (entry["id"], text)
        for item in entry["quiet"]:
            assert item["side"] in ("a", "b")
            assert texts[item["side"]].count(item["text"]) == 1, (entry["id"], item["text"])


def test_set_size_and_coverage(judgement_set: JudgementSet, gold: list[dict]) -> None:
    assert len(gold) >= judgement_set.min_pairs
    assert len({entry["id"] for entry in gold}) == len(gold)
    assert sum(1 for entry in gold if not entry["must"]) >= judgement_set.min_paraphrase_pairs
    pairs_per_category = Counter(
        category for entry in gold for category in {m["category"] for m in entry["must"]}
    )
    assert set(pairs_per_category) == CATEGORIES
    assert min(pairs_per_category.values()) >= judgement_set.min_pairs_per_category, (
        pairs_per_category
    )
    # Paraphrase pairs list what they reword, and (most) change pairs carry rewording too.
    assert all(entry["quiet"] for entry in gold if not entry["must"])
    change_pairs = [entry for entry in gold if entry["must"]]
    with_quiet = sum(1 for entry in change_pairs if entry["quiet"])
    wanted = judgement_set.min_change_pairs_with_quiet
    assert with_quiet >= (len(change_pairs) if wanted is None else wanted)


def test_harness_loads_the_whole_gold(harness: ModuleType, judgement_set: JudgementSet) -> None:
    pairs = harness.load_gold(judgement_set.path)
    assert len(pairs) >= judgement_set.min_pairs
    assert all(item.start < item.end for p in pairs for item in p.must + p.quiet)


def test_harness_runs_end_to_end_on_three_pairs(
    harness: ModuleType, judgement_set: JudgementSet
) -> None:
    ids = [p.id for p in harness.load_gold(judgement_set.path)]
    chosen = [next(i for i in ids if part in i) for part in judgement_set.end_to_end]
    started = time.perf_counter()
    report = harness.evaluate(judgement_set.path, chosen)
    assert time.perf_counter() - started < 5
    assert report["pairs"] == 3 and report["paraphrase_pairs"] == 1
    for judge in ("engine", "baseline"):
        figures = report[judge]
        ratios = [c["recall"] for c in figures["categories"].values()]
        ratios += [k["recall"] for k in figures["recall"].values()]
        ratios += [figures["precision"]["precision"]]
        ratios += [
            figures["false_alarms"]["quiet_rate"],
            figures["false_alarms"]["paraphrase_pair_rate"],
        ]
        for side in figures["balanced_accuracy"].values():
            ratios += [side["recall"], side["specificity"], side["balanced_accuracy"]]
        assert all(r is None or 0 <= r <= 1 for r in ratios), (judge, ratios)
        assert figures["recall"]["all"]["gold"] > 0
        assert figures["items_per_pair"] >= 0
    assert harness.format_table(report)
    json.dumps(report)


def test_harness_fails_loudly_on_inconsistent_gold(harness: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "x.a.txt").write_text("The mayor opened the bridge. The mayor smiled.\n", "utf-8")
    (tmp_path / "x.b.txt").write_text("The mayor opened the new bridge. She smiled.\n", "utf-8")
    entry = {
        "id": "x",
        "description": "",
        "a": "x.a.txt",
        "b": "x.b.txt",
        "must": [{"kind": "added", "category": "detail", "side": "b", "text": "new"}],
        "quiet": [{"side": "a", "text": "The mayor"}],
    }
    (tmp_path / "gold.json").write_text(json.dumps({"pairs": [entry]}), "utf-8")
    with pytest.raises(harness.GoldError, match="occurs 2 times"):
        harness.load_gold(tmp_path)
    entry["quiet"] = []
    entry["must"][0]["category"] = "rumour"
    (tmp_path / "gold.json").write_text(json.dumps({"pairs": [entry]}), "utf-8")
    with pytest.raises(harness.GoldError, match="unknown category"):
        harness.load_gold(tmp_path)


def test_baseline_flags_new_capitalised_words_and_numbers(harness: ModuleType) -> None:
    from diffreader.engine import document_from_text

    a = document_from_text("The council met on Monday. It spent 40 pounds.")
    b = document_from_text("The council met on Tuesday. It spent 40 pounds in Leeds.")
    flags = harness.baseline_flags(a, b)
    assert {(f.side, f.text) for f in flags} == {("b", "Tuesday"), ("b", "Leeds"), ("a", "Monday")}


def test_a_quotation_given_to_another_speaker_marks_both_attributions(
    harness: ModuleType,
) -> None:
    """The reader shows a speaker change with the speaker the quotation had: the harness
    marks the A attribution through the sentence holding the A source, for quotation gold
    only (a figure there is not found by it)."""
    from diffreader.engine import document_from_text

    quote = "“The pier will be safe by the summer.”"
    a_text = f"The pier is shut. The engineer, Ada Voss, said: {quote} Repairs began in March."
    b_text = f"The pier is shut. {quote[:-2]},” said the mayor, Ivo Brant. Repairs began in March."
    flags = harness.engine_flags(document_from_text(a_text), document_from_text(b_text))
    sources = [f for f in flags if f.label == "quote speaker (A source)"]
    attribution = "The engineer, Ada Voss, said:"
    start, end = a_text.index(attribution), a_text.index(attribution) + len(attribution)
    item = harness.Item("p", "a", attribution, start, end, "dropped", "quotation")
    figure = harness.Item("p", "a", attribution, start, end, "dropped", "figure")
    assert len(sources) == 1 and sources[0].quotation_only
    assert harness.hits(sources[0], item) and not harness.hits(sources[0], figure)
