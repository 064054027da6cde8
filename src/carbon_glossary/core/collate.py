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

__all__ = ["DIGITS_HEADING", "Element", "heading", "sort_key", "sort_terms", "term_elements"]

DIGITS_HEADING = "0–9"

# One compared unit: (kind, number, syllable letters, tone, code point). kind 0 = number,
# 1 = syllable (hanzi or Latin letter). A single shape keeps every pair of keys comparable.
Element = tuple[int, int, str, int, int]

# ü (written v) is a variant of u: "u\0" sorts after "u" and before "ua", "uan" …
_LETTER_KEY = str.maketrans({"v": "u\0", "ê": "e\0"})


@lru_cache(maxsize=4096)
def _syllable_parts(numbered: str) -> tuple[str, int]:
    """``lv4`` → (``"lu\\0"``, 4): comparable letters and tone (neutral = 5)."""
    letters, tone = split_tone(numbered)
    return letters.translate(_LETTER_KEY), 5 if tone in (None, 0) else tone


def _elements(text: str, syllables: Iterable[str]) -> tuple[Element, ...]:
    """Elements of ``text`` whose hanzi take ``syllables`` in order."""
    readings = iter(syllables)
    elements: list[Element] = []
    digits = ""
    for char in unicodedata.normalize("NFKC", text) + "\0":
        if "0" <= char <= "9":
            digits += char
            continue
        if digits:
            elements.append((0, int(digits), "", 0, 0))
            digits = ""
        if is_hanzi(char):
            letters, tone = _syllable_parts(next(readings, "") or "")
            elements.append((1, 0, letters, tone, ord(char)))
        elif char.isascii() and char.isalpha():
            # A letter is a toneless one-letter syllable: c < ca, and before any hanzi read c…
            elements.append((1, 0, char.lower(), 0, ord(char)))
    return tuple(elements)


def _pinyin_elements(sort_as: str) -> tuple[Element, ...] | None:
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
    return tuple((1, 0, *_syllable_parts(s), 0) for s in syllables)


def _sort_as_elements(term: Term) -> tuple[Element, ...]:
    """Elements for a term's ``sort_as``: pinyin, or text read like the term itself.

    Hanzi of ``sort_as`` that occur in the term take the term's own readings (so a cached
    glossary sorts without pypinyin); any other hanzi are read by core.readings.
    """
    pinyin = _pinyin_elements(term.sort_as)
    if pinyin is not None:
        return pinyin
    own: dict[str, str] = {}
    hanzi = (c for c in term.term if is_hanzi(c))
    for char, syllable in zip(hanzi, term.syllables, strict=False):
        own.setdefault(char, syllable)
    needed = [c for c in term.sort_as if is_hanzi(c)]
    if all(c in own for c in needed):
        return _elements(term.sort_as, (own[c] for c in needed))
    from carbon_glossary.core.readings import resolve_reading

    return _elements(term.sort_as, resolve_reading(term.sort_as, None, {}).syllables)


def term_elements(term: Term) -> tuple[Element, ...]:
    """The compared units of a term, from ``sort_as`` when it has one."""
    if term.sort_as:
        return _sort_as_elements(term)
    return _elements(term.term, term.syllables)


def sort_key(term: Term) -> tuple[tuple[Element, ...], str, int]:
    """Key for dictionary order; the term text and file position make the order total."""
    return term_elements(term), term.term, term.position


def sort_terms(terms: Iterable[Term]) -> list[Term]:
    """Terms in dictionary order."""
    return sorted(terms, key=sort_key)


def heading(term: Term) -> str:
    """The index letter a term files under: ``"0–9"`` for digit-initial terms, else an
    uppercase letter A–Z (``"#"`` for a term with nothing to file by)."""
    elements = term_elements(term)
    if not elements:
        return "#"
    kind, _, letters, _, _ = elements[0]
    if kind == 0:
        return DIGITS_HEADING
    first = letters[:1].upper()
    return first if "A" <= first <= "Z" else "#"
