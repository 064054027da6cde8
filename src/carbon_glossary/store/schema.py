"""The progress tables, declared once for both backends, version by version.

``STEPS[n]`` takes a store from version ``n`` to ``n + 1``. To change the schema, add a step
at the end and never edit one that has shipped: stores in the field are at every version,
and each is brought up to date by running the missing steps in order, in one transaction
(:mod:`.sqlite_schema` and :mod:`.postgres_schema` do the running).

The statements are written once, with a few words each backend spells its own way:

``{time}``
    ISO 8601 text in UTC with microseconds in SQLite (one fixed width, so text order is
    time order and indexes on them work); ``timestamptz`` in PostgreSQL.
``{real}``
    ``REAL`` / ``DOUBLE PRECISION``.
``{flag:column}``
    a required yes/no column: ``BOOLEAN NOT NULL`` in PostgreSQL; in SQLite, which has no
    boolean type, an ``INTEGER NOT NULL`` checked to be 0 or 1.
``{row_id}``
    the answer's own number: SQLite's rowid alias, PostgreSQL's identity column.
``{without_rowid}``
    SQLite's ``WITHOUT ROWID`` for a table keyed by its primary key; nothing in PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

__all__ = [
    "POSTGRES",
    "SQLITE",
    "STEPS",
    "Dialect",
    "Executes",
    "Migration",
    "Step",
    "migrations",
    "statements",
]


@dataclass(frozen=True)
class _Flag:
    """Renders ``{flag:column}``: the column's name comes in as the format spec."""

    type: str
    check: str

    def __format__(self, column: str) -> str:
        return f"{self.type} NOT NULL {self.check.format(column=column)}".rstrip()


@dataclass(frozen=True)
class Dialect:
    """How one backend spells the words the shared statements leave open."""

    name: str
    time: str
    real: str
    flag: _Flag
    row_id: str
    without_rowid: str

    def render(self, statement: str) -> str:
        return statement.format(
            time=self.time,
            real=self.real,
            flag=self.flag,
            row_id=self.row_id,
            without_rowid=self.without_rowid,
        )


SQLITE = Dialect(
    name="sqlite",
    time="TEXT",
    real="REAL",
    flag=_Flag("INTEGER", "CHECK ({column} IN (0, 1))"),
    row_id="INTEGER PRIMARY KEY",
    without_rowid="WITHOUT ROWID",
)
POSTGRES = Dialect(
    name="postgresql",
    time="TIMESTAMPTZ",
    real="DOUBLE PRECISION",
    flag=_Flag("BOOLEAN", ""),
    row_id="BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
    without_rowid="",
)


@dataclass(frozen=True)
class Step:
    """One schema version: what it is for, and its statements in order."""

    doc: str
    statements: tuple[str, ...]


_V1_INITIAL = Step(
    "Answers, study cards and exam results.",
    (
        """
        CREATE TABLE answers (
            id          {row_id},
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
            correct     {flag:correct},
            elapsed_ms  INTEGER NOT NULL CHECK (elapsed_ms >= 0),
            answered_at {time}  NOT NULL
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
            stability     {real},
            difficulty    {real},
            due           {time}  NOT NULL,
            last_review   {time},
            reps          INTEGER NOT NULL DEFAULT 0,
            lapses        INTEGER NOT NULL DEFAULT 0,
            introduced_at {time}  NOT NULL,  -- first study answer: counts against the daily limit
            PRIMARY KEY (profile, term_id)
        ) {without_rowid}
        """,
        "CREATE INDEX cards_by_due ON cards (profile, due)",
        "CREATE INDEX cards_by_introduction ON cards (profile, introduced_at)",
        """
        CREATE TABLE exam_results (
            attempt_id  TEXT    PRIMARY KEY,
            profile     TEXT    NOT NULL,
            exam_id     TEXT    NOT NULL,
            exam_title  TEXT    NOT NULL,
            score       {real}  NOT NULL,
            max_score   {real}  NOT NULL,
            pass_mark   {real}  NOT NULL,
            passed      {flag:passed},
            started_at  {time}  NOT NULL,
            finished_at {time}  NOT NULL
        )
        """,
        "CREATE INDEX exam_results_by_profile ON exam_results (profile, finished_at)",
        "CREATE INDEX exam_results_by_exam ON exam_results (exam_id, finished_at)",
    ),
)

_V2_EXAM_QUESTION = Step(
    "The number of the question in an exam paper, so that changing an answer during a"
    " sitting replaces the earlier one instead of counting as a second answer.",
    (
        "ALTER TABLE answers ADD COLUMN question INTEGER",
        "CREATE INDEX answers_by_attempt ON answers (attempt_id, question, term_id)"
        " WHERE attempt_id IS NOT NULL",
    ),
)

_V3_SITTINGS = Step(
    "Who sat (profiles), every sitting from its first second (attempts) and answers a"
    " trainer accepted afterwards (regrading). Sittings of older stores are filled in from"
    " their results (handed in) and their answers (not handed in); the time limit they had"
    " is not known.",
    (
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
            started_at   {time}  NOT NULL,
            time_limit_s INTEGER CHECK (time_limit_s >= 0),
            handed_in_at {time},
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
            accepted_at {time}  NOT NULL,
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
    ),
)

_V4_ANSWER_IDS = Step(
    "Each answer's own id, made by the program when the answer is given, and unique: an"
    " answer written again (a write retried because the connection broke while its commit"
    " was being acknowledged) is recognised and not stored twice. Answers of older stores"
    " get an id from their row number.",
    (
        "ALTER TABLE answers ADD COLUMN answer_id TEXT",
        "UPDATE answers SET answer_id = 'row-' || id",
        "CREATE UNIQUE INDEX answers_by_answer_id ON answers (answer_id)",
    ),
)

STEPS: tuple[Step, ...] = (_V1_INITIAL, _V2_EXAM_QUESTION, _V3_SITTINGS, _V4_ANSWER_IDS)


def statements(step: Step, dialect: Dialect) -> list[str]:
    """The step's statements as ``dialect`` runs them."""
    return [dialect.render(statement) for statement in step.statements]


class Executes(Protocol):
    """A connection of either driver, as far as a migration needs it."""

    def execute(self, statement: str, /) -> object: ...


Migration = Callable[[Executes], None]


def migrations(
    dialect: Dialect, after: Mapping[int, Sequence[str]] | None = None
) -> list[Migration]:
    """One function per step, in order, that runs the step on a connection: the list a
    backend migrates with. ``after[version]`` are statements only this backend runs at the
    end of that version's step."""

    def migration(version: int, step: Step) -> Migration:
        def run(conn: Executes) -> None:
            extra = (after or {}).get(version, ())
            for statement in [*statements(step, dialect), *extra]:
                conn.execute(statement)

        run.__name__ = f"_v{version}_{dialect.name}"
        run.__doc__ = step.doc
        return run

    return [migration(number, step) for number, step in enumerate(STEPS, start=1)]
