"""The trainer's report screen shows the same figures as the command line."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest
from rich.text import Text
from textual.command import CommandPalette
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Input, OptionList, TabbedContent
from textual.widgets._data_table import Column
from textual.widgets._footer import FooterKey

from carbon_glossary.core.text import percent_figure
from carbon_glossary.i18n import en, set_language, zh
from carbon_glossary.session.report import RoomReport, build_report, report_tables, summary_lines
from carbon_glossary.ui.screens.room_report import RoomReportApp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from test_report import EXAMPLE, generated_room


async def test_the_screen_shows_the_report() -> None:
    room = generated_room(11, size=12)
    room[0] = replace(room[0], name="张\x1b[31m三")
    report = build_report(EXAMPLE, "example", room)
    app = RoomReportApp(report)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = app.screen
        await pilot.pause()
        assert summary_lines(report)[0] in [line.strip() for line in screen_lines(app)]
        tables = report_tables(report)
        for name in ("room", "questions", "terms"):
            table = screen.query_one(f"#table-{name}", DataTable)
            assert table.row_count == len(tables[name][1])
        people = screen.query_one("#table-room", DataTable)
        names = {str(people.get_row_at(i)[0]) for i in range(people.row_count)}
        assert "张␛[31m三" in names  # the escape is shown, never sent to the terminal
        # a score with one decimal, as the text report, --mark and the exam screen print it
        scores = [str(people.get_row_at(i)[2]) for i in range(people.row_count)]
        assert scores == [percent_figure(p.score_percent) for p in report.people]
        assert all(len(score.split(".")[1]) == 1 for score in scores)
        questions = screen.query_one("#table-questions", DataTable)
        flags = [str(questions.get_row_at(i)[0]).startswith("⚑") for i in range(20)]
        assert flags == [q.flagged for q in report.questions]
        first: Text = questions.get_row_at(0)[2]
        assert first.plain == report.questions[0].term
        kind = zh.MESSAGES[f"quiz.kind.{EXAMPLE.questions[0].kind}"]
        assert str(questions.get_row_at(0)[1]) == kind
        await pilot.press("q")
    assert app.return_code == 0


def example_room() -> RoomReport:
    """The example paper sat by two people on screen and two on paper, with the names,
    departments and terms of every width a room has."""
    room = generated_room(3, size=4)
    room[0] = replace(room[0], name="Alice Wang", department="济南市槐荫区发展和改革局")
    room[1] = replace(room[1], source="sheet", started_at=None)
    room[2] = replace(room[2], source="sheet", started_at=None)
    return build_report(EXAMPLE, "example", room)


def footer_words(app: RoomReportApp) -> list[str]:
    return [str(key.description) for key in app.screen.query(FooterKey)]


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_footer_and_palette_speak_the_interface_language(language: str) -> None:
    set_language(language)
    try:
        app = RoomReportApp(example_room())
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            catalogue = zh.MESSAGES if language == "zh" else en.MESSAGES
            assert footer_words(app) == [
                catalogue[key]
                for key in ("ui.report.people", "ui.report.questions", "ui.report.terms")
            ] + [catalogue["ui.report.close"], catalogue["ui.cmd.palette"]]
            [icon] = app.screen.query("HeaderIcon")
            assert icon.tooltip == catalogue["ui.palette.open"]
            await pilot.press("ctrl+p")
            await pilot.pause(0.3)
            palette = app.screen
            assert isinstance(palette, CommandPalette)
            assert palette.query_one(Input).placeholder == catalogue["ui.palette.placeholder"]
            options = palette.query_one(OptionList)
            shown = [
                str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
            ]
            # The report's own commands, and none of Textual's (Keys, Maximize, Quit…).
            assert len(shown) == 4
            for line, key in zip(shown, ("people", "questions", "terms", "close"), strict=True):
                assert line.startswith(catalogue[f"ui.report.{key}"])
            await pilot.press(*"zzzq")
            await pilot.pause(0.8)  # Textual shows its own line after 0.5 s
            shown = [
                str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
            ]
            assert shown == [catalogue["ui.palette.no_matches"]]
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("ctrl+c")
            await pilot.pause()
            assert [n.message for n in app._notifications] == [catalogue["ui.report.quit_hint"]]
    finally:
        set_language("zh")


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (140, 40)])
async def test_columns_fit_the_screen_and_cut_cells_end_in_an_ellipsis(
    size: tuple[int, int],
) -> None:
    report = example_room()
    app = RoomReportApp(report)
    async with app.run_test(size=size) as pilot:
        for tab in ("1", "2", "3"):
            await pilot.press(tab)
            await pilot.pause()
            table = app.screen.query_one(
                f"#{app.screen.query_one(TabbedContent).active} DataTable", DataTable
            )
            # No column runs off the right edge: nothing is hidden that needs scrolling.
            assert table.virtual_size.width <= table.scrollable_content_region.width
            for column in table.ordered_columns:
                cells = [
                    table.get_cell_at(Coordinate(r, column_index(table, column)))
                    for r in range(table.row_count)
                ]
                for cell in [column.label, *cells]:
                    assert cell.cell_len <= column.width
        questions = app.screen.query_one("#table-questions", DataTable)
        terms = [questions.get_row_at(i)[2].plain for i in range(questions.row_count)]
        for shown, question in zip(terms, report.questions, strict=True):
            assert shown == question.term or (
                shown.endswith("…") and question.term.startswith(shown[:-1])
            )
        if size[0] <= 100:
            assert any(shown.endswith("…") for shown in terms)  # the matching question's five


async def test_time_taken_reads_as_minutes_and_seconds() -> None:
    report = example_room()
    app = RoomReportApp(report)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        people = app.screen.query_one("#table-room", DataTable)
        header = [str(column.label) for column in people.ordered_columns]
        assert header[5] == "用时"
        times = {
            str(people.get_row_at(i)[0]): people.get_row_at(i)[5].plain
            for i in range(people.row_count)
        }
        for person in report.people:
            seconds = person.time_taken_s
            if person.source == "sheet":
                assert times[person.name] == "纸质"
            else:
                assert seconds is not None
                assert times[person.name] == f"{seconds // 60}:{seconds % 60:02d}"


def column_index(table: DataTable[Text], column: Column) -> int:
    return table.ordered_columns.index(column)


def screen_lines(app: RoomReportApp) -> list[str]:
    """The text of each line of the screen, as a screenshot shows it."""
    import html
    import re

    rows: dict[float, list[tuple[float, str]]] = {}
    pattern = r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>'
    for match in re.finditer(pattern, app.export_screenshot()):
        text = html.unescape(match[3]).replace("\xa0", " ")
        rows.setdefault(float(match[2]), []).append((float(match[1]), text))
    return ["".join(text for _, text in sorted(row)) for _, row in sorted(rows.items())]


async def test_the_summary_and_legend_keep_numbers_with_their_units_at_60_columns() -> None:
    """QA at 60x20: "参加人数少于 10" / "人：……" and "（⚑ ……区分度 <" / "0.15）"."""
    report = example_room()
    assert report.summary.noisy
    app = RoomReportApp(report)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        assert any("参加人数少于 10 人：" in line for line in lines), lines
        assert not any(line.rstrip().endswith("10") for line in lines), lines
        await pilot.press("2")  # the questions tab, with its legend
        await pilot.pause()
        lines = screen_lines(app)
        assert any("< 0.15）" in line for line in lines), lines
        assert not any(line.rstrip().endswith("<") for line in lines), lines
        await pilot.press("q")
