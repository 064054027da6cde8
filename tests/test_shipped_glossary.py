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

# Every term issues 2 and 7 name must be in the glossary.
REQUIRED_TERMS = [
    "新能源", "清洁能源", "重点排放单位", "重点用能单位", "碳排放核算", "消纳", "散煤", "清缴",
    "峰值", "绿色低碳发展", "节能减排", "可持续发展", "统筹有序", "高碳排放企业", "能源消费",
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


# Dates and document numbers the source does not give, each a published national fact that
# a definition states and names its document for (reviewed by hand; add with care).
GENERAL_DATES = {
    "2021年7月16日": "全国碳市场启动上线交易",
    "2024年": "国办发〔2024〕39号 issued",
    "2024年5月1日": "《碳排放权交易管理暂行条例》施行",
    "2025年": "国发〔2021〕23号 targets; carbon market extended to 钢铁、水泥、铝冶炼",
    "2005年": "base year of the 2030 carbon-intensity target (国发〔2021〕23号)",
}
OTHER_DOCUMENTS = {
    "国办发〔2024〕39号": "《加快构建碳排放双控制度体系工作方案》",
    "中发〔2021〕36号": (
        "《中共中央 国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见》"
    ),
}


def test_document_numbers_and_dates_come_from_the_source(
    glossary: Glossary, source_text: str
) -> None:
    """A document number or a date in a definition is one the source gives (or one of the
    few general facts listed above), so nothing about the plan is invented."""
    for term in glossary.terms:
        text = term.definition + "".join(term.examples)
        for number in re.findall(r"[\u4e00-\u9fff]+〔\d{4}〕\d+号", text):
            if number in OTHER_DOCUMENTS:
                # named with its title wherever its number is given
                assert OTHER_DOCUMENTS[number] + "（" + number in text, (term.term, number)
                continue
            assert number in source_text, (term.term, number)
        for date in re.findall(r"\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?", text):
            if date in GENERAL_DATES or date.rstrip("年") in {"2030", "2060"}:
                continue
            assert date in source_text, (term.term, date)


def test_definitions_from_a_law_or_standard_name_it_in_source(glossary: Glossary) -> None:
    """A definition that says it follows a law, regulation or standard names it in
    ``source``, not only 编写组释义."""
    cited = re.compile(r"《([^》]+(?:法|条例|标准|办法|蓝皮书)(?:（[^）]*）)?)》")
    unnamed = [
        (term.term, title)
        for term in glossary.terms
        for title in cited.findall(term.definition)
        if title not in term.source
    ]
    assert unnamed == []
    by_text = {term.term: term for term in glossary.terms}
    for name, law in [
        ("可再生能源", "《中华人民共和国可再生能源法》"),
        ("重点用能单位", "《中华人民共和国节约能源法》"),
        ("重点排放单位", "《碳排放权交易管理暂行条例》"),
        ("清缴", "《碳排放权交易管理暂行条例》"),
        ("绿色建筑", "GB/T 50378-2019"),
        ("新型电力系统", "《新型电力系统发展蓝皮书》"),
        ("碳排放双控", "国办发〔2024〕39号"),
        # facts a definition states as current name the documents that made them so
        ("能耗双控", "《关于进一步做好新增可再生能源消费不纳入能源消费总量控制有关工作的通知》"),
        ("能耗双控", "《关于进一步做好原料用能不纳入能源消费总量控制有关工作的通知》"),
        ("全国碳市场", "《全国碳排放权交易市场覆盖钢铁、水泥、铝冶炼行业工作方案》"),
        ("重点用能单位", "第五十二条"),
    ]:
        assert law in by_text[name].source, name


def test_current_facts_staff_are_examined_on(glossary: Glossary) -> None:
    by_text = {term.term: term for term in glossary.terms}
    assert "2024年5月1日" in by_text["全国碳市场"].definition
    assert "钢铁、水泥、铝冶炼" in by_text["全国碳市场"].definition
    assert "以强度控制为主、总量控制为辅" in by_text["碳排放双控"].definition
    assert "原料用能" in by_text["能耗双控"].definition
    assert "高耗能、高排放、低水平" in by_text["“两高”项目"].definition
    assert {"两高项目", "高耗能、高排放项目"} <= set(by_text["“两高”项目"].aliases)
    assert "安全高效、清洁低碳、柔性灵活、智慧融合" in by_text["新型电力系统"].definition
    assert "load following" not in by_text["调峰"].english
    assert by_text["人类命运共同体"].english[0] == "community with a shared future for mankind"
    for name in ("《济南市槐荫区碳达峰工作方案》", "槐荫区人民政府"):
        assert "Huaiyin District, Jinan" in by_text[name].english[0], name


def test_readings_of_the_new_terms_and_the_jinan_abbreviation(glossary: Glossary) -> None:
    from carbon_glossary.core.readings import resolve_reading

    by_text = {term.term: term for term in glossary.terms}
    assert by_text["散煤"].marks == ("sǎn", "méi")
    assert by_text["清缴"].marks == ("qīng", "jiǎo")
    assert by_text["重点排放单位"].marks[0] == "zhòng"
    alias = resolve_reading("济政字〔2023〕36号", None, glossary.phrase_pinyin)
    assert alias.marks[0] == "jǐ"


def test_the_energy_terms_staff_confuse_are_defined_and_told_apart(glossary: Glossary) -> None:
    by_text = {term.term: term for term in glossary.terms}
    explained = by_text["清洁能源"].definition
    for name in ("非化石能源", "可再生能源", "新能源", "天然气", "核能"):
        assert name in explained, name
    for related in (by_text["可再生能源"].related, by_text["非化石能源"].related):
        assert {"xin-neng-yuan", "qing-jie-neng-yuan"} <= set(related)


# An example quoted from the source starts with this mark; the rest is the source verbatim.
QUOTE_MARK = "【解读原文】"


def test_quoted_examples_are_marked_and_verbatim(glossary: Glossary, source_text: str) -> None:
    misquoted, unmarked = [], []
    for term in glossary.terms:
        for example in term.examples:
            if example.startswith(QUOTE_MARK):
                if example.removeprefix(QUOTE_MARK) not in source_text:
                    misquoted.append((term.term, example))
            elif _longest_shared_run(re.sub(r"《[^》]*》", "|", example), source_text) >= 14:
                unmarked.append((term.term, example))  # quotes the source without saying so
    assert misquoted == []
    assert unmarked == []
    assert sum(e.startswith(QUOTE_MARK) for t in glossary.terms for e in t.examples) >= 20


def _longest_shared_run(text: str, source: str) -> int:
    """Length of the longest stretch of ``text`` that occurs in ``source`` (document titles
    are taken out first: naming a document is not quoting it)."""
    best = 0
    for start in range(len(text)):
        while start + best < len(text) and text[start : start + best + 1] in source:
            best += 1
    return best


def test_every_example_contains_its_term(glossary: Glossary) -> None:
    """An example shows the term in use: it contains the term or one of its aliases."""
    missing = [
        (term.term, example)
        for term in glossary.terms
        for example in term.examples
        if not any(form.casefold() in example.casefold() for form in (term.term, *term.aliases))
    ]
    assert missing == []


def test_no_scraping_residue(glossary: Glossary) -> None:
    ruby = re.compile(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
    for term in glossary.terms:
        for text in (term.term, term.definition, *term.examples):
            assert not ruby.search(text), term.term
            assert "?" not in text, term.term
