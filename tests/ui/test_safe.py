"""Glossary text never reaches the terminal as control codes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from carbon_glossary.ui.safe import visible, visible_line


def test_escape_sequence_is_shown_not_sent() -> None:
    assert visible("\x1b[31m红色") == "␛[31m红色"


def test_markup_is_left_as_text() -> None:
    assert visible("[bold]x[/] [link=https://example.com]y[/link]") == (
        "[bold]x[/] [link=https://example.com]y[/link]"
    )


def test_newlines_kept_in_blocks_and_flattened_in_lines() -> None:
    assert visible("一\n二\t三") == "一\n二 三"
    assert visible_line("一\n二\r三") == "一 二␍三"


def test_c1_controls_and_delete_are_visible() -> None:
    assert visible("a\x9b31mb\x7f") == "a\ufffd31mb␡"


@given(st.text())
def test_one_character_for_one_so_highlight_offsets_hold(text: str) -> None:
    for shown in (visible(text), visible_line(text)):
        assert len(shown) == len(text)
        assert not any(ord(c) < 0x20 and c != "\n" for c in shown)
        assert not any(0x7F <= ord(c) < 0xA0 for c in shown)
