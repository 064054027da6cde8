"""What only the PostgreSQL store has: a URL, a login, privileges, a server that can go
away. Everything else it shares with SQLite is in the contract suite (test_store.py,
test_store_processes.py), which runs against both."""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote, unquote

import psycopg
import pytest

from carbon_glossary.cli import main
from carbon_glossary.session import writer as writer_module
from carbon_glossary.session.progress import Progress
from carbon_glossary.session.writer import AnswerWriter
from carbon_glossary.store import (
    AnswerRecord,
    StoreError,
    StoreTooNewError,
    StoreUnavailable,
    open_store,
)
from carbon_glossary.store import postgres_schema as schema
from carbon_glossary.store.postgres import redact
from conftest import ROOT
from pg import OWNER, OWNER_PASSWORD, PASSWORD, PgServer

NOW = datetime(2025, 3, 10, 9, 30, tzinfo=UTC)


def answer(index: int = 0, profile: str = "alice") -> AnswerRecord:
    return AnswerRecord(
        profile=profile,
        term_id=f"term-{index}",
        term_text="碳达峰",
        category="核心概念",
        kind="term-def",
        mode="practice",
        given=f"{profile}:{index}",
        correct=True,
        elapsed_ms=1000,
        answered_at=NOW + timedelta(seconds=index),
    )


def version_of(url: str) -> int:
    with psycopg.connect(url) as conn:
        return schema.stored_version(conn)


# --- opening: every problem is a message, never a traceback, never a password ---


def test_a_url_that_cannot_be_read_is_a_clear_error() -> None:
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://alice:s3cret@[::1/carbon")
    assert caught.value.key == "store.pg.bad_url"
    assert "s3cret" not in caught.value.message


def test_another_scheme_is_refused_not_taken_for_a_file(tmp_path: object) -> None:
    with pytest.raises(StoreError) as caught:
        open_store("mysql://alice@db/carbon")
    assert caught.value.key == "store.unknown_scheme" and "mysql://" in caught.value.message


def test_a_refused_password_is_a_clear_error_without_the_password(pg_server: PgServer) -> None:
    with pytest.raises(StoreError) as caught:
        open_store(pg_server.url(password="wrong-碳中和-pw"))
    assert caught.value.key == "store.pg.auth_failed"
    assert "wrong-碳中和-pw" not in caught.value.message
    assert "***" in caught.value.message  # the address is named, its password masked


def test_an_unreachable_server_is_a_clear_error(pg_server: PgServer) -> None:
    url = pg_server.url().replace(f":{pg_server.port}/", ":1/")  # nothing listens on port 1
    with pytest.raises(StoreError) as caught:
        open_store(url)
    assert caught.value.key == "store.pg.unreachable"
    assert PASSWORD not in caught.value.message


# --- the common connection mistakes, said in the person's language (QA 2, finding 16) ---


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (it was free a moment ago)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def without_password_sources(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No password but the one in the URL: not PGPASSWORD, not a ~/.pgpass of this PC."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))


def stats_with(url: str, capsys: pytest.CaptureFixture[str], *lang: str) -> str:
    code = main(["stats", "--db", url, *lang])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert "Traceback" not in err and OWNER_PASSWORD not in err
    return err.strip()


def test_no_password_is_said_plainly(
    pg_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    without_password_sources(monkeypatch, tmp_path)
    url = pg_url.replace(":" + quote(OWNER_PASSWORD, safe=""), "")
    assert "@" in url and OWNER_PASSWORD not in unquote(url)
    assert stats_with(url, capsys) == (
        f"进度库服务器 {url} 要求密码，但没有提供密码：请把密码写在地址里"
        "（postgresql://用户:密码@主机:端口/数据库）或 pgpass 文件中。"
    )
    assert "asks for a password and none was given" in stats_with(url, capsys, "--lang", "en")


def test_a_database_that_does_not_exist_is_said_plainly(
    pg_server: PgServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = pg_server.url("carbon_glossry", user=OWNER, password=OWNER_PASSWORD)  # mistyped
    shown = redact(url)
    assert stats_with(url, capsys) == (
        f"进度库服务器 {shown} 上没有名为“carbon_glossry”的数据库：请检查地址最后一段的数据库名，"
        "或请管理员先建好这个数据库（见 README）。"
    )
    assert 'has no database named "carbon_glossry"' in stats_with(url, capsys, "--lang", "en")


def test_a_server_that_is_not_running_is_said_plainly_with_the_driver_words_after(
    pg_server: PgServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = pg_server.url("carbon", user=OWNER, password=OWNER_PASSWORD).replace(
        f":{pg_server.port}/", f":{closed_port()}/"
    )
    said = stats_with(url, capsys)
    sentence = "服务器没有运行，或主机名、端口写错，或被防火墙挡住。（详情："
    assert said.startswith(f"连不上进度库服务器 {redact(url)}：{sentence}")
    assert "Connection refused" in said.split("详情：", 1)[1]  # the driver's words: a detail
    assert "the server is not running" in stats_with(url, capsys, "--lang", "en")


def test_a_host_that_does_not_answer_in_time_is_unreachable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A listener that never speaks (a firewall that drops, a hung machine): psycopg gives up
    after the connection timeout with its ConnectionTimeout; the same plain sentence."""
    from carbon_glossary.store import postgres

    monkeypatch.setattr(postgres, "CONNECT_TIMEOUT_S", 2)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        with pytest.raises(StoreError) as caught:
            open_store(f"postgresql://glossary:s3cret@127.0.0.1:{port}/carbon")
    assert caught.value.key == "store.pg.unreachable"
    assert "服务器没有运行" in caught.value.message and "s3cret" not in caught.value.message


def test_redact_masks_only_the_password() -> None:
    assert redact("postgresql://u:p%40ss@h:5432/d?sslmode=require") == (
        "postgresql://u:***@h:5432/d?sslmode=require"
    )
    assert redact("postgresql://u@h/d") == "postgresql://u@h/d"


@pytest.mark.parametrize("command", ["stats", "practice", "study", "exam"])
def test_the_command_line_says_so_and_exits_2(
    command: str, pg_server: PgServer, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = pg_server.url(password="not-the-password")
    argv = [command, str(ROOT / "papers" / "example.toml")] if command == "exam" else [command]
    code = main([*argv, "--db", bad])
    out, err = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in err and "not-the-password" not in out + err
    assert "拒绝登录" in err or "需要在终端" in err  # the store, or the terminal check first


# --- schema versions ---


def database_at(url: str, version: int, *inserts: tuple[str, tuple[object, ...]]) -> None:
    """A database as a program writing schema ``version`` left it, with these rows."""
    with psycopg.connect(url, autocommit=True) as conn, conn.transaction():
        for step in schema.MIGRATIONS[:version]:
            step(conn)
        conn.execute(f"CREATE TABLE {schema.VERSION_TABLE} (version INTEGER NOT NULL)")
        conn.execute(f"INSERT INTO {schema.VERSION_TABLE} VALUES (%s)", (version,))
        for sql, params in inserts:
            conn.execute(sql.encode(), params)


def test_an_older_database_is_migrated_and_keeps_its_data(pg_url: str) -> None:
    sql = (
        "INSERT INTO answers (profile, term_id, term_text, kind, mode, exam_id, exam_title,"
        " attempt_id, question, given, correct, elapsed_ms, answered_at) VALUES"
        " ('bob', 'a', '碳达峰', 'pinyin', 'exam', 'p1', '测验', 'left', 1, 'x', false, 1,"
        " '2025-03-10T01:00:00Z')"
    )
    database_at(pg_url, 2, (sql, ()))
    with open_store(pg_url) as store:
        [left] = store.attempts(exam_id="p1")
        assert (left.attempt_id, left.profile, left.handed_in_at) == ("left", "bob", None)
        assert len(store.answers("bob")) == 1
    assert version_of(pg_url) == schema.latest_version()


def test_a_version_3_database_gets_answer_ids_and_keeps_its_answers(pg_url: str) -> None:
    sql = (
        "INSERT INTO answers (profile, term_id, term_text, kind, mode, given, correct,"
        " elapsed_ms, answered_at) VALUES ('alice', %s, '碳达峰', 'pinyin', 'practice', 'x',"
        " false, 1, '2025-03-10T01:00:00Z')"
    )
    database_at(pg_url, 3, (sql, ("a",)), (sql, ("b",)))
    with open_store(pg_url) as store:
        old = store.answers("alice")
        assert sorted(r.term_id for r in old) == ["a", "b"]
        assert len({r.answer_id for r in old}) == 2 and all(r.answer_id for r in old)
        given = answer(5)
        store.record_answer(given)
        store.record_answer(given)
        assert len(store.answers("alice")) == 3
    assert version_of(pg_url) == schema.latest_version()


def test_a_newer_database_is_refused_and_left_alone(pg_url: str) -> None:
    open_store(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f"UPDATE {schema.VERSION_TABLE} SET version = 99")
    with pytest.raises(StoreTooNewError) as caught:
        open_store(pg_url)
    assert (caught.value.found, caught.value.supported) == (99, schema.latest_version())
    assert caught.value.key == "store.pg.too_new" and "升级" in caught.value.message
    assert OWNER_PASSWORD not in caught.value.message
    assert version_of(pg_url) == 99


def test_a_failing_migration_leaves_the_database_at_its_old_version(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_store(pg_url).close()

    def half_done(conn: psycopg.Connection[object]) -> None:
        conn.execute("CREATE TABLE half (x integer)")
        raise RuntimeError("disk full, say")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, half_done])
    with pytest.raises(RuntimeError):
        open_store(pg_url)
    monkeypatch.undo()
    assert version_of(pg_url) == schema.latest_version()
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT to_regclass('half')").fetchone() == (None,)


# --- the role's privileges (as the README lists them) ---


@pytest.fixture
def trainee_role(pg_server: PgServer, pg_url: str) -> Iterator[str]:
    """A login role that may connect and use the tables, but not create any."""
    database = pg_url.rsplit("/", 1)[1]
    pg_server.admin("CREATE ROLE trainee LOGIN PASSWORD 'trainee-pw'")
    pg_server.admin(f'GRANT CONNECT ON DATABASE "{database}" TO trainee')
    yield pg_server.url(database, user="trainee", password="trainee-pw")
    pg_server.admin(f'REVOKE ALL ON DATABASE "{database}" FROM trainee')
    pg_server.admin("DROP OWNED BY trainee CASCADE", database=database)
    pg_server.admin("DROP ROLE trainee")


def test_a_role_that_cannot_create_the_tables_is_told_what_it_needs(
    trainee_role: str, pg_url: str, pg_server: PgServer
) -> None:
    with pytest.raises(StoreError) as caught:
        open_store(trainee_role)  # PostgreSQL 15: no CREATE on schema public by default
    assert caught.value.key == "store.pg.no_privilege"
    assert "trainee-pw" not in caught.value.message
    # What the README says an administrator does: create the tables once, grant the rest.
    open_store(pg_url).close()
    database = pg_url.rsplit("/", 1)[1]
    pg_server.admin(
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO trainee",
        database=database,
    )
    with open_store(trainee_role) as store:
        store.record_answer(answer())
        assert len(store.answers("alice")) == 1


# --- the server going away ---


def test_a_connection_dropped_between_answers_is_opened_again(
    pg_url: str, pg_server: PgServer
) -> None:
    with open_store(pg_url) as store:
        store.record_answer(answer(0))
        pg_server.admin(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE application_name = 'carbon-glossary' AND pid <> pg_backend_pid()"
        )
        store.record_answer(answer(1))  # no error: nothing had been sent on the dead one
        assert [r.given for r in store.answers("alice")] == ["alice:1", "alice:0"]


def test_a_server_that_goes_away_is_unavailable_and_the_same_answer_can_be_retried(
    pg_url: str, pg_server: PgServer
) -> None:
    with open_store(pg_url) as store:
        store.record_answer(answer(0))
        pg_server.stop()
        try:
            with pytest.raises(StoreUnavailable) as caught:
                store.record_answer(answer(1))
            assert "连接中断" in caught.value.message and OWNER_PASSWORD not in caught.value.message
        finally:
            pg_server.start()
        store.record_answer(answer(1))  # what the caller kept, written once the server is back
        assert [r.given for r in store.answers("alice")] == ["alice:1", "alice:0"]


def test_an_answer_given_while_the_server_is_down_is_saved_when_it_is_back(
    pg_url: str, pg_server: PgServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a learner sees: told once the answer is kept; it is in the server afterwards."""
    monkeypatch.setattr(writer_module, "RETRY_DELAYS_S", (0.2,))
    progress = Progress(pg_url, "alice")
    reported: list[str] = []
    writer = AnswerWriter(progress, on_failed=reported.append)
    writer.submit(lambda store: store.record_answer(answer(0))).result(timeout=30)
    pg_server.stop()
    try:
        pending = writer.submit(lambda store: store.record_answer(answer(1)))
        time.sleep(1.0)
        assert not pending.done() and len(reported) == 1 and "答案已保留" in reported[0]
        # one plain sentence: no address (a toast breaks it mid-word), no driver's English
        assert reported[0].startswith("与进度库服务器的连接中断。")
        assert re.search("[A-Za-z]", reported[0]) is None
    finally:
        pg_server.start()
    pending.result(timeout=30)
    writer.close()
    progress.close()
    with open_store(pg_url) as store:
        assert [r.given for r in store.answers("alice")] == ["alice:1", "alice:0"]


@pytest.mark.parametrize(
    "bad",
    [
        "postgresql://alice:s3cret-pw@[::1/carbon",  # cannot be read
        "postgresql://alice:s3cret-pw@127.0.0.1:1/carbon",  # nothing listens there
        "postgresql://alice:s3cret-pw@127.0.0.1/carbon?nonsense=1",  # unknown option
    ],
)
def test_a_bad_address_on_the_command_line_is_a_message_and_exit_2(
    bad: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CARBON_GLOSSARY_DB", bad)  # as an office sets it on every machine
    code = main(["stats"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert "Traceback" not in err and "s3cret-pw" not in err
    assert "进度库" in err


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql://u@db.example/carbon", "postgresql://u@db.example/carbon"),
        (" postgres://u@db/carbon ", "postgres://u@db/carbon"),
    ],
)
def test_a_server_address_is_kept_as_written(
    given: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from carbon_glossary.store import db_location_from

    assert db_location_from(given) == expected
    monkeypatch.setenv("CARBON_GLOSSARY_DB", given)
    assert db_location_from(None) == expected


def test_a_sqlite_url_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "进度.sqlite3"
    with open_store(f"sqlite:///{target}") as store:
        store.record_answer(answer())
    assert target.exists()
    with open_store(target) as store:
        assert len(store.answers("alice")) == 1


def test_a_password_never_shows_in_a_reason_in_either_form() -> None:
    from carbon_glossary.store.postgres import _reason

    url = "postgresql://u:p%40ss%20word@h/d"
    said = 'connection to "h" failed for u with p@ss word and p%40ss%20word'
    assert "p@ss word" not in _reason(Exception(said), url)
    assert "p%40ss%20word" not in _reason(Exception(said), url)
