"""Leaving an exam before handing it in, on screen: the dialog says what really happens
(the attempt is kept, carried on by the same command, the clock runs on), and the app
ends with that, which the terminal is told in one line. The rules and wording are tested
in tests/session/test_exam_leaving.py; here only what the screen shows and hands on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from quiz_support import SIZE, exam_plan, make_quiz_app, quiz_glossary, right_keys, settle, typed
from textual.geometry import Region
from textual.widgets import Static

from carbon_glossary.core.model import Glossary
from carbon_glossary.session.exam import Leaving
from carbon_glossary.store import open_store
from carbon_glossary.ui import launch
from carbon_glossary.ui.screens.exam import ExamScreen
from carbon_glossary.ui.screens.quiz import ConfirmDialog


@pytest.fixture(scope="module")
def quiz_gloss() -> Glossary:
    return quiz_glossary()


def shown(screen: object) -> str:
    """What the screen's Statics draw, whitespace removed (Chinese wraps anywhere)."""
    from textual.screen import Screen

    assert isinstance(screen, Screen)
    drawn = []
    for widget in screen.query(Static):
        size = widget.outer_size
        lines = widget.render_lines(Region(0, 0, size.width, size.height))
        drawn.append("".join(line.text for line in lines))
    return re.sub(r"\s+", "", "".join(drawn))


async def test_the_leave_dialog_says_the_attempt_is_kept_and_the_clock_runs_on(
    quiz_gloss: Glossary, tmp_path: Path
) -> None:
    plan = exam_plan(quiz_gloss)
    app = make_quiz_app(quiz_gloss, plan, tmp_path / "p.db")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        exam = app.screen
        assert isinstance(exam, ExamScreen)
        await pilot.press(*typed(right_keys(plan.paper.questions[0])))
        await pilot.press("escape")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        text = shown(dialog)
        assert "离开考试吗？已答的题都已保存；再次运行同一命令可以接着考，计时不会停。" in text
        assert "回来时会按已答的题自动交卷" in text
        assert "Y或Enter：离开" in text and "放弃" not in text
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is exam and app.is_running
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert not app.is_running
    left = app.return_value
    assert isinstance(left, Leaving) and left.answered == 1 and not left.browser
    with open_store(tmp_path / "p.db") as store:
        [attempt] = store.attempts(exam_id=plan.exam_id)
        assert attempt.handed_in_at is None and len(store.answers(attempt.profile)) == 1


async def test_ctrl_q_in_an_exam_ends_with_the_same_words(
    quiz_gloss: Glossary, tmp_path: Path
) -> None:
    app = make_quiz_app(quiz_gloss, exam_plan(quiz_gloss), tmp_path / "p.db")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert not app.is_running
    assert isinstance(app.return_value, Leaving) and app.return_value.answered == 0


@pytest.mark.parametrize("web", [False, True])
def test_the_terminal_is_told_once_the_app_has_ended(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    quiz_gloss: Glossary,
    tmp_path: Path,
    web: bool,
) -> None:
    """In a terminal, one line on stderr after the app ends; a served tab's process has no
    terminal of its own (its stderr is the trainer's), so nothing there."""
    from carbon_glossary.session.progress import Progress

    left = Leaving(3, 20, 600.0, 60.0, None, web)
    monkeypatch.setattr(launch, "terminal_missing", lambda command: None)
    monkeypatch.setattr(launch.QuizApp, "run", lambda self: left)
    monkeypatch.setattr(launch.QuizApp, "is_web", property(lambda self: web))
    progress = Progress(tmp_path / "p.db", "测试者")
    assert launch.run_quiz(quiz_gloss, "zh", exam_plan(quiz_gloss), progress) == 0
    out, err = capsys.readouterr()
    assert out == ""
    if web:
        assert err == ""
    else:
        assert err == (
            "已离开考试，没有交卷：已答的 3/20 题都已保存；"
            "再次运行同一命令可以接着考，计时不会停（还剩 10:00）。\n"
        )
