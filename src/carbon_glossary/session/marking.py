"""Paper sittings: the student copy, the answer key, the answer sheet and its marking.

A room that sits a paper on paper hands in one answer sheet: a spreadsheet whose first row
carries the paper's id as the printed paper shows it (``试卷编号：bb8dc03dce8cb41e`` in one
cell, or the label and the id in two), then a header row that reads 姓名, 部门, then one
column per question number, and one row per person. In a cell:

- a choice question (术语→定义, 定义→术语, 英文→术语): the option's letter, A–D (or its text);
- true/false: 对/错, Y/N or T/F (also 是/否, √/×, true/false);
- pinyin: the reading as typed (tone marks or numbers);
- cloze: the term as typed, or an option's letter;
- matching: ``1E 2B 3A 4C 5D`` (item number, option letter), or the letters alone ``EBACD``.

An empty cell is an unanswered question, which counts as wrong. A sheet with any bad cell is
refused whole: :func:`mark_sheet` raises :class:`FileProblemError` with one problem per bad
cell at ``FILE:ROW:COL``, rows as the spreadsheet numbers them and columns as numbers from 1
(column C is 3); the message names the question, so a trainer finds the cell either way.

The paper id is checked before any cell: a sheet made for another paper (another seed, a
glossary changed since printing, the other of two versions of a paper file) would be marked
against the wrong questions, so it is refused. A sheet without an id (one made before the id
was on the template, or typed by hand) is refused too, with the id to write on it: putting
it there is the trainer's explicit word that the sheets come from this paper, after reading
the id printed at the end of the candidates' copies.

Each accepted row is graded by :func:`grade_answer`, which is the on-screen grading
(:func:`carbon_glossary.core.quiz.check_answer`) plus the answers a trainer accepted later.
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from carbon_glossary.core.grading import grade_pinyin, grade_text, normalise_text
from carbon_glossary.core.kinds.printing import sheet_key
from carbon_glossary.core.paper import Paper, PaperScore, render_paper_text, score_paper
from carbon_glossary.core.people import profile_id
from carbon_glossary.core.problems import FileProblemError, Problem
from carbon_glossary.core.quiz import Given, Question, Verdict, check_answer, option_label
from carbon_glossary.i18n import t

if TYPE_CHECKING:
    from carbon_glossary.core.model import Glossary
    from carbon_glossary.store import ProgressStore

__all__ = [
    "DEPARTMENT_HEADER",
    "NAME_HEADER",
    "PaperNumber",
    "RecordedRow",
    "SheetRow",
    "answer_key_text",
    "grade_answer",
    "mark_sheet",
    "normalise_accepted",
    "paper_number",
    "profile_id",
    "read_table",
    "record_sheet",
    "sheet_header",
    "sheet_number_row",
    "sheet_paper_id",
    "sheet_row_attempt_id",
    "student_copy_text",
    "write_sheet_template",
]

NAME_HEADER = "姓名"
DEPARTMENT_HEADER = "部门"
_NAME_HEADERS = frozenset({"姓名", "name"})
_DEPARTMENT_HEADERS = frozenset({"部门", "department", "dept"})
_NUMBER_HEADER = re.compile(r"^(?:第|q|no\.?|#)?\s*(\d{1,4})\s*(?:题)?$", re.IGNORECASE)
_TRUE = frozenset({"对", "是", "正确", "√", "✓", "✔", "t", "true", "y", "yes"})
_FALSE = frozenset({"错", "否", "错误", "×", "✗", "✘", "f", "false", "n", "no"})
_LETTER = re.compile(r"^([A-Za-z])[.、)）]?$")
_MATCH_PAIR = re.compile(r"(\d+)\s*[-:.、：]?\s*([A-Z])")
_XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})  # written with openpyxl
_SHEET_ID_PREFIX = "carbon-glossary paper "  # an XLSX template's identifier: whose sheet
# The paper id's label, as the printed paper shows it in either language (after NFKC, which
# makes the full-width colon plain); what follows it in the cell, or the next cell, is the id.
_NUMBER_LABEL = re.compile(r"^(?:试卷编号|paper\s*id)\s*:?\s*(.*)$", re.IGNORECASE)


# --- printed papers -----------------------------------------------------------------------


def student_copy_text(paper: Paper) -> str:
    """The paper as handed to the room: lines for 姓名／部门／日期 under the title, the
    questions, no answers."""
    body = render_paper_text(paper, answer_key=False)
    title, _, rest = body.partition("\n")
    blanks = t("training.print.blanks")
    return f"{title}\n\n{blanks}\n{rest}\n{_paper_id_line(paper)}\n"


def answer_key_text(paper: Paper) -> str:
    """The answer key alone, for the trainer: one line per question, in the sheet's
    notation (letter and text for a choice, 对/错, the reading, ``1E 2B…`` for matching)."""
    lines = [paper.title, t("training.key.heading"), ""]
    lines += [f"{n}. {sheet_key(q)}" for n, q in enumerate(paper.questions, start=1)]
    lines += ["", _paper_id_line(paper)]
    return "\n".join(lines) + "\n"


def paper_number(paper: Paper) -> str:
    """The paper's id (试卷编号): the same on every machine for the same paper, and different
    once the glossary or the spec changes the questions. Printed on the copy and the key,
    written on the answer sheet, and checked when a sheet is marked."""
    from carbon_glossary.session.decks import exam_id_for

    return exam_id_for(paper)


def _paper_id_line(paper: Paper) -> str:
    return t("training.print.paper_id", id=paper_number(paper))


def sheet_number_row(paper: Paper) -> list[str]:
    """The answer sheet's first row: the paper's id in one cell, worded as the printed paper
    words it (``试卷编号：bb8dc03dce8cb41e``). Text with a label, so that no spreadsheet
    takes the id for a number (``12345678e1234567`` would become 1.2E+1234574)."""
    return [_paper_id_line(paper)]


def sheet_header(paper: Paper) -> list[str]:
    """The answer sheet's header row: 姓名, 部门, then 1, 2, … one per question."""
    return [NAME_HEADER, DEPARTMENT_HEADER, *(str(n) for n in range(1, len(paper.questions) + 1))]


def write_sheet_template(paper: Paper, path: Path) -> None:
    """Write an empty answer sheet: the paper's id on row 1, the header on row 2. CSV in
    UTF-8 with a BOM (so Excel opens it in Chinese), or XLSX when the name ends in .xlsx.
    The caller checks that ``path`` does not exist."""
    header = sheet_header(paper)
    if path.suffix.lower() in _XLSX_SUFFIXES:
        from openpyxl import Workbook
        from openpyxl.styles import Font

        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = t("training.sheet.title")[:31]
        sheet.append(sheet_number_row(paper))
        sheet["A1"].font = Font(bold=True)
        sheet.append(header)
        for column in sheet.iter_cols(min_row=2, max_row=201, max_col=len(header)):
            for cell in column:
                cell.number_format = "@"  # text: 1E 2B… and 对/错 stay as typed
        sheet.freeze_panes = "C3"
        # Kept as well: it checks the sheets made from templates that did not show the id.
        book.properties.identifier = _SHEET_ID_PREFIX + paper_number(paper)
        book.save(path)
        return
    with path.open("x", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(sheet_number_row(paper))
        writer.writerow(header)


# --- reading a sheet ----------------------------------------------------------------------


def sheet_paper_id(path: Path) -> str | None:
    """The id of the paper an XLSX answer sheet was made for, kept in the workbook's
    properties by ``--sheet-template``, or None: a CSV file, a workbook made some other way,
    or one that cannot be opened (which :func:`read_table` reports). The id on the sheet's
    first row is the one a trainer sees; this one stands in where that row is missing."""
    if path.suffix.lower() not in _XLSX_SUFFIXES:
        return None
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True)
    except Exception:  # reported by read_table, in its words
        return None
    try:
        identifier = book.properties.identifier or ""
    finally:
        book.close()
    return (
        identifier.removeprefix(_SHEET_ID_PREFIX)
        if identifier.startswith(_SHEET_ID_PREFIX)
        else None
    )


def read_table(path: Path) -> list[list[str]]:
    """The cells of a CSV (UTF-8 with or without BOM, GB18030) or XLSX file's first sheet,
    read by :func:`carbon_glossary.interop.sheets.read_sheet`, as a grid whose index is the
    spreadsheet's row number − 1 (empty rows included), so that row numbers in messages are
    the ones the trainer sees (when the sheet starts on row 1, as a template does). A file
    that cannot be read → :class:`FileProblemError`."""
    from carbon_glossary.interop.sheets import read_sheet

    # Said here in the words of answer sheets; every other problem in interop's words.
    for missing, key in ((not path.exists(), "missing_file"), (path.is_dir(), "is_directory")):
        if missing:
            problem = Problem(str(path), 0, 0, "error", f"training.sheet.{key}")
            raise FileProblemError([problem])
    sheet = read_sheet(path)
    # The first row with something in it (the paper id, or the header of a sheet without
    # one) is shown as row 1; the rows below keep their own numbers.
    numbered = [(1, sheet.header), *sheet.rows]
    grid: list[list[str]] = []
    for number, cells in numbered:
        while len(grid) < number - 1:
            grid.append([])
        grid.append(list(cells))
    return grid


# --- marking -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One person's row of a sheet, checked: ``answers[i]`` is the answer to question i+1
    as the grading code takes it (None: left empty)."""

    row: int  # as the spreadsheet numbers it (header = 1)
    name: str
    department: str
    answers: tuple[Given, ...]

    @property
    def profile(self) -> str:
        return profile_id(self.name)


_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _clean(cell: str) -> str:
    """A cell as compared and kept: NFKC (full-width letters and digits made plain), control
    characters (an escape sequence pasted into a name) made spaces, trimmed."""
    return _CONTROLS.sub(" ", unicodedata.normalize("NFKC", cell)).strip()


def parse_cell(question: Question, cell: str) -> tuple[Given, str | None]:
    """One cell read for ``question``: (the answer for the grading code, None) or
    (None, the catalogue key of what is wrong with it). An empty cell is (None, None)."""
    text = _clean(cell)
    if not text:
        return None, None
    mode = question.mode
    if mode == "match":
        return _parse_match(question, text)
    if mode == "typed-reading":
        return text, None
    if mode == "truefalse":
        word = normalise_text(text)
        if word in _TRUE:
            return 0, None
        if word in _FALSE:
            return 1, None
        return None, "training.cell.truefalse"
    letter = _LETTER.match(text)
    if letter:
        index = ord(letter.group(1).upper()) - ord("A")
        if index < len(question.options):
            return index, None
        return None, "training.cell.no_such_option"
    for index, option in enumerate(question.options):
        if normalise_text(option) == normalise_text(text):
            return index, None
    if mode == "typed-or-choice":
        return text, None  # a term typed in the blank: right or wrong, it is an answer
    return None, "training.cell.choice"


def _parse_match(question: Question, text: str) -> tuple[Given, str | None]:
    size, options = len(question.items), len(question.options)
    upper = text.upper()
    picks: dict[int, int] = {}
    if re.search(r"\d", upper):
        rest = _MATCH_PAIR.sub("", upper)
        if re.sub(r"[\s,，;；/]", "", rest):
            return None, "training.cell.match"
        for number, letter in _MATCH_PAIR.findall(upper):
            item, option = int(number) - 1, ord(letter) - ord("A")
            if not 0 <= item < size or option >= options or item in picks:
                return None, "training.cell.match"
            picks[item] = option
    else:
        letters = re.sub(r"[\s,，;；/]", "", upper)
        if not re.fullmatch(r"[A-Z]+", letters) or len(letters) > size:
            return None, "training.cell.match"
        for item, letter in enumerate(letters):
            option = ord(letter) - ord("A")
            if option >= options:
                return None, "training.cell.match"
            picks[item] = option
    return " ".join(f"{i + 1}{option_label(p)}" for i, p in sorted(picks.items())), None


def _problem(path: str, line: int, column: int, key: str, /, **params: object) -> Problem:
    return Problem(path, line, column, "error", key, tuple(params.items()))


def _header_columns(
    header: Sequence[str], paper: Paper, path: str, line: int
) -> tuple[dict[int, int], list[Problem]]:
    """Which column holds which question (index from 0), and the problems of the header,
    which is on row ``line`` of the sheet."""
    problems: list[Problem] = []
    count = len(paper.questions)
    cells = [_clean(c) for c in header]
    while cells and not cells[-1]:
        cells.pop()
    if len(cells) < 1 or cells[0].casefold() not in _NAME_HEADERS:
        problems.append(_problem(path, line, 1, "training.header.name", expected=NAME_HEADER))
    if len(cells) < 2 or cells[1].casefold() not in _DEPARTMENT_HEADERS:
        problems.append(
            _problem(path, line, 2, "training.header.department", expected=DEPARTMENT_HEADER)
        )
    columns: dict[int, int] = {}
    for col, cell in enumerate(cells[2:], start=2):
        match = _NUMBER_HEADER.match(cell)
        number = int(match.group(1)) if match else 0
        if not 1 <= number <= count:
            problems.append(
                _problem(path, line, col + 1, "training.header.question", cell=cell, count=count)
            )
        elif number - 1 in columns.values():
            problems.append(
                _problem(path, line, col + 1, "training.header.repeated", number=number)
            )
        else:
            columns[col] = number - 1
    missing = [n + 1 for n in range(count) if n not in columns.values()]
    if missing:
        problems.append(
            _problem(
                path,
                line,
                max(len(cells), 2) + 1,
                "training.header.missing",
                numbers="、".join(map(str, missing)),
            )
        )
    return columns, problems


@dataclass(frozen=True, slots=True)
class PaperNumber:
    """The paper id a sheet carries, and the cell it is in (row and column from 1)."""

    text: str  # as written, trimmed; "" when the label has no id after it
    line: int
    column: int


def _read_number(cells: Sequence[str], line: int) -> PaperNumber | None:
    """The paper id of a sheet row that starts with the label (``试卷编号：bb8d…`` in one
    cell, or ``试卷编号`` and the id in two), or None: the row is something else."""
    cleaned = [_clean(c) for c in cells]
    label = _NUMBER_LABEL.match(cleaned[0]) if cleaned else None
    if label is None:
        return None
    if label.group(1):
        return PaperNumber(label.group(1), line, 1)
    following = next((i for i, c in enumerate(cleaned[1:], start=1) if c), None)
    if following is None:
        return PaperNumber("", line, 1)
    return PaperNumber(cleaned[following], line, following + 1)


def _check_number(
    paper: Paper, number: PaperNumber | None, made_for: str | None, path: str, line: int
) -> None:
    """Refuse (:class:`FileProblemError`) a sheet whose paper id is not ``paper``'s, or that
    carries none. ``made_for`` is the id an XLSX template keeps in its properties; it stands
    in for the row only when the row is missing (the row is what the trainer sees and edits)."""
    expected = paper_number(paper)
    if number is not None and number.text:
        if number.text.casefold() == expected:
            return
        raise FileProblemError(
            [
                _problem(
                    path,
                    number.line,
                    number.column,
                    "sheets.number.other",
                    sheet=number.text,
                    paper=expected,
                )
            ]
        )
    if number is None and made_for is not None:
        if made_for == expected:
            return
        raise FileProblemError(
            [_problem(path, line, 1, "sheets.number.other", sheet=made_for, paper=expected)]
        )
    where = (number.line, number.column) if number is not None else (line, 1)
    raise FileProblemError([_problem(path, *where, "sheets.number.missing", paper=expected)])


def mark_sheet(
    paper: Paper, rows: Sequence[Sequence[str]], path: str, *, made_for: str | None = None
) -> tuple[SheetRow, ...]:
    """Check a room's answer sheet against ``paper`` and return its rows, or raise
    :class:`FileProblemError` with every bad cell (nothing is half accepted).

    ``rows[i]`` is the sheet's row i + 1. The first row with something in it carries the
    paper id, and the next one is the header; a sheet without the id, or with another
    paper's, is refused before any cell is read (``made_for``: the id an XLSX template keeps
    in its properties, see :func:`sheet_paper_id`). Wholly empty rows are skipped (a sheet
    often ends in a few). A row must have a name; the same name and department twice in one
    sheet is refused at the second row."""
    filled = [i for i, cells in enumerate(rows) if any(_clean(c) for c in cells)]
    if not filled:
        raise FileProblemError([_problem(path, 1, 1, "sheets.empty", paper=paper_number(paper))])
    first = filled[0]
    carried = _read_number(rows[first], first + 1)
    _check_number(paper, carried, made_for, path, first + 1)
    if carried is None:
        header_index = first
    elif len(filled) > 1:
        header_index = filled[1]
    else:
        raise FileProblemError([_problem(path, first + 2, 1, "sheets.no_header")])
    columns, problems = _header_columns(rows[header_index], paper, path, header_index + 1)
    if problems:
        raise FileProblemError(problems)
    marked: list[SheetRow] = []
    seen: dict[tuple[str, str], int] = {}
    for number, cells in enumerate(rows[header_index + 1 :], start=header_index + 2):
        cleaned = [_clean(c) for c in cells]
        if not any(cleaned):
            continue
        name = cleaned[0] if cleaned else ""
        department = cleaned[1] if len(cleaned) > 1 else ""
        if not name:
            problems.append(_problem(path, number, 1, "training.cell.no_name"))
        else:
            key = (profile_id(name), department)
            if key in seen:
                problems.append(
                    _problem(path, number, 1, "training.cell.repeated_person", row=seen[key])
                )
            seen.setdefault(key, number)
        answers: list[Given] = [None] * len(paper.questions)
        for col, cell in enumerate(cells[2:], start=2):
            index = columns.get(col)
            if index is None:
                if _clean(cell):
                    problems.append(_problem(path, number, col + 1, "training.cell.no_column"))
                continue
            question = paper.questions[index]
            given, bad = parse_cell(question, cell)
            if bad is not None:
                problems.append(
                    _problem(
                        path,
                        number,
                        col + 1,
                        bad,
                        number=index + 1,
                        cell=_clean(cell),
                        last=option_label(len(question.options) - 1),
                        items=len(question.items),
                    )
                )
            answers[index] = given
        marked.append(SheetRow(number, name, department, tuple(answers)))
    if problems:
        raise FileProblemError(problems)
    return tuple(marked)


def sheet_row_attempt_id(exam_id: str, row: SheetRow) -> str:
    """A stable attempt id for one row: the same row marked twice is one attempt, so a
    sheet recorded again (or a store merged with a copy of itself) never counts twice."""
    answers = "\x1f".join("" if a is None else str(a) for a in row.answers)
    text = "\x1e".join((exam_id, row.profile, row.department, answers))
    return "sheet-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


# --- grading with accepted answers --------------------------------------------------------


def _pinyin_syllables(question: Question, text: str) -> tuple[str, ...] | None:
    """An accepted reading as numbered syllables, or None when it is not one full reading
    of the term with a tone on every syllable."""
    grade = grade_pinyin(text, question.syllables, strict=False, term_text=question.term)
    syllables = grade.given
    if len(syllables) != len(question.syllables) or not all(s[-1:].isdigit() for s in syllables):
        return None
    return syllables


def normalise_accepted(question: Question, text: str) -> str | None:
    """An answer a trainer accepts for ``question``, in a stable form, or None when it cannot
    be an answer to it (a letter that is no option, a pairing that does not parse, a reading
    that is not pinyin). A term is accepted as written (for a choice: the option's text)."""
    text = _clean(text)
    if not text:
        return None
    if question.mode == "typed-reading":
        syllables = _pinyin_syllables(question, text)
        return " ".join(syllables) if syllables is not None else None
    given, bad = parse_cell(question, text)
    if bad is not None or given is None:
        return None
    if isinstance(given, int):
        return question.options[given]
    return str(given)


def _same_choice(question: Question, verdict: Verdict, accepted: str) -> bool:
    if verdict.chosen is not None:
        return normalise_text(question.options[verdict.chosen]) == normalise_text(accepted)
    return grade_text(verdict.given, (accepted,)).correct if verdict.given else False


def grade_answer(
    question: Question, given: Given, *, strict: bool = True, accepted: Iterable[str] = ()
) -> Verdict:
    """Grade as the screen does (:func:`check_answer`), then let an answer the trainer
    accepted for this question count as right. Answers are never rewritten: a verdict is
    recomputed from the answer as given each time."""
    verdict = check_answer(question, given, strict=strict)
    if verdict.correct or verdict.unanswered:
        return verdict
    for answer in accepted:
        if question.mode == "typed-reading":
            syllables = _pinyin_syllables(question, answer)
            right = (
                syllables is not None
                and isinstance(given, str)
                and (grade_pinyin(given, syllables, strict=strict, term_text=question.term).correct)
            )
        elif question.mode == "match":
            right = verdict.pairs == check_answer(question, answer).pairs
        else:
            right = _same_choice(question, verdict, answer)
        if right:
            pairs_correct = (True,) * len(verdict.pairs) if question.mode == "match" else ()
            return replace(verdict, correct=True, score=1.0, pairs_correct=pairs_correct)
    return verdict


def accepted_by_number(rows: Iterable[tuple[int, str]]) -> Mapping[int, tuple[str, ...]]:
    """Accepted answers as (question number from 1, answer) pairs → index from 0 → answers."""
    out: dict[int, list[str]] = {}
    for number, answer in rows:
        out.setdefault(number - 1, []).append(answer)
    return {index: tuple(dict.fromkeys(answers)) for index, answers in out.items()}


# --- recording a sheet --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RecordedRow:
    """One row as recorded: its result, graded as on screen; ``again`` when the same row
    had been recorded (and handed in) before, so it was not counted twice."""

    row: SheetRow
    attempt_id: str
    result: PaperScore
    again: bool


def record_sheet(
    store: ProgressStore,
    glossary: Glossary,
    paper: Paper,
    exam_id: str,
    rows: Sequence[SheetRow],
    at: datetime,
) -> list[RecordedRow]:
    """Record each row of a checked sheet as one attempt, handed in at ``at``: the person
    (name and department), the attempt (source ``sheet``, no time limit), every answer
    written as the screen writes it, and the result. A row recorded before (same paper,
    person and answers) is recognised by its attempt id and not counted twice; one whose
    recording was interrupted is completed."""
    from carbon_glossary.session.decks import answer_records
    from carbon_glossary.store import Attempt
    from carbon_glossary.store import ExamResult as StoredResult

    handed_in = {a.attempt_id for a in store.attempts(exam_id) if a.handed_in_at is not None}
    out: list[RecordedRow] = []
    for row in rows:
        attempt_id = sheet_row_attempt_id(exam_id, row)
        result = score_paper(paper, list(row.answers))
        if attempt_id in handed_in:
            out.append(RecordedRow(row, attempt_id, result, again=True))
            continue
        store.save_profile(row.profile, row.name, row.department)
        store.start_attempt(
            Attempt(
                attempt_id=attempt_id,
                exam_id=exam_id,
                exam_title=paper.title,
                profile=row.profile,
                display_name=row.name,
                department=row.department,
                started_at=at,
                time_limit_s=None,
                handed_in_at=None,
                source="sheet",
            )
        )
        for index, (question, given) in enumerate(zip(paper.questions, row.answers, strict=True)):
            if given is None:
                continue
            for record in answer_records(
                glossary,
                question,
                result.verdicts[index],
                profile=row.profile,
                mode="exam",
                elapsed_ms=0,
                answered_at=at,
                exam_id=exam_id,
                exam_title=paper.title,
                attempt_id=attempt_id,
                number=index + 1,
            ):
                store.record_answer(record)
        store.hand_in(attempt_id, at)
        store.record_exam_result(
            StoredResult(
                profile=row.profile,
                exam_id=exam_id,
                exam_title=paper.title,
                attempt_id=attempt_id,
                score=result.points,
                max_score=float(result.total),
                pass_mark=result.pass_mark_percent * result.total / 100,
                passed=result.passed,
                started_at=at,
                finished_at=at,
            )
        )
        out.append(RecordedRow(row, attempt_id, result, again=False))
    return out
