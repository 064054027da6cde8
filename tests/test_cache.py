"""The glossary cache: a second open of an unchanged file is served from it, and a cache
that is stale, damaged or unwritable never changes what the user gets."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from carbon_glossary.core import cache, loader
from carbon_glossary.core.cache import cache_file_for, load_glossary_cached
from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.problems import FileProblemError

GLOSSARY = """\
[glossary]
title = "缓存测试"

[[term]]
term = "碳达峰"
english = ["carbon peaking"]
related = ["储能调峰"]

[[term]]
term = "储能调峰"
"""


@pytest.fixture
def glossary_file(tmp_path: Path) -> Path:
    path = tmp_path / "g.toml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def no_full_load(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(data: bytes, path: str) -> None:
        raise AssertionError("the glossary was parsed again")

    monkeypatch.setattr(loader, "load_glossary_bytes", fail)


def test_warm_load_equals_a_full_load_without_parsing(
    glossary_file: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = load_glossary_cached(glossary_file, cache_dir)
    assert cold == load_glossary(glossary_file)
    assert cache_file_for(glossary_file, cache_dir).is_file()
    no_full_load(monkeypatch)
    warm = load_glossary_cached(glossary_file, cache_dir)
    assert warm == cold
    assert warm.by_id("tan-da-feng") == cold.terms[0]


def test_a_warm_load_searches_other_readings_as_a_full_load(
    glossary_file: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA 2 finding 1: the other readings of 多音字 (worked out with pypinyin at load) are
    kept in the cache, so a warm start finds 储能调峰 by diaofeng as a fresh load does."""
    from carbon_glossary.core.search import SearchIndex

    def described(glossary: object, query: str) -> list[tuple[object, ...]]:
        index = SearchIndex.build(glossary)  # type: ignore[arg-type]
        return [(m.term.id, m.score, m.field, dict(m.spans)) for m in index.search(query)]

    fresh = load_glossary(glossary_file)
    load_glossary_cached(glossary_file, cache_dir)  # writes the cache
    no_full_load(monkeypatch)
    warm = load_glossary_cached(glossary_file, cache_dir)
    assert [t.other_readings for t in warm.terms] == [(), ("", "", "diao4", "")]
    for query in ("diaofeng", "diao4 feng1", "chunengdiao", "tiaofeng", "tdf"):
        assert described(warm, query) == described(fresh, query), query
    assert [m[:3] for m in described(warm, "diaofeng")] == [
        ("chu-neng-tiao-feng", 0.39, "other_reading")
    ]


def test_an_edited_file_is_loaded_again(glossary_file: Path, cache_dir: Path) -> None:
    load_glossary_cached(glossary_file, cache_dir)
    glossary_file.write_text(GLOSSARY.replace("缓存测试", "改过的"), encoding="utf-8")
    assert load_glossary_cached(glossary_file, cache_dir).title == "改过的"


def test_another_program_version_does_not_reuse_the_cache(
    glossary_file: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_glossary_cached(glossary_file, cache_dir)
    monkeypatch.setattr(cache, "_environment_fingerprint", lambda: "pypinyin=99")
    calls: list[str] = []
    real = loader.load_glossary_bytes

    def counting(data: bytes, path: str) -> object:
        calls.append(path)
        return real(data, path)

    monkeypatch.setattr(loader, "load_glossary_bytes", counting)
    load_glossary_cached(glossary_file, cache_dir)
    assert calls == [str(glossary_file)]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],
        lambda data: data[:-20] + b"\x00" * 20,
        lambda data: b"not a cache at all",
        lambda data: data[:30] + b"x" + data[31:],  # another key
    ],
    ids=["empty", "truncated", "corrupt-tail", "garbage", "other-key"],
)
def test_a_damaged_cache_means_a_full_load_and_is_rewritten(
    glossary_file: Path, cache_dir: Path, damage: object
) -> None:
    expected = load_glossary_cached(glossary_file, cache_dir)
    file = cache_file_for(glossary_file, cache_dir)
    assert callable(damage)
    file.write_bytes(damage(file.read_bytes()))
    assert load_glossary_cached(glossary_file, cache_dir) == expected
    assert file.read_bytes()[: len(b"carbon-glossary cache\n")] == b"carbon-glossary cache\n"


def test_a_pickle_of_something_else_is_ignored(glossary_file: Path, cache_dir: Path) -> None:
    import pickle

    expected = load_glossary_cached(glossary_file, cache_dir)
    file = cache_file_for(glossary_file, cache_dir)
    header_end = file.read_bytes().index(b"\n", len(b"carbon-glossary cache\n")) + 1
    file.write_bytes(file.read_bytes()[:header_end] + pickle.dumps(["not", "a", "glossary"]))
    assert load_glossary_cached(glossary_file, cache_dir) == expected


def test_an_unwritable_cache_folder_is_no_problem(glossary_file: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    glossary = load_glossary_cached(glossary_file, blocker / "cache")
    assert glossary.title == "缓存测试"


def test_writes_leave_no_temporary_files(glossary_file: Path, cache_dir: Path) -> None:
    load_glossary_cached(glossary_file, cache_dir)
    glossary_file.write_text(GLOSSARY + '\n[[term]]\nterm = "碳汇"\n', encoding="utf-8")
    load_glossary_cached(glossary_file, cache_dir)
    assert [p.name for p in cache_dir.iterdir()] == [cache_file_for(glossary_file, cache_dir).name]


def test_an_invalid_glossary_is_never_cached(tmp_path: Path, cache_dir: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[[term]]\nterm = "碳达峰"\nfoo = 1\n', encoding="utf-8")
    for _ in range(2):
        with pytest.raises(FileProblemError) as caught:
            load_glossary_cached(path, cache_dir)
        assert [(p.line, p.key) for p in caught.value.problems] == [(3, "check.term.unknown_key")]
    assert not cache_dir.exists() or not any(cache_dir.iterdir())


def test_another_spelling_of_the_same_path_shows_that_spelling(
    glossary_file: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_glossary_cached(glossary_file, cache_dir)
    monkeypatch.chdir(glossary_file.parent)
    no_full_load(monkeypatch)
    assert load_glossary_cached("g.toml", cache_dir).path == "g.toml"


def test_default_cache_folder_follows_the_environment(
    glossary_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CARBON_GLOSSARY_CACHE_DIR", str(tmp_path / "env-cache"))
    load_glossary_cached(glossary_file)
    assert cache_file_for(glossary_file, tmp_path / "env-cache").is_file()


def test_a_warm_load_imports_neither_pypinyin_nor_tomllib(
    glossary_file: Path, cache_dir: Path
) -> None:
    """The point of the cache: start-up without pypinyin (~150 ms) or any parsing."""
    code = f"""
import sys
from pathlib import Path
from carbon_glossary.core.cache import load_glossary_cached
glossary = load_glossary_cached({str(glossary_file)!r}, Path({str(cache_dir)!r}))
print(len(glossary.terms), glossary.terms[0].marks)
print(sorted(m for m in sys.modules if m.split(".")[0] in ("pypinyin", "tomllib", "opencc")))
"""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    cold = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert cold.returncode == 0, cold.stderr
    assert "pypinyin" in cold.stdout  # the cold load did need it
    warm = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert warm.returncode == 0, warm.stderr
    assert warm.stdout.splitlines() == ["2 ('tàn', 'dá', 'fēng')", "[]"]


class _Touch:
    """Unpickling this would create a file: a stand-in for code hidden in a cache."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[Path]]:
        return (Path.touch, (self.marker,))


def test_a_cache_holding_code_is_refused_without_running_it(
    glossary_file: Path, cache_dir: Path, tmp_path: Path
) -> None:
    import pickle

    expected = load_glossary_cached(glossary_file, cache_dir)
    file = cache_file_for(glossary_file, cache_dir)
    header_end = file.read_bytes().index(b"\n", len(b"carbon-glossary cache\n")) + 1
    marker = tmp_path / "ran"
    file.write_bytes(file.read_bytes()[:header_end] + pickle.dumps(_Touch(marker)))
    assert load_glossary_cached(glossary_file, cache_dir) == expected
    assert not marker.exists()


@pytest.fixture
def fresh_fingerprint() -> object:
    """The fingerprint is computed once per process; these tests change what it reads."""
    cache._environment_fingerprint.cache_clear()
    yield
    cache._environment_fingerprint.cache_clear()


def test_the_fingerprint_names_the_installed_library_versions(fresh_fingerprint: object) -> None:
    from importlib.metadata import version

    fingerprint = cache._environment_fingerprint()
    for distribution in ("pypinyin", "opencc"):
        assert f"{distribution}-{version(distribution)}.dist-info" in fingerprint


def _fake_library(site: Path, version: str) -> None:
    package = site / "fakelib"
    package.mkdir(exist_ok=True)
    init = package / "__init__.py"
    init.write_text(f"__version__ = {version!r}\n", encoding="utf-8")
    os.utime(init, ns=(10**18, 10**18))  # the same size and time for every version
    for old in site.glob("fakelib-*.dist-info"):
        old.rmdir()
    (site / f"fakelib-{version}.dist-info").mkdir()


@pytest.mark.parametrize("upgrade", ["version", "edited"])
def test_another_library_version_means_a_full_load(
    glossary_file: Path,
    cache_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fresh_fingerprint: object,
    upgrade: str,
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    _fake_library(site, "1.0")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setattr(cache, "_LIBRARIES", (("fakelib", "fakelib"),))
    load_glossary_cached(glossary_file, cache_dir)
    cache._environment_fingerprint.cache_clear()
    no_full_load(monkeypatch)
    load_glossary_cached(glossary_file, cache_dir)  # same library: served from the cache

    if upgrade == "version":
        _fake_library(site, "2.0")  # only the dist-info folder's name tells them apart
    else:
        (site / "fakelib" / "__init__.py").write_text("__version__ = '1.0'  # patched\n")
    cache._environment_fingerprint.cache_clear()
    with pytest.raises(AssertionError, match="parsed again"):
        load_glossary_cached(glossary_file, cache_dir)


def test_the_fingerprint_imports_neither_pypinyin_nor_opencc() -> None:
    code = (
        "import sys\n"
        "from carbon_glossary.core import cache\n"
        "cache._environment_fingerprint()\n"
        "print(sorted({'pypinyin', 'opencc', 'importlib.metadata'} & set(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
