"""Chinese line breaking in the detail card."""

from __future__ import annotations

import io
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text

from carbon_glossary.core.text import NO_LINE_START
from carbon_glossary.ui.widgets.wrap import Fields, Paragraph, break_offsets


def lines_of(text: str, width: int) -> list[str]:
    offsets = [0, *break_offsets(text, width), len(text)]
    return [text[a:b] for a, b in pairwise(offsets)]


def test_punctuation_never_starts_a_line() -> None:
    text = "指在一定时期内，碳排放量达到历史最高值，并逐渐趋于平稳或下降的过程。"
    for width in range(6, 40):
        lines = lines_of(text, width)
        assert "".join(lines) == text
        assert all(cell_len(line) <= width for line in lines)
        assert not any(line[0] in NO_LINE_START for line in lines[1:]), (width, lines)


def test_opening_bracket_stays_with_what_follows() -> None:
    text = "一二三四五六七（八九）"
    lines = lines_of(text, 16)  # 8 hanzi per line: "（" would end the first line
    assert lines == ["一二三四五六七", "（八九）"]


def test_latin_words_stay_whole() -> None:
    lines = lines_of("碳捕集（Carbon Capture, Utilization and Storage）的缩写", 20)
    assert all(cell_len(line.rstrip()) <= 20 for line in lines)
    words = " ".join(lines).split()
    assert "Utilization" in words and "Capture," in words


def test_pinyin_syllables_with_tone_marks_stay_whole() -> None:
    # 碳中和's related row at 100 columns broke as "tàn zhōng h" / "é"
    text = "碳中和  tàn zhōng hé"
    for width in range(8, 20):
        lines = lines_of(text, width)
        assert "".join(lines) == text
        words = " ".join(lines).split()
        assert {"tàn", "zhōng", "hé"} <= set(words), (width, lines)
    # combining marks (m̄, n̄g) and ü belong to their syllable too
    assert lines_of("n̄g lǜ", 4) == ["n̄g ", "lǜ"]


def test_numbers_with_digit_groups_or_decimals_stay_whole() -> None:
    # `show 重点排放单位` wrapped the English "26,000 tonnes" as "26," / "000"
    text = "emitting 26,000 tonnes of CO2, or 13.5 % less, a year"
    for width in range(8, 30):
        lines = lines_of(text, width)
        assert "".join(lines) == text
        words = " ".join(lines).split()
        assert "26,000" in words and "13.5" in words, (width, lines)


def test_a_word_wider_than_the_line_is_folded() -> None:
    lines = lines_of("https://example.com/a/very/long/path", 10)
    assert all(cell_len(line) <= 10 for line in lines)
    assert "".join(lines) == "https://example.com/a/very/long/path"


@given(st.text(alphabet="碳达峰，。、（）《》ab c1 ", max_size=80), st.integers(2, 30))
def test_lines_fit_and_keep_every_character(text: str, width: int) -> None:
    lines = lines_of(text, width)
    assert "".join(lines) == text
    assert all(cell_len(line.rstrip(" ")) <= width for line in lines)


def test_paragraph_renders_styled_lines_within_the_width() -> None:
    console = Console(width=12, record=True, color_system=None, file=io.StringIO())
    console.print(Paragraph(Text("碳达峰，碳中和。\n第二段")))
    rendered = console.export_text().splitlines()
    assert rendered == ["碳达峰，碳中", "和。", "第二段"]


def test_fields_hang_wrapped_values_beside_their_labels() -> None:
    fields = Fields(Style())
    fields.add("定义", Text("指在一定时期内，碳排放量达到历史最高值。"))
    fields.add("类别", Text("核心概念"))
    fields.add("", Text("第二行"))
    console = Console(width=20, record=True, color_system=None, file=io.StringIO())
    console.print(fields)
    assert console.export_text().splitlines() == [
        "定义  指在一定时期",  # "，" may not start a line: "内" goes down with it
        "      内，碳排放量达",
        "      到历史最高值。",
        "类别  核心概念",
        "      第二行",
    ]


@pytest.mark.parametrize("mark", sorted(NO_LINE_START))
def test_the_command_line_and_the_screens_break_lines_by_one_rule(mark: str) -> None:
    """Both front ends keep every closing mark off the start of a line (the command line
    used to let 〕 through, the screens 】 and 〉)."""
    from carbon_glossary.subcommands.output import wrap

    text = "一二三四五六七" + mark + "八九"
    printed = wrap(text, 14)
    drawn = lines_of(text, 14)
    assert [line.rstrip() for line in drawn] == printed
    assert not any(line.startswith(mark) for line in printed[1:])


@pytest.mark.parametrize("width", [14, 20, 32])
def test_both_front_ends_keep_numbers_with_units_and_signs(width: int) -> None:
    """The report's warning and legend break the same way on the command line and on the
    report screen, "10 人" and "< 0.15" whole in both."""
    from carbon_glossary.subcommands.output import wrap

    for text in (
        "参加人数少于 10 人：下面各题的难度和区分度数据波动很大，仅供参考。",
        "各题（⚑ 表示这道题可能有问题：难度系数 < 0.2 或区分度 < 0.15）",
    ):
        printed = wrap(text, width)
        assert [line.rstrip() for line in lines_of(text, width)] == printed
        assert "10 人" in "\n".join(printed) or "< 0.15" in "\n".join(printed)
