"""``carbon-glossary serve``: the app for a training room's browsers.

The options, the checks that must pass before anything listens (the glossary, the paper,
the store, a room code on any address but loopback) and the trainer's table as text; the
door and the sessions are in :mod:`carbon_glossary.serve`.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from carbon_glossary.i18n import t
from carbon_glossary.subcommands.context import Context, whole_number

if TYPE_CHECKING:
    from carbon_glossary.serve.room import RoomRow

__all__ = ["is_loopback", "register", "run_serve", "table_lines"]

DEFAULT_PORT = 8000
DEFAULT_MAX_SESSIONS = 60
DEFAULT_IDLE_MINUTES = 30


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
) -> None:
    """Add serve (its arguments added when used)."""
    subparsers.add_parser(
        "serve",
        parents=parents,
        help=t("serve.cli.help"),
        description=t("serve.cli.description"),
        arguments=_serve_arguments,
    )


def _serve_arguments(serve: argparse.ArgumentParser) -> None:
    serve.add_argument("--host", default="127.0.0.1", help=t("serve.cli.host"))
    serve.add_argument(
        "--port",
        type=whole_number(1, "serve.cli.bad_port"),
        default=DEFAULT_PORT,
        metavar="N",
        help=t("serve.cli.port", default=DEFAULT_PORT),
    )
    serve.add_argument("--public-url", metavar="URL", help=t("serve.cli.public_url"))
    serve.add_argument(
        "--exam", metavar=t("quizui.cli.paper_metavar"), type=Path, help=t("serve.cli.exam")
    )
    serve.add_argument("--code", metavar=t("serve.cli.code_metavar"), help=t("serve.cli.code"))
    serve.add_argument(
        "--max-sessions",
        type=whole_number(1, "cli.not_positive"),
        default=DEFAULT_MAX_SESSIONS,
        metavar="N",
        help=t("serve.cli.max_sessions", default=DEFAULT_MAX_SESSIONS),
    )
    serve.add_argument(
        "--idle-minutes",
        type=whole_number(1, "cli.not_positive"),
        default=DEFAULT_IDLE_MINUTES,
        metavar="N",
        help=t("serve.cli.idle_minutes", default=DEFAULT_IDLE_MINUTES),
    )
    serve.add_argument("--db", metavar=t("dburl.cli.db_metavar"), help=t("dburl.cli.db"))
    serve.set_defaults(handler=run_serve)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable only from this machine (127.x, ::1, localhost)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def run_serve(args: argparse.Namespace, context: Context) -> int:
    """Check everything a room needs, then serve until Ctrl+C."""
    from carbon_glossary.serve.room import Room, new_room_code, normalise_code
    from carbon_glossary.serve.server import RoomServer, SessionCommand
    from carbon_glossary.store import StoreError, db_location_from, open_store

    if args.port > 65535:
        raise context.fail(t("serve.cli.bad_port", value=args.port), code=2)
    glossary = context.glossary()
    code: str | None = args.code
    if code is not None and not normalise_code(code):
        raise context.fail(t("serve.cli.blank_code"), code=2)
    if code is None and not is_loopback(args.host):
        code = new_room_code()  # any other address: the room must not be open to all
    exam_id = exam_title = paper_path = None
    questions = 0
    attempts: int | None = None
    if args.exam is not None:
        from carbon_glossary.core.paper import build_paper, load_paper
        from carbon_glossary.core.problems import FileProblemError
        from carbon_glossary.session.decks import exam_id_for

        try:
            spec = load_paper(args.exam, glossary)
        except FileProblemError as error:
            for problem in error.problems:
                print(problem.format(), file=context.err)
            raise context.fail(t("quizui.cli.paper_refused", path=str(args.exam)), 2) from None
        paper = build_paper(glossary, spec)
        exam_id, exam_title, questions = exam_id_for(paper), paper.title, len(paper.questions)
        attempts = paper.spec.attempts
        paper_path = args.exam.resolve()
    location = db_location_from(args.db)
    try:
        open_store(location).close()  # made and migrated now: a problem is told before serving
    except StoreError as error:
        raise context.fail(error.message, code=2) from None
    # Every session's app (the browser's study rounds too) uses the room's store.
    os.environ["CARBON_GLOSSARY_DB"] = str(location)
    server = RoomServer(
        SessionCommand(
            glossary=context.glossary_path.resolve(),
            lang=context.lang,
            db=location,
            paper=paper_path,
        ),
        Room(code=code, max_sessions=args.max_sessions),
        host=args.host,
        port=args.port,
        public_url=args.public_url,
        idle_minutes=args.idle_minutes,
        exam_id=exam_id,
        exam_title=exam_title,
        questions=questions,
        attempts=attempts,
        open_store=lambda: open_store(location),
        table=table_lines,
        title=exam_title or glossary.title,
    )
    try:
        server.serve()
    except OSError as error:  # the port is taken, the address is not this machine's
        reason = error.strerror or str(error)
        raise context.fail(t("serve.cli.cannot_listen", port=args.port, reason=reason), 2) from None
    return 0


def table_lines(rows: Sequence[RoomRow], exam: bool) -> list[str]:
    """The trainer's table as text: who, which department, online or not, how far through
    the paper, handed in with what score."""
    from carbon_glossary.subcommands.output import columns

    online = sum(1 for r in rows if r.online)
    handed = sum(1 for r in rows if r.handed_in)
    lines = ["", t("serve.table.title", people=len(rows), online=online, handed_in=handed)]
    body = []
    for row in rows:
        cells = [
            "  " + row.name,
            row.department,
            t("serve.table.online") if row.online else t("serve.table.offline"),
        ]
        if exam:
            cells.append(f"{row.answered}/{row.questions}")
            if row.handed_in_text:
                cells.append(row.handed_in_text)
        body.append(cells)
    return lines + columns(body, caps=(22, 16, 8, 8, 16))
