"""The filters of the lists (search, documents, commitments, targets) as a page or a download reads
them from the query string, so a page's "download as CSV" link gives exactly the rows it shows.

A form keeps what was typed (to show it again); `filters` turns it into the query layer's one
`Filters`, taking only the fields a list can apply. `partner` may repeat: two make a pair.
"""

from __future__ import annotations

from typing import Any

from starlette.datastructures import QueryParams

from accords.store.query import Filters
from accords.store.query.filters import year as checked_year
from accords.web.errors import BadRequest

FIELDS = ("partner", "domain", "modality", "language", "status", "since", "until", "year")
MAX_PARTIES = 3
SEARCH = ("partner", "domain", "modality", "language", "status", "since", "year")
DOCUMENTS = ("partner", "language", "since", "year")
COMMITMENTS = ("partner", "domain", "modality", "language", "status", "since", "year")
TARGETS = ("partner", "domain", "modality", "status", "since", "year")
"""The fields each list applies ("since" stands for the date range, "year" for one year of it)."""


def form(params: QueryParams) -> dict[str, Any]:
    """The filter fields as typed: `partner` a list, the others a string or None, `q` the words."""
    found: dict[str, Any] = {
        name: (params.get(name) or "").strip() or None for name in FIELDS if name != "partner"
    }
    found["partner"] = [code.strip() for code in params.getlist("partner") if code.strip()][:MAX_PARTIES]
    found["q"] = (params.get("q") or "").strip()
    return found


def filters(typed: dict[str, Any], allowed: tuple[str, ...], *, text: bool = False) -> Filters:
    """The query layer's filters from a form, with only the `allowed` fields (and the words, if `text`)."""
    since, until = typed.get("since"), typed.get("until")
    if typed.get("year") and "year" in allowed:
        if since or until:
            raise BadRequest("give a year, or since and until, not both")
        since = until = checked_year(typed["year"])
    return Filters(
        parties=tuple(typed["partner"]) if "partner" in allowed else (),
        domain=typed.get("domain") if "domain" in allowed else None,
        modality=typed.get("modality") if "modality" in allowed else None,
        language=typed.get("language") if "language" in allowed else None,
        status=typed.get("status") if "status" in allowed else None,
        since=since if "since" in allowed else None,
        until=until if "since" in allowed else None,
        text=typed.get("q") if text else None,
    )


def is_filtered(typed: dict[str, Any]) -> bool:
    """Whether any filter or words are set (to offer "clear all filters")."""
    return any(typed.get(name) for name in (*FIELDS, "q"))
