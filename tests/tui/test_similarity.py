"""Tests for similarity.py: rewrites of a story rank far above a different story."""

from __future__ import annotations

from pathlib import Path

import pytest

from diffreader.tui.similarity import Similarity, term_counts

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "src" / "diffreader" / "demo"
SAMPLE = ROOT.parent / "shared" / "corpus" / "sample"


def _scores(folder: Path) -> list[float]:
    files = sorted(folder.glob("*.txt"))
    index = Similarity({str(f): term_counts(f.read_text(encoding="utf-8")) for f in files})
    scores = index.scores(str(files[0]))
    return [scores[str(f)] for f in files[1:]]


def test_demo_rewrites_rank_far_above_the_unrelated_article() -> None:
    *rewrites, unrelated = _scores(DEMO)
    assert unrelated * 5 < min(rewrites)


@pytest.mark.sample
@pytest.mark.skipif(not SAMPLE.is_dir(), reason="../shared/corpus/sample is not there")
def test_sample_004_ranks_far_below_001_to_003_against_000() -> None:
    *rewrites, other_story = _scores(SAMPLE)
    assert other_story * 2 < min(rewrites)  # 0.07 against 0.18-0.27 today


def test_identical_articles_score_one_and_disjoint_zero() -> None:
    index = Similarity(
        {
            "a": term_counts("The harbour bridge closed on Thursday."),
            "b": term_counts("The harbour bridge closed on Thursday."),
            "c": term_counts("Volunteers counted grey seals."),
        }
    )
    scores = index.scores("a")
    assert scores["b"] == pytest.approx(1.0)
    assert scores["c"] == 0.0
