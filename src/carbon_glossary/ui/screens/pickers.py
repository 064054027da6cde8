"""Small dialogs that pick one thing: a heading to jump to, a category to filter by."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from carbon_glossary.i18n import t
from carbon_glossary.ui import commands
from carbon_glossary.ui.safe import visible_line

__all__ = ["PICKER_CSS", "CategoryChoice", "CategoryPicker", "HeadingPicker"]


# In each picker's DEFAULT_CSS rather than app.tcss: parsed when a picker is first opened,
# not at every start. Colours only from theme variables.
PICKER_CSS = """
.picker {
    width: 44;
    height: auto;
    max-height: 90%;
    padding: 0 1;
    border: round $primary;
    background: $surface;

    & > .picker-title {
        color: $text-primary;
        text-style: bold;
        margin-bottom: 1;
    }
    & > .picker-hint {
        color: $text-muted;
        margin-top: 1;
    }
    & > OptionList {
        height: auto;
        max-height: 20;
    }
}
"""


def _label(text: str, count: int) -> Text:
    label = Text(visible_line(text))
    label.append(f"  {count}", style="dim")
    return label


class HeadingPicker(ModalScreen[int | None]):
    """Pick a heading of the list; typing its letter (or a digit for 0–9) jumps at once.

    Dismissed with the heading's row index, or None when cancelled.
    """

    DEFAULT_CSS = "HeadingPicker { align: center middle; }" + PICKER_CSS

    BINDINGS: ClassVar[list[BindingType]] = commands.bindings(commands.CANCEL)

    def __init__(self, headings: Sequence[tuple[str, int, int]]) -> None:
        """``headings``: (label, row index, number of terms under it)."""
        super().__init__()
        self.headings = list(headings)

    def compose(self) -> ComposeResult:
        with Vertical(classes="picker"):
            yield Label(t("ui.pick.heading"), classes="picker-title")
            yield OptionList(
                *(
                    Option(_label(label or t("ui.list.no_category"), count), id=str(row))
                    for label, row, count in self.headings
                ),
                id="headings",
            )
            yield Label(t("ui.pick.heading_hint"), classes="picker-hint")

    @on(OptionList.OptionSelected, "#headings")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        assert event.option.id is not None
        self.dismiss(int(event.option.id))

    def on_key(self, event: events.Key) -> None:
        character = (event.character or "").upper()
        if not character or not character.isalnum():
            return
        for label, row, _count in self.headings:
            if label.upper() == character or (character.isdigit() and label[:1].isdigit()):
                event.stop()
                self.dismiss(row)
                return


@dataclass(frozen=True, slots=True)
class CategoryChoice:
    """The category chosen (None: every category)."""

    category: str | None


class CategoryPicker(ModalScreen[CategoryChoice | None]):
    """Pick a category to filter the list by, or all of them. None when cancelled."""

    DEFAULT_CSS = "CategoryPicker { align: center middle; }" + PICKER_CSS

    BINDINGS: ClassVar[list[BindingType]] = commands.bindings(commands.CANCEL)
    _ALL = "all"

    def __init__(
        self, categories: Sequence[tuple[str, int]], total: int, current: str | None
    ) -> None:
        """``categories``: (name, number of terms), in glossary order."""
        super().__init__()
        self.categories = list(categories)
        self.total = total
        self.current = current

    def compose(self) -> ComposeResult:
        options = [Option(_label(t("ui.pick.all_categories"), self.total), id=self._ALL)]
        options += [
            Option(_label(name or t("ui.list.no_category"), count), id=f"c{number}")
            for number, (name, count) in enumerate(self.categories)
        ]
        with Vertical(classes="picker"):
            yield Label(t("ui.pick.category"), classes="picker-title")
            yield OptionList(*options, id="categories")

    def on_mount(self) -> None:
        names = [name for name, _ in self.categories]
        option_list = self.query_one("#categories", OptionList)
        if self.current is not None and self.current in names:
            option_list.highlighted = names.index(self.current) + 1
        else:
            option_list.highlighted = 0

    @on(OptionList.OptionSelected, "#categories")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == self._ALL:
            self.dismiss(CategoryChoice(None))
        else:
            assert event.option.id is not None
            self.dismiss(CategoryChoice(self.categories[int(event.option.id[1:])][0]))
