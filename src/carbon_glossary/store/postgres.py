"""The progress store on a PostgreSQL server: one set of results for a district's offices.

Opened with a URL, ``postgresql://user:password@host:5432/dbname`` (psycopg's conninfo; a
password may also come from ``PGPASSWORD`` or ``~/.pgpass``, and is never shown in a
message). The same tables and schema versions as the SQLite file, in the schema the role's
``search_path`` names (``public`` unless the administrator sets another).

Durability: each write is its own transaction, committed before the method returns; the
server syncs its log at commit (``synchronous_commit`` on, PostgreSQL's default), so an
answer survives the program, the PC or the server being killed right after.

Connection trouble: a connection lost while idle (the server restarted, the network
dropped) is noticed when the next call starts its transaction, before anything is sent, and
opened again. If the server cannot be reached, or the connection breaks in the middle of a
call, the call raises :class:`~carbon_glossary.store.StoreUnavailable`: the caller keeps the
answer and tries again. An answer whose COMMIT went through just as the connection broke
is then written again; its ``answer_id`` is stored already, so the second write changes
nothing: an answer is never lost and never stored twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import unquote, urlsplit, urlunsplit

from carbon_glossary.core.scheduling import to_utc
from carbon_glossary.store.errors import StoreError, StoreTooNewError, StoreUnavailable
from carbon_glossary.store.postgres_schema import latest_version, migrate, stored_version
from carbon_glossary.store.sql import Params, Row, SqlStore

if TYPE_CHECKING:
    import psycopg

__all__ = ["CONNECT_TIMEOUT_S", "PostgresStore", "redact"]

CONNECT_TIMEOUT_S = 10
"""How long opening a connection waits for the server before saying it cannot be reached."""

_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")
_AUTH_SQLSTATES = {"28P01", "28000"}  # invalid_password, invalid_authorization_specification
_PRIVILEGE_SQLSTATE = "42501"  # insufficient_privilege
_NO_DATABASE_SQLSTATE = "3D000"  # invalid_catalog_name
_NO_DATABASE = re.compile(r'database ".*" does not exist')
_UNREACHABLE_SIGNS = (
    "Connection refused",  # nothing listens on that port (server down, wrong port)
    "failed to resolve host",  # psycopg: no such host name
    "could not translate host name",  # libpq: the same
    "No route to host",
    "Network is unreachable",
    "timeout expired",
    "No such file or directory",  # a local socket that is not there (server down)
)


@lru_cache(maxsize=256)
def pyformat(sql: str) -> str:
    """``:name`` parameters (shared with SQLite) as psycopg's ``%(name)s``."""
    return _NAMED.sub(r"%(\1)s", sql)


_USERINFO_PASSWORD = re.compile(r"(://[^:/@\s]*:)[^@\s]*@")


def redact(url: str) -> str:
    """The URL without its password, for messages (``postgresql://alice:***@host/db``)."""
    try:
        parts = urlsplit(url)
    except ValueError:  # not even a URL: mask whatever stands where a password would
        return _USERINFO_PASSWORD.sub(r"\1***@", url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


class _PgTransaction:
    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self._conn = conn

    def rows(self, sql: str, params: Params | None = None) -> list[Row]:
        with self._conn.cursor() as cursor:
            cursor.execute(pyformat(sql), params or {})
            return cursor.fetchall() if cursor.description is not None else []

    def run(self, sql: str, params: Params | None = None) -> int:
        with self._conn.cursor() as cursor:
            cursor.execute(pyformat(sql), params or {})
            return cursor.rowcount


class PostgresStore(SqlStore):
    """One PostgreSQL database. Open with :meth:`open` (or
    :func:`carbon_glossary.store.open_store`), preferably as a context manager."""

    TERM_FIGURES: ClassVar[str] = """
        SELECT term_id,
            (ARRAY_AGG(term_text ORDER BY answered_at DESC, id DESC))[1],
            (ARRAY_AGG(category ORDER BY answered_at DESC, id DESC))[1],
            COUNT(*), SUM(CASE WHEN correct THEN 1 ELSE 0 END), MAX(answered_at)
        FROM answers WHERE {where} GROUP BY term_id
    """
    NO_LIMIT: ClassVar[object] = None

    def __init__(self, url: str, connection: psycopg.Connection[Any]) -> None:
        """Use :meth:`open`."""
        super().__init__(redact(url))
        self._url = url
        self._conn = connection

    @classmethod
    def open(cls, url: str) -> PostgresStore:
        """Connect, check the schema version and bring it up to date.

        Raises :class:`StoreError` with a message for a URL that cannot be read, a server
        that cannot be reached, a refused login or missing privileges, and
        :class:`StoreTooNewError` for a database a newer program has written.
        """
        connection = _connect(url)
        try:
            _migrate(connection, url)
        except BaseException:
            connection.close()
            raise
        return cls(url, connection)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # --- transactions ---

    def _begin(self, statement: str) -> psycopg.Connection[Any]:
        """Start a transaction. A connection lost while idle (the server restarted, the
        network dropped) fails right here, before anything of this call was sent: it is
        opened again and the transaction started on the new one."""
        import psycopg

        if not self._conn.closed and not self._conn.broken:
            try:
                self._conn.execute(statement)
                return self._conn
            except psycopg.OperationalError:
                if not self._conn.broken:
                    raise
        self._conn.close()
        self._conn = _connect(self._url, lost=True)
        self._conn.execute(statement)
        return self._conn

    @contextmanager
    def _transaction(self, key: str, *, read_only: bool) -> Iterator[_PgTransaction]:
        import psycopg

        # REPEATABLE READ for reads: every query of the block sees one snapshot.
        begin = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" if read_only else "BEGIN"
        with self._lock:
            conn = self._conn
            try:
                conn = self._begin(begin)
                try:
                    yield _PgTransaction(conn)
                    conn.execute("COMMIT")
                except BaseException:
                    if not conn.broken and not conn.closed:
                        conn.execute("ROLLBACK")
                    raise
            except psycopg.OperationalError as error:
                if conn.broken or conn.closed:
                    raise _unavailable(self._url, error) from error
                raise StoreError(
                    key, location=self.location, reason=_reason(error, self._url)
                ) from error
            except psycopg.Error as error:
                raise StoreError(
                    key, location=self.location, reason=_reason(error, self._url)
                ) from error

    def _write(self) -> AbstractContextManager[_PgTransaction]:
        return self._transaction("store.pg.write_failed", read_only=False)

    def _read(self) -> AbstractContextManager[_PgTransaction]:
        return self._transaction("store.pg.read_failed", read_only=True)

    def _time_param(self, moment: datetime) -> object:
        return to_utc(moment)

    def _time(self, value: Any) -> datetime:
        if not isinstance(value, datetime):
            raise TypeError(f"expected a timestamp, got {value!r}")
        return value.astimezone(UTC)


def _reason(error: BaseException, url: str) -> str:
    """The server's or driver's words, first line, never with the password in them."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    try:
        password = urlsplit(url).password
    except ValueError:
        password = None
    if password:
        for form in {password, unquote(password)}:  # as written, and as it was meant
            text = text.replace(form, "***")
    return _USERINFO_PASSWORD.sub(r"\1***@", text)


def _unavailable(url: str, error: BaseException) -> StoreUnavailable:
    return StoreUnavailable(
        "store.pg.unavailable", location=redact(url), reason=_reason(error, url)
    )


def _connect(url: str, *, lost: bool = False) -> psycopg.Connection[Any]:
    """A connection in autocommit mode (each call opens its own transaction)."""
    try:
        import psycopg
        from psycopg.conninfo import conninfo_to_dict
    except ImportError as error:  # pragma: no cover - psycopg is a dependency
        raise StoreError("store.pg.no_driver") from error
    location = redact(url)
    try:
        conninfo_to_dict(url)
    except psycopg.ProgrammingError as error:
        raise StoreError(
            "store.pg.bad_url", location=location, reason=_reason(error, url)
        ) from None
    try:
        return psycopg.connect(
            url,
            autocommit=True,
            connect_timeout=CONNECT_TIMEOUT_S,
            application_name="carbon-glossary",
        )
    except psycopg.OperationalError as error:
        key = _connect_problem(error)
        if key == "store.pg.auth_failed" or (not lost and key is not None):
            raise StoreError(
                key,
                location=location,
                database=_database_of(error, url),
                reason=_reason(error, url),
            ) from None
        if lost:
            raise _unavailable(url, error) from None
        raise StoreError(
            "store.pg.cannot_connect", location=location, reason=_reason(error, url)
        ) from None
    except psycopg.Error as error:
        raise StoreError(
            "store.pg.cannot_connect", location=location, reason=_reason(error, url)
        ) from None


def _connect_problem(error: psycopg.OperationalError) -> str | None:
    """The catalogue key for a connection that failed in one of the common ways, or None.

    A failed connection carries no SQLSTATE (libpq hands the server's refusal over as text
    only: checked with psycopg 3.3 and libpq 18), so psycopg's own signals come first: its
    :class:`~psycopg.errors.ConnectionTimeout` class, and the closed connection's
    ``needs_password`` (the server asked for a password and none was given). Then the SQLSTATE,
    should a driver ever pass it on; then the server's words for a refused login or a missing
    database (as a server speaking English writes them), and libpq's for a server it could
    not reach. Anything else gets the general sentence with the driver's words.
    """
    import psycopg

    pgconn = error.pgconn
    text = str(error)
    if isinstance(error, psycopg.errors.ConnectionTimeout):
        return "store.pg.unreachable"
    if pgconn is not None and pgconn.needs_password:
        return "store.pg.no_password"
    if error.sqlstate in _AUTH_SQLSTATES or "password authentication failed" in text:
        return "store.pg.auth_failed"
    if error.sqlstate == _NO_DATABASE_SQLSTATE or _NO_DATABASE.search(text):
        return "store.pg.no_database"
    if any(sign in text for sign in _UNREACHABLE_SIGNS):
        return "store.pg.unreachable"
    return None


def _database_of(error: psycopg.OperationalError, url: str) -> str:
    """The database the connection asked for (libpq's default, the user name, included)."""
    if error.pgconn is not None and error.pgconn.db:
        return error.pgconn.db.decode("utf-8", "replace")
    from psycopg.conninfo import conninfo_to_dict

    return str(conninfo_to_dict(url).get("dbname") or "")


def _migrate(conn: psycopg.Connection[Any], url: str) -> None:
    import psycopg

    location = redact(url)
    try:
        found = stored_version(conn)
        if found > latest_version():
            raise StoreTooNewError(location, found, latest_version(), key="store.pg.too_new")
        if found < latest_version():
            migrate(conn, location)
    except psycopg.errors.InsufficientPrivilege as error:
        raise StoreError(
            "store.pg.no_privilege", location=location, reason=_reason(error, url)
        ) from None
    except psycopg.Error as error:
        raise StoreError(
            "store.pg.cannot_connect", location=location, reason=_reason(error, url)
        ) from None
