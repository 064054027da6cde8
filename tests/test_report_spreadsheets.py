"""The room report's spreadsheets, read back as a trainer's Excel would: openpyxl for the
XLSX, the csv module for the CSV files. Question kinds are named as the text report names
them, in the interface language; the summary (people, pass rate, mean, median, α, the
small-room warning) is the workbook's first sheet and a CSV file of its own; scores have
one decimal everywhere (QA finding 9)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from carbon_glossary.cli import main
from carbon_glossary.i18n import en, zh
from test_training_store import EXAMPLE, PAPER, SHIPPED, write_sheet

KIND_IDS = {q.kind for q in PAPER.questions}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--glossary", str(SHIPPED), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def room(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A SQLite store holding five people's answer sheets for the example paper."""
    db = str(tmp_path / "room.db")
    sheet = tmp_path / "sheet.csv"
    write_sheet(sheet)
    code, _, err = run(capsys, "exam", str(EXAMPLE), "--mark", str(sheet), "--db", db)
    assert code == 0, err
    return db


def json_report(capsys: pytest.CaptureFixture[str], db: str) -> dict[str, object]:
    code, out, err = run(capsys, "report", str(EXAMPLE), "--db", db, "--json")
    assert code == 0, err
    data: dict[str, object] = json.loads(out)
    return data


def test_the_workbook_opens_on_the_summary_and_names_kinds_in_chinese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, room: str
) -> None:
    data = json_report(capsys, room)
    summary = data["summary"]
    assert isinstance(summary, dict)
    code, text, _ = run(capsys, "report", str(EXAMPLE), "--db", room)
    assert code == 0
    book_path = tmp_path / "r.xlsx"
    assert run(capsys, "report", str(EXAMPLE), "--db", room, "--xlsx", str(book_path))[0] == 0
    book = load_workbook(book_path)
    assert book.sheetnames == ["概况", "人员", "各题", "各术语"]

    sheet = book["概况"]
    assert [c.value for c in sheet[1]] == ["项目", "数值"]
    cells = {row[0].value: row[1] for row in sheet.iter_rows(min_row=2)}
    values = {label: cell.value for label, cell in cells.items()}
    assert values["试卷"] == PAPER.title
    assert values["参加人数"] == summary["sittings"] == 5
    assert values["及格人数"] == summary["passed"]
    assert values["及格率%"] == round(summary["pass_rate"] * 100, 1)
    assert values["平均分%"] == round(summary["mean_percent"], 1)
    assert values["中位数%"] == round(summary["median_percent"], 1)
    assert values["Cronbach α"] == round(summary["alpha"], 2)
    assert values["提示"] == zh.MESSAGES["training.report.noisy"].format(count=10)
    assert values["提示"] in text  # the same warning the text report prints
    for label in ("及格率%", "平均分%", "中位数%"):
        assert cells[label].number_format == "0.0"
        assert f"{values[label]:.1f}%" in text  # and the same figure, one decimal
    assert cells["Cronbach α"].number_format == "0.00"

    kinds = [row[1] for row in book["各题"].iter_rows(min_row=2, values_only=True)]
    assert kinds == [zh.MESSAGES[f"quiz.kind.{q.kind}"] for q in PAPER.questions]
    assert "写拼音" in kinds and "术语→定义" in kinds
    assert not KIND_IDS & set(kinds)
    scores = [row[2] for row in book["人员"].iter_rows(min_row=2)]
    assert all(isinstance(c.value, int | float) and c.number_format == "0.0" for c in scores)


def test_the_csv_files_carry_the_summary_beside_the_tables(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, room: str
) -> None:
    data = json_report(capsys, room)
    summary = data["summary"]
    assert isinstance(summary, dict)
    target = tmp_path / "room.csv"
    code, out, _ = run(capsys, "report", str(EXAMPLE), "--db", room, "--csv", str(target))
    assert code == 0 and "room-summary.csv" in out

    def read(name: str) -> list[list[str]]:
        raw = (tmp_path / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # Excel opens it with its Chinese intact
        with (tmp_path / name).open(encoding="utf-8-sig", newline="") as handle:
            return list(csv.reader(handle))

    header, *rows = read("room-summary.csv")
    assert header == ["项目", "数值"]
    values = dict(rows)
    assert values["参加人数"] == "5" and values["及格线%"] == "60.0"
    assert values["及格率%"] == f"{summary['pass_rate'] * 100:.1f}"
    assert values["平均分%"] == f"{summary['mean_percent']:.1f}"
    assert values["Cronbach α"] == str(round(summary["alpha"], 2))
    assert values["提示"].startswith("参加人数少于 10 人")

    header, *rows = read("room-questions.csv")
    assert header[1] == "题型"
    assert [row[1] for row in rows] == [zh.MESSAGES[f"quiz.kind.{q.kind}"] for q in PAPER.questions]
    _, *people = read("room.csv")
    assert all(row[2].count(".") == 1 and len(row[2].split(".")[1]) == 1 for row in people)


def test_english_interface_gives_english_sheets_and_kinds(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, room: str
) -> None:
    book_path = tmp_path / "r.xlsx"
    argv = ("--lang", "en", "report", str(EXAMPLE), "--db", room, "--xlsx", str(book_path))
    assert run(capsys, *argv)[0] == 0
    book = load_workbook(book_path)
    assert book.sheetnames == ["Summary", "People", "Questions", "Terms"]
    labels = [row[0] for row in book["Summary"].iter_rows(min_row=2, values_only=True)]
    assert {"Sittings", "Pass rate %", "Mean %", "Median %", "Cronbach α", "Note"} <= set(labels)
    kinds = [row[1] for row in book["Questions"].iter_rows(min_row=2, values_only=True)]
    assert kinds == [en.MESSAGES[f"quiz.kind.{q.kind}"] for q in PAPER.questions]
    assert "term → definition" in kinds and "term-def" not in kinds


def test_a_room_of_ten_has_no_warning_in_its_summary(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "room.db")
    sheet = tmp_path / "sheet.csv"
    write_sheet(sheet, [(f"学员{i}", "发改局", set(range(1, i + 1))) for i in range(10)])
    assert run(capsys, "exam", str(EXAMPLE), "--mark", str(sheet), "--db", db)[0] == 0
    book_path = tmp_path / "r.xlsx"
    assert run(capsys, "report", str(EXAMPLE), "--db", db, "--xlsx", str(book_path))[0] == 0
    values = dict(load_workbook(book_path)["概况"].iter_rows(min_row=2, values_only=True))
    assert values["参加人数"] == 10 and "提示" not in values


def test_mark_and_the_text_report_print_a_score_with_one_decimal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "room.db")
    sheet = tmp_path / "sheet.csv"
    write_sheet(sheet, [("张三", "发改局", set()), ("李四", "发改局", {1, 2, 3})])
    code, out, _ = run(capsys, "exam", str(EXAMPLE), "--mark", str(sheet), "--db", db)
    assert code == 0 and "100.0%" in out and "85.0%" in out
    code, out, _ = run(capsys, "report", str(EXAMPLE), "--db", db)
    people = [line.split() for line in out.splitlines() if line.startswith("  张三")]
    assert people and people[0][2] == "100.0"
