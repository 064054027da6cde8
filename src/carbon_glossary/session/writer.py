"""One sitting's writes to the progress store, one at a time, in the order they were given.

Every store call blocks (a synced commit), so a front end must not make it on its event
loop; but several threads writing at once could finish out of order, and an earlier answer
to an exam question would then replace a later one. A :class:`AnswerWriter` has a single
thread: what is submitted first is written first. Writes with the same ``key`` (an exam
question, answered again while its earlier answer was still waiting) are coalesced: only
the latest is written, never an older one after it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from carbon_glossary.session.progress import Progress
from carbon_glossary.store import ProgressStore, StoreError

__all__ = ["AnswerWriter", "Skipped"]

T = TypeVar("T")


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
        try:
            return write(self.progress.store())
        except StoreError as error:
            if self.on_failed is not None:
                self.on_failed(error.message)
            raise

    def barrier(self) -> Future[None]:
        """A future that is done once everything submitted so far has been written."""
        return self._executor.submit(lambda: None)

    def flush(self, timeout: float | None = None) -> None:
        """Block until everything submitted so far has been written (or failed)."""
        self.barrier().result(timeout)

    def close(self, *, wait: bool = True) -> None:
        """Stop taking writes; what is waiting is still written (``wait``: block until it
        is). The store stays open."""
        self._executor.shutdown(wait=wait)
