"""The progress store as the rest of the program sees it: one Protocol, two backends.

:func:`carbon_glossary.store.open_store` returns an object of this shape, backed by a SQLite
file (one PC) or a PostgreSQL server (a district). Callers never learn which: the same
calls, the same records, the same guarantees:

- every write is committed (and, on SQLite, synced) before the method returns;
- every method takes the ``profile`` (person) it is about, and profiles are separate;
- times passed in must be timezone-aware; times returned are UTC;
- a failure is a :class:`~carbon_glossary.store.StoreError` with a message for the person;
  :class:`~carbon_glossary.store.StoreUnavailable` means the server could not be reached and
  nothing of that call was written: the caller keeps what it wanted to write and tries again.

The store keeps what it is given. It does not schedule: a study answer's new card is worked
out by the caller (:func:`carbon_glossary.core.scheduling.review`) and saved with the answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self

from carbon_glossary.core.scheduling import CardState
from carbon_glossary.core.stats import TermFigures
from carbon_glossary.store.errors import CorruptFileMoved
from carbon_glossary.store.records import (
    AnswerRecord,
    Attempt,
    ExamResult,
    Mistake,
    ProfileInfo,
    Stats,
)

__all__ = ["ProgressStore"]


class ProgressStore(Protocol):
    """Where answers, study cards, sittings and exam results are kept."""

    @property
    def location(self) -> str:
        """Where the store is, for messages: a file path, or a server URL without password."""
        ...

    @property
    def recovered(self) -> CorruptFileMoved | None:
        """Set when a damaged file of ours was moved aside at opening (SQLite only)."""
        ...

    @property
    def notices(self) -> tuple[str, ...]:
        """What the person should be told once the store is open (a damaged file moved
        aside, a file on a network drive), in the interface language."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...

    # --- answers ---

    def record_answer(self, record: AnswerRecord, card: CardState | None = None) -> bool:
        """Write one answer and, for a study answer, the term's new ``card`` (computed by
        the caller), in one transaction. A card with a practice or exam answer is a
        programming error (ValueError): those never change the schedule. An exam answer
        replaces the one given before to the same question of the same sitting.

        Writing is idempotent: a record whose ``answer_id`` is stored already (the same
        write tried again after the connection broke during its commit) changes nothing,
        card included, and returns False; a write returns True.

        The card must be one review on from the stored one (``reps`` one more, or 1 for a
        term never studied); if another program reviewed the term meanwhile, nothing is
        written and :class:`~carbon_glossary.store.CardChanged` is raised: review the card
        as it now is and write again."""
        ...

    def answers(
        self,
        profile: str,
        *,
        term_id: str | None = None,
        attempt_id: str | None = None,
        limit: int | None = None,
    ) -> list[AnswerRecord]:
        """The person's answers, newest first; optionally about one term or in one sitting."""
        ...

    def mistakes(self, profile: str, limit: int | None = None) -> list[Mistake]:
        """The mistake book (错题本), latest mistake first: terms whose latest answer, in any
        mode and of any kind, is wrong."""
        ...

    def term_figures(self, profile: str, term_id: str) -> TermFigures | None:
        """The person's answers about one term, summed; None if never answered."""
        ...

    def profiles(self) -> list[str]:
        """Everyone with any progress, sitting or saved name in this store."""
        ...

    # --- people ---

    def save_profile(self, profile: str, display_name: str, department: str) -> None:
        """Remember how a person is shown (the latest name and department win)."""
        ...

    def profile_info(self, profile: str) -> ProfileInfo | None:
        """How a person is shown, if saved."""
        ...

    # --- study cards ---

    def card(self, profile: str, term_id: str) -> CardState | None:
        """The term's study schedule for this person; None if never studied."""
        ...

    def cards(self, profile: str) -> dict[str, CardState]:
        """Every study card of the person, by term id (removed terms included)."""
        ...

    def save_card(
        self,
        profile: str,
        term_id: str,
        card: CardState,
        *,
        introduced_at: datetime | None = None,
    ) -> None:
        """Store a card as given (imports, repairs); ``introduced_at`` counts a new card
        against that day's limit and is kept if the card already exists."""
        ...

    def due_cards(
        self,
        profile: str,
        now: datetime,
        limit: int | None = None,
        *,
        term_ids: Sequence[str] | None = None,
    ) -> list[tuple[str, CardState]]:
        """Cards due at ``now``, earliest due first; only those in ``term_ids`` if given."""
        ...

    def new_cards_introduced_today(self, profile: str, now: datetime) -> int:
        """How many terms the person first studied on ``now``'s calendar day (in its zone)."""
        ...

    # --- sittings and exams ---

    def start_attempt(self, attempt: Attempt) -> None:
        """Record a sitting as it starts. Recording an ``attempt_id`` that is already there
        changes nothing (a resumed sitting keeps its start time and limit)."""
        ...

    def hand_in(self, attempt_id: str, at: datetime) -> None:
        """Mark a sitting handed in at ``at``; the first hand-in stands. An unknown
        ``attempt_id`` is a programming error (ValueError)."""
        ...

    def attempts(self, exam_id: str | None = None, profile: str | None = None) -> list[Attempt]:
        """Sittings, oldest first: of one paper and/or of one person, or all of them."""
        ...

    def attempt_answers(self, attempt_id: str) -> list[AnswerRecord]:
        """The sitting's answers as they stand (the latest answer to each question), in
        question order; a matching question has one row per term it pairs."""
        ...

    def accept_answer(self, exam_id: str, question: int, answer: str, at: datetime) -> None:
        """Accept ``answer`` as also right for question ``question`` of a paper (regrading).
        Accepting the same answer twice keeps the first."""
        ...

    def accepted_answers(self, exam_id: str) -> dict[int, list[str]]:
        """The answers accepted for a paper, by question number, in the order accepted."""
        ...

    def record_exam_result(self, result: ExamResult) -> None:
        """Write one sitting's result; writing the same ``attempt_id`` again replaces it."""
        ...

    def exam_results(
        self, profile: str | None = None, *, exam_id: str | None = None
    ) -> list[ExamResult]:
        """Exam results, newest first: one person's or everyone's; optionally of one paper."""
        ...

    def exam_term_figures(self, exam_id: str) -> list[TermFigures]:
        """How everyone did on each term of one paper, most-missed first."""
        ...

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
        """The person's figures at ``now``; days are calendar days in ``now``'s timezone.
        ``term_ids``, if given, limits the due count to terms still in the glossary."""
        ...
