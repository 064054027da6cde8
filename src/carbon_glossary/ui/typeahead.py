"""Keys typed right after Enter wait until Enter has done its work.

Textual hands each key to the focused widget the moment the app takes it from its queue;
what the key does is decided later, when that widget has handled it (a letter typed into
a box) or when it has come back up to the app (a binding). A quick typist's Enter and the
first letters of the next answer reach the app together (a terminal delivers them in one
read), so those letters were handed to the typing box of the question being left before
Enter had moved on, and were added to that answer; after a choice question they went to
the question view and acted as option keys before the typing box took the focus.

A screen whose Enter moves on to something else sets ``HOLDS_KEYS_AFTER_ENTER`` and posts
:class:`MovedOn` once Enter has done its work (the next question is shown and the focus
is where it belongs). From Enter until then the app keeps every key it receives, then
handles them in the order they came. Keys typed before Enter are not held: they reach
their widget before Enter does, as always. If a screen never says it moved on, the keys
go on after :data:`HOLD_LIMIT_S` anyway; nothing typed is dropped.
"""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.message import Message
from textual.timer import Timer

__all__ = ["HOLD_LIMIT_S", "HoldsKeysAfterEnter", "MovedOn"]

HOLD_LIMIT_S = 5.0
"""The longest keys are held for a screen that does not say it has moved on: a safety
net, long enough for a loaded machine (a step took 0.9 s with 2 cores under load 12)."""


class MovedOn(Message):
    """Enter has done its work; the keys typed after it can be handled now. Posted by
    the screen; it bubbles up to the app."""


class HoldsKeysAfterEnter(App[object]):
    """An app that holds the keys typed after Enter on a screen with
    ``HOLDS_KEYS_AFTER_ENTER``, until the screen posts :class:`MovedOn`."""

    _held: list[events.Key] | None = None
    _hold_timer: Timer | None = None

    @property
    def holding_keys(self) -> bool:
        """True from an Enter that moves on until the screen has moved on."""
        return self._held is not None

    async def on_event(self, event: events.Event) -> None:
        # Only keys straight from the terminal: a key bubbling back up from the focused
        # widget (is_forwarded) has been given out already and is handled as usual.
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._held is not None:
                self._held.append(event)
            else:
                await self._take_key(event)
            return
        await super().on_event(event)

    async def _take_key(self, event: events.Key) -> None:
        await super().on_event(event)
        if event.key == "enter" and getattr(self.screen, "HOLDS_KEYS_AFTER_ENTER", False):
            self._held = []
            self._hold_timer = self.set_timer(HOLD_LIMIT_S, self._release, name="hold-keys")

    async def on_moved_on(self, message: MovedOn) -> None:
        message.stop()
        await self._release()

    async def _release(self) -> None:
        """Handle the held keys in order; an Enter among them holds the rest again."""
        held = self._held
        if held is None:
            return
        self._held = None
        if self._hold_timer is not None:
            self._hold_timer.stop()
            self._hold_timer = None
        for index, event in enumerate(held):
            if self._held is not None:  # a held Enter moves on again: keep the rest
                self._held.extend(held[index:])
                return
            await self._take_key(event)
