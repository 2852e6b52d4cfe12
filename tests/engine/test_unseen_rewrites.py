"""Rewrites the engine was not tuned on: a quiet update, a pure paraphrase and a reordered
update with changed figures and speaker.

The paraphrase says nothing the original does not (reordered clauses, synonyms, passive
voice, a sentence merged into its neighbour), so it must produce no claim at all. The update
adds figures, a place, an organisation, a person and a changed quotation, and each must be
found.
"""

from __future__ import annotations

from pathlib import Path

from diffreader.engine import ClaimKind, Document, QuoteStatus, Status, compare, load_document

DATA = Path(__file__).resolve().parents[1] / "data"


def load(name: str) -> Document:
    return load_document(DATA / f"school_{name}.txt")


def test_pure_paraphrase_has_no_claims() -> None:
    c = compare(load("original"), load("paraphrase"))
    assert c.claims == ()
    assert {p.status for p in c.pairs} == {Status.REWORDED}
    # "Two nearby roads remain closed." is folded into the sentence that now carries it.
    merged = [p for p in c.pairs if len(p.a) == 2]
    assert len(merged) == 1
    assert all(q.status is QuoteStatus.VERBATIM for q in c.quotes)


def test_quiet_update_claims() -> None:
    c = compare(load("original"), load("update"))
    added = {(x.category.value, x.text) for x in c.claims if x.kind is ClaimKind.ADDED}
    assert {
        ("duration", "for two weeks"),
        ("duration", "at least two weeks"),
        ("date", "on Wednesday"),
        ("number", "60"),
        ("organisation", "Lune Valley Academy"),
        ("place", "Carnforth"),
        ("number", "£1.2 million"),
        ("person", "James Hartley"),
        ("quotation", "working day and night"),
    } <= added
    dropped = [x.text for x in c.claims if x.kind is ClaimKind.DROPPED]
    # The headline's "for a week" became "for two weeks": the old value is a dropped
    # figure of the substitution layer, beside the dropped sentence.
    assert dropped == ["a week", "Two nearby roads remain closed"]
    altered = [q for q in c.quotes if q.status is QuoteStatus.ALTERED]
    assert len(altered) == 1 and altered[0].source is not None
    assert c.a.text[altered[0].source.start : altered[0].source.end] == "working around the clock"
    # Figures inside an added sentence are nested under it and not counted twice.
    money = next(x for x in c.claims if x.text == "£1.2 million")
    assert c.claims[money.parent].category.value == "assertion"
    assert c.stats.added_claims < len([x for x in c.claims if x.kind is ClaimKind.ADDED])


def test_changed_figures_date_and_speaker_in_a_reordered_update() -> None:
    """Written after the engine: figures, a day and a speaker quietly changed, paragraphs
    reordered, one detail added, the original's attribution dropped."""
    c = compare(
        load_document(DATA / "floods_original.txt"), load_document(DATA / "floods_update.txt")
    )
    claims = {(x.kind.value, x.category.value, x.text) for x in c.claims}
    assert {
        ("dropped", "date", "on Tuesday"),
        ("added", "date", "on Wednesday"),
        ("dropped", "number", "4 million"),
        ("added", "number", "6 million"),
        ("dropped", "number", "Twelve"),
        ("added", "number", "Fifteen"),
        ("added", "place", "Tønsberg"),
        ("added", "person", "Per Holm"),
        ("dropped", "person", "Ingrid Dahl"),
        ("dropped", "role", "spokeswoman for the rail operator"),
    } <= claims
    # Rewording the original supports is not a claim.
    texts = {x.text for x in c.claims}
    assert not texts & {"Torrential", "shut", "railway", "stranding roughly", "3,000"}
    (quote,) = [q for q in c.quotes if q.side.value == "b"]
    assert quote.status is QuoteStatus.ALTERED and quote.speaker_changed
    assert (quote.source_speaker, quote.speaker) == ("Ingrid Dahl", "Holm")
    assert sum(p.status is Status.MOVED for p in c.pairs) == 2
