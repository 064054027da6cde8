"""Helpers for the quiz screens' tests: the app as the command line starts it (on the clock
the test turns, from tests/quiz_fixtures.py), and answering a question right or wrong by
pressing keys as a person would."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from carbon_glossary.core.model import Glossary
from carbon_glossary.core.pinyin import format_numbers
from carbon_glossary.core.quiz import Question, option_label
from carbon_glossary.session.progress import Progress
from carbon_glossary.ui.launch import QuizApp
from carbon_glossary.ui.plans import Plan
from quiz_fixtures import PROFILE, FakeClock, exam_plan, quiz_glossary, quiz_paper

# The clock, glossary and paper are the session tests' too (tests/quiz_fixtures.py).
__all__ = [
    "PROFILE",
    "SIZE",
    "FakeClock",
    "exam_plan",
    "make_quiz_app",
    "quiz_glossary",
    "quiz_paper",
    "right_keys",
    "settle",
    "typed",
    "wrong_keys",
]

SIZE = (100, 30)


def make_quiz_app(
    glossary: Glossary,
    plan: Plan,
    db: Path,
    clock: FakeClock | None = None,
    *,
    new_per_day: int | None = None,
    language: str = "zh",
) -> QuizApp:
    """The app as ``carbon-glossary study|practice|exam`` starts it, on a test clock."""
    progress = Progress(db, PROFILE, new_per_day=new_per_day)
    app = QuizApp(glossary, language, plan, progress, clock or FakeClock())
    app.theme = "textual-dark"
    return app


async def settle(pilot: Pilot[object]) -> None:
    """Wait until workers (deck loading) and the screens' answer writers have finished and
    their messages are shown."""
    for _ in range(30):
        await pilot.app.workers.wait_for_complete()
        for screen in pilot.app.screen_stack:
            writer = getattr(screen, "writer", None)
            if writer is not None:
                writer.flush(timeout=10)
        await pilot.pause()
        if not any(worker.is_running for worker in pilot.app.workers):
            break
    await pilot.pause()


def right_keys(question: Question) -> list[str]:
    """Keys that answer ``question`` right."""
    if question.kind == "pinyin":
        return [*format_numbers(question.syllables)]
    if question.kind == "cloze":
        return [*question.answer]
    if question.kind == "truefalse":
        return ["y" if question.answer_index == 0 else "n"]
    if question.kind == "match":
        keys = []
        for item, option in enumerate(question.pairs):
            keys += [str(item + 1), option_label(option).lower()]
        return keys
    assert question.answer_index is not None
    return [option_label(question.answer_index).lower()]


def wrong_keys(question: Question) -> list[str]:
    """Keys that answer ``question`` wrong."""
    if question.kind in ("pinyin", "cloze"):
        return [*"xyz"]
    if question.kind == "truefalse":
        return ["n" if question.answer_index == 0 else "y"]
    if question.kind == "match":
        keys = []
        for item, option in enumerate(question.pairs):
            wrong = (option + 1) % len(question.options)
            keys += [str(item + 1), option_label(wrong).lower()]
        return keys
    assert question.answer_index is not None
    return [option_label((question.answer_index + 1) % len(question.options)).lower()]


def typed(keys: list[str]) -> list[str]:
    """Characters as Pilot key names (a space is "space")."""
    return ["space" if key == " " else key for key in keys]
