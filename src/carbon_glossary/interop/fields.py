"""The columns of a glossary spreadsheet: which header means which glossary field.

A header is recognised in Chinese (simplified or traditional) or English, in any case and
with surrounding spaces ignored: ``术语``/``術語``/``Term`` all name the ``term`` field.
List fields hold several values in one cell, separated by ``；`` or ``;`` — or, when a value
itself contains one of those, by line breaks (which is how we write such cells).
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

__all__ = [
    "FIELDS",
    "IGNORED_HEADERS",
    "LIST_FIELDS",
    "Field",
    "field_for_header",
    "is_ignored_header",
    "join_list",
    "split_list",
]


class Field(NamedTuple):
    """One glossary field as a spreadsheet column (a row of :data:`FIELDS`; a NamedTuple,
    whose class is built in a fraction of a dataclass's time: the command line's help
    lists the export formats, which read these, on every start)."""

    key: str  # the TOML key (loader.TERM_KEYS)
    zh: str  # the Chinese header we write
    en: str  # the English header we write
    is_list: bool = False
    other_names: tuple[str, ...] = ()


# In the order a trainer fills them in; export and the template write this order.
FIELDS: tuple[Field, ...] = (
    Field("term", "术语", "term", other_names=("词条", "术语名称")),
    Field("pinyin", "拼音", "pinyin", other_names=("读音",)),
    Field("traditional", "繁体", "traditional", other_names=("繁体字",)),
    Field("english", "英文", "english", is_list=True, other_names=("英文名", "英语")),
    Field("definition", "释义", "definition", other_names=("定义", "解释")),
    Field("definition_en", "英文释义", "definition_en", other_names=("英文定义",)),
    Field("category", "类别", "category", other_names=("分类", "类")),
    Field("source", "出处", "source", other_names=("来源",)),
    Field("examples", "例句", "examples", is_list=True, other_names=("示例",)),
    Field("related", "相关", "related", is_list=True, other_names=("相关术语",)),
    Field("broader", "上位", "broader", is_list=True, other_names=("上位术语",)),
    Field("near", "近义", "near", is_list=True, other_names=("近义术语", "近义词")),
    Field("tags", "标签", "tags", is_list=True),
    Field("aliases", "别名", "aliases", is_list=True, other_names=("又称",)),
    Field("sort_as", "排序", "sort_as", other_names=("排序依据",)),
    # Not 编号: in a Chinese sheet that is usually a row number, and ids must stay with their
    # terms (progress follows them) whatever order the rows are in next time.
    Field("id", "ID", "id", other_names=("标识", "术语ID", "词条ID")),
)
LIST_FIELDS = frozenset(f.key for f in FIELDS if f.is_list)
# Columns people keep beside their terms that are no glossary field: skipped with a warning.
# Any other unknown header is an error (a misspelt 释义 must not drop every definition).
IGNORED_HEADERS = frozenset(
    {"序号", "编号", "行号", "备注", "说明", "no", "no.", "#", "notes", "remarks"}
)


def _normal(name: str) -> str:
    from carbon_glossary.core.text import to_simplified

    text = unicodedata.normalize("NFKC", name).strip().casefold()
    text = re.sub(r"[\s_\-]+", "_", text)
    return to_simplified(text)


def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    for f in FIELDS:
        for name in (f.key, f.zh, f.en, *f.other_names):
            names[_normal(name)] = f.key
    return names


def is_ignored_header(header: str) -> bool:
    """A column such as 序号 or 备注, which the import skips."""
    return _normal(header) in IGNORED_HEADERS


def field_for_header(header: str) -> str | None:
    """The field a column header names (``"釋義"`` → ``"definition"``), or None."""
    return _names().get(_normal(header))


_SEPARATOR = re.compile(r"[；;]")


def split_list(cell: str) -> list[str]:
    """A list cell's values: one per line when the cell has line breaks, else split at
    ``；``/``;``. Empty values are dropped."""
    parts = cell.splitlines() if "\n" in cell or "\r" in cell else _SEPARATOR.split(cell)
    return [part.strip() for part in parts if part.strip()]


def join_list(values: tuple[str, ...] | list[str]) -> str:
    """The cell for a list: ``；``-separated, or one value per line when a value contains a
    separator itself (so that :func:`split_list` gives the same values back)."""
    if any(_SEPARATOR.search(value) for value in values):
        # A single value ends in a line break, so the cell still reads as "one per line".
        return "\n".join(values) + ("\n" if len(values) == 1 else "")
    return "；".join(values)
