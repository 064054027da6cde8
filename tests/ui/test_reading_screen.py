"""A ``reading`` (多音字) question on the practice screen: shown by its mode like every
choice kind (no code of its own in the question widget), answered with a letter key,
explained with the other reading's phrase, and saved."""

from __future__ import annotations

import re
from pathlib import Path

from quiz_support import SIZE, make_quiz_app, quiz_glossary, settle
from textual.geometry import Region
from textual.widgets import Static

from carbon_glossary.core.quiz import option_label
from carbon_glossary.session.decks import PracticePlan
from carbon_glossary.store import open_store
from carbon_glossary.ui.screens.quiz import QuizScreen
from carbon_glossary.ui.widgets.question import QuestionView


def shown(screen: QuizScreen) -> str:
    """What the question's visible Statics draw (all of it, not only what is scrolled into
    view), whitespace removed: lines wrap anywhere in Chinese text."""
    view = screen.query_one(QuestionView)
    drawn = []
    for widget in view.query(Static):
        if widget.display:
            size = widget.outer_size
            lines = widget.render_lines(Region(0, 0, size.width, size.height))
            drawn += [line.text for line in lines]
    return re.sub(r"\s+", "", "".join(drawn))


async def test_a_reading_question_shows_and_is_answered(tmp_path: Path) -> None:
    glossary = quiz_glossary()
    db = tmp_path / "progress.db"
    app = make_quiz_app(glossary, PracticePlan(kinds=("reading",), count=2, seed=3), db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen_stack[0]
        assert isinstance(screen, QuizScreen)
        asked = []
        for right in (True, False):
            question = screen.question
            assert question is not None and question.kind == "reading"
            asked.append(question)
            text = shown(screen)
            assert "多音字" in text and "选出这个字在这个术语中的读音。" in text
            assert question.prompt in text  # “碳中和”中“和”的读音是: the character named
            for index, option in enumerate(question.options):
                assert f"{option_label(index)}{option}" in text
            assert question.pinyin.replace(" ", "") not in text  # the answer does not show
            index = question.answer_index
            assert index is not None
            if not right:
                index = (index + 1) % len(question.options)
            await pilot.press(option_label(index).lower(), "enter")
            await settle(pilot)
            text = shown(screen)
            if right:
                assert "回答正确" in text
            else:
                assert "回答错误" in text and f"正确答案：{question.answer}" in text
                assert all(re.sub(r"\s+", "", n) in text for n in question.notes)
                assert question.notes
            await pilot.press("enter")
            await settle(pilot)
    with open_store(db) as store:
        records = list(reversed(store.answers("测试者")))  # newest first
    assert [(r.kind, r.correct) for r in records] == [("reading", True), ("reading", False)]
    assert [r.term_id for r in records] == [q.term_id for q in asked]
