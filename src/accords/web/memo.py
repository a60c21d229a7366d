"""Answers about the whole register, kept until the register changes.

The overview's counts, the partners' standing and the heat map each read every document, which
takes a quarter of a second or more in a register of 20,000; they change only when a document is
stored or a status recorded. The register's version is the highest document row and the highest
status change id (the web app and the command line only ever add rows), read in two index
look-ups, so a document ingested from the command line shows at the next request. A search's counts
by facet are kept the same way, so its later pages do not count every match again.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from fastapi import Request

from accords.store.query import overview

T = TypeVar("T")


MAX_ANSWERS = 1000
"""Answers kept at most (searches are many): past it, the oldest is dropped."""


class Memo:
    """Computed answers keyed by name and arguments, dropped together when the register changes."""

    def __init__(self) -> None:
        self._version: tuple[int, int] | None = None
        self._answers: dict[Hashable, Any] = {}
        self._lock = threading.Lock()

    def get(self, conn: sqlite3.Connection, key: Hashable, compute: Callable[[], T]) -> T:
        """The answer for `key`, computed with `compute` unless the register is unchanged since."""
        version = overview.version(conn)
        with self._lock:
            if version != self._version:
                self._answers.clear()
                self._version = version
            if key in self._answers:
                found: T = self._answers[key]
                return found
        answer = compute()
        with self._lock:
            if self._version == version:
                self._answers[key] = answer
                if len(self._answers) > MAX_ANSWERS:
                    del self._answers[next(iter(self._answers))]
        return answer


def cached(request: Request, conn: sqlite3.Connection, key: Hashable, compute: Callable[[], T]) -> T:
    """An answer from the app's memo (see `Memo.get`)."""
    memo: Memo = request.app.state.memo
    return memo.get(conn, key, compute)
