"""Scores the engine's judgement (added claims, dropped details, quotation checks) on the
hand-written development set in ``benchmarks/judgement/`` and prints it beside a naive baseline.

    python benchmarks/eval_judgement.py [--set benchmarks/judgement] [--json out.json] [--verbose]

Each pair has an original (A), a rewrite (B) and gold in ``gold.json``: ``must`` items (a change a
careful editor wants flagged: kind added on B or dropped on A, a category, the exact substring)
and ``quiet`` items (rewording that must not be flagged). A ``must`` item may list ``also``:
other substrings of the same side that express the same change (a flag there counts as the
item's). See ``benchmarks/judgement/README.md``.

Flags of the engine:
    * every claim (top-level or nested) on its side;
    * every quotation check that reports a change: a B quotation that is altered or new or whose
      speaker changed, and an A quotation that B dropped; the A source of an altered quotation
      also marks a dropped ``quotation`` item (what the quotation lost), nothing else, and the
      A source of a quotation whose speaker changed marks one through the sentences holding
      it (the speaker it had, which the reader shows beside the new one).

A gold ``must`` item is *found* when a flag on its side overlaps its span (for the category
``quotation`` a quotation check or a quotation claim also counts when the sentences holding it,
every one it runs over, overlap the span, so a quotation attributed to someone else is found
through its attribution).
*Review items* are the top-level claims (``parent == -1``) plus the altered, new and
speaker-changed quotation checks: precision is the share of them that hit some ``must`` span of
their pair, and a paraphrase pair (no ``must`` item) with any review item counts as a false alarm.
A ``quiet`` span is a false alarm when any flag (top-level or nested) overlaps it.

Balanced accuracy, per side: every ``must`` item of that side is a change (positive), every
``quiet`` item a non-change (negative); the score is the mean of recall on the changes and
specificity on the quiet items.

The baseline, as in issue 9, "flags any new number or capitalised word": a token holding a digit
or a capital letter, not the first token of its sentence, whose text occurs nowhere among the
other side's tokens, is an added (B) or dropped (A) flag. It is scored the same way.

Standard library and diffreader only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diffreader.engine import Document, compare, load_document

CATEGORIES = (
    "negation",
    "opposite",
    "figure",
    "date",
    "name",
    "role",
    "claim",
    "detail",
    "quotation",
    "hedge",
)
KINDS = {"added": "b", "dropped": "a"}
DEFAULT_SET = Path(__file__).resolve().parent / "judgement"


class GoldError(ValueError):
    """The gold file or a pair's text is inconsistent (raised loudly, never skipped)."""


@dataclass(frozen=True)
class Item:
    """A gold span: a ``must`` item (kind and category set) or a ``quiet`` item."""

    pair: str
    side: str
    text: str
    start: int
    end: int
    kind: str = ""
    category: str = ""
    also: tuple[tuple[int, int], ...] = ()
    """Other spans of the same side that express the same change (``also`` in the gold)."""

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        return ((self.start, self.end), *self.also)


@dataclass(frozen=True)
class Flag:
    """One thing a judge flagged on one side."""

    side: str
    start: int
    end: int
    label: str
    """Category as the judge names it (``number``, ``assertion``, ``quote altered``…)."""
    text: str
    top: bool
    """A review item (counted for precision and items per pair)."""
    quote_sentence: tuple[int, int] | None = None
    """For quotation checks and quotation claims: the span of the sentence holding it."""
    quotation_only: bool = False
    """The A source of an altered quotation: it marks only gold of the category quotation."""


@dataclass
class GoldPair:
    id: str
    description: str
    a_path: Path
    b_path: Path
    must: list[Item]
    quiet: list[Item]

    @property
    def paraphrase(self) -> bool:
        return not self.must


@dataclass
class PairResult:
    id: str
    found: list[tuple[Item, bool]] = field(default_factory=list)
    quiet: list[tuple[Item, bool]] = field(default_factory=list)
    items: list[tuple[Flag, bool]] = field(default_factory=list)
    """Review items and whether each hits a ``must`` span."""


def _value(x: Any) -> str:
    return str(getattr(x, "value", x))


def _unique_span(text: str, needle: str, where: str) -> tuple[int, int]:
    if not needle:
        raise GoldError(f"{where}: empty text")
    count = text.count(needle)
    if count != 1:
        raise GoldError(f"{where}: {needle!r} occurs {count} times (must be exactly once)")
    start = text.index(needle)
    return start, start + len(needle)


def read_text(path: Path) -> str:
    """The text of an article exactly as the project's loader decodes it."""
    return str(load_document(path).text)


def load_gold(set_dir: Path, ids: Iterable[str] | None = None) -> list[GoldPair]:
    """Reads ``gold.json`` and resolves every span; raises ``GoldError`` on any inconsistency."""
    raw = json.loads((set_dir / "gold.json").read_text(encoding="utf-8"))
    wanted = set(ids) if ids is not None else None
    pairs: list[GoldPair] = []
    seen: set[str] = set()
    for entry in raw["pairs"]:
        pid = entry["id"]
        if pid in seen:
            raise GoldError(f"{pid}: duplicate id")
        seen.add(pid)
        if wanted is not None and pid not in wanted:
            continue
        a_path, b_path = set_dir / entry["a"], set_dir / entry["b"]
        texts = {"a": read_text(a_path), "b": read_text(b_path)}
        must: list[Item] = []
        for m in entry.get("must", []):
            kind, category, side = m["kind"], m["category"], m["side"]
            if kind not in KINDS:
                raise GoldError(f"{pid}: unknown kind {kind!r}")
            if category not in CATEGORIES:
                raise GoldError(f"{pid}: unknown category {category!r}")
            if side != KINDS[kind]:
                raise GoldError(f"{pid}: a {kind} item belongs on side {KINDS[kind]}, not {side}")
            start, end = _unique_span(texts[side], m["text"], f"{pid} must {side}")
            also = tuple(
                _unique_span(texts[side], t, f"{pid} must {side} also") for t in m.get("also", [])
            )
            must.append(Item(pid, side, m["text"], start, end, kind, category, also))
        quiet: list[Item] = []
        for q in entry.get("quiet", []):
            side = q["side"]
            if side not in ("a", "b"):
                raise GoldError(f"{pid}: unknown side {side!r}")
            start, end = _unique_span(texts[side], q["text"], f"{pid} quiet {side}")
            for m_item in must:
                if m_item.side == side and any(_overlaps(start, end, *sp) for sp in m_item.spans):
                    raise GoldError(f"{pid}: quiet {q['text']!r} overlaps must {m_item.text!r}")
            quiet.append(Item(pid, side, q["text"], start, end))
        pairs.append(GoldPair(pid, entry.get("description", ""), a_path, b_path, must, quiet))
    if wanted is not None and len(pairs) != len(wanted):
        missing = sorted(wanted - {p.id for p in pairs})
        raise GoldError(f"unknown pair ids: {', '.join(missing)}")
    return pairs


# ---------------------------------------------------------------- the engine's flags


def _holder(sentences: Sequence[Any], first: int, end: int) -> tuple[int, int]:
    """The span of the sentences holding a quotation that opens in sentence ``first`` and
    ends at ``end``: every sentence it runs over, for its attribution follows it in the last
    ("'Nobody won. The people gain,' said Hollendorf.")."""
    last = first
    while last + 1 < len(sentences) and sentences[last].end < end:
        last += 1
    return sentences[first].start, sentences[last].end


def engine_flags(a: Document, b: Document) -> list[Flag]:
    """Every claim and every quotation check that reports a change, as flags."""
    comparison = compare(a, b)
    docs = {"a": comparison.a, "b": comparison.b}
    flags: list[Flag] = []
    for claim in comparison.claims:
        side = _value(claim.side)
        category = _value(claim.category)
        holder = None
        sentences = docs[side].sentences
        if category == "quotation" and 0 <= claim.sentence < len(sentences):
            holder = _holder(sentences, claim.sentence, claim.end)
        flags.append(
            Flag(
                side,
                claim.start,
                claim.end,
                f"{_value(claim.kind)} {category}",
                claim.text,
                claim.parent == -1,
                holder,
            )
        )
    for quote in comparison.quotes:
        status = _value(quote.status)
        side = _value(quote.side)
        changed_speaker = bool(getattr(quote, "speaker_changed", False))
        if side == "b" and (status in ("altered", "new") or changed_speaker):
            label = f"quote {status}" + (", speaker changed" if changed_speaker else "")
            top = True
        elif side == "a" and status == "dropped":
            label, top = "quote dropped", False
        else:
            continue
        sentences = docs[side].sentences
        holder = None
        if 0 <= quote.sentence < len(sentences):
            holder = _holder(sentences, quote.sentence, quote.end)
        flags.append(Flag(side, quote.start, quote.end, label, quote.text, top, holder))
        source = getattr(quote, "source", None)
        if side == "b" and (status == "altered" or changed_speaker) and source is not None:
            # A quotation given to another speaker: the reader shows its A source and the
            # speaker it had ("speaker changed: Bram Rundle → Merryn Brigstock"), so the
            # A attribution is marked as the B one is, through the sentences holding it.
            source_holder = None
            if changed_speaker:
                a_sentences = docs["a"].sentences
                first = next(
                    (i for i, s in enumerate(a_sentences) if s.start <= source.start < s.end), -1
                )
                if first >= 0:
                    source_holder = _holder(a_sentences, first, source.end)
            flags.append(
                Flag(
                    "a",
                    source.start,
                    source.end,
                    "quote altered (A source)"
                    if status == "altered"
                    else "quote speaker (A source)",
                    docs["a"].text[source.start : source.end],
                    False,
                    source_holder,
                    quotation_only=True,
                )
            )
    return flags


# ---------------------------------------------------------------- the baseline

_TOKEN = re.compile(r"\S+")
_EDGE = "\"'“”‘’«»()[]{}.,;:!?—–-…"


def _core(token: str) -> str:
    core = token.strip(_EDGE)
    for suffix in ("'s", "’s"):
        if core.endswith(suffix):
            core = core[: -len(suffix)]
    return core


def _tokens(doc: Document) -> list[tuple[int, int, str, bool]]:
    """(start, end, core, sentence-initial) for every token of the document's sentences."""
    out: list[tuple[int, int, str, bool]] = []
    for sentence in doc.sentences:
        first = True
        for m in _TOKEN.finditer(sentence.text):
            core = _core(m.group())
            if not core:
                continue
            offset = m.group().index(core)
            start = sentence.start + m.start() + offset
            out.append((start, start + len(core), core, first))
            first = False
    return out


def baseline_flags(a: Document, b: Document) -> list[Flag]:
    """Issue 9's baseline: any new number or capitalised word (not sentence-initial)."""
    tokens = {"a": _tokens(a), "b": _tokens(b)}
    present = {side: {t[2] for t in toks} for side, toks in tokens.items()}
    flags: list[Flag] = []
    for side, other in (("b", "a"), ("a", "b")):
        for start, end, core, initial in tokens[side]:
            if initial or core in present[other]:
                continue
            if any(c.isdigit() or c.isupper() for c in core):
                label = "added token" if side == "b" else "dropped token"
                flags.append(Flag(side, start, end, label, core, True))
    return flags


# ---------------------------------------------------------------- scoring


def _overlaps(s1: int, e1: int, s2: int, e2: int) -> bool:
    return s1 < e2 and s2 < e1


def hits(flag: Flag, item: Item) -> bool:
    """Whether ``flag`` marks ``item`` (same side, overlapping span; see the module doc)."""
    if flag.side != item.side or (flag.quotation_only and item.category != "quotation"):
        return False
    for start, end in item.spans:
        if _overlaps(flag.start, flag.end, start, end):
            return True
        if (
            item.category == "quotation"
            and flag.quote_sentence is not None
            and _overlaps(*flag.quote_sentence, start, end)
        ):
            return True
    return False


def score_pair(gold: GoldPair, flags: Sequence[Flag]) -> PairResult:
    result = PairResult(gold.id)
    for item in gold.must:
        result.found.append((item, any(hits(f, item) for f in flags)))
    for item in gold.quiet:
        flagged = any(
            f.side == item.side
            and not f.quotation_only
            and _overlaps(f.start, f.end, item.start, item.end)
            for f in flags
        )
        result.quiet.append((item, flagged))
    for f in flags:
        if f.top:
            result.items.append((f, any(hits(f, m) for m in gold.must)))
    return result


def _ratio(n: int, d: int) -> float | None:
    return n / d if d else None


def summarise(golds: Sequence[GoldPair], results: Sequence[PairResult]) -> dict[str, Any]:
    """All figures of one judge over the set."""
    by_id = {g.id: g for g in golds}
    categories: dict[str, dict[str, Any]] = {}
    for cat in CATEGORIES:
        rows = [(i, ok) for r in results for i, ok in r.found if i.category == cat]
        n, k = len(rows), sum(ok for _, ok in rows)
        categories[cat] = {"gold": n, "found": k, "recall": _ratio(k, n)}
    kinds: dict[str, dict[str, Any]] = {}
    for kind in KINDS:
        rows = [(i, ok) for r in results for i, ok in r.found if i.kind == kind]
        n, k = len(rows), sum(ok for _, ok in rows)
        kinds[kind] = {"gold": n, "found": k, "recall": _ratio(k, n)}
    items = [(f, ok) for r in results for f, ok in r.items]
    quiet = [(i, flagged) for r in results for i, flagged in r.quiet]
    para = [r for r in results if by_id[r.id].paraphrase]
    para_flagged = [r for r in para if r.items]
    balanced: dict[str, Any] = {}
    for side_name, side in (("added", "b"), ("dropped", "a"), ("both", None)):
        pos = [ok for r in results for i, ok in r.found if side is None or i.side == side]
        neg = [fl for r in results for i, fl in r.quiet if side is None or i.side == side]
        recall = _ratio(sum(pos), len(pos))
        specificity = _ratio(len(neg) - sum(neg), len(neg))
        ba = (recall + specificity) / 2 if recall is not None and specificity is not None else None
        balanced[side_name] = {
            "changes": len(pos),
            "quiet": len(neg),
            "recall": recall,
            "specificity": specificity,
            "balanced_accuracy": ba,
        }
    found_all = sum(ok for r in results for _, ok in r.found)
    n_all = sum(len(r.found) for r in results)
    return {
        "pairs": len(results),
        "categories": categories,
        "recall": {
            **kinds,
            "all": {"gold": n_all, "found": found_all, "recall": _ratio(found_all, n_all)},
        },
        "precision": {
            "items": len(items),
            "on_target": sum(ok for _, ok in items),
            "precision": _ratio(sum(ok for _, ok in items), len(items)),
        },
        "false_alarms": {
            "quiet_spans": len(quiet),
            "quiet_flagged": sum(fl for _, fl in quiet),
            "quiet_rate": _ratio(sum(fl for _, fl in quiet), len(quiet)),
            "paraphrase_pairs": len(para),
            "paraphrase_pairs_flagged": len(para_flagged),
            "paraphrase_pair_rate": _ratio(len(para_flagged), len(para)),
            "paraphrase_items": sum(len(r.items) for r in para),
        },
        "items_per_pair": _ratio(len(items), len(results)),
        "balanced_accuracy": balanced,
        "precision_by_label": _precision_by_label(items),
    }


def _label_group(label: str) -> str:
    """The judge's category of a review item: "added opposite" -> "opposite"; the
    quotation checks ("quote altered, speaker changed") -> "quote check"."""
    if label.startswith("quote"):
        return "quote check"
    return label.split(" ", 1)[-1]


def _precision_by_label(items: Sequence[tuple[Flag, bool]]) -> dict[str, dict[str, Any]]:
    """Review items per category the judge gave them, and the share that hit a gold change."""
    out: dict[str, dict[str, Any]] = {}
    for flag, ok in items:
        row = out.setdefault(_label_group(flag.label), {"items": 0, "on_target": 0})
        row["items"] += 1
        row["on_target"] += ok
    for row in out.values():
        row["precision"] = _ratio(row["on_target"], row["items"])
    return dict(sorted(out.items()))


def _details(golds: Sequence[GoldPair], results: Sequence[PairResult]) -> dict[str, Any]:
    by_id = {g.id: g for g in golds}
    missed = [
        {"pair": r.id, "kind": i.kind, "category": i.category, "side": i.side, "text": i.text}
        for r in results
        for i, ok in r.found
        if not ok
    ]
    quiet = [
        {"pair": r.id, "side": i.side, "text": i.text} for r in results for i, fl in r.quiet if fl
    ]
    off_target = [
        {
            "pair": r.id,
            "paraphrase": by_id[r.id].paraphrase,
            "side": f.side,
            "label": f.label,
            "text": f.text,
        }
        for r in results
        for f, ok in r.items
        if not ok
    ]
    return {"missed": missed, "quiet_flagged": quiet, "off_target": off_target}


def evaluate(set_dir: Path = DEFAULT_SET, ids: Iterable[str] | None = None) -> dict[str, Any]:
    """Runs the engine and the baseline on the set (or on the pairs ``ids``); all figures."""
    golds = load_gold(set_dir, ids)
    judges = {"engine": engine_flags, "baseline": baseline_flags}
    results: dict[str, list[PairResult]] = {name: [] for name in judges}
    seconds = 0.0
    for gold in golds:
        a, b = load_document(gold.a_path), load_document(gold.b_path)
        for name, judge in judges.items():
            started = time.perf_counter()
            flags = judge(a, b)
            if name == "engine":
                seconds += time.perf_counter() - started
            results[name].append(score_pair(gold, flags))
    report: dict[str, Any] = {
        "set": str(set_dir),
        "pairs": len(golds),
        "paraphrase_pairs": sum(g.paraphrase for g in golds),
        "engine_seconds": round(seconds, 3),
    }
    for name in judges:
        report[name] = summarise(golds, results[name])
        report[name]["details"] = _details(golds, results[name])
    return report


# ---------------------------------------------------------------- printing


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"


def _row(label: str, gold: object, engine: str, baseline: str) -> str:
    return f"  {label:27}{gold!s:>8}  {engine:>13}  {baseline:>13}".rstrip()


def format_table(report: dict[str, Any]) -> str:
    """The compact table: engine beside baseline, one figure per row."""
    e, b = report["engine"], report["baseline"]

    def count(d: dict[str, Any]) -> str:
        return f"{d['found']:>3} {_pct(d['recall']):>5}"

    lines = [
        f"Judgement dev set: {report['pairs']} pairs "
        f"({report['paraphrase_pairs']} paraphrase only); "
        f"engine time {report['engine_seconds']:.2f} s",
        "",
        _row("", "gold", "engine", "baseline"),
        _row("recall by category", "", "found  rec", "found  rec"),
    ]
    for cat in CATEGORIES:
        ec, bc = e["categories"][cat], b["categories"][cat]
        lines.append(_row(cat, ec["gold"], count(ec), count(bc)))
    lines.append("")
    for kind in ("added", "dropped", "all"):
        ek, bk = e["recall"][kind], b["recall"][kind]
        lines.append(_row(f"recall, {kind}", ek["gold"], count(ek), count(bk)))
    ep, bp = e["precision"], b["precision"]
    lines.append(
        _row(
            "precision of review items",
            "",
            f"{ep['on_target']}/{ep['items']} {_pct(ep['precision']):>5}",
            f"{bp['on_target']}/{bp['items']} {_pct(bp['precision']):>5}",
        )
    )
    lines.append(
        _row(
            "review items per pair", "", f"{e['items_per_pair']:.2f}", f"{b['items_per_pair']:.2f}"
        )
    )
    ef, bf = e["false_alarms"], b["false_alarms"]
    lines.append(
        _row(
            "quiet spans flagged",
            ef["quiet_spans"],
            f"{ef['quiet_flagged']:>3} {_pct(ef['quiet_rate']):>5}",
            f"{bf['quiet_flagged']:>3} {_pct(bf['quiet_rate']):>5}",
        )
    )
    lines.append(
        _row(
            "paraphrase pairs flagged",
            ef["paraphrase_pairs"],
            f"{ef['paraphrase_pairs_flagged']:>3} {_pct(ef['paraphrase_pair_rate']):>5}",
            f"{bf['paraphrase_pairs_flagged']:>3} {_pct(bf['paraphrase_pair_rate']):>5}",
        )
    )
    lines.append("")
    lines.append(_row("precision by the judge's category", "", "hit/items", "hit/items"))
    labels = sorted(set(e["precision_by_label"]) | set(b["precision_by_label"]))
    for label in labels:
        cells = []
        for judge in (e, b):
            row = judge["precision_by_label"].get(label)
            cells.append(
                f"{row['on_target']}/{row['items']} {_pct(row['precision']):>5}" if row else "-"
            )
        lines.append(_row(f"  {label}", "", *cells))
    lines.append("")
    lines.append(_row("balanced accuracy", "chg+qt", "", ""))
    for side in ("added", "dropped", "both"):
        eb, bb = e["balanced_accuracy"][side], b["balanced_accuracy"][side]
        lines.append(
            _row(
                f"{side} side" if side != "both" else "both sides",
                f"{eb['changes']}+{eb['quiet']}",
                _pct(eb["balanced_accuracy"]),
                _pct(bb["balanced_accuracy"]),
            )
        )
    return "\n".join(lines)


def format_verbose(report: dict[str, Any], judge: str = "engine") -> str:
    d = report[judge]["details"]
    lines = [f"\n{judge}: missed ({len(d['missed'])})"]
    lines += [
        f"  {m['pair']}: {m['kind']} {m['category']} [{m['side']}] {m['text']!r}"
        for m in d["missed"]
    ]
    lines.append(f"\n{judge}: quiet spans flagged ({len(d['quiet_flagged'])})")
    lines += [f"  {q['pair']}: [{q['side']}] {q['text']!r}" for q in d["quiet_flagged"]]
    lines.append(f"\n{judge}: review items off target ({len(d['off_target'])})")
    lines += [
        f"  {o['pair']}{' (paraphrase)' if o['paraphrase'] else ''}: [{o['side']}] {o['label']}: "
        f"{o['text']!r}"
        for o in d["off_target"]
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET, help="folder holding gold.json")
    parser.add_argument("--json", type=Path, help="write all figures to this file")
    parser.add_argument("--verbose", action="store_true", help="list misses and false alarms")
    parser.add_argument("--baseline-verbose", action="store_true", help="the same for the baseline")
    parser.add_argument("--pair", action="append", help="only this pair id (repeatable)")
    args = parser.parse_args(argv)
    try:
        report = evaluate(args.set, args.pair)
    except GoldError as error:
        print(f"eval_judgement: gold error: {error}", file=sys.stderr)
        return 2
    print(format_table(report))
    if args.verbose:
        print(format_verbose(report, "engine"))
    if args.baseline_verbose:
        print(format_verbose(report, "baseline"))
    if args.json:
        args.json.write_text(
            json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
