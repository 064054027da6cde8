"""Loading and checking glossary files: what an author sees when a file is right or wrong."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carbon_glossary import i18n
from carbon_glossary.core.loader import (
    analyse_glossary,
    check_glossary,
    load_glossary,
    load_glossary_bytes,
)
from carbon_glossary.core.problems import FileProblemError, Problem
from carbon_glossary.core.tomlpos import scan_positions

BROKEN = Path(__file__).parent / "data" / "broken"
BROKEN_FILES = sorted(BROKEN.glob("*.toml"))
_EXPECT = re.compile(rb"^# expect: (\d+):(\d+) (error|warning) ([\w.]+)$", re.M)


def write(tmp_path: Path, text: str, name: str = "g.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def expectations(path: Path) -> list[tuple[int, int, str, str]]:
    return [
        (int(line), int(col), severity.decode(), key.decode())
        for line, col, severity, key in _EXPECT.findall(path.read_bytes())
    ]


def test_there_is_a_broken_file_for_each_kind_of_problem() -> None:
    keys = {key for path in BROKEN_FILES for *_, key in expectations(path)}
    assert len(BROKEN_FILES) >= 30
    assert {
        "check.not_utf8",
        "check.syntax.full_width",
        "check.unknown_table",
        "check.term.unknown_key_suggest",
        "check.term.wrong_type",
        "check.term.missing_term",
        "check.term.duplicate_term",
        "check.term.duplicate_id",
        "check.term.related_unknown",
        "check.term.pinyin_count",
        "check.term.pinyin_invalid",
        "check.phrase.invalid_syllable",
        "check.phrase.count",
        "check.term.unsettled",
        "check.trad.length",
        "check.trad.mismatch",
    } <= keys


@pytest.mark.parametrize("path", BROKEN_FILES, ids=lambda p: p.stem)
def test_broken_file_reports_each_problem_at_its_line_and_column(path: Path) -> None:
    expected = expectations(path)
    assert expected, f"{path.name} has no '# expect:' line"
    found = [(p.line, p.column, p.severity, p.key) for p in check_glossary(path)]
    assert found == expected


@pytest.mark.parametrize("path", BROKEN_FILES, ids=lambda p: p.stem)
def test_loading_a_broken_file_raises_with_the_same_errors(path: Path) -> None:
    errors = [e for e in expectations(path) if e[2] == "error"]
    if not errors:
        load_glossary(path)  # warnings never stop a glossary from loading
        return
    with pytest.raises(FileProblemError) as caught:
        load_glossary(path)
    assert [(p.line, p.column, p.severity, p.key) for p in caught.value.problems] == errors


def test_messages_name_file_line_column_and_say_what_to_do() -> None:
    path = BROKEN / "pinyin_count.toml"
    [problem] = check_glossary(path)
    assert problem.format() == (
        f"{path}:7:1: 错误: 第1个术语的 pinyin 有4个音节，但“碳达峰”有3个汉字"
    )
    i18n.set_language("en")
    assert problem.format() == (
        f"{path}:7:1: error: the pinyin of term 1 has 4 syllables, but “碳达峰” has 3 hanzi"
    )


def test_type_words_follow_the_language_at_display_time() -> None:
    [problem] = check_glossary(BROKEN / "wrong_type_english.toml")
    assert problem.message.endswith("现在是文字")
    i18n.set_language("en")
    assert problem.message.endswith("but it is text")


def test_syntax_errors_are_reworded_with_tomllib_position() -> None:
    [problem] = check_glossary(BROKEN / "syntax_full_width_quote.toml")
    assert "“" in problem.message and '"' in problem.message
    assert problem.message.startswith("TOML 格式错误")


def test_an_impossible_date_is_a_syntax_problem(tmp_path: Path) -> None:
    path = write(tmp_path, "a = 1979-02-30\n")
    [problem] = check_glossary(path)
    assert (problem.line, problem.key) == (1, "check.syntax.date")


def test_not_utf8_names_the_byte(tmp_path: Path) -> None:
    [problem] = check_glossary(BROKEN / "not_utf8.toml")
    assert "0xCC" in problem.message


def test_missing_file_directory_and_permission_are_problems_not_tracebacks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "nope.toml"
    [problem] = check_glossary(missing)
    assert problem.format() == f"{missing}: 错误: 找不到这个文件"
    [problem] = check_glossary(tmp_path)
    assert problem.key == "check.file_is_directory"
    locked = write(tmp_path, "")

    real_open = os.open

    def refuse(path: str, flags: int, mode: int = 0o777) -> int:
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", refuse)  # tests run as root, where chmod 000 reads
    [problem] = check_glossary(locked)
    assert problem.key == "check.file_permission"
    with pytest.raises(FileProblemError):
        load_glossary(locked)


GOOD = """\
[glossary]
title = "测试术语表"
version = "3"

[phrase_pinyin]
"调峰" = "tiáo fēng"

[[term]]
id = "peak"
term = "碳达峰"
english = ["carbon peaking"]
definition = "  碳排放达到峰值。  "
related = ["碳中和", "储能调峰"]

[[term]]
term = "碳中和"
pinyin = "tan4 zhong1 he2"
traditional = "碳中和"
related = ["peak"]

[[term]]
term = "储能调峰"
tags = ["储能"]

[[term]]
term = "CCUS技术"
"""


def test_a_good_glossary_loads_with_defaults_and_derived_fields(tmp_path: Path) -> None:
    glossary = load_glossary(write(tmp_path, GOOD))
    assert (glossary.title, glossary.version, glossary.language) == ("测试术语表", "3", "zh-CN")
    peak, neutral, storage, ccus = glossary.terms
    assert peak.id == "peak" and peak.definition == "碳排放达到峰值。"
    assert peak.syllables == ("tan4", "da2", "feng1")
    assert peak.marks == ("tàn", "dá", "fēng")
    assert peak.traditional == "碳達峰"  # derived with OpenCC s2tw
    assert peak.related == ("tan-zhong-he", "chu-neng-tiao-feng")  # by term text → ids
    assert neutral.id == "tan-zhong-he" and neutral.related == ("peak",)
    assert storage.syllables == ("chu3", "neng2", "tiao2", "feng1")  # [phrase_pinyin] applies
    assert storage.tags == ("储能",) and storage.english == ()
    assert ccus.id == "ccus-ji-shu" and ccus.syllables == ("ji4", "shu4")
    assert [t.position for t in glossary.terms] == [0, 1, 2, 3]
    assert [t.line for t in glossary.terms] == [8, 15, 21, 25]
    assert glossary.phrase_pinyin == {"调峰": ("tiao2", "feng1")}
    assert glossary.by_id("peak") is peak


def test_phrase_traditional_fixes_derived_traditional_forms(tmp_path: Path) -> None:
    text = """
[phrase_traditional]
"分布" = "分布"

[[term]]
term = "分布式能源"

[[term]]
term = "对标对表"

[[term]]
term = "碳达峰"
traditional = "碳达峰"
"""
    glossary = load_glossary(write(tmp_path, text))
    distributed, benchmark, peak = glossary.terms
    assert glossary.phrase_traditional == {"分布": "分布"}
    assert distributed.traditional == "分布式能源"  # the glossary's own fix (OpenCC: 分佈)
    assert benchmark.traditional == "對標對表"  # the built-in fix (OpenCC: 對標對錶)
    assert peak.traditional == "碳达峰"  # a term's own traditional form is kept as written


def test_homophones_derive_ids_from_their_own_text_never_from_file_order(
    tmp_path: Path,
) -> None:
    text = """
[[term]]
term = "行长"
pinyin = "háng zhǎng"
[[term]]
term = "航长"
pinyin = "háng zhǎng"
[[term]]
id = "hang-zhang-2"
term = "杭长"
pinyin = "háng zhǎng"
"""
    ids = [t.id for t in load_glossary(write(tmp_path, text)).terms]
    # Neither homophone takes the plain id (its progress may belong to either); each gets a
    # suffix from its own text, so inserting or moving terms changes nothing.
    assert ids[2] == "hang-zhang-2"
    assert all(re.fullmatch(r"hang-zhang-[0-9a-f]{6}", i) for i in ids[:2])
    assert ids[0] != ids[1]


def test_title_defaults_to_the_file_name(tmp_path: Path) -> None:
    glossary = load_glossary(write(tmp_path, '[[term]]\nterm = "碳汇"\n', "我的术语.toml"))
    assert glossary.title == "我的术语"


def test_crlf_and_bom_files_load_with_the_same_positions(tmp_path: Path) -> None:
    text = '[glossary]\r\ntitle = "x"\r\n\r\n[[term]]\r\nterm = "碳达峰"\r\nfoo = 1\r\n'
    path = tmp_path / "win.toml"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    [problem] = check_glossary(path)
    assert (problem.line, problem.column, problem.key) == (6, 1, "check.term.unknown_key")


def test_an_empty_pinyin_override_means_no_override(tmp_path: Path) -> None:
    [term] = load_glossary(write(tmp_path, '[[term]]\nterm = "碳汇"\npinyin = ""\n')).terms
    assert term.marks == ("tàn", "huì")


def test_unsettled_reading_is_a_warning_that_an_override_silences(tmp_path: Path) -> None:
    [warning] = check_glossary(write(tmp_path, '[[term]]\nterm = "节能降碳"\n'))
    assert warning.severity == "warning"
    assert warning.message == (
        "第1个术语“节能降碳”中的多音字 降(jiàng) 没有词组能确定读音；"
        '核对无误后请加上 pinyin = "jié néng jiàng tàn" 确认'
    )
    fixed = '[[term]]\nterm = "节能降碳"\npinyin = "jié néng jiàng tàn"\n'
    assert check_glossary(write(tmp_path, fixed)) == []


def test_all_problems_are_collected_in_line_order() -> None:
    problems = check_glossary(BROKEN / "many.toml")
    assert len(problems) == 9
    assert [p.line for p in problems] == sorted(p.line for p in problems)


class TestPositionScanner:
    def test_keys_headers_and_items(self) -> None:
        text = (
            "[glossary]\n"
            'title = "x" # comment\n'
            "[[term]]\n"
            'definition = """\n'
            '[[term]] not a header\nterm = "not a key"\n'
            '"""\n'
            "english = [\n"
            "  'a', # comment, with ] inside\n"
            '  "b\\"]",\n'
            "]\n"
            "[[term]]\n"
            'term = "二"\n'
            "x.y = { z = [1, 2] }\n"
        )
        tomllib.loads(text)
        positions = scan_positions(text)
        assert positions.find(("glossary", "title")) == (2, 1)
        assert positions.find(("term", 0)) == (3, 1)
        assert positions.find(("term", 0, "english", 1)) == (10, 3)
        assert positions.find(("term", 1)) == (12, 1)
        assert positions.find(("term", 1, "term")) == (13, 1)
        assert positions.find(("term", 1, "x", "y", "z", 1)) == (14, 17)
        assert ("term", 2) not in positions.offsets  # the fake header in the string
        # Missing paths fall back to the nearest written ancestor.
        assert positions.find(("term", 0, "term")) == (3, 1)

    def test_quoted_keys_are_decoded(self) -> None:
        text = '[phrase_pinyin]\n"\\u8c03\\u5cf0" = "tiáo fēng"\n\'长效\' = "cháng xiào"\n'
        positions = scan_positions(text)
        assert positions.find(("phrase_pinyin", "调峰")) == (2, 1)
        assert positions.find(("phrase_pinyin", "长效")) == (3, 1)


# --- property tests: nothing a file can contain makes the loader fail otherwise ---

_scalar = st.one_of(
    st.text(max_size=8),
    st.integers(-5, 5),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
)
_value = st.recursive(
    _scalar,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
_term_keys = st.sampled_from(
    ["id", "term", "pinyin", "traditional", "english", "related", "tags", "definition", "x"]
)
_hanzi = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=4)
_term = st.dictionaries(
    _term_keys,
    st.one_of(_value, _hanzi, st.lists(_hanzi, max_size=3), st.just("tàn dá fēng")),
    max_size=6,
)
_document = st.fixed_dictionaries(
    {},
    optional={
        "glossary": st.dictionaries(st.sampled_from(["title", "version", "z"]), _value, max_size=3),
        "phrase_pinyin": st.dictionaries(_hanzi, st.one_of(_value, st.just("tiáo fēng"))),
        "phrase_traditional": st.one_of(st.dictionaries(_hanzi, st.one_of(_value, _hanzi)), _value),
        "term": st.one_of(st.lists(_term, max_size=4), _value),
        "other": _value,
    },
)


def _never_raises_otherwise(data: bytes) -> None:
    try:
        load_glossary_bytes(data, "fuzz.toml")
    except FileProblemError as error:
        assert error.problems
        assert all(isinstance(p, Problem) and p.line >= 0 for p in error.problems)
        for p in error.problems:
            p.format()  # every message formats with its parameters
    glossary, problems = analyse_glossary(data, "fuzz.toml")
    assert (glossary is None) == any(p.severity == "error" for p in problems)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=200))
def test_arbitrary_bytes_give_a_glossary_or_problems(data: bytes) -> None:
    _never_raises_otherwise(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document)
def test_arbitrary_toml_documents_give_a_glossary_or_problems(document: dict[str, object]) -> None:
    _never_raises_otherwise(tomli_w.dumps(document).encode("utf-8"))


_TOKENS = [*"[]{}=#,.\n \\ab碳tiáo1", '"', "'", '"""', "'''", "[[term]]", "term = "]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_TOKENS), max_size=40).map("".join))
def test_arbitrary_toml_like_text_gives_a_glossary_or_problems(text: str) -> None:
    _never_raises_otherwise(('[[term]]\nterm = "碳汇"\n' + text).encode("utf-8"))


_key = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=4)
_any_value = st.recursive(
    st.one_of(st.text(max_size=5), st.integers(), st.booleans()),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_key, inner, max_size=3),
    max_leaves=10,
)


def _paths(value: object, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found: list[tuple[str | int, ...]] = []
    items: list[tuple[str | int, object]] = []
    if isinstance(value, dict):
        items = list(value.items())
    elif isinstance(value, list):
        items = list(enumerate(value))
    for key, inner in items:
        found.append((*prefix, key))
        found.extend(_paths(inner, (*prefix, key)))
    return found


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(_key, _any_value, max_size=4), st.booleans())
def test_scanner_places_every_key_and_item_of_any_document(
    document: dict[str, object], multiline: bool
) -> None:
    text = tomli_w.dumps(document, multiline_strings=multiline)
    offsets = scan_positions(text).offsets
    assert [path for path in _paths(document) if path not in offsets] == []


def test_terms_written_as_an_inline_array_get_their_lines(tmp_path: Path) -> None:
    text = '[glossary]\ntitle = "x"\n\n[[ term ]]\nterm = "碳汇"\n'
    assert [t.line for t in load_glossary(write(tmp_path, text)).terms] == [4]
    inline = 'term = [\n  { term = "碳汇" },\n  { term = "碳源" },\n]\n'
    assert [t.line for t in load_glossary(write(tmp_path, inline)).terms] == [2, 3]


def test_broader_names_terms_by_text_or_id(tmp_path: Path) -> None:
    """``broader`` (issue 7 item 1): the terms a term is a kind or part of, resolved to ids
    like ``related``; a name that is no term is an error at its place."""
    path = tmp_path / "g.toml"
    path.write_text(
        '[glossary]\ntitle = "t"\n\n'
        '[[term]]\nid = "tan-hui"\nterm = "碳汇"\ndefinition = "吸收二氧化碳。"\n\n'
        '[[term]]\nterm = "生态碳汇"\ndefinition = "生态系统的碳汇。"\nbroader = ["碳汇"]\n\n'
        '[[term]]\nterm = "林业碳汇"\ndefinition = "森林的碳汇。"\n'
        'broader = ["tan-hui", "无此术语"]\n',
        encoding="utf-8",
    )
    with pytest.raises(FileProblemError) as refused:
        load_glossary(path)
    (problem,) = refused.value.problems
    assert problem.key == "check.term.broader_unknown"
    assert (problem.line, problem.column) == (17, 23)
    path.write_text(path.read_text(encoding="utf-8").replace(', "无此术语"', ""), encoding="utf-8")
    glossary = load_glossary(path)
    assert [t.broader for t in glossary.terms] == [(), ("tan-hui",), ("tan-hui",)]
