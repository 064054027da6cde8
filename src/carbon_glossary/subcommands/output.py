"""Plain-text layout for the terminal: widths, columns, wrapping, highlighting.

Chinese characters take two terminal cells, so widths are counted in cells with
:func:`carbon_glossary.core.text.cell_width` (W and F are two cells, combining marks none),
not with ``len``. No rich here: command output must stay plain text that pipes and ``grep`` handle.

Glossary, paper and store text is data someone else may have written: everything the
command line prints goes through :class:`SafeStream`, which shows control and invisible
characters as visible symbols (:func:`carbon_glossary.core.safe.visible`), so no text
reaches the terminal as a control sequence. The one exception is our own emphasis
(:func:`highlight`), which cleans the text it emphasises first.
"""

from __future__ import annotations

import io
import os
import re
import shutil
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import TextIO

from carbon_glossary.core.safe import json_escaped, visible
from carbon_glossary.core.text import cell_width, fit_cells

__all__ = [
    "OutputFailed",
    "SafeStream",
    "cell_width",
    "columns",
    "highlight",
    "json_text",
    "label_rows",
    "pad",
    "terminal_width",
    "truncate",
    "use_colour",
    "wrap",
]

_BOLD, _RESET = "\x1b[1;4m", "\x1b[0m"
# highlight() marks emphasis with these; SafeStream turns them into _BOLD/_RESET on a
# terminal and drops them elsewhere. They carry a per-process random nonce, so text from a
# glossary cannot forge them: the escape codes themselves would pass for anyone's text.
_NONCE = os.urandom(8).hex()
_START, _END = f"\ufdd0{_NONCE}\ufdd1", f"\ufdd1{_NONCE}\ufdd0"
_MARKS = re.compile(f"({_START}|{_END})")


class OutputFailed(Exception):
    """Writing to standard output or error failed (a full disk, a closed descriptor, an I/O
    error); ``reason`` is the system's words for it. A closed pipe is not this: it stays a
    :class:`BrokenPipeError`, the normal end of ``| head``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class SafeStream(io.TextIOBase):
    """A text stream that shows every control character written to it as a visible symbol.

    The emphasis :func:`highlight` marks becomes bold underlined text when ``emphasis`` is
    set (a terminal that wants colour) and is dropped otherwise. A failed write
    or flush raises :class:`OutputFailed` instead of an OSError, so the command line can
    tell it from other failures and say what happened.
    """

    def __init__(self, stream: TextIO, *, emphasis: bool = False) -> None:
        super().__init__()
        self.raw = stream
        self.emphasis = emphasis

    def write(self, text: str) -> int:
        if "\ufdd0" in text:
            parts = _MARKS.split(text)
            for i in range(1, len(parts), 2):
                parts[i] = "" if not self.emphasis else _BOLD if parts[i] == _START else _RESET
            safe = "".join(part if i % 2 else visible(part) for i, part in enumerate(parts))
        else:
            safe = visible(text)
        try:
            self.raw.write(safe)
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as error:  # ValueError: the stream was closed
            raise OutputFailed(_reason(error)) from None
        return len(text)

    def flush(self) -> None:
        try:
            self.raw.flush()
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as error:
            raise OutputFailed(_reason(error)) from None

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        isatty = getattr(self.raw, "isatty", None)
        return bool(isatty and isatty())

    def fileno(self) -> int:
        return self.raw.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.raw, "encoding", None) or "utf-8"


def _reason(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


def json_text(data: object) -> str:
    """``data`` as indented JSON with Chinese kept readable and every control or invisible
    character escaped (``\\u001b``), so the text is safe on a terminal and parses back to
    the same data."""
    import json

    return json_escaped(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` cells (unchanged if already wider)."""
    return text + " " * max(0, width - cell_width(text))


def truncate(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` cells, ending in … when cut."""
    return fit_cells(text, width)


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
    """``text`` with the character ranges ``spans`` emphasised (bold, underlined) if enabled.

    The emphasis is marked for :class:`SafeStream`, which writes it as escape codes on a
    terminal; the text is made visible first (one character for one: the spans still hold).
    """
    text = visible(text)
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
        out.append(_START + text[start:end] + _END)
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
    overflow: bool = False,
) -> list[str]:
    """Rows of cells as aligned lines: every column starts at the same cell on every row.

    Each column is as wide as its widest cell, up to ``caps[i]`` cells; a longer cell is cut
    to the cap and ends in …. With ``overflow``, a longer cell is printed whole and pushes
    the rest of its row to the right instead (for lists whose names matter more than their
    alignment, and that ``grep`` reads). ``shown`` gives the text actually printed for each
    cell (e.g. with emphasis codes) when it differs from the text measured; a cut cell loses
    its emphasis. With a ``width``, the last column is cut to fit it.
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
            if not overflow and cell_width(cell) > widths[i]:
                cell = display = truncate(cell, widths[i])
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
