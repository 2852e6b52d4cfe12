"""Provides the review-items benchmark: the CPU of making a long comparison's review items.

Usage::

    python benchmarks/bench_items.py [--classes figures few_matches quotes] [--size 1]
        [--runs 5] [--seed 7]

For each content class of ``bench_hostile.py`` (generated at about ``size`` MB of A), the
pair is compared once, then each step is timed ``runs`` times in this process (CPU seconds,
medians, with the cyclic collector off as the command line has it):

* ``item_blocks``: where the items can be made a range of groups at a time (the command
  line's text output makes it in the parent, before its ranges fork);
* ``review_items_in(..., keyed=False)`` over all groups: the text output's items (each range
  of groups makes its own, over the cores: this is their sum);
* ``key_forms``: the matching forms keys are made of, made once (the command line's JSON
  makes them in the parent, before its ranges fork);
* ``review_items_in(..., forms=...)`` over all groups: the JSON's items, keyed, the forms
  made (each range makes its own, over the cores: this is their sum);
* ``review_items``: the whole keyed list (the reports, the reader).

The item count printed is the same for both lists (their keys differ only).
"""

from __future__ import annotations

import argparse
import random
import sys
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_hostile
from bench_render import cpu_median as _cpu

from diffreader.engine import compare, document_from_text
from diffreader.engine.model import Comparison
from diffreader.review.items import item_blocks, key_forms, review_items, review_items_in
from diffreader.review.locate import PairLocator


def _row(name: str, comparison: Comparison, runs: int) -> str:
    """The line of one class: its claims, items and the CPU of each step."""
    locate = PairLocator(comparison)
    blocks = item_blocks(comparison, locate)
    count = len(review_items(comparison, locate))
    blocks_cpu = _cpu(lambda: item_blocks(comparison, PairLocator(comparison)), runs)
    # "-": the items cannot be made range by range: the writers make them whole.
    unkeyed = forms_cpu = with_forms = "-"
    if blocks is not None:
        whole = partial(review_items_in, comparison, locate, blocks, 0, len(comparison.pairs))
        unkeyed = f"{_cpu(partial(whole, keyed=False), runs):.3f}"
        forms_cpu = f"{_cpu(partial(key_forms, comparison, locate, blocks), runs):.3f}"
        forms = key_forms(comparison, locate, blocks)
        with_forms = f"{_cpu(partial(whole, forms=forms), runs):.3f}"
    keyed = _cpu(partial(review_items, comparison, locate), runs)
    return (
        f"{name:<12} {len(comparison.claims):>7} {count:>7} {blocks_cpu:>7.3f}"
        f" {unkeyed:>12} {forms_cpu:>7} {with_forms:>10} {keyed:>7.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--classes", nargs="+", default=["figures", "few_matches", "quotes"])
    parser.add_argument("--size", type=float, default=1.0, help="MB of A per pair")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    unknown = [name for name in args.classes if name not in bench_hostile.CLASSES]
    if unknown:
        known = ", ".join(bench_hostile.CLASSES)
        parser.error(f"unknown class: {', '.join(unknown)} (known: {known})")
    print(
        f"{'class':<12} {'claims':>7} {'items':>7} {'blocks':>7} {'in, unkeyed':>12}"
        f" {'forms':>7} {'in, keyed':>10} {'keyed':>7}"
    )
    for name in args.classes:
        a, b = bench_hostile.CLASSES[name](int(args.size * 1_000_000), random.Random(args.seed))
        print(_row(name, compare(document_from_text(a), document_from_text(b)), args.runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
