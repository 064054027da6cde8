"""The trainer's commands: paper sittings (``exam --print/--key/--sheet-template/--mark``),
accepted answers (``exam --accept``) and the room report (``report``).

The rules are in :mod:`carbon_glossary.session.marking` and
:mod:`carbon_glossary.session.report`; here are the options, the files and the store.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from carbon_glossary.i18n import t
from carbon_glossary.subcommands.context import Context

if TYPE_CHECKING:
    from carbon_glossary.core.paper import Paper

__all__ = ["add_exam_options", "paper_action", "run_paper_action"]

_ACTIONS = ("print", "key", "sheet_template")


def add_exam_options(exam: argparse.ArgumentParser) -> None:
    """``--print``, ``--key`` and ``--sheet-template`` on ``exam``."""
    file_ = t("training.cli.file_metavar")
    exam.add_argument("--print", action="store_true", help=t("training.cli.print"))
    exam.add_argument("--key", action="store_true", help=t("training.cli.key"))
    exam.add_argument(
        "--sheet-template", metavar=file_, type=Path, help=t("training.cli.sheet_template")
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
