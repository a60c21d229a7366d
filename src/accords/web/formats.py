"""How values read on a page: country and language names, amounts, labels, links that keep filters.

These are the templates' filters and globals; each returns plain text that the templates escape.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from urllib.parse import urlencode

from babel import Locale

_ENGLISH = Locale("en")


@cache
def country_name(code: str | None) -> str:
    """The English short name of an ISO 3166 alpha-2 code ("KR" -> "South Korea"), else the code."""
    if not code:
        return ""
    return str(_ENGLISH.territories.get(code.upper(), code))


@cache
def language_name(code: str | None) -> str:
    """The English name of an ISO 639-1 code ("nb" -> "Norwegian Bokmål"), else the code."""
    if not code:
        return ""
    return str(_ENGLISH.languages.get(code, code))


def label(value: object) -> str:
    """A taxonomy label as words: "comprehensive_strategic_partnership" -> "comprehensive strategic partnership"."""
    return "" if value is None else str(value).replace("_", " ")


def amount(value: float, unit: str) -> str:
    """A target's amount in words people use: 150000000000 USD -> "150 billion USD"."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{value / size:g} {word} {unit}"
    return f"{value:,.0f} {unit}" if value == int(value) else f"{value:g} {unit}"


def number(value: int) -> str:
    """A count with thousands separated: 20000 -> "20,000"."""
    return f"{value:,}"


def short_id(document_id: str) -> str:
    """A document's id cut to the eight characters that name it in practice."""
    return document_id[:8]


def with_params(params: Mapping[str, object], **changes: object) -> str:
    """A query string: the current parameters with some changed; None or "" drops one, a list
    repeats one (`partner=VN&partner=KR`).

    Changing a filter goes back to the first page, so `page` is dropped unless it is changed too.
    """
    merged = {k: v for k, v in params.items() if k != "page"}
    merged.update(changes)
    kept = [
        (k, str(one))
        for k, v in merged.items()
        for one in (v if isinstance(v, list | tuple) else [v])
        if one not in (None, "")
    ]
    return "?" + urlencode(kept) if kept else "?"


FILTERS = {
    "country": country_name,
    "language": language_name,
    "label": label,
    "number": number,
    "short": short_id,
}
GLOBALS = {"amount": amount, "with_params": with_params}
