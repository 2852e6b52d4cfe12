"""Loading: encodings, metadata, and refusals with clear messages."""

from __future__ import annotations

import codecs
import os
import string
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffreader.engine import LoadError, load_document
from diffreader.engine.load import decode_bytes

DEMO = Path(__file__).resolve().parents[2] / "src" / "diffreader" / "demo"

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


# A short news paragraph in each of four scripts (written for this test).
OTHER_SCRIPTS = {
    "russian": (
        "Городской совет в среду утвердил бюджет на следующий год. Расходы на ремонт дорог "
        "вырастут на двенадцать процентов, а на общественный транспорт останутся прежними. "
        "Глава финансового комитета сказал, что город не будет повышать налоги.\n"
    ),
    "greek": (
        "Το δημοτικό συμβούλιο ενέκρινε την Τετάρτη τον προϋπολογισμό του επόμενου έτους. "
        "Οι δαπάνες για την επισκευή των δρόμων θα αυξηθούν κατά δώδεκα τοις εκατό.\n"
    ),
    "japanese": (
        "市議会は水曜日、来年度の予算案を承認した。道路の補修費は十二パーセント増える一方、"
        "公共交通の予算は据え置かれる。財政委員会の委員長は、市が税金を上げることはないと述べた。\n"
    ),
    "chinese": (
        "市議會星期三批准了明年的預算。道路維修支出將增加百分之十二，公共交通預算保持不變。"
        "財政委員會主席說，市政府不會提高稅收。\n"
    ),
    "korean": (
        "시의회는 수요일 내년 예산안을 승인했다. 도로 보수 비용은 12퍼센트 늘어나고 "
        "대중교통 예산은 그대로 유지된다. 재정위원장은 시가 세금을 올리지 않을 것이라고 말했다.\n"
    ),
}


@pytest.mark.parametrize(
    ("language", "codec"),
    [
        ("russian", "cp1251"),
        ("russian", "koi8_r"),
        ("russian", "iso8859_5"),
        ("greek", "cp1253"),
        ("greek", "iso8859_7"),
        ("japanese", "shift_jis"),
        ("japanese", "euc_jp"),
        ("japanese", "iso2022_jp"),
        ("chinese", "big5"),
        ("chinese", "gb18030"),
        ("korean", "euc_kr"),
        ("korean", "iso2022_kr"),
    ],
)
def test_legacy_encodings_of_other_scripts_are_detected(language: str, codec: str) -> None:
    # Read as cp1252 they became mojibake ("Ãîðîäñêîé", halfwidth katakana) that compared
    # as changed text throughout; ISO-2022 was read as UTF-8 with escape codes in it.
    text = OTHER_SCRIPTS[language]
    decoded, encoding = decode_bytes(text.encode(codec))
    assert decoded == text
    assert codecs.lookup(encoding).name != "cp1252"


@pytest.mark.parametrize("where", [300, 1200, -1])
def test_a_stray_byte_in_utf8_text_changes_nothing_else(where: int) -> None:
    """One byte that is not UTF-8 in a UTF-8 article: the rest is read as UTF-8 (the whole
    was read as latin-1, its curly quotes and names turned to mojibake, and the comparison
    made up four added and six dropped claims)."""
    from diffreader.engine import compare
    from diffreader.engine.load import document_from_text

    original = (DEMO / "00_original.txt").read_bytes()
    at = where if where >= 0 else len(original)
    damaged = original[:at] + b"\xff" + original[at:]
    text, encoding = decode_bytes(damaged)
    assert encoding == "utf-8 (partly cp1252)"
    assert text.replace("ÿ", "") == original.decode("utf-8")
    comparison = compare(document_from_text(original.decode()), document_from_text(text))
    assert comparison.claims == () and all(q.status.value == "verbatim" for q in comparison.quotes)


def test_a_cp1252_paragraph_pasted_into_utf8_text_is_read_as_cp1252() -> None:
    utf8 = "“Søren Lind” met the mayor of Zürich.\n\n".encode()
    pasted = "The café’s owner, Renée, said it was “over”.\n".encode("cp1252")
    text, encoding = decode_bytes(utf8 + pasted)
    assert text == (utf8 + pasted.decode("cp1252").encode()).decode()
    assert encoding == "utf-8 (partly cp1252)"


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


@pytest.mark.parametrize("date", ["9999-99-99", "0000-00-00", "2024-02-30", "2023-02-29"])
def test_a_date_no_calendar_has_is_no_date(tmp_path: Path, date: str) -> None:
    # "date 0000-00-00" was taken as the date and made its article a story's earliest.
    a = tmp_path / "a.txt"
    a.write_text(f"date {date} The council met. It voted.", encoding="utf-8")
    doc = load_document(a)
    assert doc.date is None
    assert doc.sentences[0].text.startswith(f"date {date}")  # shown as the text it is
    b = tmp_path / "b.md"
    b.write_text(f"---\ntitle: Bridge\ndate: {date}\n---\nThe council met.", encoding="utf-8")
    assert load_document(b).date is None


@pytest.mark.parametrize(
    "content", ["\u200b\n", "\ufeff\u2060 \u200d\n", "\u00ad\u200e\t\U000e0041"]
)
def test_a_file_of_invisible_characters_is_refused(tmp_path: Path, content: str) -> None:
    # A zero-width space alone compared as an article of one empty sentence, "100% kept".
    path = tmp_path / "a.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LoadError, match="no visible text"):
        load_document(path)
    path.write_text(content + "x", encoding="utf-8")
    assert load_document(path).sentences


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


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [TEXT, *OTHER_SCRIPTS.values()], ids=["latin", *OTHER_SCRIPTS])
def test_utf16_without_a_bom_is_read(tmp_path: Path, text: str, codec: str) -> None:
    """Notepad's "Unicode" less its BOM, or a file whose BOM was cut off, was refused as
    "binary file (contains NUL bytes)". Two paragraphs: a Chinese or Japanese text, all
    but its line breaks outside ASCII, is read as UTF-16 from 64 code units on (what
    fewer could be is a guess)."""
    article = f"{text.strip()}\n\n{text}"
    path = tmp_path / "article.txt"
    path.write_bytes(article.encode(codec))
    doc = load_document(path)
    assert doc.text == article
    assert doc.encoding == codec


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(
        alphabet=st.characters(categories=("L", "M", "N", "P", "S", "Zs")),
        max_size=100,
    ),
    ascii_text=st.text(alphabet=string.ascii_letters + string.digits + " .,\n", max_size=80),
    codec=st.sampled_from(["utf-16-le", "utf-16-be"]),
)
def test_utf16_text_without_a_bom_decodes_to_itself(text: str, ascii_text: str, codec: str) -> None:
    """Text of any letters, marks, figures, punctuation and spaces, more than half of it
    ASCII (as Latin-script articles are: their letters, spaces, line breaks, digits) and
    64 code units or more, written as UTF-16 without a BOM, decodes to itself."""
    piece = ascii_text + ". "
    units = len(text.encode("utf-16-le")) // 2
    whole = piece + text + piece * max(units // len(piece), 64 // len(piece))
    assert decode_bytes(whole.encode(codec)) == (whole, codec)


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    rows = b"".join(b"\x00" + bytes((x * 7 + y) % 256 for x in range(48)) for y in range(16))
    header = struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))


def _zip() -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("article.txt", TEXT * 20)
        archive.writestr("notes.txt", "Second file.\n")
    return buffer.getvalue()


def _pdf() -> bytes:
    import zlib

    stream = zlib.compress(b"BT /F1 12 Tf 72 712 Td (The harbour closed.) Tj ET" * 10)
    return (
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length "
        + str(len(stream)).encode()
        + b" /Filter /FlateDecode >>\nstream\n"
        + stream
        + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%EOF\n"
    )


def _utf16_table() -> bytes:
    """Binary records holding UTF-16 names: 16-bit counts, offsets and names."""
    import struct

    names = ["Harbour", "Council", "Mayor"]
    return b"".join(
        struct.pack("<HHI", 0x0102, len(name), 4096 + i) + name.encode("utf-16-le")
        for i, name in enumerate(names * 8)
    )


@pytest.mark.parametrize(
    "data", [_png(), _zip(), _pdf(), _utf16_table()], ids=["png", "zip", "pdf", "records"]
)
def test_binary_formats_are_still_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "file.txt"
    path.write_bytes(data)
    with pytest.raises(LoadError, match="binary"):
        load_document(path)
    for cut in (1, 2, 3):  # with its start cut at an odd or even place
        path.write_bytes(data[cut:])
        with pytest.raises(LoadError, match="binary"):
            load_document(path)


@settings(max_examples=200, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), size=st.integers(256, 20000))
def test_random_bytes_with_a_nul_are_refused(seed: int, size: int) -> None:
    import random

    data = random.Random(seed).randbytes(size)
    if b"\x00" not in data:
        data += b"\x00\x00"
    with pytest.raises(LoadError, match="binary"):
        decode_bytes(data)


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


# -- not regular files: refused before anything is read (a FIFO would block for ever) ----


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="is a directory"):
        load_document(tmp_path)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_character_device_is_refused() -> None:
    with pytest.raises(LoadError, match=r"not a regular file \(a character device\)"):
        load_document("/dev/zero")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_broken_link_and_link_loop_are_refused(tmp_path: Path) -> None:
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(LoadError, match="broken symbolic link"):
        load_document(dangling)
    loop = tmp_path / "loop.txt"
    loop.symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(loop)
    with pytest.raises(LoadError, match="symbolic link loop"):
        load_document(loop)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    """In a child process with a timeout: the old loader waited for a writer for ever."""
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    code = (
        "import sys\n"
        "from diffreader.engine import LoadError, load_document\n"
        "try:\n"
        "    load_document(sys.argv[1])\n"
        "except LoadError as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout == f"{fifo}: not a regular file (a FIFO), not an article\n"


def test_a_nul_byte_anywhere_means_binary(tmp_path: Path) -> None:
    """Not only in the first 64 KiB: a text file with binary data appended is refused."""
    path = tmp_path / "appended.txt"
    path.write_bytes(b"The harbour closed. " * 5000 + b"\x00\x01\x02PNG")
    with pytest.raises(LoadError, match="binary"):
        load_document(path)
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(codecs.BOM_UTF16_LE + ("Text. " * 20000 + "\x00").encode("utf-16-le"))
    with pytest.raises(LoadError, match="binary"):
        load_document(utf16)


def test_a_megabyte_is_checked_fast() -> None:
    import time

    data = b"The harbour closed on Tuesday. " * 34000  # about 1 MB
    started = time.perf_counter()
    decode_bytes(data)
    assert time.perf_counter() - started < 0.5
