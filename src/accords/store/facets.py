"""Search filters as tokens in the full-text index.

A filtered search ("nuclear power" with RU, energy, commit, since 2025) could check every provision
the words match, but a common word matches tens of thousands of provisions in a large register. So
each provision's parties, domains, modality and year are also indexed, as made-up words in the FTS
column `facets`, and a filter becomes part of the match: FTS5 intersects the lists of the query's
words and of the filter's tokens. The tokens are letters and digits only, so the tokenizer keeps
each one whole.
"""

from __future__ import annotations

from collections.abc import Iterable


def country(code: str) -> str:
    return "c" + code.lower()


def domain(name: str) -> str:
    return "d" + name.replace("_", "")


def modality(name: str) -> str:
    return "m" + name


def year(value: str) -> str:
    return "y" + value[:4]


def tokens(
    parties: Iterable[str], domains: Iterable[str], modality_name: str | None, date: str | None
) -> str:
    """The facets of one provision, as the text indexed in the `facets` column."""
    found = [country(code) for code in parties] + [domain(name) for name in domains]
    if modality_name:
        found.append(modality(modality_name))
    if date and date[:4].isdigit():
        found.append(year(date))
    return " ".join(found)
