"""The progress tables on PostgreSQL, versioned in a one-row table ``carbon_glossary_schema``.

Version for version the same tables as the SQLite file: the steps declared once in
:mod:`.schema`, in PostgreSQL's own types (``timestamptz`` for times, ``boolean`` for flags,
an identity column for the answer id). ``MIGRATIONS[n]`` takes a database from version ``n``
to ``n + 1``. All missing steps run in one transaction under an advisory lock, so two
programs opening an old database at once migrate it once, and a failure part-way leaves it at
its old version (PostgreSQL's DDL is transactional).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from carbon_glossary.store.errors import StoreTooNewError
from carbon_glossary.store.schema import POSTGRES, Migration, migrations

if TYPE_CHECKING:
    import psycopg

__all__ = ["MIGRATIONS", "VERSION_TABLE", "latest_version", "migrate", "stored_version"]

VERSION_TABLE = "carbon_glossary_schema"
_LOCK_KEY = 0x43474C53  # "CGLS", the same mark as the SQLite files' application id

MIGRATIONS: list[Migration] = migrations(POSTGRES)


def latest_version() -> int:
    """The version this program writes: one per migration (the same as SQLite's)."""
    return len(MIGRATIONS)


def stored_version(conn: psycopg.Connection[Any]) -> int:
    """The database's version; 0 before the first migration. Reads only."""
    row = conn.execute("SELECT to_regclass(%s) IS NOT NULL", (VERSION_TABLE,)).fetchone()
    if row is None or not row[0]:
        return 0
    found = conn.execute(f"SELECT MAX(version) FROM {VERSION_TABLE}").fetchone()
    return int(found[0]) if found is not None and found[0] is not None else 0


def migrate(conn: psycopg.Connection[Any], location: str) -> int:
    """Bring the database up to the latest version; returns the version it was at.
    ``conn`` is in autocommit mode; the steps run in one transaction of their own."""
    target = latest_version()
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
        conn.execute(f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version INTEGER NOT NULL)")
        found = stored_version(conn)  # again, under the lock: another program may have
        if found > target:
            raise StoreTooNewError(location, found, target, key="store.pg.too_new")
        for step in MIGRATIONS[found:target]:
            step(conn)
        if found != target:
            conn.execute(f"DELETE FROM {VERSION_TABLE}")
            conn.execute(f"INSERT INTO {VERSION_TABLE} (version) VALUES (%s)", (target,))
    return found
