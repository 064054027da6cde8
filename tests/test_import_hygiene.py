"""The core stays pure: importing it pulls in no UI library."""

from __future__ import annotations

import subprocess
import sys

import pytest

PURE_PACKAGES = [
    "carbon_glossary.core",
    "carbon_glossary.store",
    "carbon_glossary.session",
    "carbon_glossary.interop",
    "carbon_glossary.i18n",
]


@pytest.mark.parametrize("package", PURE_PACKAGES)
def test_pure_package_imports_no_ui(package: str) -> None:
    """Import the package and every module in it in a fresh interpreter; no textual or rich."""
    code = f"""
import importlib, pkgutil, sys
pkg = importlib.import_module({package!r})
for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
    importlib.import_module(info.name)
ui = ("textual", "rich", "carbon_glossary.ui")
bad = sorted(m for m in sys.modules if m.startswith(ui))
print(",".join(bad))
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"{package} pulled in: {result.stdout.strip()}"
