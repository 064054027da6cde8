"""The full command-line parser: argparse with help, titles and errors in the interface language.

:func:`carbon_glossary.cli.main` builds it for every command line, the browser's included,
and passes it the program name and the modules that add the subcommands.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple, NoReturn

from carbon_glossary import i18n
from carbon_glossary.i18n import t

__all__ = ["Arguments", "add_commands", "build_parser"]

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


_WIDE = "\0"
"""Follows each wide character in what argparse lays out, so that its ``len`` counts cells."""
_HEADING = "\1"
"""Ends a section title, so that the heading line argparse writes can be found again."""


def _by_cells(text: str) -> str:
    """``text`` with a ``_WIDE`` mark after each two-cell character (hanzi, full-width
    punctuation): argparse measures and pads the columns of its help with ``len``, and
    ``--category 类别`` is 15 cells, not 13."""
    if text.isascii():
        return text
    from carbon_glossary.core.text import cell_width

    return "".join(char + _WIDE * (cell_width(char) - 1) for char in text)


class _Formatter(argparse.HelpFormatter):
    """Help laid out by terminal cells, with the "usage:" prefix and the section headings
    from the catalogue, and commands listed plainly.

    argparse counts characters where a terminal counts cells, so a Chinese metavar pushed
    the help after it two cells right per hanzi, and the usage's continuation lines were
    indented short of the prefix 用法：. Rather than re-implement argparse's layout, the
    text it measures (metavars and the usage prefix) carries a mark after each wide
    character, which :meth:`format_help` takes out once the columns are set.
    """

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        prefix = t("cli.usage_prefix") if prefix is None else prefix
        super().add_usage(usage, actions, groups, _by_cells(prefix))

    def start_section(self, heading: str | None) -> None:
        if heading is not None and heading != argparse.SUPPRESS:
            heading += _HEADING
        super().start_section(heading)

    def format_help(self) -> str:
        # argparse ends each heading with an ASCII colon; Chinese takes a full-width one.
        text = re.sub(
            f"^( *)(.*){_HEADING}:$",
            lambda match: match[1] + t("cli.section_heading", title=match[2]),
            super().format_help(),
            flags=re.MULTILINE,
        )
        return text.replace(_WIDE, "")

    def _metavar_formatter(
        self, action: argparse.Action, default_metavar: str
    ) -> Callable[[int], tuple[str, ...]]:
        metavars = super()._metavar_formatter(action, default_metavar)
        # (argparse also calls this with no default metavar, to check nargs: None passes.)
        return lambda size: tuple(
            _by_cells(metavar) if isinstance(metavar, str) else metavar
            for metavar in metavars(size)
        )

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


Arguments = Callable[[argparse.ArgumentParser], None]
"""Adds a subcommand's arguments and defaults (its handler) to its parser."""


class _Pending(NamedTuple):
    """What a parser is made from when it is first used (see :class:`_Parser`)."""

    add_help: bool
    parents: Sequence[argparse.ArgumentParser]
    arguments: Arguments | None
    kwargs: dict[str, Any]


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose titles, help option and errors speak the interface language.

    A subcommand's parser is made when it is first used (to parse its command line, or for
    its usage or help), from what ``add_parser`` was given and its ``arguments``: a
    function that adds its arguments. argparse makes every subcommand's parser up front;
    a command line names one of nineteen, and making the other eighteen, with their
    arguments and the registries of their choices, was ~5 ms of every start.

    Errors end in ``SystemExit(2)`` as usual; :func:`main` turns that into a return code.
    """

    def __init__(
        self,
        *,
        add_help: bool = True,
        parents: Sequence[argparse.ArgumentParser] = (),
        arguments: Arguments | None = None,
        **kwargs: Any,
    ) -> None:
        # Nothing of argparse's own set-up yet: _complete does it when the parser is used.
        self._pending: _Pending | None = _Pending(add_help, parents, arguments, kwargs)
        if arguments is None:  # the main parser and the parents: made at once
            self._complete()

    def _complete(self) -> None:
        """Make the parser: argparse's set-up, -h, the parents' options, then the
        subcommand's own arguments (once)."""
        pending = self._pending
        if pending is None:
            return
        self._pending = None
        kwargs = {"formatter_class": _Formatter, **pending.kwargs}
        super().__init__(add_help=False, **kwargs)
        self._positionals.title = t("cli.positionals_title")
        self._optionals.title = t("cli.options_title")
        if pending.add_help:
            self.add_argument("-h", "--help", action="help", help=t("cli.help_option"))
        # As ArgumentParser does with ``parents``, but after the titles are translated, since
        # argparse merges the parents' argument groups into the child's by title.
        for parent in pending.parents:
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)
        if pending.arguments is not None:
            pending.arguments(self)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        self._complete()
        return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        self._complete()
        return super().format_usage()

    def format_help(self) -> str:
        self._complete()
        return super().format_help()

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

        print(f"{parser.prog} {__version__}", file=sys.stdout)
        parser.exit()


def _language(value: str) -> str:
    normalised = i18n.normalise_language(value)
    if normalised is None:
        raise argparse.ArgumentTypeError(t("cli.bad_language", value=value))
    return normalised


def _common_options(prog: str) -> argparse.ArgumentParser:
    """``--glossary`` and ``--lang``, accepted before or after the subcommand."""
    common = _Parser(prog=prog, add_help=False)
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


def add_commands(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
    commands: Iterable[tuple[str, str, Arguments]],
) -> None:
    """Add each ``(name, catalogue key of its one-line help, its arguments)`` as a
    subcommand whose parser is made when it is used; the help line is its description too."""
    for name, help_key, arguments in commands:
        summary = t(help_key)
        subparsers.add_parser(
            name, parents=parents, help=summary, description=summary, arguments=arguments
        )


def build_parser(prog: str, command_modules: Iterable[str]) -> argparse.ArgumentParser:
    """The full parser for the program ``prog``, with help in the current interface
    language; each of ``command_modules`` adds its subcommands (``register``)."""
    common = _common_options(prog)
    # Help lists the common options once, on the main parser; subcommands accept them too.
    parser = _Parser(prog=prog, description=t("cli.description"), parents=[common])
    parser.add_argument("--version", action=_Version, help=t("cli.version_option"))
    subparsers = parser.add_subparsers(
        dest="command", title=t("cli.commands_title"), metavar=t("cli.command_metavar")
    )
    for name in command_modules:
        importlib.import_module(name).register(subparsers, [common])
    return parser
