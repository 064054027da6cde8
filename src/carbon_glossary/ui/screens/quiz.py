"""Study and practice: one question at a time, each answer explained as soon as it is given.

The screen owns the round (its questions, the answer being given, the score so far). Every
answer is written to the progress store from a worker thread the moment it is submitted;
in study mode the store reviews the term's FSRS card in the same transaction, practice never
touches the schedule. Leaving asks first, but loses nothing already answered.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Footer, Header, Label, Static
from textual.worker import Worker

from carbon_glossary.core.quiz import Question, Verdict, check_answer
from carbon_glossary.i18n import t
from carbon_glossary.ui import commands
from carbon_glossary.ui.decks import (
    Deck,
    PracticePlan,
    StudyPlan,
    answer_records,
    format_wait,
    practice_deck,
    study_deck,
)
from carbon_glossary.ui.progress import Clock, Progress, SystemClock
from carbon_glossary.ui.safe import visible_line
from carbon_glossary.ui.screens.store_backed import StoreBackedScreen
from carbon_glossary.ui.widgets.question import AnswerState, QuestionView
from carbon_glossary.ui.widgets.wrap import Paragraph

if TYPE_CHECKING:
    from carbon_glossary.core.model import Glossary
    from carbon_glossary.core.scheduling import CardState
    from carbon_glossary.store import AnswerRecord

__all__ = ["QUIZ_CSS", "ConfirmDialog", "QuizScreen", "leave_screen"]

QUIZ_CSS = Path(__file__).resolve().parent.parent / "styles" / "quiz.tcss"
"""Styles of the quiz, exam and progress screens, loaded with the first of them shown."""


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question; dismissed with True (Y, Enter) or False (N, Esc)."""

    CSS_PATH = QUIZ_CSS

    BINDINGS: ClassVar[list[BindingType]] = commands.bindings(
        commands.CONFIRM_YES, commands.CONFIRM_NO
    )

    def __init__(self, message: str, yes: str, no: str) -> None:
        super().__init__()
        self.message = message
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="confirm"):
            yield Static(Paragraph(Text(self.message)), classes="confirm-message")
            yield Label(t("quizui.confirm.keys", yes=self.yes, no=self.no), classes="confirm-keys")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


def _missed_terms(verdict: Verdict) -> tuple[str, ...]:
    """The terms an answer got wrong: the term asked, or each term paired wrong."""
    question = verdict.question
    if verdict.correct:
        return ()
    if question.kind == "match":
        right = verdict.pairs_correct or (False,) * len(question.items)
        return tuple(item for item, ok in zip(question.items, right, strict=True) if not ok)
    return (question.term,)


def leave_screen(screen: commands.LocalisedBindings) -> None:
    """Back to the screen underneath, or out of the app when this is the first screen."""
    app = screen.app
    if len(app.screen_stack) > 1 and app.screen is screen:
        app.pop_screen()
    else:
        app.exit()


class QuizScreen(StoreBackedScreen):
    """A study or practice round over a deck of questions.

    States: loading the deck, asking (an answer is being given), revealed (the verdict and
    explanation are shown), done (the round's summary) or empty (nothing to ask, and why).
    """

    CSS_PATH = QUIZ_CSS

    BINDINGS: ClassVar[list[BindingType]] = commands.bindings(
        *commands.ANSWER_KEYS,
        commands.SCROLL_PAGE_UP,
        commands.SCROLL_PAGE_DOWN,
        commands.SUBMIT,
        commands.LEAVE,
    )
    PALETTE: ClassVar[tuple[commands.Command, ...]] = (commands.LEAVE,)

    @dataclass
    class DeckReady(Message):
        deck: Deck

    @dataclass
    class Saved(Message):
        """Answers were written (``card``: the study card after a study answer)."""

        count: int
        card: CardState | None

    def __init__(
        self,
        glossary: Glossary,
        progress: Progress,
        plan: StudyPlan | PracticePlan,
        clock: Clock | None = None,
    ) -> None:
        super().__init__()
        self.glossary = glossary
        self.progress = progress
        self.plan = plan
        self.clock: Clock = clock or SystemClock()
        self.rng = random.Random(plan.seed)
        self.deck: Deck | None = None
        self.index = 0
        self.phase = "loading"
        self.state = AnswerState()
        self.verdicts: list[Verdict] = []
        self.saved = 0
        self.last_card: CardState | None = None
        self._shown_at = 0.0
        self._saves: list[Worker[None]] = []

    @property
    def mode(self) -> str:
        return self.plan.mode

    @property
    def view(self) -> QuestionView:
        return self.query_one("#question", QuestionView)

    @property
    def question(self) -> Question | None:
        if self.deck is None or not 0 <= self.index < len(self.deck.questions):
            return None
        return self.deck.questions[self.index]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="quiz-status", markup=False)
        yield QuestionView(id="question")
        yield Static(id="quiz-message", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = t(f"quizui.title.{self.mode}")
        self.watch(self.app, "language", self._relabel, init=False)
        self.view.display = False
        self._show_message(t("quizui.loading"))
        self._load_deck()

    # --- loading ---

    @work(thread=True, exclusive=True, group="deck")
    def _load_deck(self) -> None:
        from carbon_glossary.store import StoreError

        try:
            store = self.progress.store()
            if isinstance(self.plan, StudyPlan):
                deck = study_deck(
                    self.glossary,
                    store,
                    self.progress.profile,
                    self.clock.now(),
                    self.plan,
                    self.rng,
                )
            else:
                deck = practice_deck(
                    self.glossary, store, self.progress.profile, self.plan, self.rng
                )
        except StoreError as error:
            self.post_message(self.Failed(error.message))
            return
        self.post_store_notice()
        self.post_message(self.DeckReady(deck))

    def on_quiz_screen_deck_ready(self, message: DeckReady) -> None:
        self.deck = message.deck
        self.index = 0
        self.verdicts = []
        if not message.deck.questions:
            self.phase = "empty"
            self.view.display = False
            self._show_message(message.deck.empty_message)
        else:
            self._ask()
        self._update_status()
        self.refresh_bindings()

    def on_store_backed_screen_failed(self, message: StoreBackedScreen.Failed) -> None:
        if self.phase == "loading":
            self.phase = "empty"
            self._show_message(message.message)

    # --- asking and answering ---

    def _ask(self) -> None:
        question = self.question
        assert question is not None
        self.phase = "asking"
        self.state = AnswerState()
        self.query_one("#quiz-message", Static).display = False
        view = self.view
        view.display = True
        view.show(question, self.state, self._heading())
        self._shown_at = self.clock.monotonic()
        self._update_status()

    def _heading(self) -> str:
        total = len(self.deck.questions) if self.deck is not None else 0
        return t("quizui.number", number=self.index + 1, total=total)

    def action_digit(self, index: int) -> None:
        if self.phase == "asking":
            self.view.digit(index)

    def action_letter(self, index: int) -> None:
        if self.phase == "asking":
            self.view.letter(index)

    def action_truth(self, value: bool) -> None:
        if self.phase == "asking":
            self.view.truth(value)

    def action_move(self, step: int) -> None:
        if self.phase == "asking":
            self.view.move(step)
        else:
            self.view.scroll_relative(y=step, animate=False)

    def action_scroll_page(self, step: int) -> None:
        """PgUp/PgDn: the only way from the keyboard to the part of a long question (five
        definitions to pair at 80×24) or explanation that is below the screen."""
        view = self.view
        if step < 0:
            view.scroll_page_up(animate=False)
        else:
            view.scroll_page_down(animate=False)

    @on(QuestionView.Entered)
    def _entered(self) -> None:
        self.action_submit()

    def action_submit(self) -> None:
        """Grade the answer; after the explanation, go on; after the round, start another."""
        if self.phase == "asking":
            self._grade()
        elif self.phase == "revealed":
            self.index += 1
            if self.question is not None:
                self._ask()
            else:
                self._finish_round()
        elif self.phase == "done":
            self.phase = "loading"
            self.view.display = False
            self._show_message(t("quizui.loading"))
            self._load_deck()
        self.refresh_bindings()

    def _grade(self) -> None:
        question = self.question
        assert question is not None
        if not self.state.is_complete(question):
            self.view.warn("quizui.unpaired" if question.kind == "match" else "quizui.no_answer")
            return
        verdict = check_answer(question, self.state.given(question))
        elapsed_ms = int((self.clock.monotonic() - self._shown_at) * 1000)
        records = answer_records(
            self.glossary,
            question,
            verdict,
            profile=self.progress.profile,
            mode=self.plan.mode,
            elapsed_ms=elapsed_ms,
            answered_at=self.clock.now(),
        )
        self.verdicts.append(verdict)
        self.phase = "revealed"
        self.view.reveal(verdict)
        self._saves.append(self._save(records))
        self._update_status()

    @work(thread=True, group="save")
    def _save(self, records: list[AnswerRecord]) -> None:
        from carbon_glossary.store import StoreError

        card = None
        try:
            store = self.progress.store()
            for record in records:
                card = store.record_answer(record)
        except StoreError as error:
            self.post_message(self.Failed(error.message))
            return
        self.post_message(self.Saved(len(records), card))

    def on_quiz_screen_saved(self, message: Saved) -> None:
        self.saved += 1
        if message.card is not None:
            self.last_card = message.card
        self._update_status()

    def _finish_round(self) -> None:
        self.phase = "done"
        self.view.display = False
        right = sum(1 for v in self.verdicts if v.correct)
        lines = [t("quizui.done.score", right=right, total=len(self.verdicts))]
        missed = dict.fromkeys(term for v in self.verdicts for term in _missed_terms(v))
        if missed:
            terms = "、".join(visible_line(term) for term in missed)
            lines.append(t("quizui.done.wrong", terms=terms))
        lines.append(t(f"quizui.done.next.{self.mode}"))
        self._show_message("\n".join(lines))
        self._update_status()

    # --- leaving ---

    async def action_leave(self) -> None:
        if self.phase in ("asking", "revealed"):
            answered = len(self.verdicts)
            message = t("quizui.leave.question", answered=answered)
            self.app.push_screen(
                ConfirmDialog(message, t("quizui.leave.yes"), t("quizui.leave.no")),
                self._leave_confirmed,
            )
            return
        await self._leave()

    async def _leave_confirmed(self, confirmed: bool | None) -> None:
        if confirmed:
            await self._leave()

    async def _leave(self) -> None:
        for worker in self._saves:
            await worker.wait()
        leave_screen(self)

    # --- display ---

    def _show_message(self, text: str) -> None:
        message = self.query_one("#quiz-message", Static)
        message.display = True
        message.update(Paragraph(Text(text)))

    def _update_status(self) -> None:
        status = self.query_one("#quiz-status", Static)
        deck = self.deck
        parts = [t(f"quizui.title.{self.mode}")]
        if deck is not None and deck.questions:
            answered = len(self.verdicts)
            right = sum(1 for v in self.verdicts if v.correct)
            parts.append(t("quizui.status.answered", answered=answered, total=len(deck.questions)))
            parts.append(t("quizui.status.right", right=right))
            if isinstance(self.plan, StudyPlan):
                parts.append(t("quizui.status.deck", due=deck.cards_due, new=deck.new_terms))
            if self.saved:
                parts.append(t("quizui.status.saved", count=self.saved))
            if self.last_card is not None and self.phase == "revealed":
                parts.append(
                    t(
                        "quizui.status.next_review",
                        when=format_wait(self.last_card.due, self.clock.now()),
                    )
                )
        status.update(Text(t("quizui.separator").join(parts)))

    def _relabel(self) -> None:
        self.title = t(f"quizui.title.{self.mode}")
        if self.phase in ("asking", "revealed"):
            self.view.heading = self._heading()
            self.view.render_question()
        elif self.phase == "done":
            self._finish_round()
        self._update_status()
        self.refresh_bindings()
