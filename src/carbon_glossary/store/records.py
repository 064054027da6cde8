"""What goes into the progress store and what comes back out: frozen records."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, get_args

from carbon_glossary.core.scheduling import to_utc
from carbon_glossary.core.stats import CategoryFigures, DayActivity, TermFigures, accuracy

__all__ = [
    "MODES",
    "SOURCES",
    "AnswerRecord",
    "Attempt",
    "ExamResult",
    "Mistake",
    "Mode",
    "ProfileInfo",
    "Source",
    "Stats",
]

Mode = Literal["study", "practice", "exam"]
MODES: tuple[Mode, ...] = get_args(Mode)


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One answer one person gave to one question about one term.

    ``term_text`` and ``category`` are the term as it was when asked, kept so that history
    survives the term being renamed (progress follows ``term_id``) or removed. ``kind`` is the
    question kind as the quiz engine names it. ``exam_id`` names the paper (the same for a
    whole room), ``attempt_id`` one sitting of it and ``question`` the question's number in
    the paper (from 1): a later answer to the same question in the same sitting replaces the
    earlier one, so a changed answer counts once, as finally given. ``answered_at`` must be
    timezone-aware; it is kept in UTC.

    ``answer_id`` is this answer's own id, made when the record is made (the moment the
    answer is given); the store keeps one row per id. A write retried with the same record,
    because the connection broke before the store could say the first try was committed,
    therefore never stores the answer twice.
    """

    profile: str
    term_id: str
    term_text: str
    category: str
    kind: str
    mode: Mode
    given: str
    correct: bool
    elapsed_ms: int
    answered_at: datetime
    expected: str = ""
    exam_id: str | None = None
    exam_title: str | None = None
    attempt_id: str | None = None
    question: int | None = None
    answer_id: str = field(default_factory=lambda: uuid.uuid4().hex)

    def __post_init__(self) -> None:
        if not self.answer_id:
            raise ValueError("answer_id must not be empty")
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {self.mode!r}")
        if not self.profile:
            raise ValueError("profile must not be empty")
        if not self.term_id:
            raise ValueError("term_id must not be empty")
        if self.elapsed_ms < 0:
            raise ValueError(f"elapsed_ms must not be negative, not {self.elapsed_ms}")
        object.__setattr__(self, "answered_at", to_utc(self.answered_at))


@dataclass(frozen=True, slots=True)
class ExamResult:
    """One person's result on one sitting of an exam paper.

    ``score``, ``max_score`` and ``pass_mark`` are in the paper's own units (points or
    questions); ``passed`` is the quiz engine's verdict, stored as given.
    """

    profile: str
    exam_id: str
    exam_title: str
    attempt_id: str
    score: float
    max_score: float
    pass_mark: float
    passed: bool
    started_at: datetime
    finished_at: datetime

    def __post_init__(self) -> None:
        if not self.profile:
            raise ValueError("profile must not be empty")
        object.__setattr__(self, "started_at", to_utc(self.started_at))
        object.__setattr__(self, "finished_at", to_utc(self.finished_at))

    @property
    def percent(self) -> float | None:
        """Score as a percentage of the maximum, or None for an empty paper."""
        return 100 * self.score / self.max_score if self.max_score else None


@dataclass(frozen=True, slots=True)
class Mistake:
    """A term in the mistake book (错题本): the person's latest answer about it was wrong.

    The fields describe that latest wrong answer; ``wrong_count`` counts every wrong answer
    the person has given about the term, in any mode.
    """

    term_id: str
    term_text: str
    category: str
    kind: str
    mode: Mode
    given: str
    expected: str
    answered_at: datetime
    wrong_count: int


@dataclass(frozen=True, slots=True)
class Stats:
    """Everything the progress screen shows for one person.

    Answers of every mode count. ``days`` is oldest first and ends today, with zero days
    included. ``due_today`` counts study cards due before tomorrow's midnight, overdue ones
    included; ``exams`` is newest first.
    """

    profile: str
    answers: int
    correct: int
    categories: tuple[CategoryFigures, ...]
    days: tuple[DayActivity, ...]
    weakest: tuple[TermFigures, ...]
    mistakes: int
    cards: int
    due_today: int
    new_today: int
    exams: tuple[ExamResult, ...]

    @property
    def accuracy(self) -> float | None:
        return accuracy(self.correct, self.answers)


Source = Literal["screen", "sheet", "browser"]
SOURCES: tuple[Source, ...] = get_args(Source)


@dataclass(frozen=True, slots=True)
class ProfileInfo:
    """How a person is shown: ``profile`` is the normalised id their progress is kept
    under; ``display_name`` and ``department`` are as they typed them (or the roster has
    them)."""

    profile: str
    display_name: str
    department: str


@dataclass(frozen=True, slots=True)
class Attempt:
    """One sitting of an exam paper, recorded the moment it starts.

    ``time_limit_s`` is the limit it started with (None: untimed), so an interrupted sitting
    resumes with the time left; ``handed_in_at`` is None while it is open or was abandoned.
    ``source`` says where it was sat: on a terminal screen, on a paper answer sheet marked
    afterwards, or in a browser. Times are timezone-aware and kept in UTC.
    """

    attempt_id: str
    exam_id: str
    exam_title: str
    profile: str
    display_name: str
    department: str
    started_at: datetime
    time_limit_s: int | None
    handed_in_at: datetime | None
    source: Source

    def __post_init__(self) -> None:
        if not self.attempt_id:
            raise ValueError("attempt_id must not be empty")
        if not self.profile:
            raise ValueError("profile must not be empty")
        if self.source not in SOURCES:
            raise ValueError(f"source must be one of {SOURCES}, not {self.source!r}")
        if self.time_limit_s is not None and self.time_limit_s < 0:
            raise ValueError(f"time_limit_s must not be negative, not {self.time_limit_s}")
        object.__setattr__(self, "started_at", to_utc(self.started_at))
        if self.handed_in_at is not None:
            object.__setattr__(self, "handed_in_at", to_utc(self.handed_in_at))
