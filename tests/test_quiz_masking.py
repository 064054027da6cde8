"""Masking never guts what a question shows, in any kind that masks (QA on 6392bbe): the
lead that calls the term the short form of a blank, and notes giving another name of it
(简称“＿＿”, 俗称“＿＿”, 解读中简称“＿＿”, （＿＿）), which a cloze sentence and a true/false
statement kept although definitions dropped them."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.model import Glossary
from carbon_glossary.core.paper import PaperSection, PaperSpec, build_paper
from carbon_glossary.core.quiz import BLANK, Question, make_question
from fairness import GUTTED, NAME_NOTE

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def shipped() -> Glossary:
    return load_glossary(ROOT / "glossary.toml")


def _texts(q: Question) -> list[str]:
    return [q.prompt, q.statement, *(q.options if q.kind != "truefalse" else ())]


def _gutted(q: Question) -> list[str]:
    return [t for t in _texts(q) if GUTTED.search(t) or NAME_NOTE.search(t)]


@pytest.mark.parametrize(("kind", "seed"), [("cloze", 5), ("truefalse", 5), ("truefalse", 23)])
def test_the_reported_papers_show_no_gutted_text(shipped: Glossary, kind: str, seed: int) -> None:
    """QA: cloze (seed 5, 89 questions) of 光伏 showed “＿＿”的简称，利用半导体…; true/false
    statements of 清缴 (俗称“＿＿”), 碳达峰碳中和 (简称“＿＿”) and 槐荫区人民政府 (解读中简称
    “＿＿”)."""
    spec = PaperSpec(title="t", seed=seed, sections=(PaperSection(None, kind, 89),))  # type: ignore[arg-type]
    questions = build_paper(shipped, spec).questions
    assert len(questions) > 60
    assert [g for q in questions for g in _gutted(q)] == []


@pytest.mark.parametrize("kind", ["cloze", "truefalse", "term-def", "def-term", "match"])
def test_no_kind_shows_a_gutted_text_for_any_term(shipped: Glossary, kind: str) -> None:
    for term in shipped.terms:
        for seed in range(4):
            q = make_question(shipped, term, kind, random.Random(seed))
            if isinstance(q, Question):
                assert _gutted(q) == [], (term.term, q.prompt, q.statement)


def test_the_reported_statements_keep_their_meaning(shipped: Glossary) -> None:
    by_text = {t.term: t for t in shipped.terms}
    expected = {
        "清缴": "以完成当年的控排义务。",
        "碳达峰碳中和": "碳达峰与碳中和的合称。",
        "槐荫区人民政府": "济南市槐荫区的区级人民政府。",
    }
    for text, kept in expected.items():
        seen = set()
        for seed in range(30):
            q = make_question(shipped, by_text[text], "truefalse", random.Random(seed))
            assert isinstance(q, Question)
            if q.statement_term == text:
                seen.add(q.statement)
        assert seen and all(kept in s and not NAME_NOTE.search(s) for s in seen), seen


def test_a_sentence_the_blank_leaves_too_short_is_not_asked(tmp_path: Path) -> None:
    """A cloze sentence is held to the rule definitions are: what it shows besides the
    blank must say something."""
    path = tmp_path / "g.toml"
    others = "".join(
        f'[[term]]\nterm = "{t}"\ndefinition = "{d}"\n\n'
        for t, d in (
            ("风电", "利用风力带动风车叶片旋转发电的方式。"),
            ("水电", "利用水的势能和动能转换为电能的方式。"),
            ("核电", "利用核反应堆中核裂变释放的热能发电。"),
        )
    )
    path.write_text(
        '[glossary]\ntitle = "t"\n\n'
        '[[term]]\nterm = "光伏"\naliases = ["光伏发电"]\n'
        'definition = "“光伏发电”的简称，利用光生伏特效应把太阳光能直接转换为电能。"\n'
        'examples = ["光伏发电的简称。", "屋顶上的光伏板把阳光变成电。"]\n\n' + others,
        encoding="utf-8",
    )
    glossary = load_glossary(path)
    prompts = set()
    for seed in range(40):
        q = make_question(glossary, glossary.terms[0], "cloze", random.Random(seed))
        assert isinstance(q, Question)
        prompts.add(q.prompt)
    assert all(BLANK in p and not GUTTED.search(p) for p in prompts), prompts
    assert f"{BLANK}的简称。" not in prompts
