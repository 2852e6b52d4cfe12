"""The config file's theme: applied at start, reported when unknown, toggled with ctrl+t."""

from __future__ import annotations

from comparison_builder import sample
from diffreader.tui.app import DiffReaderApp

SIZE = (120, 40)


async def test_config_theme_is_applied() -> None:
    app = DiffReaderApp(comparison=sample(), theme="nord", light_theme="catppuccin-latte")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
        await pilot.press("ctrl+t")
        assert app.theme == "catppuccin-latte"
        await pilot.press("ctrl+t")
        assert app.theme == "nord"


async def test_unknown_theme_is_reported_and_the_default_stays() -> None:
    app = DiffReaderApp(comparison=sample(), theme="no-such-theme")
    messages: list[str] = []
    notify = app.notify

    def capture(message: str, **kwargs: object) -> None:
        messages.append(message)
        notify(message, **kwargs)  # type: ignore[arg-type]

    app.notify = capture  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        assert any("no theme 'no-such-theme'" in m for m in messages)
