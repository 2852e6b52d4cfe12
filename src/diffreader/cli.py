"""Provides the ``diffreader`` command: ``main(argv=None) -> int``.

Modes:
    diffreader                     the reader on the configured corpus (else the demo corpus)
    diffreader DIR                 the reader on a folder of articles
    diffreader A B                 the reader on one pair, or the comparison printed when a
                                   ``--format`` is given or stdout is not a terminal
    diffreader A B --report FMT    a fact-check report with the review marks saved so far
    diffreader A V1 V2 ...         one original and many versions (the multi-version view,
                                   printed like a pair; ``--report`` too)
    diffreader find ARTICLE DIR    the rewrites of ARTICLE in a folder (ranked, verified)
    diffreader stories DIR         the folder grouped into stories
    diffreader serve [DIR]         the reader in web browsers (``diffreader[serve]``)
    diffreader scan DIR... -o OUT  a whole archive into a results folder (process pool or
                                   Dask); ``diffreader OUT`` opens the results in the reader

``find``, ``stories``, ``serve`` and ``scan`` are commands when they are the first argument and
no file or folder of that name exists (``diffreader ./find other.txt`` always compares files).

The print path imports the engine and ``diffreader.render`` only: Textual and Rich are
imported inside the functions that open the reader, so scripts start fast (checked by
``tests/test_import_hygiene.py``). Exit status follows diff(1).
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import os
import shutil
import stat
import sys
import time
from collections.abc import Iterable, Sequence
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from diffreader import __version__
from diffreader.plural import plural

if TYPE_CHECKING:
    from diffreader.engine.model import Comparison, Document
    from diffreader.storage.config import Config

__all__ = ["ExitStatus", "build_parser", "demo_corpus", "main"]


class ExitStatus(IntEnum):
    """Exit codes, as diff(1) has them (plus the shell's code for Ctrl+C)."""

    SAME = 0
    """No differences in content (boilerplate aside)."""
    DIFFERENT = 1
    """The articles differ."""
    TROUBLE = 2
    """A file could not be read, or the command line was wrong."""
    INTERRUPTED = 130
    """Interrupted by Ctrl+C (128 + SIGINT)."""
    TERMINATED = 143
    """A scan stopped by SIGTERM (128 + SIGTERM), as by Ctrl+C otherwise."""


class _Terminated(KeyboardInterrupt):
    """SIGTERM during a scan (``kill``, ``timeout``, a service manager): stopped as Ctrl+C
    stops it (its workers shut down, what was finished kept), not by the signal's default
    action, which left multiprocessing's warnings about leaked semaphores on stderr."""


def _terminate(signum: int, frame: object) -> None:
    raise _Terminated


DESCRIPTION = """\
Show what a rewrite of a news article changed: sentences moved, reworded, added and
dropped, the claims a rewrite adds, the details it drops, and whether its quotations
are verbatim, altered or new.

With no PATH, the reader opens on the configured corpus (else the bundled demo corpus).
With one folder, it opens on that folder. With two files A (the original) and B (the
rewrite), it opens on that pair, or prints the comparison when --format is given or
stdout is not a terminal. With three or more files, the first is the original and the
others its versions: the multi-version view groups what every version added, dropped
and altered (printed, or opened in the reader, as for a pair)."""

EPILOG = """\
examples:
  diffreader                                  browse the bundled demo corpus
  diffreader ~/news/rewrites                  browse a folder of articles
  diffreader original.txt rewrite.txt         read one comparison in the terminal
  diffreader original.txt rewrite.txt --format json | jq .stats
  diffreader original.txt rewrite.txt --format markdown > ticket.md
  diffreader original.txt rewrite.txt --report html -o report.html
  diffreader original.txt v1.txt v2.txt v3.txt    claims all versions share, or one alone
  diffreader find original.txt ~/news --format json | jq '.candidates[0]'
  diffreader stories ~/news
  diffreader serve ~/news --port 8000         the reader in a browser
  diffreader scan ~/archive -o ~/scan && diffreader ~/scan

commands (see diffreader COMMAND --help):
  find ARTICLE DIR    rank DIR's articles as rewrites of ARTICLE and verify the best
  stories DIR         group DIR into stories, each on its earliest article
  serve [DIR]         serve the reader to web browsers (needs diffreader[serve])
  scan DIR... -o OUT  scan an archive into a results folder (resumable; --dask for a cluster)
  (a command only when no file or folder of that name exists here)

exit status:
  0  no differences in content (boilerplate such as captions is ignored)
  1  the articles differ (with three or more: any version differs)
  2  trouble: a file is missing, a folder or not a regular file, binary,
     empty, unreadable or undecodable, -o names an article, or the
     command line is wrong

environment:
  NO_COLOR             no colour in text output (unless --color always)
  DIFFREADER_DATA_DIR  where review marks are kept (like --data-dir)
  DIFFREADER_CONFIG    the config file (corpus, theme, keys)"""


class _Parser(argparse.ArgumentParser):
    """argparse with diff(1)'s exit status for usage errors and one-line messages."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(ExitStatus.TROUBLE, f"{self.prog}: {_shown(message)}\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used to render ``--help`` in the README)."""
    parser = _Parser(
        prog="diffreader",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="two article files to compare (A, then B), three or more (the original, "
        "then its versions), or one folder to browse",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=("text", "markdown", "json"),
        metavar="FMT",
        help="print the comparison of two files (or the multi-version view of three or "
        "more) as text, markdown or json instead of opening the reader",
    )
    parser.add_argument(
        "--report",
        choices=("markdown", "html", "json"),
        metavar="FMT",
        help="write a fact-check report of two (or more) files, with your review marks "
        "(markdown, html or json)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the comparison or report to FILE instead of stdout",
    )
    parser.add_argument(
        "--corpus", metavar="DIR", help="folder of articles to browse (overrides the config)"
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where review marks are kept (default: $DIFFREADER_DATA_DIR, else the user data dir)",
    )
    parser.add_argument(
        "--color",
        "--colour",
        choices=("auto", "always", "never"),
        default="auto",
        metavar="WHEN",
        help="colour in text output: auto (on a terminal, unless NO_COLOR is set), always or never",
    )
    parser.add_argument("-V", "--version", action="version", version=f"diffreader {__version__}")
    return parser


class _Trouble(Exception):
    """A user-facing problem: printed as ``diffreader: <message>``, exit status 2."""


def _shown(text: str) -> str:
    """``text`` fit for one line of stderr: a refused file's name (or a config value) may
    hold escape sequences, control characters, line breaks or characters that draw
    nothing; they are made visible (``escape.name``)."""
    from diffreader.render.escape import name

    return name(text)


def _warn(message: str) -> None:
    print(f"diffreader: {_shown(message)}", file=sys.stderr)


def demo_corpus() -> Path:
    """The folder of the demo corpus bundled with the package."""
    return Path(__file__).resolve().parent / "demo"


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return _isatty(stream)


def _isatty(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):
        return False


def _load(paths: Sequence[str]) -> list[Document]:
    """Load each file, turning every loading problem into ``_Trouble``."""
    from diffreader.engine import LoadError
    from diffreader.engine.load import load_documents

    if "" in paths:  # "$FILE" with FILE unset: it was the current directory
        raise _Trouble("a file name is empty")
    try:
        # Long files are segmented in parallel; the first error is still the first path's.
        return load_documents(paths)
    except LoadError as error:
        raise _Trouble(str(error)) from error  # it names the path


def _load_pair(path_a: str, path_b: str) -> Comparison:
    """Load and compare two files."""
    from diffreader.engine import compare

    a, b = _load((path_a, path_b))
    return compare(a, b)


def _write(text: str | Iterable[str], output: str | None, *, fmt: str = "text") -> None:
    """Write ``text`` (or its pieces, in order) to ``output`` (a file path) or to stdout;
    ``fmt``: the format of the text, which escapes what stdout's encoding cannot hold
    (JSON and HTML in their own escapes)."""
    pieces = (text,) if isinstance(text, str) else text
    if output is None or output == "-":
        stdout = sys.stdout
        if stdout is None:
            # Started with stdout closed (`>&-`): nowhere to write, and nothing read it.
            raise _Trouble("standard output is closed")
        try:
            if hasattr(stdout, "reconfigure"):
                # An ASCII-only stdout (PYTHONIOENCODING=ascii) gets escapes, not a traceback;
                # JSON and HTML get their own: Python's ("\xe9", "\U0001f600") are no JSON,
                # and a browser shows them as they are.
                if fmt == "json":
                    codecs.register_error(_JSON_ESCAPES, _json_escapes)
                errors = {"json": _JSON_ESCAPES, "html": "xmlcharrefreplace"}
                stdout.reconfigure(errors=errors.get(fmt, "backslashreplace"))
            for piece in pieces:
                # In pieces of at most 64 KiB: a write of several megabytes that a closed
                # pipe cuts short is taken for whole (CPython), and the rest was lost with
                # no error (Markdown exited 1 after `| head`, text and JSON 2).
                for at in range(0, len(piece), _WRITE_CHUNK):
                    stdout.write(piece[at : at + _WRITE_CHUNK])
            stdout.flush()
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as error:  # /dev/full, a closed descriptor
            _quiet_stdout()
            reason = getattr(error, "strerror", None) or error
            raise _Trouble(f"standard output: cannot write ({reason})") from error
        return
    try:
        _write_file(output, pieces)
    except OSError as error:
        raise _Trouble(f"{output}: cannot write ({error.strerror or error})") from error


_WRITE_CHUNK = 65_536
"""Characters written to stdout at a time (``_write``)."""

_JSON_ESCAPES = "diffreader-json-escapes"
"""The error handler writing JSON to a stdout whose encoding cannot hold every character."""


def _json_escapes(error: UnicodeError) -> tuple[str, int]:
    """What ``error`` could not encode, as JSON escapes (``\\u00e9``; a character past
    U+FFFF as its surrogate pair). Only strings of the JSON hold such characters, and
    an escape means the same there."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    escapes = []
    for char in error.object[error.start : error.end]:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            escapes.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            escapes.append(f"\\u{code:04x}")
    return "".join(escapes), error.end


def _write_file(output: str, pieces: Iterable[str]) -> None:
    """Write ``pieces`` to the file ``output``: a regular file (or a new one) is replaced
    atomically once the last piece is written, so Ctrl+C or a failure midway leaves the
    old file as it was and no part of the new one; anything else (``/dev/null``, a FIFO,
    ``/dev/stdout``) is written to in place."""
    from diffreader.storage.files import atomic_write_pieces, new_file_mode

    try:
        info = os.stat(output)  # through symbolic links: the file they name is replaced
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        with open(output, "w", encoding="utf-8", errors="backslashreplace", newline="\n") as handle:
            for piece in pieces:
                handle.write(piece)
        return
    target = Path(os.path.realpath(output))
    # The file keeps its permissions; a new one gets those any new file gets here.
    mode = stat.S_IMODE(info.st_mode) if info is not None else new_file_mode()
    # As on stdout, a character no UTF-8 file can hold (a lone surrogate) is escaped.
    encoded = (piece.encode("utf-8", "backslashreplace") for piece in pieces)
    atomic_write_pieces(target, encoded, mode=mode)


def _print_comparison(args: argparse.Namespace, *, own_process: bool = False) -> ExitStatus:
    """Compare the two paths and write the comparison (``--format``, ``-o``).

    ``own_process``: this is the process's own command line (``main()`` without
    arguments): once the output is written the process ends at once (``_end_process``).
    """
    from diffreader.engine import caches, collector
    from diffreader.render import render_pieces

    # The comparison, its review items and the output are hundreds of thousands of small
    # objects in no reference cycle, alive to the end: the collector's passes over them
    # found nothing and cost a fifth of the output's time on a long pair.
    with collector.paused():
        comparison = _load_pair(*args.paths)
        # The engine's remembered tokens and stems serve no output: their memory goes to it.
        caches.forget()
        to_file = args.output not in (None, "-")
        color = False if to_file else _use_color(args.color, sys.stdout)
        width = shutil.get_terminal_size((100, 24)).columns if not to_file else 100
        # The terminal's width (from 40 columns: the text wraps every line to it, wide
        # characters counted as two cells), up to 120 (longer lines read badly).
        width = min(max(width, 40), 120)
        # In pieces: a long comparison's JSON is written as it is made, never held whole.
        pieces = render_pieces(comparison, args.format or "text", color=color, width=width)
        _write(pieces, args.output, fmt=args.format or "text")
        status = ExitStatus.DIFFERENT if comparison.has_differences else ExitStatus.SAME
        if own_process:
            # Still paused: the collector, back on, would first pass over all of it.
            _end_process(status)
    return status


def _end_process(status: ExitStatus) -> NoReturn:
    """End this process with ``status`` now that its output is written: standard output
    and error flushed, then ``os._exit``.

    The comparison of a long pair is about a million small objects (sentences, word ops,
    claims), all made while the collector was paused: once back on, its first pass
    walked them all (1 MB of figures 0.06 s of CPU, of random text 0.11 s), then they
    were freed one by one (0.03, 0.04 s) and the interpreter torn down, after the last
    byte was written, for nothing the process still needs: its output file is closed
    (written atomically), its forked children reaped, and it registers no exit handler
    on this path.
    """
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            with contextlib.suppress(OSError, ValueError):
                stream.flush()  # _write flushed stdout already: nothing is left to lose
    os._exit(status)


def _write_report(args: argparse.Namespace) -> ExitStatus:
    from diffreader.render import render_report
    from diffreader.storage.review import ReviewStore

    comparison = _load_pair(*args.paths)
    # A report only reads the review: record=False leaves the data directory untouched.
    session, messages = ReviewStore(_data_dir(args)).load_for(comparison, record=False)
    for message in messages:
        _warn(message)
    report = render_report(comparison, session.entries(), args.report)
    _write(report, args.output, fmt=args.report)
    return ExitStatus.DIFFERENT if comparison.has_differences else ExitStatus.SAME


def _data_dir(args: argparse.Namespace) -> Path | None:
    return Path(args.data_dir).expanduser() if args.data_dir else None


def _load_config() -> Config:
    """The user's config; its problems are reported on stderr, never fatal."""
    from diffreader.storage.config import load_config

    config, messages = load_config()
    for message in messages:
        _warn(f"config: {message}")
    # Said in the reader too: it clears the screen over what stderr said just before.
    _config_messages[:] = [f"config: {message}" for message in messages]
    return config


_config_messages: list[str] = []
"""What the last ``_load_config`` said, for the reader to show (``_run_reader``)."""


def _corpus_dir(args: argparse.Namespace, config: Config, notices: list[str]) -> Path:
    """The folder to browse: --corpus, else the config's corpus, else the demo corpus.

    A configured folder that is gone (an unplugged drive, a typo) is not fatal: the reader
    always starts, on the demo corpus, and says why (``notices``, shown in the reader).
    """
    if args.corpus is not None:  # --corpus "" is refused, not taken for "no --corpus"
        return _checked_dir(args.corpus)
    if config.corpus is not None:
        try:
            return _checked_dir(str(config.corpus))
        except _Trouble as error:
            notice = f"config 'corpus': {error}; showing the demo corpus"
            _warn(notice)
            notices.append(notice)
    return demo_corpus()


def _checked_dir(path: str) -> Path:
    if not path:  # "$DIR" with DIR unset: it was the current directory, searched or scanned
        raise _Trouble("the folder name is empty")
    folder = Path(path).expanduser()
    try:
        exists = folder.exists()
    except OSError as error:  # a symbolic link loop, a name too long
        raise _Trouble(f"{path}: cannot open ({error.strerror or error})") from error
    if not exists:
        raise _Trouble(f"{path}: no such folder")
    if not folder.is_dir():
        raise _Trouble(f"{path}: not a folder (give a folder of articles, or two files)")
    return folder


WEB_DRIVER = "textual.drivers.web_driver:WebDriver"
"""The driver textual-serve names in ``TEXTUAL_DRIVER`` for each app process it starts."""


def _served() -> bool:
    """Whether textual-serve started this process for a browser tab: it talks to the server
    over pipes through Textual's web driver, never to a terminal."""
    return os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER


def _need_terminal() -> None:
    if _served():
        return
    if not (_isatty(sys.stdin) and _isatty(sys.stdout)):
        raise _Trouble(
            "the reader needs a terminal; to print a comparison instead, give two files "
            "and a format, e.g. diffreader A.txt B.txt --format text"
        )


def _run_reader(config: Config, **kwargs: Any) -> ExitStatus:
    """Open the terminal reader (imports Textual, so only here)."""
    _need_terminal()
    from diffreader.tui.app import make_app

    if config.keys:
        kwargs["keymap"] = config.keys
    notices = [*_config_messages, *kwargs.pop("notices", ())]
    if notices:
        kwargs["notices"] = notices
    app = make_app(theme=config.theme, light_theme=config.light_theme, **kwargs)
    app.run()
    # Said in the reader too, but a window closing as the reader quits has no screen left.
    for text in getattr(app, "lost_reviews", ()):
        _warn(text)
    code = getattr(app, "return_code", None)
    return ExitStatus.TROUBLE if code not in (None, 0) else ExitStatus.SAME


def _versions(args: argparse.Namespace, *, reader: bool) -> ExitStatus:
    """``diffreader ORIGINAL V1 V2 ...``: the multi-version view, printed or in the reader."""
    from diffreader.render import render_versions, render_versions_report
    from diffreader.versions import collate

    paths: list[str] = args.paths
    _check_output(args.output, paths, _data_dir(args))
    docs = _load(paths)
    if not reader:
        collation = collate(docs[0], docs[1:])
        fmt = args.report or args.format or "text"
        if args.report:
            from diffreader.storage.review import ReviewStore

            store = ReviewStore(_data_dir(args))
            entries = []
            for comparison, items in zip(collation.comparisons, collation.items, strict=True):
                session, messages = store.load_for(comparison, record=False, items=items)
                for message in messages:
                    _warn(message)
                entries.append(session.entries())
            text = render_versions_report(collation, entries, args.report)
        else:
            to_file = args.output not in (None, "-")
            color = False if to_file else _use_color(args.color, sys.stdout)
            width = shutil.get_terminal_size((100, 24)).columns if not to_file else 100
            text = render_versions(collation, fmt, color=color, width=min(max(width, 60), 120))
        _write(text, args.output, fmt=fmt)
        return ExitStatus.DIFFERENT if collation.has_differences else ExitStatus.SAME
    versions = tuple(Path(p) for p in paths[1:])
    return _run_reader(
        _load_config(), versions=(Path(paths[0]), versions), data_dir=_data_dir(args)
    )


def _dispatch(
    args: argparse.Namespace, parser: argparse.ArgumentParser, own_process: bool = False
) -> ExitStatus:
    """Run what ``args`` ask for; ``own_process`` as ``_print_comparison`` has it."""
    paths: list[str] = args.paths
    if args.output == "":
        # -o "$OUT" with OUT unset: no file (it failed as a folder, after the comparison).
        parser.error("-o/--output needs a file name")
    if len(paths) > 2:
        if args.corpus:
            parser.error("--corpus opens a folder; give either --corpus or paths, not both")
        if args.report and args.format:
            parser.error("give either --format (the comparison) or --report (a report), not both")
        printing = bool(args.report or args.format or args.output) or not _isatty(sys.stdout)
        return _versions(args, reader=not printing)
    if args.report and len(paths) != 2:
        parser.error("--report needs two or more files: the original and the rewrites")
    if args.format and len(paths) != 2:
        parser.error("--format needs two or more files: the original and the rewrites")
    if args.output and not (args.report or len(paths) == 2):
        parser.error("-o/--output needs two or more files (with --format or --report)")
    if args.corpus and paths:
        parser.error("--corpus opens a folder; give either --corpus or paths, not both")
    if args.report and args.format:
        parser.error("give either --format (the comparison) or --report (a report), not both")

    if len(paths) == 2:
        _check_output(args.output, paths, _data_dir(args))
        if args.report:
            return _write_report(args)
        if args.format or args.output or not _isatty(sys.stdout):
            return _print_comparison(args, own_process=own_process)
        # Fail before the reader starts: an unreadable file is a one-line error, not a screen.
        _load(paths)
    config = _load_config()
    if len(paths) == 2:
        pair = (Path(paths[0]), Path(paths[1]))
        return _run_reader(config, pair=pair, data_dir=_data_dir(args))
    if len(paths) == 1:
        folder = _checked_dir(paths[0])
        if _is_scan_results(folder):
            return _run_reader(config, scan=folder, data_dir=_data_dir(args))
        return _run_reader(config, corpus=folder, data_dir=_data_dir(args))
    notices: list[str] = []
    corpus = _corpus_dir(args, config, notices)
    if notices:
        return _run_reader(config, corpus=corpus, data_dir=_data_dir(args), notices=notices)
    return _run_reader(config, corpus=corpus, data_dir=_data_dir(args))


# -- find and stories ---------------------------------------------------------------

FIND_EPILOG = """\
Ranks the articles of DIR by the rare terms they share with ARTICLE (names, figures,
quotation words, rare words, identical sentences; IDF-weighted), then verifies the best
with the comparison engine: each gets a verdict, rewrite, related story or unrelated,
with its reasons (or "unverified", and why). Copies of ARTICLE (the same text) are listed
first as identical; copies of another text are listed with it. The folder's index is
kept in the data dir and updated for changed files only.

exit status:
  0  at least one rewrite of ARTICLE was found
  1  no rewrite was found
  2  trouble: ARTICLE or DIR cannot be read, or the command line is wrong"""

STORIES_EPILOG = """\
Groups the articles of DIR into stories: each story pivots on its earliest-dated
article (undated ones after dated, then by name) and lists the articles verified as
rewrites of it; articles linked to a story only through one of its members are listed
as related, never chained in.

exit status:
  0  at least one story has a rewrite
  1  no article has a rewrite in DIR
  2  trouble: DIR cannot be read, or the command line is wrong"""


def _command_parser(command: str) -> argparse.ArgumentParser:
    if command == "find":
        parser = _Parser(
            prog="diffreader find",
            description="Find the rewrites of ARTICLE in the folder DIR.",
            epilog=FIND_EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        parser.add_argument("article", metavar="ARTICLE", help="the article whose rewrites to find")
        parser.add_argument("folder", metavar="DIR", help="the folder of articles to search")
        parser.add_argument(
            "-n",
            "--limit",
            type=int,
            default=20,
            metavar="N",
            help="list the best N candidates (distinct texts: copies go with them; default 20)",
        )
    else:
        parser = _Parser(
            prog="diffreader stories",
            description="Group the folder DIR into stories.",
            epilog=STORIES_EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        parser.add_argument("folder", metavar="DIR", help="the folder of articles")
        parser.add_argument(
            "--all",
            action="store_true",
            help="in text, list the articles without rewrites or related stories too",
        )
    parser.add_argument(
        "-f",
        "--format",
        choices=("text", "json"),
        default="text",
        metavar="FMT",
        help="text (default) or json",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where the index is kept (default: $DIFFREADER_DATA_DIR, else the user data dir)",
    )
    return parser


class _Progress:
    """``indexing 4,210 / 10,005`` on stderr, rewritten in place; only on a terminal."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.shown = False
        self.enabled = _isatty(sys.stderr)
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if done != total and now - self._last < 0.1:
            return  # ten updates a second at most (the index reports every file)
        self._last = now
        sys.stderr.write(f"\r{self.label} {done:,} / {total:,}\x1b[K")
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self.shown = False


def _run_command(command: str, argv: Sequence[str]) -> ExitStatus:
    import sqlite3

    from diffreader.storage.corpus_index import CorpusIndex

    parser = _command_parser(command)
    args = parser.parse_args(argv)
    if command == "find" and args.limit < 1:
        parser.error("--limit must be 1 or more")
    if args.output == "":
        parser.error("-o/--output needs a file name")
    folder = _checked_dir(args.folder)
    articles = [args.article] if command == "find" else []
    if "" in articles:
        raise _Trouble("a file name is empty")
    _check_output(args.output, articles, _data_dir(args), folder)
    progress = _Progress("indexing")
    try:
        with CorpusIndex(folder, _data_dir(args)) as index:
            try:
                summary = index.update(progress)
            finally:
                progress.clear()
            if command == "find":
                return _find(index, args, folder, summary.refused)
            return _stories(index, args, folder, summary.refused)
    except sqlite3.Error as error:
        raise _Trouble(f"corpus index: {error}") from error
    except OSError as error:
        # The file it is about: the folder, or the data folder the index is kept in.
        about = error.filename if error.filename is not None else args.folder
        raise _Trouble(f"{about}: cannot read ({error.strerror or error})") from error


def _entry_json(folder: Path, entry: Any) -> dict[str, Any]:
    return {"path": str(folder / entry.name), "title": entry.title, "date": entry.date}


def _figures_json(check: Any) -> dict[str, Any] | None:
    if check is None:
        return None
    return {
        "matched": check.matched,
        "kept": check.kept,
        "quotations": check.quotations,
        "matched_sentences": check.matched_sentences,
        "facts": check.facts,
    }


def _refused_json(folder: Path, refused: Sequence[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"path": str(folder / name), "reason": reason} for name, reason in refused]


def _find(
    index: Any, args: argparse.Namespace, folder: Path, refused: Sequence[tuple[str, str]]
) -> ExitStatus:
    import json

    from diffreader.corpus.features import KINDS
    from diffreader.corpus.verify import VERDICT_RULE
    from diffreader.engine import LoadError
    from diffreader.render.escape import json_safe

    try:
        found = index.find(args.article, limit=args.limit)
    except LoadError as error:
        raise _Trouble(str(error) if error.path else f"{args.article}: {error}") from error
    rewrites = sum(1 for f in found if f.verdict == "rewrite")
    related = sum(1 for f in found if f.verdict == "related")
    identical = sum(1 for f in found if f.identical)
    articles = sum(1 for e in index.entries() if e.error is None)
    if args.format == "json":
        names = {"n": "names", "f": "figures", "q": "quotation_words", "w": "rare_words"}
        names["s"] = "sentences"
        counts = {"articles": articles, "rewrites": rewrites, "related": related}
        document = {
            "schema": 2,
            "kind": "diffreader-find",
            "article": args.article,
            "folder": str(folder),
            "rule": VERDICT_RULE,
            "counts": {**counts, "identical": identical},
            "candidates": [
                {
                    **_entry_json(folder, f.entry),
                    "verdict": f.verdict.value if f.verdict is not None else None,
                    "verified": f.verified,
                    "unverified": f.unverified,
                    "identical": f.identical,
                    "copy_of": str(folder / f.copy_of.name) if f.copy_of else None,
                    "score": f.score,
                    "relative": f.relative,
                    "reasons": f.reasons,
                    "shared": {names[k]: f.shared.get(k, 0) for k in KINDS},
                    "figures": _figures_json(f.check),
                }
                for f in found
            ],
            "refused": _refused_json(folder, refused),
        }
        text = json_safe(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
        _write(text, args.output, fmt="json")
    else:
        copies = f" ({plural(identical, 'identical copy', 'identical copies')})"
        lines = [
            f"{_shown(str(args.article))}: {plural(rewrites, 'rewrite')}"
            f"{copies if identical else ''}, {related} related in {_shown(str(folder))} "
            f"({plural(articles, 'article')})"
        ]
        # Each text once: its first copy, then the names of the others on one line.
        groups: dict[str, list[Any]] = {}
        for f in found:
            head = "" if f.identical else (f.copy_of or f.entry).name
            groups.setdefault(head, []).append(f)
        below = 0
        for group in groups.values():
            f = group[0]
            if f.unverified and "quarter" in f.unverified:
                below += len(group)  # ranked for a few shared terms: counted, not listed
                continue
            lines.append(
                f"  {f.label:<10}  {_shown(str(folder / f.entry.name))}  "
                f"score {f.score:.1f}  {f.reasons}"
            )
            lines.extend(_copies_lines([c.entry.name for c in group[1:]]))
        if below:
            lines.append(
                f"  ({plural(below, 'more candidate')} not verified: "
                f"each scores under a quarter of the best; --format json lists them)"
            )
        lines.extend(_refused_lines(folder, refused))
        _write("\n".join(lines) + "\n", args.output)
    return ExitStatus.SAME if rewrites else ExitStatus.DIFFERENT


def _copies_lines(names: Sequence[str], shown: int = 4) -> list[str]:
    """The line under a listed article naming its other copies (the same text)."""
    if not names:
        return []
    listed = ", ".join(_shown(name) for name in names[:shown])
    more = (
        f", … ({len(names) - shown} more; --format json lists them)" if len(names) > shown else ""
    )
    copies = plural(len(names), "more copy", "more copies")
    return [f"{'':14}+ {copies} of this text: {listed}{more}"]


def _refused_lines(folder: Path, refused: Sequence[tuple[str, str]]) -> list[str]:
    if not refused:
        return []
    lines = [f"not articles ({len(refused)}):"]
    lines.extend(f"  {_shown(str(folder / name))}: {_shown(reason)}" for name, reason in refused)
    return lines


def _same_text_json(folder: Path, story: Any, entry: Any) -> dict[str, Any]:
    """``identical`` (the same text as the pivot) and ``copy_of`` (the same text as that
    article of the story, whose verdict it carries) of a story's article."""
    first = story.same_text.get(entry.id)
    identical = first is not None and first.id == story.pivot.id
    copy_of = str(folder / first.name) if first is not None and not identical else None
    return {"identical": identical, "copy_of": copy_of}


def _story_reason(check: Any, story: Any = None, entry: Any = None) -> str:
    first = story.same_text.get(entry.id) if story is not None and entry is not None else None
    if first is not None:
        same = "identical text" if first.id == story.pivot.id else f"same text as {first.name}"
        return f"{same}; {_story_reason(check)}"
    parts = []
    if check.quotations:
        parts.append(plural(check.quotations, "shared quotation"))
    if check.facts is not None:
        parts.append(plural(check.facts, "shared name or figure", "shared names and figures"))
    return ", ".join([*parts, f"{round(check.matched * 100)}% of sentences matched"])


def _stories(
    index: Any, args: argparse.Namespace, folder: Path, refused: Sequence[tuple[str, str]]
) -> ExitStatus:
    import json

    from diffreader.corpus.verify import VERDICT_RULE
    from diffreader.render.escape import json_safe

    progress = _Progress("verifying")
    try:
        stories = index.stories(progress)
    finally:
        progress.clear()
    with_rewrites = sum(1 for s in stories if s.members)
    if args.format == "json":
        document = {
            "schema": 1,
            "kind": "diffreader-stories",
            "folder": str(folder),
            "rule": VERDICT_RULE,
            "counts": {
                "articles": sum(1 + len(s.members) for s in stories),
                "stories": len(stories),
                "with_rewrites": with_rewrites,
            },
            "stories": [
                {
                    "pivot": _entry_json(folder, s.pivot),
                    "members": [
                        {
                            **_entry_json(folder, entry),
                            "verdict": check.verdict.value,
                            **_same_text_json(folder, s, entry),
                            "reasons": _story_reason(check, s, entry),
                            "figures": _figures_json(check),
                        }
                        for entry, check in s.members
                    ],
                    "related": [
                        {
                            **_entry_json(folder, entry),
                            "verdict": check.verdict.value if check else None,
                            **_same_text_json(folder, s, entry),
                            "story": str(folder / owner.name) if owner else None,
                        }
                        for entry, check, owner in s.related
                    ],
                }
                for s in stories
            ],
            "refused": _refused_json(folder, refused),
        }
        text = json_safe(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
        _write(text, args.output, fmt="json")
    else:
        lines = []
        alone = 0
        for s in stories:
            if not (s.members or s.related or args.all):
                alone += 1
                continue
            date = f" ({s.pivot.date})" if s.pivot.date else ""
            lines.append(f"{_shown(str(folder / s.pivot.name))}{date}")
            # Each text once: its first copy, then the names of the others on one line.
            copies: dict[int, list[str]] = {}
            for entry in [e for e, _ in s.members] + [e for e, _, _ in s.related]:
                first = s.same_text.get(entry.id)
                if first is not None:
                    copies.setdefault(first.id, []).append(entry.name)
            identical = [(e, c) for e, c in s.members if e.name in copies.get(s.pivot.id, ())]
            if identical:
                entry, check = identical[0]
                lines.append(
                    f"  identical  {_shown(str(folder / entry.name))}  "
                    f"{_story_reason(check, s, entry)}"
                )
                lines.extend(_copies_lines(copies[s.pivot.id][1:]))
            for entry, check in s.members:
                if entry.id in s.same_text:
                    continue
                lines.append(
                    f"  rewrite    {_shown(str(folder / entry.name))}  {_story_reason(check)}"
                )
                lines.extend(_copies_lines(copies.get(entry.id, [])))
            for entry, _check, owner in s.related:
                if entry.id in s.same_text:
                    continue
                if owner is None:
                    where = ""
                elif owner.name == entry.name:
                    where = "  (an earlier story of its own)"
                else:
                    where = f"  (in the story of {_shown(owner.name)})"
                lines.append(f"  related    {_shown(str(folder / entry.name))}{where}")
                lines.extend(_copies_lines(copies.get(entry.id, [])))
        summary = f"{plural(len(stories), 'story', 'stories')}, {with_rewrites:,} with rewrites"
        if alone:
            summary += f"; {plural(alone, 'article')} alone (--all lists them)"
        lines.append(summary)
        lines.extend(_refused_lines(folder, refused))
        _write("\n".join(lines) + "\n", args.output)
    return ExitStatus.SAME if with_rewrites else ExitStatus.DIFFERENT


# -- serve ----------------------------------------------------------------------------

SERVE_INSTALL = "pip install 'diffreader[serve]'"

SERVE_EPILOG = f"""\
Serves the reader to web browsers through textual-serve: each browser tab runs its own
reader process (diffreader DIR) on this machine. It has no login: anyone who can reach
the address can read DIR's articles and save review marks, so it listens on 127.0.0.1
(this machine only) unless --host names another address. Ctrl+C stops it.

Needs the serve extra: {SERVE_INSTALL}

exit status:
  0  stopped with Ctrl+C (or SIGTERM)
  2  trouble: DIR cannot be read, the port is taken, the extra is missing"""


def _serve_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="diffreader serve",
        description="Serve the reader to web browsers (one reader process per tab).",
        epilog=SERVE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "folder",
        nargs="?",
        metavar="DIR",
        help="the folder of articles (default: the configured corpus, else the demo corpus)",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1)"
    )
    parser.add_argument(
        "--port", type=int, default=8000, help="the port to listen on (default 8000)"
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where review marks are kept (default: $DIFFREADER_DATA_DIR, else the user data dir)",
    )
    return parser


# -- scan -----------------------------------------------------------------------------

SCAN_EPILOG = """\
Runs the corpus finder over every article under the folders DIR (recursively):
features of each article (cached by content hash), candidate pairs from an inverted
index of rare terms, the verdict of the comparison engine on each candidate, and the
stories. Files of one text (the same content hash) count once: a story's copies are
grouped under it as identical copies, not made candidates of each other. RESULTS is a
folder of JSON Lines files (see docs/scale-out.md); give it again to continue a scan
that was stopped, or to bring it up to date after the folders changed: only what is
missing is computed. Open it with: diffreader RESULTS

executors:
  --jobs N                 N local processes (default: the usable cores; 1: in-process)
  --dask local             a Dask LocalCluster of --jobs workers
  --dask tcp://HOST:PORT   an existing Dask scheduler; its workers need diffreader
                           installed and the articles at the same paths
  (--dask needs the optional extra: pip install 'diffreader[dask]')

exit status:
  0    at least one rewrite (or identical copy) was found
  1    no rewrite was found
  2    trouble: a DIR cannot be read, RESULTS cannot be written or holds other
       files, the Dask scheduler cannot be reached, or the command line is wrong
  130  interrupted (run the same command again to continue)"""


def _scan_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="diffreader scan",
        description="Scan folders of articles for rewrites and stories, into a results folder.",
        epilog=SCAN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("folders", nargs="+", metavar="DIR", help="folders of articles")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="RESULTS",
        help="the results folder (new, empty, or an earlier scan's to continue it)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        metavar="N",
        help="local processes, or the LocalCluster's workers (default: the usable cores)",
    )
    parser.add_argument(
        "--dask",
        metavar="WHERE",
        help="run on Dask: 'local' (a LocalCluster) or a scheduler address tcp://HOST:PORT",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress on stderr, only the summary"
    )
    return parser


def _is_loopback(host: str) -> bool:
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _public_url(host: str, port: int) -> str:
    """The address the served page tells the browser to open its websocket on."""
    import socket

    host = host.strip("[]")
    if host in ("", "0.0.0.0", "::"):  # every interface: the machine's name reaches it
        host = socket.gethostname()
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def _check_bindable(host: str, port: int) -> None:
    """Fail with one line, before textual-serve prints its banner, when the port is taken
    or the address is not this machine's (the server binds as this probe does)."""
    import socket

    try:
        family, kind, proto, _name, address = socket.getaddrinfo(
            host.strip("[]") or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as error:
        raise _Trouble(f"cannot serve on {host}:{port} ({error.strerror or error})") from error


def _serve(argv: Sequence[str]) -> ExitStatus:
    """``diffreader serve``: the reader in web browsers, through textual-serve."""
    import shlex

    parser = _serve_parser()
    args = parser.parse_args(argv)
    if not 0 < args.port < 65536:
        parser.error("--port must be between 1 and 65535")
    if args.folder is not None:  # serve "" is refused, never the default corpus
        folder = _checked_dir(args.folder)
    else:
        folder = _corpus_dir(argparse.Namespace(corpus=None), _load_config(), [])
    try:
        from textual_serve.server import Server
    except ImportError as error:
        raise _Trouble(f"serving the reader needs the optional extra: {SERVE_INSTALL}") from error
    # Each tab's process is this command (run by /bin/sh): the same Python, the folder
    # made absolute (the argument can never be read as a command or an option).
    command = [sys.executable, "-m", "diffreader"]
    if args.data_dir:
        command += ["--data-dir", str(Path(args.data_dir).expanduser().resolve())]
    command.append(str(folder.resolve()))
    if not _is_loopback(args.host):
        _warn(
            f"serving on {args.host}, not only this machine: the reader has no login, so "
            f"anyone who can reach port {args.port} can read {folder} and save review marks"
        )
    _check_bindable(args.host, args.port)
    server = Server(
        shlex.join(command),
        host=args.host,
        port=args.port,
        title=f"diffreader: {folder}",
        public_url=_public_url(args.host, args.port),
    )
    try:
        server.serve()
    except OSError as error:  # the port is taken, the address is not this machine's
        raise _Trouble(
            f"cannot serve on {args.host}:{args.port} ({error.strerror or error})"
        ) from error
    return ExitStatus.SAME


def _run_scan(argv: Sequence[str]) -> ExitStatus:
    from diffreader.scan.executors import JOBS_LIMIT, ExecutorError, make_executor
    from diffreader.scan.progress import Progress, Silent
    from diffreader.scan.run import ScanError, run_scan

    parser = _scan_parser()
    args = parser.parse_args(argv)
    if not args.output:
        # -o "$OUT" with OUT unset: it was the current directory, scanned into.
        parser.error("-o/--output needs a folder name")
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs must be 1 or more")
    if args.jobs is not None and args.jobs > JOBS_LIMIT:
        parser.error(f"--jobs must be {JOBS_LIMIT:,} or less (one process each)")
    if args.dask is not None and args.dask != "local" and "://" not in args.dask:
        parser.error("--dask takes 'local' or a scheduler address such as tcp://HOST:8786")
    folders = [_checked_dir(folder) for folder in args.folders]
    try:
        executor = make_executor(args.jobs, args.dask)
    except ExecutorError as error:
        raise _Trouble(str(error)) from error
    progress = Silent() if args.quiet else Progress(sys.stderr)
    import signal

    signal.signal(signal.SIGTERM, _terminate)
    try:
        summary = run_scan(folders, Path(args.output).expanduser(), executor, progress)
    except ScanError as error:
        raise _Trouble(str(error)) from error
    except KeyboardInterrupt:
        progress.clear()
        _warn("interrupted; run the same command again to continue where it stopped")
        raise
    finally:
        executor.close()
    notes = []
    if summary.identical:
        notes.append(plural(summary.identical, "identical copy", "identical copies"))
    if summary.refused:
        notes.append(plural(summary.refused, "file not an article", "files not articles"))
    noted = f" ({'; '.join(notes)})" if notes else ""
    _write(
        f"{plural(summary.articles, 'article')}{noted}, "
        f"{plural(summary.candidates, 'candidate pair')} verified: "
        f"{plural(summary.rewrites, 'rewrite')}, {summary.related:,} related; "
        f"{plural(summary.stories, 'story', 'stories')} with rewrites -> "
        f"{_shown(args.output)}\n",
        None,
    )
    # An identical copy is a rewrite (its verdict), as for find and stories.
    found = summary.rewrites or summary.identical
    return ExitStatus.SAME if found else ExitStatus.DIFFERENT


def _is_scan_results(folder: Path) -> bool:
    """Whether ``folder`` holds a scan's results; ``_Trouble`` when its marker is damaged
    (it opened as an empty folder of articles)."""
    from diffreader.scan.results import is_results, manifest_problem

    problem = manifest_problem(folder)
    if problem is not None:
        raise _Trouble(problem)
    return is_results(folder)


def _check_output(
    output: str | None, paths: Sequence[str], data: Path | None, folder: Path | None = None
) -> None:
    """Refuse ``-o`` naming what writing would destroy (``storage.paths.written_over``):
    one of the articles (``paths``), a file of diffreader's own state or, for ``find`` and
    ``stories``, an article of the ``folder`` they read."""
    if output in (None, "-"):
        return
    from diffreader.storage.paths import written_over

    assert output is not None
    reason = written_over(output, paths, data, folder)
    if reason is not None:
        raise _Trouble(f"{output}: {reason}; give another file for -o")


def _quiet_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the final flush cannot fail."""
    if sys.stdout is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


COMMANDS = ("find", "stories", "serve", "scan")
"""Subcommands: the first argument, when no file or folder of that name exists."""


def _command(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` names, if any (a file named ``find`` stays a file)."""
    if argv and argv[0] in COMMANDS and not os.path.lexists(argv[0]):
        return argv[0]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (see ``ExitStatus``)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    command = _command(arguments)
    try:
        if command == "serve":
            return int(_serve(arguments[1:]))
        if command == "scan":
            return int(_run_scan(arguments[1:]))
        if command is not None:
            return int(_run_command(command, arguments[1:]))
        parser = build_parser()
        args = parser.parse_args(arguments)
        # Without arguments this is the process's own command line: a printed comparison
        # ends it once written (``_end_process``); a caller passing ``argv`` gets the status.
        return int(_dispatch(args, parser, argv is None))
    except _Trouble as error:
        _warn(str(error))
        return ExitStatus.TROUBLE
    except BrokenPipeError:
        # `diffreader A B | head`: the reader went away; that is not our trouble to report.
        _quiet_stdout()
        return ExitStatus.TROUBLE
    except KeyboardInterrupt as interrupt:
        print(file=sys.stderr)
        if isinstance(interrupt, _Terminated):
            return ExitStatus.TERMINATED
        return ExitStatus.INTERRUPTED
    except Exception as error:
        # A bug: one line and the trouble status, as for bad input, not a traceback;
        # DIFFREADER_DEBUG=1 shows where it happened.
        if os.environ.get("DIFFREADER_DEBUG"):
            raise
        _warn(
            f"internal error: {type(error).__name__}: {error}. This is a bug in diffreader; "
            "DIFFREADER_DEBUG=1 shows where it happened (please report it with the files)."
        )
        return ExitStatus.TROUBLE


if __name__ == "__main__":  # pragma: no cover - `python -m diffreader` uses __main__.py
    raise SystemExit(main())
