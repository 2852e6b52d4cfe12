"""Pilot tests for the corpus screen: loading, picking, filtering, sorting, comparing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pilot_helpers import corpus_loaded, diff_ready, wait_for

from diffreader.tui.app import demo_corpus, make_app
from diffreader.tui.messages import CompareRequested
from diffreader.tui.screens.corpus import CorpusScreen
from diffreader.tui.screens.diff import DiffScreen
from diffreader.tui.widgets.article_table import ArticleTable


async def test_demo_corpus_is_the_default() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await corpus_loaded(pilot)
        assert screen.folder == demo_corpus()
        names = sorted(a.path.name for a in screen.articles.values())
        assert names == sorted(p.name for p in demo_corpus().glob("*.txt"))
        assert all(a.error is None for a in screen.articles.values())


async def test_unreadable_file_is_listed_with_its_reason(corpus: Path) -> None:
    app = make_app(corpus=corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await corpus_loaded(pilot)
        binary = screen.articles[str(corpus / "d_binary.txt")]
        assert binary.doc is None and binary.error
        table = screen.query_one("#articles", ArticleTable)
        assert table.row_count == 4
        row = table.get_row(str(corpus / "d_binary.txt"))
        assert "⚠" in str(row[1])
        # It cannot be marked.
        table.move_cursor(row=table.get_row_index(str(corpus / "d_binary.txt")))
        await pilot.press("a")
        assert screen.mark_a is None


async def test_mark_swap_and_compare(corpus: Path) -> None:
    messages: list[object] = []
    app = make_app(corpus=corpus)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        screen = await corpus_loaded(pilot)
        await pilot.press("a", "down", "b")
        assert screen.mark_a == str(corpus / "a_original.txt")
        assert screen.mark_b == str(corpus / "b_rewrite.txt")
        await pilot.press("s")
        assert screen.mark_a == str(corpus / "b_rewrite.txt")
        assert screen.mark_b == str(corpus / "a_original.txt")
        await pilot.press("s", "enter")
        diff = await diff_ready(pilot)
        requested = [m for m in messages if isinstance(m, CompareRequested)]
        assert requested and requested[0].a.path == str(corpus / "a_original.txt")
        assert diff.model is not None
        assert diff.model.comparison.b.path == str(corpus / "b_rewrite.txt")
        # q goes back to the corpus, marks intact.
        await pilot.press("q")
        await wait_for(pilot, lambda: isinstance(app.screen, CorpusScreen))
        assert app.screen is screen and screen.mark_b == str(corpus / "b_rewrite.txt")


async def test_enter_with_only_a_marked_compares_with_the_highlighted(corpus: Path) -> None:
    app = make_app(corpus=corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await corpus_loaded(pilot)
        await pilot.press("enter")  # nothing marked: marks A
        await pilot.press("down", "enter")
        diff = await diff_ready(pilot)
        assert isinstance(diff, DiffScreen) and diff.model is not None


async def test_incremental_filter_by_title_or_text(corpus: Path) -> None:
    app = make_app(corpus=corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await corpus_loaded(pilot)
        table = screen.query_one("#articles", ArticleTable)
        await pilot.press("slash", *"literal")
        assert {a.path.name for a in screen.visible_articles()} == {"c_hostile.txt"}
        assert table.row_count == 1
        await pilot.press("escape")  # leaves the input
        await pilot.press("escape")  # clears the filter
        assert table.row_count == 4


async def test_sorting_and_similarity_ranking() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await corpus_loaded(pilot)
        await pilot.press("a")  # 00_original
        await wait_for(pilot, lambda: len(screen.similarity) == len(screen.articles))
        screen.sort_key = "similarity"
        await pilot.pause()
        order = [a.path.name for a in screen.visible_articles()]
        assert order[0] == "00_original.txt"
        assert order[-1] == "04_unrelated.txt"
        sims = screen.similarity
        unrelated = sims[str(demo_corpus() / "04_unrelated.txt")]
        rewrites = [sims[str(p)] for p in sorted(demo_corpus().glob("0[123]_*.txt"))]
        assert unrelated * 3 < min(rewrites)
        await pilot.press("o")
        assert screen.sort_key == "file"
        await pilot.press("o")
        assert screen.sort_key == "date"


async def test_palette_offers_the_corpus_actions(corpus: Path) -> None:
    app = make_app(corpus=corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await corpus_loaded(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Mark A")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.mark_a is not None)
        assert app.screen is screen


async def test_large_folder_is_listed_in_batches_then_indexed_with_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list fills from quick reads in appended batches (never refilled), the header
    counts what is listed, then the index fills under the bar ("indexing n / total")."""
    from textual.widgets import ProgressBar

    from diffreader.tui.screens import corpus as corpus_screen

    monkeypatch.setattr(corpus_screen, "_BATCH_MAX", 40)
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(200):
        (folder / f"{n:03}.txt").write_text(
            f"Story {n}\n\nThe council met on day {n}. It voted {n % 9} to 2.\n", encoding="utf-8"
        )
    messages: list[object] = []
    app = make_app(corpus=folder)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, CorpusScreen))
        screen = app.screen
        assert isinstance(screen, CorpusScreen)
        table = screen.query_one("#articles", ArticleTable)
        await wait_for(pilot, lambda: table.row_count > 0)
        screen = await corpus_loaded(pilot)
        assert table.row_count == 200
        assert "200 articles" in screen_text(app)
        batches = [m for m in messages if isinstance(m, CorpusScreen._Listed)]
        assert len(batches) >= 5 and sum(len(m.batch) for m in batches) == 200
        # Listed before parsing: title and date from the quick read.
        assert screen.articles[str(folder / "007.txt")].title == "Story 7"
        await wait_for(pilot, lambda: screen.index_ready)
        await pilot.pause()
        progress = [m for m in messages if isinstance(m, CorpusScreen._Progress)]
        assert progress and progress[-1].status == "indexing"
        assert (progress[-1].done, progress[-1].total) == (200, 200)
        assert not screen.query_one(ProgressBar).display
        assert "indexing" not in screen_text(app)
        # Only the rows painted were built (a screenful, again once the index gave the
        # word counts), and the table shows what a refill would.
        assert 0 < table.rows_built <= 2 * table.size.height < 200
        assert _table_cells(screen) == _fresh_cells(screen)


async def test_the_header_says_indexing_while_the_index_fills(tmp_path: Path) -> None:
    folder = tmp_path / "few"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(f"Story {n}\n\nThe council met on day {n}.\n")
    app = make_app(corpus=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await corpus_loaded(pilot)
        await wait_for(pilot, lambda: screen.index_ready)
        # As a large folder's update reports it (a finished index ignores late reports).
        screen.post_message(CorpusScreen._Progress("indexing", 4210, 10005))
        await pilot.pause()
        assert "indexing 4,210" not in screen_text(app)
        screen.indexing = True
        screen.post_message(CorpusScreen._Progress("indexing", 4210, 10005))
        await pilot.pause()
        assert "indexing 4,210 / 10,005" in screen_text(app)


async def test_keys_typed_in_one_burst_keep_their_order() -> None:
    """A terminal delivers "↓ ↓ b Enter" typed fast as one read: Enter must not overtake.

    Enter is a priority binding; it used to compare before the cursor moved and B was
    marked. The keys are posted without waiting in between, as a real terminal sends them.
    """
    from textual import events

    app = make_app(corpus=demo_corpus())
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await corpus_loaded(pilot)
        await pilot.press("a")
        await app.workers.wait_for_complete()  # the similarity ranking A's mark starts
        await pilot.pause()
        for key, char in (("down", None), ("down", None), ("b", "b"), ("enter", "\r")):
            app.post_message(events.Key(key, char))
        diff = await diff_ready(pilot)
        expected = sorted(screen.articles.values(), key=lambda a: a.path.name)[2]
        assert screen.mark_b == expected.key
        await wait_for(pilot, lambda: diff.model is not None)
        assert diff.model is not None
        assert diff.model.comparison.b.path == expected.doc.path


async def test_a_word_typed_fast_after_slash_goes_into_the_filter(tmp_path: Path) -> None:
    """ "/bar" typed fast (one read, or while the reader was busy) marked B and A and
    opened the rewrites: the keys after ``/`` were read while the list still had the
    focus. They are the filter's now."""
    from textual import events
    from textual.widgets import Input

    app = make_app(corpus=demo_corpus(), data_dir=tmp_path / "data")
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await corpus_loaded(pilot)
        for key, char in (("slash", "/"), ("b", "b"), ("a", "a"), ("r", "r")):
            app.post_message(events.Key(key, char))
        await wait_for(pilot, lambda: screen.query_one("#filter", Input).value == "bar")
        await pilot.pause()
        assert screen.mark_a is None and screen.mark_b is None
        assert screen.view == "list"
        # From the rewrites of A, / goes back to the list and into the filter too.
        await pilot.press("escape", "escape", "a", "r")
        await wait_for(pilot, lambda: screen.view == "rewrites")
        await pilot.press("slash", "b", "r")
        assert screen.query_one("#filter", Input).value == "br"
        assert screen.view == "list" and screen.mark_b is None


async def test_j_and_k_move_through_the_list() -> None:
    app = make_app(corpus=demo_corpus())
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await corpus_loaded(pilot)
        table = screen.query_one("#articles", ArticleTable)
        start = table.cursor_row
        await pilot.press("j", "j")
        assert table.cursor_row == start + 2
        await pilot.press("k")
        assert table.cursor_row == start + 1
        # In the filter box, j is a letter to type.
        await pilot.press("slash", "j")
        assert screen.query_one("#filter").value == "j"


async def test_back_from_a_diff_keeps_the_cursor_on_b() -> None:
    """Returning from the first review of a pair adds the Review column: the cursor stays."""
    app = make_app(corpus=demo_corpus())
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await corpus_loaded(pilot)
        await pilot.press("a", "down", "down", "b", "enter")
        await diff_ready(pilot)
        await wait_for(pilot, lambda: app.screen.session is not None)
        await pilot.press("q")
        await wait_for(pilot, lambda: isinstance(app.screen, CorpusScreen))
        await wait_for(pilot, lambda: bool(screen.reviews))
        await pilot.pause()
        assert screen.highlighted is not None
        assert screen.highlighted.key == screen.mark_b


def screen_text(app: object) -> str:
    """Everything the current screen shows, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())  # type: ignore[attr-defined]


def _table_cells(screen: CorpusScreen) -> list[list[str]]:
    """The cells the table paints (its cached ones where it has them), in its order."""
    table = screen.query_one("#articles", ArticleTable)
    return [
        [str(getattr(cell, "plain", cell)) for cell in table.get_row(key)] for key in table.keys
    ]


def _fresh_cells(screen: CorpusScreen) -> list[list[str]]:
    """The cells of every article, filtered and sorted afresh."""
    needle = screen.filter_text.lower().strip()
    articles = [
        a
        for a in screen.articles.values()
        if not needle or needle in a.haystack or needle in a.path.name.lower()
    ]
    return [
        [str(getattr(cell, "plain", cell)) for cell in screen._row(article)]
        for article in sorted(articles, key=screen._sort_function())
    ]


async def test_the_table_updates_in_place_and_stays_true(corpus: Path) -> None:
    """Marks and similarity figures change the cells shown (the table builds them again
    when it paints them); after every step the table shows what a refill would."""
    app = make_app(corpus=corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await corpus_loaded(pilot)
        table = screen.query_one("#articles", ArticleTable)
        # Marking A adds the Similarity column (the columns are rebuilt once).
        assert "similarity" not in [column.key for column in table.columns]
        await pilot.press("a")
        await wait_for(pilot, lambda: not screen.ranking)
        await pilot.pause()
        assert "similarity" in [column.key for column in table.columns]
        assert _table_cells(screen) == _fresh_cells(screen)
        for keys in (["down", "b"], ["s"], ["down", "b"], ["up", "up", "a"]):
            await pilot.press(*keys)
            await wait_for(pilot, lambda: not screen.ranking)
            await pilot.pause()
            assert _table_cells(screen) == _fresh_cells(screen)
        marks = [cells[0] for cells in _table_cells(screen)]
        assert sorted(m for m in marks if m) == ["A", "B"]
        # A different order (sorting) refills the table, still true.
        await pilot.press("o")
        await pilot.pause()
        assert _table_cells(screen) == _fresh_cells(screen)


async def test_the_preview_shows_a_bounded_prefix_of_a_huge_one_line_file(tmp_path: Path) -> None:
    """A 2 MB article on one line previews its start, says how much is left, and a table
    refresh (a sort, a mark) does not redraw a preview that shows the same thing."""
    from textual.widgets import Static

    from diffreader.tui.screens.corpus import PREVIEW_CHARS

    (tmp_path / "a_small.txt").write_text("Small story\n\nThe council met on Monday.\n")
    sentence = "The committee heard evidence from residents about the new road scheme. "
    (tmp_path / "b_huge.txt").write_text("Huge story\n\n" + sentence * 28_000)
    app = make_app(corpus=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await corpus_loaded(pilot)
        await wait_for(pilot, lambda: screen.index_ready)
        await pilot.press("j")
        assert screen.highlighted is not None and screen.highlighted.path.name == "b_huge.txt"
        shown = str(screen.query_one("#preview-text", Static).render())
        assert "more bytes (Enter compares the whole article)" in shown
        assert len(shown) < PREVIEW_CHARS + 1_000

        updates: list[object] = []
        preview = screen.query_one("#preview-text", Static)
        original = preview.update
        preview.update = lambda *args, **kw: (updates.append(args), original(*args, **kw))  # type: ignore[method-assign]
        await pilot.press("o")  # sort by date: the table refreshes, the article stays
        await pilot.pause()
        assert screen.highlighted.path.name == "b_huge.txt"
        assert updates == []
        await pilot.press("k")
        await pilot.pause()
        assert len(updates) == 1  # another article: redrawn once


async def test_a_warm_start_lists_unchanged_files_from_the_index(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second start lists every unchanged article from the index's kept quick reads
    (no file opened), with the same rows; refused files are read again, with reasons."""
    from diffreader.tui import corpus as corpus_module

    async def listed_rows() -> list[list[str]]:
        app = make_app(corpus=corpus)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await corpus_loaded(pilot)
            await wait_for(pilot, lambda: screen.index_ready)
            await pilot.pause()
            assert _table_cells(screen) == _fresh_cells(screen)
            return _table_cells(screen)

    cold = await listed_rows()
    opened: list[str] = []
    real_peek = corpus_module.peek

    def counting_peek(
        path: Path, limit: int = corpus_module.HEAD_BYTES, info: os.stat_result | None = None
    ) -> object:
        opened.append(path.name)
        return real_peek(path, limit, info)

    monkeypatch.setattr(corpus_module, "peek", counting_peek)
    warm = await listed_rows()
    assert warm == cold
    assert opened == ["d_binary.txt"]
    # A changed file is read again on the next start, and shows its new title.
    (corpus / "b_rewrite.txt").write_text("Harbour Reopens\n\nThe harbour reopened today.\n")
    opened.clear()
    changed = await listed_rows()
    assert sorted(opened) == ["b_rewrite.txt", "d_binary.txt"]
    assert any("Harbour Reopens" in cell for row in changed for cell in row)


async def test_sorting_by_date_while_listing_gives_the_date_order_once_all_is_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Batches that arrive after a sort by date are merged into the date order (not
    appended, nor sorted again from scratch); undated articles come last."""
    import threading

    from diffreader.tui.screens import corpus as corpus_screen

    monkeypatch.setattr(corpus_screen, "_BATCH_MAX", 30)
    # Batches of exactly 30: on a loaded host the quarter-second flush posted a part batch
    # first, and the table never held exactly the 30 rows the gate waits on (flaky).
    monkeypatch.setattr(corpus_screen, "_BATCH_SECONDS", 3600.0)
    folder = tmp_path / "dated"
    folder.mkdir()
    for n in range(150):
        # Names and dates in different orders; every seventh article is undated.
        day = (n * 37) % 28 + 1
        month = (n * 11) % 12 + 1
        marker = "" if n % 7 == 3 else f"date 2025-{month:02}-{day:02}\n"
        (folder / f"{n:03}.txt").write_text(
            f"{marker}Story {n}\n\nThe council met. It voted {n % 9} to 2.\n", encoding="utf-8"
        )
    gate = threading.Event()
    real = corpus_screen.list_files

    def gated(paths, kept):  # type: ignore[no-untyped-def]
        for number, item in enumerate(real(paths, kept)):
            if number == 30:  # the first batch is posted: wait for the sort
                gate.wait(10)
            yield item

    monkeypatch.setattr(corpus_screen, "list_files", gated)
    messages: list[object] = []
    app = make_app(corpus=folder)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, CorpusScreen))
        screen = app.screen
        assert isinstance(screen, CorpusScreen)
        table = screen.query_one("#articles", ArticleTable)
        await wait_for(pilot, lambda: table.row_count == 30)
        assert screen.loading
        screen.sort_key = "date"
        await pilot.pause()
        gate.set()
        screen = await corpus_loaded(pilot)
        batches = [m for m in messages if isinstance(m, CorpusScreen._Listed)]
        assert len(batches) >= 5
        assert table.row_count == 150
        dates = [screen.articles[key].date for key in table.keys]
        dated = [d for d in dates if d]
        assert dated == sorted(dated) and len(dated) == 150 - 21
        assert dates[len(dated) :] == [""] * 21
        # Ties (the same date) by file name, as a sort from scratch orders them.
        expected = sorted(screen.articles.values(), key=lambda a: (not a.date, a.date, a.path.name))
        assert list(table.keys) == [a.key for a in expected]
        assert _table_cells(screen) == _fresh_cells(screen)


async def test_a_title_shows_its_invisible_characters_in_the_list(tmp_path: Path) -> None:
    """A zero-width space and a right-to-left override in a title are shown in the list,
    as the diff's title line shows them (``<U+200B>``, ``\\ufffd``): they were left out,
    and the title looked like the one without them. The header's A and the preview say
    it so too; the filter still finds the title by its words, and by what it shows."""
    from textual.widgets import Input, Static

    from diffreader.tui.textutil import document_label

    folder = tmp_path / "corpus"
    folder.mkdir()
    body = "\n\nThe council closed the bridge on Monday. Ferries run every hour.\n"
    (folder / "a_plain.txt").write_text("Bridge closes" + body, encoding="utf-8")
    (folder / "b_hidden.txt").write_text("Bridge\u200b closes \u202eevil" + body, encoding="utf-8")
    shown = "Bridge<U+200B> closes \ufffdevil"
    app = make_app(corpus=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await corpus_loaded(pilot)
        column = [key for key, _, _ in screen._plan].index("title")
        assert [row[column] for row in _table_cells(screen)] == ["Bridge closes", shown]
        hidden = screen.articles[str(folder / "b_hidden.txt")]
        assert hidden.title == shown == document_label(hidden.load())
        text = screen_text(app)
        assert shown in text and "\u200b" not in text and "\u202e" not in text
        await pilot.press("j", "a")  # the header names A by its title, the preview shows it
        header = str(screen.query_one("#corpus-title", Static).render())
        assert f" A  {shown}" in header
        assert str(screen.query_one("#preview-text", Static).render()).startswith(shown)
        filter_input = screen.query_one("#filter", Input)
        for needle, names in (
            ("bridge closes", ["a_plain.txt", "b_hidden.txt"]),  # as read, as before
            ("<u+200b>", ["b_hidden.txt"]),  # as shown
        ):
            filter_input.value = needle
            await wait_for(pilot, lambda n=needle: screen.filter_text == n)
            await pilot.pause()
            assert [a.path.name for a in screen.visible_articles()] == names


async def test_rewrites_of_an_a_that_cannot_be_read_say_so(tmp_path: Path) -> None:
    """A deleted after it was listed: ranking the folder against it failed, and once the
    warning had gone the rewrites view said "Nothing in the folder shares enough with A."
    as if the folder had been searched."""
    from textual.widgets import DataTable

    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("00_original.txt", "01_rewrite_syndicated.txt"):
        (folder / name).write_bytes((demo_corpus() / name).read_bytes())
    app = make_app(corpus=folder, data_dir=tmp_path / "data")
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await corpus_loaded(pilot)
        await wait_for(pilot, lambda: screen.index_ready)
        (folder / "00_original.txt").unlink()
        await pilot.press("home", "a", "r")
        await wait_for(pilot, lambda: screen.found is not None and not screen.ranking)
        await pilot.pause()
        table = screen.query_one("#results", DataTable)
        shown = " ".join(
            str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)
        )
        assert "Cannot rank the folder: no such file" in shown
        assert "Nothing in the folder" not in shown
