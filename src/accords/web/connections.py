"""One register connection per server thread.

FastAPI runs plain endpoint functions in a pool of threads. An SQLite connection carries its
transaction state, so two threads sharing one could commit each other's half-done work; each
thread therefore opens its own connection the first time it needs one. In WAL mode readers never
wait for the writer, and writers wait for each other up to the store's busy timeout.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from fastapi import Request

from accords.store import connect


class Connections:
    """Lazily opened connections to one register file, one per thread, all closed together."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[sqlite3.Connection] = []

    def get(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path)
            self._local.conn = conn
            with self._lock:
                self._opened.append(conn)
        return conn

    def close(self) -> None:
        """Close every connection opened so far (at server shutdown)."""
        with self._lock:
            for conn in self._opened:
                conn.close()
            self._opened.clear()
        self._local = threading.local()


def connection(request: Request) -> sqlite3.Connection:
    """The register connection of the thread that runs this request's endpoint.

    Called inside the endpoint, never as a FastAPI dependency: dependencies may run in another
    thread of the pool than the endpoint, and a connection must stay with one thread at a time.
    """
    connections: Connections = request.app.state.connections
    return connections.get()
