"""The quiz engine: every question it makes can be answered, its distractors are plausible and
never ambiguous, kinds a term cannot support are skipped with a reason, and answers are
checked the way people give them."""

from __future__ import annotations

import itertools
import random
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carbon_glossary import i18n
from carbon_glossary.core import quiz
from carbon_glossary.core.grading import normalise_text
from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.model import Glossary, Term
from carbon_glossary.core.quiz import (
    BLANK,
    CHOICE_KINDS,
    KINDS,
    Question,
    Skip,
    SkipReason,
    check_answer,
    check_support,
    instruction,
    kind_name,
    make_question,
    make_quiz,
    mask_term,
    supported_terms,
)
from quiz_glossary import TERMS, make_glossary, make_term, sample_glossary

GLOSSARY = sample_glossary()


def term(glossary: Glossary, text: str) -> Term:
    return next(t for t in glossary.terms if t.term == text)


def question(text: str, kind: str, seed: int = 0, glossary: Glossary = GLOSSARY) -> Question:
    made = make_question(glossary, term(glossary, text), kind, random.Random(seed))
    assert isinstance(made, Question), made
    return made


# 碳达峰 holds no character with two modern readings
_ASKED_AS = {"reading": "调峰"}


def test_kind_names() -> None:
    assert KINDS == (
        "term-def",
        "def-term",
        "en-term",
        "pinyin",
        "cloze",
        "truefalse",
        "match",
        "reading",
    )
    for kind in KINDS:
        assert kind_name(kind) != f"quiz.kind.{kind}"
        assert instruction(kind) != f"quiz.instruction.{kind}"
    for reason in get_args(SkipReason):
        assert not Skip("pinyin", "x", reason, "碳汇").message().startswith("quiz.")


def assert_answerable(q: Question) -> None:
    """The answer is offered once, options are distinct, the answer checks as right and
    every other option as wrong."""
    if q.kind in CHOICE_KINDS:
        keys = [normalise_text(o) for o in q.options]
        assert len(set(keys)) == len(keys), q.options
        assert all(keys), q.options
        assert q.answer_index is not None
        assert q.options[q.answer_index] == q.answer
        assert keys.count(normalise_text(q.answer)) == 1
        for i in range(len(q.options)):
            verdict = check_answer(q, i)
            assert verdict.correct == (i == q.answer_index), (i, q)
            assert verdict.chosen == i
        assert check_answer(q, q.answer).correct
        for other in q.options:
            if other != q.answer:
                assert not check_answer(q, other).correct
        for form in q.accepted:
            assert check_answer(q, form).correct
    elif q.mode == "match":
        assert sorted(q.pairs) == list(range(len(q.items)))
        assert len({normalise_text(i) for i in q.items}) == len(q.items)
        assert len({normalise_text(o) for o in q.options}) == len(q.options)
        assert check_answer(q, list(q.pairs)).correct
        assert check_answer(q, q.answer).correct
        shifted = list(q.pairs[1:] + q.pairs[:1])
        assert not check_answer(q, shifted).correct
    else:
        assert q.mode == "typed-reading"
        assert check_answer(q, q.answer).correct
        assert check_answer(q, " ".join(q.syllables)).correct
        assert check_answer(q, "".join(q.syllables)).correct


@settings(max_examples=400, deadline=None)
@given(
    index=st.integers(0, len(TERMS) - 1),
    kind=st.sampled_from(KINDS),
    seed=st.integers(0, 2**32),
)
def test_every_question_is_answerable(index: int, kind: str, seed: int) -> None:
    made = make_question(GLOSSARY, GLOSSARY.terms[index], kind, random.Random(seed))
    if isinstance(made, Skip):
        assert check_support(GLOSSARY, GLOSSARY.terms[index], kind) == made
        assert made.message()
        return
    assert made.kind == kind
    assert made.term_id == GLOSSARY.terms[index].id
    assert_answerable(made)


@settings(max_examples=200, deadline=None)
@given(index=st.integers(0, len(TERMS) - 1), kind=st.sampled_from(KINDS))
def test_support_does_not_depend_on_chance(index: int, kind: str) -> None:
    term_ = GLOSSARY.terms[index]
    supported = check_support(GLOSSARY, term_, kind) is None
    for seed in range(5):
        made = make_question(GLOSSARY, term_, kind, random.Random(seed))
        assert isinstance(made, Question) == supported


def test_same_seed_same_question() -> None:
    for kind in KINDS:
        a = make_question(GLOSSARY, GLOSSARY.terms[0], kind, random.Random(7))
        b = make_question(GLOSSARY, GLOSSARY.terms[0], kind, random.Random(7))
        assert a == b


def test_term_to_definition_masks_each_definition_own_term() -> None:
    """The term is the stem: no option names it, and its own definition says what it is
    without a blank where it would fit (QA findings 2, item 26)."""
    q = question("碳中和", "term-def")
    assert q.prompt == "碳中和"
    assert q.answer == "指排放的二氧化碳通过植树造林等方式全部抵消，实现净零排放。"
    assert q.definition.startswith("碳中和是指")  # the explanation keeps the real text
    for option in q.options:
        assert "碳中和" not in option or "碳达峰与碳中和" in option


def test_masking_covers_traditional_forms_and_aliases() -> None:
    t = make_term(
        "碳达峰碳中和",
        "tan4 da2 feng1 tan4 zhong1 he2",
        "碳達峰碳中和，简称“双碳”。",
        traditional="碳達峰碳中和",
        aliases=("双碳",),
    )
    assert mask_term(t.definition, t) == f"{BLANK}，简称“{BLANK}”。"
    assert (
        mask_term("CCUS技术和ccus技术", make_term("CCUS技术", "ji4 shu4")) == BLANK + "和" + BLANK
    )


def test_masking_leaves_longer_terms_whole() -> None:
    """碳排放's definition mentions 二氧化碳排放, a term of its own: no 二氧化＿＿."""
    t = term(GLOSSARY, "碳排放")
    assert mask_term(t.definition, t, GLOSSARY) == "“二氧化碳排放”或“温室气体排放”的简称。"
    # shown as a def-term prompt, only the answer would hold 排放: no such question
    skip = make_question(GLOSSARY, t, "def-term", random.Random(0))
    assert isinstance(skip, Skip) and skip.reason == "giveaway"


def test_definition_to_term_hides_the_term() -> None:
    for seed in range(10):
        q = question("碳中和", "def-term", seed)
        assert q.prompt == f"{BLANK}是指排放的二氧化碳通过植树造林等方式全部抵消，实现净零排放。"
        assert q.answer == "碳中和"
    t = term(GLOSSARY, "碳达峰碳中和")
    assert mask_term(t.definition, t, GLOSSARY) == f"碳达峰与碳中和的合称，简称“{BLANK}”。"
    q = question("碳达峰碳中和", "cloze")
    assert set(q.accepted) == {"碳达峰碳中和", "碳達峰碳中和", "双碳"}


def test_identical_definitions_never_meet() -> None:
    """温室气体 and 温室效应气体 share a definition: neither may be a distractor for the other,
    and one's definition is never offered as false for the other."""
    pair = {"温室气体", "温室效应气体"}
    for seed in range(60):
        for text in pair:
            def_term = make_question(
                GLOSSARY, term(GLOSSARY, text), "def-term", random.Random(seed)
            )
            assert isinstance(def_term, Skip) or not pair <= set(def_term.options)
            term_def = question(text, "term-def", seed)
            definitions = [normalise_text(o) for o in term_def.options]
            assert len(set(definitions)) == len(definitions)
            tf = question(text, "truefalse", seed)
            assert tf.statement_term in {text} | (set(t.term for t in TERMS) - pair)
            match = question(text, "match", seed)
            assert not pair <= set(match.items)


def test_distractors_come_from_the_same_category_first() -> None:
    energy = [t for t in GLOSSARY.terms if t.category == "能源"]
    names = {t.term for t in energy}
    definitions = {mask_term(t.definition, t, GLOSSARY) for t in energy}
    for seed in range(20):
        assert set(question("可再生能源", "term-def", seed).options) <= definitions
        assert set(question("可再生能源", "en-term", seed).options) <= names


def test_distractors_prefer_shared_characters_and_syllables() -> None:
    """For 碳达峰, the 碳 terms of its category come up far more often than 温室气体. 碳排放,
    named verbatim in the definition shown (碳排放量达到历史最高值), is never offered: an
    option the stem names is struck or chosen at sight (QA findings 2, item 26)."""
    seen: Counter[str] = Counter()
    for seed in range(100):
        seen.update(question("碳达峰", "def-term", seed).options)
    assert seen["碳中和"] > seen["温室效应气体"]
    assert seen["二氧化碳排放"] > seen["温室气体"]
    assert seen["碳排放"] == 0


def test_english_to_term() -> None:
    q = question("调峰", "en-term")
    assert q.prompt in ("peak regulation", "peak shaving")
    assert q.answer == "调峰"
    assert check_answer(q, "調峰").correct


def test_english_shared_between_terms_is_not_ambiguous() -> None:
    a = make_term("绿证", "lv4 zheng4", "绿色电力证书的简称。", english=("green certificate",))
    b = make_term(
        "绿色电力证书",
        "lv4 se4 dian4 li4 zheng4 shu1",
        "证明绿电的凭证。",
        english=("green certificate", "GEC"),
    )
    others = [
        make_term(f"术语{i}", "shu4 yu3", f"定义{i}。", english=(f"term {i}",), term_id=f"t{i}")
        for i in "甲乙丙丁"
    ]
    glossary = make_glossary(a, b, *others)
    for seed in range(20):
        q = question("绿证", "en-term", seed, glossary)
        assert "绿色电力证书" not in q.options


def test_pinyin_question() -> None:
    q = question("碳达峰", "pinyin")
    assert q.prompt == "碳达峰"
    assert q.options == ()
    assert q.answer == q.pinyin == "tàn dá fēng"
    assert check_answer(q, "tan4da2feng1").correct
    assert not check_answer(q, "tan da feng").correct
    assert check_answer(q, "tan da feng", strict=False).correct
    wrong = check_answer(q, "tan4 da4 feng1")
    assert wrong.pinyin is not None
    assert "第2个音节声调不对：应为 dá（第二声），你写的是 dà（第四声）" in wrong.explain()


def test_pinyin_question_on_a_term_with_latin_letters() -> None:
    q = question("CCUS技术", "pinyin")
    assert q.answer == "CCUS jì shù"
    assert check_answer(q, "ji4 shu4").correct
    assert check_answer(q, "CCUS ji4shu4").correct


def test_cloze_blanks_the_term_and_accepts_typing_or_picking() -> None:
    q = question("碳达峰", "cloze")
    assert q.prompt == f"为实现{BLANK}目标，《工作方案》提出了实施{BLANK}“十大行动”。"
    assert q.answer == "碳达峰"
    assert check_answer(q, "碳達峰").correct
    assert check_answer(q, " 碳达峰。").correct
    assert check_answer(q, q.answer_index).correct
    assert not check_answer(q, "碳中和").correct


def test_cloze_never_offers_a_term_standing_in_the_sentence() -> None:
    asked = 0
    for t in GLOSSARY.terms:
        for seed in range(5):
            q = make_question(GLOSSARY, t, "cloze", random.Random(seed))
            if isinstance(q, Skip):
                continue
            asked += 1
            for option in q.options:
                if option != q.answer:
                    assert option not in q.prompt
    assert asked > 40


def test_cloze_never_offers_a_term_that_nests_with_the_answer() -> None:
    """生态碳汇 would fill the blank of 碳汇 just as well, so it is no distractor for it."""
    terms = [
        make_term(
            "碳汇", "tan4 hui4", "吸收二氧化碳的过程。", examples=("植树造林可以增加碳汇。",)
        ),
        make_term("生态碳汇", "sheng1 tai4 tan4 hui4", "生态系统的碳汇。", term_id="st"),
        *TERMS[:4],
    ]
    glossary = make_glossary(*terms)
    for seed in range(20):
        q = question("碳汇", "cloze", seed, glossary)
        assert "生态碳汇" not in q.options
        assert q.prompt == f"植树造林可以增加{BLANK}。"


def test_cloze_falls_back_to_other_terms_definitions() -> None:
    """储能 has no example, but 调峰's definition names it."""
    storage = make_term("储能", "chu3 neng2", "把能量储存起来以后再用。", category="能源")
    peak = make_term(
        "调峰", "tiao2 feng1", "发电出力随负荷调整，储能也可参与。", source="调峰的出处"
    )
    glossary = make_glossary(*TERMS[:3], storage, replace(peak, category="能源"))
    q = question("储能", "cloze", glossary=glossary)
    assert q.prompt == f"发电出力随负荷调整，{BLANK}也可参与。"
    assert q.source == "调峰的出处"


def test_true_false() -> None:
    outcomes = set()
    for seed in range(30):
        q = question("碳达峰", "truefalse", seed)
        assert q.options == ("对", "错")
        assert q.prompt == "碳达峰"
        outcomes.add(q.answer_index)
        if q.answer_index == 0:
            assert q.statement_term == "碳达峰"
            assert check_answer(q, True).correct
            assert check_answer(q, "对").correct
            assert not check_answer(q, "错").correct
        else:
            assert q.statement_term != "碳达峰"
            assert check_answer(q, False).correct
            assert check_answer(q, "false").correct
            assert not check_answer(q, "是").correct
            assert f"这是“{q.statement_term}”的定义。" in check_answer(q, True).explain()
    assert outcomes == {0, 1}


def test_match_scores_each_pair() -> None:
    q = question("碳达峰", "match")
    assert len(q.items) == len(q.options) == 5
    assert q.item_ids[q.items.index("碳达峰")] == "tan-da-feng"
    assert set(q.term_ids) == set(q.item_ids)
    answer = list(q.pairs)
    answer[0], answer[1] = answer[1], answer[0]
    verdict = check_answer(q, answer)
    assert not verdict.correct
    assert verdict.score == pytest.approx(3 / 5)
    assert verdict.pairs_correct.count(False) == 2
    assert "配对正确 3/5。" in verdict.explain()
    letters = "".join(chr(ord("A") + p) for p in q.pairs)
    assert check_answer(q, letters).correct
    assert check_answer(q, dict(enumerate(q.pairs))).correct


def test_answers_by_letter() -> None:
    q = question("碳达峰", "term-def")
    assert q.answer_index is not None
    letter = "ABCD"[q.answer_index]
    assert check_answer(q, letter).correct
    assert check_answer(q, letter.lower()).correct
    assert not check_answer(q, "ABCD"[(q.answer_index + 1) % 4]).correct


@pytest.mark.parametrize("kind", KINDS)
def test_unanswered(kind: str) -> None:
    q = question(_ASKED_AS.get(kind, "碳达峰"), kind)
    for given_ in (None, "", "   "):
        verdict = check_answer(q, given_)
        assert not verdict.correct
        assert verdict.unanswered
        assert verdict.score == 0
        assert verdict.explain()[0] == "未作答。"


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from(KINDS),
    answer=st.one_of(
        st.none(),
        st.text(max_size=30),
        st.integers(-5, 10),
        st.booleans(),
        st.lists(st.one_of(st.none(), st.integers(-2, 7)), max_size=7),
        st.dictionaries(st.integers(-1, 6), st.integers(-1, 6), max_size=6),
        st.floats(),
    ),
)
def test_checking_never_raises(kind: str, answer: object) -> None:
    q = question(_ASKED_AS.get(kind, "碳达峰"), kind)
    verdict = check_answer(q, answer)  # type: ignore[arg-type]
    assert 0 <= verdict.score <= 1
    assert verdict.correct == (verdict.score == 1)
    assert verdict.explain()


def test_explanation_names_answer_and_source() -> None:
    q = question("碳达峰", "def-term")
    wrong = next(i for i in range(4) if i != q.answer_index)
    lines = check_answer(q, wrong).explain()
    assert lines[0] == "回答错误。"
    assert "正确答案：碳达峰" in lines
    assert "碳达峰（tàn dá fēng）" in lines
    assert "出处：《解读》六、关键词诠释" in lines
    i18n.set_language("en")
    assert check_answer(q, wrong).explain()[0] == "Wrong."


def test_term_to_definition_explanation_gives_the_definition_in_full_once() -> None:
    q = question("碳中和", "term-def")
    # the option hides the term, without a blank that marks it
    assert q.answer != q.definition and "碳中和" not in q.answer and BLANK not in q.answer
    wrong = next(i for i in range(4) if i != q.answer_index)
    lines = check_answer(q, wrong).explain()
    assert f"正确答案：{q.definition}" in lines
    assert not any(line.startswith("定义：") for line in lines)
    assert not any(line.startswith("定义：") for line in check_answer(q, q.answer_index).explain())


def test_english_interface_adds_the_english_definition_after_the_chinese() -> None:
    english = "The process in which carbon emissions reach their historical maximum."
    terms = [replace(t, definition_en=english) if t.term == "碳达峰" else t for t in TERMS]
    glossary = make_glossary(*terms)
    q = question("碳达峰", "def-term", glossary=glossary)
    wrong = next(i for i in range(4) if i != q.answer_index)
    chinese = f"定义：{term(glossary, '碳达峰').definition}"
    assert chinese in check_answer(q, wrong).explain()
    assert not any(english in line for line in check_answer(q, wrong).explain())
    i18n.set_language("en")
    lines = check_answer(q, wrong).explain()
    assert f"Definition: {term(glossary, '碳达峰').definition}" in lines
    assert f"In English: {english}" in lines
    assert lines.index(f"In English: {english}") > lines.index(
        f"Definition: {term(glossary, '碳达峰').definition}"
    )
    # Without an English definition, only the Chinese one.
    plain = question("碳中和", "def-term", glossary=glossary)
    assert not any(line.startswith("In English") for line in check_answer(plain, 0).explain())


def test_skips_say_why() -> None:
    no_english = check_support(GLOSSARY, term(GLOSSARY, "一次能源"), "en-term")
    assert no_english == Skip("en-term", "yi-ci-neng-yuan", "no_english", "一次能源")
    assert no_english.message() == "“一次能源”没有英文名称，不能出英文→术语题。"
    no_sentence = make_question(GLOSSARY, term(GLOSSARY, "温室效应气体"), "cloze", random.Random(0))
    assert isinstance(no_sentence, Skip) and no_sentence.reason == "no_sentence"
    latin = make_term("CCUS", "", "碳捕集、利用与封存。", term_id="ccus-only")
    glossary = make_glossary(*TERMS[:5], latin)
    no_reading = make_question(glossary, latin, "pinyin", random.Random(0))
    assert isinstance(no_reading, Skip) and no_reading.reason == "no_reading"
    unknown = make_question(GLOSSARY, GLOSSARY.terms[0], "essay", random.Random(0))
    assert isinstance(unknown, Skip) and unknown.reason == "unknown_kind"


def test_too_few_terms() -> None:
    small = make_glossary(*TERMS[:3])
    for kind in ("term-def", "def-term", "en-term", "cloze", "match"):
        made = make_question(small, small.terms[0], kind, random.Random(0))
        assert isinstance(made, Skip) and made.reason == "too_few_terms", kind
    assert isinstance(make_question(small, small.terms[0], "truefalse", random.Random(0)), Question)
    assert isinstance(make_question(small, small.terms[0], "pinyin", random.Random(0)), Question)
    single = make_glossary(TERMS[0])
    assert isinstance(make_question(single, single.terms[0], "truefalse", random.Random(0)), Skip)


def test_no_definition() -> None:
    bare = make_term("碳汇", "tan4 hui4", term_id="tan-hui")
    glossary = make_glossary(*TERMS, bare)
    for kind in ("term-def", "def-term", "truefalse", "match"):
        made = make_question(glossary, bare, kind, random.Random(0))
        assert isinstance(made, Skip) and made.reason == "no_definition"
    # and it is never offered as somebody else's definition
    for seed in range(20):
        q = make_question(glossary, glossary.terms[0], "term-def", random.Random(seed))
        assert isinstance(q, Question) and all(o for o in q.options)


def test_supported_terms() -> None:
    energy = supported_terms(GLOSSARY, "en-term", "能源")
    assert [t.term for t in energy] == [
        "能源结构优化",
        "可再生能源",
        "化石能源",
        "分布式能源",
        "调峰",
    ]
    assert len(supported_terms(GLOSSARY, "pinyin")) == len(TERMS)


def test_make_quiz_mixes_kinds_and_terms() -> None:
    quiz = make_quiz(GLOSSARY, [], 14, random.Random(1))
    assert len(quiz) == 14
    assert len({q.term_id for q in quiz}) == 14  # enough terms: none repeats
    for q in quiz:
        assert_answerable(q)
    assert quiz == make_quiz(GLOSSARY, [], 14, random.Random(1))
    # A round keeps its terms from being offered as wrong options in its other questions
    # (QA findings 2, item 6): in 15 terms, 14 questions leave too few wrong options for
    # every kind, so the kinds are shown mixing on the shipped glossary (seed 0 meets all 8).
    shipped = load_glossary(Path(__file__).resolve().parent.parent / "glossary.toml")
    mixed = make_quiz(shipped, [], 14, random.Random(0))
    assert len({q.kind for q in mixed}) == len(KINDS)


def test_make_quiz_by_category_and_kinds() -> None:
    quiz = make_quiz(GLOSSARY, ["pinyin", "term-def"], 8, random.Random(1), category="能源")
    assert len(quiz) == 8
    assert {q.kind for q in quiz} == {"pinyin", "term-def"}
    assert {q.category for q in quiz} == {"能源"}


def test_make_quiz_on_chosen_terms_repeats_with_other_kinds() -> None:
    chosen = [term(GLOSSARY, "碳达峰"), term(GLOSSARY, "调峰")]
    quiz = make_quiz(GLOSSARY, ["pinyin", "def-term", "cloze"], 10, random.Random(0), terms=chosen)
    assert len(quiz) == 6  # 2 terms × 3 kinds, each once
    assert len({(q.term_id, q.kind) for q in quiz}) == 6


def test_make_quiz_on_a_tiny_glossary_does_not_crash() -> None:
    single = make_glossary(TERMS[0])
    quiz = make_quiz(single, [], 10, random.Random(0))
    assert [q.kind for q in quiz] == ["pinyin"]
    assert make_quiz(make_glossary(), [], 5, random.Random(0)) == []


def test_every_question_on_the_shipped_glossary_is_answerable() -> None:
    shipped = load_glossary(Path(__file__).resolve().parent.parent / "glossary.toml")
    skipped = []
    for term_ in shipped.terms:
        for kind in KINDS:
            for seed in range(2):
                made = make_question(shipped, term_, kind, random.Random(seed))
                if isinstance(made, Skip):
                    skipped.append((made.term, made.kind, made.reason))
                    continue
                assert_answerable(made)
    # the only gaps are real ones (a term without hanzi, one no sentence contains) and
    # the questions fairness forbids (a text giving the answer away, a reading too long to
    # be worth typing)
    gaps = [s for s in skipped if s[2] in ("no_reading", "no_sentence")]
    assert len(gaps) < len(shipped.terms) * len(KINDS) * 2 // 50
    assert {reason for _, _, reason in skipped} <= {
        "no_reading",
        "no_sentence",
        "giveaway",
        "too_long",
        "no_polyphone",
    }


def test_a_term_sharing_a_name_is_never_a_distractor() -> None:
    """双碳 is an alias of 碳达峰碳中和 and, here, also a term of its own: neither may offer
    the other's definition as wrong."""
    twin = make_term("双碳", "shuang1 tan4", "另一种写法的定义。", term_id="shuang-tan")
    glossary = make_glossary(*TERMS, twin)
    for seed in range(30):
        for kind in ("term-def", "truefalse", "match"):
            made = make_question(
                glossary, term(glossary, "碳达峰碳中和"), kind, random.Random(seed)
            )
            if isinstance(made, Skip):  # term-def: its definition spells it out
                assert (kind, made.reason) == ("term-def", "giveaway")
                continue
            shown = made.options if kind != "truefalse" else (made.statement,)
            assert "另一种写法的定义。" not in shown


def test_a_typed_reading_is_kept_exactly_as_typed() -> None:
    """Issue 7 item 4: what is shown back and stored is the learner's text, not the grader's
    re-spelling of it."""
    q = question("碳达峰", "pinyin")
    typed = " tan4  da2feng "
    verdict = check_answer(q, typed)
    assert verdict.given == typed
    assert verdict.pinyin is not None and verdict.pinyin.typed == typed
    assert verdict.pinyin.given == ("tan4", "da2", "feng")


def large_glossary() -> Glossary:
    """2,700 made-up three-character terms in four categories: past the size where every
    term is scored for every question."""
    chars = [
        ("碳", "tan4"), ("能", "neng2"), ("源", "yuan2"), ("绿", "lv4"), ("色", "se4"),
        ("低", "di1"), ("排", "pai2"), ("放", "fang4"), ("储", "chu3"), ("电", "dian4"),
        ("风", "feng1"), ("光", "guang1"), ("伏", "fu2"), ("热", "re4"),
    ]  # fmt: skip
    terms = []
    for i, ((a, x), (b, y), (c, z)) in enumerate(
        itertools.islice(itertools.product(chars, repeat=3), 2_700)
    ):
        terms.append(
            make_term(
                a + b + c,
                f"{x} {y} {z}",
                f"第{i}号说明：一种概念。",
                category="甲乙丙丁"[i % 4],
                english=(f"notion {i}",),
                examples=(f"这里用到{a}{b}{c}这个说法。",),
                term_id=f"t{i}",
            )
        )
    return make_glossary(*terms)


def test_a_large_glossary_draws_distractors_from_its_indexes() -> None:
    """Issue 12 item 9: above 2,000 terms distractors come from terms sharing a character or
    a syllable and from the category, not from scoring every term; still the category
    first, still alike, still the same for the same seed."""
    big = large_glossary()
    assert len(big.terms) > quiz._SCORE_ALL_LIMIT
    shared = 0
    for index in range(0, 2_700, 97):
        answer = big.terms[index]
        for kind in ("def-term", "cloze", "en-term", "match", "truefalse", "term-def"):
            q = make_question(big, answer, kind, random.Random(index))
            assert isinstance(q, Question), q
            assert_answerable(q)
            again = make_question(big, answer, kind, random.Random(index))
            assert again == q
            if kind == "def-term":
                others = [term(big, o) for o in q.options if o != answer.term]
                assert all(o.category == answer.category for o in others)
                shared += sum(bool(set(o.term) & set(answer.term)) for o in others)
    assert shared > 60  # of 84 distractors, most share a character with the answer
