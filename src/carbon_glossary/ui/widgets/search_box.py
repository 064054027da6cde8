"""The browse screen's search box: printable keys are the query, except ``/``.

``/`` is the Footer's "search" key. Someone who presses it is asking to go to the search
box, not to search for a slash (no term contains one), so it never becomes part of the
query: it is left to the screen's binding, which focuses the box.

``q`` stays text, even in an empty box: pinyin queries start with it (``qjny`` for 清洁能源,
``qgtsc`` for 全国碳市场), so a ``q`` that quit would close the app under someone typing
a search. The way out shown in the Footer while the box has focus is ``Ctrl+Q``.

The hint shown in the empty box has a short form for a narrow box: an Input cuts its
placeholder at the edge without an ellipsis (at 60 columns, 输入汉字、拼音（如 tdf、
tandafeng）或英文搜索；按 ? and no more).
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from textual import events
from textual.widgets import Input

__all__ = ["SearchBox"]


class SearchBox(Input):
    """An Input that leaves ``/`` to the key bindings."""

    NOT_TEXT = frozenset({"slash"})
    """Keys that are never typed into the query."""

    def __init__(self, hints: tuple[str, str], **options: Any) -> None:
        """``hints``: the placeholder, and its short form for when it does not fit."""
        super().__init__(placeholder=hints[0], **options)
        self._hints = hints

    @property
    def hints(self) -> tuple[str, str]:
        return self._hints

    @hints.setter
    def hints(self, hints: tuple[str, str]) -> None:
        self._hints = hints
        self._fit_hint()

    def on_resize(self) -> None:
        self._fit_hint()

    def _fit_hint(self) -> None:
        full, short = self._hints
        width = self.content_region.width
        self.placeholder = full if not width or cell_len(full) <= width else short

    def check_consume_key(self, key: str, character: str | None) -> bool:
        # Seen by the binding chain: a key this box does not consume keeps its binding.
        if key in self.NOT_TEXT:
            return False
        return super().check_consume_key(key, character)

    async def _on_key(self, event: events.Key) -> None:
        if event.key in self.NOT_TEXT:
            # Input's own handler would insert it; let it bubble to the bindings instead.
            event.prevent_default()
