"""The config file's theme: applied at start, reported when unknown, toggled with ctrl+t."""

from __future__ import annotations

import pytest
from pilot_helpers import diff_ready
from rich.color import Color, ColorSystem

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


def _luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = colour.get_truecolor()
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: Color, b: Color) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _apart(a: Color, b: Color) -> float:
    """How far apart two colours are (RGB distance, 0 to 441)."""
    return (
        sum((x - y) ** 2 for x, y in zip(a.get_truecolor(), b.get_truecolor(), strict=True)) ** 0.5
    )


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_an_added_claim_stands_out_at_a_glance_and_reads(theme: str) -> None:
    """At 80x24 an added claim read much like rewording: a faint tint in the success
    colour, which fell to 3:1 on that tint in the light theme. Now it is bold on a tint
    far from rewording's, its text at 4.5:1 or more, and a dropped detail keeps its own
    hue."""
    app = DiffReaderApp(comparison=sample(), theme=theme)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await diff_ready(pilot)
        styles = screen.view.component_styles()
    added, dropped = styles["claim-added"], styles["claim-dropped"]
    reworded = styles["word-insert"]
    for claim in (added, dropped):
        assert claim.bold and claim.color is not None and claim.bgcolor is not None
        assert _contrast(claim.color, claim.bgcolor) >= 4.5
    assert not reworded.bold and reworded.bgcolor is not None
    assert added.bgcolor is not None and dropped.bgcolor is not None
    # The muted tint stood about 25 from rewording's in both themes; now twice that.
    assert _apart(added.bgcolor, reworded.bgcolor) >= 45
    assert _apart(added.bgcolor, dropped.bgcolor) >= 45
    # In 256 colours (tmux without truecolor) the tints keep their hue: at 40% the added
    # claim's tint of textual-dark was the palette's grey 59.
    r, g, b = added.bgcolor.downgrade(ColorSystem.EIGHT_BIT).get_truecolor()
    assert g > max(r, b)
    r, g, b = dropped.bgcolor.downgrade(ColorSystem.EIGHT_BIT).get_truecolor()
    assert r > g


async def test_claims_and_facts_read_in_every_theme() -> None:
    """The text of a claim and of a fact takes black or white, whichever reads better on
    its tint: Textual's ``$text`` chose white at 3:1 on dracula's or monokai's green."""
    app = DiffReaderApp(comparison=sample())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await diff_ready(pilot)
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            styles = screen.view.component_styles()
            for name, style in styles.items():
                if name.startswith(("claim-", "fact-")):
                    assert style.color is not None and style.bgcolor is not None
                    assert _contrast(style.color, style.bgcolor) >= 4.5, (theme, name)
