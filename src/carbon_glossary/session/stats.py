"""One person's progress figures, as every front end shows them.

The store gathers the rows (:class:`~carbon_glossary.store.Stats`); :func:`stats_view`
turns them into the words and figures people read: the summary, one row per category, the
activity of the last days, the weakest terms and past exams. ``carbon-glossary stats`` prints
this view as text, ``stats --json`` writes :func:`stats_to_json`, and the progress screen
draws the same view with bars and a sparkline, so the three never disagree.

Text from the glossary or the store is passed on as it is: each front end makes control
characters visible its own way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from carbon_glossary.core.text import percent_figure
from carbon_glossary.i18n import t

if TYPE_CHECKING:
    from carbon_glossary.core.model import Glossary
    from carbon_glossary.store import ProgressStore, Stats

__all__ = [
    "ACTIVITY_DAYS",
    "CategoryRow",
    "ExamRow",
    "StatsView",
    "TermRow",
    "percent",
    "read_stats",
    "stats_to_json",
    "stats_view",
]

ACTIVITY_DAYS = 14
"""How many days of activity are shown, today included."""


def percent(share: float | None) -> str:
    """``81.0%`` for 0.81 (one decimal, as the room report prints a per cent:
    :func:`~carbon_glossary.core.text.percent_figure`), or ``–`` when there is nothing to
    divide."""
    return "–" if share is None else f"{percent_figure(share * 100)}%"


@dataclass(frozen=True, slots=True)
class CategoryRow:
    """A category's answers: its name, the share right (None: no answers) and the figures."""

    label: str
    share: float | None
    figures: str


@dataclass(frozen=True, slots=True)
class TermRow:
    """One of the weakest terms; ``removed``: no longer in the glossary."""

    term: str
    removed: bool
    category: str
    right_of: str
    percent: str


@dataclass(frozen=True, slots=True)
class ExamRow:
    """One past exam result, newest first."""

    finished: str
    title: str
    score: str
    percent: str
    passed: bool
    verdict: str


@dataclass(frozen=True, slots=True)
class StatsView:
    """Everything a front end shows about one person's progress, in the interface language."""

    title: str
    summary: tuple[str, ...]
    categories: tuple[CategoryRow, ...]
    activity_title: str
    activity: tuple[int, ...]
    activity_caption: str
    weakest: tuple[TermRow, ...]
    exams: tuple[ExamRow, ...]


def read_stats(
    store: ProgressStore, profile: str, glossary: Glossary | None, now: datetime
) -> Stats:
    """The person's figures from the store (blocks: call it from a worker thread). Cards
    due count only terms still in the glossary, when one is given."""
    term_ids = [term.id for term in glossary.terms] if glossary is not None else None
    return store.stats(profile, now, ACTIVITY_DAYS, term_ids=term_ids)


def stats_view(stats: Stats, glossary: Glossary | None, now: datetime) -> StatsView:
    """The figures in words, dates in ``now``'s timezone."""
    if stats.answers:
        first = t(
            "quizui.stats.summary",
            answers=stats.answers,
            correct=stats.correct,
            accuracy=percent(stats.accuracy),
        )
    else:
        first = t("quizui.stats.nothing_yet")
    cards = t(
        "quizui.stats.cards",
        cards=stats.cards,
        due=stats.due_today,
        new=stats.new_today,
        mistakes=stats.mistakes,
    )
    categories = tuple(
        CategoryRow(
            c.category or t("stats.uncategorised"),
            c.accuracy,
            t(
                "quizui.stats.category_figures",
                answers=c.answers,
                correct=c.correct,
                accuracy=percent(c.accuracy),
            ),
        )
        for c in stats.categories
    )
    caption = ""
    if stats.days:
        caption = t(
            "quizui.stats.activity_caption",
            first=stats.days[0].day.strftime("%m-%d"),
            last=stats.days[-1].day.strftime("%m-%d"),
            most=max(d.answers for d in stats.days),
            today=stats.days[-1].answers,
        )
    weakest = tuple(
        TermRow(
            term=w.term_text,
            removed=glossary is not None and glossary.by_id(w.term_id) is None,
            category=w.category or t("stats.uncategorised"),
            right_of=t("quizui.stats.right_of", right=w.correct, answers=w.answers),
            percent=percent(w.accuracy),
        )
        for w in stats.weakest
    )
    exams = tuple(
        ExamRow(
            finished=e.finished_at.astimezone(now.tzinfo).strftime("%Y-%m-%d %H:%M"),
            title=e.exam_title,
            score=f"{e.score:g}/{e.max_score:g}",
            percent=percent(None if e.percent is None else e.percent / 100),
            passed=e.passed,
            verdict=t("quizui.stats.passed" if e.passed else "quizui.stats.failed"),
        )
        for e in stats.exams
    )
    return StatsView(
        title=t("quizui.stats.title", profile=stats.profile),
        summary=(first, cards),
        categories=categories,
        activity_title=t("quizui.stats.activity", days=len(stats.days) or ACTIVITY_DAYS),
        activity=tuple(d.answers for d in stats.days),
        activity_caption=caption,
        weakest=weakest,
        exams=exams,
    )


def _accuracy(correct: int, answers: int) -> float | None:
    return round(correct / answers, 4) if answers else None


def stats_to_json(stats: Stats) -> dict[str, Any]:
    """The figures as plain data; keys are stable and language-independent."""
    return {
        "profile": stats.profile,
        "answers": stats.answers,
        "correct": stats.correct,
        "accuracy": _accuracy(stats.correct, stats.answers),
        "categories": [
            {
                "category": c.category,
                "answers": c.answers,
                "correct": c.correct,
                "accuracy": _accuracy(c.correct, c.answers),
            }
            for c in stats.categories
        ],
        "days": [
            {"date": d.day.isoformat(), "answers": d.answers, "correct": d.correct}
            for d in stats.days
        ],
        "weakest": [
            {
                "term_id": w.term_id,
                "term": w.term_text,
                "category": w.category,
                "answers": w.answers,
                "correct": w.correct,
                "accuracy": _accuracy(w.correct, w.answers),
                "last_answered_at": w.last_answered_at.isoformat(),
            }
            for w in stats.weakest
        ],
        "mistakes": stats.mistakes,
        "cards": stats.cards,
        "due_today": stats.due_today,
        "new_today": stats.new_today,
        "exams": [
            {
                "exam_id": e.exam_id,
                "title": e.exam_title,
                "attempt_id": e.attempt_id,
                "score": e.score,
                "max_score": e.max_score,
                "percent": round(e.percent, 2) if e.percent is not None else None,
                "pass_mark": e.pass_mark,
                "passed": e.passed,
                "started_at": e.started_at.isoformat(),
                "finished_at": e.finished_at.isoformat(),
            }
            for e in stats.exams
        ],
    }
