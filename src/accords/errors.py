"""Typed errors: each becomes one line at the command line and a 4xx answer in the web app."""

from __future__ import annotations


class AccordsError(Exception):
    """Base of every error a user can cause; its message is the one line they see."""


class ReadError(AccordsError):
    """An input could not be read: missing, empty, binary, too large, or without text."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem

    def __reduce__(self) -> tuple[type[ReadError], tuple[str, str]]:
        # Rebuilt from both parts when a worker process hands it back (see accords.parallel).
        return (type(self), (self.name, self.problem))


class StoreError(AccordsError):
    """The register cannot be opened or changed: not SQLite, newer schema, locked."""


class QueryError(AccordsError):
    """A query names something unknown (a country, a domain) or has bad syntax."""


class NotFound(QueryError):
    """A document, provision, commitment or partner that the register does not hold."""
