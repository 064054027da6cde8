"""The two catalogues stay in step, and switching language switches every message."""

from __future__ import annotations

import string

import pytest

from carbon_glossary import i18n
from carbon_glossary.i18n import en, zh


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_catalogues_have_the_same_keys() -> None:
    assert set(zh.MESSAGES) - set(en.MESSAGES) == set()
    assert set(en.MESSAGES) - set(zh.MESSAGES) == set()


@pytest.mark.parametrize("key", sorted(zh.MESSAGES))
def test_placeholders_match(key: str) -> None:
    assert placeholders(zh.MESSAGES[key]) == placeholders(en.MESSAGES.get(key, ""))


def test_switching_language() -> None:
    i18n.set_language("en")
    assert i18n.t("severity.error") == "error"
    i18n.set_language("zh")
    assert i18n.t("severity.error") == "错误"


def test_language_names_are_normalised() -> None:
    assert i18n.normalise_language("zh_CN.UTF-8") == "zh"
    assert i18n.normalise_language("en-GB") == "en"
    assert i18n.normalise_language("fr") is None
    with pytest.raises(ValueError):
        i18n.set_language("klingon")
