"""The progress screen: answers and accuracy per category, recent activity, the weakest
terms, cards due today and past exam results, for one person (profile)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, Label, Sparkline, Static

from carbon_glossary.i18n import t
from carbon_glossary.session.clock import Clock, SystemClock
from carbon_glossary.session.progress import Progress
from carbon_glossary.ui import commands
from carbon_glossary.ui.safe import visible_line
from carbon_glossary.ui.screens.quiz import QUIZ_CSS, leave_screen
from carbon_glossary.ui.screens.store_backed import StoreBackedScreen
from carbon_glossary.ui.widgets.bars import BarChart, BarRow

if TYPE_CHECKING:
    from carbon_glossary.core.model import Glossary
    from carbon_glossary.store import Stats

__all__ = ["ACTIVITY_DAYS", "StatsScreen", "percent"]

ACTIVITY_DAYS = 14  # as the command line's ``stats``
WEAKEST = 8
EXAMS_SHOWN = 10


def percent(value: float | None) -> str:
    """``81%``, or ``–`` when there is nothing to divide."""
    return "–" if value is None else f"{value * 100:.0f}%"


class StatsScreen(StoreBackedScreen):
    """One person's figures, read from the store in a worker."""

    CSS_PATH = QUIZ_CSS

    BINDINGS: ClassVar[list[BindingType]] = commands.bindings(
        commands.REFRESH, commands.CLOSE_STATS
    )
    PALETTE: ClassVar[tuple[commands.Command, ...]] = (commands.REFRESH, commands.CLOSE_STATS)

    @dataclass
    class Loaded(Message):
        stats: Stats

    def __init__(
        self, progress: Progress, glossary: Glossary | None = None, clock: Clock | None = None
    ) -> None:
        super().__init__()
        self.progress = progress
        self.glossary = glossary
        self.clock: Clock = clock or SystemClock()
        self.stats: Stats | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="stats"):
            yield Static(id="stats-summary", markup=False)
            yield Label(id="stats-categories-title", classes="section-title")
            yield BarChart(id="stats-categories")
            yield Label(id="stats-activity-title", classes="section-title")
            yield Sparkline(id="stats-activity")
            yield Static(id="stats-activity-caption", markup=False)
            yield Label(id="stats-weakest-title", classes="section-title")
            yield Static(id="stats-weakest", markup=False)
            yield Label(id="stats-exams-title", classes="section-title")
            yield Static(id="stats-exams", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.watch(self.app, "language", self._draw, init=False)
        self._draw()
        self.query_one("#stats", VerticalScroll).focus()
        self._load()

    def action_refresh(self) -> None:
        self._load()

    def action_leave(self) -> None:
        leave_screen(self)

    @work(thread=True, exclusive=True, group="stats")
    def _load(self) -> None:
        from carbon_glossary.store import StoreError

        term_ids = [term.id for term in self.glossary.terms] if self.glossary else None
        try:
            stats = self.progress.store().stats(
                self.progress.profile, self.clock.now(), ACTIVITY_DAYS, term_ids=term_ids
            )
        except StoreError as error:
            self.post_message(self.Failed(error.message))
            return
        self.post_store_notice()
        self.post_message(self.Loaded(stats))

    def on_stats_screen_loaded(self, message: Loaded) -> None:
        self.stats = message.stats
        self._draw()

    def on_store_backed_screen_failed(self, message: StoreBackedScreen.Failed) -> None:
        self.query_one("#stats-summary", Static).update(Text(message.message))

    def _draw(self) -> None:
        self.title = t("quizui.stats.title", profile=visible_line(self.progress.profile))
        stats = self.stats
        summary = self.query_one("#stats-summary", Static)
        self.query_one("#stats-categories-title", Label).update(t("quizui.stats.categories"))
        self.query_one("#stats-activity-title", Label).update(
            t("quizui.stats.activity", days=ACTIVITY_DAYS)
        )
        self.query_one("#stats-weakest-title", Label).update(t("quizui.stats.weakest"))
        self.query_one("#stats-exams-title", Label).update(t("quizui.stats.exams"))
        if stats is None:
            summary.update(Text(t("quizui.loading")))
            return
        summary.update(Text(summary_text(stats)))
        self.query_one("#stats-categories", BarChart).set_rows(category_rows(stats))
        self.query_one("#stats-activity", Sparkline).data = [day.answers for day in stats.days]
        self.query_one("#stats-activity-caption", Static).update(Text(activity_caption(stats)))
        self.query_one("#stats-weakest", Static).update(self._weakest())
        self.query_one("#stats-exams", Static).update(self._exams())
        self.refresh_bindings()

    def _weakest(self) -> Table | Text:
        stats = self.stats
        assert stats is not None
        if not stats.weakest:
            return Text(t("quizui.stats.no_weak"), style="italic")
        table = Table.grid(padding=(0, 2))
        for _ in range(4):
            table.add_column(no_wrap=True)
        glossary = self.glossary
        for figures in stats.weakest[:WEAKEST]:
            name = Text(visible_line(figures.term_text))
            if glossary is not None and glossary.by_id(figures.term_id) is None:
                name.append(" " + t("stats.removed_term"), style="dim")
            table.add_row(
                name,
                Text(visible_line(figures.category) or t("stats.uncategorised")),
                Text(t("quizui.stats.right_of", right=figures.correct, answers=figures.answers)),
                Text(percent(figures.accuracy)),
            )
        return table

    def _exams(self) -> Table | Text:
        stats = self.stats
        assert stats is not None
        if not stats.exams:
            return Text(t("quizui.stats.no_exams"), style="italic")
        table = Table.grid(padding=(0, 2))
        for _ in range(4):
            table.add_column(no_wrap=True)
        now = self.clock.now()
        for exam in stats.exams[:EXAMS_SHOWN]:
            when = exam.finished_at.astimezone(now.tzinfo).strftime("%Y-%m-%d %H:%M")
            verdict = t("quizui.stats.passed" if exam.passed else "quizui.stats.failed")
            score = f"{exam.score:g}/{exam.max_score:g}  {percent(_share(exam.percent))}"
            table.add_row(
                Text(when), Text(visible_line(exam.exam_title)), Text(score), Text(verdict)
            )
        return table


def _share(percent_value: float | None) -> float | None:
    return None if percent_value is None else percent_value / 100


def summary_text(stats: Stats) -> str:
    """The headline figures in one paragraph."""
    if not stats.answers:
        lines = [t("quizui.stats.nothing_yet")]
    else:
        lines = [
            t(
                "quizui.stats.summary",
                answers=stats.answers,
                correct=stats.correct,
                accuracy=percent(stats.accuracy),
            )
        ]
    lines.append(
        t(
            "quizui.stats.cards",
            cards=stats.cards,
            due=stats.due_today,
            new=stats.new_today,
            mistakes=stats.mistakes,
        )
    )
    return "\n".join(lines)


def category_rows(stats: Stats) -> list[BarRow]:
    """One bar per category: its accuracy, with the number of answers beside it."""
    return [
        BarRow(
            figures.category or t("stats.uncategorised"),
            figures.accuracy,
            t(
                "quizui.stats.category_figures",
                answers=figures.answers,
                correct=figures.correct,
                accuracy=percent(figures.accuracy),
            ),
        )
        for figures in stats.categories
    ]


def activity_caption(stats: Stats) -> str:
    """Dates under the sparkline, with the busiest day and today."""
    if not stats.days:
        return ""
    first, last = stats.days[0].day, stats.days[-1].day
    busiest = max(day.answers for day in stats.days)
    return t(
        "quizui.stats.activity_caption",
        first=first.strftime("%m-%d"),
        last=last.strftime("%m-%d"),
        most=busiest,
        today=stats.days[-1].answers,
    )
