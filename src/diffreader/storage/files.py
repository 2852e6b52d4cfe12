"""Provides the one way diffreader replaces a file on disk: atomically and durably.

API:
    atomic_write(path, data, shared=False)   readers see the old file or the new one, never
                                             a part; the rename is fsync'ed with its folder
    atomic_write_pieces(path, pieces, mode=None)   the same, written piece by piece
    fsync_dir(folder)                        make a rename in ``folder`` durable
    new_file_mode()                          0666 less the umask
    read_regular(path, limit=None) -> bytes  a regular file's bytes, never waiting on a FIFO

A temp file is named ``.NAME.<random>.tmp`` beside ``path``; a writer killed before the
rename leaves one behind, which the owner of ``path`` may delete under its own lock.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

__all__ = ["atomic_write", "atomic_write_pieces", "fsync_dir", "new_file_mode", "read_regular"]


def read_regular(path: str | os.PathLike[str], limit: int | None = None) -> bytes:
    """The bytes of the regular file ``path`` (at most ``limit`` from its start); ``OSError``
    for anything else.

    Opened without waiting and checked once open: a FIFO put where a state file or an
    article was (since it was listed) would block ``open`` and the read for ever, and the
    reader with them; a device such as ``/dev/zero`` never ends. A missing file raises
    ``FileNotFoundError``, as ``Path.read_bytes`` does.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", os.fspath(path))
        if limit is None:
            with os.fdopen(fd, "rb", closefd=False) as handle:
                return handle.read()
        chunks: list[bytes] = []
        left = limit
        while left > 0:
            chunk = os.read(fd, left)
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (a no-op where directories can't be opened)."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _umask() -> int:
    """The process's umask (read by setting it and back: call from one thread)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def new_file_mode() -> int:
    """The permission bits a new file gets here: 0666 less the umask."""
    return 0o666 & ~_umask()


def atomic_write(path: Path, data: bytes, *, shared: bool = False) -> None:
    """Replace ``path`` with ``data`` atomically.

    Args:
        path: The file to write (its folder must exist).
        data: The whole new content.
        shared: Give the file the modes any new file gets here (0666 less the umask)
            rather than ``mkstemp``'s private 0600: for results meant to be shared;
            review files stay private.
    """
    atomic_write_pieces(path, (data,), mode=new_file_mode() if shared else None)


def atomic_write_pieces(path: Path, pieces: Iterable[bytes], *, mode: int | None = None) -> None:
    """Replace ``path`` with the concatenated ``pieces`` atomically, writing each as it
    comes (a long output is never held whole): until the last is written, ``path`` keeps
    its old content, and a failure or an interruption leaves no part of the new one.

    ``mode``: the new file's permission bits (default: ``mkstemp``'s private 0600).
    """
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if mode is not None:
            os.chmod(temp, mode)
        with os.fdopen(fd, "wb") as handle:
            for piece in pieces:
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    fsync_dir(path.parent)
