"""Tests the reader's quick read of a file (``tui.corpus``): it agrees with the full load."""

from __future__ import annotations

import string
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from diffreader.engine.load import load_document
from diffreader.review import text_hash
from diffreader.tui.corpus import HEAD_BYTES, decode_prefix, peek, quick_title

_WORDS = st.text(alphabet=string.ascii_lowercase + "éçø’", min_size=1, max_size=10)
_SENTENCES = st.lists(_WORDS, min_size=3, max_size=14).map(lambda w: " ".join(w).capitalize() + ".")


@settings(max_examples=40, deadline=None)
@given(
    headline=st.lists(_WORDS, min_size=1, max_size=8).map(lambda w: " ".join(w).title()),
    paragraphs=st.lists(st.lists(_SENTENCES, min_size=1, max_size=4), min_size=1, max_size=5),
    date=st.one_of(st.none(), st.dates().map(lambda d: f"{d.year:04}-{d.month:02}-{d.day:02}")),
)
def test_a_short_file_is_read_whole_and_agrees_with_the_full_load(
    tmp_path_factory, headline: str, paragraphs: list[list[str]], date: str | None
) -> None:  # type: ignore[no-untyped-def]
    text = "\n\n".join(" ".join(p) for p in paragraphs)
    text = f"{headline}\n\n{text}\n"
    if date:
        text = f"date {date}\n{text}"
    path = tmp_path_factory.mktemp("peek") / "article.txt"
    path.write_text(text, encoding="utf-8")
    article = peek(path)
    doc = load_document(path)
    assert article.error is None
    assert article.text_hash == text_hash(doc.text)
    assert article.words == len(doc.text.split())
    assert article.date == (doc.date or "")
    if doc.title:
        assert article.title == " ".join(doc.title.split())


@settings(max_examples=80, deadline=None)
@given(
    text=st.text(min_size=1, max_size=300).filter(lambda t: "\x00" not in t),
    cut=st.integers(0, 1200),
)
def test_a_prefix_decodes_to_a_prefix_of_the_text(text: str, cut: int) -> None:
    data = text.encode("utf-8", "surrogatepass")
    try:
        whole = data.decode("utf-8")
    except UnicodeDecodeError:
        return  # lone surrogates are not UTF-8 text
    try:
        head = decode_prefix(data[:cut], complete=False)
    except Exception:
        return  # control characters: refused as binary, as the full load refuses them
    assert whole.startswith(head)


def test_a_long_file_is_listed_from_its_start_only(tmp_path: Path) -> None:
    body = "The council met again. " * (HEAD_BYTES // 10)
    path = tmp_path / "long.txt"
    path.write_text(f"Long Story\n\n{body}", encoding="utf-8")
    article = peek(path)
    assert article.error is None and article.title == "Long Story"
    assert article.words is None and article.text_hash == ""  # the index counts them later
    assert len(article.haystack) <= HEAD_BYTES + len("long story\n")


def test_quick_title_is_literal() -> None:
    assert quick_title("Headline [bold]x[/] \x1b[31m\n\nBody text.") == "Headline [bold]x[/] ␛[31m"
