"""Quotation checks: verbatim despite marks, brackets and ellipses; altered; new; speakers."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diffreader.engine import QuoteStatus, Side, compare
from diffreader.engine import quotes as quotes_module
from diffreader.engine.model import ClaimCategory

ORIGINAL = (
    'Mayor Helen Varga said: "We will reopen [the Lanner Street] bridge by September, '
    'and we will publish a report every week until then."\n\n'
    "Harbour master Ines Okafor said the fleet would suffer. "
    "“Boats will lose about forty minutes on each trip,” she said."
)


def quotes_of(rewrite: str) -> dict[str, tuple[QuoteStatus, str | None, bool]]:
    c = compare(ORIGINAL, rewrite)
    return {
        q.text: (q.status, q.source_speaker, q.speaker_changed)
        for q in c.quotes
        if q.side is Side.B
    }


def test_verbatim_modulo_marks_brackets_and_ellipses() -> None:
    rewrite = (
        "Varga said: “We will reopen bridge by September … we will publish a report every week "
        'until then." Okafor said: "Boats will lose about forty minutes on each trip."'
    )
    found = quotes_of(rewrite)
    assert {status for status, _, _ in found.values()} == {QuoteStatus.VERBATIM}


def test_altered_quotation_keeps_its_source_and_diff() -> None:
    c = compare(
        ORIGINAL,
        'Varga said: "We will reopen the bridge before summer, and we will publish a report '
        'every week until then."',
    )
    quote = next(q for q in c.quotes if q.side is Side.B)
    assert quote.status is QuoteStatus.ALTERED
    assert quote.source is not None
    assert "by September" in c.a.text[quote.source.start : quote.source.end]
    inserted = {c.b.text[o.b_start : o.b_end] for o in quote.ops if o.op.value == "insert"}
    assert any("summer" in text for text in inserted)


def test_new_quotation_is_a_claim() -> None:
    c = compare(ORIGINAL, ORIGINAL + '\n\nA fisherman said: "Nobody asked us about any of this."')
    new = [q for q in c.quotes if q.status is QuoteStatus.NEW]
    assert [q.text for q in new] == ["Nobody asked us about any of this."]
    assert any(x.category.value == "quotation" and x.side is Side.B for x in c.claims)


def test_quotation_given_to_another_speaker_is_flagged() -> None:
    rewrite = ORIGINAL.replace("she said.", "Mayor Varga said.")
    c = compare(ORIGINAL, rewrite)
    moved = [q for q in c.quotes if q.side is Side.B and q.speaker_changed]
    assert len(moved) == 1
    assert moved[0].status is QuoteStatus.VERBATIM
    assert moved[0].source_speaker is not None and "Okafor" in moved[0].source_speaker
    assert any(x.category.value == "quotation" and x.side is Side.B for x in c.claims)


def test_a_pronoun_speaks_for_the_person_a_pronoun_spoke_for_before_not_a_place() -> None:
    # "she said" in the sentence before passes the question on; "the Harbour Office" is a
    # place, though two capitalised words.
    original = (
        "Harbourmaster Wilhelmina Tarbet said on Monday the quay would reopen.\n\n"
        '"The repairs are finished and the quay is safe," Ms Tarbet said.'
    )
    rewrite = (
        "Wilhelmina Tarbet, the harbourmaster, said on Monday the quay would reopen. "
        "Speaking to traders at the Harbour Office, she said the work had gone well.\n\n"
        '"The repairs are finished and the quay is safe," she told them.'
    )
    c = compare(original, rewrite)
    assert {q.speaker for q in c.quotes if q.side is Side.B} == {"Wilhelmina Tarbet"}
    assert not any(q.speaker_changed for q in c.quotes)


def test_a_pronouns_speaker_is_the_person_said_to_speak_however_the_text_is_wrapped() -> None:
    """ "she said" after "... Marsh Society warden Dr. Ada Quell said ...": the speaker is
    the warden, not the word "Society" (an organisation's two capitalised words read as
    a person's name), and a copy hard-wrapped at any width finds the same one: no quotation
    is said to change speaker because of line breaks."""
    original = (
        "Wardens from the Saltmoor Marsh Society counted 140 nesting terns this spring.\n\n"
        "Marsh Society warden Dr. Ada Quell said the rise followed a quieter shore. "
        '"Since the path closed, fewer walkers cross the dunes and the birds stay," she said.'
    )
    speakers = {q.speaker for q in compare(original, original).quotes}
    assert speakers == {"Ada Quell"}
    for width in (40, 50, 60, 72):
        wrapped = "\n\n".join(textwrap.fill(p, width) for p in original.split("\n\n"))
        c = compare(original, wrapped)
        assert {q.speaker for q in c.quotes if q.side is Side.B} == {"Ada Quell"}, width
        assert not any(q.speaker_changed for q in c.quotes), width
        assert not c.claims, width


def test_a_chinese_quotation_broken_over_a_line_is_verbatim() -> None:
    """Each Han character is a word of the quotation (as of the sentence), so a line break
    inside a hard-wrapped Chinese quotation changes none of its words."""
    one_line = "工程师王丽华说：“我们在设计时特别考虑了骑自行车的市民，桥面两侧各留出了车道。”\n"
    wrapped = one_line.replace("各留出", "各留\n出")
    c = compare(one_line, wrapped)
    assert [(q.side, q.status) for q in c.quotes] == [(Side.B, QuoteStatus.VERBATIM)]
    assert not c.claims


def test_dropped_quotation_is_reported_on_side_a() -> None:
    c = compare(ORIGINAL, "Mayor Helen Varga spoke about the bridge.")
    dropped = [q for q in c.quotes if q.status is QuoteStatus.DROPPED]
    assert len(dropped) == 2 and all(q.side is Side.A for q in dropped)


def test_the_source_of_an_altered_quotation_is_the_same_in_every_run(tmp_path: Path) -> None:
    """Ten quotations of A share two words each with B's: which eight are searched must
    not hang on set order, which changes with each process's string hashing."""
    words = ["harbour", "ferry", "tunnel", "market", "bridge"]
    names = ["Lind", "Varga", "Moen", "Reyes", "Aske", "Berg", "Novak", "Keller", "Quill", "Berg"]
    original = "\n\n".join(
        f"“The {x} and the {y} will close,” said {name}."
        for (x, y), name in zip(itertools.combinations(words, 2), names, strict=True)
    )
    rewrite = "“The harbour, ferry, tunnel, market and bridge will close,” said Haddad."
    (tmp_path / "a.txt").write_text(original, encoding="utf-8")
    (tmp_path / "b.txt").write_text(rewrite, encoding="utf-8")
    sources = set()
    for seed in ("0", "1", "2", "3", "4", "5", "6", "7"):
        done = subprocess.run(
            [sys.executable, "-m", "diffreader", "a.txt", "b.txt", "--format", "json"],
            cwd=tmp_path,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 1, done.stderr
        (quote,) = [q for q in json.loads(done.stdout)["quotes"] if q["side"] == "b"]
        assert quote["status"] == "altered"
        sources.add((quote["source"]["start"], quote["source"]["end"]))
    assert len(sources) == 1


def test_marks_left_open_end_at_the_next_mark_of_their_kind() -> None:
    """A wall of quotations whose marks open and never close: each is its own sentence's,
    not one quotation running on to the end of the paragraph (whose fuzzy search took
    time as the square of the article's length)."""
    from diffreader.engine.load import document_from_text
    from diffreader.engine.quotes import find_quotations

    sentences = [f"“the ferry {word} was late again today." for word in ("one", "two", "six")]
    doc = document_from_text(" ".join(sentences * 40))
    found = [doc.text[q.start : q.end].strip() for q in find_quotations(doc)]
    assert len(found) == 120
    assert set(found) == {s[1:] for s in sentences}


def test_a_stray_mark_far_from_any_close_opens_no_quotation() -> None:
    from diffreader.engine.quotes import _LONGEST_QUOTATION, _raw_quotes

    filler = "the council met again and spoke of the bridge " * (_LONGEST_QUOTATION // 40)
    text = f"“{filler} Later she said “it will close” and left. {filler}”"
    assert [text[s:e] for s, e in _raw_quotes(text, 0, len(text))] == ["it will close"]
    straight = f'"{filler} Then "it will close" said Lind.'
    assert [straight[s:e] for s, e in _raw_quotes(straight, 0, len(straight))] == ["it will close"]


def test_an_open_quotation_in_a_wall_of_text_is_not_taken_whole() -> None:
    from diffreader.engine.quotes import _LONGEST_QUOTATION, _raw_quotes

    wall = "“" + "the council met again and spoke of the bridge " * (_LONGEST_QUOTATION // 20)
    assert _raw_quotes(wall, 0, len(wall)) == []
    paragraph = "“We will rebuild it, and we will do it this year, whatever it costs."
    assert _raw_quotes(paragraph, 0, len(paragraph)) == [(1, len(paragraph))]


WRAPPED_SENTENCES = st.lists(
    st.sampled_from(
        [
            "The Kelby folk festival drew a record crowd of more than 30,000 people on Sunday.",
            'Director Mairi Lowe said the atmosphere had been "simply magical".',
            "“We were not ready for so many,” a steward admitted.",
            'The council called it "a triumph for the town", and promised more money.',
            "The festival will last three days next year.",
            "Tickets sold out in an hour.",
        ]
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=60, deadline=None)
@given(WRAPPED_SENTENCES, st.integers(12, 90))
def test_hard_wrapping_an_article_alters_no_quotation(sentences: list[str], width: int) -> None:
    # A sentence wrapped over two lines aligns as "same" with one sentence on one side and
    # two on the other; finding its quotation's twin read the sides as parallel and crashed.
    article = " ".join(sentences) + "\n"
    wrapped = "\n".join(textwrap.wrap(article, width)) + "\n"
    c = compare(article, wrapped)
    assert {q.status for q in c.quotes} <= {QuoteStatus.VERBATIM}


def test_a_quotation_in_a_same_group_split_otherwise_on_each_side_is_verbatim() -> None:
    # One sentence in A, two lines of B (a line break before its capital): "same" groups
    # of 1 and 2 sentences; the quotation's twin was looked up as if the sides were
    # parallel (IndexError).
    # (A line of under 60 characters: a longer one, as full as a wrap leaves lines, goes
    # on into the next line whatever it opens with.)
    lead = "The crowd was a record. Mairi Lowe said it had been"
    end = ' "Simply magical". It will last three days next year.\n'
    c = compare(lead + end, lead + "\n" + end.lstrip())
    assert any(len(p.a) != len(p.b) and p.status.value == "same" for p in c.pairs)
    assert [(q.side, q.status) for q in c.quotes] == [(Side.B, QuoteStatus.VERBATIM)]


def test_a_speaker_is_looked_for_near_its_quotation(monkeypatch: pytest.MonkeyPatch) -> None:
    # A sentence of random symbols holds thousands of quotation marks: each quotation's
    # speaker was looked for in the whole sentence, which its cache kept (1 GB for 2 MB).
    from diffreader.engine import quotes
    from diffreader.engine.load import document_from_text

    seen: list[int] = []
    real = quotes._find_speaker

    def measured(before: str, after: str) -> str | None:
        seen.append(max(len(before), len(after)))
        return real(before, after)

    monkeypatch.setattr(quotes, "_find_speaker", measured)
    quotes._remembered_speaker.cache_clear()
    wall = "".join(f"«x{n}y»·" for n in range(1500)) + "."
    found = quotes.find_quotations(document_from_text(f"{wall}\n\n{ORIGINAL}\n"))
    assert len(found) > 1500 and max(seen) <= quotes._SPEAKER_WINDOW
    assert {f.speaker for f in found if f.speaker} >= {"Helen Varga"}
    # Only the short surroundings are remembered (news prose's): the wall's, of up to
    # twice the window, are not kept for the rest of the comparison.
    remembered = quotes._remembered_speaker.cache_info().currsize
    assert 0 < remembered < 100


STRIKE = (
    "Union leader Karen Hollis said the strike would go ahead. “We have no choice left,” "
    "Hollis said. The operator, Portline, said it was disappointed."
)
SPOKESMAN = "“We regret the delay,” said Tom Reed, a Portline spokesman. Work resumes on Monday."


@pytest.mark.parametrize(
    ("a", "b", "speaker", "changed"),
    [
        # The union leader's words given to the company's spokesman: another speaker.
        (
            STRIKE,
            "The strike will go ahead, union leader Karen Hollis said. The operator said it "
            "was disappointed. “We have no choice left,” a Portline spokesman said.",
            "Portline spokesman",
            True,
        ),
        # The same, described in lower case ("a council spokeswoman"): another speaker.
        (
            STRIKE,
            "The strike will go ahead, union leader Karen Hollis said. The operator said it "
            "was disappointed. “We have no choice left,” a rail company spokeswoman told us.",
            "rail company spokeswoman",
            True,
        ),
        # The spokesman's name dropped, his description kept: the same speaker, both ways.
        (
            SPOKESMAN,
            "“We regret the delay,” a Portline spokesman said. Work resumes on Monday.",
            "Portline spokesman",
            False,
        ),
        (
            "“We regret the delay,” a Portline spokesman said. Work resumes on Monday.",
            SPOKESMAN,
            "Tom Reed",
            False,
        ),
        # The speaker named after an organisation's role: the director speaks, not the
        # company, so moving the name before the quotation is the same speaker.
        (
            "“We are grateful for your patience,” said Railbridge's route director, Simone "
            "Achterberg. Work resumes on Monday.",
            "Simone Achterberg, Railbridge's route director, spoke on Friday. “We are grateful "
            "for your patience,” she said. Work resumes on Monday.",
            "Simone Achterberg",
            False,
        ),
        # The speaker named after a team and a role ("said Comets head coach Ignatius
        # Fenlow"): the coach speaks, not the team, so moving the name first is the same
        # speaker; the team's captain is another.
        (
            "“We stopped chasing the game,” said Comets head coach Ignatius Fenlow. Work "
            "resumes on Monday.",
            "Comets head coach Ignatius Fenlow said: “We stopped chasing the game.” Work "
            "resumes on Monday.",
            "Ignatius Fenlow",
            False,
        ),
        (
            "Comets head coach Ignatius Fenlow said: “We stopped chasing the game.” Work "
            "resumes on Monday.",
            "“We stopped chasing the game,” said Comets captain Ottavia Brisk. Work resumes "
            "on Monday.",
            "Ottavia Brisk",
            True,
        ),
        # Named after a role: the minister, not the nurse who said it in A.
        (
            "The chief nurse, Philippa Oduya, spoke at the opening. “The clinic will help,” "
            "she said. Work resumes on Monday.",
            "The clinic opened on Friday. “The clinic will help,” said the health minister, "
            "Barnaby Quill. Work resumes on Monday.",
            "Barnaby Quill",
            True,
        ),
        # The subject speaks, not the name coordinated before the verb ("thanked her
        # producer, Y, and said"): the producer saying it is another speaker.
        (
            "Hallisey thanked her producer, Javier Ostrander, and said: “We made it for "
            "nothing.” Work resumes on Monday.",
            "Hallisey thanked the cast. “We made it for nothing,” said her producer, Javier "
            "Ostrander. Work resumes on Monday.",
            "Javier Ostrander",
            True,
        ),
        # A pronoun's person named after a title ("Critic Rupert Ingledew, who chaired the
        # panel, said …"), not someone from further back.
        (
            "Ada Marsh won. The critic Rupert Ingledew chaired the judges. “It is a fine book,” "
            "he said.",
            "Ada Marsh won. Critic Rupert Ingledew, who chaired the judging panel, said so. "
            "“It is a fine book,” he said.",
            "Critic Rupert Ingledew",
            False,
        ),
        # The same description in another order, in the sentence before the quotation.
        (
            "Tom Reed is a spokesman for the Portline Ferry Company. “We regret the delay,” "
            "Reed said. Work resumes on Monday.",
            "“We regret the delay,” a Portline Ferry Company spokesman said. Work resumes on "
            "Monday.",
            "Portline Ferry Company spokesman",
            False,
        ),
    ],
)
def test_a_speaker_described_rather_than_named(a: str, b: str, speaker: str, changed: bool) -> None:
    (quote,) = [q for q in compare(a, b).quotes if q.side is Side.B]
    assert quote.status is QuoteStatus.VERBATIM
    assert (quote.speaker, quote.speaker_changed) == (speaker, changed)


def test_a_quotation_given_to_another_speaker_is_one_claim() -> None:
    # The change is the quotation's attribution: its speakers' names, which both articles
    # hold, are not claimed again beside it (a dropped "Hollis", an added "Portline").
    b = (
        "The strike will go ahead, union leader Karen Hollis said. The operator, Portline, "
        "said it was disappointed. “We have no choice left,” a Portline spokesman said."
    )
    claims = compare(STRIKE, b).claims
    assert [(c.side, c.category, c.text) for c in claims] == [
        (Side.B, ClaimCategory.QUOTATION, "We have no choice left")
    ]


def test_quotations_in_single_marks_are_checked() -> None:
    # British copy quotes in single marks: a quotation losing its "not" is an altered
    # quotation there as in double marks, and a quotation quoted inside one is part of it.
    a = (
        "The minister spoke in Leeds. 'This is not about blame, it is about \"doing better\",' "
        "she said. ‘We start now,’ her aide added."
    )
    b = (
        "The minister spoke in Leeds. 'This is about blame, it is about \"doing better\",' "
        "she said. ‘We start now,’ her aide added."
    )
    found = [(q.side, q.status, q.text) for q in compare(a, b).quotes]
    assert found == [
        (Side.B, QuoteStatus.ALTERED, 'This is about blame, it is about "doing better"'),
        (Side.B, QuoteStatus.VERBATIM, "We start now"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The players won't play, and the teachers' union agrees with Jones' view.",
        "Prices last rose like this in the '90s, when the old bars closed.",
        "It's the club's best season since the fans' stand was built in '74.",
    ],
)
def test_apostrophes_open_no_quotation(text: str) -> None:
    from diffreader.engine.load import document_from_text

    assert quotes_module.find_quotations(document_from_text(text)) == []


@pytest.mark.parametrize(
    ("before", "after", "speaker"),
    [
        # A description set off after the name: the name speaks, not the description's words.
        (
            "Councillor Ada Rusk, Cabinet Member for Housing and Homelessness, said: ",
            "",
            "Councillor Ada Rusk",
        ),
        ("Ada Rusk, the trust's chief executive, said: ", "", "Ada Rusk"),
        # A title abbreviated with a full stop is part of the name, both ways round.
        ("Dr. Osric Penn, chief medical officer at the regulator, said: ", "", "Dr. Osric Penn"),
        ("", ", said Dr. Osric Penn, the regulator's chief medical officer.", "Dr. Osric Penn"),
        # Two people named before the verb: the last speaks (no description between).
        ("The mayor thanked Anna Bell, and Tom Reed said: ", "", "Tom Reed"),
    ],
)
def test_the_speaker_before_a_description(before: str, after: str, speaker: str) -> None:
    from diffreader.engine.quotes import _find_speaker

    assert _find_speaker(before, after) == speaker
