"""Text normalisation: simplified/traditional conversion, folding for matching, ruby removal.

OpenCC converters are created on first use and kept: creating ``s2tw`` costs about 65 ms,
a conversion about a microsecond. ``t2s`` is used for queries and imports, ``s2tw`` for
traditional display forms (``s2t`` gives variants such as 峯; ``s2twp`` would also swap
vocabulary, which a glossary must not do).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

from carbon_glossary.core.pinyin import InvalidSyllableError, parse_syllable

__all__ = ["fold", "strip_ruby", "to_simplified", "to_traditional"]


@cache
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional (or mixed) Chinese → simplified: ``碳達峰`` → ``碳达峰``."""
    if text.isascii():
        return text
    return str(_converter("t2s").convert(text))


def to_traditional(text: str) -> str:
    """Simplified Chinese → traditional characters (Taiwan standard forms, no vocabulary
    changes): ``碳达峰`` → ``碳達峰``."""
    if text.isascii():
        return text
    return str(_converter("s2tw").convert(text))


def fold(text: str) -> str:
    """A form for matching: NFKC (full-width letters and digits become ASCII) and casefold."""
    return unicodedata.normalize("NFKC", text).casefold()


# A parenthesised run of Latin letters (with tone marks) right after a hanzi, as left by a
# web page's ruby annotations: 碳達(dá)峰. Accepted only when it is one pinyin syllable, so
# 碳捕集(CCUS) or 电(power) keep their parentheses.
_RUBY = re.compile(
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

    return _RUBY.sub(replace, raw)
