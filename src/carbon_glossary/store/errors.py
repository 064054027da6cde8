"""Why the progress store could not be used, and the notice that a damaged file was moved.

Each carries a catalogue key and its parameters, so the command line and the interface
show the same words in the person's language (``.message``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from carbon_glossary.i18n import t

__all__ = ["CardChanged", "CorruptFileMoved", "StoreError", "StoreTooNewError", "StoreUnavailable"]


class StoreError(Exception):
    """The progress file could not be opened, read or written."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The message in the current interface language."""
        return t(self.key, **self.params)


class CardChanged(Exception):
    """A study answer's new card was worked out from a card that another program has
    reviewed since (the same person studying the same term in two places at once). Nothing
    was written: read the card again, review it again and write the answer again."""

    def __init__(self, profile: str, term_id: str) -> None:
        self.profile = profile
        self.term_id = term_id
        super().__init__(f"the card of {term_id!r} for {profile!r} changed meanwhile")


class StoreUnavailable(StoreError):
    """The database server could not be reached (down, restarting, network gone). Nothing of
    the call that raised it was written, or the write's fate is unknown; writing the same
    record again is what to do once the server is back."""


class StoreTooNewError(StoreError):
    """The store was written by a newer version of the program; we refuse to downgrade it."""

    def __init__(
        self, path: Path | str, found: int, supported: int, *, key: str = "store.too_new"
    ) -> None:
        self.path = path
        self.found = found
        self.supported = supported
        super().__init__(key, path=path, found=found, supported=supported)


@dataclass(frozen=True, slots=True)
class CorruptFileMoved:
    """The file at ``path`` was damaged: it now lives at ``moved_to`` (with its ``-wal``
    and ``-shm`` companions, if any) and a fresh, empty store was started at ``path``.

    ``detail`` is SQLite's own description, for a bug report.
    """

    path: Path
    moved_to: Path
    detail: str

    @property
    def message(self) -> str:
        return t("store.corrupt_moved", path=self.path, moved=self.moved_to)
