"""Command line: parses arguments, builds core objects, starts the TUI only when asked.

Subcommands live in :mod:`carbon_glossary.subcommands`, one module per group, each adding its
parsers in ``register(subparsers, parents)``. To add a group (e.g. the quiz commands), write
the module and add its name to :data:`COMMAND_MODULES`.

Every message, including argparse's own usage and help text as far as argparse lets us, comes
from the i18n catalogue in the language of ``--lang`` (or ``CARBON_GLOSSARY_LANG``). Output
is UTF-8 whatever the locale, so a user on ``LANG=C`` over SSH still sees Chinese.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import PurePath
from typing import IO, TYPE_CHECKING, TextIO, cast

from carbon_glossary import i18n

if TYPE_CHECKING:
    import argparse

    from carbon_glossary.subcommands.context import Context

__all__ = ["COMMAND_MODULES", "build_parser", "main"]

PROG = "carbon-glossary"

COMMAND_MODULES: tuple[str, ...] = (
    "carbon_glossary.subcommands.glossary",
    "carbon_glossary.subcommands.quiz",
    "carbon_glossary.subcommands.interop",
    "carbon_glossary.subcommands.training",
    "carbon_glossary.subcommands.serve",
)


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with help in the current interface language."""
    from carbon_glossary.subcommands.parser import build_parser as build

    return build(PROG, COMMAND_MODULES)


def _language_from(argv: Sequence[str]) -> str:
    """The interface language before full parsing (so help and errors use it)."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        normalised = i18n.normalise_language(value)
        if normalised:
            return normalised
    return i18n.language_from_environment()


def _utf8(stream: IO[str]) -> None:
    """Write UTF-8 whatever the locale says (LANG=C, a Windows console, a pipe)."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    reconfigure = getattr(stream, "reconfigure", None)
    if encoding not in ("utf-8", "utf8") and reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):  # a stream that cannot change: keep it
            reconfigure(encoding="utf-8", errors="replace")


def _decoded_argv() -> list[str]:
    """sys.argv[1:] as UTF-8: under a non-UTF-8 locale Python decodes arguments with it.

    Bytes that are not UTF-8 (a GBK file name from a Windows zip) are kept as surrogate
    escapes, so :func:`os_path` gives back the very bytes the OS gave for a path argument.
    """
    return [os.fsencode(arg).decode("utf-8", "surrogateescape") for arg in sys.argv[1:]]


def os_path(arg: str) -> str:
    """A path argument as the OS gave it: the inverse of :func:`_decoded_argv` (the identity
    for any argument under a UTF-8 locale, or for a text typed in a test)."""
    return os.fsdecode(arg.encode("utf-8", "surrogateescape"))


# Parsed options that name files: passed through as the OS gave them.
_PATH_OPTIONS = ("glossary", "db", "paper", "files", "file", "output", "mark", "csv", "xlsx")


def _os_paths(args: argparse.Namespace) -> None:
    for name in _PATH_OPTIONS:
        value = getattr(args, name, None)
        if isinstance(value, str):
            setattr(args, name, os_path(value))
        elif isinstance(value, PurePath):
            setattr(args, name, type(value)(os_path(str(value))))
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            setattr(args, name, [os_path(item) for item in value])


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 nothing found, 2 bad usage/input).

    Everything printed goes through :class:`SafeStream` (control characters shown, never
    sent); output that cannot be written (a full disk, a closed descriptor) is a message
    and exit 2, a closed pipe (``| head``) a quiet end.
    """
    from carbon_glossary.subcommands.output import OutputFailed, SafeStream, use_colour

    if sys.stderr is None:  # descriptor 2 closed: nowhere to say anything
        return 2
    args_list = list(_decoded_argv() if argv is None else argv)
    i18n.set_language(_language_from(args_list))
    for stream in (sys.stdout, sys.stderr):
        _utf8(stream)
    real_out, real_err = sys.stdout, sys.stderr
    err = SafeStream(real_err)
    if real_out is None:
        with contextlib.suppress(OutputFailed, OSError):
            print(i18n.t("cli.stdout_closed"), file=err)
        return 2
    out = SafeStream(real_out, emphasis=use_colour(real_out))
    sys.stdout, sys.stderr = cast("TextIO", out), cast("TextIO", err)
    try:
        code = _main(args_list, cast("TextIO", out), cast("TextIO", err))
        out.flush()
        return code
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except OutputFailed as failed:
        _silence_stdout()
        with contextlib.suppress(OutputFailed, OSError):
            print(i18n.t("cli.output_failed", reason=failed.reason), file=err)
            err.flush()
        return 2
    finally:
        sys.stdout, sys.stderr = real_out, real_err


def _main(args_list: list[str], out: TextIO, err: TextIO) -> int:
    from carbon_glossary.core.paths import glossary_path_from
    from carbon_glossary.subcommands.context import CommandFailed, Context

    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exit_:  # --help, --version, or a usage error already printed
        return exit_.code if isinstance(exit_.code, int) else 2
    lang = getattr(args, "lang", i18n.get_language())
    i18n.set_language(lang)
    _os_paths(args)
    for option in ("glossary", "db"):
        if getattr(args, option, None) == "":
            print(i18n.t("cli.empty_path", option=f"--{option}"), file=err)
            return 2
    context = Context(
        glossary_path=glossary_path_from(getattr(args, "glossary", None)),
        lang=lang,
        out=out,
        err=err,
        parser=parser,
    )
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            return _bare(args, context)
        return int(handler(args, context))
    except CommandFailed as failed:
        return failed.code
    except KeyboardInterrupt:
        return 130


def _bare(args: argparse.Namespace, context: Context) -> int:
    """No subcommand: the browser on a terminal, help otherwise (scripts, pipes)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        context.parser.print_help(context.out)
        return 0
    from carbon_glossary.subcommands.glossary import run_browse

    return run_browse(args, context)


def _silence_stdout() -> None:
    """After the reader of a pipe went away (``| head``), let exit-time flushing succeed."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
