"""A served browser tab and the trainer's settings file (QA findings 2, item 21).

``serve`` runs each tab's app on the trainer's machine, under the trainer's account, so the
settings file those apps would find is the trainer's own. The app is built here as
``run_browser`` builds it (:func:`~carbon_glossary.ui.app.browser_app`), with the settings file
at its real default place (the test's own user directories, tests/conftest.py). The browser
end to end is in tests/serve/test_serve_browser.py.
"""

from __future__ import annotations

import os
from pathlib import Path

from ui_support import browse, settle

from carbon_glossary.core.model import Glossary
from carbon_glossary.ui.app import browser_app
from carbon_glossary.ui.settings import default_settings_path

WIDE = (120, 40)
TRAINERS = b'language = "zh"\ntraditional = true\n'


def trainers_settings() -> tuple[Path, int]:
    """The trainer pressed ``t`` once on their own PC: the file says traditional."""
    path = default_settings_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(TRAINERS)
    # An mtime in the past, so a rewrite within the same clock tick still shows.
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    return path, path.stat().st_mtime_ns


async def test_a_served_tab_opens_simplified_and_keeps_its_choices_to_itself(
    glossary: Glossary,
) -> None:
    path, mtime = trainers_settings()
    app = browser_app(glossary, "zh", served=True)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = browse(pilot)
        assert not screen.traditional and not screen.term_list.traditional
        assert screen.notice is None  # nothing about the trainer's file in the tab
        await pilot.press("tab", "f2", "t")
        await settle(pilot)
        assert app.language == "en" and screen.traditional  # the choices work in the tab
    assert path.read_bytes() == TRAINERS
    assert path.stat().st_mtime_ns == mtime


async def test_the_trainers_own_browser_still_starts_from_their_settings(
    glossary: Glossary,
) -> None:
    """The same start without ``served``: the saved script is used, a change is kept."""
    path, _ = trainers_settings()
    app = browser_app(glossary, None)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert browse(pilot).traditional
        await pilot.press("tab", "f2")
        await settle(pilot)
    assert b'language = "en"' in path.read_bytes()
