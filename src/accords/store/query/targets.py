"""Quantified targets (trade, loans, students ...) with the provision and document each comes from."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from accords.errors import QueryError
from accords.store import labels
from accords.store.query.filters import Filters, Window
from accords.store.query.sql import CURRENT_STATUS, PARTIES, Where, codes, rarest_parties_first
from accords.store.query.tables import Page

SAME_TARGET = "COALESCE('e' || d.event_id, 'd' || d.id), t.amount, t.unit, t.year"
"""What makes two rows one target: the same amount, unit and year in reports of the same event
(or in one document), however each report names the metric."""
FILTERS = ("parties", "domain", "modality", "language", "status", "since", "until")


@dataclass(frozen=True)
class TargetRow:
    """A quantified target, with the provision and document it comes from."""

    id: int
    provision_id: int
    document_id: str
    file: str | None
    parties: list[str]
    metric: str | None
    amount: float
    unit: str
    year: int | None
    modality: str | None
    number: str | None
    status: str | None
    sources: list[str]
    """Every document that states this target: reports of one event state it once between them."""


def targets(
    conn: sqlite3.Connection,
    filters: Filters | None = None,
    window: Window | None = None,
    *,
    due_before: str | None = None,
    due_from: int | None = None,
) -> Page[TargetRow]:
    """Targets by deadline, nearest first, within the filters (the dates are the documents').

    A target for a year falls due at that year's end, so `due_before` 2031 keeps those due by the
    end of 2030, and `due_before` a date the years that end before it; `due_from` keeps those due
    in that year or later. Targets without a year are left out when a deadline is asked for.
    """
    wanted = (filters or Filters()).checked().only(FILTERS, "targets")
    wanted = rarest_parties_first(conn, wanted)
    window = (window or Window(limit=None)).checked()
    where, source = (
        Where(),
        "targets t JOIN provisions p ON p.id = t.provision_id JOIN documents d ON d.id = p.document_id",
    )
    if wanted.parties:
        # From the first party's few documents to their targets, not through every target or provision.
        source = (
            "document_countries fc CROSS JOIN targets t ON t.document_id = fc.document_id"
            " CROSS JOIN provisions p ON p.id = t.provision_id CROSS JOIN documents d ON d.id = p.document_id"
        )
        where.add("fc.country = ? AND fc.role = 'party'", wanted.parties[0])
    if due_before is not None:
        bound = labels.date(due_before)
        where.add("t.year IS NOT NULL AND printf('%04d-12-31', t.year) < ?", (bound + "-01-01")[:10])
    if due_from is not None:
        if not 0 < due_from < 10_000:
            raise QueryError(f"bad year {due_from} (use four digits, such as 2030)")
        where.add("t.year >= ?", due_from)
    where.documents(wanted, skip_parties=1).provisions(wanted)
    total = conn.execute(
        f"SELECT COUNT(*) FROM (SELECT 1 FROM {source} WHERE {where.sql} GROUP BY {SAME_TARGET})",
        where.params,
    ).fetchone()[0]
    rows = conn.execute(
        # With MIN(), SQLite takes the other columns from the row that has the minimum: the first
        # document's target stands for the event's.
        f"""SELECT MIN(t.id) AS id, t.provision_id, p.document_id, d.file, {PARTIES} AS parties, t.metric,
                   t.amount, t.unit, t.year, p.modality, p.number, {CURRENT_STATUS} AS status,
                   group_concat(DISTINCT p.document_id) AS sources
            FROM {source} WHERE {where.sql} GROUP BY {SAME_TARGET}
            ORDER BY t.year IS NULL, t.year, t.amount DESC, d.date, id LIMIT ? OFFSET ?""",
        [*where.params, window.rows, window.offset],
    ).fetchall()
    return Page([_target(r) for r in rows], total, window.limit, window.offset)


def _target(r: sqlite3.Row) -> TargetRow:
    return TargetRow(
        id=r["id"],
        provision_id=r["provision_id"],
        document_id=r["document_id"],
        file=r["file"],
        parties=codes(r["parties"]),
        metric=r["metric"],
        amount=r["amount"],
        unit=r["unit"],
        year=r["year"],
        modality=r["modality"],
        number=r["number"],
        status=r["status"] if r["modality"] in labels.COMMITMENT_MODALITIES else None,
        sources=codes(r["sources"]),
    )
