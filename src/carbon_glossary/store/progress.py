"""The progress store: every answer, study schedule and exam result, in one SQLite file.

Durability: each write is its own transaction, committed before the method returns, in WAL
mode with ``synchronous=FULL``. With FULL, SQLite syncs the write-ahead log to disk at every
commit, so an answer survives not just a killed program (NORMAL would do for that) but also a
power cut or an OS crash right after it was given. That costs one fsync per answer, which a
person answering questions never notices.

Sharing: WAL lets readers and one writer work at once; writers wait for each other (busy
timeout) instead of failing, and every write takes the lock up front (``BEGIN IMMEDIATE``),
so a read-then-write (an answer plus its card update) cannot interleave with another
program's. One store object may be used from several threads; calls are serialised.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, Self, cast

from carbon_glossary.core.scheduling import (
    DEFAULT_SETTINGS,
    CardState,
    Phase,
    Settings,
    review,
    study_queue,
    to_utc,
)
from carbon_glossary.core.stats import (
    CategoryFigures,
    TermFigures,
    daily_activity,
    day_bounds,
    weakest_terms,
)
from carbon_glossary.store.errors import CorruptFileMoved, StoreError, StoreTooNewError
from carbon_glossary.store.records import AnswerRecord, ExamResult, Mistake, Mode, Stats
from carbon_glossary.store.schema import latest_version, migrate, schema_version

__all__ = ["BUSY_TIMEOUT_MS", "ProgressStore"]

BUSY_TIMEOUT_MS = 10_000
"""How long a write waits for another program's write to finish before giving up."""

_SQLITE_MAGIC = b"SQLite format 3\x00"
_SQLITE_HEADER_SIZE = 100
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB (primary result codes)
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6
_SECOND_LOOK_S = 0.1
_NO_LIMIT = -1

# The id of each term's latest answer by profile ?1: latest time first, then latest written.
# Two steps rather than a window function, so both run off the (profile, term_id,
# answered_at) index; about five times faster at 100k answers.
_LATEST_ANSWERS = """
    WITH latest AS (
        SELECT term_id, MAX(answered_at) AS at FROM answers WHERE profile = ?1 GROUP BY term_id
    ),
    last AS (
        SELECT MAX(a.id) AS id FROM latest JOIN answers AS a
            ON a.profile = ?1 AND a.term_id = latest.term_id AND a.answered_at = latest.at
        GROUP BY a.term_id
    )
"""


class _Corrupt(Exception):
    """Internal: the file is damaged; carries SQLite's description."""


def _iso(moment: datetime) -> str:
    return to_utc(moment).isoformat(timespec="microseconds")


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def _maybe_time(text: str | None) -> datetime | None:
    return _time(text) if text is not None else None


def _is_corruption(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return (int(code) & 0xFF) in _CORRUPT_CODES
    text = str(error)
    return "not a database" in text or "malformed" in text


class ProgressStore:
    """One progress file. Open with :meth:`open`, preferably as a context manager.

    Every method takes the ``profile`` (person) it is about; each profile's progress is
    separate. Times passed in must be timezone-aware; times returned are UTC.
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: Path,
        settings: Settings,
        recovered: CorruptFileMoved | None,
    ) -> None:
        """Use :meth:`open`."""
        self._conn = connection
        self._lock = threading.RLock()
        self.path = path
        self.settings = settings
        self.recovered = recovered
        """Set when the file was damaged and moved aside at opening; show its ``.message``."""

    # --- opening and closing ---

    @classmethod
    def open(cls, path: Path, *, settings: Settings = DEFAULT_SETTINGS) -> ProgressStore:
        """Open (creating it and its folders if needed) the progress file at ``path``.

        A damaged file is moved aside and a fresh one started: the result's ``recovered``
        says where the old one went. Raises :class:`StoreTooNewError` for a file from a newer
        program and :class:`StoreError` when the file cannot be used at all.
        """
        path = Path(path).expanduser()
        if path.is_dir():
            raise StoreError("store.is_directory", path=path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError("store.cannot_open", path=path, reason=_reason(error)) from error
        try:
            connection = _connect(path)
        except _Corrupt:
            # Look twice before moving anything: a file another program is creating at this
            # very moment can look damaged for an instant.
            time.sleep(_SECOND_LOOK_S)
            try:
                return cls(_connect(path), path, settings, None)
            except _Corrupt as corrupt:
                moved = _move_aside(path, detail=str(corrupt))
            try:
                connection = _connect(path)
            except _Corrupt as again:  # a fresh file cannot be damaged; a disk problem
                raise StoreError("store.cannot_open", path=path, reason=str(again)) from again
            return cls(connection, path, settings, moved)
        return cls(connection, path, settings, None)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # --- transactions ---

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction, committed (and synced) when the block ends without error."""
        with self._lock, self._errors("store.write_failed"):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: every query in the block sees the same snapshot."""
        with self._lock, self._errors("store.read_failed"):
            self._conn.execute("BEGIN")
            try:
                yield self._conn
            finally:
                if self._conn.in_transaction:
                    self._conn.execute("COMMIT")

    @contextmanager
    def _errors(self, key: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            raise StoreError(key, path=self.path, reason=str(error)) from error

    # --- answers ---

    def record_answer(self, record: AnswerRecord) -> CardState | None:
        """Write one answer; it is on disk when this returns.

        A study answer also reviews the term's card (in the same transaction) and returns the
        new card; practice and exam answers never touch the schedule and return None. An exam
        answer replaces the one given before to the same question of the same sitting (see
        :class:`AnswerRecord`).
        """
        with self._write() as conn:
            if record.attempt_id is not None and record.question is not None:
                conn.execute(
                    "DELETE FROM answers WHERE attempt_id = ? AND question = ? AND term_id = ?",
                    (record.attempt_id, record.question, record.term_id),
                )
            conn.execute(
                """
                INSERT INTO answers (profile, term_id, term_text, category, kind, mode,
                    exam_id, exam_title, attempt_id, question, given, expected, correct,
                    elapsed_ms, answered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                (
                    record.profile,
                    record.term_id,
                    record.term_text,
                    record.category,
                    record.kind,
                    record.mode,
                    record.exam_id,
                    record.exam_title,
                    record.attempt_id,
                    record.question,
                    record.given,
                    record.expected,
                    int(record.correct),
                    record.elapsed_ms,
                    _iso(record.answered_at),
                ),
            )
            if record.mode != "study":
                return None
            before = _load_card(conn, record.profile, record.term_id)
            after = review(
                before,
                record.correct,
                timedelta(milliseconds=record.elapsed_ms),
                record.answered_at,
                self.settings,
            )
            _upsert_card(conn, record.profile, record.term_id, after, record.answered_at)
            return after

    def answers(
        self,
        profile: str,
        *,
        term_id: str | None = None,
        attempt_id: str | None = None,
        limit: int | None = None,
    ) -> list[AnswerRecord]:
        """The person's answers, newest first; optionally about one term or in one sitting."""
        sql = "SELECT * FROM answers WHERE profile = ?"
        params: list[Any] = [profile]
        if term_id is not None:
            sql += " AND term_id = ?"
            params.append(term_id)
        if attempt_id is not None:
            sql += " AND attempt_id = ?"
            params.append(attempt_id)
        sql += " ORDER BY answered_at DESC, id DESC LIMIT ?"
        params.append(_limit(limit))
        with self._read() as conn:
            return [_answer(row) for row in conn.execute(sql, params)]

    def mistakes(self, profile: str, limit: int | None = None) -> list[Mistake]:
        """The mistake book (错题本), latest mistake first.

        Rule: a term is in it while the person's latest answer about it, in any mode and of
        any question kind, is wrong. One right answer takes it out; a new wrong one puts it
        back. Removed terms stay listed with their text as of that answer.
        """
        with self._read() as conn:
            rows = conn.execute(
                f"""
                {_LATEST_ANSWERS},
                wrongs AS (
                    SELECT term_id, COUNT(*) AS n FROM answers
                    WHERE profile = ?1 AND correct = 0 GROUP BY term_id
                )
                SELECT a.*, wrongs.n AS wrong_count
                FROM last JOIN answers AS a ON a.id = last.id
                JOIN wrongs ON wrongs.term_id = a.term_id
                WHERE a.correct = 0
                ORDER BY a.answered_at DESC, a.id DESC
                LIMIT ?2
                """,
                (profile, _limit(limit)),
            ).fetchall()
        return [
            Mistake(
                term_id=row["term_id"],
                term_text=row["term_text"],
                category=row["category"],
                kind=row["kind"],
                mode=cast(Mode, row["mode"]),
                given=row["given"],
                expected=row["expected"],
                answered_at=_time(row["answered_at"]),
                wrong_count=int(row["wrong_count"]),
            )
            for row in rows
        ]

    def term_figures(self, profile: str, term_id: str) -> TermFigures | None:
        """The person's answers about one term, summed; None if never answered."""
        with self._read() as conn:
            rows = _term_figures(conn, "profile = ? AND term_id = ?", (profile, term_id))
        return rows[0] if rows else None

    def profiles(self) -> list[str]:
        """Everyone with any progress in this file."""
        with self._read() as conn:
            rows = conn.execute(
                """
                SELECT profile FROM answers UNION SELECT profile FROM cards
                UNION SELECT profile FROM exam_results ORDER BY profile
                """
            ).fetchall()
        return [row[0] for row in rows]

    # --- study cards ---

    def card(self, profile: str, term_id: str) -> CardState | None:
        """The term's study schedule for this person; None if never studied."""
        with self._read() as conn:
            return _load_card(conn, profile, term_id)

    def cards(self, profile: str) -> dict[str, CardState]:
        """Every study card of the person, by term id (removed terms included)."""
        with self._read() as conn:
            rows = conn.execute("SELECT * FROM cards WHERE profile = ?", (profile,))
            return {row["term_id"]: _card(row) for row in rows}

    def save_card(
        self,
        profile: str,
        term_id: str,
        card: CardState,
        *,
        introduced_at: datetime | None = None,
    ) -> None:
        """Store a card as given (for imports and repairs; answers update cards themselves).

        ``introduced_at`` counts a new card against that day's limit; it defaults to the
        card's last review (or due time) and is kept if the card already exists.
        """
        first = introduced_at or card.last_review or card.due
        with self._write() as conn:
            _upsert_card(conn, profile, term_id, card, first)

    def due_cards(
        self,
        profile: str,
        now: datetime,
        limit: int | None = None,
        *,
        term_ids: Sequence[str] | None = None,
    ) -> list[tuple[str, CardState]]:
        """Cards due at ``now``, earliest due first; only those in ``term_ids`` if given
        (pass the glossary's ids to leave out removed terms)."""
        wanted = set(term_ids) if term_ids is not None else None
        with self._read() as conn:
            rows = conn.execute(
                "SELECT * FROM cards WHERE profile = ? AND due <= ? ORDER BY due, term_id",
                (profile, _iso(now)),
            )
            due = [
                (row["term_id"], _card(row))
                for row in rows
                if wanted is None or row["term_id"] in wanted
            ]
        return due if limit is None else due[: max(0, limit)]

    def new_cards_introduced_today(self, profile: str, now: datetime) -> int:
        """How many terms the person first studied on ``now``'s calendar day (in its zone)."""
        with self._read() as conn:
            return _introduced_on(conn, profile, now)

    def study_queue(
        self, profile: str, term_ids: Sequence[str], now: datetime, limit: int | None = None
    ) -> list[str]:
        """Term ids to study now: due cards earliest first, then new terms in ``term_ids``
        order up to today's remaining new-card allowance (``settings.new_per_day``)."""
        with self._read() as conn:
            rows = conn.execute("SELECT * FROM cards WHERE profile = ?", (profile,))
            cards = {row["term_id"]: _card(row) for row in rows}
            new_today = _introduced_on(conn, profile, now)
        return study_queue(
            term_ids, cards, now, new_today=new_today, settings=self.settings, limit=limit
        )

    # --- exams ---

    def record_exam_result(self, result: ExamResult) -> None:
        """Write one sitting's result; writing the same ``attempt_id`` again replaces it."""
        with self._write() as conn:
            conn.execute(
                """
                INSERT INTO exam_results (attempt_id, profile, exam_id, exam_title, score,
                    max_score, pass_mark, passed, started_at, finished_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (attempt_id) DO UPDATE SET
                    profile = excluded.profile, exam_id = excluded.exam_id,
                    exam_title = excluded.exam_title, score = excluded.score,
                    max_score = excluded.max_score, pass_mark = excluded.pass_mark,
                    passed = excluded.passed, started_at = excluded.started_at,
                    finished_at = excluded.finished_at
                """,
                (
                    result.attempt_id,
                    result.profile,
                    result.exam_id,
                    result.exam_title,
                    result.score,
                    result.max_score,
                    result.pass_mark,
                    int(result.passed),
                    _iso(result.started_at),
                    _iso(result.finished_at),
                ),
            )

    def exam_results(
        self, profile: str | None = None, *, exam_id: str | None = None
    ) -> list[ExamResult]:
        """Exam results, newest first: one person's, or everyone's (a trainer's view);
        optionally of one paper."""
        with self._read() as conn:
            return _exam_results(conn, profile, exam_id)

    def exam_term_figures(self, exam_id: str) -> list[TermFigures]:
        """How everyone did on each term of one paper, most-missed first: which terms the
        room got wrong."""
        with self._read() as conn:
            figures = _term_figures(conn, "mode = 'exam' AND exam_id = ?", (exam_id,))
        return sorted(figures, key=lambda f: (-f.wrong, f.accuracy or 0.0, f.term_id))

    # --- statistics ---

    def stats(
        self,
        profile: str,
        now: datetime,
        days: int = 14,
        *,
        weakest: int = 10,
        term_ids: Sequence[str] | None = None,
    ) -> Stats:
        """The person's figures at ``now``. Days are calendar days in ``now``'s timezone
        (pass ``datetime.now().astimezone()``). ``term_ids``, if given, limits the due
        count to terms still in the glossary; history always includes removed terms."""
        start, end = day_bounds(now, days)
        _, tomorrow = day_bounds(now)
        wanted = set(term_ids) if term_ids is not None else None
        with self._read() as conn:
            total, right = conn.execute(
                "SELECT COUNT(*), COALESCE(SUM(correct), 0) FROM answers WHERE profile = ?",
                (profile,),
            ).fetchone()
            categories = tuple(
                CategoryFigures(row[0], int(row[1]), int(row[2]))
                for row in conn.execute(
                    """
                    SELECT category, COUNT(*) AS n, SUM(correct) FROM answers
                    WHERE profile = ? GROUP BY category ORDER BY n DESC, category
                    """,
                    (profile,),
                )
            )
            recent = conn.execute(
                """
                SELECT answered_at, correct FROM answers
                WHERE profile = ? AND answered_at >= ? AND answered_at < ?
                """,
                (profile, _iso(start), _iso(end)),
            ).fetchall()
            terms = _term_figures(conn, "profile = ?", (profile,))
            mistakes = conn.execute(
                f"""
                {_LATEST_ANSWERS}
                SELECT COUNT(*) FROM last JOIN answers AS a ON a.id = last.id
                WHERE a.correct = 0
                """,
                (profile,),
            ).fetchone()[0]
            due_rows = conn.execute(
                "SELECT term_id, due FROM cards WHERE profile = ?", (profile,)
            ).fetchall()
            new_today = _introduced_on(conn, profile, now)
            exams = _exam_results(conn, profile, None)
        due_before = _iso(tomorrow)
        due_today = sum(
            1
            for row in due_rows
            if row["due"] < due_before and (wanted is None or row["term_id"] in wanted)
        )
        return Stats(
            profile=profile,
            answers=int(total),
            correct=int(right),
            categories=categories,
            days=daily_activity(((_time(a), bool(c)) for a, c in recent), now, days),
            weakest=weakest_terms(terms, weakest),
            mistakes=int(mistakes),
            cards=len(due_rows),
            due_today=due_today,
            new_today=new_today,
            exams=tuple(exams),
        )


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def _limit(limit: int | None) -> int:
    return _NO_LIMIT if limit is None else max(0, limit)


def _connect(path: Path) -> sqlite3.Connection:
    """Open, check and migrate the file; raises :class:`_Corrupt` if it is damaged."""
    _check_header(path)
    try:
        conn = sqlite3.connect(
            path,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,  # we begin and commit ourselves
            check_same_thread=False,  # a worker thread may write; calls hold a lock
        )
    except sqlite3.Error as error:
        raise StoreError("store.cannot_open", path=path, reason=str(error)) from error
    try:
        conn.row_factory = sqlite3.Row
        found = schema_version(conn)  # reads the header: a non-database fails here
        if found > latest_version():
            raise StoreTooNewError(path, found, latest_version())
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _enable_wal(conn)
        conn.execute("PRAGMA synchronous = FULL")
        verdict = [row[0] for row in conn.execute("PRAGMA quick_check")]
        if verdict != ["ok"]:
            raise _Corrupt("; ".join(str(line) for line in verdict[:5]))
        migrate(conn, path)
    except sqlite3.Error as error:
        conn.close()
        if _is_corruption(error):
            raise _Corrupt(str(error)) from error
        raise StoreError("store.cannot_open", path=path, reason=str(error)) from error
    except BaseException:
        conn.close()
        raise
    return conn


def _enable_wal(conn: sqlite3.Connection) -> None:
    """Switch the file to WAL (it stays so). Switching needs the file to itself for a moment
    and SQLite reports "locked" at once rather than waiting, so when several programs open a
    new file together, retry until the busy timeout has passed."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            code = getattr(error, "sqlite_errorcode", _SQLITE_BUSY) & 0xFF
            if code not in (_SQLITE_BUSY, _SQLITE_LOCKED) or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


def _check_header(path: Path) -> None:
    """A non-empty file that does not start with SQLite's header is not ours to open."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_SQLITE_HEADER_SIZE)
    except FileNotFoundError:
        return
    except OSError as error:
        raise StoreError("store.cannot_open", path=path, reason=_reason(error)) from error
    if head and (len(head) < _SQLITE_HEADER_SIZE or not head.startswith(_SQLITE_MAGIC)):
        raise _Corrupt("file is not a database")


def _move_aside(path: Path, detail: str) -> CorruptFileMoved:
    """Rename the damaged file (and its WAL and shared-memory files, which belong to it)
    to ``<name>.corrupt-<UTC time>``; never overwrite anything."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while any(Path(f"{target}{suffix}").exists() for suffix in ("", "-wal", "-shm")):
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
        counter += 1
    try:
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{path}{suffix}")
            if source.exists():
                os.rename(source, f"{target}{suffix}")
    except OSError as error:
        raise StoreError("store.cannot_move", path=path, reason=_reason(error)) from error
    return CorruptFileMoved(path=path, moved_to=target, detail=detail)


def _answer(row: sqlite3.Row) -> AnswerRecord:
    return AnswerRecord(
        profile=row["profile"],
        term_id=row["term_id"],
        term_text=row["term_text"],
        category=row["category"],
        kind=row["kind"],
        mode=cast(Mode, row["mode"]),
        given=row["given"],
        correct=bool(row["correct"]),
        elapsed_ms=int(row["elapsed_ms"]),
        answered_at=_time(row["answered_at"]),
        expected=row["expected"],
        exam_id=row["exam_id"],
        exam_title=row["exam_title"],
        attempt_id=row["attempt_id"],
        question=row["question"],
    )


def _card(row: sqlite3.Row) -> CardState:
    return CardState(
        phase=Phase(int(row["phase"])),
        step=row["step"],
        stability=row["stability"],
        difficulty=row["difficulty"],
        due=_time(row["due"]),
        last_review=_maybe_time(row["last_review"]),
        reps=int(row["reps"]),
        lapses=int(row["lapses"]),
    )


def _load_card(conn: sqlite3.Connection, profile: str, term_id: str) -> CardState | None:
    row = conn.execute(
        "SELECT * FROM cards WHERE profile = ? AND term_id = ?", (profile, term_id)
    ).fetchone()
    return _card(row) if row is not None else None


def _upsert_card(
    conn: sqlite3.Connection,
    profile: str,
    term_id: str,
    card: CardState,
    introduced_at: datetime,
) -> None:
    conn.execute(
        """
        INSERT INTO cards (profile, term_id, phase, step, stability, difficulty, due,
            last_review, reps, lapses, introduced_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (profile, term_id) DO UPDATE SET
            phase = excluded.phase, step = excluded.step, stability = excluded.stability,
            difficulty = excluded.difficulty, due = excluded.due,
            last_review = excluded.last_review, reps = excluded.reps, lapses = excluded.lapses
        """,
        (
            profile,
            term_id,
            int(card.phase),
            card.step,
            card.stability,
            card.difficulty,
            _iso(card.due),
            _iso(card.last_review) if card.last_review is not None else None,
            card.reps,
            card.lapses,
            _iso(introduced_at),
        ),
    )


def _introduced_on(conn: sqlite3.Connection, profile: str, now: datetime) -> int:
    start, end = day_bounds(now)
    row = conn.execute(
        """
        SELECT COUNT(*) FROM cards
        WHERE profile = ? AND introduced_at >= ? AND introduced_at < ?
        """,
        (profile, _iso(start), _iso(end)),
    ).fetchone()
    return int(row[0])


def _term_figures(
    conn: sqlite3.Connection, where: str, params: Sequence[object]
) -> list[TermFigures]:
    # SQLite fills the bare term_text/category from the row holding MAX(answered_at):
    # the term as it was most recently asked.
    rows = conn.execute(
        f"""
        SELECT term_id, term_text, category, COUNT(*), SUM(correct), MAX(answered_at)
        FROM answers WHERE {where} GROUP BY term_id
        """,
        params,
    )
    return [
        TermFigures(
            term_id=row[0],
            term_text=row[1],
            category=row[2],
            answers=int(row[3]),
            correct=int(row[4]),
            last_answered_at=_time(row[5]),
        )
        for row in rows
    ]


def _exam_results(
    conn: sqlite3.Connection, profile: str | None, exam_id: str | None
) -> list[ExamResult]:
    clauses: list[str] = []
    params: list[object] = []
    if profile is not None:
        clauses.append("profile = ?")
        params.append(profile)
    if exam_id is not None:
        clauses.append("exam_id = ?")
        params.append(exam_id)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = conn.execute(
        f"SELECT * FROM exam_results {where} ORDER BY finished_at DESC, attempt_id", params
    )
    return [
        ExamResult(
            profile=row["profile"],
            exam_id=row["exam_id"],
            exam_title=row["exam_title"],
            attempt_id=row["attempt_id"],
            score=float(row["score"]),
            max_score=float(row["max_score"]),
            pass_mark=float(row["pass_mark"]),
            passed=bool(row["passed"]),
            started_at=_time(row["started_at"]),
            finished_at=_time(row["finished_at"]),
        )
        for row in rows
    ]
