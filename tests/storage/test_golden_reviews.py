"""Golden saved reviews: files written by an earlier diffreader must still load, mark for mark.

``tests/data/reviews/`` holds state files that ``make_golden.py`` wrote on 2026-11-29
for two demo pairs. They pin the on-disk format and the item keys: if this test fails,
users' saved marks would be lost or reported as stale. Fix the code (or add a migration),
never the golden files.

Only the API the app uses is touched (``ReviewStore``, ``load_for``, a session's
``items``, ``mark``, ``note``, ``stale``, ``progress``), and kinds and marks are compared
by their string values, so the test does not depend on where the review model lives.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from diffreader.engine import compare, load_document
from diffreader.storage.review import ReviewStore

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "reviews"
DEMO = Path(__file__).resolve().parents[2] / "src" / "diffreader" / "demo"

# (kind, text, mark, note): the item is found by kind and its exact text, or the text
# it starts with when the exact text is shared by a shorter item.
Expected = tuple[str, str, str | None, str]

PAIRS: dict[str, tuple[str, str, list[Expected], tuple[int, int, int]]] = {
    "update": (
        "03_rewrite_update.txt",
        "fdc11b9b1e64179ebf72c4226219214c",
        [
            ("reworded", "In a significant development", "accepted", ""),
            ("dropped", "on Thursday", "flagged", "The vote day matters: ask the desk."),
            ("added", "Gareth Quill", "flagged", "New source – who is he? Call the fund."),
            ("quote-speaker", "Boats longer", "flagged", "Varga said this, not Sørensen."),
            ("quote-altered", "We will reopen", "accepted", ""),
            ("moved", "The inspection was carried out", "accepted", ""),
            ("dropped", "Ines Varga", None, "Dropped the harbour master’s name."),
        ],
        (6, 27, 3),
    ),
    "contentfarm": (
        "02_rewrite_contentfarm.txt",
        "27adf9a70f8522ca445d9c782c612015",
        [
            ("quote-new", "It's going to cost us", "flagged", "No such quote in the source."),
            ("added", "in 1908", "accepted", ""),
            ("dropped", "18 per cent", "flagged", ""),
            ("reworded", "Sørensen insisted", "accepted", "Fine: same meaning, €0 change."),
            ("quote-altered", "Boats longer", "flagged", ""),
            ("moved", "Shop owners on the east bank", None, "Lead moved up."),
        ],
        (5, 31, 3),
    ),
}

# The progress the golden files store (their index, written by the engine of the day);
# today's engine finds other items. In the content-farm pair: "an hour" replacing "about
# forty minutes" in a quotation (the substitution layer), "whose firm has monitored the
# bridge…" (local support); "stood" / "sat" of seawater is no longer an opposite. In the
# update pair the dropped fragment "Harbour master Ines Varga said the closure would" is
# gone (netting against related content): the person it held, "Ines Varga", is the item;
# and the season the altered quotation now gives for the reopening ("before the summer", where
# the original said September) is an item of its own (a season is a date since session 27).
# In the content-farm pair the mayor's quotation told as indirect speech ("Mayor Helen
# Sørensen has promised the crossing will be back in use…") is no longer an added
# assertion besides the quotation's check (netting counts what a related clause replaces).
# (The review layer folds the A side of a substitution into its B side: one item a change.)
# Every saved mark and note still lands on its item with its key.
_STORED = {"contentfarm": (5, 29, 3), "update": (6, 27, 3)}
STORED_PROGRESS = {
    key: _STORED.get(name, progress) for name, (_, key, _, progress) in PAIRS.items()
}

TOMBSTONES = {
    # Marked flagged, then cleared: the mark must stay cleared.
    "update": ("reworded", "The bridge, which carries approximately 4,300 vehicles"),
    "contentfarm": ("reworded", "Their worry comes after councillors voted 7 to 2"),
}


@pytest.fixture
def golden_store(isolated_dirs: Path) -> ReviewStore:
    """A store whose reviews folder holds copies of the golden files."""
    reviews = isolated_dirs / "reviews"
    reviews.mkdir(parents=True)
    for path in GOLDEN.glob("*.json"):
        shutil.copy(path, reviews / path.name)
    return ReviewStore(isolated_dirs)


def find(items: Sequence[Any], kind: str, text: str) -> Any:
    """The one item of ``kind`` whose text is ``text`` (else, the one starting with it)."""
    of_kind = [item for item in items if item.kind == kind]
    exact = [item for item in of_kind if item.text == text]
    found = exact or [item for item in of_kind if item.text.startswith(text)]
    assert len(found) == 1, f"{kind} {text!r}: {len(found)} items"
    return found[0]


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_golden_review_loads_every_mark_and_note_on_its_item(
    golden_store: ReviewStore, name: str
) -> None:
    rewrite, key, expected, progress = PAIRS[name]
    comparison = compare(load_document(DEMO / "00_original.txt"), load_document(DEMO / rewrite))
    session, messages = golden_store.load_for(comparison, record=False)

    assert messages == []  # neither set aside as corrupt nor carried over from elsewhere
    assert session.pair_key == key
    assert session.stale() == []
    marked: set[str] = set()
    for kind, text, mark, note in expected:
        item = find(session.items, kind, text)
        assert session.mark(item.key) == mark, (kind, text)
        assert session.note(item.key) == note, (kind, text)
        marked.add(item.key)
    kind, text = TOMBSTONES[name]
    cleared = find(session.items, kind, text)
    assert session.mark(cleared.key) is None
    assert session.note(cleared.key) == ""
    # No other item carries a mark or a note.
    others = [
        item.text
        for item in session.items
        if item.key not in marked and (session.mark(item.key) or session.note(item.key))
    ]
    assert others == []
    assert tuple(session.progress()) == progress


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_golden_review_is_written_back_unchanged(golden_store: ReviewStore, name: str) -> None:
    rewrite, key, _, _ = PAIRS[name]
    before = json.loads((GOLDEN / f"{key}.json").read_text("utf-8"))
    comparison = compare(load_document(DEMO / "00_original.txt"), load_document(DEMO / rewrite))
    _, messages = golden_store.load_for(comparison)  # record=True saves at once
    assert messages == []
    after = json.loads(golden_store.path_for(key).read_text("utf-8"))
    assert after["schema_version"] == before["schema_version"] == 1
    assert after["entries"] == before["entries"]
    assert after["total"] == PAIRS[name][3][1]  # today's count of items
    assert before["total"] == STORED_PROGRESS[key][1]
    assert after["summary"]["reviewed"] == before["summary"]["reviewed"]
    assert after["summary"]["flagged"] == before["summary"]["flagged"]


def test_golden_index_gives_the_corpus_screen_its_progress(golden_store: ReviewStore) -> None:
    summaries, messages = golden_store.summaries()
    assert messages == []
    got = {key: tuple(summary.progress) for key, summary in summaries.items()}
    assert got == STORED_PROGRESS
