"""The README's rules hold for the options of term→definition and matching questions, not
only for stems (QA findings 2, item 7, on the example paper):

- a cloze quoting a character that only the answer holds (碳汇's definition: 把“汇”定义为…,
  with 碳汇 the only option holding 汇);
- definitions of one template offered side by side (the three plans: X人民政府于YYYY年M月
  印发的文件，明确了X碳达峰工作…, where the right one names the place in the term), and a
  definition citing the term asked (the 槐荫区 plan's, which cites 《山东省碳达峰实施方案》)
  taken as hiding that the right one names 山东省;
- a match where one definition names another term of the set (碳达峰碳中和's says 峰值).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.model import Glossary
from carbon_glossary.core.quiz import Question, Skip, check_support, make_question
from fairness import one_template, problems

ROOT = Path(__file__).resolve().parent.parent
SEEDS = range(40)


@pytest.fixture(scope="module")
def shipped() -> Glossary:
    return load_glossary(ROOT / "glossary.toml")


def _made(glossary: Glossary, term_id: str, kind: str) -> list[Question]:
    term = glossary.by_id(term_id)
    assert term is not None
    made = [make_question(glossary, term, kind, random.Random(seed)) for seed in SEEDS]
    return [q for q in made if isinstance(q, Question)]


def test_a_cloze_does_not_quote_a_character_only_its_answer_holds(shipped: Glossary) -> None:
    asked = _made(shipped, "tan-hui", "cloze")
    assert asked  # 碳汇 is still asked, with sentences that do not point at it
    for q in asked:
        others = [o for o in q.options if o != q.answer]
        assert "“汇”" not in q.prompt or any("汇" in o for o in others), q.prompt
        assert [p for p in problems(shipped, q) if p[0] == "giveaway"] == []


def test_the_judge_sees_the_quoted_character() -> None:
    """tests/fairness.py calls the reported question a giveaway."""
    glossary = load_glossary(ROOT / "glossary.toml")
    term = glossary.by_id("tan-hui")
    assert term is not None
    reported = Question(
        kind="cloze",
        term_id=term.id,
        prompt=term.definition.replace("碳汇", "＿＿"),
        options=("碳汇", "绿色低碳生活", "循环经济", "减污降碳"),
        answer="碳汇",
        answer_index=0,
        term="碳汇",
    )
    assert ("giveaway", "“汇” of 碳汇 quoted in the prompt") in problems(glossary, reported)


@pytest.mark.parametrize("term_id", ["doc-shandong-plan", "doc-jinan-plan", "doc-2030-action-plan"])
def test_a_plan_is_not_offered_with_definitions_of_its_template(
    shipped: Glossary, term_id: str
) -> None:
    term = shipped.by_id(term_id)
    assert term is not None
    templated = [o.id for o in shipped.terms if o is not term and one_template(shipped, term, o)]
    assert templated  # the judge sees the three plans' definitions as one template
    for kind in ("term-def", "truefalse"):
        for q in _made(shipped, term_id, kind):
            shown = [*q.options, q.statement]
            for other_id in templated:
                other = shipped.by_id(other_id)
                assert other is not None
                opening = other.definition[:12]
                assert not any(s.startswith(opening) for s in shown), (kind, other.term)
            assert [p for p in problems(shipped, q) if p[0] in ("template", "giveaway")] == []


def test_a_definition_citing_the_answer_does_not_hide_what_the_right_one_shows(
    shipped: Glossary,
) -> None:
    """《山东省碳达峰实施方案》's definition begins 山东省人民政府于…; the only other definitions
    holding 山 or 东 cite its title (the 槐荫区 plan's), which lures toward a wrong option
    rather than hiding the right one: the plan is not asked as term→definition."""
    term = shipped.by_id("doc-shandong-plan")
    assert term is not None
    skip = check_support(shipped, term, "term-def")
    assert isinstance(skip, Skip) and skip.reason == "giveaway"


@pytest.mark.parametrize("term_id", ["feng-zhi", "tan-da-feng-tan-zhong-he"])
def test_a_match_does_not_set_a_term_beside_a_definition_naming_it(
    shipped: Glossary, term_id: str
) -> None:
    asked = _made(shipped, term_id, "match")
    assert asked
    for q in asked:
        assert not {"峰值", "碳达峰碳中和"} <= set(q.items), q.items
        assert problems(shipped, q) == []
