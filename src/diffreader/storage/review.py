"""Provides review sessions: marks and notes on a comparison's items, saved so nothing is lost.

A journalist works through a rewrite item by item (each added claim, dropped detail,
altered or new quotation, and each reworded or moved group), marks it accepted or
flagged, may attach a note, and can stop and come back. This module is the non-UI core
of that: it never imports Textual or Rich. What an item is, its key, marks and their JSON
form live in the pure ``diffreader.review`` package; this module only reads and writes
them.

How the UI uses it (every call is cheap; each change is saved before the call returns)::

    store = ReviewStore(data_dir)                  # None: $DIFFREADER_DATA_DIR / platformdirs
    session, messages = store.load_for(comparison) # show each message (corrupt file, carry-over)
                                                   # record=False: write nothing (--report)
    session.items                                  # list[ReviewItem], display order
    session.mark(item.key) -> Mark | None          # None: not reviewed
    session.note(item.key) -> str
    messages = session.set_mark(item.key, Mark.FLAGGED)   # None clears the mark
    messages = session.set_note(item.key, "called the agency")  # "" clears the note
    session.progress()          -> Progress(reviewed, total, flagged); str() gives
                                   "14 of 37 reviewed, 3 flagged"
    session.next_unreviewed(after=item.key) -> ReviewItem | None  (wraps around)
    session.stale()             -> list[StaleEntry]: marks whose text changed
    session.entries()           -> dict[key, ReviewEntry], for render.render_report

    # corpus screen: progress of pairs already opened, without comparing anything
    store.summaries() -> (dict[pair_key, ReviewSummary], messages)   # one small file
                                                  # repair=False: never set a file aside
    store.summary(a_text, b_text) -> ReviewSummary | None            # one pair
    review_summary_for_pair(a_text, b_text, data_dir=None)           # same, no store

``set_mark``/``set_note`` return messages only when something went wrong (the disk is
full, the file was corrupted behind our back; a read-only data dir is said only once);
the change is kept in memory and saving is retried on the next change
(``session.unsaved`` tells, ``session.save_error`` says why). Each call is a user action,
saved even when it sets the value already shown (another window may have changed it since).

Identity and persistence:
    * An item's ``key`` is a hash of its kind, side, normalised text and the normalised
      text of its sentence, never of indexes: an edit elsewhere in an article leaves the
      keys (and so the marks) of unchanged items alone.
    * A review is stored per pair of article *contents* (``pair_key``): renaming or
      moving a file keeps its review. When one article changes, ``load_for`` finds the
      previous review of the same files (same other article and same path, or the same
      two paths), carries every mark over, and those whose item no longer exists come
      back from ``stale()``. The previous file is left as it was.
    * Files: ``<data>/reviews/<pair_key>.json`` (``schema_version``) and
      ``<data>/reviews/index.json`` (summaries for the corpus screen). Writes are atomic
      (temp file in the same folder, flush, fsync, ``os.replace``, fsync the folder), so
      a killed process leaves the old or the new file, never a broken one.
    * Two instances on the same pair: each save takes an exclusive ``flock`` on
      ``<pair_key>.lock``, re-reads the file, merges (per item and per field, the later
      timestamp wins; clearing is a timestamped tombstone) and writes. On systems
      without ``fcntl`` (Windows) saves are still atomic but not locked.
    * A corrupt or unreadable file is renamed ``<name>.corrupt-<timestamp>.json``, a
      message says so, and the session starts empty; ``record=False`` (``--report``)
      only says so and leaves the file alone.
    * Reading never needs write access: on a read-only data dir the marks are shown,
      and one message says they cannot be saved (they are kept in memory).
    * Every file name built from stored data goes through ``path_for``, which refuses
      anything but a pair key's form (``is_pair_key``): a crafted state or index file
      cannot make a save write outside ``reviews/``. Stored times out of range read as
      unknown (``MAX_STAMP``).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from diffreader.engine.model import Comparison
from diffreader.review.items import ReviewItem, review_items
from diffreader.review.marks import (
    SCHEMA_VERSION,
    ArticleRef,
    Mark,
    Progress,
    ReviewEntry,
    ReviewState,
    ReviewSummary,
    StaleEntry,
    is_pair_key,
    merge_entry,
    pair_key,
)
from diffreader.storage.files import atomic_write, fsync_dir, read_regular
from diffreader.storage.paths import reviews_dir

__all__ = ["ReviewSession", "ReviewStore", "review_summary_for_pair"]
"""Only storage's own names: the review model is imported from ``diffreader.review``."""

# --------------------------------------------------------------------------- files

if sys.platform != "win32":
    import fcntl

    @contextlib.contextmanager
    def _locked(path: Path) -> Iterator[None]:
        """Hold an exclusive advisory lock on ``path`` (created if needed): for writers."""
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock

    @contextlib.contextmanager
    def _locked_if_possible(path: Path) -> Iterator[bool]:
        """Hold the lock on ``path`` when it can be opened; yields whether it is held.

        Only a reader that may set a corrupt file aside needs the lock (so as not to move
        a file a writer has just replaced). On a read-only data dir or lock file it goes
        on without: reading itself never needs the lock, as writes are atomic renames.
        """
        for flags in (os.O_RDWR | os.O_CREAT, os.O_RDONLY):  # flock works on either
            try:
                fd = os.open(path, flags, 0o644)
            except OSError:
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                yield True
            finally:
                os.close(fd)
            return
        yield False

else:  # pragma: no cover - no flock on Windows: saves stay atomic, just unserialised

    @contextlib.contextmanager
    def _locked(path: Path) -> Iterator[None]:
        yield

    @contextlib.contextmanager
    def _locked_if_possible(path: Path) -> Iterator[bool]:
        yield True


def _remove_orphans(path: Path) -> None:
    """Delete temp files a killed writer left behind (call with ``path``'s lock held)."""
    for orphan in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            orphan.unlink()


def _dumps(data: Any) -> bytes:
    # A lone surrogate (a file name's byte that is not UTF-8, a note pasted with one) can
    # only stand inside a JSON string, where its ``\udce9`` is JSON's escape for it: read
    # back, it is the same string.
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode(
        "utf-8", "backslashreplace"
    )


_PARSE_ERRORS = (ValueError, UnicodeDecodeError, RecursionError)
"""What reading a malformed file raises (``json`` and the ``from_json`` parsers)."""

_READ_ONLY = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})
"""Errors that mean the data dir cannot be written at all (retrying will not help)."""


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError):
        return error.strerror or error.__class__.__name__
    return str(error) or error.__class__.__name__


def _now_ns() -> int:
    return time.time_ns()


class ReviewStore:
    """Review files under ``<data dir>/reviews``: load, save (locked, merged), summaries.

    Args:
        data_dir: The data directory; ``None`` means ``paths.data_dir()`` (which honours
            ``$DIFFREADER_DATA_DIR``). Nothing is created until the first save.
    """

    def __init__(self, data_dir: str | os.PathLike[str] | None = None) -> None:
        self.root = reviews_dir(data_dir)
        """The folder of review files."""

    # -- paths

    def path_for(self, key: str) -> Path:
        """The state file of pair ``key``.

        Raises:
            ValueError: ``key`` is not a pair key's form (hex digits only): a key read
                from a crafted file ("../../x") never names a file outside ``root``.
        """
        if not is_pair_key(key):
            raise ValueError(f"not a review key: {key!r}")
        return self.root / f"{key}.json"

    @property
    def index_path(self) -> Path:
        """The summaries file the corpus screen reads."""
        return self.root / "index.json"

    def _lock_path(self, path: Path) -> Path:
        return path.with_suffix(".lock")

    # -- loading

    def load_for(
        self,
        comparison: Comparison,
        *,
        record: bool = True,
        items: Sequence[ReviewItem] | None = None,
    ) -> tuple[ReviewSession, list[str]]:
        """Open the review of a comparison, creating or carrying it over as needed.

        Args:
            comparison: The result of ``engine.compare``.
            record: Save at once, which records the pair as opened for the corpus
                screen (and persists a carry-over), and set a corrupt file aside.
                ``False`` writes, renames and creates nothing until the first change:
                for read-only uses such as ``--report``.
            items: ``review_items(comparison)``, when the caller has them already (the
                reader's presentation model does).

        Returns:
            The live session, and messages for the user (a corrupt file set aside, marks
            carried over from an earlier version of an article, a failed save).
        """
        items = list(items) if items is not None else review_items(comparison)
        a_ref, b_ref = ArticleRef.of(comparison.a), ArticleRef.of(comparison.b)
        key = pair_key(comparison.a.text, comparison.b.text)
        state, messages = self.load(key, repair=record)
        if state is None:
            state = ReviewState(key, a_ref, b_ref)
            messages += self._carry_over(state, items, repair=record)
        else:
            # Keep the latest paths and titles: a renamed file is found again by path.
            state.a = replace(a_ref, path=a_ref.path or state.a.path)
            state.b = replace(b_ref, path=b_ref.path or state.b.path)
        state.adopt(items)  # marks saved on items since folded into others (aliases)
        session = ReviewSession(self, state, items)
        if record:
            messages += session.save()
        return session, messages

    def load(self, key: str, *, repair: bool = True) -> tuple[ReviewState | None, list[str]]:
        """Read the state of pair ``key``; ``None`` when there is none (or it is corrupt).

        Reading needs no write access: it works on a read-only data dir or file.

        Args:
            key: The pair key.
            repair: Set a corrupt file aside (renamed ``.corrupt-<time>.json``) so the
                next save starts afresh. ``False`` leaves it as it is (``--report``).
        """
        path = self.path_for(key)
        state, error = self._read(path)
        if error is not None and repair:
            with _locked_if_possible(self._lock_path(path)) as locked:
                if locked:  # read again: a writer may have replaced it meanwhile
                    state, error = self._read(path)
                    if error is not None and not isinstance(error, OSError):
                        return None, [self._set_aside(path, error)]
        if error is None:
            return state, []
        if isinstance(error, OSError):
            return None, [f"Could not read the saved review {path}: {_reason(error)}"]
        return None, [
            f"The saved review {path} is unreadable ({_reason(error)}); it was left as it "
            "is and no marks are shown."
        ]

    def _read(self, path: Path) -> tuple[ReviewState | None, Exception | None]:
        """Read a state file without writing anything: ``(state, None)``, ``(None, None)``
        when it does not exist, or ``(None, error)`` when it cannot be read or parsed."""
        try:
            raw = read_regular(path)
        except FileNotFoundError:
            return None, None
        except OSError as error:
            return None, error
        try:
            state = ReviewState.from_json(json.loads(raw.decode("utf-8")))
        except _PARSE_ERRORS as error:
            return None, error
        if state.pair_key != path.stem:
            return None, ValueError("the file holds the review of another pair")
        return state, None

    def _read_locked(self, path: Path) -> tuple[ReviewState | None, list[str]]:
        """Read a state file before a save, setting it aside if it is corrupt (lock held).

        Raises:
            OSError: The file exists but cannot be read (a save must not overwrite it).
        """
        state, error = self._read(path)
        if isinstance(error, OSError):
            raise error
        if error is not None:
            return None, [self._set_aside(path, error)]
        return state, []

    def _set_aside(self, path: Path, error: BaseException) -> str:
        """Rename a corrupt file out of the way and say so."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{path.stem}.corrupt-{stamp}.json")
        counter = 1
        while target.exists():
            target = path.with_name(f"{path.stem}.corrupt-{stamp}-{counter}.json")
            counter += 1
        try:
            os.replace(path, target)
        except OSError as move_error:
            return (
                f"The saved review {path} is unreadable ({_reason(error)}) and could not be "
                f"set aside ({_reason(move_error)}); starting with an empty review."
            )
        fsync_dir(path.parent)
        return (
            f"The saved review {path.name} was unreadable ({_reason(error)}); it was kept "
            f"as {target.name} and this review starts empty."
        )

    def _carry_over(
        self, state: ReviewState, items: list[ReviewItem], *, repair: bool = True
    ) -> list[str]:
        """Fill a new state from the previous review of the same files, if any."""
        summaries, _ = self.summaries(repair=repair)
        a, b = state.a, state.b
        candidates = [
            s
            for s in summaries.values()
            if s.pair_key != state.pair_key
            and (
                (s.a.hash == a.hash and b.path is not None and s.b.path == b.path)
                or (s.b.hash == b.hash and a.path is not None and s.a.path == a.path)
                or (
                    a.path is not None
                    and b.path is not None
                    and (s.a.path, s.b.path) == (a.path, b.path)
                )
            )
        ]
        for summary in sorted(candidates, key=lambda s: s.updated_at, reverse=True):
            previous, _ = self.load(summary.pair_key, repair=repair)
            if previous is None:
                continue
            carried = previous.live()
            if not carried:
                continue
            state.entries = dict(carried)
            state.carried_from = previous.pair_key
            state.adopt(items)  # as the session will: a mark under an alias is its item's
            stale = len(state.stale(items))
            what = "1 mark or note" if len(carried) == 1 else f"{len(carried)} marks and notes"
            message = f"An article changed since the last review: {what} carried over"
            if stale:
                on = "on text" if len(carried) == 1 else f"{stale} of them on text"
                message += f", {on} that changed (listed as stale)"
            return [message + "."]
        return []

    # -- saving

    def save(self, state: ReviewState, items: list[ReviewItem] | None = None) -> list[str]:
        """Merge ``state`` with what is on disk and write it atomically.

        ``state`` is updated in place with the merge (so it gains the marks another
        instance saved). Raises ``OSError`` when the file cannot be written.

        Returns:
            Messages (a corrupt file found on disk and set aside).
        """
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.path_for(state.pair_key)
        messages: list[str] = []
        with _locked(self._lock_path(path)):
            _remove_orphans(path)
            on_disk, messages = self._read_locked(path)
            if on_disk is not None:
                state.merge(on_disk)
            if items is not None:
                state.total = len(items)
            summary = self._summary(state, items)
            atomic_write(path, _dumps(state.to_json(summary)))
        messages += self._update_index(summary)
        return messages

    def _summary(self, state: ReviewState, items: list[ReviewItem] | None) -> ReviewSummary:
        if items is not None:
            reviewed, total, flagged = state.progress(items)
            stale = len(state.stale(items))
        else:
            live = state.live()
            reviewed = sum(e.mark is not None for e in live.values())
            flagged = sum(e.mark is Mark.FLAGGED for e in live.values())
            total, stale = max(state.total, reviewed), 0
        return ReviewSummary(
            state.pair_key, state.a, state.b, reviewed, total, flagged, stale, _now_ns()
        )

    # -- index

    def _update_index(self, summary: ReviewSummary) -> list[str]:
        """Record one pair's summary in ``index.json`` (a cache: failures only warn)."""
        try:
            with _locked(self._lock_path(self.index_path)):
                _remove_orphans(self.index_path)
                summaries, messages = self._read_index_locked()
                summaries[summary.pair_key] = summary
                payload = {
                    "schema_version": SCHEMA_VERSION,
                    "pairs": {k: s.to_json() for k, s in sorted(summaries.items())},
                }
                atomic_write(self.index_path, _dumps(payload))
        except OSError as error:
            return [f"Could not update the review index: {_reason(error)}"]
        return messages

    def _read_index(self) -> tuple[dict[str, ReviewSummary] | None, Exception | None]:
        """Read ``index.json`` without writing: ``(None, None)`` when it does not exist.

        A pair key that is not a pair key's form makes the whole index corrupt: its keys
        name the state files that carry-over opens.
        """
        try:
            raw = read_regular(self.index_path)
        except FileNotFoundError:
            return None, None
        except OSError as error:
            return None, error
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict) or data.get("schema_version") != SCHEMA_VERSION:
                raise ValueError("unsupported schema_version")
            pairs = data.get("pairs")
            if not isinstance(pairs, dict):
                raise ValueError("no pairs")
            return {str(k): ReviewSummary.from_json(str(k), v) for k, v in pairs.items()}, None
        except _PARSE_ERRORS as error:
            return None, error

    def _read_index_locked(self) -> tuple[dict[str, ReviewSummary], list[str]]:
        """Read ``index.json`` (lock held), rebuilding it when missing or corrupt (set aside)."""
        summaries, error = self._read_index()
        if summaries is not None:
            return summaries, []
        messages: list[str] = []
        if isinstance(error, OSError):
            messages.append(f"Could not read the review index: {_reason(error)}")
        elif error is not None:
            messages.append(self._set_aside(self.index_path, error))
        return self._rebuild_index(), messages

    def _rebuild_index(self) -> dict[str, ReviewSummary]:
        """Summaries read from each state file (the index is only a cache of these)."""
        summaries: dict[str, ReviewSummary] = {}
        for path in self.root.glob("*.json"):
            if not is_pair_key(path.stem):  # index.json, set-aside copies, strangers
                continue
            try:
                data = json.loads(read_regular(path).decode("utf-8"))
                state = ReviewState.from_json(data)
                summary = ReviewSummary.from_json(state.pair_key, data.get("summary"))
            except (OSError, *_PARSE_ERRORS):
                continue  # a corrupt state file is dealt with when its pair is opened
            if state.pair_key == path.stem:
                summaries[state.pair_key] = summary
        return summaries

    def summaries(self, *, repair: bool = True) -> tuple[dict[str, ReviewSummary], list[str]]:
        """Progress of every stored review (pair key -> summary), read from ``index.json``.

        Reading needs no write access. A missing or corrupt index is rebuilt (in memory)
        from the state files; with ``repair`` a corrupt one is also set aside.
        """
        try:
            if not self.root.is_dir():
                return {}, []
        except OSError as entering:  # a data folder this user may not enter (mode 000)
            return {}, [f"Could not read the review index: {_reason(entering)}"]
        summaries, error = self._read_index()
        if summaries is not None:
            return summaries, []
        if error is not None and not isinstance(error, OSError) and repair:
            with _locked_if_possible(self._lock_path(self.index_path)) as locked:
                if locked:  # read again: a writer may have replaced it meanwhile
                    return self._read_index_locked()
        if error is None:
            return self._rebuild_index(), []
        if isinstance(error, OSError):
            reason = f"Could not read the review index: {_reason(error)}"
        else:
            reason = f"The review index is unreadable ({_reason(error)}); it was left as it is"
        return self._rebuild_index(), [reason]

    def summary(self, a_text: str, b_text: str) -> ReviewSummary | None:
        """Progress of the review of this pair of texts, or ``None`` if never opened.

        Reads only that pair's state file, which is the source of truth.
        """
        key = pair_key(a_text, b_text)
        try:
            data = json.loads(read_regular(self.path_for(key)).decode("utf-8"))
            state = ReviewState.from_json(data)
            summary = ReviewSummary.from_json(key, data.get("summary"))
        except (OSError, *_PARSE_ERRORS):
            return None
        return summary if state.pair_key == key else None


def review_summary_for_pair(
    a_text: str, b_text: str, data_dir: str | os.PathLike[str] | None = None
) -> ReviewSummary | None:
    """Progress of the stored review of two texts (``None`` when never opened)."""
    return ReviewStore(data_dir).summary(a_text, b_text)


# --------------------------------------------------------------------------- session


class ReviewSession:
    """The live review of one comparison: what the UI reads and changes.

    Created by ``ReviewStore.load_for``. Every change is saved before the call returns,
    unless the caller asks to save a ``snapshot()`` itself (off the UI thread).
    """

    def __init__(self, store: ReviewStore, state: ReviewState, items: list[ReviewItem]) -> None:
        self.store = store
        self.state = state
        self.items = items
        """Reviewable items in display order."""
        self.unsaved = False
        """True when the last save failed; the next change (or ``save()``) retries."""
        self.save_error: str | None = None
        """Why the last save failed ("No space left on device"); ``None`` once one succeeds.
        What a window shows for as long as its marks are only in memory."""
        self._read_only_told = False
        """The user was told that the data dir is read-only (said once, not per mark)."""
        self._index = {item.key: i for i, item in enumerate(items)}

    @property
    def pair_key(self) -> str:
        """The key this review is stored under."""
        return self.state.pair_key

    def item(self, key: str) -> ReviewItem | None:
        """The item with ``key``, if it exists in this comparison."""
        index = self._index.get(key)
        return self.items[index] if index is not None else None

    def entry(self, key: str) -> ReviewEntry | None:
        """The live entry of ``key`` (``None`` when unmarked and without a note)."""
        entry = self.state.entries.get(key)
        return entry if entry is not None and entry.is_live else None

    def mark(self, key: str) -> Mark | None:
        """The mark of ``key``, ``None`` when not reviewed."""
        entry = self.state.entries.get(key)
        return entry.mark if entry else None

    def note(self, key: str) -> str:
        """The note of ``key`` ("" when none)."""
        entry = self.state.entries.get(key)
        return entry.note if entry else ""

    def entries(self) -> dict[str, ReviewEntry]:
        """Every live entry (stale ones included): the input of ``render_report``."""
        return self.state.live()

    def set_mark(self, key: str, mark: Mark | None, *, save: bool = True) -> list[str]:
        """Mark an item accepted or flagged (``None`` clears), and save.

        Setting the mark an item already shows is saved too, with a new time: another
        window on the same pair may have changed it since, and the user's latest action
        must win on disk (so the time is also later than the one on disk).

        Args:
            key: The item (or stale entry).
            mark: The new mark.
            save: Save before returning; ``False`` changes memory only, for a caller that
                saves a ``snapshot()`` elsewhere (the reader saves off its UI thread).

        Raises:
            KeyError: ``key`` is neither an item nor a stored (possibly stale) entry.
        """
        current = self._latest(key)
        stamp = max(_now_ns(), current.mark_at + 1)
        self.state.entries[key] = replace(self._described(key, current), mark=mark, mark_at=stamp)
        return self.save() if save else []

    def set_note(self, key: str, note: str, *, save: bool = True) -> list[str]:
        """Attach a note to an item ("" removes it), and save (as ``set_mark``: even when
        the note is the one shown, since another window may have changed it since)."""
        current = self._latest(key)
        note = note.strip()
        stamp = max(_now_ns(), current.note_at + 1)
        self.state.entries[key] = replace(self._described(key, current), note=note, note_at=stamp)
        return self.save() if save else []

    def clear(self, key: str, *, save: bool = True) -> list[str]:
        """Remove an item's mark and note (how a stale entry is dismissed)."""
        return self.set_mark(key, None, save=save) + self.set_note(key, "", save=save)

    def snapshot(self) -> ReviewState:
        """A copy of the state to save from another thread (``save(snapshot)``).

        Entries are frozen, so copying the mapping is enough; the copy is taken on the
        thread that changes the state, so it is never read half-changed.
        """
        return replace(self.state, entries=dict(self.state.entries))

    def absorb(self, snapshot: ReviewState) -> None:
        """Fold a saved snapshot back in (it holds what other windows had saved); each
        entry keeps its latest mark and note, so nothing changed since is lost."""
        self.state.merge(snapshot)

    def save(self, state: ReviewState | None = None) -> list[str]:
        """Save now (merging with other instances); never raises ``OSError``.

        A read-only data dir is reported once (then every change fails the same way,
        and the marks stay in memory); other failures are reported each time.

        Args:
            state: What to save: this session's state (the default), or a ``snapshot()``
                of it (then ``absorb`` it on the session's own thread afterwards).
        """
        try:
            messages = self.store.save(self.state if state is None else state, self.items)
        except OSError as error:
            self.unsaved = True
            self.save_error = _reason(error)
            if error.errno not in _READ_ONLY:
                return [
                    f"Could not save the review to {self.store.path_for(self.pair_key)}: "
                    f"{_reason(error)}. The change is kept in memory; saving will be retried."
                ]
            if self._read_only_told:
                return []
            self._read_only_told = True
            return [
                f"Marks cannot be saved: {self.store.root} is read-only ({_reason(error)}). "
                "Marks and notes are kept in memory until the reader closes."
            ]
        self.unsaved = False
        self.save_error = None
        self._read_only_told = False
        return messages

    def reload(self) -> list[str]:
        """Fold in what other instances saved since (without writing)."""
        on_disk, messages = self.store.load(self.pair_key, repair=False)
        if on_disk is not None:
            self.state.merge(on_disk)
        return messages

    def progress(self) -> Progress:
        """``(reviewed, total, flagged)``; ``str()`` reads "14 of 37 reviewed, 3 flagged"."""
        return self.state.progress(self.items)

    def stale(self) -> list[StaleEntry]:
        """Marks and notes whose item no longer exists (its text changed)."""
        return self.state.stale(self.items)

    def flagged(self) -> list[ReviewItem]:
        """Flagged items, in display order (the "flagged only" filter)."""
        return [item for item in self.items if self.mark(item.key) is Mark.FLAGGED]

    def next_unreviewed(self, after: str | None = None, *, wrap: bool = True) -> ReviewItem | None:
        """The first unmarked item after ``after`` (from the top when ``None``).

        Args:
            after: Key of the current item.
            wrap: Continue from the top when nothing is left below.
        """
        start = self._index.get(after, -1) + 1 if after is not None else 0
        order = list(range(start, len(self.items)))
        if wrap:
            order += range(start)
        for index in order:
            item = self.items[index]
            if self.mark(item.key) is None:
                return item
        return None

    def _current(self, key: str) -> ReviewEntry:
        if key not in self._index and key not in self.state.entries:
            raise KeyError(key)
        return self.state.entries.get(key, ReviewEntry())

    def _latest(self, key: str) -> ReviewEntry:
        """``key``'s entry merged with the one on disk now (read only, no lock).

        A change is stamped later than this, so it wins the merge over whatever another
        window saved, even if this clock is behind (set back, or another machine's).
        """
        current = self._current(key)
        on_disk, _ = self.store.load(self.pair_key, repair=False)  # save() reports trouble
        if on_disk is not None and key in on_disk.entries:
            current = merge_entry(current, on_disk.entries[key])
        return current

    def _described(self, key: str, entry: ReviewEntry) -> ReviewEntry:
        """``entry`` with the item's current text and label (kept for stale display)."""
        item = self.item(key)
        if item is None:
            return entry
        return replace(entry, text=item.text, label=item.label)
