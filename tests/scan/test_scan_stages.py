"""Unit tests of the scan's stage functions (pure, plain data) and of the synchronous Dask
scheduler running them."""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scan_helpers import generate, result_bytes, scan

from diffreader.corpus.features import extract
from diffreader.corpus.rank import WEIGHTS, idf, max_df
from diffreader.corpus.verify import Check, Verdict, verify
from diffreader.engine.compare import compare
from diffreader.engine.load import load_document
from diffreader.render.model import build_view
from diffreader.render.to_json import to_json_data
from diffreader.scan import stages
from diffreader.scan.results import Appender, read_jsonl

DEMO = Path(__file__).resolve().parents[2] / "src" / "diffreader" / "demo"


def test_list_articles_walks_folders_and_skips_hidden_and_readme(tmp_path: Path) -> None:
    (tmp_path / "2025" / "01").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    for name in ("b.txt", "2025/01/a.md", "2025/plain", "page.html", "2025/old.HTM",
                 ".hidden.txt", ".cache/c.txt", "README.txt", "photo.jpg"):  # fmt: skip
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = stages.list_articles([tmp_path, tmp_path / "2025"])  # given twice: listed once
    expected = ("b.txt", "2025/01/a.md", "2025/plain", "page.html", "2025/old.HTM")
    assert found == sorted(str(tmp_path / n) for n in expected)


def test_a_scan_lists_the_files_the_reader_lists(tmp_path: Path) -> None:
    """One set of article suffixes: a saved web page is scanned as the reader lists it."""
    from diffreader.storage.corpus_index import scan as reader_listing

    for name in ("a.txt", "b.html", "c.htm", "d.markdown", "e", "f.pdf", "g.json"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    scanned = [Path(p).name for p in stages.list_articles([tmp_path])]
    assert sorted(scanned) == sorted(reader_listing(tmp_path))
    assert {"b.html", "c.htm"} <= set(scanned)


def test_article_features_are_the_corpus_features_and_reuse_a_known_hash(tmp_path: Path) -> None:
    path = str(DEMO / "00_original.txt")
    (record, terms), = stages.article_features([(path, None)])  # fmt: skip
    expected = extract(load_document(path))
    assert terms == expected.terms
    assert record["hash"] == expected.hash and record["title"] == expected.title
    # The same text under a known hash: read and hashed, not extracted again.
    (again, none), = stages.article_features([(path, expected.hash)])  # fmt: skip
    assert none is None and again["hash"] == expected.hash


def test_article_features_give_a_reason_for_what_is_not_an_article(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    jobs = [(str(tmp_path / n), None) for n in ("empty.txt", "binary.txt", "gone.txt")]
    for record, terms in stages.article_features(jobs):
        assert terms is None and record["error"] and "hash" not in record


_TERMS = st.lists(
    st.sets(st.sampled_from([f"{k}:{w}" for k in "nfqws" for w in "abcdefgh"]), max_size=12),
    min_size=2,
    max_size=12,
)


def _brute_force(articles: list[set[str]]) -> dict[tuple[int, int], float]:
    """Pair scores computed directly: every pair, every shared term."""
    n = len(articles)
    df: dict[str, int] = defaultdict(int)
    for terms in articles:
        for term in terms:
            df[term] += 1
    out = {}
    for a, b in itertools.combinations(range(n), 2):
        shared = [t for t in articles[a] & articles[b] if 2 <= df[t] <= max_df(n)]
        if shared:
            out[a, b] = sum(WEIGHTS[t[0]] * idf(n, df[t]) for t in shared)
    return out


@given(_TERMS, st.integers(1, 9))
def test_partitioned_index_scores_every_pair_as_the_direct_computation(
    articles: list[set[str]], count: int
) -> None:
    index = stages.postings([sorted(t) for t in articles])
    parts = stages.partitions(index, len(articles), count)
    assert len(parts) == count
    scores: dict[tuple[int, int], float] = defaultdict(float)
    for part in parts:
        pairs, _ = stages.link_partition(part)
        for a, b, score, _facts in pairs:
            scores[a, b] += score
    expected = _brute_force(articles)
    assert scores.keys() == expected.keys()
    for key, value in expected.items():
        assert scores[key] == pytest.approx(value)


@given(_TERMS)
def test_a_term_lands_in_one_partition_whatever_the_process(articles: list[set[str]]) -> None:
    index = stages.postings([sorted(t) for t in articles])
    for term in index:
        assert stages.term_partition(term, 16) == stages.term_partition(term, 16)
    terms = [e for part in stages.partitions(index, len(articles), 4) for e in part]
    assert len(terms) == sum(1 for h in index.values() if 2 <= len(h) <= max_df(len(articles)))


def test_merge_links_keeps_pairs_with_enough_facts_and_score() -> None:
    partial_a = ([(0, 1, 3.0, 4), (0, 2, 0.01, 9)], [(0, 3.0), (1, 3.0), (2, 3.0)])
    partial_b = ([(0, 1, 1.0, 2)], [(0, 1.0), (1, 1.0)])
    assert stages.merge_links([partial_a, partial_b]) == {(0, 1): 6}
    assert stages.merge_links([partial_a]) == {}  # 4 facts: fewer than a rewrite has


def test_verify_pairs_gives_the_verdict_and_the_json_contract(tmp_path: Path) -> None:
    a, b = str(DEMO / "00_original.txt"), str(DEMO / "01_rewrite_syndicated.txt")
    doc_a, doc_b = load_document(a), load_document(b)
    hashes = extract(doc_a).hash, extract(doc_b).hash
    (record, comparison), = stages.verify_pairs([(a, b, *hashes, 9)])  # fmt: skip
    check = verify(doc_a, doc_b).judged(9)
    assert stages.check_of(record) == Check(
        check.verdict, check.matched, round(check.kept, 4), check.quotations,
        check.matched_sentences, 9,
    )  # fmt: skip
    assert record["verdict"] == "rewrite"
    assert comparison == to_json_data(build_view(compare(doc_a, doc_b)))
    # A file changed since its features: no verdict read from stale hashes, and a pair
    # not verified is not called unrelated.
    (stale, none), = stages.verify_pairs([(a, b, "0" * 32, hashes[1], 9)])  # fmt: skip
    assert none is None and stale["error"] and stale["verdict"] is None
    assert stages.check_of(stale).verdict is Verdict.UNRELATED  # no link for the stories


def test_build_stories_pivots_on_the_earliest_and_never_chains() -> None:
    articles = [
        {"path": "/c/a.txt", "date": "2025-01-01", "title": "A"},
        {"path": "/c/b.txt", "date": "2025-01-02", "title": "B"},
        {"path": "/c/c.txt", "date": "2025-01-03", "title": "C"},
        {"path": "/c/d.txt", "date": None, "title": "alone"},
    ]
    rewrite = Check(Verdict.REWRITE, 0.6, 0.4, 1, 5, 9)
    unrelated = Check(Verdict.UNRELATED, 0.0, 0.0, 0, 0, 9)
    checks = {(0, 1): rewrite, (1, 2): rewrite, (0, 2): unrelated}
    stories = stages.build_stories(articles, [(0, 1), (1, 2), (0, 2)], checks)
    assert [s["pivot"] for s in stories] == ["/c/a.txt", "/c/c.txt"]
    alone = {"identical": False, "copy_of": None}
    assert stories[0]["members"] == [{"path": "/c/b.txt", "verdict": "rewrite", **alone}]
    # c rewrites b, which belongs to a's story: c starts its own, listing b (and a, an
    # earlier pivot it is linked to) as related, never chained in.
    assert stories[1]["members"] == []
    assert stories[1]["related"] == [
        {"path": "/c/a.txt", "verdict": None, "story": "/c/a.txt", **alone},
        {"path": "/c/b.txt", "verdict": None, "story": "/c/a.txt", **alone},
    ]


def test_a_line_cut_by_a_crash_is_skipped_and_the_next_starts_afresh(tmp_path: Path) -> None:
    path = tmp_path / "pairs.jsonl"
    with Appender(path) as out:
        out.write([{"a": 1}])
    with open(path, "a", encoding="utf-8") as handle:
        handle.write('{"a": 2, "b"')  # killed mid-write
    assert list(read_jsonl(path)) == [{"a": 1}]
    with Appender(path) as out:
        out.write([{"a": 3}, {"text": "line\u2028separator \x1b[31m"}])
    assert list(read_jsonl(path)) == [{"a": 1}, {"a": 3}, {"text": "line\u2028separator \x1b[31m"}]
    assert "\x1b" not in path.read_text(encoding="utf-8")  # escaped, as in every JSON output


def test_the_synchronous_dask_scheduler_gives_the_in_process_results(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from diffreader.scan.dask_executor import DaskExecutor

    corpus = generate(tmp_path / "corpus", 40)
    scan(corpus, tmp_path / "here")
    scan(corpus, tmp_path / "dask", DaskExecutor.synchronous())
    assert result_bytes(tmp_path / "here") == result_bytes(tmp_path / "dask")
    manifest = json.loads((tmp_path / "dask" / "diffreader-scan.json").read_text())
    assert manifest["complete"] and manifest["counts"]["rewrites"] > 0


_RECORDS = st.lists(
    st.dictionaries(st.sampled_from("abc"), st.one_of(st.integers(), st.text(max_size=20))),
    min_size=1,
    max_size=8,
)


@given(_RECORDS, _RECORDS, st.floats(0, 1))
def test_a_file_cut_anywhere_keeps_its_whole_lines_and_takes_new_ones(
    first: list[dict[str, object]], then: list[dict[str, object]], cut: float
) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pairs.jsonl"
        with Appender(path) as out:
            out.write(first)
        data = path.read_bytes()
        kept = data[: round(len(data) * cut)]
        path.write_bytes(kept)  # killed while writing: any byte may be the last
        survivors = list(read_jsonl(path))
        assert survivors == first[: kept.count(b"\n")]
        with Appender(path) as out:
            out.write(then)
        assert list(read_jsonl(path)) == survivors + then
