"""The search table: a one-shot search of an unchanged glossary answers from it exactly as
a built SearchIndex does; an edited glossary, other code or a damaged table never changes
what the user gets (issue 7 item 15)."""

from __future__ import annotations

import contextlib
import os
import random
import struct
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from carbon_glossary.core import cache, search_cache
from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.model import Glossary
from carbon_glossary.core.pinyin import display_pinyin
from carbon_glossary.core.problems import FileProblemError
from carbon_glossary.core.search import Match, SearchIndex
from carbon_glossary.core.search_cache import search_cached, table_file_for

# (word, English): glosses in British spelling where the two differ, heteronyms (行, 长, 重,
# 调), ü (绿, 旅), so that every query form has something to find.
WORDS = [
    ("碳达峰", "carbon peaking"),
    ("碳中和", "carbon neutrality"),
    ("能源", "energy"),
    ("结构", "structure"),
    ("优化", "optimisation"),
    ("综合利用", "comprehensive utilisation"),
    ("调峰", "peak regulation"),
    ("行业", "sector"),
    ("行动", "action"),
    ("长效机制", "long-term mechanism"),
    ("重点", "key"),
    ("绿色", "green"),
    ("低碳", "low-carbon"),
    ("储能", "energy storage"),
    ("光伏", "photovoltaics"),
    ("示范项目", "demonstration programme"),
    ("数据中心", "data centre"),
    ("旅游", "tourism"),
    ("氢能", "hydrogen energy"),
    ("技术", "technology"),
    ("建筑", "building"),
    ("交通", "transport"),
    ("色彩", "colour"),
    ("碳汇", "carbon sink"),
]
SPECIAL = [
    {"term": "CCUS技术", "english": ["CCUS technology", "carbon capture"]},
    {"term": "2030年前碳达峰", "english": ["peaking before 2030"]},
    {"term": "《2030年前碳达峰行动方案》", "english": ["Action Plan for Carbon Dioxide Peaking"]},
    {"term": "封存", "sort_as": "碳", "english": ["storage"], "source": "测试来源甲"},
]


def synthetic_toml(count: int, seed: int = 7) -> str:
    """A valid glossary of ``count`` made-up terms of one to three words (and SPECIAL):
    aliases that other terms start with, English names and definitions, sort_as."""
    rng = random.Random(seed)
    entries: list[dict[str, object]] = []
    seen: set[str] = set()
    while len(entries) < count:
        words = rng.sample(WORDS, rng.choice((1, 2, 2, 3)))
        text = "".join(word for word, _ in words)
        if text in seen:
            continue
        seen.add(text)
        entry: dict[str, object] = {
            "term": text,
            "english": [" ".join(gloss for _, gloss in words)],
            "definition": f"指{rng.choice(WORDS)[0]}领域的{text}工作。",
            "category": rng.choice(["能源", "产业", "政策"]),
            "source": "合成数据",
        }
        if rng.random() < 0.3:
            entry["definition_en"] = f"Work on {words[0][1]} in the {rng.choice(WORDS)[1]} field."
        if rng.random() < 0.2:
            entry["aliases"] = ["".join(w for w, _ in rng.sample(WORDS, 2)) + "总量"]
        entries.append(entry)
    entries += SPECIAL
    return tomli_w.dumps(
        {"glossary": {"title": "合成", "version": "1"}, "phrase_pinyin": {}, "term": entries}
    )


@dataclass
class Table:
    path: Path
    cache_dir: Path
    glossary: Glossary
    index: SearchIndex  # built in memory: the reference answers
    queries: list[str]

    def __repr__(self) -> str:  # hypothesis shows it beside a failing example
        return f"Table({self.path.name}, {len(self.glossary.terms)} terms)"


def query_forms(glossary: Glossary) -> list[str]:
    """For a sample of terms: every form a person types."""
    queries = ["碳", "tan", "t", "ny", "lv", "lü", "nü", "u:", "carbon", "2030", "《", "x", "总量"]
    queries += ["diaofeng", "diao4 feng1", "xingye", "zhangxiao", "zhongdian", "chongdian"]
    for term in random.Random(1).sample(glossary.terms, 40):
        marked = display_pinyin(term.term, term.marks)
        queries += [
            term.term,
            term.term[:2],
            term.term[1:3],
            term.traditional,
            "".join(term.syllables).translate(str.maketrans("", "", "012345")),
            " ".join(term.syllables),
            marked,
            marked.replace(" ", ""),
            "".join(s[0] for s in term.syllables),
            *term.aliases,
            *term.english,
            term.english[0].replace("isation", "ization").replace("our", "or")
            if term.english
            else "",
            term.english[0].split()[-1] if term.english else "",
            term.definition[2:6],
        ]
        if term.other_readings:  # read through another reading of its first 多音字
            at = next(i for i, others in enumerate(term.other_readings) if others)
            misread = list(term.syllables)
            misread[at] = term.other_readings[at].split()[0]
            queries += [
                " ".join(misread),
                "".join(misread).translate(str.maketrans("", "", "012345")),
            ]
    return [query for query in dict.fromkeys(queries) if query]


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> Table:
    folder = tmp_path_factory.mktemp("table")
    path = folder / "synthetic.toml"
    path.write_text(synthetic_toml(400), encoding="utf-8")
    glossary = load_glossary(path)
    cache_dir = folder / "cache"
    search_cached(path, "碳", 1, cache_dir=cache_dir)  # writes the table
    assert table_file_for(path, cache_dir).is_file()
    return Table(path, cache_dir, glossary, SearchIndex.build(glossary), query_forms(glossary))


@contextlib.contextmanager
def table_only() -> Iterator[None]:
    """Answers must come from the table: loading the glossary or building an index fails."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the glossary was loaded")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_cache, "load_glossary_cached", refuse)
        patch.setattr(SearchIndex, "build", refuse)
        yield


def described(matches: list[Match]) -> list[tuple[object, ...]]:
    return [(m.term, m.score, m.field, dict(m.spans)) for m in matches]


def assert_same(table: Table, query: str, limit: int | None, count_up_to: int | None) -> None:
    got, count = search_cached(
        table.path, query, limit, count_up_to=count_up_to, cache_dir=table.cache_dir
    )
    want, want_count = table.index.search_and_count(query, limit, count_up_to)
    assert described(got) == described(want), query
    assert count == want_count, query


@pytest.mark.parametrize("limit", [None, 1, 20])
def test_every_query_form_answers_as_the_built_index(table: Table, limit: int | None) -> None:
    """Hanzi, traditional, pinyin with marks, numbers or none, initials, aliases, English
    in either spelling, definition text: the same matches, scores, fields and highlights."""
    with table_only():
        for query in table.queries:
            assert_same(table, query, limit, 1000)


@settings(max_examples=300)
@given(
    query=st.text(
        alphabet=st.sampled_from("碳达峰中和能源绿色調峰tandfengyulvsecarbo24 ':ǜàüＴ()*?\\《》"),
        max_size=8,
    ),
    limit=st.one_of(st.none(), st.integers(min_value=0, max_value=8)),
    count_up_to=st.one_of(st.none(), st.integers(min_value=0, max_value=50)),
)
def test_any_query_answers_as_the_built_index(
    table: Table, query: str, limit: int | None, count_up_to: int | None
) -> None:
    with table_only():
        assert_same(table, query, limit, count_up_to)


def test_the_forms_find_what_they_should(table: Table) -> None:
    """The comparison above is not vacuous: the forms that must find a term do."""
    with table_only():

        def first(query: str) -> str:
            matches, _ = search_cached(table.path, query, 1, cache_dir=table.cache_dir)
            return matches[0].term.term

        assert first("优化") == "优化"
        assert first("調峰") == "调峰"  # traditional
        assert first("tiao2 feng1") == first("tiáo fēng") == first("tiaofeng") == "调峰"
        assert first("optimization") == "优化"  # American for the British gloss
        assert first("lüyou") == first("lvyou") == "旅游"
        assert first("ccus") == "CCUS技术"
        assert first("diaofeng") == first("diao4 feng1") == "调峰"  # another reading of 调
        matches, _ = search_cached(table.path, "diaofeng", None, cache_dir=table.cache_dir)
        assert {m.field for m in matches} == {"other_reading"}
        # the source (测试来源甲) is not searched
        assert search_cached(table.path, "测试", cache_dir=table.cache_dir) == ([], 0)


def test_empty_query_lists_terms_in_pinyin_order(table: Table) -> None:
    with table_only():
        matches, count = search_cached(table.path, "", 5, cache_dir=table.cache_dir)
    assert [m.term for m in matches] == list(table.index.terms[:5])
    assert count == len(table.glossary.terms)  # counted to the end: no count_up_to


def test_a_warm_search_neither_parses_nor_imports_pypinyin(table: Table) -> None:
    folder = str(table.cache_dir)
    code = f"""
import sys
from pathlib import Path
from carbon_glossary.core.search_cache import search_cached
matches, count = search_cached({str(table.path)!r}, "tiaofeng", 3, cache_dir=Path({folder!r}))
print(matches[0].term.term, len(matches))
matches, count = search_cached({str(table.path)!r}, "diaofeng", 3, cache_dir=Path({folder!r}))
print(matches[0].term.term, matches[0].field)
print(sorted(m for m in sys.modules if m.split(".")[0] in ("pypinyin", "tomllib")))
"""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    warm = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert warm.returncode == 0, warm.stderr
    assert warm.stdout.splitlines() == ["调峰 3", "调峰 other_reading", "[]"]


# --- invalidation ------------------------------------------------------------------------

SMALL = """\
[glossary]
title = "小"

[[term]]
term = "碳达峰"
english = ["carbon peaking"]

[[term]]
term = "能源消费"
aliases = ["能源消费总量"]
"""


@pytest.fixture
def small(tmp_path: Path) -> tuple[Path, Path]:
    path = tmp_path / "small.toml"
    path.write_text(SMALL, encoding="utf-8")
    return path, tmp_path / "cache"


def names(path: Path, cache_dir: Path, query: str) -> list[str]:
    matches, _ = search_cached(path, query, cache_dir=cache_dir)
    return [m.term.term for m in matches]


def loads_counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = search_cache.load_glossary_cached

    def counting(path: str, *args: object, **kwargs: object) -> Glossary:
        calls.append(str(path))
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(search_cache, "load_glossary_cached", counting)
    return calls


def test_an_edited_glossary_is_searched_afresh(
    small: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, cache_dir = small
    calls = loads_counted(monkeypatch)
    assert names(path, cache_dir, "碳达峰") == ["碳达峰"]
    assert names(path, cache_dir, "能源") == ["能源消费"]
    assert len(calls) == 1  # the second search answered from the table
    # the same size, another character: only the content tells the two files apart
    stat = path.stat()
    path.write_text(SMALL.replace("碳达峰", "碳中和"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    assert names(path, cache_dir, "碳达峰") == []
    assert names(path, cache_dir, "tanzhonghe") == ["碳中和"]
    assert len(calls) == 2


@pytest.mark.parametrize("changed", ["search.py", "collate.py", "loader.py", "pypinyin"])
def test_other_search_or_reading_code_means_a_new_table(
    small: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, changed: str
) -> None:
    path, cache_dir = small
    names(path, cache_dir, "碳达峰")
    calls = loads_counted(monkeypatch)
    names(path, cache_dir, "碳达峰")
    assert calls == []
    clear = cache._environment_fingerprint.cache_clear  # computed once per process
    if changed == "pypinyin":  # another library version, as tests/test_cache.py checks
        fingerprint = cache._environment_fingerprint()
        monkeypatch.setattr(cache, "_environment_fingerprint", lambda: fingerprint + "!")
    else:
        real = cache._stat_mark
        monkeypatch.setattr(
            cache, "_stat_mark", lambda file: real(file) + ("!" if file.endswith(changed) else "")
        )
        clear()
    try:
        names(path, cache_dir, "碳达峰")
    finally:
        clear()
    assert calls == [str(path)]


# --- damage ------------------------------------------------------------------------------


def flip_at(needle: bytes, nth: int = 0) -> Callable[[bytes], bytes]:
    def damage(data: bytes) -> bytes:
        at = -1
        for _ in range(nth + 1):
            at = data.index(needle, at + 1)
        return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]

    return damage


def flip_from_end(back: int) -> Callable[[bytes], bytes]:
    def damage(data: bytes) -> bytes:
        at = len(data) - back
        return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]

    return damage


def trailer_to(offset: Callable[[int, int], tuple[int, int]]) -> Callable[[bytes], bytes]:
    def damage(data: bytes) -> bytes:
        at, length = struct.unpack("<QQ", data[-16:])
        return data[:-16] + struct.pack("<QQ", *offset(at, length))

    return damage


DAMAGES: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda data: b"",
    "header only": lambda data: data[:90],
    "truncated by half": lambda data: data[: len(data) // 2],
    "truncated by one byte": lambda data: data[:-1],
    "one byte more": lambda data: data + b"\x00",
    "zeroed tail": lambda data: data[:-20] + b"\x00" * 20,
    "garbage": lambda data: b"not a table at all" * 100,
    "another key": flip_at(b"\n", 1),  # just before the key's newline
    "a pinyin part": flip_at(b"Tan4Da2Feng1"),
    "a name part": flip_at("能源消费总量".encode(), 0),
    "a term's record": flip_at("能源消费总量".encode(), 2),
    "the directory": flip_from_end(40),
    "the trailer": flip_from_end(3),
    "a trailer past the end": trailer_to(lambda at, length: (at, length + 1)),
    "a trailer into the header": trailer_to(lambda at, length: (3, length + at - 3)),
}


@pytest.mark.parametrize("damage", list(DAMAGES.values()), ids=list(DAMAGES))
def test_a_damaged_table_is_ignored_and_rewritten(
    small: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, damage: Callable[[bytes], bytes]
) -> None:
    path, cache_dir = small
    index = SearchIndex.build(load_glossary(path))
    queries = ["能源消费总量", "tandafeng", "carbon"]
    expected = {query: described(index.search(query)) for query in queries}
    names(path, cache_dir, "碳")
    file = table_file_for(path, cache_dir)
    file.write_bytes(damage(file.read_bytes()))
    for query in queries:
        matches, _ = search_cached(path, query, cache_dir=cache_dir)
        assert described(matches) == expected[query]
    with table_only():  # rewritten: whole again
        for query in queries:
            matches, _ = search_cached(path, query, cache_dir=cache_dir)
            assert described(matches) == expected[query]


def test_a_table_that_is_a_folder_or_a_fifo_is_no_problem(small: tuple[Path, Path]) -> None:
    path, cache_dir = small
    file = table_file_for(path, cache_dir)
    file.mkdir(parents=True)
    assert names(path, cache_dir, "碳达峰") == ["碳达峰"]
    file.rmdir()
    if hasattr(os, "mkfifo"):
        os.mkfifo(file)
        assert names(path, cache_dir, "碳达峰") == ["碳达峰"]  # and no hang


def test_an_unwritable_cache_folder_is_no_problem(small: tuple[Path, Path]) -> None:
    path, cache_dir = small
    cache_dir.write_text("a file where the folder should be")
    assert names(path, cache_dir, "碳达峰") == ["碳达峰"]


class _Touch:
    """Unpickling this would create a file: a stand-in for code hidden in a table."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[Path]]:
        return (Path.touch, (self.marker,))


def test_a_table_holding_code_is_refused_without_running_it(
    small: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table that names a class, with every checksum right (as a tampered file could
    have), is refused by the unpickler: nothing runs, the query is answered all the same."""
    path, cache_dir = small
    marker = tmp_path / "ran"
    real = SearchIndex.saved_parts

    def with_code(self: SearchIndex) -> Iterator[tuple[str, object]]:
        for name, part in real(self):
            yield name, _Touch(marker) if name == "term" else part

    with monkeypatch.context() as patch:
        patch.setattr(SearchIndex, "saved_parts", with_code)
        names(path, cache_dir, "碳")
    assert b"Path.touch" in table_file_for(path, cache_dir).read_bytes()
    assert names(path, cache_dir, "碳达峰") == ["碳达峰"]
    assert not marker.exists()


def test_writes_leave_no_temporary_files(small: tuple[Path, Path]) -> None:
    path, cache_dir = small
    names(path, cache_dir, "碳")
    path.write_text(SMALL + '\n[[term]]\nterm = "碳汇"\n', encoding="utf-8")
    names(path, cache_dir, "碳")
    assert sorted(p.name for p in cache_dir.iterdir()) == sorted(
        [cache.cache_file_for(path, cache_dir).name, table_file_for(path, cache_dir).name]
    )


def test_an_invalid_glossary_is_refused_and_never_tabled(tmp_path: Path) -> None:
    path, cache_dir = tmp_path / "bad.toml", tmp_path / "cache"
    path.write_text('[[term]]\nterm = "碳达峰"\nfoo = 1\n', encoding="utf-8")
    for _ in range(2):
        with pytest.raises(FileProblemError) as caught:
            search_cached(path, "碳", cache_dir=cache_dir)
        assert [(p.line, p.key) for p in caught.value.problems] == [(3, "check.term.unknown_key")]
    assert not cache_dir.exists() or not any(cache_dir.iterdir())


def test_the_command_prints_the_same_from_the_table(
    small: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from carbon_glossary.cli import main

    path, cache_dir = small
    monkeypatch.setenv("CARBON_GLOSSARY_CACHE_DIR", str(cache_dir))
    outputs = []
    for _ in range(2):  # the first writes the table, the second reads it
        code = main(["--glossary", str(path), "search", "能源消费总量", "--limit", "1"])
        outputs.append((code, *capsys.readouterr()))
    assert table_file_for(path, cache_dir).is_file()
    assert outputs[0] == outputs[1]
    code, out, err = outputs[0]
    assert code == 0 and out.split() == ["能源消费", "néng", "yuán", "xiāo", "fèi"]
    assert err == ""  # one match: nothing more to say
