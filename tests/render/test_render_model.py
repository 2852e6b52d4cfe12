"""Tests for the presentation model and the escapers: properties, then the demo corpus."""

from __future__ import annotations

import html as std_html
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comparison_builder import sample
from diffreader.engine import Comparison, compare, document_from_text, load_document
from diffreader.engine.model import Side
from diffreader.render import build_view
from diffreader.render.escape import html, json_safe, markdown, markdown_inline, terminal
from diffreader.render.model import LayerKind
from diffreader.review import ItemKind, Section, count_items, review_items

DEMO = Path(__file__).resolve().parents[2] / "src" / "diffreader" / "demo"

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What may never reach any output: C0 (bar tab, newline), DEL, C1, bidi controls."""


# --------------------------------------------------------------------------- escapers


@given(st.text())
def test_no_escaper_lets_a_control_character_through(text: str) -> None:
    for escape in (terminal, markdown, markdown_inline, html):
        assert not UNSAFE.search(escape(text)), escape.__name__


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))))
def test_terminal_changes_only_control_characters(text: str) -> None:
    shown = terminal(text)
    if not UNSAFE.search(text):
        assert shown == text
    assert "\x1b" not in shown


@given(st.text())
def test_html_is_inert_and_round_trips_what_is_not_a_control(text: str) -> None:
    out = html(text)
    assert "<" not in out and ">" not in out and '"' not in out
    assert std_html.unescape(out) == terminal(text)


@given(st.text())
def test_markdown_is_one_line_with_markup_escaped(text: str) -> None:
    out = markdown(text)
    assert "\n" not in out and "\r" not in out
    unescaped = re.sub(r"\\(.)", "", out)
    assert not re.search(r"[`*\[\]<>#|~]", unescaped)


@given(st.text())
def test_json_safe_leaves_no_raw_control(text: str) -> None:
    import json

    out = json_safe(json.dumps(text, ensure_ascii=False))
    assert not UNSAFE.search(out)
    assert json.loads(out) == text


def test_visible_forms() -> None:
    assert terminal("\x1b]0;t\x07\x9b\x7f\u202e") == "␛]0;t␇<U+009B>␡<U+202E>"
    assert markdown("a_b *c*") == "a_b \\*c\\*"
    assert html("<b>\x1b</b>") == "&lt;b&gt;␛&lt;/b&gt;"


# --------------------------------------------------------------------------- layers


def _demo(name: str) -> Comparison:
    return compare(load_document(DEMO / "00_original.txt"), load_document(DEMO / name))


DEMO_NAMES = sorted(p.name for p in DEMO.glob("0[1-9]_*.txt"))

sentences = st.lists(
    st.sampled_from(
        [
            "The council voted 7 to 2 on Monday.",
            "Mayor Ines Dahl said: \u201cWe had no choice.\u201d",
            "Repairs will cost 1.8 million euros.",
            "The bridge closes in May.",
            "Traffic moves to the ferry run by Nordlink.",
            "Anna Berg, head of the port, disagreed.",
            "It was the third vote this year.",
        ]
    ),
    min_size=1,
    max_size=6,
)


def _check_layers(comparison: Comparison) -> None:
    view = build_view(comparison)
    assert [row.pair for row in view.rows] == list(comparison.pairs)
    for row in view.rows:
        for layer in row.layers:
            doc = comparison.document(layer.side)
            assert 0 <= layer.start <= layer.end <= len(doc.text)
            # A layer starts in its row's sentences on its side (a source layer in the row
            # holding that source); a quotation may run on into the next sentences.
            assert layer.end > layer.start or layer.kind.value.startswith("word-")
            assert view.locate.pair_at(layer.side, layer.start) == row.index, layer
            if layer.kind.is_claim:
                assert layer.claim is not None
                assert (layer.side is Side.B) == (layer.kind is LayerKind.CLAIM_ADDED)
            if layer.kind.is_quote:
                assert layer.quote is not None
        kinds = [layer.kind for layer in row.layers]
        # Paint order: word diff, then claims, then quotations.
        ranks = [0 if k.value.startswith("word-") else 1 if k.is_claim else 2 for k in kinds]
        assert ranks == sorted(ranks)
        assert row.annotated == any(r > 0 for r in ranks)


def _check_lookup(comparison: Comparison) -> None:
    view = build_view(comparison)
    for side in Side:
        doc = comparison.document(side)
        for offset in range(-1, len(doc.text) + 1):
            expected = -1
            holder = -1
            for sentence in doc.sentences:
                if sentence.start <= offset:
                    holder = sentence.id
            if holder >= 0:
                for index, pair in enumerate(comparison.pairs):
                    if holder in (pair.a if side is Side.A else pair.b):
                        expected = index
            assert view.locate.pair_at(side, offset) == expected, (side, offset)


@pytest.mark.parametrize("name", DEMO_NAMES)
def test_demo_layers_stay_in_their_rows(name: str) -> None:
    _check_layers(_demo(name))


def test_hand_built_layers_and_lookup() -> None:
    _check_layers(sample())
    _check_lookup(sample())


@settings(max_examples=30, deadline=None)
@given(sentences, sentences)
def test_generated_layers_and_lookup(a: list[str], b: list[str]) -> None:
    comparison = compare(document_from_text("\n\n".join(a)), document_from_text(" ".join(b)))
    _check_layers(comparison)
    _check_lookup(comparison)


@pytest.mark.parametrize("name", DEMO_NAMES)
def test_demo_lookup_equals_a_scan(name: str) -> None:
    _check_lookup(_demo(name))


# --------------------------------------------------------------------------- items


@pytest.mark.parametrize("name", DEMO_NAMES)
def test_items_nest_under_an_earlier_item_that_holds_them(name: str) -> None:
    comparison = _demo(name)
    items = review_items(comparison)
    position = {item.key: n for n, item in enumerate(items)}
    for n, item in enumerate(items):
        if item.parent is None:
            assert item.holder_kind is None
            continue
        assert item.parent in position and position[item.parent] < n
        holder = items[position[item.parent]]
        assert holder.parent is None and item.holder_kind is holder.kind
        if holder.side is item.side:
            # Inside the holder, or in its sentence (the attribution around a quotation
            # that stands for its dropped sentence).
            sentence_end = holder.sentence_start + len(holder.sentence)
            assert (holder.start <= item.start and item.end <= holder.end) or (
                holder.sentence_start <= item.start and item.end <= sentence_end
            )
        else:
            # Across sides: what the A side of an altered quotation (or of a reworded
            # group) lost is listed inside that quotation (group), in the same group.
            assert holder.kind in (ItemKind.QUOTE_ALTERED, ItemKind.REWORDED, ItemKind.MOVED)
            assert holder.pair == item.pair
        assert item.kind in (ItemKind.ADDED, ItemKind.DROPPED, ItemKind.QUOTE_NEW)


@pytest.mark.parametrize("name", DEMO_NAMES)
def test_counts_split_every_item_once(name: str) -> None:
    comparison = _demo(name)
    view = build_view(comparison)
    counts = count_items(view.items)
    assert sum(c.total for c in counts.values()) == len(view.items)
    assert counts == dict(view.counts)
    assert view.added_claims == counts[Section.ADDED].top
    # The engine reports claims; the review layer makes each change one item, so a view
    # never lists more added claims than the engine found at the top level.
    assert view.added_claims <= comparison.stats.added_claims


def test_nfkc_is_not_needed_to_read_the_visible_forms() -> None:
    # The control pictures are ordinary printable characters.
    assert all(unicodedata.category(c) == "So" for c in terminal("\x00\x1b\x1f"))


@pytest.mark.parametrize("collecting", [True, False])
def test_build_view_leaves_the_garbage_collector_as_it_found_it(collecting: bool) -> None:
    import gc

    comparison = compare(document_from_text("One cat. Two dogs."), document_from_text("One cat."))
    was = gc.isenabled()
    try:
        (gc.enable if collecting else gc.disable)()
        build_view(comparison)
        assert gc.isenabled() is collecting
    finally:
        (gc.enable if was else gc.disable)()
