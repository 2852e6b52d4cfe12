"""Provides quotation checks: is each quotation in B verbatim, altered or new?

Quotations are found per paragraph (a multi-sentence quotation is one quotation), with
curly, straight and guillemet marks; a quotation left open runs to the end of its
paragraph, as news style does. Matching ignores quote marks, case, punctuation,
editorial brackets (``[former US President Joe]``) and ellipses.

- ``verbatim``: B's words occur, in order, inside one quotation of A (each fragment
  between ellipses contiguous).
- ``altered``: a quotation of A is close (fuzzy alignment with rapidfuzz, enough shared
  content words), but the words differ; the source span and a word diff are carried.
- ``new``: no quotation of A is its source.
Quotations of A that no B quotation draws on are reported as ``dropped``.

Speakers are read from speech verbs next to the quotation ("Dmitriev said", "he
wrote", "according to Lavrov"), resolving pronouns to the last speaker named.

API:
    find_quotations(doc) -> list[Found]
    check_quotes(doc_a, doc_b, pairs) -> list[Quote]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from diffreader.engine.model import (
    Document,
    Pair,
    Quote,
    QuoteStatus,
    SentenceKind,
    Side,
    Span,
)
from diffreader.engine.text import STOPWORDS, Token, is_word, stem, tokenize
from diffreader.engine.worddiff import word_diff

__all__ = ["Found", "check_quotes", "find_quotations"]

_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“"}
_SPEECH = (
    r"said|says|say|wrote|writes|stated|states|added|adds|asserted|argued|noted|told|tells|"
    r"warned|insisted|declared|explained|claimed|remarked|continued|concluded|acknowledged|"
    r"emphasi[sz]ed|tweeted|posted|stating|noting|saying|adding|read|reads|recalled|replied|"
    r"answered|admitted|commented|announced|asked|according to|quoted"
)
_NAME = r"(?:[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|de|van|von|bin|al))*)"
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_SPEAKER_BEFORE = re.compile(
    rf"(?P<name>{_NAME}|\b[Hh]e|\b[Ss]he|\b[Tt]hey)\b[^.“”\"]{{0,60}}?\b(?:{_SPEECH})\b[^.“”\"]{{0,40}}$"
)
_SPEAKER_AFTER = re.compile(
    rf"^\W{{0,3}}\s*(?:(?P<name1>{_NAME}|he|she|they)\s+(?:{_SPEECH})\b|(?:{_SPEECH})\s+(?P<name2>{_NAME}))"
)
_BRACKETS = re.compile(r"\[[^\]\n]{0,80}\]")
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


def _raw_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Inner (start, end) of quotations within ``text[start:end]``."""
    out: list[tuple[int, int]] = []
    i = start
    straight_open: int | None = None
    while i < end:
        ch = text[i]
        if ch in _OPEN_CLOSE:
            close = text.find(_OPEN_CLOSE[ch], i + 1, end)
            stop = close if close != -1 else end
            out.append((i + 1, stop))
            i = stop + 1
            continue
        if ch == '"':
            if straight_open is None:
                straight_open = i + 1
            else:
                out.append((straight_open, i))
                straight_open = None
        i += 1
    if straight_open is not None:
        out.append((straight_open, end))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _speaker_at(text: str, before: str, after: str) -> str | None:
    match = _SPEAKER_AFTER.search(after)
    if match:
        return match.group("name1") or match.group("name2")
    match = _SPEAKER_BEFORE.search(before)
    if match:
        return match.group("name")
    return None


def find_quotations(doc: Document) -> list[Found]:
    """Quotations of ``doc`` with their sentence and speaker (when it can be told)."""
    text = doc.text
    found: list[Found] = []
    sentence_starts = [s.start for s in doc.sentences]
    last_speaker: str | None = None
    for p_start, p_end, _ in _paragraph_spans(doc):
        for q_start, q_end in _raw_quotes(text, p_start, p_end):
            sid = _sentence_at(doc, sentence_starts, q_start)
            sentence = doc.sentences[sid]
            before = text[min(sentence.start, q_start - 1) : max(q_start - 1, sentence.start)]
            after = text[min(q_end + 1, p_end) : min(p_end, q_end + 80)]
            speaker = _speaker_at(text, before, after)
            if speaker and speaker.lower() in _PRONOUNS:
                speaker = last_speaker
            if speaker and speaker.split()[0].lower() in STOPWORDS:
                speaker = None
            if speaker:
                last_speaker = speaker
            found.append(Found(q_start, _trim(text, q_start, q_end), sid, speaker))
    return found


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t,":
        end -= 1
    return end


def _sentence_at(doc: Document, starts: list[int], offset: int) -> int:
    from bisect import bisect_right

    index = max(0, bisect_right(starts, offset) - 1)
    return doc.sentences[index].id


def _words(text: str, start: int, end: int) -> list[Token]:
    """Word tokens of a quotation, with editorial brackets blanked out."""
    inner = _BRACKETS.sub(lambda m: " " * len(m.group()), text[start:end])
    return [t for t in tokenize(inner, start) if is_word(t.key)]


def _fragments(text: str, start: int, end: int) -> list[list[Token]]:
    """Word lists of the fragments between ellipses."""
    out: list[list[Token]] = []
    pos = start
    for match in _ELLIPSIS.finditer(text, start, end):
        out.append(_words(text, pos, match.start()))
        pos = match.end()
    out.append(_words(text, pos, end))
    return [f for f in out if f]


def _contains(hay: Sequence[str], needle: Sequence[str], start: int = 0) -> int:
    """Index of ``needle`` as a contiguous run in ``hay`` at or after ``start``, or -1."""
    n = len(needle)
    for i in range(start, len(hay) - n + 1):
        if hay[i : i + n] == needle:
            return i
    return -1


def _verbatim_in(b_frags: list[list[Token]], a_words: list[Token]) -> tuple[int, int] | None:
    keys = [t.key for t in a_words]
    pos = 0
    first = last = -1
    for frag in b_frags:
        at = _contains(keys, [t.key for t in frag], pos)
        if at < 0:
            return None
        if first < 0:
            first = at
        pos = at + len(frag)
        last = pos - 1
    return (a_words[first].start, a_words[last].end) if first >= 0 else None


def _content(tokens: Sequence[Token]) -> set[str]:
    return {stem(t.key) for t in tokens if t.key not in STOPWORDS}


def _best_altered(
    b_words: list[Token], a_quotes: list[tuple[Found, list[Token]]]
) -> tuple[int, int, int, float] | None:
    """(A quotation index, source start, source end, score) of the closest A quotation."""
    from rapidfuzz import fuzz

    b_str = " ".join(t.key for t in b_words)
    b_content = _content(b_words)
    if len(b_words) < 3 or not b_content:
        return None
    best: tuple[int, int, int, float] | None = None
    for index, (_, a_words) in enumerate(a_quotes):
        if not a_words:
            continue
        a_str = " ".join(t.key for t in a_words)
        aligned = fuzz.partial_ratio_alignment(b_str, a_str)
        if aligned is None or aligned.score < 55:
            continue
        first, last = _char_to_words(a_words, aligned.dest_start, aligned.dest_end)
        window = a_words[first : last + 1]
        shared = len(b_content & _content(window)) / len(b_content)
        if shared < 0.5:
            continue
        score = (aligned.score / 100 + shared) / 2
        if best is None or score > best[3]:
            best = (index, window[0].start, window[-1].end, score)
    return best


def _char_to_words(words: list[Token], start: int, end: int) -> tuple[int, int]:
    """Word indexes covering characters [start, end) of ' '.join(keys)."""
    pos = 0
    first, last = 0, len(words) - 1
    found_first = False
    for i, token in enumerate(words):
        w_end = pos + len(token.key)
        if not found_first and w_end > start:
            first, found_first = i, True
        if pos < end:
            last = i
        pos = w_end + 1
    return first, max(first, last)


def check_quotes(doc_a: Document, doc_b: Document, pairs: Sequence[Pair]) -> list[Quote]:
    """Classify every quotation of B, and report A's quotations that B dropped."""
    pair_of_a = {sid: i for i, p in enumerate(pairs) for sid in p.a}
    pair_of_b = {sid: i for i, p in enumerate(pairs) for sid in p.b}
    a_found = find_quotations(doc_a)
    a_quotes = [(f, _words(doc_a.text, f.start, f.end)) for f in a_found]
    used_a: set[int] = set()
    out: list[Quote] = []
    for f in find_quotations(doc_b):
        b_words = _words(doc_b.text, f.start, f.end)
        if not b_words:
            continue
        frags = _fragments(doc_b.text, f.start, f.end)
        status = QuoteStatus.NEW
        source: Span | None = None
        score = 0.0
        ops = ()
        source_speaker: str | None = None
        for index, (a_f, a_words) in enumerate(a_quotes):
            span = _verbatim_in(frags, a_words)
            if span:
                status, source, score = QuoteStatus.VERBATIM, Span(*span), 1.0
                source_speaker = a_f.speaker
                used_a.add(index)
                break
        else:
            best = _best_altered(b_words, a_quotes)
            if best is not None:
                index, s_start, s_end, score = best
                status, source = QuoteStatus.ALTERED, Span(s_start, s_end)
                source_speaker = a_quotes[index][0].speaker
                used_a.add(index)
                ops = tuple(
                    word_diff(
                        [(s_start, doc_a.text[s_start:s_end])],
                        [(f.start, doc_b.text[f.start : f.end])],
                    )
                )
        changed = bool(
            f.speaker
            and source_speaker
            and _surname(f.speaker) != _surname(source_speaker)
            and status is not QuoteStatus.NEW
        )
        out.append(
            Quote(
                side=Side.B,
                start=f.start,
                end=f.end,
                text=doc_b.text[f.start : f.end],
                status=status,
                source=source,
                ops=ops,
                score=round(score, 4),
                speaker=f.speaker,
                source_speaker=source_speaker,
                speaker_changed=changed,
                sentence=f.sentence,
                pair=pair_of_b.get(f.sentence, -1),
            )
        )
    for index, (a_f, _) in enumerate(a_quotes):
        if index in used_a:
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


def _surname(name: str) -> str:
    return name.split()[-1].lower().rstrip("’'s")
