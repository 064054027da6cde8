"""The glossary's own settings as a second sheet of an exported workbook.

The terms sheet carries the terms. The ``[glossary]`` table (title, language, version) and
the phrase tables (``[phrase_pinyin]``, ``[phrase_traditional]``) belong to the glossary, not
to any term, so an XLSX export writes them on a second sheet, 术语表设置 (``glossary
settings`` in English), one setting a row::

    表                   名称      值                          说明
    glossary             title     槐荫区碳达峰工作方案 术语表   …
    glossary             version   2                           …
    phrase_pinyin        调峰      tiáo fēng                   …
    phrase_traditional   分布      分布                        …

The first two columns are the glossary file's own table and key names, so that a row reads
as the line of glossary.toml it becomes; the fourth explains the row and is not read back.
The import finds the sheet by its name in either language. A CSV file is a single table and
cannot carry these settings (the import says so).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from carbon_glossary.core.pinyin import format_marks
from carbon_glossary.core.problems import Problem

if TYPE_CHECKING:
    from carbon_glossary.core.model import Glossary
    from carbon_glossary.core.tomlpos import KeyPath
    from carbon_glossary.interop.sheets import Sheet

__all__ = [
    "SETTINGS_SHEET_NAMES",
    "Settings",
    "find_settings_sheet",
    "read_settings",
    "settings_table",
]

SETTINGS_SHEET_NAMES = {"zh": "术语表设置", "en": "glossary settings"}
"""The settings sheet's name as written in each interface language (read in either)."""

_HEADER = {"zh": ("表", "名称", "值", "说明"), "en": ("table", "key", "value", "note")}
_GLOSSARY_KEYS = ("title", "language", "version")
_PHRASE_TABLES = ("phrase_pinyin", "phrase_traditional")
_NOTES = {
    "zh": {
        "title": "术语表标题（显示在试卷、报告和讲义上）",
        "language": "术语表的语言",
        "version": "版本：释义有实质修改时加一",
        "phrase_pinyin": "词组读音：用于含有这个词组的每个术语（术语自己的拼音优先）",
        "phrase_traditional": "词组繁体：OpenCC 转换不对时的繁体写法，逐字对应",
    },
    "en": {
        "title": "The glossary's title (shown on papers, reports and handouts)",
        "language": "The glossary's language",
        "version": "Version: raise it when definitions change meaningfully",
        "phrase_pinyin": "Phrase reading: applies to every term containing the phrase "
        "(a term's own pinyin comes first)",
        "phrase_traditional": "Phrase in traditional characters, where OpenCC gets it "
        "wrong, character for character",
    },
}


def settings_table(glossary: Glossary, lang: str) -> tuple[str, list[str], list[list[str]]]:
    """The settings sheet of ``glossary``: its name, header and rows."""
    notes = _NOTES["zh" if lang == "zh" else "en"]
    values = {"title": glossary.title, "language": glossary.language, "version": glossary.version}
    rows = [["glossary", key, values[key], notes[key]] for key in _GLOSSARY_KEYS]
    rows += [
        ["phrase_pinyin", phrase, format_marks(syllables), notes["phrase_pinyin"]]
        for phrase, syllables in glossary.phrase_pinyin.items()
    ]
    rows += [
        ["phrase_traditional", phrase, form, notes["phrase_traditional"]]
        for phrase, form in glossary.phrase_traditional.items()
    ]
    name = SETTINGS_SHEET_NAMES["zh" if lang == "zh" else "en"]
    return name, list(_HEADER["zh" if lang == "zh" else "en"]), rows


def find_settings_sheet(sheets: tuple[Sheet, ...]) -> Sheet | None:
    """The settings sheet among a workbook's other sheets, by its name in either language."""
    wanted = {name.casefold() for name in SETTINGS_SHEET_NAMES.values()}
    for sheet in sheets:
        if sheet.name.strip().casefold() in wanted:
            return sheet
    return None


@dataclass
class Settings:
    """What a settings sheet says, as TOML tables, and the cell each value came from."""

    glossary: dict[str, str] = field(default_factory=dict)
    phrase_pinyin: dict[str, str] = field(default_factory=dict)
    phrase_traditional: dict[str, str] = field(default_factory=dict)
    # a TOML path (("phrase_pinyin", "调峰")) → the (row, column) of its value cell
    cells: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_settings(sheet: Sheet) -> Settings:
    """The settings a sheet holds; a row with an unknown table or key, or a setting given
    twice, is an error at its cell (what the trainer typed must not vanish silently)."""
    settings = Settings()

    def error(row: int, column: int, message: str, /, **params: object) -> None:
        problem = Problem(sheet.path, row, column, "error", message, tuple(sorted(params.items())))
        settings.problems.append(problem)

    for number, cells in sheet.rows:
        table, key, value = (*cells, "", "", "")[:3]
        if not table and not key and not value:
            continue  # a note alone
        if table == "glossary":
            target = settings.glossary
            if key not in _GLOSSARY_KEYS:
                allowed = ", ".join(_GLOSSARY_KEYS)
                error(number, 2, "interop.settings.unknown_key", key=key or "-", allowed=allowed)
                continue
        elif table in _PHRASE_TABLES:
            target = getattr(settings, table)
            if not key:
                error(number, 2, "interop.settings.no_phrase")
                continue
        else:
            allowed = ", ".join(("glossary", *_PHRASE_TABLES))
            error(number, 1, "interop.settings.unknown_table", table=table or "-", allowed=allowed)
            continue
        path = (table, key)
        if path in settings.cells:
            first = settings.cells[path][0]
            error(number, 2, "interop.settings.repeated", key=key, first=first)
            continue
        settings.cells[path] = (number, 3)
        target[key] = value
    return settings
