"""The shipped glossary says what the source document says, and nothing it cannot back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.model import Glossary
from carbon_glossary.core.text import strip_ruby, to_simplified, to_traditional

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "huaiyin-carbon-peaking-interpretation.raw.txt"
SHIPPED = ROOT / "glossary.toml"

# Every term issue 2 names must be in the glossary.
REQUIRED_TERMS = [
    "碳达峰", "碳中和", "绿色低碳技术", "能源结构优化", "十大行动", "可再生能源",
    "分布式能源系统", "化石能源", "能源利用效率", "绿色产业转型", "清洁能源技术",
    "节能减排技术", "绿色建筑技术", "“342”现代化产业体系", "碳排放", "碳汇", "能耗双控",
    "非化石能源", "CCUS", "碳排放权交易", "光伏", "储能", "氢能", "新型电力系统", "减污降碳",
    "《2030年前碳达峰行动方案》", "《山东省碳达峰实施方案》", "《济南市碳达峰工作方案》",
    "《济南市槐荫区碳达峰工作方案》",
]  # fmt: skip

_ASCII_TO_FULL = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）"})


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(SHIPPED)


@pytest.fixture(scope="module")
def source_text() -> str:
    """The seed document cleaned: ruby annotations removed, simplified characters."""
    if not SEED.exists():
        pytest.skip("shared/seed is not beside this checkout")
    return to_simplified(strip_ruby(SEED.read_text(encoding="utf-8")))


def test_covers_the_required_terms(glossary: Glossary) -> None:
    present = {term.term for term in glossary.terms}
    assert [name for name in REQUIRED_TERMS if name not in present] == []
    assert len(glossary.terms) >= 60


def test_every_entry_is_complete(glossary: Glossary) -> None:
    incomplete = [
        term.term
        for term in glossary.terms
        if not (term.english and term.definition and term.category and term.source)
    ]
    assert incomplete == []


def test_every_category_can_supply_distractors(glossary: Glossary) -> None:
    counts: dict[str, int] = {}
    for term in glossary.terms:
        counts[term.category] = counts.get(term.category, 0) + 1
    assert {name: n for name, n in counts.items() if n < 4} == {}


def test_traditional_forms_are_taiwan_standard(glossary: Glossary) -> None:
    wrong = [
        (term.term, term.traditional)
        for term in glossary.terms
        if term.traditional != to_traditional(term.term, glossary.phrase_traditional)
    ]
    assert wrong == []


# Words OpenCC's s2tw writes with the wrong character in this glossary's text, found by
# converting every field and reading the result; each is fixed by a phrase table.
_WRONG_TRADITIONAL = ("對錶", "休慼")


def test_no_field_converts_to_a_wrong_traditional_word(glossary: Glossary) -> None:
    """What the traditional view shows for every field, as the term card converts it."""
    wrong = []
    for term in glossary.terms:
        for text in (term.term, term.traditional, term.definition, *term.aliases, *term.examples):
            shown = to_traditional(text, glossary.phrase_traditional)
            wrong += [(term.term, word) for word in _WRONG_TRADITIONAL if word in shown]
    assert wrong == []
    benchmark = next(term for term in glossary.terms if term.term == "对标对表")
    assert benchmark.traditional == "對標對表"
    assert "充分對標對表《濟南市碳達峰工作方案》" in to_traditional(benchmark.definition)


def test_the_three_defined_terms_carry_the_documents_own_definitions(
    glossary: Glossary, source_text: str
) -> None:
    section = source_text.split("六、关键词诠释", 1)[1].split("七、", 1)[0]
    defined = dict(
        line.translate(_ASCII_TO_FULL).split("：", 1)
        for line in section.strip().splitlines()
        if "：" in line.translate(_ASCII_TO_FULL)
    )
    assert set(defined) == {"碳达峰", "绿色低碳技术", "能源结构优化"}
    by_text = {term.term: term for term in glossary.terms}
    for name, definition in defined.items():
        assert by_text[name].definition == definition
        assert by_text[name].source.endswith("六、关键词诠释")


def test_document_numbers_and_dates_come_from_the_source(
    glossary: Glossary, source_text: str
) -> None:
    """A document number or a date in a definition is one the source gives (or one of the
    few general facts listed here), so nothing about the plan is invented."""
    general_facts = {"2021年7月16日", "2024年"}  # national carbon market launch; 双控 plan year
    for term in glossary.terms:
        text = term.definition + "".join(term.examples)
        for number in re.findall(r"[\u4e00-\u9fff]+〔\d{4}〕\d+号", text):
            assert number in source_text, (term.term, number)
        for date in re.findall(r"\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?", text):
            if date in general_facts or date.rstrip("年") in {"2030", "2060"}:
                continue
            assert date in source_text, (term.term, date)


def test_no_scraping_residue(glossary: Glossary) -> None:
    ruby = re.compile(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
    for term in glossary.terms:
        for text in (term.term, term.definition, *term.examples):
            assert not ruby.search(text), term.term
            assert "?" not in text, term.term
