"""The register from Python: the questions of the command line, with the same filters, as objects.

    import accords
    register = accords.Register("accords.db")
    register.search("nuclear power", country="RU", since="2025").to_pandas()
    register.commitments(parties=["VN", "KR"], domain="trade", status="open").to_arrow()

Every method calls `accords.store.query`, as the command line, the API and the pages do, and
answers its types: lists are `Page`s (`.items`, `.total`, `.to_arrow()`, `.to_pandas()`).
An unknown label is a QueryError, a missing row a NotFound.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Self

from accords.model import Record
from accords.store import connect, query
from accords.store.ingest import Outcome, ingest_path, store
from accords.store.query import Filters, Page, Window
from accords.store.query.commitments import Commitment, StatusChange
from accords.store.query.compare import Comparison
from accords.store.query.documents import DocumentRow, DocumentView
from accords.store.query.overview import Overview
from accords.store.query.partners import HeatMap, Partner
from accords.store.query.search import SearchResult
from accords.store.query.targets import TargetRow
from accords.store.query.timeline import TimelineEntry


def _filters(
    parties: Sequence[str] | None,
    country: str | None,
    text: str | None = None,
    **named: str | None,
) -> Filters:
    """Filters from keywords: `country` is one party, `parties` several (a pair)."""
    codes = tuple(parties or ()) + ((country,) if country else ())
    return Filters(parties=codes, text=text, **named)


class Register:
    """An open register file (created empty with `create=True`); use it in a `with` block or `close()` it."""

    def __init__(self, path: str | Path = "accords.db", *, create: bool = False) -> None:
        self.path = Path(path)
        self.conn: sqlite3.Connection = connect(self.path, create=create)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    # --- adding -------------------------------------------------------------------------------

    def add(self, source: Record | str | Path) -> Outcome:
        """Store a record (from `accords.read`) or read and store a file; the same text twice is stored once."""
        if isinstance(source, Record):
            return store(self.conn, source)
        return ingest_path(self.conn, str(source))

    # --- questions ----------------------------------------------------------------------------

    def overview(self, *, of: str | None = None) -> Overview:
        """Counts of what the register holds."""
        return query.overview.overview(self.conn, of=of)

    def search(
        self,
        text: str = "",
        *,
        country: str | None = None,
        parties: Sequence[str] | None = None,
        domain: str | None = None,
        modality: str | None = None,
        language: str | None = None,
        status: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> SearchResult:
        """Provisions matching words (as written: "U.S.", "ASEAN-Japan"; or FTS syntax) and filters."""
        wanted = _filters(
            parties,
            country,
            text,
            domain=domain,
            modality=modality,
            language=language,
            status=status,
            since=since,
            until=until,
        )
        return query.search.search(self.conn, wanted, Window(limit, offset))

    def documents(
        self,
        *,
        country: str | None = None,
        parties: Sequence[str] | None = None,
        language: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Page[DocumentRow]:
        """Documents newest first."""
        wanted = _filters(parties, country, language=language, since=since, until=until)
        return query.documents.documents(self.conn, wanted, Window(limit, offset))

    def document(self, ref: str) -> DocumentView:
        """One document's reading, by id, id prefix or file name."""
        return query.documents.show(self.conn, ref)

    def commitments(
        self,
        *,
        country: str | None = None,
        parties: Sequence[str] | None = None,
        domain: str | None = None,
        modality: str | None = None,
        language: str | None = None,
        status: str | None = None,
        since: str | None = None,
        until: str | None = None,
        sort: str = "date",
        descending: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> Page[Commitment]:
        """Commitments (commit, support, explore) with their current status."""
        wanted = _filters(
            parties,
            country,
            domain=domain,
            modality=modality,
            language=language,
            status=status,
            since=since,
            until=until,
        )
        return query.commitments.commitments(
            self.conn, wanted, Window(limit, offset), sort=sort, descending=descending
        )

    def commitment(self, commitment_id: int) -> Commitment:
        """One commitment with its status history."""
        return query.commitments.commitment(self.conn, commitment_id)

    def set_status(
        self,
        commitment_id: int,
        status: str,
        *,
        note: str | None = None,
        evidence_url: str | None = None,
        on: str | None = None,
    ) -> StatusChange:
        """Record what became of a commitment."""
        return query.commitments.set_status(
            self.conn, commitment_id, status, note=note, evidence_url=evidence_url, on=on
        )

    def targets(
        self,
        *,
        due_before: str | None = None,
        due_from: int | None = None,
        country: str | None = None,
        parties: Sequence[str] | None = None,
        domain: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Page[TargetRow]:
        """Quantified targets by deadline, each once per event."""
        wanted = _filters(parties, country, domain=domain, since=since, until=until)
        return query.targets.targets(
            self.conn, wanted, Window(limit, offset), due_before=due_before, due_from=due_from
        )

    def partners(self, *, of: str | None = None) -> Page[Partner]:
        """Every counterpart of `of` (default: the party to the most documents) and where each stands."""
        return query.partners.partners(self.conn, of=of)

    def heat_map(self, *, of: str | None = None) -> HeatMap:
        """Commitments with each partner in each domain."""
        return query.partners.heat_map(self.conn, of=of)

    def timeline(self, country: str, *, of: str | None = None) -> Page[TimelineEntry]:
        """The relationship with one partner in date order."""
        return query.timeline.timeline(self.conn, country, of=of)

    def compare(
        self,
        countries: Sequence[str],
        *,
        domain: str | None = None,
        modality: str | None = None,
        of: str | None = None,
        per_cell: int = 5,
    ) -> Comparison:
        """Partners side by side, by domain and modality, with the words."""
        return query.compare.compare(
            self.conn, list(countries), domain=domain, modality=modality, of=of, per_cell=per_cell
        )
