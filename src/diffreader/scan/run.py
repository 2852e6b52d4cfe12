"""Provides ``run_scan``: the four stages over a results folder, resumable.

Each stage reads what the results already hold and only computes what is missing:

- **features**: a file whose size and mtime match its line in ``articles.jsonl`` is not
  read again; a file whose text still has the recorded hash is read but not extracted
  again (its terms are in ``features.jsonl``, keyed by content hash).
- **candidates**: recomputed only when the articles changed (the manifest keeps the
  digest of the paths and hashes it was computed from), or when they were counted per
  file (results of schema 1).
- **verify**: a candidate pair already in ``pairs.jsonl`` (same paths, hashes and shared
  facts) is not verified again; one not verified then (a file unreadable) is tried again.
- **stories**: cheap, always rebuilt from the candidates and the verified pairs.

Copies of one text (files of the same content hash) are one article to the candidates and
the stories (``corpus.stories.one_per_text``, as ``diffreader stories`` groups them): the
inverted index and its document frequencies count distinct texts, so a story syndicated a
hundred times keeps its rare terms; one pair of copies per copied text is verified, for
the figures of its identical copies, and the others are grouped with their text.

Records are appended as tasks finish (so a kill loses at most the tasks in flight) and
each file is rewritten sorted when its stage ends: the finished results are the same
bytes whatever the executor and however often the scan was interrupted.

API:
    ScanError, Summary
    prepare(out) -> dict                       the manifest (a new folder, or a scan's)
    run_scan(dirs, out, executor, progress=None) -> Summary
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from diffreader.corpus.stories import one_per_text, pivot_order
from diffreader.corpus.verify import Check
from diffreader.plural import plural
from diffreader.scan import results as res
from diffreader.scan.executors import Executor
from diffreader.scan.progress import Progress, Silent, StageRate
from diffreader.scan.stages import (
    BlockLinks,
    article_features,
    blocks,
    build_stories,
    check_of,
    choose_links,
    kept_terms,
    link_block,
    list_articles,
    partition_count,
    postings,
    verify_pairs,
)

__all__ = ["FEATURES_CHUNK", "VERIFY_CHUNK", "ScanError", "Summary", "prepare", "run_scan"]

FEATURES_CHUNK = 16
"""Articles per features task (about 30 ms each: a task of half a second)."""
VERIFY_CHUNK = 4
"""Pairs per verify task (25-45 ms each, a comparison more for rewrites)."""

T = TypeVar("T")


class ScanError(Exception):
    """The scan cannot start or go on; ``str(error)`` is one line for the user."""


@dataclass(slots=True)
class Summary:
    """What a scan found (the last line the command prints)."""

    articles: int = 0
    refused: int = 0
    identical: int = 0
    """Files whose text an earlier file (in pivot order) holds: identical copies."""
    candidates: int = 0
    rewrites: int = 0
    related: int = 0
    stories: int = 0
    """Stories with at least one rewrite."""
    rates: list[StageRate] = field(default_factory=list)


def _chunks(items: Sequence[T], size: int) -> list[list[T]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def prepare(out: Path) -> dict[str, Any]:
    """Make ``out`` ready: a new or empty folder, or the results of an earlier scan.

    Raises:
        ScanError: ``out`` is a file, a folder holding other files, the results of a
            newer diffreader, or cannot be created or written.
    """
    try:
        if out.exists() and not out.is_dir():
            raise ScanError(f"{out}: not a folder (give a new or empty folder for the results)")
        out.mkdir(parents=True, exist_ok=True)
        manifest = res.read_manifest(out)
        if manifest is None:
            problem = res.manifest_problem(out)
            if problem is not None:
                raise ScanError(f"{problem}; give a new or empty folder for the results")
            if any(p.name != LOCK for p in out.iterdir()):
                raise ScanError(
                    f"{out}: holds other files; give a new or empty folder, or the results "
                    "of an earlier scan to continue it"
                )
            manifest = {"kind": res.KIND, "schema": res.SCHEMA, "stages": {}}
        schema = manifest.get("schema")
        if not isinstance(schema, int) or schema > res.SCHEMA:
            raise ScanError(f"{out}: results of a newer diffreader (schema {schema!r})")
        if not isinstance(manifest.get("stages"), dict):
            manifest["stages"] = {}
        res.write_manifest(out, manifest)
    except OSError as error:
        raise ScanError(f"{out}: cannot write the results ({error.strerror or error})") from error
    return manifest


def run_scan(
    dirs: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    executor: Executor,
    progress: Progress | None = None,
) -> Summary:
    """Scan the articles under ``dirs`` into the results folder ``out``.

    Raises:
        ScanError: the results folder cannot be used (see ``prepare``).
        KeyboardInterrupt: passed on; what was finished is kept for the next run.
    """
    folder = Path(out)
    report = progress if progress is not None else Silent()
    manifest = prepare(folder)
    manifest["inputs"] = [os.path.abspath(os.fspath(d)) for d in dirs]
    manifest["complete"] = False
    # Every file is rewritten in this schema's form by the end of the run (the candidates
    # of an earlier schema are computed again: see _candidates).
    manifest["schema"] = res.SCHEMA
    try:
        with _locked(folder):
            articles, terms, digest = _features(folder, dirs, executor, report, manifest)
            # Copies of one text are one article: the first in pivot order stands for them.
            _, copies = one_per_text(_pivot_order(articles), lambda i: articles[i]["hash"])
            links = _candidates(folder, articles, terms, copies, digest, executor, report, manifest)
            checks = _verify(folder, articles, terms, links, copies, executor, report, manifest)
            summary = _stories(folder, articles, links, checks, copies, manifest)
    except OSError as error:
        raise ScanError(
            f"{folder}: cannot write the results ({error.strerror or error})"
        ) from error
    summary.rates = list(report.finished)
    return summary


LOCK = ".diffreader-scan.lock"
"""Held (``flock``) while a scan writes the results: two scans never append at once."""


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no lock, as SQLite-less tools do
        yield
        return
    with open(folder / LOCK, "a+b") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise ScanError(
                f"{folder}: another diffreader scan is writing these results; wait for it "
                "or stop it"
            ) from error
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _save(folder: Path, manifest: dict[str, Any]) -> None:
    res.write_manifest(folder, manifest)


def _pivot_order(articles: Sequence[dict[str, Any]]) -> list[int]:
    return pivot_order((i, a.get("date"), a["path"]) for i, a in enumerate(articles))


# -- features ----------------------------------------------------------------------------


def _retried(error: object) -> bool:
    """Whether a file refused for ``error`` is read again even when unchanged: a binary
    refusal, which a newer loader may take back (UTF-16 without a byte-order mark was
    refused as binary). Binary files ending in ``.txt`` are few; reading them again costs
    little, and a scan continued after an upgrade lists what the loader now reads."""
    return isinstance(error, str) and error.startswith("binary file")


def _features(
    folder: Path,
    dirs: Sequence[str | os.PathLike[str]],
    executor: Executor,
    report: Progress,
    manifest: dict[str, Any],
) -> tuple[list[dict[str, Any]], dict[str, dict[str, int]], str]:
    paths = list_articles(dirs)
    previous: dict[str, dict[str, Any]] = {}
    for record in res.read_jsonl(folder / "articles.jsonl"):
        if isinstance(record.get("path"), str):
            previous[record["path"]] = record
    terms: dict[str, dict[str, int]] = {}
    for record in res.read_jsonl(folder / "features.jsonl"):
        if isinstance(record.get("hash"), str) and isinstance(record.get("terms"), dict):
            terms[record["hash"]] = record["terms"]
    current: dict[str, dict[str, Any]] = {}
    jobs: list[tuple[str, str | None]] = []
    for path in paths:
        before = previous.get(path)
        known = before.get("hash") if before else None
        known = known if isinstance(known, str) and known in terms else None
        error = before.get("error") if before is not None else None
        if before is not None and (known or (error and not _retried(error))):
            try:
                info = os.stat(path)
                stat: tuple[int, int] = (info.st_size, info.st_mtime_ns)
            except OSError:
                stat = (-1, -1)
            if (before.get("size"), before.get("mtime_ns")) == stat:
                current[path] = before
                continue
        jobs.append((path, known))
    report.stage("features", len(jobs), "article", reused=len(current))
    chunks = _chunks(jobs, FEATURES_CHUNK)
    with (
        res.Appender(folder / "articles.jsonl") as articles_out,
        res.Appender(folder / "features.jsonl") as features_out,
    ):
        for _, found in executor.run(article_features, chunks):
            fresh = []
            for record, article_terms in found:
                digest = record.get("hash")
                if article_terms is not None and isinstance(digest, str) and digest not in terms:
                    terms[digest] = article_terms
                    fresh.append({"hash": digest, "terms": article_terms})
                current[record["path"]] = record
            # Terms first: an article line promises its terms are already written.
            features_out.write(fresh)
            articles_out.write(record for record, _ in found)
            report.advance(len(found))
    report.done()
    records = [current[p] for p in paths]
    good = [r for r in records if isinstance(r.get("hash"), str) and not r.get("error")]
    used = {r["hash"] for r in good}
    res.write_jsonl(
        folder / "features.jsonl", ({"hash": h, "terms": terms[h]} for h in sorted(used))
    )
    res.write_jsonl(folder / "articles.jsonl", records)
    digest = hashlib.blake2b(digest_size=16)
    for record in good:
        digest.update(f"{record['path']}\t{record['hash']}\n".encode("utf-8", "surrogatepass"))
    manifest["stages"]["features"] = {
        "done": True,
        "digest": digest.hexdigest(),
        "articles": len(good),
        "refused": len(records) - len(good),
    }
    _save(folder, manifest)
    return good, terms, digest.hexdigest()


# -- candidates --------------------------------------------------------------------------


_BY_TEXT = "texts"
"""What the candidates stage counts (its marker's ``df``): distinct texts. Candidates of
results without it were counted per file (a story's own copies made its terms common) and
are computed again."""


def _candidates(
    folder: Path,
    articles: list[dict[str, Any]],
    terms: dict[str, dict[str, int]],
    copies: dict[int, list[int]],
    digest: str,
    executor: Executor,
    report: Progress,
    manifest: dict[str, Any],
) -> list[tuple[int, int, int]]:
    """Candidate pairs ``(a, b, facts)`` by article id, ``a`` the earlier in pivot order,
    between the articles standing for their text (not ``copies``' further copies)."""
    ids = {a["path"]: i for i, a in enumerate(articles)}
    stage = manifest["stages"].get("candidates")
    if (
        isinstance(stage, dict)
        and stage.get("done")
        and stage.get("digest") == digest
        and stage.get("df") == _BY_TEXT
    ):
        links = []
        for record in res.read_jsonl(folder / "candidates.jsonl"):
            a, b = ids.get(record.get("a", "")), ids.get(record.get("b", ""))
            if a is not None and b is not None and isinstance(record.get("facts"), int):
                links.append((a, b, record["facts"]))
        if len(links) == stage.get("pairs"):
            report.note(f"{'candidates':<10}  {plural(len(links), 'pair')} (from the results)")
            return links
    # One article per text: N and the document frequencies count distinct texts.
    left_out = {c for others in copies.values() for c in others}
    texts = [i for i in range(len(articles)) if i not in left_out]
    index = postings([terms[articles[i]["hash"]].keys() for i in texts])
    count = partition_count(sum(len(holders) for holders in index.values()))
    kept = kept_terms(index, len(texts), count)
    del index
    report.stage("candidates", len(texts), "article")
    merged = choose_links(kept, _counted(executor.run(link_block, blocks(kept)), report))
    del kept
    report.done()
    rank = {article: i for i, article in enumerate(_pivot_order(articles))}
    links = []
    for (x, y), facts in merged.items():
        a, b = texts[x], texts[y]
        links.append((a, b, facts) if rank[a] < rank[b] else (b, a, facts))
    links.sort()
    res.write_jsonl(
        folder / "candidates.jsonl",
        (
            {"a": articles[a]["path"], "b": articles[b]["path"], "facts": facts}
            for a, b, facts in links
        ),
    )
    manifest["stages"]["candidates"] = {
        "done": True,
        "digest": digest,
        "df": _BY_TEXT,
        "pairs": len(links),
        "partitions": count,
    }
    _save(folder, manifest)
    return links


def _counted(found: Iterator[tuple[int, BlockLinks]], report: Progress) -> Iterator[BlockLinks]:
    """The blocks' links as they arrive (in any order: each pair and own score is a single
    block's), each block's texts counted done."""
    for _, links in found:
        report.advance(len(links[1]))
        yield links


# -- verify ------------------------------------------------------------------------------

PairKey = tuple[str, str, str, str, int]


def _key(record: dict[str, Any]) -> PairKey | None:
    try:
        facts = record["facts"]
        if not isinstance(facts, int):
            return None
        return (str(record["a"]), str(record["b"]), str(record["a_hash"]),
                str(record["b_hash"]), facts)  # fmt: skip
    except KeyError:
        return None


def _verify(
    folder: Path,
    articles: list[dict[str, Any]],
    terms: dict[str, dict[str, int]],
    links: list[tuple[int, int, int]],
    copies: dict[int, list[int]],
    executor: Executor,
    report: Progress,
    manifest: dict[str, Any],
) -> dict[tuple[int, int], Check]:
    """The checks of the candidate ``links`` and, for each text with ``copies``, of its
    first two copies (for the figures of its identical copies: the text's own names and
    figures as their facts)."""
    wanted: dict[PairKey, tuple[int, int]] = {}
    for a, b, facts in links:
        first, second = articles[a], articles[b]
        key = (first["path"], second["path"], first["hash"], second["hash"], facts)
        wanted[key] = (a, b)
    for a, others in sorted(copies.items()):
        digest = articles[a]["hash"]
        facts = sum(1 for term in terms[digest] if term[0] in ("n", "f"))
        wanted[articles[a]["path"], articles[others[0]]["path"], digest, digest, facts] = (
            a,
            others[0],
        )
    done: dict[PairKey, dict[str, Any]] = {}
    for record in res.read_jsonl(folder / "pairs.jsonl"):
        old = _key(record)
        if (
            old is not None
            and old in wanted
            and res.pair_figures_hold(record)
            # Not verified then (a file unreadable): tried again.
            and record.get("verdict") is not None
            # Two copies of a text verified as a candidate pair (schema 1): judged by
            # their shared facts, not as identical copies.
            and (old[2] != old[3] or record.get("identical") is True)
        ):
            done[old] = record
    missing = [key for key in wanted if key not in done]
    report.stage("verify", len(missing), "pair", reused=len(done))
    with (
        res.Appender(folder / "pairs.jsonl") as pairs_out,
        res.Appender(folder / "comparisons.jsonl") as comparisons_out,
    ):
        for _, found in executor.run(verify_pairs, _chunks(missing, VERIFY_CHUNK)):
            # Comparisons first: a pair's line promises its comparison is written.
            comparisons_out.write(
                {
                    "a": record["a"],
                    "b": record["b"],
                    "a_hash": record["a_hash"],
                    "b_hash": record["b_hash"],
                    "comparison": comparison,
                }
                for record, comparison in found
                if comparison is not None
            )
            pairs_out.write(record for record, _ in found)
            for record, _ in found:
                found_key = _key(record)
                if found_key is not None:
                    done[found_key] = record
            report.advance(len(found))
    report.done()
    ordered = sorted(done)
    res.write_jsonl(folder / "pairs.jsonl", (done[key] for key in ordered))
    keep = {key[:4] for key in ordered if done[key].get("verdict") in ("rewrite", "related")}
    _compact_comparisons(folder / "comparisons.jsonl", keep)
    manifest["stages"]["verify"] = {"done": True, "pairs": len(ordered)}
    _save(folder, manifest)
    return {wanted[key]: check_of(done[key]) for key in ordered}


def _compact_comparisons(path: Path, keep: set[tuple[str, str, str, str]]) -> None:
    """Rewrite the comparisons sorted, one per kept pair, without holding them all in
    memory (each is a few tens of KB): a pass for the offsets, then one to copy."""
    import json

    last: dict[tuple[str, str, str, str], int] = {}
    try:
        with open(path, "rb") as handle:
            offset = 0
            for line in handle:
                if line.endswith(b"\n"):
                    try:
                        record = json.loads(line)
                        key = (record["a"], record["b"], record["a_hash"], record["b_hash"])
                    except (ValueError, KeyError, TypeError):
                        key = None
                    if key in keep:
                        last[key] = offset
                offset += len(line)
    except FileNotFoundError:
        pass
    temp = path.with_name(f".{path.name}.compact")
    with open(path if last else os.devnull, "rb") as source, open(temp, "wb") as target:
        for key in sorted(last):
            source.seek(last[key])
            target.write(source.readline())
        target.flush()
        os.fsync(target.fileno())
    os.replace(temp, path)


# -- stories -----------------------------------------------------------------------------


def _stories(
    folder: Path,
    articles: list[dict[str, Any]],
    links: list[tuple[int, int, int]],
    checks: dict[tuple[int, int], Check],
    copies: dict[int, list[int]],
    manifest: dict[str, Any],
) -> Summary:
    stories = build_stories(articles, [(a, b) for a, b, _ in links], checks, copies)
    res.write_jsonl(folder / "stories.jsonl", stories)
    # The candidates' verdicts (a text's copies are counted as identical, not as rewrites).
    verdicts = [checks[a, b].verdict.value for a, b, _ in links if (a, b) in checks]
    summary = Summary(
        articles=len(articles),
        refused=int(manifest["stages"]["features"].get("refused", 0)),
        identical=sum(len(others) for others in copies.values()),
        candidates=len(links),
        rewrites=verdicts.count("rewrite"),
        related=verdicts.count("related"),
        stories=sum(1 for s in stories if s["members"]),
    )
    manifest["stages"]["stories"] = {"done": True, "stories": len(stories)}
    manifest["counts"] = {
        "articles": summary.articles,
        "refused": summary.refused,
        "identical": summary.identical,
        "candidates": summary.candidates,
        "rewrites": summary.rewrites,
        "related": summary.related,
        "stories_with_rewrites": summary.stories,
    }
    manifest["complete"] = True
    _save(folder, manifest)
    return summary
