"""A browser-style history: visit places, go back and forward, no UI involved.

The browse screen records the term it leaves and the term it jumps to when a related term
is followed, so Backspace returns along the path and forward retraces it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, TypeVar

__all__ = ["History"]

T = TypeVar("T")


class History(Generic[T]):
    """Places visited in order, with a position that moves back and forth.

    Visiting a place while somewhere in the middle drops everything ahead (as a web
    browser does). Visiting the place already current changes nothing. The oldest places
    are forgotten beyond ``limit``.
    """

    def __init__(self, limit: int = 200) -> None:
        if limit < 1:
            raise ValueError(limit)
        self._items: list[T] = []
        self._position = -1
        self._limit = limit

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    @property
    def current(self) -> T | None:
        """The place we are at, or None before the first visit."""
        return self._items[self._position] if self._position >= 0 else None

    @property
    def position(self) -> int:
        """Index of the current place (-1 when empty)."""
        return self._position

    @property
    def can_go_back(self) -> bool:
        return self._position > 0

    @property
    def can_go_forward(self) -> bool:
        return self._position < len(self._items) - 1

    def visit(self, item: T) -> None:
        """Go to ``item``: it becomes current and anything ahead is forgotten."""
        if self.current == item:
            return
        del self._items[self._position + 1 :]
        self._items.append(item)
        if len(self._items) > self._limit:
            del self._items[: len(self._items) - self._limit]
        self._position = len(self._items) - 1

    def back(self) -> T | None:
        """Step back and return the place now current, or None (no move) at the start."""
        if not self.can_go_back:
            return None
        self._position -= 1
        return self._items[self._position]

    def forward(self) -> T | None:
        """Step forward and return the place now current, or None (no move) at the end."""
        if not self.can_go_forward:
            return None
        self._position += 1
        return self._items[self._position]

    def clear(self) -> None:
        self._items.clear()
        self._position = -1
