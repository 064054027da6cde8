"""A study or practice round, as a state machine without a screen.

Phases::

    loading ──start(deck)──▶ empty                        (nothing to ask, and why)
                        └──▶ introducing ─proceed()─▶ asking   (study: a term never seen)
                        └──▶ asking ─submit()─▶ revealed ─proceed()─▶ introducing | asking
                                                               └──▶ done ─proceed()─▶ loading

A study round shows a brand-new term's card before it asks about it (teach, then test), and
its counts go down as the round goes: due cards left to review, new terms left to meet.
Every answer is handed to the round's :class:`~carbon_glossary.session.writer.AnswerWriter`
the moment it is submitted; in study mode the writer's store call also reviews the term's
FSRS card, practice never touches the schedule.
"""

from __future__ import annotations

import random
from concurrent.futures import Future
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from carbon_glossary.core.quiz import Question, Verdict, check_answer
from carbon_glossary.session.answers import AnswerState
from carbon_glossary.session.decks import (
    Deck,
    PracticePlan,
    StudyPlan,
    answer_records,
    practice_deck,
    record_answer,
    study_deck,
)

if TYPE_CHECKING:
    from carbon_glossary.core.model import Glossary, Term
    from carbon_glossary.core.scheduling import CardState
    from carbon_glossary.session.clock import Clock
    from carbon_glossary.session.writer import AnswerWriter, Skipped
    from carbon_glossary.store import ProgressStore

__all__ = ["Phase", "Round", "missed_terms"]


class Phase(StrEnum):
    LOADING = "loading"
    EMPTY = "empty"
    INTRODUCING = "introducing"
    ASKING = "asking"
    REVEALED = "revealed"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class Incomplete:
    """The answer cannot be graded yet; ``key`` is the catalogue key saying why."""

    key: str


def missed_terms(verdict: Verdict) -> tuple[str, ...]:
    """The terms an answer got wrong: the term asked, or each term paired wrong."""
    question = verdict.question
    if verdict.correct:
        return ()
    if question.mode == "match":
        right = verdict.pairs_correct or (False,) * len(question.items)
        return tuple(item for item, ok in zip(question.items, right, strict=True) if not ok)
    return (question.term,)


class Round:
    """One round of study or practice for one person."""

    def __init__(
        self,
        glossary: Glossary,
        plan: StudyPlan | PracticePlan,
        profile: str,
        writer: AnswerWriter,
        clock: Clock,
    ) -> None:
        self.glossary = glossary
        self.plan = plan
        self.profile = profile
        self.writer = writer
        self.clock = clock
        self.rng = random.Random(plan.seed)
        self.phase = Phase.LOADING
        self.deck: Deck | None = None
        self.index = 0
        self.state = AnswerState()
        self.verdicts: list[Verdict] = []
        self.introduced: set[str] = set()
        self.saving: Future[CardState | Skipped | None] | None = None
        """The write of the latest answer."""
        self._shown_at = clock.monotonic()

    @property
    def is_study(self) -> bool:
        return isinstance(self.plan, StudyPlan)

    # --- the deck ---

    def build_deck(self, store: ProgressStore) -> Deck:
        """The next deck (blocks on the store: call from a worker thread)."""
        if isinstance(self.plan, StudyPlan):
            return study_deck(
                self.glossary,
                store,
                self.profile,
                self.clock.now(),
                self.plan,
                self.rng,
                self.writer.progress.settings(),
            )
        return practice_deck(self.glossary, store, self.profile, self.plan, self.rng)

    def start(self, deck: Deck) -> None:
        """Begin a round over ``deck`` (empty: nothing to ask, its message says why)."""
        self.deck = deck
        self.index = 0
        self.verdicts = []
        self.introduced = set()
        if not deck.questions:
            self.phase = Phase.EMPTY
            return
        self._enter_question()

    def reload(self) -> None:
        """After a finished round: wait for the next deck."""
        self.phase = Phase.LOADING

    @property
    def question(self) -> Question | None:
        deck = self.deck
        if deck is None or not 0 <= self.index < len(deck.questions):
            return None
        return deck.questions[self.index]

    @property
    def total(self) -> int:
        return len(self.deck.questions) if self.deck is not None else 0

    @property
    def new_term(self) -> Term | None:
        """While introducing: the term whose card is shown."""
        question = self.question
        if self.phase is not Phase.INTRODUCING or question is None:
            return None
        return self.glossary.by_id(question.term_id)

    def _enter_question(self) -> None:
        question = self.question
        assert question is not None
        self.state = AnswerState.for_question(question)
        deck = self.deck
        assert deck is not None
        unseen = question.term_id in deck.new_ids and question.term_id not in self.introduced
        if unseen and self.glossary.by_id(question.term_id) is not None:
            self.phase = Phase.INTRODUCING
        else:
            self._ask()

    def _ask(self) -> None:
        self.phase = Phase.ASKING
        self._shown_at = self.clock.monotonic()

    # --- answering ---

    def submit(self) -> Verdict | Incomplete | None:
        """Grade the answer being given and hand its rows to the writer. Returns the
        verdict, or why it cannot be graded yet; None outside the asking phase."""
        question = self.question
        if self.phase is not Phase.ASKING or question is None:
            return None
        if not self.state.is_complete(question):
            return Incomplete("quizui.unpaired" if question.mode == "match" else "quizui.no_answer")
        verdict = check_answer(question, self.state.given(question))
        records = answer_records(
            self.glossary,
            question,
            verdict,
            profile=self.profile,
            mode=self.plan.mode,
            elapsed_ms=int((self.clock.monotonic() - self._shown_at) * 1000),
            answered_at=self.clock.now(),
        )
        self.verdicts.append(verdict)
        self.phase = Phase.REVEALED

        settings = self.writer.progress.settings()

        def write(store: ProgressStore) -> CardState | None:
            card = None
            for record in records:
                card = record_answer(store, record, settings)
            return card

        self.saving = self.writer.submit(write)
        return verdict

    def proceed(self) -> Phase:
        """Enter's other meanings: from a new term's card to its question; from an
        explanation to the next question (or the round's end); after the round, to the
        next deck (the caller then builds and starts it)."""
        if self.phase is Phase.INTRODUCING:
            question = self.question
            assert question is not None
            self.introduced.add(question.term_id)
            self._ask()
        elif self.phase is Phase.REVEALED:
            self.index += 1
            if self.question is not None:
                self._enter_question()
            else:
                self.phase = Phase.DONE
        elif self.phase is Phase.DONE:
            self.reload()
        return self.phase

    # --- figures ---

    @property
    def answered(self) -> int:
        return len(self.verdicts)

    @property
    def right(self) -> int:
        return sum(1 for verdict in self.verdicts if verdict.correct)

    def due_left(self) -> int:
        """Study: due cards of this deck not yet answered."""
        deck = self.deck
        if deck is None:
            return 0
        answered = {v.question.term_id for v in self.verdicts}
        return sum(
            1 for q in deck.questions if q.term_id not in deck.new_ids and q.term_id not in answered
        )

    def new_left(self) -> int:
        """Study: new terms of this deck whose card has not been shown yet."""
        deck = self.deck
        if deck is None:
            return 0
        return len(deck.new_ids - self.introduced)

    def missed(self) -> tuple[str, ...]:
        """Every term missed in this round, once, in the order missed."""
        return tuple(dict.fromkeys(term for v in self.verdicts for term in missed_terms(v)))
