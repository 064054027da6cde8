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
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

__all__ = ["KeyPath", "Positions", "scan_positions"]

KeyPath = tuple[str | int, ...]

_BARE_KEY = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
_WS = " \t"
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
        while not self.at_end() and self.text[self.pos] in _WS:
            self.pos += 1

    def skip_comment(self) -> None:
        if self.peek() == "#":
            end = self.text.find("\n", self.pos)
            self.pos = len(self.text) if end == -1 else end

    def skip_blank(self) -> None:
        """Whitespace, newlines and comments (inside arrays and between statements)."""
        while not self.at_end():
            char = self.text[self.pos]
            if char in " \t\r\n":
                self.pos += 1
            elif char == "#":
                self.skip_comment()
            else:
                return

    def record(self, path: KeyPath, offset: int) -> None:
        self.offsets.setdefault(path, offset)

    def run(self) -> None:
        current: KeyPath = ()
        while True:
            self.skip_blank()
            if self.at_end():
                return
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
                self.record(current, start)
            elif self.peek() == "[":
                self.pos += 1
                keys = self.key_path()
                self.expect("]")
                current = self.resolve(tuple(k for k, _ in keys), start)
                self.record(current, start)
            else:
                self.key_value(current)
            self.skip_ws()
            self.skip_comment()

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
                end = self.pos
                while end < len(self.text) and self.text[end] in _BARE_KEY:
                    end += 1
                if end == self.pos:
                    raise _Stop
                parts.append((self.text[self.pos : end], offset))
                self.pos = end
            self.skip_ws()
            if self.peek() != ".":
                return parts
            self.pos += 1

    def value(self, path: KeyPath) -> None:
        if self.peek(3) == '"""':
            self.multiline('"""', escapes=True)
        elif self.peek(3) == "'''":
            self.multiline("'''", escapes=False)
        elif self.peek() == '"':
            self.basic_string()
        elif self.peek() == "'":
            self.literal_string()
        elif self.peek() == "[":
            self.array(path)
        elif self.peek() == "{":
            self.inline_table(path)
        else:
            self.scalar()

    def scalar(self) -> None:
        """Numbers, booleans, dates: everything up to a delimiter."""
        start = self.pos
        while not self.at_end() and self.text[self.pos] not in ",]}\n#":
            self.pos += 1
        if self.pos == start:
            raise _Stop

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
        """A "..." string (the quote is at ``pos``); returns its decoded content."""
        self.pos += 1
        out: list[str] = []
        while True:
            if self.at_end():
                raise _Stop
            char = self.text[self.pos]
            if char == '"':
                self.pos += 1
                return "".join(out)
            if char == "\n":
                raise _Stop
            if char == "\\":
                out.append(self.escape())
            else:
                out.append(char)
                self.pos += 1

    def escape(self) -> str:
        code = self.text[self.pos + 1 : self.pos + 2]
        if code in _ESCAPES:
            self.pos += 2
            return _ESCAPES[code]
        width = {"u": 4, "U": 8}.get(code)
        if width is None:
            raise _Stop
        digits = self.text[self.pos + 2 : self.pos + 2 + width]
        self.pos += 2 + width
        try:
            return chr(int(digits, 16))
        except ValueError:
            raise _Stop from None

    def literal_string(self) -> str:
        end = self.text.find("'", self.pos + 1)
        newline = self.text.find("\n", self.pos + 1)
        if end == -1 or (newline != -1 and newline < end):
            raise _Stop
        content = self.text[self.pos + 1 : end]
        self.pos = end + 1
        return content

    def multiline(self, quote: str, *, escapes: bool) -> None:
        self.pos += 3
        while True:
            if self.at_end():
                raise _Stop
            if escapes and self.text[self.pos] == "\\":
                self.pos += 2
                continue
            if self.text.startswith(quote, self.pos):
                self.pos += 3
                # Up to two quote characters may sit just before the closing delimiter.
                extra = 0
                while extra < 2 and self.peek() == quote[0]:
                    self.pos += 1
                    extra += 1
                return
            self.pos += 1


def scan_positions(text: str) -> Positions:
    """Offsets of every key, table header and array item in ``text`` (a valid TOML document).

    ``text`` must be the document as tomllib saw it (CRLF line ends are fine: a CR only
    ends a line together with its LF, so lines and columns agree with tomllib's).
    """
    scanner = _Scanner(text)
    with contextlib.suppress(_Stop, IndexError, ValueError):
        scanner.run()
    return Positions(text, scanner.offsets)
