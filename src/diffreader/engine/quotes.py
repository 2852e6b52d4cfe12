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

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, compress
from operator import sub

from diffreader.engine.lexicon import (
    HONORIFICS,
    NAME_PARTICLES,
    PRONOUNS,
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
)
from diffreader.engine.text import Token, fold_quotes, is_word, stem, tokenize
from diffreader.engine.worddiff import word_diff

__all__ = ["Found", "check_quotes", "find_quotations"]

_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“"}
_SPEECH = alternation(REPORTING_VERBS)
_NAME_WORD = r"(?:[A-Z][^\W\d_A-Z][\w’'-]*|[A-Z]\.)"
_NAME = re.compile(rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|" + alternation(NAME_PARTICLES) + "))*")
_VERB = re.compile(rf"\b(?:{_SPEECH})\b")
_AFTER = re.compile(
    rf"^[\s,.”\"’]*(?:(?P<name1>{_NAME.pattern}|he|she|they)\s+(?:{_SPEECH})\b"
    rf"|(?:{_SPEECH})\s+(?P<name2>{_NAME.pattern}))"
)
_MAX_SOURCES = 8
"""How many A quotations (those sharing the most words) are searched for an altered source."""
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


_QUOTE_MARK = re.compile(r'["“«„]')


def _raw_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Inner (start, end) of quotations within ``text[start:end]``.

    Curly and guillemet quotations run to their closing mark; straight quotes pair up
    in order. A quotation left open runs to the end of the paragraph.
    """
    out: list[tuple[int, int]] = []
    straight_open: int | None = None
    pos = start
    while True:
        match = _QUOTE_MARK.search(text, pos, end)
        if match is None:
            break
        i = match.start()
        ch = text[i]
        if ch == '"':
            if straight_open is None:
                straight_open = i + 1
            else:
                out.append((straight_open, i))
                straight_open = None
            pos = i + 1
            continue
        close = text.find(_OPEN_CLOSE[ch], i + 1, end)
        straight = text.find('"', i + 1, close if close != -1 else end)
        if straight != -1:
            close = straight  # mixed marks (“…"), common in hand-edited copy
        stop = close if close != -1 else end
        out.append((i + 1, stop))
        pos = stop + 1
    if straight_open is not None:
        out.append((straight_open, end))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _speaker_at(before: str, after: str) -> str | None:
    """Who says the quotation: a name or pronoun next to a speech verb.

    ``before`` is the sentence up to the opening mark, ``after`` the rest of the
    sentence after the closing mark.
    """
    match = _AFTER.search(after)
    if match:
        return match.group("name1") or match.group("name2")
    verbs = list(_VERB.finditer(before))
    if not verbs:
        return None
    head = before[: verbs[-1].start()]
    pronoun = re.search(r"\b(he|she|they)\s+(?:\w+\s+)?$", head, re.IGNORECASE)
    if pronoun:
        return pronoun.group(1)
    names = [m for m in _NAME.finditer(head) if _is_person_like(m.group(), head, m.start())]
    if not names:
        return None
    if verbs[-1].group().endswith("ing"):
        return names[0].group()  # "X referenced ..., stating:": the subject speaks
    last = names[-1]
    if len(head[last.end() :].split()) <= 3:
        return last.group()
    return names[0].group()


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
        re.compile(r"\b([A-Z][^\W\d_A-Z]+ [A-Z][^\W\d_A-Z]+)\b"),  # "Ines Varga"
    ):
        for match in pattern.finditer(text):
            people.add(match.group(1).split()[-1])
    return frozenset(people)


def _recent_subject(doc: Document, sid: int, people: frozenset[str]) -> str | None:
    """Antecedent of a pronoun: the first known person of the closest preceding sentence."""
    for prev in range(sid, max(-1, sid - 4), -1):
        sentence = doc.sentences[prev]
        if sentence.kind is not SentenceKind.BODY:
            continue
        for match in _NAME.finditer(sentence.text):
            if match.group().split()[-1] in people:
                return match.group()
    return None


def _is_person_like(name: str, text: str, start: int) -> bool:
    first = name.split()[0]
    if first.lower() in STOPWORDS:
        return False
    # A sentence-initial adverb ("Specifically", "Separately") is not a speaker.
    return not (start == 0 and len(name.split()) == 1 and first.lower().endswith(("ly", "ing")))


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
            before = text[sentence.start : max(q_start - 1, sentence.start)]
            end_sentence = doc.sentences[_sentence_at(doc, sentence_starts, q_end)]
            after = text[min(q_end + 1, p_end) : max(q_end + 1, end_sentence.end)]
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


class _Words:
    """An A quotation's words prepared for the window search: content stems ("" for a
    stopword), the keys joined by spaces, and where each word starts in that string."""

    __slots__ = ("joined", "offsets", "stems", "tokens")

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.stems = [stem(t.key) if t.key not in STOPWORDS else "" for t in tokens]
        self.joined = " ".join(t.key for t in tokens)
        self.offsets = list(accumulate((len(t.key) + 1 for t in tokens), initial=0))


def _most_shared(shared_by: Counter[int]) -> list[tuple[int, int]]:
    """``heapq.nsmallest(_MAX_SOURCES, [(-k, q) for q, k in shared_by.items() if k >= 2])``:
    the quotations sharing the most words, ties to the earlier one (never to set order,
    which varies between runs).

    When A's quotations share a common vocabulary, every one of them shares words with
    B's and thousands tie: the loops here run in C (counting, ``compress``, sorting ints).
    """
    floor, seen = 2, 0
    for count, many in sorted(Counter(shared_by.values()).items(), reverse=True):
        seen += many
        if seen >= _MAX_SOURCES:
            floor = max(floor, count)
            break
    above = sorted(
        (-k, q) for q, k in compress(shared_by.items(), map(floor.__lt__, shared_by.values()))
    )
    tied = sorted(compress(shared_by, map(floor.__eq__, shared_by.values())))
    return above + [(-floor, q) for q in tied[: _MAX_SOURCES - len(above)]]


def _best_altered(
    b_words: list[Token],
    a_words: list[_Words],
    index: dict[str, list[int]],
) -> tuple[int, int, int, float] | None:
    """(A quotation index, source start, source end, score) of the closest A quotation.

    Candidates are the A quotations sharing at least two content words (``index`` maps
    a content stem to the A quotations holding it); the ``_MAX_SOURCES`` sharing most
    are searched. In each, every window about as long as B's quotation is scored by
    shared content words and by word order (rapidfuzz ``ratio`` over the words).
    """
    from rapidfuzz import fuzz

    b_content = _content(b_words)
    n = len(b_words)
    if n < 3 or len(b_content) < 2:
        return None
    shared_by = Counter(chain.from_iterable(index.get(term, ()) for term in b_content))
    candidates = _most_shared(shared_by)
    b_str = " ".join(t.key for t in b_words)
    nb = len(b_content)
    best: tuple[int, int, int, float] | None = None
    for _, quote in candidates:
        words = a_words[quote]
        stems = words.stems
        hits = [s in b_content for s in stems]
        matched = [s for s, hit in zip(stems, hits, strict=True) if hit]
        distinct = len(set(matched))
        # A window can share no more than the whole quotation does: skip a quotation
        # whose best possible score cannot beat the best found (ties keep the first).
        if best is not None and (distinct / nb + 1) / 2 <= best[3]:
            continue
        # Shared words per window from running counts, exact unless a shared word repeats
        # (then a window must count it once: the set intersection does, and the running
        # count is only an upper bound).
        running = list(accumulate(hits, initial=0))
        exact = distinct == len(matched)
        # Which counts of shared words can pass the tests below, with the best score found
        # so far: a window's count only needs checking when its bound passes (the tests
        # only tighten as the best rises, and a larger count passes whenever a smaller one
        # does), so the windows to score are picked in C.
        for size in range(max(1, n - 3), min(len(stems), n + 5) + 1):
            passes = [
                common >= 2
                and common / nb >= 0.4
                and (best is None or (common / nb + 1) / 2 > best[3])
                for common in range(len(matched) + 1)
            ]
            bounds = map(sub, running[size:], running)
            firsts = compress(range(len(stems) - size + 1), map(passes.__getitem__, bounds))
            for first in firsts:
                if exact:
                    common = running[first + size] - running[first]
                else:
                    common = len(b_content.intersection(stems[first : first + size]))
                if common < 2:
                    continue
                shared = common / nb
                if shared < 0.4 or (best is not None and (shared + 1) / 2 <= best[3]):
                    continue
                # The order score must reach 0.4 and, to win, lift the score above the best.
                floor = max(0.4, 2 * best[3] - shared) if best is not None else 0.4
                window = words.joined[words.offsets[first] : words.offsets[first + size] - 1]
                order = fuzz.ratio(b_str, window, score_cutoff=floor * 100 - 1e-9) / 100
                score = (shared + order) / 2
                if order >= 0.4 and (best is None or score > best[3]):
                    tokens = words.tokens
                    best = (quote, tokens[first].start, tokens[first + size - 1].end, score)
    return best


def check_quotes(doc_a: Document, doc_b: Document, pairs: Sequence[Pair]) -> list[Quote]:
    """Classify every quotation of B, and report A's quotations that B dropped."""
    pair_of_a = {sid: i for i, p in enumerate(pairs) for sid in p.a}
    pair_of_b = {sid: i for i, p in enumerate(pairs) for sid in p.b}
    a_found = find_quotations(doc_a)
    a_at = {f.start: i for i, f in enumerate(a_found)}
    # Word lists and indexes of A's quotations, built only if some quotation of B needs a
    # search (a quotation inside an identical sentence is matched by position).
    a_quotes: list[tuple[Found, list[Token]]] = []
    a_prepared: list[_Words] = []
    stem_index: dict[str, list[int]] = {}
    key_index: dict[str, set[int]] = {}
    used_a: set[int] = set()
    out: list[Quote] = []

    def b_quote(
        f: Found,
        status: QuoteStatus,
        source: Span | None,
        source_speaker: str | None,
        score: float,
        ops: tuple[WordOp, ...],
    ) -> Quote:
        return Quote(
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
            speaker_changed=status is not QuoteStatus.NEW
            and _speakers_differ(f.speaker, source_speaker),
            sentence=f.sentence,
            pair=pair_of_b.get(f.sentence, -1),
        )

    for f in find_quotations(doc_b):
        same = _same_place(f, doc_a, doc_b, pairs, pair_of_b, a_at, a_found)
        if same is not None and same not in used_a:
            a_f = a_found[same]
            used_a.add(same)
            out.append(
                b_quote(f, QuoteStatus.VERBATIM, Span(a_f.start, a_f.end), a_f.speaker, 1.0, ())
            )
            continue
        b_words = _words(doc_b.text, f.start, f.end)
        if not b_words:
            continue
        if not a_quotes and a_found:
            a_quotes = [(a_f, _words(doc_a.text, a_f.start, a_f.end)) for a_f in a_found]
            a_prepared = [_Words(a_words) for _, a_words in a_quotes]
            for i, (_, a_words) in enumerate(a_quotes):
                for token in a_words:
                    key_index.setdefault(token.key, set()).add(i)
                for term in set(a_prepared[i].stems) - {""}:
                    stem_index.setdefault(term, []).append(i)
        frags = _fragments(doc_b.text, f.start, f.end)
        status = QuoteStatus.NEW
        source: Span | None = None
        score = 0.0
        ops: tuple[WordOp, ...] = ()
        source_speaker: str | None = None
        # Only A quotations holding every word of B's can hold it verbatim.
        holders: set[int] | None = None
        for key in sorted({t.key for t in b_words}, key=lambda k: len(key_index.get(k, ()))):
            found = key_index.get(key, set())
            holders = found if holders is None else holders & found
            if len(holders) <= 1:
                break
        # A quotation repeated in B draws on a repeated one in A before reusing the first.
        order = sorted(holders or (), key=lambda i: (i in used_a, i))
        for index in order:
            a_f, a_words = a_quotes[index]
            span = _verbatim_in(frags, a_words)
            if span:
                status, source, score = QuoteStatus.VERBATIM, Span(*span), 1.0
                source_speaker = a_f.speaker
                used_a.add(index)
                break
        else:
            best = _best_altered(b_words, a_prepared, stem_index)
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
        out.append(b_quote(f, status, source, source_speaker, score, ops))
    _pair_leftovers(out, a_found, used_a, doc_a, doc_b, pair_of_a)
    for index, a_f in enumerate(a_found):
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


def _speakers_differ(speaker: str | None, source_speaker: str | None) -> bool:
    """Both speakers are known and are not the same person (compared by surname)."""
    return bool(speaker and source_speaker and _surname(speaker) != _surname(source_speaker))


def _surname(name: str) -> str:
    last = name.split()[-1].lower()
    return re.sub(r"['’]s$", "", last)


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
    a_sentence = doc_a.sentences[pair.a[pair.b.index(f.sentence)]]
    b_sentence = doc_b.sentences[f.sentence]
    found = a_at.get(a_sentence.start + (f.start - b_sentence.start))
    if found is None:
        return None
    a_f = a_found[found]
    a_text = fold_quotes(doc_a.text[a_f.start : a_f.end])
    return found if a_text == fold_quotes(doc_b.text[f.start : f.end]) else None


def _pair_leftovers(
    out: list[Quote],
    a_found: list[Found],
    used_a: set[int],
    doc_a: Document,
    doc_b: Document,
    pair_of_a: dict[int, int],
) -> None:
    """A new quotation in a sentence whose counterpart lost one of its own is that one altered.

    "working around the clock" -> "working day and night" shares too few words for the
    fuzzy search, but it sits in the same place of the same aligned sentence.
    """
    for i, quote in enumerate(out):
        if quote.status is not QuoteStatus.NEW or quote.pair < 0:
            continue
        slots = [
            k
            for k, a_f in enumerate(a_found)
            if k not in used_a and pair_of_a.get(a_f.sentence, -2) == quote.pair
        ]
        if len(slots) != 1:
            continue  # none, or ambiguous: leave it new
        k = slots[0]
        a_f = a_found[k]
        used_a.add(k)
        ops = tuple(
            word_diff(
                [(a_f.start, doc_a.text[a_f.start : a_f.end])],
                [(quote.start, doc_b.text[quote.start : quote.end])],
            )
        )
        out[i] = dataclasses.replace(
            quote,
            status=QuoteStatus.ALTERED,
            source=Span(a_f.start, a_f.end),
            ops=ops,
            source_speaker=a_f.speaker,
            speaker_changed=_speakers_differ(quote.speaker, a_f.speaker),
        )
