"""Within one paper or practice round, no question answers another (QA findings 2, items 3
and 6): a term asked about is not offered as a wrong option elsewhere (the example paper
with seed 2024 asked 碳达峰 and 碳排放 as term→definition with the same four definitions),
and one reading of a character is asked once (省 shěng twice in a 10-question round)."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.model import Glossary
from carbon_glossary.core.paper import build_paper, load_paper
from carbon_glossary.core.quiz import KINDS, Question, make_quiz
from fairness import answered_elsewhere, reading_again

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def shipped() -> Glossary:
    return load_glossary(ROOT / "glossary.toml")


def _unfair(glossary: Glossary, questions: tuple[Question, ...] | list[Question]) -> list[str]:
    return [
        f"Q{n + 1} {found[0][1]}"
        for n, q in enumerate(questions)
        if (
            found := answered_elsewhere(glossary, q, list(questions[:n]))
            + reading_again(q, list(questions[:n]))
        )
    ]


def test_the_reported_paper_offers_no_answer_as_a_wrong_option(shipped: Glossary) -> None:
    example = load_paper(ROOT / "papers" / "example.toml", shipped)
    paper = build_paper(shipped, example)
    assert len(paper.questions) == 20
    assert _unfair(shipped, paper.questions) == []
    option_sets = [frozenset(q.options) for q in paper.questions if q.kind == "term-def"]
    assert len(set(option_sets)) == len(option_sets)


@pytest.mark.parametrize("seed", range(12))
def test_example_papers_keep_their_length_and_offer_no_answer_twice(
    shipped: Glossary, seed: int
) -> None:
    example = load_paper(ROOT / "papers" / "example.toml", shipped)
    paper = build_paper(shipped, replace(example, seed=seed))
    assert len(paper.questions) == 20
    assert _unfair(shipped, paper.questions) == []


@pytest.mark.parametrize("seed", range(8))
def test_a_practice_round_offers_no_answer_as_a_wrong_option(shipped: Glossary, seed: int) -> None:
    questions = make_quiz(shipped, list(KINDS), 10, random.Random(seed))
    assert len(questions) == 10
    assert _unfair(shipped, questions) == []


@pytest.mark.parametrize("seed", range(8))
def test_a_reading_round_asks_a_character_in_a_reading_once(shipped: Glossary, seed: int) -> None:
    """The reported round (seed 1) asked 省 shěng, 绿 lǜ and 系 xì twice each."""
    questions = make_quiz(shipped, ["reading"], 10, random.Random(seed))
    assert len(questions) == 10
    asked = [(q.reading_char, q.answer) for q in questions]
    assert len(set(asked)) == len(asked)
    assert _unfair(shipped, questions) == []
