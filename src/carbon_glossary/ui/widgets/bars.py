"""Horizontal bars drawn with block characters, one row per label.

Widths are in terminal cells: a Chinese category name takes two cells per character, so
labels are padded by cells (rich's ``cell_len``), never by ``len``. A bar's length is its
fraction of ``width`` cells, in eighths of a cell (▏▎▍▌▋▊▉█), and the rest of the track is
drawn with a light shade so an empty bar is still visible.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from carbon_glossary.ui.safe import visible_line

__all__ = ["BarChart", "BarRow", "block_bar"]

_EIGHTHS = " ▏▎▍▌▋▊▉"
FULL = "█"
TRACK = "░"


def block_bar(fraction: float, width: int) -> tuple[str, str]:
    """The filled part and the rest of a bar ``width`` cells long, ``fraction`` (0–1) full.

    Together they are always exactly ``width`` cells.
    """
    width = max(0, width)
    eighths = round(min(1.0, max(0.0, fraction)) * width * 8)
    full, part = divmod(eighths, 8)
    filled = FULL * full + (_EIGHTHS[part] if part else "")
    return filled, TRACK * (width - cell_len(filled))


@dataclass(frozen=True, slots=True)
class BarRow:
    """One bar: its label, how full it is (0–1, None for no data) and the figures shown
    after it (``"12/15  80%"``)."""

    label: str
    fraction: float | None
    figures: str


class BarChart(Static):
    """Rows of label, bar and figures; labels and figures aligned by terminal cells."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"bar-chart--bar", "bar-chart--track"}
    DEFAULT_CSS = """
    BarChart { height: auto; }
    BarChart > .bar-chart--bar { color: $primary; }
    BarChart > .bar-chart--track { color: $panel-lighten-2; }
    """
    BAR_WIDTH: ClassVar[int] = 20
    LABEL_CAP: ClassVar[int] = 16

    def __init__(self, rows: Sequence[BarRow] = (), **kwargs: object) -> None:
        super().__init__(markup=False, **kwargs)  # type: ignore[arg-type]
        self._rows: tuple[BarRow, ...] = tuple(rows)

    @property
    def rows(self) -> tuple[BarRow, ...]:
        return self._rows

    def set_rows(self, rows: Sequence[BarRow]) -> None:
        self._rows = tuple(rows)
        self.refresh(layout=True)

    def render(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True, max_width=self.LABEL_CAP, overflow="ellipsis")
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True)
        bar_style = self.get_component_rich_style("bar-chart--bar")
        track_style = self.get_component_rich_style("bar-chart--track")
        for row in self._rows:
            filled, track = block_bar(row.fraction or 0.0, self.BAR_WIDTH)
            bar = Text.assemble((filled, bar_style), (track, track_style))
            table.add_row(Text(visible_line(row.label)), bar, Text(row.figures))
        return table
