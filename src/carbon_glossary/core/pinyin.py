"""Pinyin as text: parsing what people type or write, and formatting readings.

The canonical form of a syllable is *numbered*: lowercase letters, ``v`` for ü, and a tone
digit 1–5 (5 = neutral): ``tan4``, ``lv4``, ``de5``. Tone marks are produced for display.

pypinyin is imported lazily, inside functions: a warm glossary cache must start without it
(it costs about 140 ms to import).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

__all__ = [
    "InvalidSyllableError",
    "format_marks",
    "format_numbers",
    "is_hanzi",
    "parse_syllable",
    "parse_syllables",
    "split_tone",
    "to_marked",
    "valid_syllables",
]

_SEPARATORS = re.compile(r"[\s'’\-·,，、]+")
_NUMBERED = re.compile(r"[a-z]+[0-5]?")


class InvalidSyllableError(ValueError):
    """A piece of text is not a Mandarin syllable."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def is_hanzi(char: str) -> bool:
    """True for a CJK unified ideograph (the characters that take a syllable)."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2EBEF
        or 0xF900 <= code <= 0xFAFF
    )


@cache
def valid_syllables() -> frozenset[str]:
    """Every toneless syllable pypinyin knows (``v`` for ü), about 420 of them."""
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    readings = {r for value in pinyin_dict.values() for r in value.split(",")}
    return frozenset(to_normal(r, v_to_u=False) for r in readings)


def parse_syllable(raw: str, *, neutral_when_toneless: bool = True) -> str:
    """One syllable as typed or written → numbered form.

    Accepts tone marks (``lǜ``), tone numbers (``lv4``, ``lu:4``, ``lü4``), ``0`` or ``5`` or
    no tone for the neutral tone, any case and full-width letters. Without a tone the result
    ends in ``5`` when ``neutral_when_toneless``, else it has no digit (``tan``).
    Raises :class:`InvalidSyllableError` when the letters are not a syllable.
    """
    from pypinyin.contrib.tone_convert import to_tone3

    text = unicodedata.normalize("NFKC", raw).strip().lower()
    text = text.replace("u:", "v").replace("ü", "v") if "ü" in text or "u:" in text else text
    if not text:
        raise InvalidSyllableError(raw)
    text = to_tone3(unicodedata.normalize("NFC", text), v_to_u=False, neutral_tone_with_five=False)
    if not _NUMBERED.fullmatch(text):
        raise InvalidSyllableError(raw)
    letters, tone = split_tone(text)
    if tone == 0:
        tone = 5
    if letters not in valid_syllables() or (tone is not None and tone > 5):
        raise InvalidSyllableError(raw)
    if tone is None:
        return f"{letters}5" if neutral_when_toneless else letters
    return f"{letters}{tone}"


def split_tone(numbered: str) -> tuple[str, int | None]:
    """``tan4`` → (``tan``, 4); ``tan`` → (``tan``, None)."""
    if numbered and numbered[-1].isdigit():
        return numbered[:-1], int(numbered[-1])
    return numbered, None


def parse_syllables(text: str, *, neutral_when_toneless: bool = True) -> tuple[str, ...]:
    """Space- (or hyphen-, apostrophe-) separated syllables → numbered syllables.

    ``"tàn dá fēng"`` and ``"tan4 da2 feng1"`` both give ``("tan4", "da2", "feng1")``.
    Raises :class:`InvalidSyllableError` naming the first piece that is not a syllable.
    """
    pieces = [p for p in _SEPARATORS.split(unicodedata.normalize("NFKC", text)) if p]
    return tuple(parse_syllable(p, neutral_when_toneless=neutral_when_toneless) for p in pieces)


@cache
def to_marked(numbered: str) -> str:
    """``lv4`` → ``lǜ``; ``de5`` → ``de``."""
    from pypinyin.contrib.tone_convert import to_tone

    letters, tone = split_tone(numbered)
    if tone in (None, 5, 0):
        return letters.replace("v", "ü")
    return str(to_tone(f"{letters}{tone}"))


def format_marks(numbered: tuple[str, ...] | list[str]) -> str:
    """``("tan4", "da2", "feng1")`` → ``tàn dá fēng``."""
    return " ".join(to_marked(s) for s in numbered)


def format_numbers(numbered: tuple[str, ...] | list[str]) -> str:
    """``("tan4", "da2", "feng1")`` → ``tan4 da2 feng1``."""
    return " ".join(numbered)
