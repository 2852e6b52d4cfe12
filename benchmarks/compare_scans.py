"""Provides the check that two scans of the same folders gave the same results.

Usage::

    python benchmarks/compare_scans.py BEFORE AFTER [BEFORE AFTER ...]

Each pair of results folders (``diffreader scan`` of the same folders, say once with the
``src`` of one version and once with another's, through ``bench_scan.py --keep`` or
``diffreader scan``) is compared file by file: the manifest and every JSON Lines file
(articles, features, candidates, pairs, comparisons, stories), byte for byte, so the
order of the records counts too. A file that differs is read as JSON Lines to say where:
its first record that differs (by line), and how many records each side holds.

Prints one line per file and exits 0 when every pair of folders is the same, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from diffreader.scan.results import MANIFEST, RECORD_FILES

FILES = (MANIFEST, *RECORD_FILES)


def _records(data: bytes) -> list[object]:
    return [json.loads(line) for line in data.splitlines() if line.strip()]


def difference(before: Path, after: Path, name: str) -> str | None:
    """Where ``name`` differs between the two folders (``None``: the same bytes)."""
    paths = before / name, after / name
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        return "missing: " + ", ".join(missing)
    old, new = (p.read_bytes() for p in paths)
    if old == new:
        return None
    if name.endswith(".json"):
        return "the manifests differ"
    left, right = _records(old), _records(new)
    for line, (a, b) in enumerate(zip(left, right, strict=False), 1):
        if a != b:
            return f"line {line} differs ({len(left):,} → {len(right):,} records)"
    if len(left) != len(right):
        return f"{len(left):,} → {len(right):,} records"
    return "the same records, written differently"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("folders", type=Path, nargs="+", metavar="BEFORE AFTER")
    args = parser.parse_args(argv)
    if len(args.folders) % 2:
        parser.error("give the results folders in pairs: BEFORE AFTER")
    same = True
    for before, after in zip(args.folders[::2], args.folders[1::2], strict=True):
        print(f"{before} → {after}")
        for name in FILES:
            found = difference(before, after, name)
            if found is None:
                size = (before / name).stat().st_size
                lines = (before / name).read_bytes().count(b"\n")
                print(f"  {name:<22} identical ({lines:,} lines, {size:,} bytes)")
            else:
                same = False
                print(f"  {name:<22} DIFFERS: {found}")
    print("identical" if same else "DIFFERENT")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
