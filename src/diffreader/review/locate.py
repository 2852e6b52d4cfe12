"""Provides the one answer to "which sentence, which pair holds this offset?".

Pure: imports the engine's model only. Built once per comparison; each look-up is a
bisection over the sentence starts, never a scan of the pairs.

API:
    PairLocator(comparison)
        .sentence_at(side, offset) -> int       sentence id at or before offset, or -1
        .pair_of_sentence(side, sid) -> int     index into ``Comparison.pairs``, or -1
        .pair_at(side, offset) -> int           the two combined
        .place(side, offset, pair) -> int       ``pair`` when valid, else ``pair_at``
        .starts(side) -> list[int]              the sentences' starts, by id
        .pair_table(side) -> list[int]          the pair of each sentence, by id (-1: none)
"""

from __future__ import annotations

import bisect

from diffreader.engine.model import Comparison, Side

__all__ = ["PairLocator"]


class PairLocator:
    """Maps document offsets to sentences and pairs.

    Args:
        comparison: The engine's result.

    >>> from diffreader.engine import compare, document_from_text
    >>> c = compare(document_from_text("One cat. Two dogs."), document_from_text("One cat."))
    >>> locate = PairLocator(c)
    >>> locate.sentence_at(Side.A, 10), locate.sentence_at(Side.A, -1)
    (1, -1)
    """

    __slots__ = ("_pairs", "_size", "_starts", "_tables")

    def __init__(self, comparison: Comparison) -> None:
        self._size = len(comparison.pairs)
        self._starts = {
            side: [s.start for s in comparison.document(side).sentences] for side in Side
        }
        self._pairs: dict[Side, dict[int, int]] = {Side.A: {}, Side.B: {}}
        for index, pair in enumerate(comparison.pairs):
            for sid in pair.a:
                self._pairs[Side.A][sid] = index
            for sid in pair.b:
                self._pairs[Side.B][sid] = index
        self._tables: dict[Side, list[int]] = {}

    def sentence_at(self, side: Side, offset: int) -> int:
        """Id of the sentence holding ``offset`` (the nearest one starting before it), or -1."""
        return bisect.bisect_right(self._starts[side], offset) - 1

    def pair_of_sentence(self, side: Side, sentence: int) -> int:
        """Index of the pair holding sentence ``sentence`` of ``side``, or -1."""
        return self._pairs[side].get(sentence, -1)

    def pair_at(self, side: Side, offset: int) -> int:
        """Index of the pair holding the sentence at ``offset`` on ``side``, or -1."""
        sentence = self.sentence_at(side, offset)
        return self._pairs[side].get(sentence, -1) if sentence >= 0 else -1

    def place(self, side: Side, offset: int, pair: int) -> int:
        """``pair`` when it is a valid index (the engine placed the span), else ``pair_at``."""
        return pair if 0 <= pair < self._size else self.pair_at(side, offset)

    def starts(self, side: Side) -> list[int]:
        """The start of each sentence of ``side``, by id (ascending: do not change it)."""
        return self._starts[side]

    def pair_table(self, side: Side) -> list[int]:
        """The index of the pair holding each sentence of ``side``, by id (-1: none), made
        on the first call (do not change it)."""
        table = self._tables.get(side)
        if table is None:
            table = [-1] * len(self._starts[side])
            for sentence, index in self._pairs[side].items():
                if 0 <= sentence < len(table):
                    table[sentence] = index
            self._tables[side] = table
        return table
