"""Pairs of states: where each relationship stands, and the commitments made in it by domain.

The register is about any pair of states that meet in its documents, with no home country built
in. A home side may be chosen (`--home VN`, a setting): then "partners" are the states it meets,
each pair seen from its side. Without one, every pair is listed once, its codes in order.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from accords.errors import NotFound, QueryError
from accords.store import labels
from accords.store.query.sql import COMMITMENT
from accords.store.query.tables import Page
from accords.taxonomy import DOMAINS


def side(of: str | None) -> str | None:
    """The home side as a checked code, or None for none."""
    return labels.country(of) if of else None


def counterpart(country: str, of: str | None) -> tuple[str, str | None]:
    """A country's code and the home side's (None when there is none); a QueryError when they are one."""
    code, home = labels.country(country), side(of)
    if code == home:
        raise QueryError(f"{code} is the home side; name a partner of {home}")
    return code, home


@dataclass(frozen=True)
class Partner:
    """A pair of states, `of` and `country`, and where their relationship stands."""

    of: str
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
    SELECT f.country AS side, x.country AS partner, d.id, d.date, d.level, d.level_since, d.upgraded,
           d.event_start, d.relations_since, d.commitment_count
    FROM document_countries f
         JOIN document_countries x ON x.document_id = f.document_id AND x.role = 'party' AND x.country != f.country
         JOIN documents d ON d.id = f.document_id
    WHERE f.role = 'party' AND {sides}
),
latest AS (        -- the level the latest document with one states
    SELECT side, partner, level FROM (
        SELECT side, partner, level,
               ROW_NUMBER() OVER (PARTITION BY side, partner ORDER BY date DESC, id DESC) AS n
        FROM pair WHERE level IS NOT NULL AND level != 'none'
    ) WHERE n = 1
),
since AS (         -- for each level, the start the latest document that gives one states
    SELECT side, partner, level, level_since FROM (
        SELECT side, partner, level, level_since,
               ROW_NUMBER() OVER (PARTITION BY side, partner, level ORDER BY date DESC, id DESC) AS n
        FROM pair WHERE level_since IS NOT NULL
    ) WHERE n = 1
)
SELECT pair.side, pair.partner, latest.level, since.level_since AS since,
       MAX(CASE WHEN pair.upgraded THEN COALESCE(pair.event_start, pair.date) END) AS upgraded,
       MIN(pair.relations_since) AS relations_since, COUNT(*) AS documents,
       SUM(pair.commitment_count) AS commitments, MIN(pair.date) AS first, MAX(pair.date) AS last
FROM pair LEFT JOIN latest ON latest.side = pair.side AND latest.partner = pair.partner
          LEFT JOIN since ON since.side = pair.side AND since.partner = pair.partner
                         AND since.level = latest.level
GROUP BY pair.side, pair.partner ORDER BY pair.side, pair.partner
"""


def partners(conn: sqlite3.Connection, *, of: str | None = None) -> Page[Partner]:
    """Every pair of `of` (the home side) with another state, or every pair in the register without
    one: level now, since when, last upgrade, documents and commitments.

    The level is the one stated by the latest document that states one; "since" is that level's
    start as the latest document giving it says; "upgraded" the date of the latest event that
    raised the relationship.
    """
    return Page.whole(
        [
            Partner(
                of=r["side"],
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
            for r in conn.execute(*_sides(of)).fetchall()
        ]
    )


def _sides(of: str | None) -> tuple[str, tuple[str, ...]]:
    home = side(of)
    if home is None:
        return PARTNERS_SQL.format(sides="f.country < x.country"), ()
    return PARTNERS_SQL.format(sides="f.country = ?"), (home,)


def partner(conn: sqlite3.Connection, code: str, *, of: str | None = None) -> Partner:
    """The pair of `of` and `code` (or the first pair with `code` without `of`); NotFound when no
    document is about it."""
    return find(partners(conn, of=of).items, code)


def find(found: list[Partner], code: str) -> Partner:
    """The pair with `code` among `found` (a list from `partners`); NotFound when it is not there."""
    try:
        wanted = labels.country(code)
    except QueryError:
        raise NotFound(f"unknown country {code!r} (use an ISO code such as KR, RU, KZ)") from None
    for one in found:
        if wanted in (one.country, one.of):
            return one
    raise NotFound(f"no documents about {wanted} in the register")


@dataclass(frozen=True)
class HeatRow:
    """Commitments in one pair of states, by domain."""

    of: str
    country: str
    counts: dict[str, int]
    """domain -> commitments (one under several domains counts in each)"""
    total: int
    """commitments, each once (as `partners` and the register count them)"""


@dataclass(frozen=True)
class HeatMap:
    """Commitments in each pair (of the home side, or all) by domain."""

    of: str | None
    rows: list[HeatRow]
    domains: list[str]
    highest: int


def heat_map(conn: sqlite3.Connection, *, of: str | None = None) -> HeatMap:
    """Pairs (most commitments first) by domains (taxonomy order), counting commitments."""
    sql, params = _sides(of)
    pairs = conn.execute(sql, params).fetchall()
    sides = "f.country = ?" if params else "f.country < x.country"
    found = conn.execute(
        f"""SELECT f.country AS side, x.country AS partner, pd.domain, COUNT(*) AS n
            FROM document_countries f
                 CROSS JOIN document_countries x ON x.document_id = f.document_id AND x.role = 'party'
                                                    AND x.country != f.country
                 CROSS JOIN provisions p ON p.document_id = f.document_id
                 CROSS JOIN provision_domains pd ON pd.provision_id = p.id
            WHERE f.role = 'party' AND {sides} AND {COMMITMENT}
            GROUP BY f.country, x.country, pd.domain""",
        params,
    ).fetchall()
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for r in found:
        counts.setdefault((r["side"], r["partner"]), {})[r["domain"]] = r["n"]
    rows = [
        HeatRow(r["side"], r["partner"], counts[(r["side"], r["partner"])], r["commitments"])
        for r in pairs
        if (r["side"], r["partner"]) in counts
    ]
    rows.sort(key=lambda row: (-row.total, row.of, row.country))
    used = {domain for row in rows for domain in row.counts}
    domains = [d for d in DOMAINS if d in used] + sorted(used - set(DOMAINS))
    highest = max((n for row in rows for n in row.counts.values()), default=0)
    return HeatMap(side(of), rows, domains, highest)


def by_domain(conn: sqlite3.Connection, country: str, *, of: str | None = None) -> dict[str, dict[str, int]]:
    """Commitments in a country's documents (with `of` only, if given), as domain -> modality -> count."""
    code, home = counterpart(country, of)
    pair = (
        "CROSS JOIN document_countries x ON x.document_id = f.document_id AND x.role = 'party' AND x.country = ?"
        if home
        else ""
    )
    rows = conn.execute(
        f"""SELECT pd.domain, p.modality, COUNT(*) AS n
            FROM document_countries f {pair}
                 CROSS JOIN provisions p ON p.document_id = f.document_id
                 CROSS JOIN provision_domains pd ON pd.provision_id = p.id
            WHERE f.role = 'party' AND f.country = ? AND {COMMITMENT}
            GROUP BY pd.domain, p.modality""",
        (home, code) if home else (code,),
    ).fetchall()
    found: dict[str, dict[str, int]] = {}
    for r in rows:
        found.setdefault(r["domain"], {})[r["modality"]] = r["n"]
    order = {d: i for i, d in enumerate(DOMAINS)}
    return dict(sorted(found.items(), key=lambda item: (order.get(item[0], len(order)), item[0])))
