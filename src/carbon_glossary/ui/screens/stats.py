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
from carbon_glossary.session.stats import ACTIVITY_DAYS, StatsView, read_stats, stats_view
from carbon_glossary.ui import commands
from carbon_glossary.ui.safe import visible, visible_line
from carbon_glossary.ui.screens.quiz import QUIZ_CSS, leave_screen
from carbon_glossary.ui.screens.store_backed import StoreBackedScreen
from carbon_glossary.ui.widgets.bars import BarChart, BarRow

if TYPE_CHECKING:
    from carbon_glossary.core.model import Glossary
    from carbon_glossary.store import Stats

__all__ = ["StatsScreen"]

WEAKEST = 8
EXAMS_SHOWN = 10


class StatsScreen(StoreBackedScreen):
    """One person's figures, read from the store in a worker."""

    CSS_PATH = QUIZ_CSS

    BINDINGS: ClassVar[list[BindingType]] = commands.bindings(
        commands.REFRESH, commands.CLOSE_STATS
    )
    PALETTE: ClassVar[tuple[commands.Command, ...]] = (commands.REFRESH, commands.CLOSE_STATS)

    @dataclass(eq=False, repr=False)
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

        try:
            stats = read_stats(
                self.progress.store(), self.progress.profile, self.glossary, self.clock.now()
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
        summary = self.query_one("#stats-summary", Static)
        self.query_one("#stats-categories-title", Label).update(t("quizui.stats.categories"))
        self.query_one("#stats-activity-title", Label).update(
            t("quizui.stats.activity", days=ACTIVITY_DAYS)
        )
        self.query_one("#stats-weakest-title", Label).update(t("quizui.stats.weakest"))
        self.query_one("#stats-exams-title", Label).update(t("quizui.stats.exams"))
        if self.stats is None:
            summary.update(Text(t("quizui.loading")))
            return
        view = stats_view(self.stats, self.glossary, self.clock.now())
        summary.update(Text(visible("\n".join(view.summary))))
        self.query_one("#stats-categories", BarChart).set_rows(
            [BarRow(visible_line(c.label), c.share, c.figures) for c in view.categories]
        )
        self.query_one("#stats-activity", Sparkline).data = list(view.activity)
        self.query_one("#stats-activity-caption", Static).update(Text(view.activity_caption))
        self.query_one("#stats-weakest", Static).update(_weakest(view))
        self.query_one("#stats-exams", Static).update(_exams(view))
        self.refresh_bindings()


def _weakest(view: StatsView) -> Table | Text:
    if not view.weakest:
        return Text(t("quizui.stats.no_weak"), style="italic")
    table = Table.grid(padding=(0, 2))
    for _ in range(4):
        table.add_column(no_wrap=True)
    for row in view.weakest[:WEAKEST]:
        name = Text(visible_line(row.term))
        if row.removed:
            name.append(" " + t("stats.removed_term"), style="dim")
        table.add_row(name, Text(visible_line(row.category)), Text(row.right_of), Text(row.percent))
    return table


def _exams(view: StatsView) -> Table | Text:
    if not view.exams:
        return Text(t("quizui.stats.no_exams"), style="italic")
    table = Table.grid(padding=(0, 2))
    for _ in range(4):
        table.add_column(no_wrap=True)
    for row in view.exams[:EXAMS_SHOWN]:
        table.add_row(
            Text(row.finished),
            Text(visible_line(row.title)),
            Text(f"{row.score}  {row.percent}"),
            Text(row.verdict),
        )
    return table
