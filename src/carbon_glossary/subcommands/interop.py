"""Interop commands: import, template, export, extract.

The work is done in :mod:`carbon_glossary.interop`; this module parses arguments, refuses to
overwrite files nobody asked to overwrite, and prints problems as ``FILE:ROW:COL: …``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from carbon_glossary.i18n import t
from carbon_glossary.subcommands.context import Context, whole_number
from carbon_glossary.subcommands.parser import add_commands

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable

    from carbon_glossary.core.paper import Paper
    from carbon_glossary.core.problems import Problem

__all__ = ["register"]


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
) -> None:
    """Add import, template, export and extract (each one's arguments added when used)."""
    add_commands(
        subparsers,
        parents,
        (
            ("import", "interop.cli.import", _import_arguments),
            ("template", "interop.cli.template", _template_arguments),
            ("export", "interop.cli.export", _export_arguments),
            ("extract", "interop.cli.extract", _extract_arguments),
        ),
    )


def _import_arguments(importing: argparse.ArgumentParser) -> None:
    importing.add_argument("file", metavar="FILE.csv|FILE.xlsx", help=t("interop.cli.import_file"))
    importing.add_argument(
        "-o", "--output", metavar="OUT.toml", help=t("interop.cli.import_output")
    )
    importing.add_argument("--merge", metavar="INTO.toml", help=t("interop.cli.merge"))
    importing.add_argument(
        "--on-conflict",
        choices=("keep", "replace", "stop"),
        default="keep",
        help=t("interop.cli.on_conflict"),
    )
    importing.add_argument("--title", help=t("interop.cli.title"))
    importing.add_argument("--force", action="store_true", help=t("interop.cli.force"))
    importing.set_defaults(handler=run_import)


def _template_arguments(template: argparse.ArgumentParser) -> None:
    template.add_argument(
        "-o", "--output", required=True, metavar="FILE.xlsx|FILE.csv", help=t("interop.cli.out")
    )
    template.add_argument("--force", action="store_true", help=t("interop.cli.force"))
    template.set_defaults(handler=run_template)


def _export_arguments(export: argparse.ArgumentParser) -> None:
    from carbon_glossary.interop.formats import FORMATS

    export.description = "; ".join(f"{f.name}: {t(f.help_key)}" for f in FORMATS.values())
    export.add_argument(
        "--format", required=True, choices=list(FORMATS), help=t("interop.cli.format")
    )
    export.add_argument("-o", "--output", metavar="FILE", help=t("interop.cli.export_output"))
    export.add_argument(
        "--category", metavar=t("cli.category_metavar"), help=t("interop.cli.category")
    )
    export.add_argument("--pdf", action="store_true", help=t("interop.cli.pdf"))
    export.add_argument("--force", action="store_true", help=t("interop.cli.force"))
    export.set_defaults(handler=run_export)


def _extract_arguments(extract: argparse.ArgumentParser) -> None:
    extract.add_argument("file", metavar="POLICY.txt", help=t("interop.cli.extract_file"))
    extract.add_argument(
        "-o", "--output", metavar="candidates.toml", help=t("interop.cli.extract_output")
    )
    extract.add_argument(
        "--limit",
        type=whole_number(0, "cli.not_positive"),
        default=20,
        metavar="N",
        help=t("interop.cli.extract_limit"),
    )
    extract.add_argument("--quote-mark", metavar="MARK", help=t("interop.cli.quote_mark"))
    extract.add_argument("--force", action="store_true", help=t("interop.cli.force"))
    extract.set_defaults(handler=run_extract)


def _output_for(args: argparse.Namespace, context: Context, suffix: str) -> Path:
    """-o, or the glossary's name with the format's suffix in the current folder."""
    return Path(args.output) if args.output else Path(context.glossary_path.stem + suffix)


def _refuse_existing(context: Context, path: Path, force: bool, *, merge_hint: bool) -> None:
    """Exit 2 when ``path`` exists and ``--force`` was not given."""
    if path.exists() and not force:
        key = "interop.output_exists_merge" if merge_hint else "interop.output_exists"
        raise context.fail(t(key, path=str(path)), 2)


def run_import(args: argparse.Namespace, context: Context) -> int:
    """A CSV or XLSX sheet → a checked glossary file (or new terms appended to one)."""
    from carbon_glossary.core.loader import decode_glossary, load_glossary, read_glossary_bytes
    from carbon_glossary.core.problems import FileProblemError
    from carbon_glossary.interop.files import write_atomically
    from carbon_glossary.interop.importer import import_sheet
    from carbon_glossary.interop.sheets import read_sheet

    source = Path(args.file)
    into = None
    if args.merge:
        into_path = Path(args.merge)
        output = Path(args.output) if args.output else into_path
        if output != into_path:
            _refuse_existing(context, output, args.force, merge_hint=False)
        try:
            into = (
                load_glossary(into_path),
                decode_glossary(read_glossary_bytes(into_path), args.merge),
            )
        except FileProblemError as error:
            _report(context, error.problems)
            raise context.fail(t("cli.glossary_refused", path=args.merge), 2) from None
    else:
        output = Path(args.output) if args.output else source.with_suffix(".toml")
        _refuse_existing(context, output, args.force, merge_hint=True)
    try:
        sheet = read_sheet(source)
    except FileProblemError as error:
        _report(context, error.problems)
        raise context.fail(t("interop.import_refused", path=args.file), 2) from None
    result = import_sheet(
        sheet,
        title=args.title,
        default_title=source.stem,
        output_path=str(output),
        into=into,
        policy=args.on_conflict,
    )
    _report(context, result.problems)
    if result.text is None:
        raise context.fail(t("interop.import_refused", path=args.file), 2)
    text = result.text

    def write(path: Path) -> None:
        path.write_text(text, encoding="utf-8")

    write_atomically(output, write)
    if into is None:
        print(t("interop.imported", path=str(output), count=result.added), file=context.out)
    if result.own_readings:
        print(t("interop.import.own_readings", count=result.own_readings), file=context.out)
    if result.confirmed_readings:
        confirmed = t("interop.import.confirmed_readings", count=result.confirmed_readings)
        print(confirmed, file=context.out)
    if into is None:
        if not result.has_settings:
            # A CSV file (or a workbook made by hand) has no title, version or phrase tables.
            note = t(
                "interop.import.no_settings",
                path=args.file,
                title=_plain(result.title),
                version=result.version,
            )
            print(note, file=context.err)
        return 0
    key = "interop.merge.replaced_summary" if args.on_conflict == "replace" else "interop.merged"
    counts = {"added": result.added, "unchanged": result.unchanged}
    counts |= {"conflicts": result.conflicts, "replaced": result.replaced}
    print(t(key, path=str(output), **counts), file=context.out)
    kept = result.conflicts - result.replaced
    if kept:
        # Written, but not all of the sheet went in: a script must notice.
        print(t("interop.merge.kept_hint", conflicts=kept), file=context.err)
        return 1
    return 0


def _plain(text: str) -> str:
    """Text from a file, safe for a terminal: control characters shown as escapes."""
    return "".join(c if c.isprintable() or c == "\t" else f"\\x{ord(c):02x}" for c in text)


def _report(context: Context, problems: Iterable[Problem]) -> None:
    for problem in problems:
        print(_plain(problem.format()), file=context.err)


def run_template(args: argparse.Namespace, context: Context) -> int:
    """An empty sheet with our headers and one example row, as XLSX or CSV."""
    from carbon_glossary.interop.files import write_atomically
    from carbon_glossary.interop.formats import template_table
    from carbon_glossary.interop.sheets import write_csv, write_xlsx

    output = Path(args.output)
    suffix = output.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise context.fail(t("interop.template_suffix", path=args.output), 2)
    _refuse_existing(context, output, args.force, merge_hint=False)
    header, rows = template_table(context.lang)
    if suffix == ".csv":
        write_atomically(output, lambda path: write_csv(path, header, rows))
    else:
        write_atomically(output, lambda path: write_xlsx(path, header, rows))
    print(t("interop.template_written", path=str(output)), file=context.out)
    return 0


def run_export(args: argparse.Namespace, context: Context) -> int:
    """The glossary (or one category of it) in another program's format."""
    from carbon_glossary.interop.files import write_atomically
    from carbon_glossary.interop.formats import FORMATS, request_for

    glossary = context.glossary()
    chosen = FORMATS[args.format]
    category = args.category.strip() if args.category is not None else None
    if category is not None and category not in glossary.categories():
        names = t("cli.list_separator").join(glossary.categories()) or "-"
        raise context.fail(t("cli.unknown_category", category=args.category, names=names))
    output = _output_for(args, context, chosen.suffix)
    # -o handout.pdf asks for a PDF as plainly as --pdf does (as `exam --export html -o
    # paper.pdf` does); the page it is printed from goes beside it
    wants_pdf = args.pdf or output.suffix.lower() == ".pdf"
    if wants_pdf and chosen.name != "handout":
        raise context.fail(t("interop.pdf_handout_only"), 2)
    pdf = output.with_suffix(".pdf")
    if output.suffix.lower() == ".pdf":
        output, pdf = output.with_suffix(".html"), output
    _refuse_existing(context, output, args.force, merge_hint=False)
    if wants_pdf:
        _refuse_existing(context, pdf, args.force, merge_hint=False)
    request = request_for(glossary, category, context.lang)
    write_atomically(output, lambda path: chosen.write(request, path))
    print(t("interop.exported", path=str(output), count=len(request.terms)), file=context.out)
    if wants_pdf:
        return _print_pdf(context, output, pdf)
    return 0


def _print_pdf(context: Context, page: Path, pdf: Path) -> int:
    from carbon_glossary.interop.files import write_atomically
    from carbon_glossary.interop.pdf import BrowserNotFoundError, PrintFailedError, print_to_pdf

    try:
        write_atomically(pdf, lambda path: print_to_pdf(page, path))
    except BrowserNotFoundError:
        raise context.fail(t("interop.no_browser", path=str(page)), 1) from None
    except PrintFailedError as error:
        detail = _plain(str(error)) or "-"
        raise context.fail(t("interop.pdf_failed", path=str(page), detail=detail), 1) from None
    print(t("interop.pdf_written", path=str(pdf)), file=context.out)
    return 0


def export_paper(paper: Paper, args: argparse.Namespace, context: Context) -> int:
    """``exam PAPER --export FORMAT -o FILE``: the paper's questions for Moodle, or the
    student copy / answer key as a printable page (printed to PDF when FILE ends in .pdf)."""
    from carbon_glossary.interop.files import write_atomically
    from carbon_glossary.interop.formats import PAPER_FORMATS, PaperRequest
    from carbon_glossary.session.marking import answer_key_text

    chosen = PAPER_FORMATS[args.export]
    output = Path(args.output) if args.output else Path(Path(args.paper).stem + chosen.suffix)
    pdf = None
    if output.suffix.lower() == ".pdf":
        if not chosen.printable:
            raise context.fail(t("interop.pdf_paper_printable"), 2)
        output, pdf = output.with_suffix(".html"), output
    force = getattr(args, "force", False)
    _refuse_existing(context, output, force, merge_hint=False)
    if pdf is not None:
        _refuse_existing(context, pdf, force, merge_hint=False)
    request = PaperRequest(paper, answer_key_text(paper))
    write_atomically(output, lambda path: chosen.write(request, path))
    count = len(paper.questions)
    print(t("interop.paper_exported", path=str(output), count=count), file=context.out)
    if pdf is not None:
        return _print_pdf(context, output, pdf)
    return 0


def run_extract(args: argparse.Namespace, context: Context) -> int:
    """A policy text → candidate terms (a glossary file a person reviews), and a summary."""
    import tomli_w

    from carbon_glossary.core.loader import read_glossary_bytes
    from carbon_glossary.core.problems import FileProblemError
    from carbon_glossary.core.text import cell_width
    from carbon_glossary.interop.extract import (
        CATEGORY_LABELS,
        QUOTE_MARK,
        candidates_document,
        propose,
    )
    from carbon_glossary.interop.files import write_atomically
    from carbon_glossary.interop.policy import read_document
    from carbon_glossary.interop.sheets import decode_text
    from carbon_glossary.subcommands.output import columns

    source = Path(args.file)
    # by default in the current folder, like every export: never beside the source document
    output = Path(args.output) if args.output else Path(source.stem + ".candidates.toml")
    _refuse_existing(context, output, args.force, merge_hint=False)
    glossary = context.glossary()
    try:
        text = decode_text(read_glossary_bytes(source), args.file)  # UTF-8 or GB18030
    except FileProblemError as error:
        _report(context, error.problems)
        raise context.fail(t("interop.extract_refused", path=args.file), 2) from None
    document = read_document(text)
    for repair in document.repairs:
        where = f"{args.file}:{repair.line}:{repair.column}"
        if repair.repaired is None:
            message = t("interop.extract_unrepaired", where=where, found=repair.found)
        else:
            message = t(
                "interop.extract_repaired", where=where, found=repair.found, to=repair.repaired
            )
        print(_plain(message), file=context.err)
    candidates = propose(document, glossary, limit=args.limit)
    mark = QUOTE_MARK if args.quote_mark is None else args.quote_mark
    page_data = candidates_document(document, candidates, mark, glossary.phrase_pinyin)
    body = tomli_w.dumps(page_data)
    header = t("interop.extract_header", path=source.name)
    page = "".join(f"# {line}\n" for line in header.splitlines()) + "\n" + body

    def write(path: Path) -> None:
        path.write_text(page, encoding="utf-8")

    write_atomically(output, write)
    rows = [
        [
            str(rank),
            _plain(candidate.term),
            CATEGORY_LABELS[candidate.kind],
            str(candidate.count),
            "、".join(s.split("、", 1)[0] for s in candidate.sections),
        ]
        for rank, candidate in enumerate(candidates, start=1)
    ]
    # The kind column is as wide as its longest label (候选·引号中的名称), never cut.
    kind_width = max(cell_width(label) for label in CATEGORY_LABELS.values())
    for line in columns(rows, caps=(4, 24, kind_width, 3)):
        print(line, file=context.out)
    print(t("interop.extracted", path=str(output), count=len(candidates)), file=context.out)
    return 0
