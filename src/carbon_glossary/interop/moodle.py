"""Moodle: a glossary activity's XML export format, and a paper as Moodle XML questions.

The glossary format is the one Moodle's own glossary export writes (mod/glossary/lib.php,
``glossary_generate_export_file``): GLOSSARY/INFO/ENTRIES/ENTRY with CONCEPT, DEFINITION
(HTML), ALIASES and CATEGORIES, so Moodle's glossary import reads it back. Questions use the
Moodle XML question format (multichoice, truefalse, shortanswer, matching); answers are not
shuffled, so a paper imported into Moodle is the paper the room sat.

A pinyin question is a Moodle *shortanswer* question, the one type every Moodle has that takes
typed text (a regular-expression type is a plug-in, qtype_regexp, most sites lack). Moodle
compares the answer, trimmed and NFC-normalised, with each accepted text, ignoring case; ``*``
is its only wildcard, and it matches anything, so it would also let a wrong syllable through.
The question therefore lists the spellings the app itself accepts
(:func:`~carbon_glossary.core.grading.grade_pinyin`), one answer each: see
:func:`reading_answers`.
"""

from __future__ import annotations

import html
import itertools
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from carbon_glossary.core.grading import grade_pinyin
from carbon_glossary.core.pinyin import display_pinyin, reading_pieces, split_tone, to_marked
from carbon_glossary.i18n import t

if TYPE_CHECKING:
    from carbon_glossary.core.model import Term
    from carbon_glossary.core.paper import Paper
    from carbon_glossary.core.quiz import Question
    from carbon_glossary.interop.formats import ExportRequest

__all__ = [
    "MAX_READING_ANSWERS",
    "glossary_xml",
    "paper_xml",
    "reading_answers",
    "write_glossary",
    "write_paper",
]

_FORMAT_HTML = "1"


def _text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = value
    return element


def _definition_html(term: Term) -> str:
    parts = [f"<p>{html.escape(display_pinyin(term.term, term.marks))}</p>"]
    if term.definition:
        parts.append(f"<p>{html.escape(term.definition)}</p>")
    if term.english:
        parts.append(f"<p><i>{html.escape('; '.join(term.english))}</i></p>")
    if term.source:
        parts.append(f"<p><small>{html.escape(term.source)}</small></p>")
    return "".join(parts)


def glossary_xml(request: ExportRequest) -> ET.ElementTree[ET.Element]:
    """The glossary as Moodle's glossary export XML."""
    root = ET.Element("GLOSSARY")
    info = ET.SubElement(root, "INFO")
    _text(info, "NAME", request.glossary.title)
    _text(info, "INTRO", "")
    _text(info, "INTROFORMAT", _FORMAT_HTML)
    _text(info, "ALLOWDUPLICATEDENTRIES", "0")
    _text(info, "DISPLAYFORMAT", "dictionary")
    _text(info, "SHOWSPECIAL", "1")
    _text(info, "SHOWALPHABET", "1")
    _text(info, "SHOWALL", "1")
    entries = ET.SubElement(info, "ENTRIES")
    for term in request.terms:
        entry = ET.SubElement(entries, "ENTRY")
        _text(entry, "CONCEPT", term.term)
        _text(entry, "DEFINITION", _definition_html(term))
        _text(entry, "FORMAT", _FORMAT_HTML)
        _text(entry, "USEDYNALINK", "0")
        _text(entry, "CASESENSITIVE", "0")
        _text(entry, "FULLMATCH", "0")
        _text(entry, "TEACHERENTRY", "1")
        aliases = [a for a in dict.fromkeys((*term.aliases, term.traditional)) if a != term.term]
        if aliases:
            holder = ET.SubElement(entry, "ALIASES")
            for alias in aliases:
                _text(ET.SubElement(holder, "ALIAS"), "NAME", alias)
        if term.category:
            category = ET.SubElement(ET.SubElement(entry, "CATEGORIES"), "CATEGORY")
            _text(category, "NAME", term.category)
            _text(category, "USEDYNALINK", "0")
    ET.indent(root)
    return ET.ElementTree(root)


def write_glossary(request: ExportRequest, path: Path) -> None:
    glossary_xml(request).write(path, encoding="UTF-8", xml_declaration=True)


def _html_text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": "html"})
    _text(element, "text", value)
    return element


def _paragraphs(*texts: str) -> str:
    return "".join(f"<p>{html.escape(text)}</p>" for text in texts if text)


def _answer(parent: ET.Element, fraction: int, text: str, *, as_html: bool = True) -> None:
    attributes = {"fraction": str(fraction)}
    if as_html:
        attributes["format"] = "html"
    answer = ET.SubElement(parent, "answer", attributes)
    _text(answer, "text", html.escape(text) if as_html else text)
    _text(ET.SubElement(answer, "feedback"), "text", "")


MAX_READING_ANSWERS = 60
"""The most answers a pinyin question gets: the rarest spellings (the neutral tone as 0, ü as
u:) come last and are the first left out. No term of the shipped glossary reaches it."""

# ü typed as Moodle users type it, commonest first; the neutral tone as a digit, likewise.
_U_SPELLINGS = ("v", "ü", "u:")
_NEUTRAL_DIGITS = ("", "5", "0")


def _tone_choices(syllables: tuple[str, ...], term_text: str) -> list[list[str]] | None:
    """For each syllable, the numbered forms the app accepts there, its own first (the app
    also takes yí/yì for 一 and bú for 不): asked of the grader one syllable at a time, the
    others as expected. None when the grader does not accept the expected reading itself."""
    if not grade_pinyin(" ".join(syllables), syllables, term_text=term_text).correct:
        return None
    choices = []
    for index, syllable in enumerate(syllables):
        letters, own = split_tone(syllable)
        own = 5 if own in (None, 0) else own
        accepted = [f"{letters}{own}"]
        for tone in (1, 2, 3, 4, 5):
            if tone != own:
                probe = (*syllables[:index], f"{letters}{tone}", *syllables[index + 1 :])
                if grade_pinyin(" ".join(probe), syllables, term_text=term_text).correct:
                    accepted.append(f"{letters}{tone}")
        choices.append(accepted)
    return choices


def _renderings(
    reading: tuple[str, ...], literals: list[tuple[int, str]], *, toneless: bool = False
) -> Iterator[tuple[int, str]]:
    """One reading (numbered syllables) spelt every way a whole answer is commonly typed, as
    (rarity, spelling): tone marks or tone numbers (ü as v, ü or u:; the neutral tone as
    nothing, 5 or 0: the later, the rarer), the syllables spaced or joined (marks joined
    with and without the apostrophe before a, o, e), and, spaced, with the term's own
    letters and digits (``CCUS``, ``1+N``) or without. ``toneless``: the letters only."""

    def spaced_and_joined(tokens: list[str]) -> Iterator[str]:
        yield " ".join(tokens)
        if literals:
            with_literals = list(tokens)
            for position, literal in literals:
                with_literals.insert(position, literal)
            yield " ".join(with_literals)
        yield "".join(tokens)

    letters = [split_tone(s)[0] for s in reading]
    tones = [None if toneless else split_tone(s)[1] for s in reading]
    if not toneless:
        marked = [to_marked(s) for s in reading]
        for spelling in spaced_and_joined(marked):
            yield 0, spelling
        yield (
            0,
            "".join(
                f"'{m}" if i and m[0] in "aoeāáǎàōóǒòēéěè" else m for i, m in enumerate(marked)
            ),
        )
    u_spellings = _U_SPELLINGS if any("v" in sound for sound in letters) else ("v",)
    has_neutral = not toneless and any(tone in (None, 0, 5) for tone in tones)
    digits = _NEUTRAL_DIGITS if has_neutral else ("",)
    for (u_rarity, u), (digit_rarity, neutral) in itertools.product(
        enumerate(u_spellings), enumerate(digits)
    ):
        numbered = [
            sound.replace("v", u) + (neutral if tone in (None, 0, 5) else str(tone))
            for sound, tone in zip(letters, tones, strict=True)
        ]
        for spelling in spaced_and_joined(numbered):
            yield u_rarity + digit_rarity, spelling


def reading_answers(question: Question, *, strict: bool = True) -> tuple[str, ...]:
    """The spellings of a pinyin question's reading a Moodle shortanswer question accepts:
    the question's own answer first, then the spellings :func:`_renderings` makes of each
    reading the app accepts (its own, and the tones of 一 and 不 it also takes), commonest
    first, each kept only when the app's grader accepts it too, so Moodle never marks right
    what the app marks wrong. A lenient paper (``strict=False``) also accepts the reading
    typed without tones; a wrong tone, which the app forgives there, Moodle does not. At
    most :data:`MAX_READING_ANSWERS`.

    Not covered (Moodle compares whole texts; the README lists them): spellings mixed within
    one answer (marks and numbers, spaced and joined), other separators (hyphens, two
    spaces, an apostrophe between numbered syllables), full-width letters, jv/qv/xv/yv for
    ju/qu/xu/yu and lue/nue for lüe/nüe.
    """
    syllables, term_text = question.syllables, question.term
    choices = _tone_choices(syllables, term_text)
    if choices is None:
        return (question.answer,) if question.answer else ()
    try:
        pieces = reading_pieces(term_text, syllables)
    except ValueError:
        pieces = [(s, i) for i, s in enumerate(syllables)]
    literals = [(n, token) for n, (token, index) in enumerate(pieces) if index < 0]
    rendered = [
        spelling
        for reading in itertools.product(*choices)
        for spelling in _renderings(reading, literals)
    ]
    if not strict:
        rendered.extend(_renderings(syllables, literals, toneless=True))
    # commonest first, else in the order made (stable), so the cap leaves out the rarest
    rendered.sort(key=lambda pair: pair[0])
    answers = dict.fromkeys([question.answer] if question.answer else [])
    for _, spelling in rendered:
        if (
            spelling not in answers
            and grade_pinyin(spelling, syllables, strict=strict, term_text=term_text).correct
        ):
            answers[spelling] = None
    return tuple(answers)[:MAX_READING_ANSWERS]


def _general_feedback(question: Question) -> str:
    """What the app's explanation says of the term: the term and its reading, its definition,
    the source (a matching question's five terms are paired in its answer: the source only)."""
    if question.mode == "match":
        return _paragraphs(question.source)
    lines = [t("quiz.verdict.term", term=question.term, pinyin=question.pinyin)]
    if question.definition:
        lines.append(t("quiz.verdict.definition", definition=question.definition))
    lines.extend(question.notes)
    if question.source:
        lines.append(t("quiz.verdict.source", source=question.source))
    return _paragraphs(*lines)


def _question(quiz: ET.Element, number: int, question: Question, *, strict: bool) -> None:
    from carbon_glossary.core.quiz import instruction

    mode = question.mode
    types = {"match": "matching", "typed-reading": "shortanswer", "truefalse": "truefalse"}
    element = ET.SubElement(quiz, "question", {"type": types.get(mode, "multichoice")})
    _text(ET.SubElement(element, "name"), "text", f"{number:02d} {question.term}")
    prompt = _paragraphs(
        instruction(question.kind, question.prompt), question.prompt, question.statement
    )
    _html_text(element, "questiontext", prompt)
    _html_text(element, "generalfeedback", _general_feedback(question))
    _text(element, "defaultgrade", "1")
    _text(element, "penalty", "0")
    _text(element, "hidden", "0")
    if mode == "truefalse":
        right = question.answer_index == 0
        _answer(element, 100 if right else 0, "true", as_html=False)
        _answer(element, 0 if right else 100, "false", as_html=False)
    elif mode == "typed-reading":
        _text(element, "usecase", "0")
        for form in reading_answers(question, strict=strict):
            _answer(element, 100, form, as_html=False)
    elif mode == "match":
        _text(element, "shuffleanswers", "false")
        for item, paired in zip(question.items, question.pairs, strict=True):
            sub = ET.SubElement(element, "subquestion", {"format": "html"})
            _text(sub, "text", html.escape(item))
            _text(ET.SubElement(sub, "answer"), "text", question.options[paired])
    else:
        _text(element, "single", "true")
        _text(element, "shuffleanswers", "false")
        _text(element, "answernumbering", "ABCD")
        for index, option in enumerate(question.options):
            _answer(element, 100 if index == question.answer_index else 0, option)


def paper_xml(paper: Paper) -> ET.ElementTree[ET.Element]:
    """A paper's questions, in order, in a question-bank category named after the paper."""
    quiz = ET.Element("quiz")
    category = ET.SubElement(quiz, "question", {"type": "category"})
    _text(ET.SubElement(category, "category"), "text", f"$course$/{paper.title}")
    strict = paper.spec.tones == "strict"
    for number, question in enumerate(paper.questions, start=1):
        _question(quiz, number, question, strict=strict)
    ET.indent(quiz)
    return ET.ElementTree(quiz)


def write_paper(paper: Paper, path: Path) -> None:
    paper_xml(paper).write(path, encoding="UTF-8", xml_declaration=True)
