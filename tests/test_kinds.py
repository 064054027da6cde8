"""Question kinds as a registry: the list of kinds is declared once, and a kind's spec (its
mode) drives making, grading, printing, marking and answering, so a kind registered here,
in a test, works everywhere without an edit elsewhere."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from typing import Any, cast

import pytest

from carbon_glossary.cli import main
from carbon_glossary.core import quiz
from carbon_glossary.core.kinds.spec import (
    KindSpec,
    kind_names,
    register,
    registered,
    spec_for,
    unregister,
)
from carbon_glossary.core.model import Glossary, Term
from carbon_glossary.core.paper import build_paper, parse_paper, render_paper_text, score_paper
from carbon_glossary.core.quiz import (
    Question,
    Shown,
    Skip,
    check_answer,
    make_question,
    make_quiz,
)
from carbon_glossary.interop.gift import paper_gift
from carbon_glossary.session import decks
from carbon_glossary.session.answers import AnswerState
from carbon_glossary.session.marking import answer_key_text, grade_answer, parse_cell
from carbon_glossary.subcommands import quiz as quiz_cli
from quiz_glossary import sample_glossary

GLOSSARY = sample_glossary()
KIND = "test-first-char"


def _support(
    glossary: Glossary, term: Term, kind: str, *, pinyin_max_syllables: int | None
) -> Skip | None:
    return None if len(term.term) >= 2 else Skip(kind, term.id, "no_reading", term.term)


def _make(
    glossary: Glossary,
    term: Term,
    kind: str,
    rng: random.Random,
    *,
    pinyin_max_syllables: int | None,
    shown: Shown,
) -> Question:
    """A made-up kind, for the test only: which character does the term begin with?"""
    first = term.term[0]
    others = sorted({t.term[0] for t in glossary.terms} - {first})[:2]
    options = [first, *others]
    rng.shuffle(options)
    return Question(
        kind=kind,
        term_id=term.id,
        prompt=term.term,
        options=tuple(options),
        answer=first,
        answer_index=options.index(first),
        term=term.term,
        category=term.category,
    )


@pytest.fixture
def test_kind() -> Iterator[KindSpec]:
    spec = register(KindSpec(KIND, "choice", _make, _support))
    try:
        yield spec
    finally:
        unregister(KIND)


def test_the_registry_lists_the_kinds_in_their_order() -> None:
    assert kind_names()[:7] == (
        "term-def",
        "def-term",
        "en-term",
        "pinyin",
        "cloze",
        "truefalse",
        "match",
    )
    assert kind_names() == quiz.KINDS
    assert {s.name for s in registered() if s.is_choice} == quiz.CHOICE_KINDS
    assert tuple(s.name for s in registered() if s.in_study) == decks.STUDY_KINDS
    assert "match" not in decks.STUDY_KINDS
    with pytest.raises(ValueError, match="already registered"):
        register(KindSpec("pinyin", "typed-reading", _make, _support))


def test_the_command_line_offers_the_registered_kinds(test_kind: KindSpec) -> None:
    """No hand copy: the help and --kinds list what the registry holds, a new kind too."""
    listed = quiz_cli._kind_list()
    assert [name for name in kind_names() if name not in listed] == []
    assert KIND in listed


def test_practice_asks_a_registered_kind(test_kind: KindSpec) -> None:
    context = cast(Any, None)  # only an unknown kind would need it, to fail
    assert quiz_cli._kinds(f"pinyin,{KIND}", context) == ("pinyin", KIND)
    questions = make_quiz(GLOSSARY, (KIND,), 3, random.Random(1))
    assert [q.kind for q in questions] == [KIND] * 3


def test_an_unknown_kind_ends_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["practice", "--kinds", "term-def,essay"])
    err = capsys.readouterr().err
    assert code == 2 and "essay" in err
    assert all(name in err for name in kind_names())


def test_a_registered_kind_is_made_graded_printed_and_marked(test_kind: KindSpec) -> None:
    term = next(t for t in GLOSSARY.terms if len(t.term) >= 2)
    question = make_question(GLOSSARY, term, KIND, random.Random(3))
    assert isinstance(question, Question) and question.mode == "choice" and question.is_choice
    assert check_answer(question, question.answer_index).correct
    assert check_answer(question, question.answer).correct  # the option's text
    wrong = ((question.answer_index or 0) + 1) % len(question.options)
    assert not check_answer(question, wrong).correct

    # on a screen: picking options, as every choice kind
    state = AnswerState.for_question(question)
    assert state.pick(question, wrong) and state.given(question) == wrong
    assert state.move(question, 1)

    # on a paper: accepted by the spec, printed with its options, marked from a sheet
    spec = parse_paper(
        f'[paper]\ntitle = "t"\nseed = 1\n\n[[section]]\nkind = "{KIND}"\ncount = 2\n',
        GLOSSARY,
        "p.toml",
    )
    paper = build_paper(GLOSSARY, spec)
    assert [q.kind for q in paper.questions] == [KIND, KIND]
    text = render_paper_text(paper)
    first = paper.questions[0]
    letter = "ABC"[first.answer_index or 0]
    assert f"   {letter}. {first.answer}" in text
    assert f"1. {letter}　{first.answer}" in answer_key_text(paper)
    given, problem = parse_cell(first, letter)
    assert problem is None and grade_answer(first, given).correct
    assert score_paper(paper, [first.answer_index, None]).points == 1
    gift = paper_gift(paper)
    assert re.search(rf"=\s*{re.escape(first.answer)}\n", gift)


def test_an_unknown_kind_is_refused_everywhere() -> None:
    term = GLOSSARY.terms[0]
    made = make_question(GLOSSARY, term, "essay", random.Random(1))
    assert isinstance(made, Skip) and made.reason == "unknown_kind"
    assert spec_for("essay") is None
