"""Tests the pure corpus finder: features, ranking, the verdict rule, stories."""

from __future__ import annotations

from pathlib import Path

import pytest

from diffreader.corpus.features import extract
from diffreader.corpus.rank import rank, reasons
from diffreader.corpus.stories import group, pivot_order
from diffreader.corpus.verify import Check, Verdict, judge, verify
from diffreader.engine import document_from_text, load_document

SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "sample"

TEXT = (
    "Harbour Plan Approved\n\n"
    "The Brindle Harbour Authority approved the plan on Tuesday, said Ana Kovac. "
    "It will cost 40 million pounds and create 120 jobs. "
    "“We had no choice at all,” Kovac said. Work starts in May."
)


def test_features_kinds() -> None:
    features = extract(document_from_text(TEXT))
    terms = features.terms
    assert "n:ana kovac" in terms and "n:kovac" in terms
    assert "n:brindle harbour authority" in terms
    assert "f:40 million" in terms and "f:120 job" in terms
    assert "q:we had no" in terms
    assert any(t.startswith("s:") for t in terms)
    assert "w:harbour" in terms
    # A headline's capitalised words are not names; a sentence's first word is not one.
    assert "n:approved" not in terms and "n:work" not in terms
    assert features.title == "Harbour Plan Approved"
    assert features.words == len(TEXT.split())


def test_sentence_hash_ignores_quote_style_and_case() -> None:
    a = extract(document_from_text("The mayor said “no” to the plan for the park."))
    b = extract(document_from_text('The Mayor said "no" to the plan for the park.'))
    assert {t for t in a.terms if t[0] == "s"} == {t for t in b.terms if t[0] == "s"}


def test_rank_weights_rare_terms() -> None:
    postings = {"n:kovac": (2, [1, 2]), "w:plan": (40, [1, 2, 3]), "f:40 million": (2, [1, 3])}
    ranked = rank(postings, postings, 1000, exclude=1)
    assert [c.article for c in ranked] == [3, 2]  # a shared figure weighs more than a name
    assert ranked[0].shared == {"f": 1}  # "plan" is in more than 2% of the corpus: skipped


def test_judge_rule() -> None:
    assert judge(0.5, 0.3, 0, facts=10) is Verdict.REWRITE
    assert judge(0.25, 0.1, 1, facts=10) is Verdict.REWRITE
    assert judge(0.25, 0.1, 0, facts=10) is Verdict.RELATED
    assert judge(0.9, 0.5, 2, facts=2) is Verdict.RELATED  # same pattern, other facts
    assert judge(0.0, 0.01, 0) is Verdict.UNRELATED


def test_reasons_text() -> None:
    check = Check(Verdict.REWRITE, 0.4, 0.2, 3, 6)
    text = reasons({"n": 12, "f": 5}, check)
    assert text == "3 shared quotations, 5 shared figures, 12 names; 40% of sentences matched"
    assert reasons({}, None) == "nothing in common"


def test_pivot_order_dated_first() -> None:
    order = pivot_order(
        [(1, None, "a.txt"), (2, "2024-05-01", "b.txt"), (3, "2024-01-01", "c.txt")]
    )
    assert order == [3, 2, 1]


def test_stories_never_chain() -> None:
    rewrite = Check(Verdict.REWRITE, 0.6, 0.4, 2, 8)
    unrelated = Check(Verdict.UNRELATED, 0.0, 0.0, 0, 0)
    # 2 rewrites 1; 3 rewrites 2 but is not a rewrite of 1.
    checks = {(1, 2): rewrite, (1, 3): unrelated, (3, 2): rewrite, (2, 3): rewrite}
    stories = group([1, 2, 3], {1: [2, 3], 2: [3]}, lambda a, b: checks[a, b])
    assert [(s.pivot, [m.article for m in s.members]) for s in stories] == [(1, [2]), (3, [])]
    assert [(r.article, r.story) for r in stories[1].related] == [(1, 1), (2, 1)]


@pytest.mark.sample
@pytest.mark.skipif(not SAMPLE.is_dir(), reason="the sample corpus is absent")
def test_sample_verdicts() -> None:
    docs = [load_document(p) for p in sorted(SAMPLE.glob("*.txt"))]
    assert len(docs) == 5
    for rewrite in docs[1:4]:
        assert verify(docs[0], rewrite).verdict is Verdict.REWRITE
    assert verify(docs[0], docs[4]).verdict is Verdict.RELATED
    assert verify(docs[4], docs[0]).verdict is Verdict.RELATED
