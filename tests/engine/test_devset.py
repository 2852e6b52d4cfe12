"""Keeps the judgement development set (``benchmarks/judgement``) and its harness honest.

These tests check the set, never the engine's scores: the scores are reported by
``benchmarks/eval_judgement.py`` and change with every judgement change.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from collections import Counter
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


@pytest.fixture(scope="module")
def harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_judgement", HARNESS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_judgement"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return json.loads((SET / "gold.json").read_text(encoding="utf-8"))["pairs"]


def test_every_pair_exists_loads_and_is_a_news_paragraph(gold: list[dict]) -> None:
    for entry in gold:
        for side in ("a", "b"):
            path = SET / entry[side]
            assert path.is_file(), path
            raw = path.read_bytes()
            raw.decode("utf-8")  # plain UTF-8
            doc = load_document(path)
            body = [s for s in doc.sentences if s.kind is SentenceKind.BODY]
            assert 2 <= len(body) <= 6, (path.name, len(body))
        assert entry["id"] and entry["description"]
    files = {p.name for p in SET.glob("*.txt")}
    named = {entry[side] for entry in gold for side in ("a", "b")}
    assert files == named, "every text file belongs to exactly one pair in gold.json"


def test_gold_texts_occur_exactly_once_on_their_side(gold: list[dict]) -> None:
    for entry in gold:
        texts = {side: load_document(SET / entry[side]).text for side in ("a", "b")}
        for item in entry["must"]:
            assert item["kind"] in ("added", "dropped")
            assert item["side"] == ("b" if item["kind"] == "added" else "a"), item
            assert item["category"] in CATEGORIES, item
            for text in [item["text"], *item.get("also", [])]:
                assert texts[item["side"]].count(text) == 1, (entry["id"], text)
        for item in entry["quiet"]:
            assert item["side"] in ("a", "b")
            assert texts[item["side"]].count(item["text"]) == 1, (entry["id"], item["text"])


def test_set_size_and_coverage(gold: list[dict]) -> None:
    assert len(gold) >= 40
    assert len({entry["id"] for entry in gold}) == len(gold)
    assert sum(1 for entry in gold if not entry["must"]) >= 12
    pairs_per_category = Counter(
        category for entry in gold for category in {m["category"] for m in entry["must"]}
    )
    assert set(pairs_per_category) == CATEGORIES
    assert min(pairs_per_category.values()) >= 3, pairs_per_category
    # Paraphrase pairs list what they reword, and most change pairs carry rewording too.
    assert all(entry["quiet"] for entry in gold if not entry["must"])
    assert sum(1 for entry in gold if entry["must"] and entry["quiet"]) >= 30


def test_harness_loads_the_whole_gold(harness: ModuleType) -> None:
    pairs = harness.load_gold(SET)
    assert len(pairs) >= 40
    assert all(item.start < item.end for p in pairs for item in p.must + p.quiet)


def test_harness_runs_end_to_end_on_three_pairs(harness: ModuleType) -> None:
    ids = [p.id for p in harness.load_gold(SET)]
    chosen = [
        next(i for i in ids if "quote" in i),
        next(i for i in ids if "para_" in i),
        next(i for i in ids if "billion" in i),
    ]
    started = time.perf_counter()
    report = harness.evaluate(SET, chosen)
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
