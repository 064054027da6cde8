"""A pinyin question exported for Moodle marks an answer as the app does (QA findings 2, item
23: the export accepted three spellings; the app also takes joined tone marks, v and u: for ü,
the neutral tone written 5, 0 or nothing, and yí/yì for 一), and its general feedback gives
the term, its reading and its definition, not only the source.

The XML is read back with ElementTree, and each answer is compared as Moodle's shortanswer
question compares it (question/type/shortanswer/question.php, compare_string_with_wildcard:
the response trimmed, both sides NFC, ``*`` a wildcard, case ignored unless ``usecase``)."""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from carbon_glossary.cli import main
from carbon_glossary.core.grading import grade_pinyin
from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.model import Glossary
from carbon_glossary.core.paper import Paper, build_paper, parse_paper
from carbon_glossary.core.pinyin import to_marked
from carbon_glossary.interop.moodle import MAX_READING_ANSWERS, write_paper
from quiz_glossary import make_glossary, make_term

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "glossary.toml"
EXAMPLE = ROOT / "papers" / "example.toml"

DOCUMENT = "《关于〈槐荫区碳达峰工作方案〉的解读》"  # 的 de: the neutral tone
GREEN = "绿色低碳发展"  # 绿 lǜ
SYSTEM = "“1+N”政策体系"  # letters and digits of its own
PRIMARY = "一次能源"  # 一: the app also takes yí (before a fourth tone) and yì

# What the app accepts, for each sample term: every one is checked against the app's grader
# below, so this list cannot claim more than the app does.
ACCEPTED = {
    GREEN: [
        "lǜ sè dī tàn fā zhǎn",
        "lǜsèdītànfāzhǎn",
        "lv4 se4 di1 tan4 fa1 zhan3",
        "lv4se4di1tan4fa1zhan3",
        "lü4 se4 di1 tan4 fa1 zhan3",
        "lu:4 se4 di1 tan4 fa1 zhan3",
        "lu:4se4di1tan4fa1zhan3",
        "LV4 SE4 DI1 TAN4 FA1 ZHAN3",
        "  Lǜ sè dī tàn fā zhǎn ",
        unicodedata.normalize("NFD", "lǜ sè dī tàn fā zhǎn"),  # marks typed as combining
    ],
    DOCUMENT: [
        "guān yú huái yīn qū tàn dá fēng gōng zuò fāng àn de jiě dú",
        "guānyúhuáiyīnqūtàndáfēnggōngzuòfāngàndejiědú",
        "guānyúhuáiyīnqūtàndáfēnggōngzuòfāng'àndejiědú",
        "guan1 yu2 huai2 yin1 qu1 tan4 da2 feng1 gong1 zuo4 fang1 an4 de jie3 du2",
        "guan1 yu2 huai2 yin1 qu1 tan4 da2 feng1 gong1 zuo4 fang1 an4 de5 jie3 du2",
        "guan1 yu2 huai2 yin1 qu1 tan4 da2 feng1 gong1 zuo4 fang1 an4 de0 jie3 du2",
        "guan1yu2huai2yin1qu1tan4da2feng1gong1zuo4fang1an4de5jie3du2",
    ],
    SYSTEM: [
        "1+N zhèng cè tǐ xì",
        "1+n zhèng cè tǐ xì",
        "zhèng cè tǐ xì",
        "zhèngcètǐxì",
        "1+N zheng4 ce4 ti3 xi4",
        "zheng4ce4ti3xi4",
    ],
    PRIMARY: [
        "yī cì néng yuán",
        "yí cì néng yuán",
        "yì cì néng yuán",
        "yícìnéngyuán",
        "yi1 ci4 neng2 yuan2",
        "yi2 ci4 neng2 yuan2",
        "yi2ci4neng2yuan2",
    ],
}

# Wrong (a tone, a syllable, a sound): the app says so, and so must Moodle.
WRONG = {
    GREEN: ["lǜ sè dī tān fā zhǎn", "lv4 se4 di1 tan4 fa1", "lu4 se4 di1 tan4 fa1 zhan3", "*"],
    DOCUMENT: ["guan1 yu2 huai2 yin1 qu1 tan4 da2 feng1 gong1 zuo4 fang1 an4 de2 jie3 du2"],
    SYSTEM: ["zhèng cè tǐ xí", "1+N"],
    PRIMARY: ["yǐ cì néng yuán", "yi3 ci4 neng2 yuan2"],
}


def moodle_accepts(response: str, answers: list[str], *, usecase: bool = False) -> bool:
    """Whether a Moodle shortanswer question with these answers takes ``response``."""
    given = unicodedata.normalize("NFC", response).strip(" \t\n\r\0\x0b")
    for answer in answers:
        bits = re.split(r"(?<!\\)\*+", unicodedata.normalize("NFC", answer))
        pattern = ".*".join(re.escape(bit.replace("\\*", "*")) for bit in bits)
        if re.fullmatch(pattern, given, 0 if usecase else re.IGNORECASE | re.UNICODE):
            return True
    return False


def _glossary() -> Glossary:
    shipped = {term.term: term for term in load_glossary(SHIPPED).terms}
    primary = make_term(
        PRIMARY,
        "yi1 ci4 neng2 yuan2",
        "自然界中以原有形式存在、未经加工转换的能源，如原煤、原油、天然气、水能。",
        category="能源",
        term_id="yi-ci-neng-yuan",
    )
    return make_glossary(shipped[DOCUMENT], shipped[GREEN], shipped[SYSTEM], primary)


def _paper(glossary: Glossary, tones: str = "strict") -> Paper:
    text = (
        f'[paper]\ntitle = "拼音"\nseed = 1\ntones = "{tones}"\npinyin_max_syllables = 20\n\n'
        f'[[section]]\nkind = "pinyin"\ncount = {len(glossary.terms)}\n'
    )
    return build_paper(glossary, parse_paper(text, glossary))


def _exported(paper: Paper, path: Path) -> dict[str, ET.Element]:
    """The exported questions, read back from the file, by the term asked."""
    write_paper(paper, path)
    questions = [q for q in ET.parse(path).getroot() if q.get("type") != "category"]
    assert len(questions) == len(paper.questions)
    return {q.term: element for q, element in zip(paper.questions, questions, strict=True)}


def _answers(element: ET.Element) -> list[str]:
    assert element.get("type") == "shortanswer"
    assert all(a.get("fraction") == "100" for a in element.findall("answer"))
    return [a.findtext("text") or "" for a in element.findall("answer")]


def test_moodle_accepts_each_spelling_the_app_accepts(tmp_path: Path) -> None:
    glossary = _glossary()
    paper = _paper(glossary)
    exported = _exported(paper, tmp_path / "paper.xml")
    by_term = {q.term: q for q in paper.questions}
    assert set(exported) == set(ACCEPTED)
    for term, spellings in ACCEPTED.items():
        question, element = by_term[term], exported[term]
        answers = _answers(element)
        usecase = element.findtext("usecase") == "1"
        assert answers[0] == question.answer  # what Moodle shows as "the correct answer"
        assert len(answers) <= MAX_READING_ANSWERS
        for spelling in spellings:
            app = grade_pinyin(spelling, question.syllables, term_text=term)
            assert app.correct, (term, spelling)
            assert moodle_accepts(spelling, answers, usecase=usecase), (term, spelling)
        for spelling in WRONG[term]:
            assert not grade_pinyin(spelling, question.syllables, term_text=term).correct
            assert not moodle_accepts(spelling, answers, usecase=usecase), (term, spelling)
        # and nothing the app would mark wrong: each answer is one the app accepts
        for answer in answers:
            assert grade_pinyin(answer, question.syllables, term_text=term).correct, answer


def test_a_lenient_paper_also_accepts_the_reading_without_tones(tmp_path: Path) -> None:
    glossary = _glossary()
    paper = _paper(glossary, tones="lenient")
    element = _exported(paper, tmp_path / "paper.xml")[GREEN]
    answers = _answers(element)
    question = next(q for q in paper.questions if q.term == GREEN)
    for spelling in ("lv se di tan fa zhan", "lüseditanfazhan", "lǜ sè dī tàn fā zhǎn"):
        assert grade_pinyin(spelling, question.syllables, strict=False, term_text=GREEN).correct
        assert moodle_accepts(spelling, answers)
    # the strict paper's question does not take it
    strict = _answers(_exported(_paper(glossary), tmp_path / "strict.xml")[GREEN])
    assert not moodle_accepts("lv se di tan fa zhan", strict)


def test_the_general_feedback_gives_the_term_its_reading_and_definition(tmp_path: Path) -> None:
    glossary = _glossary()
    paper = _paper(glossary)
    exported = _exported(paper, tmp_path / "paper.xml")
    for question in paper.questions:
        feedback = exported[question.term].findtext("generalfeedback/text") or ""
        assert f"<p>{question.term}（{question.pinyin}）</p>" in feedback
        assert f"<p>定义：{question.definition}</p>" in feedback
        assert f"<p>出处：{question.source}</p>" in feedback
    green = next(q for q in paper.questions if q.term == GREEN)
    assert "绿色低碳发展（lǜ sè dī tàn fā zhǎn）" in (
        exported[GREEN].findtext("generalfeedback/text") or ""
    )
    assert green.definition


def test_the_example_papers_pinyin_questions_take_joined_tone_marks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The reported question (二氧化碳当量) through the command line, as the tester ran it."""
    out = tmp_path / "paper.xml"
    argv = ["--glossary", str(SHIPPED), "exam", str(EXAMPLE), "--export", "moodle", "-o", str(out)]
    assert main(argv) == 0, capsys.readouterr().err
    questions = [q for q in ET.parse(out).getroot() if q.get("type") == "shortanswer"]
    assert "04 二氧化碳当量" in [q.findtext("name/text") for q in questions]
    for element in questions:
        answers = _answers(element)
        joined = "".join(answers[0].split())
        assert moodle_accepts(joined, answers), joined
        assert moodle_accepts("èryǎnghuàtàndāngliàng", answers) == (
            "二氧化碳当量" in (element.findtext("name/text") or "")
        )
        feedback = element.findtext("generalfeedback/text") or ""
        assert "定义：" in feedback and answers[0] in feedback


def test_moodles_comparison_as_emulated() -> None:
    """The emulation itself: trimmed, case ignored, ``*`` matches anything, NFC."""
    assert moodle_accepts(" Tàn ", ["tàn"])
    assert not moodle_accepts("Tàn", ["tàn"], usecase=True)
    assert moodle_accepts("tan4 da2", ["tan4*"]) and not moodle_accepts("tan4", ["tan4 *a"])
    assert moodle_accepts(unicodedata.normalize("NFD", "tàn"), ["tàn"])
    assert not moodle_accepts("tan", ["tàn"])
    assert to_marked("lv4") == "lǜ"
