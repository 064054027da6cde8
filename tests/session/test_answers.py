"""The rules for changing an answer, the same for every front end."""

from __future__ import annotations

import random

from carbon_glossary.core.quiz import Question, make_quiz
from carbon_glossary.session.answers import AnswerState
from quiz_fixtures import quiz_glossary


def question(kind: str) -> Question:
    [made] = make_quiz(quiz_glossary(), (kind,), 1, random.Random(4))
    return made


def test_matching_one_definition_per_term_then_the_next_open_term() -> None:
    q = question("match")
    state = AnswerState.for_question(q)
    assert state.pair(q, 2) and state.pairs[0] == 2 and state.item == 1
    assert state.select_item(q, 4) and state.pair(q, 0)
    assert state.pairs[4] == 0 and state.item == 1  # wraps round to the first open term
    assert state.pair(q, 2)  # taken from term 1, given to term 2
    assert state.pairs[:2] == [None, 2] and not state.is_complete(q) and state.is_answered(q)
    assert not state.pair(q, 9) and not state.pick(q, 0)


def test_an_option_number_typed_into_a_cloze_box_picks_that_option() -> None:
    q = question("cloze")
    state = AnswerState.for_question(q)
    assert state.given(q) is None
    state.type(q, " 2 ")
    assert state.given(q) == 1
    state.type(q, "碳汇")
    assert state.given(q) == "碳汇"
    assert state.pick(q, 0) and state.text == q.options[0]


def test_moving_wraps_round_the_options() -> None:
    q = question("term-def")
    state = AnswerState.for_question(q)
    assert state.move(q, -1) and state.choice == len(q.options) - 1
    assert state.move(q, 1) and state.choice == 0
    assert not state.truth(q, True)
    tf = question("truefalse")
    tf_state = AnswerState.for_question(tf)
    assert tf_state.truth(tf, False) and tf_state.choice == 1
