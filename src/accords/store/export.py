"""The register as data: documents, provisions, commitments, targets and the commitments' status
history (notes and evidence) as JSONL, CSV or Parquet, and PLOVER event rows for event-data work.

Each table has a fixed list of columns with Arrow types, so the three formats agree and an empty
register still gives typed, empty files. List columns stay lists in JSONL and Parquet and are
joined with ";" in CSV, which spreadsheets read as one cell; a CSV cell that a spreadsheet would
run as a formula is quoted (`tables.csv_cell`). Files are written whole or not at all.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO

import pyarrow as pa
import pyarrow.parquet as pq

from accords.errors import QueryError, StoreError
from accords.store import excerpts, labels
from accords.store.query.sql import CUE, CURRENT_STATUS, STATUS_DATE
from accords.store.query.tables import csv_cell

Row = dict[str, object]
Columns = tuple[tuple[str, pa.DataType], ...]

FORMATS = ("jsonl", "csv", "parquet")
_STR, _INT, _FLOAT, _BOOL, _STRS = pa.string(), pa.int64(), pa.float64(), pa.bool_(), pa.list_(pa.string())
_BATCH = 5_000


@dataclass(frozen=True)
class Table:
    """A table the register exports: its columns and where its rows come from."""

    name: str
    columns: Columns
    rows: Callable[[sqlite3.Connection], Iterator[Row]]

    @property
    def schema(self) -> pa.Schema:
        return pa.schema(list(self.columns))


def _split(joined: str | None) -> list[str]:
    return sorted(joined.split("\x1f")) if joined else []


_PARTIES = (
    "(SELECT group_concat(country, char(31)) FROM document_countries c"
    " WHERE c.document_id = {0} AND c.role = '{1}')"
)


def _documents(conn: sqlite3.Connection) -> Iterator[Row]:
    for r in conn.execute(
        f"""SELECT d.*, {_PARTIES.format("d.id", "party")} AS parties,
                   {_PARTIES.format("d.id", "mentioned")} AS mentioned
            FROM documents d ORDER BY d.date, d.id"""
    ):
        yield {
            "id": r["id"],
            "file": r["file"],
            "url": r["url"],
            "title": r["title"],
            "published": r["published"],
            "languages": r["languages"].split(",") if r["languages"] else [],
            "doc_type": r["doc_type"],
            "parties": _split(r["parties"]),
            "countries_mentioned": _split(r["mentioned"]),
            "date": r["date"],
            "event_id": r["event_id"],
            "event_kind": r["event_kind"],
            "event_start": r["event_start"],
            "event_end": r["event_end"],
            "guest_name": r["guest_name"],
            "guest_country": r["guest_country"],
            "host_name": r["host_name"],
            "host_country": r["host_country"],
            "place": r["place"],
            "level": r["level"],
            "upgraded": bool(r["upgraded"]),
            "level_since": r["level_since"],
            "relations_since": r["relations_since"],
            "provisions": r["provision_count"],
            "commitments": r["commitment_count"],
            "ingested_at": r["ingested_at"],
        }


def _entity_names(kind: str) -> str:
    return (
        f"(SELECT group_concat(COALESCE(entity_id, name), char(31)) FROM entities e"
        f" WHERE e.provision_id = p.id AND e.kind = '{kind}')"
    )


def _provisions(conn: sqlite3.Connection) -> Iterator[Row]:
    for r in conn.execute(
        f"""SELECT p.*,
                   (SELECT group_concat(country, char(31)) FROM provision_actors a WHERE a.provision_id = p.id) AS actors,
                   (SELECT group_concat(domain, char(31)) FROM provision_domains pd WHERE pd.provision_id = p.id)
                       AS domains,
                   {_entity_names("instrument")} AS instruments, {_entity_names("organization")} AS organizations,
                   (SELECT group_concat(name, char(31)) FROM mechanisms m WHERE m.provision_id = p.id) AS mechanisms
            FROM provisions p JOIN documents d ON d.id = p.document_id ORDER BY d.date, d.id, p.ordinal"""
    ):
        yield {
            "id": r["id"],
            "document_id": r["document_id"],
            "ordinal": r["ordinal"],
            "number": r["number"],
            "section": r["section"],
            "language": r["language"],
            "span_start": r["span_start"],
            "span_end": r["span_end"],
            "modality": r["modality"],
            "actors": _split(r["actors"]),
            "domains": _split(r["domains"]),
            "instruments": _split(r["instruments"]),
            "organizations": _split(r["organizations"]),
            "mechanisms": _split(r["mechanisms"]),
            "text": r["text"],
        }


def _commitments(conn: sqlite3.Connection) -> Iterator[Row]:
    for r in conn.execute(
        f"""SELECT p.id, p.document_id, d.file, d.date, d.url, p.number, p.modality, p.text,
                   {_PARTIES.format("d.id", "party")} AS parties,
                   (SELECT group_concat(country, char(31)) FROM provision_actors a WHERE a.provision_id = p.id) AS actors,
                   (SELECT group_concat(domain, char(31)) FROM provision_domains pd WHERE pd.provision_id = p.id)
                       AS domains,
                   {CURRENT_STATUS} AS status,
                   {STATUS_DATE} AS status_date
            FROM provisions p JOIN documents d ON d.id = p.document_id
            WHERE p.modality IN ('commit', 'support', 'explore') ORDER BY d.date, d.id, p.ordinal"""
    ):
        yield {
            "id": r["id"],
            "document_id": r["document_id"],
            "file": r["file"],
            "date": r["date"],
            "url": r["url"],
            "parties": _split(r["parties"]),
            "actors": _split(r["actors"]),
            "number": r["number"],
            "modality": r["modality"],
            "domains": _split(r["domains"]),
            "status": r["status"],
            "status_date": r["status_date"],
            "text": r["text"],
        }


def _targets(conn: sqlite3.Connection) -> Iterator[Row]:
    for r in conn.execute(
        f"""SELECT t.*, p.document_id, p.number, p.modality, d.file, {_PARTIES.format("d.id", "party")} AS parties,
                   {CURRENT_STATUS} AS status
            FROM targets t JOIN provisions p ON p.id = t.provision_id JOIN documents d ON d.id = p.document_id
            ORDER BY t.year IS NULL, t.year, d.date, t.id"""
    ):
        yield {
            "id": r["id"],
            "provision_id": r["provision_id"],
            "document_id": r["document_id"],
            "file": r["file"],
            "parties": _split(r["parties"]),
            "metric": r["metric"],
            "amount": r["amount"],
            "unit": r["unit"],
            "year": r["year"],
            "modality": r["modality"],
            "number": r["number"],
            "status": r["status"] if r["modality"] in labels.COMMITMENT_MODALITIES else None,
        }


def _status_changes(conn: sqlite3.Connection) -> Iterator[Row]:
    for r in conn.execute("SELECT * FROM status_changes ORDER BY provision_id, date, id"):
        yield {
            "id": r["id"],
            "commitment_id": r["provision_id"],
            "status": r["status"],
            "date": r["date"],
            "note": r["note"],
            "evidence_url": r["evidence_url"],
            "recorded_at": r["recorded_at"],
        }


TABLES: dict[str, Table] = {
    table.name: table
    for table in (
        Table(
            "documents",
            (
                ("id", _STR),
                ("file", _STR),
                ("url", _STR),
                ("title", _STR),
                ("published", _STR),
                ("languages", _STRS),
                ("doc_type", _STR),
                ("parties", _STRS),
                ("countries_mentioned", _STRS),
                ("date", _STR),
                ("event_id", _INT),
                ("event_kind", _STR),
                ("event_start", _STR),
                ("event_end", _STR),
                ("guest_name", _STR),
                ("guest_country", _STR),
                ("host_name", _STR),
                ("host_country", _STR),
                ("place", _STR),
                ("level", _STR),
                ("upgraded", _BOOL),
                ("level_since", _STR),
                ("relations_since", _STR),
                ("provisions", _INT),
                ("commitments", _INT),
                ("ingested_at", _STR),
            ),
            _documents,
        ),
        Table(
            "provisions",
            (
                ("id", _INT),
                ("document_id", _STR),
                ("ordinal", _INT),
                ("number", _STR),
                ("section", _STR),
                ("language", _STR),
                ("span_start", _INT),
                ("span_end", _INT),
                ("modality", _STR),
                ("actors", _STRS),
                ("domains", _STRS),
                ("instruments", _STRS),
                ("organizations", _STRS),
                ("mechanisms", _STRS),
                ("text", _STR),
            ),
            _provisions,
        ),
        Table(
            "commitments",
            (
                ("id", _INT),
                ("document_id", _STR),
                ("file", _STR),
                ("date", _STR),
                ("url", _STR),
                ("parties", _STRS),
                ("actors", _STRS),
                ("number", _STR),
                ("modality", _STR),
                ("domains", _STRS),
                ("status", _STR),
                ("status_date", _STR),
                ("text", _STR),
            ),
            _commitments,
        ),
        Table(
            "targets",
            (
                ("id", _INT),
                ("provision_id", _INT),
                ("document_id", _STR),
                ("file", _STR),
                ("parties", _STRS),
                ("metric", _STR),
                ("amount", _FLOAT),
                ("unit", _STR),
                ("year", _INT),
                ("modality", _STR),
                ("number", _STR),
                ("status", _STR),
            ),
            _targets,
        ),
        Table(
            "status_changes",
            (
                ("id", _INT),
                ("commitment_id", _INT),
                ("status", _STR),
                ("date", _STR),
                ("note", _STR),
                ("evidence_url", _STR),
                ("recorded_at", _STR),
            ),
            _status_changes,
        ),
    )
}


# --- PLOVER -------------------------------------------------------------------------------------

PLOVER_EVENT = {"commit": "AGREE", "support": "AGREE", "explore": "AGREE"}
"""PLOVER's category for each commitment modality. The manual's AGREE is "agree to, offer, promise,
or otherwise indicate willingness or commitment to cooperate", and future cooperation ("will
support projects") is AGREE too; an agreement to study is still willingness. The row's `modality`
keeps the difference."""

PLOVER_CONTEXT: dict[str, tuple[str, ...]] = {
    "politics": ("diplomatic",),
    "defense": ("military",),
    "security": ("crime", "terrorism", "cyber"),
    "justice": ("legal",),
    "trade": ("economic",),
    "investment": ("economic",),
    "finance": ("economic",),
    "development": ("economic",),
    "science_tech": ("technology",),
    "energy": ("economic",),
    "minerals": ("natural_resource",),
    "transport": ("economic",),
    "agriculture": ("economic",),
    "environment": ("environment",),
    "health": ("health",),
    "labor": ("migration",),
    "people": ("migration",),
    "multilateral": ("diplomatic",),
    "maritime": ("territory",),
    "international_security": ("military",),
}
"""The PLOVER general contexts (manual, table "General contexts") each of our domains falls under;
education and culture have none, and a row without any context has `context` null."""

_CONSULT_MODE = {"phone_call": "phone", "summit": "multilateral"}
"""PLOVER's CONSULT mode for an event kind; every other kind is a `visit` (visitor hosted by host)."""
_UNKNOWN_CODES = {"XK": "KOS", "EU": "EUR"}
"""The manual's own codes for entities without an ISO alpha-3 code."""
CODEBOOK = "plover-base"

_ENTITIES = pa.list_(pa.struct([("code", pa.string())]))
PLOVER_COLUMNS: Columns = (
    ("id", _STR),
    ("date", _STR),
    ("enddate", _STR),
    ("actor", _ENTITIES),
    ("recipient", _ENTITIES),
    ("event", _STRS),
    ("mode", _STRS),
    ("context", _STRS),
    ("event_text", _STRS),
    ("link", _STR),
    ("text_info", pa.struct([("start", pa.int64()), ("end", pa.int64())])),
    (
        "cite_info",
        pa.struct(
            [
                ("citation", pa.string()),
                ("url", pa.string()),
                ("language", pa.string()),
                ("codebook", pa.string()),
            ]
        ),
    ),
    ("modality", _STR),
)


def _entities(codes: Iterable[str]) -> list[dict[str, str]] | None:
    """PLOVER entity objects ({"code": alpha-3}), or None for none."""
    found = [{"code": _UNKNOWN_CODES.get(code) or labels.alpha3(code)} for code in codes]
    return found or None


def _cite(document_id: str, url: str | None, language: str | None) -> dict[str, str | None]:
    return {"citation": document_id, "url": url, "language": language, "codebook": CODEBOOK}


def plover(conn: sqlite3.Connection) -> Iterator[Row]:
    """PLOVER event rows (the manual's JSON fields): a CONSULT per visit (visitor as actor, host as
    recipient), then one AGREE per commitment, by the states that undertake it towards the other
    parties (a joint commitment has every party as actor and no recipient).

    Entity codes are ISO alpha-3 (KOS, EUR where the manual says so); `link` ties each commitment
    to its visit's row; the document and span are `cite_info.citation` and `text_info`.
    """
    visit_ids: dict[int, str] = {}
    for event in conn.execute(
        "SELECT * FROM events WHERE guest IS NOT NULL AND host IS NOT NULL ORDER BY start, id"
    ):
        doc = conn.execute(
            "SELECT id, url, languages FROM documents WHERE event_id = ? ORDER BY date, id LIMIT 1",
            (event["id"],),
        ).fetchone()
        if doc is None:
            continue
        row_id = visit_ids[event["id"]] = f"{doc['id']}-visit"
        span, text = _event_words(conn, doc["id"])
        yield {
            "id": row_id,
            "date": event["start"],
            "enddate": event["end"],
            "actor": _entities([event["guest"]]),
            "recipient": _entities([event["host"]]),
            "event": ["CONSULT"],
            "mode": [_CONSULT_MODE.get(event["kind"], "visit")],
            "context": ["diplomatic"],
            "event_text": [text] if text else None,
            "link": None,
            "text_info": {"start": span[0], "end": span[1]} if span else None,
            "cite_info": _cite(
                doc["id"], doc["url"], doc["languages"].split(",")[0] if doc["languages"] else None
            ),
            "modality": None,
        }
    for r in conn.execute(
        f"""SELECT p.id, p.document_id, p.ordinal, p.modality, p.text, p.language, p.span_start, p.span_end,
                   d.date, d.url, d.event_id, {_PARTIES.format("d.id", "party")} AS parties,
                   (SELECT group_concat(country, char(31)) FROM provision_actors a WHERE a.provision_id = p.id) AS actors,
                   (SELECT group_concat(domain, char(31)) FROM provision_domains pd WHERE pd.provision_id = p.id)
                       AS domains,
                   (SELECT e.span_start FROM evidence e WHERE e.provision_id = p.id AND e.field = 'modality'
                    ORDER BY e.span_start LIMIT 1) AS cue_start,
                   (SELECT {CUE} FROM evidence e WHERE e.provision_id = p.id AND e.field = 'modality'
                    ORDER BY e.span_start LIMIT 1) AS cue
            FROM provisions p JOIN documents d ON d.id = p.document_id
            WHERE p.modality IN ('commit', 'support', 'explore') ORDER BY d.date, d.id, p.ordinal"""
    ):
        parties = _split(r["parties"])
        actors = _split(r["actors"]) or parties
        offset = r["cue_start"] - r["span_start"] if r["cue_start"] is not None else None
        contexts = sorted({c for d in _split(r["domains"]) for c in PLOVER_CONTEXT.get(d, ())})
        yield {
            "id": f"{r['document_id']}-{r['ordinal']}",
            "date": r["date"],
            "enddate": None,
            "actor": _entities(actors),
            "recipient": _entities(code for code in parties if code not in actors),
            "event": [PLOVER_EVENT[r["modality"]]],
            "mode": None,
            "context": contexts or None,
            "event_text": [excerpts.cue_excerpt(r["text"], offset, r["cue"])],
            "link": visit_ids.get(r["event_id"]),
            "text_info": {"start": r["span_start"], "end": r["span_end"]},
            "cite_info": _cite(r["document_id"], r["url"], r["language"]),
            "modality": r["modality"],
        }


def _event_words(conn: sqlite3.Connection, document_id: str) -> tuple[list[int] | None, str | None]:
    """The span and sentence that name a document's event: its first event evidence, else its first provision."""
    cue = conn.execute(
        """SELECT e.span_start, e.span_end, e.cue, p.text, p.span_start AS p_start FROM evidence e
           LEFT JOIN provisions p ON p.document_id = e.document_id AND p.span_start <= e.span_start
                                     AND e.span_start < p.span_end
           WHERE e.document_id = ? AND e.scope = 'event' ORDER BY e.span_start LIMIT 1""",
        (document_id,),
    ).fetchone()
    if cue is not None and cue["text"] is not None:
        text = excerpts.cue_excerpt(cue["text"], cue["span_start"] - cue["p_start"], cue["cue"])
        return [cue["span_start"], cue["span_end"]], text
    first = conn.execute(
        "SELECT text, span_start, span_end FROM provisions WHERE document_id = ? ORDER BY ordinal LIMIT 1",
        (document_id,),
    ).fetchone()
    if first is None:
        return None, None
    return [first["span_start"], first["span_end"]], excerpts.sentence_around(first["text"], 0)


# --- writers ------------------------------------------------------------------------------------


def write(rows: Iterable[Row], columns: Columns, fmt: str, out: IO[str] | Path) -> int:
    """Write rows as `fmt` to a text stream (jsonl, csv) or a file path (any format); the row count."""
    if isinstance(out, Path):
        return _write_file(rows, columns, fmt, out)
    if fmt == "parquet":
        raise QueryError("parquet is binary: give --out a folder, not standard output")
    if fmt == "jsonl":
        count = 0
        for count, row in enumerate(rows, start=1):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return count
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow([name for name, _ in columns])
        count = 0
        for count, row in enumerate(rows, start=1):
            writer.writerow([csv_cell(row[name]) for name, _ in columns])
        return count
    raise QueryError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)}, plover)")


def _write_file(rows: Iterable[Row], columns: Columns, fmt: str, path: Path) -> int:
    """Write to a temporary file beside `path` and rename it when whole, so a failed export (a
    damaged register, a full disk) leaves no partial file and an older export stands."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        if fmt == "parquet":
            count = _write_parquet(rows, pa.schema(list(columns)), temporary)
        else:
            with temporary.open("w", encoding="utf-8", newline="") as handle:
                count = write(rows, columns, fmt, handle)
        os.replace(temporary, path)
    except OSError as exc:
        raise StoreError(f"{path}: cannot write ({exc.strerror or exc})") from None
    finally:
        temporary.unlink(missing_ok=True)
    return count


def _write_parquet(rows: Iterable[Row], schema: pa.Schema, path: Path) -> int:
    iterator, count = iter(rows), 0
    with pq.ParquetWriter(path, schema) as writer:
        while batch := list(islice(iterator, _BATCH)):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
        if count == 0:
            writer.write_table(schema.empty_table())
    return count
