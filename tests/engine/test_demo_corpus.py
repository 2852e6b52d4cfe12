"""The bundled demo corpus shows every feature: these are its documented expectations."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from diffreader.engine import (
    ClaimKind,
    Comparison,
    QuoteStatus,
    Status,
    compare,
    load_document,
)

DEMO = Path(__file__).resolve().parents[2] / "src" / "diffreader" / "demo"


@cache
def demo(name: str) -> Comparison:
    original = load_document(DEMO / "00_original.txt")
    return compare(original, load_document(next(DEMO.glob(f"{name}_*.txt"))))


def claims(c: Comparison, kind: ClaimKind) -> list[tuple[str, str]]:
    return [(cl.category.value, cl.text) for cl in c.claims if cl.kind is kind]


def group_texts(c: Comparison, status: Status | None = None) -> list[tuple[list[str], list[str]]]:
    return [
        ([c.a.sentences[i].text for i in p.a], [c.b.sentences[i].text for i in p.b])
        for p in c.pairs
        if status is None or p.status is status
    ]


def test_original_metadata() -> None:
    original = load_document(DEMO / "00_original.txt")
    assert original.date == "2026-03-14"
    assert original.title is None
    assert original.sentences[0].kind.value == "meta"


def test_syndicated_copy_is_mostly_same() -> None:
    c = demo("01")
    assert c.b.title == "Saltmere to close Lanner Street bridge for urgent repairs"
    assert claims(c, ClaimKind.ADDED) == [("number", "9,000")]
    dropped = claims(c, ClaimKind.DROPPED)
    assert ("person", "Paul Aske") in dropped and ("person", "Rita Moen") in dropped
    # O13 and O14 merged into one sentence.
    merged = [g for g in group_texts(c) if len(g[0]) == 2 and len(g[1]) == 1]
    assert merged and merged[0][0][0] == "Local businesses on the east bank fear a drop in trade."
    assert {q.status for q in c.quotes} == {QuoteStatus.VERBATIM}
    assert len(c.quotes) == 5
    furniture = group_texts(c, Status.BOILERPLATE)
    assert any(b and b[0].startswith("FILE PHOTO") for _, b in furniture)
    assert c.stats.a_kept > 0.85 and c.stats.b_new < 0.1


def test_content_farm_rewrite() -> None:
    c = demo("02")
    assert [p.status for p in c.pairs].count(Status.MOVED) >= 3
    split = [g for g in group_texts(c) if len(g[1]) == 2]
    assert split and split[0][1][1].startswith("Without repairs, she warned")
    added = claims(c, ClaimKind.ADDED)
    for expected in [
        ("number", "€2.4 million"),
        ("duration", "more than three years"),
        ("person", "Declan Moyle"),
    ]:
        assert expected in added
    assert any(text == "Kilbrannan" for _, text in added)
    assert any("1908" in text for _, text in added)
    dropped = claims(c, ClaimKind.DROPPED)
    assert ("number", "18 per cent") in dropped
    assert ("duration", "about forty minutes") in dropped
    by_status = {q.status: q for q in c.quotes}
    assert by_status[QuoteStatus.NEW].text.startswith("It's going to cost us fuel and time")
    altered = by_status[QuoteStatus.ALTERED]
    assert "almost an hour to every trip" in altered.text
    assert altered.source is not None
    assert "about forty minutes to each trip" in c.a.text[altered.source.start : altered.source.end]
    assert altered.ops, "an altered quotation carries its word diff"
    assert any(
        q.status is QuoteStatus.VERBATIM and q.text.startswith("Nobody on this council")
        for q in c.quotes
    )
    assert group_texts(c, Status.BOILERPLATE)[-1][1] == ["Recommended Articles"]


def test_machine_rewrite_without_headline() -> None:
    c = demo("03")
    assert c.b.title is None
    merged = [g for g in group_texts(c) if len(g[0]) == 2 and len(g[1]) == 1]
    assert any(a[0].startswith("The bridge, which carries") for a, _ in merged)
    added = claims(c, ClaimKind.ADDED)
    assert ("person", "Gareth Quill") in added
    assert ("role", "head of the regional development fund") in added
    dropped = claims(c, ClaimKind.DROPPED)
    assert ("date", "on March 23") in dropped and ("date", "on Feb. 26") in dropped
    misattributed = [q for q in c.quotes if q.speaker_changed]
    assert len(misattributed) == 1
    assert misattributed[0].text.startswith("Boats longer than six metres")
    assert misattributed[0].source_speaker == "Ines Varga"
    altered = [q for q in c.quotes if q.status is QuoteStatus.ALTERED]
    assert len(altered) == 1 and "before the summer is over" in altered[0].text
    moved = group_texts(c, Status.MOVED)
    assert any(a[0].startswith("The inspection was led by Dr. Amara Lind") for a, _ in moved)


def test_unrelated_article_has_little_overlap() -> None:
    c = demo("04")
    assert c.stats.a_sentences_matched < 0.2
    assert c.stats.b_new > 0.9


@pytest.mark.parametrize("name", ["01", "02", "03", "04"])
def test_every_claim_and_quote_maps_back_to_its_file(name: str) -> None:
    c = demo(name)
    for claim in c.claims:
        assert c.document(claim.side).text[claim.start : claim.end] == claim.text
    for quote in c.quotes:
        assert c.document(quote.side).text[quote.start : quote.end] == quote.text
