"""The glossary model: immutable terms and the glossary that holds them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Glossary", "Term"]


@dataclass(frozen=True, slots=True)
class Term:
    """One glossary entry, with its reading resolved.

    ``syllables`` holds one numbered syllable per hanzi of ``term``, in order
    (``("tan4", "da2", "feng1")``), written with ``v`` for ü and ``5`` for the neutral tone.
    Characters that are not hanzi (digits, Latin letters, brackets) have no syllable.
    ``marks`` is computed with the syllables so that displaying a cached glossary never
    needs pypinyin, and so is ``other_readings``: for each hanzi, the other readings
    (numbered, space-separated; "" for none) that pypinyin gives the character, so that a
    search finds 调峰 (tiáo fēng) by ``diaofeng`` without pypinyin; ``()`` when no hanzi has
    another reading (see :func:`carbon_glossary.core.readings.other_readings`).
    """

    id: str
    term: str
    syllables: tuple[str, ...]
    marks: tuple[str, ...]  # the same syllables with tone marks, for display: ("tàn", "dá", "fēng")
    traditional: str
    english: tuple[str, ...] = ()
    definition: str = ""
    definition_en: str = ""
    category: str = ""
    tags: tuple[str, ...] = ()
    source: str = ""
    aliases: tuple[str, ...] = ()
    related: tuple[str, ...] = ()  # ids of other terms, resolved at load time
    # ids of the terms this one is a kind or a part of (可再生能源 → 非化石能源), resolved at
    # load time: a quiz never offers the two as rival answers
    broader: tuple[str, ...] = ()
    # ids of the terms the glossary calls close in meaning (永续发展 ~ 可持续发展), resolved at
    # load time; the relation is symmetric (naming it on one side is enough) and a quiz never
    # offers the two as rival answers
    near: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    sort_as: str = ""
    position: int = 0  # index in the file: "document order"
    line: int = 0  # line of the term's [[term]] header, for messages
    other_readings: tuple[str, ...] = ()  # per hanzi: pypinyin's other readings, for search


@dataclass(frozen=True, slots=True)
class Glossary:
    """A loaded, valid glossary. ``terms`` is in document (file) order."""

    title: str
    language: str
    version: str
    terms: tuple[Term, ...]
    phrase_pinyin: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    path: str = ""
    # [phrase_traditional]: simplified phrase → traditional form, for core.text.to_traditional
    phrase_traditional: Mapping[str, str] = field(default_factory=dict)
    _by_id: dict[str, Term] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {term.id: term for term in self.terms})

    def by_id(self, term_id: str) -> Term | None:
        """The term with this id, or None."""
        return self._by_id.get(term_id)

    def categories(self) -> list[str]:
        """Categories in order of first appearance."""
        return list(dict.fromkeys(term.category for term in self.terms if term.category))
