"""Provides the user configuration: a dataclass read from a TOML file, never fatal.

The file lives at ``paths.config_path()`` (``$DIFFREADER_CONFIG`` overrides it). Every
problem becomes a message naming the key, and the default applies: a bad config never
stops the app. The caller shows the messages (the TUI as notifications, the CLI on
stderr).

Example ``config.toml``::

    corpus = "~/news/rewrites"     # folder the corpus screen opens
    theme = "textual-dark"         # any Textual theme name
    light_theme = "textual-light"  # what ctrl+t switches to and back from

    [keys]                         # binding id -> key(s), comma separated (? lists the ids)
    "review.next_unreviewed" = "n"
    "review.flag" = "f,!"

API:
    Config                                   the settings, with their defaults
    load_config(path=None) -> (Config, messages)

Theme names and binding ids are checked by the TUI (it alone knows which exist); this
module checks types only, so it never imports Textual.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diffreader.storage.files import read_regular
from diffreader.storage.paths import config_path

__all__ = ["DEFAULT_LIGHT_THEME", "DEFAULT_THEME", "Config", "load_config"]

DEFAULT_THEME = "textual-dark"
DEFAULT_LIGHT_THEME = "textual-light"


@dataclass(slots=True)
class Config:
    """diffreader's settings, as read from ``config.toml``."""

    corpus: Path | None = None
    """Folder of articles the corpus screen lists; ``None`` means the bundled demo corpus.

    ``~`` is expanded, and a relative path is taken relative to the config file.
    """
    theme: str = DEFAULT_THEME
    """The Textual theme the app starts with."""
    light_theme: str = DEFAULT_LIGHT_THEME
    """The theme the light/dark toggle switches to."""
    keys: dict[str, str] = field(default_factory=dict)
    """Key remaps: binding id -> key(s) in Textual's comma-separated form (``"n,ctrl+n"``)."""


_KNOWN = ("corpus", "theme", "light_theme", "keys")

_MAX_BYTES = 1024 * 1024
"""A config file is a few lines; a bigger one is a mistake (or not a config file)."""


def load_config(path: str | os.PathLike[str] | None = None) -> tuple[Config, list[str]]:
    """Read the config file, falling back to defaults for anything missing or wrong.

    Args:
        path: The file to read; ``None`` means ``paths.config_path()``.

    Returns:
        The config, and human-readable messages (empty when all is well). A missing
        file is not a problem and yields no message.
    """
    file = Path(path) if path is not None else config_path()
    name = file.name
    config = Config()
    try:
        # Only a regular file: reading a FIFO would wait for ever, /dev/zero never ends.
        raw = read_regular(file, _MAX_BYTES + 1)
    except FileNotFoundError:
        return config, []
    except OSError as error:
        reason = error.strerror or error.__class__.__name__
        return config, [f"{file}: cannot be read ({reason}), using the defaults"]
    if len(raw) > _MAX_BYTES:
        return config, [f"{file}: too large for a config file, using the defaults"]
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return config, [f"{file}: is not UTF-8 text, using the defaults"]
    except tomllib.TOMLDecodeError as error:
        return config, [f"{file}: is not valid TOML ({error}), using the defaults"]
    except RecursionError:
        return config, [f"{file}: is nested too deeply to read, using the defaults"]

    messages: list[str] = []
    unknown = [key for key in data if key not in _KNOWN]
    if unknown:
        # One message for them all: a file of thousands (another program's TOML) gave as
        # many notifications, which buried the reader and froze its start for minutes.
        plural = "s" if len(unknown) > 1 else ""
        messages.append(f"{name}: unknown setting{plural} {_some(unknown)} ignored")

    if "corpus" in data:
        value = data["corpus"]
        if isinstance(value, str) and value.strip():
            corpus = Path(value).expanduser()
            config.corpus = corpus if corpus.is_absolute() else file.parent / corpus
        else:
            messages.append(f"{name}: 'corpus' must be a folder path (a string), using the default")

    for key in ("theme", "light_theme"):
        if key in data:
            value = data[key]
            if isinstance(value, str) and value.strip():
                setattr(config, key, value.strip())
            else:
                messages.append(
                    f"{name}: {key!r} must be a theme name (a string), using the default"
                )

    if "keys" in data:
        config.keys = _read_keys(data["keys"], name, messages)
    return config, messages


def _read_keys(value: Any, name: str, messages: list[str]) -> dict[str, str]:
    """Validate the ``[keys]`` table: each value a key string or a list of key strings."""
    if not isinstance(value, dict):
        messages.append(
            f"{name}: 'keys' must be a table of binding id = key(s), using the defaults"
        )
        return {}
    keys: dict[str, str] = {}
    bad: list[str] = []
    for binding, keyspec in value.items():
        if isinstance(keyspec, list) and keyspec and all(isinstance(k, str) for k in keyspec):
            keyspec = ",".join(keyspec)
        parts = [p.strip() for p in keyspec.split(",")] if isinstance(keyspec, str) else []
        if parts and all(parts):
            keys[binding] = ",".join(parts)
        else:
            bad.append(f"keys.{binding}")
    if bad:
        each = "each " if len(bad) > 1 else ""
        messages.append(
            f'{name}: {_some(bad)} must {each}be a key such as "n" or "ctrl+n", using the default'
        )
    return keys


_NAMED = 5
"""How many names a message lists before it counts the rest."""


def _some(names: list[str]) -> str:
    """``'a', 'b' and 3 more``: the first few names, quoted, and a count of the others."""
    shown = ", ".join(repr(name) for name in names[:_NAMED])
    rest = len(names) - _NAMED
    return f"{shown} and {rest:,} more" if rest > 0 else shown
