"""Acceptance of the multi-version view on the sample corpus in ../shared (never copied).

000 is the original; 001, 002 and 003 are its rewrites. Skipped when ../shared is absent.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from versions_helpers import claim_signature, pairwise_claims

from diffreader.engine import ClaimCategory, ClaimKind, load_document
from diffreader.versions import Band, Collation, collate

SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "sample"

pytestmark = [
    pytest.mark.sample,
    pytest.mark.skipif(
        not SAMPLE.is_dir(), reason="../shared/corpus/sample is not beside the repo"
    ),
]


def path(prefix: str) -> Path:
    return next(SAMPLE.glob(f"{prefix}_*.txt"))


@cache
def sample() -> Collation:
    return collate(
        load_document(path("000")), [load_document(path(p)) for p in ("001", "002", "003")]
    )


def test_claims_shared_by_all_three_come_first() -> None:
    c = sample()
    bands = [c.band(g) for g in c.claims]
    assert bands[0] is Band.ADDED_ALL
    first_other = next(i for i, b in enumerate(bands) if b is not Band.ADDED_ALL)
    assert all(b is not Band.ADDED_ALL for b in bands[first_other:])
    # The "former" role given to Trump, an added role in each pairwise comparison.
    shared = c.claims[:first_other]
    trump = [g for g in shared if g.category is ClaimCategory.ROLE and "Trump" in g.text]
    assert len(trump) == 1 and "former" in trump[0].text
    assert trump[0].versions == (0, 1, 2) and len(trump[0].members) == 3


def test_lavrovs_remarks_are_dropped_by_all() -> None:
    c = sample()
    lavrov = [
        g for g in c.claims if g.kind is ClaimKind.DROPPED and g.parent < 0 and "Lavrov" in g.text
    ]
    assert lavrov
    assert all(c.band(g) is Band.DROPPED_ALL for g in lavrov)
    # And every sentence of the original naming him is dropped in every version.
    rows = [r for r in c.sentences if r.a >= 0 and "Lavrov" in r.text]
    assert rows
    assert all(
        cell is not None and cell.status.value == "dropped" for r in rows for cell in r.cells
    )


def test_sample_columns_equal_pairwise_comparisons() -> None:
    c = sample()
    for v, comparison in enumerate(c.comparisons):
        assert claim_signature(c, v) == pairwise_claims(c.original, comparison.b)


def test_rewrites_share_sentences_the_original_lacks() -> None:
    c = sample()
    assert all(s.claims for s in c.shared)
    assert any(s.sentences for s in c.shared)
