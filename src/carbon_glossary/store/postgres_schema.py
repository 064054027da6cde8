"""The progress tables on PostgreSQL, versioned in a one-row table ``carbon_glossary_schema``.

Version for version the same tables as the SQLite file (:mod:`.sqlite_schema`), in
PostgreSQL's own types: ``timestamptz`` for times, ``boolean`` for flags, an identity column
for the answer id. ``MIGRATIONS[n]`` takes a database from version ``n`` to ``n + 1``; add a
step at the end, never edit one that has shipped. All missing steps run in one transaction
under an advisory lock, so two programs opening an old database at once migrate it once, and
a failure part-way leaves it at its old version (PostgreSQL's DDL is transactional).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from carbon_glossary.store.errors import StoreTooNewError

if TYPE_CHECKING:
    import psycopg

__all__ = ["MIGRATIONS", "VERSION_TABLE", "latest_version", "migrate", "stored_version"]

VERSION_TABLE = "carbon_glossary_schema"
_LOCK_KEY = 0x43474C53  # "CGLS", the same mark as the SQLite files' application id


def _run(conn: psycopg.Connection[Any], statements: list[str]) -> None:
    for statement in statements:
        conn.execute(statement)


def _v1_initial(conn: psycopg.Connection[Any]) -> None:
    """Answers, study cards and exam results."""
    _run(
        conn,
        [
            """
            CREATE TABLE answers (
                id          BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                profile     TEXT    NOT NULL,
                term_id     TEXT    NOT NULL,
                term_text   TEXT    NOT NULL,
                category    TEXT    NOT NULL DEFAULT '',
                kind        TEXT    NOT NULL,
                mode        TEXT    NOT NULL CHECK (mode IN ('study', 'practice', 'exam')),
                exam_id     TEXT,
                exam_title  TEXT,
                attempt_id  TEXT,
                given       TEXT    NOT NULL,
                expected    TEXT    NOT NULL DEFAULT '',
                correct     BOOLEAN NOT NULL,
                elapsed_ms  INTEGER NOT NULL CHECK (elapsed_ms >= 0),
                answered_at TIMESTAMPTZ NOT NULL
            )
            """,
            "CREATE INDEX answers_by_time ON answers (profile, answered_at)",
            "CREATE INDEX answers_by_term ON answers (profile, term_id, answered_at)",
            "CREATE INDEX answers_by_exam ON answers (exam_id) WHERE exam_id IS NOT NULL",
            """
            CREATE TABLE cards (
                profile       TEXT    NOT NULL,
                term_id       TEXT    NOT NULL,
                phase         INTEGER NOT NULL,
                step          INTEGER,
                stability     DOUBLE PRECISION,
                difficulty    DOUBLE PRECISION,
                due           TIMESTAMPTZ NOT NULL,
                last_review   TIMESTAMPTZ,
                reps          INTEGER NOT NULL DEFAULT 0,
                lapses        INTEGER NOT NULL DEFAULT 0,
                introduced_at TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (profile, term_id)
            )
            """,
            "CREATE INDEX cards_by_due ON cards (profile, due)",
            "CREATE INDEX cards_by_introduction ON cards (profile, introduced_at)",
            """
            CREATE TABLE exam_results (
                attempt_id  TEXT    PRIMARY KEY,
                profile     TEXT    NOT NULL,
                exam_id     TEXT    NOT NULL,
                exam_title  TEXT    NOT NULL,
                score       DOUBLE PRECISION NOT NULL,
                max_score   DOUBLE PRECISION NOT NULL,
                pass_mark   DOUBLE PRECISION NOT NULL,
                passed      BOOLEAN NOT NULL,
                started_at  TIMESTAMPTZ NOT NULL,
                finished_at TIMESTAMPTZ NOT NULL
            )
            """,
            "CREATE INDEX exam_results_by_profile ON exam_results (profile, finished_at)",
            "CREATE INDEX exam_results_by_exam ON exam_results (exam_id, finished_at)",
        ],
    )


def _v2_exam_question(conn: psycopg.Connection[Any]) -> None:
    """The number of the question in an exam paper (a changed answer replaces the earlier)."""
    _run(
        conn,
        [
            "ALTER TABLE answers ADD COLUMN question INTEGER",
            "CREATE INDEX answers_by_attempt ON answers (attempt_id, question, term_id)"
            " WHERE attempt_id IS NOT NULL",
        ],
    )


def _v3_sittings(conn: psycopg.Connection[Any]) -> None:
    """Profiles, attempts and accepted answers; sittings of older data filled in from their
    results (handed in) and their answers (not handed in)."""
    _run(
        conn,
        [
            """
            CREATE TABLE profiles (
                profile      TEXT PRIMARY KEY,
                display_name TEXT NOT NULL,
                department   TEXT NOT NULL DEFAULT ''
            )
            """,
            """
            CREATE TABLE attempts (
                attempt_id   TEXT    PRIMARY KEY,
                exam_id      TEXT    NOT NULL,
                exam_title   TEXT    NOT NULL,
                profile      TEXT    NOT NULL,
                display_name TEXT    NOT NULL,
                department   TEXT    NOT NULL DEFAULT '',
                started_at   TIMESTAMPTZ NOT NULL,
                time_limit_s INTEGER CHECK (time_limit_s >= 0),
                handed_in_at TIMESTAMPTZ,
                source       TEXT    NOT NULL CHECK (source IN ('screen', 'sheet', 'browser'))
            )
            """,
            "CREATE INDEX attempts_by_exam ON attempts (exam_id, started_at)",
            "CREATE INDEX attempts_by_profile ON attempts (profile, started_at)",
            """
            CREATE TABLE accepted_answers (
                exam_id     TEXT    NOT NULL,
                question    INTEGER NOT NULL,
                answer      TEXT    NOT NULL,
                accepted_at TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (exam_id, question, answer)
            )
            """,
            """
            INSERT INTO attempts (attempt_id, exam_id, exam_title, profile, display_name,
                department, started_at, time_limit_s, handed_in_at, source)
            SELECT attempt_id, exam_id, exam_title, profile, profile, '', started_at, NULL,
                finished_at, 'screen'
            FROM exam_results
            """,
            """
            INSERT INTO attempts (attempt_id, exam_id, exam_title, profile, display_name,
                department, started_at, time_limit_s, handed_in_at, source)
            SELECT attempt_id, MIN(exam_id), COALESCE(MIN(exam_title), ''), MIN(profile),
                MIN(profile), '', MIN(answered_at), NULL, NULL, 'screen'
            FROM answers
            WHERE attempt_id IS NOT NULL AND exam_id IS NOT NULL
                AND attempt_id NOT IN (SELECT attempt_id FROM exam_results)
            GROUP BY attempt_id
            """,
        ],
    )


Migration = Callable[["psycopg.Connection[Any]"], None]

MIGRATIONS: list[Migration] = [_v1_initial, _v2_exam_question, _v3_sittings]


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
