"""Reading a glossary file into the immutable model, and checking it.

A glossary is written by people, so everything wrong with it is reported at once, each
problem with the line and column of the offending key or table and a message a
non-programmer can act on (:class:`~carbon_glossary.core.problems.Problem`).

The steps: read bytes (missing file, folder, permission) → decode UTF-8 (line and column of
the first bad byte) → tomllib (its message, reworded) → schema (unknown tables and keys,
types, required fields, duplicates, ``related``, pinyin overrides, ``[phrase_pinyin]`` and
``[phrase_traditional]``) → readings (``core.readings``), which also yield the 多音字 warnings.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carbon_glossary.core.files import GLOSSARY_LIMIT, UnreadableFile, read_regular_file
from carbon_glossary.core.model import Glossary, Term
from carbon_glossary.core.pinyin import InvalidSyllableError, is_hanzi, parse_syllables
from carbon_glossary.core.problems import (
    FileProblemError,
    Localized,
    Problem,
    ProblemCap,
    Severity,
)
from carbon_glossary.core.safe import is_unsafe, unsafe_characters
from carbon_glossary.core.tomlpos import KeyPath, Positions, scan_headers, scan_positions

if TYPE_CHECKING:
    import tomllib

    from carbon_glossary.core.readings import Reading

# tomllib, difflib and ast are imported where used: a warm cached load reads the file with
# read_glossary_bytes and must not pay for parsing machinery it does not use.

__all__ = [
    "GLOSSARY_KEYS",
    "TERM_KEYS",
    "analyse_glossary",
    "check_glossary",
    "decode_glossary",
    "file_problem",
    "load_glossary",
    "load_glossary_bytes",
    "parse_toml",
    "read_glossary_bytes",
]

_STRING = "string"
_STRINGS = "strings"

GLOSSARY_KEYS: Mapping[str, str] = {"title": _STRING, "language": _STRING, "version": _STRING}
TERM_KEYS: Mapping[str, str] = {
    "id": _STRING,
    "term": _STRING,
    "pinyin": _STRING,
    "traditional": _STRING,
    "english": _STRINGS,
    "definition": _STRING,
    "definition_en": _STRING,
    "category": _STRING,
    "tags": _STRINGS,
    "source": _STRING,
    "aliases": _STRINGS,
    "related": _STRINGS,
    "broader": _STRINGS,
    "near": _STRINGS,
    "examples": _STRINGS,
    "sort_as": _STRING,
}
_TABLES = ("glossary", "phrase_pinyin", "phrase_traditional", "term")

# tomllib's messages, reworded: (pattern, catalogue key).
_SYNTAX_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), key)
    for pattern, key in (
        (r"Invalid value", "check.syntax.invalid_value"),
        (r"Invalid statement", "check.syntax.invalid_statement"),
        (r"Expected newline or end of document", "check.syntax.expected_newline"),
        (r"Expected '=' after a key", "check.syntax.expected_equals"),
        (r"Invalid initial character for a key", "check.syntax.invalid_key"),
        (r"Unterminated string|Illegal character '\\n'", "check.syntax.unterminated"),
        (r"Expected '(\"\"\"|''')'", "check.syntax.unterminated"),
        (r"Unclosed array", "check.syntax.unclosed_array"),
        (r"Unclosed inline table", "check.syntax.unclosed_table"),
        (r"Cannot overwrite a value|Duplicate inline table key", "check.syntax.duplicate_key"),
        (r"Cannot declare .* twice", "check.syntax.duplicate_table"),
        (r"Expected '\]\]?' at the end", "check.syntax.unclosed_header"),
        (r"Unescaped '\\\\' in a string|Invalid hex value|Unicode scalar", "check.syntax.escape"),
        (r"Illegal character|Found invalid character", "check.syntax.control_char"),
        (r"Invalid date or datetime", "check.syntax.date"),
        (r"Cannot (mutate|redefine)", "check.syntax.redefine"),
    )
)
_COORDINATES = re.compile(
    r"^(?P<msg>.*) \(at (?:line (?P<line>\d+), column (?P<col>\d+)|end of document)\)$", re.S
)
# Typographic characters people type by habit in a Chinese input method, and what TOML wants.
_FULL_WIDTH = {
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "＂": '"',
    "，": ",",
    "＝": "=",
    "［": "[",
    "］": "]",
}


@dataclass
class _Report:
    """Problems found in one file, in the order found, placed by line and column.

    Placing needs a scan of the whole source (:func:`scan_positions`), done only when the
    first problem is reported: a valid 100k-term file is not scanned key by key.
    """

    path: str
    text: str = ""  # the source as tomllib saw it (LF line ends)
    problems: list[Problem] = field(default_factory=list)
    cap: ProblemCap = field(default_factory=ProblemCap)
    _positions: Positions | None = None
    _headers: Positions | None = None

    @property
    def positions(self) -> Positions:
        if self._positions is None:
            self._positions = scan_positions(self.text)
        return self._positions

    def term_line(self, index: int) -> int:
        """Line of the ``index``-th ``[[term]]`` header (or inline table), 0 if not found."""
        if self._positions is None and self._headers is None:
            self._headers = scan_headers(self.text)
        where: KeyPath = ("term", index)
        for positions in (self._positions, self._headers):
            if positions is not None and where in positions.offsets:
                return positions.line_col(positions.offsets[where])[0]
        full = self.positions  # terms written as an inline array: scan everything
        return full.line_col(full.offsets[where])[0] if where in full.offsets else 0

    def add(self, severity: Severity, where: KeyPath, key: str, /, **params: object) -> None:
        """A problem at the key, table or array item ``where`` (or its nearest ancestor);
        past :data:`MAX_PROBLEMS`, only counted."""
        if not self.cap.admit(severity):
            return
        line, column = self.positions.find(where)
        self.problems.append(
            Problem(self.path, line, column, severity, key, tuple(sorted(params.items())))
        )

    def error(self, where: KeyPath, key: str, /, **params: object) -> None:
        self.add("error", where, key, **params)

    def warning(self, where: KeyPath, key: str, /, **params: object) -> None:
        self.add("warning", where, key, **params)

    @property
    def has_errors(self) -> bool:
        return self.cap.more_errors > 0 or any(p.severity == "error" for p in self.problems)


def _whole_file(path: str, key: str, /, **params: object) -> FileProblemError:
    return FileProblemError([Problem(path, 0, 0, "error", key, tuple(sorted(params.items())))])


_FILE_PROBLEMS = {
    "empty_name": "check.file_empty_name",
    "missing": "check.file_missing",
    "directory": "check.file_is_directory",
    "permission": "check.file_permission",
    "not_regular": "check.file_not_regular",
    "too_large": "check.file_too_large",
    "other": "check.file_unreadable",
}


def file_problem(
    path: str, error: UnreadableFile, keys: Mapping[str, str] = _FILE_PROBLEMS
) -> Problem:
    """The problem for a file that cannot be read, with the catalogue key for its reason
    (``keys`` lets a paper say "paper file" where a glossary says "glossary file")."""
    key = keys.get(error.reason) or _FILE_PROBLEMS[error.reason]
    params: tuple[tuple[str, object], ...] = ()
    if error.reason == "other":
        params = (("reason", error.detail),)
    elif error.reason == "too_large":
        params = (("limit", error.limit_mb),)
    return Problem(path, 0, 0, "error", key, params)


def read_glossary_bytes(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes. A missing file, a folder, a FIFO or device, a file over
    :data:`~carbon_glossary.core.files.GLOSSARY_LIMIT`, a permission problem →
    FileProblemError."""
    try:
        return read_regular_file(path, GLOSSARY_LIMIT)
    except UnreadableFile as error:
        raise FileProblemError([file_problem(os.fspath(path), error)]) from None


def decode_glossary(data: bytes, path: str) -> str:
    """UTF-8 text (a leading BOM, as Windows Notepad writes, is dropped).

    Not UTF-8 → FileProblemError at the line and column of the first bad byte.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        start = error.start
        # Text saved as GBK (the usual case on Chinese Windows) often begins with byte pairs
        # that happen to be valid two-byte UTF-8 (碳 = CC BC); point at the first of them.
        while start >= 2 and 0xC2 <= data[start - 2] <= 0xDF and 0x80 <= data[start - 1] <= 0xBF:
            start -= 2
        before = data[:start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace").lstrip("\ufeff")) + 1
        problem = Problem(
            path, line, column, "error", "check.not_utf8", (("byte", f"{data[start]:02X}"),)
        )
        raise FileProblemError([problem]) from None
    return text.removeprefix("\ufeff")


def _syntax_problem(error: tomllib.TOMLDecodeError, text: str, path: str) -> Problem:
    """tomllib's message → a problem at its line and column, in the user's words."""
    raw = str(error)
    match = _COORDINATES.match(raw)
    detail = match.group("msg") if match else raw
    normalised = text.replace("\r\n", "\n")
    if match and match.group("line"):
        line, column = int(match.group("line")), int(match.group("col"))
    else:  # at end of document
        line = normalised.count("\n") + 1
        column = len(normalised) - (normalised.rfind("\n") + 1) + 1
    lines = normalised.split("\n")
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    char = source_line[column - 1] if 0 < column <= len(source_line) else ""
    params: dict[str, object] = {}
    key = "check.syntax.other"
    if char == "\r" or (line == 1 and "\r" in normalised and "\n" not in normalised):
        key = "check.syntax.cr_line_ends"  # classic Mac line ends: tomllib sees one long line
    elif "Unicode scalar" in detail:
        key = "check.syntax.surrogate_escape"
        found = re.search(r"\\[uU]0*[dD][89a-fA-F][0-9a-fA-F]{2}", source_line)
        params = {"escape": found.group() if found else "\\uD800"}
    elif char in _FULL_WIDTH:
        key = "check.syntax.full_width"
        params = {"char": char, "ascii": _FULL_WIDTH[char]}
    elif detail.startswith("Expected '=' after a key") and "＝" in source_line:
        key, column = "check.syntax.full_width", source_line.index("＝") + 1
        params = {"char": "＝", "ascii": "="}
    else:
        for pattern, candidate in _SYNTAX_MESSAGES:
            if pattern.search(detail):
                key = candidate
                break
        if key == "check.syntax.duplicate_key":
            # tomllib points past the value; the key at the start of the line is what to fix.
            stripped = source_line.lstrip()
            column = len(source_line) - len(stripped) + 1
            params = {"key": stripped.split("=", 1)[0].strip().strip("\"'")}
        elif key == "check.syntax.duplicate_table":
            params = {"table": _declared_table(detail)}
            column = len(source_line) - len(source_line.lstrip()) + 1
        elif key == "check.syntax.control_char":
            params = {"char": repr(char) if char else "?"}
        elif key == "check.syntax.other":
            params = {"detail": detail}
    return Problem(path, line, column, "error", key, tuple(sorted(params.items())))


_LONG_NUMBER = re.compile(r"[0-9_]{4000,}")
_NESTING_SHOWN = 100  # nesting past this depth is pointed at when tomllib gives up


def parse_toml(text: str, path: str) -> dict[str, Any]:
    """``text`` parsed by tomllib, or FileProblemError with one problem at a line and column.

    Besides syntax errors, tomllib fails in ways that are not syntax: nesting too deep for
    its recursion (RecursionError) and integers too long for Python to convert (ValueError
    beyond 4,300 digits); both become problems too.
    """
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise FileProblemError([_syntax_problem(error, text, path)]) from None
    except RecursionError:
        line, column = _line_col(text, _deep_nesting(text))
        problem = Problem(path, line, column, "error", "check.too_deep")
    except ValueError:
        found = _LONG_NUMBER.search(text)
        line, column = _line_col(text, found.start() if found else len(text))
        problem = Problem(path, line, column, "error", "check.number_too_long")
    raise FileProblemError([problem])


def _line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _deep_nesting(text: str) -> int:
    """Offset of the first bracket or brace that opens level :data:`_NESTING_SHOWN`
    (strings and comments skipped roughly: enough to point at the place)."""
    depth = 0
    quote = ""
    position = 0
    while position < len(text):
        char = text[position]
        if quote:
            if char == "\\" and quote == '"':
                position += 1
            elif char == quote or char == "\n":
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#":
            end = text.find("\n", position)
            position = len(text) if end < 0 else end
            continue
        elif char in "[{":
            depth += 1
            if depth >= _NESTING_SHOWN:
                return position
        elif char in "]}":
            depth = max(0, depth - 1)
        position += 1
    return 0


def _declared_table(detail: str) -> str:
    import ast

    found = re.search(r"Cannot declare (.*) twice", detail)
    if not found:
        return "?"
    try:
        parts = ast.literal_eval(found.group(1))
    except (ValueError, SyntaxError):
        return found.group(1)
    return ".".join(str(p) for p in parts) if isinstance(parts, tuple) else str(parts)


def _type_word(value: object) -> Localized:
    """The name of a TOML value's type, for "should be text, is a number"."""
    if isinstance(value, bool):
        name = "boolean"
    elif isinstance(value, int):
        name = "integer"
    elif isinstance(value, float):
        name = "float"
    elif isinstance(value, str):
        name = "string"
    elif isinstance(value, list):
        name = "array"
    elif isinstance(value, dict):
        name = "table"
    elif isinstance(value, datetime | date | time):
        name = "datetime"
    else:
        name = "other"
    return Localized(f"check.type.{name}")


def _suggest(key: str, allowed: Sequence[str]) -> str | None:
    import difflib

    close = difflib.get_close_matches(key.lower(), allowed, n=1, cutoff=0.6)
    return close[0] if close else None


def _hanzi_count(text: str) -> int:
    return sum(1 for char in text if is_hanzi(char))


@dataclass
class _Draft:
    """A [[term]] that passed the schema, before ids, related and readings are settled."""

    index: int
    text: str
    values: dict[str, Any]
    override: tuple[str, ...] | None  # a valid pinyin override, numbered
    override_text: str | None
    id: str | None


class _Checker:
    def __init__(self, data: dict[str, Any], report: _Report, want_warnings: bool) -> None:
        self.data = data
        self.report = report
        self.want_warnings = want_warnings

    def run(self) -> Glossary | None:
        self.check_top_level()
        meta = self.glossary_table()
        phrases = self.phrase_table()
        traditional = self.traditional_table()
        drafts = self.terms()
        if drafts is None:
            return None
        self.duplicates(drafts)
        readings = {draft.index: self.reading(draft, phrases) for draft in drafts}
        ids = self.assign_ids(drafts, readings)
        related = self.links(drafts, ids, "related")
        broader = self.links(drafts, ids, "broader")
        near = self.links(drafts, ids, "near")
        if self.want_warnings:
            for draft in drafts:
                reading = readings[draft.index]
                if draft.override is None and reading.unsettled:
                    self.unsettled_warning(draft, reading)
            self.unsafe_text_warnings(drafts)
            self.lookalike_warnings(drafts, ids)
        if self.report.has_errors:
            return None
        title, language, version = meta
        return Glossary(
            title=title,
            language=language,
            version=version,
            terms=tuple(
                self.build_terms(drafts, ids, related, broader, near, readings, traditional)
            ),
            phrase_pinyin=dict(phrases),
            path=self.report.path,
            phrase_traditional=traditional,
        )

    def check_top_level(self) -> None:
        for key, value in self.data.items():
            if key in _TABLES:
                continue
            if isinstance(value, dict):
                self.report.error((key,), "check.unknown_table", name=key)
            elif key in GLOSSARY_KEYS:
                self.report.error((key,), "check.top_level_key_hint", key=key, table="glossary")
            elif key in TERM_KEYS:
                self.report.error((key,), "check.top_level_key_hint", key=key, table="[term]")
            else:
                self.report.error((key,), "check.top_level_key", key=key)

    def glossary_table(self) -> tuple[str, str, str]:
        default_title = Path(self.report.path).stem
        table = self.data.get("glossary", {})
        if not isinstance(table, dict):
            self.report.error(("glossary",), "check.glossary.not_table", actual=_type_word(table))
            return default_title, "zh-CN", ""
        self.unknown_keys(table, GLOSSARY_KEYS, ("glossary",), "check.glossary", {})
        values: dict[str, str] = {}
        for key in GLOSSARY_KEYS:
            if key not in table:
                continue
            value = table[key]
            if isinstance(value, str):
                values[key] = value.strip()
            else:
                self.report.error(
                    ("glossary", key),
                    "check.glossary.wrong_type",
                    key=key,
                    expected=Localized("check.expect.string"),
                    actual=_type_word(value),
                )
        return (
            values.get("title") or default_title,
            values.get("language") or "zh-CN",
            values.get("version", ""),
        )

    def unknown_keys(
        self,
        table: Mapping[str, object],
        allowed: Mapping[str, str],
        where: KeyPath,
        prefix: str,
        params: Mapping[str, object],
    ) -> None:
        for key in table:
            if key in allowed:
                continue
            if self.report.cap.full:  # only counted: skip difflib's suggestion
                self.report.error((*where, key), f"{prefix}.unknown_key", key=key)
                continue
            suggestion = _suggest(key, list(allowed))
            if suggestion and suggestion not in table:
                self.report.error(
                    (*where, key),
                    f"{prefix}.unknown_key_suggest",
                    key=key,
                    suggestion=suggestion,
                    **params,
                )
            else:
                self.report.error(
                    (*where, key),
                    f"{prefix}.unknown_key",
                    key=key,
                    allowed=", ".join(allowed),
                    **params,
                )

    def phrase_table(self) -> dict[str, tuple[str, ...]]:
        table = self.data.get("phrase_pinyin", {})
        if not isinstance(table, dict):
            self.report.error(
                ("phrase_pinyin",), "check.phrase.not_table", actual=_type_word(table)
            )
            return {}
        phrases: dict[str, tuple[str, ...]] = {}
        for phrase, value in table.items():
            where = ("phrase_pinyin", phrase)
            if not phrase or not all(is_hanzi(char) for char in phrase):
                self.report.error(where, "check.phrase.not_hanzi", phrase=phrase)
                continue
            if not isinstance(value, str):
                self.report.error(
                    where, "check.phrase.wrong_type", phrase=phrase, actual=_type_word(value)
                )
                continue
            try:
                syllables = parse_syllables(value)
            except InvalidSyllableError as error:
                self.report.error(
                    where, "check.phrase.invalid_syllable", phrase=phrase, syllable=error.text
                )
                continue
            if len(syllables) != len(phrase):
                self.report.error(
                    where,
                    "check.phrase.count",
                    phrase=phrase,
                    count=len(syllables),
                    hanzi=len(phrase),
                )
                continue
            phrases[phrase] = syllables
        return phrases

    def traditional_table(self) -> dict[str, str]:
        """``[phrase_traditional]``: simplified phrase → its traditional form, where OpenCC
        gets a phrase wrong (``core.text.to_traditional``)."""
        table = self.data.get("phrase_traditional", {})
        if not isinstance(table, dict):
            self.report.error(
                ("phrase_traditional",), "check.trad.not_table", actual=_type_word(table)
            )
            return {}
        from carbon_glossary.core.text import to_simplified

        fixes: dict[str, str] = {}
        for phrase, value in table.items():
            where = ("phrase_traditional", phrase)
            if not any(is_hanzi(char) for char in phrase):
                self.report.error(where, "check.trad.not_hanzi", phrase=phrase)
            elif not isinstance(value, str):
                self.report.error(
                    where, "check.trad.wrong_type", phrase=phrase, actual=_type_word(value)
                )
            elif len(value) != len(phrase):
                self.report.error(
                    where, "check.trad.length", phrase=phrase, form=value, n=len(phrase)
                )
            else:
                if to_simplified(value) != phrase:
                    self.report.warning(
                        where,
                        "check.trad.mismatch",
                        phrase=phrase,
                        form=value,
                        back=to_simplified(value),
                    )
                fixes[phrase] = value
        return fixes

    def terms(self) -> list[_Draft] | None:
        items = self.data.get("term")
        if items is None or items == []:
            self.report.error((), "check.terms.missing")
            return None
        if isinstance(items, dict):
            self.report.error(("term",), "check.terms.single_brackets")
            return None
        if not isinstance(items, list):
            self.report.error(("term",), "check.terms.not_table", actual=_type_word(items))
            return None
        return [draft for index, item in enumerate(items) if (draft := self.term(index, item))]

    def term(self, index: int, item: object) -> _Draft | None:
        n = index + 1
        where: KeyPath = ("term", index)
        if not isinstance(item, dict):
            self.report.error(where, "check.term.not_table", n=n, actual=_type_word(item))
            return None
        self.unknown_keys(item, TERM_KEYS, where, "check.term", {"n": n})
        values: dict[str, Any] = {}
        for key, kind in TERM_KEYS.items():
            if key not in item:
                continue
            value = item[key]
            if not isinstance(value, str if kind == _STRING else list):
                self.report.error(
                    (*where, key),
                    "check.term.wrong_type",
                    n=n,
                    key=key,
                    expected=Localized("check.expect." + kind),
                    actual=_type_word(value),
                )
                continue
            if kind == _STRINGS:
                bad = [(i, v) for i, v in enumerate(value) if not isinstance(v, str)]
                for i, v in bad:
                    self.report.error(
                        (*where, key, i),
                        "check.term.wrong_item_type",
                        n=n,
                        key=key,
                        index=i + 1,
                        actual=_type_word(v),
                    )
                if bad:
                    continue
                value = tuple(v.strip() for v in value if v.strip())
            values[key] = value

        text = values.get("term")
        if "term" not in item:
            self.report.error(where, "check.term.missing_term", n=n)
            return None
        if not isinstance(text, str):
            return None
        text = text.strip()
        if not text:
            self.report.error((*where, "term"), "check.term.empty_term", n=n)
            return None

        term_id: str | None = None
        if isinstance(values.get("id"), str):
            term_id = values["id"].strip()
            if not term_id:
                self.report.error((*where, "id"), "check.term.empty_id", n=n, term=text)

        override: tuple[str, ...] | None = None
        override_text = values.get("pinyin")
        if isinstance(override_text, str) and override_text.strip():
            try:
                syllables = parse_syllables(override_text)
            except InvalidSyllableError as error:
                self.report.error(
                    (*where, "pinyin"),
                    "check.term.pinyin_invalid",
                    n=n,
                    term=text,
                    syllable=error.text,
                )
            else:
                hanzi = _hanzi_count(text)
                if len(syllables) != hanzi:
                    self.report.error(
                        (*where, "pinyin"),
                        "check.term.pinyin_count",
                        n=n,
                        term=text,
                        count=len(syllables),
                        hanzi=hanzi,
                    )
                else:
                    override = syllables
        elif isinstance(override_text, str):
            override_text = None  # pinyin = "" means "no override"
        return _Draft(index, text, values, override, override_text, term_id)

    def duplicates(self, drafts: list[_Draft]) -> None:
        first_by_text: dict[str, _Draft] = {}
        first_by_id: dict[str, _Draft] = {}
        for draft in drafts:
            where: KeyPath = ("term", draft.index)
            earlier = first_by_text.setdefault(draft.text, draft)
            if earlier is not draft:
                self.report.error(
                    (*where, "term"),
                    "check.term.duplicate_term",
                    n=draft.index + 1,
                    term=draft.text,
                    first=earlier.index + 1,
                )
            if draft.id:
                earlier = first_by_id.setdefault(draft.id, draft)
                if earlier is not draft:
                    self.report.error(
                        (*where, "id"),
                        "check.term.duplicate_id",
                        n=draft.index + 1,
                        id=draft.id,
                        first=earlier.index + 1,
                    )

    def assign_ids(self, drafts: list[_Draft], readings: Mapping[int, Reading]) -> dict[int, str]:
        """Explicit ids as written; the others derived from each term's own text.

        A derived id depends on nothing but the term (its toneless pinyin: 碳汇 →
        ``tan-hui``), never on other terms or on file order, because progress is stored
        under it: numbering homophones "-2", "-3" in file order moved a term's history onto
        another when a homophone was inserted above it. When two terms derive the same id
        (or one derives an id written for another term), neither gets it: each gets its own
        text's hash as a suffix (``tan-hui-3f9a2c``), so progress stored under the plain id
        is never handed to the wrong term, and ``check`` warns that an ``id`` should be
        written for each.
        """
        ids: dict[int, str] = {d.index: d.id for d in drafts if d.id}
        explicit = {term_id: index for index, term_id in ids.items()}
        derived = {
            d.index: _derive_id(d, readings[d.index].syllables)
            for d in drafts
            if d.index not in ids
        }
        claims: dict[str, list[_Draft]] = {}
        for draft in drafts:
            if draft.index in derived:
                claims.setdefault(derived[draft.index], []).append(draft)
        for base, claimants in claims.items():
            shared = len(claimants) > 1 or base in explicit
            for draft in claimants:
                ids[draft.index] = f"{base}-{_text_hash(draft.text)}" if shared else base
            if shared and self.want_warnings:
                names = [d.text for d in claimants]
                if base in explicit:
                    names.append(drafts_by_index(drafts)[explicit[base]].text)
                for draft in claimants:
                    others = dict.fromkeys(name for name in names if name != draft.text)
                    if not others:  # the same text twice: an error reported already
                        continue
                    self.report.warning(
                        ("term", draft.index, "term"),
                        "check.term.id_shared",
                        n=draft.index + 1,
                        term=draft.text,
                        id=base,
                        others="、".join(others),
                        given=ids[draft.index],
                    )
        return ids

    def links(
        self, drafts: list[_Draft], ids: Mapping[int, str], key: str
    ) -> dict[int, tuple[str, ...]]:
        """``related``, ``broader`` or ``near``: names of other terms resolved to ids, an id first,
        then a term's text. A name that is one term's id and another's text, and a term
        that names itself, are warned about (a link to itself is dropped)."""
        text_by_id = {ids[d.index]: d.text for d in drafts}
        by_text = {d.text: ids[d.index] for d in drafts}
        resolved: dict[int, tuple[str, ...]] = {}
        for draft in drafts:
            names: tuple[str, ...] = draft.values.get(key, ())
            targets: list[str] = []
            for position, name in enumerate(names):
                where: KeyPath = ("term", draft.index, key, position)
                target = name if name in text_by_id else by_text.get(name)
                if target is None:
                    self.report.error(
                        where,
                        f"check.term.{key}_unknown",
                        n=draft.index + 1,
                        term=draft.text,
                        name=name,
                    )
                    continue
                if (
                    self.want_warnings
                    and name in text_by_id
                    and by_text.get(name, target) != target
                ):
                    self.report.warning(
                        where,
                        "check.term.related_ambiguous",
                        n=draft.index + 1,
                        key=key,
                        name=name,
                        by_id=text_by_id[name],
                        other=name,
                        other_id=by_text[name],
                    )
                if target == ids[draft.index]:
                    if self.want_warnings:
                        self.report.warning(
                            where,
                            "check.term.related_self",
                            n=draft.index + 1,
                            term=draft.text,
                            key=key,
                        )
                elif target not in targets:
                    targets.append(target)
            resolved[draft.index] = tuple(targets)
        return resolved

    def unsafe_text_warnings(self, drafts: list[_Draft]) -> None:
        """Control and invisible characters anywhere in [glossary] or a term's text: the
        terminal shows them as symbols and copying drops them, so the author should know."""
        table = self.data.get("glossary")
        if isinstance(table, dict):
            for key in GLOSSARY_KEYS:
                if isinstance(table.get(key), str):
                    self.unsafe_warning(("glossary", key), key, table[key])
        for draft in drafts:
            for key, value in draft.values.items():
                if isinstance(value, str):
                    self.unsafe_warning(("term", draft.index, key), key, value)
                    continue
                for i, item in enumerate(value):
                    self.unsafe_warning(("term", draft.index, key, i), key, item)

    def unsafe_warning(self, where: KeyPath, key: str, text: str) -> None:
        found = unsafe_characters(text)
        if found:
            self.report.warning(
                where, "check.unsafe_characters", key=key, chars=_code_points(found)
            )

    def lookalike_warnings(self, drafts: list[_Draft], ids: Mapping[int, str]) -> None:
        """Terms nobody can see, terms that differ only in Unicode normalisation (NFC vs NFD),
        ids that differ only in case or width: each looks like a mistake or a trick."""
        first_text: dict[str, _Draft] = {}
        first_id: dict[str, _Draft] = {}
        for draft in drafts:
            n = draft.index + 1
            where: KeyPath = ("term", draft.index, "term")
            if not any(_shows(char) for char in draft.text):
                self.report.warning(
                    where, "check.term.invisible", n=n, chars=_code_points(list(draft.text))
                )
            earlier = first_text.setdefault(unicodedata.normalize("NFC", draft.text), draft)
            if earlier is not draft and earlier.text != draft.text:
                self.report.warning(
                    where,
                    "check.term.same_after_nfc",
                    n=n,
                    term=draft.text,
                    first=earlier.index + 1,
                )
            term_id = ids[draft.index]
            earlier = first_id.setdefault(unicodedata.normalize("NFKC", term_id).casefold(), draft)
            if earlier is not draft and ids[earlier.index] != term_id:
                self.report.warning(
                    ("term", draft.index, "id") if draft.id else where,
                    "check.term.id_folded",
                    n=n,
                    id=term_id,
                    first=earlier.index + 1,
                    other=ids[earlier.index],
                )

    def build_terms(
        self,
        drafts: list[_Draft],
        ids: Mapping[int, str],
        related: Mapping[int, tuple[str, ...]],
        broader: Mapping[int, tuple[str, ...]],
        near: Mapping[int, tuple[str, ...]],
        readings: Mapping[int, Reading],
        traditional: Mapping[str, str],
    ) -> list[Term]:
        from carbon_glossary.core.readings import other_readings
        from carbon_glossary.core.text import to_traditional

        terms: list[Term] = []
        for draft in drafts:
            reading = readings[draft.index]
            v = draft.values
            line = self.report.term_line(draft.index)
            terms.append(
                Term(
                    id=ids[draft.index],
                    term=draft.text,
                    syllables=tuple(reading.syllables),
                    marks=tuple(reading.marks),
                    traditional=v.get("traditional", "").strip()
                    or to_traditional(draft.text, traditional),
                    english=v.get("english", ()),
                    definition=v.get("definition", "").strip(),
                    definition_en=v.get("definition_en", "").strip(),
                    category=v.get("category", "").strip(),
                    tags=v.get("tags", ()),
                    source=v.get("source", "").strip(),
                    aliases=v.get("aliases", ()),
                    related=related.get(draft.index, ()),
                    broader=broader.get(draft.index, ()),
                    near=near.get(draft.index, ()),
                    examples=v.get("examples", ()),
                    sort_as=v.get("sort_as", "").strip(),
                    position=len(terms),
                    line=line,
                    other_readings=other_readings(draft.text, reading.syllables),
                )
            )
        return terms

    def reading(self, draft: _Draft, phrases: Mapping[str, tuple[str, ...]]) -> Reading:
        """The term's reading; a hanzi nobody can read is an error (it needs an override)."""
        from carbon_glossary.core.readings import NoReadingError, Reading, resolve_reading

        override = " ".join(draft.override) if draft.override is not None else None
        try:
            return resolve_reading(draft.text, override, phrases)
        except NoReadingError as error:
            self.report.error(
                ("term", draft.index, "term"),
                "check.term.no_reading",
                n=draft.index + 1,
                term=draft.text,
                char=error.char,
            )
            return Reading((), ())

    def unsettled_warning(self, draft: _Draft, reading: Reading) -> None:
        from carbon_glossary.core.pinyin import display_pinyin

        marks = reading.marks
        chars = " ".join(f"{char}({marks[i]})" for i, char in reading.unsettled if i < len(marks))
        self.report.warning(
            ("term", draft.index, "term"),
            "check.term.unsettled",
            n=draft.index + 1,
            term=draft.text,
            chars=chars,
            reading=display_pinyin(draft.text, marks),
        )


def drafts_by_index(drafts: list[_Draft]) -> dict[int, _Draft]:
    return {draft.index: draft for draft in drafts}


def _text_hash(text: str) -> str:
    """Six hex digits that depend on ``text`` alone (NFC, so NFD input gives the same)."""
    import hashlib

    normalised = unicodedata.normalize("NFC", text).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(normalised, digest_size=3).hexdigest()


def _code_points(chars: Sequence[str]) -> str:
    return " ".join(f"U+{ord(char):04X}" for char in chars[:10]) + (" …" if len(chars) > 10 else "")


def _shows(char: str) -> bool:
    """Whether ``char`` puts something visible on the screen by itself."""
    if is_unsafe(char) or char.isspace():
        return False
    return unicodedata.category(char) not in ("Mn", "Me", "Cf", "Co", "Cn")


def _derive_id(draft: _Draft, syllables: tuple[str, ...]) -> str:
    """``碳达峰`` → ``tan-da-feng``; ``CCUS技术`` → ``ccus-ji-shu``; nothing usable →
    ``term-`` and the hash of the text. Depends on the term alone, never on its place."""
    from carbon_glossary.core.pinyin import display_pinyin

    if len(syllables) != _hanzi_count(draft.text):  # no reading (an error reported already)
        return f"term-{_text_hash(draft.text)}"
    words = []
    for token in display_pinyin(draft.text, syllables).split():
        word = unicodedata.normalize("NFKC", token).lower()
        if re.fullmatch(r"[a-z]+[1-5]", word):  # a numbered syllable: drop the tone
            word = word[:-1]
        word = re.sub(r"[^a-z0-9]", "", word)
        if word:
            words.append(word)
    return "-".join(words) or f"term-{_text_hash(draft.text)}"


def analyse_glossary(
    data: bytes, path: str, *, want_warnings: bool = True
) -> tuple[Glossary | None, list[Problem]]:
    """Check the bytes of a glossary file: the glossary (None if any error) and every problem.

    Never raises for anything in the file: every problem becomes a :class:`Problem`.
    """
    suffix = Path(path).suffix.lower()
    if suffix in (".csv", ".xlsx", ".xls", ".ods") or data.startswith(b"PK\x03\x04"):
        # A spreadsheet (XLSX is a zip file): say how to make a glossary of it.
        return None, [Problem(path, 0, 0, "error", "check.spreadsheet", (("path", path),))]
    try:
        text = decode_glossary(data, path)
        parsed = parse_toml(text, path)
    except FileProblemError as error:
        return None, list(error.problems)
    report = _Report(path, text.replace("\r\n", "\n"))
    glossary = _Checker(parsed, report, want_warnings).run()
    problems = sorted(report.problems, key=lambda p: (p.line, p.column))
    return glossary, problems + report.cap.summary(path)


def load_glossary_bytes(data: bytes, path: str) -> Glossary:
    """A valid glossary from a file's bytes, or FileProblemError with every error."""
    glossary, problems = analyse_glossary(data, path, want_warnings=False)
    if glossary is None:
        raise FileProblemError([p for p in problems if p.severity == "error"])
    return glossary


def load_glossary(path: str | os.PathLike[str]) -> Glossary:
    """Read and check a glossary file. Raises FileProblemError carrying every error."""
    return load_glossary_bytes(read_glossary_bytes(path), os.fspath(path))


def check_glossary(path: str | os.PathLike[str]) -> list[Problem]:
    """Every error and warning in a glossary file, sorted by line. Never raises."""
    try:
        data = read_glossary_bytes(path)
    except FileProblemError as error:
        return list(error.problems)
    return analyse_glossary(data, os.fspath(path), want_warnings=True)[1]
