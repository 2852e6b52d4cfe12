"""Review items made a range of groups at a time (``item_blocks``, ``review_items_in``) are
the items ``review_items`` makes there (with its very keys when ``keys_apart`` says so),
and the text, the Markdown and the JSON written from them are those written from the whole
view, whatever the claims and quotations of a comparison touch: spans across sentences and
groups, claims placed in another group than their sentence's, parents anywhere, quotations
and their sources in groups shown far apart, the same sentence in ranges apart."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comparison_builder import PairSpec, make_comparison
from diffreader.engine.model import (
    Claim,
    ClaimCategory,
    ClaimKind,
    Comparison,
    Quote,
    QuoteStatus,
    Side,
    Span,
    Status,
)
from diffreader.render import ranges, to_json, to_markdown, to_text
from diffreader.render.model import build_view, plain_view
from diffreader.review.items import (
    ItemKind,
    ReviewItem,
    RunningKeys,
    item_blocks,
    key_forms,
    keys_apart,
    review_items,
    review_items_in,
    unkeyed_items,
)
from diffreader.review.locate import PairLocator

_WORDS = [
    "The council",
    "voted",
    "4 million euros",
    "on Tuesday",
    "Ana Ruiz",
    "said",
    "“we will not wait”",
    "in 2026",
    "the mayor",
    "no",
]
_LINE = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6).map(lambda w: " ".join(w) + ".")


@st.composite
def _pairs(draw: st.DrawFn, n_a: int, n_b: int) -> list[PairSpec]:
    """Groups covering the sentences in order, each of up to two sentences a side (one of
    them left out now and then), in an order of their own now and then (moved groups)."""
    specs: list[PairSpec] = []
    i = j = 0
    while i < n_a or j < n_b:
        take_a = draw(st.integers(0, min(2, n_a - i)))
        take_b = draw(st.integers(0, min(2, n_b - j)))
        if not take_a and not take_b:
            take_a, take_b = (1, 0) if i < n_a else (0, 1)
        a_ids, b_ids = tuple(range(i, i + take_a)), tuple(range(j, j + take_b))
        i, j = i + take_a, j + take_b
        if a_ids and b_ids:
            status = draw(st.sampled_from([Status.REWORDED, Status.MOVED, Status.SAME]))
        else:
            status = Status.DROPPED if a_ids else Status.ADDED
        specs.append((a_ids, b_ids, status))
    if len(specs) > 1 and draw(st.integers(0, 9)) == 0:
        del specs[draw(st.integers(0, len(specs) - 1))]  # sentences in no group
    if draw(st.booleans()):
        specs = draw(st.permutations(specs))
    return specs


def _placed(
    draw: st.DrawFn, comparison: Comparison, side: Side, start: int, size: int
) -> tuple[int, int]:
    """A sentence and a group for a span at ``start``: where it lies, or anywhere."""
    locate = PairLocator(comparison)
    sentence = locate.sentence_at(side, start)
    pair = locate.pair_of_sentence(side, sentence) if sentence >= 0 else -1
    count = len(comparison.document(side).sentences)
    sentence = draw(st.just(sentence) | st.integers(-1, count - 1))
    pair = draw(st.just(pair) | st.just(pair) | st.integers(-1, size - 1))
    return sentence, pair


def _span(draw: st.DrawFn, text: str) -> tuple[int, int]:
    start = draw(st.integers(0, len(text)))
    return start, min(len(text), start + draw(st.integers(0, 60)))


@st.composite
def _comparisons(draw: st.DrawFn) -> Comparison:
    a_lines = draw(st.lists(_LINE, min_size=1, max_size=7))
    b_lines = draw(st.lists(_LINE, min_size=1, max_size=7))
    base = make_comparison(a_lines, b_lines, draw(_pairs(len(a_lines), len(b_lines))))
    size = len(base.pairs)
    count = draw(st.integers(0, 12))
    claims: list[Claim] = []
    for _ in range(count):
        side = draw(st.sampled_from(list(Side)))
        text = base.document(side).text
        start, end = _span(draw, text)
        sentence, pair = _placed(draw, base, side, start, size)
        kind = ClaimKind.DROPPED if side is Side.A else ClaimKind.ADDED
        if draw(st.integers(0, 9)) == 0:
            kind = ClaimKind.ADDED if kind is ClaimKind.DROPPED else ClaimKind.DROPPED
        category = draw(st.sampled_from(list(ClaimCategory)))
        parent = draw(st.just(-1) | st.integers(-1, count - 1))
        other = len(base.document(side.other).sentences)
        departs = tuple(draw(st.lists(st.integers(0, other - 1), max_size=2)))
        claims.append(
            Claim(
                side, kind, category, text[start:end], start, end, pair, sentence, departs, parent
            )
        )
    quotes: list[Quote] = []
    for _ in range(draw(st.integers(0, 4))):
        side = draw(st.sampled_from(list(Side)))
        text = base.document(side).text
        start, end = _span(draw, text)
        sentence, pair = _placed(draw, base, side, start, size)
        source = None
        if draw(st.booleans()):
            at, to = _span(draw, base.document(side.other).text)
            source = Span(at, to)
        quotes.append(
            Quote(
                side,
                start,
                end,
                text[start:end],
                draw(st.sampled_from(list(QuoteStatus))),
                source,
                speaker="Ana Ruiz",
                source_speaker="the mayor",
                speaker_changed=draw(st.booleans()),
                sentence=sentence,
                pair=pair,
            )
        )
    return replace(base, claims=tuple(claims), quotes=tuple(quotes))


def _without_keys(item: ReviewItem) -> ReviewItem:
    return replace(item, key="", parent=None if item.parent is None else "", aliases=())


def _shapes(items: Sequence[ReviewItem]) -> list[tuple[ReviewItem, int | str | None, int]]:
    place = {item.key: n for n, item in enumerate(items)}
    return [
        (
            _without_keys(item),
            None if item.parent is None else place.get(item.parent, "elsewhere"),
            len(item.aliases),
        )
        for item in items
    ]


@settings(max_examples=300, deadline=None)
@given(_comparisons())
def test_items_made_block_by_block_are_the_items_of_the_whole(comparison: Comparison) -> None:
    locate = PairLocator(comparison)
    whole = review_items(comparison, locate)
    blocks = item_blocks(comparison, locate)
    if blocks is None:
        # Something is placed in no group: the items are only ever made whole.
        return
    cuts = blocks.cuts
    assert cuts[0] == 0
    assert cuts[-1] == len(comparison.pairs)
    assert list(cuts) == sorted(set(cuts))
    # Made at once from every block: exactly ``review_items``, keys and all.
    assert review_items_in(comparison, locate, blocks, 0, cuts[-1]) == whole
    for lo, hi in pairwise(cuts):
        want = _shapes([i for i in whole if lo <= i.pair < hi])
        assert _shapes(review_items_in(comparison, locate, blocks, lo, hi)) == want
        # Keys not derived (numbers): the same items still.
        assert _shapes(review_items_in(comparison, locate, blocks, lo, hi, keyed=False)) == want


@settings(max_examples=300, deadline=None)
@given(_comparisons())
def test_unkeyed_items_are_the_items_of_the_whole(comparison: Comparison) -> None:
    locate = PairLocator(comparison)
    assert _shapes(unkeyed_items(comparison, locate)) == _shapes(review_items(comparison, locate))
    assert plain_view(comparison).counts == build_view(comparison, rows=False).counts


def _ranges_of(data: st.DataObject, cuts: Sequence[int]) -> list[int]:
    """Bounds of ranges of groups, each starting at one of ``cuts`` (drawn)."""
    inner = list(cuts[1:-1])
    chosen = data.draw(st.sets(st.sampled_from(inner)) if inner else st.just(set[int]()))
    return sorted({0, cuts[-1], *chosen})


@settings(max_examples=300, deadline=None)
@given(_comparisons(), st.data())
def test_ranges_keyed_apart_have_the_keys_of_the_whole(
    comparison: Comparison, data: st.DataObject
) -> None:
    locate = PairLocator(comparison)
    whole = review_items(comparison, locate)
    blocks = item_blocks(comparison, locate)
    if blocks is None:
        return
    forms = key_forms(comparison, locate, blocks)
    cuts = blocks.cuts
    # The forms made once are the forms the keys are made of.
    assert review_items_in(comparison, locate, blocks, 0, cuts[-1], forms=forms) == whole
    bounds = _ranges_of(data, cuts)
    if not keys_apart(forms, bounds[:-1]):
        return
    for lo, hi in pairwise(bounds):
        want = [i for i in whole if lo <= i.pair < hi]
        assert review_items_in(comparison, locate, blocks, lo, hi, forms=forms) == want


def test_a_sentence_in_two_ranges_keeps_its_claims_keyed_whole() -> None:
    """The same sentence, with the same dropped figure, in two groups: the second key
    counts the first, so ranges holding one each cannot key them apart."""
    line = "It will cost 4 million euros."
    base = make_comparison(
        [line, "Ferries.", line],
        ["Ferries."],
        [((0,), (), Status.DROPPED), ((1,), (0,), Status.SAME), ((2,), (), Status.DROPPED)],
    )
    text = base.a.text
    claims = tuple(
        Claim(
            Side.A,
            ClaimKind.DROPPED,
            ClaimCategory.NUMBER,
            "4 million euros",
            at,
            at + 15,
            group,
            sentence,
        )
        for group, sentence, at in ((0, 0, text.index("4 million")), (2, 2, text.rindex("4 m")))
    )
    comparison = replace(base, claims=claims)
    locate = PairLocator(comparison)
    whole = review_items(comparison, locate)
    blocks = item_blocks(comparison, locate)
    assert blocks is not None
    assert blocks.cuts == (0, 1, 2, 3)
    forms = key_forms(comparison, locate, blocks)
    assert not keys_apart(forms, [0, 2])
    assert keys_apart(forms, [0])
    # Made apart, the second figure's key would not count the first.
    apart = review_items_in(comparison, locate, blocks, 2, 3, forms=forms)
    assert [i.key for i in apart] != [i.key for i in whole if i.pair == 2]
    # Ranges that keep apart what is not shared: the keys of the whole.
    unshared = replace(comparison, claims=claims[:1])
    blocks = item_blocks(unshared, locate)
    assert blocks is not None
    forms = key_forms(unshared, locate, blocks)
    assert keys_apart(forms, [0, 2])


def _drawn_ranges(data: st.DataObject) -> Callable[[Sequence[int], int], list[int] | None]:
    """``ranges.bounds_of`` as if forking always paid: ranges of the items drawn."""

    def bounds_of(weights: Sequence[int], scale: int = 1) -> list[int] | None:
        size = len(weights)
        if size < 2:
            return None
        chosen = data.draw(st.sets(st.integers(1, size - 1), min_size=1))
        return sorted({0, size, *chosen})

    return bounds_of


def _serial_run(task: Callable[[int, int], Any], bounds: Sequence[int]) -> list[Any]:
    return [task(lo, hi) for lo, hi in pairwise(bounds)]


@settings(max_examples=300, deadline=None)
@given(_comparisons(), st.data())
def test_json_written_block_by_block_is_the_json_of_the_whole_view(
    comparison: Comparison, data: st.DataObject
) -> None:
    expected = "".join(to_json.json_pieces(build_view(comparison, rows=False)))
    with pytest.MonkeyPatch.context() as patch:
        # Each range's items made a block at a time where the keys allow, or at once.
        patch.setattr(to_json, "_CHUNK_WEIGHT", data.draw(st.sampled_from([1, 1 << 40])))
        patch.setattr(ranges, "forking", lambda: True)
        patch.setattr(ranges, "bounds_of", _drawn_ranges(data))
        patch.setattr(ranges, "run", _serial_run)
        got = "".join(to_json.comparison_json_pieces(comparison))
    assert got == expected


@settings(max_examples=300, deadline=None)
@given(_comparisons(), st.data())
def test_markdown_written_block_by_block_is_the_markdown_of_the_whole_view(
    comparison: Comparison, data: st.DataObject
) -> None:
    expected = to_markdown.render_markdown(build_view(comparison, rows=False))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ranges, "forking", lambda: True)
        patch.setattr(ranges, "bounds_of", _drawn_ranges(data))
        patch.setattr(ranges, "run", _serial_run)
        got = to_markdown.render_comparison_markdown(comparison)
    assert got == expected


@settings(max_examples=300, deadline=None)
@given(_comparisons(), st.booleans(), st.data())
def test_text_written_block_by_block_is_the_text_of_the_whole_view(
    comparison: Comparison, color: bool, data: st.DataObject
) -> None:
    expected = to_text.render_text(build_view(comparison, rows=False), color=color, width=60)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ranges, "forking", lambda: True)
        patch.setattr(ranges, "bounds_of", _drawn_ranges(data))
        patch.setattr(ranges, "run", _serial_run)
        got = to_text.render_comparison_text(comparison, color=color, width=60)
    assert got == expected


def _recording(real: Callable[..., Any], made: list[tuple[int, int]]) -> Callable[..., Any]:
    """``review_items_in`` as ``real`` makes it, appending the groups of each call to ``made``."""

    def recorded(
        comparison: Comparison, locate: PairLocator, blocks: Any, lo: int, hi: int, **kw: Any
    ) -> Any:
        made.append((lo, hi))
        return real(comparison, locate, blocks, lo, hi, **kw)

    return recorded


def _written_here(
    module: Any, comparison: Comparison, weight: int, write: Callable[[], str]
) -> tuple[str, list[tuple[int, int]]]:
    """What ``write()`` writes of ``comparison`` when this process may not fork and the
    comparison counts as long (``ranges.RANGED_FROM``), ranges of about ``weight``
    characters, with the groups each call of ``module.review_items_in`` made items for."""
    made: list[tuple[int, int]] = []
    recorded = _recording(module.review_items_in, made)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ranges, "forking", lambda: False)
        patch.setattr(ranges, "RANGED_FROM", 1)
        patch.setattr(ranges, "RANGE_WEIGHT", weight)
        patch.setattr(module, "review_items_in", recorded)
        written = write()
    ranged = made
    if len(made) > 1 and made[-1] == (0, len(comparison.pairs)):
        ranged = made[:-1]  # the JSON's items made whole again (``RunningKeys.exact``)
    if ranged:  # the ranges follow one another over every group
        assert ranged[0][0] == 0 and ranged[-1][1] == len(comparison.pairs)
        assert all(hi == lo for (_, hi), (lo, _) in pairwise(ranged))
    return written, made


@settings(max_examples=300, deadline=None)
@given(_comparisons(), st.booleans(), st.sampled_from([1, 60, 1 << 40]))
def test_text_written_range_by_range_in_one_process_is_the_text_of_the_whole_view(
    comparison: Comparison, color: bool, weight: int
) -> None:
    # A long comparison this process may not fork over (its memory) is written in ranges
    # all the same, one after the other here, each range's items made with its text; in
    # pieces, which the command line writes in turn.
    expected = to_text.render_text(build_view(comparison, rows=False), color=color, width=60)

    def write() -> str:
        return "".join(to_text.comparison_text_pieces(comparison, color=color, width=60))

    written, made = _written_here(to_text, comparison, weight, write)
    assert written == expected
    if weight == 1 << 40:
        assert len(made) <= 1


@settings(max_examples=300, deadline=None)
@given(_comparisons(), st.sampled_from([1, 60, 1 << 40]))
def test_markdown_written_range_by_range_in_one_process_is_the_markdown_of_the_whole_view(
    comparison: Comparison, weight: int
) -> None:
    # As the text: a long comparison this process may not fork over, ranges one by one.
    expected = to_markdown.render_markdown(build_view(comparison, rows=False))

    def write() -> str:
        return to_markdown.render_comparison_markdown(comparison)

    written, _ = _written_here(to_markdown, comparison, weight, write)
    assert written == expected


@settings(max_examples=300, deadline=None)
@given(_comparisons(), st.sampled_from([1, 60, 1 << 40]))
def test_json_written_range_by_range_in_one_process_is_the_json_of_the_whole_view(
    comparison: Comparison, weight: int
) -> None:
    # As the text, with the whole list's keys: ranges keyed apart, or counting on the
    # identities of the ranges before (the same sentence in two ranges), or made whole
    # again when that cannot give the whole list's keys.
    expected = "".join(to_json.json_pieces(build_view(comparison, rows=False)))

    def write() -> str:
        return "".join(to_json.comparison_json_pieces(comparison))

    written, _ = _written_here(to_json, comparison, weight, write)
    assert written == expected


def _written_json_here(comparison: Comparison) -> tuple[str, list[tuple[int, int]]]:
    """The JSON of ``comparison`` written in one process, one range a block."""
    return _written_here(
        to_json, comparison, 1, lambda: "".join(to_json.comparison_json_pieces(comparison))
    )


def _a_sentence_twice(line: str, first: list[tuple[str, ClaimCategory]], second: str) -> Comparison:
    """``line`` dropped twice, groups 0 and 2 (an unchanged one between): claims of the
    texts ``first`` gives in the first, one of the text ``second`` in the second."""
    base = make_comparison(
        [line, "Ferries.", line],
        ["Ferries."],
        [((0,), (), Status.DROPPED), ((1,), (0,), Status.SAME), ((2,), (), Status.DROPPED)],
    )
    text = base.a.text
    placed = [(0, 0, 0, part, category) for part, category in first]
    placed.append((2, 2, text.rindex(line), second, ClaimCategory.ASSERTION))
    claims = tuple(
        Claim(
            Side.A,
            ClaimKind.DROPPED,
            category,
            part,
            at + line.index(part),
            at + line.index(part) + len(part),
            group,
            sentence,
        )
        for group, sentence, at, part, category in placed
    )
    return replace(base, claims=claims)


def test_json_ranges_count_on_the_identities_of_the_ranges_before() -> None:
    """The same sentence dropped in two ranges, with the same claim: the second range's
    key counts the first's, so the ranges made one after another here, each counting on,
    give the whole list's keys."""
    line = "It will cost 4 million euros."
    twice = _a_sentence_twice(line, [("4 million euros", ClaimCategory.NUMBER)], "4 million euros")
    locate = PairLocator(twice)
    blocks = item_blocks(twice, locate)
    assert blocks is not None
    assert not keys_apart(key_forms(twice, locate, blocks), list(blocks.cuts[:-1]))
    written, made = _written_json_here(twice)
    assert written == "".join(to_json.json_pieces(build_view(twice, rows=False)))
    assert made == [(0, 1), (1, 2), (2, 3)]  # in ranges, never whole
    keys = [item.key for item in review_items(twice)]
    assert len(set(keys)) == 2 and all(key in written for key in keys)


def test_json_ranges_are_made_whole_when_a_sentence_item_is_counted_too_early() -> None:
    """The first time, two facts of the dropped sentence make it one item (the sentence,
    made by consolidation); the second time a claim of the whole sentence has that very
    identity. The whole list counts the claim first: counted range by range, the sentence
    item would be. The ranges' keys are not the whole list's, so its items are made again,
    whole, and the JSON is the whole view's."""
    line = "It will cost 4 million euros on Friday."
    first = [("4 million euros", ClaimCategory.NUMBER), ("Friday", ClaimCategory.DATE)]
    twice = _a_sentence_twice(line, first, line)
    expected = "".join(to_json.json_pieces(build_view(twice, rows=False)))
    written, made = _written_json_here(twice)
    assert written == expected
    assert made == [(0, 1), (1, 2), (2, 3), (0, 3)]  # the ranges, then the whole list
    # Counted range by range, the keys are not the whole list's.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(RunningKeys, "exact", lambda self: True)
        assert _written_json_here(twice)[0] != expected


def test_a_claim_running_over_two_groups_keeps_them_in_one_block() -> None:
    """A dropped clause running from one group's sentence into the next holds the figure
    of the second: the figure is listed inside it, whichever block each is placed in."""
    a_lines = ["The council voted on Tuesday.", "It will cost 4 million euros."]
    base = make_comparison(
        a_lines, ["Head."], [((0,), (), Status.DROPPED), ((1,), (0,), Status.REWORDED)]
    )
    text = base.a.text
    clause_start = text.index("on Tuesday")
    figure_start = text.index("4 million")
    claims = (
        Claim(
            Side.A,
            ClaimKind.DROPPED,
            ClaimCategory.ASSERTION,
            text[clause_start:],
            clause_start,
            len(text),
            0,
            0,
        ),
        Claim(
            Side.A,
            ClaimKind.DROPPED,
            ClaimCategory.NUMBER,
            "4 million euros",
            figure_start,
            figure_start + 15,
            1,
            1,
        ),
    )
    comparison = replace(base, claims=claims)
    locate = PairLocator(comparison)
    whole = review_items(comparison, locate)
    dropped = [(i.category, i.parent is None) for i in whole if i.kind is ItemKind.DROPPED]
    assert dropped == [("assertion", True), ("number", False)]  # the figure inside the clause
    blocks = item_blocks(comparison, locate)
    assert blocks is not None
    assert blocks.cuts == (0, 2)


def _tied_by_an_altered_quotation() -> Comparison:
    """An altered quotation of B (group 1) whose source in A (group 3) loses a figure: the
    figure is listed inside the quotation, though the two are in groups apart."""
    a_lines = ["Head.", "Ferries", "“It will cost 4 million euros,” she said."]
    b_lines = ["Head.", "“It will cost a lot,” she said.", "Ferries"]
    pairs: list[PairSpec] = [
        ((0,), (0,), Status.SAME),
        ((), (1,), Status.ADDED),
        ((1,), (2,), Status.SAME),
        ((2,), (), Status.DROPPED),
    ]
    base = make_comparison(a_lines, b_lines, pairs)
    figure_start = base.a.text.index("4 million")
    quote_start = base.b.text.index("It will cost a lot")
    source_start = base.a.text.index("It will cost 4")
    claims = (
        Claim(
            Side.A,
            ClaimKind.DROPPED,
            ClaimCategory.NUMBER,
            "4 million euros",
            figure_start,
            figure_start + 15,
            3,
            2,
        ),
    )
    quote = Quote(
        Side.B,
        quote_start,
        quote_start + 18,
        "It will cost a lot",
        QuoteStatus.ALTERED,
        Span(source_start, source_start + 28),
        sentence=1,
        pair=1,
    )
    return replace(base, claims=claims, quotes=(quote,))


def test_an_altered_quotation_and_the_fact_its_source_loses_stay_in_one_block() -> None:
    """The figure the A side of an altered quotation loses is listed inside the quotation,
    though the two are in groups apart: one block holds both."""
    comparison = _tied_by_an_altered_quotation()
    locate = PairLocator(comparison)
    whole = review_items(comparison, locate)
    assert [(i.kind, i.parent is None) for i in whole] == [
        (ItemKind.QUOTE_ALTERED, True),
        (ItemKind.DROPPED, False),
    ]
    blocks = item_blocks(comparison, locate)
    assert blocks is not None
    assert blocks.cuts == (0, 1, 4)
    # Without a fact in its source, the quotation ties no group to its source's.
    alone = item_blocks(replace(comparison, claims=()), locate)
    assert alone is not None
    assert alone.cuts == (0, 1, 2, 3, 4)


def _written(comparison: Comparison) -> tuple[str, list[tuple[int, int]], list[int]]:
    """The command line's text of ``comparison`` as the fork would write it, every range
    one item long, with the groups each call made items for and the size of each call's
    ranges."""
    made: list[tuple[int, int]] = []
    sizes: list[int] = []
    recorded = _recording(to_text.review_items_in, made)

    def every_one(task: Callable[[int, int], Any], size: int, weigh: object) -> list[Any]:
        sizes.append(size)
        return [task(n, n + 1) for n in range(size)]

    def every_block(weights: Sequence[int], scale: int = 1) -> list[int]:
        sizes.append(len(weights))
        return list(range(len(weights) + 1))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ranges, "forking", lambda: True)
        patch.setattr(to_text, "review_items_in", recorded)
        patch.setattr(to_text, "in_ranges", every_one)  # a view's text, in ranges of groups
        patch.setattr(ranges, "bounds_of", every_block)  # the items and text of blocks
        patch.setattr(ranges, "run", _serial_run)
        text = to_text.render_comparison_text(comparison, width=60)
    return text, made, sizes


def test_one_block_holding_most_of_the_output_has_its_items_made_once() -> None:
    """An altered quotation ties its group to its source's far away: their block holds
    nearly all the output. Its items are made once, whole, and the text is still written
    in ranges of groups: the same text as the whole view's."""
    tied = _tied_by_an_altered_quotation()
    expected = to_text.render_text(build_view(tied, rows=False), width=60)
    text, made, sizes = _written(tied)
    assert text == expected
    assert "4 million euros" in text
    assert made == [(0, 4)]  # every group's items at once
    assert sizes == [4]  # the text in one range per group
    # Without the figure, nothing ties the groups: each block's items are made apart.
    apart = replace(tied, claims=())
    text, made, sizes = _written(apart)
    assert text == to_text.render_text(build_view(apart, rows=False), width=60)
    assert made == [(0, 1), (1, 2), (2, 3), (3, 4)]
