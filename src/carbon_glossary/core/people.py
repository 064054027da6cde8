"""Who a person is to the program: the one normalisation rule for names.

A person's answers are kept under a *profile id* made from the name they give: trimmed,
NFC, inner runs of spaces made one, Latin letters case-folded, so that ``Alice``, ``alice``
and `` ALICE `` are one person. Chinese characters are left as they are (case folding does
not apply to them; traditional and simplified forms are different names people write on
purpose). Every front end (``--profile``, ``exam --name``, the sign-in form, the browser's
sign-in, answer sheets, rosters) goes through :func:`profile_id`.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["MAX_FIELD", "clean_field", "profile_id"]

MAX_FIELD = 40
"""The longest name or department accepted, in characters."""


def profile_id(name: str) -> str:
    """The id a person's answers are kept under: trimmed, NFC, Latin letters case-folded
    (``Alice`` and ``alice`` are one person, and so are ``LÜ Wei`` and ``lü wei``), inner
    runs of spaces made one. Other scripts are kept as they are."""
    text = unicodedata.normalize("NFC", name).strip()
    text = re.sub(r"\s+", " ", text)
    return "".join(ch.casefold() if _is_latin(ch) else ch for ch in text)


def _is_latin(ch: str) -> bool:
    return ch.isascii() or unicodedata.name(ch, "").startswith("LATIN ")


def clean_field(text: str) -> str | None:
    """A name or department as kept for display: NFC, trimmed, inner runs of spaces made
    one; None if it holds a control or format character (it would reach a trainer's
    terminal) or is longer than :data:`MAX_FIELD`. An empty result means it was blank."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    if len(text) > MAX_FIELD:
        return None
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in text):
        return None
    return text
