"""Writes the golden saved reviews in this folder (run once; never to "fix" a failing test).

The golden files pin the on-disk format of saved reviews and the keys of review items:
``tests/storage/test_golden_reviews.py`` loads them with today's code. If that test fails,
saved reviews of real users would be lost or go stale: change the code (or add a
migration), not these files. Run from the repository root with ``python
tests/data/reviews/make_golden.py`` into an empty folder given as the first argument,
then copy the ``<pair_key>.json`` files here.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from diffreader.engine import compare, load_document
from diffreader.review import ItemKind, Mark
from diffreader.storage.review import ReviewSession, ReviewStore

OK, FLAG = Mark.ACCEPTED, Mark.FLAGGED

DEMO = Path(__file__).resolve().parents[3] / "src" / "diffreader" / "demo"

# (rewrite, [(kind, text starts with, mark, note)]); an item is found by kind and text.
PLAN: list[tuple[str, list[tuple[ItemKind, str, Mark | None, str]]]] = [
    (
        "03_rewrite_update.txt",
        [
            (ItemKind.REWORDED, "In a significant development", OK, ""),
            (ItemKind.DROPPED, "on Thursday", FLAG, "The vote day matters: ask the desk."),
            (
                ItemKind.ADDED,
                "Gareth Quill",
                Mark.FLAGGED,
                "New source – who is he? Call the fund.",
            ),
            (
                ItemKind.QUOTE_SPEAKER,
                "Boats longer",
                Mark.FLAGGED,
                "Varga said this, not Sørensen.",
            ),
            (ItemKind.QUOTE_ALTERED, "We will reopen", OK, ""),
            (ItemKind.MOVED, "The inspection was carried out", OK, ""),
            (ItemKind.DROPPED, "Ines Varga", None, "Dropped the harbour master’s name."),
        ],
    ),
    (
        "02_rewrite_contentfarm.txt",
        [
            (
                ItemKind.QUOTE_NEW,
                "It's going to cost us",
                Mark.FLAGGED,
                "No such quote in the source.",
            ),
            (ItemKind.ADDED, "in 1908", OK, ""),
            (ItemKind.DROPPED, "18 per cent", FLAG, ""),
            (
                ItemKind.REWORDED,
                "Sørensen insisted",
                Mark.ACCEPTED,
                "Fine: same meaning, €0 change.",
            ),
            (ItemKind.QUOTE_ALTERED, "Boats longer", FLAG, ""),
            (ItemKind.MOVED, "Shop owners on the east bank", None, "Lead moved up."),
        ],
    ),
]


def find(session: ReviewSession, kind: ItemKind, start: str) -> str:
    """The key of the item of ``kind`` whose text is ``start``, else the one starting so."""
    items = [i for i in session.items if i.kind is kind]
    exact = [i.key for i in items if i.text == start]
    (key,) = exact or [i.key for i in items if i.text.startswith(start)]
    return key


def main(data_dir: str) -> None:
    original = load_document(DEMO / "00_original.txt")
    original = dataclasses.replace(original, path="/corpus/demo/00_original.txt")
    store = ReviewStore(data_dir)
    for name, marks in PLAN:
        rewrite = dataclasses.replace(load_document(DEMO / name), path=f"/corpus/demo/{name}")
        session, messages = store.load_for(compare(original, rewrite))
        assert not messages, messages
        for kind, start, mark, note in marks:
            key = find(session, kind, start)
            assert not session.set_mark(key, mark)
            assert not session.set_note(key, note)
        # A tombstone: marked, then cleared (it must stay cleared after a merge).
        tombstone = next(i.key for i in session.items if session.entry(i.key) is None)
        assert not session.set_mark(tombstone, Mark.FLAGGED)
        assert not session.set_mark(tombstone, None)
        print(name, session.pair_key, session.progress())


if __name__ == "__main__":
    main(sys.argv[1])
