"""One question on the screen, and the answer being given to it.

:class:`QuestionView` shows a question with the answer being given to it (a
:class:`~carbon_glossary.session.answers.AnswerState`, owned by the session behind the
screen) and passes on keys from the screen's bindings (``digit``, ``letter``, ``truth``,
``move``) to the state's rules; after grading it can :meth:`~QuestionView.reveal` the
verdict with its explanation.

Every piece of glossary text goes through :func:`~carbon_glossary.ui.safe.visible` into a
``rich.text.Text``: it is data, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Input, Static

from carbon_glossary.core.pinyin import format_numbers, sample_reading, to_marked
from carbon_glossary.core.quiz import (
    MATCH_SIZE,
    OPTION_COUNT,
    Question,
    Verdict,
    instruction,
    kind_name,
    option_label,
)
from carbon_glossary.i18n import t
from carbon_glossary.session.answers import AnswerState
from carbon_glossary.ui.safe import visible, visible_line
from carbon_glossary.ui.widgets.wrap import Paragraph

__all__ = ["AnswerBox", "QuestionView"]

_ROWS = max(OPTION_COUNT, MATCH_SIZE)


def _paragraph(text: str, style: str = "") -> Paragraph:
    return Paragraph(Text(visible(text), style=style))


def _placeholder(question: Question) -> str:
    """What the empty typing box says. A pinyin example is a word that shares no syllable
    with the reading asked for: it must never be (part of) the answer."""
    if question.kind == "pinyin":
        _, reading = sample_reading(question.syllables)
        return t("quizui.placeholder.pinyin_sample", sample=format_numbers(reading))
    return t(question.spec.placeholder_key)


class AnswerBox(Input, inherit_bindings=False):
    """The typing box: Input's editing keys only. The scrolling keys an Input inherits
    (↑↓, PgUp, PgDn) go to the screen, which moves between questions with them."""

    BINDINGS = Input.BINDINGS


class _Row(Horizontal):
    """An option or a term to pair: a label column and a wrapped text column."""

    DEFAULT_CSS = """
    _Row { height: auto; }
    _Row > .row-label { width: 7; }
    _Row > .row-text { width: 1fr; }
    """

    @dataclass(eq=False, repr=False)
    class Clicked(Message):
        row: _Row

    def __init__(self, index: int, kind: str, **kwargs: object) -> None:
        super().__init__(classes=f"question-row -{kind}", **kwargs)  # type: ignore[arg-type]
        self.index = index
        self.kind = kind

    def compose(self) -> ComposeResult:
        yield Static(classes="row-label", markup=False)
        yield Static(classes="row-text", markup=False)

    def set(self, label: str, text: str, note: str = "") -> None:
        self.query_one(".row-label", Static).update(Text(label))
        body = Text(visible(text))
        if note:
            body.append(f"  {note}", style="bold")
        self.query_one(".row-text", Static).update(Paragraph(body))

    def on_click(self) -> None:
        self.post_message(self.Clicked(self))


class QuestionView(VerticalScroll, inherit_bindings=False):
    """Shows one question and the answer being given; reports changes with messages.

    It has no key bindings of its own (not even the scrolling ones it would inherit): the
    arrow and page keys belong to the screen, which picks options and moves between
    questions with them (see ``commands.ANSWER_KEYS``).
    """

    @dataclass(eq=False, repr=False)
    class Changed(Message):
        """The answer changed (a pick, a pairing, typing)."""

        view: QuestionView

        @property
        def control(self) -> QuestionView:
            return self.view

    @dataclass(eq=False, repr=False)
    class Entered(Message):
        """Enter was pressed in the typing box."""

        view: QuestionView

        @property
        def control(self) -> QuestionView:
            return self.view

    def __init__(self, **kwargs: object) -> None:
        super().__init__(can_focus=True, **kwargs)  # type: ignore[arg-type]
        self.question: Question | None = None
        self.state = AnswerState()
        self.verdict: Verdict | None = None
        self.heading = ""
        self.warning = ""
        """Catalogue key of a warning shown in place of the hint until the answer changes."""

    def compose(self) -> ComposeResult:
        yield Static(id="q-meta", markup=False)
        yield Static(id="q-instruction", markup=False)
        yield Static(id="q-prompt", markup=False)
        yield Static(id="q-statement", markup=False)
        with Vertical(id="q-items"):
            yield Static(id="q-items-title", markup=False)
            for index in range(MATCH_SIZE):
                yield _Row(index, "item")
        with Vertical(id="q-options"):
            yield Static(id="q-options-title", markup=False)
            for index in range(_ROWS):
                yield _Row(index, "option")
        yield AnswerBox(id="q-input", select_on_focus=False)
        yield Static(id="q-hint", markup=False)
        yield Static(id="q-verdict", markup=False)
        yield Static(id="q-explanation", markup=False)

    @property
    def input(self) -> AnswerBox:
        return self.query_one("#q-input", AnswerBox)

    @property
    def locked(self) -> bool:
        """No more changes: the answer has been graded (or the paper handed in)."""
        return self.verdict is not None or self.has_class("-locked")

    def show(self, question: Question, state: AnswerState, heading: str = "") -> None:
        """Show ``question`` with the answer ``state`` (kept and changed in place)."""
        self.question = question
        self.state = state
        self.verdict = None
        self.heading = heading
        self.warning = ""
        self.remove_class("-locked")
        if question.mode == "match" and len(state.pairs) != len(question.items):
            state.pairs = [None] * len(question.items)
        typed = question.is_typed
        field_ = self.input
        field_.display = typed
        field_.disabled = False
        with field_.prevent(Input.Changed):
            field_.value = state.text
        field_.cursor_position = len(state.text)
        field_.placeholder = _placeholder(question) if typed else ""
        self.scroll_home(animate=False)
        self.render_question()
        if typed:
            field_.focus()
        else:
            self.focus()

    def warn(self, key: str) -> None:
        """Say under the question why the answer cannot be taken yet (catalogue ``key``).

        Shown in place of the hint, not as a notification: pressing Enter again and again
        would otherwise pile up toasts over the options."""
        self.warning = key
        self._render_hint()
        self.call_after_refresh(
            self.scroll_to_widget, self.query_one("#q-hint"), animate=False, top=False
        )

    def freeze(self) -> None:
        """Accept no more changes (the paper was handed in)."""
        self.add_class("-locked")
        self.input.disabled = True

    def reveal(self, verdict: Verdict) -> None:
        """Show the grading: right and wrong options marked, then the explanation."""
        self.verdict = verdict
        self.input.disabled = True
        self.render_question()
        self.focus()
        # Bring the verdict into view: a long question can push it below the screen.
        self.call_after_refresh(
            self.scroll_to_widget, self.query_one("#q-verdict"), animate=False, top=False
        )

    def render_question(self) -> None:
        """Draw everything from the question, the state and the verdict (also after a
        language switch)."""
        question = self.question
        if question is None or not self.is_mounted:
            return
        kind = question.kind
        meta = kind_name(kind)
        if question.category:
            meta += t("quizui.separator") + visible_line(question.category)
        if self.heading:
            meta = self.heading + t("quizui.separator") + meta
        self.query_one("#q-meta", Static).update(Text(meta))
        self.query_one("#q-instruction", Static).update(Text(instruction(kind, question.prompt)))
        prompt = self.query_one("#q-prompt", Static)
        prompt.display = bool(question.prompt)
        prompt.update(_paragraph(question.prompt))
        statement = self.query_one("#q-statement", Static)
        statement.display = question.mode == "truefalse"
        statement.update(_paragraph(question.statement))
        self._render_items()
        self._render_options()
        self._render_hint()
        self._render_verdict()

    def _render_items(self) -> None:
        question = self.question
        assert question is not None
        box = self.query_one("#q-items", Vertical)
        box.display = question.mode == "match"
        if question.mode != "match":
            return
        self.query_one("#q-items-title", Static).update(Text(t("quizui.match.terms")))
        verdict = self.verdict
        for row in box.query(_Row):
            index = row.index
            row.display = index < len(question.items)
            if not row.display:
                continue
            pick = self.state.pairs[index]
            note = f"→ {option_label(pick)}" if pick is not None else "→ ?"
            if verdict is not None:
                right = question.pairs[index]
                ok = verdict.pairs_correct[index] if verdict.pairs_correct else False
                note += " ✓" if ok else f" ✗ {option_label(right)}"
                row.set_class(ok, "-right")
                row.set_class(not ok, "-wrong")
            else:
                row.remove_class("-right", "-wrong")
            cursor = verdict is None and index == self.state.item
            row.set_class(cursor, "-cursor")
            row.set(f"{'▶' if cursor else ' '}{index + 1}", question.items[index], note)

    def _render_options(self) -> None:
        question = self.question
        assert question is not None
        box = self.query_one("#q-options", Vertical)
        options = question.options
        box.display = bool(options)
        title = self.query_one("#q-options-title", Static)
        title.display = question.mode == "match"
        title.update(Text(t("quizui.match.definitions")))
        verdict = self.verdict
        for row in box.query(_Row):
            index = row.index
            row.display = index < len(options)
            if not row.display:
                continue
            chosen = self._chosen(index)
            marked = chosen and question.mode != "match"
            label = ("▶" if marked else " ") + self._option_label(index)
            note = ""
            right = wrong = False
            if question.mode == "match":
                paired = [i + 1 for i, p in enumerate(self.state.pairs) if p == index]
                note = "← " + "、".join(map(str, paired)) if paired else ""
            elif verdict is not None:
                right = index == question.answer_index
                wrong = chosen and not right
                label += " ✓" if right else " ✗" if wrong else ""
            row.set_class(marked, "-selected")
            row.set_class(right, "-right")
            row.set_class(wrong, "-wrong")
            row.set(label, options[index], note)

    def _option_label(self, index: int) -> str:
        question = self.question
        assert question is not None
        if question.mode == "truefalse":
            return f"{index + 1}"
        return option_label(index)

    def _chosen(self, index: int) -> bool:
        question = self.question
        assert question is not None
        if question.mode == "typed-or-choice":
            verdict = self.verdict
            return verdict is not None and verdict.chosen == index
        return self.state.choice == index

    def _render_hint(self) -> None:
        question = self.question
        assert question is not None
        hint = self.query_one("#q-hint", Static)
        if self.locked:
            hint.display = False
            return
        hint.display = True
        hint.set_class(bool(self.warning), "-warning")
        if self.warning:
            hint.update(Text(t(self.warning)))
            return
        key = question.spec.hint_key
        if question.mode == "match":
            hint.update(Text(t(key, item=self.state.item + 1)))
        elif question.kind == "pinyin":
            _, reading = sample_reading(question.syllables)
            example = reading[0]
            text = t("quizui.hint.pinyin_sample", marked=to_marked(example), numbered=example)
            hint.update(Text(text))
        else:
            hint.update(Text(t(key)))

    def _render_verdict(self) -> None:
        verdict_box = self.query_one("#q-verdict", Static)
        explanation = self.query_one("#q-explanation", Static)
        verdict = self.verdict
        verdict_box.display = explanation.display = verdict is not None
        if verdict is None:
            return
        lines = list(verdict.explain())
        verdict_box.set_class(verdict.correct, "-right")
        verdict_box.set_class(not verdict.correct, "-wrong")
        mark = "✓ " if verdict.correct else "✗ "
        given = ""
        typed = self.question is not None and self.question.is_typed
        if typed and not verdict.correct and verdict.given:
            given = t("quizui.your_answer", answer=visible_line(verdict.given))
        verdict_box.update(Text(mark + lines[0] + (f"  {given}" if given else "")))
        explanation.display = len(lines) > 1
        explanation.update(_paragraph("\n".join(lines[1:])))

    # --- changing the answer (called by the screen's key actions) ---

    def digit(self, index: int) -> bool:
        """Key 1–5: pick option ``index`` (the term ``index`` when matching)."""
        question = self.question
        if question is None or self.locked:
            return False
        if question.mode == "match":
            return self._select_item(index)
        return self._pick(index)

    def letter(self, index: int) -> bool:
        """Key A–E: pick option ``index`` (pair it with the current term when matching)."""
        question = self.question
        if question is None or self.locked:
            return False
        if question.mode == "match":
            return self._pair(index)
        return self._pick(index)

    def truth(self, value: bool) -> bool:
        """Key Y/N: true or false."""
        question = self.question
        if question is None or self.locked or question.mode != "truefalse":
            return False
        return self._pick(0 if value else 1)

    def move(self, step: int) -> bool:
        """Up/down: move the choice (or, when matching, the term being paired)."""
        question = self.question
        if question is None or self.locked:
            return False
        if question.mode == "match":
            return self._select_item((self.state.item + step) % len(question.items))
        if not self.state.move(question, step):
            return False
        self._changed()
        return True

    def _pick(self, index: int) -> bool:
        question = self.question
        assert question is not None
        if question.is_typed:  # a cloze option clicked: fill it in
            if not 0 <= index < len(question.options):
                return False
            self.input.value = question.options[index]  # the box reports the change
            self.input.cursor_position = len(self.input.value)
            return True
        if not 0 <= index < len(question.options):
            return False
        self.state.pick(question, index)
        self._changed()
        return True

    def _select_item(self, index: int) -> bool:
        question = self.question
        assert question is not None
        if not self.state.select_item(question, index):
            return False
        self.warning = ""
        self.render_question()
        return True

    def _pair(self, option: int) -> bool:
        question = self.question
        assert question is not None
        if not self.state.pair(question, option):
            return False
        self._changed()
        return True

    def _changed(self) -> None:
        self.warning = ""
        self.render_question()
        self.post_message(self.Changed(self))

    @on(Input.Changed, "#q-input")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if self.locked or self.question is None:
            return
        self.state.type(self.question, event.value)
        self.warning = ""
        self._render_hint()
        self.post_message(self.Changed(self))

    @on(Input.Submitted, "#q-input")
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Entered(self))

    @on(_Row.Clicked)
    def _clicked(self, event: _Row.Clicked) -> None:
        event.stop()
        if event.row.kind == "item":
            self.digit(event.row.index)
        else:
            self.letter(event.row.index)
