"""A relationship in date order: relations established, levels, visits, upgrades, statements."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from accords.errors import NotFound
from accords.store.query.partners import counterpart
from accords.store.query.sql import PARTIES, codes
from accords.store.query.tables import Page


def _documents(conn: sqlite3.Connection, code: str, home: str | None) -> list[sqlite3.Row]:
    """Documents with `code` (and `home`, if given) among the parties, oldest first."""
    pair = (
        "JOIN document_countries x ON x.document_id = f.document_id AND x.role = 'party' AND x.country = ?"
        if home
        else ""
    )
    return conn.execute(
        f"""SELECT d.id, d.file, d.date, d.doc_type, d.title, d.event_id, d.level, d.level_since, d.upgraded,
                   d.relations_since, d.event_kind, d.event_start, {PARTIES} AS parties
            FROM document_countries f {pair} JOIN documents d ON d.id = f.document_id
            WHERE f.role = 'party' AND f.country = ?
            ORDER BY d.date IS NULL, d.date, d.id""",
        (home, code) if home else (code,),
    ).fetchall()


_TIMELINE_ORDER = ("relations", "level", "visit", "upgrade", "statement", "report")


@dataclass(frozen=True)
class TimelineEntry:
    """One dated step in a relationship: relations established, a level, a visit, an upgrade, a statement."""

    date: str | None
    kind: str
    summary: str
    documents: list[str]
    parties: list[str]
    """The states of the relationship (or of the event) this step is in."""


def timeline(conn: sqlite3.Connection, country: str, *, of: str | None = None) -> Page[TimelineEntry]:
    """A country's relationships in date order (only the one with `of`, if given), each step with
    the documents that report it."""
    code, home = counterpart(country, of)
    rows = _documents(conn, code, home)
    if not rows:
        raise NotFound(f"no documents about {' and '.join(filter(None, (home, code)))} in the register")
    entries: list[TimelineEntry] = []
    entries += _milestones(rows, "relations_since", "relations", lambda r: "diplomatic relations established")
    entries += _milestones(
        [r for r in rows if not r["upgraded"]],
        "level_since",
        "level",
        lambda r: f"{_label(r['level'])} in force",
        key=lambda r: (r["level_since"], r["level"]),
    )
    for event_id, reports in _group(rows, "event_id").items():
        if event_id is None:
            continue
        event = conn.execute(
            'SELECT kind, start, "end", guest, host FROM events WHERE id = ?', (event_id,)
        ).fetchone()
        entries.append(
            TimelineEntry(
                event["start"],
                "visit",
                _event_summary(event),
                [r["id"] for r in reports],
                _parties(reports[0]),
            )
        )
        entries += [
            TimelineEntry(
                r["event_start"] or r["date"],
                "upgrade",
                f"relations raised to {_label(r['level'])}",
                [r["id"]],
                _parties(r),
            )
            for r in reports
            if r["upgraded"]
        ]
    for row in rows:
        if row["doc_type"] == "joint_statement":
            entries.append(
                TimelineEntry(
                    row["date"], "statement", row["title"] or "joint statement", [row["id"]], _parties(row)
                )
            )
        elif row["event_id"] is None:
            entries.append(
                TimelineEntry(
                    row["date"], "report", row["title"] or _label(row["doc_type"]), [row["id"]], _parties(row)
                )
            )
    return Page.whole(
        sorted(entries, key=lambda e: (e.date is None, e.date or "", _TIMELINE_ORDER.index(e.kind)))
    )


def _group(rows: list[sqlite3.Row], column: str) -> dict[object, list[sqlite3.Row]]:
    grouped: dict[object, list[sqlite3.Row]] = defaultdict(list)
    for row in rows:
        grouped[row[column]].append(row)
    return grouped


def _milestones(
    rows: list[sqlite3.Row],
    column: str,
    kind: str,
    describe: Callable[[sqlite3.Row], str],
    key: Callable[[sqlite3.Row], object] | None = None,
) -> list[TimelineEntry]:
    """One entry per distinct dated fact of a pair (the date in `column`), citing every document that states it."""
    found: dict[object, tuple[sqlite3.Row, list[str]]] = {}
    for row in rows:
        if row[column]:
            fact = (row["parties"], key(row) if key else row[column])
            found.setdefault(fact, (row, []))[1].append(row["id"])
    return [
        TimelineEntry(row[column], kind, describe(row), ids, _parties(row)) for row, ids in found.values()
    ]


def _parties(row: sqlite3.Row) -> list[str]:
    return codes(row["parties"])


def _event_summary(event: sqlite3.Row) -> str:
    kind = _label(event["kind"] or "event")
    who = f"{event['guest']} to {event['host']}" if event["guest"] and event["host"] else ""
    when = event["start"] if event["end"] in (None, event["start"]) else f"{event['start']} to {event['end']}"
    return " ".join(part for part in (kind, who, f"({when})" if when else "") if part)


def _label(value: str | None) -> str:
    return (value or "").replace("_", " ")
