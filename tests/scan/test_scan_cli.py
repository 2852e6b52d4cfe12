"""The ``diffreader scan`` command: exit status, bad input as one line, progress on a
terminal and piped, ``diffreader RESULTS`` opening the reader, and Dask staying out of
every process that did not ask for it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from scan_helpers import ROOT

from diffreader import cli
from diffreader.cli import main
from processes import as_foreground_job

DEMO = ROOT / "src" / "diffreader" / "demo"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "diffreader", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_a_scan_with_rewrites_exits_0_and_says_what_it_found(tmp_path: Path) -> None:
    done = _run("scan", str(DEMO), "-o", str(tmp_path / "out"), "-j", "1")
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        f"5 articles, 6 candidate pairs verified: 6 rewrites, 0 related; "
        f"1 story with rewrites -> {tmp_path / 'out'}\n"
    )
    # Piped stderr: plain lines, one per stage, no carriage returns or escapes.
    lines = done.stderr.splitlines()
    assert [line.split()[0] for line in lines] == ["features", "candidates", "verify"]
    assert "\r" not in done.stderr and "\x1b" not in done.stderr


def test_a_scan_without_rewrites_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("00_original.txt", "04_unrelated.txt"):
        (folder / name).write_bytes((DEMO / name).read_bytes())
    assert main(["scan", str(folder), "-o", str(tmp_path / "out"), "-j", "1", "-q"]) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{tmp}/missing", "-o", "{tmp}/out"], "{tmp}/missing: no such folder"),
        (["{demo}", "-o", "{tmp}/file/out"], "{tmp}/file/out: cannot write the results"),
        (["{demo}", "-o", "{tmp}/file"], "{tmp}/file: not a folder"),
        (["{demo}", "-o", "{tmp}/busy"], "{tmp}/busy: holds other files"),
        (["{demo}", "-o", "{tmp}/out", "--jobs", "0"], "--jobs must be 1 or more"),
        # Was the current directory: -o "$OUT" with OUT unset scanned into it.
        (["{demo}", "-o", ""], "-o/--output needs a folder name"),
        # Was "internal error: OverflowError" (a semaphore's C int), its folder half made.
        (["{demo}", "-o", "{tmp}/out", "--jobs", "99999999999"], "--jobs must be 1,024 or less"),
        (["{demo}", "-o", "{tmp}/out", "--dask", "nowhere"], "--dask takes 'local'"),
        (["{demo}"], "the following arguments are required: -o/--output"),
    ],
)
def test_bad_input_is_one_line_and_status_2(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "mine.txt").write_text("mine", encoding="utf-8")
    given = [a.format(tmp=tmp_path, demo=DEMO) for a in args]
    assert _status(["scan", *given]) == 2
    err = capsys.readouterr().err
    assert message.format(tmp=tmp_path) in err
    assert "Traceback" not in err
    assert (tmp_path / "busy" / "mine.txt").read_text(encoding="utf-8") == "mine"


def _status(args: list[str]) -> int | str | None:
    """``main``'s status, also when argparse exits on a usage error."""
    try:
        return main(args)
    except SystemExit as exit:
        return exit.code


def test_dask_without_the_extra_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    assert main(["scan", str(DEMO), "-o", str(tmp_path / "out"), "--dask", "local"]) == 2
    assert capsys.readouterr().err == (
        "diffreader: --dask needs the optional extra: pip install 'diffreader[dask]'\n"
    )
    assert not (tmp_path / "out").exists()


def test_progress_on_a_terminal_is_a_bar_with_rates(tmp_path: Path) -> None:
    import io
    import itertools

    from diffreader.scan.executors import InProcess
    from diffreader.scan.progress import Progress
    from diffreader.scan.run import run_scan

    stream = io.StringIO()
    progress = Progress(stream, tty=True)
    # A clock a second on at each reading: the bar is redrawn at every step however fast
    # the scan runs (it redraws at most every tenth of a second).
    ticks = itertools.count()
    progress._now = lambda: float(next(ticks))
    run_scan([DEMO], tmp_path / "out", InProcess(), progress)
    text = stream.getvalue()
    assert "\r" in text and "█" in text and "/s" in text
    finished = [line.split("\r")[-1] for line in text.split("\n") if line]
    assert finished[0].startswith("\x1b[Kfeatures    5 articles in ")


def test_help_describes_the_executors() -> None:
    done = _run("scan", "--help")
    assert done.returncode == 0
    for text in ("--jobs N", "--dask local", "--dask tcp://HOST:PORT", "diffreader[dask]"):
        assert text in done.stdout


def test_diffreader_results_opens_the_reader_on_the_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["scan", str(DEMO), "-o", str(tmp_path / "out"), "-j", "1", "-q"]) == 0
    opened: dict[str, Any] = {}

    def fake_reader(config: object, **kwargs: Any) -> cli.ExitStatus:
        opened.update(kwargs)
        return cli.ExitStatus.SAME

    monkeypatch.setattr(cli, "_run_reader", fake_reader)
    assert main([str(tmp_path / "out")]) == 0
    assert opened["scan"] == tmp_path / "out" and "corpus" not in opened
    assert main([str(DEMO)]) == 0  # an ordinary folder is still a corpus
    assert opened["corpus"] == DEMO


_PROBE = """
import json, sys
from diffreader.cli import main
code = main(sys.argv[1:])
print(json.dumps([code, sorted(m for m in sys.modules
                               if m.split(".")[0] in ("dask", "distributed", "textual"))]))
"""


@pytest.mark.parametrize("kind", ["scan", "one-off"])
def test_a_scan_and_the_one_off_never_load_dask(kind: str, tmp_path: Path) -> None:
    if kind == "scan":
        args = ["scan", str(DEMO), "-o", str(tmp_path / "out"), "-q"]
        expected = 0
    else:
        args = [
            str(DEMO / "00_original.txt"),
            str(DEMO / "01_rewrite_syndicated.txt"),
            "-f",
            "json",
        ]
        expected = 1
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    code, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert code == expected, done.stderr
    assert loaded == []


def test_ctrl_c_exits_130_and_says_how_to_continue(tmp_path: Path) -> None:
    import signal
    import time

    from scan_helpers import generate

    corpus = generate(tmp_path / "news", 120)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        [sys.executable, "-m", "diffreader", "scan", str(corpus), "-o", str(out), "-j", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # Ctrl+C reaches the whole group: the pool's workers too
        preexec_fn=as_foreground_job,
    )
    deadline = time.monotonic() + 120
    while not (out / "pairs.jsonl").exists() or not (out / "pairs.jsonl").stat().st_size:
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "diffreader: interrupted; run the same command again to continue" in err
    assert "Traceback" not in err


def test_a_damaged_results_marker_is_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A truncated ``diffreader-scan.json``: the results opened as an empty folder of
    articles, and a new scan into them said they "hold other files"."""
    out = tmp_path / "out"
    assert main(["scan", str(DEMO), "-o", str(out), "-j", "1", "-q"]) == 0
    marker = out / "diffreader-scan.json"
    marker.write_bytes(marker.read_bytes()[:40])
    capsys.readouterr()
    assert _status([str(out)]) == 2
    assert "diffreader-scan.json: not a scan's results marker" in capsys.readouterr().err
    assert main(["scan", str(DEMO), "-o", str(out), "-j", "1", "-q"]) == 2
    err = capsys.readouterr().err
    assert "not a scan's results marker" in err and "holds other files" not in err
