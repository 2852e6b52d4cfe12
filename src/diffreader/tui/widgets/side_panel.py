"""Provides the side panel: every reviewable item with its mark and note, and stale marks.

Sections: added claims, dropped details, quotations (the reviewable ones, and verbatim or
dropped quotations for information), rewording (reworded and moved groups), and marks
left on text that has since changed ("stale"), which are listed, never dropped. Each
reviewable entry starts with its mark: ✓ accepted, ! flagged, · not reviewed; a note
shows on a second line after ✎. Before the review is loaded, the panel lists the
model's claims and quotations only.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import groupby
from typing import ClassVar

from rich.control import strip_control_codes
from rich.style import Style
from rich.text import Span, Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from diffreader.engine import collector
from diffreader.render.labels import counts_short
from diffreader.review import ItemKind, Mark, ReviewEntry, ReviewItem
from diffreader.review.items import Section, count_items, family, listed_in
from diffreader.storage.review import ReviewSession
from diffreader.tui.review import GLYPH, NOTE_GLYPH, item_component, item_tag, one_line
from diffreader.tui.rows import DiffModel, PanelEntry

__all__ = ["SidePanel"]

_SECTION_OF_KIND = {
    "added": Section.ADDED,
    "dropped": Section.DROPPED,
    "quotes": Section.QUOTES,
    "rewording": Section.REWORDING,
}
_HEADINGS = {"added": "Added claims", "dropped": "Dropped details", "quotes": "Quotations"}
_SECTIONS: tuple[tuple[str, str, frozenset[ItemKind]], ...] = (
    ("added", "Added claims", frozenset({ItemKind.ADDED})),
    ("dropped", "Dropped details", frozenset({ItemKind.DROPPED})),
    (
        "quotes",
        "Quotations",
        frozenset({ItemKind.QUOTE_ALTERED, ItemKind.QUOTE_NEW, ItemKind.QUOTE_SPEAKER}),
    ),
    ("rewording", "Reworded and moved", frozenset({ItemKind.REWORDED, ItemKind.MOVED})),
)
_SECTION_OF_GROUP = {"added": Section.ADDED, "dropped": Section.DROPPED}
_INFO_QUOTES = ("verbatim", "dropped")
"""Quotation checks with nothing to review, listed for information."""


_DIM = Style(dim=True)
_STRIKE = Style(strike=True)
_ITALIC = Style(italic=True)
_PLAIN = Style()
_BOLD = Style(bold=True)
_BOLD_REVERSE = Style(bold=True, reverse=True)


class _Prompt:
    """An entry's prompt: pieces appended as to a ``Text``, made one ``Text`` at the end.

    ``Text.append`` strips control codes from each piece and makes a span per styled piece;
    the panel of a long pair holds some forty thousand entries of six pieces, and building
    them piece by piece took about a second and a half of the UI thread. Here the text is
    checked once, and the spans are made directly (the same ones ``append`` makes).
    """

    __slots__ = ("pieces",)

    def __init__(self) -> None:
        self.pieces: list[tuple[str, Style | None]] = []

    def append(self, text: str, style: Style | None = None) -> None:
        self.pieces.append((text, style))

    def text(self) -> Text:
        plain = "".join([text for text, _ in self.pieces])
        if strip_control_codes(plain) != plain:
            # Stripping a control code would shift the spans after it: as Rich does it.
            slow = Text(end="")
            for text, style in self.pieces:
                slow.append(text, style=style)
            return slow
        spans = []
        offset = 0
        for text, style in self.pieces:
            end = offset + len(text)
            if style and end > offset:
                spans.append(Span(offset, end, style))
            offset = end
        return Text(plain, end="", spans=spans)


@dataclass(frozen=True, slots=True)
class _Target:
    """What an option points at."""

    row: int | None
    key: str | None = None
    """Review item (or stale entry) key; ``None`` for information entries."""


class PanelContents:
    """The side panel's entries (options, and what each points at), made apart from the
    widget: a long pair's forty thousand entries are made in the comparison's worker
    thread, not on the UI thread (``SidePanel.show(..., prepared=...)``).

    Args:
        styles: The aligned view's component styles.
        session: The review; ``None`` lists the model's claims and quotations only.
        flagged_only: List flagged items (and stale marks) only.
    """

    def __init__(
        self,
        styles: Mapping[str, Style],
        session: ReviewSession | None,
        *,
        flagged_only: bool = False,
    ) -> None:
        self._styles = styles
        self._session = session
        self.flagged_only = flagged_only
        self.targets: dict[str, _Target] = {}
        self.options: list[Option | None] = []
        self._model: DiffModel | None = None
        self._marks: dict[str, tuple[object, str]] = {}

    @classmethod
    def of(
        cls,
        model: DiffModel,
        styles: Mapping[str, Style],
        session: ReviewSession | None,
        *,
        flagged_only: bool = False,
    ) -> PanelContents:
        """The entries the panel lists for ``model`` (safe in any thread: reads only)."""
        contents = cls(styles, session, flagged_only=flagged_only)
        contents._model = model
        contents._marks = _marks_of(session) if session is not None else {}
        # Tens of thousands of small objects and no cycles: the collector's passes over
        # the comparison's heap, which these allocations would set off, find nothing.
        with collector.paused():
            if session is None:
                contents.options = contents._model_options(model)
            else:
                contents.options = contents._review_options(model, session)
        return contents

    def made_for(
        self,
        model: DiffModel,
        styles: Mapping[str, Style],
        session: ReviewSession | None,
        flagged_only: bool,
    ) -> bool:
        """These entries are what ``of`` makes for these arguments now."""
        return (
            self._model is model
            and self._session is session
            and self.flagged_only == flagged_only
            and dict(self._styles) == dict(styles)
            and (session is None or self._marks == _marks_of(session))
        )

    def _heading(self, group: str, title: str, count: str) -> Option:
        heading = Text(f"{title} ({count})", style="bold", end="")
        return Option(heading, id=f"heading-{group}", disabled=True)

    def _model_options(self, model: DiffModel) -> list[Option | None]:
        options: list[Option | None] = []
        for group, entries in groupby(model.panel, key=lambda e: e.group):
            items = list(entries)
            if options:
                options.append(None)
            if group in _SECTION_OF_GROUP:
                count = counts_short(model.view.counts[_SECTION_OF_GROUP[group]])
            else:
                count = str(len(items))  # every quotation check, reviewable or not
            options.append(self._heading(group, _HEADINGS[group], count))
            for n, entry in enumerate(items):
                options.append(self._info_option(f"{group}-{n}", entry))
        if not model.panel:
            options.append(
                Option(Text("No claims, details or quotations.", style="dim"), disabled=True)
            )
        return options

    def _info_option(self, option_id: str, entry: PanelEntry) -> Option:
        prompt = _Prompt()
        if self._session is not None:
            prompt.append("  ")
        if entry.nested:
            prompt.append("  ↳ ", _DIM)
        prompt.append(entry.label, self._styles.get(entry.style, _PLAIN))
        prompt.append(" ")
        prompt.append(entry.text)
        self.targets[option_id] = _Target(entry.row)
        return Option(prompt.text(), id=option_id)

    def _review_options(self, model: DiffModel, session: ReviewSession) -> list[Option | None]:
        options: list[Option | None] = []
        shown = 0
        for group, title, _kinds in _SECTIONS:
            # Listed where it is counted: a detail nested in an item of another section
            # (a fact an altered quotation lost) is listed with that item.
            section = _SECTION_OF_KIND[group]
            items = [item for item in session.items if listed_in(item) is section]
            if self.flagged_only:
                items = [item for item in items if session.mark(item.key) is Mark.FLAGGED]
            entries: list[tuple[int, ReviewItem | PanelEntry]] = list(enumerate(items))
            if group == "quotes" and not self.flagged_only:
                speaker_rows = {i.pair for i in items if i.kind is ItemKind.QUOTE_SPEAKER}
                # Information entries follow the reviewable quotations of their row.
                last = {item.pair: n for n, item in enumerate(items)}
                entries += [
                    (last.get(e.row, len(items)), e)
                    for e in model.panel
                    if e.group == "quotes"
                    and e.label in _INFO_QUOTES
                    and not (e.label == "verbatim" and e.row in speaker_rows)
                ]
                entries.sort(key=lambda pair: pair[0])
            if not entries:
                continue
            if options:
                options.append(None)
            counts = count_items(items)[_SECTION_OF_KIND[group]]
            options.append(self._heading(group, title, counts_short(counts)))
            for n, (_row, entry) in enumerate(entries):
                if isinstance(entry, PanelEntry):
                    options.append(self._info_option(f"info-{group}-{n}", entry))
                else:
                    option_id = f"item-{entry.key}"
                    self.targets[option_id] = _Target(
                        entry.pair if entry.pair >= 0 else None, entry.key
                    )
                    options.append(Option(self.item_prompt(entry), id=option_id))
                    shown += 1
        stale = session.stale()
        if stale:
            if options:
                options.append(None)
            heading = Text(f"Stale marks: text changed ({len(stale)})", style="bold", end="")
            options.append(Option(heading, id="heading-stale", disabled=True))
            for found in stale:
                option_id = f"stale-{found.key}"
                self.targets[option_id] = _Target(None, found.key)
                options.append(Option(self.stale_prompt(found.entry), id=option_id))
        if not options:
            empty = (
                "No flagged items (F lists everything)."
                if self.flagged_only
                else "Nothing to review: no claims, details, quotations or rewording."
            )
            options.append(Option(Text(empty, style="dim"), disabled=True))
        return options

    # -- prompts ------------------------------------------------------------------------

    def _mark_glyph(self, prompt: _Prompt, mark: Mark | None) -> None:
        if mark is Mark.ACCEPTED:
            style = self._styles.get("mark-accepted", _BOLD)
        elif mark is Mark.FLAGGED:
            style = self._styles.get("mark-flagged", _BOLD_REVERSE)
        else:
            style = _DIM
        prompt.append(GLYPH[mark], style)
        prompt.append(" ")

    def _note_line(self, prompt: _Prompt, note: str) -> None:
        if note:
            prompt.append(f"\n  {NOTE_GLYPH} ", self._styles.get("mark-note", _PLAIN))
            prompt.append(one_line(note, 200), _ITALIC)

    def item_prompt(self, item: ReviewItem) -> Text:
        """The entry of a review item: its mark, tag, text, what it replaced, its note."""
        assert self._session is not None
        prompt = _Prompt()
        if item.parent is not None:  # a name or figure inside the sentence above it
            prompt.append("  ↳ ", _DIM)
        self._mark_glyph(prompt, self._session.mark(item.key))
        style = self._styles.get(item_component(item), _PLAIN)
        kin = family(item)
        if kin:  # a fact: its family's colour, as in the diff
            style += self._styles.get(f"fact-{kin}", _PLAIN)
        prompt.append(item_tag(item), style)
        prompt.append(" ")
        limit = 70 if item.kind in (ItemKind.REWORDED, ItemKind.MOVED) else 160
        prompt.append(one_line(item.text, limit))
        if item.was:  # a changed fact: what the original had in its place
            prompt.append(" was ", _DIM)
            prompt.append(one_line(item.was, 60), _STRIKE)
        self._note_line(prompt, self._session.note(item.key))
        return prompt.text()

    def stale_prompt(self, entry: ReviewEntry) -> Text:
        """The entry of a mark left on text that has since changed."""
        prompt = _Prompt()
        self._mark_glyph(prompt, entry.mark)
        prompt.append(one_line(entry.label or "Item", 40), _DIM)
        prompt.append(" ")
        prompt.append(one_line(entry.text, 120) or "(text not recorded)")
        self._note_line(prompt, entry.note)
        return prompt.text()


def _marks_of(session: ReviewSession) -> dict[str, tuple[object, str]]:
    """Each reviewed key's mark and note (what the entries show of the review)."""
    return {key: (entry.mark, entry.note) for key, entry in session.state.entries.items()}


class SidePanel(OptionList):
    """Lists what to review; highlighting an entry posts ``ItemHighlighted``, Enter ``Chosen``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "down,j",
            "cursor_down",
            "Next entry",
            show=False,
            id="panel.down",
            tooltip="Highlight the next entry",
        ),
        Binding(
            "up,k",
            "cursor_up",
            "Previous entry",
            show=False,
            id="panel.up",
            tooltip="Highlight the previous entry",
        ),
        Binding(
            "enter",
            "select",
            "Jump",
            show=False,
            id="panel.jump",
            tooltip="Jump to the highlighted entry in the diff",
        ),
    ]

    class Chosen(Message):
        """An entry was chosen (Enter or click)."""

        def __init__(self, panel: SidePanel, row: int, key: str | None = None) -> None:
            self.panel = panel
            self.row = row
            """Index into ``Comparison.pairs``."""
            self.key = key
            """The review item's key (``None`` for an information entry)."""
            super().__init__()

        @property
        def control(self) -> SidePanel:
            return self.panel

    class ItemHighlighted(Message):
        """The highlight moved to an entry."""

        def __init__(self, panel: SidePanel, key: str | None, row: int | None) -> None:
            self.panel = panel
            self.key = key
            """Review item or stale entry key; ``None`` for an information entry."""
            self.row = row
            """Its row, when it has one (stale entries and unplaced items do not)."""
            super().__init__()

        @property
        def control(self) -> SidePanel:
            return self.panel

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._targets: dict[str, _Target] = {}
        self._session: ReviewSession | None = None
        self._styles: Mapping[str, Style] = {}
        self.flagged_only = False
        """True when the panel lists flagged items only (see ``show``)."""

    def action_page_up(self) -> None:
        self._page(super().action_page_up)

    def action_page_down(self) -> None:
        self._page(super().action_page_down)

    @staticmethod
    def _page(step: Callable[[], None]) -> None:
        """A page step, or none while the list has no layout: OptionList's page step reads
        the map of its entries' lines, which is made when the list is laid out, so a page
        key that reached the panel hidden and refilled (keys pressed fast) raised
        ``KeyError`` and ended the reader."""
        with contextlib.suppress(KeyError):
            step()

    # -- filling ------------------------------------------------------------------------

    def show(
        self,
        model: DiffModel,
        style_for: Mapping[str, Style],
        session: ReviewSession | None = None,
        *,
        flagged_only: bool = False,
        prepared: PanelContents | None = None,
    ) -> None:
        """Fill the panel (styles come from the aligned view).

        Args:
            model: The display model.
            style_for: The aligned view's component styles.
            session: The review; ``None`` lists the model's claims and quotations only.
            flagged_only: List flagged items (and stale marks) only.
            prepared: The entries made beforehand (in the comparison's worker thread, for
                a long pair): used when made for these same arguments, else made here.
        """
        keep = self.highlighted_key
        self._session = session
        self._styles = style_for
        self.flagged_only = flagged_only
        self.clear_options()
        contents = prepared
        if contents is None or not contents.made_for(model, style_for, session, flagged_only):
            contents = PanelContents.of(model, style_for, session, flagged_only=flagged_only)
        self._targets = contents.targets
        with collector.paused():  # tens of thousands of entries, no cycles (as in ``of``)
            self.add_options(contents.options)
        if keep is not None:
            self.highlight_key(keep)

    def update_item(self, key: str) -> None:
        """Redraw the entry of ``key`` after its mark or note changed."""
        if self._session is None:
            return
        item = self._session.item(key)
        option_id = f"item-{key}" if item is not None else f"stale-{key}"
        if option_id not in self._targets:
            return
        prompts = PanelContents(self._styles, self._session, flagged_only=self.flagged_only)
        if item is not None:
            prompt = prompts.item_prompt(item)
        else:
            entry = self._session.state.entries.get(key)
            if entry is None:
                return
            prompt = prompts.stale_prompt(entry)
        self.replace_option_prompt(option_id, prompt)

    # -- highlight ----------------------------------------------------------------------

    @property
    def highlighted_key(self) -> str | None:
        """The key of the highlighted review item or stale entry, if any."""
        option = self.highlighted_option
        if option is None or option.id is None:
            return None
        target = self._targets.get(option.id)
        return target.key if target is not None else None

    def highlight_key(self, key: str) -> bool:
        """Highlight the entry of ``key``; False when the panel does not list it."""
        for option_id in (f"item-{key}", f"stale-{key}"):
            if option_id in self._targets:
                index = self.get_option_index(option_id)
                if self.highlighted != index:
                    self.highlighted = index
                return True
        return False

    def lists(self, key: str) -> bool:
        """True when the panel has an entry for ``key``."""
        return f"item-{key}" in self._targets or f"stale-{key}" in self._targets

    # -- handlers -----------------------------------------------------------------------

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        target = self._targets.get(event.option.id or "")
        if target is not None:
            self.post_message(self.ItemHighlighted(self, target.key, target.row))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self._targets.get(event.option.id or "")
        if target is not None and target.row is not None:
            self.post_message(self.Chosen(self, target.row, target.key))
