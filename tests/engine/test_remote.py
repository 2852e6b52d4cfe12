"""Tests for ``engine/remote.py``: a comparison in a child process equals the one made here,
and every way the child can fail is reported as ``RemoteFailed`` with nothing left running."""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diffreader.engine import (
    align_pair,
    annotate,
    compare,
    document_from_text,
    load_document,
    remote,
)
from diffreader.engine.load import LoadError
from diffreader.engine.model import Comparison, Op, Quote, QuoteStatus, Side, Span, Stats, WordOp
from diffreader.engine.remote import RemoteComparison, RemoteFailed
from processes import alive_in_group

DEMO = Path(__file__).resolve().parents[2] / "src" / "diffreader" / "demo"

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="process groups and /proc")


def _long_article(seed: int, sentences: int) -> str:
    """A news-like article: names, figures, dates and quotations in every paragraph."""
    rng = random.Random(seed)
    people = ["Ines Varga", "Martin Reyes", "Helen Sorensen", "Amara Lind", "Tomas Berg"]
    places = ["Saltmere", "Kilbrannan", "Leeds", "York", "Ely"]
    verbs = ["said", "told reporters", "added", "warned"]
    paragraphs = []
    for start in range(0, sentences, 4):
        lines = []
        for k in range(4):
            n = start + k
            person, place = rng.choice(people), rng.choice(places)
            if n % 3 == 0:
                lines.append(
                    f'"The bridge at {place} will reopen in {rng.randrange(2, 12)} weeks," '
                    f"{person} {rng.choice(verbs)}."
                )
            else:
                lines.append(
                    f"{place} council spent {rng.randrange(2, 9000):,} pounds on repairs in "
                    f"{rng.randrange(1990, 2030)}, up {rng.randrange(1, 99)}% on the year before."
                )
        paragraphs.append(" ".join(lines))
    return "\n\n".join(paragraphs) + "\n"


def _rewrite(text: str, seed: int) -> str:
    """``text`` with some paragraphs dropped, reworded, moved and added."""
    rng = random.Random(seed)
    paragraphs = text.split("\n\n")
    out = []
    for p in paragraphs:
        r = rng.random()
        if r < 0.05:
            continue
        if r < 0.3:
            p = p.replace("council", "county council", 1).replace("weeks", "months", 1)
        out.append(p)
        if rng.random() < 0.05:
            out.append(_long_article(rng.randrange(10**6), 4).strip())
    k = len(out) // 2
    out[k], out[k + 1] = out[k + 1], out[k]
    return "\n\n".join(out)


@pytest.fixture(scope="module")
def long_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two ~150 KB articles: long enough for the child to fork (``parallel.MIN_WEIGHT``)."""
    folder = tmp_path_factory.mktemp("long")
    original = _long_article(3, 1600)
    a, b = folder / "a.txt", folder / "b.txt"
    a.write_text(original, encoding="utf-8")
    b.write_text(_rewrite(original, 4), encoding="utf-8")
    return a, b


def _here(a: Path | str, b: Path | str) -> tuple[Comparison, Comparison]:
    """The aligned half and the whole comparison made in this process, serially (as the
    reader's worker thread makes them)."""
    previous = os.environ.get("DIFFREADER_JOBS")
    os.environ["DIFFREADER_JOBS"] = "1"
    try:
        aligned = align_pair(load_document(a), load_document(b))
        return aligned, annotate(aligned)
    finally:
        if previous is None:
            del os.environ["DIFFREADER_JOBS"]
        else:
            os.environ["DIFFREADER_JOBS"] = previous


def _wait_until(predicate, what: str, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    """Poll ``predicate`` (not a speed check: the deadline only keeps a failure from hanging)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, what
        time.sleep(0.01)


@pytest.fixture
def fake_python(tmp_path: Path) -> Iterator[callable]:  # type: ignore[valid-type]
    """Make an executable standing in for the interpreter, running a shell script."""

    def make(script: str) -> str:
        path = tmp_path / f"fake-python-{len(list(tmp_path.iterdir()))}"
        path.write_text("#!/bin/sh\n" + textwrap.dedent(script), encoding="utf-8")
        path.chmod(path.stat().st_mode | stat.S_IXUSR)
        return str(path)

    yield make


def _python_child(program: str) -> str:
    """Shell lines running the real interpreter on ``program`` in place of the child."""
    return f'exec {sys.executable} -c {_shell_quote(program)} "$@"\n'


def _shell_quote(text: str) -> str:
    return "'" + text.replace("'", "'\"'\"'") + "'"


# -- equal results ----------------------------------------------------------------------


def test_paths_compared_in_a_child_equal_the_comparison_made_here(
    long_pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIFFREADER_JOBS", "2")  # the child forks, whatever the machine
    aligned_here, here = _here(*long_pair)
    assert here.claims and here.quotes, "the generated pair has claims and quotations"
    loaded: list[tuple[int, int]] = []
    with RemoteComparison(*long_pair) as child:
        aligned = child.aligned(lambda na, nb: loaded.append((na, nb)))
        assert aligned == aligned_here
        assert child.annotated() == here
    assert loaded == [(len(here.a.sentences), len(here.b.sentences))]
    assert alive_in_group(child.pid) == []


def test_documents_sent_to_a_child_equal_the_comparison_made_here(
    long_pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIFFREADER_JOBS", "2")
    docs = load_document(long_pair[0]), load_document(long_pair[1])
    _, here = _here(*long_pair)
    with RemoteComparison(*docs) as child:
        aligned = child.aligned()
        # Only the statuses came back: the documents' texts are the ones sent.
        assert aligned.a.text is docs[0].text and aligned.b.text is docs[1].text
        assert child.annotated() == here


def test_the_demo_pairs_compare_alike_in_a_child() -> None:
    articles = sorted(DEMO.glob("*.txt"))
    assert len(articles) > 3, "the demo corpus is bundled"
    first = articles[0]
    for other in articles[1:4]:
        assert remote.compare(first, other) == compare(load_document(first), load_document(other))


@settings(max_examples=12, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "The council met on 3 May.",
                '"We will rebuild," said Ines Varga.',
                "Costs rose 12% to £4.5m [bold]at once[/].",
                "A line\x0bwith a VT\u2028and a separator.",
                "Nothing changed here.",
                "\x1b[31mRed\x1b[0m text, literally.",
                "Dr. Reyes left at 9 a.m. on Jan. 4.",
            ]
        ),
        min_size=1,
        max_size=12,
    ),
    st.lists(st.integers(0, 6), max_size=6),
)
def test_any_small_pair_compares_alike_in_a_child(sentences: list[str], edits: list[int]) -> None:
    text_a = " ".join(sentences)
    words = text_a.split(" ")
    for k in edits:
        if words:
            words[k % len(words)] = "altered"
    doc_a, doc_b = document_from_text(text_a), document_from_text(" ".join(words) + " Added.")
    assert remote.compare(doc_a, doc_b) == compare(doc_a, doc_b)


_OPS = st.builds(WordOp, st.sampled_from(list(Op)), *(st.integers(0, 10**6) for _ in range(4)))
_QUOTES = st.builds(
    Quote,
    st.sampled_from(list(Side)),
    st.integers(0, 10**6),
    st.integers(0, 10**6),
    st.text(),
    st.sampled_from(list(QuoteStatus)),
    st.none() | st.builds(Span, st.integers(0, 10**6), st.integers(0, 10**6)),
    st.lists(_OPS, max_size=4).map(tuple),
    st.floats(0, 1),
    st.none() | st.text(),
    st.none() | st.text(),
    st.booleans(),
    st.integers(-1, 10**4),
    st.integers(-1, 10**4),
)


@given(st.lists(_QUOTES, max_size=5))
def test_quotations_survive_their_encoding(quotes: list[Quote]) -> None:
    assert remote._decode_quotes(remote._encode_quotes(quotes)) == quotes


@given(
    st.builds(
        Stats,
        st.floats(0, 1),
        st.floats(0, 1),
        st.floats(0, 1),
        st.floats(0, 1),
        st.dictionaries(st.text(), st.integers()),
        st.integers(0),
        st.integers(0),
        st.dictionaries(st.text(), st.integers()),
    )
)
def test_stats_survive_their_encoding(stats: Stats) -> None:
    assert remote._decode_stats(remote._encode_stats(stats)) == stats


# -- failures ---------------------------------------------------------------------------


def test_a_load_error_in_the_child_is_the_one_raised_here(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(LoadError) as here:
        load_document(empty)
    with (
        RemoteComparison(DEMO / "00_original.txt", empty) as child,
        pytest.raises(LoadError) as there,
    ):
        child.aligned()
    assert str(there.value) == str(here.value)


def test_a_missing_interpreter_fails_at_the_start(tmp_path: Path) -> None:
    with pytest.raises(RemoteFailed, match="could not start"):
        RemoteComparison(
            DEMO / "00_original.txt", DEMO / "01_rewrite.txt", executable=str(tmp_path / "none")
        )


@pytest.mark.parametrize(
    ("script", "message"),
    [
        ("echo 'Traceback: it broke' >&2\nexit 3\n", r"exit status 3: Traceback: it broke"),
        ("kill -9 $$\n", r"killed by signal 9"),
        (
            'head -c 1 >/dev/null\necho garbage garbage garbage >"/proc/self/fd/$4"\n',
            r"not a result",
        ),
        ('head -c 1 >/dev/null\nprintf DRc1 >"/proc/self/fd/$4"\n', r"stopped before it finished"),
    ],
    ids=["exit-status", "killed", "garbage", "truncated"],
)
def test_a_child_that_does_not_deliver_fails_clearly(
    script: str,
    message: str,
    fake_python,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    executable = fake_python(script)
    with (
        RemoteComparison(
            DEMO / "00_original.txt", DEMO / "03_rewrite_update.txt", executable=executable
        ) as child,
        pytest.raises(RemoteFailed, match=message),
    ):
        child.aligned()
    assert alive_in_group(child.pid) == []


_FRAMES = """
import os, pickle, struct, sys
sys.stdin.buffer.read(1)  # the request has come
out = os.fdopen(int(sys.argv[4]), "wb")  # -c PROGRAM ROOT FD PID, as the real child gets
def frame(message):
    data = pickle.dumps(message)
    out.write(struct.pack("!4sQ", b"DRc1", len(data)) + data)
    out.flush()
"""


@pytest.mark.parametrize(
    ("frames", "message"),
    [
        ('out.write(struct.pack("!4sQ", b"DRc1", 5) + b"\\x80\\x05junk")', "damaged"),
        ('frame(["not", "a", "tuple"])', "wrong shape"),
        ('frame(("aligned",))', "before 'loaded'"),
        ('frame(("loaded", 2, 2)); frame(("aligned", None, [], None))', "malformed"),
        (
            'frame(("loaded", 1, 1)); frame(("aligned", [("t", (0, 1, 0, 0, 0), None, None, None,'
            ' "utf-8", None)] * 2, [((5,), (0,), 0, 1.0, (), False)], '
            "(1.0, 0.0, 1.0, 1.0, {}, 0, 0, {})))",
            "unknown sentences",
        ),
        ('frame(("error", "ValueError(\'inside\')"))', "failed in its process: ValueError"),
    ],
    ids=["damaged-pickle", "shape", "order", "malformed", "out-of-range", "error-frame"],
)
def test_a_child_that_sends_bad_frames_fails_clearly(
    frames: str,
    message: str,
    fake_python,  # type: ignore[no-untyped-def]
) -> None:
    executable = fake_python(_python_child(_FRAMES + frames))
    with (
        RemoteComparison(
            DEMO / "00_original.txt", DEMO / "03_rewrite_update.txt", executable=executable
        ) as child,
        pytest.raises(RemoteFailed, match=message),
    ):
        child.annotated()


def test_kill_ends_the_child_and_its_helpers_and_frees_a_blocked_read(
    fake_python,  # type: ignore[no-untyped-def]
) -> None:
    # A child that forks helpers (as parallel.py does) and then never answers.
    executable = fake_python("sleep 600 &\nsleep 600 &\nexec sleep 600\n")
    child = RemoteComparison(
        DEMO / "00_original.txt", DEMO / "03_rewrite_update.txt", executable=executable
    )
    _wait_until(lambda: len(alive_in_group(child.pid)) == 3, "the helpers started")
    failed: list[BaseException] = []

    def read() -> None:
        try:
            child.aligned()
        except BaseException as error:
            failed.append(error)

    reader = threading.Thread(target=read)
    reader.start()
    child.kill()
    reader.join(timeout=60)
    assert not reader.is_alive()
    assert len(failed) == 1 and isinstance(failed[0], RemoteFailed) and child.killed
    assert "stopped" in str(failed[0])
    child.close()
    _wait_until(lambda: alive_in_group(child.pid) == [], "the group ended")


def _alive(pid: int) -> bool:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return fields[0] != "Z"


def test_a_child_dies_with_the_process_that_started_it() -> None:
    # What the child does first (_child_main): ask the kernel to kill it with its starter.
    sleeper = (
        "import sys, time\n"
        "from diffreader.engine.remote import _die_with_parent\n"
        "_die_with_parent(int(sys.argv[1]))\n"
        "print('ready', flush=True)\n"
        "time.sleep(600)\n"
    )
    starter = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import os, subprocess, sys, time\n"
            "child = subprocess.Popen([sys.executable, '-c', sys.argv[1], str(os.getpid())],"
            " stdin=subprocess.DEVNULL)\n"
            "print(child.pid, flush=True)\n"
            "time.sleep(600)\n",
            sleeper,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert starter.stdout is not None
    pid = int(starter.stdout.readline())
    try:
        assert starter.stdout.readline() == "ready\n"  # the child asked for the signal
        starter.kill()  # SIGKILL: none of the starter's own code runs
        starter.wait()
        _wait_until(lambda: not _alive(pid), "the child outlived its starter")
    finally:
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)


def test_a_child_whose_starter_is_already_gone_exits_at_once() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from diffreader.engine.remote import _die_with_parent\n"
            "_die_with_parent(1)\n"  # not this process's parent
            "print('went on')\n",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 1 and "went on" not in done.stdout


def test_available_follows_the_jobs_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    for setting, expected in (("1", False), ("0", False), ("many", False), ("3", True)):
        monkeypatch.setenv("DIFFREADER_JOBS", setting)
        assert remote.available() is expected
    monkeypatch.delenv("DIFFREADER_JOBS")
    assert remote.available() is (len(os.sched_getaffinity(0)) > 1)
    monkeypatch.setattr(sys, "executable", "")
    assert remote.available() is False


def test_mixed_sources_are_refused() -> None:
    doc = load_document(DEMO / "00_original.txt")
    with pytest.raises(RemoteFailed):
        RemoteComparison(doc, DEMO / "00_original.txt")


def test_a_stray_print_in_the_child_does_not_corrupt_its_answer(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The child's own stdout is its stderr: run it with a sitecustomize that prints.
    (tmp_path / "sitecustomize.py").write_text("print('hello from site')\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", f"{tmp_path}{os.pathsep}{os.environ.get('PYTHONPATH', '')}")
    a, b = DEMO / "00_original.txt", DEMO / "03_rewrite_update.txt"
    with RemoteComparison(a, b) as child:
        assert child.annotated() == compare(load_document(a), load_document(b))


def test_a_finished_child_leaves_nothing_running(long_pair: tuple[Path, Path]) -> None:
    with RemoteComparison(*long_pair) as child:
        child.annotated()
    assert child._process.returncode in (0, -signal.SIGKILL)
    assert alive_in_group(child.pid) == []
