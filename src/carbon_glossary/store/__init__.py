"""Progress persistence (SQLite) behind a small interface.

Open a file with ``ProgressStore.open(db_path_from(args.db))`` and pass the person's
``profile_from(args.profile)`` to every call. Nothing here knows about the interface.
"""

from carbon_glossary.store.errors import CorruptFileMoved, StoreError, StoreTooNewError
from carbon_glossary.store.location import db_path_from, default_profile, profile_from
from carbon_glossary.store.progress import ProgressStore
from carbon_glossary.store.records import MODES, AnswerRecord, ExamResult, Mistake, Mode, Stats

__all__ = [
    "MODES",
    "AnswerRecord",
    "CorruptFileMoved",
    "ExamResult",
    "Mistake",
    "Mode",
    "ProgressStore",
    "Stats",
    "StoreError",
    "StoreTooNewError",
    "db_path_from",
    "default_profile",
    "profile_from",
]
