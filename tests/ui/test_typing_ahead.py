"""Keys typed quickly after Enter belong to the next question.

A terminal hands a quick typist's keys to the app in bursts: the Enter that moves on and
the first letters of the next answer arrive together, before the app has shown the next
question. Pilot's ``press`` waits for the app to settle after every key, so these tests put
the whole burst in the app's queue at once, as the terminal driver does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from quiz_support import PROFILE, SIZE, exam_plan, make_quiz_app, quiz_glossary, settle
from textual import events
from textual.pilot import Pilot

from carbon_glossary.core.model import Glossary
from carbon_glossary.core.pinyin import format_numbers, split_tone
from carbon_glossary.core.quiz import Question, option_label
from carbon_glossary.session.answers import AnswerState
from carbon_glossary.session.decks import PracticePlan
from carbon_glossary.store import open_store
from carbon_glossary.ui.screens.exam import ExamScreen
from carbon_glossary.ui.screens.quiz import QuizScreen
from carbon_glossary.ui.typeahead import HoldsKeysAfterEnter


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return quiz_glossary()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "progress.db"


def burst(pilot: Pilot[object], keys: str | list[str]) -> None:
    """Put ``keys`` in the app's queue at once, as a terminal delivers a quick typist's
    keys (one character each; ``"\\r"`` is Enter)."""
    for char in keys:
        name = {"\r": "enter", " ": "space"}.get(char, char)
        pilot.app.post_message(events.Key(name, char))


async def settled(pilot: Pilot[object], done: Callable[[], bool]) -> None:
    """Settle until ``done()`` and no key is held any more (each step of a long burst
    waits for the one before it; a loaded machine takes a while)."""
    app = pilot.app
    assert isinstance(app, HoldsKeysAfterEnter)
    for _ in range(60):
        await settle(pilot)
        if done() and not app.holding_keys:
            return


def answer_text(question: Question) -> str:
    """What a person types to answer ``question`` (a choice question: its letter)."""
    if question.kind == "pinyin":
        return format_numbers(question.syllables)
    if question.kind == "cloze":
        return question.answer
    if question.kind == "truefalse":
        return "y" if question.answer_index == 0 else "n"
    assert question.answer_index is not None
    return option_label(question.answer_index).lower()


async def test_exam_answers_typed_right_after_enter_go_to_the_next_question(
    glossary: Glossary, db: Path
) -> None:
    plan = exam_plan(glossary)
    questions = plan.paper.questions
    # term-def, term-def, true/false, pinyin, cloze: a choice before a typing box (the box
    # must have the keys), a typing box before a typing box (the old one must not).
    kinds = ["term-def", "term-def", "truefalse", "pinyin", "cloze"]
    assert [q.kind for q in questions[:5]] == kinds
    app = make_quiz_app(glossary, plan, db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen_stack[0]
        assert isinstance(screen, ExamScreen)
        burst(pilot, "".join(answer_text(q) + "\r" for q in questions[:5]))
        await settled(pilot, lambda: screen.index == 5)
        given = [screen.states[i].given(q) for i, q in enumerate(questions[:5])]
        assert screen.index == 5
        assert given[3] == answer_text(questions[3]) and given[4] == questions[4].answer
        assert all(screen.states[i].is_answered(q) for i, q in enumerate(questions[:5]))
    with open_store(db) as store:
        stored = {r.question: r for r in store.answers(PROFILE)}
    assert sorted(stored) == [1, 2, 3, 4, 5]
    assert all(r.correct for r in stored.values())
    assert stored[4].given == answer_text(questions[3])
    assert stored[5].given == questions[4].answer


async def test_practice_answers_typed_right_after_enter_go_to_the_next_question(
    glossary: Glossary, db: Path
) -> None:
    """Enter grades, Enter goes on, and the next answer is already being typed."""
    app = make_quiz_app(glossary, PracticePlan(kinds=("pinyin",), count=3, seed=2), db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen_stack[0]
        assert isinstance(screen, QuizScreen)
        deck = screen.round.deck
        assert deck is not None
        asked = list(deck.questions)
        assert len(asked) == 3
        burst(pilot, "".join(answer_text(q) + "\r\r" for q in asked))
        await settled(pilot, lambda: screen.phase == "done")
        assert screen.phase == "done"
        assert screen.round.right == 3
    with open_store(db) as store:
        records = store.answers(PROFILE)
    assert {r.term_id: r.given for r in records} == {q.term_id: answer_text(q) for q in asked}
    assert all(r.correct for r in records)


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_the_pinyin_box_example_is_never_part_of_the_answer(
    glossary: Glossary, db: Path, language: str
) -> None:
    """The empty box's example and the hint's tone example share no syllable with the
    reading asked for (``tan4 da2 feng1`` was the answer to 碳达峰)."""
    count = len(glossary.terms)
    plan = PracticePlan(kinds=("pinyin",), count=count, seed=1)
    app = make_quiz_app(glossary, plan, db, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen_stack[0]
        assert isinstance(screen, QuizScreen)
        deck = screen.round.deck
        assert deck is not None
        asked = {q.term for q in deck.questions}
        assert {"碳达峰", "碳达峰碳中和"} <= asked
        for question in deck.questions:
            screen.view.show(question, AnswerState.for_question(question))
            await pilot.pause()
            shown = f"{screen.view.input.placeholder} {screen.view.query_one('#q-hint').render()}"
            words = set(re.findall(r"[a-zü]+", shown.lower().replace("v", "ü")))
            answer = {split_tone(s)[0] for s in question.syllables}
            assert re.search(r"[a-z]+[1-4]", screen.view.input.placeholder)  # still an example
            assert not words & answer, (question.term, shown)
