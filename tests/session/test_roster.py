"""Rosters (``exam --roster``): read as CSV (UTF-8, BOM, GB18030) or XLSX by the sheet
reader, and refused whole with FILE:ROW:COL for every bad cell."""

from __future__ import annotations

from pathlib import Path

import pytest

from carbon_glossary.core.problems import FileProblemError
from carbon_glossary.session.roster import RosterEntry, load_roster

GOOD = "姓名,部门,工号\n王小明,发展改革局,001\nAlice Wang,财政局,\n\n李华,办公室,003\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_a_csv_roster_in_any_encoding_excel_saves(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "staff.csv"
    path.write_bytes(GOOD.encode(encoding))
    roster = load_roster(path)
    assert roster.entries == (
        RosterEntry("王小明", "发展改革局", "001"),
        RosterEntry("Alice Wang", "财政局", ""),
        RosterEntry("李华", "办公室", "003"),
    )
    assert roster.find("alice  WANG") == RosterEntry("Alice Wang", "财政局", "")
    assert roster.find("张三") is None


def test_an_xlsx_roster_with_english_headers(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Name", "Department", "ID"])
    sheet.append(["王小明", "发展改革局", 1001])  # a number, as Excel keeps a staff number
    path = tmp_path / "staff.xlsx"
    book.save(path)
    assert load_roster(path).entries == (RosterEntry("王小明", "发展改革局", "1001"),)


def test_every_bad_cell_is_named_by_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "工号,姓名,部门\n001,王小明,发展改革局\n002,,财政局\n003,李华,\n004,王小明,办公室\n"
        "005,张\x1b[2J三,办公室\n",
        encoding="utf-8",
    )
    with pytest.raises(FileProblemError) as caught:
        load_roster(path)
    found = [(p.line, p.column, p.key) for p in caught.value.problems]
    assert found == [
        (3, 2, "sitting.roster.empty"),
        (4, 3, "sitting.roster.empty"),
        (5, 2, "sitting.roster.duplicate"),
        (6, 2, "sitting.roster.bad"),
    ]
    assert caught.value.problems[2].format().startswith(f"{path}:5:2: 错误: ")
    assert "第 2 行" in caught.value.problems[2].message


def test_a_roster_without_its_columns(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("名字,单位\n王小明,发展改革局\n", encoding="utf-8")
    with pytest.raises(FileProblemError) as caught:
        load_roster(path)
    assert [(p.line, p.column) for p in caught.value.problems] == [(1, 1), (1, 1)]
    assert "姓名" in caught.value.problems[0].message
    assert "部门" in caught.value.problems[1].message
