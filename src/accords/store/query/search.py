"""Full-text search over provisions, narrowed by the filters, with the matches counted by facet.

Accents and special letters are ignored on both sides ("lien bang nga" finds "Liên bang Nga").
The filters on parties, domain, modality and years are also words in the index (`store.facets`),
so FTS5 intersects them with the query's words; the language, status and exact dates are checked
on the rows found. The user's words are one group (`words.expression`) AND-ed with the filters.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from accords.errors import QueryError
from accords.store import excerpts, facets
from accords.store.query import words
from accords.store.query.filters import Filters, Window
from accords.store.query.sql import DOMAINS, PARTIES, Where
from accords.store.query.sql import codes as split_codes
from accords.store.query.tables import Page, Tabular
from accords.taxonomy import DOMAINS as DOMAIN_NAMES

FACETS = ("partner", "domain", "modality", "language", "year")
FILTERS = ("parties", "domain", "modality", "language", "status", "since", "until", "text")


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
class DomainCount:
    """A domain the search words name, and how many provisions carry it."""

    domain: str
    provisions: int


@dataclass(frozen=True)
class SearchResult(Tabular):
    """A page of hits, how many matched in all, and the matches counted by each facet."""

    query: str
    hits: Page[Hit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    domain: DomainCount | None = None
    """Set when the words are a domain's name ("energy"): the provisions filed under it."""

    def records(self) -> list[dict[str, Any]]:
        return self.hits.records()


def search(
    conn: sqlite3.Connection,
    filters: Filters,
    window: Window | None = None,
    *,
    own_side: str | None = None,
    count: bool = True,
    keep: Keep | None = None,
) -> SearchResult:
    """Provisions matching the filters' text within the other filters, best first.

    Without text, the filters (other than language, status and dates) alone choose the provisions,
    newest first. With `count`, all matches are counted by partner, domain, modality, language and
    year, leaving out `own_side` among partners (every document of a one-sided register is its own).
    Counting reads every match; `keep`, when given, is asked for the counts by a key that names the
    search, so a caller that keeps answers until the register changes (the web app) counts each
    search once for all its pages.
    """
    wanted = filters.checked().only(FILTERS, "search")
    window = (window or Window(20)).checked()
    query = wanted.text or ""
    tokens = [facets.country(code) for code in wanted.parties]
    if wanted.domain:
        tokens.append(facets.domain(wanted.domain))
    if wanted.modality:
        tokens.append(facets.modality(wanted.modality))
    if wanted.since or wanted.until:
        years = _years(conn, wanted)
        if not years:
            return SearchResult(
                query, Page([], 0, window.limit, window.offset), {name: [] for name in FACETS}
            )
        tokens.append("(" + " OR ".join(facets.year(y) for y in years) + ")")
    parts = [f"text : ({words.expression(query)})"] if query else []
    if tokens:
        parts.append(f"facets : ({' AND '.join(tokens)})")
    if not parts:
        raise QueryError("empty search: give some words to look for, or a partner, domain, modality or year")
    match = " AND ".join(parts)
    where = Where()
    where.documents(Filters(since=wanted.since, until=wanted.until))
    where.provisions(Filters(language=wanted.language, status=wanted.status))
    order = "hits.score" if query else "d.date IS NULL, d.date DESC, p.id DESC"
    try:
        counted = (
            (keep or _now)(
                ("search counts", match, where.sql, tuple(where.params)), lambda: _counts(conn, match, where)
            )
            if count
            else []
        )
        rows = conn.execute(
            f"""SELECT p.id, p.document_id, p.number, p.section, p.modality, p.language, p.text,
                       d.file, d.title, d.date, {PARTIES} AS parties, {DOMAINS} AS domains
                FROM (SELECT rowid, bm25(provisions_fts, 1.0, 0.0) AS score FROM provisions_fts
                      WHERE provisions_fts MATCH ?) AS hits
                     JOIN provisions p ON p.id = hits.rowid JOIN documents d ON d.id = p.document_id
                WHERE {where.sql} ORDER BY {order} LIMIT ? OFFSET ?""",
            [match, *where.params, window.rows, window.offset],
        ).fetchall()
    except sqlite3.OperationalError:
        # Reads are never locked out in WAL mode: what fails here is the query's syntax. The
        # database's own words name its internals, not the user's mistake.
        raise QueryError(f"bad search {query!r}: {words.HELP}") from None
    total = len(rows) + window.offset if not count else 0
    found: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
    for r in counted:
        if r["facet"] == "total":
            total = r["n"]
        elif r["facet"] == "partner" and r["value"] == own_side:
            continue
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
            parties=split_codes(r["parties"]),
            number=r["number"],
            section=r["section"],
            modality=r["modality"],
            language=r["language"],
            domains=split_codes(r["domains"]),
            excerpt=excerpts.matched_excerpt(r["text"], query)
            if query
            else excerpts.sentence_around(r["text"], 0),
        )
        for r in rows
    ]
    return SearchResult(
        query, Page(hits, total, window.limit, window.offset), found, _domain_named(conn, query)
    )


Keep = Callable[[Hashable, Callable[[], list[sqlite3.Row]]], list[sqlite3.Row]]
"""Something that gives the answer kept under a key, or computes it with the function given."""


def _now(key: Hashable, compute: Callable[[], list[sqlite3.Row]]) -> list[sqlite3.Row]:
    """No keeping: compute each time."""
    return compute()


def _years(conn: sqlite3.Connection, wanted: Filters) -> list[str]:
    """The years of the documents dated within the filters' range."""
    where = Where().documents(Filters(since=wanted.since, until=wanted.until))
    return [
        r[0]
        for r in conn.execute(
            f"SELECT DISTINCT substr(d.date, 1, 4) FROM documents d WHERE {where.sql}", where.params
        )
        if r[0] and r[0].isdigit()
    ]


def _counts(conn: sqlite3.Connection, match: str, where: Where) -> list[sqlite3.Row]:
    # Partners and years are counted per document (a document's hits counted together), so each
    # document is looked up once rather than once per matching provision.
    documents = "JOIN documents d ON d.id = p.document_id" if where.clauses else ""
    return conn.execute(
        f"""WITH hits AS MATERIALIZED (
                SELECT p.id, p.document_id, p.modality, p.language
                FROM provisions_fts JOIN provisions p ON p.id = provisions_fts.rowid {documents}
                WHERE provisions_fts MATCH ? AND {where.sql}),
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
        [match, *where.params],
    ).fetchall()


def _domain_named(conn: sqlite3.Connection, query: str) -> DomainCount | None:
    """The domain whose name the words are ("energy", "people to people"), with its provisions."""
    name = "_".join(query.lower().replace("-", " ").split())
    if name not in DOMAIN_NAMES:
        return None
    n = conn.execute("SELECT COUNT(*) FROM provision_domains WHERE domain = ?", (name,)).fetchone()[0]
    return DomainCount(name, n)
