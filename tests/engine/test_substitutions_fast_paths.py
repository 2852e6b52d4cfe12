"""The substitution layer's shortcuts (issue 10, defect 3) against the plain definitions
they stand for: ``Group.replacing``, ``Group.both_replace``, ``_opposite_pairs`` and
``might_substitute`` give the answers the word-by-word code gave."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from diffreader.engine import antonyms, compare, document_from_text, substitutions
from diffreader.engine.lexicon import STOPWORDS
from diffreader.engine.model import Side
from diffreader.engine.substitutions import (
    _CAPITALISED,
    _FIGURE_WORDS,
    _GATE_WORD,
    _LEVELS,
    _MAX_HUNK_WORDS,
    _ONE_SIDED,
    Group,
    Word,
    _capitalised,
    _date_word,
    _opposite_pairs,
    might_substitute,
    person_noun,
)
from diffreader.engine.text import stem

_SIDES = (Side.A, Side.B)

_WORDS = st.sampled_from(
    [
        "rose",
        "fell",
        "rise",
        "falls",
        "bought",
        "sold",
        "accepted",
        "rejected",
        "most",
        "least",
        "5%",
        "$4.5m",
        "Lund",
        "Kwan",
        "not",
        "didn't",
        "former",
        "in",
        "May",
        "2024",
        "the",
        ",",
        "x9",
        "lifeguard",
        "nurse",
        "after",
        "beating",
        "missing",
        "forecasts",
        "approval",
        "refusal",
        "most",
        "all",
        "amber",
    ]
)


def _groups(changed: list[str], inserted: list[str]) -> list[Group]:
    """The groups with both sides of a pair of sentences rewritten from word lists."""
    a = f"Ms Lund said prices {' '.join(changed)} last year, and {' '.join(changed[:3])}."
    b = f"Ms Lund said prices {' '.join(inserted)} last year, and {' '.join(changed[1:])}."
    c = compare(document_from_text(a + "\n"), document_from_text(b + "\n"))
    return [Group.of(p, c.a, c.b, lambda doc, sid: []) for p in c.pairs if p.a and p.b]


def _replacing_plain(group: Group, side: Side) -> list[int]:
    of_word = group.columns[side].hunks
    return [i for i in group.changed(side) if all(group.hunks[of_word[i]])]


def _both_replace_plain(group: Group, test: Callable[[str], bool], raw: bool) -> bool:
    found = []
    for side in _SIDES:
        starts, ends, keys, of_word, _ = group.columns[side]
        text = group.text[side]
        found.append(
            {
                of_word[i]
                for i in _replacing_plain(group, side)
                if test(text[starts[i] : ends[i]] if raw else keys[i])
            }
        )
    return bool(found[0] & found[1])


def _beside_the_same_plain(group: Group, a: Word, b: Word) -> bool:
    """The same words come just after both words, or just before both, up to the first
    that is a word no stopword (or a figure, not the first), within three words and with no
    punctuation."""
    keys_a, keys_b = group.columns[Side.A].keys, group.columns[Side.B].keys
    i = bisect_left(group.columns[Side.A].starts, a.start)
    j = bisect_left(group.columns[Side.B].starts, b.start)

    def beside(keys: list[str], k: int, step: int) -> tuple[str, ...] | None:
        words = []
        for n in range(1, 4):
            at = k + n * step
            if not 0 <= at < len(keys) or not keys[at][:1].isalnum():
                return None
            words.append(keys[at])
            if keys[at] not in STOPWORDS:
                if keys[at].isalpha() or n > 1:
                    return tuple(words)
                # A percentage right after the word anchors it ("up 2.1%" / "down 2.1%").
                percent = keys[at].endswith("%") or keys[at + 1 : at + 2] in (
                    ["%"],
                    ["percent"],
                    ["per"],
                )
                return (keys[at].rstrip("%"), "%") if step == 1 and percent else None
        return None

    return any(
        beside(keys_a, i, d) is not None and beside(keys_a, i, d) == beside(keys_b, j, d)
        for d in (1, -1)
    )


def _near_the_same_plain(group: Group, a: Word, b: Word) -> bool:
    """One content word (alphabetic, no stopword) stands within two words of both words,
    on either side, with no punctuation between."""
    keys_a, keys_b = group.columns[Side.A].keys, group.columns[Side.B].keys
    i = bisect_left(group.columns[Side.A].starts, a.start)
    j = bisect_left(group.columns[Side.B].starts, b.start)

    def near(keys: list[str], k: int) -> set[str]:
        found = set()
        for step in (1, -1):
            for n in range(1, 3):
                at = k + n * step
                if not 0 <= at < len(keys) or not keys[at][:1].isalnum():
                    break
                if keys[at].isalpha() and keys[at] not in STOPWORDS:
                    found.add(keys[at])
        return found

    return not near(keys_a, i).isdisjoint(near(keys_b, j))


def _figures_by_plain(group: Group, side: Side, w: Word) -> set[str]:
    """The plain amounts (digits, a point, commas, a percent sign; not glued to a dash, a
    colon, a slash or letters, nor followed by "am" or "pm") just before the word, or first
    after it past stopwords only (three words at most), without "%" and commas."""
    columns = group.columns[side]
    keys, starts, ends = columns.keys, columns.starts, columns.ends
    i = bisect_left(starts, w.start)

    def plain(j: int) -> bool:
        if not re.fullmatch(r"\d[\d,.]*%?", keys[j]):
            return False
        if j + 1 < len(keys):
            glued = ends[j] == starts[j + 1] and j + 1 not in columns.openers
            if glued and (keys[j + 1] in ("-", "–", "—", ":", "/") or keys[j + 1].isalpha()):
                return False
            if keys[j + 1] in ("am", "pm"):
                return False
        glued_before = j > 0 and ends[j - 1] == starts[j] and j not in columns.openers
        return not (glued_before and keys[j - 1] in ("-", "–", "—", ":", "/"))

    out = set()
    if i > 0 and plain(i - 1):
        out.add(keys[i - 1])
    for j in range(i + 1, min(len(keys), i + 4)):
        if keys[j][:1].isdigit():
            if plain(j):
                out.add(keys[j])
            break
        if keys[j] not in STOPWORDS or not keys[j].isalpha():
            break
    return {k.rstrip("%").replace(",", "") for k in out}


def _opposite_pairs_plain(group: Group) -> list[tuple[Word, Word]]:
    """Every alphabetic replacing word made a ``Word``, grouped by hunk, each pair of one
    small hunk tested (of a large one, its words whose stem the other side's lacks, when
    they are half its words at most and few), then the pairs whose antonym both sides
    hold dropped."""
    by_hunk: dict[int, dict[Side, list[Word]]] = {}
    for side in _SIDES:
        keys = group.columns[side].keys
        for i in _replacing_plain(group, side):
            if keys[i].isalpha():
                w = group.word(side, i)
                by_hunk.setdefault(w.hunk, {Side.A: [], Side.B: []})[side].append(w)
    out = []
    for sides in by_hunk.values():
        a_words, b_words = sides[Side.A], sides[Side.B]
        if len(a_words) > _MAX_HUNK_WORDS or len(b_words) > _MAX_HUNK_WORDS:
            a_stems, b_stems = {stem(w.key) for w in a_words}, {stem(w.key) for w in b_words}
            a_left = [w for w in a_words if stem(w.key) not in b_stems]
            b_left = [w for w in b_words if stem(w.key) not in a_stems]
            if not (
                len(a_left) <= min(_MAX_HUNK_WORDS, len(a_words) / 2)
                and len(b_left) <= min(_MAX_HUNK_WORDS, len(b_words) / 2)
            ):
                out += [
                    (a, b)
                    for a in a_left
                    for b in b_left
                    if (_beside_the_same_plain(group, a, b) or _near_the_same_plain(group, a, b))
                    and antonyms.are_opposites(a.key, b.key)
                ]
                continue
            a_words, b_words = a_left, b_left
        out += [(a, b) for a in a_words for b in b_words if antonyms.are_opposites(a.key, b.key)]
    # Words of hunks that only delete (A) or only insert (B), by the same word beside both.
    moved = {
        side: [
            group.word(side, i)
            for i in group.changed(side)
            if not all(group.hunks[group.columns[side].hunks[i]])
            and group.columns[side].keys[i].isalpha()
        ]
        for side in _SIDES
    }
    out += [
        (a, b)
        for a in moved[Side.A]
        for b in moved[Side.B]
        if _beside_the_same_plain(group, a, b) and antonyms.are_opposites(a.key, b.key)
    ]
    # Changed words of any hunks standing by the same plain figure ("rose by 6%" / "fell 6%").
    changed = {
        side: [
            group.word(side, i)
            for i in group.changed(side)
            if group.columns[side].keys[i].isalpha()
        ]
        for side in _SIDES
    }
    seen = {(a.start, b.start) for a, b in out}
    out += [
        (a, b)
        for a in changed[Side.A]
        for b in changed[Side.B]
        if _figures_by_plain(group, Side.A, a) & _figures_by_plain(group, Side.B, b)
        and antonyms.are_opposites(a.key, b.key)
        and (a.start, b.start) not in seen
    ]
    lemmas = {
        side: {antonyms.lemma(k) for k in group.columns[side].keys if k.isalpha()}
        for side in _SIDES
    }
    return [
        (a, b)
        for a, b in out
        if antonyms.lemma(a.key) not in lemmas[Side.B]
        and antonyms.lemma(b.key) not in lemmas[Side.A]
    ]


@settings(max_examples=120, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=10), st.lists(_WORDS, max_size=10))
def test_a_groups_replacing_words_and_opposites_are_their_definitions(
    changed: list[str], inserted: list[str]
) -> None:
    for group in _groups(changed, inserted):
        for side in _SIDES:
            assert group.replacing(side) == _replacing_plain(group, side)
        for test, raw in ((_date_word, False), (_capitalised, True), (str.isalpha, False)):
            assert group.both_replace(test, raw=raw) == _both_replace_plain(group, test, raw)
        assert _opposite_pairs(group) == _opposite_pairs_plain(group)


@settings(max_examples=120, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=6), st.lists(_WORDS, min_size=1, max_size=6))
def test_opposites_in_a_clause_moved_to_the_other_end_are_their_definition(
    before: list[str], after: list[str]
) -> None:
    """A clause deleted at one end of the sentence and inserted at the other, a word in it
    changed ("…, and officers had recommended approval." / "Officers had recommended
    refusal, although …")."""
    town = "the plan for new homes on the old farm suited the town and its people"
    _assert_opposite_pairs_are_their_definition(
        f"{town.capitalize()}, and officers had {' '.join(before)} forecasts.",
        f"Officers had {' '.join(after)} forecasts, although {town}.",
    )


def _assert_opposite_pairs_are_their_definition(a: str, b: str) -> None:
    c = compare(document_from_text(a + "\n"), document_from_text(b + "\n"))
    for p in c.pairs:
        if p.a and p.b:
            group = Group.of(p, c.a, c.b, lambda doc, sid: [])
            assert _opposite_pairs(group) == _opposite_pairs_plain(group)


_FACING = st.sampled_from(["beating", "missing", "rose", "fell", "approval", "refusal"])


@settings(max_examples=120, deadline=None)
@given(
    st.lists(_WORDS, min_size=10, max_size=16),
    _FACING,
    st.lists(_WORDS, min_size=10, max_size=16),
    _FACING,
)
def test_opposites_in_a_rewritten_clause_are_their_definition(
    before: list[str], a_word: str, after: list[str], b_word: str
) -> None:
    """A clause rewritten word for word around a word that faces another by the same word
    beside both ("…, beating analysts' forecasts" / "…, missing analysts' forecasts")."""
    _assert_opposite_pairs_are_their_definition(
        f"Sales at the chain {' '.join(before)} {a_word} forecasts this year.",
        f"Sales at the chain {' '.join(after)} {b_word} forecasts this year.",
    )


def _might_substitute_plain(deleted: str, inserted: str) -> bool:
    """``might_substitute`` with its tests written word by word and character by character."""
    words = [set(_GATE_WORD.findall(text.lower())) for text in (deleted, inserted)]
    if any(w.endswith(("n't", "n’t")) for side in words for w in side):
        return True
    if not (words[0] | words[1]).isdisjoint(_ONE_SIDED):
        return True
    if not deleted or not inserted:
        return False
    figure = [
        any(c.isdigit() for c in text) or not side.isdisjoint(_FIGURE_WORDS)
        for text, side in zip((deleted, inserted), words, strict=True)
    ]
    article = [not side.isdisjoint(("a", "an")) for side in words]
    if (figure[0] or article[0]) and (figure[1] or article[1]) and (figure[0] or figure[1]):
        return True
    names = [
        {w for w in _CAPITALISED.findall(text) if w.lower() not in STOPWORDS}
        for text in (deleted, inserted)
    ]
    if names[0] and names[1] and names[0] != names[1]:
        return True
    if all(any(w in _LEVELS for w in side) for side in words):
        return True
    if all(any(person_noun(w) for w in side) for side in words):
        return True
    lemmas = {antonyms.lemma(w) for w in words[1]}
    return any(not antonyms.opposites(w).isdisjoint(lemmas) for w in words[0])


_GATE_TEXT = st.lists(_WORDS | st.text("an't’²٣9 xX", max_size=6), max_size=6).map(" ".join)


@settings(max_examples=300)
@given(_GATE_TEXT, _GATE_TEXT)
def test_the_substitution_gate_is_its_definition(deleted: str, inserted: str) -> None:
    assert might_substitute(deleted, inserted) == _might_substitute_plain(deleted, inserted)


_DESCRIBING = st.lists(
    st.sampled_from(
        ["the", "a", "local", "lifeguard", "Lifeguard", "nurse", "ferryman", "official", ",",
         "Ewan", "Tull", "said", "Exeter", "farmer", "Harbourmaster", "who", "and", "."]
    ),
    min_size=1,
    max_size=8,
).map(" ".join)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(_DESCRIBING, _DESCRIBING)
def test_the_person_role_prefilter_passes_every_group_with_a_role(a: str, b: str) -> None:
    """``_changes_a_person_noun`` (a test of the changed keys, in C) lets through every
    group in which ``_find_person_roles`` finds a role with no prefilter at all."""
    c = compare(
        document_from_text(f"Crews were called at noon. {a} told the inquiry.\n"),
        document_from_text(f"Crews were called at noon. {b} told the inquiry.\n"),
    )
    for p in c.pairs:
        if not (p.a and p.b):
            continue
        group = Group.of(p, c.a, c.b, lambda doc, sid: [])
        with patch.object(substitutions, "_changes_a_person_noun", lambda group, side: True):
            unfiltered = substitutions._find_person_roles(group)
        assert substitutions._find_person_roles(group) == unfiltered
