"""Pinyin text: parsing what people type, formatting readings, whole-term display."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carbon_glossary.core.pinyin import (
    InvalidSyllableError,
    display_pinyin,
    format_marks,
    format_numbers,
    parse_syllable,
    parse_syllables,
    reading_pieces,
    to_marked,
    valid_syllables,
)

numbered_syllables = st.builds(
    lambda letters, tone: f"{letters}{tone}",
    st.sampled_from(sorted(valid_syllables())),
    st.integers(min_value=1, max_value=5),
)


@given(st.lists(numbered_syllables, min_size=1, max_size=6))
def test_marks_round_trip(syllables: list[str]) -> None:
    assert parse_syllables(format_marks(syllables)) == tuple(syllables)


@given(st.lists(numbered_syllables, min_size=1, max_size=6))
def test_numbers_round_trip(syllables: list[str]) -> None:
    assert parse_syllables(format_numbers(syllables)) == tuple(syllables)


@given(numbered_syllables)
def test_each_syllable_round_trips_through_its_marked_form(syllable: str) -> None:
    assert parse_syllable(to_marked(syllable)) == syllable


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("tàn", "tan4"),
        ("tan4", "tan4"),
        ("TAN4", "tan4"),
        ("ｔａｎ４", "tan4"),
        (" tán ", "tan2"),
        ("lǜ", "lv4"),
        ("lv4", "lv4"),
        ("lu:4", "lv4"),
        ("lü4", "lv4"),
        ("LÜ", "lv5"),
        ("lüè", "lve4"),
        ("nǚ", "nv3"),
        ("de", "de5"),
        ("de0", "de5"),
        ("de5", "de5"),
        ("tàn4", "tan4"),  # a number that agrees with the mark is harmless
        ("ḿ", "m2"),
        ("ǹg", "ng4"),
    ],
)
def test_parse_accepts_the_forms_people_type(typed: str, expected: str) -> None:
    assert parse_syllable(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "tan44",  # two tone numbers
        "ta4n",  # number inside the syllable
        "t4an",
        "ta3n4",
        "tan9",  # no tone 9
        "tàn1",  # mark and number disagree
        "taǹ",  # mark on the wrong letter
        "tàń",  # two marks
        "xx",  # not a syllable
        "jv4",  # j takes u, never ü
        "ẑi",  # circumflex is not a tone mark
        "tan-",
        "",
        "5",
        "碳",
    ],
)
def test_parse_rejects_what_is_not_one_syllable(typed: str) -> None:
    with pytest.raises(InvalidSyllableError):
        parse_syllable(typed)


def test_toneless_is_neutral_unless_asked_otherwise() -> None:
    assert parse_syllable("tan") == "tan5"
    assert parse_syllable("tan", neutral_when_toneless=False) == "tan"


def test_marks_go_where_the_spelling_rules_put_them() -> None:
    assert [to_marked(s) for s in ("hao3", "gui4", "liu2", "lve4", "zhou1", "er2")] == [
        "hǎo",
        "guì",
        "liú",
        "lüè",
        "zhōu",
        "ér",
    ]
    assert to_marked("n1") == "n\u0304"  # no precomposed letter: a combining macron


def test_parse_syllables_splits_on_spaces_and_apostrophes() -> None:
    assert parse_syllables("tàn dá fēng") == ("tan4", "da2", "feng1")
    assert parse_syllables("xi1'an1") == ("xi1", "an1")


def test_display_keeps_latin_and_digit_runs_as_tokens() -> None:
    assert display_pinyin("CCUS技术", ("jì", "shù")) == "CCUS jì shù"
    assert display_pinyin("PM2.5治理", ("zhì", "lǐ")) == "PM2.5 zhì lǐ"


def test_display_drops_brackets_and_quotes() -> None:
    marks = tuple(["nián", "qián", "tàn", "dá", "fēng", "xíng", "dòng", "fāng", "àn"])
    assert (
        display_pinyin("《2030年前碳达峰行动方案》", marks)
        == "2030 nián qián tàn dá fēng xíng dòng fāng àn"
    )
    assert display_pinyin("“342”产业", ("chǎn", "yè")) == "342 chǎn yè"


def test_reading_pieces_name_the_hanzi_each_syllable_belongs_to() -> None:
    assert reading_pieces("5G基站", ("ji1", "zhan4")) == [("5G", -1), ("ji1", 0), ("zhan4", 1)]


def test_display_refuses_a_reading_of_the_wrong_length() -> None:
    with pytest.raises(ValueError):
        display_pinyin("碳达峰", ("tàn", "dá"))
    with pytest.raises(ValueError):
        display_pinyin("碳", ("tàn", "dá"))
