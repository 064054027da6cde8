"""Where the progress file lives and whose progress it is.

The file: ``--db PATH`` > ``CARBON_GLOSSARY_DB`` > the user's data directory (platformdirs).
The person: ``--profile NAME`` > the name they logged in with.
"""

from __future__ import annotations

import getpass
import unicodedata
from pathlib import Path

from carbon_glossary.core.paths import default_db_path

__all__ = ["db_path_from", "default_profile", "profile_from"]

FALLBACK_PROFILE = "user"


def db_path_from(arg: str | None) -> Path:
    """The progress file to use: the flag, else ``CARBON_GLOSSARY_DB``, else the user's data
    directory (the rule lives in :mod:`carbon_glossary.core.paths`)."""
    return default_db_path(arg)


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
