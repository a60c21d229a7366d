"""Registers on real SQLite files, filled with the gold records of the seed documents.

The gold records stand in for extraction so that the store's own tests do not depend on how far
extraction has come; the end-to-end tests in test_ingest_cli.py run the real pipeline on the seeds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from accords.store import connect, store_record
from store.store_fixtures import gold_records


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "register.db"


@pytest.fixture
def conn(db_path: Path) -> Iterator[sqlite3.Connection]:
    """A new, empty register."""
    connection = connect(db_path, create=True)
    yield connection
    connection.close()


@pytest.fixture
def gold(conn: sqlite3.Connection) -> sqlite3.Connection:
    """A register holding the five gold records."""
    for record in gold_records():
        assert store_record(conn, record)
    return conn
