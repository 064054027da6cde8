"""Text normalisation: simplified/traditional conversion, folding for matching, ruby removal,
and where a line of Chinese text may break.

OpenCC converters are created on first use and kept: creating ``s2tw`` costs about 65 ms,
a conversion about a microsecond. ``t2s`` is used for queries and imports, ``s2tw`` for
traditional display forms (``s2t`` gives variants such as 峯; ``s2twp`` would also swap
vocabulary, which a glossary must not do).

OpenCC picks one traditional character per simplified one from its own phrase lists, and
some phrases of this field come out wrong in every configuration (对标对表 → 對標對錶, as if
对表 were "set a watch"). :data:`BUILTIN_TRADITIONAL` fixes those, and a glossary can add
its own (its ``[phrase_traditional]`` table, which wins over the built-in one): the phrase
keeps OpenCC's conversion of everything around it and takes the table's form itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from functools import cache
from types import MappingProxyType
from typing import Any

from carbon_glossary.core.pinyin import InvalidSyllableError, parse_syllable

__all__ = [
    "BUILTIN_TRADITIONAL",
    "COMPARISON_SIGNS",
    "NO_LINE_END",
    "NO_LINE_START",
    "break_offsets",
    "cell_width",
    "fit_cells",
    "fold",
    "longest_unbreakable",
    "percent_figure",
    "strip_ruby",
    "to_simplified",
    "to_traditional",
]

# Phrases OpenCC's s2tw converts wrongly in this field, each checked against OpenCC (the
# comment says what it gives; tests/core/test_text.py checks it still does, so an entry OpenCC
# has since fixed is noticed). Keys are simplified, values the same phrase character by
# character in traditional characters. Keep the phrase as long as needed to be unambiguous:
# 对表 alone *is* 對錶 when it means setting a watch.
BUILTIN_TRADITIONAL: Mapping[str, str] = MappingProxyType(
    {
        "对标对表": "對標對表",  # OpenCC 對標對錶; 对表 = check against a list (表), 解读 三
        "休戚与共": "休戚與共",  # OpenCC 休慼與共, a variant; 教育部《成語典》 writes 休戚與共
    }
)
_NO_PHRASES: Mapping[str, str] = MappingProxyType({})


@cache
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional (or mixed) Chinese → simplified: ``碳達峰`` → ``碳达峰``."""
    if text.isascii():
        return text
    return str(_converter("t2s").convert(text))


def to_traditional(text: str, phrases: Mapping[str, str] = _NO_PHRASES) -> str:
    """Simplified Chinese → traditional characters (Taiwan standard forms, no vocabulary
    changes): ``碳达峰`` → ``碳達峰``.

    ``phrases`` is a glossary's own table of fixes (simplified phrase → traditional phrase,
    the same length); with :data:`BUILTIN_TRADITIONAL` under it, its phrases are written as
    the table says wherever they occur (longest first): ``对标对表`` → ``對標對表``.
    """
    if text.isascii():
        return text
    converted = str(_converter("s2tw").convert(text))
    fixes = _fixes(tuple(phrases.items()))
    if fixes is None:
        return converted
    pattern, table = fixes
    matches = list(pattern.finditer(text))
    if not matches:
        return converted
    if len(converted) != len(text):  # OpenCC changed a length: convert around the phrases
        parts: list[str] = []
        end = 0
        for match in matches:
            parts += (_converter("s2tw").convert(text[end : match.start()]), table[match[0]])
            end = match.end()
        parts.append(_converter("s2tw").convert(text[end:]))
        return "".join(map(str, parts))
    # OpenCC maps character to character: keep its conversion and put each fix in place.
    chars = list(converted)
    for match in matches:
        chars[match.start() : match.end()] = table[match[0]]
    return "".join(chars)


@cache
def _fixes(glossary: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """The built-in fixes under a glossary's, and a pattern that finds them, longest first.

    Only entries whose traditional form has the same length are used (the loader reports
    the others), so a fix never shifts the text around it.
    """
    table = {key: value for key, value in BUILTIN_TRADITIONAL.items()}
    table.update((key, value) for key, value in glossary if key and len(value) == len(key))
    if not table:
        return None
    keys = sorted(table, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys))), table


def fold(text: str) -> str:
    """A form for matching: NFKC (full-width letters and digits become ASCII) and casefold."""
    return unicodedata.normalize("NFKC", text).casefold()


# A parenthesised run of Latin letters (with tone marks) right after a hanzi, as left by a
# web page's ruby annotations: 碳達(dá)峰. Accepted only when it is one pinyin syllable, so
# 碳捕集(CCUS) or 电(power) keep their parentheses. Left to re.sub to compile (and cache):
# only the policy-text reader uses it, and compiling it costs ~2.5 ms, which every start of
# the program would pay as this module's import.
_RUBY = (
    r"(?P<hanzi>[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef])"
    r"\((?P<pinyin>[A-Za-z\u00c0-\u024f\u0300-\u036f:]{1,7})\)"
)


def strip_ruby(raw: str) -> str:
    """Remove scraped ruby annotations: ``碳達(dá)峰`` → ``碳達峰``.

    Only a single pinyin syllable in ASCII parentheses directly after a hanzi is removed;
    anything else in parentheses is text and stays.
    """

    def replace(match: re.Match[str]) -> str:
        try:
            parse_syllable(match["pinyin"])
        except InvalidSyllableError:
            return match[0]
        return match["hanzi"]

    return re.sub(_RUBY, replace, raw)


def cell_width(text: str) -> int:
    """Terminal cells needed for ``text``: 2 for wide (CJK) characters, 0 for combining and
    invisible format marks, 1 for the rest.

    The one count of the plain-text front ends (command output, reports), so that columns
    line up wherever Chinese is mixed with Latin text. (The Textual front end counts with
    rich's ``cell_len``, which agrees on this project's characters.)
    """
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def fit_cells(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` cells, ending in … when cut (never silently)."""
    if cell_width(text) <= width:
        return text
    out: list[str] = []
    used = 0
    for char in text:
        size = cell_width(char)
        if used + size > width - 1:
            break
        out.append(char)
        used += size
    return "".join(out) + "…"


def percent_figure(value: float) -> str:
    """A score, pass rate or mean in per cent as every front end prints it: one decimal
    (``68.0``, ``66.7``, ``100.0``), followed by "%" in a sentence and under a "%" column
    title in a table. One decimal because a paper with matching questions scores in
    fractions of a question (13⅓ of 20 is 66.7%, not 67%)."""
    return f"{round(value, 1) + 0.0:.1f}"  # never "-0.0"


# Line breaking (避头尾): the one rule every front end wraps Chinese text by.
NO_LINE_START = frozenset("，。、；：？！）》」』”’〕】〉…—·,.;:?!)]}%")
"""Closing punctuation: never at the start of a line (the character before moves down)."""
NO_LINE_END = frozenset("（《「『“‘〔【〈([{")
"""Opening punctuation: never at the end of a line (it moves down with what follows)."""


def _word_start(char: str) -> bool:
    """A letter or digit of an alphabetic script (Latin, pinyin with tone marks, ü), not a
    hanzi or other wide character, which lines may break after."""
    return char.isalnum() and unicodedata.east_asian_width(char) not in ("W", "F")


def _word_char(char: str) -> bool:
    return _word_start(char) or char in "-_'" or unicodedata.combining(char) > 0


def _inside_number(text: str, index: int) -> bool:
    """A digit-group comma or decimal point between two digits (26,000, 13.5): part of
    the number, never a place to break."""
    return (
        text[index] in ",."
        and 0 < index < len(text) - 1
        and text[index - 1].isdigit()
        and text[index + 1].isdigit()
    )


COMPARISON_SIGNS = frozenset("<>=≤≥≦≧≠≈±~＜＞＝～")
"""Signs that stay on the line of the number after them: ``< 0.15``, ``≥ 60%``."""


def _hanzi(char: str) -> bool:
    """A Chinese character (a measure word or unit after a number: 人, 道, 年, 吨), not
    wide punctuation."""
    return unicodedata.east_asian_width(char) in ("W", "F") and unicodedata.category(char) == "Lo"


def _pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word, space run or other single character."""
    pieces: list[tuple[int, int]] = []
    index = 0
    while index < len(text):
        char = text[index]
        end = index + 1
        if _word_start(char):
            while end < len(text) and (_word_char(text[end]) or _inside_number(text, end)):
                end += 1
        elif char == " ":
            while end < len(text) and text[end] == " ":
                end += 1
        pieces.append((index, end))
        index = end
    return pieces


def _break_units(text: str, cells: Callable[[str], int]) -> list[tuple[int, int, int]]:
    """(start, end, cells) of each unbreakable piece: a Latin/digit word, a space run,
    or any other single character; and, as one piece, a number with the measure word or
    unit after it (``10 人``, ``3道``, ``2030年``) and a comparison sign with the number
    after it (``< 0.15``, ``≥ 10 人``), with or without a space between them."""
    pieces = _pieces(text)

    def number(k: int) -> bool:
        return k < len(pieces) and text[pieces[k][0]].isdigit()

    def after_space(k: int) -> int:
        return k + 1 if k < len(pieces) and text[pieces[k][0]] == " " else k

    units: list[tuple[int, int, int]] = []
    i = 0
    while i < len(pieces):
        start, end = pieces[i]
        last = i  # the last piece of this unit
        if text[start] in COMPARISON_SIGNS and end == start + 1:
            k = after_space(i + 1)
            if k < len(pieces) and text[pieces[k][0]] in "-−" and number(k + 1):
                k += 1  # a negative number: "< -0.5"
            if number(k):
                last = k
        if number(last):
            k = after_space(last + 1)
            if k < len(pieces) and _hanzi(text[pieces[k][0]]):
                last = k
        end = pieces[last][1]
        units.append((start, end, cells(text[start:end])))
        i = last + 1
    return units


def longest_unbreakable(text: str, cells: Callable[[str], int]) -> int:
    """Cells of the widest piece of one line of ``text`` that cannot be broken."""
    return max((width for _, _, width in _break_units(text, cells) if width), default=1)


def break_offsets(text: str, width: int, cells: Callable[[str], int]) -> list[int]:
    """Offsets at which to break one line of ``text`` (no newlines) to fit ``width``
    terminal cells, as measured by ``cells`` (each front end counts cells its own way).

    A line may break between any two hanzi; Latin words and numbers stay whole when they fit
    (a longer one is folded by characters); spaces at a break stay at the end of the line.
    No line starts with closing punctuation and none ends with an opening bracket: the
    character before such punctuation moves down with it, while a line keeps at least one
    piece. A number stays with the measure word or unit after it (``10 人``) and a
    comparison sign with its number (``< 0.15``), unless that piece alone is wider than
    the line.
    """
    width = max(width, 2)
    offsets: list[int] = []
    units = _break_units(text, cells)
    line_start = 0  # index into units
    line_cells = 0
    i = 0
    while i < len(units):
        start, end, size = units[i]
        if line_cells + size <= width or text[start] == " ":
            line_cells += size
            i += 1
            continue
        if i == line_start:  # one unit wider than the line: fold it by characters
            taken = 0
            cut = start
            while cut < end and taken + cells(text[cut]) <= width:
                taken += cells(text[cut])
                cut += 1
            cut = max(cut, start + 1)
            offsets.append(cut)
            units[i] = (cut, end, cells(text[cut:end]))
            line_start, line_cells = i, 0
            continue
        brk = i
        while brk - 1 > line_start and (
            text[units[brk][0]] in NO_LINE_START or text[units[brk - 1][1] - 1] in NO_LINE_END
        ):
            brk -= 1
        offsets.append(units[brk][0])
        line_start = brk
        line_cells = 0
        i = brk
    return offsets
