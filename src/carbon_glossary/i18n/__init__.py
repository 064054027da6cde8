"""Interface text: one catalogue per language (``zh`` is the default, ``en`` on request).

Every string a user reads comes from here. ``t("key", name=value)`` formats the message
in the current language; a key missing from a catalogue falls back to Chinese, then to
the key itself, so a gap shows up as an odd word, never a crash.
"""

from __future__ import annotations

import os

from carbon_glossary.i18n import en, zh

__all__ = ["LANGUAGES", "get_language", "set_language", "t"]

LANGUAGES = ("zh", "en")
_CATALOGUES: dict[str, dict[str, str]] = {"zh": zh.MESSAGES, "en": en.MESSAGES}
_current = "zh"


def normalise_language(value: str | None) -> str | None:
    """``zh``/``zh_CN.UTF-8``/``en-GB`` → ``zh``/``en``; anything else → None."""
    if not value:
        return None
    head = value.strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    return head if head in LANGUAGES else None


def set_language(lang: str) -> None:
    """Switch the interface language for the whole process."""
    global _current
    normalised = normalise_language(lang)
    if normalised is None:
        raise ValueError(lang)
    _current = normalised


def get_language() -> str:
    return _current


def language_from_environment() -> str:
    """``CARBON_GLOSSARY_LANG`` if set and known, else Chinese."""
    return normalise_language(os.environ.get("CARBON_GLOSSARY_LANG")) or "zh"


def t(key: str, /, **params: object) -> str:
    """The message ``key`` in the current language, formatted with ``params``."""
    template = _CATALOGUES[_current].get(key) or zh.MESSAGES.get(key) or key
    return template.format(**params) if params else template
