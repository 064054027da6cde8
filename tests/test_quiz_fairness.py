"""Issue 7, items 1 to 3, proved over the shipped glossary: no question offers two options
that both fit, shows a text that gives its answer away, or a definition gutted by masking.
The judge is tests/fairness.py, written apart from the engine; bench/scan_fairness.py prints
the same scan's figures over more seeds."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.model import Glossary, Term
from carbon_glossary.core.paper import build_paper, load_paper
from carbon_glossary.core.quiz import BLANK, Question, Skip, make_question
from fairness import could_define, could_fill, could_fit, problems, scan

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def shipped() -> Glossary:
    return load_glossary(ROOT / "glossary.toml")


def named(glossary: Glossary, text: str) -> Term:
    return next(t for t in glossary.terms if t.term == text)


def made(glossary: Glossary, text: str, kind: str, seed: int) -> Question | Skip:
    return make_question(glossary, named(glossary, text), kind, random.Random(seed))


def test_no_unfair_question_over_25_seeds(shipped: Glossary) -> None:
    """The reviewer's scan: the example paper with 25 seeds, and 25 random quizzes of every
    kind. Before the fix about one cloze in seven offered a pair that both fit."""
    paper = load_paper(ROOT / "papers" / "example.toml", shipped)
    asked, _, _, examples = scan(shipped, paper, range(25))
    assert sum(asked.values()) > 1500
    assert examples == []


@pytest.mark.parametrize(
    ("answer", "rival"),
    [
        ("可再生能源", "非化石能源"),  # named in its definition: 增加太阳能、风能等＿＿
        ("分布式能源系统", "新型电力系统"),  # the same head: 推动＿＿建设
        ("煤炭消费总量控制", "能耗双控"),  # related: 严格＿＿，新上项目须落实煤炭减量替代
        ("碳汇", "生态碳汇"),  # nested: 植树造林可以增加＿＿
    ],
)
def test_the_reported_pairs_are_never_offered(shipped: Glossary, answer: str, rival: str) -> None:
    assert could_fill(shipped, named(shipped, answer), named(shipped, rival))
    asked = 0
    for seed in range(60):
        q = made(shipped, answer, "cloze", seed)
        if isinstance(q, Question):
            asked += 1
            assert rival not in q.options, q.prompt
    assert asked or answer == "煤炭消费总量控制"  # its sentences show 煤炭, held by no other


def test_true_false_never_shows_a_near_synonyms_definition(shipped: Glossary) -> None:
    for seed in range(40):
        q = made(shipped, "碳排放", "truefalse", seed)
        assert isinstance(q, Question)
        assert q.statement_term not in ("二氧化碳排放", "温室气体", "碳达峰")  # nested, related


def test_match_never_pairs_terms_whose_definitions_fit_each_other(shipped: Glossary) -> None:
    for term in shipped.terms[:30]:
        for seed in range(3):
            q = made(shipped, term.term, "match", seed)
            assert isinstance(q, Question)
            items = [named(shipped, i) for i in q.items]
            for i, a in enumerate(items):
                assert not any(could_define(shipped, a, b) for b in items[i + 1 :])


@pytest.mark.parametrize(
    ("term", "expansion"),
    [
        ("“两高”项目", "高耗能、高排放项目的简称"),
        ("全国碳市场", "全国碳排放权交易市场的简称"),
        ("绿证", "可再生能源绿色电力证书的简称"),
    ],
)
def test_an_abbreviations_expansion_is_not_masked(
    shipped: Glossary, term: str, expansion: str
) -> None:
    """Issue 7 item 2: “＿＿的简称。国家要求坚决遏制＿＿盲目发展…” defined nothing."""
    for kind in ("term-def", "truefalse", "match"):
        for seed in range(10):
            q = made(shipped, term, kind, seed)
            if kind == "term-def" and isinstance(q, Skip):
                # 全国碳排放权交易市场的简称 repeats 全国碳 of the stem in one option only
                assert q.reason == "giveaway"
                continue
            assert isinstance(q, Question)
            shown = [*q.options, q.statement]
            own = next((s for s in shown if expansion in s), None)
            if kind == "term-def":
                assert own is not None and not own.startswith(BLANK)
    for seed in range(10):
        q = made(shipped, term, "def-term", seed)
        if isinstance(q, Question):
            assert q.prompt.startswith(expansion)
        else:
            assert q.reason == "giveaway"  # the expansion shows a pair only the answer holds


def test_no_definition_shown_is_left_without_content(shipped: Glossary) -> None:
    for term in shipped.terms:
        q = made(shipped, term.term, "term-def", 0)
        if isinstance(q, Question):
            rest = q.options[q.answer_index or 0].replace(BLANK, "")
            assert len(rest) >= 6
            assert not q.options[q.answer_index or 0].startswith(f"{BLANK}的简称")


def test_a_reading_note_never_shows(shipped: Glossary) -> None:
    """Issue 7 item 3: “荷”读hè names a character of 源网荷储."""
    for kind in ("def-term", "term-def", "cloze", "truefalse"):
        for seed in range(20):
            q = made(shipped, "源网荷储", kind, seed)
            if isinstance(q, Question):
                assert "读hè" not in q.prompt + q.statement + "".join(q.options)
                assert not problems(shipped, q)


def test_a_named_place_does_not_give_the_document_away(shipped: Glossary) -> None:
    """Issue 7 item 3: 山东省人民政府于2022年12月印发的文件（＿＿）with 山东 in one option only."""
    for seed in range(20):
        q = made(shipped, "《山东省碳达峰实施方案》", "def-term", seed)
        if isinstance(q, Question):
            others = [o for o in q.options if o != q.answer]
            assert any("山" in o or "东" in o for o in others)
        else:
            assert q.reason == "giveaway"


def questions_of(glossary: Glossary, text: str, kind: str, seeds: int = 20) -> list[Question]:
    found = [made(glossary, text, kind, seed) for seed in range(seeds)]
    return [q for q in found if isinstance(q, Question)]


def test_the_judge_knows_the_reported_giveaways(shipped: Glossary) -> None:
    """The QA trial's questions as main made them: the judge must call each unfair, or a
    scan that finds nothing proves nothing."""
    jinan = named(shipped, "《济南市碳达峰工作方案》")
    others = [
        "对《济南市槐荫区碳达峰工作方案》的官方政策解读，是本术语表的依据文件。",
        "山东省人民政府于2022年12月印发的文件（＿＿），明确了山东省碳达峰工作的主要目标。",
        "国务院于2021年10月印发的文件（＿＿），明确了我国2030年前实现碳达峰的主要目标。",
    ]
    right = "济南市人民政府于2023年6月印发的文件（＿＿），明确了济南市碳达峰工作的主要目标。"
    q6 = Question("term-def", jinan.id, jinan.term, (right, *others), right, 0)
    assert ("giveaway", f"市碳达 of {jinan.term} shown in the right option") in problems(
        shipped, q6
    )
    house = named(shipped, "装配式建筑")
    q = Question(
        "def-term",
        house.id,
        "由预制部品部件在工地装配而成的建筑，常见装配式混凝土结构、钢结构和木结构建筑。",
        ("装配式建筑", "绿色建筑", "碳排放配额", "绿色出行"),
        "装配式建筑",
        0,
    )
    # 装配式 shown whole, and its pairs 装配 / 配式, which no other option holds
    assert {rule for rule, _ in problems(shipped, q)} == {"giveaway"}
    ccus = named(shipped, "CCUS")
    spelt = "＿＿（Carbon Capture, Utilization and Storage）的英文缩写：将二氧化碳捕集、利用。"
    q = Question("term-def", ccus.id, "CCUS", (spelt, *others), spelt, 0)
    assert {"initials", "gutted"} <= {rule for rule, _ in problems(shipped, q)}
    pv = named(shipped, "光伏")
    gutted = "“＿＿”的简称，利用半导体材料的光生伏特效应把太阳光能直接转换为电能。"
    q = Question("truefalse", pv.id, "光伏", ("对", "错"), "对", 0, statement=gutted)
    assert [rule for rule, _ in problems(shipped, q)] == ["gutted"]


@pytest.mark.parametrize(
    ("term", "words"),
    [
        ("《济南市碳达峰工作方案》", "济南市碳达峰"),  # 济南市人民政府…济南市碳达峰工作
        ("《2030年前碳达峰行动方案》", "2030"),  # 国务院…我国2030年前实现碳达峰
    ],
)
def test_a_policy_documents_own_words_are_not_only_in_the_right_definition(
    shipped: Glossary, term: str, words: str
) -> None:
    """Issue 7 item 3, term→definition: the stem's distinctive words (2030年前, 济南市碳达峰)
    repeated by the right definition alone. Each run of three characters of the term that
    the right option shows must show in another option too, or the term is not asked so."""
    for seed in range(20):
        q = made(shipped, term, "term-def", seed)
        if isinstance(q, Question):
            assert q.answer_index is not None
            right = q.options[q.answer_index]
            if words[:3] in right:
                others = [o for i, o in enumerate(q.options) if i != q.answer_index]
                assert any(words[:3] in o for o in others), right
            assert not problems(shipped, q)
        else:
            assert q.reason == "giveaway"


def test_the_example_paper_still_asks_two_policy_documents(shipped: Glossary) -> None:
    """The rule leaves two documents askable as term→definition: the paper's section holds."""
    paper = load_paper(ROOT / "papers" / "example.toml", shipped)
    for seed in range(5):
        built = build_paper(shipped, replace(paper, seed=seed)).questions
        documents = [q for q in built if q.kind == "term-def" and q.category == "政策文件"]
        assert len(documents) == 2


def test_a_run_of_three_shown_needs_an_option_holding_it(shipped: Glossary) -> None:
    """Issue 7 item 3: 装配而成的建筑，常见装配式混凝土结构 — 碳排放配额 holding 配 covered the
    pair 装配 under the one-character rule, yet 装配式 was in one option only."""
    for q in questions_of(shipped, "装配式建筑", "def-term"):
        others = [o for o in q.options if o != q.answer]
        assert "装配式" not in q.prompt or any("装配式" in o for o in others)
    skip = made(shipped, "装配式建筑", "def-term", 0)
    assert isinstance(skip, Skip) and skip.reason == "giveaway"


@pytest.mark.parametrize("glossary_file", ["glossary.toml", "tests/data/quiz_ui_glossary.toml"])
def test_a_term_named_inside_the_answer_is_its_meaning_not_a_hint(glossary_file: str) -> None:
    """碳达峰与碳中和的合称 shows 碳达峰 and 碳中和 of 碳达峰碳中和, each a term of its own and
    so never a distractor: under the run-of-three rule alone 碳达峰碳中和 could not be asked
    as term→definition (the session test glossary's study round lost it, 1c20e5d). A
    run inside the name of a term the answer is made of explains it; other runs still count
    (市碳达 of 《济南市碳达峰工作方案》, where 碳达峰 alone would be excused)."""
    glossary = load_glossary(ROOT / glossary_file)
    both = named(glossary, "碳达峰碳中和")
    asked = questions_of(glossary, both.term, "term-def")
    assert len(asked) == 20
    assert all(not problems(glossary, q) for q in asked)
    right = "碳达峰与碳中和的合称，简称“双碳”。"
    others = ("指二氧化碳排放量达到峰值。", "植树造林增加碳汇。", "市场中交易的配额。")
    q = Question("term-def", both.id, both.term, (right, *others), right, 0)
    assert problems(glossary, q) == []


def test_a_term_merely_named_in_a_definition_is_a_distractor_again(shipped: Glossary) -> None:
    """Issue 7 item 1 over-excluded: 碳达峰's definition names 碳排放 (碳排放量达到历史最高
    值), so 碳排放 was never offered with 碳达峰 though it does not fit that definition.
    Where that definition is shown, 碳排放 named in it is now struck or chosen at sight (QA
    findings 2: def-term's stem, item 26; a match's definitions beside its terms, item 7),
    so it is left out there; where it is not shown (en-term), 碳排放 is a distractor."""
    peak = named(shipped, "碳达峰")
    offered = [
        q
        for seed in range(20)
        if isinstance(q := made(shipped, peak.term, "en-term", seed), Question)
        and "碳排放" in q.options
    ]
    assert offered
    assert all(not problems(shipped, q) for q in offered)


@pytest.mark.parametrize(
    ("term", "other", "kind_of"),
    [
        ("可再生能源", "非化石能源", True),  # 属于非化石能源 (and broader)
        ("非化石能源", "可再生能源", True),  # 包括太阳能、风能…等可再生能源以及核能
        ("新能源", "太阳能", True),  # 常指太阳能、风能、…
        ("绿色低碳技术", "节能减排技术", True),  # 包括清洁能源技术、节能减排技术、…
        ("永续发展", "可持续发展", True),  # 含义与“可持续发展”相近
        ("化石能源", "可再生能源", False),  # 属于不可再生能源
        ("分布式能源系统", "光伏", False),  # 如屋顶分布式光伏
        ("低碳技术", "可再生能源", False),  # 涵盖节能提效、可再生能源利用
        ("重点排放单位", "全国碳市场", False),  # 属于全国碳市场覆盖的行业
        ("碳达峰", "碳排放", False),  # 碳排放量达到历史最高值
    ],
)
def test_the_judge_tells_a_kind_from_a_mention(
    shipped: Glossary, term: str, other: str, kind_of: bool
) -> None:
    a, b = named(shipped, term), named(shipped, other)
    assert could_fit(shipped, a, b)  # named in the definition: still kept out of cloze, 对/错
    assert could_define(shipped, a, b) is kind_of
    if kind_of:  # and the engine never offers the pair where a definition is the question
        for seed in range(10):
            q = made(shipped, term, "def-term", seed)
            assert not isinstance(q, Question) or other not in q.options


def test_no_definition_spells_a_latin_term_by_initials(shipped: Glossary) -> None:
    """Issue 7 item 3: ＿＿（Carbon Capture, Utilization and Storage）的英文缩写 spells CCUS."""
    for kind in ("term-def", "def-term", "truefalse", "match"):
        for q in questions_of(shipped, "CCUS", kind, 10):
            assert "Carbon Capture" not in q.prompt + q.statement + "".join(q.options)
            assert not problems(shipped, q)


def test_a_latin_term_spelt_by_its_definition_is_not_asked_by_definition(
    shipped: Glossary,
) -> None:
    """Where the English words are no lead clause to drop, the definition kinds are skipped."""
    ccus = named(shipped, "CCUS")
    spelling = replace(
        ccus, definition="指碳捕集（Carbon Capture）、利用（Utilization）与封存（Storage）技术。"
    )
    glossary = replace(shipped, terms=tuple(spelling if t is ccus else t for t in shipped.terms))
    for kind in ("term-def", "def-term", "truefalse", "match"):
        skip = make_question(glossary, spelling, kind, random.Random(0))
        assert isinstance(skip, Skip) and skip.reason == "giveaway", kind
    for term in glossary.terms[:40]:
        q = make_question(glossary, term, "match", random.Random(1))
        if isinstance(q, Question):
            assert "CCUS" not in q.items or term is spelling


def test_an_expansion_holding_the_term_leaves_no_self_abbreviation(shipped: Glossary) -> None:
    """Issue 7 item 2: 光伏 is “光伏发电”的简称; masked, that read “＿＿”的简称, the term the
    short form of itself. The clause is dropped; what follows defines it."""
    for kind in ("term-def", "def-term", "truefalse", "match"):
        for q in questions_of(shipped, "光伏", kind, 10):
            shown = q.prompt + q.statement + "".join(q.options)
            assert f"{BLANK}”的简称" not in shown and f"{BLANK}的简称" not in shown
            assert "光生伏特效应" in shown or kind == "truefalse"
            assert not problems(shipped, q)


def test_pinyin_questions_are_for_terms_of_up_to_six_syllables(shipped: Glossary) -> None:
    long = named(shipped, "《关于〈槐荫区碳达峰工作方案〉的解读》")
    skip = make_question(shipped, long, "pinyin", random.Random(0))
    assert isinstance(skip, Skip) and skip.reason == "too_long"
    assert skip.message()
    asked = make_question(shipped, long, "pinyin", random.Random(0), pinyin_max_syllables=None)
    assert isinstance(asked, Question)
    assert isinstance(made(shipped, "碳达峰", "pinyin", 0), Question)


@pytest.mark.parametrize(
    ("answer", "words", "rival"),
    [
        ("分布式能源系统", "推动＿＿建设", "新能源"),  # 推动新能源建设…减少对化石能源的依赖
        ("分布式能源系统", "推动＿＿建设", "可再生能源"),
        ("分布式能源系统", "推动＿＿建设", "清洁能源"),
        ("碳足迹", "核算产品＿＿", "碳排放"),  # 企业核算产品碳排放，可以找出…排放最多的环节
        ("分布式能源系统", "推动＿＿建设", "非化石能源"),
        ("绿色低碳发展", "向＿＿迈进", "碳中和"),  # 全面推动全社会向碳中和迈进
        ("绿色低碳发展", "向＿＿迈进", "碳达峰碳中和"),
        ("绿色低碳发展", "向＿＿迈进", "零碳"),
        ("碳达峰碳中和", "＿＿是党中央", "绿色低碳发展"),  # 绿色低碳发展是…重大战略决策
    ],
)
def test_a_generic_sentence_offers_no_term_it_would_read_true_with(
    shipped: Glossary, answer: str, words: str, rival: str
) -> None:
    """Issue 7 item 1, generic cloze sentences: read with the rival, each of these reads as
    true as with the answer (found by reading every example cloze with the distractors it
    was offered over 30 seeds). The glossary now links the pair by ``related`` (each link
    true of the two terms), which keeps the rival out of the blank."""
    assert could_fill(shipped, named(shipped, answer), named(shipped, rival))
    asked = [q for q in questions_of(shipped, answer, "cloze", 40) if words in q.prompt]
    assert asked
    assert all(rival not in q.options for q in asked)


@pytest.mark.parametrize(
    ("answer", "generic"),
    [
        ("可持续发展", "节约资源、保护环境，才能实现＿＿"),  # 碳中和, 碳达峰 read true too
        ("绿色建材", "政府投资工程带头采购使用＿＿。"),  # 新能源汽车 reads true too
        ("氢能", "氢燃料电池汽车以＿＿为动力"),  # 清洁能源, 非化石能源 read true too
    ],
)
def test_a_generic_example_gave_way_to_a_specific_one(
    shipped: Glossary, answer: str, generic: str
) -> None:
    """Issue 7 item 1: three examples written by the editors said nothing that only their
    term makes true; they now say what only it is (可持续发展: the needs of future
    generations; 氢能: a secondary energy whose hydrogen must first be made; 绿色建材: such
    as certified energy-saving windows and insulation)."""
    term = named(shipped, answer)
    assert all(term.term in example for example in term.examples)
    asked = questions_of(shipped, answer, "cloze", 40)
    assert asked and not any(generic in q.prompt for q in asked)
