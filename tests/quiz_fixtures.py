"""What the quiz tests share, with a screen (tests/ui) or without (tests/session): a clock the
test turns, the small quiz glossary and its paper, and an answer about one of its terms."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.model import Glossary, Term
from carbon_glossary.core.paper import Paper, build_paper, load_paper
from carbon_glossary.session.decks import ExamPlan, exam_id_for
from carbon_glossary.store import AnswerRecord, Mode

DATA = Path(__file__).resolve().parent / "data"
QUIZ_GLOSSARY = DATA / "quiz_ui_glossary.toml"
QUIZ_PAPER = DATA / "quiz_ui_paper.toml"
PROFILE = "测试者"
BEIJING = timezone(timedelta(hours=8))


@dataclass
class FakeClock:
    """Both clocks stand still until the test moves them with :meth:`advance`."""

    seconds: float = 1000.0
    start: datetime = field(default_factory=lambda: datetime(2025, 3, 10, 9, 0, tzinfo=BEIJING))

    def monotonic(self) -> float:
        return self.seconds

    def now(self) -> datetime:
        return self.start + timedelta(seconds=self.seconds - 1000.0)

    def advance(self, seconds: float) -> None:
        self.seconds += seconds


def quiz_glossary() -> Glossary:
    return load_glossary(QUIZ_GLOSSARY)


def quiz_paper(glossary: Glossary) -> Paper:
    return build_paper(glossary, load_paper(QUIZ_PAPER, glossary))


def exam_plan(glossary: Glossary, minutes: int | None = 10) -> ExamPlan:
    """The test paper, with its time limit set to ``minutes`` (10, as the paper has it)."""
    paper = quiz_paper(glossary)
    paper = replace(paper, spec=replace(paper.spec, time_limit_minutes=minutes))
    return ExamPlan(paper, exam_id_for(paper))


def answer_about(
    term: Term,
    *,
    mode: Mode,
    correct: bool,
    at: datetime,
    kind: str = "term-def",
    elapsed_ms: int = 1000,
) -> AnswerRecord:
    """An answer by :data:`PROFILE` about ``term``, as a round writes it (given "x")."""
    return AnswerRecord(
        profile=PROFILE,
        term_id=term.id,
        term_text=term.term,
        category=term.category,
        kind=kind,
        mode=mode,
        given="x",
        correct=correct,
        elapsed_ms=elapsed_ms,
        answered_at=at,
    )
