"""Full-text search over provisions, narrowed by the filters, with the matches counted by facet.

Accents and special letters are ignored on both sides ("lien bang nga" finds "Liên bang Nga").
The filters on parties, domain, modality and years are also words in the index (`store.facets`),
so FTS5 intersects them with the query's words; the language, status and exact dates are checked
on the rows found. The user's words are one group (`words.expression`) AND-ed with the filters.

A common word matches tens of thousands of provisions, and a search's first answer must not read
them all, so its work is bounded as mature tools bound it (Datasette gives each facet a time limit,
search engines say "about 10,000 results"):

- the newest `RANKED` matches are ranked by relevance (bm25, from the index alone), the older ones
  follow newest first (a search engine's rescoring window): a page costs that many scores however
  many matched, and only its rows are read;
- the total is exact when the index alone counts it (no filter checked on rows), else counted up to
  `COUNTED` and then given as a lower bound (`SearchResult.more`, shown as "1,000+");
- the facets count the newest `SAMPLE` matches (`SearchResult.sampled` says so when there were more):
  enough to show which partners, domains and years dominate, and a facet's link gives the exact total.
"""

from __future__ import annotations

import json
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
COUNTED = 1_000
"""Matches counted at most when each must be read to check a filter; past it the total is a lower bound."""
SAMPLE = 1_000
"""Matches the facets are counted over at most: the newest (the highest provision ids)."""
RANKED = 2_000
"""Matches ranked by relevance at most: the newest; the older ones follow them, newest first."""
YEAR_TOKENS = 3
"""A date range is matched in the index by its years' tokens only when it spans this many years at
most; a longer one is checked on the rows alone. OR-ing many years' long lists of provisions, and
bm25 weighing each year as if it were a search word (it reads each one's whole list), cost more
than the rows the tokens spare."""


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
    more: bool = False
    """True when more than `hits.total` matched: they were counted up to `COUNTED` only."""
    sampled: int | None = None
    """Set when more matched than the facets count: they count the newest `sampled` matches."""
    ranked: int | None = None
    """Set when more matched by words than are ranked: the newest `ranked` come best first, then the
    older ones newest first."""

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
    """Provisions matching the filters' text within the other filters, best first (among the newest
    `RANKED`: see the module).

    Without text, the filters (other than language, status and dates) alone choose the provisions,
    newest first. With `count`, the matches are counted in all and by partner, domain, modality,
    language and year, as bounded as the module says, leaving out `own_side` among partners (every
    document of a one-sided register is its own). `keep`, when given, is asked for the counts by a
    key that names the search, so a caller that keeps answers until the register changes (the web
    app) counts each search once for all its pages. Without `count` (an export), every match is
    listed and none counted.
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
        if len(years) <= YEAR_TOKENS:
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
    try:
        counted = (
            (keep or _now)(
                ("search counts", match, where.sql, tuple(where.params)), lambda: _counts(conn, match, where)
            )
            if count
            else Counted()
        )
        rows, windowed = _hits(conn, query, match, where, window)
    except sqlite3.OperationalError:
        # Reads are never locked out in WAL mode: what fails here is the query's syntax. The
        # database's own words name its internals, not the user's mistake.
        raise QueryError(f"bad search {query!r}: {words.HELP}") from None
    total = counted.total if count else len(rows) + window.offset
    found: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
    for r in counted.facets:
        if r["facet"] == "partner" and r["value"] == own_side:
            continue
        if r["value"]:
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
        query,
        Page(hits, total, window.limit, window.offset),
        found,
        _domain_named(conn, query),
        more=counted.more,
        sampled=SAMPLE if counted.total > SAMPLE or counted.more else None,
        ranked=RANKED if windowed else None,
    )


_HIT_COLUMNS = f"""p.id, p.document_id, p.number, p.section, p.modality, p.language, p.text,
       d.file, d.title, d.date, {PARTIES} AS parties, {DOMAINS} AS domains"""


def _hits(
    conn: sqlite3.Connection, query: str, match: str, where: Where, window: Window
) -> tuple[list[sqlite3.Row], bool]:
    """The window's hits: ranked by words as the module says, else newest document first; and
    whether more matched than were ranked."""
    matched = conn.execute(
        "SELECT COUNT(*) FROM (SELECT 1 FROM provisions_fts WHERE provisions_fts MATCH ? LIMIT ?)",
        (match, RANKED + 1),
    ).fetchone()[0]
    if not query or matched <= RANKED:  # every match ranked, or ordered by date, in one statement
        order = "hits.score, p.id" if query else "d.date IS NULL, d.date DESC, p.id DESC"
        return conn.execute(
            f"""SELECT {_HIT_COLUMNS}
                FROM (SELECT rowid, bm25(provisions_fts, 1.0, 0.0) AS score FROM provisions_fts
                      WHERE provisions_fts MATCH ?) AS hits
                     JOIN provisions p ON p.id = hits.rowid JOIN documents d ON d.id = p.document_id
                WHERE {where.sql} ORDER BY {order} LIMIT ? OFFSET ?""",
            [match, *where.params, window.rows, window.offset],
        ).fetchall(), False
    ids, windowed = _ranked(conn, match, where, window)
    rows = {
        r["id"]: r
        for r in conn.execute(
            f"""SELECT {_HIT_COLUMNS} FROM provisions p CROSS JOIN documents d ON d.id = p.document_id
                WHERE p.id IN (SELECT value FROM json_each(?))""",
            (json.dumps(ids),),
        )
    }
    return [rows[pid] for pid in ids], windowed


def _ranked(conn: sqlite3.Connection, match: str, where: Where, window: Window) -> tuple[list[int], bool]:
    """The ids of the window's hits: the newest `RANKED` matches best first (bm25 on the words), then
    the older ones newest first; and whether there were older ones. The index gives matches newest
    first and scores only those read, so a page among the ranked ones costs `RANKED` scores however
    many matched."""
    # The rows are joined only to check a filter; FTS5 still gives its matches in rowid order.
    joined = (
        "CROSS JOIN provisions p ON p.id = provisions_fts.rowid CROSS JOIN documents d ON d.id = p.document_id"
        if where.clauses
        else ""
    )
    matches = f"""SELECT provisions_fts.rowid AS id, bm25(provisions_fts, 1.0, 0.0) AS score
        FROM provisions_fts {joined} WHERE provisions_fts MATCH ? AND {where.sql}"""
    newest = f"{matches} ORDER BY provisions_fts.rowid DESC LIMIT ?"
    page = conn.execute(
        f"""SELECT id, COUNT(*) OVER () AS ranked, MIN(id) OVER () AS oldest FROM ({newest})
            ORDER BY score, id LIMIT ? OFFSET ?""",
        [match, *where.params, RANKED, window.rows, window.offset],
    ).fetchall()
    ids = [r["id"] for r in page]
    # How many were ranked, and the oldest of them (read again only for a page past them all).
    ranked, oldest = (
        (page[0]["ranked"], page[0]["oldest"])
        if page
        else conn.execute(f"SELECT COUNT(*), MIN(id) FROM ({newest})", [match, *where.params, RANKED]).fetchone()
    )
    if len(ids) == window.rows or ranked < RANKED:
        return ids, ranked >= RANKED
    rest = conn.execute(
        f"{matches} AND provisions_fts.rowid < ? ORDER BY provisions_fts.rowid DESC LIMIT ? OFFSET ?",
        [match, *where.params, oldest, window.rows - len(ids), max(0, window.offset - RANKED)],
    )
    return ids + [r[0] for r in rest], True


Keep = Callable[[Hashable, Callable[[], "Counted"]], "Counted"]
"""Something that gives the answer kept under a key, or computes it with the function given."""


def _now(key: Hashable, compute: Callable[[], Counted]) -> Counted:
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


@dataclass(frozen=True)
class Counted:
    """A search's matches counted: in all (a lower bound if `more`), and by facet over a sample."""

    total: int = 0
    more: bool = False
    facets: list[sqlite3.Row] = field(default_factory=list)


def _counts(conn: sqlite3.Connection, match: str, where: Where) -> Counted:
    """The matches counted in all and by facet, each bounded (see the module's docstring)."""
    documents = "CROSS JOIN documents d ON d.id = p.document_id" if where.clauses else ""
    if where.clauses:
        total = conn.execute(
            f"""SELECT COUNT(*) FROM (
                    SELECT 1 FROM provisions_fts CROSS JOIN provisions p ON p.id = provisions_fts.rowid {documents}
                    WHERE provisions_fts MATCH ? AND {where.sql} LIMIT ?)""",
            [match, *where.params, COUNTED + 1],
        ).fetchone()[0]
    else:  # the index's own count: no row is read
        total = conn.execute("SELECT COUNT(*) FROM provisions_fts WHERE provisions_fts MATCH ?", (match,)).fetchone()[0]
    # Partners and years are counted per document (a document's hits counted together), so each
    # document is looked up once rather than once per matching provision. CROSS JOIN keeps the
    # sample outermost: the planner would otherwise scan every document to meet it.
    facets = conn.execute(
        f"""WITH hits AS MATERIALIZED (
                SELECT p.id, p.document_id, p.modality, p.language
                FROM provisions_fts CROSS JOIN provisions p ON p.id = provisions_fts.rowid {documents}
                WHERE provisions_fts MATCH ? AND {where.sql} ORDER BY provisions_fts.rowid DESC LIMIT ?),
            docs AS MATERIALIZED (SELECT document_id, COUNT(*) AS n FROM hits GROUP BY document_id)
            SELECT 'partner' AS facet, c.country AS value, SUM(docs.n) AS n FROM docs
                CROSS JOIN document_countries c ON c.document_id = docs.document_id AND c.role = 'party'
                GROUP BY c.country
            UNION ALL SELECT 'domain', pd.domain, COUNT(*) FROM hits
                CROSS JOIN provision_domains pd ON pd.provision_id = hits.id GROUP BY pd.domain
            UNION ALL SELECT 'modality', modality, COUNT(*) FROM hits GROUP BY modality
            UNION ALL SELECT 'language', language, COUNT(*) FROM hits GROUP BY language
            UNION ALL SELECT 'year', substr(d.date, 1, 4), SUM(docs.n) FROM docs
                CROSS JOIN documents d ON d.id = docs.document_id GROUP BY substr(d.date, 1, 4)""",
        [match, *where.params, SAMPLE],
    ).fetchall()
    return Counted(min(total, COUNTED) if where.clauses else total, total > COUNTED and bool(where.clauses), facets)


def _domain_named(conn: sqlite3.Connection, query: str) -> DomainCount | None:
    """The domain whose name the words are ("energy", "people to people"), with its provisions."""
    name = "_".join(query.lower().replace("-", " ").split())
    if name not in DOMAIN_NAMES:
        return None
    n = conn.execute("SELECT COUNT(*) FROM provision_domains WHERE domain = ?", (name,)).fetchone()[0]
    return DomainCount(name, n)
