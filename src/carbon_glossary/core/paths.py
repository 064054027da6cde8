"""Where things live: the shipped glossary, the glossary in use, the cache and the progress file.

Each location follows one rule: a command-line flag wins, then an environment variable, then
the default (the glossary shipped in the package, or the platform's user directories).
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "APP_NAME",
    "CACHE_ENV",
    "DB_ENV",
    "GLOSSARY_ENV",
    "default_db_path",
    "glossary_path_from",
    "shipped_glossary_path",
    "user_cache_dir",
]

APP_NAME = "carbon-glossary"
GLOSSARY_ENV = "CARBON_GLOSSARY_FILE"
DB_ENV = "CARBON_GLOSSARY_DB"
CACHE_ENV = "CARBON_GLOSSARY_CACHE_DIR"

# src/carbon_glossary/core/paths.py → the package folder, and the repository root in a
# source or editable checkout.
_PACKAGE_DIR = Path(__file__).resolve().parents[1]
_SOURCE_ROOT = _PACKAGE_DIR.parents[1]


def shipped_glossary_path() -> Path:
    """The glossary that comes with the program.

    In an installed wheel it is package data (``carbon_glossary/data/glossary.toml``); in a
    source or editable checkout it is ``glossary.toml`` at the repository root. When neither
    exists the repository path is returned, so the caller reports a missing file by name.
    The package folder is found from this file rather than with ``importlib.resources``,
    whose import costs ~2 ms of every start (the file must be on disk to be read either way).
    """
    packaged = _PACKAGE_DIR / "data" / "glossary.toml"
    if packaged.is_file():
        return packaged
    return _SOURCE_ROOT / "glossary.toml"


def _non_empty(value: str | None) -> str | None:
    return value if value and value.strip() else None


def glossary_path_from(arg: str | None) -> Path:
    """The glossary to use: ``--glossary`` > ``CARBON_GLOSSARY_FILE`` > the shipped one."""
    chosen = _non_empty(arg) or _non_empty(os.environ.get(GLOSSARY_ENV))
    return Path(chosen).expanduser() if chosen else shipped_glossary_path()


def user_cache_dir() -> Path:
    """The folder for caches: ``CARBON_GLOSSARY_CACHE_DIR`` or the platform's user cache dir."""
    override = _non_empty(os.environ.get(CACHE_ENV))
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def default_db_path(arg: str | None = None) -> Path:
    """The progress database: flag > ``CARBON_GLOSSARY_DB`` > the platform's user data dir."""
    chosen = _non_empty(arg) or _non_empty(os.environ.get(DB_ENV))
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "progress.sqlite3"
