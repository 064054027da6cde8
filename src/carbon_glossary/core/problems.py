"""Problems found in files people write (glossaries, papers) and the error carrying them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from carbon_glossary.i18n import t

__all__ = [
    "MAX_PROBLEMS",
    "FileProblemError",
    "Localized",
    "Problem",
    "ProblemCap",
    "count_problems",
]

Severity = Literal["error", "warning"]

MAX_PROBLEMS = 200
"""Problems reported per file; the rest are counted, not listed (a 2 MB file can hold a
million bad items, and nobody reads past the first screens)."""
MORE_KEY = "check.more_problems"


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
        path = self.path or '""'  # an empty file name, shown as one
        if self.line <= 0:
            return f"{path}: {label}: {self.message}"
        return f"{path}:{self.line}:{self.column}: {label}: {self.message}"


class ProblemCap:
    """Counts what is found past :data:`MAX_PROBLEMS`. ``admit`` says whether to build the
    next problem at all (placing a problem in the file is the costly part)."""

    def __init__(self, limit: int = MAX_PROBLEMS) -> None:
        self.limit = limit
        self.kept = 0
        self.more_errors = 0
        self.more_warnings = 0

    @property
    def full(self) -> bool:
        """Whether the next problem will only be counted (so costly wording can be skipped)."""
        return self.kept >= self.limit

    def admit(self, severity: Severity) -> bool:
        if self.kept < self.limit:
            self.kept += 1
            return True
        if severity == "error":
            self.more_errors += 1
        else:
            self.more_warnings += 1
        return False

    def summary(self, path: str) -> list[Problem]:
        """One closing problem that says how many more there are, or nothing."""
        if not (self.more_errors or self.more_warnings):
            return []
        severity: Severity = "error" if self.more_errors else "warning"
        params = (("errors", self.more_errors), ("warnings", self.more_warnings))
        return [Problem(path, 0, 0, severity, MORE_KEY, params)]


def count_problems(problems: Iterable[Problem]) -> tuple[int, int]:
    """(errors, warnings) among ``problems``, those past the cap included."""
    errors = warnings = 0
    for problem in problems:
        if problem.key == MORE_KEY:
            counts = dict(problem.params)
            errors += int(str(counts.get("errors", 0)))
            warnings += int(str(counts.get("warnings", 0)))
        elif problem.severity == "error":
            errors += 1
        else:
            warnings += 1
    return errors, warnings


class FileProblemError(Exception):
    """A file could not be used; carries every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(p.format() for p in self.problems))

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")
