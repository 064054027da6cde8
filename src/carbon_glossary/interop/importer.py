"""A spreadsheet of terms → a glossary file, checked exactly as ``check`` checks one.

The sheet becomes a TOML document (written with tomli-w) and that document goes through the
glossary loader: readings come from the same phrase tables and domain fixes as everywhere
else, and every problem the loader finds (a bad pinyin, a duplicate term, a ``related``
name that points nowhere, an unsettled 多音字) is reported at the spreadsheet's row and column,
``FILE:ROW:COL``, because that is where the trainer will fix it.

A workbook exported by ``export --format xlsx`` has a second sheet with the glossary's
title, language, version and phrase tables (:mod:`carbon_glossary.interop.settings`); the
new glossary takes them from there (``--title`` still wins). A reading or traditional form
in the sheet becomes a term's own ``pinyin``/``traditional`` only where it differs from what
the glossary computes (phrase tables, then pypinyin; OpenCC and the phrase table): an
unedited export imported again gives back the glossary, not one whose computed readings
are frozen, so a later fix to a phrase table still applies to every term.

Merging into an existing glossary appends the new terms to the end of its text, so the
comments, order and formatting of what a person wrote stay as they were and existing ids
cannot move. A row about a term the glossary already has is either identical (nothing to
do) or a conflict, reported at the sheet's row and column. What a conflict does is the
:data:`ConflictPolicy`: by default (``keep``, as Anki's importer keeps a note it was not
told to update) the existing entry stays as it is and the new terms go in; ``stop`` writes
nothing; ``replace`` takes the sheet's filled-in fields for that entry (never its id, which
progress follows) and keeps the former lines of what it replaced as comments right below
them, so nothing a person wrote is lost and nothing else of the entry changes.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from carbon_glossary.core.model import Glossary, Term
from carbon_glossary.core.problems import Problem
from carbon_glossary.core.tomlpos import KeyPath, scan_headers, scan_positions
from carbon_glossary.interop.fields import (
    FIELDS,
    LIST_FIELDS,
    field_for_header,
    is_ignored_header,
    split_list,
)
from carbon_glossary.interop.settings import Settings, find_settings_sheet, read_settings
from carbon_glossary.interop.sheets import Sheet

__all__ = ["ConflictPolicy", "ImportResult", "import_sheet"]

ConflictPolicy = Literal["keep", "stop", "replace"]
"""``keep`` the existing entry (the default), ``stop`` and write nothing, or ``replace`` the
entry's fields with the sheet's."""


@dataclass
class ImportResult:
    """What importing a sheet gives: the TOML text to write (None when there are errors),
    every problem at its sheet position, and counts for the summary."""

    text: str | None
    problems: list[Problem] = field(default_factory=list)
    added: int = 0
    unchanged: int = 0
    conflicts: int = 0  # rows in conflict with an existing entry
    replaced: int = 0  # of those, entries that took the sheet's fields (``replace``)
    # new terms written with their own pinyin: a reading that differs from the computed one,
    # and one that confirms a 多音字 (the same as computed; the loader would warn without it)
    own_readings: int = 0
    confirmed_readings: int = 0
    # a new glossary: whether the workbook had a settings sheet, and the title and version
    # the glossary got
    has_settings: bool = False
    title: str = ""
    version: str = ""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


@dataclass(frozen=True, slots=True)
class _Row:
    number: int  # the spreadsheet's row number
    values: dict[str, Any]  # TOML values, non-empty fields only


class _Problems:
    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[Problem] = []

    def add(self, severity: str, row: int, column: int, key: str, **params: object) -> None:
        self.items.append(
            Problem(
                self.path,
                row,
                column,
                "error" if severity == "error" else "warning",
                key,
                tuple(sorted(params.items())),
            )
        )


def _columns(sheet: Sheet, problems: _Problems) -> dict[str, int]:
    """Field key → 1-based column, from the header row; unknown or repeated headers are
    errors (a column we silently skipped would lose what the trainer typed in it)."""
    columns: dict[str, int] = {}
    allowed = "、".join(f"{f.zh}/{f.en}" for f in FIELDS)
    for index, name in enumerate(sheet.header, start=1):
        if not name:
            if any(index <= len(cells) and cells[index - 1] for _, cells in sheet.rows):
                problems.add("error", 1, index, "interop.header_missing")
            continue
        key = field_for_header(name)
        if key is None and is_ignored_header(name):
            problems.add("warning", 1, index, "interop.header_ignored", name=name)
        elif key is None:
            names = [n for f in FIELDS for n in (f.zh, f.en)]
            close = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
            if close:
                problems.add(
                    "error",
                    1,
                    index,
                    "interop.header_unknown_suggest",
                    name=name,
                    suggestion=close[0],
                )
            else:
                problems.add(
                    "error", 1, index, "interop.header_unknown", name=name, allowed=allowed
                )
        elif key in columns:
            problems.add(
                "error", 1, index, "interop.header_duplicate", name=name, first=columns[key]
            )
        else:
            columns[key] = index
    if "term" not in columns:
        problems.add("error", 1, 1, "interop.header_no_term")
    return columns


def _rows(sheet: Sheet, columns: Mapping[str, int], problems: _Problems) -> list[_Row]:
    from carbon_glossary.core.text import to_simplified

    width = len(sheet.header)
    term_column = columns["term"]
    rows: list[_Row] = []
    for number, cells in sheet.rows:
        if not any(cells):
            continue
        for index in range(width, len(cells)):
            if cells[index]:
                problems.add("error", number, index + 1, "interop.cell_outside", value=cells[index])
        values: dict[str, Any] = {}
        for key, column in columns.items():
            cell = cells[column - 1] if column <= len(cells) else ""
            if not cell:
                continue
            values[key] = split_list(cell) if key in LIST_FIELDS else cell
        term = values.get("term", "")
        if not term:
            problems.add("error", number, term_column, "interop.term_empty")
            continue
        simplified = to_simplified(term)
        if simplified != term:
            problems.add(
                "warning",
                number,
                term_column,
                "interop.term_simplified",
                original=term,
                term=simplified,
            )
            values.setdefault("traditional", term)
            values["term"] = simplified
        rows.append(_Row(number, values))
    return rows


def _term_tables(terms: Sequence[Mapping[str, Any]]) -> str:
    """``[[term]]`` tables, one per term. (tomli-w writes a list of tables as an inline
    array, ``term = [{…}]``, unless a table holds a list; appended to a glossary, that would
    be a second ``term`` key of the table before it.)"""
    import tomli_w

    return "\n".join(f"[[term]]\n{tomli_w.dumps(dict(values))}" for values in terms)


def _document(rows: Sequence[_Row], meta: Mapping[str, str], settings: Settings | None) -> str:
    import tomli_w

    header: dict[str, Any] = {"glossary": dict(meta)}
    if settings is not None:
        for table in ("phrase_pinyin", "phrase_traditional"):
            if phrases := getattr(settings, table):
                header[table] = dict(phrases)
    return f"{tomli_w.dumps(header)}\n{_term_tables([row.values for row in rows])}"


def _phrase_readings(table: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """The readable entries of a sheet's phrase table, as the loader keeps them (the others
    are the loader's errors, reported at their cells)."""
    from carbon_glossary.core.pinyin import InvalidSyllableError, is_hanzi, parse_syllables

    readings: dict[str, tuple[str, ...]] = {}
    for phrase, text in table.items():
        try:
            syllables = parse_syllables(text)
        except InvalidSyllableError:
            continue
        if phrase and all(is_hanzi(c) for c in phrase) and len(syllables) == len(phrase):
            readings[phrase] = syllables
    return readings


def _keep_only_own(
    rows: Sequence[_Row], phrases: Mapping[str, tuple[str, ...]], forms: Mapping[str, str]
) -> tuple[int, int]:
    """Drop each row's pinyin and traditional form where they are what the glossary would
    compute for the term anyway (a per-term override outranks the phrase tables, so keeping
    a computed reading would freeze it). Returns how many rows keep a pinyin that differs
    from the computed reading, and how many keep one that confirms a 多音字.

    A reading that leaves a 多音字 unsettled is kept even when it is the computed one: there
    the loader asks for exactly this ``pinyin`` as the author's confirmation (and an export
    of a glossary that had it gives it back). A sheet cannot tell a confirmed reading from
    an unconfirmed one, so an unconfirmed one is taken as confirmed, and counted."""
    from carbon_glossary.core.pinyin import InvalidSyllableError, parse_syllables
    from carbon_glossary.core.readings import ReadingError, resolve_reading
    from carbon_glossary.core.text import to_traditional

    forms = {k: v for k, v in forms.items() if len(k) == len(v)}
    own = confirmed = 0
    for row in rows:
        term = row.values["term"]
        if "pinyin" in row.values:
            try:
                given = parse_syllables(row.values["pinyin"])
                computed = resolve_reading(term, None, phrases)
            except (InvalidSyllableError, ReadingError):
                computed = None  # kept: the loader names what is wrong at its cell
            if computed is None or given != computed.syllables:
                own += 1
            elif computed.unsettled:
                confirmed += 1
            else:
                del row.values["pinyin"]
        if row.values.get("traditional") == to_traditional(term, forms):
            del row.values["traditional"]
    return own, confirmed


def _unmerged_settings(
    settings: Settings, sheet_path: str, into: Glossary, problems: _Problems
) -> None:
    """A merge keeps the glossary's own settings: each of the workbook's that differs is a
    warning at its cell, so that a phrase reading added in Excel is not lost unnoticed."""
    from carbon_glossary.core.pinyin import InvalidSyllableError, format_marks, parse_syllables

    have: dict[tuple[str | int, ...], str] = {
        ("glossary", "title"): into.title,
        ("glossary", "language"): into.language,
        ("glossary", "version"): into.version,
    }
    have |= {("phrase_pinyin", k): format_marks(v) for k, v in into.phrase_pinyin.items()}
    have |= {("phrase_traditional", k): v for k, v in into.phrase_traditional.items()}
    for path, (row, column) in settings.cells.items():
        table, key = path
        given = getattr(settings, str(table))[key]
        current = have.get(path, "")
        if table == "phrase_pinyin" and current:
            try:
                if parse_syllables(given) == parse_syllables(current):
                    continue
            except InvalidSyllableError:
                pass
        if given == current:
            continue
        problems.items.append(
            Problem(
                sheet_path,
                row,
                column,
                "warning",
                "interop.settings.not_merged",
                (("given", given or "-"), ("have", current or "-"), ("into", into.path),
                 ("name", f"{table}.{key}")),
            )
        )  # fmt: skip


def _compare(row: _Row, term: Term, glossary: Glossary) -> list[tuple[str, str, str]]:
    """The fields where the row says something else than the glossary's term:
    (field, what the glossary has, what the row has)."""
    from carbon_glossary.core.pinyin import InvalidSyllableError, format_marks, parse_syllables

    differences: list[tuple[str, str, str]] = []
    for key, value in row.values.items():
        if key == "pinyin":
            try:
                same = parse_syllables(value) == term.syllables
            except InvalidSyllableError:
                same = False
            if not same:
                differences.append((key, format_marks(term.marks), value))
            continue
        if key in ("related", "broader", "near"):
            existing = [other.term for i in getattr(term, key) if (other := glossary.by_id(i))]
            names = [other.term if (other := glossary.by_id(n)) else n for n in value]
            if names != existing:
                differences.append((key, "；".join(existing), "；".join(names)))
            continue
        have = getattr(term, key)
        if key in LIST_FIELDS:
            if tuple(value) != tuple(have):
                differences.append((key, "；".join(have), "；".join(value)))
        elif value != have:
            differences.append((key, str(have), value))
    return differences


def _header_of(key: str, sheet: Sheet, columns: Mapping[str, int]) -> str:
    return sheet.header[columns[key] - 1]


@dataclass(frozen=True, slots=True)
class _Replacement:
    term: Term  # the existing entry
    values: dict[str, Any]  # the sheet's fields that replace its own
    row: int  # the sheet's row number


def _merge_rows(
    rows: list[_Row],
    into: Glossary,
    sheet: Sheet,
    columns: Mapping[str, int],
    problems: _Problems,
    policy: ConflictPolicy,
    result: ImportResult,
) -> tuple[list[_Row], list[_Replacement]]:
    """The rows that are new terms, and (``replace``) what replaces existing entries; every
    field of a row that differs from its existing entry is reported at its cell."""
    by_text = {term.term: term for term in into.terms}
    new: list[_Row] = []
    replacements: list[_Replacement] = []
    for row in rows:
        row_id = row.values.get("id")
        existing = into.by_id(row_id) if row_id else None
        if existing is None:
            existing = by_text.get(row.values["term"])
        if existing is None:
            new.append(row)
            continue
        differences = _compare(row, existing, into)
        if not differences:
            result.unchanged += 1
            continue
        result.conflicts += 1
        replaced: dict[str, Any] = {}
        for key, have, given in differences:
            # An id is never replaced: progress follows it.
            replacing = policy == "replace" and key != "id"
            if replacing:
                replaced[key] = row.values[key]
            problems.add(
                "error" if policy == "stop" else "warning",
                row.number,
                columns[key],
                "interop.conflict_replaced" if replacing else "interop.conflict",
                header=_header_of(key, sheet, columns),
                term=existing.term,
                into=f"{into.path}:{existing.line}",
                have=have or "-",
                given=given,
            )
        if replaced:
            replacements.append(_Replacement(existing, replaced, row.number))
    result.replaced = len(replacements)
    return new, replacements


def _toml_value(value: Any, *, one_line: bool) -> str:
    """``value`` as tomli-w writes it, but a list on one line when ``one_line`` (tomli-w
    always spreads a list over lines; a glossary written by hand often keeps them on one)."""
    import tomli_w

    if one_line and isinstance(value, list):
        return "[" + ", ".join(_toml_value(item, one_line=True) for item in value) + "]"
    return tomli_w.dumps({"v": value}).removeprefix("v = ").rstrip("\n")


def _key_span(entry: str, offset: int) -> tuple[int, int] | None:
    """The lines a ``key = value`` starting at ``offset`` takes in an entry's text, as
    (start, end) offsets, end after its line break: the first run of whole lines from the
    key's that tomllib reads as that one key. None when the key does not start its line."""
    import tomllib

    start = entry.rfind("\n", 0, offset) + 1
    if entry[start:offset].strip():
        return None
    end = entry.find("\n", offset)
    while True:
        stop = len(entry) if end == -1 else end + 1
        try:
            if len(tomllib.loads(entry[start:stop])) == 1:
                return start, stop
        except tomllib.TOMLDecodeError:
            pass
        if end == -1:
            return None
        end = entry.find("\n", end + 1)


def _edit_entry(entry: str, values: Mapping[str, Any], sheet_name: str) -> str | None:
    """An entry's text (``[[term]]`` and its keys) with only the keys in ``values`` written
    anew, each in the style its former value had (a one-line list stays on one line) and its
    former lines kept as comments right below; a key it did not have goes after its last.
    Every other byte stays as it was. None when the text is not laid out one key to a line
    as this needs (the caller then writes the whole entry anew)."""
    from carbon_glossary.i18n import t

    spans: dict[str, tuple[int, int]] = {}
    for path, offset in scan_positions(entry).offsets.items():
        if len(path) == 3 and path[:2] == ("term", 0) and isinstance(path[2], str):
            span = _key_span(entry, offset)
            if span is None:
                return None
            spans[path[2]] = span
    if not spans:
        return None
    newline = "\r\n" if "\r\n" in entry else "\n"
    # A key the entry did not have: a list on one line, unless the entry writes every list
    # of its own over several lines (as tomli-w does).
    lists = [entry[a:b].rstrip() for a, b in spans.values() if entry[a:b].rstrip().endswith("]")]
    spread = bool(lists) and all("\n" in written for written in lists)
    after_last = max(end for _, end in spans.values())
    edits: list[tuple[int, int, str]] = []
    for key, value in values.items():
        if key in spans:
            start, end = spans[key]
            former = entry[start:end].rstrip("\r\n")
            one_line = "\n" not in former
            written = f"{key} = {_toml_value(value, one_line=one_line)}"
            lines = former.splitlines()
            lines[0] = t("interop.merge.former", sheet=sheet_name) + lines[0]
            kept = "".join(f"# {line}".rstrip() + newline for line in lines)
            edits.append((start, end, written + newline + kept))
        else:
            edits.append(
                (
                    after_last,
                    after_last,
                    f"{key} = {_toml_value(value, one_line=not spread)}{newline}",
                )
            )
    # From the end, so that earlier offsets stay right (insertions at one place keep the
    # sheet's order: each goes in front of those made after it, so reverse them first).
    edits.reverse()
    for start, end, written in sorted(edits, key=lambda e: e[0], reverse=True):
        entry = entry[:start] + written + entry[end:]
    return entry


def _replace_entries(text: str, replacements: Sequence[_Replacement], sheet_name: str) -> str:
    """``text`` with each replaced entry's keys that the sheet gives written anew and their
    former lines kept as comments right below them: nothing else of the entry changes, so
    the reviewer's diff shows what the sheet changed. An entry laid out in a way that needs
    otherwise is written anew whole, with its former text as comments below it."""
    import tomllib

    from carbon_glossary.i18n import t

    document = tomllib.loads(text)
    headers = scan_headers(text)
    starts = sorted(headers.offsets.values())
    note = t("interop.merge.original", sheet=sheet_name)
    edits: list[tuple[int, int, str]] = []
    for replacement in replacements:
        index = replacement.term.position
        start = headers.offsets[("term", index)]
        end = next((offset for offset in starts if offset > start), len(text))
        values = {**document["term"][index], **replacement.values}
        edited = _edit_entry(text[start:end], replacement.values, sheet_name)
        if edited is not None and _reads_as(edited, values):
            edits.append((start, end, edited))
            continue
        before = text[start:end].rstrip()
        kept = "\n".join(f"# {line}".rstrip() for line in [note, *before.splitlines()])
        written = _term_tables([values])
        edits.append((start, end, f"{written}{kept}\n" + ("\n" if end < len(text) else "")))
    for start, end, written in sorted(edits, reverse=True):
        text = text[:start] + written + text[end:]
    return text


def _reads_as(entry: str, values: Mapping[str, Any]) -> bool:
    """Whether an edited entry's text is one ``[[term]]`` holding exactly ``values``."""
    import tomllib

    try:
        return tomllib.loads(entry) == {"term": [dict(values)]}
    except tomllib.TOMLDecodeError:
        return False


def _relocate(
    analysed: Sequence[Problem],
    text: str,
    rows: Sequence[_Row],
    first_new: int,
    columns: Mapping[str, int],
    sheet_path: str,
    replaced: Mapping[int, int] | None = None,
    settings: tuple[str, Mapping[KeyPath, tuple[int, int]]] | None = None,
) -> list[Problem]:
    """The loader's problems (at lines of the generated TOML) at the sheet's rows and
    columns; ``replaced`` maps an existing entry replaced from the sheet to its row, and
    ``settings`` the settings sheet's path and where each of its values came from.
    Problems in the part of a merged file that was already there are its own business:
    errors stay where they are (they stop the merge), warnings are dropped."""
    if not analysed:
        return []  # the scan costs about as much as the loader's parse: only when needed
    positions = scan_positions(text)
    where: dict[tuple[int, int], KeyPath] = {}
    for path, offset in positions.offsets.items():
        where.setdefault(positions.line_col(offset), path)
    moved: list[Problem] = []
    for problem in analysed:
        path = where.get((problem.line, problem.column), ())
        if settings is not None and path[:2] in settings[1]:
            row_number, column_number = settings[1][path[:2]]
            moved.append(
                Problem(
                    settings[0],
                    row_number,
                    column_number,
                    problem.severity,
                    problem.key,
                    problem.params,
                )
            )
            continue
        index = path[1] if len(path) >= 2 and path[0] == "term" else None
        key = path[2] if len(path) >= 3 and isinstance(path[2], str) else "term"
        row_of_replaced = (replaced or {}).get(index) if isinstance(index, int) else None
        if row_of_replaced is not None and key in columns:
            # An entry replaced from the sheet, about a field the sheet gave: at its cell.
            moved.append(
                Problem(
                    sheet_path,
                    row_of_replaced,
                    columns[key],
                    problem.severity,
                    problem.key,
                    problem.params,
                )
            )
            continue
        if not isinstance(index, int) or index < first_new:
            if problem.severity == "error":
                moved.append(problem)
            continue
        row = rows[index - first_new]
        column = columns.get(key, columns["term"])
        params = tuple((k, index - first_new + 1 if k == "n" else v) for k, v in problem.params)
        moved.append(Problem(sheet_path, row.number, column, problem.severity, problem.key, params))
    return moved


def import_sheet(
    sheet: Sheet,
    *,
    title: str | None,
    output_path: str,
    into: tuple[Glossary, str] | None = None,
    policy: ConflictPolicy = "keep",
    default_title: str = "",
) -> ImportResult:
    """Turn ``sheet`` into glossary TOML, or into the text of ``into`` (its glossary and the
    file's text) with the new terms appended (and, with ``replace``, entries in conflict
    replaced). ``text`` is None when anything is an error.

    A new glossary's title is ``title`` when given, else the settings sheet's, else
    ``default_title``; its version and phrase tables are the settings sheet's (version "1"
    without one)."""
    from carbon_glossary.core.loader import analyse_glossary

    problems = _Problems(sheet.path)
    result = ImportResult(text=None)
    columns = _columns(sheet, problems)
    if "term" not in columns:
        result.problems = problems.items
        return result
    rows = _rows(sheet, columns, problems)
    settings_sheet = find_settings_sheet(sheet.others)
    settings = read_settings(settings_sheet) if settings_sheet is not None else None
    if settings is not None:
        problems.items += settings.problems
    if into is None and not rows:  # nothing to check a glossary of
        if not any(p.severity == "error" for p in problems.items):
            problems.add("error", 1, columns["term"], "interop.no_rows")
        result.problems = problems.items
        return result
    replacements: list[_Replacement] = []
    if into is None:
        given = {k: v for k, v in (settings.glossary if settings else {}).items() if v}
        meta = {
            "title": title or given.get("title") or default_title,
            "language": given.get("language", "zh-CN"),
            "version": given.get("version", "1"),
        }
        result.has_settings = settings is not None
        result.title, result.version = meta["title"], meta["version"]
        result.own_readings, result.confirmed_readings = _keep_only_own(
            rows,
            _phrase_readings(settings.phrase_pinyin) if settings else {},
            settings.phrase_traditional if settings else {},
        )
        text = _document(rows, meta, settings)
        first_new = 0
    else:
        glossary, existing_text = into
        if settings is not None and settings_sheet is not None:
            _unmerged_settings(settings, settings_sheet.path, glossary, problems)
        rows, replacements = _merge_rows(rows, glossary, sheet, columns, problems, policy, result)
        result.own_readings, result.confirmed_readings = _keep_only_own(
            rows, glossary.phrase_pinyin, glossary.phrase_traditional
        )
        first_new = len(glossary.terms)
        text = existing_text
        if replacements:
            text = _replace_entries(text, replacements, sheet.path)
        if rows:
            text = text.rstrip("\n") + "\n\n" + _term_tables([r.values for r in rows])
    _, analysed = analyse_glossary(text.encode("utf-8"), output_path)
    replaced = {r.term.position: r.row for r in replacements}
    where_set = None
    if into is None and settings is not None and settings_sheet is not None:
        where_set = (settings_sheet.path, settings.cells)
    problems.items += _relocate(
        analysed, text, rows, first_new, columns, sheet.path, replaced, where_set
    )
    result.problems = sorted(problems.items, key=lambda p: (p.path != sheet.path, p.line, p.column))
    result.added = len(rows)
    if not result.errors:
        result.text = text
    return result
