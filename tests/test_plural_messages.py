"""Messages that count things say "1 article", never "1 articles" (``diffreader.plural``):
the command line's summaries, the reports, the scan's progress and the reader's lines."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from diffreader import cli
from diffreader.cli import main
from diffreader.plural import plural

DEMO = Path(__file__).resolve().parents[1] / "src" / "diffreader" / "demo"


def test_plural() -> None:
    assert [plural(n, "article") for n in (0, 1, 2, 1000)] == [
        "0 articles",
        "1 article",
        "2 articles",
        "1,000 articles",
    ]
    assert plural(1, "story", "stories") == "1 story"
    assert plural(2, "story", "stories") == "2 stories"


def _folder(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / f"folder{count}"
    folder.mkdir()
    for name in ["04_unrelated.txt", "03_rewrite_update.txt"][:count]:
        shutil.copy(DEMO / name, folder / name)
    return folder


@pytest.mark.parametrize(("count", "articles"), [(1, "1 article"), (2, "2 articles")])
def test_find_counts_the_folders_articles(
    count: int,
    articles: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DIFFREADER_DATA_DIR", str(tmp_path / "data"))
    folder = _folder(tmp_path, count)
    main(["find", str(DEMO / "00_original.txt"), str(folder)])
    first = capsys.readouterr().out.splitlines()[0]
    assert first.endswith(f" in {folder} ({articles})")
    assert " 1 rewrites" not in first


@pytest.mark.parametrize(
    ("count", "summary"),
    [
        (1, "1 story, 0 with rewrites; 1 article alone (--all lists them)"),
        (2, "2 stories, 0 with rewrites; 2 articles alone (--all lists them)"),
    ],
)
def test_stories_summary(
    count: int,
    summary: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DIFFREADER_DATA_DIR", str(tmp_path / "data"))
    folder = tmp_path / "two"
    folder.mkdir()
    shutil.copy(DEMO / "04_unrelated.txt", folder / "a.txt")
    if count == 2:
        (folder / "b.txt").write_text(
            "Library Hours Change\n\nThe town library will open on Sundays from March, "
            "the head librarian, Mira Osei, said on Friday.\n",
            encoding="utf-8",
        )
    main(["stories", str(folder)])
    assert capsys.readouterr().out.splitlines()[-1] == summary


@pytest.mark.parametrize("count", [1, 2])
def test_scan_summary(count: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(DEMO / "04_unrelated.txt", folder / "a.txt")
    for i in range(count):
        (folder / f"image{i}.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 9)
    if count == 2:
        shutil.copy(DEMO / "00_original.txt", folder / "b.txt")
    out = tmp_path / "out"
    main(["scan", str(folder), "-o", str(out), "-j", "1", "-q"])
    line = capsys.readouterr().out
    if count == 1:
        assert line.startswith(
            "1 article (1 file not an article), 0 candidate pairs verified: 0 rewrites, "
            "0 related; 0 stories with rewrites -> "
        )
    else:
        assert line.startswith("2 articles (2 files not articles), ")


def test_the_copies_and_a_storys_reasons() -> None:
    from diffreader.corpus.verify import Check, Verdict
    from diffreader.tui.screens.corpus import _story_reason

    assert cli._copies_lines(["b.txt"]) == [f"{'':14}+ 1 more copy of this text: b.txt"]
    assert cli._copies_lines(["b", "c"]) == [f"{'':14}+ 2 more copies of this text: b, c"]
    one = Check(Verdict.RELATED, 0.1, 0.1, 1, 1, facts=1)
    two = Check(Verdict.RELATED, 0.1, 0.1, 2, 1, facts=2)
    for reason in (cli._story_reason, _story_reason):
        assert reason(one) == (
            "1 shared quotation, 1 shared name or figure, 10% of sentences matched"
        )
        assert reason(two) == (
            "2 shared quotations, 2 shared names and figures, 10% of sentences matched"
        )


def test_the_scans_progress_lines() -> None:
    from diffreader.scan.progress import Progress, StageRate

    assert StageRate("verify", 1, "pair", 2.0).line().startswith("verify      1 pair in 2.0s")
    assert StageRate("verify", 2, "pair", 2.0).line().startswith("verify      2 pairs in 2.0s")
    stream = io.StringIO()
    progress = Progress(stream, tty=False)
    progress.stage("features", 1, "article")
    progress._show(force=True)
    assert stream.getvalue().startswith("features: 0 / 1 article, ")


@pytest.mark.parametrize(("text", "shown"), [("One.", "1 sentence"), ("One. Two.", "2 sentences")])
def test_the_text_and_the_readers_header_count_sentences(
    text: str, shown: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from diffreader.engine.load import document_from_text
    from diffreader.tui.widgets.diff_header import _side

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(text, encoding="utf-8")
    b.write_text(text, encoding="utf-8")
    main([str(a), str(b), "--format", "text"])
    assert f"· {shown} ·" in capsys.readouterr().out
    header = _side("A", document_from_text(text, path=str(a)))
    assert any(f"· {shown}" in str(getattr(line, "plain", "")) for line in header.renderables)


def test_the_versions_report_counts_its_versions() -> None:
    from diffreader.render.versions import render_versions_html, render_versions_markdown
    from diffreader.versions.collate import collate

    original = "The bridge shut. Rain fell."
    one = collate(original, ["The bridge shut for 3 days. Rain fell."])
    two = collate(original, ["The bridge shut for 3 days. Rain fell.", "Rain fell."])
    assert " and 1 version\n" in render_versions_markdown(one)
    assert " and 2 versions\n" in render_versions_markdown(two)
    assert " and 1 version</h1>" in render_versions_html(one)
