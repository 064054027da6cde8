"""Pilot tests of the browse screen: every key does what the help screen says it does."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandPalette
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from ui_support import browse, make_app, settle, type_text

from carbon_glossary import i18n
from carbon_glossary.core.collate import heading
from carbon_glossary.core.model import Glossary
from carbon_glossary.ui import commands
from carbon_glossary.ui.listing import Browser, Heading, Listing
from carbon_glossary.ui.screens.browse import BrowseScreen
from carbon_glossary.ui.screens.help import HelpScreen
from carbon_glossary.ui.screens.pickers import CategoryPicker, HeadingPicker
from carbon_glossary.ui.widgets.term_card import TermCard
from carbon_glossary.ui.widgets.term_list import TermList

WIDE = (120, 40)
NARROW = (80, 24)


def listed_ids(term_list: TermList) -> list[str]:
    return [row.term.id for row in term_list.rows if not isinstance(row, Heading)]


def line_text(term_list: TermList, y: int) -> str:
    return term_list.render_line(y).text


def widget_text(widget: Widget) -> str:
    """What a widget draws, as plain text (all of it, not only what is scrolled into view)."""
    lines = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return "\n".join(line.text.rstrip() for line in lines)


def card_text(card: TermCard) -> str:
    return "\n".join(widget_text(static) for static in card.query(Static) if static.display)


async def test_opens_with_search_focused_and_every_term_under_letter_headings(
    glossary: Glossary,
) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        assert isinstance(app.focused, Input)
        term_list = screen.term_list
        assert len(listed_ids(term_list)) == len(glossary.terms)
        headings = [row.label for row in term_list.rows if isinstance(row, Heading)]
        assert headings == sorted(set(headings), key=headings.index)  # each letter once
        assert headings[0] == "0–9"  # digits first, as in a printed dictionary
        first = term_list.highlighted_term
        assert first is not None and heading(first) == "0–9"
        assert screen.card.term == first
        status = str(screen.query_one("#status", Static).visual)
        assert str(len(glossary.terms)) in status


async def test_typing_tdf_narrows_to_tan_da_feng_with_its_card(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await type_text(pilot, "tdf")
        screen = browse(pilot)
        assert screen.query_text == "tdf"
        term_list = screen.term_list
        assert not any(isinstance(row, Heading) for row in term_list.rows)
        assert term_list.highlighted_term is not None
        assert term_list.highlighted_term.id == "tan-da-feng"
        assert screen.card.term is not None and screen.card.term.id == "tan-da-feng"
        text = "".join(card_text(screen.card).split())  # the card wraps long lines
        assert "指在一定时期内,碳排放量达到历史最高值" in text
        assert "《关于〈槐荫区碳达峰工作方案〉的解读》六、关键词诠释" in text
        assert "“tdf”" in str(screen.query_one("#status", Static).visual)


async def test_search_highlights_the_matched_part(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await type_text(pilot, "碳中和")
        term_list = browse(pilot).term_list
        assert term_list.highlighted_term is not None
        assert term_list.highlighted_term.term == "碳中和"
        strip = term_list.render_line(0)
        match_style = term_list.get_component_rich_style("term-list--match", partial=True)
        marked = "".join(
            segment.text
            for segment in strip
            if segment.style is not None
            and segment.style.underline == match_style.underline
            and segment.style.bold
        )
        assert "碳中和" in marked


async def test_no_match_shows_a_friendly_line(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await type_text(pilot, "zzzqqq")
        screen = browse(pilot)
        assert screen.term_list.listing is not None
        assert screen.term_list.listing.shown == 0
        assert screen.card.term is None
        assert "zzzqqq" in line_text(screen.term_list, 1)
        assert line_text(screen.term_list, 2).strip() != ""


async def test_arrows_move_the_list_from_the_search_box(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        term_list = browse(pilot).term_list
        ids = listed_ids(term_list)
        await pilot.press("down")
        await pilot.pause()
        assert isinstance(app.focused, Input)
        assert term_list.highlighted_term is not None
        assert term_list.highlighted_term.id == ids[1]
        await pilot.press("up")
        await pilot.pause()
        assert term_list.highlighted_term.id == ids[0]


async def test_letter_keys_type_into_the_search_box(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await type_text(pilot, "jkqygcst")
        screen = browse(pilot)
        assert screen.search_box.value == "jkqygcst"
        assert app.is_running
        assert screen.sort == "pinyin"
        assert not screen.traditional


async def test_list_keys_move_the_cursor_over_terms_not_headings(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        term_list = screen.term_list
        ids = listed_ids(term_list)
        await pilot.press("tab")
        assert app.focused is term_list

        async def at(key: str) -> str:
            await pilot.press(key)
            await pilot.pause()
            term = term_list.highlighted_term
            assert term is not None
            assert not isinstance(term_list.rows[term_list.cursor], Heading)
            return term.id

        assert await at("j") == ids[1]
        assert await at("down") == ids[2]
        assert await at("k") == ids[1]
        assert await at("end") == ids[-1]
        assert await at("home") == ids[0]
        paged = await at("pagedown")
        assert ids.index(paged) > 5
        assert await at("pageup") == ids[0]
        assert screen.card.term is not None and screen.card.term.id == ids[0]


async def test_slash_and_ctrl_f_return_to_search_and_escape_clears(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        await type_text(pilot, "guangfu")
        await pilot.press("tab")
        assert app.focused is screen.term_list
        await pilot.press("slash")
        assert app.focused is screen.search_box
        await pilot.press("tab")
        await pilot.press("ctrl+f")
        assert app.focused is screen.search_box
        await pilot.press("escape")
        await settle(pilot)
        assert screen.search_box.value == ""
        assert screen.query_text == ""
        # Back in the full list, the cursor stays on the term that was found.
        assert screen.term_list.highlighted_term is not None
        assert screen.term_list.highlighted_term.id == "guang-fu"


async def test_enter_in_search_opens_the_card_and_related_terms_are_one_key_away(
    glossary: Glossary,
) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        await type_text(pilot, "tdf")
        await pilot.press("enter")
        await pilot.pause()
        card = screen.card
        assert app.focused is card
        assert [t.term for t in card.related] == [
            "碳中和",
            "碳达峰碳中和",
            "碳排放",
            "二氧化碳排放",
        ]
        assert card.selected_related is not None and card.selected_related.term == "碳中和"
        await pilot.press("down")
        assert card.selected_related.term == "碳达峰碳中和"
        await pilot.press("up", "enter")
        await pilot.pause()
        assert card.term is not None and card.term.id == "tan-zhong-he"
        assert screen.current is not None and screen.current.id == "tan-zhong-he"
        assert list(screen.history) == ["tan-da-feng", "tan-zhong-he"]
        assert app.focused is card


async def test_backspace_and_alt_arrows_walk_the_history(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        await type_text(pilot, "tdf")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # to 碳中和
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # 碳中和 → its third related: CCUS
        await pilot.pause()
        assert screen.current is not None and screen.current.id == "ccus"
        # CCUS is not among the "tdf" results: the card shows it, the list stays as it was.
        assert screen.query_text == "tdf"
        await pilot.press("backspace")
        await pilot.pause()
        assert screen.current is not None and screen.current.id == "tan-zhong-he"
        await pilot.press("alt+left")
        await pilot.pause()
        assert screen.current is not None and screen.current.id == "tan-da-feng"
        assert not screen.history.can_go_back
        await pilot.press("alt+right")
        await pilot.pause()
        assert screen.current is not None and screen.current.id == "tan-zhong-he"
        assert screen.history.position == 1


async def test_escape_leaves_the_card_for_the_list(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        await pilot.press("tab", "tab")
        await pilot.pause()
        assert app.focused is screen.card
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is screen.term_list


async def test_g_then_a_letter_jumps_to_that_heading(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        await pilot.press("tab", "g")
        await pilot.pause()
        assert isinstance(app.screen, HeadingPicker)
        await pilot.press("T")
        await pilot.pause()
        assert app.screen is screen
        term = screen.term_list.highlighted_term
        assert term is not None and heading(term) == "T"
        assert app.focused is screen.term_list


async def test_heading_jump_is_unavailable_while_searching(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        await type_text(pilot, "tan")
        await pilot.press("tab", "g")
        await pilot.pause()
        assert app.screen is screen


async def test_category_picker_filters_the_list(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        await pilot.press("tab", "c")
        await pilot.pause()
        assert isinstance(app.screen, CategoryPicker)
        options = app.screen.query_one(OptionList)
        assert options.option_count == len(glossary.categories()) + 1
        await pilot.press("down", "down", "enter")  # all, 核心概念, 能源
        await settle(pilot)
        assert screen.category == "能源"
        ids = listed_ids(screen.term_list)
        assert ids and all(glossary.by_id(i).category == "能源" for i in ids)  # type: ignore[union-attr]
        assert "能源" in str(screen.query_one("#status", Static).visual)
        # Esc clears the query first (there is none), then the filter.
        await pilot.press("escape")
        await settle(pilot)
        assert screen.category is None
        assert len(listed_ids(screen.term_list)) == len(glossary.terms)


async def test_category_filter_applies_to_search_results(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        screen.category = "产业与技术"
        await type_text(pilot, "tan")
        ids = listed_ids(screen.term_list)
        assert ids
        assert all(glossary.by_id(i).category == "产业与技术" for i in ids)  # type: ignore[union-attr]


async def test_sort_switch_cycles_pinyin_category_document(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        await pilot.press("tab", "s")
        await settle(pilot)
        assert screen.sort == "category"
        labels = [row.label for row in screen.term_list.rows if isinstance(row, Heading)]
        assert labels == glossary.categories()
        await pilot.press("s")
        await settle(pilot)
        assert screen.sort == "document"
        assert listed_ids(screen.term_list) == [t.id for t in glossary.terms]
        await pilot.press("s")
        await settle(pilot)
        assert screen.sort == "pinyin"


async def test_script_switch_shows_traditional_characters(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        await type_text(pilot, "nengyuanjiegou")
        await pilot.press("tab", "t")
        await pilot.pause()
        assert screen.traditional
        assert screen.term_list.traditional and screen.card.traditional
        assert "能源結構優化" in line_text(screen.term_list, 0)
        assert "能源結構優化" in card_text(screen.card)
        await pilot.press("t")
        await pilot.pause()
        assert "能源结构优化" in line_text(screen.term_list, 0)


async def test_traditional_view_converts_the_card_with_the_phrase_fixes(tmp_path: Path) -> None:
    source = tmp_path / "g.toml"
    source.write_text(
        '[phrase_traditional]\n"分布" = "分布"\n\n[[term]]\nterm = "对标对表"\n'
        'definition = "对标对表上级方案，推动分布式能源建设。"\n',
        encoding="utf-8",
    )
    app = make_app(source)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        await pilot.press("tab", "t")
        await pilot.pause()
        shown = card_text(screen.card).replace("\n", "")
        assert "對標對表上級方案，推動分布式能源建設。" in shown  # not 對錶, not 分佈
        assert "對標對表" in line_text(screen.term_list, 1)  # row 0 is the heading D


async def test_y_copies_the_term(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await type_text(pilot, "tdf")
        await pilot.press("tab", "y")
        await pilot.pause()
        assert app.clipboard == "碳达峰"


async def test_y_copies_the_term_without_control_characters() -> None:
    from carbon_glossary.core.model import Term

    term = Term(
        id="tan-hui",
        term="碳\x1b]52;c;ZXZpbA==\x07汇\u202e",
        syllables=("tan4", "hui4"),
        marks=("tàn", "huì"),
        traditional="碳匯",
    )
    app = make_app(Glossary("t", "zh-CN", "1", (term,)))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "y")
        await pilot.pause()
        assert app.clipboard == "碳]52;c;ZXZpbA==汇"


async def test_help_lists_every_key_in_chinese(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(widget_text(static) for static in app.screen.query(Static))
        for section in commands.SECTIONS:
            for command in section.commands:
                assert command.title in text
                assert command.help in text
        assert "帮助" in text and "Help" not in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("tab", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        assert app.is_running


async def test_q_quits_from_the_list(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_language_switch_relabels_footer_status_and_search(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        await pilot.press("tab")

        def footer_labels() -> set[str]:
            return {active.binding.description for active in screen.active_bindings.values()}

        assert "排序" in footer_labels()
        await pilot.press("L")
        await pilot.pause()
        assert app.language == "en" and i18n.get_language() == "en"
        assert "sort" in footer_labels() and "排序" not in footer_labels()
        assert screen.search_box.placeholder.startswith("Search")
        assert "terms" in str(screen.query_one("#status", Static).visual)
        assert "Definition" in card_text(screen.card)
        await pilot.press("L")
        await pilot.pause()
        assert i18n.get_language() == "zh"
        assert "排序" in footer_labels()
        assert "定义" in card_text(screen.card)


async def test_english_interface_from_the_start(glossary: Glossary) -> None:
    app = make_app(glossary, "en")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        assert screen.search_box.placeholder.startswith("Search")
        labels = {active.binding.description for active in screen.active_bindings.values()}
        assert commands.SEARCH.title in labels
        assert commands.SEARCH.title != i18n.zh.MESSAGES[commands.SEARCH.description]


async def test_palette_offers_the_same_commands_and_runs_them(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"排序")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.sort == "category"


async def test_palette_finds_a_command_by_its_english_name(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"sort")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.sort == "category"


def test_palette_and_footer_share_declarations() -> None:
    """Each palette command is also a key binding with the same catalogue text."""
    from carbon_glossary.ui.app import CarbonGlossaryApp
    from carbon_glossary.ui.screens.browse import BrowseScreen

    bound = {
        (binding.action, binding.description)
        for cls in (CarbonGlossaryApp, BrowseScreen)
        for bindings in cls._merged_bindings.key_to_bindings.values()  # type: ignore[union-attr]
        for binding in bindings
    }
    for command in (*BrowseScreen.PALETTE, *CarbonGlossaryApp.PALETTE):
        if command.keys:
            assert (command.action, command.description) in bound
        for language in ("zh", "en"):
            i18n.set_language(language)
            assert command.title != command.description
            assert command.help != f"{command.description}.help"


async def test_markup_and_escapes_in_glossary_text_show_literally(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        await type_text(pilot, "标记样例")
        assert screen.current is not None and screen.current.id == "markup-sample"
        text = card_text(screen.card)
        assert "\x1b" not in text
        flat = "".join(text.split())  # the card wraps long lines
        assert "[bold]不是粗体[/]" in flat
        assert "[link=https://example.com]不是链接[/link]" in flat
        assert "␛[31m不是红色␛[0m" in flat
        assert "[i]标签[/i]" in flat
        row = screen.term_list.render_line(0)
        assert "[red]markup" in row.text  # the English column may cut the rest
        assert all("\x1b" not in segment.text for segment in row)
        body = screen.card.query_one("#card-body", Static)
        assert all("\x1b" not in line.text for line in body.render_lines(body.region))


async def test_narrow_terminal_shows_the_card_instead_of_the_list(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        assert screen.has_class("-narrow")
        assert not screen.card.display or screen.card.region.width == 0
        await type_text(pilot, "tdf")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.card_open
        assert screen.card.region.width > 0
        assert screen.term_list.region.width == 0
        assert app.focused is screen.card
        await pilot.press("escape")
        await pilot.pause()
        assert not screen.card_open
        assert screen.term_list.region.width > 0
        assert app.focused is screen.term_list


async def test_typing_is_accepted_while_a_large_glossary_is_still_indexing(
    glossary: Glossary, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_listing = Browser.listing

    def slow_listing(self: Browser, *args: Any, **kwargs: Any) -> Listing:
        release.wait(5)
        return real_listing(self, *args, **kwargs)

    # Treat the fixture as "large": it is then listed and indexed in a worker.
    monkeypatch.setattr(BrowseScreen, "SYNC_LIMIT", 0)
    monkeypatch.setattr(Browser, "listing", slow_listing)
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = browse(pilot)
        assert screen.term_list.loading
        assert "载入" in str(screen.query_one("#status", Static).visual)
        await pilot.press(*"tdf")
        await pilot.pause()
        assert screen.search_box.value == "tdf"
        release.set()
        await settle(pilot)
        assert not screen.term_list.loading
        assert screen.term_list.highlighted_term is not None
        assert screen.term_list.highlighted_term.id == "tan-da-feng"


async def test_glossary_file_is_loaded_in_the_app(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parent.parent / "data" / "ui_glossary.toml"
    app = make_app(source)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert app.glossary is not None and app.glossary.title == "界面测试术语表"
        assert browse(pilot).title == "界面测试术语表"


async def test_a_broken_glossary_exits_with_code_2_and_its_problems(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('[glossary]\ntitle = "x"\n[[term]]\nterm = \n', encoding="utf-8")
    app = make_app(broken)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
    assert app.return_code == 2
    assert app.problems
    assert all(problem.path.endswith("broken.toml") for problem in app.problems)


async def test_every_builtin_theme_shows_the_cursor_and_headings(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        term_list = browse(pilot).term_list
        await pilot.press("tab", "down")
        await pilot.pause()
        cursor_y = term_list.cursor - int(term_list.scroll_y)
        themes = sorted(app.available_themes)
        assert len(themes) > 5
        for theme in themes:
            app.theme = theme
            await pilot.pause()
            heading_style = term_list.render_line(0)._segments[0].style
            plain_style = term_list.render_line(cursor_y + 1)._segments[0].style
            cursor_style = term_list.render_line(cursor_y)._segments[0].style
            assert cursor_style is not None and plain_style is not None, theme
            assert cursor_style.bgcolor != plain_style.bgcolor, theme
            assert heading_style is not None and heading_style.bold, theme


async def test_no_color_keeps_the_cursor_visible(
    glossary: Glossary, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert app.no_color
        term_list = browse(pilot).term_list
        cursor_y = term_list.cursor - int(term_list.scroll_y)
        cursor = term_list.render_line(cursor_y)._segments[0].style
        other = term_list.render_line(cursor_y + 1)._segments[0].style
        assert cursor is not None and cursor.reverse
        assert other is None or not other.reverse


async def test_question_mark_in_the_empty_search_box_opens_help(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        assert isinstance(app.focused, Input)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert screen.search_box.value == ""
        await pilot.press("escape")
        await type_text(pilot, "co2")
        await pilot.press("question_mark")  # inside a query it is just a character
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        assert screen.search_box.value == "co2?"


async def test_a_search_that_fails_says_so_instead_of_being_swallowed(
    glossary: Glossary, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)

        def broken(*args: object, **kwargs: object) -> Listing:
            raise OSError("index file vanished")

        monkeypatch.setattr(Browser, "listing", broken)
        await type_text(pilot, "tdf")
        assert app.is_running
        messages = [n.message for n in app._notifications]
        assert messages == [i18n.t("session.browse.failed", reason="index file vanished")]
        assert not browse(pilot).term_list.loading
