"""Provides quotation checks: is each quotation in B verbatim, altered or new?

Quotations are found per paragraph (a multi-sentence quotation is one quotation), with
curly, straight and guillemet marks; a quotation left open runs to the end of its
paragraph, as news style does. Matching ignores quote marks, case, punctuation,
editorial brackets (``[former US President Joe]``) and ellipses.

The relation between a quotation of A and one of B is symmetric: it does not depend on
which article is the original. ``compare(b, a)`` relates the same quotations as
``compare(a, b)``, verbatim to verbatim, altered to altered, and a new quotation of one
is a dropped quotation of the other.

- ``verbatim``: the words of one occur, in order, inside the other (each fragment between
  ellipses contiguous). Which one is longer does not matter: a rewrite quoting an excerpt
  of the original's quotation and a rewrite quoting more of it than the original did are
  both verbatim for that pair, since either is the other read backwards (whatever B adds
  around the original's words shows in the sentence's word diff and claims).
- ``altered``: the shorter quotation (fewer words; equal lengths are searched both ways)
  is close to a window of the longer one: enough shared content words, as a share of the
  shorter one's, and similar word order (rapidfuzz); the source span and a word diff
  are carried.
- ``new``: no quotation of A is its source. Quotations of A that no quotation of B is
  related to are reported as ``dropped``.

Which quotations are related is decided once for the pair of articles, not for each
quotation of B in turn: a quotation at the same place of an identical aligned sentence
first; then every related (A, B) pair, best first (verbatim before altered, higher score,
closer lengths, the same aligned pair, closer relative position), each quotation taken
at most once; then a quotation left out that is verbatim with a taken one is still
related to it (a second excerpt of one long quotation, a repeated quotation: verbatim on
B's side, not dropped on A's); last, an aligned pair left with exactly one unrelated
quotation on each side relates those two (altered). An altered relation is one-to-one.

Candidates for the altered search come from inverted indexes of content stems and word
trigrams whose postings are short (``_MAX_POSTING``): a vocabulary every quotation shares
yields no candidates, so the search stays linear in the number of quotations.

Speakers are read from speech verbs next to the quotation ("Dmitriev said", "he
wrote", "according to Lavrov"), resolving pronouns to the last speaker named.

API:
    find_quotations(doc) -> list[Found]
    check_quotes(doc_a, doc_b, pairs) -> list[Quote]
"""

from __future__ import annotations

import heapq
import re
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Collection, Container, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, compress, filterfalse
from operator import sub
from typing import NamedTuple, cast

from diffreader.engine import parallel
from diffreader.engine.lexicon import (
    FILLER,
    HONORIFICS,
    NAME_PARTICLES,
    PRONOUNS,
    RANKS,
    REPORTING_VERBS,
    ROLE_NOUNS,
    STOPWORDS,
    TITLES,
    alternation,
    title_length,
)
from diffreader.engine.model import (
    Document,
    Pair,
    Quote,
    QuoteStatus,
    SentenceKind,
    Side,
    Span,
    Status,
    WordOp,
    pack_ops,
    unpack_ops,
)
from diffreader.engine.substitutions import person_noun
from diffreader.engine.text import (
    IDEOGRAPHS,
    WORD_BODY,
    Token,
    compiled,
    fold_quotes,
    is_word,
    stem,
    token_key,
    tokenize,
)
from diffreader.engine.worddiff import word_diff

__all__ = ["Found", "check_quotes", "find_quotations"]

_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“"}
_SPEECH = alternation(REPORTING_VERBS)
_NAME_WORD = (
    r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Rev|St|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|Insp|Supt|Cllr)\.(?=\s+[A-Z])"
    r"|[A-Z][^\W\d_A-Z][\w’'-]*|[A-Z]\.)"
)
"""A word of a name: a capitalised word, an initial, or a title abbreviated with a full
stop before the name ("Dr. Osric Pennyfeather" is one name, not "Dr")."""
_NAME = re.compile(rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|" + alternation(NAME_PARTICLES) + "))*")
_VERB = re.compile(rf"\b(?:{_SPEECH})\b")
_VERB_ANYWHERE = re.compile(rf"(?:{_SPEECH})")
"""``_VERB`` without its word boundaries: a pattern opening with its words, which the
regex engine looks for by its own scan of their first letters rather than by trying the
boundary at every position (six times as fast). It matches wherever ``_VERB`` does, and
first no later: ``_VERB`` need not look before its first match."""
_AFTER = re.compile(
    rf"^[\s,.”\"’]*(?:(?P<name1>{_NAME.pattern}|he|she|they)\s+(?:{_SPEECH})\b"
    rf"|(?:{_SPEECH})\s+(?P<name2>{_NAME.pattern}))"
)
_NAMED_AFTER = rf"(?:\s+[a-z][\w-]*){{1,4}},?\s+(?P<name>{_NAME.pattern})"
"""After an organisation's possessive, its role and the speaker's name ("said Railbridge's
| route director, Simone Achterberg")."""
_TITLED_AFTER = (
    rf"^[\s,.”\"’]*(?:{_SPEECH})\s+(?:the|a|an|its|their|his|her)\s+(?:[\w’'-]+\s+){{0,4}}?"
    rf"[\w’'-]+,\s+(?P<name>{_NAME.pattern})"
)
"""After a quotation, the speaker's role, then the name ("…,' said the health minister,
Barnaby Quill")."""
_SPOKEN_THE = re.compile(r"\b(?:the|a|an|its|their|his|her)\s")
"""The article or possessive a role after a quotation opens with: without one, there is
no "said the minister, Name" to read (``_TITLED_AFTER``, compiled only then)."""


_DESCRIBED_ROLES = alternation([*ROLE_NOUNS, "official", "source", "representative"])
_DESCRIBED = re.compile(
    rf"^[\s,.”\"’]*(?:a|an|the)\s+(?P<described>(?:(?:{_NAME_WORD}|[a-z][\w’'-]*)\s+){{1,3}}(?:{_DESCRIBED_ROLES}))"
    rf"\s+(?:{_SPEECH})\b"
)
"""After a quotation, a speaker described by an organisation and a role rather than named
("…,” a Portline spokesman said): the described speaker is "Portline spokesman"; the
organisation may be written in lower case ("a health board spokesperson told us")."""
_MAX_SOURCES = 8
"""How many quotations of the other side (those sharing the most content words) each
quotation is searched against for an altered relation."""
_MAX_POSTING = 48
"""Postings longer than this (stems or word trigrams held by more quotations) are left
out of candidate generation."""
_MAX_CONTAINERS = 8
"""How many quotations of the other side holding a quotation's words verbatim are linked
to it at most: the nearest to its place. A quotation repeated a thousand times a side
(a template, a refrain) would otherwise link each repetition to every other one, a
million links to rank; the matching takes the nearest first anyway."""
_BRACKETS = re.compile(r"\[[^\]]{0,80}\]")
"""An editorial insertion in a quotation ("[former US President Joe]"), which may run
over a line break of hard-wrapped text (a quotation lies within one paragraph)."""
_WORD_TOKEN = re.compile(
    r"((?:[A-Za-z]\.){2,}|\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s|%)?"
    rf"|{WORD_BODY}(?:['’]{WORD_BODY})*|[{IDEOGRAPHS}])"
)
"""The tokens of ``text._TOKEN`` that can be words (its alternatives but whitespace runs and
single signs), captured: ``split`` then gives the tokens and the text between them. Every
character it skips is one ``_TOKEN`` reads as whitespace or a sign, so the tokens it finds
are ``_TOKEN``'s."""
_ELLIPSIS = re.compile(r"\.\.\.|…|\[\.\.\.\]")


@dataclass(frozen=True, slots=True)
class Found:
    """A quotation found in one document."""

    start: int
    """Start of the inner text (after the opening mark)."""
    end: int
    sentence: int
    speaker: str | None


def _paragraph_spans(doc: Document) -> list[tuple[int, int, int]]:
    """(start, end, first sentence id) of each content paragraph."""
    spans: list[tuple[int, int, int]] = []
    current = -1
    for s in doc.sentences:
        if s.kind not in (SentenceKind.BODY, SentenceKind.HEADLINE):
            current = -1
            continue
        if s.paragraph == current and spans:
            start, _, first = spans[-1]
            spans[-1] = (start, s.end, first)
        else:
            spans.append((s.start, s.end, s.id))
            current = s.paragraph
    return spans


_MARKS = '"“«„'
"""The marks that open a quotation (a straight one closes one too)."""
_QUOTE_MARK = re.compile(f"[{_MARKS}]")


def _raw_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Inner (start, end) of quotations within ``text[start:end]``.

    Curly and guillemet quotations run to their closing mark, and no further than the
    next mark that opens one of their kind (the first was left open); straight quotes
    pair up in order. A quotation left open runs to the end of the paragraph (one of
    several paragraphs opens each of them). What runs past ``_LONGEST_QUOTATION``
    characters is no quotation: its opening mark is taken for a stray one, and the
    search goes on after that mark.

    >>> text = "“One. “Two, three. “Four” five."
    >>> [text[s:e] for s, e in _raw_quotes(text, 0, len(text))]
    ['One. ', 'Two, three. ', 'Four']
    """
    out: list[tuple[int, int]] = []
    straight_open: int | None = None
    # Where each mark (a closing one, or an opening one met again) is next found, as
    # (searched from, found at): a paragraph with many marks left open is searched once
    # for each kind of mark, not once for each mark left open.
    found: dict[str, tuple[int, int]] = {}

    def next_at(mark: str, after: int) -> int:
        known = found.get(mark)
        if known is not None and known[0] <= after and (known[1] == -1 or known[1] >= after):
            return known[1]
        at = text.find(mark, after, end)
        found[mark] = (after, at)
        return at

    pos = start
    while True:
        match = _QUOTE_MARK.search(text, pos, end)
        if match is None:
            break
        i = match.start()
        ch = text[i]
        pos = i + 1
        if ch == '"':
            if straight_open is None:
                straight_open = i + 1
            elif i - straight_open > _LONGEST_QUOTATION:
                straight_open = i + 1  # the first mark was a stray one: this one opens
            else:
                out.append((straight_open, i))
                straight_open = None
            continue
        close = next_at(_OPEN_CLOSE[ch], i + 1)
        straight = next_at('"', i + 1)
        if straight != -1 and (close == -1 or straight < close):
            close = straight  # mixed marks (“…"), common in hand-edited copy
        again = next_at(ch, i + 1)
        if again != -1 and (close == -1 or again < close):
            stop = resume = again  # left open: the next mark of its kind opens the next
        elif close == -1:
            stop = resume = end
        else:
            stop, resume = close, close + 1
        if stop - (i + 1) > _LONGEST_QUOTATION:
            continue  # a stray mark: the search goes on after it
        out.append((i + 1, stop))
        pos = resume
    if straight_open is not None and end - straight_open <= _LONGEST_QUOTATION:
        out.append((straight_open, end))
    if "'" in text[start:end] or "‘" in text[start:end]:
        singles = _single_quotes(text, start, end, out)
        if singles:
            out = _outermost([*out, *singles])
    return [(s, e) for s, e in out if text[s:e].strip()]


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` in order, but those that begin inside an earlier one: a quotation quoted
    within another ('He called it "a disgrace",' she said) is part of it.

    >>> _outermost([(5, 9), (0, 20), (21, 30), (25, 40)])
    [(0, 20), (21, 30)]
    """
    kept: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[—–-]))['‘](?=[^\W_])(?!\d\ds?\b)", re.MULTILINE)
"""A single mark opening a quotation (British style): after a space, a bracket or a dash,
or at the start of a line, and before a letter or digit ("said: 'We will"). An apostrophe
inside a word ("won't"), after one ("Jones' car") or before a year cut short ("the '90s",
"in '74") opens nothing."""
_SINGLE_CLOSE = re.compile(r"(?<=[^\s'‘’])['’](?=[\s,.;:!?)\]—–-]|$)", re.MULTILINE)
"""A single mark closing a quotation: after a letter or a sign, before a space, a sign or
the end of a line."""
_PLURAL_POSSESSIVE = re.compile(r"(?<=s)['’] [a-z]")
"""An apostrophe after a plural that owns what follows ("the teachers' union"): no closing
mark."""


def _single_quotes(
    text: str, start: int, end: int, taken: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Inner (start, end) of the quotations in single marks within ``text[start:end]``
    (``'…'`` and ``‘…’``), but those inside a quotation of ``taken`` (a quotation quoted in
    another, which is part of it). An opening mark with no closing one before the end of the
    paragraph (within ``_LONGEST_QUOTATION``) is an apostrophe ("the '90s"): it opens nothing.

    Every closing mark is found once, and each opening mark takes the first after it: the
    search is linear however many stray marks a text holds.

    >>> text = "It was 'not about ranking,' he said of the teachers' union's 'plan'."
    >>> [text[s:e] for s, e in _single_quotes(text, 0, len(text), [])]
    ['not about ranking,', 'plan']
    """
    closes = [
        m.start()
        for m in _SINGLE_CLOSE.finditer(text, start, end)
        if not _PLURAL_POSSESSIVE.match(text, m.start(), end)
    ]
    if not closes:
        return []
    inside = sorted(taken)
    out: list[tuple[int, int]] = []
    pos = start
    for match in _SINGLE_OPEN.finditer(text, start, end):
        i = match.start()
        if i < pos:
            continue  # within the quotation found last
        k = bisect_right(inside, (i, end)) - 1
        if k >= 0 and inside[k][0] <= i < inside[k][1]:
            continue  # quoted inside a quotation in double marks
        c = bisect_right(closes, i)
        if c == len(closes) or closes[c] - (i + 1) > _LONGEST_QUOTATION:
            continue
        out.append((i + 1, closes[c]))
        pos = closes[c] + 1
    return out


_LONGEST_QUOTATION = 3_000
"""Characters a quotation holds at most, about 500 words: several times the longest
paragraph of quoted speech in news (the articles of the development set and the sample
quote 430 characters at most). An opening mark left open in a wall of text, or paired
with a closing one far away, would otherwise make a quotation of thousands of words,
whose fuzzy search against the other article's takes time as the square of its length
(a megabyte of quotations opened and never closed took 43 s)."""


_PRONOUN_BEFORE = re.compile(r"\b(he|she|they)\s+(?:\w+\s+)?$", re.IGNORECASE)
"""A pronoun just before a speech verb ("she | said", "he later | told")."""


def _speaker_at(before: str, after: str) -> str | None:
    """``_find_speaker(before, after)``, remembered when the two are short (see there)."""
    if len(before) + len(after) <= _REMEMBERED_SURROUNDINGS:
        return _remembered_speaker(before, after)
    return _find_speaker(before, after)


_REMEMBERED_SURROUNDINGS = 400
"""Characters of a quotation's surroundings (both sides) up to which its speaker is
remembered: a sentence of news prose is shorter, and the remembered keys of longer ones
are what grows (a line of 1 MB of quotations holding 16,000 of them, 1,700 characters
each, kept 27 MB until the comparison's end: the processes it would have forked after
did not fit the memory budget)."""


def _find_speaker(before: str, after: str) -> str | None:
    """Who says the quotation: a name or pronoun next to a speech verb.

    ``before`` is the sentence up to the opening mark, ``after`` the rest of the
    sentence after the closing mark.
    """
    match = _AFTER.search(after)
    if match:
        named = match.group("name2")
        if named:
            later = compiled(_NAMED_AFTER).match(after, match.end())
            if later and (
                named.endswith(("'s", "’s"))
                or _names_a_role(after[match.end() : later.start("name")])
            ):
                # "said Railbridge's route director, Simone Achterberg", "said Comets head
                # coach Ignatius Fenlow": the director, the coach speaks.
                return later.group("name")
        return match.group("name1") or named
    titled = compiled(_TITLED_AFTER).match(after) if _SPOKEN_THE.search(after) else None
    if titled:
        return titled.group("name")  # "…,' said the health minister, Barnaby Quill"
    described = _DESCRIBED.match(after)
    if described:
        return described.group("described")
    first = _VERB_ANYWHERE.search(before)
    if first is None:
        return None  # no speech verb (most text of symbols: a speaker sought 13,000 times)
    verbs = list(_VERB.finditer(before, first.start()))
    if not verbs:
        return None
    head = before[: verbs[-1].start()]
    pronoun = _PRONOUN_BEFORE.search(head)
    if pronoun:
        return pronoun.group(1)
    names = [m for m in _NAME.finditer(head) if _is_person_like(m.group(), head, m.start())]
    if not names:
        return None
    if verbs[-1].group().endswith("ing"):
        return names[0].group()  # "X referenced ..., stating:": the subject speaks
    last = names[-1]
    if _AND_THEN.fullmatch(head, last.end()):
        return names[0].group()  # "X thanked her producer, Y, and said:": X speaks
    if head.rstrip().endswith(","):
        described = compiled(_DESCRIBED_BEFORE).search(head)
        if (
            described is not None
            and _describes(described.group(2))
            and _is_person_like(described.group(1), head, described.start(1))
        ):
            return described.group(1)  # "X, Cabinet Member for Housing, said:": X speaks
    if len(head[last.end() :].split()) <= 3:
        return last.group()
    return names[0].group()


_ROLE_WORDS = frozenset((*ROLE_NOUNS, *RANKS, *(t.lower() for t in TITLES)))


def _names_a_role(words: str) -> bool:
    """The words between a team's or a body's name and a person's name name a role: their
    last is a role, a rank or a person's noun ("head coach", "club captain", "striker":
    ``substitutions.person_noun``)."""
    last = words.rstrip(" ,").rsplit(None, 1)[-1:] or [""]
    key = last[0].lower()
    return key in _ROLE_WORDS or person_noun(key)


_DESCRIBED_BEFORE = rf"({_NAME.pattern})\s*,\s*([^,\"“”]{{2,90}}),\s*$"
"""A name and the description set off after it, just before a speech verb ("Councillor
Bethan Cawdrey, Cabinet Member for Housing and Homelessness, said")."""
_DESCRIBING_WORDS = frozenset(
    (*ROLE_NOUNS, *(t.lower() for t in TITLES), "member", "head", "chair", "leader")
)


def _describes(phrase: str) -> bool:
    """``phrase`` describes a person ("Cabinet Member for Housing", "the trust's chief
    executive", "a local farmer"): it opens with a determiner or in lower case, or holds a
    role or a title."""
    words = phrase.split()
    if not words:
        return False
    if words[0][:1].islower() or words[0].lower() in ("the", "a", "an", "its", "his", "her"):
        return True
    return any(w.lower().strip(".'’s") in _DESCRIBING_WORDS for w in words)


_AND_THEN = re.compile(r"\s*,\s*and\s+(?:then\s+|also\s+)?")
"""Between a name and a speech verb, a coordination: the name is an object of the verb
before, and the subject speaks ("thanked her producer, Javier Ostrander, and said")."""


_remembered_speaker = lru_cache(maxsize=16384)(_find_speaker)
"""``_find_speaker``, remembered: a rewrite keeps most sentences of its original word for
word, and with them their quotations' surroundings; a refrain repeats them."""


_TITLE_BEFORE = re.compile(
    r"\b(?:"
    + alternation(w.capitalize() for w in HONORIFICS | TITLES)
    + "|"
    + alternation(ROLE_NOUNS)
    + r")\.?\s+"
    + rf"({_NAME.pattern})"
)
"""A title or a role before a name: "Mayor Helen Lind", "aide Declan Aske"."""


def _known_people(doc: Document) -> frozenset[str]:
    """Last words of names the article shows speaking or titles as people."""
    text = doc.text
    people: set[str] = set()
    for pattern in (
        re.compile(rf"({_NAME.pattern})\s+(?:{_SPEECH})\b"),
        re.compile(rf"\b(?:{_SPEECH})\s+({_NAME.pattern})"),
        _TITLE_BEFORE,
        # "Ines Varga", also broken over a line as a wrapped paragraph breaks it; a run of
        # more ("Critic Rupert Ingledew") names its last.
        re.compile(r"\b([A-Z][^\W\d_A-Z]+(?:(?:[ \t]+|[ \t]*\n[ \t]*)[A-Z][^\W\d_A-Z]+)+)\b"),
    ):
        for match in pattern.finditer(text):
            people.add(match.group(1).split()[-1])
    return frozenset(people)


def _recent_subject(doc: Document, sid: int, people: frozenset[str]) -> str | None:
    """Antecedent of a pronoun: in the closest preceding sentence, the known person said to
    speak there ("... Dr. Priya Nandakumar said the rise ..."), else its first known
    person not named after "the" ("at the Corn Exchange" is a place). A sentence whose
    speaker is itself a pronoun ("Speaking at the Corn Exchange, she said ...") passes the
    question on to the sentence before it."""
    for prev in range(sid, max(-1, sid - 4), -1):
        sentence = doc.sentences[prev]
        if sentence.kind is not SentenceKind.BODY:
            continue
        text = sentence.text
        pronoun_speaks = False
        for verb in _VERB.finditer(text):
            # Read near the verb only: a name's words are searched in a bounded stretch.
            near = text[max(0, verb.start() - _NAME_REACH) : verb.end() + _NAME_REACH]
            at = verb.start() - max(0, verb.start() - _NAME_REACH)
            said = _NAME_BEFORE.search(near[:at]) or _NAME_AFTER.match(near, at)
            if said and said.group(1).split()[-1] in people:
                return said.group(1)
            pronoun_speaks = pronoun_speaks or bool(_PRONOUN_BEFORE.search(near[:at]))
        if pronoun_speaks:
            continue
        for match in _NAME.finditer(text):
            if match.group().split()[-1] in people and not _THE_BEFORE.search(
                text, max(0, match.start() - 4), match.start()
            ):
                return match.group()
    return None


_THE_BEFORE = re.compile(r"(?i)\bthe\s+$")
""""the" just before a name: a place or a body ("the Corn Exchange"), not a person."""


_NAME_REACH = 120
"""Characters read on each side of a speech verb for the name said to speak."""
_NAME_BEFORE = re.compile(rf"({_NAME.pattern})\s+$")
"""The name just before a speech verb ("Dr. Priya Nandakumar | said")."""
_NAME_AFTER = re.compile(rf"(?:{_SPEECH})\s+({_NAME.pattern})")
"""A speech verb and the name after it ("said Ines Varga")."""


def _is_person_like(name: str, text: str, start: int) -> bool:
    first = name.split()[0]
    if first.lower() in STOPWORDS:
        return False
    # A sentence-initial adverb ("Specifically", "Separately") is not a speaker.
    return not (start == 0 and len(name.split()) == 1 and first.lower().endswith(("ly", "ing")))


_SPEAKER_WINDOW = 1000
"""Characters on each side of a quotation searched for its speaker, within its sentence:
several times the longest sentence of news prose."""


def find_quotations(doc: Document) -> list[Found]:
    """Quotations of ``doc`` with their sentence and speaker (when it can be told)."""
    text = doc.text
    found: list[Found] = []
    sentence_starts = [s.start for s in doc.sentences]
    last_speaker: str | None = None
    people: frozenset[str] | None = None  # computed on the first pronoun
    for p_start, p_end, _ in _paragraph_spans(doc):
        for q_start, q_end in _raw_quotes(text, p_start, p_end):
            sid = _sentence_at(doc, sentence_starts, q_start)
            sentence = doc.sentences[sid]
            # The speaker stands near the quotation: its sentence, up to _SPEAKER_WINDOW
            # characters each way (a sentence of 27,000 characters of random symbols
            # held 2,000 quotations, each reading and remembering all of it: 1 GB).
            end_sentence = doc.sentences[_sentence_at(doc, sentence_starts, q_end)]
            before = text[
                max(sentence.start, q_start - _SPEAKER_WINDOW) : max(q_start - 1, sentence.start)
            ]
            after_start = min(q_end + 1, p_end)
            after = text[
                after_start : min(max(q_end + 1, end_sentence.end), after_start + _SPEAKER_WINDOW)
            ]
            speaker = _speaker_at(before, after)
            if speaker and speaker.lower() in PRONOUNS:
                if people is None:
                    people = _known_people(doc)
                speaker = _recent_subject(doc, sid - 1, people) or last_speaker
            if speaker and speaker.split()[0].lower() in STOPWORDS:
                speaker = None
            if speaker:
                speaker = _strip_titles(speaker)
            if speaker:
                last_speaker = speaker
            found.append(Found(q_start, _trim(text, q_start, q_end), sid, speaker))
    return found


def _strip_titles(name: str) -> str:
    """ "Mayor Helen Sørensen" -> "Helen Sørensen" (the last word always stays)."""
    words = name.split()
    return " ".join(words[title_length(words) :])


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t,":
        end -= 1
    return end


def _sentence_at(doc: Document, starts: list[int], offset: int) -> int:
    index = max(0, bisect_right(starts, offset) - 1)
    return doc.sentences[index].id


def _word_spans(text: str, start: int, end: int) -> tuple[list[str], list[int], list[int]]:
    """Keys, starts and ends of the word tokens of ``text[start:end]`` (a quotation or a
    fragment of one), with editorial brackets blanked out.

    ``tokenize``, keeping only the words (``is_word``), built as parallel lists: no token
    object for a word, a space or a sign. The text is split around its word-like tokens
    (``_WORD_TOKEN``, in C), so the spaces and signs between are never keyed one by one.

    >>> _word_spans("“We [the council] won’t”", 1, 23)
    (['we', "won't"], [1, 18], [3, 23])
    """
    inner = text[start:end]
    if "[" in inner:
        inner = _BRACKETS.sub(lambda m: " " * len(m.group()), inner)
    # gap, token, gap, token, ..., gap: token k is parts[2k + 1], at bounds[2k + 1:2k + 3].
    parts = _WORD_TOKEN.split(inner)
    bounds = list(accumulate(map(len, parts), initial=start))
    keys = list(map(token_key, parts[1::2]))
    starts, ends = bounds[1:-1:2], bounds[2::2]
    if "_" not in inner:
        # A token's key starts as its first character lower-cased, and every \w character
        # but "_" lower-cases to a letter or digit: each token found is a word.
        return keys, starts, ends
    keep = [key[:1].isalnum() for key in keys]  # "_x" is a \w run but no word
    return list(compress(keys, keep)), list(compress(starts, keep)), list(compress(ends, keep))


def _fragments(text: str, start: int, end: int) -> list[list[str]]:
    """Word keys of the fragments between ellipses (those holding words)."""
    out: list[list[str]] = []
    pos = start
    for match in _ELLIPSIS.finditer(text, start, end):
        out.append(_word_spans(text, pos, match.start())[0])
        pos = match.end()
    out.append(_word_spans(text, pos, end)[0])
    return [f for f in out if f]


def _contains(hay: Sequence[str], needle: Sequence[str], start: int = 0) -> int:
    """Index of ``needle`` as a contiguous run in ``hay`` at or after ``start``, or -1."""
    n = len(needle)
    for i in range(start, len(hay) - n + 1):
        if hay[i : i + n] == needle:
            return i
    return -1


def _verbatim_in(b_frags: list[list[str]], a_words: _Words) -> tuple[int, int] | None:
    """Span of ``a_words`` holding the fragments' words in order, each one contiguous."""
    keys = a_words.keys
    if len(b_frags) == 1 and b_frags[0] == keys and keys:
        # A repetition (the same words, no ellipsis): one comparison of the word lists, in
        # C and by identity of their interned keys, instead of a search.
        return a_words.starts[0], a_words.ends[-1]
    pos = 0
    first = last = -1
    for frag in b_frags:
        at = _contains(keys, frag, pos)
        if at < 0:
            return None
        if first < 0:
            first = at
        pos = at + len(frag)
        last = pos - 1
    return (a_words.starts[first], a_words.ends[last]) if first >= 0 else None


def _content(tokens: Sequence[Token]) -> set[str]:
    return {stem(t.key) for t in tokens if t.key not in STOPWORDS}


@lru_cache(maxsize=65536)
def _content_stem(key: str) -> str:
    """``stem(key)``, or "" for a stopword: what ``_Words.stems`` holds for each word."""
    return "" if key in STOPWORDS else stem(key)


class _Words:
    """A quotation's words prepared for the search: their keys and spans in the text (no
    object per word: both sides' quotations are held at once), content stems ("" for a
    stopword), the keys joined by spaces, and where each word starts in that string."""

    __slots__ = ("_joined", "_offsets", "ends", "keys", "starts", "stems", "trigrams")

    _joined: str | None
    _offsets: array[int] | None

    def __init__(self, tokens: Sequence[Token]) -> None:
        self._fill([t.key for t in tokens], [t.start for t in tokens], [t.end for t in tokens])

    @classmethod
    def of(cls, text: str, start: int, end: int) -> _Words:
        """The words of ``text[start:end]`` (``_word_spans``), with no token objects."""
        words = cls.__new__(cls)
        words._fill(*_word_spans(text, start, end))
        return words

    def _fill(self, keys: list[str], starts: list[int], ends: list[int]) -> None:
        self.keys = list(map(sys.intern, keys))
        self.starts = array("q", starts)
        self.ends = array("q", ends)
        self.stems = list(map(_content_stem, self.keys))
        # Read by the index and by both searches of each quotation: made once.
        self.trigrams = _trigrams(self.keys)
        # Only the altered search reads these, for the few quotations it compares.
        self._joined = self._offsets = None

    @property
    def joined(self) -> str:
        """The keys joined by spaces (made when first read)."""
        if self._joined is None:
            self._joined = " ".join(self.keys)
        return self._joined

    @property
    def offsets(self) -> array[int]:
        """Where each key starts in ``joined``, and one past its end (made when first read)."""
        if self._offsets is None:
            self._offsets = array("q", accumulate((len(k) + 1 for k in self.keys), initial=0))
        return self._offsets


def _window_score(short: _Words, content: set[str], long: _Words) -> tuple[int, int, float] | None:
    """(first word, window size, score) of the window of ``long`` closest to ``short``.

    Every window of ``long`` about as long as ``short`` is scored by the share of
    ``short``'s content stems (``content``) it holds and by word order (rapidfuzz
    ``ratio`` over the words): both must reach 0.4, with at least two shared stems; the
    score is their mean. The first best window wins (smaller sizes, then earlier).
    """
    from rapidfuzz import fuzz

    n = len(short.keys)
    nb = len(content)
    if n < 3 or nb < 2:
        return None
    stems = long.stems
    hits = list(map(content.__contains__, stems))
    matched = list(compress(stems, hits))
    distinct = len(set(matched))
    if distinct < 2 or distinct / nb < 0.4:
        return None
    # Shared words per window from running counts, exact unless a shared word repeats
    # (then a window must count it once: the set intersection does, and the running
    # count is only an upper bound).
    running = list(accumulate(hits, initial=0))
    exact = distinct == len(matched)
    joined, offsets, short_joined = long.joined, long.offsets, short.joined
    best: tuple[int, int, float] | None = None
    for size in range(max(1, n - 3), min(len(stems), n + 5) + 1):
        # Which counts of shared words can pass the tests below, with the best score found
        # so far: a window's count only needs checking when its bound passes (the tests
        # only tighten as the best rises), so the windows to score are picked in C.
        passes = [
            common >= 2 and common / nb >= 0.4 and (best is None or (common / nb + 1) / 2 > best[2])
            for common in range(len(matched) + 1)
        ]
        bounds = map(sub, running[size:], running)
        for first in compress(range(len(stems) - size + 1), map(passes.__getitem__, bounds)):
            if exact:
                common = running[first + size] - running[first]
            else:
                common = len(content.intersection(stems[first : first + size]))
            shared = common / nb
            if common < 2 or shared < 0.4 or (best is not None and (shared + 1) / 2 <= best[2]):
                continue
            # The order score must reach 0.4 and, to win, lift the score above the best.
            floor = max(0.4, 2 * best[2] - shared) if best is not None else 0.4
            window = joined[offsets[first] : offsets[first + size] - 1]
            order = fuzz.ratio(short_joined, window, score_cutoff=floor * 100 - 1e-9) / 100
            score = (shared + order) / 2
            if order >= 0.4 and (best is None or score > best[2]):
                best = (first, size, score)
    return best


class _Quotation:
    """A quotation of one side with everything the matching needs."""

    __slots__ = ("content", "count", "found", "frags", "index", "pair", "words")
    words: _Words
    frags: list[list[str]]
    content: set[str]
    count: int
    """How many words its own text holds, or -1 when ``words`` are those of the same
    quotation of the other side (the text may differ in quote marks and ellipses, which
    can cut a dotted acronym differently)."""

    def __init__(
        self,
        doc: Document,
        found: Found,
        index: int,
        pair: int,
        same: _Quotation | None = None,
    ) -> None:
        self.found = found
        self.index = index
        self.pair = pair
        if same is not None:
            # The same words at the same place of an identical sentence: shared, only the
            # word keys are read (a matched quotation is never a source of the other side).
            self.words, self.frags, self.content = same.words, same.frags, same.content
            self.count = -1
            return
        self._take(_spoken(doc.text, found))

    @classmethod
    def of(cls, found: Found, index: int, pair: int, spoken: _Spoken) -> _Quotation:
        """The quotation ``found`` whose words were read already (``_spoken``)."""
        quotation = cls.__new__(cls)
        quotation.found = found
        quotation.index = index
        quotation.pair = pair
        quotation._take(spoken)
        return quotation

    def _take(self, spoken: _Spoken) -> None:
        keys, starts, ends, frags = spoken
        self.words = words = _Words.__new__(_Words)
        words._fill(keys, starts, ends)
        if frags is not None:
            self.frags = [list(map(sys.intern, frag)) for frag in frags]
        else:
            self.frags = [words.keys] if words.keys else []
        self.content = set(words.stems) - {""}
        self.count = len(words.keys)


_Spoken = tuple[list[str], list[int], list[int], list[list[str]] | None]
"""The words of a quotation as read from its text: their keys, starts and ends
(``_word_spans``), and the keys of its fragments between ellipses when it has any (else
None: its one fragment is all its words). Plain values, sent from a child process."""


def _spoken(text: str, found: Found) -> _Spoken:
    """The words of the quotation ``found`` in ``text`` (see ``_Spoken``)."""
    keys, starts, ends = _word_spans(text, found.start, found.end)
    if _ELLIPSIS.search(text, found.start, found.end):
        return keys, starts, ends, _fragments(text, found.start, found.end)
    return keys, starts, ends, None


_Key = str | tuple[str, str, str]
"""A word key or a run of three."""


def _trigrams(keys: Sequence[_Key]) -> list[_Key]:
    return list(zip(keys, keys[1:], keys[2:], strict=False))  # type: ignore[arg-type]


class _Index:
    """Postings of one side's quotations: word trigrams and content stems, and single
    words (built when a quotation of fewer than three words is searched)."""

    __slots__ = ("_quotes", "_words", "stems", "trigrams")

    def __init__(self, quotes: Sequence[_Quotation]) -> None:
        self._quotes = quotes
        self._words: dict[_Key, list[int]] | None = None
        # defaultdicts, so that a posting's list is made once, not once per look-up;
        # both are only read with ``get`` afterwards.
        self.trigrams: dict[_Key, list[int]] = defaultdict(list)
        self.stems: dict[str, list[int]] = defaultdict(list)
        for q in quotes:
            index = q.index
            for key in dict.fromkeys(q.words.trigrams):
                self.trigrams[key].append(index)
            for term in q.content:
                self.stems[term].append(index)

    def words(self) -> dict[_Key, list[int]]:
        if self._words is None:
            self._words = {}
            for q in self._quotes:
                for key in dict.fromkeys(q.words.keys):
                    self._words.setdefault(key, []).append(q.index)
        return self._words


def _containers(
    needle: _Quotation,
    index: _Index,
    others: Sequence[_Quotation],
    skip: Container[int] = (),
    near: int = 0,
) -> list[int]:
    """Quotations of ``others`` that hold ``needle``'s words in order (each fragment
    between ellipses contiguous): those holding its rarest word trigram (its rarest word,
    for a fragment of fewer than three words) are checked, but those in ``skip``.

    At most ``_MAX_CONTAINERS`` of them, in index order: beyond that many, those nearest
    to index ``near`` of ``others`` (the needle's place there), the nearer of two at the
    same distance first."""
    found: list[list[int] | None] = []
    for frag in needle.frags:
        if len(frag) >= 3:
            runs = needle.words.trigrams if frag is needle.words.keys else _trigrams(frag)
            found += map(index.trigrams.get, runs)
        else:
            found += map(index.words().get, frag)
        if not all(found):  # a posting is never empty: only a run no quotation holds
            return []
    if not found:
        return []
    # The first shortest posting, as a scan keeping the first strictly shorter one does.
    anchor = min(cast("list[list[int]]", found), key=len)
    frags = needle.frags
    # A repetition of the needle (the same words, no ellipsis) holds it: told by one
    # comparison of the word lists (interned keys, compared by identity), no search.
    same = frags[0] if len(frags) == 1 else None

    def holds(j: int) -> bool:
        words = others[j].words
        return words.keys == same or _verbatim_in(frags, words) is not None

    if len(anchor) <= _MAX_CONTAINERS:
        return [j for j in anchor if j not in skip and holds(j)]
    # Outwards from the needle's place (a posting is in index order), until enough hold it:
    # the containers below and above it, nearest first, those skipped left out in C, are
    # merged by distance (the one below first at equal distances).
    below = bisect_left(anchor, near)
    at = anchor.__getitem__
    down = filter(holds, filterfalse(skip.__contains__, map(at, range(below - 1, -1, -1))))
    up = filter(holds, filterfalse(skip.__contains__, map(at, range(below, len(anchor)))))
    kept: list[int] = []
    low, high = next(down, -1), next(up, -1)
    while len(kept) < _MAX_CONTAINERS and (low >= 0 or high >= 0):
        if high < 0 or (low >= 0 and near - low <= high - near):
            kept.append(low)
            low = next(down, -1)
        else:
            kept.append(high)
            high = next(up, -1)
    return sorted(kept)


def _place_in(needle: _Quotation, count: int, others: Sequence[_Quotation]) -> int:
    """The index in ``others`` at the same relative place as ``needle`` among its side's
    ``count`` quotations (what ``_containers`` searches outwards from)."""
    return needle.index * len(others) // max(count, 1)


def _candidates(x: _Quotation, index: _Index, others: Sequence[_Quotation]) -> list[int]:
    """The ``_MAX_SOURCES`` quotations of ``others`` sharing most content stems with ``x``
    (at least two; ties to the earlier one).

    Candidates come from the postings of ``x``'s content stems and word trigrams, leaving
    out those held by more than ``_MAX_POSTING`` quotations, and must be in at least two
    of the postings read: when the quotations share a vocabulary, only their rarer words
    and word runs say which ones are related, and the search stays linear. Below that
    many quotations nothing is left out (and two shared stems are two postings).
    """
    stems, trigrams = index.stems, index.trigrams
    postings = [found for term in x.content if len(found := stems.get(term, ())) <= _MAX_POSTING]
    postings += [
        found for key in x.words.trigrams if len(found := trigrams.get(key, ())) <= _MAX_POSTING
    ]
    # One count over all the postings read: what updating the counter with each in turn
    # gives, in the same order, without a call per posting.
    hits = Counter(chain.from_iterable(postings))
    content = x.content
    ranked = [
        (-k, j)
        for j, n in hits.items()
        if n >= 2 and (k := len(content.intersection(others[j].content))) >= 2
    ]
    return [j for _, j in heapq.nsmallest(_MAX_SOURCES, ranked)]


class _Link(NamedTuple):
    """A relation between quotation ``a`` of A and quotation ``b`` of B (a named tuple: a
    close copy of a refrain's article makes tens of thousands)."""

    a: int
    b: int
    status: QuoteStatus
    source: tuple[int, int]
    """The span of A's text the quotation of B draws on."""
    score: float


_MIN_WORDS_A_PROCESS = 20_000
"""Words of quotation pairs below which the altered search is not worth a process of its
own (about 40 ms of work; see parallel.py)."""

_STATUSES = tuple(QuoteStatus)
_STATUS_INDEX = {status: i for i, status in enumerate(_STATUSES)}

_EncodedLink = tuple[int, int, int, tuple[int, int], float] | None


def _altered_links(
    qa: Sequence[_Quotation], qb: Sequence[_Quotation], tried: list[tuple[int, int]]
) -> list[_Link]:
    """The altered links among the ``tried`` pairs (A index, B index), in their order; many
    pairs are searched in ranges in other processes (parallel.py)."""

    def search(lo: int, hi: int) -> list[_Link | None]:
        return [_altered_link(qa[i], qb[j]) for i, j in tried[lo:hi]]

    weights = [max(0, qa[i].count) + max(0, qb[j].count) for i, j in tried]
    bounds = parallel.split(weights, parallel.jobs(), _MIN_WORDS_A_PROCESS)
    parts = parallel.fork_map(search, bounds, _encode_links, _decode_links)
    return [link for part in parts for link in part if link is not None]


def _encode_links(links: list[_Link | None]) -> list[_EncodedLink]:
    return [
        None if k is None else (k.a, k.b, _STATUS_INDEX[k.status], k.source, k.score) for k in links
    ]


def _decode_links(encoded: list[_EncodedLink]) -> list[_Link | None]:
    return [None if e is None else _Link(e[0], e[1], _STATUSES[e[2]], e[3], e[4]) for e in encoded]


def _altered_link(qa: _Quotation, qb: _Quotation) -> _Link | None:
    """The fuzzy relation: the shorter quotation (fewer words) searched in the longer.

    Equal lengths are searched both ways and the better kept: the score is symmetric.
    """
    best: _Link | None = None
    na, nb = len(qa.words.keys), len(qb.words.keys)
    if nb <= na:
        found = _window_score(qb.words, qb.content, qa.words)
        if found is not None:
            first, size, score = found
            first, size = _widen(qb.words, qa.words, first, size)
            span = (qa.words.starts[first], qa.words.ends[first + size - 1])
            best = _Link(qa.index, qb.index, QuoteStatus.ALTERED, span, score)
    if na <= nb:
        found = _window_score(qa.words, qa.content, qb.words)
        if found is not None and (best is None or found[2] > best.score):
            span = (qa.found.start, qa.found.end)
            best = _Link(qa.index, qb.index, QuoteStatus.ALTERED, span, found[2])
    return best


def _widen(short: _Words, long: _Words, first: int, size: int) -> tuple[int, int]:
    """The window of ``long`` that ``short`` was found in, grown over the words it lost at
    either edge: as many of ``long``'s words before (after) the window as ``short`` has
    words before its first (after its last) word found in the window. The source of "We
    know the inspector erred" in "We believe the inspector erred" is the whole quotation,
    so the A side shows what the quotation lost ("believe"), not only what it kept.

    >>> w = lambda text: _Words.of(text, 0, len(text))
    >>> _widen(w("we know the inspector erred"), w("we believe the inspector erred"), 2, 3)
    (0, 5)
    """
    window = set(long.keys[first : first + size])
    keys = short.keys
    lead = next((i for i, k in enumerate(keys) if k in window), 0)
    trail = next((i for i, k in enumerate(reversed(keys)) if k in window), 0)
    start = max(0, first - lead)
    end = min(len(long.keys), first + size + trail)
    return start, end - start


_SHORT_QUOTATION = 3
"""Words up to which a quotation is checked for what it describes (``_same_referent``)."""
_NOUN_PHRASE_BEFORE = frozenset(
    "the a an this that these those his her their its our my your whose of".split()
)
"""Words before an opening mark that make the quotation a noun phrase (the "isolation
attempts"): it names its referent itself."""
_FRAME_SKIP = frozenset(stem(w) for w in STOPWORDS | FILLER | REPORTING_VERBS)
"""Stems of words that say nothing of what a quotation describes ("marks", "said")."""


_REPORTING_WORDS = frozenset(v for v in REPORTING_VERBS if " " not in v)
"""The reporting verbs of one word ("said", "told"), before which a frame names the speaker."""
_FRAME_CHARS = 300
"""How far back the words a short quotation describes are looked for (a wall of text has
no sentence end to stop at)."""


def _frame(doc: Document, start: int, offset: int) -> tuple[str, ...]:
    """The last two content stems of ``doc.text[start:offset]`` (its last ``_FRAME_CHARS``
    characters): what a short quotation at ``offset`` is said of ("described the burglars as
    | 'reckless'")."""
    return _frame_in(doc.text, start, offset)


@lru_cache(maxsize=4096)
def _frame_in(text: str, start: int, offset: int) -> tuple[str, ...]:
    """``_frame`` of ``text``: remembered, as a quotation repeated through an article is
    compared with each of its repetitions (a string hashes once, then from its cache)."""
    stems = [
        stem(t.key)
        for t in tokenize(text[max(start, offset - _FRAME_CHARS) : offset])
        if is_word(t.key) and t.key not in STOPWORDS and not t.key.isdigit()
    ]
    return tuple([s for s in stems if s not in _FRAME_SKIP][-2:])


@lru_cache(maxsize=4096)
def _said_of(text: str, start: int, offset: int) -> bool:
    """Whether ``text[start:offset]`` (its last ``_FRAME_CHARS`` characters) says what a
    short quotation at ``offset`` describes after the last verb that reports it: before
    that verb is who said it ("The company said it was | 'devastated'" / "Kindlehome said
    it was | 'devastated'" describe the speaker alike, whoever names it)."""
    keys = [t.key for t in tokenize(text[max(start, offset - _FRAME_CHARS) : offset])]
    said = max((i for i, k in enumerate(keys) if k in _REPORTING_WORDS), default=-1)
    return said < 0 or any(
        is_word(k) and k not in STOPWORDS and not k.isdigit() and stem(k) not in _FRAME_SKIP
        for k in keys[said + 1 :]
    )


@lru_cache(maxsize=4096)
def _word_before(text: str, offset: int) -> str:
    """The key of the last word before ``offset`` (within 40 characters), or "" (remembered
    as ``_frame_in`` is)."""
    keys = [t.key for t in tokenize(text[max(0, offset - 40) : offset]) if is_word(t.key)]
    return keys[-1] if keys else ""


def _same_referent(
    doc: Document, short: Found, other: Document, holder: Found, at: int, count: int = -1
) -> bool:
    """Whether a quotation of ``_SHORT_QUOTATION`` words or fewer (``short``, in ``doc``,
    of ``count`` words, or -1 to count them here) describes the same thing as its words at
    ``at`` in ``other`` (inside ``holder``).

    It does unless both have words before them and share none of their last two content
    words: "Residents described the burglars as 'reckless'" and "Residents called the
    police response 'reckless'" say it of different things. Longer quotations, and a
    quotation that is a noun phrase ("what he called the 'isolation attempts'"), are
    taken as the same; so is a quotation opening its sentence (nothing to compare).
    """
    if count < 0:
        count = len(_word_spans(doc.text, short.start, short.end)[0])
    if not count or count > _SHORT_QUOTATION:
        return True
    if _word_before(doc.text, short.start) in _NOUN_PHRASE_BEFORE:
        return True
    if _word_before(other.text, at) in _NOUN_PHRASE_BEFORE:
        return True  # either side's noun phrase: the relation stays symmetric
    mine = _frame(doc, doc.sentences[short.sentence].start, short.start)
    # Inside a longer quotation of the other side: the words before it in that quotation
    # ("Wrong. Peace is close because of this dialogue. | Idiotic …").
    start = holder.start if at > holder.start else other.sentences[holder.sentence].start
    theirs = _frame(other, start, at)
    if not mine or not theirs or not set(mine).isdisjoint(theirs):
        return True
    # Said of its speaker on both sides ("X said it was 'devastated'"): the same thing.
    own_start = doc.sentences[short.sentence].start
    return not _said_of(doc.text, own_start, short.start) and not _said_of(other.text, start, at)


def _rank(link: _Link, qa: _Quotation, qb: _Quotation, na: int, nb: int) -> tuple[float, ...]:
    """Sort key of a link, the same whichever side is A: verbatim first, then by score,
    then the closer lengths, the same aligned pair, the closer relative position."""
    la, lb = len(qa.words.keys), len(qb.words.keys)
    ratio = min(la, lb) / max(la, lb, 1)
    ra, rb = qa.index / max(na, 1), qb.index / max(nb, 1)
    return (
        link.status is not QuoteStatus.VERBATIM,
        -round(link.score, 9),
        -ratio,
        not (qa.pair >= 0 and qa.pair == qb.pair),
        abs(ra - rb),
        min(ra, rb),
        max(ra, rb),
        qa.index,
        qb.index,
    )


def _relate(
    doc_a: Document,
    doc_b: Document,
    a_found: list[Found],
    b_found: list[Found],
    pairs: Sequence[Pair],
    pair_of_a: dict[int, int],
    pair_of_b: dict[int, int],
    a_spoken: Sequence[_Spoken | None] | None = None,
    b_spoken: Sequence[_Spoken | None] | None = None,
) -> tuple[dict[int, _Link], set[int], set[int], set[int]]:
    """Links of B's quotations (by index), the A quotations B still carries, and the
    quotations of A and of B without words (only an identical place relates them).
    ``pair_of_a`` and ``pair_of_b`` give the index in ``pairs`` of each sentence's pair;
    ``a_spoken`` and ``b_spoken`` the words of each quotation (``_spoken``), when read
    already (None for a quotation whose words are not).

    See the module docstring: identical places first, then a one-to-one matching taken
    best-first over every related (A, B) pair, then quotations related to an already
    matched one (carried), then the leftovers of one aligned pair.
    """
    a_at = {f.start: i for i, f in enumerate(a_found)}
    matched: dict[int, _Link] = {}  # by B quotation
    a_matched: set[int] = set()
    for j, f in enumerate(b_found):
        same = _same_place(f, doc_a, doc_b, pairs, pair_of_b, a_at, a_found)
        if same is not None and same not in a_matched:
            a_f = a_found[same]
            matched[j] = _Link(same, j, QuoteStatus.VERBATIM, (a_f.start, a_f.end), 1.0)
            a_matched.add(same)
    if len(matched) == len(b_found) and len(a_matched) == len(a_found):
        return matched, a_matched, set(), set()
    qa: list[_Quotation] = []
    for i, f in enumerate(a_found):
        pair = pair_of_a.get(f.sentence, -1)
        spoken = None if a_spoken is None else a_spoken[i]
        qa.append(
            _Quotation(doc_a, f, i, pair) if spoken is None else _Quotation.of(f, i, pair, spoken)
        )
    qb: list[_Quotation] = []
    for j, f in enumerate(b_found):
        pair = pair_of_b.get(f.sentence, -1)
        spoken = None if b_spoken is None or j in matched else b_spoken[j]
        if spoken is not None:
            qb.append(_Quotation.of(f, j, pair, spoken))
        else:
            qb.append(_Quotation(doc_b, f, j, pair, qa[matched[j].a] if j in matched else None))
    # The verbatim and candidate searches of both directions, in ranges of the quotations
    # searched for in other processes when they are many (parallel.py).
    found_links, carriers, unrelated, candidates_of_b, candidates_of_a = _searches(
        doc_a, doc_b, qa, qb, matched, a_matched
    )
    # Altered: between quotations neither matched by place nor verbatim with any quotation
    # of the other side, the candidates of each, either side.
    settled_a = a_matched | {k.a for k in found_links} | set(carriers)
    settled_b = matched.keys() | {k.b for k in found_links}
    tried: set[tuple[int, int]] = set()
    for j in range(len(qb)):
        if j not in settled_b:
            tried.update((i, j) for i in candidates_of_b[j] if i not in settled_a)
    for i in range(len(qa)):
        if i not in settled_a:
            tried.update((i, j) for j in candidates_of_a[i] if j not in settled_b)
    # Each pair of quotations is linked once: by one of the searches (the A-in-B one leaves
    # out the pairs the B-in-A one decides), or by the altered search (of pairs neither
    # settles).
    links = found_links + _altered_links(qa, qb, sorted(tried - unrelated))
    carried_a = _match(links, carriers, qa, qb, matched, a_matched)
    related = a_matched | carried_a
    _pair_leftovers(qa, qb, matched, related, unrelated)
    wordless_a = {q.index for q in qa if not q.words.keys}
    wordless_b = {q.index for q in qb if not q.words.keys}
    return matched, related, wordless_a, wordless_b


def _match(
    links: Collection[_Link],
    carriers: Iterable[int],
    qa: Sequence[_Quotation],
    qb: Sequence[_Quotation],
    matched: dict[int, _Link],
    a_matched: set[int],
) -> set[int]:
    """Match the quotations ``links`` relate one to one, the best link first (``_rank``),
    leaving out those matched already (``matched``, by quotation of B, and ``a_matched``,
    both updated), then relate a quotation of B left out to the best quotation of A it is
    verbatim with; return the quotations of A left out but verbatim with one of B (carried:
    a second excerpt of one quotation, a quotation repeated).

    ``links`` are those of the quotations of B not matched by place; ``carriers`` the
    quotations of A verbatim with one that is. A link of a quotation of B matched by place
    is never taken: it says only which quotation of A is carried, whatever its rank, so it
    is neither ranked nor kept (in a close copy such links are most: each repetition of a
    refrain has eight).
    """
    na, nb = len(qa), len(qb)
    ranked = sorted(links, key=lambda k: _rank(k, qa[k.a], qb[k.b], na, nb))
    for link in ranked:
        if link.b not in matched and link.a not in a_matched:
            matched[link.b] = link
            a_matched.add(link.a)
    carried_a = {a for a in carriers if a not in a_matched}
    for link in ranked:
        if link.status is not QuoteStatus.VERBATIM:
            break  # an altered quotation is one quotation changed: one-to-one
        if link.b not in matched:
            matched[link.b] = link
        if link.a not in a_matched:
            carried_a.add(link.a)
    return carried_a


_Search = tuple[
    list[_Link], list[int], set[tuple[int, int]], dict[int, list[int]], dict[int, list[int]]
]
"""The search of a range of quotations: the verbatim links it found of quotations of B not
matched by place, the quotations of A it found verbatim with one that is (as ``_match``
reads them: no link kept or sent for them), the pairs it found verbatim but describing
different things (``_same_referent``), and the altered-search candidates of its quotations
of B, then of A, left unsettled by what it found."""

_MIN_QUOTATIONS_A_PROCESS = 2_000
"""Quotations (both sides') below which their search is not worth a process of its own
(about 40 ms of work; see parallel.py)."""


def _searches(
    doc_a: Document,
    doc_b: Document,
    qa: Sequence[_Quotation],
    qb: Sequence[_Quotation],
    matched: dict[int, _Link],
    a_matched: set[int],
) -> _Search:
    """The search of B's quotations in A's and of A's in B's (``_verbatim_b_in_a``,
    ``_verbatim_a_in_b``, then the altered-search candidates of the quotations left
    unsettled), in ranges of both sides' quotations at once, the later ranges in other
    processes when the quotations are many (parallel.py).

    A range holds the same share of each side's quotations, at the same places (its part
    of A's and its part of B's): so the ranges weigh the same whichever side's search costs
    more (a refrain's links come from the search of B in A, while a search of A in B that
    a close copy decides costs little), and a range knows most of what settles its
    quotations, as a quotation is mostly linked to those near its place. What another
    range settles is not known: candidates are looked for for some quotations that turn
    out settled (they are left unread).
    """
    na, nb = len(qa), len(qb)
    total = na + nb
    # Made once, before the ranges are forked.
    index_a, index_b = _Index(qa), _Index(qb)

    def search(lo: int, hi: int) -> _Search:
        # This range's share of each side's quotations.
        in_b = range(lo * nb // total, hi * nb // total)
        in_a = range(lo * na // total, hi * na // total)
        links, unrelated = _verbatim_b_in_a(doc_a, doc_b, qa, qb, index_a, matched, a_matched, in_b)
        found, apart = _verbatim_a_in_b(doc_a, doc_b, qa, qb, index_b, matched, a_matched, in_a)
        links += found
        unrelated |= apart
        # Settled by what the searches run here found.
        settled_a = a_matched | {k.a for k in links}
        settled_b = matched.keys() | {k.b for k in links}
        of_b = {j: _candidates(qb[j], index_a, qa) for j in in_b if j not in settled_b}
        of_a = {i: _candidates(qa[i], index_b, qb) for i in in_a if i not in settled_a}
        carriers = [k.a for k in links if k.b in matched]
        return [k for k in links if k.b not in matched], carriers, unrelated, of_b, of_a

    bounds = parallel.split([1] * total, parallel.jobs(), _MIN_QUOTATIONS_A_PROCESS)
    parts = parallel.fork_map(search, bounds, _encode_search, _decode_search)
    links: list[_Link] = []
    carriers: list[int] = []
    unrelated: set[tuple[int, int]] = set()
    of_b: dict[int, list[int]] = {}
    of_a: dict[int, list[int]] = {}
    for found, carrying, apart, part_of_b, part_of_a in parts:
        links += found
        carriers += carrying
        unrelated |= apart
        of_b.update(part_of_b)
        of_a.update(part_of_a)
    return links, carriers, unrelated, of_b, of_a


def _verbatim_b_in_a(
    doc_a: Document,
    doc_b: Document,
    qa: Sequence[_Quotation],
    qb: Sequence[_Quotation],
    index_a: _Index,
    matched: dict[int, _Link],
    a_matched: set[int],
    needles: range | None = None,
) -> tuple[list[_Link], set[tuple[int, int]]]:
    """B's quotations (those of index in ``needles``, by default all) searched in A's
    (indexed by ``index_a``): verbatim links where the words of one of B occur in order
    inside one of A, and the pairs doing so that describe different things.

    A quotation of one to three words is the same quotation only when it describes the
    same thing: "reckless" said of the burglars is not "reckless" said of the police. A
    pair of quotations both already related by place is left out: neither can be matched
    again, carried or left over, so its link (or its being unrelated) would change
    nothing, and an article copied closely holds one for each quotation kept.
    """
    links: list[_Link] = []
    unrelated: set[tuple[int, int]] = set()
    for x in qb if needles is None else map(qb.__getitem__, needles):
        if x.words.keys:
            near = _place_in(x, len(qb), qa)
            found = _containers(x, index_a, qa, a_matched if x.index in matched else (), near)
            if not found:
                continue
            count = x.count  # counted here once for all its containers when -1
            if count < 0:
                count = len(_word_spans(doc_b.text, x.found.start, x.found.end)[0])
            for i in found:
                span = _verbatim_in(x.frags, qa[i].words)
                assert span is not None
                if count <= _SHORT_QUOTATION and not _same_referent(
                    doc_b, x.found, doc_a, qa[i].found, span[0], count
                ):
                    unrelated.add((i, x.index))
                    continue
                links.append(_Link(i, x.index, QuoteStatus.VERBATIM, span, 1.0))
    return links, unrelated


def _verbatim_a_in_b(
    doc_a: Document,
    doc_b: Document,
    qa: Sequence[_Quotation],
    qb: Sequence[_Quotation],
    index_b: _Index,
    matched: dict[int, _Link],
    a_matched: set[int],
    needles: range | None = None,
) -> tuple[list[_Link], set[tuple[int, int]]]:
    """A's quotations searched in B's (``_verbatim_b_in_a`` the other way round), leaving
    out the pairs that search decides: those whose quotation of B is verbatim in the one of
    A (and not left out there), which it links or finds unrelated first."""
    links: list[_Link] = []
    unrelated: set[tuple[int, int]] = set()
    for x in qa if needles is None else map(qa.__getitem__, needles):
        if x.words.keys:
            near = _place_in(x, len(qa), qb)
            for j in _containers(x, index_b, qb, matched if x.index in a_matched else (), near):
                y = qb[j]
                if (
                    y.words.keys
                    and not (j in matched and x.index in a_matched)
                    and _verbatim_in(y.frags, x.words) is not None
                ):
                    continue  # decided by the search of B in A
                there = _verbatim_in(x.frags, y.words)
                assert there is not None
                if not _same_referent(doc_a, x.found, doc_b, y.found, there[0], x.count):
                    unrelated.add((x.index, j))
                    continue
                span = (x.found.start, x.found.end)
                links.append(_Link(x.index, j, QuoteStatus.VERBATIM, span, 1.0))
    return links, unrelated


_EncodedSearch = tuple[
    list[_EncodedLink],
    list[int],
    list[tuple[int, int]],
    list[tuple[int, list[int]]],
    list[tuple[int, list[int]]],
]


def _encode_search(search: _Search) -> _EncodedSearch:
    """A range's search as plain values for the transfer from a child process (parallel.py)."""
    links, carriers, unrelated, of_b, of_a = search
    return (
        _encode_links(list(links)),
        carriers,
        list(unrelated),
        list(of_b.items()),
        list(of_a.items()),
    )


def _decode_search(encoded: _EncodedSearch) -> _Search:
    """``_encode_search`` undone."""
    links, carriers, unrelated, of_b, of_a = encoded
    return (
        [k for k in _decode_links(links) if k is not None],
        carriers,
        set(unrelated),
        dict(of_b),
        dict(of_a),
    )


_Read = tuple[list[Found], list[_Spoken | None] | None]
"""One article's quotations as read by ``_quotations_of``: those found, and the words of
each (``_spoken``: None for one not read), or None."""


def _quotations_of(doc_a: Document, doc_b: Document, pairs: Sequence[Pair]) -> tuple[_Read, _Read]:
    """``find_quotations`` of both documents, and the words of their quotations
    (``_spoken``) or None. When both are long, B's are read in a child process while this
    one reads A's (parallel.py), words included: the search after only indexes them. The
    child leaves out the words of B's quotations in an identical aligned pair (nearly all
    are at the same place as one of A, whose words they share; the search reads the few
    others). Otherwise the search reads the words it needs itself (None)."""
    docs = (doc_a, doc_b)
    # Weighed by their quote marks: an article holding none is read in a few milliseconds,
    # however long it is.
    marks = [sum(map(doc.text.count, _MARKS)) for doc in docs]
    bounds = parallel.split(marks, parallel.jobs(), _MIN_MARKS_A_PROCESS)
    in_parallel = len(bounds) > 2

    def read(lo: int, hi: int) -> list[_Read]:
        out: list[_Read] = []
        for side in range(lo, hi):
            text = docs[side].text
            found = find_quotations(docs[side])
            if not in_parallel:
                out.append((found, None))
                continue
            same = _in_identical_pairs(pairs, side)
            out.append((found, [None if f.sentence in same else _spoken(text, f) for f in found]))
        return out

    parts = parallel.fork_map(read, bounds, _encode_read, _decode_read)
    side_a, side_b = (side for part in parts for side in part)
    return side_a, side_b


def _in_identical_pairs(pairs: Sequence[Pair], side: int) -> Container[int]:
    """The sentences of B (``side`` 1) in an aligned pair of identical sentences
    (``Status.SAME``); none of A (``side`` 0), whose quotations' words are all read."""
    if side == 0:
        return ()
    return {sid for pair in pairs if pair.status is Status.SAME for sid in pair.b}


_MIN_MARKS_A_PROCESS = 2_000
"""Quote marks below which reading an article's quotations is not worth a process of its
own (about 40 ms of work: a thousand quotations or so; see parallel.py)."""

_EncodedRead = tuple[list[tuple[int, int, int, str | None]], list[_Spoken | None] | None]


def _encode_read(sides: list[_Read]) -> list[_EncodedRead]:
    """Quotations read, as plain values for the transfer from a child process."""
    return [
        ([(f.start, f.end, f.sentence, f.speaker) for f in found], spoken)
        for found, spoken in sides
    ]


def _decode_read(encoded: list[_EncodedRead]) -> list[_Read]:
    """``_encode_read`` undone."""
    return [([Found(*f) for f in found], spoken) for found, spoken in encoded]


def check_quotes(doc_a: Document, doc_b: Document, pairs: Sequence[Pair]) -> list[Quote]:
    """Classify every quotation of B, and report A's quotations that B dropped."""
    pair_of_a = {sid: i for i, p in enumerate(pairs) for sid in p.a}
    pair_of_b = {sid: i for i, p in enumerate(pairs) for sid in p.b}
    (a_found, a_spoken), (b_found, b_spoken) = _quotations_of(doc_a, doc_b, pairs)
    links, carried, wordless_a, wordless_b = _relate(
        doc_a, doc_b, a_found, b_found, pairs, pair_of_a, pair_of_b, a_spoken, b_spoken
    )
    ops_of = _altered_ops(doc_a, doc_b, b_found, links)
    differ = _SpeakersDiffer(doc_a, doc_b)
    out: list[Quote] = []
    for j, f in enumerate(b_found):
        link = links.get(j)
        text = doc_b.text[f.start : f.end]
        if link is None and j in wordless_b:
            continue  # no words: only an identical place relates it
        status = link.status if link is not None else QuoteStatus.NEW
        source = Span(*link.source) if link is not None else None
        source_speaker = a_found[link.a].speaker if link is not None else None
        ops = ops_of.get(j, ())
        out.append(
            Quote(
                side=Side.B,
                start=f.start,
                end=f.end,
                text=text,
                status=status,
                source=source,
                ops=ops,
                score=round(link.score, 4) if link is not None else 0.0,
                speaker=f.speaker,
                source_speaker=source_speaker,
                speaker_changed=link is not None
                and differ(f.speaker, source_speaker, f.sentence, a_found[link.a].sentence),
                sentence=f.sentence,
                pair=pair_of_b.get(f.sentence, -1),
            )
        )
    for index, a_f in enumerate(a_found):
        if index in carried or index in wordless_a:
            continue
        out.append(
            Quote(
                side=Side.A,
                start=a_f.start,
                end=a_f.end,
                text=doc_a.text[a_f.start : a_f.end],
                status=QuoteStatus.DROPPED,
                speaker=a_f.speaker,
                sentence=a_f.sentence,
                pair=pair_of_a.get(a_f.sentence, -1),
            )
        )
    return out


def _altered_ops(
    doc_a: Document, doc_b: Document, b_found: list[Found], links: dict[int, _Link]
) -> dict[int, tuple[WordOp, ...]]:
    """The word diff of each altered quotation of B (by index) against its source; many
    altered quotations are diffed in ranges in other processes (parallel.py)."""
    altered = [
        (j, link.source, (b_found[j].start, b_found[j].end))
        for j, link in sorted(links.items())
        if link.status is QuoteStatus.ALTERED
    ]

    def diffs(lo: int, hi: int) -> list[tuple[WordOp, ...]]:
        return [
            tuple(
                word_diff(
                    [(s_start, doc_a.text[s_start:s_end])], [(b_start, doc_b.text[b_start:b_end])]
                )
            )
            for _, (s_start, s_end), (b_start, b_end) in altered[lo:hi]
        ]

    weights = [s[1] - s[0] + b[1] - b[0] for _, s, b in altered]
    bounds = parallel.split(weights, parallel.jobs())
    parts = parallel.fork_map(diffs, bounds, _pack_all, _unpack_all)
    found = (ops for part in parts for ops in part)
    return dict(zip((j for j, _, _ in altered), found, strict=True))


def _pack_all(diffs: list[tuple[WordOp, ...]]) -> list[tuple[int, ...]]:
    return [pack_ops(ops) for ops in diffs]


def _unpack_all(packed: list[tuple[int, ...]]) -> list[tuple[WordOp, ...]]:
    return [unpack_ops(flat) for flat in packed]


def _speakers_differ(speaker: str | None, source_speaker: str | None) -> bool:
    """Both speakers are known and are not the same person (compared by surname)."""
    return bool(speaker and source_speaker and _surname(speaker) != _surname(source_speaker))


class _SpeakersDiffer:
    """``_speakers_differ`` of a quotation of B and its source in A, where a speaker
    described rather than named ("Portline spokesman": its last word is no name) is the
    named one when the other article describes that speaker so, in the source quotation's
    sentence or the one before ("said Tom Reed, a spokesman for Portline"): a rewrite that
    drops a spokesman's name keeps the speaker, one that gives a union leader's words to
    the company's spokesman does not."""

    def __init__(self, doc_a: Document, doc_b: Document) -> None:
        self._docs = (doc_a, doc_b)
        self._words: dict[tuple[int, int], frozenset[str]] = {}

    def __call__(
        self, speaker: str | None, source_speaker: str | None, sentence: int, source: int
    ) -> bool:
        """Whether B's quotation in sentence ``sentence``, said by ``speaker``, has another
        speaker than its source in A's sentence ``source``, said by ``source_speaker``."""
        if not _speakers_differ(speaker, source_speaker):
            return False
        assert speaker is not None and source_speaker is not None
        return not (
            self._describes(0, source, speaker) or self._describes(1, sentence, source_speaker)
        )

    def _describes(self, side: int, sid: int, speaker: str) -> bool:
        """``speaker`` is described, not named, and article ``side`` (0: A) holds all its
        words in sentence ``sid`` or the one before."""
        words = speaker.split()
        if not words[-1][:1].islower():
            return False  # a name's last word is capitalised
        return self._near(side, sid).issuperset(word.lower() for word in words)

    def _near(self, side: int, sid: int) -> frozenset[str]:
        """The lower-cased words of sentence ``sid`` of article ``side`` and of the one before
        (read once, however often the speaker speaks)."""
        found = self._words.get((side, sid))
        if found is None:
            sentences = self._docs[side].sentences
            text = " ".join(sentences[i].text for i in (sid - 1, sid) if 0 <= i < len(sentences))
            found = self._words[(side, sid)] = frozenset(_SPEAKER_WORD.findall(text.lower()))
        return found


_SPEAKER_WORD = re.compile(r"[^\W_][\w’'-]*")
"""A word of a speaker's description, as ``str.split`` cuts one from a name found by
``_DESCRIBED``."""


@lru_cache(maxsize=4096)
def _surname(name: str) -> str:
    """The last word of ``name``, lower-cased, without a possessive "'s" (remembered: a
    speaker is compared with each of its quotations' sources)."""
    last = name.split()[-1].lower()
    return _POSSESSIVE.sub("", last)


_POSSESSIVE = re.compile(r"['’]s$")


def _same_place(
    f: Found,
    doc_a: Document,
    doc_b: Document,
    pairs: Sequence[Pair],
    pair_of_b: dict[int, int],
    a_at: dict[int, int],
    a_found: list[Found],
) -> int | None:
    """The A quotation at the same place of an identical aligned sentence, if any."""
    index = pair_of_b.get(f.sentence, -1)
    if index < 0 or pairs[index].status is not Status.SAME:
        return None
    pair = pairs[index]
    if len(pair.a) != len(pair.b):
        return None  # the same words split otherwise ("... people" / "over the weekend.")
    a_sentence = doc_a.sentences[pair.a[pair.b.index(f.sentence)]]
    b_sentence = doc_b.sentences[f.sentence]
    found = a_at.get(a_sentence.start + (f.start - b_sentence.start))
    if found is None:
        return None
    a_f = a_found[found]
    a_text = fold_quotes(doc_a.text[a_f.start : a_f.end])
    return found if a_text == fold_quotes(doc_b.text[f.start : f.end]) else None


def _pair_leftovers(
    qa: Sequence[_Quotation],
    qb: Sequence[_Quotation],
    links: dict[int, _Link],
    related_a: set[int],
    unrelated: set[tuple[int, int]],
) -> None:
    """A new quotation in a sentence whose counterpart lost one of its own is that one altered.

    "working around the clock" -> "working day and night" shares too few words for the
    fuzzy search, but it sits in the same place of the same aligned sentence: when an
    aligned pair holds exactly one unrelated quotation on each side, they are related.
    """
    left_a: dict[int, list[int]] = {}
    left_b: dict[int, list[int]] = {}
    for q in qa:
        if q.pair >= 0 and q.index not in related_a and q.words.keys:
            left_a.setdefault(q.pair, []).append(q.index)
    for q in qb:
        if q.pair >= 0 and q.index not in links and q.words.keys:
            left_b.setdefault(q.pair, []).append(q.index)
    for pair, bs in left_b.items():
        as_ = left_a.get(pair, [])
        if len(bs) == 1 and len(as_) == 1 and (as_[0], bs[0]) not in unrelated:
            a_f = qa[as_[0]].found
            links[bs[0]] = _Link(as_[0], bs[0], QuoteStatus.ALTERED, (a_f.start, a_f.end), 0.0)
            related_a.add(as_[0])
