"""Dictionary order (现代汉语词典 convention) and index headings."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carbon_glossary.core.collate import DIGITS_HEADING, heading, sort_key, sort_terms
from carbon_glossary.core.model import Term
from carbon_glossary.core.readings import resolve_reading


def make_term(
    text: str, position: int = 0, *, pinyin: str | None = None, sort_as: str = ""
) -> Term:
    reading = resolve_reading(text, pinyin, {})
    return Term(
        id=f"t{position}",
        term=text,
        syllables=reading.syllables,
        marks=reading.marks,
        traditional=text,
        sort_as=sort_as,
        position=position,
    )


def ordered(*texts: str) -> list[str]:
    terms = [make_term(text, i) for i, text in enumerate(texts)]
    random.Random(0).shuffle(terms)
    return [t.term for t in sort_terms(terms)]


@pytest.mark.parametrize(
    ("first", "second", "why"),
    [
        ("炉", "绿", "lú < lǜ: ü after u"),
        ("绿", "乱", "lǜ < luàn: ü before ua-"),
        ("路径", "绿电", "lù < lǜ: toneless syllable before tone"),
        ("路", "吕", "lù < lǚ although tone 4 > 3"),
        ("长效", "重点", "cháng < zhòng: heteronyms by their reading"),
        ("行业", "银行", "háng < yín"),
        ("行动", "银行", "xíng < yín"),
        ("碳", "碳达峰", "a prefix sorts first"),
        ("碳达峰", "碳汇", "dá < huì"),
        ("碳汇", "碳中和", "huì < zhōng"),
        ("调度", "调峰", "diào < tiáo"),
        ("妈", "麻", "tone 1 < 2"),
        ("麻", "马", "tone 2 < 3"),
        ("马", "骂", "tone 3 < 4"),
        ("骂", "吗", "tone 4 < neutral"),
        ("丰富", "峰", "same syllable and tone: words of one character stay together"),
        ("“342”现代化产业体系", "《2030年前碳达峰行动方案》", "numbers compare as numbers"),
        ("《2030年前碳达峰行动方案》", "阿", "digit-initial terms first"),
        ("CCUS技术", "擦除", "the letter c files as syllable c, before ca"),
        ("a类", "阿", "a letter is toneless: before ā"),
        ("碳", "《碳达峰》", "brackets are ignored"),
        ("《碳达峰》", "碳汇", "brackets are ignored"),
    ],
)
def test_hand_checked_pairs(first: str, second: str, why: str) -> None:
    assert ordered(first, second) == [first, second], why


def test_heteronym_terms_file_under_their_reading() -> None:
    assert ordered("行动", "行业", "银行", "黄河") == ["行业", "黄河", "行动", "银行"]


def test_same_first_character_groups_together() -> None:
    assert ordered("峰值", "丰富", "峰", "丰") == ["丰", "丰富", "峰", "峰值"]


def test_sort_as_pinyin_files_the_term_there() -> None:
    ccus = make_term("CCUS", 0, sort_as="tàn huì")
    terms = [make_term("碳达峰", 1), ccus, make_term("探索", 2), make_term("长效", 3)]
    # Without sort_as, CCUS would come first (c < cháng). Pinyin names no character, so it
    # files before the words that begin with a hanzi read tàn.
    assert [t.term for t in sort_terms(terms)] == ["长效", "CCUS", "探索", "碳达峰"]
    assert heading(ccus) == "T"


def test_sort_as_text_reuses_the_terms_reading() -> None:
    zhang = make_term("长效机制", 0, sort_as="机制")
    assert heading(zhang) == "J"
    assert sort_key(zhang)[0] == sort_key(make_term("机制", 0))[0]


def test_sort_as_text_with_new_hanzi_is_read() -> None:
    term = make_term("CCUS", 0, sort_as="碳捕集")
    assert sort_key(term)[0] == sort_key(make_term("碳捕集", 0))[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("碳达峰", "T"),
        ("绿电", "L"),
        ("长效", "C"),
        ("CCUS技术", "C"),
        ("5G基站", DIGITS_HEADING),
        ("《2030年前碳达峰行动方案》", DIGITS_HEADING),
        ("“342”现代化产业体系", DIGITS_HEADING),
        ("——", "#"),
    ],
)
def test_headings(text: str, expected: str) -> None:
    assert heading(make_term(text)) == expected


POOL = "碳达峰中和长行重调绿路炉乱银业动汇一不给还CCUS5G《》“”342 2030阿a"

texts = st.lists(st.text(alphabet=st.sampled_from(POOL), min_size=1, max_size=6), max_size=12)


@given(texts, st.randoms())
def test_order_does_not_depend_on_input_order(items: list[str], rnd: random.Random) -> None:
    terms = [make_term(text, i) for i, text in enumerate(items)]
    shuffled = list(terms)
    rnd.shuffle(shuffled)
    assert sort_terms(shuffled) == sort_terms(terms)


@given(texts)
def test_order_is_consistent_with_pairwise_comparison(items: list[str]) -> None:
    terms = sort_terms(make_term(text, i) for i, text in enumerate(items))
    keys = [sort_key(t) for t in terms]
    assert all(a <= b for a, b in itertools.pairwise(keys))
    assert len(set(keys)) == len(keys)  # total: distinct terms never tie


@given(st.text(max_size=12))
def test_any_text_gets_a_key_and_a_heading(text: str) -> None:
    try:
        term = make_term(text)
    except ValueError:
        return
    sort_key(term)
    assert heading(term) in {DIGITS_HEADING, "#", *"ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
