"""Provides where diffreader keeps its files: the data directory and the config file.

Nothing is computed at import time (httpie computes its config dir at import and
cannot be redirected afterwards; hatch resolves lazily, as we do), so tests and the
``--data-dir`` option can redirect everything by setting the environment first.

API:
    data_dir(override=None) -> Path   $DIFFREADER_DATA_DIR, else the platformdirs user data dir
    config_path() -> Path             $DIFFREADER_CONFIG, else <user config dir>/config.toml
    reviews_dir(base=None) -> Path    <data dir>/reviews, where review state lives
    written_over(output, articles, data=None, folder=None) -> str | None
                                      what writing a report to ``output`` would destroy
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

__all__ = ["APP_NAME", "config_path", "data_dir", "reviews_dir", "written_over"]

APP_NAME = "diffreader"
DATA_DIR_ENV = "DIFFREADER_DATA_DIR"
CONFIG_ENV = "DIFFREADER_CONFIG"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Return the directory that holds diffreader's state (it may not exist yet).

    Args:
        override: An explicit directory (the ``--data-dir`` option); wins over everything.

    Returns:
        ``override``, else ``$DIFFREADER_DATA_DIR``, else
        ``platformdirs.user_data_path("diffreader", appauthor=False)``.
    """
    if override is not None and str(override):
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    # Imported here, not at module level: the fast CLI path never needs it.
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_path() -> Path:
    """Return the path of the TOML config file (it may not exist).

    Returns:
        ``$DIFFREADER_CONFIG``, else ``<platformdirs user config dir>/config.toml``.
    """
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "config.toml"


def reviews_dir(base: str | os.PathLike[str] | None = None) -> Path:
    """Return ``<data dir>/reviews``, the folder of per-pair review files (not created)."""
    return data_dir(base) / "reviews"


def written_over(
    output: str | os.PathLike[str],
    articles: Sequence[str | os.PathLike[str]],
    data: str | os.PathLike[str] | None = None,
    folder: str | os.PathLike[str] | None = None,
) -> str | None:
    """What writing a report or listing to ``output`` would destroy, as the end of a
    sentence naming it ("is the article a.txt"), or None: one of ``articles`` (also
    through a link), a file of diffreader's own state (the data folder ``data``: review
    marks, the corpus index) or an article of ``folder`` (what ``find`` and ``stories``
    read). The command line's ``-o`` and the reader's export refuse all three alike.
    """
    for path in articles:
        try:
            same = os.path.samefile(output, path)
        except (OSError, ValueError):  # either is missing: nothing to destroy
            same = False
        if same:
            return f"is the article {os.fspath(path)}"
    target = Path(os.path.realpath(output))
    own = Path(os.path.realpath(data_dir(data)))
    if target == own or own in target.parents:
        return f"is in diffreader's data folder {own}"
    if folder is None or not target.is_file():
        return None
    from diffreader.storage.corpus_index import scan

    try:
        same_folder = os.path.samefile(target.parent, folder)
    except OSError:
        return None
    if same_folder and target.name in scan(Path(folder)):
        return f"is an article of {os.fspath(folder)}"
    return None
