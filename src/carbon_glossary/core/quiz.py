"""The quiz engine: questions made from a glossary, and answers checked against them.

Everything is pure and every random choice comes from the ``random.Random`` passed in, so a
seed reproduces a quiz exactly (exam papers rely on it). Terms are always visited in document
order and never through a set, so the result does not depend on hash order either.

The kinds of question (each a :class:`KindSpec`, declared once at the end of this module
and kept in the registry of :mod:`carbon_glossary.core.kinds.spec`):

``term-def``   the term is shown; pick its definition among 4.
``def-term``   a definition is shown (its own term blanked); pick the term among 4.
``en-term``    an English name is shown; pick the term among 4.
``pinyin``     the term is shown; type its reading.
``cloze``      an example or definition with the term blanked; type the term or pick among 4.
``truefalse``  a term with a definition, its own or another's; say whether it fits.
``match``      5 terms and their 5 definitions, shuffled; pair them up.
``reading``    a character with several readings (调 in 调峰); pick its reading in this
               term (made in :mod:`carbon_glossary.core.kinds.reading`).

A kind that a term cannot support (no English, no sentence to blank, too few other terms to
draw distractors from) gives a :class:`Skip` with a reason the caller can show, never an error.
"""

from __future__ import annotations

import difflib
import functools
import heapq
import itertools
import random
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from carbon_glossary.core.grading import (
    grade_pinyin,
    grade_text,
    normalise_text,
)
from carbon_glossary.core.kinds.question import (
    NOTHING_SHOWN,
    TRUE_FALSE_OPTIONS,
    Given,
    Kind,
    Question,
    Shown,
    Skip,
    SkipReason,
    Verdict,
    instruction,
    kind_name,
    option_label,
)
from carbon_glossary.core.kinds.spec import KindSpec, Mode, kind_names, registered, spec_for
from carbon_glossary.core.model import Glossary, Term
from carbon_glossary.core.pinyin import display_pinyin, is_hanzi, split_tone

__all__ = [
    "BLANK",
    "CHOICE_KINDS",
    "KINDS",
    "MATCH_SIZE",
    "OPTION_COUNT",
    "PINYIN_MAX_SYLLABLES",
    "TRUE_FALSE_OPTIONS",
    "Asked",
    "Given",
    "Kind",
    "KindSpec",
    "Mode",
    "Question",
    "Skip",
    "SkipReason",
    "Verdict",
    "check_answer",
    "check_support",
    "instruction",
    "kind_name",
    "kind_names",
    "make_clear",
    "make_question",
    "make_quiz",
    "mask_term",
    "option_label",
    "shown_definition",
    "spec_for",
    "supported_terms",
]

BLANK = "＿＿"
_HANZI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]")
OPTION_COUNT = 4
MATCH_SIZE = 5
# Longest term, in syllables, asked as ``pinyin`` unless a caller (a paper) asks otherwise.
PINYIN_MAX_SYLLABLES = 6
_TRUE_WORDS = frozenset({"对", "是", "正确", "真", "√", "✓", "✔", "t", "true", "y", "yes", "right"})
_FALSE_WORDS = frozenset(
    {"错", "否", "错误", "假", "×", "✗", "✘", "f", "false", "n", "no", "wrong"}
)


def _forms(term: Term) -> tuple[str, ...]:
    """The written forms of a term: itself, its traditional form and its aliases."""
    forms = [term.term, term.traditional, *term.aliases]
    return tuple(dict.fromkeys(f for f in forms if f and f.strip()))


# A note on how a character of the term is read (“荷”读hè（负荷），不读hé。) names a character
# of the answer: it is dropped from every text a question shows.
_READING_NOTE = re.compile(r"[^。；;]*“[^”]{1,4}”[读讀][^。；;]*[。；;]?")
# "X的简称", "X的英文缩写", "X的习惯简称": X is the term's full form, that is, its meaning.
_EXPANSION_TAIL = r"[”\"]?的(?:习惯|英文)?(?:简称|缩写)"
# "“＿＿”的简称，" "＿＿（Carbon Capture, …）的英文缩写：": the lead of a definition whose full
# form contains the term (光伏发电 of 光伏) or is another name of it, once masked. It says
# the term abbreviates itself and so defines nothing; it is dropped (issue 7, item 2).
_GUTTED_LEAD = re.compile(
    r"^[“\"]?" + re.escape(BLANK) + r"[”\"]?(?:（[^）]*）|\([^)]*\))?"
    r"的(?:习惯|英文)?(?:简称|缩写)[，,：:；;。]?"
)
# "，简称“＿＿”" "，俗称“＿＿”" "（以下简称＿＿）" "（＿＿）": a note giving another name of the
# term, once masked, says nothing (碳达峰与碳中和的合称，简称“＿＿”；…控排义务，俗称“＿＿”)
# and is dropped like the lead above (QA on 6392bbe).
_NAME_WORDS = r"(?:简称|俗称|又称|亦称|也称|通称|统称|或称|常说|常称)"
_ALIAS_NOTE = re.compile(
    r"[（(](?:(?:以下)?" + _NAME_WORDS + r")?[“\"]?" + re.escape(BLANK) + r"[”\"]?[）)]"
    r"|[，,]?(?:解读中|文中|下文)?(?:以下)?"
    + _NAME_WORDS
    + r"[“\"]?"
    + re.escape(BLANK)
    + r"[”\"]?(?=[，,。；;]|$)"
)
# Words that an initialism skips: Carbon Capture, Utilization and Storage is CCUS.
_STOP_WORDS = frozenset({"a", "an", "and", "for", "in", "of", "on", "the", "to"})
# A definition that keeps fewer characters than this once its term is blanked defines nothing.
_MIN_DEFINITION_CHARS = 6


def _without_reading_notes(text: str) -> str:
    """``text`` without its notes on how a character of the term is read."""
    return _READING_NOTE.sub("", text).strip() if "读" in text or "讀" in text else text


def _without_gutted(masked: str) -> str:
    """``masked`` (a text with its term blanked) without what the blank leaves empty: the
    lead that calls the term the short form of a blank, and notes giving another name of it."""
    if BLANK not in masked:
        return masked
    return _ALIAS_NOTE.sub("", _GUTTED_LEAD.sub("", masked)).strip()


def _defines(text: str) -> bool:
    """Whether what ``text`` shows besides its blanks is long enough to say something."""
    return len(normalise_text(text.replace(BLANK, ""))) >= _MIN_DEFINITION_CHARS


# The lead of a definition's first sentence that names the term as its subject before saying
# what it is: "《中华人民共和国＿＿法》所称的＿＿，是指…" and "＿＿是指…" (then 指…),
# "中华人民共和国＿＿，是…" (then 是…).
_SUBJECT_LEAD = re.compile(
    r"^[^，,。；;]*" + re.escape(BLANK) + r"[^，,。；;是指]*[，,]?(?:是(?=指))?(?=是|指)"
)


def _without_own_mentions(definition: str) -> str:
    """``definition`` (its term blanked) as a term→definition option shows it: without the
    sentences that mention the term (a blank), and without a lead naming it as the subject;
    "" when the first sentence still mentions it. A form kept inside a longer word stays:
    it is the term's meaning (“二氧化碳排放”的简称 of 碳排放), like an expansion.

    In term→def the term is the stem, so a blank in one option marks where it fits, and the
    right option is the one where it reads naturally (事关构建＿＿ with 人类命运共同体 asked:
    QA findings 2, item 26). No option shows such a mention, so none is marked."""

    def mentions(text: str) -> bool:
        return BLANK in text

    sentences = re.findall(r"[^。；;]+[。；;]?", definition)
    if not sentences:
        return ""
    first = sentences[0]
    if mentions(first):
        first = _SUBJECT_LEAD.sub("", first)
        if mentions(first):
            return ""
    text = "".join([first, *(s for s in sentences[1:] if not mentions(s))]).strip()
    if text and text[-1] in "；;，,":
        text = text[:-1] + "。"
    return text if len(normalise_text(text)) >= _MIN_DEFINITION_CHARS else ""


def _english_words(english: str) -> str:
    """An English name as its words between spaces (" peak value "), to find one name
    inside another as whole words: "peak" is in "carbon emissions peak", not in "peaking"."""
    return " " + " ".join(re.findall(r"[a-z0-9]+", english.casefold())) + " "


def _names(text: str, term: Term) -> bool:
    """Whether ``text`` shows one of ``term``'s written forms verbatim, even inside a longer
    word (碳排放 in 二氧化碳排放): an option or a stem that does names it."""
    folded = text.casefold()
    bare = term.term.strip('《》“”"')  # 山东省碳达峰实施方案 names 《山东省碳达峰实施方案》
    forms = {f.casefold() for f in (*_forms(term), bare) if len(f) > 1}
    return any(f in folded for f in forms)


def _spells(text: str, term: Term) -> bool:
    """Whether the initials of the Latin words in ``text`` spell a Latin form of ``term``
    (Carbon Capture, Utilization and Storage: CCUS), which gives that form away."""
    forms = [f.casefold() for f in _forms(term) if re.fullmatch(r"[A-Za-z]{2,}", f)]
    if not forms:
        return False
    words = re.findall(r"[A-Za-z]+", text)
    initials = "".join(w[0] for w in words if w.casefold() not in _STOP_WORDS).casefold()
    return any(f in initials for f in forms)


def _expansions(term: Term) -> tuple[str, ...]:
    """The aliases that the definition gives as the term's full form (“两高”项目 is
    高耗能、高排放项目的简称). They are what the term means, so masking them would leave a
    definition that defines nothing; they are shown, unless they contain the term itself
    (“光伏发电”的简称 would show 光伏)."""
    own = [normalise_text(f) for f in (term.term, term.traditional) if f]
    found = []
    for alias in term.aliases:
        key = normalise_text(alias)
        contains_term = any(o and o in key for o in own)
        if (
            key
            and not contains_term
            and re.search(re.escape(alias) + _EXPANSION_TAIL, term.definition)
        ):
            found.append(alias)
    return tuple(found)


def _own_forms(term: Term) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The forms of ``term`` that are blanked, and its expansions (never blanked)."""
    expansions = _expansions(term)
    return tuple(f for f in _forms(term) if f not in expansions), expansions


def _mask(
    text: str,
    own: Sequence[str],
    protected: Callable[[str], Iterable[str]],
    expansions: Sequence[str],
) -> str:
    """``text`` with the ``own`` forms blanked, longest first, except inside the longer words
    ``protected(folded text)`` gives or an expansion (matched so that they are left alone)."""
    folded = text.casefold()
    present = [f for f in own if f.casefold() in folded]
    if not present:  # the common case when judging candidates: no regex at all
        return text
    keys = {f.casefold() for f in present}
    kept = [w for w in (*protected(folded), *expansions) if w.casefold() in folded]
    alternatives = sorted(set(present) | set(kept), key=lambda f: (-len(f), f))
    pattern = re.compile("|".join(re.escape(f) for f in alternatives), re.IGNORECASE)
    return pattern.sub(lambda m: BLANK if m.group(0).casefold() in keys else m.group(0), text)


def mask_term(text: str, term: Term, glossary: Glossary | None = None) -> str:
    """``text`` with every written form of ``term`` replaced by :data:`BLANK`, longest first
    (碳达峰碳中和 is blanked whole, not as 碳达峰 + 碳中和), Latin letters in any case.

    With ``glossary``, a form inside a longer term of the glossary is left alone: masking
    碳排放 leaves 二氧化碳排放 whole rather than showing 二氧化＿＿. An alias that the term
    abbreviates (绿证 is 可再生能源绿色电力证书的简称) is its meaning and is never blanked.
    """
    if glossary is not None:
        return _CACHE.get(glossary).mask(text, term)
    own, expansions = _own_forms(term)
    return _mask(text, own, lambda _: (), expansions)


def shown_definition(glossary: Glossary, term: Term) -> str:
    """``term``'s definition as a question shows it: the term and its other names blanked
    (:func:`mask_term`), notes on how a character of it is read dropped, and what the blank
    leaves empty dropped too (“＿＿”的简称, 简称“＿＿”, （＿＿）, 俗称“＿＿”); "" when what is
    left no longer defines it. Every exporter that asks for a term by its definition (GIFT)
    shows this, so that it shows what the quiz shows."""
    facts = _CACHE.get(glossary).facts_for(term)
    return facts.definition if facts.definition_key else ""


@dataclass(frozen=True, slots=True)
class _Facts:
    """What distractor choice needs to know about one term, computed once per glossary."""

    term: Term
    form_keys: frozenset[str]
    definition: str  # as a question shows it: reading notes dropped, own forms masked
    definition_key: str  # normalised shown definition ("" when it no longer defines)
    option_definition: str  # as a term-def option shows it: no mention of its term ("": none)
    raw_definition_key: str
    english_keys: frozenset[str]
    english_words: tuple[str, ...]  # its English names as words (see :func:`_english_words`)
    chars: frozenset[str]  # the hanzi of the term as an option shows it
    links: frozenset[str]  # ids of the terms it is linked to by related or broader, both ways
    ancestors: frozenset[str]  # ids of the terms it is a kind or part of (broader, transitively)
    near: frozenset[str]  # ids of its near-synonyms (``near``, both ways)
    head: str  # its last hanzi: 系统 in 分布式能源系统, 汇 in 生态碳汇
    spells: bool  # the shown definition spells a Latin form of the term by initials
    skeleton: str  # the definition without the pieces of its term's name (see _skeleton)


@dataclass(frozen=True, slots=True)
class _Shape:
    """How a term is written and read, for judging how alike two terms look."""

    chars: frozenset[str]
    sounds: tuple[str, ...]


class _Context:
    """Per-glossary facts and masking patterns, computed once."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        # every term's forms, case folded, to find the longer words around a term in a text
        self._all_forms: dict[str, str] = {}
        for other in glossary.terms:
            for form in _forms(other):
                self._all_forms.setdefault(form.casefold(), form)
        self._longest_form = max(map(len, self._all_forms), default=0)
        self._own: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        # Facts are computed when first needed: a question looks at a few candidates only.
        self._facts: dict[str, _Facts] = {}
        self._shapes: dict[str, tuple[Term, _Shape]] = {}
        self.by_category: dict[str, list[Term]] = {}
        # related and broader, both ways: "碳汇 related 生态碳汇" links 生态碳汇 to 碳汇 too
        self._links: dict[str, set[str]] = {}
        # near, both ways: 永续发展 near 可持续发展 makes 可持续发展 near 永续发展 too
        self._near: dict[str, set[str]] = {}
        # broader, downwards: 生态碳汇 is a narrower term of 碳汇
        self._narrower: dict[str, list[str]] = {}
        for term in glossary.terms:
            for upper in term.broader:
                self._narrower.setdefault(upper, []).append(term.id)
            for near_id in term.near:
                self._near.setdefault(term.id, set()).add(near_id)
                self._near.setdefault(near_id, set()).add(term.id)
            self.by_category.setdefault(term.category, []).append(term)
            for linked in (*term.related, *term.broader):
                self._links.setdefault(term.id, set()).add(linked)
                self._links.setdefault(linked, set()).add(term.id)
        self._by_char: dict[str, list[Term]] | None = None
        self._by_sound: dict[str, list[Term]] | None = None
        self._by_form: dict[str, Term] | None = None  # a written form's term (first one)

    def _protected(self, term: Term, folded: str) -> list[str]:
        """The longer forms of other terms that contain one of ``term``'s forms where it
        occurs in ``folded`` (a text, case folded): 碳排放 must not blank the 碳排放 of
        二氧化碳排放. Found by looking up the stretches of text around each occurrence, so
        the cost does not grow with the glossary."""
        own_keys = {f.casefold() for f in _forms(term)}
        longest = self._longest_form
        protected: list[str] = []
        for key in own_keys:
            start = folded.find(key) if key else -1
            while start >= 0:
                end = start + len(key)
                for a in range(max(0, start - longest + len(key)), start + 1):
                    for b in range(max(end, a + len(key) + 1), min(len(folded), a + longest) + 1):
                        form = self._all_forms.get(folded[a:b])
                        if form is not None and folded[a:b] not in own_keys:
                            protected.append(form)
                start = folded.find(key, start + 1)
        return protected

    def own_forms(self, term: Term) -> tuple[tuple[str, ...], tuple[str, ...]]:
        known = self._own.get(term.id)
        if known is None or self.glossary.by_id(term.id) is not term:
            known = _own_forms(term)
            if self.glossary.by_id(term.id) is term:
                self._own[term.id] = known
        return known

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
        if known is not None and known[0] is term:
            return known[1]
        shape = _Shape(
            frozenset(_HANZI.findall(term.term)),
            tuple(s.rstrip("012345") for s in term.syllables),  # numbered syllables
        )
        if self.glossary.by_id(term.id) is term:
            self._shapes[term.id] = (term, shape)
        return shape

    def terms_with_char(self, char: str) -> list[Term]:
        """The terms whose text holds ``char``, in document order (built on first use)."""
        if self._by_char is None:
            by_char: dict[str, list[Term]] = {}
            for term in self.glossary.terms:
                for c in dict.fromkeys(term.term):
                    if is_hanzi(c):
                        by_char.setdefault(c, []).append(term)
            self._by_char = by_char
        return self._by_char.get(char, [])

    def terms_with_sound(self, sound: str) -> list[Term]:
        """The terms whose reading holds the toneless syllable ``sound``, in document order
        (built on first use)."""
        if self._by_sound is None:
            by_sound: dict[str, list[Term]] = {}
            for term in self.glossary.terms:
                for syllable in dict.fromkeys(split_tone(s)[0] for s in term.syllables):
                    by_sound.setdefault(syllable, []).append(term)
            self._by_sound = by_sound
        return self._by_sound.get(sound, [])

    def parts(self, term: Term) -> tuple[str, ...]:
        """The names of other terms written inside ``term``'s name, longest first: 碳达峰 and
        碳中和 in 碳达峰碳中和, 碳排放 in 碳排放强度. A definition that names them explains what
        the term is made of (碳达峰与碳中和的合称), which is meaning, not a hint."""
        name = term.term
        own = {f.casefold() for f in _forms(term)}
        found = {
            self._all_forms[name[a:b].casefold()]
            for a in range(len(name))
            for b in range(a + 2, min(len(name), a + self._longest_form) + 1)
            if name[a:b].casefold() in self._all_forms and name[a:b].casefold() not in own
        }
        return tuple(sorted((f for f in found if f in name), key=lambda f: (-len(f), f)))

    def descendants(self, term: Term) -> list[Term]:
        """The terms that are a kind or part of ``term``, following ``broader`` downwards,
        in document order."""
        found: set[str] = set()
        todo = list(self._narrower.get(term.id, ()))
        while todo:
            term_id = todo.pop()
            if term_id not in found and term_id != term.id:
                found.add(term_id)
                todo.extend(self._narrower.get(term_id, ()))
        return [t for t in self.glossary.terms if t.id in found] if found else []

    def named_in(self, text: str) -> list[Term]:
        """The terms whose written forms ``text`` shows, longest matches only (太阳能, not
        阳能 inside it), found by looking up the stretches of ``text``."""
        folded = text.casefold()
        spans: list[tuple[int, int, str]] = []
        for a in range(len(folded)):
            for b in range(min(len(folded), a + self._longest_form), a, -1):
                form = self._all_forms.get(folded[a:b])
                if form is not None:
                    spans.append((a, b, form))
                    break
        longest = [
            form
            for a, b, form in spans
            if not any(x <= a and b <= y and (x, y) != (a, b) for x, y, _ in spans)
        ]
        if self._by_form is None:
            self._by_form = {f: t for t in reversed(self.glossary.terms) for f in _forms(t)}
        by_form = self._by_form
        return list({by_form[f].id: by_form[f] for f in longest if f in by_form}.values())

    def ancestors(self, term: Term) -> frozenset[str]:
        """Ids of the terms ``term`` is a kind or part of, following ``broader`` upwards."""
        found: list[str] = []
        todo = list(term.broader)
        while todo:
            term_id = todo.pop()
            if term_id in found or term_id == term.id:
                continue
            found.append(term_id)
            upper = self.glossary.by_id(term_id)
            if upper is not None:
                todo.extend(upper.broader)
        return frozenset(found)

    def _compute_facts(self, term: Term) -> _Facts:
        shown = _without_reading_notes(term.definition.strip())
        definition = _without_gutted(self.mask(shown, term)) if shown else ""
        key = normalise_text(definition.replace(BLANK, ""))
        hanzi = [c for c in term.term if is_hanzi(c)]
        return _Facts(
            term=term,
            form_keys=frozenset(k for k in (normalise_text(f) for f in _forms(term)) if k),
            definition=definition,
            definition_key=normalise_text(definition) if len(key) >= _MIN_DEFINITION_CHARS else "",
            option_definition=_without_own_mentions(definition),
            raw_definition_key=normalise_text(term.definition),
            english_keys=frozenset(k for k in (normalise_text(e) for e in term.english) if k),
            english_words=tuple(w for w in map(_english_words, term.english) if w.strip()),
            chars=frozenset(hanzi),
            links=frozenset(self._links.get(term.id, ())),
            ancestors=self.ancestors(term),
            near=frozenset(self._near.get(term.id, ())),
            head=hanzi[-1] if hanzi else "",
            spells=_spells(definition, term),
            skeleton=_skeleton(term),
        )

    def mask(self, text: str, term: Term) -> str:
        own, expansions = self.own_forms(term)
        return _mask(text, own, lambda folded: self._protected(term, folded), expansions)

    def contains(self, text: str, term: Term) -> bool:
        return self.mask(text, term) != text


def _skeleton(term: Term) -> str:
    """``term``'s definition with every piece of two or more characters of its name replaced
    by one mark, longest first, and numbers by 0, normalised: what is left when the name is
    taken out. 山东省人民政府于2022年12月印发的文件…明确了山东省碳达峰工作… and 济南市人民政府
    于2023年6月印发的文件…明确了济南市碳达峰工作… leave nearly the same text (see
    :func:`_same_template`)."""
    text, name = term.definition, term.term
    pieces = {name[a:b] for a in range(len(name)) for b in range(a + 2, len(name) + 1)}
    for piece in sorted(pieces, key=lambda p: (-len(p), p)):
        if piece in text:
            text = text.replace(piece, "□")
    # a definition that does not name its term is no template filled in with the name
    return normalise_text(re.sub(r"\d+", "0", text)) if "□" in text else ""


# Two skeletons this alike are one template filled in with two names (0.61-0.77 in the
# shipped glossary for the documents and governments; below 0.47 for every other pair).
_TEMPLATE_LIKENESS = 0.6


def _same_template(a: _Facts, b: _Facts) -> bool:
    """Whether two definitions are one template with a different name filled in: offered
    together, the right one is the one naming the place or body in the term (QA findings
    2, item 7: the three plans' definitions, where only 山东省 / 济南市 / 我国2030年前
    differ)."""
    return bool(a.skeleton and b.skeleton) and _alike(*sorted((a.skeleton, b.skeleton)))


@functools.lru_cache(maxsize=1 << 16)
def _alike(a: str, b: str) -> bool:
    """Whether two skeletons are :data:`_TEMPLATE_LIKENESS` alike (asked again and again of
    the same pairs as distractors are chosen, hence the cache)."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return (
        matcher.real_quick_ratio() >= _TEMPLATE_LIKENESS
        and matcher.quick_ratio() >= _TEMPLATE_LIKENESS
        and matcher.ratio() >= _TEMPLATE_LIKENESS
    )


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


# When another term would be right too. Each rule is a relation the glossary states or
# shows, so that a test can prove that no question offers such a pair (issue 7, item 1).


def _nested(a: _Facts, b: _Facts) -> bool:
    """One term is written inside the other (碳汇 / 生态碳汇, 碳排放 / 二氧化碳排放)."""
    return any(x in y or y in x for x in a.form_keys for y in b.form_keys)


def _same_thing(a: _Facts, b: _Facts) -> bool:
    """One term names the other or a kind of it, or the two mean nearly the same: nested,
    linked by ``broader`` or ``near``, or sharing an English name (永续发展 and 可持续发展
    both "sustainable development": an English prompt fits both)."""
    return (
        _nested(a, b)
        or b.term.id in a.ancestors
        or a.term.id in b.ancestors
        or b.term.id in a.near
        or bool(a.english_keys & b.english_keys)
    )


# A definition that says what its term is a kind of, or what kinds it has, or what it is
# another word for: 属于可再生能源, 包括清洁能源技术、节能减排技术, 常指太阳能、风能, 含义与
# “可持续发展”相近. The other term is then named as a whole item of the list that follows
# the word, or as what the list's items are (包括太阳能、风能等可再生能源), not as part of a
# longer phrase (属于不可再生能源, 如屋顶分布式光伏, 可再生能源利用 are mere mentions).
_KIND_WORDS = "属于|包括|包含|涵盖|常指|专指|是指|主要有|分为|例如|比如|诸如|如|又称|也称|亦称|即"
_LIST_SEP = "、|和|及|以及|或|与"
_KIND_OF = re.compile(
    rf"(?:{_KIND_WORDS})(?:[^、，,。；;：:（）()]{{1,24}}?(?:{_LIST_SEP}|等))*?[“\"]?"
    + re.escape(BLANK)
    + rf"[”\"]?(?=$|{_LIST_SEP}|等|[）)，,。；;：:])"
    + "|"
    + re.escape(BLANK)
    + '[”"]?(?:的一种|之一)'
)
_NEAR_SYNONYM = re.compile(r"相近|同义|相同|等同")


def _names_as_kind(context: _Context, text: str, term: Term) -> bool:
    """Whether ``text`` (a definition) names ``term`` as what it is a kind of, as one of its
    kinds, or as a near-synonym (see :data:`_KIND_OF`): then the one's definition is true
    of the other too. Any other mention (碳达峰: 碳排放量达到历史最高值) is not."""
    masked = context.mask(text, term)
    if masked == text:
        return False
    segments = (s for s in re.split(r"[。；;]", masked) if BLANK in s)
    return any(
        _KIND_OF.search(clause) or _NEAR_SYNONYM.search(clause)
        for segment in segments
        for clause in re.split(r"[，,：:]", segment)
        if BLANK in clause
    )


def _could_define(context: _Context, a: _Facts, b: _Facts) -> bool:
    """``b``'s definition might be true of ``a`` or the other way round: the same thing, or
    one named by the other's definition as its kind, one of its kinds or a near-synonym
    (非化石能源: 化石能源以外的能源，包括太阳能…等可再生能源以及核能). A term merely mentioned
    (碳排放 in 碳达峰's definition) is a fair distractor (issue 7, item 1)."""
    return (
        _same_thing(a, b)
        or _names_as_kind(context, a.term.definition, b.term)
        or _names_as_kind(context, b.term.definition, a.term)
    )


def _could_fit(context: _Context, a: _Facts, b: _Facts) -> bool:
    """``b`` might also make a sentence about ``a`` true: it could define it (above), it is
    named anywhere in the other's definition, or the glossary links the two by ``related``
    (严格＿＿，新上项目须落实煤炭减量替代 fits 能耗双控 as well as 煤炭消费总量控制)."""
    return (
        _could_define(context, a, b)
        or context.contains(a.term.definition, b.term)
        or context.contains(b.term.definition, a.term)
        or b.term.id in a.links
    )


def _could_fill(context: _Context, a: _Facts, b: _Facts) -> bool:
    """``b`` might fill the blank of a sentence about ``a``: it could fit (above), or it is
    of the same kind: both kinds of one broader term (太阳能 / 地热能 in 增加太阳能、＿＿等可再生
    能源), or both with the same head (分布式能源系统 / 新型电力系统 in 推动＿＿建设)."""
    return (
        _could_fit(context, a, b)
        or bool(a.ancestors & b.ancestors)
        or (bool(a.head) and a.head == b.head)
    )


def _fits(context: _Context, kind: str, answer: _Facts) -> _Fits:
    """Which other terms may serve as distractors for this kind and answer.

    A definition (term-def, def-term) rules out terms it could define; a match also terms
    named in the others' definitions or related; a sentence (cloze) or a statement to judge
    (truefalse: a near-synonym's definition is not plainly 错) also terms it merely relates
    to; an English name only another name of the same thing. Definitions shown side by side
    or with another's term (term-def, match, truefalse) are not of one template
    (:func:`_same_template`).
    """
    if kind in ("term-def", "truefalse", "match", "def-term"):
        # a match shows every definition beside every term: none names another (碳达峰碳中和's
        # says 峰值; QA findings 2, item 7), as the README says; elsewhere a term merely
        # named in a definition is a fair distractor (碳排放 for 碳达峰)
        rival = _could_fit if kind in ("truefalse", "match") else _could_define
        # in a match the distractor's definition spelling its term pairs them; in truefalse
        # it names whose definition is shown
        spelt = kind in ("truefalse", "match")
        # definitions shown side by side, or one shown with another's term: not one template
        templated = kind != "def-term"
        fits: _Fits = lambda c: (  # noqa: E731
            bool(c.definition_key)
            and not (spelt and c.spells)
            and _distinct_definitions(c, answer)
            and _distinct_terms(c, answer)
            and not rival(context, c, answer)
            and not (templated and _same_template(c, answer))
        )
        if kind == "term-def":
            # an option naming the asked term is never its definition: struck at sight
            return lambda c: (
                bool(c.option_definition)
                and fits(c)
                and c.option_definition != answer.option_definition
                and not _names(c.option_definition, answer.term)
            )
        if kind == "def-term":
            # an option the stem names is struck or chosen at sight (QA findings 2, item 26)
            return lambda c: fits(c) and not _names(answer.definition, c.term)
        return fits
    if kind == "cloze":
        return lambda c: _distinct_terms(c, answer) and not _could_fill(context, c, answer)
    return lambda c: _distinct_terms(c, answer) and not _same_thing(c, answer)


def _distinct_for(context: _Context, kind: str) -> _Distinct:
    if kind == "match":
        # every item is the answer to one definition: no two may fit each other's
        return lambda a, b: (
            _distinct_definitions(a, b)
            and _distinct_terms(a, b)
            and not _could_fit(context, a, b)
            and not _same_template(a, b)
        )
    if kind == "term-def":
        return lambda a, b: (
            _distinct_definitions(a, b) and a.option_definition != b.option_definition
        )
    return _distinct_terms


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


# Up to this many terms, every other term is scored for every question; above it, only a
# sample drawn from indexes (terms sharing a character or a syllable, and the category).
_SCORE_ALL_LIMIT = 2_000
_SAMPLE_PER_KEY = 6
_MOST_EXAMINED = 300


def _ranked(context: _Context, answer: Term, rng: random.Random) -> Iterator[_Facts]:
    """Other terms, most tempting first: those of the same category, then the rest; within
    each, by similarity plus a little chance so that a term does not always get the same
    distractors.

    A small glossary is ranked whole (the rest only if the category runs out; random numbers
    drawn one per term, in document order). A large one would cost a scan per question, so
    only candidates from indexes are ranked: up to :data:`_SAMPLE_PER_KEY` terms sharing
    each of the answer's characters, each of its syllables, and from its category, each run
    taken from a random point; the other terms follow unranked, from a random point, should
    those run out."""
    if len(context.glossary.terms) <= _SCORE_ALL_LIMIT:
        yield from _ranked_whole(context, answer, rng)
        return
    same = context.by_category.get(answer.category, []) if answer.category else []
    shape = context.shape(answer)
    pool: dict[str, Term] = {}
    keys = [context.terms_with_char(c) for c in sorted(shape.chars)]
    keys += [context.terms_with_sound(s) for s in sorted(set(shape.sounds))]
    for postings in (*keys, same):
        for term in _from_random_point(postings, rng, _SAMPLE_PER_KEY):
            if term.id != answer.id:
                pool.setdefault(term.id, term)
    scored = sorted(
        (-(_similarity(shape, context.shape(t)) + 2.0 * rng.random()), t.position, t)
        for t in pool.values()
    )
    ranked = [t for *_, t in scored]
    in_category = [t for t in ranked if same and t.category == answer.category]
    elsewhere = [t for t in ranked if not (same and t.category == answer.category)]
    seen = set(pool) | {answer.id}

    def unseen(terms: Iterable[Term]) -> Iterator[Term]:
        for term in terms:
            if term.id not in seen:
                seen.add(term.id)
                yield term

    rest_in_category = unseen(_from_random_point(same, rng, len(same)))
    rest = unseen(_from_random_point(context.glossary.terms, rng, len(context.glossary.terms)))
    for term in itertools.chain(in_category, rest_in_category, elsewhere, rest):
        yield context.facts_for(term)


def _from_random_point(terms: Sequence[Term], rng: random.Random, count: int) -> Iterator[Term]:
    """Up to ``count`` of ``terms`` in order, starting at a random one and wrapping round."""
    if not terms:
        return
    start = rng.randrange(len(terms))
    for offset in range(min(count, len(terms))):
        yield terms[(start + offset) % len(terms)]


def _ranked_whole(context: _Context, answer: Term, rng: random.Random) -> Iterator[_Facts]:
    """:func:`_ranked` for a small glossary: every other term scored."""
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


def _in_order(context: _Context, answer: Term) -> Iterator[_Facts]:
    """Other terms in document order: the order in which support is checked."""
    return (context.facts_for(o) for o in context.glossary.terms if o.id != answer.id)


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


def _word_char(char: str) -> bool:
    return is_hanzi(char) or (char.isascii() and char.isalnum())


def _visible(context: _Context, kind: str, answer: _Facts, prompt: str) -> frozenset[str]:
    """What of the answer a question's text shows that only the answer's option may hold:
    pairs of adjacent hanzi of the answer (山东 of 《山东省碳达峰实施方案》 in 山东省人民政府于
    2022年12月印发的文件…), of which some distractor must hold one character; and runs of
    three characters, hanzi, Latin letters or digits (装配式 of 装配式建筑 in 常见装配式混凝土
    结构, 203 of 《2030年前碳达峰行动方案》, 市碳达 of 《济南市碳达峰工作方案》), which some
    distractor must hold whole; and a single character of the answer that the text quotes
    (把“汇”定义为… of 碳汇), which some distractor must hold. Otherwise the one option that
    holds them is the answer, known or not (issue 7, item 3). Other single characters are
    allowed to show: a definition explains its term's morphemes (碳达峰: 排放量达到…峰值),
    which is meaning, not a hint; so is a run the text shows as part of another term's name
    written inside the answer (碳达峰 of 碳达峰碳中和 in 碳达峰与碳中和的合称: see
    :meth:`_Context.parts`). For ``term-def`` the text is the right option, the stem being
    the term."""
    if kind == "def-term":  # shown as the prompt
        text = answer.definition
    elif kind == "term-def":  # shown as the right option
        text = answer.option_definition
    elif kind == "cloze":
        text = prompt
    else:
        return frozenset()
    # the term as its option shows it: its aliases are no option (an expansion it
    # abbreviates may well show, being its meaning)
    term = answer.term.term
    pairs = (a + b for a, b in itertools.pairwise(term) if is_hanzi(a) and is_hanzi(b))
    runs = ("".join(r) for r in zip(term, term[1:], term[2:], strict=False))
    spans = _spans(text, context.parts(answer.term))
    return frozenset(
        [p for p in pairs if p in text]
        + [r for r in runs if all(map(_word_char, r)) and _shows_outside(text, r, spans)]
        + [c for c in _QUOTED_CHAR.findall(text) if c in term]
    )


# A single character in quotation marks (把“汇”定义为…, “荷”读hè): the text points at that
# character, so when the answer holds it, some other option must hold it too (QA findings
# 2, item 7: 碳汇's definition quoting “汇”, and 碳汇 the only option with 汇). A character
# that is merely written (排放量达到…峰值 in 碳达峰's) is meaning, and may show.
_QUOTED_CHAR = re.compile(r"[“「‘\"]([\u3400-\u4dbf\u4e00-\u9fff])[”」’\"]")


def _spans(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Where ``names`` occur in ``text``, as (start, end)."""
    return [
        (m.start(), m.start() + len(name))
        for name in names
        for m in re.finditer(re.escape(name), text)
    ]


def _shows_outside(text: str, run: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``text`` shows ``run`` somewhere not inside one of ``spans``."""
    start = text.find(run)
    while start >= 0:
        if not any(a <= start and start + len(run) <= b for a, b in spans):
            return True
        start = text.find(run, start + 1)
    return False


def _covers(needle: str, text: str, whole_pairs: bool = False) -> bool:
    """Whether an option showing ``text`` holds ``needle`` of :func:`_visible`: one
    character of a pair (the whole pair with ``whole_pairs``), the whole of a longer run or
    the quoted character."""
    if len(needle) == 2 and not whole_pairs:
        return any(c in text for c in needle)
    return needle in text


def _term_text(facts: _Facts) -> str:
    return facts.term.term


def _definition_text(facts: _Facts) -> str:
    return facts.option_definition


def _pick(
    context: _Context,
    answer: _Facts,
    candidates: Iterable[_Facts],
    count: int,
    fits: _Fits,
    distinct: _Distinct,
    cover: frozenset[str] = frozenset(),
    shown: Callable[[_Facts], str] | None = None,
    *,
    whole_pairs: bool = False,
) -> list[_Facts] | SkipReason:
    """``count`` candidates that fit and are pairwise distinct, covering between them each
    pair and run in ``cover`` (see :func:`_covers`; ``shown`` gives the text a candidate's
    option shows: its term, or its definition; ``whole_pairs`` for a stem, where the README
    asks that no two adjacent characters show that only the answer has: 再生 of 可再生能源
    is not covered by the 生 of 生态碳汇): first, for each one not yet covered, the
    first candidate covering it (terms found by character, in document order); then the
    first candidates in ``candidates``' order.

    In a large glossary each search looks at :data:`_MOST_EXAMINED` candidates at most, so
    that a term nothing fits costs the same as one that fits at once (a term is then
    skipped as it would be in a small glossary; support is checked with the same bound)."""
    shown = shown or _term_text
    chosen: list[_Facts] = []
    most = None if len(context.glossary.terms) <= _SCORE_ALL_LIMIT else _MOST_EXAMINED

    def take(candidate: _Facts) -> bool:
        if (
            len(chosen) < count
            and candidate not in chosen
            and fits(candidate)
            and all(distinct(candidate, c) for c in chosen)
        ):
            chosen.append(candidate)
            return True
        return False

    for needle in sorted(cover):
        if any(_covers(needle, shown(c), whole_pairs) for c in chosen):
            continue
        # a term holding the needle holds its first character, or its second (a pair)
        keys = needle if len(needle) == 2 and not whole_pairs else needle[:1]
        if shown is _term_text and all(is_hanzi(k) for k in keys):
            holders: Iterable[_Facts] = (
                context.facts_for(t)
                for t in heapq.merge(
                    *(context.terms_with_char(char) for char in keys), key=lambda t: t.position
                )
                if t.id != answer.term.id
            )
        else:
            holders = candidates
        covering = (
            c for c in itertools.islice(holders, most) if _covers(needle, shown(c), whole_pairs)
        )
        if not any(take(c) for c in covering):
            return "giveaway"
    for candidate in itertools.islice(candidates, most):
        if len(chosen) == count:
            break
        take(candidate)
    return chosen if len(chosen) == count else "too_few_terms"


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


def _prompts(
    context: _Context, term: Term, kind: str, rng: random.Random | None
) -> list[tuple[str, str]]:
    """The texts a question of ``kind`` may show, with their source, in the order to try
    them: the English names (en-term), the sentences to blank (cloze), else one empty
    prompt. Shuffled by ``rng`` when given."""
    if kind == "en-term":
        prompts = [(english, term.source) for english in term.english]
    elif kind == "cloze":
        own, others = _sentences(context, term)
        # every occurrence is blanked, also inside longer terms: the answer must not show;
        # a lead or name note the blank guts is dropped, as from definitions
        masked = [(mask_term(_without_reading_notes(s), term), src) for s, src in (own or others)]
        prompts = [(_without_gutted(p), src) for p, src in masked]
        prompts = [
            (p, src) for p, src in prompts if BLANK in p and _defines(p) and not _spells(p, term)
        ]
    else:
        prompts = [("", term.source)]
    if rng is not None:
        rng.shuffle(prompts)
    return prompts


def _choose(
    context: _Context,
    answer: _Facts,
    kind: str,
    candidates: Iterable[_Facts],
    prompt: str,
    avoid: frozenset[str] = frozenset(),
) -> list[_Facts] | SkipReason:
    """The distractors for a question of ``kind`` showing ``prompt``, none of them a term
    in ``avoid`` (ids), or why there are none."""
    fits = _fits(context, kind, answer)
    if avoid:
        unavoided = fits
        fits = lambda c: c.term.id not in avoid and unavoided(c)  # noqa: E731
    if kind == "en-term":
        # "peak" (峰值) is a word of 碳达峰's "carbon emissions peak", and "green building"
        # (绿色建筑) is in "green building materials" (绿色建材): such a term could be meant
        # too, so it is no option (QA findings 2, item 27)
        words = _english_words(prompt)
        base = fits

        def fits(c: _Facts) -> bool:
            return base(c) and not any(words in w or w in words for w in c.english_words)

    elif kind == "cloze":
        base = fits
        fits = lambda c: base(c) and not context.contains(prompt, c.term)  # noqa: E731
    return _pick(
        context,
        answer,
        candidates,
        _needs(kind),
        fits,
        _distinct_for(context, kind),
        _visible(context, kind, answer, prompt),
        _definition_text if kind == "term-def" else _term_text,
        whole_pairs=kind == "def-term",
    )


def _first_choice(
    context: _Context,
    answer: _Facts,
    kind: str,
    prompts: Sequence[tuple[str, str]],
    ranked: _Replay | None,
    avoid: frozenset[str] = frozenset(),
) -> tuple[str, str, list[_Facts]] | None:
    """(prompt, source, distractors) for the first prompt that can be asked, candidates
    taken from ``ranked`` or, when None, in document order, none of them in ``avoid``."""
    for prompt, source in prompts:
        candidates = ranked if ranked is not None else _Replay(_in_order(context, answer.term))
        picked = _choose(context, answer, kind, candidates, prompt, avoid)
        if not isinstance(picked, str):
            return prompt, source, picked
    return None


def _needs(kind: str) -> int:
    if kind == "match":
        return MATCH_SIZE - 1
    if kind == "truefalse":
        return 1
    return OPTION_COUNT - 1


def check_support(
    glossary: Glossary,
    term: Term,
    kind: str,
    *,
    pinyin_max_syllables: int | None = PINYIN_MAX_SYLLABLES,
) -> Skip | None:
    """Why ``term`` cannot be asked as ``kind`` in this glossary, or None when it can.

    Independent of chance: when this returns None, :func:`make_question` gives a question
    for any random generator. ``pinyin_max_syllables`` bounds the terms asked as ``pinyin``
    (typing the reading of a long document title tests typing, not vocabulary); None for
    no bound.
    """
    spec = spec_for(kind)
    if spec is None:
        return Skip(kind, term.id, term=term.term, reason="unknown_kind")
    return spec.support(glossary, term, pinyin_max_syllables=pinyin_max_syllables)


def standard_support(
    glossary: Glossary, term: Term, kind: str, *, pinyin_max_syllables: int | None
) -> Skip | None:
    """:func:`check_support` for the kinds this module makes (the built-in kinds)."""
    context = _CACHE.get(glossary)
    answer = context.facts_for(term)
    if kind in ("term-def", "def-term", "truefalse", "match") and not answer.definition_key:
        return Skip(kind, term.id, term=term.term, reason="no_definition")
    if kind == "term-def" and not answer.option_definition:
        # its definition cannot be shown without a blank that marks it (二氧化碳当量: 单位如
        # “吨＿＿”)
        return Skip(kind, term.id, term=term.term, reason="giveaway")
    if kind in ("term-def", "def-term", "truefalse", "match") and answer.spells:
        return Skip(kind, term.id, term=term.term, reason="giveaway")
    if kind == "en-term" and not answer.english_keys:
        return Skip(kind, term.id, term=term.term, reason="no_english")
    if kind == "pinyin":
        if not term.syllables:
            return Skip(kind, term.id, term=term.term, reason="no_reading")
        if pinyin_max_syllables is not None and len(term.syllables) > pinyin_max_syllables:
            return Skip(kind, term.id, term=term.term, reason="too_long")
        return None
    prompts = _prompts(context, term, kind, None)
    if not prompts:
        return Skip(kind, term.id, term=term.term, reason="no_sentence")
    reason: SkipReason = "too_few_terms"
    for prompt, _ in prompts:
        found = _choose(context, answer, kind, _Replay(_in_order(context, term)), prompt)
        if not isinstance(found, str):
            return None
        reason = found if found == "giveaway" else reason
    return Skip(kind, term.id, term=term.term, reason=reason)


def supported_terms(
    glossary: Glossary,
    kind: str,
    category: str | None = None,
    *,
    pinyin_max_syllables: int | None = PINYIN_MAX_SYLLABLES,
) -> list[Term]:
    """The terms (of ``category``, if given) that can be asked as ``kind``, in document order."""
    return [
        term
        for term in glossary.terms
        if (category is None or term.category == category)
        and check_support(glossary, term, kind, pinyin_max_syllables=pinyin_max_syllables) is None
    ]


def make_question(
    glossary: Glossary,
    term: Term,
    kind: str,
    rng: random.Random,
    *,
    pinyin_max_syllables: int | None = PINYIN_MAX_SYLLABLES,
    shown: Shown = NOTHING_SHOWN,
) -> Question | Skip:
    """A question of ``kind`` about ``term``, or a :class:`Skip` saying why there is none.

    ``shown``: what the other questions of the same paper or round ask (see :class:`Shown`);
    with it, a question may be skipped (``too_few_terms``, ``no_polyphone``) that
    :func:`check_support` allows."""
    spec = spec_for(kind)
    if spec is None:
        return Skip(kind, term.id, term=term.term, reason="unknown_kind")
    skip = spec.support(glossary, term, pinyin_max_syllables=pinyin_max_syllables)
    if skip is not None:
        return skip
    return spec.make(glossary, term, rng, pinyin_max_syllables=pinyin_max_syllables, shown=shown)


def _common(term: Term) -> dict[str, Any]:
    """What every question about ``term`` says of it, for the explanation."""
    return {
        "term_id": term.id,
        "term": term.term,
        "pinyin": display_pinyin(term.term, term.marks),
        "definition": term.definition,
        "definition_en": term.definition_en,
        "category": term.category,
        "source": term.source,
    }


def make_pinyin(
    glossary: Glossary,
    term: Term,
    kind: str,
    rng: random.Random,
    *,
    pinyin_max_syllables: int | None,
    shown: Shown = NOTHING_SHOWN,
) -> Question | Skip:
    common = _common(term)
    return Question(
        kind=kind,
        prompt=term.term,
        answer=common["pinyin"],
        syllables=term.syllables,
        **common,
    )


def _drawn(
    glossary: Glossary, term: Term, kind: str, rng: random.Random, shown: Shown
) -> tuple[dict[str, Any], _Facts, str, list[_Facts]] | Skip:
    """(what the question says of the term, its facts, the prompt, the distractors) for a
    kind whose other options come from other terms, kept clear of ``shown``."""
    context = _CACHE.get(glossary)
    answer = context.facts_for(term)
    common = _common(term)
    prompts = _prompts(context, term, kind, rng)
    ranked = _Replay(_ranked(context, term, rng))
    # a matching question's other terms are asked about too: not terms offered elsewhere
    avoid = (shown.offered if kind == "match" else shown.subjects) - {term.id}
    # the most tempting distractors for a prompt taken at random; failing that, the ones
    # check_support found (in document order), so a supported term always gets a question
    # (when nothing is to be avoided)
    chosen = _first_choice(context, answer, kind, prompts, ranked, avoid) or _first_choice(
        context, answer, kind, prompts, None, avoid
    )
    if chosen is None:
        return Skip(kind, term.id, term=term.term, reason="too_few_terms")
    prompt, common["source"], distractors = chosen
    return common, answer, prompt, distractors


def make_truefalse(
    glossary: Glossary,
    term: Term,
    kind: str,
    rng: random.Random,
    *,
    pinyin_max_syllables: int | None,
    shown: Shown = NOTHING_SHOWN,
) -> Question | Skip:
    drawn = _drawn(glossary, term, kind, rng, shown)
    if isinstance(drawn, Skip):
        return drawn
    common, answer, _, distractors = drawn
    true = rng.random() < 0.5
    stated = answer if true else distractors[0]
    return Question(
        kind=kind,
        prompt=term.term,
        options=TRUE_FALSE_OPTIONS,
        answer=TRUE_FALSE_OPTIONS[0 if true else 1],
        answer_index=0 if true else 1,
        statement=stated.definition,
        statement_term=stated.term.term,
        offered_ids=() if true else (stated.term.id,),
        **common,
    )


def make_match(
    glossary: Glossary,
    term: Term,
    kind: str,
    rng: random.Random,
    *,
    pinyin_max_syllables: int | None,
    shown: Shown = NOTHING_SHOWN,
) -> Question | Skip:
    drawn = _drawn(glossary, term, kind, rng, shown)
    if isinstance(drawn, Skip):
        return drawn
    common, answer, _, distractors = drawn
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


def make_term_def(
    glossary: Glossary,
    term: Term,
    kind: str,
    rng: random.Random,
    *,
    pinyin_max_syllables: int | None,
    shown: Shown = NOTHING_SHOWN,
) -> Question | Skip:
    drawn = _drawn(glossary, term, kind, rng, shown)
    if isinstance(drawn, Skip):
        return drawn
    common, answer, _, distractors = drawn
    choices = [answer, *distractors]
    rng.shuffle(choices)
    return Question(
        kind=kind,
        prompt=term.term,
        options=tuple(c.option_definition for c in choices),
        answer=answer.option_definition,
        answer_index=choices.index(answer),
        offered_ids=tuple(d.term.id for d in distractors),
        **common,
    )


def make_term_choice(
    glossary: Glossary,
    term: Term,
    kind: str,
    rng: random.Random,
    *,
    pinyin_max_syllables: int | None,
    shown: Shown = NOTHING_SHOWN,
    definition_prompt: bool = False,
) -> Question | Skip:
    """A question whose options are terms, shown with the prompt its distractors were
    drawn for (an English name, a sentence with a blank) or with the term's definition."""
    drawn = _drawn(glossary, term, kind, rng, shown)
    if isinstance(drawn, Skip):
        return drawn
    common, answer, prompt, distractors = drawn
    choices = [answer, *distractors]
    rng.shuffle(choices)
    accepted = _forms(term)
    if not definition_prompt:
        accepted += _also_right(glossary, term, prompt)
    return Question(
        kind=kind,
        prompt=answer.definition if definition_prompt else prompt,
        options=tuple(c.term.term for c in choices),
        answer=term.term,
        answer_index=choices.index(answer),
        accepted=tuple(dict.fromkeys(accepted)),
        offered_ids=tuple(d.term.id for d in distractors),
        **common,
    )


# "A、B、C等": the list a definition gives of what its term covers (森林、草原、湿地、农田土壤、
# 海洋等生态系统 of 生态碳汇).
_COVERED_LIST = re.compile(
    r"([^、，,。；;：:（）()“”\"]{1,10}(?:、[^、，,。；;：:（）()“”\"]{1,10})+)等"
)
# The things listed before a blank that names what they are kinds of (太阳能、风能等＿＿).
_LISTED_BEFORE_BLANK = re.compile(
    r"([^，,。；;：:（）()]*?)等(?:各类|各种|多种)?" + re.escape(BLANK)
)


def _also_right(glossary: Glossary, term: Term, prompt: str) -> tuple[str, ...]:
    """Other terms a typed answer may name in the cloze ``prompt`` about ``term``, because
    the glossary's own definitions make the sentence true of them too (issue 7 item 1, QA
    findings 2 item 31). Options never offer them: they are linked to ``term``.

    - After a list of kinds (太阳能、风能等＿＿): a broader term (非化石能源, 清洁能源), and a
      linked term whose definition names each listed thing as one it covers (新能源: 常指
      太阳能、风能、…).
    - A narrower term (``broader`` names ``term``) whose definition lists things the
      sentence holding the blank names, at least two of them: 森林、草原、湿地…等生态系统 of
      生态碳汇 in 森林、草原、湿地、土壤和海洋等都能吸收并储存二氧化碳，…可以增加＿＿.
    Elsewhere a broader or narrower term may make the sentence false (核能属于非化石能源，
    但不属于＿＿), so it is not taken."""
    context = _CACHE.get(glossary)
    found: list[Term] = []
    listed = _LISTED_BEFORE_BLANK.search(prompt)
    if listed:
        found += [u for u in map(glossary.by_id, sorted(context.ancestors(term))) if u]
        items = [t for t in context.named_in(listed.group(1)) if t.id != term.id]
        linked = sorted(context.facts_for(term).links | context.facts_for(term).near)
        found += [
            other
            for other in map(glossary.by_id, linked)
            if other is not None
            and items
            and other not in items
            and all(_names_as_kind(context, other.definition, item) for item in items)
        ]
    sentences = [s for s in re.split(r"[。；;]", prompt) if BLANK in s]
    for lower in context.descendants(term):
        covered = {
            item.strip()
            for listing in _COVERED_LIST.findall(lower.definition)
            for item in listing.split("、")
        }
        if any(sum(item in s for item in covered) >= 2 for s in sentences):
            found.append(lower)
    return tuple(form for other in found for form in _forms(other))


def make_def_term(
    glossary: Glossary,
    term: Term,
    kind: str,
    rng: random.Random,
    *,
    pinyin_max_syllables: int | None,
    shown: Shown = NOTHING_SHOWN,
) -> Question | Skip:
    """A definition (its own term blanked) shown; the term picked among others."""
    return make_term_choice(
        glossary,
        term,
        kind,
        rng,
        pinyin_max_syllables=pinyin_max_syllables,
        shown=shown,
        definition_prompt=True,
    )


class Asked:
    """What the questions of one paper or practice round ask and offer so far, to keep
    them from answering one another (QA findings 2, items 3 and 6):

    - a term asked about (the answer of a choice, cloze or true/false question, the items of
      a matching question) is not offered as a wrong option, by name or by definition, in
      another question, nor the other way round: whoever knows the one answer would strike
      that option from the other question (碳达峰's and 碳排放's term→definition questions
      showing the same four definitions). Two option sets can then never be the same, as each
      holds its own answer. Pinyin and reading questions are about sound, not meaning: their
      terms count for neither side;
    - a character is asked in one reading once (省 shěng in 山东省人民政府 and in
      《山东省碳达峰实施方案》: the first gives the second away)."""

    def __init__(self) -> None:
        self.subjects: set[str] = set()
        self.offered: set[str] = set()
        self.readings: set[tuple[str, str]] = set()

    def shown(self, coming: Iterable[Term] = ()) -> Shown:
        """For :func:`make_question`: what a new question must stay clear of; ``coming``
        are the terms still to be asked (not offered now, so that they can be asked)."""
        return Shown(frozenset(self.subjects.union(t.id for t in coming)), frozenset(self.readings))

    @staticmethod
    def _subjects(question: Question) -> frozenset[str]:
        if question.mode == "typed-reading" or question.reading_char:
            return frozenset()
        return frozenset(question.term_ids)

    def admits(self, question: Question) -> bool:
        """Whether ``question`` keeps clear of the questions added so far."""
        if question.reading_char and (question.reading_char, question.answer) in self.readings:
            return False
        return not (
            self._subjects(question) & self.offered
            or self.subjects.intersection(question.offered_ids)
        )

    def add(self, question: Question) -> None:
        self.subjects |= self._subjects(question)
        self.offered.update(question.offered_ids)
        if question.reading_char:
            self.readings.add((question.reading_char, question.answer))


def make_clear(
    glossary: Glossary,
    term: Term,
    kind: str,
    rng: random.Random,
    asked: Asked,
    coming: Sequence[Term] = (),
    *,
    pinyin_max_syllables: int | None = PINYIN_MAX_SYLLABLES,
) -> tuple[Question | Skip, bool]:
    """A question of ``kind`` about ``term`` that keeps clear of what ``asked`` holds, not
    offering the terms ``coming`` either when it can; and whether it is clear. When no
    question is, one made regardless (False), for a caller that must fill a paper."""
    spec = spec_for(kind)
    if spec is None:
        return Skip(kind, term.id, term=term.term, reason="unknown_kind"), False
    skip = spec.support(glossary, term, pinyin_max_syllables=pinyin_max_syllables)
    if skip is not None:
        return skip, False
    made: Question | Skip = skip or Skip(kind, term.id, term=term.term, reason="too_few_terms")
    limit = pinyin_max_syllables
    for shown in (asked.shown(coming), asked.shown()) if coming else (asked.shown(),):
        made = spec.make(
            glossary, term, rng, pinyin_max_syllables=pinyin_max_syllables, shown=shown
        )
        if isinstance(made, Question):
            # not clear only when its own term was offered before: no remake changes that
            return made, asked.admits(made)
    return spec.make(glossary, term, rng, pinyin_max_syllables=limit, shown=NOTHING_SHOWN), False


def make_quiz(
    glossary: Glossary,
    kinds: Sequence[str],
    count: int,
    rng: random.Random,
    category: str | None = None,
    terms: Sequence[Term] | None = None,
    *,
    pinyin_max_syllables: int | None = PINYIN_MAX_SYLLABLES,
) -> list[Question]:
    """Up to ``count`` questions mixing ``kinds`` (all kinds when empty) over ``terms`` (or
    the glossary, or one ``category`` of it).

    Terms are taken in a random order and each gets a different kind in turn, so a short
    quiz covers many terms and kinds; a term comes back (with another kind) only when there
    are more questions than terms. Kinds a term cannot support are passed over; the list is
    shorter than ``count`` only when the terms cannot support that many distinct questions.
    The questions keep clear of one another as :class:`Asked` says; a question that cannot
    is put off to the end of the round, and asked only if the round would be short without
    it.
    """
    wanted: list[str] = list(dict.fromkeys(kinds)) or list(kind_names())
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
    put_off: list[Question] = []
    asked = Asked()
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
            # the terms of this lap still to come are not offered as wrong options
            coming = pool[slot : slot + count - len(questions) - 1]
            made, clear = make_clear(
                glossary,
                term,
                kind,
                rng,
                asked,
                coming,
                pinyin_max_syllables=pinyin_max_syllables,
            )
            if isinstance(made, Question) and not clear:
                put_off.append(made)  # asked at the end if the round needs it
            elif isinstance(made, Question):
                questions.append(made)
                asked.add(made)
                break
        else:
            exhausted.add(term.id)
    return questions + put_off[: count - len(questions)]


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


def _check_choice(question: Question, given: Given, strict: bool = True) -> Verdict:
    spec = question.spec
    chosen: int | None = None
    typed = ""
    if isinstance(given, bool):
        if spec.mode == "truefalse":
            chosen = 0 if given else 1
    elif isinstance(given, int):
        chosen = given if 0 <= given < len(question.options) else None
    elif isinstance(given, str):
        typed = given
        if spec.term_answer and grade_text(given, question.accepted).correct:
            chosen = question.answer_index
        elif spec.mode == "truefalse" and normalise_text(given) in _TRUE_WORDS | _FALSE_WORDS:
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


def _check_match(question: Question, given: Given, strict: bool = True) -> Verdict:
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


def _check_reading(question: Question, given: Given, strict: bool = True) -> Verdict:
    if not isinstance(given, str) or not given.strip():
        return Verdict(question, False, 0.0, unanswered=True)
    grade = grade_pinyin(given, question.syllables, strict=strict, term_text=question.term)
    # exactly as typed: the grader's reading of it is in grade.given
    return Verdict(question, grade.correct, float(grade.correct), given, pinyin=grade)


_GRADERS: dict[Mode, Callable[[Question, Given, bool], Verdict]] = {
    "choice": _check_choice,
    "typed-or-choice": _check_choice,
    "truefalse": _check_choice,
    "match": _check_match,
    "typed-reading": _check_reading,
}


def check_answer(question: Question, given: Given, *, strict: bool = True) -> Verdict:
    """Grade ``given`` (see :data:`Given`) for ``question`` by its kind's grader (by default,
    its mode's); never raises.

    ``strict`` applies to pinyin: tones are required; lenient grading ignores them.
    """
    try:
        spec = question.spec
        grade = spec.custom_grader() or _GRADERS[spec.mode]
        return grade(question, given, strict)
    except Exception:  # an unforeseen answer shape is a wrong answer, not a lost one
        return Verdict(question, False, 0.0, str(given) if given is not None else "")


KINDS: tuple[Kind, ...] = kind_names()
"""The built-in kinds (a kind registered later, by a test, is in :func:`kind_names`)."""
# Kinds answered by picking one of ``options`` (cloze may also be typed).
CHOICE_KINDS: frozenset[str] = frozenset(s.name for s in registered() if s.is_choice)
