"""The trainer's commands: paper sittings (``exam --print/--key/--sheet-template/--mark``),
accepted answers (``exam --accept``) and the room report (``report``).

The rules are in :mod:`carbon_glossary.session.marking` and
:mod:`carbon_glossary.session.report`; here are the options, the files and the store.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from carbon_glossary.i18n import t
from carbon_glossary.subcommands.context import CommandFailed, Context
from carbon_glossary.subcommands.parser import add_commands

if TYPE_CHECKING:
    from carbon_glossary.core.paper import Paper
    from carbon_glossary.core.problems import Problem
    from carbon_glossary.session.report import RoomReport
    from carbon_glossary.store import ProgressStore

__all__ = ["add_exam_options", "paper_action", "register", "run_paper_action", "run_report"]

_ACTIONS = ("print", "key", "sheet_template", "mark", "accept")


def add_exam_options(exam: argparse.ArgumentParser) -> None:
    """``--print``, ``--key``, ``--sheet-template``, ``--mark`` and ``--accept`` on ``exam``."""
    file_ = t("training.cli.file_metavar")
    exam.add_argument("--print", action="store_true", help=t("training.cli.print"))
    exam.add_argument("--key", action="store_true", help=t("training.cli.key"))
    exam.add_argument(
        "--sheet-template", metavar=file_, type=Path, help=t("training.cli.sheet_template")
    )
    exam.add_argument("--mark", metavar=file_, type=Path, help=t("training.cli.mark"))
    exam.add_argument(
        "--accept",
        action="append",
        metavar=t("training.cli.accept_metavar"),
        help=t("training.cli.accept"),
    )


def paper_action(args: argparse.Namespace, context: Context) -> str | None:
    """Which paper action the options ask for (None: sit the exam); two at once end the
    command with exit 2. ``--json`` prints the paper as data, with or without ``--print``."""
    chosen = [name for name in _ACTIONS if getattr(args, name, None)]
    if getattr(args, "json", False):
        chosen = ["json", *(name for name in chosen if name != "print")]
    if len(chosen) > 1:
        raise context.fail(t("training.cli.one_action"), code=2)
    return chosen[0] if chosen else None


def run_paper_action(action: str, args: argparse.Namespace, context: Context, paper: Paper) -> int:
    """Do what ``action`` (from :func:`paper_action`, not ``json``) asks with ``paper``."""
    from carbon_glossary.session.marking import answer_key_text, student_copy_text

    if action == "print":
        context.out.write(student_copy_text(paper))
        return 0
    if action == "key":
        context.out.write(answer_key_text(paper))
        return 0
    if action == "sheet_template":
        return _write_template(args.sheet_template, context, paper)
    if action == "mark":
        return _mark(args, context, paper)
    if action == "accept":
        return _accept(args, context, paper)
    raise ValueError(action)


def _refuse_existing(path: Path, context: Context) -> None:
    if path.exists():
        raise context.fail(t("training.cli.file_exists", path=str(path)), code=2)


def _write_template(path: Path, context: Context, paper: Paper) -> int:
    from carbon_glossary.session.marking import write_sheet_template

    _refuse_existing(path, context)
    try:
        write_sheet_template(paper, path)
    except FileExistsError:
        raise context.fail(t("training.cli.file_exists", path=str(path)), code=2) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise context.fail(
            t("training.cli.cannot_write", path=str(path), reason=reason), 2
        ) from None
    print(
        t("training.cli.template_written", path=str(path), count=len(paper.questions)),
        file=context.out,
    )
    return 0


def _open(location: str | None, context: Context, *, read_only: bool = False) -> ProgressStore:
    """The store at ``location`` (None: ``CARBON_GLOSSARY_DB`` or the default file); a
    problem with it ends the command with exit 2."""
    from carbon_glossary.store import StoreError, db_location_from, open_store

    try:
        store = open_store(db_location_from(location), read_only=read_only)
    except StoreError as error:
        raise context.fail(error.message, code=2) from None
    if store.recovered is not None:
        print(store.recovered.message, file=context.err)
    return store


def _now() -> datetime:
    return datetime.now().astimezone()


def _mark(args: argparse.Namespace, context: Context, paper: Paper) -> int:
    """Check the whole sheet first (its paper id, then every cell); record it only when
    all is good."""
    from carbon_glossary.core.problems import FileProblemError
    from carbon_glossary.core.text import percent_figure
    from carbon_glossary.session.decks import exam_id_for
    from carbon_glossary.session.marking import (
        mark_sheet,
        read_table,
        record_sheet,
        sheet_paper_id,
    )
    from carbon_glossary.store import StoreError

    path: Path = args.mark
    try:
        rows = mark_sheet(paper, read_table(path), str(path), made_for=sheet_paper_id(path))
    except FileProblemError as error:
        _print_problems(error.problems, context)
        count = len(error.problems)
        raise context.fail(
            t("training.cli.sheet_refused", path=str(path), count=count), 2
        ) from None
    store = _open(args.db, context)
    try:
        recorded = record_sheet(store, context.glossary(), paper, exam_id_for(paper), rows, _now())
    except StoreError as error:
        raise context.fail(error.message, code=2) from None
    finally:
        store.close()
    for item in recorded:
        result = t("training.cli.passed" if item.result.passed else "training.cli.failed")
        line = t(
            "training.cli.marked_row",
            row=item.row.row,
            name=_shown(item.row.name),
            department=_shown(item.row.department) or "–",
            score=percent_figure(item.result.percent),
            result=result,
        )
        print(line, file=context.out)
    print(t("training.cli.marked", count=len(recorded), path=str(path)), file=context.out)
    again = sum(1 for item in recorded if item.again)
    if again:
        print(t("training.cli.marked_again", count=again), file=context.out)
    return 0


def _accept(args: argparse.Namespace, context: Context, paper: Paper) -> int:
    """Keep each accepted answer with the paper's id; reports regrade from it."""
    from carbon_glossary.session.decks import exam_id_for
    from carbon_glossary.session.report import short
    from carbon_glossary.store import StoreError

    accepted = parse_accept(args.accept, paper, context)
    exam_id = exam_id_for(paper)
    store = _open(args.db, context)
    try:
        for number, answer in accepted:
            store.accept_answer(exam_id, number, answer, _now())
        regraded = _regrade_results(store, paper, exam_id)
    except StoreError as error:
        raise context.fail(error.message, code=2) from None
    finally:
        store.close()
    for number, answer in accepted:
        shown = short(answer)
        print(t("training.cli.accepted", number=number, answer=shown), file=context.out)
    print(t("training.cli.regraded", count=regraded), file=context.out)
    return 0


def _regrade_results(store: ProgressStore, paper: Paper, exam_id: str) -> int:
    """Bring the store's exam results (what ``stats`` shows) in line with the accepted
    answers: every handed-in sitting graded again from its answers as given."""
    from carbon_glossary.session.report import (
        accepted_from_store,
        regraded_results,
        sittings_from_store,
    )
    from carbon_glossary.store import ExamResult

    sittings = sittings_from_store(store, paper, exam_id)
    accepted = accepted_from_store(store, exam_id)
    total = len(paper.questions)
    results = regraded_results(paper, exam_id, sittings, accepted)
    for sitting, points, passed in results:
        assert sitting.handed_in_at is not None and sitting.started_at is not None
        store.record_exam_result(
            ExamResult(
                profile=sitting.profile,
                exam_id=exam_id,
                exam_title=paper.title,
                attempt_id=sitting.attempt_id,
                score=points,
                max_score=float(total),
                pass_mark=paper.spec.pass_mark_percent * total / 100,
                passed=passed,
                started_at=sitting.started_at,
                finished_at=sitting.handed_in_at,
            )
        )
    return len(results)


def _print_problems(problems: tuple[Problem, ...], context: Context) -> None:
    for problem in problems:
        print(problem.format(), file=context.err)


def parse_accept(values: list[str], paper: Paper, context: Context) -> list[tuple[int, str]]:
    """``--accept N=ANSWER`` values checked against ``paper``: (number from 1, the answer in
    a stable form); any bad one ends the command with exit 2 after all are reported."""
    from carbon_glossary.core.quiz import kind_name
    from carbon_glossary.session.marking import normalise_accepted

    out: list[tuple[int, str]] = []
    bad = False
    for value in values:
        match = re.fullmatch(r"\s*(\d+)\s*[=＝]\s*(.+?)\s*", value)
        if match is None:
            print(t("training.cli.accept_format", value=_shown(value)), file=context.err)
            bad = True
            continue
        number, answer = int(match.group(1)), match.group(2)
        if not 1 <= number <= len(paper.questions):
            print(
                t("training.cli.accept_number", count=len(paper.questions), number=number),
                file=context.err,
            )
            bad = True
            continue
        question = paper.questions[number - 1]
        stable = normalise_accepted(question, answer)
        if stable is None:
            message = t(
                "training.cli.accept_invalid",
                answer=_shown(answer),
                number=number,
                kind=kind_name(question.kind),
            )
            print(message, file=context.err)
            bad = True
            continue
        out.append((number, stable))
    if bad:
        raise CommandFailed(2)
    return out


# --- report -------------------------------------------------------------------------------


def _shown(text: str) -> str:
    from carbon_glossary.session.report import printable

    return printable(text)


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return t("training.report.yes" if value else "training.report.no")
    if isinstance(value, str):
        return _shown(value)
    return "" if value is None else value


def _csv_cell(value: object) -> object:
    """A CSV cell Excel will not run: text that begins like a formula (a name typed as
    ``=HYPERLINK(…)``) gets a leading apostrophe, as OWASP advises for CSV."""
    from carbon_glossary.interop.sheets import neutralised

    cell = _cell(value)
    return neutralised(cell) if isinstance(cell, str) else cell


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{round(value, 2) + 0.0:.2f}"  # never "-0.00"


def report_lines(report: RoomReport) -> list[str]:
    """The report as text for the terminal: summary, people, questions, most-missed terms."""
    from carbon_glossary.core.quiz import kind_name
    from carbon_glossary.core.text import percent_figure
    from carbon_glossary.session.report import summary_lines, table_headers, time_taken_text
    from carbon_glossary.subcommands.output import columns

    lines = [t("training.report.title", title=_shown(report.title)), "", *summary_lines(report)]
    if not report.summary.attempts:
        return lines

    headers = table_headers()
    lines += ["", t("training.report.people")]
    rows = [headers["room"]]
    rows[0][5] = t("training.report.time")
    for p in report.people:
        rows.append(
            [
                _shown(p.name),
                _shown(p.department) or "–",
                percent_figure(p.score_percent),
                str(_cell(p.passed)),
                f"{p.answered}/{p.questions}",
                time_taken_text(p),
                str(_cell(p.handed_in)),
                str(p.attempts),
            ]
        )
    lines += ["  " + line for line in columns(rows, caps=(16, 14))]

    lines += ["", t("training.report.questions")]
    rows = [headers["questions"][:-1]]
    for q in report.questions:
        options = " ".join(f"{_shown(k)}:{v}" for k, v in q.options_chosen.items())
        rows.append(
            [
                ("⚑ " if q.flagged else "  ") + str(q.number),
                kind_name(q.kind),
                _shown(q.term),
                _figure(q.facility),
                _figure(q.discrimination),
                options,
                str(q.unanswered),
            ]
        )
    lines += ["  " + line for line in columns(rows, caps=(6, 10, 24, 8, 8, 40))]

    lines += ["", t("training.report.terms")]
    rows = [headers["terms"]]
    rows += [[_shown(r.term), str(r.wrong), str(r.asked)] for r in report.terms if r.wrong]
    lines += ["  " + line for line in columns(rows, caps=(30,))]
    return lines


def csv_paths(path: Path) -> dict[str, Path]:
    """``room.csv`` → room.csv (people), room-summary.csv, room-questions.csv,
    room-terms.csv (beside it): one file per table, the summary too, since a CSV file
    holds one table."""
    stem, suffix = path.stem, path.suffix or ".csv"
    return {
        "room": path,
        "summary": path.with_name(f"{stem}-summary{suffix}"),
        "questions": path.with_name(f"{stem}-questions{suffix}"),
        "terms": path.with_name(f"{stem}-terms{suffix}"),
    }


def write_report_csv(report: RoomReport, paths: dict[str, Path]) -> None:
    """One UTF-8 CSV with a BOM per table (Excel opens it with its Chinese intact)."""
    import csv

    from carbon_glossary.session.report import report_tables

    tables = report_tables(report)
    for name, target in paths.items():
        header, rows = tables[name]
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows([_csv_cell(value) for value in row] for row in rows)


def _number_formats(report: RoomReport) -> dict[str, dict[tuple[int, int], str]]:
    """Each sheet's number formats by (row, column) of its data (row 0 = the first row
    under the header): scores and rates with one decimal, α, facility and discrimination
    with two, as the text report prints them."""
    from carbon_glossary.session.report import FIGURE_FORMAT, PERCENT_FORMAT, summary_rows

    formats: dict[str, dict[tuple[int, int], str]] = {
        "summary": {
            (row, 1): item.number_format
            for row, item in enumerate(summary_rows(report))
            if item.number_format
        },
        "room": {(row, 2): PERCENT_FORMAT for row in range(len(report.people))},
        "questions": {},
        "terms": {},
    }
    for row in range(len(report.questions)):
        formats["questions"].update({(row, 3): FIGURE_FORMAT, (row, 4): FIGURE_FORMAT})
    return formats


def write_report_xlsx(report: RoomReport, path: Path) -> None:
    """One workbook, one sheet per table, the summary first."""
    from openpyxl import Workbook

    from carbon_glossary.interop.sheets import keep_as_text
    from carbon_glossary.session.report import report_tables

    book = Workbook()
    default = book.active
    if default is not None:
        book.remove(default)
    formats = _number_formats(report)
    for name, (header, rows) in report_tables(report).items():
        sheet = book.create_sheet(t(f"training.report.sheet.{name}"))
        sheet.append(header)
        for index, row in enumerate(rows):
            sheet.append([_cell(value) for value in row])
            for column, cell in enumerate(sheet[sheet.max_row]):
                keep_as_text(cell)  # a name that begins with "=" is text, not a formula
                number_format = formats[name].get((index, column))
                if number_format and isinstance(cell.value, float | int):
                    cell.number_format = number_format
        sheet.freeze_panes = "A2"
        if name == "summary":  # labels of up to ten hanzi, readable without widening
            sheet.column_dimensions["A"].width = 24
    book.save(path)


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
) -> None:
    """Add ``report`` (its arguments added when used)."""
    add_commands(subparsers, parents, [("report", "training.cli.report", _report_arguments)])


def _report_arguments(report: argparse.ArgumentParser) -> None:
    file_ = t("training.cli.file_metavar")
    report.add_argument(
        "paper", metavar=t("quizui.cli.paper_metavar"), help=t("training.cli.report_paper")
    )
    report.add_argument(
        "--db", action="append", metavar=t("cli.file_metavar"), help=t("training.cli.report_db")
    )
    output = report.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help=t("training.cli.report_json"))
    output.add_argument("--csv", type=Path, metavar=file_, help=t("training.cli.report_csv"))
    output.add_argument("--xlsx", type=Path, metavar=file_, help=t("training.cli.report_xlsx"))
    output.add_argument("--screen", action="store_true", help=t("training.cli.report_screen"))
    report.add_argument("--force", action="store_true", help=t("training.cli.report_force"))
    report.set_defaults(handler=run_report)


def load_room_report(paper: Paper, locations: list[str | None], context: Context) -> RoomReport:
    """The report of ``paper`` from every store named (merged by attempt id)."""
    from carbon_glossary.session.decks import exam_id_for
    from carbon_glossary.session.report import (
        Sitting,
        accepted_from_store,
        build_report,
        merge_sittings,
        sittings_from_store,
    )
    from carbon_glossary.store import StoreError

    exam_id = exam_id_for(paper)
    rooms: list[list[Sitting]] = []
    accepted: dict[int, list[str]] = {}
    for location in locations:
        store = _open(location, context, read_only=True)
        try:
            rooms.append(sittings_from_store(store, paper, exam_id))
            for index, answers in accepted_from_store(store, exam_id).items():
                known = accepted.setdefault(index, [])
                known.extend(a for a in answers if a not in known)
        except StoreError as error:
            raise context.fail(error.message, code=2) from None
        finally:
            store.close()
    return build_report(paper, exam_id, merge_sittings(*rooms), accepted)


def run_report(args: argparse.Namespace, context: Context) -> int:
    """The room report as text, JSON, CSV files or an XLSX workbook."""
    import json

    from carbon_glossary.core.paper import build_paper, load_paper
    from carbon_glossary.core.problems import FileProblemError
    from carbon_glossary.session.report import report_to_json

    glossary = context.glossary()
    try:
        spec = load_paper(args.paper, glossary)
    except FileProblemError as error:
        _print_problems(error.problems, context)
        raise context.fail(t("quizui.cli.paper_refused", path=args.paper), code=2) from None
    paper = build_paper(glossary, spec)
    targets: list[Path] = []
    if args.csv is not None:
        targets = list(csv_paths(args.csv).values())
    elif args.xlsx is not None:
        targets = [args.xlsx]
    if not args.force:
        for target in targets:
            _refuse_existing(target, context)
    report = load_room_report(paper, args.db or [None], context)
    if args.screen and sys.stdin.isatty() and sys.stdout.isatty():
        from carbon_glossary.ui.screens.room_report import run_room_report

        return run_room_report(report, context.lang)
    # --screen without a terminal (a pipe, a script): the same report as text
    if args.json:
        text = json.dumps(report_to_json(report), ensure_ascii=False, indent=2)
        context.out.write(text + "\n")
        return 0
    try:
        if args.csv is not None:
            write_report_csv(report, csv_paths(args.csv))
        elif args.xlsx is not None:
            write_report_xlsx(report, args.xlsx)
    except OSError as error:
        reason = error.strerror or str(error)
        where = str(error.filename or targets[0])
        raise context.fail(t("training.cli.cannot_write", path=where, reason=reason), 2) from None
    if targets:
        paths = t("cli.list_separator").join(str(p) for p in targets)
        print(t("training.cli.report_written", paths=paths), file=context.out)
        return 0
    for line in report_lines(report):
        print(line, file=context.out)
    return 0
