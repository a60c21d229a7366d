"""Renewals of commitments, found at ingest and kept in `renewals`.

When a document between a pair of states is stored, each of its commitments is compared with the
commitments of the same pair's earlier documents (not reports of the same event, which state it
once between them), newest first; the first document with a match gives the earlier mention (see
`accords.links.renewals`). A commitment with no match, in a pair that met before, is `new`.

The work is bounded by the pair and by what can change. The commitments compared are signatures
read from rows (`store.commitments`), a page of documents at a time, newest first, until each of
the new document's commitments has found its match. A document stored late (an older statement
found afterwards) can only become the earlier mention of a later document's commitment whose
present one is not newer than it, so only those are compared with it, not every later document
relinked from scratch.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from accords.links.renewals import Signature, change, likeness, same
from accords.model import Record
from accords.store.commitments import IN_COMMITMENTS, commitments_of
from accords.store.labels import COMMITMENT_MODALITIES

MAX_PAIR_DOCUMENTS = 400
"""How many of a pair's documents are read to link one: the latest, by date."""

PAGE = 20
"""How many earlier documents are read at a time while some commitment has found no match."""


@dataclass(frozen=True)
class _Document:
    id: str
    date: str
    event_id: int | None


def link_renewals(conn: sqlite3.Connection, record: Record) -> None:
    """Link the commitments of a just-stored record to earlier mentions, and its own commitments as
    the earlier mention of the pair's later documents where it is the newest that makes them."""
    date = record.event.start or record.source.published
    if len(record.parties) < 2 or date is None:
        return
    pair = _pair_documents(conn, sorted(record.parties))
    stored = next((d for d in pair if d.id == record.id), None)
    if stored is None:
        return
    own = commitments_of(conn, [record.id])[record.id]
    earlier = [d for d in pair if d.date < date and not _same_event(d, stored)]
    if earlier and own:
        conn.executemany(
            "INSERT INTO renewals (provision_id, earlier_id, change, reasons) VALUES (?, ?, ?, ?)",
            [(pid, *found) for pid, found in _earliest_mentions(conn, own, earlier[::-1])],
        )
    later = [d for d in pair if d.date > date and not _same_event(d, stored)]
    if later:
        _relink_later(conn, stored, own, later)


def _same_event(a: _Document, b: _Document) -> bool:
    return a.event_id is not None and a.event_id == b.event_id


def _best(matches: list[tuple[int, Signature]], commitment: Signature) -> tuple[int, Signature] | None:
    """Of one document's commitments, the one that `commitment` makes again and is most like it."""
    found = [(likeness(s, commitment), -pid, pid, s) for pid, s in matches if same(s, commitment)]
    if not found:
        return None
    _, _, pid, best = max(found, key=lambda m: (m[0], m[1]))
    return pid, best


def _mention(pid: int, earlier: Signature, later: Signature) -> tuple[int, str, str]:
    found = change(earlier, later)
    return pid, found.change, "; ".join(found.reasons)


def _earliest_mentions(
    conn: sqlite3.Connection, own: list[tuple[int, Signature]], newest_first: list[_Document]
) -> list[tuple[int, tuple[int | None, str, str]]]:
    """(provision id, (earlier provision id, change, reasons)) for each commitment: the newest
    earlier document that made it, read a page of documents at a time until each has one."""
    found: dict[int, tuple[int | None, str, str]] = {}
    for start in range(0, len(newest_first), PAGE):
        page = newest_first[start : start + PAGE]
        read = commitments_of(conn, [d.id for d in page])
        for document in page:
            for pid, commitment in own:
                if pid in found:
                    continue
                best = _best(read[document.id], commitment)
                if best is not None:
                    found[pid] = _mention(best[0], best[1], commitment)
        if len(found) == len(own):
            break
    return [(pid, found.get(pid, (None, "new", ""))) for pid, _ in own]


def _relink_later(
    conn: sqlite3.Connection, stored: _Document, own: list[tuple[int, Signature]], later: list[_Document]
) -> None:
    """Make the stored document the earlier mention of the later documents' commitments that it
    makes and whose present earlier mention is not newer (an earlier date; on the same date, the
    document stored last is the newer). A later document that had no earlier one gets a row for
    each of its commitments, `new` where the stored document does not make it."""
    ids = [d.id for d in later]
    marks = ",".join("?" * len(ids))
    present = {
        r[0]: r[1]
        for r in conn.execute(
            f"""SELECT r.provision_id, COALESCE(ed.date, '') FROM provisions p
                JOIN renewals r ON r.provision_id = p.id
                LEFT JOIN provisions e ON e.id = r.earlier_id LEFT JOIN documents ed ON ed.id = e.document_id
                WHERE p.document_id IN ({marks})""",
            ids,
        )
    }
    open_to_it = {
        document_id
        for pid, document_id in conn.execute(
            f"SELECT p.id, p.document_id FROM provisions p WHERE p.document_id IN ({marks}) AND {IN_COMMITMENTS}",
            (*ids, *COMMITMENT_MODALITIES),
        )
        if present.get(pid, "") <= stored.date
    }
    read = commitments_of(conn, [d for d in ids if d in open_to_it])
    rows: list[tuple[int, int | None, str, str]] = []
    for commitments in read.values():
        for pid, commitment in commitments:
            if present.get(pid, "") > stored.date:
                continue
            best = _best(own, commitment) if own else None
            if best is not None:
                rows.append((pid, *_mention(best[0], best[1], commitment)))
            elif pid not in present:
                rows.append((pid, None, "new", ""))
    conn.executemany(
        "INSERT OR REPLACE INTO renewals (provision_id, earlier_id, change, reasons) VALUES (?, ?, ?, ?)", rows
    )


def _pair_documents(conn: sqlite3.Connection, parties: list[str]) -> list[_Document]:
    """The dated documents of exactly these parties, oldest first (by date, then as stored)."""
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
    return [_Document(r["id"], r["date"], r["event_id"]) for r in reversed(rows) if r["parties"] == key]
