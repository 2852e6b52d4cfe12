"""Local support and netting (issue 9, mechanisms 1 and 4): a changed clause of a reworded
group is judged against the sentences it is aligned with, their neighbours and their
paragraph before the whole article, and rewording is netted only against related content."""

from __future__ import annotations

from diffreader.engine import ClaimCategory, Comparison, Side, Status, compare

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
