"""Study and practice: one question at a time, each answer explained as soon as it is given.

The screen displays and drives a :class:`~carbon_glossary.session.round.Round`, which holds
the rules (what is asked, when a new term's card comes first, what is written). Leaving asks
first, but loses nothing already answered.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import Future
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

from carbon_glossary.core.quiz import Question
from carbon_glossary.i18n import t
from carbon_glossary.session.clock import Clock, SystemClock
from carbon_glossary.session.decks import Deck, PracticePlan, StudyPlan, format_wait
from carbon_glossary.session.progress import Progress
from carbon_glossary.session.round import Incomplete, Phase, Round
from carbon_glossary.session.writer import AnswerWriter, Skipped
from carbon_glossary.ui import commands
from carbon_glossary.ui.safe import visible_line
from carbon_glossary.ui.screens.store_backed import StoreBackedScreen
from carbon_glossary.ui.typeahead import MovedOn
from carbon_glossary.ui.widgets.question import QuestionView
from carbon_glossary.ui.widgets.term_card import TermCard
from carbon_glossary.ui.widgets.wrap import Paragraph

if TYPE_CHECKING:
    from carbon_glossary.core.model import Glossary
    from carbon_glossary.core.scheduling import CardState

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


def leave_screen(screen: commands.LocalisedBindings) -> None:
    """Back to the screen underneath, or out of the app when this is the first screen."""
    app = screen.app
    if len(app.screen_stack) > 1 and app.screen is screen:
        app.pop_screen()
    else:
        app.exit()


class QuizScreen(StoreBackedScreen):
    """Displays a study or practice :class:`~carbon_glossary.session.round.Round`: the
    question being asked, a new term's card before its first question, the explanation of
    an answer, the round's summary, or why there is nothing to ask."""

    CSS_PATH = QUIZ_CSS

    BINDINGS: ClassVar[list[BindingType]] = commands.bindings(
        *commands.ANSWER_KEYS,
        commands.SCROLL_PAGE_UP,
        commands.SCROLL_PAGE_DOWN,
        commands.SUBMIT,
        commands.LEAVE,
    )
    PALETTE: ClassVar[tuple[commands.Command, ...]] = (commands.LEAVE,)
    HOLDS_KEYS_AFTER_ENTER = True
    """Keys typed right after Enter wait for what it shows (see ui.typeahead)."""

    @dataclass(eq=False, repr=False)
    class DeckReady(Message):
        deck: Deck

    @dataclass(eq=False, repr=False)
    class Saved(Message):
        """An answer was written (``card``: the study card after a study answer)."""

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
        self.writer = AnswerWriter(progress, on_failed=self._write_failed)
        self.round = Round(glossary, plan, progress.profile, self.writer, self.clock)
        self.saved = 0
        self.last_card: CardState | None = None

    @property
    def mode(self) -> str:
        return self.plan.mode

    @property
    def phase(self) -> Phase:
        return self.round.phase

    @property
    def view(self) -> QuestionView:
        return self.query_one("#question", QuestionView)

    @property
    def question(self) -> Question | None:
        return self.round.question

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="quiz-status", markup=False)
        yield Static(id="quiz-intro", markup=False)
        card = TermCard(id="quiz-card")
        card.can_focus = False  # Enter goes on to the question, not to a related term
        yield card
        yield QuestionView(id="question")
        yield Static(id="quiz-message", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = t(f"quizui.title.{self.mode}")
        self.watch(self.app, "language", self._relabel, init=False)
        self._show_message(t("quizui.loading"))
        self._load_deck()

    def on_unmount(self) -> None:
        # Whatever is still waiting is written before the store can be closed (a write
        # takes milliseconds; leaving by a key has already waited for it).
        self.writer.close()

    # --- loading ---

    @work(thread=True, exclusive=True, group="deck")
    def _load_deck(self) -> None:
        from carbon_glossary.store import StoreError

        try:
            deck = self.round.build_deck(self.progress.store())
        except StoreError as error:
            self.post_message(self.Failed(error.message))
            return
        self.post_store_notice()
        self.post_message(self.DeckReady(deck))

    def on_quiz_screen_deck_ready(self, message: DeckReady) -> None:
        self.round.start(message.deck)
        if message.deck.notice:  # fewer questions than asked for: say how many and why
            self.notify(message.deck.notice, severity="warning", timeout=20, markup=False)
        self._draw()
        self.refresh_bindings()

    def on_store_backed_screen_failed(self, message: StoreBackedScreen.Failed) -> None:
        if self.round.phase is Phase.LOADING:
            self.round.start(Deck((), message.message))
            self._draw()

    def _write_failed(self, message: str) -> None:
        self.post_message(self.Failed(message))

    # --- asking and answering ---

    def action_digit(self, index: int) -> None:
        if self.phase is Phase.ASKING:
            self.view.digit(index)

    def action_letter(self, index: int) -> None:
        if self.phase is Phase.ASKING:
            self.view.letter(index)

    def action_truth(self, value: bool) -> None:
        if self.phase is Phase.ASKING:
            self.view.truth(value)

    def action_move(self, step: int) -> None:
        if self.phase is Phase.ASKING:
            self.view.move(step)
        elif self.phase is Phase.INTRODUCING:
            self.query_one("#quiz-card", TermCard).scroll_relative(y=step, animate=False)
        else:
            self.view.scroll_relative(y=step, animate=False)

    def action_scroll_page(self, step: int) -> None:
        """PgUp/PgDn: the only way from the keyboard to the part of a long question (five
        definitions to pair at 80×24) or explanation that is below the screen."""
        target: QuestionView | TermCard = self.view
        if self.phase is Phase.INTRODUCING:
            target = self.query_one("#quiz-card", TermCard)
        if step < 0:
            target.scroll_page_up(animate=False)
        else:
            target.scroll_page_down(animate=False)

    @on(QuestionView.Entered)
    def _entered(self) -> None:
        self.action_submit()

    def action_submit(self) -> None:
        """Grade the answer; otherwise go on (to the question after a new term's card, to
        the next question after an explanation, to another round after the summary)."""
        try:
            if self.phase is Phase.ASKING:
                self._grade()
            elif self.phase in (Phase.INTRODUCING, Phase.REVEALED, Phase.DONE):
                if self.round.proceed() is Phase.LOADING:
                    self._show_message(t("quizui.loading"))
                    self._load_deck()
                else:
                    self._draw()
            self.refresh_bindings()
        finally:
            self.post_message(MovedOn())

    def _grade(self) -> None:
        outcome = self.round.submit()
        if isinstance(outcome, Incomplete):
            self.view.warn(outcome.key)
            return
        if outcome is None:
            return
        self.view.reveal(outcome)
        saving = self.round.saving
        if saving is not None:
            saving.add_done_callback(self._written)
        self._update_status()

    def _written(self, future: Future[CardState | Skipped | None]) -> None:
        """On the writer's thread: report a written answer to the screen."""
        if future.cancelled() or future.exception() is not None:
            return  # the writer has reported the failure
        result = future.result()
        self.post_message(self.Saved(None if isinstance(result, Skipped) else result))

    def on_quiz_screen_saved(self, message: Saved) -> None:
        self.saved += 1
        if message.card is not None:
            self.last_card = message.card
        self._update_status()

    # --- leaving ---

    async def action_leave(self) -> None:
        if self.phase in (Phase.INTRODUCING, Phase.ASKING, Phase.REVEALED):
            message = t("quizui.leave.question", answered=self.round.answered)
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
        await asyncio.wrap_future(self.writer.barrier())
        leave_screen(self)

    # --- display ---

    def _draw(self) -> None:
        """Show what the round's phase calls for."""
        phase = self.phase
        view = self.view
        card = self.query_one("#quiz-card", TermCard)
        intro = self.query_one("#quiz-intro", Static)
        view.display = phase in (Phase.ASKING, Phase.REVEALED)
        card.display = intro.display = phase is Phase.INTRODUCING
        if phase is Phase.INTRODUCING:
            self.query_one("#quiz-message", Static).display = False
            term = self.round.new_term
            intro.update(Text(self._intro_text()))
            card.show(term)
            self.set_focus(None)
        elif phase is Phase.ASKING:
            self.query_one("#quiz-message", Static).display = False
            question = self.question
            assert question is not None
            view.show(question, self.round.state, self._heading())
        elif phase is Phase.DONE:
            self._show_message(self._summary())
        elif phase is Phase.EMPTY:
            deck = self.round.deck
            self._show_message(deck.empty_message if deck is not None else "")
        self._update_status()

    def _intro_text(self) -> str:
        return t("session.study.new_term", number=self.round.index + 1, total=self.round.total)

    def _heading(self) -> str:
        return t("quizui.number", number=self.round.index + 1, total=self.round.total)

    def _summary(self) -> str:
        round_ = self.round
        lines = [t("quizui.done.score", right=round_.right, total=round_.answered)]
        missed = round_.missed()
        if missed:
            terms = "、".join(visible_line(term) for term in missed)
            lines.append(t("quizui.done.wrong", terms=terms))
        lines.append(t(f"quizui.done.next.{self.mode}"))
        return "\n".join(lines)

    def _show_message(self, text: str) -> None:
        message = self.query_one("#quiz-message", Static)
        message.display = True
        message.update(Paragraph(Text(text)))
        if self.phase not in (Phase.ASKING, Phase.REVEALED):
            self.view.display = False

    def _update_status(self) -> None:
        status = self.query_one("#quiz-status", Static)
        round_ = self.round
        parts = [t(f"quizui.title.{self.mode}")]
        if round_.total:
            parts.append(t("quizui.status.answered", answered=round_.answered, total=round_.total))
            parts.append(t("quizui.status.right", right=round_.right))
            if round_.is_study:
                parts.append(t("quizui.status.deck", due=round_.due_left(), new=round_.new_left()))
            if self.saved:
                parts.append(t("quizui.status.saved", count=self.saved))
            if self.last_card is not None and self.phase is Phase.REVEALED:
                parts.append(
                    t(
                        "quizui.status.next_review",
                        when=format_wait(self.last_card.due, self.clock.now()),
                    )
                )
        status.update(Text(t("quizui.separator").join(parts)))

    def _relabel(self) -> None:
        self.title = t(f"quizui.title.{self.mode}")
        if self.phase in (Phase.ASKING, Phase.REVEALED):
            self.view.heading = self._heading()
            self.view.render_question()
        elif self.phase is Phase.INTRODUCING:
            self.query_one("#quiz-intro", Static).update(Text(self._intro_text()))
            self.query_one("#quiz-card", TermCard).language = self.app.language  # type: ignore[attr-defined]
        elif self.phase is Phase.DONE:
            self._show_message(self._summary())
        self._update_status()
        self.relabel_header_icon()
        self.refresh_bindings()
