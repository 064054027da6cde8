"""Where a session gets the time.

A monotonic clock for timers and answer times, and the wall clock (timezone-aware) for what
is written to the store. Tests pass their own, so a timer can run out on demand and results
do not depend on the hour.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

__all__ = ["Clock", "SystemClock", "clock_text"]


class Clock(Protocol):
    """The two clocks a session reads."""

    def monotonic(self) -> float: ...

    def now(self) -> datetime: ...


@dataclass(frozen=True, slots=True)
class SystemClock:
    """The real clocks."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now().astimezone()


def clock_text(seconds: float) -> str:
    """``mm:ss`` (``h:mm:ss`` from an hour), never negative: how an exam shows time."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
