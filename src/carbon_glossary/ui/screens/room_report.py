"""The trainer's room report on screen: the same report object, summary and tables as
``carbon-glossary report`` prints (see :mod:`carbon_glossary.session.report`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from carbon_glossary.core.quiz import kind_name
from carbon_glossary.i18n import set_language, t
from carbon_glossary.session.report import RoomReport, report_tables, summary_lines
from carbon_glossary.ui.safe import visible_line
from carbon_glossary.ui.terminal import utf8_input_driver

if TYPE_CHECKING:
    from textual.driver import Driver

__all__ = ["RoomReportApp", "RoomReportScreen", "run_room_report"]


def _cell(value: object) -> Text:
    """A table cell: data, never markup, with no control character reaching the terminal."""
    if isinstance(value, bool):
        return Text(t("training.report.yes" if value else "training.report.no"))
    if value is None:
        return Text("–")
    if isinstance(value, float):
        return Text(f"{round(value, 2) + 0.0:.2f}", justify="right")  # never "-0.00"
    if isinstance(value, int):
        return Text(str(value), justify="right")
    return Text(visible_line(str(value)))


class RoomReportScreen(Screen[None]):
    """Summary above three tabs: people, questions (broken-looking ones flagged ⚑), and
    terms most missed first."""

    DEFAULT_CSS = """
    RoomReportScreen #summary { padding: 0 1; height: auto; color: $text; }
    RoomReportScreen DataTable { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "app.quit", t("training.screen.close"), key_display="q"),
    ]

    def __init__(self, report: RoomReport) -> None:
        super().__init__()
        self.report = report

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical():
            lines = summary_lines(self.report)
            yield Static(
                Text(visible_line(self.report.title) + "\n" + "\n".join(lines)), id="summary"
            )
            tables = report_tables(self.report)
            with TabbedContent():
                for name in ("room", "questions", "terms"):
                    with TabPane(t(f"training.report.sheet.{name}"), id=f"tab-{name}"):
                        yield DataTable(id=f"table-{name}", zebra_stripes=True, cursor_type="row")
        yield Footer()
        self._tables = tables

    def on_mount(self) -> None:
        self.title = t("training.report.title", title=visible_line(self.report.title))
        flagged = {q.number for q in self.report.questions if q.flagged}
        for name, (header, rows) in self._tables.items():
            table: DataTable[Text] = self.query_one(f"#table-{name}", DataTable)
            table.add_columns(*header)
            for row in rows:
                cells = [_cell(value) for value in row]
                if name == "questions":
                    number = int(str(row[0]))
                    cells[0] = Text(("⚑ " if number in flagged else "  ") + str(number))
                    cells[1] = Text(kind_name(str(row[1])))
                table.add_row(*cells)


class RoomReportApp(App[None]):
    """An app that shows one room report; leaving the screen leaves the app."""

    def __init__(self, report: RoomReport) -> None:
        super().__init__()
        self.report = report

    def get_default_screen(self) -> Screen[None]:
        return RoomReportScreen(self.report)

    def get_driver_class(self) -> type[Driver]:
        """As the main app's: keyboard input that is not UTF-8 ends it with a message."""
        return utf8_input_driver(super().get_driver_class())


def run_room_report(report: RoomReport, language: str) -> int:
    """Show ``report`` until the trainer leaves; the exit code."""
    set_language(language)
    app = RoomReportApp(report)
    app.run()
    return app.return_code or 0
