"""The model's frozen records: the contract other parts rely on.

The records a comparison makes by the hundred thousand (spans, sentences, word operations,
pairs, claims, quotes) keep their fields as the signature, their defaults, and stay frozen,
hashable, copyable and picklable (the scan's executors ship them between processes).
"""

from __future__ import annotations

import copy
import dataclasses
import inspect
import os
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diffreader.engine.model import Claim, Pair, Quote, Sentence, Span, WordOp

QUICK = [Span, Sentence, WordOp, Pair, Claim, Quote]
VALUES = st.one_of(st.integers(), st.text(max_size=5), st.none(), st.booleans())


@pytest.mark.parametrize("cls", QUICK)
def test_the_signature_is_the_fields_with_their_defaults(cls: type) -> None:
    params = list(inspect.signature(cls).parameters.values())
    assert [p.name for p in params] == [f.name for f in dataclasses.fields(cls)]
    for p, f in zip(params, dataclasses.fields(cls), strict=True):
        expected = inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default
        assert p.default == expected


@pytest.mark.parametrize("cls", QUICK)
@given(data=st.data())
def test_a_record_holds_what_it_was_given_and_stays_frozen(cls: type, data: st.DataObject) -> None:
    names = [f.name for f in dataclasses.fields(cls)]
    required = [f.name for f in dataclasses.fields(cls) if f.default is dataclasses.MISSING]
    # Values of any type: construction checks none, as the generated __init__ did not.
    values = {n: data.draw(VALUES) for n in names}
    given_count = data.draw(st.integers(len(required), len(names)))
    positional = [values[n] for n in names[:given_count]]
    record = cls(*positional)
    for f in dataclasses.fields(cls):
        expected = values[f.name] if f.name in names[:given_count] else f.default
        assert getattr(record, f.name) == expected
    by_keyword = cls(**{n: values[n] for n in names[:given_count]})
    assert by_keyword == record
    assert hash(by_keyword) == hash(record)
    assert pickle.loads(pickle.dumps(record)) == record
    assert copy.copy(record) == record
    assert dataclasses.replace(record) == record
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, names[0], values[names[0]])


def test_a_missing_argument_is_refused_as_before() -> None:
    with pytest.raises(TypeError):
        WordOp()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Span(1, 2, 3)  # type: ignore[call-arg]


@pytest.mark.skipif(os.sep != "/", reason="a backslash is a separator on Windows")
def test_a_backslash_in_a_posix_file_name_is_part_of_the_name() -> None:
    # "[bold]red[\bold].txt" was labelled "bold].txt", and "a\x.txt", "b\x.txt" alike.
    from diffreader.engine.load import document_from_text
    from diffreader.render.summary import doc_line

    untitled = document_from_text("the vote was close.\n", "/news/a\\x.txt")
    assert untitled.title is None or untitled.title == ""
    assert untitled.name == untitled.file_name == "a\\x.txt"
    titled = document_from_text("Vote Held\n\nThe vote was close.\n", "/news/[bold]r[\\bold].txt")
    assert doc_line(titled)[1].endswith("· [bold]r[\\bold].txt")
