"""``exam PAPER``'s sitter options: ``--name``, ``--department``, ``--roster``.

Who sits is settled here when the command line says it (``--name`` with ``--department``,
or a ``--name`` on the roster; ``--profile`` alone, as before, sits under that profile):
the name is checked, the store asked for an interrupted sitting and the paper's attempts,
and a problem is printed plainly before any screen starts. Otherwise the exam starts on the
sign-in form (:class:`carbon_glossary.session.sitter.SignInPlan`).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from carbon_glossary.i18n import t

if TYPE_CHECKING:
    from carbon_glossary.core.paper import Paper
    from carbon_glossary.session.decks import ExamPlan
    from carbon_glossary.session.progress import Progress
    from carbon_glossary.session.roster import Roster
    from carbon_glossary.session.sitter import SignInPlan, Sitter
    from carbon_glossary.subcommands.context import Context

__all__ = ["add_sitter_options", "exam_plan"]


def add_sitter_options(exam: argparse.ArgumentParser) -> None:
    exam.add_argument("--name", metavar=t("sitting.cli.name_metavar"), help=t("sitting.cli.name"))
    exam.add_argument(
        "--department",
        metavar=t("sitting.cli.department_metavar"),
        help=t("sitting.cli.department"),
    )
    exam.add_argument(
        "--roster", metavar=t("sitting.cli.roster_metavar"), help=t("sitting.cli.roster")
    )


def _roster(args: argparse.Namespace, context: Context) -> Roster | None:
    """The ``--roster`` file read, or None; a bad one ends the command with every bad cell
    as ``FILE:ROW:COL`` and exit 2."""
    if args.roster is None:
        return None
    from carbon_glossary.core.problems import FileProblemError
    from carbon_glossary.session.roster import load_roster

    try:
        return load_roster(args.roster)
    except FileProblemError as error:
        for problem in error.problems:
            print(problem.format(), file=context.err)
        raise context.fail(t("sitting.roster.refused", path=args.roster), code=2) from None


def exam_plan(
    args: argparse.Namespace, context: Context, paper: Paper, progress: Progress
) -> ExamPlan | SignInPlan:
    """What to start: the exam as the person the options name (after checking the store),
    or the sign-in form. Ends the command (exit 2) on a bad name, (exit 1) when the person
    has used up the paper's attempts."""
    from carbon_glossary.session.decks import ExamPlan, exam_id_for
    from carbon_glossary.session.sitter import Refusal, SignInPlan, refusal_message, sign_in

    exam = ExamPlan(paper, exam_id_for(paper))
    roster = _roster(args, context)
    limit = paper.spec.attempts
    name: str | None = args.name
    department: str | None = args.department
    if name is not None and (department is not None or roster is not None):
        result = sign_in(name, department or "", roster)
    elif name is None and department is None and roster is None and args.profile:
        # --profile alone, as before (and as ``serve`` starts a signed-in seat's exam): that
        # person, shown as the store knows them, else as the flag spells them.
        result = sign_in(args.profile, "", department_required=False)
    else:
        return SignInPlan(exam, name or "", department or "", roster, limit)
    if isinstance(result, Refusal):
        raise context.fail(refusal_message(result), code=2)
    known = name is None
    return _admitted(exam, result, limit, progress, context, known=known)


def _admitted(
    exam: ExamPlan,
    sitter: Sitter,
    limit: int | None,
    progress: Progress,
    context: Context,
    *,
    known: bool = False,
) -> ExamPlan:
    """``known``: the sitter is named by a profile only; the store's saved name and
    department (if any) are kept rather than replaced."""
    from dataclasses import replace

    from carbon_glossary.session.sitter import Sitter, admit
    from carbon_glossary.store import StoreError

    try:
        store = progress.store()
        info = store.profile_info(sitter.profile) if known else None
        if info is not None:
            sitter = Sitter(sitter.profile, info.display_name, info.department)
        admission = admit(store, sitter, exam.exam_id, limit)
    except StoreError as error:
        raise context.fail(error.message, code=2) from None
    if admission.refused is not None:
        progress.close()
        raise context.fail(admission.refused, code=1)
    # The exam screen tells the person it carries their sitting on: not stderr, which is
    # hidden behind the screen in a terminal and is the trainer's terminal under ``serve``.
    progress.profile = sitter.profile
    return replace(exam, sitter=sitter, resume=admission.resume)
