"""Readings: override > glossary phrase table > built-in table > pypinyin phrase mode."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carbon_glossary.core.pinyin import InvalidSyllableError, format_marks, valid_syllables
from carbon_glossary.core.readings import (
    BUILTIN_PHRASES,
    NoReadingError,
    Reading,
    SyllableCountError,
    other_readings,
    resolve_reading,
)


def marks(text: str, phrases: dict[str, tuple[str, ...]] | None = None) -> str:
    return format_marks(resolve_reading(text, None, phrases or {}).syllables)


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("调峰", "tiáo fēng"),
        ("储能调峰", "chǔ néng tiáo fēng"),  # the fix reaches longer terms
        ("长效机制", "cháng xiào jī zhì"),
        ("长三角一体化", "cháng sān jiǎo yī tǐ huà"),
        ("按期还款", "àn qī huán kuǎn"),
        ("给排水工程", "jǐ pái shuǐ gōng chéng"),
        ("重构", "chóng gòu"),
        ("长时储能", "cháng shí chǔ néng"),
        ("锂离子电池", "lǐ lí zǐ diàn chí"),
        ("源网荷储一体化", "yuán wǎng hè chǔ yī tǐ huà"),
        ("长清区", "cháng qīng qū"),
        ("济阳区", "jǐ yáng qū"),
        ("济政字〔2023〕36号", "jǐ zhèng zì hào"),  # Jinan's document numbers: 济 = 济南
        ("济政办发〔2022〕1号", "jǐ zhèng bàn fā hào"),
        ("经济政策", "jīng jì zhèng cè"),  # 济政 alone is no phrase: 经济 keeps jì
        ("经济发展", "jīng jì fā zhǎn"),
        # pypinyin already right: nothing in the table changes these
        ("碳达峰", "tàn dá fēng"),
        ("碳中和", "tàn zhōng hé"),
        ("调节", "tiáo jié"),
        ("调度", "diào dù"),
        ("重点行业", "zhòng diǎn háng yè"),
        ("行动方案", "xíng dòng fāng àn"),
        ("供给侧", "gōng jǐ cè"),
        ("率先", "shuài xiān"),
        ("累计", "lěi jì"),
        ("参与", "cān yù"),
        ("空调", "kōng tiáo"),
        ("双重", "shuāng chóng"),
        ("成长时期", "chéng zhǎng shí qī"),  # 长时 does not reach into 成长
    ],
)
def test_domain_readings(term: str, expected: str) -> None:
    assert marks(term) == expected


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("一个", "yī gè"),
        ("一定", "yī dìng"),
        ("一致", "yī zhì"),
        ("不是", "bù shì"),
        ("不要", "bù yào"),
        ("统一", "tǒng yī"),
        ("差不多", "chà bu duō"),  # a neutral tone is lexical, not sandhi, and stays
    ],
)
def test_yi_and_bu_keep_citation_tones(term: str, expected: str) -> None:
    assert marks(term) == expected


@pytest.mark.parametrize(("phrase", "reading"), sorted(BUILTIN_PHRASES.items()))
def test_builtin_entries_are_well_formed_and_still_needed(
    phrase: str, reading: tuple[str, ...]
) -> None:
    """Each entry is one valid syllable per hanzi, and pypinyin on its own still gets the
    phrase wrong (when it is fixed upstream, the entry can go)."""
    from pypinyin import Style, pinyin

    assert len(reading) == len(phrase)
    assert all(s[:-1] in valid_syllables() and s[-1] in "12345" for s in reading)
    plain = tuple(p[0] for p in pinyin(phrase, style=Style.TONE3, neutral_tone_with_five=True))
    assert plain != reading


def test_glossary_table_beats_builtin_and_reaches_longer_terms() -> None:
    table = {"调峰": ("diao4", "feng1"), "降碳": ("jiang4", "tan4")}
    assert marks("调峰", table) == "diào fēng"
    assert marks("储能调峰", table) == "chǔ néng diào fēng"


def test_glossary_table_does_not_leak_to_other_glossaries() -> None:
    assert marks("调峰", {"调峰": ("diao4", "feng1")}) == "diào fēng"
    assert marks("调峰", {}) == "tiáo fēng"


def test_override_wins_and_is_parsed_from_marks_or_numbers() -> None:
    reading = resolve_reading("调峰", "diao4 feng1", {"调峰": ("tiao2", "feng1")})
    assert reading == Reading(("diao4", "feng1"), ("diào", "fēng"), ())
    assert resolve_reading("碳达峰", "tàn dá fēng", {}).syllables == ("tan4", "da2", "feng1")


def test_override_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(SyllableCountError) as caught:
        resolve_reading("碳达峰", "tan4 da2", {})
    assert (caught.value.expected, caught.value.got) == (3, 2)


def test_override_that_is_not_pinyin_is_refused() -> None:
    with pytest.raises(InvalidSyllableError):
        resolve_reading("碳", "tan44", {})


def test_phrase_table_entry_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(SyllableCountError):
        resolve_reading("调峰", None, {"调峰": ("tiao2",)})


def test_non_hanzi_take_no_syllable() -> None:
    reading = resolve_reading("《2030年前碳达峰行动方案》", None, {})
    assert format_marks(reading.syllables) == "nián qián tàn dá fēng xíng dòng fāng àn"
    assert resolve_reading("CCUS技术", None, {}).marks == ("jì", "shù")
    assert resolve_reading("CCUS", None, {}) == Reading((), (), ())


def test_a_hanzi_without_any_known_reading_is_reported() -> None:
    unknown = "\U0002ebe0"  # CJK extension I: a hanzi pypinyin has no entry for
    with pytest.raises(NoReadingError) as caught:
        resolve_reading(f"碳{unknown}", None, {})
    assert caught.value.index == 1


@pytest.mark.parametrize(
    ("term", "unsettled"),
    [
        ("节能降碳", ((2, "降"),)),  # 降 jiàng / xiáng decided by pypinyin's default alone
        ("碳排放量", ((3, "量"),)),
        ("长时间", ((2, "间"),)),
        ("2030年前降碳", ((2, "降"),)),  # indices count hanzi only: 年 0, 前 1, 降 2
        # 济 jǐ (济南) or jì (经济): the author must say (发 and 号 are 多音字 too)
        ("济发〔2022〕1号", ((0, "济"), (1, "发"), (2, "号"))),
    ],
)
def test_unsettled_heteronyms_are_reported(
    term: str, unsettled: tuple[tuple[int, str], ...]
) -> None:
    assert resolve_reading(term, None, {}).unsettled == unsettled


@pytest.mark.parametrize(
    "term",
    [
        "碳达峰",  # 达 has rare readings only (tì, tà): not a real 多音字
        "绿色低碳技术",
        "重点行业",  # 重 and 行 settled by dictionary phrases
        "调峰",  # settled by the built-in table
        "一定",  # citation tone rule
        "碳捕集利用与封存",
        "能源结构优化",
        "循环经济",  # 济 settled by the dictionary phrase 经济
        "济南市碳达峰工作方案",  # 济南 is a dictionary phrase
    ],
)
def test_settled_terms_raise_no_warning(term: str) -> None:
    assert resolve_reading(term, None, {}).unsettled == ()


def test_override_and_table_settle_heteronyms() -> None:
    assert resolve_reading("节能降碳", "jie2 neng2 jiang4 tan4", {}).unsettled == ()
    assert resolve_reading("节能降碳", None, {"降碳": ("jiang4", "tan4")}).unsettled == ()


hanzi_text = st.text(
    alphabet=st.sampled_from(
        "碳达峰中和长行重调一不给还的了着地区能源结构优化绿色低碳技术量降间发"
    ),
    min_size=1,
    max_size=12,
)


@given(hanzi_text)
def test_without_tables_the_reading_is_pypinyins_phrase_mode(text: str) -> None:
    """Apart from the citation tones of 一/不, the segmentation here reproduces pypinyin."""
    from pypinyin import Style, pinyin

    expected = [p[0] for p in pinyin(text, style=Style.TONE3, neutral_tone_with_five=True)]
    for index, char in enumerate(text):
        if char in "一不" and expected[index] != "bu5":
            expected[index] = {"一": "yi1", "不": "bu4"}[char]
    table_free = not any(key in text for key in BUILTIN_PHRASES)
    if table_free:
        assert list(resolve_reading(text, None, {}).syllables) == expected


@given(st.text(max_size=20))
def test_any_text_gets_one_syllable_per_hanzi_or_a_clear_error(text: str) -> None:
    from carbon_glossary.core.pinyin import is_hanzi

    try:
        reading = resolve_reading(text, None, {})
    except NoReadingError:
        return
    assert len(reading.syllables) == sum(1 for c in text if is_hanzi(c))
    assert len(reading.marks) == len(reading.syllables)


@pytest.mark.parametrize(
    ("text", "syllables", "expected"),
    [
        ("调峰", ("tiao2", "feng1"), ("diao4", "")),
        ("调度", ("diao4", "du4"), ("tiao2", "duo2")),
        ("十大行动", ("shi2", "da4", "xing2", "dong4"), ("", "", "hang2", "")),
        ("济南", ("ji3", "nan2"), ("ji4", "")),  # either way round
        ("经济", ("jing1", "ji4"), ("", "ji3")),
        (
            "新型电力系统",
            ("xin1", "xing2", "dian4", "li4", "xi4", "tong3"),
            ("", "", "", "", "ji4", ""),
        ),
        (
            "“342”现代化产业体系",
            ("xian4", "dai4", "hua4", "chan3", "ye4", "ti3", "xi4"),
            ("",) * 6 + ("ji4",),
        ),
        # pypinyin lists 达 tì/tà and 能 tái/nài/xióng, which no phrase of its dictionary uses
        ("碳达峰", ("tan4", "da2", "feng1"), ()),
        ("能源", ("neng2", "yuan2"), ()),
        ("CCUS技术", ("ji4", "shu4"), ()),
        ("调峰", ("tiao2",), ()),  # syllables that do not fit the text: none
    ],
)
def test_other_readings_per_hanzi(
    text: str, syllables: tuple[str, ...], expected: tuple[str, ...]
) -> None:
    """QA 2 finding 1: search finds 调峰 (tiáo fēng) by diaofeng through these."""
    assert other_readings(text, syllables) == expected


def test_other_readings_are_pypinyins_and_never_the_own_one() -> None:
    """Every other reading of every hanzi of the shipped glossary is one pypinyin lists for
    that character (never invented) and differs from the term's own reading of it; the
    loader stores them on the term."""
    from pathlib import Path

    from pypinyin import Style, pinyin

    from carbon_glossary.core.loader import load_glossary
    from carbon_glossary.core.pinyin import is_hanzi

    glossary = load_glossary(Path(__file__).resolve().parents[2] / "glossary.toml")
    seen = 0
    for term in glossary.terms:
        assert term.other_readings == other_readings(term.term, term.syllables)
        if not term.other_readings:
            continue
        hanzi = [char for char in term.term if is_hanzi(char)]
        assert len(term.other_readings) == len(hanzi) == len(term.syllables)
        for char, own, others in zip(hanzi, term.syllables, term.other_readings, strict=True):
            listed = pinyin(char, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True)
            for reading in others.split():
                assert reading in listed[0] and reading != own, (term.term, char, reading)
                seen += 1
    assert seen >= 40
    (peak,) = (term for term in glossary.terms if term.term == "调峰")
    assert peak.other_readings == ("diao4", "")
