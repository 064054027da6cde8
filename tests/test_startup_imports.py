"""What a start loads: a plain ``carbon-glossary browse`` and the printing commands do not
load the libraries of commands that were not asked for (a start-up regression guard; the
time itself is shown by bench/bench_startup.py, not asserted here)."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

GLOSSARY = Path(__file__).parent / "data" / "cli_glossary.toml"

# Libraries of other commands: the progress store's scheduler (study, practice, stats),
# PostgreSQL, Excel, Anki, serving a room.
NOT_FOR_BROWSING = ("fsrs", "psycopg", "openpyxl", "genanki", "textual_serve")
# A command that prints also leaves the full-screen toolkit alone.
NOT_FOR_PRINTING = (*NOT_FOR_BROWSING, "textual", "rich")

# Runs the command line in a fresh interpreter; the browser draws its first frame
# headless and ends. Prints the exit code and the listed libraries that were loaded.
PROBE = """
import sys
from carbon_glossary.cli import main

def run_headless(cls):
    run = cls.run

    async def first_frame(pilot):
        await pilot.pause()
        pilot.app.exit()

    cls.run = lambda self, **options: run(self, headless=True, auto_pilot=first_frame)

if "browse" in sys.argv[2:]:
    from carbon_glossary.ui.app import CarbonGlossaryApp

    run_headless(CarbonGlossaryApp)
code = main(sys.argv[2:])
loaded = sorted({name.split(".")[0] for name in sys.modules} & set(sys.argv[1].split(",")))
print("PROBE", code, ",".join(loaded) or "-", file=sys.__stderr__)
"""


def loaded_by(tmp_path: Path, libraries: tuple[str, ...], *args: str) -> tuple[int, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("CARBON_")}
    env.update(
        CARBON_GLOSSARY_CACHE_DIR=str(tmp_path / "cache"),
        CARBON_GLOSSARY_DB=str(tmp_path / "progress.sqlite3"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        TERM="xterm-256color",
    )
    # Standard input and output are a terminal, as when a person starts the browser.
    controller, terminal = pty.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-c", PROBE, ",".join(libraries), *args],
            stdin=terminal,
            stdout=terminal,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
    finally:
        os.close(terminal)
        os.close(controller)
    probe = [line for line in result.stderr.splitlines() if line.startswith("PROBE ")]
    assert probe, result.stderr
    _, code, loaded = probe[-1].split()
    return int(code), loaded


def test_browsing_loads_no_library_of_other_commands(tmp_path: Path) -> None:
    code, loaded = loaded_by(tmp_path, NOT_FOR_BROWSING, "browse", "--glossary", str(GLOSSARY))
    assert (code, loaded) == (0, "-")


def test_browsing_with_a_profile_still_leaves_the_other_commands_alone(tmp_path: Path) -> None:
    # --profile means the store's location is worked out at the start; its libraries
    # still wait until a quiz screen is opened.
    args = ("browse", "--glossary", str(GLOSSARY), "--profile", "王芳")
    code, loaded = loaded_by(tmp_path, ("psycopg", "openpyxl", "genanki", "textual_serve"), *args)
    assert (code, loaded) == (0, "-")


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("--glossary", str(GLOSSARY), "list"),
        ("--glossary", str(GLOSSARY), "search", "碳达峰"),
    ],
)
def test_printing_commands_load_neither_the_toolkit_nor_other_commands(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    code, loaded = loaded_by(tmp_path, NOT_FOR_PRINTING, *args)
    assert (code, loaded) == (0, "-")
