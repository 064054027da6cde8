"""The progress store: answers, cards, mistakes, exams, statistics, file handling."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from carbon_glossary import i18n
from carbon_glossary.core.scheduling import CardState, Phase, review
from carbon_glossary.core.stats import TermFigures, daily_activity, weakest_terms
from carbon_glossary.session.decks import record_answer as record_as_session
from carbon_glossary.store import (
    AnswerRecord,
    Attempt,
    CardChanged,
    ExamResult,
    ProfileInfo,
    ProgressStore,
    StoreError,
    StoreTooNewError,
    db_location_from,
    default_profile,
    location,
    netfs,
    open_store,
    profile_from,
)
from carbon_glossary.store import sqlite as progress
from carbon_glossary.store import sqlite_schema as schema
from carbon_glossary.store.sqlite import SqliteStore

NOW = datetime(2025, 3, 10, 9, 30, tzinfo=UTC)
BEIJING = timezone(timedelta(hours=8))


def answer(
    term_id: str = "tan-da-feng",
    correct: bool = True,
    *,
    at: datetime = NOW,
    mode: str = "study",
    profile: str = "alice",
    **fields: Any,
) -> AnswerRecord:
    values: dict[str, Any] = {
        "profile": profile,
        "term_id": term_id,
        "term_text": {"tan-da-feng": "碳达峰", "tan-zhong-he": "碳中和"}.get(term_id, term_id),
        "category": "核心概念",
        "kind": "term-def",
        "mode": mode,
        "given": "B" if correct else "C",
        "expected": "B",
        "correct": correct,
        "elapsed_ms": 4000,
        "answered_at": at,
    }
    values.update(fields)
    return AnswerRecord(**values)


def record(store: ProgressStore, given: AnswerRecord) -> CardState | None:
    """Write an answer as a quiz session does: a study answer with the card FSRS makes of it."""
    if given.mode != "study":
        store.record_answer(given)
        return None
    before = store.card(given.profile, given.term_id)
    card = review(
        before, given.correct, timedelta(milliseconds=given.elapsed_ms), given.answered_at
    )
    store.record_answer(given, card)
    return card


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "nested" / "folder" / "progress.sqlite3"


@pytest.fixture
def store(where: str | Path) -> Iterator[ProgressStore]:
    """The contract: every test taking this fixture runs against both backends."""
    with open_store(where) as opened:
        yield opened


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


# --- opening ---


def test_open_creates_folders_and_a_wal_file_at_the_latest_version(db: Path) -> None:
    with open_store(db) as store:
        assert store.recovered is None
        conn = raw(db)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        conn.close()


def test_every_commit_is_synced_to_disk(db: Path) -> None:
    """synchronous=FULL (2): an answer survives a power cut, not only a killed program."""
    with SqliteStore.open(db) as store:
        assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2


def test_a_folder_where_the_file_should_be_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        open_store(tmp_path)
    assert caught.value.key == "store.is_directory"
    assert str(tmp_path) in caught.value.message


def test_answers_survive_closing_and_reopening(where: str | Path) -> None:
    given = answer(exam_id=None)
    with open_store(where) as store:
        record(store, given)
    with open_store(where) as store:
        assert store.answers("alice") == [given]


# --- answers ---


def test_answer_round_trip_keeps_every_field(store: ProgressStore) -> None:
    given = answer(
        mode="exam",
        exam_id="paper-1",
        exam_title="碳达峰基础测验",
        attempt_id="a1",
        question=3,
        given="碳中和",
        expected="碳达峰",
        correct=False,
        elapsed_ms=12345,
        answered_at=NOW.astimezone(BEIJING),
    )
    record(store, given)
    [back] = store.answers("alice")
    assert back == given
    assert back.answered_at == NOW
    assert back.answered_at.tzinfo == UTC


def test_answers_newest_first_and_filtered(store: ProgressStore) -> None:
    for minutes, term_id in enumerate(["a", "b", "a"]):
        record(store, answer(term_id, at=NOW + timedelta(minutes=minutes), mode="practice"))
    record(store, answer("a", mode="exam", attempt_id="s1", exam_id="p"))
    assert [r.term_id for r in store.answers("alice")] == ["a", "b", "a", "a"]
    assert len(store.answers("alice", term_id="a")) == 3
    assert len(store.answers("alice", attempt_id="s1")) == 1
    assert len(store.answers("alice", limit=2)) == 2


def test_bad_records_are_refused() -> None:
    with pytest.raises(ValueError):
        answer(mode="cramming")
    with pytest.raises(ValueError):
        answer(at=datetime(2025, 3, 10, 9, 30))
    with pytest.raises(ValueError):
        answer(elapsed_ms=-1)
    with pytest.raises(ValueError):
        answer(profile="")


def test_profiles_are_separate(store: ProgressStore) -> None:
    record(store, answer(profile="alice", correct=False))
    record(store, answer(profile="bob"))
    assert [r.profile for r in store.answers("bob")] == ["bob"]
    assert store.mistakes("bob") == []
    assert len(store.mistakes("alice")) == 1
    assert store.card("bob", "tan-da-feng") != store.card("alice", "tan-da-feng")
    assert store.stats("bob", NOW).answers == 1
    assert store.profiles() == ["alice", "bob"]


def test_store_can_be_used_from_a_worker_thread(store: ProgressStore) -> None:
    failures: list[BaseException] = []

    def work() -> None:
        try:
            record(store, answer())
        except BaseException as error:  # reported below, on the test's thread
            failures.append(error)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert failures == []
    assert len(store.answers("alice")) == 1


# --- an answer written again: a retry after the acknowledgement of its commit was lost ---


def test_the_same_answer_written_twice_is_stored_once(store: ProgressStore) -> None:
    given = answer(mode="practice", correct=False)
    assert store.record_answer(given) is True
    assert store.record_answer(given) is False  # the retry: already there, nothing written
    assert store.answers("alice") == [given]
    assert [m.wrong_count for m in store.mistakes("alice")] == [1]
    assert store.stats("alice", NOW).answers == 1
    # The same answer given again by the person is another answer, with its own id.
    record(store, answer(mode="practice", correct=False))
    assert len(store.answers("alice")) == 2


def test_a_study_answer_written_twice_reviews_its_card_once(store: ProgressStore) -> None:
    given = answer()
    first = record_as_session(store, given)
    again = record_as_session(store, given)
    assert first is not None and first.reps == 1
    assert again == first == store.card("alice", "tan-da-feng")
    assert len(store.answers("alice")) == 1


def test_an_exam_answer_written_twice_is_one_answer_and_a_change_still_replaces_it(
    store: ProgressStore,
) -> None:
    sitting = {"mode": "exam", "exam_id": "paper-1", "attempt_id": "s1", "question": 2}
    first = answer("a", False, at=NOW, **sitting)
    store.record_answer(first)
    store.record_answer(first)
    assert [r.answer_id for r in store.answers("alice")] == [first.answer_id]
    changed = answer("a", True, at=NOW + timedelta(seconds=5), **sitting)
    store.record_answer(changed)
    store.record_answer(changed)
    assert [r.answer_id for r in store.answers("alice")] == [changed.answer_id]


def test_every_answer_gets_its_own_id_and_an_empty_one_is_refused() -> None:
    assert answer().answer_id != answer().answer_id
    with pytest.raises(ValueError):
        answer(answer_id="")


# --- study cards and scheduling ---


def test_a_study_answer_creates_and_updates_the_card(store: ProgressStore) -> None:
    first = record(store, answer(at=NOW))
    assert first is not None
    assert store.card("alice", "tan-da-feng") == first
    assert first.reps == 1 and first.last_review == NOW
    second = record(store, answer(at=first.due))
    assert second is not None and second.reps == 2
    assert store.card("alice", "tan-da-feng") == second


def test_practice_and_exam_answers_never_change_the_schedule(store: ProgressStore) -> None:
    studied = record(store, answer("tan-da-feng", at=NOW))
    later = NOW + timedelta(days=3)
    for mode in ("practice", "exam"):
        for correct in (False, True):
            result = record(store, answer("tan-da-feng", correct, at=later, mode=mode))
            assert result is None
            record(store, answer("tan-zhong-he", correct, at=later, mode=mode))
    assert store.card("alice", "tan-da-feng") == studied
    assert store.card("alice", "tan-zhong-he") is None
    assert store.new_cards_introduced_today("alice", later) == 0
    assert len(store.answers("alice")) == 9  # the answers themselves are all kept


def test_save_card_round_trip_and_introduction_day_is_kept(store: ProgressStore) -> None:
    card = CardState(Phase.REVIEW, None, 4.5, 6.25, due=NOW, last_review=NOW - timedelta(days=4))
    store.save_card("alice", "x", card, introduced_at=NOW - timedelta(days=10))
    assert store.card("alice", "x") == card
    moved = replace(card, due=NOW + timedelta(days=9), reps=7)
    store.save_card("alice", "x", moved)  # default introduction time ignored for a known card
    assert store.card("alice", "x") == moved
    assert store.new_cards_introduced_today("alice", NOW) == 0
    assert store.cards("alice") == {"x": moved}


def due_card(due: datetime) -> CardState:
    return CardState(Phase.REVIEW, None, 5.0, 5.0, due=due, last_review=due - timedelta(days=5))


def test_due_cards_earliest_first_with_limit_and_glossary_filter(store: ProgressStore) -> None:
    store.save_card("alice", "late", due_card(NOW - timedelta(hours=1)))
    store.save_card("alice", "early", due_card(NOW - timedelta(days=2)))
    store.save_card("alice", "future", due_card(NOW + timedelta(hours=1)))
    store.save_card("alice", "removed", due_card(NOW - timedelta(days=9)))
    assert [t for t, _ in store.due_cards("alice", NOW)] == ["removed", "early", "late"]
    assert [t for t, _ in store.due_cards("alice", NOW, 1)] == ["removed"]
    kept = ["early", "late", "future"]
    assert [t for t, _ in store.due_cards("alice", NOW, term_ids=kept)] == ["early", "late"]
    assert store.due_cards("bob", NOW) == []


def test_new_cards_are_counted_on_the_local_calendar_day(store: ProgressStore) -> None:
    # 23:30 UTC on the 9th is 07:30 on the 10th in Beijing.
    record(store, answer("a", at=datetime(2025, 3, 9, 23, 30, tzinfo=UTC)))
    record(store, answer("b", at=datetime(2025, 3, 10, 2, 0, tzinfo=UTC)))
    record(store, answer("b", at=datetime(2025, 3, 10, 2, 5, tzinfo=UTC)))  # not new
    record(store, answer("c", at=datetime(2025, 3, 8, 12, 0, tzinfo=UTC)))
    assert store.new_cards_introduced_today("alice", NOW) == 1
    assert store.new_cards_introduced_today("alice", NOW.astimezone(BEIJING)) == 2


# --- the mistake book ---


def test_mistake_book_holds_terms_whose_latest_answer_is_wrong(store: ProgressStore) -> None:
    record(store, answer("fixed", False, at=NOW, mode="practice"))
    record(store, answer("fixed", True, at=NOW + timedelta(minutes=1), mode="exam"))
    record(store, answer("relapsed", True, at=NOW, mode="practice"))
    record(store, answer("relapsed", False, at=NOW + timedelta(minutes=2), given="X"))
    record(store, answer("twice", False, at=NOW, mode="practice"))
    record(store, answer("twice", True, at=NOW + timedelta(minutes=3), mode="practice"))
    record(store, answer("twice", False, at=NOW + timedelta(minutes=4), mode="exam"))
    record(store, answer("never-wrong", True, at=NOW))
    mistakes = store.mistakes("alice")
    assert [(m.term_id, m.wrong_count) for m in mistakes] == [("twice", 2), ("relapsed", 1)]
    relapsed = mistakes[1]
    assert (relapsed.given, relapsed.expected, relapsed.mode) == ("X", "B", "study")
    assert relapsed.answered_at == NOW + timedelta(minutes=2)
    assert [m.term_id for m in store.mistakes("alice", limit=1)] == ["twice"]


def test_mistake_order_follows_answer_time_not_insertion(store: ProgressStore) -> None:
    record(store, answer("t", False, at=NOW + timedelta(hours=1), mode="practice"))
    record(store, answer("t", True, at=NOW, mode="practice"))  # older, written later
    assert [m.term_id for m in store.mistakes("alice")] == ["t"]


# --- exams ---


def exam(attempt: str, profile: str = "alice", score: float = 8, **fields: Any) -> ExamResult:
    values: dict[str, Any] = {
        "profile": profile,
        "exam_id": "paper-1",
        "exam_title": "碳达峰基础测验",
        "attempt_id": attempt,
        "score": score,
        "max_score": 10,
        "pass_mark": 6,
        "passed": score >= 6,
        "started_at": NOW,
        "finished_at": NOW + timedelta(minutes=20),
    }
    values.update(fields)
    return ExamResult(**values)


def test_exam_results_round_trip_newest_first(store: ProgressStore) -> None:
    first = exam("s1")
    second = exam("s2", score=5, finished_at=NOW + timedelta(days=1))
    store.record_exam_result(first)
    store.record_exam_result(second)
    store.record_exam_result(exam("s3", profile="bob", exam_id="paper-2"))
    assert store.exam_results("alice") == [second, first]
    assert first.percent == 80 and not second.passed
    assert len(store.exam_results()) == 3
    assert [r.profile for r in store.exam_results(exam_id="paper-2")] == ["bob"]


def test_recording_the_same_sitting_again_replaces_it(store: ProgressStore) -> None:
    store.record_exam_result(exam("s1", score=3))
    store.record_exam_result(exam("s1", score=9))
    assert [r.score for r in store.exam_results("alice")] == [9]


def test_exam_term_figures_show_what_the_room_missed(store: ProgressStore) -> None:
    for person, wrong in (("alice", {"a", "b"}), ("bob", {"a"}), ("carol", set())):
        for term_id in ("a", "b", "c"):
            record(
                store,
                answer(
                    term_id, term_id not in wrong, mode="exam", exam_id="paper-1", profile=person
                ),
            )
    record(store, answer("c", False, mode="practice"))  # not part of the exam
    figures = store.exam_term_figures("paper-1")
    assert [(f.term_id, f.wrong, f.answers) for f in figures] == [
        ("a", 2, 3),
        ("b", 1, 3),
        ("c", 0, 3),
    ]


def test_a_changed_exam_answer_replaces_the_earlier_one(store: ProgressStore) -> None:
    """B then A to question 2 of one sitting: one answer, the last; the room's figures and
    the mistake book see what was handed in, not every change on the way."""
    sitting = {"mode": "exam", "exam_id": "paper-1", "attempt_id": "s1"}
    record(store, answer("a", False, question=2, at=NOW, **sitting))
    record(store, answer("a", True, question=2, at=NOW + timedelta(seconds=5), **sitting))
    [kept] = store.answers("alice")
    assert kept.correct and kept.question == 2
    assert [(f.term_id, f.wrong, f.answers) for f in store.exam_term_figures("paper-1")] == [
        ("a", 0, 1)
    ]
    assert store.mistakes("alice") == []
    # Another question on the same term, another sitting, or practice: kept apart.
    record(store, answer("a", False, question=5, **sitting))
    record(store, answer("a", False, question=2, **{**sitting, "attempt_id": "s2"}))
    record(store, answer("a", False, mode="practice"))
    assert len(store.answers("alice")) == 4


def test_a_version_1_file_gets_the_question_column_and_keeps_its_answers(db: Path) -> None:
    db.parent.mkdir(parents=True)
    conn = raw(db)
    schema.MIGRATIONS[0](conn)
    conn.execute(
        "INSERT INTO answers (profile, term_id, term_text, kind, mode, given, correct,"
        " elapsed_ms, answered_at) VALUES ('alice', 'a', '碳达峰', 'pinyin', 'exam', 'x', 0, 1,"
        " '2025-03-10T01:00:00+00:00')"
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with open_store(db) as store:
        [old] = store.answers("alice")
        assert old.question is None and old.term_text == "碳达峰"
        record(store, answer("b", mode="exam", attempt_id="s1", question=1))
        assert len(store.answers("alice")) == 2


def test_a_version_2_file_gets_its_sittings_filled_in(db: Path) -> None:
    db.parent.mkdir(parents=True)
    conn = raw(db)
    schema.MIGRATIONS[0](conn)
    schema.MIGRATIONS[1](conn)
    columns = "profile, term_id, term_text, kind, mode, exam_id, exam_title, attempt_id,"
    conn.execute(
        f"INSERT INTO answers ({columns} question, given, correct, elapsed_ms, answered_at)"
        " VALUES ('bob', 'a', '碳达峰', 'pinyin', 'exam', 'p1', '测验', 'left', 1, 'x', 0, 1,"
        " '2025-03-10T01:00:00.000000+00:00')"
    )
    conn.execute(
        "INSERT INTO exam_results VALUES ('done', 'alice', 'p1', '测验', 8, 10, 6, 1,"
        " '2025-03-10T00:00:00.000000+00:00', '2025-03-10T00:20:00.000000+00:00')"
    )
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with open_store(db) as store:
        done, left = store.attempts(exam_id="p1")
    assert (done.attempt_id, done.profile, done.source) == ("done", "alice", "screen")
    assert done.handed_in_at == datetime(2025, 3, 10, 0, 20, tzinfo=UTC)
    assert (left.attempt_id, left.profile, left.exam_title) == ("left", "bob", "测验")
    assert left.handed_in_at is None and left.time_limit_s is None
    assert left.started_at == datetime(2025, 3, 10, 1, 0, tzinfo=UTC)


def test_a_version_3_file_gets_answer_ids_and_keeps_its_answers(db: Path) -> None:
    db.parent.mkdir(parents=True)
    conn = raw(db)
    for step in schema.MIGRATIONS[:3]:
        step(conn)
    for term in ("a", "b"):
        conn.execute(
            "INSERT INTO answers (profile, term_id, term_text, kind, mode, given, correct,"
            f" elapsed_ms, answered_at) VALUES ('alice', '{term}', '碳达峰', 'pinyin',"
            " 'practice', 'x', 0, 1, '2025-03-10T01:00:00.000000+00:00')"
        )
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    with open_store(db) as store:
        old = store.answers("alice")
        assert sorted(r.term_id for r in old) == ["a", "b"]
        assert len({r.answer_id for r in old}) == 2 and all(r.answer_id for r in old)
        given = answer("c", mode="practice")
        store.record_answer(given)
        store.record_answer(given)
        assert len(store.answers("alice")) == 3


# --- statistics ---


def test_stats_figures(store: ProgressStore) -> None:
    today = NOW
    record(store, answer("a", True, at=today, category="核心概念"))
    record(store, answer("a", False, at=today, category="核心概念", mode="practice"))
    record(store, answer("b", False, at=today - timedelta(days=2), category="能源"))
    record(store, answer("c", True, at=today - timedelta(days=30), category=""))
    store.record_exam_result(exam("s1"))
    stats = store.stats("alice", today, days=5)

    assert (stats.answers, stats.correct) == (4, 2)
    assert stats.accuracy == 0.5
    assert [(c.category, c.answers, c.correct) for c in stats.categories] == [
        ("核心概念", 2, 1),
        ("", 1, 1),
        ("能源", 1, 0),
    ]
    assert [(d.day.day, d.answers, d.correct) for d in stats.days] == [
        (6, 0, 0),
        (7, 0, 0),
        (8, 1, 0),
        (9, 0, 0),
        (10, 2, 1),
    ]
    assert [w.term_id for w in stats.weakest] == ["b", "a"]
    assert stats.mistakes == 2
    assert stats.cards == 3  # a, b, c were studied
    assert stats.new_today == 1
    assert stats.exams == (exam("s1"),)


def test_stats_due_today_counts_overdue_and_later_today(store: ProgressStore) -> None:
    store.save_card("alice", "overdue", due_card(NOW - timedelta(days=3)))
    store.save_card("alice", "tonight", due_card(NOW.replace(hour=23)))
    store.save_card("alice", "tomorrow", due_card(NOW + timedelta(days=1)))
    store.save_card("alice", "removed", due_card(NOW - timedelta(days=1)))
    assert store.stats("alice", NOW).due_today == 3
    in_glossary = ["overdue", "tonight", "tomorrow"]
    assert store.stats("alice", NOW, term_ids=in_glossary).due_today == 2


def test_stats_of_nobody_are_empty_not_broken(store: ProgressStore) -> None:
    stats = store.stats("nobody", NOW, days=14)
    assert (stats.answers, stats.accuracy, stats.mistakes, stats.due_today) == (0, None, 0, 0)
    assert len(stats.days) == 14 and all(d.answers == 0 for d in stats.days)
    assert stats.days[-1].day == NOW.date()
    assert stats.weakest == () and stats.categories == () and stats.exams == ()


def test_removed_term_history_stays_in_stats_and_mistakes(store: ProgressStore) -> None:
    record(store, answer("gone", False, term_text="旧术语", category="已删除分类"))
    # The glossary no longer has "gone"; nothing here consults it, nothing breaks.
    stats = store.stats("alice", NOW, term_ids=["tan-da-feng"])
    assert [c.category for c in stats.categories] == ["已删除分类"]
    assert [(w.term_id, w.term_text) for w in stats.weakest] == [("gone", "旧术语")]
    assert [m.term_text for m in store.mistakes("alice")] == ["旧术语"]
    assert stats.due_today == 0  # its card no longer counts as work to do


def test_progress_follows_the_id_when_the_text_is_fixed(store: ProgressStore) -> None:
    record(store, answer("tdf", False, term_text="碳达风", at=NOW))
    record(store, answer("tdf", True, term_text="碳达峰", at=NOW + timedelta(days=1)))
    figures = store.term_figures("alice", "tdf")
    assert figures is not None
    assert (figures.term_text, figures.answers, figures.correct) == ("碳达峰", 2, 1)
    assert store.card("alice", "tdf") is not None
    assert store.card("alice", "tdf").reps == 2  # type: ignore[union-attr]
    assert store.term_figures("alice", "never") is None


def test_daily_activity_buckets_by_the_callers_calendar_day() -> None:
    late_utc = datetime(2025, 3, 9, 20, 0, tzinfo=UTC)  # 04:00 on the 10th in Beijing
    answers = [(late_utc, True), (NOW, False), (NOW - timedelta(days=40), True)]
    in_utc = daily_activity(answers, NOW, 2)
    in_beijing = daily_activity(answers, NOW.astimezone(BEIJING), 2)
    assert [(d.day.day, d.answers, d.correct) for d in in_utc] == [(9, 1, 1), (10, 1, 0)]
    assert [(d.day.day, d.answers, d.correct) for d in in_beijing] == [(9, 0, 0), (10, 2, 1)]


def figures(term_id: str, answers: int, correct: int, minute: int = 0) -> TermFigures:
    return TermFigures(term_id, term_id, "", answers, correct, NOW + timedelta(minutes=minute))


def test_weakest_terms_rank_by_smoothed_accuracy_then_wrong_count_then_recency() -> None:
    terms = [
        figures("never-wrong", 3, 3),
        figures("once-of-four", 4, 3),
        figures("five-of-five", 5, 0),
        figures("one-of-one", 1, 0, minute=1),
        figures("two-of-four", 4, 2),  # 3/6, same as 1-of-2 below but more wrong answers
        figures("one-of-two", 2, 1, minute=5),
        figures("one-of-two-older", 2, 1, minute=2),
    ]
    ranked = [f.term_id for f in weakest_terms(terms, 10)]
    assert ranked == [
        "five-of-five",
        "one-of-one",
        "two-of-four",
        "one-of-two",
        "one-of-two-older",
        "once-of-four",
    ]
    assert [f.term_id for f in weakest_terms(terms, 2)] == ["five-of-five", "one-of-one"]


def test_a_store_locked_too_long_is_a_clear_error_not_a_traceback(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress, "BUSY_TIMEOUT_MS", 50)
    with open_store(db) as store:
        other = raw(db)
        other.execute("BEGIN IMMEDIATE")  # another program in the middle of a long write
        with pytest.raises(StoreError) as caught:
            record(store, answer())
        other.execute("ROLLBACK")
        other.close()
        assert caught.value.key == "store.write_failed"
        assert str(db) in caught.value.message
        record(store, answer())  # the store is still usable afterwards
        assert len(store.answers("alice")) == 1


# --- damaged, old and new files ---


def damaged(db: Path) -> bytes:
    """A progress file of ours, cut in half (as a full disk or a bad copy leaves it)."""
    filled_store(db)
    cut = db.read_bytes()[: db.stat().st_size // 2]
    db.write_bytes(cut)
    return cut


def test_a_damaged_file_of_ours_is_moved_aside_and_a_fresh_store_works(db: Path) -> None:
    cut = damaged(db)
    with open_store(db) as store:
        notice = store.recovered
        assert notice is not None
        assert notice.moved_to.read_bytes() == cut
        assert notice.moved_to.name.startswith("progress.sqlite3.corrupt-")
        assert notice.moved_to.parent == db.parent
        assert str(db) in notice.message and str(notice.moved_to) in notice.message
        assert store.notices == (notice.message,)
        record(store, answer())
        assert len(store.answers("alice")) == 1
    with open_store(db) as store:
        assert store.recovered is None


def test_corrupt_message_is_in_the_interface_language(db: Path) -> None:
    damaged(db)
    with open_store(db) as store:
        assert store.recovered is not None
        assert "已损坏" in store.recovered.message
        i18n.set_language("en")
        assert "damaged" in store.recovered.message


@pytest.mark.parametrize(
    "content",
    [
        bytes(range(256)) * 40,  # random bytes
        "我的笔记：碳达峰\n".encode() * 40,  # someone's notes (issue 12: stats --db notes.txt)
        b"SQLite format 3\x00" + b"\x00" * 44,  # a SQLite header cut short: whose?
    ],
    ids=["bytes", "notes", "short-header"],
)
def test_a_file_that_is_not_ours_is_refused_and_left_untouched(db: Path, content: bytes) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(content)
    with pytest.raises(StoreError) as caught:
        open_store(db)
    assert caught.value.key == "store.not_ours"
    assert str(db) in caught.value.message
    assert db.read_bytes() == content
    assert sorted(p.name for p in db.parent.iterdir()) == [db.name]


def test_another_programs_database_is_refused_and_left_untouched(db: Path) -> None:
    db.parent.mkdir(parents=True)
    conn = raw(db)
    conn.execute("CREATE TABLE notes (text TEXT)")  # a database, but not ours
    conn.execute("INSERT INTO notes VALUES ('碳达峰')")
    conn.close()
    before = db.read_bytes()
    with pytest.raises(StoreError) as caught:
        open_store(db)
    assert caught.value.key == "store.not_ours"
    assert db.read_bytes() == before


def test_a_database_with_another_application_id_is_refused(db: Path) -> None:
    db.parent.mkdir(parents=True)
    conn = raw(db)
    conn.execute("PRAGMA application_id = 12345")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    before = db.read_bytes()
    with pytest.raises(StoreError) as caught:
        open_store(db)
    assert caught.value.key == "store.not_ours"
    assert db.read_bytes() == before


def test_a_read_only_command_never_moves_a_damaged_file(db: Path) -> None:
    cut = damaged(db)
    with pytest.raises(StoreError) as caught:
        open_store(db, read_only=True)
    assert caught.value.key == "store.damaged_read_only"
    assert db.read_bytes() == cut
    assert sorted(p.name for p in db.parent.iterdir()) == [db.name]


def test_new_files_carry_our_application_id(db: Path) -> None:
    open_store(db).close()
    conn = raw(db)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    conn.close()


def filled_store(db: Path, count: int = 400) -> None:
    with open_store(db) as store:
        for index in range(count):
            record(store, answer(f"term-{index}", index % 3 != 0, given="答" * 200))
    assert not Path(f"{db}-wal").exists()  # closing checkpointed everything into the file


@pytest.mark.parametrize("keep", [0.5, 0.1])
def test_truncated_database_is_moved_aside_with_its_bytes(db: Path, keep: float) -> None:
    filled_store(db)
    whole = db.read_bytes()
    cut = whole[: int(len(whole) * keep)]
    db.write_bytes(cut)
    with open_store(db) as store:
        assert store.recovered is not None
        assert store.recovered.moved_to.read_bytes() == cut
        assert store.answers("alice") == []
        record(store, answer())
        assert len(store.answers("alice")) == 1


def test_a_damaged_files_old_log_never_reaches_the_fresh_store(db: Path) -> None:
    damaged(db)
    Path(f"{db}-wal").write_bytes(b"old log")
    with open_store(db) as store:
        assert store.recovered is not None
        moved_wal = Path(f"{store.recovered.moved_to}-wal")
        # SQLite may already have discarded a log it could not read; if not, it moved along.
        assert not moved_wal.exists() or moved_wal.read_bytes() == b"old log"
        record(store, answer())
    wal = Path(f"{db}-wal")
    assert not wal.exists() or b"old log" not in wal.read_bytes()


def test_moving_aside_never_overwrites_an_earlier_corrupt_copy(db: Path) -> None:
    db.parent.mkdir(parents=True)
    moved, contents = [], []
    for _ in range(2):
        db.unlink(missing_ok=True)
        for suffix in ("-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        contents.append(damaged(db))
        with open_store(db) as store:
            assert store.recovered is not None
            moved.append(store.recovered.moved_to)
    assert moved[0] != moved[1]
    assert [path.read_bytes() for path in moved] == contents


def test_an_empty_file_is_a_new_store_not_a_corrupt_one(db: Path) -> None:
    db.parent.mkdir(parents=True)
    db.touch()
    with open_store(db) as store:
        assert store.recovered is None
        record(store, answer())


def test_a_newer_file_is_refused_and_left_alone(db: Path) -> None:
    filled_store(db, count=3)
    conn = raw(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = db.read_bytes()
    with pytest.raises(StoreTooNewError) as caught:
        open_store(db)
    assert (caught.value.found, caught.value.supported) == (99, schema.SCHEMA_VERSION)
    assert str(db) in caught.value.message and "99" in caught.value.message
    assert db.read_bytes() == before
    assert sorted(p.name for p in db.parent.iterdir()) == [db.name]


def test_a_version_0_file_is_migrated(db: Path) -> None:
    db.parent.mkdir(parents=True)
    conn = raw(db)
    conn.execute("PRAGMA page_size = 1024")  # a database file, but empty: nothing to lose
    conn.execute("VACUUM")
    conn.close()
    assert db.stat().st_size > 0
    with open_store(db) as store:
        record(store, answer())
    conn = raw(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    conn.close()


def add_hint_column(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE answers ADD COLUMN hint_used INTEGER NOT NULL DEFAULT 0")


def test_an_older_file_gets_the_missing_migrations_and_keeps_its_data(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    filled_store(db, count=5)
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, add_hint_column])
    with open_store(db) as store:
        assert len(store.answers("alice")) == 5
    conn = raw(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION + 1
    columns = [row[1] for row in conn.execute("PRAGMA table_info(answers)")]
    assert "hint_used" in columns
    conn.close()


def test_a_failing_migration_leaves_the_file_at_its_old_version(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    filled_store(db, count=2)

    def half_done(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half (x)")
        raise RuntimeError("disk full, say")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, half_done])
    with pytest.raises(RuntimeError):
        open_store(db)
    conn = raw(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert "half" not in tables
    conn.close()


# --- where the file is, and whose progress ---


def test_db_path_flag_beats_environment_beats_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = db_location_from(None)
    assert default.is_relative_to(tmp_path / "xdg_data_home")
    monkeypatch.setenv("CARBON_GLOSSARY_DB", str(tmp_path / "env.sqlite3"))
    assert db_location_from(None) == str(tmp_path / "env.sqlite3")  # as written: checked
    assert db_location_from(str(tmp_path / "flag.sqlite3")) == str(tmp_path / "flag.sqlite3")


def test_profile_flag_else_login_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(location.getpass, "getuser", lambda: "zhangwei")
    assert profile_from(None) == "zhangwei"
    assert profile_from("  ") == "zhangwei"
    assert profile_from(" 李娜 ") == "李娜"


def test_profile_without_a_login_name_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_user() -> str:
        raise OSError("No username set in the environment")

    monkeypatch.setattr(location.getpass, "getuser", no_user)
    assert default_profile() == location.FALLBACK_PROFILE


# --- the caller schedules; the store keeps ---


def test_a_card_with_a_practice_answer_is_a_programming_error(store: ProgressStore) -> None:
    card = review(None, True, timedelta(seconds=3), NOW)
    with pytest.raises(ValueError):
        store.record_answer(answer(mode="practice"), card)
    assert store.answers("alice") == [] and store.card("alice", "tan-da-feng") is None


def test_a_card_worked_out_from_a_stale_one_is_refused_and_nothing_written(
    store: ProgressStore,
) -> None:
    first = record(store, answer(at=NOW))
    assert first is not None
    # Another program reviews from the same stored card: its card is one review on from
    # nothing (reps 1), but the store already holds a card with one review.
    stale = review(None, False, timedelta(seconds=3), NOW + timedelta(minutes=1))
    with pytest.raises(CardChanged):
        store.record_answer(answer(at=NOW + timedelta(minutes=1), correct=False), stale)
    assert len(store.answers("alice")) == 1
    assert store.card("alice", "tan-da-feng") == first


# --- people, sittings and regrading (schema 3) ---


def sitting(attempt_id: str = "s1", profile: str = "alice", **fields: Any) -> Attempt:
    values: dict[str, Any] = {
        "attempt_id": attempt_id,
        "exam_id": "paper-1",
        "exam_title": "碳达峰基础测验",
        "profile": profile,
        "display_name": "Alice 王",
        "department": "发改局",
        "started_at": NOW.astimezone(BEIJING),
        "time_limit_s": 1800,
        "handed_in_at": None,
        "source": "screen",
    }
    values.update(fields)
    return Attempt(**values)


def test_profiles_keep_the_latest_name_and_department(store: ProgressStore) -> None:
    assert store.profile_info("alice") is None
    store.save_profile("alice", "Alice 王", "发改局")
    store.save_profile("alice", "王爱丽", "生态环境分局")
    assert store.profile_info("alice") == ProfileInfo("alice", "王爱丽", "生态环境分局")
    assert store.profiles() == ["alice"]


def test_an_attempt_exists_from_its_start_and_is_handed_in_once(store: ProgressStore) -> None:
    store.start_attempt(sitting())
    [open_one] = store.attempts()
    assert open_one == sitting() and open_one.started_at.tzinfo == UTC
    assert open_one.handed_in_at is None
    store.start_attempt(sitting(time_limit_s=60))  # resuming changes nothing
    assert store.attempts() == [open_one]
    store.hand_in("s1", NOW + timedelta(minutes=20))
    store.hand_in("s1", NOW + timedelta(minutes=40))  # the first hand-in stands
    [done] = store.attempts()
    assert done.handed_in_at == NOW + timedelta(minutes=20)
    with pytest.raises(ValueError):
        store.hand_in("never-started", NOW)


def test_attempts_filtered_by_paper_and_person_oldest_first(store: ProgressStore) -> None:
    store.start_attempt(sitting("late", started_at=NOW + timedelta(hours=1)))
    store.start_attempt(sitting("early", profile="bob", source="sheet"))
    store.start_attempt(sitting("other", exam_id="paper-2", time_limit_s=None))
    assert [a.attempt_id for a in store.attempts()] == ["early", "other", "late"]
    assert [a.attempt_id for a in store.attempts(exam_id="paper-1")] == ["early", "late"]
    assert [a.attempt_id for a in store.attempts(profile="bob")] == ["early"]
    assert [a.attempt_id for a in store.attempts("paper-1", "alice")] == ["late"]
    assert store.attempts(exam_id="paper-2")[0].time_limit_s is None
    assert "bob" in store.profiles()


def test_bad_attempts_are_refused() -> None:
    with pytest.raises(ValueError):
        sitting(source="fax")
    with pytest.raises(ValueError):
        sitting(started_at=datetime(2025, 3, 10, 9, 30))
    with pytest.raises(ValueError):
        sitting(profile="")


def test_attempt_answers_are_the_latest_per_question_in_order(store: ProgressStore) -> None:
    store.start_attempt(sitting())
    exam = {"mode": "exam", "exam_id": "paper-1", "attempt_id": "s1"}
    record(store, answer("b", False, question=2, at=NOW, **exam))
    record(store, answer("a", False, question=1, at=NOW + timedelta(seconds=5), **exam))
    record(store, answer("a", True, question=1, at=NOW + timedelta(seconds=9), **exam))
    record(store, answer("c", True, question=1, attempt_id="other", mode="exam"))
    answers = store.attempt_answers("s1")
    assert [(r.question, r.term_id, r.correct) for r in answers] == [
        (1, "a", True),
        (2, "b", False),
    ]


def test_accepted_answers_by_question_in_the_order_accepted(store: ProgressStore) -> None:
    assert store.accepted_answers("paper-1") == {}
    store.accept_answer("paper-1", 12, "非化石能源", NOW)
    store.accept_answer("paper-1", 12, "清洁能源", NOW + timedelta(minutes=1))
    store.accept_answer("paper-1", 12, "非化石能源", NOW + timedelta(minutes=2))  # once
    store.accept_answer("paper-1", 3, "对", NOW)
    store.accept_answer("paper-2", 12, "别的", NOW)
    assert store.accepted_answers("paper-1") == {3: ["对"], 12: ["非化石能源", "清洁能源"]}


# --- files the store must not use as they are ---


def test_a_progress_file_that_cannot_be_written_is_refused_at_opening(tmp_path: Path) -> None:
    """Issue 12: a read-only file let a quiz start and then failed every answer."""
    script = (
        "import sys\n"
        "from carbon_glossary.store import StoreError, open_store\n"
        "try:\n"
        "    open_store(sys.argv[1]).close()\n"
        "except StoreError as error:\n"
        "    print(error.key)\n"
    )
    command = [sys.executable, "-c", script]
    if os.geteuid() == 0:  # root writes anything; without these capabilities it cannot
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv")
        caps = "-dac_override,-dac_read_search"
        command = ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}", *command]
    db = tmp_path / "progress.sqlite3"
    open_store(db).close()
    db.chmod(0o444)
    before = db.read_bytes()
    result = subprocess.run(
        [*command, str(db)], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.stdout.strip() == "store.read_only", result.stderr
    assert db.read_bytes() == before


def test_a_pipe_is_refused_without_being_opened(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    pipe = tmp_path / "progress.sqlite3"
    os.mkfifo(pipe)
    with pytest.raises(StoreError) as caught:
        open_store(pipe)
    assert caught.value.key == "store.not_a_file"


MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export/home /home nfs4 rw,relatime 0 0
/dev/sdb1 /home/local ext4 rw 0 0
//fs01/培训 /mnt/share\\040drive cifs rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/home/alice/progress.sqlite3", "nfs4"),
        ("/home/local/progress.sqlite3", None),  # a local disk mounted inside the share
        ("/mnt/share drive/进度.sqlite3", "cifs"),
        ("/mnt/share drivex/p.sqlite3", None),
        ("/tmp/p.sqlite3", None),
        ("/var/p.sqlite3", None),
    ],
)
def test_network_filesystems_are_recognised_from_the_mount_table(
    path: str, expected: str | None
) -> None:
    assert netfs.network_filesystem_in(MOUNTS, path) == expected


def test_a_progress_file_on_a_network_drive_gets_a_warning(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress, "network_filesystem", lambda path: "cifs")
    with open_store(db) as store:
        [notice] = store.notices
    assert str(db) in notice and "cifs" in notice and "postgresql://" in notice
