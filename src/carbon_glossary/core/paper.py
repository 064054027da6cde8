"""Exam papers: a TOML spec, the paper built from it, its printed form and its scoring.

A spec names a title, a seed, an optional time limit and a pass mark, and sections of
(category, kind, count)::

    [paper]
    title = "碳达峰术语测验"
    seed = 2025              # a number or a text; the same seed gives the same paper
    time_limit_minutes = 30  # optional
    pass_mark_percent = 60   # optional, 60 when left out
    tones = "strict"         # optional: "lenient" ignores tones in pinyin answers
    pinyin_max_syllables = 6 # optional: longest term asked as pinyin (6 when left out)
    attempts = 1             # optional: how many times each person may sit it
    shuffle = "options"      # optional: each person sees a question's options in their own order

    [[section]]
    category = "核心概念"     # optional: leave out to draw from every category
    kind = "term-def"
    count = 5

The same spec and glossary build the identical paper on any machine: each section draws from
its own ``random.Random`` seeded with ``"{seed}:{index}:{category}:{kind}"`` (a string seed is
hashed with SHA-512, independent of ``PYTHONHASHSEED``), terms are visited in document order,
and nothing iterates a set.
"""

from __future__ import annotations

import difflib
import os
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal, cast

# The loader's wording of tomllib's syntax errors (full-width ＝ and quotes, duplicate keys…),
# of nesting too deep and of numbers too long suits papers as well.
from carbon_glossary.core.files import PAPER_LIMIT, UnreadableFile, read_regular_file
from carbon_glossary.core.grading import normalise_text
from carbon_glossary.core.kinds.printing import answer_key as _answer_key
from carbon_glossary.core.kinds.printing import question_lines as _render_question
from carbon_glossary.core.loader import decode_glossary, file_problem, parse_toml
from carbon_glossary.core.model import Glossary, Term
from carbon_glossary.core.problems import FileProblemError, Localized, Problem, ProblemCap
from carbon_glossary.core.quiz import (
    BLANK,
    PINYIN_MAX_SYLLABLES,
    Asked,
    Given,
    Kind,
    Question,
    Verdict,
    check_answer,
    instruction,
    kind_name,
    kind_names,
    make_clear,
    spec_for,
    supported_terms,
)
from carbon_glossary.core.shortfall import unsupported
from carbon_glossary.core.tomlpos import KeyPath, Positions, scan_positions
from carbon_glossary.i18n import t

__all__ = [
    "DEFAULT_PASS_MARK",
    "CategoryScore",
    "Paper",
    "PaperScore",
    "PaperSection",
    "PaperSpec",
    "Tones",
    "WrongAnswer",
    "build_paper",
    "load_paper",
    "paper_to_json",
    "parse_paper",
    "render_paper_text",
    "score_paper",
    "section_seed",
]

Tones = Literal["strict", "lenient"]
Shuffle = Literal["options"]
DEFAULT_PASS_MARK = 60
# Bounds on the numbers of a paper, so that no value overflows a clock or a message: an
# exam lasts at most a day; a seed is something a person types. (pass_mark_percent is
# bounded by 0-100, count by the terms the glossary has; pinyin_max_syllables is only a
# threshold, harmless however large.)
MAX_MINUTES = 24 * 60
MAX_SEED_DIGITS = 40
MAX_ATTEMPTS = 100
_PAPER_FILE_PROBLEMS = {
    "missing": "quiz.paper.missing_file",
    "directory": "quiz.paper.is_directory",
    "other": "quiz.paper.unreadable",
}
_PAPER_KEYS = (
    "title",
    "seed",
    "time_limit_minutes",
    "pass_mark_percent",
    "tones",
    "pinyin_max_syllables",
    "attempts",
    "shuffle",
)
_SECTION_KEYS = ("category", "kind", "count")
_TOP_KEYS = ("paper", "section")


@dataclass(frozen=True, slots=True)
class PaperSection:
    """Ask ``count`` questions of ``kind`` about terms of ``category`` (None: any category)."""

    category: str | None
    kind: Kind
    count: int
    line: int = 0  # of the [[section]] header, for messages


@dataclass(frozen=True, slots=True)
class PaperSpec:
    """A checked exam paper spec."""

    title: str
    seed: int | str
    sections: tuple[PaperSection, ...]
    time_limit_minutes: int | None = None
    pass_mark_percent: float = DEFAULT_PASS_MARK
    tones: Tones = "strict"
    path: str = ""
    pinyin_max_syllables: int = PINYIN_MAX_SYLLABLES
    attempts: int | None = None
    """How many times each person may sit the paper (None: as often as they like)."""
    shuffle: Shuffle | None = None
    """``options``: each person sees a question's options in their own order; the questions
    and their order stay the room's."""


@dataclass(frozen=True, slots=True)
class Paper:
    """A built paper: the questions in order, and for each the index of its section."""

    spec: PaperSpec
    questions: tuple[Question, ...]
    section_of: tuple[int, ...]
    glossary_title: str = ""
    glossary_version: str = ""

    @property
    def title(self) -> str:
        return self.spec.title


@dataclass(frozen=True, slots=True)
class CategoryScore:
    """Points scored in one category (uncategorised terms have category "")."""

    category: str
    points: float
    total: int
    percent: float


@dataclass(frozen=True, slots=True)
class WrongAnswer:
    """A question not fully right: its number on the paper (from 1) and the verdict, which
    holds the question, its right answer and its source."""

    number: int
    verdict: Verdict

    @property
    def question(self) -> Question:
        return self.verdict.question


@dataclass(frozen=True, slots=True)
class PaperScore:
    """A scored paper. Each question is worth one point; a match question earns its share of
    right pairs. ``passed`` compares ``percent`` with the paper's pass mark exactly."""

    points: float
    total: int
    percent: float
    passed: bool
    pass_mark_percent: float
    by_category: tuple[CategoryScore, ...]
    wrong: tuple[WrongAnswer, ...]
    verdicts: tuple[Verdict, ...]


class _PaperChecker:
    """Collects every problem of one spec, each at the place it is written."""

    def __init__(self, path: str, positions: Positions) -> None:
        self.path = path
        self.positions = positions
        self.problems: list[Problem] = []
        self.cap = ProblemCap()

    def add(self, where: KeyPath, message: str, /, **params: object) -> None:
        """A problem with a key or table: at the key, or the table header."""
        if not self.cap.admit("error"):
            return
        self._add(self.positions.find(where), message, params)

    def add_value(self, where: KeyPath, message: str, /, **params: object) -> None:
        """A problem with the value of a key: at the value, where the fix goes."""
        if not self.cap.admit("error"):
            return
        offset = self.positions.offsets.get(where)
        if offset is None:
            self._add(self.positions.find(where), message, params)
            return
        text = self.positions.text
        equals = text.find("=", offset)
        end = text.find("\n", offset)
        if equals != -1 and (end == -1 or equals < end):
            offset = equals + 1
            while offset < len(text) and text[offset] in " \t":
                offset += 1
        self._add(self.positions.line_col(offset), message, params)

    def _add(self, at: tuple[int, int], message: str, params: dict[str, object]) -> None:
        line, column = at
        problem = Problem(self.path, line, column, "error", message, tuple(params.items()))
        self.problems.append(problem)

    def unknown_keys(
        self, table: Mapping[str, Any], allowed: Sequence[str], where: KeyPath
    ) -> None:
        for key in table:
            if key in allowed:
                continue
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            if close:
                self.add(
                    (*where, key), "quiz.paper.unknown_key_suggest", key=key, suggestion=close[0]
                )
            else:
                allowed_text = "、".join(allowed)
                self.add((*where, key), "quiz.paper.unknown_key", key=key, allowed=allowed_text)

    def text(
        self, table: Mapping[str, Any], key: str, where: KeyPath, *, required: bool
    ) -> str | None:
        if key not in table:
            if required:
                self.add(where, "quiz.paper.missing_key", key=key)
            return None
        value = table[key]
        if not isinstance(value, str):
            self.add_value((*where, key), "quiz.paper.wrong_type", key=key, expected=_type("text"))
            return None
        if not value.strip():
            self.add_value((*where, key), "quiz.paper.empty", key=key)
            return None
        return value

    def number(
        self, table: Mapping[str, Any], key: str, where: KeyPath, *, whole: bool
    ) -> int | float | None:
        if key not in table:
            return None
        value = table[key]
        ok = isinstance(value, int) or (not whole and isinstance(value, float))
        if isinstance(value, bool) or not ok:
            expected = _type("integer" if whole else "number")
            self.add_value((*where, key), "quiz.paper.wrong_type", key=key, expected=expected)
            return None
        return cast(int | float, value)


def _seed_in_bounds(seed: int | str) -> bool:
    """A seed a person could type: at most :data:`MAX_SEED_DIGITS` digits or characters."""
    if isinstance(seed, int):
        return bool(abs(seed) < 10**MAX_SEED_DIGITS)
    return len(seed) <= MAX_SEED_DIGITS


def _type(name: str) -> Localized:
    return Localized(f"quiz.paper.type.{name}")


def parse_paper(text: str, glossary: Glossary, path: str = "<paper>") -> PaperSpec:
    """Check a spec's text against ``glossary`` and return it, or raise
    :class:`FileProblemError` with every problem found (``FILE:LINE:COL`` each)."""
    data = parse_toml(text, path)
    check = _PaperChecker(path, scan_positions(text))
    check.unknown_keys(data, _TOP_KEYS, ())

    paper = data.get("paper")
    title: str | None = None
    seed: int | str | None = None
    minutes: int | None = None
    pass_mark: int | float = DEFAULT_PASS_MARK
    tones: Tones = "strict"
    max_syllables = PINYIN_MAX_SYLLABLES
    attempts: int | None = None
    shuffle: Shuffle | None = None
    if paper is None:
        check.add((), "quiz.paper.missing_table")
    elif not isinstance(paper, dict):
        check.add_value(("paper",), "quiz.paper.wrong_type", key="paper", expected=_type("table"))
    else:
        where: KeyPath = ("paper",)
        check.unknown_keys(paper, _PAPER_KEYS, where)
        title = check.text(paper, "title", where, required=True)
        if "seed" not in paper:
            check.add(where, "quiz.paper.missing_key", key="seed")
        elif isinstance(paper["seed"], bool) or not isinstance(paper["seed"], int | str):
            check.add_value(
                (*where, "seed"), "quiz.paper.wrong_type", key="seed", expected=_type("seed")
            )
        elif isinstance(paper["seed"], str) and not paper["seed"].strip():
            check.add_value((*where, "seed"), "quiz.paper.empty", key="seed")
        elif not _seed_in_bounds(paper["seed"]):
            check.add_value((*where, "seed"), "quiz.paper.seed_range", digits=MAX_SEED_DIGITS)
        else:
            seed = paper["seed"]
        value = check.number(paper, "time_limit_minutes", where, whole=True)
        if value is not None:
            if value < 1:
                check.add_value((*where, "time_limit_minutes"), "quiz.paper.time_limit")
            elif value > MAX_MINUTES:
                check.add_value(
                    (*where, "time_limit_minutes"), "quiz.paper.time_limit_max", max=MAX_MINUTES
                )
            else:
                minutes = int(value)
        value = check.number(paper, "pass_mark_percent", where, whole=False)
        if value is not None:
            if not 0 <= value <= 100:
                check.add_value((*where, "pass_mark_percent"), "quiz.paper.pass_mark")
            else:
                pass_mark = value
        tone_value = check.text(paper, "tones", where, required=False)
        if tone_value is not None:
            if tone_value in ("strict", "lenient"):
                tones = cast(Tones, tone_value)
            else:
                check.add_value((*where, "tones"), "quiz.paper.tones", value=tone_value)
        value = check.number(paper, "pinyin_max_syllables", where, whole=True)
        if value is not None:
            if value < 1:
                check.add_value((*where, "pinyin_max_syllables"), "quiz.paper.max_syllables")
            else:
                max_syllables = int(value)
        value = check.number(paper, "attempts", where, whole=True)
        if value is not None:
            if not 1 <= value <= MAX_ATTEMPTS:
                check.add_value((*where, "attempts"), "sitting.paper.attempts", max=MAX_ATTEMPTS)
            else:
                attempts = int(value)
        shuffle_value = check.text(paper, "shuffle", where, required=False)
        if shuffle_value is not None:
            if shuffle_value == "options":
                shuffle = "options"
            else:
                check.add_value((*where, "shuffle"), "sitting.paper.shuffle", value=shuffle_value)

    sections = _check_sections(data, glossary, check, max_syllables)
    if check.problems:
        ordered = sorted(check.problems, key=lambda p: (p.line, p.column))
        raise FileProblemError(ordered + check.cap.summary(path))
    assert title is not None and seed is not None
    return PaperSpec(
        title,
        seed,
        tuple(sections),
        minutes,
        pass_mark,
        tones,
        path,
        max_syllables,
        attempts=attempts,
        shuffle=shuffle,
    )


def _check_sections(
    data: Mapping[str, Any], glossary: Glossary, check: _PaperChecker, max_syllables: int
) -> list[PaperSection]:
    raw = data.get("section")
    if raw is None:
        check.add(("paper",) if "paper" in data else (), "quiz.paper.no_sections")
        return []
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        check.add_value(
            ("section",), "quiz.paper.wrong_type", key="section", expected=_type("sections")
        )
        return []
    categories = glossary.categories()
    sections: list[PaperSection] = []
    origins: list[int] = []  # the [[section]] each checked section comes from
    seen: dict[tuple[str | None, str], int] = {}
    for index, table in enumerate(raw):
        where: KeyPath = ("section", index)
        check.unknown_keys(table, _SECTION_KEYS, where)
        category = check.text(table, "category", where, required=False)
        ok = not ("category" in table and category is None)
        if category is not None and category not in categories:
            check.add_value(
                (*where, "category"),
                "quiz.paper.unknown_category",
                category=category,
                categories="、".join(categories),
            )
            ok = False
        kind = check.text(table, "kind", where, required=True)
        if kind is not None and kind not in kind_names():
            check.add_value(
                (*where, "kind"),
                "quiz.paper.unknown_kind",
                kind=f"“{kind}”",  # quoted: spaces around a kind are visible
                kinds="、".join(kind_names()),
            )
            kind = None
        count = check.number(table, "count", where, whole=True)
        if "count" not in table:
            check.add(where, "quiz.paper.missing_key", key="count")
        elif count is not None and count < 1:
            check.add_value((*where, "count"), "quiz.paper.count_positive")
            count = None
        if kind is None or count is None or not ok:
            continue
        line = check.positions.find(where)[0]
        key = (category, kind)
        if key in seen:
            check.add(where, "quiz.paper.duplicate_section", line=seen[key])
            continue
        seen[key] = line
        sections.append(PaperSection(category, kind, int(count), line))
        origins.append(index)

    # Sections with a category draw first from their own category; a section without one
    # (at most one per kind) gets the terms they leave. See build_paper.
    def supported(kind: str, category: str | None) -> int:
        return len(supported_terms(glossary, kind, category, pinyin_max_syllables=max_syllables))

    for origin, section in zip(origins, sections, strict=True):
        available = supported(section.kind, section.category)
        message = "quiz.paper.count_too_large"
        if section.category is None:
            taken = sum(
                min(s.count, supported(s.kind, s.category))
                for s in sections
                if s.kind == section.kind and s.category is not None
            )
            # "after the other sections" only when other sections did take some terms
            message = (
                "quiz.paper.count_too_large_rest" if taken else "quiz.paper.count_too_large_all"
            )
            available -= taken
        if section.count > available:
            terms = [
                term
                for term in glossary.terms
                if section.category is None or term.category == section.category
            ]
            check.add_value(
                ("section", origin, "count"),
                message,
                count=section.count,
                available=max(0, available),
                category=section.category or "",
                kind=Localized(_label_key(section.kind)),
                why=unsupported(
                    glossary, [section.kind], terms, pinyin_max_syllables=max_syllables
                ),
            )
    if raw == []:
        check.add(("section",), "quiz.paper.no_sections")
    return sections


def _label_key(kind: str) -> str:
    spec = spec_for(kind)
    return spec.label_key if spec is not None else kind


def load_paper(path: str | Path, glossary: Glossary) -> PaperSpec:
    """Read and check a spec file; :class:`FileProblemError` on any problem."""
    name = os.fspath(path)
    try:
        data = read_regular_file(path, PAPER_LIMIT)
    except UnreadableFile as error:
        raise FileProblemError([file_problem(name, error, _PAPER_FILE_PROBLEMS)]) from None
    # A paper is read like a glossary: UTF-8 (a BOM dropped), a GBK file pointed at.
    return parse_paper(decode_glossary(data, name), glossary, name)


def section_seed(spec: PaperSpec, index: int) -> str:
    """The seed string of one section's random generator."""
    section = spec.sections[index]
    return f"{spec.seed}:{index}:{section.category or ''}:{section.kind}"


# A sentence shorter than this (once normalised) is too common to tie two questions together.
_MIN_SENTENCE = 6
_SENTENCE_END = re.compile("[。；;！!？?]|" + re.escape(BLANK))
# How often a term's question is made again (other options, the other true/false key) when
# it would show a sentence another question of the paper already ties to a term.
_REMAKES = 3


def _claims(question: Question) -> frozenset[str]:
    """The sentences ``question`` ties to a term, normalised: its prompt when the answer is
    a term (a definition, a sentence with a blank), a true/false statement, the right option
    when options are definitions, every option of a match. Two questions that tie the same
    sentence answer each other: 化石能源 and 能源消费 shown with one definition, keyed 错 and
    对; a definition as one question's prompt and another's right option."""
    spec = spec_for(question.kind)
    texts: list[str] = []
    pair = ""
    if spec is None or spec.mode == "typed-reading":
        return frozenset()
    if spec.mode == "match":
        texts += question.options
    elif spec.mode == "truefalse":
        texts.append(question.statement)
        # 化石能源 shown with 能源消费's definition and 能源消费 with 化石能源's: the swap
        # tells that both are 错
        pair = "|" + "|".join(sorted({question.term, question.statement_term}))
    elif spec.term_answer:
        texts.append(question.prompt)
    if spec.options_are_definitions and question.answer_index is not None:
        texts.append(question.options[question.answer_index])
    sentences = (normalise_text(s) for text in texts for s in _SENTENCE_END.split(text))
    claims = {s for s in sentences if len(s) >= _MIN_SENTENCE}
    if spec.mode == "truefalse":
        claims.add(pair)  # no sentence is normalised to hold "|"
    return frozenset(claims)


def _clashes(claims: frozenset[str], claimed: set[str]) -> bool:
    """Whether a question claiming ``claims`` shows a sentence already claimed: the same, or
    one holding the other (a blank cuts a sentence where it falls: 推动分布式能源系统建设，提升
    ＿＿ and 提升能源利用效率，减少对＿＿ are one sentence, each showing the other's answer)."""
    sentences = [c for c in claims if "|" not in c]
    return bool(claims & claimed) or any(
        a in b or b in a for a in sentences for b in claimed if "|" not in b
    )


def _fill_section(
    glossary: Glossary,
    spec: PaperSpec,
    section: PaperSection,
    pool: list[Term],
    rng: random.Random,
    claimed: set[str],
    asked: Asked,
) -> list[Question]:
    """The questions of one section, about terms drawn from ``pool``, adding what they claim
    to ``claimed`` and what they ask and offer to ``asked``. A question that would claim a
    sentence already claimed, or not keep clear of the others as :class:`Asked` says, is
    made again, or another term is drawn in its place; only when the pool has no other term
    is it kept (a small glossary cannot always give a paper without a repeat, and a paper
    keeps its length)."""
    chosen = rng.sample(pool, min(section.count, len(pool)))
    questions: list[Question] = []
    clashing: list[Question] = []
    spare: list[Term] | None = None

    while chosen:
        term = chosen.pop(0)
        for _ in range(_REMAKES):
            # the section's other terms are to be asked: not offered as wrong options
            made, clear = make_clear(
                glossary,
                term,
                section.kind,
                rng,
                asked,
                chosen,
                pinyin_max_syllables=spec.pinyin_max_syllables,
            )
            fair = isinstance(made, Question) and clear and not _clashes(_claims(made), claimed)
            if not isinstance(made, Question) or fair or not clear:
                break  # a remake may show other sentences, not clear what was offered
        if isinstance(made, Question) and fair:
            questions.append(made)
            claimed.update(_claims(made))
            asked.add(made)
            continue
        if isinstance(made, Question):
            clashing.append(made)
        # drawn only when needed, so that papers without a clash are as before
        if spare is None:
            tried = {term.id, *(t.id for t in chosen), *(q.term_id for q in questions)}
            spare = [t for t in pool if t.id not in tried]
            rng.shuffle(spare)
        if spare:
            chosen.append(spare.pop(0))
    for made in clashing[: section.count - len(questions)]:
        questions.append(made)
        claimed.update(_claims(made))
        asked.add(made)
    return questions


def build_paper(glossary: Glossary, spec: PaperSpec) -> Paper:
    """The paper for ``spec``: the same spec and glossary give the identical paper anywhere.

    Matching sections are filled first, then those with a category, then those without
    one, from terms not yet asked with the same kind; questions are then listed in the
    spec's section order.
    No sentence is tied to a term by two questions (see :func:`_claims`), and no term asked
    about is offered as a wrong option elsewhere, nor one reading of a character asked twice
    (see :class:`~carbon_glossary.core.quiz.Asked`): a question that would is made again, or
    another term of its section is asked instead.
    """
    used: dict[str, set[str]] = {}
    built: dict[int, list[Question]] = {}
    claimed: set[str] = set()
    asked = Asked()

    def matching(section: PaperSection) -> bool:
        kind = spec_for(section.kind)
        return kind is not None and kind.mode == "match"

    # a matching question shows five definitions at once: made first, before other
    # questions claim them
    order = sorted(
        range(len(spec.sections)),
        key=lambda i: (not matching(spec.sections[i]), spec.sections[i].category is None, i),
    )
    for index in order:
        section = spec.sections[index]
        rng = random.Random(section_seed(spec, index))
        taken = used.setdefault(section.kind, set())
        pool = [
            term
            for term in supported_terms(
                glossary,
                section.kind,
                section.category,
                pinyin_max_syllables=spec.pinyin_max_syllables,
            )
            if term.id not in taken
        ]
        built[index] = _fill_section(glossary, spec, section, pool, rng, claimed, asked)
        taken.update(q.term_id for q in built[index])
    questions_in_order = [q for i in range(len(spec.sections)) for q in built[i]]
    section_of = [i for i in range(len(spec.sections)) for _ in built[i]]
    return Paper(
        spec, tuple(questions_in_order), tuple(section_of), glossary.title, glossary.version
    )


def _question_json(number: int, section: int, question: Question) -> dict[str, Any]:
    item: dict[str, Any] = {
        "number": number,
        "section": section,
        "kind": question.kind,
        "term_id": question.term_id,
        "category": question.category,
        "prompt": question.prompt,
    }
    mode = question.mode
    if mode == "truefalse":
        item["statement"] = question.statement
    if mode == "match":
        item["items"] = list(question.items)
        item["item_ids"] = list(question.item_ids)
    if question.is_choice or mode == "match":
        item["options"] = list(question.options)
    item["answer"] = question.answer
    if question.answer_index is not None:
        item["answer_index"] = question.answer_index
    if mode == "match":
        item["pairs"] = list(question.pairs)
    if question.accepted:
        item["accepted"] = list(question.accepted)
    if mode == "typed-reading":
        item["syllables"] = list(question.syllables)
    item["term"] = question.term
    item["pinyin"] = question.pinyin
    item["source"] = question.source
    return item


def paper_to_json(paper: Paper) -> dict[str, Any]:
    """The paper as plain data (for ``--json``); keys are stable and language-independent."""
    spec = paper.spec
    data: dict[str, Any] = {
        "title": spec.title,
        "seed": spec.seed,
        "time_limit_minutes": spec.time_limit_minutes,
        "pass_mark_percent": spec.pass_mark_percent,
        "tones": spec.tones,
        "glossary": {"title": paper.glossary_title, "version": paper.glossary_version},
        "sections": [
            {"category": s.category, "kind": s.kind, "count": s.count} for s in spec.sections
        ],
        "questions": [
            _question_json(n + 1, paper.section_of[n], q) for n, q in enumerate(paper.questions)
        ],
    }
    # Only when set, so a paper without them keeps its JSON (and its exam id) as before.
    if spec.attempts is not None:
        data["attempts"] = spec.attempts
    if spec.shuffle is not None:
        data["shuffle"] = spec.shuffle
    return data


def render_paper_text(paper: Paper, *, answer_key: bool = True) -> str:
    """The paper as plain text for printing, in the interface language, with the answer key
    at the end (for the trainer) unless ``answer_key`` is False."""
    spec = paper.spec
    lines = [spec.title, ""]
    if spec.time_limit_minutes is not None:
        lines.append(t("quiz.paper.print.time", minutes=spec.time_limit_minutes))
    lines.append(
        t(
            "quiz.paper.print.summary",
            count=len(paper.questions),
            pass_mark=f"{spec.pass_mark_percent:g}",
            seed=spec.seed,
        )
    )
    if paper.glossary_title:
        lines.append(
            t(
                "quiz.paper.print.glossary",
                title=paper.glossary_title,
                version=paper.glossary_version,
            )
        )
    number = 0
    for index, section in enumerate(spec.sections):
        questions = [
            q for q, s in zip(paper.questions, paper.section_of, strict=True) if s == index
        ]
        if not questions:
            continue
        lines += [
            "",
            t(
                "quiz.paper.print.section",
                number=index + 1,
                kind=kind_name(section.kind),
                category=section.category or t("quiz.paper.all_categories"),
                count=len(questions),
            ),
            instruction(section.kind),
        ]
        for question in questions:
            number += 1
            lines.append("")
            # a question asked otherwise than its section says (a quoted sentence to fill)
            if instruction(question.kind, question.prompt) != instruction(section.kind):
                lines.append(instruction(question.kind, question.prompt))
            lines.extend(_render_question(number, question))
    if answer_key:
        lines += ["", t("quiz.paper.print.answer_key")]
        for n, question in enumerate(paper.questions, start=1):
            lines.append(f"{n}. {_answer_key(question)}")
    return "\n".join(lines) + "\n"


def score_paper(paper: Paper, answers: Sequence[Given] | Mapping[int, Given]) -> PaperScore:
    """Score the answers to ``paper``: a sequence in question order (missing ones count as
    unanswered) or a mapping from question index (from 0) to answer."""
    strict = paper.spec.tones == "strict"
    verdicts: list[Verdict] = []
    points: list[Fraction] = []
    for index, question in enumerate(paper.questions):
        if isinstance(answers, Mapping):
            given = answers.get(index)
        else:
            given = answers[index] if index < len(answers) else None
        verdict = check_answer(question, given, strict=strict)
        verdicts.append(verdict)
        if question.mode == "match" and verdict.pairs_correct:
            points.append(Fraction(sum(verdict.pairs_correct), len(verdict.pairs_correct)))
        else:
            points.append(Fraction(int(verdict.correct)))
    total = len(paper.questions)
    earned = sum(points, Fraction(0))
    pass_mark = Fraction(paper.spec.pass_mark_percent)
    by_category: dict[str, list[Fraction]] = {}
    for question, point in zip(paper.questions, points, strict=True):
        by_category.setdefault(question.category, []).append(point)
    categories = tuple(
        CategoryScore(
            name, float(sum(ps, Fraction(0))), len(ps), _percent(sum(ps, Fraction(0)), len(ps))
        )
        for name, ps in by_category.items()
    )
    wrong = tuple(WrongAnswer(n + 1, v) for n, v in enumerate(verdicts) if not v.correct)
    return PaperScore(
        points=float(earned),
        total=total,
        percent=_percent(earned, total),
        passed=total > 0 and earned * 100 >= pass_mark * total,
        pass_mark_percent=paper.spec.pass_mark_percent,
        by_category=categories,
        wrong=wrong,
        verdicts=tuple(verdicts),
    )


def _percent(points: Fraction, total: int) -> float:
    return float(points * 100 / total) if total else 0.0
