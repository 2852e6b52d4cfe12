"""Pilot tests for every mouse action: clicks, double and triple clicks, the wheel.

The mouse handlers: ``AlignedView.on_click`` (moves the cursor, unfolds a folded run),
``SidePanel`` (an ``OptionList``: a click highlights and chooses an entry, which jumps the
diff), the corpus ``ArticleTable`` (a click highlights a row; a double click must not
compare; a header click sorts) and Textual's own wheel scrolling and text selection on
each. Each test checks that the app is still running and that the expected state changed.
"""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import corpus_loaded, diff_ready, wait_for
from textual import events
from textual.pilot import Pilot
from textual.widget import Widget

from diffreader.engine.model import Status
from diffreader.tui.app import demo_corpus, make_app
from diffreader.tui.screens.corpus import CorpusScreen
from diffreader.tui.widgets.aligned_view import AlignedView
from diffreader.tui.widgets.article_table import ArticleTable
from diffreader.tui.widgets.side_panel import SidePanel

DEMO_PAIR = (demo_corpus() / "00_original.txt", demo_corpus() / "03_rewrite_update.txt")


async def wheel(pilot: Pilot[None], widget: Widget, *, down: bool = True, times: int = 3) -> None:
    """Turn the mouse wheel over ``widget``.

    Pilot has no wheel method; this takes the path ``Pilot.click`` takes (the event goes
    to the screen, which forwards it to the widget under the pointer), as a terminal's
    wheel event does.
    """
    event = events.MouseScrollDown if down else events.MouseScrollUp
    for _ in range(times):
        await pilot._post_mouse_events([event], widget, offset=(2, 2))


async def test_diff_view_click_double_click_triple_click_and_wheel() -> None:
    app = make_app(pair=DEMO_PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await diff_ready(pilot)
        view = screen.view
        y = view.row_y(2)
        assert y is not None and view.cursor_row == 0
        assert await pilot.click(AlignedView, offset=(20, y))
        assert view.cursor_row == 2

        # A double click selects text through Widget.query(), which AlignedView.query
        # (a search string) used to hide: TypeError, and the app died.
        y = view.row_y(3)
        assert y is not None
        assert await pilot.double_click(AlignedView, offset=(20, y))
        assert app.is_running and app.screen is screen
        assert view.cursor_row == 3
        y = view.row_y(1)
        assert y is not None
        assert await pilot.triple_click(AlignedView, offset=(20, y))
        assert app.is_running and view.cursor_row == 1

        assert view.scroll_y == 0
        await wheel(pilot, view)
        assert view.scroll_y > 0
        await wheel(pilot, view, down=False, times=20)
        assert view.scroll_y == 0
        assert app.is_running and app.screen is screen


async def test_click_on_a_folded_run_unfolds_it(pair: tuple[Path, Path]) -> None:
    app = make_app(pair=pair)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await diff_ready(pilot)
        view = screen.view
        assert screen.model is not None
        await pilot.press("f")
        assert view.folded
        folded = view.row_count
        # The first folded run: its rows all sit at the fold's y.
        run = next(
            i for i in range(len(screen.model.rows) - 1) if view.row_y(i) == view.row_y(i + 1)
        )
        assert screen.model.rows[run].status is Status.SAME
        y = view.row_y(run)
        assert y is not None
        assert await pilot.click(AlignedView, offset=(20, y - round(view.scroll_y)))
        assert view.row_count > folded
        assert view.cursor_row == run
        assert app.is_running


async def test_side_panel_click_jumps_and_wheel_scrolls() -> None:
    app = make_app(pair=DEMO_PAIR)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await diff_ready(pilot)
        await pilot.press("p")
        panel = screen.query_one(SidePanel)
        assert panel.display and screen.session is not None
        # Entries are one or two lines: click lines until one lands on an item placed
        # further down the diff than the cursor, then check the diff followed.
        for line in range(1, panel.size.height):
            assert await pilot.click(SidePanel, offset=(4, line))
            key = panel.highlighted_key
            item = screen.session.item(key) if key is not None else None
            if item is not None and item.pair > 0:
                break
        else:
            raise AssertionError("no click landed on a review item")
        await wait_for(pilot, lambda: screen.view.cursor_row == item.pair)
        assert await pilot.double_click(SidePanel, offset=(4, line))
        assert app.is_running and panel.highlighted_key == key
        assert screen.view.cursor_row == item.pair

        assert panel.max_scroll_y > 0, "the demo pair lists more entries than fit"
        await wheel(pilot, panel)
        assert panel.scroll_y > 0
        assert app.is_running and app.screen is screen


async def test_corpus_table_click_double_click_header_and_wheel() -> None:
    app = make_app(corpus=demo_corpus())
    async with app.run_test(size=(140, 10)) as pilot:
        screen = await corpus_loaded(pilot)
        await wait_for(pilot, lambda: screen.index_ready)  # the progress bar has gone
        await pilot.pause()
        table = screen.query_one("#articles", ArticleTable)
        assert table.cursor_row == 0
        # Line 0 is the header; row n is on line n + 1.
        assert await pilot.click("#articles", offset=(30, 3))
        assert table.cursor_row == 2
        assert screen.highlighted is not None
        chosen = screen.highlighted.key
        # A double click selects the row: it must not compare (Enter does that).
        assert await pilot.double_click("#articles", offset=(30, 2))
        assert table.cursor_row == 1
        await pilot.pause()
        assert isinstance(app.screen, CorpusScreen) and app.is_running
        assert screen.highlighted is not None and screen.highlighted.key != chosen

        # Clicking a column header sorts by it.
        assert screen.sort_key == "file"
        assert await pilot.click("#articles", offset=(10, 0))  # the Title header
        assert screen.sort_key == "title"

        assert table.max_scroll_y > 0, "five demo articles do not fit in 10 lines"
        await wheel(pilot, table)
        assert table.scroll_y > 0
        assert app.is_running and isinstance(app.screen, CorpusScreen)
