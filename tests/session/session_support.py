"""What the session tests share: a clock the test turns, the small quiz glossary and paper,
and a writer over a real progress file."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.model import Glossary
from carbon_glossary.core.paper import Paper, build_paper, load_paper
from carbon_glossary.session.decks import ExamPlan, exam_id_for

DATA = Path(__file__).resolve().parent.parent / "data"
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


def exam_plan(glossary: Glossary, minutes: int | None = 10) -> ExamPlan:
    """The test paper, with its time limit set to ``minutes``."""
    paper: Paper = build_paper(glossary, load_paper(QUIZ_PAPER, glossary))
    paper = replace(paper, spec=replace(paper.spec, time_limit_minutes=minutes))
    return ExamPlan(paper, exam_id_for(paper))
