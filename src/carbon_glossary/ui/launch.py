"""Starting the app straight into a quiz, an exam or the progress screen.

``carbon-glossary study|practice|exam`` call :func:`run_quiz`. (The browser opens the same
screens over itself through :mod:`carbon_glossary.ui.plans`.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from carbon_glossary.session.clock import Clock, SystemClock
from carbon_glossary.session.progress import Progress
from carbon_glossary.ui.app import CarbonGlossaryApp
from carbon_glossary.ui.plans import Plan, StatsPlan, first_screen
from carbon_glossary.ui.screens.quiz import QUIZ_CSS

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


def run_quiz(glossary: Glossary, lang: str, plan: Plan, progress: Progress) -> int:
    """Run the app on ``plan``; the exit code. The store is closed afterwards."""
    app = QuizApp(glossary, lang, plan, progress)
    try:
        app.run()
    finally:
        progress.close()
    return app.return_code or 0
