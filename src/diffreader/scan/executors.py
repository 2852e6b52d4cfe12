"""Provides where a scan's tasks run: in-process, a local process pool, or Dask.

An executor runs one function over a list of items (each a chunk of work, plain data)
and yields ``(index, result)`` as results arrive, in any order: the stages never depend
on the order (they key every result and sort before writing). At most ``window`` tasks
are in flight, so a million-article scan never holds a million futures.

Dask is imported by ``scan.dask_executor`` alone, and only when ``make_executor`` is
asked for it (``--dask``): a plain scan and the one-off comparison never load it.

API:
    Executor                          the protocol: run(fn, items) -> Iterator[(i, result)]
    InProcess(), ProcessPool(jobs)    the local executors
    make_executor(jobs, dask) -> Executor
    JOBS_LIMIT                        the most processes --jobs may ask for
    ExecutorError, DaskMissing        a scheduler out of reach; ``--dask`` without the extra
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from queue import SimpleQueue
from typing import Protocol, TypeVar

from diffreader.engine import parallel

__all__ = [
    "JOBS_LIMIT",
    "DaskMissing",
    "Executor",
    "ExecutorError",
    "InProcess",
    "ProcessPool",
    "default_jobs",
    "make_executor",
]

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    """Runs tasks; ``close`` releases the workers."""

    name: str
    """Shown in the progress line and the manifest (``in-process``, ``processes:2``, ...)."""
    workers: int

    def run(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[tuple[int, R]]:
        """Run ``fn`` on each item; yield ``(index, result)`` as they finish."""
        ...

    def close(self) -> None:
        """Stop the workers (also after an interruption)."""
        ...


CLOSE_WAIT = 10.0
"""Seconds a closing pool gives its workers to finish the items they hold."""
JOBS_LIMIT = 1024
"""The most processes ``--jobs`` starts: a typo (``--jobs 10000``) would start that many
Pythons, and past a C int the process pool failed with an internal error."""


class ExecutorError(Exception):
    """The executor cannot start (no scheduler at that address); one line for the user."""


class DaskMissing(ExecutorError):
    """``--dask`` was asked for and the extra ``diffreader[dask]`` is not installed."""


def default_jobs() -> int:
    """The usable cores."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class InProcess:
    """Runs every task here, in order (``--jobs 1``; tests; tiny folders)."""

    name = "in-process"
    workers = 1

    def run(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[tuple[int, R]]:
        for index, item in enumerate(items):
            yield index, fn(item)

    def close(self) -> None:
        pass


def _start_worker(parent: int) -> None:
    """In a pool worker: Ctrl+C is the parent's to handle (it stops handing out tasks and
    shuts the pool down); a worker that took it would print a traceback while idle. A
    parent killed outright takes its workers with it (``parallel.die_with_parent``)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parallel.die_with_parent(parent)


class ProcessPool:
    """A local pool of ``jobs`` processes (spawned: no state leaks from the parent)."""

    def __init__(self, jobs: int) -> None:
        self.workers = jobs
        self.name = f"processes:{jobs}"
        self._pool: ProcessPoolExecutor | None = None

    def run(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[tuple[int, R]]:
        if self._pool is None:
            from multiprocessing import get_context

            self._pool = ProcessPoolExecutor(
                self.workers,
                mp_context=get_context("spawn"),
                initializer=_start_worker,
                initargs=(os.getpid(),),
            )
        pool = self._pool
        window = self.workers * 4
        pending: dict[Future[R], int] = {}
        # Each future puts itself here when it is done. Not ``concurrent.futures.wait``: it
        # takes every pending future's lock in turn, and Ctrl+C between two of them left
        # those locks held, so the pool's own thread could never hand over another result
        # and the interrupted scan hung at its exit.
        finished: SimpleQueue[Future[R]] = SimpleQueue()

        def submit(index: int, item: T) -> None:
            future = pool.submit(fn, item)
            pending[future] = index
            future.add_done_callback(finished.put)

        following = iter(enumerate(items))
        for index, item in following:
            submit(index, item)
            if len(pending) >= window:
                break
        while pending:
            future = finished.get()
            index = pending.pop(future)
            yield index, future.result()
            for more, item in following:
                submit(more, item)
                break

    def close(self) -> None:
        """Stop the workers: each finishes the item it holds, within ``CLOSE_WAIT`` seconds
        in all, and is ended after that (a worker ignores Ctrl+C: an interrupted scan does
        not wait on a long comparison); an item ended unfinished is done again when the
        scan continues."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        # The executor's processes, read before its shutdown lets go of them.
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        deadline = time.monotonic() + CLOSE_WAIT
        for process in processes:
            process.join(max(0.0, deadline - time.monotonic()))
        for process in processes:
            if process.is_alive():
                process.terminate()
                process.join(1)


def make_executor(jobs: int | None = None, dask: str | None = None) -> Executor:
    """The executor for ``--jobs``/``--dask``.

    Args:
        jobs: Local processes (default: the usable cores); 1 runs in-process. With
            ``dask="local"``: the LocalCluster's workers.
        dask: ``None``; ``"local"`` for a LocalCluster; or a scheduler's address
            (``tcp://host:8786``), whose workers need diffreader installed.

    Raises:
        DaskMissing: ``dask`` given without the extra installed.
        ExecutorError: the scheduler cannot be reached, or the cluster cannot start.
    """
    if dask is not None:
        from diffreader.scan.dask_executor import DaskExecutor, available

        if not available():
            raise DaskMissing("--dask needs the optional extra: pip install 'diffreader[dask]'")
        if dask == "local":
            return DaskExecutor.local(jobs or default_jobs())
        return DaskExecutor.connect(dask)
    count = jobs if jobs is not None else default_jobs()
    return InProcess() if count <= 1 else ProcessPool(count)
