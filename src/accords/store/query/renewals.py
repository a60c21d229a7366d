"""A commitment's line from first mention to last, and what a pair's latest document added.

Reads the `renewals` links made at ingest (see `accords.store.renewals`): each later mention points
at the earlier one it renews, with how it changed.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from accords.errors import NotFound
from accords.store.query.sql import PARTIES, codes, row_id

MAX_LINE = 200
"""How many mentions one line may have, each way: a bound on a chain that a bug could make long."""


@dataclass(frozen=True)
class Mention:
    """One document's statement of a commitment, and how it changed the mention before it."""

    id: int
    document_id: str
    file: str | None
    date: str | None
    number: str | None
    language: str | None
    modality: str | None
    text: str
    change: str | None
    """None where nothing was compared (the pair's first document); new when the pair's earlier
    documents do not make it; repeated, strengthened, weakened or changed when one does"""
    reasons: str


_MENTION = """SELECT p.id, p.document_id, d.file, d.date, p.number, p.language, p.modality, p.text,
                     r.change, r.earlier_id, COALESCE(r.reasons, '') AS reasons
              FROM provisions p JOIN documents d ON d.id = p.document_id
              LEFT JOIN renewals r ON r.provision_id = p.id"""


def _mention(row: sqlite3.Row) -> Mention:
    return Mention(
        row["id"], row["document_id"], row["file"], row["date"], row["number"], row["language"],
        row["modality"], row["text"], row["change"], row["reasons"],
    )


def line(conn: sqlite3.Connection, commitment_id: int) -> list[Mention]:
    """Every mention of this commitment, oldest first: its earlier mentions and the later ones renewing it."""
    start = conn.execute(f"{_MENTION} WHERE p.id = ?", (row_id(commitment_id, "commitment"),)).fetchone()
    if start is None:
        raise NotFound(f"no commitment {commitment_id} in the register")
    before = [start]
    while before[0]["earlier_id"] is not None and len(before) < MAX_LINE:
        before.insert(0, conn.execute(f"{_MENTION} WHERE p.id = ?", (before[0]["earlier_id"],)).fetchone())
    after: list[sqlite3.Row] = []
    current = [start["id"]]
    while current and len(after) < MAX_LINE:
        rows = conn.execute(
            f"{_MENTION} WHERE r.earlier_id IN ({','.join('?' * len(current))}) ORDER BY d.date, p.id", current
        ).fetchall()
        after.extend(rows)
        current = [r["id"] for r in rows]
    return [_mention(r) for r in (*before, *after[:MAX_LINE])]


@dataclass(frozen=True)
class LatestVisit:
    """A pair's latest document, and each of its commitments as it stands to the pair's earlier ones."""

    document_id: str
    parties: list[str]
    changes: list[Mention]


def latest_changes(conn: sqlite3.Connection, parties: list[str]) -> LatestVisit | None:
    """What the pair's latest document made anew, renewed or changed; None when nothing was compared
    (the pair has met only once)."""
    key = sorted(parties)
    if len(key) < 2:
        return None
    rows = conn.execute(
        f"""SELECT d.id, {PARTIES} AS parties FROM document_countries fc JOIN documents d ON d.id = fc.document_id
            WHERE fc.country = ? AND fc.role = 'party' AND d.date IS NOT NULL
              AND EXISTS (SELECT 1 FROM provisions p JOIN renewals r ON r.provision_id = p.id
                          WHERE p.document_id = d.id)
            ORDER BY d.date DESC, d.rowid DESC LIMIT {MAX_LINE}""",
        (key[0],),
    ).fetchall()
    latest = next((r["id"] for r in rows if codes(r["parties"]) == key), None)
    if latest is None:
        return None
    found = conn.execute(f"{_MENTION} WHERE p.document_id = ? AND r.change IS NOT NULL ORDER BY p.ordinal", (latest,))
    return LatestVisit(latest, key, [_mention(r) for r in found])
