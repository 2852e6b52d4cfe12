"""The reader shows characters that draw nothing where they make a change, as the CLI does.

``4\\u200b0`` against ``40``: the reader used to drop the zero-width space and show
``40 → 40`` with two added numbers. Inside changed text it now shows ``<U+200B>``, in
file names too; unchanged text still leaves such characters out (their width is
unreliable), so an article's soft hyphens do not clutter what did not change.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from pilot_helpers import diff_ready

from diffreader.engine import compare, document_from_text
from diffreader.engine.model import Side, Status
from diffreader.render.escape import reveal
from diffreader.tui.app import DiffReaderApp
from diffreader.tui.rows import DiffModel
from diffreader.tui.textutil import display_echo, display_path, display_text

A = (
    "The minister said on Tuesday that 40 people were hurt in the crash near the town.\n\n"
    "Officials expect the road to reopen next \u00adweek.\n"
)
B = A.replace("40", "4\u200b0")


def _model() -> DiffModel:
    a = document_from_text(A, path="/x/a.txt")
    b = document_from_text(B, path="/x/b\u200b.txt")
    return DiffModel(compare(a, b))


def test_the_change_shows_the_invisible_and_unchanged_text_leaves_it_out() -> None:
    model = _model()
    changed, same = model.rows[0], model.rows[1]
    assert changed.status is Status.REWORDED and same.status is Status.SAME
    assert "that 40 people" in changed.a.text
    assert "that 4<U+200B>0 people" in changed.b.text
    assert "40 → 4<U+200B>0" in changed.unified.text
    inserted = [changed.b.text[s:e] for s, e, c in changed.b.spans if c == "word-insert"]
    assert inserted == ["4<U+200B>0"]  # the span still covers exactly the inserted word
    assert "next week" in same.b.text and "<U+" not in same.b.text


def test_added_claims_and_panel_entries_map_onto_the_shown_text() -> None:
    model = _model()
    row = model.rows[0]
    assert model.comparison.claims
    for claim in model.comparison.claims:
        cell = row.b if claim.side is Side.B else row.a
        ranges = cell.ranges(claim.side, claim.start, claim.end)
        assert "".join(cell.text[s:e] for s, e in ranges) == reveal(claim.text)


@given(
    st.lists(
        st.sampled_from(["a", "4", " ", "\u200b", "\u200d", "\u00ad", "\ufeff", "\U000e0041"]),
        max_size=16,
    ),
    st.integers(0, 16),
    st.integers(0, 16),
)
def test_display_text_reveals_inside_its_range_only(pieces: list[str], lo: int, hi: int) -> None:
    text = "".join(pieces)
    lo, hi = sorted((min(lo, len(text)), min(hi, len(text))))
    shown, index_map = display_text(text, [(lo, hi)])
    inside = reveal(text[lo:hi])
    left, _ = display_text(text[:lo])
    right, _ = display_text(text[hi:])
    assert shown == left + inside + right
    if index_map is not None:
        assert shown[index_map[lo] : index_map[hi]] == inside


async def test_the_reader_shows_the_invisible_in_the_change_and_the_name() -> None:
    a = document_from_text(A, path="/x/a.txt")
    b = document_from_text(B, path="/x/b\u200b.txt")
    app = DiffReaderApp(comparison=compare(a, b))
    async with app.run_test(size=(120, 40)) as pilot:
        await diff_ready(pilot)
        shown = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert "4<U+200B>0" in shown
        assert "\u200b" not in shown


def test_file_names_show_their_invisibles(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from diffreader.tui.widgets.diff_header import _side

    doc = document_from_text("Title\n\nA sentence here.\n", path="/x/b\u200b.txt")
    line2 = _side("B", doc).renderables[1]
    assert "b<U+200B>.txt" in line2.plain  # type: ignore[attr-defined]
    assert display_echo("r\u200b.txt") == "r<U+200B>.txt"
    (tmp_path / "r\u200b.txt").write_text("x", encoding="utf-8")
    assert display_path(tmp_path / "r\u200b.txt").endswith("r<U+200B>.txt")


def _notes(app: DiffReaderApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_what_the_reader_says_shows_the_invisible() -> None:
    """A notification, the review bar and the title line say text on its own: no diff
    stands beside it, so what draws nothing is shown there (and markup stays literal)."""
    from textual.widgets import Input

    from diffreader.tui.widgets.diff_header import DiffHeader
    from diffreader.tui.widgets.review_bar import ReviewBar

    a = document_from_text("Bridge closes\n\n" + A, path="/x/a.txt")
    b = document_from_text("Bridge\u200b closes\n\n" + B, path="/x/b.txt")
    app = DiffReaderApp(comparison=compare(a, b))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await diff_ready(pilot)
        header = screen.query_one(DiffHeader)
        shown = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert "Bridge<U+200B> closes" in shown  # B's title; A's has none to show
        assert "Bridge closes" in shown
        assert header.display
        # The review bar names the selected item as the diff shows it (the row's third:
        # its reworded group, after the numbers "4" and "0").
        await pilot.press("c", "i", "i")
        await pilot.pause()
        bar = screen.query_one(ReviewBar).text
        assert "4<U+200B>0" in bar and "\u200b" not in bar
        # A search for what is nowhere: said with its invisible, markup and all.
        await pilot.press("slash")
        search = screen.query_one(Input)
        search.value = "[b]zz\u200bqq[/b]"
        await pilot.press("enter")
        await pilot.pause()
        assert "Not found: [b]zz<U+200B>qq[/b]" in _notes(app)
        # A search for what a change shows ("4<U+200B>0") finds it.
        search.value = "4\u200b0"
        await pilot.pause()
        assert not [n for n in _notes(app) if "4<U+200B>0" in n]
        assert screen.view.search_query == "4<U+200B>0"
        app.notify("title\u2060 of \U000e0041\U000e0042", title="x\u200by")
        await pilot.pause()
        said = [(n.message, n.title) for n in app._notifications]
        assert ("title<U+2060> of <U+E0041><U+E0042>", "x<U+200B>y") in said


def test_an_input_shows_what_draws_nothing_one_for_one() -> None:
    """Typed or pasted into a search, a zero-width space shows as a reversed ◌ (one cell,
    so the cursor stays where it is); an emoji's own selector is part of the emoji."""
    from rich.text import Text

    from diffreader.tui.textutil import INVISIBLE_MARK, LiteralHighlighter

    text = Text("4\u200b0 \x1b ok \u2764\ufe0f")
    LiteralHighlighter().highlight(text)
    assert text.plain == f"4{INVISIBLE_MARK}0 ␛ ok \u2764\ufe0f"
    assert len(text.plain) == len("4\u200b0 \x1b ok \u2764\ufe0f")
    assert [(s.start, s.end, str(s.style)) for s in text.spans] == [(1, 2, "reverse")]


def test_the_versions_view_says_claims_and_titles_with_their_invisibles() -> None:
    from diffreader.tui.screens.versions import _literal

    assert _literal("4\u200b0 [b]people[/b]", echo=True).plain == "4<U+200B>0 [b]people[/b]"
    assert _literal("4\u200b0 people").plain == "40 people"  # a sentence: unchanged text
