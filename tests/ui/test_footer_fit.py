"""The Footer at 60×20, the smallest size we support, and larger: it shows every key it
lists whole. The browse screen's (the first screen) shows the way out, help and the
language switch in both languages; quiz and exam screens their own keys; Ctrl+C says how
to leave."""

from __future__ import annotations

from pathlib import Path

import pytest
from quiz_support import exam_plan, make_quiz_app, quiz_glossary, settle
from rich.cells import cell_len
from textual.app import App
from textual.widgets import Footer
from textual.widgets._footer import FooterKey
from ui_support import browse, make_app

from carbon_glossary.core.model import Glossary
from carbon_glossary.i18n import t
from carbon_glossary.session.sitter import SignInPlan
from carbon_glossary.ui.screens.sign_in import SignInScreen

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


def shown_actions(app: App[object]) -> list[str]:
    footer = app.screen.query_one(Footer)
    return [key.action for key in footer.query(FooterKey) if not key.has_class("-command-palette")]


ESSENTIAL = ["app.quit", "app.help", "app.toggle_language", "focus_search", "clear"]
"""What the first screen's Footer shows at every size, in this order."""


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("size", [SMALL, (80, 24), (100, 30)])
async def test_the_browse_footer_shows_the_way_out_help_and_language(
    glossary: Glossary, language: str, size: tuple[int, int]
) -> None:
    app = make_app(glossary, language)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        # The first screen: typing goes to the search box, which takes ? and L as text,
        # so help and the language show by their F keys.
        assert app.focused is screen.search_box
        assert shown_actions(app) == ESSENTIAL
        labels = {key.action: key.key_display for key in app.screen.query(FooterKey)}
        assert (labels["app.help"], labels["app.toggle_language"]) == ("f1", "f2")
        assert cut_keys(app) == []
        # In the list: Enter opens a term, then the same; the list's own keys where they fit.
        await pilot.press("tab")
        await settle(pilot)
        assert app.focused is screen.term_list
        actions = shown_actions(app)
        assert actions[: len(ESSENTIAL) + 1] == ["open", *ESSENTIAL]
        labels = {key.action: key.key_display for key in app.screen.query(FooterKey)}
        assert (labels["app.help"], labels["app.toggle_language"]) == ("?", "L")
        assert cut_keys(app) == []
        if size[0] >= 80:
            assert {"pick_heading", "pick_category", "cycle_sort"} <= set(actions)


async def test_the_footer_refits_when_the_terminal_is_resized(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)
        assert "cycle_sort" in shown_actions(app)
        await pilot.resize_terminal(60, 20)
        await settle(pilot)
        assert "cycle_sort" not in shown_actions(app) and cut_keys(app) == []
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        assert "cycle_sort" in shown_actions(app)


async def test_f2_switches_the_language_from_the_search_box(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert app.language == "en" and screen.search_box.value == ""
        labels = {key.action: str(key.description) for key in app.screen.query(FooterKey)}
        assert labels["app.quit"] == "quit" and labels["app.toggle_language"] == "中文"


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_the_search_hint_is_never_cut(glossary: Glossary, language: str) -> None:
    app = make_app(glossary, language)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        box = browse(pilot).search_box
        assert box.placeholder == t("ui.search.placeholder")
        for width, height in (SMALL, (80, 24), (100, 30)):
            await pilot.resize_terminal(width, height)
            await settle(pilot)
            assert cell_len(box.placeholder) <= box.content_region.width, width
        await pilot.resize_terminal(*SMALL)
        await settle(pilot)
        assert box.placeholder == t("ui.search.placeholder_short")
        await pilot.press("f2")  # the other language, still the short hint
        await settle(pilot)
        other = "en" if language == "zh" else "zh"
        assert app.language == other
        assert box.placeholder == t("ui.search.placeholder_short")


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_the_sign_in_footer_is_whole_at_60_columns(tmp_path: Path, language: str) -> None:
    # The form is taller than 20 rows: it scrolls in its own box, not the screen, whose
    # scrollbar took two cells from the Footer ("^p 命令" showed as "^p 命").
    glossary = quiz_glossary()
    plan = SignInPlan(exam_plan(glossary))
    app = make_quiz_app(glossary, plan, tmp_path / "p.db", language=language)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SignInScreen)
        await pilot.press(*"Wang", "tab", *"HR", "enter")
        await settle(pilot)
        assert app.screen.message  # who is about to sit, shown for confirmation
        message = app.screen.query_one("#sign-in-message")
        assert app.screen.region.contains_region(message.region)  # scrolled into view
        footer = app.screen.query_one(Footer)
        assert footer.region.width == SMALL[0]
        palette = next(k for k in footer.query(FooterKey) if k.has_class("-command-palette"))
        assert palette.region.right <= SMALL[0]
        assert cut_keys(app) == []
