"""The web app: pages and a JSON API over one register file.

`create_app` builds the FastAPI application that `accords serve` runs under uvicorn. Pages are
rendered on the server and work without JavaScript; the API under /api serves the same data as
JSON and is described at /openapi.json and /docs, whose assets, like the charts' plotly.js, come
from installed packages rather than a CDN. A user's mistake (a bad search, an unknown id, a
malformed body, an upload too large) is a 4xx with a one-line message, as JSON under /api and as a
page elsewhere; only a bug is a 500.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from accords import __version__
from accords.errors import AccordsError
from accords.read import DEFAULT_MAX_BYTES
from accords.store import connect, labels
from accords.web import api, assets, downloads, pages
from accords.web.connections import Connections
from accords.web.errors import status_of
from accords.web.memo import Memo
from accords.web.rendering import environment, render
from accords.web.security import Guard
from accords.web.uploads import BodyLimit
from accords.web.workers import Limits, workers

STATIC = Path(__file__).parent / "static"
_log = logging.getLogger("accords.web")

SECURITY_HEADERS = {
    # Scripts only from this server, never inline: a script smuggled into a page cannot run even
    # if something were left unescaped. Plotly sets inline styles, so styles may be inline.
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
        " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    ),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
}


def create_app(
    db_path: str | Path,
    token: str | None = None,
    *,
    max_upload: int = DEFAULT_MAX_BYTES,
    upload_limits: Limits | None = None,
    home: str | None = None,
) -> FastAPI:
    """The app over the register at `db_path` (which must exist: StoreError if it cannot be opened).

    `token`, when given, is required by every request that changes data; `max_upload` is the
    largest document, in bytes, that an upload may carry; `upload_limits` the time and memory
    its reading may take; `home` the state whose partners the pages show (default: the party to
    the most documents).
    """
    workers.limits = upload_limits or Limits()
    connections = Connections(db_path)
    connect(db_path).close()

    app = FastAPI(
        title="Accords",
        version=__version__,
        summary="Who committed to what in diplomatic joint statements and visit reports.",
        description=api.DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.connections = connections
    app.state.guard = Guard(token)
    app.state.memo = Memo()
    app.state.max_upload = max_upload
    app.state.home = labels.country(home) if home else None
    app.state.templates = environment()

    app.add_exception_handler(AccordsError, _accords_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _bug)

    @app.middleware("http")
    async def guard_and_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        try:
            request.app.state.guard.check_host(request)
        except AccordsError as exc:
            response: Response = await _accords_error(request, exc)
        else:
            response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.add_middleware(BodyLimit, max_bytes=max_upload, headers=SECURITY_HEADERS)
    # Outermost, so that every answer may be compressed (plotly.min.js is 4.6 MB, 1.4 MB gzipped).
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.include_router(api.router)
    app.include_router(assets.router)
    app.include_router(pages.router)
    app.include_router(downloads.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's description, with the token as a bearer security scheme on every request that writes."""
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title,
            version=app.version,
            summary=app.summary,
            description=app.description,
            routes=app.routes,
        )
        schema.setdefault("components", {})["securitySchemes"] = {
            "token": {
                "type": "http",
                "scheme": "bearer",
                "description": "The server's token (`accords serve --token`), needed by requests that change data.",
            }
        }
        for path in schema.get("paths", {}).values():
            for method, operation in path.items():
                if method in ("post", "put", "patch", "delete"):
                    operation["security"] = [{"token": []}]
        app.openapi_schema = schema
    return app.openapi_schema


def wants_json(request: Request) -> bool:
    """Whether an error should be JSON: API paths, and clients that ask for JSON rather than HTML."""
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def error_response(request: Request, status: int, message: str) -> Response:
    """`{"detail": message}` for the API (as FastAPI's own errors), an error page for a browser."""
    if wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    return render(request, "error.html", {"status": status, "message": message}, status=status)


async def _accords_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, AccordsError)
    return error_response(request, status_of(exc), str(exc))


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return error_response(request, _validation_status(exc), validation_message(exc))


def _validation_status(exc: RequestValidationError) -> int:
    kinds = {error.get("type") for error in exc.errors()}
    return 400 if "json_invalid" in kinds else 422


def validation_message(exc: RequestValidationError) -> str:
    """One line naming each bad field and what is wrong with it."""
    problems = []
    for error in exc.errors():
        if error.get("type") == "json_invalid":
            ctx = error.get("ctx") or {}
            return f"malformed JSON body: {ctx.get('error', 'cannot be parsed')}"
        where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
        problems.append(f"{where or 'body'}: {error.get('msg', 'invalid')}")
    return "; ".join(problems) or "invalid request"


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = exc.detail if isinstance(exc.detail, str) else "request failed"
    if exc.status_code == 404 and message == "Not Found":
        message = f"no page at {request.url.path}"
    response = error_response(request, exc.status_code, message)
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


async def _bug(request: Request, exc: Exception) -> Response:
    _log.exception("error answering %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(request, 500, "internal error: the server's log has the details")
