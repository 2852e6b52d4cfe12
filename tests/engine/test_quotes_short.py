"""Short quotations (issue 9): a quotation of one to three words is verbatim only when it
describes the same thing; the A side of an altered quotation shows what it lost."""

from __future__ import annotations

import pytest

from diffreader.engine import Comparison, QuoteStatus, Side, compare

CONTEXT = "Police in Dunmore have arrested two men. Officers said patrols would be increased."


def _statuses(c: Comparison, side: Side) -> dict[str, QuoteStatus]:
    return {q.text.strip(".,"): q.status for q in c.quotes if q.side is side}


def _compare(a: str, b: str) -> Comparison:
    return compare(f"{CONTEXT} {a}", f"{CONTEXT} {b}")


def test_a_word_said_of_something_else_is_a_new_quotation() -> None:
    c = _compare(
        'Residents described the burglars as "reckless" after a house was broken into.',
        'Residents called the police response "reckless" after a house was broken into.',
    )
    assert _statuses(c, Side.B) == {"reckless": QuoteStatus.NEW}
    assert _statuses(c, Side.A) == {"reckless": QuoteStatus.DROPPED}


def test_the_relation_is_symmetric() -> None:
    a = 'Residents described the burglars as "reckless" after a house was broken into.'
    b = 'Residents called the police response "reckless" after a house was broken into.'
    assert _statuses(_compare(b, a), Side.B) == {"reckless": QuoteStatus.NEW}


def test_a_word_said_of_the_same_thing_stays_verbatim() -> None:
    c = _compare(
        'Residents described the burglars as "reckless" after a house was broken into.',
        'After a house was broken into, residents said the burglars were "reckless".',
    )
    assert _statuses(c, Side.B) == {"reckless": QuoteStatus.VERBATIM}


def test_a_short_excerpt_of_a_longer_quotation_is_checked_in_its_place() -> None:
    # "reckless" in A describes the drivers inside the quotation; B says it of the police.
    c = _compare(
        'A resident said: "The drivers were reckless. Nobody stopped them."',
        'A resident called the police "reckless" for failing to stop the drivers.',
    )
    assert _statuses(c, Side.B) == {"reckless": QuoteStatus.NEW}
    c = _compare(
        'A resident said: "The drivers were reckless. Nobody stopped them."',
        'A resident said the drivers were "reckless".',
    )
    assert _statuses(c, Side.B) == {"reckless": QuoteStatus.VERBATIM}


def test_a_quoted_noun_phrase_names_its_own_referent() -> None:
    c = _compare(
        'He said the "isolation attempts" had failed.',
        'He contrasted dialogue with what he called the "isolation attempts" of the past.',
    )
    assert _statuses(c, Side.B) == {"isolation attempts": QuoteStatus.VERBATIM}


def test_the_source_of_an_altered_quotation_holds_what_it_lost() -> None:
    c = _compare(
        "“We believe the inspector made a serious error in law,” said the solicitor.",
        "“We know the inspector made a serious error in law,” the solicitor said.",
    )
    (quote,) = [q for q in c.quotes if q.side is Side.B]
    assert quote.status is QuoteStatus.ALTERED
    assert quote.source is not None
    assert c.a.text[quote.source.start : quote.source.end].startswith("We believe")
    lost = [c.a.text[op.a_start : op.a_end] for op in quote.ops if op.op.value == "delete"]
    assert "believe" in " ".join(lost)


@pytest.mark.parametrize(
    ("a", "b", "status"),
    [
        # "it was 'devastated'": said of the speaker, which one side names and the other
        # calls "the company"; the words before the reporting verb are who, not what.
        ('The company said it was "devastated" and was helping the police.',
         'Harrowgate Foods said it was "devastated" and was helping the police.',
         QuoteStatus.VERBATIM),
        # Said of something else after the verb, the word is still a new quotation.
        ('The company said the fire was "devastating" and was helping the police.',
         'Harrowgate Foods said the response was "devastating" and was helping the police.',
         QuoteStatus.NEW),
    ],
)  # fmt: skip
def test_a_word_a_speaker_says_of_itself_stays_verbatim_whoever_names_it(
    a: str, b: str, status: QuoteStatus
) -> None:
    word = b.split('"')[1]
    assert _statuses(_compare(a, b), Side.B) == {word: status}
