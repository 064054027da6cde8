"""Progress persistence behind one interface, :class:`ProgressStore`, with two backends:
a SQLite file (:mod:`.sqlite`) and a PostgreSQL server (:mod:`.postgres`).

Open with ``open_store(db_location_from(args.db))`` and pass the person's
``profile_from(args.profile)`` to every call. Nothing here knows about the interface.
"""

from carbon_glossary.store.errors import (
    CardChanged,
    CorruptFileMoved,
    StoreError,
    StoreTooNewError,
    StoreUnavailable,
)
from carbon_glossary.store.location import db_location_from, default_profile, profile_from
from carbon_glossary.store.opening import open_store
from carbon_glossary.store.protocol import ProgressStore
from carbon_glossary.store.records import (
    MODES,
    SOURCES,
    AnswerRecord,
    Attempt,
    ExamResult,
    Mistake,
    Mode,
    ProfileInfo,
    Source,
    Stats,
)

__all__ = [
    "MODES",
    "SOURCES",
    "AnswerRecord",
    "Attempt",
    "CardChanged",
    "CorruptFileMoved",
    "ExamResult",
    "Mistake",
    "Mode",
    "ProfileInfo",
    "ProgressStore",
    "Source",
    "Stats",
    "StoreError",
    "StoreTooNewError",
    "StoreUnavailable",
    "db_location_from",
    "default_profile",
    "open_store",
    "profile_from",
]
