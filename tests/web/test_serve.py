"""`accords serve`: loopback by default, a token to serve anywhere else, a real process answering."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from click.testing import CliRunner
from web_fixtures import free_port

from accords.cli import main


def test_serving_beyond_loopback_needs_a_token(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "r.db"), "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "--token" in result.output
    assert not (tmp_path / "r.db").exists()


def test_a_bad_register_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("not a database at all")
    result = CliRunner().invoke(main, ["serve", "--db", str(bad)])
    assert result.exit_code == 1
    assert "not an SQLite database" in result.output


def test_accords_serve_answers_on_loopback(seeded: tuple[Path, list[str]], tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "ACCORDS_DB": str(tmp_path / "new.db")}
    process = subprocess.Popen(
        [sys.executable, "-m", "accords.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/documents", timeout=5)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.2)
        assert answer.status_code == 200 and answer.json()["total"] == 0
        assert "register is empty" in httpx.get(f"http://127.0.0.1:{port}/").text
    finally:
        process.terminate()
        process.wait(timeout=10)
