"""Commitments that several reports of one event state: linked, so that each is counted once.

A joint statement and a news report of the same visit (see `store.events`) often state the same
commitments, in other words or another language. When a document is stored, each of its
commitments is compared with those of the event's reports stored before it (`same`, the rule
renewals use, on signatures read from rows), and one that matches is kept in `repeats` with the
commitment it repeats. The first report stands for the event: counts leave the repeats out, and list both documents as the
commitment's sources. The work is bounded by the event's few reports.
"""

from __future__ import annotations

import sqlite3

from accords.links.renewals import likeness, same
from accords.store.commitments import commitments_of
from accords.store.labels import COMMITMENT_MODALITIES

MAX_EVENT_REPORTS = 20
"""How many of an event's earlier reports are read to link one: those that state a commitment first."""


def link_repeats(conn: sqlite3.Connection, document_id: str, event_id: int | None) -> None:
    """Link each commitment of a stored document that an earlier report of its event made.

    "Earlier" is stored earlier (a lower rowid), so the link is the same whether it is made at
    ingest or when an older register is upgraded. Only the reports that state a commitment first
    are read (a report that only repeats others adds nothing to match), so the work stays bounded
    however many reports an event has. Each earlier commitment is repeated at most once by one
    document: its best match.
    """
    if event_id is None:
        return
    earlier = conn.execute(
        f"""SELECT p.document_id FROM documents d JOIN provisions p ON p.document_id = d.id
            WHERE d.event_id = ? AND d.rowid < (SELECT rowid FROM documents WHERE id = ?)
            AND p.modality IN ({",".join("?" * len(COMMITMENT_MODALITIES))})
            AND p.id NOT IN (SELECT provision_id FROM repeats)
            GROUP BY p.document_id ORDER BY MIN(d.rowid) LIMIT ?""",
        (event_id, document_id, *COMMITMENT_MODALITIES, MAX_EVENT_REPORTS),
    ).fetchall()
    if not earlier:
        return
    repeated = {
        r[0]
        for r in conn.execute(
            """SELECT r.provision_id FROM repeats r JOIN provisions p ON p.id = r.provision_id
               JOIN documents d ON d.id = p.document_id WHERE d.event_id = ?""",
            (event_id,),
        )
    }
    read = commitments_of(conn, [row[0] for row in earlier] + [document_id])
    made = [(pid, p) for row in earlier for pid, p in read[row[0]] if pid not in repeated]
    taken: set[int] = set()
    links = []
    for pid, provision in read[document_id]:
        matches = [
            (likeness(p, provision), -oid, oid)
            for oid, p in made
            if oid not in taken and same(p, provision)
        ]
        if matches:
            first = max(matches)[2]
            taken.add(first)
            links.append((pid, first))
    conn.executemany("INSERT INTO repeats (provision_id, first_id) VALUES (?, ?)", links)
