"""Provides the corpus model of the reader: listing a folder from a quick read of each file.

``scan(folder)`` lists candidate files (``storage.corpus_index.scan``: the same rule as the
index and the commands). ``peek(path)`` reads at most ``HEAD_BYTES`` of one file, never
raising and never parsing: the title (the first line when it reads as a headline, else the
opening words; a title line, shown as the diff's is, ``display_echo``), the date marker,
and, when the whole file fits, its word count and review hash. A file that cannot be an
article (binary, too large, empty, unreadable, a FIFO or a device, a broken link or a link
loop) becomes an ``Article`` with ``error`` set, so the list shows why. Full parsing is
the corpus index's job (in a worker), and comparing loads the two documents it needs
(``Article.load``).

``list_file(path, kept)`` is ``peek`` through the corpus index's kept quick reads
(``CorpusIndex.listing``): a file whose size and mtime are those it was read at is listed
from there without being opened (the same ``Article``), any other is peeked, and its
quick read returned to be kept.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from diffreader.storage.files import read_regular
from diffreader.tui.textutil import display_echo, display_text

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

    from diffreader.engine.model import Document
    from diffreader.storage.corpus_index import Listed

__all__ = [
    "HEAD_BYTES",
    "Article",
    "decode_prefix",
    "list_file",
    "list_files",
    "peek",
    "quick_title",
    "scan",
]

HEAD_BYTES = 16_384
"""How much of each file the listing reads: a whole news article, mostly (~3 KB)."""

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_SENTENCE_END = re.compile(r"(?:[.,;:][\"”’»]?|[!?][\"”’»])$")
_LABEL_WORDS = 12
_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


@dataclass(slots=True)
class Article:
    """One file of the corpus, from a quick read of its start (or refused, with why)."""

    path: Path
    title: str = ""
    """Display title (literal, one line, every character that draws nothing shown:
    ``quick_title``)."""
    date: str = ""
    error: str | None = None
    """Why the file cannot be an article (``None`` when it may be one)."""
    words: int | None = None
    """Whitespace-separated words (``None`` until known: the file is longer than the
    quick read, and the index has not counted it yet)."""
    haystack: str = ""
    """Lowercased title and opening text (``HEAD_BYTES``), for the incremental filter: the
    title as shown and, when it shows characters that draw nothing, as read without them
    (``closes`` finds ``Clo\u200bses``, ``u+200b`` finds it too)."""
    text_hash: str = ""
    """``review.text_hash`` of the text ('' until known): finds its stored reviews."""
    size: int = 0
    doc: Document | None = None
    """The parsed article, once loaded for a comparison (``load``)."""

    @property
    def key(self) -> str:
        return str(self.path)

    @property
    def name(self) -> str:
        return self.path.name

    def load(self) -> Document:
        """Parse the whole file (a worker thread calls this before comparing).

        Raises:
            LoadError: the file cannot be read as an article.
        """
        from diffreader.engine.load import load_document
        from diffreader.review import text_hash

        if self.doc is None:
            self.doc = load_document(self.path)
            self.text_hash = text_hash(self.doc.text)
        return self.doc


def scan(folder: Path) -> list[Path]:
    """Candidate article files in ``folder`` (not recursive), by name.

    Hidden files, README files (they describe the folder) and folders are left out. A
    candidate that turns out to be binary, unreadable, not a regular file (a FIFO, a
    device), a broken link or a link loop is still listed, with the reason.
    """
    from diffreader.storage.corpus_index import scan as scan_names

    return [folder / name for name in scan_names(folder)]


def _refusal(path: Path, info: os.stat_result | None = None) -> tuple[str | None, int]:
    """Why ``path`` is not an article file, from ``stat`` alone (``info`` when the caller
    has just taken it), and its size."""
    from diffreader.engine.load import MAX_BYTES

    try:
        info = path.stat() if info is None else info
    except FileNotFoundError:
        if path.is_symlink():
            return "broken symbolic link (its target is missing)", 0
        return "no such file", 0
    except PermissionError:
        return "permission denied", 0
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop", 0
        return f"cannot read ({error.strerror or error})", 0
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        return "is a directory, not an article file", 0
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _SPECIAL if test(mode)), "special")
        return f"not a regular file ({kind}), not an article", 0
    if info.st_size > MAX_BYTES:
        return (
            f"too large ({info.st_size / 1048576:.1f} MB; "
            f"the limit is {MAX_BYTES / 1048576:.0f} MB)",
            info.st_size,
        )
    if info.st_size == 0:
        return "empty file (no text to compare)", 0
    return None, info.st_size


def decode_prefix(data: bytes, complete: bool) -> str:
    """Decode the start of an article as ``engine.load`` decodes the whole of it.

    A prefix may end inside a character; it is decoded up to there.

    Raises:
        LoadError: binary data.
    """
    from diffreader.engine.load import LoadError, bomless_utf16, decode_bytes

    if complete:
        return decode_bytes(data)[0]
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            decoder = codecs.getincrementaldecoder(encoding)("replace")
            return decoder.decode(data[len(bom) :], final=False)
    utf16 = bomless_utf16(data, final=False)
    if utf16 is not None:
        return utf16[0]
    if b"\x00" in data:
        raise LoadError("binary file (contains NUL bytes), not an article")
    try:
        text = codecs.getincrementaldecoder("utf-8")("strict").decode(data, final=False)
    except UnicodeDecodeError:
        # A legacy single-byte encoding: the full load decides which; cp1252 reads most.
        text = data.decode("cp1252", errors="replace")
    if text and len(_CONTROL.findall(text)) > max(8, len(text) // 100):
        raise LoadError("binary file (mostly control characters), not an article")
    return text


def quick_title(text: str) -> str:
    """The title as the listing shows it before the article is parsed.

    The first line after any date marker or front matter when it reads as a headline
    (short, not ending like a sentence, followed by more text), else the opening words.
    It is a title line, said on its own as the diff's is (``display_echo``): its
    characters that draw nothing are shown, so a title with a zero-width space in it does
    not look like the one without.

    >>> quick_title("Harbour Closes\\n\\nThe harbour closed on Monday.")
    'Harbour Closes'
    >>> quick_title("date 2025-01-02\\nThe harbour closed on Monday after the storm.")
    'The harbour closed on Monday after the storm.'
    >>> quick_title("Harbour\\u200b Closes\\n\\nThe harbour closed on Monday.")
    'Harbour<U+200B> Closes'
    """
    return _one_line(display_echo(_title_line(text)))


def _title_line(text: str) -> str:
    """The text of ``quick_title``, as the article has it."""
    from diffreader.engine.segment import find_metadata

    meta = find_metadata(text)
    body = text[meta.end :].lstrip("\ufeff \t\r\n")
    first, _, rest = body.partition("\n")
    first = first.strip()
    words = first.split()
    if (
        first
        and rest.strip()
        and len(first) <= 200
        and len(words) <= 25
        and not _SENTENCE_END.search(first)
    ):
        return first
    words = body.split()
    return " ".join(words[:_LABEL_WORDS]) + (" …" if len(words) > _LABEL_WORDS else "")


def _one_line(shown: str) -> str:
    return " ".join(shown.split())


def _haystack(label: str, title: str, text: str) -> str:
    """What the filter searches (``Article.haystack``): the title as shown; the title as
    read, its characters that draw nothing left out, when that differs; the text's start.

    >>> _haystack("Clo\\u200bses", "Clo<U+200B>ses", "Clo\\u200bses\\n")
    'clo<u+200b>ses\\ncloses\\nclo\\u200bses\\n'
    """
    read = _one_line(display_text(label)[0])
    if read != title:
        return f"{title.lower()}\n{read.lower()}\n{text.lower()}"
    return f"{title.lower()}\n{text.lower()}"


def peek(path: Path, limit: int = HEAD_BYTES, info: os.stat_result | None = None) -> Article:
    """A quick read of one file's start (never raises, never parses); ``info``: its
    ``os.stat`` when the caller has just taken it."""
    from diffreader.engine.load import LoadError
    from diffreader.engine.segment import find_metadata
    from diffreader.review import text_hash

    error, size = _refusal(path, info)
    if error is not None:
        return Article(path, title=display_echo(path.name), error=error, size=size)
    try:
        data = read_regular(path, limit)
        complete = len(data) < limit or len(data) == size
        text = decode_prefix(data, complete)
    except LoadError as refused:
        return Article(path, title=display_echo(path.name), error=refused.reason, size=size)
    except OSError as failed:
        reason = "permission denied" if isinstance(failed, PermissionError) else None
        reason = reason or f"cannot read ({failed.strerror or failed})"
        return Article(path, title=display_echo(path.name), error=reason, size=size)
    if complete and not text.strip():
        return Article(path, title=display_echo(path.name), error="empty file (no text to compare)")
    label = _title_line(text)
    title = _one_line(display_echo(label))
    if not title:  # no words after its date marker: called by its name
        label, title = path.name, display_echo(path.name)
    return Article(
        path,
        title=title,
        date=find_metadata(text).date or "",
        words=len(text.split()) if complete else None,
        haystack=_haystack(label, title, text),
        text_hash=text_hash(text) if complete else "",
        size=size,
    )


def list_file(
    path: Path, kept: Mapping[str, Listed]
) -> tuple[Article, tuple[int, int] | None, Listed | None]:
    """``peek(path)``, or the same ``Article`` from ``kept`` when the file is unchanged.

    Returns:
        The article; the file's ``(size, mtime_ns)`` (``None`` when it cannot be
        stat'ed: ``CorpusIndex.update(seen=...)`` takes them); and the quick read to keep
        when the file was peeked and is an article (``None`` when it came from ``kept``
        or was refused).
    """
    return _list_one(path, kept, _stat_or_none(path))


def list_files(
    paths: Sequence[Path], kept: Mapping[str, Listed]
) -> Iterator[tuple[Article, tuple[int, int] | None, Listed | None]]:
    """``list_file`` of each of ``paths``, in order, with every file stat'ed first.

    One burst of system calls before the first result (the listing worker makes it while
    the screen is idle): a thread that makes a system call per file while the UI thread
    works waits for the interpreter lock after each one.
    """
    infos = [_stat_or_none(path) for path in paths]
    for path, info in zip(paths, infos, strict=True):
        yield _list_one(path, kept, info)


def _stat_or_none(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _list_one(
    path: Path, kept: Mapping[str, Listed], info: os.stat_result | None
) -> tuple[Article, tuple[int, int] | None, Listed | None]:
    from diffreader.storage.corpus_index import Listed, changed_ns

    if info is None:
        return peek(path), None, None
    changed = changed_ns(info)
    stamp = (info.st_size, changed)
    if not stat.S_ISREG(info.st_mode):
        return peek(path, info=info), stamp, None
    old = kept.get(path.name)
    if old is not None and old.size == info.st_size and old.mtime_ns == changed:
        article = Article(
            path,
            title=old.title,
            date=old.date,
            words=old.words,
            haystack=old.haystack,
            text_hash=old.text_hash,
            size=old.size,
        )
        return article, stamp, None
    # Stat before the read: a change after it gives another mtime, read again next time.
    article = peek(path, info=info)
    if article.error is not None or article.size != info.st_size:
        return article, stamp, None
    return (
        article,
        stamp,
        Listed(
            path.name,
            info.st_size,
            changed,
            article.title,
            article.date,
            article.words,
            article.text_hash,
            article.haystack,
        ),
    )
