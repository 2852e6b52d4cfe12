"""Finding rewrites in a corpus: recall and precision on a generated corpus mixed with the
sample corpus (``benchmarks/make_corpus.py``, fixed seed, built at test time).

Measured with this seed (300 generated articles + the 5 sample ones): every rewrite
pair found both ways (recall 1.0), no false rewrite (precision 1.0); the thresholds below
leave room for the generator to change.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from corpus_generator import generate
from diffreader.storage.corpus_index import CorpusIndex

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT.parent / "shared" / "corpus" / "sample"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[str]]]:
    folder = tmp_path_factory.mktemp("archive") / "news"
    truth = generate(folder, 300, seed=11)
    if SAMPLE.is_dir():
        for path in SAMPLE.glob("*.txt"):
            shutil.copyfile(path, folder / path.name)
    return folder, truth["rewrites"]


def test_recall_and_precision(corpus: tuple[Path, dict[str, list[str]]], tmp_path: Path) -> None:
    folder, rewrites = corpus
    tp = fp = fn = 0
    with CorpusIndex(folder, path=tmp_path / "index.sqlite3") as index:
        index.update(workers=1)
        for original, copies in rewrites.items():
            group = {original, *copies}
            for query in sorted(group):
                found = index.find(folder / query)
                got = {f.entry.name for f in found if f.verdict == "rewrite"}
                want = group - {query}
                tp += len(got & want)
                fp += len(got - want)
                fn += len(want - got)
    recall, precision = tp / (tp + fn), tp / max(1, tp + fp)
    assert recall >= 0.95, (tp, fn)
    assert precision >= 0.9, (tp, fp)


def test_related_stories_are_not_rewrites(
    corpus: tuple[Path, dict[str, list[str]]], tmp_path: Path
) -> None:
    folder, _ = corpus
    related = json.loads((folder / ".truth.json").read_text("utf-8"))["related"]
    assert related
    with CorpusIndex(folder, path=tmp_path / "index.sqlite3") as index:
        index.update(workers=1)
        for original, others in related.items():
            verdicts = {f.entry.name: f.verdict for f in index.find(folder / original)}
            for other in others:
                assert verdicts.get(other, "unrelated") != "rewrite"


@pytest.mark.sample
@pytest.mark.skipif(not SAMPLE.is_dir(), reason="the sample corpus is absent")
def test_sample_in_a_larger_folder(
    corpus: tuple[Path, dict[str, list[str]]], tmp_path: Path
) -> None:
    folder, _ = corpus
    with CorpusIndex(folder, path=tmp_path / "index.sqlite3") as index:
        index.update(workers=1)
        original = next(folder.glob("000_*.txt"))
        verdicts = {f.entry.name[:4]: f.label for f in index.find(original)}
        assert [verdicts.get(f"00{i}_") for i in range(1, 5)] == [
            "rewrite",
            "rewrite",
            "rewrite",
            "related",
        ]
        stories = index.stories(workers=1)
        story = next(s for s in stories if s.pivot.name.startswith("000_"))
        assert sorted(e.name[:3] for e, _ in story.members) == ["001", "002", "003"]
        assert [e.name[:3] for e, _, _ in story.related] == ["004"]
