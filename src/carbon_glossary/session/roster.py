"""A training's list of staff (``exam --roster staff.csv|.xlsx``): who may sit, by name.

A roster is a table with the columns 姓名 and 部门 and, optionally, 工号 (staff number); English
headers (name, department, id) are read too. Names are compared as profile ids, so the
roster's ``Alice Wang`` is the ``alice wang`` someone types.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from carbon_glossary.core.people import MAX_FIELD, clean_field, profile_id
from carbon_glossary.core.problems import FileProblemError, Problem

__all__ = ["Roster", "RosterEntry", "load_roster", "read_roster"]

_NAME_HEADERS = frozenset({"姓名", "name"})
_DEPARTMENT_HEADERS = frozenset({"部门", "department", "dept"})
_ID_HEADERS = frozenset({"工号", "编号", "id", "staff id", "staff_id", "staff no"})


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """One person on the roster, as the roster spells them."""

    name: str
    department: str
    staff_id: str = ""


@dataclass(frozen=True)
class Roster:
    """The people who may sit, in the roster's order."""

    entries: tuple[RosterEntry, ...]
    _by_profile: dict[str, RosterEntry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "_by_profile", {profile_id(entry.name): entry for entry in self.entries}
        )

    def find(self, name: str) -> RosterEntry | None:
        """The entry of this name (compared as profile ids), or None."""
        return self._by_profile.get(profile_id(name))


def _problem(path: str, row: int, column: int, key: str, /, **params: object) -> Problem:
    return Problem(path, row, column, "error", key, tuple(sorted(params.items())))


def _column(header: tuple[str, ...], names: frozenset[str]) -> int | None:
    for index, cell in enumerate(header):
        if cell.strip().casefold() in names:
            return index
    return None


def read_roster(
    path: str, header: tuple[str, ...], rows: tuple[tuple[int, tuple[str, ...]], ...]
) -> Roster:
    """A roster from a table's header and numbered rows (as a spreadsheet numbers them), or
    :class:`FileProblemError` naming every bad cell as ``FILE:ROW:COL``."""
    problems: list[Problem] = []
    name_col = _column(header, _NAME_HEADERS)
    department_col = _column(header, _DEPARTMENT_HEADERS)
    id_col = _column(header, _ID_HEADERS)
    if name_col is None:
        problems.append(_problem(path, 1, 1, "sitting.roster.no_column", header="姓名"))
    if department_col is None:
        problems.append(_problem(path, 1, 1, "sitting.roster.no_column", header="部门"))
    if name_col is None or department_col is None:
        raise FileProblemError(problems)
    entries: list[RosterEntry] = []
    first_row: dict[str, int] = {}

    def cell(cells: tuple[str, ...], index: int) -> str:
        return cells[index] if index < len(cells) else ""

    for number, cells in rows:
        name = clean_field(cell(cells, name_col))
        department = clean_field(cell(cells, department_col))
        staff_id = clean_field(cell(cells, id_col)) if id_col is not None else ""
        for value, column, what in (
            (name, name_col, "姓名"),
            (department, department_col, "部门"),
            (staff_id, id_col, "工号"),
        ):
            if value is None and column is not None:
                problems.append(
                    _problem(
                        path, number, column + 1, "sitting.roster.bad", header=what, limit=MAX_FIELD
                    )
                )
            elif value == "" and column in (name_col, department_col):
                problems.append(
                    _problem(path, number, column + 1, "sitting.roster.empty", header=what)
                )
        if not name or department is None or staff_id is None:
            continue
        key = profile_id(name)
        if key in first_row:
            problems.append(
                _problem(
                    path,
                    number,
                    name_col + 1,
                    "sitting.roster.duplicate",
                    name=name,
                    row=first_row[key],
                )
            )
            continue
        first_row[key] = number
        entries.append(RosterEntry(name, department, staff_id))
    if not entries and not problems:
        problems.append(_problem(path, 0, 0, "sitting.roster.no_people"))
    if problems:
        raise FileProblemError(sorted(problems, key=lambda p: (p.line, p.column)))
    return Roster(tuple(entries))


def load_roster(path: str | os.PathLike[str]) -> Roster:
    """The roster in a CSV (UTF-8, UTF-8 with BOM, GB18030) or XLSX file, read by the same
    code as answer sheets and glossary imports; a problem → :class:`FileProblemError`."""
    from carbon_glossary.interop.sheets import read_sheet

    sheet = read_sheet(path)
    return read_roster(sheet.path, sheet.header, sheet.rows)
