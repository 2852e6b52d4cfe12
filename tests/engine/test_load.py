"""Loading: encodings, metadata, and refusals with clear messages."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from diffreader.engine import LoadError, load_document
from diffreader.engine.load import decode_bytes

TEXT = "Sergueï Lavrov’s café — “quoted” text.\n\nSecond paragraph here."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32-le"),
    ],
)
def test_unicode_encodings_decode_exactly(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    doc = load_document(path)
    assert doc.text == TEXT
    assert doc.encoding == encoding


def test_cp1252_is_decoded_with_curly_quotes_and_dashes(tmp_path: Path) -> None:
    text = "The minister’s “plan” — costing €5 — was dropped. Sergueï agreed. " * 20
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    doc = load_document(path)
    assert doc.text == text
    assert doc.encoding == "cp1252"


def test_latin1_name_is_not_read_as_cp1250(tmp_path: Path) -> None:
    # Unrestricted detection turns this into "Sergueď"; the isolation list prevents it.
    text = ("Sergueï Lavrov a déclaré que la coopération était à l'ordre du jour. " * 400).strip()
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    doc = load_document(path)
    assert "Sergueï" in doc.text
    assert "ď" not in doc.text


def test_offsets_index_the_decoded_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"Title Line\n\nOne sentence. Two sentence.")
    doc = load_document(path)
    for sentence in doc.sentences:
        assert doc.text[sentence.start : sentence.end] == sentence.text
    assert doc.title == "Title Line"


def test_date_marker_and_front_matter(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text(" date 2026-03-14 The council met. It voted.", encoding="utf-8")
    doc = load_document(a)
    assert doc.date == "2026-03-14"
    assert doc.sentences[0].kind.value == "meta"
    assert doc.sentences[1].text == "The council met."
    b = tmp_path / "b.md"
    b.write_text("---\ntitle: Bridge\ndate: 2026-01-02\n---\nThe council met.", encoding="utf-8")
    assert load_document(b).date == "2026-01-02"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file"):
        load_document(tmp_path / "nope.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="directory"):
        load_document(tmp_path)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(LoadError, match="binary"):
        load_document(path)


def test_control_character_soup_is_binary() -> None:
    with pytest.raises(LoadError, match="binary"):
        decode_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 100)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  "])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(LoadError, match="empty"):
        load_document(path)


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000, encoding="utf-8")
    with pytest.raises(LoadError, match="too large"):
        load_document(path, max_bytes=1000)


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("text", encoding="utf-8")
    path.chmod(0)
    try:
        try:
            path.read_bytes()
        except PermissionError:
            pass
        else:
            pytest.skip("running as root: permissions are not enforced")
        with pytest.raises(LoadError, match="permission denied"):
            load_document(path)
    finally:
        path.chmod(0o644)


def test_error_message_names_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(LoadError) as info:
        load_document(missing)
    assert str(info.value) == f"{missing}: no such file"
