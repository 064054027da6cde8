"""One sitting of an exam paper, as a state machine without a screen.

A sitting is *open* from the moment it starts until it is handed in (by the candidate, or
because time ran out); then it is *handed in* and nothing changes any more. It is recorded
in the store (an attempt) the moment it starts; one interrupted (a killed terminal, a lost
connection) is carried on by the next ``exam`` of the same paper by the same person, with
its answers and the time left, for the clock runs on meanwhile. While open:

- :meth:`ExamSitting.go` moves to another question (answers can be revisited and changed);
- :meth:`ExamSitting.answer_changed` writes the current question's answer to the store the
  moment it is chosen or typed (a killed terminal loses nothing the bar has counted);
  the writes go through the sitting's one :class:`~carbon_glossary.session.writer.AnswerWriter`,
  so an earlier answer can never land after, and replace, a later one;
- :meth:`ExamSitting.tick` reports what the clock says: a warning when 5 and when 1 minute
  are left, and time up.

:meth:`ExamSitting.hand_in` scores the paper as it stands, writes every question left
unanswered as a wrong answer (it counts as wrong in the score, so it does in the person's
statistics and mistake book too), then the result.

Leaving an open sitting (:meth:`ExamSitting.leaving` says what that means) gives nothing up:
the attempt stays open, to be carried on, and its clock runs on.
"""

from __future__ import annotations

import uuid
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from carbon_glossary.core.paper import PaperScore, score_paper
from carbon_glossary.core.quiz import Question, check_answer
from carbon_glossary.i18n import t
from carbon_glossary.session.answers import AnswerState
from carbon_glossary.session.clock import clock_text
from carbon_glossary.session.decks import ExamPlan, ResumedSitting, answer_records
from carbon_glossary.session.shuffle import options_for

if TYPE_CHECKING:
    from carbon_glossary.core.model import Glossary
    from carbon_glossary.session.clock import Clock
    from carbon_glossary.session.writer import AnswerWriter, Skipped
    from carbon_glossary.store import AnswerRecord, ProgressStore, Source

__all__ = [
    "WARN_AT_S",
    "ExamSitting",
    "HandedIn",
    "Leaving",
    "Phase",
    "TimeUp",
    "TimeWarning",
    "interrupted_sitting",
]

WARN_AT_S = (5 * 60, 60)
"""Time left at which the candidate is warned, in seconds (each warning given once)."""


class Phase(StrEnum):
    OPEN = "open"
    HANDED_IN = "handed_in"


@dataclass(frozen=True, slots=True)
class TimeWarning:
    """Only ``minutes`` minutes are left."""

    minutes: int


@dataclass(frozen=True, slots=True)
class TimeUp:
    """The time limit has passed: hand the paper in."""


@dataclass(frozen=True, slots=True)
class HandedIn:
    """The scored paper, when and how long it took, and the future of its last write
    (the unanswered questions and the result), which fails with the store's error."""

    score: PaperScore
    started_at: datetime
    finished_at: datetime
    elapsed_s: float
    saved: Future[object]


@dataclass(frozen=True, slots=True)
class Leaving:
    """What leaving an open sitting means, in words that are true of :class:`ExamSitting`:
    every answer is in the store already; the attempt stays open (not handed in, not
    scored) and the next ``exam`` of the paper by the same person carries it on, in a
    terminal by running the same command, in a served browser tab by opening the page
    again; the clock runs on while away, so a paper whose time runs out meanwhile is handed
    in as it stands when the person comes back (one never come back to stays "not handed
    in" in the room report); and the attempt counts towards the paper's limit, with no
    fresh start in its place (:func:`carbon_glossary.session.sitter.admit`)."""

    answered: int
    total: int
    remaining_s: float | None  # None: no time limit
    elapsed_s: float
    attempts: int | None  # the paper's limit per person, if any
    browser: bool  # a tab of ``carbon-glossary serve``, not a terminal

    def question(self) -> str:
        """The confirmation dialog's text: what leaving does, before it is done."""
        how = "sheets.leave.browser" if self.browser else "sheets.leave.terminal"
        lines = [t(how)]
        if self.remaining_s is not None:
            # No time here: the dialog stays while the clock in the bar above runs on.
            lines.append(t("sheets.leave.time_limit"))
        if self.attempts is not None:
            lines.append(t("sheets.leave.attempts", limit=self.attempts))
        return "\n".join(lines)

    def notice(self) -> str:
        """One line said once the person has left (in a terminal, after the program ends)."""
        if self.remaining_s is not None:
            clock = t("sheets.left.time_left", time=clock_text(self.remaining_s))
        else:
            clock = t("sheets.left.time_used", time=clock_text(self.elapsed_s))
        how = "sheets.left.browser" if self.browser else "sheets.left.terminal"
        return t(how, answered=self.answered, total=self.total, clock=clock)


class ExamSitting:
    """One person's sitting of one paper. Thread: the caller's (a screen's event loop);
    store work happens on the writer's thread."""

    def __init__(
        self,
        glossary: Glossary,
        plan: ExamPlan,
        profile: str,
        writer: AnswerWriter,
        clock: Clock,
        *,
        attempt_id: str | None = None,
        source: Source = "screen",
    ) -> None:
        """``source``: where the sitting is taken, ``"screen"`` (a terminal) or
        ``"browser"`` (a tab of ``carbon-glossary serve``); the trainer's report says so."""
        self.glossary = glossary
        self.source: Source = source
        self.plan = plan
        # The room's paper, with the options in this person's order if it shuffles them.
        self.paper = options_for(plan.paper, profile)
        self.profile = profile
        self.writer = writer
        self.clock = clock
        self.states = [AnswerState.for_question(q) for q in self.paper.questions]
        self.index = 0
        self.phase = Phase.OPEN
        self._written: list[str | None] = [None] * len(self.paper.questions)
        self._warned: set[int] = set()
        self.result: HandedIn | None = None
        resume = plan.resume
        if resume is None:
            self.attempt_id = attempt_id or uuid.uuid4().hex
            self.started_at = clock.now()
            self.started = clock.monotonic()
            minutes = self.paper.spec.time_limit_minutes
            self.time_limit_s: float | None = minutes * 60 if minutes is not None else None
        else:
            attempt = resume.attempt
            self.attempt_id = attempt.attempt_id
            self.started_at = attempt.started_at
            # The clock ran on while the sitting was interrupted: count from its start.
            away = (clock.now() - attempt.started_at).total_seconds()
            self.started = clock.monotonic() - max(0.0, away)
            self.time_limit_s = attempt.time_limit_s
            self._restore(resume)
        self._shown_at = clock.monotonic()
        self.resumed = resume is not None
        self._record_start()

    def _record_start(self) -> None:
        """The attempt is in the store from the sitting's first second (recording it again
        when resuming changes nothing)."""
        from carbon_glossary.store import Attempt

        sitter = self.plan.sitter
        attempt = Attempt(
            attempt_id=self.attempt_id,
            exam_id=self.plan.exam_id,
            exam_title=self.paper.title,
            profile=self.profile,
            display_name=sitter.display_name if sitter is not None else self.profile,
            department=sitter.department if sitter is not None else "",
            started_at=self.started_at,
            time_limit_s=None if self.time_limit_s is None else round(self.time_limit_s),
            handed_in_at=None,
            source=self.source,
        )

        def write(store: ProgressStore) -> object:
            if sitter is not None:
                store.save_profile(sitter.profile, sitter.display_name, sitter.department)
            store.start_attempt(attempt)
            return None

        self.writer.submit(write)

    def _restore(self, resume: ResumedSitting) -> None:
        """The answers given before the interruption, back in their questions."""
        by_number: dict[int, list[AnswerRecord]] = {}
        for record in resume.answers:
            if record.question is not None:
                by_number.setdefault(record.question, []).append(record)
        for index, question in enumerate(self.paper.questions):
            records = by_number.get(index + 1, [])
            state = self.states[index]
            for record in records:
                if not record.given:
                    continue
                if question.mode == "match":
                    if record.term_id in question.item_ids and record.given in question.options:
                        item = question.item_ids.index(record.term_id)
                        state.pairs[item] = question.options.index(record.given)
                elif question.is_typed:
                    state.type(question, record.given)
                elif record.given in question.options:
                    state.pick(question, question.options.index(record.given))
            if state.is_answered(question):
                self._written[index] = state.key(question)

    def resuming_message(self) -> str | None:
        """What the person is told when their interrupted sitting is carried on (when it
        began, how many questions it has answered, that the clock ran on); None for a
        fresh sitting."""
        resume = self.plan.resume
        if resume is None:
            return None
        started = resume.attempt.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
        return t("session.exam.resuming", started=started, answered=resume.answered)

    # --- where the candidate is ---

    @property
    def questions(self) -> tuple[Question, ...]:
        return self.paper.questions

    @property
    def question(self) -> Question:
        return self.paper.questions[self.index]

    @property
    def state(self) -> AnswerState:
        return self.states[self.index]

    @property
    def is_open(self) -> bool:
        return self.phase is Phase.OPEN

    def go(self, index: int) -> bool:
        """Show question ``index`` (from 0); False if there is none or the paper is in."""
        if not self.is_open or not 0 <= index < len(self.paper.questions):
            return False
        self.answer_changed()
        self.index = index
        self._shown_at = self.clock.monotonic()
        return True

    def next_open(self) -> int | None:
        """Where "answer and go on" leads: the next question, else the first one left
        unanswered; None when every question has an answer (time to hand in)."""
        if self.index + 1 < len(self.paper.questions):
            return self.index + 1
        unanswered = self.unanswered()
        return unanswered[0] - 1 if unanswered else None

    def unanswered(self) -> list[int]:
        """Numbers (from 1) of the questions without an answer."""
        return [
            i + 1
            for i, question in enumerate(self.paper.questions)
            if not self.states[i].is_answered(question)
        ]

    def answered_count(self) -> int:
        return len(self.paper.questions) - len(self.unanswered())

    # --- answers ---

    def answer_changed(self) -> Future[object | Skipped] | None:
        """Write the current question's answer now, if it changed since it was last
        written. Returns the write's future, or None when there was nothing to write."""
        if not self.is_open or not self.paper.questions:
            return None
        index = self.index
        question = self.question
        state = self.states[index]
        key = state.key(question)
        if not state.is_answered(question) or key == self._written[index]:
            return None
        self._written[index] = key
        records = self._records(index, state)
        return self.writer.submit(
            lambda store: _write_all(store, records), key=(self.attempt_id, index)
        )

    def _records(self, index: int, state: AnswerState | None) -> list[AnswerRecord]:
        question = self.paper.questions[index]
        given = state.given(question) if state is not None else None
        verdict = check_answer(question, given, strict=self.paper.spec.tones == "strict")
        elapsed = self.clock.monotonic() - self._shown_at if index == self.index else 0.0
        return answer_records(
            self.glossary,
            question,
            verdict,
            profile=self.profile,
            mode="exam",
            elapsed_ms=int(elapsed * 1000),
            answered_at=self.clock.now(),
            exam_id=self.plan.exam_id,
            exam_title=self.paper.title,
            attempt_id=self.attempt_id,
            number=index + 1,
        )

    # --- time ---

    def elapsed(self) -> float:
        return self.clock.monotonic() - self.started

    def remaining(self) -> float | None:
        """Seconds left, or None when the paper has no time limit."""
        if self.time_limit_s is None:
            return None
        return self.time_limit_s - self.elapsed()

    def tick(self) -> TimeWarning | TimeUp | None:
        """What the clock says now: time up, a warning not given before, or nothing.

        A warning is given only on papers longer than it (a 3-minute paper gets no
        "5 minutes left" at its start); when two come due at once, the later one."""
        if not self.is_open:
            return None
        left = self.remaining()
        if left is None or self.time_limit_s is None:
            return None
        if left <= 0:
            return TimeUp()
        due = [s for s in WARN_AT_S if left <= s < self.time_limit_s and s not in self._warned]
        if not due:
            return None
        self._warned.update(s for s in WARN_AT_S if left <= s)
        return TimeWarning(minutes=min(due) // 60)

    # --- leaving ---

    def leaving(self, *, browser: bool = False) -> Leaving:
        """What leaving now would mean (see :class:`Leaving`); leaving itself is just
        stopping: every answer is written as it is given."""
        return Leaving(
            answered=self.answered_count(),
            total=len(self.paper.questions),
            remaining_s=self.remaining(),
            elapsed_s=self.elapsed(),
            attempts=self.paper.spec.attempts,
            browser=browser,
        )

    # --- handing in ---

    def hand_in(self) -> HandedIn:
        """Close the sitting and score it as it stands (once; later calls return the
        same). Unanswered questions are written as wrong answers, then the result."""
        if self.result is not None:
            return self.result
        self.answer_changed()
        self.phase = Phase.HANDED_IN
        answers = {
            i: state.given(question)
            for i, (question, state) in enumerate(
                zip(self.paper.questions, self.states, strict=True)
            )
            if state.is_answered(question)
        }
        score = score_paper(self.paper, answers)
        finished_at = self.clock.now()
        unanswered = [
            record for number in self.unanswered() for record in self._records(number - 1, None)
        ]
        from carbon_glossary.store import ExamResult

        stored = ExamResult(
            profile=self.profile,
            exam_id=self.plan.exam_id,
            exam_title=self.paper.title,
            attempt_id=self.attempt_id,
            score=score.points,
            max_score=float(score.total),
            pass_mark=score.pass_mark_percent * score.total / 100,
            passed=score.passed,
            started_at=self.started_at,
            finished_at=finished_at,
        )

        def write(store: ProgressStore) -> object:
            _write_all(store, unanswered)
            store.record_exam_result(stored)
            store.hand_in(self.attempt_id, finished_at)
            return None

        self.result = HandedIn(
            score=score,
            started_at=self.started_at,
            finished_at=finished_at,
            elapsed_s=self.elapsed(),
            saved=self.writer.submit(write),
        )
        return self.result


def _write_all(store: ProgressStore, records: list[AnswerRecord]) -> object:
    for record in records:
        store.record_answer(record)
    return None


def interrupted_sitting(store: ProgressStore, profile: str, exam_id: str) -> ResumedSitting | None:
    """The person's latest sitting of this paper on a screen or in a browser (not a paper
    sheet) that was started and never handed in, with its answers; None if there is none
    (blocks on the store). A sitting begun in one may be carried on in the other."""
    open_ones = [
        attempt
        for attempt in store.attempts(exam_id=exam_id, profile=profile)
        if attempt.handed_in_at is None and attempt.source != "sheet"
    ]
    if not open_ones:
        return None
    latest = open_ones[-1]
    return ResumedSitting(latest, tuple(store.attempt_answers(latest.attempt_id)))
