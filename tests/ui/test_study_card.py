"""A new term's card in a study round, on the real glossary: every line fits the screen and
wraps by the Chinese line-breaking rule, so the example is read whole, not cut at the edge."""

from __future__ import annotations

from pathlib import Path

import pytest
from quiz_support import make_quiz_app, settle
from rich.cells import cell_len
from textual.geometry import Region
from textual.widgets import Static

from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.text import NO_LINE_START
from carbon_glossary.session.decks import StudyPlan
from carbon_glossary.ui.screens.quiz import QuizScreen
from carbon_glossary.ui.widgets.term_card import TermCard

SHIPPED = Path(__file__).resolve().parent.parent.parent / "glossary.toml"


def drawn_lines(card: TermCard) -> list[str]:
    """The card's body as drawn (all of it, not only what is scrolled into view)."""
    body = card.query_one("#card-body", Static)
    size = body.outer_size
    return [line.text for line in body.render_lines(Region(0, 0, size.width, size.height))]


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (100, 30)])
async def test_the_example_wraps_inside_the_screen(tmp_path: Path, size: tuple[int, int]) -> None:
    glossary = load_glossary(SHIPPED)
    app = make_quiz_app(glossary, StudyPlan(seed=1), tmp_path / "p.db")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuizScreen) and screen.phase == "introducing"
        term = screen.round.new_term
        assert term is not None and term.examples
        card = screen.query_one("#quiz-card", TermCard)
        body = card.query_one("#card-body", Static)
        # The card and what it draws are within the screen (the body was 9 screens wide).
        assert card.region.right <= size[0]
        assert body.region.right <= size[0]
        lines = drawn_lines(card)
        assert all(cell_len(line.rstrip()) <= body.outer_size.width for line in lines)
        # The example is all there, across lines, and no line starts with 。 or ，.
        text = "".join(line.strip() for line in lines)
        for example in term.examples:
            assert example.replace(" ", "") in text.replace(" ", "")
        assert not any(line.strip()[:1] in NO_LINE_START for line in lines)
