"""How fast the progress store is: one answer (synchronous FULL vs NORMAL), and opening,
statistics and the mistake book for one person with 1k, 10k and 100k answers.

Run: python bench/bench_store.py   (prints a table; writes only to a temporary folder)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from carbon_glossary.store import AnswerRecord
from carbon_glossary.store.sqlite import SqliteStore

START = datetime(2025, 1, 1, 8, 0, tzinfo=UTC)
TERMS = 500


def record(index: int, profile: str = "alice") -> AnswerRecord:
    term = index % TERMS
    return AnswerRecord(
        profile=profile,
        term_id=f"term-{term}",
        term_text=f"术语{term}",
        category=f"类别{term % 8}",
        kind="term-def",
        mode="study" if index % 3 else "practice",
        given="碳中和",
        expected="碳达峰",
        correct=index % 4 != 0,
        elapsed_ms=3000 + index % 5000,
        answered_at=START + timedelta(minutes=7 * index),
    )


def timed(action: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of ``action`` in milliseconds."""
    samples = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples)


def answer_latency(folder: Path, synchronous: str, count: int = 300) -> tuple[float, float]:
    with SqliteStore.open(folder / f"latency-{synchronous}.sqlite3") as store:
        store._conn.execute(f"PRAGMA synchronous = {synchronous}")
        samples = []
        for index in range(count):
            began = time.perf_counter()
            store.record_answer(record(index))
            samples.append((time.perf_counter() - began) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95)]


def filled(folder: Path, size: int) -> Path:
    """A file with ``size`` answers, written through the store in one go (fast, not per
    answer: this measures reading, not writing)."""
    path = folder / f"filled-{size}.sqlite3"
    with SqliteStore.open(path) as store:
        conn = store._conn
        conn.execute("BEGIN")
        for index in range(size):
            r = record(index)
            conn.execute(
                "INSERT INTO answers (profile, term_id, term_text, category, kind, mode, given,"
                " expected, correct, elapsed_ms, answered_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    r.profile,
                    r.term_id,
                    r.term_text,
                    r.category,
                    r.kind,
                    r.mode,
                    r.given,
                    r.expected,
                    int(r.correct),
                    r.elapsed_ms,
                    r.answered_at.isoformat(timespec="microseconds"),
                ),
            )
        conn.execute("COMMIT")
    return path


def main() -> int:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        print("one answer (record_answer, study mode), 300 answers, ms")
        print(f"{'synchronous':<12} {'median':>8} {'p95':>8}")
        for mode in ("FULL", "NORMAL"):
            median, p95 = answer_latency(folder, mode)
            print(f"{mode:<12} {median:8.3f} {p95:8.3f}")
        print()
        print("one person's history, ms (median of 5)")
        print(f"{'answers':>8} {'file MB':>8} {'open':>8} {'stats':>8} {'mistakes':>9}")
        for size in (1_000, 10_000, 100_000):
            path = filled(folder, size)
            megabytes = path.stat().st_size / 1e6
            now = START + timedelta(minutes=7 * size)
            with SqliteStore.open(path) as store:
                stats_ms = timed(lambda store=store, now=now: store.stats("alice", now))
                mistakes_ms = timed(lambda store=store: store.mistakes("alice"))
            open_ms = timed(lambda path=path: SqliteStore.open(path).close())
            print(f"{size:>8} {megabytes:8.1f} {open_ms:8.1f} {stats_ms:8.1f} {mistakes_ms:9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
