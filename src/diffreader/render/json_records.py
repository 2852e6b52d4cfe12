"""Provides the records of the CLI's JSON long lists written straight from the engine's objects.

``to_json`` describes each record as a dict (``_sentence_data``, ``_pair_data``,
``_claim_data``) that ``json_text`` writes; a long comparison has a hundred thousand of
them (1 MB of figures: 57,000 claims, 94,000 word ops). Their shapes are fixed, so here each
is one ``%`` template per indent level, filled from the object's fields: no dict per record
and no re-indenting of the C encoder's text, half the CPU of the batch's text (the claims
of 1 MB of figures: 0.24 -> 0.12 s). The text is ``json_text.body`` of the records the dicts
make, exactly (a property test checks it): ``encode_basestring`` escapes the article text
as ``json.dumps(..., ensure_ascii=False)`` does; the enums' values, which the templates
write between quotes as they are, are plain words (a test checks that too); numbers are
written by ``%d`` (the model's ``int`` fields) and ``_float`` (``score``), as ``json.dumps``
writes them.

API:
    sentences_body(sentences, level) -> str    ``body`` of their ``_sentence_data`` records
    pairs_body(pairs, level) -> str            ``body`` of their ``_pair_data`` records
    claims_body(claims, level) -> str          ``body`` of their ``_claim_data`` records
    items_body(items, level) -> str            ``body`` of their ``_item_data`` records
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from json.encoder import encode_basestring

from diffreader.engine.model import Claim, Pair, Sentence, WordOp
from diffreader.render.json_text import json_float
from diffreader.review.items import ReviewItem, listed_in, salience

__all__ = ["claims_body", "items_body", "pairs_body", "sentences_body"]

_INDENT = "  "


@lru_cache(maxsize=64)
def _template(level: int, fields: tuple[tuple[str, str], ...]) -> str:
    """The text of a record at ``level`` (an item of a list whose opening line is at
    ``level - 1``): its ``"name": value`` lines, each value a ``%`` conversion (``spec``),
    between its braces, after the newline and indent of its place in the list."""
    inner = "\n" + _INDENT * level
    field = "\n" + _INDENT * (level + 1)
    lines = ",".join(f'{field}"{name}": {spec}' for name, spec in fields)
    return inner + "{" + lines + inner + "}"


# Each record's fields (name, ``%`` conversion), in the order of its dict in ``to_json``.
_SENTENCE = (
    ("id", "%d"),
    ("start", "%d"),
    ("end", "%d"),
    ("status", '"%s"'),
    ("kind", '"%s"'),
    ("paragraph", "%d"),
    ("text", "%s"),
)
_PAIR = (
    ("a", "%s"),
    ("b", "%s"),
    ("status", '"%s"'),
    ("score", "%s"),
    ("changed", "%s"),
    ("ops", "%s"),
)
_OP = (("op", '"%s"'), ("a_start", "%d"), ("a_end", "%d"), ("b_start", "%d"), ("b_end", "%d"))
_CLAIM = (
    ("side", '"%s"'),
    ("kind", '"%s"'),
    ("category", '"%s"'),
    ("text", "%s"),
    ("start", "%d"),
    ("end", "%d"),
    ("pair", "%d"),
    ("sentence", "%d"),
    ("departs_from", "%s"),
    ("parent", "%d"),
)
_ITEM = (
    ("key", "%s"),
    ("kind", '"%s"'),
    ("section", '"%s"'),
    ("category", "%s"),
    ("side", '"%s"'),
    ("text", "%s"),
    ("start", "%d"),
    ("end", "%d"),
    ("pair", "%d"),
    ("parent", "%s"),
    ("was", "%s"),
    ("aliases", "%s"),
    ("salience", "%d"),
)


def _text_or_null(text: str | None) -> str:
    return "null" if text is None else encode_basestring(text)


def _texts(values: Sequence[str], level: int) -> str:
    """A list of strings as the value of a field at ``level`` (``[]`` when empty)."""
    return _list(list(map(encode_basestring, values)), level)


def _ints(values: Sequence[int], level: int) -> str:
    """A list of ints as the value of a field at ``level`` (``[]`` when empty)."""
    return _list(list(map(int.__repr__, values)), level)


def _list(written: Sequence[str], level: int) -> str:
    """Values already written as JSON, as a list that is the value of a field at ``level``."""
    if not written:
        return "[]"
    inner = "\n" + _INDENT * (level + 1)
    return "[" + inner + ("," + inner).join(written) + "\n" + _INDENT * level + "]"


def sentences_body(sentences: Sequence[Sentence], level: int) -> str:
    """``json_text.body([_sentence_data(s) for s in sentences], level)``."""
    template = _template(level + 1, _SENTENCE)
    return ",".join(
        [
            template
            % (
                s.id,
                s.start,
                s.end,
                s.status._value_,
                s.kind._value_,
                s.paragraph,
                encode_basestring(s.text),
            )
            for s in sentences
        ]
    )


def _ops(ops: Sequence[WordOp], level: int, template: str) -> str:
    """A list of word ops as the value of a field at ``level``, each ``template`` filled
    (``_template(level + 1, _OP)``)."""
    if not ops:
        return "[]"
    return (
        "["
        + ",".join(
            [template % (op.op._value_, op.a_start, op.a_end, op.b_start, op.b_end) for op in ops]
        )
        + "\n"
        + _INDENT * level
        + "]"
    )


def pairs_body(pairs: Sequence[Pair], level: int) -> str:
    """``json_text.body([_pair_data(p) for p in pairs], level)``."""
    template, op_template = _template(level + 1, _PAIR), _template(level + 3, _OP)
    field = level + 2
    return ",".join(
        [
            template
            % (
                _ints(pair.a, field),
                _ints(pair.b, field),
                pair.status._value_,
                json_float(round(pair.score, 4)),
                "true" if pair.changed else "false",
                _ops(pair.ops, field, op_template),
            )
            for pair in pairs
        ]
    )


def claims_body(claims: Sequence[Claim], level: int) -> str:
    """``json_text.body([_claim_data(c) for c in claims], level)``."""
    template = _template(level + 1, _CLAIM)
    field = level + 2
    return ",".join(
        [
            template
            % (
                claim.side._value_,
                claim.kind._value_,
                claim.category._value_,
                encode_basestring(claim.text),
                claim.start,
                claim.end,
                claim.pair,
                claim.sentence,
                _ints(claim.departs_from, field),
                claim.parent,
            )
            for claim in claims
        ]
    )


def items_body(items: Sequence[ReviewItem], level: int) -> str:
    """``json_text.body([_item_data(i) for i in items], level)``."""
    template = _template(level + 1, _ITEM)
    field = level + 2
    return ",".join(
        [
            template
            % (
                encode_basestring(item.key),
                item.kind._value_,
                listed_in(item)._value_,
                _text_or_null(item.category),
                item.side._value_,
                encode_basestring(item.text),
                item.start,
                item.end,
                item.pair,
                _text_or_null(item.parent),
                encode_basestring(item.was),
                _texts(item.aliases, field),
                salience(item),
            )
            for item in items
        ]
    )
