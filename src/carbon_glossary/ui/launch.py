"""Starting the app straight into a quiz, an exam or the progress screen, and opening those
screens from the browser.

``carbon-glossary study|practice|exam`` call :func:`run_quiz`; the browse screen's ``p`` key
and its palette entries call :func:`open_quiz` through the app's ``open_quiz`` action.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from carbon_glossary.i18n import t
from carbon_glossary.ui.app import CarbonGlossaryApp
from carbon_glossary.ui.decks import ExamPlan, PracticePlan, StudyPlan
from carbon_glossary.ui.progress import Clock, Progress, SystemClock
from carbon_glossary.ui.screens.quiz import QUIZ_CSS

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from carbon_glossary.core.model import Glossary

__all__ = ["Plan", "QuizApp", "StatsPlan", "open_quiz", "run_quiz"]


class StatsPlan:
    """Open the progress screen."""


Plan = StudyPlan | PracticePlan | ExamPlan | StatsPlan


def first_screen(
    glossary: Glossary, progress: Progress, plan: Plan, clock: Clock
) -> Screen[object]:
    """The screen that carries out ``plan``."""
    if isinstance(plan, ExamPlan):
        from carbon_glossary.ui.screens.exam import ExamScreen

        return ExamScreen(glossary, progress, plan, clock)
    if isinstance(plan, StatsPlan):
        from carbon_glossary.ui.screens.stats import StatsScreen

        return StatsScreen(progress, glossary, clock)
    from carbon_glossary.ui.screens.quiz import QuizScreen

    return QuizScreen(glossary, progress, plan, clock)


class QuizApp(CarbonGlossaryApp):
    """The app opened on a quiz, an exam or the progress screen instead of the browser;
    leaving that screen leaves the app."""

    # Textual loads a screen's own CSS_PATH when the screen is pushed, not for the default
    # screen, so the app names the quiz styles as well.
    CSS_PATH = [CarbonGlossaryApp.CSS_PATH, QUIZ_CSS]  # type: ignore[assignment]  # noqa: RUF012

    def __init__(
        self,
        glossary: Glossary,
        language: str,
        plan: Plan,
        progress: Progress,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(glossary, language)
        self.plan = plan
        self.progress = progress
        self.clock: Clock = clock or SystemClock()

    def get_default_screen(self) -> Screen[object]:
        assert self.glossary is not None
        return first_screen(self.glossary, self.progress, self.plan, self.clock)


def run_quiz(glossary: Glossary, lang: str, plan: Plan, progress: Progress) -> int:
    """Run the app on ``plan``; the exit code. The store is closed afterwards."""
    app = QuizApp(glossary, lang, plan, progress)
    try:
        app.run()
    finally:
        progress.close()
    return app.return_code or 0


def open_quiz(app: App[object], what: str) -> None:
    """Push the progress screen (``stats``), a study round or a practice round over the
    current screen, with the default progress file and profile."""
    glossary: Glossary | None = getattr(app, "glossary", None)
    progress = getattr(app, "progress", None)
    if not isinstance(progress, Progress):
        progress = Progress.default()
        app.progress = progress  # type: ignore[attr-defined]
    clock: Clock = getattr(app, "clock", None) or SystemClock()
    if what == "stats":
        plan: Plan = StatsPlan()
    elif glossary is None:
        app.notify(t("quizui.glossary_loading"), severity="warning")
        return
    elif what == "study":
        plan = StudyPlan()
    else:
        plan = PracticePlan()
    if isinstance(plan, StatsPlan):
        from carbon_glossary.ui.screens.stats import StatsScreen

        app.push_screen(StatsScreen(progress, glossary, clock))
        return
    assert glossary is not None
    app.push_screen(first_screen(glossary, progress, plan, clock))
