"""The progress store, SQLite and PostgreSQL side by side: one answer written, one person's
statistics over 1k–100k answers, and four programs answering at once.

Run: python bench/bench_store.py [--pg URL] [--answers 300] [--sizes 1000,10000,100000]

Without ``--pg`` a throwaway PostgreSQL 15 server is started for the run (as the tests do,
``tests/pg.py``), on this machine, over TCP on 127.0.0.1, with its default durability
(``fsync`` and ``synchronous_commit`` on). The SQLite file is in a temporary folder on the
local disk (WAL, ``synchronous=FULL``). Every figure is a median of repeated runs; the last
column is the ratio PostgreSQL ÷ SQLite measured in the same run.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from carbon_glossary.core.scheduling import review
from carbon_glossary.store import AnswerRecord, ProgressStore, open_store

START = datetime(2025, 1, 1, 8, 0, tzinfo=UTC)
TERMS = 500
ROOT = Path(__file__).resolve().parent.parent


def record(index: int, profile: str = "alice", mode: str = "practice") -> AnswerRecord:
    term = index % TERMS
    return AnswerRecord(
        profile=profile,
        term_id=f"term-{term}",
        term_text=f"术语{term}",
        category=f"类别{term % 8}",
        kind="term-def",
        mode=mode,  # type: ignore[arg-type]
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


def answer_latency(store: ProgressStore, count: int, study: bool) -> tuple[float, float]:
    """Median and 95th percentile of one answer written, ms. A study answer includes what a
    round does for it: read the card, review it (FSRS), save answer and card together."""
    samples = []
    for index in range(count):
        given = record(index, mode="study" if study else "practice")
        began = time.perf_counter()
        if study:
            card = review(
                store.card(given.profile, given.term_id),
                given.correct,
                timedelta(milliseconds=given.elapsed_ms),
                given.answered_at,
            )
            store.record_answer(given, card)
        else:
            store.record_answer(given)
        samples.append((time.perf_counter() - began) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95)]


ROWS = (
    "profile, term_id, term_text, category, kind, mode, given, expected, correct,"
    " elapsed_ms, answer_id, answered_at"
)


def fill(location: str | Path, size: int) -> None:
    """``size`` answers of one person, written in one transaction (this measures reading)."""
    open_store(location).close()  # create and migrate
    rows = [record(index) for index in range(size)]
    if isinstance(location, Path):
        import sqlite3

        with sqlite3.connect(location) as conn:
            conn.executemany(
                f"INSERT INTO answers ({ROWS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (*_values(r)[:-1], r.answered_at.isoformat(timespec="microseconds"))
                    for r in rows
                ],
            )
        return
    import psycopg

    with psycopg.connect(location) as conn, conn.cursor() as cursor:
        with cursor.copy(f"COPY answers ({ROWS}) FROM STDIN") as copy:
            for r in rows:
                copy.write_row(_values(r))
        cursor.execute("ANALYZE answers")


def _values(r: AnswerRecord) -> tuple[object, ...]:
    return (
        r.profile,
        r.term_id,
        r.term_text,
        r.category,
        r.kind,
        r.mode,
        r.given,
        r.expected,
        r.correct,
        r.elapsed_ms,
        r.answer_id,
        r.answered_at,
    )


WRITER = textwrap.dedent(
    """
    import sys, time
    from datetime import UTC, datetime, timedelta
    from carbon_glossary.store import AnswerRecord, open_store

    location, profile, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    start = datetime(2025, 3, 10, tzinfo=UTC)
    with open_store(location) as store:
        print("ready", flush=True)
        sys.stdin.readline()
        for index in range(count):
            store.record_answer(AnswerRecord(
                profile=profile, term_id=f"t{index % 50}", term_text="碳达峰", category="",
                kind="term-def", mode="practice", given=str(index), correct=True,
                elapsed_ms=1, answered_at=start + timedelta(seconds=index)))
    """
)


def concurrent_writers(location: str | Path, writers: int, count: int) -> tuple[float, int]:
    """Wall time (s) for ``writers`` programs to write ``count`` answers each at once, and
    how many rows the store holds afterwards (must be writers × count)."""
    open_store(location).close()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(location), f"p{n}", str(count)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(writers)
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    began = time.perf_counter()
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        proc.wait()
    elapsed = time.perf_counter() - began
    with open_store(location) as store:
        rows = sum(len(store.answers(f"p{n}")) for n in range(writers))
    return elapsed, rows


@contextmanager
def postgres(url: str | None) -> Iterator[Callable[[str], str]]:
    """A function that makes a fresh database and returns its URL."""
    if url is not None:
        import psycopg

        def fresh_on_given(name: str) -> str:
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}"'.encode())
                conn.execute(f'CREATE DATABASE "{name}"'.encode())
            return url.rsplit("/", 1)[0] + "/" + name

        yield fresh_on_given
        return
    sys.path.insert(0, str(ROOT / "tests"))  # the tests' throwaway server
    from pg import throwaway_server

    with throwaway_server() as server:

        def fresh(name: str) -> str:
            server.admin(f'CREATE DATABASE "{name}"')
            return server.url(name)

        yield fresh


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pg", help="an existing server's URL (superuser; databases are made)")
    parser.add_argument("--answers", type=int, default=300)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--each", type=int, default=200)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as name, postgres(args.pg) as fresh:
        folder = Path(name)
        print(f"one answer written, {args.answers} answers, ms: median / p95")
        print(f"{'':<22} {'SQLite':>15} {'PostgreSQL':>15} {'ratio':>7}")
        for study in (False, True):
            label = "study (+card, FSRS)" if study else "practice"
            sqlite_store = open_store(folder / f"latency-{study}.sqlite3")
            pg_store = open_store(fresh(f"latency_{int(study)}"))
            with sqlite_store, pg_store:
                s_med, s_p95 = answer_latency(sqlite_store, args.answers, study)
                p_med, p_p95 = answer_latency(pg_store, args.answers, study)
            print(
                f"{label:<22} {s_med:7.2f} /{s_p95:6.2f} {p_med:7.2f} /{p_p95:6.2f}"
                f" {p_med / s_med:7.2f}"
            )
        print()
        print("one person's history, ms (median of 5): stats / mistake book")
        print(f"{'answers':>8} {'SQLite':>17} {'PostgreSQL':>17} {'ratio':>7}")
        for size in sizes:
            locations: list[str | Path] = [folder / f"filled-{size}.sqlite3", fresh(f"f{size}")]
            figures = []
            for location in locations:
                fill(location, size)
                now = START + timedelta(minutes=7 * size)
                with open_store(location) as store:
                    figures.append(
                        (
                            timed(lambda store=store, now=now: store.stats("alice", now)),
                            timed(lambda store=store: store.mistakes("alice")),
                        )
                    )
            (s_stats, s_mistakes), (p_stats, p_mistakes) = figures
            print(
                f"{size:>8} {s_stats:8.1f} /{s_mistakes:7.1f} {p_stats:8.1f} /{p_mistakes:7.1f}"
                f" {p_stats / s_stats:7.2f}"
            )
        print()
        total = args.writers * args.each
        print(f"{args.writers} programs answering at once, {args.each} answers each")
        print(f"{'':<12} {'seconds':>8} {'answers/s':>10} {'rows kept':>10}")
        for label, location in (
            ("SQLite", folder / "shared.sqlite3"),
            ("PostgreSQL", fresh("shared")),
        ):
            elapsed, rows = concurrent_writers(location, args.writers, args.each)
            print(f"{label:<12} {elapsed:8.2f} {total / elapsed:10.0f} {rows:>5}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
