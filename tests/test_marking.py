"""Paper sittings: the student copy and key, the answer sheet template, and marking sheets
(every kind of bad cell refused at its row and column, graded exactly as on screen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from carbon_glossary import i18n
from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.paper import Paper, build_paper, load_paper, score_paper
from carbon_glossary.core.problems import FileProblemError
from carbon_glossary.core.quiz import Question, check_answer, option_label
from carbon_glossary.session.marking import (
    answer_key_text,
    grade_answer,
    mark_sheet,
    normalise_accepted,
    paper_number,
    parse_cell,
    profile_id,
    read_table,
    sheet_header,
    sheet_number_row,
    sheet_paper_id,
    sheet_row_attempt_id,
    student_copy_text,
    write_sheet_template,
)

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = load_glossary(ROOT / "glossary.toml")
PAPER = build_paper(GLOSSARY, load_paper(ROOT / "papers" / "example.toml", GLOSSARY))


def number_of(kind: str, paper: Paper = PAPER) -> int:
    """The number (from 1) of the first question of ``kind`` on the example paper."""
    return next(n for n, q in enumerate(paper.questions, start=1) if q.kind == kind)


def right_cell(question: Question) -> str:
    """The right answer as a person writes it on the sheet."""
    if question.kind == "truefalse":
        return "对" if question.answer_index == 0 else "错"
    if question.kind in ("pinyin", "match"):
        return question.answer
    if question.kind == "cloze":
        return question.term  # typed in the blank
    assert question.answer_index is not None
    return option_label(question.answer_index)


def wrong_cell(question: Question) -> str:
    if question.kind == "truefalse":
        return "错" if question.answer_index == 0 else "对"
    if question.kind == "pinyin":
        return "a1"
    if question.kind == "match":  # every item paired with the next item's definition
        size = len(question.options)
        return " ".join(
            f"{i + 1}{option_label((p + 1) % size)}" for i, p in enumerate(question.pairs)
        )
    assert question.answer_index is not None
    return option_label((question.answer_index + 1) % len(question.options))


def test_student_copy_has_blanks_and_no_answers() -> None:
    text = student_copy_text(PAPER)
    assert "姓名：" in text and "部门：" in text and "日期：" in text
    assert "参考答案" not in text
    assert text.splitlines()[0] == PAPER.title
    # no answer key line: the match question's pairing is nowhere in the copy
    assert PAPER.questions[number_of("match") - 1].answer not in text


def test_key_alone() -> None:
    lines = answer_key_text(PAPER).splitlines()
    assert lines[0] == PAPER.title
    numbered = [line for line in lines if line[:1].isdigit()]
    assert len(numbered) == len(PAPER.questions)
    tf = number_of("truefalse")
    assert (
        numbered[tf - 1]
        == f"{tf}. {PAPER.questions[tf - 1].options[PAPER.questions[tf - 1].answer_index or 0]}"
    )
    first = PAPER.questions[0]
    assert numbered[0].startswith(f"1. {option_label(first.answer_index or 0)}")


def test_template_csv_has_a_bom_the_paper_id_and_the_header(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    write_sheet_template(PAPER, path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert read_table(path) == [[f"试卷编号：{paper_number(PAPER)}"], sheet_header(PAPER)]
    assert sheet_header(PAPER)[:3] == ["姓名", "部门", "1"]
    assert len(sheet_header(PAPER)) == len(PAPER.questions) + 2
    with pytest.raises(FileExistsError):  # a filled sheet is never written over
        write_sheet_template(PAPER, path)


def test_template_xlsx_opens_in_openpyxl(tmp_path: Path) -> None:
    path = tmp_path / "sheet.xlsx"
    write_sheet_template(PAPER, path)
    book = load_workbook(path)
    sheet = book.worksheets[0]
    assert sheet["A1"].value == f"试卷编号：{paper_number(PAPER)}"
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[1]) == sheet_header(PAPER)
    assert sheet.freeze_panes == "C3"  # names and the header stay in view
    assert sheet_paper_id(path) == paper_number(PAPER)


def test_the_sheet_carries_the_id_printed_on_the_paper() -> None:
    (line,) = sheet_number_row(PAPER)
    assert line in student_copy_text(PAPER).splitlines()
    assert line in answer_key_text(PAPER).splitlines()


def room_rows() -> list[list[str]]:
    """A filled sheet: row 1 the paper id, row 2 the header, rows 3–5 three people, row 6
    empty."""
    header = sheet_header(PAPER)
    everything_right = ["张三", "发改局", *(right_cell(q) for q in PAPER.questions)]
    everything_wrong = ["李四", "住建局", *(wrong_cell(q) for q in PAPER.questions)]
    blank = ["王五", "", *([""] * len(PAPER.questions))]
    return [
        sheet_number_row(PAPER),
        header,
        everything_right,
        everything_wrong,
        blank,
        [""] * len(header),
    ]


def test_a_good_sheet_is_graded_as_on_screen() -> None:
    rows = mark_sheet(PAPER, room_rows(), "room.csv")
    assert [(r.row, r.name, r.department) for r in rows] == [
        (3, "张三", "发改局"),
        (4, "李四", "住建局"),
        (5, "王五", ""),
    ]
    right, wrong, blank = (score_paper(PAPER, list(r.answers)) for r in rows)
    assert right.percent == 100.0 and right.passed
    assert wrong.points == 0 and not wrong.passed
    assert blank.points == 0 and all(v.unanswered for v in blank.verdicts)
    # the cell read is what the screen would have been given: same verdicts
    for question, answer in zip(PAPER.questions, rows[0].answers, strict=True):
        assert check_answer(question, answer).correct


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_sheets_in_every_encoding_read_the_same(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "room.csv"
    text = "\r\n".join(",".join(row) for row in room_rows()) + "\r\n"
    path.write_bytes(text.encode(encoding))
    assert read_table(path)[:5] == room_rows()[:5]


def test_an_xlsx_sheet_reads_like_the_csv(tmp_path: Path) -> None:
    path = tmp_path / "room.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    rows = room_rows()
    sheet.append(rows[0])
    sheet.append([int(c) if c.isdigit() else c for c in rows[1]])  # Excel keeps 1, 2 as numbers
    for row in rows[2:5]:
        sheet.append([c or None for c in row])
    book.save(path)
    marked = mark_sheet(PAPER, read_table(path), str(path))
    assert [r.answers for r in marked] == [r.answers for r in mark_sheet(PAPER, rows, "x")]


def refusals(rows: list[list[str]]) -> list[tuple[int, int, str]]:
    with pytest.raises(FileProblemError) as caught:
        mark_sheet(PAPER, rows, "room.csv")
    return [(p.line, p.column, p.key) for p in caught.value.problems]


def column_of(kind: str) -> int:
    """The sheet column (from 1) of the first question of ``kind``."""
    return number_of(kind) + 2


@pytest.mark.parametrize(
    ("kind", "cell", "key"),
    [
        ("term-def", "E", "training.cell.no_such_option"),
        ("term-def", "碳中和", "training.cell.choice"),
        ("def-term", "AB", "training.cell.choice"),
        ("en-term", "Z", "training.cell.no_such_option"),
        ("cloze", "F", "training.cell.no_such_option"),
        ("truefalse", "也许", "training.cell.truefalse"),
        ("truefalse", "A", "training.cell.truefalse"),
        ("match", "1F 2B", "training.cell.match"),
        ("match", "6A", "training.cell.match"),
        ("match", "1A 1B", "training.cell.match"),
        ("match", "ABCDEA", "training.cell.match"),
        ("match", "1E 2B 碳", "training.cell.match"),
    ],
)
def test_each_kind_of_bad_answer_is_refused_at_its_cell(kind: str, cell: str, key: str) -> None:
    rows = room_rows()
    rows[3][column_of(kind) - 1] = cell
    assert refusals(rows) == [(4, column_of(kind), key)]


def test_every_bad_cell_is_reported_at_once() -> None:
    rows = room_rows()
    rows[2][0] = ""  # answers and no name
    rows[4][column_of("truefalse") - 1] = "?"
    rows.append(["李四", "住建局", *([""] * len(PAPER.questions))])  # row 7: same person as row 4
    rows.append(["赵六", "", *([""] * len(PAPER.questions)), "多出来的"])  # row 8
    assert refusals(rows) == [
        (3, 1, "training.cell.no_name"),
        (5, column_of("truefalse"), "training.cell.truefalse"),
        (7, 1, "training.cell.repeated_person"),
        (8, len(PAPER.questions) + 3, "training.cell.no_column"),
    ]


def test_bad_headers() -> None:
    header = sheet_header(PAPER)
    number = sheet_number_row(PAPER)
    assert refusals([number, ["名字", "单位", *header[2:]]]) == [
        (2, 1, "training.header.name"),
        (2, 2, "training.header.department"),
    ]
    short = header[:-1]
    assert refusals([number, short]) == [(2, len(short) + 1, "training.header.missing")]
    assert refusals([number, [*header[:3], "1", *header[4:]]]) == [
        (2, 4, "training.header.repeated"),
        (2, len(header) + 1, "training.header.missing"),
    ]
    assert refusals([number, [*header, "99"]]) == [(2, len(header) + 1, "training.header.question")]
    assert refusals([]) == [(1, 1, "sheets.empty")]
    assert refusals([number, [""]]) == [(2, 1, "sheets.no_header")]


def test_a_sheet_for_another_paper_is_refused_before_any_cell() -> None:
    rows = room_rows()
    rows[0] = ["试卷编号：e41f00000000beef"]
    rows[3][0] = ""  # a bad row too: not reported, the whole sheet is for other questions
    with pytest.raises(FileProblemError) as caught:
        mark_sheet(PAPER, rows, "room.csv")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column, problem.key) == (1, 1, "sheets.number.other")
    i18n.set_language("zh")
    expected = f"答题卡是试卷 e41f00000000beef 的，不是这份试卷 {paper_number(PAPER)} 的"
    assert problem.message.startswith(expected)
    # label and id in two cells: the problem is at the id's cell
    rows[0] = ["试卷编号", "", "e41f00000000beef"]
    assert refusals(rows) == [(1, 3, "sheets.number.other")]


def test_the_paper_id_may_be_written_in_several_ways() -> None:
    ident = paper_number(PAPER)
    for first in (
        [f"试卷编号：{ident}"],
        [f"试卷编号:{ident}"],
        [f" 试卷编号 ： {ident.upper()} "],
        ["试卷编号", ident],
        [f"Paper id: {ident}"],
        [f"paper ID {ident}"],
    ):
        rows = room_rows()
        rows[0] = first
        assert len(mark_sheet(PAPER, rows, "x.csv")) == 3, first


def test_a_sheet_without_the_paper_id_is_refused() -> None:
    rows = room_rows()
    without = rows[1:]  # the header on row 1, as templates were written before
    assert refusals(without) == [(1, 1, "sheets.number.missing")]
    assert refusals([["试卷编号："], *rows[1:]]) == [(1, 1, "sheets.number.missing")]
    assert refusals([["试卷编号", ""], *rows[1:]]) == [(1, 1, "sheets.number.missing")]
    i18n.set_language("zh")
    with pytest.raises(FileProblemError) as caught:
        mark_sheet(PAPER, without, "old.csv")
    assert f"第一格写“试卷编号：{paper_number(PAPER)}”" in caught.value.problems[0].message


def test_an_xlsx_templates_kept_id_stands_in_for_a_missing_row() -> None:
    """``made_for``: the id an XLSX template keeps in its properties. It checks a sheet
    without the row; the row, which the trainer sees, wins over it."""
    rows = room_rows()
    assert len(mark_sheet(PAPER, rows[1:], "x.xlsx", made_for=paper_number(PAPER))) == 3
    with pytest.raises(FileProblemError) as caught:
        mark_sheet(PAPER, rows[1:], "x.xlsx", made_for="e41f00000000beef")
    assert [p.key for p in caught.value.problems] == ["sheets.number.other"]
    assert len(mark_sheet(PAPER, rows, "x.xlsx", made_for="e41f00000000beef")) == 3


def test_headers_may_be_numbers_in_any_order_and_english() -> None:
    count = len(PAPER.questions)
    header = ["Name", "Department", *(f"第{n}题" for n in range(count, 0, -1))]
    row = ["Alice", "DRB", *(right_cell(q) for q in reversed(PAPER.questions))]
    number = [f"Paper id: {paper_number(PAPER)}"]
    (marked,) = mark_sheet(PAPER, [number, header, row], "x.csv")
    assert score_paper(PAPER, list(marked.answers)).percent == 100.0


def test_problem_messages_name_the_question(tmp_path: Path) -> None:
    rows = room_rows()
    rows[3][column_of("term-def") - 1] = "E"
    path = tmp_path / "room.csv"
    with pytest.raises(FileProblemError) as caught:
        mark_sheet(PAPER, rows, str(path))
    i18n.set_language("zh")
    text = caught.value.problems[0].format()
    assert text.startswith(f"{path}:4:{column_of('term-def')}: ")
    assert "第 1 题没有选项“E”" in text


def test_unreadable_sheets(tmp_path: Path) -> None:
    old = tmp_path / "room.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    huge = tmp_path / "huge.csv"
    huge.write_text('姓名,部门,1\n张三,x,"' + "A" * 200_000 + '"\n', encoding="utf-8")
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a workbook")
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\xff\xfe\x00\x00abc")
    for path, key, line in [
        (tmp_path / "missing.csv", "training.sheet.missing_file", 0),
        (tmp_path, "training.sheet.is_directory", 0),
        (old, "interop.save_as_xlsx", 0),
        (huge, "interop.csv_syntax", 2),
        (fake, "interop.xlsx_unreadable", 0),
        (binary, "interop.csv_encoding", 1),
    ]:
        with pytest.raises(FileProblemError) as caught:
            read_table(path)
        (problem,) = caught.value.problems
        assert (problem.key, problem.line) == (key, line)


def test_cells_are_read_like_the_screen_reads_them() -> None:
    tf = PAPER.questions[number_of("truefalse") - 1]
    for cell, index in [("对", 0), ("Y", 0), ("t", 0), ("√", 0), ("错", 1), ("N", 1), ("F", 1)]:
        assert parse_cell(tf, cell) == (index, None)
    choice = PAPER.questions[0]
    assert parse_cell(choice, " ｂ ") == (1, None)  # full-width letters too
    assert parse_cell(choice, "") == (None, None)
    match = PAPER.questions[number_of("match") - 1]
    assert parse_cell(match, "EBACD") == ("1E 2B 3A 4C 5D", None)
    assert parse_cell(match, "1e,2b") == ("1E 2B", None)


def test_profile_ids_and_stable_attempt_ids() -> None:
    assert profile_id("  Alice  Wang ") == profile_id("alice wang")
    assert profile_id("张三") == "张三"
    (row,) = mark_sheet(PAPER, room_rows()[:3], "x")
    (again,) = mark_sheet(PAPER, room_rows()[:3], "y")
    assert sheet_row_attempt_id("exam1", row) == sheet_row_attempt_id("exam1", again)
    assert sheet_row_attempt_id("exam1", row) != sheet_row_attempt_id("exam2", row)


def test_accepted_answers_regrade() -> None:
    number = number_of("def-term")
    question = PAPER.questions[number - 1]
    assert question.answer_index is not None
    other = (question.answer_index + 1) % 4
    given = question.options[other]
    assert not grade_answer(question, given).correct
    assert normalise_accepted(question, option_label(other)) == given  # a letter names its option
    assert grade_answer(question, given, accepted=[given]).correct
    assert not grade_answer(question, question.options[(other + 1) % 4], accepted=[given]).correct
    assert normalise_accepted(question, "E") is None
    # the right answer stays right, an unanswered question stays wrong
    assert grade_answer(question, question.answer, accepted=[given]).correct
    assert not grade_answer(question, None, accepted=[given]).correct


def test_accepted_reading_for_a_pinyin_question() -> None:
    from carbon_glossary.core.pinyin import format_marks, format_numbers, parse_syllables

    question = PAPER.questions[number_of("pinyin") - 1]
    syllables = list(parse_syllables(question.answer))  # whichever term the paper drew
    numbers = format_numbers(syllables)
    assert normalise_accepted(question, numbers) == numbers
    toneless = " ".join(syllable.rstrip("12345") for syllable in syllables)
    assert normalise_accepted(question, toneless) is None  # tones are needed
    assert normalise_accepted(question, "???") is None
    last = syllables[-1]
    other = last[:-1] + ("1" if last[-1] != "1" else "2")  # one tone changed
    accepted = format_numbers([*syllables[:-1], other])
    given = format_marks([*syllables[:-1], other])
    assert not grade_answer(question, given).correct
    assert grade_answer(question, given, accepted=[accepted]).correct


def test_accepted_pairing_for_a_match_question() -> None:
    question = PAPER.questions[number_of("match") - 1]
    assert normalise_accepted(question, "ebacd") == "1E 2B 3A 4C 5D"
    swapped = "1B 2E 3A 4C 5D"
    verdict = grade_answer(question, swapped, accepted=[swapped])
    assert verdict.correct and verdict.score == 1.0 and all(verdict.pairs_correct)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.lists(st.one_of(st.text(max_size=8), st.sampled_from(["A", "对", "1E 2B", "E", ""]))),
        max_size=5,
    )
)
def test_any_sheet_is_marked_or_refused_cell_by_cell(body: list[list[str]]) -> None:
    rows = [sheet_number_row(PAPER), sheet_header(PAPER), *body]
    try:
        marked = mark_sheet(PAPER, rows, "room.csv")
    except FileProblemError as error:
        assert error.problems
        for problem in error.problems:
            assert 3 <= problem.line <= len(rows) and problem.column >= 1
            assert problem.message  # every key has a message in the catalogue
            assert not problem.message.startswith("training.")
        return
    for row in marked:  # whatever is accepted grades without error
        score_paper(PAPER, list(row.answers))
