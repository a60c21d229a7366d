"""The questions the web pages ask that `accords.store.queries` does not: overviews, pages of rows, facets.

The command line asks one question and prints every answer; a page shows the first fifty, counts
the rest and offers filters with their counts. These functions take a connection from
`accords.store.connect`, check labels with `accords.store.labels` (an unknown one is a QueryError),
and return plain dataclasses that the templates show and the API serialises. Anything the store
already answers (a document's reading, partners, timelines, targets, status changes) is asked of
`accords.store.queries` instead.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from accords.errors import QueryError
from accords.store import excerpts, facets, labels, queries
from accords.store.folding import plain_letters
from accords.taxonomy import DOMAINS
from accords.web.errors import NotFound

T = TypeVar("T")

_PARTIES = (
    "(SELECT group_concat(country) FROM document_countries c WHERE c.document_id = d.id AND c.role = 'party')"
)
_DOMAINS = "(SELECT group_concat(domain) FROM provision_domains pd WHERE pd.provision_id = p.id)"
_COMMITMENT = "p.modality IN ('commit', 'support', 'explore')"
_HAS_PARTY = (
    "EXISTS (SELECT 1 FROM document_countries c WHERE c.document_id = d.id AND c.role = 'party'"
    " AND c.country = ?)"
)
_HAS_DOMAIN = "EXISTS (SELECT 1 FROM provision_domains pd WHERE pd.provision_id = p.id AND pd.domain = ?)"
_HAS_LANGUAGE = "(',' || d.languages || ',') LIKE ?"


def _codes(joined: str | None) -> list[str]:
    return sorted(joined.split(",")) if joined else []


@dataclass(frozen=True)
class Page(Generic[T]):
    """Some rows of a longer answer: `total` rows in all, these from `offset`."""

    items: list[T]
    total: int
    limit: int
    offset: int

    @property
    def has_next(self) -> bool:
        return self.offset + len(self.items) < self.total


def _year(value: str) -> str:
    if len(value.strip()) != 4 or not value.strip().isdigit():
        raise QueryError(f"bad year {value!r} (use four digits, such as 2025)")
    return value.strip()


def _language(value: str) -> str:
    code = value.strip().lower()
    if not code.isalpha() or len(code) not in (2, 3):
        raise QueryError(f"bad language {value!r} (use an ISO 639-1 code such as en, nb, de, vi)")
    return code


# --- overview -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Overview:
    """What the register holds, for the home page."""

    focal: str | None
    documents: int
    provisions: int
    commitments: int
    targets: int
    partners: int
    first: str | None
    last: str | None
    languages: list[tuple[str, int]]
    statuses: dict[str, int]


def overview(conn: sqlite3.Connection) -> Overview:
    """Counts of documents, provisions, commitments (by current status), targets and partners."""
    row = conn.execute(
        """SELECT COUNT(*) AS documents, COALESCE(SUM(provision_count), 0) AS provisions,
                  COALESCE(SUM(commitment_count), 0) AS commitments, MIN(date) AS first, MAX(date) AS last
           FROM documents"""
    ).fetchone()
    focal = queries.focal_country(conn)
    partners = 0
    if focal is not None:
        partners = conn.execute(
            """SELECT COUNT(DISTINCT x.country) FROM document_countries f
                   JOIN document_countries x ON x.document_id = f.document_id AND x.role = 'party'
                                              AND x.country != f.country
               WHERE f.role = 'party' AND f.country = ?""",
            (focal,),
        ).fetchone()[0]
    languages = conn.execute(
        """SELECT CASE WHEN instr(languages, ',') > 0 THEN substr(languages, 1, instr(languages, ',') - 1)
                       ELSE languages END AS language, COUNT(*) AS n
           FROM documents WHERE languages != '' GROUP BY language ORDER BY n DESC, language"""
    ).fetchall()
    return Overview(
        focal=focal,
        documents=row["documents"],
        provisions=row["provisions"],
        commitments=row["commitments"],
        targets=conn.execute("SELECT COUNT(*) FROM targets").fetchone()[0],
        partners=partners,
        first=row["first"],
        last=row["last"],
        languages=[(r["language"], r["n"]) for r in languages],
        statuses=status_counts(conn, row["commitments"]),
    )


def status_counts(conn: sqlite3.Connection, commitments: int) -> dict[str, int]:
    """How many commitments stand at each status; those never changed are open."""
    counts = dict.fromkeys(labels.STATUSES, 0)
    changed = 0
    for r in conn.execute(
        """SELECT status, COUNT(*) AS n FROM (
               SELECT status, ROW_NUMBER() OVER (PARTITION BY provision_id ORDER BY date DESC, id DESC) AS k
               FROM status_changes) WHERE k = 1 GROUP BY status"""
    ):
        counts[r["status"]] += r["n"]
        changed += r["n"]
    counts["open"] += commitments - changed
    return counts


# --- documents ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentRow:
    """A document as a line of a list."""

    id: str
    file: str | None
    title: str | None
    date: str | None
    doc_type: str | None
    languages: list[str]
    parties: list[str]
    event_kind: str | None
    place: str | None
    level: str | None
    upgraded: bool
    provisions: int
    commitments: int


def documents(
    conn: sqlite3.Connection,
    *,
    parties: list[str] | None = None,
    language: str | None = None,
    year: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page[DocumentRow]:
    """Documents newest first, keeping those with all of `parties`, in `language`, dated in `year`."""
    clauses: list[str] = ["1"]
    params: list[object] = []
    source = "documents d"
    codes = [labels.country(code) for code in parties or []]
    if codes:
        # From the first party's index entries outwards, not through every document.
        source = "document_countries fc CROSS JOIN documents d ON d.id = fc.document_id"
        clauses.append("fc.country = ? AND fc.role = 'party'")
        params.append(codes[0])
    for code in codes[1:]:
        clauses.append(_HAS_PARTY)
        params.append(code)
    if language is not None:
        clauses.append(_HAS_LANGUAGE)
        params.append(f"%,{_language(language)},%")
    if year is not None:
        clauses.append("d.date >= ? AND d.date < ?")
        params += [_year(year), str(int(_year(year)) + 1)]
    where = " AND ".join(clauses)
    total = conn.execute(f"SELECT COUNT(*) FROM {source} WHERE {where}", params).fetchone()[0]
    rows = conn.execute(
        f"""SELECT d.*, {_PARTIES} AS parties FROM {source} WHERE {where}
            ORDER BY d.date IS NULL, d.date DESC, d.ingested_at DESC, d.id LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    ).fetchall()
    return Page([_document_row(r) for r in rows], total, limit, offset)


def _document_row(r: sqlite3.Row) -> DocumentRow:
    return DocumentRow(
        id=r["id"],
        file=r["file"],
        title=r["title"],
        date=r["date"],
        doc_type=r["doc_type"],
        languages=r["languages"].split(",") if r["languages"] else [],
        parties=_codes(r["parties"]),
        event_kind=r["event_kind"],
        place=r["place"],
        level=r["level"],
        upgraded=bool(r["upgraded"]),
        provisions=r["provision_count"],
        commitments=r["commitment_count"],
    )


def document_id(conn: sqlite3.Connection, ref: str) -> str:
    """The full id of the document named by its id, an id prefix or its file name; NotFound if none."""
    ref = ref.strip()
    found = conn.execute(
        "SELECT 1 FROM documents WHERE id = ? OR file = ? OR (length(?) >= 4 AND id LIKE ?) LIMIT 1",
        (ref, ref, ref, ref.lower().replace("%", "").replace("_", "") + "%"),
    ).fetchone()
    if found is None:
        raise NotFound(f"no document {ref!r} in the register")
    return str(queries.find_document(conn, ref)["id"])


def document_text(conn: sqlite3.Connection, document: str) -> str | None:
    """The text a document was read as (which its spans index), or None when it was not kept."""
    row = conn.execute("SELECT text FROM records WHERE document_id = ?", (document,)).fetchone()
    return row["text"] if row else None


# --- provisions ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProvisionRef:
    """Where a provision sits: its document and its place in reading order."""

    id: int
    document_id: str
    ordinal: int


def provision_ref(conn: sqlite3.Connection, provision_id: int) -> ProvisionRef:
    """The document and place of a provision; NotFound for an unknown id."""
    row = conn.execute(
        "SELECT id, document_id, ordinal FROM provisions WHERE id = ?", (provision_id,)
    ).fetchone()
    if row is None:
        raise NotFound(f"no provision {provision_id} in the register")
    return ProvisionRef(row["id"], row["document_id"], row["ordinal"])


def require_commitment(conn: sqlite3.Connection, commitment_id: int) -> None:
    """NotFound unless the id is a provision with a commitment's modality."""
    row = conn.execute("SELECT modality FROM provisions WHERE id = ?", (commitment_id,)).fetchone()
    if row is None:
        raise NotFound(f"no commitment {commitment_id} in the register")
    if row["modality"] not in labels.COMMITMENT_MODALITIES:
        raise NotFound(
            f"provision {commitment_id} is not a commitment (its modality is {row['modality'] or 'unknown'})"
        )


# --- search -------------------------------------------------------------------------------------

FACETS = ("partner", "domain", "modality", "language", "year")


@dataclass(frozen=True)
class Hit:
    """A provision that matched, with the sentence to show."""

    provision_id: int
    document_id: str
    file: str | None
    title: str | None
    date: str | None
    parties: list[str]
    number: str | None
    section: str | None
    modality: str | None
    language: str | None
    domains: list[str]
    excerpt: str


@dataclass(frozen=True)
class SearchResult:
    """A page of hits, how many matched in all, and the matches counted by each facet."""

    query: str
    hits: Page[Hit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


@dataclass(frozen=True)
class SearchFilters:
    """The facet values a search is narrowed to."""

    partner: str | None = None
    domain: str | None = None
    modality: str | None = None
    language: str | None = None
    year: str | None = None

    def checked(self) -> SearchFilters:
        """The same filters with each label checked and normalised (QueryError if unknown)."""
        return SearchFilters(
            partner=labels.country(self.partner) if self.partner else None,
            domain=labels.domain(self.domain) if self.domain else None,
            modality=labels.modality(self.modality) if self.modality else None,
            language=_language(self.language) if self.language else None,
            year=_year(self.year) if self.year else None,
        )


def search(
    conn: sqlite3.Connection,
    query: str,
    filters: SearchFilters | None = None,
    *,
    limit: int = 20,
    offset: int = 0,
) -> SearchResult:
    """Provisions matching `query` (FTS5 syntax, accents ignored) within the filters, best first.

    Unlike `queries.search` it also narrows by the provision's language and a document year, pages
    through the hits, and counts all matches by partner, domain, modality, language and year, so a
    page can offer each facet with its count. Words may be left out when a filter other than the
    language is given: then the filters alone choose the provisions, newest first.
    """
    wanted = (filters or SearchFilters()).checked()
    tokens = []
    if wanted.partner:
        tokens.append(facets.country(wanted.partner))
    if wanted.domain:
        tokens.append(facets.domain(wanted.domain))
    if wanted.modality:
        tokens.append(facets.modality(wanted.modality))
    if wanted.year:
        tokens.append(facets.year(wanted.year))
    parts = []
    if query.strip():
        parts.append(f"text : ({plain_letters(query)})")
    if tokens:
        parts.append(f"facets : ({' AND '.join(tokens)})")
    if not parts:
        raise QueryError("empty search: give some words to look for, or a partner, domain, modality or year")
    match = " AND ".join(parts)
    language = ["p.language = ?"] if wanted.language else []
    lang_params = [wanted.language] if wanted.language else []
    where = " AND ".join(["provisions_fts MATCH ?", *language])
    order = "hits.score" if query.strip() else "d.date IS NULL, d.date DESC, p.id DESC"
    try:
        counted = conn.execute(
            # Partners and years are counted per document (a document's hits counted together),
            # so each document is looked up once rather than once per matching provision.
            f"""WITH hits AS MATERIALIZED (
                    SELECT p.id, p.document_id, p.modality, p.language
                    FROM provisions_fts JOIN provisions p ON p.id = provisions_fts.rowid WHERE {where}),
                docs AS MATERIALIZED (SELECT document_id, COUNT(*) AS n FROM hits GROUP BY document_id)
                SELECT 'total' AS facet, NULL AS value, COUNT(*) AS n FROM hits
                UNION ALL SELECT 'partner', c.country, SUM(docs.n) FROM docs
                    JOIN document_countries c ON c.document_id = docs.document_id AND c.role = 'party'
                    GROUP BY c.country
                UNION ALL SELECT 'domain', pd.domain, COUNT(*) FROM hits
                    JOIN provision_domains pd ON pd.provision_id = hits.id GROUP BY pd.domain
                UNION ALL SELECT 'modality', modality, COUNT(*) FROM hits GROUP BY modality
                UNION ALL SELECT 'language', language, COUNT(*) FROM hits GROUP BY language
                UNION ALL SELECT 'year', substr(d.date, 1, 4), SUM(docs.n) FROM docs
                    JOIN documents d ON d.id = docs.document_id GROUP BY substr(d.date, 1, 4)""",
            [match, *lang_params],
        ).fetchall()
        rows = conn.execute(
            f"""SELECT p.id, p.document_id, p.number, p.section, p.modality, p.language, p.text,
                       d.file, d.title, d.date, {_PARTIES} AS parties, {_DOMAINS} AS domains
                FROM (SELECT rowid, bm25(provisions_fts, 1.0, 0.0) AS score FROM provisions_fts
                      WHERE provisions_fts MATCH ?) AS hits
                     JOIN provisions p ON p.id = hits.rowid JOIN documents d ON d.id = p.document_id
                WHERE {" AND ".join(["1", *language])}
                ORDER BY {order} LIMIT ? OFFSET ?""",
            [match, *lang_params, limit, offset],
        ).fetchall()
    except sqlite3.OperationalError as exc:
        raise QueryError(f"bad search {query!r} ({exc}): put phrases in double quotes") from None
    total = 0
    found: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
    own_side = queries.focal_country(conn)
    for r in counted:
        if r["facet"] == "total":
            total = r["n"]
        elif r["facet"] == "partner" and r["value"] == own_side:
            continue  # every document of the register is the own side's: no partner to narrow to
        elif r["value"]:
            found[r["facet"]].append((r["value"], r["n"]))
    for name in FACETS:
        found[name].sort(key=lambda item: (-item[1], item[0]) if name != "year" else (item[0],))
        if name == "year":
            found[name].reverse()
    hits = [
        Hit(
            provision_id=r["id"],
            document_id=r["document_id"],
            file=r["file"],
            title=r["title"],
            date=r["date"],
            parties=_codes(r["parties"]),
            number=r["number"],
            section=r["section"],
            modality=r["modality"],
            language=r["language"],
            domains=_codes(r["domains"]),
            excerpt=(
                excerpts.matched_excerpt(r["text"], query)
                if query.strip()
                else excerpts.sentence_around(r["text"], 0)
            ),
        )
        for r in rows
    ]
    return SearchResult(query, Page(hits, total, limit, offset), found)


# --- targets ------------------------------------------------------------------------------------


def upcoming_targets(conn: sqlite3.Connection, from_year: int, limit: int = 8) -> list[queries.TargetRow]:
    """Targets due in `from_year` or later, nearest deadline first."""
    rows = conn.execute(
        f"""SELECT t.id, t.provision_id, p.document_id, d.file, {_PARTIES} AS parties, t.metric, t.amount,
                   t.unit, t.year, p.modality, p.number, {queries.CURRENT_STATUS} AS status
            FROM targets t JOIN provisions p ON p.id = t.provision_id JOIN documents d ON d.id = p.document_id
            WHERE t.year >= ? ORDER BY t.year, t.amount DESC, t.id LIMIT ?""",
        (from_year, limit),
    ).fetchall()
    return [queries.target_row(r) for r in rows]


def pair_targets(conn: sqlite3.Connection, of: str, partner: str) -> list[queries.TargetRow]:
    """Targets in the documents between `of` and `partner`, nearest deadline first."""
    rows = conn.execute(
        f"""SELECT t.id, t.provision_id, p.document_id, d.file, {_PARTIES} AS parties, t.metric, t.amount,
                   t.unit, t.year, p.modality, p.number, {queries.CURRENT_STATUS} AS status
            FROM document_countries fc
                 CROSS JOIN document_countries x ON x.document_id = fc.document_id AND x.role = 'party'
                                                    AND x.country = ?
                 CROSS JOIN documents d ON d.id = fc.document_id
                 CROSS JOIN provisions p ON p.document_id = d.id
                 CROSS JOIN targets t ON t.provision_id = p.id
            WHERE fc.country = ? AND fc.role = 'party'
            ORDER BY t.year IS NULL, t.year, t.amount DESC, d.date, t.id""",
        (partner, of),
    ).fetchall()
    return [queries.target_row(r) for r in rows]


# --- partners and the heat map ------------------------------------------------------------------


@dataclass(frozen=True)
class HeatMap:
    """Commitments with each partner in each domain, from the register's own side."""

    of: str
    partners: list[str]
    domains: list[str]
    counts: dict[str, dict[str, int]]
    """partner -> domain -> number of commitments"""
    highest: int


def heat_map(conn: sqlite3.Connection, of: str) -> HeatMap:
    """Partners (most commitments first) by domains (taxonomy order), counting commitments."""
    rows = conn.execute(
        f"""SELECT x.country AS partner, pd.domain, COUNT(*) AS n
            FROM document_countries f
                 CROSS JOIN document_countries x ON x.document_id = f.document_id AND x.role = 'party'
                                                    AND x.country != f.country
                 CROSS JOIN provisions p ON p.document_id = f.document_id
                 CROSS JOIN provision_domains pd ON pd.provision_id = p.id
            WHERE f.role = 'party' AND f.country = ? AND {_COMMITMENT}
            GROUP BY x.country, pd.domain""",
        (of,),
    ).fetchall()
    counts: dict[str, dict[str, int]] = {}
    for r in rows:
        counts.setdefault(r["partner"], {})[r["domain"]] = r["n"]
    partners = sorted(counts, key=lambda code: (-sum(counts[code].values()), code))
    used = {domain for cells in counts.values() for domain in cells}
    domains = [d for d in DOMAINS if d in used] + sorted(used - set(DOMAINS))
    highest = max((n for cells in counts.values() for n in cells.values()), default=0)
    return HeatMap(of, partners, domains, counts, highest)


def partner_commitments(conn: sqlite3.Connection, of: str, partner: str) -> dict[str, dict[str, int]]:
    """Commitments with one partner, as domain -> modality -> count."""
    rows = conn.execute(
        f"""SELECT pd.domain, p.modality, COUNT(*) AS n
            FROM document_countries f
                 CROSS JOIN document_countries x ON x.document_id = f.document_id AND x.role = 'party'
                                                    AND x.country = ?
                 CROSS JOIN provisions p ON p.document_id = f.document_id
                 CROSS JOIN provision_domains pd ON pd.provision_id = p.id
            WHERE f.role = 'party' AND f.country = ? AND {_COMMITMENT}
            GROUP BY pd.domain, p.modality""",
        (partner, of),
    ).fetchall()
    found: dict[str, dict[str, int]] = {}
    for r in rows:
        found.setdefault(r["domain"], {})[r["modality"]] = r["n"]
    order = {d: i for i, d in enumerate(DOMAINS)}
    return dict(sorted(found.items(), key=lambda item: (order.get(item[0], len(order)), item[0])))


def find_partner(partners: list[queries.Partner], code: str) -> queries.Partner:
    """One partner among `queries.partners`; NotFound when no document is about it."""
    try:
        wanted = labels.country(code)
    except QueryError:
        raise NotFound(f"unknown country {code!r} (use an ISO code such as KR, RU, KZ)") from None
    for found in partners:
        if found.country == wanted:
            return found
    raise NotFound(f"no documents about {wanted} as a partner in the register")


# --- commitments --------------------------------------------------------------------------------

SORTS = {
    "date": "d.date",
    "id": "p.id",
    "document": "d.file",
    "modality": "CASE p.modality WHEN 'commit' THEN 1 WHEN 'support' THEN 2 ELSE 3 END",
    "status": "status",
}
"""The orders the register can be shown in, by the name a link gives."""


@dataclass(frozen=True)
class CommitmentRow:
    """A commitment as a line of the register, with the date of its latest status change."""

    id: int
    document_id: str
    file: str | None
    date: str | None
    parties: list[str]
    number: str | None
    modality: str
    domains: list[str]
    status: str
    status_date: str | None
    text: str


@dataclass(frozen=True)
class CommitmentFilters:
    """What the register of commitments is narrowed to."""

    partner: str | None = None
    domain: str | None = None
    modality: str | None = None
    status: str | None = None


def commitments(
    conn: sqlite3.Connection,
    filters: CommitmentFilters | None = None,
    *,
    sort: str = "date",
    descending: bool = True,
    limit: int = 50,
    offset: int = 0,
) -> Page[CommitmentRow]:
    """A page of commitments, filtered and in the order asked for (`SORTS`), with the total count."""
    wanted = filters or CommitmentFilters()
    if sort not in SORTS:
        raise QueryError(f"unknown sort {sort!r} (known: {', '.join(SORTS)})")
    clauses: list[str] = [_COMMITMENT]
    params: list[object] = []
    # Start from the smallest set a filter names, through its index, and join outwards (CROSS
    # JOIN keeps that order); unfiltered, from documents in date order, so a page by date stops
    # after its rows.
    if wanted.partner:
        source = (
            "document_countries fc CROSS JOIN documents d ON d.id = fc.document_id"
            " CROSS JOIN provisions p ON p.document_id = d.id"
        )
        clauses.append("fc.country = ? AND fc.role = 'party'")
        params.append(labels.country(wanted.partner))
    elif wanted.domain:
        source = (
            "provision_domains fd CROSS JOIN provisions p ON p.id = fd.provision_id"
            " CROSS JOIN documents d ON d.id = p.document_id"
        )
    elif wanted.status and labels.status(wanted.status) != "open":
        source = (
            "(SELECT DISTINCT provision_id FROM status_changes) AS changed"
            " CROSS JOIN provisions p ON p.id = changed.provision_id CROSS JOIN documents d ON d.id = p.document_id"
        )
    else:
        source = "documents d CROSS JOIN provisions p ON p.document_id = d.id"
    if wanted.domain:
        domain = labels.domain(wanted.domain)
        if wanted.partner:
            clauses.append(_HAS_DOMAIN)
        else:
            clauses.append("fd.domain = ?")
        params.append(domain)
    if wanted.modality:
        modality = labels.modality(wanted.modality)
        if modality not in labels.COMMITMENT_MODALITIES:
            raise QueryError(
                f"{modality} provisions are not commitments (those are commit, support, explore)"
            )
        clauses.append("p.modality = ?")
        params.append(modality)
    if wanted.status:
        clauses.append(f"{queries.CURRENT_STATUS} = ?")
        params.append(labels.status(wanted.status))
    where = " AND ".join(clauses)
    direction = "DESC" if descending else "ASC"
    if len(clauses) == 1:
        total = conn.execute("SELECT COALESCE(SUM(commitment_count), 0) FROM documents").fetchone()[0]
    else:
        total = conn.execute(f"SELECT COUNT(*) FROM {source} WHERE {where}", params).fetchone()[0]
    rows = conn.execute(
        f"""SELECT p.id, p.document_id, d.file, d.date, {_PARTIES} AS parties, p.number, p.modality,
                   {_DOMAINS} AS domains, {queries.CURRENT_STATUS} AS status,
                   (SELECT s.date FROM status_changes s WHERE s.provision_id = p.id
                    ORDER BY s.date DESC, s.id DESC LIMIT 1) AS status_date, p.text
            FROM {source}
            WHERE {where} ORDER BY {SORTS[sort]} {direction}, p.id {direction} LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    ).fetchall()
    return Page(
        [
            CommitmentRow(
                id=r["id"],
                document_id=r["document_id"],
                file=r["file"],
                date=r["date"],
                parties=_codes(r["parties"]),
                number=r["number"],
                modality=r["modality"],
                domains=_codes(r["domains"]),
                status=r["status"],
                status_date=r["status_date"],
                text=r["text"],
            )
            for r in rows
        ],
        total,
        limit,
        offset,
    )
