"""Every list as a file: `/download/{list}.csv` or `.json` with the filters of the page it came from.

The page's "download" link carries its query string, read here by `listing` into the same
`Filters`, so the file holds the rows the page shows, all of them (up to the query layer's
`MAX_LIMIT`), in the order shown. CSV cells that a spreadsheet would run as formulas are quoted.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from accords.store import query
from accords.store.query import Window
from accords.store.query.tables import Tabular
from accords.web import listing
from accords.web.api import home_of
from accords.web.connections import connection
from accords.web.errors import NotFound

router = APIRouter(include_in_schema=False)
ALL = Window(None)

def _documents(request: Request, typed: dict[str, Any]) -> Tabular:
    wanted = listing.filters(typed, listing.DOCUMENTS)
    return query.documents.documents(connection(request), wanted, ALL)


def _commitments(request: Request, typed: dict[str, Any]) -> Tabular:
    return query.commitments.commitments(
        connection(request),
        listing.filters(typed, listing.COMMITMENTS),
        ALL,
        sort=request.query_params.get("sort") or "date",
        descending=request.query_params.get("order") != "asc",
    )


def _targets(request: Request, typed: dict[str, Any]) -> Tabular:
    due = request.query_params.get("due_before") or None
    return query.targets.targets(connection(request), listing.filters(typed, listing.TARGETS), ALL, due_before=due)


def _search(request: Request, typed: dict[str, Any]) -> Tabular:
    wanted = listing.filters(typed, listing.SEARCH, text=True)
    return query.search.search(connection(request), wanted, ALL, own_side=home_of(request), count=False)


_LISTS: dict[str, Callable[[Request, dict[str, Any]], Tabular]] = {
    "documents": _documents,
    "commitments": _commitments,
    "targets": _targets,
    "search": _search,
}
_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


@router.get("/download/{name}.{kind}")
def download(request: Request, name: str, kind: str) -> Response:
    """One list, filtered as its page was, as CSV or JSON."""
    if name not in _LISTS or kind not in _TYPES:
        raise NotFound(f"no download {name}.{kind} (lists: {', '.join(_LISTS)}; as csv or json)")
    answer = _LISTS[name](request, listing.form(request.query_params))
    if kind == "csv":
        out = io.StringIO()
        answer.to_csv(out)
        body = out.getvalue()
    else:
        body = json.dumps(answer.records(), ensure_ascii=False, default=str)
    return Response(
        body,
        media_type=_TYPES[kind],
        headers={"content-disposition": f'attachment; filename="accords-{name}.{kind}"'},
    )
