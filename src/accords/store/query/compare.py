"""Partners side by side: what was agreed with each, by domain and modality, with the words."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from accords.errors import QueryError
from accords.store import excerpts, labels
from accords.store.query.commitments import commitments
from accords.store.query.filters import Filters, Window
from accords.store.query.partners import counterpart, side
from accords.store.query.sql import CURRENT_STATUS
from accords.store.query.tables import Tabular, as_row
from accords.taxonomy import DOMAINS, MODALITIES

MAX_COUNTRIES = 5
MAX_PER_CELL = 50


@dataclass(frozen=True)
class Agreed:
    """One provision agreed with one partner, under one domain, with the words that say so."""

    country: str
    domain: str
    modality: str
    provision_id: int
    document_id: str
    number: str | None
    date: str | None
    words: str
    status: str | None
    cell_size: int
    """How many provisions the cell holds in all; the latest `per_cell` of them are listed."""


@dataclass
class ComparisonRow:
    """What was agreed in one domain with one strength, for each partner compared."""

    domain: str
    modality: str
    cells: dict[str, list[Agreed]] = field(default_factory=dict)


@dataclass(frozen=True)
class Comparison(Tabular):
    """Partners side by side, one row per domain and modality: what each agreed with `of`, or with
    anyone when there is no home side."""

    of: str | None
    countries: list[str]
    rows: list[ComparisonRow]
    totals: dict[str, int] = field(default_factory=dict)
    """partner -> commitments in the compared domain (all domains if none), each counted once, as
    `partners` and the register count them; the cells list a provision under each of its domains."""

    def agreed(self) -> list[Agreed]:
        """Every cell's provisions as one flat list (for CSV and data frames)."""
        return [item for row in self.rows for country in self.countries for item in row.cells[country]]

    def records(self) -> list[dict[str, Any]]:
        return [as_row(item) for item in self.agreed()]


def compare(
    conn: sqlite3.Connection,
    countries: list[str],
    *,
    domain: str | None = None,
    modality: str | None = None,
    of: str | None = None,
    per_cell: int = 5,
) -> Comparison:
    """What was agreed with each partner, by domain and modality, with the sentence for each.

    Each cell lists its latest `per_cell` provisions and counts them all. Narrative provisions (the
    reporter's account) are left out unless `modality` asks for them; a provision under several
    domains appears in each.
    """
    if not countries:
        raise QueryError("name at least one partner to compare")
    if len(countries) > MAX_COUNTRIES:
        raise QueryError(f"compare at most {MAX_COUNTRIES} partners at a time")
    if not 1 <= per_cell <= MAX_PER_CELL:
        raise QueryError(f"bad number per cell {per_cell} (give 1 to {MAX_PER_CELL})")
    focal = side(of)
    codes = list(dict.fromkeys(counterpart(c, focal)[0] for c in countries))
    wanted_domain = labels.domain(domain) if domain is not None else None
    wanted_modality = labels.modality(modality) if modality is not None else None
    rows: dict[tuple[str, str], ComparisonRow] = {}
    for code in codes:
        for item in _agreed_with(conn, focal, code, wanted_domain, wanted_modality, per_cell):
            row = rows.setdefault((item.domain, item.modality), ComparisonRow(item.domain, item.modality))
            row.cells.setdefault(code, []).append(item)
    ordered = sorted(
        rows.values(),
        key=lambda r: (
            DOMAINS.index(r.domain) if r.domain in DOMAINS else len(DOMAINS),
            MODALITIES.index(r.modality),
        ),
    )
    for row in ordered:
        for code in codes:
            row.cells.setdefault(code, [])
    totals = {
        code: commitments(
            conn, Filters(parties=tuple(filter(None, (focal, code))), domain=wanted_domain), Window(1)
        ).total
        for code in codes
    }
    return Comparison(of=focal, countries=codes, rows=ordered, totals=totals)


def _agreed_with(
    conn: sqlite3.Connection,
    focal: str | None,
    partner: str,
    domain: str | None,
    modality: str | None,
    per_cell: int,
) -> list[Agreed]:
    clauses: list[str] = ["1"]
    params: list[object] = [focal, partner] if focal else [partner]
    if domain is not None:
        clauses.append("pd.domain = ?")
        params.append(domain)
    if modality is not None:
        clauses.append("p.modality = ?")
        params.append(modality)
    else:
        clauses.append("p.modality IS NOT NULL AND p.modality != 'narrative'")
    pair = (
        "CROSS JOIN document_countries f ON f.document_id = x.document_id AND f.role = 'party' AND f.country = ?"
        if focal
        else ""
    )
    rows = conn.execute(
        # CROSS JOIN fixes the order: from the partner's few documents outwards, through covering
        # indexes; left to itself the planner starts from every provision of the domain.
        f"""WITH found AS (
                SELECT p.id, p.document_id, p.modality, pd.domain, d.date,
                       ROW_NUMBER() OVER cell AS n, COUNT(*) OVER (PARTITION BY pd.domain, p.modality) AS total
                FROM document_countries x {pair}
                     CROSS JOIN documents d ON d.id = x.document_id
                     CROSS JOIN provisions p ON p.document_id = d.id
                     CROSS JOIN provision_domains pd ON pd.provision_id = p.id
                WHERE x.role = 'party' AND x.country = ? AND {" AND ".join(clauses)}
                WINDOW cell AS (PARTITION BY pd.domain, p.modality ORDER BY d.date DESC, p.id DESC)
            )
            SELECT found.*, p.number, p.text, p.span_start, {CURRENT_STATUS} AS status,
                   (SELECT e.span_start FROM evidence e WHERE e.provision_id = p.id AND e.field = 'domains'
                    AND e.value = found.domain ORDER BY e.span_start LIMIT 1) AS cue_start,
                   (SELECT e.cue FROM evidence e WHERE e.provision_id = p.id AND e.field = 'domains'
                    AND e.value = found.domain ORDER BY e.span_start LIMIT 1) AS cue
            FROM found JOIN provisions p ON p.id = found.id
            WHERE found.n <= ? ORDER BY found.domain, found.modality, found.n""",
        [*params, per_cell],
    ).fetchall()
    return [
        Agreed(
            country=partner,
            domain=row["domain"],
            modality=row["modality"],
            provision_id=row["id"],
            document_id=row["document_id"],
            number=row["number"],
            date=row["date"],
            words=excerpts.cue_excerpt(
                row["text"],
                row["cue_start"] - row["span_start"] if row["cue_start"] is not None else None,
                row["cue"],
            ),
            status=row["status"] if row["modality"] in labels.COMMITMENT_MODALITIES else None,
            cell_size=row["total"],
        )
        for row in rows
    ]
