"""Command line: parses arguments, builds core objects, starts the TUI only when asked.

Subcommands live in :mod:`carbon_glossary.subcommands`, one module per group, each adding its
parsers in ``register(subparsers, parents)``. To add a group (e.g. the quiz commands), write
the module and add its name to :data:`COMMAND_MODULES`.

Every message, including argparse's own usage and help text as far as argparse lets us, comes
from the i18n catalogue in the language of ``--lang`` (or ``CARBON_GLOSSARY_LANG``). Output
is UTF-8 whatever the locale, so a user on ``LANG=C`` over SSH still sees Chinese.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import re
import sys
from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING, Any, NoReturn, TextIO

from carbon_glossary import i18n
from carbon_glossary.i18n import t

if TYPE_CHECKING:
    from carbon_glossary.subcommands.context import Context

__all__ = ["COMMAND_MODULES", "build_parser", "main"]

PROG = "carbon-glossary"

COMMAND_MODULES: tuple[str, ...] = (
    "carbon_glossary.subcommands.glossary",
    "carbon_glossary.subcommands.quiz",
)

# argparse's English messages we can reword: (pattern, catalogue key). Compiled on the
# first usage error, not on every start.
_ARGPARSE_MESSAGES = (
    (r"the following arguments are required: (?P<names>.*)", "cli.argparse.required"),
    (r"unrecognized arguments: (?P<args>.*)", "cli.argparse.unrecognized"),
    (
        r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)",
        "cli.argparse.invalid_choice",
    ),
    (r"expected one argument", "cli.argparse.expected_one"),
    (r"ignored explicit argument (?P<value>.*)", "cli.argparse.ignored"),
)
_ARGUMENT = r"argument (?P<name>[^:]+): (?P<rest>.*)"


class _Formatter(argparse.HelpFormatter):
    """Help whose "usage:" prefix comes from the catalogue, with commands listed plainly."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        prefix = t("cli.usage_prefix") if prefix is None else prefix
        super().add_usage(usage, actions, groups, prefix)

    def _split_lines(self, text: str, width: int) -> list[str]:
        # textwrap breaks only at spaces and counts characters, not terminal cells: Chinese
        # help would never wrap. Wrap by cells, breaking between hanzi where needed.
        from carbon_glossary.subcommands.output import wrap

        return wrap(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        from carbon_glossary.subcommands.output import wrap

        return "\n".join(indent + line for line in wrap(" ".join(text.split()), width))

    def _format_action(self, action: argparse.Action) -> str:
        # argparse prints the metavar of the subcommand action ("COMMAND") as a line of its
        # own above the commands; list the commands directly under the group title instead.
        if isinstance(action, argparse._SubParsersAction):
            return "".join(self._format_action(sub) for sub in action._get_subactions())
        return super()._format_action(action)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose titles, help option and errors speak the interface language.

    Errors end in ``SystemExit(2)`` as usual; :func:`main` turns that into a return code.
    """

    def __init__(
        self,
        *,
        add_help: bool = True,
        parents: Sequence[argparse.ArgumentParser] = (),
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(add_help=False, **kwargs)
        self._positionals.title = t("cli.positionals_title")
        self._optionals.title = t("cli.options_title")
        if add_help:
            self.add_argument("-h", "--help", action="help", help=t("cli.help_option"))
        # As ArgumentParser does with ``parents``, but after the titles are translated, since
        # argparse merges the parents' argument groups into the child's by title.
        for parent in parents:
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {t('severity.error')}: {_translate_argparse(message)}\n")


def _translate_argparse(message: str) -> str:
    """argparse's English error → the catalogue's words (unknown messages pass through)."""
    argument = re.fullmatch(_ARGUMENT, message, re.S)
    if argument:
        return t(
            "cli.argparse.argument",
            name=argument["name"],
            message=_translate_argparse(argument["rest"]),
        )
    for pattern, key in _ARGPARSE_MESSAGES:
        match = re.fullmatch(pattern, message)
        if match:
            params = match.groupdict()
            if key == "cli.argparse.invalid_choice":
                import difflib

                choices = re.findall(r"'([^']*)'", params["choices"])
                suggestion = difflib.get_close_matches(params["value"].strip("'"), choices, n=1)
                if suggestion:
                    return t(
                        "cli.argparse.invalid_choice_suggest",
                        value=params["value"],
                        suggestion=suggestion[0],
                    )
            return t(key, **params)
    return message


class _Version(argparse.Action):
    """``--version``: the version is read only when asked for, since reading it means
    importing ``importlib.metadata`` and scanning site-packages (~10 ms on every start)."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> NoReturn:
        from carbon_glossary import __version__

        print(f"{PROG} {__version__}", file=sys.stdout)
        parser.exit()


def _language(value: str) -> str:
    normalised = i18n.normalise_language(value)
    if normalised is None:
        raise argparse.ArgumentTypeError(t("cli.bad_language", value=value))
    return normalised


def _common_options() -> argparse.ArgumentParser:
    """``--glossary`` and ``--lang``, accepted before or after the subcommand."""
    common = _Parser(prog=PROG, add_help=False)
    group = common.add_argument_group(t("cli.global_options_title"))
    group.add_argument(
        "--glossary",
        metavar=t("cli.file_metavar"),
        default=argparse.SUPPRESS,
        help=t("cli.glossary_option"),
    )
    group.add_argument(
        "--lang",
        type=_language,
        metavar="zh|en",
        default=argparse.SUPPRESS,
        help=t("cli.lang_option"),
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with help in the current interface language."""
    common = _common_options()
    # Help lists the common options once, on the main parser; subcommands accept them too.
    parser = _Parser(prog=PROG, description=t("cli.description"), parents=[common])
    parser.add_argument("--version", action=_Version, help=t("cli.version_option"))
    subparsers = parser.add_subparsers(
        dest="command", title=t("cli.commands_title"), metavar=t("cli.command_metavar")
    )
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, [common])
    return parser


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
    """sys.argv[1:] as UTF-8: under a non-UTF-8 locale Python decodes arguments with it."""
    out = []
    for arg in sys.argv[1:]:
        try:
            out.append(os.fsencode(arg).decode("utf-8"))
        except (UnicodeError, ValueError):
            out.append(arg.encode("utf-8", "replace").decode("utf-8"))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 nothing found, 2 bad usage/input)."""
    from carbon_glossary.core.paths import glossary_path_from
    from carbon_glossary.subcommands.context import CommandFailed, Context

    for stream in (sys.stdout, sys.stderr):
        _utf8(stream)
    args_list = list(_decoded_argv() if argv is None else argv)
    lang = _language_from(args_list)
    i18n.set_language(lang)
    args = _plain_browse(args_list)
    make_parser = build_parser
    if args is None:
        parser = build_parser()
        make_parser = lambda: parser  # noqa: E731
        try:
            args = parser.parse_args(args_list)
        except SystemExit as exit_:  # --help, --version, or a usage error already printed
            return exit_.code if isinstance(exit_.code, int) else 2
        lang = getattr(args, "lang", lang)
        i18n.set_language(lang)
    out: TextIO = sys.stdout
    context = Context(
        glossary_path=glossary_path_from(getattr(args, "glossary", None)),
        lang=lang,
        out=out,
        err=sys.stderr,
        build_parser=make_parser,
    )
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            return _bare(context)
        return int(handler(args, context))
    except CommandFailed as failed:
        return failed.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 0


def _plain_browse(argv: Sequence[str]) -> argparse.Namespace | None:
    """What the full parser would make of the commonest start, ``carbon-glossary [browse]``
    with at most ``--glossary FILE`` and a valid ``--lang`` (each once, in full, before or
    after ``browse``), without building it: building every subcommand's parser costs ~4 ms
    of the browser's start. Anything else (help, other commands, abbreviations, errors)
    gives None, for the full parser to handle."""
    args = argparse.Namespace(command=None)
    position = 0
    while position < len(argv):
        arg = argv[position]
        position += 1
        if arg == "browse" and args.command is None:
            from carbon_glossary.subcommands.glossary import run_browse

            args.command, args.handler = arg, run_browse
            continue
        name, equals, value = arg.partition("=")
        if name not in ("--glossary", "--lang") or hasattr(args, name[2:]):
            return None
        if not equals:
            if position == len(argv):
                return None
            value = argv[position]
            position += 1
        if value.startswith("-") or (name == "--lang" and i18n.normalise_language(value) is None):
            return None
        setattr(args, name[2:], value if name == "--glossary" else i18n.normalise_language(value))
    return args


def _bare(context: Context) -> int:
    """No subcommand: the browser on a terminal, help otherwise (scripts, pipes)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        context.parser.print_help(context.out)
        return 0
    from carbon_glossary.subcommands.glossary import run_browse

    return run_browse(argparse.Namespace(), context)


def _silence_stdout() -> None:
    """After the reader of a pipe went away (``| head``), let exit-time flushing succeed."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
