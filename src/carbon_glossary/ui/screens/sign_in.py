"""Who is sitting: the form before an exam (姓名, 部门), then a confirmation.

Tab moves between the fields, Enter submits, and Enter again (once the form shows who will
sit) starts the exam; Esc goes back from the confirmation to the form, or leaves. With a
roster the name is picked from a list of the people on it. The rules (what a valid name
is, the roster, the attempts limit, an interrupted sitting to carry on) are in
:mod:`carbon_glossary.session.sitter`; this screen shows them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from carbon_glossary.core.people import profile_id
from carbon_glossary.i18n import t
from carbon_glossary.session.sitter import (
    Admission,
    Refusal,
    SignInPlan,
    Sitter,
    admit,
    refusal_message,
    sign_in,
)
from carbon_glossary.ui import commands
from carbon_glossary.ui.safe import visible_line
from carbon_glossary.ui.screens.quiz import QUIZ_CSS, leave_screen

if TYPE_CHECKING:
    from carbon_glossary.core.model import Glossary
    from carbon_glossary.session.clock import Clock
    from carbon_glossary.session.progress import Progress

__all__ = ["SignInScreen"]

# Keys of this screen (the catalogue keys live in the sign-in section of the catalogues).
LEAVE = commands.Command(
    "leave", "escape", "leave", key_display="Esc", prefix="quizui.signin.cmd", palette=False
)


class SignInScreen(commands.LocalisedBindings):
    """Asks for name and department, confirms, then opens the exam as that person."""

    CSS_PATH = QUIZ_CSS

    BINDINGS: ClassVar[list[BindingType]] = commands.bindings(LEAVE)

    def __init__(
        self, glossary: Glossary, progress: Progress, plan: SignInPlan, clock: Clock
    ) -> None:
        super().__init__()
        self.glossary = glossary
        self.progress = progress
        self.plan = plan
        self.clock = clock
        self.confirming: Sitter | None = None
        """The sitter shown for confirmation; None while the form is being filled in."""
        self.message = ""
        """What the form says now (a refusal, or who is about to sit)."""
        self.started = False
        self._confirmed_fields = ("", "")
        """Whether the exam has been opened from this form (which then only leaves)."""

    def compose(self) -> ComposeResult:
        yield Header()
        # The form scrolls in its own box: when the screen itself scrolled (60×20), its
        # scrollbar took two cells from the Footer, which cut "^p 命令" to "^p 命".
        with VerticalScroll(id="sign-in-box"), Vertical(id="sign-in"):
            yield Label(t("quizui.signin.heading"), id="sign-in-heading")
            yield Label(t("quizui.signin.name"), classes="sign-in-label")
            yield Input(self.plan.name, id="sign-in-name", max_length=80)
            if self.plan.roster is None:
                yield Label(t("quizui.signin.department"), classes="sign-in-label")
                yield Input(self.plan.department, id="sign-in-department", max_length=80)
            else:
                yield Label(t("quizui.signin.roster"), classes="sign-in-label")
                yield OptionList(id="sign-in-roster")
            yield Static(id="sign-in-message", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = visible_line(self.plan.exam.paper.title)
        self.sub_title = t("quizui.signin.title")
        self.query_one("#sign-in-name", Input).focus()
        self._filter_roster(self.plan.name)

    def _say(self, text: str) -> None:
        self.message = text
        message = self.query_one("#sign-in-message", Static)
        message.update(Text(text))
        if text:
            self.call_after_refresh(message.scroll_visible, animate=False)

    def _fields(self) -> tuple[str, str]:
        name = self.query_one("#sign-in-name", Input).value
        departments = self.query("#sign-in-department").results(Input)
        return name, next((field.value for field in departments), "")

    def _filter_roster(self, typed: str) -> None:
        """The roster's people whose name holds what is typed (all when nothing is)."""
        if self.plan.roster is None:
            return
        key = profile_id(typed)
        shown = [
            Option(
                Text(visible_line(t("sitting.label", name=e.name, department=e.department))),
                id=str(i),
            )
            for i, e in enumerate(self.plan.roster.entries)
            if key in profile_id(e.name)
        ]
        roster = self.query_one("#sign-in-roster", OptionList)
        roster.clear_options()
        roster.add_options(shown)
        if shown:
            roster.highlighted = 0

    @on(Input.Changed)
    def _edited(self, event: Input.Changed) -> None:
        if event.input.id == "sign-in-name":
            self._filter_roster(event.value)
        if self.confirming is not None and self._fields() != self._confirmed_fields:
            self.confirming = None
            self._say("")

    @on(OptionList.OptionSelected, "#sign-in-roster")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        """A name picked from the roster: in the name box, then confirmed as if typed."""
        assert self.plan.roster is not None and event.option.id is not None
        entry = self.plan.roster.entries[int(event.option.id)]
        if self.confirming is not None and self.confirming.display_name == entry.name:
            self.action_start()  # Enter again on the name being confirmed
            return
        self.query_one("#sign-in-name", Input).value = entry.name
        self.confirming = None
        self._submit()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        if self.confirming is not None:
            self.action_start()
            return
        self._submit()

    def _submit(self) -> None:
        name, department = self._fields()
        result = sign_in(name, department, self.plan.roster)
        if isinstance(result, Refusal):
            self._say(refusal_message(result))
            field = "department" if result.name.startswith("DEPARTMENT") else "name"
            self.query_one(f"#sign-in-{field}", Input).focus()
            return
        self.confirming = result
        self._confirmed_fields = (name, department)
        self._say(t("quizui.signin.confirm", who=visible_line(result.label)))

    def action_start(self) -> None:
        """Start the exam as the confirmed sitter: the store says first whether they may."""
        if self.confirming is not None:
            self._admit(self.confirming)

    @work(thread=True, exclusive=True, group="admit", exit_on_error=False)
    def _admit(self, sitter: Sitter) -> None:
        from carbon_glossary.store import StoreError

        try:
            admission = admit(
                self.progress.store(), sitter, self.plan.exam.exam_id, self.plan.limit
            )
        except StoreError as error:
            self.app.call_from_thread(self._say, error.message)
            return
        self.app.call_from_thread(self._admitted, sitter, admission)

    def _admitted(self, sitter: Sitter, admission: Admission) -> None:
        if admission.refused is not None:
            self.confirming = None
            self._say(admission.refused)
            return
        from carbon_glossary.ui.screens.exam import ExamScreen

        # From here on the progress is the sitter's.
        self.progress.profile = sitter.profile
        plan = replace(self.plan.exam, sitter=sitter, resume=admission.resume)
        self.started = True
        # Pushed over the form (Textual cannot switch away from an app's first screen);
        # the form leaves as soon as it shows again.
        self.app.push_screen(ExamScreen(self.glossary, self.progress, plan, self.clock))

    def on_screen_resume(self) -> None:
        if self.started:
            leave_screen(self)

    def action_leave(self) -> None:
        """Back from the confirmation to the form; from the form, out without sitting."""
        if self.confirming is not None:
            self.confirming = None
            self._say("")
            return
        leave_screen(self)
