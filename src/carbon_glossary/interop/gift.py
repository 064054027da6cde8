"""GIFT, Moodle's plain-text question format: a paper's questions, or one question per term.

GIFT gives ``~ = # { } :`` a meaning, so each is escaped with a backslash wherever it occurs
in glossary text (definitions are full of colons), and a backslash itself is doubled;
line breaks become ``\\n``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from carbon_glossary.core.paper import Paper
    from carbon_glossary.core.quiz import Question
    from carbon_glossary.interop.formats import ExportRequest

__all__ = ["escape", "glossary_gift", "paper_gift", "write_glossary", "write_paper"]

_SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    """Text as a GIFT literal: ``a:b {c}`` → ``a\\:b \\{c\\}``."""
    out = "".join("\\" + char if char in _SPECIAL else char for char in text)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def _title(name: str) -> str:
    return f"::{escape(name)}::"


def _question(number: int, question: Question, *, strict: bool = True) -> list[str]:
    from carbon_glossary.core.quiz import instruction

    head = _title(f"{number:02d} {question.term}")
    text = " ".join(
        escape(t) for t in (instruction(question.kind, question.prompt), question.prompt) if t
    )
    if question.statement:
        text += "\\n" + escape(question.statement)
    mode = question.mode
    if mode == "truefalse":
        return [f"{head}{text} {{{'T' if question.answer_index == 0 else 'F'}}}"]
    if mode == "typed-reading":
        # A GIFT short answer is imported as Moodle's shortanswer question: the same
        # spellings as the Moodle XML export, those the app's grader accepts.
        from carbon_glossary.interop.moodle import reading_answers

        forms = reading_answers(question, strict=strict)
        return [f"{head}{text} {{" + " ".join(f"={escape(f)}" for f in forms) + "}"]
    lines = [f"{head}{text} {{"]
    if mode == "match":
        for item, paired in zip(question.items, question.pairs, strict=True):
            lines.append(f"  ={escape(item)} -> {escape(question.options[paired])}")
    else:
        for index, option in enumerate(question.options):
            mark = "=" if index == question.answer_index else "~"
            lines.append(f"  {mark}{escape(option)}")
    return [*lines, "}"]


def _blocks(blocks: Iterable[list[str]]) -> str:
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def paper_gift(paper: Paper) -> str:
    """The paper's questions in order, under a category named after the paper."""
    header = [f"$CATEGORY: $course$/{escape(paper.title)}"]
    strict = paper.spec.tones == "strict"
    questions = (_question(n, q, strict=strict) for n, q in enumerate(paper.questions, start=1))
    return _blocks([header, *questions])


def glossary_gift(request: ExportRequest) -> str:
    """One short-answer question per defined term: its definition as the in-app quiz shows
    it (:func:`~carbon_glossary.core.quiz.shown_definition`: the term blanked out, and the
    notes the blank leaves empty dropped), so the question neither gives the answer away
    nor shows 简称“＿＿”; the term, its traditional form and its aliases are accepted. A term
    whose definition says nothing once blanked is left out, as the quiz leaves it out."""
    from carbon_glossary.core.quiz import shown_definition

    blocks = [[f"$CATEGORY: $course$/{escape(request.glossary.title)}"]]
    for term in request.terms:
        prompt = shown_definition(request.glossary, term)
        if not prompt:
            continue
        answers = dict.fromkeys((term.term, term.traditional, *term.aliases))
        accepted = " ".join(f"={escape(a)}" for a in answers if a)
        blocks.append([f"{_title(term.id)}{escape(prompt)} {{{accepted}}}"])
    return _blocks(blocks)


def write_glossary(request: ExportRequest, path: Path) -> None:
    path.write_text(glossary_gift(request), encoding="utf-8")


def write_paper(paper: Paper, path: Path) -> None:
    path.write_text(paper_gift(paper), encoding="utf-8")
