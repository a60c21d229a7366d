"""The labels a query may name, and their checks: an unknown one is a QueryError, not an empty answer.

Modalities and domains are those of spec/taxonomy.json; statuses are the register's own.
"""

from __future__ import annotations

import re

import pycountry

from accords.errors import QueryError
from accords.taxonomy import DOMAINS, MODALITIES

COMMITMENT_MODALITIES = ("commit", "support", "explore")
STATUSES = ("open", "in_progress", "fulfilled", "lapsed", "dropped")

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _one_of(kind: str, value: str, allowed: tuple[str, ...]) -> str:
    folded = value.strip().lower().replace("-", "_")
    if folded not in allowed:
        raise QueryError(f"unknown {kind} {value!r} (known: {', '.join(allowed)})")
    return folded


def modality(value: str) -> str:
    """A modality of the taxonomy."""
    return _one_of("modality", value, MODALITIES)


def domain(value: str) -> str:
    """A domain of the taxonomy."""
    return _one_of("domain", value, DOMAINS)


def status(value: str) -> str:
    """A commitment status; `in-progress` is accepted for `in_progress`."""
    return _one_of("status", value, STATUSES)


def country(value: str) -> str:
    """An ISO 3166-1 alpha-2 code from a code (alpha-2 or alpha-3) or an English name."""
    try:
        found = pycountry.countries.lookup(value.strip())
    except LookupError:
        raise QueryError(f"unknown country {value!r} (use an ISO code such as KR, RU, KZ)") from None
    return str(found.alpha_2)


def alpha3(code: str) -> str:
    """The ISO alpha-3 code of an alpha-2 one (PLOVER's actor codes), or the code itself if unknown."""
    found = pycountry.countries.get(alpha_2=code)
    return str(found.alpha_3) if found else code


def date(value: str) -> str:
    """A year, year-month or ISO date, as given."""
    if not _DATE.match(value.strip()):
        raise QueryError(f"bad date {value!r} (use 2025, 2025-05 or 2025-05-07)")
    return value.strip()
