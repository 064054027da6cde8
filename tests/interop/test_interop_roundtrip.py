"""Export → import gives the glossary back: its title, version and phrase tables (XLSX, on a
second sheet read back with openpyxl) and its readings without freezing the computed ones as
per-term overrides (QA finding 29)."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest
from openpyxl import load_workbook

from carbon_glossary.cli import main
from carbon_glossary.core.loader import check_glossary, load_glossary
from carbon_glossary.core.model import Glossary, Term
from carbon_glossary.core.readings import resolve_reading

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "glossary.toml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def plain(glossary: Glossary) -> list[Term]:
    return [dataclasses.replace(term, line=0) for term in glossary.terms]


def own_pinyin(path: Path) -> set[str]:
    """The terms a glossary file gives a ``pinyin`` of their own."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {item["term"] for item in data["term"] if "pinyin" in item}


def export(capsys: pytest.CaptureFixture[str], fmt: str, path: Path) -> None:
    code, _, err = run(
        capsys, "--glossary", str(SHIPPED), "export", "--format", fmt, "-o", str(path)
    )
    assert code == 0, err


class TestXlsx:
    def test_an_unedited_export_imports_as_the_same_glossary(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        sheet, back = tmp_path / "rt.xlsx", tmp_path / "rt.toml"
        export(capsys, "xlsx", sheet)
        code, _, err = run(capsys, "import", str(sheet), "-o", str(back))
        assert code == 0, err
        assert "没有“术语表设置”表" not in err
        original, imported = load_glossary(SHIPPED), load_glossary(back)
        assert (imported.title, imported.language, imported.version) == (
            original.title,
            original.language,
            original.version,
        )
        assert imported.title == "槐荫区碳达峰工作方案 术语表" and imported.version == "2"
        assert dict(imported.phrase_pinyin) == dict(original.phrase_pinyin)
        assert dict(imported.phrase_traditional) == dict(original.phrase_traditional)
        assert plain(imported) == plain(original)
        # Only the terms that had their own reading get one back: no computed reading frozen.
        assert own_pinyin(back) == own_pinyin(SHIPPED)
        assert not check_glossary(back)  # no warning the original does not have either
        assert not check_glossary(SHIPPED)

    def test_the_settings_sheet_is_what_openpyxl_reads(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        sheet = tmp_path / "rt.xlsx"
        export(capsys, "xlsx", sheet)
        book = load_workbook(sheet, read_only=True)
        assert book.sheetnames[1] == "术语表设置"
        rows = [row[:3] for row in book["术语表设置"].iter_rows(values_only=True)]
        book.close()
        assert rows[0] == ("表", "名称", "值")
        assert ("glossary", "version", "2") in rows
        assert ("phrase_pinyin", "调峰", "tiáo fēng") in rows
        assert ("phrase_traditional", "分布", "分布") in rows

    def test_an_edited_reading_becomes_the_terms_own_and_untouched_ones_do_not(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        sheet, back = tmp_path / "rt.xlsx", tmp_path / "rt.toml"
        export(capsys, "xlsx", sheet)
        book = load_workbook(sheet)
        terms = book.worksheets[0]
        header = [cell.value for cell in terms[1]]
        term_col, pinyin_col = header.index("术语") + 1, header.index("拼音") + 1
        edited = {}
        for row in range(2, terms.max_row + 1):
            if terms.cell(row, term_col).value == "碳达峰":
                terms.cell(row, pinyin_col).value = "tan4 da2 feng2"  # a deliberate change
            if terms.cell(row, term_col).value == "峰值":
                terms.cell(row, pinyin_col).value = "feng1 zhi2"  # the same reading, retyped
            edited[terms.cell(row, term_col).value] = terms.cell(row, pinyin_col).value
        settings = book["术语表设置"]
        for row in settings.iter_rows(min_row=2):
            if row[0].value == "glossary" and row[1].value == "version":
                row[2].value = 3  # Excel stores a typed 3 as a number
        settings.append(["phrase_pinyin", "碳达峰", "tàn dá fēng"])
        book.save(sheet)
        code, out, err = run(capsys, "import", str(sheet), "-o", str(back))
        assert code == 0, err
        assert own_pinyin(back) == own_pinyin(SHIPPED) | {"碳达峰"}
        imported = load_glossary(back)
        by_term = {term.term: term for term in imported.terms}
        assert by_term["碳达峰"].syllables == ("tan4", "da2", "feng2")
        assert by_term["峰值"].syllables == ("feng1", "zhi2")
        assert imported.version == "3"
        assert imported.phrase_pinyin["碳达峰"] == ("tan4", "da2", "feng1")
        assert "1 个术语的读音与程序算出的不同" in out  # 碳达峰; 峰值 retyped as computed
        assert "1 个术语含有多音字，表中的读音已写为该术语的 pinyin" in out  # as in the original

    def test_bad_settings_are_named_at_their_cells(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        sheet, back = tmp_path / "rt.xlsx", tmp_path / "rt.toml"
        export(capsys, "xlsx", sheet)
        book = load_workbook(sheet)
        settings = book["术语表设置"]
        settings.append(["phrase_pinyn", "调峰", "tiáo fēng"])
        bad_table = settings.max_row
        settings.append(["phrase_pinyin", "储能", "chǔ"])
        bad_reading = settings.max_row
        book.save(sheet)
        code, _, err = run(capsys, "import", str(sheet), "-o", str(back))
        assert code == 2
        where = f"{sheet}[术语表设置]"
        assert f"{where}:{bad_table}:1: 错误: “phrase_pinyn”不是术语表设置的表名" in err
        assert f"{where}:{bad_reading}:3: 错误:" in err
        assert not back.exists()

    def test_a_merge_keeps_the_glossarys_settings_and_says_where_the_sheet_differs(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        sheet, into = tmp_path / "rt.xlsx", tmp_path / "into.toml"
        export(capsys, "xlsx", sheet)
        book = load_workbook(sheet)
        settings = book["术语表设置"]
        settings.append(["phrase_pinyin", "碳达峰", "tàn dá fēng"])
        added = settings.max_row
        book.save(sheet)
        into.write_bytes(SHIPPED.read_bytes())
        code, _, err = run(capsys, "import", str(sheet), "--merge", str(into))
        assert code == 0, err
        where = f"{sheet}[术语表设置]:{added}:3"
        assert f"{where}: 警告: phrase_pinyin.碳达峰 与 {into} 中的不同" in err
        assert into.read_bytes() == SHIPPED.read_bytes()  # every term already there, the same


class TestCsv:
    def test_a_csv_round_trip_keeps_every_reading_and_says_what_it_cannot_carry(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A CSV file is one table: no title, version or phrase tables. Its readings are kept
        exactly, as a term's own pinyin only where the glossary would not compute them without
        its phrase tables (or a 多音字 needs confirming), and the import says what is missing."""
        sheet, back = tmp_path / "rt.csv", tmp_path / "rt.toml"
        export(capsys, "csv", sheet)
        code, out, err = run(capsys, "import", str(sheet), "-o", str(back))
        assert code == 0, err
        assert "注意：" in err and "没有“术语表设置”表" in err and "标题为“rt”" in err
        original, imported = load_glossary(SHIPPED), load_glossary(back)
        assert plain(imported) == plain(original)
        assert (imported.title, imported.version, dict(imported.phrase_pinyin)) == ("rt", "1", {})
        differs, confirms = set(), set()
        for term in original.terms:
            computed = resolve_reading(term.term, None, {})
            if computed.syllables != term.syllables:
                differs.add(term.term)
            elif computed.unsettled:
                confirms.add(term.term)
        needs_own = differs | confirms
        assert own_pinyin(back) == needs_own
        assert f"{len(differs)} 个术语的读音与程序算出的不同" in out
        assert f"{len(confirms)} 个术语含有多音字" in out
        assert len(needs_own) < len(original.terms) // 4  # not every reading frozen
        assert not check_glossary(back)

    def test_title_given_on_the_command_line_wins(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        sheet, back = tmp_path / "rt.xlsx", tmp_path / "rt.toml"
        export(capsys, "xlsx", sheet)
        code, _, err = run(capsys, "import", str(sheet), "-o", str(back), "--title", "新标题")
        assert code == 0, err
        assert load_glossary(back).title == "新标题"
