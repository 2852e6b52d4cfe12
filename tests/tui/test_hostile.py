"""Hostile input in the reader: user text with markup, escapes and separators stays literal.

File names, titles, notes, search text, config values and error reasons reach the screen
and the notifications. None of it is markup: ``[/]`` must not crash a toast, and a file
named ``[@click=app.quit]x.txt`` must not turn its warning into a quit button.
"""

from __future__ import annotations

import ast
import asyncio
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from pilot_helpers import ORIGINAL, REPO, REWRITE, corpus_loaded, diff_ready, wait_for
from textual.app import App
from textual.widgets import Input, Static
from textual.widgets._toast import Toast

from diffreader.engine import compare, document_from_text
from diffreader.render.escape import invisible_runs
from diffreader.storage.config import load_config
from diffreader.tui.app import DiffReaderApp, demo_corpus, make_app
from diffreader.tui.textutil import display_echo
from diffreader.tui.widgets.article_table import ArticleTable
from diffreader.tui.widgets.search_bar import SearchBar

SIZE = (120, 40)
DEMO_PAIR = (demo_corpus() / "00_original.txt", demo_corpus() / "03_rewrite_update.txt")
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))


def screen_text(app: App[None]) -> str:
    """Everything the current screen shows, toasts included, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def toast_texts(app: App[None]) -> list[str]:
    return [toast.render().plain for toast in app.screen.query(Toast)]


async def toasts_shown(pilot, count: int = 1) -> list[str]:  # type: ignore[no-untyped-def]
    await wait_for(pilot, lambda: len(pilot.app.screen.query(Toast)) >= count)
    await pilot.pause()
    return toast_texts(pilot.app)


# -- the mechanism ----------------------------------------------------------------------


def _notify_uses(tree: ast.AST) -> list[ast.Attribute]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "notify"]


def test_every_notification_goes_through_the_literal_path() -> None:
    """Each ``notify`` in src/ reaches ``DiffReaderApp.notify`` (which forces markup off),
    and none asks for markup.

    A call is safe when it is ``self.notify``/``self.app.notify`` inside the reader (a
    screen's or widget's ``notify`` is handed to its app), or the app's own call to
    Textual's ``super().notify(..., markup=False)``.
    """
    src = REPO / "src" / "diffreader"
    problems: list[str] = []
    for file in sorted(src.rglob("*.py")):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        where = file.relative_to(src)
        for node in ast.walk(tree):
            for use in _notify_uses(node) if isinstance(node, ast.Call) else ():
                if use is not node.func:
                    continue
                for keyword in node.keywords:
                    if keyword.arg == "markup" and not (
                        isinstance(keyword.value, ast.Constant) and keyword.value.value is False
                    ):
                        problems.append(f"{where}:{node.lineno}: markup must be False")
        for use in _notify_uses(tree):
            receiver = ast.unparse(use.value)
            if where.parts[0] != "tui":
                problems.append(f"{where}:{use.lineno}: notify outside the reader")
            elif receiver == "super()":
                if where.name != "app.py":
                    problems.append(f"{where}:{use.lineno}: super().notify bypasses the app")
            elif receiver not in ("self", "self.app"):
                problems.append(f"{where}:{use.lineno}: {receiver}.notify")
    assert not problems, "\n".join(problems)
    app_tree = ast.parse((src / "tui" / "app.py").read_text(encoding="utf-8"))
    overrides = [
        n
        for n in ast.walk(app_tree)
        if isinstance(n, ast.ClassDef) and n.name == "DiffReaderApp"
        for n in n.body
        if isinstance(n, ast.FunctionDef) and n.name == "notify"
    ]
    assert overrides, "DiffReaderApp.notify (the literal path) is missing"


async def test_markup_in_a_notification_is_shown_literally() -> None:
    app = DiffReaderApp(comparison=None, pair=DEMO_PAIR)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await diff_ready(pilot)
        for message in ("[/]", "[a=b=c]", "[@click=app.quit]x", "\x1b[31mred\x07 [bold]"):
            app.notify(message, title="[b]t[/b]", markup=True)
        texts = await toasts_shown(pilot, 4)
        assert all(n.markup is False for n in app._notifications)
        shown = "\n".join(texts)
        for literal in ("[/]", "[a=b=c]", "[@click=app.quit]x", "␛[31mred␇ [bold]", "[b]t[/b]"):
            assert literal in shown
        assert "\x1b" not in shown


async def test_ctrl_c_says_how_to_quit_without_tags() -> None:
    """Textual's own "Press [b]ctrl+q[/b] to quit" is markup, shown tags and all by the
    literal notifications: the reader says it plainly."""
    app = DiffReaderApp(comparison=None, pair=DEMO_PAIR)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await diff_ready(pilot)
        await pilot.press("ctrl+c")
        (text,) = await toasts_shown(pilot, 1)
        assert "to quit the app" in text and "[b]" not in text and app.is_running


# -- the reported cases -----------------------------------------------------------------


async def test_search_with_markup_does_not_crash() -> None:
    app = make_app(pair=DEMO_PAIR)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await diff_ready(pilot)
        await pilot.press("slash", *"[/]", "enter")
        assert screen.query_one(SearchBar).value == "[/]"
        await wait_for(pilot, lambda: any("Not found: [/]" in t for t in toast_texts(app)))
        screen.query_one(SearchBar).value = "[a=b=c]"
        await pilot.press("enter")
        await wait_for(pilot, lambda: any("[a=b=c]" in t for t in toast_texts(app)))
        # The toast is painted on the next refresh: wait for the screen, not for a pause.
        await wait_for(pilot, lambda: "Not found: [a=b=c]" in screen_text(app))
        assert app.is_running


async def test_marking_an_unreadable_file_with_markup_in_its_name(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "[a=b=c].txt").write_bytes(BINARY)
    (folder / "z.txt").write_text(ORIGINAL, encoding="utf-8")
    app = make_app(corpus=folder)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await corpus_loaded(pilot)
        table = screen.query_one("#articles", ArticleTable)
        table.move_cursor(row=table.get_row_index(str(folder / "[a=b=c].txt")))
        await pilot.press("a")
        texts = await toasts_shown(pilot)
        assert any(text.startswith("Cannot use this file\n[a=b=c].txt: binary") for text in texts)
        assert screen.mark_a is None
        assert "[a=b=c].txt" in screen_text(app)


async def test_a_file_named_like_a_click_action_does_not_quit(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    name = "[@click=app.quit]x.txt"
    (folder / name).write_bytes(BINARY)
    app = make_app(corpus=folder)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await corpus_loaded(pilot)
        await pilot.press("a")
        texts = await toasts_shown(pilot)
        assert any(f"{name}: binary" in text for text in texts)
        toast = app.screen.query(Toast).first()
        await pilot.click(toast, offset=(3, 2))  # on the file name
        await pilot.pause(0.2)
        assert app.is_running and app.return_code is None
        assert screen.is_current


async def test_theme_name_with_markup_in_the_config(tmp_path: Path) -> None:
    config_file = tmp_path / "config.toml"
    config_file.write_text('theme = "[/]"\nlight_theme = "[a=b=c]"\n', encoding="utf-8")
    config, messages = load_config(config_file)
    assert not messages and config.theme == "[/]"
    app = make_app(pair=DEMO_PAIR, theme=config.theme, light_theme=config.light_theme)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await diff_ready(pilot)
        texts = await toasts_shown(pilot)
        assert any("no theme '[/]'" in text for text in texts)
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: any("[a=b=c]" in t for t in toast_texts(app)))
        assert app.theme == "textual-dark" and app.is_running


async def test_a_compare_error_with_markup_is_literal(tmp_path: Path) -> None:
    missing = tmp_path / "[/]missing[a=b=c].txt"
    app = make_app(pair=(missing, DEMO_PAIR[1]))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await diff_ready(pilot)
        error = screen.query_one("#diff-error")
        assert error.display
        await toasts_shown(pilot)
        assert "[/]missing[a=b=c].txt" in screen_text(app)


async def test_corrupt_review_file_with_markup_is_reported_literally(tmp_path: Path) -> None:
    import json

    from diffreader.engine import load_document
    from diffreader.storage.review import ReviewStore

    data = tmp_path / "data"
    comparison = compare(load_document(DEMO_PAIR[0]), load_document(DEMO_PAIR[1]))
    ReviewStore(data).load_for(comparison)
    review_files = [p for p in (data / "reviews").glob("*.json") if p.name != "index.json"]
    assert review_files
    for path in review_files:
        path.write_text(json.dumps({"schema_version": "[/][a=b=c] \x1b[31m"}), encoding="utf-8")
    app = make_app(pair=DEMO_PAIR, data_dir=data)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await diff_ready(pilot)
        texts = await toasts_shown(pilot)
        assert any("schema_version '[/][a=b=c]" in text for text in texts)
        assert app.is_running


async def test_export_to_a_path_with_markup(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    app = make_app(pair=DEMO_PAIR, data_dir=tmp_path / "data")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await diff_ready(pilot)
        await wait_for(pilot, lambda: screen.session is not None)
        await pilot.press("E")
        path_input = app.screen.query_one("#export-path", Input)
        target = tmp_path / "[b]report[a=b=c].md"
        path_input.value = str(target)
        await pilot.press("enter")
        await wait_for(pilot, lambda: any("report[a=b=c]" in t for t in toast_texts(app)))
        assert target.exists()
        unwritable = tmp_path / "no such dir [/]" / "r.md"
        await pilot.press("E")
        app.screen.query_one("#export-path", Input).value = str(unwritable)
        await pilot.press("enter")
        await wait_for(pilot, lambda: any("Export failed" in t for t in toast_texts(app)))
        assert app.is_running


async def test_a_startup_notice_is_shown(tmp_path: Path) -> None:
    notice = f"config 'corpus': {tmp_path / 'gone [/]'}: no such folder; showing the demo corpus"
    app = make_app(notices=[notice])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await corpus_loaded(pilot)
        assert screen.folder == demo_corpus()
        texts = await toasts_shown(pilot)
        assert any(notice in text for text in texts)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
async def test_special_files_are_listed_with_the_reason(tmp_path: Path) -> None:
    """FIFOs, broken links and link loops stay in the list, as binary files do."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ORIGINAL, encoding="utf-8")
    os.mkfifo(folder / "fifo.txt")
    (folder / "[b]dangling[a=b=c].txt").symlink_to(folder / "gone.txt")
    (folder / "loop.txt").symlink_to(folder / "loop2.txt")
    (folder / "loop2.txt").symlink_to(folder / "loop.txt")
    (folder / "sub.txt").mkdir()  # a folder is not a candidate
    app = make_app(corpus=folder)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await corpus_loaded(pilot)
        reasons = {a.path.name: a.error for a in screen.articles.values()}
        assert reasons == {
            "a.txt": None,
            "fifo.txt": "not a regular file (a FIFO), not an article",
            "[b]dangling[a=b=c].txt": "broken symbolic link (its target is missing)",
            "loop.txt": "symbolic link loop",
            "loop2.txt": "symbolic link loop",
        }
        table = screen.query_one("#articles", ArticleTable)
        table.move_cursor(row=table.get_row_index(str(folder / "fifo.txt")))
        await pilot.press("a")
        texts = await toasts_shown(pilot)
        assert any("fifo.txt: not a regular file" in text for text in texts)
        assert screen.mark_a is None
        assert "4 unreadable" in screen_text(app)
        # The preview of a link loop or a broken link names the link itself (resolving
        # it raised RuntimeError on the loop and ended the reader).
        preview = screen.query_one("#preview-text", Static)
        for name in ("loop.txt", "[b]dangling[a=b=c].txt"):
            table.move_cursor(row=table.get_row_index(str(folder / name)))
            await wait_for(pilot, lambda name=name: name in str(preview.render()))
            assert app.is_running
            assert str(folder / name) in str(preview.render()).replace("\n", "")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
async def test_export_to_a_fifo_or_a_folder_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "report.md"
    os.mkfifo(fifo)
    app = make_app(pair=DEMO_PAIR, data_dir=tmp_path / "data")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await diff_ready(pilot)
        await wait_for(pilot, lambda: screen.session is not None)
        await pilot.press("E")
        dialog = app.screen
        for target in (fifo, tmp_path):
            dialog.query_one("#export-path", Input).value = str(target)
            await pilot.press("enter", "enter")
            await wait_for(
                pilot, lambda t=target: any(f"{t}: not a regular" in x for x in toast_texts(app))
            )
            assert app.screen is dialog
        await pilot.press("escape")
        assert screen.last_report is None


async def test_export_over_an_article_compared_is_refused(tmp_path: Path) -> None:
    """The export dialog wrote the report over article A after a second Enter ("exists:
    Enter again to replace it"); the command line's ``-o`` refuses it, and so does this."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ORIGINAL, encoding="utf-8")
    b.write_text(REWRITE, encoding="utf-8")
    app = make_app(pair=(a, b), data_dir=tmp_path / "data")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await diff_ready(pilot)
        await wait_for(pilot, lambda: screen.session is not None)
        await pilot.press("E")
        dialog = app.screen
        for target in (a, tmp_path / "sub" / ".." / "b.txt"):
            (tmp_path / "sub").mkdir(exist_ok=True)
            dialog.query_one("#export-path", Input).value = str(target)
            await pilot.press("enter", "enter")
            await wait_for(pilot, lambda: any(": is the article" in x for x in toast_texts(app)))
            assert app.screen is dialog
        await pilot.press("escape")
        assert screen.last_report is None
    assert a.read_text(encoding="utf-8") == ORIGINAL and b.read_text(encoding="utf-8") == REWRITE


async def test_export_into_diffreaders_data_folder_is_refused(tmp_path: Path) -> None:
    """A review file replaced by the report (after "exists: Enter again") lost its marks:
    the dialog refuses the data folder, as the command line's ``-o`` does."""
    data = tmp_path / "data"
    app = make_app(pair=DEMO_PAIR, data_dir=data)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await diff_ready(pilot)
        await wait_for(pilot, lambda: screen.session is not None)
        session = screen.session
        assert session is not None
        await pilot.press("E")
        dialog = app.screen
        saved = next((data / "reviews").glob("*.json"))
        before = saved.read_bytes()
        for target in (saved, data / "reviews" / "new.md", data / "index.sqlite3"):
            dialog.query_one("#export-path", Input).value = str(target)
            await pilot.press("enter", "enter")
            await wait_for(
                pilot, lambda: any("diffreader's data folder" in x for x in toast_texts(app))
            )
            assert app.screen is dialog
        await pilot.press("escape")
        assert screen.last_report is None
    assert saved.read_bytes() == before and not (data / "reviews" / "new.md").exists()


# -- the property -----------------------------------------------------------------------

_HOSTILE_PIECES = st.sampled_from(
    [
        "[/]",
        "[a=b=c]",
        "[@click=app.quit]",
        "[bold]",
        "[/bold]",
        "[link=x]",
        "\\[",
        "\\",
        "\x1b[31m",
        "\x1b]0;title\x07",
        "\x1b]8;;http://x\x1b\\",
        "\x0b",
        "\x85",
        "\u2028",
        "\u2029",
        "\x9b",
        "\x07",
        "\x7f",
        "\u202e",
        "\u2066",
        "\ufe0f",
        "\u200b",
        "\u200d",
        "\u00ad",
        "\U000e0041",
        "$",
        "=",
        "]",
        "[",
    ]
)
_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00/"),
    max_size=6,
)
_HOSTILE = st.lists(st.one_of(_HOSTILE_PIECES, _TEXT), min_size=1, max_size=6).map("".join)


def _file_name(raw: str) -> str:
    """A file name the file system accepts: no NUL or slash, not too long, not hidden."""
    name = raw.replace("/", "_").replace("\x00", "_")
    return ("n" + name)[:60] + ".txt"


def _assert_literal(app: App[None]) -> None:
    """Nothing raw reaches the terminal, and the app is still running."""
    shown = screen_text(app)
    for raw in ("\x1b", "\x9b", "\x07", "\x85", "\u2028", "\u2029", "\x0b", "\u202e", "\u2066"):
        assert raw not in shown
    assert app.is_running and app.return_code is None


def _plain(widget: Static) -> str:
    visual = widget.visual
    return visual.plain if hasattr(visual, "plain") else str(visual)


async def _run_corpus(folder: Path, names: list[str], search: str) -> None:
    app = make_app(corpus=folder, data_dir=folder.parent / "data")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await corpus_loaded(pilot)
        assert len(screen.articles) == len(names)
        # Each title in the list is a title line, as the diff's: every character that
        # draws nothing is shown (none is left for ``invisible_runs`` to find).
        table = screen.query_one("#articles", ArticleTable)
        column = [key for key, _, _ in screen._plan].index("title")
        for key in table.keys:
            article = screen.articles[key]
            if article.error is None:
                assert str(getattr(table.get_row(key)[column], "plain", "")) == article.title
            assert not invisible_runs(article.title)
        first, twin = (screen.articles[str(folder / name)] for name in (names[0], names[-1]))
        if first.error is None:
            assert twin.title.startswith("<U+200B") and twin.title != first.title
        await pilot.press("a")
        preview = _plain(screen.query_one("#preview-text", Static))
        article = screen.highlighted
        assert article is not None
        assert display_echo(article.path.name) in preview  # a name: every invisible shown
        assert article.title in preview
        title_bar = _plain(screen.query_one("#corpus-title", Static))
        assert "\x1b" not in title_bar
        app.notify(search, title=article.path.name)
        screen.query_one("#filter", Input).value = search
        texts = await toasts_shown(pilot)
        assert any(display_echo(search) in text for text in texts)
        _assert_literal(app)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    # Each example starts the reader (about a second): shrinking would take minutes.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(titles=st.lists(_HOSTILE, min_size=2, max_size=2), search=_HOSTILE)
@example(  # a zero-width space and overrides; a health worker's own joiner and selector
    titles=["Bridge\u200b closes \u202e[b]x", "\u2066\U0001f469\u200d\u2695\ufe0f\u200d"],
    search="clo\u200bses",
)
def test_hostile_names_and_titles_in_the_corpus(
    tmp_path_factory: pytest.TempPathFactory, titles: list[str], search: str
) -> None:
    """Random markup, escapes, separators and characters that draw nothing as file
    names, titles and filter text."""
    folder = tmp_path_factory.mktemp("hostile") / "corpus"
    folder.mkdir()
    names = sorted({_file_name(title) for title in titles} | {"zz_plain.txt"})
    for name, title in zip(names, [*titles, "Plain"], strict=False):
        (folder / name).write_text(f"{title}\n\n{ORIGINAL}", encoding="utf-8")
    # The first title's twin, a zero-width space before it: the two must not look alike.
    (folder / "zz_twin.txt").write_text(f"\u200b{titles[0]}\n\n{ORIGINAL}", encoding="utf-8")
    asyncio.run(_run_corpus(folder, [*names, "zz_twin.txt"], search))


async def _run_diff(app: DiffReaderApp, search: str, note: str) -> None:
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        diff = await diff_ready(pilot)
        await wait_for(pilot, lambda: diff.session is not None)
        await pilot.press("slash")
        diff.query_one(SearchBar).value = search
        await pilot.press("escape", "p", "r", "e")  # the panel, the first unreviewed item
        await wait_for(pilot, lambda: bool(app.screen.query("#note")))
        app.screen.query_one("#note", Input).value = note
        await pilot.press("enter")
        await pilot.pause()
        session = diff.session
        assert session is not None
        if note.strip():
            assert note.strip() in {session.note(item.key) for item in session.items} | {note}
        app.notify(search, title=note)
        texts = await toasts_shown(pilot)
        assert any(display_echo(search) in text for text in texts)
        _assert_literal(app)


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    # Each example starts the reader (about a second): shrinking would take minutes.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(title=_HOSTILE, name=_HOSTILE, search=_HOSTILE, note=_HOSTILE)
def test_hostile_titles_search_and_notes_in_the_diff(
    tmp_path_factory: pytest.TempPathFactory, title: str, name: str, search: str, note: str
) -> None:
    """Random hostile text as titles, paths, search text and notes in the diff screen."""
    a = document_from_text(f"{title}\n\n{ORIGINAL}", path=f"/x/{name}a.txt")
    b = document_from_text(f"{title} {note}\n\n{REWRITE}", path=f"/x/{name}b.txt")
    data = tmp_path_factory.mktemp("data")
    app = DiffReaderApp(comparison=compare(a, b), data_dir=data)
    asyncio.run(_run_diff(app, search, note))


async def test_a_remapped_key_with_markup_in_the_palette() -> None:
    from textual.command import CommandPalette

    app = make_app(pair=DEMO_PAIR, keymap={"diff.fold": "[/]"})
    async with app.run_test(size=SIZE) as pilot:
        await diff_ready(pilot)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"fold")
        await pilot.pause(0.5)
        assert app.is_running
        assert "key [/]" in screen_text(app)


async def test_keys_no_keyboard_can_press_and_an_unknown_light_theme_are_said() -> None:
    """``[keys]`` accepted "[@click=app.quit]" and "ctrl+[/]" in silence (the binding was
    left with no key), and an unknown ``light_theme`` was said only at the first Ctrl+T."""
    app = make_app(
        pair=DEMO_PAIR,
        keymap={"diff.next_claim": "[@click=app.quit]", "diff.fold": "ctrl+[/]", "view.down": "j"},
        light_theme="[a=b=c]",
    )
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await diff_ready(pilot)
        await wait_for(pilot, lambda: any("no such key" in t for t in toast_texts(app)))
        await wait_for(pilot, lambda: any("light_theme" in t for t in toast_texts(app)))
        (keys,) = [t for t in toast_texts(app) if "no such key" in t]
        assert "diff.next_claim = '[@click=app.quit]'" in keys and "ctrl+[/]" in keys
        assert "view.down" not in keys and app.is_running


async def test_a_config_of_thousands_of_settings_is_said_in_a_few_short_notes(
    tmp_path: Path,
) -> None:
    """A config file of thousands of settings (another program's TOML, a generated one)
    gave a notification per setting: the reader's start froze for minutes under them,
    and one remap message listed every binding id, covering the screen."""
    file = tmp_path / "config.toml"
    file.write_text(
        "".join(f"setting{i} = {i}\n" for i in range(1500))
        + "[keys]\n"
        + "".join(f'"nowhere.{i}" = "ctrl+x"\n' for i in range(1500))
        + "".join(f'"broken.{i}" = {i}\n' for i in range(1500)),
        encoding="utf-8",
    )
    config, messages = load_config(file)
    assert len(messages) == 2
    assert "'setting0'" in messages[0] and "1,495 more" in messages[0]
    assert "'keys.broken.0'" in messages[1] and "1,495 more" in messages[1]
    app = make_app(pair=DEMO_PAIR, keymap=config.keys, notices=messages)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await diff_ready(pilot)
        await wait_for(pilot, lambda: any("no binding" in t for t in toast_texts(app)))
        texts = toast_texts(app)
        assert len(texts) == 3
        (remaps,) = [t for t in texts if "no binding" in t]
        assert "1,495 more" in remaps and "nowhere.999" not in remaps
        assert all(len(text) < 300 for text in texts)
