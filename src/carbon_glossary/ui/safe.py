"""Make glossary text safe to put on a terminal.

Glossary text is data. Markup is never interpreted because the UI only builds
``rich.text.Text`` objects from it, but control characters would still reach the terminal:
an ESC could recolour or move the cursor. Each control character is replaced by one visible
character (ESC → ␛), so offsets into the text (search highlights) stay valid.
"""

from __future__ import annotations

__all__ = ["visible", "visible_line"]


def _build_table(keep_newlines: bool) -> dict[int, str]:
    table = {code: chr(0x2400 + code) for code in range(0x20)}  # ␀ … ␟ control pictures
    table[0x7F] = "␡"
    for code in range(0x80, 0xA0):  # C1 controls (CSI 0x9b among them) have no picture
        table[code] = "\ufffd"
    table[ord("\t")] = " "
    if keep_newlines:
        del table[ord("\n")]
    else:
        table[ord("\n")] = " "
    return table


_BLOCK = _build_table(keep_newlines=True)
_LINE = _build_table(keep_newlines=False)


def visible(text: str) -> str:
    """``text`` with every control character but the newline shown as a visible symbol."""
    return text.translate(_BLOCK)


def visible_line(text: str) -> str:
    """Like :func:`visible`, for one-line places: newlines and tabs become spaces."""
    return text.translate(_LINE)
