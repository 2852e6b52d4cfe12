"""Watchers that cannot race: reading a reactive before its screen is composed is harmless.

Reading a reactive for the first time runs its watcher unless it is ``init=False``; a
watcher that queries a child then raised ``NoMatches`` when a test (or an early key) got
there before compose. That made the burst-of-keys corpus test fail 8 runs in 9 under load.
"""

from __future__ import annotations

from diffreader.tui.app import demo_corpus
from diffreader.tui.screens.corpus import CorpusScreen
from diffreader.tui.screens.diff import DiffScreen

DEMO_PAIR = (demo_corpus() / "00_original.txt", demo_corpus() / "03_rewrite_update.txt")


def test_reactives_can_be_read_before_the_screen_is_composed() -> None:
    diff = DiffScreen(*DEMO_PAIR)
    assert diff.comparing
    diff.comparing = False  # and set: the watcher waits for the children
    corpus = CorpusScreen(demo_corpus())
    assert corpus.loading
    corpus.loading = False
    assert (corpus.mark_a, corpus.mark_b, corpus.ranking) == (None, None, False)
