"""The shipped glossary says what the source document says, and nothing it cannot back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.model import Glossary
from carbon_glossary.core.text import strip_ruby, to_simplified, to_traditional

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "sources" / "huaiyin-carbon-peaking-interpretation.raw.txt"
CLEANED = ROOT / "sources" / "huaiyin-carbon-peaking-interpretation.txt"
SHIPPED = ROOT / "glossary.toml"

# The cleaning steps beyond ruby removal and t2s, as sources/README.md lists them.
_REPAIRS = {
    "能够?qū)崿F(xiàn)": "能够实现",  # 實現 mis-encoded by the scraper
    "著力": "着力",  # t2s keeps 著; the simplified form of zhuó is 着
}
_PAGE_CHROME = ("字号:", "大 中 小", "扫码使用手机浏览本页内容")

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


def clean(raw: str) -> str:
    """The raw scraped page → the cleaned source text (sources/README.md)."""
    text = to_simplified(strip_ruby(raw))
    for wrong, right in _REPAIRS.items():
        text = text.replace(wrong, right)
    lines = [line for line in text.splitlines() if line.strip() not in _PAGE_CHROME]
    return "\n".join(lines).translate(_ASCII_TO_FULL) + "\n"


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(SHIPPED)


@pytest.fixture(scope="module")
def source_text() -> str:
    """The source document, cleaned (shipped in sources/)."""
    return CLEANED.read_text(encoding="utf-8")


def test_the_cleaned_source_is_the_raw_page_cleaned_as_documented(source_text: str) -> None:
    assert clean(RAW.read_text(encoding="utf-8")) == source_text
    assert "能够实现更加绿色、低碳、可持续的发展目标" in source_text
    assert not re.search(r"[?()\[\]a-zA-Z]", source_text)  # no residue, no ASCII brackets


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
    defined = dict(line.split("：", 1) for line in section.strip().splitlines() if "：" in line)
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
