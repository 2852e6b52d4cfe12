"""Provides loading: bytes on disk to a decoded, segmented ``Document``.

Decoding order: a byte-order mark (UTF-8, UTF-16, UTF-32) wins; then UTF-16 without one
(NUL bytes in one half of the byte positions only, read as text: ``bomless_utf16``); then
strict UTF-8;
then charset-normalizer restricted to UTF-8, cp1252 and latin-1 (unrestricted
detection reads latin-1 as cp1250 and turns "Sergueï" into "Sergueď"); then, for text of
another script, charset-normalizer unrestricted (KOI8-R, Shift-JIS, ...); then cp1252 with
replacement characters. Binary data, empty files and oversized files are
refused with a ``LoadError`` whose message is fit to show a user.

A saved web page (a name ending in ``.html``/``.htm``, or bytes opening with an HTML
doctype or ``<html`` after any BOM and whitespace) is read by ``diffreader.engine.html``
instead: the optional extra ``diffreader[html]`` extracts its main text, and that
extracted text is what the document's offsets index. trafilatura is imported only then.

API:
    ARTICLE_SUFFIXES, HTML_SUFFIXES
    looks_like_html(path, data) -> bool
    load_document(path, *, max_bytes=MAX_BYTES) -> Document
    load_documents(paths, *, max_bytes=MAX_BYTES) -> list[Document]  (in parallel)
    documents_from_texts(texts) -> list[Document]  (in parallel)
    document_from_text(text, path=None, encoding="utf-8") -> Document
    decode_bytes(data) -> tuple[str, str]
    bomless_utf16(data, *, final=True) -> tuple[str, str] | None
    LoadError
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import unicodedata
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from diffreader.engine import parallel
from diffreader.engine.model import Document, Sentence, SentenceKind, Status
from diffreader.engine.segment import find_metadata, split_sentences
from diffreader.engine.text import INVISIBLE

__all__ = [
    "ARTICLE_SUFFIXES",
    "HTML_SUFFIXES",
    "MAX_BYTES",
    "LoadError",
    "bomless_utf16",
    "decode_bytes",
    "document_from_text",
    "documents_from_texts",
    "load_document",
    "load_documents",
    "looks_like_html",
]

HTML_SUFFIXES = frozenset({".html", ".htm"})
"""Saved web pages: read through the main-text extractor (``diffreader.engine.html``)."""

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", "", *HTML_SUFFIXES})
"""Files that may hold an article, by suffix (the corpus reader's and the index's rule);
others (images, JSON sidecars) are not listed."""

MAX_BYTES = 8 * 1024 * 1024
"""Larger files are refused: no article is this big (news articles are tens of KB), and
comparing grows about linearly, from 2.5 s per MB of ordinary prose to 8–12 s per MB of
text whose every sentence changes figures (the worst class measured): two such 8 MB files
take 70–100 s CPU and under 800 MB (``benchmarks/bench_hostile.py --sizes 7.8``). A bigger
file is a mistake that would keep the user waiting for minutes."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 controls other than tab, newline, carriage return and form feed: many of them mean binary.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


class LoadError(Exception):
    """A file cannot be read as an article. ``str(error)`` is a one-line reason."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.reason = message

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode article bytes, returning ``(text, encoding)``.

    Raises:
        LoadError: for binary data.

    >>> decode_bytes("caf\\u00e9".encode("cp1252"))
    ('café', 'cp1252')
    >>> decode_bytes(codecs.BOM_UTF8 + b"hi")
    ('hi', 'utf-8-sig')
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                raise LoadError(f"invalid {encoding} text after its byte-order mark") from error
            if "\x00" in text:
                raise LoadError("binary file (contains NUL characters), not an article")
            return text, encoding + ("-sig" if encoding == "utf-8" else "")
    found = bomless_utf16(data)
    if found is not None:
        return found
    # The whole file, not a sample: a NUL anywhere means binary (a text file with an image
    # appended, say). ``in`` on bytes is a C scan, about a millisecond per MB.
    if b"\x00" in data:
        raise LoadError("binary file (contains NUL bytes), not an article")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text, encoding = _damaged_utf8(data) or _decode_legacy(data)
    else:
        if "\x1b$" in text:  # seven-bit, so valid UTF-8: ISO-2022's shifts into a CJK set
            text, encoding = _decode_iso2022(data) or (text, encoding)
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise LoadError("binary file (mostly control characters), not an article")
    return text, encoding


_UTF16_SAMPLE = 65536
"""Bytes of a file looked at to tell UTF-16 without a BOM from binary data."""

_NOT_TEXT = frozenset({"Cc", "Cn", "Co", "Cs"})
"""Unicode categories no article is made of: controls, unassigned, private use, lone
surrogates (tab, line and page breaks are let through apart)."""


def bomless_utf16(data: bytes, *, final: bool = True) -> tuple[str, str] | None:
    """``(text, encoding)`` when ``data`` is UTF-16 text without a byte-order mark (saved
    without one, or its BOM cut off), else None; ``final`` False for a file's start, which
    may end inside a character.

    UTF-16 writes each ASCII character (every space, line break, digit and Latin letter)
    as its byte and a NUL: such text has NUL bytes, most or all in one half of the byte
    positions, the odd ones in little-endian, the even ones in big-endian. That half
    gives the byte order tried first (then the other). The text must decode strictly and
    be made of text: no NUL character, and no control, unassigned, private-use character
    or lone surrogate, except one in a hundred when the text has plenty of ASCII (one
    code unit in twenty and two or more, with at most one NUL in the other half for eight
    of them) and is thus surely text; without that evidence (Chinese, Japanese: only
    their line breaks are ASCII), none at all, at least 64 code units, and few scripts
    (``_few_scripts``). Binary data (images, archives, PDF, random bytes) has its NULs in
    both halves and decodes to controls and private or unassigned code points (random
    code units are one in seven of those) in scripts of every kind.

    >>> bomless_utf16("Harbour closes\\n".encode("utf-16-le"))
    ('Harbour closes\\n', 'utf-16-le')
    >>> bomless_utf16("Сена вышла из берегов.".encode("utf-16-be"))
    ('Сена вышла из берегов.', 'utf-16-be')
    >>> bomless_utf16(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR\\x00\\x00\\x01\\x00") is None
    True
    """
    sample = data[:_UTF16_SAMPLE]
    if b"\x00" not in sample or (final and len(data) % 2):
        return None
    sample = sample[: len(sample) - len(sample) % 2]
    units = len(sample) // 2
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    orders = (("utf-16-le", odd, even), ("utf-16-be", even, odd))
    for encoding, high, low in sorted(orders, key=lambda order: -order[1]):
        ascii_rich = high >= max(2, units // 20) and low * 8 <= high
        if not high or (not ascii_rich and (units < 64 or low >= max(4, high))):
            # Too short to tell, or NULs in both halves alike: a text's NULs are the high
            # bytes of its ASCII characters (a Chinese one's line breaks), more than the
            # low bytes that happen to be 0 (one character in 256).
            continue
        try:
            if final:
                text = data.decode(encoding)
            else:
                decoder = codecs.getincrementaldecoder(encoding)("strict")
                text = decoder.decode(data[: len(data) - len(data) % 2], final=False)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            continue
        head = text[: _UTF16_SAMPLE // 2]
        odd_ones = sum(
            1 for char in head if char not in "\t\n\r\f" and unicodedata.category(char) in _NOT_TEXT
        )
        if odd_ones <= (len(head) // 100 if ascii_rich else 0) and (
            ascii_rich or _few_scripts(head)
        ):
            return text, encoding
    return None


def _few_scripts(text: str) -> bool:
    """Whether six scripts at most make up 95% of ``text``'s characters (ASCII, and
    punctuation, spaces and figures, counting as one each; a script is the first word of
    a character's name: CJK, HIRAGANA, HANGUL). An article is written in one or two;
    random code units fall in dozens (half CJK, a sixth Hangul, the rest Yi, Tibetan, ...).

    >>> _few_scripts("市議会は水曜日、来年度の予算案を承認した。パーセント 12\\n")
    True
    >>> _few_scripts("ຒ㜎᧧築伧춘庥䢳䌣ބ픹ꨋ풺ଡ쥹밝ꮅ퐒㷉鴣㽹흺ๅ頙싒ᩭ귄ꛅ锋⮍閁䵗璂읶")
    False
    """
    scripts: Counter[str] = Counter()
    for char in text:
        if char < "\x80" or unicodedata.category(char)[0] in "PZN":
            scripts["ascii" if char < "\x80" else "common"] += 1
        else:
            scripts[unicodedata.name(char, "?").split(" ", 1)[0]] += 1
    return sum(count for _script, count in scripts.most_common(6)) * 100 >= 95 * len(text)


def _damaged_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 text with some bytes that are not UTF-8 (a stray byte, a name or a paragraph
    pasted from a cp1252 file): decoded as UTF-8, but those bytes read as cp1252 (one
    cp1252 leaves undefined as U+FFFD), with the encoding ``utf-8 (partly cp1252)``; None
    when the text is not mostly UTF-8.

    Read whole as a single-byte legacy encoding instead, every accented letter and curly
    quote of the article became two or three wrong characters, and the comparison found
    names and quotations changed that were not. Mostly: at least as many characters
    decoded from several bytes (what a legacy text almost never forms by chance) as bytes
    that fail.

    >>> text, encoding = _damaged_utf8("“Søren” said.".encode() + b" Caf\\xe9 \\x93Lys\\x94.")
    >>> text, encoding
    ('“Søren” said. Café “Lys”.', 'utf-8 (partly cp1252)')
    >>> _damaged_utf8("Café, Zürich".encode("cp1252")) is None
    True
    """
    text = data.decode("utf-8", "replace")
    failed = text.count("\ufffd") - data.count("\ufffd".encode())
    decoded = len(text) - len(text.encode("ascii", "ignore")) - failed  # non-ASCII, not failed
    if failed <= 0 or decoded < failed:
        return None
    text = data.decode("utf-8", _AS_CP1252)
    return text, "utf-8 (partly cp1252)"


def _as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """A ``codecs`` error handler: the bytes UTF-8 could not decode, read as cp1252."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", "replace"), error.end


_AS_CP1252 = "diffreader-as-cp1252"
codecs.register_error(_AS_CP1252, _as_cp1252)


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Text that is not UTF-8: a Western single-byte encoding (cp1252 or latin-1) when
    charset-normalizer, held to those, finds one that reads coherently; otherwise the
    encoding it finds unrestricted (Cyrillic, Greek, Japanese, Chinese, ... code pages);
    otherwise cp1252 with replacement characters.

    Held to the Western encodings first because unrestricted detection reads many a short
    latin-1 article as cp1250 ("Sergueï" became "Sergueď"); a text of another script reads
    as mojibake in those, which the restricted detection rejects.

    >>> _decode_legacy("Цены на хлеб выросли на два процента, сказал министр.".encode("koi8_r"))
    ('Цены на хлеб выросли на два процента, сказал министр.', 'koi8_r')
    """
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it is a dependency, but stay usable without it
        best = None
    else:
        best = from_bytes(data, cp_isolation=_WESTERN).best() or from_bytes(data).best()
    if best is not None:
        encoding = str(best.encoding)
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("cp1252", errors="replace"), "cp1252"


def _decode_iso2022(data: bytes) -> tuple[str, str] | None:
    """Seven-bit Japanese, Chinese or Korean text (ISO-2022-JP, ISO-2022-KR: escape
    sequences shift into a double-byte set), or None when ``data`` is not.

    >>> _decode_iso2022("市議会は予算案を承認した。".encode("iso2022_jp"))
    ('市議会は予算案を承認した。', 'iso2022_jp_2')
    """
    for encoding in ("iso2022_jp_2", "iso2022_kr"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x1b" not in text and "\x0e" not in text:  # no escape, no shift left
            return text, encoding
    return None


_WESTERN = ["utf_8", "cp1252", "latin_1"]
"""The encodings ``_decode_legacy`` tries first."""


def load_document(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> Document:
    """Read, decode and segment an article file.

    Raises:
        LoadError: missing, a directory or another non-regular file (a FIFO, a device),
            a broken or looping symbolic link, unreadable, too large, empty or binary.
    """
    shown = os.fspath(path)
    file = Path(path)
    try:
        info = file.stat()
        _check_regular(info.st_mode)
        if info.st_size > max_bytes:
            raise LoadError(
                f"too large ({info.st_size / 1048576:.1f} MB; "
                f"the limit is {max_bytes / 1048576:.0f} MB)",
                shown,
            )
        with file.open("rb") as handle:
            # Checked again on what was opened: a FIFO put in its place meanwhile would
            # otherwise block the read forever.
            _check_regular(os.fstat(handle.fileno()).st_mode)
            data = handle.read(max_bytes + 1)
    except LoadError as error:
        raise LoadError(error.reason, shown) from error
    except FileNotFoundError as error:
        reason = "broken symbolic link (its target is missing)" if file.is_symlink() else None
        raise LoadError(reason or "no such file", shown) from error
    except PermissionError as error:
        raise LoadError("permission denied", shown) from error
    except IsADirectoryError as error:
        raise LoadError("is a directory, not an article file", shown) from error
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise LoadError("symbolic link loop", shown) from error
        raise LoadError(f"cannot read ({error.strerror or error})", shown) from error
    if len(data) > max_bytes:
        raise LoadError(f"too large (over {max_bytes / 1048576:.0f} MB)", shown)
    if looks_like_html(shown, data):
        from diffreader.engine.html import document_from_html

        try:
            return document_from_html(data, path=shown)
        except LoadError as error:
            raise LoadError(error.reason, shown) from error
    try:
        text, encoding = decode_bytes(data)
    except LoadError as error:
        raise LoadError(error.reason, shown) from error
    if not text.strip():
        raise LoadError("empty file (no text to compare)", shown)
    if _INVISIBLE.fullmatch(text):
        raise LoadError("no visible text (only spaces and invisible characters)", shown)
    return document_from_text(text, path=shown, encoding=encoding)


_INVISIBLE = re.compile(rf"(?:\s|[\u202a-\u202e\u2066-\u2069]|{INVISIBLE})*")
"""Text that shows nothing: whitespace, direction controls, and the characters that draw
nothing (``text.INVISIBLE``: zero-width spaces and joiners, variation selectors, soft
hyphens, tags). A file of only these compared as an article of one empty sentence
("100% kept")."""


_HTML_OPENINGS = (b"<!doctype html", b"<html")


def looks_like_html(path: str | os.PathLike[str] | None, data: bytes) -> bool:
    """Whether ``data`` (the file ``path``) is a web page rather than a text article.

    >>> looks_like_html("page.HTM", b"anything")
    True
    >>> looks_like_html("a.txt", codecs.BOM_UTF8 + b"  \\n<!DOCTYPE html><title>x</title>")
    True
    >>> looks_like_html("a.txt", "<html>".encode("utf-16"))
    True
    >>> looks_like_html("a.txt", "<!doctype html><p>Hello there</p>".encode("utf-16-le"))
    True
    >>> looks_like_html("a.txt", b"The <html> tag opens a page.")
    False
    """
    if path is not None and os.path.splitext(os.fspath(path))[1].lower() in HTML_SUFFIXES:
        return True
    head = data[:1024]
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :].decode(encoding, errors="ignore").encode("ascii", "ignore")
            break
    else:
        utf16 = bomless_utf16(head, final=False) if b"\x00" in head else None
        if utf16 is not None:
            head = utf16[0].encode("ascii", "ignore")
    return head.lstrip().lower().startswith(_HTML_OPENINGS)


_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _check_regular(mode: int) -> None:
    """Refuse anything but a regular file: reading a FIFO or a tty waits for ever, and
    ``/dev/zero`` never ends."""
    if stat.S_ISDIR(mode):
        raise LoadError("is a directory, not an article file")
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "special")
        raise LoadError(f"not a regular file ({kind}), not an article")


def document_from_text(text: str, path: str | None = None, encoding: str = "utf-8") -> Document:
    """Segment an already-decoded text into a ``Document`` (title and date included).

    >>> doc = document_from_text("Harbour Closes\\n\\nThe harbour closed. It rained.")
    >>> doc.title, [s.text for s in doc.sentences]
    ('Harbour Closes', ['Harbour Closes', 'The harbour closed.', 'It rained.'])

    The text is read in its composed form (Unicode's NFC): an accent written as a
    character of its own after its letter ("Ho\u0308lt", as some systems store text) is
    the accented letter, so the two spellings of one word are one word.

    >>> document_from_text("Ho\u0308lt won.").text == "H\u00f6lt won."
    True
    """
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    sentences = split_sentences(text)
    title = None
    for sentence in sentences:
        if sentence.kind is SentenceKind.META:
            continue
        if sentence.kind is SentenceKind.HEADLINE:
            title = sentence.text
        break
    return Document(
        text=text,
        sentences=tuple(sentences),
        path=path,
        title=title,
        date=find_metadata(text).date,
        encoding=encoding,
    )


def load_documents(
    paths: Sequence[str | os.PathLike[str]], *, max_bytes: int = MAX_BYTES
) -> list[Document]:
    """``[load_document(path) for path in paths]``, long files read in parallel.

    Files big enough to repay a process (``parallel.MIN_WEIGHT`` bytes and more) are
    segmented in forked processes (parallel.py) while this one segments the first; the
    documents, and the first ``LoadError`` in path order, are those of the serial loop (an
    unexpected ``OSError`` becomes a ``LoadError`` naming its path).
    """
    weights = []
    for path in paths:
        try:
            weights.append(os.stat(path).st_size)  # stat never blocks, even on a FIFO
        except (OSError, ValueError):
            weights.append(0)

    def load_one(path: str | os.PathLike[str]) -> Document:
        try:
            return load_document(path, max_bytes=max_bytes)
        except LoadError:
            raise
        except OSError as error:  # load_document maps the usual ones; this is a backstop
            reason = f"cannot read ({error.strerror or error})"
            raise LoadError(reason, os.fspath(path)) from error

    def load(lo: int, hi: int) -> list[Document]:
        return [load_one(path) for path in paths[lo:hi]]

    bounds = parallel.split(weights, parallel.jobs())
    parts = parallel.fork_map(load, bounds, _encode_documents, _decode_documents)
    return [doc for part in parts for doc in part]


def documents_from_texts(texts: Sequence[str]) -> list[Document]:
    """``[document_from_text(text) for text in texts]``, long texts segmented in parallel
    (as ``load_documents``)."""

    def segment(lo: int, hi: int) -> list[Document]:
        return [document_from_text(text) for text in texts[lo:hi]]

    bounds = parallel.split([len(text) for text in texts], parallel.jobs())
    parts = parallel.fork_map(segment, bounds, _encode_documents, _decode_documents)
    return [doc for part in parts for doc in part]


_SENTENCE_KINDS = tuple(SentenceKind)
_SENTENCE_KIND_INDEX = {kind: i for i, kind in enumerate(_SENTENCE_KINDS)}
_STATUSES = tuple(Status)
_STATUS_INDEX = {status: i for i, status in enumerate(_STATUSES)}

_EncodedDocument = tuple[str, tuple[int, ...], str | None, str | None, str | None, str, str | None]


def _encode_documents(docs: list[Document]) -> list[_EncodedDocument]:
    """Documents as plain values for the transfer from a child process (parallel.py):
    each sentence five integers (its text is the document's slice)."""
    return [
        (
            doc.text,
            tuple(
                n
                for s in doc.sentences
                for n in (
                    s.start,
                    s.end,
                    s.paragraph,
                    _SENTENCE_KIND_INDEX[s.kind],
                    _STATUS_INDEX[s.status],
                )
            ),
            doc.path,
            doc.title,
            doc.date,
            doc.encoding,
            doc.author,
        )
        for doc in docs
    ]


def _decode_documents(encoded: list[_EncodedDocument]) -> list[Document]:
    """``_encode_documents`` undone."""
    docs = []
    for text, flat, path, title, date, encoding, author in encoded:
        numbers = iter(flat)
        sentences = tuple(
            Sentence(
                sid,
                start,
                end,
                text[start:end],
                paragraph,
                _SENTENCE_KINDS[kind],
                _STATUSES[status],
            )
            for sid, (start, end, paragraph, kind, status) in enumerate(
                zip(numbers, numbers, numbers, numbers, numbers, strict=True)
            )
        )
        docs.append(Document(text, sentences, path, title, date, encoding, author))
    return docs
