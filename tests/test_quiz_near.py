"""Near-synonyms and kinds of a broader term are never rival options (issue 7 item 1, QA on
6392bbe): ``near`` in the glossary, an English name two terms share, and ``broader`` links
the shipped glossary's own definitions state."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.model import Glossary, Term
from carbon_glossary.core.paper import PaperSection, PaperSpec, build_paper, load_paper
from carbon_glossary.core.problems import FileProblemError
from carbon_glossary.core.quiz import KINDS, Question, make_question
from fairness import problems, same_thing

ROOT = Path(__file__).resolve().parent.parent

# Eight terms of one category with distinct definitions: 长远发展 is near 持久发展 (said on
# one side only), 绿色转型 and 低碳转型 share the English name "green transition".
_TERMS = [
    ("持久发展", ["lasting development"], "世代延续、长期不断的发展过程。", ""),
    ("长远发展", ["long-term development"], "着眼未来若干年的发展安排。", 'near = ["持久发展"]'),
    ("绿色转型", ["green transition", "greening"], "经济社会向资源节约方向的转变。", ""),
    ("低碳转型", ["green transition", "decarbonisation"], "能源结构向少排放方向的转变。", ""),
    ("能源安全", ["energy security"], "能源供应稳定可靠、价格可以承受的状态。", ""),
    ("循环利用", ["recycling"], "废弃物经过处理后重新投入生产使用。", ""),
    ("节约用水", ["water saving"], "在生产生活中减少水的消耗和浪费。", ""),
    ("植树造林", ["afforestation"], "在无林地上种植树木、培育森林的活动。", ""),
]


def _write(tmp_path: Path, extra: str = "") -> Path:
    parts = ['[glossary]\ntitle = "近义测试"\n']
    for text, english, definition, more in _TERMS:
        names = ", ".join(f'"{e}"' for e in english)
        parts.append(
            f'[[term]]\nterm = "{text}"\nenglish = [{names}]\ndefinition = "{definition}"\n'
            f'examples = ["这份规划专门写了{text}一节。"]\ncategory = "测试"\n{more}\n'
        )
    path = tmp_path / "g.toml"
    path.write_text("\n".join(parts) + extra, encoding="utf-8")
    return path


def _named(glossary: Glossary, text: str) -> Term:
    return next(t for t in glossary.terms if t.term == text)


def _shown_terms(q: Question) -> set[str]:
    """The other terms a question puts beside its answer: options, match items, and whose
    definition a true/false statement shows."""
    shown = set(q.options) | set(q.items) | {q.statement_term}
    return shown - {q.term, ""}


def test_near_is_loaded_by_text_or_id_and_an_unknown_name_is_placed(tmp_path: Path) -> None:
    path = _write(tmp_path)
    glossary = load_glossary(path)
    assert _named(glossary, "长远发展").near == (_named(glossary, "持久发展").id,)
    assert _named(glossary, "持久发展").near == ()  # symmetric in use, not rewritten
    bad = _write(
        tmp_path, '\n[[term]]\nterm = "节能"\ndefinition = "节约能源。"\nnear = ["无此"]\n'
    )
    with pytest.raises(FileProblemError) as refused:
        load_glossary(bad)
    (problem,) = refused.value.problems
    assert problem.key == "check.term.near_unknown"
    line = bad.read_text(encoding="utf-8").splitlines().index('near = ["无此"]') + 1
    assert (problem.line, problem.column) == (line, 9)


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "pinyin"])
def test_near_synonyms_and_shared_english_names_are_never_rivals(tmp_path: Path, kind: str) -> None:
    glossary = load_glossary(_write(tmp_path))
    pairs = {
        "持久发展": "长远发展",
        "长远发展": "持久发展",
        "绿色转型": "低碳转型",
        "低碳转型": "绿色转型",
    }
    asked = 0
    for text, rival in pairs.items():
        for seed in range(30):
            q = make_question(glossary, _named(glossary, text), kind, random.Random(seed))
            if isinstance(q, Question):
                asked += 1
                assert rival not in _shown_terms(q), (kind, text, q)
    assert asked >= 30


def test_an_english_name_two_terms_share_is_a_relation_of_the_judge(tmp_path: Path) -> None:
    glossary = load_glossary(_write(tmp_path))
    assert same_thing(glossary, _named(glossary, "绿色转型"), _named(glossary, "低碳转型"))
    assert same_thing(glossary, _named(glossary, "持久发展"), _named(glossary, "长远发展"))


@pytest.fixture(scope="module")
def shipped() -> Glossary:
    return load_glossary(ROOT / "glossary.toml")


def _paper(kind: str, count: int, seed: int) -> PaperSpec:
    return PaperSpec(title="t", seed=seed, sections=(PaperSection(None, kind, count),))  # type: ignore[arg-type]


def test_the_reported_near_synonyms_are_never_offered_together(shipped: Glossary) -> None:
    """QA: en-term seed 7 offered 可持续发展 for `perpetual development` (永续发展); the
    example paper with seed 1 matched 零碳 and 碳中和 (both "net zero") in one question."""
    for a, b in (("永续发展", "可持续发展"), ("零碳", "碳中和")):
        assert same_thing(shipped, _named(shipped, a), _named(shipped, b))
    example = load_paper(ROOT / "papers" / "example.toml", shipped)
    for seed in range(12):
        for spec in (_paper("en-term", 90, seed), replace(example, seed=seed)):
            for q in build_paper(shipped, spec).questions:
                for pair in ({"永续发展", "可持续发展"}, {"零碳", "碳中和"}):
                    asked = {q.term} if q.kind != "match" else set(q.items)
                    assert not (asked & pair and pair <= _shown_terms(q) | {q.term}), q
                assert problems(shipped, q) == [], q


@pytest.mark.parametrize("narrow", ["节能减排技术", "清洁能源技术", "绿色建筑技术", "CCUS"])
def test_kinds_of_low_carbon_technology_are_not_its_definition(
    shipped: Glossary, narrow: str
) -> None:
    """QA: seed 1 Q15 低碳技术 (term→definition) offered the definitions of 节能减排技术 and
    清洁能源技术, kinds of low-carbon technology by 低碳技术's own definition (节能提效、可再生
    能源利用…碳捕集利用与封存); a true/false paired 低碳技术 with 清洁能源技术's keyed 错."""
    broad, narrower = _named(shipped, "低碳技术"), _named(shipped, narrow)
    assert broad.id in narrower.broader
    for seed in range(40):
        for kind in ("term-def", "truefalse", "match"):
            for asked, other in ((broad, narrower), (narrower, broad)):
                q = make_question(shipped, asked, kind, random.Random(seed))
                if isinstance(q, Question):
                    assert other.term not in _shown_terms(q)
                    assert other.definition[:12] not in "".join(q.options) + q.statement
