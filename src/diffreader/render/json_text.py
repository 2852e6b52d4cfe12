"""Provides a fast writer of indented JSON: ``json.dumps(obj, ensure_ascii=False, indent=2)``.

The standard library serialises indented JSON in pure Python (its C encoder handles no
indent), which makes the tens of megabytes of a long comparison's JSON cost seconds.
This writer hands the C encoder every container holding only scalars (a sentence, a word
op, a list of ids), with separators that carry that container's indent, and whole lists
of such objects in one call (a record's few inner lists stand in as a placeholder string
and are written apart, also in batches); only other containers are walked in Python. It
gives the text in pieces, so it need not be held whole.

Equality with ``json.dumps`` is the contract (a hypothesis test checks it over arbitrary
JSON values): same separators, same escapes (``ensure_ascii=False``), ``NaN`` and
``Infinity`` as ``json.dumps`` writes them, keys converted as it converts them, tuples as
lists, ``TypeError`` for what it cannot serialise. Unlike ``json.dumps`` it does not
check for circular references (it is fed fresh data).

API:
    dumps(obj) -> str                  the text
    iter_dumps(obj) -> Iterator[str]   the same text in pieces (for streaming)
    Rows(size, make, run=None, containers=None, write=None)
                                       a long list near the top made and written in ranges
    Bodies(texts)                      a long list near the top given as its batches' texts
    body(records, level, containers)   the text of a batch of a list, for ``Bodies``
    Later(make)                        a value made when the writer reaches it
    in_steps(task, size) -> Iterator   Rows' ranges run one after another, as written
    json_float(value) -> str           a float as ``json.dumps`` writes it
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from json.encoder import encode_basestring
from typing import Any

from diffreader.engine import collector

__all__ = [
    "STEP",
    "Bodies",
    "Later",
    "Rows",
    "body",
    "dumps",
    "in_steps",
    "iter_dumps",
    "json_float",
]

_INDENT = "  "
_LEAVES = frozenset({str, int, float, bool, type(None)})
"""Exact types the C encoder writes alike at any depth (subclasses take the slow path,
which writes them as ``json.dumps`` does)."""


def _default(obj: object) -> Any:
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


def json_float(value: float) -> str:
    """A float as ``json.dumps`` writes it (``NaN`` and ``Infinity`` as it does)."""
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == -float("inf"):
        return "-Infinity"
    return float.__repr__(value)


def _key(key: object) -> str | None:
    """A dict key as ``json.dumps`` converts it (``None``: not a valid key)."""
    if isinstance(key, str):
        return key
    if isinstance(key, float):
        return json_float(key)
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, int):
        return int.__repr__(key)
    return None


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _null(value: None) -> str:
    return "null"


_LEAF_TEXT: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    int: int.__repr__,
    float: json_float,
    bool: _bool,
    type(None): _null,
}
"""How each exact leaf type is written (as ``json.dumps`` writes it)."""

_CONTAINERS = (list, tuple, dict)
_PLACEHOLDER = "\x00diffreader: a container goes here\x00"
_PLACEHOLDER_TEXT = encode_basestring(_PLACEHOLDER)


class _Flat:
    """The C encoder's writing of scalar-only containers whose items sit at one depth."""

    def __init__(self, depth: int) -> None:
        separator = ",\n" + _INDENT * depth
        make = getattr(json.encoder, "c_make_encoder", None)
        if make is not None:
            self.encode: Callable[[Any], str] = self._c(
                make(None, _default, encode_basestring, None, ": ", separator, False, False, True)
            )
        else:  # no C accelerator: the stdlib's own compact writer, still exact
            encoder = json.JSONEncoder(
                ensure_ascii=False, check_circular=False, separators=(separator, ": ")
            )
            self.encode = encoder.encode

    @staticmethod
    def _c(encoder: Any) -> Callable[[Any], str]:
        def encode(obj: Any) -> str:
            return "".join(encoder(obj, 0))

        return encode


class _Writer:
    def __init__(self) -> None:
        self.out: list[str] = []
        self._flat: list[_Flat] = []

    def flat(self, depth: int) -> Callable[[Any], str]:
        while len(self._flat) <= depth:
            self._flat.append(_Flat(len(self._flat)))
        return self._flat[depth].encode

    def value(self, obj: Any, level: int) -> None:
        """Append ``obj`` written at indent ``level`` (its opening line's)."""
        if isinstance(obj, str):
            self.out.append(encode_basestring(obj))
        elif obj is None:
            self.out.append("null")
        elif obj is True:
            self.out.append("true")
        elif obj is False:
            self.out.append("false")
        elif isinstance(obj, int):
            self.out.append(int.__repr__(obj))
        elif isinstance(obj, float):
            self.out.append(json_float(obj))
        elif isinstance(obj, (list, tuple)):
            self.array(obj, level)
        elif isinstance(obj, dict):
            self.object(obj, level)
        else:
            _default(obj)

    def array(self, items: list[Any] | tuple[Any, ...], level: int) -> None:
        out = self.out
        if not items:
            out.append("[]")
            return
        inner = "\n" + _INDENT * (level + 1)
        leaves = _LEAVES
        if type(items) is list and leaves.issuperset(map(type, items)):
            out.append(
                "[" + inner + self.flat(level + 1)(items)[1:-1] + "\n" + _INDENT * level + "]"
            )
            return
        if type(items) is list and all(type(item) is dict and item for item in items):
            text = self.records(items, level)
            if text is not None:
                out.append(text)
                return
        out.append("[")
        first = True
        for item in items:
            out.append(inner if first else "," + inner)
            first = False
            self.value(item, level + 1)
        out.append("\n" + _INDENT * level + "]")

    def records(
        self,
        items: list[dict[Any, Any]],
        level: int,
        containers: tuple[str, ...] | None = None,
    ) -> str | None:
        """A list of non-empty objects at ``level``, mostly in one C call (``None``: a
        string in it holds the placeholder's text, so it takes the general path).

        The objects are written with the separator of their fields; then the boundaries
        between objects are re-indented. The only raw newlines in that text are
        separators (strings escape theirs), and a "}" before a separator can only close
        an object, so the boundaries are found exactly. A non-empty container inside an
        object is written apart (at its own depth) and stands in the C call as a
        placeholder string, put back by splitting on its text: if any other string
        holds that text, the count tells, and the general path is taken.

        ``containers`` (``Rows.containers``): the only keys that can hold a container, in
        the objects' key order; the other fields are not looked at.
        """
        leaves = _LEAVES
        rows: list[dict[Any, Any]] = []
        inside: list[Any] = []
        for item in items:
            if containers is not None:
                odd: Iterable[Any] = containers
            elif leaves.issuperset(map(type, item.values())):
                rows.append(item)
                continue
            else:
                odd = [key for key, value in item.items() if type(value) not in leaves]
            # The C encoder writes all but a non-empty container as ``json.dumps`` does at
            # any depth ("[]" and "{}" included; what is no JSON raises TypeError there).
            row = item
            for key in odd:
                value = item[key]
                if value and isinstance(value, _CONTAINERS):
                    if row is item:
                        row = item.copy()  # the same keys in the same order
                    row[key] = _PLACEHOLDER
                    inside.append(value)
            rows.append(row)
        inner = "\n" + _INDENT * (level + 1)
        field = "\n" + _INDENT * (level + 2)
        text = self.flat(level + 2)(rows)
        text = text[2:-2].replace("}," + field + "{", inner + "}," + inner + "{" + field)
        if inside:
            nested = self.texts(inside, level + 2)
            parts = text.split(_PLACEHOLDER_TEXT)
            if len(parts) != len(nested) + 1:
                return None
            pieces = [parts[0]]
            for written, after in zip(nested, parts[1:], strict=True):
                pieces += (written, after)
            text = "".join(pieces)
        return "[" + inner + "{" + field + text + inner + "}\n" + _INDENT * level + "]"

    def texts(self, values: list[Any], level: int) -> list[str]:
        """Each of ``values`` written at ``level``: the lists of scalars among them (the
        ids and keys inside records) in one C call, the lists of objects of scalars (the
        word ops of pairs) in another, the rest one by one."""
        leaves = _LEAVES
        found = [
            n
            for n, value in enumerate(values)
            if type(value) is list and leaves.issuperset(map(type, value))
        ]
        texts = [""] * len(values)
        if found:
            # Written as one list of lists, with the separator of their items: a "]"
            # before a separator and a "[" after one can only close and open a list, so
            # the boundaries between them are found exactly.
            inner = ",\n" + _INDENT * (level + 1)
            bodies = self.flat(level + 1)([values[n] for n in found])[2:-2].split("]" + inner + "[")
            head, tail = "[\n" + _INDENT * (level + 1), "\n" + _INDENT * level + "]"
            for n, body in zip(found, bodies, strict=True):
                texts[n] = head + body + tail
        if len(found) < len(values):
            batched = set(found)
            rest = [n for n in range(len(values)) if n not in batched]
            tables = [
                n
                for n in rest
                if type(values[n]) is list
                and all(
                    type(row) is dict and row and leaves.issuperset(map(type, row.values()))
                    for row in values[n]
                )
            ]
            if tables:
                self.tables(values, tables, level, texts)
                batched.update(tables)
            for n in rest:
                if n not in batched:
                    texts[n] = self.text(values[n], level)
        return texts

    def tables(self, values: list[Any], found: list[int], level: int, texts: list[str]) -> None:
        """Write the lists of objects of scalars ``values[n]`` for ``n`` in ``found`` (the
        word ops inside pairs) into ``texts``, all their objects in one C call.

        As in ``records``: a "}" before a separator and a "{" after one can only close
        and open an object, so splitting there gives each object's fields exactly.
        """
        field = "\n" + _INDENT * (level + 2)
        inner = "\n" + _INDENT * (level + 1)
        rows = [row for n in found for row in values[n]]
        bodies = self.flat(level + 2)(rows)[2:-2].split("}," + field + "{")
        if len(bodies) != len(rows):  # cannot happen (see above); stay exact regardless
            for n in found:
                texts[n] = self.text(values[n], level)
            return
        joint = inner + "}," + inner + "{" + field
        head, tail = "[" + inner + "{" + field, inner + "}\n" + _INDENT * level + "]"
        start = 0
        for n in found:
            end = start + len(values[n])
            texts[n] = head + joint.join(bodies[start:end]) + tail
            start = end

    def text(self, obj: Any, level: int) -> str:
        """``obj`` written at ``level``, as a string (not added to the output)."""
        out, self.out = self.out, []
        try:
            self.value(obj, level)
            return "".join(self.out)
        finally:
            self.out = out

    def object(self, mapping: dict[Any, Any], level: int) -> None:
        out = self.out
        if not mapping:
            out.append("{}")
            return
        inner = "\n" + _INDENT * (level + 1)
        if _LEAVES.issuperset(map(type, mapping.values())):
            out.append(
                "{" + inner + self.flat(level + 1)(mapping)[1:-1] + "\n" + _INDENT * level + "}"
            )
            return
        out.append("{")
        separator = inner
        leaf = _LEAF_TEXT.get
        for key, item in mapping.items():
            name = key if type(key) is str else _key(key)
            if name is None:
                raise TypeError(
                    f"keys must be str, int, float, bool or None, not {type(key).__name__}"
                )
            text = leaf(type(item))
            if text is not None:
                out.append(separator + encode_basestring(name) + ": " + text(item))
            else:
                out.append(separator + encode_basestring(name) + ": ")
                self.value(item, level + 1)
            separator = "," + inner
        out.append("\n" + _INDENT * level + "}")


Ranges = Callable[[Callable[[int, int], list[str]], int], Iterable[list[str]]]
"""How ``Rows`` runs the writing of its ranges: ``run(task, size)`` is ``task`` over
contiguous ranges covering ``range(size)``, results in order."""

STEP = 10_000
"""Items of a ``Rows`` written at a time by ``in_steps``."""


def in_steps(task: Callable[[int, int], list[str]], size: int) -> Iterator[list[str]]:
    """``task`` over ranges of ``STEP`` items covering ``range(size)``, each run when the
    writer asks for it (``Rows``' default ``run``): only one range's text is held at a
    time (the claims of an 8 MB original that a rewrite drops write 200 MB)."""
    for lo in range(0, size, STEP):
        yield task(lo, min(size, lo + STEP))


class Rows:
    """A list that ``iter_dumps`` writes as the list ``make(0, size)`` without its being
        held whole: ``make(lo, hi)`` gives items ``lo`` to ``hi`` (JSON data), made and written
        a batch at a time, range by range (``run``: one range here by default; a caller may run
        them in other processes). Only as a value of an object ``iter_dumps`` walks (an outer
    one: ``_STREAMED_LEVELS``), not inside a list or deeper."""

    __slots__ = ("containers", "make", "run", "size", "write")

    def __init__(
        self,
        size: int,
        make: Callable[[int, int], list[Any]],
        run: Ranges | None = None,
        containers: tuple[str, ...] | None = None,
        write: Callable[[int, int, int], str] | None = None,
    ) -> None:
        self.size = size
        self.make = make
        self.run: Ranges = run or in_steps
        self.write = write
        """When given, ``write(lo, hi, level)`` is ``body(make(lo, hi), level, containers)``
        written another way (``render.json_records``: straight from the objects), which
        the writer calls instead."""
        self.containers = containers
        """When given, ``make`` gives non-empty objects (dicts) whose fields are all scalars
        (``str``, ``int``, ``float``, ``bool``, ``None``) but those of these keys (in the
        objects' key order): they are written without a look at their other fields (a
        long comparison's JSON has some hundred thousand of them)."""


class Bodies:
    """A list that ``iter_dumps`` writes from the texts of its batches, as ``body`` writes
    each: ``texts(level)`` gives them in order (none: the list is empty). Only where a
    ``Rows`` may stand: for a list made apart (in other processes), its batches in an
    order of their own."""

    __slots__ = ("texts",)

    def __init__(self, texts: Callable[[int], Iterable[str]]) -> None:
        self.texts = texts


class Later:
    """A value that ``iter_dumps`` writes as ``make(level)``, called when the writer
    reaches it (after the values before it are written: a count they make, say), with the
    indent level it is written at. Only where a ``Rows`` may stand; it may make one."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[int], Any]) -> None:
        self.make = make


def body(records: list[Any], level: int, containers: tuple[str, ...] | None = None) -> str:
    """The text of ``records`` (a batch of a list at ``level``, JSON data) as ``Bodies``
    takes it: the list written without its brackets (a newline and an indent, then the
    items); ``containers`` as ``Rows.containers``."""
    return _body(_Writer(), records, level, containers)


def _body(
    writer: _Writer, records: list[Any], level: int, containers: tuple[str, ...] | None
) -> str:
    text = None
    if containers is not None and records:
        text = writer.records(records, level, containers)
    if text is None:
        text = writer.text(records, level)
    return text[1 : -len(_INDENT * level) - 2]


_STREAMED_LEVELS = 2
"""How deep ``iter_dumps`` walks as a generator; below, each value is written whole."""


def iter_dumps(obj: Any, batch: int = 1000) -> Iterator[str]:
    """The text of ``json.dumps(obj, ensure_ascii=False, indent=2)``, in pieces.

    The outer objects are walked key by key, and a long list near the top is written
    ``batch`` items at a time, so no piece is much larger than ``batch`` records and
    the whole text need never be held.

    Args:
        obj: JSON data: dicts, lists, tuples, strings, numbers, booleans, ``None``.
        batch: How many items of a long outer list go in one piece.

    Raises:
        TypeError: Something in ``obj`` is not JSON data (pieces before it were given).
    """
    with collector.paused():  # many short-lived small objects, no cycles (as in ``build_view``)
        yield from _pieces(_Writer(), obj, 0, batch)


def _pieces(writer: _Writer, obj: Any, level: int, batch: int) -> Iterator[str]:
    if type(obj) is Later:
        obj = obj.make(level)
    if level < _STREAMED_LEVELS and type(obj) is dict and obj:
        inner = "\n" + _INDENT * (level + 1)
        separator = "{" + inner
        for key, value in obj.items():
            name = key if type(key) is str else _key(key)
            if name is None:
                raise TypeError(
                    f"keys must be str, int, float, bool or None, not {type(key).__name__}"
                )
            yield separator + encode_basestring(name) + ": "
            yield from _pieces(writer, value, level + 1, batch)
            separator = "," + inner
        yield "\n" + _INDENT * level + "}"
    elif level < _STREAMED_LEVELS and type(obj) is list and len(obj) > batch:
        # Each batch written as a list, without its brackets: "[" + the batches joined
        # by "," + the closing line is the list written whole.
        tail = "\n" + _INDENT * level + "]"
        for first in range(0, len(obj), batch):
            text = writer.text(obj[first : first + batch], level)
            yield ("[" if first == 0 else ",") + text[1 : -len(tail)]
        yield tail
    elif type(obj) is Rows:  # a value of an object walked here
        yield from _rows(obj, level, batch)
    elif type(obj) is Bodies:
        opening = "["
        for text in obj.texts(level):
            yield opening + text
            opening = ","
        yield "[]" if opening == "[" else "\n" + _INDENT * level + "]"
    else:
        yield writer.text(obj, level)


def _rows(rows: Rows, level: int, batch: int) -> Iterator[str]:
    """``rows`` written as the list it stands for (see the list case of ``_pieces``)."""
    if not rows.size:
        yield "[]"
        return
    tail = "\n" + _INDENT * level + "]"

    def bodies(lo: int, hi: int) -> list[str]:
        """The batches of items ``lo`` to ``hi``, each written as a list without its
        brackets (a newline and an indent, then the items)."""
        write = rows.write
        if write is not None:
            return [write(first, min(hi, first + batch), level) for first in range(lo, hi, batch)]
        writer = _Writer()
        return [
            _body(writer, rows.make(first, min(hi, first + batch)), level, rows.containers)
            for first in range(lo, hi, batch)
        ]

    opening = "["
    for part in rows.run(bodies, rows.size):
        for body in part:
            yield opening + body
            opening = ","
    yield tail


def dumps(obj: Any) -> str:
    """``json.dumps(obj, ensure_ascii=False, indent=2)``, faster on large data.

    >>> dumps({"a": [1, 2.5, None], "b": {}, "c": "é"})
    '{\\n  "a": [\\n    1,\\n    2.5,\\n    null\\n  ],\\n  "b": {},\\n  "c": "é"\\n}'
    """
    return "".join(iter_dumps(obj))
