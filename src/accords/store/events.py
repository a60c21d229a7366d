"""The same event reported by several documents: recognised and linked, each report kept.

A Norwegian and a German report of one visit, or a joint statement and a news report of the talks,
describe one event. Each document keeps its own reading of the event in its record; the `events`
table holds the event they share, and `documents.event_id` links each report to it. Two reports
are of one event when they are about the same parties and their dates overlap (a press conference
on 11 August falls inside a state visit from 10 to 13 August), and they do not name different
visiting states.
"""

from __future__ import annotations

import sqlite3

from accords.model import Record

_KIND_RANK = (
    "state_visit",
    "official_visit",
    "working_visit",
    "summit",
    "talks",
    "press_conference",
    "phone_call",
    "other",
)
"""Which kind names the shared event best: the visit a press conference happened during, not the reverse."""


def _rank(kind: str | None) -> int:
    return _KIND_RANK.index(kind) if kind in _KIND_RANK else len(_KIND_RANK)


def link_event(conn: sqlite3.Connection, record: Record) -> int | None:
    """The id of the event this record reports, found among stored ones or newly added.

    None when the record names no event (neither kind nor date). An event without a date is
    never linked to another: nothing says that it is the same one.
    """
    event = record.event
    if event.kind is None and event.start is None:
        return None
    parties = ",".join(sorted(record.parties))
    start = event.start
    end = event.end or event.start
    guest = event.guest.country if event.guest else None
    host = event.host.country if event.host else None
    if start is not None and end is not None:
        candidates = conn.execute(
            """SELECT id, kind, start, "end", guest, host FROM events
               WHERE parties = ? AND start <= ? AND "end" >= ? ORDER BY start, id""",
            (parties, end, start),
        ).fetchall()
        for row in candidates:
            if guest and row["guest"] and guest != row["guest"]:
                continue
            _widen(conn, row, event.kind, start, end, guest, host)
            return int(row["id"])
    cursor = conn.execute(
        'INSERT INTO events (parties, kind, start, "end", guest, host) VALUES (?, ?, ?, ?, ?, ?)',
        (parties, event.kind, start, end, guest, host),
    )
    return int(cursor.lastrowid or 0)


def _widen(
    conn: sqlite3.Connection,
    row: sqlite3.Row,
    kind: str | None,
    start: str,
    end: str,
    guest: str | None,
    host: str | None,
) -> None:
    """Grow the shared event by what one more report says of it."""
    conn.execute(
        'UPDATE events SET kind = ?, start = ?, "end" = ?, guest = ?, host = ? WHERE id = ?',
        (
            kind if _rank(kind) < _rank(row["kind"]) else row["kind"],
            min(start, row["start"]),
            max(end, row["end"]),
            row["guest"] or guest,
            row["host"] or host,
            row["id"],
        ),
    )
