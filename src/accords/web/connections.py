"""One register connection per server thread.

FastAPI runs plain endpoint functions in a pool of threads. An SQLite connection belongs to the
thread that opened it and carries its transaction state, so each thread opens its own the first
time it needs one and keeps it for its life; when the thread ends, its connection is closed with
it. In WAL mode readers never wait for the writer, and writers wait for each other up to the
store's busy timeout.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from fastapi import Request

from accords.store import connect


class Connections:
    """Connections to one register file, opened lazily, one per thread."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._local = threading.local()

    def get(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path)
            self._local.conn = conn
        return conn


def connection(request: Request) -> sqlite3.Connection:
    """The register connection of the thread that runs this request's endpoint.

    Called inside the endpoint, never as a FastAPI dependency: dependencies may run in another
    thread of the pool than the endpoint, and a connection must stay in the thread that opened it.
    """
    connections: Connections = request.app.state.connections
    return connections.get()
