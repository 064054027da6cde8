"""The ``reading`` kind (多音字辨析): the right reading is the term's own (override > phrase
tables > pypinyin's phrase dictionary), the other options only modern readings with a
common phrase, one right answer, and the kind works on papers, sheets and the command
line through the registry alone."""

from __future__ import annotations

import random
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypinyin import pinyin
from pypinyin.constants import PHRASES_DICT

from carbon_glossary.cli import main
from carbon_glossary.core.kinds.reading import READINGS, eligible_characters, quoted_term
from carbon_glossary.core.kinds.spec import spec_for
from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.model import Glossary
from carbon_glossary.core.paper import build_paper, parse_paper, render_paper_text, score_paper
from carbon_glossary.core.quiz import (
    Question,
    Skip,
    check_answer,
    check_support,
    make_question,
    supported_terms,
)
from carbon_glossary.core.readings import resolve_reading
from carbon_glossary.session.decks import PracticePlan, practice_deck
from carbon_glossary.session.marking import answer_key_text, grade_answer, parse_cell
from carbon_glossary.subcommands import quiz as quiz_cli
from quiz_glossary import make_glossary, make_term, sample_glossary

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "glossary.toml"
GLOSSARY = sample_glossary()


def asked(text: str, seed: int = 0, glossary: Glossary = GLOSSARY) -> Question:
    term = next(t for t in glossary.terms if t.term == text)
    made = make_question(glossary, term, "reading", random.Random(seed))
    assert isinstance(made, Question), made
    return made


def char_asked(q: Question) -> str:
    found = re.search(r"中“(.)”的读音是$", q.prompt)
    assert found, q.prompt
    return found.group(1)


def test_it_is_a_registered_choice_kind() -> None:
    spec = spec_for("reading")
    assert spec is not None and spec.mode == "choice" and spec.in_study


def test_the_right_reading_is_the_terms_not_the_characters_default() -> None:
    """pypinyin reads 调 alone as diào; in 调峰 the pipeline (a phrase) says tiáo."""
    assert pinyin("调")[0][0] == "diào"
    q = asked("调峰")
    assert q.prompt == "“调峰”中“调”的读音是"
    assert q.answer == "tiáo" and q.options[q.answer_index or 0] == "tiáo"
    assert sorted(q.options) == ["diào", "tiáo"]
    assert q.notes == ("“调”读 diào：调查",)
    lines = check_answer(q, q.options.index("diào")).explain()
    assert "正确答案：tiáo" in lines and "“调”读 diào：调查" in lines


def test_an_override_decides_the_reading() -> None:
    """长 read zhǎng by the term's own override (行长), cháng by a phrase (长效)."""
    glossary = make_glossary(
        make_term("行长", "hang2 zhang3", "银行等机构的负责人。"),
        make_term("长效", "chang2 xiao4", "长时间有效的。"),
    )
    questions = [asked("行长", glossary=glossary, seed=s) for s in range(8)]
    assert {char_asked(q) for q in questions} == {"行", "长"}
    for q in questions:
        assert q.answer == {"行": "háng", "长": "zhǎng"}[char_asked(q)]
    q = asked("长效", glossary=glossary)
    assert q.answer == "cháng" and sorted(q.options) == ["cháng", "zhǎng"]
    assert q.notes == ("“长”读 zhǎng：增长",)


def test_archaic_readings_are_never_offered() -> None:
    """pypinyin lists 和 hú, huò besides hé, hè, huó; only readings the table backs with a
    common phrase are options."""
    assert {"hú", "huò"} <= set(pinyin("和", heteronym=True)[0])
    for seed in range(12):
        q = asked("碳中和", seed=seed)
        assert set(q.options) <= set(READINGS[char_asked(q)])
        assert not {"hú", "huò"} & set(q.options)


def test_the_character_is_chosen_by_the_seed() -> None:
    chars = [char_asked(asked("碳中和", seed=s)) for s in range(12)]
    assert set(chars) == {"中", "和"}
    assert chars == [char_asked(asked("碳中和", seed=s)) for s in range(12)]


def test_terms_without_a_fair_question_are_skipped() -> None:
    glossary = make_glossary(
        make_term("碳达峰", "tan4 da2 feng1", "排放量达到峰值。"),
        # 发 read two ways in one term: which one is asked would be unclear
        make_term("头发发白", "tou2 fa4 fa1 bai2", "头发变白。"),
        make_term("调", "diao4", "只有一个字，读音由 pypinyin 对单字的默认读法决定。"),
    )
    for term in glossary.terms:
        made = make_question(glossary, term, "reading", random.Random(0))
        assert isinstance(made, Skip) and made.reason == "no_polyphone", term.term
        assert "不能出多音字题" in made.message()
    # the lone 调 read by pypinyin's single-character default is not settled: an override is
    term = make_term("调", "tiao2", "有意改写的读音。")
    q = make_question(make_glossary(term), term, "reading", random.Random(0))
    assert isinstance(q, Question) and q.answer == "tiáo"


def test_answers_are_graded_by_index_text_and_letter() -> None:
    q = asked("调峰")
    right = q.answer_index
    assert right is not None
    wrong = 1 - right
    assert check_answer(q, right).correct and not check_answer(q, wrong).correct
    assert check_answer(q, "tiáo").correct and not check_answer(q, "diào").correct
    assert check_answer(q, "AB"[right]).correct
    assert check_answer(q, None).unanswered


def test_the_table_agrees_with_pypinyins_phrase_dictionary() -> None:
    """Each reading is one pypinyin lists for the character, and each example phrase is read
    that way by the reading pipeline; a phrase for a reading other than the character's
    usual one must be a dictionary phrase (a slip in the table would teach a wrong reading)."""
    for char, readings in READINGS.items():
        listed = [unicodedata.normalize("NFC", r) for r in pinyin(char, heteronym=True)[0]]
        assert len(readings) >= 2, char
        for reading, phrase in readings.items():
            assert reading in listed, (char, reading)
            at = phrase.index(char)
            assert resolve_reading(phrase, None, {}).marks[at] == reading, (char, phrase)
            if reading != listed[0]:
                assert phrase in PHRASES_DICT, phrase


def test_the_shipped_glossary() -> None:
    shipped = load_glossary(SHIPPED)
    asked_terms = supported_terms(shipped, "reading")
    assert len(asked_terms) >= 40
    for term in asked_terms:
        assert check_support(shipped, term, "reading") is None
        for char, right, offered in eligible_characters(shipped, term):
            assert right in offered and len(offered) >= 2
            assert set(offered) <= set(READINGS[char])
        for seed in range(3):
            q = make_question(shipped, term, "reading", random.Random(seed))
            assert isinstance(q, Question)
            assert len(set(q.options)) == len(q.options)
            assert [check_answer(q, i).correct for i in range(len(q.options))].count(True) == 1
    jinan = next(t for t in shipped.terms if t.term == "济南市人民政府")
    assert jinan in asked_terms and asked(jinan.term, glossary=shipped).answer == "jǐ"  # Jǐnán


@pytest.mark.parametrize(
    ("term", "named"),
    [
        ("调峰", "“调峰”"),
        # double quotes inside a quotation become single (GB/T 15834—2011)
        ("“342”现代化产业体系", "“‘342’现代化产业体系”"),
        ("“1+N”政策体系", "“‘1+N’政策体系”"),
        ("发展“新三样”", "“发展‘新三样’”"),
        # a book title is marked by its 《》 already
        ("《山东省碳达峰实施方案》", "《山东省碳达峰实施方案》"),
        ("《关于〈槐荫区碳达峰工作方案〉的解读》", "《关于〈槐荫区碳达峰工作方案〉的解读》"),
        # …but not a term that only contains one, or two of them
        ("《巴黎协定》目标", "“《巴黎协定》目标”"),
        ("《甲》与《乙》", "“《甲》与《乙》”"),
        ("碳达峰《方案》", "“碳达峰《方案》”"),
    ],
)
def test_a_term_is_named_with_the_right_quotation_marks(term: str, named: str) -> None:
    assert quoted_term(term) == named


def test_a_quoted_or_titled_term_is_not_quoted_twice() -> None:
    """QA 2 finding 2: ““342”现代化产业体系”中“系”的读音是 had two opening quotes in a row,
    and “《山东省碳达峰实施方案》”中“省”的读音是 quoted a title. The explanation names only
    the character and gives the term without quotes."""
    shipped = load_glossary(SHIPPED)
    system = asked("“342”现代化产业体系", glossary=shipped)
    assert system.prompt == "“‘342’现代化产业体系”中“系”的读音是"
    province = asked("《山东省碳达峰实施方案》", glossary=shipped)
    assert province.prompt == "《山东省碳达峰实施方案》中“省”的读音是"
    for term in supported_terms(shipped, "reading"):
        for seed in range(3):
            q = make_question(shipped, term, "reading", random.Random(seed))
            assert isinstance(q, Question)
            for line in (q.prompt, *check_answer(q, None).explain()):
                assert not re.search("““|””|“《|》”", line), line


PAPER = """\
[paper]
title = "多音字小测"
seed = 7

[[section]]
kind = "reading"
count = 3

[[section]]
kind = "pinyin"
count = 1
"""


def test_a_paper_with_reading_questions_prints_and_marks() -> None:
    spec = parse_paper(PAPER, GLOSSARY, "p.toml")
    paper = build_paper(GLOSSARY, spec)
    readings = [q for q in paper.questions if q.kind == "reading"]
    assert len(readings) == 3
    text = render_paper_text(paper)
    assert "多音字" in text and "选出这个字在这个术语中的读音。" in text
    key = answer_key_text(paper)
    for number, q in enumerate(readings, start=1):
        letter = "ABCD"[q.answer_index or 0]
        assert f"{number}. {q.prompt}" in text
        assert f"   {letter}. {q.answer}" in text
        assert f"{number}. {letter}　{q.answer}" in key
        given, problem = parse_cell(q, letter)
        assert problem is None and grade_answer(q, given).correct
        given, problem = parse_cell(q, q.answer)
        assert problem is None and grade_answer(q, given).correct
    answers = [q.answer_index if q.kind == "reading" else None for q in paper.questions]
    assert score_paper(paper, answers).points == 3


def test_the_command_line_asks_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[PracticePlan] = []

    def start(context: object, glossary: object, plan: PracticePlan, progress: object) -> int:
        started.append(plan)
        return 0

    monkeypatch.setattr(quiz_cli, "_start", start)
    argv = ["--glossary", str(SHIPPED), "practice", "--kinds", "reading", "--count", "4"]
    argv += ["--seed", "2", "--db", str(tmp_path / "p.db")]
    assert main(argv) == 0
    assert started and started[0].kinds == ("reading",)
    deck = practice_deck(load_glossary(SHIPPED), None, "x", started[0], random.Random(2))
    assert [q.kind for q in deck.questions] == ["reading"] * 4

    paper = tmp_path / "paper.toml"
    paper.write_text(PAPER, encoding="utf-8")
    assert main(["--glossary", str(SHIPPED), "exam", str(paper), "--print"]) == 0
    out = capsys.readouterr().out
    assert "多音字" in out and "的读音是" in out


def test_reading_questions_export_as_multiple_choice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Moodle XML (read back with ElementTree) and GIFT: a multiple-choice question whose one
    right answer is the term's reading, with no edit in the exporters."""
    paper_file = tmp_path / "paper.toml"
    paper_file.write_text(PAPER, encoding="utf-8")
    glossary = load_glossary(SHIPPED)
    paper = build_paper(glossary, parse_paper(PAPER, glossary, str(paper_file)))
    readings = [(n, q) for n, q in enumerate(paper.questions) if q.kind == "reading"]
    assert len(readings) == 3

    out = tmp_path / "paper.xml"
    argv = ["--glossary", str(SHIPPED), "exam", str(paper_file), "--export", "moodle"]
    assert main([*argv, "-o", str(out)]) == 0, capsys.readouterr().err
    elements = [e for e in ET.parse(out).getroot() if e.get("type") != "category"]
    for number, question in readings:
        element = elements[number]
        assert element.get("type") == "multichoice"
        assert question.prompt in (element.findtext("questiontext/text") or "")
        answers = [(a.get("fraction"), a.findtext("text")) for a in element.findall("answer")]
        assert [text for fraction, text in answers if fraction == "100"] == [question.answer]
        assert sorted(text or "" for _, text in answers) == sorted(question.options)

    gift = tmp_path / "paper.gift"
    argv = ["--glossary", str(SHIPPED), "exam", str(paper_file), "--export", "gift"]
    assert main([*argv, "-o", str(gift)]) == 0, capsys.readouterr().err
    text = gift.read_text(encoding="utf-8")
    for _, question in readings:
        assert f"  ={question.answer}\n" in text
        for option in question.options:
            if option != question.answer:
                assert f"  ~{option}\n" in text
