"""The progress store in one SQLite file: one PC, or one server that serves a room's browsers.

Durability: each write is its own transaction, committed before the method returns, in WAL
mode with ``synchronous=FULL``. With FULL, SQLite syncs the write-ahead log to disk at every
commit, so an answer survives not just a killed program (NORMAL would do for that) but also a
power cut or an OS crash right after it was given. That costs one fsync per answer, which a
person answering questions never notices.

Sharing: WAL lets readers and one writer work at once; writers wait for each other (busy
timeout) instead of failing, and every write takes the lock up front (``BEGIN IMMEDIATE``).
WAL needs shared memory between the programs, so the file must be on a local disk: on a
network drive (SMB, NFS) SQLite's locking does not hold, and the store warns.

Whose file: only a file that is SQLite and ours (our ``application_id``, or an older file of
ours at a known schema version) is ever moved aside when damaged. Anything else (a text file,
another program's database, a pipe) is refused with a message and left exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

from carbon_glossary.core.scheduling import to_utc
from carbon_glossary.i18n import t
from carbon_glossary.store.errors import CorruptFileMoved, StoreError, StoreTooNewError
from carbon_glossary.store.netfs import network_filesystem
from carbon_glossary.store.sql import Params, Row, SqlStore
from carbon_glossary.store.sqlite_schema import (
    APPLICATION_ID,
    latest_version,
    migrate,
)

__all__ = ["BUSY_TIMEOUT_MS", "SqliteReason", "SqliteStore"]

BUSY_TIMEOUT_MS = 10_000
"""How long a write waits for another program's write to finish before giving up."""

_SQLITE_MAGIC = b"SQLite format 3\x00"
_SQLITE_HEADER_SIZE = 100
_USER_VERSION_AT = 60  # big-endian 32-bit integers in the database header
_APPLICATION_ID_AT = 68
_CORRUPT_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_SECOND_LOOK_S = 0.1

_REASON_KEYS = {
    sqlite3.SQLITE_CORRUPT: "store.sqlite.corrupt",
    sqlite3.SQLITE_NOTADB: "store.sqlite.not_a_database",
    sqlite3.SQLITE_BUSY: "store.sqlite.locked",
    sqlite3.SQLITE_LOCKED: "store.sqlite.locked",
    sqlite3.SQLITE_READONLY: "store.sqlite.read_only",
    sqlite3.SQLITE_FULL: "store.sqlite.full",
    sqlite3.SQLITE_IOERR: "store.sqlite.io",
    sqlite3.SQLITE_CANTOPEN: "store.sqlite.cannot_open",
    sqlite3.SQLITE_PERM: "store.sqlite.denied",
}
"""The result codes a person meets (primary codes: an extended code shares its reason)."""


@dataclass(frozen=True, slots=True)
class SqliteReason:
    """Why SQLite failed, as the ``{reason}`` of a store message.

    Put into words when the message is shown, so in the interface language of that moment:
    for the common result codes a phrase of ours, followed by SQLite's own English words
    (they name the problem exactly, for whoever looks into it); for any other code, or an
    error without one, only SQLite's words. Matched by result code, never by English text.
    """

    code: int | None
    """SQLite's primary result code (``sqlite3.SQLITE_FULL``…); None when there is none."""
    detail: str
    """SQLite's description, in English."""

    @classmethod
    def of(cls, error: sqlite3.Error) -> SqliteReason:
        # Errors raised by the sqlite3 module itself (a closed connection) carry no code.
        code = getattr(error, "sqlite_errorcode", None)
        return cls(None if code is None else code & 0xFF, str(error))

    def __str__(self) -> str:
        key = None if self.code is None else _REASON_KEYS.get(self.code)
        if key is None:
            return self.detail
        return t("store.sqlite.reason", explained=t(key), detail=self.detail)


class _Corrupt(Exception):
    """Internal: the file is damaged; carries why, as SQLite said it."""

    def __init__(self, reason: SqliteReason) -> None:
        super().__init__(reason.detail)
        self.reason = reason


class _SqliteTransaction:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def rows(self, sql: str, params: Params | None = None) -> list[Row]:
        return self._conn.execute(sql, params or {}).fetchall()

    def run(self, sql: str, params: Params | None = None) -> int:
        return self._conn.execute(sql, params or {}).rowcount


def _iso(moment: datetime) -> str:
    return to_utc(moment).isoformat(timespec="microseconds")


def _is_corruption(error: sqlite3.Error) -> bool:
    return SqliteReason.of(error).code in _CORRUPT_CODES


class SqliteStore(SqlStore):
    """One progress file. Open with :meth:`open` (or :func:`carbon_glossary.store.open_store`),
    preferably as a context manager.

    Times are ISO 8601 text in UTC with microseconds: one fixed width, so text order is time
    order and the indexes on them work.
    """

    # SQLite fills the bare term_text/category from the row holding MAX(answered_at): the
    # term as it was most recently asked.
    TERM_FIGURES: ClassVar[str] = """
        SELECT term_id, term_text, category, COUNT(*),
            SUM(CASE WHEN correct THEN 1 ELSE 0 END), MAX(answered_at)
        FROM answers WHERE {where} GROUP BY term_id
    """
    NO_LIMIT: ClassVar[object] = -1

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: Path,
        recovered: CorruptFileMoved | None,
        notices: tuple[str, ...] = (),
    ) -> None:
        """Use :meth:`open`."""
        super().__init__(str(path))
        self._conn = connection
        self.path = path
        self._recovered = recovered
        self._notices = ((recovered.message,) if recovered is not None else ()) + notices

    @property
    def recovered(self) -> CorruptFileMoved | None:
        """Set when the file was damaged and moved aside at opening; show its ``.message``."""
        return self._recovered

    # --- opening and closing ---

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False) -> SqliteStore:
        """Open (creating it and its folders if needed) the progress file at ``path``.

        A damaged file of ours is moved aside and a fresh one started: the result's
        ``recovered`` says where the old one went; with ``read_only`` (a command that only
        reads) nothing is moved and the damage is an error. Raises
        :class:`StoreTooNewError` for a file from a newer program and :class:`StoreError`
        when the file cannot be used: not ours, not a regular file, not writable.
        """
        path = Path(path).expanduser()
        _check_kind(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError("store.cannot_open", path=path, reason=_reason(error)) from error
        _check_writable(path)
        notices: tuple[str, ...] = ()
        network = network_filesystem(path)
        if network is not None:
            notices = (_network_warning(path, network),)
        try:
            connection = _connect(path)
        except _Corrupt:
            # Look twice before moving anything: a file another program is creating at this
            # very moment can look damaged for an instant.
            time.sleep(_SECOND_LOOK_S)
            try:
                return cls(_connect(path), path, None, notices)
            except _Corrupt as corrupt:
                if read_only:
                    raise StoreError(
                        "store.damaged_read_only", path=path, reason=corrupt.reason
                    ) from corrupt
                moved = _move_aside(path, detail=str(corrupt))
            try:
                connection = _connect(path)
            except _Corrupt as again:  # a fresh file cannot be damaged; a disk problem
                raise StoreError("store.cannot_open", path=path, reason=again.reason) from again
            return cls(connection, path, moved, notices)
        return cls(connection, path, None, notices)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # --- transactions ---

    @contextmanager
    def _write(self) -> Iterator[_SqliteTransaction]:
        with self._lock, self._errors("store.write_failed"):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield _SqliteTransaction(self._conn)
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise

    @contextmanager
    def _read(self) -> Iterator[_SqliteTransaction]:
        with self._lock, self._errors("store.read_failed"):
            self._conn.execute("BEGIN")
            try:
                yield _SqliteTransaction(self._conn)
            finally:
                if self._conn.in_transaction:
                    self._conn.execute("COMMIT")

    @contextmanager
    def _errors(self, key: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            raise StoreError(key, path=self.path, reason=SqliteReason.of(error)) from error

    def _time_param(self, moment: datetime) -> object:
        return _iso(moment)

    def _time(self, value: Any) -> datetime:
        return datetime.fromisoformat(value).astimezone(UTC)


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def _network_warning(path: Path, filesystem: str) -> str:
    from carbon_glossary.i18n import t

    return t("store.network_drive", path=path, filesystem=filesystem)


def _check_kind(path: Path) -> None:
    """Refuse a folder, a pipe, a device: only a regular file (or nothing yet) will do.
    ``stat`` never blocks, where opening a pipe would wait for a writer forever."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise StoreError("store.cannot_open", path=path, reason=_reason(error)) from error
    if stat.S_ISDIR(mode):
        raise StoreError("store.is_directory", path=path)
    if not stat.S_ISREG(mode):
        raise StoreError("store.not_a_file", path=path)


def _check_writable(path: Path) -> None:
    """Refuse at once a file (or folder) this user may not write: otherwise SQLite opens
    it read-only without a word and every answer of the round fails."""
    target = path if path.exists() else path.parent
    if not os.access(target, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise StoreError("store.read_only", path=path)


def _header(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(_SQLITE_HEADER_SIZE)
    except FileNotFoundError:
        return b""
    except OSError as error:
        raise StoreError("store.cannot_open", path=path, reason=_reason(error)) from error


def _header_int(head: bytes, offset: int) -> int:
    return int.from_bytes(head[offset : offset + 4], "big")


def _is_sqlite(head: bytes) -> bool:
    return len(head) == _SQLITE_HEADER_SIZE and head.startswith(_SQLITE_MAGIC)


def _is_ours(head: bytes) -> bool:
    """A SQLite header with our application id, or (files written before we set one) a
    schema version we wrote. Anything less certain is not ours to move."""
    if not _is_sqlite(head):
        return False
    app_id = _header_int(head, _APPLICATION_ID_AT)
    if app_id == APPLICATION_ID:
        return True
    return app_id == 0 and 1 <= _header_int(head, _USER_VERSION_AT) <= latest_version()


def _connect(path: Path) -> sqlite3.Connection:
    """Open, check and migrate the file. Raises :class:`_Corrupt` if it is a damaged file of
    ours, and :class:`StoreError` if it is not ours (left untouched)."""
    head = _header(path)
    foreign_id = _header_int(head, _APPLICATION_ID_AT) not in (0, APPLICATION_ID)
    if head and (not _is_sqlite(head) or foreign_id):
        raise StoreError("store.not_ours", path=path)
    try:
        conn = sqlite3.connect(
            path,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,  # we begin and commit ourselves
            check_same_thread=False,  # a worker thread may write; calls hold a lock
        )
    except sqlite3.Error as error:
        raise StoreError("store.cannot_open", path=path, reason=SqliteReason.of(error)) from error
    try:
        # Reads the header (a non-database fails here). One statement, so one snapshot:
        # another program creating the same new file may commit its schema between two
        # separate reads, and "version 0, then tables" looked like another program's file.
        found, has_tables = conn.execute(
            "SELECT user_version, (SELECT COUNT(*) FROM sqlite_master WHERE type = 'table')"
            " FROM pragma_user_version"
        ).fetchone()
        if found > latest_version():
            raise StoreTooNewError(path, found, latest_version())
        if found == 0 and has_tables:
            raise StoreError("store.not_ours", path=path)  # another program's database
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _enable_wal(conn)
        conn.execute("PRAGMA synchronous = FULL")
        verdict = [row[0] for row in conn.execute("PRAGMA quick_check")]
        if verdict != ["ok"]:
            detail = "; ".join(str(line) for line in verdict[:5])
            raise _Corrupt(SqliteReason(sqlite3.SQLITE_CORRUPT, detail))
        migrate(conn, path)
    except sqlite3.Error as error:
        conn.close()
        if _is_corruption(error):
            if not _is_ours(_header(path)):
                raise StoreError("store.not_ours", path=path) from error
            raise _Corrupt(SqliteReason.of(error)) from error
        raise StoreError("store.cannot_open", path=path, reason=SqliteReason.of(error)) from error
    except BaseException:
        conn.close()
        raise
    return conn


def _enable_wal(conn: sqlite3.Connection) -> None:
    """Switch the file to WAL (it stays so). Switching needs the file to itself for a moment
    and SQLite reports "locked" at once rather than waiting, so when several programs open a
    new file together, retry until the busy timeout has passed."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            code = SqliteReason.of(error).code
            busy = code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


def _move_aside(path: Path, detail: str) -> CorruptFileMoved:
    """Rename the damaged file (and its WAL and shared-memory files, which belong to it)
    to ``<name>.corrupt-<UTC time>``; never overwrite anything."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while any(Path(f"{target}{suffix}").exists() for suffix in ("", "-wal", "-shm")):
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
        counter += 1
    try:
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{path}{suffix}")
            if source.exists():
                os.rename(source, f"{target}{suffix}")
    except OSError as error:
        raise StoreError("store.cannot_move", path=path, reason=_reason(error)) from error
    return CorruptFileMoved(path=path, moved_to=target, detail=detail)
