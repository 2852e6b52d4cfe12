"""Pilot tests for the corpus screen on an archive: rewrites of A, stories, refused files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from pilot_helpers import corpus_loaded, diff_ready, wait_for
from textual.widgets import DataTable

from corpus_generator import generate
from diffreader.tui.app import demo_corpus, make_app
from diffreader.tui.screens.corpus import CorpusScreen
from diffreader.tui.widgets.article_table import ArticleTable

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Sixty generated articles (with rewrites and related stories) and the demo corpus:
    an original, three rewrites of it and an unrelated article."""
    folder = tmp_path / "archive"
    generate(folder, 60, seed=3)
    for path in demo_corpus().glob("*.txt"):
        shutil.copyfile(path, folder / path.name)
    return folder


def _results(screen: CorpusScreen) -> list[tuple[str, str]]:
    """(verdict, title) of each row of the results table."""
    table = screen.query_one("#results", DataTable)
    rows = []
    for index in range(table.row_count):
        cells = table.get_row_at(index)
        rows.append((str(getattr(cells[0], "plain", cells[0])), str(cells[1])))
    return rows


async def test_rewrites_of_a_are_ranked_with_verdicts_and_open_as_a_comparison(
    archive: Path,
) -> None:
    app = make_app(corpus=archive)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await corpus_loaded(pilot)
        await pilot.press("r")  # nothing marked: says how to start
        assert screen.view == "list"
        table = screen.query_one("#articles", ArticleTable)
        table.move_cursor(row=table.get_row_index(str(archive / "00_original.txt")))
        await pilot.press("a", "r")
        assert screen.view == "rewrites"
        await wait_for(pilot, lambda: screen.found is not None, timeout=60)
        await pilot.pause()
        assert screen.found is not None
        verdicts = {f.entry.name: f.label for f in screen.found}
        for name in ("01_rewrite_syndicated.txt", "02_rewrite_contentfarm.txt"):
            assert verdicts[name] == "rewrite"
        assert verdicts["03_rewrite_update.txt"] == "rewrite"
        assert verdicts.get("04_unrelated.txt", "unrelated") in ("unrelated", "unverified")
        # Rewrites come first, each with its reasons; generated articles are not rewrites.
        shown = _results(screen)
        assert [verdict for verdict, _ in shown[:3]] == ["rewrite"] * 3
        assert all(v != "rewrite" for v, _ in shown[3:])
        first = screen.found[0]
        assert "% of sentences matched" in first.reasons
        # The preview gives the verdict and its reasons in full.
        preview = str(screen.query_one("#preview-text").render())
        assert f"rewrite: {first.reasons}" in preview.replace("\n", " ")
        # Enter compares A with the candidate under the cursor.
        await pilot.press("down", "enter")
        diff = await diff_ready(pilot, timeout=30)
        assert diff.model is not None
        assert Path(diff.model.comparison.a.path or "").name == "00_original.txt"
        assert Path(diff.model.comparison.b.path or "").name == screen.found[1].entry.name
        await pilot.press("q")
        await wait_for(pilot, lambda: app.screen is screen)
        # Back on the rewrites; Escape returns to the list.
        assert screen.view == "rewrites"
        await pilot.press("escape")
        assert screen.view == "list"


async def test_stories_view_opens_the_pivot_against_a_member(archive: Path) -> None:
    app = make_app(corpus=archive)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await corpus_loaded(pilot)
        await pilot.press("t")
        assert screen.view == "stories"
        await wait_for(pilot, lambda: screen.stories is not None, timeout=90)
        await pilot.pause()
        assert screen.stories is not None
        demo = next(s for s in screen.stories if s.pivot.name == "00_original.txt")
        members = sorted(entry.name for entry, _ in demo.members)
        assert members == [
            "01_rewrite_syndicated.txt",
            "02_rewrite_contentfarm.txt",
            "03_rewrite_update.txt",
        ]
        results = screen.query_one("#results", DataTable)
        titles = [title for _, title in _results(screen)]
        pivot_title = screen.articles[str(archive / "00_original.txt")].title
        row = titles.index(pivot_title)
        results.move_cursor(row=row)
        await pilot.pause()
        assert screen.story_at_cursor() is demo
        # m marks the list's article: not offered over the stories.
        assert screen.check_action("mark_version", ()) is False
        versions = screen.story_versions()
        assert versions[0] == archive / "00_original.txt"
        assert sorted(p.name for p in versions[1:]) == members
        # v opens the story as one original against all its rewrites; q comes back.
        from diffreader.tui.screens.versions import VersionsScreen

        await pilot.press("v")
        await wait_for(pilot, lambda: isinstance(app.screen, VersionsScreen))
        shown = app.screen
        assert isinstance(shown, VersionsScreen)
        original, versions_shown = shown._sources
        assert original == archive / "00_original.txt"
        assert sorted(Path(str(p)).name for p in versions_shown) == members
        await pilot.press("q")
        await wait_for(pilot, lambda: app.screen is screen)
        results.move_cursor(row=row)
        await pilot.pause()
        # The row after the pivot is its first member: Enter compares the two.
        results.move_cursor(row=row + 1)
        await pilot.press("enter")
        diff = await diff_ready(pilot, timeout=30)
        assert diff.model is not None
        assert Path(diff.model.comparison.a.path or "").name == "00_original.txt"
        assert Path(diff.model.comparison.b.path or "").name == demo.members[0][0].name
        await pilot.press("q")
        await wait_for(pilot, lambda: app.screen is screen)
        await pilot.press("t")  # toggles back to the list
        assert screen.view == "list"


async def test_refused_files_are_listed_with_their_reason_and_never_stall(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Refused by the quick read (binary start, too large, a FIFO, a broken link, a link
    loop, empty) or only by the full read (a NUL after the first 16 KB), each is listed
    with its reason."""
    from diffreader.engine import load

    monkeypatch.setattr(load, "MAX_BYTES", 100_000)
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "a_good.txt").write_text("Good story\n\nThe council met on Monday.\n")
    (folder / "b_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    (folder / "c_huge.txt").write_text("Huge\n\n" + "Words and more words. " * 6_000)
    late = "Late binary\n\n" + "A sentence of text here. " * 1_000
    (folder / "d_late_nul.txt").write_bytes(late.encode() + b"\x00\x01\x02")
    (folder / "e_empty.txt").write_bytes(b"")
    os.mkfifo(folder / "f_fifo.txt")
    (folder / "g_broken.txt").symlink_to(folder / "missing.txt")
    (folder / "h_loop.txt").symlink_to(folder / "h_loop.txt")
    # Longer than the quick read: its word count comes from the index.
    (folder / "i_long.txt").write_text("Long story\n\n" + "The council met on Monday. " * 800)
    app = make_app(corpus=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await corpus_loaded(pilot)
        await wait_for(pilot, lambda: screen.index_ready, timeout=30)
        await pilot.pause()
        reasons = {a.path.name: a.error for a in screen.articles.values()}
        assert reasons["a_good.txt"] is None
        assert "binary" in (reasons["b_binary.txt"] or "")
        assert "too large" in (reasons["c_huge.txt"] or "")
        assert "binary" in (reasons["d_late_nul.txt"] or "")  # found by the index
        assert "empty" in (reasons["e_empty.txt"] or "")
        assert "FIFO" in (reasons["f_fifo.txt"] or "")
        assert "broken symbolic link" in (reasons["g_broken.txt"] or "")
        assert "link loop" in (reasons["h_loop.txt"] or "")
        assert reasons["i_long.txt"] is None
        long_article = screen.articles[str(folder / "i_long.txt")]
        assert long_article.words is not None and long_article.words >= 4_000
        table = screen.query_one("#articles", ArticleTable)
        late_row = table.get_row(str(folder / "d_late_nul.txt"))
        assert "⚠" in str(late_row[1]) and "binary" in str(late_row[1])
        title = str(screen.query_one("#corpus-title").render())
        assert "9 articles, 7 unreadable" in title
