"""Pilot tests for reviewing in the reader: marks, notes, progress, navigation, export, resume.

Most tests use the hand-built comparison of ``tests/comparison_builder.py`` (11 items, in
this display order), so engine tuning cannot move them::

    row 0  reworded headline
    row 1  moved group, altered quotation
    row 2  reworded group, added claim "which has no bridge"
    row 3  dropped detail "4 million euros"
    row 4  dropped detail "Fishermen objected ..."
    row 5  added claim "2026"
    row 6  new quotation, added claims "over ten years" and "Tom Reyes"

The autouse fixture points ``DIFFREADER_DATA_DIR`` at a fresh folder for each test.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pilot_helpers import ORIGINAL, REWRITE, corpus_loaded, diff_ready, wait_for
from textual.pilot import Pilot
from textual.widgets import Static

from comparison_builder import A_LINES, B_LINES, CLAIMS, PAIRS, QUOTES, make_comparison, sample
from diffreader.engine.model import ClaimCategory, Comparison, Side
from diffreader.review import ItemKind, Mark, review_items
from diffreader.storage.review import ReviewSession, ReviewStore
from diffreader.tui.app import DiffReaderApp, make_app, normalise_keymap
from diffreader.tui.commands import ScreenCommands
from diffreader.tui.screens.corpus import CorpusScreen
from diffreader.tui.screens.diff import DiffScreen
from diffreader.tui.screens.help import HelpScreen
from diffreader.tui.screens.review_dialogs import ExportDialog, NoteEditor
from diffreader.tui.widgets.review_bar import ReviewBar
from diffreader.tui.widgets.side_panel import SidePanel

SIZE = (120, 40)


def _app(comparison: Comparison | None = None) -> DiffReaderApp:
    return DiffReaderApp(comparison=comparison or sample())


async def _ready(pilot: Pilot[None]) -> DiffScreen:
    screen = await diff_ready(pilot)
    await wait_for(pilot, lambda: screen.session is not None)
    return screen


def _bar(screen: DiffScreen) -> str:
    return screen.query_one(ReviewBar).text


def _notes(app: DiffReaderApp) -> list[str]:
    return [n.message for n in app._notifications]


async def _write_note(pilot: Pilot[None], *keys: str) -> None:
    """``e``, then ``keys`` once the note editor has focus (typed before it has, a key
    would go to the screen underneath)."""
    await pilot.press("e")
    await wait_for(
        pilot,
        lambda: (
            isinstance(pilot.app.screen, NoteEditor)
            and pilot.app.focused is pilot.app.screen.query_one("#note")
        ),
    )
    await pilot.press(*keys)


def _key(screen: DiffScreen, kind: ItemKind, text: str = "") -> str:
    assert screen.session is not None
    return next(i.key for i in screen.session.items if i.kind is kind and text in i.text)


async def test_accept_flag_and_clear_the_selected_item() -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        session, view = screen.session, screen.view
        assert session is not None
        headline = _key(screen, ItemKind.REWORDED, "Council Backs")
        assert screen.selected_key == headline
        assert "0 of 11 reviewed, 0 flagged" in _bar(screen)

        await pilot.press("x")
        assert session.mark(headline) is Mark.ACCEPTED
        assert view.marks[0] == ("✓", "mark-accepted")
        assert "1 of 11 reviewed, 0 flagged" in _bar(screen)
        assert "accepted" in _bar(screen)

        await pilot.press("exclamation_mark")
        assert session.mark(headline) is Mark.FLAGGED
        assert view.marks[0] == ("!", "mark-flagged")
        assert "1 of 11 reviewed, 1 flagged" in _bar(screen)

        # Saved at once: a fresh read of the file has the flag.
        stored, _ = ReviewStore().load(session.pair_key)
        assert stored is not None and stored.entries[headline].mark is Mark.FLAGGED

        await pilot.press("backspace")
        assert session.mark(headline) is None
        assert 0 not in view.marks
        await pilot.press("x", "delete")
        assert session.mark(headline) is None
        stored, _ = ReviewStore().load(session.pair_key)
        assert stored is not None and stored.entries[headline].mark is None


async def test_a_row_with_several_items_cycles_with_i() -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        session, view = screen.session, screen.view
        assert session is not None
        moved = _key(screen, ItemKind.MOVED)
        quote = _key(screen, ItemKind.QUOTE_ALTERED)
        # Arriving on a row selects its quotation (or claim) before the group itself.
        await pilot.press("j")
        assert view.cursor_row == 1 and screen.selected_key == quote
        item = session.item(quote)
        assert item is not None
        assert view.selection == (1, Side.B, item.start, item.end)
        assert "[1/2 in row" in _bar(screen) and "Altered quotation" in _bar(screen)

        await pilot.press("i")
        assert screen.selected_key == moved
        assert view.selection is None  # a whole group: the row is the item
        assert "[2/2 in row" in _bar(screen)

        await pilot.press("x")
        assert session.mark(moved) is Mark.ACCEPTED and session.mark(quote) is None
        assert view.marks[1] == ("✓", "mark-partial")
        await pilot.press("i", "x")
        assert session.mark(quote) is Mark.ACCEPTED
        assert view.marks[1] == ("✓", "mark-accepted")

        # Leaving the row and coming back selects its first item again.
        await pilot.press("j", "k")
        assert screen.selected_key == quote


async def test_note_saves_on_enter_and_cancels_on_escape() -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        session = screen.session
        assert session is not None
        key = screen.selected_key
        assert key is not None

        await _write_note(pilot, *"called the council", "enter")
        assert isinstance(app.screen, DiffScreen)
        assert session.note(key) == "called the council"
        assert session.mark(key) is None
        assert screen.view.marks[0] == ("✎", "mark-note")
        assert "called the council" in _bar(screen)
        stored, _ = ReviewStore().load(session.pair_key)
        assert stored is not None and stored.entries[key].note == "called the council"

        await _write_note(pilot, *" and the mayor", "escape")
        assert isinstance(app.screen, DiffScreen)
        assert session.note(key) == "called the council"

        # The text is selected when the editor opens: typing replaces it; empty removes it.
        await _write_note(pilot, "backspace", "enter")
        assert session.note(key) == ""
        assert 0 not in screen.view.marks


async def test_progress_counter_and_panel_show_marks_and_notes() -> None:
    app = _app()
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await _ready(pilot)
        session = screen.session
        assert session is not None
        await pilot.press("x", "j", "exclamation_mark", "j", "x")
        assert str(session.progress()) == "3 of 11 reviewed, 1 flagged"
        assert "3 of 11 reviewed, 1 flagged" in _bar(screen)

        await _write_note(pilot, *"source: council minutes", "enter")
        await pilot.press("p")
        panel = screen.query_one(SidePanel)
        assert panel.display and panel.has_focus
        claim = _key(screen, ItemKind.ADDED, "which has no bridge")
        prompt = str(panel.get_option(f"item-{claim}").prompt)
        # Listed inside its reworded group (one content word: below the salience threshold).
        assert prompt.startswith("  ↳ ✓ assertion which has no bridge")
        assert "✎ source: council minutes" in prompt
        quote = _key(screen, ItemKind.QUOTE_ALTERED)
        assert str(panel.get_option(f"item-{quote}").prompt).startswith("! altered")
        # With the panel focused, the highlighted entry is what the keys act on.
        assert panel.highlighted_key == claim
        await pilot.press("up", "up")  # past its group, to the moved group of row 1
        moved = _key(screen, ItemKind.MOVED)
        assert panel.highlighted_key == moved and screen.selected_key == moved
        assert screen.view.cursor_row == 1  # the view follows the panel
        await pilot.press("exclamation_mark")
        assert session.mark(moved) is Mark.FLAGGED
        assert str(panel.get_option(f"item-{moved}").prompt).startswith("! moved")
        assert "4 of 11 reviewed, 2 flagged" in _bar(screen)


async def test_next_and_previous_unreviewed() -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        session, view = screen.session, screen.view
        assert session is not None
        items = session.items
        await pilot.press("x")  # row 0
        # Row by row; within a row, claims and quotations before the group itself.
        # (r and R walk the document, whatever order the lists show items in.)
        await pilot.press("r")
        quote, moved = _key(screen, ItemKind.QUOTE_ALTERED), _key(screen, ItemKind.MOVED)
        assert screen.selected_key == quote and view.cursor_row == 1
        await pilot.press("x", "r")  # accept the quotation: next is the moved group
        assert screen.selected_key == moved and view.cursor_row == 1
        await pilot.press("R")
        last = session.item(screen.selected_key or "")
        assert last is not None and last.pair == 6  # wraps round to the last row
        await pilot.press("right_square_bracket")
        assert screen.selected_key == moved

        for item in items:
            session.set_mark(item.key, Mark.ACCEPTED)
        await pilot.press("r")
        await pilot.pause()
        assert any("Every item is reviewed" in n for n in _notes(app))


async def test_flagged_filter_shows_only_flagged_items() -> None:
    app = _app()
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await _ready(pilot)
        view, panel = screen.view, screen.query_one(SidePanel)
        await pilot.press("j", "j", "exclamation_mark")  # the added claim in row 2
        await pilot.press("F")
        assert screen.flagged_only and "flagged only" in _bar(screen)
        assert view.row_filter == frozenset({2})
        assert view.row_count == 3  # rows 0-1 hidden, row 2, rows 3-6 hidden
        assert panel.display
        items = [o for o in panel._options if (o.id or "").startswith("item-")]
        assert [o.id for o in items] == [f"item-{_key(screen, ItemKind.ADDED, 'no bridge')}"]
        # Accepting the flagged item takes it out of the flagged view at once.
        await pilot.press("x")
        await pilot.pause()
        assert view.row_filter == frozenset()
        assert not [o for o in panel._options if (o.id or "").startswith("item-")]
        assert "No flagged items" in str(panel._options[0].prompt)
        await pilot.press("F")
        assert not screen.flagged_only and view.row_filter is None
        assert view.row_count == 7
        assert sum((o.id or "").startswith("item-") for o in panel._options) == 11


async def test_export_writes_a_report(tmp_path: Path) -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        await pilot.press("exclamation_mark")
        await _write_note(pilot, *"headline overstates", "enter")
        await pilot.press("E")
        assert isinstance(app.screen, ExportDialog)
        dialog = app.screen
        path_input = dialog.query_one("#export-path")
        assert path_input.value.endswith("factcheck-original-vs-rewrite.md")
        target = tmp_path / "report.md"
        path_input.value = str(target)
        await pilot.press("enter")
        await wait_for(pilot, lambda: target.exists() and screen.last_report == target)
        text = target.read_text(encoding="utf-8")
        assert "headline overstates" in text and "Council Backs Ferry Route" in text
        await pilot.pause()
        assert any(str(target) in n for n in _notes(app))

        # HTML: choosing the format changes the suggested suffix.
        await pilot.press("E")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        await pilot.press("shift+tab", "right", "space")
        path_input = dialog.query_one("#export-path")
        assert dialog.fmt == "html" and path_input.value.endswith(".html")
        html_target = tmp_path / "report.html"
        path_input.value = str(html_target)
        await pilot.press("tab", "enter")
        await wait_for(pilot, lambda: html_target.exists())
        assert html_target.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype")

        # Escape writes nothing; a folder that does not exist is reported.
        await pilot.press("E", "escape")
        assert isinstance(app.screen, DiffScreen)
        await pilot.press("E")
        app.screen.query_one("#export-path").value = str(tmp_path / "missing" / "r.md")
        await pilot.press("enter")
        await wait_for(pilot, lambda: any("Could not write" in n for n in _notes(app)))


async def test_enter_on_a_format_selects_it_and_exports(tmp_path: Path) -> None:
    """The hint says "Enter writes": Enter on the format list exports in that format."""
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        await pilot.press("E")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-path").value = str(tmp_path / "report.md")
        await pilot.press("shift+tab")  # to the formats
        await pilot.press("right", "right", "enter")  # JSON, then Enter
        target = tmp_path / "report.json"
        await wait_for(pilot, lambda: target.exists() and screen.last_report == target)
        assert isinstance(app.screen, DiffScreen)
        assert target.read_text(encoding="utf-8").lstrip().startswith("{")

        # Enter on the format already selected (Markdown, the default) exports too.
        await pilot.press("E")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        again = tmp_path / "again.md"
        dialog.query_one("#export-path").value = str(again)
        await pilot.press("shift+tab", "enter")
        await wait_for(pilot, lambda: again.exists() and screen.last_report == again)
        assert again.read_text(encoding="utf-8").startswith("## Fact-check")  # Markdown


async def test_export_never_overwrites_without_a_second_enter(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("my edited report", encoding="utf-8")
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        await pilot.press("E")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog), "the first Enter only warns"
        assert target.read_text(encoding="utf-8") == "my edited report"
        assert any("exists" in n for n in _notes(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: target.read_text(encoding="utf-8") != "my edited report")


async def test_marks_survive_a_restart() -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        await pilot.press("x", "j", "j", "exclamation_mark")
        await _write_note(pilot, *"check", "enter")
        assert screen.session is not None
        flagged = screen.selected_key
        await pilot.press("q")

    app = _app()  # a new instance on the same data dir
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        session = screen.session
        assert session is not None
        assert str(session.progress()) == "2 of 11 reviewed, 1 flagged"
        assert flagged is not None and session.mark(flagged) is Mark.FLAGGED
        assert session.note(flagged) == "check"
        assert screen.view.marks[0] == ("✓", "mark-accepted")
        assert screen.view.marks[2] == ("!", "mark-flagged")
        assert "2 of 11 reviewed, 1 flagged" in _bar(screen)
        await pilot.pause()
        assert any("Review resumed" in n for n in _notes(app))
        await pilot.press("r")  # row 1's quotation, the first unreviewed item
        assert screen.selected_key == _key(screen, ItemKind.QUOTE_ALTERED)


async def test_review_follows_a_renamed_file(pair: tuple[Path, Path]) -> None:
    a, b = pair
    app = make_app(pair=(a, b))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        assert screen.session is not None and screen.session.items
        await pilot.press("r", "x")
        assert screen.session.progress().reviewed == 1
        await pilot.press("q")

    renamed = b.with_name("renamed_rewrite.txt")
    os.replace(b, renamed)
    app = make_app(pair=(a, renamed))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        assert screen.session is not None
        assert screen.session.progress().reviewed == 1


def _changed_sample() -> Comparison:
    """The sample with B's "2026" changed to "2027": the mark on "2026" becomes stale."""
    b_lines = list(B_LINES)
    b_lines[3] = b_lines[3].replace("2026", "2027")
    claims = [
        (side, cat, "2027", sid) if cat is ClaimCategory.DATE else (side, cat, text, sid)
        for side, cat, text, sid in CLAIMS
    ]
    return make_comparison(A_LINES, b_lines, PAIRS, claims, QUOTES)


async def test_stale_marks_are_listed_not_dropped() -> None:
    original = sample()
    date_key = next(i.key for i in review_items(original) if i.text == "2026")
    app = _app(original)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        assert screen.session is not None
        screen.session.set_mark(date_key, Mark.FLAGGED)

    app = _app(_changed_sample())
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await _ready(pilot)
        session = screen.session
        assert session is not None
        assert [s.key for s in session.stale()] == [date_key]
        await pilot.pause()
        assert any("changed" in n for n in _notes(app))
        await pilot.press("p")
        panel = screen.query_one(SidePanel)
        assert panel.lists(date_key)
        prompt = str(panel.get_option(f"stale-{date_key}").prompt)
        assert prompt.startswith("! ") and "2026" in prompt
        # Selecting it and clearing dismisses it for good.
        await pilot.press("end")
        assert panel.highlighted_key == date_key
        assert "stale" in _bar(screen)
        await pilot.press("backspace")
        assert session.stale() == [] and not panel.lists(date_key)


async def test_a_failed_save_is_reported_and_the_mark_kept(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    app = make_app(pair=(tmp_path / "a.txt", tmp_path / "b.txt"), data_dir=blocker)
    (tmp_path / "a.txt").write_text("\n\n".join(A_LINES), encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n\n".join(B_LINES), encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        session = screen.session
        assert session is not None
        await pilot.press("r", "x")
        await pilot.pause()
        assert session.unsaved
        assert screen.selected_key is not None
        assert session.mark(screen.selected_key) is Mark.ACCEPTED
        assert any("Could not save" in n for n in _notes(app))


async def _review_the_second_article(pilot: Pilot[None]) -> tuple[CorpusScreen, int]:
    """Mark the corpus's first article A and open its diff with the second: the corpus
    screen and how many items the review has."""
    screen = await corpus_loaded(pilot)
    await pilot.press("a", "down", "enter")
    diff = await _ready(pilot)
    assert diff.session is not None
    return screen, len(diff.session.items)


async def test_corpus_screen_shows_review_progress(corpus: Path) -> None:
    app = make_app(corpus=corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        screen, total = await _review_the_second_article(pilot)
        await pilot.press("r", "x", "r", "exclamation_mark", "q")
        rewrite = screen.articles[str(corpus / "b_rewrite.txt")]
        await wait_for(pilot, lambda: screen.review_text(rewrite) == f"2/{total} !1")
        hostile = screen.articles[str(corpus / "c_hostile.txt")]
        assert screen.review_text(hostile) == ""
        # With the rewrite as A, the original shows the review made the other way round.
        await pilot.press("a")
        original = screen.articles[str(corpus / "a_original.txt")]
        assert screen.review_text(original) == f"⇆2/{total} !1"
        assert screen.review_text(hostile) == ""
        while screen.highlighted is not original:
            await pilot.press("k")
        preview = str(screen.query_one("#preview-text", Static).content)
        assert f"⇆ review with this as A: 2 of {total} reviewed, 1 flagged" in preview

    # A new instance reads the figures from the index once the folder has loaded.
    app = make_app(corpus=corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await corpus_loaded(pilot)
        await pilot.press("a")
        await wait_for(pilot, lambda: screen.review_text(rewrite) == f"2/{total} !1")


async def test_review_keys_in_help_palette_and_keymap() -> None:
    # "]" (a plain character, as a config file says it) takes the key from next_unreviewed.
    app = make_app(pair=_demo_pair(), keymap={"review.accept": "a", "review.flag": "]"})
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        titles = {title for title, _help, _cb in ScreenCommands(screen)._commands()}
        assert {"Accept", "Flag", "Clear mark", "Note", "Next unreviewed", "Export"} <= titles
        assert {"Flagged only", "Next item in row", "Prev unreviewed"} <= titles
        session = screen.session
        assert session is not None
        await pilot.press("r", "a")
        assert screen.selected_key is not None
        assert session.mark(screen.selected_key) is Mark.ACCEPTED
        await pilot.press("x")  # no longer bound
        assert session.mark(screen.selected_key) is Mark.ACCEPTED
        await pilot.press("right_square_bracket")
        assert session.mark(screen.selected_key) is Mark.FLAGGED

    app = make_app(pair=_demo_pair())
    async with app.run_test(size=SIZE) as pilot:
        screen = await _ready(pilot)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        table = help_screen._table()
        descriptions = [str(cell) for cell in table.columns[2]._cells]
        keys = dict(zip(descriptions, (str(cell) for cell in table.columns[1]._cells), strict=True))
        for words in ("Accept", "Flag", "Clear mark", "Next unreviewed", "Flagged only", "Export"):
            assert words in descriptions
        assert keys["Flag"] == "!" and keys["Clear mark"] == "⌫, del"


def test_keymap_accepts_plain_characters() -> None:
    assert normalise_keymap({"review.flag": "f, !", "review.next_unreviewed": "]"}) == {
        "review.flag": "f,exclamation_mark",
        "review.next_unreviewed": "right_square_bracket",
    }


async def test_unknown_keymap_id_is_reported() -> None:
    app = make_app(pair=_demo_pair(), keymap={"review.acept": "a"})
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        await wait_for(pilot, lambda: any("review.acept" in n for n in _notes(app)))


def _demo_pair() -> tuple[Path, Path]:
    from diffreader.tui.app import demo_corpus

    return demo_corpus() / "00_original.txt", demo_corpus() / "02_rewrite_contentfarm.txt"


async def test_panel_indents_facts_inside_an_added_sentence() -> None:
    from diffreader.engine import compare, load_document

    data = Path(__file__).resolve().parents[1] / "data"
    comparison = compare(
        load_document(data / "school_original.txt"), load_document(data / "school_update.txt")
    )
    app = DiffReaderApp(comparison=comparison)
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await _ready(pilot)
        await pilot.press("p")
        await pilot.pause()
        panel = screen.query_one(SidePanel)
        session = screen.session
        assert session is not None
        by_text = {item.text: item.key for item in session.items}
        money = str(panel.get_option(f"item-{by_text['£1.2 million']}").prompt)
        sentence = str(
            panel.get_option(
                f"item-{by_text['Insurers estimate the damage at £1.2 million']}"
            ).prompt
        )
        assert money.startswith("  ↳ ")
        assert not sentence.startswith("  ↳")


def _files_app(tmp_path: Path) -> DiffReaderApp:
    """The reader on ORIGINAL and REWRITE saved as files, its marks kept in ``tmp_path``."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ORIGINAL, encoding="utf-8")
    b.write_text(REWRITE, encoding="utf-8")
    return make_app(pair=(a, b), data_dir=tmp_path / "data")


async def _session_ready(pilot: Pilot[None]) -> tuple[DiffScreen, ReviewSession]:
    """The diff screen once its review session is open."""
    screen = await diff_ready(pilot)
    await wait_for(pilot, lambda: screen.session is not None)
    session = screen.session
    assert session is not None
    return screen, session


async def test_keys_typed_fast_after_slash_and_e_are_text_not_marks(tmp_path: Path) -> None:
    """ "/x!" typed fast accepted and flagged the item under the cursor instead of
    searching for "x!", and the first letters of a note typed right after ``e`` were
    lost: the keys were read before the search bar or the note had the focus."""
    from textual import events
    from textual.widgets import Input

    from diffreader.tui.widgets.search_bar import SearchBar

    app = _files_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen, session = await _session_ready(pilot)
        await pilot.press("r")  # the first unreviewed item
        for key, char in (("slash", "/"), ("x", "x"), ("exclamation_mark", "!")):
            app.post_message(events.Key(key, char))
        bar = screen.query_one(SearchBar)
        await wait_for(pilot, lambda: bar.value == "x!")
        await pilot.pause()
        assert all(session.mark(item.key) is None for item in session.items)
        await pilot.press("escape", "r")
        for key, char in (("e", "e"), ("o", "o"), ("k", "k")):
            app.post_message(events.Key(key, char))
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
        note = app.screen.query_one(Input)
        await wait_for(pilot, lambda: note.value == "ok")


async def test_a_note_pasted_in_several_lines_is_kept_whole(tmp_path: Path) -> None:
    """A note of three lines pasted from an e-mail was saved as its first line: the
    note's input kept a paste's first line only, and the rest was dropped unseen."""
    from textual import events
    from textual.widgets import Input

    app = _files_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen, session = await _session_ready(pilot)
        await pilot.press("r", "e")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
        await pilot.pause()
        key = screen.selected_key
        assert key is not None
        app.post_message(events.Paste("Rang the harbour office.\r\n\r\nThey confirmed it.\n"))
        note = app.screen.query_one(Input)
        await wait_for(pilot, lambda: note.value != "")
        await pilot.press("enter")
        await wait_for(pilot, lambda: session.note(key) != "")
        assert session.note(key) == "Rang the harbour office. They confirmed it."


async def test_a_mark_saved_after_the_review_closed_shows_in_the_corpus(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A loaded host: the mark's save finishes after q, when the corpus screen has already
    # read its review figures; the figures are read again once the save is done.
    import threading
    import time

    saving = threading.Event()
    real_save = ReviewSession.save

    def slow_save(self: ReviewSession, *args: object, **kwargs: object) -> list[str]:
        saving.set()
        time.sleep(0.6)
        return real_save(self, *args, **kwargs)  # type: ignore[arg-type]

    app = make_app(corpus=corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        screen, total = await _review_the_second_article(pilot)
        monkeypatch.setattr(ReviewSession, "save", slow_save)
        await pilot.press("r", "x")
        await wait_for(pilot, saving.is_set)
        await pilot.press("q")
        rewrite = screen.articles[str(corpus / "b_rewrite.txt")]
        await wait_for(pilot, lambda: screen.review_text(rewrite) == f"1/{total}")


async def test_a_save_finishing_while_the_screen_is_taken_down_is_quiet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save that finished after q, while the closing screen's widgets were already
    removed but the screen itself not yet, crashed the reader (CI, a loaded host): its
    callback redrew a review bar that was no longer there. The mark is still saved."""
    import threading

    from diffreader.tui.widgets.aligned_view import AlignedView

    release = threading.Event()
    real_save = ReviewSession.save

    def held_save(self: ReviewSession, *args: object, **kwargs: object) -> list[str]:
        release.wait(5)
        return real_save(self, *args, **kwargs)  # type: ignore[arg-type]

    app = _files_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen, session = await _session_ready(pilot)
        monkeypatch.setattr(ReviewSession, "save", held_save)
        await pilot.press("r")
        key = screen.selected_key
        assert key is not None
        await pilot.press("x")
        assert session.mark(key) is Mark.ACCEPTED
        # The state the closing screen is in for a moment: its children going first.
        await screen.query_one(ReviewBar).remove()
        await screen.query_one(AlignedView).remove()
        release.set()
        await wait_for(pilot, lambda: screen._saving == 0)
        await pilot.pause()
        assert app.return_code is None and app.is_running
    stored, _ = ReviewStore(tmp_path / "data").load(session.pair_key)
    assert stored is not None and stored.entries[key].mark is Mark.ACCEPTED
