"""Plain-text layout for the terminal: widths, columns, wrapping, highlighting.

Chinese characters take two terminal cells, so widths are counted in cells with
``unicodedata.east_asian_width`` (W and F are two cells, combining marks none), not with
``len``. No rich here: command output must stay plain text that pipes and ``grep`` handle.
"""

from __future__ import annotations

import os
import shutil
import unicodedata
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import TextIO

__all__ = [
    "cell_width",
    "columns",
    "highlight",
    "label_rows",
    "pad",
    "terminal_width",
    "truncate",
    "use_colour",
    "wrap",
]

_BOLD, _RESET = "\x1b[1;4m", "\x1b[0m"


def cell_width(text: str) -> int:
    """Terminal cells needed for ``text``: 2 for wide (CJK) characters, 0 for combining marks."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` cells (unchanged if already wider)."""
    return text + " " * max(0, width - cell_width(text))


def truncate(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` cells, ending in … when cut."""
    if cell_width(text) <= width:
        return text
    out, used = [], 0
    for char in text:
        size = cell_width(char)
        if used + size > width - 1:
            break
        out.append(char)
        used += size
    return "".join(out) + "…"


def terminal_width(default: int = 80) -> int:
    """Columns of the terminal (``COLUMNS`` if set), at least 40."""
    return max(40, shutil.get_terminal_size((default, 24)).columns)


def use_colour(stream: TextIO) -> bool:
    """Emphasis only on a terminal, and never when ``NO_COLOR`` is set (no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def highlight(text: str, spans: Iterable[tuple[int, int]], enabled: bool) -> str:
    """``text`` with the character ranges ``spans`` emphasised (bold, underlined) if enabled."""
    ranges = sorted((max(0, a), min(len(text), b)) for a, b in spans if b > a)
    if not enabled or not ranges:
        return text
    out: list[str] = []
    position = 0
    for start, end in ranges:
        if start < position:
            start = position
        if start >= end:
            continue
        out.append(text[position:start])
        out.append(_BOLD + text[start:end] + _RESET)
        position = end
    out.append(text[position:])
    return "".join(out)


def columns(
    rows: Sequence[Sequence[str]],
    *,
    caps: Sequence[int] = (),
    shown: Sequence[Sequence[str]] | None = None,
    width: int | None = None,
    gap: int = 2,
) -> list[str]:
    """Rows of cells as aligned lines.

    Each column is as wide as its widest cell, up to ``caps[i]`` cells (a longer cell overflows
    instead of stretching the column for everyone). ``shown`` gives the text actually printed
    for each cell (e.g. with emphasis codes) when it differs from the text measured. With a
    ``width``, the last column is cut to fit it.
    """
    if not rows:
        return []
    count = max(len(row) for row in rows)
    widths = [0] * count
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], cell_width(cell))
    for i, cap in enumerate(caps[:count]):
        widths[i] = min(widths[i], cap)
    lines = []
    for r, row in enumerate(rows):
        parts: list[str] = []
        used = 0
        for i, cell in enumerate(row):
            display = shown[r][i] if shown is not None else cell
            last = i == len(row) - 1
            if last:
                if width is not None and used + cell_width(cell) > width:
                    display = truncate(cell, max(1, width - used))  # emphasis dropped
                parts.append(display)
                break
            used_cell = max(widths[i], cell_width(cell))
            parts.append(display + " " * (used_cell - cell_width(cell) + gap))
            used += used_cell + gap
        lines.append("".join(parts).rstrip())
    return lines


def wrap(text: str, width: int) -> list[str]:
    """``text`` broken into lines of at most ``width`` cells, by the rule of
    :func:`carbon_glossary.core.text.break_offsets` (Latin words whole, Chinese between any
    two characters, 避头尾 punctuation). Existing line breaks are kept."""
    from carbon_glossary.core.text import break_offsets

    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        offsets = [0, *break_offsets(paragraph, max(4, width), cell_width), len(paragraph)]
        lines.extend(paragraph[a:b].rstrip() for a, b in pairwise(offsets))
    return lines


def label_rows(pairs: Iterable[tuple[str, str]], width: int) -> list[str]:
    """``label  value`` lines with labels aligned and values wrapped under each other."""
    items = [(label, value) for label, value in pairs if value]
    if not items:
        return []
    label_width = max(cell_width(label) for label, _ in items) + 2
    lines: list[str] = []
    for label, value in items:
        wrapped = wrap(value, width - label_width)
        lines.append(pad(label, label_width) + wrapped[0])
        lines.extend(" " * label_width + rest for rest in wrapped[1:])
    return lines
