"""Where the progress store is and whose progress it is.

The store: ``--db`` > ``CARBON_GLOSSARY_DB`` > a file in the user's data directory
(platformdirs). A server URL (``postgresql://…``) is kept as written; anything else is a path.
The person: ``--profile NAME`` > the name they logged in with, made a profile id by the one
rule of :func:`carbon_glossary.core.people.profile_id` (``Alice`` and ``alice`` are one person).
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from carbon_glossary.core.paths import DB_ENV, default_db_path
from carbon_glossary.core.people import profile_id
from carbon_glossary.store.opening import is_server_url

__all__ = ["StoreLocation", "db_location_from", "default_profile", "profile_from"]

FALLBACK_PROFILE = "user"

StoreLocation = str | Path
"""A SQLite file's path, or a store's address as written (``postgresql://…``)."""


def db_location_from(arg: str | None) -> StoreLocation:
    """The store to use: the flag, else ``CARBON_GLOSSARY_DB``, else the user's data
    directory. A URL comes back as the string it is (``Path`` would fold its ``//``); a path
    follows :func:`carbon_glossary.core.paths.default_db_path`."""
    chosen = arg if arg and arg.strip() else os.environ.get(DB_ENV)
    if chosen and is_server_url(chosen):
        return chosen.strip()
    return default_db_path(arg)


def default_profile() -> str:
    """The login name, so each person on a shared PC has their own progress by default."""
    try:
        name = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name in the environment or passwd
        name = ""
    return profile_id(name) or FALLBACK_PROFILE


def profile_from(arg: str | None) -> str:
    """The profile to use: the flag's name as a profile id (trimmed, NFC, Latin letters
    case-folded) if not blank, else the login name."""
    return profile_id(arg or "") or default_profile()
