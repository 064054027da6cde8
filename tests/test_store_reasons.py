"""Why SQLite failed, said in the interface language (QA findings 2, item 30, first bullet):
``进度文件 …/corrupt.db 已损坏（database disk image is malformed）`` put SQLite's English
inside a Chinese sentence. Every error here is a real one from SQLite."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from carbon_glossary import i18n
from carbon_glossary.i18n import t
from carbon_glossary.store import AnswerRecord, StoreError, open_store
from carbon_glossary.store import sqlite as progress
from carbon_glossary.store.sqlite import SqliteReason

LATIN = re.compile(r"[A-Za-z]")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "progress.sqlite3"


def an_answer() -> AnswerRecord:
    return AnswerRecord(
        profile="alice",
        term_id="tan-da-feng",
        term_text="碳达峰",
        category="核心概念",
        kind="term-def",
        mode="practice",
        given="B",
        expected="B",
        correct=True,
        elapsed_ms=4000,
        answered_at=datetime(2026, 11, 30, 9, tzinfo=UTC),
    )


def sqlite_error(*statements: str, path: Path | str = ":memory:") -> sqlite3.Error:
    """What SQLite raises at the last of ``statements``."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements[:-1]:
            conn.execute(statement)
        with pytest.raises(sqlite3.Error) as caught:
            conn.execute(statements[-1])
        return caught.value
    finally:
        conn.close()


def read_only() -> sqlite3.Error:
    return sqlite_error("PRAGMA query_only = ON", "CREATE TABLE t (x)")


def disk_full(tmp_path: Path) -> sqlite3.Error:
    # A database may not grow past max_page_count: SQLite says so as it says a full disk.
    return sqlite_error(
        "CREATE TABLE t (x)",
        "PRAGMA max_page_count = 2",
        "INSERT INTO t VALUES (zeroblob(100000))",
        path=tmp_path / "small.sqlite3",
    )


def locked(tmp_path: Path) -> sqlite3.Error:
    path = tmp_path / "shared.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")  # another program in the middle of a write
    try:
        return sqlite_error("PRAGMA busy_timeout = 10", "INSERT INTO t VALUES (1)", path=path)
    finally:
        holder.close()


@pytest.mark.parametrize(
    ("make", "key"),
    [
        (lambda tmp: read_only(), "store.sqlite.read_only"),
        (disk_full, "store.sqlite.full"),
        (locked, "store.sqlite.locked"),
    ],
    ids=["read-only", "disk-full", "locked"],
)
def test_common_failures_are_said_in_the_interface_language_then_in_sqlites_words(
    tmp_path: Path, make: Callable[[Path], sqlite3.Error], key: str
) -> None:
    error = make(tmp_path)
    reason = SqliteReason.of(error)
    said = str(reason)
    explained, detail = said.split("；SQLite：")
    assert explained == t(key) and not LATIN.search(explained)
    assert detail == str(error)  # SQLite's English only after ours, for a bug report
    i18n.set_language("en")
    assert str(reason) == f"{t(key)}; SQLite: {error}"


def test_an_uncommon_failure_keeps_sqlites_words() -> None:
    error = sqlite_error("SELEC 1")  # SQLITE_ERROR: nothing of ours to add
    assert str(SqliteReason.of(error)) == str(error)


def test_a_malformed_file_is_said_in_chinese(db: Path) -> None:
    """The QA case: a progress file of ours, cut short, opened by a command that only reads."""
    with open_store(db) as store:
        for _ in range(300):
            store.record_answer(an_answer())
    whole = db.read_bytes()
    db.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(StoreError) as caught:
        open_store(db, read_only=True)
    message = caught.value.message
    inside = re.search(r"已损坏（(.*?)；SQLite：(.*?)）。", message)
    assert inside is not None, message
    assert inside.group(1) == t("store.sqlite.corrupt")
    assert inside.group(2) == "database disk image is malformed"
    i18n.set_language("en")  # the message is put into words when shown
    reason = f"{t('store.sqlite.corrupt')}; SQLite: database disk image is malformed"
    assert f"is damaged ({reason})." in caught.value.message


def test_a_file_with_an_impossible_page_size_is_not_a_database(db: Path) -> None:
    open_store(db).close()
    head = bytearray(db.read_bytes())
    head[16:18] = (3).to_bytes(2, "big")  # page sizes are powers of two from 512
    db.write_bytes(bytes(head))
    with pytest.raises(StoreError) as caught:
        open_store(db, read_only=True)
    assert f"已损坏（{t('store.sqlite.not_a_database')}；SQLite：" in caught.value.message


def test_a_write_that_waited_too_long_says_another_program_holds_the_file(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress, "BUSY_TIMEOUT_MS", 50)
    with open_store(db) as store:
        other = sqlite3.connect(db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreError) as caught:
                store.record_answer(an_answer())
        finally:
            other.close()
    assert caught.value.message.startswith(
        t("store.write_failed", path=db, reason=t("store.sqlite.locked"))
    )
