"""Provides the hostile-content benchmark: the engine on the content classes that were slow.

Usage::

    python benchmarks/bench_hostile.py [--classes few_matches figures quotes abbrevs flat repeats
        word_lines word_edits unpunctuated dates random symbols refrain lists open_quotes]
        [--sizes 0.25 0.5 1] [--runs 3] [--seed 7] [--timeout 300] [--stages]
        [--cli text|markdown|json [--at-limit]]

Fifteen generated classes, each at about ``size`` MB of original (A):

- ``few_matches``: a long A of short one-line sentences (about 31,000 at 1 MB) against a
  short B that keeps A's last three: almost all of A is dropped;
- ``figures``: sentences dense with figures (counts, percentages, money, years), most of
  them changed in B;
- ``quotes``: quotations with attributions, many altered by a word or two, some dropped,
  some new;
- ``abbrevs``: abbreviations everywhere ("U.S.", "Dr.", "No. 5", "a.m.", "Jan."), reworded
  as in ``bench_engine.py``;
- ``flat``: ``bench_engine.py``'s article and rewrite, each flattened into one huge line;
- ``repeats``: a listing of one sentence template (a results table written out: "The count
  in ward 12 was 431 votes."), about 25,000 sentences at 1 MB that differ only in their
  figures, three in ten reworded in B: every sentence is a candidate match for hundreds;
- ``word_lines``: ``bench_engine.py``'s article and rewrite set one word a line (about
  160,000 lines a megabyte);
- ``word_edits``: the article set one word a line, one word in ten replaced by another of
  its words in B (an edit in nearly every sentence and quotation);
- ``unpunctuated``: ``word_lines``' article and rewrite with no punctuation at all, each one
  line (one "sentence");
- ``dates``: one dated template sentence a paragraph, four in ten replaced in B (groups
  whose sentences lie far apart);
- ``random``: random letters, digits and punctuation, and a copy with one character in
  twenty changed (no word twice);
- ``symbols``: the article against bytes 0x80-0xFF at random read as cp1252 (no space, no
  word: sentences of tens of thousands of characters, thousands of quotation marks each);
- ``refrain``: the same short quotation in every paragraph, ten thousand times a side;
- ``lists``: a Markdown listing, a heading and a few short bullet lines a section (about
  33,000 lines a megabyte), one line in five edited, dropped, added or moved;
- ``open_quotes``: one line of short quoted sentences whose marks open and never close,
  and a copy with one word in twenty replaced.

Same conventions as ``bench_engine.py``: each run is a fresh subprocess that times
``compare(*documents_from_texts([a, b]))``; the table gives medians of wall
time, CPU time (the process's + its forked children's), its peak RSS and the peak memory of
it and its children together (PSS, from one more run: sampling it slows the timed runs),
with the calibration time (a fixed pure-Python workload
run just before each measurement) for the host's speed. A run that exceeds ``--timeout`` seconds is
reported as ``>timeout``.

``--cli FORMAT`` times the command line instead, end to end as a user runs it (``diffreader A
B --format FORMAT -o FILE``: loading, comparing, the review items and the rendering), with
the CPU time and peak memory of all its processes. With ``--at-limit``, each class's pair is
as large as the command line accepts (each file at most 8 MiB: issue 10's largest input,
linear and within 1 GB) instead of ``--sizes``.

``--stages`` adds where the CPU time goes, from a second comparison in the same process
(after the measured one, so its figures are not disturbed): segmenting both texts
(``document_from_text``), aligning with the word diffs (``align_pair``), and the quotation
checks, claims and stats (``annotate``), all in one process. Stages are medians over the
runs too.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
from collections.abc import Callable

from bench_engine import (
    FIRST,
    LAST,
    MONTHS,
    NOUNS,
    ORGS,
    PLACES,
    VERBS,
    _join,
    _person,
    make_original,
    make_rewrite,
    measure,
    run_measured,
)

Pair = tuple[str, str]


def _paragraphs(size: int, make: Callable[[], str], rng: random.Random) -> list[list[str]]:
    paragraphs: list[list[str]] = []
    total = 0
    while total < size:
        paragraph = [make() for _ in range(rng.randrange(2, 6))]
        paragraphs.append(paragraph)
        total += sum(len(s) + 1 for s in paragraph) + 1
    return paragraphs


def few_matches(size: int, rng: random.Random) -> Pair:
    """About 31,000 short one-line sentences per MB against a short, mostly unrelated B."""
    lines: list[str] = []
    total = 0
    while total < size:
        line = f"{rng.choice(FIRST)} {rng.choice(LAST)} filed item {rng.randrange(1, 99999)}."
        lines.append(line)
        total += len(line) + 1
    # B keeps A's last lines only: every dropped line's nearest kept predecessor is far away.
    kept = lines[-3:]
    short = make_original(4000, rng)
    short[0].extend(kept)
    return "\n".join(lines) + "\n", _join(short)


def _figures_sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(PLACES)} reported {rng.randrange(2, 90000):,} cases in "
        f"{rng.randrange(1990, 2030)}, up {rng.randrange(1, 99)}.{rng.randrange(10)}% from "
        f"{rng.randrange(2, 90000):,}, at a cost of ${rng.randrange(1, 999)}."
        f"{rng.randrange(10)} million, or {rng.randrange(2, 99)} per cent of the "
        f"{rng.randrange(2, 900)} million budget."
    )


def _change_figures(sentence: str, rng: random.Random, rate: float) -> str:
    words = sentence.split(" ")
    for i, word in enumerate(words):
        figure = word[:1].isdigit() or word[:2] in {"$1", "$2", "$3", "$4", "$5", "$6", "$7", "$8"}
        if figure and rng.random() < rate:
            tail = word[-1] if not word[-1].isdigit() else ""
            head = "$" if word.startswith("$") else ""
            words[i] = f"{head}{rng.randrange(2, 9000):,}{tail}"
    return " ".join(words)


def figures(size: int, rng: random.Random) -> Pair:
    """Figure-dense sentences; in B about seven figures in ten change."""
    original = _paragraphs(size, lambda: _figures_sentence(rng), rng)
    rewrite = [
        [_change_figures(s, rng, 0.7) if rng.random() < 0.9 else s for s in p] for p in original
    ]
    return _join(original), _join(rewrite)


_QUOTE_WORDS = (
    *NOUNS,
    *VERBS,
    *"we will never the a of to and it is was not our people this town have been".split(),
)


def _quote_body(rng: random.Random) -> str:
    words = [rng.choice(_QUOTE_WORDS) for _ in range(rng.randrange(8, 24))]
    words[0] = words[0].capitalize()
    return " ".join(words)


def _quote_sentence(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"“{_quote_body(rng)},” {_person(rng)} said."
    return f"{_person(rng)} of {rng.choice(ORGS)} said the plan was “{_quote_body(rng)}”."


def _alter_quote(sentence: str, rng: random.Random) -> str:
    words = sentence.split(" ")
    for _ in range(rng.randrange(1, 3)):
        i = rng.randrange(1, len(words) - 2)
        if "“" not in words[i] and "”" not in words[i]:
            words[i] = rng.choice(_QUOTE_WORDS)
    return " ".join(words)


def quotes(size: int, rng: random.Random) -> Pair:
    """Quotations with attributions: in B four in ten altered, one in ten dropped, new ones."""
    original = _paragraphs(size, lambda: _quote_sentence(rng), rng)
    rewrite: list[list[str]] = []
    for paragraph in original:
        out: list[str] = []
        for sentence in paragraph:
            roll = rng.random()
            if roll < 0.1:
                continue
            out.append(_alter_quote(sentence, rng) if roll < 0.5 else sentence)
            if rng.random() < 0.15:
                out.append(_quote_sentence(rng))
        rewrite.append(out or [_quote_sentence(rng)])
    return _join(original), _join(rewrite)


def _abbrev_sentence(rng: random.Random) -> str:
    kind = rng.randrange(4)
    last, other = rng.choice(LAST), rng.choice(LAST)
    if kind == 0:
        return (
            f"Dr. {last} of the U.S. Dept. of {rng.choice(NOUNS).capitalize()}s met Sen. "
            f"{other} at {rng.randrange(1, 12)}:{rng.randrange(10, 60)} a.m. on "
            f"{rng.choice(MONTHS)[:3]}. {rng.randrange(1, 29)}."
        )
    if kind == 1:
        return (
            f"Gov. {last} said No. {rng.randrange(1, 99)} St. in Washington, D.C., would "
            f"{rng.choice(VERBS)} by {rng.randrange(1, 12)} p.m., according to Mr. {other} et al."
        )
    if kind == 2:
        return (
            f"The U.K. and the U.S. agreed on approx. {rng.randrange(2, 900)} km of "
            f"{rng.choice(NOUNS)}s, i.e. about {rng.randrange(2, 90)} per cent, Prof. {last} said."
        )
    return f"Mrs. {last} and Lt. Col. {other} Jr. of {rng.choice(PLACES)} Inc. were there."


def abbrevs(size: int, rng: random.Random) -> Pair:
    """Abbreviation-dense sentences, reworded, moved, dropped and added as in bench_engine."""
    original = _paragraphs(size, lambda: _abbrev_sentence(rng), rng)
    return _join(original), _join(make_rewrite(original, rng))


def flat(size: int, rng: random.Random) -> Pair:
    """bench_engine's article and rewrite, each flattened into one line."""
    original = make_original(size, rng)
    rewrite = make_rewrite(original, rng)
    return (
        " ".join(s for p in original for s in p) + "\n",
        " ".join(s for p in rewrite for s in p) + "\n",
    )


def repeats(size: int, rng: random.Random) -> Pair:
    """One sentence template over and over, differing in its figures; in B three in ten
    sentences get a figure inserted ("was about 80 or 431 votes")."""
    lines: list[str] = []
    total = 0
    while total < size:
        line = f"The count in ward {len(lines) % 60} was {rng.randrange(1, 999)} votes."
        lines.append(line)
        total += len(line) + 1
    rewrite = [
        line.replace(" was ", f" was about {rng.randrange(1, 999)} or ")
        if rng.random() < 0.3
        else line
        for line in lines
    ]
    return " ".join(lines) + "\n", " ".join(rewrite) + "\n"


def word_lines(size: int, rng: random.Random) -> Pair:
    """bench_engine's article and rewrite set one word a line, no blank line (about 160,000
    lines a megabyte)."""
    original = make_original(size, rng)
    rewrite = make_rewrite(original, rng)
    return (
        "\n".join(w for p in original for s in p for w in s.split()) + "\n",
        "\n".join(w for p in rewrite for s in p for w in s.split()) + "\n",
    )


def word_edits(size: int, rng: random.Random) -> Pair:
    """``bench_engine.py``'s article set one word a line, and a copy with one word in ten
    replaced by another word of the article: small edits scattered through every sentence
    (hardly a sentence or a quotation kept whole), as in a machine rewrite of a transcript."""
    words = [w for p in make_original(size, rng) for s in p for w in s.split()]
    edited = [w if rng.random() > 0.1 else rng.choice(words) for w in words]
    return "\n".join(words) + "\n", "\n".join(edited) + "\n"


def unpunctuated(size: int, rng: random.Random) -> Pair:
    """bench_engine's article and rewrite with no punctuation at all, each one line: one
    sentence a megabyte long, until cut."""
    original = make_original(size, rng)
    rewrite = make_rewrite(original, rng)

    def bare(paragraphs: list[list[str]]) -> str:
        words = (w.strip('.,;:!?"“”‘’()') for p in paragraphs for s in p for w in s.split())
        return " ".join(w for w in words if w) + "\n"

    return bare(original), bare(rewrite)


_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def _dated_sentence(rng: random.Random) -> str:
    return (
        f"On {rng.choice(MONTHS)} {rng.randrange(1, 29)}, {rng.randrange(1950, 2031)} "
        f"the {rng.choice(NOUNS)} board met, and again on {rng.choice(_DAYS)}, "
        f"{rng.choice(MONTHS)} {rng.randrange(1, 29)}, {rng.randrange(2, 10)} years later."
    )


def dates(size: int, rng: random.Random) -> Pair:
    """One dated template sentence a paragraph, four in ten replaced in B: each sentence of
    B resembles hundreds of A's, and some groups take sentences far apart."""
    original: list[str] = []
    total = 0
    while total < size:
        original.append(_dated_sentence(rng))
        total += len(original[-1]) + 2
    rewrite = [s if rng.random() < 0.6 else _dated_sentence(rng) for s in original]
    return "\n\n".join(original) + "\n", "\n\n".join(rewrite) + "\n"


def random_text(size: int, rng: random.Random) -> Pair:
    """Random letters, digits, spaces and punctuation (no word twice), and a copy with one
    character in twenty changed."""
    alphabet = "abcdefghijklmnopqrstuvwxyz .,;!?0123456789\n"
    original = "".join(rng.choice(alphabet) for _ in range(size))
    rewrite = "".join(c if rng.random() > 0.05 else rng.choice("xyz.") for c in original)
    return original, rewrite


def han(size: int, rng: random.Random) -> Pair:
    """Chinese-like text: Han characters (three bytes each in UTF-8, so ``size`` bytes
    hold a third as many), a full stop 。 after about one in thirty, and a copy with one
    character in twenty replaced. Each character is a token, and a sentence of some thirty
    of them holds a change or two: a megabyte is about 11,000 reworded sentences."""
    characters = [chr(code) for code in range(0x4E00, 0x4E00 + 3000)]
    original = "".join(
        rng.choice(characters) + ("。" if rng.random() < 0.03 else "") for _ in range(size // 3)
    )
    rewrite = "".join(
        c if c == "。" or rng.random() > 0.05 else rng.choice(characters) for c in original
    )
    return original, rewrite


def symbols(size: int, rng: random.Random) -> Pair:
    """``bench_engine.py``'s article against bytes 0x80-0xFF at random read as cp1252 (what
    a binary-looking file with no NUL and no control characters is read as): no space, no
    word, sentences of tens of thousands of characters, each with thousands of the
    quotation marks cp1252 has."""
    original = _join(make_original(size, rng))
    rewrite = bytes(rng.randint(0x80, 0xFF) for _ in range(size)).decode("cp1252", "replace")
    return original, rewrite


def refrain(size: int, rng: random.Random) -> Pair:
    """The same short quotation in every paragraph (thousands of repetitions a side), as in a
    transcript of chanting or a report quoting one slogan over and over."""
    original = [
        [
            _sentence_about(rng),
            f"“Not here, not now,” {_person(rng)} said of the {rng.choice(NOUNS)}.",
        ]
        for _ in range(size // 96)
    ]
    return _join(original), _join(make_rewrite(original, rng))


def open_quotes(size: int, rng: random.Random) -> Pair:
    """One line of short quoted sentences whose marks open and never close, each quotation
    opening in lower case (so Punkt's split before each is a false one to join), and a copy
    with one word in twenty replaced and a sentence with a figure added midway."""
    sentences: list[str] = []
    total = 0
    while total < size:
        words = [rng.choice(NOUNS + VERBS + PLACES).lower() for _ in range(rng.randrange(6, 14))]
        sentence = "“" + " ".join(words) + "."
        sentences.append(sentence)
        total += len(sentence) + 1
    original = " ".join(sentences)
    words = original.split(" ")
    edited = [rng.choice(NOUNS).lower() if rng.random() < 0.05 else w for w in words]
    middle = len(edited) // 2
    edited[middle:middle] = ["The", "toll", "rose", "to", "4,512."]
    return original + "\n", " ".join(edited) + "\n"


def _list_item(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.3:
        return f"- **{rng.choice(NOUNS)}**: {rng.randrange(1, 500)} in {rng.choice(PLACES)}"
    if roll < 0.6:
        link = f"https://example.org/{rng.randrange(99999)}"
        return f"- [{rng.choice(ORGS)}]({link}) {rng.choice(VERBS)}"
    return f"- {_person(rng)}, {rng.choice(NOUNS)}"


def lists(size: int, rng: random.Random) -> Pair:
    """A listing in Markdown: a heading and three to six short bullet lines a section (about
    33,000 lines a megabyte), and a copy with one line in five edited, dropped, added or
    moved to another section."""
    sections: list[list[str]] = []
    total = 0
    while total < size:
        lines = [f"## {rng.choice(PLACES)} {rng.choice(NOUNS)} {len(sections)}"]
        lines += [_list_item(rng) for _ in range(rng.randrange(3, 7))]
        sections.append(lines)
        total += sum(len(line) + 1 for line in lines) + 1
    rewrite = [list(lines) for lines in sections]
    for lines in rewrite:
        for i in range(len(lines) - 1, 0, -1):
            roll = rng.random()
            if roll < 0.05:
                lines[i] = _list_item(rng)
            elif roll < 0.1:
                del lines[i]
            elif roll < 0.15:
                lines.insert(i, _list_item(rng))
            elif roll < 0.2:
                rng.choice(rewrite).append(lines.pop(i))

    def joined(parts: list[list[str]]) -> str:
        return "\n\n".join("\n".join(lines) for lines in parts) + "\n"

    return joined(sections), joined(rewrite)


def _sentence_about(rng: random.Random) -> str:
    return f"The {rng.choice(NOUNS)} in {rng.choice(PLACES)} {rng.choice(VERBS)} again."


CLASSES: dict[str, Callable[[int, random.Random], Pair]] = {
    "few_matches": few_matches,
    "figures": figures,
    "quotes": quotes,
    "abbrevs": abbrevs,
    "flat": flat,
    "repeats": repeats,
    "word_lines": word_lines,
    "word_edits": word_edits,
    "unpunctuated": unpunctuated,
    "dates": dates,
    "random": random_text,
    "symbols": symbols,
    "han": han,
    "refrain": refrain,
    "lists": lists,
    "open_quotes": open_quotes,
}


def make_pair(kind: str, megabytes: float, seed: int) -> Pair:
    """A pair of class ``kind`` whose original is about ``megabytes`` MB."""
    return CLASSES[kind](int(megabytes * 1_000_000), random.Random(seed))


def pair_at_limit(kind: str, seed: int) -> Pair:
    """A pair of class ``kind`` as large as the command line accepts: each file at most
    ``load.MAX_BYTES`` in UTF-8, the larger of the two within a few kilobytes of it."""
    from diffreader.engine.load import MAX_BYTES

    size = MAX_BYTES
    while True:
        a, b = CLASSES[kind](size, random.Random(seed))
        largest = max(len(a.encode()), len(b.encode()))
        if largest <= MAX_BYTES:
            return a, b
        size = int(size * MAX_BYTES / largest * 0.998)


def _empty_engine_caches() -> None:
    """Empty the engine's bounded caches (what a comparison fills: tokens, stems, spans),
    keeping the unbounded ones (the Punkt model, word lists), as a fresh process has them."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("diffreader.engine"):
            continue
        for value in vars(module).values():
            parameters = getattr(value, "cache_parameters", None)
            if parameters is not None and parameters()["maxsize"] is not None:
                value.cache_clear()


def stage_times(a: str, b: str) -> dict[str, float]:
    """CPU seconds of each half of the engine on one pair (segment, align, annotate), all
    in this process (``DIFFREADER_JOBS=1``: a child's CPU would not count here)."""
    import os
    import time

    from diffreader.engine import align_pair, annotate, document_from_text

    _empty_engine_caches()
    os.environ["DIFFREADER_JOBS"] = "1"
    started = time.process_time()
    doc_a, doc_b = document_from_text(a), document_from_text(b)
    segmented = time.process_time()
    aligned = align_pair(doc_a, doc_b)
    done_align = time.process_time()
    annotate(aligned)
    return {
        "segment_cpu": segmented - started,
        "align_cpu": done_align - segmented,
        "annotate_cpu": time.process_time() - done_align,
    }


def run_once(
    kind: str, megabytes: float, seed: int, *, stages: bool = False
) -> dict[str, float | str]:
    """One measurement of class ``kind`` at about ``megabytes`` (a fresh process)."""
    a, b = make_pair(kind, megabytes, seed)
    result: dict[str, float | str] = {"kind": kind, "mb": megabytes, **measure(a, b)}
    if stages:
        result.update(stage_times(a, b))
    return result


def _median(runs: list[dict[str, float | str]], key: str) -> float:
    return statistics.median(float(r[key]) for r in runs)


def _cli_main(args: argparse.Namespace) -> int:
    """``--cli``: the whole command, as a user runs it, on each class's pair written to files."""
    import resource
    import tempfile
    import time
    from pathlib import Path

    print(
        f"Hostile content: `diffreader A B --format {args.cli} -o FILE`, median of {args.runs} "
        "runs, each a fresh process.\n"
    )
    print(
        "| class | size | time (s) | CPU time, all processes (s) | memory, all processes (MB) "
        "| output (MB) |"
    )
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for kind in args.classes:
            for size in [0.0] if args.at_limit else args.sizes:
                a, b = (
                    pair_at_limit(kind, args.seed)
                    if args.at_limit
                    else make_pair(kind, size, args.seed)
                )
                if args.at_limit:
                    size = len(a.encode()) / 1e6
                path_a, path_b = Path(folder, "a.txt"), Path(folder, "b.txt")
                path_a.write_text(a, encoding="utf-8")
                path_b.write_text(b, encoding="utf-8")
                del a, b
                output = Path(folder, "out")
                command = [sys.executable, "-m", "diffreader", str(path_a), str(path_b)]
                command += ["--format", args.cli, "-o", str(output)]
                times, cpus = [], []
                for _ in range(args.runs):
                    before = resource.getrusage(resource.RUSAGE_CHILDREN)
                    started = time.perf_counter()
                    # Exit status 1: the files differ (as they all do here).
                    run_measured(command, timeout=args.timeout, ok=(0, 1), memory=False)
                    times.append(time.perf_counter() - started)
                    after = resource.getrusage(resource.RUSAGE_CHILDREN)
                    cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
                # The memory from one more run: sampling slows the timed ones (run_measured).
                _, peak = run_measured(command, timeout=args.timeout, ok=(0, 1))
                print(
                    f"| {kind} | {size:.3g} MB | {statistics.median(times):.2f} "
                    f"| {statistics.median(cpus):.2f} | {peak:.0f} "
                    f"| {output.stat().st_size / 1e6:.1f} |",
                    flush=True,
                )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--classes", nargs="+", choices=list(CLASSES), default=list(CLASSES))
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.25, 0.5, 1.0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument(
        "--stages",
        action="store_true",
        help="also time segmenting, aligning (with word diffs) and annotating separately",
    )
    parser.add_argument(
        "--cli",
        choices=["text", "markdown", "json"],
        help="time the command line instead, end to end: diffreader A B --format FORMAT -o FILE",
    )
    parser.add_argument(
        "--at-limit",
        action="store_true",
        help="with --cli: each class's pair as large as the command line accepts (each file "
        "at most 8 MiB) instead of --sizes",
    )
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        found = run_once(args.child[0], float(args.child[1]), args.seed, stages=args.stages)
        print(json.dumps(found))
        return 0
    if args.cli:
        return _cli_main(args)

    print(
        f"Hostile content: load + compare, median of {args.runs} runs, each in a fresh process.\n"
    )
    stage_head = " segment / align / annotate CPU (s) |" if args.stages else ""
    print(
        "| class | size | A / B bytes | A / B sentences | groups | time (s) | CPU time (s) "
        f"| peak RSS (MB) | memory, all processes (MB) | calibration (s) |{stage_head}"
    )
    print("|---|---|---|---|---|---|---|---|---|---|" + ("---|" if args.stages else ""))
    for kind in args.classes:
        for size in args.sizes:
            runs: list[dict[str, float | str]] = []
            command = [sys.executable, __file__, "--child", kind, str(size)]
            if args.stages:
                command.append("--stages")
            command += ["--seed", str(args.seed)]
            for _ in range(args.runs):
                try:
                    out, _ = run_measured(command, timeout=args.timeout, memory=False)
                except subprocess.TimeoutExpired:
                    break
                runs.append(json.loads(out))
            if runs:
                # The memory of all the processes, from one more run (sampling slows the
                # timed ones: run_measured).
                _, peak_pss = run_measured(command, timeout=args.timeout)
                for run in runs:
                    run["peak_pss_mb"] = peak_pss
            print(
                f"measured {kind} {size} MB: {[round(float(r['seconds']), 2) for r in runs]} s "
                f"(CPU {[round(float(r['cpu_seconds']), 2) for r in runs]} s; calibration "
                f"{[round(float(r['calibration']), 3) for r in runs]} s)",
                file=sys.stderr,
            )
            if not runs:
                empty = " |" if args.stages else ""
                print(
                    f"| {kind} | {size:g} MB | | | | >{args.timeout:g} | | | | |{empty}", flush=True
                )
                continue
            first = runs[0]
            print(
                f"| {kind} | {size:g} MB | {first['a_bytes']:,} / {first['b_bytes']:,} "
                f"| {first['a_sentences']:,} / {first['b_sentences']:,} | {first['pairs']:,} "
                f"| {_median(runs, 'seconds'):.2f} | {_median(runs, 'cpu_seconds'):.2f} + "
                f"{_median(runs, 'children_cpu_seconds'):.2f} "
                f"| {_median(runs, 'peak_rss_mb'):.0f} | {_median(runs, 'peak_pss_mb'):.0f} "
                f"| {_median(runs, 'calibration'):.3f} |"
                + (
                    f" {_median(runs, 'segment_cpu'):.2f} / {_median(runs, 'align_cpu'):.2f} "
                    f"/ {_median(runs, 'annotate_cpu'):.2f} |"
                    if args.stages
                    else ""
                ),
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
