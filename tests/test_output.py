"""Tests the output formats: the JSON contract, Markdown, and safe, readable text."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from diffreader import cli
from diffreader.cli import main
from diffreader.engine import Comparison, compare, load_document
from diffreader.engine.load import document_from_text
from diffreader.engine.model import (
    Claim,
    ClaimCategory,
    ClaimKind,
    Document,
    Op,
    Pair,
    Sentence,
    SentenceKind,
    Side,
    Stats,
    Status,
    WordOp,
)
from diffreader.render import build_view, visible
from diffreader.render import render_markdown as _render_markdown
from diffreader.render import render_text as _render_text
from diffreader.render import to_json_data as _to_json_data
from diffreader.render.model import group_text
from diffreader.render.model import word_runs as _word_runs
from diffreader.review import ItemKind, Section, review_items


def render_text(comparison: Comparison, *, color: bool = False, width: int = 100) -> str:
    return _render_text(build_view(comparison), color=color, width=width)


def render_markdown(comparison: Comparison) -> str:
    return _render_markdown(build_view(comparison))


def to_json_data(comparison: Comparison) -> dict[str, Any]:
    return _to_json_data(build_view(comparison))


REWRITES = ("01_rewrite_syndicated.txt", "02_rewrite_contentfarm.txt", "03_rewrite_update.txt")
SGR = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def comparisons() -> dict[str, Comparison]:
    demo = Path(cli.demo_corpus())
    original = load_document(demo / "00_original.txt")
    names = (*REWRITES, "04_unrelated.txt")
    return {name: compare(original, load_document(demo / name)) for name in names}


# --------------------------------------------------------------------------- json


def test_json_contract_keys(comparisons: dict[str, Comparison]) -> None:
    data = to_json_data(comparisons["02_rewrite_contentfarm.txt"])
    assert data["schema"] == 1
    assert set(data) == {
        "schema",
        "a",
        "b",
        "pairs",
        "claims",
        "quotes",
        "lookalikes",
        "items",
        "stats",
    }
    # The review items (new in schema 1, additive): one per change, counted as stats says.
    tops = [item for item in data["items"] if item["parent"] is None]
    assert sum(item["section"] == "added" for item in tops) == data["stats"]["added_claims"]
    assert sum(item["section"] == "dropped" for item in tops) == data["stats"]["dropped_details"]
    for item in data["items"]:
        assert {"key", "section", "text", "was", "salience", "aliases", "parent"} <= set(item)
    # A substitution is one item: the new fact, what it replaced, the old side's key.
    text_a = "Vote\n\nThe city council approved the harbour plan on Monday after a debate.\n"
    vote = compare(
        document_from_text(text_a), document_from_text(text_a.replace("approved", "rejected"))
    )
    rejected = next(item for item in to_json_data(vote)["items"] if item["text"] == "rejected")
    assert (rejected["was"], rejected["salience"], len(rejected["aliases"])) == ("approved", 0, 1)
    for side in ("a", "b"):
        assert {"path", "title", "date", "encoding", "sentences"} <= set(data[side])
        for sentence in data[side]["sentences"]:
            assert {"id", "start", "end", "status", "kind", "text"} <= set(sentence)
    assert data["a"]["date"] == "2026-03-14"
    for pair in data["pairs"]:
        assert {"a", "b", "status", "score", "changed", "ops"} <= set(pair)
        for op in pair["ops"]:
            assert set(op) == {"op", "a_start", "a_end", "b_start", "b_end"}
            assert op["op"] in ("equal", "insert", "delete")
    assert data["claims"] and data["quotes"]
    for claim in data["claims"]:
        assert {"side", "kind", "category", "text", "start", "end"} <= set(claim)
        assert {"pair", "sentence", "departs_from"} <= set(claim)
    for quote in data["quotes"]:
        assert {"side", "start", "end", "text", "status", "source", "score"} <= set(quote)
        assert {"speaker", "source_speaker", "speaker_changed"} <= set(quote)
        assert quote["status"] in ("verbatim", "altered", "new", "dropped")
    assert {"a_kept", "b_new", "counts", "added_claims", "dropped_details", "quotes"} <= set(
        data["stats"]
    )


@pytest.mark.parametrize("name", [*REWRITES, "04_unrelated.txt"])
def test_json_offsets_index_the_decoded_files(
    name: str, comparisons: dict[str, Comparison]
) -> None:
    comparison = comparisons[name]
    data = json.loads(json.dumps(to_json_data(comparison), ensure_ascii=False))
    texts = {
        side: Path(data[side]["path"]).read_text(encoding="utf-8").removeprefix("\ufeff")
        for side in ("a", "b")
    }
    for side, text in texts.items():
        for sentence in data[side]["sentences"]:
            assert text[sentence["start"] : sentence["end"]] == sentence["text"]
    used: dict[str, set[int]] = {"a": set(), "b": set()}
    for pair in data["pairs"]:
        for side in ("a", "b"):
            assert not used[side] & set(pair[side]), "a sentence in two pairs"
            used[side] |= set(pair[side])
        for op in pair["ops"]:
            assert 0 <= op["a_start"] <= op["a_end"] <= len(texts["a"])
            assert 0 <= op["b_start"] <= op["b_end"] <= len(texts["b"])
            if op["op"] == "insert":
                assert op["a_start"] == op["a_end"]
            if op["op"] == "delete":
                assert op["b_start"] == op["b_end"]
    for claim in data["claims"]:
        assert texts[claim["side"]][claim["start"] : claim["end"]] == claim["text"]
        assert 0 <= claim["pair"] < len(data["pairs"])
    for quote in data["quotes"]:
        span = texts[quote["side"]][quote["start"] : quote["end"]]
        assert (
            quote["text"] in span or span in quote["text"] or _loose(quote["text"]) in _loose(span)
        )
        if quote["source"] is not None:
            other = texts["b" if quote["side"] == "a" else "a"]
            assert 0 <= quote["source"]["start"] < quote["source"]["end"] <= len(other)


def _loose(text: str) -> str:
    return " ".join(re.sub(r"[\"'“”‘’…\[\]]", " ", text).split())


def test_json_is_utf8_not_escaped(comparisons: dict[str, Comparison]) -> None:
    from diffreader.render import render

    text = render(comparisons["01_rewrite_syndicated.txt"], "json")
    assert "Sørensen" in text and "€" in text


def test_word_runs_read_as_b(comparisons: dict[str, Comparison]) -> None:
    """Equal and inserted runs rebuild B's text of the group; deleted runs are A's words."""
    for comparison in comparisons.values():
        for pair in comparison.pairs:
            if not (pair.ops and pair.a and pair.b):
                continue
            runs = list(_word_runs(comparison, pair))
            rebuilt = "".join(text for op, text in runs if op is not Op.DELETE)
            assert rebuilt == group_text(comparison.b, pair.b)


# --------------------------------------------------------------------------- text and markdown


def test_text_report_shows_every_group_and_claim(comparisons: dict[str, Comparison]) -> None:
    comparison = comparisons["02_rewrite_contentfarm.txt"]
    text = render_text(comparison, width=100)
    assert "\x1b" not in text
    assert "Coverage" in text and "Groups" in text
    # Every claim is listed once: as a claim, or inside the quotation check it is folded into.
    items = review_items(comparison)
    assert text.count("▲ ADDED") == sum(i.kind is ItemKind.ADDED for i in items)
    assert text.count("▼ DROPPED") == sum(i.kind is ItemKind.DROPPED for i in items)
    folded = sum(c.kind is ClaimKind.ADDED for c in comparison.claims) - text.count("▲ ADDED")
    assert folded == sum(
        c.kind is ClaimKind.ADDED and c.category.value == "quotation" for c in comparison.claims
    ) - sum(i.kind is ItemKind.ADDED and i.category == "quotation" for i in items)
    for index, pair in enumerate(comparison.pairs):
        assert re.search(rf"^\s*{index + 1} {pair.status.value.upper()}", text, re.M), pair
    assert "{+" in text and "[-" in text
    assert max(len(line) for line in text.splitlines()) <= 100 + 20  # long words may overrun


def test_text_colours_only_when_asked(comparisons: dict[str, Comparison]) -> None:
    comparison = comparisons["03_rewrite_update.txt"]
    plain = render_text(comparison, color=False)
    coloured = render_text(comparison, color=True)
    assert "\x1b" not in plain
    assert "\x1b[" in coloured
    assert "\x1b" not in SGR.sub("", coloured)


def test_markdown(comparisons: dict[str, Comparison]) -> None:
    comparison = comparisons["02_rewrite_contentfarm.txt"]
    text = render_markdown(comparison)
    assert text.startswith("# diffreader comparison")
    for heading in ("## Added claims", "## Dropped details", "## Quotations", "## Groups"):
        assert heading in text
    assert "~~" in text and "**" in text
    assert "\x1b" not in text
    # Headings count top-level claims, as the summary does; the rest sit indented under them.
    view = build_view(comparison)
    nested = [i for i in view.section(Section.ADDED) if i.parent is not None]
    inside = f", {len(nested)} details inside" if len(nested) != 1 else ", 1 detail inside"
    assert f"## Added claims ({view.added_claims}{inside})" in text
    assert nested and all(
        f"  - **{i.category}**: “{i.text}”" in text for i in nested if "*" not in i.text
    )


def test_no_color_environment_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = cli.demo_corpus()
    args = [str(demo / "00_original.txt"), str(demo / "02_rewrite_contentfarm.txt")]
    monkeypatch.setattr(cli, "_isatty", lambda stream: True)
    assert main([*args, "--format", "text"]) == 1
    assert "\x1b[" in capsys.readouterr().out  # a terminal gets colour...
    monkeypatch.setenv("NO_COLOR", "1")
    assert main([*args, "--format", "text"]) == 1
    assert "\x1b" not in capsys.readouterr().out  # ...unless NO_COLOR is set
    assert main([*args, "--format", "text", "--color", "always"]) == 1
    assert "\x1b[" in capsys.readouterr().out  # an explicit request wins


# --------------------------------------------------------------------------- hostile text

HOSTILE = (
    "[bold]Breaking[/] news from the harbour: a [link=http://x]trap[/link] here.\n\n"
    "The mayor said \x1b[31mred alert\x1b[0m and rang a bell\x07 twice.\n\n"
    "An old line\x1b]0;pwned\x07 with a title escape, and \x9b31m a C1 sequence.\n"
)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("color", ["never", "always"])
def test_article_text_is_shown_literally(
    fmt: str, color: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The harbour was quiet.\n\nNothing happened.\n", encoding="utf-8")
    b.write_text(HOSTILE, encoding="utf-8")
    assert main([str(a), str(b), "--format", fmt, "--color", color]) == 1
    out = capsys.readouterr().out
    ours_removed = SGR.sub("", out)
    assert "\x1b" not in ours_removed, "an escape from the article reached the terminal"
    assert "\x07" not in out and "\x9b" not in out
    assert "␇" in out
    if fmt == "text":
        assert "␛[31m" in out and "␛[0m" in out
        assert "[bold]Breaking[/]" in ours_removed
        assert "[link=http://x]trap[/link]" in ours_removed
    else:  # Markdown escapes the brackets too
        assert r"␛\[31m" in out and r"␛\[0m" in out
        assert r"\[bold\]Breaking\[/\]" in out


def test_json_keeps_article_text_exact(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The harbour was quiet.\n", encoding="utf-8")
    b.write_text(HOSTILE, encoding="utf-8")
    main([str(a), str(b), "--format", "json"])
    out = capsys.readouterr().out
    assert "\x1b" not in out  # JSON escapes control characters as \u001b ...
    data = json.loads(out)
    texts = "".join(s["text"] for s in data["b"]["sentences"])
    assert "\x1b[31mred alert" in texts  # ... and decodes back to the exact text


def test_visible() -> None:
    assert visible("a\x1b[2Jb") == "a␛[2Jb"
    assert visible("tab\tand\nnewline") == "tab\tand\nnewline"
    assert visible("\x00\x08\x7f") == "␀␈␡"
    assert visible("\x9b1m") == "<U+009B>1m"
    assert visible("\u202eevil") == "<U+202E>evil"
    assert visible("[bold]Sørensen[/] “quoted” — €1.8") == "[bold]Sørensen[/] “quoted” — €1.8"


# --------------------------------------------------------------------------- hand-built


def _doc(text: str, pieces: list[tuple[str, Status]], path: str) -> Document:
    sentences = []
    for index, (piece, status) in enumerate(pieces):
        start = text.index(piece)
        sentences.append(
            Sentence(index, start, start + len(piece), piece, 0, SentenceKind.BODY, status)
        )
    return Document(text, tuple(sentences), path=path)


def _hand_built() -> Comparison:
    a_text = "The bridge will close on March 23. Old news."
    b_text = "The bridge will shut on March 23, officials said."
    a = _doc(a_text, [("The bridge will close on March 23.", Status.REWORDED),
                      ("Old news.", Status.DROPPED)], "a.txt")  # fmt: skip
    b = _doc(b_text, [(b_text, Status.REWORDED)], "b.txt")
    ops = (
        WordOp(Op.EQUAL, 0, 16, 0, 16),
        WordOp(Op.DELETE, 16, 21, 16, 16),
        WordOp(Op.INSERT, 21, 21, 16, 20),
        WordOp(Op.EQUAL, 21, 33, 20, 32),
        WordOp(Op.INSERT, 33, 33, 32, 48),
        WordOp(Op.EQUAL, 33, 34, 48, 49),
    )
    pairs = (
        Pair((0,), (0,), Status.REWORDED, 0.8, ops, changed=True),
        Pair((1,), (), Status.DROPPED, 0.0),
    )
    claims = (
        Claim(Side.B, ClaimKind.ADDED, ClaimCategory.ASSERTION, "officials said", 34, 48, 0, 0),
        Claim(Side.A, ClaimKind.DROPPED, ClaimCategory.ASSERTION, "Old news.", 35, 44, 1, 1),
    )
    stats = Stats(0.8, 0.3, 0.5, 1.0, {"reworded": 1, "dropped": 1}, 1, 1, {})
    return Comparison(a, b, pairs, claims, (), stats)


def test_hand_built_text() -> None:
    text = render_text(_hand_built(), width=80)
    assert "~ The bridge will [-close-]{+shut+} on March 23{+, officials said+}." in text
    coloured = SGR.sub("", render_text(_hand_built(), width=80, color=True))
    assert "~ The bridge will close shut on March 23, officials said." in coloured
    assert "▲ ADDED assertion: “officials said” (B0)" in text
    assert "▼ DROPPED assertion: “Old news.” (A1)" in text
    assert "- Old news." in text


def test_hand_built_markdown_and_json() -> None:
    comparison = _hand_built()
    markdown = render_markdown(comparison)
    # The inserted comma is marked too; the empty comment lets "**," open after "23".
    assert "The bridge will ~~close~~ **shut** on March 23<!-- -->**, officials said**." in markdown
    data: dict[str, Any] = to_json_data(comparison)
    assert data["claims"][0] == {
        "side": "b",
        "kind": "added",
        "category": "assertion",
        "text": "officials said",
        "start": 34,
        "end": 48,
        "pair": 0,
        "sentence": 0,
        "departs_from": [],
        "parent": -1,
    }
    assert data["pairs"][0]["ops"][1] == {
        "op": "delete",
        "a_start": 16,
        "a_end": 21,
        "b_start": 16,
        "b_end": 16,
    }
