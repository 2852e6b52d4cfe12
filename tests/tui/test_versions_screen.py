"""Pilot and snapshot tests of the multi-version view (``tui/screens/versions.py``)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pilot_helpers import REPO, corpus_loaded, diff_ready, wait_for
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Static

from comparison_builder import A_LINES, make_comparison, sample
from diffreader.engine import ClaimCategory, QuoteStatus, Side, Status
from diffreader.review import Mark
from diffreader.storage.review import ReviewStore
from diffreader.tui.app import DiffReaderApp, make_app
from diffreader.tui.screens.versions import VersionsScreen
from diffreader.versions import collate_comparisons

DATA = REPO / "tests" / "versions" / "data"
VERSIONS = [DATA / f"v{i}.txt" for i in (1, 2, 3)]


def versions_app(data_dir: Path) -> DiffReaderApp:
    return make_app(versions=(DATA / "original.txt", VERSIONS), data_dir=data_dir)


async def versions_ready(pilot: Pilot[None]) -> VersionsScreen:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, VersionsScreen))
    screen = pilot.app.screen
    assert isinstance(screen, VersionsScreen)
    await wait_for(pilot, lambda: not screen.collating and screen.collation is not None)
    await pilot.pause()
    return screen


def row_of_claim(screen: VersionsScreen, text: str) -> int:
    assert screen.collation is not None
    return next(
        line
        for line, (what, index) in enumerate(screen._claim_rows)
        if what == "claim" and screen.collation.claims[index].text == text
    )


async def test_bands_and_the_matrix_are_shown(tmp_path: Path) -> None:
    app = versions_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await versions_ready(pilot)
        collation = screen.collation
        assert collation is not None and len(collation.comparisons) == 3
        table = screen.claims_table
        # The first band is "added by all", and the figure every version adds leads it.
        assert str(table.get_row_at(0)[-1]) == "Added by all 3"
        assert screen._claim_rows[1] == ("claim", 0)
        assert "3,000" in str(table.get_row_at(1)[-1])
        assert [str(c) for c in table.get_row_at(1)[1:4]] == ["▲", "▲", "▲"]
        assert screen.matrix.row_count == len(collation.sentences)
        assert table.has_focus


async def test_navigation_between_versions_and_into_a_pairwise_diff(tmp_path: Path) -> None:
    app = versions_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await versions_ready(pilot)
        collation = screen.collation
        assert collation is not None
        await pilot.press("down")
        assert screen.current_version() is None
        await pilot.press("v")
        assert screen.current_version() == 0
        await pilot.press("v", "v")
        assert screen.current_version() == 2
        await pilot.press("v")  # wraps around
        assert screen.current_version() == 0
        await pilot.press("V")  # and back
        assert screen.current_version() == 2
        await pilot.press("left")
        assert screen.current_version() == 1
        await pilot.press("right")
        assert screen.current_version() == 2
        # Enter on V3's cell of the shared figure: V3's pairwise diff, at that claim's row.
        group = collation.claims[0]
        member = next(m for m in group.members if m.version == 2)
        expected_row = collation.comparisons[2].claims[member.claim].pair
        await pilot.press("enter")
        diff = await diff_ready(pilot)
        assert diff.model is not None
        assert diff.model.comparison.b.path == str(VERSIONS[2])
        await wait_for(pilot, lambda: diff.view.cursor_row == expected_row)
        await pilot.press("q")
        await versions_ready(pilot)
        # The sentence matrix: a dropped cell opens that version's diff at the dropped group.
        await pilot.press("tab")
        assert screen.matrix.has_focus
        line, row = next(
            (n, r)
            for n, r in enumerate(collation.sentences)
            if r.cells[1] is not None and r.cells[1].status is Status.DROPPED
        )
        screen.matrix.cursor_coordinate = screen.matrix.cursor_coordinate._replace(
            row=line, column=0
        )
        await pilot.press("v", "v")
        assert screen.current_version() == 1
        await pilot.press("enter")
        diff = await diff_ready(pilot)
        assert diff.model is not None and diff.model.comparison.b.path == str(VERSIONS[1])
        cell = row.cells[1]
        assert cell is not None
        await wait_for(pilot, lambda: diff.view.cursor_row == cell.pair)


async def test_a_mark_on_a_grouped_claim_applies_in_every_version(tmp_path: Path) -> None:
    app = versions_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await versions_ready(pilot)
        collation = screen.collation
        assert collation is not None
        line = row_of_claim(screen, "3,000")
        group = collation.claims[screen._claim_rows[line][1]]
        assert len(group.items) == 3
        screen.claims_table.cursor_coordinate = screen.claims_table.cursor_coordinate._replace(
            row=line
        )
        await pilot.press("exclamation_mark")
        for version, key in group.items:
            assert screen.sessions[version].mark(key) is Mark.FLAGGED
        assert str(screen.claims_table.get_row_at(line)[0]) == "!"
        # Saved in each pair's review on disk.
        store = ReviewStore(tmp_path)
        deadline = time.monotonic() + 10
        while screen._saving and time.monotonic() < deadline:
            await pilot.pause(0.05)
        for version, key in group.items:
            session, _ = store.load_for(
                collation.comparisons[version], record=False, items=collation.items[version]
            )
            assert session.mark(key) is Mark.FLAGGED
        # ... and shown in the pairwise diff of a version.
        screen.claims_table.cursor_coordinate = screen.claims_table.cursor_coordinate._replace(
            column=2
        )
        await pilot.press("enter")
        diff = await diff_ready(pilot)
        await wait_for(pilot, lambda: diff.session is not None)
        assert diff.session is not None
        assert diff.session.mark(group.items[1][1]) is Mark.FLAGGED
        # Accepting it there, then coming back: the group's mark is now mixed.
        diff.session.set_mark(group.items[1][1], Mark.ACCEPTED)
        await pilot.press("q")
        await versions_ready(pilot)
        await pilot.pause()
        assert screen.sessions[1].mark(group.items[1][1]) is Mark.ACCEPTED
        assert str(screen.claims_table.get_row_at(line)[0]) == "~"
        # Clearing from the view clears it in every version.
        await pilot.press("backspace")
        assert all(screen.sessions[v].mark(k) is None for v, k in group.items)


async def test_failed_saves_of_grouped_marks_are_said_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A mark on a group saves each version's review: on a full disk, one notice for all
    of them and the run, "not saved: <reason>" over the claims until a save succeeds."""
    import errno
    import os

    def no_space(*_args: object, **_kwargs: object) -> list[str]:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    app = versions_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await versions_ready(pilot)
        title = screen.query_one("#versions-claims-title")
        line = row_of_claim(screen, "3,000")
        table = screen.claims_table
        table.cursor_coordinate = table.cursor_coordinate._replace(row=line)
        before = len(app._notifications)
        with monkeypatch.context() as patch:
            patch.setattr(ReviewStore, "save", no_space)
            for key in ("exclamation_mark", "x", "exclamation_mark"):
                await pilot.press(key)
                await wait_for(pilot, lambda: screen._saving == 0)
            said = list(app._notifications)[before:]
            assert [n.title for n in said] == ["Review not saved"]
            assert "not saved: No space left on device" in str(title.render())
        await pilot.press("x")
        await wait_for(pilot, lambda: screen._saving == 0)
        said = list(app._notifications)[before:]
        assert [n.title for n in said] == ["Review not saved", "Review saved"]
        assert str(title.render()) == "Claims"


async def test_help_lists_the_views_keys(tmp_path: Path) -> None:
    from diffreader.tui.app import binding_ids
    from diffreader.tui.screens.help import HelpScreen

    assert {"versions.open", "versions.next_version", "versions.switch"} <= binding_ids()
    app = versions_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await versions_ready(pilot)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))


async def test_marks_need_a_claim(tmp_path: Path) -> None:
    app = versions_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await versions_ready(pilot)
        await pilot.press("x")  # on the band heading: nothing to mark
        assert all(not s.entries() for s in screen.sessions)
        assert not (tmp_path / "reviews").exists()


async def test_a_missing_version_is_reported(tmp_path: Path) -> None:
    app = make_app(versions=(DATA / "original.txt", [VERSIONS[0], tmp_path / "gone.txt"]))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, VersionsScreen))
        screen = pilot.app.screen
        assert isinstance(screen, VersionsScreen)
        await wait_for(pilot, lambda: not screen.collating)
        assert screen.collation is None
        assert screen.query_one("#versions-error").display


async def test_open_versions_from_the_app(tmp_path: Path) -> None:
    app = make_app(corpus=DATA, data_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_versions(DATA / "original.txt", VERSIONS)
        screen = await versions_ready(pilot)
        assert not screen.exit_on_back
        await pilot.press("q")
        await wait_for(pilot, lambda: not isinstance(pilot.app.screen, VersionsScreen))


# -- snapshot (hand-built comparisons: the engine's judgement cannot move it) ---------------


def hand_built() -> list:  # type: ignore[type-arg]
    v1 = sample(b_path="/corpus/v1.txt")
    b2 = [
        A_LINES[0],
        "The council voted on Tuesday to open a ferry route to Kestrel Island, "
        "which has no bridge.",
        A_LINES[2],
        "The service will start in 2026, officials said.",
        A_LINES[3],
    ]
    v2 = make_comparison(
        A_LINES,
        b2,
        [
            ((0,), (0,), Status.SAME),
            ((1,), (1,), Status.REWORDED),
            ((2,), (2,), Status.SAME),
            ((), (3,), Status.ADDED),
            ((3,), (4,), Status.SAME),
            ((4,), (), Status.DROPPED),
        ],
        [
            (Side.B, ClaimCategory.ASSERTION, "which has no bridge", 1),
            (Side.B, ClaimCategory.DATE, "2026", 3),
            (Side.A, ClaimCategory.ASSERTION, A_LINES[4], 4),
        ],
        b_path="/corpus/v2.txt",
    )
    b3 = [
        *A_LINES[:2],
        "The mayor, Ana Ruiz, said: “This route will transform lives.”",
        *A_LINES[3:],
    ]
    b3.append("The ferry will be the first in the region.")
    v3 = make_comparison(
        A_LINES,
        b3,
        [
            ((0,), (0,), Status.SAME),
            ((1,), (1,), Status.SAME),
            ((2,), (2,), Status.REWORDED),
            ((3,), (3,), Status.SAME),
            ((4,), (4,), Status.SAME),
            ((), (5,), Status.ADDED),
        ],
        [(Side.B, ClaimCategory.ASSERTION, "The ferry will be the first in the region.", 5)],
        [
            (
                Side.B,
                2,
                "This route will transform lives.",
                QuoteStatus.ALTERED,
                "This route will change lives.",
            )
        ],
        b_path="/corpus/v3.txt",
    )
    return [v1, v2, v3]


def test_versions_screen_snapshot(snap_compare) -> None:  # type: ignore[no-untyped-def]
    collation = collate_comparisons(hand_built())

    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        # The corpus screen underneath lists and indexes its folder in workers: let it
        # finish first, so nothing it does later (a toast, a refresh) lands in the picture.
        corpus = await corpus_loaded(pilot)
        await wait_for(pilot, lambda: not corpus.indexing)
        app.push_screen(VersionsScreen(collation.original, collation.versions, collation=collation))
        screen = await versions_ready(pilot)
        await pilot.press("down", "v", "v")
        await wait_for(pilot, lambda: screen.current_version() == 1)
        await pilot.pause()

    # 50 lines: the claims fit with room to spare (at the exact fit, whether a scrollbar
    # shows depends on when the header's height settles).
    assert snap_compare(make_app(corpus=DATA), terminal_size=(120, 50), run_before=run_before)


@pytest.mark.parametrize("width", [80])
async def test_hostile_titles_are_literal(tmp_path: Path, width: int) -> None:
    original = tmp_path / "a.txt"
    original.write_text(
        "[bold]Title[/] \x1b[31m\n\nThe pool will close on Monday.\n", encoding="utf-8"
    )
    versions = []
    for i in range(3):
        path = tmp_path / f"v{i}.txt"
        path.write_text(
            f"[red]V{i}[/red]\n\nThe pool will close on Monday [link=x]for {i + 2} weeks[/link].\n",
            encoding="utf-8",
        )
        versions.append(path)
    app = make_app(versions=(original, versions), data_dir=tmp_path / "data")
    async with app.run_test(size=(width, 30)) as pilot:
        screen = await versions_ready(pilot)
        header = str(screen.query_one("#versions-header").render())
        assert "[bold]Title[/]" in header and "␛[31m" in header and "[red]V0[/red]" in header


async def test_tab_keeps_the_version_chosen_and_enter_opens_it(tmp_path: Path) -> None:
    """Tab to the sentence matrix left the header highlighting the version chosen in the
    claims while the matrix's cursor stood on no version: Enter then opened the first
    version holding the sentence, not the one highlighted."""
    app = versions_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await versions_ready(pilot)
        collation = screen.collation
        assert collation is not None
        first = collation.sentences[0]
        held = [v for v, cell in enumerate(first.cells) if cell is not None]
        assert len(held) > 1
        chosen = held[-1]
        await pilot.press(*["v"] * (chosen + 1))
        assert screen.current_version() == chosen
        await pilot.press("tab")
        assert screen.focused is screen.matrix
        assert screen.matrix.cursor_coordinate.row == 0
        assert screen.current_version() == chosen
        header = screen.query_one("#versions-header", Static).visual
        assert isinstance(header, Content)
        highlighted = [
            header.plain[span.start : span.end]
            for span in header.spans
            if "reverse=True" in repr(span.style)
        ]
        assert highlighted and highlighted[0].startswith(f"V{chosen + 1}")
        await pilot.press("enter")
        diff = await diff_ready(pilot)
        assert diff.model is not None
        assert diff.model.comparison.b.path == str(VERSIONS[chosen])
        await pilot.press("q")
        await versions_ready(pilot)
        await pilot.press("tab")  # back to the claims, on the same version
        assert screen.focused is screen.claims_table
        assert screen.current_version() == chosen
