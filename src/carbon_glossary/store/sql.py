"""What both backends share: the queries, and turning rows into records.

The SQL here is written once for SQLite and PostgreSQL alike, with ``:name`` parameters (the
PostgreSQL backend rewrites them to psycopg's ``%(name)s``). Each backend supplies its
transactions (:meth:`SqlStore._write`, :meth:`SqlStore._read`), how a time is passed and read
back (ISO text in SQLite, ``timestamptz`` in PostgreSQL), and the one query whose best form
differs (:attr:`SqlStore.TERM_FIGURES`).

Flags (``correct``, ``passed``) are 0/1 integers in SQLite and booleans in PostgreSQL; the
queries only use them as conditions (``WHERE NOT correct``, ``CASE WHEN correct``), which
both read the same way.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from types import TracebackType
from typing import Any, ClassVar, Protocol, Self, cast

from carbon_glossary.core.scheduling import CardState, Phase
from carbon_glossary.core.stats import (
    CategoryFigures,
    TermFigures,
    daily_activity,
    day_bounds,
    weakest_terms,
)
from carbon_glossary.store.errors import CardChanged, CorruptFileMoved
from carbon_glossary.store.records import (
    AnswerRecord,
    Attempt,
    ExamResult,
    Mistake,
    Mode,
    ProfileInfo,
    Source,
    Stats,
)

__all__ = ["Row", "SqlStore", "Transaction"]

Row = tuple[Any, ...]
Params = Mapping[str, object]

ANSWER_COLUMNS = (
    "profile, term_id, term_text, category, kind, mode, exam_id, exam_title, attempt_id,"
    " question, given, expected, correct, elapsed_ms, answered_at, answer_id"
)
CARD_COLUMNS = "term_id, phase, step, stability, difficulty, due, last_review, reps, lapses"
EXAM_COLUMNS = (
    "attempt_id, profile, exam_id, exam_title, score, max_score, pass_mark, passed,"
    " started_at, finished_at"
)
ATTEMPT_COLUMNS = (
    "attempt_id, exam_id, exam_title, profile, display_name, department, started_at,"
    " time_limit_s, handed_in_at, source"
)
_CORRECT = "SUM(CASE WHEN correct THEN 1 ELSE 0 END)"

# The id of each term's latest answer by :profile: latest time first, then latest written.
# Two steps rather than a window function, so both run off the (profile, term_id,
# answered_at) index; about five times faster at 100k answers in SQLite.
_LATEST_ANSWERS = """
    WITH latest AS (
        SELECT term_id, MAX(answered_at) AS at FROM answers WHERE profile = :profile
        GROUP BY term_id
    ),
    last AS (
        SELECT MAX(a.id) AS id FROM latest JOIN answers AS a
            ON a.profile = :profile AND a.term_id = latest.term_id AND a.answered_at = latest.at
        GROUP BY a.term_id
    )
"""


class Transaction(Protocol):
    """One open transaction of a backend."""

    def rows(self, sql: str, params: Params | None = None) -> list[Row]:
        """Run a query and return all its rows as tuples."""
        ...

    def run(self, sql: str, params: Params | None = None) -> int:
        """Run a statement; returns the number of rows it changed."""
        ...


class SqlStore(ABC):
    """The :class:`~carbon_glossary.store.ProgressStore` operations over a backend's
    transactions. One store object may be used from several threads; calls are serialised."""

    TERM_FIGURES: ClassVar[str]
    """Per-term sums over the answers matching ``{where}``: term_id, the term's text and
    category as most recently asked, answers, right answers, time of the latest answer."""

    NO_LIMIT: ClassVar[object]
    """The ``LIMIT`` parameter that means no limit."""

    def __init__(self, location: str) -> None:
        self._location = location
        self._lock = threading.RLock()
        self._notices: tuple[str, ...] = ()

    # --- what a backend provides ---

    @abstractmethod
    def _write(self) -> AbstractContextManager[Transaction]:
        """A write transaction, committed when the block ends without error."""

    @abstractmethod
    def _read(self) -> AbstractContextManager[Transaction]:
        """A read transaction: every query in the block sees the same snapshot."""

    @abstractmethod
    def _time_param(self, moment: datetime) -> object:
        """A time as the backend stores it."""

    @abstractmethod
    def _time(self, value: Any) -> datetime:
        """A stored time back as an aware UTC datetime."""

    @abstractmethod
    def close(self) -> None: ...

    # --- common ---

    @property
    def location(self) -> str:
        return self._location

    @property
    def recovered(self) -> CorruptFileMoved | None:
        return None

    @property
    def notices(self) -> tuple[str, ...]:
        return self._notices

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _maybe_time(self, value: Any) -> datetime | None:
        return self._time(value) if value is not None else None

    def _limit(self, limit: int | None) -> object:
        return self.NO_LIMIT if limit is None else max(0, limit)

    # --- answers ---

    def record_answer(self, record: AnswerRecord, card: CardState | None = None) -> bool:
        if card is not None and record.mode != "study":
            raise ValueError(f"a {record.mode} answer never changes the schedule")
        with self._write() as tx:
            inserted = tx.run(
                f"""
                INSERT INTO answers ({ANSWER_COLUMNS})
                VALUES (:profile, :term_id, :term_text, :category, :kind, :mode, :exam_id,
                    :exam_title, :attempt_id, :question, :given, :expected, :correct,
                    :elapsed_ms, :answered_at, :answer_id)
                ON CONFLICT (answer_id) DO NOTHING
                """,
                {
                    "profile": record.profile,
                    "term_id": record.term_id,
                    "term_text": record.term_text,
                    "category": record.category,
                    "kind": record.kind,
                    "mode": record.mode,
                    "exam_id": record.exam_id,
                    "exam_title": record.exam_title,
                    "attempt_id": record.attempt_id,
                    "question": record.question,
                    "given": record.given,
                    "expected": record.expected,
                    "correct": record.correct,
                    "elapsed_ms": record.elapsed_ms,
                    "answered_at": self._time_param(record.answered_at),
                    "answer_id": record.answer_id,
                },
            )
            if not inserted:
                # Written before, with its card, by a try whose commit went through but
                # whose acknowledgement was lost: nothing more to do.
                return False
            if record.attempt_id is not None and record.question is not None:
                tx.run(
                    "DELETE FROM answers"
                    " WHERE attempt_id = :attempt AND question = :question AND term_id = :term"
                    " AND answer_id <> :answer_id",
                    {
                        "attempt": record.attempt_id,
                        "question": record.question,
                        "term": record.term_id,
                        "answer_id": record.answer_id,
                    },
                )
            if card is not None and not self._upsert_card(
                tx, record.profile, record.term_id, card, record.answered_at, card.reps - 1
            ):
                raise CardChanged(record.profile, record.term_id)
        return True

    def answers(
        self,
        profile: str,
        *,
        term_id: str | None = None,
        attempt_id: str | None = None,
        limit: int | None = None,
    ) -> list[AnswerRecord]:
        sql = f"SELECT {ANSWER_COLUMNS} FROM answers WHERE profile = :profile"
        params: dict[str, object] = {"profile": profile, "limit": self._limit(limit)}
        if term_id is not None:
            sql += " AND term_id = :term_id"
            params["term_id"] = term_id
        if attempt_id is not None:
            sql += " AND attempt_id = :attempt_id"
            params["attempt_id"] = attempt_id
        sql += " ORDER BY answered_at DESC, id DESC LIMIT :limit"
        with self._read() as tx:
            return [self._answer(row) for row in tx.rows(sql, params)]

    def mistakes(self, profile: str, limit: int | None = None) -> list[Mistake]:
        """Rule: a term is in the book while the person's latest answer about it, in any
        mode and of any question kind, is wrong. One right answer takes it out; a new wrong
        one puts it back. Removed terms stay listed with their text as of that answer."""
        with self._read() as tx:
            rows = tx.rows(
                f"""
                {_LATEST_ANSWERS},
                wrongs AS (
                    SELECT term_id, COUNT(*) AS n FROM answers
                    WHERE profile = :profile AND NOT correct GROUP BY term_id
                )
                SELECT a.term_id, a.term_text, a.category, a.kind, a.mode, a.given,
                    a.expected, a.answered_at, wrongs.n
                FROM last JOIN answers AS a ON a.id = last.id
                JOIN wrongs ON wrongs.term_id = a.term_id
                WHERE NOT a.correct
                ORDER BY a.answered_at DESC, a.id DESC
                LIMIT :limit
                """,
                {"profile": profile, "limit": self._limit(limit)},
            )
        return [
            Mistake(
                term_id=row[0],
                term_text=row[1],
                category=row[2],
                kind=row[3],
                mode=cast(Mode, row[4]),
                given=row[5],
                expected=row[6],
                answered_at=self._time(row[7]),
                wrong_count=int(row[8]),
            )
            for row in rows
        ]

    def term_figures(self, profile: str, term_id: str) -> TermFigures | None:
        with self._read() as tx:
            rows = self._term_figures(
                tx,
                "profile = :profile AND term_id = :term_id",
                {"profile": profile, "term_id": term_id},
            )
        return rows[0] if rows else None

    def profiles(self) -> list[str]:
        with self._read() as tx:
            rows = tx.rows(
                """
                SELECT profile FROM answers UNION SELECT profile FROM cards
                UNION SELECT profile FROM exam_results UNION SELECT profile FROM attempts
                UNION SELECT profile FROM profiles ORDER BY profile
                """
            )
        return [row[0] for row in rows]

    # --- people ---

    def save_profile(self, profile: str, display_name: str, department: str) -> None:
        if not profile:
            raise ValueError("profile must not be empty")
        with self._write() as tx:
            tx.run(
                """
                INSERT INTO profiles (profile, display_name, department)
                VALUES (:profile, :name, :department)
                ON CONFLICT (profile) DO UPDATE SET
                    display_name = excluded.display_name, department = excluded.department
                """,
                {"profile": profile, "name": display_name, "department": department},
            )

    def profile_info(self, profile: str) -> ProfileInfo | None:
        with self._read() as tx:
            rows = tx.rows(
                "SELECT profile, display_name, department FROM profiles WHERE profile = :p",
                {"p": profile},
            )
        return ProfileInfo(*rows[0]) if rows else None

    # --- study cards ---

    def card(self, profile: str, term_id: str) -> CardState | None:
        with self._read() as tx:
            rows = tx.rows(
                f"SELECT {CARD_COLUMNS} FROM cards WHERE profile = :profile AND term_id = :term",
                {"profile": profile, "term": term_id},
            )
        return self._card(rows[0]) if rows else None

    def cards(self, profile: str) -> dict[str, CardState]:
        with self._read() as tx:
            rows = tx.rows(
                f"SELECT {CARD_COLUMNS} FROM cards WHERE profile = :profile", {"profile": profile}
            )
        return {row[0]: self._card(row) for row in rows}

    def save_card(
        self,
        profile: str,
        term_id: str,
        card: CardState,
        *,
        introduced_at: datetime | None = None,
    ) -> None:
        first = introduced_at or card.last_review or card.due
        with self._write() as tx:
            self._upsert_card(tx, profile, term_id, card, first)

    def due_cards(
        self,
        profile: str,
        now: datetime,
        limit: int | None = None,
        *,
        term_ids: Sequence[str] | None = None,
    ) -> list[tuple[str, CardState]]:
        wanted = set(term_ids) if term_ids is not None else None
        with self._read() as tx:
            rows = tx.rows(
                f"""
                SELECT {CARD_COLUMNS} FROM cards WHERE profile = :profile AND due <= :now
                ORDER BY due, term_id
                """,
                {"profile": profile, "now": self._time_param(now)},
            )
        due = [(row[0], self._card(row)) for row in rows if wanted is None or row[0] in wanted]
        return due if limit is None else due[: max(0, limit)]

    def new_cards_introduced_today(self, profile: str, now: datetime) -> int:
        with self._read() as tx:
            return self._introduced_on(tx, profile, now)

    # --- sittings ---

    def start_attempt(self, attempt: Attempt) -> None:
        with self._write() as tx:
            tx.run(
                f"""
                INSERT INTO attempts ({ATTEMPT_COLUMNS})
                VALUES (:attempt_id, :exam_id, :exam_title, :profile, :display_name,
                    :department, :started_at, :time_limit_s, :handed_in_at, :source)
                ON CONFLICT (attempt_id) DO NOTHING
                """,
                {
                    "attempt_id": attempt.attempt_id,
                    "exam_id": attempt.exam_id,
                    "exam_title": attempt.exam_title,
                    "profile": attempt.profile,
                    "display_name": attempt.display_name,
                    "department": attempt.department,
                    "started_at": self._time_param(attempt.started_at),
                    "time_limit_s": attempt.time_limit_s,
                    "handed_in_at": (
                        self._time_param(attempt.handed_in_at)
                        if attempt.handed_in_at is not None
                        else None
                    ),
                    "source": attempt.source,
                },
            )

    def hand_in(self, attempt_id: str, at: datetime) -> None:
        with self._write() as tx:
            known = tx.rows(
                "SELECT handed_in_at FROM attempts WHERE attempt_id = :a", {"a": attempt_id}
            )
            if not known:
                raise ValueError(f"no sitting {attempt_id!r} was started")
            tx.run(
                "UPDATE attempts SET handed_in_at = :at"
                " WHERE attempt_id = :a AND handed_in_at IS NULL",
                {"a": attempt_id, "at": self._time_param(at)},
            )

    def attempts(self, exam_id: str | None = None, profile: str | None = None) -> list[Attempt]:
        clauses: list[str] = []
        params: dict[str, object] = {}
        if exam_id is not None:
            clauses.append("exam_id = :exam_id")
            params["exam_id"] = exam_id
        if profile is not None:
            clauses.append("profile = :profile")
            params["profile"] = profile
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._read() as tx:
            rows = tx.rows(
                f"SELECT {ATTEMPT_COLUMNS} FROM attempts {where} ORDER BY started_at, attempt_id",
                params,
            )
        return [
            Attempt(
                attempt_id=row[0],
                exam_id=row[1],
                exam_title=row[2],
                profile=row[3],
                display_name=row[4],
                department=row[5],
                started_at=self._time(row[6]),
                time_limit_s=row[7],
                handed_in_at=self._maybe_time(row[8]),
                source=cast(Source, row[9]),
            )
            for row in rows
        ]

    def attempt_answers(self, attempt_id: str) -> list[AnswerRecord]:
        # Changing an answer replaces the rows written before (record_answer), so what is
        # stored is the latest answer to each question.
        with self._read() as tx:
            rows = tx.rows(
                f"""
                SELECT {ANSWER_COLUMNS} FROM answers WHERE attempt_id = :a
                ORDER BY question, id
                """,
                {"a": attempt_id},
            )
        return [self._answer(row) for row in rows]

    def accept_answer(self, exam_id: str, question: int, answer: str, at: datetime) -> None:
        with self._write() as tx:
            tx.run(
                """
                INSERT INTO accepted_answers (exam_id, question, answer, accepted_at)
                VALUES (:exam_id, :question, :answer, :at)
                ON CONFLICT (exam_id, question, answer) DO NOTHING
                """,
                {
                    "exam_id": exam_id,
                    "question": question,
                    "answer": answer,
                    "at": self._time_param(at),
                },
            )

    def accepted_answers(self, exam_id: str) -> dict[int, list[str]]:
        with self._read() as tx:
            rows = tx.rows(
                """
                SELECT question, answer FROM accepted_answers WHERE exam_id = :exam_id
                ORDER BY question, accepted_at, answer
                """,
                {"exam_id": exam_id},
            )
        accepted: dict[int, list[str]] = {}
        for question, answer in rows:
            accepted.setdefault(int(question), []).append(answer)
        return accepted

    # --- exams ---

    def record_exam_result(self, result: ExamResult) -> None:
        with self._write() as tx:
            tx.run(
                f"""
                INSERT INTO exam_results ({EXAM_COLUMNS})
                VALUES (:attempt_id, :profile, :exam_id, :exam_title, :score, :max_score,
                    :pass_mark, :passed, :started_at, :finished_at)
                ON CONFLICT (attempt_id) DO UPDATE SET
                    profile = excluded.profile, exam_id = excluded.exam_id,
                    exam_title = excluded.exam_title, score = excluded.score,
                    max_score = excluded.max_score, pass_mark = excluded.pass_mark,
                    passed = excluded.passed, started_at = excluded.started_at,
                    finished_at = excluded.finished_at
                """,
                {
                    "attempt_id": result.attempt_id,
                    "profile": result.profile,
                    "exam_id": result.exam_id,
                    "exam_title": result.exam_title,
                    "score": result.score,
                    "max_score": result.max_score,
                    "pass_mark": result.pass_mark,
                    "passed": result.passed,
                    "started_at": self._time_param(result.started_at),
                    "finished_at": self._time_param(result.finished_at),
                },
            )

    def exam_results(
        self, profile: str | None = None, *, exam_id: str | None = None
    ) -> list[ExamResult]:
        with self._read() as tx:
            return self._exam_results(tx, profile, exam_id)

    def exam_term_figures(self, exam_id: str) -> list[TermFigures]:
        with self._read() as tx:
            figures = self._term_figures(
                tx, "mode = 'exam' AND exam_id = :exam_id", {"exam_id": exam_id}
            )
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
        start, end = day_bounds(now, days)
        _, tomorrow = day_bounds(now)
        wanted = set(term_ids) if term_ids is not None else None
        who = {"profile": profile}
        with self._read() as tx:
            ((total, right),) = tx.rows(
                f"SELECT COUNT(*), COALESCE({_CORRECT}, 0) FROM answers WHERE profile = :profile",
                who,
            )
            categories = tuple(
                CategoryFigures(row[0], int(row[1]), int(row[2]))
                for row in tx.rows(
                    f"""
                    SELECT category, COUNT(*) AS n, {_CORRECT} FROM answers
                    WHERE profile = :profile GROUP BY category ORDER BY n DESC, category
                    """,
                    who,
                )
            )
            recent = tx.rows(
                """
                SELECT answered_at, correct FROM answers
                WHERE profile = :profile AND answered_at >= :start AND answered_at < :end
                """,
                {**who, "start": self._time_param(start), "end": self._time_param(end)},
            )
            terms = self._term_figures(tx, "profile = :profile", who)
            ((mistakes,),) = tx.rows(
                f"""
                {_LATEST_ANSWERS}
                SELECT COUNT(*) FROM last JOIN answers AS a ON a.id = last.id
                WHERE NOT a.correct
                """,
                who,
            )
            due_rows = tx.rows("SELECT term_id, due FROM cards WHERE profile = :profile", who)
            new_today = self._introduced_on(tx, profile, now)
            exams = self._exam_results(tx, profile, None)
        due_today = sum(
            1
            for term_id, due in due_rows
            if self._time(due) < tomorrow and (wanted is None or term_id in wanted)
        )
        return Stats(
            profile=profile,
            answers=int(total),
            correct=int(right),
            categories=categories,
            days=daily_activity(((self._time(a), bool(c)) for a, c in recent), now, days),
            weakest=weakest_terms(terms, weakest),
            mistakes=int(mistakes),
            cards=len(due_rows),
            due_today=due_today,
            new_today=new_today,
            exams=tuple(exams),
        )

    # --- helpers ---

    def _answer(self, row: Row) -> AnswerRecord:
        return AnswerRecord(
            profile=row[0],
            term_id=row[1],
            term_text=row[2],
            category=row[3],
            kind=row[4],
            mode=cast(Mode, row[5]),
            exam_id=row[6],
            exam_title=row[7],
            attempt_id=row[8],
            question=row[9],
            given=row[10],
            expected=row[11],
            correct=bool(row[12]),
            elapsed_ms=int(row[13]),
            answered_at=self._time(row[14]),
            answer_id=row[15],
        )

    def _card(self, row: Row) -> CardState:
        return CardState(
            phase=Phase(int(row[1])),
            step=row[2],
            stability=row[3],
            difficulty=row[4],
            due=self._time(row[5]),
            last_review=self._maybe_time(row[6]),
            reps=int(row[7]),
            lapses=int(row[8]),
        )

    def _upsert_card(
        self,
        tx: Transaction,
        profile: str,
        term_id: str,
        card: CardState,
        introduced_at: datetime,
        reps_before: int | None = None,
    ) -> bool:
        """Insert or update a card; with ``reps_before``, only over a stored card with that
        many reviews (or none, for 0). Returns whether it was written."""
        guard = "" if reps_before is None else "WHERE cards.reps = :reps_before"
        changed = tx.run(
            f"""
            INSERT INTO cards (profile, term_id, phase, step, stability, difficulty, due,
                last_review, reps, lapses, introduced_at)
            VALUES (:profile, :term_id, :phase, :step, :stability, :difficulty, :due,
                :last_review, :reps, :lapses, :introduced_at)
            ON CONFLICT (profile, term_id) DO UPDATE SET
                phase = excluded.phase, step = excluded.step, stability = excluded.stability,
                difficulty = excluded.difficulty, due = excluded.due,
                last_review = excluded.last_review, reps = excluded.reps,
                lapses = excluded.lapses
            {guard}
            """,
            {
                "profile": profile,
                "term_id": term_id,
                "phase": int(card.phase),
                "step": card.step,
                "stability": card.stability,
                "difficulty": card.difficulty,
                "due": self._time_param(card.due),
                "last_review": (
                    self._time_param(card.last_review) if card.last_review is not None else None
                ),
                "reps": card.reps,
                "lapses": card.lapses,
                "introduced_at": self._time_param(introduced_at),
                "reps_before": reps_before,
            },
        )
        return changed == 1

    def _introduced_on(self, tx: Transaction, profile: str, now: datetime) -> int:
        start, end = day_bounds(now)
        ((count,),) = tx.rows(
            """
            SELECT COUNT(*) FROM cards
            WHERE profile = :profile AND introduced_at >= :start AND introduced_at < :end
            """,
            {"profile": profile, "start": self._time_param(start), "end": self._time_param(end)},
        )
        return int(count)

    def _term_figures(self, tx: Transaction, where: str, params: Params) -> list[TermFigures]:
        return [
            TermFigures(
                term_id=row[0],
                term_text=row[1],
                category=row[2],
                answers=int(row[3]),
                correct=int(row[4]),
                last_answered_at=self._time(row[5]),
            )
            for row in tx.rows(self.TERM_FIGURES.format(where=where), params)
        ]

    def _exam_results(
        self, tx: Transaction, profile: str | None, exam_id: str | None
    ) -> list[ExamResult]:
        clauses: list[str] = []
        params: dict[str, object] = {}
        if profile is not None:
            clauses.append("profile = :profile")
            params["profile"] = profile
        if exam_id is not None:
            clauses.append("exam_id = :exam_id")
            params["exam_id"] = exam_id
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = tx.rows(
            f"SELECT {EXAM_COLUMNS} FROM exam_results {where}"
            " ORDER BY finished_at DESC, attempt_id",
            params,
        )
        return [
            ExamResult(
                attempt_id=row[0],
                profile=row[1],
                exam_id=row[2],
                exam_title=row[3],
                score=float(row[4]),
                max_score=float(row[5]),
                pass_mark=float(row[6]),
                passed=bool(row[7]),
                started_at=self._time(row[8]),
                finished_at=self._time(row[9]),
            )
            for row in rows
        ]
