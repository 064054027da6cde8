"""One function opens the progress store, whichever backend the location names.

- a path, or ``sqlite:///relative/path`` / ``sqlite:////absolute/path`` → a SQLite file;
- ``postgresql://…`` (or ``postgres://…``) → a PostgreSQL server (psycopg's connection URL:
  ``postgresql://user:password@host:5432/dbname?sslmode=require``);
- any other ``scheme://`` → refused with a message, never taken for a file name.
"""

from __future__ import annotations

import re
from pathlib import Path

from carbon_glossary.store.errors import StoreError
from carbon_glossary.store.protocol import ProgressStore

__all__ = ["SQLITE_SCHEME", "is_server_url", "open_store", "sqlite_path"]

SQLITE_SCHEME = "sqlite:///"
_POSTGRES_SCHEMES = ("postgresql://", "postgres://")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_server_url(location: str) -> bool:
    """Whether ``location`` is written as a URL (``scheme://…``) rather than a path."""
    return bool(_URL.match(location.strip()))


def sqlite_path(location: str | Path) -> Path | None:
    """The SQLite file ``location`` names, or None when it names a server."""
    if isinstance(location, Path):
        return location
    text = location.strip()
    if text.lower().startswith(SQLITE_SCHEME):
        return Path(text[len(SQLITE_SCHEME) :])
    if is_server_url(text):
        return None
    return Path(location)


def open_store(location: str | Path, *, read_only: bool = False) -> ProgressStore:
    """Open the progress store at ``location`` (see the module doc).

    ``read_only``: the command only reads (``stats``), so nothing is ever moved aside, even a
    damaged file of ours. Raises :class:`~carbon_glossary.store.StoreError` (with a message
    for the person, never a password) when the store cannot be used.
    """
    path = sqlite_path(location)
    if path is not None:
        from carbon_glossary.store.sqlite import SqliteStore

        return SqliteStore.open(path, read_only=read_only)
    text = str(location).strip()
    if text.lower().startswith(_POSTGRES_SCHEMES):
        from carbon_glossary.store.postgres import PostgresStore

        return PostgresStore.open(text)
    scheme = text.split("://", 1)[0]
    raise StoreError("store.unknown_scheme", scheme=scheme)
