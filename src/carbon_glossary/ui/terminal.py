"""The terminal the app runs in: there must be one, and its keyboard input must be UTF-8.

Without a terminal (a script, cron, CI) the app would wait for keys forever:
:func:`terminal_missing` says so before it starts. A program that runs the app through
another driver says so with Textual's ``TEXTUAL_DRIVER`` variable (textual-serve sets it to
its web driver and talks to the app over pipes); then there is nothing to check.

Textual's Linux driver decodes what the keyboard sends as UTF-8 in its input thread; a
terminal set to GBK (PuTTY or Xshell, which our users reach the server with over SSH) sends
bytes that are not UTF-8, and the UnicodeDecodeError ended the app with a traceback and exit
status 0. :func:`utf8_input_driver` wraps the driver so that such input ends the app with a
message saying how to set the terminal, and exit status 2.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

from rich.text import Text

from carbon_glossary.i18n import t

if TYPE_CHECKING:
    from textual.app import App
    from textual.driver import Driver

__all__ = ["NOT_UTF8_EXIT", "NO_TERMINAL_EXIT", "terminal_missing", "utf8_input_driver"]

NOT_UTF8_EXIT = 2
NO_TERMINAL_EXIT = 2


def _is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def terminal_missing(command: str) -> str | None:
    """The message to give instead of starting the full-screen ``command`` when standard
    input or output is not a terminal, or None when the app may start."""
    if os.environ.get("TEXTUAL_DRIVER"):
        return None
    if _is_terminal(sys.stdin) and _is_terminal(sys.stdout):
        return None
    return t("cli.needs_terminal", command=command)


def utf8_input_driver(base: type[Driver]) -> type[Driver]:
    """``base`` itself, or, when it is Textual's Linux terminal driver, a subclass that turns
    keyboard input that is not UTF-8 into a clean exit with a message. Other drivers
    (Windows, the web driver textual-serve runs us with, the headless one of tests) decode
    elsewhere or not at all and are returned unchanged."""
    try:
        from textual.drivers.linux_driver import LinuxDriver
    except ImportError:  # pragma: no cover - Windows
        return base
    if not issubclass(base, LinuxDriver):
        return base

    class Utf8InputDriver(base):  # type: ignore[valid-type,misc]
        def __init__(self, app: App[Any], *args: Any, **kwargs: Any) -> None:
            super().__init__(app, *args, **kwargs)
            self.owner = app

        def run_input_thread(self) -> None:
            try:
                super().run_input_thread()
            except UnicodeDecodeError:
                message = Text(t("ui.terminal_not_utf8"))
                # As Textual's own input thread reports its errors: call_later, not
                # call_from_thread, which would wait for the app while the app's shutdown
                # waits for this thread.
                self.owner.call_later(self.owner.exit, None, NOT_UTF8_EXIT, message)

    return Utf8InputDriver
