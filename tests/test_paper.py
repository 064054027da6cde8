"""Exam papers: specs checked with every problem at its line and column, papers identical on
every machine and in every process, printing with an answer key, and scoring."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from carbon_glossary import i18n
from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.paper import (
    Paper,
    PaperSection,
    PaperSpec,
    build_paper,
    load_paper,
    paper_to_json,
    parse_paper,
    render_paper_text,
    score_paper,
)
from carbon_glossary.core.problems import FileProblemError
from carbon_glossary.core.quiz import CHOICE_KINDS, Question, check_answer, supported_terms
from quiz_glossary import sample_glossary

GLOSSARY = sample_glossary()
ROOT = Path(__file__).resolve().parent.parent
SHIPPED_GLOSSARY = ROOT / "glossary.toml"
PAPERS = ROOT / "tests" / "data" / "papers"
EXAMPLE = ROOT / "papers" / "example.toml"

SPEC_TEXT = """\
[paper]
title = "测试卷"
seed = 42
time_limit_minutes = 20
pass_mark_percent = 60

[[section]]
category = "核心概念"
kind = "term-def"
count = 3

[[section]]
category = "能源"
kind = "pinyin"
count = 2

[[section]]
kind = "pinyin"
count = 4

[[section]]
kind = "match"
count = 1

[[section]]
category = "能源"
kind = "truefalse"
count = 2
"""


def spec() -> PaperSpec:
    return parse_paper(SPEC_TEXT, GLOSSARY, "test.toml")


def right_answer(question: Question) -> object:
    if question.kind == "match":
        return list(question.pairs)
    if question.kind == "pinyin":
        return question.answer
    return question.answer_index


def problems(path: Path) -> list[tuple[int, int, str]]:
    with pytest.raises(FileProblemError) as caught:
        load_paper(path, GLOSSARY)
    return [(p.line, p.column, p.key) for p in caught.value.problems]


def test_spec_is_read() -> None:
    s = spec()
    assert s.title == "测试卷"
    assert s.seed == 42
    assert s.time_limit_minutes == 20
    assert s.pass_mark_percent == 60
    assert s.tones == "strict"
    assert s.sections[0] == PaperSection("核心概念", "term-def", 3, 7)
    assert s.sections[2].category is None


def test_optional_settings_have_defaults() -> None:
    text = '[paper]\ntitle = "卷"\nseed = "培训 1"\n\n[[section]]\nkind = "pinyin"\ncount = 1\n'
    s = parse_paper(text, GLOSSARY)
    assert s.seed == "培训 1"
    assert s.time_limit_minutes is None
    assert s.pass_mark_percent == 60
    assert s.tones == "strict"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("syntax_error.toml", [(7, 9, "check.syntax.invalid_value")]),
        (
            "unknown_keys.toml",
            [
                (4, 1, "quiz.paper.unknown_key_suggest"),
                (10, 1, "quiz.paper.unknown_key"),
                (12, 1, "quiz.paper.unknown_key"),
            ],
        ),
        (
            "wrong_types.toml",
            [
                (2, 9, "quiz.paper.wrong_type"),
                (3, 8, "quiz.paper.wrong_type"),
                (4, 22, "quiz.paper.wrong_type"),
                (5, 21, "quiz.paper.pass_mark"),
                (6, 9, "quiz.paper.tones"),
                (11, 9, "quiz.paper.wrong_type"),
                (15, 9, "quiz.paper.count_positive"),
            ],
        ),
        (
            "unknown_kind_category.toml",
            [(6, 12, "quiz.paper.unknown_category"), (12, 8, "quiz.paper.unknown_kind")],
        ),
        (
            "count_too_large.toml",
            [(12, 9, "quiz.paper.count_too_large_rest"), (17, 9, "quiz.paper.count_too_large")],
        ),
        (
            "missing_parts.toml",
            [(2, 1, "quiz.paper.missing_key"), (2, 1, "quiz.paper.no_sections")],
        ),
        ("duplicate_section.toml", [(10, 1, "quiz.paper.duplicate_section")]),
        ("section_not_array.toml", [(5, 1, "quiz.paper.wrong_type")]),
    ],
)
def test_broken_papers(name: str, expected: list[tuple[int, int, str]]) -> None:
    assert problems(PAPERS / name) == expected


def test_problem_messages_are_actionable() -> None:
    with pytest.raises(FileProblemError) as caught:
        load_paper(PAPERS / "count_too_large.toml", GLOSSARY)
    path = PAPERS / "count_too_large.toml"
    assert str(caught.value).splitlines() == [
        f"{path}:12:9: 错误: 要从全部类别出 10 道英文→术语题，"
        "但除去其他题目段已用的术语，只能再出 9 道（2 个术语不能出英文→术语题：没有英文名称 2 个）",
        f"{path}:17:9: 错误: 要出 3 道“产业与技术”的连线题，但术语表只能出 2 道",
    ]
    with pytest.raises(FileProblemError) as caught:
        load_paper(PAPERS / "unknown_kind_category.toml", GLOSSARY)
    first = caught.value.problems[0]
    assert first.message == "术语表中没有类别“核心槪念”；现有类别：核心概念、能源、产业与技术"
    i18n.set_language("en")
    assert (
        caught.value.problems[1]
        .format()
        .endswith(
            "error: unknown question kind “essay”; the kinds are: "
            "term-def、def-term、en-term、pinyin、cloze、truefalse、match、reading"
        )
    )


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(FileProblemError) as caught:
        load_paper(tmp_path / "nowhere.toml", GLOSSARY)
    assert caught.value.problems[0].format() == f"{tmp_path / 'nowhere.toml'}: 错误: 找不到试卷文件"
    with pytest.raises(FileProblemError) as caught:
        load_paper(tmp_path, GLOSSARY)
    assert caught.value.problems[0].key == "quiz.paper.is_directory"
    gbk = tmp_path / "gbk.toml"
    gbk.write_bytes('[paper]\ntitle = "碳达峰"\n'.encode("gbk"))
    with pytest.raises(FileProblemError) as caught:
        load_paper(gbk, GLOSSARY)
    assert (caught.value.problems[0].line, caught.value.problems[0].key) == (2, "check.not_utf8")
    bom = tmp_path / "bom.toml"
    bom.write_bytes(b"\xef\xbb\xbf" + SPEC_TEXT.encode())
    assert load_paper(bom, GLOSSARY).title == "测试卷"


def test_paper_follows_the_spec() -> None:
    paper = build_paper(GLOSSARY, spec())
    assert len(paper.questions) == 3 + 2 + 4 + 1 + 2
    kinds = [q.kind for q in paper.questions]
    assert kinds == ["term-def"] * 3 + ["pinyin"] * 6 + ["match"] + ["truefalse"] * 2
    assert paper.section_of == (0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 4, 4)
    assert {q.category for q in paper.questions[:3]} == {"核心概念"}
    assert {q.category for q in paper.questions[3:5]} == {"能源"}
    # the section without a category does not ask again what the 能源 section asked
    pinyin_terms = [q.term_id for q in paper.questions if q.kind == "pinyin"]
    assert len(set(pinyin_terms)) == 6
    for question in paper.questions:
        if question.kind in CHOICE_KINDS:
            assert question.answer in question.options


def test_same_spec_same_paper() -> None:
    first = build_paper(GLOSSARY, spec())
    second = build_paper(sample_glossary(), spec())  # a fresh glossary object too
    assert first == second
    assert json.dumps(paper_to_json(first), ensure_ascii=False) == json.dumps(
        paper_to_json(second), ensure_ascii=False
    )


def test_another_seed_another_paper() -> None:
    other = parse_paper(SPEC_TEXT.replace("seed = 42", "seed = 43"), GLOSSARY)
    assert build_paper(GLOSSARY, other).questions != build_paper(GLOSSARY, spec()).questions


def example_paper_json() -> str:
    glossary = load_glossary(SHIPPED_GLOSSARY)
    paper = build_paper(glossary, load_paper(EXAMPLE, glossary))
    return json.dumps(paper_to_json(paper), ensure_ascii=False, sort_keys=True)


SUBPROCESS_SCRIPT = """
import json, sys
from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.paper import build_paper, load_paper, paper_to_json
glossary = load_glossary(sys.argv[1])
paper = build_paper(glossary, load_paper(sys.argv[2], glossary))
sys.stdout.buffer.write(
    json.dumps(paper_to_json(paper), ensure_ascii=False, sort_keys=True).encode("utf-8")
)
"""


def test_the_example_paper_is_identical_in_every_process() -> None:
    """Two interpreters with different hash seeds (set and dict-of-str order differ) build
    the same paper, byte for byte, as this process does."""
    here = example_paper_json()
    outputs = []
    for hash_seed in ("0", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        result = subprocess.run(
            [sys.executable, "-c", SUBPROCESS_SCRIPT, str(SHIPPED_GLOSSARY), str(EXAMPLE)],
            capture_output=True,
            env=env,
            check=True,
        )
        outputs.append(result.stdout.decode("utf-8"))
    assert outputs[0] == outputs[1] == here


def test_the_example_paper() -> None:
    glossary = load_glossary(SHIPPED_GLOSSARY)
    spec_ = load_paper(EXAMPLE, glossary)
    assert {s.category for s in spec_.sections} <= set(glossary.categories())
    paper = build_paper(glossary, spec_)
    assert len(paper.questions) == 20
    assert len({s.kind for s in spec_.sections}) == 7
    result = score_paper(paper, [right_answer(q) for q in paper.questions])
    assert result.percent == 100 and result.passed
    for question in paper.questions:
        assert check_answer(question, right_answer(question)).correct  # type: ignore[arg-type]


def test_paper_to_json() -> None:
    data = paper_to_json(build_paper(GLOSSARY, spec()))
    assert data["title"] == "测试卷"
    assert data["seed"] == 42
    assert data["time_limit_minutes"] == 20
    assert data["pass_mark_percent"] == 60
    assert data["sections"][2] == {"category": None, "kind": "pinyin", "count": 4}
    first = data["questions"][0]
    assert first["number"] == 1 and first["kind"] == "term-def"
    assert first["prompt"] and len(first["options"]) == 4
    assert first["options"][first["answer_index"]] == first["answer"]
    pinyin = data["questions"][3]
    assert pinyin["kind"] == "pinyin" and "options" not in pinyin
    assert pinyin["answer"] == pinyin["pinyin"]
    match = data["questions"][9]
    assert match["kind"] == "match" and len(match["items"]) == len(match["options"]) == 5
    assert sorted(match["pairs"]) == [0, 1, 2, 3, 4]
    truefalse = data["questions"][10]
    assert truefalse["options"] == ["对", "错"] and truefalse["statement"]
    json.dumps(data)  # plain data only


def test_printed_paper_with_answer_key() -> None:
    paper = build_paper(GLOSSARY, spec())
    text = render_paper_text(paper)
    lines = text.splitlines()
    assert lines[0] == "测试卷"
    assert "考试时间：20 分钟" in lines
    assert "共 12 题，及格线 60%（试卷种子：42）" in lines
    assert "第1部分　术语→定义（核心概念，3 题）" in lines
    assert "第3部分　写拼音（全部类别，4 题）" in lines
    key = lines[lines.index("参考答案") + 1 :]
    assert len(key) == 12
    first = paper.questions[0]
    assert first.answer_index is not None
    assert key[0] == "1. " + "ABCD"[first.answer_index]
    assert key[3] == f"4. {paper.questions[3].answer}"
    assert key[9] == f"10. {paper.questions[9].answer}"
    assert "参考答案" not in render_paper_text(paper, answer_key=False)
    i18n.set_language("en")
    assert "Answer key" in render_paper_text(paper)


def test_scoring_all_right_all_wrong() -> None:
    paper = build_paper(GLOSSARY, spec())
    right = score_paper(paper, [right_answer(q) for q in paper.questions])
    assert (right.points, right.total, right.percent, right.passed) == (12, 12, 100, True)
    assert right.wrong == ()
    blank = score_paper(paper, [])
    assert (blank.points, blank.percent, blank.passed) == (0, 0, False)
    assert [w.number for w in blank.wrong] == list(range(1, 13))
    assert all(w.verdict.unanswered for w in blank.wrong)
    first = blank.wrong[0]
    assert first.question.answer == paper.questions[0].answer
    assert first.question.source


def test_scoring_by_category_and_partial_match() -> None:
    paper = build_paper(GLOSSARY, spec())
    answers: dict[int, object] = {i: right_answer(q) for i, q in enumerate(paper.questions)}
    match_index = next(i for i, q in enumerate(paper.questions) if q.kind == "match")
    pairs = list(paper.questions[match_index].pairs)
    pairs[0], pairs[1] = pairs[1], pairs[0]
    answers[match_index] = pairs
    answers[0] = (paper.questions[0].answer_index + 1) % 4  # type: ignore[operator]
    result = score_paper(paper, answers)  # type: ignore[arg-type]
    assert result.points == pytest.approx(12 - 1 - 0.4)
    assert result.percent == pytest.approx((12 - 1.4) / 12 * 100)
    assert [w.number for w in result.wrong] == [1, match_index + 1]
    core = next(c for c in result.by_category if c.category == "核心概念")
    assert core.total == sum(1 for q in paper.questions if q.category == "核心概念")
    assert sum(c.total for c in result.by_category) == 12
    assert sum(c.points for c in result.by_category) == pytest.approx(result.points)


def test_pass_mark_is_exact() -> None:
    text = (
        '[paper]\ntitle = "卷"\nseed = 1\npass_mark_percent = 60\n\n'
        '[[section]]\nkind = "pinyin"\ncount = 5\n'
    )
    paper = build_paper(GLOSSARY, parse_paper(text, GLOSSARY))
    right = [q.answer for q in paper.questions]
    three = score_paper(paper, right[:3])
    assert three.percent == 60 and three.passed
    two = score_paper(paper, right[:2])
    assert not two.passed


def test_lenient_paper_ignores_tones() -> None:
    text = (
        '[paper]\ntitle = "卷"\nseed = 1\ntones = "lenient"\n\n'
        '[[section]]\nkind = "pinyin"\ncount = 3\n'
    )
    paper = build_paper(GLOSSARY, parse_paper(text, GLOSSARY))
    toneless = [" ".join(s.rstrip("012345") for s in q.syllables) for q in paper.questions]
    assert score_paper(paper, toneless).passed
    strict = Paper(PaperSpec("卷", 1, paper.spec.sections), paper.questions, paper.section_of)
    assert score_paper(strict, toneless).points == 0


def test_a_paper_may_ask_the_reading_of_longer_terms() -> None:
    """Issue 7 item 3: pinyin questions are for terms of up to six syllables, unless the
    paper says otherwise."""
    shipped = load_glossary(SHIPPED_GLOSSARY)
    asked = len(supported_terms(shipped, "pinyin"))
    every = len(supported_terms(shipped, "pinyin", pinyin_max_syllables=None))
    assert asked < every
    text = (
        '[paper]\ntitle = "卷"\nseed = 1\n{extra}\n[[section]]\nkind = "pinyin"\n'
        f"count = {every}\n"
    )
    with pytest.raises(FileProblemError) as refused:
        parse_paper(text.format(extra=""), shipped)
    # One section, no other: not "after the other sections", and why the glossary falls short.
    [problem] = refused.value.problems
    assert problem.key == "quiz.paper.count_too_large_all"
    assert problem.message.startswith(
        f"要从全部类别出 {every} 道写拼音题，但术语表只能出 {asked} 道（"
    )
    assert f"读音超过 6 个音节 {every - asked} 个" in problem.message
    spec = parse_paper(text.format(extra="pinyin_max_syllables = 99\n"), shipped)
    assert spec.pinyin_max_syllables == 99
    longest = max(len(q.syllables) for q in build_paper(shipped, spec).questions)
    assert longest > 6
    short = parse_paper(text.format(extra="").replace(f"count = {every}", "count = 10"), shipped)
    assert max(len(q.syllables) for q in build_paper(shipped, short).questions) <= 6
    with pytest.raises(FileProblemError) as zero:
        parse_paper(text.format(extra="pinyin_max_syllables = 0\n"), shipped)
    assert "quiz.paper.max_syllables" in [p.key for p in zero.value.problems]
