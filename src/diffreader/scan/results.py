"""Provides the results folder of a scan: a manifest and JSON Lines files.

Layout of ``RESULTS/``::

    diffreader-scan.json   the manifest: kind, schema, inputs, a completion marker per
                           stage (with the digest of what it was computed from), counts
    articles.jsonl         one line per article file: path, size, mtime, hash, title,
                           date, words, or the reason it is not an article
    features.jsonl         the terms of each distinct text, keyed by content hash
    candidates.jsonl       candidate pairs: a, b (paths, a the earlier), shared facts;
                           between distinct texts (one file per text: the first in pivot
                           order)
    pairs.jsonl            every verified pair: paths, hashes, verdict and its figures
                           (two copies of one text: ``identical``; a pair that could not
                           be verified: verdict null and the ``error``)
    comparisons.jsonl      the comparison of each rewrite or related pair: a, b and the
                           JSON contract of ``diffreader A B --format json``
    stories.jsonl          stories with a rewrite or a related article; each article
                           says whether it is an ``identical`` copy of the pivot, or a copy
                           of another article of the story (``copy_of``)

Files grow append-only while a stage runs (a line is the unit of progress; a line cut by
a crash is skipped on reading and the next append starts on a new line); when a stage
finishes its file is rewritten sorted and deduplicated (temp file, fsync,
``os.replace``), so the finished results are the same bytes whatever the executor.

API:
    MANIFEST, KIND, SCHEMA, RECORD_FILES
    is_results(folder) -> bool
    read_manifest(folder) -> dict | None, write_manifest(folder, data)
    manifest_problem(folder) -> str | None   why a manifest present cannot be read
    read_jsonl(path) -> Iterator[dict], Appender(path), write_jsonl(path, records)
    pair_figures_hold(record) -> bool
    Results, read_results(folder) -> Results        what the reader lists
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any, NoReturn

from diffreader.render.escape import json_safe
from diffreader.storage.files import atomic_write

__all__ = [
    "KIND",
    "MANIFEST",
    "RECORD_FILES",
    "SCHEMA",
    "Appender",
    "Results",
    "ResultsError",
    "ScanPair",
    "ScanStory",
    "dumps",
    "is_results",
    "manifest_problem",
    "pair_figures_hold",
    "read_jsonl",
    "read_manifest",
    "read_results",
    "write_jsonl",
    "write_manifest",
]

MANIFEST = "diffreader-scan.json"
"""The manifest's file name: its presence (with ``kind``) makes a folder a scan's results."""
RECORD_FILES = (
    "articles.jsonl",
    "features.jsonl",
    "candidates.jsonl",
    "pairs.jsonl",
    "comparisons.jsonl",
    "stories.jsonl",
)
"""The JSON Lines files beside the manifest, in the order the stages write them."""
KIND = "diffreader-scan"
SCHEMA = 2
"""Bumped whenever a file or field of the results changes meaning or disappears. 2: the
candidates are between distinct texts (copies of a text grouped under it in the stories,
``identical`` / ``copy_of``), and a pair not verified has verdict null (was "unrelated")."""


class ResultsError(Exception):
    """A results folder that cannot be used; ``str(error)`` is one line for the user."""


def dumps(record: Any) -> str:
    """One JSON line: UTF-8 kept, control characters escaped (``render.escape.json_safe``).

    >>> dumps({"a": "x\\u001by"})
    '{"a": "x\\\\u001by"}'
    """
    return json_safe(json.dumps(record, ensure_ascii=False, sort_keys=True))


def is_results(folder: str | os.PathLike[str]) -> bool:
    """Whether ``folder`` holds a scan's manifest."""
    manifest = read_manifest(folder)
    return manifest is not None


def read_manifest(folder: str | os.PathLike[str]) -> dict[str, Any] | None:
    """The manifest of ``folder``, or ``None`` when it has none (or not a scan's)."""
    data, _ = _manifest(folder)
    return data


def manifest_problem(folder: str | os.PathLike[str]) -> str | None:
    """Why the manifest ``folder`` holds cannot be read (truncated, not a scan's, not a
    regular file), or None when it has none or a good one: a truncated manifest made the
    results open as an empty folder of articles, and a new scan call them other files."""
    _, problem = _manifest(folder)
    return problem


def _manifest(folder: str | os.PathLike[str]) -> tuple[dict[str, Any] | None, str | None]:
    """(the manifest, None), (None, None) when there is none, or (None, why it is bad).
    Read only when regular, without waiting (a FIFO in its place would block for ever)."""
    from diffreader.storage.files import read_regular

    path = Path(folder) / MANIFEST
    try:
        data = json.loads(read_regular(path).decode("utf-8"))
    except FileNotFoundError:
        return None, None
    except OSError as error:
        return None, f"{path}: cannot be read ({error.strerror or error})"
    except (ValueError, RecursionError):
        return None, f"{path}: not a scan's results marker (damaged or truncated)"
    if not isinstance(data, dict) or data.get("kind") != KIND:
        return None, f"{path}: not a scan's results marker"
    return data, None


def write_manifest(folder: Path, data: dict[str, Any]) -> None:
    """Write the manifest atomically."""
    atomic_write(
        folder / MANIFEST,
        (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8"),
        shared=True,
    )


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a JSON Lines file; a missing file is empty, a bad line is skipped
    (the last line of a file written when the scan was killed may be cut short)."""
    # Bytes, split on b"\n" only: a crash may cut a line inside a UTF-8 sequence, and
    # article text may hold U+2028, which str.splitlines would take for a line break.
    with contextlib.suppress(FileNotFoundError), open(path, "rb") as handle:
        for line in handle:
            if not line.endswith(b"\n"):
                continue  # cut short by a crash: never complete, never trusted
            with contextlib.suppress(ValueError):  # UnicodeDecodeError is a ValueError
                record = json.loads(line.decode("utf-8"), parse_constant=_not_json)
                if isinstance(record, dict):
                    yield record


def _not_json(name: str) -> NoReturn:
    """``json.loads``'s hook for NaN, Infinity and -Infinity, which Python accepts and JSON
    has not: a line holding one is damaged (it made the reader's percentages fail)."""
    raise ValueError(f"{name} is not JSON")


class Appender:
    """Appends records to a JSON Lines file, one ``write`` + flush per batch.

    A file whose last line was cut short (a killed scan) loses that part line first (it may
    even parse, as ``{}`` does), so the new records start on lines of their own.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[str] | None = None

    def _open(self) -> IO[str]:
        if self._handle is None:
            _drop_part_line(self.path)
            # Kept open across batches (closed by close() or the with block).
            self._handle = open(self.path, "a", encoding="utf-8", newline="\n")  # noqa: SIM115
        return self._handle

    def write(self, records: Iterable[Any]) -> None:
        """Append ``records`` and flush them to the operating system."""
        text = "".join(dumps(r) + "\n" for r in records)
        if not text:
            return
        handle = self._open()
        handle.write(text)
        handle.flush()

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def __enter__(self) -> Appender:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _drop_part_line(path: Path) -> None:
    """Truncate ``path`` after its last newline (nothing to do when it ends with one)."""
    try:
        with open(path, "r+b") as handle:
            end = handle.seek(0, os.SEEK_END)
            position = end
            while position > 0:
                start = max(0, position - 65536)
                handle.seek(start)
                chunk = handle.read(position - start)
                newline = chunk.rfind(b"\n")
                if newline >= 0:
                    position = start + newline + 1
                    break
                position = start
            if position != end:
                handle.truncate(position)
    except FileNotFoundError:
        pass


def write_jsonl(path: Path, records: Iterable[Any]) -> None:
    """Replace ``path`` with ``records``, atomically."""
    atomic_write(path, "".join(dumps(r) + "\n" for r in records).encode("utf-8"), shared=True)


# -- reading the results (the reader's scan screen) -------------------------------------


@dataclass(frozen=True, slots=True)
class ScanPair:
    """A verified pair as the reader lists it."""

    a: str
    b: str
    verdict: str
    """``rewrite``, ``related``, ``unrelated``; ``unverified`` (a file could not be read
    again), ``linked`` (related through another story, not verified against this one)."""
    matched: float
    kept: float
    quotations: int
    facts: int | None
    a_title: str | None = None
    b_title: str | None = None
    identical: bool = False
    """``b`` is the same text as ``a`` (content hash): an identical copy, a rewrite."""
    copy_of: str | None = None
    """``b`` is the same text as this article of the story, whose pair's figures it shows."""


@dataclass(slots=True)
class ScanStory:
    """A story: its pivot and the pairs of the pivot with its members and related."""

    pivot: str
    title: str | None
    date: str | None
    members: list[ScanPair] = field(default_factory=list)
    related: list[ScanPair] = field(default_factory=list)


@dataclass(slots=True)
class Results:
    """A scan's results, as the reader lists them."""

    folder: Path
    manifest: dict[str, Any]
    stories: list[ScanStory]
    pairs: list[ScanPair]
    """Every verified pair, stories' or not."""

    @property
    def complete(self) -> bool:
        return bool(self.manifest.get("complete"))


def _pair(record: dict[str, Any], titles: dict[str, str | None]) -> ScanPair | None:
    if not pair_figures_hold(record):
        return None
    try:
        a, b = str(record["a"]), str(record["b"])
        facts = record.get("facts")
        verdict = record["verdict"]
        return ScanPair(
            a,
            b,
            "unverified" if verdict is None else str(verdict),
            float(record.get("matched", 0.0)),
            float(record.get("kept", 0.0)),
            int(record.get("quotations", 0)),
            int(facts) if isinstance(facts, int) else None,
            titles.get(a),
            titles.get(b),
            identical=record.get("identical") is True
            and record.get("a_hash") == record.get("b_hash"),
        )
    except (KeyError, TypeError, ValueError):
        return None


def pair_figures_hold(record: dict[str, Any]) -> bool:
    """Whether a ``pairs.jsonl`` record's figures are what a scan writes: shares (matched,
    kept) from 0 to 1, counts (quotations, facts) whole and from 0 to a billion. A damaged
    or crafted record is left out of the listing, and verified again by the next scan.

    >>> pair_figures_hold({"matched": 0.5, "kept": 1, "quotations": 3, "facts": None})
    True
    >>> pair_figures_hold({"matched": 1e308}), pair_figures_hold({"quotations": -5})
    (False, False)
    """
    for name in ("matched", "kept"):
        value = record.get(name, 0.0)
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            return False
    for name in ("quotations", "facts"):
        value = record.get(name, 0)
        if value is None and name == "facts":
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10**9:
            return False
    return True


def read_results(folder: str | os.PathLike[str]) -> Results:
    """Read a scan's results (finished or not) for listing.

    Raises:
        ResultsError: ``folder`` holds no scan manifest, or one of a newer schema.
    """
    path = Path(folder)
    manifest = read_manifest(path)
    if manifest is None:
        raise ResultsError(f"{folder}: not the results of diffreader scan (no {MANIFEST})")
    schema = manifest.get("schema")
    if not isinstance(schema, int) or schema > SCHEMA:
        raise ResultsError(f"{folder}: results of a newer diffreader (schema {schema!r})")
    titles: dict[str, str | None] = {}
    for record in read_jsonl(path / "articles.jsonl"):
        if isinstance(record.get("path"), str):
            title = record.get("title")
            titles[record["path"]] = title if isinstance(title, str) else None
    by_key: dict[tuple[str, str], ScanPair] = {}
    twins: dict[str, ScanPair] = {}
    """A text's first copy -> its pair with another copy (the identical copies' figures)."""
    for record in read_jsonl(path / "pairs.jsonl"):
        pair = _pair(record, titles)
        if pair is not None:
            by_key[pair.a, pair.b] = pair
            if pair.identical:
                twins[pair.a] = pair

    def verified(a: str, b: str) -> ScanPair | None:
        return by_key.get((a, b)) or by_key.get((b, a))

    stories: list[ScanStory] = []
    for record in read_jsonl(path / "stories.jsonl"):
        pivot = record.get("pivot")
        if not isinstance(pivot, str):
            continue
        story = ScanStory(pivot, titles.get(pivot), _text(record.get("date")))
        for key, into in (("members", story.members), ("related", story.related)):
            for other in record.get(key) or []:
                if not isinstance(other, dict) or not isinstance(other.get("path"), str):
                    continue
                b = other["path"]
                copy_of = _text(other.get("copy_of"))
                found: ScanPair | None
                if other.get("identical") is True:
                    # Every identical copy shows the figures of the two copies verified.
                    twin = twins.get(pivot) or ScanPair(
                        pivot, b, "rewrite", 1.0, 1.0, 0, None, identical=True
                    )
                    found = replace(twin, b=b, a_title=titles.get(pivot), b_title=titles.get(b))
                elif copy_of is not None:
                    # The pair of the article it is a copy of, with the copy in its place.
                    found = verified(pivot, copy_of)
                    if found is not None and found.a == copy_of:
                        found = replace(found, a=b, a_title=titles.get(b), copy_of=copy_of)
                    elif found is not None:
                        found = replace(found, b=b, b_title=titles.get(b), copy_of=copy_of)
                else:
                    found = verified(pivot, b)
                if found is None:
                    # Related through another story (never verified against this pivot).
                    found = ScanPair(
                        pivot, b, "linked", 0.0, 0.0, 0, None, titles.get(pivot), titles.get(b),
                        copy_of=copy_of,
                    )  # fmt: skip
                into.append(found)
        stories.append(story)
    pairs = sorted(by_key.values(), key=lambda p: (p.a, p.b))
    return Results(path, manifest, stories, pairs)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
