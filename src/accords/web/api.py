"""The JSON API: the register's documents, provisions, commitments, targets, partners, search and ingest.

Answers are the store's own types (the Record of spec/SCHEMA.md, the dataclasses of
`accords.store.query`) serialised as they are, so the API, the pages and
the command line never disagree about a field. Lists are paged with `limit` and `offset` and say
how many rows there are in all. Errors are `{"detail": "one line"}` with a 4xx status.
"""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any, Generic, TypeVar

from fastapi import APIRouter, File, Query, Request, UploadFile
from pydantic import BaseModel, ConfigDict, Field

from accords.errors import AccordsError
from accords.model import Record
from accords.store import query
from accords.store.labels import STATUSES
from accords.store.query import Filters, Window, filters
from accords.web import uploads
from accords.web.connections import connection
from accords.web.errors import BadRequest
from accords.web.memo import cached
from accords.web.security import Guard
from accords.web.workers import while_connected

DESCRIPTION = """
Accords keeps a register of who committed to what in diplomatic joint statements and visit reports.
Every provision carries its modality (commit, support, explore, position, narrative), actors, domains,
targets, treaties, organisations and mechanisms, each with the span of the text it came from.

Requests that change data (`POST /api/ingest`, `POST /api/ingest/text`,
`POST /api/commitments/{id}/status`) need the server's token when it was started with one:
send `Authorization: Bearer TOKEN`. Errors are `{"detail": "..."}` with a 4xx status.
"""

router = APIRouter(prefix="/api")
T = TypeVar("T")

Limit = Annotated[int, Query(ge=1, le=500, description="At most this many rows.")]
Offset = Annotated[int, Query(ge=0, description="Skip this many rows.")]
Country = Annotated[str | None, Query(description="ISO 3166 code of a party, such as KR.")]
Domain = Annotated[str | None, Query(description="A domain of the taxonomy, such as energy.")]
Since = Annotated[str | None, Query(description="Documents dated on or after this year, month or day.")]
Until = Annotated[str | None, Query(description="Documents dated up to this year, month or day.")]
Year = Annotated[str | None, Query(description="Documents dated in this year (since and until it).")]


def date_range(year: str | None, since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """The documents' date range from a year, or from its two ends (not both)."""
    if not year:
        return since, until
    if since or until:
        raise BadRequest("give a year, or since and until, not both")
    checked = filters.year(year)
    return checked, checked


class Paged(BaseModel, Generic[T]):
    """Some rows of a longer list."""

    items: list[T]
    total: int
    limit: int
    offset: int


def _paged(page: query.Page[Any]) -> dict[str, Any]:
    return {"items": page.items, "total": page.total, "limit": page.limit, "offset": page.offset}


class ProvisionStatus(BaseModel):
    id: int
    status: str | None


class DocumentOut(BaseModel):
    """A document's record as extracted, with the register's ids and status of its provisions."""

    record: Record
    event_id: int | None
    ingested_at: str
    linked: list[query.documents.LinkedDocument]
    provisions: list[ProvisionStatus]
    text: str | None = Field(description="The text as read, which the spans index (null if not kept).")


class StatusIn(BaseModel):
    """A status change of a commitment."""

    model_config = ConfigDict(extra="forbid")

    status: str = Field(description=f"One of {', '.join(STATUSES)}.", examples=["in_progress"])
    date: str | None = Field(None, description="ISO date it happened (default today).")
    note: str | None = Field(None, max_length=4000, description="What happened.")
    evidence_url: str | None = Field(None, max_length=2000, description="An http(s) URL that shows it.")


class TextIn(BaseModel):
    """A document given as text."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The document's text (plain text, Markdown or HTML).")
    name: str | None = Field(None, max_length=200, description="A file name to show (default pasted.txt).")


# --- documents and provisions -------------------------------------------------------------------


@router.get("/documents", response_model=Paged[query.documents.DocumentRow], tags=["documents"])
def list_documents(
    request: Request,
    partner: Annotated[list[str] | None, Query(description="Keep documents with all these parties.")] = None,
    language: Annotated[str | None, Query(description="ISO 639-1 code, such as nb.")] = None,
    year: Year = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Documents, newest first."""
    since, until = date_range(year, since, until)
    wanted = Filters(parties=tuple(partner or ()), language=language, since=since, until=until)
    return _paged(query.documents.documents(connection(request), wanted, Window(limit, offset)))


@router.get("/documents/{ref}", response_model=DocumentOut, tags=["documents"])
def get_document(request: Request, ref: str) -> dict[str, Any]:
    """A document by id, id prefix or file name: its record, text and provision ids."""
    conn = connection(request)
    view = query.documents.show(conn, ref)
    return {
        "record": view.record,
        "event_id": view.event_id,
        "ingested_at": view.ingested_at,
        "linked": view.linked,
        "provisions": [{"id": p.id, "status": p.status} for p in view.provisions],
        "text": query.documents.text(conn, view.record.id),
    }


@router.get("/provisions/{provision_id}", response_model=query.documents.ProvisionAt, tags=["documents"])
def get_provision(request: Request, provision_id: int) -> query.documents.ProvisionAt:
    """One provision with its values and evidence."""
    return query.documents.provision(connection(request), provision_id)


# --- search -------------------------------------------------------------------------------------


@router.get("/search", response_model=query.search.SearchResult, tags=["search"])
def search(
    request: Request,
    q: Annotated[
        str,
        Query(max_length=500, description='Words (accents ignored); "phrases", OR, AND, NOT, NEAR(), prefix*.'),
    ] = "",
    partner: Country = None,
    domain: Domain = None,
    modality: Annotated[
        str | None, Query(description="commit, support, explore, position, narrative.")
    ] = None,
    language: Annotated[str | None, Query(description="Language of the provision, such as de.")] = None,
    status: Annotated[str | None, Query(description="Commitments with this status: " + ", ".join(STATUSES))] = None,
    year: Year = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> query.search.SearchResult:
    """Provisions matching words and filters, best first, with counts by facet."""
    since, until = date_range(year, since, until)
    wanted = Filters(
        parties=(partner,) if partner else (),
        domain=domain,
        modality=modality,
        language=language,
        status=status,
        since=since,
        until=until,
        text=q,
    )
    conn = connection(request)
    return query.search.search(
        conn,
        wanted,
        Window(limit, offset),
        own_side=home_of(request),
        keep=lambda key, compute: cached(request, conn, key, compute),
    )


# --- commitments and targets --------------------------------------------------------------------


@router.get("/commitments", response_model=Paged[query.commitments.Commitment], tags=["commitments"])
def list_commitments(
    request: Request,
    partner: Country = None,
    domain: Domain = None,
    modality: Annotated[str | None, Query(description="commit, support or explore.")] = None,
    status: Annotated[str | None, Query(description=", ".join(STATUSES))] = None,
    since: Since = None,
    until: Until = None,
    sort: Annotated[str, Query(description=", ".join(query.commitments.SORTS))] = "date",
    order: Annotated[str, Query(pattern="^(asc|desc)$")] = "desc",
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Commitments (provisions that commit, support or explore) with their current status."""
    wanted = Filters(
        parties=(partner,) if partner else (),
        domain=domain,
        modality=modality,
        status=status,
        since=since,
        until=until,
    )
    page = query.commitments.commitments(
        connection(request), wanted, Window(limit, offset), sort=sort, descending=order == "desc"
    )
    return _paged(page)


@router.get("/commitments/{commitment_id}", response_model=query.commitments.Commitment, tags=["commitments"])
def get_commitment(request: Request, commitment_id: int) -> query.commitments.Commitment:
    """One commitment with its whole status history."""
    return query.commitments.commitment(connection(request), commitment_id)


@router.post(
    "/commitments/{commitment_id}/status",
    response_model=query.commitments.Commitment,
    status_code=201,
    tags=["commitments"],
)
def set_status(request: Request, commitment_id: int, change: StatusIn) -> query.commitments.Commitment:
    """Record what became of a commitment; answers the commitment with its history."""
    guard: Guard = request.app.state.guard
    guard.check_write(request)
    conn = connection(request)
    query.commitments.set_status(
        conn,
        commitment_id,
        change.status,
        note=change.note or None,
        evidence_url=change.evidence_url or None,
        on=change.date or None,
    )
    return query.commitments.commitment(conn, commitment_id)


@router.get("/targets", response_model=Paged[query.targets.TargetRow], tags=["commitments"])
def list_targets(
    request: Request,
    due_before: Annotated[
        str | None, Query(description="Due before this year or date (2031: by end 2030).")
    ] = None,
    country: Country = None,
    domain: Domain = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 500,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Quantified targets, nearest deadline first."""
    wanted = Filters(parties=(country,) if country else (), domain=domain, since=since, until=until)
    return _paged(
        query.targets.targets(connection(request), wanted, Window(limit, offset), due_before=due_before)
    )


# --- partners -----------------------------------------------------------------------------------


def home_of(request: Request) -> str | None:
    """The server's home side (`accords serve --home`), or None: then every pair of states is shown."""
    setting: str | None = request.app.state.home
    return setting


def partners_of(request: Request, conn: sqlite3.Connection) -> list[query.partners.Partner]:
    """The pairs of the home side, or every pair, kept until the register changes."""
    of = home_of(request)
    return cached(request, conn, ("partners", of), lambda: query.partners.partners(conn, of=of).items)


@router.get("/partners", response_model=list[query.partners.Partner], tags=["partners"])
def list_partners(request: Request) -> list[query.partners.Partner]:
    """Every pair of states (those of the server's home side, if it has one), with level and counts."""
    return partners_of(request, connection(request))


@router.get("/partners/{code}", response_model=query.countries.CountryView, tags=["partners"])
def get_partner(request: Request, code: str) -> query.countries.CountryView:
    """One country: every pair it is in, the steps of its relationships, its commitments by domain."""
    return query.countries.country(connection(request), code, of=home_of(request))


@router.get("/compare", response_model=query.compare.Comparison, tags=["partners"])
def compare(
    request: Request,
    partner: Annotated[
        list[str], Query(description="Two or three partners, repeated: ?partner=KR&partner=RU.")
    ],
    domain: Domain = None,
    per_cell: Annotated[int, Query(ge=1, le=50)] = 5,
) -> query.compare.Comparison:
    """Partners side by side: what was agreed with each, by domain and modality."""
    conn = connection(request)
    return query.compare.compare(conn, partner, domain=domain, per_cell=per_cell, of=home_of(request))


@router.get("/heatmap", response_model=query.partners.HeatMap, tags=["partners"])
def heat_map(request: Request) -> query.partners.HeatMap:
    """Commitments in each pair of states (of the home side, if the server has one) by domain."""
    conn = connection(request)
    of = home_of(request)
    return cached(request, conn, ("heat", of), lambda: query.partners.heat_map(conn, of=of))


# --- ingest -------------------------------------------------------------------------------------


class IngestOut(BaseModel):
    """What became of each document sent."""

    results: list[uploads.Outcome]


@router.post("/ingest", response_model=IngestOut, tags=["ingest"])
async def ingest_files(
    request: Request,
    files: Annotated[list[UploadFile], File(description="Text, Markdown, HTML or PDF files.")],
) -> dict[str, Any]:
    """Add documents from files. One file that fails is a 4xx; among several, each gets its result."""
    guard: Guard = request.app.state.guard
    guard.check_write(request)
    if len(files) > uploads.MAX_FILES:
        raise BadRequest(f"too many files ({len(files)}, at most {uploads.MAX_FILES} a request)")
    limit: int = request.app.state.max_upload
    sent = [(upload.filename or "upload", await upload.read(limit + 1)) for upload in files]

    def store_all() -> list[uploads.Outcome]:
        conn = connection(request)
        if len(sent) == 1:
            return [uploads.ingest(conn, sent[0][1], sent[0][0], limit)]
        results = []
        for name, content in sent:
            try:
                results.append(uploads.ingest(conn, content, name, limit))
            except AccordsError as exc:
                results.append(uploads.failed(name, exc))
        return results

    return {"results": await while_connected(request, store_all)}


@router.post("/ingest/text", response_model=IngestOut, tags=["ingest"])
async def ingest_text(request: Request, document: TextIn) -> dict[str, Any]:
    """Add one document given as text in JSON."""
    guard: Guard = request.app.state.guard
    guard.check_write(request)

    def store() -> uploads.Outcome:
        return uploads.ingest_text(connection(request), document.text, document.name, request.app.state.max_upload)

    return {"results": [await while_connected(request, store)]}
