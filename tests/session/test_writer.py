"""One writer per sitting: writes land in the order given, and a later answer to the same
question is never overwritten by an earlier one that was still waiting."""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

import pytest

from carbon_glossary.session.progress import Progress
from carbon_glossary.session.writer import SKIPPED, AnswerWriter
from carbon_glossary.store import StoreError


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
