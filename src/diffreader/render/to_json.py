"""Provides the JSON writers: the CLI's ``schema: 1`` contract and the fact-check report's.

Both are plain data built from the view, serialised through ``escape.json_safe``
(article text stays exact, as offsets need, but no raw control character reaches the
output). ``stats.added_claims`` and ``stats.dropped_details`` are the view's counts
(top-level items, as every other view shows), so JSON and text always agree.

Both texts are what ``json.dumps(data, ensure_ascii=False, indent=2)`` writes, written by
``json_text`` (faster, and in pieces: ``json_pieces`` lets the CLI stream a long one); the
CLI's long lists of sentences, groups, claims and review items are written straight from
the objects by ``json_records`` (the same text as their records', no dict per record).

API:
    SCHEMA_VERSION, to_json_data(view) -> dict, render_json(view) -> str    the CLI's
    json_pieces(view) -> Iterator[str]         render_json's text, in pieces
    comparison_json_pieces(comparison)         json_pieces of the comparison's view, its
                                               items made range by range with their records
    REPORT_SCHEMA, report_json(view, generated_at=None) -> str            the report's
"""

from __future__ import annotations

import zlib
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from functools import partial
from itertools import accumulate, pairwise
from operator import itemgetter
from typing import Any, Protocol, TypeVar, cast

from diffreader.engine.model import (
    Claim,
    Comparison,
    Document,
    Pair,
    Quote,
    QuoteStatus,
    Sentence,
    Status,
    WordOp,
)
from diffreader.render import ranges
from diffreader.render.escape import json_safe
from diffreader.render.json_records import claims_body, items_body, pairs_body, sentences_body
from diffreader.render.json_text import Bodies, Later, Rows, dumps, in_steps, iter_dumps
from diffreader.render.lookalike import lookalikes
from diffreader.render.model import View, build_view
from diffreader.render.ranges import in_ranges
from diffreader.review.items import (
    ItemCounts,
    ReviewItem,
    RunningKeys,
    Section,
    count_items,
    key_forms,
    keys_apart,
    listed_in,
    review_items_in,
    salience,
    section_of,
    sum_counts,
)

__all__ = [
    "REPORT_SCHEMA",
    "SCHEMA_VERSION",
    "comparison_json_pieces",
    "json_pieces",
    "render_json",
    "report_json",
    "to_json_data",
]

SCHEMA_VERSION = 1
"""Bumped whenever a field of the CLI's JSON output changes meaning or disappears."""
REPORT_SCHEMA = 1
"""Version of the JSON report; bumped on any incompatible change."""


# The records below read an enum's ``_value_`` (what ``value`` returns): ``value`` is a
# property, two Python-level calls, and a long comparison's JSON has a million of them.


def _op_data(op: WordOp) -> dict[str, Any]:
    return {
        "op": op.op._value_,
        "a_start": op.a_start,
        "a_end": op.a_end,
        "b_start": op.b_start,
        "b_end": op.b_end,
    }


def _sentence_data(s: Sentence) -> dict[str, Any]:
    return {
        "id": s.id,
        "start": s.start,
        "end": s.end,
        "status": s.status._value_,
        "kind": s.kind._value_,
        "paragraph": s.paragraph,
        "text": s.text,
    }


def _document_data(doc: Document, rows: _RowsOf) -> dict[str, Any]:
    return {
        "path": doc.path,
        "title": doc.title,
        "date": doc.date,
        "encoding": doc.encoding,
        "sentences": rows(doc.sentences, _sentence_data, _sentence_weight, ()),
    }


def _pair_data(pair: Pair) -> dict[str, Any]:
    return {
        "a": list(pair.a),
        "b": list(pair.b),
        "status": pair.status._value_,
        "score": round(pair.score, 4),
        "changed": pair.changed,
        "ops": [_op_data(op) for op in pair.ops],
    }


def _claim_data(claim: Claim) -> dict[str, Any]:
    return {
        "side": claim.side._value_,
        "kind": claim.kind._value_,
        "category": claim.category._value_,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "pair": claim.pair,
        "sentence": claim.sentence,
        "departs_from": list(claim.departs_from),
        "parent": claim.parent,
    }


def _item_data(item: ReviewItem) -> dict[str, Any]:
    """A review item: one change to review, as every view lists and counts it."""
    return {
        "key": item.key,
        "kind": item.kind._value_,
        "section": listed_in(item)._value_,
        "category": item.category,
        "side": item.side._value_,
        "text": item.text,
        "start": item.start,
        "end": item.end,
        "pair": item.pair,
        "parent": item.parent,
        "was": item.was,
        "aliases": list(item.aliases),
        "salience": salience(item),
    }


def _quote_data(quote: Quote) -> dict[str, Any]:
    source = quote.source
    return {
        "side": quote.side._value_,
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "status": quote.status._value_,
        "source": None if source is None else {"start": source.start, "end": source.end},
        "score": round(quote.score, 4),
        "speaker": quote.speaker,
        "source_speaker": quote.source_speaker,
        "speaker_changed": quote.speaker_changed,
        "sentence": quote.sentence,
        "pair": quote.pair,
        "ops": [_op_data(op) for op in quote.ops],
    }


R = TypeVar("R")


class _RowsOf(Protocol):
    """How ``_data`` makes a long list of records: ``rows(objects, record, weight,
    containers)``, ``containers`` the keys of the record's fields that can hold a list or
    an object, in the record's order (its other fields hold scalars)."""

    def __call__(
        self,
        objects: Sequence[R],
        record: Callable[[R], dict[str, Any]],
        weight: Callable[[R], int],
        containers: tuple[str, ...],
    ) -> Any: ...


def _listed(
    objects: Sequence[R],
    record: Callable[[R], dict[str, Any]],
    weight: Callable[[R], int],
    containers: tuple[str, ...],
) -> list[dict[str, Any]]:
    return [record(obj) for obj in objects]


def _in_ranges(
    objects: Sequence[R],
    record: Callable[[R], dict[str, Any]],
    weight: Callable[[R], int],
    containers: tuple[str, ...],
) -> Rows:
    """The records of ``objects``, made and written range by range, long lists in forked
    children (``ranges.in_ranges``, by the characters each record is about); the writer
    looks only at the ``containers`` fields of each (``Rows.containers``)."""

    def make(lo: int, hi: int) -> list[dict[str, Any]]:
        return [record(obj) for obj in objects[lo:hi]]

    texts = _BODIES.get(record)
    scale = 1 if texts is None else _RECORDS_SCALE

    def run(task: Callable[[int, int], list[str]], size: int) -> Iterable[list[str]]:
        if not ranges.forking():
            return in_steps(task, size)  # one range's text held at a time
        return in_ranges(task, size, lambda: [weight(obj) for obj in objects], scale=scale)

    write = None if texts is None else partial(_written, objects, texts)
    return Rows(len(objects), make, run, containers, write)


_RECORDS_SCALE = 20
"""How many times ``ranges.MIN_WEIGHT`` the characters of output a range of the records
``json_records`` writes must hold to be worth a process (``ranges.in_ranges``), 4 MB: it
writes some 7 ns a character, where a fork of a long comparison's process and the
transfer of a range's text cost some 10 ms (the 2.4 MB of each side's sentences of 1 MB
of figures took 13 ms here, and 19 ms of the parent's forked in two)."""


def _written(
    objects: Sequence[R], texts: Callable[[Sequence[R], int], str], lo: int, hi: int, level: int
) -> str:
    """``Rows.write`` of records ``texts`` writes straight from the objects."""
    return texts(objects[lo:hi], level)


_BODIES: dict[Callable[[Any], dict[str, Any]], Callable[[Sequence[Any], int], str]] = {
    _sentence_data: sentences_body,
    _pair_data: pairs_body,
    _claim_data: claims_body,
    _item_data: items_body,
}
"""The records whose batches ``json_records`` writes straight from the objects (the
same text as ``json_text.body`` of the records)."""


def _sentence_weight(s: Sentence) -> int:
    return 150 + len(s.text)


def _pair_weight(pair: Pair) -> int:
    return 150 + 120 * len(pair.ops)


def _claim_weight(claim: Claim) -> int:
    return 250 + len(claim.text)


def _quote_weight(quote: Quote) -> int:
    return 400 + len(quote.text) + 120 * len(quote.ops)


def _item_weight(item: ReviewItem) -> int:
    return 350 + len(item.text)


_ITEM_FIELDS = ("aliases",)
"""The fields of an item's record that can hold a container (``_RowsOf``)."""


def _lookalikes_data(comparison: Comparison) -> list[dict[str, Any]]:
    """The word changes whose two sides look alike (``lookalike.lookalikes``), by group."""
    return [
        {
            "pair": index,
            "a_start": found.a_start,
            "a_end": found.a_end,
            "b_start": found.b_start,
            "b_end": found.b_end,
            "note": found.note,
        }
        for index, pair in enumerate(comparison.pairs)
        for found in lookalikes(comparison, pair)
    ]


def to_json_data(view: View) -> dict[str, Any]:
    """The JSON contract, ``schema`` 1, as plain Python data (documented in README.md)."""
    return _data(view, _listed)


def _data(view: View, rows: _RowsOf) -> dict[str, Any]:
    """``to_json_data``, its long lists made by ``rows``."""
    items = rows(view.items, _item_data, _item_weight, _ITEM_FIELDS)
    return _data_of(view.comparison, rows, items, view.counts)


def _data_of(
    comparison: Comparison, rows: _RowsOf, items: Any, counts: Mapping[Section, ItemCounts]
) -> dict[str, Any]:
    """``_data`` of a view of ``comparison`` whose ``items`` are written as given, and
    whose ``counts`` are read once they are written."""
    stats = comparison.stats

    def stats_data() -> dict[str, Any]:
        return {
            "a_kept": round(stats.a_kept, 4),
            "b_new": round(stats.b_new, 4),
            "a_sentences_matched": round(stats.a_sentences_matched, 4),
            "b_sentences_matched": round(stats.b_sentences_matched, 4),
            "counts": {s.value: stats.counts.get(s.value, 0) for s in Status},
            "added_claims": counts[Section.ADDED].top,
            "dropped_details": counts[Section.DROPPED].top,
            "quotes": {s.value: stats.quotes.get(s.value, 0) for s in QuoteStatus},
            "has_differences": comparison.has_differences,
        }

    return {
        "schema": SCHEMA_VERSION,
        "a": _document_data(comparison.a, rows),
        "b": _document_data(comparison.b, rows),
        "pairs": rows(comparison.pairs, _pair_data, _pair_weight, ("a", "b", "ops")),
        "claims": rows(comparison.claims, _claim_data, _claim_weight, ("departs_from",)),
        "quotes": rows(comparison.quotes, _quote_data, _quote_weight, ("source", "ops")),
        "lookalikes": _lookalikes_data(comparison),
        "items": items,
        "stats": stats_data() if rows is _listed else Later(lambda _level: stats_data()),
    }


def render_json(view: View) -> str:
    """The JSON contract as text (UTF-8 friendly: ``ensure_ascii=False``)."""
    return "".join(json_pieces(view))


def json_pieces(view: View) -> Iterator[str]:
    """``render_json(view)`` in pieces, to write a long comparison without holding its text.

    The text is ``json.dumps(to_json_data(view), ensure_ascii=False, indent=2)`` through
    ``json_safe``, written by ``json_text`` (the same text, faster); ``json_safe`` acts
    on single characters, so it can be applied piece by piece. The long lists (sentences,
    pairs, claims, quotations, items) are made a batch at a time as they are written, never
    held whole, and a long one is written in ranges over the cores (``ranges.py``).
    """
    return _safe_pieces(_data(view, _in_ranges))


def _safe_pieces(data: dict[str, Any]) -> Iterator[str]:
    """The pieces of ``data`` written (``iter_dumps``), through ``json_safe``, and the
    closing newline."""
    for piece in iter_dumps(data):
        # The writer escapes every C0 control (its only raw ones are its newlines): an
        # ASCII piece without DEL has nothing for ``json_safe`` to do, and this test is
        # many times faster than its scan.
        yield piece if piece.isascii() and "\x7f" not in piece else json_safe(piece)
    yield "\n"


def comparison_json_pieces(comparison: Comparison) -> Iterator[str]:
    """``json_pieces(build_view(comparison, rows=False))``, the view's review items made
    range by range with their records (what the command line writes).

    When the writer may fork (``ranges.forking``), the groups are cut where the review
    items of each range can be made apart (``review.item_blocks``), and the matching forms
    their keys are made of are made here, once (``review.key_forms``). When no identity
    spans two of the ranges the items would be made in (``review.keys_apart``), each
    range's items, with the keys of the whole list, and their records are made in its own
    process: each range gives its records by place in the list (section, then
    ``salience``), and the list is those of every range, place by place. Otherwise the
    items are made here, whole (with the forms made), and their records written in ranges.

    A long comparison (``ranges.RANGED_FROM`` groups) that this process may not fork over
    has its items made so all the same, range after range here (``ranges.one_by_one``),
    each range's records held compressed until the list is written (``_packed``); where an
    identity spans two ranges, each range counts on from those before
    (``review.RunningKeys``), and when that does not give the whole list's keys the items
    are made again, whole. Its other long lists are written ``json_text.STEP`` records at
    a time (``json_text.in_steps``).
    """
    ranged = ranges.item_ranges(comparison)
    if ranged is None:
        return json_pieces(build_view(comparison, rows=False))
    records = _ItemRecords(comparison, ranged)
    return _safe_pieces(_data_of(comparison, _in_ranges, Later(records.value), records.counts))


_SECTION_RANK = {section: number for number, section in enumerate(Section)}


class _ItemRecords:
    """The records of a comparison's review items, made range by range of item blocks
    (``comparison_json_pieces``), and their counts once made."""

    def __init__(self, comparison: Comparison, ranged: ranges.ItemRanges) -> None:
        self.comparison = comparison
        self.ranged = ranged
        """Its ranges, made in forked children, or one after another here, their records'
        texts then held compressed until written (``_packed``)."""
        self.counts: dict[Section, ItemCounts] = {}
        """Per section, filled once the records are made (``value``)."""

    def value(self, level: int) -> Rows | Bodies:
        """The list of records at ``level`` (``json_text.Later``): made range by range
        (``Bodies``), or from the items made here, whole (``Rows``)."""
        comparison, ranged = self.comparison, self.ranged
        locate, blocks, fork = ranged.locate, ranged.blocks, ranged.fork
        cuts = blocks.cuts
        forms = key_forms(comparison, locate, blocks)
        weights = self._weights()
        bounds = ranges.bounds_of(weights) if fork else ranges.bounds_one_by_one(weights)
        # Each range's items made a chunk of blocks at a time when the keys allow (the
        # memory of a range's items is that of a chunk's), else at once. A range made here
        # (a long comparison this process may not fork over: ``ranges.RANGED_FROM``) is
        # one chunk.
        tries = [] if bounds is None else [_chunks(weights, bounds), bounds] if fork else [bounds]
        chunks = next((t for t in tries if keys_apart(forms, [cuts[n] for n in t[:-1]])), None)
        running = None
        if chunks is None and not fork:
            # Some identity in two ranges (an 8 MB original repeats a few sentences far
            # apart): the ranges count on the identities of those before them.
            chunks, running = bounds, RunningKeys()

        def whole() -> Rows:
            items = review_items_in(comparison, locate, blocks, 0, cuts[-1], forms=forms)
            self.counts.update(count_items(items))
            return _in_ranges(items, _item_data, _item_weight, _ITEM_FIELDS)

        if bounds is None or chunks is None:
            return whole()
        starts = chunks

        def task(first: int, last: int) -> tuple[dict[Section, ItemCounts], list[tuple[int, str]]]:
            """The counts of blocks ``first`` to ``last``, and the texts of their records
            with the place of each in the list (chunk by chunk: in the order of the
            blocks, place by place)."""
            counted: list[dict[Section, ItemCounts]] = []
            placed: list[tuple[int, str]] = []
            inside = starts[bisect_left(starts, first) : bisect_right(starts, last)]
            for lo, hi in pairwise(inside):
                made = review_items_in(
                    comparison, locate, blocks, cuts[lo], cuts[hi], forms=forms, running=running
                )
                counted.append(count_items(made))
                placed += _placed_texts(made, level)
                del made  # before the next chunk's are made
            return sum_counts(counted), placed

        found: list[dict[Section, ItemCounts]] = []
        placed: list[tuple[int, str | bytes]] = []
        for counts, part in ranges.run_items(ranged, task, bounds):
            found.append(counts)
            if fork:
                placed += part
            else:
                placed += [(place, _packed(text)) for place, text in part]
        if running is not None and not running.exact():
            placed.clear()
            return whole()  # a sentence's item counted before a later range's: made again
        self.counts.update(sum_counts(found))
        placed.sort(key=itemgetter(0))  # stable: by place, then range by range
        texts = [text for _, text in placed]
        del placed
        if fork:
            return Bodies(lambda _: cast(list[str], texts))
        return Bodies(lambda _: map(_unpacked, cast(list[bytes], texts)))

    def _weights(self) -> list[int]:
        """About the work of the items of each block (what ``ranges.run`` balances): a
        claim's or a quotation's item, a reworded or moved group's."""
        comparison, blocks = self.comparison, self.ranged.blocks
        per_group = [0] * len(comparison.pairs)
        for group in blocks.claim_pairs:
            per_group[group] += _ITEM_WEIGHT
        for group in blocks.quote_pairs:
            if group >= 0:
                per_group[group] += _ITEM_WEIGHT
        for index, pair in enumerate(comparison.pairs):
            if pair.status in (Status.REWORDED, Status.MOVED):
                per_group[index] += _ITEM_WEIGHT
        running = [0, *accumulate(per_group)]
        return [running[hi] - running[lo] for lo, hi in pairwise(blocks.cuts)]


_ITEM_WEIGHT = 400
"""About the characters of an item's record (``_item_weight``: its text aside)."""

_CHUNK_WEIGHT = 5000 * _ITEM_WEIGHT
"""The weight of the items a process makes at a time, when keys allow (``_chunks``):
a long comparison's range has some forty thousand, whose records are a tenth of their
memory while they are made (two processes at once, each holding the records of its
range, and the first its range's again as the second's arrive)."""


def _chunks(weights: Sequence[int], bounds: Sequence[int]) -> list[int]:
    """``bounds`` with the blocks of each range cut where their weight since the last cut
    passes ``_CHUNK_WEIGHT``."""
    out = [0]
    for lo, hi in pairwise(bounds):
        held = 0
        for block in range(lo, hi):
            if held >= _CHUNK_WEIGHT:
                out.append(block)
                held = 0
            held += weights[block]
        out.append(hi)
    return out


_RECORDS_A_TEXT = 1000
"""Records of items written in one text (as ``iter_dumps`` batches a long list)."""


def _packed(text: str) -> bytes:
    """``text`` compressed, as a range's records wait here for the whole list's order: the
    records of an 8 MB original that a rewrite drops are 260 MB of text, and about an
    eighth of that compressed (zlib at its fastest, some 200 MB a second)."""
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 1)


def _unpacked(data: bytes) -> str:
    """The text ``_packed`` compressed."""
    return zlib.decompress(data).decode("utf-8", "surrogatepass")


def _placed_texts(items: Sequence[ReviewItem], level: int) -> list[tuple[int, str]]:
    """The records of ``items`` (in list order) as texts, each with its place: the section
    and ``salience`` of the top-level items it holds (one place per text)."""
    runs: list[tuple[int, list[ReviewItem]]] = []
    place = -1
    for item in items:
        if item.parent is None:  # a nested item follows its holder, in its place
            found = 5 * _SECTION_RANK[section_of(item.kind)] + salience(item)
            if found != place or len(runs[-1][1]) >= _RECORDS_A_TEXT:
                runs.append((found, []))
                place = found
        runs[-1][1].append(item)
    return [(place, items_body(members, level)) for place, members in runs]


def _stamp(ns: int) -> str | None:
    """UTC time of a review timestamp; ``None`` when unknown (0) or beyond any calendar.

    Loading already reads a stored time out of range as 0 (``review.MAX_STAMP``); this
    guard keeps an entry built in memory from breaking the whole report.
    """
    if not ns:
        return None
    try:
        return datetime.fromtimestamp(ns / 1e9, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (OverflowError, OSError, ValueError):
        return None


def _doc_json(doc: Document) -> dict[str, Any]:
    return {"path": doc.path, "title": doc.title, "date": doc.date}


def report_json(view: View, generated_at: datetime | None = None) -> str:
    """The fact-check report as JSON (``schema`` ``REPORT_SCHEMA``)."""
    comparison = view.comparison
    items = []
    for item in view.items:
        entry = view.entry(item.key)
        items.append(
            {
                "key": item.key,
                "kind": item.kind.value,
                "label": item.label,
                "category": item.category,
                "side": item.side.value,
                "text": item.text,
                "start": item.start,
                "end": item.end,
                "pair": item.pair,
                "sentence": item.sentence,
                "departs_from": item.departs_from,
                "source_text": item.source_text,
                "parent": item.parent,
                "was": item.was,
                "aliases": list(item.aliases),
                "mark": entry.mark.value if entry and entry.mark else None,
                "note": entry.note if entry else "",
                "updated_at": _stamp(entry.updated_at) if entry else None,
            }
        )
    quotes = [
        {
            "side": q.side.value,
            "status": q.status.value,
            "text": q.text,
            "start": q.start,
            "end": q.end,
            "source": (
                {"start": q.source.start, "end": q.source.end, "text": view.source_text(q)}
                if q.source
                else None
            ),
            "speaker": q.speaker,
            "source_speaker": q.source_speaker,
            "speaker_changed": q.speaker_changed,
        }
        for q in comparison.quotes
    ]
    stale = [
        {
            "key": found.key,
            "label": found.entry.label,
            "text": found.entry.text,
            "mark": found.entry.mark.value if found.entry.mark else None,
            "note": found.entry.note,
            "updated_at": _stamp(found.entry.updated_at),
        }
        for found in view.stale
    ]
    reviewed, total, flagged = view.progress
    stats = asdict(comparison.stats)
    stats["added_claims"] = view.added_claims
    stats["dropped_details"] = view.dropped_details
    payload: dict[str, Any] = {
        "schema": REPORT_SCHEMA,
        "kind": "diffreader-report",
        "a": _doc_json(comparison.a),
        "b": _doc_json(comparison.b),
        "stats": stats,
        "review": {"reviewed": reviewed, "total": total, "flagged": flagged, "stale": len(stale)},
        "items": items,
        "quotes": quotes,
        "stale": stale,
    }
    if generated_at is not None:
        payload["generated_at"] = generated_at.isoformat()
    return json_safe(dumps(payload)) + "\n"
