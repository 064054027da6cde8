"""Quiz commands: study, practice, exam, stats.

``study``, ``practice`` and ``exam`` check their options and the progress file here, where
a problem can be printed plainly and end in exit code 2, then start the app on the matching
screen. ``exam --print`` and ``stats`` never start the app.
"""

from __future__ import annotations

import argparse
import re
from datetime import datetime
from typing import TYPE_CHECKING, Any

from carbon_glossary.i18n import t
from carbon_glossary.subcommands import sitting, training
from carbon_glossary.subcommands.context import CommandFailed, Context, whole_number
from carbon_glossary.subcommands.output import columns, json_text
from carbon_glossary.subcommands.parser import add_commands

if TYPE_CHECKING:
    from collections.abc import Sequence

    from carbon_glossary.core.model import Glossary
    from carbon_glossary.session.decks import ExamPlan, PracticePlan, StudyPlan
    from carbon_glossary.session.progress import Progress
    from carbon_glossary.session.sitter import SignInPlan
    from carbon_glossary.session.stats import StatsView

__all__ = ["add_progress_options", "register", "stats_lines"]

# Figures shown in the help, written out here so that building the parser (for every
# command, ``list`` included) imports neither the quiz engine nor FSRS; tests check that
# they agree with Settings.new_per_day and session.decks.DEFAULT_PRACTICE_COUNT. (The kinds
# come from their registry, which imports no engine.)
NEW_PER_DAY = 20
PRACTICE_COUNT = 10

_BAR_WIDTH = 20
_EIGHTHS = " ▏▎▍▌▋▊▉"
_SPARKS = "▁▂▃▄▅▆▇█"


def add_progress_options(parser: argparse.ArgumentParser) -> None:
    """``--profile`` and ``--db``, shared by every quiz command and ``browse``, in a group
    of their own."""
    group = parser.add_argument_group(t("quizui.cli.progress_options"))
    group.add_argument(
        "--profile", metavar=t("quizui.cli.name_metavar"), help=t("quizui.cli.profile")
    )
    group.add_argument("--db", metavar=t("dburl.cli.db_metavar"), help=t("dburl.cli.db"))


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
) -> None:
    """Add study, practice, exam and stats (each one's arguments added when used)."""
    add_commands(
        subparsers,
        parents,
        (
            ("study", "quizui.cli.study", _study_arguments),
            ("practice", "quizui.cli.practice", _practice_arguments),
            ("exam", "quizui.cli.exam", _exam_arguments),
            ("stats", "quizui.cli.stats", _stats_arguments),
        ),
    )


def _kinds_help() -> str:
    return t("quizui.cli.kinds", kinds=_kind_list())


def _study_arguments(study: argparse.ArgumentParser) -> None:
    add_progress_options(study)
    study.add_argument(
        "--new",
        type=whole_number(0, "quizui.cli.not_count"),
        metavar="N",
        help=t("quizui.cli.new", default=NEW_PER_DAY),
    )
    study.add_argument("--kinds", metavar=t("quizui.cli.kinds_metavar"), help=_kinds_help())
    study.add_argument("--seed", type=int, metavar="N", help=t("quizui.cli.seed"))
    study.set_defaults(handler=run_study)


def _practice_arguments(practice: argparse.ArgumentParser) -> None:
    add_progress_options(practice)
    practice.add_argument(
        "--category", metavar=t("cli.category_metavar"), help=t("quizui.cli.category")
    )
    practice.add_argument("--kinds", metavar=t("quizui.cli.kinds_metavar"), help=_kinds_help())
    practice.add_argument(
        "--count",
        type=whole_number(1, "cli.not_positive"),
        metavar="N",
        help=t("quizui.cli.count", default=PRACTICE_COUNT),
    )
    practice.add_argument("--mistakes", action="store_true", help=t("quizui.cli.mistakes"))
    practice.add_argument("--seed", type=int, metavar="N", help=t("quizui.cli.seed"))
    practice.set_defaults(handler=run_practice)


def _exam_arguments(exam: argparse.ArgumentParser) -> None:
    from carbon_glossary.interop.formats import PAPER_FORMATS

    add_progress_options(exam)
    exam.add_argument("paper", metavar=t("quizui.cli.paper_metavar"), help=t("quizui.cli.paper"))
    exam.add_argument("--json", action="store_true", help=t("quizui.cli.print_json"))
    sitting.add_sitter_options(exam)
    training.add_exam_options(exam)
    exam.add_argument("--export", choices=list(PAPER_FORMATS), help=t("interop.cli.exam_export"))
    exam.add_argument("-o", "--output", metavar="FILE", help=t("interop.cli.exam_output"))
    exam.set_defaults(handler=run_exam)


def _stats_arguments(stats: argparse.ArgumentParser) -> None:
    add_progress_options(stats)
    stats.add_argument("--json", action="store_true", help=t("cli.json"))
    stats.set_defaults(handler=run_stats)


def _write_json(context: Context, data: Any) -> None:
    context.out.write(json_text(data))


def _kind_list() -> str:
    from carbon_glossary.core.kinds.spec import registered

    return t("cli.list_separator").join(
        t("cli.kind_choice", name=spec.name, label=t(spec.label_key)) for spec in registered()
    )


def _kinds(text: str | None, context: Context, *, study: bool = False) -> tuple[str, ...]:
    """``--kinds`` as a tuple of kinds (empty: every kind); an unknown one ends the command."""
    from carbon_glossary.core.kinds.spec import spec_for

    if text is None:
        return ()
    names = [name.strip() for name in re.split(r"[,，、\s]+", text) if name.strip()]
    unknown = [name for name in names if spec_for(name) is None]
    if unknown or not names:
        raise context.fail(
            t(
                "quizui.cli.unknown_kinds",
                kinds=t("cli.list_separator").join(unknown) or text,
                valid=_kind_list(),
            ),
            code=2,
        )
    if study and any(not spec.in_study for name in names if (spec := spec_for(name))):
        raise context.fail(t("quizui.cli.no_match_in_study"), code=2)
    return tuple(dict.fromkeys(names))


def _category(text: str | None, glossary: Glossary, context: Context) -> str | None:
    if text is None:
        return None
    category = text.strip()
    if category not in glossary.categories():
        names = t("cli.list_separator").join(glossary.categories()) or "-"
        raise context.fail(t("cli.unknown_category", category=text, names=names), code=2)
    return category


def _open_progress(
    args: argparse.Namespace,
    context: Context,
    new_per_day: int | None = None,
    *,
    read_only: bool = False,
) -> Progress:
    """The progress file opened now, so that a problem with it is printed before any
    screen starts; a damaged file moved aside is reported on stderr (and in the app)."""
    from carbon_glossary.session.progress import Progress
    from carbon_glossary.store import StoreError, db_location_from, open_store, profile_from

    location = db_location_from(args.db)
    try:
        store = open_store(location, read_only=read_only)
    except StoreError as error:
        raise context.fail(error.message, code=2) from None
    for notice in store.notices:
        print(notice, file=context.err)
    return Progress(location, profile_from(args.profile), store=store, new_per_day=new_per_day)


def _now() -> datetime:
    return datetime.now().astimezone()


def _start(
    context: Context,
    glossary: Glossary,
    plan: StudyPlan | PracticePlan | ExamPlan | SignInPlan,
    progress: Progress,
) -> int:
    from carbon_glossary.ui.launch import run_quiz

    return run_quiz(glossary, context.lang, plan, progress)


def run_study(args: argparse.Namespace, context: Context) -> int:
    """Spaced repetition; says so (and when the next card is due) if nothing is due."""
    from carbon_glossary.core.scheduling import study_queue
    from carbon_glossary.session.decks import STUDY_KINDS, StudyPlan, nothing_due_message

    glossary = context.glossary()
    kinds = _kinds(args.kinds, context, study=True) or STUDY_KINDS
    progress = _open_progress(args, context, new_per_day=args.new)
    store, now = progress.store(), _now()
    ids = [term.id for term in glossary.terms]
    queue = study_queue(
        ids,
        store.cards(progress.profile),
        now,
        new_today=store.new_cards_introduced_today(progress.profile, now),
        settings=progress.settings(),
        limit=1,
    )
    if not queue:
        message = nothing_due_message(glossary, store, progress.profile, now, progress.settings())
        print(message, file=context.out)
        progress.close()
        return 0
    return _start(context, glossary, StudyPlan(kinds=kinds, seed=args.seed), progress)


def run_practice(args: argparse.Namespace, context: Context) -> int:
    """Practice (the schedule is never changed), or the mistake book with ``--mistakes``."""
    import random

    from carbon_glossary.session.decks import PracticePlan, practice_deck

    glossary = context.glossary()
    kinds = _kinds(args.kinds, context)
    category = _category(args.category, glossary, context)
    plan = PracticePlan(
        kinds=kinds, count=args.count, category=category, mistakes=args.mistakes, seed=args.seed
    )
    progress = _open_progress(args, context)
    deck = practice_deck(
        glossary, progress.store(), progress.profile, plan, random.Random(args.seed)
    )
    if not deck.questions:
        progress.close()
        print(deck.empty_message, file=context.out)
        return 0
    return _start(context, glossary, plan, progress)


def run_exam(args: argparse.Namespace, context: Context) -> int:
    """Sit an exam paper; or print it, its key or its answer sheet (see subcommands.training)."""
    from carbon_glossary.core.paper import build_paper, load_paper, paper_to_json
    from carbon_glossary.core.problems import FileProblemError

    action = training.paper_action(args, context)
    glossary = context.glossary()
    try:
        spec = load_paper(args.paper, glossary)
    except FileProblemError as error:
        for problem in error.problems:
            print(problem.format(), file=context.err)
        print(t("quizui.cli.paper_refused", path=args.paper), file=context.err)
        raise CommandFailed(2) from None
    paper = build_paper(glossary, spec)
    if args.export:
        if action is not None:  # --export is one more thing to do with the paper
            raise context.fail(t("training.cli.one_action"), code=2)
        from carbon_glossary.subcommands.interop import export_paper

        return export_paper(paper, args, context)
    if action == "json":
        data = paper_to_json(paper)
        _write_json(context, data)
        return 0
    if action is not None:
        return training.run_paper_action(action, args, context, paper)
    progress = _open_progress(args, context)
    return _start(context, glossary, sitting.exam_plan(args, context, paper, progress), progress)


def run_stats(args: argparse.Namespace, context: Context) -> int:
    """The person's figures, as text or one JSON object."""
    from carbon_glossary.session.stats import read_stats, stats_to_json, stats_view

    glossary = context.glossary()
    progress = _open_progress(args, context, read_only=True)
    try:
        stats = read_stats(progress.store(), progress.profile, glossary, _now())
    finally:
        progress.close()
    if args.json:
        _write_json(context, stats_to_json(stats))
        return 0
    for line in stats_lines(stats_view(stats, glossary, _now())):
        print(line, file=context.out)
    return 0


def _bar(fraction: float | None) -> str:
    eighths = round(min(1.0, max(0.0, fraction or 0.0)) * _BAR_WIDTH * 8)
    full, part = divmod(eighths, 8)
    filled = "█" * full + (_EIGHTHS[part] if part else "")
    return filled + "░" * (_BAR_WIDTH - len(filled))


def _sparkline(values: Sequence[int]) -> str:
    top = max(values, default=0)
    if top == 0:
        return _SPARKS[0] * len(values)
    return "".join(_SPARKS[round(v / top * (len(_SPARKS) - 1))] for v in values)


def stats_lines(view: StatsView) -> list[str]:
    """The progress view as text for the terminal: bars of block characters, a sparkline
    and aligned columns (the progress screen draws the same view with widgets)."""
    lines = [view.title, "", *view.summary]
    if view.categories:
        lines += ["", t("quizui.stats.categories")]
        rows = [["  " + c.label, _bar(c.share), c.figures] for c in view.categories]
        lines += columns(rows, caps=(18, _BAR_WIDTH, 40))
    if view.activity:
        lines += ["", view.activity_title]
        lines.append("  " + _sparkline(view.activity))
        lines.append("  " + view.activity_caption)
    lines += ["", t("quizui.stats.weakest")]
    if view.weakest:
        rows = [
            [
                "  " + w.term + (" " + t("stats.removed_term") if w.removed else ""),
                w.category,
                w.right_of,
                w.percent,
            ]
            for w in view.weakest
        ]
        lines += columns(rows, caps=(30, 14, 16, 6))
    else:
        lines.append("  " + t("quizui.stats.no_weak"))
    lines += ["", t("quizui.stats.exams")]
    if view.exams:
        rows = [["  " + e.finished, e.title, e.score, e.percent, e.verdict] for e in view.exams]
        lines += columns(rows, caps=(18, 40, 10, 6, 8))
    else:
        lines.append("  " + t("quizui.stats.no_exams"))
    return lines
