"""compare(): statuses, moves, splits and merges, and the alignment invariants."""

from __future__ import annotations

import importlib
from itertools import pairwise

from hypothesis import example, given, settings
from hypothesis import strategies as st

from diffreader.engine import ClaimKind, Side, Status, compare, document_from_text
from diffreader.engine.model import Comparison, SentenceKind

# ``diffreader.engine.compare`` is the function there: its module, by name.
compare_module = importlib.import_module("diffreader.engine.compare")

ORIGINAL = (
    "The harbour council voted on Thursday to close the swing bridge for repairs. "
    "Engineers found corrosion in the two main supports beneath the quay. "
    "Mayor Helen Varga said the decision had not been taken lightly. "
    "The repairs will cost €1.8 million, shared with the county. "
    "Ferries will run every hour while the bridge is shut."
)


def test_same_text_is_all_same() -> None:
    c = compare(ORIGINAL, ORIGINAL)
    assert {p.status for p in c.pairs} == {Status.SAME}
    assert not c.claims and not c.has_differences
    assert c.stats.a_kept == 1.0 and c.stats.b_new == 0.0


def test_reordered_sentence_is_moved_and_not_a_claim() -> None:
    sentences = ORIGINAL.split(". ")
    moved = ". ".join([sentences[3].rstrip("."), *sentences[:3], sentences[4]])
    c = compare(ORIGINAL, moved if moved.endswith(".") else moved + ".")
    statuses = [p.status for p in c.pairs]
    assert statuses.count(Status.MOVED) == 1
    assert all(s in (Status.SAME, Status.MOVED) for s in statuses)
    assert not c.claims


def test_split_and_merge_are_one_group() -> None:
    a = (
        "The council met on Thursday. "
        "Engineers found corrosion in the supports, and the mayor said the bridge would close "
        "for six months while the steel beams are replaced."
    )
    b = (
        "The council met on Thursday. Engineers found corrosion in the supports. "
        "The mayor said the bridge would close for six months while the steel beams are replaced."
    )
    c = compare(a, b)
    groups = [(p.a, p.b) for p in c.pairs]
    assert ((1,), (1, 2)) in groups
    swapped = compare(b, a)
    assert ((1, 2), (1,)) in [(p.a, p.b) for p in swapped.pairs]


def test_added_and_dropped_sentences() -> None:
    b = ORIGINAL.replace(
        "Ferries will run every hour while the bridge is shut.",
        "The bridge first opened in 1908 in the fishing port of Kilbrannan.",
    )
    c = compare(ORIGINAL, b)
    statuses = {p.status for p in c.pairs}
    assert Status.ADDED in statuses and Status.DROPPED in statuses
    added = {cl.text for cl in c.claims if cl.kind is ClaimKind.ADDED}
    assert "Kilbrannan" in added
    assert any("1908" in text for text in added)


def test_rewording_supported_by_the_original_is_not_a_claim() -> None:
    b = ORIGINAL.replace(
        "Mayor Helen Varga said the decision had not been taken lightly.",
        "Mayor Helen Varga told reporters that the decision had not been taken lightly.",
    )
    c = compare(ORIGINAL, b)
    assert [p.status for p in c.pairs].count(Status.REWORDED) == 1
    assert not c.claims


def test_new_figure_in_reworded_sentence_is_a_claim() -> None:
    b = ORIGINAL.replace("€1.8 million", "€2.4 million")
    c = compare(ORIGINAL, b)
    assert [(cl.kind, cl.category.value, cl.text) for cl in c.claims] == [
        (ClaimKind.DROPPED, "number", "€1.8 million"),
        (ClaimKind.ADDED, "number", "€2.4 million"),
    ]


def test_boilerplate_is_shown_but_never_claimed() -> None:
    b = ORIGINAL + "\n\nPhoto: A. Person/Alamy\n\nRecommended Articles"
    c = compare(ORIGINAL, b)
    furniture = [p for p in c.pairs if p.status is Status.BOILERPLATE]
    assert len(furniture) == 2
    assert not c.claims
    assert not c.has_differences


# --- invariants -----------------------------------------------------------------------------

SENTENCES = st.sampled_from(
    [
        "The bridge closed on Thursday.",
        "Engineers found corrosion in the supports.",
        "Mayor Helen Varga said the decision was hard.",
        "Repairs will cost €1.8 million.",
        "Ferries will run every hour.",
        "“We will reopen by September,” Varga said.",
        "The town has about 9,000 people.",
        "A new road opened in Kilbrannan in 1908.",
        "Recommended Articles",
        "Traffic was diverted for over two years.",
        'The mayor told the council "We are ready for the work" on Monday.',
    ]
)
ARTICLES = st.lists(
    st.lists(SENTENCES, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=5
).map("\n\n".join)


def check_pairs(c: Comparison) -> None:
    for side, doc in ((Side.A, c.a), (Side.B, c.b)):
        seen: list[int] = []
        for pair in c.pairs:
            seen.extend(pair.a if side is Side.A else pair.b)
        assert len(seen) == len(set(seen)), "each sentence is in at most one pair"
        expected = {s.id for s in doc.sentences if s.kind is not SentenceKind.META}
        assert set(seen) == expected, "every sentence is shown exactly once"
    for claim in c.claims:
        doc = c.document(claim.side)
        assert doc.text[claim.start : claim.end] == claim.text
    for quote in c.quotes:
        doc = c.document(quote.side)
        assert doc.text[quote.start : quote.end] == quote.text


@settings(max_examples=80, deadline=None)
@given(ARTICLES, ARTICLES)
def test_each_sentence_once_and_offsets_map_back(a: str, b: str) -> None:
    check_pairs(compare(a, b))


@settings(max_examples=60, deadline=None)
@given(ARTICLES)
def test_compare_with_itself_is_all_same(a: str) -> None:
    c = compare(a, a)
    assert all(p.status in (Status.SAME, Status.BOILERPLATE) for p in c.pairs)
    assert not c.claims
    assert all(q.status.value == "verbatim" for q in c.quotes)


@settings(max_examples=80, deadline=None)
@given(ARTICLES, st.lists(st.integers(0, 200), max_size=8))
@example('The mayor told the council "We are ready for the work" on Monday.', [5])
def test_an_article_against_itself_broken_over_lines_keeps_the_invariants(
    a: str, breaks: list[int]
) -> None:
    # A line break between any two words (hard wrapping, a pasted paragraph): sentences
    # then split in two on one side only, and "same" groups pair one with two; the
    # quotation check once read such groups as parallel and crashed.
    words = a.split(" ")
    for at in sorted({b % len(words) for b in breaks if b % len(words)}, reverse=True):
        words[at - 1] += "\n"
    b = " ".join(words).replace("\n ", "\n")
    c = compare(a, b)
    check_pairs(c)
    assert not [x for x in c.claims if x.category.value not in ("assertion", "quotation")]


@settings(max_examples=60, deadline=None)
@given(ARTICLES, ARTICLES)
def test_swapping_sides_swaps_added_and_dropped(a: str, b: str) -> None:
    forward = compare(a, b)
    backward = compare(b, a)

    def groups(c: Comparison, status: Status, side: str) -> set[tuple[int, ...]]:
        return {getattr(p, side) for p in c.pairs if p.status is status}

    assert groups(forward, Status.ADDED, "b") == groups(backward, Status.DROPPED, "a")
    assert groups(forward, Status.DROPPED, "a") == groups(backward, Status.ADDED, "b")

    def claims(c: Comparison, kind: ClaimKind) -> list[tuple[str, str]]:
        return sorted(
            (cl.category.value, cl.text)
            for cl in c.claims
            if cl.kind is kind and cl.category.value != "quotation"
        )

    assert claims(forward, ClaimKind.ADDED) == claims(backward, ClaimKind.DROPPED)
    assert claims(forward, ClaimKind.DROPPED) == claims(backward, ClaimKind.ADDED)


def test_document_from_text_and_compare_accept_documents() -> None:
    a = document_from_text(ORIGINAL, path="a.txt")
    c = compare(a, a)
    assert c.a.path == "a.txt" and c.a.sentences[0].status is Status.SAME


@settings(max_examples=40, deadline=None)
@given(ARTICLES, ARTICLES)
def test_compare_is_align_pair_then_annotate(a: str, b: str) -> None:
    from diffreader.engine import align_pair, annotate

    aligned = align_pair(a, b)
    assert aligned.claims == () and aligned.quotes == ()
    assert annotate(aligned) == compare(a, b)


FIGURES = (
    "The bridge carries 4,300 vehicles a day. Repairs will cost €1.8 million, with the council "
    "paying 60 per cent. The work will take six months, starting on March 23."
)


def test_figures_written_another_way_are_not_claims() -> None:
    b = (
        "The bridge carries 4300 vehicles daily. Repairs will cost €1.8m, with the council "
        "paying 60%. The work will take 6 months, starting 23 March."
    )
    assert compare(FIGURES, b).claims == ()


def test_changed_figures_are_claims_with_their_units() -> None:
    b = (
        "The bridge carries 4,800 vehicles daily. Repairs will cost €2.1m, with the council "
        "paying 40%. The work will take 8 months, starting 23 April."
    )
    c = compare(FIGURES, b)
    added = {(x.category.value, x.text) for x in c.claims if x.kind is ClaimKind.ADDED}
    dropped = {(x.category.value, x.text) for x in c.claims if x.kind is ClaimKind.DROPPED}
    assert {("number", "4,800"), ("number", "€2.1m"), ("number", "40%")} <= added
    assert ("duration", "8 months") in added
    assert {("number", "4,300"), ("number", "€1.8 million"), ("number", "60 per cent")} <= dropped
    assert ("duration", "six months") in dropped


_REPEATED = st.sampled_from(
    [
        "The bridge shut.",
        "the  bridge shut.",
        "The “bridge” shut.",
        'The "bridge" shut.',
        "Ferries ran every hour.",
        "It rained.",
    ]
)


@settings(max_examples=60)
@given(st.lists(_REPEATED, max_size=12), st.lists(_REPEATED, max_size=12))
def test_alike_sentences_are_paired_in_order(a: list[str], b: list[str]) -> None:
    """Sentences alike but for case, quote marks and spacing are paired first: the k-th
    of B with the k-th of A, as long as A has one (the exact matching of
    ``compare._align_documents``, whose queues hold only A sentences B has)."""
    doc_a = document_from_text("\n\n".join(a))
    doc_b = document_from_text("\n\n".join(b))
    groups = compare_module._align_documents(doc_a, doc_b)
    key = compare_module._norm
    expected: list[tuple[int, int]] = []
    taken: set[int] = set()
    for sb in doc_b.sentences:
        if sb.kind is not SentenceKind.BODY:
            continue
        found = next(
            (
                sa.id
                for sa in doc_a.sentences
                if sa.kind is SentenceKind.BODY
                and sa.id not in taken
                and key(sa.text) == key(sb.text)
            ),
            None,
        )
        if found is not None:
            taken.add(found)
            expected.append((found, sb.id))
    exact = [(g.a[0], g.b[0]) for g in groups if g.score == 1.0 and len(g.a) == len(g.b) == 1]
    assert exact[: len(expected)] == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(1, 30_000), min_size=1, max_size=60),
    st.integers(1, 4),
)
def test_the_word_diffs_first_range_is_longer_by_what_children_send(
    costs: list[int], parts: int
) -> None:
    """``_split_sending``: as many ranges as ``parallel.split`` makes, covering the costs
    in order, the first (this process's) nearest a share of the total ``_SENDING`` more
    than each other range's."""
    parallel = importlib.import_module("diffreader.engine.parallel")
    bounds = compare_module._split_sending(costs, parts)
    plain = parallel.split(costs, parts)
    assert len(bounds) == len(plain)
    assert bounds[0] == 0 and bounds[-1] == len(costs)
    assert all(lo < hi for lo, hi in pairwise(bounds))
    ranges = len(bounds) - 1
    if ranges < 2:
        assert bounds == plain
        return
    total = sum(costs)
    target = total * (1 + compare_module._SENDING) / (ranges + compare_module._SENDING)
    first = sum(costs[: bounds[1]])
    # No other cut, leaving an item for each later range, comes nearer the target.
    cuts = range(1, len(costs) - ranges + 2)
    assert abs(first - target) <= min(abs(sum(costs[:cut]) - target) for cut in cuts)


_SENTENCE_TEXTS = st.lists(st.sampled_from(["", "Aid rose.", "Aid fell.", "aid rose."]), min_size=1)


@settings(max_examples=200, deadline=None)
@given(
    _SENTENCE_TEXTS,
    _SENTENCE_TEXTS,
    st.lists(st.integers(0, 20), max_size=3),
    st.lists(st.integers(0, 20), max_size=3),
)
def test_a_groups_diff_weight_is_the_characters_its_word_diff_reads(
    a_texts: list[str], b_texts: list[str], a_ids: list[int], b_ids: list[int]
) -> None:
    """``_diff_weight``, one-sentence sides read without lists: the plain formula."""
    align_module = importlib.import_module("diffreader.engine.align")
    doc_a = document_from_text("\n\n".join(t or "x" for t in a_texts))
    doc_b = document_from_text("\n\n".join(t or "x" for t in b_texts))
    group = align_module.Group(
        [i % len(doc_a.sentences) for i in a_ids], [i % len(doc_b.sentences) for i in b_ids]
    )
    a_side = [doc_a.sentences[i].text for i in group.a]
    b_side = [doc_b.sentences[i].text for i in group.b]
    plain = 0 if not (a_side and b_side) or a_side == b_side else sum(map(len, a_side + b_side))
    assert compare_module._diff_weight(group, doc_a, doc_b) == plain


def test_spacing_alone_is_no_change() -> None:
    """A word wrapped at its hyphen ("long-" / "term"), a space before a mark: layout, not
    content. The group was "reworded" with nothing to show, and the exit status 1."""
    a = "The plan is a long-term fix, the mayor said .\n\nThe bridge shut on Monday.\n"
    b = "The plan is a long- term fix, the mayor said.\n\nThe bridge shut on Monday.\n"
    c = compare(a, b)
    assert [p.status.value for p in c.pairs] == ["same", "same"]
    changed = compare(a, b.replace("long- term", "short-term"))
    assert [p.status.value for p in changed.pairs] == ["reworded", "same"]


def test_an_editorial_insertion_over_a_line_break_is_left_out_of_the_quotation() -> None:
    """Hard-wrapped text can break a line inside "[former US President Joe]": the
    quotation is still the original's, word for word (it was "altered")."""
    import textwrap

    paragraph = (
        'Specifically in response to the former ambassador, Dmitriev said: "Wrong. Peace is '
        "close because of the dialogue. Idiotic [former US President Joe] Biden's approaches "
        'failed. Sanctions failed. Dialogue is the way." He went on to say more about it.'
    )
    others = [
        "Lavrov also added his voice to the ways in which the West has failed to bring the "
        "country to its knees, speaking in fresh comments on the drive to isolate it.",
        "The two leaders are expected to speak again in the coming weeks, according to "
        "officials in both capitals who asked not to be named because the talks are private.",
        "Markets in the region rose on the news, with the currency gaining against the dollar "
        "for the third day in a row as traders bet on an easing of the sanctions.",
    ]
    a = "\n\n".join([paragraph, *others]) + "\n"
    for width in range(40, 80, 3):
        b = "\n\n".join(textwrap.fill(p, width) for p in [paragraph, *others]) + "\n"
        statuses = [q.status.value for q in compare(a, b).quotes]
        assert statuses == ["verbatim"], (width, statuses)


def test_a_changed_figure_in_chinese_or_japanese_is_a_word_diff_not_a_new_sentence() -> None:
    """Chinese and Japanese put no space between words: their sentences end at 。 and
    each character is a token, so a figure changed in a sentence shows as that change
    in a reworded sentence (it read as the whole paragraph dropped and another added)."""
    original = "新桥下月开放\n\n新桥全长三百米，耗资约四千万元。附近居民表示欢迎。\n"
    rewrite = "新桥下月开放\n\n新桥全长三百米，耗资约五千万元。附近居民表示欢迎。\n"
    c = compare(original, rewrite)
    assert [p.status for p in c.pairs] == [Status.SAME, Status.REWORDED, Status.SAME]
    reworded = c.pairs[1]
    changes = [
        (original[op.a_start : op.a_end], rewrite[op.b_start : op.b_end])
        for op in reworded.ops
        if op.op.value != "equal"
    ]
    assert changes == [("四", ""), ("", "五")]
