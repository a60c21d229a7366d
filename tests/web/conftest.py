"""A real server on loopback over a real SQLite register filled from the seed documents.

The register is made once per session; each test module gets servers over its own copy.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from web_fixtures import TOKEN, Server, copy_register, ingest_seeds, start, stop


@pytest.fixture(scope="session")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A register file holding the seed documents, made once; tests copy it to change it."""
    db = tmp_path_factory.mktemp("register") / "seeds.db"
    return db, ingest_seeds(db)


@pytest.fixture(scope="module")
def server(seeded: tuple[Path, list[str]], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A loopback server without a token over a copy of the seeded register, one per test module."""
    running = start(copy_register(seeded, tmp_path_factory.mktemp("served")))
    yield running
    stop(running)


@pytest.fixture(scope="module")
def token_server(
    seeded: tuple[Path, list[str]], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """A server that requires TOKEN for changes."""
    running = start(copy_register(seeded, tmp_path_factory.mktemp("guarded")), token=TOKEN)
    yield running
    stop(running)


@pytest.fixture(scope="module")
def home_server(
    seeded: tuple[Path, list[str]], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """A server whose home side is Vietnam (`accords serve --home VN`)."""
    running = start(copy_register(seeded, tmp_path_factory.mktemp("home")), home="VN")
    yield running
    stop(running)


@pytest.fixture
def client(server: Server) -> Iterator[httpx.Client]:
    with server.client() as http:
        yield http


@pytest.fixture(scope="session")
def seed_ids(seeded: tuple[Path, list[str]]) -> list[str]:
    return seeded[1]
