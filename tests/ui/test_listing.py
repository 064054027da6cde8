"""The rows the term list shows: headings, orders, filters, search results (no app needed)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carbon_glossary.core.collate import heading, sort_terms
from carbon_glossary.core.model import Glossary, Term
from carbon_glossary.ui import listing as listing_module
from carbon_glossary.ui.listing import Browser, Heading, runs


def flat(rows: object) -> list[str]:
    return [
        f"# {row.label}" if isinstance(row, Heading) else row.term.id  # type: ignore[attr-defined]
        for row in rows  # type: ignore[attr-defined]
    ]


def grouped_one_by_one(terms: list[Term]) -> list[str]:
    expected: list[str] = []
    current = None
    for term in terms:
        label = heading(term)
        if label != current:
            expected.append(f"# {label}")
            current = label
        expected.append(term.id)
    return expected


def test_full_list_is_in_pinyin_order_under_letter_headings(glossary: Glossary) -> None:
    browser = Browser(glossary)
    listing = browser.listing()
    assert flat(listing.rows) == grouped_one_by_one(sort_terms(glossary.terms))
    assert listing.shown == len(glossary.terms)
    assert listing.headings[0] == ("0–9", 0)
    # The same order once the search index exists (it is then taken from the index).
    indexed = Browser(glossary)
    indexed.prepare()
    assert flat(indexed.listing().rows) == flat(listing.rows)


def test_category_order_groups_under_category_headings(glossary: Glossary) -> None:
    rows = Browser(glossary).listing(sort="category").rows
    labels = [row.label for row in rows if isinstance(row, Heading)]
    assert labels == glossary.categories()
    current = None
    for row in rows:
        if isinstance(row, Heading):
            current = row.label
        else:
            assert row.term.category == current


def test_document_order_has_no_headings(glossary: Glossary) -> None:
    rows = Browser(glossary).listing(sort="document").rows
    assert [row.term.id for row in rows] == [t.id for t in glossary.terms]  # type: ignore[union-attr]


def test_category_filter_drops_empty_headings(glossary: Glossary) -> None:
    listing = Browser(glossary).listing(category="能源")
    terms = [row for row in listing.rows if not isinstance(row, Heading)]
    assert terms and all(row.term.category == "能源" for row in terms)
    for before, after in zip(listing.rows, listing.rows[1:], strict=False):
        assert not (isinstance(before, Heading) and isinstance(after, Heading))
    assert not isinstance(listing.rows[-1], Heading)


def test_search_results_are_ranked_without_headings(glossary: Glossary) -> None:
    listing = Browser(glossary).listing("tdf")
    assert not any(isinstance(row, Heading) for row in listing.rows)
    assert listing.rows[0].term.id == "tan-da-feng"  # type: ignore[union-attr]
    assert listing.positions["tan-da-feng"] == 0
    assert not listing.truncated


def test_results_stop_at_the_limit_and_say_so(
    glossary: Glossary, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(listing_module, "SEARCH_LIMIT", 2)
    listing = Browser(glossary).listing("tan")
    assert listing.shown == 2
    assert listing.truncated
    # With a category filter every match is searched, so the filter cannot hide them.
    filtered = Browser(glossary).listing("tan", category="产业与技术")
    assert not filtered.truncated
    assert filtered.shown >= 1


@given(st.lists(st.sampled_from("AABBBCDD"), max_size=40).map(sorted))
def test_runs_cover_every_term_once_per_label(labels: list[str]) -> None:
    terms = [
        Term(id=str(i), term=label, syllables=(), marks=(), traditional="")
        for i, label in enumerate(labels)
    ]
    found = list(runs(terms, lambda term: term.term))
    assert [label for label, _, _ in found] == sorted(set(labels))
    position = 0
    for label, start, end in found:
        assert start == position and end > start
        assert all(term.term == label for term in terms[start:end])
        position = end
    assert position == len(terms)
