"""A question, why one could not be made (:class:`Skip`), and the outcome of an answer.

These are the same for every kind; what differs by kind is in its
:class:`~carbon_glossary.core.kinds.spec.KindSpec`, which a question finds by its ``kind``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple, TypeAlias

from carbon_glossary.core.grading import PinyinGrade
from carbon_glossary.core.kinds.spec import KindSpec, Mode, spec_for
from carbon_glossary.i18n import get_language, t

__all__ = [
    "NOTHING_SHOWN",
    "TRUE_FALSE_OPTIONS",
    "Given",
    "Kind",
    "Question",
    "Shown",
    "Skip",
    "SkipReason",
    "Verdict",
    "instruction",
    "kind_name",
    "option_label",
]

Kind: TypeAlias = str
"""A kind's name, as registered (see :func:`~carbon_glossary.core.kinds.spec.kind_names`)."""

SkipReason = Literal[
    "no_definition",
    "no_english",
    "no_reading",
    "no_sentence",
    "too_few_terms",
    "unknown_kind",
    "too_long",
    "giveaway",
    "no_polyphone",
]

# True/false options are content, like the glossary (zh-CN), so a paper is the same in any
# interface language; a UI may label them by index (0 = true, 1 = false).
TRUE_FALSE_OPTIONS = ("对", "错")

Given: TypeAlias = str | int | bool | Sequence[int | None] | Mapping[int, int] | None
"""An answer as a UI or an answer sheet gives it.

Choice kinds: the option index, the option text, its letter (``"B"``), or for term answers the
term typed (traditional forms and aliases accepted). True/false: also a bool or 对/错/true/….
Pinyin: the typed reading. Match: for each item the index of the option chosen (None for
none), a mapping item → option, or text such as ``"1C 2A 3E 4B 5D"`` or ``"CAEBD"``.
"""


def _spec(kind: str) -> KindSpec:
    spec = spec_for(kind)
    if spec is None:
        raise KeyError(f"no question kind {kind!r} is registered")
    return spec


@dataclass(frozen=True, slots=True)
class Question:
    """One question, with everything a UI needs to show it and to explain the answer.

    ``prompt`` is glossary text (a term, a definition with the term blanked, an English name,
    a sentence with a blank); the instruction for the kind comes from :func:`instruction`.
    ``options`` are the choices (choice kinds) or, for ``match``, the definitions to pair with
    ``items`` (the terms); ``answer`` is the right answer as text and ``answer_index`` its
    position in ``options``. For ``match``, ``pairs[i]`` is the option of ``items[i]`` and
    ``answer`` reads ``"1C 2A 3E 4B 5D"`` (items numbered from 1, options lettered from A).

    ``term``, ``pinyin``, ``definition`` (and ``definition_en``), ``category`` and ``source``
    describe the term asked about, for the explanation; ``source`` is where the text shown
    comes from. ``notes`` are further facts the explanation shows, as content (zh-CN), such
    as where a character's other readings are used.
    """

    kind: Kind
    term_id: str
    prompt: str
    options: tuple[str, ...] = ()
    answer: str = ""
    answer_index: int | None = None
    statement: str = ""  # truefalse: the definition shown with the term
    statement_term: str = ""  # truefalse: whose definition that is
    items: tuple[str, ...] = ()  # match: the terms, in the order shown
    item_ids: tuple[str, ...] = ()  # match: their ids
    pairs: tuple[int, ...] = ()  # match: pairs[i] = index in options of items[i]'s definition
    accepted: tuple[str, ...] = ()  # term answers: the forms accepted when typed
    syllables: tuple[str, ...] = ()  # pinyin: the expected numbered syllables
    term: str = ""
    pinyin: str = ""
    definition: str = ""
    definition_en: str = ""
    category: str = ""
    source: str = ""
    notes: tuple[str, ...] = ()
    # the terms whose names or definitions are offered as wrong answers (a true/false
    # question keyed 错: the term whose definition is shown)
    offered_ids: tuple[str, ...] = ()
    reading_char: str = ""  # reading: the character asked about

    @property
    def spec(self) -> KindSpec:
        """The spec of this question's kind."""
        return _spec(self.kind)

    @property
    def mode(self) -> Mode:
        """How this question is answered (see :data:`~carbon_glossary.core.kinds.spec.Mode`)."""
        return self.spec.mode

    @property
    def term_ids(self) -> tuple[str, ...]:
        """The terms this question tests (a match question tests five)."""
        return self.item_ids if self.mode == "match" else (self.term_id,)

    @property
    def is_choice(self) -> bool:
        return self.spec.is_choice

    @property
    def is_typed(self) -> bool:
        return self.spec.is_typed


class Shown(NamedTuple):
    """What the other questions of one paper or practice round already ask, for a new
    question to stay clear of (QA findings 2, items 3 and 6): the terms asked about are not
    offered as another question's wrong options, so knowing one answer does not strike an
    option elsewhere, and the terms offered so are not asked about (a matching question
    leaves them out of its items); a character asked in its reading (省 shěng) is not asked
    again."""

    subjects: frozenset[str] = frozenset()
    readings: frozenset[tuple[str, str]] = frozenset()
    offered: frozenset[str] = frozenset()


NOTHING_SHOWN = Shown()


@dataclass(frozen=True, slots=True)
class Skip:
    """A question that could not be made for a term, and why (show :meth:`message`)."""

    kind: str
    term_id: str
    reason: SkipReason
    term: str = ""

    def message(self) -> str:
        return t(
            f"quiz.skip.{self.reason}", kind=kind_name(self.kind), term=self.term or self.term_id
        )


@dataclass(frozen=True, slots=True)
class Verdict:
    """The outcome of one answer.

    ``score`` is 1.0 or 0.0, except for ``match`` where it is the share of pairs right.
    ``given`` is the answer for display and storage ("" when unanswered): the option's text
    when one was picked, a typed pinyin answer exactly as typed (spaces and all; the grader's
    reading of it is ``pinyin.given``); ``chosen`` the option picked (choice kinds);
    ``pinyin`` the syllable-by-syllable grading (pinyin kind); ``pairs`` the option picked
    for each item and ``pairs_correct`` which of them are right (match).
    """

    question: Question
    correct: bool
    score: float
    given: str = ""
    chosen: int | None = None
    pinyin: PinyinGrade | None = None
    pairs: tuple[int | None, ...] = ()
    pairs_correct: tuple[bool, ...] = ()
    unanswered: bool = False

    def explain(self) -> tuple[str, ...]:
        """Lines explaining the outcome in the current interface language: the verdict, what
        was wrong, the right answer, then the term's reading, definition and source.

        The definition is the Chinese one, which is what is being learnt; an English interface
        adds the English definition after it when the glossary has one. When the options are
        definitions (term-def) the definition is the answer and is not repeated; the right
        answer is given in full, with the term the options blank out."""
        q = self.question
        spec = q.spec
        lines: list[str] = []
        if self.correct:
            lines.append(t("quiz.verdict.correct"))
        elif self.unanswered:
            lines.append(t("quiz.verdict.unanswered"))
        elif spec.mode == "match":
            right = sum(self.pairs_correct)
            lines.append(t("quiz.verdict.match_score", right=right, total=len(q.items)))
        else:
            lines.append(t("quiz.verdict.wrong"))
        if not self.correct:
            if self.pinyin is not None:
                lines.extend(self.pinyin.messages())
            if spec.mode == "match":
                for i, ok in enumerate(self.pairs_correct or (False,) * len(q.items)):
                    if not ok:
                        lines.append(
                            t(
                                "quiz.verdict.pair",
                                term=q.items[i],
                                definition=q.options[q.pairs[i]],
                            )
                        )
            elif spec.mode == "truefalse":
                if q.answer_index == 1:
                    lines.append(t("quiz.verdict.belongs_to", term=q.statement_term))
                lines.append(t("quiz.verdict.answer", answer=q.answer))
            elif spec.options_are_definitions:
                # The options hide each term in its definition; the explanation need not.
                lines.append(t("quiz.verdict.answer", answer=q.definition or q.answer))
            else:
                lines.append(t("quiz.verdict.answer", answer=q.answer))
        lines.extend(q.notes)
        if spec.mode != "match":
            lines.append(t("quiz.verdict.term", term=q.term, pinyin=q.pinyin))
            # When the definition is the answer, it was picked or given as the right one.
            if q.definition and not spec.options_are_definitions:
                lines.append(t("quiz.verdict.definition", definition=q.definition))
            if q.definition_en and get_language() == "en":
                lines.append(t("quiz.verdict.definition_en", definition=q.definition_en))
            if q.source:
                lines.append(t("quiz.verdict.source", source=q.source))
        return tuple(lines)


def kind_name(kind: str) -> str:
    """The kind's name for people (术语→定义 …), in the current interface language."""
    spec = spec_for(kind)
    return t(spec.label_key) if spec is not None else kind


# How the glossary marks a sentence quoted from its source document (README).
QUOTE_MARK = "【解读原文】"


def instruction(kind: str, prompt: str = "") -> str:
    """What the person answering should do, for this kind (选出这个术语的正确定义 …), and for
    a question showing ``prompt``: a sentence to fill that is quoted from the source
    document asks for the document's own word (推动＿＿建设 is 分布式能源系统 there, though
    新型电力系统 would make another true sentence: QA findings 2, item 31)."""
    spec = spec_for(kind)
    if spec is None:
        return ""
    if spec.mode == "typed-or-choice" and prompt.startswith(QUOTE_MARK):
        return t("quiz.instruction.quoted_blank")
    return t(spec.instruction_key)


def option_label(index: int) -> str:
    """A, B, C … for option ``index``."""
    return chr(ord("A") + index) if 0 <= index < 26 else str(index + 1)
