"""Text on screen is wrapped or ends in "…", never cut silently: the help screen's
explanations wrap by the Chinese line-breaking rule at 60 and 80 columns."""

from __future__ import annotations

import re

import pytest
from textual.geometry import Region
from textual.widgets import Static
from ui_support import make_app, settle

from carbon_glossary.core.model import Glossary
from carbon_glossary.i18n import set_language
from carbon_glossary.ui import commands
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
