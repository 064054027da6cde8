"""``import --merge … --on-conflict replace`` changes only the keys it replaces: every other
line of the entry stays byte for byte, and a list keeps the layout it had (QA finding 25)."""

from __future__ import annotations

import csv
import io
import tomllib
from pathlib import Path

import pytest

from carbon_glossary.cli import main
from carbon_glossary.core.loader import load_glossary

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "glossary.toml"


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def replace(capsys: pytest.CaptureFixture[str], sheet: Path, into: Path) -> None:
    code = main(["import", str(sheet), "--merge", str(into), "--on-conflict", "replace"])
    _, err = capsys.readouterr()
    assert code == 0, err


def without_kept_comments(text: str, sheet: Path) -> str:
    return "".join(
        line for line in text.splitlines(keepends=True) if not line.startswith(f"# 并入 {sheet}")
    )


def test_replacing_two_cells_changes_two_lines_of_the_shipped_glossary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    into, sheet = tmp_path / "glossary.toml", tmp_path / "edit.csv"
    original = SHIPPED.read_text(encoding="utf-8")
    into.write_text(original, encoding="utf-8")
    entry = tomllib.loads(original)["term"][0]
    assert entry["term"] == "碳达峰"
    write_csv(sheet, ["术语", "释义", "出处"], [["碳达峰", "新的释义。", "测试出处"]])
    replace(capsys, sheet, into)
    text = into.read_text(encoding="utf-8")
    expected = original.replace(
        f'definition = "{entry["definition"]}"\n', 'definition = "新的释义。"\n', 1
    ).replace(f'source = "{entry["source"]}"\n', 'source = "测试出处"\n', 1)
    assert expected != original
    assert without_kept_comments(text, sheet) == expected
    # what was replaced is still there, as comments right below the new lines
    assert f'definition = "新的释义。"\n# 并入 {sheet} 之前：definition = "指在一定时期内' in text
    assert len(text.splitlines()) == len(original.splitlines()) + 2
    term = load_glossary(into).terms[0]
    assert (term.definition, term.source) == ("新的释义。", "测试出处")
    assert term.english == tuple(entry["english"])


def test_a_replaced_list_keeps_its_layout_and_a_new_key_follows_the_last(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    into, sheet = tmp_path / "into.toml", tmp_path / "edit.csv"
    original = (
        '[glossary]\ntitle = "测试"\n\n'
        '[[term]]\nterm = "碳中和"\nenglish = ["carbon neutrality"]\n'
        'tags = [\n    "双碳",\n]\n'
        "# a comment of ours\n"
        'definition = """排放与\n吸收相抵。"""\n\n'
        '[[term]]\nterm = "碳汇"\nenglish = ["carbon sink"]\n'
    )
    into.write_text(original, encoding="utf-8")
    write_csv(
        sheet,
        ["术语", "英文", "标签", "释义", "别名"],
        [["碳中和", "carbon neutral；net zero", "双碳；核心", "排放与吸收相抵。", "净零"]],
    )
    replace(capsys, sheet, into)
    before = f"# 并入 {sheet} 之前："
    assert into.read_text(encoding="utf-8") == (
        '[glossary]\ntitle = "测试"\n\n'
        '[[term]]\nterm = "碳中和"\nenglish = ["carbon neutral", "net zero"]\n'
        f'{before}english = ["carbon neutrality"]\n'
        'tags = [\n    "双碳",\n    "核心",\n]\n'
        f'{before}tags = [\n#     "双碳",\n# ]\n'
        "# a comment of ours\n"
        'definition = "排放与吸收相抵。"\n'
        f'{before}definition = """排放与\n# 吸收相抵。"""\n'
        'aliases = ["净零"]\n\n'
        '[[term]]\nterm = "碳汇"\nenglish = ["carbon sink"]\n'
    )
    assert load_glossary(into).terms[0].aliases == ("净零",)


def test_a_file_with_windows_line_ends_keeps_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    into, sheet = tmp_path / "into.toml", tmp_path / "edit.csv"
    into.write_bytes(
        '[glossary]\r\ntitle = "测试"\r\n\r\n[[term]]\r\nterm = "碳中和"\r\n'
        'definition = "旧。"\r\nsource = "测试"\r\n'.encode()
    )
    write_csv(sheet, ["术语", "释义"], [["碳中和", "新。"]])
    replace(capsys, sheet, into)
    data = into.read_bytes()
    assert b'definition = "\xe6\x96\xb0\xe3\x80\x82"\r\n' in data  # 新。
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert load_glossary(into).terms[0].definition == "新。"
