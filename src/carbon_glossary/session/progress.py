"""Whose progress, in which store: the store opened once, on first use.

The store is opened on first use, from a worker thread (opening may create folders, check
and migrate the file, or wait for a server). When the command line has already opened it,
it is handed over as is.

Opening goes through :func:`carbon_glossary.store.open_store`, the store package's one public
way in, which returns the :class:`~carbon_glossary.store.ProgressStore` protocol: nothing here
names a backend, and the layers contract (session → store) holds. Handing every caller an
opener instead would move this one call into each front end without removing a dependency.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from carbon_glossary.core.scheduling import Settings
    from carbon_glossary.store import ProgressStore
    from carbon_glossary.store.location import StoreLocation

__all__ = ["Progress"]


class Progress:
    """Whose progress, in which store (a file path or a server URL); the store itself
    opened once, on first use.

    :meth:`store` blocks (it may open the file): call it from a worker thread. A damaged
    file moved aside at opening leaves a notice that :meth:`take_notice` hands out once.
    """

    def __init__(
        self,
        db_path: StoreLocation,
        profile: str,
        *,
        store: ProgressStore | None = None,
        new_per_day: int | None = None,
    ) -> None:
        self.db_path = db_path
        self.profile = profile
        self.new_per_day = new_per_day
        self._store = store
        self._lock = threading.Lock()
        self._notice: str | None = None
        if store is not None and store.notices:
            self._notice = "\n".join(store.notices)

    @classmethod
    def default(cls) -> Progress:
        """The progress file and profile a bare ``carbon-glossary`` uses: the
        ``CARBON_GLOSSARY_DB`` file or the user's data folder, and the login name."""
        from carbon_glossary.store import db_location_from, profile_from

        return cls(db_location_from(None), profile_from(None))

    def settings(self) -> Settings:
        """The scheduling settings, with this session's daily allowance of new terms."""
        from carbon_glossary.core.scheduling import DEFAULT_SETTINGS

        if self.new_per_day is None:
            return DEFAULT_SETTINGS
        return replace(DEFAULT_SETTINGS, new_per_day=self.new_per_day)

    def store(self) -> ProgressStore:
        """The open store (opened now if needed); raises ``StoreError`` if it cannot be."""
        with self._lock:
            if self._store is None:
                from carbon_glossary.store import open_store

                self._store = open_store(self.db_path)
                if self._store.notices:
                    self._notice = "\n".join(self._store.notices)
            return self._store

    def take_notice(self) -> str | None:
        """What the store said at opening (a damaged file moved aside, a network drive),
        the first time it is asked for; then None."""
        with self._lock:
            notice, self._notice = self._notice, None
            return notice

    def close(self) -> None:
        """Close the store if it was opened (waits for a write in progress to finish)."""
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None
