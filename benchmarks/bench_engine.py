"""Provides the engine benchmark: load + compare on generated articles of 0.25, 0.5 and 1 MB.

Usage::

    python benchmarks/bench_engine.py [--sizes 0.25 0.5 1] [--runs 3] [--seed 7]

Each run happens in a fresh subprocess, so one size's memory cannot hide another's. A run
generates an original (A, built from a varied synthetic vocabulary with names, places,
numbers, dates and quotations) and a rewrite (B: paragraphs shuffled, sentences reworded,
dropped, added, split and merged), then times ``compare(*documents_from_texts([a, b]))``,
the whole engine (segmentation included, of both texts at once as the command line loads
two files). Time is wall time; CPU
time is the measuring process's plus its children's (a long comparison forks: see
``diffreader/engine/parallel.py``; ``DIFFREADER_JOBS=1`` keeps it in one process). Memory is
the process's peak RSS (``ru_maxrss``), its rise over the baseline taken just before the timed
call (both texts already in memory), and the peak of the process and its children together,
by proportional set size sampled every 20 ms (the memory forked processes share counted
once). The table reports the median of the runs.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import statistics
import subprocess
import sys
import time


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST = _words(
    "Amara Helen Tomas Ines Martin Rita Paul Declan Gareth Priya Jonas Leila Oskar Nadia Felix "
    "Marta Ivan Sofia Kenji Aisha Bruno Clara Dmitri Elena Farid Greta Hugo Irene Jamal Katya"
)
LAST = _words(
    "Lind Sorensen Brennan Varga Reyes Moen Aske Moyle Quill Nandakumar Berg Haddad Novak "
    "Okafor Whitcombe Petrov Lindqvist Duarte Mbeki Castillo Fischer Romano Tanaka Keller"
)
PLACES = _words(
    "Saltmere Kilbrannan Orrin Kestle Hollin Marrow Dunhaven Ashby Fennick Carrow Wyle Brask "
    "Tollen Ardley Quarry Hythe Selby Morna Veldt Iskar"
)
ORGS = (
    "the county council",
    "Coastway Engineering",
    "the harbour authority",
    "the regional development fund",
    "the traders' association",
    "the national rail operator",
    "the ministry of transport",
    "the fishermen's cooperative",
    "the water board",
    "the environment agency",
)
NOUNS = _words(
    "bridge budget harbour road school hospital ferry tunnel market pier station library "
    "reservoir quay footbridge depot warehouse clinic stadium canal"
)
VERBS = _words(
    "close reopen expand repair inspect replace fund delay review rebuild upgrade "
    "survey protect extend"
)
ADJS = _words(
    "serious minor urgent temporary lengthy costly modest unexpected routine major gradual "
    "sudden significant limited"
)
MONTHS = _words("January February March April May June July August September October November")
REWORD = {
    "said": "stated",
    "close": "shut",
    "repair": "fix",
    "serious": "severe",
    "urgent": "pressing",
    "about": "roughly",
    "expected": "projected",
    "would": "will",
    "council": "councillors",
    "temporary": "provisional",
}


SYLLABLES = _words("ka ri mo len sa dor vi ne tha bru gal ost ern wy lo mar fen qui ad el")


def _coin(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


# Real articles name many different people and places; a long text built from a few dozen
# names would make every sentence look like every other. Coin a large lexicon instead.
_LEXICON = random.Random(1)
LAST = (*LAST, *(_coin(_LEXICON, 3) for _ in range(3000)))
PLACES = (
    *PLACES,
    *(_coin(_LEXICON, 2) + suffix for suffix in ("ton", "by", "ford", "mouth") for _ in range(300)),
)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _sentence(rng: random.Random) -> str:
    kind = rng.randrange(6)
    noun, verb, adj = rng.choice(NOUNS), rng.choice(VERBS), rng.choice(ADJS)
    place, org = rng.choice(PLACES), rng.choice(ORGS)
    number = f"{rng.randrange(2, 9000):,}"
    date = f"{rng.choice(MONTHS)} {rng.randrange(1, 29)}"
    if kind == 0:
        return (
            f"{_person(rng)} of {org} said on {date} that the {noun} in {place} would "
            f"{verb} after a {adj} inspection."
        )
    if kind == 1:
        return (
            f"The {noun} carries about {number} vehicles a day across {place}, "
            f"and it is expected to {verb} by {date}."
        )
    if kind == 2:
        return (
            f"“We will {verb} the {noun} in {place} within {rng.randrange(2, 30)} weeks, "
            f"whatever it costs,” {_person(rng)} said."
        )
    if kind == 3:
        return (
            f"Officials from {org} estimated the {adj} work at €{rng.randrange(1, 99)}."
            f"{rng.randrange(0, 9)} million, of which {rng.randrange(5, 95)} per cent is funded."
        )
    if kind == 4:
        return f"Dr. {rng.choice(LAST)} warned that the {noun} might {verb} for good."
    return (
        f"Residents of {place} have complained for {rng.randrange(2, 12)} years about the "
        f"{adj} state of the {noun}, according to {org}."
    )


def make_original(size: int, rng: random.Random) -> list[list[str]]:
    """Paragraphs of sentences totalling about ``size`` characters."""
    paragraphs: list[list[str]] = []
    total = 0
    while total < size:
        paragraph = [_sentence(rng) for _ in range(rng.randrange(2, 6))]
        paragraphs.append(paragraph)
        total += sum(len(s) + 1 for s in paragraph) + 1
    return paragraphs


def _reword(sentence: str, rng: random.Random) -> str:
    words = sentence.split(" ")
    for i, word in enumerate(words):
        if word in REWORD and rng.random() < 0.6:
            words[i] = REWORD[word]
        elif word[:1].isdigit() and rng.random() < 0.3:
            words[i] = f"{rng.randrange(2, 9000):,}"
    return " ".join(words)


def make_rewrite(paragraphs: list[list[str]], rng: random.Random) -> list[list[str]]:
    """Shuffle some paragraphs; reword, drop, add, split and merge some sentences."""
    order = list(range(len(paragraphs)))
    for _ in range(len(order) // 10):  # about one paragraph in ten moves somewhere else
        i, j = rng.randrange(len(order)), rng.randrange(len(order))
        order[i], order[j] = order[j], order[i]
    rewrite: list[list[str]] = []
    for index in order:
        out: list[str] = []
        for sentence in paragraphs[index]:
            roll = rng.random()
            if roll < 0.06:
                continue  # dropped
            if roll < 0.25:
                sentence = _reword(sentence, rng)
            elif roll < 0.28 and out:
                out[-1] = out[-1].rstrip(".") + ", and " + sentence[0].lower() + sentence[1:]
                continue  # merged into the previous sentence
            elif roll < 0.31 and ", and " in sentence:
                head, tail = sentence.split(", and ", 1)
                out += [head + ".", tail[0].upper() + tail[1:]]
                continue  # split in two
            out.append(sentence)
            if rng.random() < 0.06:
                out.append(_sentence(rng))  # an added sentence
        if out:
            rewrite.append(out)
    return rewrite


def _join(paragraphs: list[list[str]]) -> str:
    return "\n\n".join(" ".join(p) for p in paragraphs) + "\n"


def make_pair(megabytes: float, seed: int) -> tuple[str, str]:
    """An original of about ``megabytes`` MB and a rewrite of it."""
    rng = random.Random(seed)
    original = make_original(int(megabytes * 1_000_000), rng)
    return _join(original), _join(make_rewrite(original, rng))


def calibrate() -> float:
    """Seconds for a fixed pure-Python workload (dict and string work, like the engine's).

    The machine's speed drifts (a shared host): this figure, taken just before each run,
    says how fast the interpreter was at the time, so runs can be compared.
    """
    started = time.process_time()
    counts: dict[str, int] = {}
    for i in range(600_000):
        key = f"w{i % 5000}"
        counts[key] = counts.get(key, 0) + len(key)
    return time.process_time() - started


def measure(a: str, b: str) -> dict[str, float]:
    """Compare two texts once (meant to run in a fresh process): times, sizes, peak RSS.

    ``bench_hostile.py`` measures its content classes with this too.
    """
    import resource

    from diffreader.engine import compare
    from diffreader.engine.load import documents_from_texts

    calibration = calibrate()
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started, cpu_started = time.perf_counter(), time.process_time()
    doc_a, doc_b = documents_from_texts([a, b])  # as the command line loads two files
    loaded = time.perf_counter()
    comparison = compare(doc_a, doc_b)
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # the forks of a long compare
    return {
        "a_bytes": len(a.encode()),
        "b_bytes": len(b.encode()),
        "a_sentences": len(doc_a.sentences),
        "b_sentences": len(doc_b.sentences),
        "pairs": len(comparison.pairs),
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "children_cpu_seconds": children.ru_utime + children.ru_stime,
        "calibration": calibration,
        "segment_seconds": loaded - started,
        "peak_rss_mb": peak / 1024,
        "rss_rise_mb": (peak - baseline) / 1024,
    }


def _pss_kib(pid: int) -> int:
    """Proportional set size of one process in KiB (its pages shared with another process
    counted half each), 0 when it has gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (a long comparison forks children: parallel.py)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            with open(f"/proc/{current}/task/{current}/children", encoding="ascii") as children:
                todo.extend(int(child) for child in children.read().split())
        except OSError:
            pass
    return found


def run_measured(
    command: list[str], timeout: float, ok: tuple[int, ...] = (0,), *, memory: bool = True
) -> tuple[str, float]:
    """Run a measuring child; its standard output and the peak memory of it and its own
    children together (MB of PSS, sampled every 20 ms: the sum counts memory the forked
    processes share once, where their separate peak RSS would count it in each), or 0.0
    without ``memory``.

    Sampling costs the measured processes time: reading the page tables of a 250 MB
    process tree every 20 ms takes a good share of a core, and a long comparison uses
    both cores of a 2-core machine (1 MB of figures: 4.4 s sampled, 3.8 s not). So the
    benchmarks time runs that are not sampled and take the memory from a run of its own.

    Raises ``subprocess.TimeoutExpired``, or ``subprocess.CalledProcessError`` for an exit
    status not in ``ok``.
    """
    peak = 0
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as child:
        deadline = time.monotonic() + timeout
        while child.poll() is None:
            if time.monotonic() > deadline:
                child.kill()
                child.wait()
                raise subprocess.TimeoutExpired(command, timeout)
            if memory:
                peak = max(peak, sum(_pss_kib(pid) for pid in _tree(child.pid)))
                time.sleep(0.02)
            else:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    child.wait(timeout=max(0.0, deadline - time.monotonic()))
        out = child.stdout.read() if child.stdout else ""
        if child.returncode not in ok:
            raise subprocess.CalledProcessError(child.returncode, command, out)
    return out, peak / 1024


def run_once(megabytes: float, seed: int) -> dict[str, float]:
    """One measurement of a generated pair of about ``megabytes`` (a fresh process)."""
    a, b = make_pair(megabytes, seed)
    return {"mb": megabytes, **measure(a, b)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.25, 0.5, 1.0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(run_once(args.child, args.seed)))
        return 0

    rows = []
    for size in args.sizes:
        runs = []
        command = [sys.executable, __file__, "--child", str(size), "--seed", str(args.seed)]
        for _ in range(args.runs):
            out, _ = run_measured(command, timeout=3600, memory=False)
            runs.append(json.loads(out))
        # The memory of all the processes, from one more run (sampling slows the timed ones).
        _, peak_pss = run_measured(command, timeout=3600)
        for run in runs:
            run["peak_pss_mb"] = peak_pss
        rows.append((size, runs))
        print(
            f"measured {size} MB: {[round(r['seconds'], 2) for r in runs]} s "
            f"(CPU {[round(r['cpu_seconds'], 2) for r in runs]} s; "
            f"calibration {[round(r['calibration'], 3) for r in runs]} s)",
            file=sys.stderr,
        )

    print(f"Engine: load + compare, median of {args.runs} runs, each in a fresh process.\n")
    print(
        "| size | A / B bytes | A / B sentences | groups | time (s) | CPU time (s) "
        "| of which segmenting | peak RSS (MB) | RSS rise (MB) | memory, all processes (MB) "
        "| calibration (s) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for size, runs in rows:
        first = runs[0]

        def median(key: str, runs: list[dict[str, float]] = runs) -> float:
            return statistics.median(r[key] for r in runs)

        print(
            f"| {size:g} MB | {first['a_bytes']:,} / {first['b_bytes']:,} "
            f"| {first['a_sentences']:,} / {first['b_sentences']:,} | {first['pairs']:,} "
            f"| {median('seconds'):.2f} "
            f"| {median('cpu_seconds'):.2f} + {median('children_cpu_seconds'):.2f} "
            f"| {median('segment_seconds'):.2f} "
            f"| {median('peak_rss_mb'):.0f} | {median('rss_rise_mb'):.0f} "
            f"| {median('peak_pss_mb'):.0f} | {median('calibration'):.3f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
