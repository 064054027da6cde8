"""What the term list shows for a query, a sort order and a category filter.

A thin layer over ``core.search`` and ``core.collate``: it only arranges their results into
rows (letter or category headings followed by terms) and remembers where each term sits.
No textual here, so it runs in a worker thread and is tested without an app.

The full list needs only collation, so the first screen is drawn before the search index
exists; the index is built on first use (``prepare()`` builds it ahead, from a worker).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple, Protocol

from carbon_glossary.core.model import Glossary, Term

if TYPE_CHECKING:
    from carbon_glossary.core.search import SearchIndex

__all__ = [
    "SEARCH_LIMIT",
    "SORT_MODES",
    "Browser",
    "Heading",
    "Listed",
    "Listing",
    "SortMode",
    "TermRow",
]

SortMode = Literal["pinyin", "category", "document"]
SORT_MODES: tuple[SortMode, ...] = ("pinyin", "category", "document")

SEARCH_LIMIT = 1000
"""Results kept for a query. Nobody reads past the first thousand of a ranked list, and
collecting every match of a one-letter query in 100k terms takes half a second."""

Spans = Mapping[str, tuple[tuple[int, int], ...]]
_NO_SPANS: Spans = {}


class Heading(NamedTuple):
    """A heading row: a letter (``A``, ``0–9``) or a category name (``""``: no category)."""

    label: str


class TermRow(Protocol):
    """A term row: a ``core.search.Match``, or a plain term of the unfiltered list."""

    @property
    def term(self) -> Term: ...

    @property
    def spans(self) -> Spans: ...


class Listed:
    """A term in the unfiltered list (nothing to highlight). A plain class: the full list
    of a large glossary makes 100,000 of these, and a frozen dataclass is slow to build."""

    __slots__ = ("term",)
    spans: Spans = _NO_SPANS

    def __init__(self, term: Term) -> None:
        self.term = term

    def __repr__(self) -> str:
        return f"Listed({self.term.id!r})"


class Listing(NamedTuple):
    """The rows of one view, and where each term is among them. (A named tuple: as
    immutable as a frozen dataclass, and a tenth of the cost to define, which every start
    pays.)"""

    rows: Sequence[Heading | TermRow]
    positions: Mapping[str, int]  # term id → row index
    shown: int  # how many terms are shown (the rows that are not headings)
    query: str
    sort: SortMode
    category: str | None
    truncated: bool = False  # the search stopped at SEARCH_LIMIT results

    @property
    def headings(self) -> list[tuple[str, int]]:
        """Each heading's label and row index, in order."""
        return [(row.label, i) for i, row in enumerate(self.rows) if isinstance(row, Heading)]


class Browser:
    """Answers the browse screen's questions about one glossary. Safe to use from one
    worker thread at a time besides the UI thread (the caches are filled under a lock)."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._index: SearchIndex | None = None
        self._unfiltered: dict[SortMode, list[Heading | TermRow]] = {}
        self._index_lock = threading.Lock()
        self._rows_lock = threading.Lock()

    @property
    def index(self) -> SearchIndex:
        """The search index, built on first use (slow for a large glossary)."""
        with self._index_lock:
            if self._index is None:
                from carbon_glossary.core.search import SearchIndex

                self._index = SearchIndex.build(self.glossary)
            return self._index

    @property
    def indexed(self) -> bool:
        return self._index is not None

    def prepare(self) -> None:
        """Build the index now (from a worker), so the first keystroke does not wait."""
        self.index  # noqa: B018

    def listing(
        self, query: str = "", sort: SortMode = "pinyin", category: str | None = None
    ) -> Listing:
        """Rows for this view: ranked matches for a query, else every term under headings."""
        query = query.strip()
        rows: Sequence[Heading | TermRow]
        truncated = False
        if query:
            # With a category filter every match is needed, or the limit could hide them all.
            limit = SEARCH_LIMIT if category is None else None
            matches: list[TermRow] = list(self.index.search(query, limit=limit))
            truncated = limit is not None and len(matches) >= limit
            if category is not None:
                matches = [m for m in matches if m.term.category == category]
            rows = matches
        else:
            rows = self._grouped(sort)
            if category is not None:
                rows = _without_empty_headings(
                    [r for r in rows if isinstance(r, Heading) or r.term.category == category]
                )
        positions = {row.term.id: i for i, row in enumerate(rows) if not isinstance(row, Heading)}
        return Listing(rows, positions, len(positions), query, sort, category, truncated)

    def _grouped(self, sort: SortMode) -> list[Heading | TermRow]:
        with self._rows_lock:
            cached = self._unfiltered.get(sort)
            if cached is None:
                cached = self._unfiltered[sort] = self._group(sort)
            return cached

    def _group(self, sort: SortMode) -> list[Heading | TermRow]:
        from carbon_glossary.core.collate import heading, sort_terms

        rows: list[Heading | TermRow] = []
        if sort == "document":
            rows.extend(Listed(term) for term in self.glossary.terms)
            return rows
        # The index keeps the terms in pinyin order: reuse it rather than sort again.
        index = self._index
        in_pinyin_order = (
            list(index.terms) if index is not None else sort_terms(self.glossary.terms)
        )
        if sort == "category":
            order = {name: i for i, name in enumerate(self.glossary.categories())}
            last = len(order)
            terms = sorted(in_pinyin_order, key=lambda term: order.get(term.category, last))
            label_of = _category_of
        else:
            terms = in_pinyin_order
            label_of = heading
        for label, start, end in runs(terms, label_of):
            rows.append(Heading(label))
            rows.extend(map(Listed, terms[start:end]))
        return rows


def runs(terms: Sequence[Term], label_of: Callable[[Term], str]) -> Iterator[tuple[str, int, int]]:
    """(label, start, end) of each run of terms under one heading.

    Terms in dictionary order come grouped by heading, so each run's end is found by
    galloping and bisection: a few hundred ``label_of`` calls for 100,000 terms instead of
    one per term. Were a label ever to recur later, it would simply get a second run.
    """
    start, count = 0, len(terms)
    while start < count:
        label = label_of(terms[start])
        low, step = start, 1  # terms[low] has the label
        high = start + 1
        while high < count and label_of(terms[high]) == label:
            low, step = high, step * 2
            high = start + step
        high = min(high, count)  # terms[high] (if any) has another label
        while high - low > 1:
            middle = (low + high) // 2
            if label_of(terms[middle]) == label:
                low = middle
            else:
                high = middle
        yield label, start, low + 1
        start = low + 1


def _category_of(term: Term) -> str:
    return term.category


def _without_empty_headings(rows: list[Heading | TermRow]) -> list[Heading | TermRow]:
    kept: list[Heading | TermRow] = []
    for i, row in enumerate(rows):
        if isinstance(row, Heading):
            following = rows[i + 1] if i + 1 < len(rows) else None
            if following is None or isinstance(following, Heading):
                continue
        kept.append(row)
    return kept
