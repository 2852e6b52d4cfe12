"""Provides ``read_only(root)``: a folder that behaves as a read-only mount.

Shared by the storage and reader tests (``tests/`` is on ``sys.path``, as for
``comparison_builder``).
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest


@contextlib.contextmanager
def read_only(root: Path) -> Iterator[None]:
    """Make ``root`` behave as a read-only file system (EROFS), as seen from this process.

    Tests run as root here, where ``chmod`` blocks nothing; so every call that would
    create, change, rename or delete a file under ``root`` fails as on a read-only mount.
    Reading is untouched.
    """
    inside = str(root.resolve())

    def under(path: Any) -> bool:
        path = os.path.abspath(os.fsdecode(path))
        return os.path.commonpath([path, inside]) == inside

    def refuse(path: Any) -> OSError:
        return OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(path))

    real_open, real_mkdir = os.open, os.mkdir
    writes = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

    def fake_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & writes and under(path):
            raise refuse(path)
        return real_open(path, flags, *args, **kwargs)

    def fake_mkdir(path: Any, *args: Any, **kwargs: Any) -> None:
        if under(path):
            if os.path.exists(path):
                raise FileExistsError(errno.EEXIST, "File exists", os.fsdecode(path))
            raise refuse(path)
        real_mkdir(path, *args, **kwargs)

    def guard(real: Callable[..., Any]) -> Callable[..., Any]:
        def fake(path: Any, *args: Any, **kwargs: Any) -> Any:
            if under(path) or any(under(a) for a in args if isinstance(a, str | Path)):
                raise refuse(path)
            return real(path, *args, **kwargs)

        return fake

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "open", fake_open)
        patch.setattr(os, "mkdir", fake_mkdir)
        for name in ("replace", "rename", "unlink", "remove"):
            patch.setattr(os, name, guard(getattr(os, name)))
        yield
