"""Partners: the states a register's side meets in documents, where each relationship stands,
and the commitments made with each by domain.

A register is read from one side's point of view: `home` names it (a setting), else the state
that is a party to the most documents. Its "partners" are the states it meets in documents.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from accords.errors import NotFound, QueryError
from accords.store import labels
from accords.store.query.sql import COMMITMENT
from accords.store.query.tables import Page
from accords.taxonomy import DOMAINS


def focal_country(conn: sqlite3.Connection) -> str | None:
    """The state whose relations the register follows by default: the party to the most documents."""
    row = conn.execute(
        """SELECT country FROM document_countries WHERE role = 'party'
           GROUP BY country ORDER BY COUNT(*) DESC, country LIMIT 1"""
    ).fetchone()
    return str(row["country"]) if row else None


def home(conn: sqlite3.Connection, of: str | None) -> str:
    """The side the register is read from: `of` if given, else `focal_country`."""
    if of is not None:
        return labels.country(of)
    found = focal_country(conn)
    if found is None:
        raise QueryError("the register is empty: run `accords ingest` first")
    return found


def counterpart(conn: sqlite3.Connection, country: str, of: str | None) -> tuple[str, str]:
    """The partner's code and the home side's; a QueryError when they are the same state."""
    code, side = labels.country(country), home(conn, of)
    if code == side:
        raise QueryError(f"{code} is the register's own side; name a partner of {side}")
    return code, side


@dataclass(frozen=True)
class Partner:
    """A counterpart state and where the relationship with it stands."""

    country: str
    level: str | None
    since: str | None
    upgraded: str | None
    """Date of the latest event at which the relationship was raised, if any document reports one."""
    relations_since: str | None
    documents: int
    commitments: int
    first: str | None
    last: str | None


PARTNERS_SQL = """
WITH pair AS MATERIALIZED (
    SELECT x.country AS partner, d.id, d.date, d.level, d.level_since, d.upgraded, d.event_start,
           d.relations_since, d.commitment_count
    FROM document_countries f
         JOIN document_countries x ON x.document_id = f.document_id AND x.role = 'party' AND x.country != f.country
         JOIN documents d ON d.id = f.document_id
    WHERE f.role = 'party' AND f.country = ?
),
latest AS (        -- the level the latest document with one states
    SELECT partner, level FROM (
        SELECT partner, level, ROW_NUMBER() OVER (PARTITION BY partner ORDER BY date DESC, id DESC) AS n
        FROM pair WHERE level IS NOT NULL AND level != 'none'
    ) WHERE n = 1
),
since AS (         -- for each level, the start the latest document that gives one states
    SELECT partner, level, level_since FROM (
        SELECT partner, level, level_since,
               ROW_NUMBER() OVER (PARTITION BY partner, level ORDER BY date DESC, id DESC) AS n
        FROM pair WHERE level_since IS NOT NULL
    ) WHERE n = 1
)
SELECT pair.partner, latest.level, since.level_since AS since,
       MAX(CASE WHEN pair.upgraded THEN COALESCE(pair.event_start, pair.date) END) AS upgraded,
       MIN(pair.relations_since) AS relations_since, COUNT(*) AS documents,
       SUM(pair.commitment_count) AS commitments, MIN(pair.date) AS first, MAX(pair.date) AS last
FROM pair LEFT JOIN latest ON latest.partner = pair.partner
          LEFT JOIN since ON since.partner = pair.partner AND since.level = latest.level
GROUP BY pair.partner ORDER BY pair.partner
"""


def partners(conn: sqlite3.Connection, *, of: str | None = None) -> Page[Partner]:
    """Every counterpart state: level now, since when, last upgrade, documents and commitments.

    The level is the one stated by the latest document that states one; "since" is that level's
    start as the latest document giving it says; "upgraded" the date of the latest event that
    raised the relationship.
    """
    return Page.whole(
        [
            Partner(
                country=r["partner"],
                level=r["level"],
                since=r["since"],
                upgraded=r["upgraded"],
                relations_since=r["relations_since"],
                documents=r["documents"],
                commitments=r["commitments"],
                first=r["first"],
                last=r["last"],
            )
            for r in conn.execute(PARTNERS_SQL, (home(conn, of),)).fetchall()
        ]
    )


def partner(conn: sqlite3.Connection, code: str, *, of: str | None = None) -> Partner:
    """One partner of the home side; NotFound when the code is unknown or no document is about it."""
    return find(partners(conn, of=of).items, code)


def find(found: list[Partner], code: str) -> Partner:
    """The partner `code` among `found` (a list from `partners`); NotFound when it is not there."""
    try:
        wanted = labels.country(code)
    except QueryError:
        raise NotFound(f"unknown country {code!r} (use an ISO code such as KR, RU, KZ)") from None
    for one in found:
        if one.country == wanted:
            return one
    raise NotFound(f"no documents about {wanted} as a partner in the register")


@dataclass(frozen=True)
class HeatMap:
    """Commitments with each partner in each domain, from the register's own side."""

    of: str
    partners: list[str]
    domains: list[str]
    counts: dict[str, dict[str, int]]
    """partner -> domain -> number of commitments (one under several domains counts in each)"""
    highest: int
    totals: dict[str, int]
    """partner -> number of commitments, each once (as `partners` and the register count them)"""


def heat_map(conn: sqlite3.Connection, *, of: str | None = None) -> HeatMap:
    """Partners (most commitments first) by domains (taxonomy order), counting commitments."""
    side = home(conn, of)
    rows = conn.execute(
        f"""SELECT x.country AS partner, pd.domain, COUNT(*) AS n
            FROM document_countries f
                 CROSS JOIN document_countries x ON x.document_id = f.document_id AND x.role = 'party'
                                                    AND x.country != f.country
                 CROSS JOIN provisions p ON p.document_id = f.document_id
                 CROSS JOIN provision_domains pd ON pd.provision_id = p.id
            WHERE f.role = 'party' AND f.country = ? AND {COMMITMENT}
            GROUP BY x.country, pd.domain""",
        (side,),
    ).fetchall()
    counts: dict[str, dict[str, int]] = {}
    for r in rows:
        counts.setdefault(r["partner"], {})[r["domain"]] = r["n"]
    totals = {p.country: p.commitments for p in partners(conn, of=side) if p.country in counts}
    found = sorted(counts, key=lambda code: (-totals.get(code, 0), -sum(counts[code].values()), code))
    used = {domain for cells in counts.values() for domain in cells}
    domains = [d for d in DOMAINS if d in used] + sorted(used - set(DOMAINS))
    highest = max((n for cells in counts.values() for n in cells.values()), default=0)
    return HeatMap(side, found, domains, counts, highest, totals)


def by_domain(conn: sqlite3.Connection, country: str, *, of: str | None = None) -> dict[str, dict[str, int]]:
    """Commitments with one partner, as domain -> modality -> count, domains in taxonomy order."""
    code, side = counterpart(conn, country, of)
    rows = conn.execute(
        f"""SELECT pd.domain, p.modality, COUNT(*) AS n
            FROM document_countries f
                 CROSS JOIN document_countries x ON x.document_id = f.document_id AND x.role = 'party'
                                                    AND x.country = ?
                 CROSS JOIN provisions p ON p.document_id = f.document_id
                 CROSS JOIN provision_domains pd ON pd.provision_id = p.id
            WHERE f.role = 'party' AND f.country = ? AND {COMMITMENT}
            GROUP BY pd.domain, p.modality""",
        (code, side),
    ).fetchall()
    found: dict[str, dict[str, int]] = {}
    for r in rows:
        found.setdefault(r["domain"], {})[r["modality"]] = r["n"]
    order = {d: i for i, d in enumerate(DOMAINS)}
    return dict(sorted(found.items(), key=lambda item: (order.get(item[0], len(order)), item[0])))
