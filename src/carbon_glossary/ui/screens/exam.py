"""An exam paper: a timer, no feedback until the paper is handed in, answers changeable
until then; and the result screen that follows.

The screen displays and drives an :class:`~carbon_glossary.session.exam.ExamSitting`, which
holds the rules: each answer is written the moment it is chosen or typed, the clock warns
at 5 and 1 minutes and hands the paper in at 0, unanswered questions count as wrong.
Handing in asks first.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Footer, Header, Label, OptionList, Static
from textual.widgets.option_list import Option

from carbon_glossary.core.quiz import Question, Verdict, kind_name, option_label
from carbon_glossary.core.text import cell_width, fit_cells, percent_figure
from carbon_glossary.i18n import t
from carbon_glossary.session.clock import Clock, SystemClock, clock_text
from carbon_glossary.session.decks import ExamPlan
from carbon_glossary.session.exam import (
    WARN_AT_S,
    ExamSitting,
    HandedIn,
    Leaving,
    TimeUp,
    TimeWarning,
)
from carbon_glossary.session.progress import Progress
from carbon_glossary.session.writer import AnswerWriter
from carbon_glossary.ui import commands
from carbon_glossary.ui.safe import visible, visible_line
from carbon_glossary.ui.screens.pickers import PICKER_CSS
from carbon_glossary.ui.screens.quiz import QUIZ_CSS, ConfirmDialog, leave_screen
from carbon_glossary.ui.screens.store_backed import StoreBackedScreen
from carbon_glossary.ui.typeahead import MovedOn
from carbon_glossary.ui.widgets.bars import BarChart, BarRow
from carbon_glossary.ui.widgets.question import QuestionView
from carbon_glossary.ui.widgets.wrap import Paragraph

if TYPE_CHECKING:
    from carbon_glossary.core.model import Glossary
    from carbon_glossary.core.paper import PaperScore
    from carbon_glossary.session.answers import AnswerState

__all__ = ["ExamResultScreen", "ExamScreen", "QuestionPicker", "summaries"]

LOW_TIME_S = max(WARN_AT_S)


class QuestionPicker(ModalScreen[int | None]):
    """The paper's questions, answered or not; dismissed with the index chosen."""

    CSS_PATH = QUIZ_CSS
    # Centred and framed as the other pickers are (without it the list sat at the top left,
    # its title over the screen's).
    DEFAULT_CSS = "QuestionPicker { align: center middle; }" + PICKER_CSS

    BINDINGS: ClassVar[list[BindingType]] = commands.bindings(commands.CANCEL)

    def __init__(self, rows: list[tuple[str, bool]], current: int) -> None:
        """``rows``: (question summary, answered) in paper order (see :func:`summaries`)."""
        super().__init__()
        self.rows = rows
        self.current = current

    def compose(self) -> ComposeResult:
        options = []
        for index, (summary, answered) in enumerate(self.rows):
            label = Text(f"{index + 1:>3} {'●' if answered else '○'}  ")
            label.append(summary)
            options.append(Option(label, id=str(index)))
        with Vertical(classes="picker exam-picker"):
            yield Label(t("quizui.exam.list_title"), classes="picker-title")
            yield OptionList(*options, id="exam-questions")
            yield Label(t("quizui.exam.list_hint"), classes="picker-hint")

    def on_mount(self) -> None:
        self.query_one("#exam-questions", OptionList).highlighted = self.current

    @on(OptionList.OptionSelected, "#exam-questions")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        assert event.option.id is not None
        self.dismiss(int(event.option.id))


SUMMARY_CELLS = 40
"""Terminal cells of one question's line in the list, after its number and mark: what
the 60-cell list has room for."""


def summaries(questions: Sequence[Question], cells: int = SUMMARY_CELLS) -> list[str]:
    """Each question's kind and the start of its prompt, in columns: the kind padded to the
    widest kind on the paper (by terminal cells, as :func:`cell_width` counts them), so the
    prompts start at one cell; the whole at most ``cells`` cells, cut with "…"."""
    kinds = [kind_name(question.kind) for question in questions]
    widest = max(map(cell_width, kinds), default=0)
    room = max(1, cells - widest - 2)
    lines = []
    for kind, question in zip(kinds, questions, strict=True):
        prompt = visible_line(question.prompt or "、".join(question.items))
        lines.append(kind + " " * (widest - cell_width(kind) + 2) + fit_cells(prompt, room))
    return lines


class ExamScreen(StoreBackedScreen):
    """Displays and drives one :class:`~carbon_glossary.session.exam.ExamSitting`."""

    CSS_PATH = QUIZ_CSS

    BINDINGS: ClassVar[list[BindingType]] = commands.bindings(
        *commands.ANSWER_KEYS,
        commands.ANSWER_NEXT,
        commands.PREVIOUS_QUESTION,
        commands.NEXT_QUESTION,
        commands.QUESTION_LIST,
        commands.HAND_IN,
        commands.LEAVE_EXAM,
    )
    HOLDS_KEYS_AFTER_ENTER = True
    """Keys typed right after Enter wait for the next question (see ui.typeahead)."""
    PALETTE: ClassVar[tuple[commands.Command, ...]] = (
        commands.PREVIOUS_QUESTION,
        commands.NEXT_QUESTION,
        commands.QUESTION_LIST,
        commands.HAND_IN,
        commands.LEAVE_EXAM,
    )

    def __init__(
        self,
        glossary: Glossary,
        progress: Progress,
        plan: ExamPlan,
        clock: Clock | None = None,
        attempt_id: str | None = None,
    ) -> None:
        super().__init__()
        self.glossary = glossary
        self.progress = progress
        self.plan = plan
        self.clock: Clock = clock or SystemClock()
        self.writer = AnswerWriter(progress, on_failed=self._write_failed)
        self.sitting = ExamSitting(
            glossary,
            plan,
            progress.profile,
            self.writer,
            self.clock,
            attempt_id=attempt_id,
            # A tab of ``carbon-glossary serve`` runs the app through Textual's web driver.
            source="browser" if self.app.is_web else "screen",
        )
        self.paper = self.sitting.paper  # the options in this person's order, if shuffled
        self._timer: Timer | None = None

    # What the tests and the result screen read, kept as plain attributes of the sitting.
    @property
    def attempt_id(self) -> str:
        return self.sitting.attempt_id

    @property
    def states(self) -> list[AnswerState]:
        return self.sitting.states

    @property
    def index(self) -> int:
        return self.sitting.index

    @property
    def finished(self) -> bool:
        return not self.sitting.is_open

    @property
    def view(self) -> QuestionView:
        return self.query_one("#question", QuestionView)

    @property
    def question(self) -> Question:
        return self.sitting.question

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="exam-bar", markup=False)
        with Horizontal(id="exam-body"):
            with VerticalScroll(id="exam-list-box"):
                yield Static(id="exam-list", markup=False)
            yield QuestionView(id="question")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = visible_line(self.paper.title)
        sitter = self.plan.sitter
        self.sub_title = visible_line(sitter.label if sitter else self.progress.profile)
        self.watch(self.app, "language", self._relabel, init=False)
        self._open_store()
        if self.paper.questions:
            self._show()
        self._timer = self.set_interval(1.0, self.tick)
        self._update_bar()
        resuming = self.sitting.resuming_message()
        if resuming is not None:
            self.notify(resuming, timeout=15, markup=False)

    def on_unmount(self) -> None:
        # Whatever is still waiting is written before the store can be closed (a write
        # takes milliseconds; leaving by a key has already waited for it).
        self.writer.close()

    @work(thread=True, group="open")
    def _open_store(self) -> None:
        """Open the store now, so a problem with it shows before the first answer."""
        from carbon_glossary.store import StoreError

        try:
            self.progress.store()
        except StoreError as error:
            self.post_message(self.Failed(error.message))
            return
        self.post_store_notice()

    def _write_failed(self, message: str) -> None:
        self.post_message(self.Failed(message))

    # --- time ---

    def remaining(self) -> float | None:
        """Seconds left, or None when the paper has no time limit."""
        return self.sitting.remaining()

    def tick(self) -> None:
        """Redraw the timer; warn when time runs short; hand the paper in when it is up."""
        event = self.sitting.tick()
        if isinstance(event, TimeUp):
            self.run_worker(self._finish(time_up=True), group="finish", exclusive=True)
            return
        if isinstance(event, TimeWarning):
            self.notify(
                t("session.exam.time_warning", minutes=event.minutes),
                severity="warning",
                timeout=10,
            )
        if self.sitting.is_open:
            self._update_bar()

    # --- moving between questions ---

    def _show(self) -> None:
        sitting = self.sitting
        heading = t("quizui.number", number=sitting.index + 1, total=len(self.paper.questions))
        self.view.show(sitting.question, sitting.state, heading)
        self._update_list()
        self._update_bar()

    def _go(self, index: int) -> None:
        if self.sitting.go(index):
            self._show()

    def action_previous(self) -> None:
        self._go(self.sitting.index - 1)

    def action_next(self) -> None:
        self._go(self.sitting.index + 1)

    def action_answer_next(self) -> None:
        """Keep the answer and go on: to the next question, then to any left unanswered,
        and when every question has an answer, to handing in."""
        try:
            if self.finished:
                return
            target = self.sitting.next_open()
            if target is None:
                self.action_hand_in()
            else:
                self._go(target)
        finally:
            self.post_message(MovedOn())

    @on(QuestionView.Entered)
    def _entered(self) -> None:
        self.action_answer_next()

    @on(QuestionView.Changed)
    def _changed(self) -> None:
        self.sitting.answer_changed()  # written now, not when the candidate moves on
        self._update_list()
        self._update_bar()

    def action_pick_question(self) -> None:
        if self.finished:
            return
        questions = self.paper.questions
        answered = [self.states[i].is_answered(q) for i, q in enumerate(questions)]
        rows = list(zip(summaries(questions), answered, strict=True))

        def chosen(index: int | None) -> None:
            if index is not None:
                self._go(index)

        self.app.push_screen(QuestionPicker(rows, self.index), chosen)

    def action_digit(self, index: int) -> None:
        self.view.digit(index)

    def action_letter(self, index: int) -> None:
        self.view.letter(index)

    def action_truth(self, value: bool) -> None:
        self.view.truth(value)

    def action_move(self, step: int) -> None:
        self.view.move(step)

    # --- handing in and leaving ---

    def unanswered(self) -> list[int]:
        """Numbers (from 1) of the questions without an answer."""
        return self.sitting.unanswered()

    def action_hand_in(self) -> None:
        if self.finished:
            return
        self.sitting.answer_changed()
        unanswered = self.unanswered()
        if unanswered:
            numbers = "、".join(map(str, unanswered[:10])) + ("…" if len(unanswered) > 10 else "")
            message = t("quizui.exam.hand_in_unanswered", count=len(unanswered), numbers=numbers)
        else:
            message = t("quizui.exam.hand_in")

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.run_worker(self._finish(), group="finish", exclusive=True)

        self.app.push_screen(
            ConfirmDialog(message, t("quizui.exam.hand_in_yes"), t("quizui.exam.hand_in_no")),
            confirmed,
        )

    async def _finish(self, *, time_up: bool = False) -> None:
        """Hand the paper in as it stands and show the result."""
        if self.finished:
            return
        handed = self.sitting.hand_in()
        self.app.clear_notifications()  # "5 minutes left" means nothing once handed in
        if time_up:
            self.notify(t("quizui.exam.time_up"), severity="warning", timeout=10)
        self.view.freeze()
        if self._timer is not None:
            self._timer.stop()
        result_screen = ExamResultScreen(self.glossary, self.progress, self.plan, handed)
        app = self.app

        async def show_result() -> None:
            while app.screen is not self and len(app.screen_stack) > 1:
                await app.pop_screen()  # a dialog left open when time ran out
            # Pushed, not switched in: the exam may be the app's first screen, which Textual
            # cannot switch away from. Leaving the result leaves the exam as well.
            await app.push_screen(result_screen)

        app.call_later(show_result)

    def leaving(self) -> Leaving | None:
        """What leaving now means (None: the paper is handed in, nothing is left open)."""
        if self.finished:
            return None
        return self.sitting.leaving(browser=self.app.is_web)

    def action_leave(self) -> None:
        """Ask first, saying what leaving does; then leave the app with what it meant as its
        result, for the terminal to be told once the app has ended (ui.launch)."""
        leaving = self.leaving()
        if leaving is None:
            return

        async def confirmed(yes: bool | None) -> None:
            if yes:
                self.sitting.answer_changed()
                await asyncio.wrap_future(self.writer.barrier())
                # The exam is the app's first screen, or pushed over the sign-in form that
                # leaves as soon as it shows again: either way leaving ends the app.
                self.app.exit(result=self.leaving())

        self.app.push_screen(
            ConfirmDialog(leaving.question(), t("sheets.leave.yes"), t("quizui.exam.leave_no")),
            confirmed,
        )

    # --- display ---

    def _update_bar(self) -> None:
        parts = []
        left = self.remaining()
        bar = self.query_one("#exam-bar", Static)
        if left is None:
            parts.append(t("quizui.exam.elapsed", time=clock_text(self.sitting.elapsed())))
            bar.remove_class("-low")
        else:
            parts.append(t("quizui.exam.remaining", time=clock_text(left)))
            bar.set_class(left <= LOW_TIME_S, "-low")
        total = len(self.paper.questions)
        parts.append(t("quizui.exam.answered", answered=self.sitting.answered_count(), total=total))
        parts.append(t("quizui.exam.pass_mark", mark=f"{self.paper.spec.pass_mark_percent:g}"))
        bar.update(Text(t("quizui.separator").join(parts)))

    def _update_list(self) -> None:
        text = Text(t("quizui.exam.list_heading") + "\n")
        for i, question in enumerate(self.paper.questions):
            answered = self.states[i].is_answered(question)
            line = Text(f"{'▶' if i == self.index else ' '}{i + 1:>3} {'●' if answered else '○'}")
            if i == self.index:
                line.stylize("reverse")
            text.append_text(line)
            text.append("\n")
        self.query_one("#exam-list", Static).update(text)
        box = self.query_one("#exam-list-box", VerticalScroll)
        box.scroll_to(y=max(0, self.index - 8), animate=False)

    def _relabel(self) -> None:
        if self.paper.questions and not self.finished:
            self.view.heading = t(
                "quizui.number", number=self.index + 1, total=len(self.paper.questions)
            )
            self.view.render_question()
        self._update_list()
        self._update_bar()
        self.relabel_header_icon()
        self.refresh_bindings()


class ExamResultScreen(commands.LocalisedBindings):
    """Score, pass or fail, points by category and every question not fully right with
    its right answer and source. The result is written to the store when shown."""

    CSS_PATH = QUIZ_CSS

    BINDINGS: ClassVar[list[BindingType]] = commands.bindings(commands.CLOSE_RESULT, commands.STATS)
    PALETTE: ClassVar[tuple[commands.Command, ...]] = (commands.STATS, commands.CLOSE_RESULT)

    @dataclass(eq=False, repr=False)
    class Recorded(Message):
        error: str | None

    def __init__(
        self, glossary: Glossary, progress: Progress, plan: ExamPlan, handed: HandedIn
    ) -> None:
        super().__init__()
        self.glossary = glossary
        self.progress = progress
        self.plan = plan
        self.handed = handed
        self.result: PaperScore = handed.score
        self.elapsed_s = handed.elapsed_s
        self.recorded: bool | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="result"):
            yield Static(id="result-title", markup=False)
            yield Static(id="result-score", markup=False)
            yield Static(id="result-verdict", markup=False)
            yield Static(id="result-time", markup=False)
            yield Label(id="result-categories-title", classes="section-title")
            yield BarChart(id="result-categories")
            yield Label(id="result-wrong-title", classes="section-title")
            yield Static(id="result-wrong", markup=False)
        yield Static(id="result-status", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.watch(self.app, "language", self._draw, init=False)
        self._draw()
        self._watch_saved()
        self.query_one("#result", VerticalScroll).focus()

    def _watch_saved(self) -> None:
        """The sitting writes its result; say when it is saved (or why not)."""

        def done(future: Future[object]) -> None:
            error = future.exception() if not future.cancelled() else None
            message = getattr(error, "message", str(error)) if error is not None else None
            self.post_message(self.Recorded(message))

        self.handed.saved.add_done_callback(done)

    def on_exam_result_screen_recorded(self, message: Recorded) -> None:
        self.recorded = message.error is None
        if message.error is not None:
            self.notify(message.error, severity="error", timeout=30, markup=False)
        self._render_status()

    def _draw(self) -> None:
        result = self.result
        self.title = t("quizui.result.title")
        self.query_one("#result-title", Static).update(Text(visible_line(self.plan.paper.title)))
        self.query_one("#result-score", Static).update(
            Text(
                t(
                    "quizui.result.score",
                    points=f"{result.points:g}",
                    total=result.total,
                    percent=percent_figure(result.percent),
                )
            )
        )
        verdict = self.query_one("#result-verdict", Static)
        key = "quizui.result.passed" if result.passed else "quizui.result.failed"
        verdict.update(Text(t(key, mark=f"{result.pass_mark_percent:g}")))
        verdict.set_class(result.passed, "-pass")
        verdict.set_class(not result.passed, "-fail")
        answered = sum(1 for v in result.verdicts if not v.unanswered)
        self.query_one("#result-time", Static).update(
            Text(
                t(
                    "quizui.result.time",
                    time=clock_text(self.elapsed_s),
                    answered=answered,
                    total=result.total,
                )
            )
        )
        self.query_one("#result-categories-title", Label).update(t("quizui.result.categories"))
        self.query_one("#result-categories", BarChart).set_rows(
            [
                BarRow(
                    score.category or t("stats.uncategorised"),
                    score.percent / 100,
                    f"{score.points:g}/{score.total}  {percent_figure(score.percent)}%",
                )
                for score in result.by_category
            ]
        )
        wrong_title = self.query_one("#result-wrong-title", Label)
        if result.wrong:
            wrong_title.update(t("quizui.result.wrong", count=len(result.wrong)))
        else:
            wrong_title.update(t("quizui.result.all_right"))
        self.query_one("#result-wrong", Static).update(Paragraph(self._wrong_text()))
        self._render_status()

    def _wrong_text(self) -> Text:
        text = Text()
        for wrong in self.result.wrong:
            verdict = wrong.verdict
            question = wrong.question
            heading = t(
                "quizui.result.question",
                number=wrong.number,
                kind=kind_name(question.kind),
                category=visible_line(question.category) or t("stats.uncategorised"),
            )
            text.append(heading + "\n", style="bold")
            if question.prompt:
                text.append(visible(question.prompt) + "\n")
            if question.mode == "truefalse":
                text.append(visible(question.statement) + "\n")
            if question.mode == "match":
                for i, item in enumerate(question.items):
                    pick = verdict.pairs[i] if verdict.pairs else None
                    chosen = option_label(pick) if pick is not None else "-"
                    text.append(f"{i + 1}. {visible_line(item)} → {chosen}\n")
            text.append(t("quizui.result.your_answer", answer=self._given(wrong.verdict)) + "\n")
            for line in verdict.explain()[1:]:
                text.append(visible(line) + "\n")
            if question.mode == "match":  # a source per term paired wrong
                right = verdict.pairs_correct or (False,) * len(question.items)
                for item_id, item, ok in zip(question.item_ids, question.items, right, strict=True):
                    term = self.glossary.by_id(item_id)
                    if not ok and term is not None and term.source:
                        line = t("quizui.result.pair_source", term=item, source=term.source)
                        text.append(visible(line) + "\n")
            text.append("\n")
        text.rstrip()
        return text

    @staticmethod
    def _given(verdict: Verdict) -> str:
        if verdict.unanswered:
            return t("quizui.result.unanswered")
        if verdict.chosen is not None and verdict.question.mode != "truefalse":
            return f"{option_label(verdict.chosen)}. {visible_line(verdict.given)}"
        return visible_line(verdict.given)

    def _render_status(self) -> None:
        status = self.query_one("#result-status", Static)
        if self.recorded is None:
            status.update(Text(t("quizui.result.saving")))
        elif self.recorded:
            status.update(
                Text(t("quizui.result.saved", profile=visible_line(self.progress.profile)))
            )
        else:
            status.update(Text(t("quizui.result.not_saved")))

    async def action_leave(self) -> None:
        """Leave the result and the finished exam under it."""
        app = self.app
        stack = app.screen_stack
        index = stack.index(self) if self in stack else -1
        if index >= 1 and isinstance(stack[index - 1], ExamScreen):
            if index - 1 == 0:
                app.exit()
                return
            await app.pop_screen()
            await app.pop_screen()
            return
        leave_screen(self)
