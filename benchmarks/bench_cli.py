"""Provides the command-line benchmark: whole-process ``diffreader A B --format json``.

Usage::

    python benchmarks/bench_cli.py [A B] [--runs 10] [--top 12]

Without paths it compares the demo corpus's original with its content-farm rewrite. It
times the whole process (interpreter start, imports, loading, comparing, printing) as a
user's shell sees it, one warm-up run and then the median of ``--runs``, and summarises
``python -X importtime`` for the same command: the slowest top-level imports, and whether
Textual or Rich were imported at all (they must not be on this path).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

DEMO = Path(__file__).resolve().parents[1] / "src" / "diffreader" / "demo"

_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)")

# A user's installed copy has its bytecode cached; let the warm-up run write it here too.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _command(a: str, b: str) -> list[str]:
    script = shutil.which("diffreader")
    launcher = [script] if script else [sys.executable, "-m", "diffreader"]
    return [*launcher, a, b, "--format", "json"]


def time_runs(command: list[str], runs: int) -> list[float]:
    """Wall-clock seconds of each run (after one untimed warm-up run)."""
    subprocess.run(command, capture_output=True, check=False, env=ENV)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, check=False, env=ENV)
        times.append(time.perf_counter() - started)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{command} failed ({done.returncode}): {done.stderr.decode()}")
    return times


def import_times(a: str, b: str) -> tuple[list[tuple[str, int, int]], bool]:
    """Top-level imports as ``(module, self_us, cumulative_us)`` and whether a UI lib loaded."""
    code = (
        "import sys; from diffreader.cli import main; code = main(sys.argv[1:]); "
        "sys.stdout.flush(); "
        "ui = sorted(m for m in ('textual', 'rich') if m in sys.modules); "
        "sys.stderr.write(f'\\nUI modules: {ui}\\n'); raise SystemExit(code)"
    )
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code, a, b, "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
        env=ENV,
    )
    rows = []
    for line in done.stderr.splitlines():
        match = _IMPORT_LINE.match(line)
        if match and not match.group(3):  # no indentation: imported by our code or site
            rows.append((match.group(4), int(match.group(1)), int(match.group(2))))
    ui_loaded = "UI modules: []" not in done.stderr
    return sorted(rows, key=lambda row: -row[2]), ui_loaded


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", metavar="PATH", help="two articles (A, then B)")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args(argv)
    if len(args.paths) not in (0, 2):
        parser.error("give two paths, or none for the demo pair")
    a, b = args.paths or (
        str(DEMO / "00_original.txt"),
        str(DEMO / "02_rewrite_contentfarm.txt"),
    )
    command = _command(a, b)
    times = time_runs(command, args.runs)
    print(f"`{' '.join(Path(c).name if i == 0 else c for i, c in enumerate(command))}`\n")
    print(
        f"Whole process, median of {args.runs} runs: **{statistics.median(times):.3f} s** "
        f"(min {min(times):.3f} s, max {max(times):.3f} s)\n"
    )
    rows, ui_loaded = import_times(a, b)
    total = sum(row[2] for row in rows)
    print(f"Top-level imports (`python -X importtime`), {total / 1000:.0f} ms in all:\n")
    print("| module | cumulative (ms) | self (ms) |")
    print("|---|---|---|")
    for name, self_us, cumulative_us in rows[: args.top]:
        print(f"| {name} | {cumulative_us / 1000:.1f} | {self_us / 1000:.1f} |")
    print(f"\nTextual or Rich imported on this path: {'YES (a regression)' if ui_loaded else 'no'}")
    return 1 if ui_loaded else 0


if __name__ == "__main__":
    raise SystemExit(main())
