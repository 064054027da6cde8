"""The exam's question list (g): kinds in one column padded by terminal cells, so every
prompt starts at the same cell; the list framed and centred, clear of the screen's title."""

from __future__ import annotations

from pathlib import Path

import pytest
from quiz_support import SIZE, exam_plan, make_quiz_app, quiz_glossary, settle
from textual.widgets import Header, Label

from carbon_glossary import i18n
from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.paper import build_paper, load_paper
from carbon_glossary.core.quiz import Question, kind_name
from carbon_glossary.core.text import cell_width
from carbon_glossary.ui.screens.exam import SUMMARY_CELLS, QuestionPicker, summaries

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def example_questions() -> tuple[Question, ...]:
    glossary = load_glossary(ROOT / "glossary.toml")
    return build_paper(glossary, load_paper(ROOT / "papers" / "example.toml", glossary)).questions


@pytest.mark.parametrize("language", ["zh", "en"])
def test_prompts_start_at_one_cell_whatever_the_kind(
    example_questions: tuple[Question, ...], language: str
) -> None:
    i18n.set_language(language)
    try:
        questions = list(example_questions)
        lines = summaries(questions)
        kinds = [kind_name(q.kind) for q in questions]
    finally:
        i18n.set_language("zh")
    assert len(set(kinds)) >= 5  # the example paper mixes kinds of different widths
    widest = max(map(cell_width, kinds))
    for kind, line in zip(kinds, lines, strict=True):
        assert line.startswith(kind)
        start = widest + 2  # the prompt's first cell
        before = line[: len(kind)] + line[len(kind) :][: start - cell_width(kind)]
        assert cell_width(before) == start and before.rstrip() == kind
        assert not line[len(before) :].startswith(" ")
        assert cell_width(line) <= SUMMARY_CELLS
    if language == "zh":  # the finding's rows: 术语→定义 and 写拼音 no longer shift the terms
        # (which terms the example paper asks follows the question rules: look them up)
        term_def = next(i for i, q in enumerate(questions) if q.kind == "term-def")
        pinyin = next(i for i, q in enumerate(questions) if q.kind == "pinyin")
        assert lines[term_def] == f"术语→定义  {questions[term_def].prompt}"
        assert lines[pinyin] == f"写拼音     {questions[pinyin].prompt}"
        assert any(line.endswith("…") for line in lines)  # long prompts cut, and say so


async def test_the_list_is_framed_and_centred_below_the_screen_title(tmp_path: Path) -> None:
    glossary = quiz_glossary()
    app = make_quiz_app(glossary, exam_plan(glossary), tmp_path / "p.db")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        header = app.screen.query_one(Header)
        await pilot.press("g")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, QuestionPicker)
        box = picker.query_one(".exam-picker")
        title = picker.query_one(".picker-title", Label)
        assert box.styles.border_top[0] == "round"
        assert not title.region.overlaps(header.region)
        left, right = box.region.x, SIZE[0] - box.region.right
        assert abs(left - right) <= 1  # centred
