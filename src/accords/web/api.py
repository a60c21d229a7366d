"""The JSON API: the register's documents, provisions, commitments, targets, partners, search and ingest.

Answers are the store's own types (the Record of spec/SCHEMA.md, the dataclasses of
`accords.store.queries` and `accords.web.data`) serialised as they are, so the API, the pages and
the command line never disagree about a field. Lists are paged with `limit` and `offset` and say
how many rows there are in all. Errors are `{"detail": "one line"}` with a 4xx status.
"""

from __future__ import annotations

from typing import Annotated, Any, Generic, TypeVar

from fastapi import APIRouter, File, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from accords.errors import AccordsError
from accords.model import Provision, Record
from accords.store import queries
from accords.store.labels import STATUSES
from accords.web import data, uploads
from accords.web.connections import connection
from accords.web.errors import BadRequest
from accords.web.memo import cached
from accords.web.security import Guard

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


class Paged(BaseModel, Generic[T]):
    """Some rows of a longer list."""

    items: list[T]
    total: int
    limit: int
    offset: int


def _paged(page: data.Page[Any]) -> dict[str, Any]:
    return {"items": page.items, "total": page.total, "limit": page.limit, "offset": page.offset}


class ProvisionStatus(BaseModel):
    id: int
    status: str | None


class DocumentOut(BaseModel):
    """A document's record as extracted, with the register's ids and status of its provisions."""

    record: Record
    event_id: int | None
    ingested_at: str
    linked: list[queries.LinkedDocument]
    provisions: list[ProvisionStatus]
    text: str | None = Field(description="The text as read, which the spans index (null if not kept).")


class ProvisionOut(BaseModel):
    """One provision with where it sits and, for a commitment, its status."""

    id: int
    document_id: str
    ordinal: int
    status: str | None
    provision: Provision


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


class PartnerOut(BaseModel):
    """A partner's standing, the steps of the relationship, and its commitments by domain and modality."""

    of: str
    partner: queries.Partner
    timeline: list[queries.TimelineEntry]
    commitments: dict[str, dict[str, int]]


# --- documents and provisions -------------------------------------------------------------------


@router.get("/documents", response_model=Paged[data.DocumentRow], tags=["documents"])
def list_documents(
    request: Request,
    partner: Annotated[list[str] | None, Query(description="Keep documents with all these parties.")] = None,
    language: Annotated[str | None, Query(description="ISO 639-1 code, such as nb.")] = None,
    year: Annotated[str | None, Query(description="Documents dated in this year.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Documents, newest first."""
    conn = connection(request)
    return _paged(
        data.documents(conn, parties=partner, language=language, year=year, limit=limit, offset=offset)
    )


@router.get("/documents/{ref}", response_model=DocumentOut, tags=["documents"])
def get_document(request: Request, ref: str) -> dict[str, Any]:
    """A document by id, id prefix or file name: its record, text and provision ids."""
    conn = connection(request)
    view = queries.show(conn, data.document_id(conn, ref))
    return {
        "record": view.record,
        "event_id": view.event_id,
        "ingested_at": view.ingested_at,
        "linked": view.linked,
        "provisions": [{"id": p.id, "status": p.status} for p in view.provisions],
        "text": data.document_text(conn, view.record.id),
    }


@router.get("/provisions/{provision_id}", response_model=ProvisionOut, tags=["documents"])
def get_provision(request: Request, provision_id: int) -> dict[str, Any]:
    """One provision with its values and evidence."""
    conn = connection(request)
    ref = data.provision_ref(conn, provision_id)
    found = queries.show(conn, ref.document_id).provisions[ref.ordinal - 1]
    return {
        "id": ref.id,
        "document_id": ref.document_id,
        "ordinal": ref.ordinal,
        "status": found.status,
        "provision": found.provision,
    }


# --- search -------------------------------------------------------------------------------------


@router.get("/search", response_model=data.SearchResult, tags=["search"])
def search(
    request: Request,
    q: Annotated[str, Query(description='FTS5 words, "phrases", OR, NOT, prefix*; accents ignored.')] = "",
    partner: Country = None,
    domain: Domain = None,
    modality: Annotated[
        str | None, Query(description="commit, support, explore, position, narrative.")
    ] = None,
    language: Annotated[str | None, Query(description="Language of the provision, such as de.")] = None,
    year: Annotated[str | None, Query(description="Documents dated in this year.")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> data.SearchResult:
    """Provisions matching words and filters, best first, with counts by facet."""
    filters = data.SearchFilters(partner, domain, modality, language, year)
    return data.search(connection(request), q, filters, limit=limit, offset=offset)


# --- commitments and targets --------------------------------------------------------------------


@router.get("/commitments", response_model=Paged[data.CommitmentRow], tags=["commitments"])
def list_commitments(
    request: Request,
    partner: Country = None,
    domain: Domain = None,
    modality: Annotated[str | None, Query(description="commit, support or explore.")] = None,
    status: Annotated[str | None, Query(description=", ".join(STATUSES))] = None,
    sort: Annotated[str, Query(description=", ".join(data.SORTS))] = "date",
    order: Annotated[str, Query(pattern="^(asc|desc)$")] = "desc",
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Commitments (provisions that commit, support or explore) with their current status."""
    page = data.commitments(
        connection(request),
        data.CommitmentFilters(partner, domain, modality, status),
        sort=sort,
        descending=order == "desc",
        limit=limit,
        offset=offset,
    )
    return _paged(page)


@router.get("/commitments/{commitment_id}", response_model=queries.Commitment, tags=["commitments"])
def get_commitment(request: Request, commitment_id: int) -> queries.Commitment:
    """One commitment with its whole status history."""
    conn = connection(request)
    data.require_commitment(conn, commitment_id)
    return queries.commitment(conn, commitment_id)


@router.post(
    "/commitments/{commitment_id}/status",
    response_model=queries.Commitment,
    status_code=201,
    tags=["commitments"],
)
def set_status(request: Request, commitment_id: int, change: StatusIn) -> queries.Commitment:
    """Record what became of a commitment; answers the commitment with its history."""
    guard: Guard = request.app.state.guard
    guard.check_write(request)
    conn = connection(request)
    data.require_commitment(conn, commitment_id)
    queries.set_status(
        conn,
        commitment_id,
        change.status,
        note=change.note or None,
        evidence_url=change.evidence_url or None,
        on=change.date or None,
    )
    return queries.commitment(conn, commitment_id)


@router.get("/targets", response_model=list[queries.TargetRow], tags=["commitments"])
def list_targets(
    request: Request,
    due_before: Annotated[
        str | None, Query(description="Due before this year or date (2031: by end 2030).")
    ] = None,
    country: Country = None,
    domain: Domain = None,
) -> list[queries.TargetRow]:
    """Quantified targets, nearest deadline first."""
    return queries.targets(connection(request), due_before=due_before, country=country, domain=domain)


# --- partners -----------------------------------------------------------------------------------


@router.get("/partners", response_model=list[queries.Partner], tags=["partners"])
def list_partners(request: Request) -> list[queries.Partner]:
    """Every counterpart state of the register's own side, with level and counts."""
    conn = connection(request)
    if queries.focal_country(conn) is None:
        return []
    return cached(request, conn, "partners", lambda: queries.partners(conn))


@router.get("/partners/{code}", response_model=PartnerOut, tags=["partners"])
def get_partner(request: Request, code: str) -> dict[str, Any]:
    """One partner: standing, timeline, and commitments by domain and modality."""
    conn = connection(request)
    of = queries.focal_country(conn) or ""
    found = data.find_partner(
        cached(request, conn, "partners", lambda: queries.partners(conn)) if of else [], code
    )
    return {
        "of": of,
        "partner": found,
        "timeline": queries.timeline(conn, found.country),
        "commitments": data.partner_commitments(conn, of, found.country),
    }


@router.get("/compare", response_model=queries.Comparison, tags=["partners"])
def compare(
    request: Request,
    partner: Annotated[
        list[str], Query(description="Two or three partners, repeated: ?partner=KR&partner=RU.")
    ],
    domain: Domain = None,
    per_cell: Annotated[int, Query(ge=1, le=50)] = 5,
) -> queries.Comparison:
    """Partners side by side: what was agreed with each, by domain and modality."""
    return queries.compare(connection(request), partner, domain=domain, per_cell=per_cell)


@router.get("/heatmap", response_model=data.HeatMap, tags=["partners"])
def heat_map(request: Request) -> data.HeatMap:
    """Commitments with each partner in each domain."""
    conn = connection(request)
    of = queries.focal_country(conn)
    if of is None:
        raise BadRequest("the register is empty: add documents first")
    return cached(request, conn, ("heat", of), lambda: data.heat_map(conn, of))


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

    return {"results": await run_in_threadpool(store_all)}


@router.post("/ingest/text", response_model=IngestOut, tags=["ingest"])
def ingest_text(request: Request, document: TextIn) -> dict[str, Any]:
    """Add one document given as text in JSON."""
    guard: Guard = request.app.state.guard
    guard.check_write(request)
    outcome = uploads.ingest_text(
        connection(request), document.text, document.name, request.app.state.max_upload
    )
    return {"results": [outcome]}
