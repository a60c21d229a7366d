"""The questions analysts ask of the register, as functions of an open connection.

Each function takes a connection from `accords.store.connect`, checks the labels it is given
(an unknown country, domain or modality is a QueryError, never an empty answer) and returns plain
dataclasses that the command line prints as tables or data and the web app serialises as JSON.

The register is read from one side's point of view: the state that is a party to the most
documents (Vietnam in the seed set), unless `of` names another. Its "partners" are the states it
meets in documents; `compare`, `timeline` and `partners` look at documents whose parties include
both it and the partner.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from urllib.parse import urlparse

from accords.errors import QueryError
from accords.model import Provision, Record
from accords.store import excerpts, facets, labels
from accords.store.database import load_record, transaction
from accords.store.folding import plain_letters
from accords.taxonomy import DOMAINS, MODALITIES

_PARTIES = (
    "(SELECT group_concat(country) FROM document_countries c WHERE c.document_id = d.id AND c.role = 'party')"
)
_DOMAINS = "(SELECT group_concat(domain) FROM provision_domains pd WHERE pd.provision_id = p.id)"
_COMMITMENT = "p.modality IN ('commit', 'support', 'explore')"
CURRENT_STATUS = (
    "COALESCE((SELECT s.status FROM status_changes s WHERE s.provision_id = p.id"
    " ORDER BY s.date DESC, s.id DESC LIMIT 1), 'open')"
)
"""SQL for the status of the provision `p`: its latest status change, or open (as the `commitments` view)."""


def _codes(joined: str | None) -> list[str]:
    return sorted(joined.split(",")) if joined else []


_HAS_PARTY = "EXISTS (SELECT 1 FROM document_countries c WHERE c.document_id = d.id AND c.role = 'party' AND c.country = ?)"
"""A condition on `d` that keeps documents with the country bound to `?` among their parties."""
_HAS_DOMAIN = "EXISTS (SELECT 1 FROM provision_domains pd WHERE pd.provision_id = p.id AND pd.domain = ?)"


def focal_country(conn: sqlite3.Connection) -> str | None:
    """The state whose relations the register follows: the party to the most documents."""
    row = conn.execute(
        """SELECT country FROM document_countries WHERE role = 'party'
           GROUP BY country ORDER BY COUNT(*) DESC, country LIMIT 1"""
    ).fetchone()
    return str(row["country"]) if row else None


def _focal(conn: sqlite3.Connection, of: str | None) -> str:
    if of is not None:
        return labels.country(of)
    found = focal_country(conn)
    if found is None:
        raise QueryError("the register is empty: run `accords ingest` first")
    return found


def _partner(conn: sqlite3.Connection, country: str, of: str | None) -> tuple[str, str]:
    code, focal = labels.country(country), _focal(conn, of)
    if code == focal:
        raise QueryError(f"{code} is the register's own side; name a partner of {focal}")
    return code, focal


# --- search -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchHit:
    """A provision that matched a full-text query, with the sentence that matched."""

    provision_id: int
    document_id: str
    file: str | None
    date: str | None
    parties: list[str]
    number: str | None
    modality: str | None
    domains: list[str]
    excerpt: str
    text: str


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    country: str | None = None,
    domain: str | None = None,
    modality: str | None = None,
    since: str | None = None,
    limit: int = 50,
) -> list[SearchHit]:
    """Provisions whose words match `query` (FTS5 syntax: words, "phrases", OR, NOT, prefix*).

    Accents and special letters are ignored on both sides, so "lien bang nga" finds "Liên bang Nga".
    `country` keeps documents with that state among the parties, `since` documents dated on or
    after a year or date. Best matches first.
    """
    if not query.strip():
        raise QueryError("empty search: give some words to look for")
    match = f"text : ({plain_letters(query)})"
    tokens, clauses, params = [], ["1"], []
    if country is not None:
        tokens.append(facets.country(labels.country(country)))
    if domain is not None:
        tokens.append(facets.domain(labels.domain(domain)))
    if modality is not None:
        tokens.append(facets.modality(labels.modality(modality)))
    if since is not None:
        bound = labels.date(since)
        years = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT substr(date, 1, 4) FROM documents WHERE date >= ?", (bound[:4],)
            )
        ]
        if not years:
            return []
        tokens.append("(" + " OR ".join(facets.year(y) for y in years) + ")")
        if len(bound) > 4:  # the year's token lets in its whole year
            clauses.append("d.date >= ?")
            params.append(bound)
    if tokens:
        match += f" AND facets : ({' AND '.join(tokens)})"
    # Rank and cut inside the index first, so that only the best rows are joined (unless a date
    # within a year still has to be checked on every row).
    inner_limit = "LIMIT ?" if len(clauses) == 1 else ""
    sql = f"""SELECT p.id, p.document_id, d.file, d.date, p.number, p.modality, p.text,
                     {_PARTIES} AS parties, {_DOMAINS} AS domains
              FROM (SELECT rowid, bm25(provisions_fts, 1.0, 0.0) AS score FROM provisions_fts
                    WHERE provisions_fts MATCH ? ORDER BY score {inner_limit}) AS hits
                   JOIN provisions p ON p.id = hits.rowid JOIN documents d ON d.id = p.document_id
              WHERE {" AND ".join(clauses)} ORDER BY hits.score LIMIT ?"""
    try:
        rows = conn.execute(sql, [match, *([limit] if inner_limit else []), *params, limit]).fetchall()
    except sqlite3.OperationalError as exc:
        # Reads are never locked out in WAL mode: what fails here is the query's FTS5 syntax.
        raise QueryError(f"bad search {query!r} ({exc}): put phrases in double quotes") from None
    return [
        SearchHit(
            provision_id=row["id"],
            document_id=row["document_id"],
            file=row["file"],
            date=row["date"],
            parties=_codes(row["parties"]),
            number=row["number"],
            modality=row["modality"],
            domains=_codes(row["domains"]),
            excerpt=excerpts.matched_excerpt(row["text"], query),
            text=row["text"],
        )
        for row in rows
    ]


# --- show ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProvisionView:
    """A stored provision; `status` is set when it is a commitment (commit, support, explore)."""

    id: int
    provision: Provision
    status: str | None


@dataclass(frozen=True)
class LinkedDocument:
    """Another document that reports the same event."""

    id: str
    file: str | None
    doc_type: str | None
    languages: list[str]


@dataclass(frozen=True)
class DocumentView:
    """A document's reading: its record, the event it shares with other reports, its provisions."""

    record: Record
    event_id: int | None
    linked: list[LinkedDocument]
    provisions: list[ProvisionView]
    ingested_at: str


def find_document(conn: sqlite3.Connection, ref: str) -> sqlite3.Row:
    """The document named by its id, a prefix of it (4 characters or more) or its file name."""
    ref = ref.strip()
    rows = conn.execute("SELECT * FROM documents WHERE id = ?", (ref,)).fetchall()
    if not rows and len(ref) >= 4:
        rows = conn.execute(
            "SELECT * FROM documents WHERE id LIKE ? LIMIT 5", (ref.lower() + "%",)
        ).fetchall()
    if not rows:
        rows = conn.execute("SELECT * FROM documents WHERE file = ? LIMIT 5", (ref,)).fetchall()
    if not rows:
        raise QueryError(f"no document {ref!r} in the register (give its id or file name)")
    if len(rows) > 1:
        raise QueryError(f"{ref!r} names several documents: {', '.join(r['id'] for r in rows)}")
    found: sqlite3.Row = rows[0]
    return found


def show(conn: sqlite3.Connection, ref: str) -> DocumentView:
    """The full reading of one document, with its commitments' current status."""
    row = find_document(conn, ref)
    ids = conn.execute(
        f"SELECT p.id, p.modality, {CURRENT_STATUS} AS status FROM provisions p WHERE p.document_id = ? ORDER BY p.ordinal",
        (row["id"],),
    ).fetchall()
    record = load_record(conn, row["id"])
    provisions = [
        ProvisionView(
            id=found["id"],
            provision=provision,
            status=found["status"] if found["modality"] in labels.COMMITMENT_MODALITIES else None,
        )
        for found, provision in zip(ids, record.provisions, strict=True)
    ]
    linked = conn.execute(
        "SELECT id, file, doc_type, languages FROM documents WHERE event_id = ? AND id != ? ORDER BY date, id",
        (row["event_id"], row["id"]),
    ).fetchall()
    return DocumentView(
        record=record,
        event_id=row["event_id"],
        linked=[
            LinkedDocument(r["id"], r["file"], r["doc_type"], _codes_in_order(r["languages"])) for r in linked
        ],
        provisions=provisions,
        ingested_at=row["ingested_at"],
    )


def _codes_in_order(joined: str | None) -> list[str]:
    return joined.split(",") if joined else []


# --- partners -----------------------------------------------------------------------------------


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


def _pair_documents(conn: sqlite3.Connection, focal: str, partner: str) -> list[sqlite3.Row]:
    """Documents with both the focal state and the partner among the parties, oldest first."""
    return conn.execute(
        """SELECT d.id, d.file, d.date, d.doc_type, d.title, d.event_id, d.level, d.level_since, d.upgraded,
                  d.relations_since, d.event_kind, d.event_start
           FROM document_countries f
                JOIN document_countries x ON x.document_id = f.document_id AND x.role = 'party' AND x.country = ?
                JOIN documents d ON d.id = f.document_id
           WHERE f.role = 'party' AND f.country = ?
           ORDER BY d.date IS NULL, d.date, d.id""",
        (partner, focal),
    ).fetchall()


_PARTNERS = """
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


def partners(conn: sqlite3.Connection, *, of: str | None = None) -> list[Partner]:
    """Every counterpart state: level now, since when, last upgrade, documents and commitments.

    The level is the one stated by the latest document that states one; "since" is that level's
    start as the latest document giving it says; "upgraded" the date of the latest event that
    raised the relationship.
    """
    return [
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
        for r in conn.execute(_PARTNERS, (_focal(conn, of),)).fetchall()
    ]


# --- compare ------------------------------------------------------------------------------------


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
class Comparison:
    """Partners side by side, one row per domain and modality."""

    of: str
    countries: list[str]
    rows: list[ComparisonRow]

    def agreed(self) -> list[Agreed]:
        """Every cell's provisions as one flat list (for CSV and data frames)."""
        return [item for row in self.rows for country in self.countries for item in row.cells[country]]


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
    focal = _focal(conn, of)
    codes = list(dict.fromkeys(_partner(conn, c, focal)[0] for c in countries))
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
    return Comparison(of=focal, countries=codes, rows=ordered)


def _agreed_with(
    conn: sqlite3.Connection,
    focal: str,
    partner: str,
    domain: str | None,
    modality: str | None,
    per_cell: int,
) -> list[Agreed]:
    clauses, params = ["1"], [focal, partner]
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
        f"""WITH found AS (
                SELECT p.id, p.document_id, p.modality, pd.domain, d.date,
                       ROW_NUMBER() OVER cell AS n, COUNT(*) OVER (PARTITION BY pd.domain, p.modality) AS total
                FROM document_countries x
                     CROSS JOIN document_countries f ON f.document_id = x.document_id AND f.role = 'party'
                                                        AND f.country = ?
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


# --- timeline -----------------------------------------------------------------------------------

_TIMELINE_ORDER = ("relations", "level", "visit", "upgrade", "statement", "report")


@dataclass(frozen=True)
class TimelineEntry:
    """One dated step in a relationship: relations established, a level, a visit, an upgrade, a statement."""

    date: str | None
    kind: str
    summary: str
    documents: list[str]


def timeline(conn: sqlite3.Connection, country: str, *, of: str | None = None) -> list[TimelineEntry]:
    """The relationship with one partner in date order, each step with the documents that report it."""
    code, focal = _partner(conn, country, of)
    rows = _pair_documents(conn, focal, code)
    if not rows:
        raise QueryError(f"no documents about {focal} and {code} in the register")
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
            TimelineEntry(event["start"], "visit", _event_summary(event), [r["id"] for r in reports])
        )
        entries += [
            TimelineEntry(
                r["event_start"] or r["date"],
                "upgrade",
                f"relations raised to {_label(r['level'])}",
                [r["id"]],
            )
            for r in reports
            if r["upgraded"]
        ]
    for row in rows:
        if row["doc_type"] == "joint_statement":
            entries.append(
                TimelineEntry(row["date"], "statement", row["title"] or "joint statement", [row["id"]])
            )
        elif row["event_id"] is None:
            entries.append(
                TimelineEntry(row["date"], "report", row["title"] or _label(row["doc_type"]), [row["id"]])
            )
    return sorted(entries, key=lambda e: (e.date is None, e.date or "", _TIMELINE_ORDER.index(e.kind)))


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
    """One entry per distinct dated fact (the date in `column`), citing every document that states it."""
    found: dict[object, tuple[sqlite3.Row, list[str]]] = {}
    for row in rows:
        if row[column]:
            found.setdefault(key(row) if key else row[column], (row, []))[1].append(row["id"])
    return [TimelineEntry(row[column], kind, describe(row), ids) for row, ids in found.values()]


def _event_summary(event: sqlite3.Row) -> str:
    kind = _label(event["kind"] or "event")
    who = f"{event['guest']} to {event['host']}" if event["guest"] and event["host"] else ""
    when = event["start"] if event["end"] in (None, event["start"]) else f"{event['start']} to {event['end']}"
    return " ".join(part for part in (kind, who, f"({when})" if when else "") if part)


def _label(value: str | None) -> str:
    return (value or "").replace("_", " ")


# --- targets ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TargetRow:
    """A quantified target, with the provision and document it comes from."""

    id: int
    provision_id: int
    document_id: str
    file: str | None
    parties: list[str]
    metric: str | None
    amount: float
    unit: str
    year: int | None
    modality: str | None
    number: str | None
    status: str | None


def targets(
    conn: sqlite3.Connection,
    *,
    due_before: str | None = None,
    country: str | None = None,
    domain: str | None = None,
) -> list[TargetRow]:
    """Targets by deadline, nearest first; `due_before` 2031 keeps those due by the end of 2030.

    A target for a year falls due at that year's end, so `due_before` a date keeps the years that end
    before it; targets without a year are left out when a deadline is asked for.
    """
    clauses, params = ["1"], []
    if due_before is not None:
        bound = labels.date(due_before)
        clauses.append("t.year IS NOT NULL AND printf('%04d-12-31', t.year) < ?")
        params.append(bound if len(bound) == 10 else (bound + "-01-01")[:10])
    if country is not None:
        clauses.append(_HAS_PARTY)
        params.append(labels.country(country))
    if domain is not None:
        clauses.append(_HAS_DOMAIN)
        params.append(labels.domain(domain))
    rows = conn.execute(
        f"""SELECT t.id, t.provision_id, p.document_id, d.file, {_PARTIES} AS parties, t.metric, t.amount, t.unit,
                   t.year, p.modality, p.number, {CURRENT_STATUS} AS status
            FROM targets t JOIN provisions p ON p.id = t.provision_id JOIN documents d ON d.id = p.document_id
            WHERE {" AND ".join(clauses)}
            ORDER BY t.year IS NULL, t.year, t.amount DESC, d.date, t.id""",
        params,
    ).fetchall()
    return [target_row(r) for r in rows]


def target_row(r: sqlite3.Row) -> TargetRow:
    """A target from a row with the columns of the targets query (the web app shares it)."""
    return TargetRow(
        id=r["id"],
        provision_id=r["provision_id"],
        document_id=r["document_id"],
        file=r["file"],
        parties=_codes(r["parties"]),
        metric=r["metric"],
        amount=r["amount"],
        unit=r["unit"],
        year=r["year"],
        modality=r["modality"],
        number=r["number"],
        status=r["status"] if r["modality"] in labels.COMMITMENT_MODALITIES else None,
    )


# --- commitments --------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusChange:
    """One step in a commitment's history."""

    id: int
    commitment_id: int
    status: str
    date: str
    note: str | None
    evidence_url: str | None
    recorded_at: str


@dataclass(frozen=True)
class Commitment:
    """A provision with modality commit, support or explore, and what became of it."""

    id: int
    document_id: str
    file: str | None
    date: str | None
    parties: list[str]
    actors: list[str]
    number: str | None
    modality: str
    domains: list[str]
    status: str
    text: str
    history: list[StatusChange] = field(default_factory=list)


_COMMITMENT_SELECT = f"""SELECT p.id, p.document_id, d.file, d.date, {_PARTIES} AS parties,
        (SELECT group_concat(country) FROM provision_actors a WHERE a.provision_id = p.id) AS actors,
        p.number, p.modality, {_DOMAINS} AS domains, {CURRENT_STATUS} AS status, p.text
    FROM provisions p JOIN documents d ON d.id = p.document_id"""


def _commitment(row: sqlite3.Row, history: list[StatusChange] | None = None) -> Commitment:
    return Commitment(
        id=row["id"],
        document_id=row["document_id"],
        file=row["file"],
        date=row["date"],
        parties=_codes(row["parties"]),
        actors=_codes(row["actors"]),
        number=row["number"],
        modality=row["modality"],
        domains=_codes(row["domains"]),
        status=row["status"],
        text=row["text"],
        history=history or [],
    )


def commitments(
    conn: sqlite3.Connection,
    *,
    country: str | None = None,
    domain: str | None = None,
    status: str | None = None,
    modality: str | None = None,
    limit: int | None = None,
) -> list[Commitment]:
    """Commitments in document order, filtered by partner, domain, current status or modality."""
    clauses, params = [_COMMITMENT], []
    if country is not None:
        clauses.append(_HAS_PARTY)
        params.append(labels.country(country))
    if domain is not None:
        clauses.append(_HAS_DOMAIN)
        params.append(labels.domain(domain))
    if modality is not None:
        wanted = labels.modality(modality)
        if wanted not in labels.COMMITMENT_MODALITIES:
            raise QueryError(f"{wanted} provisions are not commitments (those are commit, support, explore)")
        clauses.append("p.modality = ?")
        params.append(wanted)
    if status is not None:
        clauses.append(f"{CURRENT_STATUS} = ?")
        params.append(labels.status(status))
    sql = f"{_COMMITMENT_SELECT} WHERE {' AND '.join(clauses)} ORDER BY d.date, p.document_id, p.ordinal"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [_commitment(row) for row in conn.execute(sql, params).fetchall()]


def commitment(conn: sqlite3.Connection, commitment_id: int) -> Commitment:
    """One commitment with its whole status history, oldest first."""
    row = conn.execute(f"{_COMMITMENT_SELECT} WHERE p.id = ?", (commitment_id,)).fetchone()
    if row is None:
        raise QueryError(f"no commitment {commitment_id} in the register")
    if row["modality"] not in labels.COMMITMENT_MODALITIES:
        raise QueryError(
            f"provision {commitment_id} is not a commitment (its modality is {row['modality'] or 'unknown'})"
        )
    history = [
        StatusChange(
            r["id"], r["provision_id"], r["status"], r["date"], r["note"], r["evidence_url"], r["recorded_at"]
        )
        for r in conn.execute(
            "SELECT * FROM status_changes WHERE provision_id = ? ORDER BY date, id", (commitment_id,)
        ).fetchall()
    ]
    return _commitment(row, history)


def set_status(
    conn: sqlite3.Connection,
    commitment_id: int,
    status: str,
    *,
    note: str | None = None,
    evidence_url: str | None = None,
    on: str | None = None,
) -> StatusChange:
    """Record what became of a commitment: its new status on a date (today by default), why, and a source.

    The history is kept whole; the latest change by date is the commitment's status.
    """
    wanted = labels.status(status)
    day = _day(on) if on is not None else date.today().isoformat()
    if evidence_url is not None:
        parsed = urlparse(evidence_url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise QueryError(f"evidence {evidence_url!r} is not an http(s) URL")
    commitment(conn, commitment_id)
    recorded = datetime.now(UTC).isoformat(timespec="seconds")
    with transaction(conn):
        cursor = conn.execute(
            """INSERT INTO status_changes (provision_id, status, date, note, evidence_url, recorded_at)
               VALUES (?, ?, ?, ?, ?, ?)""",
            (commitment_id, wanted, day, note, evidence_url, recorded),
        )
    return StatusChange(int(cursor.lastrowid or 0), commitment_id, wanted, day, note, evidence_url, recorded)


def _day(value: str) -> str:
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise QueryError(f"bad date {value!r} (use an ISO date such as 2026-03-31)") from None
