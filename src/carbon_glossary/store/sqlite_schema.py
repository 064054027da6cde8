"""The progress file's tables (SQLite), versioned with ``PRAGMA user_version``.

``MIGRATIONS[n]`` takes a file from version ``n`` to ``n + 1``: the steps declared once for
both backends in :mod:`.schema`, as SQLite spells them. Files in the field are at every
version, and each is brought up to date by running the missing steps in order, inside one
transaction.

Times are ISO 8601 text in UTC with microseconds (``2025-03-01T08:00:00.000000+00:00``):
one fixed width, so text order is time order and indexes on them work.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from carbon_glossary.store.errors import StoreTooNewError
from carbon_glossary.store.schema import SQLITE, Migration, migrations

__all__ = ["APPLICATION_ID", "MIGRATIONS", "SCHEMA_VERSION", "migrate", "schema_version"]

APPLICATION_ID = 0x43474C53  # "CGLS": marks a SQLite file as a carbon-glossary progress file

MIGRATIONS: list[Migration] = migrations(
    SQLITE,
    # Version 3 also marks the file as ours (only SQLite files have an application id).
    after={3: [f"PRAGMA application_id = {APPLICATION_ID}"]},
)


def latest_version() -> int:
    """The version this program writes: one per migration."""
    return len(MIGRATIONS)


SCHEMA_VERSION = latest_version()


def schema_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection, path: Path) -> int:
    """Bring the file up to the latest version; returns the version it was at.

    Runs in one write transaction, so two programs opening an old file at once migrate it
    once, and a crash part-way leaves it at its old version. A file from a newer program
    raises :class:`StoreTooNewError` and is left as it is.
    """
    target = latest_version()
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = schema_version(conn)
        if found > target:
            raise StoreTooNewError(path, found, target)
        for step in MIGRATIONS[found:target]:
            step(conn)
        if found != target:
            conn.execute(f"PRAGMA user_version = {int(target)}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return found
