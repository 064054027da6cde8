"""FSRS wrapper: ratings from answers, card life, due-first study order, new-card limit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from fsrs import Rating

from carbon_glossary.core.scheduling import (
    CardState,
    Phase,
    Settings,
    rating_for,
    review,
    study_queue,
)

NOW = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
QUICK = timedelta(seconds=4)
SLOW = timedelta(seconds=45)


def test_wrong_answer_is_again_whatever_the_time() -> None:
    assert rating_for(False, QUICK) == Rating.Again
    assert rating_for(False, SLOW) == Rating.Again


def test_right_answer_is_good_or_hard_when_slow() -> None:
    assert rating_for(True, QUICK) == Rating.Good
    assert rating_for(True, SLOW) == Rating.Hard


def test_easy_only_when_asked_for() -> None:
    assert rating_for(True, timedelta(seconds=1)) == Rating.Good
    fast = Settings(fast_before=timedelta(seconds=2))
    assert rating_for(True, timedelta(seconds=1), fast) == Rating.Easy
    assert rating_for(True, timedelta(seconds=5), fast) == Rating.Good


def test_new_card_answered_right_comes_back_within_the_learning_steps() -> None:
    card = review(None, True, QUICK, NOW)
    assert card.phase == Phase.LEARNING
    assert card.reps == 1
    assert card.last_review == NOW
    assert NOW < card.due <= NOW + timedelta(minutes=10)


def test_a_wrong_answer_brings_a_card_back_sooner_than_a_right_one() -> None:
    learnt = review(review(None, True, QUICK, NOW), True, QUICK, NOW + timedelta(minutes=10))
    assert learnt.phase == Phase.REVIEW
    later = learnt.due
    right = review(learnt, True, QUICK, later)
    wrong = review(learnt, False, QUICK, later)
    assert right.due - later >= timedelta(days=1)
    assert wrong.due - later < timedelta(days=1)
    assert wrong.phase == Phase.RELEARNING
    assert (wrong.lapses, right.lapses) == (1, 0)


def test_slow_right_answer_schedules_no_later_than_quick_one() -> None:
    learnt = review(review(None, True, QUICK, NOW), True, QUICK, NOW + timedelta(minutes=10))
    quick = review(learnt, True, QUICK, learnt.due)
    slow = review(learnt, True, SLOW, learnt.due)
    assert slow.due < quick.due


def test_review_is_deterministic_and_keeps_the_input() -> None:
    card = review(None, True, QUICK, NOW)
    assert review(card, True, QUICK, card.due) == review(card, True, QUICK, card.due)
    assert card.reps == 1  # frozen: reviewing returned a new state


def test_review_takes_any_timezone_and_stores_utc() -> None:
    beijing = timezone(timedelta(hours=8))
    card = review(None, True, QUICK, NOW.astimezone(beijing))
    assert card.last_review == NOW
    assert card.due.tzinfo == UTC


def test_naive_time_is_refused() -> None:
    with pytest.raises(ValueError):
        review(None, True, QUICK, datetime(2025, 3, 1, 8, 0))


def card_due(at: datetime) -> CardState:
    return CardState(Phase.REVIEW, None, 5.0, 5.0, due=at, last_review=at - timedelta(days=5))


def test_queue_puts_due_cards_first_earliest_first_then_new_in_glossary_order() -> None:
    cards = {
        "b": card_due(NOW - timedelta(hours=1)),
        "c": card_due(NOW - timedelta(days=2)),
        "d": card_due(NOW + timedelta(days=1)),  # not due yet
    }
    queue = study_queue(["a", "b", "c", "d", "e"], cards, NOW)
    assert queue == ["c", "b", "a", "e"]


def test_queue_ties_follow_glossary_order() -> None:
    cards = {"y": card_due(NOW), "x": card_due(NOW)}
    assert study_queue(["x", "y"], cards, NOW) == ["x", "y"]


def test_daily_new_card_limit_counts_those_already_introduced() -> None:
    ids = [f"t{i}" for i in range(10)]
    settings = Settings(new_per_day=4)
    assert study_queue(ids, {}, NOW, settings=settings) == ids[:4]
    assert study_queue(ids, {}, NOW, new_today=3, settings=settings) == ids[:1]
    assert study_queue(ids, {}, NOW, new_today=9, settings=settings) == []


def test_due_cards_are_not_limited_by_the_new_card_limit() -> None:
    ids = [f"t{i}" for i in range(5)]
    cards = {term_id: card_due(NOW) for term_id in ids}
    assert study_queue(ids, cards, NOW, new_today=99) == ids


def test_queue_skips_cards_of_terms_no_longer_in_the_glossary() -> None:
    cards = {"gone": card_due(NOW - timedelta(days=3)), "kept": card_due(NOW)}
    assert study_queue(["kept"], cards, NOW) == ["kept"]


def test_queue_limit() -> None:
    assert study_queue(["a", "b", "c"], {}, NOW, limit=2) == ["a", "b"]
