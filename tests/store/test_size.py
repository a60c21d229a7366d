"""The register keeps each fact once: its size stays within three times the text it holds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from accords.read import read_source
from accords.store import connect, query, store_record
from accords.store.ingest import extract
from accords.store.packing import pack, unpack
from store.store_fixtures import REPO, SEEDS, gold_records


def test_a_register_is_at_most_three_times_its_text(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    conn = connect(path, create=True)
    texts = {p.stem.split("_", 1)[1]: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for copy in range(40):
        for record in gold_records():
            text = texts.get(record.id)
            varied = record.model_copy(update={"id": f"{copy:04d}{record.id[4:]}"})
            assert store_record(conn, varied, text)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("VACUUM")
    text = conn.execute("SELECT SUM(length(CAST(text AS BLOB))) FROM provisions").fetchone()[0]
    assert path.stat().st_size <= 3 * text
    view = query.documents.show(conn, "0001" + gold_records()[0].id[4:])
    assert (
        view.record.provisions and query.documents.text(conn, view.record.id) == texts[gold_records()[0].id]
    )


def test_records_are_packed_and_older_plain_rows_still_read(gold: sqlite3.Connection) -> None:
    first = gold_records()[0]
    stored = gold.execute("SELECT record FROM records WHERE document_id = ?", (first.id,)).fetchone()[0]
    assert isinstance(stored, bytes) and len(stored) < len(first.model_dump_json()) / 3
    gold.execute("UPDATE records SET record = ? WHERE document_id = ?", (unpack(stored), first.id))
    assert query.documents.show(gold, first.id).record == query.documents.show(gold, first.id).record
    assert query.documents.show(gold, first.id).record.id == first.id
    assert unpack(pack("Liên bang Nga")) == "Liên bang Nga" and unpack(None) is None


def test_extracted_records_with_their_evidence_take_at_most_three_times_their_text(tmp_path: Path) -> None:
    """As in benchmarks/bench_store.py: the records the pipeline makes of the seeds and samples (with
    every value's evidence) and the gold records, many times over as reports of other events, stored
    without the text as read."""
    files = sorted(SEEDS.glob("*.txt")) + sorted(p for p in (REPO / "samples").glob("*.*"))
    records = [extract(read_source(str(file))) for file in files] + gold_records()
    path = tmp_path / "r.db"
    conn = connect(path, create=True)
    for copy in range(30):
        for record in records:
            event = record.event.model_copy(update={"start": f"{1990 + copy}-01-01", "end": None})
            assert store_record(conn, record.model_copy(update={"id": f"{copy}-{record.id}", "event": event}))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("VACUUM")
    text = conn.execute("SELECT SUM(length(CAST(text AS BLOB))) FROM provisions").fetchone()[0]
    assert path.stat().st_size <= 3 * text
    first = records[0]
    assert query.documents.show(conn, f"0-{first.id}").record.provisions == first.provisions
