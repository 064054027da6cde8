"""An exam sitting without a screen: every answer written the moment it is given, the
clock's warnings, and a paper handed in with its blanks counted wrong."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from carbon_glossary.core.model import Glossary
from carbon_glossary.session.decks import ExamPlan
from carbon_glossary.session.exam import (
    ExamSitting,
    Phase,
    TimeUp,
    TimeWarning,
    interrupted_sitting,
)
from carbon_glossary.session.progress import Progress
from carbon_glossary.session.report import build_report, report_to_json, sittings_from_store
from carbon_glossary.session.writer import AnswerWriter
from quiz_fixtures import PROFILE, FakeClock, exam_plan, quiz_glossary


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return quiz_glossary()


@pytest.fixture
def progress(tmp_path: Path) -> Iterator[Progress]:
    progress = Progress(tmp_path / "p.db", PROFILE)
    yield progress
    progress.close()


def sit(
    glossary: Glossary, progress: Progress, plan: ExamPlan | None = None
) -> tuple[ExamSitting, FakeClock]:
    clock = FakeClock()
    writer = AnswerWriter(progress)
    return ExamSitting(glossary, plan or exam_plan(glossary), PROFILE, writer, clock), clock


def answers(progress: Progress) -> list[object]:
    return list(reversed(progress.store().answers(PROFILE)))


def test_an_answer_is_written_the_moment_it_is_chosen(
    glossary: Glossary, progress: Progress
) -> None:
    sitting, _ = sit(glossary, progress)
    question = sitting.question
    assert question.answer_index is not None
    sitting.state.pick(question, question.answer_index)
    sitting.answer_changed()  # the candidate has not moved on, nor pressed Enter
    sitting.writer.flush(timeout=10)
    [record] = progress.store().answers(PROFILE)
    assert record.correct and record.question == 1 and record.attempt_id == sitting.attempt_id
    # Nothing new to write when nothing changed.
    assert sitting.answer_changed() is None


def test_typing_writes_the_text_as_it_stands_and_the_last_text_wins(
    glossary: Glossary, progress: Progress
) -> None:
    sitting, _ = sit(glossary, progress)
    number = next(i for i, q in enumerate(sitting.questions) if q.kind == "pinyin")
    assert sitting.go(number)
    question = sitting.question
    typed = ""
    for char in "chu3 neng2":
        typed += char
        sitting.state.type(question, typed)
        sitting.answer_changed()
    sitting.writer.flush(timeout=10)
    [record] = progress.store().answers(PROFILE)
    assert record.given == "chu3 neng2" and record.question == number + 1


def test_a_changed_answer_replaces_the_earlier_one(glossary: Glossary, progress: Progress) -> None:
    sitting, _ = sit(glossary, progress)
    question = sitting.question
    assert question.answer_index is not None
    wrong = (question.answer_index + 1) % len(question.options)
    for pick in (wrong, question.answer_index, wrong, question.answer_index):
        sitting.state.pick(question, pick)
        sitting.answer_changed()
    sitting.writer.flush(timeout=10)
    [record] = progress.store().answers(PROFILE)
    assert record.correct


def test_handing_in_counts_blanks_as_wrong_in_stats_and_the_mistake_book(
    glossary: Glossary, progress: Progress
) -> None:
    sitting, clock = sit(glossary, progress)
    first = sitting.question
    assert first.answer_index is not None
    sitting.state.pick(first, first.answer_index)
    sitting.answer_changed()
    clock.advance(120)
    handed = sitting.hand_in()
    handed.saved.result(timeout=10)
    assert sitting.phase == Phase.HANDED_IN and not sitting.go(1)
    assert handed.score.points == 1 and not handed.score.passed
    assert handed.elapsed_s == 120
    store = progress.store()
    stats = store.stats(PROFILE, clock.now(), 1)
    blank_rows = [t for q in sitting.questions[1:] for t in q.term_ids]
    blank_terms = set(blank_rows)
    # One right answer; every term of every blank question counted wrong (the candidate
    # who failed must not see 100 % correct).
    assert stats.correct == 1 and stats.answers == 1 + len(blank_rows)
    assert {m.term_id for m in store.mistakes(PROFILE)} == blank_terms
    [result] = store.exam_results(PROFILE)
    assert result.attempt_id == sitting.attempt_id and result.score == 1
    # Handing in again changes nothing.
    assert sitting.hand_in() is handed


def test_warnings_at_five_and_one_minute_then_time_up(
    glossary: Glossary, progress: Progress
) -> None:
    sitting, clock = sit(glossary, progress)
    events: list[object] = []
    for _ in range(10 * 60 + 1):
        event = sitting.tick()
        if event is not None:
            events.append((round(sitting.remaining() or 0), event))
        clock.advance(1)
    assert events[:2] == [(300, TimeWarning(5)), (60, TimeWarning(1))]
    assert events[2] == (0, TimeUp())


def test_a_short_paper_gets_only_the_warnings_shorter_than_itself(
    glossary: Glossary, progress: Progress
) -> None:
    sitting, clock = sit(glossary, progress, exam_plan(glossary, minutes=3))
    warnings = []
    for _ in range(3 * 60):
        event = sitting.tick()
        if isinstance(event, TimeWarning):
            warnings.append(event.minutes)
        clock.advance(1)
    assert warnings == [1]


def test_a_paper_without_a_time_limit_never_runs_out(
    glossary: Glossary, progress: Progress
) -> None:
    sitting, clock = sit(glossary, progress, exam_plan(glossary, minutes=None))
    clock.advance(10 * 3600)
    assert sitting.tick() is None and sitting.remaining() is None and sitting.is_open


def test_answer_and_go_on_then_back_to_the_blanks(glossary: Glossary, progress: Progress) -> None:
    sitting, _ = sit(glossary, progress)
    last = len(sitting.questions) - 1
    assert sitting.next_open() == 1
    assert sitting.go(last)
    assert sitting.next_open() == 0  # the first one left blank
    for index, question in enumerate(sitting.questions):
        sitting.go(index)
        sitting.state.pick(question, 0) or sitting.state.type(question, "x") or (
            sitting.state.pair(question, 0)
        )
    assert sitting.unanswered() == [] and sitting.next_open() is None


def test_the_attempt_is_recorded_when_the_sitting_starts_and_closed_at_hand_in(
    glossary: Glossary, progress: Progress
) -> None:
    sitting, clock = sit(glossary, progress)
    sitting.writer.flush(timeout=10)
    [attempt] = progress.store().attempts(profile=PROFILE)
    assert attempt.attempt_id == sitting.attempt_id and attempt.handed_in_at is None
    assert attempt.time_limit_s == 600 and attempt.started_at == clock.now()
    clock.advance(30)
    sitting.hand_in().saved.result(timeout=10)
    [attempt] = progress.store().attempts(profile=PROFILE)
    assert attempt.handed_in_at == clock.now()
    assert interrupted_sitting(progress.store(), PROFILE, sitting.plan.exam_id) is None


def test_an_interrupted_sitting_resumes_with_its_answers_and_the_time_left(
    glossary: Glossary, progress: Progress
) -> None:
    plan = exam_plan(glossary)
    first, clock = sit(glossary, progress, plan)
    answered = {}
    for index, question in enumerate(first.questions):
        first.go(index)
        state = first.state
        if question.kind == "match":
            state.pair(question, 2)
            state.pair(question, 0)
        elif question.kind in ("pinyin", "cloze"):
            state.type(question, "chu3 neng2" if question.kind == "pinyin" else question.answer)
        elif index != 1:  # question 2 left blank
            state.pick(question, 1)
        first.answer_changed()
        answered[index] = state.given(question)
    first.writer.flush(timeout=10)  # then the terminal is killed: no hand-in
    clock.advance(180)

    resume = interrupted_sitting(progress.store(), PROFILE, plan.exam_id)
    assert resume is not None and resume.attempt.attempt_id == first.attempt_id
    second = ExamSitting(
        glossary, replace(plan, resume=resume), PROFILE, AnswerWriter(progress), clock
    )
    assert second.attempt_id == first.attempt_id and second.resumed
    # The person is told, in their own words: when it began and how far they had got.
    assert first.resuming_message() is None
    started = first.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
    assert second.resuming_message() == (
        f"接着考你 {started} 开始、尚未交卷的这份试卷（已答 {len(first.questions) - 1} 题）；"
        "计时从开始时算起。"
    )
    assert second.remaining() == 600 - 180  # the clock ran on while it was interrupted
    restored = {i: s.given(q) for i, s in enumerate(second.states) for q in [second.questions[i]]}
    assert restored == answered
    assert second.unanswered() == [2]
    assert second.answer_changed() is None  # nothing to write again
    handed = second.hand_in()
    handed.saved.result(timeout=10)
    assert handed.elapsed_s == 180
    [attempt] = progress.store().attempts(profile=PROFILE)
    assert attempt.handed_in_at == clock.now()


def test_a_sitting_in_a_browser_is_recorded_so_and_the_report_says_where(
    glossary: Glossary, progress: Progress
) -> None:
    plan = exam_plan(glossary)
    on_screen, _ = sit(glossary, progress, plan)
    on_screen.hand_in().saved.result(timeout=10)
    served = ExamSitting(
        glossary, plan, "另一人", AnswerWriter(progress), FakeClock(), source="browser"
    )
    served.hand_in().saved.result(timeout=10)
    store = progress.store()
    assert {a.profile: a.source for a in store.attempts(exam_id=plan.exam_id)} == {
        PROFILE: "screen",
        "另一人": "browser",
    }
    report = build_report(
        plan.paper, plan.exam_id, sittings_from_store(store, plan.paper, plan.exam_id)
    )
    assert {p.profile: p.source for p in report.people} == {PROFILE: "screen", "另一人": "browser"}
    assert {p["profile"]: p["source"] for p in report_to_json(report)["people"]} == {
        PROFILE: "screen",
        "另一人": "browser",
    }


def test_a_sitting_interrupted_in_a_browser_is_carried_on(
    glossary: Glossary, progress: Progress
) -> None:
    plan = exam_plan(glossary)
    first = ExamSitting(
        glossary, plan, PROFILE, AnswerWriter(progress), FakeClock(), source="browser"
    )
    first.writer.flush(timeout=10)  # the tab is closed: no hand-in
    resume = interrupted_sitting(progress.store(), PROFILE, plan.exam_id)
    assert resume is not None and resume.attempt.attempt_id == first.attempt_id


def test_a_sitting_whose_time_ran_out_while_interrupted_is_handed_in_at_once(
    glossary: Glossary, progress: Progress
) -> None:
    plan = exam_plan(glossary)
    first, clock = sit(glossary, progress, plan)
    first.writer.flush(timeout=10)
    clock.advance(11 * 60)
    resume = interrupted_sitting(progress.store(), PROFILE, plan.exam_id)
    second = ExamSitting(
        glossary, replace(plan, resume=resume), PROFILE, AnswerWriter(progress), clock
    )
    assert second.tick() == TimeUp()
