"""Spreadsheets as rows of text: CSV (UTF-8, UTF-8 with BOM, GB18030) and XLSX (openpyxl).

Rows and columns are numbered as the spreadsheet shows them: the header is row 1, the first
column is column 1 (A). Empty rows are skipped but keep their numbers, so a message about
row 7 is about the row Excel calls 7.

Text from a glossary is never written where a spreadsheet would run it as a formula (CSV
injection: a definition typed as ``=HYPERLINK(…)`` or ``@SUM(…)``). In a CSV file, a cell
that begins with ``= + - @``, a tab or a carriage return gets a leading apostrophe, as OWASP
advises, and so does one that begins with an apostrophe, so that reading drops exactly the
apostrophes writing added (:func:`neutralised`, :func:`restored`); a plain number (``-5``)
is left as it is, for it cannot be a formula. In an XLSX file a cell keeps its exact text as
a text cell marked with Excel's own quote prefix (what typing ``'`` before it in Excel
records), so it stays text even when someone edits it.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from carbon_glossary.core.problems import FileProblemError, Problem

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell, MergedCell
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "FORMULA_STARTS",
    "Sheet",
    "Table",
    "decode_text",
    "keep_as_text",
    "neutralised",
    "read_sheet",
    "restored",
    "write_csv",
    "write_xlsx",
]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may take a cell's text for a formula by, first character."""
_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


def _runs_as_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text)


def neutralised(text: str) -> str:
    """``text`` as a CSV cell no spreadsheet runs: with a leading ``'`` if it begins like a
    formula, or with an apostrophe (so that :func:`restored` gives it back exactly)."""
    if _runs_as_formula(text) or text.startswith("'"):
        return "'" + text
    return text


def keep_as_text(cell: Cell | MergedCell) -> None:
    """Make an XLSX cell whose text begins like a formula a text cell with Excel's quote
    prefix: openpyxl would store it as a formula, and Excel would run it once edited."""
    if isinstance(cell.value, str) and _runs_as_formula(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True


def restored(cell: str) -> str:
    """A CSV cell's text as it was before :func:`neutralised`: the leading ``'`` dropped
    when it stands before what writing guards (a formula's first character, another
    apostrophe). Any other apostrophe is the cell's own text."""
    if cell.startswith("'") and (_runs_as_formula(cell[1:]) or cell[1:2] == "'"):
        return cell[1:]
    return cell


@dataclass(frozen=True, slots=True)
class Sheet:
    """A table read from a file: its header cells and its non-empty rows with their numbers.

    For a workbook, this is its first sheet; ``others`` are its other sheets that hold
    anything, each with its ``name`` and a ``path`` that names the sheet for messages
    (``术语.xlsx[术语表设置]``).
    """

    path: str
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    name: str = ""
    others: tuple[Sheet, ...] = ()


def _problem(path: str, row: int, column: int, key: str, **params: object) -> Problem:
    return Problem(path, row, column, "error", key, tuple(sorted(params.items())))


def decode_text(data: bytes, path: str) -> str:
    """The text of a CSV file (or a policy text): UTF-8 (with or without BOM), else GB18030
    (what Excel and Notepad on Chinese Windows save). Bytes that are neither →
    FileProblemError at the row and comma-separated column of the first bad byte."""
    failures: list[tuple[int, str]] = []
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as error:
            failures.append((error.start, encoding))
    # The encoding that read further is the one the file is in, bad bytes apart.
    start, encoding = max(failures)
    before = data[:start].decode(encoding)
    row = before.count("\n") + 1
    column = before[before.rfind("\n") + 1 :].count(",") + 1
    raise FileProblemError(
        [_problem(path, row, column, "interop.csv_encoding", byte=f"{data[start]:02X}")]
    )


def _cell_text(value: object) -> str:
    """An XLSX cell as text: whole numbers without ``.0``, everything else as written."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_csv(data: bytes, path: str) -> list[tuple[int, tuple[str, ...]]]:
    text = decode_text(data, path)
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [
            (number, tuple(restored(cell) for cell in row))
            for number, row in enumerate(reader, start=1)
        ]
    except csv.Error as error:
        raise FileProblemError(
            [_problem(path, reader.line_num, 1, "interop.csv_syntax", detail=str(error))]
        ) from None


def _read_xlsx(path: Path) -> list[tuple[str, list[tuple[int, tuple[str, ...]]]]]:
    """Every worksheet of a workbook: its name and its rows of text, first sheet first."""
    import zipfile

    from openpyxl import load_workbook

    shown = os.fspath(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise FileProblemError(
            [Problem(shown, 0, 0, "error", "interop.xlsx_unreadable", (("detail", str(error)),))]
        ) from None
    try:
        return [
            (
                sheet.title,
                [
                    (number, tuple(_cell_text(value) for value in values))
                    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
                ],
            )
            for sheet in book.worksheets
        ]
    finally:
        book.close()


def _table(
    path: str, name: str, rows: list[tuple[int, tuple[str, ...]]], others: tuple[Sheet, ...] = ()
) -> Sheet | None:
    """A sheet of the non-empty rows, the first of them its header; None when all are empty."""
    rows = [(n, tuple(cell.strip() for cell in cells)) for n, cells in rows]
    filled = [(n, cells) for n, cells in rows if any(cells)]
    if not filled:
        return None
    (_, header), *body = filled
    return Sheet(path, header, tuple(body), name, others)


def read_sheet(path: str | os.PathLike[str]) -> Sheet:
    """The first sheet of an XLSX file (with its other sheets) or a CSV file, by its suffix.

    A missing or unreadable file, bad bytes or a file without a header row →
    FileProblemError.
    """
    from carbon_glossary.core.loader import read_glossary_bytes

    shown = os.fspath(path)
    data = read_glossary_bytes(path)  # missing, folder, permission: the loader's messages
    suffix = Path(path).suffix.lower()
    if suffix in (".xls", ".ods", ".et", ".numbers"):
        raise FileProblemError(
            [Problem(shown, 0, 0, "error", "interop.save_as_xlsx", (("suffix", suffix),))]
        )
    if suffix == ".xlsx":
        (name, rows), *rest = _read_xlsx(Path(path))
        others = tuple(
            other
            for title, other_rows in rest
            if (other := _table(f"{shown}[{title}]", title, other_rows)) is not None
        )
        sheet = _table(shown, name, rows, others)
    else:
        sheet = _table(shown, "", _read_csv(data, shown))
    if sheet is None:
        raise FileProblemError([Problem(shown, 0, 0, "error", "interop.sheet_empty")])
    return sheet


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """A CSV file Excel opens correctly: UTF-8 with a BOM, CRLF line ends; no cell that a
    spreadsheet would run as a formula (:func:`neutralised`)."""
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows([neutralised(cell) for cell in row] for row in rows)


Table = tuple[str, Sequence[str], Sequence[Sequence[str]]]
"""A sheet to write: its name, header and rows."""


def write_xlsx(
    path: Path,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    title: str = "",
    others: Sequence[Table] = (),
) -> None:
    """An XLSX workbook: the table on its first sheet (named ``title``), then ``others``,
    each with a bold header row frozen at the top and columns wide enough to read."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has one sheet
    if title:
        sheet.title = _sheet_name(title)
    _fill(sheet, header, rows)
    for name, other_header, other_rows in others:
        _fill(book.create_sheet(_sheet_name(name)), other_header, other_rows)
    book.save(path)


def _sheet_name(title: str) -> str:
    # Excel limits sheet names to 31 characters and forbids a few.
    return "".join(c for c in title if c not in "[]:*?/\\")[:31] or "Sheet1"


def _fill(sheet: Worksheet, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
        for cell in sheet[sheet.max_row]:
            keep_as_text(cell)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for index, name in enumerate(header, start=1):
        longest = max([len(name), *(len(row[index - 1]) for row in rows if index <= len(row))])
        sheet.column_dimensions[get_column_letter(index)].width = min(60, max(8, longest * 2))
    wrap = Alignment(wrap_text=True, vertical="top")
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            cell.alignment = wrap
