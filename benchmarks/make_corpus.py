"""Generate a large, realistic corpus of synthetic news articles, with known rewrites.

Every article is made from templates and word lists written for this project (no real
publisher's text): a story has a place, an organisation, two or three people with roles,
figures with units and quotations; its sentences come from per-topic templates, each in
several wordings. Some stories are rewritten one to three ways (each kept sentence
reworded with another wording or kept verbatim, sentences dropped and added, the
headline changed, quotations kept, trimmed or re-attributed); some get a *related* story
(the same place, organisation and one person, a new event, new figures and quotations,
told in its own sentences).
The rest stand alone. Articles are about 3 KB.

    python benchmarks/make_corpus.py OUT_DIR --count 10000 [--seed 7]

writes OUT_DIR/NNNNN_slug.txt and OUT_DIR/.truth.json (hidden: the corpus index does
not list it): ``{"rewrites": {original: [rewrite, ...]}, "related": {original: [story, ...]}}``.
``generate(folder, count, seed)`` does the same from Python (the quality test uses it).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

FIRST = """Ana Boris Carla Dario Elena Felix Greta Hamid Ines Jonas Katya Liam Marta Nikolai Olga
Pavel Quinn Rosa Stefan Tamsin Ugo Vera Wendell Ximena Yusuf Zora Alba Bram Cosmin Delia Emil
Fiona Goran Hedda Ivo Jana Kasper Lucia Milos Nadia Oskar Petra Radu Sanne Teodor Una Viktor
Wilma Yara Zeno Aurel Bianca Cyril Dagny Edvin Flora Gideon Helka Isak Juno Karin Lorcan Mira
Nils Orla Piet Rhea Silas Thea Ulla Vasco""".split()
SURNAMES = """Abernethy Baranek Calloway Dunmore Esterhazy Falkner Garrick Holloway Ivanek Jessop
Kovac Lindqvist Marchetti Novak Oyelaran Petrakis Quarles Rasmussen Szabo Thorne Umarov Varga
Whitcombe Yilmaz Zielinski Achterberg Brannigan Castellano Drummond Elsworth Fontaine Grimsby
Halloran Iversen Jankowski Kettering Lazarev Mendoza Nakamura Okafor Pellegrini Quintero
Rossiter Sandoval Tregarthen Ulrich Vasquez Wexley Yardley Zamora Ashdown Blackwood Carrow
Delacroix Ellery Fairbairn Galloway Hartigan Inchbald Jarvik Kincaid Lumley Moravec Northcote
Ormsby Pemberton Radcliffe Stirling Tolland Underhill Vickery Winslow Aldous Birtwistle Conroy
Davenport Eskildsen Fenwick Gorski Hebden""".split()
PLACES = """Brindle Carrowmore Dunhaven Eastwick Fellbridge Glenmarrow Harrowgate Ironmouth Kestlow
Lowmoor Marlbury Northwold Oakhurst Penmarren Quarrendon Redwater Saltash Thornbury Upperby
Westhollow Ashcombe Briarfield Coldharbour Dunmere Elmstead Foxton Greywell Hollins Kilbride
Larkhill Millbrook Netherby Orchardleigh Pendle Ravensholt Stanmore Tidewell Wickham Yarrow
Aldmoor Bexcliffe Crowland Dalby Edgecombe Farrowby Gillingham Hatherley""".split()
ORG_KINDS = """Council|Harbour Authority|Water Company|Hospital Trust|Transport Board|Police
Service|Chamber of Commerce|University|Rowing Club|Housing Association|Fire Service|Energy
Cooperative|Library Service|Football Club|Ferry Company""".replace("\n", " ").split("|")
ROLES = """chief executive|council leader|spokesperson|chair|director of operations|head of
finance|senior engineer|union representative|local resident|shop owner|head teacher|consultant
surgeon|inspector|harbour master|opposition councillor|project manager""".replace("\n", " ").split(
    "|"
)
UNITS = [
    "million pounds",
    "jobs",
    "homes",
    "metres",
    "per cent",
    "passengers",
    "beds",
    "hectares",
    "tonnes",
    "households",
    "staff",
    "days",
    "kilometres",
    "pupils",
    "visitors",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "September",
    "October",
    "November",
]

TOPICS = {
    "budget": ("approve a budget", "the budget", "spending cuts", "the vote"),
    "flood": ("repair the flood defences", "the flood defences", "the storm", "the repairs"),
    "factory": ("close the factory", "the factory", "the closure", "the redundancies"),
    "hospital": ("open a new ward", "the new ward", "waiting times", "the expansion"),
    "transport": ("cut the bus routes", "the bus routes", "the timetable", "the cuts"),
    "school": ("merge the two schools", "the merger", "class sizes", "the consultation"),
    "harbour": ("dredge the harbour", "the harbour", "the shipping lane", "the dredging"),
    "housing": ("build the new estate", "the estate", "the planning appeal", "the development"),
    "energy": ("install the wind turbines", "the turbines", "power bills", "the scheme"),
    "library": ("shut the branch libraries", "the libraries", "opening hours", "the plan"),
}

# Sentence templates: each slot of an article is one of these, in several wordings.
# {org} {place} {p0} {r0} (person 0 and role) {p1} {r1} {act} {obj} {issue} {event}
# {f0}..{f5} figures, {month}, {q0}..{q3} quotations.
BODY = [
    [
        "The {org} in {place} has voted to {act}, a decision that will affect {f0}.",
        "Members of the {org} in {place} agreed to {act}, a move expected to affect {f0}.",
        "A decision by the {org} in {place} to {act} will affect {f0}, officials said.",
    ],
    [
        "The plan, which has been debated since {month}, is expected to cost {f1}.",
        "Debated since {month}, the plan is expected to cost around {f1}.",
        "Officials estimate the cost of the plan, first discussed in {month}, at {f1}.",
    ],
    [
        "{p0}, the {r0} of the {org}, said the decision had not been taken lightly.",
        "The decision was not taken lightly, according to {p0}, the {org}'s {r0}.",
        "Speaking after the meeting, {p0}, {r0} at the {org}, said the choice was difficult.",
    ],
    [
        "“{q0},” {p0} said.",
        "“{q0},” said {p0}.",
        "{p0} said: “{q0}.”",
    ],
    [
        "Critics argue that {obj} will leave {f2} worse off over the coming year.",
        "Opponents say {obj} could leave {f2} worse off within a year.",
        "According to critics, {f2} will be worse off because of {obj} in the next year.",
    ],
    [
        "{p1}, a {r1}, said people in {place} had been given too little notice.",
        "People in {place} were given too little notice, said {p1}, a {r1}.",
        "{p1}, who is a {r1}, complained that {place} had been given too little notice.",
    ],
    [
        "“{q1},” {p1} added.",
        "“{q1},” added {p1}.",
        "{p1} added: “{q1}.”",
    ],
    [
        "Figures published by the {org} show that {issue} has affected {f3} since {month}.",
        "Since {month}, {issue} has affected {f3}, according to figures from the {org}.",
        "The {org}'s own figures suggest {f3} have been affected by {issue} since {month}.",
    ],
    [
        "A public meeting on {event} will be held at {place} town hall next week.",
        "Next week {place} town hall will host a public meeting about {event}.",
        "Residents can raise concerns about {event} at a meeting in {place} town hall next week.",
    ],
    [
        "The {org} said a further {f4} would be set aside if the first phase succeeded.",
        "If the first phase works, a further {f4} will be set aside, the {org} said.",
        "Another {f4} could follow should the first phase succeed, according to the {org}.",
    ],
    [
        "“{q2},” {p0} told reporters outside the meeting.",
        "Outside the meeting, {p0} told reporters: “{q2}.”",
        "“{q2},” {p0} said outside the meeting.",
    ],
    [
        "The work is due to begin in {month} and should take about {f5} to complete.",
        "Work should start in {month} and last about {f5}.",
        "Starting in {month}, the work is expected to take roughly {f5}.",
    ],
    [
        "Neighbouring councils have been watching the case in {place} closely.",
        "The case in {place} has been closely followed by neighbouring councils.",
        "Other councils near {place} are following the case closely.",
    ],
    [
        "{p2}, {r2} for the region, said the {org} should publish its full assessment.",
        "The {org} should publish the full assessment, said {p2}, the region's {r2}.",
        "Calls for the {org} to publish its full assessment came from {p2}, {r2} for the region.",
    ],
    [
        "Last year the {org} reported a shortfall of {f6}, the largest in its history.",
        "The {org} ran a shortfall of {f6} last year, its largest on record.",
        "Its accounts for last year showed a record shortfall of {f6}.",
    ],
    [
        "{p0} joined the {org} in {year} after a decade working in {place2}.",
        "Before joining the {org} in {year}, {p0} spent ten years in {place2}.",
        "{p0}, who moved from {place2} to the {org} in {year}, has led the project since.",
    ],
    [
        "An independent review commissioned in {month} found that {issue} had been underestimated.",
        "In {month} an independent review concluded that {issue} had been underestimated.",
        "The impact of {issue} had been underestimated, an independent review found in {month}.",
    ],
    [
        "Traders in {place} say footfall has fallen by {f7} since the discussions began.",
        "Footfall in {place} has dropped by {f7} since talks started, traders say.",
        "Since discussions began, traders in {place} report footfall down by {f7}.",
    ],
    [
        "The {org} insists that {obj} will be reviewed after twelve months.",
        "A review of {obj} after twelve months has been promised by the {org}.",
        "After twelve months {obj} will be reviewed, the {org} insists.",
    ],
    [
        "A similar scheme in {place2} was abandoned in {year} after costs rose to {f8}.",
        "In {place2}, a comparable scheme was dropped in {year} when costs reached {f8}.",
        "Costs of {f8} led {place2} to abandon a similar scheme in {year}.",
    ],
    [
        "“{q3},” {p2} said.",
        "“{q3},” said {p2}.",
        "{p2} said: “{q3}.”",
    ],
]
# Sentences a rewrite may add (background, reaction): the same facts, new sentences.
ADDED = [
    "The {org} has faced questions about {issue} for several years.",
    "{place} has a population of about {f9}.",
    "It is the second time this year that {obj} has come before the {org}.",
    "A petition against {obj} has gathered {f10} signatures.",
    "The {org} did not respond to a request for further comment.",
    "Local campaigners plan to protest outside the offices of the {org} in {place}.",
]
# A related story is a different article: a follow-up told in its own sentences.
FOLLOW_UP = [
    "Weeks after the row over {obj}, {p0} is facing fresh questions in {place}.",
    "This time the dispute concerns {event}, which campaigners say was rushed through.",
    "Documents seen by this newspaper suggest {f0} could be at stake.",
    "{p0} declined to answer questions when approached outside the {org} offices.",
    "In a written statement, the {org} described the claims as misleading.",
    "“{q0},” the statement read.",
    "{p1}, who has lived in {place} for {f1}, said trust in the {org} had collapsed.",
    "“{q1},” {p1} said at a packed meeting on Thursday evening.",
    "An audit due in {month} is expected to examine spending of {f2}.",
    "Elsewhere in the region, {place2} faces a similar debate over {issue}.",
    "The regulator confirmed it had received {f3} complaints since the spring.",
    "A spokesperson for {p2} said the matter was now in the hands of lawyers.",
    "“{q2},” {p2} told a local radio station.",
    "The {org} is expected to respond formally within {f4}.",
    "Opposition members have called for an emergency session before {month}.",
    "Residents have until the end of {month} to submit their views.",
]

# Generic background sentences (every article has some; they repeat across the corpus).
FILLER = [
    "The meeting lasted more than three hours.",
    "Several residents attended in person and others watched online.",
    "Further details are expected to be published later this month.",
    "The proposals will now go out to a wider consultation.",
    "A final report is due before the end of the year.",
    "Officials said they would keep the situation under review.",
]

QUOTE_OPEN = """We have listened carefully|This is not a decision anyone wanted|I am confident
that|Nobody should be surprised that|We owe it to the people here to make sure|It is simply
wrong that|Our priority has always been that|I have said from the start that|Frankly it is
astonishing that|We will keep fighting until|There is no doubt in my mind that|People deserve
to know why""".replace("\n", " ").split("|")
QUOTE_MIDDLE = """the {obj} will protect jobs|families in {place} are paying the price|the
money is spent wisely|the {org} got this badly wrong|every penny is accounted for|the town gets
a fair deal|the plan goes ahead on time|nobody is left behind|the figures are checked
independently|the {org} listens to residents|young people have a future here|the harbour stays
open""".replace("\n", " ").split("|")
QUOTE_CLOSE = """and we will not apologise for that|and that is what we intend to do|whatever
the cost|before winter arrives|for the next generation|even if it takes years|and I stand by
every word|as quickly as humanly possible|and the evidence supports us|which frankly is the
least they deserve""".replace("\n", " ").split("|")
HEADLINES = [
    "{place} {orgshort} Votes To {Act}",
    "Anger In {place} As {orgshort} Moves To {Act}",
    "{place}: Plan To {Act} Approved Despite Objections",
    "{orgshort} In {place} Backs Plan To {Act}",
    "Residents Divided Over Decision To {Act} In {place}",
]


@dataclass
class Story:
    """The facts of one story."""

    topic: str
    place: str
    org: str
    people: list[str]
    roles: list[str]
    figures: list[str]
    quotes: list[str]
    month: str
    date: str
    place2: str = ""
    year: int = 2010
    slots: list[int] = field(default_factory=list)
    wording: list[int] = field(default_factory=list)


def _figure(rng: random.Random) -> str:
    unit = rng.choice(UNITS)
    if unit == "per cent":
        return f"{rng.randint(3, 95)} per cent"
    if unit == "million pounds":
        return f"£{rng.randint(2, 480)}.{rng.randint(1, 9)} million"
    return f"{rng.randint(12, 9800):,} {unit}"


def _quote(rng: random.Random, fill: dict[str, str]) -> str:
    text = f"{rng.choice(QUOTE_OPEN)} {rng.choice(QUOTE_MIDDLE)} {rng.choice(QUOTE_CLOSE)}"
    return text.format(**fill)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}"


def new_story(rng: random.Random, day: int) -> Story:
    """A story with fresh facts."""
    topic = rng.choice(list(TOPICS))
    place = rng.choice(PLACES)
    org = f"{place} {rng.choice(ORG_KINDS)}"
    people = [_person(rng) for _ in range(3)]
    roles = rng.sample(ROLES, 3)
    figures = [_figure(rng) for _ in range(9)]
    _act, obj, _issue, _event = TOPICS[topic]
    fill = {"obj": obj, "place": place, "org": org}
    quotes = [_quote(rng, fill) for _ in range(4)]
    year, rest = divmod(day, 360)
    date = f"{2019 + year}-{rest // 30 + 1:02d}-{rest % 30 + 1:02d}"
    story = Story(topic, place, org, people, roles, figures, quotes, rng.choice(MONTHS), date)
    story.place2 = rng.choice(PLACES)
    story.year = rng.randint(1998, 2018)
    story.slots = sorted(rng.sample(range(len(BODY)), rng.randint(16, 20)))
    story.wording = [rng.randrange(3) for _ in BODY]
    return story


def related_story(rng: random.Random, base: Story, day: int) -> Story:
    """A new event with the same place, organisation and one person."""
    story = new_story(rng, day)
    story.place = base.place
    story.org = base.org
    story.people[0] = base.people[0]
    story.roles[0] = base.roles[0]
    _act, obj, _issue, _event = TOPICS[story.topic]
    fill = {"obj": obj, "place": story.place, "org": story.org}
    story.quotes = [_quote(rng, fill) for _ in range(4)]
    return story


def _fill(story: Story) -> dict[str, str]:
    act, obj, issue, event = TOPICS[story.topic]
    fill = {
        "org": story.org,
        "place": story.place,
        "act": act,
        "obj": obj,
        "issue": issue,
        "event": event,
        "month": story.month,
        "place2": story.place2,
        "year": str(story.year),
    }
    for i, (person, role) in enumerate(zip(story.people, story.roles, strict=True)):
        fill[f"p{i}"] = person
        fill[f"r{i}"] = role
    for i, figure in enumerate(story.figures):
        fill[f"f{i}"] = figure
    for i, quote in enumerate(story.quotes):
        fill[f"q{i}"] = quote
    return fill


def _headline(rng: random.Random, story: Story) -> str:
    act = TOPICS[story.topic][0]
    short = story.org.split(" ", 1)[1]
    return rng.choice(HEADLINES).format(place=story.place, orgshort=short, Act=act.title(), act=act)


def render_follow_up(rng: random.Random, story: Story) -> str:
    """A related story: the same place, organisation and one person, its own sentences."""
    fill = _fill(story)
    picked = sorted(rng.sample(range(len(FOLLOW_UP)), rng.randint(13, 16)))
    body = [FOLLOW_UP[i].format(**fill) for i in picked]
    head = f"Fresh Questions For {story.people[0]} Over {TOPICS[story.topic][3].title()}"
    text = head + "\n\n" + "\n\n".join(_paragraphs(rng, body)) + "\n"
    return f"date {story.date} " + text


def render(rng: random.Random, story: Story, *, dated: bool = True) -> str:
    """The original article."""
    fill = _fill(story)
    lines = [_headline(rng, story), "", ""]
    body = [BODY[slot][story.wording[slot]].format(**fill) for slot in story.slots]
    for filler in rng.sample(FILLER, 4):
        body.insert(rng.randrange(2, len(body)), filler)
    paragraphs = _paragraphs(rng, body)
    text = "\n".join(lines) + "\n\n".join(paragraphs) + "\n"
    return (f"date {story.date} " if dated else "") + text


def rewrite(rng: random.Random, story: Story) -> str:
    """A rewrite: reworded, trimmed, extended, new headline, maybe undated."""
    fill = _fill(story)
    fill["f9"] = _figure(rng)
    fill["f10"] = f"{rng.randint(200, 9000):,}"
    quotes = list(story.quotes)
    for i, quote in enumerate(quotes):
        words = quote.split()
        roll = rng.random()
        if roll < 0.25 and len(words) > 8:  # trimmed
            quotes[i] = " ".join(words[: len(words) - rng.randint(2, 4)])
        elif roll < 0.35:  # one word changed
            words[rng.randrange(len(words))] = rng.choice(["really", "truly", "certainly"])
            quotes[i] = " ".join(words)
        fill[f"q{i}"] = quotes[i]
    body = []
    keep = rng.uniform(0.6, 0.9)
    for slot in story.slots:
        if rng.random() > keep and slot not in (0,):
            continue
        wording = story.wording[slot]
        if rng.random() < 0.75:
            wording = rng.choice([w for w in range(3) if w != wording])
        body.append(BODY[slot][wording].format(**fill))
    for added in rng.sample(ADDED, rng.randint(1, 3)):
        body.insert(rng.randrange(1, len(body) + 1), added.format(**fill))
    if rng.random() < 0.3:
        body[1:] = rng.sample(body[1:], len(body) - 1)
    head = _headline(rng, story)
    text = head + "\n\n" + "\n\n".join(_paragraphs(rng, body)) + "\n"
    if rng.random() < 0.5:
        text = (
            f"date {story.date[:-2]}{min(28, int(story.date[-2:]) + rng.randint(0, 2)):02d} " + text
        )
    return text


def _paragraphs(rng: random.Random, sentences: list[str]) -> list[str]:
    out, i = [], 0
    while i < len(sentences):
        size = rng.randint(1, 3)
        out.append(" ".join(sentences[i : i + size]))
        i += size
    return out


def _slug(story: Story) -> str:
    return f"{story.place.lower()}-{story.topic}"


def generate(folder: Path, count: int, seed: int = 7) -> dict[str, dict[str, list[str]]]:
    """Write ``count`` articles into ``folder``; return (and write) the truth."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    articles: list[tuple[str, str]] = []  # (slug, text), named at the end
    rewrites: dict[int, list[int]] = {}
    related: dict[int, list[int]] = {}
    day = 0
    while len(articles) < count:
        day += rng.randint(0, 2)
        story = new_story(rng, day)
        original = len(articles)
        articles.append((_slug(story), render(rng, story)))
        roll = rng.random()
        if roll < 0.25:
            for _ in range(rng.randint(1, 3)):
                rewrites.setdefault(original, []).append(len(articles))
                articles.append((_slug(story), rewrite(rng, story)))
        if rng.random() < 0.12:
            other = related_story(rng, story, day + rng.randint(3, 40))
            related.setdefault(original, []).append(len(articles))
            articles.append((_slug(other), render_follow_up(rng, other)))
    del articles[count:]
    # Shuffled names: the folder's order says nothing about which is the original.
    order = list(range(len(articles)))
    rng.shuffle(order)
    names = {}
    for position, index in enumerate(order):
        slug, text = articles[index]
        names[index] = f"{position:05d}_{slug}.txt"
        (folder / names[index]).write_text(text, encoding="utf-8")
    truth = {
        kind: {
            names[o]: [names[r] for r in rs if r in names] for o, rs in found.items() if o in names
        }
        for kind, found in (("rewrites", rewrites), ("related", related))
    }
    (folder / ".truth.json").write_text(json.dumps(truth, indent=1), encoding="utf-8")
    return truth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    truth = generate(args.folder, args.count, args.seed)
    pairs = sum(len(v) for v in truth["rewrites"].values())
    print(
        f"{args.count} articles, {pairs} rewrites of {len(truth['rewrites'])} stories",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
