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

__all__ = ["Clock", "SystemClock"]


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
