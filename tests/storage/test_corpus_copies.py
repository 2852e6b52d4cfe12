"""Tests ``find`` and ``stories`` on a folder holding many copies of one story.

A syndicated story sits in an archive many times over, byte for byte. Counted per file,
each of its terms was in more than ``max_df`` of the folder once its copies passed 2% of
it: every term was skipped and the story could not be found at all, not even its
identical copies (0 rewrites). Under that, its copies took every verification slot, and
the real rewrites were listed as "unrelated" ("share too little to verify").
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from corpus_generator import DEMO, REWRITES, filler, wire
from diffreader.cli import main
from diffreader.corpus.rank import max_df
from diffreader.corpus.verify import Verdict
from diffreader.storage import corpus_index
from diffreader.storage.corpus_index import VERIFY, CorpusIndex


def _wire(tmp_path: Path, copies: int, others: int) -> Path:
    """``copies`` copies of the demo's original, its three rewrites, ``others`` fillers."""
    return wire(tmp_path / "wire", copies, others)


def _indexed(folder: Path) -> CorpusIndex:
    index = CorpusIndex(folder)
    index.update(workers=1)
    return index


def test_a_story_whose_copies_pass_max_df_is_found(tmp_path: Path) -> None:
    folder = _wire(tmp_path, copies=25, others=20)
    assert 25 + len(REWRITES) > max_df(25 + len(REWRITES) + 20)  # counted per file: skipped
    with _indexed(folder) as index:
        found = index.find(folder / "copy000.txt")
        copies = [f for f in found if f.identical]
        assert sorted(f.entry.name for f in copies) == [f"copy{k:03d}.txt" for k in range(1, 25)]
        assert all(f.verdict is Verdict.REWRITE and f.verified for f in copies)
        assert found[: len(copies)] == copies  # listed first
        rewrites = {f.entry.name: f for f in found if not f.identical}
        for name in REWRITES:
            assert rewrites[name].verdict is Verdict.REWRITE, rewrites[name]
        # Each text counted once: the story's terms are in 4 texts, not 28 files.
        df = dict(index._db.execute("SELECT id, df FROM terms").fetchall())
        assert max(df.values()) <= 20 + 4

        stories = [s for s in index.stories(workers=1) if s.members]
        assert len(stories) == 1
        story = stories[0]
        assert story.pivot.name == "copy000.txt"
        names = [entry.name for entry, _ in story.members]
        assert names[:24] == [f"copy{k:03d}.txt" for k in range(1, 25)]
        assert sorted(names[24:]) == sorted(REWRITES)
        assert all(story.same_text[e.id].name == "copy000.txt" for e, _ in story.members[:24])
        assert all(check.verdict is Verdict.REWRITE for _, check in story.members)


def test_copies_do_not_take_the_verification_slots(tmp_path: Path) -> None:
    folder = _wire(tmp_path, copies=VERIFY + 3, others=30)
    assert VERIFY + 3 + len(REWRITES) <= max_df(VERIFY + 3 + len(REWRITES) + 30)
    with _indexed(folder) as index:
        found = index.find(folder / "copy000.txt", limit=5)
        # Before, the 12 verified were copies; the rewrites were "unrelated", unverified
        # (or not listed at all within the limit).
        verdicts = {f.entry.name: f.verdict for f in found}
        assert [verdicts.get(name) for name in REWRITES] == [Verdict.REWRITE] * 3
        assert all(f.verified for f in found if f.entry.name in REWRITES)
        assert sum(f.identical for f in found) == VERIFY + 2  # all listed, whatever the limit


def test_copies_of_a_candidate_are_listed_with_it(tmp_path: Path) -> None:
    folder = _wire(tmp_path, copies=1, others=20)
    for k in range(3):
        shutil.copy(DEMO / REWRITES[1], folder / f"farm{k}.txt")
    with _indexed(folder) as index:
        found = index.find(folder / "copy000.txt")
        names = [f.entry.name for f in found]
        at = names.index(REWRITES[1])
        assert names[at + 1 : at + 4] == ["farm0.txt", "farm1.txt", "farm2.txt"]
        for f in found[at + 1 : at + 4]:
            assert f.copy_of is not None and f.copy_of.name == REWRITES[1]
            assert f.verdict is Verdict.REWRITE and f.check == found[at].check


def test_an_unverified_candidate_is_not_called_unrelated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _wire(tmp_path, copies=1, others=20)
    monkeypatch.setattr(corpus_index, "VERIFY", 1)
    with _indexed(folder) as index:
        found = {f.entry.name: f for f in index.find(folder / "copy000.txt")}
    unverified = [found[name] for name in REWRITES if not found[name].verified]
    assert len(unverified) == 2
    for f in unverified:
        assert f.verdict is None and f.label == "unverified"
        assert f.unverified == "not verified: only the best 1 texts are"
    assert main(["find", str(folder / "copy000.txt"), str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.count("  unverified  ") == 2 and "share too little" not in out
    assert main(["find", str(folder / "copy000.txt"), str(folder), "-f", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    shown = {Path(c["path"]).name: c for c in document["candidates"]}
    assert [shown[name]["verdict"] for name in REWRITES].count(None) == 2
    assert "unrelated" not in {shown[name]["verdict"] for name in REWRITES}


def test_find_and_stories_commands_report_copies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _wire(tmp_path, copies=25, others=20)
    query = str(folder / "copy000.txt")
    assert main(["find", query, str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith(f"{query}: 27 rewrites (24 identical copies), 0 related")
    assert f"  identical   {folder / 'copy001.txt'}" in out
    assert "+ 23 more copies of this text: copy002.txt" in out
    assert out.count("  rewrite     ") == 3
    assert main(["find", query, str(folder), "-f", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["schema"] == 2
    assert document["counts"] == {"articles": 48, "rewrites": 27, "related": 0, "identical": 24}
    first = document["candidates"][0]
    assert first["identical"] and first["verdict"] == "rewrite" and first["copy_of"] is None
    assert first["figures"]["matched"] == 1.0

    assert main(["stories", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith(str(folder / "copy000.txt"))
    assert "+ 23 more copies of this text" in out and out.count("  rewrite    ") == 3
    assert main(["stories", str(folder), "-f", "json"]) == 0
    story = json.loads(capsys.readouterr().out)["stories"][0]
    assert sum(m["identical"] for m in story["members"]) == 24
    assert len(story["members"]) == 27


def test_df_counts_texts_through_updates(tmp_path: Path) -> None:
    folder = _wire(tmp_path, copies=3, others=5)
    with _indexed(folder) as index:

        def wrong() -> int:
            return int(
                index._db.execute(
                    "SELECT COUNT(*) FROM terms t WHERE df != (SELECT COUNT(DISTINCT a.hash)"
                    " FROM postings p JOIN articles a ON a.id = p.article WHERE p.term = t.id)"
                ).fetchone()[0]
            )

        assert wrong() == 0
        shutil.copy(DEMO / "00_original.txt", folder / "copy009.txt")  # one more copy
        (folder / "copy001.txt").unlink()  # one fewer
        (folder / "copy002.txt").write_text(filler(99), encoding="utf-8")  # another text
        index.update(workers=1)
        assert wrong() == 0
        for k in (0, 9):
            (folder / f"copy{k:03d}.txt").unlink()
        index.update(workers=1)
        assert wrong() == 0
