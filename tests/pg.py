"""A throwaway PostgreSQL server for the tests: one cluster per test session, a fresh
database per test.

The cluster lives in a temporary folder, listens on 127.0.0.1 at a free port (and on a unix
socket in the same folder), and is stopped and deleted when the session ends. ``initdb``
refuses to run as root, so as root the server runs as the ``postgres`` user (``runuser``).
The binaries are PostgreSQL 15's from Debian (``/usr/lib/postgresql/15/bin``) unless
``CARBON_GLOSSARY_PG_BIN`` names another folder.

In CI (``CI=true``) a server that cannot be started fails the tests that need it; locally,
without the binaries, they are skipped.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest

PG_BIN = Path(os.environ.get("CARBON_GLOSSARY_PG_BIN", "/usr/lib/postgresql/15/bin"))
SUPERUSER = "postgres"
PASSWORD = "碳达峰-test-pw"  # not ASCII on purpose: the URL must carry it intact
OWNER, OWNER_PASSWORD = "glossary", "owner pw/with:odd@chars"
"""The role the program uses in tests, set up as the README tells an office to: a login role
that owns its database and is no superuser."""
_numbers = itertools.count(1)


@dataclass(frozen=True)
class PgServer:
    """A running cluster: where it listens and how to reach it as the superuser."""

    host: str
    port: int
    socket_dir: Path
    data_dir: Path
    options: str
    log: Path

    def url(
        self, database: str = "postgres", user: str = SUPERUSER, password: str = PASSWORD
    ) -> str:
        secret = f":{quote(password, safe='')}" if password else ""
        return f"postgresql://{quote(user, safe='')}{secret}@{self.host}:{self.port}/{database}"

    def stop(self) -> None:
        """Shut the server down (as a crash or an administrator would, mid-session)."""
        _run([str(PG_BIN / "pg_ctl"), "-D", str(self.data_dir), "-m", "fast", "-w", "stop"])

    def start(self) -> None:
        _run(
            [
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(self.data_dir),
                "-l",
                str(self.log),
                "-o",
                self.options,
                "-w",
                "start",
            ]
        )

    def admin(self, sql: str, *params: object, database: str = "postgres") -> None:
        """Run statements as the superuser (autocommit: CREATE DATABASE needs it)."""
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(sql.encode(), params or None)


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL is required in CI and could not be started: {reason}")
    pytest.skip(f"no PostgreSQL server: {reason}")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", SUPERUSER, "--", *command]


def _run(command: list[str]) -> None:
    result = subprocess.run(
        _as_server_user(command), capture_output=True, text=True, timeout=120, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)}: {result.stderr.strip() or result.stdout.strip()}")


@contextmanager
def throwaway_server() -> Iterator[PgServer]:
    """Start a cluster in a temporary folder; stop and delete it on leaving. Raises
    RuntimeError (with the server's words) when it cannot be started. bench/ uses it too."""
    if not (PG_BIN / "initdb").exists():
        raise RuntimeError(f"{PG_BIN / 'initdb'} not found")
    try:
        import psycopg  # noqa: F401
    except ImportError as error:
        raise RuntimeError("psycopg is not installed") from error
    base = Path(tempfile.mkdtemp(prefix="carbon-glossary-pg-"))
    data, sockets, log = base / "data", base / "sockets", base / "log"
    sockets.mkdir()
    password_file = base / "password"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")
    if os.geteuid() == 0:
        for path in (base, sockets, password_file):
            shutil.chown(path, SUPERUSER)
    port = _free_port()
    options = f"-p {port} -c listen_addresses=127.0.0.1 -k {sockets} -c max_connections=60"
    server = PgServer("127.0.0.1", port, sockets, data, options, log)
    started = False
    try:
        _run(
            [
                str(PG_BIN / "initdb"),
                "-D",
                str(data),
                "-U",
                SUPERUSER,
                f"--pwfile={password_file}",
                "--auth-host=scram-sha-256",
                "--auth-local=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            ]
        )
        server.start()
        started = True
        server.admin(f"CREATE ROLE {OWNER} LOGIN PASSWORD '{OWNER_PASSWORD}'")
        yield server
    finally:
        if started:
            stop = [str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]
            subprocess.run(_as_server_user(stop), capture_output=True, timeout=60, check=False)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One cluster for the whole test session."""
    with ExitStack() as stack:
        try:
            server = stack.enter_context(throwaway_server())
        except RuntimeError as error:
            _unavailable(str(error))
        yield server


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh, empty database for one test, dropped afterwards: its URL as the README's
    role (``CREATE DATABASE … OWNER glossary``), which is what the program connects as."""
    name = f"test_{os.getpid()}_{next(_numbers)}"
    pg_server.admin(f'CREATE DATABASE "{name}" OWNER {OWNER}')
    yield pg_server.url(name, user=OWNER, password=OWNER_PASSWORD)
    pg_server.admin(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def where(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """A store of each backend, not created yet: a file path (in folders that do not exist
    yet), or the URL of a fresh, empty database on the test server. A test taking this
    fixture (or one built on it) runs against both: that is the store's contract."""
    if request.param == "sqlite":
        return tmp_path / "nested" / "folder" / "progress.sqlite3"
    url: str = request.getfixturevalue("pg_url")
    return url
