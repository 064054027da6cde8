"""The quiz engine: questions made from a glossary, and answers checked against them.

Everything is pure and every random choice comes from the ``random.Random`` passed in, so a
seed reproduces a quiz exactly (exam papers rely on it). Terms are always visited in document
order and never through a set, so the result does not depend on hash order either.

Seven kinds of question:

``term-def``   the term is shown; pick its definition among 4.
``def-term``   a definition is shown (its own term blanked); pick the term among 4.
``en-term``    an English name is shown; pick the term among 4.
``pinyin``     the term is shown; type its reading.
``cloze``      an example or definition with the term blanked; type the term or pick among 4.
``truefalse``  a term with a definition, its own or another's; say whether it fits.
``match``      5 terms and their 5 definitions, shuffled; pair them up.

A kind that a term cannot support (no English, no sentence to blank, too few other terms to
draw distractors from) gives a :class:`Skip` with a reason the caller can show, never an error.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias, cast, get_args

from carbon_glossary.core.grading import (
    PinyinGrade,
    grade_pinyin,
    grade_text,
    normalise_text,
)
from carbon_glossary.core.model import Glossary, Term
from carbon_glossary.core.pinyin import display_pinyin, is_hanzi, split_tone
from carbon_glossary.i18n import get_language, t

__all__ = [
    "BLANK",
    "CHOICE_KINDS",
    "KINDS",
    "MATCH_SIZE",
    "OPTION_COUNT",
    "TRUE_FALSE_OPTIONS",
    "Given",
    "Kind",
    "Question",
    "Skip",
    "SkipReason",
    "Verdict",
    "check_answer",
    "check_support",
    "instruction",
    "kind_name",
    "make_question",
    "make_quiz",
    "mask_term",
    "option_label",
    "supported_terms",
]

Kind = Literal["term-def", "def-term", "en-term", "pinyin", "cloze", "truefalse", "match"]
KINDS: tuple[Kind, ...] = get_args(Kind)
# Kinds answered by picking one of ``options`` (cloze may also be typed).
CHOICE_KINDS: frozenset[str] = frozenset({"term-def", "def-term", "en-term", "cloze", "truefalse"})
# Kinds whose answer is a term, so a typed term (traditional, alias) is accepted too.
_TERM_ANSWER_KINDS = frozenset({"def-term", "en-term", "cloze"})

SkipReason = Literal[
    "no_definition", "no_english", "no_reading", "no_sentence", "too_few_terms", "unknown_kind"
]

BLANK = "＿＿"
OPTION_COUNT = 4
MATCH_SIZE = 5
# True/false options are content, like the glossary (zh-CN), so a paper is the same in any
# interface language; a UI may label them by index (0 = true, 1 = false).
TRUE_FALSE_OPTIONS = ("对", "错")
_TRUE_WORDS = frozenset({"对", "是", "正确", "真", "√", "✓", "✔", "t", "true", "y", "yes", "right"})
_FALSE_WORDS = frozenset(
    {"错", "否", "错误", "假", "×", "✗", "✘", "f", "false", "n", "no", "wrong"}
)

Given: TypeAlias = str | int | bool | Sequence[int | None] | Mapping[int, int] | None
"""An answer as a UI or an answer sheet gives it.

Choice kinds: the option index, the option text, its letter (``"B"``), or for term answers the
term typed (traditional forms and aliases accepted). True/false: also a bool or 对/错/true/….
Pinyin: the typed reading. Match: for each item the index of the option chosen (None for
none), a mapping item → option, or text such as ``"1C 2A 3E 4B 5D"`` or ``"CAEBD"``.
"""


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
    comes from.
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

    @property
    def term_ids(self) -> tuple[str, ...]:
        """The terms this question tests (a match question tests five)."""
        return self.item_ids if self.kind == "match" else (self.term_id,)

    @property
    def is_choice(self) -> bool:
        return self.kind in CHOICE_KINDS


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
        adds the English definition after it when the glossary has one. For ``term-def`` the
        definition is the answer and is not repeated; the right answer is given in full, with
        the term the options blank out."""
        q = self.question
        lines: list[str] = []
        if self.correct:
            lines.append(t("quiz.verdict.correct"))
        elif self.unanswered:
            lines.append(t("quiz.verdict.unanswered"))
        elif q.kind == "match":
            right = sum(self.pairs_correct)
            lines.append(t("quiz.verdict.match_score", right=right, total=len(q.items)))
        else:
            lines.append(t("quiz.verdict.wrong"))
        if not self.correct:
            if self.pinyin is not None:
                lines.extend(self.pinyin.messages())
            if q.kind == "match":
                for i, ok in enumerate(self.pairs_correct or (False,) * len(q.items)):
                    if not ok:
                        lines.append(
                            t(
                                "quiz.verdict.pair",
                                term=q.items[i],
                                definition=q.options[q.pairs[i]],
                            )
                        )
            elif q.kind == "truefalse":
                if q.answer_index == 1:
                    lines.append(t("quiz.verdict.belongs_to", term=q.statement_term))
                lines.append(t("quiz.verdict.answer", answer=q.answer))
            elif q.kind == "term-def":
                # The options hide each term in its definition; the explanation need not.
                lines.append(t("quiz.verdict.answer", answer=q.definition or q.answer))
            else:
                lines.append(t("quiz.verdict.answer", answer=q.answer))
        if q.kind != "match":
            lines.append(t("quiz.verdict.term", term=q.term, pinyin=q.pinyin))
            # For term-def the definition is the answer: picked, or given as the right one.
            if q.definition and q.kind != "term-def":
                lines.append(t("quiz.verdict.definition", definition=q.definition))
            if q.definition_en and get_language() == "en":
                lines.append(t("quiz.verdict.definition_en", definition=q.definition_en))
            if q.source:
                lines.append(t("quiz.verdict.source", source=q.source))
        return tuple(lines)


def kind_name(kind: str) -> str:
    """The kind's name for people (术语→定义 …), in the current interface language."""
    return t(f"quiz.kind.{kind}")


def instruction(kind: str) -> str:
    """What the person answering should do, for this kind (选出这个术语的正确定义 …)."""
    return t(f"quiz.instruction.{kind}")


def option_label(index: int) -> str:
    """A, B, C … for option ``index``."""
    return chr(ord("A") + index) if 0 <= index < 26 else str(index + 1)


def _forms(term: Term) -> tuple[str, ...]:
    """The written forms of a term: itself, its traditional form and its aliases."""
    forms = [term.term, term.traditional, *term.aliases]
    return tuple(dict.fromkeys(f for f in forms if f and f.strip()))


def _own_pattern(
    term: Term, protected: Iterable[str] = ()
) -> tuple[re.Pattern[str], set[str]] | None:
    """A pattern finding the term's forms and the ``protected`` longer words containing them
    (matched so that they can be left alone), longest first; and the term's own forms."""
    own = _forms(term)
    if not own:
        return None
    own_keys = {f.casefold() for f in own}
    alternatives = sorted(set(own) | set(protected), key=lambda f: (-len(f), f))
    pattern = re.compile("|".join(re.escape(f) for f in alternatives), re.IGNORECASE)
    return pattern, own_keys


def mask_term(text: str, term: Term, glossary: Glossary | None = None) -> str:
    """``text`` with every written form of ``term`` replaced by :data:`BLANK`, longest first
    (碳达峰碳中和 is blanked whole, not as 碳达峰 + 碳中和), Latin letters in any case.

    With ``glossary``, a form inside a longer term of the glossary is left alone: masking
    碳排放 leaves 二氧化碳排放 whole rather than showing 二氧化＿＿.
    """
    found = _CACHE.get(glossary).pattern(term) if glossary is not None else _own_pattern(term)
    if found is None:
        return text
    pattern, own_keys = found
    return pattern.sub(lambda m: BLANK if m.group(0).casefold() in own_keys else m.group(0), text)


@dataclass(frozen=True, slots=True)
class _Facts:
    """What distractor choice needs to know about one term, computed once per glossary."""

    term: Term
    form_keys: frozenset[str]
    definition: str  # masked with the term's own forms
    definition_key: str  # normalised masked definition ("" when none is left)
    raw_definition_key: str
    english_keys: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Shape:
    """How a term is written and read, for judging how alike two terms look."""

    chars: frozenset[str]
    sounds: tuple[str, ...]


class _Context:
    """Per-glossary facts and masking patterns, computed once."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        # forms of every term, by each character they contain, to find the longer words
        # that contain a term without comparing every pair of terms
        self._forms_by_char: dict[str, list[str]] = {}
        for other in glossary.terms:
            for form in _forms(other):
                for char in dict.fromkeys(form.casefold()):
                    self._forms_by_char.setdefault(char, []).append(form)
        self._patterns: dict[str, tuple[re.Pattern[str], set[str]] | None] = {}
        # Facts are computed when first needed: a question looks at a few candidates only.
        self._facts: dict[str, _Facts] = {}
        self._shapes: dict[str, _Shape] = {}
        self.by_category: dict[str, list[Term]] = {}
        for term in glossary.terms:
            self.by_category.setdefault(term.category, []).append(term)

    def pattern(self, term: Term) -> tuple[re.Pattern[str], set[str]] | None:
        if term.id not in self._patterns or self.glossary.by_id(term.id) is not term:
            own = _forms(term)
            own_keys = {f.casefold() for f in own}
            protected: list[str] = []
            for form in own:
                key = form.casefold()
                if not key:
                    continue
                rarest = min(key, key=lambda c: len(self._forms_by_char.get(c, ())))
                for other in self._forms_by_char.get(rarest, ()):
                    other_key = other.casefold()
                    if len(other) > len(form) and key in other_key and other_key not in own_keys:
                        protected.append(other)
            found = _own_pattern(term, protected)
            if self.glossary.by_id(term.id) is not term:
                return found
            self._patterns[term.id] = found
        return self._patterns[term.id]

    def facts_for(self, term: Term) -> _Facts:
        known = self._facts.get(term.id)
        if known is not None and known.term is term:
            return known
        facts = self._compute_facts(term)
        if self.glossary.by_id(term.id) is term:
            self._facts[term.id] = facts
        return facts

    def shape(self, term: Term) -> _Shape:
        """The term's characters and toneless syllables, for similarity."""
        known = self._shapes.get(term.id)
        if known is None or self.glossary.by_id(term.id) is not term:
            known = _Shape(
                frozenset(c for c in term.term if is_hanzi(c)),
                tuple(split_tone(s)[0] for s in term.syllables),
            )
            if self.glossary.by_id(term.id) is term:
                self._shapes[term.id] = known
        return known

    def _compute_facts(self, term: Term) -> _Facts:
        definition = self.mask(term.definition, term) if term.definition.strip() else ""
        return _Facts(
            term=term,
            form_keys=frozenset(k for k in (normalise_text(f) for f in _forms(term)) if k),
            definition=definition,
            definition_key=normalise_text(definition),
            raw_definition_key=normalise_text(term.definition),
            english_keys=frozenset(k for k in (normalise_text(e) for e in term.english) if k),
        )

    def mask(self, text: str, term: Term) -> str:
        found = self.pattern(term)
        if found is None:
            return text
        pattern, own_keys = found
        return pattern.sub(
            lambda m: BLANK if m.group(0).casefold() in own_keys else m.group(0), text
        )

    def contains(self, text: str, term: Term) -> bool:
        return self.mask(text, term) != text


class _ContextCache:
    """The contexts of the last few glossaries, by identity (a Glossary is not hashable)."""

    def __init__(self) -> None:
        self._entries: list[_Context] = []

    def get(self, glossary: Glossary) -> _Context:
        for context in self._entries:
            if context.glossary is glossary:
                return context
        context = _Context(glossary)
        self._entries = [*self._entries[-3:], context]
        return context


_Fits: TypeAlias = Callable[[_Facts], bool]
_Distinct: TypeAlias = Callable[[_Facts, _Facts], bool]
_CACHE = _ContextCache()


def _distinct_terms(a: _Facts, b: _Facts) -> bool:
    """Two terms can both be options: no written form in common."""
    return not (a.form_keys & b.form_keys)


def _distinct_definitions(a: _Facts, b: _Facts) -> bool:
    """Two definitions can both be shown as options, or one be false for the other's term."""
    return a.raw_definition_key != b.raw_definition_key and a.definition_key != b.definition_key


def _similarity(answer: _Shape, other: _Shape) -> float:
    """How tempting ``other`` is as a distractor for ``answer``, category aside:
    shared characters (碳达峰 / 碳中和), shared syllables, the same syllable count."""
    score = 2.0 * min(3, len(answer.chars & other.chars))
    score += 1.0 * min(3, len(set(answer.sounds) & set(other.sounds)))
    if answer.sounds and other.sounds and answer.sounds[0] == other.sounds[0]:
        score += 1.0
    if len(answer.sounds) == len(other.sounds):
        score += 1.5
    return score


def _ranked(context: _Context, answer: Term, rng: random.Random) -> Iterator[_Facts]:
    """Other terms, most tempting first: those of the same category, then the rest; within
    each, by similarity plus a little chance so that a term does not always get the same
    distractors. The rest is ranked only if the category runs out. Random numbers are drawn
    one per term, in document order."""
    same = context.by_category.get(answer.category, []) if answer.category else []
    shape = context.shape(answer)
    for group in (same, None):
        if group is None:
            group = [t for t in context.glossary.terms if not same or t.category != answer.category]
        scored = []
        for position, other in enumerate(group):
            if other.id == answer.id:
                continue
            score = _similarity(shape, context.shape(other)) + 2.0 * rng.random()
            scored.append((-score, position, other))
        scored.sort(key=lambda item: (item[0], item[1]))
        for _, _, other in scored:
            yield context.facts_for(other)


class _Replay:
    """An iterator that can be iterated again: items already produced are replayed."""

    def __init__(self, items: Iterator[_Facts]) -> None:
        self._items = items
        self._seen: list[_Facts] = []

    def __iter__(self) -> Iterator[_Facts]:
        index = 0
        while True:
            if index == len(self._seen):
                item = next(self._items, None)
                if item is None:
                    return
                self._seen.append(item)
            yield self._seen[index]
            index += 1


def _pick(
    candidates: Iterable[_Facts], count: int, fits: _Fits, distinct: _Distinct
) -> list[_Facts]:
    """The first ``count`` candidates that fit and are pairwise distinct."""
    chosen: list[_Facts] = []
    for candidate in candidates:
        if fits(candidate) and all(distinct(candidate, c) for c in chosen):
            chosen.append(candidate)
            if len(chosen) == count:
                break
    return chosen


def _sentences(
    context: _Context, term: Term
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Sentences that contain the term, with their source: the term's own examples and
    definition first, then other terms' definitions and examples."""
    own = [(s, term.source) for s in term.examples if context.contains(s, term)]
    if context.contains(term.definition, term):
        own.append((term.definition, term.source))
    others: list[tuple[str, str]] = []
    if not own:
        for other in context.glossary.terms:
            if other.id == term.id:
                continue
            for text in (other.definition, *other.examples):
                if context.contains(text, term):
                    others.append((text, other.source))
    usable = [(s, src) for s, src in own + others if normalise_text(mask_term(s, term))]
    own_usable = [pair for pair in usable if pair in own]
    return own_usable, [pair for pair in usable if pair not in own]


def _needs(kind: str) -> int:
    if kind == "match":
        return MATCH_SIZE - 1
    if kind == "truefalse":
        return 1
    return OPTION_COUNT - 1


def _fits(kind: str, answer: _Facts) -> _Fits:
    """Which other terms may serve as distractors for this kind and answer."""
    if kind in ("term-def", "truefalse", "match"):
        # a term sharing a written form with the answer would make its definition right too
        return lambda c: (
            bool(c.definition_key)
            and _distinct_definitions(c, answer)
            and _distinct_terms(c, answer)
        )
    if kind == "def-term":
        return lambda c: _distinct_terms(c, answer) and _distinct_definitions(c, answer)
    if kind == "cloze":
        return lambda c: _distinct_terms(c, answer) and not _nested(c, answer)
    return lambda c: _distinct_terms(c, answer)


def _nested(a: _Facts, b: _Facts) -> bool:
    """One term is written inside the other (碳汇 / 生态碳汇): both could fill the same blank."""
    return any(x in y or y in x for x in a.form_keys for y in b.form_keys)


def _distinct_for(kind: str) -> _Distinct:
    if kind in ("term-def", "match"):
        if kind == "match":
            return lambda a, b: _distinct_definitions(a, b) and _distinct_terms(a, b)
        return _distinct_definitions
    return _distinct_terms


def check_support(glossary: Glossary, term: Term, kind: str) -> Skip | None:
    """Why ``term`` cannot be asked as ``kind`` in this glossary, or None when it can.

    Independent of chance: when this returns None, :func:`make_question` gives a question
    for any random generator.
    """
    if kind not in KINDS:
        return Skip(kind, term.id, term=term.term, reason="unknown_kind")
    context = _CACHE.get(glossary)
    answer = context.facts_for(term)
    if kind in ("term-def", "def-term", "truefalse", "match") and not answer.definition_key:
        return Skip(kind, term.id, term=term.term, reason="no_definition")
    if kind == "en-term" and not answer.english_keys:
        return Skip(kind, term.id, term=term.term, reason="no_english")
    if kind == "pinyin":
        return None if term.syllables else Skip(kind, term.id, term=term.term, reason="no_reading")
    if kind == "cloze":
        own, others = _sentences(context, term)
        if not own and not others:
            return Skip(kind, term.id, term=term.term, reason="no_sentence")
    fits = _fits(kind, answer)
    if kind == "en-term":
        english = answer.english_keys
        base = fits
        fits = lambda c: base(c) and not (c.english_keys & english)  # noqa: E731
    others_in_order = (context.facts_for(o) for o in glossary.terms if o.id != term.id)
    if len(_pick(others_in_order, _needs(kind), fits, _distinct_for(kind))) < _needs(kind):
        return Skip(kind, term.id, term=term.term, reason="too_few_terms")
    return None


def supported_terms(glossary: Glossary, kind: str, category: str | None = None) -> list[Term]:
    """The terms (of ``category``, if given) that can be asked as ``kind``, in document order."""
    return [
        term
        for term in glossary.terms
        if (category is None or term.category == category)
        and check_support(glossary, term, kind) is None
    ]


def make_question(glossary: Glossary, term: Term, kind: str, rng: random.Random) -> Question | Skip:
    """A question of ``kind`` about ``term``, or a :class:`Skip` saying why there is none."""
    skip = check_support(glossary, term, kind)
    if skip is not None:
        return skip
    context = _CACHE.get(glossary)
    answer = context.facts_for(term)
    common: dict[str, Any] = {
        "term_id": term.id,
        "term": term.term,
        "pinyin": display_pinyin(term.term, term.marks),
        "definition": term.definition,
        "definition_en": term.definition_en,
        "category": term.category,
        "source": term.source,
    }
    kind = cast(Kind, kind)
    if kind == "pinyin":
        return Question(
            kind=kind,
            prompt=term.term,
            answer=common["pinyin"],
            syllables=term.syllables,
            **common,
        )
    ranked = _Replay(_ranked(context, term, rng))
    fits = _fits(kind, answer)
    prompt = ""
    source = term.source
    if kind == "en-term":
        prompt = rng.choice(term.english)
        prompt_key = normalise_text(prompt)
        base = fits
        fits = lambda c: base(c) and prompt_key not in c.english_keys  # noqa: E731
    elif kind == "cloze":
        own, others = _sentences(context, term)
        sentence, source = rng.choice(own or others)
        # every occurrence is blanked, also inside longer terms: the answer must not show
        prompt = mask_term(sentence, term)
        base = fits
        fits = lambda c: base(c) and not context.contains(prompt, c.term)  # noqa: E731
    distractors = _pick(ranked, _needs(kind), fits, _distinct_for(kind))
    if len(distractors) < _needs(kind):  # only when the prompt excluded too many
        if kind == "cloze":
            distractors = _pick(ranked, _needs(kind), _fits(kind, answer), _distinct_for(kind))
        if len(distractors) < _needs(kind):
            return Skip(kind, term.id, term=term.term, reason="too_few_terms")
    common["source"] = source

    if kind == "truefalse":
        true = rng.random() < 0.5
        shown = answer if true else distractors[0]
        return Question(
            kind=kind,
            prompt=term.term,
            options=TRUE_FALSE_OPTIONS,
            answer=TRUE_FALSE_OPTIONS[0 if true else 1],
            answer_index=0 if true else 1,
            statement=shown.definition,
            statement_term=shown.term.term,
            **common,
        )
    if kind == "match":
        group = [answer, *distractors]
        rng.shuffle(group)
        order = list(range(len(group)))
        rng.shuffle(order)  # order[j] = which item's definition is option j
        pairs = tuple(order.index(i) for i in range(len(group)))
        return Question(
            kind=kind,
            prompt="",
            options=tuple(group[i].definition for i in order),
            answer=" ".join(f"{i + 1}{option_label(p)}" for i, p in enumerate(pairs)),
            items=tuple(f.term.term for f in group),
            item_ids=tuple(f.term.id for f in group),
            pairs=pairs,
            **common,
        )
    choices = [answer, *distractors]
    rng.shuffle(choices)
    index = choices.index(answer)
    if kind == "term-def":
        return Question(
            kind=kind,
            prompt=term.term,
            options=tuple(c.definition for c in choices),
            answer=answer.definition,
            answer_index=index,
            **common,
        )
    if kind == "def-term":
        prompt = answer.definition
    return Question(
        kind=kind,
        prompt=prompt,
        options=tuple(c.term.term for c in choices),
        answer=term.term,
        answer_index=index,
        accepted=_forms(term),
        **common,
    )


def make_quiz(
    glossary: Glossary,
    kinds: Sequence[str],
    count: int,
    rng: random.Random,
    category: str | None = None,
    terms: Sequence[Term] | None = None,
) -> list[Question]:
    """Up to ``count`` questions mixing ``kinds`` (all kinds when empty) over ``terms`` (or
    the glossary, or one ``category`` of it).

    Terms are taken in a random order and each gets a different kind in turn, so a short
    quiz covers many terms and kinds; a term comes back (with another kind) only when there
    are more questions than terms. Kinds a term cannot support are passed over; the list is
    shorter than ``count`` only when the terms cannot support that many distinct questions.
    """
    wanted: list[str] = list(dict.fromkeys(kinds)) or list(KINDS)
    pool = [
        term
        for term in (glossary.terms if terms is None else terms)
        if category is None or term.category == category
    ]
    if not pool or count <= 0:
        return []
    rng.shuffle(pool)
    rng.shuffle(wanted)
    questions: list[Question] = []
    used: set[tuple[str, str]] = set()
    exhausted: set[str] = set()
    slot = 0
    while len(questions) < count and len(exhausted) < len(pool):
        term = pool[slot % len(pool)]
        first = slot % len(wanted)
        slot += 1
        if term.id in exhausted:
            continue
        for step in range(len(wanted)):
            kind = wanted[(first + step) % len(wanted)]
            if (term.id, kind) in used:
                continue
            used.add((term.id, kind))
            made = make_question(glossary, term, kind, rng)
            if isinstance(made, Question):
                questions.append(made)
                break
        else:
            exhausted.add(term.id)
    return questions


def _choice_index(question: Question, given: str) -> int | None:
    """Which option a typed answer names: its text, or its letter."""
    key = normalise_text(given)
    if not key:
        return None
    for i, option in enumerate(question.options):
        if normalise_text(option) == key:
            return i
    if len(key) == 1 and "a" <= key <= "z":
        index = ord(key) - ord("a")
        if index < len(question.options):
            return index
    return None


def _check_choice(question: Question, given: Given) -> Verdict:
    chosen: int | None = None
    typed = ""
    if isinstance(given, bool):
        if question.kind == "truefalse":
            chosen = 0 if given else 1
    elif isinstance(given, int):
        chosen = given if 0 <= given < len(question.options) else None
    elif isinstance(given, str):
        typed = given
        if question.kind in _TERM_ANSWER_KINDS and grade_text(given, question.accepted).correct:
            chosen = question.answer_index
        elif question.kind == "truefalse" and normalise_text(given) in _TRUE_WORDS | _FALSE_WORDS:
            chosen = 0 if normalise_text(given) in _TRUE_WORDS else 1
        else:
            chosen = _choice_index(question, given)
    shown = question.options[chosen] if chosen is not None else typed.strip()
    if chosen is None and not normalise_text(typed):
        return Verdict(question, False, 0.0, unanswered=True)
    correct = chosen is not None and chosen == question.answer_index
    return Verdict(question, correct, 1.0 if correct else 0.0, shown, chosen)


def _match_choices(question: Question, given: Given) -> tuple[int | None, ...]:
    size = len(question.items)
    picks: list[int | None] = [None] * size
    if isinstance(given, str):
        text = unicodedata.normalize("NFKC", given).upper()
        explicit = re.findall(r"(\d+)\s*[-:.、：]?\s*([A-Z])", text)
        if explicit:
            for number, letter in explicit:
                if 1 <= int(number) <= size:
                    picks[int(number) - 1] = ord(letter) - ord("A")
        else:
            for i, letter in enumerate(re.findall(r"[A-Z]", text)[:size]):
                picks[i] = ord(letter) - ord("A")
    elif isinstance(given, Mapping):
        for item, option in given.items():
            if isinstance(item, int) and 0 <= item < size and isinstance(option, int):
                picks[item] = option
    elif isinstance(given, Sequence):
        for i, pick in enumerate(list(given)[:size]):
            if isinstance(pick, int) and not isinstance(pick, bool):
                picks[i] = pick
    return tuple(p if p is not None and 0 <= p < len(question.options) else None for p in picks)


def _check_match(question: Question, given: Given) -> Verdict:
    picks = _match_choices(question, given)
    if all(p is None for p in picks):
        return Verdict(
            question, False, 0.0, pairs=picks, pairs_correct=(False,) * len(picks), unanswered=True
        )
    right = tuple(p == question.pairs[i] for i, p in enumerate(picks))
    shown = " ".join(
        f"{i + 1}{option_label(p) if p is not None else '-'}" for i, p in enumerate(picks)
    )
    score = sum(right) / len(right) if right else 0.0
    return Verdict(question, all(right), score, shown, pairs=picks, pairs_correct=right)


def check_answer(question: Question, given: Given, *, strict: bool = True) -> Verdict:
    """Grade ``given`` (see :data:`Given`) for ``question``; never raises.

    ``strict`` applies to pinyin: tones are required; lenient grading ignores them.
    """
    try:
        if question.kind == "match":
            return _check_match(question, given)
        if question.kind == "pinyin":
            if not isinstance(given, str) or not given.strip():
                return Verdict(question, False, 0.0, unanswered=True)
            grade = grade_pinyin(given, question.syllables, strict=strict, term_text=question.term)
            # exactly as typed: the grader's reading of it is in grade.given
            return Verdict(question, grade.correct, float(grade.correct), given, pinyin=grade)
        return _check_choice(question, given)
    except Exception:  # an unforeseen answer shape is a wrong answer, not a lost one
        return Verdict(question, False, 0.0, str(given) if given is not None else "")
