"""Tests for the fact-check reports (render.render_report): Markdown, HTML and JSON."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from comparison_builder import A_LINES, B_LINES, make_comparison, sample
from diffreader.engine.model import ClaimCategory, QuoteStatus, Side, Status
from diffreader.render import REPORT_FORMATS as FORMATS
from diffreader.render import REPORT_SCHEMA, render_report
from diffreader.render.to_html import Highlight as Layer
from diffreader.render.to_html import highlight_html
from diffreader.review import Mark, ReviewEntry, review_items

DEMO = Path(__file__).resolve().parents[1] / "src" / "diffreader" / "demo"


def marked() -> tuple[object, dict[str, ReviewEntry]]:
    comparison = sample()
    keys = {item.text: item.key for item in review_items(comparison)}
    entries = {
        keys["2026"]: ReviewEntry(Mark.ACCEPTED, "", "2026", "Added claim (date)", 1, 0),
        keys["Tom Reyes"]: ReviewEntry(
            Mark.FLAGGED, "Not in the original: call <the desk> & check", "Tom Reyes", "", 2, 3
        ),
        "gone": ReviewEntry(Mark.FLAGGED, "old note", "40 ferries", "Added claim (number)", 1, 1),
    }
    return comparison, entries


HOSTILE_A = [
    "Mayor & Co <b>Headline</b>",
    'The council met at R&D Hall <script>alert("a")</script> on Tuesday.',
]
HOSTILE_B = [
    "Mayor & Co <b>Headline</b>",
    'The council met at R&D Hall <script>alert("a")</script> on Tuesday & Friday.',
    "New: <img src=x onerror=alert(1)> said “<i>hi</i> & bye”.",
]


def hostile() -> object:
    return make_comparison(
        HOSTILE_A,
        HOSTILE_B,
        [((0,), (0,), Status.SAME), ((1,), (1,), Status.REWORDED), ((), (2,), Status.ADDED)],
        [
            (Side.B, ClaimCategory.DATE, "& Friday", 1),
            (Side.B, ClaimCategory.ASSERTION, "<img src=x onerror=alert(1)>", 2),
            (Side.A, ClaimCategory.PLACE, '<script>alert("a")</script>', 1),
        ],
        [(Side.B, 2, "<i>hi</i> & bye", QuoteStatus.NEW, None)],
        a_path="/c/<a>.txt",
        b_path="/c/b&b.txt",
    )


# --------------------------------------------------------------------------- html


class TagChecker(HTMLParser):
    """Checks that tags nest properly and records what the page loads or runs."""

    VOID: ClassVar[set[str]] = {"meta", "br", "col", "img", "hr", "input", "link"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unexpected </{tag}>")


def check_html(page: str) -> TagChecker:
    checker = TagChecker()
    checker.feed(page)
    checker.close()
    assert checker.errors == [] and checker.stack == []
    ids = [value for name, value in checker.attrs if name == "id"]
    assert len(ids) == len(set(ids)), "duplicate ids"
    links = {value[1:] for name, value in checker.attrs if name == "href" and value}
    assert links <= set(ids), "links to missing anchors"
    return checker


def test_html_escapes_everything_from_the_articles() -> None:
    page = render_report(hostile(), {}, "html")
    checker = check_html(page)
    assert "script" not in checker.tags and "img" not in checker.tags and "i" not in checker.tags
    assert "b" not in checker.tags
    assert not any(name.startswith("on") for name, _ in checker.attrs)
    assert "&lt;script&gt;alert(&quot;a&quot;)&lt;/script&gt;" in page
    assert "R&amp;D Hall" in page and "Mayor &amp; Co &lt;b&gt;Headline&lt;/b&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "b&amp;b.txt" in page and "&lt;a&gt;.txt" in page
    # No raw ampersand outside an entity anywhere in the page.
    assert not re.search(r"&(?![a-z]+;|#\d+;|#x[0-9a-f]+;)", page)


def test_html_escapes_notes_too() -> None:
    comparison, entries = marked()
    page = render_report(comparison, entries, "html")  # type: ignore[arg-type]
    check_html(page)
    assert "Not in the original: call &lt;the desk&gt; &amp; check" in page


def test_html_is_self_contained() -> None:
    comparison, entries = marked()
    page = render_report(comparison, entries, "html")  # type: ignore[arg-type]
    checker = check_html(page)
    assert page.startswith("<!DOCTYPE html>")
    assert checker.tags.count("style") == 1
    for forbidden in ("script", "link", "img", "iframe"):
        assert forbidden not in checker.tags
    for _name, value in checker.attrs:
        assert not (value or "").startswith(("http:", "https:", "//", "data:"))
    assert "prefers-color-scheme: dark" in page  # light and dark friendly


def test_html_side_by_side_has_the_colour_layers() -> None:
    comparison, entries = marked()
    page = render_report(comparison, entries, "html")  # type: ignore[arg-type]
    assert page.count('<tr class="st-') == len(comparison.pairs)  # type: ignore[attr-defined]
    table = page[page.index('<table class="sbs">') :]
    assert re.search(r'<span class="claim-added cat-date"[^>]*>2026</span>', table)
    assert re.search(r'<span class="claim-dropped cat-figure"[^>]*>4 million euros</span>', table)
    # Subtle word-level layers, under the quotation layer for "transform".
    assert re.search(r'<span class="quote q-altered ins"[^>]*>transform</span>', table)
    assert re.search(r'<span class="del"[^>]*>change</span>', table)
    assert '<span class="badge q-altered">altered quote</span>' in table
    assert '<span class="badge q-new">new quote</span>' in table
    # Overlapping layers: "over ten years" is an added claim inside a new quotation.
    assert re.search(
        r'<span class="quote q-new claim-added cat-figure"[^>]*>over ten years</span>', table
    )
    # Each fact's colour family is named in the legend, from the theme's variables.
    assert '<p class="legend">' in page and "var(--cat-negation)" in page
    # Review marks sit next to their items (as badges) and link to the summary.
    assert 'class="ref m-accepted"' in table and 'class="ref m-flagged"' in table


def _cell_texts(table: str) -> list[str]:
    """The text of every article cell of the side by side (tags dropped, entities decoded)."""
    cells = re.findall(r'<td class="[ab]">(.*?)</td>', table, re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", cell)) for cell in cells]


def _numbered_items(page: str) -> dict[str, int]:
    """Item id -> the number its list shows (``<ol start>`` plus its place in the list)."""
    numbers: dict[str, int] = {}
    for start, body in re.findall(r'<ol class="items" start="(\d+)">(.*?)</ol>', page, re.S):
        for n, item_id in enumerate(re.findall(r'<li id="(r-[^"]+)"', body)):
            numbers[item_id] = int(start) + n
    return numbers


def test_html_marks_items_with_numbered_badges_not_stray_dots(tmp_path: Path) -> None:
    """Issue 11 item 5: the side by side has no `·` markers mixed into the article text; each
    item ends with a badge naming its number in the lists, linking to it there."""
    a_text = (DEMO / "00_original.txt").read_text(encoding="utf-8")
    b_text = (DEMO / "03_rewrite_update.txt").read_text(encoding="utf-8")
    # An article with its own middle dot keeps it (one per side here).
    a_text = a_text.replace("Photo: J. Okafor", "Photo · J. Okafor")
    b_text += "\nHarbour master Ines Varga at St. Brigid’s Quay. Photo · J. Okafor\n"
    (tmp_path / "a.txt").write_text(a_text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(b_text, encoding="utf-8")
    from diffreader.engine import compare, load_document

    comparison = compare(load_document(tmp_path / "a.txt"), load_document(tmp_path / "b.txt"))
    items = review_items(comparison)
    accepted, flagged = items[0], items[1]
    entries = {
        accepted.key: ReviewEntry(Mark.ACCEPTED, "", accepted.text, accepted.label, 1, 0),
        flagged.key: ReviewEntry(Mark.FLAGGED, "ask", flagged.text, flagged.label, 1, 0),
    }
    page = render_report(comparison, entries, "html")  # type: ignore[arg-type]
    check_html(page)
    table = page[page.index('<table class="sbs">') :]
    assert "·" not in "".join(re.findall(r'<span class="ref[^"]*">.*?</span>', table))
    assert sum(text.count("·") for text in _cell_texts(table)) == 2

    # Every item listed has one badge in the side by side, showing its list number and
    # linking to it; reviewed ones also show their mark.
    numbers = _numbered_items(page)
    assert sorted(numbers.values()) == list(range(1, len(numbers) + 1))
    badges = re.findall(
        r'<(sup|span) class="ref (m-[a-z]+)"><a href="#(r-[^"]+)" title="[^"]*">([^<]*)</a>',
        table,
    )
    assert len(badges) == len(numbers) == len([i for i in items if i.pair >= 0])
    for _tag, cls, target, shown in badges:
        mark = {"m-accepted": "✓", "m-flagged": "!", "m-none": ""}[cls]
        assert shown == f"{numbers[target]}{mark}", (target, shown)
    shown_marks = {cls for _tag, cls, _target, _shown in badges}
    assert shown_marks == {"m-accepted", "m-flagged", "m-none"}
    # The anchors the list links back to are still in the text.
    for target in numbers:
        assert f'id="t-{target[2:]}"' in table


def test_html_summary_lists_items_with_marks_notes_and_stale() -> None:
    comparison, entries = marked()
    page = render_report(comparison, entries, "html")  # type: ignore[arg-type]
    summary = page[: page.index('<table class="sbs">')]
    assert "Council Backs Ferry Route to Kestrel Island" in summary
    assert "Harbour Council Approves New Ferry Route" in summary
    assert "2 of 11 reviewed, 1 flagged, 1 stale" in summary
    # "over ten years" is listed inside its new quotation, "which has no bridge" (one
    # content word) inside its reworded group.
    assert "<h2>Added claims (2)</h2>" in summary
    assert "<h2>Dropped details (2)</h2>" in summary
    assert "<h2>Quotations (2, 1 detail inside)</h2>" in summary
    assert "<h2>Stale marks (1)</h2>" in summary and "40 ferries" in summary


# --------------------------------------------------------------------------- markdown


def test_markdown_report_content() -> None:
    comparison, entries = marked()
    text = render_report(comparison, entries, "markdown")  # type: ignore[arg-type]
    assert text.startswith("## Fact-check: Council Backs Ferry Route to Kestrel Island\n")
    assert (
        "- **Rewrite:** Council Backs Ferry Route to Kestrel Island (2025-09-08 · rewrite.txt)"
        in text
    )
    assert (
        "- **Original:** Harbour Council Approves New Ferry Route (2025-09-08 · original.txt)"
        in text
    )
    assert "- **Review:** 2 of 11 reviewed, 1 flagged, 1 stale" in text
    assert "60% of the original's wording kept" in text
    assert "### Added claims (2)" in text and "### Dropped details (2)" in text
    assert "### Quotations (2, 1 detail inside)" in text
    assert "### Rewording (3, 1 detail inside)" in text
    assert "- [✓] **Added claim (date)**: “2026”" in text
    assert "  > _Rewrite:_ The service will start in **2026**, officials said." in text
    assert "- [!] **Added claim (person)**: “Tom Reyes” — **flagged**" in text
    assert "  - **Note:** Not in the original: call \\<the desk\\> & check" in text
    # A claim in a reworded sentence shows the sentence it departs from.
    bridge = text[text.index("“which has no bridge”") :]
    assert bridge.split("\n")[3] == f"    > _Original:_ {A_LINES[1]}"
    assert "  > _Original:_ The mayor, Ana Ruiz, said: “This route will change lives.”" in text
    assert "### Stale marks (1)" in text and "- [!] **Added claim (number):** “40 ferries”" in text
    assert "- [ ] **Dropped detail (number)**: “4 million euros”" in text


def test_markdown_neutralises_markup_in_articles() -> None:
    text = render_report(hostile(), {}, "markdown")
    assert not re.search(r"(?<!\\)<", text)  # every < is escaped
    assert "\\<script\\>" in text
    assert "**\\<img src=x onerror=alert(1)\\>**" in text


def test_markdown_without_anything_to_review() -> None:
    same = make_comparison(
        ["Head", "Body."], ["Head", "Body."], [((0,), (0,), Status.SAME), ((1,), (1,), Status.SAME)]
    )
    text = render_report(same, None, "markdown")
    assert "0 of 0 reviewed" in text and "Nothing to review" in text


# --------------------------------------------------------------------------- json


def test_json_report_is_versioned_and_complete() -> None:
    comparison, entries = marked()
    data = json.loads(render_report(comparison, entries, "json"))  # type: ignore[arg-type]
    assert data["schema"] == REPORT_SCHEMA and data["kind"] == "diffreader-report"
    assert data["a"]["title"] == A_LINES[0] and data["b"]["date"] == "2025-09-08"
    assert data["review"] == {"reviewed": 2, "total": 11, "flagged": 1, "stale": 1}
    assert data["stats"]["a_kept"] == 0.6
    by_text = {item["text"]: item for item in data["items"]}
    assert by_text["Tom Reyes"]["mark"] == "flagged"
    assert by_text["Tom Reyes"]["note"].startswith("Not in the original")
    assert by_text["Tom Reyes"]["sentence"] == B_LINES[4]
    assert by_text["4 million euros"]["mark"] is None
    assert {q["status"] for q in data["quotes"]} == {"altered", "new"}
    assert data["stale"][0]["text"] == "40 ferries"


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown report format"):
        render_report(sample(), {}, "pdf")


# --------------------------------------------------------------------------- spans


def strip_tags(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", fragment))


def test_highlight_handles_nested_and_overlapping_spans() -> None:
    text = "one two three four"
    layers = [
        Layer(100, 118, "outer"),
        Layer(104, 113, "mid", "m"),
        Layer(108, 113, "inner"),
        Layer(110, 116, "x"),
    ]
    out = highlight_html(text, 100, layers, {104: ["<a>"], 118: ["<z>"]})
    assert strip_tags(out.replace("<a>", "").replace("<z>", "")) == text
    assert '<span class="outer mid inner x" title="m">ree</span>' in out
    assert out.endswith("</span><z>")
    assert out.index("<a>") < out.index("two")


def test_highlight_clips_layers_outside_the_text() -> None:
    out = highlight_html("abc", 10, [Layer(0, 11, "a"), Layer(12, 99, "b"), Layer(5, 5, "empty")])
    assert out == '<span class="a">a</span>b<span class="b">c</span>'


@given(
    st.text(alphabet="ab<>&\"' é", max_size=30),
    st.lists(
        st.tuples(st.integers(-5, 40), st.integers(-5, 40), st.sampled_from(["p", "q", "r s"])),
        max_size=6,
    ),
)
def test_highlight_always_keeps_the_text(text: str, spans: list[tuple[int, int, str]]) -> None:
    layers = [Layer(3 + start, 3 + end, cls) for start, end, cls in spans]
    out = highlight_html(text, 3, layers)
    assert strip_tags(out) == text
    checker = check_html(f"<p>{out}</p>")
    assert set(checker.tags) <= {"p", "span"}


# --------------------------------------------------------------------------- engine


@pytest.mark.parametrize("fmt", FORMATS)
def test_reports_on_the_demo_corpus(fmt: str) -> None:
    from diffreader.engine import compare, load_document

    rewrites = sorted(DEMO.glob("0[1-3]_*.txt"))
    assert rewrites, "demo corpus missing"
    original = load_document(str(DEMO / "00_original.txt"))
    for path in rewrites:
        comparison = compare(original, load_document(str(path)))
        items = review_items(comparison)
        entries = (
            {items[0].key: ReviewEntry(Mark.FLAGGED, "check", items[0].text, items[0].label, 1, 1)}
            if items
            else {}
        )
        out = render_report(comparison, entries, fmt)
        if fmt == "html":
            check_html(out)
        elif fmt == "json":
            assert json.loads(out)["review"]["total"] == len(items)
        else:
            assert f"of {len(items)} reviewed" in out


def test_report_module_never_imports_the_ui() -> None:
    code = (
        "import sys, diffreader.render\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
