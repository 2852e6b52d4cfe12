"""Pilot tests for the diff screen: every key path, literal text, alignment, palette, mouse."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from pilot_helpers import corpus_loaded, diff_ready, help_rows, messages_of, wait_for
from rich.cells import cell_len
from textual import events
from textual.pilot import Pilot

from diffreader.engine.model import ClaimCategory, ClaimKind, Comparison, Side, Status
from diffreader.tui.app import DiffReaderApp, demo_corpus, make_app
from diffreader.tui.messages import ComparisonReady
from diffreader.tui.screens.diff import DiffScreen
from diffreader.tui.screens.help import HelpScreen
from diffreader.tui.widgets.aligned_view import AlignedView
from diffreader.tui.widgets.search_bar import SearchBar
from diffreader.tui.widgets.side_panel import SidePanel

DEMO_PAIR = (demo_corpus() / "00_original.txt", demo_corpus() / "03_rewrite_update.txt")


def _screen_lines(view: AlignedView) -> list[str]:
    return [view.render_line(y).text for y in range(view.size.height)]


async def test_opens_the_pair_with_one_row_per_pair() -> None:
    app = make_app(pair=DEMO_PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await diff_ready(pilot)
        assert screen.model is not None
        view = screen.view
        assert view.row_count == len(screen.model.comparison.pairs)
        assert view.effective_mode == "split"
        assert view.has_focus


async def test_navigation_keys_move_the_cursor() -> None:
    app = make_app(pair=DEMO_PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        view = (await diff_ready(pilot)).view
        assert view.cursor_row == 0
        await pilot.press("j", "down")
        assert view.cursor_row == 2
        await pilot.press("k")
        assert view.cursor_row == 1
        await pilot.press("G")
        assert view.cursor_row == view.row_count - 1
        assert view.scroll_y == view.max_scroll_y
        await pilot.press("g")
        assert view.cursor_row == 0 and view.scroll_y == 0
        await pilot.press("pagedown")
        assert view.cursor_row > 1 and view.scroll_y > 0
        await pilot.press("pageup")
        assert view.scroll_y == 0


async def test_next_change_and_next_claim() -> None:
    app = make_app(pair=DEMO_PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await diff_ready(pilot)
        view, model = screen.view, screen.model
        assert model is not None
        await pilot.press("n")
        first_change = view.cursor_row
        assert first_change in model.change_rows and first_change > 0
        await pilot.press("n", "N")
        assert view.cursor_row == first_change
        await pilot.press("g", "c")
        assert view.cursor_row in model.claim_rows
        second = model.claim_rows[model.claim_rows.index(view.cursor_row) + 1]
        await pilot.press("c")
        assert view.cursor_row == second
        await pilot.press("C")
        assert view.cursor_row == model.claim_rows[model.claim_rows.index(second) - 1]


async def test_fold_unchanged_runs(pair: tuple[Path, Path]) -> None:
    app = make_app(pair=pair)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await diff_ready(pilot)
        view, model = screen.view, screen.model
        assert model is not None
        same = sum(1 for row in model.rows if row.status is Status.SAME)
        assert same >= 3, "the fixture has a run of unchanged sentences"
        before = view.row_count
        await pilot.press("f")
        assert view.folded and view.row_count < before
        assert any("unchanged sentences" in line for line in _screen_lines(view))
        await pilot.press("f")
        assert view.row_count == before


async def test_swap_compares_b_with_a(pair: tuple[Path, Path]) -> None:
    app = make_app(pair=pair)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await diff_ready(pilot)
        assert screen.model is not None
        before = screen.model.comparison
        await pilot.press("s")
        await wait_for(
            pilot, lambda: screen.model is not None and screen.model.comparison is not before
        )
        after = screen.model.comparison
        assert after.a.path == before.b.path and after.b.path == before.a.path
        assert (after.a.text, after.b.text) == (before.b.text, before.a.text)
        # What B added, A now lacks, and the other way round. (A changed quotation is a
        # claim on the rewrite's side either way, worded as that side has it: left out.)
        assert _claims(after, ClaimKind.DROPPED) == _claims(before, ClaimKind.ADDED)
        assert _claims(after, ClaimKind.ADDED) == _claims(before, ClaimKind.DROPPED)
        assert _claims(after, ClaimKind.DROPPED), "the fixture's rewrite adds claims"


def _claims(comparison: Comparison, kind: ClaimKind) -> list[tuple[str, str]]:
    """(category, text) of the claims of ``kind``, quotations left out, sorted."""
    return sorted(
        (c.category.value, c.text)
        for c in comparison.claims
        if c.kind is kind and c.category is not ClaimCategory.QUOTATION
    )


async def test_unified_view_toggle_and_narrow_fallback() -> None:
    app = make_app(pair=DEMO_PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        view = (await diff_ready(pilot)).view
        await pilot.press("u")
        assert view.effective_mode == "unified"
        assert not any(" │ " in line for line in _screen_lines(view))
        await pilot.press("u")
        assert view.effective_mode == "split"
        assert any(" │ " in line for line in _screen_lines(view))
    app = make_app(pair=DEMO_PAIR)
    async with app.run_test(size=(80, 30)) as pilot:
        view = (await diff_ready(pilot)).view
        assert view.effective_mode == "unified"


async def test_search_jumps_to_the_match_and_escape_closes() -> None:
    app = make_app(pair=DEMO_PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await diff_ready(pilot)
        view = screen.view
        await pilot.press("slash")
        bar = screen.query_one(SearchBar)
        assert bar.display and bar.has_focus
        await pilot.press(*"Gareth")
        assert view.search_query == "Gareth"
        assert view.cursor_row is not None and screen.model is not None
        assert "Gareth" in screen.model.rows[view.cursor_row].b.text
        await pilot.press("escape")
        assert not bar.display and view.has_focus
        assert screen.is_current  # escape closed the search, not the screen


async def test_a_search_that_finds_nothing_says_so_on_its_bar_then_once_on_enter() -> None:
    """Each key searches: a miss is shown on the bar while typing (a toast a key stacked
    up), and said in one toast when Enter asks for the next match; a hit clears it."""
    app = make_app(pair=DEMO_PAIR)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await diff_ready(pilot)
        await pilot.press("slash", *"zzqqx")
        await pilot.pause()
        bar = screen.query_one(SearchBar)
        assert bar.has_class("-no-match") and bar.border_title == "no match"
        assert not app._notifications
        await pilot.press("enter")
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["Not found: zzqqx"]
        bar.value = "Gareth"
        await pilot.pause()
        assert not bar.has_class("-no-match") and not bar.border_title


async def test_escape_closes_the_innermost_thing_never_the_screen() -> None:
    """Escape closes the panel, then the search bar; the comparison stays open (one-off)."""
    app = make_app(pair=DEMO_PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await diff_ready(pilot)
        panel = screen.query_one(SidePanel)
        await pilot.press("p")
        assert panel.display and panel.has_focus
        await pilot.press("escape")
        assert not panel.display and screen.view.has_focus
        assert app.is_running and app.screen is screen
        # Panel open while the search bar is shown: the panel goes first, then the bar.
        await pilot.press("slash", *"mayor")
        screen.view.focus()
        await pilot.press("p")
        bar = screen.query_one(SearchBar)
        assert panel.display and bar.display
        await pilot.press("escape")
        assert not panel.display and bar.display
        screen.view.focus()
        await pilot.press("escape")
        assert not bar.display
        # Nothing left to close: Escape does nothing, q still leaves.
        await pilot.press("escape", "escape")
        assert app.is_running and app.screen is screen
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0


async def test_escape_in_the_panel_keeps_a_corpus_comparison_open() -> None:
    app = make_app(corpus=demo_corpus())
    async with app.run_test(size=(120, 40)) as pilot:
        await corpus_loaded(pilot)
        await pilot.press("a", "j", "j", "j", "b", "enter")
        screen = await diff_ready(pilot)
        await pilot.press("p", "escape")
        assert app.screen is screen and not screen.panel.display
        await pilot.press("q")
        await wait_for(pilot, lambda: app.screen is not screen)


async def test_panel_lists_claims_and_jumps() -> None:
    app = make_app(pair=DEMO_PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await diff_ready(pilot)
        await pilot.press("p")
        panel = screen.query_one(SidePanel)
        assert panel.display and panel.has_focus
        assert screen.model is not None
        entries = screen.model.panel
        assert panel.option_count >= len(entries)
        await pilot.press("end", "enter")
        assert screen.session is not None and panel.highlighted_key is not None
        last = screen.session.item(panel.highlighted_key)
        assert last is not None and screen.view.cursor_row == last.pair
        await pilot.press("p")
        assert not panel.display and screen.view.has_focus


async def test_help_lists_every_binding() -> None:
    app = make_app(pair=DEMO_PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await diff_ready(pilot)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_text = str(app.screen.query_one("#help-table").render())
        table = app.screen._table()
        descriptions = [str(cell) for cell in table.columns[2]._cells]
        for binding in [*screen.BINDINGS, *AlignedView.BINDINGS]:
            assert binding.description in descriptions, binding
        assert help_text
        await pilot.press("escape")
        assert app.screen is screen


async def test_q_quits_when_opened_directly() -> None:
    app = make_app(pair=DEMO_PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        await diff_ready(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0


async def test_article_text_is_literal(hostile_pair: tuple[Path, Path]) -> None:
    app = make_app(pair=hostile_pair)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await diff_ready(pilot)
        text = "\n".join(_screen_lines(screen.view))
        flat = " ".join(text.split())
        for literal in (
            "[bold]is",
            "[/]",
            "[red]not",
            "[/red]",
            "␛[31mstays␛[0m",
            "[b]brackets[/b]",
        ):
            assert literal in flat, literal
        assert "\x1b" not in text and "\x07" not in text
        await pilot.press("u")
        flat = " ".join("\n".join(_screen_lines(screen.view)).split())
        assert "[bold]is" in flat and "␛[31mstays" in flat
        await pilot.press("p")  # the panel shows claim text literally too
        await pilot.pause()


async def test_wide_characters_keep_the_columns_aligned(hostile_pair: tuple[Path, Path]) -> None:
    app = make_app(pair=hostile_pair)
    async with app.run_test(size=(120, 40)) as pilot:
        view = (await diff_ready(pilot)).view
        width = view.scrollable_content_region.width
        columns = set()
        for y in range(view.size.height):
            strip = view.render_line(y)
            assert strip.cell_length == width
            line = strip.text
            assert cell_len(line) == width
            if "│" in line:
                columns.add(cell_len(line[: line.index("│")]))
        assert len(columns) == 1
        assert any("🇷🇺" in view.render_line(y).text for y in range(view.size.height))


async def test_palette_offers_the_diff_actions() -> None:
    app = make_app(pair=DEMO_PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await diff_ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Next claim")
        await pilot.pause(0.3)
        await pilot.press("enter")
        assert screen.model is not None
        await wait_for(pilot, lambda: screen.view.cursor_row in screen.model.claim_rows)


async def test_keymap_remaps_by_binding_id() -> None:
    app = make_app(pair=DEMO_PAIR, keymap={"diff.next_claim": "x"})
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await diff_ready(pilot)
        await pilot.press("x")
        assert screen.model is not None and screen.view.cursor_row in screen.model.claim_rows


async def test_help_shows_the_remapped_keys_and_the_binding_ids() -> None:
    """``?`` listed the default keys whatever the keymap said, and no binding id though the
    README sends the user there for them."""
    app = make_app(pair=DEMO_PAIR, keymap={"diff.next_claim": "w,c"})
    async with app.run_test(size=(120, 40)) as pilot:
        await diff_ready(pilot)
        rows = await help_rows(pilot)
        (claim,) = [row for row in rows if "diff.next_claim" in row[3]]
        assert claim[1] == "w, c"
        # Help is the screen's and the app's binding (tui/keys.py): listed once.
        assert [row[2] for row in rows if row[3].endswith("app.help")] == ["Help"]


async def test_mouse_click_and_wheel() -> None:
    app = make_app(pair=DEMO_PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        view = (await diff_ready(pilot)).view
        y = view.row_y(2)
        assert y is not None
        await pilot.click(AlignedView, offset=(20, y))
        assert view.cursor_row == 2
        view.post_message(events.MouseScrollDown(view, 10, 10, 0, 0, 0, False, False, False))
        await pilot.pause()
        view._on_mouse_scroll_down(
            events.MouseScrollDown(view, 10, 10, 0, 0, 0, False, False, False)
        )
        await pilot.pause()
        assert view.scroll_y > 0


async def test_light_theme_and_a_prebuilt_comparison() -> None:
    from comparison_builder import sample

    app = DiffReaderApp(comparison=sample())
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await diff_ready(pilot)
        dark = screen.view.component_styles()["claim-added"]
        app.theme = "textual-light"
        await pilot.pause(0.2)
        light = screen.view.component_styles()["claim-added"]
        assert dark.bgcolor != light.bgcolor
        assert screen.model is not None
        added = [c for c in screen.model.comparison.claims if c.side is Side.B]
        assert added and all(screen.model.rows[c.pair].b.claims for c in added)


async def test_big_pair_renders_only_what_is_visible(tmp_path: Path) -> None:
    sentences = [
        f"Sentence number {n} says the council met on day {n % 28 + 1}." for n in range(3000)
    ]
    a = tmp_path / "big_a.txt"
    b = tmp_path / "big_b.txt"
    a.write_text(" ".join(sentences), encoding="utf-8")
    changed = list(sentences)
    changed[1500] = "A new sentence says the mayor resigned after 12 years."
    b.write_text(" ".join(changed), encoding="utf-8")
    app = make_app(pair=(a, b))
    async with app.run_test(size=(120, 40)) as pilot:
        view = (await diff_ready(pilot, timeout=60)).view
        await pilot.press("G")
        assert len(view._row_cache) < 60
        await pilot.press("g", "n")
        assert view.cursor_row is not None and view.cursor_row > 1000


async def test_unreadable_pair_shows_the_reason(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    app = make_app(pair=(missing, DEMO_PAIR[1]))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await diff_ready(pilot)
        error = screen.query_one("#diff-error")
        assert error.display and "missing.txt" in str(error.render())
        assert screen.model is None
        await pilot.press("q")
        assert app.return_code == 0


def _long_pair(tmp_path: Path, changes: dict[int, str]) -> tuple[Path, Path]:
    """A pair just past ``PROGRESSIVE_SENTENCES`` (its aligned half is shown first): the
    same numbered sentences, B's ``changes`` aside."""
    from diffreader.tui.screens.diff import PROGRESSIVE_SENTENCES

    n = PROGRESSIVE_SENTENCES // 2 + 10
    a_lines = [f"Sentence number {i} says the harbour opened at dawn." for i in range(n)]
    b_lines = [changes.get(i, line) for i, line in enumerate(a_lines)]
    a_path, b_path = tmp_path / "a.txt", tmp_path / "b.txt"
    a_path.write_text("\n\n".join(a_lines), encoding="utf-8")
    b_path.write_text("\n\n".join(b_lines), encoding="utf-8")
    return a_path, b_path


@asynccontextmanager
async def _open_long_pair(
    a_path: Path, b_path: Path
) -> AsyncIterator[tuple[Pilot[None], DiffScreen, list[ComparisonReady]]]:
    """The reader on the pair, once its full comparison is shown, with the
    ``ComparisonReady`` messages it got."""
    ready, hook = messages_of(ComparisonReady)
    app = make_app(pair=(a_path, b_path))
    async with app.run_test(size=(140, 40), message_hook=hook) as pilot:
        screen = await diff_ready(pilot, timeout=60)
        await wait_for(pilot, lambda: screen.session is not None, timeout=60)
        yield pilot, screen, ready


async def test_long_pair_shows_the_aligned_diff_before_its_claims(tmp_path: Path) -> None:
    """From PROGRESSIVE_SENTENCES on, the aligned diff is painted before claims are found."""
    pair = _long_pair(
        tmp_path, {5: "Sentence number 5 says the harbour opened at dawn in Kilbrannan."}
    )
    async with _open_long_pair(*pair) as (_pilot, screen, ready):
        assert [m.partial for m in ready] == [True, False]
        assert ready[0].model.comparison.claims == ()
        assert any(c.text == "Kilbrannan" for c in ready[1].model.comparison.claims)
        assert not screen.annotating
        assert screen.model is ready[1].model


async def test_a_search_typed_while_the_claims_arrive_keeps_its_letters(tmp_path: Path) -> None:
    """A long pair's claims arrive while its aligned half is read. A search being typed
    then lost the focus to the diff: its next letters ran the diff's keys ("x" accepted an
    item, "q" quit the reader)."""
    from dataclasses import replace

    pair = _long_pair(tmp_path, {5: "Sentence number 5 says the harbour opened at dusk."})
    async with _open_long_pair(*pair) as (pilot, screen, ready):
        await pilot.press("slash", *"dusk")
        bar = screen.query_one(SearchBar)
        # The claims arriving now, as they do while a long pair's search is typed.
        screen.post_message(replace(ready[-1]))
        await wait_for(pilot, lambda: len(ready) == 3)
        await pilot.pause()
        await pilot.press("x", "q")
        assert bar.value == "duskxq" and screen.focused is bar
        assert screen.session is not None
        assert all(screen.session.mark(item.key) is None for item in screen.session.items)
        assert pilot.app.is_running and pilot.app.screen is screen


async def test_a_long_pair_s_panel_entries_are_made_in_the_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long pair's side panel is filled with entries the worker made (the UI thread only
    adds them), and they are the entries the panel makes itself."""
    from diffreader.tui.screens import diff

    monkeypatch.setattr(diff, "PREPARED_PANEL_ITEMS", 1)
    pair = _long_pair(
        tmp_path,
        {
            5: "Sentence number 5 says the harbour opened at dawn in Kilbrannan.",
            40: "Sentence number 40 says the harbour opened at 9 pm, [bold]not[/] at dawn.",
        },
    )
    async with _open_long_pair(*pair) as (_pilot, screen, ready):
        assert ready[-1].panel is not None
        shown = _listing(screen.panel)
        assert any("Kilbrannan" in plain for _, plain, _ in shown)
        assert any("[bold]not[/]" in plain for _, plain, _ in shown)  # literal
        assert screen.model is not None
        screen.panel.show(screen.model, screen.view.component_styles(), screen.session)
        assert _listing(screen.panel) == shown


def _listing(panel: SidePanel) -> list[tuple[object, ...]]:
    options = [panel.get_option_at_index(i) for i in range(panel.option_count)]
    return [(o.id, o.prompt.plain, o.prompt.spans) for o in options]


async def test_the_comparison_says_what_it_is_doing() -> None:
    """While the worker runs, the screen names each stage; the line goes once it is done."""
    from diffreader.tui.messages import ComparisonProgress

    stages: list[str] = []

    def record(message: object) -> None:
        if isinstance(message, ComparisonProgress):
            stages.append(message.stage)

    app = make_app(pair=DEMO_PAIR)
    async with app.run_test(size=(120, 40), message_hook=record) as pilot:
        screen = await diff_ready(pilot)
        await wait_for(pilot, lambda: screen.session is not None)
        assert stages[0] == "Loading the articles…"
        assert stages[1].startswith("Aligning ") and " sentences with " in stages[1]
        assert any("claims" in s and "quotations" in s for s in stages)
        assert stages[-1] == "Opening the review…"
        progress = screen.query_one("#diff-progress")
        assert not progress.display


# -- the unified view says which side text comes from (issue 11, item 3) ------------------


def _line_with(view: AlignedView, needle: str):  # type: ignore[no-untyped-def]
    """The painted strip of the first line on screen containing ``needle``."""
    for y in range(view.size.height):
        strip = view.render_line(y)
        if needle in strip.text:
            return strip
    raise AssertionError(f"{needle!r} is not on screen: {_screen_lines(view)}")


async def test_unified_search_lands_on_the_word_after_an_arrow() -> None:
    app = make_app(pair=DEMO_PAIR)
    async with app.run_test(size=(80, 30)) as pilot:
        screen = await diff_ready(pilot)
        view = screen.view
        assert view.effective_mode == "unified"
        await pilot.press("slash", *"approximately")
        await pilot.pause()
        assert screen.model is not None and view.cursor_row == 1
        strip = _line_with(view, "about → approximately")
        search_bg = view.component_styles()["search"].bgcolor
        found = "".join(seg.text for seg in strip if seg.style and seg.style.bgcolor == search_bg)
        assert found == "approximately"


async def test_unified_rows_carry_their_side_and_the_legend_says_so() -> None:
    pair = (demo_corpus() / "00_original.txt", demo_corpus() / "02_rewrite_contentfarm.txt")
    app = make_app(pair=pair)
    async with app.run_test(size=(80, 30)) as pilot:
        screen = await diff_ready(pilot)
        view = screen.view
        legend = str(screen.query_one("#legend").render())
        assert "+B only in B" in legend and "−A only in A" in legend and "old → new" in legend
        assert screen.model is not None
        styles = view.component_styles()
        for status, label, tint in (
            (Status.ADDED, "+B", "side-b"),
            (Status.DROPPED, "−A", "side-a"),
        ):
            row = next(r for r in screen.model.rows if r.status is status and not r.claims)
            view.jump_to_row(row.index)
            await pilot.pause()
            first_words = row.unified.text[:20]
            strip = _line_with(view, first_words)
            assert strip.text[2:4] == label, strip.text  # after the cursor bar and mark
            # The text and the rest of the line carry the side's tint.
            text_bg = {seg.style.bgcolor for seg in strip if seg.text.strip() and seg.style}
            assert styles[tint].bgcolor in text_bg
        assert styles["side-a"].bgcolor != styles["side-b"].bgcolor
        # Side by side the legend is the two-column one again.
    app = make_app(pair=pair)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await diff_ready(pilot)
        assert "only in B" not in str(screen.query_one("#legend").render())
        await pilot.press("u")
        await pilot.pause()
        assert "+B only in B" in str(screen.query_one("#legend").render())
        await pilot.press("u")
        await pilot.pause()
        assert "only in B" not in str(screen.query_one("#legend").render())


async def test_a_page_key_on_the_panel_before_its_layout_is_no_crash() -> None:
    """Keys pressed fast: PageUp reached the panel hidden and refilled, before its entries
    were laid out, and OptionList's page step raised KeyError, ending the reader."""
    from textual.app import App, ComposeResult
    from textual.widgets.option_list import Option

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield SidePanel(id="side-panel")

    app = One()
    async with app.run_test(size=(80, 24)) as pilot:
        panel = app.query_one(SidePanel)
        panel.display = False
        await pilot.pause()
        panel.clear_options()
        panel.add_options([Option(f"entry {i}") for i in range(60)])
        panel.highlighted = 50
        panel.action_page_up()
        panel.action_page_down()
        assert panel.highlighted == 50
        panel.display = True
        await pilot.pause()
        panel.action_page_up()
        assert panel.highlighted is not None and panel.highlighted < 50


async def test_quit_and_help_lead_the_footer_at_80_columns() -> None:
    """The footer cuts what does not fit: at 80 columns it ended at "t Stor…" and "r N…",
    and a newcomer saw neither how to leave nor how to get help."""
    from textual.widgets._footer import FooterKey

    app = make_app(corpus=DEMO_PAIR[0].parent)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await corpus_loaded(pilot)
        shown = [key.description for key in screen.query(FooterKey)]
        assert {"Quit", "Help"} <= set(shown[:3])
    app = make_app(pair=DEMO_PAIR)
    async with app.run_test(size=(80, 24)) as pilot:
        diff = await diff_ready(pilot)
        shown = [key.description for key in diff.query(FooterKey)]
        assert shown[:2] == ["Back", "Help"]


async def test_a_key_pressed_again_and_again_past_the_last_change_says_so_once(
    tmp_path: Path,
) -> None:
    """ "n" held down past the last change said "No more changes below." once per press:
    a column of identical toasts covered the diff. The same message is one toast."""
    from textual.widgets._toast import Toast

    original = demo_corpus() / "00_original.txt"
    app = make_app(pair=(original, original), data_dir=tmp_path / "data")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await diff_ready(pilot)
        await pilot.press(*"nnnnnnnn")
        await wait_for(pilot, lambda: bool(app.screen.query(Toast)))
        await pilot.pause()
        assert [toast.render().plain for toast in app.screen.query(Toast)] == [
            "No more changes below."
        ]
        app.notify("Something else.")
        await wait_for(pilot, lambda: len(app.screen.query(Toast)) == 2)
