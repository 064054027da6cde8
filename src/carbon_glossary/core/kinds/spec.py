"""What a question kind is (:class:`KindSpec`) and the registry that lists them.

A kind is one frozen spec: its name, how it is answered (its :data:`Mode`), how a question
of it is made for a term, and how one is graded. Front ends (screens, the served page,
papers, exports, answer-sheet marking, the report) ask a question's spec and its mode, never
compare kind names, so a new kind answered like an existing one is added in one module.

The kinds are declared once, in this module's registry, whose order is the order kinds are
listed in (command-line help, papers); a spec names its functions as ``"module:name"`` so
that listing the kinds imports nothing heavy.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Protocol, TypeAlias

if TYPE_CHECKING:
    import random

    from carbon_glossary.core.kinds.question import Given, Question, Shown, Skip, Verdict
    from carbon_glossary.core.model import Glossary, Term

__all__ = [
    "CHOICE_MODES",
    "TYPED_MODES",
    "KindSpec",
    "Maker",
    "Mode",
    "Supporter",
    "kind_names",
    "register",
    "registered",
    "spec_for",
    "unregister",
]

Mode: TypeAlias = Literal["choice", "typed-or-choice", "truefalse", "match", "typed-reading"]
"""How a question is answered, which decides how it is shown, typed, printed and marked:

``choice``           pick one of ``options``.
``typed-or-choice``  type the answer (a term) or pick one of ``options`` (cloze).
``truefalse``        对 or 错 (``options`` are the two words).
``match``            pair each of ``items`` with one of ``options``.
``typed-reading``    type a reading in pinyin, graded syllable by syllable (no options).
"""

# Modes answered by picking one option (a typed answer may also name one).
CHOICE_MODES: frozenset[Mode] = frozenset({"choice", "typed-or-choice", "truefalse"})
# Modes answered by typing into a box.
TYPED_MODES: frozenset[Mode] = frozenset({"typed-or-choice", "typed-reading"})


class Maker(Protocol):
    """Make a question of ``kind`` about ``term``, or say why there is none; ``shown`` is
    what the other questions of the paper or round ask (a kind that offers other terms as
    wrong options leaves its subjects out; a Skip when it cannot)."""

    def __call__(
        self,
        glossary: Glossary,
        term: Term,
        kind: str,
        rng: random.Random,
        *,
        pinyin_max_syllables: int | None,
        shown: Shown,
    ) -> Question | Skip: ...


class Supporter(Protocol):
    """Why ``term`` cannot be asked as ``kind`` (a Skip), or None when it can, independent
    of chance: when this gives None, the kind's maker gives a question for any generator."""

    def __call__(
        self, glossary: Glossary, term: Term, kind: str, *, pinyin_max_syllables: int | None
    ) -> Skip | None: ...


Grader: TypeAlias = "Callable[[Question, Given, bool], Verdict]"


def _resolve(target: Any) -> Any:
    """``target`` itself, or the object a ``"module:name"`` string names (imported now)."""
    if not isinstance(target, str):
        return target
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


class KindSpec(NamedTuple):
    """One kind of question: a row of the registry, immutable.

    A NamedTuple rather than a frozen dataclass: the command line lists the kinds on
    every start, and a dataclass's class is built by generating and compiling its methods
    (~1.7 ms here, against ~0.2 ms for a NamedTuple).

    ``maker``, ``supporter`` and ``grader`` are functions, or ``"module:name"`` strings
    naming them, imported when first used: listing the kinds (the command line's help)
    must not import the quiz engine. ``grader`` replaces the grading of the mode
    (:func:`carbon_glossary.core.quiz.check_answer` grades by mode otherwise).

    ``term_answer``: the right answer is a term, so a term typed (its traditional form, an
    alias) counts as picking it. ``options_are_definitions``: the options are whole
    definitions, so an answer key gives the letter alone and an explanation gives the
    definition in full (and not again under the term). ``in_study``: a study round (FSRS
    reviews, one term at a time) may ask it. Interface text is looked up under
    ``quiz.kind.<name>`` (its name for people), ``quiz.instruction.<name>`` (what to do),
    ``quizui.hint.<name>`` (the keys to use) and, for typed modes,
    ``quizui.placeholder.<name>``.
    """

    name: str
    mode: Mode
    maker: Maker | str
    supporter: Supporter | str
    grader: Grader | str | None = None
    term_answer: bool = False
    options_are_definitions: bool = False
    in_study: bool = True

    def make(
        self,
        glossary: Glossary,
        term: Term,
        rng: random.Random,
        *,
        pinyin_max_syllables: int | None,
        shown: Shown,
    ) -> Question | Skip:
        maker: Maker = _resolve(self.maker)
        return maker(
            glossary,
            term,
            self.name,
            rng,
            pinyin_max_syllables=pinyin_max_syllables,
            shown=shown,
        )

    def support(
        self, glossary: Glossary, term: Term, *, pinyin_max_syllables: int | None
    ) -> Skip | None:
        supporter: Supporter = _resolve(self.supporter)
        return supporter(glossary, term, self.name, pinyin_max_syllables=pinyin_max_syllables)

    def custom_grader(self) -> Grader | None:
        """The kind's own grader, when it does not grade as its mode does."""
        grader: Grader | None = _resolve(self.grader)
        return grader

    @property
    def is_choice(self) -> bool:
        return self.mode in CHOICE_MODES

    @property
    def is_typed(self) -> bool:
        return self.mode in TYPED_MODES

    @property
    def label_key(self) -> str:
        return f"quiz.kind.{self.name}"

    @property
    def instruction_key(self) -> str:
        return f"quiz.instruction.{self.name}"

    @property
    def hint_key(self) -> str:
        return f"quizui.hint.{self.name}"

    @property
    def placeholder_key(self) -> str:
        return f"quizui.placeholder.{self.name}"


_QUIZ = "carbon_glossary.core.quiz"
_READING = "carbon_glossary.core.kinds.reading"

# The question kinds, declared once: this order is the order they are listed in everywhere.
_REGISTRY: dict[str, KindSpec] = {
    spec.name: spec
    for spec in (
        KindSpec(
            "term-def",
            "choice",
            f"{_QUIZ}:make_term_def",
            f"{_QUIZ}:standard_support",
            options_are_definitions=True,
        ),
        KindSpec(
            "def-term",
            "choice",
            f"{_QUIZ}:make_def_term",
            f"{_QUIZ}:standard_support",
            term_answer=True,
        ),
        KindSpec(
            "en-term",
            "choice",
            f"{_QUIZ}:make_term_choice",
            f"{_QUIZ}:standard_support",
            term_answer=True,
        ),
        KindSpec("pinyin", "typed-reading", f"{_QUIZ}:make_pinyin", f"{_QUIZ}:standard_support"),
        KindSpec(
            "cloze",
            "typed-or-choice",
            f"{_QUIZ}:make_term_choice",
            f"{_QUIZ}:standard_support",
            term_answer=True,
        ),
        KindSpec("truefalse", "truefalse", f"{_QUIZ}:make_truefalse", f"{_QUIZ}:standard_support"),
        # a matching question tests five terms at once: as a study review it would
        # reschedule four cards that were not due
        KindSpec(
            "match",
            "match",
            f"{_QUIZ}:make_match",
            f"{_QUIZ}:standard_support",
            in_study=False,
        ),
        KindSpec("reading", "choice", f"{_READING}:make", f"{_READING}:support"),
    )
}


def register(spec: KindSpec) -> KindSpec:
    """Add ``spec`` after the kinds already registered; a name is registered once."""
    if spec.name in _REGISTRY:
        raise ValueError(f"question kind {spec.name!r} is already registered")
    _REGISTRY[spec.name] = spec
    return spec


def unregister(name: str) -> None:
    """Take a kind out again (tests register kinds of their own)."""
    _REGISTRY.pop(name, None)


def spec_for(kind: str) -> KindSpec | None:
    """The spec of ``kind``, or None when no such kind is registered."""
    return _REGISTRY.get(kind)


def registered() -> tuple[KindSpec, ...]:
    """Every registered kind's spec, in registration order."""
    return tuple(_REGISTRY.values())


def kind_names() -> tuple[str, ...]:
    """The names of the registered kinds, in registration order."""
    return tuple(_REGISTRY)
