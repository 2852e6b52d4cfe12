"""Saved web pages as articles (``diffreader[html]``): extraction, decoding, bad pages.

The fixtures in ``tests/data/html/`` are the demo articles wrapped in a news site's page
furniture (``scripts/make_html_fixtures.py`` writes them); a comparison of two pages must
equal the comparison of the two text files.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diffreader.cli import main
from diffreader.engine import LoadError, compare, load_document
from diffreader.engine.load import ARTICLE_SUFFIXES, looks_like_html
from diffreader.engine.model import Comparison, SentenceKind

pytest.importorskip("trafilatura", reason="the html extra is not installed")

from diffreader.engine.html import INSTALL_HINT, decode_html, document_from_html

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "data" / "html"
DEMO = ROOT / "src" / "diffreader" / "demo"
NAMES = sorted(p.stem for p in DEMO.glob("0*.txt"))


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_html_fixtures", ROOT / "scripts" / "make_html_fixtures.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _content(doc_sentences: object) -> list[str]:
    return [s.text for s in doc_sentences if s.kind is not SentenceKind.META]  # type: ignore[attr-defined]


def _summary(c: Comparison) -> dict[str, object]:
    """What a comparison says, free of offsets (a page's text has no date marker)."""
    return {
        "stats": c.stats,
        "statuses": [p.status for p in c.pairs],
        "claims": [(x.side, x.kind, x.category, x.text) for x in c.claims],
        "quotes": [(q.side, q.status, q.text) for q in c.quotes],
        "differ": c.has_differences,
    }


def test_fixture_pages_are_what_the_script_writes() -> None:
    written = _script().pages()
    assert sorted(written) == sorted(p.name for p in PAGES.glob("*.html"))
    for name, data in written.items():
        assert (PAGES / name).read_bytes() == data, f"{name} is stale: run the script"


def test_fixture_pages_carry_page_furniture() -> None:
    page = (PAGES / "00_original.html").read_text(encoding="utf-8")
    for furniture in ("cookie", "<nav", "Related stories", "Comments (3)", "All rights reserved"):
        assert furniture in page


@pytest.mark.parametrize("name", NAMES)
def test_a_page_gives_the_text_of_its_article(name: str) -> None:
    text = load_document(DEMO / f"{name}.txt")
    page = load_document(PAGES / f"{name}.html")
    assert _content(page.sentences) == _content(text.sentences)
    assert page.date == text.date
    for furniture in ("cookies", "Accept all", "Ferry fares", "About time", "rights reserved"):
        assert furniture not in page.text
    # The offsets index the extracted text: every sentence is found where it says.
    for s in page.sentences:
        assert page.text[s.start : s.end] == s.text


@pytest.mark.parametrize("rewrite", NAMES[1:])
def test_comparing_pages_equals_comparing_their_text_files(rewrite: str) -> None:
    original = NAMES[0]
    of_text = compare(
        load_document(DEMO / f"{original}.txt"), load_document(DEMO / f"{rewrite}.txt")
    )
    of_pages = compare(
        load_document(PAGES / f"{original}.html"), load_document(PAGES / f"{rewrite}.html")
    )
    assert _summary(of_pages) == _summary(of_text)
    assert of_text.claims, "the demo pair has claims: the test compares something"


def test_cli_json_of_pages_matches_the_text_files(capsys: pytest.CaptureFixture[str]) -> None:
    statuses, stats = [], []
    for folder, suffix in ((DEMO, ".txt"), (PAGES, ".html")):
        a, b = folder / f"00_original{suffix}", folder / f"02_rewrite_contentfarm{suffix}"
        statuses.append(main([str(a), str(b), "--format", "json"]))
        stats.append(json.loads(capsys.readouterr().out)["stats"])
    assert statuses == [1, 1]
    assert stats[0] == stats[1]


def test_title_date_and_author_come_from_the_page_metadata() -> None:
    page = load_document(PAGES / "00_original.html")
    assert page.title == "Saltmere bridge news – Saltmere Gazette"
    assert page.date == "2026-03-14"  # article:published_time; the text has no marker
    assert page.author == "Jo Pellow"
    assert load_document(PAGES / "03_rewrite_update.html").encoding == "cp1252"


def _page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body><article>{body}</article></body></html>"


PARAGRAPHS = (
    "The harbour authority closed the north quay on Monday after a crane toppled in high winds.",
    "Nobody was hurt, but two fishing boats were damaged and one sank at its mooring.",
)


def test_a_declared_charset_is_honoured() -> None:
    cyrillic = "Городской совет проголосовал за закрытие моста на время ремонта опор."
    page = _page(f"<p>{cyrillic}</p><p>{PARAGRAPHS[0]}</p>", '<meta charset="windows-1251">')
    doc = document_from_html(page.encode("cp1251"))
    assert doc.encoding == "cp1251"
    assert cyrillic in doc.text
    # http-equiv, a latin-1 label (windows-1252 on the web: 0x93/0x94 are curly quotes).
    head = '<meta http-equiv="content-type" content="text/html; charset=ISO-8859-1">'
    quoted = "“We will rebuild the quay before the summer,” the harbour master said on Monday."
    doc = document_from_html(_page(f"<p>{quoted}</p>", head).encode("cp1252"))
    assert quoted in doc.text


def test_a_page_that_lies_about_its_charset_is_still_read() -> None:
    head = '<meta charset="utf-8">'
    text = "Mayor Helen Sørensen said the bridge would reopen by the end of September."
    doc = document_from_html(_page(f"<p>{text}</p>", head).encode("cp1252"))
    assert text in doc.text


@pytest.mark.parametrize(
    "label", ["rot13", "base64", "punycode", "unicode_escape", "utf-7", "cp037", "idna"]
)
def test_a_charset_no_browser_knows_is_ignored(
    label: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page declaring a Python codec that is no web encoding was an internal error
    (rot13, base64: not text encodings; punycode: a UnicodeError), which stopped
    ``stories`` and ``scan`` over a whole folder; or it was read through that codec
    (``unicode_escape`` turned the text's backslashes into escapes, cp037 read ASCII as
    EBCDIC). Such a declaration is ignored, as a browser ignores it."""
    text = f"<p>{PARAGRAPHS[0]} Key \\x1b, the +ACI- sign.</p><p>{PARAGRAPHS[1]}</p>"
    page = tmp_path / "page.html"
    page.write_text(_page(text, f'<meta charset="{label}">'), encoding="utf-8")
    plain = tmp_path / "plain.html"
    plain.write_text(_page(text, '<meta charset="utf-8">'), encoding="utf-8")
    assert main([str(plain), str(page), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    sentences = [s["text"] for s in json.loads(captured.out)["b"]["sentences"]]
    assert "Key \\x1b, the +ACI- sign." in sentences


def test_a_byte_order_mark_wins_over_the_declared_charset() -> None:
    page = _page(f"<p>{PARAGRAPHS[0]} Sørensen</p>", '<meta charset="windows-1251">')
    doc = document_from_html(page.encode("utf-16"))
    assert "Sørensen" in doc.text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t", "empty file"),
        (_page("<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>").encode(), "no article"),
        (b"<!doctype html><html><body><div id=app></div><script>go()</script>", "no article"),
        (b"<html>\x00\x01\x02" * 50, "binary"),
    ],
)
def test_pages_without_an_article_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(LoadError, match=reason):
        document_from_html(data)


def test_broken_markup_still_gives_the_article() -> None:
    whole = (PAGES / "01_rewrite_syndicated.html").read_bytes()
    unclosed = whole.replace(b"</p>", b"").replace(b"</article>", b"</span></div></table>")
    expected = _content(load_document(DEMO / "01_rewrite_syndicated.txt").sentences)
    assert _content(document_from_html(unclosed).sentences) == expected
    truncated = document_from_html(whole[: whole.index(b"Local businesses")])
    assert _content(truncated.sentences) == expected[: len(_content(truncated.sentences))]
    assert len(_content(truncated.sentences)) >= 8


@pytest.mark.parametrize(
    "reference", ["&#12;", "&#x0B;", "&#27;", "&#0008;", "&#X1f;", "&#x1b", "&#xFFFE;", "&#65535;"]
)
def test_a_reference_to_a_control_character_keeps_the_article(
    reference: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page whose text refers to a control character (a form feed ``&#12;`` left in a
    pasted paragraph) was refused as "no article text found" (trafilatura discarded the
    whole extraction). It reads as the same page with the character typed raw, which the
    parser drops; a reference to a character that follows more digits is left alone."""
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:]) + "<p>&#1234; and &#x1bAD;</p>"
    page = tmp_path / "page.html"
    page.write_text(_page(f"<p>{PARAGRAPHS[0][:-1]}{reference}.</p>{paragraphs}"))
    plain = tmp_path / "plain.html"
    plain.write_text(_page(f"<p>{PARAGRAPHS[0]}</p>{paragraphs}"))
    assert main([str(plain), str(page), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    sentences = [s["text"] for s in json.loads(captured.out)["b"]["sentences"]]
    assert sentences[0] == PARAGRAPHS[0]
    assert sentences[-1] == "\u04d2 and \u1bad"


def test_a_deeply_nested_page_is_refused_or_read_never_raises_otherwise() -> None:
    deep = b"<html><body>" + b"<div>" * 20_000 + f"<p>{PARAGRAPHS[0]}</p>".encode()
    try:
        doc = document_from_html(deep)
    except LoadError:
        return
    assert PARAGRAPHS[0] in doc.text


def test_a_huge_page_is_refused_by_the_size_limit(tmp_path: Path) -> None:
    page = tmp_path / "huge.html"
    page.write_bytes(_page("<p>" + PARAGRAPHS[0] * 2000 + "</p>").encode())
    with pytest.raises(LoadError, match="too large"):
        load_document(page, max_bytes=100_000)
    assert load_document(page).text.startswith(PARAGRAPHS[0])


def test_a_page_under_a_text_name_is_read_as_a_page(tmp_path: Path) -> None:
    saved = tmp_path / "saved.txt"
    saved.write_text("\ufeff\n  " + _page("".join(f"<p>{p}</p>" for p in PARAGRAPHS)))
    assert load_document(saved).text == "\n\n".join(PARAGRAPHS)
    about = tmp_path / "about.txt"
    about.write_text("The <html> element opens every web page. It holds the head and the body.")
    assert "<html>" in load_document(about).text


def test_html_files_are_articles_of_a_folder(tmp_path: Path) -> None:
    assert {".html", ".htm"} <= ARTICLE_SUFFIXES
    from diffreader.tui.corpus import scan

    for name in ("a.html", "b.HTM", "c.txt", "d.png"):
        (tmp_path / name).write_text("x")
    assert [p.name for p in scan(tmp_path)] == ["a.html", "b.HTM", "c.txt"]


@given(
    prefix=st.sampled_from(["", "\ufeff"]),
    space=st.text(alphabet=" \t\r\n", max_size=5),
    opening=st.sampled_from(["<!DOCTYPE html>", "<!doctype HTML>", "<html>", "<HTML lang=en>"]),
    encoding=st.sampled_from(["utf-8", "utf-16"]),
)
def test_pages_are_recognised_by_their_opening(
    prefix: str, space: str, opening: str, encoding: str
) -> None:
    assert looks_like_html("article.txt", (prefix + space + opening + "<p>x").encode(encoding))


@given(st.text(min_size=1).filter(lambda t: not t.lstrip().startswith("<")))
def test_text_that_does_not_open_with_a_tag_is_not_a_page(text: str) -> None:
    assert not looks_like_html("article.txt", text.encode("utf-8"))


@given(
    text=st.text(
        alphabet=st.characters(codec="cp1251", exclude_categories=("Cc", "Cs")), max_size=80
    ),
    label=st.sampled_from(["windows-1251", "cp1251", "WINDOWS-1251"]),
)
def test_a_declared_charset_decodes_the_whole_page(text: str, label: str) -> None:
    page = f'<html><head><meta charset="{label}"></head><body><p>{text}</p></body></html>'
    decoded, encoding = decode_html(page.encode("cp1251"))
    assert (decoded, encoding) == (page, "cp1251")


def _run(
    code: str, *args: str, block_trafilatura: bool = False
) -> subprocess.CompletedProcess[str]:
    prelude = "import sys\n"
    if block_trafilatura:
        prelude += "sys.modules['trafilatura'] = None  # as if the extra were not installed\n"
    return subprocess.run(
        [sys.executable, "-c", prelude + code, *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


MAIN = "from diffreader.cli import main\nstatus = main(sys.argv[1:])\n"


def test_without_the_extra_a_page_gets_one_line_saying_how_to_install_it() -> None:
    a, b = str(PAGES / "00_original.html"), str(PAGES / "01_rewrite_syndicated.html")
    done = _run(MAIN + "raise SystemExit(status)", a, b, "--format", "text", block_trafilatura=True)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert a in lines[0] and INSTALL_HINT in lines[0]


def test_the_one_off_on_text_files_never_imports_trafilatura() -> None:
    probe = (
        MAIN + "print('\\n' + str(sorted(m for m in sys.modules if m.startswith('trafilatura'))))"
    )
    for folder, suffix, loaded in ((DEMO, ".txt", False), (PAGES, ".html", True)):
        a, b = folder / f"00_original{suffix}", folder / f"01_rewrite_syndicated{suffix}"
        done = _run(probe, str(a), str(b), "--format", "json")
        assert done.returncode == 0, done.stderr
        assert (done.stdout.strip().splitlines()[-1] != "[]") is loaded, suffix
