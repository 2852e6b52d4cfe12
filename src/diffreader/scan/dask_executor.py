"""Provides ``DaskExecutor``: a scan's tasks on Dask (the only module that imports Dask).

Three ways to run:

- ``DaskExecutor.local(n)``: a ``distributed.LocalCluster`` of ``n`` worker processes,
  one thread each (the engine is pure Python: threads would share one interpreter lock).
- ``DaskExecutor.connect("tcp://host:8786")``: an existing scheduler; its workers need
  diffreader installed and the articles at the same paths (shared storage).
- ``DaskExecutor.synchronous()``: no cluster, ``dask.compute(..., scheduler=
  "synchronous")`` on ``dask.delayed`` tasks in this thread (the stages' unit tests).

Tasks are submitted through a window (``workers * 4`` in flight) and collected with
``distributed.as_completed``, so the client never holds every future of a large scan.

Dask itself is imported inside the functions, so importing this module costs nothing
and works without the extra (``available()`` says whether it is installed).

API:
    available() -> bool
    DaskExecutor.local(n), .connect(address), .synchronous()
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from diffreader.scan.executors import ExecutorError

__all__ = ["DaskExecutor", "available"]

T = TypeVar("T")
R = TypeVar("R")

CONNECT_TIMEOUT = "10s"
"""How long to wait for a scheduler given by address."""


def available() -> bool:
    """Whether the extra ``diffreader[dask]`` (dask and distributed) is installed."""
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


class DaskExecutor:
    """Runs tasks on a Dask cluster (or Dask's synchronous scheduler)."""

    def __init__(self, client: Any, cluster: Any, name: str, workers: int) -> None:
        self._client = client
        self._cluster = cluster
        self.name = name
        self.workers = workers

    @classmethod
    def local(cls, workers: int) -> DaskExecutor:
        """A LocalCluster of ``workers`` processes, one thread each."""
        from distributed import Client, LocalCluster

        try:
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                # A free port: a fixed one (8787) clashes with any other cluster here.
                dashboard_address=":0",
                silence_logs=logging.ERROR,
            )
        except (OSError, RuntimeError) as error:
            raise ExecutorError(f"cannot start a Dask LocalCluster ({error})") from error
        client = Client(cluster)
        return cls(client, cluster, f"dask-local:{workers}", workers)

    @classmethod
    def connect(cls, address: str) -> DaskExecutor:
        """A client of the scheduler at ``address`` (``tcp://host:port``)."""
        from distributed import Client

        try:
            client = Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as error:
            raise ExecutorError(f"cannot reach the Dask scheduler {address} ({error})") from error
        workers = max(1, sum(client.nthreads().values()))
        return cls(client, None, f"dask:{address}", workers)

    @classmethod
    def synchronous(cls) -> DaskExecutor:
        """Dask's synchronous scheduler, in this thread (for tests and debugging)."""
        return cls(None, None, "dask-synchronous", 1)

    def run(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[tuple[int, R]]:
        if self._client is None:
            yield from self._run_synchronous(fn, items)
            return
        from distributed import as_completed

        client = self._client
        window = max(2, self.workers * 4)
        following = iter(enumerate(items))
        index_of: dict[str, int] = {}
        finished = as_completed()

        def submit() -> bool:
            for index, item in following:
                future = client.submit(fn, item, pure=False)
                index_of[future.key] = index
                finished.add(future)
                return True
            return False

        for _ in range(window):
            if not submit():
                break
        for future in finished:
            index = index_of.pop(future.key)
            result = future.result()
            future.release()
            yield index, result
            submit()

    def _run_synchronous(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[tuple[int, R]]:
        from dask.base import compute
        from dask.delayed import delayed

        task = delayed(fn, pure=False)
        step = 16
        for start in range(0, len(items), step):
            batch = [task(item) for item in items[start : start + step]]
            results = compute(*batch, scheduler="synchronous")
            for offset, result in enumerate(results):
                yield start + offset, result

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
