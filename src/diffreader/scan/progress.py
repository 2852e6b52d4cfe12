"""Provides the progress of a scan: a bar with rates per stage on a terminal, plain lines
when stderr is piped (a log file, a batch system).

On a terminal the line is rewritten in place::

    verify      ██████████▌          412 / 1,000 pairs   38.1/s   eta 15s

and each finished stage leaves one line (``features  1,000 articles in 12.3s, 81.3/s``).
Piped, a plain line is printed at most every ``interval`` seconds and when a stage ends.
No colour, no Rich: the scan's printing path stays as light as the one-off's.

API:
    Progress(stream, tty=None, interval=10.0)
    Progress.stage(name, total, unit), .advance(n), .done() -> StageRate
    Silent                                     the same calls, printing nothing
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from typing import TextIO

from diffreader.plural import plural

__all__ = ["Progress", "Silent", "StageRate"]

_BAR = " ▏▎▍▌▋▊▉█"
_WIDTH = 20


@dataclass(frozen=True, slots=True)
class StageRate:
    """A finished stage: how much, how long."""

    stage: str
    count: int
    unit: str
    """What is counted, in the singular ("article"): ``plural`` adds the "s"."""
    seconds: float
    reused: int = 0
    """Units found finished in the results (a resumed scan), not counted in ``count``."""

    @property
    def rate(self) -> float:
        return self.count / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        """``verify      159 pairs in 8.3s, 19.1/s (12 already in the results)``."""
        text = (
            f"{self.stage:<10}  {plural(self.count, self.unit)} in {self.seconds:.1f}s, "
            f"{self.rate:,.1f}/s"
        )
        if self.reused:
            text += f" ({self.reused:,} already in the results)"
        return text


def _bar(fraction: float) -> str:
    eighths = round(max(0.0, min(1.0, fraction)) * _WIDTH * 8)
    full, part = divmod(eighths, 8)
    return ("█" * full + (_BAR[part] if part else "")).ljust(_WIDTH)


class Progress:
    """Reports stage progress on ``stream`` (stderr by default)."""

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        tty: bool | None = None,
        interval: float = 10.0,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        if tty is None:
            try:
                tty = self.stream.isatty()
            except (AttributeError, ValueError):
                tty = False
        self.tty = tty
        self.interval = interval
        self._now = time.monotonic
        self._name = ""
        self._unit = ""
        self._total = 0
        self._done = 0
        self._reused = 0
        self._started = 0.0
        self._shown = 0.0
        self.finished: list[StageRate] = []

    def stage(self, name: str, total: int, unit: str, reused: int = 0) -> None:
        """Start a stage of ``total`` units (``unit`` in the singular: "pair"; ``reused``
        more were found finished)."""
        self._name, self._total, self._unit, self._done = name, total, unit, 0
        self._reused = reused
        self._started = self._shown = self._now()
        self._show(force=self.tty)

    def advance(self, count: int = 1) -> None:
        self._done += count
        self._show()

    def done(self) -> StageRate:
        """End the stage; its rate is kept in ``finished``."""
        rate = StageRate(
            self._name, self._done, self._unit, self._now() - self._started, self._reused
        )
        self.finished.append(rate)
        self._write(("\r\x1b[K" if self.tty else "") + rate.line() + "\n")
        return rate

    def note(self, text: str) -> None:
        """A line of its own (a stage skipped because it is finished)."""
        self._write(("\r\x1b[K" if self.tty else "") + text + "\n")

    def clear(self) -> None:
        """Clear the bar's line (before an error message)."""
        if self.tty:
            self._write("\r\x1b[K")

    def _show(self, *, force: bool = False) -> None:
        now = self._now()
        wait = 0.1 if self.tty else self.interval
        if not force and now - self._shown < wait:
            return
        self._shown = now
        elapsed = now - self._started
        rate = self._done / elapsed if elapsed > 0 else 0.0
        left = (self._total - self._done) / rate if rate > 0 else 0.0
        counts = f"{self._done:,} / {plural(self._total, self._unit)}"
        if self.tty:
            fraction = self._done / self._total if self._total else 1.0
            self._write(
                f"\r{self._name:<10}  {_bar(fraction)}  {counts}  {rate:,.1f}/s  "
                f"eta {left:,.0f}s\x1b[K"
            )
        else:
            self._write(f"{self._name}: {counts}, {rate:,.1f}/s, eta {left:,.0f}s\n")

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            pass  # a closed stderr never stops a scan


class Silent(Progress):
    """Progress that prints nothing (library use, tests)."""

    def __init__(self) -> None:
        super().__init__(stream=sys.stderr, tty=False)

    def _write(self, text: str) -> None:
        pass
