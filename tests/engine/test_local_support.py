"""Local support and netting (issue 9, mechanisms 1 and 4): a changed clause of a reworded
group is judged against the sentences it is aligned with, their neighbours and their
paragraph before the whole article, and rewording is netted only against related content."""

from __future__ import annotations

from collections.abc import Collection

from hypothesis import given, settings
from hypothesis import strategies as st

from diffreader.engine import ClaimCategory, Comparison, Side, Status, compare
from diffreader.engine.claims import (
    _EQUIVALENT_STEMS,
    _GENERIC,
    Support,
    _LocalSupport,
    _may_inform,
    _StemIndex,
)
from diffreader.engine.load import document_from_text
from diffreader.engine.text import STOPWORDS, stem

BRIDGE_A = (
    "The river authority closed the old bridge on Monday after engineers found cracks in "
    "two of its supports.\n\n"
    "Drivers face a detour of several miles. The school bus route has been changed.\n\n"
    "A ferry for cyclists will run until repairs are finished. The harbour master said "
    "the boat can carry forty bikes.\n\n"
    "Separately, the authority said flood barriers on the east bank had been tested."
)


def _rewrite(first_sentence: str) -> str:
    return BRIDGE_A.replace(BRIDGE_A.split("\n\n")[0], first_sentence)


def assertions(c: Comparison, side: Side) -> list[str]:
    return [x.text for x in c.claims if x.side is side and x.category is ClaimCategory.ASSERTION]


def test_words_scattered_over_the_article_do_not_support_a_new_clause() -> None:
    # "school" and "ferry" each occur in another paragraph of A, never together: the
    # clause is new (the whole article as a bag of words would call it supported).
    b = _rewrite(
        "The river authority shut the old bridge on Monday, citing cracks in two supports "
        "and a school ferry accident, after engineers inspected it."
    )
    c = compare(BRIDGE_A, b)
    assert c.pairs[0].status is Status.REWORDED
    assert any("school ferry accident" in text for text in assertions(c, Side.B))


def test_content_moved_from_another_paragraph_is_rewording() -> None:
    # The same words stand together in one paragraph of A: moved, not new.
    b = _rewrite(
        "The river authority closed the old bridge on Monday after engineers found cracks "
        "in two of its supports, while a ferry for cyclists will run until repairs finish."
    )
    c = compare(BRIDGE_A, b)
    assert assertions(c, Side.B) == []
    assert assertions(c, Side.A) == []


MUSEUM_A = (
    "The town museum reopened on Saturday after a two-year renovation, although the east "
    "wing remains closed because of damp in the walls. Visitors queued from early morning."
)
MUSEUM_B = (
    "The town museum reopened on Saturday after a two-year renovation, and entry will be "
    "free for local pensioners throughout the season. Visitors queued from early morning."
)


def test_an_unrelated_addition_does_not_excuse_a_drop() -> None:
    c = compare(MUSEUM_A, MUSEUM_B)
    assert any("east wing remains closed" in text for text in assertions(c, Side.A))
    assert any("free for local pensioners" in text for text in assertions(c, Side.B))


def test_netting_is_symmetric() -> None:
    forward, backward = compare(MUSEUM_A, MUSEUM_B), compare(MUSEUM_B, MUSEUM_A)
    assert assertions(forward, Side.A) == assertions(backward, Side.B)
    assert assertions(forward, Side.B) == assertions(backward, Side.A)


def test_a_small_replacement_is_rewording_whatever_its_words() -> None:
    # "suffered minor injuries" and "were slightly hurt" share no word, but they face each
    # other in one small hunk of the word diff: a paraphrase.
    c = compare(
        "The rope snapped as two climbers crossed the north face; both suffered minor injuries.",
        "The rope snapped as two climbers crossed the north face; both were slightly hurt.",
    )
    assert c.pairs[0].status is Status.REWORDED
    assert c.claims == ()


def test_a_related_rewording_of_a_clause_stays_quiet() -> None:
    c = compare(
        "Health officials said the outbreak at the care home was linked to a family visit "
        "from abroad, and that residents were recovering.",
        "The outbreak at the care home has been traced to relatives visiting from overseas, "
        "health officials said, adding that residents were recovering.",
    )
    assert assertions(c, Side.A) == []
    assert assertions(c, Side.B) == []


_LOCAL_VOCABULARY = ["bridge", "ferry", "school", "river", "Kyiv", "Ukraine", "Jan.", "January"]
_LOCAL_WORDS = st.sampled_from([*_LOCAL_VOCABULARY, "bus", "the"])
_LOCAL_SENTENCES = st.lists(_LOCAL_WORDS, min_size=1, max_size=5).map(
    lambda words: " ".join(words).capitalize() + "."
)
_LOCAL_ARTICLES = st.lists(
    st.lists(_LOCAL_SENTENCES, min_size=1, max_size=15), min_size=1, max_size=4
).map(lambda paragraphs: "\n\n".join(" ".join(p) for p in paragraphs))


@settings(max_examples=60, deadline=None)
@given(_LOCAL_ARTICLES, st.data())
def test_the_neighbourhood_is_the_neighbours_and_the_short_paragraphs(
    text: str, data: st.DataObject
) -> None:
    # ``near`` reads a short paragraph's stems in place of its sentences' (a paragraph
    # holds them): it must answer as the definition does, every neighbour and every short
    # paragraph of the group searched, and an equivalent form ("kyiv" for "ukraine") too.
    doc = document_from_text(text)
    n = len(doc.sentences)
    first = data.draw(st.integers(0, n - 1))
    ids = list(range(first, data.draw(st.integers(first, min(n - 1, first + 2))) + 1))
    index = _StemIndex(doc)
    judge = _LocalSupport(doc, ids, Support.of(doc), index)
    neighbours = {j for i in ids for j in (i - 1, i, i + 1) if 0 <= j < n}
    places: list[Collection[str]] = [index.sentence(j) for j in neighbours]
    places += [
        index.paragraph(p) for p in {doc.sentences[i].paragraph for i in ids} if index.is_short(p)
    ]
    for word in {stem(w.lower().rstrip(".")) for w in _LOCAL_VOCABULARY}:
        forms = (word, *_EQUIVALENT_STEMS.get(word, ()))
        assert judge.near(word) == any(f in place for f in forms for place in places)


def _count_by_definition(judge: _LocalSupport, keys: list[str]) -> int:
    """``_LocalSupport.count`` as first written: every word looked for around the group."""
    far: list[str] = []
    count = 0
    for key in keys:
        if key in STOPWORDS or len(key) < 3:
            continue
        s = stem(key)
        if s in _GENERIC or judge.near(s):
            continue
        if s in judge.support.stems:
            far.append(s)
        else:
            count += 1
    if len(set(far)) <= 1:
        return count
    paragraphs = {w: set(judge.index.paragraphs(w)) for w in far}
    return count + sum(
        1 for w in far if not any(paragraphs[w] & paragraphs[v] for v in set(far) - {w})
    )


@settings(max_examples=60, deadline=None)
@given(_LOCAL_ARTICLES, st.lists(st.sampled_from([*_LOCAL_VOCABULARY, "Feb.", "Lviv"])), st.data())
def test_the_informative_count_is_its_definition(
    text: str, words: list[str], data: st.DataObject
) -> None:
    # ``count`` skips the look around the group for a word the article lacks (unless an
    # equivalent form may stand near it): the count must be the definition's.
    doc = document_from_text(text)
    first = data.draw(st.integers(0, len(doc.sentences) - 1))
    index = _StemIndex(doc)
    judge = _LocalSupport(doc, [first], Support.of(doc), index)
    keys = [k.lower().rstrip(".") for k in words]
    assert judge.count(keys) == _count_by_definition(judge, keys)


def test_a_word_the_article_states_only_in_another_form_is_near() -> None:
    # "January" is not among the article's stems, but "Jan." stands near it: no new word.
    doc = document_from_text("The ferry sails on Jan. 5 from the bridge.")
    judge = _LocalSupport(doc, [0], Support.of(doc), _StemIndex(doc))
    assert "january" not in judge.support.stems
    assert judge.count(["january", "ferry", "harbour"]) == 1
    assert judge.count(["january", "harbour"]) == _count_by_definition(
        judge, ["january", "harbour"]
    )


@settings(max_examples=60, deadline=None)
@given(
    _LOCAL_ARTICLES,
    st.lists(st.sampled_from([*_LOCAL_VOCABULARY, "Lviv", "the", "of", "an", "and", "4.5%"])),
    st.data(),
)
def test_the_informative_count_is_at_most_its_bound(
    text: str, words: list[str], data: st.DataObject
) -> None:
    # A group whose clauses all have fewer than three words ``_may_inform`` accepts is not
    # judged at all (its clauses could not be netted): the bound must hold for any words.
    doc = document_from_text(text)
    first = data.draw(st.integers(0, len(doc.sentences) - 1))
    judge = _LocalSupport(doc, [first], Support.of(doc), _StemIndex(doc))
    keys = [k.lower().rstrip(".") for k in words]
    assert judge.count(keys) <= sum(map(_may_inform, keys))
