"""One country's page of the register: every pair it is in, its relationships' steps, its commitments."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from accords.errors import NotFound, QueryError
from accords.store import labels
from accords.store.query.partners import Partner, by_domain, partners, side
from accords.store.query.timeline import TimelineEntry, timeline


@dataclass(frozen=True)
class CountryView:
    """A country with all its pairs; `pair` is the one with the home side, when there is one."""

    country: str
    home: str | None
    pair: Partner | None
    pairs: list[Partner]
    timeline: list[TimelineEntry]
    commitments: dict[str, dict[str, int]]
    """domain -> modality -> commitments (with the home side only, when there is one)"""


def country(conn: sqlite3.Connection, code: str, *, of: str | None = None) -> CountryView:
    """Everything the register holds about one country; NotFound when no document is about it."""
    try:
        wanted = labels.country(code)
    except QueryError:
        raise NotFound(f"unknown country {code!r} (use an ISO code such as KR, RU, KZ)") from None
    home = side(of)
    pairs = partners(conn, of=wanted).items
    if not pairs:
        raise NotFound(f"no documents about {wanted} in the register")
    pair = next((p for p in pairs if p.country == home), None)
    if home and home != wanted and pair is None:
        raise NotFound(f"no documents about {home} and {wanted} in the register")
    with_home = home if pair else None
    return CountryView(
        country=wanted,
        home=home,
        pair=pair,
        pairs=pairs,
        timeline=timeline(conn, wanted, of=with_home).items,
        commitments=by_domain(conn, wanted, of=with_home),
    )
