"""Search: every query form, the ranking, highlight spans, and robustness."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carbon_glossary.core.collate import sort_terms
from carbon_glossary.core.model import Glossary, Term
from carbon_glossary.core.pinyin import display_pinyin
from carbon_glossary.core.readings import other_readings, resolve_reading
from carbon_glossary.core.search import Match, SearchIndex
from carbon_glossary.core.text import to_traditional

ENTRIES: list[dict[str, object]] = [
    {"term": "碳达峰", "english": ("carbon peaking",), "definition": "碳排放量达到历史最高值。"},
    {"term": "碳达峰行动", "english": ("carbon peaking actions",)},
    {"term": "实现碳达峰", "english": ("achieving the peak",)},
    {"term": "达峰", "english": ("peaking",)},
    {"term": "碳中和", "english": ("carbon neutrality",), "definition": "在碳达峰之后实现。"},
    {"term": "低碳", "english": ("low-carbon",)},
    {"term": "能源", "english": ("energy",)},
    {"term": "能源结构优化", "english": ("energy mix optimisation",)},
    {"term": "绿色", "english": ("green",), "aliases": ("生态",)},
    {"term": "路径", "english": ("pathway",)},
    {"term": "行业", "english": ("sector",)},
    {"term": "行动方案", "english": ("action plan",)},
    {"term": "重构", "english": ("restructuring",)},
    {"term": "CCUS技术", "english": ("CCUS technology", "carbon capture")},
    {"term": "碳汇", "english": ("carbon sink",), "definition": "吸收二氧化碳的过程(CO2)。"},
]


def make_glossary(entries: list[dict[str, object]]) -> Glossary:
    terms = []
    for position, entry in enumerate(entries):
        text = str(entry["term"])
        reading = resolve_reading(text, None, {})
        terms.append(
            Term(
                id=f"t{position}",
                term=text,
                syllables=reading.syllables,
                marks=reading.marks,
                traditional=to_traditional(text),
                english=tuple(entry.get("english", ())),  # type: ignore[arg-type]
                definition=str(entry.get("definition", "")),
                aliases=tuple(entry.get("aliases", ())),  # type: ignore[arg-type]
                position=position,
                other_readings=other_readings(text, reading.syllables),  # as the loader does
            )
        )
    return Glossary("测试", "zh-CN", "1", tuple(terms))


INDEX = SearchIndex.build(make_glossary(ENTRIES))


def found(query: str, limit: int | None = None) -> list[str]:
    return [match.term.term for match in INDEX.search(query, limit)]


def first(query: str) -> Match:
    return INDEX.search(query)[0]


@pytest.mark.parametrize(
    "query",
    [
        "碳达峰",
        "碳達峰",  # traditional
        "tandafeng",
        "TanDaFeng",
        "tan4 da2 feng1",
        "tan4da2feng1",
        "tàn dá fēng",
        "tàndáfēng",
        "tdf",
        "ＴＤＦ",  # full width
        "tdfeng",
        "tandaf",
        "tan da",
    ],
)
def test_every_query_form_finds_the_term_first(query: str) -> None:
    assert found(query)[0] == "碳达峰"


def test_ranking_exact_prefix_substring_pinyin_then_english_and_definition() -> None:
    results = INDEX.search("碳达峰")
    assert [(m.term.term, m.field) for m in results] == [
        ("碳达峰", "term"),
        ("碳达峰行动", "term"),
        ("实现碳达峰", "term"),
        ("碳中和", "definition"),
    ]
    scores = [m.score for m in results]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == 4


def test_pinyin_from_the_first_syllable_ranks_above_mid_term() -> None:
    results = INDEX.search("dafeng")
    assert results[0].term.term == "达峰"
    assert results[0].score > results[1].score
    assert [m.term.term for m in results[1:]] == [
        t.term for t in sort_terms(m.term for m in results[1:])
    ]


def test_tones_in_the_query_must_match() -> None:
    assert "碳达峰" in found("tan4")
    assert "碳达峰" not in found("tan1")
    assert "碳达峰" not in found("tǎn")
    assert "碳达峰" in found("tàn")


def test_a_tone_number_ends_the_syllable_but_a_mark_does_not() -> None:
    assert "行业" in found("hang2")
    assert "行业" not in found("ha2")  # ha2 is not hang2
    assert "行业" in found("há")  # a marked syllable prefix


def test_a_space_forces_a_syllable_boundary() -> None:
    assert "碳达峰" in found("tan da")
    assert "碳达峰" not in found("tand afeng")


def test_heteronyms_are_found_by_their_reading() -> None:
    assert "行业" in found("hangye")
    assert first("hangye").field == "pinyin"
    assert "行动方案" in found("xingdong")
    assert found("chonggou")[0] == "重构"


def test_heteronyms_are_found_by_another_reading_below_their_own() -> None:
    """QA 2 finding 1: 调峰 is tiáo fēng, but whoever reads 调 the everyday way (diào) types
    diaofeng. A match through another reading pypinyin gives the character counts, below
    every match through a term's own reading; the highlight is on the own reading."""
    index = SearchIndex.build(make_glossary([{"term": "调峰"}, {"term": "调度"}, {"term": "行业"}]))
    for query in ("diaofeng", "diao feng", "diao4feng1", "diào fēng", "dfeng"):
        (match,) = index.search(query)
        assert (match.term.term, match.field) == ("调峰", "other_reading")
        assert dict(match.spans) == {"pinyin": ((0, 9),), "term": ((0, 2),)}  # tiáo fēng
    # 调度 is diào dù itself: it comes first for diao, and 调峰 only through its other reading
    assert [(m.term.term, m.field) for m in index.search("diao")] == [
        ("调度", "pinyin"),
        ("调峰", "other_reading"),
    ]
    assert [(m.term.term, m.field) for m in index.search("tiao")] == [
        ("调峰", "pinyin"),
        ("调度", "other_reading"),
    ]
    assert index.search("diao")[0].score > index.search("diao")[1].score
    assert [m.term.term for m in index.search("diao", limit=1)] == ["调度"]
    assert [(m.term.term, m.field) for m in index.search("xingye")] == [("行业", "other_reading")]
    assert index.search("diao4feng4") == []  # a tone pypinyin does not give 峰
    assert index.search("tiao4feng1") == []  # nor 调: it has tiáo and diào only


def test_a_match_from_a_spellings_first_syllable_ranks_above_mid_term() -> None:
    index = SearchIndex.build(make_glossary([{"term": "储能调峰"}, {"term": "调峰"}]))
    results = index.search("diaofeng")
    assert [(m.term.term, m.field) for m in results] == [
        ("调峰", "other_reading"),
        ("储能调峰", "other_reading"),
    ]
    assert results[0].score > results[1].score
    assert dict(results[1].spans) == {"pinyin": ((9, 18),), "term": ((2, 4),)}  # tiáo fēng


def test_several_heteronyms_may_all_be_read_otherwise() -> None:
    """重点行业 is zhòng diǎn háng yè; chongdianxingye misreads both 重 and 行, and any
    syllable of it may begin the query."""
    index = SearchIndex.build(make_glossary([{"term": "重点行业"}, {"term": "行业"}]))
    for query in ("chongdianxingye", "chong2 dian3 xing2 ye4", "cdxy", "dianxing", "xingye"):
        found = [(m.term.term, m.field) for m in index.search(query)]
        assert ("重点行业", "other_reading") in found, query
    assert [m.term.term for m in index.search("xingye")] == ["行业", "重点行业"]  # háng yè
    (match,) = index.search("dianxing")
    assert dict(match.spans) == {"pinyin": ((6, 15),), "term": ((1, 3),)}  # diǎn háng
    # pypinyin also lists héng for 行, but no phrase of its dictionary reads it so
    assert index.search("zhongdianheng") == []


def test_archaic_readings_pypinyin_lists_find_nothing() -> None:
    """达 (dá) also has tì and tà in pypinyin, 能 (néng) tái and nài: readings kept from
    classical texts that its phrase dictionary never uses, so they find nothing."""
    index = SearchIndex.build(make_glossary([{"term": "达峰"}, {"term": "能源"}]))
    assert index.search("tafeng") == index.search("tifeng") == []
    assert index.search("naiyuan") == index.search("taiyuan") == []


@pytest.mark.parametrize("query", ["lvse", "lu:se", "lüse", "lǜsè", "LÜSE", "luse", "ls"])
def test_u_umlaut_in_every_spelling(query: str) -> None:
    assert found(query)[0] == "绿色"


def test_lu_plain_also_finds_lv_but_ranks_by_order() -> None:
    assert found("lu")[:2] == ["路径", "绿色"]  # lù < lǜ


def test_initials_and_field_labels() -> None:
    match = first("ny")
    assert (match.term.term, match.field) == ("能源", "initials")
    assert first("nengyuan").field == "pinyin"
    assert first("nyjg").term.term == "能源结构优化"
    assert first("碳達峰").field == "traditional"


def test_latin_letters_in_a_term() -> None:
    assert found("ccus")[0] == "CCUS技术"
    assert found("jishu")[0] == "CCUS技术"


def test_english_whole_gloss_then_gloss_start_then_inside() -> None:
    assert found("carbon peaking")[:2] == ["碳达峰", "碳达峰行动"]
    results = INDEX.search("carbon")
    assert [m.field for m in results] == ["english"] * len(results)
    names = [m.term.term for m in results]
    assert names.index("低碳") == len(names) - 1  # "low-carbon": inside a gloss
    assert "CCUS技术" in names  # its second gloss begins with carbon
    assert found("ENERGY")[0] == "能源"


def test_alias_and_definition_text() -> None:
    assert [(m.term.term, m.field) for m in INDEX.search("生态")] == [("绿色", "alias")]
    assert [(m.term.term, m.field) for m in INDEX.search("历史最高值")] == [
        ("碳达峰", "definition")
    ]
    assert found("co2") == ["碳汇"]


def test_spans_for_term_matches() -> None:
    assert found("达峰")[:4] == ["达峰", "实现碳达峰", "碳达峰", "碳达峰行动"]  # shí < tàn
    match = INDEX.search("达峰")[1]
    assert dict(match.spans) == {"term": ((3, 5),)}


def test_spans_for_pinyin_matches_cover_whole_syllables_and_their_hanzi() -> None:
    match = next(m for m in INDEX.search("dafeng") if m.term.term == "碳达峰")
    shown = display_pinyin(match.term.term, match.term.marks)
    assert shown == "tàn dá fēng"
    assert match.spans["pinyin"] == ((4, 11),)
    assert match.spans["term"] == ((1, 3),)
    ccus = first("jishu")
    assert display_pinyin(ccus.term.term, ccus.term.marks) == "CCUS jì shù"
    assert ccus.spans["pinyin"] == ((5, 11),)
    assert ccus.spans["term"] == ((4, 6),)
    tan = first("tan4")
    assert tan.spans["pinyin"] == ((0, 3),)


def test_spans_for_english_and_definition() -> None:
    low = next(m for m in INDEX.search("carbon") if m.term.term == "低碳")
    assert dict(low.spans) == {"english": ((4, 10),)}
    defined = first("历史最高值")
    assert defined.spans["definition"] == ((6, 11),)
    assert defined.term.definition[6:11] == "历史最高值"


def test_empty_query_lists_every_term_in_pinyin_order() -> None:
    everything = INDEX.search("   ")
    assert [m.term for m in everything] == sort_terms(INDEX.terms)
    assert len(INDEX.search("", limit=3)) == 3


def test_limit() -> None:
    assert found("carbon", limit=2) == found("carbon")[:2]
    assert INDEX.search("碳", limit=0) == []


QUERIES = st.text(
    alphabet=st.sampled_from("碳达峰中和能源绿色tandfengyulvsecarbo24 ':ǜàüＴ()[]*+?\\|^$"),
    max_size=8,
)


@given(QUERIES, st.integers(min_value=1, max_value=6))
def test_a_limit_gives_the_head_of_the_full_list(query: str, limit: int) -> None:
    full = INDEX.search(query)
    assert [m.term for m in INDEX.search(query, limit)] == [m.term for m in full[:limit]]
    assert len({m.term.id for m in full}) == len(full)  # each term once
    scores = [m.score for m in full]
    assert scores == sorted(scores, reverse=True)


@settings(max_examples=300)
@given(st.text())
def test_search_never_raises_and_spans_stay_inside_their_text(query: str) -> None:
    for match in INDEX.search(query):
        term = match.term
        texts = {
            "term": term.term,
            "pinyin": display_pinyin(term.term, term.marks),
            "aliases": "; ".join(term.aliases),
            "english": "; ".join(term.english),
            "definition": term.definition,
            "definition_en": term.definition_en,
        }
        for key, spans in match.spans.items():
            for start, end in spans:
                assert 0 <= start < end <= len(texts[key])


@pytest.mark.parametrize("query", ["((", "[a-", "\\", ".*", "a|b", "(?P<x>", "\n", "\x00碳"])
def test_regex_metacharacters_are_plain_text(query: str) -> None:
    INDEX.search(query)


def test_a_term_filed_elsewhere_by_sort_as_is_still_found_from_its_first_syllable() -> None:
    base = make_glossary(ENTRIES)
    moved = Term(
        id="ccus-moved",
        term="CCUS封存",
        syllables=("feng1", "cun2"),
        marks=("fēng", "cún"),
        traditional="CCUS封存",
        sort_as="碳",  # files among the t- terms, though its reading begins with C
        position=len(base.terms),
    )
    index = SearchIndex.build(Glossary("测试", "zh-CN", "1", (*base.terms, moved)))
    for query in ("ccus", "ccusf", "cf", "fengcun", "fc"):
        full = [m.term.term for m in index.search(query)]
        assert "CCUS封存" in full, query
        for limit in (1, 2, 3):
            assert [m.term.term for m in index.search(query, limit)] == full[:limit]


@pytest.mark.parametrize(
    ("query", "gloss"),
    [
        ("optimization", "optimisation"),  # issue 7 item 13: the gloss says optimisation
        ("optimisation", "optimization"),
        ("energy mix optimization", "energy mix optimisation"),
        ("color", "colour"),
        ("modeling", "modelling"),
        ("centre", "center"),
        ("analyze", "analyse"),
    ],
)
def test_british_and_american_spellings_find_each_other(query: str, gloss: str) -> None:
    glossary = make_glossary(
        [
            {"term": "能源结构优化", "english": (gloss,), "definition": "调整能源结构。"},
            {"term": "碳汇", "english": ("carbon sink",)},
        ]
    )
    sink = replace(glossary.terms[1], definition_en=f"Not {gloss}: a sink.")
    index = SearchIndex.build(replace(glossary, terms=(glossary.terms[0], sink)))
    match, *rest = index.search(query)
    assert match.term.term == "能源结构优化" and match.field == "english"
    assert match.spans["english"] == ((0, len(gloss)),)
    assert [m.term.term for m in rest] == ["碳汇"]  # found in its English definition
    assert rest[0].spans["definition_en"] == ((4, 4 + len(gloss)),)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["碳", "tan", "tdf", "carbon", "peak", "能源", "cc", "吸收", "x", "de"]))
def test_an_index_built_as_queries_need_it_answers_alike(query: str) -> None:
    """Issue 7 item 15: a one-shot search builds only the fields its tiers reach."""
    glossary = make_glossary(ENTRIES)
    lazy = SearchIndex.build(glossary, whole=False)
    for limit in (None, 1, 3):
        got = lazy.search(query, limit)
        want = INDEX.search(query, limit)
        assert [(m.term.id, m.score, m.field, dict(m.spans)) for m in got] == [
            (m.term.id, m.score, m.field, dict(m.spans)) for m in want
        ]


def test_an_exact_alias_ranks_first() -> None:
    """QA: 能源消费总量 is an alias of 能源消费, yet 能耗双控 (whose alias 能源消费总量和强度双控
    only starts with it) came first, and so would a term that starts with it. An exact
    match on a name or an alias ranks first; only an exact match on the term itself above."""
    glossary = make_glossary(
        [
            {"term": "能耗双控", "aliases": ("能源消费总量和强度双控",)},
            {"term": "能源消费总量控制"},  # a term that starts with the query
            {"term": "能源消费", "aliases": ("能源消费总量",)},
            {"term": "碳排放", "aliases": ("CO2排放",)},
            {"term": "二氧化碳排放"},
            {"term": "CO2排放", "aliases": ("二氧化碳排放",)},
        ]
    )
    index = SearchIndex.build(glossary)
    found = [(m.term.term, m.field) for m in index.search("能源消费总量")]
    assert found == [("能源消费", "alias"), ("能源消费总量控制", "term"), ("能耗双控", "alias")]
    assert [m.term.term for m in index.search("能源消费总量", limit=1)] == ["能源消费"]
    assert index.search("能源消费总量")[0].spans["aliases"] == ((0, 6),)
    # the term's own name first, then the term that has it as an alias
    assert [m.term.term for m in index.search("二氧化碳排放")][:2] == ["二氧化碳排放", "CO2排放"]
    assert [m.term.term for m in index.search("co2排放")][:2] == ["CO2排放", "碳排放"]


def test_the_shipped_glossary_ranks_an_exact_alias_first() -> None:
    from pathlib import Path

    from carbon_glossary.core.loader import load_glossary

    shipped = load_glossary(Path(__file__).resolve().parents[2] / "glossary.toml")
    match = SearchIndex.build(shipped).search("能源消费总量")[0]
    assert (match.term.term, match.field) == ("能源消费", "alias")


@given(
    QUERIES,
    st.one_of(st.none(), st.integers(min_value=0, max_value=6)),
    st.one_of(st.none(), st.integers(min_value=0, max_value=12)),
)
def test_search_and_count_gives_the_head_and_the_count(
    query: str, limit: int | None, count_up_to: int | None
) -> None:
    """``search`` counts "N more" for the command line without making results of them."""
    matches, count = INDEX.search_and_count(query, limit, count_up_to)
    assert matches == INDEX.search(query, limit)
    if limit is None:
        count_up_to = None
    elif count_up_to is not None:
        count_up_to = max(limit, count_up_to)
    assert count == len(INDEX.search(query, count_up_to))
