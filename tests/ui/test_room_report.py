"""The trainer's report screen shows the same figures as the command line."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual.widgets import DataTable, Static

from carbon_glossary.session.report import build_report, report_tables, summary_lines
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
        summary = str(screen.query_one("#summary", Static).render())
        assert summary_lines(report)[0] in summary
        tables = report_tables(report)
        for name in ("room", "questions", "terms"):
            table = screen.query_one(f"#table-{name}", DataTable)
            assert table.row_count == len(tables[name][1])
        people = screen.query_one("#table-room", DataTable)
        names = {str(people.get_row_at(i)[0]) for i in range(people.row_count)}
        assert "张␛[31m三" in names  # the escape is shown, never sent to the terminal
        questions = screen.query_one("#table-questions", DataTable)
        flags = [str(questions.get_row_at(i)[0]).startswith("⚑") for i in range(20)]
        assert flags == [q.flagged for q in report.questions]
        first: Text = questions.get_row_at(0)[2]
        assert first.plain == report.questions[0].term
        await pilot.press("q")
    assert app.return_code == 0
