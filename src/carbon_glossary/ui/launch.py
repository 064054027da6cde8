"""Starting the app straight into a quiz, an exam or the progress screen.

``carbon-glossary study|practice|exam`` call :func:`run_quiz`. (The browser opens the same
screens over itself through :mod:`carbon_glossary.ui.plans`.)
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from carbon_glossary.session.clock import Clock, SystemClock
from carbon_glossary.session.decks import ExamPlan, PracticePlan, StudyPlan
from carbon_glossary.session.exam import Leaving
from carbon_glossary.session.progress import Progress
from carbon_glossary.ui.app import CarbonGlossaryApp
from carbon_glossary.ui.plans import Plan, StatsPlan, first_screen
from carbon_glossary.ui.screens.quiz import QUIZ_CSS
from carbon_glossary.ui.terminal import NO_TERMINAL_EXIT, terminal_missing

if TYPE_CHECKING:
    from textual.screen import Screen

    from carbon_glossary.core.model import Glossary

__all__ = ["Plan", "QuizApp", "StatsPlan", "run_quiz"]


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
        assert self.glossary is not None and self.progress is not None
        return first_screen(self.glossary, self.progress, self.plan, self.clock)

    async def action_quit(self) -> None:
        """Ctrl+Q: out at once, as everywhere; an exam left open (it is not handed in, and
        can be carried on) says so once the app has ended, as leaving it by Esc does."""
        from carbon_glossary.ui.screens.exam import ExamScreen

        exams = [screen for screen in self.screen_stack if isinstance(screen, ExamScreen)]
        self.exit(result=exams[-1].leaving() if exams else None)


_COMMANDS: dict[type, str] = {
    StudyPlan: "study",
    PracticePlan: "practice",
    ExamPlan: "exam",
    StatsPlan: "stats",
}


def run_quiz(glossary: Glossary, lang: str, plan: Plan, progress: Progress) -> int:
    """Run the app on ``plan``; the exit code. The store is closed afterwards.

    Without a terminal nothing starts: a message, exit status 2 (ui/terminal.py)."""
    missing = terminal_missing(_COMMANDS.get(type(plan), "study"))
    if missing is not None:
        progress.close()
        print(missing, file=sys.stderr)
        return NO_TERMINAL_EXIT
    app = QuizApp(glossary, lang, plan, progress)
    try:
        result = app.run()
    finally:
        progress.close()
    if isinstance(result, Leaving) and not app.is_web:
        # A served tab's process has no terminal of its own: this would reach the trainer's.
        print(result.notice(), file=sys.stderr)
    return app.return_code or 0
