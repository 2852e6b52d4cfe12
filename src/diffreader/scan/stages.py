"""Provides the stages of a scan as pure functions over plain data (picklable in and out).

Each function a task runs takes and returns plain data (strings, numbers, lists, dicts),
so an executor can ship it to another process or another machine: a worker needs
diffreader installed and the article paths readable, nothing else.

API:
    ARTICLE_SUFFIXES, list_articles(dirs) -> list[str]
    article_features(jobs) -> list[tuple[record, terms | None]]       (a task)
    postings(terms_by_article) -> dict[term, list[article]]
    partition_count(postings_total), kept_terms(postings, n, count) -> Kept
    blocks(kept, min_facts) -> list[Block]                            runs of texts
    link_block(block) -> BlockLinks                                   (a task)
    choose_links(kept, found) -> dict[(a, b), facts]
    verify_pairs(jobs) -> list[tuple[pair record, comparison | None]]  (a task)
    check_of(record) -> Check, build_stories(...) -> list[story record]

Copies of one text (files of the same content hash) are one article to the candidates
and the stories (``corpus.stories.one_per_text``): the driver indexes one article per
text, so a story's own copies never make its terms common, and verifies one pair of
copies per copied text, for the figures of its identical copies.
"""

from __future__ import annotations

import hashlib
import os
from array import array
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from diffreader.corpus.rank import WEIGHTS, idf, max_df
from diffreader.corpus.stories import Linked, group, pivot_order, with_copies
from diffreader.corpus.verify import MIN_FACTS, Check, Verdict
from diffreader.engine.load import ARTICLE_SUFFIXES

__all__ = [
    "ARTICLE_SUFFIXES",
    "FLOOR",
    "Kept",
    "article_features",
    "blocks",
    "build_stories",
    "check_of",
    "choose_links",
    "kept_terms",
    "link_block",
    "list_articles",
    "partition_count",
    "postings",
    "summed",
    "verify_pairs",
]

FLOOR = 0.06
"""A pair is a candidate when its shared-term score is at least this share of the smaller
of the two articles' own scores (as ``diffreader stories`` links them)."""

Weighted = tuple[int, float]
"""A kept term's partition (``term_partition``) and weight (``corpus.rank``)."""
Row = tuple[int, list[Weighted], list[int]]
"""A text of a block: its id, its kept terms in summing order, and the numbers of its kept
names and figures."""
Block = tuple[list[Row], dict[int, list[int]], int]
"""A links task: its texts, the texts holding each of their names and figures (by term
number, ascending), and the fewest shared facts a candidate has."""
BlockLinks = tuple[list[tuple[int, int, int]], list[tuple[int, float]]]
"""A block's ``(a, b, facts)`` (``a`` in the block, ``b > a``) and ``(text, own score)``."""


# -- listing ---------------------------------------------------------------------------


def list_articles(dirs: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The article files under ``dirs`` (recursively), as absolute paths, sorted.

    Hidden files and folders and README files are left out; a file with an article's
    suffix is listed even when it cannot be read (the features stage gives the reason).
    """
    found: set[str] = set()
    for top in dirs:
        root = os.path.abspath(os.fspath(top))
        for folder, subdirs, files in os.walk(root):
            subdirs[:] = [d for d in subdirs if not d.startswith(".")]
            for name in files:
                if name.startswith(".") or name.lower().startswith("readme"):
                    continue
                if os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES:
                    found.add(os.path.join(folder, name))
    return sorted(found)


# -- stage 1: features -----------------------------------------------------------------


def article_features(
    jobs: Sequence[tuple[str, str | None]],
) -> list[tuple[dict[str, Any], dict[str, int] | None]]:
    """Load and extract articles (a task).

    Args:
        jobs: ``(path, hash known for it or None)``: when the text still has that hash,
            its terms are not extracted again (they are in the results already).

    Returns:
        Per job: the article's record (``path``, ``size``, ``mtime_ns``, ``hash``,
        ``title``, ``date``, ``words`` or ``error``) and its terms (``None`` when known
        or not an article).
    """
    from diffreader.corpus.features import content_hash, extract
    from diffreader.engine.load import LoadError, load_document

    out: list[tuple[dict[str, Any], dict[str, int] | None]] = []
    for path, known in jobs:
        try:
            info = os.stat(path)
            size, mtime = info.st_size, info.st_mtime_ns
        except OSError:
            size = mtime = -1
        record: dict[str, Any] = {"path": path, "size": size, "mtime_ns": mtime}
        try:
            doc = load_document(path)
        except LoadError as error:
            record["error"] = error.reason or "cannot be read"
            out.append((record, None))
            continue
        except (OSError, ValueError) as error:
            record["error"] = f"cannot be read: {error}"
            out.append((record, None))
            continue
        digest = content_hash(doc.text)
        record.update(hash=digest, title=doc.title, date=doc.date, words=len(doc.text.split()))
        if digest == known:
            out.append((record, None))
            continue
        features = extract(doc)
        out.append((record, dict(sorted(features.terms.items()))))
    return out


# -- stage 2: candidates ---------------------------------------------------------------


def postings(terms_by_article: Sequence[Iterable[str]]) -> dict[str, list[int]]:
    """The inverted index: term -> ids (positions in ``terms_by_article``), ascending.

    >>> postings([["n:kovac", "w:harbour"], ["n:kovac"]])
    {'n:kovac': [0, 1], 'w:harbour': [0]}
    """
    index: dict[str, list[int]] = defaultdict(list)
    for article, terms in enumerate(terms_by_article):
        for term in terms:
            index[term].append(article)
    return dict(sorted(index.items()))


def term_partition(term: str, count: int) -> int:
    """The partition of ``term``: a stable hash (``hash()`` differs between processes).

    >>> term_partition("n:kovac", 8) == term_partition("n:kovac", 8) < 8
    True
    """
    digest = hashlib.blake2b(term.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % count


def partition_count(postings_total: int, per_partition: int = 200_000) -> int:
    """How many partitions: about ``per_partition`` postings each, at least 1, at most
    4,096. A function of the data only, never of the executor: scores are summed
    partition by partition (``summed``), so the same partitions give the same floats.

    >>> partition_count(10), partition_count(1_000_000)
    (1, 5)
    """
    return max(1, min(4096, -(-postings_total // per_partition)))


@dataclass(slots=True)
class Kept:
    """The terms worth scoring (in 2 to ``max_df(n)`` texts), numbered in summing order:
    by partition (``term_partition``), then by term."""

    weighted: list[Weighted]
    """By term number: its partition and weight (``corpus.rank``)."""
    fact: bytearray
    """By term number: 1 for a name or a figure (what ``MIN_FACTS`` counts)."""
    holders: list[list[int]]
    """By term number: the texts holding it, ascending."""
    rows: list[array[int]]
    """By text: the numbers of its kept terms, ascending (so in summing order)."""


def kept_terms(index: Mapping[str, list[int]], n: int, count: int) -> Kept:
    """The terms of ``index`` in 2 to ``max_df(n)`` of its ``n`` texts, with their weights,
    numbered by partition (of ``count``) and term; ``holders`` are ``index``'s own lists.

    >>> kept = kept_terms({"n:kovac": [0, 1], "w:harbour": [0, 1, 2], "w:x": [2]}, 3, 1)
    >>> [list(row) for row in kept.rows], list(kept.fact)
    ([[0, 1], [0, 1], [1]], [1, 0])
    """
    limit = max_df(n)
    order = sorted(
        (term_partition(term, count), term)
        for term, holders in index.items()
        if 2 <= len(holders) <= limit
    )
    kept = Kept([], bytearray(), [], [array("i") for _ in range(n)])
    for number, (partition, term) in enumerate(order):
        holders = index[term]
        kind = term[0]
        kept.weighted.append((partition, WEIGHTS.get(kind, 0.5) * idf(n, len(holders))))
        kept.fact.append(kind in ("n", "f"))
        kept.holders.append(holders)
        for article in holders:
            kept.rows[article].append(number)
    return kept


def blocks(kept: Kept, min_facts: int = MIN_FACTS, per_block: int = 250_000) -> list[Block]:
    """The links tasks: runs of consecutive texts, each task with what ``link_block``
    reads of them (each text's kept terms as ``Weighted``, the numbers of its names and
    figures, and the texts holding those), about ``per_block`` of these a task.

    A pair ``(a, b)``, ``a < b``, is found in ``a``'s block alone, and a text's own
    score in its own block: the blocks split the work (a function of the data only), never
    a sum, so the links are the same however many blocks there are and wherever they run.
    """
    if min_facts < 1:
        raise ValueError("min_facts must be at least 1: pairs are found by their shared facts")
    out: list[Block] = []
    rows: list[Row] = []
    holders: dict[int, list[int]] = {}
    size = 0
    for article, numbers in enumerate(kept.rows):
        facts = [number for number in numbers if kept.fact[number]]
        rows.append((article, [kept.weighted[number] for number in numbers], facts))
        size += len(numbers)
        for number in facts:
            if number not in holders:
                holders[number] = kept.holders[number]
                size += len(holders[number])
        if size >= per_block:
            out.append((rows, holders, min_facts))
            rows, holders, size = [], {}, 0
    if rows:
        out.append((rows, holders, min_facts))
    return out


def summed(weighted: Iterable[Weighted]) -> float:
    """A score: the weights summed partition by partition, each in the order given, then
    the partitions' sums in partition order (as per-partition tasks summed them, then the
    client: the same floats, so the same candidates at the ``FLOOR``).

    >>> summed([(0, 0.1), (0, 0.2), (3, 0.3)]) == (0.1 + 0.2) + 0.3
    True
    """
    total = partial = 0.0
    current = -1
    for partition, weight in weighted:
        if partition != current:
            total += partial
            current, partial = partition, 0.0
        partial += weight
    return total + partial


def link_block(block: Block) -> BlockLinks:
    """Find the pairs of a block's texts with the later texts sharing at least its
    ``min_facts`` names and figures (a task).

    Each text's shared facts with every later text are counted at once, in C
    (``Counter.update`` over the holders of its names and figures after it): memory for
    one text's counts at a time, and no pair sharing fewer facts is ever held. Pairs are
    never scored here: ``choose_links`` scores the few that share enough facts.

    Returns:
        ``(a, b, facts)`` for each such pair (``a`` in the block, ``b > a``), and each
        text's own score (``summed`` over its kept terms), both sorted.

    >>> row = (0, [(0, 1.0), (0, 1.5), (1, 0.5)], [0, 1])
    >>> link_block(([row], {0: [0, 1], 1: [0, 1, 2]}, 2))
    ([(0, 1, 2)], [(0, 3.0)])
    """
    rows, holders, min_facts = block
    pairs: list[tuple[int, int, int]] = []
    own: list[tuple[int, float]] = []
    for article, weighted, facts in rows:
        own.append((article, summed(weighted)))
        if len(facts) < min_facts:
            continue
        counts: Counter[int] = Counter()
        for number in facts:
            held = holders[number]
            counts.update(held[bisect_right(held, article) :])
        pairs.extend((article, b, n) for b, n in counts.items() if n >= min_facts)
    pairs.sort()
    return pairs, sorted(own)


def choose_links(kept: Kept, found: Iterable[BlockLinks]) -> dict[tuple[int, int], int]:
    """The candidate links among the blocks' pairs: a score (``summed`` over the kept terms
    the two share, a set intersection) of at least ``FLOOR`` of the smaller own score.
    Returns ``(a, b) -> facts``, sorted. Pairs sharing ``MIN_FACTS`` names and figures
    are few, so they are scored here, in the client: 4,921 of the 2 million pairs sharing
    a term among 10,000 generated articles, 7 of ten million on a folder of 3,000 whose
    every term is in about 30 of them.

    >>> kept = kept_terms({"n:a": [0, 1], "n:b": [0, 1], "w:c": [1, 2]}, 3, 1)
    >>> choose_links(kept, [link_block(b) for b in blocks(kept, min_facts=2)])
    {(0, 1): 2}
    """
    own: dict[int, float] = {}
    pairs: list[tuple[int, int, int]] = []
    for found_pairs, owns in found:
        pairs.extend(found_pairs)
        own.update(owns)
    out: dict[tuple[int, int], int] = {}
    terms: set[int] = set()
    current = -1
    for a, b, facts in sorted(pairs):
        if a != current:
            current, terms = a, set(kept.rows[a])
        shared = sorted(terms.intersection(kept.rows[b]))
        score = summed(kept.weighted[number] for number in shared)
        if score > 0 and score >= FLOOR * min(own[a], own[b]):
            out[a, b] = facts
    return out


# -- stage 3: verify -------------------------------------------------------------------

_NOTHING = Check(Verdict.UNRELATED, 0.0, 0.0, 0, 0)


def verify_pairs(
    jobs: Sequence[tuple[str, str, str, str, int]],
) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    """Verify candidate pairs (a task).

    Args:
        jobs: ``(path a, path b, hash a, hash b, shared facts)``; ``a`` is the earlier.
            Two copies of one text (``hash a == hash b``) give the figures of its
            identical copies: a rewrite (``Check.identical``) with ``facts`` names and
            figures, the text's own; the record says ``identical``.

    Returns:
        Per job: the pair's record (paths, hashes, verdict and figures; or, when a file is
        gone or changed since its features, ``verdict`` null and the ``error``: a pair not
        verified is not unrelated) and, for a rewrite or a related story, its comparison
        (``render.to_json.to_json_data``).
    """
    from diffreader.corpus.features import content_hash
    from diffreader.corpus.verify import verify
    from diffreader.engine.compare import compare
    from diffreader.engine.load import LoadError, load_document
    from diffreader.render.model import build_view
    from diffreader.render.to_json import to_json_data

    out: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
    for path_a, path_b, hash_a, hash_b, facts in jobs:
        record: dict[str, Any] = {"a": path_a, "b": path_b, "a_hash": hash_a, "b_hash": hash_b}
        try:
            doc_a = load_document(path_a)
            doc_b = load_document(path_b)
        except (LoadError, OSError) as error:
            record.update(verdict=None, facts=facts, error=f"cannot be read: {error}")
            out.append((record, None))
            continue
        if content_hash(doc_a.text) != hash_a or content_hash(doc_b.text) != hash_b:
            record.update(verdict=None, facts=facts, error="changed during the scan")
            out.append((record, None))
            continue
        check = verify(doc_a, doc_b)
        if hash_a == hash_b:
            check = check.identical(facts)
            record["identical"] = True
        else:
            check = check.judged(facts)
        record.update(_figures(check))
        comparison = None
        if check.verdict is not Verdict.UNRELATED:
            comparison = to_json_data(build_view(compare(doc_a, doc_b)))
        out.append((record, comparison))
    return out


def _figures(check: Check) -> dict[str, Any]:
    return {
        "verdict": check.verdict.value,
        "matched": check.matched,
        "kept": round(check.kept, 4),
        "quotations": check.quotations,
        "matched_sentences": check.matched_sentences,
        "facts": check.facts,
    }


def check_of(record: Mapping[str, Any]) -> Check:
    """The ``Check`` of a pair record (unrelated when the record is damaged or the pair
    was not verified: no link for the stories).

    >>> check_of({"verdict": "rewrite", "matched": 0.5, "kept": 0.3, "quotations": 1,
    ...           "matched_sentences": 4, "facts": 9}).verdict.value
    'rewrite'
    """
    try:
        facts = record.get("facts")
        return Check(
            Verdict(record["verdict"]),
            float(record["matched"]),
            float(record["kept"]),
            int(record["quotations"]),
            int(record["matched_sentences"]),
            int(facts) if isinstance(facts, int) else None,
        )
    except (KeyError, TypeError, ValueError):
        return _NOTHING


# -- stage 4: stories ------------------------------------------------------------------


def build_stories(
    articles: Sequence[Mapping[str, Any]],
    links: Iterable[tuple[int, int]],
    checks: Mapping[tuple[int, int], Check],
    copies: Mapping[int, Sequence[int]] | None = None,
) -> list[dict[str, Any]]:
    """The stories with at least one rewrite or related article, as records.

    Each member and related article says whether it is an ``identical`` copy of the pivot
    (the same text) or a copy of another article of the story (``copy_of``, its path:
    the verdict is that article's).

    Args:
        articles: The article records (``path``, ``date``), by id.
        links: Candidate pairs ``(a, b)``, ``a`` the earlier in pivot order.
        checks: Verified pairs (of a text with copies: the first and its first copy).
        copies: An article standing for its text -> the other articles of that text
            (``corpus.stories.one_per_text``); they are grouped with it, not linked.
    """
    copies = copies or {}
    left_out = {c for others in copies.values() for c in others}
    order = pivot_order(
        (i, a.get("date"), a["path"]) for i, a in enumerate(articles) if i not in left_out
    )
    neighbours: dict[int, list[int]] = defaultdict(list)
    for a, b in links:
        neighbours[a].append(b)

    def check(a: int, b: int) -> Check:
        return checks.get((a, b)) or checks.get((b, a)) or _NOTHING

    def identical(pivot: int) -> Check:
        return checks.get((pivot, copies[pivot][0])) or _NOTHING.identical(0)

    def same_text(pivot: int, linked: Linked) -> dict[str, Any]:
        copy_of = linked.copy_of
        if copy_of is None or copy_of == pivot:
            return {"identical": copy_of is not None, "copy_of": None}
        return {"identical": False, "copy_of": articles[copy_of]["path"]}

    out: list[dict[str, Any]] = []
    for story in with_copies(group(order, neighbours, check), copies, identical):
        if not story.members and not story.related:
            continue
        pivot = articles[story.pivot]
        out.append(
            {
                "pivot": pivot["path"],
                "title": pivot.get("title"),
                "date": pivot.get("date"),
                "members": [
                    {
                        "path": articles[m.article]["path"],
                        "verdict": "rewrite",
                        **same_text(story.pivot, m),
                    }
                    for m in story.members
                ],
                "related": [
                    {
                        "path": articles[r.article]["path"],
                        "verdict": r.check.verdict.value if r.check else None,
                        "story": articles[r.story]["path"] if r.story is not None else None,
                        **same_text(story.pivot, r),
                    }
                    for r in story.related
                ],
            }
        )
    return out
