"""A typed cloze answer naming a broader term is right where the blank follows a list of
kinds (QA on 6392bbe: the example paper's Q12 增加太阳能、风能等＿＿的使用比例 marked 非化石能源
wrong, though by our own definitions 太阳能 and 风能 are 非化石能源 too). Every front end
grades with check_answer (the exam and study screens, the served page, paper scoring) or
with grade_answer on top of it (answer sheets), so all of them take it."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.model import Glossary
from carbon_glossary.core.paper import build_paper, load_paper, score_paper
from carbon_glossary.core.quiz import BLANK, Question, check_answer, make_question
from carbon_glossary.session.marking import grade_answer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def shipped() -> Glossary:
    return load_glossary(ROOT / "glossary.toml")


def test_the_reported_question_takes_the_broader_terms(shipped: Glossary) -> None:
    paper = build_paper(shipped, load_paper(ROOT / "papers" / "example.toml", shipped))
    number, q = next(
        (n, q) for n, q in enumerate(paper.questions) if "太阳能、风能等＿＿" in q.prompt
    )
    assert q.answer == "可再生能源"
    # 新能源 too (QA findings 2, item 31): its definition says it 常指太阳能、风能…
    for typed in ("非化石能源", "清洁能源", "可再生能源", "清潔能源", "新能源"):
        assert check_answer(q, typed).correct, typed
        assert grade_answer(q, typed).correct, typed
    for typed in ("化石能源", "太阳能", "生物质能", "新能源汽车"):
        assert not check_answer(q, typed).correct, typed
    assert score_paper(paper, {number: "非化石能源"}).points == 1


def test_a_broader_term_is_taken_only_after_a_list_of_kinds(shipped: Glossary) -> None:
    """Elsewhere a broader term may make the sentence false (核能属于非化石能源，但不属于
    ＿＿), so it is not taken: only where the blank follows 等."""
    renewable = next(t for t in shipped.terms if t.term == "可再生能源")
    prompts = {}
    for seed in range(60):
        q = make_question(shipped, renewable, "cloze", random.Random(seed))
        assert isinstance(q, Question)
        prompts[q.prompt] = q
    assert len(prompts) >= 2
    for prompt, q in prompts.items():
        listed = f"等{BLANK}" in prompt
        assert check_answer(q, "非化石能源").correct == listed, prompt
        assert "非化石能源" not in q.options  # never offered as a rival
