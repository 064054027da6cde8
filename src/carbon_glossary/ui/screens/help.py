"""The help screen: every key, from the same declarations as the Footer and the palette."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from carbon_glossary.i18n import t
from carbon_glossary.ui import commands
from carbon_glossary.ui.widgets.wrap import Paragraph

__all__ = ["HelpScreen"]


class HelpScreen(ModalScreen[None]):
    """Lists the commands section by section: keys, name and what each does."""

    # Here rather than in app.tcss: parsed when help is first opened, not at every start.
    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }

    #help {
        width: 92%;
        max-width: 110;
        height: 92%;
        padding: 0 1;
        border: round $primary;
        background: $surface;

        & > .help-title {
            color: $text-primary;
            text-style: bold;
        }
        & > .help-intro {
            color: $text-muted;
        }
        & > .help-section {
            margin-top: 1;
            color: $text-accent;
            text-style: bold;
        }
        & > .help-hint {
            margin-top: 1;
            color: $text-muted;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = commands.bindings(commands.CLOSE_HELP)

    def compose(self) -> ComposeResult:
        rows = [
            (section, [(self._keys(command), command) for command in section.commands])
            for section in commands.SECTIONS
        ]
        everything = [entry for _, entries in rows for entry in entries]
        # The same column widths in every section, so the keys line up down the screen.
        key_width = max((cell_len(keys) for keys, _ in everything), default=4)
        title_width = max((cell_len(command.title) for _, command in everything), default=4)
        with VerticalScroll(id="help", can_focus=True):
            yield Label(t("ui.help.title"), classes="help-title")
            yield Static(t("ui.help.intro"), classes="help-intro", markup=False)
            for section, entries in rows:
                yield Label(section.title, classes="help-section")
                table = Table.grid(padding=(0, 2), expand=True)
                table.add_column(no_wrap=True, style="bold", width=key_width)
                table.add_column(no_wrap=True, width=title_width)
                table.add_column(ratio=1)
                for keys, command in entries:
                    # The explanation wraps by the Chinese line-breaking rule: rich breaks
                    # only at spaces and cut "请按 Ctrl+Q" to "请 …" at 80 columns.
                    explanation = Paragraph(Text(command.help))
                    table.add_row(Text(keys), Text(command.title), explanation)
                yield Static(table, classes="help-table")
            yield Label(t("ui.help.close"), classes="help-hint")

    def on_mount(self) -> None:
        self.query_one("#help").focus()

    def _keys(self, command: commands.Command) -> str:
        return commands.display_keys(self.app, command) or t("ui.help.palette_only")
