"""Where the progress file lives and whose progress it is.

The file: ``--db PATH`` > ``CARBON_GLOSSARY_DB`` > the user's data directory (platformdirs).
The person: ``--profile NAME`` > the name they logged in with.
"""

from __future__ import annotations

import getpass
import os
import unicodedata
from pathlib import Path

__all__ = ["DB_ENV", "db_path_from", "default_db_path", "default_profile", "profile_from"]

DB_ENV = "CARBON_GLOSSARY_DB"
DB_FILE_NAME = "progress.sqlite3"
FALLBACK_PROFILE = "user"


def default_db_path() -> Path:
    """The progress file in the user's data directory (not created here)."""
    import platformdirs  # only when no path was given

    return platformdirs.user_data_path("carbon-glossary", appauthor=False) / DB_FILE_NAME


def db_path_from(arg: str | None) -> Path:
    """The progress file to use: the flag, else the environment variable, else the default."""
    chosen = arg or os.environ.get(DB_ENV)
    return Path(chosen).expanduser() if chosen else default_db_path()


def default_profile() -> str:
    """The login name, so each person on a shared PC has their own progress by default."""
    try:
        name = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name in the environment or passwd
        name = ""
    return _clean(name) or FALLBACK_PROFILE


def profile_from(arg: str | None) -> str:
    """The profile to use: the flag's name (trimmed, NFC) if not blank, else the login name."""
    return _clean(arg or "") or default_profile()


def _clean(name: str) -> str:
    return unicodedata.normalize("NFC", name).strip()
