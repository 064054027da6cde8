"""The trainer's room report on screen: the same report object, summary and tables as
``carbon-glossary report`` prints (see :mod:`carbon_glossary.session.report`).

Every word on it comes from the interface language's catalogue: the Footer, the command
palette (Textual's own English commands are left out) and the tables. The tables fit the
terminal's width: each column is as wide as its content, and when the screen is narrower
the long text columns (names, terms, options chosen) give up cells, ending each cut cell
with "…".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from carbon_glossary.core.text import fit_cells, percent_figure
from carbon_glossary.i18n import set_language, t
from carbon_glossary.session.report import (
    RoomReport,
    report_tables,
    summary_lines,
    table_headers,
    time_taken_text,
)
from carbon_glossary.ui import commands
from carbon_glossary.ui.safe import visible_line
from carbon_glossary.ui.terminal import utf8_input_driver
from carbon_glossary.ui.widgets.wrap import Paragraph

if TYPE_CHECKING:
    from collections.abc import Iterable

    from textual.driver import Driver

__all__ = ["RoomReportApp", "RoomReportScreen", "fit_widths", "run_room_report"]

TABLES = ("room", "questions", "terms")
SHRINKABLE: dict[str, tuple[int, ...]] = {"room": (0, 1), "questions": (1, 2, 5), "terms": (0,)}
"""Columns that give up cells when a table is wider than the screen: text (names,
departments, question kinds, terms, options chosen), never figures. Still too wide (60
columns in English), the table scrolls sideways."""
NARROWEST = 6
"""A shrinking column keeps at least this many cells (two hanzi and the ellipsis)."""


def fit_widths(
    natural: Sequence[int], room: int, shrinkable: Sequence[int], narrowest: int = NARROWEST
) -> list[int]:
    """Column widths that fit ``room`` cells: the widest shrinkable column gives up a cell
    until the table fits or none can shrink further (then the table scrolls sideways)."""
    widths = list(natural)
    excess = sum(widths) - room
    while excess > 0:
        candidates = [i for i in shrinkable if widths[i] > narrowest]
        if not candidates:
            break
        widest = max(candidates, key=lambda i: widths[i])
        widths[widest] -= 1
        excess -= 1
    return widths


def _cell(value: object) -> Text:
    """A table cell: data, never markup, with no control character reaching the terminal."""
    if isinstance(value, bool):
        return Text(t("training.report.yes" if value else "training.report.no"))
    if value is None:
        return Text("–", justify="right")  # a figure that cannot be computed
    if isinstance(value, float):
        return Text(f"{round(value, 2) + 0.0:.2f}", justify="right")  # never "-0.00"
    if isinstance(value, int):
        return Text(str(value), justify="right")
    return Text(visible_line(str(value)))


def _rows(report: RoomReport) -> dict[str, tuple[list[str], list[list[Text]]]]:
    """Each table's column titles and cells as the screen shows them: the score with one
    decimal as everywhere else, the time as minutes and seconds, a flag ⚑ before a question
    that looks broken (in place of the spreadsheet's yes/no column)."""
    headers = table_headers()
    headers["room"][5] = t("training.report.time")
    tables = report_tables(report, headers)
    shown: dict[str, tuple[list[str], list[list[Text]]]] = {}
    for name in TABLES:
        header, rows = tables[name]
        cells = [[_cell(value) for value in row] for row in rows]
        shown[name] = (header, cells)
    room = shown["room"][1]
    for person, row in zip(report.people, room, strict=True):
        row[2] = Text(percent_figure(person.score_percent), justify="right")
        row[5] = Text(time_taken_text(person) or "–", justify="right")
    header, questions = shown["questions"]
    for question, row in zip(report.questions, questions, strict=True):
        row[0] = Text(("⚑ " if question.flagged else "  ") + str(question.number))
        del row[-1]
    shown["questions"] = (header[:-1], questions)
    return shown


class RoomReportScreen(commands.LocalisedBindings):
    """Summary above three tabs: people, questions (broken-looking ones flagged ⚑), and
    terms most missed first."""

    DEFAULT_CSS = """
    RoomReportScreen #summary { padding: 0 1; height: auto; color: $text; }
    RoomReportScreen .legend { padding: 0 1; color: $text-muted; }
    RoomReportScreen DataTable { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = commands.bindings(
        commands.REPORT_PEOPLE,
        commands.REPORT_QUESTIONS,
        commands.REPORT_TERMS,
        commands.REPORT_CLOSE,
    )
    PALETTE: ClassVar[tuple[commands.Command, ...]] = (
        commands.REPORT_PEOPLE,
        commands.REPORT_QUESTIONS,
        commands.REPORT_TERMS,
        commands.REPORT_CLOSE,
    )
    FIT_FOOTER = True

    def __init__(self, report: RoomReport) -> None:
        super().__init__()
        self.report = report
        self._shown = _rows(report)
        self._filled_width = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical():
            lines = summary_lines(self.report)
            # Wrapped by the one Chinese line-breaking rule (never "少于 10" / "人"), not
            # rich's, which breaks at any space.
            summary = Text(visible_line(self.report.title) + "\n" + "\n".join(lines))
            yield Static(Paragraph(summary), id="summary")
            with TabbedContent():
                for name in TABLES:
                    with TabPane(t(f"training.report.sheet.{name}"), id=f"tab-{name}"):
                        if name == "questions":
                            legend = Paragraph(Text(t("training.report.questions")))
                            yield Static(legend, classes="legend")
                        yield DataTable(id=f"table-{name}", zebra_stripes=True, cursor_type="row")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = t("training.report.title", title=visible_line(self.report.title))
        self._fill(self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self.refresh_bindings()  # the Footer refits (FIT_FOOTER)
        if event.size.width != self._filled_width:
            self._fill(event.size.width)

    def _fill(self, width: int) -> None:
        """Fill the tables for a screen ``width`` cells wide (again after a resize)."""
        self._filled_width = width
        for name in TABLES:
            table: DataTable[Text] = self.query_one(f"#table-{name}", DataTable)
            header, rows = self._shown[name]
            natural = [
                max([cell_len(title), *(row[i].cell_len for row in rows)])
                for i, title in enumerate(header)
            ]
            # Each column has a cell of padding either side; the vertical scrollbar takes 2.
            room = width - 2 - 2 * table.cell_padding * len(header)
            widths = fit_widths(natural, room, SHRINKABLE[name])
            table.clear(columns=True)
            for title, column_width in zip(header, widths, strict=True):
                table.add_column(Text(fit_cells(title, column_width)), width=column_width)
            for row in rows:
                table.add_row(*(_fitted(cell, w) for cell, w in zip(row, widths, strict=True)))

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        self.query_one(f"#{tab} DataTable", DataTable).focus()


def _fitted(cell: Text, width: int) -> Text:
    """``cell`` cut to ``width`` cells with a closing "…" if it is wider (by the cell count
    of the plain-text report, so a cut never leaves half a hanzi as a space)."""
    if cell.cell_len <= width:
        return cell
    return Text(fit_cells(cell.plain, width), justify=cell.justify)


class RoomReportApp(App[None]):
    """An app that shows one room report; leaving the screen leaves the app."""

    BINDINGS: ClassVar[list[BindingType]] = commands.bindings(commands.PALETTE)
    COMMANDS: ClassVar[set[type[commands.CommandsProvider]]] = {  # type: ignore[assignment]
        commands.CommandsProvider
    }

    def __init__(self, report: RoomReport) -> None:
        super().__init__()
        self.report = report

    def get_default_screen(self) -> Screen[None]:
        return RoomReportScreen(self.report)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[object]:  # type: ignore[override]
        """None of Textual's own (Keys, Maximize, Quit…): they are in English."""
        return ()

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(
                CommandPalette(placeholder=t("ui.palette.placeholder"), id="--command-palette")
            )

    def action_help_quit(self) -> None:
        """Ctrl+C: say how to close the report, in the interface language (Textual's own
        hint is in English)."""
        self.notify(t("ui.report.quit_hint"), markup=False)

    def get_driver_class(self) -> type[Driver]:
        """As the main app's: keyboard input that is not UTF-8 ends it with a message."""
        return utf8_input_driver(super().get_driver_class())


def run_room_report(report: RoomReport, language: str) -> int:
    """Show ``report`` until the trainer leaves; the exit code."""
    set_language(language)
    app = RoomReportApp(report)
    app.run()
    return app.return_code or 0
