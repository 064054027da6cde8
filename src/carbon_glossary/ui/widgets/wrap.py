"""Line breaking for Chinese text: a paragraph renderable that follows the basic rules.

Rich wraps at spaces and folds anything longer at the exact cell, so a Chinese sentence
(which has no spaces) can put "，" or "。" at the start of a line. Here lines break by the
rule the command line's output follows too (:func:`carbon_glossary.core.text.break_offsets`,
避头尾), with rich's count of cells.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from carbon_glossary.core import text as text_rules

__all__ = ["Fields", "Paragraph", "break_offsets"]


def break_offsets(text: str, width: int) -> list[int]:
    """Offsets at which to break one line of ``text`` (no newlines) to fit ``width`` cells,
    by the rule in :func:`carbon_glossary.core.text.break_offsets`, in rich's cell count."""
    return text_rules.break_offsets(text, width, cell_len)


class Paragraph:
    """A Text wrapped with :func:`break_offsets`; newlines in the text start new lines."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        lines = self.text.plain.split("\n")
        widest = max((cell_len(line) for line in lines), default=0)
        longest_unit = max(
            (text_rules.longest_unbreakable(line, cell_len) for line in lines), default=1
        )
        return Measurement(min(longest_unit, 2), widest).clamp(max_width=options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        for line in self._lines(width):
            line.rstrip()
            line.no_wrap = True
            line.overflow = "crop"
            line.end = "\n"
            yield line

    def _lines(self, width: int) -> Iterable[Text]:
        for paragraph in self.text.split("\n", allow_blank=True):
            offsets = break_offsets(paragraph.plain, width)
            yield from paragraph.divide(offsets)


class Fields:
    """Labelled values in two columns, each value wrapped by :class:`Paragraph` beside its
    label (a hanging indent). Much cheaper than a rich ``Table``, which measures every cell
    on every render; the card is redrawn as the search changes."""

    def __init__(self, label_style: Style, gap: int = 2) -> None:
        self.label_style = label_style
        self.gap = gap
        self.rows: list[tuple[str, Text]] = []

    def add(self, label: str, value: Text) -> None:
        self.rows.append((label, value))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        label_width = max((cell_len(label) for label, _ in self.rows), default=0) + self.gap
        width = max(options.max_width - label_width, 4)
        for label, value in self.rows:
            prefix = label + " " * (label_width - cell_len(label))
            first = True
            for line in Paragraph(value)._lines(width):
                line.rstrip()
                yield Segment(prefix if first else " " * label_width, self.label_style)
                yield from line.render(console)
                yield Segment.line()
                first = False
