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

from accords.links.renewals import Signature, likeness, same
from accords.store.commitments import commitments_of

MAX_EVENT_REPORTS = 20
"""How many of an event's earlier reports are read to link one: those that state a commitment first."""


def link_repeats(
    conn: sqlite3.Connection,
    document_id: str,
    rowid: int,
    event_id: int | None,
    own: list[tuple[int, Signature]],
) -> None:
    """Link each commitment (`own`: provision id, signature) of a stored document (its id and
    rowid) that an earlier report of its event made.

    "Earlier" is stored earlier (a lower rowid), so the link is the same whether it is made at
    ingest or when an older register is upgraded. Only the reports that state a commitment first
    are read (a report that only repeats others adds nothing to match); they are kept in
    `event_sources` as they are stored, so finding them is one index range however many reports
    an event has. Each earlier commitment is repeated at most once by one document: its best match.
    """
    if event_id is None:
        return
    earlier = [
        r[0]
        for r in conn.execute(
            """SELECT document_id FROM event_sources WHERE event_id = ? AND document_rowid < ?
               ORDER BY document_rowid LIMIT ?""",
            (event_id, rowid, MAX_EVENT_REPORTS),
        )
    ]
    read = commitments_of(conn, earlier)
    links = []
    if earlier:
        repeated = {
            r[0]
            for r in conn.execute(
                f"""SELECT r.provision_id FROM provisions p JOIN repeats r ON r.provision_id = p.id
                    WHERE p.document_id IN ({",".join("?" * len(earlier))})""",
                earlier,
            )
        }
        made = [(pid, p) for other in earlier for pid, p in read[other] if pid not in repeated]
        taken: set[int] = set()
        for pid, provision in own:
            matches = [
                (likeness(p, provision), -oid, oid) for oid, p in made if oid not in taken and same(p, provision)
            ]
            if matches:
                first = max(matches)[2]
                taken.add(first)
                links.append((pid, first))
        conn.executemany("INSERT INTO repeats (provision_id, first_id) VALUES (?, ?)", links)
    if len(links) < len(own):
        conn.execute(
            "INSERT INTO event_sources (event_id, document_rowid, document_id) VALUES (?, ?, ?)",
            (event_id, rowid, document_id),
        )
