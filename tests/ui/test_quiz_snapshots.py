"""SVG snapshots of the quiz screens at 100×30: a practice question answered and explained,
an exam question, an exam result and the progress screen.

Deterministic by construction: a fixed 14-term glossary (tests/data/quiz_ui_glossary.toml),
fixed seeds, a clock that stands still (tests/ui/quiz_support.py), one theme, no blinking
cursor, and every worker finished before the picture is taken. Update with
``pytest tests/ui/test_quiz_snapshots.py --snapshot-update`` and look at the report before
committing the new SVGs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from quiz_support import (
    PROFILE,
    SIZE,
    FakeClock,
    exam_plan,
    make_quiz_app,
    quiz_glossary,
    right_keys,
    settle,
    typed,
    wrong_keys,
)
from textual.pilot import Pilot
from textual.widgets import Input

from carbon_glossary.core.model import Glossary
from carbon_glossary.session.decks import PracticePlan, record_answer
from carbon_glossary.store import ExamResult, open_store
from carbon_glossary.ui.plans import StatsPlan
from carbon_glossary.ui.screens.exam import ExamScreen
from carbon_glossary.ui.screens.quiz import QuizScreen
from quiz_fixtures import answer_about

SnapCompare = Callable[..., bool]
Steps = Callable[[Pilot[Any]], Awaitable[None]]


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return quiz_glossary()


def steps(script: Callable[[Pilot[Any]], Awaitable[None]] | None = None) -> Steps:
    """A ``run_before``: wait for the screen, stop the cursor blinking, run ``script``."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        if script is not None:
            await script(pilot)
            await settle(pilot)
        for box in pilot.app.query(Input):
            box.cursor_blink = False
        await settle(pilot)

    return run_before


async def answer_first_wrong(pilot: Pilot[Any]) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, QuizScreen) and screen.question is not None
    await pilot.press(*typed(wrong_keys(screen.question)), "enter")


async def answer_exam(pilot: Pilot[Any]) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, ExamScreen)
    questions = screen.paper.questions
    await pilot.press(*typed(right_keys(questions[0])), "enter")
    await pilot.press(*typed(wrong_keys(questions[1])), "enter")
    await pilot.press(*typed(right_keys(questions[2])), "enter")


async def hand_in(pilot: Pilot[Any]) -> None:
    clock = pilot.app.clock
    assert isinstance(clock, FakeClock)
    await answer_exam(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ExamScreen)
    await pilot.press(*typed(wrong_keys(screen.paper.questions[3])), "enter")
    clock.advance(7 * 60 + 12)
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.press("y")


class TestQuiz:
    def test_practice_wrong_answer_explained(
        self, snap_compare: SnapCompare, glossary: Glossary, tmp_path: Path
    ) -> None:
        plan = PracticePlan(kinds=("term-def",), count=5, seed=3)
        app = make_quiz_app(glossary, plan, tmp_path / "p.db")
        assert snap_compare(app, terminal_size=SIZE, run_before=steps(answer_first_wrong))

    def test_matching_question(
        self, snap_compare: SnapCompare, glossary: Glossary, tmp_path: Path
    ) -> None:
        plan = PracticePlan(kinds=("match",), count=1, seed=4)
        app = make_quiz_app(glossary, plan, tmp_path / "p.db")

        async def pair_two(pilot: Pilot[Any]) -> None:
            await pilot.press("c", "a")

        assert snap_compare(app, terminal_size=SIZE, run_before=steps(pair_two))

    def test_exam_question(
        self, snap_compare: SnapCompare, glossary: Glossary, tmp_path: Path
    ) -> None:
        app = make_quiz_app(glossary, exam_plan(glossary), tmp_path / "p.db")
        assert snap_compare(app, terminal_size=SIZE, run_before=steps(answer_exam))

    def test_exam_result(
        self, snap_compare: SnapCompare, glossary: Glossary, tmp_path: Path
    ) -> None:
        app = make_quiz_app(glossary, exam_plan(glossary), tmp_path / "p.db")
        assert snap_compare(app, terminal_size=SIZE, run_before=steps(hand_in))


class TestProgress:
    def test_stats_screen(
        self, snap_compare: SnapCompare, glossary: Glossary, tmp_path: Path
    ) -> None:
        clock = FakeClock()
        db = tmp_path / "p.db"
        now = clock.now()
        terms = glossary.terms
        with open_store(db) as store:
            # Twelve days of answers, a few a day, some wrong; one exam the day before.
            for day in range(12):
                for n in range(day % 4 + 1):
                    term = terms[(day * 3 + n) % len(terms)]
                    record_answer(
                        store,
                        answer_about(
                            term,
                            mode="practice",
                            correct=(day + n) % 3 != 0,
                            at=now - timedelta(days=11 - day, hours=n),
                            elapsed_ms=3000,
                        ),
                    )
            store.record_exam_result(
                ExamResult(
                    profile=PROFILE,
                    exam_id="3f2a9c0d1e7b4a56",
                    exam_title="测试卷：碳达峰术语",
                    attempt_id="attempt-1",
                    score=4.2,
                    max_score=6,
                    pass_mark=3.6,
                    passed=True,
                    started_at=now - timedelta(days=1, minutes=9),
                    finished_at=now - timedelta(days=1),
                )
            )
        app = make_quiz_app(glossary, StatsPlan(), db, clock)
        assert snap_compare(app, terminal_size=SIZE, run_before=steps())
