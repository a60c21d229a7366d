"""Renewals of commitments, found at ingest and kept in `renewals`.

When a document between a pair of states is stored, each of its commitments is compared with the
commitments of the same pair's earlier documents (not reports of the same event, which state it
once between them), newest first; the first document with a match gives the earlier mention (see
`accords.links.renewals`). A commitment with no match, in a pair that met before, is `new`. The
work is bounded by the pair: only its documents are read, and only those dated from the new one on
are linked again, so a document stored late (an older statement found afterwards) also becomes the
earlier mention of the later ones.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from accords.links.renewals import likeness, renewal, same_commitment
from accords.model import Provision, Record
from accords.store.repeats import commitments_of

MAX_PAIR_DOCUMENTS = 400
"""How many of a pair's documents are read to link one: the latest, by date."""


@dataclass(frozen=True)
class _Document:
    id: str
    date: str
    event_id: int | None
    commitments: list[tuple[int, Provision]]


def link_renewals(
    conn: sqlite3.Connection, record: Record, load: Callable[[sqlite3.Connection, str], Record]
) -> None:
    """Link the commitments of a just-stored record, and of the pair's later documents, to earlier mentions."""
    date = record.event.start or record.source.published
    if len(record.parties) < 2 or date is None:
        return
    pair = _pair_documents(conn, sorted(record.parties), load)
    for index, document in enumerate(pair):
        if document.date < date:
            continue
        earlier = [d for d in pair[:index] if d.date < document.date and not _same_event(d, document)]
        ids = [pid for pid, _ in document.commitments]
        conn.execute(f"DELETE FROM renewals WHERE provision_id IN ({','.join('?' * len(ids))})", ids)
        if earlier:
            conn.executemany(
                "INSERT INTO renewals (provision_id, earlier_id, change, reasons) VALUES (?, ?, ?, ?)",
                [(pid, *_earlier_mention(p, earlier)) for pid, p in document.commitments],
            )


def _same_event(a: _Document, b: _Document) -> bool:
    return a.event_id is not None and a.event_id == b.event_id


def _earlier_mention(provision: Provision, earlier: list[_Document]) -> tuple[int | None, str, str]:
    """(earlier provision id, change, reasons) for one commitment: the newest document that made it."""
    for document in reversed(earlier):
        matches = [
            (likeness(p, provision), pid, p)
            for pid, p in document.commitments
            if same_commitment(p, provision)
        ]
        if matches:
            _, pid, best = max(matches, key=lambda m: (m[0], -m[1]))
            found = renewal(best, provision)
            return pid, found.change, "; ".join(found.reasons)
    return None, "new", ""


def _pair_documents(
    conn: sqlite3.Connection, parties: list[str], load: Callable[[sqlite3.Connection, str], Record]
) -> list[_Document]:
    """The dated documents of exactly these parties, oldest first, with their commitments."""
    rows = conn.execute(
        """SELECT d.id, d.date, d.event_id,
                  (SELECT group_concat(country, ',') FROM (SELECT country FROM document_countries
                    WHERE document_id = d.id AND role = 'party' ORDER BY country)) AS parties
           FROM document_countries fc JOIN documents d ON d.id = fc.document_id
           WHERE fc.country = ? AND fc.role = 'party' AND d.date IS NOT NULL
           ORDER BY d.date DESC, d.rowid DESC LIMIT ?""",
        (parties[0], MAX_PAIR_DOCUMENTS),
    ).fetchall()
    key = ",".join(parties)
    found = []
    for row in reversed(rows):
        if row["parties"] != key:
            continue
        found.append(
            _Document(row["id"], row["date"], row["event_id"], commitments_of(conn, row["id"], load))
        )
    return found
