"""Two stored documents as versions of one text: their provisions aligned, with where they disagree.

Computed when asked (see `accords.links.versions`): two records are read, nothing is stored.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from accords.errors import QueryError
from accords.links.versions import Disagreement, align, are_versions
from accords.store.database import load_record
from accords.store.query.documents import find


@dataclass(frozen=True)
class Side:
    document_id: str
    file: str | None
    language: str | None


@dataclass(frozen=True)
class Row:
    """One provision in both versions, and what they say differently."""

    number: str | None
    first: str
    second: str
    first_modality: str | None
    second_modality: str | None
    disagreements: list[Disagreement]


@dataclass(frozen=True)
class Diff:
    first: Side
    second: Side
    rows: list[Row]

    @property
    def disagreements(self) -> int:
        return sum(len(r.disagreements) for r in self.rows)


def diff(conn: sqlite3.Connection, first: str, second: str) -> Diff:
    """Two documents (ids, prefixes or file names) aligned; a QueryError when they are not versions of one text."""
    rows = [find(conn, ref) for ref in (first, second)]
    a, b = (load_record(conn, r["id"]) for r in rows)
    if not are_versions(a, b):
        raise QueryError(
            f"{rows[0]['file'] or a.id} and {rows[1]['file'] or b.id} are not versions of one text"
            " (same parties and event dates, other languages, provisions numbered alike)"
        )
    sides = [Side(r["id"], r["file"], rec.languages[0]) for r, rec in zip(rows, (a, b), strict=True)]
    return Diff(
        sides[0],
        sides[1],
        [
            Row(
                a.provisions[x.first].number,
                a.provisions[x.first].text,
                b.provisions[x.second].text,
                a.provisions[x.first].modality,
                b.provisions[x.second].modality,
                x.disagreements,
            )
            for x in align(a, b)
        ],
    )
