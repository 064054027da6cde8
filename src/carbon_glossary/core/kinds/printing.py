"""How a question prints as plain text (a paper, an answer key), by its kind's mode."""

from __future__ import annotations

from carbon_glossary.core.grading import normalise_text
from carbon_glossary.core.kinds.question import Question, option_label
from carbon_glossary.i18n import t

__all__ = ["also_right", "answer_key", "question_lines", "sheet_key"]


def question_lines(number: int, question: Question) -> list[str]:
    """Question ``number`` as printed on a paper: its prompt, then its options or a blank."""
    mode = question.mode
    if mode == "match":
        lines = [f"{number}."]
        lines += [f"   ({i + 1}) {item}" for i, item in enumerate(question.items)]
        lines += [f"   {option_label(i)}. {option}" for i, option in enumerate(question.options)]
        return lines
    if mode == "truefalse":
        lines = [f"{number}. {question.prompt}", f"   {question.statement}"]
        return [*lines, "   " + " / ".join(question.options)]
    if mode == "typed-reading":
        return [f"{number}. {question.prompt}　________"]
    lines = [f"{number}. {question.prompt}"]
    lines += [f"   {option_label(i)}. {option}" for i, option in enumerate(question.options)]
    return lines


def answer_key(question: Question) -> str:
    """The right answer as a printed paper's key gives it: the letter and the option's text
    (the letter alone when the options are whole definitions), the reading, the pairing.
    A term that may be written in (cloze) is followed by the other answers marking accepts,
    so that a trainer marking by hand marks them right too: ``C　可再生能源（也算对：非化石
    能源）`` (QA findings 2, item 8)."""
    if question.mode in ("match", "typed-reading") or question.answer_index is None:
        return question.answer
    letter = option_label(question.answer_index)
    if question.spec.options_are_definitions:
        return letter
    others = also_right(question)
    if others:
        return f"{letter}　{question.answer}" + t("quiz.key.also_right", answers="、".join(others))
    return f"{letter}　{question.answer}"


def also_right(question: Question) -> tuple[str, ...]:
    """The other written answers accepted for a question answered by writing a term in: its
    aliases, and the broader terms after 等 (:func:`carbon_glossary.core.quiz.make_question`
    puts them in ``accepted``); not the term in another script (碳達峰), which is the same
    word."""
    if not (question.spec.term_answer and question.is_typed):
        return ()
    seen = {normalise_text(question.answer)}
    others = []
    for form in question.accepted:
        key = normalise_text(form)
        if key and key not in seen:
            seen.add(key)
            others.append(form)
    return tuple(others)


def sheet_key(question: Question) -> str:
    """The right answer in the notation of an answer sheet: as :func:`answer_key`, but a
    true/false answer is the word (对/错) a person writes, not a letter."""
    if question.mode == "truefalse":
        return question.options[question.answer_index or 0]
    return answer_key(question)
