"""How a question prints as plain text (a paper, an answer key), by its kind's mode."""

from __future__ import annotations

from carbon_glossary.core.kinds.question import Question, option_label

__all__ = ["answer_key", "question_lines", "sheet_key"]


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
    (the letter alone when the options are whole definitions), the reading, the pairing."""
    if question.mode in ("match", "typed-reading") or question.answer_index is None:
        return question.answer
    letter = option_label(question.answer_index)
    if question.spec.options_are_definitions:
        return letter
    return f"{letter}　{question.answer}"


def sheet_key(question: Question) -> str:
    """The right answer in the notation of an answer sheet: as :func:`answer_key`, but a
    true/false answer is the word (对/错) a person writes, not a letter."""
    if question.mode == "truefalse":
        return question.options[question.answer_index or 0]
    return answer_key(question)
