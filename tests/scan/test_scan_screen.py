"""Pilot tests of the reader on a scan's results: stories and pairs listed, Enter opens a
pair's comparison (with its review, as for any pair), titles shown literally."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from scan_helpers import ROOT, scan
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from corpus_generator import wire
from diffreader.tui.app import make_app
from diffreader.tui.screens.diff import DiffScreen
from diffreader.tui.screens.scan_results import ScanResultsScreen

DEMO = ROOT / "src" / "diffreader" / "demo"


async def _wait(pilot: Pilot[None], predicate: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out waiting for the app"
        await pilot.pause(0.02)


async def _loaded(pilot: Pilot[None]) -> ScanResultsScreen:
    await _wait(pilot, lambda: isinstance(pilot.app.screen, ScanResultsScreen))
    screen = pilot.app.screen
    assert isinstance(screen, ScanResultsScreen)
    await _wait(pilot, lambda: screen.results is not None)
    await pilot.pause()
    return screen


def _cells(screen: ScanResultsScreen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [
        [str(getattr(c, "plain", c)) for c in table.get_row_at(i)] for i in range(table.row_count)
    ]


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("scan") / "results"
    scan(DEMO, out)
    return out


async def test_the_stories_list_and_enter_opens_the_pair(results: Path, tmp_path: Path) -> None:
    app = make_app(scan=results, data_dir=tmp_path / "data")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _loaded(pilot)
        rows = _cells(screen)
        assert rows[0][0] == "story · 3 rewrites"
        assert rows[0][3] == "00_original.txt"  # untitled: its file name
        assert [r[0] for r in rows[1:4]] == ["  rewrite"] * 3
        assert all(r[3] == rows[0][3] for r in rows[1:4])  # each member against the pivot
        await pilot.press("j", "enter")
        await _wait(pilot, lambda: isinstance(app.screen, DiffScreen))
        diff = app.screen
        assert isinstance(diff, DiffScreen)
        await _wait(pilot, lambda: not diff.comparing)
        assert diff.model is not None
        pair = (diff.model.comparison.a.path, diff.model.comparison.b.path)
        assert pair == screen.highlighted_pair()
        assert Path(pair[0]).name == "00_original.txt"
        # Its review is loaded and kept in the data dir, as for any pair.
        await _wait(pilot, lambda: diff.session is not None)
        assert diff.session is not None and diff.session.items
        await pilot.press("q")  # the diff's "back"
        await _wait(pilot, lambda: app.screen is screen)


async def test_p_lists_every_verified_pair(results: Path) -> None:
    app = make_app(scan=results)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _loaded(pilot)
        await pilot.press("p")
        rows = _cells(screen)
        assert len(rows) == 6 and {r[0] for r in rows} == {"rewrite"}
        assert "[pairs]" in str(screen.query_one("#scan-title", Static).render())
        await pilot.press("p")
        assert _cells(screen)[0][0].startswith("story")


async def test_titles_and_paths_are_shown_literally(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    hostile = "[bold]Flooding[/] clo\u200bses \u202e\x1b[31mharbour[0m road"
    for name in ("00_original.txt", "01_rewrite_syndicated.txt"):
        text = (DEMO / name).read_text(encoding="utf-8").split("\n", 1)[1]
        (folder / name).write_text(hostile + "\n" + text, encoding="utf-8")
    scan(folder, tmp_path / "results")
    app = make_app(scan=tmp_path / "results")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _loaded(pilot)
        rows = _cells(screen)
        # What draws nothing is shown, as in the corpus list (it was left out).
        assert rows[0][3] == "[bold]Flooding[/] clo<U+200B>ses \ufffd␛[31mharbour[0m road"


async def test_an_unfinished_scan_says_so(results: Path, tmp_path: Path) -> None:
    copy = tmp_path / "results"
    copy.mkdir()
    for path in results.iterdir():
        (copy / path.name).write_bytes(path.read_bytes())
    manifest = json.loads((copy / "diffreader-scan.json").read_text(encoding="utf-8"))
    manifest["complete"] = False
    (copy / "diffreader-scan.json").write_text(json.dumps(manifest), encoding="utf-8")
    app = make_app(scan=copy)
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await _loaded(pilot)
        title = str(screen.query_one("#scan-title", Static).render())
        assert "unfinished: run the same diffreader scan again" in title


async def test_the_title_counts_in_the_singular_for_one(results: Path, tmp_path: Path) -> None:
    """A scan of one article was titled "1 articles, 0 pairs verified (...), 1 stories"."""
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "a.txt").write_bytes((DEMO / "04_unrelated.txt").read_bytes())
    scan(folder, tmp_path / "results")
    for where, expected in (
        (tmp_path / "results", "1 article, 0 pairs verified (0 rewrites, 0 related), 0 stories"),
        (results, "5 articles, 6 pairs verified (6 rewrites, 0 related), 1 story with rewrites"),
    ):
        app = make_app(scan=where, data_dir=tmp_path / "data")
        async with app.run_test(size=(200, 40)) as pilot:
            screen = await _loaded(pilot)
            assert expected in str(screen.query_one("#scan-title", Static).render())


async def test_help_lists_the_screen_keys(results: Path) -> None:
    from diffreader.tui.screens.help import HelpScreen

    app = make_app(scan=results)
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(pilot)
        await pilot.press("question_mark")
        await _wait(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        table = help_screen._table()
        descriptions = [str(cell) for cell in table.columns[2]._cells]
        keys = dict(zip(descriptions, (str(cell) for cell in table.columns[1]._cells), strict=True))
        assert keys["Stories/pairs"] == "p" and "Open pair" in keys


@pytest.mark.parametrize("damage", ["NaN", "Infinity", "1e308", "-5"])
async def test_a_pair_with_impossible_figures_is_left_out(
    results: Path, tmp_path: Path, damage: str
) -> None:
    # Python's JSON reader takes NaN and Infinity: a damaged or crafted pairs.jsonl made
    # the listing's percentages fail (a traceback); 1e308 and -5 are no shares either.
    copy = tmp_path / "results"
    copy.mkdir()
    for path in results.iterdir():
        (copy / path.name).write_bytes(path.read_bytes())
    lines = (copy / "pairs.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    record = json.loads(lines[0])
    lines[0] = json.dumps(record).replace(f'"matched": {record["matched"]}', f'"matched": {damage}')
    assert damage in lines[0]
    (copy / "pairs.jsonl").write_text("\n".join(x.rstrip("\n") for x in lines) + "\n")
    app = make_app(scan=copy)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _loaded(pilot)
        await pilot.press("p")
        assert len(_cells(screen)) == 5  # the damaged pair alone is left out
    # The next scan verifies it again and writes a sound record.
    scan(DEMO, copy)
    records = [json.loads(line) for line in (copy / "pairs.jsonl").read_text().splitlines()]
    assert len(records) == 6 and all(0 <= r["matched"] <= 1 for r in records)


async def test_identical_copies_are_listed_as_such(tmp_path: Path) -> None:
    folder = wire(tmp_path / "wire", copies=3, others=20)
    scan(folder, tmp_path / "results")
    app = make_app(scan=tmp_path / "results", data_dir=tmp_path / "data")
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await _loaded(pilot)
        rows = _cells(screen)
        assert rows[0][0] == "story · 3 rewrites, 2 identical"
        # The copies by their file names (their title is the pivot's), against the pivot.
        assert [(r[0], r[4]) for r in rows[1:3]] == [
            ("  identical", "copy001.txt"),
            ("  identical", "copy002.txt"),
        ]
        assert [r[0] for r in rows[3:6]] == ["  rewrite"] * 3
        assert rows[1][1] == "100%"  # the figures of the two copies verified
        assert "(2 identical copies)" in str(screen.query_one("#scan-title", Static).render())
        # Enter on the story opens its first rewrite, not a copy of the pivot.
        assert screen.highlighted_pair() == (
            str(folder / "copy000.txt"),
            str(folder / "01_rewrite_syndicated.txt"),
        )
