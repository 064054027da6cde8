"""``shuffle = "options"``: each person's own option order, the same every time for that
person; the room's questions; answers counted by their text in the score and the report."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from carbon_glossary.core.model import Glossary
from carbon_glossary.core.paper import Paper
from carbon_glossary.core.quiz import check_answer
from carbon_glossary.session.decks import ExamPlan
from carbon_glossary.session.exam import ExamSitting, interrupted_sitting
from carbon_glossary.session.progress import Progress
from carbon_glossary.session.report import build_report, sittings_from_store
from carbon_glossary.session.shuffle import options_for, shuffled_question
from carbon_glossary.session.sitter import Sitter
from carbon_glossary.session.writer import AnswerWriter
from quiz_fixtures import FakeClock, exam_plan, quiz_glossary

PEOPLE = [f"person {n}" for n in range(12)]


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return quiz_glossary()


@pytest.fixture
def progress(tmp_path: Path) -> Iterator[Progress]:
    progress = Progress(tmp_path / "p.db", "nobody")
    yield progress
    progress.close()


def shuffling(glossary: Glossary) -> ExamPlan:
    plan = exam_plan(glossary)
    paper = replace(plan.paper, spec=replace(plan.paper.spec, shuffle="options"))
    return replace(plan, paper=paper)


def orders(paper: Paper) -> list[tuple[str, ...]]:
    return [q.options for q in paper.questions]


def test_a_paper_without_shuffle_is_the_rooms_for_everyone(glossary: Glossary) -> None:
    paper = exam_plan(glossary).paper
    assert all(options_for(paper, person) is paper for person in PEOPLE)


def test_each_person_has_one_order_and_people_differ(glossary: Glossary) -> None:
    room = shuffling(glossary).paper
    seen = {tuple(orders(options_for(room, person))) for person in PEOPLE}
    assert len(seen) > 1  # not everyone gets the room's order
    for person in PEOPLE:
        mine = options_for(room, person)
        assert orders(mine) == orders(options_for(room, person))  # deterministic
        for theirs, asked in zip(mine.questions, room.questions, strict=True):
            # the same question, in the same place, with the same options and answer
            assert (theirs.kind, theirs.term_id, theirs.prompt) == (
                asked.kind,
                asked.term_id,
                asked.prompt,
            )
            assert sorted(theirs.options) == sorted(asked.options)
            if theirs.kind == "truefalse":
                assert theirs == asked
            elif theirs.kind == "match":
                for item in range(len(asked.items)):
                    mine_def = theirs.options[theirs.pairs[item]]
                    assert mine_def == asked.options[asked.pairs[item]]
                assert check_answer(theirs, list(theirs.pairs)).correct
            elif asked.answer_index is not None:
                assert theirs.answer == asked.answer
                assert theirs.options[theirs.answer_index] == asked.options[asked.answer_index]


def test_a_moved_option_keeps_its_answer() -> None:
    room = replace(
        shuffling(quiz_glossary()).paper.questions[0],
        options=("甲", "乙", "丙", "丁"),
        answer="丙",
        answer_index=2,
    )
    for seed in range(20):
        moved = shuffled_question(room, random.Random(seed))
        assert moved.options[moved.answer_index or 0] == "丙"


def _sit(
    glossary: Glossary, progress: Progress, plan: ExamPlan, profile: str, clock: FakeClock
) -> ExamSitting:
    writer = AnswerWriter(progress)
    sitter = Sitter(profile, profile, "办公室")
    return ExamSitting(glossary, replace(plan, sitter=sitter), profile, writer, clock)


def test_answers_count_by_text_and_a_resumed_sitting_shows_the_same_order(
    glossary: Glossary, progress: Progress
) -> None:
    plan = shuffling(glossary)
    room = plan.paper
    # someone whose first question's options are not in the room's order
    person = next(
        p for p in PEOPLE if options_for(room, p).questions[0].options != room.questions[0].options
    )
    clock = FakeClock()
    sitting = _sit(glossary, progress, plan, person, clock)
    assert sitting.question.options != room.questions[0].options  # the sitting shows theirs
    first = sitting.question
    assert first.answer_index is not None
    sitting.state.pick(first, first.answer_index)  # right, in this person's order
    sitting.answer_changed()
    sitting.writer.close()
    # Killed here; carried on later: the same order, the answer back on the same text.
    store = progress.store()
    resume = interrupted_sitting(store, person, plan.exam_id)
    assert resume is not None
    clock.advance(60)
    again = _sit(glossary, progress, replace(plan, resume=resume), person, clock)
    assert orders(again.paper) == orders(sitting.paper)
    assert again.states[0].choice == first.answer_index
    result = again.hand_in()
    result.saved.result(timeout=10)
    again.writer.close()
    assert result.score.verdicts[0].correct
    # The report reads the answers against the room's paper, by their text: right, and
    # counted under the room's letter of the right option, not this person's.
    report = build_report(room, plan.exam_id, sittings_from_store(store, room, plan.exam_id))
    row = report.questions[0]
    room_letter = "ABCD"[room.questions[0].answer_index or 0]
    assert row.options_chosen[room_letter] == 1 and row.facility == 1.0
    # Unanswered questions count as wrong: one right of six.
    [person_row] = report.people
    assert person_row.handed_in and person_row.answered == 1
    assert person_row.score_percent < 100


def test_an_abandoned_sitting_is_in_the_report_as_not_handed_in(
    glossary: Glossary, progress: Progress
) -> None:
    plan = exam_plan(glossary)
    sitting = _sit(glossary, progress, plan, "alice", FakeClock())
    question = sitting.question
    assert question.answer_index is not None
    sitting.state.pick(question, question.answer_index)
    sitting.answer_changed()
    sitting.writer.close()  # never handed in
    store = progress.store()
    report = build_report(
        plan.paper, plan.exam_id, sittings_from_store(store, plan.paper, plan.exam_id)
    )
    [row] = report.people
    assert not row.handed_in and not row.passed and row.answered == 1
    assert row.score_percent == pytest.approx(100 / len(plan.paper.questions), abs=0.01)
