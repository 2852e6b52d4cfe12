"""Tests of a whole scan: results, resuming after an interruption or a kill, incremental
updates, and the same results from every local executor."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scan_helpers import ROOT, generate, result_bytes, scan

from diffreader.scan.executors import InProcess, ProcessPool
from diffreader.scan.progress import Progress, Silent
from diffreader.scan.results import read_jsonl, read_results
from diffreader.scan.run import ScanError, run_scan


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("scan") / "news", 120)


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scan run start to finish, in-process."""
    out = tmp_path_factory.mktemp("reference") / "results"
    scan(corpus, out)
    return out


def test_results_hold_stories_pairs_and_comparisons(corpus: Path, reference: Path) -> None:
    manifest = json.loads((reference / "diffreader-scan.json").read_text(encoding="utf-8"))
    assert manifest["kind"] == "diffreader-scan" and manifest["complete"]
    pairs = {(p["a"], p["b"]): p for p in read_jsonl(reference / "pairs.jsonl")}
    candidates = [(c["a"], c["b"]) for c in read_jsonl(reference / "candidates.jsonl")]
    assert sorted(pairs) == sorted(candidates) and pairs  # every candidate verified once
    comparisons = {
        (c["a"], c["b"]): c["comparison"] for c in read_jsonl(reference / "comparisons.jsonl")
    }
    interesting = {k for k, p in pairs.items() if p["verdict"] != "unrelated"}
    assert set(comparisons) == interesting
    for story in read_jsonl(reference / "stories.jsonl"):
        for member in story["members"]:
            assert pairs[story["pivot"], member["path"]]["verdict"] == "rewrite"
            assert comparisons[story["pivot"], member["path"]]["schema"] == 1
    # The generator's known rewrites are found (pairs of an original and its rewrite).
    truth = json.loads((corpus / ".truth.json").read_text(encoding="utf-8"))["rewrites"]
    known = {(str(corpus / a), str(corpus / b)) for a, bs in truth.items() for b in bs}
    found = {k for k, p in pairs.items() if p["verdict"] == "rewrite"}
    found |= {(b, a) for a, b in found}
    assert len(known & found) >= 0.9 * len(known)


def test_a_process_pool_gives_the_same_results(
    corpus: Path, reference: Path, tmp_path: Path
) -> None:
    scan(corpus, tmp_path / "pool", ProcessPool(2))
    assert result_bytes(tmp_path / "pool") == result_bytes(reference)


def _processes_for_a_comparison(_: int) -> int:
    from diffreader.engine import parallel

    return parallel.jobs()


def test_a_pool_worker_does_not_split_its_comparisons_over_more_processes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DIFFREADER_JOBS", "4")  # what a worker would otherwise inherit
    pool = ProcessPool(2)
    try:
        seen = dict(pool.run(_processes_for_a_comparison, [0, 1, 2, 3]))
    finally:
        pool.close()
    assert seen == {0: 1, 1: 1, 2: 1, 3: 1}


def test_a_closing_pool_ends_a_worker_that_holds_its_item_too_long(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An interrupted scan closes its pool while workers still compare (they ignore Ctrl+C):
    the close ends them after ``CLOSE_WAIT`` seconds instead of waiting on them."""
    import threading

    from diffreader.scan import executors

    monkeypatch.setattr(executors, "CLOSE_WAIT", 0.5)
    pool = ProcessPool(2)
    failed: list[BaseException] = []

    def consume() -> None:
        try:
            list(pool.run(time.sleep, [60.0, 60.0]))
        except BaseException as error:  # the pool broken under it: what this test expects
            failed.append(error)

    thread = threading.Thread(target=consume, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while pool._pool is None or not getattr(pool._pool, "_processes", None):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(1.0)  # the workers have taken their items
    started = time.monotonic()
    pool.close()
    assert time.monotonic() - started < 5
    thread.join(10)
    assert not thread.is_alive() and failed


class _StopAfter(Progress):
    """Interrupts the scan (as Ctrl+C would) after ``count`` pairs were verified."""

    def __init__(self, count: int) -> None:
        super().__init__(stream=sys.stderr, tty=False)
        self.count = count

    def advance(self, count: int = 1) -> None:
        super().advance(count)
        if self._name == "verify" and self._done >= self.count:
            raise KeyboardInterrupt

    def _write(self, text: str) -> None:
        pass


def test_an_interrupted_scan_continues_where_it_stopped(
    corpus: Path, reference: Path, tmp_path: Path
) -> None:
    out = tmp_path / "results"
    with pytest.raises(KeyboardInterrupt):
        run_scan([corpus], out, InProcess(), _StopAfter(8))
    manifest = json.loads((out / "diffreader-scan.json").read_text(encoding="utf-8"))
    assert not manifest["complete"] and "verify" not in manifest["stages"]
    kept = len(list(read_jsonl(out / "pairs.jsonl")))
    assert kept >= 8
    assert not read_results(out).complete  # the reader says it is unfinished
    progress = Silent()
    run_scan([corpus], out, InProcess(), progress)
    rates = {r.stage: r for r in progress.finished}
    assert rates["features"].count == 0 and rates["features"].reused == 120
    assert rates["verify"].reused == kept  # only the pairs left were verified
    assert rates["verify"].count + kept == len(list(read_jsonl(reference / "pairs.jsonl")))
    assert result_bytes(out) == result_bytes(reference)


def test_a_killed_scan_continues_where_it_stopped(
    corpus: Path, reference: Path, tmp_path: Path
) -> None:
    out = tmp_path / "results"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "diffreader", "scan", str(corpus), "-o", str(out), "-j", "1"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while not (out / "pairs.jsonl").exists() or not (out / "pairs.jsonl").stat().st_size:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "the scan never started verifying"
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
        if process.stderr:
            process.stderr.close()
    manifest = json.loads((out / "diffreader-scan.json").read_text(encoding="utf-8"))
    assert not manifest["complete"]
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "already in the results" in done.stderr
    assert result_bytes(out) == result_bytes(reference)


def test_sigterm_stops_a_scan_as_ctrl_c_does(corpus: Path, reference: Path, tmp_path: Path) -> None:
    # The signal's default action ended the scan with multiprocessing's warnings about
    # leaked semaphores on stderr; now it stops as Ctrl+C does, with its own status.
    out = tmp_path / "results"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "diffreader", "scan", str(corpus), "-o", str(out), "-j", "2"]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 120
        while not (out / "articles.jsonl").exists():
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "the scan never started"
            time.sleep(0.02)
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    if process.returncode == 0:
        pytest.skip("the scan finished before the signal")  # a fast host; nothing to test
    assert process.returncode == 143, err
    assert "interrupted; run the same command again" in err
    assert "Traceback" not in err and "leaked" not in err
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    assert result_bytes(out) == result_bytes(reference)


def test_a_rescan_reads_only_what_changed(corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    names = sorted(p.name for p in corpus.iterdir() if p.suffix == ".txt")[:30]
    for name in names:
        (folder / name).write_bytes((corpus / name).read_bytes())
    out = tmp_path / "results"
    scan(folder, out)
    # One file touched (same text), one rewritten, one removed, one added.
    os.utime(folder / names[0], ns=(1, 1))
    changed = folder / names[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA new closing line.\n", "utf-8")
    (folder / names[2]).unlink()
    (folder / "zz_new.txt").write_bytes((corpus / names[2]).read_bytes())
    progress = Silent()
    run_scan([folder], out, InProcess(), progress)
    features = progress.finished[0]
    assert (features.count, features.reused) == (3, 27)
    paths = [r["path"] for r in read_jsonl(out / "articles.jsonl")]
    assert str(folder / names[2]) not in paths and str(folder / "zz_new.txt") in paths
    # Every stage's files now equal a fresh scan of the folder as it is.
    scan(folder, tmp_path / "fresh")
    assert result_bytes(out) == result_bytes(tmp_path / "fresh")


def test_a_file_refused_as_binary_is_read_again_when_the_loader_reads_it(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A UTF-16 file without a BOM, refused as binary by a scan made before the loader
    read it, stayed refused in every continued scan while unchanged."""
    from diffreader.engine import load

    folder = tmp_path / "news"
    folder.mkdir()
    names = sorted(p.name for p in corpus.iterdir() if p.suffix == ".txt")[:4]
    for name in names:
        (folder / name).write_bytes((corpus / name).read_bytes())
    text = (corpus / names[0]).read_text(encoding="utf-8") + "\nSaved by Notepad.\n"
    (folder / "notepad.txt").write_bytes(text.encode("utf-16-le"))
    out = tmp_path / "results"
    with monkeypatch.context() as patched:  # the loader before: no UTF-16 without a BOM
        patched.setattr(load, "bomless_utf16", lambda data, final=True: None)
        assert scan(folder, out).refused == 1
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 9)
    progress = Silent()
    summary = run_scan([folder], out, InProcess(), progress)
    assert summary.refused == 1  # the image only
    assert progress.finished[0].count == 2  # the UTF-16 file and the image were read
    scan(folder, tmp_path / "fresh")
    assert result_bytes(out) == result_bytes(tmp_path / "fresh")


def test_a_results_folder_must_be_new_empty_or_a_scan(corpus: Path, tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ScanError, match="holds other files"):
        run_scan([corpus], tmp_path / "notes", InProcess(), Silent())
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(ScanError, match="not a folder"):
        run_scan([corpus], tmp_path / "file", InProcess(), Silent())
    with pytest.raises(ScanError, match="cannot write"):
        run_scan([corpus], tmp_path / "file" / "results", InProcess(), Silent())
    assert (tmp_path / "notes" / "todo.txt").read_text(encoding="utf-8") == "mine"


def test_two_scans_never_write_the_same_results_at_once(corpus: Path, tmp_path: Path) -> None:
    import fcntl

    from diffreader.scan.run import LOCK

    out = tmp_path / "results"
    out.mkdir()
    with open(out / LOCK, "a+b") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)  # as a running scan holds it
        with pytest.raises(ScanError, match="another diffreader scan is writing"):
            run_scan([corpus], out, InProcess(), Silent())
    assert not (out / "articles.jsonl").exists()


_POOL_SNIPPETS = {
    "scan": "from diffreader.scan.executors import ProcessPool\n"
    "pool = ProcessPool(2)\n"
    "threading.Thread(target=lambda: list(pool.run(time.sleep, [600, 600])), daemon=True).start()\n"
    "while pool._pool is None or len(pool._pool._processes) < 2: time.sleep(0.05)\n"
    "print(*pool._pool._processes, flush=True)\n",
    "corpus index": "from diffreader.storage.corpus_index import _pool\n"
    "pool = _pool(2)\n"
    "futures = [pool.submit(time.sleep, 600) for _ in range(2)]\n"
    "while len(pool._processes) < 2: time.sleep(0.05)\n"
    "print(*pool._processes, flush=True)\n",
}


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie left to an init that does not reap has ended


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
@pytest.mark.parametrize("pool", sorted(_POOL_SNIPPETS))
def test_a_killed_parent_takes_its_pool_workers_with_it(pool: str) -> None:
    # Killed outright (SIGKILL, the OOM killer), a scan or an indexing reader left its
    # workers waiting on their task queue for ever.
    snippet = "import threading, time\n" + _POOL_SNIPPETS[pool] + "time.sleep(600)\n"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        [sys.executable, "-c", snippet], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        workers = [int(pid) for pid in process.stdout.readline().split()]
        assert len(workers) == 2 and all(map(_running, workers))
    finally:
        process.kill()
        process.wait(timeout=30)
        if process.stdout:
            process.stdout.close()
    deadline = time.monotonic() + 30
    while any(map(_running, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in workers if _running(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)  # not to outlive the test run
    assert left == []
