"""Provides the editorial layer: added claims in B and dropped details in A.

A word diff says which words changed; this module says which changes *matter*. A
change is a claim only when the other article does not support it anywhere:

- facts: numbers, dates, durations ("over two years"), proper names (people, places,
  organisations), roles ("head of the sovereign wealth fund"); a fact is supported when
  the other article has the same value or name (``Washington`` is supported by ``US``);
- quotations: new or altered ones (from quotes.py);
- assertions: a whole added (dropped) sentence, or an inserted (deleted) clause inside
  a reworded group that brings at least three informative words the other article
  lacks. Attribution and filler ("made the claim on social media", "notably") is
  rewording, not a claim.

The same rules run in both directions, so swapping A and B swaps added and dropped.

API:
    find_claims(doc_a, doc_b, pairs, quotes) -> list[Claim]
    Support
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from diffreader.engine.model import (
    Claim,
    ClaimCategory,
    ClaimKind,
    Document,
    Op,
    Pair,
    Quote,
    QuoteStatus,
    SentenceKind,
    Side,
    Status,
)
from diffreader.engine.text import (
    STOPWORDS,
    is_word,
    sentence_tokens,
    stem,
    word_key_set,
    word_keys,
)

__all__ = ["Fact", "Support", "find_claims", "find_facts", "names_in_use"]

# ---------------------------------------------------------------------------
# Lexicons

_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "dozen": 12, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "half": 0.5, "twice": 2,
    "once": 1, "double": 2, "triple": 3,
}  # fmt: skip
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_SEASONS = "spring summer autumn fall winter".split()
_UNITS = (
    r"years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries|century|nights?|"
    r"seasons?|terms?|rounds?"
)
_NUM = r"(?:\d+(?:[.,]\d+)*|" + "|".join(_NUMBER_WORDS) + r"|a few|several|many|a|an)"
_QUALIFIER = (
    r"(?:(?:for|over|more than|less than|nearly|almost|about|around|roughly|at least|"
    r"at most|up to|some|just|only|under|within|after|in)\s+)?"
)
_DURATION = re.compile(
    rf"\b{_QUALIFIER}{_NUM}(?:[\s-]+(?:and a half|full|long))?[\s-]+(?:{_UNITS})\b(?:\s+ago)?",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"\b(?:(?:last|this|next|early|late|mid)[\s-]+(?:"
    + "|".join(_MONTHS + _WEEKDAYS + _SEASONS)
    + r"|week|month|year|weekend)"
    r"|(?:(?:on|in|since|by|from|until)\s+)?(?:"
    + "|".join(m.capitalize() for m in _MONTHS)
    + r")\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?"
    r"|(?:(?:on|since|by|from|until)\s+)?(?:" + "|".join(d.capitalize() for d in _WEEKDAYS) + r")"
    r"|(?:in\s+)?(?:1[89]\d\d|20\d\d)s?"
    r"|\d{4}-\d{2}-\d{2})\b",
)
_FIGURE = (
    r"(?:[$€£¥]\s?)?\b\d+(?:[.,]\d+)*"
    r"(?:(?:st|nd|rd|th|s|m|bn|k)\b|\s*%|\s+per\s?cent\b|\s+percent\b|\b)"
    r"(?:\s+(?:million|billion|trillion|thousand|hundred)\b)?"
)
_SPELLED = (
    r"\b(?:"
    + "|".join(k for k in _NUMBER_WORDS if k not in ("once", "double", "half"))
    + r")(?:[\s-]+(?:largest|biggest|smallest|highest|lowest|richest|round|time|term|"
    r"million|billion|thousand|hundred|per\s?cent|percent))?\b"
)
_NUMBER = re.compile(f"{_FIGURE}|{_SPELLED}", re.IGNORECASE)
"""A number: a figure (with its currency, suffix or unit) or a number word."""
# The two halves on their own. A figure starts with a currency sign or a digit and a
# number word with a letter, so the two never start at the same place; a number word
# inside a figure ("5 thousand") is dropped as finditer over ``_NUMBER`` would.
_NUMBER_FIGURE = re.compile(
    _FIGURE.replace(r"(?:[$€£¥]\s?)?\b\d+", r"(?:[$€£¥]\s?(?=\d)|(?<!\w)(?=\d))\d+", 1),
    re.IGNORECASE,
)
_NUMBER_SPELLED = re.compile(_SPELLED, re.IGNORECASE)
_ROLE = re.compile(
    r"\b(?:head|chief|director|chair(?:man|woman|person)?|founder|co-founder|ceo|president|"
    r"minister|secretary|spokes(?:man|woman|person)|ambassador|envoy|advis[eo]r|aide|member|"
    r"leader|governor|mayor|manager|editor|professor|commander|owner|boss|architect|"
    r"negotiator)\s+(?:of|for)\s+(?:the\s+)?(?P<np>[^,.;:()“”\"]{3,80}?)"
    r"(?=[,.;:()“”\"]|\s+(?:and|who|which|that|has|have|had|is|was|said|made|on|in)\b|$)",
    re.IGNORECASE,
)
_NAME_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w-]*(?:['’][A-Z][\w-]*)?\.?)"
_NAME = re.compile(rf"{_NAME_WORD}(?:\s+(?:(?:of|the|de|del|van|von|bin|al|for)\s+)?{_NAME_WORD})*")
_ORG_HEADS = frozenset(
    """fund bank ministry council agency association company corporation corp inc ltd llc
    group party union organisation organization department committee commission institute
    university trust foundation authority court office service services army navy times post
    news press engineering conference forum parliament senate congress assembly board bureau
    federation league alliance club society network centre center agency academy school
    college hospital museum church police brigade regiment airline airways""".split()
)
_TITLES = frozenset(
    """mr mrs ms dr prof president presidents minister prime secretary senator rep gov governor
    mayor king queen prince princess sir lord lady general gen col colonel captain capt judge
    justice ambassador envoy chancellor premier pope sheikh crown chief ceo director leader
    foreign finance defense defence interior former deputy vice acting local harbour harbor
    master officer mp mep""".split()
)
_PLACES = frozenset(
    """afghanistan albania algeria america angola argentina armenia australia austria
    azerbaijan bahrain bangladesh belarus belgium bolivia bosnia brazil britain bulgaria
    cambodia cameroon canada chile china colombia congo croatia cuba cyprus czechia denmark
    egypt england estonia ethiopia europe finland france georgia germany ghana greece
    hungary iceland india indonesia iran iraq ireland israel italy japan jordan kazakhstan
    kenya korea kosovo kuwait latvia lebanon libya lithuania luxembourg malaysia mali malta
    mexico moldova mongolia montenegro morocco myanmar nepal netherlands nigeria norway oman
    pakistan palestine panama peru philippines poland portugal qatar romania russia rwanda
    scotland serbia singapore slovakia slovenia somalia spain sudan sweden switzerland syria
    taiwan tajikistan tanzania thailand tunisia turkey turkmenistan uganda ukraine
    uzbekistan venezuela vietnam wales yemen zambia zimbabwe alaska california texas florida
    crimea donbas donetsk luhansk kherson zaporizhzhia kharkiv odesa kyiv kiev moscow
    washington london paris berlin beijing tokyo brussels rome madrid warsaw minsk tehran
    jerusalem gaza ankara istanbul cairo riyadh doha dubai delhi geneva vienna helsinki
    stockholm oslo copenhagen budapest prague bucharest sofia athens lisbon dublin
    ottawa canberra seoul pyongyang hanoi manila jakarta bangkok yalta siberia arctic
    africa asia balkans caucasus baltic pacific atlantic mediterranean us usa uk uae ussr""".split()
)
# Rewording that A supports: the other side's names that count as the same thing.
_EQUIVALENT = {
    "washington": ("us", "america", "american", "united states"),
    "moscow": ("russia", "russian", "kremlin"),
    "kremlin": ("russia", "russian", "moscow"),
    "kyiv": ("ukraine", "ukrainian"),
    "kiev": ("ukraine", "ukrainian"),
    "beijing": ("china", "chinese"),
    "london": ("uk", "britain", "british"),
    "british": ("uk", "britain", "london"),
    "american": ("us", "america", "washington"),
    "russian": ("russia", "moscow", "kremlin"),
    "ukrainian": ("ukraine", "kyiv"),
    "soviet": ("ussr", "soviet union"),
    "us": ("america", "american", "washington", "united states"),
    "uk": ("britain", "british", "united kingdom"),
}
_GENERIC = frozenset(
    stem(w)
    for w in """said say says stated state claimed claim claims asserted assert noted note
    argued argue emphasized emphasised emphasize stressed added told tell wrote write post
    posted posts message statement statements remarks remark comment comments commented
    shared social media platform online according reportedly reported report reports
    official officials source sources notably furthermore moreover meanwhile however also
    additionally indeed significant significantly development developments recent recently
    ongoing current currently previous previously former latter senior high-level high
    level key major potential possible possibly likely widely widespread various several
    many much further amid among despite while made make making highlighted highlight
    described describe describing called call referred referring suggested suggest
    indicated indicate expressed express expressing underscores underscore underscored
    marked mark comes came come news story article piece narrative figure figures
    individual people person thing things way ways part parts time times day days roughly
    approximately about around nearly almost some just only still again also now then""".split()
)

# ---------------------------------------------------------------------------
# Support: what one article contains, for checking the other's facts against it


_MAY_HOLD_FACT = re.compile(r"[A-Z0-9$€£¥%]")
"""A changed stretch without these cannot hold a name, a figure or a date written in digits."""
_FACT_WORD = re.compile(
    r"\b(?:"
    + "|".join([*_NUMBER_WORDS, *_MONTHS, *_WEEKDAYS, *_SEASONS, "last", "next", "ago"])
    + r"|head|chief|director|chair\w*|founder|ceo|president|minister|secretary|spokes\w+|"
    r"ambassador|envoy|advis[eo]r|aide|member|leader|governor|mayor|manager|editor|professor|"
    r"commander|owner|boss|architect|negotiator)\b"
)
"""Lower-case words that can start a fact: number words, dates, roles."""
_UNIT_WORD = re.compile(rf"\b(?:{_UNITS})\b", re.IGNORECASE)
_UNIT_WORD_LOWER = re.compile(rf"\b(?:{_UNITS})\b")
_VALUE_BEFORE_LOWER = re.compile(rf"\b({_NUM})(?:[\s-]+\w+)?[\s-]+\Z")
"""For lower-cased text: a unit word, and the value read just before it ("two full |years")."""
_HAS_NUMBER = re.compile(r"\d|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)


def _durations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of durations in ``text[start:end]``, found from their unit word backwards.

    Searching for the rare unit word first and then matching the short stretch before
    it is much faster than trying the whole pattern at every word of a long article.
    """
    out: list[tuple[int, int]] = []
    last = start
    for unit in _UNIT_WORD.finditer(text, start, end):
        window = max(last, unit.start() - 48)
        for match in _DURATION.finditer(text, window, min(end, unit.end() + 6)):
            if match.start() >= last and match.end() >= unit.end():
                out.append((match.start(), match.end()))
                last = match.end()
                break
    return out


def _duration_key(text: str) -> tuple[str, str]:
    """(value, unit) of a duration: "over two years" -> ("2", "year")."""
    unit = re.search(_UNITS, text, re.IGNORECASE)
    value = re.search(rf"\b{_NUM}\b", text, re.IGNORECASE)
    return (
        _number_value(value.group()) if value else "",
        stem(unit.group().lower()) if unit else "",
    )


def _number_value(token: str) -> str:
    token = token.lower().replace(",", "")
    if token in _NUMBER_WORDS:
        return str(_NUMBER_WORDS[token])
    match = re.match(r"\d+(?:\.\d+)?", token)
    return match.group() if match else token


@dataclass(slots=True)
class Support:
    """An index of one article's words, names and numbers."""

    stems: set[str]
    numbers: set[str]
    lowered: str
    text: str
    _durations: set[tuple[str, str]] | None = None

    def has_duration(self, key: tuple[str, str]) -> bool:
        """The article states this (value, unit) duration ("two years" == "2 years")."""
        if self._durations is None:  # indexed when first needed: most checks never are
            # Unit words are rare and cheap to find; the value is read just before each.
            # Lower-cased text and case-sensitive patterns: about four times faster.
            text = self.lowered
            found: set[tuple[str, str]] = set()
            for unit in _UNIT_WORD_LOWER.finditer(text):
                end = unit.start()
                lo = start = max(0, end - 40)
                # The value is in the last three words before the unit ("a few more |
                # weeks"): start there rather than try the pattern at all 40 places. The
                # text's spaces are single (and words may also meet at hyphens, which only
                # moves this start further back).
                cut = end - 1
                for _ in range(4):
                    cut = text.rfind(" ", lo, cut)
                    if cut < 0:
                        break
                else:
                    start = cut + 1
                value = _VALUE_BEFORE_LOWER.search(text, start, end)
                if value:
                    found.add((_number_value(value.group(1)), stem(unit.group())))
            self._durations = found
        return key in self._durations

    @classmethod
    def of(
        cls, doc: Document, known: frozenset[str] = frozenset(), skip: frozenset[int] = frozenset()
    ) -> Support:
        """Index the content sentences of ``doc``.

        ``known`` holds the word keys of the sentences ``skip`` lists (sentences both
        articles share, indexed once for the two of them).
        """
        content = [
            s
            for s in doc.sentences
            if s.kind in (SentenceKind.BODY, SentenceKind.HEADLINE, SentenceKind.BOILERPLATE)
        ]
        text = "\n".join(s.text for s in content)
        lowered = " ".join(text.lower().split())
        stems: set[str] = set()
        numbers: set[str] = set()
        keys = word_key_set("\n".join(s.text for s in content if s.id not in skip)) | known
        for key in keys:
            stems.add(stem(key))
            if key[0].isdigit() or key in _NUMBER_WORDS:
                numbers.add(_number_value(key))
        padded = f" {lowered} "
        for word, equivalents in _EQUIVALENT.items():
            # A one-word equivalent in the text is among the stems already.
            if any(stem(e) in stems or (" " in e and f" {e} " in padded) for e in equivalents):
                stems.add(word)
        return cls(stems, numbers, lowered, text)

    def has_number(self, text: str) -> bool:
        """Every number in ``text`` occurs in the article."""
        values = [
            _number_value(key)
            for key in word_keys(text)
            if key[:1].isdigit() or key in _NUMBER_WORDS
        ]
        return all(v in self.numbers for v in values)

    def has_words(self, text: str) -> float:
        """Share of ``text``'s content words that occur in the article."""
        words = [stem(k) for k in word_keys(text) if is_word(k) and k not in STOPWORDS]
        if not words:
            return 1.0
        return sum(1 for w in words if w in self.stems) / len(words)

    def has_name(self, name: str) -> bool:
        """The name's head word (a surname, a place) occurs in the article."""
        words = [k for k in word_keys(name) if is_word(k) and k not in STOPWORDS]
        words = [w for w in words if w not in _TITLES] or words
        if not words:
            return True
        if stem(words[-1]) in self.stems:
            return True
        acronym = "".join(w[0] for w in words if w not in ("of", "and", "the"))
        return len(words) > 1 and acronym in self.stems


# ---------------------------------------------------------------------------
# Facts


@dataclass(frozen=True, slots=True)
class Fact:
    """A checkable detail found in a text span."""

    category: ClaimCategory
    start: int
    end: int


def _sentence_initial(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence: after a full stop, also one inside a closing
    quotation mark or bracket ('… “new reality.” Meanwhile').

    >>> _sentence_initial('part of the “new reality.” Meanwhile, talks', 27)
    True
    >>> _sentence_initial("talks with Putin", 11)
    False
    """
    before = text[max(0, start - 40) : start].rstrip(" \t\"“‘'(")
    if not before and start > 40:
        return False
    before = before.rstrip("\"”’')]»")
    return not before or before[-1] in ".!?\n:"


_DEMONYM = re.compile(
    r"^[A-Z][a-z]+(?:ern|ean|ian|ese|ish)$|^(?:American|Mexican|Soviet|Nazi|Allied|Arab|Thai|"
    r"Iraqi|Israeli|Pakistani|Saudi|Kuwaiti|Yemeni|Afghan|Dutch|French|Greek|Swiss|Welsh|Scots?|"
    r"Irish|British|Slavic|Baltic|Atlantic|Pacific|Arctic|Islamic|Catholic|Muslim|Jewish)$"
)
_CAPITALISED = re.compile(r"(?<=[\w,;] )[A-Z][\w-]+")


def names_in_use(doc: Document) -> frozenset[str]:
    """Capitalised words the article (or its rival) writes mid-sentence: names, not openers.

    Headlines and page furniture in title case ("Rail Line Shut As Floods Hit") capitalise
    every word, so they do not count.
    """
    text = "\n".join(
        s.text for s in doc.sentences if s.kind is SentenceKind.BODY or not _is_title_case(s.text)
    )
    return frozenset(_CAPITALISED.findall(text))


_UNIT_KEYS = frozenset(
    "year years month months week weeks day days hour hours minute minutes decade decades "
    "centuries century night nights season seasons term terms round rounds".split()
)
_DATE_KEYS = frozenset([*_MONTHS, *_WEEKDAYS, *_SEASONS, "week", "month", "year", "weekend"])
_FOUR_DIGITS = re.compile(r"\d{4}")
_DIGIT = re.compile(r"\d")
_NON_WORD = re.compile(r"\W+")
_NUMBER_KEYS = frozenset(k for k in _NUMBER_WORDS if k not in ("once", "double", "half"))
_ROLE_KEYS = frozenset(
    """head chief director chair chairman chairwoman chairperson founder ceo president
    minister secretary spokesman spokeswoman spokesperson ambassador envoy adviser advisor
    aide member leader governor mayor manager editor professor commander owner boss
    architect negotiator""".split()
)


@dataclass(frozen=True, slots=True)
class _FactGates:
    """Which fact patterns can match a stretch of text, from the words in it.

    The patterns are tried at every position, which is slow on long articles; most
    sentences hold no month, unit word, number or role word, and then need none of them.
    Each gate is True whenever its pattern can match (tested as a property).
    """

    durations: bool
    dates: bool
    figures: bool
    spelled: bool
    roles: bool

    @classmethod
    def of(cls, text: str) -> _FactGates:
        # Every pattern's key word is a whole run of word characters: splitting the
        # lower-cased text at non-word characters finds it (one C call, no tokens).
        words = set(_NON_WORD.split(text.lower()))
        digits = _DIGIT.search(text) is not None
        return cls(
            durations=not words.isdisjoint(_UNIT_KEYS),
            # A date in figures holds a year or an ISO date: four digits in a row.
            dates=not words.isdisjoint(_DATE_KEYS)
            or (digits and _FOUR_DIGITS.search(text) is not None),
            figures=digits,
            spelled=not words.isdisjoint(_NUMBER_KEYS),
            roles=not words.isdisjoint(_ROLE_KEYS) and not words.isdisjoint(("of", "for")),
        )


def _numbers(text: str, start: int, end: int, gates: _FactGates) -> list[re.Match[str]]:
    """``_NUMBER.finditer(text, start, end)``, trying each half only where it can match."""
    figures = list(_NUMBER_FIGURE.finditer(text, start, end)) if gates.figures else []
    if not gates.spelled:
        return figures
    spelled = list(_NUMBER_SPELLED.finditer(text, start, end))
    if not figures:
        return spelled
    out: list[re.Match[str]] = []
    last = start
    for match in sorted([*figures, *spelled], key=lambda m: m.start()):
        if match.start() >= last:
            out.append(match)
            last = match.end()
    return out


def find_facts(text: str, start: int, end: int, names: frozenset[str]) -> list[Fact]:
    """Numbers, dates, durations, names and roles inside ``text[start:end]``.

    ``names`` are capitalised words seen mid-sentence: a sentence-initial capital
    counts as a name only when it is one of them.
    """
    facts: list[Fact] = []
    # One flag per character: checking a candidate costs its length, not the number of facts.
    taken = bytearray(end - start)

    def free(s: int, e: int) -> bool:
        return taken.find(1, s - start, e - start) < 0

    def add(category: ClaimCategory, s: int, e: int) -> None:
        facts.append(Fact(category, s, e))
        taken[s - start : e - start] = b"\x01" * (e - s)

    gates = _FactGates.of(text[start:end])
    for d_start, d_end in _durations(text, start, end) if gates.durations else ():
        found = text[d_start:d_end]
        if _HAS_NUMBER.search(found) or re.match(
            r"(?:a few|several|many)\b", found.split(" ", 1)[-1], re.I
        ):
            add(ClaimCategory.DURATION, d_start, d_end)
    for m in _DATE.finditer(text, start, end) if gates.dates else ():
        if free(m.start(), m.end()) and not (
            m.group().lower().startswith("may") and not re.search(r"\d", m.group())
        ):
            add(ClaimCategory.DATE, m.start(), m.end())
    for m in _numbers(text, start, end, gates):
        word = m.group().lower()
        if word in ("one", "first", "second") and not re.search(r"[\s-]", word):
            continue  # "one of the", "first time": rarely a checkable figure
        if free(m.start(), m.end()):
            add(ClaimCategory.NUMBER, m.start(), m.end())
    for m in _ROLE.finditer(text, start, end) if gates.roles else ():
        if free(m.start(), m.end()):
            add(ClaimCategory.ROLE, m.start(), m.end())
    title_case = _is_title_case(text[start:end])
    for m in _NAME.finditer(text, start, end):
        if title_case:
            # "Rail Line Shut As Floods Hit Northern Towns": capitals say nothing here.
            # Only words the articles write as names elsewhere count.
            for s, e in _known_name_runs(m, names):
                if free(s, e):
                    add(_name_category(text, s, text[s:e].split()), s, e)
            continue
        s, e = m.start(), m.end()
        words = m.group().split()
        # Drop a sentence-initial common word ("The", "While", "Recent").
        while words and (
            words[0].lower() in STOPWORDS
            or words[0].lower().strip(".") in _TITLES
            or (
                s == m.start()
                and _sentence_initial(text, s)
                and words[0] not in names
                and not _first_name(words)
            )
        ):
            s += len(words[0])
            s += len(text[s:e]) - len(text[s:e].lstrip())
            words = words[1:]
        while words and words[-1].lower() in STOPWORDS:
            e -= len(words[-1])
            e = s + len(text[s:e].rstrip())
            words = words[:-1]
        if not words or not free(s, e):
            continue
        if len(words) == 1 and (
            words[0].lower() in _MONTHS
            or words[0].lower() in _WEEKDAYS
            or len(words[0]) < 2
            or _DEMONYM.search(words[0])
        ):
            continue  # "Western", "European": adjectives, not names
        add(_name_category(text, s, words), s, e)
    return sorted(facts, key=lambda f: f.start)


def _bare(word: str) -> str:
    """A name word without case, a final full stop or a possessive: "Germany." -> "germany"."""
    bare = word.lower().rstrip(".")
    if bare.endswith(("'s", "’s")):
        bare = bare[:-2]
    return bare.rstrip("'’")


_EVENTS = frozenset("wwi wwii wwiii ww1 ww2 ww3 9/11".split())


_LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")


def _is_title_case(text: str) -> bool:
    """A headline in title case: (almost) every longer word capitalised.

    >>> _is_title_case("Rail Line Shut As Floods Hit Northern Towns")
    True
    >>> _is_title_case("Heavy rain closed the line between Larvik and Skien on Tuesday.")
    False
    """
    words = _LONG_WORD.findall(text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _known_name_runs(match: re.Match[str], names: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of the runs of words in ``match`` that are names in their own right: written
    capitalised mid-sentence somewhere in the articles, a known place, or an acronym."""
    runs: list[tuple[int, int]] = []
    last_end = -1
    for word in re.finditer(r"\S+", match.group()):
        raw = word.group().rstrip(".,;:")
        bare = _bare(raw)
        known = raw in names or bare in _PLACES or (raw.isupper() and len(raw) >= 2)
        if not known or bare in STOPWORDS:
            last_end = -1
            continue
        start = match.start() + word.start()
        end = start + len(raw)
        if runs and last_end >= 0:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
        last_end = end
    return runs


_OPENERS = frozenset(
    """meanwhile yesterday today tonight earlier later however separately still instead
    overall elsewhere nevertheless nonetheless therefore thus otherwise finally first
    second third last next according despite following amid asked""".split()
)


def _first_name(words: list[str]) -> bool:
    """A sentence-initial word that opens a full name: followed by another capitalised
    word ("Gareth Quill, head of …"), and not a sentence adverb ("Meanwhile", "Earlier")."""
    head = words[0].lower()
    return (
        len(words) >= 2
        and head not in _OPENERS
        and not head.endswith("ly")
        and words[0].isalpha()
        and words[1][:1].isupper()
    )


def _name_category(text: str, start: int, words: list[str]) -> ClaimCategory:
    bare = [_bare(w) for w in words]
    last = bare[-1]
    if len(words) == 1 and last in _EVENTS:
        return ClaimCategory.NAME  # "WWII": neither a place nor an organisation
    if all(w in _PLACES for w in bare) or last in _PLACES:
        return ClaimCategory.PLACE  # before acronyms: "UK", "US"
    if words[-1].isupper() and len(words[-1].strip(".")) >= 2 and len(words) == 1:
        return ClaimCategory.ORGANISATION
    if last in _ORG_HEADS:
        return ClaimCategory.ORGANISATION
    before = text[max(0, start - 12) : start].lower()
    if re.search(r"\b(?:in|at|near|from|across|outside|to)\s+$", before) and len(words) <= 2:
        return ClaimCategory.PLACE
    prev = re.search(r"(\w+)\.?\s+$", text[max(0, start - 20) : start])
    titled = bool(prev and prev.group(1).lower() in _TITLES)
    if titled or (len(words) >= 2 and not any(w.isupper() for w in words)):
        return ClaimCategory.PERSON
    return ClaimCategory.NAME


def _supported(fact: Fact, text: str, support: Support) -> bool:
    value = text[fact.start : fact.end]
    if fact.category is ClaimCategory.DURATION:
        return support.has_duration(_duration_key(value))
    if fact.category is ClaimCategory.NUMBER:
        return support.has_number(value)
    if fact.category is ClaimCategory.DATE:
        words = [
            stem(key)
            for key in word_keys(value)
            if is_word(key) and key not in STOPWORDS and key not in ("on", "in", "by")
        ]
        return all(w in support.stems or w in support.numbers for w in words)
    if fact.category is ClaimCategory.ROLE:
        match = _ROLE.match(value)
        np = match.group("np") if match else value
        return support.has_words(np) >= 0.75
    return support.has_name(value)


# ---------------------------------------------------------------------------
# Claims


def _informative(text: str, support: Support) -> int:
    """Content words of ``text`` that the other article lacks and that are not filler."""
    return _informative_keys(word_keys(text), support)


def _informative_keys(keys: Iterable[str], support: Support) -> int:
    """``_informative`` over word keys already found."""
    count = 0
    for key in keys:
        if not is_word(key) or key in STOPWORDS:
            continue
        s = stem(key)
        if s in support.stems or s in _GENERIC or len(key) < 3:
            continue
        count += 1
    return count


_CLAUSE_BREAK = re.compile(
    r"(?<!\s)\s*[,;:()—–]\s*|(?<!\s)\s+-\s+|(?<!\s)\s+(?=(?:and|but|while|whereas|which|who|whom|whose|including|"
    r"despite|although|though|because|after|before|as well as|amid|with)\b)"
)


def _clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a sentence into clauses at punctuation and conjunctions."""
    spans: list[tuple[int, int]] = []
    pos = start
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        if match.start() > pos:
            spans.append((pos, match.start()))
        pos = match.end()
    if pos < end:
        spans.append((pos, end))
    return spans


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and not text[s].isalnum() and text[s] not in "$€£“\"'‘":
        s += 1
    while e > s and not text[e - 1].isalnum() and text[e - 1] not in "%”\"'’)":
        e -= 1
    return s, e


def _changed_runs(pair: Pair, side: Side) -> list[tuple[int, int]]:
    op_kind = Op.INSERT if side is Side.B else Op.DELETE
    runs = []
    for op in pair.ops:
        if op.op is op_kind:
            runs.append((op.b_start, op.b_end) if side is Side.B else (op.a_start, op.a_end))
    return runs


def _sentence_of(doc: Document, ids: Sequence[int], offset: int) -> int:
    for sid in ids:
        s = doc.sentences[sid]
        if s.start <= offset < s.end:
            return sid
    return ids[0] if ids else -1


def find_claims(
    doc_a: Document,
    doc_b: Document,
    pairs: Sequence[Pair],
    quotes: Sequence[Quote],
    shared: frozenset[str] | None = None,
) -> list[Claim]:
    """Added claims (side B) and dropped details (side A), in display order.

    ``shared``: the word keys of the identical (``same``) groups, if already found.
    """
    # Identical sentences have the same words on both sides: find them once.
    same_a = frozenset(i for p in pairs if p.status is Status.SAME for i in p.a)
    same_b = frozenset(i for p in pairs if p.status is Status.SAME for i in p.b)
    if shared is None:
        shared = frozenset(word_key_set("\n".join(doc_a.sentences[i].text for i in same_a)))
    support = {
        Side.A: Support.of(doc_a, shared, same_a),
        Side.B: Support.of(doc_b, shared, same_b),
    }
    # A clause inside a claimed quotation is that quotation's business (facts still count).
    # Every quotation that is not kept as it was: new, altered, dropped, or now put in
    # someone else's mouth (verbatim words, different speaker).
    claimed = [q for q in quotes if q.status is not QuoteStatus.VERBATIM or q.speaker_changed]
    quote_masks = {
        side: _Mask([(q.start, q.end) for q in claimed if q.side is side])
        for side in (Side.A, Side.B)
    }
    names = names_in_use(doc_a) | names_in_use(doc_b)
    claims: list[Claim] = []
    for index, pair in enumerate(pairs):
        if pair.status is Status.SAME:
            continue  # identical words on both sides: nothing added, nothing dropped
        clauses: dict[Side, list[tuple[int, int, int]]] = {Side.A: [], Side.B: []}
        if pair.a and pair.b and pair.status is not Status.BOILERPLATE:
            clauses = {
                Side.A: _group_clauses(pair, Side.A, doc_a, support[Side.B]),
                Side.B: _group_clauses(pair, Side.B, doc_b, support[Side.A]),
            }
        for side in (Side.A, Side.B):
            claims.extend(
                _pair_claims(index, pair, side, doc_a, doc_b, support, quote_masks, names, clauses)
            )
    for q in claimed:
        if 0 <= q.pair < len(pairs):
            pair = pairs[q.pair]
            source = pair.a if q.side is Side.B else pair.b
        else:
            source = ()
        kind = ClaimKind.ADDED if q.side is Side.B else ClaimKind.DROPPED
        claims.append(
            Claim(
                q.side,
                kind,
                ClaimCategory.QUOTATION,
                q.text,
                q.start,
                q.end,
                q.pair,
                q.sentence,
                tuple(source),
            )
        )
    order = {id(c): i for i, c in enumerate(claims)}
    # An enclosing span sorts before what it encloses: by start, then the longer first.
    claims.sort(key=lambda c: (c.pair, c.side is Side.B, c.start, -c.end, order[id(c)]))
    return _nest(claims)


_HOLDERS = (ClaimCategory.ASSERTION, ClaimCategory.QUOTATION)


def _nest(claims: list[Claim]) -> list[Claim]:
    """Point each claim inside an assertion or a quotation of the same sentence (a name
    in an added sentence, a figure in a dropped quotation) at that enclosing claim."""
    out: list[Claim] = []
    holder_index = -1
    for claim in claims:
        parent = -1
        if holder_index >= 0:
            holder = out[holder_index]
            if (
                holder.side is claim.side
                and holder.sentence == claim.sentence
                and holder.start <= claim.start
                and claim.end <= holder.end
            ):
                parent = holder_index
        if claim.category in _HOLDERS and parent < 0:
            holder_index = len(out)
        out.append(dataclasses.replace(claim, parent=parent) if parent >= 0 else claim)
    return out


def _pair_claims(
    index: int,
    pair: Pair,
    side: Side,
    doc_a: Document,
    doc_b: Document,
    support: dict[Side, Support],
    quote_masks: dict[Side, _Mask],
    names: frozenset[str],
    clauses: dict[Side, list[tuple[int, int, int]]],
) -> list[Claim]:
    doc = doc_a if side is Side.A else doc_b
    ids = pair.a if side is Side.A else pair.b
    other_ids = pair.b if side is Side.A else pair.a
    if not ids or pair.status in (Status.BOILERPLATE, Status.SAME):
        return []
    if any(doc.sentences[i].kind not in (SentenceKind.BODY, SentenceKind.HEADLINE) for i in ids):
        return []
    kind = ClaimKind.ADDED if side is Side.B else ClaimKind.DROPPED
    other = support[side.other]
    quotes_mask = quote_masks[side]
    text = doc.text
    headline = all(doc.sentences[i].kind is SentenceKind.HEADLINE for i in ids)
    out: list[Claim] = []

    def claim(category: ClaimCategory, s: int, e: int) -> None:
        s, e = _strip_span(text, s, e)
        if e > s:
            sid = _sentence_of(doc, ids, s)
            out.append(Claim(side, kind, category, text[s:e], s, e, index, sid, tuple(other_ids)))

    if not other_ids:
        # A whole sentence with no counterpart.
        for sid in ids:
            sentence = doc.sentences[sid]
            if not headline:
                # Clause by clause: the parts of an added sentence that repeat the other
                # article (who said it, what it is about) are not claims. Words inside a
                # claimed quotation are that quotation's claim, not an assertion besides it.
                flagged = [
                    (p_start, p_end)
                    for c_start, c_end in _clause_spans(text, sentence.start, sentence.end)
                    for p_start, p_end in quotes_mask.outside(c_start, c_end)
                    if _informative(text[p_start:p_end], other) >= 2
                ]
                for c_start, c_end in _merge_adjacent(text, flagged):
                    claim(ClaimCategory.ASSERTION, c_start, c_end)
            for fact in find_facts(text, sentence.start, sentence.end, names):
                if not _supported(fact, text, other):
                    claim(fact.category, fact.start, fact.end)
        return out

    runs = _changed_runs(pair, side)
    if not runs:
        return out
    changed_mask = _Mask(runs)
    if not headline:
        # Content the other side removed from this group can explain away as much content
        # added here: replacing one phrase by another is rewording, adding one is a claim.
        budget = sum(count for _, _, count in clauses[side.other])
        for first, last, count in clauses[side]:
            if count < 3:
                continue  # rewording too small to be a claim spends none of the budget
            explained = min(count, budget)
            budget -= explained
            if count - explained >= 3 and not quotes_mask.covers(first, last):
                claim(ClaimCategory.ASSERTION, first, last)
    changed_text = " ".join(text[rs:re_] for rs, re_ in runs)
    if not _MAY_HOLD_FACT.search(changed_text) and not _FACT_WORD.search(changed_text):
        return out  # no capital, digit, number, month or role word changed: no new fact
    for sid in ids:
        sentence = doc.sentences[sid]
        # Facts touching a changed run, checked against the whole other article.
        for fact in find_facts(text, sentence.start, sentence.end, names):
            if not changed_mask.touches(fact.start, fact.end):
                continue
            if not _supported(fact, text, other):
                claim(fact.category, fact.start, fact.end)
    return out


def _merge_adjacent(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join spans separated only by punctuation, spaces or a conjunction."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and re.fullmatch(r"[\s,;:()—–-]*(?:\w+\s*)?", text[out[-1][1] : start]):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


class _Mask:
    """The union of a set of spans, for overlap checks in O(log n)."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if e <= s:
                continue
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [m[0] for m in merged]
        self.ends = [m[1] for m in merged]

    def touches(self, s: int, e: int) -> bool:
        """Some character of [s, e) is covered."""
        i = bisect_left(self.starts, e) - 1  # the last interval starting before e
        return i >= 0 and self.ends[i] > s

    def outside(self, s: int, e: int) -> list[tuple[int, int]]:
        """The stretches of [s, e) that no span covers, in order.

        >>> _Mask([(3, 5), (7, 8)]).outside(0, 10)
        [(0, 3), (5, 7), (8, 10)]
        """
        out: list[tuple[int, int]] = []
        pos = s
        for i in range(max(0, bisect_right(self.ends, s)), len(self.starts)):
            if self.starts[i] >= e:
                break
            if self.starts[i] > pos:
                out.append((pos, self.starts[i]))
            pos = max(pos, self.ends[i])
        if pos < e:
            out.append((pos, e))
        return out

    def covers(self, s: int, e: int) -> bool:
        """Every character of [s, e) is covered."""
        i = bisect_right(self.starts, s) - 1
        return e > s and i >= 0 and self.ends[i] >= e


def _changed_clauses(
    doc: Document, sid: int, mask: _Mask, other: Support
) -> list[tuple[int, int, int]]:
    """(start, end, informative words) of the changed part of each clause of a sentence."""
    sentence = doc.sentences[sid]
    run = sentence_tokens(sentence.text, sentence.start)
    starts, ends, keys = run.bounds[:-1], run.bounds[1:], run.keys
    # Flag the tokens each changed run touches: a few bisections per run, not one per token.
    touched = bytearray(len(keys))
    for k in range(bisect_right(mask.ends, sentence.start), len(mask.starts)):
        run_start, run_end = mask.starts[k], mask.ends[k]
        if run_start >= sentence.end:
            break
        lo, hi = bisect_right(ends, run_start), bisect_left(starts, run_end)
        if hi > lo:
            touched[lo:hi] = b"\x01" * (hi - lo)
    out = []
    for c_start, c_end in _clause_spans(doc.text, sentence.start, sentence.end):
        changed = [
            i
            for i in range(bisect_left(starts, c_start), bisect_left(starts, c_end))
            if touched[i] and is_word(keys[i])
        ]
        if changed:
            count = _informative_keys([keys[i] for i in changed], other)
            out.append((starts[changed[0]], ends[changed[-1]], count))
    return out


def _group_clauses(
    pair: Pair, side: Side, doc: Document, other: Support
) -> list[tuple[int, int, int]]:
    """(start, end, informative words) of each changed clause on one side of a group."""
    runs = _changed_runs(pair, side)
    if not runs:
        return []
    mask = _Mask(runs)
    ids = pair.a if side is Side.A else pair.b
    out: list[tuple[int, int, int]] = []
    for sid in ids:
        out.extend(_changed_clauses(doc, sid, mask, other))
    return out
