"""The side panel's prompts are the ``Text`` that appending their pieces makes, whatever
the pieces hold (control codes included): the panel builds them in one step. Entries made
ahead (in the comparison's worker) are those made when shown, and are used only while
nothing they show has changed."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.style import Style
from rich.text import Text

from diffreader.engine import compare, load_document
from diffreader.review import ItemKind, Mark
from diffreader.storage.review import ReviewSession, ReviewStore
from diffreader.tui.rows import DiffModel
from diffreader.tui.widgets.side_panel import PanelContents, _Prompt

DEMO = Path(__file__).resolve().parents[2] / "src" / "diffreader" / "demo"

_STYLES = st.sampled_from(
    [None, Style(), Style(dim=True), Style(bold=True, color="green"), Style(strike=True)]
)
_PIECES = st.lists(
    st.tuples(st.text(alphabet=st.sampled_from("ab ↳·\n\x07\x08\x0b\x0c\r\x1b[]/é")), _STYLES),
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(_PIECES)
def test_a_prompt_is_what_appending_its_pieces_makes(
    pieces: list[tuple[str, Style | None]],
) -> None:
    expected = Text(end="")
    prompt = _Prompt()
    for text, style in pieces:
        expected.append(text, style=style)
        prompt.append(text, style)
    made = prompt.text()
    assert made.plain == expected.plain
    assert made.spans == expected.spans
    assert made.end == expected.end == ""


# -- entries made ahead (in the comparison's worker) ------------------------------------


def _demo_session(tmp_path: Path) -> tuple[DiffModel, ReviewSession]:
    comparison = compare(
        load_document(DEMO / "00_original.txt"), load_document(DEMO / "02_rewrite_contentfarm.txt")
    )
    model = DiffModel(comparison)
    session, _ = ReviewStore(tmp_path).load_for(comparison, items=model.view.items)
    return model, session


def _listing(contents: PanelContents) -> list[tuple[object, ...]]:
    return [
        (o.id, o.disabled, o.prompt.plain, o.prompt.spans) if o is not None else None
        for o in contents.options
    ]


_STYLES_OF_VIEW = {
    "claim-added": Style(color="green", bold=True),
    "claim-dropped": Style(color="red"),
    "mark-flagged": Style(reverse=True),
    "fact-figure": Style(bgcolor="blue"),
}


def test_entries_made_ahead_are_the_entries_made_when_shown(tmp_path: Path) -> None:
    model, session = _demo_session(tmp_path)
    flagged = next(item for item in session.items if item.kind is ItemKind.DROPPED)
    session.set_mark(flagged.key, Mark.FLAGGED)
    session.set_note(flagged.key, "check [bold]this[/]")
    ahead = PanelContents.of(model, dict(_STYLES_OF_VIEW), session)
    assert ahead.made_for(model, dict(_STYLES_OF_VIEW), session, False)
    again = PanelContents.of(model, dict(_STYLES_OF_VIEW), session)
    assert _listing(ahead) == _listing(again)
    assert ahead.targets == again.targets
    assert any(o is not None and "check [bold]this[/]" in o.prompt.plain for o in ahead.options)


def test_entries_made_ahead_are_not_used_once_anything_they_show_changed(
    tmp_path: Path,
) -> None:
    model, session = _demo_session(tmp_path)
    ahead = PanelContents.of(model, _STYLES_OF_VIEW, session)
    other_styles = {**_STYLES_OF_VIEW, "claim-added": Style(color="yellow")}
    assert not ahead.made_for(model, other_styles, session, False)  # a theme change
    assert not ahead.made_for(model, _STYLES_OF_VIEW, session, True)  # flagged only
    assert not ahead.made_for(DiffModel(model.comparison), _STYLES_OF_VIEW, session, False)
    session.set_mark(session.items[0].key, Mark.ACCEPTED)  # a mark made meanwhile
    assert not ahead.made_for(model, _STYLES_OF_VIEW, session, False)
