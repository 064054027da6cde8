"""The progress file's tables (SQLite), versioned with ``PRAGMA user_version``.

``MIGRATIONS[n]`` takes a file from version ``n`` to ``n + 1``. To change the schema, add a
function at the end of the list and never edit one that has shipped: files in the field
are at every version, and each is brought up to date by running the missing steps in order,
inside one transaction.

Times are ISO 8601 text in UTC with microseconds (``2025-03-01T08:00:00.000000+00:00``):
one fixed width, so text order is time order and indexes on them work.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from carbon_glossary.store.errors import StoreTooNewError

__all__ = ["APPLICATION_ID", "MIGRATIONS", "SCHEMA_VERSION", "migrate", "schema_version"]

APPLICATION_ID = 0x43474C53  # "CGLS": marks a SQLite file as a carbon-glossary progress file


def _v1_initial(conn: sqlite3.Connection) -> None:
    """Answers, study cards and exam results."""
    statements = [
        """
        CREATE TABLE answers (
            id          INTEGER PRIMARY KEY,
            profile     TEXT    NOT NULL,
            term_id     TEXT    NOT NULL,
            term_text   TEXT    NOT NULL,  -- the term as it was when asked
            category    TEXT    NOT NULL DEFAULT '',
            kind        TEXT    NOT NULL,
            mode        TEXT    NOT NULL CHECK (mode IN ('study', 'practice', 'exam')),
            exam_id     TEXT,
            exam_title  TEXT,
            attempt_id  TEXT,
            given       TEXT    NOT NULL,
            expected    TEXT    NOT NULL DEFAULT '',
            correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
            elapsed_ms  INTEGER NOT NULL CHECK (elapsed_ms >= 0),
            answered_at TEXT    NOT NULL
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
            stability     REAL,
            difficulty    REAL,
            due           TEXT    NOT NULL,
            last_review   TEXT,
            reps          INTEGER NOT NULL DEFAULT 0,
            lapses        INTEGER NOT NULL DEFAULT 0,
            introduced_at TEXT    NOT NULL,  -- first study answer: counts against the daily limit
            PRIMARY KEY (profile, term_id)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX cards_by_due ON cards (profile, due)",
        "CREATE INDEX cards_by_introduction ON cards (profile, introduced_at)",
        """
        CREATE TABLE exam_results (
            attempt_id  TEXT    PRIMARY KEY,
            profile     TEXT    NOT NULL,
            exam_id     TEXT    NOT NULL,
            exam_title  TEXT    NOT NULL,
            score       REAL    NOT NULL,
            max_score   REAL    NOT NULL,
            pass_mark   REAL    NOT NULL,
            passed      INTEGER NOT NULL CHECK (passed IN (0, 1)),
            started_at  TEXT    NOT NULL,
            finished_at TEXT    NOT NULL
        )
        """,
        "CREATE INDEX exam_results_by_profile ON exam_results (profile, finished_at)",
        "CREATE INDEX exam_results_by_exam ON exam_results (exam_id, finished_at)",
    ]
    for statement in statements:
        conn.execute(statement)


def _v2_exam_question(conn: sqlite3.Connection) -> None:
    """The number of the question in an exam paper, so that changing an answer during a
    sitting replaces the earlier one instead of counting as a second answer."""
    conn.execute("ALTER TABLE answers ADD COLUMN question INTEGER")
    conn.execute(
        "CREATE INDEX answers_by_attempt ON answers (attempt_id, question, term_id)"
        " WHERE attempt_id IS NOT NULL"
    )


def _v3_sittings(conn: sqlite3.Connection) -> None:
    """Who sat (profiles), every sitting from its first second (attempts) and answers a
    trainer accepted afterwards (regrading). Sittings of older files are filled in from their
    results (handed in) and their answers (not handed in); the time limit they had is not
    known. The file is marked as ours with an application id."""
    statements = [
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
            started_at   TEXT    NOT NULL,
            time_limit_s INTEGER CHECK (time_limit_s >= 0),
            handed_in_at TEXT,
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
            accepted_at TEXT    NOT NULL,
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
        f"PRAGMA application_id = {APPLICATION_ID}",
    ]
    for statement in statements:
        conn.execute(statement)


Migration = Callable[[sqlite3.Connection], None]

MIGRATIONS: list[Migration] = [_v1_initial, _v2_exam_question, _v3_sittings]


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
