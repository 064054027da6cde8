"""Shared fixtures. Every test runs with its own user directories, never the real home."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from carbon_glossary import i18n
from pg import pg_server, pg_url, where  # noqa: F401  (fixtures: a throwaway PostgreSQL server)

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_GLOSSARY = ROOT / "glossary.toml"
DATA = Path(__file__).resolve().parent / "data"

# Property tests check behaviour, not speed: hypothesis's per-example deadline (200 ms) is a
# timed assertion that fails at random on a loaded 2-core machine. Speed is shown in bench/.
settings.register_profile(
    "carbon-glossary", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("carbon-glossary")


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point caches, data and config at a temporary folder; reset the interface language."""
    for name in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    for name in ("CARBON_GLOSSARY_FILE", "CARBON_GLOSSARY_LANG", "CARBON_GLOSSARY_DB"):
        monkeypatch.delenv(name, raising=False)
    i18n.set_language("zh")
    yield
    i18n.set_language("zh")
