"""One writer per sitting: writes land in the order given, and a later answer to the same
question is never overwritten by an earlier one that was still waiting."""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

import pytest

from carbon_glossary.core.scheduling import CardState
from carbon_glossary.session import writer as writer_module
from carbon_glossary.session.progress import Progress
from carbon_glossary.session.writer import SKIPPED, AnswerWriter
from carbon_glossary.store import (
    AnswerRecord,
    ProgressStore,
    StoreError,
    StoreUnavailable,
    open_store,
)
from quiz_fixtures import PROFILE, FakeClock, answer_about, quiz_glossary


class SlowStore:
    """Stands in for a store whose writes take a random while: records the order."""

    notices: tuple[str, ...] = ()

    def __init__(self) -> None:
        self.written: list[int] = []
        self.threads: set[str] = set()
        self.rng = random.Random(3)

    def write(self, value: int) -> int:
        time.sleep(self.rng.random() / 500)
        self.threads.add(threading.current_thread().name)
        self.written.append(value)
        return value


def progress_over(store: object, tmp_path: Path) -> Progress:
    return Progress(tmp_path / "unused.db", "x", store=store)  # type: ignore[arg-type]


def test_writes_happen_one_at_a_time_in_the_order_given(tmp_path: Path) -> None:
    store = SlowStore()
    writer = AnswerWriter(progress_over(store, tmp_path))
    futures = [writer.submit(lambda s, n=n: s.write(n)) for n in range(50)]
    writer.flush(timeout=10)
    assert store.written == list(range(50))
    assert [f.result() for f in futures] == list(range(50))
    assert len(store.threads) == 1  # never two threads racing
    writer.close()


def test_a_later_answer_to_the_same_question_wins(tmp_path: Path) -> None:
    store = SlowStore()
    writer = AnswerWriter(progress_over(store, tmp_path))
    gate = threading.Event()
    writer.submit(lambda s: gate.wait(5))  # hold the writer while answers pile up
    first = writer.submit(lambda s: s.write(1), key="q1")
    other = writer.submit(lambda s: s.write(7), key="q2")
    last = writer.submit(lambda s: s.write(2), key="q1")
    gate.set()
    writer.flush(timeout=10)
    assert first.result() is SKIPPED
    assert (other.result(), last.result()) == (7, 2)
    assert store.written == [7, 2]
    writer.close()


def test_a_store_error_is_reported_and_kept_in_the_future(tmp_path: Path) -> None:
    class Broken:
        notices: tuple[str, ...] = ()

        def write(self) -> None:
            raise StoreError("store.write_failed", path=tmp_path, reason="disk full")

    reported: list[str] = []
    writer = AnswerWriter(progress_over(Broken(), tmp_path), on_failed=reported.append)
    future = writer.submit(lambda s: s.write())
    with pytest.raises(StoreError):
        future.result(timeout=10)
    assert len(reported) == 1 and "disk full" in reported[0]
    writer.close()


class Unreachable:
    """A store whose server answers only from the ``recover``-th try on."""

    notices: tuple[str, ...] = ()

    def __init__(self, recover: int) -> None:
        self.recover = recover
        self.tries = 0
        self.written: list[int] = []

    def write(self, value: int) -> int:
        self.tries += 1
        if self.tries < self.recover:
            raise StoreUnavailable(
                "store.pg.unavailable", location="postgresql://db/x", reason="server closed"
            )
        self.written.append(value)
        return value


def test_an_unreachable_server_keeps_the_answer_tells_once_and_retries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer_module, "RETRY_DELAYS_S", (0.01,))
    store = Unreachable(recover=4)
    reported: list[str] = []
    writer = AnswerWriter(progress_over(store, tmp_path), on_failed=reported.append)
    first = writer.submit(lambda s: s.write(1))
    second = writer.submit(lambda s: s.write(2))
    assert (first.result(timeout=10), second.result(timeout=10)) == (1, 2)
    assert store.written == [1, 2] and store.tries == 5
    assert len(reported) == 1 and "答案已保留" in reported[0] and "连接中断" in reported[0]
    assert "server closed" not in reported[0] and "postgresql://" not in reported[0]
    writer.close()


def test_closing_during_an_outage_reports_what_was_not_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer_module, "RETRY_DELAYS_S", (0.01,))
    monkeypatch.setattr(writer_module, "CLOSE_GRACE_S", 0.2)
    store = Unreachable(recover=10**9)
    reported: list[str] = []
    writer = AnswerWriter(progress_over(store, tmp_path), on_failed=reported.append)
    future = writer.submit(lambda s: s.write(1))
    writer.close()  # returns once the grace has passed: never hangs on a dead server
    with pytest.raises(StoreUnavailable):
        future.result(timeout=10)
    assert store.written == []
    assert "未能保存" in reported[-1]


class AcknowledgementLost:
    """A real store whose first write commits and then fails as if the connection broke
    before the server's "committed" came back (PostgreSQL's server going away mid-commit)."""

    def __init__(self, store: ProgressStore) -> None:
        self.store = store
        self.notices = store.notices
        self.tries = 0

    def record_answer(self, record: AnswerRecord, card: CardState | None = None) -> bool:
        self.tries += 1
        written = self.store.record_answer(record, card)
        if self.tries == 1:
            raise StoreUnavailable("store.pg.unavailable", location="db", reason="EOF")
        return written


def test_an_answer_whose_commit_was_not_acknowledged_is_retried_and_stored_once(
    where: str | Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer_module, "RETRY_DELAYS_S", (0.01,))
    with open_store(where) as real:
        lossy = AcknowledgementLost(real)
        writer = AnswerWriter(Progress(where, PROFILE, store=lossy))  # type: ignore[arg-type]
        term = quiz_glossary().terms[0]
        given = answer_about(term, mode="practice", correct=True, at=FakeClock().now())
        written = writer.submit(lambda store: store.record_answer(given)).result(timeout=30)
        writer.close()
        assert lossy.tries == 2 and written is False
        assert real.answers(PROFILE) == [given]
