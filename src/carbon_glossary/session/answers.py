"""The answer being given to one question, and the rules for changing it.

A screen turns keys into these calls (``pick``, ``pair``, ``select_item``, ``move``,
``type``) and draws the state; the rules (one definition per term when matching, an option
number typed into a cloze box picks that option) live here, so every front end applies the
same ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from carbon_glossary.core.quiz import Given, Question

__all__ = ["AnswerState"]


@dataclass
class AnswerState:
    """The answer given so far to one question: the option picked (choice kinds and
    true/false), the text typed (pinyin, cloze), or for matching the option paired with
    each term and the term being paired (``item``)."""

    choice: int | None = None
    text: str = ""
    pairs: list[int | None] = field(default_factory=list)
    item: int = 0

    @classmethod
    def for_question(cls, question: Question) -> AnswerState:
        """An empty answer shaped for ``question`` (one open pair per term to match)."""
        return cls(pairs=[None] * len(question.items) if question.mode == "match" else [])

    def given(self, question: Question) -> Given:
        """The answer as :func:`~carbon_glossary.core.quiz.check_answer` takes it
        (None when nothing has been given)."""
        if question.mode == "match":
            return tuple(self.pairs) if any(p is not None for p in self.pairs) else None
        if question.is_typed:
            text = self.text.strip()
            if not text:
                return None
            # An option number typed into the box picks that option, as a letter does.
            if (
                question.mode == "typed-or-choice"
                and text.isdigit()
                and 1 <= int(text) <= len(question.options)
            ):
                return int(text) - 1
            return text
        return self.choice

    def is_answered(self, question: Question) -> bool:
        """Something has been given (a match question may be partly paired)."""
        return self.given(question) is not None

    def is_complete(self, question: Question) -> bool:
        """Every part has an answer: for matching, every term is paired."""
        if question.mode == "match":
            return len(self.pairs) == len(question.items) and all(p is not None for p in self.pairs)
        return self.is_answered(question)

    def key(self, question: Question) -> str:
        """A comparable form of the answer, to tell whether it changed since it was saved."""
        return repr(self.given(question))

    # --- changing it; each returns whether anything changed ---

    def _shape(self, question: Question) -> None:
        if question.mode == "match" and len(self.pairs) != len(question.items):
            self.pairs = [None] * len(question.items)

    def pick(self, question: Question, index: int) -> bool:
        """Choose option ``index``; for a cloze question, fill in that option's text."""
        if not 0 <= index < len(question.options) or question.mode == "match":
            return False
        if question.is_typed:
            self.text = question.options[index]
            return True
        changed = self.choice != index
        self.choice = index
        return changed

    def type(self, question: Question, text: str) -> bool:
        """The typing box now holds ``text`` (typed kinds only)."""
        if not question.is_typed:
            return False
        changed = self.text != text
        self.text = text
        return changed

    def select_item(self, question: Question, index: int) -> bool:
        """Matching: make term ``index`` the one the next option pairs with."""
        if question.mode != "match" or not 0 <= index < len(question.items):
            return False
        self._shape(question)
        self.item = index
        return True

    def pair(self, question: Question, option: int) -> bool:
        """Matching: pair the current term with ``option``. One definition per term: taking
        an option takes it away from another term. Then move on to the next open term."""
        if question.mode != "match" or not 0 <= option < len(question.options):
            return False
        self._shape(question)
        pairs = self.pairs
        for i, pick in enumerate(pairs):
            if pick == option:
                pairs[i] = None
        pairs[self.item] = option
        open_items = [i for i, p in enumerate(pairs) if p is None]
        if open_items:
            after = [i for i in open_items if i > self.item]
            self.item = (after or open_items)[0]
        return True

    def move(self, question: Question, step: int) -> bool:
        """Up/down: the next or previous option (when matching, the next or previous term)."""
        if question.mode == "match":
            return self.select_item(question, (self.item + step) % max(1, len(question.items)))
        if question.is_typed or not question.options:
            return False
        current = self.choice
        start = (-1 if step > 0 else 0) if current is None else current
        return self.pick(question, (start + step) % len(question.options))

    def truth(self, question: Question, value: bool) -> bool:
        """True/false questions: 对 (option 0) or 错 (option 1)."""
        if question.mode != "truefalse":
            return False
        return self.pick(question, 0 if value else 1)
