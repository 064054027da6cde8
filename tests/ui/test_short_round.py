"""A practice round shorter than asked for says so on the screen, with the reason."""

from __future__ import annotations

from pathlib import Path

from quiz_support import SIZE, make_quiz_app, quiz_glossary, settle

from carbon_glossary.session.decks import PracticePlan
from carbon_glossary.ui.screens.quiz import QuizScreen


async def test_a_short_practice_round_says_how_many_questions_and_why(tmp_path: Path) -> None:
    glossary = quiz_glossary()
    plan = PracticePlan(kinds=("pinyin",), count=30, seed=1)
    app = make_quiz_app(glossary, plan, tmp_path / "progress.db")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen_stack[0]
        assert isinstance(screen, QuizScreen)
        made = screen.round.total
        assert 0 < made < 30
        messages = [n.message for n in app._notifications]
        expected = f"只能出 {made} 道题，不是 30 道：术语表共有 {len(glossary.terms)} 个术语"
        assert any(m.startswith(expected) for m in messages), messages
