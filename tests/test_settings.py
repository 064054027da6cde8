"""Language and 简/繁 kept across restarts; a bad settings file never stops or loses anything."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from carbon_glossary.cli import main
from carbon_glossary.core.model import Glossary
from carbon_glossary.i18n import t
from carbon_glossary.ui.settings import Settings, SettingsFile, default_settings_path

GLOSSARY = Path(__file__).parent / "data" / "cli_glossary.toml"


def test_the_file_is_in_the_user_config_dir(tmp_path: Path) -> None:
    # tests/conftest.py points XDG_CONFIG_HOME into tmp_path.
    assert default_settings_path() == (
        tmp_path / "xdg_config_home" / "carbon-glossary" / "settings.toml"
    )


def test_no_file_gives_defaults_and_a_saved_choice_comes_back(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.toml"
    assert SettingsFile(path).load() == (Settings(None, False), None)
    assert SettingsFile(path).save(Settings("en", True)) is None
    assert SettingsFile(path).load() == (Settings("en", True), None)
    assert not list(path.parent.glob("*.tmp"))  # the temporary file was renamed into place


@pytest.mark.parametrize(
    "content",
    [
        b'language = "en"\ntraditional = tru\n',  # not TOML
        b'language = "fr"\n',  # no such interface language
        b"traditional = 'yes'\n",  # not true/false
        b"\xff\xfe language",  # not UTF-8
    ],
)
def test_a_bad_file_is_ignored_with_a_notice_and_never_written_over(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(content)
    settings = SettingsFile(path)
    assert settings.load() == (Settings(None, False), t("settings.unreadable", path=path))
    assert settings.save(Settings("en", True)) is None
    assert path.read_bytes() == content


def test_a_directory_in_the_files_place_is_unreadable_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.mkdir()
    settings = SettingsFile(path)
    assert settings.load()[1] == t("settings.unreadable", path=path)
    assert settings.save(Settings("en", False)) is None


def test_an_unwritable_place_gives_a_notice(tmp_path: Path) -> None:
    folder = tmp_path / "carbon-glossary"
    path = folder / "settings.toml"
    settings = SettingsFile(path)
    assert settings.load() == (Settings(None, False), None)
    # The folder cannot be made (as root, permissions would not stop the write).
    folder.write_text("a file where the config folder should be", encoding="utf-8")
    assert settings.save(Settings("en", True)) == t("settings.unwritable", path=path)
    assert folder.read_text(encoding="utf-8") == "a file where the config folder should be"


def test_keys_this_version_does_not_know_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('theme = "nord"\n[later]\nx = 1\n', encoding="utf-8")
    settings = SettingsFile(path)
    settings.load()
    settings.save(Settings("en", True))
    text = path.read_text(encoding="utf-8")
    assert 'theme = "nord"' in text and "[later]" in text and "x = 1" in text
    assert SettingsFile(path).load() == (Settings("en", True), None)


class TestLanguageForTheBrowser:
    """``browse`` hands the browser the language chosen for this start, or None."""

    def browse(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str
    ) -> str | None:
        calls: list[str | None] = []
        fake = types.ModuleType("carbon_glossary.ui.app")

        def run_browser(
            path: Path,
            lang: str | None,
            glossary: Glossary | None = None,
            progress: object = None,
            served: bool = False,
        ) -> int:
            calls.append(lang)
            return 0

        fake.run_browser = run_browser  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, "carbon_glossary.ui.app", fake)
        assert main(["--glossary", str(GLOSSARY), *argv, "browse"]) == 0
        capsys.readouterr()
        [lang] = calls
        return lang

    def test_none_when_not_chosen(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert self.browse(monkeypatch, capsys) is None

    def test_the_option_or_the_environment_wins(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert self.browse(monkeypatch, capsys, "--lang", "en") == "en"
        monkeypatch.setenv("CARBON_GLOSSARY_LANG", "en_GB.UTF-8")
        assert self.browse(monkeypatch, capsys) == "en"
