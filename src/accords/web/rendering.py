"""Pages from Jinja templates, escaped by default, with what every page needs to know.

Autoescaping is on for every template, so any text from a document, a search or a form shows
as text; nothing in the templates marks a value as safe.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined

from accords import __version__
from accords.web import formats, highlight
from accords.web.security import Guard

NAVIGATION = (
    ("home", "/", "Overview"),
    ("search", "/search", "Search"),
    ("documents", "/documents", "Documents"),
    ("partners", "/partners", "Partners"),
    ("compare", "/compare", "Compare"),
    ("commitments", "/commitments", "Commitments"),
    ("targets", "/targets", "Targets"),
    ("upload", "/upload", "Add documents"),
)


def environment() -> Environment:
    """The templates of `accords.web`, autoescaped, with the formatting filters."""
    env = Environment(
        loader=PackageLoader("accords.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(formats.FILTERS)
    env.globals.update(formats.GLOBALS)
    env.globals.update(navigation=NAVIGATION, version=__version__, categories=highlight.CATEGORIES)
    return env


def render(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    """A page: the template with the request, the query parameters and whether this browser may write."""
    guard: Guard = request.app.state.guard
    env: Environment = request.app.state.templates
    values: dict[str, Any] = {
        "active": "",
        "request": request,
        "params": {
            key: given if len(given) > 1 else given[0]
            for key in request.query_params
            if (given := request.query_params.getlist(key))
        },
        "can_write": guard.can_write(request),
        "needs_token": guard.needs_token,
    }
    values.update(context)
    return HTMLResponse(env.get_template(template).render(values), status_code=status)
