"""What a quiz session asks and what it writes: decks of questions and answer records.

The command line uses these functions for its checks before a screen starts (``study`` with
nothing due, ``practice --mistakes`` with an empty book); the rounds and sittings call them
from a screen's worker threads, since every store call blocks.

Three plans: :class:`StudyPlan` (spaced repetition, mode ``study``), :class:`PracticePlan`
(mode ``practice``, never changes the schedule) and :class:`ExamPlan` (a built paper).
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from carbon_glossary.core.kinds.spec import registered
from carbon_glossary.core.quiz import Question, Verdict, kind_names, make_question, make_quiz
from carbon_glossary.i18n import t

if TYPE_CHECKING:
    from carbon_glossary.core.model import Glossary
    from carbon_glossary.core.paper import Paper
    from carbon_glossary.core.scheduling import CardState, Settings
    from carbon_glossary.session.sitter import Sitter
    from carbon_glossary.store import AnswerRecord, Attempt, Mode, ProgressStore

__all__ = [
    "DEFAULT_PRACTICE_COUNT",
    "STUDY_KINDS",
    "Deck",
    "ExamPlan",
    "PracticePlan",
    "ResumedSitting",
    "StudyPlan",
    "answer_records",
    "empty_mistake_book_message",
    "exam_id_for",
    "format_due",
    "format_wait",
    "next_due",
    "nothing_due_message",
    "practice_deck",
    "record_answer",
    "study_deck",
]

DEFAULT_PRACTICE_COUNT = 10
# A matching question tests five terms at once; as a study review it would reschedule four
# cards that were not due. Study asks about one term at a time.
STUDY_KINDS: tuple[str, ...] = tuple(spec.name for spec in registered() if spec.in_study)


@dataclass(frozen=True, slots=True)
class StudyPlan:
    """Spaced repetition: due cards first, then new terms up to the daily allowance
    (set on the :class:`~carbon_glossary.session.progress.Progress`)."""

    kinds: tuple[str, ...] = STUDY_KINDS
    seed: int | None = None

    @property
    def mode(self) -> Mode:
        return "study"


@dataclass(frozen=True, slots=True)
class PracticePlan:
    """Practice that never touches the schedule; ``mistakes`` replays the mistake book.
    ``count`` None means 10, or every term in the mistake book."""

    kinds: tuple[str, ...] = ()
    count: int | None = None
    category: str | None = None
    mistakes: bool = False
    seed: int | None = None

    @property
    def mode(self) -> Mode:
        return "practice"


@dataclass(frozen=True, slots=True)
class ExamPlan:
    """One sitting of an exam paper; ``exam_id`` is the same for everyone taking it.
    ``resume``: the person's interrupted sitting of this paper, carried on rather than
    started afresh (see :func:`carbon_glossary.session.exam.interrupted_sitting`).
    ``sitter``: who signed in (None: the progress's profile, shown by its id)."""

    paper: Paper
    exam_id: str
    resume: ResumedSitting | None = None
    sitter: Sitter | None = None

    @property
    def mode(self) -> Mode:
        return "exam"


@dataclass(frozen=True, slots=True)
class ResumedSitting:
    """A sitting recorded when it started and never handed in, with its answers as they
    stand (the latest to each question)."""

    attempt: Attempt
    answers: tuple[AnswerRecord, ...]

    @property
    def answered(self) -> int:
        """How many questions have an answer (a question counts once, however many terms
        it pairs or however often it was changed)."""
        return len({a.question for a in self.answers if a.given})


@dataclass(frozen=True, slots=True)
class Deck:
    """The questions of one round, or (when there are none) why, in words for people."""

    questions: tuple[Question, ...]
    empty_message: str = ""
    cards_due: int = 0
    new_terms: int = 0
    new_ids: frozenset[str] = frozenset()
    """Study: the terms never studied before, whose card is shown before they are asked."""
    notice: str = ""
    """Why the round has fewer questions than were asked for ("" when it has them all)."""


def exam_id_for(paper: Paper) -> str:
    """A short id for the paper's content: the same spec and glossary give the same paper
    and so the same id on every machine, which lets a trainer gather one room's answers."""
    data = json.dumps(_paper_json(paper), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def _paper_json(paper: Paper) -> object:
    from carbon_glossary.core.paper import paper_to_json

    data = paper_to_json(paper)
    # How often a person may sit it and the order they see the options in do not make it
    # another paper: the room's sittings stay one paper in the report, and one count.
    data.pop("attempts", None)
    data.pop("shuffle", None)
    return data


def study_deck(
    glossary: Glossary,
    store: ProgressStore,
    profile: str,
    now: datetime,
    plan: StudyPlan,
    rng: random.Random,
    settings: Settings | None = None,
) -> Deck:
    """The terms to study now (due first, then new ones), one question each."""
    from carbon_glossary.core.scheduling import DEFAULT_SETTINGS, study_queue

    settings = settings or DEFAULT_SETTINGS
    term_ids = [term.id for term in glossary.terms]
    cards = store.cards(profile)
    new_today = store.new_cards_introduced_today(profile, now)
    queue = study_queue(term_ids, cards, now, new_today=new_today, settings=settings)
    questions: list[Question] = []
    due = 0
    new_ids: set[str] = set()
    for term_id in queue:
        term = glossary.by_id(term_id)
        if term is None:
            continue
        made = make_quiz(glossary, plan.kinds, 1, rng, terms=[term])
        if not made:
            continue  # no kind can be asked about this term
        questions.append(made[0])
        if term_id in cards:
            due += 1
        else:
            new_ids.add(term_id)
    if questions:
        return Deck(
            tuple(questions), cards_due=due, new_terms=len(new_ids), new_ids=frozenset(new_ids)
        )
    return Deck((), nothing_due_message(glossary, store, profile, now, settings))


def next_due(glossary: Glossary, store: ProgressStore, profile: str) -> datetime | None:
    """When the person's next card (of a term still in the glossary) comes due."""
    ids = {term.id for term in glossary.terms}
    dues = [card.due for term_id, card in store.cards(profile).items() if term_id in ids]
    return min(dues) if dues else None


def format_wait(moment: datetime, now: datetime) -> str:
    """How long until ``moment``: ``约 10 分钟后``, ``约 3 小时后``, ``约 4 天后``."""
    wait = moment - now
    if wait <= timedelta(0):
        return t("quizui.due.now")
    if wait < timedelta(hours=1):
        return t("quizui.due.minutes", n=max(1, round(wait.total_seconds() / 60)))
    if wait < timedelta(hours=48):
        return t("quizui.due.hours", n=round(wait.total_seconds() / 3600))
    return t("quizui.due.days", n=round(wait.total_seconds() / 86400))


def format_due(moment: datetime, now: datetime) -> str:
    """``2025-03-10 14:05（约 3 小时后）`` in the timezone of ``now``."""
    local = moment.astimezone(now.tzinfo)
    when = local.strftime("%Y-%m-%d %H:%M")
    return t("quizui.due.at", when=when, relative=format_wait(moment, now))


def nothing_due_message(
    glossary: Glossary,
    store: ProgressStore,
    profile: str,
    now: datetime,
    settings: Settings | None = None,
) -> str:
    """Why there is nothing to study now, and when the next card comes due."""
    from carbon_glossary.core.scheduling import DEFAULT_SETTINGS

    parts = [t("quizui.study.nothing_due")]
    upcoming = next_due(glossary, store, profile)
    if upcoming is not None:
        parts.append(t("quizui.study.next_due", when=format_due(upcoming, now)))
    allowance = (settings or DEFAULT_SETTINGS).new_per_day
    studied = store.cards(profile)
    unseen = sum(1 for term in glossary.terms if term.id not in studied)
    if unseen == 0:
        parts.append(t("quizui.study.all_seen", count=len(glossary.terms)))
    elif allowance == 0:
        parts.append(t("quizui.study.no_new"))
    else:
        parts.append(t("quizui.study.new_done", count=allowance))
    return "".join(parts)


def practice_deck(
    glossary: Glossary,
    store: ProgressStore | None,
    profile: str,
    plan: PracticePlan,
    rng: random.Random,
) -> Deck:
    """A practice round: a mix of kinds over the glossary (or a category), or the
    person's mistake book, each term asked again as the kind they got wrong if it can be."""
    if not plan.mistakes:
        count = plan.count or DEFAULT_PRACTICE_COUNT
        questions = make_quiz(glossary, plan.kinds, count, rng, category=plan.category)
        if len(questions) >= count:
            return Deck(tuple(questions))
        return _short_deck(glossary, plan, count, questions)
    assert store is not None
    wanted = list(plan.kinds) or list(kind_names())
    questions = []
    for mistake in store.mistakes(profile):
        term = glossary.by_id(mistake.term_id)
        if term is None or (plan.category is not None and term.category != plan.category):
            continue
        made = None
        if mistake.kind in wanted:
            made = make_question(glossary, term, mistake.kind, rng)
        if not isinstance(made, Question):
            others = make_quiz(glossary, wanted, 1, rng, terms=[term])
            made = others[0] if others else None
        if made is not None:
            questions.append(made)
        if plan.count is not None and len(questions) >= plan.count:
            break
    if questions:
        if plan.count is not None and len(questions) < plan.count:
            # As a short practice round does: say why there are fewer than asked for.
            notice = t("practice.mistakes_short", made=len(questions), count=plan.count)
            return Deck(tuple(questions), notice=notice)
        return Deck(tuple(questions))
    if plan.category:
        return Deck((), t("quizui.practice.no_mistakes_category", category=plan.category))
    return Deck((), empty_mistake_book_message(store, profile))


def _short_deck(
    glossary: Glossary, plan: PracticePlan, count: int, questions: list[Question]
) -> Deck:
    """A practice round with fewer questions than asked for, saying how many could be made
    and why: the terms are too few, or some cannot be asked as the kinds chosen."""
    from carbon_glossary.core.shortfall import unsupported

    terms = [
        term for term in glossary.terms if plan.category is None or term.category == plan.category
    ]
    why = unsupported(glossary, plan.kinds, terms)
    if plan.category is None:
        scope = t("practice.scope.glossary")
    else:
        scope = t("practice.scope.category", category=plan.category)
    if not questions:
        return Deck((), t("practice.none", scope=scope, terms=len(terms), why=why))
    notice = t(
        "practice.short", made=len(questions), count=count, scope=scope, terms=len(terms), why=why
    )
    return Deck(tuple(questions), notice=notice)


def empty_mistake_book_message(store: ProgressStore, profile: str) -> str:
    """Why the mistake book is empty: nothing answered yet, never a wrong answer, or every
    term answered wrong was later answered right. Only the last says "later right"."""
    stats = store.stats(profile, datetime.now(UTC), 1)
    if stats.answers == 0:
        return t("session.mistakes.nothing_answered")
    if stats.correct == stats.answers:
        return t("session.mistakes.never_wrong")
    return t("quizui.practice.no_mistakes")


def answer_records(
    glossary: Glossary | None,
    question: Question,
    verdict: Verdict,
    *,
    profile: str,
    mode: Mode,
    elapsed_ms: int,
    answered_at: datetime,
    exam_id: str | None = None,
    exam_title: str | None = None,
    attempt_id: str | None = None,
    number: int | None = None,
) -> list[AnswerRecord]:
    """The rows one answer writes: one, or for matching one per term paired (each right
    or wrong on its own, so every term has its own history and mistake book entry).
    ``number``: the question's number in an exam paper (a changed answer replaces the
    rows written before)."""
    from carbon_glossary.store import AnswerRecord

    def record(
        term_id: str, term_text: str, category: str, given: str, correct: bool, expected: str
    ) -> AnswerRecord:
        return AnswerRecord(
            profile=profile,
            term_id=term_id,
            term_text=term_text,
            category=category,
            kind=question.kind,
            mode=mode,
            given=given,
            correct=correct,
            elapsed_ms=max(0, elapsed_ms),
            answered_at=answered_at,
            expected=expected,
            exam_id=exam_id,
            exam_title=exam_title,
            attempt_id=attempt_id,
            question=number,
        )

    if question.mode != "match":
        return [
            record(
                question.term_id,
                question.term,
                question.category,
                verdict.given,
                verdict.correct,
                question.answer,
            )
        ]
    records = []
    picks: Sequence[int | None] = verdict.pairs or (None,) * len(question.items)
    right: Sequence[bool] = verdict.pairs_correct or (False,) * len(question.items)
    for index, term_id in enumerate(question.item_ids):
        term = glossary.by_id(term_id) if glossary is not None else None
        pick = picks[index]
        records.append(
            record(
                term_id,
                question.items[index],
                term.category if term is not None else question.category,
                question.options[pick] if pick is not None else "",
                right[index],
                question.options[question.pairs[index]],
            )
        )
    return records


def record_answer(
    store: ProgressStore, record: AnswerRecord, settings: Settings | None = None
) -> CardState | None:
    """Write one answer; a study answer also reviews the term's card (FSRS, in
    :mod:`carbon_glossary.core.scheduling`) and the store saves the new card with the
    answer, in one transaction. Returns the new card, or None for practice and exam answers.
    If the same person reviewed the term elsewhere meanwhile, the card is reviewed again
    from what is stored now, so no review is lost. Writing the same record again (a retry)
    reviews nothing twice."""
    from carbon_glossary.core.scheduling import DEFAULT_SETTINGS, review
    from carbon_glossary.store import CardChanged

    if record.mode != "study":
        store.record_answer(record)
        return None
    while True:
        stored = store.card(record.profile, record.term_id)
        card = review(
            stored,
            record.correct,
            timedelta(milliseconds=record.elapsed_ms),
            record.answered_at,
            settings or DEFAULT_SETTINGS,
        )
        try:
            written = store.record_answer(record, card)
        except CardChanged:
            continue
        # Not written: an earlier try of this very answer was committed (its acknowledgement
        # lost), with its review; the card read before this try is that review.
        return card if written else stored
