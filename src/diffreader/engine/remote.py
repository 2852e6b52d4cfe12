"""Provides ``RemoteComparison``: one comparison run in a separate Python process.

A long comparison uses the machine's cores by forking (``parallel.py``), but only from a
process running a single thread: a fork copies the calling thread alone, and a lock held
by another thread would stay locked in the child. The reader compares in a worker thread,
so there it would stay serial. A fresh interpreter started with ``subprocess`` (fork and
exec at once, safe from any thread) is single-threaded: in it ``parallel.jobs()`` forks as
the command line does, and the caller's thread only waits on a pipe meanwhile.

The child is started in a process group of its own (its forked helpers join it), so
``kill`` ends all of them at once; it is also killed by the kernel when the thread that
started it dies (Linux's parent-death signal), so a reader killed outright leaves no
comparison running.

Protocol: the parent writes one request frame to the child's standard input: the two paths
(the child loads them, both at once, and sends the documents back) or the two documents
the parent already has (encoded as plain tuples; the child sends back only the sentences'
statuses). The child sends the first half, then waits for "go" on its input (or its end)
before the second: the reader builds and paints the first half meanwhile, which the
child's processes would only slow down. The child answers with frames on a pipe of its
own (its standard output and error go to a temporary file, whose last line a failure
quotes): ``loaded``
(the sentence counts), ``aligned`` (the pairs and the first half's stats, as
``compare._encode_pairs`` packs them), ``annotated`` (claims, quotations and the final
stats), or ``load-error`` / ``error``. Each frame is a magic number, a length and a pickle
of plain tuples (which pickle several times faster than frozen dataclasses). Anything else
(a crash, a kill, garbage, a missing interpreter) raises ``RemoteFailed``; the caller then
compares in its own process. The results are those of ``align_pair`` and ``annotate`` in
the caller's process (``tests/engine/test_remote.py``).

API:
    available() -> bool                 Linux, more than one core, DIFFREADER_JOBS not 1
    RemoteComparison(a=None, b=None)    starts the child; a, b: documents or paths
        .send(a, b)                     what to compare, when not given at the start
        .aligned(on_loaded=None)        -> Comparison (as align_pair)
        .start_annotating()             the child may go on to the second half
        .annotated()                    -> Comparison (as annotate of the aligned one)
        .kill() / .close()              end the child (and its helpers), reap it
    compare(a, b) -> Comparison         both halves at once (tests, scripts)
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

from diffreader.engine import collector, parallel

# The encoders of the engine's own transfers between processes, and their enum tables.
from diffreader.engine.claims import _SIDE_INDEX, _SIDES, _decode_claims, _encode_claims
from diffreader.engine.compare import (
    _STATUS_INDEX,
    _STATUSES,
    _decode_pairs,
    _encode_pairs,
    align_pair,
    annotate,
)
from diffreader.engine.load import (
    LoadError,
    _decode_documents,
    _encode_documents,
    load_documents,
)
from diffreader.engine.model import (
    Comparison,
    Document,
    Quote,
    Sentence,
    Span,
    Stats,
    pack_ops,
    unpack_ops,
)
from diffreader.engine.quotes import _STATUS_INDEX as _QUOTE_STATUS_INDEX
from diffreader.engine.quotes import _STATUSES as _QUOTE_STATUSES

__all__ = ["RemoteComparison", "RemoteFailed", "available", "compare"]

Source = Document | str | os.PathLike[str]

_MAGIC = b"DRc1"
_HEADER = struct.Struct("!4sQ")
"""A frame's header: the magic number and the length of the pickle that follows."""

_MAX_FRAME = 1 << 34
"""A frame longer than this (16 GB) is garbage, whatever its header says."""


_MALFORMED = "the comparison process sent a malformed result"


class RemoteFailed(Exception):
    """The child process did not deliver (it could not start, crashed, was killed, or
    wrote something that is not a frame). ``str(error)`` is one line."""


def available() -> bool:
    """Whether a comparison in another process can use more cores than this one: on Linux
    (where ``parallel`` forks) and ``parallel.configured_jobs()`` above 1 (more than one
    core, ``DIFFREADER_JOBS`` unset or above 1; the threads of this process do not matter:
    the child runs none)."""
    if sys.platform != "linux" or not sys.executable:
        return False
    return parallel.configured_jobs() > 1


# -- encoding ---------------------------------------------------------------------------


_EncodedQuote = tuple[
    int,
    int,
    int,
    str,
    int,
    int,
    int,
    tuple[int, ...],
    float,
    str | None,
    str | None,
    bool,
    int,
    int,
]
_EncodedStats = tuple[float, float, float, float, dict[str, int], int, int, dict[str, int]]


def _encode_quotes(quotes: Sequence[Quote]) -> list[_EncodedQuote]:
    """Quotations as plain tuples (a missing source is the span (-1, -1))."""
    return [
        (
            _SIDE_INDEX[q.side],
            q.start,
            q.end,
            q.text,
            _QUOTE_STATUS_INDEX[q.status],
            -1 if q.source is None else q.source.start,
            -1 if q.source is None else q.source.end,
            pack_ops(q.ops),
            q.score,
            q.speaker,
            q.source_speaker,
            q.speaker_changed,
            q.sentence,
            q.pair,
        )
        for q in quotes
    ]


def _decode_quotes(encoded: Sequence[_EncodedQuote]) -> list[Quote]:
    """``_encode_quotes`` undone."""
    return [
        Quote(
            _SIDES[side],
            start,
            end,
            text,
            _QUOTE_STATUSES[status],
            None if source_start < 0 else Span(source_start, source_end),
            unpack_ops(ops),
            score,
            speaker,
            source_speaker,
            speaker_changed,
            sentence,
            pair,
        )
        for (
            side,
            start,
            end,
            text,
            status,
            source_start,
            source_end,
            ops,
            score,
            speaker,
            source_speaker,
            speaker_changed,
            sentence,
            pair,
        ) in encoded
    ]


def _encode_stats(stats: Stats) -> _EncodedStats:
    return (
        stats.a_kept,
        stats.b_new,
        stats.a_sentences_matched,
        stats.b_sentences_matched,
        dict(stats.counts),
        stats.added_claims,
        stats.dropped_details,
        dict(stats.quotes),
    )


def _decode_stats(encoded: _EncodedStats) -> Stats:
    a_kept, b_new, a_matched, b_matched, counts, added, dropped, quotes = encoded
    return Stats(a_kept, b_new, a_matched, b_matched, dict(counts), added, dropped, dict(quotes))


def _statuses(doc: Document) -> bytes:
    """The status of each of ``doc``'s sentences, one byte each."""
    return bytes(_STATUS_INDEX[s.status] for s in doc.sentences)


def _with_statuses(doc: Document, statuses: bytes) -> Document:
    """``doc`` with its sentences' statuses set from ``_statuses``' bytes (a sentence whose
    status is unchanged is the same object, as ``align_pair`` leaves it)."""
    if not isinstance(statuses, bytes) or len(statuses) != len(doc.sentences):
        raise RemoteFailed("the comparison process sent statuses that do not fit the article")
    sentences = []
    for s, index in zip(doc.sentences, statuses, strict=True):
        status = _STATUSES[index]
        sentences.append(
            s
            if status is s.status
            else Sentence(s.id, s.start, s.end, s.text, s.paragraph, s.kind, status)
        )
    return Document(
        doc.text, tuple(sentences), doc.path, doc.title, doc.date, doc.encoding, doc.author
    )


# -- frames -----------------------------------------------------------------------------


def _write_frame(out: BinaryIO, message: tuple[Any, ...]) -> None:
    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(_HEADER.pack(_MAGIC, len(payload)))
    out.write(payload)
    out.flush()


def _read_frame(read: Callable[[int], bytes]) -> tuple[Any, ...]:
    """One frame, read with ``read(size)`` (exactly ``size`` bytes or ``RemoteFailed``)."""
    magic, size = _HEADER.unpack(read(_HEADER.size))
    if magic != _MAGIC or size > _MAX_FRAME:
        raise RemoteFailed("the comparison process wrote something that is not a result")
    payload = read(size)
    try:
        with collector.paused():  # as compared: many small objects, no cycles
            message = pickle.loads(payload)
    except RemoteFailed:
        raise
    except Exception as error:  # whatever a damaged pickle raises
        raise RemoteFailed(f"the comparison process sent a damaged result ({error!r})") from error
    if not isinstance(message, tuple) or not message or not isinstance(message[0], str):
        raise RemoteFailed("the comparison process sent a result of the wrong shape")
    return message


# -- the parent's side ------------------------------------------------------------------

_LAUNCH = (
    "import sys\n"
    "root = sys.argv[1]\n"
    "if root not in sys.path:\n"
    "    sys.path.insert(0, root)\n"
    "from diffreader.engine.remote import _child_main\n"
    "raise SystemExit(_child_main())\n"
)
"""The child's program: the package root is the one the parent imported this module from
(a checkout on ``sys.path``, say), so the child runs the same code."""


class RemoteComparison:
    """A comparison of ``a`` with ``b`` running in a child process, read in two halves.

    Starting it starts the child (``RemoteFailed`` when it cannot be started), which then
    waits for ``send`` (done at once when ``a`` and ``b`` are given). ``aligned``
    and ``annotated`` block until the child has sent that half; both raise
    ``RemoteFailed`` when it does not deliver, and ``aligned`` raises the ``LoadError``
    the child met loading a path. ``kill`` (from any thread) ends the child and makes a
    blocked read fail at once; ``close`` (or leaving a ``with`` block) ends and reaps it.

    Args:
        a: The original: a loaded document (sent to the child) or a path (loaded there);
            None to ``send`` it later.
        b: The rewrite.
        executable: The Python interpreter to run (tests point it elsewhere).
    """

    def __init__(
        self, a: Source | None = None, b: Source | None = None, *, executable: str | None = None
    ) -> None:
        self._lock = threading.Lock()
        self.killed = False
        """``kill`` was called: a failed read is the caller's own doing, not the child's."""
        self._documents: tuple[Document, Document] | None = None
        self._request: bytes | None = None
        if a is not None and b is not None:
            self.send(a, b)
        self._aligned: Comparison | None = None
        self._sent = False
        # Closed by close(): the child writes its stdout and stderr there while it runs.
        self._output = tempfile.TemporaryFile()  # noqa: SIM115
        root = str(Path(__file__).resolve().parents[2])
        self._answers, answer_end = os.pipe()
        command = [
            executable or sys.executable,
            "-c",
            _LAUNCH,
            root,
            str(answer_end),
            str(os.getpid()),
        ]
        try:
            self._process: subprocess.Popen[bytes] = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=self._output,
                stderr=self._output,
                pass_fds=(answer_end,),
                process_group=0,  # its own group: kill() ends its forked helpers too
            )
        except (OSError, ValueError, subprocess.SubprocessError) as error:
            os.close(self._answers)
            self._output.close()
            raise RemoteFailed(f"the comparison process could not start ({error})") from error
        finally:
            os.close(answer_end)  # the child's alone: its end of the pipe is then EOF here

    def send(self, a: Source, b: Source) -> None:
        """Say what to compare (once): two documents (the child takes them as they are)
        or two paths (the child loads them). The child starts before this, so a caller
        can load the documents while the interpreter starts."""
        if self._documents is not None or self._request is not None:
            raise RemoteFailed("the comparison process has its articles already")
        if isinstance(a, Document) and isinstance(b, Document):
            self._documents = (a, b)
            request: tuple[Any, ...] = ("documents", _encode_documents([a, b]))
        elif isinstance(a, Document) or isinstance(b, Document):
            raise RemoteFailed("give two documents or two paths")
        else:
            request = ("paths", [os.fspath(a), os.fspath(b)])
        self._request = pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL)

    @property
    def pid(self) -> int:
        """The child's process id (and its process group's)."""
        return self._process.pid

    def __enter__(self) -> RemoteComparison:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def kill(self) -> None:
        """End the child and its helpers now (any thread; a blocked read then fails)."""
        with self._lock:
            self.killed = True
            self._kill_group()

    def _kill_group(self) -> None:
        # Only while the child is unreaped: its pid (the group's id) cannot be reused
        # until then. Its helpers die with it; init reaps them.
        if self._process.returncode is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self._process.pid, signal.SIGKILL)

    def close(self) -> None:
        """End the child if it still runs, reap it, and free its pipes (in the thread that
        reads it; other threads call ``kill``)."""
        with self._lock:
            self._kill_group()
            self._process.wait()
            if self._answers >= 0:
                os.close(self._answers)
                self._answers = -1
        if self._process.stdin is not None:
            with contextlib.suppress(OSError):
                self._process.stdin.close()
        self._output.close()

    def _failure(self, what: str) -> str:
        """One line: what went wrong, with the last line the child wrote (its stderr)."""
        if self.killed:
            return "the comparison process was stopped"
        with self._lock:
            if self._process.poll() is None:
                self._kill_group()  # alive but not answering: it is no use any more
            code = self._process.wait()
        last = ""
        with contextlib.suppress(OSError, ValueError):
            self._output.seek(0, os.SEEK_END)
            size = self._output.tell()
            self._output.seek(max(0, size - 2000))
            lines = self._output.read().decode("utf-8", "replace").strip().splitlines()
            last = lines[-1].strip() if lines else ""
        how = f"killed by signal {-code}" if code < 0 else f"exit status {code}"
        return f"the comparison process {what} ({how}{': ' + last if last else ''})"

    def _send_request(self) -> None:
        """Write the request to the child (once; a frame it reads whole before working).
        Done on the first read, not at the start: a caller that registered the child can
        then kill it, which ends a write blocked on a child that does not read."""
        request, self._request = self._request, None
        if request is None:
            if self._sent:
                return
            raise RemoteFailed("the comparison process was given no articles")
        self._sent = True
        try:
            assert self._process.stdin is not None
            self._process.stdin.write(_HEADER.pack(_MAGIC, len(request)) + request)
            self._process.stdin.flush()
        except OSError as error:  # the child died (or was killed) before reading it
            raise RemoteFailed("the comparison process could not receive the articles") from error

    def start_annotating(self) -> None:
        """Let the child go on to the second half (``annotated`` does it too). It waits
        for this after sending the first: a reader builds and paints the aligned diff
        meanwhile, which the child's processes would otherwise slow down."""
        stdin = self._process.stdin
        if stdin is None or stdin.closed:
            return
        with contextlib.suppress(OSError):  # gone already: the next read says why
            stdin.write(b"go")
        with contextlib.suppress(OSError):
            stdin.close()

    def _read_exactly(self, size: int) -> bytes:
        """``size`` bytes from the answer pipe; ``RemoteFailed`` at its end, or as soon as
        the child has exited with nothing more in the pipe (a helper it forked may hold
        the pipe open a while after the child was killed)."""
        data = bytearray()
        while len(data) < size:
            if self._answers < 0:
                raise RemoteFailed("the comparison process stopped before it finished")
            if not _readable(self._answers, 0.25):
                with self._lock:
                    exited = self._process.poll() is not None
                if exited and not _readable(self._answers, 0):
                    raise RemoteFailed("the comparison process stopped before it finished")
                continue
            chunk = os.read(self._answers, min(size - len(data), 1 << 20))
            if not chunk:
                raise RemoteFailed("the comparison process stopped before it finished")
            data += chunk
        return bytes(data)

    def _next(self) -> tuple[Any, ...]:
        try:
            self._send_request()
            message = _read_frame(self._read_exactly)
        except RemoteFailed as error:
            what = str(error).removeprefix("the comparison process ")
            raise RemoteFailed(self._failure(what)) from error
        except (OSError, ValueError) as error:  # the pipe closed under us (close())
            raise RemoteFailed(self._failure("could not be read")) from error
        if message[0] == "error":
            raise RemoteFailed(f"the comparison failed in its process: {message[1]}")
        return message

    def aligned(self, on_loaded: Callable[[int, int], None] | None = None) -> Comparison:
        """The first half, as ``align_pair(a, b)`` gives it; ``on_loaded`` is called with
        the sentence counts of both sides once the child has them."""
        message = self._next()
        if message[0] == "load-error":
            _, reason, path = message
            raise LoadError(str(reason), path if isinstance(path, str) else None)
        if message[0] != "loaded":
            raise RemoteFailed(f"the comparison process sent {message[0]!r} before 'loaded'")
        if on_loaded is not None:
            on_loaded(int(message[1]), int(message[2]))
        message = self._next()
        if message[0] != "aligned":
            raise RemoteFailed(f"the comparison process sent {message[0]!r} for 'aligned'")
        try:
            with collector.paused():  # as compared: many small objects, no cycles
                _, documents, pairs, stats = message
                if self._documents is not None:
                    doc_a = _with_statuses(self._documents[0], documents[0])
                    doc_b = _with_statuses(self._documents[1], documents[1])
                else:
                    doc_a, doc_b = _decode_documents(documents)
                aligned = Comparison(
                    doc_a, doc_b, tuple(_decode_pairs(pairs)), (), (), _decode_stats(stats)
                )
                _check(aligned)
        except RemoteFailed:
            raise
        except Exception as error:  # a malformed result: not a comparison to show
            raise RemoteFailed(
                f"the comparison process sent a malformed result ({error!r})"
            ) from error
        self._aligned = aligned
        return aligned

    def annotated(self) -> Comparison:
        """The whole comparison, as ``annotate(self.aligned())`` gives it."""
        aligned = self._aligned if self._aligned is not None else self.aligned()
        self.start_annotating()
        message = self._next()
        if message[0] != "annotated":
            raise RemoteFailed(f"the comparison process sent {message[0]!r} for 'annotated'")
        try:
            with collector.paused():  # as compared: many small objects, no cycles
                _, claims, quotes, stats = message
                comparison = Comparison(
                    aligned.a,
                    aligned.b,
                    aligned.pairs,
                    tuple(_decode_claims(claims)),
                    tuple(_decode_quotes(quotes)),
                    _decode_stats(stats),
                )
                _check(comparison)
        except RemoteFailed:
            raise
        except Exception as error:
            raise RemoteFailed(
                f"the comparison process sent a malformed result ({error!r})"
            ) from error
        return comparison


def _readable(fd: int, seconds: float) -> bool:
    """Whether ``fd`` has data (or its end) within ``seconds`` (``poll``: any fd number)."""
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return bool(poller.poll(seconds * 1000))


def _check(comparison: Comparison) -> None:
    """Raise ``RemoteFailed`` unless every index in ``comparison`` points inside it (what
    the reader would otherwise fail on much later)."""
    na, nb, npairs = len(comparison.a.sentences), len(comparison.b.sentences), len(comparison.pairs)
    for pair in comparison.pairs:
        if any(not 0 <= i < na for i in pair.a) or any(not 0 <= i < nb for i in pair.b):
            raise RemoteFailed("the comparison process sent a pair of unknown sentences")
    for claim in comparison.claims:
        if not -1 <= claim.pair < npairs:
            raise RemoteFailed("the comparison process sent a claim of an unknown pair")
    for quote in comparison.quotes:
        if not -1 <= quote.pair < npairs:
            raise RemoteFailed("the comparison process sent a quotation of an unknown pair")


def compare(a: Source, b: Source, *, executable: str | None = None) -> Comparison:
    """``annotate(align_pair(a, b))``, computed in a child process (``a`` and ``b`` as
    ``RemoteComparison`` takes them)."""
    with RemoteComparison(a, b, executable=executable) as remote:
        return remote.annotated()


# -- the child's side -------------------------------------------------------------------


def _die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when the thread that started it ends (Linux's
    ``PR_SET_PDEATHSIG``); exit now if that parent is already gone."""
    with contextlib.suppress(Exception):  # no libc or no prctl: the parent still kills us
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def _child_main() -> int:
    """Run the request on standard input, answer on standard output (see the module
    docstring); returns the exit status (never returns after a full answer)."""
    out = os.fdopen(int(sys.argv[2]), "wb")  # the answer pipe (stdout is a log file)
    if len(sys.argv) > 3:
        _die_with_parent(int(sys.argv[3]))
    try:
        requests = sys.stdin.buffer
        magic, size = _HEADER.unpack(requests.read(_HEADER.size))
        if magic != _MAGIC:
            raise ValueError("not a comparison request")
        kind, payload = pickle.loads(requests.read(size))
        if kind == "paths":
            try:
                doc_a, doc_b = load_documents(payload)
            except LoadError as error:
                _write_frame(out, ("load-error", error.reason, error.path))
                return 0
        else:
            doc_a, doc_b = _decode_documents(payload)
        _write_frame(out, ("loaded", len(doc_a.sentences), len(doc_b.sentences)))
        aligned = align_pair(doc_a, doc_b)
        if kind == "paths":
            documents: object = _encode_documents([aligned.a, aligned.b])
        else:
            documents = (_statuses(aligned.a), _statuses(aligned.b))
        pairs = _encode_pairs(list(aligned.pairs))
        _write_frame(out, ("aligned", documents, pairs, _encode_stats(aligned.stats)))
        del pairs, documents
        requests.read(2)  # "go" (or the end of the input): the parent has shown the first half
        full = annotate(aligned)
        claims = _encode_claims(list(full.claims))
        _write_frame(
            out, ("annotated", claims, _encode_quotes(full.quotes), _encode_stats(full.stats))
        )
        out.close()
    except BrokenPipeError:
        return 1  # the parent stopped reading: nobody to tell
    except Exception as error:  # told to the parent, which compares by itself instead
        with contextlib.suppress(Exception):
            _write_frame(out, ("error", repr(error)))
        raise
    # Done: skip the interpreter's teardown of a large heap (the parent is waiting).
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    raise SystemExit(_child_main())
