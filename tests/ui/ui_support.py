"""Helpers for the browse-TUI tests: the app as tests start it, and ways to let it settle."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from carbon_glossary.core.model import Glossary
from carbon_glossary.ui.app import CarbonGlossaryApp
from carbon_glossary.ui.screens.browse import BrowseScreen

UI_GLOSSARY = Path(__file__).resolve().parent.parent / "data" / "ui_glossary.toml"


def make_app(glossary: Glossary | Path, language: str = "zh") -> CarbonGlossaryApp:
    """The app as a person meets it, with the things that make screenshots vary turned off."""
    app = CarbonGlossaryApp(glossary, language)
    app.theme = "textual-dark"
    return app


async def settle(pilot: Pilot[object]) -> None:
    """Wait until loading and search workers have finished and their results are shown.

    An app that exits on its own (a glossary that does not load exits with code 2) cancels
    the workers still running as it closes; that is the end of settling, not a failure.
    """
    for _ in range(20):
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:
            if pilot.app.return_code is None:
                raise
            return
        await pilot.pause()
        if not any(worker.is_running for worker in pilot.app.workers):
            break
    await pilot.pause()


async def type_text(pilot: Pilot[object], text: str) -> None:
    await pilot.press(*text)
    await settle(pilot)


def browse(pilot: Pilot[object]) -> BrowseScreen:
    screen = pilot.app.screen_stack[0]
    assert isinstance(screen, BrowseScreen)
    return screen
