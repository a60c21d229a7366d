"""The one filter vocabulary of the register: which documents and provisions a question is about.

Every question (documents, commitments, targets, search, partners' tables) takes one `Filters`
and one `Window`; the command line's options, the API's and the pages' query parameters are read
into them, so a filter is added once and means the same everywhere. `checked()` normalises each
label and turns an unknown one into a QueryError, never an empty answer.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from accords.errors import QueryError
from accords.store import labels

MAX_LIMIT = 100_000
"""Rows one answer may hold; the command line's "all" is this many."""
MAX_OFFSET = 10_000_000
"""Rows an answer may skip: far beyond any register, and well inside SQLite's integers."""
MAX_QUERY = 500
"""Characters of search text."""


@dataclass(frozen=True)
class Filters:
    """What a question is narrowed to; None (or no parties) leaves that side open.

    `parties` keeps documents with all of these states among their parties (one for a country, two
    for a pair). `since` and `until` bound the document's date, each a year, a month or a day, both
    ends included (`until` 2025 keeps all of 2025). `language` is a provision's language (a
    document's, for lists of documents). `text` is the words searched for.
    """

    parties: tuple[str, ...] = ()
    domain: str | None = None
    modality: str | None = None
    language: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None

    def checked(self) -> Filters:
        """The same filters, each label checked and normalised (QueryError if unknown)."""
        since = labels.date(self.since) if self.since else None
        until = labels.date(self.until) if self.until else None
        if since and until and until < since[: len(until)]:
            raise QueryError(f"the date range {since} to {until} ends before it begins")
        text = self.text.strip() if self.text and self.text.strip() else None
        if text is not None and len(text) > MAX_QUERY:
            raise QueryError(f"search too long ({len(text)} characters, at most {MAX_QUERY})")
        return Filters(
            parties=tuple(dict.fromkeys(labels.country(code) for code in self.parties if code.strip())),
            domain=labels.domain(self.domain) if self.domain else None,
            modality=labels.modality(self.modality) if self.modality else None,
            language=language(self.language) if self.language else None,
            status=labels.status(self.status) if self.status else None,
            since=since,
            until=until,
            text=text,
        )

    def given(self) -> list[str]:
        """The names of the filters set, for messages."""
        return [f.name for f in fields(self) if getattr(self, f.name) not in (None, ())]

    def only(self, allowed: tuple[str, ...], question: str) -> Filters:
        """These filters, if `question` can apply each of them; else a QueryError naming the others."""
        extra = [name for name in self.given() if name not in allowed]
        if extra:
            raise QueryError(f"{question} cannot be narrowed by {', '.join(extra)}")
        return self

    def with_parties(self, *codes: str) -> Filters:
        """The same filters, also keeping documents with these parties."""
        return replace(self, parties=(*self.parties, *codes))


def language(value: str) -> str:
    """An ISO 639 language code, lower-cased."""
    code = value.strip().lower()
    if not code.isalpha() or len(code) not in (2, 3):
        raise QueryError(f"bad language {value!r} (use an ISO 639-1 code such as en, nb, de, vi)")
    return code


def year(value: str) -> str:
    """Four digits."""
    if len(value.strip()) != 4 or not value.strip().isdigit():
        raise QueryError(f"bad year {value!r} (use four digits, such as 2025)")
    return value.strip()


@dataclass(frozen=True)
class Window:
    """Which rows of a long answer to give: at most `limit` (None: all) after skipping `offset`."""

    limit: int | None = 50
    offset: int = 0

    def checked(self) -> Window:
        """The window, if its numbers are in range (QueryError otherwise, never an overflow)."""
        if self.limit is not None and not 1 <= self.limit <= MAX_LIMIT:
            raise QueryError(f"bad limit {self.limit} (give 1 to {MAX_LIMIT})")
        if not 0 <= self.offset <= MAX_OFFSET:
            raise QueryError(f"bad offset {self.offset} (give 0 to {MAX_OFFSET})")
        return self

    @property
    def rows(self) -> int:
        """The limit as a number SQLite takes."""
        return MAX_LIMIT if self.limit is None else self.limit

    @classmethod
    def page(cls, number: int, size: int) -> Window:
        """The window of page `number` (from 1) of `size` rows."""
        if not 1 <= number <= MAX_OFFSET // size:
            raise QueryError(f"bad page {number} (give 1 to {MAX_OFFSET // size})")
        return cls(size, (number - 1) * size)
