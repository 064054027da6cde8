"""Where the progress store is and whose progress it is.

The store: ``--db`` > ``CARBON_GLOSSARY_DB`` > a file in the user's data directory
(platformdirs). What the person chose is kept as the text they wrote (``~`` expanded in a
path), so that :func:`~carbon_glossary.store.open_store` holds it to the rules for what a
person writes (a well-formed address, an existing folder); the default is a ``Path``.
The person: ``--profile NAME`` > the name they logged in with, made a profile id by the one
rule of :func:`carbon_glossary.core.people.profile_id` (``Alice`` and ``alice`` are one person).
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from carbon_glossary.core.paths import DB_ENV, default_db_path
from carbon_glossary.core.people import profile_id
from carbon_glossary.store.opening import looks_like_address

__all__ = ["StoreLocation", "db_location_from", "default_profile", "profile_from"]

FALLBACK_PROFILE = "user"

StoreLocation = str | Path
"""Where the progress store is: the text a person gave (``--db`` or ``CARBON_GLOSSARY_DB``: a
file path, ``sqlite:///…`` or ``postgresql://…``), which opening checks as theirs (an address
must be well formed, a file's folder must exist), or a ``Path`` the program chose (the user's
data folder, or a test's), whose folders opening makes."""


def db_location_from(arg: str | None) -> StoreLocation:
    """The store to use: the flag, else ``CARBON_GLOSSARY_DB``, as the text written (an
    address trimmed, a path with ``~`` expanded; ``Path`` would fold an address's ``//``),
    else the file in the user's data directory
    (:func:`carbon_glossary.core.paths.default_db_path`)."""
    chosen = arg if arg and arg.strip() else os.environ.get(DB_ENV)
    if not chosen or not chosen.strip():
        return default_db_path(None)
    if looks_like_address(chosen):
        return chosen.strip()
    return os.path.expanduser(chosen)


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
