"""Tests ``diffreader scan`` on a folder holding many copies of one story.

A story syndicated into an archive sits there many times over, byte for byte. The scan
counted each file against the document-frequency cutoff (``max_df``, 2% of the folder):
once the copies passed it, every term of the story was skipped, no pair of it was a
candidate, and its real rewrites were missed (0 of the demo's 3). Under the cutoff, every
two copies were a candidate pair, verified one by one (1,225 verifications for 50 copies)
and listed as rewrites of each other. ``find`` and ``stories`` had the same defect
(``tests/storage/test_corpus_copies.py``); the scan now groups copies the same way.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from scan_helpers import result_bytes, scan

from corpus_generator import DEMO, REWRITES, wire
from diffreader.cli import main
from diffreader.corpus.rank import max_df
from diffreader.scan.results import SCHEMA, read_jsonl, read_results

COPIES = [f"copy{k:03d}.txt" for k in range(25)]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """25 copies of the demo's original, its 3 rewrites, 20 unrelated articles: each term
    of the story is in 28 of 48 files, more than ``max_df`` (20)."""
    made = wire(tmp_path_factory.mktemp("wire") / "wire", copies=25, others=20)
    assert 25 + len(REWRITES) > max_df(25 + len(REWRITES) + 20)
    return made


@pytest.fixture(scope="module")
def results(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("results") / "results"
    scan(folder, out)
    return out


def _name(path: str) -> str:
    return Path(path).name


def test_a_story_whose_copies_pass_max_df_is_found(folder: Path, results: Path) -> None:
    stories = list(read_jsonl(results / "stories.jsonl"))
    story = next(s for s in stories if s["members"])
    assert _name(story["pivot"]) == "copy000.txt"
    members = [(_name(m["path"]), m["identical"], m["copy_of"]) for m in story["members"]]
    # The identical copies first, grouped under their text; then the three rewrites.
    assert members[:24] == [(name, True, None) for name in COPIES[1:]]
    assert sorted(members[24:]) == [(name, False, None) for name in REWRITES]
    assert all(m["verdict"] == "rewrite" for m in story["members"])
    # The rewrites were verified against the pivot, with their figures.
    pairs = {(_name(p["a"]), _name(p["b"])): p for p in read_jsonl(results / "pairs.jsonl")}
    for name in REWRITES:
        assert pairs["copy000.txt", name]["verdict"] == "rewrite"


def test_copies_are_one_text_to_the_candidates(results: Path) -> None:
    candidates = [(_name(c["a"]), _name(c["b"])) for c in read_jsonl(results / "candidates.jsonl")]
    copies = set(COPIES[1:])
    assert candidates and not any(a in copies or b in copies for a, b in candidates)
    # One pair of copies verified for the figures of all of them, not every two.
    identical = [p for p in read_jsonl(results / "pairs.jsonl") if p.get("identical")]
    assert [(_name(p["a"]), _name(p["b"])) for p in identical] == [("copy000.txt", "copy001.txt")]
    assert identical[0]["verdict"] == "rewrite" and identical[0]["matched"] == 1.0
    manifest = json.loads((results / "diffreader-scan.json").read_text(encoding="utf-8"))
    assert manifest["schema"] == SCHEMA == 2
    assert manifest["counts"]["identical"] == 24
    assert manifest["stages"]["candidates"]["df"] == "texts"


def test_the_reader_lists_the_copies_as_identical(results: Path) -> None:
    read = read_results(results)
    story = next(s for s in read.stories if s.members)
    copies = [p for p in story.members if p.identical]
    assert [_name(p.b) for p in copies] == COPIES[1:]
    assert all(p.a == story.pivot and p.verdict == "rewrite" and p.matched == 1.0 for p in copies)
    assert sorted(_name(p.b) for p in story.members if not p.identical) == sorted(REWRITES)


def test_copies_of_a_rewrite_go_with_it(tmp_path: Path) -> None:
    folder = wire(tmp_path / "wire", copies=1, others=20)
    for k in range(3):
        shutil.copy(DEMO / REWRITES[1], folder / f"farm{k}.txt")
    out = tmp_path / "results"
    summary = scan(folder, out)
    assert summary.identical == 3
    story = next(s for s in read_jsonl(out / "stories.jsonl") if s["members"])
    names = [_name(m["path"]) for m in story["members"]]
    # Of one date, by path: "02_rewrite_contentfarm.txt" stands for its text.
    first, others = REWRITES[1], ["farm0.txt", "farm1.txt", "farm2.txt"]
    at = names.index(first)
    assert names[at + 1 : at + 4] == others
    for member in story["members"][at + 1 : at + 4]:
        assert _name(member["copy_of"]) == first and not member["identical"]
    read = read_results(out)
    listed = {_name(p.b): p for p in next(s for s in read.stories if s.members).members}
    for name in others:
        assert listed[name].copy_of is not None and _name(listed[name].copy_of) == first
        assert listed[name].matched == listed[first].matched  # the figures of its text


def test_results_counted_per_file_are_counted_again(folder: Path, tmp_path: Path) -> None:
    # Results of schema 1 (candidates counted per file): continuing them recounts the
    # candidates, and the results are those of a fresh scan.
    out = tmp_path / "results"
    scan(folder, out)
    fresh = result_bytes(out)
    marker = out / "diffreader-scan.json"
    manifest = json.loads(marker.read_text(encoding="utf-8"))
    manifest["schema"] = 1
    del manifest["stages"]["candidates"]["df"]
    # Two copies of the story were a candidate pair then (when under max_df).
    with open(out / "candidates.jsonl", "a", encoding="utf-8") as candidates:
        a, b = (str(folder / name) for name in COPIES[1:3])
        candidates.write(json.dumps({"a": a, "b": b, "facts": 58}) + "\n")
    manifest["stages"]["candidates"]["pairs"] += 1
    marker.write_text(json.dumps(manifest), encoding="utf-8")
    scan(folder, out)
    assert result_bytes(out) == fresh
    assert json.loads(marker.read_text(encoding="utf-8"))["schema"] == SCHEMA


def test_the_command_says_how_many_copies(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results"
    assert main(["scan", str(folder), "-o", str(out), "--jobs", "1", "-q"]) == 0
    line = capsys.readouterr().out
    assert line.startswith("48 articles (24 identical copies), ")
    assert "; 1 story with rewrites" in line
