"""The detail card: everything the glossary says about one term, related terms selectable."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from carbon_glossary.core.model import Term
from carbon_glossary.i18n import t
from carbon_glossary.ui import commands
from carbon_glossary.ui.safe import visible, visible_line
from carbon_glossary.ui.widgets.term_list import (
    component_style,
    english_of,
    pinyin_of,
    shown_term,
)
from carbon_glossary.ui.widgets.wrap import Fields, Paragraph

__all__ = ["TermCard"]

Spans = Mapping[str, tuple[tuple[int, int], ...]]


class TermCard(VerticalScroll, can_focus=True):
    """Shows one term. Up/Down choose a related term and Enter follows it."""

    BINDINGS: ClassVar[list[BindingType]] = commands.bindings(
        commands.RELATED_PREVIOUS, commands.RELATED_NEXT, commands.FOLLOW, commands.CLOSE
    )

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "term-card--title",
        "term-card--pinyin",
        "term-card--label",
        "term-card--match",
        "term-card--cursor",
        "term-card--muted",
    }

    MARKED: ClassVar[frozenset[str]] = frozenset({"english", "definition", "aliases"})
    """Search match fields highlighted in the card."""

    traditional: reactive[bool] = reactive(False, init=False)
    language: reactive[str] = reactive("zh", init=False)
    related_index: reactive[int] = reactive(0, init=False)

    @dataclass(eq=False, repr=False)
    class RelatedChosen(Message):
        """The person chose to go to a related term."""

        card: TermCard
        term: Term

        @property
        def control(self) -> TermCard:
            return self.card

    @dataclass(eq=False, repr=False)
    class Closed(Message):
        """The person left the card (Esc)."""

        card: TermCard

        @property
        def control(self) -> TermCard:
            return self.card

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._term: Term | None = None
        self._related: tuple[Term, ...] = ()
        self._spans: Spans = {}
        # The glossary's [phrase_traditional] fixes, used when the card converts a field.
        self.traditional_phrases: Mapping[str, str] = {}

    @property
    def term(self) -> Term | None:
        return self._term

    @property
    def related(self) -> tuple[Term, ...]:
        return self._related

    @property
    def selected_related(self) -> Term | None:
        if 0 <= self.related_index < len(self._related):
            return self._related[self.related_index]
        return None

    def compose(self) -> ComposeResult:
        yield Static(id="card-body")
        yield Static(id="card-related")

    def on_mount(self) -> None:
        self._render_all()

    def show(
        self, term: Term | None, related: Sequence[Term] = (), spans: Spans | None = None
    ) -> None:
        """Show ``term`` (None: nothing highlighted) with its related terms."""
        changed = term != self._term
        # The list already marks matches in the term and its reading; the card marks the
        # longer fields, where a match is harder to spot. Fewer spans, fewer redraws.
        spans = {key: value for key, value in (spans or {}).items() if key in self.MARKED}
        if not changed and tuple(related) == self._related and spans == self._spans:
            return  # typing often keeps the same best match: nothing to redraw
        self._term = term
        self._related = tuple(related)
        self._spans = spans
        if changed:
            self.set_reactive(TermCard.related_index, 0)
            self.scroll_home(animate=False)
        self._render_all()

    def watch_traditional(self) -> None:
        self._render_all()

    def watch_language(self) -> None:
        self._render_all()

    def watch_related_index(self) -> None:
        self._render_related()
        self._scroll_to_selected()

    def on_focus(self) -> None:
        self._render_related()

    def on_blur(self) -> None:
        self._render_related()

    def notify_style_update(self) -> None:
        # Also called when the card is shown (narrow terminal, Enter): draws what was skipped.
        super().notify_style_update()
        if self.is_mounted:
            self._render_all()

    def action_related(self, step: int) -> None:
        if self._related:
            self.related_index = (self.related_index + step) % len(self._related)
        elif step > 0:
            self.scroll_down(animate=False)
        else:
            self.scroll_up(animate=False)

    def action_follow(self) -> None:
        term = self.selected_related
        if term is not None:
            self.post_message(self.RelatedChosen(self, term))

    def action_close(self) -> None:
        self.post_message(self.Closed(self))

    def _scroll_to_selected(self) -> None:
        related = self.query_one("#card-related", Static)
        row = related.virtual_region.y + 1 + self.related_index
        self.scroll_to_region(Region(0, row, 1, 1), animate=False, immediate=True)

    def _style(self, name: str) -> Style:
        return component_style(self, name, background=name == "term-card--cursor")

    def _value(
        self, value: str, spans: Sequence[tuple[int, int]] = (), *, convert: bool = True
    ) -> Text:
        """Glossary text for display: safe, folded at the edge (CJK has no spaces to wrap
        at), in traditional characters when asked, with search matches marked."""
        shown = value
        if convert and self.traditional and value:
            from carbon_glossary.core.text import to_traditional

            shown = to_traditional(value, self.traditional_phrases)
        text = Text(visible(shown), overflow="fold")
        if len(shown) == len(value):
            match = self._style("term-card--match")
            for start, end in spans:
                text.stylize(match, start, end)
        return text

    def _can_draw(self) -> bool:
        """False while unmounted or hidden (a narrow terminal before Enter): drawing then
        would only cost start-up time; the skipped drawing is done when the card is shown."""
        return self.is_mounted and self.display

    def _render_all(self) -> None:
        if not self._can_draw():
            return
        self.query_one("#card-body", Static).update(self._body())
        self._render_related()

    def _body(self) -> RenderableType:
        term = self._term
        if term is None:
            return Text(t("ui.card.empty"), style=self._style("term-card--muted"))
        spans = self._spans
        shown = shown_term(term, self.traditional)
        title = self._value(shown, convert=False)
        title.stylize_before(self._style("term-card--title"))
        parts: list[RenderableType] = [Paragraph(title)]
        reading = pinyin_of(term.term, term.marks)
        if reading != term.term:
            line = self._value(reading, convert=False)
            line.stylize_before(self._style("term-card--pinyin"))
            parts.append(Paragraph(line))
        parts.append(Text(""))

        fields = Fields(self._style("term-card--label"))

        def add(label: str, value: Text) -> None:
            fields.add(t(label) if label else "", value)

        other_form = term.term if self.traditional else term.traditional
        if other_form and other_form != shown:
            label = "ui.card.simplified" if self.traditional else "ui.card.traditional"
            add(label, self._value(other_form, convert=False))
        if term.english:
            english = self._value(english_of(term), spans.get("english", ()), convert=False)
            add("ui.card.english", english)
        if term.definition:
            add("ui.card.definition", self._value(term.definition, spans.get("definition", ())))
        if term.definition_en and self.language == "en":
            add("ui.card.definition_en", self._value(term.definition_en, convert=False))
        if term.category:
            add("ui.card.category", self._value(term.category))
        if term.tags:
            add("ui.card.tags", self._value("、".join(term.tags)))
        if term.aliases:
            aliases = rejoin_spans(term.aliases, "; ", "、", spans.get("aliases", ()))
            add("ui.card.aliases", self._value("、".join(term.aliases), aliases))
        if term.source:
            add("ui.card.source", self._value(term.source))
        numbered = len(term.examples) > 1
        for number, example in enumerate(term.examples, start=1):
            text = self._value(example)
            if numbered:
                text = Text(f"{number}．") + text
            add("ui.card.examples" if number == 1 else "", text)
        parts.append(fields)
        return Group(*parts)

    def _render_related(self) -> None:
        if not self._can_draw():
            return
        widget = self.query_one("#card-related", Static)
        if self._term is None or not self._related:
            widget.update(Text(""))
            widget.display = False
            return
        widget.display = True
        heading = Text(t("ui.card.related"), style=self._style("term-card--label"))
        heading.no_wrap = True
        heading.overflow = "ellipsis"
        # A row too long for the card wraps under its term, not under the arrow.
        rows = Fields(Style(), gap=1)
        cursor = self._style("term-card--cursor")
        for number, term in enumerate(self._related):
            row = Text(visible_line(shown_term(term, self.traditional)) + "  ")
            row.append(
                visible_line(pinyin_of(term.term, term.marks)), self._style("term-card--pinyin")
            )
            if self.has_focus and number == self.related_index:
                row.stylize(cursor)
            rows.add(" ▸", row)
        widget.update(Group(heading, rows))


def rejoin_spans(
    parts: Sequence[str], old: str, new: str, spans: Sequence[tuple[int, int]]
) -> tuple[tuple[int, int], ...]:
    """Spans given in ``old.join(parts)`` moved to the same places in ``new.join(parts)``."""
    mapped: list[tuple[int, int]] = []
    old_start = new_start = 0
    for part in parts:
        old_end = old_start + len(part)
        for start, end in spans:
            if old_start <= start and end <= old_end:
                shift = new_start - old_start
                mapped.append((start + shift, end + shift))
        old_start = old_end + len(old)
        new_start += len(part) + len(new)
    return tuple(mapped)
