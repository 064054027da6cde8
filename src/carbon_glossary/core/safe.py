"""Text from data, made safe to show on a terminal, put in JSON or copy.

Glossaries, papers and progress files are data that someone else may have written. A
control character in them must never reach a terminal as a control sequence: ``ESC]52;c;…``
writes the clipboard, others clear the screen, set the title, add hyperlinks; a bidi
override (U+202E) reorders what the reader sees. This module is the one rule, used by the
command line and the TUI alike:

* :func:`visible` replaces each such character by exactly one visible character (ESC → ␛,
  other C0 controls → their control pictures ␀…␟, DEL → ␡, C1 controls, invisible format
  characters such as bidi overrides and zero-width spaces, line and paragraph separators and
  lone surrogates → �). One character for one keeps offsets into the text (search
  highlights) valid. Newlines are kept; tabs become spaces.
* :func:`json_escaped` writes the same characters as ``\\uXXXX`` escapes in JSON text,
  so the data survives intact for programs while a terminal never sees them raw.
* :func:`without_controls` drops them (what is copied to the clipboard).
* :func:`unsafe_characters` lists them (what ``check`` warns about).
"""

from __future__ import annotations

import re

__all__ = [
    "is_unsafe",
    "json_escaped",
    "unsafe_characters",
    "visible",
    "visible_line",
    "without_controls",
]

_REPLACEMENT = "\ufffd"

# Unicode's format characters (category Cf, Unicode 15) and the line/paragraph separators,
# as ranges: invisible, some reorder or hide text. Listed rather than found with
# unicodedata over every code point, which would cost ~0.2 s at import.
_INVISIBLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD),  # soft hyphen
    (0x0600, 0x0605),
    (0x061C, 0x061C),  # Arabic letter mark
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),  # Mongolian vowel separator
    (0x200B, 0x200F),  # zero-width space, (non-)joiner, LRM, RLM
    (0x2028, 0x202E),  # line/paragraph separators, bidi embeddings and overrides (U+202E)
    (0x2060, 0x2064),  # word joiner, invisible operators
    (0x2066, 0x206F),  # bidi isolates, deprecated format characters
    (0xFEFF, 0xFEFF),  # zero-width no-break space (BOM)
    (0xFFF9, 0xFFFB),  # interlinear annotation
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),  # tag characters
)
_SURROGATES = (0xD800, 0xDFFF)  # never valid text; surrogate-escaped bytes of a path


def _unsafe_codes() -> list[int]:
    codes = [*range(0x20), 0x7F, *range(0x80, 0xA0)]
    for first, last in (*_INVISIBLE_RANGES, _SURROGATES):
        codes.extend(range(first, last + 1))
    return codes


def _build_table(keep_newlines: bool) -> dict[int, str]:
    table = dict.fromkeys(_unsafe_codes(), _REPLACEMENT)
    table.update({code: chr(0x2400 + code) for code in range(0x20)})  # ␀ … ␟
    table[0x7F] = "␡"
    table[ord("\t")] = " "
    if keep_newlines:
        del table[ord("\n")]
    else:
        table[ord("\n")] = " "
    return table


_BLOCK = _build_table(keep_newlines=True)
_LINE = _build_table(keep_newlines=False)
_CLASS = "".join(
    f"\\U{first:08x}-\\U{last:08x}"
    for first, last in (
        (0x00, 0x1F),
        (0x7F, 0x9F),
        *_INVISIBLE_RANGES,
        _SURROGATES,
    )
)
# Patterns as text, compiled (and cached) by ``re`` when first used: the browser's first
# frame needs only the translation tables above, and compiling these two ranges costs ~2 ms.
_UNSAFE = f"[{_CLASS}]"
_UNSAFE_BUT_LAYOUT = f"(?![\\n\\t])[{_CLASS}]"


def visible(text: str) -> str:
    """``text`` with every unsafe character but the newline shown as one visible symbol."""
    return text.translate(_BLOCK)


def visible_line(text: str) -> str:
    """Like :func:`visible`, for one-line places: newlines and tabs become spaces."""
    return text.translate(_LINE)


def is_unsafe(char: str) -> bool:
    """Whether ``char`` is a control, invisible format character or lone surrogate."""
    return re.match(_UNSAFE, char) is not None


def unsafe_characters(text: str) -> list[str]:
    """The unsafe characters in ``text`` other than newline and tab, in order, once each."""
    return list(dict.fromkeys(re.findall(_UNSAFE_BUT_LAYOUT, text)))


def without_controls(text: str) -> str:
    """``text`` with every unsafe character but newline and tab removed (for copying)."""
    return re.sub(_UNSAFE_BUT_LAYOUT, "", text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # JSON escapes only 16-bit units: a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def json_escaped(document: str) -> str:
    """JSON text (as ``json.dumps(..., ensure_ascii=False)`` writes it) with every unsafe
    character escaped. Outside strings JSON has only ASCII punctuation, spaces and
    newlines, so the raw characters can only be inside strings, where an escape means the
    same character: the document parses to the same data."""
    return re.sub(_UNSAFE_BUT_LAYOUT, _escape, document)
