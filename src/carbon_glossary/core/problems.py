"""Problems found in files people write (glossaries, papers) and the error carrying them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from carbon_glossary.i18n import t

__all__ = ["FileProblemError", "Localized", "Problem"]

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Localized:
    """A catalogue message used as a parameter of another one ("文字" / "text").

    It is translated when the outer message is formatted, so a problem found while one
    language was active still reads correctly after switching language.
    """

    key: str
    params: tuple[tuple[str, object], ...] = ()

    def __format__(self, spec: str) -> str:
        return format(t(self.key, **dict(self.params)), spec)

    def __str__(self) -> str:
        return t(self.key, **dict(self.params))


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem at a place in a file. ``key`` and ``params`` select a catalogue message,
    so the same problem can be shown in Chinese or English."""

    path: str
    line: int
    column: int
    severity: Severity
    key: str
    params: tuple[tuple[str, object], ...] = ()

    @property
    def message(self) -> str:
        """The message in the current interface language."""
        return t(self.key, **dict(self.params))

    def format(self) -> str:
        """``FILE:LINE:COL: error: message``, the form editors and people both read.

        A problem with the file as a whole (missing, unreadable) has line 0 and reads
        ``FILE: error: message``.
        """
        label = t(f"severity.{self.severity}")
        if self.line <= 0:
            return f"{self.path}: {label}: {self.message}"
        return f"{self.path}:{self.line}:{self.column}: {label}: {self.message}"


class FileProblemError(Exception):
    """A file could not be used; carries every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(p.format() for p in self.problems))

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")
