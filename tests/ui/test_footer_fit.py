"""Quiz and exam screens at 60×20, the smallest size we support: the Footer shows every key
it lists whole, and Ctrl+C says how to leave."""

from __future__ import annotations

from pathlib import Path

import pytest
from quiz_support import exam_plan, make_quiz_app, quiz_glossary, settle
from textual.app import App
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from carbon_glossary.i18n import t

SMALL = (60, 20)


def cut_keys(app: App[object]) -> list[str]:
    """The Footer keys that do not fit left of the command-palette key."""
    footer = app.screen.query_one(Footer)
    keys = list(footer.query(FooterKey))
    palette = next(key for key in keys if key.has_class("-command-palette"))
    return [
        f"{key.key_display} {key.description}"
        for key in keys
        if key is not palette and key.region.right > palette.region.x
    ]


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_the_exam_footer_fits_at_60_columns(tmp_path: Path, language: str) -> None:
    glossary = quiz_glossary()
    app = make_quiz_app(glossary, exam_plan(glossary), tmp_path / "p.db", language=language)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(Footer)
        actions = {key.action for key in footer.query(FooterKey)}
        assert {"hand_in", "leave"} <= actions
        assert cut_keys(app) == []


async def test_ctrl_c_in_an_exam_says_esc_leaves_and_ctrl_q_quits(tmp_path: Path) -> None:
    glossary = quiz_glossary()
    app = make_quiz_app(glossary, exam_plan(glossary), tmp_path / "p.db")
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.is_running
        assert [n.message for n in app._notifications] == [t("ui.quit.hint_elsewhere")]
        assert "Esc" in t("ui.quit.hint_elsewhere") and "Ctrl+Q" in t("ui.quit.hint_elsewhere")
