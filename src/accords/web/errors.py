"""The web app's own errors, and the HTTP status each error a user can cause is answered with.

Every `AccordsError` becomes a 4xx with its one-line message (a locked register a 503, since
trying again helps); anything else is a bug and stays a 500 with no details shown.
"""

from __future__ import annotations

from accords.errors import AccordsError, NotFound, QueryError, ReadError, StoreError

__all__ = [
    "BadRequest",
    "BadToken",
    "Forbidden",
    "NotFound",
    "TooLarge",
    "TooManyRequests",
    "Unauthorized",
    "UnsupportedType",
    "status_of",
]


class Unauthorized(AccordsError):
    """A request that changes data came without the server's token."""


class Forbidden(AccordsError):
    """A request that another site made in the user's browser, or sent to an unexpected host name."""


class TooLarge(AccordsError):
    """An upload over the size limit."""


class UnsupportedType(AccordsError):
    """An upload that is not text, Markdown, HTML or PDF."""


class TooManyRequests(AccordsError):
    """A client that keeps sending wrong tokens."""


class BadToken(AccordsError):
    """A server token too short to guard anything."""


class TooCostly(AccordsError):
    """An upload whose reading passed the time or memory limit of its worker."""


class ServerStopping(AccordsError):
    """An upload cut short because the server is stopping."""


class BadRequest(AccordsError):
    """A request whose body or parameters cannot be understood."""


_STATUS: tuple[tuple[type[AccordsError], int], ...] = (
    (NotFound, 404),
    (Unauthorized, 401),
    (Forbidden, 403),
    (TooLarge, 413),
    (TooCostly, 422),
    (ServerStopping, 503),
    (UnsupportedType, 415),
    (StoreError, 503),
    (ReadError, 422),
    (QueryError, 400),
    (BadRequest, 400),
    (TooManyRequests, 429),
)


def status_of(error: AccordsError) -> int:
    """The HTTP status for an error a user caused."""
    for kind, status in _STATUS:
        if isinstance(error, kind):
            return status
    return 400
