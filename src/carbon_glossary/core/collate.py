"""Dictionary order for terms, following the 现代汉语词典 convention (DESIGN.md "Order").

Terms are compared character by character. A hanzi compares by its toneless syllable (ü as a
variant right after u: lu < lü < luan), then its tone (1, 2, 3, 4, neutral), then its code
point. The dictionary breaks that last tie by stroke count; no stroke data ships with the
package, so the code point stands in: it still keeps every word that starts with the same
character together. The syllable is the term's own reading, so heteronyms file where they
are read (行业 háng, 行动 xíng), which ICU's zh collation cannot do.

A Latin letter files as a one-letter syllable (CCUS技术 under C, before 擦 cā); a run of
digits is a number, and numbers sort before every syllable, so terms that begin with digits
come first, in numeric order (342 before 2030). Brackets, quotes, spaces and other marks are
ignored. Shorter sorts first when one term begins the other (碳 < 碳达峰).
"""

from __future__ import annotations

import operator
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from carbon_glossary.core.model import Term
from carbon_glossary.core.pinyin import (
    InvalidSyllableError,
    is_hanzi,
    parse_syllables,
    split_tone,
)

__all__ = ["DIGITS_HEADING", "full_key", "heading", "sort_key", "sort_terms"]

DIGITS_HEADING = "0–9"

# The key of a term is one string, so that sorting 100,000 terms compares strings in C
# rather than nested tuples. Each compared unit is encoded so that string order is the
# order wanted:
#   number:   "0" + two-digit length + digits        (342 < 2030: "03342" < "042030")
#   syllable: "1" + letters padded to 7 + tone digit + the character itself (tie-break)
# Letters pad with \x01, and ü is u followed by \x02, so lu < lü < luan: the ü variant
# sorts right after u and before any longer syllable. A Latin letter is a syllable of one
# letter with tone 0 (c < ca; a < ā). Units of the same kind have the same width, and the
# kind digit decides between different kinds, so the encoding never misaligns.
_PAD = "\x01"
_UMLAUT = "\x02"
_WIDTH = 7
_LETTER_KEY = str.maketrans({"v": "u" + _UMLAUT, "ê": "e" + _UMLAUT})


@lru_cache(maxsize=8192)
def _syllable_unit(numbered: str) -> str:
    """``lv4`` → ``"1lu\\x02\\x01…4"``: the unit of a syllable, without its character."""
    letters, tone = split_tone(numbered)
    key = letters.translate(_LETTER_KEY)[:_WIDTH].ljust(_WIDTH, _PAD)
    return f"1{key}{5 if tone in (None, 0) else tone}"


def _number_unit(digits: str) -> str:
    # Leading zeros dropped as text: int() refuses more than 4,300 digits, and a term may
    # hold any number of them.
    value = digits.lstrip("0") or "0"
    return f"0{min(len(value), 99):02d}{value}"


def _encode(text: str, syllables: Iterable[str]) -> str:
    """The key string of ``text`` whose hanzi take ``syllables`` in order."""
    readings = iter(syllables)
    units: list[str] = []
    digits = ""
    for char in text + "\0":
        if not char.isascii() and not is_hanzi(char):
            char = unicodedata.normalize("NFKC", char)  # full-width Ａ, １ → A, 1
            if len(char) != 1:
                continue
        if "0" <= char <= "9":
            digits += char
            continue
        if digits:
            units.append(_number_unit(digits))
            digits = ""
        if is_hanzi(char):
            units.append(_syllable_unit(next(readings, "") or "") + char)
        elif char.isascii() and char.isalpha():
            units.append(f"1{char.lower().ljust(_WIDTH, _PAD)}0{char}")
    return "".join(units)


def _pinyin_key(sort_as: str) -> str | None:
    """``sort_as`` written as pinyin (``"tan4 da2 feng1"``, ``"tàn dá fēng"``), or None.

    Pinyin names no character, so such a term files before the words that begin with a
    hanzi of the same syllable and tone; a ``sort_as`` in hanzi files among them.
    """
    try:
        syllables = parse_syllables(sort_as)
    except InvalidSyllableError:
        return None
    if not syllables:
        return None
    return "".join(_syllable_unit(s) + "\0" for s in syllables)


def _sort_as_key(term: Term) -> str:
    """Key for a term's ``sort_as``: pinyin, or text read like the term itself.

    Hanzi of ``sort_as`` that occur in the term take the term's own readings (so a cached
    glossary sorts without pypinyin); any other hanzi are read by core.readings.
    """
    pinyin = _pinyin_key(term.sort_as)
    if pinyin is not None:
        return pinyin
    own: dict[str, str] = {}
    hanzi = (c for c in term.term if is_hanzi(c))
    for char, syllable in zip(hanzi, term.syllables, strict=False):
        own.setdefault(char, syllable)
    needed = [c for c in term.sort_as if is_hanzi(c)]
    if all(c in own for c in needed):
        return _encode(term.sort_as, (own[c] for c in needed))
    from carbon_glossary.core.readings import resolve_reading

    return _encode(term.sort_as, resolve_reading(term.sort_as, None, {}).syllables)


_UNITS: dict[str, str] = {}  # syllable → unit, filled as syllables are met (about 1,300)


def _key_string(term: Term) -> str:
    if term.sort_as:
        return _sort_as_key(term)
    if len(term.syllables) == len(term.term):  # all hanzi: the common case, kept fast
        try:
            return "".join(map(operator.add, map(_UNITS.__getitem__, term.syllables), term.term))
        except KeyError:
            for syllable in term.syllables:
                _UNITS.setdefault(syllable, _syllable_unit(syllable))
            return _key_string(term)
    return _encode(term.term, term.syllables)


def full_key(term: Term) -> str:
    """``sort_key`` as one string, for sorting many terms fast: the order of
    ``(full_key(t), t.position)`` is the order of ``sort_key(t)``."""
    return f"{_key_string(term)}\0{term.term}"


def sort_key(term: Term) -> tuple[str, str, int]:
    """Key for dictionary order; the term text and file position make the order total."""
    return _key_string(term), term.term, term.position


def sort_terms(terms: Iterable[Term]) -> list[Term]:
    """Terms in dictionary order."""
    return sorted(terms, key=sort_key)


def heading(term: Term) -> str:
    """The index letter a term files under: ``"0–9"`` for digit-initial terms, else an
    uppercase letter A–Z (``"#"`` for a term with nothing to file by)."""
    key = _key_string(term)
    if not key:
        return "#"
    if key[0] == "0":
        return DIGITS_HEADING
    first = key[1].upper()
    return first if "A" <= first <= "Z" else "#"
