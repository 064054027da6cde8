"""Study and practice rounds without a screen: a new term is taught before it is tested,
the counts go down as the round goes, answers are written in order."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from carbon_glossary.core.model import Glossary
from carbon_glossary.core.quiz import Question, Verdict
from carbon_glossary.session.decks import (
    PracticePlan,
    StudyPlan,
    empty_mistake_book_message,
    record_answer,
)
from carbon_glossary.session.progress import Progress
from carbon_glossary.session.round import Incomplete, Phase, Round
from carbon_glossary.session.writer import AnswerWriter
from carbon_glossary.store import AnswerRecord
from quiz_fixtures import PROFILE, FakeClock, answer_about, quiz_glossary


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return quiz_glossary()


@pytest.fixture
def progress(tmp_path: Path) -> Iterator[Progress]:
    progress = Progress(tmp_path / "p.db", PROFILE, new_per_day=3)
    yield progress
    progress.close()


def start(glossary: Glossary, progress: Progress, plan: StudyPlan | PracticePlan) -> Round:
    round_ = Round(glossary, plan, PROFILE, AnswerWriter(progress), FakeClock())
    round_.start(round_.build_deck(progress.store()))
    return round_


def answer_right(round_: Round) -> Verdict:
    question = round_.question
    assert question is not None
    give(round_, question, right=True)
    verdict = round_.submit()
    assert isinstance(verdict, Verdict)
    return verdict


def give(round_: Round, question: Question, *, right: bool) -> None:
    state = round_.state
    if question.kind in ("pinyin", "cloze"):
        state.type(question, question.answer if right else "xyz")
    else:
        assert question.answer_index is not None
        shift = 0 if right else 1
        state.pick(question, (question.answer_index + shift) % len(question.options))


def test_study_shows_a_new_terms_card_before_asking_and_counts_down(
    glossary: Glossary, progress: Progress
) -> None:
    round_ = start(glossary, progress, StudyPlan(kinds=("term-def", "def-term"), seed=1))
    assert round_.total == 3 and round_.new_left() == 3
    seen = []
    for left in (2, 1, 0):
        assert round_.phase == Phase.INTRODUCING
        term = round_.new_term
        assert term is not None and round_.question is not None
        assert term.id == round_.question.term_id
        assert round_.submit() is None  # nothing is asked while the card is shown
        assert round_.proceed() == Phase.ASKING and round_.new_left() == left
        seen.append(term.id)
        answer_right(round_)
        assert round_.phase == Phase.REVEALED
        round_.proceed()
    assert round_.phase == Phase.DONE and round_.right == 3
    round_.writer.flush(timeout=10)
    assert seen == [t.id for t in glossary.terms[:3]]
    assert set(progress.store().cards(PROFILE)) == set(seen)


def test_a_due_card_is_asked_straight_away(glossary: Glossary, progress: Progress) -> None:
    first = glossary.terms[0]
    store = progress.store()
    record_answer(  # with the card FSRS makes of it, as a round writes it
        store,
        answer_about(first, mode="study", correct=False, at=datetime(2025, 3, 1, tzinfo=UTC)),
    )
    round_ = start(glossary, progress, StudyPlan(kinds=("term-def",), seed=2))
    assert round_.question is not None and round_.question.term_id == first.id
    assert round_.phase == Phase.ASKING and round_.due_left() == 1
    answer_right(round_)
    assert round_.due_left() == 0


def test_an_incomplete_answer_is_not_graded(glossary: Glossary, progress: Progress) -> None:
    round_ = start(glossary, progress, PracticePlan(kinds=("match",), count=1, seed=4))
    question = round_.question
    assert question is not None and round_.phase == Phase.ASKING
    assert round_.submit() == Incomplete("quizui.unpaired")
    round_.state.pair(question, 0)
    assert round_.submit() == Incomplete("quizui.unpaired")
    assert round_.phase == Phase.ASKING and round_.answered == 0


def test_practice_writes_every_answer_in_order_and_never_schedules(
    glossary: Glossary, progress: Progress
) -> None:
    round_ = start(glossary, progress, PracticePlan(kinds=("term-def",), count=4, seed=5))
    asked = []
    for right in (True, False, True, False):
        question = round_.question
        assert question is not None and round_.phase == Phase.ASKING
        give(round_, question, right=right)
        round_.submit()
        asked.append((question.term_id, right))
        round_.proceed()
    assert round_.phase == Phase.DONE and round_.right == 2
    assert round_.missed() == tuple(
        dict.fromkeys(glossary.by_id(t).term for t, ok in asked if not ok)  # type: ignore[union-attr]
    )
    round_.writer.flush(timeout=10)
    records = list(reversed(progress.store().answers(PROFILE)))
    assert [(r.term_id, r.correct) for r in records] == asked
    assert progress.store().cards(PROFILE) == {}
    assert round_.proceed() == Phase.LOADING


class TestEmptyMistakeBook:
    """The message must not say "you later got them all right" to someone who never erred."""

    def record(self, glossary: Glossary, correct: bool, minute: int) -> AnswerRecord:
        at = datetime(2025, 3, 1, 9, minute, tzinfo=UTC)
        return answer_about(glossary.terms[0], mode="practice", correct=correct, at=at)

    def test_nothing_answered(self, progress: Progress) -> None:
        message = empty_mistake_book_message(progress.store(), PROFILE)
        assert "还没有答过题" in message and "后来" not in message

    def test_never_wrong(self, glossary: Glossary, progress: Progress) -> None:
        progress.store().record_answer(self.record(glossary, True, 0))
        message = empty_mistake_book_message(progress.store(), PROFILE)
        assert "没有答错" in message and "后来" not in message

    def test_wrong_then_right(self, glossary: Glossary, progress: Progress) -> None:
        progress.store().record_answer(self.record(glossary, False, 0))
        progress.store().record_answer(self.record(glossary, True, 1))
        assert "后来都答对了" in empty_mistake_book_message(progress.store(), PROFILE)
