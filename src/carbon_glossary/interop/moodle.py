"""Moodle: a glossary activity's XML export format, and a paper as Moodle XML questions.

The glossary format is the one Moodle's own glossary export writes (mod/glossary/lib.php,
``glossary_generate_export_file``): GLOSSARY/INFO/ENTRIES/ENTRY with CONCEPT, DEFINITION
(HTML), ALIASES and CATEGORIES, so Moodle's glossary import reads it back. Questions use the
Moodle XML question format (multichoice, truefalse, shortanswer, matching); answers are not
shuffled, so a paper imported into Moodle is the paper the room sat.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

from carbon_glossary.core.pinyin import display_pinyin, format_numbers

if TYPE_CHECKING:
    from carbon_glossary.core.model import Term
    from carbon_glossary.core.paper import Paper
    from carbon_glossary.core.quiz import Question
    from carbon_glossary.interop.formats import ExportRequest

__all__ = ["glossary_xml", "paper_xml", "write_glossary", "write_paper"]

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


def _question(quiz: ET.Element, number: int, question: Question) -> None:
    from carbon_glossary.core.quiz import instruction

    mode = question.mode
    types = {"match": "matching", "typed-reading": "shortanswer", "truefalse": "truefalse"}
    element = ET.SubElement(quiz, "question", {"type": types.get(mode, "multichoice")})
    _text(ET.SubElement(element, "name"), "text", f"{number:02d} {question.term}")
    prompt = _paragraphs(
        instruction(question.kind, question.prompt), question.prompt, question.statement
    )
    _html_text(element, "questiontext", prompt)
    _html_text(element, "generalfeedback", _paragraphs(question.source))
    _text(element, "defaultgrade", "1")
    _text(element, "penalty", "0")
    _text(element, "hidden", "0")
    if mode == "truefalse":
        right = question.answer_index == 0
        _answer(element, 100 if right else 0, "true", as_html=False)
        _answer(element, 0 if right else 100, "false", as_html=False)
    elif mode == "typed-reading":
        _text(element, "usecase", "0")
        forms = dict.fromkeys(
            (question.answer, format_numbers(question.syllables), "".join(question.syllables))
        )
        for form in forms:
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
    for number, question in enumerate(paper.questions, start=1):
        _question(quiz, number, question)
    ET.indent(quiz)
    return ET.ElementTree(quiz)


def write_paper(paper: Paper, path: Path) -> None:
    paper_xml(paper).write(path, encoding="UTF-8", xml_declaration=True)
