"""A real Dask cluster on localhost: a LocalCluster of two worker processes, used both
directly (``--dask local``'s path) and through its scheduler's address (``--dask
tcp://...``), gives the in-process results byte for byte. Skipped without the extra."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from scan_helpers import generate, result_bytes, scan

pytest.importorskip("distributed")

from diffreader.cli import main
from diffreader.scan.dask_executor import DaskExecutor
from diffreader.scan.executors import ExecutorError


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A scheduler and two worker processes (one thread each) on localhost."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=logging.ERROR,
    ) as started:
        yield started


def test_a_dask_cluster_gives_the_local_results(cluster: Any, tmp_path: Path) -> None:
    corpus = generate(tmp_path / "news", 200)
    scan(corpus, tmp_path / "local")
    address = cluster.scheduler_address
    assert address.startswith("tcp://127.0.0.1:")
    executor = DaskExecutor.connect(address)
    assert executor.workers == 2
    scan(corpus, tmp_path / "dask", executor)
    assert result_bytes(tmp_path / "dask") == result_bytes(tmp_path / "local")
    # The command line, on the same scheduler by address.
    code = main(["scan", str(corpus), "-o", str(tmp_path / "cli"), "--dask", address, "-q"])
    assert code == 0
    assert result_bytes(tmp_path / "cli") == result_bytes(tmp_path / "local")


def test_a_local_cluster_of_its_own_gives_the_local_results(tmp_path: Path) -> None:
    corpus = generate(tmp_path / "news", 40, seed=5)
    scan(corpus, tmp_path / "local")
    scan(corpus, tmp_path / "dask", DaskExecutor.local(2))
    assert result_bytes(tmp_path / "dask") == result_bytes(tmp_path / "local")


def test_an_unreachable_scheduler_is_one_line_of_trouble(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("diffreader.scan.dask_executor.CONNECT_TIMEOUT", "1s")
    with pytest.raises(ExecutorError, match="cannot reach the Dask scheduler"):
        DaskExecutor.connect("tcp://127.0.0.1:9")
    (tmp_path / "news").mkdir()
    code = main(["scan", str(tmp_path / "news"), "-o", str(tmp_path / "out"),
                 "--dask", "tcp://127.0.0.1:9"])  # fmt: skip
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("diffreader: cannot reach the Dask scheduler tcp://127.0.0.1:9")
    assert "Traceback" not in "\n".join(err)
