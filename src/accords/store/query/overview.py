"""What the register holds, in counts: for its home page and for a first look from Python."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from accords.store.query.commitments import counted, status_counts
from accords.store.query.partners import side


@dataclass(frozen=True)
class Overview:
    """Documents, provisions, commitments (by current status), targets and partners, and the dates covered."""

    home: str | None
    documents: int
    provisions: int
    commitments: int
    targets: int
    pairs: int
    """Pairs of states that meet in documents (those of the home side, when there is one)."""
    first: str | None
    last: str | None
    languages: list[tuple[str, int]]
    statuses: dict[str, int]


def overview(conn: sqlite3.Connection, *, of: str | None = None) -> Overview:
    """Counts of what the register holds; pairs are those of `of` when given, else all."""
    row = conn.execute(
        """SELECT COUNT(*) AS documents, COALESCE(SUM(provision_count), 0) AS provisions,
                  MIN(date) AS first, MAX(date) AS last
           FROM documents"""
    ).fetchone()
    home = side(of)
    pairs = conn.execute(
        f"SELECT COUNT(*) FROM pairs WHERE {'a = ? OR b = ?' if home else '1'}", (home, home) if home else ()
    ).fetchone()[0]
    languages = conn.execute(
        """SELECT CASE WHEN instr(languages, ',') > 0 THEN substr(languages, 1, instr(languages, ',') - 1)
                       ELSE languages END AS language, COUNT(*) AS n
           FROM documents WHERE languages != '' GROUP BY language ORDER BY n DESC, language"""
    ).fetchall()
    return Overview(
        home=home,
        documents=row["documents"],
        provisions=row["provisions"],
        commitments=counted(conn),
        targets=conn.execute("SELECT COUNT(*) FROM targets").fetchone()[0],
        pairs=pairs,
        first=row["first"],
        last=row["last"],
        languages=[(r["language"], r["n"]) for r in languages],
        statuses=status_counts(conn),
    )


def version(conn: sqlite3.Connection) -> tuple[int, int]:
    """What changes whenever a document or a status change is added (the highest row ids), in two
    index look-ups: answers about the whole register can be kept until it changes."""
    row = conn.execute(
        "SELECT (SELECT COALESCE(MAX(rowid), 0) FROM documents),"
        " (SELECT COALESCE(MAX(id), 0) FROM status_changes)"
    ).fetchone()
    return int(row[0]), int(row[1])
