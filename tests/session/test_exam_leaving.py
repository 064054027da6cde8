"""What the exam says about leaving before the paper is handed in, and that it is true:
the answers are kept, the same person's next sitting carries the attempt on, the clock runs
on meanwhile, and the attempt counts towards the paper's limit without ending."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from carbon_glossary import i18n
from carbon_glossary.core.model import Glossary
from carbon_glossary.session.decks import ExamPlan, exam_id_for
from carbon_glossary.session.exam import ExamSitting, Leaving, TimeUp, interrupted_sitting
from carbon_glossary.session.progress import Progress
from carbon_glossary.session.sitter import Sitter, admit
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


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    i18n.set_language("zh")
    yield
    i18n.set_language("zh")


def with_attempts(plan: ExamPlan, attempts: int | None) -> ExamPlan:
    paper = replace(plan.paper, spec=replace(plan.paper.spec, attempts=attempts))
    return ExamPlan(paper, exam_id_for(paper))


def answer_first(sitting: ExamSitting) -> None:
    question = sitting.question
    assert question.answer_index is not None
    sitting.state.pick(question, question.answer_index)
    sitting.answer_changed()
    sitting.writer.flush(timeout=10)


def test_leaving_a_timed_paper_says_the_attempt_is_kept_and_the_clock_runs_on(
    glossary: Glossary, progress: Progress
) -> None:
    plan = exam_plan(glossary)  # 10 minutes
    clock = FakeClock()
    sitting = ExamSitting(glossary, plan, PROFILE, AnswerWriter(progress), clock)
    answer_first(sitting)
    clock.advance(60)
    leaving = sitting.leaving()
    assert leaving == Leaving(
        answered=1,
        total=len(plan.paper.questions),
        remaining_s=540,
        elapsed_s=60,
        attempts=None,
        browser=False,
    )
    question = leaving.question()
    assert question.startswith(
        "离开考试吗？已答的题都已保存；再次运行同一命令可以接着考，计时不会停。"
    )
    assert "如果离开期间考试时间用完，回来时会按已答的题自动交卷" in question
    assert "放弃" not in question and "不会计算成绩" not in question
    assert leaving.notice() == (
        f"已离开考试，没有交卷：已答的 1/{len(plan.paper.questions)} 题都已保存；"
        "再次运行同一命令可以接着考，计时不会停（还剩 09:00）。"
    )
    # And it is so: nothing is handed in; the same command carries the attempt on, with
    # its answer, and the two minutes away came off the time.
    clock.advance(120)
    store = progress.store()
    resume = interrupted_sitting(store, PROFILE, plan.exam_id)
    assert resume is not None and resume.attempt.attempt_id == sitting.attempt_id
    assert resume.attempt.handed_in_at is None and store.exam_results(PROFILE) == []
    again = ExamSitting(
        glossary, replace(plan, resume=resume), PROFILE, AnswerWriter(progress), clock
    )
    assert again.attempt_id == sitting.attempt_id and again.answered_count() == 1
    assert again.remaining() == 600 - 180
    # If the time runs out while away, coming back hands the paper in as it stands.
    clock.advance(600)
    assert again.tick() == TimeUp()


def test_leaving_a_paper_of_one_attempt_says_it_is_that_attempt(
    glossary: Glossary, progress: Progress
) -> None:
    plan = with_attempts(exam_plan(glossary), 1)
    sitting = ExamSitting(glossary, plan, PROFILE, AnswerWriter(progress), FakeClock())
    answer_first(sitting)
    question = sitting.leaving().question()
    assert "这份试卷每人限考 1 次，这一次已经算在内：离开不会结束它，回来接着考的仍是这一次。" in (
        question
    )
    # And it is so: the one attempt is carried on, not refused, and no second one starts.
    sitter = Sitter(PROFILE, PROFILE, "")
    admission = admit(progress.store(), sitter, plan.exam_id, 1)
    assert admission.refused is None and admission.resume is not None
    assert admission.resume.attempt.attempt_id == sitting.attempt_id


def test_leaving_an_untimed_paper_gives_the_time_used(
    glossary: Glossary, progress: Progress
) -> None:
    clock = FakeClock()
    plan = exam_plan(glossary, minutes=None)
    sitting = ExamSitting(glossary, plan, PROFILE, AnswerWriter(progress), clock)
    clock.advance(75)
    leaving = sitting.leaving()
    assert leaving.remaining_s is None
    assert "时间用完" not in leaving.question() and "限考" not in leaving.question()
    assert "（已用 01:15）" in leaving.notice()


def test_in_a_browser_it_says_to_open_the_page_again_and_in_english_too(
    glossary: Glossary, progress: Progress
) -> None:
    sitting = ExamSitting(
        glossary, exam_plan(glossary), PROFILE, AnswerWriter(progress), FakeClock()
    )
    leaving = sitting.leaving(browser=True)
    assert "重新打开这个页面可以接着考" in leaving.question()
    assert "重新打开这个页面可以接着考" in leaving.notice()
    assert "运行同一命令" not in leaving.question() + leaving.notice()
    i18n.set_language("en")
    terminal = sitting.leaving()
    assert terminal.question().startswith(
        "Leave the exam? Your answers are all saved; run the same command again to carry on."
    )
    assert terminal.notice().startswith("Left the exam without handing it in: 0 of ")
