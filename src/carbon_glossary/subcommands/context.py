"""What every subcommand handler receives: the options in force and the output streams."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from carbon_glossary.i18n import t

if TYPE_CHECKING:
    import argparse  # not at run time: the browser's start does without it (~2 ms)

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
    build_parser: Callable[[], argparse.ArgumentParser] = field(repr=False)
    """Builds the command-line parser (for help); a plain start of the browser never needs
    it, and building it costs ~4 ms."""
    _glossary: Glossary | None = field(default=None, init=False, repr=False)
    _parser: argparse.ArgumentParser | None = field(default=None, init=False, repr=False)

    @property
    def parser(self) -> argparse.ArgumentParser:
        """The full parser, built on first use."""
        if self._parser is None:
            self._parser = self.build_parser()
        return self._parser

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


Handler = Callable[["argparse.Namespace", Context], int]


def whole_number(minimum: int, message_key: str) -> Callable[[str], int]:
    """An argparse ``type`` for whole numbers of at least ``minimum``; anything else is
    refused with the catalogue message ``message_key`` (which takes ``{value}``)."""

    def convert(text: str) -> int:
        import argparse  # loaded already: this runs while arguments are parsed

        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(t(message_key, value=text)) from None
        if value < minimum:
            raise argparse.ArgumentTypeError(t(message_key, value=text))
        return value

    return convert
