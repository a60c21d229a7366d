"""How far each target has come: the measurements (figures already reached) of the same parties,
metric and unit, and whether the rate so far reaches the target by its deadline.

The rate is a straight line through the earliest and the latest dated reading; a reading without
a year of its own ("so far", "currently") counts for the year of its document. One reading gives
how far along, not whether on track.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from accords.store.query.sql import PARTIES, codes
from accords.store.query.targets import TargetRow

MAX_READINGS = 200
"""How many measurements of one metric between one pair are read for a target."""


@dataclass(frozen=True)
class Reading:
    """One figure reached, in one year, and the provision that reports it."""

    year: int
    amount: float
    provision_id: int
    document_id: str


@dataclass(frozen=True)
class Progress:
    """A target against the figures reached: `share` of the target at the latest reading, the
    amount `projected` for the deadline at the rate so far, and whether that is `on_track`."""

    target_id: int
    readings: list[Reading]
    share: float | None
    projected: float | None
    on_track: bool | None
    """None when it cannot be told: fewer than two years read, or no deadline"""


def progress(conn: sqlite3.Connection, target: TargetRow) -> Progress:
    """How far one target has come (see the module's rule)."""
    readings = _readings(conn, target) if target.metric else []
    if not readings:
        return Progress(target.id, [], None, None, None)
    first, last = readings[0], readings[-1]
    share = last.amount / target.amount if target.amount else None
    if last.amount >= target.amount:
        return Progress(target.id, readings, share, last.amount, True)
    if target.year is None or last.year == first.year or last.year >= target.year:
        return Progress(target.id, readings, share, None, False if target.year and last.year >= target.year else None)
    rate = (last.amount - first.amount) / (last.year - first.year)
    projected = last.amount + rate * (target.year - last.year)
    return Progress(target.id, readings, share, projected, projected >= target.amount)


def _readings(conn: sqlite3.Connection, target: TargetRow) -> list[Reading]:
    """The pair's readings of the target's metric and unit, one per year (the latest report's), oldest first."""
    rows = conn.execute(
        f"""SELECT m.amount, COALESCE(m.year, CAST(substr(d.date, 1, 4) AS INTEGER)) AS year, p.id AS provision_id,
                   p.document_id, {PARTIES} AS parties
            FROM measurements m JOIN provisions p ON p.id = m.provision_id JOIN documents d ON d.id = p.document_id
            WHERE m.metric = ? AND m.unit = ?
              AND EXISTS (SELECT 1 FROM document_countries c WHERE c.document_id = d.id AND c.role = 'party'
                          AND c.country = ?)
            ORDER BY d.date, m.id LIMIT ?""",
        (target.metric, target.unit, target.parties[0] if target.parties else "", MAX_READINGS),
    ).fetchall()
    by_year = {
        r["year"]: Reading(r["year"], r["amount"], r["provision_id"], r["document_id"])
        for r in rows
        if r["year"] is not None and codes(r["parties"]) == target.parties
    }
    return [by_year[y] for y in sorted(by_year)]
