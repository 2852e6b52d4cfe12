"""Provides the grouping of a corpus into stories: pure, given candidates and a verifier.

Each story pivots on its earliest article (the likely original): articles are taken in
``pivot_order`` (dated first, oldest first; undated after; then by path). A pivot's
story lists the candidates verified as rewrites *of the pivot*; each article joins at most
one story, the first whose pivot verifies it. An article linked to a story only through
one of its members (a rewrite of a rewrite that the pivot does not verify) is never
chained in: it starts its own story, which lists that member as related.

API:
    pivot_order(items) -> list[int]
    Story, Linked
    group(order, neighbours, check) -> list[Story]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from diffreader.corpus.verify import Check, Verdict

__all__ = ["Linked", "Story", "group", "pivot_order"]


@dataclass(frozen=True, slots=True)
class Linked:
    """An article attached to a story, with the check against the pivot."""

    article: int
    check: Check | None
    """``None`` for an article listed as related because it belongs to another story."""
    story: int | None = None
    """For a related article that belongs to another story: that story's pivot."""


@dataclass(slots=True)
class Story:
    """A pivot and the rewrites verified against it."""

    pivot: int
    members: list[Linked] = field(default_factory=list)
    related: list[Linked] = field(default_factory=list)


def pivot_order(items: Iterable[tuple[int, str | None, str]]) -> list[int]:
    """Article ids in pivot order from ``(id, date, path)``: dated oldest first, then
    undated, ties by path.

    >>> pivot_order([(1, None, "a"), (2, "2025-01-02", "z"), (3, "2024-12-31", "y")])
    [3, 2, 1]
    """
    return [i for i, _, _ in sorted(items, key=lambda t: (t[1] is None, t[1] or "", t[2], t[0]))]


def group(
    order: Sequence[int],
    neighbours: Mapping[int, Iterable[int]],
    check: Callable[[int, int], Check],
) -> list[Story]:
    """Group articles into stories.

    Args:
        order: Every article id, in pivot order.
        neighbours: Candidate links (either direction suffices) from the index.
        check: Verifies ``(pivot, candidate)``.

    >>> from diffreader.corpus.verify import Check, Verdict
    >>> rewrite = Check(Verdict.REWRITE, 0.5, 0.3, 1, 5)
    >>> other = Check(Verdict.RELATED, 0.1, 0.05, 0, 1)
    >>> checks = {(1, 2): rewrite, (1, 3): other, (3, 2): rewrite}
    >>> stories = group([1, 2, 3], {1: [2, 3], 2: [3]}, lambda a, b: checks[a, b])
    >>> [(s.pivot, [m.article for m in s.members], [r.article for r in s.related]) for s in stories]
    [(1, [2], [3]), (3, [], [1, 2])]
    """
    rank = {article: i for i, article in enumerate(order)}
    links: dict[int, set[int]] = {}
    for article, others in neighbours.items():
        for other in others:
            if other != article and other in rank and article in rank:
                links.setdefault(article, set()).add(other)
                links.setdefault(other, set()).add(article)
    home: dict[int, int] = {}
    """Member -> the pivot of its story."""
    stories: list[Story] = []
    for pivot in order:
        if pivot in home:
            continue
        story = Story(pivot)
        for other in sorted(links.get(pivot, ()), key=rank.__getitem__):
            if other in home or rank[other] < rank[pivot]:
                # Already in a story (or a pivot of an earlier one): related, never chained.
                owner = home.get(other, other)
                story.related.append(Linked(other, None, owner))
                continue
            result = check(pivot, other)
            if result.verdict is Verdict.REWRITE:
                story.members.append(Linked(other, result))
                home[other] = pivot
            elif result.verdict is Verdict.RELATED:
                story.related.append(Linked(other, result))
        stories.append(story)
    return stories
