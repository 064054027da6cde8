"""One sitting's writes to the progress store, one at a time, in the order they were given.

Every store call blocks (a synced commit), so a front end must not make it on its event
loop; but several threads writing at once could finish out of order, and an earlier answer
to an exam question would then replace a later one. A :class:`AnswerWriter` has a single
thread: what is submitted first is written first. Writes with the same ``key`` (an exam
question, answered again while its earlier answer was still waiting) are coalesced: only
the latest is written, never an older one after it.

A server that cannot be reached (:class:`~carbon_glossary.store.StoreUnavailable`: the
PostgreSQL store's server restarted or the network dropped) does not lose the answer: the
person is told once that it is kept, and the same write is tried again, after 1, 2, 5, 10 and
then every 30 seconds, until it is written. Closing the writer gives a write still waiting
for the server :data:`CLOSE_GRACE_S` more; only then is it reported as not saved.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from carbon_glossary.i18n import t
from carbon_glossary.session.progress import Progress
from carbon_glossary.store import ProgressStore, StoreError, StoreUnavailable

__all__ = ["CLOSE_GRACE_S", "RETRY_DELAYS_S", "AnswerWriter", "Skipped"]

T = TypeVar("T")

RETRY_DELAYS_S = (1.0, 2.0, 5.0, 10.0, 30.0)
"""Waits between tries while the server cannot be reached; the last one repeats."""
CLOSE_GRACE_S = 15.0
"""How long closing waits for an unreachable server before reporting the write lost."""


class Skipped:
    """The result of a write that a later one with the same key made pointless."""

    def __repr__(self) -> str:
        return "Skipped"


SKIPPED = Skipped()


class AnswerWriter:
    """A single writer thread over a :class:`~carbon_glossary.session.progress.Progress`.

    ``on_failed`` is called (on the writer thread) with the message of a
    :class:`~carbon_glossary.store.StoreError`; the failed future holds the error as well.
    """

    def __init__(self, progress: Progress, on_failed: Callable[[str], None] | None = None) -> None:
        self.progress = progress
        self.on_failed = on_failed
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="answer-writer")
        self._latest: dict[object, object] = {}
        self._lock = threading.Lock()
        self._closing = threading.Event()

    def submit(
        self, write: Callable[[ProgressStore], T], *, key: object = None
    ) -> Future[T | Skipped]:
        """Run ``write(store)`` after everything submitted before it.

        With a ``key``, a write still waiting when another with the same key is submitted
        is skipped (its future gives :data:`SKIPPED`): the later one says what stands.
        """
        token = object()
        if key is not None:
            with self._lock:
                self._latest[key] = token
        return self._executor.submit(self._run, write, key, token)

    def _run(self, write: Callable[[ProgressStore], T], key: object, token: object) -> T | Skipped:
        if key is not None:
            with self._lock:
                if self._latest.get(key) is not token:
                    return SKIPPED
        tries = 0
        gave_up_at: float | None = None
        while True:
            try:
                return write(self.progress.store())
            except StoreUnavailable:
                # The learner is told in one plain sentence: the driver's words and the
                # server's address (a toast breaks it mid-word) stay on the error itself.
                now = time.monotonic()
                if self._closing.is_set():
                    gave_up_at = gave_up_at or now + CLOSE_GRACE_S
                    if now >= gave_up_at:
                        self._report(t("store.lost.gave_up"))
                        raise
                elif tries == 0:
                    self._report(t("store.lost.retrying"))
                delay = RETRY_DELAYS_S[min(tries, len(RETRY_DELAYS_S) - 1)]
                tries += 1
                if self._closing.wait(delay):  # closing: try again soon, then give up
                    time.sleep(min(delay, 1.0))
            except StoreError as error:
                self._report(error.message)
                raise

    def _report(self, message: str) -> None:
        if self.on_failed is not None:
            self.on_failed(message)

    def barrier(self) -> Future[None]:
        """A future that is done once everything submitted so far has been written."""
        return self._executor.submit(lambda: None)

    def flush(self, timeout: float | None = None) -> None:
        """Block until everything submitted so far has been written (or failed)."""
        self.barrier().result(timeout)

    def close(self, *, wait: bool = True) -> None:
        """Stop taking writes; what is waiting is still written (``wait``: block until it
        is; a write waiting for an unreachable server gets :data:`CLOSE_GRACE_S`). The
        store stays open."""
        self._closing.set()
        self._executor.shutdown(wait=wait)
