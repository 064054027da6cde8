"""Text on screen is wrapped or ends in "…", never cut silently: the help screen's
explanations wrap by the Chinese line-breaking rule at 60 and 80 columns. And no English
from Textual in the Chinese interface (the header icon's tooltip)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from quiz_support import exam_plan, make_quiz_app, quiz_glossary
from quiz_support import settle as quiz_settle
from textual.geometry import Region
from textual.widgets import Static
from ui_support import make_app, settle

from carbon_glossary.core.model import Glossary
from carbon_glossary.i18n import set_language, zh
from carbon_glossary.session.decks import StudyPlan
from carbon_glossary.ui import commands
from carbon_glossary.ui.plans import StatsPlan
from carbon_glossary.ui.screens.help import HelpScreen


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def drawn(widget: Static) -> str:
    """All a widget draws (not only what is scrolled into view), one line per row."""
    size = widget.outer_size
    strips = widget.render_lines(Region(0, 0, size.width, size.height))
    return "\n".join(strip.text for strip in strips)


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_help_explanations_are_whole(
    glossary: Glossary, language: str, size: tuple[int, int]
) -> None:
    app = make_app(glossary, language)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        shown = "\n".join(drawn(table) for table in app.screen.query(".help-table").results(Static))
        assert "…" not in shown
        for section in commands.SECTIONS:
            for command in section.commands:
                assert flat(command.help) in flat(shown), command.name
    set_language("zh")


@pytest.mark.parametrize("kind", ["study", "exam", "stats"])
async def test_the_header_icon_speaks_the_interface_language(tmp_path: Path, kind: str) -> None:
    glossary = quiz_glossary()
    plan = {"study": StudyPlan(seed=1), "exam": exam_plan(glossary), "stats": StatsPlan()}[kind]
    app = make_quiz_app(glossary, plan, tmp_path / "p.db")
    async with app.run_test(size=(80, 24)) as pilot:
        await quiz_settle(pilot)
        icons = list(app.screen.query("HeaderIcon"))
        assert icons and all(icon.tooltip == zh.MESSAGES["ui.palette.open"] for icon in icons)
