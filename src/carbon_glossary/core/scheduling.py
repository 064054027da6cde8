"""Spaced repetition for self-study: FSRS (the ``fsrs`` package) behind frozen card states.

One card per (person, term). Only self-study answers are reviews; practice and exam answers
never reach this module (the progress store calls :func:`review` for study answers alone).

A quiz answer becomes an FSRS rating like this (:func:`rating_for`):

- wrong → ``Again``;
- right, but slower than ``Settings.slow_after`` (20 s) → ``Hard``: the answer was recalled
  with effort, so the interval grows less;
- right → ``Good``.

Nothing is rated ``Easy`` automatically: most question kinds are multiple choice, where a quick
right answer can be a lucky guess (one in four), and ``Easy`` would push the card out for weeks.
``Settings.fast_before`` turns it on for callers that know a kind cannot be guessed.

FSRS "fuzz" (a random spread of review intervals) is off: the core is deterministic, and the
package draws fuzz from the global random generator, which a caller could not seed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import IntEnum
from itertools import islice

from fsrs import Card, Rating, Scheduler, State

__all__ = [
    "CardState",
    "Phase",
    "Settings",
    "rating_for",
    "review",
    "study_queue",
    "to_utc",
]


class Phase(IntEnum):
    """Where a card is in its life; the values are FSRS's ``State`` values (stored as such)."""

    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


@dataclass(frozen=True, slots=True)
class Settings:
    """How study is scheduled. The defaults are FSRS's, with fuzz off (see the module doc)."""

    desired_retention: float = 0.9
    """Probability of recall FSRS aims for when a card comes due."""
    learning_steps: tuple[timedelta, ...] = (timedelta(minutes=1), timedelta(minutes=10))
    """Short steps a new card goes through before its first interval in days."""
    relearning_steps: tuple[timedelta, ...] = (timedelta(minutes=10),)
    """Steps a forgotten card goes through before returning to day intervals."""
    maximum_interval_days: int = 36500
    slow_after: timedelta = timedelta(seconds=20)
    """A right answer that took longer than this is rated Hard."""
    fast_before: timedelta | None = None
    """If set, a right answer quicker than this is rated Easy. Off by default."""
    new_per_day: int = 20
    """How many never-studied terms one person is introduced to per calendar day."""


DEFAULT_SETTINGS = Settings()


@dataclass(frozen=True, slots=True)
class CardState:
    """The schedule of one term for one person, after at least one study answer.

    ``due`` and ``last_review`` are timezone-aware UTC. ``reps`` counts study answers,
    ``lapses`` counts times a card in review was forgotten (answered wrong).
    """

    phase: Phase
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    reps: int = 0
    lapses: int = 0

    def is_due(self, now: datetime) -> bool:
        return self.due <= to_utc(now)


def to_utc(moment: datetime) -> datetime:
    """``moment`` in UTC; a naive datetime is a programming error (whose clock would it be?)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment!r}: pass a timezone-aware time")
    return moment.astimezone(UTC)


def rating_for(correct: bool, elapsed: timedelta, settings: Settings = DEFAULT_SETTINGS) -> Rating:
    """The FSRS rating for a study answer (rules in the module docstring)."""
    if not correct:
        return Rating.Again
    if elapsed > settings.slow_after:
        return Rating.Hard
    if settings.fast_before is not None and elapsed < settings.fast_before:
        return Rating.Easy
    return Rating.Good


def _scheduler(settings: Settings) -> Scheduler:
    return Scheduler(
        desired_retention=settings.desired_retention,
        learning_steps=settings.learning_steps,
        relearning_steps=settings.relearning_steps,
        maximum_interval=settings.maximum_interval_days,
        enable_fuzzing=False,
    )


_SCHEDULERS: dict[Settings, Scheduler] = {}


def _scheduler_for(settings: Settings) -> Scheduler:
    scheduler = _SCHEDULERS.get(settings)
    if scheduler is None:
        scheduler = _SCHEDULERS[settings] = _scheduler(settings)
    return scheduler


def _to_card(state: CardState) -> Card:
    return Card(
        card_id=0,  # FSRS only copies it into review logs, which we do not keep
        state=State(int(state.phase)),
        step=state.step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=state.due,
        last_review=state.last_review,
    )


def review(
    card: CardState | None,
    correct: bool,
    elapsed: timedelta,
    now: datetime,
    settings: Settings = DEFAULT_SETTINGS,
) -> CardState:
    """The card after one study answer given at ``now``; ``None`` means a term never studied."""
    moment = to_utc(now)
    rating = rating_for(correct, elapsed, settings)
    before = _to_card(card) if card is not None else Card(card_id=0, due=moment)
    after, _log = _scheduler_for(settings).review_card(before, rating, review_datetime=moment)
    lapsed = card is not None and card.phase == Phase.REVIEW and rating == Rating.Again
    return CardState(
        phase=Phase(int(after.state)),
        step=after.step,
        stability=after.stability,
        difficulty=after.difficulty,
        due=after.due,
        last_review=after.last_review,
        reps=(card.reps if card is not None else 0) + 1,
        lapses=(card.lapses if card is not None else 0) + int(lapsed),
    )


def study_queue(
    term_ids: Sequence[str],
    cards: Mapping[str, CardState],
    now: datetime,
    *,
    new_today: int = 0,
    settings: Settings = DEFAULT_SETTINGS,
    limit: int | None = None,
) -> list[str]:
    """The terms to study now, in order: due cards first, then new terms.

    ``term_ids`` are the glossary's terms in the order new ones should be introduced;
    cards whose term is no longer in it are skipped. Due cards come earliest-due first
    (ties in ``term_ids`` order). New terms fill up to ``settings.new_per_day`` minus
    ``new_today`` (those already introduced today). ``limit`` caps the whole list.
    """
    moment = to_utc(now)
    position = {term_id: index for index, term_id in enumerate(term_ids)}
    due = sorted(
        (term_id for term_id, card in cards.items() if term_id in position and card.due <= moment),
        key=lambda term_id: (cards[term_id].due, position[term_id]),
    )
    allowance = max(0, settings.new_per_day - new_today)
    fresh = list(islice(dict.fromkeys(t for t in term_ids if t not in cards), allowance))
    queue = due + fresh
    return queue if limit is None else queue[: max(0, limit)]
