"""Opening, migrating and writing a register file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from accords.errors import StoreError
from accords.model import Event, Evidence, Person, Provision, Record, Source
from accords.store import connect, database, store_record
from accords.store.packing import unpack
from accords.store.schema import MIGRATIONS
from store.store_fixtures import gold_records


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = (
        "documents",
        "records",
        "events",
        "provisions",
        "provision_actors",
        "provision_domains",
        "targets",
        "entities",
        "mechanisms",
        "evidence",
        "document_countries",
        "status_changes",
    )
    return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}


def test_new_register_has_the_current_schema_with_foreign_keys_and_wal(conn: sqlite3.Connection) -> None:
    assert database.schema_version(conn) == len(MIGRATIONS)
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {
        "provision_domains_domain",
        "targets_year",
        "document_countries_country",
        "documents_date",
    } <= indexes


def test_an_empty_sqlite_file_is_migrated_in_place(db_path: Path) -> None:
    sqlite3.connect(db_path).close()
    db_path.touch()
    with connect(db_path) as conn:
        assert database.schema_version(conn) == len(MIGRATIONS)


def test_an_older_register_is_upgraded_by_the_missing_migrations(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with connect(db_path, create=True) as conn:
        store_record(conn, gold_records()[0])
    added = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
    monkeypatch.setattr(database, "MIGRATIONS", (*MIGRATIONS, added))
    with connect(db_path) as conn:
        assert database.schema_version(conn) == len(MIGRATIONS) + 1
        assert conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1


def test_a_failed_migration_leaves_the_register_as_it_was(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect(db_path, create=True).close()
    broken = "CREATE TABLE notes (id INTEGER PRIMARY KEY); INSERT INTO no_such_table VALUES (1);"
    monkeypatch.setattr(database, "MIGRATIONS", (*MIGRATIONS, broken))
    with pytest.raises(StoreError, match="no such table"):
        connect(db_path)
    monkeypatch.undo()
    with connect(db_path) as conn:
        assert database.schema_version(conn) == len(MIGRATIONS)
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'notes'").fetchone() is None


def test_a_missing_register_is_not_created_by_a_query(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no register here"):
        connect(tmp_path / "typo.db")
    assert not (tmp_path / "typo.db").exists()


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n")
    with pytest.raises(StoreError, match="not an SQLite database"):
        connect(path, create=True)
    assert path.read_text() == "these are my notes, not a database\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_a_register_from_a_newer_schema_is_refused_unchanged(db_path: Path) -> None:
    raw = sqlite3.connect(db_path)
    raw.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    raw.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="newer than this Accords"):
        connect(db_path)
    assert db_path.read_bytes() == before


def test_a_locked_register_is_one_clear_error_and_nothing_changes(db_path: Path) -> None:
    record = gold_records()[0]
    holder = sqlite3.connect(db_path, isolation_level=None)
    with connect(db_path, create=True, timeout=0.1) as conn:
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StoreError, match="locked by another process"):
            store_record(conn, record)
        holder.execute("ROLLBACK")
        assert _counts(conn)["documents"] == 0
    holder.close()


def test_a_record_is_stored_whole_and_read_back_the_same(conn: sqlite3.Connection) -> None:
    record = gold_records()[0]
    assert store_record(conn, record, text="the text as read")
    assert database.load_record(conn, record.id) == record
    assert unpack(conn.execute("SELECT text FROM records").fetchone()[0]) == "the text as read"
    counts = _counts(conn)
    assert counts["provisions"] == len(record.provisions)
    assert counts["targets"] == sum(len(p.targets) for p in record.provisions)
    assert counts["entities"] == sum(len(p.instruments) + len(p.organizations) for p in record.provisions)
    assert counts["mechanisms"] == sum(len(p.mechanisms) for p in record.provisions)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_ingesting_the_same_record_again_changes_nothing(conn: sqlite3.Connection) -> None:
    records = gold_records()
    for record in records:
        store_record(conn, record)
    before = _counts(conn)
    assert not any(store_record(conn, record) for record in records)
    assert _counts(conn) == before


def test_evidence_spans_are_stored_for_provisions_event_and_relationship(conn: sqlite3.Connection) -> None:
    record = gold_records()[4]
    record.event.evidence = [Evidence(field="kind", value="state_visit", span=(60, 70), cue="statsbesøk")]
    record.provisions[0].evidence = [Evidence(field="modality", value="commit", span=(5, 9), cue="vil")]
    first = record.provisions[0]
    words = first.text[:4]
    record.provisions[0].evidence.append(
        Evidence(field="domains", value="trade", span=(first.span[0], first.span[0] + 4), cue=words)
    )
    store_record(conn, record)
    rows = [
        tuple(r)
        for r in conn.execute("SELECT document_id, provision_id IS NOT NULL, scope, cue FROM evidence")
    ]
    # A provision's evidence names the provision alone, and its cue only when that is not its words.
    assert sorted(rows, key=str) == sorted(
        [(None, 1, None, "vil"), (None, 1, None, None), (record.id, 0, "event", "statsbesøk")], key=str
    )
    stored = database.load_record(conn, record.id)
    assert stored.event.evidence == record.event.evidence
    assert stored.provisions[0].evidence == record.provisions[0].evidence


def test_an_interrupted_document_is_rolled_back_whole(
    conn: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = gold_records()[:2]
    store_record(conn, first)
    before = _counts(conn)
    real = database._insert_provisions

    def interrupted(*args: object) -> None:
        real(*args)  # type: ignore[arg-type]
        raise KeyboardInterrupt  # after the provisions are written, before the commit

    monkeypatch.setattr(database, "_insert_provisions", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store_record(conn, second)
    assert _counts(conn) == before
    assert (
        conn.execute(
            "SELECT COUNT(*) FROM provisions_fts WHERE provisions_fts MATCH 'Pressekonferenz'"
        ).fetchone()[0]
        == 0
    )


def _visit(doc_id: str, parties: list[str], start: str | None, end: str | None, guest: str = "VN") -> Record:
    host = next(p for p in parties if p != guest)
    return Record(
        id=doc_id,
        source=Source(file=f"{doc_id}.txt"),
        parties=parties,
        event=Event(
            kind="state_visit", guest=Person(country=guest), host=Person(country=host), start=start, end=end
        ),
        provisions=[Provision(span=(0, 4), text="text")],
    )


def test_reports_of_one_visit_are_linked_not_merged(gold: sqlite3.Connection) -> None:
    rows = {r["file"][:3]: r["event_id"] for r in gold.execute("SELECT file, event_id FROM documents")}
    assert rows["000"] == rows["001"]  # the Norwegian joint statement and the German press conference
    assert len({rows["000"], rows["002"], rows["003"], rows["004"]}) == 4
    assert gold.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 5
    event = gold.execute('SELECT kind, start, "end" FROM events WHERE id = ?', (rows["000"],)).fetchone()
    assert tuple(event) == ("state_visit", "2025-08-10", "2025-08-13")


def test_events_link_only_on_same_parties_overlapping_dates_and_same_visitor(
    conn: sqlite3.Connection,
) -> None:
    store_record(conn, _visit("a", ["KR", "VN"], "2025-08-10", "2025-08-13"))
    store_record(conn, _visit("b", ["KR", "VN"], "2025-08-12", None))  # inside: linked
    store_record(conn, _visit("c", ["KR", "VN"], "2026-01-05", "2026-01-06"))  # later visit
    store_record(conn, _visit("d", ["JP", "VN"], "2025-08-11", None))  # other parties
    store_record(conn, _visit("e", ["KR", "VN"], "2025-08-11", None, guest="KR"))  # the other way round
    store_record(conn, _visit("f", ["KR", "VN"], None, None))  # no date: never linked
    ids = {r["id"]: r["event_id"] for r in conn.execute("SELECT id, event_id FROM documents")}
    assert ids["a"] == ids["b"]
    assert len({ids["a"], ids["c"], ids["d"], ids["e"], ids["f"]}) == 5
