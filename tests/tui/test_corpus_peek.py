"""Tests the reader's quick read of a file (``tui.corpus``): it agrees with the full load."""

from __future__ import annotations

import os
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffreader.engine.load import load_document
from diffreader.review import text_hash
from diffreader.storage.corpus_index import CorpusIndex
from diffreader.tui.corpus import (
    HEAD_BYTES,
    Article,
    decode_prefix,
    list_file,
    list_files,
    peek,
    quick_title,
    scan,
)

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


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("repeat", [1, HEAD_BYTES // 20])
def test_utf16_without_a_bom_is_listed(tmp_path: Path, codec: str, repeat: int) -> None:
    """A UTF-16 file without its BOM was listed as refused ("binary file"); short, it is
    read whole, long, from its start (which may end inside a character)."""
    text = "Harbour Closes\n\n" + "The harbour closed on Monday, the mayor said. " * repeat
    path = tmp_path / "notepad.txt"
    path.write_bytes(text.encode(codec))
    article = peek(path)
    assert article.error is None and article.title == "Harbour Closes"
    for cut in (HEAD_BYTES - 1, HEAD_BYTES):
        assert text.startswith(decode_prefix(text.encode(codec)[:cut], complete=False))


def test_quick_title_is_literal() -> None:
    assert quick_title("Headline [bold]x[/] \x1b[31m\n\nBody text.") == "Headline [bold]x[/] ␛[31m"


def test_a_title_shows_what_draws_nothing_and_is_still_found_by_its_words(
    tmp_path: Path,
) -> None:
    """The quick read's title is a title line, as the diff's: a zero-width space shows as
    ``<U+200B>`` (it was left out, and the title looked like the one without it), a bidi
    override as ``\ufffd``, markup and escapes literally. The filter finds it by what it
    shows and by its words as read; the index keeps it so, and lists it so again."""
    from diffreader.render.escape import invisible_runs
    from diffreader.tui.textutil import document_label

    folder = tmp_path / "corpus"
    folder.mkdir()
    path = folder / "hidden.txt"
    path.write_text(
        "Bridge\u200b closes \u202eevil\u202c \u2066x\u2069 [b]y[/b] \x1b[31m\n\n"
        "The bridge closed on Monday.\n",
        encoding="utf-8",
    )
    article = peek(path)
    shown = "Bridge<U+200B> closes \ufffdevil\ufffd \ufffdx\ufffd [b]y[/b] ␛[31m"
    assert article.title == shown
    assert article.title == document_label(load_document(path))  # the diff's title line
    assert not invisible_runs(article.title)
    assert "bridge<u+200b> closes" in article.haystack  # what the list shows
    assert "bridge closes" in article.haystack  # the words, as before
    assert "\u202e" not in article.title and "\u2066" not in article.title
    plain = folder / "plain.txt"
    plain.write_text("Bridge closes\n\nThe bridge closed on Monday.\n", encoding="utf-8")
    assert peek(plain).title == "Bridge closes"
    text = plain.read_text(encoding="utf-8")
    assert peek(plain).haystack == f"bridge closes\n{text.lower()}"  # one title when the same
    # Kept by the index and listed from it unchanged.
    listed, _, read = list_file(path, {})
    assert listed == article and read is not None and read.title == shown
    with CorpusIndex(folder, path=tmp_path / "index.sqlite3") as index:
        index.remember_listing([read])
    with CorpusIndex(folder, path=tmp_path / "index.sqlite3") as index:
        kept = index.listing()
    assert kept["hidden.txt"].title == shown
    assert list_file(path, kept)[0] == article


def _mixed_folder(folder: Path) -> list[Path]:
    """Files the listing reads differently: headline or not, a date, long, legacy bytes,
    a BOM, literal markup, binary, empty and blank."""
    folder.mkdir()
    files = {
        "a_headline.txt": "Harbour Closes\n\nThe harbour closed on Monday. Boats waited.\n",
        "b_dated.txt": "date 2025-01-02\nThe harbour closed on Monday after the storm.\n",
        "c_long.txt": "Long Story\n\n" + "The council met again. " * (HEAD_BYTES // 10),
        "d_markup.txt": "Headline [bold]x[/] \x1b[31m\n\nBody text here.\n",
        "e_blank.txt": "  \n\n",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "f_legacy.txt").write_bytes("Caf\xe9 Opens\n\nIt served cr\xe8me.\n".encode("cp1252"))
    (folder / "g_bom.txt").write_bytes("Tide Report\n\nLow at noon.\n".encode("utf-16"))
    (folder / "h_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    (folder / "i_empty.txt").write_bytes(b"")
    return scan(folder)


def test_listing_from_the_index_equals_listing_from_peek_row_by_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warm start lists every unchanged file from the index's kept quick read, without
    opening it, and the row is the one ``peek`` gives; a changed file is read again."""
    from diffreader.tui import corpus as corpus_module

    paths = _mixed_folder(tmp_path / "mixed")
    peeked = [peek(path) for path in paths]
    first = [list_file(path, {}) for path in paths]
    assert [article for article, _, _ in first] == peeked
    # The stamps are the files' (size, time of change), as the index's update stats them.
    from diffreader.storage.corpus_index import changed_ns

    for path, (_, stamp, _) in zip(paths, first, strict=True):
        info = path.stat()
        assert stamp == (info.st_size, changed_ns(info))
    kept_reads = [read for _, _, read in first if read is not None]
    # Articles are kept; refused files (binary, empty, blank) are read again each time.
    assert sorted(read.name for read in kept_reads) == [
        "a_headline.txt",
        "b_dated.txt",
        "c_long.txt",
        "d_markup.txt",
        "f_legacy.txt",
        "g_bom.txt",
    ]
    with CorpusIndex(tmp_path / "mixed", path=tmp_path / "index.sqlite3") as index:
        index.remember_listing(kept_reads)
    with CorpusIndex(tmp_path / "mixed", path=tmp_path / "index.sqlite3") as index:
        kept = index.listing()
    opened: list[str] = []
    real_peek = corpus_module.peek

    def counting_peek(
        path: Path, limit: int = HEAD_BYTES, info: os.stat_result | None = None
    ) -> Article:
        opened.append(path.name)
        return real_peek(path, limit, info)

    monkeypatch.setattr(corpus_module, "peek", counting_peek)
    second = [list_file(path, kept) for path in paths]
    assert [article for article, _, _ in second] == peeked
    assert [stamp for _, stamp, _ in second] == [stamp for _, stamp, _ in first]
    assert all(read is None for _, _, read in second)
    assert sorted(opened) == ["e_blank.txt", "h_binary.txt", "i_empty.txt"]
    # Stat'ing all first (the listing worker's way) lists the same.
    assert list(list_files(paths, kept)) == second
    assert list(list_files(paths, {})) == first
    # A changed file (another size) is peeked again, and its new read is returned.
    (tmp_path / "mixed" / "a_headline.txt").write_text("Harbour Reopens\n\nAt last.\n")
    opened.clear()
    article, _, read = list_file(tmp_path / "mixed" / "a_headline.txt", kept)
    assert opened == ["a_headline.txt"]
    assert article.title == "Harbour Reopens" and read is not None
    assert read.title == "Harbour Reopens"
