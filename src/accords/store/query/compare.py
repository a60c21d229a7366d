"""Partners side by side: what was agreed with each, by domain and modality, with the words."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from accords.errors import QueryError
from accords.store import excerpts, labels
from accords.store.pairs import NOT_REPEATED
from accords.store.query import commitments
from accords.store.query.filters import Filters
from accords.store.query.partners import counterpart, side
from accords.store.query.sql import CUE, CURRENT_STATUS, SOURCES, codes
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
    sources: list[str] = field(default_factory=list)
    """Every document that states it: reports of one event state a commitment once between them."""


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
    found: list[Found] = []
    for code in codes:
        if focal is None:
            found.extend((code, *cell) for cell in _anywhere(conn, code, wanted_domain, wanted_modality, per_cell))
        else:
            found.extend(
                (code, *cell)
                for cell in _in_pair(conn, sorted((focal, code)), wanted_domain, wanted_modality, per_cell)
            )
    rows: dict[tuple[str, str], ComparisonRow] = {}
    for item in _details(conn, found):
        row = rows.setdefault((item.domain, item.modality), ComparisonRow(item.domain, item.modality))
        row.cells.setdefault(item.country, []).append(item)
    ordered = sorted(
        rows.values(),
        key=lambda r: (
            DOMAINS.index(r.domain) if r.domain in DOMAINS else len(DOMAINS),
            MODALITIES.index(r.modality),
        ),
    )
    for row in ordered:
        row.cells = {code: row.cells.get(code, []) for code in codes}
    totals = {code: _total(conn, focal, code, wanted_domain) for code in codes}
    return Comparison(of=focal, countries=codes, rows=ordered, totals=totals)


def _total(conn: sqlite3.Connection, focal: str | None, partner: str, domain: str | None) -> int:
    """Commitments with the partner (in the domain, if one), each once, as `commitments` counts them."""
    if focal is None:
        return commitments.count(conn, Filters(parties=(partner,), domain=domain))
    pair = sorted((focal, partner))
    if domain is None:
        row = conn.execute("SELECT commitments FROM pairs WHERE a = ? AND b = ?", pair).fetchone()
    else:
        row = conn.execute(
            f"""SELECT SUM(c.n) FROM pairs p JOIN pair_cells c ON c.pair_id = p.id
                WHERE p.a = ? AND p.b = ? AND c.domain = ? AND c.modality IN ({_COMMITMENT_MARKS})""",
            (*pair, domain, *labels.COMMITMENT_MODALITIES),
        ).fetchone()
    return int(row[0] or 0) if row else 0


_COMMITMENT_MARKS = ",".join("?" * len(labels.COMMITMENT_MODALITIES))

_DETAILS = f"""
SELECT p.id, p.document_id, p.number, p.text, p.span_start, {CURRENT_STATUS} AS status, {SOURCES} AS sources,
       (SELECT json_group_object(value, json_array(cue_start, cue)) FROM (
            SELECT e.value, min(e.span_start) AS cue_start, {CUE} AS cue FROM evidence e
            WHERE e.provision_id = p.id AND e.field = 'domains' GROUP BY e.value)) AS cues
FROM provisions p WHERE p.id IN (SELECT value FROM json_each(?))
"""
"""The words, status, sources and domain cues of the provisions whose ids are given as a JSON list
(one parameter, however many): each provision once, however many cells list it. Its cue for a
domain is its first evidence of it (with one min(), SQLite takes the other columns from the row
holding the least), keyed by domain as [start, words]."""

Cell = tuple[int, str, str, str | None, int, int]
"""A provision listed in a cell: id, domain, modality, date, its place in the cell, the cell's size."""
Found = tuple[str, int, str, str, str | None, int, int]
"""A provision listed in a cell: partner, id, domain, modality, date, its place in the cell, the cell's size."""


def _details(conn: sqlite3.Connection, found: list[Found]) -> list[Agreed]:
    """The provisions `found` with their words, status and sources, read in one statement."""
    if not found:
        return []
    facts = {
        row["id"]: (row, json.loads(row["cues"] or "{}"), codes(row["sources"]))
        for row in conn.execute(_DETAILS, (json.dumps(sorted({item[1] for item in found})),))
    }
    agreed = []
    for partner, pid, domain, modality, date, _, size in found:
        row, cues, sources = facts[pid]
        cue_start, cue = cues.get(domain, (None, None))
        agreed.append(
            Agreed(
                country=partner,
                domain=domain,
                modality=modality,
                provision_id=pid,
                document_id=row["document_id"],
                number=row["number"],
                date=date,
                words=excerpts.cue_excerpt(
                    row["text"], cue_start - row["span_start"] if cue_start is not None else None, cue
                ),
                status=row["status"] if modality in labels.COMMITMENT_MODALITIES else None,
                cell_size=size,
                sources=list(sources),
            )
        )
    return agreed


def _in_pair(
    conn: sqlite3.Connection, pair: list[str], domain: str | None, modality: str | None, per_cell: int
) -> list[Cell]:
    """The latest provisions of each cell of one pair (id, domain, modality, date, n, cell size), from
    its summary (`store.pairs`): one index range per cell, however many documents the pair has."""
    clauses, params = ["p.a = ? AND p.b = ?"], list[object](pair)
    if domain is not None:
        clauses.append("c.domain = ?")
        params.append(domain)
    if modality is not None:
        clauses.append("c.modality = ?")
        params.append(modality)
    else:
        clauses.append("c.modality != 'narrative'")
    cells = conn.execute(
        f"""SELECT c.pair_id, c.domain, c.modality, c.n FROM pairs p JOIN pair_cells c ON c.pair_id = p.id
            WHERE {" AND ".join(clauses)} ORDER BY c.domain, c.modality""",
        params,
    ).fetchall()
    found: list[Cell] = []
    for cell in cells:
        latest = conn.execute(
            """SELECT provision_id, date FROM pair_provisions WHERE pair_id = ? AND domain = ? AND modality = ?
               ORDER BY date DESC, provision_id DESC LIMIT ?""",
            (cell["pair_id"], cell["domain"], cell["modality"], per_cell),
        )
        found.extend(
            (pid, cell["domain"], cell["modality"], date or None, n, cell["n"])
            for n, (pid, date) in enumerate(latest, start=1)
        )
    return found


def _anywhere(
    conn: sqlite3.Connection, partner: str, domain: str | None, modality: str | None, per_cell: int
) -> list[Cell]:
    """The latest provisions of each cell in all of a state's documents, with whomever (id, domain,
    modality, date, n, cell size)."""
    clauses: list[str] = [NOT_REPEATED]
    params: list[object] = [partner]
    if domain is not None:
        clauses.append("pd.domain = ?")
        params.append(domain)
    if modality is not None:
        clauses.append("p.modality = ?")
        params.append(modality)
    else:
        clauses.append("p.modality IS NOT NULL AND p.modality != 'narrative'")
    rows = conn.execute(
        # CROSS JOIN fixes the order: from the partner's few documents outwards, through covering
        # indexes; left to itself the planner starts from every provision of the domain.
        f"""SELECT * FROM (
                SELECT p.id, pd.domain, p.modality, d.date,
                       ROW_NUMBER() OVER cell AS n, COUNT(*) OVER (PARTITION BY pd.domain, p.modality) AS total
                FROM document_countries x
                     CROSS JOIN documents d ON d.id = x.document_id
                     CROSS JOIN provisions p ON p.document_id = d.id
                     CROSS JOIN provision_domains pd ON pd.provision_id = p.id
                WHERE x.role = 'party' AND x.country = ? AND {" AND ".join(clauses)}
                WINDOW cell AS (PARTITION BY pd.domain, p.modality ORDER BY d.date DESC, p.id DESC)
            ) WHERE n <= ?""",
        [*params, per_cell],
    )
    return [(r["id"], r["domain"], r["modality"], r["date"], r["n"], r["total"]) for r in rows]
