"""SVG snapshots of the browse screens at the smallest supported size and a comfortable one.

Deterministic by construction: a fixed glossary (tests/data/ui_glossary.toml), one theme,
the search box's cursor not blinking, user directories isolated (tests/conftest.py), and
every worker finished before the picture is taken. Update with
``pytest tests/ui/test_snapshots.py --snapshot-update`` and look at the report before
committing the new SVGs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input
from ui_support import make_app, settle

from carbon_glossary.core.model import Glossary

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

SnapCompare = Callable[..., bool]


def steps(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """A ``run_before`` script: wait for the glossary, stop the blink, press ``keys``."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        for search_box in pilot.app.query(Input):
            search_box.cursor_blink = False
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
class TestBrowse:
    def test_main_screen(
        self, snap_compare: SnapCompare, glossary: Glossary, size: tuple[int, int]
    ) -> None:
        assert snap_compare(make_app(glossary), terminal_size=size, run_before=steps())

    def test_search_highlights_matches(
        self, snap_compare: SnapCompare, glossary: Glossary, size: tuple[int, int]
    ) -> None:
        run_before = steps("t", "d", "f")
        assert snap_compare(make_app(glossary), terminal_size=size, run_before=run_before)

    def test_detail_card(
        self, snap_compare: SnapCompare, glossary: Glossary, size: tuple[int, int]
    ) -> None:
        run_before = steps("t", "d", "f", "enter", "down")
        assert snap_compare(make_app(glossary), terminal_size=size, run_before=run_before)

    def test_help_screen(
        self, snap_compare: SnapCompare, glossary: Glossary, size: tuple[int, int]
    ) -> None:
        assert snap_compare(make_app(glossary), terminal_size=size, run_before=steps("f1"))

    def test_english_interface(
        self, snap_compare: SnapCompare, glossary: Glossary, size: tuple[int, int]
    ) -> None:
        run_before = steps("t", "d", "f", "tab")
        app = make_app(glossary, "en")
        assert snap_compare(app, terminal_size=size, run_before=run_before)

    def test_markup_like_text_shows_literally(
        self, snap_compare: SnapCompare, glossary: Glossary, size: tuple[int, int]
    ) -> None:
        run_before = steps(*"bjyl", "enter")
        assert snap_compare(make_app(glossary), terminal_size=size, run_before=run_before)
