"""Glossary commands: browse, list, show, search, check."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carbon_glossary import i18n
from carbon_glossary.i18n import t
from carbon_glossary.subcommands.context import CommandFailed, Context, whole_number
from carbon_glossary.subcommands.output import (
    columns,
    highlight,
    json_text,
    label_rows,
    terminal_width,
    use_colour,
)
from carbon_glossary.subcommands.parser import add_commands

if TYPE_CHECKING:
    from carbon_glossary.core.model import Glossary, Term
    from carbon_glossary.core.search import Match
    from carbon_glossary.session.progress import Progress

__all__ = ["DEFAULT_LIMIT", "register", "run_browse"]

DEFAULT_LIMIT = 20
COUNT_CAP = 1000
"""``search`` counts the matches it does not print up to this many."""
# Column caps (in cells) for term, pinyin and category in lists.
_CAPS = (24, 36, 12)


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
) -> None:
    """Add browse, list, show, search and check (each one's arguments added when used)."""
    add_commands(
        subparsers,
        parents,
        (
            ("browse", "cli.browse.help", _browse_arguments),
            ("list", "cli.list.help", _list_arguments),
            ("show", "cli.show.help", _show_arguments),
            ("search", "cli.search.help", _search_arguments),
            ("check", "cli.check.help", _check_arguments),
        ),
    )


def _browse_arguments(browse: argparse.ArgumentParser) -> None:
    from carbon_glossary.subcommands.quiz import add_progress_options

    # The browser opens the progress screen, study and practice (p, the palette): they
    # read and write the progress of --profile in --db, as the quiz commands do.
    add_progress_options(browse)
    # Given by `serve` to each browser tab's app (serve/server.py, SessionCommand): the tab
    # runs under the trainer's account, so it keeps nothing in the trainer's settings file.
    # Not for people, so not in --help.
    browse.add_argument("--served", action="store_true", help=argparse.SUPPRESS)
    browse.set_defaults(handler=run_browse)


def _list_arguments(listing: argparse.ArgumentParser) -> None:
    listing.add_argument(
        "--category", metavar=t("cli.category_metavar"), help=t("cli.list.category")
    )
    listing.add_argument("--json", action="store_true", help=t("cli.json"))
    listing.set_defaults(handler=run_list)


def _show_arguments(show: argparse.ArgumentParser) -> None:
    show.add_argument("term", metavar=t("cli.term_metavar"), help=t("cli.show.term"))
    show.add_argument("--json", action="store_true", help=t("cli.json"))
    show.set_defaults(handler=run_show)


def _search_arguments(search: argparse.ArgumentParser) -> None:
    search.add_argument("query", metavar=t("cli.query_metavar"), help=t("cli.search.query"))
    search.add_argument(
        "--limit",
        type=whole_number(1, "cli.not_positive"),
        default=DEFAULT_LIMIT,
        metavar="N",
        help=t("cli.search.limit", default=DEFAULT_LIMIT),
    )
    search.add_argument("--json", action="store_true", help=t("cli.json"))
    search.set_defaults(handler=run_search)


def _check_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument("files", nargs="*", metavar=t("cli.file_metavar"), help=t("cli.check.files"))
    check.set_defaults(handler=run_check)


# json, interop.export and core.pinyin are imported where used: building the parser imports
# this module on every start, the browser's included, which needs none of them.


def _print_json(context: Context, data: Any) -> None:
    context.out.write(json_text(data))


def _as_dict(term: Term) -> dict[str, Any]:
    from carbon_glossary.interop.export import term_to_dict

    return term_to_dict(term)


def _pinyin(term: Term, syllables: tuple[str, ...] | None = None) -> str:
    from carbon_glossary.core.pinyin import display_pinyin

    return display_pinyin(term.term, term.marks if syllables is None else syllables)


def _english(term: Term) -> str:
    return "; ".join(term.english)


def run_browse(args: argparse.Namespace, context: Context) -> int:
    """Start the TUI on the glossary in use (checked first, so problems print here)."""
    context.glossary()
    try:
        from carbon_glossary.ui.app import run_browser
    except ImportError as error:
        if not (error.name or "").startswith("carbon_glossary.ui"):
            raise
        context.parser.print_help(context.out)
        return 0
    # A language given for this start wins; otherwise the browser uses the one chosen last.
    chosen = getattr(args, "lang", None) or i18n.normalise_language(
        os.environ.get("CARBON_GLOSSARY_LANG")
    )
    return run_browser(
        context.glossary_path,
        chosen,
        context.glossary(),
        progress=_progress(args, context),
        served=getattr(args, "served", False),  # a bare start has no browse options
    )


def _progress(args: argparse.Namespace, context: Context) -> Progress | None:
    """Whose progress the browser's quiz screens use, and where: ``--profile`` and
    ``--db`` as the quiz commands take them. A ``--db`` given is opened now, so a problem
    with it is said before the browser starts; the default file is opened when first used.
    None when neither is given: the browser then uses the default progress on first use,
    and a plain start does not import the store (fsrs, the records: ~15 ms)."""
    db = getattr(args, "db", None)
    if db is None and getattr(args, "profile", None) is None:
        return None
    from carbon_glossary.session.progress import Progress
    from carbon_glossary.store import StoreError, db_location_from, open_store, profile_from

    location = db_location_from(db)
    profile = profile_from(getattr(args, "profile", None))
    if db is None:
        return Progress(location, profile)
    try:
        store = open_store(location)
    except StoreError as error:
        raise context.fail(error.message, code=2) from None
    for notice in store.notices:
        print(notice, file=context.err)
    return Progress(location, profile, store=store)


def run_list(args: argparse.Namespace, context: Context) -> int:
    """Every term (or one category's) in pinyin order."""
    from carbon_glossary.core.collate import sort_terms

    glossary = context.glossary()
    terms: Sequence[Term] = glossary.terms
    if args.category is not None:
        terms = [term for term in terms if term.category == args.category.strip()]
        if not terms:
            if args.json:
                _print_json(context, [])
            names = t("cli.list_separator").join(glossary.categories()) or "-"
            raise context.fail(t("cli.unknown_category", category=args.category, names=names))
    ordered = sort_terms(terms)
    if args.json:
        _print_json(context, [_as_dict(term) for term in ordered])
        return 0
    rows = [[term.term, _pinyin(term), term.category, _english(term)] for term in ordered]
    width = terminal_width() if use_colour(context.out) else None
    for line in columns(rows, caps=_CAPS, width=width, overflow=True):
        print(line, file=context.out)
    return 0


def _search(glossary: Glossary, query: str, limit: int | None) -> list[Match]:
    from carbon_glossary.core.search import SearchIndex

    # one query: fields its first tiers do not reach are never built
    return SearchIndex.build(glossary, whole=False).search(query, limit=limit)


def _search_once(context: Context, query: str, limit: int, cap: int) -> tuple[list[Match], int]:
    """The first ``limit`` matches and how many there are (up to ``cap``), through the
    search table: an unchanged glossary is searched without being loaded or indexed
    (issue 7 item 15)."""
    from carbon_glossary.core.search_cache import search_cached

    try:
        return search_cached(context.glossary_path, query, limit, count_up_to=cap)
    except Exception as error:
        from carbon_glossary.core.problems import FileProblemError

        if not isinstance(error, FileProblemError):
            raise
        raise context.refuse(error) from None


def run_search(args: argparse.Namespace, context: Context) -> int:
    """Ranked matches for any form of query; exit 1 when nothing matches.

    Prints at most ``--limit`` matches; when there are more, says how many on stderr (the
    matches themselves stay alone on stdout, for pipes) and how to list them. Counting is
    capped at ``COUNT_CAP``: ranking every match of a one-letter query in a 100k-term
    glossary takes seconds, ranking the first thousand ~30 ms.
    """
    query = args.query.strip()
    cap = max(args.limit + 1, COUNT_CAP)
    matches, total = _search_once(context, query, args.limit, cap) if query else ([], 0)
    if args.json:
        _print_json(
            context,
            [{**_as_dict(m.term), "score": round(m.score, 4)} for m in matches],
        )
    if not matches:
        raise context.fail(t("cli.nothing_found", query=query))
    if args.json:
        return 0
    colour = use_colour(context.out)
    rows, shown = [], []
    for match in matches:
        term, pinyin, english = match.term.term, _pinyin(match.term), _english(match.term)
        rows.append([term, pinyin, match.term.category, english])
        shown.append(
            [
                highlight(term, match.spans.get("term", ()), colour),
                highlight(pinyin, match.spans.get("pinyin", ()), colour),
                match.term.category,
                english,
            ]
        )
    width = terminal_width() if colour else None
    for line in columns(rows, caps=_CAPS, shown=shown, width=width, overflow=True):
        print(line, file=context.out)
    if total > len(matches):
        more = total - len(matches)
        key = "cli.search.more_at_least" if total >= cap else "cli.search.more"
        print(t(key, more=more, total=total), file=context.err)
    return 0


def run_show(args: argparse.Namespace, context: Context) -> int:
    """The best match for the query, as a card (or one JSON object)."""
    glossary = context.glossary()
    query = args.term.strip()
    matches = _search(glossary, query, 1) if query else []
    if not matches:
        raise context.fail(t("cli.nothing_found", query=query))
    term = matches[0].term
    if args.json:
        _print_json(context, _as_dict(term))
        return 0
    for line in card(term, glossary, terminal_width()):
        print(line, file=context.out)
    return 0


def card(term: Term, glossary: Glossary, width: int) -> list[str]:
    """The full entry as text lines: heading, reading, rule, then labelled fields."""
    heading = (
        term.term if term.traditional in ("", term.term) else f"{term.term}  〔{term.traditional}〕"
    )
    related = []
    for term_id in term.related:
        other = glossary.by_id(term_id)
        if other is not None:
            related.append(f"{other.term}（{_pinyin(other)}）")
    bullets = "\n".join(f"· {example}" for example in term.examples)
    lines = [
        heading,
        f"{_pinyin(term)}   {_pinyin(term, term.syllables)}",
        "─" * min(width, 60),
    ]
    lines += label_rows(
        [
            (t("cli.card.english"), _english(term)),
            (t("cli.card.category"), term.category),
            (t("cli.card.tags"), "、".join(term.tags)),
            (t("cli.card.definition"), term.definition),
            (t("cli.card.definition_en"), term.definition_en),
            (t("cli.card.examples"), bullets),
            (t("cli.card.aliases"), "、".join(term.aliases)),
            (t("cli.card.related"), "、".join(related)),
            (t("cli.card.source"), term.source),
            (t("cli.card.id"), term.id),
        ],
        width,
    )
    return lines


def run_check(args: argparse.Namespace, context: Context) -> int:
    """Every problem of each file as FILE:LINE:COL: severity: message; exit 2 on any error."""
    from carbon_glossary.core.loader import analyse_glossary, read_glossary_bytes
    from carbon_glossary.core.problems import FileProblemError, count_problems

    files: list[str | Path] = [*args.files] or [context.glossary_path]
    errors = warnings = terms = 0
    for path in files:
        try:
            data = read_glossary_bytes(path)
        except FileProblemError as error:
            problems = list(error.problems)
        else:
            glossary, problems = analyse_glossary(data, str(path), want_warnings=True)
            terms += len(glossary.terms) if glossary is not None else 0
        for problem in problems:
            print(problem.format(), file=context.out)
        file_errors, file_warnings = count_problems(problems)
        errors += file_errors
        warnings += file_warnings
    # Always a summary, so a clean file is seen to have been checked (and how much of it).
    if errors:
        print(t("check.summary", errors=errors, warnings=warnings), file=context.err)
        raise CommandFailed(2)
    print(t("check.summary_terms", errors=0, warnings=warnings, terms=terms), file=context.err)
    return 0
