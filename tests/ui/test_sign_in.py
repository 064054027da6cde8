"""The sign-in form before an exam: Tab between the fields, Enter submits and then starts,
Esc goes back or leaves; the exam header shows who is sitting."""

from __future__ import annotations

from pathlib import Path

from quiz_support import SIZE, exam_plan, make_quiz_app, quiz_glossary, settle
from textual.widgets import Input

from carbon_glossary.session.sitter import SignInPlan
from carbon_glossary.store import open_store
from carbon_glossary.ui.screens.exam import ExamScreen
from carbon_glossary.ui.screens.sign_in import SignInScreen


async def test_tab_enter_confirm_and_the_exam_runs_as_the_person(tmp_path: Path) -> None:
    glossary = quiz_glossary()
    plan = SignInPlan(exam_plan(glossary))
    db = tmp_path / "p.db"
    app = make_quiz_app(glossary, plan, db)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SignInScreen)
        await pilot.press(*"Alice Wang")
        await pilot.press("enter")  # no department yet: said, and the cursor goes there
        assert screen.message == "请填写部门。"
        assert app.focused is screen.query_one("#sign-in-department", Input)
        await pilot.press(*"区发改局", "enter")
        assert screen.confirming is not None
        assert "Alice Wang（区发改局）" in screen.message
        await pilot.press("escape")  # back to the form, nothing started
        assert screen.confirming is None and app.screen is screen
        await pilot.press("shift+tab")  # Tab order: back to the name
        assert app.focused is screen.query_one("#sign-in-name", Input)
        await pilot.press("enter", "enter")
        await settle(pilot)
        exam = app.screen
        assert isinstance(exam, ExamScreen)
        assert exam.sub_title == "Alice Wang（区发改局）"
        assert exam.sitting.profile == "alice wang"
        attempt_id = exam.attempt_id
    with open_store(db) as store:
        info = store.profile_info("alice wang")
        assert info is not None and info.display_name == "Alice Wang"
        [attempt] = store.attempts(profile="alice wang")
        assert attempt.attempt_id == attempt_id and attempt.department == "区发改局"


async def test_escape_on_the_form_leaves_without_a_sitting(tmp_path: Path) -> None:
    glossary = quiz_glossary()
    db = tmp_path / "p.db"
    app = make_quiz_app(glossary, SignInPlan(exam_plan(glossary), name="张三"), db)
    async with app.run_test(size=SIZE) as pilot:
        assert app.screen.query_one("#sign-in-name", Input).value == "张三"
        await pilot.press("escape")
        await pilot.pause()
    assert not app.is_running
    if db.exists():
        with open_store(db) as store:
            assert store.attempts() == []


async def test_over_the_limit_the_form_says_so_and_no_exam_starts(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from carbon_glossary.store import Attempt

    glossary = quiz_glossary()
    exam = exam_plan(glossary)
    db = tmp_path / "p.db"
    now = datetime(2025, 3, 10, 1, 0, tzinfo=UTC)
    with open_store(db) as store:
        store.start_attempt(
            Attempt("a1", exam.exam_id, "卷", "张三", "张三", "办公室", now, 600, None, "screen")
        )
        store.hand_in("a1", now)
    app = make_quiz_app(glossary, SignInPlan(exam, limit=1), db)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press(*"张三", "tab", *"办公室", "enter", "enter")
        await settle(pilot)
        assert app.screen is screen and screen.confirming is None
        assert "每人最多 1 次" in screen.message
    with open_store(db) as store:
        assert [a.attempt_id for a in store.attempts()] == ["a1"]


async def test_with_a_roster_the_name_is_picked_from_the_list(tmp_path: Path) -> None:
    from textual.widgets import OptionList

    from carbon_glossary.session.roster import Roster, RosterEntry

    glossary = quiz_glossary()
    roster = Roster(
        (
            RosterEntry("王小明", "发展改革局"),
            RosterEntry("Alice Wang", "财政局", "0012"),
            RosterEntry("王芳", "办公室"),
        )
    )
    db = tmp_path / "p.db"
    app = make_quiz_app(glossary, SignInPlan(exam_plan(glossary), roster=roster), db)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SignInScreen)
        assert not screen.query("#sign-in-department")  # the roster has the departments
        listed = screen.query_one("#sign-in-roster", OptionList)
        assert listed.option_count == 3
        await pilot.press("王")  # typing filters the list
        assert listed.option_count == 2
        await pilot.press("backspace", *"李四", "enter")  # not on the roster: refused
        assert screen.confirming is None and "名单上没有" in screen.message
        for _ in "李四":
            await pilot.press("backspace")
        await pilot.press(*"alice", "tab", "enter")  # to the list, pick the one shown
        assert screen.query_one("#sign-in-name", Input).value == "Alice Wang"
        assert screen.confirming is not None and "Alice Wang（财政局）" in screen.message
        await pilot.press("enter")  # Enter again: start
        await settle(pilot)
        exam = app.screen
        assert isinstance(exam, ExamScreen)
        assert exam.sub_title == "Alice Wang（财政局）"
    with open_store(db) as store:
        [attempt] = store.attempts(profile="alice wang")
        assert (attempt.display_name, attempt.department) == ("Alice Wang", "财政局")
