"""Interface text: one catalogue per language (``zh`` is the default, ``en`` on request).

Every string a user reads comes from here. ``t("key", name=value)`` formats the message
in the current language; a key missing from a catalogue falls back to Chinese, then to
the key itself, so a gap shows up as an odd word, never a crash.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping

from carbon_glossary.i18n import zh

__all__ = ["LANGUAGES", "catalogue", "get_language", "set_language", "t"]

LANGUAGES = ("zh", "en")
_CATALOGUES: dict[str, dict[str, str]] = {"zh": zh.MESSAGES}
"""The catalogues read so far: Chinese always (the fallback), another when first chosen."""
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
    catalogue(normalised)
    _current = normalised


def catalogue(lang: str) -> Mapping[str, str]:
    """The messages of ``lang`` (one of :data:`LANGUAGES`), read on first use: a start in
    Chinese does without the English module."""
    messages = _CATALOGUES.get(lang)
    if messages is None:
        messages = importlib.import_module(f"carbon_glossary.i18n.{lang}").MESSAGES
        _CATALOGUES[lang] = messages
    return messages


def get_language() -> str:
    return _current


def language_from_environment() -> str:
    """``CARBON_GLOSSARY_LANG`` if set and known, else Chinese."""
    return normalise_language(os.environ.get("CARBON_GLOSSARY_LANG")) or "zh"


def t(key: str, /, **params: object) -> str:
    """The message ``key`` in the current language, formatted with ``params``."""
    template = _CATALOGUES[_current].get(key) or zh.MESSAGES.get(key) or key
    return template.format(**params) if params else template
