"""What every subcommand handler receives: the options in force and the output streams."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from carbon_glossary.i18n import t

if TYPE_CHECKING:
    from carbon_glossary.core.model import Glossary
    from carbon_glossary.core.problems import FileProblemError

__all__ = ["CommandFailed", "Context", "Handler", "whole_number"]


class CommandFailed(Exception):
    """Stop the command with this exit code; the message has already been printed."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


@dataclass
class Context:
    """The global options (``--glossary``, ``--lang``) as resolved, and where to print."""

    glossary_path: Path
    lang: str
    out: TextIO
    err: TextIO
    parser: argparse.ArgumentParser = field(repr=False)
    """The command line's parser (a command prints its help with it)."""
    _glossary: Glossary | None = field(default=None, init=False, repr=False)

    def glossary(self) -> Glossary:
        """The glossary in use, through the cache. An invalid one is refused: every problem
        is printed on stderr and :class:`CommandFailed` (exit 2) raised."""
        if self._glossary is None:
            from carbon_glossary.core.cache import load_glossary_cached

            try:
                self._glossary = load_glossary_cached(self.glossary_path)
            except Exception as error:
                # Imported here: a valid glossary's start does without the module (~1.5 ms);
                # when a FileProblemError was raised, it is loaded already.
                from carbon_glossary.core.problems import FileProblemError

                if not isinstance(error, FileProblemError):
                    raise
                raise self.refuse(error) from None
        return self._glossary

    def refuse(self, error: FileProblemError) -> CommandFailed:
        """Print every problem of an invalid glossary on stderr and return the exception
        to raise (exit 2)."""
        for problem in error.problems:
            print(problem.format(), file=self.err)
        print(t("cli.glossary_refused", path=str(self.glossary_path)), file=self.err)
        return CommandFailed(2)

    def fail(self, message: str, code: int = 1) -> CommandFailed:
        """Print ``message`` on stderr and return the exception to raise."""
        print(message, file=self.err)
        return CommandFailed(code)


Handler = Callable[[argparse.Namespace, Context], int]


def whole_number(minimum: int, message_key: str) -> Callable[[str], int]:
    """An argparse ``type`` for whole numbers of at least ``minimum``; anything else is
    refused with the catalogue message ``message_key`` (which takes ``{value}``)."""

    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(t(message_key, value=text)) from None
        if value < minimum:
            raise argparse.ArgumentTypeError(t(message_key, value=text))
        return value

    return convert
