"""A corpus folder deleted or renamed while the reader shows it: the reader says so in one
notification (literal text) and shows no stories, rewrites or comparisons made of what is
left of it; a folder put back is used again."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from pilot_helpers import corpus_loaded, wait_for

from diffreader.tui.app import demo_corpus, make_app
from diffreader.tui.screens.corpus import CorpusScreen
from diffreader.tui.screens.diff import DiffScreen


def _app(tmp_path: Path) -> tuple[Any, Path, list[tuple[str, str]]]:
    folder = tmp_path / "news"
    shutil.copytree(demo_corpus(), folder)
    app = make_app(corpus=folder, data_dir=tmp_path / "data")
    said: list[tuple[str, str]] = []
    notify = app.notify

    def spy(message: str, **kwargs: Any) -> None:
        said.append((message, kwargs.get("title", "")))
        notify(message, **kwargs)

    app.notify = spy  # type: ignore[method-assign]
    return app, folder, said


def _title(screen: CorpusScreen) -> str:
    return str(screen.query_one("#corpus-title").render())


async def test_a_deleted_folder_is_said_once_and_shows_no_stories(tmp_path: Path) -> None:
    """Deleted, the folder's stories were listed (each article a story of no rewrites,
    none verified), marking A said "Cannot rank the folder: no such file" and Enter
    "Cannot compare: …/00_original.txt: no such file"."""
    app, folder, said = _app(tmp_path)
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await corpus_loaded(pilot)
        await wait_for(pilot, lambda: screen.index_ready)
        shutil.rmtree(folder)
        await pilot.press("t")
        await pilot.pause(0.5)
        assert screen.view == "list" and screen.stories is None
        await pilot.press("a", "r", "down", "enter", "t")
        await pilot.pause(0.5)
        assert screen.mark_a is None and screen.found is None and screen.view == "list"
        assert isinstance(app.screen, CorpusScreen)
        assert said == [
            (
                f"{folder}: the folder is gone (deleted or renamed since it was opened). "
                "The list shows what it held; rewrites, stories and comparisons need the "
                "folder: open it again where it is now (diffreader DIR).",
                "Folder gone",
            )
        ]
        assert "folder gone" in _title(screen)


async def test_a_folder_renamed_while_grouping_and_put_back(tmp_path: Path) -> None:
    """Renamed after A was marked: the rewrites are not ranked from a missing A; put back,
    the folder is used again (its stories are grouped)."""
    app, folder, said = _app(tmp_path)
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await corpus_loaded(pilot)
        await wait_for(pilot, lambda: screen.index_ready)
        await pilot.press("a")
        await wait_for(pilot, lambda: screen.found is not None)
        os.rename(folder, tmp_path / "renamed")
        await pilot.press("r")
        await pilot.pause(0.3)
        assert screen.view == "list" and [title for _m, title in said] == ["Folder gone"]
        os.rename(tmp_path / "renamed", folder)
        await pilot.press("t")
        await wait_for(pilot, lambda: bool(screen.stories))
        assert screen.view == "stories" and "folder gone" not in _title(screen)
        assert any(story.members for story in screen.stories or [])
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, DiffScreen))
        assert [title for _m, title in said] == ["Folder gone"]
