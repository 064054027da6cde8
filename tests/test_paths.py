"""Where the program looks for its files: flag > environment > default."""

from __future__ import annotations

from pathlib import Path

import pytest

from carbon_glossary.core import paths

ROOT = Path(__file__).resolve().parent.parent


def test_source_checkout_uses_the_repository_glossary() -> None:
    assert paths.shipped_glossary_path() == ROOT / "glossary.toml"
    assert paths.shipped_glossary_path().is_file()


def test_an_installed_wheel_uses_its_package_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "carbon_glossary"
    (package / "data").mkdir(parents=True)
    (package / "data" / "glossary.toml").write_text("", encoding="utf-8")
    monkeypatch.setattr(paths, "_PACKAGE_DIR", package)
    assert paths.shipped_glossary_path() == package / "data" / "glossary.toml"


def test_glossary_flag_beats_environment_beats_shipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert paths.glossary_path_from(None) == paths.shipped_glossary_path()
    monkeypatch.setenv("CARBON_GLOSSARY_FILE", str(tmp_path / "env.toml"))
    assert paths.glossary_path_from(None) == tmp_path / "env.toml"
    assert paths.glossary_path_from("flag.toml") == Path("flag.toml")
    monkeypatch.setenv("CARBON_GLOSSARY_FILE", "  ")
    assert paths.glossary_path_from(None) == paths.shipped_glossary_path()
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.glossary_path_from("~/mine.toml") == tmp_path / "mine.toml"


def test_progress_database_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_home = tmp_path / "xdg_data_home"
    assert paths.default_db_path() == data_home / "carbon-glossary" / "progress.sqlite3"
    monkeypatch.setenv("CARBON_GLOSSARY_DB", str(tmp_path / "env.sqlite3"))
    assert paths.default_db_path() == tmp_path / "env.sqlite3"
    assert paths.default_db_path("flag.sqlite3") == Path("flag.sqlite3")


def test_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert paths.user_cache_dir() == tmp_path / "xdg_cache_home" / "carbon-glossary"
    monkeypatch.setenv("CARBON_GLOSSARY_CACHE_DIR", str(tmp_path / "c"))
    assert paths.user_cache_dir() == tmp_path / "c"
