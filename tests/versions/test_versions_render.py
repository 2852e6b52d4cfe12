"""Tests the multi-version writers: every format lists the same bands with the same counts."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from versions_helpers import fixture_docs

from diffreader.engine import load_document
from diffreader.render import render_versions, render_versions_report
from diffreader.render.versions import claim_bands
from diffreader.versions import Collation, collate

DEMO = Path(__file__).resolve().parents[2] / "src" / "diffreader" / "demo"


def demo() -> Collation:
    names = sorted(p.name for p in DEMO.glob("0[0-3]*.txt"))
    docs = [load_document(DEMO / name) for name in names]
    return collate(docs[0], docs[1:])


@pytest.mark.parametrize("make", [lambda: collate(*fixture_docs()), demo])
def test_every_format_lists_the_same_bands(make) -> None:  # type: ignore[no-untyped-def]
    c = make()
    bands = claim_bands(c)
    expected = [(title, len(indexes)) for title, indexes in bands]
    text = render_versions(c, "text")
    assert re.findall(r"^([A-Z][A-Z0-9 ]+[A-Z0-9]) \((\d+)\)$", text, re.M)[: len(bands)] == [
        (t.upper(), str(n)) for t, n in expected
    ]
    md = render_versions(c, "markdown")
    assert re.findall(r"^## (.+) \((\d+)\)$", md, re.M)[: len(bands)] == [
        (t, str(n)) for t, n in expected
    ]
    html = render_versions_report(c, None, "html")
    assert re.findall(r"<h2>(.+?) \((\d+)\)</h2>", html)[: len(bands)] == [
        (t, str(n)) for t, n in expected
    ]
    data = json.loads(render_versions(c, "json"))
    top = Counter(claim["band"] for claim in data["claims"] if claim["parent"] < 0)
    assert sum(top.values()) == sum(n for _, n in expected)
    assert len(data["claims"]) == len(c.claims)
    # The JSON's sentence rows are the matrix's, one cell per version.
    assert len(data["sentences"]) == len(c.sentences)
    assert {len(row["cells"]) for row in data["sentences"]} == {len(c.comparisons)}


def test_report_json_keeps_the_view_and_adds_the_review() -> None:
    c = collate(*fixture_docs())
    view = json.loads(render_versions(c, "json"))
    report = json.loads(render_versions_report(c, None, "json"))
    assert report["kind"] == "diffreader-versions-report"
    for group, claim_view, claim_report in zip(
        c.claims, view["claims"], report["claims"], strict=True
    ):
        review = claim_report.pop("review")
        assert claim_report == claim_view
        assert review["mark"] is None
        assert [(i["version"], i["key"]) for i in review["items"]] == list(group.items)


def test_unknown_formats_are_refused() -> None:
    c = collate(*fixture_docs())
    with pytest.raises(ValueError):
        render_versions(c, "yaml")
    with pytest.raises(ValueError):
        render_versions_report(c, None, "text")
