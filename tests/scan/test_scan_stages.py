"""Unit tests of the scan's stage functions (pure, plain data) and of the synchronous Dask
scheduler running them."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scan_helpers import generate, result_bytes, scan

from diffreader.corpus.features import extract
from diffreader.corpus.rank import WEIGHTS, idf, max_df
from diffreader.corpus.verify import MIN_FACTS, Check, Verdict, verify
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


def _by_partitions(
    articles: list[set[str]], count: int, min_facts: int
) -> dict[tuple[int, int], int]:
    """The candidate links as the scan counted them until it counted them by text: every
    pair of every kept term scored, partition by partition (each in term order), the
    partitions' sums added in partition order, then the rule (``FLOOR``, ``min_facts``)."""
    n = len(articles)
    holders: dict[str, list[int]] = defaultdict(list)
    for article, terms in enumerate(articles):
        for term in sorted(terms):
            holders[term].append(article)
    partials = []
    for partition in range(count):
        pair: dict[tuple[int, int], float] = defaultdict(float)
        facts: dict[tuple[int, int], int] = defaultdict(int)
        own: dict[int, float] = defaultdict(float)
        for term in sorted(holders):
            held = holders[term]
            if stages.term_partition(term, count) != partition or not 2 <= len(held) <= max_df(n):
                continue
            weight = WEIGHTS[term[0]] * idf(n, len(held))
            for i, a in enumerate(held):
                own[a] += weight
                for b in held[i + 1 :]:
                    pair[a, b] += weight
                    facts[a, b] += term[0] in "nf"
        partials.append((pair, facts, own))
    sums: dict[tuple[int, int], list[float]] = {}
    owns: dict[int, float] = defaultdict(float)
    for pair, facts, own in partials:
        for key, value in pair.items():
            if key in sums:
                sums[key][0] += value
                sums[key][1] += facts[key]
            else:
                sums[key] = [value, facts[key]]
        for article, value in own.items():
            owns[article] += value
    return {
        key: int(shared)
        for key, (value, shared) in sorted(sums.items())
        if value > 0
        and value >= stages.FLOOR * min(owns[key[0]], owns[key[1]])
        and shared >= min_facts
    }


def _links(
    articles: list[set[str]], count: int, min_facts: int, per_block: int
) -> dict[tuple[int, int], int]:
    index = stages.postings([sorted(t) for t in articles])
    kept = stages.kept_terms(index, len(articles), count)
    tasks = stages.blocks(kept, min_facts, per_block)
    return stages.choose_links(kept, (stages.link_block(task) for task in tasks))


@given(_TERMS, st.integers(1, 9), st.integers(1, 4), st.integers(1, 60))
def test_links_counted_by_text_are_those_of_every_pair_scored_by_partition(
    articles: list[set[str]], count: int, min_facts: int, per_block: int
) -> None:
    """The candidates and their facts, exactly (the same floats at the ``FLOOR``), as when
    every pair of every term was scored, whatever the blocks of texts."""
    assert _links(articles, count, min_facts, per_block) == _by_partitions(
        articles, count, min_facts
    )


@given(_TERMS, st.integers(1, 9), st.integers(1, 60))
def test_blocks_hold_every_text_once_with_its_own_score(
    articles: list[set[str]], count: int, per_block: int
) -> None:
    n = len(articles)
    index = stages.postings([sorted(t) for t in articles])
    kept = stages.kept_terms(index, n, count)
    assert len(kept.weighted) == sum(1 for h in index.values() if 2 <= len(h) <= max_df(n))
    # Numbered in summing order: by partition, then by term.
    partitions = [partition for partition, _ in kept.weighted]
    assert partitions == sorted(partitions)
    own = [o for task in stages.blocks(kept, 1, per_block) for o in stages.link_block(task)[1]]
    assert [article for article, _ in own] == list(range(n))
    for article, score in own:
        shared = [t for t in articles[article] if 2 <= len(index[t]) <= max_df(n)]
        assert score == pytest.approx(sum(WEIGHTS[t[0]] * idf(n, len(index[t])) for t in shared))


def test_a_pair_sharing_fewer_facts_than_a_rewrite_is_no_candidate() -> None:
    shared = [f"n:name{i}" for i in range(5)] + [f"s:{i}" for i in range(20)]
    articles = [set(shared), set(shared), {"w:other"}]
    assert _links(articles, 1, MIN_FACTS, 100) == {}  # 5 facts: fewer than 6
    assert _links([t | {"f:2025"} for t in articles[:2]], 1, MIN_FACTS, 100) == {(0, 1): 6}
    with pytest.raises(ValueError):
        stages.blocks(stages.kept_terms({}, 0, 1), min_facts=0)


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
