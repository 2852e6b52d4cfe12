"""Pilot tests for marking several versions on the corpus screen (A, B and V marks) and
opening them in the multi-version view."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import REWRITE, corpus_loaded, wait_for
from textual.widgets import Static

from diffreader.tui.app import make_app
from diffreader.tui.screens.corpus import CorpusScreen
from diffreader.tui.screens.versions import VersionsScreen
from diffreader.tui.widgets.article_table import ArticleTable


def _header(screen: CorpusScreen) -> str:
    return str(screen.query_one("#corpus-title", Static).render())


def _mark_cell(screen: CorpusScreen, key: str) -> str:
    table = screen.query_one("#articles", ArticleTable)
    return str(table.get_row(key)[0])


def _notices(app: object) -> list[str]:
    return [n.message for n in app._notifications]  # type: ignore[attr-defined]


async def test_marked_versions_open_in_the_multi_version_view(corpus: Path) -> None:
    # A fourth readable article (file order: a, b, c hostile, d binary, e second).
    (corpus / "e_second.txt").write_text(REWRITE.replace("bridge", "crossing"), encoding="utf-8")
    key = {name: str(corpus / name) for name in ("a_original.txt", "b_rewrite.txt")}
    hostile, binary, second = (
        str(corpus / "c_hostile.txt"),
        str(corpus / "d_binary.txt"),
        str(corpus / "e_second.txt"),
    )
    app = make_app(corpus=corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await corpus_loaded(pilot)
        await pilot.press("a", "down", "b", "down", "m")
        assert screen.mark_a == key["a_original.txt"]
        assert screen.mark_b == key["b_rewrite.txt"]
        assert screen.mark_versions == (hostile,)
        assert _mark_cell(screen, hostile) == "V"
        assert "+1 version" in _header(screen) and "+1 versions" not in _header(screen)
        # A version whose title holds markup is listed literally.
        title = str(screen.query_one("#articles", ArticleTable).get_row(hostile)[1])
        assert title.startswith("Markup [bold]is not[/] bold")
        # A binary file is refused, as it is for a and b.
        await pilot.press("down", "m")
        assert screen.highlighted is not None and screen.highlighted.key == binary
        assert screen.mark_versions == (hostile,)
        assert any("Cannot use this file" in n.title for n in app._notifications)  # type: ignore[attr-defined]
        await pilot.press("down", "m")
        assert screen.mark_versions == (hostile, second)
        assert _mark_cell(screen, second) == "V"
        assert "+2 versions" in _header(screen)
        # A cannot also be a version, and B is one already.
        await pilot.press("up", "up", "up", "up", "m")
        assert screen.highlighted is not None and screen.highlighted.key == key["a_original.txt"]
        await pilot.press("down", "m")
        assert screen.mark_versions == (hostile, second)
        assert _mark_cell(screen, key["a_original.txt"]) == "A"
        assert _mark_cell(screen, key["b_rewrite.txt"]) == "B"
        assert screen.marked_versions() == [key["b_rewrite.txt"], hostile, second]
        # v opens A against B and the V marks.
        assert screen.check_action("versions", ()) is True
        await pilot.press("v")
        await wait_for(pilot, lambda: isinstance(app.screen, VersionsScreen))
        shown = app.screen
        assert isinstance(shown, VersionsScreen)
        original, versions = shown._sources
        assert original == Path(key["a_original.txt"])
        assert list(versions) == [Path(key["b_rewrite.txt"]), Path(hostile), Path(second)]
        await pilot.press("q")
        await wait_for(pilot, lambda: app.screen is screen)
        # The marks survive the trip; m again unmarks.
        assert screen.mark_versions == (hostile, second)
        screen.query_one("#articles", ArticleTable).move_cursor(
            row=screen.query_one("#articles", ArticleTable).get_row_index(hostile)
        )
        await pilot.press("m")
        assert screen.mark_versions == (second,)
        assert _mark_cell(screen, hostile) == ""
        assert "+1 version" in _header(screen)


async def test_too_few_versions_give_a_notice(corpus: Path) -> None:
    app = make_app(corpus=corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await corpus_loaded(pilot)
        # Nothing marked: the list does not offer v.
        assert screen.check_action("versions", ()) is False
        await pilot.press("down", "m")  # a version, but no A
        assert screen.check_action("versions", ()) is True
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, CorpusScreen)
        assert any("Mark the original as A" in n for n in _notices(app))
        await pilot.press("up", "a")  # A, and one version in all
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, CorpusScreen)
        assert any("Mark 1 more version " in n for n in _notices(app))
        # Marking a V article as A or B moves its mark.
        await pilot.press("down", "b")
        assert screen.mark_versions == ()
        assert screen.marked_versions() == [str(corpus / "b_rewrite.txt")]


async def test_escape_clears_the_filter_then_every_mark(corpus: Path) -> None:
    app = make_app(corpus=corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await corpus_loaded(pilot)
        await pilot.press("a", "down", "b", "down", "m")
        assert screen.mark_versions
        await pilot.press("slash", "x", "y", "z", "enter")
        assert screen.filter_text == "xyz"
        await pilot.press("escape")
        assert screen.filter_text == "" and screen.mark_versions
        await pilot.press("escape")
        assert screen.mark_a is None and screen.mark_b is None
        assert screen.mark_versions == ()
        assert "version" not in _header(screen)
        assert screen.check_action("versions", ()) is False
