"""Provides the grouping of a corpus into stories: pure, given candidates and a verifier.

Each story pivots on its earliest article (the likely original): articles are taken in
``pivot_order`` (dated first, oldest first; undated after; then by path). A pivot's
story lists the candidates verified as rewrites *of the pivot*; each article joins at most
one story, the first whose pivot verifies it. An article linked to a story only through
one of its members (a rewrite of a rewrite that the pivot does not verify) is never
chained in: it starts its own story, which lists that member as related.

Copies of one text (the same content hash: a story syndicated a hundred times into an
archive) are one article to the grouping: ``one_per_text`` keeps the first of them in pivot
order, and ``with_copies`` puts the others where it went (a pivot's as its identical
copies, a member's or a related article's after it, with its check). ``diffreader stories``
(``storage.corpus_index``) and ``diffreader scan`` group copies this one way.

API:
    pivot_order(items) -> list[int]
    Story, Linked
    group(order, neighbours, check) -> list[Story]
    one_per_text(order, text) -> (order of one article per text, first -> its copies)
    with_copies(stories, copies, identical) -> list[Story]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from diffreader.corpus.verify import Check, Verdict

__all__ = ["Linked", "Story", "group", "one_per_text", "pivot_order", "with_copies"]


@dataclass(frozen=True, slots=True)
class Linked:
    """An article attached to a story, with the check against the pivot."""

    article: int
    check: Check | None
    """``None`` for an article listed as related because it belongs to another story."""
    story: int | None = None
    """For a related article that belongs to another story: that story's pivot."""
    copy_of: int | None = None
    """For a copy of another article's text (``with_copies``): that article, the pivot for
    an identical copy of it; the copy carries its check."""


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


def one_per_text(
    order: Iterable[int], text: Callable[[int], str | None]
) -> tuple[list[int], dict[int, list[int]]]:
    """One article per text: the first in ``order`` of the articles whose ``text`` (their
    content hash) is the same stands for them all.

    Args:
        order: Article ids, in pivot order.
        text: An article's content hash (``None``: a text of its own).

    Returns:
        The articles standing for a text, in ``order``; and for each that has copies, the
        other articles of its text, in ``order``.

    >>> one_per_text([3, 1, 2, 4, 5], {1: "x", 2: "y", 3: "x", 4: "x"}.get)
    ([3, 2, 5], {3: [1, 4]})
    """
    first_of: dict[str, int] = {}
    firsts: list[int] = []
    copies: dict[int, list[int]] = {}
    for article in order:
        digest = text(article)
        first = first_of.setdefault(digest, article) if digest is not None else article
        if first == article:
            firsts.append(article)
        else:
            copies.setdefault(first, []).append(article)
    return firsts, copies


def with_copies(
    stories: Iterable[Story],
    copies: Mapping[int, Sequence[int]],
    identical: Callable[[int], Check],
) -> list[Story]:
    """``stories`` (grouped over ``one_per_text``'s articles) with each text's other copies
    where the article standing for it went (``Linked.copy_of``): a pivot's first among its
    members, as identical copies with ``identical(pivot)`` (the check of two copies of its
    text); a member's or a related article's just after it, with its check.

    >>> from diffreader.corpus.verify import Check, Verdict
    >>> rewrite = Check(Verdict.REWRITE, 0.5, 0.3, 1, 5)
    >>> same = Check(Verdict.REWRITE, 1.0, 1.0, 1, 9)
    >>> story = Story(1, [Linked(2, rewrite)])
    >>> [story] = with_copies([story], {1: [7], 2: [8, 9]}, lambda pivot: same)
    >>> [(m.article, m.copy_of, m.check is same) for m in story.members]
    [(7, 1, True), (2, None, False), (8, 2, False), (9, 2, False)]
    """
    out: list[Story] = []
    for story in stories:
        members: list[Linked] = []
        if copies.get(story.pivot):
            same = identical(story.pivot)
            members.extend(Linked(c, same, copy_of=story.pivot) for c in copies[story.pivot])
        for member in story.members:
            members.append(member)
            members.extend(
                replace(member, article=c, copy_of=member.article)
                for c in copies.get(member.article, ())
            )
        related: list[Linked] = []
        for linked in story.related:
            related.append(linked)
            related.extend(
                replace(linked, article=c, copy_of=linked.article)
                for c in copies.get(linked.article, ())
            )
        out.append(Story(story.pivot, members, related))
    return out
