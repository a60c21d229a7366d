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
from accords.store.pairs import NOT_REPEATED
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
SELECT {side} AS side, {partner} AS partner, p.level, l.since, p.upgraded, p.relations_since, p.documents,
       p.commitments, p.first, p.last, p.id
FROM pairs p LEFT JOIN pair_levels l ON l.pair_id = p.id AND l.level = p.level
WHERE {where} ORDER BY side, partner
"""
"""The pairs as `store.pairs` sums them up at ingest, seen from the home side when there is one."""


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
        return PARTNERS_SQL.format(side="p.a", partner="p.b", where="1"), ()
    return (
        PARTNERS_SQL.format(
            side="?", partner="CASE p.a WHEN ? THEN p.b ELSE p.a END", where="(p.a = ? OR p.b = ?)"
        ),
        (home, home, home, home),
    )


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
    cells = conn.execute(
        f"""SELECT pair_id, domain, SUM(n) AS n FROM pair_cells
            WHERE modality IN ({",".join("?" * len(labels.COMMITMENT_MODALITIES))}) GROUP BY pair_id, domain""",
        labels.COMMITMENT_MODALITIES,
    ).fetchall()
    by_pair: dict[int, dict[str, int]] = {}
    for r in cells:
        by_pair.setdefault(r["pair_id"], {})[r["domain"]] = r["n"]
    rows = [
        HeatRow(r["side"], r["partner"], by_pair[r["id"]], r["commitments"])
        for r in pairs
        if r["id"] in by_pair
    ]
    rows.sort(key=lambda row: (-row.total, row.of, row.country))
    used = {domain for row in rows for domain in row.counts}
    domains = [d for d in DOMAINS if d in used] + sorted(used - set(DOMAINS))
    highest = max((n for row in rows for n in row.counts.values()), default=0)
    return HeatMap(side(of), rows, domains, highest)


def by_domain(conn: sqlite3.Connection, country: str, *, of: str | None = None) -> dict[str, dict[str, int]]:
    """Commitments in a country's documents (with `of` only, if given), as domain -> modality -> count,
    each once per event."""
    code, home = counterpart(country, of)
    commitment = f"IN ({','.join('?' * len(labels.COMMITMENT_MODALITIES))})"
    if home:
        rows = conn.execute(
            f"""SELECT c.domain, c.modality, c.n FROM pairs p JOIN pair_cells c ON c.pair_id = p.id
                WHERE p.a = ? AND p.b = ? AND c.modality {commitment}""",
            (*sorted((home, code)), *labels.COMMITMENT_MODALITIES),
        ).fetchall()
    else:
        rows = conn.execute(
            f"""SELECT pd.domain, p.modality, COUNT(*) AS n
                FROM document_countries f
                     CROSS JOIN provisions p ON p.document_id = f.document_id
                     CROSS JOIN provision_domains pd ON pd.provision_id = p.id
                WHERE f.role = 'party' AND f.country = ? AND p.modality {commitment} AND {NOT_REPEATED}
                GROUP BY pd.domain, p.modality""",
            (code, *labels.COMMITMENT_MODALITIES),
        ).fetchall()
    found: dict[str, dict[str, int]] = {}
    for r in rows:
        found.setdefault(r["domain"], {})[r["modality"]] = r["n"]
    order = {d: i for i, d in enumerate(DOMAINS)}
    return dict(sorted(found.items(), key=lambda item: (order.get(item[0], len(order)), item[0])))
