"""The choices a person makes in the browser, kept across restarts: language and 简/繁.

They live in ``settings.toml`` in the user config directory (platformdirs). Nothing about
this file may stop the program or lose what is in it:

- a file that cannot be read, is not TOML or holds values of the wrong type is ignored
  with a notice, and is then never written over (its owner may want what is in it);
- a file that cannot be written is reported, and the program goes on;
- keys this version does not know are kept when the file is rewritten;
- a write replaces the file in one step (a temporary file, then ``os.replace``), so a
  crash mid-write leaves the old file, not half a new one.

No Textual here: the rules are tested without a screen.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any, NamedTuple

from carbon_glossary.i18n import LANGUAGES, t

__all__ = ["Settings", "SettingsFile", "default_settings_path"]

FILE_NAME = "settings.toml"


class Settings(NamedTuple):
    """What is remembered. ``language`` None: never chosen (the default applies)."""

    language: str | None = None
    traditional: bool = False


def default_settings_path() -> Path:
    """``settings.toml`` in the platform's user config directory."""
    import platformdirs

    from carbon_glossary.core.paths import APP_NAME

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / FILE_NAME


class SettingsFile:
    """One settings file: read once, then written each time a choice changes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._kept: dict[str, Any] = {}  # what was in the file, unknown keys included
        self._writable = True
        self._lock = threading.Lock()

    @property
    def writable(self) -> bool:
        """False once the file was found unreadable: it is then left as it is."""
        return self._writable

    def load(self) -> tuple[Settings, str | None]:
        """The saved settings (defaults where absent) and a notice if the file was ignored."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return Settings(), None  # the usual first start: no parser to import
        except (OSError, UnicodeDecodeError):
            self._writable = False
            return Settings(), t("settings.unreadable", path=self.path)
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            self._writable = False
            return Settings(), t("settings.unreadable", path=self.path)
        language = data.get("language")
        traditional = data.get("traditional", False)
        if (language is not None and language not in LANGUAGES) or not isinstance(
            traditional, bool
        ):
            self._writable = False
            return Settings(), t("settings.unreadable", path=self.path)
        self._kept = data
        return Settings(language, traditional), None

    def save(self, settings: Settings) -> str | None:
        """Write ``settings``; a notice if that failed (None: written, or left alone)."""
        import tomli_w

        if not self._writable:
            return None
        with self._lock:
            data = dict(self._kept)
            data["traditional"] = settings.traditional
            if settings.language is not None:
                data["language"] = settings.language
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                _replace(self.path, tomli_w.dumps(data))
            except OSError:
                return t("settings.unwritable", path=self.path)
            self._kept = data
        return None


def _replace(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` in one step: a temporary file beside it, then a rename."""
    import tempfile  # ~1 ms (shutil, random) the start of the browser does without

    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
