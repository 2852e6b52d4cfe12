"""Provides the stages of a scan as pure functions over plain data (picklable in and out).

Each function a task runs takes and returns plain data (strings, numbers, lists, dicts),
so an executor can ship it to another process or another machine: a worker needs
diffreader installed and the article paths readable, nothing else.

API:
    ARTICLE_SUFFIXES, list_articles(dirs) -> list[str]
    article_features(jobs) -> list[tuple[record, terms | None]]       (a task)
    postings(terms_by_article) -> dict[term, list[article]]
    partitions(postings, n, count) -> list[list[Entry]]               by term hash
    link_partition(entries) -> PartialLinks                            (a task)
    merge_links(partials, facts_floor) -> dict[(a, b), facts]
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
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from diffreader.corpus.rank import WEIGHTS, idf, max_df
from diffreader.corpus.stories import Linked, group, pivot_order, with_copies
from diffreader.corpus.verify import MIN_FACTS, Check, Verdict
from diffreader.engine.load import ARTICLE_SUFFIXES

__all__ = [
    "ARTICLE_SUFFIXES",
    "FLOOR",
    "article_features",
    "build_stories",
    "check_of",
    "link_partition",
    "list_articles",
    "merge_links",
    "partition_count",
    "partitions",
    "postings",
    "verify_pairs",
]

FLOOR = 0.06
"""A pair is a candidate when its shared-term score is at least this share of the smaller
of the two articles' own scores (as ``diffreader stories`` links them)."""

Entry = tuple[str, float, list[int]]
"""One posting list of a partition: the term's kind, its weight, the articles holding it."""
PartialLinks = tuple[list[tuple[int, int, float, int]], list[tuple[int, float]]]
"""A partition's ``(a, b, score, facts)`` per pair (``a < b``) and ``(article, own score)``."""


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
    4,096. A function of the data only, never of the executor: the partial scores are
    summed in partition order, so the same partitions give the same floating-point sums.

    >>> partition_count(10), partition_count(1_000_000)
    (1, 5)
    """
    return max(1, min(4096, -(-postings_total // per_partition)))


def partitions(index: Mapping[str, Sequence[int]], n: int, count: int) -> list[list[Entry]]:
    """The posting lists worth scoring (terms in 2 to ``max_df(n)`` articles), with their
    weights, split into ``count`` partitions by term hash; each in term order."""
    limit = max_df(n)
    parts: list[list[Entry]] = [[] for _ in range(count)]
    for term in sorted(index):
        holders = index[term]
        if not 2 <= len(holders) <= limit:
            continue
        kind = term[0]
        weight = WEIGHTS.get(kind, 0.5) * idf(n, len(holders))
        parts[term_partition(term, count)].append((kind, weight, list(holders)))
    return parts


def link_partition(entries: Sequence[Entry]) -> PartialLinks:
    """Score the pairs of articles sharing a partition's terms (a task).

    Returns:
        ``(a, b, score, facts)`` for each pair (``a < b``; ``facts``: shared names and
        figures) and ``(article, own score)``, both sorted.

    >>> link_partition([("n", 1.0, [0, 1]), ("w", 0.5, [0, 1, 2])])
    ([(0, 1, 1.5, 1), (0, 2, 0.5, 0), (1, 2, 0.5, 0)], [(0, 1.5), (1, 1.5), (2, 0.5)])
    """
    pair: dict[tuple[int, int], float] = defaultdict(float)
    facts: dict[tuple[int, int], int] = defaultdict(int)
    own: dict[int, float] = defaultdict(float)
    for kind, weight, holders in entries:
        fact = kind in ("n", "f")
        ordered = sorted(holders)
        for i, a in enumerate(ordered):
            own[a] += weight
            for b in ordered[i + 1 :]:
                pair[a, b] += weight
                if fact:
                    facts[a, b] += 1
    pairs = [(a, b, score, facts.get((a, b), 0)) for (a, b), score in sorted(pair.items())]
    return pairs, sorted(own.items())


def merge_links(
    partials: Iterable[PartialLinks], min_facts: int = MIN_FACTS
) -> dict[tuple[int, int], int]:
    """Sum the partitions' scores (in the order given) and keep the candidate links:
    a score of at least ``FLOOR`` of the smaller own score and ``min_facts`` shared
    names and figures (fewer cannot make a rewrite). Returns ``(a, b) -> facts``.

    >>> merge_links([([(0, 1, 5.0, 6), (0, 2, 0.1, 9)], [(0, 5.0), (1, 5.0), (2, 5.0)])])
    {(0, 1): 6}
    """
    sums: dict[tuple[int, int], list[float]] = {}
    """(a, b) -> [score, facts]: one dict, not two (a large corpus scores millions of pairs)."""
    own: dict[int, float] = defaultdict(float)
    for pairs, owns in partials:
        for a, b, value, shared in pairs:
            found = sums.get((a, b))
            if found is None:
                sums[a, b] = [value, shared]
            else:
                found[0] += value
                found[1] += shared
        for article, value in owns:
            own[article] += value
    return {
        key: int(shared)
        for key, (value, shared) in sorted(sums.items())
        if value > 0 and value >= FLOOR * min(own[key[0]], own[key[1]]) and shared >= min_facts
    }


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
