"""``shuffle = "options"``: each person sees a question's options in their own order.

The questions and their order stay the room's (question 7 is question 7 for everyone, so
the report, the answer key and a printed copy still agree); only the options of the choice
questions (A-D) and the definitions of a matching question are reordered. True/false keeps
对 before 错, and typed questions have no options.

The order is drawn from the paper's seed, the person's profile id and the question number,
so the same person gets the same order every time (a resumed sitting shows what it showed
before), and anyone can recompute it. Answers are stored as the option's text, never its
letter, so marking and the room report count them against the room's paper by text.
"""

from __future__ import annotations

import random
from dataclasses import replace

from carbon_glossary.core.paper import Paper
from carbon_glossary.core.quiz import Question, option_label

__all__ = ["options_for", "shuffled_question"]


def options_for(paper: Paper, profile: str) -> Paper:
    """The paper as ``profile`` sees it: the room's own unless it shuffles options."""
    if paper.spec.shuffle != "options":
        return paper
    questions = tuple(
        shuffled_question(question, random.Random(f"{paper.spec.seed}:{profile}:{number}"))
        for number, question in enumerate(paper.questions, start=1)
    )
    return replace(paper, questions=questions)


def shuffled_question(question: Question, rng: random.Random) -> Question:
    """``question`` with its options in an order drawn from ``rng``; the right answer moves
    with its option (``answer_index``, or a matching question's ``pairs`` and ``answer``)."""
    if question.mode == "truefalse" or len(question.options) < 2:
        return question
    order = list(range(len(question.options)))
    rng.shuffle(order)  # order[new] = old position
    new_of = {old: new for new, old in enumerate(order)}
    options = tuple(question.options[old] for old in order)
    if question.mode == "match":
        pairs = tuple(new_of[old] for old in question.pairs)
        answer = " ".join(f"{i + 1}{option_label(p)}" for i, p in enumerate(pairs))
        return replace(question, options=options, pairs=pairs, answer=answer)
    if question.answer_index is None:
        return question
    return replace(question, options=options, answer_index=new_of[question.answer_index])
