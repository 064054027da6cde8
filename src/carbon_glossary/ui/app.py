"""The Textual application: screens, app-wide commands and the interface language.

Kept small on purpose: each screen owns its own state. To add a screen, write it under
``screens/``, declare its commands in ``commands.py`` and push it (or ``add_mode`` it) here.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import signal
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.binding import BindingType
from textual.reactive import reactive

from carbon_glossary import i18n
from carbon_glossary.core.model import Glossary
from carbon_glossary.i18n import t
from carbon_glossary.ui import commands
from carbon_glossary.ui.screens.browse import BrowseScreen
from carbon_glossary.ui.typeahead import HoldsKeysAfterEnter

if TYPE_CHECKING:
    from textual.driver import Driver
    from textual.screen import Screen

    from carbon_glossary.core.problems import Problem
    from carbon_glossary.session.progress import Progress
    from carbon_glossary.ui.settings import SettingsFile

__all__ = ["CarbonGlossaryApp", "browser_app", "run_browser"]


class CarbonGlossaryApp(HoldsKeysAfterEnter):
    """The glossary browser (and, later, the quiz screens)."""

    CSS_PATH = Path(__file__).parent / "styles" / "app.tcss"  # absolute: subclasses live elsewhere
    BINDINGS: ClassVar[list[BindingType]] = commands.bindings(
        commands.HELP, commands.QUIT, commands.LANGUAGE, commands.PALETTE
    )
    PALETTE: ClassVar[tuple[commands.Command, ...]] = (
        commands.HELP,
        commands.LANGUAGE,
        commands.THEME,
        commands.QUIT,
    )
    COMMANDS: ClassVar[set[type[commands.CommandsProvider]]] = {  # type: ignore[assignment]
        commands.CommandsProvider
    }

    language: reactive[str] = reactive("zh", init=False)
    """Interface language; screens watch it to relabel themselves."""

    def __init__(
        self,
        source: Glossary | Path,
        language: str = "zh",
        *,
        traditional: bool = False,
        settings: SettingsFile | None = None,
        notice: str | None = None,
    ) -> None:
        """``settings``: where language and script choices are kept (None: not kept);
        ``notice``: something to tell the person once the first screen is up."""
        i18n.set_language(language)
        super().__init__()
        self.source = source
        self.glossary: Glossary | None = source if isinstance(source, Glossary) else None
        self.problems: tuple[Problem, ...] = ()
        self.progress: Progress | None = None
        """Whose progress the quiz screens opened from here use (set on first use)."""
        self.traditional = traditional
        self._settings = settings
        self._notice = notice
        self.set_reactive(CarbonGlossaryApp.language, i18n.get_language())
        self.title = t("ui.app.title")

    def get_default_screen(self) -> Screen[object]:
        return BrowseScreen(self.source, self.language, traditional=self.traditional)

    def on_mount(self) -> None:
        if self._notice is not None:
            self.call_after_refresh(self.say, self._notice)
        # A closed terminal window (SIGHUP) or a shutdown (SIGTERM) would otherwise end the
        # process at once, leaving the terminal in raw mode and answers waiting unwritten.
        loop = asyncio.get_running_loop()
        for name in ("SIGTERM", "SIGHUP"):
            signum = getattr(signal, name, None)
            if signum is not None:
                # Not on Windows, nor outside the main thread (tests): nothing to do then.
                with contextlib.suppress(NotImplementedError, RuntimeError):
                    loop.add_signal_handler(signum, self.end_on_signal, signum)

    def end_on_signal(self, signum: int) -> None:
        """End cleanly: each quiz screen writes what is waiting as it closes (an exam's
        answers are already written; the sitting stays open, to be resumed), the terminal
        is restored, and the exit status says which signal ended the program (128 + n)."""
        self.exit(return_code=128 + signum)

    def say(self, notice: str) -> None:
        """Tell the person something: in the browse screen's status line when it is in front
        (a toast over the list and card drops CJK characters, Textual issue #6357)."""
        screen = self.screen
        if isinstance(screen, BrowseScreen):
            screen.say(notice)
        else:
            self.notify(notice, markup=False)

    def on_browse_screen_script_changed(self, message: BrowseScreen.ScriptChanged) -> None:
        self.traditional = message.traditional
        self._remember()

    def _remember(self) -> None:
        """Keep the language and script choices for the next start (in a thread: file I/O)."""
        settings = self._settings
        if settings is None or not settings.writable:
            return
        from carbon_glossary.ui.settings import Settings

        chosen = Settings(self.language, self.traditional)

        def save() -> None:
            notice = settings.save(chosen)
            if notice is not None:
                self.call_from_thread(self.say, notice)

        self.run_worker(save, thread=True, group="settings", exit_on_error=False)

    def on_browse_screen_glossary_loaded(self, message: BrowseScreen.GlossaryLoaded) -> None:
        self.glossary = message.glossary

    def on_browse_screen_load_failed(self, message: BrowseScreen.LoadFailed) -> None:
        self.problems = message.error.problems
        self.exit(return_code=2)

    def watch_language(self, language: str) -> None:
        i18n.set_language(language)
        self.title = t("ui.app.title")
        for screen in self.screen_stack:
            if isinstance(screen, BrowseScreen):
                screen.language = language
        self.refresh_bindings()
        self._remember()

    def action_toggle_language(self) -> None:
        self.language = "en" if self.language == "zh" else "zh"

    def action_help_quit(self) -> None:
        """Ctrl+C: say how to quit, in the interface language.

        Textual binds Ctrl+C to copying selected text and, when nothing is selected, to
        this action (its own hint is in English). Quitting on it is left out on purpose:
        people press Ctrl+C to copy, and an exam would end under them.
        """
        browsing = isinstance(self.screen, BrowseScreen)
        self.say(t("ui.quit.hint" if browsing else "ui.quit.hint_elsewhere"))

    def action_help(self) -> None:
        from carbon_glossary.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
        else:
            self.push_screen(HelpScreen())

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(
                CommandPalette(placeholder=t("ui.palette.placeholder"), id="--command-palette")
            )

    def action_pick_theme(self) -> None:
        from textual.command import CommandPalette

        self.push_screen(
            CommandPalette(providers=[commands.ThemesProvider], placeholder=t("ui.palette.theme"))
        )

    def action_open_quiz(self, what: str) -> None:
        """The progress screen, a study round or a practice round (``ui/plans.py``)."""
        from carbon_glossary.ui.plans import open_quiz

        open_quiz(self, what)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[object]:  # type: ignore[override]
        return ()

    def get_driver_class(self) -> type[Driver]:
        """Textual's choice of driver, made to end cleanly on keyboard input that is not
        UTF-8 (a terminal set to GBK) instead of with a traceback (ui/terminal.py)."""
        from carbon_glossary.ui.terminal import utf8_input_driver

        return utf8_input_driver(super().get_driver_class())


def browser_app(
    source: Glossary | Path, lang: str | None, *, served: bool = False
) -> CarbonGlossaryApp:
    """The browser app as a start builds it, with the language and script it opens in.

    ``lang`` None: the person did not choose one for this start (``--lang``, the
    environment), so the language chosen last time is used, else Chinese. The script (简/繁)
    is the one chosen last time, and each new choice is kept in the settings file.

    ``served``: the app is one browser tab of ``carbon-glossary serve``, running on the
    trainer's machine under the trainer's account. The settings file there is the
    trainer's, so the tab neither reads nor writes it: it opens in ``lang`` (the server's)
    and simplified characters, and its person's F2 and ``t`` last for the tab only.
    """
    if served:
        return CarbonGlossaryApp(source, lang or "zh")
    from carbon_glossary.ui.settings import SettingsFile, default_settings_path

    settings = SettingsFile(default_settings_path())
    saved, notice = settings.load()
    return CarbonGlossaryApp(
        source,
        lang or saved.language or "zh",
        traditional=saved.traditional,
        settings=settings,
        notice=notice,
    )


def run_browser(
    glossary_path: Path,
    lang: str | None,
    glossary: Glossary | None = None,
    *,
    progress: Progress | None = None,
    served: bool = False,
) -> int:
    """Run the browser on a glossary file; the exit code (2 if the file has errors).

    ``lang`` and ``served``: as :func:`browser_app` takes them. A caller that has already
    loaded the file may pass it as ``glossary`` to spare a second read; otherwise it is
    loaded in a worker while the screen comes up. ``progress``: whose progress the quiz
    screens opened from the browser use (default: the login name in the default file); it
    is closed afterwards.
    """
    from carbon_glossary.ui.terminal import NO_TERMINAL_EXIT, terminal_missing

    missing = terminal_missing("browse")
    if missing is not None:  # it would wait for keys forever
        print(missing, file=sys.stderr)
        return NO_TERMINAL_EXIT

    app = browser_app(glossary if glossary is not None else glossary_path, lang, served=served)
    # Every object alive now (modules, classes, the glossary) lives as long as the app:
    # keep them out of the collector's full sweeps. Without this the first full sweep
    # comes while the first frame is drawn and scans them all (~12 ms on a 2-core machine).
    if progress is not None:
        app.progress = progress
    gc.freeze()
    try:
        app.run()
    finally:
        if app.progress is not None:
            app.progress.close()
    for problem in app.problems:
        print(problem.format(), file=sys.stderr)
    return app.return_code or 0
