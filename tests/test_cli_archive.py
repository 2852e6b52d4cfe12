"""Tests the ``find`` and ``stories`` commands: text, JSON, exit status, the command rule."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from diffreader.cli import main

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "sample"
needs_sample = pytest.mark.skipif(not SAMPLE.is_dir(), reason="the sample corpus is absent")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The sample corpus copied into a temporary folder, plus a refused file."""
    folder = tmp_path / "news"
    shutil.copytree(SAMPLE, folder)
    for path in folder.iterdir():
        path.chmod(0o644)
    (folder / "image.txt").write_bytes(b"\x89PNG\x00\x00")
    return folder


def _original(folder: Path) -> Path:
    return next(folder.glob("000_*.txt"))


@needs_sample
def test_find_text(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["find", str(_original(corpus)), str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "3 rewrites, 1 related" in out
    assert out.count("  rewrite  ") == 3 and out.count("  related  ") == 1
    assert "% of sentences matched" in out
    assert "image.txt: binary file" in out


@needs_sample
def test_find_json(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["find", str(_original(corpus)), str(corpus), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["schema"] == 2 and document["kind"] == "diffreader-find"
    verdicts = {Path(c["path"]).name[:3]: c["verdict"] for c in document["candidates"]}
    assert verdicts == {"001": "rewrite", "002": "rewrite", "003": "rewrite", "004": "related"}
    first = document["candidates"][0]
    assert set(first) >= {"path", "title", "date", "verdict", "verified", "score", "reasons"}
    assert set(first) >= {"unverified", "identical", "copy_of"}
    assert set(first["shared"]) == {
        "names",
        "figures",
        "quotation_words",
        "rare_words",
        "sentences",
    }
    assert document["refused"][0]["reason"].startswith("binary file")


@needs_sample
def test_find_no_rewrite_exits_1(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    related = next(corpus.glob("004_*.txt"))
    assert main(["find", str(related), str(corpus)]) == 1
    assert "0 rewrites" in capsys.readouterr().out


@needs_sample
def test_stories_text_and_json(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].endswith("(2025-09-08)")
    assert main(["stories", str(corpus), "-f", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["kind"] == "diffreader-stories" and document["schema"] == 1
    story = document["stories"][0]
    assert Path(story["pivot"]["path"]).name.startswith("000_")
    assert sorted(Path(m["path"]).name[:3] for m in story["members"]) == ["001", "002", "003"]
    assert [Path(r["path"]).name[:3] for r in story["related"]] == ["004"]
    # 004 is its own story: the rewrites of 000 are never chained into it.
    other = document["stories"][1]
    assert Path(other["pivot"]["path"]).name.startswith("004_") and other["members"] == []


def test_stories_without_rewrites_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("The harbour closed on Monday after a storm.\n", "utf-8")
    (folder / "b.txt").write_text("A school in Brindle won a chess prize.\n", "utf-8")
    assert main(["stories", str(folder)]) == 1


def test_json_keeps_a_title_exact_and_its_controls_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A title's bidi override and C1 CSI were written raw into ``find`` and ``stories``
    JSON on the terminal; they are ``\\u`` escapes now (``escape.json_safe``, as the
    comparison's JSON), the same data: the title reads back exact, invisibles and all."""
    folder = tmp_path / "news"
    folder.mkdir()
    title = "Bridge\u200b closes \u202eevil\u202c \x9b31m"
    body = (
        "The Brindle council closed the harbour bridge on Monday, said Ana Kovac. It will "
        "cost 40 million pounds and affect 300 homes. “We had no choice at all,” Kovac said.\n"
    )
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(f"{title}\n\n{body}", encoding="utf-8")
    for argv in (["find", str(folder / "a.txt"), str(folder)], ["stories", str(folder)]):
        assert main([*argv, "--format", "json"]) == 0
        out = capsys.readouterr().out
        assert "\u202e" not in out and "\x9b" not in out
        assert "\\u202e" in out and "\\u009b" in out
        document = json.loads(out)
        entries = document.get("candidates") or [document["stories"][0]["pivot"]]
        assert entries[0]["title"] == title


def test_trouble_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", str(tmp_path / "missing")]) == 2
    assert "no such folder" in capsys.readouterr().err
    assert main(["find", str(tmp_path / "nope.txt"), str(tmp_path)]) == 2
    assert "no such file" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["find", str(tmp_path)])
    assert exit_info.value.code == 2


def test_a_file_named_like_a_command_is_compared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("find").write_text("The harbour closed on Monday.\n", encoding="utf-8")
    Path("other.txt").write_text("The harbour opened on Monday.\n", encoding="utf-8")
    assert main(["find", "other.txt", "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out).get("kind") != "diffreader-find"


def test_progress_only_on_a_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("The harbour closed on Monday after a storm.\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "diffreader", "stories", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DIFFREADER_DATA_DIR": str(tmp_path / "data")},
    )
    assert result.returncode == 1
    assert result.stderr == ""


@pytest.mark.skipif(sys.platform != "linux", reason="file names of any bytes: Linux")
def test_file_names_that_are_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder from a latin-1 archive: ``find``, ``stories`` and ``scan`` index, list and
    print its names (escaped on screen, their own in JSON); they ended in a traceback."""
    demo = Path(__file__).resolve().parents[1] / "src" / "diffreader" / "demo"
    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("00_original.txt", "01_rewrite_syndicated.txt", "04_unrelated.txt"):
        shutil.copy(demo / name, folder / name)
    odd = os.fsdecode(os.path.join(os.fsencode(folder), b"r\xe9write.txt"))
    shutil.copy(demo / "02_rewrite_contentfarm.txt", odd)
    original = str(folder / "00_original.txt")
    assert main(["find", original, str(folder)]) == 0
    out = capsys.readouterr().out
    assert "r<U+DCE9>write.txt" in out and out.count("  rewrite  ") == 2
    assert main(["find", original, str(folder), "-f", "json", "-o", str(tmp_path / "f.json")]) == 0
    found = json.loads((tmp_path / "f.json").read_text("utf-8"))
    assert odd in {c["path"] for c in found["candidates"]}
    assert main(["stories", str(folder)]) == 0
    assert "r<U+DCE9>write.txt" in capsys.readouterr().out
    # Warm: the index kept the name and finds the file unchanged.
    assert main(["stories", str(folder), "-f", "json"]) == 0
    story = json.loads(capsys.readouterr().out)["stories"][0]
    assert odd in {m["path"] for m in story["members"]}
    assert main(["scan", str(folder), "-o", str(tmp_path / "scan"), "-q"]) == 0
    articles = (tmp_path / "scan" / "articles.jsonl").read_text("utf-8")
    assert "r\\udce9write.txt" in articles
    assert main([original, odd, "--report", "html", "-o", str(tmp_path / "r.html")]) == 1
    assert "r&lt;U+DCE9&gt;write.txt" in (tmp_path / "r.html").read_text("utf-8")


def test_tabs_and_line_breaks_in_file_names_are_shown_as_symbols(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name holding a line break read as two lines (or as a space, another name) in the
    text header, and a tab went out raw in ``find``'s listing: both are symbols."""
    demo = Path(__file__).resolve().parents[1] / "src" / "diffreader" / "demo"
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(demo / "00_original.txt", folder / "00_original.txt")
    shutil.copy(demo / "01_rewrite_syndicated.txt", folder / "re\nwrite\t1.txt")
    original = str(folder / "00_original.txt")
    assert main(["find", original, str(folder)]) == 0
    assert "re␊write␉1.txt" in capsys.readouterr().out
    assert main([original, str(folder / "re\nwrite\t1.txt"), "--color", "never"]) == 1
    out = capsys.readouterr().out
    assert "re␊write␉1.txt" in out and "\t" not in out


def test_a_data_folder_that_cannot_be_made_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The error names the data folder, not the article folder it blamed."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("The harbour closed on Monday after a storm.\n", "utf-8")
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("a file\n", "utf-8")
    assert main(["stories", str(folder), "--data-dir", str(not_a_folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"diffreader: {not_a_folder}") and "Not a directory" in err
