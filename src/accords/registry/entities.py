"""Organisations and instruments: registry entries with names in many languages.

Each entry of `organizations.toml` / `instruments.toml` has an id (the acronym in common use),
an English name, case-sensitive acronyms and names per language. A mention resolves to the
entry, so "FNs havrettskonvensjon", "UN-Seerechtsübereinkommen" and "UNCLOS" are one instrument.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from accords.registry.data import load
from accords.registry.gazetteer import Gazetteer, Hit
from accords.registry.states import LOCALES


def dashes(name: str) -> list[str]:
    """A name with a hyphen between two names as texts also write it: with an en dash, or spaced
    ("EU-Mercosur", "EU–Mercosur", "Việt Nam - EU")."""
    if not re.search(r"\w[-–]\w|\s[-–]\s", name):
        return [name]
    bare = re.sub(r"\s*[-–]\s*", "-", name)
    return list(dict.fromkeys([name, bare, bare.replace("-", "–"), bare.replace("-", " - "), bare.replace("-", " – ")]))


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    year: int | None = None
    kind: str | None = None
    parent: str | None = None


class Registry:
    """One kind of entity: entries by id and a gazetteer over all their names."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.entries: dict[str, Entry] = {}
        names: list[tuple[str, str]] = []
        acronyms: list[tuple[str, str]] = []
        for row in rows:
            entry = Entry(str(row["id"]), str(row["name"]), row.get("year"), row.get("kind"), row.get("parent"))
            self.entries[entry.id] = entry
            own = [entry.name] + [n for language in LOCALES for n in row.get(language, [])]
            names.extend((n, entry.id) for name in own for n in dashes(name))
            acronyms.extend((a, entry.id) for acronym in row.get("acronyms", []) for a in dashes(acronym))
        self.gazetteer = Gazetteer(names, acronyms)

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, text: str) -> list[tuple[Hit, Entry]]:
        return [(hit, self.entries[hit.key]) for hit in self.gazetteer.finditer(text)]


@cache
def organizations() -> Registry:
    return Registry(load("organizations").get("org", []))


@cache
def instruments() -> Registry:
    return Registry(load("instruments").get("instrument", []))
