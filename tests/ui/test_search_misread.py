"""Pilot tests of what the browse screen shows for a 多音字 searched by another reading, and
for a search that finds nothing (QA findings 2, item 1)."""

from __future__ import annotations

import pytest
from ui_support import make_app, settle, type_text

from carbon_glossary.core.model import Glossary
from carbon_glossary.i18n import en, zh
from carbon_glossary.ui.listing import Heading
from carbon_glossary.ui.widgets.term_list import TermList


async def test_diaofeng_lists_tiao_feng_under_its_own_reading(glossary: Glossary) -> None:
    """Whoever reads 调 as diào finds 调峰; its row shows how it is read: tiáo fēng."""
    app = make_app(glossary)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_text(pilot, "diaofeng")
        term_list = app.screen.query_one(TermList)
        rows = [row for row in term_list.rows if not isinstance(row, Heading)]
        assert [row.term.term for row in rows] == ["调峰"]
        shown = "\n".join(term_list.render_line(y).text for y in range(3))
        assert "tiáo fēng" in shown and "diào" not in shown


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize(("size", "lines"), [((100, 30), 1), ((40, 20), 2)])
async def test_the_no_match_hint_is_never_cut(
    glossary: Glossary, language: str, size: tuple[int, int], lines: int
) -> None:
    """The hint under "no term matches" was cut with … at 100 columns; it now fits there,
    and where the list is narrower it wraps onto the next lines instead."""
    app = make_app(glossary, language)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await type_text(pilot, "qqqq")
        term_list = app.screen.query_one(TermList)
        assert term_list.rows == []
        shown = [term_list.render_line(y).text.strip() for y in range(2, 2 + lines + 1)]
        hint = (zh if language == "zh" else en).MESSAGES["ui.list.empty_hint"]
        assert shown[-1] == ""  # nothing after the hint
        assert len(shown[:-1]) == lines and all(shown[:-1])
        joined = ("" if language == "zh" else " ").join(shown[:-1])
        assert joined == hint and "…" not in joined
