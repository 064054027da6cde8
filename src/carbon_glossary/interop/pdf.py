"""Printing an HTML page to PDF through a browser installed on this computer (headless).

Chromium, Google Chrome and Microsoft Edge all print with ``--headless --print-to-pdf``.
We look for them on PATH and where their installers put them; when none is found the
caller tells the person how to print the page from any browser instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = ["BrowserNotFoundError", "PrintFailedError", "find_browser", "print_to_pdf"]

_NAMES = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "microsoft-edge",
    "microsoft-edge-stable",
    "msedge",
)
_PLACES = (
    # Windows
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
    r"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
    # macOS
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
)
_TIMEOUT = 120


class BrowserNotFoundError(Exception):
    """No Chromium, Chrome or Edge on this computer."""


class PrintFailedError(Exception):
    """The browser ran but no PDF came out; carries what it said."""


def find_browser() -> str | None:
    """The first Chromium-family browser found, or None. ``CARBON_GLOSSARY_BROWSER`` (a
    path) is tried first."""
    chosen = os.environ.get("CARBON_GLOSSARY_BROWSER")
    if chosen:
        return chosen if Path(chosen).is_file() else shutil.which(chosen)
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    return next((place for place in _PLACES if Path(place).is_file()), None)


def print_to_pdf(html_path: Path, pdf_path: Path, browser: str | None = None) -> None:
    """Print the page to ``pdf_path`` (A4 comes from the page's own ``@page`` rule)."""
    browser = browser or find_browser()
    if browser is None:
        raise BrowserNotFoundError
    with tempfile.TemporaryDirectory(prefix="carbon-glossary-browser-") as profile:
        command = [
            browser,
            "--headless",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            "--print-to-pdf-no-header",
            f"--print-to-pdf={pdf_path.resolve()}",
            html_path.resolve().as_uri(),
        ]
        if sys.platform != "win32" and hasattr(os, "geteuid") and os.geteuid() == 0:
            command.insert(1, "--no-sandbox")  # Chromium refuses to run as root otherwise
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=_TIMEOUT, check=False
            )
        except subprocess.TimeoutExpired:
            raise PrintFailedError(f"timeout after {_TIMEOUT} s") from None
        except OSError as error:
            raise PrintFailedError(str(error)) from None
    if not pdf_path.is_file() or pdf_path.stat().st_size == 0:
        raise PrintFailedError((done.stderr or done.stdout).strip()[-500:])
