"""Importing spreadsheets: headers in either language, three encodings, XLSX, bad rows at
their row and column, merging without overwriting, and export → import giving the same
glossary back."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from carbon_glossary.cli import main
from carbon_glossary.core.loader import check_glossary, load_glossary
from carbon_glossary.core.model import Glossary, Term

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "glossary.toml"

HEADER = ["术语", "拼音", "英文", "释义", "类别", "出处", "相关", "例句"]
ROWS = [
    ["碳达峰", "", "carbon peaking；peak carbon emissions", "碳排放量达到历史最高值。", "核心概念",
     "测试", "碳中和", "为实现碳达峰目标，实施“十大行动”。"],
    ["碳中和", "", "carbon neutrality", "排放与吸收相抵。", "核心概念", "测试", "碳达峰", ""],
    ["储能调峰", "", "energy storage for peak regulation", "用储能设施调节峰谷。", "能源",
     "测试", "", ""],
]  # fmt: skip


def csv_bytes(rows: list[list[str]], header: list[str] = HEADER, encoding: str = "utf-8") -> bytes:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def same_terms(a: Glossary, b: Glossary) -> None:
    """Every field of every term equal (line numbers differ between files, naturally)."""

    def plain(term: Term) -> Term:
        return dataclasses.replace(term, line=0)

    assert [plain(t) for t in a.terms] == [plain(t) for t in b.terms]


class TestRoundTrip:
    @pytest.mark.parametrize("fmt", ["csv", "xlsx"])
    def test_export_then_import_gives_the_same_glossary(
        self, fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        sheet, back = tmp_path / f"g.{fmt}", tmp_path / "back.toml"
        assert (
            run(capsys, "--glossary", str(SHIPPED), "export", "--format", fmt, "-o", str(sheet))[0]
            == 0
        )
        code, _, err = run(capsys, "import", str(sheet), "-o", str(back))
        assert code == 0, err
        same_terms(load_glossary(SHIPPED), load_glossary(back))

    def test_csv_export_has_a_bom_for_excel(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        sheet = tmp_path / "g.csv"
        run(capsys, "--glossary", str(SHIPPED), "export", "--format", "csv", "-o", str(sheet))
        assert sheet.read_bytes().startswith(b"\xef\xbb\xbf\xe6\x9c\xaf\xe8\xaf\xad,")  # BOM 术语,

    def test_list_cells_whose_values_hold_separators_survive(self, tmp_path: Path) -> None:
        from carbon_glossary.interop.fields import join_list, split_list

        for values in (["一；二", "三"], ["a;b"], ["甲", "乙"]):
            assert split_list(join_list(values)) == values


class TestEncodingsAndHeaders:
    @pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
    def test_excel_csv_encodings(
        self, encoding: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source = tmp_path / "terms.csv"
        source.write_bytes(csv_bytes(ROWS, encoding=encoding))
        code, _, err = run(capsys, "import", str(source))
        assert code == 0, err
        glossary = load_glossary(tmp_path / "terms.toml")
        assert [t.term for t in glossary.terms] == ["碳达峰", "碳中和", "储能调峰"]
        assert glossary.terms[0].english == ("carbon peaking", "peak carbon emissions")
        assert glossary.terms[0].related == ("tan-zhong-he",)
        # readings as everywhere else: the domain fix 调峰 tiáo fēng applies
        assert glossary.terms[2].syllables == ("chu3", "neng2", "tiao2", "feng1")

    def test_gb18030_is_really_not_utf8(self) -> None:
        with pytest.raises(UnicodeDecodeError):
            csv_bytes(ROWS, encoding="gb18030").decode("utf-8")

    def test_english_and_traditional_headers(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source = tmp_path / "terms.csv"
        header = ["Term", "pinyin", "English", "釋義", "類別", "SOURCE", "related", "examples"]
        source.write_bytes(csv_bytes(ROWS, header=header))
        assert run(capsys, "import", str(source))[0] == 0
        glossary = load_glossary(tmp_path / "terms.toml")
        assert glossary.terms[1].definition == "排放与吸收相抵。"
        assert glossary.terms[1].category == "核心概念"

    def test_xlsx_made_with_openpyxl(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(HEADER)
        sheet.append([])  # an empty row keeps its number
        for row in ROWS:
            sheet.append(row)
        sheet.append(["零碳", 3, None, "排放为零。", "核心概念", "测试", None, None])
        source = tmp_path / "terms.xlsx"
        book.save(source)
        code, _, err = run(capsys, "import", str(source), "-o", str(tmp_path / "out.toml"))
        # the number 3 in the pinyin column is a bad pinyin, on the row Excel calls 6
        assert code == 2
        assert f"{source}:6:2: 错误:" in err
        assert not (tmp_path / "out.toml").exists()

    def test_row_numbers_and_notes_columns_are_skipped_with_a_warning(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source = tmp_path / "terms.csv"
        header = ["序号", "术语", "释义", "备注"]
        source.write_bytes(csv_bytes([["1", "碳达峰", "定义。", "第一次课讲"]], header=header))
        code, _, err = run(capsys, "import", str(source))
        assert code == 0
        assert f"{source}:1:1: 警告: “序号”列不是术语表的字段" in err
        assert f"{source}:1:4: 警告: “备注”列" in err
        term = load_glossary(tmp_path / "terms.toml").terms[0]
        assert (term.id, term.definition) == ("tan-da-feng", "定义。")  # 序号 is no id

    def test_traditional_term_is_converted_and_reported(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source = tmp_path / "terms.csv"
        source.write_bytes(csv_bytes([["碳達峰", "", "", "定义。", "", "", "", ""]]))
        code, _, err = run(capsys, "import", str(source))
        assert code == 0
        assert f"{source}:2:1: 警告: 术语“碳達峰”不是简体" in err
        term = load_glossary(tmp_path / "terms.toml").terms[0]
        assert (term.term, term.traditional) == ("碳达峰", "碳達峰")

    def test_unsettled_heteronyms_are_warned_as_check_does(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source = tmp_path / "terms.csv"
        source.write_bytes(csv_bytes([["节能降碳", "", "", "定义。", "", "", "", ""]]))
        code, _, err = run(capsys, "import", str(source))
        assert code == 0
        [warning] = [line for line in err.splitlines() if "警告" in line]
        assert warning.startswith(f"{source}:2:1: 警告:")
        toml_warnings = check_glossary(tmp_path / "terms.toml")
        assert [p.key for p in toml_warnings] == ["check.term.unsettled"]
        assert toml_warnings[0].message in warning


BAD_ROWS = [
    # (header, rows, expected "ROW:COL", words in the message)
    (["术语", "解释说明"], [["碳达峰", "x"]], "1:2", "不认识的列名“解释说明”"),
    (["术语", "释义", "定义"], [["碳达峰", "x", "y"]], "1:3", "与第2列重复"),
    (["释义"], [["x"]], "1:1", "没有“术语”"),
    (HEADER, [ROWS[0], ["", "", "", "孤零零的释义", "", "", "", ""]], "3:1", "“术语”是空的"),
    (HEADER, [["碳达峰", "tan4 da2", "", "", "", "", "", ""]], "2:2", "有2个音节"),
    (HEADER, [["碳达峰", "tan4 dx2 feng1", "", "", "", "", "", ""]], "2:2", "dx2"),
    (HEADER, [ROWS[0], ROWS[1], ROWS[0]], "4:1", "重复"),
    (HEADER, [["碳达峰", "", "", "", "", "", "碳汇", ""]], "2:7", "碳汇"),
    (["术语", "ID"], [["碳达峰", "a"], ["碳中和", "a"]], "3:2", "已被第1个术语使用"),
    (["术语", "释义"], [["碳达峰", "x", "多出来的"]], "2:3", "多出来的"),
    (["术语", ""], [["碳达峰", "没有列名"]], "1:2", "没有列名"),
]


class TestBadRows:
    @pytest.mark.parametrize(("header", "rows", "where", "words"), BAD_ROWS)
    def test_bad_row_is_named_by_row_and_column_and_nothing_is_written(
        self,
        header: list[str],
        rows: list[list[str]],
        where: str,
        words: str,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        source = tmp_path / "terms.csv"
        source.write_bytes(csv_bytes(rows, header=header))
        code, _, err = run(capsys, "import", str(source))
        assert code == 2
        matching = [
            line for line in err.splitlines() if line.startswith(f"{source}:{where}: 错误:")
        ]
        assert matching and words in matching[0], err
        assert "Traceback" not in err
        assert list(tmp_path.iterdir()) == [source]

    def test_bytes_in_no_known_encoding(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source = tmp_path / "terms.csv"
        source.write_bytes("术语,释义\n碳达峰,x\n".encode() + b"\x81\x20,y\n")
        code, _, err = run(capsys, "import", str(source))
        assert code == 2
        assert f"{source}:3:1: 错误: 无法识别这个 CSV 文件的编码" in err
        assert list(tmp_path.iterdir()) == [source]

    @pytest.mark.parametrize("suffix", [".xls", ".ods"])
    def test_other_spreadsheet_formats_say_what_to_save(
        self, suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source = tmp_path / f"terms{suffix}"
        source.write_bytes(b"\xd0\xcf\x11\xe0 old binary workbook")
        code, _, err = run(capsys, "import", str(source))
        assert code == 2 and ".xlsx" in err and "Traceback" not in err
        assert list(tmp_path.iterdir()) == [source]

    def test_not_a_workbook(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        source = tmp_path / "terms.xlsx"
        source.write_bytes(b"PK\x03\x04 this is no workbook")
        code, _, err = run(capsys, "import", str(source))
        assert code == 2 and "无法作为 Excel 工作簿" in err and "Traceback" not in err


class TestOutputAndMerge:
    def test_an_existing_output_is_never_overwritten_unasked(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source, output = tmp_path / "terms.csv", tmp_path / "terms.toml"
        source.write_bytes(csv_bytes(ROWS))
        output.write_text("# mine\n", encoding="utf-8")
        code, _, err = run(capsys, "import", str(source))
        assert code == 2 and "--merge" in err
        assert output.read_text(encoding="utf-8") == "# mine\n"
        assert run(capsys, "import", str(source), "--force")[0] == 0
        assert len(load_glossary(output).terms) == 3

    def _into(self, tmp_path: Path) -> Path:
        into = tmp_path / "into.toml"
        into.write_text(
            '# our own comment\n[glossary]\ntitle = "已有"\n\n[[term]]\nterm = "碳中和"\n'
            'english = ["carbon neutrality"]\ndefinition = "排放与吸收相抵。"\n'
            'category = "核心概念"\nsource = "测试"\n',
            encoding="utf-8",
        )
        return into

    def test_merge_appends_new_terms_and_keeps_what_was_there(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        into = self._into(tmp_path)
        before = into.read_text(encoding="utf-8")
        old_ids = [t.id for t in load_glossary(into).terms]
        source = tmp_path / "terms.csv"
        # 碳中和 identical (its related 碳达峰 is new, compared by name): unchanged
        rows = [ROWS[0], [*ROWS[1][:6], "", ""], ROWS[2]]
        source.write_bytes(csv_bytes(rows))
        code, out, err = run(capsys, "import", str(source), "--merge", str(into))
        assert code == 0, err
        assert "新增 2 个术语，1 个已有且一致，0 个有冲突" in out
        text = into.read_text(encoding="utf-8")
        assert text.startswith(before)  # comments, order, formatting: untouched
        merged = load_glossary(into)
        assert [t.id for t in merged.terms][:1] == old_ids
        assert [t.term for t in merged.terms] == ["碳中和", "碳达峰", "储能调峰"]

    def test_a_conflict_keeps_the_entry_adds_the_new_terms_and_exits_1(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """As Anki's importer keeps a note it was not told to update: the new term goes in,
        the entry in conflict stays as it was, each differing cell is named, and the exit
        status tells a script that not all of the sheet went in."""
        into = self._into(tmp_path)
        before = into.read_text(encoding="utf-8")
        source = tmp_path / "terms.csv"
        changed = [*ROWS[1][:3], "另一种说法。", *ROWS[1][4:6], "", ""]
        source.write_bytes(csv_bytes([changed, ROWS[2]]))
        code, out, err = run(capsys, "import", str(source), "--merge", str(into))
        assert code == 1
        assert f"{source}:2:4: 警告: “释义”与已有术语表中的“碳中和”（{into}:5）不同" in err
        assert "原有“排放与吸收相抵。”，表中“另一种说法。”" in err
        assert "--on-conflict replace" in err
        assert "新增 1 个术语，0 个已有且一致，1 个有冲突（未改动）" in out
        assert into.read_text(encoding="utf-8").startswith(before)
        merged = load_glossary(into)
        assert merged.terms[0].definition == "排放与吸收相抵。"
        assert [t.term for t in merged.terms] == ["碳中和", "储能调峰"]

    def test_asked_to_stop_a_conflict_changes_nothing(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        into = self._into(tmp_path)
        before = into.read_bytes()
        source = tmp_path / "terms.csv"
        changed = [*ROWS[1][:3], "另一种说法。", *ROWS[1][4:6], "", ""]
        source.write_bytes(csv_bytes([changed, ROWS[2]]))
        code, _, err = run(
            capsys, "import", str(source), "--merge", str(into), "--on-conflict", "stop"
        )
        assert code == 2
        assert f"{source}:2:4: 错误: “释义”与已有术语表中的“碳中和”（{into}:5）不同" in err
        assert into.read_bytes() == before

    def test_asked_to_replace_the_sheet_wins_and_the_former_text_stays_as_comments(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        into = self._into(tmp_path)
        before = load_glossary(into).terms[0]
        source = tmp_path / "terms.csv"
        source.write_bytes(
            csv_bytes([["碳中和", "另一种说法。"], ["碳汇", "吸收。"]], header=["术语", "释义"])
        )
        code, out, err = run(
            capsys, "import", str(source), "--merge", str(into), "--on-conflict", "replace"
        )
        assert code == 0, err
        assert f"{source}:2:2: 警告: “释义”已按表格替换" in err
        assert "1 个按表格替换" in out
        merged = load_glossary(into)
        first = merged.terms[0]
        assert first.definition == "另一种说法。"
        # What the sheet left empty, and the id progress follows, are as they were.
        assert (first.id, first.english, first.source) == (
            before.id,
            ("carbon neutrality",),
            "测试",
        )
        assert [t.term for t in merged.terms] == ["碳中和", "碳汇"]
        text = into.read_text(encoding="utf-8")
        assert text.startswith("# our own comment\n[glossary]")
        # nothing the person wrote is lost: the replaced line stays as a comment below the new
        assert (
            f'definition = "另一种说法。"\n# 并入 {source} 之前：definition = "排放与吸收相抵。"\n'
            in text
        )

    def test_a_bad_replacement_is_named_at_its_cell_and_nothing_is_written(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        into = self._into(tmp_path)
        before = into.read_bytes()
        source = tmp_path / "terms.csv"
        source.write_bytes(csv_bytes([["碳中和", "tan4 zhong1 xx"]], header=["术语", "拼音"]))
        code, _, err = run(
            capsys, "import", str(source), "--merge", str(into), "--on-conflict", "replace"
        )
        assert code == 2 and f"{source}:2:2: 错误:" in err
        assert into.read_bytes() == before

    def test_rows_without_any_list_column_merge_as_tables(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """tomli-w writes a list of tables without lists inline (``term = [{…}]``); appended,
        that was a second ``term`` key of the last entry, and the merge was refused."""
        into = self._into(tmp_path)
        source = tmp_path / "terms.csv"
        source.write_bytes(
            csv_bytes([["碳汇", "吸收。", "核心概念"]], header=["术语", "释义", "类别"])
        )
        code, _, err = run(capsys, "import", str(source), "--merge", str(into))
        assert code == 0, err
        assert [t.term for t in load_glossary(into).terms] == ["碳中和", "碳汇"]
        assert '\n[[term]]\nterm = "碳汇"' in into.read_text(encoding="utf-8")

    def test_a_row_with_an_existing_id_is_about_that_term(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        into = self._into(tmp_path)  # 碳中和 has the derived id tan-zhong-he
        before = into.read_bytes()
        source = tmp_path / "terms.csv"
        source.write_bytes(csv_bytes([["碳汇", "tan-zhong-he"]], header=["术语", "id"]))
        code, _, err = run(capsys, "import", str(source), "--merge", str(into))
        assert code == 1 and f"{source}:2:1: 警告: “术语”与已有术语表中的“碳中和”" in err
        assert into.read_bytes() == before


class TestTemplateAndHints:
    def test_template_xlsx_has_headers_and_an_example_that_imports(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        template = tmp_path / "模板.xlsx"
        assert run(capsys, "template", "-o", str(template))[0] == 0
        sheet = load_workbook(template).active
        assert sheet is not None
        header = [cell.value for cell in sheet[1]]
        assert header[:4] == ["术语", "拼音", "繁体", "英文"] and "释义" in header
        assert sheet["A2"].value == "碳达峰"
        assert run(capsys, "import", str(template))[0] == 0
        assert load_glossary(tmp_path / "模板.toml").terms[0].term == "碳达峰"
        assert run(capsys, "template", "-o", str(template))[0] == 2  # exists: not overwritten

    def test_english_template(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        template = tmp_path / "t.csv"
        assert run(capsys, "--lang", "en", "template", "-o", str(template))[0] == 0
        assert template.read_text(encoding="utf-8-sig").startswith("term,pinyin,traditional,")

    @pytest.mark.parametrize("name", ["terms.csv", "terms.xlsx"])
    def test_a_spreadsheet_given_as_glossary_says_import_it_first(
        self, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        sheet = tmp_path / name
        run(
            capsys,
            "--glossary",
            str(SHIPPED),
            "export",
            "--format",
            name.split(".")[1],
            "-o",
            str(sheet),
        )
        code, out, _ = run(capsys, "check", str(sheet))
        assert code == 2
        assert f"carbon-glossary import {sheet}" in out
        code, _, err = run(capsys, "--glossary", str(sheet), "list")
        assert code == 2 and "请先导入" in err
