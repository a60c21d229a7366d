"""Fault injection: ingests killed at random points and started again store every document once.

A kill may land anywhere (creating the schema, inside a document's transaction, between two);
whatever survives must be whole, and the next ingest must add exactly what is missing.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import time
from pathlib import Path

from store.test_ingest_cli import _assert_consistent, _start_ingest, _variants, run

DOCUMENTS = 200
KILLS = 6


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as reader:
            return int(reader.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # the schema is still being created


def test_ingests_killed_at_random_points_store_every_document_exactly_once(tmp_path: Path) -> None:
    folder = _variants(tmp_path / "docs", copies=DOCUMENTS // 5)
    db = tmp_path / "faults.db"
    chance = random.Random(20261203)
    for _ in range(KILLS):
        process = _start_ingest(folder, db)
        try:
            # Kill after a random further number of documents, or at once (during start-up).
            goal = _stored(db) + chance.randint(0, 25)
            while process.poll() is None and _stored(db) < goal:
                time.sleep(0.01)
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
            process.wait(timeout=60)
        if _stored(db):
            _assert_consistent(db)
    finish = run("ingest", str(folder), "--db", str(db))
    assert finish.exit_code == 0, finish.stderr
    assert _assert_consistent(db) == DOCUMENTS
    with sqlite3.connect(db) as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM documents")]
    assert len(ids) == len(set(ids)) == DOCUMENTS
