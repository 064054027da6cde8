"""What a quiz-side screen is opened for, and opening it: the first screen of
``carbon-glossary study|practice|exam|stats``, or a screen pushed over the browser by its
``p`` key and palette entries (the app's ``open_quiz`` action)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from carbon_glossary.i18n import t
from carbon_glossary.session.clock import Clock, SystemClock
from carbon_glossary.session.decks import ExamPlan, PracticePlan, StudyPlan
from carbon_glossary.session.progress import Progress
from carbon_glossary.session.sitter import SignInPlan

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from carbon_glossary.core.model import Glossary

__all__ = ["Plan", "StatsPlan", "first_screen", "open_quiz"]


class StatsPlan:
    """Open the progress screen."""


Plan = StudyPlan | PracticePlan | ExamPlan | SignInPlan | StatsPlan


def first_screen(
    glossary: Glossary, progress: Progress, plan: Plan, clock: Clock
) -> Screen[object]:
    """The screen that carries out ``plan``."""
    if isinstance(plan, ExamPlan):
        from carbon_glossary.ui.screens.exam import ExamScreen

        return ExamScreen(glossary, progress, plan, clock)
    if isinstance(plan, SignInPlan):
        from carbon_glossary.ui.screens.sign_in import SignInScreen

        return SignInScreen(glossary, progress, plan, clock)
    if isinstance(plan, StatsPlan):
        from carbon_glossary.ui.screens.stats import StatsScreen

        return StatsScreen(progress, glossary, clock)
    from carbon_glossary.ui.screens.quiz import QuizScreen

    return QuizScreen(glossary, progress, plan, clock)


def open_quiz(app: App[object], what: str) -> None:
    """Push the progress screen (``stats``), a study round or a practice round over the
    current screen, with the app's progress (``browse --profile/--db``), else the default
    progress file and profile."""
    glossary: Glossary | None = getattr(app, "glossary", None)
    progress = getattr(app, "progress", None)
    if not isinstance(progress, Progress):
        progress = Progress.default()
        app.progress = progress  # type: ignore[attr-defined]  # CarbonGlossaryApp.progress
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
