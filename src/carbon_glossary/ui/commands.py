"""Every user action, declared once: its keys, its catalogue text and the action it runs.

From these declarations come the key bindings of each screen and widget, the Footer labels,
the help screen and the command palette, so the four never disagree. A binding's
``description`` holds the catalogue key (``ui.cmd.sort``); :class:`LocalisedBindings`
screens translate it when the Footer asks, so switching language relabels everything.

To add an action: declare a :class:`Command` here (and its ``ui.cmd.<name>`` and
``ui.cmd.<name>.help`` catalogue entries), add it to the ``BINDINGS`` / ``PALETTE`` of the
screen or widget that owns it, and write the ``action_<name>`` method there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from rich.cells import cell_len
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.screen import Screen
from textual.theme import ThemeProvider

from carbon_glossary import i18n
from carbon_glossary.i18n import t

if TYPE_CHECKING:
    from textual.binding import ActiveBinding

__all__ = [
    "Command",
    "CommandsProvider",
    "LocalisedBindings",
    "Section",
    "ThemesProvider",
    "bindings",
    "or_no_match",
]


# Value types here are NamedTuples rather than frozen dataclasses: creating a dataclass
# costs ~0.4 ms of every start (its methods are generated and compiled), a NamedTuple ~0.06.
class Command(NamedTuple):
    """One action a person can take.

    ``name`` picks the catalogue entries ``ui.cmd.<name>`` (short, for the Footer and the
    palette) and ``ui.cmd.<name>.help`` (a sentence for the help screen). ``keys`` uses
    Textual key names, comma-separated; an empty ``keys`` means palette only.
    """

    name: str
    keys: str
    action: str
    show: bool = True
    palette: bool = True
    priority: bool = False
    key_display: str | None = None
    prefix: str = "ui.cmd"
    """Catalogue prefix: the quiz screens' commands use ``quizui.cmd``."""

    @property
    def description(self) -> str:
        return f"{self.prefix}.{self.name}"

    @property
    def title(self) -> str:
        """The short label, in the current language."""
        return t(self.description)

    @property
    def help(self) -> str:
        """The explanation, in the current language."""
        return t(f"{self.description}.help")

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.description,
            show=self.show,
            key_display=self.key_display,
            priority=self.priority,
        )


def bindings(*commands: Command) -> list[BindingType]:
    """The bindings for a ``BINDINGS`` class variable (commands without keys are skipped)."""
    return [command.binding() for command in commands if command.keys]


class Section(NamedTuple):
    """A group of commands as the help screen shows them (``ui.help.<name>`` heading)."""

    name: str
    commands: tuple[Command, ...]
    prefix: str = "ui.help"

    @property
    def title(self) -> str:
        return t(f"{self.prefix}.{self.name}")


# Anywhere in the app. The browse screen shows help, the way out and the language switch
# first in its Footer (HELP_SHOWN, QUIT_SHOWN, LANGUAGE_SHOWN): app bindings come last
# there, where a narrow Footer drops them.
HELP = Command("help", "question_mark,f1", "app.help")
HELP_SHOWN = Command("help", "question_mark,f1", "app.help", palette=False)
# Ctrl+Q works everywhere, the search box included (where q is a letter of the query);
# q quits from the list and the card. The Footer shows the way out on the browse screen
# only (QUIT_SHOWN): on a quiz or exam screen Esc leaves the round, not the app.
QUIT = Command("quit", "ctrl+q,q", "app.quit", show=False)
QUIT_SHOWN = Command("quit", "ctrl+q", "app.quit", palette=False)
# Works everywhere; shown in the Footer of the browse screen only (LANGUAGE_SHOWN): a quiz
# or exam Footer at 60 columns has no room for it. F2 too, because the search box, where
# the app starts, takes L as a letter of the query: a person who reads no Chinese must
# find English from the first screen (F2 rather than a Ctrl key: browsers keep Ctrl+L and
# Ctrl+T for themselves when the app is served).
LANGUAGE = Command("language", "L,f2", "app.toggle_language", show=False)
LANGUAGE_SHOWN = Command("language", "L,f2", "app.toggle_language", palette=False)
PALETTE = Command("palette", "ctrl+p", "app.command_palette", show=False, priority=True)
THEME = Command("theme", "", "app.pick_theme")

# The browse screen.
SEARCH = Command("search", "slash,ctrl+f", "focus_search", key_display="/")
CLEAR = Command("clear", "escape", "clear", key_display="Esc")
LETTER = Command("letter", "g", "pick_heading")
CATEGORY = Command("category", "c", "pick_category")
SORT = Command("sort", "s", "cycle_sort")
SCRIPT = Command("script", "t", "toggle_script", show=False)
COPY = Command("copy", "y", "copy_term", show=False)
BACK = Command("back", "backspace,alt+left", "back", show=False)
FORWARD = Command("forward", "alt+right", "forward", show=False)

# Moving in the term list (also from the search box, for the non-printable keys).
CURSOR_UP = Command("cursor_up", "up,k", "cursor_up", show=False, palette=False)
CURSOR_DOWN = Command("cursor_down", "down,j", "cursor_down", show=False, palette=False)
PAGE_UP = Command("page_up", "pageup", "page_up", show=False, palette=False)
PAGE_DOWN = Command("page_down", "pagedown", "page_down", show=False, palette=False)
FIRST = Command("first", "home", "first", show=False, palette=False)
LAST = Command("last", "end", "last", show=False, palette=False)
OPEN = Command("open", "enter,tab", "open", palette=False)

# Inside the detail card.
RELATED_PREVIOUS = Command("related_previous", "up,k", "related(-1)", show=False, palette=False)
RELATED_NEXT = Command("related_next", "down,j", "related(1)", show=False, palette=False)
FOLLOW = Command("follow", "enter", "follow", palette=False)
CLOSE = Command("close", "escape", "close", key_display="Esc", palette=False)

# In dialogs.
CANCEL = Command("cancel", "escape", "dismiss", key_display="Esc", palette=False)
CLOSE_HELP = Command("close_help", "escape,q", "dismiss", palette=False)

# Quizzes (study, practice, exam) and progress; catalogue entries quizui.cmd.<name>.
_Q = "quizui.cmd"
DIGITS = tuple(
    Command(f"digit_{n}", str(n), f"digit({n - 1})", show=False, palette=False, prefix=_Q)
    for n in range(1, 6)
)
# Upper case too: people read "A–D" and type it, or have Caps Lock on (L, the language
# switch, is not among them).
LETTERS = tuple(
    Command(f"letter_{c}", f"{c},{c.upper()}", f"letter({n})", show=False, palette=False, prefix=_Q)
    for n, c in enumerate("abcde")
)
TRUE = Command("true", "y,Y", "truth(True)", show=False, palette=False, prefix=_Q)
FALSE = Command("false", "n,N", "truth(False)", show=False, palette=False, prefix=_Q)
CHOICE_UP = Command("choice_up", "up,k", "move(-1)", show=False, palette=False, prefix=_Q)
CHOICE_DOWN = Command("choice_down", "down,j", "move(1)", show=False, palette=False, prefix=_Q)
ANSWER_KEYS = (*DIGITS, *LETTERS, TRUE, FALSE, CHOICE_UP, CHOICE_DOWN)
# Study and practice only (in an exam these keys move between questions).
SCROLL_PAGE_UP = Command(
    "scroll_up", "pageup", "scroll_page(-1)", show=False, palette=False, prefix=_Q
)
SCROLL_PAGE_DOWN = Command(
    "scroll_down", "pagedown", "scroll_page(1)", show=False, palette=False, prefix=_Q
)
SUBMIT = Command("submit", "enter", "submit", key_display="Enter", palette=False, prefix=_Q)
LEAVE = Command("leave", "escape,q", "leave", key_display="Esc", prefix=_Q)
ANSWER_NEXT = Command(
    "answer_next", "enter", "answer_next", key_display="⏎", palette=False, prefix=_Q
)
# Not in the Footer: at 60 columns it cut 交卷 and hid Esc 离开. PgUp is in the help and the
# palette, and g lists every question to go back to.
PREVIOUS_QUESTION = Command(
    "previous", "pageup,left", "previous", key_display="PgUp", show=False, prefix=_Q
)
NEXT_QUESTION = Command("next", "pagedown,right", "next", key_display="PgDn", prefix=_Q)
QUESTION_LIST = Command("questions", "g", "pick_question", prefix=_Q)
HAND_IN = Command("hand_in", "ctrl+s", "hand_in", prefix=_Q)
LEAVE_EXAM = Command("leave_exam", "escape,q", "leave", key_display="Esc", prefix=_Q)
CLOSE_RESULT = Command("close_result", "escape,q", "leave", key_display="Esc", prefix=_Q)
STATS = Command("stats", "p", "app.open_quiz('stats')", show=False, prefix=_Q)
STUDY = Command("study", "", "app.open_quiz('study')", prefix=_Q)
PRACTICE = Command("practice", "", "app.open_quiz('practice')", prefix=_Q)
REFRESH = Command("refresh", "r", "refresh", prefix=_Q)
CLOSE_STATS = Command("close_stats", "escape,q", "leave", key_display="Esc", prefix=_Q)
CONFIRM_YES = Command("yes", "y,Y,enter", "answer(True)", palette=False, prefix=_Q)
CONFIRM_NO = Command("no", "n,N,escape", "answer(False)", palette=False, prefix=_Q)

# The trainer's room report (ui/screens/room_report.py), an app of its own; catalogue
# entries ui.report.<name>.
_R = "ui.report"
REPORT_PEOPLE = Command("people", "1", "show_tab('tab-room')", prefix=_R)
REPORT_QUESTIONS = Command("questions", "2", "show_tab('tab-questions')", prefix=_R)
REPORT_TERMS = Command("terms", "3", "show_tab('tab-terms')", prefix=_R)
REPORT_CLOSE = Command("close", "q,escape", "app.quit", key_display="q", prefix=_R)

SECTIONS: tuple[Section, ...] = (
    Section("general", (HELP, QUIT, LANGUAGE, PALETTE, THEME)),
    Section("browse", (SEARCH, CLEAR, LETTER, CATEGORY, SORT, SCRIPT, COPY, BACK, FORWARD)),
    Section("list", (CURSOR_UP, CURSOR_DOWN, PAGE_UP, PAGE_DOWN, FIRST, LAST, OPEN)),
    Section("card", (RELATED_PREVIOUS, RELATED_NEXT, FOLLOW, CLOSE)),
    Section("dialogs", (CANCEL, CLOSE_HELP)),
    Section(
        "quiz",
        (*ANSWER_KEYS, SCROLL_PAGE_UP, SCROLL_PAGE_DOWN, SUBMIT, LEAVE),
        prefix="quizui.help",
    ),
    Section(
        "exam",
        (ANSWER_NEXT, PREVIOUS_QUESTION, NEXT_QUESTION, QUESTION_LIST, HAND_IN, LEAVE_EXAM),
        prefix="quizui.help",
    ),
    Section(
        "progress",
        (STATS, STUDY, PRACTICE, REFRESH, CLOSE_STATS, CLOSE_RESULT, CONFIRM_YES, CONFIRM_NO),
        prefix="quizui.help",
    ),
)


def key_names(command: Command) -> list[str]:
    return [key.strip() for key in command.keys.split(",") if key.strip()]


class LocalisedBindings(Screen[Any]):
    """A screen whose Footer shows binding descriptions in the current language.

    Bindings carry catalogue keys as descriptions; they are translated each time the Footer
    asks, so calling ``refresh_bindings()`` after a language switch relabels the Footer.
    """

    PALETTE: ClassVar[tuple[Command, ...]] = ()
    """Commands of this screen offered in the command palette."""
    FIT_FOOTER: ClassVar[bool] = False
    """Show in the (compact) Footer only the keys that fit whole, in binding order: once
    one does not fit, it and every key after it are left to the help screen and the
    palette. Without this a narrow Footer cuts a label in half and hides the rest."""

    def on_mount(self) -> None:
        self.relabel_header_icon()

    def relabel_header_icon(self) -> None:
        """The header icon's tooltip is Textual's English ("Open the command palette"):
        say it in the interface language (again after a language switch)."""
        for icon in self.query("HeaderIcon"):
            icon.tooltip = t("ui.palette.open")

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        translated = {}
        for key, active in super().active_bindings.items():
            binding = active.binding
            if binding.description.startswith(("ui.", "quizui.")):
                binding = replace(binding, description=t(binding.description))
            translated[key] = active._replace(binding=binding)
        if self.FIT_FOOTER:
            return self._fit_footer(translated)
        return translated

    def _fit_footer(self, bindings: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
        """``bindings`` with ``show`` turned off for the keys a compact Footer as wide as the
        screen has no room for. Widths as the compact Footer lays them out: key, a space,
        the description and a space after each; the palette key on the right has a border."""
        app = self.app
        room = self.size.width
        palette = bindings.get(app.COMMAND_PALETTE_BINDING)
        if palette is not None and app.ENABLE_COMMAND_PALETTE:
            binding = palette.binding
            room -= 1 + cell_len(app.get_key_display(binding)) + 1 + cell_len(binding.description)
        shown: set[str] = set()
        hidden: set[str] = set()
        for active in bindings.values():
            binding = active.binding
            if not binding.show or binding.action in shown | hidden:
                continue  # the Footer shows an action once, by its first key
            needed = cell_len(app.get_key_display(binding)) + 1 + cell_len(binding.description) + 1
            if hidden or needed > room:
                hidden.add(binding.action)
                continue
            shown.add(binding.action)
            room -= needed
        return {
            key: active._replace(binding=replace(active.binding, show=False))
            if active.binding.action in hidden
            else active
            for key, active in bindings.items()
        }


class CommandsProvider(Provider):
    """Offers the commands of the current screen and of the app in the command palette."""

    def _commands(self) -> Iterable[Command]:
        screen_commands: tuple[Command, ...] = getattr(self.screen, "PALETTE", ())
        app_commands: tuple[Command, ...] = getattr(self.app, "PALETTE", ())
        for command in (*screen_commands, *app_commands):
            if command.palette and self._enabled(command):
                yield command

    def _enabled(self, command: Command) -> bool:
        namespace, _, name = command.action.rpartition(".")
        target = self.app if namespace == "app" else self.screen
        action_name = name.split("(", 1)[0]
        return target.check_action(action_name, ()) is not False

    def _run(self, command: Command) -> Any:
        return self.app.run_action(command.action, self.screen)

    def _display(self, command: Command) -> Content:
        keys = ", ".join(_display_key(self, key) for key in key_names(command))
        title = Content(command.title)
        return Content.assemble(title, ("  " + keys, "dim")) if keys else title

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(
                self._display(command),
                partial(self._run, command),
                text=command.title,
                help=command.help,
            )

    async def search(self, query: str) -> Hits:
        async for hit in or_no_match(self._matches(query), query):
            yield hit

    async def _matches(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            # The other language's name finds it too: "sort" finds 排序 without an IME.
            other = _other_language_title(command)
            score = max(
                matcher.match(command.title),
                matcher.match(other) * 0.9 if other else 0.0,
                matcher.match(command.help) * 0.5,
            )
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.title),
                    partial(self._run, command),
                    text=command.title,
                    help=command.help,
                )


async def or_no_match(hits: Hits, query: str) -> Hits:
    """``hits``, or when there are none, one line saying so in the interface language.

    Textual's own "No matches found" is English and has no setting; a palette whose
    provider always answers never shows it. Choosing the line just closes the palette.
    """
    found = False
    async for hit in hits:
        found = True
        yield hit
    if not found and query.strip():
        text = t("ui.palette.no_matches")
        yield Hit(1.0, Content.styled(text, "dim italic"), _nothing, text=text)


def _nothing() -> None:
    """What choosing the no-match line does."""


class ThemesProvider(ThemeProvider):
    """Textual's theme list, with the no-match line in the interface language."""

    async def search(self, query: str) -> Hits:
        async for hit in or_no_match(super().search(query), query):
            yield hit


def _other_language_title(command: Command) -> str:
    other = "en" if i18n.get_language() == "zh" else "zh"
    return i18n.catalogue(other).get(command.description, "")


def _display_key(provider: Provider, key: str) -> str:
    return provider.app.get_key_display(Binding(key, ""))


def display_keys(app: Any, command: Command) -> str:
    """The command's keys as the Footer writes them (``?``, ``F1``, ``^p``)."""
    if command.key_display and len(key_names(command)) == 1:
        return str(command.key_display)
    return " ".join(str(app.get_key_display(Binding(key, ""))) for key in key_names(command))
