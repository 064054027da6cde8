"""Grading typed answers: pinyin in every form people type it, explained syllable by syllable;
hanzi answers forgiving width, script and punctuation."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carbon_glossary import i18n
from carbon_glossary.core.grading import (
    PinyinIssue,
    grade_pinyin,
    grade_text,
    normalise_text,
)
from carbon_glossary.core.pinyin import format_marks, to_marked, valid_syllables

TAN_DA_FENG = ("tan4", "da2", "feng1")


@pytest.mark.parametrize(
    "answer",
    [
        "tàn dá fēng",
        "tan4 da2 feng1",
        "tan4da2feng1",
        "tàndáfēng",
        "Tan4 Da2 Feng1",
        "  tan4-da2-feng1 ",
        "ｔａｎ４ ｄａ２ ｆｅｎｇ１",  # full-width, as some input methods type it
        "tan4  da2\tfeng1",
        "ta\u0300n da\u0301 fe\u0304ng",  # decomposed tone marks
        "tan4'da2'feng1",
    ],
)
def test_pinyin_forms_accepted(answer: str) -> None:
    grade = grade_pinyin(answer, TAN_DA_FENG)
    assert grade.correct, grade.messages()
    assert grade.given == TAN_DA_FENG


@pytest.mark.parametrize("answer", ["lv4 se4", "lü4 se4", "lu:4 se4", "lǜ sè", "lv4se4"])
def test_u_umlaut_spellings(answer: str) -> None:
    assert grade_pinyin(answer, ("lv4", "se4")).correct


@pytest.mark.parametrize("answer", ["de", "de5", "de0", "DE5"])
def test_neutral_tone_as_five_zero_or_nothing(answer: str) -> None:
    assert grade_pinyin(answer, ("de5",)).correct


def test_ju_may_be_typed_with_v() -> None:
    assert grade_pinyin("jv2 min2", ("ju2", "min2")).correct
    assert grade_pinyin("ju2 min2", ("ju2", "min2")).correct


def test_joined_input_is_cut_by_the_expected_syllable_count() -> None:
    # "xian" could be one syllable or two; the expected count decides.
    assert grade_pinyin("xian1", ("xi1", "an1")).given == ("xi", "an1")
    assert grade_pinyin("xi1an1", ("xi1", "an1")).correct
    assert grade_pinyin("xian4", ("xian4",)).correct
    # fang'an, not fan'gan
    assert grade_pinyin("fang1an4", ("fang1", "an4")).correct
    assert grade_pinyin("fangan", ("fang1", "an4"), strict=False).correct


def test_joined_toneless_input_in_lenient_mode() -> None:
    assert grade_pinyin("tandafeng", TAN_DA_FENG, strict=False).correct


def test_strict_requires_tones_lenient_ignores_them() -> None:
    strict = grade_pinyin("tan da feng", TAN_DA_FENG)
    assert not strict.correct
    assert [i.kind for i in strict.issues] == ["no_tone", "no_tone", "no_tone"]
    assert grade_pinyin("tan da feng", TAN_DA_FENG, strict=False).correct
    assert grade_pinyin("tan3 da3 feng3", TAN_DA_FENG, strict=False).correct
    assert not grade_pinyin("tan3 da3 feng3", TAN_DA_FENG).correct


def test_wrong_tone_is_explained_per_syllable() -> None:
    grade = grade_pinyin("tan4 da4 feng1", TAN_DA_FENG)
    assert not grade.correct
    assert grade.issues == (PinyinIssue("tone", 1, "da2", "da4"),)
    assert grade.messages() == ("第2个音节声调不对：应为 dá（第二声），你写的是 dà（第四声）",)


def test_explanations_follow_the_interface_language() -> None:
    grade = grade_pinyin("tan4 da4 feng1", TAN_DA_FENG)
    i18n.set_language("en")
    assert grade.messages() == (
        "Syllable 2 has the wrong tone: it is dá (second tone), you wrote dà (fourth tone)",
    )


def test_wrong_sound() -> None:
    grade = grade_pinyin("tàn dá fāng", TAN_DA_FENG)
    assert grade.issues == (PinyinIssue("sound", 2, "feng1", "fang1"),)
    assert grade.messages() == ("第3个音节读音不对：应为 fēng，你写的是 fāng",)
    # a wrong sound is wrong in lenient mode too
    assert not grade_pinyin("tan da fang", TAN_DA_FENG, strict=False).correct


def test_missing_syllable_is_located() -> None:
    grade = grade_pinyin("tan4 feng1", TAN_DA_FENG)
    assert [i.kind for i in grade.issues] == ["count", "missing"]
    assert grade.issues[0].expected_count == 3 and grade.issues[0].given_count == 2
    assert grade.issues[1] == PinyinIssue("missing", 1, "da2", "")
    assert grade.messages() == ("音节数不对：应为3个音节，你写了2个", "漏写了第2个音节：应为 dá")


def test_extra_syllable_is_located() -> None:
    grade = grade_pinyin("tan4 da2 da2 feng1", TAN_DA_FENG)
    assert [i.kind for i in grade.issues] == ["count", "extra"]
    assert grade.issues[1].given == "da2"
    assert grade.issues[1].index in (1, 2)


def test_not_pinyin() -> None:
    grade = grade_pinyin("tan4 xq2 feng1", TAN_DA_FENG)
    assert not grade.correct
    assert grade.issues == (PinyinIssue("invalid", given="xq2"),)
    assert grade.messages() == ("“xq2”不是有效的拼音",)
    assert grade_pinyin("碳达峰", TAN_DA_FENG).issues[0].kind == "invalid"
    assert grade_pinyin("tan7 da2 feng1", TAN_DA_FENG).issues[0].kind == "invalid"


@pytest.mark.parametrize("answer", ["", "   ", "，。"])
def test_empty_answer(answer: str) -> None:
    grade = grade_pinyin(answer, TAN_DA_FENG)
    assert not grade.correct
    assert [i.kind for i in grade.issues] == ["empty"]


def test_latin_letters_and_digits_of_the_term_may_be_typed() -> None:
    assert grade_pinyin("CCUS ji4 shu4", ("ji4", "shu4"), term_text="CCUS技术").correct
    assert grade_pinyin("ji4 shu4", ("ji4", "shu4"), term_text="CCUS技术").correct
    expected = ("nian2", "qian2", "tan4", "da2", "feng1")
    term = "2030年前碳达峰"
    assert grade_pinyin("2030 nian2 qian2 tan4 da2 feng1", expected, term_text=term).correct
    assert grade_pinyin("2030nian2qian2tan4da2feng1", expected, term_text=term).correct
    # without the term, the digits would be read as tones and refused
    assert not grade_pinyin("2030 nian2 qian2 tan4 da2 feng1", expected).correct


def test_yi_and_bu_accept_their_sandhi_tones() -> None:
    assert grade_pinyin("yi2 ci4", ("yi1", "ci4"), term_text="一次").correct
    assert grade_pinyin("yi1 ci4", ("yi1", "ci4"), term_text="一次").correct
    assert not grade_pinyin("yi3 ci4", ("yi1", "ci4"), term_text="一次").correct
    # 衣 is not 一: no sandhi
    assert not grade_pinyin("yi2 fu2", ("yi1", "fu2"), term_text="衣服").correct


@pytest.mark.parametrize(
    ("answer", "accepted"),
    [
        ("碳达峰", ["碳达峰"]),
        ("碳達峰", ["碳达峰"]),
        (" 碳达峰。", ["碳达峰"]),
        ("《碳达峰》", ["碳达峰"]),
        ("“碳达峰”", ["碳达峰"]),
        ('"碳达峰"', ["碳达峰"]),
        ("碳 达 峰", ["碳达峰"]),
        ("ＣＣＵＳ技术", ["CCUS技术"]),
        ("ccus技术", ["CCUS技术"]),
        ("双碳", ["碳达峰碳中和", "双碳"]),
    ],
)
def test_hanzi_answers_accepted(answer: str, accepted: list[str]) -> None:
    grade = grade_text(answer, accepted)
    assert grade.correct
    assert grade.matched in accepted


@pytest.mark.parametrize("answer", ["碳中和", "碳达", "", "  ", "碳达峰碳"])
def test_hanzi_answers_refused(answer: str) -> None:
    grade = grade_text(answer, ["碳达峰", "碳達峰"])
    assert not grade.correct
    assert grade.matched == ""


def test_normalise_text() -> None:
    assert normalise_text("《碳達峰》 ") == "碳达峰"
    assert normalise_text("CCUS\u200b技术") == "ccus技术"


syllable_lists = st.lists(
    st.sampled_from(["tan4", "da2", "feng1", "lv4", "de5", "xi1", "an1", "zhong1", "er2"]),
    min_size=1,
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(answer=st.text(max_size=60), expected=syllable_lists, strict=st.booleans())
def test_grading_pinyin_never_raises(answer: str, expected: list[str], strict: bool) -> None:
    grade = grade_pinyin(answer, expected, strict=strict, term_text="碳2030达CCUS峰")
    assert grade.correct == (not grade.issues)
    for issue in grade.issues:
        assert issue.message()


@settings(max_examples=200, deadline=None)
@given(
    answer=st.text(alphabet="tandfegzhoulvü:1234506 '-", max_size=40),
    expected=syllable_lists,
)
def test_grading_pinyin_like_text_never_raises(answer: str, expected: list[str]) -> None:
    grade = grade_pinyin(answer, expected)
    assert all(issue.message() for issue in grade.issues)


@settings(max_examples=200, deadline=None)
@given(expected=syllable_lists, joined=st.booleans())
def test_the_expected_reading_always_grades_right(expected: list[str], joined: bool) -> None:
    answer = ("" if joined else " ").join(expected)
    assert grade_pinyin(answer, expected).correct
    toneless = ("" if joined else " ").join(s.rstrip("012345") for s in expected)
    assert grade_pinyin(toneless, expected, strict=False).correct


@settings(max_examples=200, deadline=None)
@given(answer=st.text(max_size=40), accepted=st.lists(st.text(max_size=10), max_size=3))
def test_grading_text_never_raises(answer: str, accepted: list[str]) -> None:
    grade = grade_text(answer, accepted)
    assert grade.correct == bool(grade.matched)


def test_the_learners_spaces_are_respected() -> None:
    """Issue 7 item 4: with one syllable left out, the answer is not re-cut to make up the
    count (yuan2 → yu an2); the missing syllable is named, and the typed text is kept."""
    expected = ("fen1", "bu4", "shi4", "neng2", "yuan2", "xi4", "tong3")
    typed = "fen1 bu4 shi4 neng2 yuan2 xi4"
    grade = grade_pinyin(typed, expected, term_text="分布式能源系统")
    assert grade.given == ("fen1", "bu4", "shi4", "neng2", "yuan2", "xi4")
    assert [i.kind for i in grade.issues] == ["count", "missing"]
    assert grade.messages()[1] == "漏写了第7个音节：应为 tǒng"
    assert grade.typed == typed
    # a run that is no syllable by itself is still cut, and an answer typed in one run too
    assert grade_pinyin("nengyuan xi4tong3", ("neng", "yuan", "xi4", "tong3")).correct
    assert grade_pinyin("fen bu shi", ("fen1", "bu4", "shi4"), strict=False).correct


def test_a_spaced_answer_is_not_recut_to_fit() -> None:
    # "xian" typed as its own run among others is one syllable, as the learner wrote it
    grade = grade_pinyin("shan1 xian1", ("shan1", "xi1", "an1"))
    assert grade.given == ("shan1", "xian1")
    assert not grade.correct


def test_every_displayed_syllable_grades_right() -> None:
    """Issue 12 item 12: the reading the app displays (m̄, n̄g, hm̄, ê̄ …, some with no
    precomposed letter) is accepted when typed back, composed or decomposed."""
    wrong = []
    for numbered in sorted(f"{s}{tone}" for s in valid_syllables() for tone in range(1, 6)):
        shown = to_marked(numbered)
        for form in (shown, unicodedata.normalize("NFD", shown)):
            if not grade_pinyin(form, (numbered,)).correct:
                wrong.append((numbered, form))
    assert wrong == []


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(sorted(valid_syllables())), st.integers(1, 5)),
        min_size=1,
        max_size=6,
    )
)
def test_every_displayed_reading_grades_right(syllables: list[tuple[str, int]]) -> None:
    expected = tuple(f"{s}{tone}" for s, tone in syllables)
    assert grade_pinyin(format_marks(expected), expected).correct
