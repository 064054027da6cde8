"""The trainer's commands as a trainer meets them: the student copy, the key, the answer
sheet template, and options that cannot go together."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from carbon_glossary.cli import main

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "glossary.toml"
EXAMPLE = ROOT / "papers" / "example.toml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--glossary", str(SHIPPED), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def printed_id_line(capsys: pytest.CaptureFixture[str]) -> str:
    """The paper-id line the printed copy ends with (试卷编号：…)."""
    code, copy, _ = run(capsys, "exam", str(EXAMPLE), "--print")
    assert code == 0
    line = copy.strip().splitlines()[-1]
    assert re.fullmatch(r"试卷编号：[0-9a-f]{16}", line)
    return line


def test_print_and_key_are_separate(capsys: pytest.CaptureFixture[str]) -> None:
    code, copy, _ = run(capsys, "exam", str(EXAMPLE), "--print")
    assert code == 0 and "姓名：" in copy and "参考答案" not in copy
    code, key, _ = run(capsys, "exam", str(EXAMPLE), "--key")
    assert code == 0 and "参考答案" in key
    # the matching question, in the sheet's notation (its pairs depend on the glossary)
    pairing = re.compile(r"^20\. 1[A-E] 2[A-E] 3[A-E] 4[A-E] 5[A-E]$", re.M)
    assert pairing.search(key)
    assert not pairing.search(copy)


def test_sheet_template_xlsx_and_no_overwrite(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "答题卡.xlsx"
    code, out, err = run(capsys, "exam", str(EXAMPLE), "--sheet-template", str(path))
    assert code == 0 and err == "" and "20 题" in out
    number, header = load_workbook(path).worksheets[0].iter_rows(max_row=2, values_only=True)
    assert number[0] == printed_id_line(capsys)  # the line the printed paper ends with
    assert list(header) == ["姓名", "部门", *map(str, range(1, 21))]
    before = path.read_bytes()
    code, _, err = run(capsys, "exam", str(EXAMPLE), "--sheet-template", str(path))
    assert code == 2 and "已经存在" in err
    assert path.read_bytes() == before


def test_sheet_template_csv(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    assert run(capsys, "exam", str(EXAMPLE), "--sheet-template", str(path))[0] == 0
    first = f"\ufeff{printed_id_line(capsys)}\r\n姓名,部门,1,2,"
    assert path.read_bytes().startswith(first.encode())


def test_two_actions_at_once_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "exam", str(EXAMPLE), "--print", "--key")
    assert code == 2 and out == "" and "一次只能用一个" in err
    code, out, _ = run(capsys, "exam", str(EXAMPLE), "--print", "--json")
    assert code == 0 and out.startswith("{")  # --json with --print: the paper as data
