"""The one query layer of the register: every question the CLI, the API, the pages, the exports
and the Python API ask, as functions of an open connection.

Each resource has its module (`documents`, `commitments`, `partners` (pairs of states),
`countries`, `targets`, `timeline`, `compare`, `search`, `overview`); a list takes one `Filters` and one `Window` and answers a
`Page` that converts to Arrow or pandas. An unknown label is a QueryError, a missing row a
NotFound; nothing outside this package (and the store's writing side) writes SQL.
"""

from accords.errors import NotFound
from accords.store.query import (
    commitments,
    compare,
    countries,
    documents,
    filters,
    overview,
    partners,
    progress,
    renewals,
    search,
    targets,
    timeline,
    versions,
)
from accords.store.query.filters import Filters, Window
from accords.store.query.tables import Page

__all__ = [
    "Filters",
    "NotFound",
    "Page",
    "Window",
    "commitments",
    "compare",
    "countries",
    "documents",
    "filters",
    "overview",
    "partners",
    "progress",
    "renewals",
    "search",
    "targets",
    "timeline",
    "versions",
]
