"""Progress figures: the pure arithmetic behind the statistics screen.

The progress store gathers rows; the functions here turn them into figures. A "day" is a
calendar day in the timezone of the ``now`` the caller passes, so pass
``datetime.now().astimezone()`` for the person's local day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

__all__ = [
    "CategoryFigures",
    "DayActivity",
    "TermFigures",
    "accuracy",
    "daily_activity",
    "day_bounds",
    "weakest_terms",
]


def accuracy(correct: int, answers: int) -> float | None:
    """Share of right answers, 0.0–1.0; None when there were no answers (not 0%)."""
    return correct / answers if answers else None


@dataclass(frozen=True, slots=True)
class CategoryFigures:
    """Answers in one category ("" for terms without one), as the category was at answer time."""

    category: str
    answers: int
    correct: int

    @property
    def accuracy(self) -> float | None:
        return accuracy(self.correct, self.answers)


@dataclass(frozen=True, slots=True)
class DayActivity:
    """Answers given on one calendar day."""

    day: date
    answers: int
    correct: int


@dataclass(frozen=True, slots=True)
class TermFigures:
    """Answers about one term. ``term_text`` and ``category`` are as of the latest answer, so
    a term since removed from the glossary can still be shown."""

    term_id: str
    term_text: str
    category: str
    answers: int
    correct: int
    last_answered_at: datetime

    @property
    def wrong(self) -> int:
        return self.answers - self.correct

    @property
    def accuracy(self) -> float | None:
        return accuracy(self.correct, self.answers)


def day_bounds(now: datetime, days: int = 1) -> tuple[datetime, datetime]:
    """Start of the day ``days - 1`` days before ``now``'s day, and start of the day after it.

    Both are in ``now``'s timezone; ``day_bounds(now)`` is today from midnight to midnight.
    """
    if now.tzinfo is None:
        raise ValueError(f"naive datetime {now!r}: pass a timezone-aware time")
    today = now.date()
    first = today - timedelta(days=max(1, days) - 1)
    start = datetime.combine(first, time(0), tzinfo=now.tzinfo)
    end = datetime.combine(today + timedelta(days=1), time(0), tzinfo=now.tzinfo)
    return start, end


def daily_activity(
    answers: Iterable[tuple[datetime, bool]], now: datetime, days: int
) -> tuple[DayActivity, ...]:
    """One entry per calendar day, oldest first, ending with ``now``'s day; days without
    answers are zeros, so the result can be drawn as a sparkline as it is.

    ``answers`` are (answered at, correct) pairs; those outside the window are ignored.
    """
    start, _ = day_bounds(now, days)
    first = start.date()
    window = [first + timedelta(days=offset) for offset in range(max(1, days))]
    totals = {day: [0, 0] for day in window}
    for answered_at, correct in answers:
        counts = totals.get(answered_at.astimezone(now.tzinfo).date())
        if counts is not None:
            counts[0] += 1
            counts[1] += int(correct)
    return tuple(DayActivity(day, *totals[day]) for day in window)


def weakest_terms(terms: Iterable[TermFigures], limit: int) -> tuple[TermFigures, ...]:
    """Terms answered wrong at least once, weakest first.

    Weakness is accuracy smoothed towards one half, (right + 1) / (answers + 2): a term missed
    five times out of five (1/7) ranks above one missed once out of once (1/3), which ranks
    above one missed once out of four (4/6). Ties go to the term with more wrong answers,
    then to the one answered more recently.
    """
    missed = [figures for figures in terms if figures.wrong > 0]
    missed.sort(key=lambda f: (f.last_answered_at, f.term_id), reverse=True)
    missed.sort(key=lambda f: ((f.correct + 1) / (f.answers + 2), -f.wrong))
    return tuple(missed[: max(0, limit)])
