"""Provides the review-item count: top-level items and nested details per pair.

Usage::

    python benchmarks/count_items.py [--sample DIR] [--by-kind] [--list]

For each demo pair (``00_original.txt`` against each rewrite) and each sample pair
(``000_*`` against ``001``–``003`` of the sample corpus, read at run time from
``../shared/corpus/sample`` beside the repository, or ``--sample``; skipped when absent),
prints the number of top-level review items (what a reader works through) and of details
nested inside them, per section (added, dropped, quotations, rewording), and the mean
over the sample rewrites. ``--by-kind`` adds the top-level items per claim category;
``--list`` prints every top-level item (label and text) in display order.

Not a timing: the counts are a pure function of the two articles, so one run suffices.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import Counter
from pathlib import Path

from diffreader.engine import compare, load_document
from diffreader.review import Section, count_items, review_items

_ROOT = Path(__file__).resolve().parents[1]
DEMO = _ROOT / "src" / "diffreader" / "demo"
SAMPLE = _ROOT.parent / "shared" / "corpus" / "sample"


def _pairs(sample: Path) -> list[tuple[str, Path, Path]]:
    pairs = [
        (f"demo {b.name[:2]}", DEMO / "00_original.txt", b)
        for b in sorted(DEMO.glob("0[1-3]_*.txt"))
    ]
    originals = sorted(sample.glob("000_*.txt")) if sample.is_dir() else []
    if originals:
        for b in sorted(sample.glob("00[1-3]_*.txt")):
            pairs.append((f"sample {b.name[:3]}", originals[0], b))
    return pairs


def main(argv: list[str] | None = None) -> int:
    """Print the counts; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=Path, default=SAMPLE, help="the sample corpus folder")
    parser.add_argument("--by-kind", action="store_true", help="top-level items per category")
    parser.add_argument("--list", action="store_true", help="print every top-level item")
    args = parser.parse_args(argv)
    pairs = _pairs(args.sample)
    if not any(name.startswith("sample") for name, _, _ in pairs):
        print(f"(sample corpus not found at {args.sample}: demo pairs only)", file=sys.stderr)
    heads = ("pair", "top", "inside", "added", "dropped", "quotes", "rewording")
    print(f"{heads[0]:<12}" + "".join(f"{h:>10}" for h in heads[1:]))
    sample_tops: list[int] = []
    for name, a, b in pairs:
        items = review_items(compare(load_document(a), load_document(b)))
        counts = count_items(items)
        top = sum(c.top for c in counts.values())
        inside = sum(c.inside for c in counts.values())
        cells = [top, inside] + [counts[s].top for s in Section]
        print(f"{name:<12}" + "".join(f"{c:>10}" for c in cells))
        if name.startswith("sample"):
            sample_tops.append(top)
        if args.by_kind:
            kinds = Counter(i.category or i.kind.value for i in items if i.parent is None)
            print("    " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
        if args.list:
            for item in items:
                if item.parent is None:
                    text = " ".join(item.text.split())
                    print(f"    {item.label:<34} {text[:90]}")
    if sample_tops:
        print(f"mean top-level items per sample rewrite: {statistics.mean(sample_tops):.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
