"""The browse screen: a search box, the term list and the detail card of the highlighted term.

The screen owns the browsing state (query, sort order, category filter, script, history)
and pushes it down to its widgets; the widgets report what the person did with messages.
Loading the glossary and searching run in thread workers, so typing never waits on them.
"""

from __future__ import annotations

import gc
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Static
from textual.worker import Worker, WorkerState, get_current_worker

from carbon_glossary.core.history import History
from carbon_glossary.core.model import Glossary, Term
from carbon_glossary.i18n import t
from carbon_glossary.ui import commands
from carbon_glossary.ui.listing import SORT_MODES, Browser, Listing, SortMode
from carbon_glossary.ui.safe import visible_line, without_controls
from carbon_glossary.ui.widgets.search_box import SearchBox
from carbon_glossary.ui.widgets.term_card import TermCard
from carbon_glossary.ui.widgets.term_list import TermList, Widths, widest

if TYPE_CHECKING:
    from carbon_glossary.core.problems import FileProblemError

__all__ = ["BrowseScreen"]

Spans = Mapping[str, tuple[tuple[int, int], ...]]


class BrowseScreen(commands.LocalisedBindings):
    """Find a term by typing; read its card; follow related terms."""

    # What the screen offers, as keys and in the palette alike.
    ACTIONS: ClassVar[tuple[commands.Command, ...]] = (
        commands.SEARCH,
        commands.CLEAR,
        commands.LETTER,
        commands.CATEGORY,
        commands.SORT,
        commands.SCRIPT,
        commands.COPY,
        commands.BACK,
        commands.FORWARD,
        commands.STATS,
    )
    BINDINGS: ClassVar[list[BindingType]] = commands.bindings(
        # In the order of the Footer, which drops what comes last when narrow (FIT_FOOTER):
        # the way out, help and the language first, so that at 60 columns and in either
        # language a newcomer sees how to leave, where every key is explained and how to
        # switch to English. The rest are in the help screen and the palette.
        commands.QUIT_SHOWN,
        commands.HELP_SHOWN,
        commands.LANGUAGE_SHOWN,
        *ACTIONS,
        # The search box takes printable keys; these reach the list from it.
        commands.CURSOR_UP,
        commands.CURSOR_DOWN,
        commands.PAGE_UP,
        commands.PAGE_DOWN,
    )
    PALETTE: ClassVar[tuple[commands.Command, ...]] = (
        *ACTIONS,
        commands.STUDY,
        commands.PRACTICE,
    )
    BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (100, "-wide")]
    HORIZONTAL_BREAKPOINTS = BREAKPOINTS
    FIT_FOOTER = True
    SYNC_LIMIT: ClassVar[int] = 2000
    """A glossary given already loaded and no larger than this is indexed without a worker."""
    NOTICE_SECONDS: ClassVar[float] = 6.0
    """How long a notice (copied, how to quit) stays in the status line."""

    query_text: reactive[str] = reactive("", init=False)
    """What is typed in the search box."""
    sort: reactive[SortMode] = reactive("pinyin", init=False)
    category: reactive[str | None] = reactive(None, init=False)
    traditional: reactive[bool] = reactive(False, init=False)
    language: reactive[str] = reactive("zh", init=False)
    card_open: reactive[bool] = reactive(False, init=False)
    """On a narrow terminal the card replaces the list while it is open."""

    @dataclass(eq=False, repr=False)
    class GlossaryLoaded(Message):
        """The glossary was loaded and indexed (bubbles to the app, which may share it)."""

        glossary: Glossary

    @dataclass(eq=False, repr=False)
    class LoadFailed(Message):
        """The glossary file has problems (bubbles to the app, which exits with them)."""

        error: FileProblemError

    @dataclass(eq=False, repr=False)
    class ScriptChanged(Message):
        """The person switched between simplified and traditional (bubbles to the app,
        which remembers it)."""

        traditional: bool

    @dataclass(eq=False, repr=False)
    class Indexed(Message):
        """The loading worker finished: the index and the first listing are ready."""

        browser: Browser
        widths: Widths
        listing: Listing

    @dataclass(eq=False, repr=False)
    class Searched(Message):
        """A search worker finished; ``serial`` tells whether it is still wanted. (Named
        apart from ``ui.listing.Listed``, a row of the unfiltered list.)"""

        listing: Listing
        keep: str | None
        serial: int

    def __init__(
        self, source: Glossary | Path, language: str = "zh", *, traditional: bool = False
    ) -> None:
        super().__init__()
        self._source = source
        self._failure: str | None = None
        """The last worker failure shown, so a repeated one is not shown again."""
        self.browser: Browser | None = None
        self.history: History[str] = History()
        self.current: Term | None = None
        self._serial = 0
        self._bindings_state: tuple[object, ...] = ()
        self._notice: str | None = None
        self._notice_timer: Timer | None = None
        self.set_reactive(BrowseScreen.language, language)
        self.set_reactive(BrowseScreen.traditional, traditional)

    def compose(self) -> ComposeResult:
        # Start with the breakpoint class the first resize will give, so that resize does
        # not restyle the whole screen once more before the first frame.
        for breakpoint in self._get_breakpoint_classes(self.app.size.width, self.BREAKPOINTS):
            self.add_class(breakpoint)
        yield Header()
        hints = (t("ui.search.placeholder"), t("ui.search.placeholder_short"))
        yield SearchBox(hints, id="search", select_on_focus=False)
        # The list and the card side by side: two columns of the screen's grid (app.tcss),
        # not a Horizontal container, which cost a layout pass more per frame.
        yield TermList(id="terms").data_bind(
            traditional=BrowseScreen.traditional, language=BrowseScreen.language
        )
        yield TermCard(id="card").data_bind(
            traditional=BrowseScreen.traditional, language=BrowseScreen.language
        )
        yield Static(id="status", markup=False)
        yield Footer(compact=True)

    @property
    def term_list(self) -> TermList:
        return self.query_one("#terms", TermList)

    @property
    def card(self) -> TermCard:
        return self.query_one("#card", TermCard)

    @property
    def search_box(self) -> SearchBox:
        return self.query_one("#search", SearchBox)

    @property
    def listing(self) -> Listing | None:
        return self.term_list.listing

    def on_mount(self) -> None:
        self.title = t("ui.app.title")
        self.relabel_header_icon()
        self.search_box.focus()
        source = self._source
        if isinstance(source, Glossary) and len(source.terms) <= self.SYNC_LIMIT:
            # Sorting a small glossary takes a millisecond: do it now, so the first frame
            # already shows the terms rather than a loading indicator. The search index
            # is built just after that frame.
            browser = Browser(source)
            listing = browser.listing("", self.sort, self.category)
            self.on_browse_screen_indexed(self.Indexed(browser, widest(source.terms), listing))
            self.call_after_refresh(self._prepare_index, browser)
            return
        self.term_list.loading = True
        self._update_status()
        self._load()

    def on_resize(self, event: events.Resize) -> None:
        """The Footer shows as many keys as fit its width (FIT_FOOTER): refit it."""
        self.refresh_bindings()

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self) -> None:
        """Read the glossary (a cached file is quick), list it, then build its index."""
        source = self._source
        if isinstance(source, Path):
            from carbon_glossary.core.cache import load_glossary_cached

            try:
                source = load_glossary_cached(source)
            except Exception as error:
                # Imported here: the first frame does without the module (~1.5 ms); when a
                # FileProblemError was raised, it is loaded already.
                from carbon_glossary.core.problems import FileProblemError

                if not isinstance(error, FileProblemError):
                    raise
                self.post_message(self.LoadFailed(error))
                return
        browser = Browser(source)
        browser.prepare()  # the index also gives the pinyin order the list needs
        listing = browser.listing("", self.sort, self.category)
        widths = widest(source.terms)
        if get_current_worker().is_cancelled:
            return
        self.post_message(self.Indexed(browser, widths, listing))
        # A large glossary is hundreds of thousands of objects that live as long as the
        # app: keep them out of the garbage collector's full sweeps, which would otherwise
        # pause typing for a tenth of a second now and then.
        gc.freeze()

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _prepare_index(self, browser: Browser) -> None:
        browser.prepare()

    def on_browse_screen_indexed(self, message: Indexed) -> None:
        self.browser = message.browser
        self.card.traditional_phrases = message.browser.glossary.phrase_traditional
        self.title = visible_line(message.browser.glossary.title) or t("ui.app.title")
        term_list = self.term_list
        term_list.set_widths(message.widths)
        term_list.loading = False
        self.post_message(self.GlossaryLoaded(message.browser.glossary))
        if self.query_text or self.sort != message.listing.sort:
            self._relist()  # typed while the index was being built
        else:
            term_list.show(message.listing)
            # Fill the card now rather than on the Highlighted message, which would arrive
            # after the first frame and leave that frame with an empty card.
            self._show(term_list.highlighted_term)
        self._update_status()

    def _relist(self, keep: str | None = None) -> None:
        if self.browser is None:
            self._update_status()
            return
        self._serial += 1
        self._search(self.browser, self.query_text, self.sort, self.category, keep, self._serial)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(
        self,
        browser: Browser,
        query: str,
        sort: SortMode,
        category: str | None,
        keep: str | None,
        serial: int,
    ) -> None:
        listing = browser.listing(query, sort, category)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Searched(listing, keep, serial))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A loading or search worker that failed says so, instead of leaving the list
        spinning or stale (the workers do not end the app: one failed search must not
        close the browser)."""
        if event.state is not WorkerState.ERROR:
            return
        error = event.worker.error
        self.term_list.loading = False
        reason = str(error) or type(error).__name__
        if reason == self._failure:
            return  # said already: each keystroke's search fails the same way
        self._failure = reason
        self.notify(
            t("session.browse.failed", reason=reason), severity="error", timeout=30, markup=False
        )

    def on_browse_screen_searched(self, message: Searched) -> None:
        self._failure = None
        if message.serial != self._serial:
            return  # a later keystroke has superseded this search
        with self.app.batch_update():
            self.term_list.show(message.listing, keep=message.keep)
            if self._notice is not None:
                self._end_notice()  # the new listing's count is the news now
            else:
                self._update_status()
            self._refresh_bindings_if_changed()

    @on(Input.Changed, "#search")
    def _query_changed(self, event: Input.Changed) -> None:
        if event.value in ("?", "？"):
            # No term starts with a question mark: someone typing "?" into the empty box
            # (where printable keys are text) is asking for help, as "?" does elsewhere.
            self.search_box.value = ""
            self.call_later(self.app.run_action, "app.help")
            return
        self.query_text = event.value

    @on(Input.Submitted, "#search")
    def _query_submitted(self) -> None:
        self._open_card()

    def watch_query_text(self, query: str) -> None:
        # The best match is wanted while searching; back in the full list, stay on the term.
        keep = None if query.strip() else (self.current.id if self.current else None)
        self._relist(keep)

    def watch_sort(self) -> None:
        self._relist(self.current.id if self.current else None)

    def watch_category(self) -> None:
        self._relist(self.current.id if self.current else None)

    def watch_traditional(self) -> None:
        self._update_status()

    def watch_language(self) -> None:
        self.search_box.hints = (t("ui.search.placeholder"), t("ui.search.placeholder_short"))
        self.relabel_header_icon()
        if self.browser is None:
            self.title = t("ui.app.title")
        self._update_status()
        self.refresh_bindings()

    def watch_card_open(self, card_open: bool) -> None:
        self.set_class(card_open, "-card-open")

    @on(TermList.Highlighted, "#terms")
    def _highlighted(self, event: TermList.Highlighted) -> None:
        self._show(event.term, event.spans)

    @on(TermList.Opened, "#terms")
    def _opened(self) -> None:
        self._open_card()

    @on(TermCard.RelatedChosen, "#card")
    def _related_chosen(self, event: TermCard.RelatedChosen) -> None:
        if self.current is not None:
            self.history.visit(self.current.id)
        self.history.visit(event.term.id)
        self._go_to(event.term)

    @on(TermCard.Closed, "#card")
    def _card_closed(self) -> None:
        self.card_open = False
        self.term_list.focus()

    def _show(self, term: Term | None, spans: Spans | None = None) -> None:
        self.current = term
        related: list[Term] = []
        if term is not None and self.browser is not None:
            glossary = self.browser.glossary
            related = [r for r in map(glossary.by_id, term.related) if r is not None]
        self.card.show(term, related, spans or {})
        self._refresh_bindings_if_changed()

    def _go_to(self, term: Term) -> None:
        """Show a term in the card, and put the list cursor on it if it is listed."""
        if not self.term_list.move_to_term(term.id):
            self._show(term)
        self._refresh_bindings_if_changed()

    def _refresh_bindings_if_changed(self) -> None:
        """Refresh the Footer only when an action became available or unavailable: a
        Footer refresh rebuilds it, too costly to do on every keystroke."""
        actions = ("pick_heading", "pick_category", "copy_term", "back", "forward")
        state = (*(self.check_action(action, ()) for action in actions), self.listing is None)
        if state != self._bindings_state:
            self._bindings_state = state
            self.refresh_bindings()

    def _open_card(self) -> None:
        if self.current is None:
            return
        self.card_open = True
        self.call_after_refresh(self.card.focus)

    def say(self, notice: str) -> None:
        """Show a short notice in the status line for a few seconds.

        The status line rather than a toast: a toast drawn over the list and the card loses
        every CJK character that straddles one of their edges (Textual issue #6357), and
        the status line is where the eye already is.
        """
        self._notice = notice
        if self._notice_timer is not None:
            self._notice_timer.stop()
        self._notice_timer = self.set_timer(self.NOTICE_SECONDS, self._end_notice)
        self._update_status(layout=True)  # a long notice takes up to three lines

    def _end_notice(self) -> None:
        if self._notice_timer is not None:
            self._notice_timer.stop()
        self._notice = None
        self._notice_timer = None
        self._update_status(layout=True)  # back to one line

    @property
    def notice(self) -> str | None:
        """The notice now in the status line, if any."""
        return self._notice

    def _update_status(self, layout: bool = False) -> None:
        status = self.query_one("#status", Static)
        if self._notice is not None:
            status.update(self._notice, layout=layout)
            return
        listing = self.listing
        if self.browser is None or listing is None:
            status.update(t("ui.status.loading"), layout=layout)
            return
        parts = []
        if listing.query:
            key = "ui.status.matches_first" if listing.truncated else "ui.status.matches"
            parts.append(t(key, count=listing.shown, query=visible_line(listing.query)))
        else:
            parts.append(t("ui.status.total", count=listing.shown))
            parts.append(t(f"ui.sort.{listing.sort}"))
        if listing.category is not None:
            name = visible_line(listing.category) or t("ui.list.no_category")
            parts.append(t("ui.status.category", category=name))
        parts.append(t("ui.script.traditional" if self.traditional else "ui.script.simplified"))
        status.update(t("ui.status.separator").join(parts), layout=layout)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        listing = self.listing
        if action == "pick_heading":
            return bool(listing and not listing.query and listing.sort != "document") or None
        if action == "pick_category":
            return self.browser is not None or None
        if action == "copy_term":
            return self.current is not None or None
        if action == "back":
            return self.history.can_go_back or None
        if action == "forward":
            return self.history.can_go_forward or None
        return True

    def action_focus_search(self) -> None:
        self.card_open = False
        self.search_box.focus()

    def action_clear(self) -> None:
        if self.search_box.value:
            self.search_box.value = ""
        elif self.category is not None:
            self.category = None
        self.action_focus_search()

    def action_cursor_up(self) -> None:
        self.term_list.action_cursor_up()

    def action_cursor_down(self) -> None:
        self.term_list.action_cursor_down()

    def action_page_up(self) -> None:
        self.term_list.action_page_up()

    def action_page_down(self) -> None:
        self.term_list.action_page_down()

    def action_pick_heading(self) -> None:
        listing = self.listing
        if listing is None:
            return
        marks = listing.headings
        counts = [
            (label, row, (marks[i + 1][1] if i + 1 < len(marks) else len(listing.rows)) - row - 1)
            for i, (label, row) in enumerate(marks)
        ]

        from carbon_glossary.ui.screens.pickers import HeadingPicker

        def jump(row: int | None) -> None:
            if row is not None:
                self.term_list.move_to_row(row)
                self.term_list.focus()
                self.card_open = False

        self.app.push_screen(HeadingPicker(counts), jump)

    def action_pick_category(self) -> None:
        if self.browser is None:
            return
        glossary = self.browser.glossary
        counts: dict[str, int] = {}
        for term in glossary.terms:
            counts[term.category] = counts.get(term.category, 0) + 1
        categories = [(name, counts[name]) for name in glossary.categories()]
        if "" in counts:
            categories.append(("", counts[""]))

        from carbon_glossary.ui.screens.pickers import CategoryChoice, CategoryPicker

        def choose(choice: CategoryChoice | None) -> None:
            if choice is not None:
                self.category = choice.category

        self.app.push_screen(CategoryPicker(categories, len(glossary.terms), self.category), choose)

    def action_cycle_sort(self) -> None:
        self.sort = SORT_MODES[(SORT_MODES.index(self.sort) + 1) % len(SORT_MODES)]

    def action_toggle_script(self) -> None:
        self.traditional = not self.traditional
        self.post_message(self.ScriptChanged(self.traditional))

    def action_copy_term(self) -> None:
        if self.current is None:
            return
        text = self.current.traditional if self.traditional else self.current.term
        # OSC 52 has no reply: whether the terminal took it cannot be known, so the notice
        # says it was sent and how to tell (paste it), not that it was copied.
        self.app.copy_to_clipboard(without_controls(text))  # pasted into a shell, maybe
        self.say(t("ui.copy.sent", term=visible_line(text)))

    def action_back(self) -> None:
        self._travel(self.history.back())

    def action_forward(self) -> None:
        self._travel(self.history.forward())

    def _travel(self, term_id: str | None) -> None:
        if term_id is None or self.browser is None:
            return
        term = self.browser.glossary.by_id(term_id)
        if term is not None:
            self._go_to(term)
