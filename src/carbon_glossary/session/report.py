"""The trainer's room report: who sat a paper, how each question and term fared.

Everything here is a pure function of the paper, the sittings (each attempt with the answers
as given) and the answers the trainer accepted later; every answer is graded again each time
(:func:`carbon_glossary.session.marking.grade_answer`), so accepting an answer regrades the
whole room without touching history.

The figures follow Moodle's quiz statistics (question/classes/statistics/questions/
calculator.php and mod/quiz/report/statistics):

- Each question is worth one mark (a matching question earns its share of right pairs).
- Which attempts are analysed: for each person, the handed-in attempt with the highest
  score (Moodle analyses the attempts that count for the grade, and its default grading
  method is "highest grade"); ties go to the earlier attempt. Attempts never handed in
  appear in the people table but not in the question figures.
- Facility: the mean mark ÷ the full mark.
- Discrimination index: the correlation between the question's mark and the rest of the
  test (the total minus this question), covariance ÷ √(variance × variance), each with
  n − 1; None when either variance is 0 or fewer than two attempts are analysed. Moodle
  prints it × 100; here it is a fraction, so 0.15 is Moodle's 15.
- Cronbach's α (Moodle's coefficient of internal consistency):
  k/(k−1) · (1 − Σ var(question) ÷ var(total)).
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Protocol

from carbon_glossary.core.paper import Paper
from carbon_glossary.core.quiz import Given, Question, Verdict, kind_name, option_label
from carbon_glossary.core.text import fit_cells, percent_figure
from carbon_glossary.i18n import t
from carbon_glossary.session.marking import grade_answer

if TYPE_CHECKING:
    from carbon_glossary.store import ProgressStore

__all__ = [
    "DISCRIMINATION_FLOOR",
    "FACILITY_FLOOR",
    "NOISY_BELOW",
    "PersonRow",
    "QuestionRow",
    "RoomReport",
    "Sitting",
    "Summary",
    "SummaryRow",
    "TermRow",
    "accepted_from_store",
    "answers_from_rows",
    "build_report",
    "cronbach_alpha",
    "discrimination",
    "merge_sittings",
    "printable",
    "regraded_results",
    "report_tables",
    "report_to_json",
    "short",
    "sittings_from_store",
    "summary_lines",
    "summary_rows",
    "table_headers",
    "time_taken_text",
]

FACILITY_FLOOR = 0.2
DISCRIMINATION_FLOOR = 0.15
NOISY_BELOW = 10


@dataclass(frozen=True, slots=True)
class Sitting:
    """One attempt at the paper, as recorded: who, when, and the answers as given
    (question index from 0 → the answer in a form :func:`check_answer` takes)."""

    attempt_id: str
    profile: str
    name: str
    department: str
    answers: Mapping[int, Given]
    started_at: datetime | None = None
    handed_in_at: datetime | None = None
    source: str = "screen"  # "screen", "browser" (``serve``) or "sheet" (marked from paper)

    @property
    def handed_in(self) -> bool:
        return self.handed_in_at is not None


@dataclass(frozen=True, slots=True)
class _Graded:
    sitting: Sitting
    verdicts: tuple[Verdict, ...]
    marks: tuple[Fraction, ...]

    @property
    def total(self) -> Fraction:
        return sum(self.marks, Fraction(0))

    @property
    def answered(self) -> int:
        return sum(1 for v in self.verdicts if not v.unanswered)


@dataclass(frozen=True, slots=True)
class PersonRow:
    """One person: the attempt that counts (see the module), and how many they made."""

    profile: str
    name: str
    department: str
    score_percent: float
    passed: bool
    answered: int
    questions: int
    time_taken_s: int | None  # None for a paper sitting or an attempt not handed in
    handed_in: bool
    attempts: int
    attempt_id: str
    source: str


@dataclass(frozen=True, slots=True)
class QuestionRow:
    number: int
    kind: str
    term: str
    facility: float | None
    discrimination: float | None
    options_chosen: dict[str, int]
    unanswered: int
    flagged: bool


@dataclass(frozen=True, slots=True)
class TermRow:
    term_id: str
    term: str
    wrong: int
    asked: int


@dataclass(frozen=True, slots=True)
class Summary:
    sittings: int  # attempts analysed: one per person who handed one in
    people: int
    attempts: int  # every attempt, handed in or not
    not_handed_in: int
    passed: int
    pass_rate: float | None
    mean_percent: float | None
    median_percent: float | None
    alpha: float | None
    noisy: bool


@dataclass(frozen=True, slots=True)
class RoomReport:
    exam_id: str
    title: str
    pass_mark_percent: float
    people: tuple[PersonRow, ...]
    questions: tuple[QuestionRow, ...]
    terms: tuple[TermRow, ...]
    summary: Summary
    accepted: Mapping[int, tuple[str, ...]] = field(default_factory=dict)


# --- statistics ---------------------------------------------------------------------------


def _sample_variance(values: Sequence[float]) -> float | None:
    return statistics.variance(values) if len(values) > 1 else None


def discrimination(marks: Sequence[float], totals: Sequence[float]) -> float | None:
    """Moodle's discrimination index as a fraction: the correlation of a question's marks
    with the rest of the test (each total minus the question's mark)."""
    n = len(marks)
    if n < 2:
        return None
    rest = [total - mark for mark, total in zip(marks, totals, strict=True)]
    mean_mark, mean_rest = sum(marks) / n, sum(rest) / n
    covariance = sum(
        (m - mean_mark) * (r - mean_rest) for m, r in zip(marks, rest, strict=True)
    ) / (n - 1)
    mark_variance = _sample_variance(marks) or 0.0
    rest_variance = _sample_variance(rest) or 0.0
    if mark_variance * rest_variance <= 0:
        return None
    return covariance / math.sqrt(mark_variance * rest_variance)


def cronbach_alpha(marks_by_question: Sequence[Sequence[float]]) -> float | None:
    """Cronbach's α of k questions (each a list of marks, one per attempt, same order)."""
    k = len(marks_by_question)
    if k < 2 or len(marks_by_question[0]) < 2:
        return None
    totals = [sum(column) for column in zip(*marks_by_question, strict=True)]
    total_variance = _sample_variance(totals) or 0.0
    if total_variance <= 0:
        return None
    question_variance = sum(_sample_variance(marks) or 0.0 for marks in marks_by_question)
    return k / (k - 1) * (1 - question_variance / total_variance)


# --- building the report ------------------------------------------------------------------


def merge_sittings(*sources: Iterable[Sitting]) -> list[Sitting]:
    """Sittings from several stores (a room's PCs), each attempt once. When one attempt is
    in two stores (a copied file), the fuller record wins: handed in, then more answers."""
    best: dict[str, Sitting] = {}
    for source in sources:
        for sitting in source:
            known = best.get(sitting.attempt_id)
            if known is None or _fullness(sitting) > _fullness(known):
                best[sitting.attempt_id] = sitting
    return list(best.values())


def _fullness(sitting: Sitting) -> tuple[bool, int]:
    answered = sum(1 for a in sitting.answers.values() if a is not None and a != "")
    return sitting.handed_in, answered


def _mark(question: Question, verdict: Verdict) -> Fraction:
    if question.mode == "match" and verdict.pairs_correct:
        return Fraction(sum(verdict.pairs_correct), len(verdict.pairs_correct))
    return Fraction(int(verdict.correct))


def _grade(paper: Paper, sitting: Sitting, accepted: Mapping[int, Sequence[str]]) -> _Graded:
    strict = paper.spec.tones == "strict"
    verdicts = tuple(
        grade_answer(q, sitting.answers.get(i), strict=strict, accepted=accepted.get(i, ()))
        for i, q in enumerate(paper.questions)
    )
    marks = tuple(_mark(q, v) for q, v in zip(paper.questions, verdicts, strict=True))
    return _Graded(sitting, verdicts, marks)


def _percent(points: Fraction, total: int) -> float:
    return float(points * 100 / total) if total else 0.0


def _passed(paper: Paper, points: Fraction) -> bool:
    total = len(paper.questions)
    return total > 0 and points * 100 >= Fraction(paper.spec.pass_mark_percent) * total


def _moment(graded: _Graded) -> float:
    moment = graded.sitting.handed_in_at or graded.sitting.started_at
    return moment.timestamp() if moment else 0.0


def _order_key(graded: _Graded) -> tuple[float, float, str]:
    """Best first: the higher score, then the earlier attempt (then the id, for a fixed order)."""
    return (-float(graded.total), _moment(graded), graded.sitting.attempt_id)


def _options_chosen(question: Question, verdicts: Sequence[Verdict]) -> dict[str, int]:
    if question.mode == "match":
        counts: Counter[str] = Counter()
        for verdict in verdicts:
            for item, pick in enumerate(verdict.pairs):
                if pick is not None:
                    counts[f"{item + 1}{option_label(pick)}"] += 1
        return dict(sorted(counts.items()))
    if question.mode == "typed-reading":
        typed = Counter(v.given for v in verdicts if not v.unanswered and v.given)
        return dict(typed.most_common(5))
    labels = (
        list(question.options)
        if question.mode == "truefalse"
        else [option_label(i) for i in range(len(question.options))]
    )
    chosen = dict.fromkeys(labels, 0)
    for verdict in verdicts:
        if verdict.chosen is not None:
            chosen[labels[verdict.chosen]] += 1
    # A typed answer that names no option (a broader term on a sheet, a slip) is counted
    # under its own text, after the options, most frequent first: every answer given is
    # somewhere, and "unanswered" counts only blanks.
    typed = Counter(
        verdict.given
        for verdict in verdicts
        if verdict.chosen is None and not verdict.unanswered and verdict.given
    )
    for text, count in typed.most_common():
        chosen[text] = chosen.get(text, 0) + count
    return chosen


def _question_term(question: Question) -> str:
    return "、".join(question.items) if question.mode == "match" else question.term


def build_report(
    paper: Paper,
    exam_id: str,
    sittings: Iterable[Sitting],
    accepted: Mapping[int, Sequence[str]] | None = None,
) -> RoomReport:
    """The room's figures for ``paper`` from every sitting given (merge several stores with
    :func:`merge_sittings` first); ``accepted`` maps a question index (from 0) to the answers
    the trainer accepted for it."""
    accepted = dict(accepted or {})
    graded = [_grade(paper, s, accepted) for s in merge_sittings(sittings)]
    by_person: dict[str, list[_Graded]] = {}
    for item in graded:
        by_person.setdefault(item.sitting.profile, []).append(item)

    people: list[PersonRow] = []
    counted: list[_Graded] = []
    total = len(paper.questions)
    for profile, items in by_person.items():
        handed_in = [g for g in items if g.sitting.handed_in]
        if handed_in:
            chosen = min(handed_in, key=_order_key)
            counted.append(chosen)
        else:  # only abandoned attempts: show the latest, as not handed in
            chosen = max(items, key=_moment)
        sitting = chosen.sitting
        taken = None
        if sitting.source != "sheet" and sitting.started_at and sitting.handed_in_at:
            taken = max(0, round((sitting.handed_in_at - sitting.started_at).total_seconds()))
        people.append(
            PersonRow(
                profile=profile,
                name=sitting.name or profile,
                department=sitting.department,
                score_percent=round(_percent(chosen.total, total), 2),
                passed=sitting.handed_in and _passed(paper, chosen.total),
                answered=chosen.answered,
                questions=total,
                time_taken_s=taken,
                handed_in=sitting.handed_in,
                attempts=len(items),
                attempt_id=sitting.attempt_id,
                source=sitting.source,
            )
        )
    people.sort(key=lambda p: (not p.handed_in, -p.score_percent, p.department, p.name))

    questions: list[QuestionRow] = []
    totals = [float(g.total) for g in counted]
    columns: list[list[float]] = []
    for index, question in enumerate(paper.questions):
        marks = [float(g.marks[index]) for g in counted]
        columns.append(marks)
        verdicts = [g.verdicts[index] for g in counted]
        facility = sum(marks) / len(marks) if marks else None
        index_d = discrimination(marks, totals)
        flagged = (facility is not None and facility < FACILITY_FLOOR) or (
            index_d is not None and index_d < DISCRIMINATION_FLOOR
        )
        questions.append(
            QuestionRow(
                number=index + 1,
                kind=question.kind,
                term=_question_term(question),
                facility=None if facility is None else round(facility, 4),
                discrimination=None if index_d is None else round(index_d, 4),
                options_chosen=_options_chosen(question, verdicts),
                unanswered=sum(1 for v in verdicts if v.unanswered),
                flagged=flagged,
            )
        )

    terms = _term_rows(paper, counted)
    percents = [_percent(g.total, total) for g in counted]
    passed = sum(1 for g in counted if _passed(paper, g.total))
    summary = Summary(
        sittings=len(counted),
        people=len(people),
        attempts=len(graded),
        not_handed_in=sum(1 for g in graded if not g.sitting.handed_in),
        passed=passed,
        pass_rate=round(passed / len(counted), 4) if counted else None,
        mean_percent=round(statistics.fmean(percents), 2) if percents else None,
        median_percent=round(statistics.median(percents), 2) if percents else None,
        alpha=_round(cronbach_alpha(columns) if columns else None),
        noisy=len(counted) < NOISY_BELOW,
    )
    accepted_numbers = {index + 1: tuple(answers) for index, answers in accepted.items()}
    return RoomReport(
        exam_id=exam_id,
        title=paper.title,
        pass_mark_percent=paper.spec.pass_mark_percent,
        people=tuple(people),
        questions=tuple(questions),
        terms=terms,
        summary=summary,
        accepted=accepted_numbers,
    )


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _term_rows(paper: Paper, counted: Sequence[_Graded]) -> tuple[TermRow, ...]:
    """Per term: how many people were asked about it and how many got it wrong (a term on
    two questions counts once per person: wrong if either answer was)."""
    tested: dict[str, tuple[str, list[tuple[int, int | None]]]] = {}  # id → (term, places)
    for index, question in enumerate(paper.questions):
        if question.mode == "match":
            for item, (term_id, term) in enumerate(
                zip(question.item_ids, question.items, strict=True)
            ):
                tested.setdefault(term_id, (term, []))[1].append((index, item))
        else:
            tested.setdefault(question.term_id, (question.term, []))[1].append((index, None))

    def right(graded: _Graded, index: int, item: int | None) -> bool:
        verdict = graded.verdicts[index]
        if item is None:
            return verdict.correct
        return bool(verdict.pairs_correct) and verdict.pairs_correct[item]

    rows = []
    for term_id, (term, places) in tested.items():
        wrong = sum(1 for g in counted if not all(right(g, i, item) for i, item in places))
        rows.append(TermRow(term_id, term, wrong, len(counted)))
    # most missed first; ties in the order the paper asks them (sorted() is stable)
    return tuple(sorted(rows, key=lambda row: -row.wrong))


# --- from a progress store ---------------------------------------------------------------


class _AnswerRow(Protocol):
    @property
    def question(self) -> int | None: ...
    @property
    def term_id(self) -> str: ...
    @property
    def given(self) -> str: ...


def answers_from_rows(paper: Paper, rows: Iterable[_AnswerRow]) -> dict[int, Given]:
    """A sitting's stored answers (the latest per question; a matching question one row per
    term, holding the option picked for it) as question index → answer as given."""
    answers: dict[int, Given] = {}
    picks: dict[int, dict[int, int]] = {}
    for row in rows:
        if row.question is None or not 1 <= row.question <= len(paper.questions):
            continue
        index = row.question - 1
        question = paper.questions[index]
        if question.mode != "match":
            answers[index] = row.given
            continue
        if row.term_id not in question.item_ids or row.given not in question.options:
            continue
        item = question.item_ids.index(row.term_id)
        picks.setdefault(index, {})[item] = question.options.index(row.given)
    for index, chosen in picks.items():
        answers[index] = chosen
    return answers


def sittings_from_store(store: ProgressStore, paper: Paper, exam_id: str) -> list[Sitting]:
    """Every attempt at the paper ``exam_id`` in one store, with its answers as given.

    A result handed in by a program that did not yet record attempts as they start (only its
    answers and its result are in the store) counts too, as a sitting on screen."""
    sittings = []
    for attempt in store.attempts(exam_id):
        name, department = attempt.display_name, attempt.department
        if not department and name in ("", attempt.profile):
            # A sitting that knew only the profile id (a served exam: the name and department
            # were given at the room's sign-in and saved with the profile).
            info = store.profile_info(attempt.profile)
            if info is not None:
                name, department = info.display_name or name, info.department
        sittings.append(
            Sitting(
                attempt_id=attempt.attempt_id,
                profile=attempt.profile,
                name=name or attempt.profile,
                department=department,
                answers=answers_from_rows(paper, store.attempt_answers(attempt.attempt_id)),
                started_at=attempt.started_at,
                handed_in_at=attempt.handed_in_at,
                source=attempt.source,
            )
        )
    known = {s.attempt_id for s in sittings}
    for result in store.exam_results(exam_id=exam_id):
        if result.attempt_id in known:
            continue
        known.add(result.attempt_id)
        info = store.profile_info(result.profile)
        sittings.append(
            Sitting(
                attempt_id=result.attempt_id,
                profile=result.profile,
                name=info.display_name if info and info.display_name else result.profile,
                department=info.department if info else "",
                answers=answers_from_rows(paper, store.attempt_answers(result.attempt_id)),
                started_at=result.started_at,
                handed_in_at=result.finished_at,
            )
        )
    return sittings


def accepted_from_store(store: ProgressStore, exam_id: str) -> dict[int, tuple[str, ...]]:
    """The answers accepted for the paper, as question index (from 0) → answers."""
    return {
        number - 1: tuple(answers)
        for number, answers in store.accepted_answers(exam_id).items()
        if number >= 1
    }


def regraded_results(
    paper: Paper, exam_id: str, sittings: Iterable[Sitting], accepted: Mapping[int, Sequence[str]]
) -> list[tuple[Sitting, float, bool]]:
    """Each handed-in sitting graded again with the accepted answers: (sitting, points,
    passed), for a store's results table to be brought in line after an answer is accepted
    (the answers themselves stay as given)."""
    out = []
    for sitting in sittings:
        if not sitting.handed_in:
            continue
        graded = _grade(paper, sitting, accepted)
        out.append((sitting, float(graded.total), _passed(paper, graded.total)))
    return out


# --- output ---------------------------------------------------------------------------

_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text from a store (a name typed on another PC) without control characters, so that
    no front end passes an escape sequence to a terminal."""
    return _CONTROLS.sub(" ", text)


def short(text: str, limit: int = 40) -> str:
    """An accepted answer as a line shows it: a whole definition cut to its start, at most
    ``limit`` terminal cells (20 hanzi), ending in … when cut."""
    return fit_cells(printable(text), limit)


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{round(value, 2) + 0.0:.2f}"  # never "-0.00"


def time_taken_text(person: PersonRow) -> str:
    """How long a person took, as every front end shows it: minutes and seconds (``25:00``,
    ``1:05:09`` from an hour), the word for a paper sitting, empty when not handed in.
    (Tables for spreadsheets keep the seconds, a number a trainer can sum.)"""
    if person.source == "sheet":
        return t("training.report.sheet")
    seconds = person.time_taken_s
    if seconds is None:
        return ""
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def _percent_text(value: float | None) -> str:
    return "–" if value is None else f"{percent_figure(value)}%"


def summary_lines(report: RoomReport) -> list[str]:
    """The summary in the interface language, as every front end shows it: sittings, pass
    rate, mean and median, α; attempts not handed in; the small-room warning; accepted
    answers. Empty when nobody sat the paper."""
    summary = report.summary
    if not summary.attempts:
        return [t("training.cli.no_sittings", title=printable(report.title))]
    rate = None if summary.pass_rate is None else summary.pass_rate * 100
    lines = [
        t(
            "training.report.summary",
            sittings=summary.sittings,
            passed=summary.passed,
            rate=_percent_text(rate),
            mean=_percent_text(summary.mean_percent),
            median=_percent_text(summary.median_percent),
            alpha=_figure(summary.alpha),
        )
    ]
    if summary.not_handed_in:
        lines.append(t("training.report.not_handed_in", count=summary.not_handed_in))
    if summary.noisy:
        lines.append(t("training.report.noisy", count=NOISY_BELOW))
    for number, answers in sorted(report.accepted.items()):
        shown = "、".join(short(a) for a in answers)
        lines.append(t("training.report.accepted", number=number, answers=shown))
    return lines


def table_headers() -> dict[str, list[str]]:
    """The report tables' column titles in the interface language."""
    names = ("summary", "room", "questions", "terms")
    return {name: t(f"training.report.table.{name}").split("|") for name in names}


PERCENT_FORMAT = "0.0"
"""A spreadsheet's number format for a per-cent figure: one decimal, as
:func:`~carbon_glossary.core.text.percent_figure` prints it (the column title says %)."""
FIGURE_FORMAT = "0.00"
"""A spreadsheet's number format for α, facility and discrimination, as the text report
prints them."""


@dataclass(frozen=True, slots=True)
class SummaryRow:
    """One line of the summary table: what it is, its value (a number a spreadsheet can
    compute with, or text), and the spreadsheet number format for a figure."""

    label: str
    value: object
    number_format: str | None = None


def _percent_value(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def summary_rows(report: RoomReport) -> list[SummaryRow]:
    """The summary as a table, in the interface language, with what
    :func:`summary_lines` says: sittings, passed, pass rate, mean, median, α, attempts not
    handed in, the small-room warning and accepted answers (the spreadsheets' summary)."""
    summary = report.summary
    rate = None if summary.pass_rate is None else summary.pass_rate * 100
    rows = [
        SummaryRow(t("training.report.row.paper"), printable(report.title)),
        SummaryRow(t("training.report.row.paper_id"), report.exam_id),
        SummaryRow(
            t("training.report.row.pass_mark"),
            _percent_value(float(report.pass_mark_percent)),
            PERCENT_FORMAT,
        ),
        SummaryRow(t("training.report.row.sittings"), summary.sittings),
        SummaryRow(t("training.report.row.passed"), summary.passed),
        SummaryRow(t("training.report.row.pass_rate"), _percent_value(rate), PERCENT_FORMAT),
        SummaryRow(
            t("training.report.row.mean"), _percent_value(summary.mean_percent), PERCENT_FORMAT
        ),
        SummaryRow(
            t("training.report.row.median"),
            _percent_value(summary.median_percent),
            PERCENT_FORMAT,
        ),
        SummaryRow(
            t("training.report.row.alpha"),
            None if summary.alpha is None else round(summary.alpha, 2),
            FIGURE_FORMAT,
        ),
        SummaryRow(t("training.report.row.not_handed_in"), summary.not_handed_in),
    ]
    if summary.noisy:
        rows.append(
            SummaryRow(t("training.report.row.note"), t("training.report.noisy", count=NOISY_BELOW))
        )
    for number, answers in sorted(report.accepted.items()):
        label = t("training.report.row.accepted", number=number)
        rows.append(SummaryRow(label, "、".join(printable(a) for a in answers)))
    return rows


def report_to_json(report: RoomReport) -> dict[str, Any]:
    """The report as plain data; keys are stable and language-independent."""
    summary = report.summary
    return {
        "exam": {
            "id": report.exam_id,
            "title": report.title,
            "pass_mark_percent": report.pass_mark_percent,
            "accepted": {str(n): list(a) for n, a in sorted(report.accepted.items())},
        },
        "people": [
            {
                "name": p.name,
                "department": p.department,
                "profile": p.profile,
                "score_percent": p.score_percent,
                "passed": p.passed,
                "answered": p.answered,
                "questions": p.questions,
                "time_taken_s": p.time_taken_s,
                "handed_in": p.handed_in,
                "attempts": p.attempts,
                "attempt_id": p.attempt_id,
                "source": p.source,
            }
            for p in report.people
        ],
        "questions": [
            {
                "number": q.number,
                "kind": q.kind,
                "term": q.term,
                "facility": q.facility,
                "discrimination": q.discrimination,
                "options_chosen": q.options_chosen,
                "unanswered": q.unanswered,
                "flagged": q.flagged,
            }
            for q in report.questions
        ],
        "terms": [
            {"term_id": r.term_id, "term": r.term, "wrong": r.wrong, "asked": r.asked}
            for r in report.terms
        ],
        "summary": {
            "sittings": summary.sittings,
            "people": summary.people,
            "attempts": summary.attempts,
            "not_handed_in": summary.not_handed_in,
            "passed": summary.passed,
            "pass_rate": summary.pass_rate,
            "mean_percent": summary.mean_percent,
            "median_percent": summary.median_percent,
            "alpha": summary.alpha,
            "noisy": summary.noisy,
        },
    }


Table = tuple[list[str], list[list[object]]]


def _options_text(chosen: Mapping[str, int]) -> str:
    return " ".join(f"{label}:{count}" for label, count in chosen.items())


def report_tables(
    report: RoomReport, headers: Mapping[str, Sequence[str]] | None = None
) -> dict[str, Table]:
    """The four tables (``summary``, ``room``, ``questions``, ``terms``) as header + rows
    of plain values, for CSV, XLSX and screens, in the interface language (question kinds
    by name: 术语→定义, 写拼音 …; scores in per cent with one decimal); ``headers`` gives
    each table's column titles (by default :func:`table_headers`), in the order the rows
    are written."""
    headers = headers or table_headers()
    room: list[list[object]] = [
        [
            p.name,
            p.department,
            _percent_value(p.score_percent),
            p.passed,
            f"{p.answered}/{p.questions}",
            p.time_taken_s,
            p.handed_in,
            p.attempts,
        ]
        for p in report.people
    ]
    questions: list[list[object]] = [
        [
            q.number,
            kind_name(q.kind),
            q.term,
            q.facility,
            q.discrimination,
            _options_text(q.options_chosen),
            q.unanswered,
            q.flagged,
        ]
        for q in report.questions
    ]
    terms: list[list[object]] = [[r.term, r.wrong, r.asked] for r in report.terms]
    summary: list[list[object]] = [[row.label, row.value] for row in summary_rows(report)]
    return {
        "summary": (list(headers["summary"]), summary),
        "room": (list(headers["room"]), room),
        "questions": (list(headers["questions"]), questions),
        "terms": (list(headers["terms"]), terms),
    }
