"""Provides the word-level diff inside one aligned group; sole importer of diff_match_patch.

Each side is a list of text pieces (the group's sentences, with their offsets). Pieces
are tokenised into words, whitespace and punctuation; every distinct token *key* is
mapped to one private character (the ``diff_linesToChars`` trick applied to words), so
the diff works on words, never on characters of a whole document. The diff itself is
rapidfuzz's longest common subsequence (diff-match-patch's search for very large groups);
then diff-match-patch's ``diff_cleanupSemantic`` merges trivial equalities, and the
result is mapped back to offsets on both sides.

Invariant: the ``equal`` and ``delete`` ops, read in order, cover side A's pieces
exactly; ``equal`` and ``insert`` cover side B's.

API:
    word_diff(a_pieces, b_pieces) -> list[WordOp]
    ops_from_packed(flat) -> list[WordOp]
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import chain, repeat
from typing import Any

import diff_match_patch as _dmp
from rapidfuzz.distance.Indel import opcodes as _opcodes

from diffreader.engine.model import Op, WordOp
from diffreader.engine.text import sentence_tokens

__all__ = ["ops_from_packed", "word_diff"]

_SHARED = _dmp.diff_match_patch()
"""For diff-match-patch's common prefix and suffix (stateless, binary searches in C)."""
_DIFF_TIMEOUT = 2.0
"""Seconds diff-match-patch may spend on one group before settling for a coarser diff.
Groups are a few sentences, so this is only a safety net against pathological input."""

_OPS = {-1: Op.DELETE, 0: Op.EQUAL, 1: Op.INSERT}

Piece = tuple[int, str]
"""A sentence's start offset and its text."""


class _Side:
    """One side's tokens, flattened over its pieces: keys, and where each token starts
    and ends (a group's sentences are not contiguous in the text).

    ``contiguous`` when each token starts where the one before ends, as in one piece
    (most groups are one sentence a side): then a stretch of tokens is one run, and the
    side reads its piece's token run as it is, without copying it."""

    __slots__ = ("contiguous", "ends", "keys", "starts")

    keys: tuple[str, ...]
    starts: Sequence[int]
    ends: Sequence[int]

    def __init__(self, pieces: Sequence[Piece]) -> None:
        if len(pieces) == 1:
            offset, text = pieces[0]
            run = sentence_tokens(text, offset)
            self.keys, self.starts, self.ends = run.keys, run.bounds[:-1], run.bounds[1:]
            self.contiguous = True
            return
        keys: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for offset, text in pieces:
            run = sentence_tokens(text, offset)
            keys.extend(run.keys)
            starts.extend(run.bounds[:-1])
            ends.extend(run.bounds[1:])
        self.keys, self.starts, self.ends = tuple(keys), starts, ends
        self.contiguous = False


def _encode(a_keys: Sequence[str], b_keys: Sequence[str]) -> tuple[str, str]:
    """Both sides as strings of one private character per distinct key, numbered in the
    order keys first occur (A's, then B's new ones)."""
    distinct = dict.fromkeys(chain(a_keys, b_keys))
    if len(distinct) <= _LOW_CODES:
        # A group's few dozen keys (all but a wall of text): their characters are read
        # from a string made once, not made by a call each.
        char = dict(zip(distinct, _LOW_CHARS, strict=False)).__getitem__  # the keys end it
    else:
        # Skip the surrogate range: it cannot stand alone in a str diff-match-patch slices.
        codes = chain(
            range(0xE000, 0xE000 + _LOW_CODES),
            range(0x10000 + _LOW_CODES, 0x10000 + len(distinct)),
        )
        char = dict(zip(distinct, map(chr, codes), strict=True)).__getitem__
    return "".join(map(char, a_keys)), "".join(map(char, b_keys))


_LOW_CODES = 0x1900
"""Keys numbered below this get the characters from U+E000 (the private use area up to
the end of the BMP); the rest, U+10000 plus their number."""
_LOW_CHARS = "".join(map(chr, range(0xE000, 0xE000 + _LOW_CODES)))
"""The characters of the first ``_LOW_CODES`` keys, in order."""


def word_diff(a_pieces: Sequence[Piece], b_pieces: Sequence[Piece]) -> list[WordOp]:
    """Diff two groups of text pieces at word granularity.

    >>> ops = word_diff([(0, "The bridge shut on Thursday.")],
    ...                 [(100, "The bridge closed on Thursday.")])
    >>> [(o.op.value, o.a_start, o.a_end, o.b_start, o.b_end) for o in ops]
    [('equal', 0, 11, 100, 111), ('delete', 11, 15, 111, 111), ('insert', 15, 15, 111, 117), \
('equal', 15, 28, 117, 130)]
    """
    if len(a_pieces) == len(b_pieces) and all(
        ta == tb for (_, ta), (_, tb) in zip(a_pieces, b_pieces, strict=True)
    ):
        # Character-identical groups (most of a syndicated copy): no tokens needed.
        return [
            WordOp(Op.EQUAL, oa, oa + len(ta), ob, ob + len(ta))
            for (oa, ta), (ob, _) in zip(a_pieces, b_pieces, strict=True)
            if ta
        ]
    a = _Side(a_pieces)
    b = _Side(b_pieces)
    if a.keys == b.keys:
        return _equal_runs(a, b, 0, 0, len(a.keys))
    diffs = _token_diff(*_encode(a.keys, b.keys))
    a_end = a_pieces[-1][0] + len(a_pieces[-1][1]) if a_pieces else 0
    b_end = b_pieces[-1][0] + len(b_pieces[-1][1]) if b_pieces else 0
    if a.contiguous and b.contiguous:
        return _contiguous_ops(diffs, a, b, a_end, b_end)
    ops: list[WordOp] = []
    ia = ib = 0
    for tag, chars in diffs:
        n = len(chars)
        op = _OPS[tag]
        if op is Op.EQUAL:
            ops.extend(_equal_runs(a, b, ia, ib, n))
            ia += n
            ib += n
        elif op is Op.DELETE:
            at_b = b.starts[ib] if ib < len(b.starts) else b_end
            ops.extend(WordOp(Op.DELETE, s, e, at_b, at_b) for s, e in _runs(a, ia, ia + n))
            ia += n
        else:
            at_a = a.starts[ia] if ia < len(a.starts) else a_end
            ops.extend(WordOp(Op.INSERT, at_a, at_a, s, e) for s, e in _runs(b, ib, ib + n))
            ib += n
    return ops


@lru_cache(maxsize=4096)
def _token_diff(a_chars: str, b_chars: str) -> tuple[tuple[int, str], ...]:
    """diff-match-patch's semantic diff of two encoded token strings (``_encode``), as
    (tag, characters) pairs: -1 deleted, 0 equal, 1 inserted.

    Remembered: the diff depends on these strings alone, and they say only which tokens
    of a pair are alike, not what they are, so groups of one shape share them. A table
    of results or of figures word-diffs thousands of groups of a few dozen shapes ("The
    count in ward 5 was 80 votes." against "... was about 431 or 80 votes." is one shape
    for any numbers): 17 on a 1 MB table of 8,000 changed rows. The room, 4,096 entries
    of a few hundred bytes each, holds those shapes; prose finds few repeats and pays a
    look-up per group. (Past diff-match-patch's time-out a diff is coarser, and a shape
    met again gets the coarse one; groups never come near it.)
    """
    engine = _dmp.diff_match_patch()
    engine.Diff_Timeout = _DIFF_TIMEOUT
    diffs = _replacements_only(a_chars, b_chars)
    if diffs is None:
        diffs = _longest_common(a_chars, b_chars)
    if diffs is None:
        diffs = engine.diff_main(a_chars, b_chars, False)
    else:
        engine.diff_cleanupMerge(diffs)  # as diff_main ends
    engine.diff_cleanupSemantic(diffs)
    return tuple(diffs)


_LCS_CELLS = 50_000_000
"""The most cells (the middle of A times the middle of B, in tokens) ``_longest_common``
takes on: rapidfuzz keeps a bit a cell to trace its path back (6 MB here). Past it, for
groups of thousands of tokens a side, diff-match-patch's search (linear in memory, with
its time-out) does the work."""


def _longest_common(a: str, b: str) -> list[tuple[int, str]] | None:
    """A diff of ``a`` and ``b`` with the most equal characters, from rapidfuzz's
    bit-parallel longest common subsequence (``Indel.opcodes``, in C++), as
    (tag, characters) pairs before diff-match-patch's merge; ``None`` when the pair is
    too large for it (``_LCS_CELLS``).

    diff-match-patch's own search (Myers's, in Python) finds the same diff for almost
    every group, in four times as long: on a megabyte of random letters the word diffs
    were half of the alignment's time. Where several diffs keep as many tokens, the two
    may pick different ones (in a group where one side has a sentence more, which copy of
    a shared word is matched); both are minimal, and the semantic clean-up that follows
    treats them alike. diff-match-patch can also settle for a diff with fewer equal tokens
    (its "half match" shortcut and its time-out); this one never does.
    """
    prefix = _SHARED.diff_commonPrefix(a, b)
    suffix = _SHARED.diff_commonSuffix(a[prefix:], b[prefix:])
    if (len(a) - prefix - suffix) * (len(b) - prefix - suffix) > _LCS_CELLS:
        return None
    diffs: list[tuple[int, str]] = []
    for opcode in _opcodes(a, b):
        a_start, a_end = opcode.src_start, opcode.src_end
        b_start, b_end = opcode.dest_start, opcode.dest_end
        if opcode.tag == "equal":
            diffs.append((0, a[a_start:a_end]))
            continue
        if a_end > a_start:
            diffs.append((-1, a[a_start:a_end]))
        if b_end > b_start:
            diffs.append((1, b[b_start:b_end]))
    return diffs


def _contiguous_ops(
    diffs: Sequence[tuple[int, str]], a: _Side, b: _Side, a_end: int, b_end: int
) -> list[WordOp]:
    """``word_diff``'s ops from ``diffs`` when each side is one piece: each diff is then one
    op, from its first token's start to its last token's end (the general loop's runs and
    equal runs, without a call or a list for each).

    Each op is made as ``ops_from_packed`` makes it, by its slots' setters (a frozen
    dataclass's ``__init__`` costs a Python-level call per field), one by one here: a
    group makes a few ops, too few for ``ops_from_packed``'s columns to pay (it took
    three times as long, a third of a changed group's ops and pair making on random
    letters). The tokens tile the piece, so an op starts where the one before it ends on
    each side: the position is carried over as the same ``int`` object, each offset held
    once, as ``ops_from_packed`` shares equal numbers (``tests/engine/test_worddiff.py``
    holds both to the packed ops).
    """
    ops: list[WordOp] = []
    append = ops.append
    set_kind, set_a_start, set_a_end, set_b_start, set_b_end = _SETTERS
    a_ends, b_ends = a.ends, b.ends
    # Where each side stands: its next token's start, or its piece's end past the last.
    at_a = a.starts[0] if a.starts else a_end
    at_b = b.starts[0] if b.starts else b_end
    ia = ib = 0
    for tag, chars in diffs:
        n = len(chars)
        if not n:
            continue  # no tokens, no op
        op = _new(WordOp)
        set_a_start(op, at_a)
        set_b_start(op, at_b)
        if tag == 0:
            ia += n
            ib += n
            at_a = a_ends[ia - 1]
            at_b = b_ends[ib - 1]
            set_kind(op, Op.EQUAL)
        elif tag < 0:
            ia += n
            at_a = a_ends[ia - 1]
            set_kind(op, Op.DELETE)
        else:
            ib += n
            at_b = b_ends[ib - 1]
            set_kind(op, Op.INSERT)
        set_a_end(op, at_a)
        set_b_end(op, at_b)
        append(op)
    return ops


_new = object.__new__


_KINDS = tuple(Op)
"""Each op's kind is packed as its index here, as ``model.pack_ops`` packs it."""
_SETTERS: tuple[Callable[[WordOp, Any], None], ...] = tuple(
    getattr(WordOp, field.name).__set__ for field in dataclasses.fields(WordOp)
)
"""The slot of each field of ``WordOp``, in order, as a setter (see ``ops_from_packed``)."""


def ops_from_packed(flat: Sequence[int]) -> list[WordOp]:
    """The word ops of ``flat``, five numbers each as ``model.pack_ops`` packs them (the
    kind's index in ``Op``, then the offsets): ``list(unpack_ops(flat))``, about twice as
    fast.

    A frozen dataclass's ``__init__`` sets each field with a Python-level
    ``object.__setattr__`` call, about a microsecond an op; a comparison of 1 MB of
    figures makes 100,000 ops, and builds half of them again from a child's numbers.
    Here each field of all the ops is set at once, through the field's slot, in C (the
    same store ``object.__setattr__`` makes). ``tests/engine/test_worddiff.py`` checks
    the ops equal those built one by one.

    >>> ops_from_packed([0, 3, 5, 7, 9])
    [WordOp(op=<Op.EQUAL: 'equal'>, a_start=3, a_end=5, b_start=7, b_end=9)]
    """
    count = len(flat) // 5
    ops: list[WordOp] = list(map(object.__new__, repeat(WordOp, count)))
    # Ops tile their sentences: an op's end is the next one's start, the same number
    # twice. Equal numbers are made one ``int`` here (an ``int`` is 32 bytes, and the
    # offsets are most of a long comparison's word ops).
    one: dict[int, int] = {}
    numbers = list(map(one.setdefault, flat, flat))
    columns = [map(_KINDS.__getitem__, numbers[0::5]), *(numbers[k::5] for k in range(1, 5))]
    for setter, column in zip(_SETTERS, columns, strict=True):
        deque(map(setter, ops, column), maxlen=0)
    return ops


def _replacements_only(a: str, b: str) -> list[tuple[int, str]] | None:
    """The diff ``diff_main(a, b)`` returns, found in one pass, but for diff-match-patch's
    final merge (``diff_cleanupMerge``), when the texts differ only by replaced stretches:
    ``None`` for any other pair, and for pairs diff-match-patch answers at once.

    A replaced figure or word, the common change of a reworded group, makes such a pair:
    its diff is then forced, and diff-match-patch's recursion finds it slowly (half the
    word diff's time on a pair dense with changed figures). diff-match-patch trims the
    common prefix and suffix, diffs the middle, and merges. Here the middle must be a
    pair whose characters held by both sides read alike in order (they are then its one
    longest common subsequence: every other character is absent from the other side's
    middle), and whose changed stretches, but the first and the last, change as many
    characters on each side. Every diff of the middle with the most equal characters
    matches exactly those, and diff-match-patch finds one: its one heuristic that can
    settle for fewer, the "half match" (a common substring half as long as the longer
    text), can only pick on such a pair a stretch that is also aligned in that
    subsequence (two distinct equal stretches that long would not fit beside a changed
    stretch), and each of its splits is again such a pair. Its merges of the parts write
    each change as the deletion then the insertion, as here, and move none (a change
    shares no character with the other side's middle). tests/engine/test_worddiff.py
    checks the result against diff-match-patch on pairs of this shape and near it. (One
    difference: past its time-out, diff-match-patch settles for a coarser diff; this
    one never needs to.)
    """
    n_a, n_b = len(a), len(b)
    prefix = _SHARED.diff_commonPrefix(a, b)
    suffix = _SHARED.diff_commonSuffix(a[prefix:], b[prefix:])
    end_a, end_b = n_a - suffix, n_b - suffix
    if end_a - prefix < 2 or end_b - prefix < 2:
        return None  # an insertion, a deletion or one character replaced: no recursion
    in_a, in_b = set(a[prefix:end_a]), set(b[prefix:end_b])
    diffs: list[tuple[int, str]] = [(0, a[:prefix])] if prefix else []
    i = j = prefix
    while True:
        k = 0
        while i + k < end_a and j + k < end_b and a[i + k] == b[j + k]:
            k += 1
        if k:
            diffs.append((0, a[i : i + k]))
            i += k
            j += k
        i0, j0 = i, j
        while i < end_a and a[i] not in in_b:
            i += 1
        while j < end_b and b[j] not in in_a:
            j += 1
        at_end = i == end_a and j == end_b
        if i == i0 and j == j0:
            return None  # two different shared characters meet (never at the end)
        if not at_end and (i0, j0) != (prefix, prefix) and i - i0 != j - j0:
            return None  # a stretch inside grows or shrinks: no forced diff
        if i > i0:
            diffs.append((-1, a[i0:i]))
        if j > j0:
            diffs.append((1, b[j0:j]))
        if at_end:
            if suffix:
                diffs.append((0, a[end_a:]))
            return diffs


def _runs(side: _Side, lo: int, hi: int) -> list[tuple[int, int]]:
    """Contiguous stretches of tokens ``lo`` to ``hi`` (exclusive) of one side."""
    starts, ends = side.starts, side.ends
    if side.contiguous:
        return [(starts[lo], ends[hi - 1])] if hi > lo else []
    runs: list[tuple[int, int]] = []
    for i in range(lo, hi):
        if runs and runs[-1][1] == starts[i]:
            runs[-1] = (runs[-1][0], ends[i])
        else:
            runs.append((starts[i], ends[i]))
    return runs


def _equal_runs(a: _Side, b: _Side, ia: int, ib: int, n: int) -> list[WordOp]:
    """Equal ops for ``n`` token-for-token equal tokens from ``ia`` and ``ib``, cut where
    either side jumps (to the next sentence of its group)."""
    ops: list[WordOp] = []
    if n <= 0:
        return ops
    a_starts, a_ends, b_starts, b_ends = a.starts, a.ends, b.starts, b.ends
    if a.contiguous and b.contiguous:
        last_a, last_b = ia + n - 1, ib + n - 1
        return [WordOp(Op.EQUAL, a_starts[ia], a_ends[last_a], b_starts[ib], b_ends[last_b])]
    run_a, end_a, run_b, end_b = a_starts[ia], a_ends[ia], b_starts[ib], b_ends[ib]
    for k in range(1, n):
        x, y = ia + k, ib + k
        if a_starts[x] == end_a and b_starts[y] == end_b:
            end_a, end_b = a_ends[x], b_ends[y]
        else:
            ops.append(WordOp(Op.EQUAL, run_a, end_a, run_b, end_b))
            run_a, end_a, run_b, end_b = a_starts[x], a_ends[x], b_starts[y], b_ends[y]
    ops.append(WordOp(Op.EQUAL, run_a, end_a, run_b, end_b))
    return ops
