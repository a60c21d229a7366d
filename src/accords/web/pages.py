"""The HTML pages: overview, search, documents, partners, compare, commitments, upload.

Each handler asks the register's query layer (`accords.store.query`) one set of questions and
renders one template. Everything works with plain links and forms; JavaScript only draws the charts, whose
numbers are also on the page as tables. A form's mistake (a bad search, an invalid status change)
shows the page again with the message and a 400, keeping what was typed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Annotated, Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from accords.errors import AccordsError, QueryError
from accords.store import labels, query
from accords.store.query import Filters, Window
from accords.taxonomy import DOMAINS, MODALITIES
from accords.web import highlight, listing, uploads
from accords.web.api import home_of, partners_of
from accords.web.connections import connection
from accords.web.errors import BadRequest
from accords.web.formats import amount, label
from accords.web.memo import cached
from accords.web.rendering import render
from accords.web.security import TOKEN_COOKIE, Guard
from accords.web.sparklines import sparkline
from accords.web.workers import while_connected

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50


def _empty(value: str | None) -> str | None:
    """A form's empty field as absent."""
    return value.strip() if value and value.strip() else None


def _choices(request: Request, conn: sqlite3.Connection) -> dict[str, Any]:
    """The options of the filter forms: the partners in the register and the taxonomy's labels."""
    return {
        "partner_choices": sorted(
            {code for p in partners_of(request, conn) for code in (p.of, p.country)} - {home_of(request)}
        ),
        "domain_choices": DOMAINS,
        "modality_choices": MODALITIES,
        "status_choices": labels.STATUSES,
    }


# --- overview -----------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    conn = connection(request)
    of = home_of(request)
    summary = cached(request, conn, ("overview", of), lambda: query.overview.overview(conn, of=of))
    partners = partners_of(request, conn)
    return render(
        request,
        "home.html",
        {
            "active": "home",
            "summary": summary,
            "latest": query.documents.documents(conn, window=Window(8)).items,
            "upcoming": query.targets.targets(conn, window=Window(8), due_from=date.today().year).items,
            "partners": sorted(partners, key=lambda p: (-p.documents, -p.commitments, p.country))[:8],
        },
    )


# --- search -------------------------------------------------------------------------------------


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    q: Annotated[str, Query(max_length=500)] = "",
    page: Annotated[int, Query(ge=1, le=1000)] = 1,
) -> HTMLResponse:
    """Search with facets; the filters are read by `listing` (partner, domain, ..., since, until, year)."""
    conn = connection(request)
    form = listing.form(request.query_params)
    context: dict[str, Any] = {
        "active": "search",
        "q": q,
        "filters": form,
        "filtered": listing.is_filtered(form),
        "result": None,
        "error": None,
        "pieces": {},
    }
    if listing.is_filtered(form):
        try:
            wanted = listing.filters(form, listing.SEARCH, text=True)
            result = query.search.search(
                conn,
                wanted,
                Window.page(page, 20),
                own_side=home_of(request),
                keep=lambda key, compute: cached(request, conn, key, compute),
            )
        except QueryError as exc:
            context["error"] = str(exc)
            return render(request, "search.html", context, status=400)
        context["result"] = result
        context["pieces"] = {
            hit.provision_id: highlight.matched_pieces(hit.excerpt, q) for hit in result.hits.items
        }
    return render(request, "search.html", context)


# --- documents ----------------------------------------------------------------------------------


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, page: Annotated[int, Query(ge=1)] = 1) -> HTMLResponse:
    conn = connection(request)
    form = listing.form(request.query_params)
    wanted = listing.filters(form, listing.DOCUMENTS)
    found = query.documents.documents(conn, wanted, Window.page(page, PAGE_SIZE))
    return render(
        request,
        "documents.html",
        {
            "active": "documents",
            "filters": form,
            "filtered": listing.is_filtered(form),
            "page": found,
            "page_number": page,
            **_choices(request, conn),
        },
    )


@router.get("/documents/{ref}", response_class=HTMLResponse)
def document(request: Request, ref: str) -> HTMLResponse:
    conn = connection(request)
    view = query.documents.show(conn, ref)
    record = view.record
    text = query.documents.text(conn, record.id)
    evidence = [*record.event.evidence, *record.relationship.evidence]
    blocks = highlight.document_blocks(text, view.provisions, evidence) if text else None
    counts = dict.fromkeys((key for key, _ in highlight.CATEGORIES), 0)
    for item in [*evidence, *(e for p in record.provisions for e in p.evidence)]:
        counts[highlight.category(item.field)] += 1
    url = record.source.url
    return render(
        request,
        "document.html",
        {
            "active": "documents",
            "view": view,
            "record": record,
            "blocks": blocks,
            "counts": counts,
            "source_url": url if url and urlsplit(url).scheme in ("http", "https") else None,
        },
    )


# --- partners -----------------------------------------------------------------------------------


@router.get("/partners", response_class=HTMLResponse)
def partners(request: Request) -> HTMLResponse:
    conn = connection(request)
    of = home_of(request)
    found = partners_of(request, conn)
    return render(request, "partners.html", {"active": "partners", "of": of, "partners": found})


@router.get("/partners/{code}", response_class=HTMLResponse)
def partner(request: Request, code: str) -> HTMLResponse:
    """A country's page: every pair it is in, and (with the home side, if any) its steps and commitments."""
    conn = connection(request)
    view = query.countries.country(conn, code, of=home_of(request))
    parties = (view.country, view.home) if view.pair and view.home else (view.country,)
    scope = urlencode([("partner", p) for p in parties])
    wanted = Filters(parties=parties)
    return render(
        request,
        "partner.html",
        {
            "active": "partners",
            "view": view,
            "scope": scope,
            "commitments": query.commitments.commitments(conn, wanted, Window(1)).total,
            "timeline": view.timeline,
            "levels": [e for e in view.timeline if e.kind in ("relations", "level", "upgrade")],
            "by_domain": view.commitments,
            "targets": _with_progress(conn, query.targets.targets(conn, wanted).items),
            "latest": _latest_visits(conn, view),
            "documents": query.documents.documents(conn, wanted, Window(200)),
            "timeline_chart": _timeline_chart(view.timeline),
            "domain_chart": _domain_chart(scope, view.commitments),
        },
    )


@router.get("/documents/{first}/versions/{second}", response_class=HTMLResponse)
def versions(request: Request, first: str, second: str) -> HTMLResponse:
    """Two language versions of one text side by side, provision by provision, with their disagreements marked."""
    found = query.versions.diff(connection(request), first, second)
    return render(request, "versions.html", {"active": "documents", "diff": found})


@router.get("/targets", response_class=HTMLResponse)
def targets(request: Request, partner: Annotated[list[str] | None, Query()] = None) -> HTMLResponse:
    """Every quantified target, nearest deadline first, with what has been reached toward it."""
    conn = connection(request)
    wanted = Filters(parties=tuple(p for p in partner or () if p.strip()))
    found = query.targets.targets(conn, wanted, Window(MAX_TARGETS))
    return render(
        request,
        "targets.html",
        {"active": "targets", "targets": _with_progress(conn, found.items), "total": found.total},
    )


MAX_TARGETS = 500
"""How many targets one page lists."""


def _with_progress(conn: sqlite3.Connection, found: list[query.targets.TargetRow]) -> list[dict[str, Any]]:
    """Each target with its progress and the small chart of it."""
    out = []
    for t in found:
        progress = query.progress.progress(conn, t)
        out.append({"t": t, "progress": progress, "chart": sparkline(t, progress)})
    return out


def _latest_visits(conn: sqlite3.Connection, view: query.countries.CountryView) -> list[query.renewals.LatestVisit]:
    """For each pair on the page that met more than once: its latest document and how its commitments stand."""
    pairs = [view.pair] if view.pair else [p for p in view.pairs if p.documents > 1]
    found = (query.renewals.latest_changes(conn, [p.of, p.country]) for p in pairs[:MAX_LATEST_PAIRS])
    return [visit for visit in found if visit is not None and visit.changes]


MAX_LATEST_PAIRS = 30
"""How many pairs a country page compares with their earlier visits."""

_KIND_NAMES = {
    "relations": "Relations",
    "level": "Level",
    "visit": "Visits",
    "upgrade": "Upgrades",
    "statement": "Statements",
    "report": "Reports",
}


def _timeline_chart(entries: list[query.timeline.TimelineEntry]) -> dict[str, Any]:
    """A plotly figure: the relationship's dated steps, one row per kind, each point linking to its document."""
    traces = []
    for kind, name in _KIND_NAMES.items():
        points = [e for e in entries if e.kind == kind and e.date]
        if not points:
            continue
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": name,
                "x": [e.date if len(e.date or "") > 4 else f"{e.date}-07-01" for e in points],
                "y": [name] * len(points),
                "text": [e.summary for e in points],
                "customdata": [f"/documents/{e.documents[0]}" if e.documents else "" for e in points],
                "hovertemplate": "%{text}<br>%{x|%Y-%m-%d}<extra></extra>",
                "marker": {"size": 14, "line": {"width": 1, "color": "#fff"}},
            }
        )
    return {
        "data": traces,
        "layout": {
            "height": 90 + 44 * len(traces),
            "margin": {"l": 96, "r": 16, "t": 8, "b": 36},
            "showlegend": False,
            "xaxis": {"type": "date", "gridcolor": "#e8e6e1"},
            "yaxis": {"automargin": True, "fixedrange": True, "autorange": "reversed"},
        },
    }


_MODALITY_COLOURS = {"commit": "#1f6f5c", "support": "#5fa58f", "explore": "#c9a227"}


def _domain_chart(scope: str, by_domain: dict[str, dict[str, int]]) -> dict[str, Any]:
    """A plotly figure: commitments by domain, stacked by modality, each bar linking to its commitments."""
    domains = list(by_domain)
    traces = [
        {
            "type": "bar",
            "orientation": "h",
            "name": modality,
            "y": [label(d) for d in domains],
            "x": [by_domain[d].get(modality, 0) for d in domains],
            "customdata": [
                f"/commitments?{scope}&domain={d}&modality={modality}" for d in domains
            ],
            "marker": {"color": colour},
            "hovertemplate": "%{y}: %{x} " + modality + "<extra></extra>",
        }
        for modality, colour in _MODALITY_COLOURS.items()
    ]
    return {
        "data": traces,
        "layout": {
            "barmode": "stack",
            "height": 80 + 26 * max(len(domains), 1),
            "margin": {"l": 150, "r": 16, "t": 8, "b": 30},
            "legend": {"orientation": "h", "y": 1.08, "x": 0, "traceorder": "normal"},
            "yaxis": {"autorange": "reversed", "fixedrange": True},
            "xaxis": {"gridcolor": "#e8e6e1", "fixedrange": True},
        },
    }


# --- compare ------------------------------------------------------------------------------------


@router.get("/compare", response_class=HTMLResponse)
def compare(
    request: Request,
    partner: Annotated[list[str] | None, Query()] = None,
    domain: str | None = None,
) -> Response:
    if any(not value.strip() for _, value in request.query_params.multi_items()):
        # The form sends its empty fields (no third partner, all domains): answer with the clean
        # address, so that what the browser shows is a permalink worth sharing.
        kept = [(name, value.strip()) for name, value in request.query_params.multi_items() if value.strip()]
        return RedirectResponse(f"/compare?{urlencode(kept)}#side-by-side" if kept else "/compare", 303)
    conn = connection(request)
    of = home_of(request)
    chosen = list(dict.fromkeys(p for p in (partner or []) if p.strip()))
    context: dict[str, Any] = {
        "active": "compare",
        "of": of,
        "heat": cached(request, conn, ("heat", of), lambda: query.partners.heat_map(conn, of=of)),
        "chosen": chosen,
        "domain": _empty(domain),
        "comparison": None,
        "error": None,
        **_choices(request, conn),
    }
    if chosen:
        try:
            if len(chosen) > 3:
                raise QueryError("compare two or three partners at a time")
            context["comparison"] = query.compare.compare(conn, chosen, domain=_empty(domain), per_cell=8, of=of)
        except QueryError as exc:
            context["error"] = str(exc)
            return render(request, "compare.html", context, status=400)
    return render(request, "compare.html", context)


# --- commitments --------------------------------------------------------------------------------


@router.get("/commitments", response_class=HTMLResponse)
def commitments(
    request: Request,
    sort: str = "date",
    order: str = "desc",
    page: Annotated[int, Query(ge=1)] = 1,
) -> HTMLResponse:
    conn = connection(request)
    form = listing.form(request.query_params)
    wanted = listing.filters(form, listing.COMMITMENTS)
    found = query.commitments.commitments(
        conn, wanted, Window.page(page, PAGE_SIZE), sort=sort, descending=order != "asc"
    )
    return render(
        request,
        "commitments.html",
        {
            "active": "commitments",
            "filters": form,
            "filtered": listing.is_filtered(form),
            "page": found,
            "page_number": page,
            "sort": sort,
            "order": "asc" if order == "asc" else "desc",
            "sorts": query.commitments.SORTS,
            **_choices(request, conn),
        },
    )


def _commitment_page(
    request: Request, commitment_id: int, error: str | None = None, form: dict[str, str] | None = None
) -> HTMLResponse:
    conn = connection(request)
    found = query.commitments.commitment(conn, commitment_id)
    provision = query.documents.provision(conn, commitment_id).provision
    return render(
        request,
        "commitment.html",
        {
            "active": "commitments",
            "c": found,
            "provision": provision,
            "mentions": query.renewals.line(conn, commitment_id),
            "targets": [
                amount(t.amount, t.unit) + (f" by {t.year}" if t.year else "") for t in provision.targets
            ],
            "statuses": labels.STATUSES,
            "error": error,
            "form": form
            or {"status": found.status, "date": date.today().isoformat(), "note": "", "evidence_url": ""},
            "saved": request.query_params.get("saved") == "1",
        },
        status=400 if error else 200,
    )


@router.get("/commitments/{commitment_id}", response_class=HTMLResponse)
def commitment(request: Request, commitment_id: int) -> HTMLResponse:
    return _commitment_page(request, commitment_id)


@router.post("/commitments/{commitment_id}/status")
def change_status(
    request: Request,
    commitment_id: int,
    status: Annotated[str, Form()],
    on: Annotated[str, Form(alias="date")] = "",
    note: Annotated[str, Form(max_length=4000)] = "",
    evidence_url: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Record a status change from the page's form, then show the commitment again (post/redirect/get)."""
    guard: Guard = request.app.state.guard
    guard.check_write(request)
    conn = connection(request)
    query.commitments.commitment(conn, commitment_id)
    try:
        query.commitments.set_status(
            conn,
            commitment_id,
            status,
            note=_empty(note),
            evidence_url=_empty(evidence_url),
            on=_empty(on),
        )
    except QueryError as exc:
        form = {"status": status, "date": on, "note": note, "evidence_url": evidence_url}
        return _commitment_page(request, commitment_id, str(exc), form)
    return RedirectResponse(f"/commitments/{commitment_id}?saved=1#history", status_code=303)


# --- upload -------------------------------------------------------------------------------------


@router.get("/upload", response_class=HTMLResponse)
def upload_form(request: Request) -> HTMLResponse:
    return render(
        request,
        "upload.html",
        {"active": "upload", "results": None, "error": None, "limit": request.app.state.max_upload},
    )


@router.post("/upload", response_class=HTMLResponse)
async def upload(request: Request) -> HTMLResponse:
    """Store the files and the pasted text of the form, each on its own, and show what became of each."""
    guard: Guard = request.app.state.guard
    guard.check_write(request)
    limit: int = request.app.state.max_upload
    form = await request.form(max_files=uploads.MAX_FILES, max_part_size=limit)
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
    sent = [(f.filename or "upload", await f.read(limit + 1)) for f in files]
    text = form.get("text")
    pasted = text if isinstance(text, str) and text.strip() else None
    name = form.get("name")

    def store_all() -> list[uploads.Outcome]:
        conn = connection(request)
        results = [_attempt(n, partial(uploads.ingest, conn, content, n, limit)) for n, content in sent]
        if pasted is not None:
            shown = uploads.clean_name(name if isinstance(name, str) else None)
            results.append(_attempt(shown, partial(uploads.ingest_text, conn, pasted, shown, limit)))
        return results

    if not sent and pasted is None:
        error = str(BadRequest("choose a file or paste some text"))
        return render(
            request, "upload.html", {"active": "upload", "results": None, "error": error, "limit": limit}, 400
        )
    results = await while_connected(request, store_all)
    status = 200 if any(r.status != "failed" for r in results) else 422
    return render(
        request,
        "upload.html",
        {"active": "upload", "results": results, "error": None, "limit": limit},
        status,
    )


def _attempt(name: str, job: Callable[[], uploads.Outcome]) -> uploads.Outcome:
    """One document's outcome: stored, already there, or failed with its reason."""
    try:
        return job()
    except AccordsError as exc:
        return uploads.failed(name, exc)


# --- log in -------------------------------------------------------------------------------------


def _local_path(target: str) -> str:
    """A redirect target on this site only (never another host)."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/") -> HTMLResponse:
    return render(request, "login.html", {"active": "", "next": _local_path(next), "error": None})


@router.post("/login")
def login(request: Request, token: Annotated[str, Form()], next: Annotated[str, Form()] = "/") -> Response:
    """Keep the server's token in an HTTP-only, same-site cookie, so the browser's forms may write."""
    guard: Guard = request.app.state.guard
    guard.check_origin(request)
    guard.check_login_rate(request)
    if not guard.accepts(token):
        guard.failed_login(request)
        return render(
            request, "login.html", {"active": "", "next": _local_path(next), "error": "wrong token"}, 401
        )
    response = RedirectResponse(quote(_local_path(next), safe="/?=&#%"), status_code=303)
    response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict", path="/")
    return response
