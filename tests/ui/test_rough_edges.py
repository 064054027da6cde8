"""Pilot tests of the browse screen's rough edges a first trial hit (issue 7, items 7–10)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rich.cells import cell_len
from textual.command import CommandPalette
from textual.geometry import Region
from textual.widgets import Footer, OptionList
from textual.widgets._footer import FooterKey
from ui_support import browse, make_app, settle, type_text

from carbon_glossary.core.model import Glossary
from carbon_glossary.i18n import t
from carbon_glossary.ui.app import CarbonGlossaryApp
from carbon_glossary.ui.listing import Heading
from carbon_glossary.ui.settings import SettingsFile
from carbon_glossary.ui.widgets.term_list import TermList
from quiz_glossary import make_glossary, make_term

WIDE = (120, 40)


def footer_labels(pilot: object) -> dict[str, str]:
    """What the Footer shows: action → key as displayed."""
    app = pilot.app  # type: ignore[attr-defined]
    footer = app.screen.query_one(Footer)
    return {key.action: key.key_display for key in footer.query(FooterKey)}


async def test_slash_in_the_search_box_is_not_part_of_the_query(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        await type_text(pilot, "/tdf")
        assert screen.search_box.value == "tdf"
        assert screen.query_text == "tdf"
        assert screen.term_list.highlighted_term is not None
        assert screen.term_list.highlighted_term.id == "tan-da-feng"
        # Also in the middle of a query.
        await pilot.press("slash")
        await settle(pilot)
        assert screen.search_box.value == "tdf"


async def test_the_way_out_is_in_the_first_screens_footer(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert app.focused is browse(pilot).search_box
        assert footer_labels(pilot).get("app.quit") == "^q"


async def test_ctrl_q_quits_from_the_search_box(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await type_text(pilot, "tdf")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_q_in_the_search_box_starts_a_pinyin_query(glossary: Glossary) -> None:
    # 清洁 qingjie, 全国 quanguo: a q that quit from the empty box would close the app
    # under someone typing one of these.
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await type_text(pilot, "qj")
        assert app.is_running
        assert browse(pilot).search_box.value == "qj"


async def test_ctrl_c_says_how_to_quit_in_the_interface_language(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.is_running
        assert screen.notice == t("ui.quit.hint")
        assert "Ctrl+Q" in screen.notice
        assert not list(app._notifications)  # no English toast from Textual


async def test_copy_says_it_was_sent_and_how_to_check_in_the_status_line(
    glossary: Glossary,
) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        await type_text(pilot, "tdf")
        await pilot.press("tab", "y")
        await pilot.pause()
        assert app.clipboard == "碳达峰"
        # Not a toast: drawn over the list and the card, a toast lost the CJK characters
        # that straddled their edges ("已  制").
        assert not list(app._notifications)
        status = screen.query_one("#status").render_line(0).text
        assert "“碳达峰”" in status and "OSC 52" in status
        # The next search replaces the notice with its count.
        await pilot.press("slash")
        await type_text(pilot, "x")
        assert screen.notice is None


def term_rows(term_list: TermList) -> dict[str, str]:
    """Each listed term's row as drawn, by term id (only the rows on screen)."""
    rows = {}
    for y in range(term_list.scrollable_content_region.height):
        index = y + int(term_list.scroll_y)
        if index < len(term_list.rows) and not isinstance(term_list.rows[index], Heading):
            rows[term_list.rows[index].term.id] = term_list.render_line(y).text
    return rows


async def test_at_100_columns_every_term_is_shown_whole(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        term_list = browse(pilot).term_list
        longest = max(glossary.terms, key=lambda term: cell_len(term.term))
        assert cell_len(longest.term) == 26  # 《2030年前碳达峰行动方案》
        for term in glossary.terms:
            assert term_list.move_to_term(term.id)
            await pilot.pause()
            assert term.term in term_rows(term_list)[term.id]


async def test_columns_stay_put_between_searches(glossary: Glossary) -> None:
    # A short result list needs no scrollbar; the columns must not take its cell.
    for size in ((100, 30), (80, 24), (60, 20)):
        app = make_app(glossary)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            term_list = browse(pilot).term_list
            term_list.move_to_term("tan-da-feng")
            await pilot.pause()
            everything = term_rows(term_list)["tan-da-feng"]
            await type_text(pilot, "碳达峰")
            found = term_rows(term_list)["tan-da-feng"]
            assert found.index("tàn") == everything.index("tàn"), size


async def test_every_cut_cell_ends_with_an_ellipsis() -> None:
    long_category = "碳排放统计核算与监测报告核查体系建设相关术语"
    terms = make_glossary(
        make_term("碳达峰", "tan4 da2 feng1", "定义。", category=long_category),
        make_term(
            "《关于〈槐荫区碳达峰工作方案〉的解读》",
            "guan1 yu2 huai2 yin1 qu1 tan4 da2 feng1 gong1 zuo4 fang1 an4 de5 jie3 du2",
            "定义。",
            category=long_category,
            english=("Interpretation of the Huaiyin District Carbon Peaking Work Plan",),
        ),
    )
    app = make_app(terms)
    async with app.run_test(size=(40, 20)) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        screen.sort = "category"
        await settle(pilot)
        term_list = screen.term_list
        width = term_list.scrollable_content_region.width
        columns = term_list.columns(width)
        title = "《关于〈槐荫区碳达峰工作方案〉的解读》"
        assert columns.term < cell_len(title)  # too narrow for it: cut
        lines = [term_list.render_line(y).text for y in range(len(term_list.rows))]
        heading, row = lines[0], next(line for line in lines if line.startswith(" 《"))
        assert cell_len(" " + long_category) > width
        assert heading.rstrip().endswith("…"), heading
        assert cut_cells(row, 1, columns.term).rstrip().endswith("…"), row
        assert cut_cells(row, 3 + columns.term, columns.pinyin).rstrip().endswith("…"), row


def cut_cells(line: str, start: int, size: int) -> str:
    """The part of ``line`` in cells ``start`` to ``start + size``."""
    out, position = [], 0
    for char in line:
        width = cell_len(char)
        if start <= position and position + width <= start + size:
            out.append(char)
        position += width
    return "".join(out)


def app_with_settings(glossary: Glossary, path: Path) -> CarbonGlossaryApp:
    """The app as ``run_browser`` builds it, on the settings file at ``path``."""
    settings = SettingsFile(path)
    saved, notice = settings.load()
    app = CarbonGlossaryApp(
        glossary,
        saved.language or "zh",
        traditional=saved.traditional,
        settings=settings,
        notice=notice,
    )
    app.theme = "textual-dark"
    return app


async def test_language_and_script_are_remembered_across_restarts(
    glossary: Glossary, tmp_path: Path
) -> None:
    path = tmp_path / "settings.toml"
    app = app_with_settings(glossary, path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "L", "t")
        await settle(pilot)
        assert app.language == "en" and browse(pilot).traditional
    app = app_with_settings(glossary, path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        assert app.language == "en"
        assert screen.traditional and screen.term_list.traditional
        assert screen.notice is None


async def test_a_corrupt_settings_file_is_reported_and_left_alone(
    glossary: Glossary, tmp_path: Path
) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(b"language = en\n")
    app = app_with_settings(glossary, path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        assert screen.notice == t("settings.unreadable", path=path)
        status = screen.query_one("#status")
        shown = "".join(status.render_line(y).text for y in range(status.size.height))
        # Shown whole (wrapped over the lines it needs), not cut at the edge.
        assert "".join(shown.split()) == "".join(t("settings.unreadable", path=path).split())
        await pilot.press("tab", "L", "t")
        await settle(pilot)
        assert app.language == "en"  # the choices still work, for this run
    assert path.read_bytes() == b"language = en\n"


async def test_a_wrapped_related_term_is_indented_under_its_text() -> None:
    title = make_term(
        "《关于〈槐荫区碳达峰工作方案〉的解读》",
        "guan1 yu2 huai2 yin1 qu1 tan4 da2 feng1 gong1 zuo4 fang1 an4 de5 jie3 du2",
        "定义。",
        term_id="jie-du",
    )
    peak = replace(make_term("碳达峰", "tan4 da2 feng1", "定义。"), related=("jie-du",))
    app = make_app(make_glossary(peak, title))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_text(pilot, "碳达峰")
        await pilot.press("enter")
        await settle(pilot)
        related = browse(pilot).card.query_one("#card-related")
        lines = [
            line.text.rstrip()
            for line in related.render_lines(Region(0, 0, related.size.width, related.size.height))
        ]
        rows = [line for line in lines[1:] if line.strip()]
        assert len(rows) >= 2  # the row is wider than the card: it wraps
        assert rows[0].startswith(" ▸ 《关于")
        for continuation in rows[1:]:
            assert continuation.startswith("   ") and continuation[3] != " ", rows


async def test_the_palette_says_no_match_in_chinese(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        for opener in ("ctrl+p", None):
            if opener:
                await pilot.press(opener)
            else:
                await pilot.press("escape")
                app.action_pick_theme()
            await pilot.pause()
            assert isinstance(app.screen, CommandPalette)
            await pilot.press(*"zzzq")
            await pilot.pause(0.8)  # Textual shows its own line after 0.5 s
            options = app.screen.query_one(OptionList)
            shown = [
                str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
            ]
            assert shown == ["没有匹配项"], opener
            await pilot.press("escape")
            await pilot.pause()


async def test_the_header_icon_tooltip_follows_the_language(glossary: Glossary) -> None:
    app = make_app(glossary)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        [icon] = app.screen.query("HeaderIcon")
        assert icon.tooltip == "打开命令面板"
        await pilot.press("tab", "L")
        await pilot.pause()
        assert icon.tooltip == "Open the command palette"
