"""The text room report (``carbon-glossary report``): every row of each table starts each
column at the same terminal cell as its header, whatever mix of Chinese and Latin text the
row holds, and a cell too wide for its column is cut with "…", never silently."""

from __future__ import annotations

from dataclasses import replace

from carbon_glossary.core.text import cell_width, fit_cells
from carbon_glossary.session.report import build_report, report_tables, short, time_taken_text
from carbon_glossary.subcommands.output import columns
from carbon_glossary.subcommands.training import report_lines
from test_report import EXAMPLE, generated_room


def starts(header: str) -> list[int]:
    """The cell at which each column title of a header line begins (titles hold no spaces)."""
    cells: list[int] = []
    position = 0
    previous = " "
    for char in header:
        if char != " " and previous == " ":
            cells.append(position)
        position += cell_width(char)
        previous = char
    return cells


def from_cell(line: str, cell: int) -> str:
    """``line`` from terminal cell ``cell`` on; fails when that cell is the right half of a
    wide character (a column that starts mid-character is not aligned either)."""
    position = 0
    for index, char in enumerate(line):
        if position == cell:
            return line[index:]
        assert position < cell, f"cell {cell} is inside {char!r} in {line!r}"
        position += cell_width(char)
    return ""


def table(lines: list[str], title_line: int) -> tuple[str, list[str]]:
    """The header and the rows of the table whose header is ``lines[title_line]``."""
    rows = []
    for line in lines[title_line + 1 :]:
        if not line.strip():
            break
        rows.append(line)
    return lines[title_line], rows


def test_every_row_starts_every_column_at_the_same_cell() -> None:
    room = generated_room(5, size=8)
    # Names, departments and terms of every width, Chinese and Latin mixed.
    room[0] = replace(room[0], name="Alice Wang", department="济南市槐荫区发展和改革局能源科")
    room[1] = replace(room[1], name="欧阳Ｍａｒｙ·Smith-Jones", department="住建局")
    room[2] = replace(room[2], name="张三", department="")
    report = build_report(EXAMPLE, "example", room)
    lines = report_lines(report)
    tables = report_tables(report)
    # A table is a title line, then its header and rows indented by two spaces.
    headers = [
        i + 1 for i, line in enumerate(lines[:-1]) if line[:1].strip() and lines[i + 1][:2] == "  "
    ]
    expected = (("room", 8), ("questions", 7), ("terms", 3))
    assert len(headers) == len(expected)
    for where, (name, count) in zip(headers, expected, strict=True):
        header, rows = table(lines, where)
        columns_at = starts(header)
        assert len(columns_at) == count, (name, header)
        assert len(rows) == len([r for r in tables[name][1] if name != "terms" or r[1]])
        for row in rows:
            for start in columns_at[1:]:
                # Each column ends at least two cells before the next begins, and the next
                # begins exactly at its header's cell.
                assert from_cell(row, start - 2)[:2] == "  ", (name, row, start)
                assert from_cell(row, start)[:1] not in ("", " "), (name, row, start)


def test_the_long_titles_of_the_example_paper_end_in_an_ellipsis() -> None:
    report = build_report(EXAMPLE, "example", generated_room(3, size=4))
    lines = report_lines(report)
    long_terms = [q.term for q in report.questions if cell_width(q.term) > 24]
    assert long_terms  # 《2030年前碳达峰行动方案》 and the matching question's terms
    for term in long_terms:
        cut = fit_cells(term, 24)
        assert cut.endswith("…") and cell_width(cut) <= 24
        assert any(cut in line for line in lines)


def test_columns_cut_a_wide_cell_unless_told_to_overflow() -> None:
    rows = [["术语", "拼音"], ["《2030年前碳达峰行动方案》", "x"], ["碳汇", "tàn huì"]]
    cut = columns(rows, caps=(10,))
    assert [from_cell(line, 12)[:1] for line in cut] == ["拼", "x", "t"]
    assert "《2030年…" in cut[1]
    whole = columns(rows, caps=(10,), overflow=True)
    assert "《2030年前碳达峰行动方案》  x" in whole[1]


def test_short_counts_cells_not_characters() -> None:
    assert short("碳" * 30) == "碳" * 19 + "…"  # 39 cells and the ellipsis
    assert short("a" * 30) == "a" * 30
    assert cell_width(short("碳" * 30)) <= 40


def test_time_taken_reads_as_minutes_and_seconds() -> None:
    room = generated_room(5, size=3)
    room[1] = replace(room[1], source="sheet")
    room[2] = replace(room[2], handed_in_at=None)
    report = build_report(EXAMPLE, "example", room)
    people = {p.name: p for p in report.people}
    on_screen = people[room[0].name]
    assert on_screen.time_taken_s is not None
    seconds = on_screen.time_taken_s
    assert time_taken_text(on_screen) == f"{seconds // 60}:{seconds % 60:02d}"
    assert time_taken_text(people[room[1].name]) == "纸质"
    assert time_taken_text(people[room[2].name]) == ""
    assert time_taken_text(replace(on_screen, time_taken_s=3909)) == "1:05:09"
    assert time_taken_text(replace(on_screen, time_taken_s=59)) == "0:59"
    lines = report_lines(report)
    assert any(f"{seconds // 60}:{seconds % 60:02d}" in line for line in lines)
