"""Reading on every core changes nothing but the speed: the same records, in the same order, with
the same one-line errors and exit status, as reading one document at a time."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from functools import partial
from pathlib import Path

from corpus import SAMPLES, SEEDS

from accords.errors import ReadError
from accords.model import Record
from accords.parallel import ordered_map
from accords.pipeline import process


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "accords.cli", *args], check=False, capture_output=True, text=True, timeout=600
    )


def test_two_jobs_write_what_one_job_writes_document_by_document(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    # A bad file in the middle keeps its place in the errors and moves no record.
    inputs = [str(SEEDS), missing, str(SAMPLES)]
    one = run("extract", *inputs, "--jobs", "1", "--format", "jsonl")
    two = run("extract", *inputs, "--jobs", "2")
    assert one.returncode == two.returncode == 1
    assert one.stderr.strip() == two.stderr.strip() == f"accords: {missing}: no such file"
    expected = [json.loads(line) for line in one.stdout.splitlines()]
    got = json.loads(two.stdout)
    assert len(got) == len(expected) == len(list(SEEDS.glob("*.txt"))) + len(list(SAMPLES.iterdir()))
    for mine, theirs in zip(got, expected, strict=True):
        assert mine == theirs, mine["source"]["file"]
    # Written a record at a time, the array is the one a single dump of all of them would be.
    assert two.stdout == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"


def test_ordered_map_keeps_the_order_and_hands_back_each_error_in_its_place(tmp_path: Path) -> None:
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    paths = [seeds[0], str(empty), *seeds[1:3]]
    results = list(ordered_map(partial(process, max_bytes=1_000_000), paths, jobs=2))
    assert [path for path, _ in results] == paths
    error = results[1][1]
    assert isinstance(error, ReadError) and error.name == str(empty) and "empty" in error.problem
    files = [r.source.file for _, r in results if isinstance(r, Record)]
    assert files == [Path(p).name for p in paths if p != str(empty)]


def test_ingest_with_two_jobs_stores_what_one_job_stores(tmp_path: Path) -> None:
    stored = []
    for jobs in ("1", "2"):
        db = tmp_path / f"jobs{jobs}.db"
        result = run("ingest", str(SEEDS), str(tmp_path / "missing.txt"), "--db", str(db), "--jobs", jobs)
        assert result.returncode == 1 and "5 stored, 0 already in" in result.stderr, result.stderr
        assert "missing.txt: no such file" in result.stderr
        with sqlite3.connect(db) as conn:
            stored.append(
                [
                    tuple(row)
                    for row in conn.execute(
                        "SELECT d.id, d.file, d.event_id, d.commitment_count, COUNT(p.id) FROM documents d"
                        " JOIN provisions p ON p.document_id = d.id GROUP BY d.id ORDER BY d.id"
                    )
                ]
            )
    assert stored[0] == stored[1] and len(stored[0]) == 5
