"""Exports of the register as JSONL, CSV, Parquet and PLOVER event rows."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from accords.errors import QueryError
from accords.store import export, query


def _rows(conn: sqlite3.Connection, name: str) -> list[dict[str, object]]:
    return list(export.TABLES[name].rows(conn))


@pytest.mark.parametrize("name", ["documents", "provisions", "commitments", "targets"])
def test_each_table_has_a_row_per_register_row(gold: sqlite3.Connection, name: str) -> None:
    source = {
        "documents": "documents",
        "provisions": "provisions",
        "commitments": "commitments",
        "targets": "targets",
    }[name]
    rows = _rows(gold, name)
    assert len(rows) == gold.execute(f"SELECT COUNT(*) FROM {source}").fetchone()[0]
    assert all(list(row) == [column for column, _ in export.TABLES[name].columns] for row in rows)


def test_jsonl_keeps_lists_and_csv_joins_them(gold: sqlite3.Connection) -> None:
    table = export.TABLES["targets"]
    text = io.StringIO()
    assert export.write(table.rows(gold), table.columns, "jsonl", text) == 4
    first = json.loads(text.getvalue().splitlines()[0])
    assert (first["amount"], first["unit"], first["year"], first["parties"]) == (
        150e9,
        "USD",
        2030,
        ["KR", "VN"],
    )
    text = io.StringIO()
    export.write(table.rows(gold), table.columns, "csv", text)
    rows = list(csv.DictReader(io.StringIO(text.getvalue())))
    assert rows[0]["parties"] == "KR;VN" and float(rows[0]["amount"]) == 150e9


def test_parquet_files_are_typed_even_when_empty(gold: sqlite3.Connection, tmp_path: Path) -> None:
    table = export.TABLES["provisions"]
    assert export.write(table.rows(gold), table.columns, "parquet", tmp_path / "p.parquet") == 139
    read = pq.read_table(tmp_path / "p.parquet")
    assert read.schema == table.schema
    assert read.num_rows == 139
    export.write(iter([]), table.columns, "parquet", tmp_path / "empty.parquet")
    assert pq.read_table(tmp_path / "empty.parquet").schema == table.schema


def test_parquet_to_a_stream_is_refused(gold: sqlite3.Connection) -> None:
    table = export.TABLES["documents"]
    with pytest.raises(QueryError, match="parquet is binary"):
        export.write(table.rows(gold), table.columns, "parquet", io.StringIO())


def test_commitment_export_carries_the_current_status(gold: sqlite3.Connection) -> None:
    first = _rows(gold, "commitments")[0]
    query.commitments.set_status(gold, int(str(first["id"])), "lapsed", on="2026-01-01")
    again = _rows(gold, "commitments")[0]
    assert (again["status"], again["status_date"]) == ("lapsed", "2026-01-01")


def test_plover_has_a_consult_row_per_visit_with_visitor_and_host(gold: sqlite3.Connection) -> None:
    rows = list(export.plover(gold))
    visits = [r for r in rows if r["event"] == ["CONSULT"]]
    assert len(visits) == 4  # the two reports of the Korea visit make one
    korea = next(r for r in visits if r["recipient"] == [{"code": "KOR"}])
    assert (korea["actor"], korea["mode"], korea["date"], korea["enddate"]) == (
        [{"code": "VNM"}],
        ["visit"],
        "2025-08-10",
        "2025-08-13",
    )
    cite = korea["cite_info"]
    assert isinstance(cite, dict) and cite["citation"] == "bcb47e26353bfc80" and cite["language"] == "nb"
    assert str(cite["url"]).startswith("https://baogialai.com.vn/")
    assert korea["event_text"] and isinstance(korea["event_text"], list)


def test_plover_has_an_agree_row_per_commitment_in_the_manual_shape(gold: sqlite3.Connection) -> None:
    rows = [r for r in export.plover(gold) if r["event"] != ["CONSULT"]]
    assert len(rows) == gold.execute("SELECT COUNT(*) FROM commitments").fetchone()[0]
    # promises and offers ("will support") are AGREE in the manual, as are agreements to study
    assert {r["modality"]: tuple(r["event"]) for r in rows} == {
        "commit": ("AGREE",),
        "support": ("AGREE",),
        "explore": ("AGREE",),
    }
    trade = next(r for r in rows if r["id"] == "bcb47e26353bfc80-7")
    assert trade["actor"] == [{"code": "KOR"}, {"code": "VNM"}] and trade["recipient"] is None
    assert trade["context"] == ["diplomatic", "economic"]
    assert trade["link"] == "bcb47e26353bfc80-visit"
    assert trade["text_info"] == {"start": 4829, "end": 6800}
    one_side = next(
        r for r in rows if r["actor"] == [{"code": "VNM"}] and r["cite_info"]["citation"] == "38becd8697d6d480"
    )
    assert one_side["recipient"] == [{"code": "RUS"}]


def test_plover_contexts_are_the_manuals_and_empty_is_null(gold: sqlite3.Connection) -> None:
    manual = {
        "military", "intelligence", "executive", "legislative", "election", "political_institutions",
        "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights",
        "rights_freedoms", "repression", "human_security", "gender", "lgbt", "religion_ethnicity",
        "inequality", "diplomatic", "territory", "peacekeeping", "health", "asylum", "migration",
        "disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn", "cyber",
        "misinformation", "crime", "corruption", "illegal_drugs", "trafficking",
    }  # fmt: skip
    assert {c for contexts in export.PLOVER_CONTEXT.values() for c in contexts} <= manual
    assert export.PLOVER_CONTEXT["security"] != ("crime",)
    rows = list(export.plover(gold))
    assert all(r["context"] is None or (r["context"] and set(r["context"]) <= manual) for r in rows)
    assert all(len(e["code"]) == 3 for r in rows for e in (r["actor"] or []) + (r["recipient"] or []))


def test_plover_rows_write_as_jsonl(gold: sqlite3.Connection) -> None:
    text = io.StringIO()
    count = export.write(export.plover(gold), export.PLOVER_COLUMNS, "jsonl", text)
    lines = text.getvalue().splitlines()
    assert count == len(lines) > 0
    assert set(json.loads(lines[0])) == {name for name, _ in export.PLOVER_COLUMNS}


def test_status_history_is_exported_with_notes_and_evidence(gold: sqlite3.Connection) -> None:
    commitment = int(str(_rows(gold, "commitments")[0]["id"]))
    query.commitments.set_status(gold, commitment, "in_progress", note="=talks", on="2026-02-01")
    query.commitments.set_status(
        gold, commitment, "fulfilled", evidence_url="https://example.org/done", on="2026-03-01"
    )
    history = _rows(gold, "status_changes")
    assert [(h["commitment_id"], h["status"], h["note"], h["evidence_url"]) for h in history] == [
        (commitment, "in_progress", "=talks", None),
        (commitment, "fulfilled", None, "https://example.org/done"),
    ]
    table = export.TABLES["status_changes"]
    text = io.StringIO()
    export.write(table.rows(gold), table.columns, "csv", text)
    assert "'=talks" in text.getvalue()  # a note is never a spreadsheet formula


def test_a_failed_export_leaves_no_partial_file(gold: sqlite3.Connection, tmp_path: Path) -> None:
    target = tmp_path / "provisions.jsonl"
    target.write_text("the older export\n", encoding="utf-8")

    def failing() -> Iterator[dict[str, object]]:
        yield from list(_rows(gold, "provisions"))[:3]
        raise sqlite3.DatabaseError("database disk image is malformed")

    with pytest.raises(sqlite3.DatabaseError):
        export.write(failing(), export.TABLES["provisions"].columns, "jsonl", target)
    assert target.read_text(encoding="utf-8") == "the older export\n"
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*.part"))


def test_plover_codes_without_iso_alpha3_follow_the_manual() -> None:
    assert export._entities(["XK", "EU", "VN"]) == [{"code": "KOS"}, {"code": "EUR"}, {"code": "VNM"}]
    assert export._entities([]) is None
