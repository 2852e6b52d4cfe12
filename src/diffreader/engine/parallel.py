"""Provides fork-join over the machine's cores for the per-group work of a long comparison.

Most of a long comparison is work that is independent from one aligned group to the next:
each group's word diff, each group's claims. ``fork_map`` runs contiguous ranges of such
work in forked children, which inherit the comparison's state as it stands (nothing is
sent to them), runs the first range in the calling process meanwhile, and gathers the
children's results through pipes, in range order. The result is the result of running the
ranges one after another: a range whose fork or child fails is run here instead.

Forking is used only where it is safe and pays (``jobs``): on Linux, from a process that
runs a single thread (the reader compares in a worker thread, so it stays serial; so does
a Dask worker), outside a child and outside a pool's worker process (the scan's), from a
process holding less than ``MAX_FORK_RSS`` (the children of a process comparing two 8 MB
files would take its memory past a gigabyte), and for work large enough to repay the fork
and the transfer of results (``MIN_WEIGHT``). The processes are as many as fit
``MEMORY_BUDGET`` together, for a pair of 1 MB files, and proportionally more for a
larger one (``sized``): two at least, unless even two would not fit it (a stage of a 1 MB
pair that starts from a parent of more than about 135 MB runs in one). A stage whose work
can stop anywhere in a range (``resumable``: the claims) is not held to that forecast: its
children read their memory as they go and stop at their share of the budget (``spent``),
this process doing the rest of their ranges, so it keeps two processes while a child has
room to work. ``DIFFREADER_JOBS`` sets the number of processes (``1``: never fork).

API:
    MAX_JOBS, MIN_WEIGHT, MEMORY_BUDGET
    jobs(max_rss, resumable) -> int, configured_jobs() -> int
    sized(chars)                       the budget of a comparison of that size, in a block
    split(weights, parts, min_weight) -> list[int]
    fork_map(task, bounds, encode, decode, resumable) -> list[result]
    spent() -> bool                    a resumable stage's child should stop here
    die_with_parent(parent)            a pool worker's initializer
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
import time
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from itertools import accumulate, pairwise
from typing import Any, NoReturn, TypeVar, cast

__all__ = [
    "MAX_JOBS",
    "MEMORY_BUDGET",
    "MIN_WEIGHT",
    "configured_jobs",
    "die_with_parent",
    "fork_map",
    "jobs",
    "sized",
    "spent",
    "split",
]

T = TypeVar("T")

MAX_JOBS = 8
"""Processes at most, whatever the machine has: beyond this, the transfer of results
back to the parent (which is serial) outweighs what one more child saves."""

MIN_WEIGHT = 40_000
"""Characters of work below which a range is not worth a process: a fork and the
transfer of its results cost about what comparing 40 KB of changed text costs."""

MAX_FORK_RSS = 400 * 1024 * 1024
"""Resident memory above which a process does not fork: a child's private pages grow to
about half its parent's (the objects it reads get their reference counts written, so
their pages are copied), and the largest accepted pair (two 8 MB files) would need 1.3 GB
in two processes against 0.8 GB in one."""

MEMORY_BUDGET = 250 * 1024 * 1024
"""Memory for all the processes of one comparison together, which the number of processes
a machine of many cores would give is cut down to (``jobs``): issue 10's bound for a pair of
1 MB files, whatever the machine."""

_GROWTH_PER_PROCESS = 0.55
"""How much memory each process of a fork-join adds at the stage's peak, as a share of the
parent's resident memory at the fork: the children's copied pages and everyone's working
memory. Measured on the heaviest stage (the claims of 1 MB of figures, a parent of about
105 MB): all processes at the peak held 234 MB in two processes, 264 MB in three and 306 MB
in four (``rss * (1 + 0.55 * processes)`` bounds the three)."""

_PAIR_CHARS = 2_000_000
"""The characters, both texts together, of the pair ``MEMORY_BUDGET`` is for."""

_budget: ContextVar[int] = ContextVar("budget", default=MEMORY_BUDGET)
"""The memory budget of the comparison under way (``sized``)."""


@contextlib.contextmanager
def sized(chars: int) -> Iterator[None]:
    """Within the block, the budget the processes are cut to is that of a comparison of
    ``chars`` characters (both texts together): ``MEMORY_BUDGET`` for two 1 MB files or
    less, in proportion beyond (issue 10 bounds a 1 MB pair at 250 MB and the largest at
    1 GB, which ``MAX_FORK_RSS`` keeps): a 2 MB pair is not held to a 1 MB pair's memory
    at the cost of its second core."""
    token = _budget.set(max(MEMORY_BUDGET, MEMORY_BUDGET * chars // _PAIR_CHARS))
    try:
        yield
    finally:
        _budget.reset(token)


_GROWTH_OF_A_CHILD = 0.85
"""How much one child adds at a two-process stage's peak, as a share of its parent's
resident memory at the fork: its copied pages (reading an object writes its reference
count), and what both processes make meanwhile. Measured on 1 MB of random characters:
the claims forked from a parent of 155 MB held 269 MB in all (0.74; the child ended with
114 MB of private dirty pages of its 159 MB), the supports from one of 137 MB 243 MB
(0.77). A stage of the engine forks only while the two processes fit the budget by it (a
parent of 135 MB at most for a 1 MB pair: ``sized``): past that, two processes would break
the bound that more cores are cut to. At 0.7 (a parent of 147 MB) random characters' 1 MB
peaked at 243 MB, its supports forked; at 0.85 at 206 MB, its scoring and supports in one
process too, some 4% slower."""

_in_child = False
"""True in a forked child: a child never forks again."""

_LEAST_HEADROOM = 32 * 1024 * 1024
"""The memory a resumable stage's child must have within the budget for the stage to fork
(``jobs``): with less, it would stop before it had done enough to repay its fork."""

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096

_SHORTEST_WAIT = 0.05
_LONGEST_WAIT = 0.25
"""Seconds at least and at most between two readings of a resumable stage's child's
memory (``_Allowance``): a reading takes about 5 ms."""


class _Allowance:
    """A resumable stage's child's share of the memory budget, and how it is read.

    The memory of a fork-join is its parent's resident memory and each child's private
    memory: the pages the child has copied on write, those its parent's copying has left
    to it alone, and its new ones (``/proc/self/smaps_rollup``). A child may hold the
    budget less its parent's resident memory, shared among the children. Reading its own
    takes about 5 ms for a child of 150 MB: it is read again after the time that, at the
    growth since the last reading, would use half of what is left of the share (at least
    ``_SHORTEST_WAIT``), and the child stops when even that shortest wait could use the
    rest."""

    __slots__ = ("at", "budget", "children", "due", "own", "parent", "private", "rate")

    def __init__(self, budget: int, children: int, parent_statm: int) -> None:
        self.budget = budget
        self.children = children
        self.parent = parent_statm
        try:
            self.own = os.open("/proc/self/smaps_rollup", os.O_RDONLY)
        except OSError:
            self.own = -1  # a kernel before 4.14: stop at once (``spent``)
        self.private = 0
        with contextlib.suppress(OSError, ValueError, IndexError):
            self.private = self._private()
        self.at = time.monotonic()
        self.due = self.at + _SHORTEST_WAIT
        self.rate = 0.0  # the growth since the last reading, in bytes a second

    def spent(self) -> bool:
        now = time.monotonic()
        if now < self.due:
            return False
        try:
            parent = int(os.pread(self.parent, 128, 0).split()[1]) * _PAGE
            private = self._private()
        except (OSError, ValueError, IndexError):
            return True  # the memory cannot be read: stop, and let the parent do the rest
        left = (self.budget - parent) // self.children - private
        self.rate = max(0.0, (private - self.private) / max(now - self.at, 1e-3))
        if left <= self.rate * _SHORTEST_WAIT * 1.5:
            return True  # spent, or would be before a next reading
        self.at, self.private = now, private
        wait = left / 2 / self.rate if self.rate > 0 else _LONGEST_WAIT
        self.due = now + min(max(wait, _SHORTEST_WAIT), _LONGEST_WAIT)
        return False

    def _private(self) -> int:
        """This child's private memory now, in bytes."""
        return sum(
            int(line.split()[1]) * 1024
            for line in os.pread(self.own, 4096, 0).splitlines()
            if line.startswith(b"Private_")
        )


_allowance: _Allowance | None = None
"""In the child of a resumable stage: its share of the budget (``spent``)."""


def spent() -> bool:
    """Whether this process should stop its range of a resumable stage now (``fork_map``'s
    ``resumable``): in a child, once the memory of the fork-join (its parent's resident
    memory and its children's private memory) would pass the budget; never in the parent."""
    return _allowance is not None and _allowance.spent()


def jobs(max_rss: int | None = None, *, resumable: bool = False) -> int:
    """How many processes a comparison may use here (1: run everything in this one).

    ``DIFFREADER_JOBS`` if set (a positive integer), else the cores this process may run
    on (at most ``MAX_JOBS``); always 1 where forking is unavailable, unsafe or too dear:
    not on Linux, inside a forked child or a ``multiprocessing`` worker, with a second
    thread running (a fork copies only the calling thread, and a lock another thread holds
    would stay locked in the child), or once this process holds more than ``max_rss``
    (by default ``MAX_FORK_RSS``; the writers, which fork after a comparison is resident,
    ask less). Without ``DIFFREADER_JOBS``, the cores are cut to the processes that fit
    budget together (``MEMORY_BUDGET``, or the comparison's: ``sized``): two at least,
    unless even two would not fit it (``_GROWTH_OF_A_CHILD``; the writers, whose
    ``max_rss`` keeps them within it, always have two). A ``resumable`` stage, whose
    children stop when they have used their share of the budget (``spent``), has two
    whenever the budget leaves ``_LEAST_HEADROOM`` for a child.
    """
    if _in_child or sys.platform != "linux" or threading.active_count() > 1:
        return 1
    if _in_pool_worker():
        return 1  # one of a pool's processes (the scan's): the pool already uses the cores
    resident = _resident_bytes()
    if resident > (MAX_FORK_RSS if max_rss is None else max_rss):
        return 1  # a child would add about as much again: the largest inputs stay serial
    setting = _setting()
    if setting is not None:
        return setting
    # The writers, whose ``max_rss`` keeps a child small, keep two processes whatever.
    budget = _budget.get()
    least = 1 if max_rss is None else 2
    if resumable and resident > 0 and budget - resident >= _LEAST_HEADROOM:
        least = 2  # its children stop at their share of the budget: they cannot pass it
    return min(_cores(), _fitting(resident, budget, least))


def _fitting(resident: int, budget: int = MEMORY_BUDGET, least: int = 2) -> int:
    """The processes whose fork-join keeps a parent now holding ``resident`` bytes and its
    children within ``budget``: by ``_GROWTH_PER_PROCESS`` two at least, and ``least``
    (1 or 2) when even two would not fit it (``_GROWTH_OF_A_CHILD``).

    >>> [_fitting(mb * 1024 * 1024) for mb in (0, 20, 50, 80, 105, 300)]
    [8, 8, 7, 3, 2, 2]
    >>> [_fitting(mb * 1024 * 1024, least=1) for mb in (105, 130, 140, 300)]
    [2, 2, 1, 1]
    """
    if resident <= 0:
        return MAX_JOBS  # the memory is unknown here: the cores decide
    if resident * (1 + _GROWTH_OF_A_CHILD) > budget:
        return least  # even two processes would pass the budget
    fitting = int((budget / resident - 1) / _GROWTH_PER_PROCESS)
    return max(2, min(MAX_JOBS, fitting))


def configured_jobs() -> int:
    """The processes a comparison may use on this machine, whatever this process is
    (its threads, its memory): ``DIFFREADER_JOBS`` if set, else the cores this process
    may run on (at most ``MAX_JOBS``). The reader asks this before starting a process
    of its own to compare in (``remote.available``)."""
    setting = _setting()
    return _cores() if setting is None else setting


def _setting() -> int | None:
    """``DIFFREADER_JOBS`` (1 for a value that is not a positive number), None unset."""
    setting = os.environ.get("DIFFREADER_JOBS", "").strip()
    if not setting:
        return None
    try:
        return max(1, int(setting))
    except ValueError:
        return 1


def _cores() -> int:
    """The cores this process may run on, at most ``MAX_JOBS``."""
    return max(1, min(MAX_JOBS, len(os.sched_getaffinity(0))))


def _in_pool_worker() -> bool:
    """This process was started by ``multiprocessing`` (a ``ProcessPoolExecutor``'s worker,
    say): a module such a process always has imported, so it is not imported here."""
    started_by = sys.modules.get("multiprocessing")
    return started_by is not None and started_by.parent_process() is not None


def die_with_parent(parent: int) -> None:
    """In a process pool's worker (its ``initializer``, with the pid of the process that
    made the pool): end when that process ends, even killed.

    A worker waits on its task queue, whose pipe it holds both ends of: when the process
    that made the pool was killed (SIGKILL, the OOM killer), its workers waited there for
    ever. On Linux the kernel sends this worker SIGTERM when its parent dies
    (``PR_SET_PDEATHSIG``; pools are made and shut down by one thread, which that signal
    follows); a parent already gone by now ends it at once. Elsewhere, nothing is set.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:
        os._exit(1)


_PR_SET_PDEATHSIG = 1
"""prctl(2)'s option: the signal this process gets when its parent dies."""


def _resident_bytes() -> int:
    """This process's resident memory now (0 where ``/proc`` cannot tell)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def split(weights: Sequence[int], parts: int, min_weight: int | None = None) -> list[int]:
    """Bounds of at most ``parts`` contiguous ranges of about equal total weight.

    There are no more ranges than the total weight holds ``min_weight`` (by default
    ``MIN_WEIGHT``), so light work gets fewer, down to one; the bounds start at 0 and end
    at ``len(weights)``.

    >>> split([5, 5, 5, 5], 2, min_weight=1)
    [0, 2, 4]
    >>> split([5, 5, 5, 5], 2, min_weight=15)
    [0, 4]
    """
    total = sum(weights)
    least = MIN_WEIGHT if min_weight is None else min_weight
    parts = max(1, min(parts, total // max(1, least), len(weights)))
    running = list(accumulate(weights))
    bounds = [0]
    for k in range(1, parts):
        # The cut whose weight before it is nearest k shares (after the previous cut, and
        # leaving at least one item for each range still to come).
        target = total * k / parts
        cut = bisect_left(running, target)  # running[cut] >= target: cut after item cut
        if cut > 0 and target - running[cut - 1] < running[cut] - target:
            cut -= 1
        cut = min(max(cut + 1, bounds[-1] + 1), len(weights) - (parts - k))
        bounds.append(cut)
    bounds.append(len(weights))
    return bounds


def _same(value: Any) -> Any:
    return value


def fork_map(
    task: Callable[[int, int], Any],
    bounds: Sequence[int],
    encode: Callable[[Any], object] = _same,
    decode: Callable[[Any], Any] = _same,
    *,
    resumable: bool = False,
) -> list[Any]:
    """``[task(bounds[i], bounds[i + 1]) for each i]``, the ranges after the first in
    forked children, in parallel with the first in this process.

    ``task`` must be a pure function of the state at the call (a child's changes to that
    state are lost with it). A child sends ``encode(result)`` (pickled), which this process
    turns back with ``decode``: plain tuples pickle several times faster than frozen
    dataclasses. A child that fails for any reason, or that could not be forked, has its
    range run here afterwards: the result is always the serial one.

    ``resumable``: ``task(lo, hi)`` returns ``(items, reached)``, a list of the results of
    ``lo`` up to ``reached`` (``hi`` unless ``spent`` told it to stop), and the results are
    the lists. A child that stops early has the rest of its range run here afterwards: the
    children's memory stays within the budget (``jobs``) whatever the work makes them copy.

    >>> fork_map(lambda lo, hi: list(range(lo, hi)), [0, 2, 5])
    [[0, 1], [2, 3, 4]]
    """
    ranges = list(pairwise(bounds))
    if not ranges:
        return []
    children: list[tuple[int, int] | None] = []  # (pid, read end) per range after the first
    results: list[Any] = []
    allowance = None
    if resumable and len(ranges) > 1:
        _return_free_memory()  # more of the budget for the children
        allowance = _allowance_of(len(ranges) - 1)
        if allowance is None:  # no child could read its memory: every range here
            return [_whole(task, lo, hi) for lo, hi in ranges]
    try:
        for lo, hi in ranges[1:]:
            _fork(task, encode, lo, hi, children, allowance)
        results.append(_whole(task, *ranges[0]) if resumable else task(*ranges[0]))
        for i, (lo, hi) in enumerate(ranges[1:]):
            child, children[i] = children[i], None
            results.append(_gather(child, task, decode, lo, hi, resumable))
    finally:
        # This process failed or was interrupted before gathering them all: end the rest.
        for child in children:
            if child is not None:
                _discard(child)
        if allowance is not None:
            os.close(allowance[1])
    return results


def _return_free_memory() -> None:
    """Give the C library's free heap pages back to the system (``malloc_trim``, where
    the C library has it: glibc): a long comparison's parent holds some 16 MB of them at
    its claims (1 MB of random characters), which count against its children's share."""
    import ctypes  # only here: a long comparison on Linux

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)


def _allowance_of(children: int) -> tuple[int, int, int] | None:
    """What each of ``children`` children of a resumable stage reads its allowance from:
    (the budget, this process's ``/proc`` statm file open, the number of children); None
    where ``/proc`` cannot tell."""
    try:
        statm = os.open("/proc/self/statm", os.O_RDONLY)
    except OSError:
        return None
    return _budget.get(), statm, children


def _whole(task: Callable[[int, int], tuple[list[Any], int]], lo: int, hi: int) -> list[Any]:
    """A resumable task's items from ``lo`` to ``hi``, all of them (here, never spent)."""
    items, reached = task(lo, hi)
    if reached < hi:
        items = [*items, *_whole(task, reached, hi)]
    return items


def _fork(
    task: Callable[[int, int], T],
    encode: Callable[[T], object],
    lo: int,
    hi: int,
    children: list[tuple[int, int] | None],
    allowance: tuple[int, int, int] | None = None,
) -> None:
    """Start a child running ``task(lo, hi)`` into a pipe and append (its pid, the pipe's
    read end) to ``children``, or None when it cannot be started.

    Ctrl+C and termination are held back from the fork until the child is on the list (so
    an interrupted caller always ends it), and a child dies of them at once: the caller
    is interrupted too and does not want its result.
    """
    try:
        read_end, write_end = os.pipe()
    except OSError:
        children.append(None)
        return
    signals = {signal.SIGINT, signal.SIGTERM}
    held = signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        children.append(None)
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        return
    if pid == 0:  # the child: never returns into the caller's code
        not_mine = [read_end, *(c[1] for c in children if c)]
        _run_child(task, encode, lo, hi, write_end, not_mine, allowance)
    children.append((pid, read_end))
    os.close(write_end)
    signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _run_child(
    task: Callable[[int, int], T],
    encode: Callable[[T], object],
    lo: int,
    hi: int,
    write_end: int,
    not_mine: list[int],
    allowance: tuple[int, int, int] | None = None,
) -> NoReturn:
    """In a forked child: send ``encode(task(lo, hi))`` pickled down the pipe, then exit
    (status 0 once sent) without running the parent's exit handlers or flushing its
    buffers. The child of a resumable stage (``allowance``) sends ``(encode(items),
    reached)``."""
    global _in_child, _allowance
    _in_child = True
    status = 1
    try:
        for number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(number, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
        for fd in not_mine:
            os.close(fd)
        if allowance is None:
            payload = pickle.dumps(encode(task(lo, hi)), protocol=pickle.HIGHEST_PROTOCOL)
        else:
            budget, statm, children = allowance
            _allowance = _Allowance(budget, children, statm)
            items, reached = cast(tuple[Any, int], task(lo, hi))
            _allowance = None
            payload = pickle.dumps((encode(items), reached), protocol=pickle.HIGHEST_PROTOCOL)
        with open(write_end, "wb") as out:
            out.write(payload)
        status = 0
    except BaseException:
        status = 1
    finally:
        os._exit(status)


def _discard(child: tuple[int, int]) -> None:
    """End a child whose result is no longer wanted, and reap it."""
    pid, read_end = child
    os.close(read_end)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


def _gather(
    child: tuple[int, int] | None,
    task: Callable[[int, int], Any],
    decode: Callable[[Any], Any],
    lo: int,
    hi: int,
    resumable: bool = False,
) -> Any:
    """The child's result, or the range run here when the child did not deliver it (a
    resumable stage's child that stopped early has the rest of its range run here)."""
    if child is None:
        return _whole(task, lo, hi) if resumable else task(lo, hi)
    pid, read_end = child
    try:
        with open(read_end, "rb") as pipe:
            payload = pipe.read()
    finally:
        _, wait_status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(wait_status) == 0 and payload:
        try:
            if not resumable:
                return decode(pickle.loads(payload))
            encoded, reached = pickle.loads(payload)
            items = decode(encoded)
        except Exception:
            return _whole(task, lo, hi) if resumable else task(lo, hi)
        return items if reached >= hi else [*items, *_whole(task, reached, hi)]
    return _whole(task, lo, hi) if resumable else task(lo, hi)
