"""The quiz screens as a person uses them: keys in, explanations and results on the screen,
and every answer in the progress store the moment it is given."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

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
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Sparkline, Static

from carbon_glossary.core.model import Glossary
from carbon_glossary.core.paper import score_paper
from carbon_glossary.core.quiz import Question
from carbon_glossary.i18n import t
from carbon_glossary.session.decks import PracticePlan, StudyPlan, record_answer
from carbon_glossary.store import AnswerRecord, open_store
from carbon_glossary.ui.plans import StatsPlan
from carbon_glossary.ui.screens.exam import ExamResultScreen, ExamScreen, QuestionPicker
from carbon_glossary.ui.screens.quiz import ConfirmDialog, QuizScreen
from carbon_glossary.ui.screens.stats import StatsScreen
from carbon_glossary.ui.widgets.bars import BarChart
from carbon_glossary.ui.widgets.question import QuestionView
from quiz_fixtures import answer_about


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return quiz_glossary()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "progress.db"


def flat(text: str) -> str:
    """``text`` without whitespace: lines wrap anywhere in Chinese text."""
    return re.sub(r"\s+", "", text)


def text_of(widget: Widget) -> str:
    """What a widget draws (all of it, not only what is scrolled into view), flattened.

    Rendered at the widget's outer size: at its content size, padding would push the text
    past the edge and crop a character wherever a line breaks."""
    size = widget.outer_size
    lines = widget.render_lines(Region(0, 0, size.width, size.height))
    return flat("".join(line.text for line in lines))


def screen_text(screen: object) -> str:
    """Every Static's text on the screen, flattened (what a person can read)."""
    from textual.screen import Screen

    assert isinstance(screen, Screen)
    return "\n".join(text_of(w) for w in screen.query(Static) if w.display)


def quiz(app: object) -> QuizScreen:
    from textual.app import App

    assert isinstance(app, App)
    screen = app.screen_stack[0]
    assert isinstance(screen, QuizScreen)
    return screen


async def answer(pilot: object, keys: list[str]) -> None:
    """Answer the question shown (after reading a new term's card, if one is shown)."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    screen = pilot.app.screen
    if isinstance(screen, QuizScreen) and screen.phase == "introducing":
        await pilot.press("enter")
        await settle(pilot)
    await pilot.press(*typed(keys))
    await pilot.press("enter")
    await settle(pilot)


# --- study ---


async def test_study_right_answer_is_explained_saved_and_scheduled(
    glossary: Glossary, db: Path
) -> None:
    clock = FakeClock()
    app = make_quiz_app(glossary, StudyPlan(seed=1), db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = quiz(app)
        question = screen.question
        assert question is not None
        # New terms come in document order: the first is 碳达峰. Its card comes first,
        # and the count of new terms goes down once it has been shown.
        assert question.term_id == glossary.terms[0].id
        assert screen.phase == "introducing" and not screen.view.display
        shown = screen_text(screen)
        assert flat("新学 14") in shown and flat(glossary.terms[0].definition[:12]) in shown
        await pilot.press("enter")
        await settle(pilot)
        assert screen.phase == "asking" and flat("新学 13") in screen_text(screen)
        clock.advance(4)
        await answer(pilot, right_keys(question))
        shown = screen_text(screen)
        assert flat("回答正确") in shown
        assert flat(question.pinyin) in shown and flat(question.source) in shown
        assert flat("已保存 1") in shown
    with open_store(db) as store:
        (record,) = store.answers(PROFILE)
        card = store.card(PROFILE, question.term_id)
    assert record.mode == "study" and record.correct and record.kind == question.kind
    assert record.elapsed_ms == 4000 and record.answered_at == clock.now()
    assert card is not None and card.reps == 1 and card.lapses == 0
    assert card.due > clock.now()


async def test_study_wrong_answer_shows_the_right_one_and_goes_in_the_mistake_book(
    glossary: Glossary, db: Path
) -> None:
    app = make_quiz_app(glossary, StudyPlan(seed=2), db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = quiz(app)
        question = screen.question
        assert question is not None
        await answer(pilot, wrong_keys(question))
        shown = screen_text(screen)
        assert flat("回答错误") in shown
        assert flat(f"正确答案：{question.answer}") in shown
        assert flat(question.definition[:10]) in shown
        # Enter goes on to the next term.
        await pilot.press("enter")
        await settle(pilot)
        assert screen.round.index == 1 and screen.question is not None
        assert screen.question.term_id == glossary.terms[1].id
    with open_store(db) as store:
        (record,) = store.answers(PROFILE)
        card = store.card(PROFILE, question.term_id)
        mistakes = store.mistakes(PROFILE)
    assert not record.correct and record.mode == "study"
    assert card is not None and card.reps == 1
    assert [m.term_id for m in mistakes] == [question.term_id]


async def test_study_with_nothing_due_says_when_the_next_card_is(
    glossary: Glossary, db: Path
) -> None:
    clock = FakeClock()
    app = make_quiz_app(glossary, StudyPlan(seed=1), db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        question = quiz(app).question
        assert question is not None
        await answer(pilot, right_keys(question))
    # Later the same day, no new terms allowed: the one card is not due for a while.
    clock.advance(60)
    app = make_quiz_app(glossary, StudyPlan(seed=1), db, clock, new_per_day=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = quiz(app)
        assert screen.phase == "empty"
        shown = screen_text(screen)
    assert flat("现在没有到期要复习的卡片") in shown
    assert flat("下一张卡片 2025-03-10 09:1") in shown and flat("分钟后") in shown
    assert flat("今天不学新术语") in shown


async def test_a_study_round_ends_with_a_summary_and_checks_again(
    glossary: Glossary, db: Path
) -> None:
    app = make_quiz_app(glossary, StudyPlan(seed=3), db, new_per_day=2)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = quiz(app)
        assert screen.round.deck is not None and len(screen.round.deck.questions) == 2
        for wrong in (False, True):
            question = screen.question
            assert question is not None
            await answer(pilot, wrong_keys(question) if wrong else right_keys(question))
            await pilot.press("enter")
            await settle(pilot)
        assert screen.phase == "done"
        shown = screen_text(screen)
        assert flat("答对 1/2") in shown and flat("错题本") in shown
        await pilot.press("enter")  # look for more due cards: none yet, and no new ones
        await settle(pilot)
        assert screen.phase == "empty"
        assert flat("现在没有到期要复习的卡片") in screen_text(screen)


# --- practice ---


async def test_practice_never_touches_the_schedule(glossary: Glossary, db: Path) -> None:
    app = make_quiz_app(glossary, PracticePlan(count=3, seed=5), db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = quiz(app)
        asked: list[Question] = []
        for _ in range(3):
            question = screen.question
            assert question is not None
            asked.append(question)
            await answer(pilot, right_keys(question))
            assert flat("回答正确") in screen_text(screen)
            await pilot.press("enter")
            await settle(pilot)
        assert screen.phase == "done" and flat("答对 3/3") in screen_text(screen)
    with open_store(db) as store:
        records = store.answers(PROFILE)
        cards = store.cards(PROFILE)
    assert cards == {}
    assert {r.mode for r in records} == {"practice"}
    assert sorted(r.term_id for r in records) == sorted(t for q in asked for t in q.term_ids)


async def test_practice_mistakes_replays_the_mistake_book(glossary: Glossary, db: Path) -> None:
    clock = FakeClock()
    by_text = {term.term: term for term in glossary.terms}

    def record(term_text: str, kind: str, correct: bool, minutes: int) -> AnswerRecord:
        at = clock.now() - timedelta(minutes=minutes)
        return answer_about(by_text[term_text], mode="practice", correct=correct, at=at, kind=kind)

    with open_store(db) as store:
        record_answer(store, record("碳中和", "pinyin", False, 30))
        record_answer(store, record("光伏", "en-term", False, 20))
        record_answer(store, record("风能", "term-def", False, 15))
        record_answer(store, record("风能", "term-def", True, 10))  # put right since
        record_answer(store, record("碳中和", "pinyin", False, 5))  # latest mistake first

    app = make_quiz_app(glossary, PracticePlan(mistakes=True, seed=1), db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = quiz(app)
        assert screen.round.deck is not None
        replayed = [(q.term, q.kind) for q in screen.round.deck.questions]
        assert replayed == [("碳中和", "pinyin"), ("光伏", "en-term")]
        for _ in replayed:
            question = screen.question
            assert question is not None
            await answer(pilot, right_keys(question))
            await pilot.press("enter")
            await settle(pilot)
        assert screen.phase == "done"
    with open_store(db) as store:
        assert store.mistakes(PROFILE) == []


@pytest.mark.parametrize("kind", ["term-def", "truefalse", "match"])
async def test_upper_case_letters_answer_too(glossary: Glossary, db: Path, kind: str) -> None:
    """Caps Lock on, or "A–D" read and typed as written: A–E, Y and N work as a–e, y, n."""
    app = make_quiz_app(glossary, PracticePlan(kinds=(kind,), count=1, seed=3), db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = quiz(app)
        question = screen.question
        assert question is not None and question.kind == kind
        keys = [key.upper() for key in right_keys(question)]
        assert all(key.isdigit() or key.isupper() for key in keys)
        await answer(pilot, keys)
        assert screen.phase == "revealed"
        assert flat("回答正确") in screen_text(screen)
        assert isinstance(app.screen, QuizScreen)  # no other screen opened by a capital
        await pilot.press("escape", "N")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen) and app.is_running
        await pilot.press("escape", "Y")
        await settle(pilot)
        assert not app.is_running


async def test_matching_by_number_then_letter(glossary: Glossary, db: Path) -> None:
    app = make_quiz_app(glossary, PracticePlan(kinds=("match",), count=1, seed=4), db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = quiz(app)
        question = screen.question
        assert question is not None and question.kind == "match"
        # Letters pair the highlighted term and move to the next one without a definition.
        await pilot.press("c")
        assert screen.round.state.pairs[0] == 2 and screen.round.state.item == 1
        await pilot.press("5", "a")
        assert screen.round.state.pairs[4] == 0 and screen.round.state.item == 1
        # Enter with terms still unpaired only says so, under the question, once.
        await pilot.press("enter", "enter", "enter")
        await settle(pilot)
        assert screen.phase == "asking"
        assert flat("还有术语没有配对") in screen_text(screen)
        assert not app._notifications  # no pile of toasts over the options
        # Taking a definition already given moves it: one definition per term.
        await pilot.press("2", "c")
        assert screen.round.state.pairs[:2] == [None, 2]
        assert flat("还有术语没有配对") not in screen_text(screen)
        await pilot.press(*wrong_keys(question))
        await pilot.press("enter")
        await settle(pilot)
        shown = screen_text(screen)
        assert screen.phase == "revealed" and flat("配对正确 0/5") in shown
        assert all(flat(f"“{item}”的定义是") in shown for item in question.items)
    with open_store(db) as store:
        records = store.answers(PROFILE)
    assert sorted(r.term_id for r in records) == sorted(question.item_ids)
    assert not any(r.correct for r in records)


async def test_page_down_shows_the_rest_of_a_long_question(glossary: Glossary, db: Path) -> None:
    """At 80×24 the fifth definition to pair is below the screen; PgDn brings it in."""
    app = make_quiz_app(glossary, PracticePlan(kinds=("match",), count=1, seed=4), db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view = quiz(app).view
        last = list(view.query("#q-options .question-row"))[-1]
        assert view.max_scroll_y > 0 and not view.region.contains_region(last.region)
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        assert view.region.contains_region(last.region)
        await pilot.press("pageup", "pageup")
        await pilot.pause()
        assert view.scroll_y == 0


async def test_escape_asks_before_leaving_and_loses_nothing(glossary: Glossary, db: Path) -> None:
    app = make_quiz_app(glossary, PracticePlan(count=5, seed=6), db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        question = quiz(app).question
        assert question is not None
        await answer(pilot, right_keys(question))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert flat("已答的 1 题都已保存") in screen_text(app.screen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen) and app.is_running
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert not app.is_running
    with open_store(db) as store:
        assert len(store.answers(PROFILE)) == len(question.term_ids)


async def test_language_switch_relabels_the_question(glossary: Glossary, db: Path) -> None:
    app = make_quiz_app(glossary, PracticePlan(kinds=("term-def",), count=2, seed=1), db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = quiz(app)
        assert flat("选出这个术语的正确定义") in screen_text(screen)
        await pilot.press("L")
        await pilot.pause()
        shown = screen_text(screen)
        assert flat("Choose the correct definition of this term.") in shown
        assert flat("Question 1/2") in shown


async def test_a_damaged_progress_file_is_moved_aside_with_a_notification(
    glossary: Glossary, db: Path
) -> None:
    with open_store(db) as store:  # a progress file of ours, then cut in half
        for index in range(200):
            store.record_answer(
                AnswerRecord(
                    profile="someone",
                    term_id=f"t{index}",
                    term_text="术" * 200,
                    category="",
                    kind="term-def",
                    mode="practice",
                    given="x",
                    correct=True,
                    elapsed_ms=1,
                    answered_at=datetime(2025, 3, 10, tzinfo=UTC),
                )
            )
    db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])
    app = make_quiz_app(glossary, PracticePlan(count=2, seed=1), db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any("已损坏" in m and "corrupt" in m for m in messages)
        question = quiz(app).question
        assert question is not None
        await answer(pilot, right_keys(question))
    assert any(p.name.startswith("progress.db.corrupt-") for p in db.parent.iterdir())
    with open_store(db) as store:
        assert len(store.answers(PROFILE)) == len(question.term_ids)


# --- exam ---


def exam(app: object) -> ExamScreen:
    from textual.app import App

    assert isinstance(app, App)
    screen = app.screen_stack[0]
    assert isinstance(screen, ExamScreen)
    return screen


async def test_exam_navigation_and_a_changed_answer(glossary: Glossary, db: Path) -> None:
    plan = exam_plan(glossary)
    app = make_quiz_app(glossary, plan, db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = exam(app)
        first = plan.paper.questions[0]
        assert first.answer_index is not None
        wrong = (first.answer_index + 1) % 4
        right = first.answer_index
        await pilot.press("abcd"[wrong], "enter")
        await settle(pilot)
        assert screen.index == 1
        # No feedback in an exam.
        assert "回答" not in screen_text(screen)
        await pilot.press("pageup")
        await settle(pilot)
        assert screen.index == 0 and screen.states[0].choice == wrong
        await pilot.press("abcd"[right], "pagedown")
        await settle(pilot)
        assert screen.index == 1 and screen.states[0].choice == right
        with open_store(db) as store:
            [kept] = store.answers(PROFILE)  # the changed answer replaced the first one
        assert kept.correct and kept.question == 1
        # The question list shows what is answered and jumps.
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, QuestionPicker)
        assert app.screen.rows[0][1] and not app.screen.rows[1][1]
        await pilot.press("down", "enter")  # the list opens on the current question
        await settle(pilot)
        assert app.screen is screen and screen.index == 2
        assert flat("已答 1/6") in screen_text(screen)
    with open_store(db) as store:
        records = store.answers(PROFILE)
    # Each answer was written when given; the change replaced the first, so the paper's
    # figures count the answer handed in. The exam's ids are on it.
    assert [r.correct for r in records] == [True]
    assert {(r.mode, r.exam_id, r.exam_title, r.attempt_id) for r in records} == {
        ("exam", plan.exam_id, plan.paper.title, screen.attempt_id)
    }


async def test_handing_in_asks_first_then_shows_and_records_the_result(
    glossary: Glossary, db: Path
) -> None:
    plan = exam_plan(glossary)
    clock = FakeClock()
    app = make_quiz_app(glossary, plan, db, clock)
    questions = plan.paper.questions
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = exam(app)
        # Right, wrong, right, and the rest unanswered.
        await pilot.press(*typed(right_keys(questions[0])), "enter")
        await pilot.press(*typed(wrong_keys(questions[1])), "enter")
        await pilot.press(*typed(right_keys(questions[2])), "enter")
        clock.advance(95)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert flat("还有 3 题没有作答（第 4、5、6 题）") in screen_text(app.screen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and not screen.finished
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        result_screen = app.screen
        assert isinstance(result_screen, ExamResultScreen)
        result = result_screen.result
        answers = {i: screen.states[i].given(q) for i, q in enumerate(questions[:3])}
        assert result == score_paper(plan.paper, answers)
        assert result.points == 2 and result.total == 6 and not result.passed
        shown = screen_text(result_screen)
        assert flat("得分 2 / 6（33.3%）") in shown and flat("不及格（及格线 60%）") in shown
        assert flat("用时 01:35") in shown and flat("作答 3/6 题") in shown
        assert flat("答错或未答的题（4）") in shown
        assert flat("你的答案：（未作答）") in shown
        for wrong in result.wrong:
            assert flat(f"第 {wrong.number} 题") in shown
            assert flat(wrong.question.source) in shown
        chart = result_screen.query_one("#result-categories", BarChart)
        figures = {row.label: row.figures for row in chart.rows}
        assert figures["核心概念"] == "1/3  33.3%"  # 1 right, 1 wrong, the matching unanswered
        assert figures["能源"].startswith("1/")  # true/false right, pinyin unanswered
        assert len(chart.rows) == len(result.by_category)
        assert flat("成绩已保存") in shown
    with open_store(db) as store:
        (stored,) = store.exam_results(PROFILE)
    assert stored.attempt_id == screen.attempt_id and stored.exam_id == plan.exam_id
    assert stored.score == 2 and stored.max_score == 6 and not stored.passed
    assert stored.pass_mark == pytest.approx(3.6)
    assert stored.finished_at - stored.started_at == timedelta(seconds=95)


async def test_time_up_hands_the_paper_in(glossary: Glossary, db: Path) -> None:
    plan = exam_plan(glossary)
    clock = FakeClock()
    app = make_quiz_app(glossary, plan, db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = exam(app)
        assert flat("剩余时间 10:00") in screen_text(screen)
        clock.advance(5 * 60 + 1)  # a warning when 5 minutes are left
        for _ in range(30):
            await pilot.pause(0.1)
            if app._notifications:
                break
        assert [n.message for n in app._notifications] == [
            t("session.exam.time_warning", minutes=5)
        ]
        await pilot.press(*typed(right_keys(plan.paper.questions[0])))
        await pilot.press("ctrl+s")  # a dialog is open when time runs out
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        clock.advance(5 * 60)
        for _ in range(40):  # the timer ticks every second
            await pilot.pause(0.1)
            if isinstance(app.screen, ExamResultScreen):
                break
        await settle(pilot)
        assert isinstance(app.screen, ExamResultScreen)
        assert app.screen.result.points == 1
        # Only the time-up message: the warnings are gone with the paper.
        assert [n.message for n in app._notifications] == [t("quizui.exam.time_up")]
    with open_store(db) as store:
        assert len(store.exam_results(PROFILE)) == 1
        records = store.answers(PROFILE)
    # The answer given is kept; every question left blank is written as a wrong answer.
    assert {r.question for r in records} == set(range(1, len(plan.paper.questions) + 1))
    assert [r.question for r in records if r.given] == [1]
    assert all(not r.correct for r in records if not r.given)


async def test_leaving_the_result_leaves_the_app(glossary: Glossary, db: Path) -> None:
    app = make_quiz_app(glossary, exam_plan(glossary), db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s", "y")
        await settle(pilot)
        assert isinstance(app.screen, ExamResultScreen)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExamResultScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert not app.is_running


# --- progress ---


async def test_stats_screen_shows_what_was_done(glossary: Glossary, db: Path) -> None:
    clock = FakeClock()
    app = make_quiz_app(glossary, PracticePlan(count=3, seed=5), db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = quiz(app)
        for wrong in (True, False, False):
            question = screen.question
            assert question is not None
            await answer(pilot, wrong_keys(question) if wrong else right_keys(question))
            await pilot.press("enter")
            await settle(pilot)
        missed = screen.round.verdicts[0].question
    app = make_quiz_app(glossary, StatsPlan(), db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        stats_screen = app.screen
        assert isinstance(stats_screen, StatsScreen) and stats_screen.stats is not None
        stats = stats_screen.stats
        shown = screen_text(stats_screen)
        assert flat(f"作答 {stats.answers} 次，答对 {stats.correct} 次") in shown
        chart = stats_screen.query_one("#stats-categories", BarChart)
        assert sum(int(row.figures.split()[0]) for row in chart.rows) == stats.answers
        activity = stats_screen.query_one("#stats-activity", Sparkline)
        assert activity.data is not None and len(activity.data) == 14
        assert activity.data[-1] == stats.answers and sum(activity.data) == stats.answers
        weakest = text_of(stats_screen.query_one("#stats-weakest", Static))
        assert flat(missed.term) in weakest or flat(missed.items[0]) in weakest
        assert flat("还没有考试记录") in shown


async def test_stats_from_the_browser_by_key(
    glossary: Glossary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from carbon_glossary.ui.app import CarbonGlossaryApp
    from carbon_glossary.ui.screens.browse import BrowseScreen

    monkeypatch.setenv("CARBON_GLOSSARY_DB", str(tmp_path / "browse.db"))
    app = CarbonGlossaryApp(glossary)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "p")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)
        assert flat("还没有答题记录") in screen_text(app.screen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)


async def test_the_browser_uses_the_profile_and_file_it_was_started_with(
    glossary: Glossary, tmp_path: Path
) -> None:
    """``browse --profile 王芳 --db room.db``: the progress screen opened from it is hers."""
    from carbon_glossary.session.progress import Progress
    from carbon_glossary.ui.app import CarbonGlossaryApp

    app = CarbonGlossaryApp(glossary)
    app.progress = Progress(tmp_path / "room.db", "王芳")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "p")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)
        assert app.screen.progress.profile == "王芳"
        assert "王芳" in app.screen.title
    assert (tmp_path / "room.db").exists()


async def test_practice_from_the_browser_palette_comes_back_to_it(
    glossary: Glossary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.command import CommandPalette

    from carbon_glossary.ui.app import CarbonGlossaryApp
    from carbon_glossary.ui.screens.browse import BrowseScreen

    monkeypatch.setenv("CARBON_GLOSSARY_DB", str(tmp_path / "browse.db"))
    app = CarbonGlossaryApp(glossary)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"练习")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.question is not None
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, BrowseScreen)


def test_question_view_has_no_bindings_of_its_own() -> None:
    """Arrow and page keys must reach the screen (options, questions), not scroll."""
    assert QuestionView._merged_bindings is None or not list(
        QuestionView._merged_bindings.key_to_bindings
    )


async def test_page_keys_leave_a_typing_box_for_the_next_question(
    glossary: Glossary, db: Path
) -> None:
    plan = exam_plan(glossary)
    app = make_quiz_app(glossary, plan, db)
    typing = next(i for i, q in enumerate(plan.paper.questions) if q.kind == "pinyin")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = exam(app)
        for _ in range(typing):
            await pilot.press("pagedown")
        assert screen.index == typing
        await pilot.press(*typed([*"chu3 neng2"]))
        assert screen.view.input.value == "chu3 neng2"  # letters and digits go into the box
        await pilot.press("left", "pagedown")  # ← edits the text, PgDn moves on
        await settle(pilot)
        assert screen.index == typing + 1
        await pilot.press("pageup")
        assert screen.index == typing and screen.view.input.value == "chu3 neng2"
    with open_store(db) as store:
        (saved,) = store.answers(PROFILE)
    assert saved.correct and saved.given == "chu3 neng2"


async def test_round_summary_names_only_the_terms_missed(glossary: Glossary, db: Path) -> None:
    app = make_quiz_app(glossary, PracticePlan(kinds=("match",), count=1, seed=8), db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = quiz(app)
        question = screen.question
        assert question is not None
        pairs = list(question.pairs)
        pairs[0], pairs[1] = pairs[1], pairs[0]  # two definitions swapped, three right
        for item, option in enumerate(pairs):
            await pilot.press(str(item + 1), "abcde"[option])
        await answer(pilot, [])
        assert flat("配对正确 3/5") in screen_text(screen)
        await pilot.press("enter")
        await settle(pilot)
        shown = screen_text(screen)
        assert flat(f"答错的术语：{question.items[0]}、{question.items[1]}。") in shown
        assert not any(flat(item) in shown for item in question.items[2:])
    with open_store(db) as store:
        wrong = {m.term_text for m in store.mistakes(PROFILE)}
    assert wrong == set(question.items[:2])


@pytest.mark.parametrize(
    "screen_class",
    [QuizScreen, ExamScreen, ExamResultScreen, StatsScreen],
    ids=lambda cls: cls.__name__,
)
def test_palette_footer_and_help_share_declarations(screen_class: type) -> None:
    """Each palette command of a quiz screen is one of its key bindings, with the same
    catalogue text, listed on the help screen, in both languages."""
    from carbon_glossary import i18n
    from carbon_glossary.ui import commands

    bound = {
        (binding.action, binding.description)
        for bindings in screen_class._merged_bindings.key_to_bindings.values()
        for binding in bindings
    }
    helped = {command for section in commands.SECTIONS for command in section.commands}
    for command in screen_class.PALETTE:
        assert command in helped
        if command.keys:
            assert (command.action, command.description) in bound
        for language in ("zh", "en"):
            i18n.set_language(language)
            assert command.title != command.description
            assert command.help != f"{command.description}.help"


async def test_a_progress_file_that_cannot_be_opened_is_reported_not_raised(
    glossary: Glossary, db: Path
) -> None:
    db.mkdir()  # a folder where the file should be: the store refuses it
    app = make_quiz_app(glossary, PracticePlan(count=2, seed=1), db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert len(errors) == 1
        assert str(db) in errors[0].message
        assert quiz(app).phase == "empty"  # the reason is shown in place of a question
        assert flat(errors[0].message) in screen_text(quiz(app))
