"""Commitments (provisions that commit, support or explore) and what became of each."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlparse

from accords.errors import NotFound, QueryError
from accords.store import labels
from accords.store.database import transaction
from accords.store.pairs import NOT_REPEATED
from accords.store.query.filters import Filters, Window
from accords.store.query.sql import (
    ACTORS,
    COMMITMENT,
    CURRENT_STATUS,
    DOMAINS,
    PARTIES,
    SOURCES,
    STATUS_DATE,
    Where,
    codes,
    rarest_parties_first,
    row_id,
)
from accords.store.query.tables import Page

SORTS = {
    "date": "d.date",
    "id": "p.id",
    "document": "d.file",
    "modality": "CASE p.modality WHEN 'commit' THEN 1 WHEN 'support' THEN 2 ELSE 3 END",
    "status": "status",
}
"""The orders the register can be given in, by name."""
EARLIEST_STATUS_DATE = date(1945, 1, 1)
"""No commitment in the register is older; a status dated earlier is a typing mistake."""


@dataclass(frozen=True)
class StatusChange:
    """One step in a commitment's history."""

    id: int
    commitment_id: int
    status: str
    date: str
    note: str | None
    evidence_url: str | None
    recorded_at: str


@dataclass(frozen=True)
class Commitment:
    """A provision with modality commit, support or explore, and what became of it."""

    id: int
    document_id: str
    file: str | None
    date: str | None
    parties: list[str]
    actors: list[str]
    number: str | None
    modality: str
    domains: list[str]
    status: str
    status_date: str | None
    """The date of the latest status change (None while it was never changed)."""
    text: str
    history: list[StatusChange] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    """Every document that states it: reports of one event state a commitment once between them."""


_COLUMNS = f"""p.id, p.document_id, d.file, d.date, {PARTIES} AS parties, {ACTORS} AS actors, p.number,
    p.modality, {DOMAINS} AS domains, {CURRENT_STATUS} AS status, {STATUS_DATE} AS status_date, p.text,
    {SOURCES} AS sources"""
FILTERS = ("parties", "domain", "modality", "language", "status", "since", "until")


def commitments(
    conn: sqlite3.Connection,
    filters: Filters | None = None,
    window: Window | None = None,
    *,
    sort: str = "date",
    descending: bool = False,
) -> Page[Commitment]:
    """Commitments filtered and in the order asked for (`SORTS`), with how many there are in all;
    a commitment that several reports of one event state is listed once, with each as a source."""
    window = (window or Window()).checked()
    if sort not in SORTS:
        raise QueryError(f"unknown sort {sort!r} (known: {', '.join(SORTS)})")
    source, where = _selection(conn, filters)
    direction = "DESC" if descending else "ASC"
    rows = conn.execute(
        f"""SELECT {_COLUMNS} FROM {source} WHERE {where.sql}
            ORDER BY {SORTS[sort]} {direction}, p.document_id {direction}, p.ordinal {direction}
            LIMIT ? OFFSET ?""",
        [*where.params, window.rows, window.offset],
    ).fetchall()
    return Page([_commitment(r) for r in rows], _count(conn, source, where), window.limit, window.offset)


def count(conn: sqlite3.Connection, filters: Filters | None = None) -> int:
    """How many commitments the filters keep, as `commitments` counts them, without reading one."""
    return _count(conn, *_selection(conn, filters))


def _count(conn: sqlite3.Connection, source: str, where: Where) -> int:
    if len(where.clauses) == 2:  # no filter: the register's own count
        return counted(conn)
    return int(conn.execute(f"SELECT COUNT(*) FROM {source} WHERE {where.sql}", where.params).fetchone()[0])


def _selection(conn: sqlite3.Connection, filters: Filters | None) -> tuple[str, Where]:
    """The rows the filters keep: the tables to read them from (`p` and `d`), and the clauses."""
    wanted = (filters or Filters()).checked().only(FILTERS, "commitments")
    wanted = rarest_parties_first(conn, wanted)
    if wanted.modality and wanted.modality not in labels.COMMITMENT_MODALITIES:
        raise QueryError(
            f"{wanted.modality} provisions are not commitments (those are commit, support, explore)"
        )
    where = Where([COMMITMENT, NOT_REPEATED])
    # Start from the smallest set a filter names, through its index, and join outwards (CROSS
    # JOIN keeps that order); unfiltered, from documents in date order, so a page by date stops
    # after its rows.
    if wanted.parties:
        source = (
            "document_countries fc CROSS JOIN documents d ON d.id = fc.document_id"
            " CROSS JOIN provisions p ON p.document_id = d.id"
        )
        where.add("fc.country = ? AND fc.role = 'party'", wanted.parties[0])
    elif wanted.domain:
        source = (
            "provision_domains fd CROSS JOIN provisions p ON p.id = fd.provision_id"
            " CROSS JOIN documents d ON d.id = p.document_id"
        )
        where.add("fd.domain = ?", wanted.domain)
    elif wanted.status and wanted.status != "open":
        source = (
            "(SELECT DISTINCT provision_id FROM status_changes) AS changed"
            " CROSS JOIN provisions p ON p.id = changed.provision_id CROSS JOIN documents d ON d.id = p.document_id"
        )
    else:
        source = "documents d CROSS JOIN provisions p ON p.document_id = d.id"
    where.documents(wanted, skip_parties=1)
    where.provisions(wanted, skip_domain=not wanted.parties)
    return source, where


def _commitment(row: sqlite3.Row, history: list[StatusChange] | None = None) -> Commitment:
    return Commitment(
        id=row["id"],
        document_id=row["document_id"],
        file=row["file"],
        date=row["date"],
        parties=codes(row["parties"]),
        actors=codes(row["actors"]),
        number=row["number"],
        modality=row["modality"],
        domains=codes(row["domains"]),
        status=row["status"],
        status_date=row["status_date"],
        text=row["text"],
        history=history or [],
        sources=codes(row["sources"]),
    )


def commitment(conn: sqlite3.Connection, commitment_id: int) -> Commitment:
    """One commitment with its whole status history, oldest first; NotFound unless it is one."""
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM provisions p JOIN documents d ON d.id = p.document_id WHERE p.id = ?",
        (row_id(commitment_id, "commitment"),),
    ).fetchone()
    if row is None:
        raise NotFound(f"no commitment {commitment_id} in the register")
    if row["modality"] not in labels.COMMITMENT_MODALITIES:
        raise NotFound(
            f"provision {commitment_id} is not a commitment (its modality is {row['modality'] or 'unknown'})"
        )
    return _commitment(row, history(conn, [commitment_id])[commitment_id])


def history(conn: sqlite3.Connection, ids: list[int]) -> dict[int, list[StatusChange]]:
    """The status changes of these commitments, oldest first (an empty list for one never changed)."""
    found: dict[int, list[StatusChange]] = {i: [] for i in ids}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for r in conn.execute(
            f"""SELECT * FROM status_changes WHERE provision_id IN ({",".join("?" * len(chunk))})
                ORDER BY date, id""",
            chunk,
        ):
            found[r["provision_id"]].append(
                StatusChange(
                    r["id"],
                    r["provision_id"],
                    r["status"],
                    r["date"],
                    r["note"],
                    r["evidence_url"],
                    r["recorded_at"],
                )
            )
    return found


def set_status(
    conn: sqlite3.Connection,
    commitment_id: int,
    status: str,
    *,
    note: str | None = None,
    evidence_url: str | None = None,
    on: str | None = None,
) -> StatusChange:
    """Record what became of a commitment: its new status on a date (today by default), why, and a source.

    The history is kept whole; the latest change by date is the commitment's status, so a date is
    taken only from 1945 to tomorrow (a date in the future would outrank every later change).
    """
    wanted = labels.status(status)
    day = status_date(on) if on is not None else date.today().isoformat()
    if evidence_url is not None:
        parsed = urlparse(evidence_url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise QueryError(f"evidence {evidence_url!r} is not an http(s) URL")
    commitment(conn, commitment_id)
    recorded = datetime.now(UTC).isoformat(timespec="seconds")
    with transaction(conn):
        cursor = conn.execute(
            """INSERT INTO status_changes (provision_id, status, date, note, evidence_url, recorded_at)
               VALUES (?, ?, ?, ?, ?, ?)""",
            (commitment_id, wanted, day, note, evidence_url, recorded),
        )
    return StatusChange(int(cursor.lastrowid or 0), commitment_id, wanted, day, note, evidence_url, recorded)


def status_date(value: str) -> str:
    """An ISO date from 1945 to tomorrow; a QueryError for anything else."""
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise QueryError(f"bad date {value!r} (use an ISO date such as 2026-03-31)") from None
    latest = date.today() + timedelta(days=1)
    if not EARLIEST_STATUS_DATE <= day <= latest:
        raise QueryError(f"date {day} out of range (give a day from {EARLIEST_STATUS_DATE} to {latest})")
    return day.isoformat()


def counted(conn: sqlite3.Connection) -> int:
    """Commitments in the register, each once per event."""
    row = conn.execute(
        "SELECT (SELECT COALESCE(SUM(commitment_count), 0) FROM documents) - (SELECT COUNT(*) FROM repeats)"
    ).fetchone()
    return int(row[0])


def status_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """How many commitments stand at each status; those never changed are open."""
    commitments_in_all = counted(conn)
    counts = dict.fromkeys(labels.STATUSES, 0)
    changed = 0
    for r in conn.execute(
        """SELECT status, COUNT(*) AS n FROM (
               SELECT status, ROW_NUMBER() OVER (PARTITION BY provision_id ORDER BY date DESC, id DESC) AS k
               FROM status_changes WHERE provision_id NOT IN (SELECT provision_id FROM repeats))
           WHERE k = 1 GROUP BY status"""
    ):
        counts[r["status"]] += r["n"]
        changed += r["n"]
    counts["open"] += commitments_in_all - changed
    return counts
