"""The texts ingest's workers are reading right now, shared between them.

A folder often holds the same text more than once: a page saved under two names, an article a
crawl reached by two addresses. A text already in the register is not extracted again (the
worker asks the register once the text is cleaned), but copies that come close together are
read at the same time, before the first is stored, and each would be extracted. So a worker
takes the text's id here before extracting it, and one that finds the id taken leaves the text
to the worker that has it. The writer gives the id back once the text is stored; a worker whose
extraction fails gives it back itself.

The ids are kept in shared memory, in as many slots as texts can be in flight at once, so the
table never grows with the run. A full table takes nothing and says yes: that text is extracted
as it would have been without the table.
"""

from __future__ import annotations

import ctypes
from multiprocessing.context import BaseContext

#: A document id (`pipeline.record_id`): 16 hexadecimal digits, ASCII, never a NUL byte.
ID_BYTES = 16
_EMPTY = bytes(ID_BYTES)

#: How long to wait for the lock, in seconds. It is held for microseconds; a process killed while
#: holding it (the OOM killer) would leave it held for ever, and then every reader goes on without
#: the table rather than wait.
LOCK_WAIT = 5.0


class InFlight:
    """Slots of document ids shared by the processes forked from (or started by) its maker, in
    the `context` they start in (a lock made for forked processes cannot go to spawned ones)."""

    def __init__(self, slots: int, context: BaseContext) -> None:
        self._ids = context.RawArray(ctypes.c_char, slots * ID_BYTES)
        self._lock = context.Lock()

    def take(self, document_id: str) -> bool:
        """Take the id for this process; False when another holds it (it is reading the text)."""
        key = _key(document_id)
        if key is None or not self._lock.acquire(timeout=LOCK_WAIT):
            return True
        try:
            held = self._ids.raw
            free = None
            for start in range(0, len(held), ID_BYTES):
                slot = held[start : start + ID_BYTES]
                if slot == key:
                    return False
                if free is None and slot == _EMPTY:
                    free = start
            if free is not None:
                self._put(free, key)
            return True
        finally:
            self._lock.release()

    def give_back(self, document_id: str) -> None:
        """Free the id (nothing happens to an id that is not held)."""
        key = _key(document_id)
        if key is None or not self._lock.acquire(timeout=LOCK_WAIT):
            return
        try:
            held = self._ids.raw
            for start in range(0, len(held), ID_BYTES):
                if held[start : start + ID_BYTES] == key:
                    self._put(start, _EMPTY)
                    return
        finally:
            self._lock.release()

    def _put(self, start: int, key: bytes) -> None:
        """Write one slot (the lock held): the table is a few hundred bytes, written whole."""
        held = self._ids.raw
        self._ids.raw = held[:start] + key + held[start + ID_BYTES :]


def _key(document_id: str) -> bytes | None:
    """The id as a slot holds it; None for one that no slot can (not a record id)."""
    key = document_id.encode("ascii", "replace")
    return key if len(key) == ID_BYTES and b"\0" not in key else None


#: This worker's table, set as it starts (`use`); None in a process that reads alone.
_table: InFlight | None = None


def use(table: InFlight | None) -> None:
    """Share `table` with the reading this process does from now on (a worker's start)."""
    global _table
    _table = table


def take(document_id: str) -> bool:
    """`InFlight.take` on this process's table; always True without one."""
    return _table is None or _table.take(document_id)


def give_back(document_id: str) -> None:
    """`InFlight.give_back` on this process's table."""
    if _table is not None:
        _table.give_back(document_id)
