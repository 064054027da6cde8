"""Fixtures for the browse-TUI tests: a fixed small glossary."""

from __future__ import annotations

import pytest
from ui_support import UI_GLOSSARY

from carbon_glossary.core.loader import load_glossary
from carbon_glossary.core.model import Glossary


@pytest.fixture(scope="session")
def glossary() -> Glossary:
    return load_glossary(UI_GLOSSARY)
