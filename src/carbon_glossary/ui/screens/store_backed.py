"""What the quiz, exam and progress screens share: the progress store used from workers,
and one way of telling the person when it cannot be used or had to be repaired."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from carbon_glossary.session.progress import Progress
from carbon_glossary.ui import commands

__all__ = ["StoreBackedScreen"]


class StoreBackedScreen(commands.LocalisedBindings):
    """A screen that reads or writes the progress store (always from worker threads).

    Subclasses set ``progress``. Their own ``on_store_backed_screen_failed`` runs before
    this class's, which shows the notification, so they only add what is particular to them.
    """

    progress: Progress

    @dataclass(eq=False, repr=False)
    class Failed(Message):
        """The progress store could not be used; ``message`` says why."""

        message: str

    @dataclass(eq=False, repr=False)
    class Notice(Message):
        """Something to know about the store, e.g. a damaged file was moved aside."""

        message: str

    def post_store_notice(self) -> None:
        """From a worker: pass on the store's one-time notice, if it has one."""
        notice = self.progress.take_notice()
        if notice:
            self.post_message(self.Notice(notice))

    def on_store_backed_screen_notice(self, message: Notice) -> None:
        self.notify(message.message, severity="warning", timeout=15, markup=False)

    def on_store_backed_screen_failed(self, message: Failed) -> None:
        self.notify(message.message, severity="error", timeout=30, markup=False)
