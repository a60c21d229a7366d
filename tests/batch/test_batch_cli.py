"""`accords batch` end to end on a local Ray of 2 CPUs, against `accords extract` on the same files.

The batch reads the samples and the seeds copied several times (and a PDF made here, an empty and
a binary file) in real subprocesses; Ray starts and stops inside the command. Each run costs Ray's
start-up, so the module runs the batch once per input kind and asks every question of those runs.
"""

from __future__ import annotations

import json
import shutil
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from corpus import SAMPLES, SEEDS
from read.test_pdf import make_pdf

from accords.read import read_source
from accords.store.database import load_record

pytest.importorskip("ray.data", reason="the Ray extra: pip install -e '.[test,ray]'")

COPIES = 5
LOCAL_RAY = ("--cpus", "2", "--workers", "2", "--object-store-mb", "256")


def accords(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "accords.cli", *args], check=False, capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples and seeds, COPIES times under names of their own, a PDF, and two bad files."""
    where = tmp_path_factory.mktemp("collection")
    originals = sorted(p for p in [*SAMPLES.iterdir(), *SEEDS.glob("*.txt")] if p.is_file())
    for copy in range(COPIES):
        for path in originals:
            shutil.copy(path, where / f"{copy}_{path.name}")
    make_pdf(where / "statement.pdf", ["JOINT STATEMENT", "1. The two sides agreed to raise trade to USD 5 billion."])
    (where / "empty.txt").write_text("")
    (where / "binary.txt").write_bytes(bytes(range(256)) * 4)
    return where


@pytest.fixture(scope="module")
def extracted(folder: Path) -> dict[str, Any]:
    """`accords extract` on the folder: its records by file name."""
    result = accords("extract", str(folder), "--format", "jsonl")
    assert result.returncode == 1, result.stderr  # the two bad files
    return {r["source"]["file"]: r for r in map(json.loads, result.stdout.splitlines())}


@pytest.fixture(scope="module")
def batch(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    out = tmp_path_factory.mktemp("batch") / "out"
    return out, accords("batch", str(folder), str(out), *LOCAL_RAY)


def test_the_collection_is_large_enough_to_need_every_worker(folder: Path) -> None:
    assert len(list(folder.iterdir())) >= 70


def test_records_equal_those_of_extract_document_by_document(
    batch: tuple[Path, subprocess.CompletedProcess[str]], extracted: dict[str, Any], folder: Path
) -> None:
    out, result = batch
    assert result.returncode == 1, result.stderr  # some documents failed, and the exit status says so
    rows = pq.read_table(out / "records").to_pylist()
    assert len(rows) == len(extracted) == COPIES * 14 + 1
    by_file = {row["file"]: row for row in rows}
    assert by_file.keys() == extracted.keys()
    for name, record in extracted.items():
        row = by_file[name]
        assert json.loads(row["record"]) == record, name
        assert (row["id"], row["parties"], row["doc_type"]) == (record["id"], record["parties"], record["doc_type"])
        assert row["event_start"] == record["event"]["start"] and row["level"] == record["relationship"]["level"]
        assert row["text"] == read_source(str(folder / name)).text


def test_failing_documents_are_in_the_failures_dataset_and_on_stderr(
    batch: tuple[Path, subprocess.CompletedProcess[str]], folder: Path
) -> None:
    out, result = batch
    failures = pq.read_table(out / "failures").to_pylist()
    assert sorted(failures, key=lambda f: f["name"]) == [
        {"name": str(folder / "binary.txt"), "problem": "binary file, not text"},
        {"name": str(folder / "empty.txt"), "problem": "empty file"},
    ]
    assert f"accords: {folder / 'empty.txt'}: empty file" in result.stderr.splitlines()
    total = COPIES * 14 + 3
    assert f"{total} documents in" in result.stderr and f"{total - 2} records, 2 failed" in result.stderr


def test_ingest_stores_the_batch_without_extracting_again(
    batch: tuple[Path, subprocess.CompletedProcess[str]], extracted: dict[str, Any], tmp_path: Path
) -> None:
    out, _ = batch
    db = tmp_path / "register.db"
    result = accords("ingest", str(out), "--db", str(db))
    assert result.returncode == 0, result.stderr
    distinct = {record["id"]: record for record in extracted.values()}
    assert f"{len(distinct)} stored, {len(extracted) - len(distinct)} already in" in result.stderr
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        ids = [row[0] for row in conn.execute("SELECT document_id FROM records")]
        stored = {document_id: load_record(conn, document_id).to_json_dict() for document_id in ids}
        texts = conn.execute("SELECT count(*) FROM records WHERE text IS NULL").fetchone()[0]
    assert stored.keys() == distinct.keys() and texts == 0
    for document_id, record in stored.items():
        assert record["provisions"] == distinct[document_id]["provisions"]
    again = accords("ingest", str(out / "records"), "--db", str(db))
    assert again.returncode == 0 and f"0 stored, {len(extracted)} already in" in again.stderr


def test_a_parquet_file_of_documents_gives_the_same_records(
    folder: Path, extracted: dict[str, Any], tmp_path: Path
) -> None:
    names = ["0_en_visit_report.html", "0_vi_tin_hoi_dam_no_vn.txt", "statement.pdf", "empty.txt"]
    table = pa.table(
        {
            "name": names,
            "bytes": [(folder / n).read_bytes() for n in names],
            "suffix": [Path(n).suffix for n in names],
        }
    )
    pq.write_table(table, tmp_path / "documents.parquet")
    result = accords("batch", str(tmp_path / "documents.parquet"), str(tmp_path / "out"), *LOCAL_RAY)
    assert result.returncode == 1, result.stderr
    rows = {row["file"]: json.loads(row["record"]) for row in pq.read_table(tmp_path / "out" / "records").to_pylist()}
    assert rows == {n: extracted[n] for n in names[:3]}
    assert pq.read_table(tmp_path / "out" / "failures").to_pylist() == [{"name": "empty.txt", "problem": "empty file"}]


def test_a_taken_output_is_refused_in_one_line_before_ray_starts(folder: Path, tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    result = accords("batch", str(folder), str(tmp_path), timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"Error: {tmp_path}: already exists; give a new folder for the output"]


def test_without_ray_the_command_says_how_to_install_it(folder: Path, tmp_path: Path) -> None:
    hide_ray = "import sys; sys.modules['ray'] = None; from accords.cli import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", hide_ray, "batch", str(folder), str(tmp_path / "out")],
        check=False, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == ["Error: Ray is not installed: pip install 'accords[ray]' (or pip install 'ray[data]')"]


def test_a_cluster_that_does_not_answer_is_one_line_in_seconds(folder: Path, tmp_path: Path) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    result = accords("batch", str(folder), str(tmp_path / "out"), "--address", f"127.0.0.1:{port}", timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: 127.0.0.1:{port}: no Ray cluster answers there (Connection refused)"
    ]
    assert not (tmp_path / "out").exists()
    sized = accords("batch", str(folder), str(tmp_path / "out"), "--address", "auto", "--cpus", "2", timeout=60)
    assert sized.returncode == 2 and "--cpus and --object-store-mb size a Ray started here" in sized.stderr
