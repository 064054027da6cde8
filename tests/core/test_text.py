"""Text normalisation: conversion between scripts, folding, ruby removal."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carbon_glossary.core.text import (
    BUILTIN_TRADITIONAL,
    break_offsets,
    cell_width,
    fold,
    strip_ruby,
    to_simplified,
    to_traditional,
)


def test_traditional_to_simplified() -> None:
    assert to_simplified("碳達峰") == "碳达峰"
    assert (
        to_simplified("關於《槐蔭區碳達峰工作方案》的解讀") == "关于《槐荫区碳达峰工作方案》的解读"
    )


def test_simplified_to_traditional_uses_standard_forms_without_vocabulary_swaps() -> None:
    assert to_traditional("碳达峰") == "碳達峰"
    assert to_traditional("槐荫区") == "槐蔭區"
    assert to_traditional("信息") == "信息"  # s2twp would turn this into 資訊


def test_builtin_phrase_fixes_correct_what_opencc_gets_wrong() -> None:
    # 对表 here is checking against a list (表), not setting a watch (錶); the source
    # document itself prints 對標對表.
    assert to_traditional("对标对表") == "對標對表"
    assert to_traditional("人类命运休戚与共") == "人類命運休戚與共"


@pytest.mark.parametrize("phrase", sorted(BUILTIN_TRADITIONAL))
def test_each_builtin_fix_is_still_needed_and_fits(phrase: str) -> None:
    """An entry OpenCC has since fixed is noticed (and can go); a fix converts back."""
    import opencc

    fixed = BUILTIN_TRADITIONAL[phrase]
    assert opencc.OpenCC("s2tw").convert(phrase) != fixed
    assert len(fixed) == len(phrase)
    assert to_simplified(fixed) == phrase


def test_a_fix_changes_only_its_phrase() -> None:
    text = "充分对标对表《济南市碳达峰工作方案》，对表时间"
    assert to_traditional(text) == "充分對標對表《濟南市碳達峰工作方案》，對錶時間"


def test_a_glossary_table_adds_fixes_and_wins_over_the_builtin_ones() -> None:
    assert to_traditional("分布式能源") == "分佈式能源"
    assert to_traditional("分布式能源", {"分布": "分布"}) == "分布式能源"
    assert to_traditional("对标对表", {"对标对表": "對標對錶"}) == "對標對錶"
    # The longest phrase wins where two start at the same place.
    assert to_traditional("对标对表", {"对标": "对標"}) == "對標對表"
    assert to_traditional("对标对表", {"对标对表的": "x"}) == "對標對表"
    # An entry of the wrong length (the loader reports it) is not applied.
    assert to_traditional("分布", {"分布": "分"}) == "分佈"


def test_ascii_passes_through() -> None:
    assert to_simplified("CCUS") == "CCUS"
    assert to_traditional("tan4") == "tan4"


def test_fold_makes_width_and_case_irrelevant() -> None:
    assert fold("ＣＣＵＳ Carbon") == "ccus carbon"
    assert fold("Straße") == fold("STRASSE")


def test_strip_ruby_removes_scraped_annotations() -> None:
    assert strip_ruby("碳達(dá)峰") == "碳達峰"
    assert strip_ruby("關(guān)於《槐蔭區(qū)碳達(dá)峰》") == "關於《槐蔭區碳達峰》"
    assert strip_ruby("綠(lǜ)色") == "綠色"


def test_strip_ruby_keeps_parentheses_that_are_text() -> None:
    kept = [
        "《2030年前碳達峰行動方案》(國發〔2021〕23號)",
        "碳捕集(CCUS)",
        "電(power)",
        "碳(dá",
        "(dá)碳",  # not after a hanzi
    ]
    for text in kept:
        assert strip_ruby(text) == text


def test_strip_ruby_on_the_seed_document_leaves_no_annotation_after_a_hanzi() -> None:
    import re
    from pathlib import Path

    seed = Path(__file__).resolve().parents[2] / "sources"
    seed /= "huaiyin-carbon-peaking-interpretation.raw.txt"
    cleaned = strip_ruby(seed.read_text(encoding="utf-8"))
    assert "碳達峰" in cleaned
    assert not re.search(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", cleaned)


@given(st.text())
def test_text_functions_never_raise(text: str) -> None:
    for function in (fold, strip_ruby, to_simplified, to_traditional):
        assert isinstance(function(text), str)


@given(st.text(alphabet="对标表休戚与共钟干发面里的 \n𠀀"))
def test_outside_the_fixed_phrases_the_conversion_is_opencc_s(text: str) -> None:
    import opencc

    opencc_s = opencc.OpenCC("s2tw").convert(text)
    ours = to_traditional(text)
    assert len(ours) == len(text)
    covered = set()
    for phrase in BUILTIN_TRADITIONAL:
        start = text.find(phrase)
        while start >= 0:
            covered.update(range(start, start + len(phrase)))
            start = text.find(phrase, start + 1)
    assert [
        i
        for i, (a, b) in enumerate(zip(ours, opencc_s, strict=True))
        if a != b and i not in covered
    ] == []


# --- line breaking: numbers keep their measure words, signs their numbers -------------------


def _lines(text: str, width: int) -> list[str]:
    from itertools import pairwise

    offsets = [0, *break_offsets(text, width, cell_width), len(text)]
    return [text[a:b] for a, b in pairwise(offsets)]


NOISY = "参加人数少于 10 人：下面各题的难度和区分度数据波动很大，仅供参考。"
FLAG = "各题（⚑ 表示这道题可能有问题：难度系数 < 0.2 或区分度 < 0.15）"


@pytest.mark.parametrize("width", range(8, 40))
def test_a_number_stays_with_the_measure_word_after_it(width: int) -> None:
    # the report's small-room warning at 60 columns broke as "参加人数少于 10" / "人：……"
    lines = _lines(NOISY, width)
    assert "".join(lines) == NOISY
    assert any("10 人" in line for line in lines), lines
    assert all(cell_width(line.rstrip(" ")) <= width for line in lines), lines
    lines = _lines("共有 3 道题答错，另外有12道题没有作答", width)
    assert any("3 道" in line for line in lines) and any("12道" in line for line in lines), lines


@pytest.mark.parametrize("width", range(8, 40))
def test_a_comparison_sign_stays_with_its_number(width: int) -> None:
    # the report's legend broke as "（⚑ ……区分度 <" / "0.15）"
    lines = _lines(FLAG, width)
    assert "".join(lines) == FLAG
    assert any("< 0.15）" in line for line in lines), lines
    assert any("< 0.2" in line for line in lines), lines
    for text, whole in (("及格线为≥60%的同学", "≥60%"), ("区分度小于 < -0.5 的题", "< -0.5")):
        assert any(whole in line for line in _lines(text, width)), (text, width)


def test_a_number_and_its_unit_wider_than_the_line_are_still_folded() -> None:
    lines = _lines("少于 1000000 人", 6)
    assert "".join(lines) == "少于 1000000 人"
    assert all(cell_width(line.rstrip(" ")) <= 6 for line in lines)


def test_english_numbers_before_words_may_still_break() -> None:
    # only a Chinese measure word or unit is kept with its number
    assert _lines("fewer than 10 people", 14) == ["fewer than 10 ", "people"]


def test_a_score_has_one_decimal_everywhere() -> None:
    from carbon_glossary.core.text import percent_figure

    values = (68, 200 / 3, 100.0, 0.0, -0.01, 12.34)
    assert [percent_figure(v) for v in values] == ["68.0", "66.7", "100.0", "0.0", "0.0", "12.3"]
