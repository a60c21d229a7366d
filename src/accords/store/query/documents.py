"""Documents: lists of them, one document's reading, its text, and one provision of it."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from accords.errors import NotFound, QueryError
from accords.model import Provision, Record
from accords.store import labels
from accords.store.database import load_record
from accords.store.packing import unpack
from accords.store.query.filters import Filters, Window
from accords.store.query.sql import (
    CURRENT_STATUS,
    HAS_LANGUAGE,
    PARTIES,
    Where,
    codes,
    in_order,
    rarest_parties_first,
    row_id,
)
from accords.store.query.tables import Page


@dataclass(frozen=True)
class DocumentRow:
    """A document as a line of a list."""

    id: str
    file: str | None
    title: str | None
    date: str | None
    doc_type: str | None
    languages: list[str]
    parties: list[str]
    event_kind: str | None
    place: str | None
    level: str | None
    upgraded: bool
    provisions: int
    commitments: int


def documents(
    conn: sqlite3.Connection, filters: Filters | None = None, window: Window | None = None
) -> Page[DocumentRow]:
    """Documents newest first, with all of the filters' parties, in its language, within its dates."""
    wanted = (filters or Filters()).checked().only(("parties", "language", "since", "until"), "documents")
    wanted = rarest_parties_first(conn, wanted)
    window = (window or Window()).checked()
    where, source = Where(), "documents d"
    if wanted.parties:
        # From the first party's index entries outwards, not through every document.
        source = "document_countries fc CROSS JOIN documents d ON d.id = fc.document_id"
        where.add("fc.country = ? AND fc.role = 'party'", wanted.parties[0])
    where.documents(wanted, skip_parties=1)
    if wanted.language:
        where.add(HAS_LANGUAGE, f"%,{wanted.language},%")
    total = conn.execute(f"SELECT COUNT(*) FROM {source} WHERE {where.sql}", where.params).fetchone()[0]
    rows = conn.execute(
        f"""SELECT d.*, {PARTIES} AS parties FROM {source} WHERE {where.sql}
            ORDER BY d.date IS NULL, d.date DESC, d.ingested_at DESC, d.id LIMIT ? OFFSET ?""",
        [*where.params, window.rows, window.offset],
    ).fetchall()
    return Page([_document_row(r) for r in rows], total, window.limit, window.offset)


def _document_row(r: sqlite3.Row) -> DocumentRow:
    return DocumentRow(
        id=r["id"],
        file=r["file"],
        title=r["title"],
        date=r["date"],
        doc_type=r["doc_type"],
        languages=in_order(r["languages"]),
        parties=codes(r["parties"]),
        event_kind=r["event_kind"],
        place=r["place"],
        level=r["level"],
        upgraded=bool(r["upgraded"]),
        provisions=r["provision_count"],
        commitments=r["commitment_count"],
    )


def find(conn: sqlite3.Connection, ref: str) -> sqlite3.Row:
    """The document named by its id, a prefix of it (4 characters or more) or its file name.

    NotFound when none is; a QueryError when the name fits several.
    """
    ref = ref.strip()
    rows = conn.execute("SELECT * FROM documents WHERE id = ?", (ref,)).fetchall()
    if not rows and len(ref) >= 4:
        prefix = ref.lower().replace("%", "").replace("_", "")
        rows = conn.execute("SELECT * FROM documents WHERE id LIKE ? LIMIT 5", (prefix + "%",)).fetchall()
    if not rows:
        rows = conn.execute("SELECT * FROM documents WHERE file = ? LIMIT 5", (ref,)).fetchall()
    if not rows:
        raise NotFound(f"no document {ref!r} in the register (give its id or file name)")
    if len(rows) > 1:
        raise QueryError(f"{ref!r} names several documents: {', '.join(r['id'] for r in rows)}")
    found: sqlite3.Row = rows[0]
    return found


@dataclass(frozen=True)
class ProvisionView:
    """A stored provision; `status` is set when it is a commitment (commit, support, explore)."""

    id: int
    provision: Provision
    status: str | None


@dataclass(frozen=True)
class LinkedDocument:
    """Another document that reports the same event."""

    id: str
    file: str | None
    doc_type: str | None
    languages: list[str]


@dataclass(frozen=True)
class DocumentView:
    """A document's reading: its record, the event it shares with other reports, its provisions."""

    record: Record
    event_id: int | None
    linked: list[LinkedDocument]
    provisions: list[ProvisionView]
    ingested_at: str


def show(conn: sqlite3.Connection, ref: str) -> DocumentView:
    """The full reading of one document (see `find` for `ref`), with its commitments' current status."""
    row = find(conn, ref)
    ids = conn.execute(
        f"""SELECT p.id, p.modality, {CURRENT_STATUS} AS status FROM provisions p
            WHERE p.document_id = ? ORDER BY p.ordinal""",
        (row["id"],),
    ).fetchall()
    record = load_record(conn, row["id"])
    provisions = [
        ProvisionView(
            id=found["id"],
            provision=provision,
            status=found["status"] if found["modality"] in labels.COMMITMENT_MODALITIES else None,
        )
        for found, provision in zip(ids, record.provisions, strict=True)
    ]
    linked = conn.execute(
        "SELECT id, file, doc_type, languages FROM documents WHERE event_id = ? AND id != ? ORDER BY date, id",
        (row["event_id"], row["id"]),
    ).fetchall()
    return DocumentView(
        record=record,
        event_id=row["event_id"],
        linked=[LinkedDocument(r["id"], r["file"], r["doc_type"], in_order(r["languages"])) for r in linked],
        provisions=provisions,
        ingested_at=row["ingested_at"],
    )


def text(conn: sqlite3.Connection, document_id: str) -> str | None:
    """The text a document was read as (which its spans index), or None when it was not kept."""
    row = conn.execute("SELECT text FROM records WHERE document_id = ?", (document_id,)).fetchone()
    return unpack(row["text"]) if row else None


@dataclass(frozen=True)
class ProvisionAt:
    """One provision with where it sits and, for a commitment, its status."""

    id: int
    document_id: str
    ordinal: int
    status: str | None
    provision: Provision


def provision(conn: sqlite3.Connection, provision_id: int) -> ProvisionAt:
    """One provision with its values and evidence; NotFound for an unknown id."""
    row = conn.execute(
        "SELECT id, document_id, ordinal FROM provisions WHERE id = ?", (row_id(provision_id, "provision"),)
    ).fetchone()
    if row is None:
        raise NotFound(f"no provision {provision_id} in the register")
    found = show(conn, row["document_id"]).provisions[row["ordinal"] - 1]
    return ProvisionAt(row["id"], row["document_id"], row["ordinal"], found.status, found.provision)
