"""Where each key, table and array item of a TOML document starts (tomllib gives no positions).

:func:`scan_positions` walks the source of a document that tomllib has already accepted and
maps every *path* to the offset where it is written. A path is the sequence of keys and
indexes that reaches a value in the parsed data: ``("term", 2, "pinyin")`` is the ``pinyin``
key of the third ``[[term]]``, ``("term", 2, "related", 1)`` the second item of its
``related`` array, ``("term", 2)`` the ``[[term]]`` header itself. Multi-line strings,
multi-line arrays, inline tables, comments, quoted and dotted keys are all understood.

The scanner never raises: on text it does not understand it stops and returns what it has,
because positions only improve messages, they never decide validity.
"""

from __future__ import annotations

import bisect
import contextlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

__all__ = ["KeyPath", "Positions", "scan_headers", "scan_positions"]

KeyPath = tuple[str | int, ...]

# The scanner runs on every full load (30 MB for 100k terms), so tokens are regular
# expressions rather than character loops.
_SPACES = re.compile(r"[ \t]*")
_BLANK = re.compile(r"(?:[ \t\r\n]+|#[^\n]*)*")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_BASIC = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
_LITERAL = re.compile(r"'([^'\n]*)'")
# Up to two quote characters may sit just before the closing delimiter: """a""""" is a"".
_MULTILINE_BASIC = re.compile(r'"""(?:[^"\\]|\\[\s\S]|"(?!""))*"""(?:""?)?')
_MULTILINE_LITERAL = re.compile(r"'''[\s\S]*?'''(?:''?)?")
_SCALAR = re.compile(r"[^,\]}\n#]+")
# Everything up to the "[" of the next line that starts with one, skipping strings and
# comments whole. In a document whose arrays hold no arrays (every valid glossary) such a
# line is a table header.
_TO_NEXT_HEADER = re.compile(
    "(?:"
    + "|".join(
        (
            _MULTILINE_BASIC.pattern,
            _MULTILINE_LITERAL.pattern,
            r'"(?:[^"\\\n]|\\.)*"',
            _LITERAL.pattern,
            r"#[^\n]*",
            r"[^\"'#\n]+",
            r"\n(?![ \t]*\[)",
        )
    )
    + r")*+\n[ \t]*(?=\[)"
)
_FIRST_LINE_HEADER = re.compile(r"[ \t]*(?=\[)")
_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


@dataclass(frozen=True)
class Positions:
    """Offsets of paths in a source text, answered as 1-based (line, column)."""

    text: str
    offsets: Mapping[KeyPath, int]

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        index = self.text.find("\n")
        while index != -1:
            starts.append(index + 1)
            index = self.text.find("\n", index + 1)
        return starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of an offset into the text."""
        starts = self._line_starts
        index = bisect.bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1

    def find(self, path: KeyPath) -> tuple[int, int]:
        """Position of ``path``, or of its nearest written ancestor, or (1, 1)."""
        for end in range(len(path), 0, -1):
            offset = self.offsets.get(path[:end])
            if offset is not None:
                return self.line_col(offset)
        return 1, 1


class _Stop(Exception):
    """The text is not what the scanner expects; keep what was found so far."""


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.offsets: dict[KeyPath, int] = {}
        self.array_tables: dict[KeyPath, int] = {}  # resolved path of a [[table]] → items so far

    def peek(self, count: int = 1) -> str:
        return self.text[self.pos : self.pos + count]

    def at_end(self) -> bool:
        return self.pos >= len(self.text)

    def skip_ws(self) -> None:
        self.match(_SPACES)

    def skip_comment(self) -> None:
        if self.peek() == "#":
            end = self.text.find("\n", self.pos)
            self.pos = len(self.text) if end == -1 else end

    def skip_blank(self) -> None:
        """Whitespace, newlines and comments (inside arrays and between statements)."""
        self.match(_BLANK)

    def match(self, pattern: re.Pattern[str]) -> re.Match[str]:
        found = pattern.match(self.text, self.pos)
        if found is None:
            raise _Stop
        self.pos = found.end()
        return found

    def record(self, path: KeyPath, offset: int) -> None:
        self.offsets.setdefault(path, offset)

    def run(self) -> None:
        current: KeyPath = ()
        while True:
            self.skip_blank()
            if self.at_end():
                return
            if self.peek() == "[":
                current = self.header()
            else:
                self.key_value(current)
            self.skip_ws()
            self.skip_comment()

    def run_headers(self) -> None:
        """Only the table headers, jumping from one to the next with one regular expression."""
        first = _FIRST_LINE_HEADER.match(self.text)
        if first is not None:
            self.pos = first.end()
            self.header()
        while True:
            found = _TO_NEXT_HEADER.match(self.text, self.pos)
            if found is None:
                return
            self.pos = found.end()
            self.header()

    def header(self) -> KeyPath:
        """A ``[table]`` or ``[[array.of.tables]]`` header at ``pos``; returns its path."""
        start = self.pos
        if self.peek(2) == "[[":
            self.pos += 2
            keys = self.key_path()
            self.expect("]]")
            base = self.resolve(tuple(k for k, _ in keys[:-1]), start)
            table = (*base, keys[-1][0])
            index = self.array_tables.get(table, 0)
            self.array_tables[table] = index + 1
            self.record(table, start)
            current = (*table, index)
        else:
            self.pos += 1
            keys = self.key_path()
            self.expect("]")
            current = self.resolve(tuple(k for k, _ in keys), start)
        self.record(current, start)
        return current

    def resolve(self, keys: tuple[str, ...], offset: int) -> KeyPath:
        """Header keys → a path, entering the latest item of each array of tables on the way.

        Tables a header creates implicitly (``a`` for ``[a.b]``) are placed at the header.
        """
        path: KeyPath = ()
        for key in keys:
            path = (*path, key)
            self.record(path, offset)
            if path in self.array_tables:
                path = (*path, self.array_tables[path] - 1)
        return path

    def expect(self, token: str) -> None:
        self.skip_ws()
        if not self.text.startswith(token, self.pos):
            raise _Stop
        self.pos += len(token)

    def key_value(self, table: KeyPath) -> None:
        keys = self.key_path()
        path = table
        for key, offset in keys:
            path = (*path, key)
            self.record(path, offset)
        self.expect("=")
        self.skip_ws()
        self.value(path)

    def key_path(self) -> list[tuple[str, int]]:
        """A dotted key: each part with the offset where it starts."""
        parts: list[tuple[str, int]] = []
        while True:
            self.skip_ws()
            offset = self.pos
            char = self.peek()
            if char == '"':
                parts.append((self.basic_string(), offset))
            elif char == "'":
                parts.append((self.literal_string(), offset))
            else:
                parts.append((self.match(_BARE_KEY).group(), offset))
            self.skip_ws()
            if self.peek() != ".":
                return parts
            self.pos += 1

    def value(self, path: KeyPath) -> None:
        char = self.peek()
        if char == '"':
            self.match(_MULTILINE_BASIC if self.peek(3) == '"""' else _BASIC)
        elif char == "'":
            self.match(_MULTILINE_LITERAL if self.peek(3) == "'''" else _LITERAL)
        elif char == "[":
            self.array(path)
        elif char == "{":
            self.inline_table(path)
        else:
            self.match(_SCALAR)  # numbers, booleans, dates: everything up to a delimiter

    def array(self, path: KeyPath) -> None:
        self.pos += 1
        index = 0
        while True:
            self.skip_blank()
            if self.at_end():
                raise _Stop
            if self.peek() == "]":
                self.pos += 1
                return
            item = (*path, index)
            self.record(item, self.pos)
            self.value(item)
            self.skip_blank()
            if self.peek() == ",":
                self.pos += 1
            index += 1

    def inline_table(self, path: KeyPath) -> None:
        self.pos += 1
        while True:
            self.skip_ws()
            if self.at_end():
                raise _Stop
            if self.peek() == "}":
                self.pos += 1
                return
            self.key_value(path)
            self.skip_ws()
            if self.peek() == ",":
                self.pos += 1

    def basic_string(self) -> str:
        """A "..." key (the quote is at ``pos``); returns its decoded content."""
        content = self.match(_BASIC).group(1)
        if "\\" not in content:
            return content
        try:
            return _ESCAPE.sub(_unescape, content)
        except (KeyError, ValueError):
            raise _Stop from None

    def literal_string(self) -> str:
        return self.match(_LITERAL).group(1)


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1)
    if code[0] in "uU":
        return chr(int(code[1:], 16))
    return _ESCAPES[code]


def scan_positions(text: str) -> Positions:
    """Offsets of every key, table header and array item in ``text`` (a valid TOML document).

    ``text`` must be the document as tomllib saw it (CRLF line ends are fine: a CR only
    ends a line together with its LF, so lines and columns agree with tomllib's).
    """
    scanner = _Scanner(text)
    with contextlib.suppress(_Stop, IndexError, ValueError):
        scanner.run()
    return Positions(text, scanner.offsets)


def scan_headers(text: str) -> Positions:
    """Offsets of the table headers only (``[glossary]``, each ``[[term]]``), many times
    faster than :func:`scan_positions`; exact for documents whose arrays hold no arrays
    (a line in a multi-line array that starts with ``[`` would be taken for a header).
    """
    scanner = _Scanner(text)
    with contextlib.suppress(_Stop, IndexError, ValueError):
        scanner.run_headers()
    return Positions(text, scanner.offsets)
