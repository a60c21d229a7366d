"""The register under faults, with real processes and real files: racing creators, damage, read-only."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from accords.store import connect, store_record
from accords.store.schema import MIGRATIONS
from store.store_fixtures import SEEDS, gold_records

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

_CREATE = """
import sys, time
from accords.store import connect, store_record
from store.store_fixtures import gold_records
start = float(sys.argv[2])
time.sleep(max(0.0, start - time.time()))
conn = connect(sys.argv[1], create=True)
store_record(conn, gold_records()[int(sys.argv[3])])
print("ok")
"""


def test_two_processes_creating_one_register_both_store(tmp_path: Path) -> None:
    tests = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(tests)}
    for attempt in range(8):
        path = tmp_path / f"race{attempt}.db"
        start = time.time() + 1.5
        racers = [
            subprocess.Popen(
                [sys.executable, "-c", _CREATE, str(path), str(start), str(n)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
            for n in (0, 1)
        ]
        results = [racer.communicate(timeout=120) for racer in racers]
        for racer, (out, err) in zip(racers, results, strict=True):
            assert racer.returncode == 0 and out.strip() == "ok", err
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 2
        conn.close()


# --- damage, read-only and full file systems ----------------------------------------------------


def _accords(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "accords.cli", *args], capture_output=True, text=True, check=False, timeout=300
    )


def _one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.db"
    conn = connect(path, create=True)
    for record in gold_records():
        store_record(conn, record)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def test_a_damaged_register_is_one_line_and_check_says_what_to_do(gold_file: Path, tmp_path: Path) -> None:
    size = gold_file.stat().st_size
    with gold_file.open("r+b") as handle:
        handle.seek(size // 4)
        handle.write(random.Random(3).randbytes(size // 2))
    failed = 0
    for args in (["commitments"], ["targets"], ["partners"], ["search", "energi"], ["show", "bcb47e"]):
        done = _accords(*args, "--db", str(gold_file))
        if done.returncode:  # what reads only undamaged pages still answers
            message = _one_line_error(done)
            assert "damaged" in message and "accords check" in message
            failed += 1
    assert failed >= 2
    out = tmp_path / "exports"
    _one_line_error(_accords("export", "--format", "csv", "--out", str(out), "--db", str(gold_file)))
    assert not [p for p in out.iterdir() if p.name.endswith(".part")] if out.exists() else True
    checked = _accords("check", "--db", str(gold_file))
    assert checked.returncode == 1 and "damaged" in checked.stderr and "Traceback" not in checked.stderr
    assert _accords("check", "--db", str(gold_file)).returncode == 1


def test_a_sound_register_checks_ok(gold_file: Path) -> None:
    done = _accords("check", "--db", str(gold_file))
    assert done.returncode == 0 and done.stdout.strip().endswith(": ok")


@contextmanager
def _mounted(folder: Path, *options: str) -> Iterator[Path]:
    """`folder` as a mount of its own (a small tmpfs, or itself read-only), or a skip where the
    machine does not let this process mount (outside a root container)."""
    folder.mkdir(exist_ok=True)
    done = subprocess.run(["mount", *options, str(folder)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"cannot mount in CI: {done.stderr.strip()}")
        pytest.skip(f"this machine does not let the tests mount a file system ({done.stderr.strip()})")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_read_only_folder_is_read_and_never_written(gold_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    shutil.copy(gold_file, folder / "gold.db")
    db = str(folder / "gold.db")
    with _mounted(folder, "--bind", str(folder)):
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
        listed = _accords("commitments", "--format", "json", "--db", db)
        assert listed.returncode == 0, listed.stderr
        assert len(json.loads(listed.stdout)) > 0
        first = json.loads(listed.stdout)[0]["id"]
        message = _one_line_error(_accords("status", str(first), "fulfilled", "--db", db))
        assert "read-only" in message
        ingested = _accords("ingest", str(SAMPLES / "en_visit_report.html"), "--db", db)
        assert ingested.returncode == 1 and "Traceback" not in ingested.stderr
        assert "0 stored" in ingested.stderr and "read-only" in ingested.stderr


def test_a_full_disk_is_said_with_what_was_stored(tmp_path: Path) -> None:
    with _mounted(tmp_path / "small", "-t", "tmpfs", "-o", "size=600k", "tmpfs") as folder:
        done = _accords("ingest", str(SEEDS), str(SAMPLES), "--db", str(folder / "r.db"))
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert "disk is full" in done.stderr and "cannot rollback" not in done.stderr
        assert re.search(r"\d+ stored, 0 already in .*, 1 failed; stopped", done.stderr), done.stderr
        conn = sqlite3.connect(folder / "r.db")
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
