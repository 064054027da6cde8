"""CSV injection: glossary text that begins like a formula is exported so that no
spreadsheet runs it, and importing the export gives the text back exactly."""

from __future__ import annotations

import csv
import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from carbon_glossary.cli import main
from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.model import Term
from carbon_glossary.interop.sheets import FORMULA_STARTS, neutralised, restored

GLOSSARY = """\
[glossary]
title = "公式注入"
language = "zh-CN"
version = "1"

[[term]]
term = "碳达峰"
definition = '=HYPERLINK("http://evil.example/","点击查看")'
definition_en = "'=written with an apostrophe already"
english = ["@SUM(1+1)", "carbon peaking"]
category = "核心概念"
source = "+86 0531 测试"
examples = ["-碳达峰- 为示例"]

[[term]]
term = "碳中和"
definition = "'以撇号开头的普通文字"
english = ["-5"]
category = "''两个撇号"
source = "-1+2"
tags = ["@标签"]
"""
RISKY = (
    '=HYPERLINK("http://evil.example/","点击查看")',
    "@SUM(1+1)；carbon peaking",
    "+86 0531 测试",
    "-碳达峰- 为示例",
    "-1+2",
    "@标签",
)


def plain(term: Term) -> Term:
    return dataclasses.replace(term, line=0)


def export(tmp_path: Path, fmt: str) -> tuple[Path, Path]:
    source = tmp_path / "g.toml"
    source.write_text(GLOSSARY, encoding="utf-8")
    sheet = tmp_path / f"g.{fmt}"
    assert main(["--glossary", str(source), "export", "--format", fmt, "-o", str(sheet)]) == 0
    return source, sheet


def runs_as_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS) and text != "-5"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_imported_again_gives_every_text_back_exactly(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, sheet = export(tmp_path, fmt)
    back = tmp_path / "back.toml"
    assert main(["import", str(sheet), "-o", str(back)]) == 0, capsys.readouterr().err
    assert [plain(t) for t in load_glossary(back).terms] == [
        plain(t) for t in load_glossary(source).terms
    ]


def test_no_csv_cell_begins_like_a_formula(tmp_path: Path) -> None:
    _, sheet = export(tmp_path, "csv")
    with sheet.open(encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert not [cell for cell in cells if runs_as_formula(cell)]
    for text in RISKY:
        assert "'" + text in cells
    assert "-5" in cells  # a plain number is no formula: left as it is
    assert "''以撇号开头的普通文字" in cells  # so that reading drops only what writing added


def test_xlsx_cells_keep_their_text_as_text_that_editing_does_not_run(tmp_path: Path) -> None:
    _, sheet = export(tmp_path, "xlsx")
    cells = {
        cell.value: cell
        for row in load_workbook(sheet).active.iter_rows()  # type: ignore[union-attr]
        for cell in row
        if isinstance(cell.value, str)
    }
    assert not [c for c in cells.values() if c.data_type == "f"]
    for text in RISKY:
        assert cells[text].data_type == "s" and cells[text].quotePrefix, text
    assert not cells["碳达峰"].quotePrefix


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "+1"),  # a plain number
        ("-0.5", "-0.5"),
        ("-٣", "'-٣"),  # digits, but not the ones a spreadsheet reads as a number
        ("-1+2", "'-1+2"),
        ("@A1", "'@A1"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("'", "''"),
        ("'=x", "''=x"),
        ("碳达峰", "碳达峰"),
        ("", ""),
    ],
)
def test_what_a_cell_is_written_as(text: str, written: str) -> None:
    assert neutralised(text) == written
    assert restored(written) == text


def test_an_apostrophe_someone_typed_before_other_text_is_kept() -> None:
    assert restored("'0531") == "'0531"


@given(st.text())
def test_reading_gives_back_what_was_written_and_nothing_written_runs(text: str) -> None:
    cell = neutralised(text)
    assert restored(cell) == text
    assert not cell.startswith(FORMULA_STARTS) or re.fullmatch(r"[+-][0-9.]+", cell)
