"""The SQL pieces every question shares: the columns a row is shown with, and the filters as clauses.

A document is `d`, a provision `p`. A filter is turned into a clause in one place (`Where`), so a
list, its count, its export and the search narrow the same way.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field, replace

from accords.errors import NotFound
from accords.store.query.filters import Filters

PARTIES = (
    "(SELECT group_concat(country) FROM document_countries c WHERE c.document_id = d.id AND c.role = 'party')"
)
"""The parties of `d`, joined by commas."""
DOMAINS = "(SELECT group_concat(domain) FROM provision_domains pd WHERE pd.provision_id = p.id)"
ACTORS = "(SELECT group_concat(country) FROM provision_actors a WHERE a.provision_id = p.id)"
COMMITMENT = "p.modality IN ('commit', 'support', 'explore')"
"""A provision that is a commitment (see `labels.COMMITMENT_MODALITIES`)."""
CURRENT_STATUS = (
    "COALESCE((SELECT s.status FROM status_changes s WHERE s.provision_id = p.id"
    " ORDER BY s.date DESC, s.id DESC LIMIT 1), 'open')"
)
"""The status of `p`: its latest status change, or open."""
SOURCES = (
    "(p.document_id || COALESCE((SELECT ',' || group_concat(rp.document_id) FROM repeats r"
    " JOIN provisions rp ON rp.id = r.provision_id WHERE r.first_id = p.id), ''))"
)
"""The documents that state `p`: its own, and the other reports of its event that repeat it."""
CUE = "COALESCE(e.cue, substr(p.text, e.span_start - p.span_start + 1, e.span_end - e.span_start))"
"""The words that gave evidence `e` of provision `p` (kept apart only when they are not its words at the span)."""
STATUS_DATE = "(SELECT s.date FROM status_changes s WHERE s.provision_id = p.id ORDER BY s.date DESC, s.id DESC LIMIT 1)"
HAS_PARTY = (
    "EXISTS (SELECT 1 FROM document_countries c WHERE c.document_id = d.id AND c.role = 'party'"
    " AND c.country = ?)"
)
HAS_DOMAIN = "EXISTS (SELECT 1 FROM provision_domains pd WHERE pd.provision_id = p.id AND pd.domain = ?)"
HAS_LANGUAGE = "(',' || d.languages || ',') LIKE ?"
LARGEST_ID = 2**63 - 1


def codes(joined: str | None) -> list[str]:
    """Codes from a `group_concat`, sorted."""
    return sorted(joined.split(",")) if joined else []


def in_order(joined: str | None) -> list[str]:
    """Codes from a comma-joined column, in the order stored."""
    return joined.split(",") if joined else []


def row_id(value: int, what: str) -> int:
    """An id as SQLite can look it up; NotFound for one no row can have (zero, negative, too large)."""
    if not 1 <= value <= LARGEST_ID:
        raise NotFound(f"no {what} {value} in the register")
    return value


def rarest_first(conn: sqlite3.Connection, parties: tuple[str, ...]) -> tuple[str, ...]:
    """The parties ordered by how few documents have them, so a query joins from the fewest (a
    pair's home side is a party to most documents, its partner to few)."""
    if len(parties) < 2:
        return parties
    count = "SELECT COUNT(*) FROM document_countries WHERE country = ? AND role = 'party'"
    return tuple(sorted(parties, key=lambda code: conn.execute(count, (code,)).fetchone()[0]))


def rarest_parties_first(conn: sqlite3.Connection, filters: Filters) -> Filters:
    """The filters with their parties in `rarest_first` order (the first is joined from)."""
    return replace(filters, parties=rarest_first(conn, filters.parties))


def until_bound(until: str) -> str:
    """The bound that `d.date < ?` keeps `until` with: every date of that year, month or day."""
    return until + "~"  # '~' sorts after the digits and '-' of any longer date that starts so


@dataclass
class Where:
    """Clauses AND-ed together, with their parameters in order."""

    clauses: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)

    def add(self, clause: str, *params: object) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    @property
    def sql(self) -> str:
        return " AND ".join(self.clauses) or "1"

    def documents(self, filters: Filters, *, skip_parties: int = 0) -> Where:
        """Clauses on `d` for the parties (past the first `skip_parties`, which the caller joins from)
        and the date range."""
        for code in filters.parties[skip_parties:]:
            self.add(HAS_PARTY, code)
        if filters.since:
            self.add("d.date >= ?", filters.since)
        if filters.until:
            self.add("d.date < ?", until_bound(filters.until))
        return self

    def provisions(self, filters: Filters, *, skip_domain: bool = False) -> Where:
        """Clauses on `p` for the domain (unless the caller joins from it), modality, language, status."""
        if filters.domain and not skip_domain:
            self.add(HAS_DOMAIN, filters.domain)
        if filters.modality:
            self.add("p.modality = ?", filters.modality)
        if filters.language:
            self.add("p.language = ?", filters.language)
        if filters.status:  # only commitments have a status
            self.add(COMMITMENT)
            self.add(f"{CURRENT_STATUS} = ?", filters.status)
        return self
