"""Provides reading a saved web page as an article: its main text, title, date and author.

The optional extra ``diffreader[html]`` brings trafilatura (the best of the main-text
extractors measured for this project, see issue 15). This module is the only one that
imports it, and only inside ``document_from_html``: a one-off on text files never pays
its import (about a quarter of a second). Without the extra, an HTML file is refused
with one line that says how to install it.

What offsets index: the ``Document`` of a page holds the **extracted** article text, not
the HTML. Each block trafilatura keeps (the headline when the article body has one, the
paragraphs, list items) is one line, with a blank line between blocks: the layout of a
plain-text article, so a page and a text copy of the same article segment alike. Every
span of a comparison maps back to that text (what the reader shows and reports quote);
none maps back to the bytes of the page. The title, date and author come from the page's
metadata (``<title>``, Open Graph and schema.org tags, ``<meta name="author">``); the
date is looked for in the metadata only, never guessed from the text of comments or
links, and falls back to a ``date YYYY-MM-DD`` marker in the extracted text.

Decoding follows the browsers' order: a byte-order mark wins; then a charset declared
in the first 4 KB (``<meta charset>`` or ``http-equiv="Content-Type"``), decoded
strictly; then the text loader's own order (strict UTF-8, then cp1252/latin-1).

API:
    document_from_html(data, path=None) -> Document     (raises LoadError)
    decode_html(data) -> tuple[str, str]
    INSTALL_HINT
"""

from __future__ import annotations

import codecs
import logging
import re
from typing import Any

from diffreader.engine.load import _BOMS, LoadError, decode_bytes, document_from_text
from diffreader.engine.model import Document
from diffreader.engine.segment import find_metadata

__all__ = ["INSTALL_HINT", "MIN_WORDS", "decode_html", "document_from_html"]

INSTALL_HINT = "pip install 'diffreader[html]'"
"""The command that installs the HTML reader (shown when it is missing)."""

MIN_WORDS = 6
"""A page is an article only if some extracted block has this many words: on a page
without one (a menu, a login wall, a page its scripts build), the extractor falls back
to the menu's one-word links."""

_PRESCAN = 4096
"""Bytes searched for a declared charset (browsers look at the first 1,024; pages with
long ``<head>`` scripts declare it later, and a wrong hit is cheap to refuse)."""

_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:+-]+)""", re.IGNORECASE
)

# As the WHATWG Encoding Standard has them: these labels mean windows-1252 on the web,
# and a page cannot declare UTF-16 in its own ASCII-compatible bytes.
_LABELS = {
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
}

_WEB_ENCODINGS = frozenset(
    "utf-8 cp866 iso8859-2 iso8859-3 iso8859-4 iso8859-5 iso8859-6 iso8859-7 iso8859-8 "
    "iso8859-9 iso8859-10 iso8859-11 iso8859-13 iso8859-14 iso8859-15 iso8859-16 koi8-r "
    "koi8-u mac-roman mac-cyrillic cp874 tis-620 cp1250 cp1251 cp1252 cp1253 cp1254 cp1255 "
    "cp1256 cp1257 cp1258 gbk gb2312 gb18030 big5 big5hkscs euc_jp iso2022_jp shift_jis "
    "cp932 euc_kr cp949".split()
)
"""Python's names of the encodings a browser honours in a page (the WHATWG Encoding
Standard's, and their Windows supersets). Any other codec a label names is ignored as an
unknown label is: rot13 and base64 are no text encodings (an internal error, which
stopped ``stories`` and ``scan`` over the whole folder), unicode_escape and utf-7 read
the text's backslashes and plus signs as escapes, cp037 reads ASCII as EBCDIC."""

_CONTROL_REFERENCE = re.compile(
    r"&#(?:0*(?:[1-8]|1[124-9]|2[0-9]|3[01]|6553[45])(?![0-9])"
    r"|[xX]0*(?:[1-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF])(?![0-9a-fA-F]));?"
)
"""A character reference to a control character but tab and line breaks (``&#12;``,
``&#x1b;``) or to U+FFFE or U+FFFF: trafilatura discarded the whole article of a page
holding one ("no article text found"). It is taken out, as the parser takes out the
character typed raw."""

_QUIET = ("trafilatura", "htmldate", "courlan", "justext")
"""Their loggers warn on stderr ("discarding data: None") unless they have a handler."""


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode the bytes of a page, returning ``(text, encoding)``.

    Raises:
        LoadError: for binary data, or a BOM followed by invalid text.

    >>> decode_html(b'<meta charset="windows-1251"><p>\\xcf\\xf0\\xe8\\xe2\\xe5\\xf2')
    ('<meta charset="windows-1251"><p>Привет', 'cp1251')
    >>> decode_html(b'<meta charset="latin-1"><p>\\x93quoted\\x94')[1]
    'cp1252'
    """
    if any(data.startswith(bom) for bom, _encoding in _BOMS):
        return decode_bytes(data)
    declared = _declared_charset(data[:_PRESCAN])
    if declared is not None:
        if b"\x00" in data:
            raise LoadError("binary file (contains NUL bytes), not an article")
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # a page that lies about its charset: decode it as a text file would be
    return decode_bytes(data)


def _declared_charset(head: bytes) -> str | None:
    for match in _META_CHARSET.finditer(head):
        label = match.group(1).decode("ascii").strip().lower()
        label = _LABELS.get(label, label)
        try:
            name = codecs.lookup(label).name
        except LookupError:
            continue  # an unknown label: look for another declaration, else ignore it
        if name in _WEB_ENCODINGS:
            return name
    return None


def document_from_html(data: bytes, path: str | None = None) -> Document:
    """Extract the article of a web page and segment it.

    Raises:
        LoadError: the HTML extra is not installed; the page is binary, empty or holds
            no article text (only navigation, a login wall, a script-built page).
    """
    text, encoding = decode_html(data)
    if not text.strip():
        raise LoadError("empty file (no text to compare)")
    extracted = _extract(_CONTROL_REFERENCE.sub("", text))
    lines = [line.strip() for line in extracted["text"].splitlines() if line.strip()]
    if not any(len(line.split()) >= MIN_WORDS for line in lines):
        raise LoadError("no article text found in this web page (only menus or page furniture)")
    body = "\n\n".join(lines)
    doc = document_from_text(body, path=path, encoding=encoding)
    return Document(
        text=doc.text,
        sentences=doc.sentences,
        path=path,
        title=_one_line(extracted["title"]) or doc.title,
        date=extracted["date"] or find_metadata(body).date,
        encoding=encoding,
        author=_one_line(extracted["author"]),
    )


def _one_line(value: str | None) -> str | None:
    if not value:
        return None
    return " ".join(value.split()) or None


def _extract(page: str) -> dict[str, Any]:
    """trafilatura's text and metadata of ``page``: keys text, title, date, author."""
    try:
        import trafilatura
    except ImportError as error:
        raise LoadError(
            f"a web page; reading HTML needs the optional extra: {INSTALL_HINT}"
        ) from error
    for name in _QUIET:
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
    try:
        result = trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            # The date from the page's metadata only: an extensive search would take a
            # date from a comment, a "related" link or the footer.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    # trafilatura catches its own parsing errors; this is the backstop that keeps a page
    # from crashing the reader or the command line (lxml and the date parser raise many
    # kinds, and a deeply nested page exhausts the recursion limit).
    except Exception as error:
        raise LoadError(f"cannot extract the article from this web page ({error!r})") from error
    if result is None:
        return {"text": "", "title": None, "date": None, "author": None}
    fields = result if isinstance(result, dict) else result.as_dict()
    return {
        "text": fields.get("text") or "",
        "title": fields.get("title"),
        "date": _iso_date(fields.get("date")),
        "author": fields.get("author"),
    }


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: object) -> str | None:
    """``YYYY-MM-DD`` as the text loader gives dates, or ``None``."""
    if not isinstance(value, str):
        return None
    match = _ISO_DATE.match(value)
    return match.group(0) if match else None
