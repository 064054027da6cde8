"""Pilot tests of the term list's columns on the shipped glossary, as a person sees them
(QA findings 2, item 4: the widest title kept every reading cut at 100 columns)."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot
from ui_support import UI_GLOSSARY, browse, make_app, settle

from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.model import Glossary, Term
from carbon_glossary.ui.listing import Heading
from carbon_glossary.ui.widgets.term_list import TermList, pinyin_of

SIZES = [(60, 20), (80, 24), (100, 30), (120, 40)]
SHIPPED_GLOSSARY = UI_GLOSSARY.parent.parent.parent / "glossary.toml"
TITLE = "《关于〈槐荫区碳达峰工作方案〉的解读》"


@pytest.fixture(scope="module")
def shipped() -> Glossary:
    return load_glossary(SHIPPED_GLOSSARY)


def cut_cells(line: str, start: int, size: int) -> str:
    """The part of ``line`` in cells ``start`` to ``start + size``."""
    out, position = [], 0
    for char in line:
        width = cell_len(char)
        if start <= position and position + width <= start + size:
            out.append(char)
        position += width
    return "".join(out)


async def shown_rows(pilot: Pilot[object], term_list: TermList) -> dict[str, tuple[str, str]]:
    """Every term's (term cell, reading cell) as drawn, scrolling the list page by page."""
    width = term_list.scrollable_content_region.width
    height = term_list.scrollable_content_region.height
    columns = term_list.columns(width)
    shown: dict[str, tuple[str, str]] = {}
    for top in range(0, len(term_list.rows), height):
        term_list.scroll_to(y=top, animate=False, immediate=True)
        await pilot.pause()
        assert int(term_list.scroll_y) == min(top, len(term_list.rows) - height)
        for y in range(height):
            index = y + int(term_list.scroll_y)
            row = term_list.rows[index] if index < len(term_list.rows) else None
            if row is None or isinstance(row, Heading):
                continue
            line = term_list.render_line(y).text
            shown[row.term.term] = (
                cut_cells(line, 1, columns.term).rstrip(),
                cut_cells(line, 3 + columns.term, columns.pinyin).rstrip(),
            )
    return shown


def by(glossary: Glossary, text: str) -> Term:
    return next(term for term in glossary.terms if term.term == text)


def reading(term: Term) -> str:
    return pinyin_of(term.term, term.marks)


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_readings_get_the_room_the_terms_do_not_need(
    shipped: Glossary, size: tuple[int, int], language: str
) -> None:
    app = make_app(shipped, language)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        shown = await shown_rows(pilot, browse(pilot).term_list)
    assert len(shown) == len(shipped.terms)
    by_text = {term.term: term for term in shipped.terms}
    # The finding's example: a four-character term beside a cut reading.
    assert shown["能源消费"] == ("能源消费", "néng yuán xiāo fèi")
    # Two readings in three are whole at every size, in either language.
    whole_readings = [text for text, (_, cell) in shown.items() if cell == reading(by_text[text])]
    assert len(whole_readings) * 3 >= len(shown) * 2, (size, len(whole_readings))
    # The term still comes first: no term is cut save the longest policy titles (the two
    # over 26 cells), and what is cut ends with "…".
    for text, (cell, _) in shown.items():
        if cell_len(text) <= 26:
            assert cell == text, (size, text, cell)
        elif cell != text:
            assert cell.endswith("…") and text.startswith(cell[:-1]), (size, text, cell)
        if cell != text:
            assert cell_len(text) > 26


async def test_at_100_columns_only_the_two_longest_titles_are_cut(shipped: Glossary) -> None:
    app = make_app(shipped)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        shown = await shown_rows(pilot, browse(pilot).term_list)
    cut = sorted(text for text, (cell, _) in shown.items() if cell != text)
    assert cut == [TITLE, "《济南市槐荫区碳达峰工作方案》"]
    assert shown[TITLE][0] == "《关于〈槐荫区碳达峰工作…"
    assert shown["《2030年前碳达峰行动方案》"][0] == "《2030年前碳达峰行动方案》"
    assert shown["分布式能源系统"][1] == "fēn bù shì néng yuán xì …"


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (160, 40)], ids=str)
async def test_where_the_list_has_room_only_the_longest_title_is_cut(
    shipped: Glossary, size: tuple[int, int]
) -> None:
    # Holding its 38 cells, the term column left 72 readings of 97 whole at 120x40 (24
    # cells), 61 at 80x24 (22 beside the English); cutting it, 89 and 88.
    app = make_app(shipped)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        shown = await shown_rows(pilot, browse(pilot).term_list)
    assert [text for text, (cell, _) in shown.items() if cell != text] == [TITLE]
    whole_readings = [
        text for text, (_, cell) in shown.items() if cell == reading(by(shipped, text))
    ]
    assert len(whole_readings) >= 88, size
