"""Provides the word-level diff inside one aligned group; sole importer of diff_match_patch.

Each side is a list of text pieces (the group's sentences, with their offsets). Pieces
are tokenised into words, whitespace and punctuation; every distinct token *key* is
mapped to one private character (the ``diff_linesToChars`` trick applied to words), so
diff-match-patch works on words, never on characters of a whole document. Then
``diff_cleanupSemantic`` merges trivial equalities, and the result is mapped back to
offsets on both sides.

Invariant: the ``equal`` and ``delete`` ops, read in order, cover side A's pieces
exactly; ``equal`` and ``insert`` cover side B's.

API:
    word_diff(a_pieces, b_pieces) -> list[WordOp]
"""

from __future__ import annotations

from collections.abc import Sequence

import diff_match_patch as _dmp

from diffreader.engine.model import Op, WordOp
from diffreader.engine.text import Token, sentence_tokens

__all__ = ["word_diff"]

_DIFF_TIMEOUT = 2.0
"""Seconds diff-match-patch may spend on one group before settling for a coarser diff.
Groups are a few sentences, so this is only a safety net against pathological input."""

_OPS = {-1: Op.DELETE, 0: Op.EQUAL, 1: Op.INSERT}

Piece = tuple[int, str]
"""A sentence's start offset and its text."""


def _tokens(pieces: Sequence[Piece]) -> list[Token]:
    out: list[Token] = []
    for offset, text in pieces:
        out.extend(sentence_tokens(text, offset))
    return out


def _encode(tokens: list[Token], table: dict[str, str]) -> str:
    chars = []
    for token in tokens:
        char = table.get(token.key)
        if char is None:
            # Skip the surrogate range: it cannot stand alone in a str diff-match-patch slices.
            code = 0xE000 + len(table) if len(table) < 0x1900 else 0x10000 + len(table)
            char = table[token.key] = chr(code)
        chars.append(char)
    return "".join(chars)


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
    a_tokens = _tokens(a_pieces)
    b_tokens = _tokens(b_pieces)
    if [t.key for t in a_tokens] == [t.key for t in b_tokens]:
        return _equal_runs(a_tokens, b_tokens)
    table: dict[str, str] = {}
    a_chars = _encode(a_tokens, table)
    b_chars = _encode(b_tokens, table)
    engine = _dmp.diff_match_patch()
    engine.Diff_Timeout = _DIFF_TIMEOUT
    diffs = engine.diff_main(a_chars, b_chars, False)
    engine.diff_cleanupSemantic(diffs)
    ops: list[WordOp] = []
    ia = ib = 0
    a_end = a_pieces[-1][0] + len(a_pieces[-1][1]) if a_pieces else 0
    b_end = b_pieces[-1][0] + len(b_pieces[-1][1]) if b_pieces else 0
    for tag, chars in diffs:
        n = len(chars)
        op = _OPS[tag]
        if op is Op.EQUAL:
            ops.extend(_equal_runs(a_tokens[ia : ia + n], b_tokens[ib : ib + n]))
            ia += n
            ib += n
        elif op is Op.DELETE:
            at_b = b_tokens[ib].start if ib < len(b_tokens) else b_end
            ops.extend(WordOp(Op.DELETE, s, e, at_b, at_b) for s, e in _runs(a_tokens[ia : ia + n]))
            ia += n
        else:
            at_a = a_tokens[ia].start if ia < len(a_tokens) else a_end
            ops.extend(WordOp(Op.INSERT, at_a, at_a, s, e) for s, e in _runs(b_tokens[ib : ib + n]))
            ib += n
    return ops


def _runs(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Contiguous stretches of tokens (a group's sentences are not contiguous in the text)."""
    runs: list[tuple[int, int]] = []
    for token in tokens:
        if runs and runs[-1][1] == token.start:
            runs[-1] = (runs[-1][0], token.end)
        else:
            runs.append((token.start, token.end))
    return runs


def _equal_runs(a_tokens: Sequence[Token], b_tokens: Sequence[Token]) -> list[WordOp]:
    """Equal ops for token-for-token equal stretches, cut where either side jumps."""
    ops: list[WordOp] = []
    for ta, tb in zip(a_tokens, b_tokens, strict=True):
        if ops and ops[-1].a_end == ta.start and ops[-1].b_end == tb.start:
            last = ops[-1]
            ops[-1] = WordOp(Op.EQUAL, last.a_start, ta.end, last.b_start, tb.end)
        else:
            ops.append(WordOp(Op.EQUAL, ta.start, ta.end, tb.start, tb.end))
    return ops
