"""One view of a person's progress, rendered by the command line and the progress screen."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from carbon_glossary.core.text import percent_figure
from carbon_glossary.i18n import t
from carbon_glossary.session.exam import ExamSitting
from carbon_glossary.session.progress import Progress
from carbon_glossary.session.stats import percent, read_stats, stats_to_json, stats_view
from carbon_glossary.session.writer import AnswerWriter
from carbon_glossary.subcommands.quiz import stats_lines
from quiz_fixtures import PROFILE, FakeClock, exam_plan, quiz_glossary


def test_a_failed_exam_shows_as_failed_everywhere(tmp_path: Path) -> None:
    """A candidate who answered one question right and left the rest blank: not 100 %."""
    glossary = quiz_glossary()
    clock = FakeClock()
    progress = Progress(tmp_path / "p.db", PROFILE)
    sitting = ExamSitting(glossary, exam_plan(glossary), PROFILE, AnswerWriter(progress), clock)
    question = sitting.question
    assert question.answer_index is not None
    sitting.state.pick(question, question.answer_index)
    sitting.answer_changed()
    clock.advance(60)
    sitting.hand_in().saved.result(timeout=10)
    stats = read_stats(progress.store(), PROFILE, glossary, clock.now() + timedelta(minutes=1))
    progress.close()

    view = stats_view(stats, glossary, clock.now())
    rows = sum(len(q.term_ids) for q in sitting.questions)
    assert stats.correct == 1 and stats.answers == rows
    assert view.summary[0] == t(
        "quizui.stats.summary", answers=rows, correct=1, accuracy=f"{percent_figure(100 / rows)}%"
    )
    assert stats.mistakes > 0 and view.exams[0].verdict == "不及格"
    data = stats_to_json(stats)
    assert data["accuracy"] == round(1 / rows, 4) and data["exams"][0]["passed"] is False
    # The command line prints exactly the view's words.
    text = "\n".join(stats_lines(view))
    for line in view.summary:
        assert line in text
    for category in view.categories:
        assert category.figures in text
    assert view.exams[0].title in text and view.exams[0].score in text


def test_shares_are_printed_with_the_reports_one_decimal() -> None:
    """正确率 and exam scores in ``stats`` and the progress screen read as the room report's
    figures do (50.0%, 66.7%), not rounded to whole per cents (50%, 67%)."""
    assert percent(0.5) == "50.0%"
    assert percent(2 / 3) == "66.7%"
    assert percent(1.0) == "100.0%"
    assert percent(0.0) == "0.0%"
    assert percent(None) == "–"
