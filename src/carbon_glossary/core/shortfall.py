"""Why fewer questions can be made than were asked for, in words for people.

A kind cannot ask about every term (a pinyin question about a reading longer than the
paper allows, an English→term question about a term without an English name, …). When a
practice round or a paper section asks for more questions than its terms can give, the
person is told how many could be made and why, not handed a shorter round in silence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from carbon_glossary.core.model import Glossary, Term
from carbon_glossary.core.quiz import PINYIN_MAX_SYLLABLES, check_support, kind_name, kind_names
from carbon_glossary.i18n import t

__all__ = ["Unsupported", "unsupported"]


@dataclass(frozen=True, slots=True)
class Unsupported:
    """For each kind, how many of the terms it cannot ask about, by reason.

    Formats (in the language current when formatted, so it can be a parameter of a
    problem message) as a parenthesised clause, or as nothing when every term can be
    asked: ``（2 个术语不能出写拼音题：读音超过 6 个音节 2 个）``.
    """

    by_kind: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]
    possible: int
    """How many distinct (term, kind) questions the terms can give."""
    max_syllables: int | None = PINYIN_MAX_SYLLABLES

    def __bool__(self) -> bool:
        return bool(self.by_kind)

    def __format__(self, spec: str) -> str:
        if not self.by_kind:
            return format("", spec)
        parts = []
        for kind, reasons in self.by_kind:
            labels = t("shortfall.list_separator").join(
                t(
                    "shortfall.reason",
                    label=t(f"shortfall.reason.{reason}", max=self.max_syllables or 0),
                    count=count,
                )
                for reason, count in reasons
            )
            total = sum(count for _, count in reasons)
            parts.append(t("shortfall.kind", count=total, kind=kind_name(kind), reasons=labels))
        details = t("shortfall.separator").join(parts)
        return format(t("shortfall.why", details=details), spec)

    def __str__(self) -> str:
        return format(self, "")


def unsupported(
    glossary: Glossary,
    kinds: Sequence[str],
    terms: Sequence[Term],
    *,
    pinyin_max_syllables: int | None = PINYIN_MAX_SYLLABLES,
) -> Unsupported:
    """What ``kinds`` (every kind when empty) cannot ask about ``terms``, and how many
    questions they can give."""
    by_kind = []
    possible = 0
    for kind in dict.fromkeys(kinds or kind_names()):
        reasons: Counter[str] = Counter()
        for term in terms:
            skip = check_support(glossary, term, kind, pinyin_max_syllables=pinyin_max_syllables)
            if skip is None:
                possible += 1
            else:
                reasons[skip.reason] += 1
        if reasons:
            by_kind.append((kind, tuple(sorted(reasons.items(), key=lambda r: -r[1]))))
    return Unsupported(tuple(by_kind), possible, pinyin_max_syllables)
