"""Line breaking for Chinese text: a paragraph renderable that follows the basic rules.

Rich wraps at spaces and folds anything longer at the exact cell, so a Chinese sentence
(which has no spaces) can put "，" or "。" at the start of a line. Here a line may break
between any two hanzi, Latin words stay whole when they fit, and the common rules of
Chinese typesetting (避头尾) hold: no line starts with closing punctuation, none ends
with an opening bracket; the character before such punctuation moves down with it.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

__all__ = ["Fields", "Paragraph", "break_offsets"]

NO_LINE_START = frozenset("，。、；：？！）》」』”’〕】〉…—·,.;:?!)]}%")
NO_LINE_END = frozenset("（《「『“‘〔【〈([{")


def _word_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "-_'")


def _units(text: str) -> list[tuple[int, int, int]]:
    """(start, end, cells) of each unbreakable piece: a Latin/digit word, a space run,
    or any other single character."""
    units: list[tuple[int, int, int]] = []
    index = 0
    while index < len(text):
        char = text[index]
        end = index + 1
        if char.isascii() and char.isalnum():
            while end < len(text) and _word_char(text[end]):
                end += 1
        elif char == " ":
            while end < len(text) and text[end] == " ":
                end += 1
        units.append((index, end, cell_len(text[index:end])))
        index = end
    return units


def break_offsets(text: str, width: int) -> list[int]:
    """Offsets at which to break one line of ``text`` (no newlines) to fit ``width`` cells."""
    width = max(width, 2)
    offsets: list[int] = []
    units = _units(text)
    line_start = 0  # index into units
    line_cells = 0
    i = 0
    while i < len(units):
        start, end, cells = units[i]
        if line_cells + cells <= width or text[start] == " ":
            line_cells += cells
            i += 1
            continue
        if i == line_start:  # one unit wider than the line: fold it by characters
            taken = 0
            cut = start
            while cut < end and taken + cell_len(text[cut]) <= width:
                taken += cell_len(text[cut])
                cut += 1
            cut = max(cut, start + 1)
            offsets.append(cut)
            units[i] = (cut, end, cell_len(text[cut:end]))
            line_start, line_cells = i, 0
            continue
        brk = i
        # Pull the previous unit down with punctuation that may not start a line, and keep
        # an opening bracket with what follows it, while the line keeps at least one unit.
        while brk - 1 > line_start and (
            text[units[brk][0]] in NO_LINE_START or text[units[brk - 1][1] - 1] in NO_LINE_END
        ):
            brk -= 1
        offsets.append(units[brk][0])
        line_start = brk
        line_cells = 0
        i = brk
    return offsets


class Paragraph:
    """A Text wrapped with :func:`break_offsets`; newlines in the text start new lines."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        lines = self.text.plain.split("\n")
        widest = max((cell_len(line) for line in lines), default=0)
        longest_unit = max(
            (cells for line in lines for _, _, cells in _units(line) if cells), default=1
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
