"""The trainer's day, through the command line and a real progress store (SQLite and
PostgreSQL): print the copies and the key, mark a sheet of five, two more sit on screen,
accept a second answer, and the report (text, JSON, CSV, XLSX) shows all seven; stores from
two PCs merged by attempt."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from carbon_glossary.cli import main
from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.paper import build_paper, load_paper
from carbon_glossary.core.quiz import Question, option_label
from carbon_glossary.session.decks import ExamPlan, exam_id_for
from carbon_glossary.session.exam import ExamSitting
from carbon_glossary.session.marking import sheet_header, sheet_number_row
from carbon_glossary.session.progress import Progress
from carbon_glossary.session.writer import AnswerWriter
from carbon_glossary.store import Attempt, open_store

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "glossary.toml"
EXAMPLE = ROOT / "papers" / "example.toml"
GLOSSARY = load_glossary(SHIPPED)
PAPER = build_paper(GLOSSARY, load_paper(EXAMPLE, GLOSSARY))
EXAM_ID = exam_id_for(PAPER)


@pytest.fixture
def db(where: str | Path) -> str:
    """The room's store, not created yet: a SQLite file (in a folder that exists, as a
    person's ``--db`` must name), then a database on a PostgreSQL server (the tests run on
    both)."""
    if isinstance(where, Path):
        where.parent.mkdir(parents=True, exist_ok=True)
    return str(where)


def room_attempts(db: str) -> list[Attempt]:
    with open_store(db) as store:
        return store.attempts(EXAM_ID)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--glossary", str(SHIPPED), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def sheet_cell(question: Question, right: bool) -> str:
    if question.kind == "truefalse":
        return "对" if (question.answer_index == 0) == right else "错"
    if question.kind in ("pinyin", "match"):
        if right:
            return question.answer
        if question.kind == "pinyin":
            return "a1"
        size = len(question.options)
        return " ".join(
            f"{i + 1}{option_label((p + 1) % size)}" for i, p in enumerate(question.pairs)
        )
    assert question.answer_index is not None
    index = question.answer_index if right else (question.answer_index + 1) % len(question.options)
    return option_label(index)


# Five people on paper: question numbers each got wrong (everything else right).
SHEET_PEOPLE = [
    ("张三", "发改局", set()),
    ("李四", "发改局", {1, 2, 3}),
    ("王五", "住建局", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}),
    ("Alice Wang", "生态环境分局", {1, 4}),
    ("赵六", "住建局", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}),
]


def write_sheet(path: Path, people: list[tuple[str, str, set[int]]] = SHEET_PEOPLE) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(sheet_number_row(PAPER))
        writer.writerow(sheet_header(PAPER))
        for name, department, wrong in people:
            cells = [sheet_cell(q, n not in wrong) for n, q in enumerate(PAPER.questions, 1)]
            writer.writerow([name, department, *cells])


class StepClock:
    """A clock the test sets: the sitting starts at ``at`` and is handed in when moved on."""

    def __init__(self, at: datetime) -> None:
        self.at = at
        self.start = at

    def monotonic(self) -> float:
        return (self.at - self.start).total_seconds()

    def now(self) -> datetime:
        return self.at


def sit_on_screen(db: str, name: str, department: str, wrong: set[int], at: datetime) -> None:
    """A sitting on screen, driven through the session layer the exam screen drives: each
    answer written as given, the paper handed in after 25 minutes."""
    profile = name.casefold()
    progress = Progress(db, profile)
    progress.store().save_profile(profile, name, department)  # as the exam's sign-in does
    clock = StepClock(at)
    writer = AnswerWriter(progress)
    sitting = ExamSitting(GLOSSARY, ExamPlan(PAPER, EXAM_ID), profile, writer, clock)
    for number, question in enumerate(PAPER.questions, start=1):
        sitting.go(number - 1)
        right = number not in wrong
        state = sitting.state
        if question.kind == "match":
            size = len(question.options)
            for item, option in enumerate(question.pairs):
                state.select_item(question, item)
                state.pair(question, option if right else (option + 1) % size)
        elif question.kind == "pinyin":
            state.type(question, question.answer if right else "a1")
        elif question.kind == "truefalse":
            state.truth(question, (question.answer_index == 0) == right)
        else:
            assert question.answer_index is not None
            index = question.answer_index if right else question.answer_index + 1
            state.pick(question, index % len(question.options))
        sitting.answer_changed()
    clock.at = at + timedelta(minutes=25)
    sitting.hand_in().saved.result(timeout=30)
    writer.close()
    progress.close()


def test_a_trainers_day(capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str) -> None:
    code, copy, _ = run(capsys, "exam", str(EXAMPLE), "--print")
    assert code == 0 and "姓名：" in copy and "参考答案" not in copy
    code, key, _ = run(capsys, "exam", str(EXAMPLE), "--key")
    assert code == 0 and "参考答案" in key

    sheet = tmp_path / "room.csv"
    write_sheet(sheet)
    code, out, err = run(capsys, "exam", str(EXAMPLE), "--mark", str(sheet), "--db", db)
    assert code == 0, err
    assert "已录入 5 人的答卷" in out and "张三" in out

    at = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    sit_on_screen(db, "孙七", "发改局", {1}, at)
    sit_on_screen(db, "周八", "住建局", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, at)

    code, out, err = run(capsys, "report", str(EXAMPLE), "--db", db, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert "\\u" not in out
    people = {p["name"]: p for p in data["people"]}
    assert set(people) == {"张三", "李四", "王五", "Alice Wang", "赵六", "孙七", "周八"}
    assert people["张三"]["score_percent"] == 100.0 and people["张三"]["passed"]
    assert people["王五"]["score_percent"] == 50.0 and not people["王五"]["passed"]
    assert people["孙七"]["score_percent"] == 95.0 and people["孙七"]["time_taken_s"] == 25 * 60
    assert people["Alice Wang"]["department"] == "生态环境分局"
    assert all(p["handed_in"] for p in people.values())
    summary = data["summary"]
    assert summary["sittings"] == 7 and summary["passed"] == 4 and summary["noisy"]
    # Question 1 was missed by 6 of 7: its term is the most missed
    assert data["questions"][0]["facility"] == pytest.approx(1 / 7, abs=1e-4)
    assert data["questions"][0]["flagged"]
    assert data["terms"][0]["term"] == PAPER.questions[0].term
    assert data["terms"][0]["wrong"] == 6
    wrongs = [t["wrong"] for t in data["terms"]]
    assert wrongs == sorted(wrongs, reverse=True)

    # the text report, and the XLSX with its Chinese intact
    code, out, _ = run(capsys, "report", str(EXAMPLE), "--db", db)
    assert code == 0 and "Alice Wang" in out and "周八" in out and "Cronbach" in out
    # --screen without a terminal prints the same text instead of starting the app
    assert run(capsys, "report", str(EXAMPLE), "--db", db, "--screen") == (0, out, "")
    book = tmp_path / "room.xlsx"
    assert run(capsys, "report", str(EXAMPLE), "--db", db, "--xlsx", str(book))[0] == 0
    workbook = load_workbook(book)
    assert workbook.sheetnames == ["概况", "人员", "各题", "各术语"]
    overview = dict(workbook["概况"].iter_rows(min_row=2, values_only=True))
    assert overview["参加人数"] == 7 and overview["及格人数"] == 4
    assert "少于 10 人" in overview["提示"]
    names = [row[0] for row in workbook["人员"].iter_rows(min_row=2, values_only=True)]
    assert set(names) == set(people)
    first_term = next(workbook["各术语"].iter_rows(min_row=2, values_only=True))
    assert first_term[0] == PAPER.questions[0].term and first_term[1] == 6

    # CSV: four files with a BOM; an existing file is not overwritten without --force
    target = tmp_path / "room-report.csv"
    assert run(capsys, "report", str(EXAMPLE), "--db", db, "--csv", str(target))[0] == 0
    for name in (
        "room-report.csv",
        "room-report-summary.csv",
        "room-report-questions.csv",
        "room-report-terms.csv",
    ):
        assert (tmp_path / name).read_bytes().startswith(b"\xef\xbb\xbf")
    code, _, err = run(capsys, "report", str(EXAMPLE), "--db", db, "--csv", str(target))
    assert code == 2 and "已经存在" in err
    argv = ("report", str(EXAMPLE), "--db", db, "--csv", str(target), "--force")
    assert run(capsys, *argv)[0] == 0


def test_marking_the_same_sheet_twice_counts_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str
) -> None:
    sheet = tmp_path / "room.csv"
    write_sheet(sheet)
    assert run(capsys, "exam", str(EXAMPLE), "--mark", str(sheet), "--db", db)[0] == 0
    code, out, _ = run(capsys, "exam", str(EXAMPLE), "--mark", str(sheet), "--db", db)
    assert code == 0 and "5 份此前已经录入过" in out
    with open_store(db) as store:
        attempts = store.attempts(EXAM_ID)
    assert len(attempts) == 5
    assert {a.source for a in attempts} == {"sheet"}
    assert all(a.handed_in_at is not None for a in attempts)


def test_a_bad_sheet_records_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str
) -> None:
    sheet = tmp_path / "room.csv"
    write_sheet(sheet)
    text = sheet.read_text(encoding="utf-8-sig").splitlines()
    cells = text[3].split(",")
    cells[2] = "E"  # question 1 has options A-D; row 4 of the sheet, column 3
    text[3] = ",".join(cells)
    text[5] = "," + text[5].split(",", 1)[1]  # row 6: answers but no name
    sheet.write_text("\n".join(text) + "\n", encoding="utf-8-sig")
    code, out, err = run(capsys, "exam", str(EXAMPLE), "--mark", str(sheet), "--db", db)
    assert code == 2 and out == ""
    assert f"{sheet}:4:3: " in err and f"{sheet}:6:1: " in err
    assert "一条成绩也没有录入" in err
    if "://" not in db:
        assert not Path(db).exists()  # the store is not even opened
    assert room_attempts(db) == []


def test_two_stores_merged_by_attempt(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str
) -> None:
    # the room's store (a server or a PC's file) and a second PC's file
    first, second = db, str(tmp_path / "pc2.db")
    sheet = tmp_path / "a.csv"
    write_sheet(sheet, SHEET_PEOPLE[:3])
    for store in (first, second):  # the same sheet recorded on both, as a copied file holds
        assert run(capsys, "exam", str(EXAMPLE), "--mark", str(sheet), "--db", store)[0] == 0
    other = tmp_path / "b.csv"
    write_sheet(other, SHEET_PEOPLE[3:])
    assert run(capsys, "exam", str(EXAMPLE), "--mark", str(other), "--db", second)[0] == 0
    sit_on_screen(first, "孙七", "发改局", set(), datetime(2026, 11, 30, 9, tzinfo=UTC))
    argv = ("report", str(EXAMPLE), "--db", first, "--db", second, "--json")
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    data = json.loads(out)
    assert data["summary"]["sittings"] == 6 and data["summary"]["attempts"] == 6
    assert sorted(p["attempts"] for p in data["people"]) == [1] * 6


def test_accepting_an_answer_regrades_the_room(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str
) -> None:
    sheet = tmp_path / "room.csv"
    write_sheet(sheet)
    assert run(capsys, "exam", str(EXAMPLE), "--mark", str(sheet), "--db", db)[0] == 0
    before = json.loads(run(capsys, "report", str(EXAMPLE), "--db", db, "--json")[1])
    question = PAPER.questions[0]
    assert question.answer_index is not None
    also = option_label((question.answer_index + 1) % len(question.options))  # what they chose
    code, out, _ = run(capsys, "exam", str(EXAMPLE), "--accept", f"1={also}", "--db", db)
    assert code == 0 and "第 1 题另外接受答案" in out
    after = json.loads(run(capsys, "report", str(EXAMPLE), "--db", db, "--json")[1])
    assert before["questions"][0]["facility"] == pytest.approx(0.2)
    assert after["questions"][0]["facility"] == 1.0
    people = {p["name"]: p["score_percent"] for p in after["people"]}
    assert people["李四"] == 90.0  # was 85: question 1 now right, 2 and 3 still wrong
    assert after["exam"]["accepted"] == {"1": [question.options[(question.answer_index + 1) % 4]]}
    # stats shows the regraded result too; the answer as given is unchanged
    code, out, _ = run(capsys, "stats", "--profile", "李四", "--db", db, "--json")
    (exam,) = json.loads(out)["exams"]
    assert code == 0 and exam["score"] == 18 and exam["passed"]
    with open_store(db) as store:
        (attempt,) = store.attempts(EXAM_ID, profile="李四")
        first = store.attempt_answers(attempt.attempt_id)[0]
    assert first.given == question.options[(question.answer_index + 1) % 4]
    assert not first.correct  # history is not edited: as graded when it was recorded


def test_bad_accepts_are_refused(capsys: pytest.CaptureFixture[str], db: str) -> None:
    for value, words in [
        ("99=A", "没有第 99 题"),
        ("1=Z", "不可能是第 1 题"),
        ("碳达峰", "题号=答案"),
    ]:
        code, out, err = run(capsys, "exam", str(EXAMPLE), "--accept", value, "--db", db)
        assert code == 2 and out == "" and words in err
    assert room_attempts(db) == []


def test_a_paper_nobody_sat(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "report", str(EXAMPLE), "--db", db)
    assert code == 0 and "还没有人参加过" in out


def test_names_that_look_like_formulas_stay_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db, sheet = str(tmp_path / "room.db"), tmp_path / "room.csv"
    write_sheet(sheet, [('=HYPERLINK("http://x")', "@部门", set())])
    assert run(capsys, "exam", str(EXAMPLE), "--mark", str(sheet), "--db", db)[0] == 0
    book = tmp_path / "r.xlsx"
    assert run(capsys, "report", str(EXAMPLE), "--db", db, "--xlsx", str(book))[0] == 0
    cell = load_workbook(book)["人员"]["A2"]
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s"
    assert cell.quotePrefix  # and stays text when someone edits the cell in Excel
    target = tmp_path / "r.csv"
    assert run(capsys, "report", str(EXAMPLE), "--db", db, "--csv", str(target))[0] == 0
    with target.open(encoding="utf-8-sig", newline="") as handle:
        row = list(csv.reader(handle))[1]
    assert row[:2] == ['\'=HYPERLINK("http://x")', "'@部门"]


def paper_with_seed(tmp_path: Path, seed: int) -> Path:
    """A copy of the example paper with another seed: the same title and kinds of question,
    other questions (the finding's repro: ``seed = 2025``)."""
    other = tmp_path / f"seed{seed}.toml"
    text = EXAMPLE.read_text(encoding="utf-8")
    assert "seed = 2024" in text
    other.write_text(text.replace("seed = 2024", f"seed = {seed}"), encoding="utf-8")
    return other


def other_paper_id(paper: Path) -> str:
    glossary = load_glossary(SHIPPED)
    return exam_id_for(build_paper(glossary, load_paper(paper, glossary)))


def fill_csv_template(path: Path) -> None:
    """Add the five people under a template ``--sheet-template`` wrote, as Excel would."""
    with path.open("a", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        for name, department, wrong in SHEET_PEOPLE:
            cells = [sheet_cell(q, n not in wrong) for n, q in enumerate(PAPER.questions, 1)]
            writer.writerow([name, department, *cells])


def fill_xlsx_template(path: Path) -> None:
    book = load_workbook(path)
    for name, department, wrong in SHEET_PEOPLE:
        cells = [sheet_cell(q, n not in wrong) for n, q in enumerate(PAPER.questions, 1)]
        book.active.append([name, department, *cells])
    book.save(path)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_sheet_for_another_paper_is_refused_and_nothing_is_recorded(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db: str, suffix: str
) -> None:
    sheet = tmp_path / f"答题卡{suffix}"
    assert run(capsys, "exam", str(EXAMPLE), "--sheet-template", str(sheet))[0] == 0
    (fill_csv_template if suffix == ".csv" else fill_xlsx_template)(sheet)
    other = paper_with_seed(tmp_path, 2025)
    other_id = other_paper_id(other)
    assert other_id != EXAM_ID
    code, out, err = run(capsys, "exam", str(other), "--mark", str(sheet), "--db", db)
    assert code == 2 and out == ""
    assert f"{sheet}:1:1: 错误: 答题卡是试卷 {EXAM_ID} 的，不是这份试卷 {other_id} 的" in err
    assert "一条成绩也没有录入" in err
    if "://" not in db:
        assert not Path(db).exists()  # the store is not even opened
    assert room_attempts(db) == []
    with open_store(db) as store:
        assert store.attempts(other_id) == []
    # in English too
    code, _, err = run(capsys, "--lang", "en", "exam", str(other), "--mark", str(sheet))
    assert code == 2
    assert f"{sheet}:1:1: error: this answer sheet is for paper {EXAM_ID}, not" in err
    # the paper it was made for takes it: the id is the one printed on the copy and the key
    code, out, _ = run(capsys, "exam", str(EXAMPLE), "--mark", str(sheet), "--db", db)
    assert code == 0 and "已录入 5 人的答卷" in out
    assert len(room_attempts(db)) == 5
    assert f"试卷编号：{EXAM_ID}" in run(capsys, "exam", str(EXAMPLE), "--print")[1]
    assert f"试卷编号：{EXAM_ID}" in run(capsys, "exam", str(EXAMPLE), "--key")[1]


def test_a_sheet_without_the_paper_id_needs_it_written_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A sheet made from a template of before the id was on it (header on row 1) is refused
    with the id to write on it; once the trainer has written it, it is marked."""
    db, sheet = tmp_path / "room.db", tmp_path / "old.csv"
    write_sheet(sheet)
    lines = sheet.read_text(encoding="utf-8-sig").splitlines()
    sheet.write_text("\n".join(lines[1:]) + "\n", encoding="utf-8-sig")  # the old template
    code, out, err = run(capsys, "exam", str(EXAMPLE), "--mark", str(sheet), "--db", str(db))
    assert code == 2 and out == "" and not db.exists()
    assert f"{sheet}:1:1: 错误: 答题卡上没有试卷编号" in err
    assert f"第一格写“试卷编号：{EXAM_ID}”" in err
    # written as two cells, the way one types it in Excel
    sheet.write_text("\n".join([f"试卷编号,{EXAM_ID}", *lines[1:]]) + "\n", encoding="gb18030")
    code, out, _ = run(capsys, "exam", str(EXAMPLE), "--mark", str(sheet), "--db", str(db))
    assert code == 0 and "已录入 5 人的答卷" in out


def test_an_older_xlsx_template_is_checked_by_the_id_it_kept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """XLSX templates kept the paper's id in the workbook's properties before they showed it
    on row 1: such a sheet is checked by that id."""
    db, sheet = tmp_path / "room.db", tmp_path / "old.xlsx"
    assert run(capsys, "exam", str(EXAMPLE), "--sheet-template", str(sheet))[0] == 0
    fill_xlsx_template(sheet)
    book = load_workbook(sheet)
    book.active.delete_rows(1)  # as the template was: the header on row 1
    book.save(sheet)
    other = paper_with_seed(tmp_path, 2025)
    code, _, err = run(capsys, "exam", str(other), "--mark", str(sheet), "--db", str(db))
    assert code == 2 and f"{sheet}:1:1: 错误: 答题卡是试卷 {EXAM_ID} 的" in err
    assert not db.exists()
    code, out, _ = run(capsys, "exam", str(EXAMPLE), "--mark", str(sheet), "--db", str(db))
    assert code == 0 and "已录入 5 人的答卷" in out
