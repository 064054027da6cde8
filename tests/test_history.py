"""The back/forward history used when following related terms."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carbon_glossary.core.history import History


def test_empty_history_goes_nowhere() -> None:
    history: History[str] = History()
    assert history.current is None
    assert history.back() is None
    assert history.forward() is None
    assert not history.can_go_back
    assert not history.can_go_forward


def test_back_and_forward_retrace_visits() -> None:
    history: History[str] = History()
    for place in ("碳达峰", "碳中和", "碳排放"):
        history.visit(place)
    assert history.back() == "碳中和"
    assert history.back() == "碳达峰"
    assert history.back() is None
    assert history.current == "碳达峰"
    assert history.forward() == "碳中和"
    assert history.forward() == "碳排放"
    assert history.forward() is None


def test_visiting_from_the_middle_drops_what_was_ahead() -> None:
    history: History[str] = History()
    for place in ("a", "b", "c"):
        history.visit(place)
    history.back()
    history.back()
    history.visit("d")
    assert list(history) == ["a", "d"]
    assert not history.can_go_forward


def test_visiting_the_current_place_is_not_a_new_step() -> None:
    history: History[str] = History()
    history.visit("a")
    history.visit("a")
    assert list(history) == ["a"]


def test_limit_forgets_the_oldest() -> None:
    history: History[int] = History(limit=3)
    for place in range(5):
        history.visit(place)
    assert list(history) == [2, 3, 4]
    assert history.current == 4
    assert history.back() == 3


def test_limit_must_be_positive() -> None:
    with pytest.raises(ValueError):
        History(limit=0)


@given(st.lists(st.one_of(st.integers(0, 5), st.sampled_from(["back", "forward"]))))
def test_position_always_points_at_an_item(steps: list[int | str]) -> None:
    history: History[int] = History(limit=4)
    for step in steps:
        if step == "back":
            history.back()
        elif step == "forward":
            history.forward()
        else:
            assert isinstance(step, int)
            history.visit(step)
            assert history.current == step
        assert len(history) <= 4
        assert (history.current is None) == (len(history) == 0)
        if len(history):
            assert 0 <= history.position < len(history)
