"""Servers for the web tests: uvicorn in a background thread over a register of the seed documents.

The register is made by reading ../shared/seeds (where they are, never copied) through the
pipeline and storing each record with the text it was read as, as `accords ingest` does. Named
apart from conftest.py so that test modules can import it without shadowing tests/conftest.py.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import uvicorn

from accords.pipeline import process_raw
from accords.read import read_source
from accords.store import connect, store_record
from accords.web.app import create_app

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"
SCREENSHOTS = REPO / "tests" / "screenshots"
TOKEN = "test-token-7f3a-9c1d"


@dataclass
class Server:
    """A running server: its base URL and register file."""

    url: str
    db: Path
    thread: threading.Thread
    server: uvicorn.Server

    def client(self, **kwargs: object) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=60, **kwargs)  # type: ignore[arg-type]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def ingest_seeds(db: Path) -> list[str]:
    """Store every seed document; returns their ids."""
    conn = connect(db, create=True)
    ids = []
    try:
        for path in sorted(SEEDS.glob("*.txt")):
            raw = read_source(str(path))
            record = process_raw(raw)
            store_record(conn, record, raw.text)
            ids.append(record.id)
    finally:
        conn.close()
    return ids


def start(db: Path, token: str | None = None, max_upload: int = 2_000_000, home: str | None = None) -> Server:
    """uvicorn serving the app over `db` on a free loopback port, started and answering."""
    port = free_port()
    config = uvicorn.Config(
        create_app(db, token, max_upload=max_upload, home=home), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    return Server(f"http://127.0.0.1:{port}", db, thread, server)


def stop(server: Server) -> None:
    server.server.should_exit = True
    server.thread.join(timeout=10)


def copy_register(seeded: tuple[Path, list[str]], folder: Path) -> Path:
    """A copy of the seeded register in `folder`, for a server whose changes stay its own."""
    db = folder / "register.db"
    source = seeded[0]
    conn = connect(source)  # checkpoints the WAL on close, so the main file is whole
    conn.close()
    shutil.copy(source, db)
    return db
