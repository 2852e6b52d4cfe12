"""Tests ``diffreader ORIGINAL V1 V2 ...``: formats, reports, exit status, literal text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from versions_helpers import DATA

from diffreader.cli import ExitStatus, main
from diffreader.engine import load_document
from diffreader.review import Mark
from diffreader.storage.review import ReviewStore
from diffreader.versions import collate

ORIGINAL = DATA / "original.txt"
VERSIONS = [DATA / f"v{i}.txt" for i in (1, 2, 3)]
ARGS = [str(ORIGINAL), *map(str, VERSIONS)]


def test_text_is_printed_when_piped_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(ARGS) == ExitStatus.DIFFERENT
    out = capsys.readouterr().out
    assert out.index("ADDED BY ALL 3") < out.index("ADDED BY 2 OF 3") < out.index("ONLY IN V3")
    assert "▲ V1 V2 V3 number: “3,000”" in out
    assert "DROPPED BY ALL 3" in out and "SENTENCES" in out
    assert "V1 & V2: 3 added claims, 1 added sentence" in out
    assert "\x1b[" not in out  # never coloured when piped


def test_colour_only_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*ARGS, "--color", "always"]) == ExitStatus.DIFFERENT
    assert "\x1b[1m" in capsys.readouterr().out


def test_json_follows_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*ARGS, "--format", "json"]) == ExitStatus.DIFFERENT
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == 1 and data["kind"] == "diffreader-versions"
    assert data["original"]["path"] == str(ORIGINAL)
    assert [v["path"] for v in data["versions"]] == list(map(str, VERSIONS))
    assert set(data["versions"][0]) >= {"path", "title", "date", "stats"}
    assert data["versions"][0]["stats"]["has_differences"] is True
    texts = [ORIGINAL.read_text(encoding="utf-8")] + [
        v.read_text(encoding="utf-8") for v in VERSIONS
    ]
    for claim in data["claims"]:
        assert claim["kind"] in ("added", "dropped")
        assert claim["in"] == sorted({s["version"] for s in claim["spans"]})
        for span in claim["spans"]:
            text = texts[0] if span["side"] == "a" else texts[span["version"] + 1]
            assert text[span["start"] : span["end"]].strip()
    first = data["claims"][0]
    assert (first["kind"], first["category"], first["text"], first["in"]) == (
        "added",
        "number",
        "3,000",
        [0, 1, 2],
    )
    for span in first["spans"]:
        assert texts[span["version"] + 1][span["start"] : span["end"]] == "3,000"
    assert all(len(row["cells"]) == 3 for row in data["sentences"])
    assert {q["status"] for q in data["quotes"]} >= {"altered"}
    assert [s["versions"] for s in data["shared"]] == [[0, 1], [0, 2], [1, 2]]


def test_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*ARGS, "--format", "markdown"]) == ExitStatus.DIFFERENT
    out = capsys.readouterr().out
    assert out.startswith("# Quarry plan for Fernhollow rejected and 3 versions")
    assert "## Added by all 3 (1)" in out and "| | V1 | V2 | V3 | Sentence |" in out


def test_identical_versions_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    same = str(DATA / "same.txt")
    assert main([str(ORIGINAL), same, same, "--format", "json"]) == ExitStatus.SAME
    data = json.loads(capsys.readouterr().out)
    assert data["claims"] == [] and data["has_differences"] is False


def test_missing_version_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "gone.txt"
    assert main([*ARGS, str(missing)]) == ExitStatus.TROUBLE
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and str(missing) in captured.err


def test_output_may_not_name_an_article(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*ARGS, "-o", str(VERSIONS[1])]) == ExitStatus.TROUBLE
    assert "is the article" in capsys.readouterr().err


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "view.json"
    assert main([*ARGS, "--format", "json", "-o", str(out)]) == ExitStatus.DIFFERENT
    assert json.loads(out.read_text(encoding="utf-8"))["kind"] == "diffreader-versions"


def test_corpus_with_paths_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*ARGS, "--corpus", str(DATA)])
    assert exit_info.value.code == ExitStatus.TROUBLE


def test_reader_needs_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # stdout "is a terminal" but stdin is not: the reader cannot start; one clear line.
    monkeypatch.setattr("diffreader.cli._isatty", lambda stream: stream is sys.stdout)
    assert main(ARGS) == ExitStatus.TROUBLE
    assert "needs a terminal" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["markdown", "html", "json"])
def test_reports_carry_marks_set_in_each_pair(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    data_dir = tmp_path / "data"
    c = collate(load_document(ORIGINAL), [load_document(v) for v in VERSIONS])
    figure = c.claims[0]
    store = ReviewStore(data_dir)
    for v, key in figure.items:
        session, _ = store.load_for(c.comparisons[v], items=c.items[v])
        session.set_mark(key, Mark.FLAGGED)
    assert main([*ARGS, "--report", fmt, "--data-dir", str(data_dir)]) == ExitStatus.DIFFERENT
    out = capsys.readouterr().out
    if fmt == "json":
        data = json.loads(out)
        assert data["kind"] == "diffreader-versions-report"
        assert data["claims"][0]["review"]["mark"] == "flagged"
        assert {i["mark"] for i in data["claims"][0]["review"]["items"]} == {"flagged"}
        assert data["claims"][1]["review"]["mark"] is None
    elif fmt == "markdown":
        assert "- [!] **number:** 3,000 (V1 V2 V3)" in out
    else:
        assert out.startswith("<!DOCTYPE html>") and "<script" not in out
        assert 'title="flagged">[!]' in out


def test_report_does_not_write_to_the_data_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "data"
    assert main([*ARGS, "--report", "json", "--data-dir", str(data_dir)]) == ExitStatus.DIFFERENT
    assert not data_dir.exists()


def test_article_text_is_shown_literally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = tmp_path / "a.txt"
    original.write_text("The board met on Monday. It voted to close the pool.\n", encoding="utf-8")
    versions = []
    for i, extra in enumerate(
        ["\x1b[31mRed alert\x1b[0m [bold]x[/] <script>y</script> it said."] * 3
    ):
        path = tmp_path / f"v{i}.txt"
        path.write_text(
            f"The board met on Monday. {extra} It voted to close the pool.\n", encoding="utf-8"
        )
        versions.append(str(path))
    for fmt, shown in (("text", "␛[31m"), ("markdown", "␛\\[31m")):
        assert main([str(original), *versions, "--format", fmt]) == ExitStatus.DIFFERENT
        out = capsys.readouterr().out
        assert "\x1b" not in out and shown in out
    assert main([str(original), *versions, "--report", "html"]) == ExitStatus.DIFFERENT
    out = capsys.readouterr().out
    assert "<script>y" not in out and "&lt;script&gt;" in out
    assert main([str(original), *versions, "--format", "json"]) == ExitStatus.DIFFERENT
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\u001b[31m" in out


def test_printing_never_imports_textual() -> None:
    code = (
        "import contextlib, io, sys\n"
        "from diffreader.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    status = main(sys.argv[1:])\n"
        "assert status == 1, status\n"
        "import json\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'rich') or m.startswith('diffreader.tui'))))"
    )
    for fmt in ("text", "json", "markdown"):
        done = subprocess.run(
            [sys.executable, "-c", code, *ARGS, "--format", fmt],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout.strip().splitlines()[-1]) == [], fmt
